"""One meeting's minutes after Markdown: agenda anchors, mention links, decisions found.

enrich() is the per-page step of the minutes: a pure function of the body's HTML and the known
names, returning plain frozen data, so the build may cache it by the hash of its inputs and run
it in a worker process. Everything that looks across meetings happens later, in crossref.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.minutes import agenda, decisions, mentions
from generator.text import htmltree
from generator.minutes.agenda import AgendaItem
from generator.minutes.decisions import Finding
from generator.minutes.mentions import MentionName

# Bump when the output of enrich() changes for the same input (part of a build cache key).
MINUTES_VERSION = "1"


@dataclass(frozen=True)
class MinutesFacts:
    html: str
    agenda: tuple[AgendaItem, ...] = ()
    mentions: tuple[tuple[str, tuple[int | None, ...]], ...] = ()   # key → indexes of items naming it
    findings: tuple[Finding, ...] = ()


def enrich(html: str, names: tuple[MentionName, ...]) -> MinutesFacts:
    root = htmltree.parse(html)
    items, blocks = agenda.mark_items(root)
    found = decisions.find(blocks, items, root)
    mentioned = mentions.link_mentions(blocks, names)
    return MinutesFacts(html=htmltree.serialize(root), agenda=tuple(items),
                        mentions=tuple(mentioned.items()), findings=tuple(found))
