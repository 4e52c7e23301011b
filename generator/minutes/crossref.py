"""Minutes read together: what each meeting's minutes found, related across meetings.

Runs once over the whole model after every body has been enriched (minutes.enrich) and before
anything is rendered, and returns what it finds as Relations, beside the model (which it never
changes). It
- gives every meeting its agenda and its decisions, assignments and postponed questions;
- lists on each project and federation page the meetings and agenda items that mention it
  ("Omnämnd i"), newest first; naming it in the meeting's front matter counts as a mention;
- links each meeting to the previous and next meeting of its series (same type, nearly the same
  federations — see _link_series; meetings without a date stand outside any series);
- closes a postponed question when a later meeting of the same series takes it up (the rule is
  in takes_up()).
"""
from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping

from generator.content import urls
from generator.minutes.agenda import AgendaItem
from generator.minutes.decisions import POSTPONED
from generator.content.model import Meeting, Site
from generator.minutes.facts import MinutesFacts

# Words that say nothing about what a postponed question is about.
FILLER = {
    "frågan", "frågor", "fråga", "punkten", "punkt", "ärendet", "ärende", "nästa", "möte", "mötet", "möten",
    "till", "från", "med", "inom", "samt", "eller", "efter", "inför", "under", "kring", "angående", "gällande",
    "bordläggs", "bordlagd", "bordlagt", "återkommer", "igen", "övrigt", "information", "diskussion",
}
STEM = 6  # words are compared on their first six letters: "konferens" and "konferensen" agree


@dataclass(eq=False, slots=True)
class ItemLink:
    """A place in a meeting's minutes: the meeting, and the agenda item when there is one."""
    meeting: Meeting
    item: AgendaItem | None

    @property
    def url(self) -> str:   # made when shown: a big site has tens of thousands of places
        return urls.in_page(self.meeting.url, self.item.anchor) if self.item else self.meeting.url

    @property
    def label(self) -> str:
        return self.item.label if self.item else ""


@dataclass(eq=False, slots=True)
class Decision:
    """A decision, an assignment or a postponed question, with where it was written. Made by
    relate(), which alone sets closed_by, before it returns."""
    kind: str                          # "beslut" | "uppdrag" | "bordlagt"
    text: str
    who: str
    subject: str
    place: ItemLink
    closed_by: ItemLink | None = None  # postponed questions: the later meeting that took it up

    @property
    def meeting(self) -> Meeting:
        return self.place.meeting

    @property
    def item(self) -> AgendaItem | None:
        return self.place.item

    @property
    def is_open(self) -> bool:
        return self.kind == POSTPONED and self.closed_by is None


@dataclass(eq=False, slots=True)
class Mention:
    """One meeting naming a project or federation, and the agenda items where it does."""
    meeting: Meeting
    items: tuple[ItemLink, ...] = ()


@dataclass
class Relations:
    """What relate() found, by record (records hash by identity). Meetings without minutes, and
    projects and federations no meeting names, are simply not keys."""
    agenda: dict[Meeting, tuple[AgendaItem, ...]] = field(default_factory=dict)
    decisions_of: dict[Meeting, tuple[Decision, ...]] = field(default_factory=dict)
    previous: dict[Meeting, Meeting] = field(default_factory=dict)   # same type and federations
    next: dict[Meeting, Meeting] = field(default_factory=dict)
    mentioned_in: dict[object, tuple[Mention, ...]] = field(default_factory=dict)   # project or federation → mentions
    decisions: tuple[Decision, ...] = ()                             # every meeting's, newest first


class _Places:
    """The place of each agenda item of each meeting, made once and shared by everything there."""

    def __init__(self, agenda: dict[Meeting, tuple[AgendaItem, ...]]) -> None:
        self._agenda = agenda
        self._by_meeting: dict[Meeting, list[ItemLink | None]] = {}   # meetings hash by identity

    def of_meeting(self, meeting: Meeting) -> list[ItemLink | None]:
        """The places of a meeting's agenda items, by index (None: not made yet; see place_at())."""
        places = self._by_meeting.get(meeting)
        if places is None:
            places = self._by_meeting[meeting] = [None] * len(self._agenda.get(meeting, ()))
        return places

    def place_at(self, meeting: Meeting, places: list[ItemLink | None], index: int | None) -> ItemLink:
        """The place of agenda item index (None: the meeting itself), from and into `places`."""
        if index is None:
            return ItemLink(meeting, None)
        place = places[index]
        if place is None:
            place = places[index] = ItemLink(meeting, self._agenda[meeting][index])
        return place


def relate(site: Site, minutes: Mapping[Meeting, MinutesFacts]) -> Relations:
    """The cross-meeting relations of the site, from each meeting's MinutesFacts."""
    targets = {**{f"projekt:{p.slug}": p for p in site.projects},
               **{f"forbund:{f.slug}": f for f in site.federations}}
    found = Relations()
    every: list[Decision] = []
    mentioned_in: dict[object, list[Mention]] = {}
    places = _Places(found.agenda)
    for meeting in site.meetings:                                  # newest first
        facts = minutes.get(meeting)
        if facts is not None and facts.agenda:
            found.agenda[meeting] = facts.agenda
        mine = places.of_meeting(meeting)
        decisions = tuple(Decision(f.kind, f.text, f.who, f.subject, places.place_at(meeting, mine, f.item))
                          for f in (facts.findings if facts else ()))
        if decisions:
            found.decisions_of[meeting] = decisions
            every.extend(decisions)
        _record_mentions(meeting, facts, targets, mine, places, mentioned_in)
    found.decisions = tuple(every)
    found.mentioned_in = {target: tuple(mentions) for target, mentions in mentioned_in.items()}
    _link_series(site.meetings, found)
    _close_postponed(site.meetings, places, found)
    _words.cache_clear()   # every heading of the site: not needed once the questions are closed
    return found


def _record_mentions(meeting: Meeting, facts, targets: dict, places: list[ItemLink | None], shared: _Places,
                     mentioned_in: dict) -> None:
    items_by_key: dict[str, tuple[int | None, ...]] = dict(facts.mentions) if facts else {}
    for project in meeting.projects:
        items_by_key.setdefault(f"projekt:{project.slug}", ())
    for federation in meeting.federations:
        items_by_key.setdefault(f"forbund:{federation.slug}", ())
    for key in sorted(items_by_key):
        target = targets.get(key)
        if target is None:
            continue
        items = items_by_key[key]
        mentions = mentioned_in.setdefault(target, [])
        if not items:
            mentions.append(Mention(meeting))
            continue
        if len(items) > 1:
            items = sorted({i for i in items if i is not None})
        mentions.append(Mention(meeting, tuple(places[i] or shared.place_at(meeting, places, i)
                                               for i in items if i is not None)))


def _similarity(a: set[str], b: set[str]) -> float:
    """Shared federations over all federations of the two meetings; two empty sets are alike."""
    return len(a & b) / len(a | b) if a | b else 1.0


SAME_FEDERATIONS = 0.5


def _link_series(meetings, found: Relations) -> None:
    """Chain each dated meeting to the previous and next of its series.

    A series is one meeting type with (nearly) the same federations. Imported minutes list the
    federations that were present, which varies from meeting to meeting (one absent, one guest),
    so a meeting joins the series of the same type whose latest meeting shares at least half of
    the two meetings' federations together, the most similar one when several do. Meetings
    without any date stand outside every series; a month-only date orders by its month.
    """
    by_type: dict[str, list[tuple[list[Meeting], set[str]]]] = {}   # type → each series, its latest's federations
    for meeting in sorted(meetings, key=lambda m: m.sort_key):     # oldest first
        if meeting.date is None:
            continue
        mine = {f.slug for f in meeting.federations}
        series = by_type.setdefault(meeting.type_slug, [])
        best, best_score = None, SAME_FEDERATIONS
        for index, (members, latest_federations) in enumerate(series):
            score = _similarity(mine, latest_federations)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = index, score
        if best is None:
            series.append(([meeting], mine))
        else:
            members = series[best][0]
            found.next[members[-1]] = meeting
            found.previous[meeting] = members[-1]
            members.append(meeting)
            series[best] = (members, mine)


@lru_cache(maxsize=None)  # the same headings are compared with every open question of a series
def _words(text: str) -> frozenset[str]:
    """Significant words as stems: four letters or more (or an acronym like VIS), no filler."""
    found = set()
    for word in re.findall(r"\w+", text):
        folded = word.casefold()
        if folded in FILLER or folded.isdigit():
            continue
        if len(word) >= 4 or (len(word) >= 2 and word.isupper()):
            found.add(folded[:STEM])
    return frozenset(found)


def takes_up(subject: str, item: AgendaItem) -> bool:
    """Whether an agenda item takes up a postponed question.

    The question's subject is reduced to its significant words (see _words); the item's title
    and sub-headings must contain all of them when there are one or two, and at least half
    (never fewer than two) when there are more. A subject with no significant words is never
    matched automatically.
    """
    wanted = _words(subject)
    if not wanted:
        return False
    needed = _needed(wanted)
    for heading in (item.title, *item.headings):
        if len(wanted & _words(heading)) >= needed:
            return True
    return False


def _needed(wanted: frozenset[str]) -> int:
    """How many of a question's significant words an agenda heading must have (see takes_up)."""
    return len(wanted) if len(wanted) <= 2 else max(2, (len(wanted) + 1) // 2)


def _close_postponed(meetings, places: _Places, found: Relations) -> None:
    """Close each postponed question at the first later meeting of its series with an agenda
    item that takes it up (the rule of takes_up()), found in an index of the series' headings."""
    series: dict[Meeting, tuple[list[Meeting], dict[str, list[tuple[int, int, int]]], int]] = {}
    for meeting in meetings:
        postponed = [d for d in found.decisions_of.get(meeting, ()) if d.kind == POSTPONED]
        if not postponed or meeting not in found.next:
            continue
        if meeting not in series:
            _index_series(meeting, series, found)
        chain, headings_with, here = series[meeting]
        for decision in postponed:
            taken_up = _first_taking_up(_words(decision.subject), headings_with, here)
            if taken_up is not None:
                later = chain[taken_up[0]]
                decision.closed_by = places.place_at(later, places.of_meeting(later), taken_up[1])


def _first_taking_up(wanted: frozenset[str], headings_with: dict[str, list[tuple[int, int, int]]],
                     here: int) -> tuple[int, int] | None:
    """(position, item index) of the first agenda item after position here that takes up a
    question with these significant words: the first heading (title or sub-heading) with enough
    of them, in the order of the series, the agenda and the item's headings."""
    if not wanted:
        return None
    needed = _needed(wanted)
    lists = []
    for word in wanted:
        places = headings_with.get(word)
        if places:
            start = bisect.bisect_left(places, (here + 1,))
            if start < len(places):
                lists.append(places[start:] if start else places)
    if len(lists) < needed:
        return None
    if len(lists) == 1:                           # needed is 1: the first heading with the word
        return lists[0][0][:2]
    previous, count = None, 0
    for heading in heapq.merge(*lists):           # a heading's words are a set: equal runs count them
        if heading == previous:
            count += 1
        else:
            previous, count = heading, 1
        if count == needed:
            return heading[:2]
    return None


def _index_series(member: Meeting, series: dict, found: Relations) -> None:
    """The series a meeting belongs to, oldest first, and for each word a postponed question in
    it looks for, the headings that have it: (position in the series, agenda item, heading: 0 the
    title, then its sub-headings)."""
    first = member
    while first in found.previous:
        first = found.previous[first]
    chain: list[Meeting] = []
    later: Meeting | None = first
    while later is not None:
        chain.append(later)
        later = found.next.get(later)
    wanted: set[str] = set()
    for meeting in chain:
        for decision in found.decisions_of.get(meeting, ()):
            if decision.kind == POSTPONED:
                wanted |= _words(decision.subject)
    headings_with: dict[str, list[tuple[int, int, int]]] = {}
    for position, meeting in enumerate(chain):
        for index, item in enumerate(found.agenda.get(meeting, ())):
            for number, heading in enumerate((item.title, *item.headings)):
                words = _words(heading)
                if not wanted.isdisjoint(words):
                    for word in words & wanted:
                        headings_with.setdefault(word, []).append((position, index, number))
    for position, meeting in enumerate(chain):
        series[meeting] = (chain, headings_with, position)
