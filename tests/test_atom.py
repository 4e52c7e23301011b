"""Atom feeds of new minutes: valid RFC 4287, stable ids, dates from the meetings, links that resolve."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import feedparser

from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree

A = "{http://www.w3.org/2005/Atom}"

MEETINGS = {
    "meetings/2021-11-17-forbundschefsmote.md": MEETING,
    "meetings/2022-01-20-forbundschefsmote.md": """\
        ---
        uid: fc-2022-01-20
        title: Förbundschefsmöte 20 januari 2022
        type: förbundschefsmöte
        date: 2022-01-20
        federations: [sundbyberg]
        ---
        ## 1. Beslut

        Mötet beslutar att ses igen i februari.
        """,
    "meetings/2022-03-beredningsgrupp.md": """\
        ---
        uid: bg-2022-03
        title: Beredningsgrupp mars 2022
        type: beredningsgrupp
        date: 2022-03
        date_note: Dagen saknas i originalet.
        ---
        Anteckningar.
        """,
    "meetings/odaterat-presidiemote.md": """\
        ---
        uid: presidium-utan-datum
        title: Presidiemöte utan datum
        type: presidiemöte
        date_note: Datumet saknas i originalet.
        federations: [roslagen]
        ---
        Anteckningar.
        """,
}


def make_site(tmp_path, base_url: str = "https://example.se/") -> SiteTree:
    tree = SiteTree(tmp_path / "site", base_url=base_url)
    tree.add(FEDERATIONS).add(PROJECTS).add(MEETINGS)
    tree.build()
    return tree


def test_site_feed_parses_cleanly_with_ids_dates_and_links(tmp_path):
    tree = make_site(tmp_path)
    parsed = feedparser.parse((tree.out / "moten/feed.xml").read_bytes())
    assert parsed.bozo == 0
    assert parsed.version == "atom10"
    assert parsed.feed.id.startswith("urn:uuid:")
    assert parsed.feed.title == "Nya minnesanteckningar – Testnätverket"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": "https://example.se/moten/feed.xml", "alternate": "https://example.se/moten/"}
    assert parsed.feed.author_detail.name == "Testnätverket"
    assert parsed.feed.author_detail.email == "webb@example.se"
    # Newest first; the meeting without any date stays out rather than get an invented one.
    assert [e.link for e in parsed.entries] == [
        "https://example.se/moten/2022-03-beredningsgrupp/",
        "https://example.se/moten/2022-01-20-forbundschefsmote/",
        "https://example.se/moten/2021-11-17-forbundschefsmote/",
    ]
    assert [e.updated for e in parsed.entries] == [
        "2022-03-01T00:00:00+01:00", "2022-01-20T00:00:00+01:00", "2021-11-17T13:00:00+01:00"]
    assert parsed.feed.updated == "2022-03-01T00:00:00+01:00"
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == 3 and all(i.startswith("urn:uuid:") for i in ids)
    assert "1 beslut" in parsed.entries[1].summary
    assert "mars 2022 (dag ej känd)" in parsed.entries[0].summary


def test_feed_meets_the_rfc_4287_element_rules(tmp_path):
    tree = make_site(tmp_path)
    for rel in ["moten/feed.xml", "forbund/sundbyberg/feed.xml", "forbund/roslagen/feed.xml"]:
        root = ET.fromstring((tree.out / rel).read_bytes())
        assert root.tag == f"{A}feed", rel
        # atom:feed: exactly one id, title, updated; an author (no entry carries its own);
        # one rel="self"; at most one rel="alternate" per type and hreflang.
        for name in ("id", "title", "updated"):
            assert len(root.findall(f"{A}{name}")) == 1, (rel, name)
        assert root.find(f"{A}author/{A}name").text
        links = root.findall(f"{A}link")
        assert [l.get("rel") for l in links].count("self") == 1
        alternates = [(l.get("type"), l.get("hreflang")) for l in links if l.get("rel") == "alternate"]
        assert len(alternates) == len(set(alternates)) == 1
        assert all(l.get("href") for l in links)
        dt.datetime.fromisoformat(root.find(f"{A}updated").text)
        for entry in root.findall(f"{A}entry"):
            for name in ("id", "title", "updated"):
                assert len(entry.findall(f"{A}{name}")) == 1, (rel, name)
            assert entry.find(f"{A}author") is None
            # No atom:content, so a rel="alternate" link is required, and a summary is given.
            assert entry.find(f"{A}content") is None
            assert len([l for l in entry.findall(f"{A}link") if l.get("rel", "alternate") == "alternate"]) == 1
            assert entry.find(f"{A}summary").text
            stamp = dt.datetime.fromisoformat(entry.find(f"{A}updated").text)
            assert stamp.tzinfo is not None                                   # RFC 3339 needs an offset
            assert entry.find(f"{A}id").text.startswith("urn:uuid:")


def test_entry_ids_follow_the_uid_not_the_file_name(tmp_path):
    tree = make_site(tmp_path)
    before = {e.title: e.id for e in feedparser.parse((tree.out / "moten/feed.xml").read_bytes()).entries}
    source = tree.root / "content/meetings/2022-01-20-forbundschefsmote.md"
    source.rename(source.with_name("2022-01-20-fc-natverket.md"))
    tree.build()
    after = feedparser.parse((tree.out / "moten/feed.xml").read_bytes())
    moved = next(e for e in after.entries if e.title == "Förbundschefsmöte 20 januari 2022")
    assert moved.id == before["Förbundschefsmöte 20 januari 2022"]
    assert moved.link == "https://example.se/moten/2022-01-20-fc-natverket/"


def test_federation_feed_lists_only_its_meetings_and_pages_point_to_the_feeds(tmp_path):
    tree = make_site(tmp_path)
    sundbyberg = feedparser.parse((tree.out / "forbund/sundbyberg/feed.xml").read_bytes())
    assert sundbyberg.bozo == 0
    assert [e.title for e in sundbyberg.entries] == ["Förbundschefsmöte 20 januari 2022",
                                                     "Förbundschefsmöte 17 november 2021"]
    assert {l.rel: l.href for l in sundbyberg.feed.links}["alternate"] == "https://example.se/forbund/sundbyberg/"
    roslagen = feedparser.parse((tree.out / "forbund/roslagen/feed.xml").read_bytes())
    assert [e.title for e in roslagen.entries] == ["Förbundschefsmöte 17 november 2021"]  # undated one left out
    page = tree.html("forbund/sundbyberg/")
    feeds = [l.get("href") for l in page.findall(".//head/link[@type='application/atom+xml']")]
    assert feeds == ["/moten/feed.xml", "/forbund/sundbyberg/feed.xml"]
    for href in feeds:
        assert (tree.out / href.lstrip("/")).is_file()
    home_feeds = [l.get("href") for l in tree.html("").findall(".//head/link[@type='application/atom+xml']")]
    assert home_feeds == ["/moten/feed.xml"]


def test_feed_links_carry_the_sub_path_and_rebuilds_are_byte_identical(tmp_path):
    tree = make_site(tmp_path, base_url="https://example.se/natverk/")
    first = (tree.out / "moten/feed.xml").read_bytes()
    parsed = feedparser.parse(first)
    assert {l.rel: l.href for l in parsed.feed.links}["self"] == "https://example.se/natverk/moten/feed.xml"
    assert parsed.entries[0].link.startswith("https://example.se/natverk/moten/")
    head = [l.get("href") for l in tree.html("").findall(".//head/link[@type='application/atom+xml']")]
    assert head == ["/natverk/moten/feed.xml"]
    tree.build()
    assert (tree.out / "moten/feed.xml").read_bytes() == first


def test_escaping_is_what_the_standard_library_writes():
    """atom.escape and atom.quoteattr stand in for xml.sax.saxutils (which imports urllib.request)."""
    from xml.sax.saxutils import escape, quoteattr
    from generator import atom
    for text in ["", "Styrelsemöte", "a & b < c > d", 'sa "hej"', "it's", "both \" and '", "rad\nny\r\ttab",
                 "&amp; redan", "<script>alert('x')</script>"]:
        assert atom.escape(text) == escape(text)
        assert atom.quoteattr(text) == quoteattr(text)
