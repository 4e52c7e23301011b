"""Read front matter as the author typed it: every value a text with its line, never a guess.

YAML 1.1, which PyYAML implements, turns `13.30` into the number 13.3, `1330` into an integer,
`13:30` into 810 (base 60), `ja`-like words into booleans and `0x1F` into 31 — before any schema
sees them, so a meeting at half past one was published at 13:03. Here YAML only gives the
structure: every scalar stays the text that was written (a Text, which knows its line), and the
schema alone decides what a value means. Mistakes YAML would pass over in silence are refused
with the line and the fix: the same field twice, a tab in the indentation, a list item indented
so that it merges into the line above.
"""
from __future__ import annotations

import re

import yaml

from generator.errors import Problem
from generator.i18n import _
from generator.text.pasted import CURLY_QUOTES, clean_field_text, straighten_quoted_values, unquote_curly

try:  # the C composer is several times faster on large sites
    _BaseLoader = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.BaseLoader


class Text(str):
    """A scalar of the front matter, exactly as written (without its quotes), with the 1-based
    line of the file it starts on."""
    line: int
    quoted: bool

    def __new__(cls, value: str, line: int, quoted: bool = False) -> "Text":
        text = super().__new__(cls, value)
        text.line = line
        text.quoted = quoted
        return text

    def __reduce__(self):
        return (Text, (str(self), self.line, self.quoted))


# Plain (unquoted) words YAML means as "no value": the field is then left out.
_EMPTY = {"", "~", "null", "Null", "NULL"}
_MAX_DEPTH = 20          # an alias that contains itself would otherwise never end


def line_of(value, default: int) -> int:
    """The line a value read by read_yaml starts on (a list or group: its first item's)."""
    if isinstance(value, Text):
        return value.line
    if isinstance(value, list) and value:
        return line_of(value[0], default)
    if isinstance(value, dict) and value:
        return getattr(next(iter(value)), "line", default)
    return default


def read_yaml(text: str, rel: str, first_line: int = 1) -> tuple[object, dict[str, int]]:
    """(value, top-level key → line) of YAML `text` that starts on line `first_line` of the file
    `rel`. Scalars are Text; mappings dicts with Text keys; sequences lists. Raises Problem."""
    lines = [_quote_colour(straighten_quoted_values(line))
             for line in _list_markers(clean_field_text(text).split("\n"))]
    _refuse_tabs(lines, rel, first_line)
    source = "\n".join(lines)
    loader = _BaseLoader(source)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, lines, rel, first_line) from None
    finally:
        loader.dispose()
    if node is None:
        return None, {}
    reader = _Reader(lines, rel, first_line)
    value = reader.value(node, 0)
    key_lines = {str(key): key.line for key in value} if isinstance(value, dict) else {}
    return value, key_lines


class _Reader:
    def __init__(self, lines: list[str], rel: str, first_line: int):
        self.lines, self.rel, self.first_line = lines, rel, first_line

    def line(self, mark) -> int:
        return mark.line + self.first_line

    def value(self, node, depth: int):
        if depth > _MAX_DEPTH:
            raise Problem(self.rel, self.line(node.start_mark), None, _("the front matter refers to itself"),
                          _("remove the & and * marks from the fields"))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return [item for item in (self.value(child, depth + 1) for child in node.value) if item is not None]
        return self.scalar(node)

    def mapping(self, node, depth: int) -> dict:
        found: dict[Text, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise Problem(self.rel, self.line(key_node.start_mark), None, _("a field name is missing"),
                              _("write each field as 'name: value', with the name first on the line"))
            key = Text(str(key_node.value), self.line(key_node.start_mark))
            earlier = next((other for other in found if other == key), None) if key in found else None
            if earlier is not None:
                raise Problem(self.rel, key.line, str(key),
                              _("the field is given twice, on lines {first} and {second}").format(
                                  first=earlier.line, second=key.line),
                              _("keep the one you mean and delete the other; "
                              "the build will not guess which one is right"))
            found[key] = self.value(value_node, depth + 1)
        return found

    def scalar(self, node) -> Text | None:
        line = self.line(node.start_mark)
        if not node.style:                          # plain, typed without quotes (the C loader says '')
            if node.value in _EMPTY:
                return None
            self._refuse_merged_item(node)
            value = unquote_curly(node.value).replace("\t", " ").strip()
            return Text(value, line, quoted=node.value[:1] in CURLY_QUOTES)
        if node.style in ("'", '"'):     # a tab pasted into a one-line value is a gap between words
            return Text(node.value.replace("\t", " "), line, quoted=True)
        return Text(node.value, line)    # | and > blocks keep their text as written

    def _refuse_merged_item(self, node) -> None:
        """A plain value that runs over several lines, one of which starts with '- ': a list item
        indented more than the one above, which YAML silently joins to it ("Anna - Elin")."""
        start, end = node.start_mark.line, node.end_mark.line
        for number in range(start + 1, end + 1):
            if number < len(self.lines) and re.match(r"\s*-(\s|$)", self.lines[number]):
                raise Problem(self.rel, number + self.first_line, None,
                              _("this list item is indented more than the one above it, "
                              "so it would be read as part of that item"),
                              _("start every '- ' of the list at the same column"))


# Word's autocorrect turns "- " at the start of a line into a dash or a bullet.
_WORD_LIST_MARKER = re.compile(r"^([ ]*)[–—•·▪‐‑−][ ]+")


_BLOCK_START = re.compile(r"^([ ]*).*:[ ]*[|>][-+0-9]*[ ]*$")


def _list_markers(lines: list[str]) -> list[str]:
    """List items Word has given a dash or bullet instead of '- ', as list items: otherwise the
    dash would become part of a person's name. Only where a list can stand (under a field or
    another item), and never inside a | or > block, whose text stays as written."""
    result: list[str] = []
    block_indent = None
    previous = ""
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None and (not line.strip() or indent > block_indent):
            result.append(line)
            continue
        block_indent = None
        if _WORD_LIST_MARKER.match(line) and (previous.endswith(":") or previous.lstrip().startswith("- ")):
            line = _WORD_LIST_MARKER.sub(r"\1- ", line)
        block = _BLOCK_START.match(line)
        if block:
            block_indent = len(block.group(1))
        if line.strip():
            previous = line.rstrip()
        result.append(line)
    return result


_UNQUOTED_COLOUR = re.compile(r"^(\s*[\w-]+:[ ]+)(#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?)[ ]*$")


def _quote_colour(line: str) -> str:
    """`color: #1d5c8a` as typed: YAML would take everything after # for a comment and leave the
    field empty, though nobody writes a comment that is six hex digits."""
    return _UNQUOTED_COLOUR.sub(r"\1'\2'", line)


def _refuse_tabs(lines: list[str], rel: str, first_line: int) -> None:
    for number, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            raise Problem(rel, number + first_line, None, _("the line is indented with a tab"),
                          _("indent with spaces instead: delete the tab and type spaces"))


def _yaml_problem(exc: yaml.YAMLError, lines: list[str], rel: str, first_line: int) -> Problem:
    """A plain message for what PyYAML found, at the line where the author can fix it."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    index = mark.line if mark is not None else 0
    opened = getattr(exc, "context_mark", None)
    text = lines[index] if index < len(lines) else ""
    curly = any(ch in text for ch in CURLY_QUOTES)
    curly_note = " " + _("The line has Word's curly quotes (” “ ’), which are not read as quotes: "
                         "type straight ones (\" or ').")
    if "quoted scalar" in context and opened is not None:
        opening_line = lines[opened.line] if opened.line < len(lines) else ""
        hint = curly_note if any(ch in opening_line for ch in CURLY_QUOTES) else ""
        return Problem(rel, opened.line + first_line, None, _("a quote opened on this line is never closed"),
                       _("end the value with the same quote mark it starts with, or remove the quote.") + hint)
    if "mapping values are not allowed" in problem and re.match(r"\s+[\w-]+:(\s|$)", text):
        return Problem(rel, index + first_line, None,
                       _("this field is indented, so it is read as part of the value above it"),
                       _("start the field name at the beginning of the line, like the fields above"))
    if "mapping values are not allowed" in problem:
        return Problem(rel, index + first_line, None, _("the value contains a colon followed by a space"),
                       _("put the whole value in quotes: title: \"Möte: budget\".") + (curly_note if curly else ""))
    if "simple key" in context and opened is not None:     # the line where the key began
        index, text = opened.line, lines[opened.line] if opened.line < len(lines) else ""
    if re.match(r"\s*[\w-]+:\S", text) and "expected ':'" in problem:
        return Problem(rel, index + first_line, None, _("a field name is not followed by a space"),
                       _("put a space after the colon: 'start: 13.30', not 'start:13.30'"))
    if "expected <block end>" in problem or "expected ':'" in problem or "expected key" in problem:
        if text.lstrip().startswith("-"):
            return Problem(rel, index + first_line, None, _("this list item is not indented like the ones above it"),
                           _("start every '- ' of the list at the same column"))
        return Problem(rel, index + first_line, None, _("this line does not fit with the lines above it"),
                       _("start each field at the beginning of the line as 'name: value'; "
                       "indent only the items of a list or group, all by the same number of spaces.")
                       + (curly_note if curly else ""))
    if "alias" in problem or "anchor" in problem:
        return Problem(rel, index + first_line, None, _("a '*' or '&' starts a value"),
                       _("put the value in quotes when it starts with * or &"))
    return Problem(rel, index + first_line, None,
                   _("the front matter cannot be read here ({detail})").format(detail=problem),
                   _("check colons, indentation and quotes on this line; put a value that contains "
                   "': ' or starts with a special character in quotes.") + (curly_note if curly else ""))
