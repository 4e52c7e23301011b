"""The `sitegen import` command: files, folders, bundles, the original kept (generator/importer/write.py)."""
from __future__ import annotations

import io
import re

from pathlib import Path

from generator.content.sources import parse_front_matter

from conftest import SiteTree, text_of
from generator.authoring.importer import write
from generator.authoring.check import check_command

from .documents import BOARD_PROTOCOL, NETWORK_MEETING, to_docx, to_pdf
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


# ---------------------------------------------------------------- folders, originals, the built page

def office_folder(tmp_path: Path) -> Path:
    """A folder as a federation brings it: Word, PDF and text minutes, one file twice."""
    folder = tmp_path / "protokoll"
    folder.mkdir()
    to_docx(BOARD_PROTOCOL, folder / "Styrelseprotokoll 2024-10-08.docx")
    to_pdf(NETWORK_MEETING, folder / "presidium november.pdf")
    text = (FIXTURES / "fc_namnlista.txt").read_bytes()
    (folder / "fc.txt").write_bytes(text)
    (folder / "fc kopia.txt").write_bytes(text)
    (folder / "bild.png").write_bytes(b"\x89PNG not minutes")
    return folder


def test_a_folder_is_imported_with_a_table_and_the_originals_kept(tmp_path):
    tree = SiteTree(tmp_path / "site")
    root = make_site(tree.root)
    code, output = run([office_folder(tmp_path)], root)
    assert code == 0, output
    meetings = root / "content" / "meetings"
    board = meetings / "2024-10-08-styrelse-vastmark"
    assert (board / "Styrelseprotokoll 2024-10-08.docx").read_bytes() == (
        tmp_path / "protokoll" / "Styrelseprotokoll 2024-10-08.docx").read_bytes()
    meta, _, body, _ = parse_front_matter((board / "index.md").read_text(encoding="utf-8"), "index.md")
    assert meta["source"] == "Styrelseprotokoll 2024-10-08.docx" and meta["chair"] == "Stina Karlsson"
    assert "§ 2 Ekonomisk uppföljning" in body and "Göran Nilsson" in body   # the justerare stays
    assert (meetings / "2024-11-13-presidiemote" / "presidium november.pdf").exists()
    # the same content twice: the second file is recognised and skipped
    assert "fc.txt: already imported as content/meetings/2024-03-20-forbundschefsmote/index.md" in output
    assert len(list(meetings.glob("*/index.md"))) == 3
    # announced dates are events in content/events, linked to their meeting
    event_path = root / "content" / "events" / "2025-02-04-styrelsemote.md"
    emeta, _, _, _ = parse_front_matter(event_path.read_text(encoding="utf-8"), event_path.name)
    assert emeta["announced_in"] == "2024-10-08-styrelse-vastmark" and emeta["status"] == "preliminär"
    # one table: file → meeting, fields found, to review, events
    table = output[output.index("\nfile "):]
    rows = {line.split("  ")[0]: line for line in table.splitlines()[2:]}
    assert "content/meetings/2024-10-08-styrelse-vastmark/index.md" in rows["Styrelseprotokoll 2024-10-08.docx"]
    assert " 8/8 " in rows["Styrelseprotokoll 2024-10-08.docx"]
    assert "skipped" in rows["fc.txt"] and "8/8" in rows["fc kopia.txt"]
    assert re.search(r"fields found: \d+ of 24", table)
    assert "bild.png" not in output

    # the site builds with every meeting and its original listed on the page
    tree.build()
    doc = tree.html("moten/2024-10-08-styrelse-vastmark/")
    links = {text_of(a): a.get("href") for a in doc.iter("a")}
    assert links["Styrelseprotokoll 2024-10-08.docx"].endswith("/Styrelseprotokoll%202024-10-08.docx")
    assert links["originalprotokollet (Styrelseprotokoll 2024-10-08.docx)"] == links["Styrelseprotokoll 2024-10-08.docx"]
    assert (tree.out / "moten/2024-10-08-styrelse-vastmark/Styrelseprotokoll 2024-10-08.docx").exists()
    # check --strict finds nothing the importer wrote; the kept PDF original is what the federation
    # published (made here without tags, language or title), and check says so, as the DOS law asks.
    out, err = io.StringIO(), io.StringIO()
    check_command(root, strict=True, quiet=True, out=out, err=err)
    findings = [line for line in out.getvalue().splitlines() if not line.startswith("check:")]
    assert findings and all(line.startswith("content/meetings/2024-11-13-presidiemote/presidium november.pdf:1: the PDF")
                            for line in findings), out.getvalue() + err.getvalue()


def test_the_same_file_again_is_skipped_and_force_imports_it_again(tmp_path):
    root = make_site(tmp_path)
    folder = office_folder(tmp_path)
    assert run([folder], root)[0] == 0
    code, output = run([folder / "fc.txt"], root)
    assert code == 0 and "already imported" in output
    index = root / "content" / "meetings" / "2024-03-20-forbundschefsmote" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nRättelse.\n", encoding="utf-8")
    code, output = run([folder / "fc.txt"], root, force=True)
    assert code == 0 and "Rättelse." not in index.read_text(encoding="utf-8")
    assert not (root / "content" / "meetings" / "2024-03-20-forbundschefsmote-2").exists()


def test_an_older_flat_meeting_file_is_not_replaced_without_force(tmp_path):
    root = make_site(tmp_path)
    assert run([FIXTURES / "presidium.txt"], root)[0] == 0
    folder = root / "content" / "meetings" / "2022-10-12-presidiemote"
    flat = root / "content" / "meetings" / "2022-10-12-presidiemote.md"
    flat.write_text((folder / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    for kept in folder.iterdir():
        kept.unlink()
    folder.rmdir()
    code, output = run([FIXTURES / "presidium.txt"], root)
    assert code == 1 and "2022-10-12-presidiemote.md exists — not overwritten" in output
    code, output = run([FIXTURES / "presidium.txt"], root, force=True)
    assert code == 0 and not flat.exists() and (folder / "index.md").exists()


def test_a_markdown_original_is_kept_under_a_name_the_site_does_not_read(tmp_path):
    root = make_site(tmp_path)
    code, output = run([FIXTURES / "presidium_fetstil.md"], root)
    assert code == 0, output
    folder = root / "content" / "meetings" / "2024-02-07-presidiemote"
    assert sorted(p.name for p in folder.iterdir()) == ["index.md", "presidium_fetstil.md.txt"]


def test_nothing_is_written_outside_the_site(tmp_path):
    root = make_site(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    code, output = run([FIXTURES / "fc_lista.txt"], root, into=elsewhere)
    assert code == 1 and "--into must be a folder inside the site" in output
    assert not elsewhere.exists() and not (root / "content" / "meetings").exists()


def test_a_file_that_is_no_minutes_is_named_with_the_formats_read(tmp_path):
    root = make_site(tmp_path)
    slides = tmp_path / "bilder.pptx"
    slides.write_bytes(b"PK\x03\x04 slides")
    code, output = run([slides], root)
    assert code == 1 and "bilder.pptx: is not minutes the importer reads (.txt, .md, .docx, .odt, .pdf)" in output


def test_minutes_the_rules_trip_over_are_a_message_naming_the_file(tmp_path, monkeypatch):
    def trip(*args, **kwargs):
        raise IndexError("a form the rules do not know")

    monkeypatch.setattr(write, "import_minutes", trip)
    root = make_site(tmp_path)
    code, output = run([FIXTURES / "fc_lista.txt"], root)
    assert code == 1 and "fc_lista.txt: the importer could not read these minutes (IndexError)" in output
    assert "Traceback" not in output and not (root / "content" / "meetings").exists()
