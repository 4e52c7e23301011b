"""Header facts written as a sentence: 'Mötet hölls den 3 april 2025 kl. 10.00 i Stadshuset,
Falun.' or 'Tisdagen den 21 oktober 2025 kl 14-16, Kommunhuset i Sala.' → the date, the time and
the place. Read only before the first agenda item, and only when no label gave them."""
from __future__ import annotations

import datetime as dt
import re

from generator.authoring.importer.dates import TimeSpan, _valid, find_date_mentions, find_time_spans
from generator.authoring.importer.lines import prose_paragraphs
from generator.authoring.importer.words import PROSE_HELD_VERBS, PROSE_PLACE_WORDS, WEEKDAY_NAMES


_HELD = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(v) for v in PROSE_HELD_VERBS)})(?!\w)", re.IGNORECASE)


# a sentence ends at a point before a capital or at the end ('kl. 10.00' does not end it)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


_OPENS_WITH_DATE = re.compile(rf"^(?:(?:{'|'.join(WEEKDAY_NAMES)})(?:en|ens)?\s+)?(?:den\s+)?\d", re.IGNORECASE)


_PLACE_START = re.compile(rf"^\s*(?:,\s*(?:(?:{'|'.join(PROSE_PLACE_WORDS)})\s+)?|(?:{'|'.join(PROSE_PLACE_WORDS)})\s+)",
                          re.IGNORECASE)


# the place ends where the sentence goes on with another clause: '… i Stadshuset och leddes av …'
_CLAUSE = re.compile(r"\s+(?:och|samt|där|varvid|men)\s+(?=[a-zåäö]+(?:de|te|des|tes|s)\b)|\s*[;(]")


def when_where_in_prose(lines: list[str], end: int) -> tuple[dt.date | None, TimeSpan | None, str | None]:
    """The first header sentence before line `end` that says when the meeting was held: its full
    date, its time span and the place written after them."""
    for plain in prose_paragraphs(lines, end):
        for sentence in _SENTENCE_END.split(plain):
            found = _read_sentence(sentence)
            if found is not None:
                return found
    return None, None, None


def _read_sentence(sentence: str) -> tuple[dt.date, TimeSpan | None, str | None] | None:
    dates = [m for m in find_date_mentions(sentence)
             if m.year and m.day and m.day2 is None and _valid(m.year, m.month, m.day)]
    if not dates:
        return None
    mention = dates[0]
    held = _HELD.search(sentence[:mention.start])
    if held is None and not _OPENS_WITH_DATE.match(sentence):
        return None
    spans = [s for s in find_time_spans(sentence) if s.start >= mention.start]
    span = spans[0] if spans and not sentence[mention.end:spans[0].start].strip(" ,") else None
    after = sentence[(span.end if span else mention.end):]
    place = None
    start = _PLACE_START.match(after)
    if start:
        rest = after[start.end():]
        cut = _CLAUSE.search(rest)
        place = (rest[:cut.start()] if cut else rest).strip().rstrip(".").strip(" ,") or None
    return dt.date(mention.year, mention.month, mention.day), span, place
