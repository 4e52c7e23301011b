"""`sitegen check`: each kind of mistake is caught on a site made to have it, and a clean site passes."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from generator.authoring.check import check_site
from generator.cli import main

from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree

DAY = dt.date(2021, 12, 1)         # the fixture meeting (17 November 2021) is in the past
MEETING_FILE = "meetings/2021-11-17-forbundschefsmote.md"
EPOCH_OF_DAY = "1638316800"        # 2021-12-01 00:00 UTC, for the command-line runs


def findings(tree: SiteTree, today: dt.date = DAY) -> list[tuple[str, str, int, str]]:
    """(severity, path, line, message) of every finding."""
    problems, _pages = check_site(tree.root, today)
    return [(p.severity, p.path, p.line, p.message) for p in problems]


def only(found, path: str) -> list[tuple[str, int, str]]:
    return [(severity, line, message) for severity, p, line, message in found if p == path]


@pytest.fixture
def clean(tmp_path) -> SiteTree:
    tree = SiteTree(tmp_path / "site")
    return tree.add(FEDERATIONS).add(PROJECTS).add({MEETING_FILE: MEETING})


def test_a_clean_site_has_no_findings(clean):
    problems, pages = check_site(clean.root, DAY)
    assert problems == []
    assert pages > 10


def test_a_clean_site_under_a_sub_path_has_no_findings(tmp_path):
    tree = SiteTree(tmp_path / "site", base_url="https://example.se/natverk/")
    tree.add(FEDERATIONS).add(PROJECTS).add({MEETING_FILE: MEETING.replace(
        "Kipa hälsar välkommen.", "Se [projektet](/projekt/mia/#moten) och [beslutet](#beslut-mia).\n\n"
                                  "    ### Beslut om MIA {#beslut-mia}")})
    assert check_site(tree.root, DAY)[0] == []


def test_a_broken_link_in_a_body_names_the_file_and_line(clean):
    clean.add({MEETING_FILE: MEETING.replace("Kipa hälsar välkommen.",
                                             "Kipa hälsar välkommen.\n\n    Se [protokollet](/moten/finns-inte/).")})
    found = findings(clean)
    assert only(found, "content/" + MEETING_FILE) == [
        ("error", 24, "the link '/moten/finns-inte/' leads to no page or file "
                      "(on /moten/2021-11-17-forbundschefsmote/)")]


def test_a_missing_anchor_is_caught_and_an_existing_one_is_not(clean):
    clean.add({MEETING_FILE: MEETING.replace(
        "Kipa hälsar välkommen.", "Se [beslutet](#beslut-mia), [punkt 9](#9-ovrigt) och [MIA](/projekt/mia/#moten)."
                                  "\n\n    ### Beslut om MIA {#beslut-mia}")})
    errors = [m for s, p, line, m in findings(clean) if s == "error"]
    assert errors == ["the link '#9-ovrigt' points to #9-ovrigt, which is not on /moten/2021-11-17-forbundschefsmote/ "
                      "(on /moten/2021-11-17-forbundschefsmote/)"]


def test_a_broken_link_written_by_a_template_names_the_template(clean):
    template = clean.root / "themes/default/templates/federation.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}<a href=\"{{ href('/saknas/') }}\">Saknas</a>", 1), encoding="utf-8")
    found = findings(clean)
    assert [(s, p, m) for s, p, _, m in found] == [
        ("error", "themes/default/templates/federation.html",
         "the link '/saknas/' leads to no page or file (on 2 pages, e.g. /forbund/roslagen/)")]


def test_a_page_no_other_page_links_to_is_a_warning(clean):
    clean.add({"pages/gomd.md": "---\ntitle: Gömd sida\n---\nText.\n",
               "pages/om.md": "---\ntitle: Om\nmenu: 1\n---\nText.\n"})
    found = findings(clean)
    assert only(found, "content/pages/gomd.md") == [("warning", 1, "no other page links to /gomd/")]
    assert only(found, "content/pages/om.md") == []


def test_links_to_attachments_that_are_not_there(clean):
    clean.add({
        "meetings/2021-11-10-styrelse/index.md": "---\ntitle: Styrelse\ntype: styrelse\ndate: 2021-11-10\n"
                                                 "chair: Anna\nsecretary: Elin\n---\nSe [bilderna](bilder.pdf) "
                                                 "och [agendan](agenda.pdf).\n",
        "meetings/2021-11-12-styrelse.md": "---\ntitle: Styrelse 2\ntype: styrelse\ndate: 2021-11-12\n"
                                           "chair: Anna\nsecretary: Elin\n---\n\n![Karta](karta.png)\n",
    })
    (clean.root / "content/meetings/2021-11-10-styrelse/agenda.pdf").write_bytes(b"%PDF-1.4\n")
    found = findings(clean)
    assert only(found, "content/meetings/2021-11-10-styrelse/index.md") == [
        ("error", 8, "links to 'bilder.pdf', which is not beside index.md")]
    assert only(found, "content/meetings/2021-11-12-styrelse.md") == [
        ("error", 9, "links to the attachment 'karta.png', but this text has no folder for attachments")]
    # The stand-in PDF (a header and nothing else) is read as the attachment it is, and found broken.
    assert [message.split(" (")[0] for _s, _l, message in only(found, "content/meetings/2021-11-10-styrelse/agenda.pdf")] \
        == ["the file cannot be read as PDF"]
    assert len(found) == 3          # the link check does not report the same links again


def test_a_past_event_still_preliminary_is_a_warning(clean):
    clean.add({"events/2021-11-20-konferens.md": "---\ntitle: Konferens\nstart: 2021-11-20\nstatus: preliminär\n---\n",
               "events/2022-02-01-konferens.md": "---\ntitle: Senare\nstart: 2022-02-01\nstatus: preliminär\n---\n"})
    found = findings(clean)
    assert only(found, "content/events/2021-11-20-konferens.md") == [
        ("warning", 4, "the event was on 2021-11-20 and is still marked preliminär")]
    assert only(found, "content/events/2022-02-01-konferens.md") == []


def test_a_past_preliminary_event_with_a_note_for_readers_is_accepted(clean):
    clean.add({"events/2021-11-20-konferens.md": "---\ntitle: Konferens\nstart: 2021-11-20\nstatus: preliminär\n"
                                                 "note: Datumet bekräftades aldrig i anteckningarna.\n---\n"})
    assert only(findings(clean), "content/events/2021-11-20-konferens.md") == []


def test_a_federation_without_a_contact_is_a_warning(clean):
    clean.add({"federations/sundbyberg.md": "---\nname: Samordningsförbundet Sundbyberg\nshort_name: Sundbyberg\n---\n"})
    assert only(findings(clean), "content/federations/sundbyberg.md") == [
        ("warning", 1, "the federation has no contact")]


def test_minutes_without_chair_or_secretary_are_warnings(clean):
    clean.add({"meetings/2021-11-10-styrelse.md": "---\ntitle: Styrelse\ntype: styrelse\ndate: 2021-11-10\n"
                                                  "secretary: Elin\n---\n",
               "meetings/2021-11-11-inställt.md".replace("ä", "a"): "---\ntitle: Inställt\ntype: styrelse\n"
                                                                     "date: 2021-11-11\nstatus: inställt\n---\n",
               "meetings/2022-01-10-styrelse.md": "---\ntitle: Kommande\ntype: styrelse\ndate: 2022-01-10\n---\n"})
    found = findings(clean)
    assert only(found, "content/meetings/2021-11-10-styrelse.md") == [
        ("warning", 1, "the minutes name no chair (ordförande)")]
    assert only(found, "content/meetings/2021-11-11-installt.md") == []     # cancelled: no minutes to sign
    assert only(found, "content/meetings/2022-01-10-styrelse.md") == []     # not held yet


def test_minutes_whose_original_names_no_chair_can_say_so(clean):
    clean.add({"meetings/2021-11-10-styrelse.md": "---\ntitle: Styrelse\ntype: styrelse\ndate: 2021-11-10\n"
                                                  "not_in_original: [chair, secretary]\n---\n"})
    assert only(findings(clean), "content/meetings/2021-11-10-styrelse.md") == []
    clean.build(DAY)
    facts = {" ".join(dt.itertext()).strip(): " ".join(dt.getnext().itertext()).strip()
             for dt in clean.html("moten/2021-11-10-styrelse/").findall(".//dl[@class='facts']/dt")}
    assert facts["Ordförande"] == "Framgår inte av anteckningarna"


def test_build_errors_are_reported_and_links_are_not_checked(clean):
    clean.add({"meetings/2021-11-10-styrelse.md": "---\ntitle: Styrelse\ntype: styrelse\ndate: 2021-13-10\n---\n"})
    problems, pages = check_site(clean.root, DAY)
    assert pages == 0
    assert [str(p) for p in problems if p.field == "date"] == [
        "content/meetings/2021-11-10-styrelse.md:4: date: '2021-13-10' is not a date — write YYYY-MM-DD, "
        "e.g. 2021-11-17, or YYYY-MM when the day is not known"]


def tree_digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_leaves_output_and_the_site_folder_untouched(clean):
    clean.add({"events/2021-12-20-konferens.md": "---\ntitle: Konferens\nstart: 2021-12-20\n---\n"})
    clean.build(today=DAY)
    assert (clean.root / "calendar.lock").is_file()
    (clean.root / "content/events/2021-12-20-konferens.md").write_text(
        "---\ntitle: Konferens\nstart: 2021-12-21\n---\n", encoding="utf-8")   # a change the feeds would record
    before = tree_digest(clean.root)
    check_site(clean.root, DAY)
    assert tree_digest(clean.root) == before


def test_command_exit_codes_summary_and_strict(clean, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_OF_DAY)
    assert main(["--root", str(clean.root), "check"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("check: 0 errors, 0 warnings in ")

    clean.add({"federations/sundbyberg.md": "---\nname: Samordningsförbundet Sundbyberg\nshort_name: Sundbyberg\n---\n"})
    assert main(["--root", str(clean.root), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("warning: content/federations/sundbyberg.md:1: contact: the federation has no contact — "
                      "add e.g. 'contact: {email: info@example.se, phone: 08-123 45 67}'")
    assert out[-1].startswith("check: 0 errors, 1 warning")

    assert main(["--root", str(clean.root), "check", "--strict"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("content/federations/sundbyberg.md:1: contact:")
    assert out[-1].startswith("check: 1 error, 0 warnings")

    clean.add({MEETING_FILE: MEETING.replace("Kipa hälsar välkommen.", "[Trasig](/finns-inte/)")})
    assert main(["--root", str(clean.root), "check", "-q"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("warning:")] == []          # -q: errors only
    assert out[0].startswith("content/meetings/2021-11-17-forbundschefsmote.md:22: the link '/finns-inte/'")
