"""Header labels: 'Plats:', 'Datum och tid:', a label and its value in two columns, a row of labels
over a row of values. Which label a line carries, and the lines as the header reader sees them."""
from __future__ import annotations

import re

from generator.authoring.importer.lines import _BULLET, _strip_markup
from generator.authoring.importer.words import LABELS, PRESENT_SUBGROUPS, TABLE_COLUMNS


_LABEL_RE = "|".join(sorted((re.escape(k) for k in LABELS), key=len, reverse=True))


# 'Närvarande i rummet:', 'Deltagare (digitalt):', 'Närvarande från Norrback:' — a sub-group
# after the label
_PAREN = r"(?:\s*\((?P<paren>[^()]{2,30})\)|\s+(?:från|för)\s+(?P<origin>[^:()]{2,40}?))?"


_LINE_LABEL = re.compile(rf"^(?P<label>{_LABEL_RE}|{PRESENT_SUBGROUPS})(?:\s+(?P<sub>{PRESENT_SUBGROUPS}))?{_PAREN}\s*:\s*", re.IGNORECASE)


_INLINE_LABEL = re.compile(rf"(?:(?<=\s)|^)(?P<label>{_LABEL_RE}|{PRESENT_SUBGROUPS})(?:\s+(?P<sub>{PRESENT_SUBGROUPS}))?{_PAREN}\s*:\s*",
                           re.IGNORECASE)


WHEN_WHERE = ("place", "time", "date", "datetime", "timeplace", "dateplace", "all", "link")


def split_labelled(line: str) -> list[tuple[str, str | None, str]]:
    """'Ordförande: Kipa Sekreterare: Elin' → [('ordförande', None, 'Kipa'), ('sekreterare', None, 'Elin')].
    Sub-labels of the present list ('På Teams:') become their own parts."""
    plain = _strip_markup(line)
    if not _LINE_LABEL.match(plain):
        return []
    marks = list(_INLINE_LABEL.finditer(plain))
    parts = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(plain)
        sub = m["sub"] or m["paren"] or m["origin"] or None
        parts.append((m["label"], sub, plain[m.end():end].strip().rstrip(",;").strip()))
    return parts


_PEOPLE_KINDS = ("present", "absent", "guests")


def _bare(line: str) -> str:
    text = _strip_markup(line)
    text = re.sub(r"^[-–•*]\s+", "", text).replace("*", "")
    return text.strip().rstrip(":").strip().lower()


_GAP_LABEL = re.compile(rf"^\s*(?P<label>{_LABEL_RE})(?:[ ]{{2,}}|\t+)(?P<value>\S.*)$", re.IGNORECASE)


# 'Mötesdatum 2025-06-12', 'Tid 10–12', 'Plats Kansliet, Dalby': a when-or-where label with no colon,
# its value starting with a digit or a capital (so 'Plats för nästa möte …' is no label)
_WHEN_WHERE_KINDS = ("place", "time", "date", "datetime", "timeplace", "dateplace", "all")
_WHEN_WHERE_LABELS = "|".join(sorted((re.escape(k) for k, v in LABELS.items()
                                      if v in ("place", "time", "date", "datetime", "timeplace", "dateplace", "all")),
                                     key=len, reverse=True))
_SPACE_LABEL = re.compile(rf"^\s*(?P<label>(?i:{_WHEN_WHERE_LABELS}))[ ](?P<value>(?:[0-9A-ZÅÄÖ]|kl\.?\s).*)$")
_CELL_GAP = re.compile(r"[ ]{3,}|\t+")


def label_view(lines: list[str]) -> list[str]:
    """The lines as the header reader sees them, one for one. A protocol laid out in two columns
    ('Beslutande          Anna Andersson (S)') reads as 'Beslutande: Anna Andersson (S)'; a line
    of two cells far apart ('Styrelsen          Sammanträdesdatum 2024-03-13') reads as its
    cells with a comma between them. The body keeps the lines as written."""
    view = []
    table_width = 0           # inside a plain-text table of people under its heading row
    taken: set[int] = set()   # the names row of a block of signatures, read with its labels
    for k, line in enumerate(lines):
        if k in taken:
            view.append("")
            continue
        signed = _signature_columns(lines, k)
        if signed is not None:
            # 'Sekreterare    Ordförande' / '……    ……' / 'Lotta Frisk    Ingvar Moberg'
            labels, names, row = signed
            view.append(" ".join(f"{a}: {b}" for a, b in zip(labels, names)))
            taken.add(row)
            continue
        pair = _md_label_row(line)
        if pair is not None:
            # '| **Datum** | onsdag 22/11 2023 |': a Markdown table of labels and their values
            view.append(f"{pair[0]}: {pair[1]}")
            continue
        if _md_blank_row(line) and any(_md_label_row(other) is not None for other in lines[k + 1:k + 3]):
            view.append("")           # '| | |' and '|---|---|' over a table of labels
            continue
        cells = [c for c in _CELL_GAP.split(line.strip()) if c]
        below = [c for c in _CELL_GAP.split(lines[k + 1].strip()) if c] if k + 1 < len(lines) else []
        if table_width and 1 < len(cells) <= table_width and not _is_label_cell(cells[0]):
            view.append("| " + " | ".join(" ".join(c.split()) for c in cells) + " |")
            continue
        table_width = 0
        if len(cells) > 1 and _is_people_heading_row(cells) and len(below) > 1:
            # 'Namn          Organisation' over 'Gunilla Persson     Östersunds kommun': a table
            view.append("| " + " | ".join(cells) + " |")
            table_width = len(cells)
            continue
        if len(cells) > 1 and len(below) == len(cells) and all(_is_label_cell(c) for c in cells) \
                and not any(_is_label_cell(c) for c in below):
            # 'Datum    Tid    Plats' over '2024-05-20    13.00–15.00    Kommunhuset'
            view.append(" ".join(f"{a.rstrip(':')}: {' '.join(b.split())}" for a, b in zip(cells, below)))
            continue
        if k > 0 and view and len(cells) > 1 and view[-1].count(": ") == len(cells) \
                and all(f": {' '.join(c.split())}" in view[-1] for c in cells):
            view.append("")           # the values, already read with their labels above
            continue
        value_below = _value_below(lines, k)
        if value_below is not None:
            # 'Datum' (or 'Plats och tid:') alone on a line with its value on the next: both lines
            # read as the label and its value, so both leave the body when the value is taken
            view.append(value_below)
            continue
        above = next((a for a in (k - 1, k - 2) if a >= 0 and _value_line(lines, a) == k
                      and _value_below(lines, a) is not None), None)
        if above is not None:
            view.append(view[above])
            continue
        m = _GAP_LABEL.match(line) or _SPACE_LABEL.match(line)
        if m and (m.re is _GAP_LABEL or len(line.split()) <= 8 or re.match(r"\d|kl\b", m["value"], re.IGNORECASE)):
            # 'Tid och plats 08.30 – 12.00, förbundets kansli, …': a value that opens with the time
            # may be long
            view.append(f"{m['label']}: {' '.join(m['value'].split())}")
            continue
        if len(cells) > 1 and not _BULLET.match(line) and not line.lstrip().startswith("|"):
            # 'Datum:<tab>12 mars' is one label and its value; other cells are parts of one line
            joined = " ".join(cells[0].split())
            for cell in cells[1:]:
                joined += (" " if joined.endswith(":") else ", ") + " ".join(cell.split())
            view.append(joined)
        else:
            view.append(line)
    return view


_DOTS = re.compile(r"^[\s._…·-]*$")


def _signature_columns(lines: list[str], k: int) -> tuple[list[str], list[str], int] | None:
    """A row of labels only ('Sekreterare    Ordförande    Justerande'), then perhaps a row of
    dotted lines, then a row of as many names: (labels, names, the names row)."""
    cells = [c for c in _CELL_GAP.split(lines[k].strip()) if c]
    if len(cells) < 2 or not all(_is_label_cell(c) for c in cells):
        return None
    for n in range(k + 1, min(len(lines), k + 5)):
        if _DOTS.match(lines[n]) or all(_DOTS.match(c) for c in _CELL_GAP.split(lines[n].strip())):
            continue
        below = [c for c in _CELL_GAP.split(lines[n].strip()) if c]
        if len(below) != len(cells) or any(_is_label_cell(c) or ":" in c for c in below):
            return None
        return [c.replace("*", "").strip().rstrip(":") for c in cells], [" ".join(c.split()) for c in below], n
    return None


def _md_cells(line: str) -> list[str] | None:
    text = line.strip()
    if not (text.startswith("|") and text.endswith("|") and len(text) > 1):
        return None
    return [c.replace("**", "").replace("__", "").strip() for c in text[1:-1].split("|")]


def _md_label_row(line: str) -> tuple[str, str] | None:
    """'| **Plats** | Folkets hus |' → ('Plats', 'Folkets hus'): a row of two cells, a label and its value."""
    cells = _md_cells(line)
    if cells is None or len(cells) != 2 or not cells[1] or not _is_label_cell(cells[0]):
        return None
    return cells[0].rstrip(":").strip(), " ".join(cells[1].split())


def _md_blank_row(line: str) -> bool:
    cells = _md_cells(line)
    return cells is not None and all(not c or re.fullmatch(r":?-{2,}:?", c) for c in cells)


def _value_line(lines: list[str], k: int) -> int | None:
    """The line of the value under a label alone on line k: the next line, or the one after a
    single blank line (a Word document writes each paragraph apart)."""
    n = k + 1
    if n < len(lines) and not lines[n].strip():
        n += 1
    return n if n < len(lines) and lines[n].strip() else None


def _value_below(lines: list[str], k: int) -> str | None:
    """'Datum' / 'Plats och tid:' alone on line k and a value on the next line (or after one blank
    line) that is no label: 'Datum: 2025-04-03'. Only labels of when and where: a people label
    over names is read elsewhere."""
    n = _value_line(lines, k)
    if n is None:
        return None
    label = _bare(lines[k])
    if LABELS.get(label) not in _WHEN_WHERE_KINDS or _BULLET.match(lines[n]):
        return None
    value = " ".join(_strip_markup(lines[n]).split())
    if not value or _bare(value) in LABELS or split_labelled(value) or len(value.split()) > 20:
        return None
    return f"{label[:1].upper()}{label[1:]}: {value}"


def _is_people_heading_row(cells: list[str]) -> bool:
    """'Namn', 'Organisation', 'Roll': the heading row of a table of people (a name column and
    at least one other known column)."""
    kinds = [TABLE_COLUMNS.get(c.replace("*", "").strip().rstrip(":").lower()) for c in cells]
    return "name" in kinds and sum(kind is not None for kind in kinds) >= 2


def _is_label_cell(cell: str) -> bool:
    return cell.replace("*", "").strip().rstrip(":").strip().lower() in LABELS


def _field_label_line(line: str) -> bool:
    """'Antecknare: Lisa Holm', 'Plats: …': a line with a label of another field, which ends a
    block of people."""
    parts = split_labelled(line)
    if parts:
        return LABELS.get(parts[0][0].lower()) not in _PEOPLE_KINDS
    # 'Justerare Mats Öberg' without a colon: a label that is no field ends the people too
    words = _strip_markup(line).replace("*", "").split()
    return len(words) > 1 and words[0][:1].isupper() and any(
        LABELS.get(" ".join(words[:n]).lower()) == "ignore" for n in (1, 2))
