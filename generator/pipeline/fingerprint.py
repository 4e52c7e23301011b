"""Has anything a build reads changed? Answered without importing the pipeline.

An unchanged rebuild (the nightly build with nothing new, an author running build twice) should
cost the start of Python and a look at the files, not the import of Jinja2, Markdown and the
calendar libraries: `sitegen build` asks `unchanged()` first and imports build.py only when
there is work to do.
"""
from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator import __version__, i18n
from generator.feeds import feedlock
from generator.search import pagefind as search
from generator.content import themes
from generator.store.cache import BuildCache, content_digest, digest
from generator.content.config import load_config
from generator.errors import BuildFailed, Problem
from generator.i18n import _, decimal, ngettext
from generator.store.output import OutputState

LAST_BUILD = "last-build"


@dataclass
class BuildResult:
    pages: int
    feeds: int
    files: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    model: "BuiltModel | None" = None     # when asked for (the live preview and check read it)

    def summary(self) -> str:
        pages = ngettext("{count} page", "{count} pages", self.pages).format(count=self.pages)
        feeds = ngettext("{count} feed", "{count} feeds", self.feeds).format(count=self.feeds)
        files = ngettext("{count} file", "{count} files", self.files).format(count=self.files)
        return _("Built {pages} and {feeds} ({files}) in {seconds} s").format(
            pages=pages, feeds=feeds, files=files, seconds=decimal(self.seconds))


@dataclass(frozen=True)
class BuiltModel:
    """What a build resolved and rendered, for a caller that works on after it."""
    site: object          # model.Site
    library: object       # minutes.library.Library: what was found beside the site
    env: object           # the Jinja2 environment the pages were rendered with
    jobs: list            # render.PageJob of every page
    out_dir: Path


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


def code_digest() -> str:
    """The generator's code, the libraries that shape its output and the language of its messages:
    a changed module or an upgraded library must not meet results cached by the old one, and a
    problem cached in Swedish must not be shown to a build run in English."""
    return _code_digest(i18n.language())


@lru_cache(maxsize=2)
def _code_digest(language: str) -> str:
    from importlib import metadata
    libraries = []
    for name in ("cmarkgfm", "nh3", "jinja2", "icalendar", "babel", "pyyaml"):
        try:
            libraries.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            libraries.append((name, None))
    package = Path(__file__).resolve().parent.parent   # generator/, every sub-package
    return digest(__version__, libraries, language,
                  *[(p.relative_to(package).as_posix(), p.read_bytes()) for p in sorted(package.rglob("*.py"))],
                  *[(p.relative_to(package).as_posix(), p.read_bytes())
                    for p in sorted(package.glob("locale/*/LC_MESSAGES/*.mo"))])


def input_fingerprint(root: Path, out_dir: Path, today: dt.date | None, refresh_search: bool,
                      memo: dict | None = None) -> str | None:
    """Everything a build reads, in one key: the generator's code, site.yaml, calendar.lock, the day,
    every content and theme file. Text files count by their bytes, attachments by size and time.

    `memo` (path → (stat, hash), kept between builds and updated here) spares reading the files
    whose stat is unchanged: the unchanged rebuild then reads almost nothing."""
    try:
        config = load_config(root)
    except (Problem, BuildFailed):
        return None
    memo = {} if memo is None else memo
    seen: dict = {}
    parts: list = [code_digest(), str(out_dir.resolve()), refresh_search, str(search.find_pagefind()),
                   today or build_date(config.timezone), os.environ.get("SOURCE_DATE_EPOCH", "")]
    for rel, path in _input_files(root, config):
        info = path.stat()
        if path.suffix in {".md", ".yaml", ".lock", ".html", ".css", ".js", ".svg"}:
            stat = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
            known = memo.get(rel)
            file_hash = known[1] if known and known[0] == stat else content_digest(path.read_bytes())
            seen[rel] = (stat, file_hash)
            parts.append((rel, file_hash))
        else:
            parts.append((rel, info.st_size, info.st_mtime_ns))
    memo.clear()
    memo.update(seen)
    return digest(*parts)


def _input_files(root: Path, config) -> list[tuple[str, Path]]:
    """(label, path) of every file a build reads: site.yaml, calendar.lock, content/, and the theme
    files as the lookup chain resolves them (a built-in file may live outside the site folder)."""
    found: list[tuple[str, Path]] = []
    for folder in (root / "site.yaml", root / feedlock.LOCK_NAME, config.content_dir):
        files = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file()) \
            if folder.is_dir() else []
        found += [(path.relative_to(root).as_posix(), path) for path in files]
    found += [(f"theme:{rel}", path) for rel, path in themes.theme_files(config.theme_dirs).items()]
    return found


def unchanged_summary(cache: BuildCache, inputs: str | None, state: OutputState):
    """The last build's summary when nothing it read has changed and output/ is as it left it."""
    last = cache.get("build", "last")
    if inputs is None or not last or last[0] != inputs or not state.out_dir.is_dir():
        return None
    if not state.intact():
        return None   # a file was added, removed or touched since: build (writing restores it)
    return last[1]


def spare_dir(root: Path, out_dir: Path) -> Path:
    """Where the retired output folder waits to be the next build's staging folder."""
    return cache_dir(root) / f"previous-{Path(out_dir).name}"


def unchanged(root: Path, out_dir: Path | None = None, today: dt.date | None = None,
              refresh_search: bool = True) -> BuildResult | None:
    """The last build's result when nothing it read has changed and output/ is as it left it."""
    import time
    started = time.perf_counter()
    root = Path(root)
    out_dir = Path(out_dir or root / "output")
    last_build = BuildCache(cache_dir(root), name=LAST_BUILD)
    memo = dict(last_build.get("build", "stat") or {})
    inputs = input_fingerprint(root, out_dir, today, refresh_search, memo)
    state = OutputState(out_dir, spare_dir(root, out_dir))
    summary = unchanged_summary(last_build, inputs, state)
    if summary is None:
        _probes[(str(root), str(out_dir), today, refresh_search)] = (inputs, memo, state)
        return None
    return BuildResult(pages=summary[0], feeds=summary[1], files=summary[2],
                       seconds=time.perf_counter() - started, warnings=list(summary[3]))


# What unchanged() found when there was work to do, for the build that follows it in the same
# process: the build need not fingerprint the inputs, walk output/ or ask again. A file saved in
# between makes the recorded fingerprint older than what the build read, which only costs the
# next build its shortcut; a file of output/ touched in between is not trusted when written.
_probes: dict = {}


def take_probe(root: Path, out_dir: Path, today: dt.date | None, refresh_search: bool):
    """(inputs, memo, output state) from unchanged() for these arguments, once; None when there is none."""
    return _probes.pop((str(root), str(out_dir), today, refresh_search), None)
