"""Write the built site atomically: a staging folder is brought up to date, then replaces output/ whole.

Readers of output/ (a web server, `sitegen serve`) never see a half-written site, and if anything
fails before the swap, output/ is exactly as it was.

Double buffering keeps rebuilds cheap: the folder that output/ replaces is kept as the next
build's staging folder ("spare"). Bringing the spare up to date writes only the files whose
bytes differ and deletes the ones that are gone, so an unchanged rebuild writes nothing but two
renames.

What each folder holds is remembered in a state file beside the spare: for every file its
digest and the stat it had when written (size, mtime, ctime, inode). A file is trusted only
while its stat is unchanged, so a file edited, replaced or deleted by hand since, a damaged
spare or a lost state file can only cost time (the file is written again), never change the
output. That is what lets a one-file rebuild skip reading the thousands of files it did not
change.
"""
from __future__ import annotations

import errno
import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

STATE_FORMAT = b"sitegen-output-state-1"


@dataclass(frozen=True)
class Kept:
    """A file the last build wrote to output/ and this build did not change: it is not read
    into memory, only copied when the spare lacks it."""
    size: int
    digest: str


def file_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass
class WriteStats:
    files: int          # files in the site
    written: int        # files whose bytes changed
    deleted: int        # files that were removed


@dataclass
class _Folder:
    """A folder's files as the state file says they were written, kept only where the disk agrees."""
    known: dict[str, tuple[int, str]] = field(default_factory=dict)   # rel → (size, digest)
    stats: dict[str, tuple] = field(default_factory=dict)             # rel → stat key, for known files
    present: set[str] = field(default_factory=set)                     # every file on disk
    dirs: list[str] = field(default_factory=list)                      # every folder on disk


def _stat_key(info: os.stat_result) -> tuple:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _walk(folder: Path) -> tuple[dict[str, os.stat_result], list[str]]:
    files: dict[str, os.stat_result] = {}
    dirs: list[str] = []
    stack = [("", str(folder))]
    while stack:
        prefix, path = stack.pop()
        try:
            entries = list(os.scandir(path))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                dirs.append(rel)
                stack.append((rel + "/", entry.path))
            else:
                files[rel] = entry.stat(follow_symlinks=False)
    return files, dirs


def _verify(folder: Path | None, stored: dict) -> _Folder:
    if folder is None or not folder.is_dir():
        return _Folder()
    on_disk, dirs = _walk(folder)
    result = _Folder(present=set(on_disk), dirs=dirs)
    for rel, info in on_disk.items():
        entry = stored.get(rel)
        key = _stat_key(info)
        if entry is not None and entry[0] == key:
            result.known[rel] = (info.st_size, entry[1])
            result.stats[rel] = key
    return result


class OutputState:
    """What output/ (and the spare) verifiably hold, from the last build's state file."""

    def __init__(self, out_dir: Path, spare_dir: Path | None = None):
        self.out_dir = Path(os.path.abspath(out_dir))
        self.spare_dir = Path(os.path.abspath(spare_dir)) if spare_dir else None
        self.path = self.spare_dir.with_name(self.spare_dir.name + ".state") if self.spare_dir else None
        self._stored = _read_state(self.path) if self.path else {}
        self._output: _Folder | None = None

    @property
    def output(self) -> _Folder:
        if self._output is None:
            self._output = _verify(self.out_dir, self._stored.get("output", {}))
        return self._output

    def holds(self, rel: str) -> tuple[int, str] | None:
        """(size, digest) of output/rel when it is verifiably the file the last build wrote."""
        return self.output.known.get(rel)

    def spare(self) -> _Folder:
        return _verify(self.spare_dir, self._stored.get("spare", {}))

    def save(self, output: dict, spare: dict) -> None:
        if self.path is None:
            return
        payload = pickle.dumps({"output": output, "spare": spare}, protocol=pickle.HIGHEST_PROTOCOL)
        data = STATE_FORMAT + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{self.path.name}-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def _read_state(path: Path) -> dict:
    try:
        header, checksum, payload = path.read_bytes().split(b"\n", 2)
        if header != STATE_FORMAT or hashlib.sha256(payload).hexdigest().encode() != checksum:
            return {}
        value = pickle.loads(payload)
        return value if isinstance(value, dict) else {}
    except Exception:  # missing, damaged or foreign: nothing is trusted, everything is written
        return {}


def write_site(out_dir: Path, files: Mapping[str, bytes | Kept], copies: Mapping[str, Path],
               spare_dir: Path | None = None, state: OutputState | None = None) -> WriteStats:
    """Make out_dir hold exactly `files` (relative path → bytes, or Kept for a file output/
    already holds) and `copies` (relative path → source file)."""
    out_dir = Path(os.path.abspath(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    state = state or OutputState(out_dir, spare_dir)
    previous_output = state.output
    staging = _take_spare(state.spare_dir) if state.spare_dir else None
    spare = state.spare() if staging is not None else _Folder()
    if staging is None:
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
    try:
        stats, manifest = _sync(staging, spare, out_dir, files, copies)
        os.chmod(staging, 0o755)
        retired = _swap(staging, out_dir)
    except BaseException:
        if state.spare_dir is None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    kept_spare = False
    if retired is not None:
        kept_spare = _keep_or_remove(retired, state.spare_dir)
    old = {rel: (previous_output.stats[rel], previous_output.known[rel][1]) for rel in previous_output.known}
    state.save(manifest, old if kept_spare else {})
    return stats


def _take_spare(spare_dir: Path) -> Path | None:
    if spare_dir.is_dir():
        return spare_dir
    if spare_dir.exists() or spare_dir.is_symlink():
        spare_dir.unlink()
    spare_dir.parent.mkdir(parents=True, exist_ok=True)
    return None


def _sync(staging: Path, spare: _Folder, out_dir: Path, files: Mapping[str, bytes | Kept],
          copies: Mapping[str, Path]) -> tuple[WriteStats, dict]:
    wanted = set(files) | set(copies)
    # Whatever stands where a wanted file's folder should be, or is not wanted, goes first.
    deleted = 0
    for rel in sorted(spare.present - wanted):
        (staging / rel).unlink()
        deleted += 1
    wanted_dirs = {parent for rel in wanted for parent in _parents(rel)}
    for rel in sorted(spare.dirs, key=len, reverse=True):    # children before their folders
        path = staging / rel
        if rel in wanted:                                    # a folder where a file belongs
            shutil.rmtree(path)
        elif rel not in wanted_dirs:
            try:
                path.rmdir()
            except OSError:
                shutil.rmtree(path, ignore_errors=True)
    manifest: dict[str, tuple] = {}
    written = 0
    made_dirs: set[str] = set(spare.dirs) & wanted_dirs
    for rel in sorted(files):
        value = files[rel]
        if isinstance(value, Kept):
            size, digest, data = value.size, value.digest, None
        else:
            size, digest, data = len(value), file_digest(value), value
        if spare.known.get(rel) == (size, digest):
            manifest[rel] = (spare.stats[rel], digest)
            continue
        target = staging / rel
        _ensure_parent(staging, rel, made_dirs)
        if data is None:
            shutil.copyfile(out_dir / rel, target)
        else:
            target.write_bytes(data)
        manifest[rel] = (_stat_key(target.stat()), digest)
        written += 1
    for rel in sorted(copies):
        source_bytes = copies[rel].read_bytes()
        digest = file_digest(source_bytes)
        if spare.known.get(rel) == (len(source_bytes), digest):
            manifest[rel] = (spare.stats[rel], digest)
            continue
        target = staging / rel
        _ensure_parent(staging, rel, made_dirs)
        target.write_bytes(source_bytes)
        manifest[rel] = (_stat_key(target.stat()), digest)
        written += 1
    return WriteStats(files=len(wanted), written=written, deleted=deleted), manifest


def _parents(rel: str) -> list[str]:
    parts = rel.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _ensure_parent(staging: Path, rel: str, made: set[str]) -> None:
    parent = rel.rpartition("/")[0]
    if parent and parent not in made:
        (staging / parent).mkdir(parents=True, exist_ok=True)
        made.update(_parents(rel))


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


def _keep_or_remove(retired: Path, spare_dir: Path | None) -> bool:
    """Keep the retired site as the next staging folder; True when it was kept."""
    if spare_dir is not None:
        try:
            if spare_dir.exists():
                shutil.rmtree(spare_dir)
            os.replace(retired, spare_dir)
            return True
        except OSError as exc:  # another file system: a spare there would not be renameable
            if exc.errno != errno.EXDEV:
                raise
    shutil.rmtree(retired, ignore_errors=True)
    return False
