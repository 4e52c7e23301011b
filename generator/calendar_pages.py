"""The calendar's pages: coming and past events, and each event's own page."""
from __future__ import annotations

from . import calendar, urls
from .model import Site
from .render import PageJob, by_month, when


def page_jobs(site: Site, occurrences: list[calendar.Occurrence]) -> list[PageJob]:
    config = site.config
    coming, past = calendar.split_coming(occurrences, site.today)
    jobs: list[PageJob] = []
    crumbs_cal = [("Start", urls.href(config, "/"))]
    jobs.append(PageJob(urls.CALENDAR, "calendar.html", "Kalender", breadcrumbs=crumbs_cal,
                        description="Kommande möten och händelser.",
                        context={"months": by_month(coming), "past_count": len(past), "show": "coming",
                                 "feed_url": urls.href(config, urls.CALENDAR_FEED)}))
    jobs.append(PageJob(urls.CALENDAR + "tidigare/", "calendar.html", "Tidigare möten och händelser",
                        breadcrumbs=crumbs_cal + [("Kalender", urls.href(config, urls.CALENDAR))],
                        description="Möten och händelser som har varit.",
                        context={"months": by_month(past), "past_count": len(past), "show": "past",
                                 "feed_url": urls.href(config, urls.CALENDAR_FEED)}))
    for event in site.events:
        jobs.append(PageJob(urls.event_path(event.slug), "event.html", event.title,
                            description=event.description or f"{event.title}, {when(event)}.",
                            breadcrumbs=crumbs_cal + [("Kalender", urls.href(config, urls.CALENDAR))],
                            context={"event": event, "occurrence": calendar.event_occurrence(event)},
                            depends_on=(event.rel,)))
    return jobs
