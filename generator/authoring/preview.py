"""The live preview's shortcut: show an edited body at once, before the full rebuild.

An author who changes the text of one file (not its front matter) waits for one Markdown
conversion and one page, not for a build: the pages that show that body are rendered from the
last build's model and written into output/ in place, the browser reloads, and the full build
follows right after (which may change other pages, such as the registers). The full build then
owns output/ again: a file written here no longer matches the stat the build recorded for it,
so the build writes its own bytes over it (see output.py).

The build's model and Library are never changed here: the preview keeps its own Library, the
build's with each edited body in place (Library.with_body), and renders the pages showing it
with that.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.minutes import mentions
from generator.minutes.library import Body, Library
from generator.pages import environment
from generator.content import urls
from generator.pipeline.bodies import convert_record, split_html   # the same conversion the build runs
from generator.errors import Problem
from generator.store.cache import content_digest, digest
from generator.pipeline.fingerprint import BuiltModel
from generator.content.sources import parse_source_text


@dataclass
class Model:
    """What the last successful build resolved, kept in memory by `sitegen serve`."""
    site: object
    library: Library                                   # the build's, then with each previewed body
    env: object
    jobs: list
    out_dir: Path
    by_path: dict = field(default_factory=dict)        # content file → the model item read from it
    names: tuple = ()
    bodies: dict = field(default_factory=dict)         # content file → its body as last previewed

    @classmethod
    def of(cls, built: BuiltModel) -> "Model":
        return cls(built.site, built.library, built.env, built.jobs, built.out_dir)

    def __post_init__(self):
        site = self.site
        for item in [*site.federations, *site.projects, *site.meetings, *site.events, *site.pages]:
            self.by_path[os.path.abspath(item.source.path)] = item
        self.names = mentions.known_names(site)


def show_body_edit(model: Model, path: Path) -> dict[str, bytes] | None:
    """Render and write the pages showing the body of `path`, if only its body changed.

    Returns output path → bytes written, or None when the change needs the full build (front
    matter changed, a new or unknown file, anything unreadable)."""
    key = os.path.abspath(path)
    item = model.by_path.get(key)
    if item is None:
        return None
    try:
        raw = Path(path).read_bytes()
        parsed = parse_source_text(raw.decode("utf-8"), item.source.rel)   # line endings: as the build
    except (OSError, UnicodeDecodeError, Problem):
        return None
    body = parsed.body
    if parsed.meta_digest != item.source.meta_digest:
        return None
    shown = model.bodies.get(key)   # the body as last previewed; else the build's, known by the file's digest
    if body == shown or (shown is None and content_digest(raw) == item.source.digest):
        return None
    found, html = split_html(convert_record(item, body, model.site.config.base_path, model.names))
    # A key of its own: nothing the build remembered by the old key may stand for the new body.
    previous = model.library.body(item)
    model.library = model.library.with_body(item, Body(digest("preview", body), previous.facts_digest, html), found)
    model.bodies[key] = body
    fragments = model.env.globals.get("fragment")
    if isinstance(fragments, environment.Fragments):   # none may show the old body's facts
        fragments.clear()
    written: dict[str, bytes] = {}
    for job in model.jobs:
        if any(shown is item for shown in job.bodies):
            rel = urls.output_file(job.path)
            data = environment.render_job(model.env, model.site, model.library, job)
            _replace(model.out_dir / rel, data)
            written[rel] = data
    return written or None


def _replace(target: Path, data: bytes) -> None:
    """Write beside the file and rename over it: the server never sends half a page."""
    handle, temp = tempfile.mkstemp(prefix=".preview-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
