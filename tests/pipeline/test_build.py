"""The pipeline end to end: every page kind, atomic output, reproducible bytes, sub-path links."""
from __future__ import annotations

import hashlib

import pytest

from generator.pipeline.build import build
from generator.errors import BuildFailed

from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree, text_of


def tree_digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_page_kind_is_written(site):
    site.add({"events/2022-04-05-finsam-konferens.md": """\
        ---
        title: Finsam-konferens
        start: 2022-04-05
        end: 2022-04-06
        federations: [roslagen]
        ---
        Digital konferens.
        """, "pages/om.md": "---\ntitle: Om webbplatsen\nmenu: 1\n---\nText.\n",
        "events/2021-10-05-hosttraff.md": "---\ntitle: Höstträff\nstart: 2021-10-05\n---\n"})   # something past
    result = site.build()
    for rel in ["", "moten/", "moten/2021-11-17-forbundschefsmote/", "moten/typ/forbundschefsmote/",
                "projekt/", "projekt/mia/", "forbund/", "forbund/roslagen/", "kalender/", "kalender/tidigare/",
                "handelser/2022-04-05-finsam-konferens/", "om/", "404.html"]:
        doc = site.html(rel)
        assert doc.getroot().get("lang") == "sv", rel
        assert len(doc.findall(".//h1")) == 1, rel
    for feed in ["kalender.ics", "forbund/roslagen/kalender.ics", "projekt/mia/kalender.ics"]:
        assert (site.out / feed).is_file()
    assert result.pages >= 13 and result.feeds >= 3
    assert "pages" in result.summary() and "feeds" in result.summary()


def test_meeting_page_shows_the_facts_in_swedish(site):
    site.build()
    doc = site.html("moten/2021-11-17-forbundschefsmote/")
    facts = {text_of(dt): text_of(dt.getnext()) for dt in doc.findall(".//dl[@class='facts']/dt")}
    assert facts["När"] == "onsdag 17 november 2021 kl. 13.00–16.00"
    assert facts["Var"] == "Sollentuna och digitalt"
    assert facts["Ordförande"] == "Kipa"
    assert facts["Förbund"] == "Roslagen, Sundbyberg"
    groups = [text_of(p) for p in doc.findall(".//p[@class='people-group-label']")]
    assert groups == ["I rummet", "På Teams"]
    body = doc.find(".//section[@class='minutes-body']")
    assert body.find(".//table//th") is not None            # tables
    assert body.find(".//div[@class='footnote']") is not None  # footnotes
    # The agenda items are headings under the section's own "Minnesanteckningar", not beside it.
    assert [text_of(h) for h in body.findall("h2")] == ["Minnesanteckningar"]
    assert [text_of(h) for h in body.findall("h3")] == ["1. Mötets öppnande", "2. MIA"]


def test_federation_and_project_pages_list_what_concerns_them(site):
    site.build()
    fed = site.html("forbund/roslagen/")
    links = [a.get("href") for a in fed.findall(".//section//a")]
    assert "/moten/2021-11-17-forbundschefsmote/" in links
    assert "/projekt/mia/" in links
    project = site.html("projekt/mia/")
    assert "/moten/2021-11-17-forbundschefsmote/" in [a.get("href") for a in project.findall(".//a")]


def test_home_lists_coming_events_latest_minutes_projects_and_federations(site):
    site.build()
    home = site.html("")
    hrefs = [a.get("href") for a in home.findall(".//main//a")]
    assert "/moten/2021-11-17-forbundschefsmote/" in hrefs   # latest minutes and (coming on 2021-11-01)
    assert "/projekt/mia/" in hrefs
    assert "/forbund/sundbyberg/" in hrefs


def test_minutes_index_groups_by_year_and_offers_type_filter(site):
    site.add({"meetings/2020-05-01-styrelse.md": "---\ntitle: Styrelsemöte maj\ntype: styrelse\ndate: 2020-05-01\n---\n",
              "meetings/2019-03-styrelse.md": "---\ntitle: Styrelsemöte mars\ntype: styrelse\ndate: 2019-03\n"
                                              "date_note: Dagen saknas i originalet.\n---\n"})
    site.build()
    doc = site.html("moten/")
    assert [text_of(h) for h in doc.findall(".//main//h2")] == ["2021", "2020", "2019"]
    type_links = {text_of(a): a.get("href") for a in doc.findall(".//nav[@class='filter']//a")}
    assert type_links["Styrelse"] == "/moten/typ/styrelse/"
    only = site.html("moten/typ/styrelse/")
    assert len(only.findall(".//ul[@class='meeting-list']/li")) == 2


def test_month_only_meeting_is_never_placed_on_a_day(site):
    site.add({"meetings/2022-03-beredningsgrupp.md": "---\ntitle: Beredningsgrupp\ntype: beredningsgrupp\n"
                                                     "date: 2022-03\ndate_note: Datum saknas i originalet.\n---\n"})
    site.build()
    doc = site.html("moten/2022-03-beredningsgrupp/")
    when = text_of(doc.find(".//dl[@class='facts']/dd"))
    assert when.startswith("mars 2022 (dag ej känd)")
    assert "Datum saknas i originalet." in when
    feed = site.ical("kalender.ics")
    assert "Beredningsgrupp" not in [str(e.get("summary")) for e in feed.walk("VEVENT")]


def test_two_builds_of_the_same_input_are_byte_identical(site, tmp_path):
    site.build()
    first = tree_digest(site.out)
    site.build()
    assert tree_digest(site.out) == first


def test_invalid_build_leaves_previous_output_untouched(site):
    site.build()
    before = tree_digest(site.out)
    site.add({"meetings/2021-12-01-trasig.md": "---\ntitle: Trasig\ntype: styrelse\ndate: 2021-13-45\n---\n"})
    with pytest.raises(BuildFailed):
        site.build()
    assert tree_digest(site.out) == before
    assert not [p for p in site.root.iterdir() if p.name.startswith(".output-")]  # no staging left behind


def test_a_template_asking_for_a_missing_fragment_is_reported_not_a_crash(site):
    site.build()
    before = tree_digest(site.out)
    page = site.root / "themes" / "default" / "templates" / "page.html"
    page.write_text(page.read_text().replace("</article>", '{{ fragment("no_such_row") }}</article>'))
    site.add({"pages/om.md": "---\ntitle: Om\n---\nText.\n"})
    with pytest.raises(BuildFailed) as failed:
        site.build()
    problem = failed.value.problems[0]
    assert problem.path.endswith("templates/page.html") and "no_such_row" in problem.message
    assert tree_digest(site.out) == before


def test_links_work_under_a_sub_path(tmp_path):
    tree = SiteTree(tmp_path / "site", base_url="https://example.se/natverk/")
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-11-17-forbundschefsmote.md":
                                             MEETING.replace("Kipa hälsar välkommen.",
                                                             "Se [projektet](/projekt/mia/).")})
    tree.build()
    doc = tree.html("")
    internal = [a.get("href") for a in doc.findall(".//a") if a.get("href", "").startswith("/")]
    assert internal and all(h.startswith("/natverk/") for h in internal)
    for link in doc.findall(".//link[@rel='stylesheet']"):
        assert link.get("href").startswith("/natverk/static/")
        assert (tree.out / link.get("href")[len("/natverk/"):]).is_file()
    canonical = doc.find(".//link[@rel='canonical']").get("href")
    assert canonical == "https://example.se/natverk/"
    body_links = [a.get("href") for a in tree.html("moten/2021-11-17-forbundschefsmote/")
                  .findall(".//section[@class='minutes-body']//a")]
    assert "/natverk/projekt/mia/" in body_links


def test_every_internal_link_resolves_to_a_written_file(site):
    site.build()
    missing = []
    for page in site.out.rglob("*.html"):
        doc = site.html(page.relative_to(site.out).as_posix())
        for a in doc.findall(".//a[@href]"):
            href = a.get("href").split("#")[0]
            if not href.startswith("/"):
                continue
            target = site.out / href.lstrip("/")
            if href.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                missing.append((page.name, href))
    # /sok/ is provided by the search step when Pagefind is installed
    assert [m for m in missing if m[1] != "/sok/"] == []


def test_static_files_are_fingerprinted(site):
    site.build()
    names = [p.name for p in (site.out / "static").iterdir()]
    assert any(n.startswith("site.") and n.endswith(".css") and len(n.split(".")) == 3 for n in names)


def test_missing_site_yaml_is_a_clear_error(tmp_path):
    (tmp_path / "content").mkdir()
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path)
    assert str(failed.value.problems[0]).startswith("site.yaml:1: site.yaml is missing")


def test_broken_site_yaml_names_the_line(empty_site):
    (empty_site.root / "site.yaml").write_text("title: X\nbase_url: [unclosed\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        empty_site.build()
    assert failed.value.problems[0].path == "site.yaml"
    assert failed.value.problems[0].line >= 2


def test_sitemap_and_robots(site):
    site.build()
    sitemap = (site.out / "sitemap.xml").read_text()
    assert "<loc>https://example.se/moten/2021-11-17-forbundschefsmote/</loc>" in sitemap
    assert "Sitemap: https://example.se/sitemap.xml" in (site.out / "robots.txt").read_text()


def test_minutes_index_leads_to_the_decision_and_assignment_registers(site):
    site.build()
    hrefs = [a.get("href") for a in site.html("moten/").findall(".//main//a")]
    assert "/beslut/" in hrefs and "/uppdrag/" in hrefs


def test_minutes_lists_show_the_latest_years_and_link_every_year(site, monkeypatch):
    from generator.pages import site_pages
    monkeypatch.setattr(site_pages, "MEETINGS_ON_LIST", 1)
    site.add({"meetings/2020-05-01-styrelse.md": "---\ntitle: Styrelsemöte maj\ntype: styrelse\ndate: 2020-05-01\n"
                                                 "federations: [roslagen]\n---\n",
              "meetings/2019-03-styrelse.md": "---\ntitle: Styrelsemöte mars\ntype: styrelse\ndate: 2019-03\n"
                                              "date_note: Dagen saknas i originalet.\n---\n"})
    site.build()
    doc = site.html("moten/")
    assert [text_of(h) for h in doc.findall(".//main//h2")] == ["2021"]
    nav = doc.find(".//nav[@aria-label='Möten år för år']")
    assert {text_of(a): a.get("href") for a in nav.findall(".//a")} == {
        "2021 (1)": "/moten/2021/", "2020 (1)": "/moten/2020/", "2019 (1)": "/moten/2019/"}
    listed = []
    for href in ["/moten/2021/", "/moten/2020/", "/moten/2019/"]:
        listed += [a.get("href") for a in site.html(href.strip("/") + "/").findall(".//ul[@class='meeting-list']/li/a")]
    assert sorted(listed) == ["/moten/2019-03-styrelse/", "/moten/2020-05-01-styrelse/",
                              "/moten/2021-11-17-forbundschefsmote/"]
    styrelse = site.html("moten/typ/styrelse/")
    assert [a.get("href") for a in styrelse.findall(".//ul[@class='meeting-list']/li/a")] == ["/moten/2020-05-01-styrelse/"]
    assert site.html("moten/typ/styrelse/2019/").find(".//ul[@class='meeting-list']/li/a").get("href") == \
        "/moten/2019-03-styrelse/"


def test_federation_and_project_pages_show_the_latest_and_archive_the_rest_by_year(site, monkeypatch):
    from generator.pages import site_pages
    monkeypatch.setattr(site_pages, "LATEST_ON_PAGE", 1)
    site.add({"meetings/2020-05-01-styrelse.md": "---\ntitle: Styrelsemöte maj\ntype: styrelse\ndate: 2020-05-01\n"
                                                 "federations: [roslagen]\nprojects: [mia]\n---\n## 1. MIA\n\nMIA växer.\n"})
    site.build()
    page = site.html("forbund/roslagen/")
    meetings = page.find(".//section[@aria-labelledby='moten']")
    assert [a.get("href") for a in meetings.findall(".//li/a")] == ["/moten/2021-11-17-forbundschefsmote/"]
    assert "De 1 senaste av 2" in text_of(meetings)
    archive = page.find(".//section[@aria-labelledby='arkiv']")
    assert {text_of(a): a.get("href") for a in archive.findall(".//a")} == {
        "2021 (1)": "/forbund/roslagen/2021/", "2020 (1)": "/forbund/roslagen/2020/"}
    older = site.html("forbund/roslagen/2020/")
    assert text_of(older.find(".//h1")) == "Roslagen 2020"
    assert [a.get("href") for a in older.findall(".//section[@aria-labelledby='moten']//li/a")] == [
        "/moten/2020-05-01-styrelse/"]
    project = site.html("projekt/mia/")
    assert [a.get("href") for a in project.findall(".//section[@class='mentioned-in']/ul/li/a")] == [
        "/moten/2021-11-17-forbundschefsmote/"]
    mia_2020 = site.html("projekt/mia/2020/")
    assert [a.get("href") for a in mia_2020.findall(".//section[@class='mentioned-in']/ul/li/a")] == [
        "/moten/2020-05-01-styrelse/"]
