"""Step 3: every Markdown body to sanitised HTML, and for minutes the facts found in it (agenda,
mentions, decisions); names redacted where a meeting says so. Each body is a pure function of
its inputs: remembered in the cache by them and, when many are new, converted in worker
processes that are replaced after a bounded number of bodies. What is found goes into a
Library beside the frozen model (minutes.library)."""
from __future__ import annotations

import dataclasses

from generator.pages import jobs
from generator.minutes import crossref, mentions, facts as minutes
from generator.minutes.library import Body, Library
from generator.store import parallel
from generator.store.cache import BuildCache, digest
from generator.minutes.markup import MINUTES_TOP_HEADING, render_markdown
from generator.content.model import Item, Meeting, Site
from generator.pipeline.fingerprint import code_digest


def convert_bodies(site: Site, cache: BuildCache | None = None, keep_minutes: bool = False) -> Library:
    """Step 3: Markdown bodies to sanitised HTML, names redacted where the meeting says so; for
    minutes also agenda anchors, mention links and decisions (minutes.enrich), related across
    meetings (crossref). Each body is a pure function of its inputs: remembered in the cache and,
    when many are new, spread over the cores. With keep_minutes the Library keeps each meeting's
    MinutesFacts (the live preview reads them).

    With a cache, the HTML is not held: the Library reads it back from the cache by its key when
    a page or feed shows it (HtmlFromCache), so a big site's HTML is never all in memory. Without
    one (--no-cache) it is held."""
    cache = cache or BuildCache(None)
    hold = not cache.enabled
    bodies: dict[Item, Body] = {}
    found: dict[Meeting, minutes.MinutesFacts] = {}
    base = site.config.base_path
    names = mentions.known_names(site)
    names_key = digest(names)
    tasks: list[tuple[object, str, tuple]] = []   # (item, key, how to convert it)
    for item in [*site.federations, *site.projects, *site.events, *site.pages]:
        tasks.append((item, digest("body", code_digest(), base, _body_identity(item)), (base, (), False)))
    for meeting in site.meetings:
        redact = redaction_pairs(meeting)
        tasks.append((meeting, digest("minutes", code_digest(), base, _body_identity(meeting), redact, names_key),
                      (base, redact, True)))
    missing = []
    # The cache keeps a body's facts ("bodies") apart from its HTML ("html"): a build reads every
    # body's facts, and the HTML only of the pages and feeds it makes again.
    for task, (_key, known) in zip(tasks, cache.get_many("bodies", [key for _item, key, _how in tasks], remember=False)):
        if known is None:
            missing.append(task)
        else:
            item, key, _how = task
            cache.touch("html", key)
            _place_body(item, key, *known, None, bodies, found)
    # Tasks are positions: each worker reads its body from its file, not from a copy sent to it.
    converted = parallel.each(_convert_task, range(len(missing)), (missing, names), tasks_per_worker=BODIES_PER_WORKER)
    for (item, key, _how), value in zip(missing, converted):   # stored as they come, never all held
        value, html = split_html(value)
        # What other pages may show of a body (its agenda, mentions, decisions), hashed once here.
        facts = digest(value.agenda, value.mentions, value.findings) if value is not None else ""
        cache.put("bodies", key, (value, facts))
        cache.put("html", key, html)
        _place_body(item, key, value, facts, html if hold else None, bodies, found)
    relations = crossref.relate(site, found)  # across meetings: needs every meeting's minutes
    return Library(bodies, relations, found if keep_minutes else None,
                   None if hold else HtmlFromCache(cache, base, names))


# cmarkgfm leaks about 47 KB a body (markup._cmark): a worker is replaced after this many, so
# none holds more than about 20 MiB of it. Forking a fresh pair costs some 50 ms at 5,000 meetings.
BODIES_PER_WORKER = 400


def _body_identity(item) -> str:
    """What names a body in its cache key: the digest of the file it comes from, which the build
    has already taken (a body is a function of those bytes; hashing every body's text again took
    about 0.2 s at 5,000 meetings), or the text itself when there is none."""
    return f"file:{item.source.digest}" if item.source.digest else f"text:{item.body}"


def _place_body(item, key: str, minutes_facts, facts: str, html: str | None, bodies: dict, found: dict) -> None:
    # The key names everything the HTML is made from: pages and feeds use it as the HTML's
    # digest instead of hashing each body again.
    if minutes_facts is not None:
        found[item] = minutes_facts
    bodies[item] = Body(key, facts, html)


class HtmlFromCache:
    """A body's HTML read back from the build cache by its key, when a page or feed shows it. A
    cache that cannot give it back (damaged since) costs a second conversion, never a page
    without its text. Works in forked render workers too: the cache opens its own connection."""

    def __init__(self, cache: BuildCache, base: str, names):
        self.cache, self.base, self.names = cache, base, names

    def __call__(self, item, key: str) -> str:
        html = self.cache.get("html", key, remember=False)
        if html is not None:
            return html
        return split_html(convert_record(item, item.body, self.base, self.names))[1]


def _convert_task(index: int, shared) -> object:
    missing, names = shared
    item, _key, how = missing[index]
    return convert_body((item.body, *how), names)


def convert_record(item, body: str, base: str, names) -> object:
    """convert_body() of one record's body as the build converts it (the live preview passes
    an edited body; the HTML read back from a damaged cache the file's)."""
    is_minutes = isinstance(item, Meeting)
    return convert_body((body, base, redaction_pairs(item) if is_minutes else (), is_minutes), names)


def split_html(value) -> tuple["minutes.MinutesFacts | None", str]:
    """A converted body as (its minutes' facts without the HTML, or None; the HTML)."""
    if isinstance(value, minutes.MinutesFacts):
        return dataclasses.replace(value, html=""), value.html
    return None, value


def convert_body(args: tuple, names) -> object:
    """One body (runs in a worker process when there are many)."""
    body, base, redact, is_minutes = args
    # Minutes sit under the meeting page's "Minnesanteckningar" (h2): their agenda headings are h3.
    html = render_markdown(body, base, redact, top=MINUTES_TOP_HEADING if is_minutes else 2)
    return minutes.enrich(html, names) if is_minutes else html


def redaction_pairs(meeting) -> tuple[tuple[str, str], ...]:
    """(name, replacement) for every person named in an unpublished meeting, longest first."""
    if meeting.publish_names:
        return ()
    pairs: dict[str, str] = {}
    for person in meeting.people():
        if person.name:
            pairs.setdefault(person.name, jobs.role_label(person) or "[namn]")
    return tuple(sorted(pairs.items(), key=lambda pair: (-len(pair[0]), pair[0])))


