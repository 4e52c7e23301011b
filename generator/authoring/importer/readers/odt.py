"""LibreOffice (.odt) → Markdown-ish text. An .odt file is a zip with content.xml; the standard
library reads it: text:h → '#' headings, text:list → '- ' items, bold spans → '**…**',
text:line-break → line breaks, tables → lines (common.table_lines)."""
from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from generator.authoring.importer.readers.common import bold_markup, table_lines

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}


def _tag(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def _bold_styles(root) -> set[str]:
    names = set()
    for style in root.iter(_tag("style", "style")):
        props = style.find(_tag("style", "text-properties"))
        if props is not None and props.get(_tag("fo", "font-weight")) in ("bold", "700", "800", "900"):
            names.add(style.get(_tag("style", "name")))
    return names


def _pieces(element, bold_styles: set[str], bold: bool = False) -> list[tuple[str, bool]]:
    pieces = []
    style = element.get(_tag("text", "style-name"))
    bold = bold or style in bold_styles
    if element.text:
        pieces.append((element.text, bold))
    for child in element:
        if child.tag == _tag("text", "line-break"):
            pieces.append(("\n", bold))
        elif child.tag == _tag("text", "s"):
            pieces.append((" " * int(child.get(_tag("text", "c"), "1")), bold))
        elif child.tag == _tag("text", "tab"):
            pieces.append(("\t", bold))
        else:
            pieces.extend(_pieces(child, bold_styles, bold))
        if child.tail:
            pieces.append((child.tail, bold))
    return pieces


def _text(element, bold_styles: set[str]) -> str:
    return "\n".join(line.rstrip() for line in bold_markup(_pieces(element, bold_styles)).split("\n")).strip()


def read_odt(raw: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        content = archive.read("content.xml")
        styles = archive.read("styles.xml") if "styles.xml" in archive.namelist() else None
    root = ElementTree.fromstring(content)
    bold_styles = _bold_styles(root) | (_bold_styles(ElementTree.fromstring(styles)) if styles else set())
    body = root.find(f"{_tag('office', 'body')}/{_tag('office', 'text')}")
    out: list[str] = []

    def walk(element, depth: int = 0) -> None:
        for child in element:
            if child.tag == _tag("text", "h"):
                level = int(child.get(_tag("text", "outline-level"), "1"))
                text = _text(child, bold_styles).replace("**", "").replace("\n", " ")
                if text:
                    out.extend(["", "#" * min(level, 6) + " " + text])
            elif child.tag == _tag("text", "p"):
                text = _text(child, bold_styles)
                if text:
                    out.extend(["", text])
            elif child.tag == _tag("text", "list"):
                out.append("")
                for item in child.iter(_tag("text", "list-item")):
                    for para in item.findall(_tag("text", "p")):
                        text = _text(para, bold_styles)
                        if text:
                            out.append("- " + text)
            elif child.tag == _tag("table", "table"):
                rows = []
                for row in child.iter(_tag("table", "table-row")):
                    rows.append(["\n".join(_text(p, bold_styles).replace("**", "")
                                           for p in cell.iter(_tag("text", "p")))
                                 for cell in row.findall(_tag("table", "table-cell"))])
                lines = table_lines(rows)
                if lines:
                    out.extend(["", *lines])
            elif child.tag == _tag("text", "section"):
                walk(child, depth + 1)

    if body is not None:
        walk(body)
    return "\n".join(out).strip() + "\n"
