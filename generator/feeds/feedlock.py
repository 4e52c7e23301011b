"""calendar.lock: what the feeds remember between builds, so SEQUENCE survives a clean checkout.

Two sections: `events` for the iCal feeds (below) and `minutes` for the Atom feeds: when each
set of minutes was first published on the site and when its file last changed, so a feed reader
sees minutes added today for a meeting last spring as new today (see Publication).

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

from generator.errors import Problem
from generator.i18n import _

LOCK_NAME = "calendar.lock"
HEADER = """\
# calendar.lock — written by `sitegen build`; commit it together with the content.
# For each calendar event (by uid): a fingerprint of its time, place and status, how many
# times these have changed (the feeds' SEQUENCE) and when they last did (LAST-MODIFIED).
# For each set of minutes (by uid): a fingerprint of its file, when it was first published on
# the site and when it last changed (the Atom feeds' published and updated).
# Do not edit by hand; if it is lost, sequences restart at 0 and calendar apps may keep
# showing old times for events they already hold, and the minutes' dates are taken anew.
"""


@dataclass(frozen=True)
class Revision:
    fingerprint: str
    sequence: int
    last_modified: dt.datetime     # aware, UTC, whole seconds


@dataclass(frozen=True)
class Publication:
    """When a set of minutes reached the site and when it last changed there (aware, UTC)."""
    fingerprint: str
    published: dt.datetime
    updated: dt.datetime


def fingerprint(*fields) -> str:
    """A short digest of the fields that, when changed, must make calendar apps update the event."""
    return hashlib.sha256(repr(fields).encode("utf-8")).hexdigest()[:16]


def utc_seconds(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(microsecond=0)


class FeedLock:
    """The revisions read from calendar.lock, updated in memory by `revise`."""

    def __init__(self, entries: dict[str, Revision] | None = None, original: bytes | None = None,
                 minutes: dict[str, Publication] | None = None):
        self.entries: dict[str, Revision] = dict(entries or {})
        self.original = original          # the file's bytes as read (None: there was no file)
        # None: the file has no `minutes` section yet (a new site, or one from before it existed).
        self.minutes: dict[str, Publication] | None = None if minutes is None else dict(minutes)

    @property
    def minutes_recorded(self) -> bool:
        """Whether earlier builds recorded the minutes. Until they have, each set of minutes counts
        as published on its meeting's day (what the feeds showed before), so that starting the
        record does not put every old meeting at the top of feed readers at once."""
        return self.minutes is not None

    def publish(self, uid: str, current: str, now: dt.datetime, first: dt.datetime | None = None) -> Publication:
        """The publication of minutes `uid` whose fingerprint is now `current`: new minutes are
        published at `first` if given, else `now`; a changed fingerprint is updated at `now`."""
        if self.minutes is None:
            self.minutes = {}
        known = self.minutes.get(uid)
        if known is not None and known.fingerprint == current:
            return known
        if known is None:
            stamp = utc_seconds(first if first is not None else now)
            publication = Publication(current, stamp, stamp)
        else:
            # Never step back in time: a reader keeps the copy it holds when the update looks older.
            stamp = max(utc_seconds(now), known.updated + dt.timedelta(seconds=1))
            publication = Publication(current, known.published, stamp)
        self.minutes[uid] = publication
        return publication

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
        if self.minutes is not None:
            lines.append("minutes:" if self.minutes else "minutes: {}")
            for uid in sorted(self.minutes):
                entry = self.minutes[uid]
                lines.append(f"  {_quoted(uid)}: {{fingerprint: {entry.fingerprint}, "
                             f"published: \"{_stamp(entry.published)}\", updated: \"{_stamp(entry.updated)}\"}}")
        return ("\n".join(lines) + "\n").encode("utf-8")

    @property
    def changed(self) -> bool:  # noqa: D401 - comparing bytes keeps "written only when changed" exact
        return self.to_bytes() != self.original


STAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime(STAMP_FORMAT)


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
    key = "2:" + hashlib.sha256(raw).hexdigest()   # 2: (events, minutes)
    known = cache.get("lock", key) if cache is not None else None
    if known is not None:
        return FeedLock(known[0], raw, known[1])
    lock = _parse(raw)
    if cache is not None:
        cache.put("lock", key, (dict(lock.entries), None if lock.minutes is None else dict(lock.minutes)))
    return lock


# A line as to_bytes() writes it. A lock with only such lines is read without YAML, whose node
# tree for a big site's lock took 0.7 s and 17 MiB at 5,000 meetings.
_WRITTEN_LINE = re.compile(r'  "([A-Za-z0-9._@:+-]+)": \{fingerprint: ([0-9a-f]+), sequence: (\d+), '
                           r'last_modified: "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"\}')


_WRITTEN_MINUTES_LINE = re.compile(r'  "([A-Za-z0-9._@:+-]+)": \{fingerprint: ([0-9a-f]+), '
                                   r'published: "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)", '
                                   r'updated: "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"\}')


def _utc(stamp: str, known: dict[str, dt.datetime]) -> dt.datetime:
    when = known.get(stamp)
    if when is None:
        when = known[stamp] = dt.datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=dt.timezone.utc)
    return when


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
    minutes: dict[str, Publication] | None = None
    for start, line in enumerate(body):
        if line.startswith("minutes:"):
            minutes_lines, body = body[start:], body[:start]
            if minutes_lines[0] not in ("minutes:", "minutes: {}") or (minutes_lines[0] == "minutes: {}"
                                                                        and len(minutes_lines) > 1):
                return None
            minutes = {}
            break
    else:
        minutes_lines = []
    if not body or body[0] not in ("events:", "events: {}") or (body[0] == "events: {}" and len(body) > 1):
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
        entries[uid] = Revision(fingerprint_, int(sequence), _utc(stamp, stamps))
    for line in minutes_lines[1:]:
        match = _WRITTEN_MINUTES_LINE.fullmatch(line)
        if match is None or match.group(1) in minutes:
            return None
        uid, fingerprint_, published, updated = match.groups()
        minutes[uid] = Publication(fingerprint_, _utc(published, stamps), _utc(updated, stamps))
    return FeedLock(entries, raw, minutes)


def _parse(raw: bytes) -> FeedLock:
    written = _parse_as_written(raw)
    if written is not None:
        return written
    fix = _("restore it with git (git checkout calendar.lock), or delete it to restart every sequence at 0")
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_LOADER) or {}
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise Problem(LOCK_NAME, mark.line + 1 if mark else 1, None, _("calendar.lock cannot be read"), fix) from None
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, dict):
        raise Problem(LOCK_NAME, 1, "events", _("calendar.lock has no list of events"), fix)
    entries = {}
    for uid, value in events.items():
        try:
            stamp = dt.datetime.strptime(str(value["last_modified"]), STAMP_FORMAT)
            entries[str(uid)] = Revision(str(value["fingerprint"]), int(value["sequence"]),
                                         stamp.replace(tzinfo=dt.timezone.utc))
        except (TypeError, KeyError, ValueError):
            raise Problem(LOCK_NAME, _line_of(raw, str(uid)), "events", _("the entry for '{uid}' is damaged").format(uid=uid),
                          fix) from None
    minutes = None
    if "minutes" in data:
        if not isinstance(data["minutes"], dict):
            raise Problem(LOCK_NAME, _line_of(raw, "minutes:"), "minutes", _("calendar.lock's minutes are not a list"),
                          fix)
        minutes = {}
        for uid, value in data["minutes"].items():
            try:
                minutes[str(uid)] = Publication(str(value["fingerprint"]), _utc(str(value["published"]), {}),
                                                _utc(str(value["updated"]), {}))
            except (TypeError, KeyError, ValueError):
                raise Problem(LOCK_NAME, _line_of(raw, str(uid)), "minutes",
                              _("the entry for the minutes '{uid}' is damaged").format(uid=uid), fix) from None
    return FeedLock(entries, raw, minutes)


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
