"""The header: labelled fields (people, place, time, date), the title line and the date in it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .notes import Issue, Review
from .dates import TimeSpan, _MONTH_YEAR, _valid, find_date_mentions, find_time_spans, month_number
from .events import _NEXT_MEETING
from .lines import _BULLET, _MD_HEADING, _NUMBERED, _next_content, _strip_markup
from .names import KnownNames
from .people import _people_block, parse_people, parse_person
from .words import LABELS, PRESENT_SUBGROUPS


_GENERIC_PREFIX = re.compile(r"^(?:minnesanteckningar|minnesanteckning|mötesanteckningar|anteckningar|protokoll)"
                             r"(?:\s+(?:från|för|vid))?\s*[:,–-]?\s+", re.IGNORECASE)


_LABEL_RE = "|".join(sorted((re.escape(k) for k in LABELS), key=len, reverse=True))


_LINE_LABEL = re.compile(rf"^(?P<label>{_LABEL_RE})(?:\s+(?P<sub>{PRESENT_SUBGROUPS}))?\s*:\s*", re.IGNORECASE)


_INLINE_LABEL = re.compile(rf"(?:(?<=\s)|^)(?P<label>{_LABEL_RE}|{PRESENT_SUBGROUPS})(?:\s+(?P<sub>{PRESENT_SUBGROUPS}))?\s*:\s*",
                           re.IGNORECASE)


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
        parts.append((m["label"], m["sub"] or None, plain[m.end():end].strip()))
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
    present_parts: list[tuple[str | None, str]] = []
    present_lines: set[int] = set()
    i = 0
    while i < people_end:
        line = lines[i]
        plain = _strip_markup(line)
        bare = plain.rstrip(":").strip().lower()
        # 'Närvarande' / 'Frånvarande' on a line of its own, the names in the block below
        if bare in LABELS and LABELS[bare] in ("present", "absent", "guests") and LABELS[bare] not in fields:
            block, j = [], i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            while j < len(lines) and lines[j].strip():
                block.append(j)
                j += 1
            kind = LABELS[bare]
            value = _people_block([lines[k] for k in block], known, notes)
            if value is not None and block and kind not in fields:
                fields[kind] = value
                removed.update([i, *block])
                i = j
                continue
        parts = split_labelled(line)
        if parts and i >= header_end and any(LABELS.get(label.lower()) in ("place", "time", "date", "timeplace", "link")
                                             for label, _, _ in parts):
            parts = []            # 'Plats:' in the body belongs to something else
        if parts:
            consumed = True
            for label, sub, value in parts:
                kind = LABELS.get(label.lower(), "present" if re.match(PRESENT_SUBGROUPS, label, re.IGNORECASE) else None)
                if kind is None:
                    consumed = False
                    continue
                if kind == "present":
                    present_lines.add(i)
                    present_parts.append((sub or (label if LABELS.get(label.lower()) is None else None), value))
                    if "present" not in fields:
                        fields["present"] = None  # filled below
                elif kind in ("absent", "guests") and kind not in fields:
                    people, extra = parse_people(value, known)
                    if people is None or not people:
                        consumed = False
                        continue
                    fields[kind] = people
                    notes.extend(f"Tolkat: {n}." for n in extra)
                elif kind in ("chair", "secretary") and kind not in fields:
                    person = parse_person(value.lstrip("/").strip(), None, known)
                    if person is None:
                        consumed = False
                        continue
                    fields[kind] = person
                elif kind == "place" and place_value is None:
                    place_value = value
                elif kind == "timeplace" and place_value is None:
                    time_value, place_value = value, value
                elif kind == "time" and time_value is None:
                    time_value = value
                elif kind == "date" and date_value is None:
                    date_value = value
                elif kind == "link" and link_value is None:
                    link_value = value
                elif kind == "ignore":
                    consumed = False
                else:
                    consumed = False
            if consumed:
                removed.add(i)
        i += 1
    if present_parts:
        groups, flat, ok = [], [], True
        for sub, value in present_parts:
            people, extra = parse_people(value, known)
            if people is None:
                ok = False
                break
            if sub:
                groups.append({"group": sub[:1].upper() + sub[1:], "people": people})
            else:
                flat.extend(people)
        if ok:
            fields["present"] = flat + groups
        else:
            fields.pop("present", None)
            removed -= present_lines
            reviews.append(Review("present", Issue.NOT_NAMES))
    # 'Vid pennan' with the name on the next line: '//Catarina'
    if "secretary" not in fields:
        for k, line in enumerate(lines):
            if re.match(r"^\s*vid\s+pennan\s*:?\s*$", _strip_markup(line), re.IGNORECASE):
                following = _next_content(lines, k)
                if following:
                    person = parse_person(following.lstrip("/").strip(), None, known)
                    if person:
                        fields["secretary"] = person
                break
            m = re.match(r"^\s*vid\s+pennan\s*:?\s*/*\s*(?P<name>\S.*)$", _strip_markup(line), re.IGNORECASE)
            if m:
                person = parse_person(m["name"], None, known)
                if person:
                    fields["secretary"] = person
                break

    return _Labelled(fields, removed, place_value, time_value, date_value, link_value)


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
