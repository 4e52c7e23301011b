"""Markdown → safe HTML: cmark-gfm (CommonMark with tables and footnotes), then nh3 sanitising.

`render_markdown` is a pure function of its arguments, so its result can be cached by the
hash of the inputs and computed in a worker process.

The engine is GitHub's cmark-gfm through cmarkgfm: about 0.15 ms per minutes body where
Python-Markdown took about 9 ms (benchmarks/markdown-engines.md). Two things Python-Markdown's
extensions did are done here on cmark's output, so pages and their anchors stay as they were:
headings get ids from slugs.slugify (repeats numbered "_1", "_2" as the toc extension did),
and footnotes get the ids, classes and Swedish back-links Python-Markdown gave them.
Both rewrite only the fixed markup cmark's renderer writes; nh3 runs last on everything.
"""
from __future__ import annotations

import html as htmllib
import re
from functools import lru_cache
from urllib.parse import unquote

import nh3
from cmarkgfm import cmark
from cmarkgfm.cmark import Options

from generator.text.slugs import slugify, unique_id

# CMARK_OPT_UNSAFE: raw HTML reaches nh3, which decides what stays (as with Python-Markdown).
# TABLE_PREFER_STYLE_ATTRIBUTES: column alignment as style=, which nh3 drops, as it dropped
# Python-Markdown's (the obsolete align= would fail HTML validation).
# No "autolink" (a bare www.… never became a link) and no "strikethrough" (a single ~ would
# strike text, and Python-Markdown had none).
CMARK_OPTIONS = (Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
                 | Options.CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES)
CMARK_EXTENSIONS = ["table"]
BACKLINK_TITLE = "Tillbaka till texten, fotnot {number}"
# The settings that change the HTML: part of the build cache key.
MARKUP_VERSION = "4"   # 4: minutes' headings one level down, no skipped levels
# The level of a minutes body's "##": under the meeting page's h2 "Minnesanteckningar".
MINUTES_TOP_HEADING = 3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type"},
    "time": {"datetime"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# cmark's renderer writes headings as <hN> without attributes (no sourcepos option).
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
# Python-Markdown's attr_list on a heading: "## Rubrik {#id .class key=value}", also "{: …}".
_ATTR_LIST = re.compile(r"[ ]+\{:?([^}\n]*)\}[ ]*$")
_ATTR_TOKEN = re.compile(r"""(?P<key>[^\s=]+)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>\S+))|(?P<word>\S+)""")
_ATTR_NAME = re.compile(r"^[A-Za-z][\w:-]*$")
_TAG = re.compile(r"<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
# cmark-gfm's footnote markup: a reference, the closing list, one item's start, a back-link.
_FN_REF_SUP = re.compile(r'<sup class="footnote-ref"><a href="#fn-[^"]*" id="fnref-[^"]*" data-footnote-ref>\d+</a></sup>')
_FN_REF = re.compile(r'<sup class="footnote-ref"><a href="#fn-(?P<label>[^"]*)" id="fnref-(?P<id>[^"]*)" '
                     r'data-footnote-ref>(?P<number>\d+)</a></sup>')
_FN_SECTION = re.compile(r'<section class="footnotes" data-footnotes>\n<ol>\n(?P<items>.*)</ol>\n</section>\n?\Z', re.S)
_FN_ITEM = re.compile(r'<li id="fn-(?P<label>[^"]*)">')
_FN_BACKREF = re.compile(r' ?<a href="#fnref-(?P<id>[^"]*)" class="footnote-backref" data-footnote-backref '
                         r'data-footnote-backref-idx="(?P<number>\d+)[^"]*" aria-label="[^"]*">'
                         r'↩(?:<sup class="footnote-ref">\d+</sup>)?</a>')


def _cmark(text: str) -> str:
    """cmark-gfm's HTML for `text`, through cmarkgfm's public API.

    That call frees neither its parse tree nor its HTML buffer (about 47 KB a minutes body; the
    leak is cmarkgfm's, reported upstream). It is contained in the open rather than by freeing
    C memory behind cmarkgfm's back: a build converts its bodies in worker processes that are
    replaced after a bounded number of bodies (see pipeline.bodies and parallel.each), so a
    worker's leak is bounded, and the few bodies converted in the main process leak little."""
    return cmark.markdown_to_html_with_extensions(text, CMARK_OPTIONS, CMARK_EXTENSIONS)


def _label(raw: str) -> str:
    """A footnote label as the author wrote it, from cmark's escaped and percent-encoded form."""
    return htmllib.escape(unquote(htmllib.unescape(raw)))


def _repeat(label: str, id_rest: str) -> str:
    """'' for the first reference to a footnote, '2', '3', … for the later ones (cmark: fnref-x-2)."""
    suffix = id_rest[len(label):] if id_rest.startswith(label) else ""
    return suffix[1:] if suffix[:1] == "-" and suffix[1:].isdigit() else ""


def _attributes(inner: str) -> tuple[str, dict[str, str]]:
    """A heading's inner HTML without a trailing attribute list, and that list's attributes:
    "Beslut {#beslut-mia .viktigt}" → ("Beslut", {"id": "beslut-mia", "class": "viktigt"}), as
    Python-Markdown's attr_list read it. nh3 later keeps only the attributes it allows."""
    found = _ATTR_LIST.search(inner) if "{" in inner else None
    if not found:
        return inner, {}
    attributes: dict[str, str] = {}
    for token in _ATTR_TOKEN.finditer(htmllib.unescape(found.group(1))):
        word, key = token.group("word"), token.group("key")
        if word and word.startswith("#") and len(word) > 1:
            attributes["id"] = word[1:]
        elif word and word.startswith(".") and len(word) > 1:
            attributes["class"] = f'{attributes.get("class", "")} {word[1:]}'.strip()
        elif key and _ATTR_NAME.match(key):
            attributes[key.lower()] = next(v for v in token.group("dq", "sq", "bare") if v is not None)
    return inner[:found.start()], attributes


@lru_cache(maxsize=8192)  # the same agenda headings recur in every meeting
def _heading_slug(inner: str) -> str:
    """The slug of a heading's inner HTML: its text without tags and footnote marks."""
    text = _TAG.sub("", _FN_REF_SUP.sub("", inner)) if "<" in inner else inner
    return slugify(htmllib.unescape(text))


def heading_level(written: int, top: int, previous: int) -> int:
    """The level a body heading gets on its page. A body's "##" is its top level and lands at `top`
    (2 on most pages; 3 in minutes, whose text sits under the page's own "Minnesanteckningar"), and
    "#" counts as "##" (the page title is the only h1). A level may go down by one at a time, never
    past h6: a heading that would skip a level ("##" then "####") is raised to the next one, so the
    page's outline stays a tree. `previous`: the level of the heading before (top - 1 for the first)."""
    return min(max(written, 2) + top - 2, previous + 1, 6)


def _headings(markup: str, top: int = 2) -> str:
    """Ids on every heading: the one an attribute list gives ("## Beslut {#beslut-mia}"), else one
    from the heading's text without footnote marks, unique within the body; levels as
    heading_level() places them. The ids come from the text alone, so a heading's anchor is the
    same whatever level it is shown at."""
    headings = [(match, *_attributes(match.group(2))) for match in _HEADING.finditer(markup)]
    if not headings:
        return markup
    used = {attributes["id"] for _match, _inner, attributes in headings if "id" in attributes}
    parts, position = [], 0
    previous = top - 1
    for match, inner, attributes in headings:
        if "id" not in attributes:
            attributes = {"id": unique_id(_heading_slug(inner), used), **attributes}
        previous = heading_level(int(match.group(1)), top, previous)
        level = str(previous)
        attrs = "".join(f' {key}="{htmllib.escape(value)}"' for key, value in attributes.items())
        parts += [markup[position:match.start()], f"<h{level}{attrs}>{inner}</h{level}>"]
        position = match.end()
    parts.append(markup[position:])
    return "".join(parts)


def _footnotes(markup: str) -> str:
    """cmark-gfm's footnote markup in the form Python-Markdown wrote: references
    <sup id="fnref:x"><a class="footnote-ref" href="#fn:x">1</a></sup> (later ones fnref2:x, …),
    and at the end <div class="footnote"><hr><ol><li id="fn:x"> with back-links titled in Swedish."""
    if 'data-footnote-ref' not in markup:
        return markup

    def reference(match: re.Match) -> str:
        label = _label(match.group("label"))
        repeat = _repeat(match.group("label"), match.group("id"))
        return (f'<sup id="fnref{repeat}:{label}"><a class="footnote-ref" href="#fn:{label}">'
                f'{match.group("number")}</a></sup>')

    def section(match: re.Match) -> str:
        items = match.group("items")
        starts = [m for m in _FN_ITEM.finditer(items)]
        parts = [items[:starts[0].start()] if starts else items]
        for index, start in enumerate(starts):
            end = starts[index + 1].start() if index + 1 < len(starts) else len(items)
            raw = start.group("label")
            label = _label(raw)
            first = True

            def backref(link: re.Match) -> str:
                nonlocal first
                lead = "&#160;" if first else ""
                first = False
                repeat = _repeat(raw, link.group("id"))
                title = BACKLINK_TITLE.format(number=link.group("number"))
                return (f'{lead}<a class="footnote-backref" href="#fnref{repeat}:{label}" '
                        f'title="{title}">&#8617;</a>')

            parts.append(f'<li id="fn:{label}">' + _FN_BACKREF.sub(backref, items[start.end():end]))
        return '<div class="footnote">\n<hr>\n<ol>\n' + "".join(parts) + "</ol>\n</div>\n"

    return _FN_SECTION.sub(section, _FN_REF.sub(reference, markup))


def render_markdown(text: str, base_path: str = "", redact: tuple[tuple[str, str], ...] = (),
                    top: int = 2) -> str:
    """Convert Markdown to sanitised HTML.

    base_path: prefix for site-internal links written as '/moten/…' in content.
    redact: (name, replacement) pairs applied to the text before conversion, for minutes whose
    federation does not publish personal names.
    top: the heading level the body's "##" becomes (see heading_level).
    """
    for name, replacement in redact:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", replacement, text)
    markup = _footnotes(_headings(_cmark(text), top))

    def prefix_internal(element: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src") and base_path and value.startswith("/") and not value.startswith("//"):
            return base_path + value
        return value

    return nh3.clean(markup, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     clean_content_tags={"script", "style"}, url_schemes=URL_SCHEMES,
                     attribute_filter=prefix_internal, link_rel=None)


@lru_cache(maxsize=256)   # an event's occurrences and a meeting's Atom entries ask again; bounded,
def plain_text(html: str) -> str:   # since it holds the HTML it was asked for
    """Visible text of an HTML fragment, whitespace collapsed (for descriptions and feeds)."""
    text = nh3.clean(html, tags=set())
    text = (text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", '"').replace("&#39;", "'"))
    return re.sub(r"\s+", " ", text).strip()


# Characters of HTML read for a summary first; most bodies' first `limit` characters of text lie
# well within it. What a cut HTML leaves over (half a tag or entity) only ends its text, so more
# than SUMMARY_SLACK characters of text beyond `limit` show that the start is the whole body's.
SUMMARY_HTML_PER_CHAR = 3
SUMMARY_SLACK = 16


def summary(html: str, limit: int = 160) -> str:
    """The start of the body's text, cut at a word before `limit` characters ("…" when cut).

    A feed has thousands of these, and the whole text of a long body costs about 0.7 ms, so the
    text of the body's start is tried first."""
    head = html[: limit * SUMMARY_HTML_PER_CHAR]
    text = plain_text(head) if len(head) < len(html) else ""
    if len(text) <= limit + SUMMARY_SLACK:
        text = plain_text(html)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + " …"
