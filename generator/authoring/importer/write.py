"""The `sitegen import` command: files or folders in, meeting bundles and proposed events out."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import yaml

from generator.i18n import _
from generator.text.slugs import slugify
from generator.content.sources import parse_front_matter
from generator.authoring.importer import messages
from generator.authoring.importer.minutes import import_minutes
from generator.authoring.importer.names import KnownNames
from generator.authoring.importer.readers import SUFFIXES, read_minutes
from generator.authoring.importer.report import summary_table


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper, value: str):
    if re.fullmatch(r"\d{1,2}:\d{2}", value):   # times in double quotes, as docs/schema-spec.md shows
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def to_file_text(meta: dict, body: str) -> str:
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                      default_flow_style=False, width=100)
    return f"---\n{front}---\n{body.rstrip()}\n"


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _existing_uid(path: Path) -> str | None:
    try:
        meta, _lines, _body, _line = parse_front_matter(path.read_text(encoding="utf-8"), path.name)
        return str(meta.get("uid")) if meta.get("uid") else None
    except Exception:  # a broken file is still a file we must not overwrite
        return None


def original_name(path: Path) -> str:
    """The name the original keeps beside index.md: its own name, so that the page's 'Källa' line
    (front matter `source`) links to it. A Markdown original gets '.txt' added, so that the site
    does not read it as a second page."""
    name = path.name.lstrip(".") or "original"
    if path.suffix.lower() in (".md", ".markdown"):
        return f"{name}.txt"
    return name


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def expand_inputs(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files as given; a folder gives every file of minutes in it (not hidden ones), sorted."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir()
                            if p.is_file() and not p.name.startswith((".", "~$"))
                            and p.suffix.lower() in SUFFIXES)
            if not inside:
                errors.append(_(messages.NOTHING_TO_IMPORT).format(path=path))
            files.extend(inside)
        else:
            files.append(path)
    return files, errors


@dataclass
class FileOutcome:
    """One row of the table after a folder: file → meeting, fields, events."""
    file: str
    meeting: str = ""
    found: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    events: int = 0
    status: str = "imported"          # "imported", "skipped", "failed"


class _Originals:
    """The originals already kept beside meetings, by the digest of their bytes."""

    def __init__(self, meetings_dir: Path):
        self.by_digest: dict[str, Path] = {}
        if meetings_dir.is_dir():
            for index in sorted(meetings_dir.rglob("index.md")):
                for kept in sorted(index.parent.iterdir()):
                    if kept.is_file() and kept.name != "index.md":
                        self.by_digest.setdefault(_digest(kept.read_bytes()), index)

    def find(self, data: bytes) -> Path | None:
        return self.by_digest.get(_digest(data))

    def add(self, data: bytes, index: Path) -> None:
        self.by_digest.setdefault(_digest(data), index)


def _meeting_target(meetings_dir: Path, slug: str, uid: str, planned: set[Path]) -> tuple[str, Path, Path | None]:
    """The meeting's folder: a different meeting on the same day and type gets -2, -3 …
    Returns (slug, index.md path, an older flat file of the same meeting to replace)."""
    base, n = slug, 2
    while True:
        index = meetings_dir / slug / "index.md"
        flat = meetings_dir / f"{slug}.md"
        taken = [p for p in (index, flat) if p.exists() and _existing_uid(p) not in (None, uid)]
        if index not in planned and not taken:
            return slug, index, flat if flat.exists() else None
        slug = f"{base}-{n}"
        n += 1


def import_command(files: list[Path], site_root: Path, into: Path | None, dry_run: bool, force: bool,
                   out: TextIO) -> int:
    """`sitegen import FILE|FOLDER…`: one meeting folder (index.md and the original beside it) and
    its proposed events per file; a table at the end when more than one file; 1 on any failure."""
    site_root = Path(site_root)
    meetings_dir = Path(into) if into else site_root / "content" / "meetings"
    if not meetings_dir.is_absolute() and into is not None:
        meetings_dir = site_root / meetings_dir
    events_dir = site_root / "content" / "events"
    if not meetings_dir.resolve().is_relative_to(site_root.resolve()):
        out.write(_("error: {message}").format(message=_(messages.OUTSIDE_SITE).format(path=into, root=site_root)) + "\n")
        return 1
    known, problems = KnownNames.from_site(site_root)
    for problem in problems:
        out.write(_("warning: {problem}").format(problem=problem) + "\n")
    if not known.federations:
        out.write(_("warning: {problem}").format(problem=_(messages.NO_FEDERATIONS)) + "\n")
    inputs, input_errors = expand_inputs(files)
    status = 0
    for error in input_errors:
        out.write(_("error: {message}").format(message=error) + "\n")
        status = 1
    originals = _Originals(meetings_dir)
    planned: set[Path] = set()
    outcomes: list[FileOutcome] = []
    for path in inputs:
        outcome = FileOutcome(path.name)
        outcomes.append(outcome)
        code = _import_one(path, site_root, meetings_dir, events_dir, known, originals, planned,
                           dry_run, force, out, outcome)
        status = max(status, code)
    if len(outcomes) > 1:
        out.write("\n" + summary_table(outcomes) + "\n")
    if dry_run:
        out.write(_(messages.DRY_RUN) + "\n")
    return status


def _import_one(path: Path, site_root: Path, meetings_dir: Path, events_dir: Path, known: KnownNames,
                originals: _Originals, planned: set[Path], dry_run: bool, force: bool, out: TextIO,
                outcome: FileOutcome) -> int:
    reading = read_minutes(path)
    if reading.error:
        out.write(_("error: {message}").format(message=reading.error) + "\n")
        outcome.status = "failed"
        return 1
    data = path.read_bytes()
    seen = originals.find(data)
    if seen is not None and not force:
        target = _rel(seen, site_root)
        out.write(f"{path.name}: {_(messages.ALREADY_IMPORTED).format(target=target)}\n")
        outcome.status, outcome.meeting = "skipped", target
        return 0
    try:
        result = import_minutes(reading.text, path.name, known)
    except Exception as exc:  # a file the rules trip over: a message naming it, never a traceback
        out.write(_("error: {message}").format(message=_(messages.IMPORT_FAILED).format(path=path, reason=type(exc).__name__)) + "\n")
        outcome.status = "failed"
        return 1
    result.meta["source"] = original_name(path)
    if reading.note:
        result.report.append(_("note: {note}").format(note=reading.note))
    if seen is not None:          # --force on a file imported before: replace that meeting
        slug, target, flat = seen.parent.name, seen, None
        result.meta["uid"] = _existing_uid(seen) or result.meta["uid"]
    else:
        slug, target, flat = _meeting_target(meetings_dir, result.slug, result.meta["uid"], planned)
    if slug != result.slug:
        for event in result.events:
            event.meta["announced_in"] = slug
    kept = target.parent / original_name(path)
    writes: list[tuple[Path, str | bytes]] = [(target, to_file_text(result.meta, result.body)), (kept, data)]
    skipped: list[str] = []
    for event in result.events:
        event_path = events_dir / f"{event.slug}.md"
        day = str(event.meta["start"])[:10]
        existing_meetings = sorted(set(meetings_dir.glob(f"{day}-*.md")) | set(meetings_dir.glob(f"{day}-*/index.md")))
        if existing_meetings and event.meta.get("status") != "inställd" and any(
                slugify(result.meta["type"]) in p.as_posix() for p in existing_meetings):
            skipped.append(_(messages.EVENT_DAY_HAS_MEETING).format(
                day=day, title=event.meta["title"], meeting=_rel(existing_meetings[0], site_root)))
            continue
        if event_path.exists() and _existing_uid(event_path) not in (None, event.meta["uid"]):
            skipped.append(_(messages.EVENT_ANNOUNCED_ELSEWHERE).format(path=_rel(event_path, site_root)))
            continue
        writes.append((event_path, to_file_text(event.meta, event.body)))
    existing = [p for p, _content in writes if p.exists() and p != kept]
    if flat is not None:
        existing.append(flat)
    outcome.meeting = _rel(target, site_root)
    outcome.found, outcome.review = result.found, result.review_fields
    outcome.events = len(writes) - 2
    out.write(f"{path.name} → {_rel(target, site_root)}\n")
    for line in result.report:
        out.write(f"  {line}\n")
    out.write(f"  {_(messages.ORIGINAL_KEPT).format(target=_rel(kept, site_root))}\n")
    if result.events:
        out.write(f"  {_(messages.EVENTS_PROPOSED).format(count=len(writes) - 2)}\n")
        for p, _content in writes[2:]:
            out.write(f"    {_rel(p, site_root)}\n")
    for line in skipped:
        out.write("  " + _("event {line}").format(line=line) + "\n")
    if existing and not force:
        for p in existing:
            out.write("  " + _("error: {message}").format(message=_(messages.EXISTS).format(path=_rel(p, site_root))) + "\n")
        outcome.status = "failed"
        return 1
    planned.add(target)
    if dry_run:
        for p, content in writes:
            if isinstance(content, bytes):
                out.write(_(messages.WOULD_COPY).format(name=path.name, path=_rel(p, site_root)) + "\n")
            else:
                out.write(_(messages.WOULD_WRITE).format(path=_rel(p, site_root)) + "\n" + content)
        return 0
    for p, content in writes:
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        except OSError as exc:
            out.write("  " + _("error: {message}").format(message=_(messages.CANNOT_WRITE).format(path=_rel(p, site_root), reason=exc.strerror or exc)) + "\n")
            outcome.status = "failed"
            return 1
    if flat is not None:
        flat.unlink()             # --force: the older flat file of this meeting becomes its folder
    originals.add(data, target)
    return 0
