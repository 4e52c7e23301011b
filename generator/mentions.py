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

import re
from dataclasses import dataclass
from functools import lru_cache
from xml.etree.ElementTree import Element

from .agenda import HEADINGS, Block

NEVER_LINK = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", *HEADINGS})
NEVER_SCAN = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
_SUFFIX = r"(?::s|s|-\w+)?"
_NOT_A_FEDERATION_AFTER = re.compile(r"\s+(?:län|läns|kommun|kommuns)\b")
_NOT_A_FEDERATION_BEFORE = re.compile(r"\bRegion\s+$")   # searched in the 16 characters before a match only


@dataclass(frozen=True)
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


@lru_cache(maxsize=8)
def _matcher(names: tuple[MentionName, ...]) -> tuple[re.Pattern | None, dict[str, MentionName]]:
    """One pattern for all names, longest first; a variant two things share is dropped (ambiguous)."""
    owners: dict[str, set[str]] = {}
    for name in names:
        for variant in name.variants:
            variant = " ".join(variant.split())
            if len(variant) >= 2:
                owners.setdefault(variant.casefold(), set()).add(name.key)
    by_key = {name.key: name for name in names}
    chosen: dict[str, tuple[str, str]] = {}                    # casefolded variant → (variant, key)
    for name in names:
        for variant in name.variants:
            variant = " ".join(variant.split())
            folded = variant.casefold()
            if len(variant) >= 2 and len(owners[folded]) == 1 and folded not in chosen:
                chosen[folded] = (variant, name.key)
    if not chosen:
        return None, {}
    ordered = sorted(chosen.values(), key=lambda pair: (-len(pair[0]), pair[0]))
    groups = "|".join(f"(?P<n{i}>{_variant_pattern(variant)})" for i, (variant, _) in enumerate(ordered))
    pattern = re.compile(rf"(?<![\w-])(?:{groups}){_SUFFIX}(?![\w-])")
    targets = {f"n{i}": by_key[key] for i, (_, key) in enumerate(ordered)}
    return pattern, targets


_last_matcher: tuple = (None, (None, {}))


def find_mentions(text: str, names: tuple[MentionName, ...]) -> list[tuple[int, int, MentionName]]:
    """(start, end, name) of every mention in a plain text, in order."""
    global _last_matcher
    if _last_matcher[0] is not names:   # hashing the names for lru_cache on every text node is slow
        _last_matcher = (names, _matcher(names))
    pattern, targets = _last_matcher[1]
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
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


def _walk(element: Element, names, linked: set[str], seen: set[str], may_link: bool) -> None:
    """Record mentions in element's subtree; turn the first of each name into a link where allowed."""
    may_link = may_link and element.tag not in NEVER_LINK
    if element.tag == "a":
        # An author's own link to a page counts as that page's link in this item.
        href = element.get("href", "")
        for start, end, name in find_mentions("".join(element.itertext()), names):
            seen.add(name.key)
            if name.href == href:
                linked.add(name.key)

    def process(text: str | None) -> tuple[str | None, list[Element]]:
        if not text:
            return text, []
        spans = []
        for start, end, name in find_mentions(text, names):
            seen.add(name.key)
            if may_link and name.key not in linked:
                linked.add(name.key)
                spans.append((start, end, name))
        if not spans:
            return text, []
        lead, links = _link(text, spans)
        return lead or None, links

    children = list(element)          # before inserting: new links are not walked again
    if element.tag != "a" and element.tag not in NEVER_SCAN:
        element.text, links = process(element.text)
        for offset, link in enumerate(links):
            element.insert(offset, link)
    for child in children:
        if child.tag not in NEVER_SCAN:
            _walk(child, names, linked, seen, may_link)
        if element.tag in NEVER_SCAN or element.tag == "a":
            continue
        child.tail, links = process(child.tail)
        index = list(element).index(child)
        for offset, link in enumerate(links, start=1):
            element.insert(index + offset, link)


def link_mentions(blocks: list[Block], names: tuple[MentionName, ...]) -> dict[str, tuple[int | None, ...]]:
    """Link the first mention of each name in each agenda item; return key → the items mentioning it."""
    by_item: dict[int | None, tuple[set[str], set[str]]] = {}
    order: dict[str, list[int | None]] = {}
    for block in blocks:
        linked, seen = by_item.setdefault(block.item, (set(), set()))
        before = set(seen)
        _walk(block.element, names, linked, seen, may_link=True)
        for key in sorted(seen - before):
            order.setdefault(key, []).append(block.item)
    return {key: tuple(items) for key, items in sorted(order.items())}
