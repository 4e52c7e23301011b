"""The Jinja2 environment, its filters, and the list of pages to render.

page_jobs() turns the resolved Site into a list of PageJob (site path, template, context);
render_job() turns one job into bytes. Templates only lay out what the context hands them.
What many pages show alike (a register row, a meeting in a list, the header) is a fragment,
rendered once per process (Fragments).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from types import SimpleNamespace
from itertools import groupby
from typing import Callable
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from . import occurrences, dates, urls
from .config import Config
from .markup import summary
from .model import Event, Meeting, Person, Site

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


class Fragments:
    """fragment(name, *args) in a template: macro `name` of _fragments.html, rendered once per
    process for the same arguments. A register row or a meeting in a list appears on many pages;
    a fragment macro sees only its arguments and the globals, so its bytes are the same each time.
    Arguments are told apart by identity and held, so an id is never reused while cached."""

    TEMPLATE = "_fragments.html"
    # Characters of fragments a process keeps. A row is shown again on pages rendered soon after
    # (a year's list, its federation's, the register's); kept for the whole build, every row of
    # a site of 5,000 meetings made each render worker about 20 MiB bigger.
    BUDGET = 4_000_000

    def __init__(self, env: jinja2.Environment):
        self.env = env
        self.module = None
        self.size = 0
        self.done: dict[tuple, tuple] = {}
        # fragment_lines: (name, ids of the other arguments) → ({id(item): (html, item)}, arguments)
        self.tables: dict[tuple, tuple[dict, tuple]] = {}

    def render(self, name: str, *args) -> Markup:
        """Macro `name` called with `args`. A missing macro or a wrong number of arguments is a
        template error, reported like any other, not a crash of the build."""
        if self.module is None:
            self.module = self.env.get_template(self.TEMPLATE).module
        macro = getattr(self.module, name, None)
        if not isinstance(macro, jinja2.runtime.Macro):
            raise jinja2.TemplateRuntimeError(f"{self.TEMPLATE} has no macro named {name!r}")
        try:
            return macro(*args)
        except TypeError as exc:
            raise jinja2.TemplateRuntimeError(f"{self.TEMPLATE}, macro {name!r}: {exc}") from None

    def clear(self) -> None:
        """Forget every fragment (the live preview changes a kept model)."""
        self.done.clear()
        self.tables.clear()
        self.size = 0

    def _within_budget(self) -> None:
        if self.size > self.BUDGET:
            self.clear()

    def __call__(self, name: str, *args) -> Markup:
        self._within_budget()
        key = (name, *map(id, args))
        hit = self.done.get(key)
        if hit is None:
            hit = self.done[key] = (self.render(name, *args), args)
            self.size += len(hit[0])
        return hit[0]

    def lines(self, name: str, items, *args) -> Markup:
        """fragment(name, item, *args) for each item, one a line. A register page has hundreds of
        rows: the loop is here, with one table per fragment and arguments, not in the template."""
        self._within_budget()
        key = (name, *map(id, args))
        table = self.tables.get(key)
        if table is None:
            table = self.tables[key] = ({}, args)
        done = table[0]
        html = []
        for item in items:
            hit = done.get(id(item))
            if hit is None:
                hit = done[id(item)] = (self.render(name, item, *args), item)
                self.size += len(hit[0])
            html.append(hit[0])
        return Markup("\n".join(html))


def make_environment(config: Config, static_files: dict[str, str],
                     bytecode_cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        bytecode_cache=bytecode_cache,
        # The site's own theme files first, then the built-in theme's (themes.py).
        loader=jinja2.FileSystemLoader([str(folder / "templates") for folder in config.theme_dirs]),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
        # An environment serves one build (a changed theme is a new build): no stat() of the
        # template files each time a page asks for its template or imports the macros.
        auto_reload=False,
    )
    env.filters.update(
        when=when, iso=iso, person=person_label, human_size=human_size, summary=summary,
        short_names=short_names, slugs=slugs, year_label=year_label,
        month=lambda pair: dates.format_month(*pair), day=dates.format_day, day_short=dates.format_day_short,
        absolute=lambda link: urls.absolute(config, link), webcal=lambda link: urls.webcal(config, link),
    )

    fragments = Fragments(env)

    def static(name: str) -> str:
        return urls.href(config, "/static/" + static_files[name])

    env.globals.update(static=static, href=lambda path: urls.href(config, path),
                       links=SimpleNamespace(**urls.section_links(config)),
                       config=config, menus=MenuStates(config), site_origin=_origin(config.base_url),
                       navigation=NAVIGATION,   # what themes written before `menus` read
                       fragment=fragments, fragment_lines=fragments.lines)
    return env


def _origin(base_url: str) -> str:
    """'https://example.se/sub/' → 'https://example.se' (printed pages spell out internal links)."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


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


LATEST_ON_PAGE = 10   # meetings and mentions on a federation's or project's page; the rest in its archive
MEETINGS_ON_LIST = 150  # /moten/ and a type's list show the latest years up to this many meetings


def _meeting_lists(site: Site, path: str, year_path, title: str, description: str, crumbs: list,
                   meetings: list[Meeting], context: dict, type_links: list[tuple],
                   type_filter: str | None) -> list[PageJob]:
    """A list of minutes split by year: `path` shows the latest years (up to MEETINGS_ON_LIST
    meetings, at least one year) and the year navigation, year_path(year) every year's meetings.
    type_links: (slug, label, url) of the type filter, slug None for every type."""
    config = site.config

    def filters(aria: str) -> list[MenuLink]:
        # A year page is within the filtered list, not the page its filter link leads to.
        return [MenuLink(label, url, aria if slug == type_filter else "") for slug, label, url in type_links]

    groups = group_by_year(meetings)
    counts = {year: len(group) for year, group in groups.items()}
    shown = [(year_label(year, UNDATED_LABEL), group)
             for year, group in latest_years(groups, MEETINGS_ON_LIST).items()]
    links = year_links(config, counts, year_path)
    jobs = [PageJob(path, "meetings.html", title, description=description, breadcrumbs=crumbs, context={
        **context, "years": shown, "year": False, "all_shown": len(shown) == len(groups),
        "year_links": links, "type_links": filters("page")})]
    year_filters = filters("true")
    for year, group in groups.items():
        label = year_label(year, UNDATED_LABEL)
        jobs.append(PageJob(year_path(year), "meetings.html", f"{title} {year_label(year)}",
                            description=f"{description.rstrip('.')}: {label.lower()}.",
                            breadcrumbs=crumbs + [(title, urls.href(config, path))],
                            context={**context, "years": [(label, group)], "year": year, "all_shown": False,
                                     "year_links": at_year(links, year), "type_links": year_filters}))
    return jobs


def _archive(site: Site, name: str, year_path, crumbs: list, meetings: list[Meeting], mentions: list,
             events: list[occurrences.Occurrence], federation=None) -> tuple[list[YearLink], list[PageJob]]:
    """A federation's or project's archive, one page a year: its meetings, its events and the
    minutes that name it. Their own page shows only the latest of each."""
    config = site.config
    meetings_by_year = group_by_year(meetings)
    mentions_by_year = group_by_year(mentions, lambda mention: mention.meeting)
    events_by_year: dict[int | None, list] = {}
    for occ in events:
        events_by_year.setdefault(occ.first_day.year, []).append(occ)
    years = newest_first(meetings_by_year, mentions_by_year, events_by_year)
    # Count what the year holds: each meeting once, whether it is one of the owner's or names it.
    counts = {y: len({id(m) for m in meetings_by_year.get(y, [])} | {id(m.meeting) for m in mentions_by_year.get(y, [])})
              + len(events_by_year.get(y, [])) for y in years}
    links = year_links(config, counts, year_path)
    jobs = []
    for year in years:
        label = year_label(year)
        jobs.append(PageJob(year_path(year), "archive.html", f"{name} {label}", breadcrumbs=crumbs,
                            description=f"{name}: möten, händelser och omnämnanden {label}.",
                            context={"name": name, "federation": federation, "year": year,
                                     "meetings": meetings_by_year.get(year, []),
                                     "events": events_by_year.get(year, []),
                                     "mentions": mentions_by_year.get(year, []),
                                     "year_links": at_year(links, year)}))
    return links, jobs


def page_jobs(site: Site, dated: list[occurrences.Occurrence]) -> list[PageJob]:
    config = site.config
    coming, past = occurrences.split_coming(dated, site.today)
    home_settings = config.home
    jobs: list[PageJob] = []

    jobs.append(PageJob("/", "home.html", config.title, description=config.description, context={
        "coming": coming[: int(home_settings.get("coming", 6))],
        "latest": site.meetings[: int(home_settings.get("latest", 5))],
        "projects": [p for p in site.projects if p.status == "pågående"],
        "federations": site.federations,
    }))

    crumbs_meetings = [("Start", urls.href(config, "/"))]
    type_links = [(None, "Alla", urls.href(config, urls.MEETINGS))]
    type_links += [(slug, label.capitalize(), urls.href(config, urls.meeting_type_path(slug)))
                   for slug, label in site.meeting_types]
    jobs += _meeting_lists(site, urls.MEETINGS, urls.meetings_year_path, "Möten och minnesanteckningar",
                           f"Alla minnesanteckningar från {config.title}, år för år.", crumbs_meetings,
                           site.meetings, {"federations": site.federations, "points_to_registers": True},
                           type_links, None)
    crumbs_meeting = crumbs_meetings + [("Möten", urls.href(config, urls.MEETINGS))]   # below the minutes list
    for type_slug, type_label in site.meeting_types:
        of_type = [m for m in site.meetings if m.type_slug == type_slug]
        jobs += _meeting_lists(site, urls.meeting_type_path(type_slug),
                               lambda year, slug=type_slug: urls.meeting_type_year_path(slug, year),
                               type_label.capitalize(), f"Minnesanteckningar: {type_label}.",
                               crumbs_meeting, of_type, {"federations": site.federations, "points_to_registers": False},
                               type_links, type_slug)
    for meeting in site.meetings:
        jobs.append(PageJob(urls.meeting_path(meeting.slug), "meeting.html", meeting.title, bodies=(meeting,),
                            later=functools.partial(_meeting_details, meeting, crumbs_meeting)))

    crumbs_projects = [("Start", urls.href(config, "/"))]
    jobs.append(PageJob(urls.PROJECTS, "projects.html", "Projekt", breadcrumbs=crumbs_projects,
                        description="Gemensamma projekt och satsningar.",
                        context={"groups": [(status, [p for p in site.projects if p.status == status])
                                            for status in ("pågående", "planerat", "avslutat")]}))
    for project in site.projects:
        mine = [o for o in dated if project in o.projects]
        coming_p, past_p = occurrences.split_coming(mine, site.today)
        crumbs = crumbs_projects + [("Projekt", urls.href(config, urls.PROJECTS))]
        archive, archive_jobs = _archive(site, project.name, lambda year, slug=project.slug: urls.project_year_path(slug, year),
                                         crumbs + [(project.name, project.url)], project.meetings,
                                         project.mentioned_in, [o for o in mine if o.kind == "event"])
        jobs.append(PageJob(urls.project_path(project.slug), "project.html", project.name,
                            description=project.summary or project.description or f"Projektet {project.name}.",
                            breadcrumbs=crumbs,
                            context={"project": project, "coming": coming_p, "past": past_p,
                                     "latest_meetings": project.meetings[:LATEST_ON_PAGE],
                                     "latest_mentions": project.mentioned_in[:LATEST_ON_PAGE], "archive": archive},
                            bodies=(project,)))
        jobs += archive_jobs

    crumbs_feds = [("Start", urls.href(config, "/"))]
    jobs.append(PageJob(urls.FEDERATIONS, "federations.html", "Förbund", breadcrumbs=crumbs_feds,
                        description="Samordningsförbunden som delar webbplatsen.",
                        context={"federations": site.federations}))
    for fed in site.federations:
        mine = [o for o in dated if fed in o.federations]
        coming_f, _past_f = occurrences.split_coming(mine, site.today)
        crumbs = crumbs_feds + [("Förbund", urls.href(config, urls.FEDERATIONS))]
        archive, archive_jobs = _archive(site, fed.short_name, lambda year, slug=fed.slug: urls.federation_year_path(slug, year),
                                         crumbs + [(fed.name, fed.url)], fed.meetings, fed.mentioned_in,
                                         [o for o in mine if o.kind == "event"], federation=fed)
        jobs.append(PageJob(urls.federation_path(fed.slug), "federation.html", fed.name,
                            description=fed.description or f"{fed.name}: möten, projekt och kalender.",
                            breadcrumbs=crumbs,
                            context={"federation": fed, "coming": coming_f,
                                     "feed_url": fed.feed_url,
                                     "calendar_url": urls.href(config, urls.federation_calendar_path(fed.slug)),
                                     "logo_url": fed.url + fed.logo if fed.logo else "",  # copied beside the page
                                     "latest_meetings": fed.meetings[:LATEST_ON_PAGE],
                                     "latest_mentions": fed.mentioned_in[:LATEST_ON_PAGE], "archive": archive},
                            bodies=(fed,)))
        jobs += archive_jobs

    from . import calendar_pages  # imported here: it builds on PageJob above
    jobs += calendar_pages.page_jobs(site, dated)
    from . import decision_pages  # /beslut/ and /uppdrag/, same pattern
    jobs += decision_pages.page_jobs(site)

    for page in site.pages:
        jobs.append(PageJob(urls.page_path(page.slug), "page.html", page.title,
                            description=page.description or summary(page.body_html),
                            breadcrumbs=[("Start", urls.href(config, "/"))], context={"page": page},
                            bodies=(page,)))

    jobs.append(PageJob(urls.SEARCH, "search.html", "Sök", breadcrumbs=[("Start", urls.href(config, "/"))],
                        description="Sök bland minnesanteckningar, projekt, händelser och förbund.",
                        context={"pagefind_url": urls.href(config, "/pagefind/pagefind.js"),
                                 "search_base": urls.href(config, "/")}))

    jobs.append(PageJob("/404.html", "404.html", "Sidan finns inte",
                        description="Sidan du sökte finns inte här."))
    return jobs


def _meeting_details(meeting: Meeting, breadcrumbs: list[tuple[str, str]]) -> dict:
    return {"description": meeting.description or f"{meeting.type.capitalize()}, {when(meeting)}.",
            "breadcrumbs": breadcrumbs,
            "context": {"meeting": meeting, "occurrence": occurrences.meeting_occurrence(meeting)}}


def render_job(env: jinja2.Environment, site: Site, job: PageJob) -> bytes:
    job = job.resolved()
    template = env.get_template(job.template)
    html = template.render(site=site, job=job, canonical=urls.absolute(site.config, urls.href(site.config, job.path)),
                           current=job.path, **job.context)
    return html.encode("utf-8")
