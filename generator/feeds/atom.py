"""Atom feeds (RFC 4287) of minutes: /moten/feed.xml and /forbund/<slug>/feed.xml.

For people who follow the site in a feed reader or through e-mail services that read feeds.
Every value comes from the content and calendar.lock, so the same input gives the same bytes:
- an entry's id is a urn:uuid derived from the meeting's uid, so it survives edits, renames
  and a move to another address;
- its `published` is when the minutes reached the site and its `updated` when their file last
  changed there, from calendar.lock's `minutes` section (feedlock.Publication), which the build
  keeps and the content's repository commits: a fresh clone gives the same dates. Minutes added
  today for a meeting last spring are new today, at the top of a reader, not months down;
- the meeting's own date is in the entry's summary and content;
- a feed lists the minutes most recently published or changed, and its `updated` is its newest
  entry's.
When calendar.lock has no `minutes` section yet, each set of minutes counts as published on its
meeting's day (start time, else the day's start; a lost day counts from the first of the month):
what the feeds showed before the record existed. Minutes without any date then count from the
build's time, like minutes added later.
"""
from __future__ import annotations

import datetime as dt
import heapq
import html
import uuid
import zoneinfo
from dataclasses import dataclass

from generator.content import urls
from generator.text.dates import format_when
from generator.feeds.feedlock import FeedLock, fingerprint
from generator.minutes.library import Library
from generator.minutes.markup import summary
from generator.text.pasted import xml_safe
from generator.content.model import Meeting, Site

ATOM_NS = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"  # a feed without entries still needs a fixed timestamp
SUMMARY_LIMIT = 300


def meeting_entry_id(meeting: Meeting) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:sitegen:meeting:{meeting.uid}"))


def feed_id(base_url: str, path: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, base_url.rstrip("/") + path))


@dataclass(frozen=True)
class Stamps:
    """An entry's RFC 3339 times, in the site's time zone."""
    published: str
    updated: str

    @property
    def sort_key(self) -> tuple[dt.datetime, dt.datetime]:
        return dt.datetime.fromisoformat(self.updated), dt.datetime.fromisoformat(self.published)


def meeting_moment(meeting: Meeting, timezone: str) -> dt.datetime | None:
    """When a meeting began (its day's start when the time is unknown), or None without a date."""
    if meeting.date is None:
        return None
    day = dt.date(meeting.date.year, meeting.date.month or 1, meeting.date.day or 1)
    time = meeting.start if meeting.date.is_full and meeting.start else dt.time(0)
    return dt.datetime.combine(day, time, zoneinfo.ZoneInfo(timezone))


def minutes_fingerprint(meeting: Meeting) -> str:
    """What counts as a change of published minutes: the file's bytes and its attachments."""
    text = meeting.source.digest or fingerprint(meeting.source.meta_digest, meeting.body)
    return fingerprint(text, [(a.name, a.size) for a in meeting.attachments])


def publish(site: Site, lock: FeedLock, now: dt.datetime) -> dict[str, Stamps]:
    """Every meeting's Atom times by uid, recording new and changed minutes in `lock`."""
    zone = zoneinfo.ZoneInfo(site.config.timezone)
    seeding = not lock.minutes_recorded
    found: dict[str, Stamps] = {}
    for meeting in sorted(site.meetings, key=lambda m: m.uid):
        first = meeting_moment(meeting, site.config.timezone) if seeding else None
        if first is not None:
            first = min(first, now)   # minutes of a coming meeting were not published before today
        publication = lock.publish(meeting.uid, minutes_fingerprint(meeting), now, first)
        found[meeting.uid] = Stamps(publication.published.astimezone(zone).isoformat(timespec="seconds"),
                                    publication.updated.astimezone(zone).isoformat(timespec="seconds"))
    if lock.minutes is None:   # a site without minutes still records that the record has begun
        lock.minutes = {}
    return found


def _entry_summary(meeting: Meeting, library: Library) -> str:
    facts = [meeting.type.capitalize(), format_when(meeting.date, meeting.start, meeting.end)]
    if meeting.location:
        facts.append(meeting.location)
    if meeting.federations:
        facts.append(", ".join(f.short_name for f in meeting.federations))
    if meeting.cancelled:
        facts.append("inställt")
    text = ", ".join(facts) + "."
    counted = []
    for kind, one, many in (("beslut", "beslut", "beslut"), ("uppdrag", "uppdrag", "uppdrag"),
                            ("bordlagt", "bordlagd fråga", "bordlagda frågor")):
        n = len([d for d in library.decisions_of(meeting) if d.kind == kind])
        if n:
            counted.append(f"{n} {one if n == 1 else many}")
    if counted:
        text += " " + ", ".join(counted).capitalize() + "."
    body = summary(library.body_html(meeting), SUMMARY_LIMIT)
    return f"{text} {body}".strip()


def escape(text: str) -> str:
    """XML character data, as xml.sax.saxutils.escape writes it (html.escape without quotes).
    That module imports urllib.request, and with it ssl, http.client and email: 35 ms and 2 MiB
    of every build that writes a feed. Characters XML 1.0 forbids are dropped: content is cleaned
    when it is read (pasted.py), and a feed must stay readable whatever slipped past that."""
    return html.escape(xml_safe(text), quote=False)


def quoteattr(text: str) -> str:
    """An XML attribute value with its quotes, as xml.sax.saxutils.quoteattr writes it."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def _entry_content(meeting: Meeting, link: str, summary_text: str) -> str:
    """The entry's HTML: the meeting's date first (the entry's own dates say when the minutes were
    published), then the summary and a link to the minutes."""
    when = format_when(meeting.date, meeting.start, meeting.end) if meeting.date else "okänt"
    parts = [f"<p><strong>Mötesdatum:</strong> {html.escape(when)}</p>"]
    if meeting.date_note:
        parts.append(f"<p>{html.escape(meeting.date_note)}</p>")
    parts.append(f"<p>{html.escape(summary_text)}</p>")
    parts.append(f'<p><a href="{html.escape(link)}">Läs minnesanteckningarna</a></p>')
    return "".join(parts)


def _entry(site: Site, library: Library, meeting: Meeting, stamps: Stamps) -> str:
    link = urls.absolute(site.config, meeting.url)
    summary_text = _entry_summary(meeting, library)   # shown twice: its body's HTML is read once
    lines = [
        "  <entry>",
        f"    <id>{escape(meeting_entry_id(meeting))}</id>",
        f"    <title>{escape(meeting.title)}</title>",
        f"    <published>{stamps.published}</published>",
        f"    <updated>{stamps.updated}</updated>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>",
        f"    <category term={quoteattr(meeting.type_slug)} label={quoteattr(meeting.type.capitalize())}/>",
        f"    <summary type=\"text\">{escape(summary_text)}</summary>",
        f"    <content type=\"html\">{escape(_entry_content(meeting, link, summary_text))}</content>",
        "  </entry>",
    ]
    return "\n".join(lines)


def newest(site: Site, meetings: list[Meeting], stamps: dict[str, Stamps]) -> list[tuple[Meeting, Stamps]]:
    """The meetings a feed shows: the most recently published or changed first, each with its times."""
    # Ties (minutes published together) go by the meeting's own date; the slug makes keys unique.
    shown = heapq.nlargest(MAX_ENTRIES, meetings, key=lambda m: (stamps[m.uid].sort_key, m.sort_key, m.slug))
    return [(m, stamps[m.uid]) for m in shown]


def feed(site: Site, library: Library, path: str, title: str, alternate: str,
         dated: list[tuple[Meeting, Stamps]]) -> bytes:
    """One Atom feed at the site path `path` of the entries newest() chose."""
    config = site.config
    updated = max((stamps.updated for _, stamps in dated),
                  key=lambda s: dt.datetime.fromisoformat(s), default=EMPTY_FEED_UPDATED)
    author = [f"    <name>{escape(config.organisation or config.title)}</name>"]
    if config.contact.get("email"):
        author.append(f"    <email>{escape(config.contact['email'])}</email>")
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f"<feed xmlns=\"{ATOM_NS}\" xml:lang={quoteattr(config.language)}>",
        f"  <id>{escape(feed_id(config.base_url, path))}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(config.description or config.title)}</subtitle>",
        f"  <updated>{updated}</updated>",
        "  <author>", *author, "  </author>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(urls.absolute(config, urls.href(config, path)))}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(urls.absolute(config, alternate))}/>",
        "  <generator>sitegen</generator>",
    ]
    body = [_entry(site, library, meeting, stamp) for meeting, stamp in dated]
    return ("\n".join(head + body + ["</feed>"]) + "\n").encode("utf-8")


def planned(site: Site) -> list[tuple[str, str, str, list[Meeting]]]:
    """(site path, title, page it stands for, meetings) of every Atom feed: the site's and each
    federation's."""
    config = site.config
    plans = [(urls.MEETINGS_FEED, f"Nya minnesanteckningar – {config.title}", urls.href(config, urls.MEETINGS),
              site.meetings)]
    for fed in site.federations:
        plans.append((urls.federation_atom_path(fed.slug), f"Nya minnesanteckningar – {fed.name}", fed.url,
                      fed.meetings))
    return plans

