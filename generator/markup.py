"""Markdown → safe HTML: Python-Markdown with the constructs minutes use, then nh3 sanitising.

`render_markdown` is a pure function of its arguments, so its result can be cached by the
hash of the inputs and computed in a worker process.
"""
from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

from .slugs import slugify

# No "smarty": typographic quotes doubled the conversion time of a page (measured in benchmarks/).
EXTENSIONS = ["extra", "sane_lists", "toc"]
EXTENSION_CONFIGS = {
    "toc": {"slugify": lambda value, separator: slugify(value), "permalink": False},
    "footnotes": {"BACKLINK_TITLE": "Tillbaka till texten, fotnot %d"},
}
# The settings that change the HTML: part of the build cache key.
MARKUP_VERSION = "2"

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


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS,
                             output_format="html")


def _heading_shift(html: str) -> str:
    """Body headings start at h2: the page title is the only h1."""
    return re.sub(r"<(/?)h1([ >])", r"<\1h2\2", html)


def render_markdown(text: str, base_path: str = "", redact: tuple[tuple[str, str], ...] = ()) -> str:
    """Convert Markdown to sanitised HTML.

    base_path: prefix for site-internal links written as '/moten/…' in content.
    redact: (name, replacement) pairs applied to the text before conversion, for minutes whose
    federation does not publish personal names.
    """
    for name, replacement in redact:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", replacement, text)
    converter = _converter()
    converter.reset()
    html = _heading_shift(converter.convert(text))

    def prefix_internal(element: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src") and base_path and value.startswith("/") and not value.startswith("//"):
            return base_path + value
        return value

    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     clean_content_tags={"script", "style"}, url_schemes=URL_SCHEMES,
                     attribute_filter=prefix_internal, link_rel=None)


@lru_cache(maxsize=4096)  # feeds, Atom and descriptions all ask for the same bodies' text
def plain_text(html: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed (for descriptions and feeds)."""
    text = nh3.clean(html, tags=set())
    text = (text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", '"').replace("&#39;", "'"))
    return re.sub(r"\s+", " ", text).strip()


def summary(html: str, limit: int = 160) -> str:
    text = plain_text(html)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + " …"
