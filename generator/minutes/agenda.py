"""The agenda items of one meeting's minutes: found in the HTML tree, anchored and permalinked.

An agenda item starts at
- a heading whose text begins with a number: "## 3. Uppföljning", "#### 4. Kommunikation",
  "## **6. Rapporter**", "### § 5 Ekonomi";
- a paragraph that is only a bold number and title: "**7. Övrigt**";
- an item of a numbered list at the top level of the body whose numbering continues the agenda
  (the first list starts at 1, a later one at the next expected number), so the "1. Mötets
  öppnande … 2. Incheckning" lists minutes often open with count, while a numbered list inside
  item 5 that restarts at 1 stays part of item 5.
Each item gets id="punkt-<n>" and an empty permalink whose accessible name is "Länk till punkt
<n>" (the visible "#" comes from CSS, so heading text stays exactly what the author wrote).
Minutes without numbered items are divided at their top-level headings instead; those sections
keep the id the Markdown stage gave the heading.

Everything here is a pure function of the tree it is given.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from generator.text.htmltree import collapse, text_content

HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# "3. Titel", "3) Titel", "§ 5 Titel", "§5. Titel" — not "3.1 Titel" (a sub-item) or "2021 års".
_NUMBERED = re.compile(r"^\s*(?:§\s*(?P<para>\d{1,3})\.?|(?P<num>\d{1,2})[.)])(?!\d)\s*(?P<title>\S.*)?$", re.S)
TITLE_LIMIT = 100


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One item of a meeting's agenda, as found in its minutes."""
    number: int | None             # None for an unnumbered section
    title: str                     # the heading text without its number
    anchor: str                    # the element id: "punkt-5"
    headings: tuple[str, ...] = ()  # sub-headings inside the item (for matching follow-ups)

    @property
    def label(self) -> str:
        return f"Punkt {self.number}" if self.number is not None else self.title

    def __reduce__(self):
        # Read back (from a worker or the build cache) with its texts shared: a big site's
        # agendas repeat the same titles, anchors and sub-headings thousands of times.
        return _shared_item, (self.number, self.title, self.anchor, self.headings)


def _shared_item(number: int | None, title: str, anchor: str, headings: tuple[str, ...]) -> AgendaItem:
    return AgendaItem(number, sys.intern(title), sys.intern(anchor), tuple(map(sys.intern, headings)))


@dataclass(frozen=True)
class Block:
    """A top-level piece of the body and the index of the agenda item it belongs to."""
    element: Element
    item: int | None               # index into the agenda; None before the first item


def _number_and_title(text: str) -> tuple[int, str] | None:
    match = _NUMBERED.match(collapse(text))
    if not match:
        return None
    number = int(match.group("para") or match.group("num"))
    return number, (match.group("title") or "").strip()


def _bold_only_paragraph(element: Element) -> bool:
    """<p><strong>7. Övrigt</strong></p>: a paragraph that is nothing but bold text."""
    if element.tag != "p" or (element.text or "").strip() or len(element) != 1:
        return False
    child = element[0]
    return child.tag in ("strong", "b") and not (child.tail or "").strip()


def _li_title(li: Element) -> str:
    """The first line of a list item: its text up to the first line break or nested block."""
    parts: list[str] = [li.text or ""]
    for child in li:
        if child.tag == "br" or child.tag in ("ul", "ol", "table", "blockquote", "pre"):
            break
        if child.tag == "p":
            if collapse("".join(parts)):
                break
            return collapse(text_content(child))
        parts.append(text_content(child))
        parts.append(child.tail or "")
    return collapse("".join(parts))


def _shorten(title: str) -> str:
    if len(title) <= TITLE_LIMIT:
        return title
    return title[:TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(",.;:–-") + " …"


def _permalink(target: Element, anchor: str, label: str) -> None:
    link = Element("a", {"class": "permalink", "href": f"#{anchor}", "aria-label": label})
    if target.tag == "li":
        # Before the item's text, so it sits next to the list number.
        link.tail = target.text
        target.text = None
        target.insert(0, link)
    else:
        target.append(link)


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


def mark_items(root: Element) -> tuple[list[AgendaItem], list[Block]]:
    """Find the agenda items among root's children, anchor them, and say where each block belongs."""
    children = list(root)
    starts: dict[int, tuple[int, str]] = {}          # id(element) → (number, title)
    agenda_lists: set[int] = set()
    expected = 1
    for child in children:
        if child.tag in HEADINGS or _bold_only_paragraph(child):
            found = _number_and_title(text_content(child))
            if found:
                starts[id(child)] = found
                expected = found[0] + 1
        elif child.tag == "ol":
            first = int(child.get("start", "1")) if child.get("start", "1").isdigit() else 1
            items = [li for li in child if li.tag == "li"]
            if items and first == expected:
                agenda_lists.add(id(child))
                for offset, li in enumerate(items):
                    starts[id(li)] = (first + offset, _li_title(li))
                expected = first + len(items)

    if not starts:
        return _mark_sections(root)

    agenda: list[AgendaItem] = []
    blocks: list[Block] = []
    subheadings: dict[int, list[str]] = {}
    used: set[str] = {el.get("id") for el in root.iter() if el.get("id")}
    current: int | None = None

    def start_item(element: Element, number: int, title: str) -> int:
        old_id = element.get("id")
        if old_id:
            used.discard(old_id)  # the Markdown stage's id is replaced by the citable one
        anchor = _unique(f"punkt-{number}", used)
        element.set("id", anchor)
        _permalink(element, anchor, f"Länk till punkt {number}")
        agenda.append(AgendaItem(number=number, title=_shorten(title), anchor=anchor))
        return len(agenda) - 1

    for child in children:
        if id(child) in agenda_lists:
            for li in child:
                if id(li) in starts:
                    current = start_item(li, *starts[id(li)])
                blocks.append(Block(li, current))
            continue
        if id(child) in starts:
            current = start_item(child, *starts[id(child)])
        elif child.tag in HEADINGS and current is not None:
            subheadings.setdefault(current, []).append(collapse(text_content(child)))
        blocks.append(Block(child, current))

    return _with_subheadings(agenda, subheadings), blocks


def _with_subheadings(agenda: list[AgendaItem], subheadings: dict[int, list[str]]) -> list[AgendaItem]:
    """The items again, each with the sub-headings found under it (items are frozen)."""
    return [AgendaItem(item.number, item.title, item.anchor, tuple(subheadings.get(index, ())))
            for index, item in enumerate(agenda)]


def _mark_sections(root: Element) -> tuple[list[AgendaItem], list[Block]]:
    """Minutes without numbered items: sections start at the top-most heading level used."""
    children = list(root)
    levels = [child.tag for child in children if child.tag in HEADINGS]
    if not levels:
        return [], [Block(child, None) for child in children]
    top = min(levels)
    used: set[str] = {el.get("id") for el in root.iter() if el.get("id")}
    agenda: list[AgendaItem] = []
    blocks: list[Block] = []
    subheadings: dict[int, list[str]] = {}
    current: int | None = None
    for child in children:
        if child.tag == top:
            title = collapse(text_content(child))
            anchor = child.get("id") or _unique(f"avsnitt-{len(agenda) + 1}", used)
            child.set("id", anchor)
            _permalink(child, anchor, f"Länk till avsnittet {_shorten(title)}")
            agenda.append(AgendaItem(number=None, title=_shorten(title), anchor=anchor))
            current = len(agenda) - 1
        elif child.tag in HEADINGS and current is not None:
            subheadings.setdefault(current, []).append(collapse(text_content(child)))
        blocks.append(Block(child, current))
    return _with_subheadings(agenda, subheadings), blocks
