"""sources.py: a build holds no bodies; each is read again from its file, exactly as first parsed."""
from __future__ import annotations

import pytest

from generator.content.sources import load_sources, parse_source_text, read_body
from generator.errors import BuildFailed

from conftest import SiteTree

# Windows line endings, a byte-order mark, Word's soft line break and a zero-width space: what
# parsing cleans must be cleaned the same way when the body is read again.
PASTED = ("\ufeff---\r\ntitle: Möte\r\ntype: förbundschefsmöte\r\ndate: 2021-11-17\r\n---\r\n"
          "## 1. Öppnande\r\n\r\nRad ett\vrad två\u200b.\r\n\r\n- punkt\r\n")


def test_a_body_read_again_from_its_file_is_the_body_parsing_gave(tmp_path):
    tree = SiteTree(tmp_path / "site").add({})
    path = tree.root / "content" / "meetings" / "2021-11-17-mote.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(PASTED.encode("utf-8"))
    parsed = parse_source_text(PASTED.encode("utf-8").decode("utf-8"), "x.md")
    assert "Rad ett\\\nrad två." in parsed.body and "\u200b" not in parsed.body   # a hard line break
    assert read_body(path, "x.md", parsed.body_line) == parsed.body
    [source], problems = load_sources(tree.root, hold_bodies=False)
    assert problems == [] and source.held_body is None and source.body == parsed.body
    [held], _problems = load_sources(tree.root)
    assert held.held_body == parsed.body


def test_a_file_changed_since_it_was_read_is_an_error_naming_it(tmp_path):
    tree = SiteTree(tmp_path / "site").add({"meetings/2021-11-17-mote.md": "---\ntitle: Möte\n---\nFörst.\n"})
    [source], _problems = load_sources(tree.root, hold_bodies=False)
    source.path.write_text("---\ntitle: Möte\n---\nSedan.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        source.body
    [problem] = failed.value.problems
    assert problem.path == "content/meetings/2021-11-17-mote.md" and "changed while the site was being built" in problem.message
