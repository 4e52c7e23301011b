"""What the office readers share: bold runs as Markdown, table rows as lines."""
from __future__ import annotations

import re

from generator.authoring.importer.words import LABELS

_LABEL_CELL = re.compile(r"^\s*(?P<label>[^:]{2,40}?)\s*:?\s*$")


def bold_markup(pieces: list[tuple[str, bool]]) -> str:
    """[('Beslut', True), (': att …', False)] → '**Beslut**: att …'; neighbouring bold runs join,
    and the markers sit inside the spaces ('**Ordförande:** Kipa')."""
    merged: list[list] = []
    for text, bold in pieces:
        if not text:
            continue
        if merged and (merged[-1][1] == bold or not text.strip()):
            merged[-1][0] += text
        else:
            merged.append([text, bold])
    out = []
    for text, bold in merged:
        if bold and text.strip():
            lead = text[:len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()):]
            out.append(f"{lead}**{text.strip()}**{trail}")
        else:
            out.append(text)
    return "".join(out)


def is_label(text: str) -> bool:
    """'Datum', 'Plats:', 'Närvarande ledamöter' — a header label the importer knows."""
    m = _LABEL_CELL.match(text.replace("*", ""))
    return bool(m) and m["label"].strip().lower() in LABELS


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table as lines. A two-column table whose first cells are labels ('Datum' | '12 mars')
    becomes 'Datum: 12 mars'; a table of people ('Karin Ek' | 'ordförande') becomes one
    'Karin Ek, ordförande' a line under its label; anything else a Markdown table."""
    rows = [row for row in rows if any(c.strip() for c in row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    if width == 2 and sum(1 for row in rows if is_label(row[0])) >= max(1, len(rows) // 2):
        # a value cell of several lines (one person a line) keeps them: the first after the
        # label, the others as lines of their own below it
        out = []
        for left, right in ((row + ["", ""])[:2] for row in rows):
            left = " ".join(left.split())
            values = [" ".join(v.split()) for v in right.splitlines() if v.strip()]
            if left and values:
                out.append(f"{left.rstrip(':').strip()}: {values[0]}")
                out.extend(values[1:])
            elif left:
                out.append(left)
            else:
                out.extend(values)
        return out
    if len(rows) == 2 and all(is_label(c) for c in rows[0] if c.strip()):
        # 'Datum | Tid | Plats' over '2024-05-20 | 13.00–15.00 | Kommunhuset'
        return [f"{' '.join(a.split()).rstrip(':')}: {' '.join(b.split())}"
                for a, b in zip(rows[0], rows[1]) if a.strip() and b.strip()]
    rows = [[" ".join(c.split()) for c in row] for row in rows]
    cells = [[c.replace("|", "\\|") for c in (row + [""] * width)[:width]] for row in rows]
    out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    out.extend("| " + " | ".join(row) + " |" for row in cells[1:])
    return out
