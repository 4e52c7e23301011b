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
from typing import Iterable, Mapping

from generator.errors import OutputUnusable
from generator.i18n import _

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

    def intact(self) -> bool:
        """output/ holds exactly the files the last build wrote, each as it was written."""
        held = self.output
        return bool(held.present) and held.present == set(self._stored.get("output", {})) \
            and len(held.known) == len(held.present)

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


@dataclass(frozen=True)
class Placed(Kept):
    """A file already written to (or found right in) the staging folder by Staging.put."""


class Staging:
    """The folder the next site is written into, file by file, and swapped in by finish().

    Pages can be streamed into it as they are rendered, so a build never holds the whole site
    in memory. A file is written only when the spare's copy (verified by stat) differs."""

    def __init__(self, out_dir: Path, state: OutputState):
        self.out_dir = Path(os.path.abspath(out_dir))
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.state = state
        self.previous_output = state.output          # verified before anything moves
        found = _take_spare(state.spare_dir) if state.spare_dir else None
        self.is_spare = found is not None
        self.spare = state.spare() if found is not None else _Folder()
        self.dir = found or Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}-new-", dir=self.out_dir.parent))
        self.manifest: dict[str, tuple] = {}
        self.linked: set[str] = set()               # files sharing their inode with output/'s
        self._can_link = True
        self.written = 0
        self._dirs: set[str] = set(self.spare.dirs)
        self._made: set[str] = set()

    def put(self, rel: str, data: bytes) -> Placed:
        file_hash = file_digest(data)
        if not self._have(rel, len(data), file_hash):
            self._write(rel, lambda target: target.write_bytes(data), file_hash)
        return Placed(len(data), file_hash)

    def put_parts(self, rel: str, parts: Iterable[bytes]) -> Placed:
        """put() of a file made piece by piece (a big site's feed of every event): written to a
        temporary file beside the staging folder as it comes, so it is never held whole, then
        moved in unless the spare already holds those bytes."""
        digest, size = hashlib.blake2b(digest_size=16), 0
        # Made as write_bytes() makes a file (mkstemp's would be readable by its owner alone).
        temporary = self.dir.parent / f"{self.dir.name}.part"
        try:
            with open(temporary, "wb") as stream:
                for part in parts:
                    digest.update(part)
                    size += len(part)
                    stream.write(part)
            file_hash = digest.hexdigest()
            if not self._have(rel, size, file_hash):
                self._write(rel, lambda target: os.replace(temporary, target), file_hash)
        finally:
            temporary.unlink(missing_ok=True)
        return Placed(size, file_hash)

    def keep(self, rel: str, kept: Kept) -> None:
        """A file output/ holds with these bytes: linked (or copied) over only when the spare lacks it."""
        if isinstance(kept, Placed) or self._have(rel, kept.size, kept.digest):
            return
        self._write(rel, lambda target: self._share(rel, target), kept.digest)

    def _share(self, rel: str, target: Path) -> None:
        """A hard link to output/'s file: the first rebuild after a clean one has no spare folder and
        would otherwise copy every unchanged file. The two folders then share the inode, which is
        safe: a file is never written through (_write unlinks first), and finish() records the
        retired copy's new stat. Where links are not possible, a copy."""
        if self._can_link:
            try:
                os.link(self.out_dir / rel, target)
                self.linked.add(rel)
                return
            except OSError:
                self._can_link = False
        shutil.copyfile(self.out_dir / rel, target)

    def add(self, files: Mapping[str, bytes | Kept], copies: Mapping[str, Path]) -> None:
        """Every file not placed yet: bytes, Kept ones from output/, and copies of sources."""
        for rel in sorted(files):
            value = files[rel]
            if isinstance(value, Kept):
                self.keep(rel, value)
            else:
                self.put(rel, value)
        for rel in sorted(copies):
            self.copy(rel, copies[rel])

    def copy(self, rel: str, source: Path) -> Placed:
        data = Path(source).read_bytes()
        file_hash = file_digest(data)
        if not self._have(rel, len(data), file_hash):
            self._write(rel, lambda target: target.write_bytes(data), file_hash)
        return Placed(len(data), file_hash)

    def _have(self, rel: str, size: int, file_hash: str) -> bool:
        if rel in self.manifest and self.manifest[rel][1] == file_hash:
            return True
        if rel not in self.manifest and self.spare.known.get(rel) == (size, file_hash):
            self.manifest[rel] = (self.spare.stats[rel], file_hash)
            return True
        return False

    def _write(self, rel: str, fill, file_hash: str) -> None:
        target = self.dir / rel
        self._make_room(rel)
        if rel in self._dirs:                                 # a folder where this file belongs
            shutil.rmtree(target)
            self._dirs = {d for d in self._dirs if d != rel and not d.startswith(rel + "/")}
        elif rel in self.spare.present or rel in self.manifest:
            target.unlink(missing_ok=True)                    # never write through a shared inode
        fill(target)
        self.manifest[rel] = (_stat_key(target.stat()), file_hash)
        self.written += 1

    def _make_room(self, rel: str) -> None:
        parent = rel.rpartition("/")[0]
        if not parent or parent in self._made:
            return
        for folder in _parents(rel):
            if folder in self.spare.present and folder not in self._dirs:   # a file where a folder belongs
                (self.dir / folder).unlink(missing_ok=True)
                self.spare.present.discard(folder)
                self.manifest.pop(folder, None)
        (self.dir / parent).mkdir(parents=True, exist_ok=True)
        self._made.update(_parents(rel))

    def finish(self) -> WriteStats:
        """Remove what the site no longer has, then swap the staging folder in for output/."""
        deleted = 0
        for rel in sorted(self.spare.present - set(self.manifest)):
            try:
                (self.dir / rel).unlink()
                deleted += 1
            except FileNotFoundError:
                pass
            except IsADirectoryError:
                shutil.rmtree(self.dir / rel, ignore_errors=True)
        wanted_dirs = self._made | {folder for rel in self.manifest for folder in _parents(rel)}
        for rel in sorted(self._dirs, key=len, reverse=True):  # children before their folders
            if rel not in wanted_dirs:
                shutil.rmtree(self.dir / rel, ignore_errors=True)
        try:
            os.chmod(self.dir, 0o755)
            retired = _swap(self.dir, self.out_dir)
        except BaseException:
            self.abandon()
            raise
        kept_spare = _keep_or_remove(retired, self.state.spare_dir) if retired is not None else False
        # A linked file is one inode in both folders: the retired one's stat is the staged one's.
        old = {rel: (self.manifest[rel][0] if rel in self.linked else self.previous_output.stats[rel],
                     self.previous_output.known[rel][1])
               for rel in self.previous_output.known}
        self.state.save(self.manifest, old if kept_spare else {})
        return WriteStats(files=len(self.manifest), written=self.written, deleted=deleted)

    def abandon(self) -> None:
        """A failed build: output/ is untouched; a fresh staging folder is removed (a spare stays,
        and is verified by stat next time)."""
        if not self.is_spare:
            shutil.rmtree(self.dir, ignore_errors=True)


def check_output_folder(out_dir: Path, shown: str) -> None:
    """Raise OutputUnusable unless out_dir is (or can be made) a folder the build may replace
    whole: a file or a link named like it would be replaced by the site, and a folder that
    cannot be written would fail the build half-way. `shown` is how messages name it."""
    out_dir = Path(out_dir)
    if out_dir.is_symlink():
        raise OutputUnusable(_("{folder} is a link").format(folder=shown), _("the build replaces that folder whole and would replace the "
                             "link: remove the link, or give the real folder with --out"))
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputUnusable(_("{folder} is a file, not a folder").format(folder=shown),
                             _("the build would replace it: rename or move that file, or build elsewhere with --out"))
    existing = out_dir.parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise OutputUnusable(_("{folder} cannot be made: {name} is a file").format(folder=shown, name=existing.name), _("build elsewhere with --out"))
    try:   # the only reliable answer (os.access says yes to root on a read-only mount)
        os.rmdir(tempfile.mkdtemp(prefix=f".{out_dir.name}-probe-", dir=existing))
        for folder in ([out_dir] if out_dir.is_dir() else []):
            os.rmdir(tempfile.mkdtemp(prefix=".sitegen-probe-", dir=folder))
    except OSError as exc:
        raise OutputUnusable(_("{folder} cannot be written ({reason})").format(folder=shown, reason=exc.strerror or exc),
                             _("make the folder writable for you, or build elsewhere with --out")) from None


def write_site(out_dir: Path, files: Mapping[str, bytes | Kept], copies: Mapping[str, Path],
               spare_dir: Path | None = None, state: OutputState | None = None) -> WriteStats:
    """Make out_dir hold exactly `files` (relative path → bytes, or Kept for a file output/
    already holds) and `copies` (relative path → source file)."""
    staging = Staging(out_dir, state or OutputState(out_dir, spare_dir))
    try:
        staging.add(files, copies)
    except BaseException:
        staging.abandon()
        raise
    return staging.finish()


def _take_spare(spare_dir: Path) -> Path | None:
    if spare_dir.is_dir():
        return spare_dir
    if spare_dir.exists() or spare_dir.is_symlink():
        spare_dir.unlink()
    spare_dir.parent.mkdir(parents=True, exist_ok=True)
    return None


def _parents(rel: str) -> list[str]:
    parts = rel.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


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
