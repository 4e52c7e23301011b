"""Occurrences from meetings and events, and the iCal feeds built from them.

An Occurrence is one dated thing in the calendar: a meeting with a full date, or an event.
Meetings whose day is unknown never become occurrences (they are not placed on invented days).
"""
from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

import icalendar

from . import urls
from .markup import plain_text
from .model import Event, Federation, Meeting, Project, Site


@dataclass(eq=False)
class Occurrence:
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

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def last_day(self) -> dt.date:
        if self.end is None:
            return self.first_day
        return self.end.date() if isinstance(self.end, dt.datetime) else self.end

    @property
    def cancelled(self) -> bool:
        return self.status == "inställd"

    @property
    def sort_key(self):
        start = self.start if isinstance(self.start, dt.datetime) else dt.datetime.combine(self.start, dt.time(0))
        return (start, self.kind, self.item.slug)


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
                      projects=meeting.projects, category=meeting.type)


def event_occurrence(event: Event) -> Occurrence:
    return Occurrence(kind="event", item=event, uid=event.uid, title=event.title, start=event.start, end=event.end,
                      status=event.status, location=event.location, online=event.online, url=event.url,
                      federations=event.federations, projects=event.projects, category="händelse")


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


# ---------- iCal ----------

def _ical_time(value: dt.date | dt.datetime, tz: zoneinfo.ZoneInfo):
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=tz)
    return value


def _vevent(occ: Occurrence, site: Site, tz: zoneinfo.ZoneInfo) -> icalendar.Event:
    config = site.config
    event = icalendar.Event()
    event.add("uid", f"{occ.uid}@{config.host}")
    stamp = dt.datetime.combine(site.today, dt.time(0), tzinfo=dt.timezone.utc)
    event.add("dtstamp", stamp)
    event.add("summary", occ.title)
    event.add("dtstart", _ical_time(occ.start, tz))
    if occ.all_day:
        # iCal's DTEND of an all-day event is the day after the last one.
        event.add("dtend", occ.last_day + dt.timedelta(days=1))
    elif occ.end is not None:
        event.add("dtend", _ical_time(occ.end, tz))
    page = urls.absolute(config, occ.url)
    text = plain_text(occ.item.body_html)
    event.add("description", (text + "\n\n" if text else "") + page)
    event.add("url", page)
    if occ.location or occ.online:
        event.add("location", ", ".join(filter(None, [occ.location, "Online" if occ.online else ""])))
    event.add("status", {"inställd": "CANCELLED", "preliminär": "TENTATIVE"}.get(occ.status, "CONFIRMED"))
    categories = [occ.category] + [f.short_name for f in occ.federations]
    event.add("categories", [c for c in categories if c])
    return event


def feed(site: Site, items: list[Occurrence], name: str, description: str) -> bytes:
    tz = zoneinfo.ZoneInfo(site.config.timezone)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//sitegen//samordningsförbund//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", description)
    cal.add("x-wr-timezone", site.config.timezone)
    for occ in items:
        cal.add_component(_vevent(occ, site, tz))
    if any(not o.all_day for o in items):
        cal.add_missing_timezones()
    return cal.to_ical()


def feeds(site: Site, items: list[Occurrence]) -> dict[str, bytes]:
    """Site path → bytes of every iCal feed: the site's, each federation's and each project's."""
    title = site.config.title
    result = {urls.CALENDAR_FEED: feed(site, items, title, f"Möten och händelser – {title}")}
    for fed in site.federations:
        mine = [o for o in items if fed in o.federations]
        result[urls.federation_feed_path(fed.slug)] = feed(site, mine, f"{fed.short_name} – {title}",
                                                           f"Möten och händelser för {fed.name}")
    for project in site.projects:
        mine = [o for o in items if project in o.projects]
        result[urls.project_feed_path(project.slug)] = feed(site, mine, f"{project.name} – {title}",
                                                            f"Möten och händelser om {project.name}")
    for occ in items:  # the "Lägg till i kalender" download beside each page
        result[single_event_path(occ)] = feed(site, [occ], occ.title, title)
    return result


def single_event_path(occ: Occurrence) -> str:
    page = urls.meeting_path(occ.item.slug) if occ.kind == "meeting" else urls.event_path(occ.item.slug)
    return f"{page}{occ.item.slug}.ics"
