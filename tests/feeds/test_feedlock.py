"""calendar.lock: sequences that rise on a change, stable bytes, plain errors."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.feeds import feedlock
from generator.errors import Problem

UTC = dt.timezone.utc
MONDAY = dt.datetime(2021, 11, 1, 8, 30, tzinfo=UTC)


def test_a_new_event_starts_at_sequence_zero_and_an_unchanged_one_keeps_its_revision():
    lock = feedlock.FeedLock()
    first = lock.revise("a", "f1", MONDAY)
    assert (first.sequence, first.last_modified) == (0, MONDAY)
    assert lock.revise("a", "f1", MONDAY + dt.timedelta(days=3)) == first


def test_a_changed_fingerprint_raises_the_sequence_and_never_steps_back_in_time():
    lock = feedlock.FeedLock()
    lock.revise("a", "f1", MONDAY)
    moved = lock.revise("a", "f2", MONDAY + dt.timedelta(days=1))
    assert (moved.sequence, moved.last_modified) == (1, MONDAY + dt.timedelta(days=1))
    # A build stamped earlier than the lock (an old SOURCE_DATE_EPOCH) still moves forward.
    again = lock.revise("a", "f3", MONDAY)
    assert again.sequence == 2 and again.last_modified > moved.last_modified


def test_bytes_are_sorted_stable_and_read_back():
    lock = feedlock.FeedLock()
    for uid in ["b", "a: not a key\n# nor a comment", "å-ä-ö"]:
        lock.revise(uid, "f", MONDAY)
    data = lock.to_bytes()
    assert data == lock.to_bytes()
    entries = [line for line in data.decode().splitlines() if line.startswith("  ")]
    assert len(entries) == 3 and entries == sorted(entries)


def test_load_and_save_round_trip_and_write_only_on_change(tmp_path):
    lock = feedlock.load(tmp_path)                      # no file yet: an empty lock
    assert lock.entries == {}
    lock.revise("a", "f1", MONDAY)
    assert feedlock.save(tmp_path, lock) is True
    again = feedlock.load(tmp_path)
    assert again.entries == lock.entries
    assert feedlock.save(tmp_path, again) is False     # nothing changed: the file is not rewritten
    again.revise("a", "f2", MONDAY)
    assert feedlock.save(tmp_path, again) is True
    assert feedlock.load(tmp_path).entries["a"].sequence == 1


@pytest.mark.parametrize("text, line", [
    ("events: [\n", 2),
    ("just text\n", 1),
    ('events:\n  "x": {fingerprint: f, sequence: 1}\n', 2),
])
def test_a_damaged_lock_names_the_file_and_the_line(tmp_path, text, line):
    (tmp_path / "calendar.lock").write_text(text, encoding="utf-8")
    with pytest.raises(Problem) as raised:
        feedlock.load(tmp_path)
    assert raised.value.path == "calendar.lock" and raised.value.line == line
    assert "git checkout calendar.lock" in raised.value.fix


def test_a_lock_as_written_and_the_same_lock_laid_out_by_hand_read_the_same(tmp_path):
    """The lock is read line by line when every line is as the build writes it, and with YAML
    otherwise (a merge or a hand edit): both give the same entries."""
    import yaml
    lock = feedlock.FeedLock()
    for number, uid in enumerate(["0008da8cc1fa47d4", "a@example.org", "x:1"]):
        lock.revise(uid, f"f{number}", MONDAY + dt.timedelta(days=number))
    lock.revise("0008da8cc1fa47d4", "changed", MONDAY + dt.timedelta(days=9))   # sequence 1
    (tmp_path / "calendar.lock").write_bytes(lock.to_bytes())
    as_written = feedlock.load(tmp_path)
    assert as_written.entries == lock.entries and not as_written.changed
    lock.revise("möte med mellanslag", "f9", MONDAY)   # a uid YAML writes with quotes and escapes
    (tmp_path / "calendar.lock").write_bytes(lock.to_bytes())
    assert feedlock.load(tmp_path).entries == lock.entries
    by_hand = {"events": {uid: {"fingerprint": e.fingerprint, "sequence": e.sequence,
                                "last_modified": e.last_modified.strftime("%Y-%m-%dT%H:%M:%SZ")}
                          for uid, e in lock.entries.items()}}
    (tmp_path / "calendar.lock").write_text(yaml.safe_dump(by_hand, allow_unicode=True), encoding="utf-8")
    laid_out = feedlock.load(tmp_path)
    assert laid_out.entries == lock.entries
    assert laid_out.changed   # the next build writes it back in its own layout


# ---------- the minutes' publication times (the Atom feeds) ----------

def test_minutes_are_published_once_and_updated_when_their_file_changes():
    lock = feedlock.FeedLock()
    assert not lock.minutes_recorded
    seeded = lock.publish("m1", "f1", MONDAY, first=MONDAY - dt.timedelta(days=30))
    assert seeded.published == seeded.updated == MONDAY - dt.timedelta(days=30)
    added = lock.publish("m2", "g1", MONDAY)
    assert added.published == added.updated == MONDAY
    assert lock.publish("m2", "g1", MONDAY + dt.timedelta(days=5)) == added
    edited = lock.publish("m2", "g2", MONDAY + dt.timedelta(days=5))
    assert (edited.published, edited.updated) == (MONDAY, MONDAY + dt.timedelta(days=5))
    backwards = lock.publish("m2", "g3", MONDAY)          # an older SOURCE_DATE_EPOCH still moves forward
    assert backwards.updated > edited.updated


def test_the_minutes_section_reads_back_as_written_and_as_yaml(tmp_path):
    import yaml
    lock = feedlock.FeedLock()
    lock.revise("e1", "f1", MONDAY)
    (tmp_path / "calendar.lock").write_bytes(lock.to_bytes())
    before = feedlock.load(tmp_path)
    assert not before.minutes_recorded and not before.changed       # a lock from before the section
    lock.publish("m1", "a1", MONDAY)
    lock.publish("möte två", "b1", MONDAY + dt.timedelta(hours=1))
    (tmp_path / "calendar.lock").write_bytes(lock.to_bytes())
    as_written = feedlock.load(tmp_path)
    assert as_written.minutes == lock.minutes and as_written.entries == lock.entries and not as_written.changed
    by_hand = yaml.safe_load(lock.to_bytes().decode("utf-8"))
    (tmp_path / "calendar.lock").write_text(yaml.safe_dump(by_hand, allow_unicode=True), encoding="utf-8")
    assert feedlock.load(tmp_path).minutes == lock.minutes
    empty = feedlock.FeedLock(minutes={})
    (tmp_path / "calendar.lock").write_bytes(empty.to_bytes())
    assert feedlock.load(tmp_path).minutes_recorded                 # 'minutes: {}' counts as begun


def test_a_damaged_minutes_entry_names_its_line(tmp_path):
    text = feedlock.HEADER + "events: {}\nminutes:\n  m1: {fingerprint: a1, published: igår}\n"
    (tmp_path / "calendar.lock").write_text(text, encoding="utf-8")
    with pytest.raises(Problem) as raised:
        feedlock.load(tmp_path)
    assert raised.value.field == "minutes" and raised.value.line == text.count("\n") and "m1" in raised.value.message
