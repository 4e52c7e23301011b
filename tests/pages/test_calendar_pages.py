"""The calendar's pages, browser-free: the month grid, coming and past, per federation, event pages."""
from __future__ import annotations

import datetime as dt

import icalendar

from conftest import text_of

OCTOBER_EVENT = "events/2021-10-05-natverksdag.md"


def add_calendar(site):
    site.add({
        OCTOBER_EVENT: "---\nuid: e-okt\ntitle: Nätverksdag\nstart: 2021-10-05\nfederations: [sundbyberg]\n---\n",
        "events/2021-11-29-konferens.md": "---\nuid: e-konf\ntitle: Länskonferens\nstart: 2021-11-29\n"
                                          "end: 2021-12-01\nfederations: [roslagen]\nprojects: [mia]\n"
                                          "location: Stockholm\nonline: true\nonline_link: https://möte.example.se/x\n"
                                          "status: preliminär\n---\nProgram kommer.\n",
        "meetings/2022-01-12-presidiemote.md": "---\nuid: p-jan\ntitle: Presidiemöte januari\ntype: presidiemöte\n"
                                               "date: 2022-01-12\nstart: '09:00'\nend: '11:00'\n"
                                               "federations: [sundbyberg]\n---\n",
        "meetings/2021-12-beredningsgrupp.md": "---\nuid: b-dec\ntitle: Beredningsgrupp december\n"
                                               "type: beredningsgrupp\ndate: 2021-12\n"
                                               "date_note: Dagen bestäms senare.\nfederations: [roslagen]\n---\n",
    })
    return site


def grid_of(doc):
    return doc.find(".//table[@class]")


def cell(doc, day: str):
    return doc.find(f".//table//td[@data-date='{day}']")


# ---------- the month grid ----------

def test_month_grid_is_a_semantic_table_with_swedish_weekday_headers(site):
    add_calendar(site).build()
    doc = site.html("kalender/2021/11/")
    table = grid_of(doc)
    assert "month-grid" in table.get("class")
    assert text_of(table.find("caption")).startswith("November 2021")
    headers = table.findall("thead/tr/th")
    assert all(th.get("scope") == "col" for th in headers)
    weekdays = headers[1:]
    assert [text_of(th.find("abbr")) for th in weekdays] == ["Mån", "Tis", "Ons", "Tor", "Fre", "Lör", "Sön"]
    full = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
    assert [th.find("abbr").get("title") for th in weekdays] == full
    # Screen readers hear the full name: the short one is hidden from them, the long one only from the eye.
    assert [th.find("abbr").get("aria-hidden") for th in weekdays] == ["true"] * 7
    assert [text_of(th.find("span[@class='visually-hidden']")) for th in weekdays] == full
    rows = table.findall("tbody/tr")
    assert all(row.find("th").get("scope") == "row" for row in rows)
    assert [text_of(row.find("th")) for row in rows] == ["vecka 44", "vecka 45", "vecka 46", "vecka 47", "vecka 48"]


def test_weeks_start_on_monday_and_days_list_their_events(site):
    add_calendar(site).build()
    doc = site.html("kalender/2021/11/")
    rows = grid_of(doc).findall("tbody/tr")
    assert [td.get("data-date") for td in rows[0].findall("td")][:2] == ["2021-11-01", "2021-11-02"]  # a Monday
    last_row = [td.get("data-date") for td in rows[-1].findall("td")]
    assert last_row[:2] == ["2021-11-29", "2021-11-30"] and last_row[2:] == [None] * 5   # December is not shown here
    meeting_day = cell(doc, "2021-11-17")
    [entry] = meeting_day.findall(".//ul/li")
    assert entry.find("a").get("href") == "/moten/2021-11-17-forbundschefsmote/"
    assert text_of(entry.find("span[@class='time']")) == "13.00"
    assert cell(doc, "2021-11-16").find(".//ul") is None
    # A multi-day event is on each of its days; later days say it continues.
    assert text_of(cell(doc, "2021-11-29")) == "29 Länskonferens Preliminärt"
    assert "(forts.)" in text_of(cell(doc, "2021-11-30"))
    december = site.html("kalender/2021/12/")
    assert "(forts.)" in text_of(cell(december, "2021-12-01"))
    assert cell(december, "2021-12-02").find(".//ul") is None


def test_todays_month_is_marked_and_today_is_the_current_date(site):
    add_calendar(site).build(today=dt.date(2021, 11, 17))
    doc = site.html("kalender/2021/11/")
    current = doc.findall(".//table//td[@aria-current='date']")
    assert [td.get("data-date") for td in current] == ["2021-11-17"]
    assert "denna månad" in text_of(grid_of(doc).find("caption"))
    assert [text_of(s) for s in doc.findall(".//nav[@class='month-nav']//span[@aria-current='date']")] == \
        ["Denna månad", "Denna månad"]
    other = site.html("kalender/2021/12/")
    assert other.findall(".//table//td[@aria-current='date']") == []
    assert "denna månad" not in text_of(grid_of(other).find("caption"))
    back = [a.get("href") for a in other.findall(".//nav[@class='month-nav']//a") if text_of(a) == "Denna månad"]
    assert back == ["/kalender/2021/11/", "/kalender/2021/11/"]


def test_month_pages_link_previous_and_next_and_span_every_month_with_events(site):
    add_calendar(site).build()
    assert sorted(p.parent.name for p in (site.out / "kalender/2021").glob("*/index.html")) == ["10", "11", "12"]
    assert sorted(p.parent.name for p in (site.out / "kalender/2022").glob("*/index.html")) == ["01"]

    def links(rel):
        nav = site.html(rel).find(".//nav[@class='month-nav']")
        return {a.get("rel"): (a.get("href"), text_of(a)) for a in nav.findall(".//a[@rel]")}
    assert links("kalender/2021/11/") == {"prev": ("/kalender/2021/10/", "← Oktober 2021"),
                                          "next": ("/kalender/2021/12/", "December 2021 →")}
    assert set(links("kalender/2021/10/")) == {"next"}                 # the first month
    assert set(links("kalender/2022/01/")) == {"prev"}                 # the last month


def test_month_page_lists_meetings_whose_day_is_not_set_outside_the_grid(site):
    add_calendar(site).build()
    doc = site.html("kalender/2021/12/")
    assert "Beredningsgrupp december" not in text_of(grid_of(doc))
    section = doc.find(".//section[@class='undated-section']")
    assert "Beredningsgrupp december" in text_of(section) and "datum ej fastställt" in text_of(section)


# ---------- /kalender/, past, per federation ----------

def test_calendar_groups_coming_by_month_and_links_month_pages_and_past(site):
    add_calendar(site).build()
    doc = site.html("kalender/")
    months = doc.findall(".//section[@class='calendar-month']")
    assert [text_of(s.find("h2")) for s in months] == ["November 2021 denna månad", "Januari 2022"]
    assert [s.find(".//p[@class='month-link']/a").get("href") for s in months] == ["/kalender/2021/11/",
                                                                                    "/kalender/2022/01/"]
    for section in months:                     # the browser moves what has ended out of "coming"
        for item in section.findall(".//ul[@data-coming]/li"):
            dt.date.fromisoformat(item.get("data-end"))
    past = [a for a in doc.findall(".//main//a") if a.get("href") == "/kalender/tidigare/"]
    assert [text_of(a) for a in past] == ["Tidigare möten och händelser (1)"]
    undated = doc.find(".//section[@class='undated-section']")
    assert "datum ej fastställt" in text_of(undated)
    earlier = site.html("kalender/tidigare/")
    assert [a.get("href") for a in earlier.findall(".//ul[@class='event-list']/li/a")] == [
        "/handelser/2021-10-05-natverksdag/"]
    assert earlier.find(".//ul[@data-coming]") is None       # past lists are never hidden by the clock


def test_filtering_by_federation_works_without_javascript(site):
    add_calendar(site).build()
    doc = site.html("kalender/")
    nav = {text_of(a): a.get("href") for a in doc.findall(".//nav[@class='calendar-filter']//a")}
    assert nav == {"Alla förbund": "/kalender/", "Roslagen": "/kalender/forbund/roslagen/",
                   "Sundbyberg": "/kalender/forbund/sundbyberg/"}
    assert doc.find(".//form[@class='js-calendar-filter']").get("hidden") is not None   # shown by site.js
    roslagen = site.html("kalender/forbund/roslagen/")
    assert [text_of(a) for a in roslagen.findall(".//nav[@class='calendar-filter']//a[@aria-current='page']")] == \
        ["Roslagen"]
    coming = [a.get("href") for a in roslagen.findall(".//section[@class='calendar-month']//li/a")]
    assert coming == ["/moten/2021-11-17-forbundschefsmote/", "/handelser/2021-11-29-konferens/"]
    sundbyberg = site.html("kalender/forbund/sundbyberg/")
    assert [a.get("href") for a in sundbyberg.findall(".//section[@class='calendar-month']//li/a")] == [
        "/moten/2021-11-17-forbundschefsmote/", "/moten/2022-01-12-presidiemote/"]
    feed = sundbyberg.find(".//section[@class='subscribe']//input").get("value")
    assert feed == "https://example.se/forbund/sundbyberg/kalender.ics"


def test_coming_lists_on_home_federation_and_project_pages_are_corrected_in_the_browser(site):
    add_calendar(site).build()
    for rel in ("", "forbund/roslagen/", "projekt/mia/"):
        lists = site.html(rel).findall(".//ul[@data-coming]")
        assert lists, rel
        assert all(li.get("data-end") for ul in lists for li in ul.findall("li"))
    fed = site.html("forbund/roslagen/")
    assert "/kalender/forbund/roslagen/" in [a.get("href") for a in fed.findall(".//main//a")]


def test_subscribe_blocks_offer_webcal_and_https_with_instructions(site):
    add_calendar(site).build()
    for rel, feed in (("kalender/", "kalender.ics"), ("forbund/roslagen/", "forbund/roslagen/kalender.ics"),
                      ("projekt/mia/", "projekt/mia/kalender.ics")):
        block = site.html(rel).find(".//section[@class='subscribe']")
        assert block.find(".//a[@class='button']").get("href") == f"webcal://example.se/{feed}", rel
        field = block.find(".//input")
        assert field.get("value") == f"https://example.se/{feed}" and field.get("readonly") is not None
        assert block.find(f".//label[@for='{field.get('id')}']") is not None
        steps = text_of(block.find(".//details"))
        assert all(app in steps for app in ("Outlook", "Google", "Apple"))
        assert (site.out / feed).is_file()


# ---------- event and meeting pages ----------

def test_event_page_says_when_where_online_who_and_what_and_offers_the_download(site):
    add_calendar(site).build()
    doc = site.html("handelser/2021-11-29-konferens/")
    facts = {text_of(d): text_of(d.getnext()) for d in doc.findall(".//dl[@class='facts']/dt")}
    assert facts["När"] == "måndag 29 november 2021 – onsdag 1 december 2021 (preliminärt)"
    assert facts["Var"] == "Stockholm och digitalt"
    assert facts["Digitalt"] == "Ja, länk till mötet"
    assert facts["Arrangör"] == "Samordningsförbundet Roslagen"
    assert facts["Gäller"] == "MIA"
    link = doc.find(".//p[@class='add-to-calendar']/a")
    assert text_of(link) == "Lägg till i kalender"
    [vevent] = icalendar.Calendar.from_ical((site.out / link.get("href").lstrip("/")).read_bytes()).walk("VEVENT")
    assert str(vevent["UID"]) == "e-konf@example.se"


def test_meeting_page_offers_the_download_only_with_a_full_date(site):
    add_calendar(site).build()
    link = site.html("moten/2021-11-17-forbundschefsmote/").find(".//p[@class='add-to-calendar']/a")
    assert link.get("href") == "/moten/2021-11-17-forbundschefsmote/2021-11-17-forbundschefsmote.ics"
    assert (site.out / link.get("href").lstrip("/")).is_file()
    undated = site.html("moten/2021-12-beredningsgrupp/")
    assert undated.find(".//p[@class='add-to-calendar']") is None


def test_events_with_the_same_name_get_page_titles_that_tell_them_apart(site):
    site.add({"events/2022-01-20-forbundschefsmote.md": "---\ntitle: Förbundschefsmöte\nstart: 2022-01-20\n---\n",
              "events/2022-02-17-forbundschefsmote.md": "---\ntitle: Förbundschefsmöte\nstart: 2022-02-17\n---\n"})
    site.build()
    titles = [site.html(f"handelser/{slug}/").find(".//head/title").text
              for slug in ("2022-01-20-forbundschefsmote", "2022-02-17-forbundschefsmote")]
    assert titles == ["Förbundschefsmöte, 20 januari 2022 – Testnätverket",
                      "Förbundschefsmöte, 17 februari 2022 – Testnätverket"]
    assert text_of(site.html("handelser/2022-01-20-forbundschefsmote/").find(".//h1")) == "Förbundschefsmöte"


def test_past_events_are_split_by_year_and_every_one_stays_reachable(site, monkeypatch):
    from generator.pages import calendar_pages
    monkeypatch.setattr(calendar_pages, "PAST_ON_PAGE", 1)
    add_calendar(site).add({
        "events/2020-03-10-seminarium.md": "---\nuid: e-2020\ntitle: Seminarium\nstart: 2020-03-10\n"
                                           "federations: [sundbyberg]\n---\n",
    }).build()
    first = site.html("kalender/tidigare/")
    nav = first.find(".//nav[@aria-label='Tidigare år för år']")
    assert {text_of(a): a.get("href") for a in nav.findall(".//a")} == {
        "2021 (1)": "/kalender/tidigare/2021/", "2020 (1)": "/kalender/tidigare/2020/"}
    assert [a.get("href") for a in first.findall(".//ul[@class='event-list']/li/a")] == [
        "/handelser/2021-10-05-natverksdag/"]                       # the latest year only
    older = site.html("kalender/tidigare/2020/")
    assert [a.get("href") for a in older.findall(".//ul[@class='event-list']/li/a")] == [
        "/handelser/2020-03-10-seminarium/"]
    assert older.find(".//nav[@aria-label='Tidigare år för år']//a[@aria-current='page']").get("href") == \
        "/kalender/tidigare/2020/"
    # A federation's calendar shows its latest past year and sends the rest to its archive.
    sundbyberg = site.html("kalender/forbund/sundbyberg/")
    past = sundbyberg.find(".//section[@aria-labelledby='tidigare']")
    assert [a.get("href") for a in past.findall(".//ul/li/a")] == ["/handelser/2021-10-05-natverksdag/"]
    assert past.find(".//p[@class='meta']/a").get("href") == "/forbund/sundbyberg/#arkiv"
    archive = site.html("forbund/sundbyberg/2020/")
    assert [a.get("href") for a in archive.findall(".//section[@aria-labelledby='handelser']//li/a")] == [
        "/handelser/2020-03-10-seminarium/"]


def test_a_site_with_nothing_behind_it_has_no_past_page_and_checks_clean(tmp_path):
    """A new federation's first site: only coming meetings. /kalender/tidigare/ would be a page
    nothing links to (check --strict failed on it), so it is not made until something has been."""
    from generator.authoring.check import check_site

    from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree, TODAY
    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-11-17-forbundschefsmote.md": MEETING})
    tree.build()
    assert (tree.out / "kalender/index.html").is_file()
    assert not (tree.out / "kalender/tidigare").exists()
    problems, pages = check_site(tree.root, TODAY)
    assert pages and not [p for p in problems if "kalender/tidigare" in p.message]
