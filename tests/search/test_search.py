"""Search: the Pagefind index written by the build, the search page, and a build without Pagefind."""
from __future__ import annotations

import gzip
import json
import sys

import pytest

from generator import cli
from generator.search import pagefind as search

from conftest import FEDERATIONS, MEETING, PROJECTS, TODAY, SiteTree

needs_pagefind = pytest.mark.skipif(search.find_pagefind() is None,
                                    reason="Pagefind is not installed: pip install -e '.[search]'")


def bundle_pages(bundle) -> dict[str, str]:
    """URL → indexed text of one Pagefind bundle, read back from its fragment files
    (gzip, 'pagefind_dcd' + JSON)."""
    pages = {}
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[len(b"pagefind_dcd"):])
        pages[record["url"]] = record["content"]
    return pages


def index_parts(out) -> dict[str, dict[str, str]]:
    """Part → its pages: the main bundle ('') and every part the search page merges."""
    listing = json.loads((out / "pagefind" / search.PARTS_FILE).read_text())
    parts = {"": bundle_pages(out / "pagefind")}
    for part in listing["parts"]:
        parts[part] = bundle_pages(out / "pagefind" / part)
    return parts


def indexed_pages(out) -> dict[str, str]:
    """URL → indexed text over all parts of the index."""
    pages: dict[str, str] = {}
    for part in index_parts(out).values():
        assert not set(part) & set(pages), "a page is in two parts"
        pages.update(part)
    return pages


@needs_pagefind
def test_build_writes_an_index_of_the_content_pages(site):
    site.add({"pages/om.md": "---\ntitle: Om webbplatsen\n---\nOm oss.\n"})
    result = site.build()
    assert result.warnings == []
    assert (site.out / "pagefind" / "pagefind.js").is_file()
    pages = indexed_pages(site.out)
    assert sorted(pages) == ["/forbund/roslagen/", "/forbund/sundbyberg/", "/moten/2021-11-17-forbundschefsmote/",
                             "/om/", "/projekt/mia/"]  # lists, the calendar, 404 and the search page are left out
    assert "hälsar välkommen" in pages["/moten/2021-11-17-forbundschefsmote/"]


@needs_pagefind
def test_lists_of_other_pages_are_not_indexed_with_the_federation(site):
    site.build()
    federation = indexed_pages(site.out)["/forbund/roslagen/"]
    assert "Förbundet i norra länet." in federation
    assert "Förbundschefsmöte 17 november" not in federation  # found on the meeting's own page instead


@needs_pagefind
def test_a_meetings_decision_list_and_series_links_are_not_indexed_again(site):
    """The decision list repeats the minutes' own sentences and the series links name other
    meetings: indexed, a sentence would count twice and the page would be a hit for its neighbours."""
    later = MEETING.replace("m-2021-11-17", "m-2021-12-15").replace("17 november 2021", "15 december 2021") \
        .replace("2021-11-17", "2021-12-15").replace("Kipa hälsar välkommen.", "Beslut: Mötet godkänner planen.")
    site.add({"meetings/2021-12-15-forbundschefsmote.md": later})
    assert site.build().warnings == []
    page = site.out / "moten/2021-12-15-forbundschefsmote/index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("Mötet godkänner planen.") == 2   # in the minutes and in the decision list
    assert "Förbundschefsmöte 17 november 2021" in html  # the series link to the earlier meeting
    text = indexed_pages(site.out)["/moten/2021-12-15-forbundschefsmote/"]
    assert text.count("Mötet godkänner planen.") == 1
    assert "17 november" not in text


@needs_pagefind
def test_index_urls_carry_the_sub_path_through_the_search_page(tmp_path):
    tree = SiteTree(tmp_path / "site", base_url="https://example.se/natverk/")
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-11-17-forbundschefsmote.md": MEETING})
    tree.build()
    form = tree.html("sok/").find(".//form[@role='search']")
    assert form.get("data-pagefind") == "/natverk/pagefind/pagefind.js"
    assert form.get("data-base") == "/natverk/"   # Pagefind prefixes its site-relative URLs with this
    assert (tree.out / "pagefind" / "pagefind.js").is_file()


def test_search_page_has_a_labelled_search_field_and_a_live_region(site):
    site.build()
    doc = site.html("sok/")
    form = doc.find(".//main//form[@role='search']")
    field = form.find(".//input[@type='search']")
    label = form.find(f".//label[@for='{field.get('id')}']")
    assert field.get("name") == "q" and label is not None and label.text.strip()
    assert form.find(".//button[@type='submit']") is not None
    assert doc.find(".//main//*[@role='status']") is not None
    scripts = [s.get("src") for s in doc.findall(".//script")]
    assert any(src.startswith("/static/search.") and src.endswith(".js") for src in scripts)
    assert doc.find(".//main").get("data-pagefind-body") is None


def test_build_without_pagefind_succeeds_and_says_search_was_skipped(site, monkeypatch):
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)   # as if the extra were not installed
    assert search.find_pagefind() is None
    result = site.build()
    assert [(w.field, w.severity) for w in result.warnings] == [("search", "warning")]
    assert "search was skipped" in result.warnings[0].message
    assert not (site.out / "pagefind").exists()
    assert (site.out / "sok" / "index.html").is_file()     # the page still explains itself


def test_cli_prints_the_skip_as_a_warning_line_and_exits_0(site, monkeypatch, capsys):
    monkeypatch.setattr(search, "find_pagefind", lambda: None)
    assert cli.main(["--root", str(site.root), "build"]) == 0
    err_lines = capsys.readouterr().err.splitlines()
    warnings = [line for line in err_lines if "search was skipped" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: site.yaml:1: search: ")
    assert "pip install -e ." in warnings[0]


def test_a_failing_pagefind_is_a_warning_not_a_broken_build(site, monkeypatch, tmp_path):
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind: boom' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(search, "find_pagefind", lambda: broken)
    result = site.build()
    assert [w.field for w in result.warnings] == ["search"]
    assert "pagefind: boom" in result.warnings[0].message
    assert (site.out / "index.html").is_file()


def meeting(day: str, text: str) -> str:
    return MEETING.replace("2021-11-17", day).replace("hälsar välkommen", text)


@needs_pagefind
def test_minutes_are_indexed_in_parts_by_year_and_the_search_page_merges_them(site):
    site.add({"meetings/2019-03-05-forbundschefsmote.md": meeting("2019-03-05", "talar om vårdkedjor"),
              "meetings/2020-06-10-forbundschefsmote.md": meeting("2020-06-10", "talar om arbetsmarknaden")})
    site.build()
    parts = index_parts(site.out)
    assert sorted(parts) == ["", "delar/2019/", "delar/2020/", "delar/2021/"]
    assert "vårdkedjor" in parts["delar/2019/"]["/moten/2019-03-05-forbundschefsmote/"]
    assert list(parts["delar/2021/"]) == ["/moten/2021-11-17-forbundschefsmote/"]
    assert "/projekt/mia/" in parts[""] and "/forbund/roslagen/" in parts[""]
    for part in ("delar/2019/", "delar/2020/"):                   # merged parts share the main scripts
        assert (site.out / "pagefind" / part / "pagefind-entry.json").is_file()
        assert not (site.out / "pagefind" / part / "pagefind.js").exists()


@needs_pagefind
def test_an_edit_reindexes_only_its_part_and_gives_the_bytes_of_a_fresh_build(site, tmp_path, monkeypatch):
    site.add({"meetings/2019-03-05-forbundschefsmote.md": meeting("2019-03-05", "talar om vårdkedjor"),
              "meetings/2020-06-10-forbundschefsmote.md": meeting("2020-06-10", "talar om arbetsmarknaden")})
    site.build()
    indexed = []
    real = search._index_part
    monkeypatch.setattr(search, "_index_part", lambda binary, name, *rest: indexed.append(name) or real(binary, name, *rest))
    path = site.root / "content" / "meetings" / "2019-03-05-forbundschefsmote.md"
    path.write_text(path.read_text().replace("vårdkedjor", "samverkansavtal"))
    site.build()
    assert indexed == ["2019"]
    assert "samverkansavtal" in indexed_pages(site.out)["/moten/2019-03-05-forbundschefsmote/"]
    fresh = tmp_path / "fresh"
    from generator.pipeline.build import build
    build(site.root, out_dir=fresh, today=TODAY, use_cache=False)
    tree = lambda folder: {p.relative_to(folder).as_posix(): p.read_bytes()
                           for p in folder.rglob("*") if p.is_file()}
    assert tree(fresh / "pagefind") == tree(site.out / "pagefind")


def test_parts_split_a_big_year_by_months_and_never_leave_the_main_part_empty():
    pages = [search.Searchable(f"moten/{i}/index.html", 2024, 1 + i % 12) for i in range(360)]   # 30 a month
    parts = search.plan_parts(pages)
    assert len(parts) == 4 and max(len(p) for p in parts.values()) <= search.MAX_PART_PAGES   # quarters
    assert "" in parts                                    # one year part became the main one
    assert sorted(rel for rels in parts.values() for rel in rels) == sorted(p.rel for p in pages)
    assert search.plan_parts(list(reversed(pages))) == parts
