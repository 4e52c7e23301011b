"""The meeting's type: from a title line, or guessed from the text when the header does not say."""
from __future__ import annotations

import difflib
import re

from generator.authoring.importer.words import FUZZY_TYPE_WORDS, GENERIC_MEETING_TYPE, MEETING_TYPES, NEXT_MEETING_NOUNS


_NOT_THIS_MEETING = re.compile(r"\b(?:från|om|inför|till|på|nästa|kommande|föregående)\s+(?:\w+\s+)?$",
                               re.IGNORECASE)


def type_in_line(line: str) -> tuple[str | None, re.Match | None]:
    """The meeting type a title line names, with the matching word (fuzzy for misspellings); a
    meeting of no known kind ('Dialogmöte om …') is the generic type."""
    lowered = line.lower()
    for canonical, pattern in MEETING_TYPES:
        m = re.search(rf"(?<!\w)(?:{pattern})(?!\w)", lowered)
        if m:
            return canonical, m
    for word in re.finditer(r"\w{8,}", lowered):
        close = difflib.get_close_matches(word.group(0), FUZZY_TYPE_WORDS, n=1, cutoff=0.8)
        if close:
            return FUZZY_TYPE_WORDS[close[0]], word
    generic, pattern = GENERIC_MEETING_TYPE
    m = re.search(rf"(?<!\w)(?:{pattern})(?!\w)", lowered)
    if m:
        return generic, m
    return None, None


def guess_type_from_text(text: str) -> tuple[str | None, int]:
    """When the header does not say: the type the text speaks of most as *this* meeting's kind.
    Mentions after 'från/om/inför/nästa …' ('Rapport från styrelsemötet') do not count."""
    scores: dict[str, int] = {}
    lowered = text.lower()
    for canonical, pattern in MEETING_TYPES:
        if canonical in ("styrgrupp", "arbetsgrupp", "medlemssamråd"):
            continue  # too often mentioned as other bodies
        for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", lowered):
            if canonical == "styrelse" and re.fullmatch(r"(?:förbunds)?styrelsen?s?", m.group(0)):
                continue
            if _NOT_THIS_MEETING.search(lowered[max(0, m.start() - 30):m.start()]):
                continue
            scores[canonical] = scores.get(canonical, 0) + 1
    if not scores:
        return None, 0
    best = max(scores, key=lambda k: scores[k])
    return best, scores[best]


# 'Nästa möte', 'nästa styrgruppsmöte': the next meeting of this kind
_NEXT_MEETING = re.compile(rf"\bnästa\s+(?P<what>{'|'.join(NEXT_MEETING_NOUNS)})\b", re.IGNORECASE)
