"""The search index of a build: planned in the build's thread (it reads the cache), indexed by
Pagefind in a background thread while the feeds are written, and placed in the build's thread."""
from __future__ import annotations

from pathlib import Path


from generator.pages import jobs
from generator.content import urls
from generator.search import pagefind as search
from generator.store import parallel
from generator.errors import Problem
from generator.i18n import _
from generator.store.cache import BuildCache, digest
from generator.content.model import Event, Meeting, Site
from generator.store.output import Kept, OutputState, Placed, Staging


from generator.pipeline.reuse import kept, size_and_hash


def searchable(job: jobs.PageJob) -> search.Searchable:
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

    def __init__(self, files: dict, site: Site, searchable_jobs: list[jobs.PageJob], cache: BuildCache,
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
                                  [(rel, size_and_hash(files[rel])[1]) for rel in rels])
                     for name, rels in plan.items()}
        for name, key in self.keys.items():
            previous = cache.get("search", name)
            if previous and (previous[0] == key or not refresh):
                still = {rel: kept(state, rel, (None, size, file_hash))
                         for rel, (size, file_hash) in previous[1].items()}
                if all(still.values()):
                    self.bundles[name] = still
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
                self.cache.put("search", name, (self.keys[name], {rel: size_and_hash(data)
                                                                  for rel, data in placed.items()}))
        finally:
            self.made = {}
            if self.folder is not None:
                self.folder.cleanup()
        for bundle in self.bundles.values():
            files.update(bundle)
        files[f"{search.BUNDLE_DIR}/{search.PARTS_FILE}"] = search.parts_listing(list(self.bundles))
        return None


def _page_source(value, rel: str, out_dir: Path, staging: Staging | None) -> Path | bytes:
    """Where Pagefind's copy of a page comes from: the file already written (a big site's pages
    are not held in memory for the index), or the bytes when there is no such file."""
    if isinstance(value, Placed):
        return staging.dir / rel
    return out_dir / rel if isinstance(value, Kept) else value


