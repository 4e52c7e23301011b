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

from .common import bold_markup, table_lines

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(?P<n>\d)$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|rubrik|titel)$", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"number|numrer", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list|lista|liststycke)", re.IGNORECASE)


def _runs(paragraph: Paragraph) -> list[tuple[str, bool]]:
    """The paragraph's text with bold marked; a soft line break (w:br) becomes '\n'."""
    style_bold = bool(paragraph.style is not None and paragraph.style.font is not None
                      and paragraph.style.font.bold)
    pieces: list[tuple[str, bool]] = []
    for run in paragraph.runs:
        bold = run.bold if run.bold is not None else style_bold
        text = ""
        for child in run._r.iterchildren():
            if child.tag == qn("w:t"):
                text += child.text or ""
            elif child.tag == qn("w:tab"):
                text += " "
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


def _blocks(document):
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def read_docx(raw: bytes) -> str:
    document = docx.Document(io.BytesIO(raw))
    out: list[str] = []
    counter = 0

    def add(text: str, tight: bool = False) -> None:
        if out and not tight:
            out.append("")
        out.append(text)

    previous_list = None
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
        kind = _list_kind(block)
        if heading or _TITLE_STYLE.match(style):
            level = int(heading["n"]) if heading else 1
            add("#" * min(level, 6) + " " + text.replace("**", "").replace("\n", " ").strip())
            previous_list = None
        elif kind:
            counter = counter + 1 if previous_list == "numbered" and kind == "numbered" else 1
            marker = f"{counter}." if kind == "numbered" else "-"
            add(f"{marker} {text.strip()}", tight=previous_list is not None)
            previous_list = kind
        else:
            add(text.strip())
            previous_list = None
    return "\n".join(out) + "\n"
