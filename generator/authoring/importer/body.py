"""The body as clean Markdown with every word of the original: agenda headings, lists, paragraphs."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.authoring.importer.dates import _URL, find_date_mentions, find_time_spans
from generator.authoring.importer.lines import _BULLET, _END_PUNCT, _LETTERED, _MD_HEADING, _NUMBERED, _PARAGRAPH_SIGN, _heading_text, _next_content, _prev_content, _standalone, _unbold
from generator.authoring.importer.words import GENERIC_TITLES, LABELS, SIGNATURE_LABELS


@dataclass
class Block:
    kind: str              # "heading", "para", "bullet", "numbered"
    text: str
    level: int = 0
    number: str = ""
    lines: list[int] = field(default_factory=list)   # source line numbers


def _agenda_candidate(line: str) -> tuple[int, str] | None:
    plain = _heading_text(line)
    m = _NUMBERED.match(plain) or _PARAGRAPH_SIGN.match(plain)
    if not m:
        return None
    text = m["text"].strip()
    if len(text.split()) > 20 or len(text) > 160:
        return None
    bold_or_heading = bool(_MD_HEADING.match(line)) or "**" in line
    if text.endswith(".") and not bold_or_heading:
        return None
    return int(m["n"]), text


def find_agenda(lines: list[str]) -> set[int]:
    """Line numbers of the numbered agenda items: the longest rising 1, 2, 3 … chain.

    A run of numbered lines without text between them is an ordinary list, not the agenda."""
    candidates: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        c = _agenda_candidate(line)
        if c is None:
            continue
        prev_numbered = i > 0 and _agenda_candidate(lines[i - 1]) is not None and lines[i - 1].strip()
        next_numbered = i + 1 < len(lines) and _agenda_candidate(lines[i + 1]) is not None
        is_heading = bool(_MD_HEADING.match(line)) or "**" in line
        if (prev_numbered or next_numbered) and not is_heading:
            continue  # "1. a\n2. b\n3. c" — a list inside an item
        candidates.append((i, c[0]))
    best: list[int] = []
    for start in range(len(candidates)):
        chain = [candidates[start]]
        for item in candidates[start + 1:]:
            if chain[-1][1] < item[1] <= chain[-1][1] + 3:
                chain.append(item)
        if len(chain) > len(best):
            best = [line for line, _ in chain]
    return set(best) if len(best) >= 2 else set()


def _plain_heading(lines: list[str], i: int) -> bool:
    """A short standalone line that introduces the paragraphs after it: 'ESF-projektet MIA'."""
    text = _unbold(lines[i].strip())
    if not text or not _standalone(lines, i):
        return False
    words = text.split()
    if len(words) > 10 or len(text) > 80 or text[-1] in _END_PUNCT + ",":
        return False
    if not text[0].isupper() or text.lower() in GENERIC_TITLES:
        return False
    if _URL.search(text) or ": " in text or find_date_mentions(text) or find_time_spans(text):
        return False
    previous, following = _prev_content(lines, i), _next_content(lines, i)
    if following is None or following.startswith("//"):
        return False          # a signature, not a heading
    if _MD_HEADING.match(following) or _agenda_candidate(following) or (previous and _MD_HEADING.match(previous)):
        return False          # a heading needs text under it; a line under a heading is text
    if previous and _unbold(previous).endswith(":"):
        return False          # the value of 'Tidpunkt:'
    label = text.lower().rstrip(":")
    if label in SIGNATURE_LABELS or label in LABELS and LABELS[label] in ("ignore", "chair", "secretary"):
        return False          # 'Ordförande' / 'Vid protokollet' / 'Justerare' above a signature
    if previous and _unbold(previous).lower().rstrip(":") in LABELS:
        return False          # the name under such a label
    return True


def normalise_body(lines: list[str]) -> list[Block]:
    """Blocks of clean Markdown from the original lines (header lines already blanked)."""
    agenda = find_agenda(lines)
    has_agenda = bool(agenda)
    first_agenda = min(agenda) if agenda else len(lines)
    blocks: list[Block] = []
    para: list[str] = []
    para_lines: list[int] = []

    def flush():
        if para:
            blocks.append(Block("para", "\n".join(para), lines=list(para_lines)))
            para.clear()
            para_lines.clear()

    def sub_level(i: int) -> int:
        return 3 if has_agenda and i > first_agenda else 2

    for i, raw in enumerate(lines):
        line = raw.rstrip()
        hard_break = raw.endswith("  ") or raw.endswith("\\")
        if line.endswith("\\") and not line.endswith("\\\\"):
            line = line[:-1].rstrip()
        if not line.strip():
            flush()
            continue
        stripped = line.strip()
        if i in agenda:
            flush()
            plain = _heading_text(stripped)
            m = _NUMBERED.match(plain) or _PARAGRAPH_SIGN.match(plain)
            sign = "§ " if plain.startswith("§") else ""
            blocks.append(Block("heading", f"{sign}{m['n']}. {_unbold(m['text']).rstrip(':').strip()}"
                                if not sign else f"§ {m['n']} {_unbold(m['text']).strip()}",
                                level=2, lines=[i]))
            continue
        md = _MD_HEADING.match(stripped)
        if md and md.group(1):
            flush()
            text = _heading_text(stripped)
            if not text:
                continue
            if text.endswith(".") and len(text.split()) > 8:
                blocks.append(Block("para", f"**{text}**", lines=[i]))
            else:
                blocks.append(Block("heading", text, level=sub_level(i), lines=[i]))
            continue
        lettered = _LETTERED.match(_unbold(stripped))
        if lettered and _standalone(lines, i) and len(stripped.split()) <= 12 \
                and stripped[-1] not in ".,;:" and _next_content(lines, i):
            flush()
            blocks.append(Block("heading", _unbold(stripped), level=3 if has_agenda or blocks else 2, lines=[i]))
            continue
        if _plain_heading(lines, i):
            flush()
            blocks.append(Block("heading", _unbold(stripped).rstrip(":"), level=sub_level(i), lines=[i]))
            continue
        bullet = _BULLET.match(line)
        if bullet and not stripped.startswith("**") and not re.match(r"^-{3,}\s*$", stripped):
            flush()
            following = _next_content(lines, i)
            text = bullet["text"].strip()
            if (has_agenda and i > first_agenda and _standalone(lines, i) and following
                    and not _BULLET.match(following) and not _MD_HEADING.match(following)
                    and not _agenda_candidate(following) and len(text.split()) <= 12
                    and text[-1] not in _END_PUNCT):
                # '-Jämlikhetsdata /Johanna' alone above its paragraphs: a sub-topic of the item
                blocks.append(Block("heading", _unbold(text), level=3, lines=[i]))
                continue
            blocks.append(Block("bullet", bullet["text"].strip(), lines=[i]))
            continue
        numbered = _NUMBERED.match(stripped)
        if numbered:
            flush()
            blocks.append(Block("numbered", numbered["text"].strip(), number=numbered["n"], lines=[i]))
            continue
        para.append(stripped)
        para_lines.append(i)
        if hard_break:
            flush()
    flush()
    return _join_broken_paragraphs(blocks)


def _join_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Word splits a sentence over two paragraphs ('det finns goda' / 'möjligheter att …')."""
    out: list[Block] = []
    for block in blocks:
        if (out and block.kind == "para" and out[-1].kind == "para" and block.text[:1].islower()
                and out[-1].text.rstrip()[-1:] not in _END_PUNCT + ")\"”»*"):
            out[-1] = Block("para", out[-1].text.rstrip() + " " + block.text, lines=out[-1].lines + block.lines)
        else:
            out.append(block)
    return out


def render_blocks(blocks: list[Block]) -> str:
    parts: list[str] = []
    previous = None
    for block in blocks:
        if block.kind == "heading":
            text = "#" * block.level + " " + block.text
        elif block.kind == "bullet":
            text = "- " + block.text
        elif block.kind == "numbered":
            text = f"{block.number}. {block.text}"
        else:
            text = block.text
        same_list = previous is not None and previous.kind == block.kind and block.kind in ("bullet", "numbered")
        if parts:
            parts.append("\n" if same_list else "\n\n")
        parts.append(text)
        previous = block
    return "".join(parts).strip() + "\n"
