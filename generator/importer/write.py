"""The `sitegen import` command: files or folders in, meeting bundles and proposed events out."""
from __future__ import annotations

import re
import yaml
from pathlib import Path
from typing import TextIO

from ..slugs import slugify
from .minutes import import_minutes
from .names import KnownNames
from ..sources import parse_front_matter
from .readers.text import _read_text


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
        meta, _, _, _ = parse_front_matter(path.read_text(encoding="utf-8"), path.name)
        return str(meta.get("uid")) if meta.get("uid") else None
    except Exception:  # a broken file is still a file we must not overwrite
        return None


def import_command(files: list[Path], site_root: Path, into: Path | None, dry_run: bool, force: bool,
                   out: TextIO) -> int:
    """`sitegen import FILE…`: write one meeting (and its proposed events) per file; 1 on any failure."""
    site_root = Path(site_root)
    meetings_dir = Path(into) if into else site_root / "content" / "meetings"
    if not meetings_dir.is_absolute() and into is not None:
        meetings_dir = site_root / meetings_dir
    events_dir = site_root / "content" / "events"
    known, problems = KnownNames.from_site(site_root)
    for problem in problems:
        out.write(f"warning: {problem}\n")
    if not known.federations:
        out.write("warning: no federations under content/federations — none will be recognised\n")
    status = 0
    planned: set[Path] = set()
    for path in files:
        path = Path(path)
        text, read_note, error = _read_text(path)
        if error:
            out.write(f"error: {error}\n")
            status = 1
            continue
        result = import_minutes(text, path.name, known)
        if read_note:
            result.report.append(f"note: {read_note}")
        # the meeting's file: a different meeting on the same day and type gets -2, -3 …
        slug = result.slug
        target = meetings_dir / f"{slug}.md"
        n = 2
        while (target in planned) or (target.exists() and _existing_uid(target) not in (None, result.meta["uid"])):
            slug = f"{result.slug}-{n}"
            target = meetings_dir / f"{slug}.md"
            n += 1
        if slug != result.slug:
            for event in result.events:
                event.meta["announced_in"] = slug
        writes: list[tuple[Path, str]] = [(target, to_file_text(result.meta, result.body))]
        skipped: list[str] = []
        for event in result.events:
            event_path = events_dir / f"{event.slug}.md"
            existing_meetings = sorted(meetings_dir.glob(f"{str(event.meta['start'])[:10]}-*.md"))
            if existing_meetings and event.meta.get("status") != "inställd" and any(
                    slugify(result.meta["type"]) in p.stem for p in existing_meetings):
                skipped.append(f"{str(event.meta['start'])[:10]} {event.meta['title']}: a meeting file for that "
                               f"day exists ({_rel(existing_meetings[0], site_root)}) — skipped")
                continue
            if event_path.exists() and _existing_uid(event_path) not in (None, event.meta["uid"]):
                skipped.append(f"{_rel(event_path, site_root)} exists, announced elsewhere — skipped")
                continue
            writes.append((event_path, to_file_text(event.meta, event.body)))
        existing = [p for p, _ in writes if p.exists()]
        out.write(f"{path.name} → {_rel(target, site_root)}\n")
        for line in result.report:
            out.write(f"  {line}\n")
        if result.events:
            out.write(f"  events proposed: {len(writes) - 1}\n")
            for p, _ in writes[1:]:
                out.write(f"    {_rel(p, site_root)}\n")
        for line in skipped:
            out.write(f"  event {line}\n")
        if existing and not force:
            for p in existing:
                out.write(f"  error: {_rel(p, site_root)} exists — not overwritten (use --force to replace it)\n")
            status = 1
            continue
        planned.add(target)
        if dry_run:
            for p, content in writes:
                out.write(f"--- would write {_rel(p, site_root)} ---\n{content}")
            continue
        for p, content in writes:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text(content, encoding="utf-8")
            except OSError as exc:
                out.write(f"  error: cannot write {_rel(p, site_root)} ({exc.strerror or exc})\n")
                status = 1
                break
    if dry_run:
        out.write("Dry run: nothing was written.\n")
    return status
