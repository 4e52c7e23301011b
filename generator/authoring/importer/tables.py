"""A table of people with a heading row ('| Namn | Organisation | Närvaro |'): each column read
for what its heading says, the people sorted into present and absent by a presence column."""
from __future__ import annotations

import re

from generator.authoring.importer.names import KnownNames, best_name
from generator.authoring.importer.people import normalise_role, parse_person
from generator.authoring.importer.words import PARTIES, TABLE_ABSENT_VALUES, TABLE_COLUMNS, TABLE_PLACE_VALUES, TABLE_PRESENT_VALUES


_RULE = re.compile(r":?-{2,}:?")
_PLACE = re.compile(rf"(?:{TABLE_PLACE_VALUES})", re.IGNORECASE)
_EMPTY = ("", "-", "–", "—")


def table_cells(line: str) -> list[str] | None:
    """The cells of a Markdown table row; None when the line is no row."""
    text = line.strip().replace("**", "")
    if not text.startswith("|"):
        return None
    return [c.strip() for c in text.strip("|").split("|")]


def table_columns(line: str) -> list[str | None] | None:
    """What each column of a heading row holds ('name', 'organisation', 'presence' …); None when
    the row is no heading row of a table of people (it must have a name column)."""
    cells = table_cells(line)
    if not cells:
        return None
    kinds = [TABLE_COLUMNS.get(c.lower().rstrip(":")) for c in cells]
    if "name" not in kinds or sum(k is not None for k in kinds) < 2:
        return None
    return kinds


def read_people_table(lines: list[str], i: int, known: KnownNames) -> tuple[dict, list[int]] | None:
    """The table whose heading row is line `i` → ({'present': [...], 'absent': [...]}, its lines).
    None when a row's name cell is no name: the table then stays in the text as written."""
    kinds = table_columns(lines[i])
    if kinds is None:
        return None
    used = [i]
    flat: list = []
    groups: dict[str, list] = {}
    absent: list = []
    j = i + 1
    while j < len(lines) and table_cells(lines[j]) is not None:
        cells = table_cells(lines[j])
        used.append(j)
        j += 1
        if all(_RULE.fullmatch(c) or not c for c in cells):
            continue
        row = _row(cells, kinds, known)
        if row is None:
            return None
        person, presence = row
        if presence == "absent":
            absent.append(person)
        elif presence:
            groups.setdefault(presence, []).append(person)
        else:
            flat.append(person)
    if not (flat or groups or absent):
        return None
    present = flat + [{"group": name, "people": people} for name, people in groups.items()]
    return {"present": present, "absent": absent}, used


def _row(cells: list[str], kinds: list[str | None], known: KnownNames) -> tuple[object, str | None] | None:
    """One row → (the person, 'absent' / a place group / None)."""
    values: dict[str, list[str]] = {}
    for kind, cell in zip(kinds, cells):
        if cell not in _EMPTY:
            values.setdefault(kind or "note", []).append(" ".join(cell.split()))
    name = (values.get("name") or [""])[0]
    person = parse_person(name, None, known)
    if person is None:
        return None
    person = {"name": person} if isinstance(person, str) else dict(person)
    roles = [person["role"]] if person.get("role") else []
    roles += [normalise_role(v) for v in values.get("role", [])]
    for organisation in values.get("organisation", []):
        fed, fuzzy = best_name(organisation, known.federations)
        if fed is not None and not fuzzy and not person.get("federation"):
            person["federation"] = fed.slug
        else:
            roles.append(organisation)
    presence = None
    for value in values.get("presence", []):
        lowered = value.lower().strip(" .")
        if lowered in TABLE_ABSENT_VALUES:
            presence = "absent"
        elif _PLACE.fullmatch(lowered):
            presence = value[:1].upper() + value[1:]
        elif lowered not in TABLE_PRESENT_VALUES:
            roles.append(value[:1].lower() + value[1:])     # 'Tjänstgörande för Tobias Falk'
    roles += values.get("note", [])
    role = ", ".join(r for r in roles if r)
    parties = [v.upper() if v.upper() in PARTIES else v for v in values.get("party", [])]
    if parties:
        role = f"{role} ({parties[0]})" if role else f"({parties[0]})"
    if role:
        person["role"] = role
    person = {k: person[k] for k in ("name", "federation", "role") if person.get(k)}
    return (person if set(person) != {"name"} else person["name"]), presence
