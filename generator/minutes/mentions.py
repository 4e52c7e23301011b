"""Projects and federations named in minutes: recognised, linked on first mention per agenda item.

A name is the name, short name or an alias from the content files. It is recognised with the
Swedish endings minutes put on names: genitive "-s" ("MIAs", "Roslagens", "Cresco Creares"),
"MIA:s", and hyphenated compounds ("MIA-projektet", "BIP-metoden"). Acronyms (no lower-case
letter: MIA, HBS) match only in capitals, so the name "Mia" is not the project; single words
match in any case ("insatskatalogen"); longer names need their first letter as written, so
"att stoppa våldet" is not the project "Stoppa våldet". A place name followed by "län" or
"kommun", or preceded by "Region", is the county or municipality, not the federation.

Text inside links, headings, code and preformatted blocks is never changed; headings still count
as mentions of their agenda item. The functions that touch a tree are pure: known_names() is the
only one that reads the model.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from xml.etree.ElementTree import Element

from generator.minutes.agenda import HEADINGS, Block

NEVER_LINK = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", *HEADINGS})
NEVER_SCAN = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
_SUFFIX = r"(?::s|s|-\w+)?"
_NOT_A_FEDERATION_AFTER = re.compile(r"\s+(?:län|läns|kommun|kommuns)\b")
_NOT_A_FEDERATION_BEFORE = re.compile(r"\bRegion\s+$")   # searched in the 16 characters before a match only


@dataclass(frozen=True, slots=True)
class MentionName:
    """Something minutes can mention: its key ('projekt:mia'), its page, and the names it goes by."""
    key: str
    href: str
    variants: tuple[str, ...]


def known_names(site) -> tuple[MentionName, ...]:
    """Every project and federation with every name it goes by, in a stable order."""
    names = []
    for project in site.projects:
        names.append(MentionName(f"projekt:{project.slug}", project.url, tuple([project.name, *project.aliases])))
    for fed in site.federations:
        names.append(MentionName(f"forbund:{fed.slug}", fed.url,
                                 tuple([fed.name, fed.short_name, *fed.aliases])))
    return tuple(sorted(names, key=lambda n: n.key))


def _variant_pattern(variant: str) -> str:
    words = variant.split()
    if not any(ch.islower() for ch in variant):               # acronym: exact
        return r"\s+".join(re.escape(w) for w in words)
    if len(words) == 1:                                         # one word: any case
        return f"(?i:{re.escape(variant)})"
    # Several words: the first letter as written, the rest in any case; the first word may take
    # a genitive "s", as in "Stockholms stad" for "Stockholm stad".
    first, rest = words[0], words[1:]
    rest_pattern = r"s?\s+" + r"\s+".join(re.escape(w) for w in rest)
    return f"{re.escape(first[0])}(?i:{re.escape(first[1:])}{rest_pattern})"


PREFIX = 4   # characters of a name's first word the quick scan looks at


def _prefix_char_patterns(variant: str) -> list[str]:
    """What matches each of the first characters of the variant in _variant_pattern(variant).

    Only characters of the first word, each matched by exactly one text character: a name in
    capitals exactly, one word in any case, several words the first letter as written.
    """
    first_word = variant.split()[0]
    acronym = not any(ch.islower() for ch in variant)
    single = len(variant.split()) == 1
    patterns = []
    for index, char in enumerate(first_word[:PREFIX]):
        exact = acronym or (not single and index == 0)
        patterns.append(re.escape(char) if exact else f"(?i:{re.escape(char)})")
    return patterns


class _Matcher:
    r"""One pattern for all names, longest first, tried only where a name may start.

    The whole pattern, `(?<![\w-])(?:(?P<n0>…)|(?P<n1>…)|…)suffix(?![\w-])`, makes the regex
    engine try every alternative at every word of every text, which cost more than the rest
    of the minutes step together. Instead a quick scan (`starts`) finds the places where the
    first few characters of some name stand after a non-word character, and only there the
    pattern made of the names that can begin with that character is tried. The quick scan
    uses plain character sets: for each character of a name's beginning, the characters seen
    in any text so far that the name's own pattern accepts there (the engine decides, so case
    rules are its own). A text with a character not seen before updates them first. Every
    place where the whole pattern matches is therefore found, and there the smaller pattern
    matches the same way (an alternative whose first character fails cannot match), so
    finditer() gives exactly the whole pattern's matches.
    """

    def __init__(self, ordered: list[tuple[str, MentionName]]) -> None:
        self.targets = {f"n{i}": name for i, (_, name) in enumerate(ordered)}
        self.alternatives = [(f"n{i}", _variant_pattern(variant), _prefix_char_patterns(variant))
                             for i, (variant, _) in enumerate(ordered)]
        self.char_patterns = {p: re.compile(p) for _, _, prefix in self.alternatives for p in prefix}
        self.seen: set[str] = set()
        self.accepts: dict[str, set[str]] = {p: set() for p in self.char_patterns}  # pattern → seen chars it matches
        self.starts: re.Pattern | None = None
        self.firsts: frozenset[str] = frozenset()   # seen characters a name may start with
        self._by_char: dict[str, re.Pattern | None] = {}

    def _learn(self, text: str) -> None:
        changed = False
        for char in set(text) - self.seen:
            self.seen.add(char)
            for source, pattern in self.char_patterns.items():
                if pattern.fullmatch(char):
                    self.accepts[source].add(char)
                    changed = True
        if changed:
            self.starts = self._quick_scan()

    def _quick_scan(self) -> re.Pattern | None:
        def char_set(source: str) -> str:
            return "[" + "".join(re.escape(c) for c in sorted(self.accepts[source])) + "]"
        firsts: set[str] = set()
        branches: dict[str, dict[str, None]] = {}     # second character's set → the rest of each name
        for _, _, prefix in self.alternatives:
            if not all(self.accepts[p] for p in prefix):
                continue          # a character of it was never seen: it cannot match yet
            firsts |= self.accepts[prefix[0]]
            first = f"(?<={char_set(prefix[0])}(?s:.))" if len(prefix) > 1 else f"(?<={char_set(prefix[0])})"
            second = char_set(prefix[1]) if len(prefix) > 1 else ""
            branches.setdefault(second, {})[first + "".join(char_set(p) for p in prefix[2:])] = None
        self.firsts = frozenset(firsts)
        if not branches:
            return None
        # Branches start with the second character's set: the engine skips a branch whose first
        # set fails without entering it, so most cost one set test.
        alternatives = "|".join(f"{second}(?:{'|'.join(rests)})" for second, rests in branches.items())
        # A hit is the non-word character before a name's start (the engine looks for those
        # quickly); the name is only looked at, so no later start is skipped. A start at the
        # very beginning of a text has no character before it: see finditer().
        return re.compile(f"[^\\w-](?=[{''.join(re.escape(c) for c in sorted(firsts))}]"
                          f"(?:{alternatives}))")

    def _for_char(self, char: str) -> re.Pattern | None:
        try:
            return self._by_char[char]
        except KeyError:
            names = [f"(?P<{group}>{pattern})" for group, pattern, prefix in self.alternatives
                     if self.char_patterns[prefix[0]].fullmatch(char)]
            found = self._by_char[char] = (
                re.compile(rf"(?<![\w-])(?:{'|'.join(names)}){_SUFFIX}(?![\w-])") if names else None)
            return found

    def learn(self, text: str) -> None:
        """Take in the characters of a text (and of any text made of its pieces) before matches()."""
        if not self.seen.issuperset(text):
            self._learn(text)

    def _at_start(self, text: str) -> bool:
        return text[:1] in self.firsts and self.starts.match("\0" + text[:PREFIX]) is not None

    def matches(self, text: str) -> list[re.Match]:
        """What the whole pattern's finditer(text) gives, for a learnt text."""
        starts = self.starts
        if starts is None:
            return []
        hit = starts.search(text)
        at_start = self._at_start(text)
        if hit is None and not at_start:
            return []
        found: list[re.Match] = []
        end = self._match_at(text, 0, found, 0) if at_start else 0
        if hit is not None:
            for hit in starts.finditer(text, hit.start()):
                if hit.end() >= end:
                    end = self._match_at(text, hit.end(), found, end)
        return found

    def _match_at(self, text: str, position: int, found: list[re.Match], end: int) -> int:
        pattern = self._for_char(text[position])
        match = pattern.match(text, position) if pattern is not None else None  # the look-behind sees text[position - 1]
        if match is None:
            return end
        found.append(match)
        return match.end()


@lru_cache(maxsize=8)
def _matcher(names: tuple[MentionName, ...]) -> _Matcher | None:
    """The names to look for, longest first; a variant two things share is dropped (ambiguous)."""
    owners: dict[str, set[str]] = {}
    for name in names:
        for variant in name.variants:
            variant = " ".join(variant.split())
            if len(variant) >= 2:
                owners.setdefault(variant.casefold(), set()).add(name.key)
    chosen: dict[str, tuple[str, MentionName]] = {}           # casefolded variant → (variant, name)
    for name in names:
        for variant in name.variants:
            variant = " ".join(variant.split())
            folded = variant.casefold()
            if len(variant) >= 2 and len(owners[folded]) == 1 and folded not in chosen:
                chosen[folded] = (variant, name)
    if not chosen:
        return None
    by_key = {name.key: name for name in names}
    ordered = sorted(chosen.values(), key=lambda pair: (-len(pair[0]), pair[0]))
    return _Matcher([(variant, by_key[name.key]) for variant, name in ordered])


_last_matcher: tuple = (None, None)


def _current_matcher(names: tuple[MentionName, ...]) -> _Matcher | None:
    global _last_matcher
    if _last_matcher[0] is not names:   # hashing the names for lru_cache on every text node is slow
        _last_matcher = (names, _matcher(names))
    return _last_matcher[1]


def find_mentions(text: str, names: tuple[MentionName, ...]) -> list[tuple[int, int, MentionName]]:
    """(start, end, name) of every mention in a plain text, in order."""
    matcher = _current_matcher(names)
    if matcher is None:
        return []
    matcher.learn(text)
    return _mentions(matcher, text)


def _mentions(matcher: _Matcher, text: str) -> list[tuple[int, int, MentionName]]:
    targets = matcher.targets
    found = []
    for match in matcher.matches(text):
        target = targets[match.lastgroup]   # the suffix is unnamed, so this is the name's group
        if target.key.startswith("forbund:") and (_NOT_A_FEDERATION_AFTER.match(text, match.end())
                                                  or _NOT_A_FEDERATION_BEFORE.search(text[max(0, match.start() - 16):match.start()])):
            continue
        found.append((match.start(), match.end(), target))
    return found


def _link(text: str, spans: list[tuple[int, int, MentionName]]) -> tuple[str, list[Element]]:
    """Split text at the spans: the text before the first link, and the links with their tails."""
    elements: list[Element] = []
    position = 0
    lead = None
    for start, end, name in spans:
        before = text[position:start]
        if lead is None:
            lead = before
        else:
            elements[-1].tail = before
        link = Element("a", {"class": "mention", "href": name.href})
        link.text = text[start:end]
        elements.append(link)
        position = end
    if elements:
        elements[-1].tail = text[position:] or None
    return (text if lead is None else lead), elements


def _linked(text: str, spans: list[tuple[int, int, MentionName]], linked: set[str], seen: set[str],
            may_link: bool) -> tuple[str | None, list[Element]]:
    """Record the mentions in a text; the text before the first new link, and the new links."""
    new = []
    for span in spans:
        key = span[2].key
        seen.add(key)
        if may_link and key not in linked:
            linked.add(key)
            new.append(span)
    if not new:
        return text, []
    lead, links = _link(text, new)
    return lead or None, links


class _Texts:
    """The mentions in every text of the minutes, found with one search over all of them.

    The texts are each block's itertext() (an element's text, then each child's texts and tail:
    the order _walk reads them), block after block, joined with NUL. No match spans two texts
    (no name holds a NUL), and a NUL next to a text is, like its start or end, a non-word
    character to every pattern and to the federation checks: the one search finds in each text
    what a search of that text alone finds, without a call per text node.
    """

    def __init__(self, pieces: list[str], matcher: _Matcher) -> None:
        joined = "\0".join(pieces)
        matcher.learn(joined)
        self.spans: dict[int, list[tuple[int, int, MentionName]]] = {}   # text index → its mentions
        found = _mentions(matcher, joined)
        if found:
            starts = list(itertools.accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=0))
            for start, end, name in found:
                index = bisect.bisect_right(starts, start) - 1
                self.spans.setdefault(index, []).append((start - starts[index], end - starts[index], name))
        self.index = 0

    def peek(self) -> list[tuple[int, int, MentionName]]:
        """The mentions in the next text, at offsets within it."""
        return self.spans.get(self.index, [])

    def next(self) -> list[tuple[int, int, MentionName]]:
        """The mentions in the next text; the one after is next."""
        index = self.index
        self.index = index + 1
        return self.spans.get(index, [])

    def skip(self, element: Element) -> None:
        """Pass over the texts inside element (not its tail)."""
        for _ in element.itertext():
            self.index += 1


def _walk(element: Element, texts: _Texts, matcher: _Matcher, linked: set[str], seen: set[str],
          may_link: bool) -> None:
    """Record mentions in element's subtree; turn the first of each name into a link where allowed.
    texts hands out the mentions of each text in the order they are read here."""
    tag = element.tag
    may_link = may_link and tag not in NEVER_LINK
    if tag == "a":
        # An author's own link to a page counts as that page's link in this item.
        href = element.get("href", "")
        if len(element):      # markup inside the link may split a name over several texts
            own = _mentions(matcher, "".join(element.itertext()))
        else:                 # its one text, if any, is the next of texts
            own = texts.peek() if element.text else []
        for start, end, name in own:
            seen.add(name.key)
            if name.href == href:
                linked.add(name.key)
    scan = tag != "a" and tag not in NEVER_SCAN
    children = list(element)          # before any link is added: new links are not walked again
    inserted = 0                      # links inserted so far, all before the next child
    text = element.text
    if text and (spans := texts.next()) and scan:
        element.text, links = _linked(text, spans, linked, seen, may_link)
        for offset, link in enumerate(links):
            element.insert(offset, link)
        inserted = len(links)
    for index, child in enumerate(children):
        if child.tag not in NEVER_SCAN:
            _walk(child, texts, matcher, linked, seen, may_link)
        else:
            texts.skip(child)
        tail = child.tail
        if tail and (spans := texts.next()) and scan:
            child.tail, links = _linked(tail, spans, linked, seen, may_link)
            for offset, link in enumerate(links, start=index + inserted + 1):
                element.insert(offset, link)
            inserted += len(links)


def link_mentions(blocks: list[Block], names: tuple[MentionName, ...]) -> dict[str, tuple[int | None, ...]]:
    """Link the first mention of each name in each agenda item; return key → the items mentioning it."""
    matcher = _current_matcher(names)
    if matcher is None:
        return {}
    by_item: dict[int | None, tuple[set[str], set[str]]] = {}
    order: dict[str, list[int | None]] = {}
    pieces = [list(block.element.itertext()) for block in blocks]
    texts = _Texts([piece for block_pieces in pieces for piece in block_pieces], matcher)
    firsts = list(itertools.accumulate((len(block_pieces) for block_pieces in pieces[:-1]), initial=0))
    with_mentions = {bisect.bisect_right(firsts, index) - 1 for index in texts.spans}
    for number, block in enumerate(blocks):
        element = block.element
        texts.index = firsts[number]
        # A link whose name is split by markup is only found by the walk (see _walk).
        if number not in with_mentions and not any(len(a) for a in element.iter("a")):
            continue
        linked, seen = by_item.setdefault(block.item, (set(), set()))
        before = set(seen)
        _walk(element, texts, matcher, linked, seen, may_link=True)
        for key in sorted(seen - before):
            order.setdefault(key, []).append(block.item)
    return {key: tuple(items) for key, items in sorted(order.items())}
