"""Occurrences: the dated things of the calendar, and the iCal files they are planned into.

An Occurrence is one dated thing in the calendar: a meeting with a full date, or an event.
Meetings whose day is unknown never become occurrences (they are not placed on invented days)
and so never reach a feed; the calendar pages list them as "datum ej fastställt". ical.py
writes the planned feeds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.feeds import feedlock
from generator.content import urls
from generator.content.model import Event, Federation, Meeting, Project, Site, TimeSpan


@dataclass(eq=False)
class Occurrence(TimeSpan):
    kind: str                                  # "meeting" or "event"
    item: Meeting | Event
    uid: str
    title: str
    start: dt.date | dt.datetime               # naive, in the site's time zone
    end: dt.date | dt.datetime | None          # inclusive last day, or end time
    status: str                                # bekräftad | preliminär | inställd
    location: str
    online: bool
    url: str
    federations: list[Federation] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    category: str = ""
    online_link: str = ""
    note: str = ""
    feed_path: str = ""                        # site path of the single-event .ics
    feed_url: str = ""                         # its href ("Lägg till i kalender")

    @property
    def days(self) -> list[dt.date]:
        """Every day the occurrence touches, for the month grid."""
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=n) for n in range(max(count, 1))]

    @property
    def cancelled(self) -> bool:
        return self.status == "inställd"

    @property
    def preliminary(self) -> bool:
        return self.status == "preliminär"

    @property
    def start_time(self) -> dt.time | None:
        return self.start.time() if isinstance(self.start, dt.datetime) else None

    @property
    def federation_slugs(self) -> str:
        """Space-separated, for the browser-side filter."""
        return " ".join(f.slug for f in self.federations)

    @property
    def sort_key(self):
        return (self.start_moment, self.kind, self.item.slug)

    def fingerprint(self) -> str:
        """What, when changed, must make calendar apps replace their copy: time, place, status."""
        return feedlock.fingerprint(self.start.isoformat(), self.end.isoformat() if self.end else None,
                                    self.all_day, self.location.strip(), self.online, self.online_link.strip(),
                                    self.status)


def _single_feed(page_path: str, page_url: str, slug: str) -> dict:
    return {"feed_path": urls.single_event_feed_path(page_path, slug),
            "feed_url": urls.single_event_feed_path(page_url, slug)}


def meeting_occurrence(meeting: Meeting) -> Occurrence | None:
    if meeting.date is None or not meeting.date.is_full:
        return None
    day = meeting.date.as_date()
    start: dt.date | dt.datetime = day
    end: dt.date | dt.datetime | None = None
    if meeting.start:
        start = dt.datetime.combine(day, meeting.start)
        end = dt.datetime.combine(day, meeting.end) if meeting.end else None
    return Occurrence(kind="meeting", item=meeting, uid=meeting.uid, title=meeting.title, start=start, end=end,
                      status="inställd" if meeting.cancelled else "bekräftad", location=meeting.location,
                      online=meeting.online, url=meeting.url, federations=meeting.federations,
                      projects=meeting.projects, category=meeting.type, online_link=meeting.online_link,
                      **_single_feed(urls.meeting_path(meeting.slug), meeting.url, meeting.slug))


def event_occurrence(event: Event) -> Occurrence:
    return Occurrence(kind="event", item=event, uid=event.uid, title=event.title, start=event.start, end=event.end,
                      status=event.status, location=event.location, online=event.online, url=event.url,
                      federations=event.federations, projects=event.projects, category="händelse",
                      online_link=event.online_link, note=event.note,
                      **_single_feed(urls.event_path(event.slug), event.url, event.slug))


def occurrences(site: Site) -> list[Occurrence]:
    """Every dated meeting and event, soonest first."""
    found = [o for o in (meeting_occurrence(m) for m in site.meetings) if o is not None]
    found += [event_occurrence(e) for e in site.events]
    return sorted(found, key=lambda o: o.sort_key)


def split_coming(items: list[Occurrence], today: dt.date) -> tuple[list[Occurrence], list[Occurrence]]:
    """(coming soonest first, past newest first) as seen on `today`."""
    coming = [o for o in items if o.last_day >= today]
    past = [o for o in items if o.last_day < today]
    return coming, list(reversed(past))


def undated_meetings(site: Site) -> list[Meeting]:
    """Meetings known by month or year only, soonest first: never placed on a day."""
    found = [m for m in site.meetings if m.date is not None and not m.date.is_full]
    return sorted(found, key=lambda m: m.sort_key)


def in_feed_window(items: list[Occurrence], site: Site) -> list[Occurrence]:
    """Subscriptions keep past events for feed.past_days days (0: for ever)."""
    days = site.config.feed.past_days
    if days <= 0:
        return items
    oldest = site.today - dt.timedelta(days=days)
    return [o for o in items if o.last_day >= oldest]


@dataclass(frozen=True)
class FeedInfo:
    """What a subscription feed says about itself; None for a single-event download."""
    name: str
    description: str
    feed_path: str
    page_path: str


@dataclass(frozen=True)
class Feed:
    """One iCal file to write: its site path, its events, and what it says about itself (None
    for a single-event download)."""
    path: str
    items: list[Occurrence]
    info: FeedInfo | None


def planned_feeds(site: Site, items: list[Occurrence]) -> list[Feed]:
    """Every iCal file: the site's feed, each federation's and project's, and the single-event
    download beside each dated meeting and event page."""
    title = site.config.title
    window = in_feed_window(items, site)
    feeds = [Feed(urls.CALENDAR_FEED, window,
                  FeedInfo(title, f"Möten och händelser – {title}", urls.CALENDAR_FEED, urls.CALENDAR))]
    concerning: dict[object, list[Occurrence]] = {}   # federation or project → its occurrences, in order
    for occ in window:
        for owner in dict.fromkeys([*occ.federations, *occ.projects]):
            concerning.setdefault(owner, []).append(occ)
    for fed in site.federations:
        info = FeedInfo(f"{fed.short_name} – {title}", f"Möten och händelser för {fed.name}",
                        urls.federation_feed_path(fed.slug), urls.federation_calendar_path(fed.slug))
        feeds.append(Feed(info.feed_path, concerning.get(fed, []), info))
    for project in site.projects:
        info = FeedInfo(f"{project.name} – {title}", f"Möten och händelser om {project.name}",
                        urls.project_feed_path(project.slug), urls.project_path(project.slug))
        feeds.append(Feed(info.feed_path, concerning.get(project, []), info))
    feeds += [Feed(occ.feed_path, [occ], None) for occ in items]
    return feeds
