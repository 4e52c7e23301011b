"""The header: labelled fields (people, place, time, date), the title line and the date in it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .notes import Issue, Review
from .dates import TimeSpan, _MONTH_YEAR, _valid, find_date_mentions, find_time_spans, month_number
from .lines import _BULLET, _MD_HEADING, _NUMBERED, _next_content, _strip_markup
from .kinds import _NEXT_MEETING
from .names import KnownNames, best_name
from .people import (_people_block, _split_commas, is_affiliation, is_role, normalise_role,
                     parse_people, parse_person, parse_person_line)
from .words import (CHAIR_ROLES, LABELS, PRESENT_GROUP_LABELS, PRESENT_SUBGROUPS, SECRETARY_ROLES,
                    SIGNATURE_LABELS, TABLE_HEADINGS, WEEKDAY_NAMES)


_GENERIC_PREFIX = re.compile(r"^(?:minnesanteckningar|minnesanteckning|mötesanteckningar|anteckningar|protokoll)"
                             r"(?:\s+(?:från|för|vid))?\s*[:,–-]?\s+", re.IGNORECASE)


_LABEL_RE = "|".join(sorted((re.escape(k) for k in LABELS), key=len, reverse=True))


# 'Närvarande i rummet:', 'Deltagare (digitalt):' — a sub-group after the label
_PAREN = r"(?:\s*\((?P<paren>[^()]{2,30})\))?"
_LINE_LABEL = re.compile(rf"^(?P<label>{_LABEL_RE})(?:\s+(?P<sub>{PRESENT_SUBGROUPS}))?{_PAREN}\s*:\s*", re.IGNORECASE)


_INLINE_LABEL = re.compile(rf"(?:(?<=\s)|^)(?P<label>{_LABEL_RE}|{PRESENT_SUBGROUPS})(?:\s+(?P<sub>{PRESENT_SUBGROUPS}))?{_PAREN}\s*:\s*",
                           re.IGNORECASE)


WHEN_WHERE = ("place", "time", "date", "datetime", "timeplace", "dateplace", "all", "link")


def _without_when(value: str) -> str:
    """'Torsdag 14 mars 2024 kl 9-12, Kommunhuset' → 'Kommunhuset': the place part of a value
    that also holds the date or time."""
    cut = value
    spans = [(m.start, m.end) for m in find_date_mentions(value)] + [(t.start, t.end) for t in find_time_spans(value)]
    for start, end in sorted(spans, reverse=True):
        cut = cut[:start] + " " + cut[end:]
    weekdays = "|".join(WEEKDAY_NAMES)
    cut = re.sub(rf"\b(?:{weekdays})(?:en|ens)?\b|\bden\b|\bkl\.?(?=\s|$)", " ", cut, flags=re.IGNORECASE)
    return ", ".join(p.strip(" .–-") for p in re.split(r"\s*[,;]\s*", cut) if p.strip(" .–-")).strip(" ,.–-")


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
        parts.append((m["label"], m["sub"] or m["paren"] or None, plain[m.end():end].strip()))
    return parts


def _is_title_candidate(line: str) -> bool:
    plain = _strip_markup(line)
    if not plain or len(plain.split()) > 14 or _LINE_LABEL.match(plain):
        return False
    if _NUMBERED.match(plain) or _BULLET.match(line):
        return False
    return not (plain.endswith(".") and len(plain.split()) > 6)


def _header_date(line: str) -> tuple[dt.date | None, tuple[int, int] | None, TimeSpan | None]:
    """A full date, or a month and year, written in a header line; and a time span."""
    full = None
    for mention in find_date_mentions(line):
        if mention.year and mention.day and mention.day2 is None and _valid(mention.year, mention.month, mention.day):
            full = dt.date(mention.year, mention.month, mention.day)
            break
    month_year = None
    if full is None:
        m = _MONTH_YEAR.search(line)
        if m and month_number(m["m"]):
            month_year = (int(m["y"]), month_number(m["m"]))
    spans = find_time_spans(line)
    return full, month_year, spans[0] if spans else None


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


@dataclass
class _Labelled:
    """What the labelled header lines gave: people fields, raw place/time/date/link values."""
    fields: dict
    removed: set
    place: str | None
    time: str | None
    date: str | None
    link: str | None
    header_end: int = 0              # the first line after the header


def _read_labelled_fields(lines: list[str], agenda: set[int], known: KnownNames, notes: list[str],
                          reviews: list[Review]) -> _Labelled:
    """'Ordförande: Kipa Sekreterare: Elin', 'Närvarande i rummet: … På Teams: …', 'Plats: …'.

    The first occurrence of each label counts. Place, time and date labels count only in the
    header; people may also be listed under the first agenda items ('1. Välkommen' /
    'Närvarande: …'). Neither counts under 'Nästa möte', where 'Datum: … Plats: …' describe the
    next meeting. A line is removed from the body only when all of it went into a field.
    """
    # Place, time and date labels count only in the header; people may also be listed under the
    # first agenda items ('1. Välkommen' / 'Närvarande: …'). Neither counts under 'Nästa möte',
    # where 'Datum: … Plats: …' describe the next meeting.
    header_end, people_end = _header_limits(lines, agenda)
    fields: dict[str, object] = {}
    removed: set[int] = set()
    place_value = time_value = date_value = link_value = None
    present_parts: list[tuple[str | None, str, int]] = []
    continued_of: dict[int, list[int]] = {}         # a label line → the lines that continue it
    i = 0
    while i < people_end:
        line = lines[i]
        # 'Närvarande' / 'Beslutande ledamöter' / 'Förhinder' on a line of its own, names below
        if _people_label(line):
            j = _read_people_under_label(lines, i, people_end, known, notes, fields, removed)
            if j > i:
                i = j
                continue
        # 'Anna Lind, Samordningsförbundet Norrback' one a line under no label at all
        if i < header_end and "present" not in fields:
            run = _unlabelled_people(lines, i, header_end, known)
            if run:
                fields["present"] = [person for _, person in run]
                removed.update(k for k, _ in run)
                i = run[-1][0] + 1
                continue
        parts = split_labelled(line)
        if not parts and i < header_end and "present" in fields:
            # 'Förbundschef: Tove Malm' among the people: a role as the label of a person present
            person = _role_labelled(line, known)
            if person is not None:
                _add_people(fields, "present", [person])
                removed.add(i)
                i += 1
                continue
        if parts and i >= header_end and any(LABELS.get(label.lower()) in WHEN_WHERE
                                             for label, _, _ in parts):
            parts = []            # 'Plats:' in the body belongs to something else
        continued: list[int] = []
        if parts and LABELS.get(parts[-1][0].lower()) in _PEOPLE_KINDS:
            # 'Närvarande ledamöter: Ulla Bergström (S)' and more people on the lines below it
            continued = _continuation(lines, i + 1, people_end, known)
            if continued:
                label, sub, value = parts[-1]
                more = "; ".join(_list_text(lines[k]) for k in continued)
                parts[-1] = (label, sub, f"{value}; {more}" if value else more)
        if parts:
            consumed = True
            for label, sub, value in parts:
                kind = LABELS.get(label.lower(), "present" if re.match(PRESENT_SUBGROUPS, label, re.IGNORECASE) else None)
                if kind is None:
                    consumed = False
                    continue
                if kind == "present":
                    group = label if label.lower() in PRESENT_GROUP_LABELS else None
                    present_parts.append((sub or group or (label if LABELS.get(label.lower()) is None else None), value, i))
                    if "present" not in fields:
                        fields["present"] = None  # filled below
                elif kind in ("absent", "guests"):
                    people, extra = parse_people(value, known)
                    if people is None or not people:
                        consumed = False
                        continue
                    _add_people(fields, kind, people)
                    notes.extend(f"Tolkat: {n}." for n in extra)
                elif kind in ("chair", "secretary") and kind not in fields:
                    person = parse_person(value.lstrip("/").strip(), None, known)
                    if person is None:
                        consumed = False
                        continue
                    fields[kind] = person
                elif kind in WHEN_WHERE and kind != "link":
                    # 'Datum och tid: …', 'Plats och tid: …': one value for two fields
                    wants = {"place": ("place",), "time": ("time",), "date": ("date",),
                             "datetime": ("date", "time"), "timeplace": ("time", "place"),
                             "dateplace": ("date", "place"), "all": ("date", "time", "place")}[kind]
                    if "place" in wants and place_value is None:
                        place_value = _without_when(value) if len(wants) > 1 else value
                    if "time" in wants and time_value is None:
                        time_value = value
                    if "date" in wants and date_value is None:
                        date_value = value
                elif kind == "link" and link_value is None:
                    link_value = value
                elif kind == "ignore":
                    consumed = False
                else:
                    consumed = False
            if consumed:
                removed.add(i)
                removed.update(continued)
                continued_of[i] = continued
                i = continued[-1] if continued else i
        i += 1
    if present_parts:
        groups, flat, failed = [], [], set()
        for sub, value, line in present_parts:
            people, extra = parse_people(value, known)
            if people is None:
                failed.add(line)
                continue
            notes.extend(f"Tolkat: {n}." for n in extra)
            if sub:
                groups.append({"group": sub[:1].upper() + sub[1:], "people": people})
            else:
                flat.extend(people)
        if flat or groups:
            fields["present"] = (fields.get("present") or []) + flat + groups
        elif not fields.get("present"):
            fields.pop("present", None)
        if failed:
            # the line whose list has parts that are not names stays in the text, whole
            for line in failed:
                removed.discard(line)
                removed.difference_update(continued_of.get(line, []))
            reviews.append(Review("present", Issue.NOT_NAMES))
    # 'Vid pennan' / 'Vid protokollet' / 'Ordförande' with the name on the next line, as a
    # signature often stands at the end ('//Catarina'); the lines stay in the text
    for key in ("secretary", "chair"):
        if key in fields:
            continue
        for k, line in enumerate(lines):
            plain = _strip_markup(line)
            m = _SIGNATURE.match(plain)
            if not m or LABELS.get(m["label"].lower()) != key:
                continue
            name = m["name"] or _next_content(lines, k)
            if name:
                name = name.lstrip("/").strip()
                person = parse_person(name, None, known) if looks_like_full_name(name) else None
                if person:
                    fields[key] = person
            break

    _officers_from_roles(fields, notes)
    return _Labelled(fields, removed, place_value, time_value, date_value, link_value, header_end)


def _header_limits(lines: list[str], agenda: set[int]) -> tuple[int, int]:
    """Where the header ends (first agenda item, first heading after the title, or first long
    paragraph) and where people lists stop being read (the third agenda item or 'Nästa möte')."""
    header_end = len(lines)
    first_content = next((k for k, line in enumerate(lines) if line.strip()), 0)
    for k, line in enumerate(lines):
        if k in agenda or (k > first_content and _MD_HEADING.match(line) and _MD_HEADING.match(line).group(1)) \
                or len(line.split()) > 25:
            header_end = k
            break
    ordered = sorted(agenda)
    people_end = ordered[2] if len(ordered) >= 3 else len(lines)
    for k, line in enumerate(lines):
        if _NEXT_MEETING.search(_strip_markup(line)) and (k in agenda or _MD_HEADING.match(line)
                                                          or len(line.split()) <= 4):
            people_end = min(people_end, k)
            break
    return header_end, max(people_end, header_end)


_PEOPLE_KINDS = ("present", "absent", "guests")


def _bare(line: str) -> str:
    text = _strip_markup(line)
    text = re.sub(r"^[-–•*]\s+", "", text).replace("*", "")
    return text.strip().rstrip(":").strip().lower()


def _people_label(line: str) -> str | None:
    """The label of a line that is only a people label: 'Beslutande ledamöter', '**Förhinder:**'."""
    bare = _bare(line)
    return bare if LABELS.get(bare) in _PEOPLE_KINDS else None


def _federation_label(line: str, known: KnownNames) -> object | None:
    """A line that is only a known federation's name: a sub-group heading ('**Norrback**')."""
    bare = _bare(line)
    if not bare or "," in bare or len(bare.split()) > 5:
        return None
    fed, fuzzy = best_name(_strip_markup(line).replace("*", "").strip(" :"), known.federations)
    return fed if fed is not None and not fuzzy else None


def _people_in_line(line: str, known: KnownNames, federation: str | None) -> list | None:
    """The people one line of a list holds: one person with their affiliations, or several names."""
    text = _BULLET.match(line)["text"] if _BULLET.match(line) else line.strip()
    text = text.replace("**", "").strip()
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
    parts = _split_commas(text)
    if len(parts) > 1 and not any(is_affiliation(p, known) for p in parts[1:]):
        people, _ = parse_people(text, known)
        if people and all(not isinstance(p, dict) or "people" not in p for p in people):
            return [p if federation is None or isinstance(p, dict) else {"name": p, "federation": federation}
                    for p in people]
        return None
    person = parse_person_line(text, known, federation)
    return [person] if person is not None else None


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
    while j < len(lines) and lines[j].strip() and not _field_label_line(lines[j]):
        block.append(j)
        j += 1
    grouped = label in PRESENT_GROUP_LABELS or any(
        _people_label(lines[k]) or _federation_label(lines[k], known) for k in block)
    if block and not grouped:
        value = _people_block([lines[k] for k in block], known, notes)
        if value is not None:
            _add_people(fields, LABELS[label], value, _bare(lines[i]))
            removed.update([i, *block])
            return j
    # groups, line by line; a line that is no person ends the list and stays in the text
    groups: list[dict] = []
    current = {"kind": LABELS[label], "group": label if label in PRESENT_GROUP_LABELS else None,
               "label": lines[i], "federation": None, "people": [], "lines": [i]}
    j = i + 1
    while j < end:
        line = lines[j]
        if not line.strip():
            k = j + 1
            while k < end and not lines[k].strip():
                k += 1
            if k < end and (_people_label(lines[k]) or _federation_label(lines[k], known)) \
                    or (k < end and not current["people"]):
                j = k
                continue
            break
        next_label = _people_label(line)
        fed = None if next_label else _federation_label(line, known)
        if next_label or fed is not None:
            groups.append(current)
            kind = LABELS[next_label] if next_label else current["kind"]
            name = next_label if next_label in PRESENT_GROUP_LABELS else (fed.label if fed else None)
            current = {"kind": kind, "group": name, "label": line, "federation": fed.slug if fed else None,
                       "people": [], "lines": [j]}
            j += 1
            continue
        if _bare(line) in LABELS or split_labelled(line):
            break             # 'Justerare', 'Plats: …': another label ends the list
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
                group = {"group": g["group"][:1].upper() + g["group"][1:]}
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
        holders = [p for p in everyone if isinstance(p, dict)
                   and any(re.match(rf"{re.escape(r)}(?:$|[\s,(])", p.get("role") or "") for r in roles)]
        if len(holders) == 1:
            fields[key] = holders[0]["name"]
            notes.append(f"{'Ordförande' if key == 'chair' else 'Sekreterare'} läst ur rollen i "
                         f"deltagarlistan ({holders[0]['name']}) – kontrollera.")


def split_title_line(title: str) -> tuple[str, str | None]:
    """'Förbundschefsträff 2024-03-20, kl 9-12, Sydviks kansli' → ('Förbundschefsträff', 'Sydviks
    kansli'): a title line that also holds the date, the time and the place. The date and time are
    read from the line elsewhere; the place is returned when a part after them names one."""
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+[–|]\s+", title) if p.strip()]
    if len(parts) < 2:
        return title, None
    when = [bool(find_date_mentions(p) or find_time_spans(p if "kl" in p.lower() else "kl " + p)
                 and re.fullmatch(r"(?:kl\.?\s*)?[\d.:\s–-]+", p, re.IGNORECASE)) for p in parts]
    if not any(when[1:]) and not find_date_mentions(parts[0]):
        return title, None
    head = _without_when(parts[0]) or parts[0]
    rest = [p for p, is_when in zip(parts[1:], when[1:]) if not is_when and _without_when(p)]
    place = ", ".join(_without_when(p) for p in rest) or None
    return head.strip(" ,–-"), place


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


_SIGNATURE = re.compile(rf"^\s*(?P<label>{'|'.join(re.escape(w) for w in SIGNATURE_LABELS)})\s*:?\s*"
                        rf"(?:/*\s*(?P<name>\S.*))?$", re.IGNORECASE)
_GAP_LABEL = re.compile(rf"^\s*(?P<label>{_LABEL_RE})(?:[ ]{{2,}}|\t+)(?P<value>\S.*)$", re.IGNORECASE)
_CELL_GAP = re.compile(r"[ ]{3,}|\t+")


def label_view(lines: list[str]) -> list[str]:
    """The lines as the header reader sees them, one for one. A protocol laid out in two columns
    ('Beslutande          Anna Andersson (S)') reads as 'Beslutande: Anna Andersson (S)'; a line
    of two cells far apart ('Styrelsen          Sammanträdesdatum 2024-03-13') reads as its
    cells with a comma between them. The body keeps the lines as written."""
    view = []
    for k, line in enumerate(lines):
        cells = [c for c in _CELL_GAP.split(line.strip()) if c]
        below = [c for c in _CELL_GAP.split(lines[k + 1].strip()) if c] if k + 1 < len(lines) else []
        if len(cells) > 1 and len(below) == len(cells) and all(_is_label_cell(c) for c in cells) \
                and not any(_is_label_cell(c) for c in below):
            # 'Datum    Tid    Plats' over '2024-05-20    13.00–15.00    Kommunhuset'
            view.append(" ".join(f"{a.rstrip(':')}: {' '.join(b.split())}" for a, b in zip(cells, below)))
            continue
        if k > 0 and view and len(cells) > 1 and view[-1].count(": ") == len(cells) \
                and all(f": {' '.join(c.split())}" in view[-1] for c in cells):
            view.append("")           # the values, already read with their labels above
            continue
        m = _GAP_LABEL.match(line)
        if m:
            view.append(f"{m['label']}: {' '.join(m['value'].split())}")
            continue
        if len(cells) > 1 and not _BULLET.match(line) and not line.lstrip().startswith("|"):
            view.append(", ".join(" ".join(c.split()) for c in cells))
        else:
            view.append(line)
    return view


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


def _is_label_cell(cell: str) -> bool:
    return cell.replace("*", "").strip().rstrip(":").strip().lower() in LABELS


def _field_label_line(line: str) -> bool:
    """'Antecknare: Lisa Holm', 'Plats: …': a line with a label of another field, which ends a
    block of people."""
    parts = split_labelled(line)
    return bool(parts) and LABELS.get(parts[0][0].lower()) not in _PEOPLE_KINDS


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
