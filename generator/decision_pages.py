"""The registers: /beslut/ (decisions and postponed questions) and /uppdrag/ (assignments).

Each register also has one page per federation (/beslut/<slug>/, /uppdrag/<slug>/), so it can be
filtered without JavaScript. Rows come from crossref.relate, newest meeting first and in the
order of the minutes within a meeting.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .crossref import Decision
from .decisions import ASSIGNMENT, DECISION, POSTPONED
from .model import Federation, Site
from .render import PageJob


@dataclass
class FilterLink:
    label: str
    url: str
    count: int
    is_current: bool


def _of(decisions: list[Decision], kind: str, federation: Federation | None) -> list[Decision]:
    return [d for d in decisions
            if d.kind == kind and (federation is None or federation in d.meeting.federations)]


def page_jobs(site: Site) -> list[PageJob]:
    config = site.config
    depends = tuple(sorted(m.rel for m in site.meetings))
    start = [("Start", urls.href(config, "/"))]
    jobs: list[PageJob] = []
    registers = [
        (DECISION, "Beslut", urls.decisions_path, "beslut",
         "Beslut ur minnesanteckningarna, nyast först, och frågor som bordlagts."),
        (ASSIGNMENT, "Uppdrag", urls.assignments_path, "uppdrag",
         "Uppdrag ur minnesanteckningarna: vem som ska göra vad, nyast först."),
    ]
    for kind, label, path_of, noun, description in registers:
        for federation in [None, *site.federations]:
            def link(fed: Federation | None) -> FilterLink:
                return FilterLink(label=fed.short_name if fed else "Alla förbund",
                                  url=urls.href(config, path_of(fed.slug if fed else None)),
                                  count=len(_of(site.decisions, kind, fed)) if kind != DECISION else
                                  len(_of(site.decisions, DECISION, fed)) + len(_of(site.decisions, POSTPONED, fed)),
                                  is_current=fed is federation)
            postponed = _of(site.decisions, POSTPONED, federation) if kind == DECISION else []
            title = label if federation is None else f"{label} – {federation.short_name}"
            crumbs = start if federation is None else start + [(label, urls.href(config, path_of(None)))]
            jobs.append(PageJob(
                path_of(federation.slug if federation else None), "decisions.html", title,
                description=description if federation is None else f"{description} {federation.name}.",
                breadcrumbs=crumbs, depends_on=depends,
                context={
                    "kind": kind, "noun": noun, "federation": federation,
                    "rows": _of(site.decisions, kind, federation),
                    "open_postponed": [d for d in postponed if d.is_open],
                    "closed_postponed": [d for d in postponed if not d.is_open],
                    "filters": [link(f) for f in [None, *site.federations]],
                    "decisions_url": urls.href(config, urls.decisions_path(federation.slug if federation else None)),
                    "assignments_url": urls.href(config, urls.assignments_path(federation.slug if federation else None)),
                }))
    return jobs
