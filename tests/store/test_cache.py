"""The build cache is invisible: with it, without it and with a damaged one the output is the same
bytes, and every edit reaches every page it affects."""
from __future__ import annotations

import hashlib
import shutil
import xml.etree.ElementTree as ET

from generator.pipeline.build import build, cache_dir
from generator.store.cache import FILE_NAME

from conftest import TODAY, text_of


def tree_digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def uncached(site, tmp_path):
    """The same site built from scratch with no cache, for comparison."""
    out = tmp_path / "uncached"
    shutil.rmtree(out, ignore_errors=True)
    build(site.root, out, today=TODAY, use_cache=False)
    return tree_digest(out)


MEETING = "meetings/2021-11-17-forbundschefsmote.md"
SECOND_MEETING = {"meetings/2021-12-01-styrelsemote.md": """\
    ---
    title: Styrelsemöte 1 december 2021
    type: styrelse
    date: 2021-12-01
    federations: [roslagen]
    ---
    ## 1. Öppnande
    """}   # a second meeting in the same feeds: what an edit to the first must leave alone


def test_cached_uncached_and_damaged_cache_builds_are_identical(site, tmp_path):
    site.build()
    site.build()                       # second build: everything from the cache
    cached = tree_digest(site.out)
    assert cached == uncached(site, tmp_path)
    cache_file = cache_dir(site.root) / FILE_NAME
    data = bytearray(cache_file.read_bytes())
    data[len(data) // 2] ^= 0xFF       # flip a byte in the middle
    cache_file.write_bytes(bytes(data))
    site.build()
    assert tree_digest(site.out) == cached
    cache_file.write_bytes(b"not a cache")
    site.build()
    assert tree_digest(site.out) == cached
    shutil.rmtree(cache_dir(site.root))
    site.build()
    assert tree_digest(site.out) == cached


def test_a_tampered_output_page_is_rendered_again(site):
    site.build()
    page = site.out / "moten" / "2021-11-17-forbundschefsmote" / "index.html"
    good = page.read_bytes()
    page.write_bytes(good.replace(b"Sollentuna", b"Solletuna"))
    site.build()
    assert page.read_bytes() == good


def test_a_body_edit_reaches_its_page_and_the_feeds(site, tmp_path):
    site.build()
    path = site.root / "content" / MEETING
    path.write_text(path.read_text().replace("Kipa hälsar välkommen.", "Kipa hälsar alla varmt välkomna."))
    site.build()
    body = text_of(site.html("moten/2021-11-17-forbundschefsmote/").find(".//main"))
    assert "Kipa hälsar alla varmt välkomna." in body
    feed = site.ical("kalender.ics")
    descriptions = [str(e.get("description")) for e in feed.walk("VEVENT")]
    assert any("varmt välkomna" in d for d in descriptions)
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_a_body_edit_rewrites_only_the_feeds_that_show_that_meeting(site, tmp_path, monkeypatch):
    from generator.feeds import ical
    site.add(SECOND_MEETING)
    site.build()
    written: list[str] = []
    real = ical.feed_parts
    monkeypatch.setattr(ical, "feed_parts", lambda s, lib, feed, *rest: written.append(feed.path) or real(s, lib, feed, *rest))
    path = site.root / "content" / MEETING
    path.write_text(path.read_text().replace("Kipa hälsar välkommen.", "Kipa hälsar alla varmt välkomna."))
    site.build()
    edited, other = "/moten/2021-11-17-forbundschefsmote/", "/moten/2021-12-01-styrelsemote/"
    assert f"{edited}2021-11-17-forbundschefsmote.ics" in written     # its own download
    assert {"/kalender.ics", "/forbund/roslagen/kalender.ics", "/forbund/sundbyberg/kalender.ics",
            "/projekt/mia/kalender.ics"} <= set(written)             # every subscription showing it
    assert not [p for p in written if p.startswith(other)]               # the other download is kept
    summaries = [e.findtext("{http://www.w3.org/2005/Atom}summary")
                 for e in ET.parse(site.out / "moten" / "feed.xml").getroot()]
    assert any("varmt välkomna" in (text or "") for text in summaries)   # the Atom entry follows too
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_an_edit_build_reads_only_the_edited_content_file(site, tmp_path, monkeypatch):
    import pathlib
    site.build()
    path = site.root / "content" / MEETING
    path.write_text(path.read_text().replace("Kipa hälsar välkommen.", "Kipa hälsar alla varmt välkomna."))
    read: list[str] = []
    real = pathlib.Path.read_bytes
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: read.append(self.as_posix()) or real(self))
    site.build()
    content = (site.root / "content").as_posix() + "/"
    assert {p for p in read if p.startswith(content)} == {path.as_posix()}
    assert "varmt välkomna" in text_of(site.html("moten/2021-11-17-forbundschefsmote/").find(".//main"))
    monkeypatch.undo()
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_a_title_edit_reaches_every_list(site, tmp_path):
    site.build()
    path = site.root / "content" / MEETING
    path.write_text(path.read_text().replace("title: Förbundschefsmöte 17 november 2021",
                                             "title: FC-nätverkets novembermöte"))
    site.build()
    for page in ["", "moten/", "forbund/roslagen/", "projekt/mia/"]:
        links = [text_of(a) for a in site.html(page).findall(".//a")]
        assert "FC-nätverkets novembermöte" in links, page
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_a_title_edit_serialises_only_that_meetings_event_again(site, tmp_path, monkeypatch):
    from generator.feeds import ical
    site.add(SECOND_MEETING)
    site.build()
    made: list[str] = []
    real = ical.vevent
    monkeypatch.setattr(ical, "vevent", lambda occ, *rest: made.append(occ.uid) or real(occ, *rest))
    path = site.root / "content" / MEETING
    path.write_text(path.read_text().replace("title: Förbundschefsmöte 17 november 2021",
                                             "title: FC-nätverkets novembermöte"))
    site.build()
    assert made == ["m-2021-11-17"]
    summaries = [str(e.get("summary")) for e in site.ical("forbund/roslagen/kalender.ics").walk("VEVENT")]
    assert "FC-nätverkets novembermöte" in summaries and "Styrelsemöte 1 december 2021" in summaries
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_a_federation_edit_reaches_the_events_and_feeds_that_show_it(site, tmp_path):
    site.build()
    path = site.root / "content" / "federations" / "roslagen.md"
    path.write_text(path.read_text().replace("short_name: Roslagen", "short_name: SF Norr")
                    .replace("name: Samordningsförbundet Roslagen", "name: Samordningsförbundet Norr"))
    site.build()
    feed = site.ical("forbund/roslagen/kalender.ics")
    assert str(feed.get("x-wr-calname")).startswith("SF Norr – ")            # the feed's own head
    assert "Samordningsförbundet Norr" in str(feed.get("x-wr-caldesc"))
    for path in ["kalender.ics", "forbund/roslagen/kalender.ics",
                 "moten/2021-11-17-forbundschefsmote/2021-11-17-forbundschefsmote.ics"]:
        categories = [str(c) for e in site.ical(path).walk("VEVENT") for c in e.get("categories").cats]
        assert "SF Norr" in categories and "Roslagen" not in categories, path
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_a_template_edit_reaches_every_page(site):
    site.build()
    base = site.root / "themes" / "default" / "templates" / "base.html"
    base.write_text(base.read_text().replace("Hoppa till innehållet", "Gå direkt till innehållet"))
    site.build()
    for page in site.out.rglob("*.html"):
        doc = site.html(page.relative_to(site.out).as_posix())
        skip = doc.find(".//a[@class='skip-link']")
        assert skip is not None and text_of(skip) == "Gå direkt till innehållet", page


def test_a_page_template_edit_re_renders_only_the_pages_made_with_it(site, tmp_path, monkeypatch):
    from generator.feeds import ical
    from generator.pages import environment
    site.build()
    rendered: list[str] = []
    real_render, real_feed = environment.render_job, ical.feed_parts
    monkeypatch.setattr(environment, "render_job", lambda env, s, lib, job: rendered.append(job.path) or real_render(env, s, lib, job))
    monkeypatch.setattr(ical, "feed_parts", lambda *args: rendered.append("feed") or real_feed(*args))
    template = site.root / "themes" / "default" / "templates" / "meeting.html"
    template.write_text(template.read_text().replace("<h1>{{ meeting.title }}</h1>",
                                                     '<h1 class="rubrik">{{ meeting.title }}</h1>'))
    site.build()
    assert rendered == ["/moten/2021-11-17-forbundschefsmote/"]       # no other page, no feed
    assert site.html("moten/2021-11-17-forbundschefsmote/").find(".//h1[@class='rubrik']") is not None
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_a_site_yaml_edit_reaches_every_page(site, tmp_path):
    site.build()
    config = site.root / "site.yaml"
    config.write_text(config.read_text().replace("title: Testnätverket", "title: Nätverket i länet"))
    site.build()
    for page in site.out.rglob("*.html"):
        title = site.html(page.relative_to(site.out).as_posix()).find(".//title").text
        assert "Nätverket i länet" in title, page
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_deleting_a_meeting_removes_its_page_feed_entries_and_list_rows(site, tmp_path):
    site.build()
    assert (site.out / "moten" / "2021-11-17-forbundschefsmote" / "index.html").exists()
    (site.root / "content" / MEETING).unlink()
    site.build()
    assert not (site.out / "moten" / "2021-11-17-forbundschefsmote").exists()
    hrefs = [a.get("href") for a in site.html("moten/").findall(".//a")]
    assert "/moten/2021-11-17-forbundschefsmote/" not in hrefs
    assert [e for e in site.ical("kalender.ics").walk("VEVENT") if "17 november" in str(e.get("summary"))] == []
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_many_pages_use_the_worker_pool_and_give_the_same_bytes(site, tmp_path, monkeypatch):
    """Enough meetings to cross the pool threshold: one process and several give the same output."""
    from generator.store import parallel
    for day in range(1, 29):
        for month in (1, 2):
            site.add({f"meetings/2021-{month:02d}-{day:02d}-styrelse.md":
                      f"---\ntitle: Styrelsemöte {day}/{month}\ntype: styrelse\ndate: 2021-{month:02d}-{day:02d}\n"
                      f"federations: [roslagen]\n---\n## 1. Beslut\n\nMötet beslutar att MIA fortsätter.\n"})
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    assert len(list((site.root / "content" / "meetings").iterdir())) > parallel.MIN_TASKS
    site.build()
    pooled = tree_digest(site.out)
    monkeypatch.setenv("SITEGEN_WORKERS", "1")
    assert pooled == uncached(site, tmp_path)


def test_a_template_error_in_the_worker_pool_is_reported_as_such(site, monkeypatch):
    """A problem found in a worker process comes back as the plain message, not a crashed pool."""
    import pytest
    from generator.errors import BuildFailed
    for day in range(1, 29):
        for month in (1, 2):
            site.add({f"meetings/2021-{month:02d}-{day:02d}-styrelse.md":
                      f"---\ntitle: Styrelsemöte {day}/{month}\ntype: styrelse\ndate: 2021-{month:02d}-{day:02d}\n"
                      f"federations: [roslagen]\n---\nText.\n"})
    template = site.root / "themes" / "default" / "templates" / "meeting.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{% block content %}",
                                                                      "{% block content %}{{ meeting.no_such.thing }}", 1),
                        encoding="utf-8")
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    with pytest.raises(BuildFailed) as failed:
        site.build()
    problem = failed.value.problems[0]
    assert problem.path == "themes/default/templates/meeting.html"
    assert "template error while rendering /moten/" in problem.message


def test_front_matter_parsed_in_the_pool_reports_each_file_by_its_own_path(site, monkeypatch):
    import pytest
    from generator.errors import BuildFailed
    broken = "---\ntitle: Styrelsemöte\ndate: 2021-01-01\n  type: styrelse\n---\nText.\n"   # bad indentation
    for number in range(60):
        site.add({f"meetings/2021-01-01-trasig-{number:02d}.md": broken})   # identical bytes in every file
    for workers in ("2", "1"):
        monkeypatch.setenv("SITEGEN_WORKERS", workers)
        with pytest.raises(BuildFailed) as failed:
            site.build()
        paths = sorted({p.path for p in failed.value.problems if "indented" in p.message and p.line == 4})
        assert paths == [f"content/meetings/2021-01-01-trasig-{n:02d}.md" for n in range(60)], workers


def test_front_matter_checked_in_the_pool_and_read_from_the_cache_names_file_line_and_fix(site, monkeypatch):
    """Front matter is validated where it is parsed (a worker), and the cache keeps the result:
    files with the same bytes at different paths each report their own path, every time."""
    import pytest
    from generator.errors import BuildFailed
    misspelt = "---\ntitle: Styrelsemöte\ntitel: Styrelsemöte\ndate: 2021-01-01\ntype: styrelse\n---\nText.\n"
    for number in range(60):
        site.add({f"meetings/2021-01-01-stavfel-{number:02d}.md": misspelt})
    expected = [f"content/meetings/2021-01-01-stavfel-{n:02d}.md" for n in range(60)]
    for workers in ("2", "2", "1"):   # parsed in the pool, then from the cache, then in one process
        monkeypatch.setenv("SITEGEN_WORKERS", workers)
        with pytest.raises(BuildFailed) as failed:
            site.build()
        found = sorted((p.path, p.line, p.field, p.fix) for p in failed.value.problems if p.field == "titel")
        assert [path for path, *_ in found] == expected, workers
        assert {(line, fix) for _path, line, _field, fix in found} == {(3, "did you mean 'title'?")}


def test_a_cache_that_cannot_be_written_costs_time_not_the_build(site, monkeypatch, tmp_path):
    """Another build holding the cache, or a full disk: the site is built all the same."""
    import sqlite3
    from generator.store import cache as cache_module
    site.build()

    def locked(self):
        raise sqlite3.OperationalError("database is locked")
    monkeypatch.setattr(cache_module.BuildCache, "_writable", locked)
    path = site.root / "content" / MEETING
    path.write_text(path.read_text(encoding="utf-8") + "\nEn rad till.\n", encoding="utf-8")
    site.build()
    assert "En rad till." in (site.out / "moten" / "2021-11-17-forbundschefsmote" / "index.html").read_text()
    assert tree_digest(site.out) == uncached(site, tmp_path)


def test_entries_read_in_batches_come_back_in_order_and_a_damaged_one_is_a_miss(tmp_path):
    import sqlite3
    from generator.store.cache import BuildCache
    cache = BuildCache(tmp_path)
    for n in range(10):
        cache.put("bodies", f"k{n}", {"n": n})
    cache.save()
    with sqlite3.connect(tmp_path / FILE_NAME) as db:   # spoil one entry's bytes
        db.execute("UPDATE entries SET value = x'00' WHERE key = 'k4'")
    keys = ["k9", "nope", "k4", *[f"k{n}" for n in range(4)], "k3"]
    got = list(BuildCache(tmp_path).get_many("bodies", keys, batch=3, remember=False))
    assert [key for key, _value in got] == keys
    assert [value for _key, value in got] == [{"n": 9}, None, None, {"n": 0}, {"n": 1}, {"n": 2}, {"n": 3}, {"n": 3}]


def _read_entry(index: int, cache) -> tuple[int, object, int]:
    import os
    return index, cache.get("bodies", f"key-{index}", remember=False), os.getpid()


def test_worker_processes_read_the_cache_through_connections_of_their_own(tmp_path, monkeypatch):
    """Render workers read bodies' HTML back from the cache: SQLite connections must not cross a fork."""
    import os
    from generator.store import parallel
    from generator.store.cache import BuildCache, FLUSH_EVERY
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    cache = BuildCache(tmp_path / "cache")
    count = FLUSH_EVERY + 60            # most are written to the file, the rest still in memory
    for index in range(count):
        cache.put("bodies", f"key-{index}", f"<p>Text {index}</p>")
    assert cache.path.is_file()
    results = list(parallel.each(_read_entry, range(count), cache))
    assert [value for _index, value, _pid in results] == [f"<p>Text {index}</p>" for index in range(count)]
    assert os.getpid() not in {pid for _index, _value, pid in results}
    assert cache.get("bodies", "key-0", remember=False) == "<p>Text 0</p>"   # the build's own connection still works


def test_a_cache_that_cannot_be_written_keeps_its_entries_for_this_build(tmp_path):
    from generator.store.cache import BuildCache, FLUSH_EVERY
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    for index in range(FLUSH_EVERY * 2):
        cache.put("bodies", f"key-{index}", index)
    assert [cache.get("bodies", f"key-{index}", remember=False) for index in range(FLUSH_EVERY * 2)] == \
        list(range(FLUSH_EVERY * 2))


def test_known_keys_says_which_entries_exist_without_reading_them(tmp_path):
    from generator.store.cache import BuildCache, FLUSH_EVERY
    cache = BuildCache(tmp_path / "cache")
    for index in range(FLUSH_EVERY + 3):            # most in the file, the last three still in memory
        cache.put("events", f"k{index}", b"VEVENT")
    asked = ["k0", f"k{FLUSH_EVERY + 2}", "missing", "k5"]
    assert cache.known_keys("events", asked) == {"k0", f"k{FLUSH_EVERY + 2}", "k5"}
    assert cache.known_keys("pages", asked) == set()
