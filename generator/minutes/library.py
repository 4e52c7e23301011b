"""What the build finds after the model is resolved, kept beside it by record.

The resolved Site is frozen (content.model). The markup stage then finds each body's HTML and,
in minutes, the agenda, the mentions and the decisions; crossref relates the meetings. None of
that is written into the records: it lives here, in a Library keyed by record (records hash by
identity), as Zola's Library keeps the relations between pages outside the pages.

Python readers ask the Library (library.body_html(meeting), library.decisions_of(meeting)). A
template writes what it always wrote (`meeting.decisions`, `project.mentioned_in`,
`page.body_html`): the pages' Jinja environment looks such names up here (found_attribute), so a
site's own templates need no change.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from generator.content.model import Federation, Item, Meeting, Project, Site
from generator.minutes.agenda import AgendaItem
from generator.minutes.crossref import Decision, Mention, Relations
from generator.minutes.decisions import POSTPONED
from generator.minutes.facts import MinutesFacts


@dataclass(frozen=True, slots=True)
class Body:
    """One record's body after Markdown."""
    key: str             # its cache key, which names everything the HTML is made from
    facts_digest: str    # digest of what other pages show of it (agenda, mentions, decisions); "" if none
    html: str | None     # None: not held; the Library's html_of gives it by the key


NO_BODY = Body("", "", "")
MISSING = object()


class Library:
    """Bodies, minutes and relations of one build's Site. Never changed once made: the live
    preview makes a new one with an edited body (with_body)."""

    def __init__(self, bodies: Mapping[Item, Body], relations: Relations | None = None,
                 minutes: Mapping[Meeting, MinutesFacts] | None = None,
                 html_of: Callable[[Item, str], str] | None = None):
        """`html_of(record, key)` gives the HTML of a body not held in memory (Body.html None)."""
        self._bodies = bodies
        self._relations = relations or Relations()
        self._minutes = minutes or {}
        self._html_of = html_of

    # ----- bodies -----
    def body(self, item: Item) -> Body:
        return self._bodies.get(item, NO_BODY)

    def body_html(self, item: Item) -> str:
        body = self.body(item)
        if body.html is not None:
            return body.html
        return self._html_of(item, body.key) if self._html_of is not None else ""

    def html_key(self, item: Item) -> str:
        return self.body(item).key

    def facts_digest(self, item: Item) -> str:
        return self.body(item).facts_digest

    def minutes(self, meeting: Meeting) -> MinutesFacts | None:
        """What the meeting's minutes were found to hold (kept only for the live preview)."""
        return self._minutes.get(meeting)

    # ----- relations (crossref) -----
    @property
    def decisions(self) -> tuple[Decision, ...]:
        """Every meeting's decisions, assignments and postponed questions, newest first."""
        return self._relations.decisions

    def agenda(self, meeting: Meeting) -> tuple[AgendaItem, ...]:
        return self._relations.agenda.get(meeting, ())

    def decisions_of(self, meeting: Meeting) -> tuple[Decision, ...]:
        return self._relations.decisions_of.get(meeting, ())

    def postponed(self, meeting: Meeting) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions_of(meeting) if d.kind == POSTPONED)

    def previous_meeting(self, meeting: Meeting) -> Meeting | None:
        return self._relations.previous.get(meeting)

    def next_meeting(self, meeting: Meeting) -> Meeting | None:
        return self._relations.next.get(meeting)

    def mentioned_in(self, target: Project | Federation) -> tuple[Mention, ...]:
        return self._relations.mentioned_in.get(target, ())

    # ----- the live preview -----
    def with_body(self, item: Item, body: Body, minutes: MinutesFacts | None = None) -> "Library":
        """This library with one record's body replaced (and its minutes, for a meeting)."""
        bodies = _Overlay(self._bodies, item, body)
        found = _Overlay(self._minutes, item, minutes) if minutes is not None else self._minutes
        return Library(bodies, self._relations, found, self._html_of)

    # ----- templates -----
    def found_attribute(self, obj, name: str):
        """What a template's `obj.name` means when the name is one of the Library's; else MISSING."""
        if isinstance(obj, Item):
            if name == "body_html":
                return self.body_html(obj)
            if isinstance(obj, Meeting):
                reader = _MEETING_NAMES.get(name)
                if reader is not None:
                    return reader(self, obj)
            elif name == "mentioned_in" and isinstance(obj, (Project, Federation)):
                return self.mentioned_in(obj)
        elif name == "decisions" and isinstance(obj, Site):
            return self.decisions
        return MISSING


_MEETING_NAMES = {
    "agenda": Library.agenda, "decisions": Library.decisions_of, "postponed": Library.postponed,
    "previous_meeting": Library.previous_meeting, "next_meeting": Library.next_meeting,
    "minutes": Library.minutes,
}
# Every name found_attribute answers: the environment asks only for these.
FOUND_NAMES = frozenset({"body_html", "mentioned_in", *_MEETING_NAMES})


class _Overlay(Mapping):
    """A mapping with one key's value replaced, the rest shared with the original."""

    def __init__(self, base: Mapping, key, value):
        self._base, self._key, self._value = base, key, value

    def __getitem__(self, key):
        return self._value if key is self._key else self._base[key]

    def get(self, key, default=None):
        return self._value if key is self._key else self._base.get(key, default)

    def __iter__(self):
        yield from self._base
        if self._key not in self._base:
            yield self._key

    def __len__(self) -> int:
        return len(self._base) + (self._key not in self._base)
