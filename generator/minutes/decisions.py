"""Decisions, assignments and postponed questions in one meeting's minutes.

Two ways in (docs/schema-spec.md, "Decisions in minutes"):
- explicit: a paragraph, list item or heading that starts with a label — "Beslut:", "Uppdrag:"
  (optionally "Uppdrag (Elin och Kipa):" to name who) or "Bordlagt:". A label on its own applies
  to the paragraph or list right after it ("**Beslut:**" followed by the decision).
- recognised: sentences written the way minutes say it — "Mötet beslutar …", "Beslut om att …",
  "Mötet ställer sig bakom …", "Styrelsen har godkänt …", "Mötet är eniga om att …", "Gruppen
  kommer fram till att …"; "X får i uppdrag att …", "Mötet ger X i uppdrag att …", "Uppdrag att …",
  "Frågan delegeras till X"; "… bordläggs", "Frågan skjuts upp", "Vi tar upp frågan igen …",
  "Återkommer till frågan …".
Headings name topics, so in a heading only labels and postponements count ("Gemensam konferens
i vår? / Frågan bordläggs till nästa möte").

A sentence yields at most one finding of each kind. find() is a pure function of the tree.
"""
from __future__ import annotations

import bisect
import sys
import itertools
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from generator.minutes.agenda import HEADINGS, AgendaItem, Block
from generator.text.htmltree import collapse

DECISION, ASSIGNMENT, POSTPONED = "beslut", "uppdrag", "bordlagt"
KINDS = (DECISION, ASSIGNMENT, POSTPONED)
CSS_CLASS = {DECISION: "decision", ASSIGNMENT: "assignment", POSTPONED: "postponed"}

UNITS = frozenset({"p", "li", "dt", "dd", "td", "th", *HEADINGS})
BLOCK_CHILDREN = frozenset({"ul", "ol", "p", "table", "blockquote", "div", "dl", "pre", "figure",
                            "details", *HEADINGS})
NOT_TEXT = frozenset({"code", "pre", "kbd", "samp", "script", "style"})

_LABEL = re.compile(r"^(?P<label>beslut|uppdrag|bordlagt|bordlagd|bordlagda frågor)"
                    r"(?:\s*\((?P<who>[^)]*)\))?\s*:\s*(?P<rest>.*)$", re.I | re.S)
_HEADING_LABEL = re.compile(r"^(?P<label>beslut|uppdrag|bordlagt|bordlagda frågor)\s*:?\s*$", re.I)
_LABEL_KIND = {"beslut": DECISION, "uppdrag": ASSIGNMENT, "bordlagt": POSTPONED, "bordlagd": POSTPONED,
               "bordlagda frågor": POSTPONED}

_DECISION_PATTERNS = [re.compile(p, re.I) for p in (
    r"^beslut(?:ades)?\s+(?:om\s+att|om|att)\b",                 # "Beslut om att arbetsgrupp skapas."
    r"\b(?:beslutar|beslutade|beslöt|beslutades|beslöts)\b",     # "Mötet beslutar att …"
    r"\bhar\s+(?:\w+\s+){0,3}?beslutat\b",                       # "Styrelsen har beslutat …"
    r"\bställ(?:er|de)\s+sig\s+bakom\b",                         # "Mötet ställer sig bakom förslaget …"
    r"\b(?:godkänner|godkände|godkänns|godkändes|fastställer|fastställde|fastställs|fastställdes)\b",
    r"\b(?:bifalls|bifölls|avslås|avslogs)\b",                   # "Förslaget bifalls."
    r"\bbeslutet\s+(?:blev|är|var)\b",
    r"\bhar\s+(?:\w+\s+){0,3}?(?:godkänt|fastställt)\b",         # "Styrelsen har bland annat godkänt …"
    r"\b(?:är|var)\s+(?:\w+\s+)?eniga\s+om\b",                   # "Mötet är eniga om att …"
    r"\b(?:enades|enas)\s+om\b",
    r"\b(?:kommer|kom)\s+fram\s+till\s+att\b",                   # "Gruppen kommer fram till att …"
)]

_ADVERB = r"(?:(?:sedan|också|även|därmed|nu|därför|då)\s+)?"
_ASSIGN_SUBJECT_FIRST = re.compile(
    rf"\b(?:får|fick|ges|gavs|har\s+fått)\s+{_ADVERB}(?:i\s+)?(?:uppdrag(?:et)?|ansvar(?:et)?)\s+(?:att|för|åt)\b",
    re.I)
_ASSIGN_VERB_FIRST = re.compile(                                   # "Därefter får kansliet i uppdrag att"
    r"\b(?:får|fick)\s+(?P<who>(?!i\s)(?!uppdrag)\S[^.;:]{0,60}?)\s+i\s+uppdrag(?:et)?\s+att\b", re.I)
_ASSIGN_GIVE = re.compile(r"\b(?:ger|gav)\s+(?P<who>\S[^.;:]{0,60}?)\s+(?:i\s+)?uppdrag(?:et)?\s+att\b", re.I)
_ASSIGN_PASSIVE = re.compile(r"\buppdras\s+(?:åt\s+(?P<who>\S[^.;:]{0,60}?)\s+)?att\b", re.I)
_ASSIGN_NOUN = re.compile(r"^uppdrag(?:\s+till\s+(?P<who>\S[^.;:]{0,60}?))?\s+att\b", re.I)
_ASSIGN_DELEGATE = re.compile(r"\bdelegeras\s+till\s+(?P<who>\S[^.;:,]{0,60}?)(?=\s+(?:för|att|som)\b|[.;:,]|$)",
                              re.I)

_POSTPONE_PATTERNS = [re.compile(p, re.I) for p in (
    r"\bbordl(?:äggs|ades|agd|agt|agda|ägga|ägger|agts)\b",
    r"\b(?:frågan|punkten|ärendet)\s+(?:skjuts|sköts|flyttas|flyttades)\s+(?:upp|fram|till)\b",
    r"\b(?:tar|tas)\s+(?:vi\s+)?upp\s+(?:frågan\s+)?igen\b",       # "Vi tar upp frågan igen på maj månads möte"
    r"\båterkommer\s+(?:vi\s+)?till\s+frågan\b",                 # "Återkommer till frågan efter nyår"
)]

# What each pattern of a kind needs in a text (as the pattern reads it: in any case), so a text
# without it cannot hold a finding of that kind: one of some words, and then one word of each of
# some groups ("ställer sig bakom": 'bakom' and 'ställ'). Looked for in the lower-cased text.
_NEEDED = (
    (DECISION, (
        (("beslut", "beslöt"), ()),
        (("bakom",), (("ställ",),)),
        (("godkän", "fastställ", "bifalls", "bifölls", "avslås", "avslogs", "eniga"), ()),
        (("enades", "enas"), (("om",),)),
        (("fram",), (("till",),)),
    )),
    (ASSIGNMENT, (
        (("uppdra", "ansvar", "delegeras"), ()),
    )),
    (POSTPONED, (
        (("bordl",), ()),
        (("skjuts", "sköts", "flytta"), (("frågan", "punkten", "ärendet"),)),
        (("igen",), (("upp",),)),
        (("återkommer",), (("frågan",),)),
    )),
)
_FIRST_WORDS = tuple(dict.fromkeys(word for _, needs in _NEEDED for words, _ in needs for word in words))
_NEEDS_OF: dict[str, list[tuple[str, tuple[tuple[str, ...], ...]]]] = {}   # first word → (kind, other groups)
for _kind, _needs in _NEEDED:
    for _words, _groups in _needs:
        for _word in _words:
            _NEEDS_OF.setdefault(_word, []).append((_kind, _groups))
_ALL_WORDS = [word for _, needs in _NEEDED for words, groups in needs for word in (*words, *(w for g in groups for w in g))]
_NEEDED_LETTERS = frozenset(c for word in _ALL_WORDS for c in word)
_LOWER_AGREES: set[str] = set()      # characters whose lower() is what the patterns' case rules accept
_LOWER_DIFFERS: set[str] = set()     # e.g. "ſ" or "K" (Kelvin sign): a pattern reads them as s and k
_NO_KINDS: frozenset[str] = frozenset()
_ALL_KINDS = frozenset(KINDS)


def _lower_agrees(char: str) -> bool:
    """Whether char matches a letter of the needed words case-insensitively in a pattern only
    when char.lower() is that letter, so lower() and `in` find every needed word a pattern would."""
    lowered = char.lower()
    return all(lowered == letter or not re.fullmatch(f"(?i:{re.escape(letter)})", char)
               for letter in _NEEDED_LETTERS)


_LATIN1_RUNS = re.compile(r"[\x00-\xff]+")
_LATIN1_AGREES: bool | None = None   # whether every Latin-1 character agrees (decided on first use)


def _lowered(text: str) -> str | None:
    """text.lower() when `in` on it finds what the patterns find; None when it may not."""
    global _LATIN1_AGREES
    if _LATIN1_AGREES is None:
        _LATIN1_AGREES = all(_lower_agrees(chr(code)) for code in range(256))   # True, in fact
    if not _LATIN1_AGREES:
        chars = set(text)
    else:
        try:
            text.encode("latin-1")     # Swedish text often has no other character: then a copy only
            return text.lower()
        except UnicodeEncodeError:
            chars = set(_LATIN1_RUNS.sub("", text))    # the few others ("–", "”")
    for char in chars - _LOWER_AGREES:
        if char in _LOWER_DIFFERS or not _lower_agrees(char):
            _LOWER_DIFFERS.add(char)
            return None
        _LOWER_AGREES.add(char)
    return text.lower()


def _kinds_by_text(texts: list[str]) -> list[frozenset[str]] | None:
    """For each text, the kinds of finding it (or a sentence in it) may hold: those whose needed
    words are in it. None when lower-casing might miss a needed word a pattern would find."""
    joined = "\n".join(texts)
    lowered = _lowered(joined)
    if lowered is None or len(lowered) != len(joined):     # equal lengths: offsets agree
        return None
    starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    words_in: dict[int, set[str]] = {}
    for word in _FIRST_WORDS:
        at = lowered.find(word)
        while at != -1:
            words_in.setdefault(bisect.bisect_right(starts, at) - 1, set()).add(word)
            at = lowered.find(word, at + 1)
    kinds: list[frozenset[str]] = [_NO_KINDS] * len(texts)
    for index, words in words_in.items():
        text = lowered[starts[index]:starts[index] + len(texts[index])]
        found: set[str] = set()
        for word in words:
            for kind, groups in _NEEDS_OF[word]:
                if kind not in found and (not groups or all(any(w in text for w in group) for group in groups)):
                    found.add(kind)
        kinds[index] = frozenset(found)
    return kinds


def _kinds_in(lowered: str, kinds: frozenset[str]) -> frozenset[str]:
    """Those of kinds whose needed words are in a lower-cased text (whose characters passed _lowered)."""
    found = []
    for kind, needs in _NEEDED:
        if kind not in kinds:
            continue
        for words, groups in needs:
            if any(word in lowered for word in words) and all(any(word in lowered for word in group) for group in groups):
                found.append(kind)
                break
    return frozenset(found)


PRONOUNS = {"de", "vi", "hon", "han", "den", "det", "man", "ni", "dom", "hen"}
_SUBJECT_WORDS = r"(?:frågan|punkten|ärendet|den|det|detta|vi|som)"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"”(]?[A-ZÅÄÖÉ0-9])")
_CHUNK_SPLIT = re.compile(r"\s*,\s*(?:(?:och|samt)\s+)?|\s+(?:och|o|samt|&)\s+")


@dataclass(frozen=True, slots=True)
class Finding:
    """A decision, an assignment or a postponed question, as written in the minutes."""
    kind: str                      # "beslut" | "uppdrag" | "bordlagt"
    text: str                      # the sentence (or the labelled text)
    item: int | None               # index into the meeting's agenda; None before the first item
    who: str = ""                  # assignments: who got it, as written
    subject: str = ""              # postponed: what was postponed (for matching a later agenda)

    def __reduce__(self):
        # Read back with its texts shared: minutes repeat the same standing decisions.
        return _shared_finding, (self.kind, self.text, self.item, self.who, self.subject)


def _shared_finding(kind: str, text: str, item: int | None, who: str, subject: str) -> Finding:
    return Finding(sys.intern(kind), sys.intern(text), item, sys.intern(who), sys.intern(subject))


def own_text(unit: Element) -> str:
    """A unit's text without nested blocks or code; line breaks kept as newlines."""
    if not len(unit):
        return unit.text or ""
    parts = [unit.text or ""]
    for child in unit:
        if child.tag == "br":
            parts.append("\n")
        elif child.tag not in BLOCK_CHILDREN and child.tag not in NOT_TEXT:
            parts.append(own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def sentences(text: str) -> list[str]:
    result = []
    for line in text.split("\n"):
        line = collapse(line)
        if line:
            result.extend(s.strip() for s in _SENTENCE_END.split(line) if s.strip())
    return result


def _clean_who(who: str) -> str:
    who = collapse(who).strip(" ,;:–-")
    return "" if who.casefold() in PRONOUNS else who


def _subject_before(prefix: str) -> str:
    """'Samtliga är positiva och Kipa och Elin' → 'Kipa och Elin': the names right before the verb.

    Going backwards over chunks split at commas and 'och'/'samt', the chunk next to the verb is
    always kept; earlier chunks are kept while they look like names (capitalised, at most three
    words), so a preceding clause ('Samtliga förbundschefer är positiva …') is left out.
    """
    prefix = prefix.rstrip()
    separators = list(_CHUNK_SPLIT.finditer(prefix))
    starts = [0] + [m.end() for m in separators]
    ends = [m.start() for m in separators] + [len(prefix)]
    chosen = len(starts) - 1
    for index in range(len(starts) - 2, -1, -1):
        chunk = prefix[starts[index]:ends[index]].strip()
        if chunk and chunk[0].isupper() and len(chunk.split()) <= 3:
            chosen = index
        else:
            break
    return _clean_who(prefix[starts[chosen]:])


def assignment_who(sentence: str) -> tuple[bool, str]:
    """Whether a sentence gives someone an assignment, and who (may be '')."""
    match = _ASSIGN_VERB_FIRST.search(sentence)
    if match and sentence[:match.start()].strip() and match.group("who").split()[0].casefold() not in {
            "sedan", "också", "även", "därmed", "nu", "därför", "då"}:
        return True, _clean_who(match.group("who"))
    match = _ASSIGN_SUBJECT_FIRST.search(sentence)
    if match:
        return True, _subject_before(sentence[:match.start()])
    for pattern in (_ASSIGN_GIVE, _ASSIGN_NOUN, _ASSIGN_DELEGATE):
        match = pattern.search(sentence)
        if match:
            return True, _clean_who(match.group("who") or "")
    match = _ASSIGN_PASSIVE.search(sentence)
    if match:
        return True, _clean_who(match.group("who") or _subject_before(sentence[:match.start()]))
    return False, ""


_ANY_DECISION = re.compile("|".join(f"(?:{p.pattern})" for p in _DECISION_PATTERNS), re.I)


def is_decision(sentence: str) -> bool:
    return _ANY_DECISION.search(sentence) is not None   # any of _DECISION_PATTERNS


def postponement(sentence: str) -> re.Match | None:
    for pattern in _POSTPONE_PATTERNS:
        match = pattern.search(sentence)
        if match:
            return match
    return None


def postponed_subject(sentence: str, match: re.Match | None) -> str:
    """What a sentence postpones: the words before 'bordläggs', without 'Frågan om' and separators.

    'Gemensam konferens i vår ? /Frågan bordläggs' → 'Gemensam konferens i vår'. Returns '' when
    only 'Frågan'/'Vi' is left; the caller then uses the nearest heading.
    """
    prefix = sentence[:match.start()] if match else sentence
    prefix = re.sub(rf"(?:^|[\s/–-]){_SUBJECT_WORDS}\s*$", "", prefix.rstrip(), flags=re.I)
    prefix = re.sub(r"^\s*(?:frågan|punkten|ärendet)\s+(?:om|kring|gällande|angående)\s+", "", prefix, flags=re.I)
    prefix = prefix.strip(" \t?/–-:,;.")
    if not prefix or prefix.casefold() in PRONOUNS | {"frågan", "punkten", "ärendet", "detta"}:
        return ""
    return prefix[0].upper() + prefix[1:]


def _units(element: Element):
    """Text units in document order: paragraphs, list items, headings, table cells."""
    if element.tag in UNITS:
        yield element
    for child in element:
        if child.tag not in NOT_TEXT:
            yield from _units(child)


def _label_targets(unit: Element, root: Element) -> list[Element]:
    """The paragraph or list items a lone label ('**Beslut:**') applies to: the next sibling."""
    parent = next((parent for parent in root.iter() if any(child is unit for child in parent)), None)
    if parent is None:
        return []
    siblings = list(parent)
    index = siblings.index(unit)
    if index + 1 >= len(siblings):
        return []
    following = siblings[index + 1]
    if following.tag in ("ul", "ol"):
        return [li for li in following if li.tag == "li"]
    if following.tag in ("p", "dd", "blockquote"):
        return [following]
    return []


def _mark(unit: Element, kind: str) -> None:
    classes = (unit.get("class") or "").split()
    if CSS_CLASS[kind] not in classes:
        unit.set("class", " ".join([*classes, CSS_CLASS[kind]]))


_MAY_BE_LABEL = re.compile(r"beslut|uppdrag|bordlag", re.I)   # how _LABEL and _HEADING_LABEL begin


def find(blocks: list[Block], agenda: list[AgendaItem], root: Element) -> list[Finding]:
    """Every finding in the minutes, in document order; marks each unit with a CSS class."""
    forced: dict[int, tuple[str, str]] = {}     # id(unit) → (kind, who) from a lone label before it
    findings: list[Finding] = []
    units = [(block, unit, own_text(unit)) for block in blocks for unit in _units(block.element)]
    kinds = _kinds_by_text([text for _, _, text in units])
    current = None
    for index, (block, unit, text) in enumerate(units):
        if block is not current:
            current = block
            heading_context = agenda[block.item].title if block.item is not None else ""
        is_heading = unit.tag in HEADINGS
        labelled: tuple[str, str, str] | None = None        # (kind, who, text)
        flat = collapse(text) if is_heading or id(unit) in forced or _MAY_BE_LABEL.match(text.lstrip()) else None
        label = _LABEL.match(flat) if flat is not None and not is_heading else None
        heading_label = _HEADING_LABEL.match(flat) if is_heading else None
        if label or heading_label:
            found = label or heading_label
            kind = _LABEL_KIND[found.group("label").lower()]
            who = _clean_who(found.groupdict().get("who") or "")
            rest = collapse(found.groupdict().get("rest") or "")
            if rest:
                labelled = (kind, who, rest)
            else:
                for target in _label_targets(unit, root):
                    forced[id(target)] = (kind, who)
        elif id(unit) in forced:
            kind, who = forced[id(unit)]
            labelled = (kind, who, flat)

        if is_heading and not labelled:
            heading_context = flat
        done: set[str] = set()
        if labelled:
            kind, who, body = labelled
            if kind == ASSIGNMENT and not who:
                who = assignment_who(body)[1]
            subject = ""
            if kind == POSTPONED:
                subject = postponed_subject(body, postponement(body)) or heading_context
            findings.append(Finding(kind, body, block.item, who=who, subject=subject))
            done.add(kind)
            _mark(unit, kind)
        in_text = _ALL_KINDS if kinds is None else kinds[index]
        if not in_text or (is_heading and POSTPONED not in in_text):
            continue                                    # no sentence can hold a finding
        found_sentences = sentences(text)
        for sentence in found_sentences:
            possible = in_text if kinds is None or len(found_sentences) == 1 else _kinds_in(sentence.lower(), in_text)
            if is_heading:
                match = postponement(sentence) if POSTPONED in possible else None
                if match and POSTPONED not in done:
                    item_title = agenda[block.item].title if block.item is not None else ""
                    subject = postponed_subject(sentence, match) or item_title
                    findings.append(Finding(POSTPONED, sentence, block.item, subject=subject))
                    _mark(unit, POSTPONED)
                continue
            if DECISION not in done and DECISION in possible and is_decision(sentence):
                findings.append(Finding(DECISION, sentence, block.item))
                _mark(unit, DECISION)
            if ASSIGNMENT not in done and ASSIGNMENT in possible:
                assigned, who = assignment_who(sentence)
                if assigned:
                    findings.append(Finding(ASSIGNMENT, sentence, block.item, who=who))
                    _mark(unit, ASSIGNMENT)
            match = postponement(sentence) if POSTPONED in possible and POSTPONED not in done else None
            if match:
                subject = postponed_subject(sentence, match) or heading_context
                findings.append(Finding(POSTPONED, sentence, block.item, subject=subject))
                _mark(unit, POSTPONED)
    return findings

