"""Word (.docx) → Markdown-ish text, read by style with python-docx.

Heading n / Rubrik n → '#' × n, list styles and numbered paragraphs → '- ' / '1. ', bold runs →
'**…**', soft line breaks → line breaks, tables → lines (common.table_lines), in document order.
"""
from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from generator.authoring.importer.readers.common import bold_markup, table_lines

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(?P<n>\d)$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|rubrik|titel)$", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"number|numrer", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list|lista|liststycke)", re.IGNORECASE)


def _runs(paragraph: Paragraph) -> list[tuple[str, bool]]:
    """The paragraph's text with bold marked, every run of it: also those inside a hyperlink, a
    tracked insertion or a field; not those of a tracked deletion. A soft line break (w:br)
    becomes '\n', a tab a tab (the header reader takes it for a column)."""
    style_bold = bool(paragraph.style is not None and paragraph.style.font is not None
                      and paragraph.style.font.bold)
    pieces: list[tuple[str, bool]] = []
    for r in paragraph._p.iter(qn("w:r")):
        if any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in r.iterancestors()):
            continue
        run = Run(r, paragraph)
        bold = run.bold if run.bold is not None else style_bold
        text = ""
        for child in r.iterchildren():
            if child.tag == qn("w:t"):
                text += child.text or ""
            elif child.tag == qn("w:tab"):
                text += "\t"
            elif child.tag in (qn("w:br"), qn("w:cr")):
                text += "\n"
        pieces.append((text, bool(bold)))
    return pieces


def _paragraph_text(paragraph: Paragraph) -> str:
    lines = bold_markup(_runs(paragraph)).split("\n")
    # a bold span cut by a line break: close and reopen it on each line
    fixed = []
    for line in lines:
        if line.count("**") % 2:
            line = line + "**" if line.lstrip().startswith("**") else "**" + line
        fixed.append(line.rstrip())
    return "\n".join(fixed)


def _list_kind(paragraph: Paragraph) -> str | None:
    style = paragraph.style.name if paragraph.style is not None else ""
    numbered_props = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if _NUMBERED_STYLE.search(style):
        return "numbered"
    if _LIST_STYLE.search(style) or numbered_props:
        return "bullet"
    return None


class _Numbering:
    """Word's own list numbering: which list and level a paragraph is on, the format of that
    level ('decimal', 'bullet', …) and its text ('%1.', '§ %1'), and the running counters, so
    that an auto-numbered agenda keeps its numbers ('1.', '§ 3')."""

    def __init__(self, document):
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for item in numbering.findall(qn("w:abstractNum")):
            levels = {}
            for level in item.findall(qn("w:lvl")):
                fmt = level.find(qn("w:numFmt"))
                text = level.find(qn("w:lvlText"))
                start = level.find(qn("w:start"))
                levels[level.get(qn("w:ilvl"))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "bullet",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1)
            abstract[item.get(qn("w:abstractNumId"))] = levels
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            for ilvl, level in abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}).items():
                self.levels[(num.get(qn("w:numId")), ilvl)] = level

    @staticmethod
    def _num_pr(paragraph: Paragraph):
        pPr = paragraph._p.pPr
        if pPr is not None and pPr.numPr is not None:
            return pPr.numPr
        style = paragraph.style
        while style is not None:
            spPr = style.element.pPr
            if spPr is not None and spPr.numPr is not None:
                return spPr.numPr
            style = style.base_style
        return None

    def marker(self, paragraph: Paragraph) -> str | None:
        """'1.', '§ 3', '-' for a paragraph in a list; None for one that is not."""
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return None
        num_id = str(num_pr.numId.val)
        ilvl = str(num_pr.ilvl.val) if num_pr.ilvl is not None else "0"
        if num_id == "0":
            return None
        fmt, text, start = self.levels.get((num_id, ilvl), ("bullet", "", 1))
        if fmt in ("bullet", "none", ""):
            return "-"
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]        # a new item restarts the levels under it
        if fmt != "decimal" or "%" not in text:
            return "-"
        marker = text.replace(f"%{int(ilvl) + 1}", str(self.counters[key]))
        return marker if "%" not in marker else f"{self.counters[key]}."


def _blocks(document, parent=None):
    """Paragraphs and tables in document order, also those inside a content control (w:sdt)."""
    parent = document.element.body if parent is None else parent
    for child in parent.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(document, content)


def read_docx(raw: bytes) -> str:
    document = docx.Document(io.BytesIO(raw))
    out: list[str] = []
    counter = 0

    def add(text: str, tight: bool = False) -> None:
        if out and not tight:
            out.append("")
        out.append(text)

    previous_list = None
    numbering = _Numbering(document)
    for block in _blocks(document):
        if isinstance(block, Table):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            lines = table_lines(rows)
            if lines:
                add("\n".join(lines))
            previous_list = None
            continue
        text = _paragraph_text(block)
        if not text.strip():
            previous_list = None
            continue
        style = block.style.name if block.style is not None else ""
        heading = _HEADING_STYLE.match(style)
        marker = numbering.marker(block)
        kind = _list_kind(block)
        if heading or _TITLE_STYLE.match(style):
            level = int(heading["n"]) if heading else 1
            number = f"{marker} " if marker and marker != "-" else ""
            add("#" * min(level, 6) + " " + number + text.replace("**", "").replace("\n", " ").strip())
            previous_list = None
        elif marker and marker != "-":
            # Word's own numbering: '1. Mötets öppnande', '§ 3 Ekonomi'
            add(f"{marker} {text.strip()}", tight=previous_list == "numbered")
            previous_list = "numbered"
        elif kind:
            counter = counter + 1 if previous_list == "numbered" and kind == "numbered" else 1
            marker = f"{counter}." if kind == "numbered" else "-"
            add(f"{marker} {text.strip()}", tight=previous_list is not None)
            previous_list = kind
        else:
            add(text.strip())
            previous_list = None
    return "\n".join(out) + "\n"
