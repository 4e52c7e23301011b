"""The pipeline, top to bottom: load → model → markup → render → feeds → write.

Every content problem of every file is collected before anything is written; a failed build
raises BuildFailed and leaves output/ untouched.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import os
import time
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.feeds import ical, occurrences
from generator.pages import environment, jobs, site_pages
from generator.content import schema, urls
from generator.content import documents
from generator.feeds import feedlock
from generator.feeds import atom
from generator.store import parallel
from generator.content import themes
from generator.content.config import Config, load_config
from generator.errors import BuildFailed, Problem
from generator.i18n import N_, _
from generator.store.cache import BuildCache, digest
from generator.content.model import Site, build_site
from generator.minutes.library import Library
from generator.store.output import Kept, OutputState, Placed, Staging, check_output_folder
from generator.store.progress import Progress
from generator.content.sources import load_sources
from generator.pipeline.fingerprint import LAST_BUILD, BuildResult, BuiltModel, build_date, cache_dir, code_digest, input_fingerprint, unchanged_summary, spare_dir, take_probe


from generator.pipeline.bodies import convert_bodies
from generator.pipeline.reuse import remembered, reusable, size_and_hash
from generator.pipeline.search_index import SearchIndex
from generator.feeds.sitemap import headers, robots, sitemap
from generator.pages.template_keys import theme_keys
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
    checked: dict[str, object] = {}   # each file's validated front matter, until the model is made of it
    sources, problems = load_sources(root, config.content_dir, cache, hold_bodies=False, check=schema.validate,
                                     check_version=code_digest(), digests=digests, checked=checked)
    site, model_problems = build_site(config, sources, today or build_date(config.timezone),
                                      lambda source: checked.pop(source.rel),
                                      documents.inspector(cache))   # attachments' accessibility, cached by their bytes
    problems += model_problems
    if problems:
        raise BuildFailed(problems)
    return site


def static_files(config: Config) -> dict[str, tuple[str, Path]]:
    """Theme static files: name → (fingerprinted name, source), so browsers may cache them for ever."""
    found: dict[str, tuple[str, Path]] = {}
    for rel, path in themes.theme_files(config.theme_dirs, "static").items():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        stem, dot, suffix = rel.rpartition(".")
        found[rel] = (f"{stem}.{digest}.{suffix}" if dot else f"{rel}.{digest}", path)
    return found


def site_fingerprint(site: Site, library: Library) -> str:
    """Everything a page or feed may show apart from Markdown bodies and the theme: settings, the
    day, every file's front matter and attachments, and what each meeting's minutes were found
    to hold."""
    parts: list = [code_digest(), site.config.fingerprint(), site.today]
    for item in [*site.federations, *site.projects, *site.meetings, *site.events, *site.pages]:
        parts.append((item.rel, item.source.meta_digest, library.facts_digest(item),
                      [(a.name, a.size, a.accessibility) for a in getattr(item, "attachments", [])]))
    return digest(*parts)


def _render_one(index: int, shared) -> bytes | Problem:
    env, site, library, jobs = shared
    job = jobs[index]
    try:
        return environment.render_job(env, site, library, job)
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None) or 1
        name = getattr(exc, "filename", None) or getattr(exc, "name", None) or job.template
        return Problem(f"themes/{site.config.theme}/templates/{Path(str(name)).name}", line, None,
                       _("template error while rendering {page}: {error}").format(page=job.path, error=exc),
                       _("fix the template (this is a theme problem, not a content problem)"))


def _serialize_event(index: int, shared) -> bytes:
    site, library, items, revisions = shared
    occ = items[index]
    return ical.vevent(occ, site, library, revisions[occ.uid], zoneinfo.ZoneInfo(site.config.timezone)).to_ical()


def render_pages(site: Site, library: Library, env: jinja2.Environment, jobs: list[jobs.PageJob], structure: str,
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
                                 [library.html_key(item) for item in job.bodies])
        data = reusable(cache, "pages", rel, key, state)
        if data is None:
            todo.append(index)
        else:
            files[rel] = data
    progress.step(N_("rendering pages"), len(todo))
    for name in env.list_templates():  # compile once here, not once per worker
        env.get_template(name)
    problems = []
    searchable: set[str] = set()
    for index, result in zip(todo, parallel.each(_render_one, todo, (env, site, library, jobs))):
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
            cache.put("pages", rel, (key, *size_and_hash(data), rel in searchable))
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


def render_site(site: Site, library: Library, progress: Progress | None = None, lock: feedlock.FeedLock | None = None,
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
    env = environment.make_environment(config, {name: fingerprinted for name, (fingerprinted, _source) in statics.items()},
                                  jinja_cache)
    dated_items = occurrences.occurrences(site)
    jobs = site_pages.page_jobs(site, library, dated_items)
    content = site_fingerprint(site, library)   # what feeds are made of (the theme plays no part in them)
    shared_theme, own_templates = theme_keys(config, env, {job.template for job in jobs}, cache)
    files, searchable = render_pages(site, library, env, jobs, digest(content, shared_theme), own_templates, cache, state,
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
    event_keys = {o.uid: digest(settings, ical.vevent_inputs(o, library), revisions[o.uid]) for o in dated_items}
    feed_plan = plan_feeds(site, library, dated_items, revisions, event_keys, settings, cache, state, files)
    if on_pages is not None:   # after the last process pool: the search may now run beside the feeds
        on_pages(files, [job for job in jobs if urls.output_file(job.path) in searchable])
    write_feeds(site, library, feed_plan, revisions, cache, staging, files)
    feed_paths = feed_plan.paths
    files["_headers"] = headers([path for path in feed_paths if path.endswith("/kalender.ics")])
    news_feeds = atom.planned(site)  # Atom: new minutes, site-wide and per federation
    published = atom.publish(site, lock, now)   # when minutes reached the site (kept in calendar.lock)
    for path, title, alternate, meetings in news_feeds:
        rel = urls.output_file(path)
        dated = atom.newest(site, meetings, published)
        # An entry shows its meeting's front matter (in `content`), the start of its body and its times.
        key = digest(content, path, [(library.html_key(meeting), stamps) for meeting, stamps in dated])
        files[rel] = reusable(cache, "feeds", rel, key, state) or remembered(
            cache, "feeds", rel, key, atom.feed(site, library, path, title, alternate, dated))
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


class Vevents:
    """uid → VEVENT bytes of the events the feeds to write need. Several MiB at 5,000 meetings:
    with a cache they are not held but read back from it by their key as each feed splices them
    in; without one they are held. get() gives None for one the cache no longer has (damaged
    since): the feed then makes it again."""

    def __init__(self, cache: BuildCache, keys: dict[str, str]):
        self._cache, self._keys = cache, keys
        self._held: dict[str, bytes] = {}

    def get(self, uid: str) -> bytes | None:
        if uid in self._held:
            return self._held[uid]
        return self._cache.get("events", self._keys[uid], remember=False) if uid in self._keys else None

    def __setitem__(self, uid: str, data: bytes) -> None:
        if not self._cache.enabled:
            self._held[uid] = data


@dataclass
class FeedPlan:
    paths: list[str]                      # every iCal file's site path
    todo: list[tuple]                     # (feed, output path, key) of the feeds to write
    events: Vevents                       # uid → VEVENT bytes the feeds to write need


def plan_feeds(site: Site, library: Library, items: list, revisions: dict, event_keys: dict[str, str], settings: str,
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
        kept = reusable(cache, "feeds", rel, key, state)
        if kept is None:
            todo.append((feed, rel, key))
        else:
            files[rel] = kept
    needed = sorted({o.uid for feed, _rel, _key in todo for o in feed.items})
    events = Vevents(cache, event_keys)
    cached = cache.known_keys("events", [event_keys[uid] for uid in needed])
    known = {uid for uid in needed if event_keys[uid] in cached}
    missing = [index for index, occ in enumerate(items) if occ.uid in needed and occ.uid not in known]
    for index, data in zip(missing, parallel.each(_serialize_event, missing, (site, library, items, revisions))):
        uid = items[index].uid
        events[uid] = data
        cache.put("events", event_keys[uid], data)
    for key in event_keys.values():   # the others are still right, read this time or not
        cache.touch("events", key)
    return FeedPlan([feed.path for feed in planned], todo, events)


def write_feeds(site: Site, library: Library, plan: FeedPlan, revisions: dict, cache: BuildCache, staging: Staging | None,
                files: dict) -> None:
    """Step 5, second half: the changed feeds, one by one, so that a big site's feeds are never
    all in memory at once."""
    heads: dict = {}
    for feed, rel, key in plan.todo:
        parts = ical.feed_parts(site, library, feed, revisions, plan.events, heads)
        data = staging.put_parts(rel, parts) if staging is not None else b"".join(parts)
        files[rel] = remembered(cache, "feeds", rel, key, data)


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
            library = convert_bodies(site, cache, keep_minutes=keep_model)   # the live preview reads minutes
        lock = load_feed_lock(root, cache)
        staging = Staging(out_dir, state)   # pages are written into it as they are rendered
        try:
            indexing: list[SearchIndex] = []

            def index_pages(page_files: dict, searchable_jobs: list) -> None:
                indexing.append(SearchIndex(page_files, site, searchable_jobs, cache, state, out_dir,
                                            refresh_search, staging).start())

            rendered = render_site(site, library, progress, lock, build_moment(site.config.timezone, today), cache, state,
                                   staging, on_pages=index_pages,
                                   keep_contexts=keep_model)   # the live preview renders them again
            files, copies = rendered.files, rendered.copies
            progress.step(N_("indexing for search"))
            skipped = indexing[0].finish(files)  # last before writing
            warnings = [skipped] if skipped else []
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
            last_build.put("build", "last", (inputs, (rendered.pages, rendered.feeds, written, tuple(warnings))))
        cache.save()
        last_build.save()
        progress.wrote(sorted([*files, *copies]))
    finally:
        gc.unfreeze()
        progress.finish()
    return BuildResult(pages=rendered.pages, feeds=rendered.feeds, files=written,
                       seconds=time.perf_counter() - started, warnings=warnings,
                       model=BuiltModel(site, library, rendered.env, rendered.jobs, out_dir) if keep_model else None)
