"""Find content files and split them into front matter and body, keeping YAML line numbers.

A Source is the raw material of one content item: where it came from, its front matter as a
plain dict, the line on which each top-level key sits, and the Markdown body. Nothing here
knows what the fields mean; schema.py and model.py do.
"""
from __future__ import annotations

import dataclasses
import hashlib
import itertools
from dataclasses import dataclass
from pathlib import Path

from generator.store import parallel
from generator.store.cache import content_digest, digest as _digest
from generator.errors import BuildFailed, Problem
from generator.i18n import _
from generator.content.frontmatter import read_yaml
from generator.text.pasted import clean_body
from generator.text.slugs import slugify

KINDS = ("federations", "projects", "meetings", "events", "pages")
FENCE = "---"
WORD_FENCES = {"—", "–", "—-", "–-", "-—", "-–", "——", "––"}   # --- after Word's autocorrect
ATTACHMENT_SUFFIXES_IGNORED = {".md"}


@dataclass(frozen=True)
class Source:
    kind: str                      # one of KINDS
    slug: str                      # file stem, or folder name for bundles, as a slug
    path: Path                     # the .md file
    rel: str                       # path relative to the site root, for messages
    meta: dict | None              # front matter (None when load_sources' check was given)
    lines: dict[str, int]          # top-level key -> 1-based line number in the file
    held_body: str | None = None   # the Markdown after the front matter; None: read from the file
    body_line: int = 1             # line number where the body starts
    digest: str = ""               # content_digest() of the file's bytes (cache key)
    attachments: tuple[Path, ...] = ()   # files beside index.md
    meta_digest: str = ""          # sha256 of the front matter alone: what pages other than its own read

    @property
    def body(self) -> str:
        """The Markdown after the front matter. A build does not hold a big site's bodies: each is
        read from its file when it is converted (or checked), the file's digest making sure it is
        still the text the build read."""
        return self.held_body if self.held_body is not None else read_body(self.path, self.rel, self.body_line, self.digest)

    def line_of(self, key: str | None) -> int:
        if key is None:
            return 1
        return self.lines.get(key.split(".")[0].split("[")[0], 1)


def read_body(path: Path, rel: str, body_line: int, digest: str = "") -> str:
    """The body of a content file read again, as parse_source_text gave it: the lines from
    body_line on, with line endings and pasted text cleaned the same way. With `digest`, a file
    changed since (an editor saving during the build) is an error, not a page built from a mix."""
    raw = path.read_bytes()
    if digest and content_digest(raw) != digest:
        raise BuildFailed([Problem(rel, 1, None, _("the file changed while the site was being built"),
                                   _("build the site again"))])
    return _body_from(_file_lines(raw.decode("utf-8")), body_line)


def _file_lines(text: str) -> list[str]:
    """A content file's text as lines: any line ending, no byte-order mark. Parsing and
    read_body both start here, so a body read again is the body parsed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (text[1:] if text.startswith("\ufeff") else text).split("\n")


def _body_from(lines: list[str], body_line: int) -> str:
    return clean_body("\n".join(lines[body_line - 1:]))


@dataclass(frozen=True)
class Parsed:
    """What reading one file's text gave: its front matter (None once `check` replaced it by
    `checked`), each top-level key's line, the body, the line the body starts on and the digest
    of the front matter alone."""
    meta: dict | None
    lines: dict[str, int]
    body: str
    body_line: int
    meta_digest: str
    checked: object = None


PARSED_FORMAT = "parsed-2"   # part of the cache key: entries of another shape are never read


def parse_front_matter(text: str, rel: str) -> tuple[dict, dict[str, int], str, int]:
    """Split `text` into (meta, key lines, body, body start line); raise Problem if broken."""
    all_lines = _file_lines(text)
    if not all_lines or all_lines[0].strip() != FENCE:
        if all_lines and all_lines[0].strip() in WORD_FENCES:
            raise Problem(rel, 1, None, _("the first line is a long dash, not three hyphens"),
                          _("Word turns --- into a dash: type three hyphens --- on the first line"))
        raise Problem(rel, 1, None, _("the file does not start with front matter"),
                      _("put a line with --- first, the fields, then another --- line"))
    end = None
    for number, line in enumerate(all_lines[1:], start=1):
        if line.rstrip() == FENCE:
            end = number
            break
        if line.strip() in WORD_FENCES:
            raise Problem(rel, number + 1, None, _("this line is a long dash, not three hyphens"),
                          _("Word turns --- into a dash: type three hyphens --- to end the fields"))
    if end is None:
        raise Problem(rel, 1, None, _("the front matter is never closed"),
                      _("add a line with only --- after the last field"))
    meta, key_lines = read_yaml("\n".join(all_lines[1:end]), rel, first_line=2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise Problem(rel, 2, None, _("the front matter must be a list of 'field: value' lines"),
                      _("write each field as 'name: value' on its own line"))
    return meta, key_lines, _body_from(all_lines, end + 2), end + 2


def _slug_for(path: Path, kind_dir: Path) -> tuple[str, bool]:
    """The address part a file gives (its name as a slug: "Möte 17 maj.md" → "mote-17-maj"),
    and whether it is a folder with attachments. Empty when the name has no letters or digits."""
    if path.name == "index.md" and path.parent != kind_dir:
        return slugify(path.parent.name), True
    return slugify(path.stem), False


@dataclass(frozen=True)
class ContentFiles:
    """What one walk of content/ finds."""
    files: list[tuple[str, Path]]   # (kind, .md file) the site reads, sorted: builds are deterministic
    outside: list[Path]             # links leading out of the site folder: refused, never read


def scan_content(content_dir: Path) -> ContentFiles:
    """The content files under each kind's folder (hidden and _underscored names skipped; links
    inside the site followed, each folder once) and every link that leads out of the site."""
    site = content_dir.resolve().parent
    files: list[tuple[str, Path]] = []
    outside: list[Path] = []
    for kind in KINDS:
        kind_dir = content_dir / kind
        if kind_dir.is_symlink() and not _inside(kind_dir, site):
            outside.append(kind_dir)
            continue
        if not kind_dir.is_dir():
            continue
        found = []
        seen: set[Path] = set()
        stack = [kind_dir]
        while stack:
            folder = stack.pop()
            real = folder.resolve()
            if real in seen:
                continue
            seen.add(real)
            for entry in sorted(folder.iterdir()):
                if entry.is_symlink() and not _inside(entry, site):
                    outside.append(entry)
                elif entry.name.startswith((".", "_")):
                    continue
                elif entry.is_dir():
                    stack.append(entry)
                elif entry.suffix == ".md":
                    found.append((kind, entry))
        files += sorted(found, key=lambda item: item[1])
    return ContentFiles(files, sorted(outside))


def iter_content_files(content_dir: Path) -> list[tuple[str, Path]]:
    """All (kind, path) pairs of the content files (scan_content)."""
    return scan_content(content_dir).files


def links_out_of_site(outside: list[Path], site_root: Path) -> list[Problem]:
    """A problem for each link that leads out of the site folder (scan_content found them)."""
    root = _Root(site_root)
    return [Problem(root.relative(path), 1, None,
                    _("this is a link to something outside the site folder, so it is not published"),
                    _("copy the file into the site folder instead of linking to it"))
            for path in outside]


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except OSError:      # a broken or looping link leads nowhere the build may go
        return False


def read_source(kind: str, path: Path, content_dir: Path, site_root: Path, cache=None,
                parsed=None, digest: str | None = None, known: bool = False, check=None,
                check_version: str = "") -> Source:
    """Read one file; `cache` (a BuildCache) remembers what parsing (and `check`) made of it,
    by the file's bytes. `parsed` (or the Problem parsing found) with the bytes' `digest` may
    come from load_sources' worker pool, or from the cache (known=True); the file is then not
    read again. With `check`, see load_sources."""
    parsed, digest, rel = _parsed(kind, path, content_dir, site_root, cache, parsed, digest, known, check,
                                  check_version)
    return _make_source(kind, path, content_dir, rel, parsed, digest)


def _parsed(kind: str, path: Path, content_dir: Path, site_root, cache, parsed, digest: str | None, known: bool,
            check, check_version: str) -> tuple[Parsed, str, str]:
    """(Parsed, digest of the file's bytes, path for messages) of one file: see read_source."""
    rel = _relative(path, site_root)
    if isinstance(parsed, Problem):
        raise parsed
    if parsed is None:
        raw = path.read_bytes()
        digest = content_digest(raw)
        key = _cache_key(kind, rel, digest, check, check_version)
        if cache is not None:
            parsed = cache.get("sources", key, remember=False)   # the body is moved out of memory later
        if parsed is None:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = raw[: exc.start].count(b"\n") + 1
                raise Problem(rel, line, None, _("the file is not UTF-8 text"),
                              _("save it as UTF-8 (in most editors: Save as → Encoding → UTF-8)")) from None
            parsed = _checked(kind, path, content_dir, rel, parse_source_text(text, rel), check)
            if cache is not None:
                cache.put("sources", key, parsed)
    elif cache is not None and not known:
        cache.put("sources", _cache_key(kind, rel, digest, check, check_version), parsed)
    return parsed, digest, rel


def _cache_key(kind: str, rel: str, digest: str, check, check_version: str) -> str:
    """What a file's cache entry is found by: its bytes; checked, also the check and where the
    file is (a check's messages name the file)."""
    if check is not None:
        return _digest("checked", PARSED_FORMAT, check_version, kind, rel, digest)
    return _digest(PARSED_FORMAT, digest)


def _checked(kind: str, path: Path, content_dir: Path, rel: str, parsed: Parsed, check) -> Parsed:
    """`parsed` as read_source takes it: with `check`, the front matter is replaced by what
    check made of it."""
    if check is None:
        return parsed
    source = _make_source(kind, path, content_dir, rel, parsed, "", with_attachments=False)
    return dataclasses.replace(parsed, meta=None, checked=check(source))


def _make_source(kind: str, path: Path, content_dir: Path, rel: str, parsed: Parsed, digest: str,
                 with_attachments: bool = True, hold_body: bool = True) -> Source:
    # `parsed.meta` may be the cached object itself: the pipeline reads it and never changes it.
    kind_dir = content_dir / kind
    slug, bundle = _slug_for(path, kind_dir)
    attachments: tuple[Path, ...] = ()
    if bundle and with_attachments:
        # A link out of the site folder is never published (links_out_of_site reports it).
        site = content_dir.resolve().parent
        attachments = tuple(sorted(
            p for p in path.parent.iterdir()
            if p.is_file() and p.suffix.lower() not in ATTACHMENT_SUFFIXES_IGNORED
            and not p.name.startswith(".") and not (p.is_symlink() and not _inside(p, site))
        ))
    return Source(kind=kind, slug=slug, path=path, rel=rel, meta=parsed.meta, lines=parsed.lines,
                  held_body=parsed.body if hold_body or not digest else None, body_line=parsed.body_line,
                  digest=digest, attachments=attachments, meta_digest=parsed.meta_digest)


def parse_source_text(text: str, rel: str) -> Parsed:
    """What one file's text holds (Parsed, not yet checked)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, lines, body, body_line = parse_front_matter(text, rel)
    front = text[: len(text) - len(body)] if body else text
    return Parsed(meta, lines, body, body_line, hashlib.sha256(front.encode("utf-8")).hexdigest())


def _parse_in_worker(task: tuple, shared) -> tuple:
    """(digest of the file's bytes, what read_source takes as `parsed` (checked too, so the raw
    front matter never reaches the parent), or the Problem, or None when read_source must say
    why), read by the worker itself: the files are not held in the parent."""
    kind, path, rel = task
    content_dir, check = shared
    try:
        raw = path.read_bytes()
    except OSError:
        return None, None    # read_source reads it again and reports the error
    digest = content_digest(raw)
    try:
        return digest, _checked(kind, path, content_dir, rel, parse_source_text(raw.decode("utf-8"), rel), check)
    except Problem as problem:
        return digest, problem
    except UnicodeDecodeError:   # read_source says so with the line
        return None, None


def load_sources(site_root: Path, content_dir: Path | None = None, cache=None,
                 hold_bodies: bool = True, check=None, check_version: str = "",
                 digests: dict[str, str] | None = None,
                 checked: dict[str, object] | None = None) -> tuple[list[Source], list[Problem]]:
    """Read every content file; collect problems instead of stopping at the first. YAML is the
    slow part of reading a big site for the first time: files the cache does not know are parsed
    over the cores when there are many. With hold_bodies=False the Markdown bodies are not kept:
    each Source reads its body from its file when asked (Source.body).

    `check(source)` (schema.validate), when given, runs where the file is parsed, and its result
    goes into `checked` (path from the site root → result); the Sources then hold no front
    matter (meta is None). A big site's raw front matter is then never held here, and the cache
    remembers the checked result instead, by the file's bytes, place and `check_version` (what
    the result depends on besides them).

    `digests` (path from the site root → content_digest of its bytes) are files the caller has
    just looked at: they are not read again unless the cache does not know them."""
    content_dir = content_dir or site_root / "content"
    root = _Root(site_root)
    scanned = scan_content(content_dir)
    found = scanned.files
    results: list[Source | Problem | None] = [None] * len(found)
    unknown: list[int] = []
    rels = [root.relative(path) for _kind, path in found]
    # One file in memory at a time; the cache is asked for the parsed ones in batches.
    given = digests or {}
    file_digests = [given.get(rel) or content_digest(path.read_bytes()) for (_kind, path), rel in zip(found, rels)] \
        if cache is not None else []
    keys = [_cache_key(kind, rel, digest, check, check_version)
            for (kind, _path), rel, digest in zip(found, rels, file_digests)]
    cached = cache.get_many("sources", keys, remember=False) if cache is not None else ()
    reading = _Reading(content_dir, root, cache, hold_bodies, check, check_version,
                       checked if checked is not None else {})
    for index, ((kind, path), (_key, known)) in enumerate(itertools.zip_longest(found, cached, fillvalue=(None, None))):
        if known is None:
            unknown.append(index)
        else:
            results[index] = reading.source(kind, path, known, file_digests[index], known=True)
    tasks = [(*found[index], rels[index]) for index in unknown]
    for index, (digest, parsed) in zip(unknown, parallel.each(_parse_in_worker, tasks, (content_dir, check))):
        kind, path = found[index]
        results[index] = reading.source(kind, path, parsed, digest, known=False)
    problems = [result for result in results if isinstance(result, Problem)]
    problems += links_out_of_site(scanned.outside, site_root)
    return [result for result in results if isinstance(result, Source)], problems


@dataclass(frozen=True)
class _Reading:
    """What load_sources reads every file with."""
    content_dir: Path
    root: "_Root"
    cache: object
    hold_bodies: bool
    check: object
    check_version: str
    checked: dict[str, object]      # filled: path from the site root → what check made of the file

    def source(self, kind: str, path: Path, parsed, digest: str, known: bool) -> Source | Problem:
        """The Source of one file (or the Problem it has), from what the cache or a worker made of it."""
        try:
            parsed, digest, rel = _parsed(kind, path, self.content_dir, self.root, self.cache, parsed, digest, known,
                                          self.check, self.check_version)
        except Problem as problem:
            return problem
        if self.check is not None:
            self.checked[rel] = parsed.checked
        return _make_source(kind, path, self.content_dir, rel, parsed, digest, hold_body=self.hold_bodies)


class _Root:
    """The site root, resolved once: resolving it for each of thousands of files cost a third of a
    second at 1,000 meetings."""

    def __init__(self, root: Path):
        self.path = Path(root)
        self.resolved = self.path.resolve()

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.path).as_posix()
        except ValueError:
            try:
                return path.resolve().relative_to(self.resolved).as_posix()
            except ValueError:
                return path.as_posix()


def _relative(path: Path, root) -> str:
    return root.relative(path) if isinstance(root, _Root) else _Root(root).relative(path)
