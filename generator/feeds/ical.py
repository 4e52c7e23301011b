"""The iCal feeds: each planned feed (occurrences.Feed) as VCALENDAR bytes.

Feeds are built with the icalendar library, which escapes text and folds lines; every text
value goes in as vText explicitly, because icalendar leaves properties it does not know
(NAME, X-WR-CALNAME) unescaped.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import zoneinfo
from functools import lru_cache
from typing import Iterator

import icalendar

from generator.feeds import feedlock
from generator.content import urls
from generator.minutes.library import Library
from generator.minutes.markup import summary
from generator.content.model import Site
from generator.feeds.occurrences import Feed, FeedInfo, Occurrence
from generator.feeds.vtimezone import vtimezone

PRODID = "-//sitegen//Samordningsforbunden//SV"
STATUS_CODES = {"inställd": "CANCELLED", "preliminär": "TENTATIVE"}
SUMMARY_PREFIXES = {"inställd": "INSTÄLLT: ", "preliminär": "Preliminärt: "}
DESCRIPTION_LIMIT = 600          # characters of the page's text in DESCRIPTION; the URL has the rest


def vevent_inputs(occ: Occurrence, library: Library) -> tuple:
    """Everything of one occurrence that its VEVENT (vevent()) and its place in a feed are made
    from, for the cache key of those bytes. Every field goes in, so a field added to Occurrence
    is in the key without anyone remembering it; of the records it points to, what the VEVENT
    shows: the body (by its HTML's key) and description, the federations' short names."""
    parts = []
    for name in (f.name for f in dataclasses.fields(occ)):
        value = getattr(occ, name)
        if name == "item":
            value = (value.rel, library.html_key(value), value.description)
        elif name == "federations":
            value = [(fed.slug, fed.short_name) for fed in value]
        elif name == "projects":
            value = [project.slug for project in value]
        parts.append((name, value))
    return tuple(parts)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text(value: str) -> icalendar.vText:
    """Content text as an escaped iCal TEXT value; control characters (not allowed in iCal) dropped."""
    return icalendar.vText(_CONTROL.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n")))


def _location(occ: Occurrence) -> str:
    if occ.location and occ.online:
        return f"{occ.location} och digitalt"
    return occ.location or ("Digitalt" if occ.online else "")


def _description(occ: Occurrence, page: str, library: Library) -> str:
    parts = []
    if occ.cancelled:
        parts.append("Inställt.")
    elif occ.preliminary:
        parts.append("Preliminärt datum.")
    if occ.note:
        parts.append(occ.note)
    # summary() leaves entities such as &nbsp; in place; a calendar shows text, not HTML.
    text = occ.item.description or html.unescape(summary(library.body_html(occ.item), DESCRIPTION_LIMIT))
    if text:
        parts.append(text)
    if occ.online and occ.online_link:
        parts.append(f"Delta digitalt: {occ.online_link}")
    parts.append(f"Mer information: {page}")
    return "\n\n".join(parts)


_FOLD_LIMIT = 74        # octets per physical line, as icalendar folds (RFC 5545: fewer than 75)
_ESCAPE_STARTS = b"\\^"  # icalendar never ends a folded line on the first byte of an escape


def fold(line: str) -> bytes:
    """One content line as the bytes icalendar writes (its _foldline, then UTF-8), but working on
    the encoded line instead of character by character: folding was most of a feed's build time.
    tests/feeds/test_calendar.py holds it to icalendar's own output."""
    data = line.encode("utf-8")
    if len(data) <= _FOLD_LIMIT:
        return data
    pieces = []
    start, size = 0, len(data)
    while size - start > _FOLD_LIMIT:
        end = start + _FOLD_LIMIT
        while data[end] & 0xC0 == 0x80:     # never inside a character: back to where it starts
            end -= 1
        if data[end - 1] in _ESCAPE_STARTS:  # '\\' or '^' moves to the next line with what it escapes
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


class _Event(icalendar.Event):
    """A VEVENT whose to_ical() folds with fold(): the same bytes as icalendar.Event's, faster."""

    def to_ical(self, sorted: bool = True) -> bytes:
        return b"\r\n".join(fold(line) for line in self.content_lines(sorted=sorted) if line) + b"\r\n"


def vevent(occ: Occurrence, site: Site, library: Library, revision: feedlock.Revision,
           tz: zoneinfo.ZoneInfo) -> icalendar.Event:
    config = site.config
    event = _Event()
    event.add("uid", _text(f"{occ.uid}@{config.host}"))
    # DTSTAMP comes from the lock, not the clock: the same input gives the same bytes.
    event.add("dtstamp", revision.last_modified)
    event.add("last-modified", revision.last_modified)
    event.add("sequence", revision.sequence)
    event.add("summary", _text(SUMMARY_PREFIXES.get(occ.status, "") + occ.title))
    if occ.all_day:
        event.add("dtstart", occ.first_day)
        # An all-day DTEND is exclusive: the day after the last one.
        event.add("dtend", occ.last_day + dt.timedelta(days=1))
    else:
        event.add("dtstart", occ.start.replace(tzinfo=tz))
        if occ.end is not None:
            # A timed start with an end day only: until that day is over.
            end = occ.end if isinstance(occ.end, dt.datetime) else dt.datetime.combine(
                occ.end + dt.timedelta(days=1), dt.time(0))
            event.add("dtend", end.replace(tzinfo=tz))
    page = urls.absolute(config, occ.url)
    event.add("description", _text(_description(occ, page, library)))
    event.add("url", page, parameters={"VALUE": "URI"})
    if _location(occ):
        event.add("location", _text(_location(occ)))
    categories = [occ.category.capitalize()] + [f.short_name for f in occ.federations]
    event.add("categories", [_text(c) for c in categories if c])
    event.add("status", STATUS_CODES.get(occ.status, "CONFIRMED"))
    event.add("class", "PUBLIC")
    # A cancelled event no longer blocks the time in people's calendars.
    event.add("transp", "TRANSPARENT" if occ.cancelled else "OPAQUE")
    return event


def feed_parts(site: Site, library: Library, feed: Feed, revisions: dict[str, feedlock.Revision], events,
               heads: dict) -> Iterator[bytes]:
    """One planned feed as a VCALENDAR, piece by piece: a big site's feed of every event is
    written away as it is made, never held whole. `events` (uid → VEVENT bytes: a dict, or the
    build's mapping over its cache, whose get() may say None) and `heads` are shared by the feeds of one build: each VEVENT
    is serialised once and spliced in (an event appears in the site feed, its federations' and
    projects' feeds and its own download, and folding its lines is the slow part of icalendar),
    and every single-event download shares one head."""
    config = site.config
    tz = zoneinfo.ZoneInfo(config.timezone)
    items, info = feed.items, feed.info
    if info not in heads:
        heads[info] = _calendar_head(site, info)
    yield heads[info][: -len(_CALENDAR_END)]
    timed = [o for o in items if not o.all_day]
    if timed:
        years = [o.first_day.year for o in timed] + [o.last_day.year for o in timed]
        yield _vtimezone_bytes(config.timezone, min(years), max(years))
    for occ in items:
        data = events.get(occ.uid)
        if data is None:
            data = events[occ.uid] = vevent(occ, site, library, revisions[occ.uid], tz).to_ical()
        yield data
    yield _CALENDAR_END


_CALENDAR_END = b"END:VCALENDAR\r\n"


def _calendar_head(site: Site, info: FeedInfo | None) -> bytes:
    """The VCALENDAR with its own properties and no components, as icalendar writes it."""
    config = site.config
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if info is not None:
        # Only subscriptions get a name: Outlook offers to open a named file as a new calendar
        # instead of adding its one event to the user's own.
        cal.add("name", _text(info.name))
        cal.add("x-wr-calname", _text(info.name))
        cal.add("description", _text(info.description))
        cal.add("x-wr-caldesc", _text(info.description))
        cal.add("x-wr-timezone", config.timezone)
        every = dt.timedelta(hours=config.feed.refresh_hours)
        cal.add("refresh-interval", icalendar.vDuration(every), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(every))
        cal.add("source", urls.absolute(config, urls.href(config, info.feed_path)), parameters={"VALUE": "URI"})
        cal.add("url", urls.absolute(config, urls.href(config, info.page_path)), parameters={"VALUE": "URI"})
    return cal.to_ical()   # ends with _CALENDAR_END, which feed_parts() cuts off


@lru_cache(maxsize=64)
def _vtimezone_bytes(name: str, first_year: int, last_year: int) -> bytes:
    return vtimezone(name, first_year, last_year).to_ical()


def revise(items: list[Occurrence], lock: feedlock.FeedLock, now: dt.datetime) -> dict[str, feedlock.Revision]:
    """Each occurrence's SEQUENCE and LAST-MODIFIED, raised in the lock where time, place or status changed."""
    return {occ.uid: lock.revise(occ.uid, occ.fingerprint(), now) for occ in items}
