"""calendar.lock: what the feeds remember between builds, so SEQUENCE survives a clean checkout.

Calendar clients replace an event they already hold only when its SEQUENCE (or DTSTAMP) is
higher than before. Nothing in a content file says how often its time, place or status has
changed, so each build compares a fingerprint of those fields with the one recorded here and,
when it differs, raises the event's sequence and stamps it with the build's time. The file is
committed with the content; it is rewritten only when an entry changes, so two builds of the
same input give the same bytes. Entries of removed events stay, so an event that comes back
continues its sequence instead of restarting below what clients already hold.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader: the lock grows with the site

from .errors import Problem

LOCK_NAME = "calendar.lock"
HEADER = """\
# calendar.lock — written by `sitegen build`; commit it together with the content.
# For each calendar event (by uid): a fingerprint of its time, place and status, how many
# times these have changed (the feeds' SEQUENCE) and when they last did (LAST-MODIFIED).
# Do not edit by hand; if it is lost, sequences restart at 0 and calendar apps may keep
# showing old times for events they already hold.
"""


@dataclass(frozen=True)
class Revision:
    fingerprint: str
    sequence: int
    last_modified: dt.datetime     # aware, UTC, whole seconds


def fingerprint(*fields) -> str:
    """A short digest of the fields that, when changed, must make calendar apps update the event."""
    return hashlib.sha256(repr(fields).encode("utf-8")).hexdigest()[:16]


def utc_seconds(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(microsecond=0)


class FeedLock:
    """The revisions read from calendar.lock, updated in memory by `revise`."""

    def __init__(self, entries: dict[str, Revision] | None = None, original: bytes | None = None):
        self.entries: dict[str, Revision] = dict(entries or {})
        self.original = original          # the file's bytes as read (None: there was no file)

    def revise(self, uid: str, current: str, now: dt.datetime) -> Revision:
        """The revision of event `uid` whose fingerprint is now `current`, recording any change."""
        known = self.entries.get(uid)
        if known is not None and known.fingerprint == current:
            return known
        if known is None:
            revision = Revision(current, 0, utc_seconds(now))
        else:
            # Never step back in time: a client ignores an update that looks older than what it has.
            stamp = max(utc_seconds(now), known.last_modified + dt.timedelta(seconds=1))
            revision = Revision(current, known.sequence + 1, stamp)
        self.entries[uid] = revision
        return revision

    def to_bytes(self) -> bytes:
        """One line per event, sorted by uid: stable bytes and small diffs that merge cleanly."""
        lines = [HEADER.rstrip("\n"), "events:" if self.entries else "events: {}"]
        for uid in sorted(self.entries):
            entry = self.entries[uid]
            stamp = entry.last_modified.strftime("%Y-%m-%dT%H:%M:%SZ")
            key = _quoted(uid)
            lines.append(f"  {key}: {{fingerprint: {entry.fingerprint}, sequence: {entry.sequence}, "
                         f"last_modified: \"{stamp}\"}}")
        return ("\n".join(lines) + "\n").encode("utf-8")

    @property
    def changed(self) -> bool:  # noqa: D401 - comparing bytes keeps "written only when changed" exact
        return self.to_bytes() != self.original


_PLAIN_UID = re.compile(r"^[A-Za-z0-9._@:+-]+$")


def _quoted(uid: str) -> str:
    """The uid as a double-quoted YAML key (the common hex uid without asking PyYAML, which is slow)."""
    if _PLAIN_UID.match(uid):
        return f'"{uid}"'
    return yaml.safe_dump(uid, default_style='"', allow_unicode=True, width=10_000).strip().removesuffix("...").strip()


def load(root: Path, cache=None) -> FeedLock:
    """Read calendar.lock beside site.yaml; a missing file is an empty lock, a broken one a Problem.
    `cache` (a BuildCache) remembers the parsed entries by the file's bytes: the lock grows with
    the site, and YAML takes a noticeable part of a one-file rebuild to read it."""
    path = Path(root) / LOCK_NAME
    if not path.is_file():
        return FeedLock()
    raw = path.read_bytes()
    key = hashlib.sha256(raw).hexdigest()
    known = cache.get("lock", key) if cache is not None else None
    if known is not None:
        return FeedLock(known, raw)
    lock = _parse(raw)
    if cache is not None:
        cache.put("lock", key, dict(lock.entries))
    return lock


# A line as to_bytes() writes it. A lock with only such lines is read without YAML, whose node
# tree for a big site's lock took 0.7 s and 17 MiB at 5,000 meetings.
_WRITTEN_LINE = re.compile(r'  "([A-Za-z0-9._@:+-]+)": \{fingerprint: ([0-9a-f]+), sequence: (\d+), '
                           r'last_modified: "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"\}')


def _parse_as_written(raw: bytes) -> FeedLock | None:
    """The lock read line by line, or None when any line is not as to_bytes() writes it (an
    edited or damaged file goes to the YAML reader, which knows what to say about it)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = text.split("\n")
    header = HEADER.rstrip("\n").split("\n")
    if lines[:len(header)] != header or lines[-1] != "":
        return None
    body = lines[len(header):-1]
    if body == ["events: {}"]:
        return FeedLock({}, raw)
    if not body or body[0] != "events:":
        return None
    entries: dict[str, Revision] = {}
    stamps: dict[str, dt.datetime] = {}
    for line in body[1:]:
        match = _WRITTEN_LINE.fullmatch(line)
        if match is None:
            return None
        uid, fingerprint_, sequence, stamp = match.groups()
        if uid in entries:   # YAML would keep the last; leave such a file to it
            return None
        when = stamps.get(stamp)
        if when is None:
            when = stamps[stamp] = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
        entries[uid] = Revision(fingerprint_, int(sequence), when)
    return FeedLock(entries, raw)


def _parse(raw: bytes) -> FeedLock:
    written = _parse_as_written(raw)
    if written is not None:
        return written
    fix = "restore it with git (git checkout calendar.lock), or delete it to restart every sequence at 0"
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_LOADER) or {}
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise Problem(LOCK_NAME, mark.line + 1 if mark else 1, None, "calendar.lock cannot be read", fix) from None
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, dict):
        raise Problem(LOCK_NAME, 1, "events", "calendar.lock has no list of events", fix)
    entries = {}
    for uid, value in events.items():
        try:
            stamp = dt.datetime.strptime(str(value["last_modified"]), "%Y-%m-%dT%H:%M:%SZ")
            entries[str(uid)] = Revision(str(value["fingerprint"]), int(value["sequence"]),
                                         stamp.replace(tzinfo=dt.timezone.utc))
        except (TypeError, KeyError, ValueError):
            raise Problem(LOCK_NAME, _line_of(raw, str(uid)), "events", f"the entry for '{uid}' is damaged",
                          fix) from None
    return FeedLock(entries, raw)


def _line_of(raw: bytes, uid: str) -> int:
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
        if uid in line:
            return number
    return 1


def save(root: Path, lock: FeedLock) -> bool:
    """Write calendar.lock atomically if its content changed; True when written."""
    if not lock.changed:
        return False
    path = Path(root) / LOCK_NAME
    data = lock.to_bytes()
    handle, temporary = tempfile.mkstemp(prefix=".calendar.lock-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    lock.original = data
    return True
