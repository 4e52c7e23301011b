"""Long texts of a big site kept in a temporary file instead of in memory.

Every Markdown body and every body's HTML is needed once or twice in a build (to convert it, to
render the page showing it), but held in memory they are most of what a big site's model weighs:
at 5,000 meetings about 150 MiB of 300. Once converted, they move into one unnamed temporary file
and are read back with pread(), which needs no lock and works in the forked worker processes
too, since they inherit the open file.
"""
from __future__ import annotations

import os
import tempfile
import threading


class TextStore:
    """An append-only temporary file of UTF-8 texts; the file disappears with the store."""

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="sitegen-text-")
        self._size = 0
        self._lock = threading.Lock()   # `sitegen serve` previews add texts while its build reads

    def put(self, text: str) -> "Stored":
        return Stored(self, *self.put_bytes(text.encode("utf-8", "surrogatepass")))

    def put_bytes(self, data: bytes) -> tuple[int, int]:
        """Append `data`; (offset, length) to read it back with read_bytes()."""
        with self._lock:
            offset = self._size
            os.pwrite(self._file.fileno(), data, offset)
            self._size += len(data)
        return offset, len(data)

    def read(self, offset: int, length: int) -> str:
        return self.read_bytes(offset, length).decode("utf-8", "surrogatepass")

    def read_bytes(self, offset: int, length: int) -> bytes:
        data = os.pread(self._file.fileno(), length, offset)
        if len(data) != length:   # the file is ours alone: only a failing disk gets here
            raise OSError(f"the build's temporary text file lost {length - len(data)} bytes")
        return data


class StoredBytes:
    """A dict of bytes values (key → bytes) whose values lie in a TextStore's file: the VEVENT of
    every event, which the feeds splice in, is several MiB at 5,000 meetings."""

    def __init__(self, store: TextStore):
        self._store = store
        self._where: dict[str, tuple[int, int]] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def __getitem__(self, key: str) -> bytes:
        return self._store.read_bytes(*self._where[key])

    def __setitem__(self, key: str, data: bytes) -> None:
        self._where[key] = self._store.put_bytes(data)


class Stored:
    """Where one text lies in a TextStore."""
    __slots__ = ("store", "offset", "length")

    def __init__(self, store: TextStore, offset: int, length: int):
        self.store, self.offset, self.length = store, offset, length

    def text(self) -> str:
        return self.store.read(self.offset, self.length)

    def __reduce__(self):   # an open file cannot cross a process boundary: the text does
        return str, (self.text(),)


def text_of(value: "str | Stored") -> str:
    """A text that may lie in a TextStore."""
    return value.text() if isinstance(value, Stored) else value


class StoredText:
    """A str attribute of a dataclass whose value may be a Stored text: reading it always gives
    the str. The default is the empty string."""

    def __set_name__(self, owner, name: str):
        self.slot = "_stored_" + name

    def __get__(self, obj, owner=None):
        if obj is None:       # the class attribute: what dataclasses takes as the default
            return ""
        return text_of(obj.__dict__.get(self.slot, ""))

    def __set__(self, obj, value) -> None:
        obj.__dict__[self.slot] = value
