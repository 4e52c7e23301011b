"""Agenda items, decisions, assignments and postponed questions: found in minutes, listed, followed up."""
from __future__ import annotations

import pytest

from generator.minutes.markup import render_markdown
from generator.minutes.facts import enrich

from conftest import FEDERATIONS, PROJECTS, SiteTree, text_of


def meeting(date: str, body: str, *, type_: str = "förbundschefsmöte", federations: str = "[roslagen, sundbyberg]",
            title: str = "Förbundschefsmöte") -> str:
    return (f"---\nuid: m-{type_}-{date}\ntitle: {title} {date}\ntype: {type_}\ndate: {date}\n"
            f"federations: {federations}\n---\n" + body)


def make_site(tmp_path, meetings: dict[str, str]) -> SiteTree:
    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add(meetings)
    tree.build()
    return tree


def rows(doc, caption_start: str) -> list[dict[str, str]]:
    """The rows of the table whose caption starts with caption_start, as header → cell text (+ links)."""
    for table in doc.findall(".//table"):
        if text_of(table.find("caption")).startswith(caption_start):
            headers = [text_of(th) for th in table.findall("thead/tr/th")]
            result = []
            for tr in table.findall("tbody/tr"):
                cells = tr.findall("td")
                row = {h: text_of(td) for h, td in zip(headers, cells)}
                row["links"] = [a.get("href") for a in tr.findall(".//a")]
                result.append(row)
            return result
    return []


AGENDA = """\
## Förslag till dagordning

1. **Mötets öppnande**  
Ordföranden hälsar välkommen.
2. **Incheckning**  
Laget runt.

## 3. Uppföljning

Att göra i tur och ordning:

1. Läsa rapporten
2. Skriva ett svar

#### 4. Kommunikation

##### Hemsidan

Text.

## **6. Rapporter**

### 6.1 Inte en egen punkt

**7. Övrigt**
"""


def test_each_agenda_item_gets_an_anchor_and_an_accessible_permalink(tmp_path):
    tree = make_site(tmp_path, {"meetings/2021-11-17-fc.md": meeting("2021-11-17", AGENDA)})
    body = tree.html("moten/2021-11-17-fc/").find(".//section[@class='minutes-body']")
    anchored = {el.get("id"): el for el in body.iter() if isinstance(el.tag, str)
                and (el.get("id") or "").startswith("punkt-")}
    assert sorted(anchored, key=lambda a: int(a.split("-")[1])) == [
        "punkt-1", "punkt-2", "punkt-3", "punkt-4", "punkt-6", "punkt-7"]
    assert [anchored[a].tag for a in ("punkt-1", "punkt-3", "punkt-4", "punkt-6", "punkt-7")] == ["li", "h3", "h4", "h3", "p"]
    # Under the page's h2 "Minnesanteckningar": "##" is h3, and "####" after it is raised to h4
    # (no skipped level); the anchors stay what the text makes them.
    for anchor, element in anchored.items():
        links = [a for a in element.iter("a") if a.get("class") == "permalink"]
        assert len(links) == 1
        assert links[0].get("href") == f"#{anchor}"
        assert links[0].get("aria-label") == f"Länk till punkt {anchor.split('-')[1]}"
    assert text_of(anchored["punkt-4"]) == "4. Kommunikation"     # the heading text is left as written
    # The numbered list inside item 3 restarts at 1: its items are not agenda items.
    assert len(body.findall(".//ol/li")) == 4


FORMS = """\
## 1. Ekonomi

Beslut: Mötet godkänner budgeten för 2022.

Mötet beslutar att anta verksamhetsplanen.

Roslagen har styrelsebeslut på att jobba gemensamt. Ett ämne som redan finns beslutat om är rekrytering.

## 2. Almedalen

Mötet ställer sig bakom förslaget att MIA gör en spridningsaktivitet på Almedalsveckan.

**Beslut:**

Kipa är kontaktperson mot företaget.

## 3. Uppföljning

Samtliga förbundschefer är positiva till ett samarbete och Kipa och Elin får i uppdrag att arbeta vidare med ett förslag.

Uppdrag:

Var och en av oss får uppdrag att sprida inbjudan till politiker.

Uppdrag (Greta): boka lokal till konferensen.

Efter diskussion får kansliet i uppdrag att ta fram en tidsplan.

Frågan delegeras till förbundschefsnätverket för vidare diskussion.

## 4. Gemensamma projekt

##### Gemensam konferens i vår ? /Frågan bordläggs till nästa möte

## 5. Rapporter

- Rapport nationellt kunskapscentrum (VIS) –frågan bordläggs till nästa möte

Bordlagt: Ny hemsida
"""


def test_every_decision_form_is_found_exactly_once(tmp_path):
    tree = make_site(tmp_path, {"meetings/2021-11-17-fc.md": meeting("2021-11-17", FORMS)})
    found = rows(tree.html("beslut/"), "Beslut")
    assert [(r["Punkt"].split()[1], r["Beslut"]) for r in found] == [
        ("1", "Mötet godkänner budgeten för 2022."),
        ("1", "Mötet beslutar att anta verksamhetsplanen."),
        ("2", "Mötet ställer sig bakom förslaget att MIA gör en spridningsaktivitet på Almedalsveckan."),
        ("2", "Kipa är kontaktperson mot företaget."),
    ]
    first = found[0]
    assert first["Datum"] == "onsdag 17 november 2021"
    assert first["Förbund"] == "Roslagen, Sundbyberg"
    assert first["links"] == ["/moten/2021-11-17-fc/", "/moten/2021-11-17-fc/#punkt-1"]


def test_every_assignment_form_is_found_exactly_once_with_who(tmp_path):
    tree = make_site(tmp_path, {"meetings/2021-11-17-fc.md": meeting("2021-11-17", FORMS)})
    found = rows(tree.html("uppdrag/"), "Uppdrag")
    assert [(r["Vem"], r["Uppdrag"][:30]) for r in found] == [
        ("Kipa och Elin", "Samtliga förbundschefer är pos"),
        ("Var och en av oss", "Var och en av oss får uppdrag "),
        ("Greta", "boka lokal till konferensen."),
        ("kansliet", "Efter diskussion får kansliet "),
        ("förbundschefsnätverket", "Frågan delegeras till förbunds"),
    ]
    assert {r["links"][1] for r in found} == {"/moten/2021-11-17-fc/#punkt-3"}


def test_postponed_forms_are_listed_as_open_with_their_subject(tmp_path):
    tree = make_site(tmp_path, {"meetings/2021-11-17-fc.md": meeting("2021-11-17", FORMS)})
    open_rows = rows(tree.html("beslut/"), "Bordlagda frågor som inget")
    assert [(r["Punkt"].split()[1], r["Fråga"]) for r in open_rows] == [
        ("4", "Gemensam konferens i vår Gemensam konferens i vår ? /Frågan bordläggs till nästa möte"),
        ("5", "Rapport nationellt kunskapscentrum (VIS) Rapport nationellt kunskapscentrum (VIS) –frågan "
              "bordläggs till nästa möte"),
        ("5", "Ny hemsida Ny hemsida"),
    ]


def postponing(date: str) -> str:
    return meeting(date, "## 1. Öppnande\n\n## 5. Gemensamt\n\n"
                         "##### Gemensam konferens i vår ? /Frågan bordläggs till nästa möte\n\n"
                         "## 6. Rapporter\n\n- Rapport nationellt kunskapscentrum (VIS) –frågan bordläggs\n")


def test_a_postponed_item_is_open_until_a_later_meeting_of_the_series_takes_it_up(tmp_path):
    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add({
        "meetings/2021-11-17-fc.md": postponing("2021-11-17"),
        # Another series (a board meeting) naming the same subject does not close it.
        "meetings/2021-12-01-styrelse.md": meeting("2021-12-01", "## 2. Nationellt kunskapscentrum VIS\n",
                                                   type_="styrelse", title="Styrelse"),
    })
    tree.build()
    open_before = rows(tree.html("beslut/"), "Bordlagda frågor som inget")
    assert [r["Fråga"].startswith(s) for r, s in zip(open_before, ["Gemensam konferens", "Rapport nationellt"])] == [True, True]
    assert rows(tree.html("beslut/"), "Bordlagda frågor som ett senare") == []

    tree.add({"meetings/2022-01-20-fc.md": meeting(
        "2022-01-20", "## 1. Öppnande\n\n## 3. Konferens\n\n### Gemensam konferens i maj\n\nPlanering.\n",
        federations="[sundbyberg, roslagen]")})
    tree.build()
    still_open = rows(tree.html("beslut/"), "Bordlagda frågor som inget")
    assert [r["Fråga"].split(" (VIS)")[0] for r in still_open] == ["Rapport nationellt kunskapscentrum"]
    closed = rows(tree.html("beslut/"), "Bordlagda frågor som ett senare")
    assert len(closed) == 1 and closed[0]["Fråga"] == "Gemensam konferens i vår"
    assert closed[0]["Togs upp"] == "Förbundschefsmöte 2022-01-20, punkt 3"
    assert closed[0]["links"][-1] == "/moten/2022-01-20-fc/#punkt-3"


def test_meeting_page_shows_previous_and_next_of_its_series_and_what_was_postponed(tmp_path):
    tree = make_site(tmp_path, {
        "meetings/2021-11-17-fc.md": postponing("2021-11-17"),
        "meetings/2022-01-20-fc.md": meeting("2022-01-20", "## 3. Gemensam konferens\n\nText.\n"),
        "meetings/2022-02-10-fc.md": meeting("2022-02-10", "## 1. Öppnande\n"),
        "meetings/2022-01-25-styrelse.md": meeting("2022-01-25", "## 1. Öppnande\n", type_="styrelse",
                                                   title="Styrelse"),
    })
    middle = tree.html("moten/2022-01-20-fc/")
    series = middle.find(".//nav[@class='meeting-series']")
    assert {a.get("rel"): a.get("href") for a in series.iter("a")} == {
        "prev": "/moten/2021-11-17-fc/", "next": "/moten/2022-02-10-fc/"}
    follow_up = middle.find(".//section[@class='follow-up']")
    items = follow_up.findall(".//ul/li")
    assert [text_of(li.find("a")) for li in items] == ["Gemensam konferens i vår",
                                                        "Rapport nationellt kunskapscentrum (VIS)"]
    assert [a.get("href") for a in items[0].iter("a")] == ["/moten/2021-11-17-fc/#punkt-5",
                                                           "/moten/2022-01-20-fc/#punkt-3"]
    assert text_of(items[1].find("span")) == "Ännu inte tagen upp"
    assert tree.html("moten/2022-01-25-styrelse/").find(".//nav[@class='meeting-series']") is None
    first = tree.html("moten/2021-11-17-fc/")
    assert first.find(".//section[@class='follow-up']") is None
    assert [a.get("rel") for a in first.find(".//nav[@class='meeting-series']").iter("a")] == ["next"]


def test_registers_can_be_filtered_per_federation_without_javascript(tmp_path):
    tree = make_site(tmp_path, {
        "meetings/2021-11-17-fc.md": meeting("2021-11-17", "## 1. A\n\nMötet beslutar att köpa kaffe.\n",
                                             federations="[roslagen]"),
        "meetings/2021-11-18-fc.md": meeting("2021-11-18", "## 1. B\n\nMötet beslutar att köpa te.\n",
                                             federations="[sundbyberg]"),
    })
    every = rows(tree.html("beslut/"), "Beslut")
    assert [r["Beslut"] for r in every] == ["Mötet beslutar att köpa te.", "Mötet beslutar att köpa kaffe."]
    only = tree.html("beslut/roslagen/")
    assert [r["Beslut"] for r in rows(only, "Beslut")] == ["Mötet beslutar att köpa kaffe."]
    current = only.find(".//nav[@aria-label='Välj register och förbund']//a[@aria-current='page']")
    assert current is not None
    labels = {text_of(a): a.get("href") for a in only.findall(".//nav[@aria-label='Välj register och förbund']//a")}
    assert labels["Roslagen (1)"] == "/beslut/roslagen/" and labels["Alla förbund (2)"] == "/beslut/"
    assert rows(tree.html("uppdrag/sundbyberg/"), "Uppdrag") == []
    fed_links = [a.get("href") for a in tree.html("forbund/roslagen/").findall(".//a")]
    assert "/beslut/roslagen/" in fed_links and "/uppdrag/roslagen/" in fed_links


@pytest.mark.parametrize("sentence, kind, who", [
    ("Mötet ger Elin i uppdrag att kalla till möte.", "uppdrag", "Elin"),
    ("Det uppdras åt kansliet att ta fram en plan.", "uppdrag", "kansliet"),
    ("Anna och Karin får därmed i uppdrag att skriva.", "uppdrag", "Anna och Karin"),
    ("Gruppen enades om att träffas oftare.", "beslut", ""),
    ("Dagordningen fastställs.", "beslut", ""),
    ("Förslaget bifalls.", "beslut", ""),
    ("Frågan skjuts upp till hösten.", "bordlagt", ""),
    ("Vi tar upp frågan igen på maj månads möte.", "bordlagt", ""),
])
def test_recognised_sentences(sentence, kind, who):
    facts = enrich(render_markdown(f"## 1. Punkt\n\n{sentence}\n"), ())
    assert [(f.kind, f.who) for f in facts.findings] == [(kind, who)]


@pytest.mark.parametrize("sentence", [
    "Roslagen har styrelsebeslut på att jobba gemensamt.",
    "Karin kommer att skicka inbjudan.",
    "Vi vill ha ett beslut om detta.",
    "Frågan kom upp på förra mötet.",
])
def test_ordinary_sentences_are_not_findings(sentence):
    assert enrich(render_markdown(f"## 1. Punkt\n\n{sentence}\n"), ()).findings == ()


def test_a_lone_label_applies_to_every_item_of_the_list_after_it():
    facts = enrich(render_markdown("## 1. Punkt\n\n**Beslut:**\n\n- Kipa är kontaktperson.\n"
                                   "- Arbetsgruppen återkommer i maj.\n\nSedan fika.\n"), ())
    assert [(f.kind, f.text) for f in facts.findings] == [
        ("beslut", "Kipa är kontaktperson."), ("beslut", "Arbetsgruppen återkommer i maj.")]
    assert 'class="decision"' in facts.html and facts.html.count('class="decision"') == 2


# ---------- the registers split by year ----------

def year_nav(doc, label: str) -> dict[str, str]:
    """The year navigation 'label år för år' as link text → href, and which one is current."""
    nav = doc.find(f".//nav[@aria-label='{label} år för år']")
    assert nav is not None, f"no year navigation {label!r}"
    return {text_of(a): a.get("href") + (" current" if a.get("aria-current") == "page" else "")
            for a in nav.findall(".//a")}


def register_site(tmp_path, monkeypatch=None) -> SiteTree:
    meetings = {
        "meetings/2020-03-04-fc.md": meeting("2020-03-04", "## 1. A\n\nMötet beslutar att köpa kaffe.\n\n"
                                                           "Bordlagt: Ny hemsida\n", federations="[roslagen]"),
        "meetings/2020-05-06-fc.md": meeting("2020-05-06", "## 1. B\n\nMötet beslutar att köpa te.\n\n"
                                                           "Uppdrag (Elin): boka lokal.\n"),
        "meetings/2021-09-01-fc.md": meeting("2021-09-01", "## 1. C\n\nMötet beslutar att köpa saft.\n\n"
                                                           "Bordlagt: Budget\n", federations="[sundbyberg]"),
        "meetings/mote-utan-datum.md": ("---\nuid: m-x\ntitle: Möte utan datum\ntype: förbundschefsmöte\n"
                                   "date_note: Datum saknas i originalet.\nfederations: [roslagen]\n---\n"
                                   "## 1. D\n\nMötet beslutar att köpa vatten.\n"),
    }
    return make_site(tmp_path, meetings)


def test_the_register_shows_the_latest_year_and_links_every_year(tmp_path):
    tree = register_site(tmp_path)
    first = tree.html("beslut/")
    assert [r["Beslut"] for r in rows(first, "Beslut 2021")] == ["Mötet beslutar att köpa saft."]
    assert year_nav(first, "Beslut") == {"2021 (2)": "/beslut/2021/", "2020 (3)": "/beslut/2020/",
                                         "Datum ej fastställt (1)": "/beslut/utan-datum/"}
    # What is open is on the first page whatever its year.
    assert [r["Fråga"].split()[0] for r in rows(first, "Bordlagda frågor som inget")] == ["Budget", "Ny"]

    year = tree.html("beslut/2020/")
    assert text_of(year.find(".//h1")) == "Beslut 2020"
    assert year_nav(year, "Beslut")["2020 (3)"] == "/beslut/2020/ current"
    assert [r["Beslut"] for r in rows(year, "Beslut 2020")] == ["Mötet beslutar att köpa te.",
                                                                 "Mötet beslutar att köpa kaffe."]
    assert [r["Fråga"].split()[0] for r in rows(year, "Bordlagda frågor som inget")] == ["Ny"]
    undated = tree.html("beslut/utan-datum/")
    assert [r["Beslut"] for r in rows(undated, "Beslut")] == ["Mötet beslutar att köpa vatten."]
    assert [text_of(li) for li in undated.findall(".//nav[@aria-label='Du är här']//li")] == \
        ["Start", "Beslut", "Beslut utan datum"]

    per_federation = tree.html("beslut/roslagen/")
    assert year_nav(per_federation, "Beslut") == {"2020 (3)": "/beslut/roslagen/2020/",
                                                  "Datum ej fastställt (1)": "/beslut/roslagen/utan-datum/"}
    assert [r["Beslut"] for r in rows(per_federation, "Beslut 2020")] == [
        "Mötet beslutar att köpa te.", "Mötet beslutar att köpa kaffe."]
    assignments = tree.html("uppdrag/")
    assert year_nav(assignments, "Uppdrag") == {"2020 (1)": "/uppdrag/2020/"}
    assert [r["Vem"] for r in rows(assignments, "Uppdrag 2020")] == ["Elin"]


def test_every_row_of_the_register_is_on_its_years_page(tmp_path):
    tree = register_site(tmp_path)
    for register, caption in (("beslut", "Beslut"), ("uppdrag", "Uppdrag")):
        for federation in ("", "roslagen/", "sundbyberg/"):
            first = tree.html(f"{register}/{federation}")
            links = year_nav(first, caption) if first.find(f".//nav[@aria-label='{caption} år för år']") is not None \
                else {}
            on_year_pages = []
            for href in links.values():
                page = tree.html(href.strip("/") + "/")
                on_year_pages += [r[caption] for r in rows(page, caption)]
                on_year_pages += [r["Fråga"] for r in rows(page, "Bordlagda frågor")]
            expected = [d for d in ALL_ROWS[register] if federation == "" or federation[:-1] in d[1]]
            assert sorted(on_year_pages) == sorted(text for text, _ in expected), (register, federation)


ALL_ROWS = {
    "beslut": [("Mötet beslutar att köpa kaffe.", "roslagen"), ("Mötet beslutar att köpa te.", "roslagen sundbyberg"),
               ("Mötet beslutar att köpa saft.", "sundbyberg"), ("Mötet beslutar att köpa vatten.", "roslagen"),
               ("Ny hemsida Ny hemsida", "roslagen"), ("Budget Budget", "sundbyberg")],
    "uppdrag": [("boka lokal.", "roslagen sundbyberg")],
}


def test_the_first_page_shows_the_newest_open_questions_and_says_where_the_rest_are(tmp_path, monkeypatch):
    from generator.pages import decision_pages
    monkeypatch.setattr(decision_pages, "OPEN_ON_FIRST_PAGE", 1)
    tree = register_site(tmp_path)
    first = tree.html("beslut/")
    assert [r["Fråga"].split()[0] for r in rows(first, "Bordlagda frågor som inget")] == ["Budget"]
    assert "Öppna (2)" in text_of(first.find(".//section[@class='postponed-register']"))
    assert "alla finns på sitt års sida" in text_of(first.find(".//section[@class='postponed-register']"))


# ---------- the quick check for the words a finding needs misses nothing ----------

@pytest.mark.parametrize("sentence, kind", [
    ("Mötet be\u017flutar att köpa kaffe.", "beslut"),          # long s: the patterns read it as s
    ("Vi tar upp frågan \u0130GEN i maj.", "bordlagt"),         # dotted capital I: lower() gives two characters
    ("Gruppen \u212aOMMER FRAM TILL ATT vänta.", "beslut"),      # Kelvin sign for K
    ("Elin får i UPPDRAG att boka lokal.", "uppdrag"),
])
def test_findings_in_any_case_and_with_unusual_letters(sentence, kind):
    facts = enrich(render_markdown(f"## 1. Punkt\n\nInget här.\n\n{sentence}\n"), ())
    assert [(f.kind, f.text) for f in facts.findings] == [(kind, sentence)]


def test_only_the_sentences_that_say_it_are_findings():
    # A line break in a paragraph ends a sentence too.
    facts = enrich(render_markdown("## 1. Punkt\n\nInget här. Men mötet beslutar att köpa fika. Sedan lunch.\n"
                                   "Frågan om\n*bordläggning* bordläggs. Slut.\n\n"
                                   "- Kipa får i uppdrag att ringa.\n- Ingen uppgift.\n"), ())
    assert [(f.kind, f.text, f.subject) for f in facts.findings] == [
        ("beslut", "Men mötet beslutar att köpa fika.", ""),
        ("bordlagt", "bordläggning bordläggs.", "Bordläggning"),
        ("uppdrag", "Kipa får i uppdrag att ringa.", "")]


def test_the_quick_word_check_never_hides_a_finding(tmp_path, monkeypatch):
    """decisions._NEEDED lists by hand what each pattern needs: a pattern added without its words
    would silently never match. Over the shipped minutes and a generated corpus, findings with the
    check and without it (every text tried against every pattern) must be the same."""
    import subprocess
    import sys
    from conftest import REPO
    from generator.minutes import decisions
    from generator.content.sources import parse_front_matter
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_corpus.py"), "--n", "120",
                    "--out", str(tmp_path / "corpus")], check=True, capture_output=True)
    files = sorted((REPO / "content" / "meetings").rglob("*.md")) + \
        sorted((tmp_path / "corpus" / "content" / "meetings").rglob("*.md"))
    bodies = [parse_front_matter(path.read_text(encoding="utf-8"), path.name)[2] for path in files]
    with_check = [enrich(render_markdown(body, "", ()), ()) for body in bodies]
    monkeypatch.setattr(decisions, "_kinds_by_text", lambda texts: None)
    without = [enrich(render_markdown(body, "", ()), ()) for body in bodies]
    assert sum(len(facts.findings) for facts in with_check) > 100          # the corpus has findings
    assert [facts.findings for facts in with_check] == [facts.findings for facts in without]
    assert [facts.html for facts in with_check] == [facts.html for facts in without]


def test_facts_read_back_from_a_worker_or_the_cache_are_equal_and_share_their_texts():
    """Minutes repeat the same agenda titles and standing decisions: what is read back shares
    one copy of each text instead of holding thousands."""
    import pickle
    body = "## 1. Föregående minnesanteckningar\n\nBeslut: Minnesanteckningarna läggs till handlingarna.\n"
    first, second = (pickle.loads(pickle.dumps(enrich(render_markdown(body, "/"), ())))
                     for _ in range(2))
    original = enrich(render_markdown(body, "/"), ())
    assert first.agenda == original.agenda and first.findings == original.findings
    assert first.agenda[0].title == "Föregående minnesanteckningar"
    assert first.agenda[0].title is second.agenda[0].title
    assert first.findings[0].text is second.findings[0].text
