"""The chair and the secretary where no label line gives them: named in a sentence of the header
('Mötet leddes av Petra Nyman. Anteckningar: Jenny Kallio.'), and a first name that the list of
people present completes (noted for the editor, never written over what the text says)."""
from __future__ import annotations

import re

from generator.authoring.importer.labels import split_labelled
from generator.authoring.importer.lines import _strip_markup
from generator.authoring.importer.names import KnownNames
from generator.authoring.importer.people import parse_person_line
from generator.authoring.importer.words import CHAIR_PHRASES, LABELS, SECRETARY_PHRASES


_NAME = r"[A-ZÅÄÖÉÜ][\w'’-]+(?:\s+(?:(?:af|von|van|de)\s+)?[A-ZÅÄÖÉÜ][\w'’-]+){0,3}"


def _phrase_re(phrases: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[.!?;]\s))(?:{alternatives})\s*:?\s+(?P<name>{_NAME})", re.IGNORECASE)


_PHRASES = {"chair": _phrase_re(CHAIR_PHRASES), "secretary": _phrase_re(SECRETARY_PHRASES)}


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def officers_in_prose(lines: list[str], end: int, fields: dict, known: KnownNames) -> None:
    """The chair and secretary named in the sentences of lines[:end], when no label gave them:
    'Mötet leddes av X.' and a label in a later sentence of a line ('… Anteckningar: Y.')."""
    for k in range(min(end, len(lines))):
        plain = _strip_markup(lines[k])
        if not plain:
            continue
        for key, pattern in _PHRASES.items():
            if key not in fields:
                m = pattern.search(plain)
                if m:
                    fields[key] = m["name"].strip()
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
