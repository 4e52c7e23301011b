"""The `sitegen import` command: files, folders, bundles, the original kept (generator/importer/write.py)."""
from __future__ import annotations

from pathlib import Path

from generator.sources import parse_front_matter

from .helpers import FIXTURES, MEETING_FIELDS, make_site, run


def test_import_writes_files_that_parse(tmp_path):
    root = make_site(tmp_path)
    code, output = run([FIXTURES / "fc_hybrid.txt"], root)
    assert code == 0, output
    path = root / "content" / "meetings" / "2022-11-23-forbundschefsmote" / "index.md"
    meta, lines, body, _ = parse_front_matter(path.read_text(encoding="utf-8"), "x.md")
    assert str(meta["date"]) == "2022-11-23" and meta["present"][1]["group"] == "På Teams"
    assert meta["source"] == "fc_hybrid.txt"
    assert list(meta) == [k for k in MEETING_FIELDS if k in meta]
    assert "## 3. Gemensam uppföljning" in body
    events = sorted((root / "content" / "events").glob("*.md"))
    assert [p.name for p in events][0] == "2022-12-01-sista-dag-utbildningsdag.md"
    for event in events:
        emeta, _, _, _ = parse_front_matter(event.read_text(encoding="utf-8"), event.name)
        assert emeta["announced_in"] == "2022-11-23-forbundschefsmote"
    assert "2022-11-23-forbundschefsmote/index.md" in output and "På Teams: Göran, Mira S, Ulrika" in output
    assert str(tmp_path) not in path.read_text(encoding="utf-8")


def test_no_overwrite_without_force(tmp_path):
    root = make_site(tmp_path)
    assert run([FIXTURES / "presidium.txt"], root)[0] == 0
    path = root / "content" / "meetings" / "2022-10-12-presidiemote" / "index.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEgen rättelse.\n", encoding="utf-8")
    # the same file again: recognised by its content and skipped
    code, output = run([FIXTURES / "presidium.txt"], root)
    assert code == 0 and "already imported as content/meetings/2022-10-12-presidiemote/index.md" in output
    assert "Egen rättelse." in path.read_text(encoding="utf-8")
    # the same meeting whose original is no longer beside it: refused, not overwritten
    (path.parent / "presidium.txt").unlink()
    code, output = run([FIXTURES / "presidium.txt"], root)
    assert code == 1 and "exists — not overwritten (use --force" in output
    assert "Egen rättelse." in path.read_text(encoding="utf-8")
    code, output = run([FIXTURES / "presidium.txt"], root, force=True)
    assert code == 0 and "Egen rättelse." not in path.read_text(encoding="utf-8")


def test_another_meeting_on_the_same_day_gets_its_own_file(tmp_path):
    root = make_site(tmp_path)
    copy = tmp_path / "kopia.txt"
    copy.write_text((FIXTURES / "presidium.txt").read_text(encoding="utf-8") + "\nTillägg.\n", encoding="utf-8")
    assert run([FIXTURES / "presidium.txt"], root)[0] == 0
    code, output = run([copy], root)
    assert code == 0, output
    assert (root / "content" / "meetings" / "2022-10-12-presidiemote-2" / "index.md").exists()
    assert (root / "content" / "meetings" / "2022-10-12-presidiemote-2" / "kopia.txt").exists()
    assert "announced elsewhere — skipped" in output


def test_dry_run_writes_nothing(tmp_path):
    root = make_site(tmp_path)
    before = sorted(p for p in root.rglob("*"))
    code, output = run([FIXTURES / "fc_lista.txt"], root, dry_run=True)
    assert code == 0
    assert sorted(p for p in root.rglob("*")) == before
    assert "--- would write content/meetings/2022-03-03-forbundschefsmote/index.md ---" in output
    assert "--- would copy fc_lista.txt to content/meetings/2022-03-03-forbundschefsmote/fc_lista.txt ---" in output
    assert "title: Förbundschefsmöte Västmarks län 3 mars 2022" in output
    assert "Dry run: nothing was written." in output


def test_into_another_folder(tmp_path):
    root = make_site(tmp_path)
    code, _ = run([FIXTURES / "styrelse_markdown.txt"], root, into=Path("content/meetings/arkiv"))
    assert code == 0
    assert (root / "content" / "meetings" / "arkiv" / "2023-05-04-styrelse-sydvik" / "index.md").exists()


def test_bad_input_gives_a_plain_message(tmp_path):
    root = make_site(tmp_path)
    binary = tmp_path / "protokoll.docx"
    binary.write_bytes(b"PK\x03\x04 not text")
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"Minnesanteckningar \x81\x8d\x00 trasig")
    empty = tmp_path / "tom.txt"
    empty.write_text("  \n", encoding="utf-8")
    (tmp_path / "tom-mapp").mkdir()
    code, output = run([tmp_path / "saknas.txt", binary, odd, empty, tmp_path / "tom-mapp"], root)
    assert code == 1
    assert "saknas.txt: no such file" in output
    assert "protokoll.docx: is a Word or PDF file" in output
    assert "odd.txt: looks like a binary file" in output
    assert "tom.txt: is empty" in output
    assert "tom-mapp: no minutes in this folder" in output
    assert "Traceback" not in output
    assert not (root / "content" / "meetings").exists()


def test_windows_1252_text_is_read_with_a_note(tmp_path):
    root = make_site(tmp_path)
    legacy = tmp_path / "gammal.txt"
    legacy.write_bytes((FIXTURES / "fc_lista.txt").read_text(encoding="utf-8").encode("cp1252"))
    code, output = run([legacy], root)
    assert code == 0 and "Windows-1252" in output
    written = (root / "content" / "meetings" / "2022-03-03-forbundschefsmote" / "index.md").read_text(encoding="utf-8")
    assert "Förbundschefsmöte Västmarks län" in written
