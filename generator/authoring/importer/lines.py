"""Small helpers on Markdown-ish lines: markup, headings, bullets, numbered items, neighbours."""
from __future__ import annotations

import re


def _strip_markup(line: str) -> str:
    line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", line)   # '*Plats:*' in italics
    return " ".join(line.split())


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")


_NUMBERED = re.compile(r"^(?:§\s*)?(?P<n>\d{1,2})\\?[.)]\s+(?P<text>\S.*)$")


_PARAGRAPH_SIGN = re.compile(r"^§\s*(?P<n>\d{1,3})\s+(?P<text>\S.*)$")


_LETTERED = re.compile(r"^(?P<n>[a-h])\)\s+(?P<text>\S.*)$")


_BULLET = re.compile(r"^\s*(?:[-–•▪●◦]|\*(?=\s)|\\-)\s*(?P<text>\S.*)$")


_END_PUNCT = ".!?:;"


def _unbold(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^(\*\*|__)(.*?)\1(\s*[:.]?)$", r"\2\3", text)
    if text.count("**") == 1 or (text.startswith("**") and text.endswith("**")):
        text = text.replace("**", "")
    return text.strip()


def _heading_text(text: str) -> str:
    text = _unbold(_strip_markup(text))
    text = re.sub(r"^[-–•*]\s+", "", text)
    return text.rstrip(":").strip()


def _standalone(lines: list[str], i: int) -> bool:
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before and after


def _next_content(lines: list[str], i: int) -> str | None:
    for line in lines[i + 1:]:
        if line.strip():
            return line.strip()
    return None


def _prev_content(lines: list[str], i: int) -> str | None:
    for line in reversed(lines[:i]):
        if line.strip():
            return line.strip()
    return None


def _normalise_text(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\t", "    ")
    return _grid_tables(text)


_GRID_RULE = re.compile(r"^(\s*)\+(?:[-=:]+\+)+\s*$")


def _grid_tables(text: str) -> str:
    """A plain-text grid table ('+------+------+' rules around '| Namn | Roll |' rows) as a
    Markdown table: the rule under the first row becomes '|---|---|', the other rules go."""
    lines = text.split("\n")
    if not any(_GRID_RULE.match(line) for line in lines):
        return text
    out: list[str] = []
    rows = 0                       # rows read in the current table
    for line in lines:
        rule = _GRID_RULE.match(line)
        if rule:
            if rows == 1:
                cells = line.strip().count("+") - 1
                out.append(rule.group(1) + "|" + "---|" * cells)
            continue
        if line.lstrip().startswith("|"):
            rows += 1
        else:
            rows = 0
        out.append(line)
    return "\n".join(out)


# 'Övriga deltagare: Anna Ek, förbundschef': a labelled line, which the lines below continue as a
# list, never as a sentence
_LABEL_START = re.compile(r"^[^\s:.,][^:.,]{0,40}:(?:\s|$)")


def prose_paragraphs(lines: list[str], end: int) -> list[str]:
    """The plain text of lines[:end], a paragraph of hard-wrapped prose joined into one line
    ('… klockan 13.15–15.00 i' / 'Stadshuset i Gävle …'). A line joins the one before it when
    that one is long, as wrapped prose is; headings, list items, table rows, labelled lines and the
    lines under a label (a list going on) stay lines of their own."""
    out: list[str] = []
    previous = ""                   # the line before, when the next one may continue it
    listing = False                 # under a labelled line until a blank line
    for line in lines[:min(end, len(lines))]:
        plain = _strip_markup(line)
        if not plain:
            previous, listing = "", False
            continue
        own = bool(_MD_HEADING.match(line) and _MD_HEADING.match(line).group(1)) \
            or _BULLET.match(line) or line.lstrip().startswith("|") or _LABEL_START.match(plain)
        listing = listing or bool(_LABEL_START.match(plain))
        if previous and not own and not listing and len(previous) >= _WRAPPED_WIDTH:
            out[-1] = f"{out[-1]} {plain}"
        else:
            out.append(plain)
        previous = "" if own or listing else plain
    return out


_WRAPPED_WIDTH = 50
