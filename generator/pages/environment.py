"""The Jinja2 environment with its filters and globals, the fragments many pages share, and
render_job(), which turns one PageJob into bytes. Templates only lay out what the context hands
them. What many pages show alike (a register row, a meeting in a list, the header) is a
fragment, rendered once per process (Fragments).

The model is frozen and what the build found later is in a Library beside it: the environment
answers a template's `meeting.decisions`, `project.mentioned_in` or `page.body_html` from the
Library of the page being rendered (ModelEnvironment), so templates read as if the records held it."""
from __future__ import annotations

from contextvars import ContextVar
from types import SimpleNamespace
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from generator.text import dates
from generator.content import urls
from generator.content.config import Config
from generator.minutes.library import FOUND_NAMES, MISSING, Library
from generator.minutes.markup import summary
from generator.content.model import Site

from generator.pages.jobs import (MenuStates, NAVIGATION, PageJob, human_size, iso, person_label, short_names,
                                 slugs, when, year_label)


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
        """Forget every fragment (the live preview shows an edited body with its own Library)."""
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


# The Library of the page being rendered (render_job): a context variable, so that the live preview
# may render with its own Library while the build's stays as it is.
_SHOWN: ContextVar[Library | None] = ContextVar("sitegen_library", default=None)


class ModelEnvironment(jinja2.Environment):
    """A Jinja2 environment whose templates find the Library's facts as attributes of the records."""

    def getattr(self, obj, attribute):
        found = _found(obj, attribute)
        return super().getattr(obj, attribute) if found is MISSING else found

    def getitem(self, obj, argument):   # `attribute=` of map, sort, groupby… asks here
        found = _found(obj, argument)
        return super().getitem(obj, argument) if found is MISSING else found


def _found(obj, name) -> object:
    """What the Library of the page being rendered says `obj.name` is, or MISSING."""
    if not isinstance(name, str) or name not in FOUND_NAMES:
        return MISSING
    library = _SHOWN.get()
    return MISSING if library is None else library.found_attribute(obj, name)


def make_environment(config: Config, static_files: dict[str, str],
                     bytecode_cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    env = ModelEnvironment(
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


def render_job(env: jinja2.Environment, site: Site, library: Library, job: PageJob) -> bytes:
    job = job.resolved()
    template = env.get_template(job.template)
    shown = _SHOWN.set(library)
    try:
        html = template.render(site=site, job=job, canonical=urls.absolute(site.config, urls.href(site.config, job.path)),
                               current=job.path, **job.context)
    finally:
        _SHOWN.reset(shown)
    return html.encode("utf-8")
