"""The chair and the secretary where no label line gives them: named in a sentence of the header
('Mötet leddes av Petra Nyman. Anteckningar: Jenny Kallio.'), and a first name that the list of
people present completes (noted for the editor, never written over what the text says)."""
from __future__ import annotations

import re

from generator.authoring.importer.labels import split_labelled
from generator.authoring.importer.lines import _strip_markup, prose_paragraphs
from generator.authoring.importer.names import KnownNames
from generator.authoring.importer.people import parse_person, parse_person_line
from generator.authoring.importer.words import AFTER_NAME_LINKS, CHAIR_ROLES, SECRETARY_ROLES, CHAIR_AFTER_NAME, CHAIR_PHRASES, LABELS, SECRETARY_AFTER_NAME, SECRETARY_PHRASES, SIGNATURE_LABELS


_NAME = r"[A-ZÅÄÖÉÜ][\w'’-]+(?:\s+(?:(?:af|von|van|de)\s+)?[A-ZÅÄÖÉÜ][\w'’-]+){0,3}"


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


# lower-case words before the name say who the person is ('förbundets ordförande Karl Vestin');
# the name itself is matched case-sensitively
_ROLE_WORDS = r"(?:(?-i:[a-zåäöé][\w.-]*)\s+){0,3}?"


def _phrase_re(phrases: tuple[str, ...]) -> re.Pattern:
    # at a sentence's start, or after 'och' / a comma that joins it to another clause ('Mötet
    # leddes av X och anteckningarna fördes av Y')
    return re.compile(rf"(?:^|(?<=[.!?;]\s)|(?<=\soch\s)|(?<=\ssamt\s)|(?<=,\s))(?:{_alternatives(phrases)})\s*:?\s+{_ROLE_WORDS}(?P<name>(?-i:{_NAME}))(?!\w)",
                      re.IGNORECASE)


def _after_name_re(phrases: tuple[str, ...]) -> re.Pattern:
    """'… och Anders Nyberg förde anteckningar': the name before the phrase."""
    links = rf"(?:,?\s+(?:{_alternatives(AFTER_NAME_LINKS)}))?"
    return re.compile(rf"(?<![\w-])(?P<name>(?-i:{_NAME})){links}\s+(?:{_alternatives(phrases)})(?!\w)", re.IGNORECASE)


_PHRASES = {"chair": _phrase_re(CHAIR_PHRASES), "secretary": _phrase_re(SECRETARY_PHRASES)}
_AFTER_NAME = {"chair": _after_name_re(CHAIR_AFTER_NAME), "secretary": _after_name_re(SECRETARY_AFTER_NAME)}


_OFFICER_LABELS = tuple(label for label, kind in LABELS.items() if kind in ("chair", "secretary") and " " not in label)
_LABEL_NAME = re.compile(rf"^(?P<label>{_alternatives(_OFFICER_LABELS)})\s+(?P<name>(?-i:{_NAME}))$", re.IGNORECASE)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def officers_in_prose(lines: list[str], end: int, fields: dict, known: KnownNames) -> None:
    """The chair and secretary named in the sentences of lines[:end], when no label gave them:
    'Mötet leddes av X.' and a label in a later sentence of a line ('… Anteckningar: Y.')."""
    for plain in prose_paragraphs(lines, end):
        for key, pattern in _PHRASES.items():
            if key not in fields:
                m = pattern.search(plain)
                after = _AFTER_NAME[key].search(plain)
                if m is None and after and len(after["name"].split()) > 1:
                    m = after            # a name before the phrase is a full name, not 'Sedan'
                if m:
                    fields[key] = m["name"].strip()
        for sentence in _SENTENCE_BREAK.split(plain):
            # 'Mötesordförande Göran Näslund, sekreterare Ida Backlund.': a label and a full name
            parts = [] if ":" in sentence else re.split(r",\s*|\s+(?:och|samt)\s+", sentence.strip().rstrip("."))
            for part in parts:
                m = _LABEL_NAME.match(part.strip())
                key = LABELS.get(" ".join(m["label"].lower().split())) if m else None
                if key in ("chair", "secretary") and key not in fields and len(m["name"].split()) > 1 \
                        and (person := parse_person(m["name"], None, known)) is not None:
                    fields[key] = person
        for sentence in _SENTENCE_BREAK.split(plain)[1:]:
            for label, _sub, value in split_labelled(sentence):
                key = LABELS.get(label.lower())
                if key in ("chair", "secretary") and key not in fields:
                    person = parse_person_line(value.rstrip("."), known)
                    if person is not None:
                        fields[key] = person


def officer_value(value: str, known: KnownNames) -> object | None:
    """The value of an 'Ordförande:' label that is a person with a role: 'Jessica Blom,
    förbundschef' → {name, role}; None when it is no person."""
    return parse_person_line(value.lstrip("/").strip(), known)


def note_first_names(fields: dict, notes: list[str]) -> None:
    """'Ordförande: Malin' while 'Malin Strand' alone of the people present has that first name:
    a note says so; the field keeps what the text says."""
    everyone = []
    for item in fields.get("present") or []:
        people = item["people"] if isinstance(item, dict) and "people" in item else [item]
        everyone.extend(p["name"] if isinstance(p, dict) else p for p in people)
    for key, word in (("chair", "Ordförande"), ("secretary", "Sekreterare")):
        value = fields.get(key)
        name = value.get("name") if isinstance(value, dict) else value
        if not isinstance(name, str) or len(name.split()) != 1:
            continue
        full = sorted({n for n in everyone if n.split()[0] == name and len(n.split()) > 1})
        if len(full) == 1:
            notes.append(f"{word} ”{name}” är troligen {full[0]} i deltagarlistan – kontrollera.")


_SIGNATURE = re.compile(rf"^\s*(?P<label>{'|'.join(re.escape(w) for w in SIGNATURE_LABELS)})(?!\w)\s*:?\s*"
                        rf"(?:/*\s*(?P<name>\S.*))?$", re.IGNORECASE)


# a line to sign on: dots, underscores or dashes
_SIGN_LINE = re.compile(r"^[\s.…_–—-]*$")


def _signed_name(text: str | None, known: KnownNames) -> object | None:
    """The person a signature line names ('Ulla Petersson', '//Catarina', 'Ulla Petersson,
    förbundssekreterare'); None for a line that is no name."""
    if not text:
        return None
    text = _strip_markup(text).replace("*", "").lstrip("/").strip()
    if not text or ":" in text or not _NAME_LINE.match(text) or text.casefold() in LABELS:
        return None
    return parse_person_line(text, known) or parse_person(text, None, known)


_NAME_LINE = re.compile(rf"^{_NAME}(?:\s*,.*)?$")


def _content_near(lines: list[str], k: int, step: int) -> str | None:
    """The first line above (step -1) or below (step 1) line k that is neither empty nor a line
    to sign on."""
    j = k + step
    while 0 <= j < len(lines):
        if lines[j].strip() and not _SIGN_LINE.match(_strip_markup(lines[j])):
            return lines[j]
        j += step
    return None


_NAME_ROLE = re.compile(rf"^(?P<name>{_NAME})\s*\((?P<role>[^()]+)\)$")
_RULE_ROW = re.compile(r"^[\s.…_–—,-]*[._…]{5,}[\s.…_–—,-]*$")


def _named_under_rule(lines: list[str], k: int, plain: str, fields: dict, known: KnownNames) -> None:
    """'Gunilla Berg, ordförande      Olof Nyberg, justerare' under the lines to sign on: each name
    with the role it signs in."""
    above = k - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above < 0 or not _RULE_ROW.match(lines[above].replace("*", "")):
        return
    parts = [p.strip() for p in re.split(r"\s{3,}|,\s*", plain) if p.strip()]
    pairs = []
    for i, part in enumerate(parts):
        m = _NAME_ROLE.match(part)
        if m:
            pairs.append((m["name"], m["role"]))
        elif re.fullmatch(_NAME, part) and i + 1 < len(parts):
            pairs.append((part, parts[i + 1]))
    for name, role in pairs:
        role = role.strip().lower()
        key = "chair" if role in CHAIR_ROLES else "secretary" if role in SECRETARY_ROLES else None
        if key and key not in fields and (person := parse_person(name, None, known)) is not None:
            fields[key] = person


def officers_in_signatures(lines: list[str], fields: dict, known: KnownNames) -> None:
    """The chair and secretary of the closing signatures, when no label gave them: 'Vid
    protokollet' / '……' / 'Sekreterare: Ulla Petersson', 'Ordförande: X  Justerare: Y' on one
    line, a label alone with the name below it (or, when below is no name, above it)."""
    for k, line in enumerate(lines):
        plain = _strip_markup(line).replace("*", "").strip()
        _named_under_rule(lines, k, plain, fields, known)
        for label, _sub, value in split_labelled(plain):
            key = LABELS.get(label.lower())
            if key in ("chair", "secretary") and key not in fields and (person := _signed_name(value, known)):
                fields[key] = person
        m = _SIGNATURE.match(plain)
        if not m or m["name"] and not m["name"].startswith("/"):
            continue
        key = LABELS.get(m["label"].lower())
        if key not in ("chair", "secretary") or key in fields:
            continue
        if m["name"]:
            person = _signed_name(m["name"], known)      # 'Vid pennan //Catarina'
        else:
            below = _content_near(lines, k, 1)
            if below is not None and split_labelled(_strip_markup(below).replace("*", "")):
                continue            # 'Vid protokollet' / 'Sekreterare: …': the label line below says
            person = _signed_name(below, known) or _signed_name(_content_near(lines, k, -1), known)
        if person is not None:
            fields[key] = person
