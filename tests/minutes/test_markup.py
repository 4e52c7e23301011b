"""Markdown with the constructs minutes and the authoring guide use, and raw HTML made safe."""
from __future__ import annotations

import textwrap

import html5lib
import pytest

from generator.minutes import markup
from generator.minutes.markup import plain_text, render_markdown, summary
from generator.text.slugs import unique_id


def parse(html: str):
    """The fragment inside a wrapper <div>, parsed as a browser would."""
    return html5lib.parse(f"<div>{html}</div>", treebuilder="lxml", namespaceHTMLElements=False).find(".//body/div")


def render(text: str, **kwargs):
    return parse(render_markdown(textwrap.dedent(text), **kwargs))


def texts(elements) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in elements]


def test_minutes_constructs_survive():
    html = render_markdown(
        "# Rubrik\n\n1. Första\n    - nästlad\n2. Andra\n\n**fet** och [länk](https://example.se)\n\n"
        "| a | b |\n| - | - |\n| 1 | 2 |\n\nText[^n]\n\n[^n]: Fotnot\n")
    doc = parse(html)
    assert doc.find(".//h2") is not None and doc.find(".//h1") is None   # the page owns the only h1
    assert doc.find(".//ol/li/ul/li") is not None                        # nested list
    assert doc.find(".//strong").text == "fet"
    assert doc.find(".//a[@href='https://example.se']") is not None
    assert doc.find(".//table/tbody/tr/td") is not None
    assert doc.find(".//sup//a") is not None                             # footnote reference


def test_pipe_table_has_header_and_body_cells():
    doc = render("""\
        | Förbund | Budget 2016 (tkr) | Deltagare |
        | --- | ---: | :-: |
        | Östra Södertörn | 27 700 | 330 |
        | SUVS | 29 000 | 168 |
        """)
    assert texts(doc.findall(".//table/thead/tr/th")) == ["Förbund", "Budget 2016 (tkr)", "Deltagare"]
    assert [texts(tr.findall("td")) for tr in doc.findall(".//table/tbody/tr")] == [
        ["Östra Södertörn", "27 700", "330"], ["SUVS", "29 000", "168"]]
    # Alignment was dropped before (style is not allowed) and still is: no obsolete align=.
    assert not [c for c in doc.iter("td", "th") if c.get("align") or c.get("style")]


def test_footnotes_keep_the_ids_classes_and_swedish_back_links_pages_use():
    doc = render("""\
        Se not.[^1] Och en till[^b] och samma igen[^1].

        [^1]: En fotnot.
        [^b]: Andra noten.
        """)
    refs = doc.findall(".//p/sup")
    assert [(s.get("id"), s.find("a").get("class"), s.find("a").get("href"), s.find("a").text) for s in refs] == [
        ("fnref:1", "footnote-ref", "#fn:1", "1"), ("fnref:b", "footnote-ref", "#fn:b", "2"),
        ("fnref2:1", "footnote-ref", "#fn:1", "1")]
    notes = doc.find(".//div[@class='footnote']")
    assert notes.find("hr") is not None
    items = notes.findall("ol/li")
    assert [li.get("id") for li in items] == ["fn:1", "fn:b"]
    assert "".join(items[0].find("p").itertext()) == "En fotnot.\u00a0↩↩"   # no-break space, two back-links
    back = items[0].findall(".//a[@class='footnote-backref']")
    assert [(a.get("href"), a.get("title")) for a in back] == [
        ("#fnref:1", "Tillbaka till texten, fotnot 1"), ("#fnref2:1", "Tillbaka till texten, fotnot 1")]
    # Every footnote link leads to an id on the page.
    ids = {e.get("id") for e in doc.iter() if e.get("id")}
    assert {a.get("href")[1:] for a in doc.iter("a") if a.get("href", "").startswith("#")} <= ids


def test_a_footnote_whose_label_looks_like_a_repeat_keeps_its_own_ids():
    doc = render("A[^x-2] B[^x] C[^x]\n\n[^x-2]: två\n[^x]: ett\n")
    assert [s.get("id") for s in doc.findall(".//p/sup")] == ["fnref:x-2", "fnref:x", "fnref2:x"]
    ids = [e.get("id") for e in doc.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("indent", [2, 4])
def test_bullets_nest_under_bullets_at_two_or_four_spaces(indent):
    pad = " " * indent
    doc = render(f"- Input från gruppen\n{pad}- Lägga till frågor\n{pad}- Kontakta centrum\n- Nästa punkt\n")
    top = doc.find("ul")
    assert texts(top.findall("li/ul/li")) == ["Lägga till frågor", "Kontakta centrum"]
    assert len(top.findall("li")) == 2


@pytest.mark.parametrize("indent", [3, 4])
def test_lists_nest_under_numbered_items_at_three_or_four_spaces(indent):
    pad = " " * indent
    doc = render(f"1. Mötets öppnande\n{pad}- Kipa hälsar välkommen\n2. Incheckning\n{pad}1. Runda\n{pad}2. Frågor\n")
    top = doc.find("ol")
    assert texts(top.findall("li/ul/li")) == ["Kipa hälsar välkommen"]
    assert texts(top.findall("li/ol/li")) == ["Runda", "Frågor"]
    assert len(top.findall("li")) == 2


def test_numbered_list_starting_at_n_keeps_its_number():
    doc = render("3. Uppföljning\n4. Kommunikation\n")
    assert doc.find("ol").get("start") == "3"
    assert texts(doc.findall("ol/li")) == ["Uppföljning", "Kommunikation"]


def test_a_list_right_under_a_line_of_text_is_a_list():
    doc = render("Att ta med till nästa möte:\n- Uppföljning\n- Kompetensutveckling\n")
    assert texts(doc.findall("p")) == ["Att ta med till nästa möte:"]
    assert texts(doc.findall("ul/li")) == ["Uppföljning", "Kompetensutveckling"]


def test_headings_get_ids_from_slugify_and_h1_becomes_h2():
    doc = render("""\
        # Minnesanteckningar

        ## 3. Uppföljning och utvärdering

        ### Jämlikhetsdata /Johanna (se bifogade bilder)

        ## **6. Rapporter** & <em>mer</em>
        """)
    assert doc.find(".//h1") is None
    assert [(h.tag, h.get("id")) for h in doc.iter("h2", "h3")] == [
        ("h2", "minnesanteckningar"), ("h2", "3-uppfoljning-och-utvardering"),
        ("h3", "jamlikhetsdata-johanna-se-bifogade-bilder"), ("h2", "6-rapporter-mer")]
    assert texts(doc.findall("h2"))[1] == "3. Uppföljning och utvärdering"   # text exactly as written
    assert doc.find("h2/strong").text == "6. Rapporter"


def outline(doc) -> list[tuple[str, str]]:
    return [(h.tag, h.get("id")) for h in doc.iter("h2", "h3", "h4", "h5", "h6")]


def test_minutes_headings_sit_one_level_down_with_the_same_anchors():
    text = "## 1. Öppnande\n\n### Bakgrund\n\n## 2. MIA\n\n#### Detalj\n"
    page = outline(render(text))
    minutes = outline(render(text, top=markup.MINUTES_TOP_HEADING))
    assert [tag for tag, _ in page] == ["h2", "h3", "h2", "h3"]       # "####" after "##": no skipped level
    assert [tag for tag, _ in minutes] == ["h3", "h4", "h3", "h4"]
    assert [anchor for _, anchor in minutes] == [anchor for _, anchor in page] == [
        "1-oppnande", "bakgrund", "2-mia", "detalj"]


def test_a_heading_never_skips_a_level_nor_passes_h6():
    doc = render("### Först en trea\n\n###### Djupt\n\n## Två\n\n### Tre\n\n#### Fyra\n\n##### Fem\n\n###### Sex\n",
                 top=3)
    assert [tag for tag, _ in outline(doc)] == ["h3", "h4", "h3", "h4", "h5", "h6", "h6"]


def test_repeated_headings_are_numbered_as_before():
    doc = render("## Övrigt\n\n## Övrigt\n\n## Övrigt\n\n## \n")
    assert [h.get("id") for h in doc.iter("h2")] == ["ovrigt", "ovrigt_1", "ovrigt_2", "_1"]


def test_footnote_marks_do_not_enter_a_heading_id():
    doc = render("## Budget[^1]\n\n[^1]: Preliminär.\n")
    assert doc.find("h2").get("id") == "budget"


def test_heading_with_an_attribute_list_takes_its_id_and_keeps_it_from_others():
    doc = render("## Beslut\n\n### Beslut om MIA {#beslut}\n\n## Rubrik {: #egen .viktig onclick=x}\n")
    headings = list(doc.iter("h2", "h3"))
    assert [(h.get("id"), h.get("class")) for h in headings] == [
        ("beslut_1", None), ("beslut", None), ("egen", "viktig")]
    assert texts(headings) == ["Beslut", "Beslut om MIA", "Rubrik"]
    assert headings[2].get("onclick") is None


def test_unique_id_follows_the_toc_scheme():
    used: set[str] = set()
    assert [unique_id(s, used) for s in ["a", "a", "a_1", "", "a"]] == ["a", "a_1", "a_2", "_1", "a_3"]


def test_emphasis_links_and_autolinks():
    doc = render("**Beslut:** Mötet antar *planen*. Se <https://example.se/a> och www.example.se.\n")
    assert doc.find(".//strong").text == "Beslut:"
    assert doc.find(".//em").text == "planen"
    assert [a.get("href") for a in doc.iter("a")] == ["https://example.se/a"]   # a bare www. stays text


def test_bold_only_paragraph_and_labelled_lists_stay_as_written():
    # generator/agenda.py and minutes.py read these shapes: <p><strong>…</strong></p> then a list.
    doc = render("**7. Övrigt**\n\n**Beslut:**\n\n- Kipa är kontaktperson.\n")
    first = doc.find("p")
    assert len(first) == 1 and first[0].tag == "strong" and not (first.text or "").strip()
    assert doc.find("ul/li").text == "Kipa är kontaktperson."


def test_blockquote_hard_break_and_code():
    doc = render("> Nästa möte bokas till 20/1\n\nRad ett  \nrad två och `kod`\n")
    assert texts(doc.findall("blockquote/p")) == ["Nästa möte bokas till 20/1"]
    assert doc.find("p/br") is not None and doc.find("p/code").text == "kod"


def test_script_and_event_handlers_are_removed():
    html = render_markdown('Hej <script>alert(1)</script><img src="x.png" onerror="alert(2)">'
                           '<a href="javascript:alert(3)">klick</a><iframe src="https://evil"></iframe>'
                           '<p style="color:red" onclick="x()">stil</p>')
    doc = parse(html)
    assert doc.find(".//script") is None and doc.find(".//iframe") is None
    for element in doc.iter():
        assert not [a for a in element.attrib if a.startswith("on") or a == "style"]
    assert doc.find(".//a").get("href") is None
    assert "alert(1)" not in plain_text(html)


def test_markdown_links_with_unsafe_schemes_lose_their_target():
    doc = render("[klick](javascript:alert(1)) [bild](data:text/html,x)\n")
    assert [a.get("href") for a in doc.iter("a")] == [None, None]


def test_allowed_raw_html_stays():
    doc = render("Viktigt: <mark>läs</mark> före <abbr title=\"Försäkringskassan\">FK</abbr>.<br>Ny rad\n")
    assert doc.find(".//mark").text == "läs"
    assert doc.find(".//abbr").get("title") == "Försäkringskassan"
    assert doc.find(".//br") is not None


def test_internal_links_get_the_base_path():
    html = render_markdown("[a](/moten/x/) [b](https://example.se/) [c](#punkt)", base_path="/sub")
    hrefs = [a.get("href") for a in parse(html).findall(".//a")]
    assert hrefs == ["/sub/moten/x/", "https://example.se/", "#punkt"]


def test_redaction_replaces_whole_names_only():
    html = render_markdown("Anna och Annika talade. Annas förslag.", redact=(("Anna", "förbundschef"),))
    assert plain_text(html) == "förbundschef och Annika talade. Annas förslag."


def test_plain_text_and_summary():
    html = render_markdown("## 1. Öppnande\n\nKipa &amp; Elin <b>hälsar</b> välkomna. " + "Ord " * 60)
    assert plain_text(html).startswith("1. Öppnande Kipa & Elin hälsar välkomna. Ord")
    short = summary(html)
    assert short.endswith(" …") and len(short) <= 162


@pytest.mark.parametrize("limit", [40, 160, 600])
def test_summary_from_the_start_of_a_long_body_is_the_whole_bodys(limit):
    """summary() reads the start of the HTML first; it must give what the whole text gives, also
    when the start is mostly markup, or the cut falls inside a tag, an entity or a word."""
    words = " ".join(f"ord{n}&amp;text" for n in range(400))
    bodies = [
        f"<p>{words}</p>",
        "".join(f'<p><a href="/moten/x/#punkt-{n}" title="t">{n}</a></p>' for n in range(300)) + f"<p>{words}</p>",
        f"<h2 id=\"a\">Rubrik</h2><ul>{''.join(f'<li><strong>Punkt {n}</strong>, beslut.</li>' for n in range(200))}</ul>",
        "<p>" + "å" * (limit * 3 - 2) + "&nbsp;slut och mer text " * 20 + "</p>",
    ]
    for html in bodies:
        text = plain_text(html)
        expected = text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + " …"
        assert summary(html, limit) == expected
