"""The live preview's shortcut: show an edited body at once, before the full rebuild.

An author who changes the text of one file (not its front matter) waits for one Markdown
conversion and one page, not for a build: the pages that show that body are rendered from the
last build's model and written into output/ in place, the browser reloads, and the full build
follows right after (which may change other pages, such as the registers). The full build then
owns output/ again: a file written here no longer matches the stat the build recorded for it,
so the build writes its own bytes over it (see output.py).

The build's model is never changed here: an edited body lives in the preview's own state, as a
copy of the record with the new body and HTML, and the pages showing it are rendered with that
copy in their context.
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.minutes import mentions, facts as minutes
from generator.pages import environment
from generator.content import urls
from generator.pipeline.bodies import convert_body, redaction_pairs   # the same conversion the build runs
from generator.errors import Problem
from generator.pipeline.fingerprint import BuiltModel
from generator.content.model import Meeting
from generator.content.sources import parse_source_text


@dataclass
class Model:
    """What the last successful build resolved, kept in memory by `sitegen serve`."""
    site: object
    env: object
    jobs: list
    out_dir: Path
    by_path: dict = field(default_factory=dict)        # content file → the model item read from it
    names: tuple = ()
    edited: dict = field(default_factory=dict)         # content file → the record as last previewed

    @classmethod
    def of(cls, built: BuiltModel) -> "Model":
        return cls(built.site, built.env, built.jobs, built.out_dir)

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
    shown = model.edited.get(key, item)
    try:
        text = Path(path).read_bytes().decode("utf-8")   # line endings: parse_source_text, as the build
        parsed = parse_source_text(text, item.source.rel)
    except (OSError, UnicodeDecodeError, Problem):
        return None
    body = parsed.body
    if parsed.meta_digest != item.source.meta_digest or body == shown.body:
        return None
    base = model.site.config.base_path
    is_minutes = isinstance(item, Meeting)
    value = convert_body((body, base, redaction_pairs(item) if is_minutes else (), is_minutes), model.names)
    changes = {"source": dataclasses.replace(item.source, body=body)}
    if isinstance(value, minutes.MinutesFacts):
        changes.update(minutes=value, stored_html=value.html)
    else:
        changes.update(stored_html=value)
    edited = model.edited[key] = dataclasses.replace(item, **changes)
    fragments = model.env.globals.get("fragment")
    if isinstance(fragments, environment.Fragments):   # none may show the old body's facts
        fragments.clear()
    written: dict[str, bytes] = {}
    for job in model.jobs:
        if any(shown is item for shown in job.bodies):
            rel = urls.output_file(job.path)
            data = environment.render_job(model.env, model.site, _showing(job.resolved(), item, edited))
            _replace(model.out_dir / rel, data)
            written[rel] = data
    return written or None


def _showing(job, item, edited):
    """`job` with `edited` wherever its context hands the template `item` itself."""
    context = {name: edited if value is item else value for name, value in job.context.items()}
    return dataclasses.replace(job, context=context)


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
