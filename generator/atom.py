"""Atom feeds (RFC 4287) of minutes: /moten/feed.xml and /forbund/<slug>/feed.xml.

For people who follow the site in a feed reader or through e-mail services that read feeds.
Every value comes from the content, so the same input gives the same bytes:
- an entry's id is a urn:uuid derived from the meeting's uid, so it survives edits, renames
  and a move to another address;
- its `updated` is the meeting's own date (and start time) in the site's time zone. A date whose
  day is lost counts from the first day of the month or year it gives; a meeting with no date at
  all stays out of the feeds rather than get an invented one (it is still on the site);
- the feed's `updated` is its newest entry's.
"""
from __future__ import annotations

import datetime as dt
import heapq
import html
import uuid
import zoneinfo

from . import urls
from .dates import format_when
from .markup import summary
from .pasted import xml_safe
from .model import Meeting, Site

ATOM_NS = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"  # a feed without entries still needs a fixed timestamp
SUMMARY_LIMIT = 300


def meeting_entry_id(meeting: Meeting) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:sitegen:meeting:{meeting.uid}"))


def feed_id(base_url: str, path: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, base_url.rstrip("/") + path))


def meeting_timestamp(meeting: Meeting, timezone: str) -> str | None:
    """RFC 3339 time of a meeting for `updated`, or None when the meeting has no date."""
    if meeting.date is None:
        return None
    day = dt.date(meeting.date.year, meeting.date.month or 1, meeting.date.day or 1)
    time = meeting.start if meeting.date.is_full and meeting.start else dt.time(0)
    moment = dt.datetime.combine(day, time, zoneinfo.ZoneInfo(timezone))
    return moment.isoformat(timespec="seconds")


def _entry_summary(meeting: Meeting) -> str:
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
        n = len([d for d in meeting.decisions if d.kind == kind])
        if n:
            counted.append(f"{n} {one if n == 1 else many}")
    if counted:
        text += " " + ", ".join(counted).capitalize() + "."
    body = summary(meeting.body_html, SUMMARY_LIMIT)
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


def _entry(site: Site, meeting: Meeting, updated: str) -> str:
    link = urls.absolute(site.config, meeting.url)
    lines = [
        "  <entry>",
        f"    <id>{escape(meeting_entry_id(meeting))}</id>",
        f"    <title>{escape(meeting.title)}</title>",
        f"    <updated>{updated}</updated>",
        f"    <published>{updated}</published>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>",
        f"    <category term={quoteattr(meeting.type_slug)} label={quoteattr(meeting.type.capitalize())}/>",
        f"    <summary type=\"text\">{escape(_entry_summary(meeting))}</summary>",
        "  </entry>",
    ]
    return "\n".join(lines)


def newest(site: Site, meetings: list[Meeting]) -> list[tuple[Meeting, str]]:
    """The meetings a feed shows, newest first, each with its timestamp."""
    # The newest of those with a date (meeting_timestamp needs one); the keys are unique (the slug).
    shown = heapq.nlargest(MAX_ENTRIES, [m for m in meetings if m.date is not None],
                           key=lambda m: (m.sort_key, m.slug))
    return [(m, meeting_timestamp(m, site.config.timezone)) for m in shown]


def feed(site: Site, path: str, title: str, alternate: str, dated: list[tuple[Meeting, str]]) -> bytes:
    """One Atom feed at the site path `path` of the entries newest() chose."""
    config = site.config
    updated = max((stamp for _, stamp in dated),
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
    body = [_entry(site, meeting, stamp) for meeting, stamp in dated]
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

