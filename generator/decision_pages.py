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


def _of(by_kind: dict, kind: str, federation: Federation | None) -> list[Decision]:
    return by_kind.get((kind, federation.slug if federation else None), [])


def page_jobs(site: Site) -> list[PageJob]:
    config = site.config
    by_kind: dict[tuple[str, str | None], list[Decision]] = {}
    for decision in site.decisions:   # one pass; the filters below ask per kind and federation
        by_kind.setdefault((decision.kind, None), []).append(decision)
        for fed in decision.meeting.federations:
            by_kind.setdefault((decision.kind, fed.slug), []).append(decision)
    start = [("Start", urls.href(config, "/"))]
    jobs: list[PageJob] = []
    registers = [
        (DECISION, "Beslut", urls.decisions_path,
         "Beslut ur minnesanteckningarna, nyast först, och frågor som bordlagts"),
        (ASSIGNMENT, "Uppdrag", urls.assignments_path,
         "Uppdrag ur minnesanteckningarna: vem som ska göra vad, nyast först"),
    ]
    for kind, label, path_of, description in registers:
        # The decisions register also lists postponed questions; its filter counts both.
        counted = (DECISION, POSTPONED) if kind == DECISION else (kind,)

        def count(fed: Federation | None) -> int:
            return sum(len(_of(by_kind, k, fed)) for k in counted)

        for federation in [None, *site.federations]:
            slug = federation.slug if federation else None
            filters = [FilterLink(label=f.short_name if f else "Alla förbund",
                                  url=urls.href(config, path_of(f.slug if f else None)),
                                  count=count(f), is_current=f is federation)
                       for f in [None, *site.federations]]
            postponed = _of(by_kind, POSTPONED, federation) if kind == DECISION else []
            title = label if federation is None else f"{label} – {federation.short_name}"
            crumbs = start if federation is None else start + [(label, urls.href(config, path_of(None)))]
            jobs.append(PageJob(
                path_of(slug), "decisions.html", title,
                description=f"{description}." if federation is None else f"{description} – {federation.name}.",
                breadcrumbs=crumbs,
                context={
                    "kind": kind, "federation": federation,
                    "rows": _of(by_kind, kind, federation),
                    "open_postponed": [d for d in postponed if d.is_open],
                    "closed_postponed": [d for d in postponed if not d.is_open],
                    "filters": filters,
                    "decisions_url": urls.href(config, urls.decisions_path(slug)),
                    "assignments_url": urls.href(config, urls.assignments_path(slug)),
                }))
    return jobs
