"""`import_minutes`: the text of one set of minutes in, an `ImportResult` out (pure).

The steps, in order: the labelled header fields (header.py), the title lines (title, type, date
and time written at the top), the federations and projects named, the type when the header did
not say, the date, the title, the place, the front matter, the body, the file name, the proposed
events and the report. Each step is a function below; `_Reading` carries what they share.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.text.slugs import slugify
from generator.authoring.importer.body import Block, find_agenda, normalise_body, render_blocks
from generator.authoring.importer.dates import _URL, TimeSpan, find_date_mentions, find_time_spans, format_swedish_date
from generator.authoring.importer.events import propose_events, sentences_of
from generator.authoring.importer.header import _GENERIC_PREFIX, _header_date, _is_letterhead, _is_title_candidate, _Labelled, _read_labelled_fields, _words, split_title_line
from generator.authoring.importer.kinds import guess_type_from_text, type_in_line
from generator.authoring.importer.labels import label_view
from generator.authoring.importer.lines import _normalise_text, _strip_markup
from generator.authoring.importer.names import KnownNames, find_names
from generator.authoring.importer.notes import Issue, Review, found_fields
from generator.authoring.importer.people import _presidium_groups, repair_split_names
from generator.authoring.importer.prose import when_where_in_prose
from generator.authoring.importer.place import _ONLINE_WORDS, parse_place
from generator.i18n import _
from generator.authoring.importer.report import field_lines, review_line
from generator.authoring.importer.result import EVENT_ORDER, MEETING_ORDER, ImportResult, ProposedEvent, _ordered, stable_uid
from generator.authoring.importer.words import DATE_LINE_FILLER, LABELS, ACRONYMS, CANONICAL_TYPE_WORDS, FIELD_WORDS, GENERIC_TITLES, HELD_WORDS, MEETING_WORDS, MONTH_NAMES, NETWORK_TYPES, ONLINE_PLACES, NOT_FOUND_NOTE, TYPE_TITLES, UNCONFIRMED_NOTE, WEEKDAY_NAMES


_HELD_ONLINE = re.compile(rf"\b(?:{'|'.join(MEETING_WORDS)})\s+(?:{'|'.join(HELD_WORDS)})\s+(?:\w+\s+){{0,3}}?"
                          rf"(?:{'|'.join(ONLINE_PLACES)})\b", re.IGNORECASE)


@dataclass
class _Reading:
    """What the steps of one import share."""
    text: str
    lines: list[str]
    known: KnownNames
    labelled: _Labelled
    notes: list[str] = field(default_factory=list)          # Swedish, into import_notes
    reviews: list[Review] = field(default_factory=list)     # typed, for the report
    # from the title lines
    title_line: int | None = None
    meeting_type: str | None = None
    type_word: str | None = None
    date_full: dt.date | None = None
    month_year: tuple[int, int] | None = None
    span: TimeSpan | None = None
    place: str | None = None                 # a place written on the date line

    @property
    def removed(self) -> set[int]:
        return self.labelled.removed

    @property
    def fields(self) -> dict:
        return self.labelled.fields


def import_minutes(text: str, source_name: str, known: KnownNames,
                   reference: dt.date | tuple[int, int] | None = None) -> ImportResult:
    """Read one set of minutes. `reference` is the meeting date an editor has settled when the
    text lacks one (a date, or (year, month)); it is never guessed here."""
    text = _normalise_text(text)
    lines = text.split("\n")
    view = label_view(lines)          # the header is read from this; the body keeps `lines`
    agenda = find_agenda(lines)
    reviews: list[Review] = []
    notes: list[str] = []
    labelled = _read_labelled_fields(view, agenda, known, notes, reviews)
    r = _Reading(text, view, known, labelled, notes, reviews)
    _read_title_lines(r, agenda)
    _complete_when(r)
    _when_where_in_prose(r, agenda)
    federations, projects = _names_in(r)
    meeting_type = _settle_type(r)
    meta_date, date_note, ref_date = _settle_date(r, reference)
    title, place_value = _make_title(r, meeting_type, federations)
    location, online, online_link = _place(r, place_value)

    meta: dict = {"uid": stable_uid(source_name, text), "title": title, "type": meeting_type,
                  "date": meta_date, "date_note": date_note}
    if r.span and r.date_full:
        meta["start"], meta["end"] = r.span.begins, r.span.ends
    elif r.span:
        notes.append(f"Tiden {r.span.begins}–{r.span.ends or ''} står i texten men dagen saknas.")
    if r.span is None:
        reviews.append(Review("start", Issue.MISSING))
    meta.update({"location": location, "online": online, "online_link": online_link,
                 "federations": federations})
    _people_fields(r, meta)
    meta["projects"] = projects
    meta["source"] = Path(source_name).name

    body_lines = ["" if k in r.removed else line for k, line in enumerate(lines)]
    blocks = normalise_body(body_lines)
    body = render_blocks(blocks) if blocks else "\n"
    slug = _meeting_slug(r, meeting_type, title, federations)
    events, event_report = _proposed_events(r, blocks, meta["uid"], slug, title, meeting_type,
                                            federations, ref_date)
    if notes:
        meta["import_notes"] = list(dict.fromkeys(notes))
    meta = _ordered(meta, MEETING_ORDER)

    report = field_lines(meta)
    report.extend(review_line(review) for review in reviews)
    report.extend(event_report)
    report.extend(_("note: {note}").format(note=note) for note in meta.get("import_notes", []))
    return ImportResult(slug=slug, meta=meta, body=body, events=events, report=report, reviews=reviews,
                        found=found_fields(meta, reviews),
                        removed_lines=[lines[k] for k in sorted(r.removed)])


def _read_title_lines(r: _Reading, agenda: set[int]) -> None:
    """The first lines: the one naming the meeting's type is the title; a date, a month and year
    or a time written there counts; a line with only the date and time leaves the body."""
    seen = 0
    for k, line in enumerate(r.lines):
        if not line.strip() or k in r.removed:
            continue
        seen += 1
        if seen > 6 or k in agenda:
            break
        plain = _strip_markup(line)
        if plain.lower().rstrip(":") in GENERIC_TITLES:
            continue
        first = plain.split()[0].lower().rstrip(":") if plain.split() else ""
        if LABELS.get(first) == "ignore" and len(plain.split()) > 1:
            # 'Organ Styrelsen': a label and its value, which names the type but is no title
            kind, m = type_in_line(plain)
            if kind and r.meeting_type is None:
                r.meeting_type, r.type_word = kind, m.group(0)
            continue
        if not _is_title_candidate(line):
            if _is_letterhead(plain):
                continue
            break
        full, month_year, span = _header_date(plain)
        kind, m = type_in_line(plain)
        rest = plain
        for mention in find_date_mentions(plain):
            rest = rest.replace(mention.text, " ")
        for sp in find_time_spans(plain):
            rest = rest.replace(plain[sp.start:sp.end], " ")
        rest_words = [w for w in _words(rest) if w not in WEEKDAY_NAMES]
        if kind and r.meeting_type is None:
            r.meeting_type, r.title_line, r.type_word = kind, k, m.group(0)
        if full and r.date_full is None:
            r.date_full = full
        if month_year and r.month_year is None and r.date_full is None:
            r.month_year = month_year
        if span and r.span is None:
            r.span = span
        if (full or month_year or span) and not rest_words:
            r.removed.add(k)
        elif (full or month_year or span) and k != r.title_line and r.place is None:
            # '2024-10-23 kl 9.00-11.30, Sala stadshus': the date line also names the place
            _title, place = split_title_line(plain)
            said = set(_words(place or "")) | GENERIC_TITLES | DATE_LINE_FILLER
            if place and said >= set(rest_words):
                r.place = place
                r.removed.add(k)
        if r.title_line is not None and k > r.title_line + 2:
            break


def _complete_when(r: _Reading) -> None:
    """The date and time from 'Datum:' and 'Tid:' labels when the title lines did not give them."""
    date_value, time_value = r.labelled.date, r.labelled.time
    if date_value and r.date_full is None:
        full, month_year, span = _header_date(date_value)
        r.date_full = r.date_full or full
        r.month_year = r.month_year or month_year
        r.span = r.span or span
    if time_value and r.span is None:
        spans = find_time_spans(time_value if re.search(r"kl", time_value, re.IGNORECASE) else "kl " + time_value)
        r.span = spans[0] if spans else None
        if r.date_full is None:
            full, month_year, _rest = _header_date(time_value)
            r.date_full = full
            r.month_year = r.month_year or month_year


def _when_where_in_prose(r: _Reading, agenda: set[int]) -> None:
    """'Mötet hölls den 3 april 2025 kl. 10.00 i Stadshuset.' before the first agenda item: the
    date, time and place no label gave (the sentence stays in the text)."""
    if r.date_full is not None and r.span is not None and (r.labelled.place or r.place):
        return
    end = min(min(agenda, default=len(r.lines)), 25)
    day, span, place = when_where_in_prose(r.lines, end)
    if day is None or (r.date_full is not None and r.date_full != day):
        return
    r.date_full = day
    r.span = r.span or span
    if place and not (r.labelled.place or r.place):
        r.place = place


def _slugs_named(r: "_Reading", items, label_of) -> list[str]:
    """The slugs of `items` the text names, in order; a name read from a misspelling gets a note."""
    found: list[str] = []
    for m in find_names(r.text, items):
        if m.item.slug not in found:
            found.append(m.item.slug)
        if m.fuzzy:
            r.notes.append(f"”{m.surface}” tolkat som {label_of(m.item)} (stavningen skiljer sig) – kontrollera.")
    return found


def _names_in(r: _Reading) -> tuple[list[str], list[str]]:
    """The federations and projects the text names (misspellings noted); with no federation but
    projects of one owner, that owner."""
    known = r.known
    federations = _slugs_named(r, known.federations, lambda item: item.label)
    for group in (r.fields.get("present") or []):
        if isinstance(group, dict) and group.get("federation") and group["federation"] not in federations:
            federations.append(group["federation"])
    projects = _slugs_named(r, known.projects, lambda item: item.name)
    if not federations and projects:
        owners = {known.by_slug(p).owner for p in projects if known.by_slug(p) and known.by_slug(p).owner}
        if len(owners) == 1:
            owner = owners.pop()
            federations.append(owner)
            named = ", ".join(known.by_slug(p).name for p in projects
                              if known.by_slug(p) and known.by_slug(p).owner == owner)
            r.notes.append(f"Inget förbund nämns; {owner} tillagt eftersom det äger projekten som nämns "
                           f"({named}) – kontrollera.")
    return federations, projects


def _settle_type(r: _Reading) -> str:
    """The type the title named; else the presidium form of the people; else a guess from the
    text (reported); else 'möte' and a review."""
    if r.meeting_type is not None:
        return r.meeting_type
    guessed = None
    if _presidium_groups(r.fields.get("present")):
        guessed = "presidiemöte"
    else:
        guessed, _match = guess_type_from_text(r.text)
    if guessed is None:
        r.reviews.append(Review("type", Issue.MISSING))
        r.notes.append("Mötestypen står inte i texten – ange den för hand.")
        return "möte"
    r.reviews.append(Review("type", Issue.GUESSED, guessed))
    r.notes.append(f"Mötestypen ({guessed}) är gissad ur texten – kontrollera.")
    return guessed


def _settle_date(r: _Reading, reference) -> tuple[object, str | None, dt.date | None]:
    """(the front-matter date, its date_note, the day announced dates are read from)."""
    if r.date_full is None and r.month_year is None and reference is not None:
        if isinstance(reference, dt.date):
            r.date_full = reference
        else:
            r.month_year = tuple(reference)
        r.notes.append("Datumet står inte i texten; det är satt av en redaktör.")
    if r.date_full:
        return r.date_full, None, r.date_full
    if r.month_year:
        year, month = r.month_year
        meta_date = f"{year:04d}-{month:02d}"
        r.reviews.append(Review("date", Issue.PARTIAL, meta_date))
        return meta_date, "Dagen står inte i originalet.", dt.date(year, month, 1)
    r.reviews.append(Review("date", Issue.MISSING))
    return None, "Datum saknas i originalet.", None


def _make_title(r: _Reading, meeting_type: str, federations: list[str]) -> tuple[str, str | None]:
    """The title line cleaned ('Minnesanteckningar från …' dropped, a misspelt type word
    corrected, date/time/place parts taken out), or one made from the type; the date added when
    the title does not carry it. Returns (title, the place value, which the title may give)."""
    place_value = r.labelled.place or r.place
    type_title = TYPE_TITLES.get(meeting_type, meeting_type.capitalize())
    if r.title_line is not None:
        original = _strip_markup(r.lines[r.title_line])
        title = original
        canonical_words = CANONICAL_TYPE_WORDS.get(meeting_type)
        if (canonical_words and r.type_word and r.type_word.lower() not in canonical_words
                and re.fullmatch(r"förbundsche\w*m[öo]te[tn]?", r.type_word.lower())):
            title = re.sub(re.escape(r.type_word), type_title, title, count=1, flags=re.IGNORECASE)
            r.notes.append(f"”{r.type_word}” i rubriken skrivs som ”{type_title}”.")
        written = title
        stripped = _GENERIC_PREFIX.sub("", title).strip(" :")
        if stripped:
            title = stripped[:1].upper() + stripped[1:]
        title, title_place = split_title_line(title.strip(" :"))
        subtitle = _subtitle(r, title)
        if subtitle is None and stripped != written and set(_words(title)) <= set(_words(r.type_word or "")):
            # 'Protokoll styrelsemöte': without 'Protokoll' the heading would be the type alone,
            # which says less than the heading as written
            title, title_place = split_title_line(written.strip(" :"))
        if sum(c.isupper() for c in title) > 0.8 * sum(c.isalpha() for c in title) > 4:
            title = _sentence_case(title, r.known)    # 'SAMRÅD MED PARTERNA' → 'Samråd med parterna'
        if subtitle is not None:
            # 'FÖRBUNDSCHEFSMÖTE' / 'FC-nätverket Dalarna': a title of the type alone and the line
            # under it that says whose meeting it is
            title = f"{title} {_strip_markup(r.lines[subtitle])}"
            original = f"{original} {_strip_markup(r.lines[subtitle])}"
            r.removed.add(subtitle)
        if title_place and not place_value:
            place_value = title_place
        date_written = bool(find_date_mentions(title))
        in_title = set(_words(title)) | set(_words(type_title)) | set(_words(title_place or ""))
        if all(w in in_title or w.isdigit() or w in ("kl", "klockan")
               for w in _words(original) if w != r.type_word.lower()):
            r.removed.add(r.title_line)   # the heading now is the title
    else:
        title = type_title
        if len(federations) == 1 and r.known.by_slug(federations[0]):
            title += " " + r.known.by_slug(federations[0]).label
        date_written = False
        r.reviews.append(Review("title", Issue.MADE_UP, title))
    if not date_written:
        if r.date_full:
            title += " " + format_swedish_date(r.date_full)
        elif r.month_year:
            title += f" {MONTH_NAMES[r.month_year[1] - 1]} {r.month_year[0]}"
    return title, place_value


def _subtitle(r: _Reading, title: str) -> int | None:
    """The line under a title line that is only the type word, when it is a short name-like line (no
    label, date, time, list item or generic word such as 'Minnesanteckningar')."""
    written = _strip_markup(r.lines[r.title_line])
    if not r.type_word or set(_words(title)) - set(_words(r.type_word)) or set(_words(written)) - set(_words(r.type_word)):
        return None
    k = r.title_line + 1
    while k < len(r.lines) and not r.lines[k].strip():
        k += 1
    if k >= len(r.lines) or k in r.removed:
        return None
    line = r.lines[k]
    plain = _strip_markup(line)
    if (not plain or len(plain.split()) > 8 or not plain[0].isupper() or not _is_title_candidate(line)
            or plain.lower().rstrip(":") in GENERIC_TITLES or plain.endswith((".", ":"))
            or find_date_mentions(plain) or find_time_spans(plain) or ":" in plain):
        return None
    return k


def _place(r: _Reading, place_value: str | None) -> tuple[str | None, bool | None, str | None]:
    """(location, online, online_link) from the place and link values and an online group."""
    location = online = online_link = None
    if place_value:
        location, online, online_link, place_notes = parse_place(place_value)
        r.notes.extend(place_notes)
    if r.labelled.link:
        url = _URL.search(r.labelled.link)
        if url:
            online_link = url.group(0).strip("<>")
            online = True
    present = r.fields.get("present")
    if online is None and present and any(isinstance(g, dict) and "people" in g and _ONLINE_WORDS.search(g["group"])
                                          for g in present):
        online = True
    if location is None and online is None:
        # 'Mötet hölls på Teams.' written before the first item
        header = "\n".join(r.lines[:r.labelled.header_end])
        if _HELD_ONLINE.search(header):
            online = True
    if location is None and online is None:
        r.reviews.append(Review("location", Issue.MISSING))
    return location, online, online_link


def _people_fields(r: _Reading, meta: dict) -> None:
    """chair, secretary, present, absent, guests into `meta`; what is missing is reviewed, and a
    chair or secretary not found is marked not_in_original with a note saying the import did it."""
    for key in ("chair", "secretary", "present", "absent", "guests"):
        if r.fields.get(key):
            meta[key] = repair_split_names(r.fields[key], r.text, r.notes)
    for key in ("chair", "secretary", "present"):
        if key not in meta:
            r.reviews.append(Review(key, Issue.MISSING))
    unrecorded = [key for key in ("chair", "secretary") if key not in meta]
    if unrecorded:
        # the page then says "framgår inte"; the original beside the file lets an editor verify
        meta["not_in_original"] = unrecorded
        r.notes.append(NOT_FOUND_NOTE.format(fields=" och ".join(FIELD_WORDS[k] for k in unrecorded)))


def _meeting_slug(r: _Reading, meeting_type: str, title: str, federations: list[str]) -> str:
    """'2022-11-23-forbundschefsmote', '2023-05-04-styrelse-sydvik', 'odaterat-presidiemote'."""
    type_slug = slugify(meeting_type)
    in_title = list(dict.fromkeys(m.item.slug for m in find_names(title, r.known.federations)))
    if len(in_title) == 1:
        suffix = f"-{in_title[0]}"
    elif not in_title and len(federations) == 1 and meeting_type not in NETWORK_TYPES:
        suffix = f"-{federations[0]}"
    else:
        suffix = ""
    if r.date_full:
        return f"{r.date_full.isoformat()}-{type_slug}{suffix}"
    if r.month_year:
        return f"{r.month_year[0]:04d}-{r.month_year[1]:02d}-{type_slug}{suffix}"
    return f"odaterat-{type_slug}{suffix}"


def _proposed_events(r: _Reading, blocks: list[Block], uid: str, slug: str, title: str, meeting_type: str,
                     federations: list[str], ref_date: dt.date | None) -> tuple[list[ProposedEvent], list[str]]:
    """The announced dates as event files, each quoting the sentence it came from."""
    event_report: list[str] = []
    candidates = propose_events(sentences_of(blocks), ref_date, meeting_type, federations, r.known,
                                event_report, exact=r.date_full is not None)
    events: list[ProposedEvent] = []
    used: set[str] = set()
    for c in sorted(candidates, key=lambda c: (c.start, c.begins or "")):
        event_slug = f"{c.start.isoformat()}-{slugify(c.title)[:60].strip('-') or 'handelse'}"
        while event_slug in used:
            event_slug += "-2"
        used.add(event_slug)
        start: object = f"{c.start.isoformat()} {c.begins}" if c.begins else c.start
        end: object = None
        if c.end and c.end != c.start:
            end = c.end
        elif c.ends:
            end = f"{c.start.isoformat()} {c.ends}"
        emeta = {"uid": stable_uid(uid, c.start.isoformat(), slugify(c.title)),
                 "title": c.title, "start": start, "end": end, "location": c.location,
                 "online": c.online, "federations": c.federations, "projects": c.projects,
                 "status": c.status, "announced_in": slug,
                 "note": " ".join([*c.note, UNCONFIRMED_NOTE]),
                 "import_notes": c.import_notes + ["Föreslagen av importen ur minnesanteckningarna – kontrollera."]}
        quoted = "\n".join("> " + line for line in c.sentence.split("\n"))
        body = f"Aviserat i minnesanteckningarna från {title}:\n\n{quoted}\n"
        events.append(ProposedEvent(event_slug, _ordered(emeta, EVENT_ORDER), body))
    return events, event_report


def _sentence_case(title: str, known: KnownNames) -> str:
    """A title written in capitals, in sentence case; the names of known federations and projects
    and the acronyms of words.ACRONYMS ('FK', 'NNS') keep their own spelling."""
    words = title.split()
    out = [w if w.strip(",.:-–()") in ACRONYMS else w.lower() for w in words]
    text = " ".join(out)
    text = text[:1].upper() + text[1:]
    for item in (*known.federations, *known.projects):
        for name in item.names():
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", name, text, flags=re.IGNORECASE)
    return text
