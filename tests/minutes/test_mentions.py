"""Mentions: projects and federations named in minutes link to their pages and list where they are named."""
from __future__ import annotations

import pickle
import re

import pytest

from generator.minutes import mentions
from generator.minutes.markup import render_markdown
from generator.minutes.mentions import MentionName
from generator.minutes.facts import enrich

from conftest import FEDERATIONS, PROJECTS, SiteTree, text_of

MORE = {
    "projects/cresco-creare.md": """\
        ---
        name: Cresco Creare
        aliases: [Cresco Create]
        status: avslutat
        ---
        """,
    "projects/stoppa-valdet.md": """\
        ---
        name: Stoppa våldet
        status: avslutat
        ---
        """,
    "federations/stockholm-stad.md": """\
        ---
        name: Samordningsförbundet Stockholms stad
        short_name: Stockholm stad
        aliases: [Stockholm]
        ---
        """,
}


def meeting(date: str, body: str, extra: str = "", title: str = "Förbundschefsmöte") -> str:
    return (f"---\nuid: m-{date}\ntitle: {title} {date}\ntype: förbundschefsmöte\ndate: {date}\n{extra}---\n"
            + body)


def minutes_of(doc):
    return doc.find(".//section[@class='minutes-body']")


def mentions_by_item(doc) -> dict[str, list[tuple[str, str]]]:
    """(href, text) of the mention links in each agenda item, keyed by the item's anchor."""
    found: dict[str, list[tuple[str, str]]] = {}
    current = "före"
    for element in minutes_of(doc).iter():
        if isinstance(element.tag, str) and (element.get("id") or "").startswith("punkt-"):
            current = element.get("id")
        if element.tag == "a" and "mention" in (element.get("class") or "").split():
            found.setdefault(current, []).append((element.get("href"), text_of(element)))
    return found


def make_site(tmp_path, meetings: dict[str, str]) -> SiteTree:
    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add(MORE).add(meetings)
    tree.build()
    return tree


def test_inflected_mentions_link_on_first_mention_in_each_item(tmp_path):
    body = ("## 1. Inledning\n\nMIA-projektet har startat. MIAs styrgrupp ses i maj och MIA:s rapport kommer.\n\n"
            "Roslagens förbundschef berättar om SF Roslagen.\n\n"
            "## 2. Skaraborg\n\nCresco Creares samarbete med vården. Cresco Create nämns också. Även MIA.\n")
    tree = make_site(tmp_path, {"meetings/2021-11-17-fc.md": meeting("2021-11-17", body)})
    links = mentions_by_item(tree.html("moten/2021-11-17-fc/"))
    assert links["punkt-1"] == [("/projekt/mia/", "MIA-projektet"), ("/forbund/roslagen/", "Roslagens")]
    assert links["punkt-2"] == [("/projekt/cresco-creare/", "Cresco Creares"), ("/projekt/mia/", "MIA")]


def test_nothing_inside_links_headings_or_code_is_touched(tmp_path):
    body = ("## 3. MIA och Roslagen\n\n"
            "Se [sidan om MIA](https://example.org/mia) och `MIA` i koden.\n\n"
            "```\nRoslagen MIA\n```\n\n"
            "> Citat om Roslagen.\n\n"
            "Nu om MIA.\n")
    tree = make_site(tmp_path, {"meetings/2021-11-17-fc.md": meeting("2021-11-17", body)})
    body_el = minutes_of(tree.html("moten/2021-11-17-fc/"))
    heading = body_el.find(".//h3[@id='punkt-3']")
    assert text_of(heading) == "3. MIA och Roslagen"
    assert [a.get("class") for a in heading.iter("a")] == ["permalink"]
    external = [a for a in body_el.iter("a") if a.get("href") == "https://example.org/mia"]
    assert len(external) == 1 and text_of(external[0]) == "sidan om MIA" and len(external[0]) == 0
    assert [text_of(c) for c in body_el.iter("code")] == ["MIA", "Roslagen MIA"]
    assert all(len(code) == 0 for code in body_el.iter("code"))
    assert body_el.find(".//pre//a") is None
    # Only text outside those places is linked: the quote and the last paragraph.
    assert mentions_by_item(tree.html("moten/2021-11-17-fc/"))["punkt-3"] == [
        ("/forbund/roslagen/", "Roslagen"), ("/projekt/mia/", "MIA")]


def test_names_need_their_case_and_places_are_not_federations(tmp_path):
    body = ("## 1. Övrigt\n\nMia och Sundbyberg. Vi vill stoppa våldet. Stockholms län och Region Stockholm.\n\n"
            "Projektet Stoppa våldet fortsätter, och Stockholms stad ser fram emot det. SUNDBYBERGS ordförande.\n")
    tree = make_site(tmp_path, {"meetings/2021-11-17-fc.md": meeting("2021-11-17", body)})
    links = mentions_by_item(tree.html("moten/2021-11-17-fc/"))["punkt-1"]
    assert links == [("/forbund/sundbyberg/", "Sundbyberg"), ("/projekt/stoppa-valdet/", "Stoppa våldet"),
                     ("/forbund/stockholm-stad/", "Stockholms stad")]


def test_project_and_federation_pages_list_mentions_newest_first(tmp_path):
    older = meeting("2021-11-17", "## 1. Inledning\n\nInget.\n\n## 2. ESF\n\nMIA-projektet växer.\n")
    newer = meeting("2022-01-20", "## 1. Inledning\n\nSundbybergs förbundschef och MIAs styrgrupp.\n\n"
                                  "## 4. Rapporter\n\nMIA igen.\n")
    front_matter_only = meeting("2021-12-01", "Ingen text om projektet.\n", extra="projects: [mia]\n",
                                title="Styrelsemöte")
    tree = make_site(tmp_path, {"meetings/2021-11-17-fc.md": older, "meetings/2022-01-20-fc.md": newer,
                                "meetings/2021-12-01-styrelse.md": front_matter_only})
    section = tree.html("projekt/mia/").find(".//section[@class='mentioned-in']")
    assert text_of(section.find("h2")) == "Omnämnd i"
    meetings = [li.find("a").get("href") for li in section.findall("ul/li")]
    assert meetings == ["/moten/2022-01-20-fc/", "/moten/2021-12-01-styrelse/", "/moten/2021-11-17-fc/"]
    items = [[a.get("href") for a in li.findall("ul/li/a")] for li in section.findall("ul/li")]
    assert items == [["/moten/2022-01-20-fc/#punkt-1", "/moten/2022-01-20-fc/#punkt-4"], [],
                     ["/moten/2021-11-17-fc/#punkt-2"]]
    assert text_of(section.find("ul/li/ul/li/a")) == "Punkt 1: Inledning"

    fed = tree.html("forbund/sundbyberg/").find(".//section[@class='mentioned-in']")
    assert [li.find("a").get("href") for li in fed.findall("ul/li")] == ["/moten/2022-01-20-fc/"]
    roslagen = tree.html("forbund/roslagen/").find(".//section[@class='mentioned-in']")
    assert roslagen.find("ul") is None and "nämns inte" in text_of(roslagen)


NAMES = (MentionName("projekt:mia", "/projekt/mia/", ("MIA", "MIA-projektet")),
         MentionName("forbund:roslagen", "/forbund/roslagen/", ("Samordningsförbundet Roslagen", "Roslagen")))


def test_enrich_is_a_pure_function_whose_result_can_go_to_a_worker_process():
    html = render_markdown("## 1. Start\n\nMIAs rapport och Samordningsförbundet Roslagens plan. Beslut: Klart.\n")
    first, second = enrich(html, NAMES), enrich(html, NAMES)
    assert first == second
    assert pickle.loads(pickle.dumps(first)) == first
    assert dict(first.mentions) == {"forbund:roslagen": (0,), "projekt:mia": (0,)}
    assert "Samordningsförbundet Roslagens</a>" in first.html  # the longest name wins


def test_minutes_without_items_or_names_keep_their_html_byte_for_byte():
    html = render_markdown("Inledning & välkommen <ok>.\n\n- Roslagen\n- A < B\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                           "Rad ett  \nrad två med `kod <b>` och ![bild](x.png)\n")
    assert enrich(html, ()).html == html
    changed = enrich(html, NAMES).html
    assert changed != html and changed.count('class="mention"') == 1


# ---------- finding names quickly gives what the one big pattern gives ----------

QUICK_NAMES = (
    MentionName("projekt:mia", "/projekt/mia/", ("MIA", "MIA-projektet", "MIA Vidare")),
    MentionName("projekt:insatskatalogen", "/projekt/insatskatalogen/", ("Insatskatalogen",)),
    MentionName("projekt:vi-fragar", "/projekt/vi-fragar/", ("Vi frågar om våld",)),
    MentionName("projekt:kick-off", "/projekt/kick-off/", ("Kick Off",)),
    MentionName("projekt:paren", "/projekt/paren/", ("(Paren)",)),
    MentionName("forbund:skaraborg", "/forbund/skaraborg/", ("Samordningsförbundet Skaraborg", "Skaraborg")),
    MentionName("forbund:stockholm", "/forbund/stockholm/", ("Samordningsförbundet Stockholms stad", "Stockholm stad")),
)

QUICK_TEXTS = [
    "",
    "MIA",
    "MIAs rapport, MIA:s plan och MIA-projektet; mia är inte MIA.",
    "Skaraborg i början, skaraborgs mitt och SKARABORG i slutet: Skaraborg",
    "Stockholms stad, Stockholm  stad, stockholm stad, Region Skaraborg, Skaraborgs län, Skaraborg kommun.",
    "xMIA MIAx -MIA MIA- 3MIA _MIA (MIA) «MIA» /MIA/ \u00a0MIA",
    "Vi frågar om våld. Vi fick svar. Vis frågar om våld? vi frågar om våld",
    "Kick off, Kick Off, KICK OFF, \u212aick Off",                  # Kelvin sign: not a capital K
    "insats\u212aatalogen och \u017fkaraborg",                       # Kelvin sign and long s match k and s in any case
    "(Paren) och ((Paren)) och x(Paren)",                          # a name that starts with a non-word character
    "Samordningsförbundet Skaraborg och Samordningsförbundets Skaraborg",
]


@pytest.mark.parametrize("text", QUICK_TEXTS)
def test_quick_scan_finds_exactly_what_the_whole_pattern_finds(text):
    matcher = mentions._matcher(QUICK_NAMES)
    groups = "|".join(f"(?P<{group}>{pattern})" for group, pattern, _ in matcher.alternatives)
    whole = re.compile(rf"(?<![\w-])(?:{groups}){mentions._SUFFIX}(?![\w-])")
    matcher.learn(text)
    assert [(m.span(), m.lastgroup) for m in matcher.matches(text)] == [
        (m.span(), m.lastgroup) for m in whole.finditer(text)]


def test_unusual_letters_are_learnt_as_they_come():
    names = (MentionName("forbund:skaraborg", "/forbund/skaraborg/", ("Skaraborg",)),)
    assert [span[:2] for span in mentions.find_mentions("Se Skaraborg.", names)] == [(3, 12)]
    assert [span[:2] for span in mentions.find_mentions("Se \u017fkaraborg.", names)] == [(3, 12)]


def test_a_name_split_by_markup_inside_an_authors_link_still_counts(tmp_path):
    html = render_markdown("## 1. Start\n\nSe [M*IA*](/projekt/mia/) och sedan MIA igen.\n")
    facts = enrich(html, NAMES)
    assert dict(facts.mentions) == {"projekt:mia": (0,)}
    assert 'class="mention"' not in facts.html       # the author's link is this item's link to MIA


def test_a_link_in_a_later_text_stays_where_its_name_was_written():
    # A link made in the element's own text used to shift where the links of later tails went:
    # "HBS" ended up after "y z".
    names = (*NAMES, MentionName("forbund:hbs", "/forbund/hbs/", ("HBS",)))
    html = enrich("<p>MIA <em>x</em> HBS <em>y</em> z</p>", names).html
    assert html == ('<p><a class="mention" href="/projekt/mia/">MIA</a> <em>x</em> '
                    '<a class="mention" href="/forbund/hbs/">HBS</a> <em>y</em> z</p>')
