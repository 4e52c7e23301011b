"""The registers: /beslut/ (decisions and postponed questions) and /uppdrag/ (assignments).

Each register also has one page per federation (/beslut/<slug>/, /uppdrag/<slug>/), so it can be
filtered without JavaScript. Rows come from crossref.relate, newest meeting first and in the
order of the minutes within a meeting.

A register of many years would be one enormous page, so it is split by the year of the meeting:
/beslut/2021/ (and /beslut/<slug>/2021/, /beslut/utan-datum/ for meetings without a date) holds
every row of that year, postponed questions included. The register's first page shows the
latest year's rows, the newest open postponed questions and the newest ones taken up again,
and the year navigation that reaches every other row.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.content import urls
from generator.minutes.crossref import Decision
from generator.minutes.decisions import ASSIGNMENT, DECISION, POSTPONED
from generator.content.model import Federation, Site
from generator.pages.jobs import MenuLink, PageJob, at_year, group_by_year, iso, newest_first, short_names, when, year_label, year_links

OPEN_ON_FIRST_PAGE = 50     # open postponed questions on /beslut/; every one is also on its year's page
CLOSED_ON_FIRST_PAGE = 20   # postponed questions taken up again, likewise


@dataclass(slots=True)
class FilterLink:
    label: str
    url: str
    count: int
    aria_current: str     # "page" on the page it leads to, "true" on that page's year pages, "" otherwise


@dataclass(slots=True)
class Row:
    """What a register row shows, worked out once per meeting: a row appears on several pages (the
    whole register and each federation's, the first page and its year's)."""
    d: Decision
    date_iso: str             # "" when the meeting has no date
    date_label: str
    federations: str          # "Roslagen, Sundbyberg"


def _rows(decisions: list[Decision]) -> list[Row]:
    facts: dict[int, tuple] = {}
    rows = []
    for decision in decisions:
        meeting = decision.meeting
        known = facts.get(id(meeting))
        if known is None:
            known = facts[id(meeting)] = (iso(meeting.date) if meeting.date else "",
                                          when(meeting.date) if meeting.date else "",
                                          short_names(meeting.federations))
        rows.append(Row(decision, *known))
    return rows


def _by_year(rows: list[Row]) -> dict[int | None, list[Row]]:
    """Rows by the year of their meeting, grouped as every list split by year is."""
    return group_by_year(rows, lambda row: row.d.meeting)


def _of(by_kind: dict, kind: str, federation: Federation | None) -> list[Row]:
    return by_kind.get((kind, federation.slug if federation else None), [])


def _navigation(registers: list[tuple], filters: list[tuple], kind: str, federation: Federation | None,
                aria: str) -> dict:
    """The register and federation links of one page, the current ones marked with `aria`: "page" on
    a register's first page, "true" on its year pages, which these links do not lead to."""
    return {"registers": [MenuLink(label, url, aria if other == kind else "") for other, label, url in registers],
            "filters": [FilterLink(label, url, count, aria if f is federation else "")
                        for f, label, url, count in filters]}


def page_jobs(site: Site, decisions: tuple[Decision, ...]) -> list[PageJob]:
    """The registers of decisions and assignments, of every meeting's `decisions` (newest first)."""
    config = site.config
    by_kind: dict[tuple[str, str | None], list[Row]] = {}
    for row in _rows(decisions):   # one pass; the filters below ask per kind and federation
        decision = row.d
        by_kind.setdefault((decision.kind, None), []).append(row)
        for fed in decision.meeting.federations:
            by_kind.setdefault((decision.kind, fed.slug), []).append(row)
    start = [("Start", urls.href(config, "/"))]
    jobs: list[PageJob] = []
    registers = [
        (DECISION, "Beslut", urls.decisions_path, urls.decisions_year_path,
         "Beslut ur minnesanteckningarna, nyast först, och frågor som bordlagts"),
        (ASSIGNMENT, "Uppdrag", urls.assignments_path, urls.assignments_year_path,
         "Uppdrag ur minnesanteckningarna: vem som ska göra vad, nyast först"),
    ]
    for kind, label, path_of, year_path_of, description in registers:
        # The decisions register also lists postponed questions; its filter counts both.
        counted = (DECISION, POSTPONED) if kind == DECISION else (kind,)
        filters = [(f, f.short_name if f else "Alla förbund", urls.href(config, path_of(f.slug if f else None)),
                    sum(len(_of(by_kind, k, f)) for k in counted)) for f in [None, *site.federations]]
        for federation in [None, *site.federations]:
            slug = federation.slug if federation else None
            # Beslut and Uppdrag of the same federation.
            register_links = [(other, name, urls.href(config, other_path(slug)))
                              for other, name, other_path, *_ in registers]
            rows = _of(by_kind, kind, federation)
            postponed = _of(by_kind, POSTPONED, federation) if kind == DECISION else []
            rows_by_year = _by_year(rows)
            postponed_by_year = _by_year(postponed)
            years = newest_first(rows_by_year, postponed_by_year)
            counts = {y: len(rows_by_year.get(y, [])) + len(postponed_by_year.get(y, [])) for y in years}
            register_title = label if federation is None else f"{label} – {federation.short_name}"
            register_crumbs = start if federation is None else start + [(label, urls.href(config, path_of(None)))]
            about = f"{description}." if federation is None else f"{description} – {federation.name}."
            common = {"kind": kind, "federation": federation}

            links = year_links(config, counts, lambda y: year_path_of(slug, y))
            # The first page: the latest year with rows of this kind, and what is open.
            latest = next(iter(rows_by_year), None)
            open_rows = [r for r in postponed if r.d.is_open]
            closed_rows = [r for r in postponed if not r.d.is_open]
            jobs.append(PageJob(
                path_of(slug), "decisions.html", register_title, description=about, breadcrumbs=register_crumbs,
                context={**common, **_navigation(register_links, filters, kind, federation, "page"),
                         "year": False, "rows_year": latest, "rows": rows_by_year.get(latest, []),
                         "open_postponed": open_rows[:OPEN_ON_FIRST_PAGE], "open_count": len(open_rows),
                         "closed_postponed": closed_rows[:CLOSED_ON_FIRST_PAGE], "closed_count": len(closed_rows),
                         "years": links}))

            year_navigation = _navigation(register_links, filters, kind, federation, "true")
            year_crumbs = register_crumbs + [(register_title if federation else label,
                                              urls.href(config, path_of(slug)))]
            for year in years:
                year_text = year_label(year)
                in_year = postponed_by_year.get(year, [])
                open_in_year = [r for r in in_year if r.d.is_open]
                closed_in_year = [r for r in in_year if not r.d.is_open]
                title = f"{label} {year_text}" + (f" – {federation.short_name}" if federation else "")
                jobs.append(PageJob(
                    year_path_of(slug, year), "decisions.html", title, breadcrumbs=year_crumbs,
                    description=f"{label} ur minnesanteckningarna från {year_text}"
                                + (f" – {federation.name}." if federation else "."),
                    context={**common, **year_navigation, "year": year, "rows_year": year,
                             "rows": rows_by_year.get(year, []),
                             "open_postponed": open_in_year, "open_count": len(open_in_year),
                             "closed_postponed": closed_in_year, "closed_count": len(closed_in_year),
                             "years": at_year(links, year)}))
    return jobs
