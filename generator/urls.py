"""The URL of every object, in one place: templates never build URLs by hand.

`url` attributes are hrefs that already carry the site's base path, so a site published
under https://example.se/natverket/ links correctly; `absolute()` gives the full address for
canonical links, feeds and the sitemap.
"""
from __future__ import annotations

from .config import Config

MEETINGS = "/moten/"
PROJECTS = "/projekt/"
FEDERATIONS = "/forbund/"
CALENDAR = "/kalender/"
EVENTS = "/handelser/"
CALENDAR_FEED = "/kalender.ics"
SEARCH = "/sok/"


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


def meeting_path(slug: str) -> str:
    return f"{MEETINGS}{slug}/"


def meeting_type_path(type_slug: str) -> str:
    return f"{MEETINGS}typ/{type_slug}/"


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


def assign(config: Config, federations, projects, meetings, events, pages) -> None:
    for fed in federations:
        fed.url = href(config, federation_path(fed.slug))
        fed.feed_url = href(config, federation_feed_path(fed.slug))
    for project in projects:
        project.url = href(config, project_path(project.slug))
        project.feed_url = href(config, project_feed_path(project.slug))
    for meeting in meetings:
        meeting.url = href(config, meeting_path(meeting.slug))
    for event in events:
        event.url = href(config, event_path(event.slug))
    for page in pages:
        page.url = href(config, page_path(page.slug))
