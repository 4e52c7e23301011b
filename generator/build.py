"""The pipeline, top to bottom: load → model → markup → render → feeds → write.

Every content problem of every file is collected before anything is written; a failed build
raises BuildFailed and leaves output/ untouched.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import hashlib
import os
import time
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import ical, occurrences, render, schema, search, urls
from . import documents, feedlock
from . import atom, crossref, mentions, minutes, parallel
from . import themes
from .config import Config, load_config
from .errors import BuildFailed, Problem
from .i18n import N_, _
from .cache import BuildCache, digest
from .markup import MINUTES_TOP_HEADING, render_markdown
from .model import Event, Meeting, Site, build_site
from .output import Kept, OutputState, Placed, Staging, check_output_folder, file_digest
from .progress import Progress
from .sources import load_sources
from .textstore import StoredBytes, TextStore
from .fingerprint import (LAST_BUILD, BuildResult, BuiltModel, build_date, cache_dir, code_digest,
                          input_fingerprint, unchanged_summary, spare_dir, take_probe)


def build_moment(timezone: str, today: dt.date | None = None) -> dt.datetime:
    """The instant calendar.lock stamps a changed event with: the start of an injected day,
    else SOURCE_DATE_EPOCH, else now. Only a change writes it, so rebuilds stay byte-identical."""
    if today is not None:
        return dt.datetime.combine(today, dt.time(0), zoneinfo.ZoneInfo(timezone)).astimezone(dt.timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def load_feed_lock(root: Path, cache: BuildCache | None = None) -> feedlock.FeedLock:
    try:
        return feedlock.load(root, cache)
    except Problem as problem:
        raise BuildFailed([problem]) from None


def load_model(root: Path, today: dt.date | None = None, cache: BuildCache | None = None,
               digests: dict[str, str] | None = None) -> Site:
    """Steps 1–2: read site.yaml and every content file into a resolved Site, or raise BuildFailed.
    Each file's front matter is validated where it is parsed (a worker, when many are new), and
    the cache remembers the validated values: the raw front matter never reaches this process.
    `digests`: the files' digests as the input fingerprint just took them (see load_sources)."""
    try:
        config = load_config(root)
    except Problem as problem:
        raise BuildFailed([problem]) from None
    sources, problems = load_sources(root, config.content_dir, cache, TextStore(), check=schema.validate,
                                     check_version=code_digest(), digests=digests)
    site, model_problems = build_site(config, sources, today or build_date(config.timezone), _validated)
    problems += model_problems
    if problems:
        raise BuildFailed(problems)
    for source in sources:   # the model holds what counts of the validated values
        source.checked = None
    return site


def _validated(source) -> tuple[dict, list[Problem]]:
    return source.checked


def convert_bodies(site: Site, cache: BuildCache | None = None) -> None:
    """Step 3: Markdown bodies to sanitised HTML, names redacted where the meeting says so; for
    minutes also agenda anchors, mention links and decisions (minutes.enrich). Each body is a pure
    function of its inputs: remembered in the cache and, when many are new, spread over the cores.
    Each body and its HTML then move into a TextStore: a big site's texts are not held in memory."""
    cache = cache or BuildCache(None)
    store = TextStore()
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
    for task, (_key, known) in zip(tasks, cache.get_many("bodies", [key for _item, key, _how in tasks], remember=False)):
        if known is None:
            missing.append(task)
        else:
            _place_body(task[0], task[1], *known, store)
    # Tasks are positions: each worker reads its bodies from the store, not from a copy sent to it.
    converted = parallel.each(_convert_task, range(len(missing)), (missing, names), tasks_per_worker=BODIES_PER_WORKER)
    for (item, key, _how), value in zip(missing, converted):   # stored as they come, never all held
        # What other pages may show of a body (its agenda, mentions, decisions), hashed once here.
        facts = digest(value.agenda, value.mentions, value.findings) if isinstance(value, minutes.MinutesFacts) else ""
        cache.put("bodies", key, (value, facts))
        _place_body(item, key, value, facts, store)
    crossref.relate(site)  # across meetings: needs every meeting's minutes


# cmarkgfm leaks about 47 KB a body (markup._cmark): a worker is replaced after this many, so
# none holds more than about 20 MiB of it. Forking a fresh pair costs some 50 ms at 5,000 meetings.
BODIES_PER_WORKER = 400


def _body_identity(item) -> str:
    """What names a body in its cache key: the digest of the file it comes from, which the build
    has already taken (a body is a function of those bytes; hashing every body's text again took
    about 0.2 s at 5,000 meetings), or the text itself when there is none."""
    return f"file:{item.source.digest}" if item.source.digest else f"text:{item.body}"


def _place_body(item, key: str, value, facts: str, store: TextStore) -> None:
    # The key names everything the HTML is made from: pages and feeds use it as the HTML's
    # digest instead of hashing each body again.
    item.html_key = key
    item.facts_digest = facts
    if isinstance(value, minutes.MinutesFacts):
        item.minutes = dataclasses.replace(value, html="")   # the facts stay; the HTML is stored
        value = value.html
    item.body_html = store.put(value)


def _convert_task(index: int, shared) -> object:
    missing, names = shared
    item, _key, how = missing[index]
    return convert_body((item.body, *how), names)


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
            pairs.setdefault(person.name, render.role_label(person) or "[namn]")
    return tuple(sorted(pairs.items(), key=lambda pair: (-len(pair[0]), pair[0])))


def static_files(config: Config) -> dict[str, tuple[str, Path]]:
    """Theme static files: name → (fingerprinted name, source), so browsers may cache them for ever."""
    found: dict[str, tuple[str, Path]] = {}
    for rel, path in themes.theme_files(config.theme_dirs, "static").items():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        stem, dot, suffix = rel.rpartition(".")
        found[rel] = (f"{stem}.{digest}.{suffix}" if dot else f"{rel}.{digest}", path)
    return found


def sitemap(site: Site, paths: list[str]) -> bytes:
    # XML's escape, as the Atom feeds write it.
    rows = [f"  <url><loc>{atom.escape(urls.absolute(site.config, urls.href(site.config, path)))}</loc></url>"
            for path in sorted(paths) if path.endswith("/")]
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(rows) + "\n</urlset>\n")
    return xml.encode("utf-8")


def robots(site: Site) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if site.config.base_url.startswith("http"):
        lines.append(f"Sitemap: {urls.absolute(site.config, urls.href(site.config, '/sitemap.xml'))}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def headers(feed_paths: list[str]) -> bytes:
    """_headers (Netlify, Cloudflare Pages and alike): calendar apps need text/calendar in UTF-8.
    Subscription feeds are listed one by one because these hosts cannot match '*.ics' mid-path."""
    lines = ["# Written by sitegen build. Single-event .ics downloads rely on the host's own .ics type;",
             "# see README, 'Kalenderflöden / Calendar feeds', for nginx and Apache."]
    for path in sorted(feed_paths):
        lines += [path, "  Content-Type: text/calendar; charset=utf-8", "  Cache-Control: public, max-age=3600"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def site_fingerprint(site: Site) -> str:
    """Everything a page or feed may show apart from Markdown bodies and the theme: settings, the
    day, every file's front matter and attachments, and what each meeting's minutes were found
    to hold."""
    parts: list = [code_digest(), site.config.fingerprint(), site.today]
    for item in [*site.federations, *site.projects, *site.meetings, *site.events, *site.pages]:
        parts.append((item.rel, item.source.meta_digest, item.facts_digest,
                      [(a.name, a.size, a.accessibility) for a in getattr(item, "attachments", [])]))
    return digest(*parts)


def theme_keys(config: Config, env: jinja2.Environment, page_templates: set[str],
               cache: BuildCache) -> tuple[str, dict[str, str]]:
    """(key of the theme files any page may use, key of each page template only its own pages use).

    A page template that no template extends, includes or imports (meeting.html, event.html…)
    reaches only the pages rendered with it, so editing it re-renders those pages alone. Every
    other file of the theme (base.html, the macros, the static files) counts for every page."""
    contents = {rel: path.read_bytes() for rel, path in themes.theme_files(config.theme_dirs).items()}
    hashes = {rel: digest(rel, data) for rel, data in contents.items()}
    whole = digest(*sorted(hashes.values()), *sorted(page_templates))
    leaves = cache.get("theme", whole)
    if leaves is None:
        leaves = _leaf_templates(env, page_templates)
        cache.put("theme", whole, leaves)
    own = {name: hashes[f"templates/{name}"] for name in leaves if f"templates/{name}" in hashes}
    shared = digest(*[value for rel, value in sorted(hashes.items()) if rel.removeprefix("templates/") not in own])
    return shared, own


def _leaf_templates(env: jinja2.Environment, page_templates: set[str]) -> list[str]:
    """The page templates no template refers to; none when a reference is not a plain name (or a
    template does not parse: the render reports that)."""
    import jinja2.meta
    referenced: set = set()
    try:
        for name in env.list_templates():
            source = env.loader.get_source(env, name)[0]
            referenced.update(jinja2.meta.find_referenced_templates(env.parse(source)))
    except jinja2.TemplateError:
        return []
    if None in referenced:   # a name computed at render time could be any template
        return []
    return sorted(page_templates - referenced)


def _kept(state: OutputState | None, rel: str, previous) -> Kept | None:
    """output/rel as the last build wrote it, if it still holds exactly those bytes."""
    if state is None or not previous:
        return None
    size, file_hash = previous[1], previous[2]
    return Kept(size, file_hash) if state.holds(rel) == (size, file_hash) else None


def _reusable(cache: BuildCache, section: str, rel: str, key: str, state: OutputState | None) -> Kept | None:
    """output/rel as the last build wrote it from the same inputs (`key`), if it still holds
    those bytes; its cache entry is then kept for the next build."""
    previous = cache.get(section, rel)
    kept = _kept(state, rel, previous) if previous and previous[0] == key else None
    if kept is not None:
        cache.touch(section, rel)
    return kept


def _remembered(cache: BuildCache, section: str, rel: str, key: str, data: bytes | Placed) -> bytes | Placed:
    """Note what output/rel will hold for `key` (its bytes, or the file placed in staging); returns `data`."""
    cache.put(section, rel, (key, *_size_and_hash(data)))
    return data


def _render_one(index: int, shared) -> bytes | Problem:
    env, site, jobs = shared
    job = jobs[index]
    try:
        return render.render_job(env, site, job)
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None) or 1
        name = getattr(exc, "filename", None) or getattr(exc, "name", None) or job.template
        return Problem(f"themes/{site.config.theme}/templates/{Path(str(name)).name}", line, None,
                       _("template error while rendering {page}: {error}").format(page=job.path, error=exc),
                       _("fix the template (this is a theme problem, not a content problem)"))


def _serialize_event(index: int, shared) -> bytes:
    site, items, revisions = shared
    occ = items[index]
    return ical.vevent(occ, site, revisions[occ.uid], zoneinfo.ZoneInfo(site.config.timezone)).to_ical()


def render_pages(site: Site, env: jinja2.Environment, jobs: list[render.PageJob], structure: str,
                 own_templates: dict[str, str], cache: BuildCache, state: OutputState | None, progress: Progress,
                 staging: Staging | None = None) -> tuple[dict, dict[str, str]]:
    """Step 4: every page. A page whose inputs are unchanged stays as output/ has it (Kept); a
    rendered one goes straight into the staging folder (Placed), or is kept as bytes without one."""
    files: dict[str, bytes | Kept] = {}
    keys: dict[str, str] = {}
    todo: list[int] = []
    for index, job in enumerate(jobs):
        rel = urls.output_file(job.path)
        keys[rel] = key = digest(structure, job.path, job.template, own_templates.get(job.template, ""), job.title,
                                 [item.html_key for item in job.bodies])
        data = _reusable(cache, "pages", rel, key, state)
        if data is None:
            todo.append(index)
        else:
            files[rel] = data
    progress.step(N_("rendering pages"), len(todo))
    for name in env.list_templates():  # compile once here, not once per worker
        env.get_template(name)
    problems = []
    searchable: set[str] = set()
    for index, result in zip(todo, parallel.each(_render_one, todo, (env, site, jobs))):
        progress.advance()
        if isinstance(result, Problem):
            problems.append(result)
            continue
        rel = urls.output_file(jobs[index].path)
        if b"data-pagefind-body" in result:   # base.html marks the kinds of page search shows
            searchable.add(rel)
        files[rel] = staging.put(rel, result) if staging is not None else result
    if problems:
        raise BuildFailed(problems[:1])
    for rel, key in keys.items():
        data = files[rel]
        if isinstance(data, Kept) and not isinstance(data, Placed):   # its entry is right as it is
            if cache.get("pages", rel)[3]:
                searchable.add(rel)
        else:
            cache.put("pages", rel, (key, *_size_and_hash(data), rel in searchable))
    return files, searchable


@dataclass
class Rendered:
    """What steps 4–5 made: the files to write (path → bytes, or a Kept/Placed one) and to copy
    (path → source file), how many pages and feeds, the pages to index for search, and the
    environment and page jobs the live preview renders again."""
    files: dict
    copies: dict
    pages: int
    feeds: int
    searchable_jobs: list
    env: jinja2.Environment
    jobs: list


def render_site(site: Site, progress: Progress | None = None, lock: feedlock.FeedLock | None = None,
                now: dt.datetime | None = None, cache: BuildCache | None = None,
                state: OutputState | None = None, staging: Staging | None = None, on_pages=None,
                keep_contexts: bool = True) -> "Rendered":
    """Steps 4–5: every page and feed as bytes, every copied file as a source path. With
    keep_contexts=False what each page showed (register rows, calendar grids, year lists) is let
    go once the pages are rendered, before the feeds are made."""
    progress = progress or Progress()
    cache = cache or BuildCache(None)
    config = site.config
    statics = static_files(config)
    jinja_cache = jinja2.FileSystemBytecodeCache(str(cache.folder / "templates")) if cache.enabled else None
    if jinja_cache is not None:
        (cache.folder / "templates").mkdir(parents=True, exist_ok=True)
    env = render.make_environment(config, {name: fingerprinted for name, (fingerprinted, _source) in statics.items()},
                                  jinja_cache)
    dated_items = occurrences.occurrences(site)
    jobs = render.page_jobs(site, dated_items)
    content = site_fingerprint(site)   # what feeds are made of (the theme plays no part in them)
    shared_theme, own_templates = theme_keys(config, env, {job.template for job in jobs}, cache)
    files, searchable = render_pages(site, env, jobs, digest(content, shared_theme), own_templates, cache, state,
                                     progress, staging)
    if not keep_contexts:
        for job in jobs:
            job.context = {}
    progress.step(N_("writing feeds"))
    lock = lock if lock is not None else feedlock.FeedLock()
    now = now or dt.datetime.combine(site.today, dt.time(0), tzinfo=dt.timezone.utc)
    revisions = ical.revise(dated_items, lock, now)
    # A VEVENT is made from its occurrence, its revision and the settings alone: keyed by those,
    # not by the whole site's front matter, a new meeting or a changed title costs one VEVENT,
    # not all of them.
    settings = digest(code_digest(), config.fingerprint())
    event_keys = {o.uid: digest(settings, ical.vevent_inputs(o), revisions[o.uid]) for o in dated_items}
    feed_plan = plan_feeds(site, dated_items, revisions, event_keys, settings, cache, state, files)
    if on_pages is not None:   # after the last process pool: the search may now run beside the feeds
        on_pages(files, [job for job in jobs if urls.output_file(job.path) in searchable])
    write_feeds(site, feed_plan, revisions, cache, staging, files)
    feed_paths = feed_plan.paths
    files["_headers"] = headers([path for path in feed_paths if path.endswith("/kalender.ics")])
    news_feeds = atom.planned(site)  # Atom: new minutes, site-wide and per federation
    published = atom.publish(site, lock, now)   # when minutes reached the site (kept in calendar.lock)
    for path, title, alternate, meetings in news_feeds:
        rel = urls.output_file(path)
        dated = atom.newest(site, meetings, published)
        # An entry shows its meeting's front matter (in `content`), the start of its body and its times.
        key = digest(content, path, [(meeting.html_key, stamps) for meeting, stamps in dated])
        files[rel] = _reusable(cache, "feeds", rel, key, state) or _remembered(
            cache, "feeds", rel, key, atom.feed(site, path, title, alternate, dated))
    files["sitemap.xml"] = sitemap(site, [job.path for job in jobs])
    files["robots.txt"] = robots(site)
    copies = {f"static/{fingerprinted}": source for fingerprinted, source in statics.values()}
    # Attachments sit beside the page that links them: /moten/<slug>/bilaga.pdf.
    bundles = [(urls.meeting_path(m.slug), m) for m in site.meetings] + [(urls.project_path(p.slug), p) for p in site.projects]
    for page_path, item in bundles:
        for attachment in item.attachments:
            copies[page_path.lstrip("/") + attachment.name] = attachment.path
    for fed in site.federations:  # the logo sits beside index.md and is shown on /forbund/<slug>/
        if fed.logo:
            copies[urls.federation_path(fed.slug).lstrip("/") + fed.logo] = fed.source.path.parent / fed.logo
    searchable_jobs = [job for job in jobs if urls.output_file(job.path) in searchable]
    return Rendered(files=files, copies=copies, pages=len(jobs), feeds=len(feed_paths) + len(news_feeds),
                    searchable_jobs=searchable_jobs, env=env, jobs=jobs)


@dataclass
class FeedPlan:
    paths: list[str]                      # every iCal file's site path
    todo: list[tuple]                     # (feed, output path, key) of the feeds to write
    events: StoredBytes                   # uid → VEVENT bytes the feeds to write need


def plan_feeds(site: Site, items: list, revisions: dict, event_keys: dict[str, str], settings: str,
               cache: BuildCache, state: OutputState | None, files: dict) -> FeedPlan:
    """Step 5, first half: a feed whose events are unchanged stays as output/ has it (into
    `files`); each VEVENT a changed feed needs is serialised once (remembered in the cache by its
    own key), over the cores when many are new."""
    planned = occurrences.planned_feeds(site, items)
    todo = []
    for feed in planned:
        rel = urls.output_file(feed.path)
        # The head shows the feed's own name and description (feed.info); the rest is its events.
        key = digest(settings, feed.path, feed.info, [event_keys[o.uid] for o in feed.items])
        kept = _reusable(cache, "feeds", rel, key, state)
        if kept is None:
            todo.append((feed, rel, key))
        else:
            files[rel] = kept
    needed = {o.uid for feed, _rel, _key in todo for o in feed.items}
    events = StoredBytes(TextStore())   # out of memory until each feed splices them in
    for uid in needed:
        data = cache.get("events", event_keys[uid], remember=False)
        if data is not None:
            events[uid] = data
    missing = [index for index, occ in enumerate(items) if occ.uid in needed and occ.uid not in events]
    for index, data in zip(missing, parallel.each(_serialize_event, missing, (site, items, revisions))):
        uid = items[index].uid
        events[uid] = data
        cache.put("events", event_keys[uid], data)
    for key in event_keys.values():   # the others are still right, read this time or not
        cache.touch("events", key)
    return FeedPlan([feed.path for feed in planned], todo, events)


def write_feeds(site: Site, plan: FeedPlan, revisions: dict, cache: BuildCache, staging: Staging | None,
                files: dict) -> None:
    """Step 5, second half: the changed feeds, one by one, so that a big site's feeds are never
    all in memory at once."""
    heads: dict = {}
    for feed, rel, key in plan.todo:
        parts = ical.feed_parts(site, feed, revisions, plan.events, heads)
        data = staging.put_parts(rel, parts) if staging is not None else b"".join(parts)
        files[rel] = _remembered(cache, "feeds", rel, key, data)


def searchable(job: render.PageJob) -> search.Searchable:
    """Where a page's entry goes in the search index: minutes and events by their year."""
    item = job.bodies[0] if job.bodies else None
    when = getattr(item, "date", None) if isinstance(item, Meeting) else getattr(item, "start", None) \
        if isinstance(item, Event) else None
    year = getattr(when, "year", None)
    return search.Searchable(urls.output_file(job.path), year, getattr(when, "month", None) if year else None)


class SearchIndex:
    """Step 6: the Pagefind index, in parts (see search.py). A part whose pages are unchanged
    keeps its bundle as output/ has it; refresh=False keeps every part's previous bundle even
    when its pages changed (the live preview), as long as the set of parts is the same.

    Planned in the build's thread (it reads the cache), indexed in a background thread while
    the build writes the feeds (Pagefind runs as separate processes, so both cores stay busy),
    and finished in the build's thread again."""

    def __init__(self, files: dict, site: Site, searchable_jobs: list[render.PageJob], cache: BuildCache,
                 state: OutputState | None, out_dir: Path, refresh: bool = True, staging: Staging | None = None):
        self.cache = cache
        self.staging = staging
        self.problem: Problem | None = None
        self.bundles: dict[str, dict] = {}
        self.made: dict[str, dict] = {}
        self.todo: dict[str, dict[str, Path | bytes]] = {}   # part → its pages' files (or bytes)
        self.thread = None
        self.failure: BaseException | None = None
        self.folder = None
        self.binary = search.find_pagefind()
        if self.binary is None:
            self.problem = search.skipped(_("Pagefind is not installed, so search was skipped "
                                            "(the rest of the site was built)"))
            return
        self.language = site.config.language
        plan = search.plan_parts([searchable(job) for job in searchable_jobs])
        self.keys = {name: digest(search.part_dir(name), str(self.binary), self.language,
                                  [(rel, _size_and_hash(files[rel])[1]) for rel in rels])
                     for name, rels in plan.items()}
        for name, key in self.keys.items():
            previous = cache.get("search", name)
            if previous and (previous[0] == key or not refresh):
                kept = {rel: _kept(state, rel, (None, size, file_hash))
                        for rel, (size, file_hash) in previous[1].items()}
                if all(kept.values()):
                    self.bundles[name] = kept
                    cache.touch("search", name)   # the entry stays as it is
                    continue
            self.todo[name] = {rel: _page_source(files[rel], rel, out_dir, staging) for rel in plan[name]}

    def start(self) -> "SearchIndex":
        if self.todo:
            import tempfile
            import threading
            self.folder = tempfile.TemporaryDirectory(prefix="sitegen-search-")   # gone with the index
            self.thread = threading.Thread(target=self._run, name="sitegen-search", daemon=True)
            self.thread.start()
        return self

    def _run(self) -> None:
        # What goes wrong here is raised by finish() in the build's thread: printed from this
        # thread it would be a traceback, and after Ctrl-C (the build removes the pages this
        # thread copies) it is not worth a word.
        try:
            self.made, problem = search.index_parts(self.binary, self.todo, self.language, parallel.workers(),
                                                    Path(self.folder.name))
            self.problem = self.problem or problem
        except BaseException as exc:
            self.failure = exc
        self.todo = {}

    def finish(self, files: dict) -> Problem | None:
        """Wait for the indexing and add the bundles to `files`; a warning when search was skipped."""
        if self.thread is not None:
            self.thread.join()
        if self.failure is not None:
            raise self.failure
        try:
            if self.problem is not None:
                return self.problem
            for name, bundle in self.made.items():   # new bundles, placed one file at a time
                placed = {rel: self.staging.copy(rel, path) if self.staging is not None else path.read_bytes()
                          for rel, path in bundle.items()}
                self.bundles[name] = placed
                self.cache.put("search", name, (self.keys[name], {rel: _size_and_hash(data)
                                                                  for rel, data in placed.items()}))
        finally:
            self.made = {}
            if self.folder is not None:
                self.folder.cleanup()
        for bundle in self.bundles.values():
            files.update(bundle)
        files[f"{search.BUNDLE_DIR}/{search.PARTS_FILE}"] = search.parts_listing(list(self.bundles))
        return None


def _size_and_hash(value) -> tuple[int, str]:
    return (value.size, value.digest) if isinstance(value, Kept) else (len(value), file_digest(value))


def _page_source(value, rel: str, out_dir: Path, staging: Staging | None) -> Path | bytes:
    """Where Pagefind's copy of a page comes from: the file already written (a big site's pages
    are not held in memory for the index), or the bytes when there is no such file."""
    if isinstance(value, Placed):
        return staging.dir / rel
    return out_dir / rel if isinstance(value, Kept) else value


@contextlib.contextmanager
def _model_memory():
    """Build the site model without the cyclic garbage collector walking it, then freeze it.

    The model is millions of long-lived objects and hardly any garbage; the collector would
    walk all of them again and again as they are made, and then during every later stage
    (about 15% of an edit rebuild's time). Frozen, they are left out of its walks until the
    build ends (gc.unfreeze), and the forked workers do not touch their memory pages either.
    Worker processes forked meanwhile collect as usual (see parallel.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _shown(out_dir: Path, root: Path) -> str:
    """The output folder as messages name it: output/ inside the site, else its path."""
    try:
        return out_dir.resolve().relative_to(root.resolve()).as_posix() + "/"
    except ValueError:
        return str(out_dir)


def build(root: Path, out_dir: Path | None = None, today: dt.date | None = None,
          progress: Progress | None = None, use_cache: bool = True, refresh_search: bool = True,
          keep_model: bool = False, write_lock: bool = True) -> BuildResult:
    """Build the site into out_dir (default output/). With use_cache=False nothing is read from or
    written to .sitegen-cache/; the output is the same bytes either way. With keep_model the
    result holds what was resolved and rendered (BuiltModel); with write_lock=False the new
    state of calendar.lock is not written (a check leaves the site folder as it found it)."""
    started = time.perf_counter()
    root = Path(root)
    progress = progress or Progress()
    out_dir = Path(out_dir or root / "output")
    check_output_folder(out_dir, _shown(out_dir, root))   # before anything is made beside it
    cache = BuildCache(cache_dir(root) if use_cache else None)
    last_build = BuildCache(cache_dir(root) if use_cache else None, name=LAST_BUILD)
    probe = take_probe(root, out_dir, today, refresh_search) if cache.enabled else None
    if probe is not None:   # `sitegen build` asked unchanged() already: the answer was no
        inputs, memo, state = probe
        unchanged = None
    else:
        state = OutputState(out_dir, spare_dir(root, out_dir) if use_cache else None)
        memo = dict(last_build.get("build", "stat") or {})
        inputs = input_fingerprint(root, out_dir, today, refresh_search, memo) if cache.enabled else None
        unchanged = unchanged_summary(last_build, inputs, state) if not keep_model else None
    if unchanged is not None:
        return BuildResult(pages=unchanged[0], feeds=unchanged[1], files=unchanged[2],
                           seconds=time.perf_counter() - started, warnings=list(unchanged[3]))
    # Sections whose every (small) entry is asked for: one query each. Sources and bodies are
    # read in batches as they are asked for (cache.get_many): all of them at once would be most
    # of a big site's memory.
    for section in ("pages", "feeds"):
        cache.preload(section)
    try:
        with _model_memory():
            progress.step(N_("reading content"))
            # The fingerprint has just read every changed file and knows the others by their stat.
            site = load_model(root, today, cache, {rel: seen[1] for rel, seen in memo.items()} if inputs else None)
            progress.step(N_("converting Markdown"))
            convert_bodies(site, cache)
            documents.inspect_site(site, cache)   # attachments' accessibility, cached by their bytes
            if not keep_model:   # related: only the live preview, which relates again, reads them
                for meeting in site.meetings:
                    meeting.minutes = None
        lock = load_feed_lock(root, cache)
        staging = Staging(out_dir, state)   # pages are written into it as they are rendered
        try:
            indexing: list[SearchIndex] = []

            def index_pages(page_files: dict, searchable_jobs: list) -> None:
                indexing.append(SearchIndex(page_files, site, searchable_jobs, cache, state, out_dir,
                                            refresh_search, staging).start())

            rendered = render_site(site, progress, lock, build_moment(site.config.timezone, today), cache, state,
                                   staging, on_pages=index_pages,
                                   keep_contexts=keep_model)   # the live preview renders them again
            files, copies = rendered.files, rendered.copies
            progress.step(N_("indexing for search"))
            skipped = indexing[0].finish(files)  # last before writing
            if skipped:
                site.warnings.append(skipped)
            progress.step(N_("writing files"))
            staging.add(files, copies)
        except BaseException:
            staging.abandon()
            raise
        written = staging.finish().files
        # The lock's new state is this build's other output, written only once the site is in
        # place (a failed build remembers nothing), and only when the caller publishes (not check).
        lock_written = feedlock.save(root, lock) if write_lock else False
        if inputs is not None:
            if lock_written:  # the lock is an input of the next build
                inputs = input_fingerprint(root, out_dir, today, refresh_search, memo)
            last_build.put("build", "stat", memo)
            last_build.put("build", "last", (inputs, (rendered.pages, rendered.feeds, written, tuple(site.warnings))))
        cache.save()
        last_build.save()
        progress.wrote(sorted([*files, *copies]))
    finally:
        gc.unfreeze()
        progress.finish()
    return BuildResult(pages=rendered.pages, feeds=rendered.feeds, files=written,
                       seconds=time.perf_counter() - started, warnings=site.warnings,
                       model=BuiltModel(site, rendered.env, rendered.jobs, out_dir) if keep_model else None)
