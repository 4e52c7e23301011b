"""Every built page of the shipped site, parsed: one title and description, canonical and Open
Graph, landmarks, a skip link to main, headings without skipped levels, nothing from elsewhere."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import html5lib
import pytest


def parsed_pages(built) -> dict[str, object]:
    pages = {}
    for path in sorted(built.out.rglob("*.html")):
        rel = path.relative_to(built.out).as_posix()
        if rel.startswith("pagefind/"):
            continue
        pages[rel] = html5lib.parse(path.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)
    return pages


@pytest.fixture(scope="module")
def pages(built):
    found = parsed_pages(built)
    assert len(found) > 10
    return found


def site_path(rel: str) -> str:
    return "/" + rel[: -len("index.html")] if rel.endswith("index.html") else "/" + rel


def test_one_title_and_one_description_per_page(pages):
    for rel, doc in pages.items():
        titles = doc.findall(".//head/title")
        assert len(titles) == 1 and titles[0].text.strip(), rel
        descriptions = doc.findall(".//head/meta[@name='description']")
        assert len(descriptions) == 1 and descriptions[0].get("content").strip(), rel
    home = pages["index.html"].find(".//head/title").text
    assert all(doc.find(".//head/title").text.endswith(" – " + home) for rel, doc in pages.items()
               if rel != "index.html")                          # 'Page – Site' everywhere but home


def test_canonical_and_open_graph_name_the_page(pages, built):
    base = built.base_url.rstrip("/")
    for rel, doc in pages.items():
        canonical = doc.find(".//head/link[@rel='canonical']").get("href")
        assert canonical == base + site_path(rel), rel
        og = {m.get("property"): m.get("content") for m in doc.findall(".//head/meta[@property]")}
        assert og["og:url"] == canonical and og["og:title"] and og["og:description"], rel
        assert og["og:title"] in doc.find(".//head/title").text, rel


def test_landmarks_and_skip_link(pages):
    for rel, doc in pages.items():
        body = doc.find(".//body")
        first_link = body.find(".//a")
        assert first_link.get("href") == "#innehall", rel
        mains = doc.findall(".//main")
        assert len(mains) == 1 and mains[0].get("id") == "innehall", rel
        assert doc.find(".//header[@class='site-header']") is not None, rel
        assert doc.find(".//nav[@aria-label='Huvudmeny']") is not None, rel
        assert doc.find(".//footer") is not None, rel
        assert doc.getroot().get("lang") == "sv", rel


def test_headings_start_at_h1_and_never_skip_a_level(pages):
    problems = []
    for rel, doc in pages.items():
        levels = [int(el.tag[1]) for el in doc.iter() if isinstance(el.tag, str) and el.tag in
                  ("h1", "h2", "h3", "h4", "h5", "h6")]
        if not levels or levels[0] != 1 or levels.count(1) != 1:
            problems.append((rel, "h1", levels[:3]))
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append((rel, f"h{before} → h{after}"))
                break
    assert problems == []


def test_every_page_kind_has_a_heading_tree(pages, built):
    """Each example page (one per kind) read as an outline: one h1, and every heading a child of the
    nearest heading above it with a lower level."""
    for kind, path in built.pages.items():
        rel = (path.lstrip("/") + "index.html") if path.endswith("/") else path.lstrip("/")
        levels = [int(el.tag[1]) for el in pages[rel].iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1 and levels[0] == 1, kind
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), (kind, levels)


def test_a_meetings_agenda_items_are_headings_under_minnesanteckningar(pages, built):
    doc = pages[built.pages["meeting"].lstrip("/") + "index.html"]
    section = doc.find(".//section[@class='minutes-body']")
    headings = [el for el in section.iter("h2", "h3", "h4", "h5", "h6")]
    assert [(h.tag, "".join(h.itertext()).strip()) for h in headings[:1]] == [("h2", "Minnesanteckningar")]
    items = [h for h in headings[1:] if (h.get("id") or "").startswith("punkt-")]
    assert items and {h.tag for h in items} == {"h3"}                     # children, not siblings
    assert all(h.tag != "h2" for h in headings[1:])


def test_navigation_has_the_six_sections_and_marks_the_current_one(pages):
    for rel, doc in pages.items():
        labels = ["".join(a.itertext()) for a in doc.findall(".//nav[@aria-label='Huvudmeny']//a")]
        assert labels == ["Start", "Möten", "Kalender", "Projekt", "Förbund", "Sök"], rel
    meeting_lists = pages["moten/index.html"].findall(".//nav[@aria-label='Huvudmeny']//a[@aria-current='page']")
    assert ["".join(a.itertext()) for a in meeting_lists] == ["Möten"]


def test_nothing_is_loaded_from_another_host(pages):
    for rel, doc in pages.items():
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src")):
            for el in doc.iter(tag):
                value = el.get(attribute) or ""
                if tag == "link" and el.get("rel") in ("canonical", "alternate"):
                    continue
                assert not value.startswith(("http:", "https:", "//")), (rel, tag, value)
        styles = " ".join(s.text or "" for s in doc.iter("style"))
        assert "@import" not in styles and "url(" not in styles, rel


def test_css_and_js_are_small_fingerprinted_files(built):
    statics = sorted((built.out / "static").iterdir())
    for path in statics:
        if path.suffix in (".css", ".js"):
            stem, digest, suffix = path.name.rsplit(".", 2)
            assert len(digest) == 10 and int(digest, 16) >= 0, path.name
            assert path.stat().st_size < 20_000, f"{path.name} has grown past 20 kB"
    css = " ".join(p.read_text() for p in statics if p.suffix == ".css")
    assert "@import" not in css and "@font-face" not in css  # system fonts only


def test_sitemap_lists_every_page_but_404_and_robots_points_to_it(pages, built):
    tree = ET.parse(built.out / "sitemap.xml")
    locs = {el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    base = built.base_url.rstrip("/")
    expected = {base + site_path(rel) for rel in pages if rel != "404.html"}
    assert expected <= locs and base + "/404.html" not in locs
    robots = (built.out / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {base}/sitemap.xml" in robots


def test_accessibility_statement_has_what_digg_asks_for(pages):
    doc = pages["tillganglighet/index.html"]
    main = doc.find(".//main")
    headings = ["".join(h.itertext()).strip() for h in main.iter("h2", "h3", "h4")]
    for required in ("Hur tillgänglig är webbplatsen?",
                     "Vad kan du göra om du inte kan använda delar av webbplatsen?",
                     "Rapportera brister i webbplatsens tillgänglighet", "Tillsynsmyndighet",
                     "Innehåll som inte är tillgängligt", "Hur vi testat webbplatsen",
                     "Bilagor som inte är tillgängliga"):   # the build lists them (documents.py)
        assert required in headings
    text = " ".join("".join(main.itertext()).split())
    assert "förenlig med lagen om tillgänglighet till digital offentlig service" in text  # compliance status
    assert "Senaste bedömningen gjordes den" in text and "uppdaterades senast den" in text
    links = [a.get("href") for a in main.iter("a")]
    assert any(h.startswith("mailto:") for h in links)                                     # how to report
    assert "https://www.digg.se/anmal-bristande-tillganglighet" in links                   # the supervisor
    footer_links = ["".join(a.itertext()) for a in doc.findall(".//footer//a")]
    assert "Tillgänglighetsredogörelse" in footer_links                                    # on every page
