"""Every page of the site as a list of PageJob: the home page, the minutes lists, meetings,
events, projects, federations and their archives, free pages, search and 404; the calendar and
the registers come from their own modules."""
from __future__ import annotations

import functools

from generator.feeds import occurrences
from generator.content import urls
from generator.minutes.library import Library
from generator.minutes.markup import summary
from generator.content.model import Meeting, Site

from generator.pages import calendar_pages, decision_pages
from generator.pages.jobs import (MenuLink, PageJob, UNDATED_LABEL, YearLink, at_year, group_by_year, latest_years,
                                  newest_first, when, year_label, year_links)

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


def page_jobs(site: Site, library: Library, dated: list[occurrences.Occurrence]) -> list[PageJob]:
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
                                         library.mentioned_in(project), [o for o in mine if o.kind == "event"])
        jobs.append(PageJob(urls.project_path(project.slug), "project.html", project.name,
                            description=project.summary or project.description or f"Projektet {project.name}.",
                            breadcrumbs=crumbs,
                            context={"project": project, "coming": coming_p, "past": past_p,
                                     "latest_meetings": project.meetings[:LATEST_ON_PAGE],
                                     "latest_mentions": library.mentioned_in(project)[:LATEST_ON_PAGE], "archive": archive},
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
                                         crumbs + [(fed.name, fed.url)], fed.meetings, library.mentioned_in(fed),
                                         [o for o in mine if o.kind == "event"], federation=fed)
        jobs.append(PageJob(urls.federation_path(fed.slug), "federation.html", fed.name,
                            description=fed.description or f"{fed.name}: möten, projekt och kalender.",
                            breadcrumbs=crumbs,
                            context={"federation": fed, "coming": coming_f,
                                     "feed_url": fed.feed_url,
                                     "calendar_url": urls.href(config, urls.federation_calendar_path(fed.slug)),
                                     "logo_url": fed.url + fed.logo if fed.logo else "",  # copied beside the page
                                     "latest_meetings": fed.meetings[:LATEST_ON_PAGE],
                                     "latest_mentions": library.mentioned_in(fed)[:LATEST_ON_PAGE], "archive": archive},
                            bodies=(fed,)))
        jobs += archive_jobs


    jobs += calendar_pages.page_jobs(site, dated)

    jobs += decision_pages.page_jobs(site, library.decisions)

    for page in site.pages:
        jobs.append(PageJob(urls.page_path(page.slug), "page.html", page.title,
                            description=page.description or summary(library.body_html(page)),
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


