"""People named in the sentences of the header, where no label or list gives them:
'Närvarande var förbundschef Lena Holm och, från Försäkringskassan, Karin Öhman och Jimmy Lund.',
'Förhinder hade Hans Lid, Region Väst, och Marie Ren.', 'Processledare Oskar Sand deltog under
punkt 3.' The sentences stay in the text; the people go to present and absent."""
from __future__ import annotations

import re

from generator.authoring.importer.lines import prose_paragraphs
from generator.authoring.importer.names import KnownNames
from generator.authoring.importer.people import parse_people, parse_person
from generator.authoring.importer.words import PROSE_ABSENT_AFTER, PROSE_ABSENT_OPENERS, PROSE_JOINED_VERBS, PROSE_PART_OPENERS, PROSE_PRESENT_OPENERS


def _opener(phrases: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})\s*:?\s+(?P<rest>\S.*)$", re.IGNORECASE)


_PRESENT = _opener(PROSE_PRESENT_OPENERS)
_ABSENT = _opener(PROSE_ABSENT_OPENERS)
_JOINED = re.compile(rf"^(?P<who>[^,;:()]{{3,60}}?)\s+(?:{'|'.join(re.escape(v) for v in PROSE_JOINED_VERBS)})\b",
                     re.IGNORECASE)
# 'Från förbundets kansli deltog förbundschef Cecilia Norberg …': a group of people present
_FROM_JOINED = re.compile(rf"^från\s+(?P<org>[^,;:()]{{2,50}}?)\s+(?:{'|'.join(re.escape(v) for v in PROSE_JOINED_VERBS)})"
                          rf"\s+(?P<rest>\S.*)$", re.IGNORECASE)
_PART_OPENERS = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in PROSE_PART_OPENERS)
_PART_JOINED = re.compile(rf"^(?:{_PART_OPENERS})\s*"
                          rf"[\d\s,–-]+(?:(?:och|samt)\s+\d+\s+)?(?:{'|'.join(re.escape(v) for v in PROSE_JOINED_VERBS)})"
                          rf"\s+(?:även\s+|också\s+)?(?P<rest>\S.*)$", re.IGNORECASE)
_ABSENT_AFTER = re.compile(rf"^(?P<who>[^,;:()]{{3,80}}?)\s+(?:{'|'.join(re.escape(v) for v in PROSE_ABSENT_AFTER)})$",
                           re.IGNORECASE)
# ', som också ledde mötet,': a clause about the person, not part of the list
_WHO_CLAUSE = re.compile(r",\s+som\s+[^,]*?(?=,|$)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
# ', från Arbetsförmedlingen Anders Nyberg', ' samt från Region Väst …': where a group starts
_FROM = re.compile(r"(?:,\s*|\s+)(?:(?:och|samt)\s+)?från\s+|^från\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZÅÄÖÉÜ][\w'’-]+$")


def _as_groups(text: str) -> str:
    """'förbundschef Lena Holm, från Försäkringskassan Karin Öhman och Jimmy Lund' →
    'förbundschef Lena Holm; Försäkringskassan: Karin Öhman och Jimmy Lund'. After 'från' the
    organisation runs up to the two capitalised words that open the first name."""
    chunks = _FROM.split(text)
    out = [chunks[0].strip(" ,")] if chunks[0].strip(" ,") else []
    for chunk in chunks[1:]:
        head = re.split(r"\s+(?:och|samt)\s+|[,(]", chunk, maxsplit=1)[0].split()
        if len(head) < 3 or not all(_NAME_WORD.match(w) for w in head[-2:]):
            return ""            # no organisation and name to tell apart: not read
        org = " ".join(head[:-2])
        out.append(f"{org}: {chunk.strip()[len(org):].strip()}")
    return "; ".join(out)


def _sentences(lines: list[str], end: int):
    for paragraph in prose_paragraphs(lines, end):
        for sentence in _SENTENCE_END.split(paragraph):
            yield sentence.strip()


def people_in_prose(lines: list[str], end: int, fields: dict, known: KnownNames, notes: list[str]) -> None:
    """Present and absent people from the header sentences of lines[:end], for the fields no label
    filled. The chair and secretary named in prose are present too."""
    if "present" in fields and "absent" in fields:
        return
    present: list = []
    absent: list = []
    for sentence in _sentences(lines, end):
        text = sentence.rstrip(".")
        for pattern, into, kind in ((_PRESENT, present, "present"), (_ABSENT, absent, "absent")):
            m = pattern.match(text)
            if m and kind not in fields:
                value = _as_groups(re.sub(r",\s+(och|samt)\s+", r" \1 ", m["rest"]))
                people, extra = parse_people(value, known) if value else (None, [])
                if people:
                    into.extend(people)
                    notes.extend(f"Tolkat: {n}." for n in extra)
                break
        else:
            grouped = _FROM_JOINED.match(text)
            gone = _ABSENT_AFTER.match(text)
            if grouped and present:
                rest = _WHO_CLAUSE.sub("", grouped["rest"])
                people, _extra = parse_people(re.sub(r",\s+(och|samt)\s+", r" \1 ", rest), known)
                if people:
                    present.append({"group": grouped["org"], "people": people})
                continue
            if gone and "absent" not in fields and (person := parse_person(_as_person(gone["who"]), None, known)) is not None:
                absent.append(person)
                continue
            part = _PART_JOINED.match(text)
            if part and present:
                # 'Under punkt 3 medverkade Sara Lindh, projektledare': present for a part
                people, _extra = parse_people(re.sub(r",\s+(och|samt)\s+", r" \1 ", part["rest"]), known)
                if people:
                    present.extend(people)
                continue
            joined = _JOINED.match(text)
            if joined and present and (person := parse_person(joined["who"], None, known)) is not None:
                present.append(person)
    if present and "present" not in fields:
        named = {_name(p) for p in _everyone(present)}
        for key in ("secretary", "chair"):
            officer = fields.get(key)
            if officer is not None and _name(officer) not in named:
                present.insert(0, officer)
                named.add(_name(officer))
        fields["present"] = present
    if absent and "absent" not in fields:
        fields["absent"] = absent


def _as_person(who: str) -> str:
    """'Johanna Wallin från Arbetsförmedlingen' → 'Johanna Wallin (Arbetsförmedlingen)'."""
    name, sep, org = who.partition(" från ")
    return f"{name} ({org})" if sep else who


def _everyone(people: list) -> list:
    out = []
    for item in people:
        out.extend(item["people"] if isinstance(item, dict) and "people" in item else [item])
    return out


def _name(person) -> str:
    return person.get("name", "") if isinstance(person, dict) else str(person)
