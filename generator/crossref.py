"""Minutes read together: what each meeting's minutes found, related across meetings.

Runs once over the whole model after every body has been enriched (minutes.enrich) and before
anything is rendered. It
- gives every meeting its agenda and its decisions, assignments and postponed questions;
- lists on each project and federation page the meetings and agenda items that mention it
  ("Omnämnd i"), newest first; naming it in the meeting's front matter counts as a mention;
- links each meeting to the previous and next meeting of its series (same type, nearly the same
  federations — see _link_series; meetings without a date stand outside any series);
- closes a postponed question when a later meeting of the same series takes it up (the rule is
  in takes_up()).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import urls
from .agenda import AgendaItem
from .decisions import POSTPONED
from .model import Meeting, Site

# Words that say nothing about what a postponed question is about.
FILLER = {
    "frågan", "frågor", "fråga", "punkten", "punkt", "ärendet", "ärende", "nästa", "möte", "mötet", "möten",
    "till", "från", "med", "inom", "samt", "eller", "efter", "inför", "under", "kring", "angående", "gällande",
    "bordläggs", "bordlagd", "bordlagt", "återkommer", "igen", "övrigt", "information", "diskussion",
}
STEM = 6  # words are compared on their first six letters: "konferens" and "konferensen" agree


@dataclass(eq=False)
class ItemLink:
    """A place in a meeting's minutes: the meeting, and the agenda item when there is one."""
    meeting: Meeting
    item: AgendaItem | None
    url: str

    @property
    def label(self) -> str:
        return self.item.label if self.item else ""


@dataclass(eq=False)
class Decision:
    """A decision, an assignment or a postponed question, with where it was written."""
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


@dataclass(eq=False)
class Mention:
    """One meeting naming a project or federation, and the agenda items where it does."""
    meeting: Meeting
    items: list[ItemLink] = field(default_factory=list)


def _place(meeting: Meeting, item: AgendaItem | None) -> ItemLink:
    link = urls.in_page(meeting.url, item.anchor) if item else meeting.url
    return ItemLink(meeting=meeting, item=item, url=link)


def relate(site: Site) -> None:
    """Fill the cross-meeting fields of the model from each meeting's MinutesFacts."""
    targets = {**{f"projekt:{p.slug}": p for p in site.projects},
               **{f"forbund:{f.slug}": f for f in site.federations}}
    for target in targets.values():
        target.mentioned_in = []
    site.decisions = []
    for meeting in site.meetings:                                  # newest first
        facts = meeting.minutes
        meeting.agenda = list(facts.agenda) if facts else []
        meeting.decisions = [
            Decision(kind=f.kind, text=f.text, who=f.who, subject=f.subject,
                     place=_place(meeting, meeting.agenda[f.item] if f.item is not None else None))
            for f in (facts.findings if facts else ())]
        site.decisions.extend(meeting.decisions)
        _record_mentions(meeting, facts, targets)
    _link_series(site.meetings)
    _close_postponed(site.meetings)


def _record_mentions(meeting: Meeting, facts, targets: dict) -> None:
    items_by_key: dict[str, list[int | None]] = {key: list(items) for key, items in (facts.mentions if facts else ())}
    for key in [f"projekt:{p.slug}" for p in meeting.projects] + [f"forbund:{f.slug}" for f in meeting.federations]:
        items_by_key.setdefault(key, [])
    for key in sorted(items_by_key):
        target = targets.get(key)
        if target is None:
            continue
        indexes = sorted({i for i in items_by_key[key] if i is not None})
        target.mentioned_in.append(Mention(meeting, [_place(meeting, meeting.agenda[i]) for i in indexes]))


def _similarity(a: set[str], b: set[str]) -> float:
    """Shared federations over all federations of the two meetings; two empty sets are alike."""
    return len(a & b) / len(a | b) if a | b else 1.0


SAME_FEDERATIONS = 0.5


def _link_series(meetings: list[Meeting]) -> None:
    """Chain each dated meeting to the previous and next of its series.

    A series is one meeting type with (nearly) the same federations. Imported minutes list the
    federations that were present, which varies from meeting to meeting (one absent, one guest),
    so a meeting joins the series of the same type whose latest meeting shares at least half of
    the two meetings' federations together, the most similar one when several do. Meetings
    without any date stand outside every series; a month-only date orders by its month.
    """
    series: list[list[Meeting]] = []
    for meeting in sorted(meetings, key=lambda m: m.sort_key):     # oldest first
        meeting.previous_meeting = meeting.next_meeting = None
        if meeting.date is None:
            continue
        mine = {f.slug for f in meeting.federations}
        best, best_score = None, SAME_FEDERATIONS
        for members in series:
            latest = members[-1]
            if latest.type_slug != meeting.type_slug:
                continue
            score = _similarity(mine, {f.slug for f in latest.federations})
            if score >= best_score and (best is None or score > best_score):
                best, best_score = members, score
        if best is None:
            series.append([meeting])
        else:
            best[-1].next_meeting = meeting
            meeting.previous_meeting = best[-1]
            best.append(meeting)


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
    needed = len(wanted) if len(wanted) <= 2 else max(2, (len(wanted) + 1) // 2)
    for heading in (item.title, *item.headings):
        if len(wanted & _words(heading)) >= needed:
            return True
    return False


def _meeting_words(meeting: Meeting) -> frozenset[str]:
    """Every significant word of a meeting's agenda titles and sub-headings (a quick pre-check)."""
    words: set[str] = set()
    for item in meeting.agenda:
        for heading in (item.title, *item.headings):
            words |= _words(heading)
    return frozenset(words)


def _may_take_up(subject: str, heard: frozenset[str]) -> bool:
    """False when no agenda item of the meeting can take the question up (see takes_up)."""
    wanted = _words(subject)
    needed = len(wanted) if len(wanted) <= 2 else max(2, (len(wanted) + 1) // 2)
    return bool(wanted) and len(wanted & heard) >= needed


def _close_postponed(meetings: list[Meeting]) -> None:
    heard_in: dict[str, frozenset[str]] = {}   # meeting slug → its agenda words, built once
    for meeting in meetings:
        later = meeting.next_meeting
        postponed = [d for d in meeting.decisions if d.kind == POSTPONED]
        while later is not None and postponed:
            if later.slug not in heard_in:
                heard_in[later.slug] = _meeting_words(later)
            heard = heard_in[later.slug]
            for decision in list(postponed):
                if not _may_take_up(decision.subject, heard):
                    continue
                item = next((i for i in later.agenda if takes_up(decision.subject, i)), None)
                if item is not None:
                    decision.closed_by = _place(later, item)
                    postponed.remove(decision)
            later = later.next_meeting

