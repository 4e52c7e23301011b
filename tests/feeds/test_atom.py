"""Atom feeds of new minutes: valid RFC 4287, stable ids, the dates minutes reached the site (kept in
calendar.lock), the meeting's date in the content, links that resolve."""
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


LATER = dt.date(2022, 6, 1)   # a day after every meeting above


def make_site(tmp_path, base_url: str = "https://example.se/", today: dt.date = LATER) -> SiteTree:
    tree = SiteTree(tmp_path / "site", base_url=base_url)
    tree.add(FEDERATIONS).add(PROJECTS).add(MEETINGS)
    tree.build(today)
    return tree


def entries(tree: SiteTree, rel: str = "moten/feed.xml") -> list:
    parsed = feedparser.parse((tree.out / rel).read_bytes())
    assert parsed.bozo == 0
    return parsed.entries


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
    # The first build of a site starts the record: minutes count as published on their meeting's
    # day (what the feeds showed before), and minutes without any date from the build's time.
    assert [e.link for e in parsed.entries] == [
        "https://example.se/moten/odaterat-presidiemote/",
        "https://example.se/moten/2022-03-beredningsgrupp/",
        "https://example.se/moten/2022-01-20-forbundschefsmote/",
        "https://example.se/moten/2021-11-17-forbundschefsmote/",
    ]
    assert [e.published for e in parsed.entries] == [
        "2022-06-01T00:00:00+02:00", "2022-03-01T00:00:00+01:00", "2022-01-20T00:00:00+01:00",
        "2021-11-17T13:00:00+01:00"]
    assert [e.updated for e in parsed.entries] == [e.published for e in parsed.entries]
    assert parsed.feed.updated == "2022-06-01T00:00:00+02:00"
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == 4 and all(i.startswith("urn:uuid:") for i in ids)
    assert "1 beslut" in parsed.entries[2].summary
    assert "mars 2022 (dag ej känd)" in parsed.entries[1].summary
    undated = parsed.entries[0].content[0].value                       # the date is in the content
    assert "Mötesdatum:</strong> okänt" in undated and "Datumet saknas i originalet." in undated


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
            # A rel="alternate" link, a summary and one content of a declared type.
            assert len([l for l in entry.findall(f"{A}link") if l.get("rel", "alternate") == "alternate"]) == 1
            assert entry.find(f"{A}summary").text
            assert [c.get("type") for c in entry.findall(f"{A}content")] == ["html"]
            stamp = dt.datetime.fromisoformat(entry.find(f"{A}updated").text)
            assert stamp.tzinfo is not None                                   # RFC 3339 needs an offset
            assert dt.datetime.fromisoformat(entry.find(f"{A}published").text) <= stamp
            assert entry.find(f"{A}id").text.startswith("urn:uuid:")


def test_entry_ids_follow_the_uid_not_the_file_name(tmp_path):
    tree = make_site(tmp_path)
    before = {e.title: e.id for e in feedparser.parse((tree.out / "moten/feed.xml").read_bytes()).entries}
    source = tree.root / "content/meetings/2022-01-20-forbundschefsmote.md"
    source.rename(source.with_name("2022-01-20-fc-natverket.md"))
    tree.build(LATER)
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
    assert [e.title for e in roslagen.entries] == ["Presidiemöte utan datum", "Förbundschefsmöte 17 november 2021"]
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
    tree.build(LATER)
    assert (tree.out / "moten/feed.xml").read_bytes() == first


# ---------- when minutes reached the site ----------

SPRING_MINUTES = {"meetings/2022-04-05-styrelsemote.md": """\
    ---
    uid: styrelse-2022-04-05
    title: Styrelsemöte 5 april 2022
    type: styrelsemöte
    date: 2022-04-05
    start: "09:00"
    federations: [roslagen]
    ---
    ## 1. Budget

    Mötet beslutar att anta budgeten.
    """}


def test_minutes_added_later_for_an_old_meeting_are_new_at_the_top_of_the_feed(tmp_path):
    tree = make_site(tmp_path)
    tree.add(SPRING_MINUTES)
    tree.build(dt.date(2022, 11, 20))                    # added in November for a meeting in April
    first = entries(tree)[0]
    assert first.title == "Styrelsemöte 5 april 2022"
    assert first.published == first.updated == "2022-11-20T00:00:00+01:00"
    assert dt.datetime(*first.published_parsed[:6]).date() == dt.date(2022, 11, 19)   # UTC: 23:00 the day before
    content = first.content[0]
    assert content.type == "text/html"
    assert "Mötesdatum:" in content.value and "tisdag 5 april 2022 kl. 09.00" in content.value
    assert "tisdag 5 april 2022" in first.summary
    roslagen = entries(tree, "forbund/roslagen/feed.xml")
    assert roslagen[0].title == "Styrelsemöte 5 april 2022"


def test_feed_dates_stay_on_rebuilds_and_on_a_fresh_clone_with_the_committed_lock(tmp_path, monkeypatch):
    import shutil
    from generator.pipeline.build import build
    tree = make_site(tmp_path)
    tree.add(SPRING_MINUTES)
    tree.build(dt.date(2022, 11, 20))
    feed = (tree.out / "moten/feed.xml").read_bytes()
    lock = (tree.root / "calendar.lock").read_bytes()
    assert b"styrelse-2022-04-05" in lock.split(b"minutes:")[1]
    # A fresh clone in CI: the content and calendar.lock, no cache, no output, another day.
    clone = tmp_path / "clone"
    shutil.copytree(tree.root, clone, ignore=shutil.ignore_patterns("output", ".sitegen-cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(clone, today=None)
    assert (clone / "calendar.lock").read_bytes() == lock           # nothing new to record
    again = feedparser.parse((clone / "output/moten/feed.xml").read_bytes()).entries
    assert [(e.id, e.published, e.updated) for e in again] == [(e.id, e.published, e.updated)
                                                               for e in feedparser.parse(feed).entries]


def test_editing_minutes_updates_the_entry_and_keeps_when_it_was_published(tmp_path):
    tree = make_site(tmp_path)
    source = tree.root / "content/meetings/2022-01-20-forbundschefsmote.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nTillägg: protokollet justerat.\n", encoding="utf-8")
    tree.build(dt.date(2022, 9, 1))
    first = entries(tree)[0]
    assert first.title == "Förbundschefsmöte 20 januari 2022"      # changed: first in the feed
    assert first.published == "2022-01-20T00:00:00+01:00"
    assert first.updated == "2022-09-01T00:00:00+02:00"
    tree.build(dt.date(2022, 9, 2))                                 # no change: no new date
    assert entries(tree)[0].updated == "2022-09-01T00:00:00+02:00"


def test_the_build_time_comes_from_source_date_epoch(tmp_path, monkeypatch):
    from generator.pipeline.build import build
    tree = make_site(tmp_path)
    tree.add(SPRING_MINUTES)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2022, 11, 20, 10, 30, tzinfo=dt.timezone.utc)
                                                    .timestamp())))
    build(tree.root, today=None)
    assert entries(tree)[0].published == "2022-11-20T11:30:00+01:00"


def test_escaping_is_what_the_standard_library_writes():
    """atom.escape and atom.quoteattr stand in for xml.sax.saxutils (which imports urllib.request)."""
    from xml.sax.saxutils import escape, quoteattr
    from generator.feeds import atom
    for text in ["", "Styrelsemöte", "a & b < c > d", 'sa "hej"', "it's", "both \" and '", "rad\nny\r\ttab",
                 "&amp; redan", "<script>alert('x')</script>"]:
        assert atom.escape(text) == escape(text)
        assert atom.quoteattr(text) == quoteattr(text)
