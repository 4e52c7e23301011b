"""Write the built site atomically: a staging folder is brought up to date, then replaces output/ whole.

Readers of output/ (a web server, `sitegen serve`) never see a half-written site, and if anything
fails before the swap, output/ is exactly as it was.

Double buffering keeps rebuilds cheap: the folder that output/ replaces is kept as the next
build's staging folder ("spare"). Bringing the spare up to date writes only the files whose
bytes differ and deletes the ones that are gone, so an unchanged rebuild writes nothing but two
renames. The spare is compared byte by byte, never trusted, so a stale or damaged spare can only
cost time, never change the output.
"""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class WriteStats:
    files: int          # files in the site
    written: int        # files whose bytes changed
    deleted: int        # files that were removed


def write_site(out_dir: Path, files: dict[str, bytes], copies: dict[str, Path],
               spare_dir: Path | None = None) -> WriteStats:
    """Make out_dir hold exactly `files` (relative path → bytes) and `copies` (relative path → source)."""
    out_dir = Path(os.path.abspath(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = _take_spare(spare_dir) if spare_dir else None
    if staging is None:
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
    try:
        stats = _sync(staging, files, copies)
        os.chmod(staging, 0o755)
        retired = _swap(staging, out_dir)
    except BaseException:
        if spare_dir is None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    if retired is not None:
        _keep_or_remove(retired, spare_dir)
    return stats


def _take_spare(spare_dir: Path) -> Path | None:
    if spare_dir.is_dir():
        return spare_dir
    spare_dir.parent.mkdir(parents=True, exist_ok=True)
    return None


def _sync(staging: Path, files: dict[str, bytes], copies: dict[str, Path]) -> WriteStats:
    wanted = set(files) | set(copies)
    written = 0
    for rel in sorted(files):
        if _write_if_changed(staging / rel, files[rel]):
            written += 1
    for rel in sorted(copies):
        if _copy_if_changed(copies[rel], staging / rel):
            written += 1
    deleted = 0
    for path in sorted(staging.rglob("*"), reverse=True):   # children before their folders
        rel = path.relative_to(staging).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel not in wanted:
            path.unlink()
            deleted += 1
    return WriteStats(files=len(wanted), written=written, deleted=deleted)


def _write_if_changed(target: Path, data: bytes) -> bool:
    if target.is_dir() and not target.is_symlink():
        _clear(target)
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (IsADirectoryError, NotADirectoryError):
        _clear(target)
    target.write_bytes(data)
    return True


def _copy_if_changed(source: Path, target: Path) -> bool:
    if target.is_dir() and not target.is_symlink():
        _clear(target)
    try:
        if target.stat().st_size == source.stat().st_size and target.read_bytes() == source.read_bytes():
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (IsADirectoryError, NotADirectoryError):
        _clear(target)
    shutil.copyfile(source, target)
    return True


def _clear(target: Path) -> None:
    """A path that must become a file is a folder (or sits under a file): make room."""
    for parent in [target, *target.parents]:
        if parent.is_file():
            parent.unlink()
            break
    if target.is_dir():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)


def _swap(staging: Path, out_dir: Path) -> Path | None:
    """Put staging in place of out_dir with renames; return the retired folder."""
    if not out_dir.exists():
        os.replace(staging, out_dir)
        return None
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-old-", dir=out_dir.parent))
    retired.rmdir()
    os.replace(out_dir, retired)
    try:
        os.replace(staging, out_dir)
    except OSError:
        os.replace(retired, out_dir)   # put the previous site back before reporting
        raise
    return retired


def _keep_or_remove(retired: Path, spare_dir: Path | None) -> None:
    if spare_dir is not None:
        try:
            if spare_dir.exists():
                shutil.rmtree(spare_dir)
            os.replace(retired, spare_dir)
            return
        except OSError as exc:  # another file system: a spare there would not be renameable
            if exc.errno != errno.EXDEV:
                raise
    shutil.rmtree(retired, ignore_errors=True)
