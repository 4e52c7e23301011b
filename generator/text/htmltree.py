"""Sanitised HTML fragments as an element tree and back, with the standard library only.

The minutes post-processing (agenda anchors, mention links, decision marks) works on a tree,
never with patterns over raw tags. Input is what markup.render_markdown returns: nh3 output,
so tags are balanced and only void elements lack an end tag. Elements are
xml.etree.ElementTree elements: `.text` is the text before the first child, `.tail` the text
after an element's end tag.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element, SubElement

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ROOT = "fragment"


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element(ROOT)
        self.stack = [self.root]

    def _append_text(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data

    def handle_starttag(self, tag, attrs):
        element = SubElement(self.stack[-1], tag, {name: value or "" for name, value in attrs})
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        SubElement(self.stack[-1], tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # Balanced input: the tag is on the stack. Pop to it; ignore a stray end tag.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self._append_text(data)


def _parse_slowly(fragment: str) -> Element:
    builder = _Builder()
    builder.feed(fragment)
    builder.close()
    return builder.root


# The tags sanitised HTML is made of, in the forms HTMLParser reads the same way: a name, then
# attributes (double- or single-quoted, or an unquoted value without "/"), an optional "/" before
# ">"; or an end tag. Anything else (comments, declarations, a bare "<", odd attribute syntax)
# goes to HTMLParser itself, so both paths always give the same tree.
_WS = "[ \t\n\r\f]"
_TAG = re.compile(
    rf"<(?:(?P<open>[a-zA-Z][a-zA-Z0-9]*)"
    rf"(?P<attrs>(?:{_WS}+[a-zA-Z_:][-a-zA-Z0-9_:.]*"
    rf"(?:{_WS}*={_WS}*(?:\"[^\"]*\"|'[^']*'|[^ \t\n\r\f\"'=<>`/]+(?={_WS}|>)))?)*)"
    rf"{_WS}*(?P<close>/?)|/(?P<end>[a-zA-Z][a-zA-Z0-9]*){_WS}*)>")
_ATTR = re.compile(rf"([^ \t\n\r\f=]+)(?:{_WS}*={_WS}*(?:\"([^\"]*)\"|'([^']*)'|([^ \t\n\r\f]+)))?")
# Elements whose content HTMLParser reads as raw text (in some Python version): left to it.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                       "noscript", "plaintext"})


def _attributes(source: str) -> dict[str, str]:
    attrib: dict[str, str] = {}
    for match in _ATTR.finditer(source):
        name, double, single, bare = match.groups()
        value = double if double is not None else single if single is not None else bare
        if value and "&" in value:
            value = html.unescape(value)
        attrib[name.lower()] = value or ""
    return attrib


def parse(fragment: str) -> Element:
    """An HTML fragment as the children of one <fragment> element.

    The same tree HTMLParser builds (convert_charrefs: text and attribute values unescaped, tag
    and attribute names in lower case), read with one pattern when the fragment is plain tags
    and text, as sanitised HTML is; HTMLParser reads anything else.
    """
    pieces = _TAG.split(fragment)   # text, then per tag: open, attrs, close, end, text
    root = Element(ROOT)
    stack = [root]
    parent = root
    last = None                     # parent's last child: the text that follows is its tail
    unescape = html.unescape
    texts = iter(pieces[::5])
    text = next(texts)
    def add_text(text: str) -> bool:
        """Put text after the last child or inside the parent; False when it holds a stray '<'."""
        if "<" in text:
            return False
        if "&" in text:
            text = unescape(text)
        if last is not None:
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        return True

    for tag, attrs, close, end, text_after in zip(pieces[1::5], pieces[2::5], pieces[3::5], pieces[4::5], texts):
        if text and not add_text(text):
            return _parse_slowly(fragment)
        text = text_after
        if tag is not None:
            tag = tag.lower()
            if tag in _RAW_TEXT:
                return _parse_slowly(fragment)
            last = SubElement(parent, tag, _attributes(attrs) if attrs else {})
            if not close and tag not in VOID:
                stack.append(last)
                parent, last = last, None
        else:
            tag = end.lower()
            if tag in VOID:
                continue
            # Balanced input: the tag is on the stack, usually on top. Pop to it; ignore a stray end tag.
            if parent.tag == tag and len(stack) > 1:
                last = stack.pop()
            else:
                for depth in range(len(stack) - 2, 0, -1):
                    if stack[depth].tag == tag:
                        last = stack[depth]
                        del stack[depth:]
                        break
                else:
                    continue
            parent = stack[-1]
    if text and not add_text(text):
        return _parse_slowly(fragment)
    return root


def _escape_text(text: str) -> str:
    # html.escape(text, quote=False), without the call overhead for the common text that needs none
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


_ATTRIBUTE_ESCAPES = re.compile("[&<>\"']")   # what html.escape(value, quote=True) replaces


def _start_tag(tag: str, attrib: dict[str, str]) -> str:
    parts = [f"<{tag}"]
    for name, value in attrib.items():
        if _ATTRIBUTE_ESCAPES.search(value):   # ids, classes and links seldom need it
            value = html.escape(value, quote=True)
        parts.append(f' {name}="{value}"')
    parts.append(">")
    return "".join(parts)


def _serialize(element: Element, out: list[str]) -> None:
    tag = element.tag
    out.append(_start_tag(tag, element.attrib) if element.attrib else f"<{tag}>")
    if tag not in VOID:
        text = element.text
        if text:
            out.append(_escape_text(text))
        for child in element:
            _serialize(child, out)
        out.append(f"</{tag}>")
    tail = element.tail
    if tail:
        out.append(_escape_text(tail))


def serialize(root: Element) -> str:
    """The children of a parse() root as HTML again."""
    out: list[str] = [_escape_text(root.text)] if root.text else []
    for child in root:
        _serialize(child, out)
    return "".join(out)


def text_content(element: Element, skip: frozenset[str] = frozenset()) -> str:
    """All text inside an element (not its tail), leaving out subtrees whose tag is in skip."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag not in skip:
            parts.append(text_content(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def collapse(text: str) -> str:
    return " ".join(text.split())
