"""The URL of every object, in one place: templates never build URLs by hand.

`url` attributes are hrefs that already carry the site's base path, so a site published
under https://example.se/natverket/ links correctly; `absolute()` gives the full address for
canonical links, feeds and the sitemap.
"""
from __future__ import annotations

from generator.content.config import Config

MEETINGS = "/moten/"
PROJECTS = "/projekt/"
FEDERATIONS = "/forbund/"
CALENDAR = "/kalender/"
EVENTS = "/handelser/"
CALENDAR_FEED = "/kalender.ics"
SEARCH = "/sok/"
DECISIONS = "/beslut/"
ASSIGNMENTS = "/uppdrag/"
MEETINGS_FEED = "/moten/feed.xml"


SECTIONS = {  # the site's fixed addresses, by the name templates use: links.meetings, links.search, …
    "home": "/", "meetings": MEETINGS, "projects": PROJECTS, "federations": FEDERATIONS,
    "calendar": CALENDAR, "calendar_feed": CALENDAR_FEED, "search": SEARCH, "decisions": DECISIONS,
    "assignments": ASSIGNMENTS, "meetings_feed": MEETINGS_FEED,
}


def section_links(config: Config) -> dict[str, str]:
    return {name: href(config, path) for name, path in SECTIONS.items()}


def href(config: Config, path: str) -> str:
    """A site path ('/moten/') as a link under the base path ('/sub/moten/')."""
    return config.base_path + path


def absolute(config: Config, link: str) -> str:
    """A link from href() as a full address."""
    base = config.base_url.rstrip("/")
    path = link[len(config.base_path):] if config.base_path and link.startswith(config.base_path) else link
    if base.startswith("http"):
        return base + path
    return path


def webcal(config: Config, link: str) -> str:
    """A feed's href as the webcal:// address that opens a subscription in calendar apps."""
    full = absolute(config, link)
    for scheme in ("https://", "http://"):
        if full.startswith(scheme):
            return "webcal://" + full[len(scheme):]
    return full


def meeting_path(slug: str) -> str:
    return f"{MEETINGS}{slug}/"


def meeting_type_path(type_slug: str) -> str:
    return f"{MEETINGS}typ/{type_slug}/"


def meeting_type_year_path(type_slug: str, year: int | None) -> str:
    return meeting_type_path(type_slug) + year_segment(year)


def meetings_year_path(year: int | None) -> str:
    """The minutes of one year: /moten/2021/ (/moten/utan-datum/ for meetings without a date)."""
    return MEETINGS + year_segment(year)


def federation_year_path(slug: str, year: int | None) -> str:
    """A federation's archive of one year: its meetings and the minutes naming it."""
    return f"{FEDERATIONS}{slug}/" + year_segment(year)


def project_year_path(slug: str, year: int | None) -> str:
    return f"{PROJECTS}{slug}/" + year_segment(year)


def project_path(slug: str) -> str:
    return f"{PROJECTS}{slug}/"


def federation_path(slug: str) -> str:
    return f"{FEDERATIONS}{slug}/"


def event_path(slug: str) -> str:
    return f"{EVENTS}{slug}/"


def page_path(slug: str) -> str:
    return f"/{slug}/"


def month_path(year: int, month: int) -> str:
    return f"{CALENDAR}{year:04d}/{month:02d}/"


def calendar_past_path(year: int | None = None) -> str:
    """/kalender/tidigare/ (the latest year), or one earlier year: /kalender/tidigare/2019/."""
    return f"{CALENDAR}tidigare/" + (f"{year:04d}/" if year is not None else "")


def federation_calendar_path(slug: str) -> str:
    """The calendar filtered to one federation: works without JavaScript."""
    return f"{CALENDAR}forbund/{slug}/"


def single_event_feed_path(page_path: str, slug: str) -> str:
    """The "Lägg till i kalender" file beside an event's or meeting's page."""
    return f"{page_path}{slug}.ics"


def federation_feed_path(slug: str) -> str:
    return f"{FEDERATIONS}{slug}/kalender.ics"


def project_feed_path(slug: str) -> str:
    return f"{PROJECTS}{slug}/kalender.ics"


def output_file(path: str) -> str:
    """'/moten/x/' → 'moten/x/index.html'; '/kalender.ics' → 'kalender.ics'."""
    relative = path.lstrip("/")
    if relative == "" or relative.endswith("/"):
        return relative + "index.html"
    return relative


UNDATED = "utan-datum"   # the year segment of what comes from meetings without any date


def year_segment(year: int | None) -> str:
    """'2021/', or 'utan-datum/' for meetings whose date is not known at all."""
    return f"{UNDATED if year is None else f'{year:04d}'}/"


def decisions_path(federation_slug: str | None = None) -> str:
    """/beslut/, or the decisions of one federation's meetings: /beslut/<slug>/."""
    return f"{DECISIONS}{federation_slug}/" if federation_slug else DECISIONS


def decisions_year_path(federation_slug: str | None, year: int | None) -> str:
    """One year of the register: /beslut/2021/, /beslut/<slug>/2021/ (year None: utan-datum/)."""
    return decisions_path(federation_slug) + year_segment(year)


def assignments_path(federation_slug: str | None = None) -> str:
    return f"{ASSIGNMENTS}{federation_slug}/" if federation_slug else ASSIGNMENTS


def assignments_year_path(federation_slug: str | None, year: int | None) -> str:
    return assignments_path(federation_slug) + year_segment(year)


def federation_atom_path(slug: str) -> str:
    return f"{FEDERATIONS}{slug}/feed.xml"


def in_page(link: str, anchor: str) -> str:
    """A link to a place inside a page: '/moten/x/' + 'punkt-5' → '/moten/x/#punkt-5'."""
    return f"{link}#{anchor}"
