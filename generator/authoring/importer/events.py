"""Proposed events: the coming dates the minutes announce, as preliminary events."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.i18n import _
from generator.text.slugs import slugify
from generator.authoring.importer.body import Block
from generator.authoring.importer.dates import DateMention, TimeSpan, _DAY_MONTH, _TIME_BARE, _TIME_KL, find_date_mentions, find_time_spans, format_swedish_date, iso_week_range, resolve_day, standalone_years
from generator.authoring.importer.kinds import _NEXT_MEETING
from generator.authoring.importer.names import KnownNames, find_names
from generator.authoring.importer.place import _HEDGE, _ONLINE_WORDS, parse_place
from generator.authoring.importer.words import ALTERNATIVE_WORDS, CANCELLED_WORDS, DEADLINE_WORDS, EVENT_NOUNS, FUTURE_WORDS, GENERIC_EVENT_TITLES, HEDGE_WORDS, MEETING_VERBS, MOVED_WORDS, NOT_EVENT_WORDS, PAST_WORDS, PART_OF_DAY_WORDS, TYPE_TITLES, WEEKDAY_NAMES


def _words_re(words: tuple[str, ...]) -> str:
    return "|".join(words)


_EVENT_NOUN = re.compile(rf"\b(?:{_words_re(EVENT_NOUNS)})\b", re.IGNORECASE)
_DEADLINE = re.compile(rf"\b(?:{_words_re(DEADLINE_WORDS)})\b", re.IGNORECASE)
_CANCELLED = re.compile(rf"\b(?:{_words_re(CANCELLED_WORDS)})", re.IGNORECASE)
_FUTURE = re.compile(rf"\b(?:{_words_re(FUTURE_WORDS)})\b", re.IGNORECASE)
_PAST = re.compile(rf"\b(?:{_words_re(PAST_WORDS)})\b", re.IGNORECASE)
_ALTERNATIVES = re.compile(rf"\b(?:{_words_re(ALTERNATIVE_WORDS)})\b", re.IGNORECASE)
_PART_OF_DAY = re.compile(rf"\b(?:{_words_re(PART_OF_DAY_WORDS)})\b", re.IGNORECASE)
_MOVED = re.compile(rf"\b(?:{_words_re(MOVED_WORDS)})\b", re.IGNORECASE)


_LOCATION_VERB = re.compile(r"\b(?:hålla\s+till|håller\s+till|äger\s+rum|ses|träffas|vara)\s+(?:i|på)\s+"
                            r"(?P<place>[A-ZÅÄÖ][^.;]{2,60})")


# '… hålls 12 december kl 9-12 i Sala', '… genomförs 14-15 juni i Södertälje'
_PLACE_AFTER_DATE = re.compile(r"^[^.;:]{0,40}?\b(?:i|på)\s+(?P<place>(?!Teams\b|Zoom\b)[A-ZÅÄÖ][\wåäö-]+"
                               r"(?:\s+[A-ZÅÄÖ][\wåäö-]+)*)")


MAX_EVENT_DAYS = 14


@dataclass(frozen=True)
class EventNote:
    """A note on a proposed event: `public` ones are shown on the site (`note`), the others are
    for the editor (`import_notes`)."""
    text: str
    public: bool = False


@dataclass
class Sentence:
    text: str
    heading: str           # nearest heading
    parent: str            # the agenda item (level 2) it belongs to
    label: str             # 'Insatskatalogen' in 'Insatskatalogen: Elin informerade …'
    section: str           # all text of the section, for a time or place said elsewhere
    in_heading: bool = False


_ABBREVIATION_END = re.compile(r"(?:\b(?:kl|ca|ev|bl\.a|t\.ex|fr\.o\.m|t\.o\.m|resp|nr|jfr|dvs|s\.k|p\.g\.a|m\.fl)\.)$",
                               re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    """Lines, then sentences; 'kl. 9:00', 'bl.a. Elin' do not end a sentence."""
    out = []
    for line in text.split("\n"):
        pieces: list[str] = []
        for piece in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”*(])", line):
            if pieces and _ABBREVIATION_END.search(pieces[-1]):
                pieces[-1] += " " + piece
            else:
                pieces.append(piece)
        out.extend(p.strip() for p in pieces if p.strip())
    return out


def sentences_of(blocks: list[Block]) -> list[Sentence]:
    """Each sentence with the heading it stands under and the text of its section."""
    sections: list[tuple[Block | None, Block | None, list[Block]]] = []
    current_h2 = current_h = None
    current: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            sections.append((current_h2, current_h, current))
            if block.level <= 2:
                current_h2 = block
            current_h = block
            current = [block]
        else:
            current.append(block)
    sections.append((current_h2, current_h, current))
    out: list[Sentence] = []
    for h2, h, members in sections:
        section_text = "\n".join(b.text for b in members)
        heading = h.text if h else ""
        parent = h2.text if h2 else heading
        for block in members:
            label_m = re.match(r"^\*{0,2}([A-ZÅÄÖ][^:.!?]{1,50}?)\*{0,2}:\s", block.text)
            label = label_m.group(1) if label_m and len(label_m.group(1).split()) <= 6 else ""
            for sentence in split_sentences(block.text):
                out.append(Sentence(sentence, heading, parent, label, section_text,
                                    in_heading=block.kind == "heading"))
    return out


def _clean_title(text: str, mentions: list[DateMention]) -> str:
    """Strip numbering, dates, times, '/Name' and hedges from a heading: 'Konferens 19:e maj –
    lägesrapport / Elin' → 'Konferens'."""
    for mention in sorted(mentions, key=lambda d: -d.start):
        text = text[:mention.start] + " " + text[mention.end:]
    text = re.sub(r"^\s*(?:§\s*)?\d{1,2}[.)]\s*", "", text)
    text = _TIME_KL.sub(" ", text)
    text = _TIME_BARE.sub(" ", text)
    text = re.sub(r"\s/\s*[^/]*$|/\s*[A-ZÅÄÖ][\wåäö]*(?:\s*(?:,|och|o)\s*[A-ZÅÄÖ][\wåäö]*)*\s*$", "", text)
    parts = [p.strip(" ,–-?!") for p in re.split(r"\s[–-]\s|,|\?|:", text)]
    parts = [p for p in parts if p]
    chosen = next((p for p in parts if _event_noun(p)), parts[0] if parts else "")
    chosen = re.sub(rf"\s*\b(?:{HEDGE_WORDS})(?!\w).*$", "", chosen, flags=re.IGNORECASE)
    chosen = re.sub(r"\s*\b(?:helt\s+)?digital\w*\s*$|\s*\bvia\s+teams\s*$|\s*\b(?:var|den|på|kl\.?)\s*$",
                    "", chosen, flags=re.IGNORECASE)
    chosen = " ".join(chosen.split())
    if chosen.isupper() and len(chosen) > 4:
        chosen = chosen.capitalize()
    return chosen[:1].upper() + chosen[1:] if chosen else ""


def _event_noun(text: str, plain_meeting: bool = False) -> str | None:
    """The first word that names an event ('konferens', 'Almedalsvecka', 'öppet hus'); with
    `plain_meeting`, a bare 'möte' counts too."""
    for m in _EVENT_NOUN.finditer(text):
        word = m.group(0)
        if plain_meeting and word.lower() in ("möte", "mötet"):
            return word
        if word.lower() in NOT_EVENT_WORDS or word.lower().endswith(("dagsläget",)):
            continue
        if word.lower().split()[-1] in ("dagen",) and not word.split()[0][:1].isupper():
            continue
        return word
    return None


def _noun_title(sentence: str, before: int) -> str | None:
    """The event noun nearest before the date (or anywhere), with a capitalised word before it
    ('ASF dagen', 'Gemensam heldag')."""
    best = None
    for m in _EVENT_NOUN.finditer(sentence):
        word = m.group(0)
        low = word.lower()
        if low in NOT_EVENT_WORDS or low.split()[-1] == "dagen" and not word.split()[0][:1].isupper():
            continue
        if best is None or m.start() <= before:
            best = m
    if best is None:
        return None
    title = best.group(0)
    if re.match(r"lanser", title, re.IGNORECASE):
        return "Lansering"
    prefix = sentence[:best.start()].rstrip()
    prev = re.search(r"(\w+)$", prefix)
    if prev and prev.group(1)[:1].isupper() and prev.start() > 0 and " " in prefix:
        title = f"{prev.group(1)} {title}"
    if title.lower() in ("träffas", "ses"):
        title = "Träff"
    return title[:1].upper() + title[1:]


@dataclass
class _Candidate:
    start: dt.date
    end: dt.date | None
    begins: str | None
    ends: str | None
    title: str
    status: str
    online: bool | None
    location: str | None
    federations: list[str]
    projects: list[str]
    note: list[str]
    import_notes: list[str]
    sentence: str
    group: int
    kind: str = "event"        # or "deadline": never merged with an event on the same day
    quality: int = 0           # how the title was found: 3 own line, 2 heading, 1 noun, 0 generic


def propose_events(sentences: list[Sentence], reference: dt.date | None, meeting_type: str,
                   meeting_federations: list[str], known: KnownNames,
                   report: list[str], exact: bool = True) -> list[_Candidate]:
    """Coming dates in the minutes → events (status preliminär, or inställd when cancelled).

    `reference` is the meeting's date; `exact` is False when only its month is known (then the
    reference is the 1st, and 'imorgon' cannot be placed)."""
    candidates: list[_Candidate] = []
    no_year: list[str] = []
    periods: list[str] = []
    for index, s in enumerate(sentences):
        mentions = [m for m in find_date_mentions(s.text) if m.kind != "week" or not any(
            o.kind in ("day-month", "numeric") for o in find_date_mentions(s.text))]
        if not mentions:
            continue
        next_ctx = bool(_NEXT_MEETING.search(s.text) or _NEXT_MEETING.search(s.heading)
                        or _NEXT_MEETING.search(s.parent))
        cancelled = bool(_CANCELLED.search(s.text))
        deadline = bool(_DEADLINE.search(s.text))
        noun = _event_noun(s.text) or (_event_noun(s.heading) if s.in_heading else None)
        future = bool(_FUTURE.search(s.text)) or next_ctx
        past = bool(_PAST.search(s.text)) and not future
        moves = _moves(s.text, mentions)
        if not (next_ctx or noun or deadline or cancelled or moves) or past:
            continue
        years = standalone_years(_DAY_MONTH.sub(" ", s.text))
        sentence_year = years[0] if len(set(years)) == 1 else None
        spans = find_time_spans(s.text)
        group = index
        paired = {} if moves else _pair_range(s.text, mentions)
        for mention in mentions:
            if mention in paired.values():
                continue
            dates: list[tuple[dt.date, dt.date | None]] = []
            notes: list[EventNote | str] = []   # a plain string is for the editor only
            if mention.kind == "relative":
                if reference is None or not exact:
                    no_year.append(mention.text)
                    continue
                dates.append((reference + dt.timedelta(days=mention.days_after), None))
            elif mention.kind == "week":
                year = sentence_year or (reference.year if reference else None)
                if year is None:
                    no_year.append(mention.text)
                    continue
                try:
                    monday, sunday = iso_week_range(year, mention.week)
                except ValueError:
                    continue      # 'vecka 53' in a year without one
                if reference and sunday < reference:
                    if not future or sentence_year:
                        continue
                    try:
                        monday, sunday = iso_week_range(year + 1, mention.week)
                    except ValueError:
                        continue
                    notes.append(f"Året står inte i texten; {monday.year} antaget eftersom veckan "
                                 f"ligger före mötet.")
                elif not sentence_year:
                    notes.append(f"Året står inte i texten; {monday.year} taget från mötets datum.")
                dates.append((monday, sunday))
                notes.append(EventNote(f"Datum osäkert: bara {mention.text} är angiven.", public=True))
            else:
                year = mention.year or sentence_year
                day, how = resolve_day(mention.day, mention.month, year, reference, future)
                if day is None:
                    if how == "no-year":
                        no_year.append(re.sub(r"^den\s+", "", mention.text.rstrip(".")))
                    continue
                if how == "past" or (reference and day < reference):
                    continue
                if how == "rolled":
                    notes.append(f"Året står inte i texten; {day.year} antaget eftersom datumet "
                                 f"ligger före mötet.")
                elif how == "reference" and not mention.year and not sentence_year:
                    notes.append(f"Året står inte i texten; {day.year} taget från mötets datum.")
                end_day = None
                if mention.day2 is not None:
                    second, _rest = resolve_day(mention.day2, mention.month, day.year, None, False)
                    if second is None:
                        continue
                    if mention.joiner == "range":
                        end_day = second
                    else:
                        dates.append((day, None))
                        dates.append((second, None))
                        if mention.joiner == "alternative":
                            notes.append(EventNote(f"Alternativa datum: {format_swedish_date(day, False)} eller "
                                         f"{format_swedish_date(second, False)}.", public=True))
                        day = None
                partner = paired.get(mention.start)
                if partner is not None and day is not None:
                    second, _rest = resolve_day(partner.day, partner.month, partner.year or day.year, None, False)
                    if second and second > day:
                        end_day = second
                if day is not None:
                    dates.append((day, end_day))
                    weeks = [w.week for w in find_date_mentions(s.text) if w.kind == "week"]
                    last = end_day or day
                    if weeks and not any(day.isocalendar()[1] <= w <= last.isocalendar()[1] for w in weeks):
                        notes.append(f"Texten anger vecka {weeks[0]}, men {day.isoformat()} ligger i vecka "
                                     f"{day.isocalendar()[1]} – kontrollera.")
                if mention.weekday is not None and day is not None and day.weekday() != mention.weekday:
                    notes.append(f"Veckodagen ({WEEKDAY_NAMES[mention.weekday]}) stämmer inte med "
                                 f"{day.isoformat()} – kontrollera datumet.")
            if exact and reference and any(d == reference and mention.kind != "relative" for d, _item in dates):
                continue  # the meeting itself
            for start, end in dates:
                if end and (end - start).days > MAX_EVENT_DAYS:
                    periods.append(f"{start.isoformat()}–{end.isoformat()} ({_short(s.text)})")
                    break
                candidate = _make_candidate(s, mention, start, end, spans, next_ctx, cancelled,
                                            deadline, meeting_type, meeting_federations, known,
                                            notes, group)
                move = moves.get(mention.start)
                if move is not None:
                    _apply_move(candidate, move, sentence_year or start.year)
                candidates.append(candidate)
    _mark_alternatives(candidates, sentences)
    merged = _merge(candidates)
    if no_year:
        report.append(_("events: no full date for {dates} (the meeting's own date is missing or incomplete) "
                        "— add these events by hand").format(dates=", ".join(sorted(set(no_year)))))
    if periods:
        report.append(_("periods (not made events): {periods}").format(periods="; ".join(periods)))
    return merged


def _short(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def _moves(text: str, mentions: list[DateMention]) -> dict:
    """'Mötet den 16 september flyttas till 23 september', 'flyttas från 17 april till 24 april':
    the old date's start → ("from", the new mention), the new date's → ("to", the old mention)."""
    verb = _MOVED.search(text)
    if not verb:
        return {}
    dated = [m for m in mentions if m.kind in ("day-month", "numeric", "iso", "compact") and m.day2 is None]
    old = new = None
    for m in dated:
        before = text[max(0, m.start - 12):m.start].lower()
        if re.search(r"\btill\s+(?:den\s+)?$|\btill\s+\w+dagen\s+(?:den\s+)?$", before) and m.start > verb.start():
            new = new or m
        elif re.search(r"\bfrån\s+(?:den\s+)?$", before) or m.end <= verb.start():
            old = m if new is None else old
    if old is None or new is None:
        return {}
    return {old.start: ("from", new), new.start: ("to", old)}


def _apply_move(candidate: _Candidate, move: tuple[str, DateMention], year: int) -> None:
    """The date moved from is called off (and has no time of its own); the one moved to says where
    it came from."""
    direction, other = move
    other_day, _rest = resolve_day(other.day, other.month, other.year or year, None, False)
    said = format_swedish_date(other_day, False) if other_day else other.text
    if direction == "from":
        candidate.status = "inställd"
        candidate.begins = candidate.ends = None
        candidate.note.append(f"Flyttat till {said}.")
    else:
        candidate.note.append(f"Flyttat från {said}.")


def _pair_range(text: str, mentions: list[DateMention]) -> dict:
    """'med inledning söndagen den 3 juli och avslutning torsdagen den 7 juli', 'från 3 till 7
    maj': the first date's start → the second mention (which then is no event of its own)."""
    pairs: dict = {}
    dated = [m for m in mentions if m.kind in ("day-month", "numeric", "iso", "compact") and m.day2 is None]
    for a, b in zip(dated, dated[1:]):
        between = text[a.end:b.start].lower()
        before = text[max(0, a.start - 25):a.start].lower()
        if re.search(r"\b(?:till(?:\s+och\s+med)?|t\.?o\.?m\.?|avslutning|slutar|[-–])\b|[-–]", between) and \
                (re.search(r"\b(?:från|fr\.?o\.?m\.?|inledning|start\w*|börjar)\b", before + between)
                 or between.strip() in ("-", "–")):
            pairs[a.start] = b
    return pairs


def _make_candidate(s: Sentence, mention: DateMention, start: dt.date, end: dt.date | None,
                    spans: list[TimeSpan], next_ctx: bool, cancelled: bool, deadline: bool,
                    meeting_type: str, meeting_federations: list[str], known: KnownNames,
                    notes: list[EventNote | str], group: int) -> _Candidate:
    # time: the first span after this date in the sentence, else one said in the section
    begins = ends = None
    following = [t for t in spans if t.start >= mention.end]
    span = following[0] if following else (spans[0] if len(spans) == 1 else None)
    if span is None and s.in_heading:
        section_spans = find_time_spans(s.section)
        dated_elsewhere = [m for m in find_date_mentions(s.section) if m.kind != "relative"]
        if len(section_spans) == 1 and len(dated_elsewhere) <= 1:
            span = section_spans[0]
    if span is not None:
        begins, ends = span.begins, span.ends
    note = list(dict.fromkeys(n.text for n in notes if isinstance(n, EventNote) and n.public))
    import_notes = [n.text if isinstance(n, EventNote) else n for n in notes
                    if not (isinstance(n, EventNote) and n.public)]
    part = _PART_OF_DAY.search(s.text)
    if part and begins is None:
        note.append(f"Tid: {part.group(0)}.")
    # title
    line_label = re.match(r"^\s*(?:[-–•*]\s*)?([A-ZÅÄÖ][\wåäö ]{1,30}?):\s", s.text)
    if next_ctx and not deadline:
        own = _clean_title(s.text, find_date_mentions(s.text))
        own_noun = _event_noun(own) if own else None
        if (own_noun and own_noun.lower() not in ("mötet", "möte") and not line_label
                and not re.search(r"\bnästa\b", own, re.IGNORECASE) and len(own.split()) <= 6):
            title = own.rstrip(".")
        else:
            title = TYPE_TITLES.get(meeting_type, meeting_type.capitalize())
            said = _NEXT_MEETING.search(s.text) or _NEXT_MEETING.search(s.heading) or _NEXT_MEETING.search(s.parent)
            what = said.group("what").lower() if said else ""
            if what and not re.fullmatch(r"möte[t]?|sammanträde[t]?|träff(?:en)?", what):
                # 'Nästa samråd', 'Nästa styrgruppsmöte': the minutes name the kind of meeting
                what = re.sub(r"(?<=samråd)et$|(?<=möte)t$|(?<=träff)en$", "", what)
                if slugify(what) != slugify(TYPE_TITLES.get(meeting_type, "")):
                    title = what[:1].upper() + what[1:]
        if line_label and not _event_noun(line_label.group(1)):
            title = f"{title} {line_label.group(1).strip()}"
    elif deadline:
        clause = re.split(r"\s[–-]\s|:", s.text)[0]
        topic = clause if len(clause.split()) <= 6 and clause != s.text else (
            s.label or _clean_title(s.heading, find_date_mentions(s.heading)))
        title = f"Sista dag – {topic.strip()}" if topic else "Sista dag"
    elif s.in_heading:
        title = _clean_title(s.text, find_date_mentions(s.text))
    else:
        title = _noun_title(s.text, mention.start) or "Händelse"
        launch = re.search(r"(?:\b[A-ZÅÄÖ][\wåäö-]*\s+)?\blanser\w*\b[^.;:()]*?(?=\s*(?:den\s+)?"
                           + re.escape(mention.text) + ")", s.text)
        if title == "Lansering" and launch:
            clause = launch.group(0).strip(" ,")
            if re.search(r"lanser\w*$", clause):
                topic = s.label or _clean_title(s.heading, find_date_mentions(s.heading))
                clause = f"{clause} {topic[:1].lower() + topic[1:]}" if topic else clause
            title = clause[:1].upper() + clause[1:]
        elif title.lower() in GENERIC_EVENT_TITLES:
            topic = s.label or _clean_title(s.heading, find_date_mentions(s.heading))
            if (topic and title.lower() in ("möte", "mötestid") and _event_noun(topic, plain_meeting=True)
                    and not topic.lower().startswith(("nästa", "övrigt"))):
                title = topic
            elif topic and not topic.lower().startswith(("övrigt", "nästa")):
                title = f"{title} – {topic}"
    title = title.strip() or "Händelse"
    if title.lower() in MEETING_VERBS or (title == "Händelse" and _MOVED.search(s.text)):
        # 'Styrelsen möts 3 juni …', 'Mötet … flyttas till …': this body's own meetings
        title = TYPE_TITLES.get(meeting_type, meeting_type.capitalize())
    quality = 0
    if next_ctx and not deadline:
        quality = 3 if title != TYPE_TITLES.get(meeting_type) else 2
    elif s.in_heading:
        quality = 2
    elif title.lower() not in GENERIC_EVENT_TITLES and " – " not in title:
        quality = 1
    # online and place
    scope = s.text if not s.in_heading else s.text + "\n" + s.section
    online = None
    if _ONLINE_WORDS.search(s.text) or (s.in_heading and _ONLINE_WORDS.search(s.section)):
        hedge = _HEDGE.search(scope)
        if hedge:
            said = next((x for x in split_sentences(scope) if _HEDGE.search(x)), s.text)
            note.append(f"Formen är inte bestämd: ”{_short(said, 90)}”")
        else:
            online = True
    location = None
    labelled = re.search(r"(?im)^\W*(?:plats|lokal|mötesplats)\s*:\**\s*(?P<place>\S[^\n]*)$", s.section)
    place = _LOCATION_VERB.search(scope) or _PLACE_AFTER_DATE.search(s.text[mention.end:])
    if labelled and (s.in_heading or next_ctx):
        location, is_online, _link, place_notes = parse_place(labelled.group("place").replace("*", ""))
        note.extend(n for n in place_notes if n not in note)
        if is_online and online is None and not place_notes:
            online = True
    elif place:
        location = place.group("place").strip(" ,")
        import_notes.append("Platsen är läst ur texten – kontrollera.")
    # federations: those named in the sentence, else the meeting's
    named = [m.item.slug for m in find_names(s.text, known.federations)]
    if next_ctx:
        federations = list(dict.fromkeys(list(meeting_federations) + named))
    else:
        federations = list(dict.fromkeys(named)) or list(meeting_federations)
    projects = list(dict.fromkeys(m.item.slug for m in find_names(s.text + "\n" + s.heading, known.projects)))
    return _Candidate(start, end, begins, ends, title, "inställd" if cancelled else "preliminär", online,
                      location, federations, projects, note, import_notes, s.text, group,
                      "deadline" if deadline and not next_ctx else "event", quality)


def _mark_alternatives(candidates: list[_Candidate], sentences: list[Sentence]) -> None:
    """'ni kan välja mellan följande; – Tisdag 3 maj … – Onsdag 4 maj …': each day notes the others."""
    by_section: dict[str, list[_Candidate]] = {}
    for c in candidates:
        if c.status == "inställd":
            continue
        section = next((s.section for s in sentences if s.text == c.sentence), "")
        if _ALTERNATIVES.search(section) and len(c.sentence.split()) <= 8:
            by_section.setdefault(section, []).append(c)
    for group in by_section.values():
        if len(group) < 2:
            continue
        days = ", ".join(format_swedish_date(c.start, False) for c in group)
        for c in group:
            c.note.append(f"Ett av flera tillfällen att välja mellan: {days}.")


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One event per day and time: later mentions add a time, the online flag and notes."""
    merged: list[_Candidate] = []
    for c in candidates:
        same = next((m for m in merged if m.start == c.start and m.kind == c.kind
                     and (m.begins is None or c.begins is None or m.begins == c.begins)), None)
        if same is None:
            merged.append(c)
            continue
        if same.begins is None and c.begins:
            same.begins, same.ends = c.begins, c.ends
        if same.end is None and c.end:
            same.end = c.end
        if same.online is None and c.online:
            same.online = True
        if same.location is None and c.location:
            same.location = c.location
        if c.status == "inställd":
            same.status = "inställd"
        for item in c.note:
            if item not in same.note:
                same.note.append(item)
        for item in c.import_notes:
            if item not in same.import_notes:
                same.import_notes.append(item)
        for slug in c.projects:
            if slug not in same.projects:
                same.projects.append(slug)
        generic = GENERIC_EVENT_TITLES | {"heldag", "heldagen"}
        if c.title.lower() not in generic and (same.title.lower() in generic or c.quality > same.quality):
            same.title, same.quality = c.title, max(c.quality, same.quality)
        same.sentence += "\n" + c.sentence
    return merged
