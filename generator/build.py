"""The pipeline, top to bottom: load → model → markup → render → feeds → write.

Every content problem of every file is collected before anything is written; a failed build
raises BuildFailed and leaves output/ untouched.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import jinja2

from . import calendar, render, search, urls
from . import feedlock
from . import atom, crossref, mentions, minutes
from .config import Config, load_config
from .errors import BuildFailed, Problem
from .markup import render_markdown
from .model import Site, build_site
from .output import write_site
from .progress import Progress
from .sources import load_sources


@dataclass
class BuildResult:
    pages: int
    feeds: int
    files: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        return (f"Built {self.pages} pages and {self.feeds} feeds ({self.files} files) "
                f"in {self.seconds:.2f} s")


CACHE_DIR_NAME = ".sitegen-cache"


def cache_dir(root: Path) -> Path:
    """Where build state that is safe to delete lives (git-ignored)."""
    return Path(root) / CACHE_DIR_NAME


def build_date(timezone: str) -> dt.date:
    """The day the build sees as 'today': SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    tz = zoneinfo.ZoneInfo(timezone)
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz).date()
    return dt.datetime.now(tz).date()


def build_moment(timezone: str, today: dt.date | None = None) -> dt.datetime:
    """The instant calendar.lock stamps a changed event with: the start of an injected day,
    else SOURCE_DATE_EPOCH, else now. Only a change writes it, so rebuilds stay byte-identical."""
    if today is not None:
        return dt.datetime.combine(today, dt.time(0), zoneinfo.ZoneInfo(timezone)).astimezone(dt.timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def load_feed_lock(root: Path) -> feedlock.FeedLock:
    try:
        return feedlock.load(root)
    except Problem as problem:
        raise BuildFailed([problem]) from None


def load_model(root: Path, today: dt.date | None = None) -> Site:
    """Steps 1–2: read site.yaml and every content file into a resolved Site, or raise BuildFailed."""
    try:
        config = load_config(root)
    except Problem as problem:
        raise BuildFailed([problem]) from None
    sources, problems = load_sources(root, config.content_dir)
    site, model_problems = build_site(config, sources, today or build_date(config.timezone))
    problems += model_problems
    if problems:
        raise BuildFailed(problems)
    return site


def convert_bodies(site: Site) -> None:
    """Step 3: Markdown bodies to sanitised HTML, names redacted where the meeting says so."""
    base = site.config.base_path
    for item in [*site.federations, *site.projects, *site.events, *site.pages]:
        item.body_html = render_markdown(item.body, base)
    names = mentions.known_names(site)
    for meeting in site.meetings:
        # Per page and pure (cacheable): agenda anchors, mention links, decisions found.
        meeting.minutes = minutes.enrich(render_markdown(meeting.body, base, redaction_pairs(meeting)), names)
        meeting.body_html = meeting.minutes.html
    crossref.relate(site)  # across meetings: needs every meeting's minutes


def redaction_pairs(meeting) -> tuple[tuple[str, str], ...]:
    """(name, replacement) for every person named in an unpublished meeting, longest first."""
    if meeting.publish_names:
        return ()
    pairs: dict[str, str] = {}
    people = [meeting.chair, meeting.secretary]
    people += [p for groups in (meeting.present, meeting.absent, meeting.guests) for g in groups for p in g.people]
    for person in people:
        if person is None or not person.name:
            continue
        label = render.person_label(person, publish_names=False)
        if label == "Namn ej publicerat":
            label = "[namn]"
        pairs.setdefault(person.name, label)
    return tuple(sorted(pairs.items(), key=lambda pair: (-len(pair[0]), pair[0])))


def static_files(config: Config) -> dict[str, tuple[str, Path]]:
    """Theme static files: name → (fingerprinted name, source), so browsers may cache them for ever."""
    static_dir = config.theme_dir / "static"
    found: dict[str, tuple[str, Path]] = {}
    if not static_dir.is_dir():
        return found
    for path in sorted(p for p in static_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(static_dir).as_posix()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        stem, dot, suffix = rel.rpartition(".")
        found[rel] = (f"{stem}.{digest}.{suffix}" if dot else f"{rel}.{digest}", path)
    return found


def sitemap(site: Site, paths: list[str]) -> bytes:
    rows = [f"  <url><loc>{escape(urls.absolute(site.config, urls.href(site.config, path)))}</loc></url>"
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


def render_site(site: Site, progress: Progress | None = None, lock: feedlock.FeedLock | None = None,
                now: dt.datetime | None = None) -> tuple[dict[str, bytes], dict[str, Path], int, int]:
    """Steps 4–5: every page and feed as bytes, every copied file as a source path."""
    progress = progress or Progress()
    config = site.config
    statics = static_files(config)
    env = render.make_environment(config, {name: fingerprinted for name, (fingerprinted, _) in statics.items()})
    occurrences = calendar.occurrences(site)
    files: dict[str, bytes] = {}
    jobs = render.page_jobs(site, occurrences)
    progress.step("rendering pages", len(jobs))
    for job in jobs:
        progress.advance()
        try:
            files[urls.output_file(job.path)] = render.render_job(env, site, job)
        except jinja2.TemplateError as exc:
            line = getattr(exc, "lineno", None) or 1
            name = getattr(exc, "filename", None) or getattr(exc, "name", None) or job.template
            raise BuildFailed([Problem(f"themes/{config.theme}/templates/{Path(str(name)).name}", line, None,
                                       f"template error while rendering {job.path}: {exc}",
                                       "fix the template (this is a theme problem, not a content problem)")]) from None
    progress.step("writing feeds")
    feeds = calendar.feeds(site, occurrences, lock, now)
    for path, data in feeds.items():
        files[urls.output_file(path)] = data
    files["_headers"] = headers([path for path in feeds if path.endswith("/kalender.ics")])
    news_feeds = atom.feeds(site)  # Atom: new minutes, site-wide and per federation
    for path, data in news_feeds.items():
        files[urls.output_file(path)] = data
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
    return files, copies, len(jobs), len(feeds) + len(news_feeds)


def build(root: Path, out_dir: Path | None = None, today: dt.date | None = None,
          progress: Progress | None = None) -> BuildResult:
    started = time.perf_counter()
    root = Path(root)
    progress = progress or Progress()
    try:
        progress.step("reading content")
        site = load_model(root, today)
        progress.step("converting Markdown")
        convert_bodies(site)
        lock = load_feed_lock(root)
        files, copies, pages, feeds = render_site(site, progress, lock, build_moment(site.config.timezone, today))
        progress.step("indexing for search")
        skipped = search.add_index(files, site.config.language)  # last step before anything is written
        if skipped:
            site.warnings.append(skipped)
        progress.step("writing files")
        out_dir = Path(out_dir or root / "output")
        written = write_site(out_dir, files, copies, spare_dir=cache_dir(root) / f"previous-{out_dir.name}").files
        feedlock.save(root, lock)  # only once the output is in place: a failed build remembers nothing
        progress.wrote(sorted([*files, *copies]))
    finally:
        progress.finish()
    return BuildResult(pages=pages, feeds=feeds, files=written, seconds=time.perf_counter() - started,
                       warnings=site.warnings)
