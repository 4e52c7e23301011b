"""The people in the header: lists under a label, grouped under the protocol's own headings or
under federations, continued on the lines below, in a table, one a line under no label; a
role as a label; the chair and secretary read from their roles."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.authoring.importer.labels import _PEOPLE_KINDS, _bare, _field_label_line, split_labelled
from generator.authoring.importer.lines import _BULLET, _MD_HEADING, _NUMBERED, _strip_markup
from generator.authoring.importer.names import KnownNames, best_name
from generator.authoring.importer.people import _organisation_first, _people_block, _split_commas, is_affiliation, is_description, is_role, normalise_role, parse_people, parse_person_line
from generator.authoring.importer.tables import read_people_table, table_columns
from generator.authoring.importer.words import CHAIR_ROLES, LABELS, PRESENT_GROUP_LABELS, PRESENT_SUBGROUPS, SECRETARY_ROLES, TABLE_HEADINGS


_SUBGROUP_LABEL = re.compile(rf"^(?P<label>.+?)\s+(?P<sub>{PRESENT_SUBGROUPS})$", re.IGNORECASE)


def _people_label(line: str) -> str | None:
    """The label of a line that is only a people label: 'Beslutande ledamöter', '**Förhinder:**',
    'Närvarande via Teams' (a present label and where the people were)."""
    bare = _bare(line)
    return bare if _label_kind(bare) in _PEOPLE_KINDS else None


def _label_kind(label: str) -> str | None:
    """The field a people label fills: 'närvarande via teams' → 'present'."""
    if label in LABELS:
        return LABELS[label]
    qualified = re.fullmatch(r"(?P<base>[^()]+?)\s*\((?P<inner>[^()]+)\)", label)
    if qualified and qualified["base"] in LABELS and LABELS[qualified["base"]] in _PEOPLE_KINDS:
        # 'Närvarande ersättare (ej tjänstgörande)', 'Ersättare (frånvarande)': the words in
        # brackets say more about the people; they decide only when they say absent
        inner = LABELS.get(qualified["inner"].strip())
        return "absent" if inner == "absent" else LABELS[qualified["base"]]
    m = _SUBGROUP_LABEL.match(label)
    if re.fullmatch(PRESENT_SUBGROUPS, label, re.IGNORECASE):
        return "present"        # 'På plats' / 'Digitalt' / 'Via Teams' over a list of people
    return "present" if m and LABELS.get(m["label"]) == "present" else None


def _group_label(label: str) -> bool:
    """A label whose heading is kept as the name of its group of people."""
    return label in PRESENT_GROUP_LABELS or (label not in LABELS and _label_kind(label) == "present")


def _federation_label(line: str, known: KnownNames) -> object | None:
    """A line that is only a known federation's name: a sub-group heading ('**Norrback**')."""
    bare = _bare(line)
    if not bare or "," in bare or len(bare.split()) > 5:
        return None
    fed, fuzzy = best_name(_strip_markup(line).replace("*", "").strip(" :"), known.federations)
    return fed if fed is not None and not fuzzy else None


@dataclass(frozen=True)
class _Heading:
    label: str
    slug: str | None = None


def _group_heading(lines: list[str], k: int, end: int, known: KnownNames) -> object | None:
    """A known federation's name alone on a line, or an organisation's name ('Samordningsförbundet
    Sundsvall', 'Region Väst') over lines of people set in deeper: the heading of a group."""
    fed = _federation_label(lines[k], known)
    if fed is not None:
        return fed
    line = lines[k]
    text = _strip_markup(line).replace("*", "").strip(" :")
    if not text or line[:1].isspace() or "," in text or len(text.split()) > 6 or is_role(text) \
            or not is_affiliation(text, known):
        return None
    below = next((lines[n] for n in range(k + 1, min(end, k + 3)) if lines[n].strip()), "")
    indent = len(below) - len(below.lstrip())
    return _Heading(text) if indent > 0 and not _BULLET.match(below) else None


_PAIR = re.compile(r"^(?P<a>[^,()]+?)\s+(?:och|samt|&)\s+(?P<b>[^,()]+?)(?P<rest>\s*,.*)?$")


def _people_in_line(line: str, known: KnownNames, federation: str | None) -> list | None:
    """The people one line of a list holds: one person with their affiliations, or several names."""
    text = _BULLET.match(line)["text"] if _BULLET.match(line) else line.strip()
    text = _organisation_first(text.replace("**", "").strip())
    if text.startswith("|"):
        # a row of a table of people: 'Namn | Organisation' heads it, '---' rules it
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            return []
        if all(c.lower() in TABLE_HEADINGS or not c for c in cells):
            return []
        cells = [c for c in cells if c]
        # the name first, whatever column it stands in ('Östra Dalen | Rune Ek | ordförande')
        names = [c for c in cells if looks_like_full_name(c) and not is_affiliation(c, known)]
        if names:
            cells = [names[0], *[c for c in cells if c is not names[0]]]
        text = ", ".join(cells)
    if not text or ":" in text:
        return None
    pieces = [p.strip() for p in re.split(r";(?![^()]*\))", text) if p.strip()]
    if len(pieces) > 1:
        # 'Maria Tallgren, förbundschef; Olle Hammar, utvecklingsledare': one person a piece
        each = [_people_in_line(piece, known, federation) for piece in pieces]
        return [p for people in each for p in people] if all(each) else None
    pair = _PAIR.match(text)
    if pair and all(looks_like_full_name(pair[k]) and not is_affiliation(pair[k], known) for k in ("a", "b")):
        # 'Frida Nordin och Amir Haddad, Arbetsförmedlingen': two people, one affiliation
        both = [parse_person_line(pair[k] + (pair["rest"] or ""), known, federation) for k in ("a", "b")]
        if all(p is not None for p in both):
            return both
    parts = _split_commas(text)
    if len(parts) > 1 and not any(is_description(p, known) for p in parts[1:]):
        people, _ = parse_people(text, known)
        if people and all(not isinstance(p, dict) or "people" not in p for p in people):
            return [p if federation is None or isinstance(p, dict) else {"name": p, "federation": federation}
                    for p in people]
        return None
    person = parse_person_line(text, known, federation)
    if person is None and (m := _ROLE_FIRST.match(text)) and looks_like_full_name(m["name"]):
        # 'kommunstyrelsens ordförande Anders Wiklund (M)': the role before the name
        person = parse_person_line(f"{m['name']}{m['rest'] or ''}, {m['role']}", known, federation)
    return [person] if person is not None else None


_ROLE_FIRST = re.compile(r"^(?P<role>[a-zåäöé][\w.-]*(?:\s+[\w.-]+){0,4}?)\s+"
                         r"(?P<name>[A-ZÅÄÖÉ][\w'-]+(?:\s+[A-ZÅÄÖÉ][\w'-]+){1,2})(?P<rest>\s*\([^()]*\))?$")


def _organisation_line(line: str, known: KnownNames) -> tuple[str, list] | None:
    """'- Hyttby kommun: Göran Ahl (S), via Teams': an organisation (no label) and its people."""
    m = _ORGANISATION_LINE.match(line.replace("**", ""))
    if not m or LABELS.get(m["org"].lower()) is not None or not is_affiliation(m["org"], known):
        return None
    people = _people_in_line(m["value"], known, None)
    return (m["org"], people) if people else None


_ORGANISATION_LINE = re.compile(r"^\s*(?:[-–•*]\s+)?(?P<org>[^:()]{2,60}?)\s*:\s+(?P<value>\S.*)$")


def _read_people_under_label(lines: list[str], i: int, end: int, known: KnownNames, notes: list[str],
                             fields: dict, removed: set[int]) -> int:
    """The people under a label line, in groups when the protocol groups them ('Beslutande
    ledamöter' / 'Tjänstgörande ersättare' / 'Övriga närvarande', or one federation's name a
    group). Returns the line after the last one read; `i` when nothing was read."""
    label = _people_label(lines[i])
    # the plain forms the importer always read: a name list, bullets, 'Federation: names' lines
    block, j = [], i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j < end and table_columns(lines[j]) is not None:
        after = read_table(lines, j, known, fields, removed, _label_kind(label))
        if after > j:
            removed.add(i)
            return after
    while j < len(lines) and lines[j].strip() and not _field_label_line(lines[j]) \
            and not _other_kind(lines[j], _label_kind(label), known):
        block.append(j)
        j += 1
    grouped = _group_label(label) or any(
        _people_label(lines[k]) or _group_heading(lines, k, end, known) for k in block)
    if block and not grouped:
        value = _people_block(unwrap([lines[k] for k in block]), known, notes)
        if value is not None:
            _add_people(fields, _label_kind(label), value, _bare(lines[i]))
            removed.update([i, *block])
            return j
    # groups, line by line; a line that is no person ends the list and stays in the text
    groups: list[dict] = []
    current = {"kind": _label_kind(label), "group": label if _group_label(label) else None,
               "label": lines[i], "federation": None, "people": [], "lines": [i]}
    j = i + 1
    while j < end:
        line = lines[j]
        if not line.strip():
            k = j + 1
            while k < end and not lines[k].strip():
                k += 1
            if k < end and (_people_label(lines[k]) or _group_heading(lines, k, end, known)) \
                    or (k < end and not current["people"]):
                j = k
                continue
            break
        next_label = _people_label(line)
        fed = None if next_label else _group_heading(lines, j, end, known)
        if next_label or fed is not None:
            groups.append(current)
            kind = _label_kind(next_label) if next_label else current["kind"]
            name = next_label if next_label and _group_label(next_label) else (fed.label if fed else None)
            current = {"kind": kind, "group": name, "label": line, "federation": fed.slug if fed else None,
                       "people": [], "lines": [j]}
            j += 1
            continue
        inline = _inline_people(line, known)
        if inline is not None:
            # '- Inbjuden gäst: Nora Sandberg, utvärderare' among the others: that kind, one line
            groups.append(current)
            groups.append({"kind": inline[0], "group": None, "label": line, "federation": None,
                           "people": inline[1], "lines": [j]})
            current = {**current, "people": [], "lines": []}
            j += 1
            continue
        org_line = _organisation_line(line, known)
        if org_line is not None:
            # '- Hyttby kommun: Göran Ahl (S)' among the people: that organisation's people
            groups.append(current)
            groups.append({"kind": current["kind"], "group": org_line[0], "label": line, "federation": None,
                           "people": org_line[1], "lines": [j]})
            current = {**current, "people": [], "lines": []}
            j += 1
            continue
        if _bare(line) in LABELS or split_labelled(line) or _field_label_line(line):
            break             # 'Justerare', 'Plats: …', 'Justerare Mats Öberg': another label ends the list
        people = _people_in_line(line, known, current["federation"])
        if people is None:
            break
        current["people"].extend(people)
        current["lines"].append(j)
        j += 1
    groups.append(current)
    groups = [g for g in groups if g["people"]]
    if not groups:
        return i
    for kind in _PEOPLE_KINDS:
        mine = [g for g in groups if g["kind"] == kind]
        if not mine:
            continue
        loose = [p for g in mine if not g["group"] for p in g["people"]]
        named = []
        for g in mine:
            if g["group"]:
                group = {"group": _group_name(g["group"], g["label"])}
                if g["federation"]:
                    group["federation"] = g["federation"]
                group["people"] = g["people"]
                named.append(group)
        _add_people(fields, kind, loose + named, _bare(mine[0]["label"]) if not mine[0]["group"] else None)
        for g in mine:
            removed.update(g["lines"])
    # a label whose group was empty ('Ersättare' with nobody under it) goes with the others
    for k in range(i, j):
        if _people_label(lines[k]) and not lines[k].strip() == "":
            removed.add(k)
    return j


def _group_name(label: str, line: str) -> str:
    """The name of a group as its heading writes it ('Närvarande via Teams'); a heading in capitals
    or a plain label is written 'Beslutande ledamöter'."""
    written = _strip_markup(line).replace("*", "").strip().lstrip("-–• ").rstrip(":").strip()
    if label not in LABELS and written.casefold() == label and not written.isupper():
        return written[:1].upper() + written[1:]
    return label[:1].upper() + label[1:]


def _other_kind(line: str, kind: str, known: KnownNames) -> bool:
    """'Ej närvarande: Kristina Rask' under 'Närvarande': a labelled line of people absent under a
    label of people present (or the other way round); a guest among those present stays there."""
    inline = _inline_people(line, known)
    return inline is not None and inline[0] != kind and "absent" in (inline[0], kind)


def _inline_people(line: str, known: KnownNames) -> tuple[str, list] | None:
    """'- Inbjuden gäst: Nora Sandberg, FoU Kalmar': (the kind, the people) of a line that is a
    people label with its people after it; None for any other line."""
    parts = split_labelled(_list_text(line))
    if len(parts) != 1 or LABELS.get(parts[0][0].lower()) not in _PEOPLE_KINDS or not parts[0][2]:
        return None
    person = parse_person_line(parts[0][2], known)
    if person is not None:
        return LABELS[parts[0][0].lower()], [person]
    people, _notes = parse_people(parts[0][2], known)
    return (LABELS[parts[0][0].lower()], people) if people else None


def read_table(lines: list[str], i: int, known: KnownNames, fields: dict, removed: set[int],
               kind: str = "present") -> int:
    """A table of people with a heading row at line `i`, under a label of `kind` or none: its
    people into the fields. Returns the line after the table; `i` when it was not read."""
    table = read_people_table(lines, i, known)
    if table is None:
        return i
    found, used = table
    if kind == "present":
        if found["present"]:
            _add_people(fields, "present", found["present"])
        if found["absent"]:
            _add_people(fields, "absent", found["absent"])
    else:
        _add_people(fields, kind, found["present"] + found["absent"])
    removed.update(used)
    return used[-1] + 1


def _unlabelled_people(lines: list[str], i: int, end: int, known: KnownNames) -> list[tuple[int, object]]:
    """Two or more lines from `i`, each one person with an affiliation ('Anna Lind, Norrback'):
    the people present, listed under no label."""
    run: list[tuple[int, object]] = []
    k = i
    while k < end and lines[k].strip():
        text = _BULLET.match(lines[k])["text"] if _BULLET.match(lines[k]) else lines[k].strip()
        parts = _split_commas(text.replace("**", ""))
        if len(parts) < 2 or not all(is_affiliation(p, known) for p in parts[1:]) or ":" in text:
            break
        person = parse_person_line(text, known)
        if person is None:
            break
        run.append((k, person))
        k += 1
    if len(run) < 2 or (k < end and lines[k].strip()):
        return []
    return run


def _officers_from_roles(fields: dict, notes: list[str]) -> None:
    """No 'Ordförande:' label, but one person present has the role 'ordförande': the chair of a
    board's own meeting. The same for the secretary."""
    everyone = []
    for item in fields.get("present") or []:
        if isinstance(item, dict) and "people" in item:
            everyone.extend(item["people"])
        else:
            everyone.append(item)
    for key, roles in (("chair", CHAIR_ROLES), ("secretary", SECRETARY_ROLES)):
        if key in fields:
            continue
        # any part of the role: 'ordförande, Ås kommun', 'förbundschef, sekreterare'
        holders = [p for p in everyone if isinstance(p, dict)
                   and any(re.match(rf"{re.escape(r)}(?:$|[\s,(])", part.strip())
                           for part in (p.get("role") or "").split(",") for r in roles)]
        if len(holders) == 1:
            fields[key] = holders[0]["name"]
            notes.append(f"{'Ordförande' if key == 'chair' else 'Sekreterare'} läst ur rollen i "
                         f"deltagarlistan ({holders[0]['name']}) – kontrollera.")


def _list_text(line: str) -> str:
    text = _BULLET.match(line)["text"] if _BULLET.match(line) else line.strip()
    return text.replace("**", "").strip()


_PARTICLES = ("af", "von", "van", "de", "der", "la", "le", "al", "el", "bin", "ibn")


def looks_like_full_name(text: str) -> bool:
    """'Kent Olsson', 'Anna af Klint', 'Kipa': every word capitalised (or a name particle); a
    stricter test than people.looks_like_name, for lines that stand under no label."""
    head = re.split(r"\s*[,(]", text.replace("**", ""), maxsplit=1)[0].strip(" .")
    words = head.split()
    return (1 <= len(words) <= 5 and words[0][:1].isupper()
            and all(w[:1].isupper() or w in _PARTICLES for w in words)
            and not any(ch.isdigit() for ch in head))


def _continuation(lines: list[str], start: int, end: int, known: KnownNames) -> list[int]:
    """The lines right below a people label line that carry more people: indented, bulleted, or a
    name ('Kent Olsson (M)'), never a label or a line of prose."""
    found = []
    for k in range(start, end):
        line = lines[k]
        if not line.strip() or split_labelled(line) or _bare(line) in LABELS:
            break
        if _federation_label(line, known) is not None:
            break
        if not looks_like_full_name(_list_text(line)) or _people_in_line(line, known, None) is None:
            break
        found.append(k)
    return found


_RULE_LINE = re.compile(r"^\s*[-=_*]{3,}\s*$")


def _open(text: str) -> bool:
    """A list that goes on: it ends with a separator or a bracket is still open."""
    text = text.rstrip()
    return text.endswith((",", ";")) or text.count("(") > text.count(")")


def _wrapped(lines: list[str], start: int, end: int, value: str) -> list[int]:
    """The lines a list of people after a label was hard-wrapped onto ('Närvarande: Eva Ek (Ås),
    Bo Ny' / '(Bo kommun), Lisa …'): while the list is open, or it is a list whose line was long
    (wrapped at a width), the next line that is no label, heading, item or rule goes on with it."""
    text, found = value, []
    for k in range(start, end):
        line = lines[k]
        if (not line.strip() or split_labelled(line) or _bare(line) in LABELS or _MD_HEADING.match(line)
                or _NUMBERED.match(line.strip()) or _BULLET.match(line) or _RULE_LINE.match(line)):
            break
        is_list = "," in text or ";" in text
        if not (_open(text) or is_list and len(lines[k - 1].rstrip()) >= 60):
            break
        found.append(k)
        text = f"{text} {line.strip()}"
    return found


def unwrap(block: list[str]) -> list[str]:
    """Lines of a list with a line that ends open (',', ';', an open bracket) joined to the next."""
    out: list[str] = []
    for line in block:
        if out and _open(out[-1]):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def _add_people(fields: dict, kind: str, people: list, label: str | None = None) -> None:
    """People into a field; a second list of the same kind ('Närvarande ledamöter' … then
    'Närvarande tjänstepersoner' …) is added as a group named by its label."""
    existing = fields.get(kind)
    if not existing:
        fields[kind] = people
        return
    flat = all(not (isinstance(p, dict) and "people" in p) for p in people)
    if kind == "present" and label and flat:
        fields[kind] = existing + [{"group": label[:1].upper() + label[1:], "people": people}]
    else:
        fields[kind] = existing + people


_ROLE_LABEL = re.compile(r"^(?P<role>[^:]{2,30}):\s*(?P<name>\S.*)$")


def _role_labelled(line: str, known: KnownNames) -> dict | None:
    """'Förbundschef: Tove Malm' → {name: Tove Malm, role: förbundschef}; None for anything else."""
    m = _ROLE_LABEL.match(_strip_markup(line))
    if not m or not is_role(m["role"]) or not looks_like_full_name(m["name"]):
        return None
    person = parse_person_line(m["name"], known)
    if person is None:
        return None
    person = {"name": person} if isinstance(person, str) else dict(person)
    role = normalise_role(m["role"])
    person["role"] = f"{role}, {person['role']}" if person.get("role") else role
    return {k: person[k] for k in ("name", "federation", "role") if person.get(k)}
