"""`sitegen publish TARGET`: copy the built site (output/) to a web server's folder — a local
folder, or user@host:folder over SSH with rsync — sending only the files whose bytes changed.

Files that TARGET holds but the site no longer has (a deleted meeting, with the names in it) are
removed only with --delete, so that a mistyped TARGET never loses files it did not get from here.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from generator.i18n import _, ngettext

# user@host:folder or host:folder — but not C:\folder, and not a local name that has a colon after a slash.
_REMOTE = re.compile(r"^(?:[^@/\\:\s]+@)?[^@/\\:\s]+:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
# --checksum: the build rewrites only changed files, but a fresh CI checkout gives every file a new
# time; comparing contents sends only what really changed.
RSYNC_OPTIONS = ["--recursive", "--links", "--times", "--checksum", "--itemize-changes"]


class PublishError(Exception):
    """A problem with TARGET or the built site; printed as one plain line."""


@dataclass
class Changes:
    copied: list[str] = field(default_factory=list)
    unchanged: int = 0
    stale: list[str] = field(default_factory=list)     # in TARGET, not in the site
    deleted: bool = False                              # whether the stale files go (--delete)


def publish_command(root: Path, target: str, delete: bool = False, dry_run: bool = False,
                    quiet: bool = False, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        source = built_site(Path(root))
        if is_remote(target):
            return run_rsync(rsync_command(source, target, delete=delete, dry_run=dry_run), quiet, out, err)
        changes = sync_folder(source, local_target(Path(root), Path(target)), delete=delete, dry_run=dry_run)
    except PublishError as exc:
        print(f"sitegen publish: {exc}", file=err)
        return 1
    report(changes, target, dry_run, quiet, out)
    return 0


def built_site(root: Path) -> Path:
    source = root / "output"
    if not (source / "index.html").is_file():
        raise PublishError(_("there is no built site in {folder} — run sitegen build first").format(folder=source))
    return source


def is_remote(target: str) -> bool:
    return bool(_REMOTE.match(target)) and not _DRIVE.match(target)


def local_target(root: Path, target: Path) -> Path:
    """TARGET, refused where a copy (or --delete) would harm the site itself."""
    site, where = root.resolve(), target.resolve()
    if where.exists() and not where.is_dir():
        raise PublishError(_("{target} is a file — give the folder the web server publishes").format(target=target))
    if site.is_relative_to(where):
        raise PublishError(_("{target} holds the site folder itself — give the web server's folder").format(target=target))
    for own in ("output", "content", "themes"):
        if where.is_relative_to(site / own):
            raise PublishError(_("{target} is inside the site's {folder} — give the web server's folder").format(
                target=target, folder=f"{own}/"))
    return target


def sync_folder(source: Path, target: Path, delete: bool = False, dry_run: bool = False) -> Changes:
    """Make `target` hold every file of `source`; each copy replaces its file in one step, so a
    visitor never gets half a page."""
    wanted = _files(source)
    present = _files(target) if target.is_dir() else {}
    changes = Changes(stale=sorted(set(present) - set(wanted)))
    for rel, path in wanted.items():
        if rel in present and _same(path, present[rel]):
            changes.unchanged += 1
        else:
            changes.copied.append(rel)
    changes.deleted = delete
    if dry_run:
        return changes
    target.mkdir(parents=True, exist_ok=True)
    top = target.resolve()
    for rel in changes.copied:
        destination = target / rel
        if not _stays_inside(destination.parent, top):
            raise PublishError(_("{file}: its folder in {target} leads elsewhere (a symbolic link?) — stopped").format(
                file=rel, target=target))
        destination.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=".sitegen-")
        os.close(handle)
        try:
            shutil.copy2(wanted[rel], temporary)
            os.replace(temporary, destination)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    if delete:
        for rel in changes.stale:
            (target / rel).unlink()
        _remove_empty_folders(target)
    return changes


def rsync_command(source: Path, target: str, delete: bool = False, dry_run: bool = False) -> list[str]:
    if target.startswith("-"):
        raise PublishError(_("'{target}' is not a target — write user@host:folder or a folder").format(target=target))
    command = ["rsync", *RSYNC_OPTIONS]
    if delete:
        command.append("--delete")
    if dry_run:
        command.append("--dry-run")
    # The slash after the source: its contents, not a folder named output, land in the target.
    return [*command, "--", f"{source}/", target]


def run_rsync(command: list[str], quiet: bool, out: TextIO, err: TextIO) -> int:
    if shutil.which(command[0]) is None:
        raise PublishError(_("rsync is not installed — install it (e.g. apt-get install rsync), "
                             "or publish to a folder the web server reads"))
    if not quiet:
        print(" ".join(command), file=out, flush=True)
    result = subprocess.run(command, stdout=subprocess.DEVNULL if quiet else None)
    if result.returncode != 0:
        print("sitegen publish: " + _("rsync stopped with status {status}; the lines above say why "
                                      "(a wrong host or folder, or no SSH key?)").format(status=result.returncode),
              file=err)
        return 1
    return 0


def report(changes: Changes, target: str, dry_run: bool, quiet: bool, out: TextIO) -> None:
    if quiet:
        return
    verb, removed = (_("would copy: {file}"), _("would delete: {file}")) if dry_run else (_("copied: {file}"),
                                                                                      _("deleted: {file}"))
    for rel in changes.copied:
        print(verb.format(file=rel), file=out)
    for rel in changes.stale if changes.deleted else []:
        print(removed.format(file=rel), file=out)
    copied, stale = len(changes.copied), len(changes.stale)
    if dry_run:
        parts = [ngettext("{count} file to copy", "{count} files to copy", copied).format(count=copied)]
    else:
        parts = [ngettext("{count} file copied", "{count} files copied", copied).format(count=copied)]
    parts.append(ngettext("{count} unchanged", "{count} unchanged", changes.unchanged).format(count=changes.unchanged))
    if changes.deleted:
        parts.append((ngettext("{count} to delete", "{count} to delete", stale) if dry_run
                      else ngettext("{count} deleted", "{count} deleted", stale)).format(count=stale))
    line = f"{', '.join(parts)} → {target}"
    print(_("Dry run: {summary}").format(summary=line) if dry_run else line, file=out)
    if changes.stale and not changes.deleted:
        print(ngettext("{count} file in {target} is no longer part of the site; add --delete to remove it.",
                       "{count} files in {target} are no longer part of the site; add --delete to remove them.",
                       stale).format(count=stale, target=target), file=out)


def _files(folder: Path) -> dict[str, Path]:
    """Relative path → file, without following symbolic links to folders."""
    found: dict[str, Path] = {}
    for directory, subfolders, names in os.walk(folder):
        subfolders.sort()
        for name in sorted(names):
            path = Path(directory) / name
            found[path.relative_to(folder).as_posix()] = path
    return dict(sorted(found.items()))


def _same(left: Path, right: Path) -> bool:
    if left.stat().st_size != right.stat().st_size:
        return False
    return left.read_bytes() == right.read_bytes()


def _stays_inside(folder: Path, top: Path) -> bool:
    """Whether `folder` (or, before it exists, its nearest existing parent) is within `top`."""
    while not os.path.lexists(folder) and folder != folder.parent:
        folder = folder.parent
    return folder.resolve().is_relative_to(top)


def _remove_empty_folders(top: Path) -> None:
    for directory, subfolders, names in os.walk(top, topdown=False):
        if Path(directory) != top and not os.listdir(directory):
            os.rmdir(directory)
