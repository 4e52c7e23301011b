"""`import_minutes`: the text of one set of minutes in, an `ImportResult` out (pure)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..slugs import slugify
from .body import find_agenda, normalise_body, render_blocks
from .dates import TimeSpan, _URL, find_date_mentions, find_time_spans, format_swedish_date
from .events import propose_events, sentences_of
from .header import split_title_line, _GENERIC_PREFIX, _header_date, _is_title_candidate, _read_labelled_fields, _words
from .kinds import guess_type_from_text, type_in_line
from .lines import _normalise_text, _strip_markup
from .names import KnownNames, find_names
from .people import _presidium_groups, repair_split_names
from .place import _ONLINE_WORDS, parse_place
from .words import FIELD_WORDS, NOT_FOUND_NOTE, UNCONFIRMED_NOTE
from .notes import Issue, Review, found_fields
from .report import field_lines, review_line
from .result import EVENT_ORDER, ImportResult, MEETING_ORDER, ProposedEvent, _ordered, stable_uid
from .words import GENERIC_TITLES, MONTH_NAMES, NETWORK_TYPES, TYPE_TITLES, WEEKDAY_NAMES, CANONICAL_TYPE_WORDS


def import_minutes(text: str, source_name: str, known: KnownNames,
                   reference: dt.date | tuple[int, int] | None = None) -> ImportResult:
    """Read one set of minutes. `reference` is the meeting date an editor has settled when the
    text lacks one (a date, or (year, month)); it is never guessed here."""
    text = _normalise_text(text)
    lines = text.split("\n")
    meta: dict = {"uid": stable_uid(source_name, text)}
    reviews: list[Review] = []
    notes: list[str] = []                 # Swedish, into import_notes

    # ---- labelled header fields ----
    agenda = find_agenda(lines)
    labelled = _read_labelled_fields(lines, agenda, known, notes, reviews)
    fields, removed = labelled.fields, labelled.removed
    place_value, time_value, date_value, link_value = labelled.place, labelled.time, labelled.date, labelled.link

    # ---- title, type and date from the first lines ----
    title_line = None
    meeting_type = None
    type_match_text = None
    date_full: dt.date | None = None
    month_year: tuple[int, int] | None = None
    header_span: TimeSpan | None = None
    seen = 0
    for k, line in enumerate(lines):
        if not line.strip() or k in removed:
            continue
        seen += 1
        if seen > 6 or k in agenda:
            break
        plain = _strip_markup(line)
        if plain.lower().rstrip(":") in GENERIC_TITLES:
            continue
        if not _is_title_candidate(line):
            break
        full, my, span = _header_date(plain)
        kind, m = type_in_line(plain)
        rest = plain
        for mention in find_date_mentions(plain):
            rest = rest.replace(mention.text, " ")
        for sp in find_time_spans(plain):
            rest = rest.replace(plain[sp.start:sp.end], " ")
        rest_words = [w for w in _words(rest) if w not in WEEKDAY_NAMES]
        if kind and meeting_type is None:
            meeting_type, title_line, type_match_text = kind, k, m.group(0)
        if full and date_full is None:
            date_full = full
        if my and month_year is None and date_full is None:
            month_year = my
        if span and header_span is None:
            header_span = span
        if (full or my or span) and not rest_words:
            removed.add(k)          # a line with only the date and time
        if title_line is not None and k > title_line + 2:
            break
    if date_value and date_full is None:
        full, my, span = _header_date(date_value)
        date_full = date_full or full
        month_year = month_year or my
        header_span = header_span or span
    if time_value and header_span is None:
        spans = find_time_spans(time_value if re.search(r"kl", time_value, re.IGNORECASE) else "kl " + time_value)
        header_span = spans[0] if spans else None
        if date_full is None:
            full, my, _ = _header_date(time_value)
            date_full = full
            month_year = month_year or my

    # ---- federations and projects ----
    fed_matches = find_names(text, known.federations)
    federations: list[str] = []
    for m in fed_matches:
        if m.item.slug not in federations:
            federations.append(m.item.slug)
        if m.fuzzy:
            notes.append(f"”{m.surface}” tolkat som {m.item.label} (stavningen skiljer sig) – kontrollera.")
    for group in (fields.get("present") or []):
        if isinstance(group, dict) and group.get("federation") and group["federation"] not in federations:
            federations.append(group["federation"])
    project_matches = find_names(text, known.projects)
    projects: list[str] = []
    for m in project_matches:
        if m.item.slug not in projects:
            projects.append(m.item.slug)
        if m.fuzzy:
            notes.append(f"”{m.surface}” tolkat som {m.item.name} (stavningen skiljer sig) – kontrollera.")
    if not federations and projects:
        owners = {known.by_slug(p).owner for p in projects if known.by_slug(p) and known.by_slug(p).owner}
        if len(owners) == 1:
            owner = owners.pop()
            federations.append(owner)
            named = ", ".join(known.by_slug(p).name for p in projects
                              if known.by_slug(p) and known.by_slug(p).owner == owner)
            notes.append(f"Inget förbund nämns; {owner} tillagt eftersom det äger projekten som nämns "
                         f"({named}) – kontrollera.")

    # ---- the type, when the header did not say ----
    type_guessed = False
    if meeting_type is None:
        if _presidium_groups(fields.get("present")):
            meeting_type, type_guessed = "presidiemöte", True
        else:
            guess, count = guess_type_from_text(text)
            if guess:
                meeting_type, type_guessed = guess, True
    if meeting_type is None:
        meeting_type = "möte"
        reviews.append(Review("type", Issue.MISSING))
        notes.append("Mötestypen står inte i texten – ange den för hand.")
    elif type_guessed:
        reviews.append(Review("type", Issue.GUESSED, meeting_type))
        notes.append(f"Mötestypen ({meeting_type}) är gissad ur texten – kontrollera.")

    # ---- date: from the text, or from the editor ----
    date_note = None
    if date_full is None and month_year is None and reference is not None:
        if isinstance(reference, dt.date):
            date_full = reference
        else:
            month_year = tuple(reference)
        notes.append("Datumet står inte i texten; det är satt av en redaktör.")
    if date_full:
        meta_date: object = date_full
        ref_date = date_full
    elif month_year:
        meta_date = f"{month_year[0]:04d}-{month_year[1]:02d}"
        ref_date = dt.date(month_year[0], month_year[1], 1)
        date_note = "Dagen står inte i originalet."
        reviews.append(Review("date", Issue.PARTIAL, meta_date))
    else:
        meta_date = None
        ref_date = None
        date_note = "Datum saknas i originalet."
        reviews.append(Review("date", Issue.MISSING))

    # ---- title ----
    type_title = TYPE_TITLES.get(meeting_type, meeting_type.capitalize())
    if title_line is not None:
        title = _strip_markup(lines[title_line])
        canonical_words = CANONICAL_TYPE_WORDS.get(meeting_type)
        if (canonical_words and type_match_text and type_match_text.lower() not in canonical_words
                and re.fullmatch(r"förbundsche\w*m[öo]te[tn]?", type_match_text.lower())):
            title = re.sub(re.escape(type_match_text), type_title, title, count=1, flags=re.IGNORECASE)
            notes.append(f"”{type_match_text}” i rubriken skrivs som ”{type_title}”.")
        stripped_title = _GENERIC_PREFIX.sub("", title).strip(" :")
        if stripped_title:
            title = stripped_title[:1].upper() + stripped_title[1:]
        title = title.strip(" :")
        title, title_place = split_title_line(title)
        if title_place and not place_value:
            place_value = title_place
        title_date_written = bool(find_date_mentions(title))
        in_title = set(_words(title)) | set(_words(type_title)) | set(_words(title_place or ""))
        if all(w in in_title or w.isdigit() or w in ("kl", "klockan")
               for w in _words(_strip_markup(lines[title_line])) if w != type_match_text.lower()):
            removed.add(title_line)   # the heading now is the title
    else:
        title = type_title
        if len(federations) == 1 and known.by_slug(federations[0]):
            title += " " + known.by_slug(federations[0]).label
        title_date_written = False
        reviews.append(Review("title", Issue.MADE_UP, title))
    if not title_date_written:
        if date_full:
            title += " " + format_swedish_date(date_full)
        elif month_year:
            title += f" {MONTH_NAMES[month_year[1] - 1]} {month_year[0]}"

    # ---- place ----
    location = online = online_link = None
    if place_value:
        location, online, online_link, place_notes = parse_place(place_value)
        notes.extend(place_notes)
    if link_value:
        url = _URL.search(link_value)
        if url:
            online_link = url.group(0).strip("<>")
            online = True
    present = fields.get("present")
    if online is None and present and any(isinstance(g, dict) and "people" in g and _ONLINE_WORDS.search(g["group"])
                                          for g in present):
        online = True
    if location is None and online is None:
        reviews.append(Review("location", Issue.MISSING))

    # ---- assemble the meeting's front matter ----
    meta.update({"title": title, "type": meeting_type})
    if meta_date is not None:
        meta["date"] = meta_date
    if date_note:
        meta["date_note"] = date_note
    if header_span and date_full:
        meta["start"] = header_span.begins
        if header_span.ends:
            meta["end"] = header_span.ends
    elif header_span:
        notes.append(f"Tiden {header_span.begins}–{header_span.ends or ''} står i texten men dagen saknas.")
    if location:
        meta["location"] = location
    if online is not None:
        meta["online"] = online
    if online_link:
        meta["online_link"] = online_link
    if federations:
        meta["federations"] = federations
    for key in ("chair", "secretary", "present", "absent", "guests"):
        if fields.get(key):
            meta[key] = repair_split_names(fields[key], text, notes)
    for key, label in (("chair", "chair"), ("secretary", "secretary"), ("present", "present")):
        if key not in meta:
            reviews.append(Review(label, Issue.MISSING))
    unrecorded = [key for key in ("chair", "secretary") if key not in meta]
    if unrecorded:
        # the page then says "framgår inte"; the original beside the file lets an editor verify
        meta["not_in_original"] = unrecorded
        notes.append(NOT_FOUND_NOTE.format(fields=" och ".join(FIELD_WORDS[k] for k in unrecorded)))
    if projects:
        meta["projects"] = projects
    meta["source"] = Path(source_name).name

    # ---- body ----
    body_lines = ["" if k in removed else line for k, line in enumerate(lines)]
    blocks = normalise_body(body_lines)
    body = render_blocks(blocks) if blocks else "\n"

    # ---- slug ----
    type_slug = slugify(meeting_type)
    in_title = list(dict.fromkeys(m.item.slug for m in find_names(title, known.federations)))
    if len(in_title) == 1:
        suffix = f"-{in_title[0]}"
    elif not in_title and len(federations) == 1 and meeting_type not in NETWORK_TYPES:
        suffix = f"-{federations[0]}"
    else:
        suffix = ""
    if date_full:
        slug = f"{date_full.isoformat()}-{type_slug}{suffix}"
    elif month_year:
        slug = f"{month_year[0]:04d}-{month_year[1]:02d}-{type_slug}{suffix}"
    else:
        slug = f"odaterat-{type_slug}{suffix}"

    # ---- events ----
    sentences = sentences_of(blocks)
    event_report: list[str] = []
    candidates = propose_events(sentences, ref_date, meeting_type, federations, known, event_report,
                                exact=date_full is not None)
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
        emeta = {"uid": stable_uid(meta["uid"], c.start.isoformat(), slugify(c.title)),
                 "title": c.title, "start": start, "end": end, "location": c.location,
                 "online": c.online, "federations": c.federations, "projects": c.projects,
                 "status": c.status, "announced_in": slug,
                 "note": " ".join([*c.note, UNCONFIRMED_NOTE]),
                 "import_notes": c.import_notes + ["Föreslagen av importen ur minnesanteckningarna – kontrollera."]}
        quoted = "\n".join("> " + line for line in c.sentence.split("\n"))
        ebody = f"Aviserat i minnesanteckningarna från {title}:\n\n{quoted}\n"
        events.append(ProposedEvent(event_slug, _ordered(emeta, EVENT_ORDER), ebody))

    if notes:
        meta["import_notes"] = list(dict.fromkeys(notes))
    meta = _ordered(meta, MEETING_ORDER)

    # ---- report ----
    lines_out = field_lines(meta)
    lines_out.extend(review_line(r) for r in reviews)
    lines_out.extend(event_report)
    for note in meta.get("import_notes", []):
        lines_out.append(f"note: {note}")
    return ImportResult(slug=slug, meta=meta, body=body, events=events, report=lines_out, reviews=reviews,
                        found=found_fields(meta, reviews),
                        removed_lines=[lines[k] for k in sorted(removed)])
