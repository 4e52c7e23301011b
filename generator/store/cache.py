"""The build cache: what a page costs to make, remembered on disk between builds.

Every entry is found by a key that hashes everything its value depends on (the content's bytes,
the generator's version, the settings that matter), so a stale entry is simply never asked for.
Each value carries a checksum; a damaged, foreign or missing file, or a damaged entry, is
treated as missing. Either way the cache can only save time: a build with it and one without
give the same bytes.

The entries live in an SQLite file (Python's own sqlite3), read one by one as the build asks for
them: a one-file rebuild reads and writes a few entries instead of loading and rewriting the
whole cache, and a big site's cache never has to fit in memory at once. Entries not used by a
build are dropped when it saves, so the cache never outgrows the site.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from pathlib import Path

from generator import __version__

# 3: SQLite, one row per entry; 4: typed key parts; 5: sources carry their validated front matter
CACHE_FORMAT = f"sitegen-cache-5-{__version__}"
FILE_NAME = "build.cache"
FLUSH_EVERY = 256      # new entries held in memory before they are written


def digest(*parts) -> str:
    """A stable key for the given parts (strings, bytes, numbers, tuples of them)."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        if isinstance(part, bytes):
            data = b"b" + part
        elif isinstance(part, str):   # most keys are text: encoding it is far cheaper than repr()
            data = b"s" + part.encode("utf-8", "surrogatepass")
        else:
            data = b"r" + repr(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def content_digest(data: bytes) -> str:
    """A content or theme file's bytes as a key. The input fingerprint takes it of every text file
    and the sources' cache is keyed by it: one function, so that a build can hand the sources the
    digests the fingerprint took (load_sources(digests=…)) and find their entries."""
    return digest(data)


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=16).digest()


class BuildCache:
    """Sections of key → value; `get` marks an entry as used so `save` keeps it."""

    def __init__(self, folder: Path | None, name: str = FILE_NAME):
        self.folder = folder
        self.name = name
        self._db: sqlite3.Connection | None = None
        self._opened = folder is None
        self._broken = False
        self._new: dict[str, dict] = {}
        self._pending = 0
        self._unwritable = False
        self._preloaded: dict[str, dict] = {}
        self._read: dict[str, dict] = {}
        self._used: dict[str, set[str]] = {}
        self._pid = os.getpid()          # the process whose connection _db is
        self._inherited: list = []       # connections of the process this one was forked from

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    @property
    def path(self) -> Path:
        return Path(self.folder) / self.name

    def _connection(self) -> sqlite3.Connection | None:
        """Opened on first use: a build that finds nothing to do never pays for it."""
        if self._pid != os.getpid():
            self._reading_after_fork()
        if not self._opened:
            self._opened = True
            if self.path.is_file():
                try:
                    db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
                    row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
                    if row and row[0] == CACHE_FORMAT:
                        self._db = db
                    else:
                        db.close()
                except sqlite3.Error:   # not a database, damaged, or from another version
                    self._broken = True
        return self._db

    def _reading_after_fork(self) -> None:
        """In a forked worker: a connection of its own, for reading (SQLite connections must not
        cross a fork). The parent's is kept, unused and never closed here, as SQLite asks."""
        self._pid = os.getpid()
        if self._db is not None:
            self._inherited.append(self._db)
            self._db = None
            try:
                self._db = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True, timeout=10,
                                           isolation_level=None)
            except sqlite3.Error:
                self._broken = True
        self._unwritable = True   # a worker only reads: the build's own process writes

    def preload(self, section: str) -> None:
        """Read a whole section in one query (a build that asks for every entry of it, such as
        every body of an unchanged site, would otherwise pay a query each)."""
        db = self._connection()
        if db is None or section in self._preloaded:
            return
        try:
            rows = db.execute("SELECT key, value, checksum FROM entries WHERE section = ?", (section,)).fetchall()
        except sqlite3.Error:
            self._broken = True
            self._db = None
            return
        self._preloaded[section] = {key: (value, checksum) for key, value, checksum in rows}

    def get(self, section: str, key: str, remember: bool = True):
        """The entry's value, or None. remember=False: a value asked for once (a body's HTML,
        which the build moves out of memory) is not also kept here for the rest of the build."""
        value = self._new.get(section, {}).get(key)
        if value is None:
            value = self._read.get(section, {}).get(key)
        if value is not None:
            return value
        if section in self._preloaded:
            row = self._preloaded[section].pop(key, None)
            return self._load(section, key, row, remember)
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value, checksum FROM entries WHERE section = ? AND key = ?",
                             (section, key)).fetchone()
        except sqlite3.Error:
            self._broken = True
            self._db = None
            return None
        return self._load(section, key, row, remember)

    def get_many(self, section: str, keys, remember: bool = True, batch: int = 256):
        """(key, value or None) for each key, in order. Rows are read a batch at a time: one query
        per batch instead of one per key, and never the whole section in memory at once."""
        keys = list(keys)
        for start in range(0, len(keys), batch):
            chunk = keys[start:start + batch]
            rows = self._rows_for(section, [key for key in chunk if not self._holds(section, key)])
            for key in chunk:
                if key in rows:   # not popped: the same key may come twice (two empty bodies)
                    yield key, self._load(section, key, rows[key], remember)
                elif self._holds(section, key):
                    yield key, self.get(section, key, remember)
                else:   # asked the file already: not there
                    yield key, None

    def known_keys(self, section: str, keys) -> set[str]:
        """Which of `keys` the cache has, without reading their values (a damaged entry counts:
        asked for, it is then missing, and the caller makes it again)."""
        keys = list(keys)
        found = {key for key in keys if self._holds(section, key)}
        db = self._connection()
        rest = [key for key in keys if key not in found]
        for start in range(0, len(rest) if db is not None else 0, 256):
            chunk = rest[start:start + 256]
            marks = ",".join("?" * len(chunk))
            try:
                found.update(key for (key,) in db.execute(
                    f"SELECT key FROM entries WHERE section = ? AND key IN ({marks})", (section, *chunk)))
            except sqlite3.Error:
                self._broken = True
                self._db = None
                break
        for key in found:
            self._used.setdefault(section, set()).add(key)
        return found

    def _holds(self, section: str, key: str) -> bool:
        return key in self._new.get(section, {}) or key in self._read.get(section, {}) \
            or key in self._preloaded.get(section, {})

    def _rows_for(self, section: str, keys: list[str]) -> dict[str, tuple]:
        db = self._connection()
        if db is None or not keys:
            return {}
        marks = ",".join("?" * len(keys))
        try:
            found = db.execute(f"SELECT key, value, checksum FROM entries WHERE section = ? AND key IN ({marks})",
                               (section, *keys)).fetchall()
        except sqlite3.Error:
            self._broken = True
            self._db = None
            return {}
        return {key: (value, checksum) for key, value, checksum in found}

    def _load(self, section: str, key: str, row, remember: bool = True):
        if row is None or _checksum(row[0]) != row[1]:
            return None
        try:
            value = pickle.loads(row[0])
        except Exception:
            return None
        self._used.setdefault(section, set()).add(key)
        if remember:
            self._read.setdefault(section, {})[key] = value   # asked again in this build: no second load
        return value

    def touch(self, section: str, key: str) -> None:
        """Keep an entry this build relied on without reading it."""
        if self.enabled:
            self._used.setdefault(section, set()).add(key)

    def put(self, section: str, key: str, value) -> None:
        if self.enabled:
            self._new.setdefault(section, {})[key] = value
            self._used.setdefault(section, set()).add(key)
            self._pending += 1
            if self._pending >= FLUSH_EVERY:   # a clean build of a big site must not hold it all
                self._flush()

    def _writable(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        db = self._connection()
        if db is None:
            for stale in (self.path, self.path.with_name(self.path.name + "-journal")):
                stale.unlink(missing_ok=True)
            db = self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.executescript("""
                CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE IF NOT EXISTS entries (section TEXT, key TEXT, value BLOB, checksum BLOB,
                                                    PRIMARY KEY (section, key)) WITHOUT ROWID;
            """)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (CACHE_FORMAT,))
        # A cache may lose its last writes in a power cut (the checksums then turn them into
        # misses); waiting for the disk on every build is not worth it.
        db.execute("PRAGMA synchronous = OFF")
        return db

    def _rows(self) -> list[tuple]:
        rows = []
        for section, entries in self._new.items():
            for key, value in entries.items():
                payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                rows.append((section, key, payload, _checksum(payload)))
        self._new = {}
        self._pending = 0
        return rows

    def _flush(self) -> None:
        """Write the new entries so far (a build that fails later leaves them: they are keyed by
        what they depend on, so they are right whenever they are asked for). A cache that cannot
        be written keeps them in memory instead: later steps of this build ask for some of them
        again (a body's HTML)."""
        held = self._new
        self._write(self._rows())
        if self._unwritable:
            self._new = held

    def save(self) -> None:
        """Write the new entries and drop the ones this build did not use, in one transaction."""
        if self.folder is None:
            return
        used = ((section, key) for section, keys in self._used.items() for key in keys)   # not all at once
        self._write(self._rows(), used)

    def _write(self, rows: list[tuple], used: list[tuple] | None = None) -> None:
        """One transaction. A cache that cannot be written (a full disk, another build holding it
        longer than the timeout) only costs the next build time: the build goes on without it."""
        if self._unwritable:
            return
        try:
            db = self._writable()
            db.execute("BEGIN IMMEDIATE")
        except (sqlite3.Error, OSError):
            self._unwritable = True
            return
        try:
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", rows)
            if used is not None:
                db.execute("CREATE TEMP TABLE IF NOT EXISTS used (section TEXT, key TEXT, PRIMARY KEY (section, key))")
                db.execute("DELETE FROM used")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?, ?)", used)
                db.execute("DELETE FROM entries WHERE NOT EXISTS "
                           "(SELECT 1 FROM used WHERE used.section = entries.section AND used.key = entries.key)")
            db.execute("COMMIT")
        except sqlite3.Error:
            db.execute("ROLLBACK")
            self._unwritable = True
        except BaseException:
            db.execute("ROLLBACK")
            raise
