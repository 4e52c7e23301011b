"""The calendar's pages: coming and past, a month grid per month, one page per federation, and
each event's own page. Everything a template shows is resolved here (labels, links, today)."""
from __future__ import annotations

import calendar as _weeks
import datetime as dt
import functools
from dataclasses import dataclass, field

from generator.feeds import occurrences
from generator.text import dates
from generator.content import urls
from generator.content.model import Federation, Meeting, Site
from generator.pages.jobs import PageJob, at_year, by_month, latest_years, when, year_links

# (shown, read aloud): the grid shows "Mån", screen readers say "måndag".
WEEKDAYS = [("Mån", "måndag"), ("Tis", "tisdag"), ("Ons", "onsdag"), ("Tor", "torsdag"),
            ("Fre", "fredag"), ("Lör", "lördag"), ("Sön", "söndag")]


@dataclass(slots=True)
class MonthLink:
    year: int
    month: int
    label: str            # "november 2021"
    url: str
    is_current: bool      # the build day's month


@dataclass(slots=True)
class Entry:
    """One occurrence in one day cell."""
    occurrence: occurrences.Occurrence
    time: str             # "13.00", "" for all-day
    continued: bool       # a later day of a multi-day event


@dataclass(slots=True)
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    label: str            # "onsdag 17 november 2021"
    entries: list[Entry] = field(default_factory=list)


@dataclass(slots=True)
class Week:
    number: int           # ISO week number, as Swedes count weeks
    days: list[Day]


@dataclass(slots=True)
class MonthGrid:
    link: MonthLink
    weeks: list[Week]
    previous: MonthLink | None
    next: MonthLink | None
    current: MonthLink                     # today's month, for "Denna månad"
    items: list[occurrences.Occurrence]       # the month's occurrences as a list (narrow screens)
    undated: list[Meeting]                 # meetings known to be this month, day unknown


@dataclass(slots=True)
class FilterLink:
    label: str
    url: str
    slug: str             # "" for all federations
    is_current: bool


def month_link(site: Site, year: int, month: int) -> MonthLink:
    return MonthLink(year, month, dates.format_month(year, month),
                     urls.href(site.config, urls.month_path(year, month)),
                     (year, month) == (site.today.year, site.today.month))


def month_range(site: Site, items: list[occurrences.Occurrence], undated: list[Meeting]) -> list[tuple[int, int]]:
    """Every month from the first occurrence to the last, and always the build day's month."""
    keys = [(site.today.year, site.today.month)]
    keys += [(o.first_day.year, o.first_day.month) for o in items]
    keys += [(o.last_day.year, o.last_day.month) for o in items]
    keys += [(m.date.year, m.date.month) for m in undated if m.date.month]
    (year, month), last = min(keys), max(keys)
    months = []
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_grid(site: Site, year: int, month: int, items: list[occurrences.Occurrence], undated: list[Meeting],
               previous: MonthLink | None, following: MonthLink | None) -> MonthGrid:
    by_day: dict[dt.date, list[Entry]] = {}
    in_month = []
    for occ in items:
        days = [d for d in occ.days if (d.year, d.month) == (year, month)]
        if days:
            in_month.append(occ)
        for day in days:
            time = dates.format_time(occ.start_time) if occ.start_time and day == occ.first_day else ""
            by_day.setdefault(day, []).append(Entry(occ, time, day != occ.first_day))
    weeks = []
    # Weeks start on Monday in Sweden; days of the neighbouring months fill the first and last week.
    for row in _weeks.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = [Day(d, d.month == month, d == site.today, dates.format_day(d), by_day.get(d, []) if d.month == month else [])
                for d in row]
        weeks.append(Week(row[0].isocalendar().week, days))
    return MonthGrid(month_link(site, year, month), weeks, previous, following,
                     month_link(site, site.today.year, site.today.month), in_month,
                     [m for m in undated if (m.date.year, m.date.month) == (year, month)])


def filter_links(site: Site, current: Federation | None) -> list[FilterLink]:
    config = site.config
    links = [FilterLink("Alla förbund", urls.href(config, urls.CALENDAR), "", current is None)]
    links += [FilterLink(f.short_name, urls.href(config, urls.federation_calendar_path(f.slug)), f.slug, f is current)
              for f in site.federations]
    return links


def coming_undated(site: Site, undated: list[Meeting]) -> list[Meeting]:
    """Meetings with an unknown day in this month or later: they may still happen."""
    today = site.today
    return [m for m in undated if (m.date.year, m.date.month or 12) >= (today.year, today.month)]


def event_page_title(event) -> str:
    """'Förbundschefsmöte, 15 juni 2021': events often share a name, their page titles must not."""
    day = event.first_day
    if str(day.year) in event.title:
        return event.title
    return f"{event.title}, {day.day} {dates.format_month(day.year, day.month)}"


def _months(site: Site, items: list[occurrences.Occurrence]) -> list[tuple[MonthLink, list[occurrences.Occurrence]]]:
    return [(month_link(site, *key), group) for key, group in by_month(items)]


PAST_ON_PAGE = 150   # what has been: the latest years up to this many on one page, at least one year


def _latest(by_year: dict[int, list[occurrences.Occurrence]]) -> list[occurrences.Occurrence]:
    """The occurrences of the latest years (newest first), as many years as fit in PAST_ON_PAGE."""
    return [occ for items in latest_years(by_year, PAST_ON_PAGE).values() for occ in items]


def page_jobs(site: Site, dated: list[occurrences.Occurrence]) -> list[PageJob]:
    config = site.config
    coming, past = occurrences.split_coming(dated, site.today)
    undated = occurrences.undated_meetings(site)
    this_month = month_link(site, site.today.year, site.today.month)
    crumbs = [("Start", urls.href(config, "/"))]
    crumbs_cal = crumbs + [("Kalender", urls.href(config, urls.CALENDAR))]
    common = {"this_month": this_month, "past_url": urls.href(config, urls.calendar_past_path()),
              "calendar_url": urls.href(config, urls.CALENDAR)}
    jobs: list[PageJob] = []

    jobs.append(PageJob(urls.CALENDAR, "calendar.html", "Kalender", breadcrumbs=crumbs,
                        description="Kommande möten och händelser, månad för månad.",
                        context={**common, "show": "coming", "months": _months(site, coming),
                                 "past_count": len(past), "undated": coming_undated(site, undated),
                                 "filters": filter_links(site, None), "federation": None,
                                 "feed_url": urls.href(config, urls.CALENDAR_FEED), "feed_label": "hela kalendern"}))
    # What has been, split by year: /kalender/tidigare/ shows the latest years, each year has a page.
    past_years: dict[int, list[occurrences.Occurrence]] = {}
    for occ in past:
        past_years.setdefault(occ.first_day.year, []).append(occ)
    counts = {year: len(items) for year, items in past_years.items()}
    shown = _latest(past_years)
    past_context = {**common, "show": "past", "past_count": len(past), "undated": [], "filters": [],
                    "federation": None, "feed_url": urls.href(config, urls.CALENDAR_FEED),
                    "feed_label": "hela kalendern"}
    past_links = year_links(config, counts, urls.calendar_past_path)
    if past:   # a site with nothing behind it yet has no such page (nothing would link to it)
        jobs.append(PageJob(urls.calendar_past_path(), "calendar.html", "Tidigare möten och händelser",
                            breadcrumbs=crumbs_cal, description="Möten och händelser som har varit.",
                            context={**past_context, "months": _months(site, shown), "year": False,
                                     "all_shown": len(shown) == len(past),
                                     "year_links": past_links}))
    for year, items in past_years.items():
        jobs.append(PageJob(urls.calendar_past_path(year), "calendar.html", f"Tidigare möten och händelser {year}",
                            breadcrumbs=crumbs_cal + [("Tidigare", urls.href(config, urls.calendar_past_path()))],
                            description=f"Möten och händelser {year} som har varit.",
                            context={**past_context, "months": _months(site, items), "year": year,
                                     "all_shown": False,
                                     "year_links": at_year(past_links, year)}))

    for fed in site.federations:
        mine = [o for o in dated if fed in o.federations]
        coming_f, past_f = occurrences.split_coming(mine, site.today)
        by_year: dict[int, list[occurrences.Occurrence]] = {}
        for occ in past_f:
            by_year.setdefault(occ.first_day.year, []).append(occ)
        latest_past = _latest(by_year)   # the rest is in the federation's archive, year by year
        jobs.append(PageJob(urls.federation_calendar_path(fed.slug), "calendar.html", f"Kalender – {fed.short_name}",
                            breadcrumbs=crumbs_cal,
                            description=f"Kommande möten och händelser för {fed.name}.",
                            context={**common, "show": "coming", "months": _months(site, coming_f),
                                     "past_count": len(past_f), "past_months": _months(site, latest_past),
                                     "past_shown": len(latest_past),
                                     "undated": coming_undated(site, [m for m in undated if fed in m.federations]),
                                     "filters": filter_links(site, fed), "federation": fed,
                                     "feed_url": fed.feed_url, "feed_label": f"kalendern för {fed.short_name}"}))

    months = month_range(site, dated, undated)
    links = [month_link(site, *key) for key in months]
    touching: dict[tuple[int, int], list[occurrences.Occurrence]] = {}   # month → dated on any of its days
    for occ in dated:
        for key in dict.fromkeys((day.year, day.month) for day in occ.days):
            touching.setdefault(key, []).append(occ)
    for index, (year, month) in enumerate(months):
        grid = month_grid(site, year, month, touching.get((year, month), []), undated,
                          links[index - 1] if index > 0 else None,
                          links[index + 1] if index + 1 < len(links) else None)
        jobs.append(PageJob(urls.month_path(year, month), "calendar_month.html",
                            f"Kalender {grid.link.label}", breadcrumbs=crumbs_cal,
                            description=f"Möten och händelser i {grid.link.label}.",
                            context={"grid": grid, "weekdays": WEEKDAYS,
                                     "feed_url": urls.href(config, urls.CALENDAR_FEED)}))

    for event in site.events:
        jobs.append(PageJob(urls.event_path(event.slug), "event.html", event_page_title(event), bodies=(event,),
                            later=functools.partial(_event_details, site, event, crumbs_cal)))
    return jobs


def _event_details(site: Site, event, breadcrumbs: list[tuple[str, str]]) -> dict:
    occ = occurrences.event_occurrence(event)
    return {"description": event.description or f"{event.title}, {when(event)}.", "breadcrumbs": breadcrumbs,
            "context": {"event": event, "occurrence": occ,
                        "month": month_link(site, occ.first_day.year, occ.first_day.month)}}
