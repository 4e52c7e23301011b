"""What every page family shares: the PageJob (site path, template, context), the menus, and the
helpers that turn records into what templates show (dates, names, sizes, year groups)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import Callable


from generator.feeds import occurrences
from generator.text import dates
from generator.content import urls
from generator.content.config import Config
from generator.content.model import Event, Meeting, Person, Site

NAVIGATION = [
    ("Start", "/"),
    ("Möten", urls.MEETINGS),
    ("Kalender", urls.CALENDAR),
    ("Projekt", urls.PROJECTS),
    ("Förbund", urls.FEDERATIONS),
    ("Sök", urls.SEARCH),
]


@dataclass(frozen=True)
class MenuLink:
    """A link of a menu or a filter. Whether it is current is decided here, not in the template."""
    label: str
    url: str
    aria_current: str      # "page" on the page it leads to, "true" elsewhere in its section, "" otherwise


@dataclass(frozen=True)
class Menus:
    """The header's and the footer's links as one page shows them."""
    main: tuple[MenuLink, ...]
    footer: tuple[MenuLink, ...]     # the content pages with a menu position
    at_home: bool


class MenuStates:
    """menus(site, current) in a template: the Menus of the page at site path `current`. Pages
    differ in them only by the section they are in, so each state is made once and is the same
    object: the header and the footer are fragments rendered once per state, not once per page."""

    def __init__(self, config: Config):
        self.config = config
        self.main = [(label, path, urls.href(config, path)) for label, path in NAVIGATION]
        self.site: Site | None = None
        self.footer: list[tuple[str, str]] = []
        self.states: dict[tuple, Menus] = {}

    def __call__(self, site: Site, current: str) -> Menus:
        if site is not self.site:
            self.site, self.footer, self.states = site, [(page.title, page.url) for page in site.menu_pages], {}
        here = urls.href(self.config, current)
        main = tuple("page" if current == path else "true" if path != "/" and current.startswith(path) else ""
                     for _, path, _ in self.main)
        footer = tuple("page" if url == here else "" for _, url in self.footer)
        key = (main, footer, current == "/")
        menus = self.states.get(key)
        if menus is None:
            menus = self.states[key] = Menus(
                tuple(MenuLink(label, url, state) for (label, _, url), state in zip(self.main, main)),
                tuple(MenuLink(label, url, state) for (label, url), state in zip(self.footer, footer)),
                current == "/")
        return menus


ROLE_LABELS = {
    "ordförande": "ordförande", "ordf": "ordförande", "vice ordförande": "vice ordförande",
    "fc": "förbundschef", "förbundschef": "förbundschef",
}


@dataclass(slots=True)
class PageJob:
    path: str                      # site path without base: '/moten/x/'
    template: str
    title: str
    context: dict = field(default_factory=dict)
    description: str = ""
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)  # (label, href) before the page
    # The items whose Markdown body this page shows. Everything else a page shows comes from front
    # matter and the minutes' facts, which the build cache fingerprints for the whole site; a body
    # edit re-renders only the pages listing that item here.
    bodies: tuple = ()
    # The fields above that are made only when the page is rendered (see resolved()): thousands
    # of meeting and event pages would otherwise hold their context and description all at once.
    later: Callable[[], dict] | None = None

    def resolved(self) -> "PageJob":
        """This job with every field made (the job itself when none is left for later)."""
        return self if self.later is None else dataclasses.replace(self, later=None, **self.later())


# ---------- filters ----------

def person_label(person: Person | None, publish_names: bool = True) -> str:
    """'Lotta Lindblad Söderman (ordförande, Roslagen)', or without the name when not published."""
    if person is None:
        return ""
    if publish_names and person.name:
        details = ", ".join(_details(person))
        return f"{person.name} ({details})" if details else person.name
    return role_label(person) or "Namn ej publicerat"


def _details(person: Person) -> list[str]:
    return [d for d in (person.role, person.federation.short_name if person.federation else None) if d]


def role_label(person: Person) -> str:
    """'Förbundschef, Roslagen': a person without the name; '' when neither role nor federation is known."""
    label = ", ".join(_details(person))
    return label[:1].upper() + label[1:]  # str.capitalize() would lower-case the federation


def when(item) -> str:
    """Swedish date and time of a meeting, event or occurrence."""
    if isinstance(item, Meeting):
        return dates.format_when(item.date, item.start, item.end)
    if isinstance(item, (Event, occurrences.Occurrence)):
        return dates.format_range(item.start, item.end)
    if isinstance(item, dates.PartialDate):
        return dates.format_partial(item)
    if isinstance(item, dt.date):
        return dates.format_day(item)
    return str(item)


def iso(item) -> str:
    """Machine-readable date for <time datetime>."""
    if isinstance(item, Meeting):
        if item.date is None:
            return ""
        if item.date.is_full and item.start:
            return f"{item.date.iso()}T{item.start:%H:%M}"
        return item.date.iso()
    if isinstance(item, (Event, occurrences.Occurrence)):
        return item.start.strftime("%Y-%m-%dT%H:%M") if isinstance(item.start, dt.datetime) else item.start.isoformat()
    if isinstance(item, dates.PartialDate):
        return item.iso()
    if isinstance(item, dt.date):
        return item.isoformat()
    return ""


def short_names(federations) -> str:
    """'Roslagen, Sundbyberg' (what |map(attribute="short_name")|join(", ") gives, at a fraction
    of the cost: lists of meetings show it for every meeting)."""
    return ", ".join([f.short_name for f in federations])


def slugs(items) -> str:
    """'roslagen sundbyberg': the slugs for a data- attribute."""
    return " ".join([item.slug for item in items])


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB".replace(".", ",")
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


# ---------- the pages ----------

UNDATED_LABEL = "Datum ej fastställt"   # the link or heading of what comes from meetings without a date
UNDATED_TEXT = "utan datum"             # the same within a title or a sentence: "Beslut utan datum"


def year_label(year: int | None, undated: str = UNDATED_TEXT) -> str:
    """'2021', or `undated` for the year of meetings without a date."""
    return undated if year is None else str(year)


@dataclass(slots=True)
class YearLink:
    """One entry of a year navigation: '2021 (34)', linking to that year's page."""
    year: int | None          # None: meetings without any date
    label: str
    url: str
    count: int
    is_current: bool = False


def meeting_year(meeting: Meeting) -> int | None:
    return meeting.date.year if meeting.date else None


def group_by_year(items: list, meeting_of=lambda item: item) -> dict[int | None, list]:
    """Items (newest first) by the year of their meeting: newest year first, no date last."""
    groups: dict[int | None, list] = {}
    for item in items:
        groups.setdefault(meeting_year(meeting_of(item)), []).append(item)
    return {year: groups[year] for year in newest_first(groups)}


def newest_first(*groupings: dict) -> list[int | None]:
    """Every year of one or more groupings by year: newest first, no date last."""
    return sorted(set().union(*groupings), key=lambda year: -1 if year is None else year, reverse=True)


def year_links(config: Config, counts: dict[int | None, int], path_of) -> list[YearLink]:
    """The year navigation of a list split by year; `path_of(year)` gives each year's site path."""
    return [YearLink(year, year_label(year, UNDATED_LABEL), urls.href(config, path_of(year)), count)
            for year, count in counts.items()]


def latest_years(groups: dict, limit: int) -> dict:
    """The first groups of `groups` (newest year first): as many years as hold at most `limit` items
    together, and at least one, so a first page never comes out empty while older years exist."""
    shown: dict = {}
    total = 0
    for year, group in groups.items():
        if shown and total + len(group) > limit:
            break
        shown[year] = group
        total += len(group)
    return shown


def at_year(links: list[YearLink], year: int | None) -> list[YearLink]:
    """The same navigation on the page of one year, which it marks as the current one."""
    return [YearLink(link.year, link.label, link.url, link.count, link.year == year) for link in links]


def by_month(items: list[occurrences.Occurrence]) -> list[tuple[tuple[int, int], list[occurrences.Occurrence]]]:
    return [(key, list(group)) for key, group in groupby(items, key=lambda o: (o.first_day.year, o.first_day.month))]




