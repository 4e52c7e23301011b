"""PDF with a text layer → Markdown-ish text, rebuilt from the layout with pdfminer.six.

Text lines are taken top to bottom per page; pieces on the same height join into one line (a
label in one column and its value in the next: 'Datum  12 mars 2024' → 'Datum: 12 mars 2024').
A line in a larger font than the body text is a heading, a line set all in bold is bold, a gap
wider than the line spacing ends a paragraph, '•' starts a list item. Page numbers are dropped.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

from generator.authoring.importer.readers.common import is_label

_PAGE_NUMBER = re.compile(r"^(?:sida\s*)?\d{1,3}(?:\s*(?:av|/|\()\s*\d{1,3}\)?)?$", re.IGNORECASE)
_BULLET_CHARS = "•●▪◦‣–-*"
# a bullet drawn in a symbol font: pdfminer gives '(cid:127)' or a private-use character
_GLYPH_BULLET = re.compile(r"^(?:\(cid:\d+\)|[\uf000-\uf0ff])\s*")


class EmptyText(ValueError):
    """The PDF has no text layer: a scanned image."""


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x: float
    right: float
    size: float
    bold: bool
    text: str
    margin: bool = False          # in the page's top or bottom margin: a running header or footer
    page_width: float = 595.0


def _chars(line: LTTextLine) -> list[LTChar]:
    return [c for c in line if isinstance(c, LTChar)]


def _lines(raw: bytes) -> list[_Line]:
    found: list[_Line] = []
    params = LAParams(line_margin=0.3, char_margin=2.0)
    for number, page in enumerate(extract_pages(io.BytesIO(raw), laparams=params)):
        pieces = []
        text_lines = []
        for element in page:
            if isinstance(element, LTTextLine):
                text_lines.append(element)      # a line on its own: a lone bullet, a page number
            elif isinstance(element, LTTextContainer):
                text_lines.extend(line for line in element if isinstance(line, LTTextLine))
        for line in text_lines:
            chars = _chars(line)
            text = _line_text(line)
            if not text.strip() or not chars:
                continue
            letters = [c for c in chars if c.get_text().strip()]
            size = round(max(c.size for c in letters), 1) if letters else 0
            bold = bool(letters) and all("bold" in c.fontname.lower() for c in letters)
            text = _GLYPH_BULLET.sub("• ", text)
            height = page.height or 842
            margin = line.y0 > height * 0.92 or line.y1 < height * 0.08
            pieces.append(_Line(number, line.y1, line.y0, line.x0, line.x1, size, bold, text, margin,
                                page.width or 595.0))
        # the same baseline: one line, left to right
        pieces.sort(key=lambda p: (-p.bottom, p.x))
        rows: list[list[_Line]] = []
        for piece in pieces:
            if rows and abs(rows[-1][0].bottom - piece.bottom) < 2.5:
                rows[-1].append(piece)
            else:
                rows.append([piece])
        pieces = [piece for row in rows for piece in sorted(row, key=lambda p: p.x)]
        merged: list[_Line] = []
        for piece in pieces:
            if merged and abs(merged[-1].bottom - piece.bottom) < 2.5 and merged[-1].page == piece.page:
                last = merged[-1]
                left = last.text.rstrip()
                # a label in one column and its value in the next; two cells far apart keep a
                # wide gap, which the header reader reads as two cells
                wide = piece.x - last.right > 2 * max(piece.size, 1)
                label_pair = is_label(left) and not left.endswith(":") and not is_label(piece.text)
                joiner = ": " if label_pair else ("    " if wide else " ")
                last.text = left + joiner + piece.text.strip()
                last.bold = last.bold and piece.bold
                last.right = max(last.right, piece.right)
            else:
                merged.append(piece)
        found.extend(merged)
    return found


def _line_text(line: LTTextLine) -> str:
    """The line's text; a gap wider than two letters between two characters (a tab stop, the next
    column) becomes four spaces, which the header reader takes for two cells."""
    text, previous = "", None
    for item in line:
        if isinstance(item, LTChar):
            if previous is not None and item.x0 - previous.x1 > 2 * max(item.size, 1):
                text = text.rstrip() + "    "
            text += item.get_text()
            previous = item
        else:
            text += item.get_text()
    return text.replace("\n", "").rstrip()


def _wrapped(previous: _Line, line: _Line, right_edge: float) -> bool:
    """The line continues the one above because the page's width broke it: the first word of
    the line would not have fitted at the end of the line above."""
    if abs(line.x - previous.x) > 2:
        return False
    first_word = line.text.split()[0] if line.text.split() else ""
    # the word and the space before it
    return previous.right + (len(first_word) + 1) * line.size * 0.5 > right_edge - 2


def _starts_with_label(text: str) -> bool:
    """'Plats: …', 'Beslutande' alone, 'Justerare Yasmin Khalil': a line that opens with a label
    begins a field of its own and never continues the line above."""
    m = re.match(r"^\**([^:*]{2,40}?)\**:", text)
    if m and is_label(m.group(1)):
        return True
    words = text.replace("*", "").split()
    return bool(words) and words[0][:1].isupper() and any(
        is_label(" ".join(words[:n])) for n in range(1, min(len(words), 3) + 1))


def read_pdf(raw: bytes) -> str:
    lines = [line for line in _lines(raw) if not _PAGE_NUMBER.match(line.text.strip())]
    # a running header or footer ('Protokoll 2024-03-12 | Sida 2') is kept once, where it first stands
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = re.sub(r"\d+", "#", line.text.strip().lower())
        if line.margin and key in seen:
            continue
        if line.margin:
            seen.add(key)
        kept.append(line)
    lines = kept
    if not lines:
        raise EmptyText("no text layer")
    body_size = Counter(line.size for line in lines).most_common(1)[0][0]
    bigger = sorted({line.size for line in lines if line.size > body_size * 1.12}, reverse=True)
    # the line spacing inside a paragraph: the commonest distance between two baselines that is
    # not much more than the font size (wider ones are paragraph gaps)
    spacing = Counter(round(a.bottom - b.bottom) for a, b in zip(lines, lines[1:])
                      if a.page == b.page and 0 < a.bottom - b.bottom <= body_size * 1.7).most_common(1)
    step = spacing[0][0] if spacing else body_size * 1.2
    # where a full line ends: the page's width less a right margin as wide as the left one
    left_margin = min(line.x for line in lines)
    right_edge = max(lines[0].page_width - left_margin, left_margin + 1)
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        text = line.text.strip()
        new_block = (previous is None or previous.page != line.page
                     or previous.bottom - line.bottom > step * 1.4
                     or line.size != previous.size)
        if line.size in bigger:
            level = min(bigger.index(line.size) + 1, 5)
            out.extend(["", "#" * level + " " + text])
            previous = line
            continue
        if text[:1] in _BULLET_CHARS and len(text) > 2 and text[1] == " " or text[:1] in "•●▪◦‣":
            item = text[1:].strip()
            out.extend(["- " + item] if previous is not None and out and out[-1].startswith("- ")
                       and not new_block else ["", "- " + item])
            previous = line
            continue
        if line.bold:
            text = f"**{text}**"
        if new_block or (previous is not None and previous.bold != line.bold):
            out.append("")
        elif out and out[-1].startswith("- ") and line.x > previous.x:
            out[-1] += " " + text      # a list item that runs over two lines
            previous = line
            continue
        elif (out and out[-1] and previous is not None and _wrapped(previous, line, right_edge)
              and not previous.bold and not line.bold and not _starts_with_label(text)
              and (text[:1].islower() or text[:1].isdigit() or re.search(r"[a-zåäöé,]$", out[-1]))):
            out[-1] += " " + text      # a paragraph the page's width wrapped
            previous = line
            continue
        out.append(text)
        previous = line
    return "\n".join(out).strip() + "\n"
