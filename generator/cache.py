"""The build cache: what a page costs to make, remembered on disk between builds.

Every entry is found by a key that hashes everything its value depends on (the content's bytes,
the generator's version, the settings that matter), so a stale entry is simply never asked for.
The file carries a checksum; a damaged, foreign or missing file is treated as empty. Either way
the cache can only save time: a build with it and one without give the same bytes.

Entries not used by a build are dropped when it saves, so the cache never outgrows the site.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from . import __version__

CACHE_FORMAT = f"sitegen-cache-2-{__version__}".encode()  # 2: parsed sources carry a front-matter digest
FILE_NAME = "build.cache"


def digest(*parts) -> str:
    """A stable key for the given parts (strings, bytes, numbers, tuples of them)."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        if isinstance(part, bytes):
            data = part
        else:
            data = repr(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class BuildCache:
    """Sections of key → value; `get` marks an entry as used so `save` keeps it."""

    def __init__(self, folder: Path | None, name: str = FILE_NAME):
        self.folder = folder
        self.name = name
        self._loaded: dict[str, dict] | None = None if folder is not None else {}
        self._new: dict[str, dict] = {}

    @property
    def _old(self) -> dict[str, dict]:
        """Read on first use: a build that finds nothing to do never pays for loading it."""
        if self._loaded is None:
            self._loaded = _read(self.folder / self.name)
        return self._loaded

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def get(self, section: str, key: str):
        value = self._new.get(section, {}).get(key)
        if value is None:
            value = self._old.get(section, {}).get(key)
            if value is not None:
                self._new.setdefault(section, {})[key] = value
        return value

    def put(self, section: str, key: str, value) -> None:
        if self.enabled:
            self._new.setdefault(section, {})[key] = value

    def save(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(self._new, protocol=pickle.HIGHEST_PROTOCOL)
        data = CACHE_FORMAT + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
        handle, temp = tempfile.mkstemp(prefix=f".{self.name}-", dir=self.folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temp, self.folder / self.name)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def _read(path: Path) -> dict:
    try:
        data = path.read_bytes()
        header, checksum, payload = data.split(b"\n", 2)
        if header != CACHE_FORMAT or hashlib.sha256(payload).hexdigest().encode() != checksum:
            return {}
        value = pickle.loads(payload)
        return value if isinstance(value, dict) else {}
    except Exception:  # missing, truncated, damaged or from another version: start afresh
        return {}
