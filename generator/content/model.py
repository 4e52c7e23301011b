"""The resolved site: Federation, Project, Meeting, Event, Page and the Site that holds them.

build_site() validates every source, resolves every reference (federation and project names,
aliases and slugs become objects) and links each object to those that concern it, collecting
every problem of every file before it gives up. Templates, the calendar and the feeds read this
model and never look at raw front matter.

The resolved model is frozen: records are frozen dataclasses, and their lists become tuples once
build_site has linked them. What later stages find (each body's HTML, what minutes hold, how
meetings relate) lives beside the model in a minutes.library.Library, keyed by record.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping
from urllib.parse import quote

from generator.text import contrast
from generator.content import schema, urls
from generator.content.config import Config
from generator.text.dates import PartialDate
from generator.errors import Problem
from generator.i18n import N_, _
from generator.text.pasted import clean_field_text
from generator.text.slugs import slugify
from generator.content.sources import Source


@dataclass(eq=False, slots=True, frozen=True)
class Person:
    name: str | None
    role: str | None = None
    federation: "Federation | None" = None


@dataclass(eq=False, slots=True, frozen=True)
class PeopleGroup:
    label: str | None
    federation: "Federation | None"
    people: tuple[Person, ...]


# The model's records use slots: a meeting has more fields than Python shares the keys of in
# instance dicts (30), so each meeting's dict took 1.5 KB, 7 MiB at 5,000 meetings.
@dataclass(eq=False, slots=True, frozen=True)
class Item:
    source: Source
    slug: str
    url: str = ""                       # href including the site's base path
    description: str = ""

    @property
    def rel(self) -> str:
        return self.source.rel

    @property
    def body(self) -> str:
        """The Markdown, as the source file has it."""
        return self.source.body


@dataclass(eq=False, slots=True, frozen=True)
class Federation(Item):
    name: str = ""
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    region: str = ""
    members: tuple[str, ...] = ()
    manager: str = ""
    website: str = ""
    contact: Mapping[str, str] = field(default_factory=dict)   # read-only once made (_read_only)
    color: str = ""
    logo: str = ""
    feed_url: str = ""
    atom_url: str = ""                  # the federation's feed of new minutes
    decisions_url: str = ""             # /beslut/<slug>/ and /uppdrag/<slug>/
    assignments_url: str = ""
    meetings: tuple["Meeting", ...] = ()
    projects: tuple["Project", ...] = ()
    events: tuple["Event", ...] = ()


@dataclass(eq=False, slots=True, frozen=True)
class Project(Item):
    name: str = ""
    aliases: tuple[str, ...] = ()
    status: str = "pågående"
    start: PartialDate | None = None
    end: PartialDate | None = None
    owner: Federation | None = None
    federations: tuple[Federation, ...] = ()
    funding: str = ""
    contact: Mapping[str, str] = field(default_factory=dict)   # read-only once made (_read_only)
    summary: str = ""
    feed_url: str = ""
    meetings: tuple["Meeting", ...] = ()
    events: tuple["Event", ...] = ()
    attachments: tuple["Attachment", ...] = ()


@dataclass(eq=False, slots=True, frozen=True)
class Meeting(Item):
    uid: str = ""
    title: str = ""
    type: str = ""
    type_slug: str = ""
    date: PartialDate | None = None
    date_note: str = ""
    start: dt.time | None = None
    end: dt.time | None = None
    location: str = ""
    online: bool = False
    online_link: str = ""
    federations: tuple[Federation, ...] = ()
    chair: Person | None = None
    secretary: Person | None = None
    present: tuple[PeopleGroup, ...] = ()
    absent: tuple[PeopleGroup, ...] = ()
    guests: tuple[PeopleGroup, ...] = ()
    projects: tuple[Project, ...] = ()
    publish_names: bool = True
    cancelled: bool = False
    source_name: str = ""
    not_in_original: tuple[str, ...] = ()   # fields the original minutes do not record
    attachments: tuple["Attachment", ...] = ()
    announced_events: tuple["Event", ...] = ()

    @property
    def sort_key(self):
        return (self.date.sort_key() if self.date else (0, 0, 0), self.start or dt.time(0), self.slug)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def people(self) -> list[Person]:
        """Every person the front matter names: chair, secretary, present, absent, guests."""
        found = [p for p in (self.chair, self.secretary) if p is not None]
        for groups in (self.present, self.absent, self.guests):
            for group in groups:
                found.extend(group.people)
        return found


class TimeSpan:
    """Days and times of something with `start` (a date, or a date and time) and optional `end`."""
    __slots__ = ()
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None

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
    def start_moment(self) -> dt.datetime:
        """The start as a date and time (midnight for a whole day), for sorting."""
        return self.start if isinstance(self.start, dt.datetime) else dt.datetime.combine(self.start, dt.time(0))


@dataclass(eq=False, slots=True, frozen=True)
class Event(TimeSpan, Item):
    uid: str = ""
    title: str = ""
    start: dt.date | dt.datetime | None = None
    end: dt.date | dt.datetime | None = None
    location: str = ""
    online: bool = False
    online_link: str = ""
    federations: tuple[Federation, ...] = ()
    projects: tuple[Project, ...] = ()
    status: str = "bekräftad"
    announced_in: Meeting | None = None
    note: str = ""

    @property
    def sort_key(self):
        return (self.start_moment, self.slug)


@dataclass(eq=False, slots=True, frozen=True)
class Page(Item):
    title: str = ""
    menu: int | None = None


@dataclass(eq=False, frozen=True)
class Attachment:
    name: str
    path: Path
    url: str
    size: int
    kind: str          # "PDF", "Bild", …
    # What keeps the file from being accessible (documents.py, read as the model is built): the
    # findings, and the same in Swedish for the pages.
    findings: tuple = ()
    accessibility: tuple[str, ...] = ()


@dataclass(eq=False, frozen=True)
class Site:
    config: Config
    today: dt.date
    federations: tuple[Federation, ...]
    projects: tuple[Project, ...]
    meetings: tuple[Meeting, ...]          # newest first
    events: tuple[Event, ...]              # soonest first
    pages: tuple[Page, ...]

    def federation(self, slug: str) -> Federation | None:
        return next((f for f in self.federations if f.slug == slug), None)

    def project(self, slug: str) -> Project | None:
        return next((p for p in self.projects if p.slug == slug), None)

    def meeting(self, slug: str) -> Meeting | None:
        return next((m for m in self.meetings if m.slug == slug), None)

    def page(self, slug: str) -> Page | None:
        return next((p for p in self.pages if p.slug == slug), None)

    @property
    def meeting_types(self) -> list[tuple[str, str]]:
        """(slug, label) of every meeting type in use, sorted by label."""
        seen = {m.type_slug: m.type for m in self.meetings}
        return sorted(seen.items(), key=lambda pair: pair[1])

    @property
    def menu_pages(self) -> list[Page]:
        return sorted((p for p in self.pages if p.menu is not None), key=lambda p: (p.menu, p.slug))


# ---------- building ----------

ATTACHMENT_KINDS = {
    ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "Textdokument", ".xls": "Excel",
    ".xlsx": "Excel", ".ods": "Kalkylblad", ".ppt": "PowerPoint", ".pptx": "PowerPoint",
    ".odp": "Presentation", ".png": "Bild", ".jpg": "Bild", ".jpeg": "Bild", ".gif": "Bild",
    ".svg": "Bild", ".webp": "Bild", ".txt": "Text", ".csv": "CSV",
}


class _Resolver:
    """Turns federation/project names, short names and aliases into objects."""

    def __init__(self, items, kind_label: str):    # kind_label: "federation" or "project"
        self.kind_label = kind_label
        self.by_key: dict[str, object] = {}
        self.items = items
        for item in items:
            names = [item.slug, getattr(item, "name", ""), getattr(item, "short_name", "")]
            names += list(getattr(item, "aliases", []))
            for name in names:
                if name:
                    self.by_key.setdefault(name.casefold(), item)
                    self.by_key.setdefault(slugify(name), item)

    def resolve(self, name: str):
        return self.by_key.get(name.casefold()) or self.by_key.get(slugify(name))

    def unknown(self, source: Source, key: str, name: str) -> Problem:
        known = sorted(item.slug for item in self.items)
        close = difflib.get_close_matches(slugify(name), known, n=1, cutoff=0.5)
        texts = _UNKNOWN[self.kind_label]
        if not known:
            fix = _(texts[1])
        elif close:
            fix = _("did you mean '{close}'? known: {known}").format(close=close[0], known=", ".join(known))
        else:
            fix = _("known: {known}").format(known=", ".join(known))
        return Problem(source.rel, source.line_of(key), key, _(texts[0]).format(name=name), fix)

    def many(self, source: Source, key: str, names: list[str], problems: list[Problem]) -> list:
        found = []
        for name in names:
            item = self.resolve(name)
            if item is None:
                problems.append(self.unknown(source, key, name))
            elif item not in found:
                found.append(item)
        return found


def _stable_uid(source: Source, values: dict) -> str:
    """UID fallback when the front matter has none: derived from the slug (stable across edits)."""
    return values.get("uid") or hashlib.sha256(f"{source.kind}/{source.slug}".encode()).hexdigest()[:16]


def build_site(config: Config, sources: list[Source], today: dt.date,
               validate=schema.validate, inspect=None) -> tuple[Site, list[Problem]]:
    """The resolved, frozen Site and every problem found. `validate` checks one file's front matter
    (schema.validate, or the build's cached version of it); `inspect` gives an attachment's
    accessibility findings from its path (documents.Inspector; none: not inspected)."""
    problems: list[Problem] = []
    validated: dict[str, list[tuple[Source, dict]]] = {kind: [] for kind in schema.SCHEMAS}
    seen_slugs: dict[tuple[str, str], Source] = {}
    for source in sources:
        values, found = validate(source)
        problems.extend(found)
        if not source.slug:
            problems.append(Problem(source.rel, 1, None, _("the file name has no letters or digits to make an address of"),
                                    _("rename the file with words, e.g. the date and the kind of meeting")))
            continue
        key = (source.kind, source.slug)
        if key in seen_slugs:
            problems.append(Problem(source.rel, 1, None,
                                    _("this file and {other} would both get the address '{address}'").format(
                                        other=seen_slugs[key].rel, address=source.slug),
                                    _("rename one of the two files")))
            continue
        seen_slugs[key] = source
        if values.get("draft"):
            continue
        validated[source.kind].append((source, values))

    federations = [_make_federation(s, v, config) for s, v in validated["federations"]]
    for fed in federations:
        problems.extend(_check_federation_look(fed))
    fed_resolver = _Resolver(federations, "federation")
    projects = [_make_project(s, v, config, fed_resolver, problems, inspect) for s, v in validated["projects"]]
    proj_resolver = _Resolver(projects, "project")
    shared = _Shared()
    meetings = [_make_meeting(s, v, config, fed_resolver, proj_resolver, problems, shared, inspect)
                for s, v in validated["meetings"]]
    meeting_by_slug = {m.slug: m for m in meetings}
    events = [_make_event(s, v, config, fed_resolver, proj_resolver, meeting_by_slug, problems)
              for s, v in validated["events"]]
    pages = [_make_page(s, v, config) for s, v in validated["pages"]]

    _check_unique_uids(meetings + events, problems)
    _check_page_slugs(pages, problems)
    _check_list_addresses(meetings, federations, problems)

    meetings.sort(key=lambda m: m.sort_key, reverse=True)
    events.sort(key=lambda e: e.sort_key)
    federations.sort(key=lambda f: (f.short_name.casefold(), f.slug))
    projects.sort(key=lambda p: (p.name.casefold(), p.slug))
    pages.sort(key=lambda p: p.slug)

    _link_relations(federations, projects, meetings, events)
    site = Site(config=config, today=today, federations=tuple(federations), projects=tuple(projects),
                meetings=tuple(meetings), events=tuple(events), pages=tuple(pages))
    return site, problems


def _read_only(values: dict) -> Mapping:
    """A record's mapping as a view nobody can change: the records are frozen, their dicts too."""
    return MappingProxyType(dict(values))


def _make_federation(source: Source, v: dict, config: Config) -> Federation:
    slug = source.slug
    return Federation(source=source, slug=slug, name=v.get("name", slug),
                      short_name=v.get("short_name", v.get("name", slug)),
                      aliases=tuple(v.get("aliases", ())), region=v.get("region", ""),
                      members=tuple(v.get("members", ())),
                      manager=v.get("manager", ""), website=v.get("website", ""), contact=_read_only(v.get("contact", {})),
                      color=v.get("color", ""), logo=v.get("logo", ""), description=v.get("description", ""),
                      url=urls.href(config, urls.federation_path(slug)),
                      feed_url=urls.href(config, urls.federation_feed_path(slug)),
                      atom_url=urls.href(config, urls.federation_atom_path(slug)),
                      decisions_url=urls.href(config, urls.decisions_path(slug)),
                      assignments_url=urls.href(config, urls.assignments_path(slug)),
                      meetings=[], projects=[], events=[])   # filled by _link_relations, then frozen


LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")


def _check_federation_look(fed: Federation) -> list[Problem]:
    """The accent colour must keep text readable (contrast.py); the logo must be an image beside index.md."""
    found = []
    source = fed.source
    if fed.color:
        failure = contrast.accent_problem(fed.color)
        if failure:
            found.append(Problem(source.rel, source.line_of("color"), "color", *failure))
    if fed.logo:
        folder = source.path.parent
        if Path(fed.logo).name != fed.logo or not fed.logo.lower().endswith(LOGO_SUFFIXES):
            found.append(Problem(source.rel, source.line_of("logo"), "logo",
                                 _("'{name}' is not the name of an image file").format(name=fed.logo),
                                 _("give a file name ending in {endings}, with no folders").format(
                                     endings=", ".join(LOGO_SUFFIXES))))
        elif source.path.name != "index.md":
            found.append(Problem(source.rel, source.line_of("logo"), "logo", _("a logo needs a folder for the federation"),
                                 _("move this file to {path} and put {name} beside it").format(
                                     path=f"content/federations/{fed.slug}/index.md", name=fed.logo)))
        elif not (folder / fed.logo).is_file():
            found.append(Problem(source.rel, source.line_of("logo"), "logo", _("there is no file '{name}' beside index.md").format(name=fed.logo),
                                 _("put the logo in {folder} or correct the name").format(folder=_folder_rel(source))))
    return found


# (message, fix when the site has none yet) for an unknown reference, by kind.
_UNKNOWN = {
    "federation": (N_("unknown federation '{name}'"), N_("there is none yet — add one under content/federations/")),
    "project": (N_("unknown project '{name}'"), N_("there is none yet — add one under content/projects/")),
}


def _folder_rel(source: Source) -> str:
    return source.rel.rsplit("/", 1)[0] + "/"


def _make_project(source: Source, v: dict, config: Config, feds: _Resolver, problems: list[Problem],
                  inspect) -> Project:
    owner = None
    if v.get("owner"):
        owner = feds.resolve(v["owner"])
        if owner is None:
            problems.append(feds.unknown(source, "owner", v["owner"]))
    url = urls.href(config, urls.project_path(source.slug))
    project = Project(source=source, slug=source.slug, name=v.get("name", source.slug),
                      aliases=tuple(v.get("aliases", ())), status=v.get("status", "pågående"),
                      start=v.get("start"), end=v.get("end"), owner=owner,
                      federations=tuple(feds.many(source, "federations", v.get("federations", []), problems)),
                      funding=v.get("funding", ""), contact=_read_only(v.get("contact", {})),
                      summary=v.get("summary", ""), description=v.get("description", v.get("summary", "")),
                      url=url, feed_url=urls.href(config, urls.project_feed_path(source.slug)),
                      attachments=_attachments(source, url, inspect),
                      meetings=[], events=[])   # filled by _link_relations, then frozen
    if project.start and project.end and project.end.sort_key() < project.start.sort_key():
        problems.append(Problem(source.rel, source.line_of("end"), "end",
                                _("the project ends ({end}) before it starts ({start})").format(
                                    end=project.end.iso(), start=project.start.iso()),
                                _("check the years; end must be on or after start")))
    return project


class _Shared:
    """One object for equal values: a big site's minutes name the same few hundred people, with
    the same roles, thousands of times, and each file's front matter arrives with its own copies.
    A Person is never changed once made, so meetings may share it."""

    def __init__(self) -> None:
        self._people: dict[tuple, Person] = {}
        self._texts: dict[str, str] = {}

    def person(self, name: str | None, role: str | None, federation) -> Person:
        key = (name, role, federation)   # a federation hashes by identity
        found = self._people.get(key)
        if found is None:
            found = self._people[key] = Person(name=self.text(name), role=self.text(role), federation=federation)
        return found

    def text(self, value):
        return self._texts.setdefault(value, value) if isinstance(value, str) else value


def _people(source: Source, key: str, groups: list[dict], feds: _Resolver, problems: list[Problem],
            shared: _Shared) -> list[PeopleGroup]:
    result = []
    for group in groups:
        group_fed = None
        if group.get("federation"):
            group_fed = feds.resolve(group["federation"])
            if group_fed is None:
                problems.append(feds.unknown(source, key, group["federation"]))
        people = [_person(source, key, p, feds, problems, shared, default_federation=group_fed)
                  for p in group["people"]]
        result.append(PeopleGroup(label=shared.text(group.get("group")), federation=group_fed, people=tuple(people)))
    return tuple(result)


def _person(source, key, value: dict, feds: _Resolver, problems, shared: _Shared,
            default_federation=None) -> Person:
    federation = default_federation
    if value.get("federation"):
        federation = feds.resolve(value["federation"])
        if federation is None:
            problems.append(feds.unknown(source, key, value["federation"]))
    return shared.person(value.get("name"), value.get("role"), federation)


def _make_meeting(source: Source, v: dict, config: Config, feds: _Resolver, projs: _Resolver,
                  problems: list[Problem], shared: _Shared, inspect) -> Meeting:
    meeting_type = _meeting_type(source, v.get("type", "möte"), config, problems)
    url = urls.href(config, urls.meeting_path(source.slug))
    meeting = Meeting(
        source=source, slug=source.slug, uid=_stable_uid(source, v), url=url,
        attachments=_attachments(source, url, inspect), announced_events=[],   # filled by _link_relations
        title=v.get("title", source.slug), type=shared.text(meeting_type),
        type_slug=shared.text(slugify(meeting_type)),
        date=v.get("date"), date_note=v.get("date_note", ""), start=v.get("start"), end=v.get("end"),
        location=shared.text(v.get("location", "")), online=v.get("online", False),
        online_link=shared.text(v.get("online_link", "")),
        federations=tuple(feds.many(source, "federations", v.get("federations", []), problems)),
        chair=_person(source, "chair", v["chair"], feds, problems, shared) if "chair" in v else None,
        secretary=_person(source, "secretary", v["secretary"], feds, problems, shared) if "secretary" in v else None,
        present=_people(source, "present", v.get("present", []), feds, problems, shared),
        absent=_people(source, "absent", v.get("absent", []), feds, problems, shared),
        guests=_people(source, "guests", v.get("guests", []), feds, problems, shared),
        projects=tuple(projs.many(source, "projects", v.get("projects", []), problems)),
        publish_names=v.get("publish_names", config.publish_names),
        cancelled=v.get("status") == "inställt", source_name=v.get("source", ""),
        not_in_original=tuple(v.get("not_in_original", ())),
        description=v.get("description", ""),
    )
    if meeting.start and not (meeting.date and meeting.date.is_full):
        problems.append(Problem(source.rel, source.line_of("start"), "start",
                                _("a start time needs a full date"),
                                _("add the day to 'date' (YYYY-MM-DD) or remove the time")))
    if meeting.start and meeting.end and meeting.end <= meeting.start:
        problems.append(Problem(source.rel, source.line_of("end"), "end",
                                _("the meeting ends before it starts"), _("check the times (24-hour clock, e.g. 13.30)")))
    if meeting.end and not meeting.start:
        problems.append(Problem(source.rel, source.line_of("end"), "end", _("an end time needs a start time"),
                                _("add the start time, e.g. 'start: 13.30'")))
    return meeting


@functools.lru_cache(maxsize=4)   # asked for every meeting: made once per site's list of types
def _types_by_slug(types: tuple[str, ...]) -> dict[str, str]:
    return {slugify(name): name for name in types}


def _meeting_type(source: Source, typed: str, config: Config, problems: list[Problem]) -> str:
    """The site's own name of the meeting type typed (any case, with or without å/ä/ö). A type
    the site does not declare is refused: a misspelling would open a public category page."""
    found = _types_by_slug(tuple(config.meeting_types)).get(slugify(typed))
    if found is None:
        close = difflib.get_close_matches(typed.strip().lower(), config.meeting_types, n=1, cutoff=0.6)
        choices = ", ".join(config.meeting_types)
        fix = (_("did you mean '{close}'? use one of: {choices}").format(close=close[0], choices=choices) if close
               else _("use one of: {choices}").format(choices=choices))
        problems.append(Problem(source.rel, source.line_of("type"), "type",
                                _("unknown meeting type '{name}'").format(name=typed.strip()),
                                fix + " " + _("(a new kind of meeting is added under meeting_types in site.yaml)")))
        return typed.strip().lower()
    return found


def _make_event(source: Source, v: dict, config: Config, feds: _Resolver, projs: _Resolver,
                meetings: dict[str, Meeting], problems: list[Problem]) -> Event:
    announced = None
    if v.get("announced_in"):
        announced = meetings.get(slugify(v["announced_in"]))
        if announced is None:
            close = difflib.get_close_matches(v["announced_in"], sorted(meetings), n=1)
            problems.append(Problem(source.rel, source.line_of("announced_in"), "announced_in",
                                    _("no meeting '{name}'").format(name=v["announced_in"]),
                                    _("did you mean '{close}'?").format(close=close[0]) if close
                                    else _("give the file name of a meeting under content/meetings/ without .md")))
    start = v.get("start") or dt.date(1970, 1, 1)
    end = v.get("end")
    event = Event(source=source, slug=source.slug, uid=_stable_uid(source, v),
                  url=urls.href(config, urls.event_path(source.slug)),
                  title=v.get("title", source.slug), start=start, end=end, location=v.get("location", ""),
                  online=v.get("online", False), online_link=v.get("online_link", ""),
                  federations=tuple(feds.many(source, "federations", v.get("federations", []), problems)),
                  projects=tuple(projs.many(source, "projects", v.get("projects", []), problems)),
                  status=v.get("status", "bekräftad"), announced_in=announced, note=v.get("note", ""),
                  description=v.get("description", ""))
    if end is not None:
        if isinstance(end, dt.datetime) and not isinstance(start, dt.datetime):
            problems.append(Problem(source.rel, source.line_of("end"), "end",
                                    _("the end has a time but the start has none"),
                                    _("give both a time, or neither for a whole-day event")))
        else:
            start_key = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time(0))
            end_key = end if isinstance(end, dt.datetime) else dt.datetime.combine(end, dt.time(0))
            if end_key < start_key or (isinstance(end, dt.datetime) and end_key == start_key):
                problems.append(Problem(source.rel, source.line_of("end"), "end",
                                        _("the event ends ({end}) before it starts ({start})").format(end=end, start=start),
                                        _("check the dates and times")))
    return event


def _make_page(source: Source, v: dict, config: Config) -> Page:
    return Page(source=source, slug=source.slug, title=v.get("title", source.slug),
                url=urls.href(config, urls.page_path(source.slug)),
                description=v.get("description", ""), menu=v.get("menu"))


RESERVED_PAGE_SLUGS = {"moten", "projekt", "forbund", "kalender", "handelser", "static", "sok", "beslut",
                       "uppdrag", "404"}


def _check_page_slugs(pages: list[Page], problems: list[Problem]) -> None:
    for page in pages:
        if page.slug in RESERVED_PAGE_SLUGS:
            problems.append(Problem(page.rel, 1, None, _("the address {address} is used by the site itself").format(address=f"/{page.slug}/"),
                                    _("rename the file")))


def _check_list_addresses(meetings: list[Meeting], federations: list[Federation], problems: list[Problem]) -> None:
    """Meetings sit beside the year lists (/moten/2021/, /moten/typ/…) and federations beside the
    register years (/beslut/2021/): a file named like one of those would take its address."""
    def taken(slug: str, names: set[str]) -> bool:
        return slug in names or (len(slug) == 4 and slug.isdigit())
    for meeting in meetings:
        if taken(meeting.slug, {"typ", urls.UNDATED}):
            problems.append(Problem(meeting.rel, 1, None,
                                    _("the address {address} is used by the site's list of minutes").format(
                                        address=f"/moten/{meeting.slug}/"),
                                    _("rename the file with the date and the kind of meeting, "
                                    "e.g. 2021-05-04-styrelsemote.md")))
    for fed in federations:
        if taken(fed.slug, {urls.UNDATED}):
            problems.append(Problem(fed.rel, 1, None,
                                    _("the address {address} is used by the register of decisions").format(
                                        address=f"/beslut/{fed.slug}/"),
                                    _("rename the file after the federation, e.g. roslagen.md")))


def _check_unique_uids(items, problems: list[Problem]) -> None:
    seen: dict[str, Item] = {}
    for item in items:
        if item.uid in seen:
            problems.append(Problem(item.rel, item.source.line_of("uid"), "uid",
                                    _("the same uid is used by {other}").format(other=seen[item.uid].rel),
                                    _("a copied file keeps its uid: give this one any new unique text as uid")))
        else:
            seen[item.uid] = item


def _link_relations(federations, projects, meetings, events) -> None:
    """Each federation and project learns which meetings, projects and events concern it; then
    those lists become tuples, the last change the records see."""
    for meeting in meetings:                      # already newest first
        for fed in meeting.federations:
            fed.meetings.append(meeting)
        for project in meeting.projects:
            project.meetings.append(meeting)
    for event in events:                          # soonest first
        for fed in event.federations:
            fed.events.append(event)
        for project in event.projects:
            project.events.append(event)
        if event.announced_in is not None:
            event.announced_in.announced_events.append(event)
    for project in projects:
        involved = ([project.owner] if project.owner else []) + list(project.federations)
        for fed in dict.fromkeys(involved):
            fed.projects.append(project)
    for record, names in [*((f, ("meetings", "projects", "events")) for f in federations),
                          *((p, ("meetings", "events")) for p in projects),
                          *((m, ("announced_events",)) for m in meetings)]:
        for name in names:
            object.__setattr__(record, name, tuple(getattr(record, name)))   # frozen from here on


def _attachments(source: Source, page_url: str, inspect) -> tuple[Attachment, ...]:
    found = []
    for path in source.attachments:
        findings, described = inspect(path) if inspect is not None else ((), ())
        # quote(): a file name with spaces or å/ä/ö must still be a valid link.
        found.append(Attachment(name=clean_field_text(path.name), path=path, url=page_url + quote(path.name), size=path.stat().st_size,
                                kind=ATTACHMENT_KINDS.get(path.suffix.lower(), path.suffix.lstrip(".").upper()),
                                findings=findings, accessibility=described))
    return tuple(found)
