"""Sanitised HTML fragments as an element tree and back, with the standard library only.

The minutes post-processing (agenda anchors, mention links, decision marks) works on a tree,
never with patterns over raw tags. Input is what markup.render_markdown returns: nh3 output,
so tags are balanced and only void elements lack an end tag. Elements are
xml.etree.ElementTree elements: `.text` is the text before the first child, `.tail` the text
after an element's end tag.
"""
from __future__ import annotations

import html
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


def parse(fragment: str) -> Element:
    """An HTML fragment as the children of one <fragment> element."""
    builder = _Builder()
    builder.feed(fragment)
    builder.close()
    return builder.root


def _escape_text(text: str) -> str:
    return html.escape(text, quote=False)


def _serialize(element: Element, out: list[str]) -> None:
    attributes = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in element.attrib.items())
    out.append(f"<{element.tag}{attributes}>")
    if element.tag not in VOID:
        if element.text:
            out.append(_escape_text(element.text))
        for child in element:
            _serialize(child, out)
        out.append(f"</{element.tag}>")
    if element.tail:
        out.append(_escape_text(element.tail))


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
