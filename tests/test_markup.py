"""Markdown with the constructs minutes use, and raw HTML made safe."""
from __future__ import annotations

import html5lib

from generator.markup import plain_text, render_markdown


def parse(html: str):
    return html5lib.parse(f"<div>{html}</div>", treebuilder="lxml", namespaceHTMLElements=False)


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


def test_internal_links_get_the_base_path():
    html = render_markdown("[a](/moten/x/) [b](https://example.se/) [c](#punkt)", base_path="/sub")
    hrefs = [a.get("href") for a in parse(html).findall(".//a")]
    assert hrefs == ["/sub/moten/x/", "https://example.se/", "#punkt"]


def test_redaction_replaces_whole_names_only():
    html = render_markdown("Anna och Annika talade. Annas förslag.", redact=(("Anna", "förbundschef"),))
    assert plain_text(html) == "förbundschef och Annika talade. Annas förslag."
