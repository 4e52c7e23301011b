"""Atomic, double-buffered writing: only changed bytes are written, and a damaged spare changes nothing."""
from __future__ import annotations

from generator.store.output import write_site


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuilds_write_only_changed_files_and_delete_stale_ones(tmp_path):
    out, spare = tmp_path / "output", tmp_path / "cache" / "previous-output"
    first = {"index.html": b"start", "moten/a/index.html": b"a", "moten/b/index.html": b"b"}
    assert write_site(out, first, {}, spare).written == 3
    assert write_site(out, first, {}, spare).written == 3       # the spare was empty: it catches up once
    assert write_site(out, first, {}, spare).written == 0       # now nothing changes
    second = {"index.html": b"start", "moten/a/index.html": b"a2"}
    stats = write_site(out, second, {}, spare)
    assert (stats.written, stats.deleted) == (1, 1)
    assert tree(out) == second
    assert not (out / "moten" / "b").exists()                   # empty folders go too


def test_a_damaged_spare_never_changes_the_output(tmp_path):
    out, spare = tmp_path / "output", tmp_path / "spare"
    files = {"index.html": b"start", "kalender.ics": b"BEGIN:VCALENDAR"}
    write_site(out, files, {}, spare)
    write_site(out, files, {}, spare)
    (spare / "index.html").write_bytes(b"garbage of the same length?")
    (spare / "index.html" ).write_bytes(b"STARt")                 # same size, other bytes
    (spare / "extra").mkdir()
    (spare / "extra" / "old.html").write_bytes(b"old")
    (spare / "kalender.ics").unlink()
    (spare / "kalender.ics").mkdir()                             # a folder where a file belongs
    write_site(out, files, {}, spare)
    assert tree(out) == files


def test_copies_are_compared_by_content(tmp_path):
    source = tmp_path / "bilaga.pdf"
    source.write_bytes(b"%PDF-1")
    out, spare = tmp_path / "output", tmp_path / "spare"
    for _ in range(2):
        write_site(out, {}, {"moten/a/bilaga.pdf": source}, spare)
    source.write_bytes(b"%PDF-2")
    assert write_site(out, {}, {"moten/a/bilaga.pdf": source}, spare).written == 1
    assert (out / "moten/a/bilaga.pdf").read_bytes() == b"%PDF-2"


def test_without_a_spare_the_retired_folder_is_removed(tmp_path):
    out = tmp_path / "output"
    write_site(out, {"a": b"1"}, {})
    write_site(out, {"a": b"2"}, {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
    assert tree(out) == {"a": b"2"}


def test_a_file_where_a_folder_belongs_in_the_spare_makes_room(tmp_path):
    out, spare = tmp_path / "output", tmp_path / "spare"
    first = {"moten": b"a file named like the folder", "index.html": b"start"}
    write_site(out, first, {}, spare)
    write_site(out, first, {}, spare)                      # the spare now holds 'moten' as a file
    second = {"moten/a/index.html": b"a", "index.html": b"start"}
    write_site(out, second, {}, spare)
    assert tree(out) == second
    assert tree(out) == second and write_site(out, second, {}, spare).written == 1   # the spare catches up
    assert tree(out) == second


def test_a_failed_write_leaves_the_output_as_it_was(tmp_path):
    out, spare = tmp_path / "output", tmp_path / "spare"
    write_site(out, {"index.html": b"start"}, {}, spare)
    try:
        write_site(out, {"index.html": b"new"}, {"bilaga.pdf": tmp_path / "missing.pdf"}, spare)
    except FileNotFoundError:
        pass
    assert tree(out) == {"index.html": b"start"}


def test_unchanged_files_are_shared_with_the_spare_and_an_edit_through_one_never_leaks(tmp_path):
    from generator.store.output import Kept, OutputState, file_digest
    out, spare = tmp_path / "output", tmp_path / "cache" / "previous-output"

    def kept(rel):   # what a build passes for a file output/ verifiably holds
        data = (out / rel).read_bytes()
        assert OutputState(out, spare).holds(rel) == (len(data), file_digest(data))
        return Kept(len(data), file_digest(data))

    write_site(out, {"a.html": b"page a", "b.html": b"page b"}, {}, spare)      # a clean build: no spare
    write_site(out, {"a.html": kept("a.html"), "b.html": b"page B"}, {}, spare, OutputState(out, spare))
    assert tree(out) == {"a.html": b"page a", "b.html": b"page B"}
    assert (out / "a.html").stat().st_nlink == 2                                # linked, not copied
    with open(out / "a.html", "r+b") as stream:                                 # edited in place, by hand
        stream.write(b"PAGE")
    state = OutputState(out, spare)
    assert state.holds("a.html") is None                                        # no longer trusted
    write_site(out, {"a.html": b"page a", "b.html": kept("b.html")}, {}, spare, state)
    assert tree(out) == {"a.html": b"page a", "b.html": b"page B"}
    for _ in range(2):    # the spare's damaged copy is never taken for the good one
        write_site(out, {"a.html": kept("a.html"), "b.html": kept("b.html")}, {}, spare, OutputState(out, spare))
        assert tree(out) == {"a.html": b"page a", "b.html": b"page B"}


def test_where_links_fail_unchanged_files_are_copied(tmp_path, monkeypatch):
    import os
    from generator.store.output import Kept, OutputState, file_digest
    out, spare = tmp_path / "output", tmp_path / "spare"
    write_site(out, {"a.html": b"page a"}, {}, spare)

    def refuse(*_args):
        raise OSError(1, "links are not allowed here")
    monkeypatch.setattr(os, "link", refuse)
    write_site(out, {"a.html": Kept(6, file_digest(b"page a")), "b.html": b"b"}, {}, spare, OutputState(out, spare))
    assert tree(out) == {"a.html": b"page a", "b.html": b"b"}
    assert (out / "a.html").stat().st_nlink == 1


def test_a_file_written_in_parts_is_the_same_file_and_skipped_when_the_spare_has_it(tmp_path):
    """A big feed is written piece by piece: same bytes, digest and permissions as a whole file,
    not rewritten when the spare holds it, and nothing left behind when making it fails."""
    import pytest
    from generator.store.output import OutputState, Staging, file_digest
    out, spare = tmp_path / "output", tmp_path / "cache" / "previous-output"
    parts = [b"BEGIN:VCALENDAR\r\n", b"BEGIN:VEVENT\r\nEND:VEVENT\r\n" * 3, b"END:VCALENDAR\r\n"]
    whole = b"".join(parts)

    def build(make_parts):
        staging = Staging(out, OutputState(out, spare))
        placed = staging.put_parts("forbund/x/kalender.ics", make_parts())
        staging.put("index.html", b"start")
        return staging, placed

    for round_ in range(3):   # the spare is empty, catches up, then holds the file
        staging, placed = build(lambda: iter(parts))
        assert (placed.size, placed.digest) == (len(whole), file_digest(whole))
        stats = staging.finish()
        assert stats.written == (0 if round_ == 2 else 2)
        assert tree(out) == {"forbund/x/kalender.ics": whole, "index.html": b"start"}
        assert (out / "forbund/x/kalender.ics").stat().st_mode == (out / "index.html").stat().st_mode
    assert sorted(p.name for p in tmp_path.rglob("*.part")) == []

    def failing():
        yield parts[0]
        raise OSError("disk full")
    staging = Staging(out, OutputState(out, spare))
    with pytest.raises(OSError):
        staging.put_parts("kalender.ics", failing())
    staging.abandon()
    assert sorted(p.name for p in tmp_path.rglob("*.part")) == []
    assert tree(out) == {"forbund/x/kalender.ics": whole, "index.html": b"start"}
