"""The minutes' HTML tree: the quick reader gives exactly HTMLParser's tree, and back to HTML."""
from __future__ import annotations

import pytest

from generator.text import htmltree
from generator.minutes.markup import render_markdown


def shape(element) -> tuple:
    return (element.tag, dict(element.attrib), element.text, element.tail, [shape(child) for child in element])


FRAGMENTS = [
    "",
    "just text & more",
    "<p>one</p>\n<p>two <em>three</em> four</p>",
    '<h2 id="1-valkommen">1. Välkommen</h2>\n<ol start="3">\n<li>a</li>\n<li>b<br>c</li>\n</ol>',
    '<p class="x" title="a &amp; b &lt;c&gt; &quot;d&quot;">R&amp;D &lt;b&gt; &#8490; &nbsp;</p>',
    "<P CLASS=Big>Upper case</P>",                       # names in lower case, unquoted value
    "<p title='single \"quoted\"'>x</p>",
    '<p hidden class = "spaced">x</p>',                     # attribute without value, spaces round "="
    "<br/><br /><p/>after a self-closed p",                 # "/>" never opens an element
    "<p>stray</b> end tag</p></div>tail",
    "<ul><li>unclosed<li>second</ul>",
    '<p title="a > b">angle in a value</p>',
    '<table><tr><td colspan="2" align="left">x</td></tr></table>',
    # Left to HTMLParser: a bare "<", comments, raw-text elements, odd attribute syntax.
    "<p>a < b</p>",
    "<p>x<!-- note --> y</p>",
    "<!DOCTYPE html><p>x</p>",
    "<p>x<script>if (a<b) {}</script>y</p>",
    "<a href=foo/>text</a>",
    '<p a="1"b="2">x</p>',
    "<my-tag>x</my-tag>",
    "<p>x</ p>",
    "<p>ends in <",
]


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_the_quick_reader_builds_the_tree_htmlparser_builds(fragment):
    assert shape(htmltree.parse(fragment)) == shape(htmltree._parse_slowly(fragment))


def test_rendered_minutes_read_the_same_both_ways(monkeypatch):
    body = ("## 1. Öppnande\n\nMötet öppnas av *Anna* & **Bo**. Se [sidan](/projekt/mia/ \"MIA\").\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n- en\n- två\n\n    kod <b>\n\nText med `kod` och <br> radbrytning.\n")
    html = render_markdown(body)
    slow = shape(htmltree._parse_slowly(html))
    monkeypatch.setattr(htmltree, "_parse_slowly", lambda fragment: pytest.fail("sanitised HTML took the slow path"))
    assert shape(htmltree.parse(html)) == slow


def test_serialize_writes_what_it_read():
    html = ('<h2 id="punkt-1">1. A &amp; B</h2>\n<p class="decision">x &lt; y &gt; z "q" \'s\'</p>'
            '<p><img alt="a &quot;b&quot; &amp; c&#x27;" src="/x.png">tail</p>')
    assert htmltree.serialize(htmltree.parse(html)) == html


def test_serialize_escapes_text_and_attribute_values():
    root = htmltree.parse("<p>x</p>")
    root[0].text = "a & b < c > d \"e\" 'f'"
    root[0].set("title", "a & b < c > d \"e\" 'f'")
    assert htmltree.serialize(root) == (
        '<p title="a &amp; b &lt; c &gt; d &quot;e&quot; &#x27;f&#x27;">a &amp; b &lt; c &gt; d "e" \'f\'</p>')
