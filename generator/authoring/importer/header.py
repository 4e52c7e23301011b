"""The header: labelled fields (people, place, time, date), the title line and the date in it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.authoring.importer.attendees import read_table, _add_people, _continuation, _wrapped, _list_text, _officers_from_roles, _people_label, _read_people_under_label, _role_labelled, _unlabelled_people
from generator.authoring.importer.dates import _MONTH_YEAR, TimeSpan, _valid, find_date_mentions, find_time_spans, month_number
from generator.authoring.importer.kinds import _NEXT_MEETING
from generator.authoring.importer.labels import _LINE_LABEL, _bare, _value_line, _PEOPLE_KINDS, WHEN_WHERE, split_labelled
from generator.authoring.importer.lines import _BULLET, _MD_HEADING, _NUMBERED, _next_content, _strip_markup
from generator.authoring.importer.names import KnownNames, best_name
from generator.authoring.importer.notes import Issue, Review
from generator.authoring.importer.officers import note_first_names, officer_value, officers_in_prose, officers_in_signatures
from generator.authoring.importer.people import parse_people, parse_person
from generator.authoring.importer.prose_people import people_in_prose
from generator.authoring.importer.words import LABELS, PRESENT_GROUP_LABELS, PRESENT_SUBGROUPS, WEEKDAY_NAMES


_GENERIC_PREFIX = re.compile(r"^(?:minnesanteckningar|minnesanteckning|mötesanteckningar|anteckningar|protokoll)"
                             r"(?:\s+(?:från|för|vid))?\s*[:,–-]?\s+", re.IGNORECASE)


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


def _is_title_candidate(line: str) -> bool:
    plain = _strip_markup(line)
    if not plain or len(plain.split()) > 14 or _LINE_LABEL.match(plain):
        return False
    if _NUMBERED.match(plain) or _BULLET.match(line):
        return False
    return not (plain.endswith(".") and len(plain.split()) > 6)


def _is_letterhead(plain: str) -> bool:
    """'Mora kommun – Orsa kommun – Region Dalarna – Försäkringskassan': a line of short parts
    (the members, an address) under a letterhead, which the title may follow."""
    if plain.endswith(".") or find_date_mentions(plain):
        return False
    parts = [p for p in re.split(r"\s+[–|•·-]\s+|\s*[,;]\s*", plain) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


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
        # '| Namn | Organisation | Närvaro |': a table of people under no label
        after = read_table(lines, i, known, fields, removed) if lines[i].lstrip().startswith("|") else i
        if after > i:
            i = after
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
        below = (_officer_below(lines, i, known)
                 if not parts and i < min(header_end, min(agenda, default=header_end)) else None)
        if below is not None:
            # 'Mötesledare' alone on a line and 'Camilla Öhrn, Kustbygden' on the next
            label, n = below
            parts = [(label, None, lines[n].strip())]
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
            label, sub, value = parts[-1]
            wrapped = _wrapped(lines, i + 1, people_end, value)
            tail = _strip_markup(line)[-1:]
            joined = (value + (tail if tail in ",;" else "") + " " + " ".join(lines[k].strip() for k in wrapped)).strip()
            if wrapped and parse_people(joined, known)[0] is not None:
                # the list hard-wrapped onto the lines below: one text
                parts[-1] = (label, sub, joined)
                continued = wrapped
            else:
                continued = _continuation(lines, i + 1, people_end, known)
                if continued:
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
                    person = officer_value(value, known) or parse_person(value.lstrip("/").strip(), None, known)
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
            if consumed and below is not None:
                removed.update((i, below[1]))
                i = below[1]
            elif consumed:
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
                fed, fuzzy = best_name(sub, known.federations)
                if fed is not None and not fuzzy:      # 'Närvarande från Norrback:'
                    groups.append({"group": fed.label, "federation": fed.slug, "people": people})
                else:
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
    # 'Vid pennan' / 'Vid protokollet' / 'Ordförande' with the name below or above it, as a
    # signature stands at the end ('//Catarina'); the lines stay in the text
    officers_in_signatures(lines, fields, known)
    officers_in_prose(lines, people_end, fields, known)
    people_in_prose(lines, min(min(agenda, default=len(lines)), 25), fields, known, notes)
    _officers_from_roles(fields, notes)
    note_first_names(fields, notes)
    return _Labelled(fields, removed, place_value, time_value, date_value, link_value, header_end)


_SENTENCE = re.compile(r"^\s*\S+(?:\s+\S+){2,}[.!]\s*$")


def _officer_below(lines: list[str], i: int, known: KnownNames) -> tuple[str, int] | None:
    """A chair or secretary label alone on line i ('Mötesledare', 'Antecknare') and one person on
    the next line (or after one blank line): the label and the value's line."""
    label = _bare(lines[i])
    if LABELS.get(label) not in ("chair", "secretary"):
        return None
    if any(_SENTENCE.match(_strip_markup(line)) and not split_labelled(line) for line in lines[:i]):
        return None           # after the first sentence of prose: a signature, read elsewhere
    n = _value_line(lines, i)
    if n is None or _BULLET.match(lines[n]) or split_labelled(lines[n]) or _bare(lines[n]) in LABELS:
        return None
    value = " ".join(_strip_markup(lines[n]).split())
    if len(value.split(",")[0].split()) > 4 or (officer_value(value, known) or parse_person(value, None, known)) is None:
        return None
    return label, n


def _header_limits(lines: list[str], agenda: set[int]) -> tuple[int, int]:
    """Where the header ends (first agenda item, first heading after the title, or first long
    paragraph) and where people lists stop being read (the third agenda item or 'Nästa möte')."""
    header_end = len(lines)
    content = [k for k, line in enumerate(lines) if line.strip()]
    first_content = content[0] if content else 0
    # the first heading within the first three lines is the title ('Samordningsförbundet X' /
    # '# Protokoll styrelsemöte'): the header goes on below it
    title_heading = next((k for k in content[:3] if _MD_HEADING.match(lines[k])
                          and _MD_HEADING.match(lines[k]).group(1)), None)
    for k, line in enumerate(lines):
        if k in agenda or (k > first_content and k != title_heading and _MD_HEADING.match(line)
                           and _MD_HEADING.match(line).group(1) and not _header_heading(lines, k)) \
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


def _header_heading(lines: list[str], k: int) -> bool:
    """A heading within the header, which goes on below it: a heading that is a people label
    ('## Närvaro') or one followed by a label line ('## Styrelsen för …' / 'Datum: …')."""
    if _people_label(lines[k]):
        return True
    below = _next_content(lines, k) or ""
    return bool(split_labelled(below) or _people_label(below))


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
