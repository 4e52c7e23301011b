"""What Word and other programs leave behind in pasted text, turned into what it means.

Authors paste from Word, PDFs and e-mail. Besides the text they mean, that brings characters
nobody sees: Word's soft line break (a vertical tab), page breaks (form feed), Unicode line and
paragraph separators, zero-width spaces, direction marks, C0 controls, and C1 controls that are
Windows-1252 punctuation decoded the wrong way. XML 1.0 (the Atom feeds) and iCal forbid most of
them, and YAML refuses them outright. Each becomes what the author meant (a line break, a dash,
a quote) or goes, so that every page and feed stays valid whatever was pasted.

Front matter and body differ: a line break inside a field's value can only be a space (a value
is one line), while in the Markdown body it is a real line break.
"""
from __future__ import annotations

import re

# C1 controls (U+0080–U+009F) in a UTF-8 file are almost always Windows-1252 punctuation that
# went through a wrong conversion: U+0096 was an en dash, U+0093/U+0094 curly quotes.
_C1_AS_CP1252 = {}
for _code in range(0x80, 0xA0):
    try:
        _C1_AS_CP1252[_code] = bytes([_code]).decode("cp1252")
    except UnicodeDecodeError:       # 0x81, 0x8D, 0x8F, 0x90, 0x9D have no character
        _C1_AS_CP1252[_code] = ""

# Invisible characters with no meaning in the site's text: zero-width space and non-joiner,
# word joiner, BOMs inside the text, the Mongolian vowel separator, and every direction mark
# or embedding (which can also make text display in another order than it is stored).
_INVISIBLE = "\u200b\u200c\u2060\ufeff\u180e\u200e\u200f\u061c" + "".join(
    map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# Controls XML 1.0 and iCal forbid, other than those given a meaning below.
_C0 = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\v\f") + "\x7f"
# Noncharacters: never text, and U+FFFE/U+FFFF are not allowed in XML.
_NONCHARACTERS = "".join(map(chr, range(0xFDD0, 0xFDF0))) + "".join(
    chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF))

_REMOVED = {ord(ch): None for ch in _INVISIBLE + _C0 + _NONCHARACTERS}
# Word's Symbol-font bullets arrive as private-use characters that display as boxes.
_PRIVATE_BULLETS = {0xF0B7: "•", 0xF0A7: "▪", 0xF076: "•", 0xF0D8: "➢", 0xF0FC: "✓"}

_BODY = {**_REMOVED, **_C1_AS_CP1252, **_PRIVATE_BULLETS,
         0x2029: "\n\n",             # paragraph separator
         0x0C: "\n\n"}               # form feed: Word's page break
# In a field's value, every kind of line break and every Unicode space is a plain space: a value
# is one line, and a non-breaking space after a colon would hide the colon from YAML.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_FIELD = {**_REMOVED, **_C1_AS_CP1252, **_PRIVATE_BULLETS,
          **{ord(ch): " " for ch in _SPACES + "\v\f\u2028\u2029"},
          0x00AD: None}              # a soft hyphen would keep a name from matching its federation

# A soft line break followed by a page break is one gap between two words, not two.
_FIELD_BREAKS = re.compile("[ \v\f\u2028\u2029]*[\v\f\u2028\u2029][ \v\f\u2028\u2029]*")
# The zero-width joiner holds emoji sequences together; between letters or spaces it is noise.
_STRAY_JOINER = re.compile(r"(?<=[\s\w])\u200d|\u200d(?=[\s\w])|^\u200d|\u200d$", re.MULTILINE)
# Word's soft line break, or a Unicode line separator, inside a line of text: a hard line break
# in Markdown. At either end of a line, or in a table row (a break would end the row), a newline.
_SOFT_BREAK = re.compile(r"(?<=\S)[ \t]*[\v\u2028][ \t]*(?=\S)")


def _any_of(codes) -> re.Pattern:
    """A search for any of the characters `codes` names: most texts have none, and are then
    returned as they are instead of being translated character by character."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(codes)) + "]")


_BODY_WORK = _any_of([*_BODY, 0x200D, 0x0B, 0x2028])
_FIELD_WORK = _any_of([*_FIELD, 0x200D])


def clean_body(text: str) -> str:
    """The Markdown body with what was pasted made into text: soft line breaks become line breaks,
    page breaks paragraph breaks, Windows-1252 controls their characters; invisible ones go."""
    if not _BODY_WORK.search(text):
        return text
    text = _STRAY_JOINER.sub("", text.translate(_BODY))
    if "\v" in text or "\u2028" in text:
        text = "\n".join(_SOFT_BREAK.sub(r"\\\n", line) if not line.lstrip().startswith("|") else line
                         for line in text.split("\n"))
        text = text.replace("\v", "\n").replace("\u2028", "\n")
    return text


def clean_field_text(text: str) -> str:
    """Front matter before YAML reads it: line breaks inside a value and Unicode spaces become
    spaces, invisible characters and controls go, Windows-1252 controls become their characters."""
    if not _FIELD_WORK.search(text):
        return text
    return _STRAY_JOINER.sub("", _FIELD_BREAKS.sub(" ", text).translate(_FIELD))


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids: the last guard of a feed, whatever a
    caller forgot to clean."""
    return _XML_INVALID.sub("", text)


# ---------- Word's curly quotes ----------

# Pairs Word's autocorrect and Swedish typesetting put around a quoted value: Swedish uses ” at
# both ends, English “ ”, German and Word's Swedish variants „ “ or „ ”; and the single forms.
DOUBLE_OPEN, DOUBLE_CLOSE = "\"“”„«»", "\"“”«»"
SINGLE_OPEN, SINGLE_CLOSE = "'‘’‚‹›", "'‘’‹›"
CURLY_QUOTES = "“”„‘’‚«»‹›"


def unquote_curly(value: str) -> str:
    """The text inside curly quotes that wrap the whole of `value`, else `value` unchanged.
    Straight quotes are YAML's own business; at least one quote must be a curly one."""
    inner = _curly_inner(value.strip())
    return value if inner is None else inner


def _curly_inner(value: str) -> str | None:
    if len(value) < 2:
        return None
    first, last, inner = value[0], value[-1], value[1:-1]
    if first == last == '"' or first == last == "'" or not (first in CURLY_QUOTES or last in CURLY_QUOTES):
        return None
    for opening, closing in ((DOUBLE_OPEN, DOUBLE_CLOSE), (SINGLE_OPEN, SINGLE_CLOSE)):
        if first in opening and last in closing:
            # "”Plan” och ”budget”" is a value with quotes in it, not a quoted value.
            if any(ch in inner for ch in opening + closing):
                return None
            return inner
    return None


_QUOTED_VALUE_LINE = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*(?:[^\s:#'\"\[{][^:#]*?:[ ]+)?)(?P<value>\S.*?)[ ]*(?P<comment>[ ]#.*)?$")


def straighten_quoted_values(line: str) -> str:
    """A front-matter line whose value is wrapped in curly quotes, rewritten with YAML's own
    single quotes (which need no escapes but a doubled '), so that a colon or a # inside the
    quotes is read as text the way the author meant. Anything else comes back unchanged."""
    if not any(ch in line for ch in CURLY_QUOTES):
        return line
    match = _QUOTED_VALUE_LINE.match(line)
    if match is None or not match.group("lead").strip():
        return line
    inner = _curly_inner(match.group("value"))
    if inner is None:
        # A comment that is really part of a quoted value: try the whole rest of the line.
        inner = _curly_inner((match.group("value") + (match.group("comment") or "")).rstrip())
        if inner is None:
            return line
        return f"{match.group('lead')}'{inner.replace(chr(39), chr(39) * 2)}'"
    return f"{match.group('lead')}'{inner.replace(chr(39), chr(39) * 2)}'{match.group('comment') or ''}"
