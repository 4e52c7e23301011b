"""Full-text search: Pagefind indexes the rendered pages; its bundle is served from /pagefind/.

Pagefind is a dependency (`pagefind[bin]`): its PyPI package carries the indexing binary, so
indexing needs no network. Without it the build still succeeds and says that search was
skipped. Only pages marked data-pagefind-body (see base.html) are indexed.

Pagefind always indexes every page it is given (about 5 ms of CPU a page, and a third of a
megabyte of memory), and has no incremental mode. So the index is split into parts: minutes and
events by year (a year with many pages by months), everything else in the main part. Each part
is a Pagefind bundle of its own, indexed only when one of its pages changed, and the search page
merges them in the browser (Pagefind's mergeIndex, listed in PARTS_FILE). A one-meeting edit
re-indexes that meeting's year, not the site; parts are indexed side by side on a multi-core
machine; and no Pagefind process holds more than a part.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.i18n import N_, _

BUNDLE_DIR = "pagefind"          # → output/pagefind/pagefind.js
PARTS_DIR = "delar"              # → output/pagefind/delar/<part>/
PARTS_FILE = "sitegen-delar.json"
MAIN_PART = ""
# Pages a part is planned for (a year is split into runs of months by this average, so an uneven
# year may give a part a few more): small enough that a one-page edit re-indexes quickly, large
# enough that a search does not fetch from dozens of parts.
MAX_PART_PAGES = 100
TIMEOUT_SECONDS = 600
INSTALL_HINT = N_("reinstall sitegen (pip install -e .), which brings Pagefind, and build again")
# What a part's bundle needs besides the main one: the main bundle brings the scripts and the
# WebAssembly, which mergeIndex shares.
PART_FOLDERS = ("index/", "fragment/", "filter/")


def _part_needs(rel: str) -> bool:
    """Whether a file of a part's own Pagefind bundle is needed beside the main bundle."""
    return rel == "pagefind-entry.json" or rel.endswith(".pf_meta") or rel.startswith(PART_FOLDERS)


def find_pagefind() -> Path | None:
    """The Pagefind binary shipped in the pagefind-bin package, or None when not installed."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return get_executable()
    except (FileNotFoundError, OSError):
        return None


def skipped(message: str, fix: str | None = None) -> Problem:
    # The site-wide settings file is the nearest thing to a location for a site-wide warning.
    return Problem("site.yaml", 1, "search", message, _(INSTALL_HINT) if fix is None else fix, severity="warning")


@dataclass(frozen=True)
class Searchable:
    rel: str                 # output path of the page: 'moten/x/index.html'
    year: int | None         # minutes and events: the year they belong to; None: the main part
    month: int | None = None


def plan_parts(pages: list[Searchable]) -> dict[str, list[str]]:
    """Part name → output paths of its pages. A pure function of the pages, so unchanged parts
    keep their bytes. A year with more than MAX_PART_PAGES pages is split into 2, 3, 4, 6 or 12
    runs of months."""
    by_year: dict[int | None, list[Searchable]] = {}
    for page in pages:
        by_year.setdefault(page.year, []).append(page)
    parts: dict[str, list[str]] = {MAIN_PART: []}
    for year, members in sorted(by_year.items(), key=lambda pair: (pair[0] is not None, pair[0] or 0)):
        if year is None:
            parts[MAIN_PART] += [page.rel for page in members]
            continue
        splits = next((d for d in (1, 2, 3, 4, 6) if math.ceil(len(members) / d) <= MAX_PART_PAGES), 12)
        for page in members:
            name = str(year) if splits == 1 else f"{year}-{((page.month or 1) - 1) * splits // 12 + 1}"
            parts.setdefault(name, []).append(page.rel)
    if not parts[MAIN_PART] and len(parts) > 1:   # the main bundle carries the scripts: never empty
        newest = max(name for name in parts if name != MAIN_PART)
        parts[MAIN_PART] = parts.pop(newest)
    return {name: sorted(rels) for name, rels in parts.items() if rels}


def part_dir(name: str) -> str:
    return BUNDLE_DIR if name == MAIN_PART else f"{BUNDLE_DIR}/{PARTS_DIR}/{name}"


def parts_listing(names: list[str]) -> bytes:
    """The list the search page merges, relative to the main bundle."""
    others = [f"{PARTS_DIR}/{name}/" for name in sorted(names) if name != MAIN_PART]
    return (json.dumps({"parts": others}, indent=1) + "\n").encode("utf-8")


def index_parts(binary: Path, parts: dict[str, dict[str, Path | bytes]], language: str, workers: int,
                into: Path) -> tuple[dict[str, dict[str, Path]], Problem | None]:
    """Index each part's pages (output path → the page's file, or its bytes); part name → its
    bundle's files (path in output/ → the file, left in the folder `into` for the caller to
    place: a big site's index is never held in memory). Parts run side by side, `workers` at a
    time."""
    from concurrent.futures import ThreadPoolExecutor   # only when there is indexing to do
    names = sorted(parts)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(names)))) as pool:
        results = list(pool.map(lambda name: _index_part(binary, name, parts[name], language, into), names))
    bundles: dict[str, dict[str, Path]] = {}
    for name, result in zip(names, results):
        if isinstance(result, Problem):
            return {}, result
        bundles[name] = result
    return bundles, None


def _index_part(binary: Path, name: str, pages: dict[str, Path | bytes], language: str,
                into: Path) -> dict[str, Path] | Problem:
    bundle_dir = Path(tempfile.mkdtemp(prefix="bundle-", dir=into))
    with tempfile.TemporaryDirectory(prefix="site-", dir=into) as site_dir:
        site_dir = Path(site_dir)
        for rel, page in pages.items():
            target = site_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(page, bytes):
                target.write_bytes(page)
            else:
                shutil.copyfile(page, target)
        # cwd: a pagefind.yml lying in the caller's folder must not change the index.
        env = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
        try:
            run = subprocess.run([str(binary), "--site", str(site_dir), "--output-path", str(bundle_dir),
                                  "--force-language", language, "--silent"],
                                 cwd=into, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return skipped(_("Pagefind could not run ({error}), so search was skipped").format(error=exc))
    if run.returncode != 0:
        last = (run.stderr or run.stdout).strip().splitlines()[-1:] or [_("no message")]
        return skipped(_("Pagefind failed ({error}), so search was skipped").format(error=last[0]),
                       _("build again with -v, or reinstall sitegen"))
    prefix = part_dir(name)
    bundle: dict[str, Path] = {}
    for path in sorted(p for p in bundle_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(bundle_dir).as_posix()
        if name == MAIN_PART or _part_needs(rel):
            bundle[f"{prefix}/{rel}"] = path
    return bundle
