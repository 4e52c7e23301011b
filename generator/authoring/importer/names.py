"""The known federations and projects (from content/), and finding them in a text."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.content.sources import load_sources
from generator.authoring.importer.dates import _inside, _url_spans


@dataclass(frozen=True)
class KnownItem:
    slug: str
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    owner: str | None = None        # projects: the owning federation's slug

    def names(self) -> list[str]:
        out = []
        for name in (self.name, self.short_name, *self.aliases):
            if name and name not in out:
                out.append(name)
        return out

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass
class KnownNames:
    federations: list[KnownItem] = field(default_factory=list)
    projects: list[KnownItem] = field(default_factory=list)

    @classmethod
    def from_site(cls, site_root: Path) -> tuple["KnownNames", list[str]]:
        """Read content/federations and content/projects; broken files are reported, not fatal."""
        sources, problems = load_sources(site_root)
        federations, projects = [], []
        for source in sources:
            meta = source.meta
            aliases = meta.get("aliases") or []
            if isinstance(aliases, str):
                aliases = [aliases]
            aliases = tuple(str(a) for a in aliases if a)
            if source.kind == "federations" and meta.get("name"):
                federations.append(KnownItem(source.slug, str(meta["name"]),
                                             str(meta.get("short_name") or ""), aliases))
            elif source.kind == "projects" and meta.get("name"):
                projects.append(KnownItem(source.slug, str(meta["name"]), "", aliases,
                                          str(meta["owner"]) if meta.get("owner") else None))
        known = cls(federations, projects)
        # owners may be written as a name or alias: store the slug
        resolved = []
        for project in known.projects:
            owner = known.federation(project.owner) if project.owner else None
            resolved.append(KnownItem(project.slug, project.name, "", project.aliases,
                                      owner.slug if owner else project.owner))
        known.projects = resolved
        return known, [str(p) for p in problems]

    def federation(self, reference: str | None) -> KnownItem | None:
        if not reference:
            return None
        key = reference.casefold().strip()
        for item in self.federations:
            if key == item.slug or key in (n.casefold() for n in item.names()):
                return item
        return None

    def by_slug(self, slug: str) -> KnownItem | None:
        for item in self.federations + self.projects:
            if item.slug == slug:
                return item
        return None


@dataclass(frozen=True)
class NameMatch:
    item: KnownItem
    start: int
    end: int
    surface: str
    fuzzy: bool


_TOKEN = re.compile(r"\w+(?:-\w+)*")


_COUNTY_AFTER = re.compile(r"\s+läns?\b", re.IGNORECASE)


_REGION_BEFORE = re.compile(r"\bregion(?:en)?\s+$", re.IGNORECASE)


FUZZY_CUTOFF = 0.85


def _is_acronym(name: str) -> bool:
    letters = name.replace("-", "")
    return len(letters) <= 5 and letters.isupper()


@lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern:
    words = [w for w in re.split(r"[\s\-–]+", name.strip()) if w]
    core = r"[\s\-–]+".join(re.escape(w) for w in words)
    flags = 0 if _is_acronym(name) else re.IGNORECASE
    # inflections: Roslagens, MIA:s, MIA-projektet, BIP-metoden, Cresco Creares
    return re.compile(rf"(?<![\w.@/]){core}(?::?s|-\w+)?(?!\w)", flags)


def _rejected(text: str, start: int, end: int) -> bool:
    """'Stockholms län' is the county and 'Region Stockholm' a member, not a federation."""
    return bool(_COUNTY_AFTER.match(text, end) or _REGION_BEFORE.search(text[max(0, start - 12):start]))


def find_names(text: str, items: list[KnownItem]) -> list[NameMatch]:
    """Every mention of a known item: exact (any case, Swedish inflections), then close
    misspellings of capitalised names ('Cresco Create' → Cresco Creare, 'Söderstälje')."""
    urls = _url_spans(text)
    candidates: list[NameMatch] = []
    for item in items:
        for name in item.names():
            proper = len(name.split()) == 1 and name[:1].isupper()
            for m in _name_pattern(name).finditer(text):
                if _inside(urls, m.start(), m.end()) or _rejected(text, m.start(), m.end()):
                    continue
                if proper and not m.group(0)[:1].isupper():
                    continue      # 'gav exempel från' is no mention of the federation Exempel
                candidates.append(NameMatch(item, m.start(), m.end(), m.group(0), False))
    exact_spans = [(c.start, c.end) for c in candidates]
    tokens = list(_TOKEN.finditer(text))
    for item in items:
        for name in item.names():
            if _is_acronym(name) or len(name) < 6:
                continue
            target = " ".join(name.casefold().split())
            size = len(name.split())
            initial = target[:1]
            for i in range(len(tokens) - size + 1):
                first, last = tokens[i], tokens[i + size - 1]
                head = first.group(0)[:1]
                if not head.isupper() or head.casefold() != initial:
                    continue
                window = " ".join(t.group(0).casefold() for t in tokens[i:i + size])
                if abs(len(window) - len(target)) > 3:
                    continue
                gaps = [text[a.end():b.start()] for a, b in zip(tokens[i:i + size], tokens[i + 1:i + size])]
                if any(not re.fullmatch(r"[ \t-]{1,3}", gap) for gap in gaps):
                    continue          # the words must stand together: not across '(' or a line break
                if _inside(exact_spans, first.start(), last.end()) or _inside(urls, first.start(), last.end()):
                    continue
                if window == target or window.rstrip("s") == target:
                    continue
                ratio = max(difflib.SequenceMatcher(None, window, target).ratio(),
                            difflib.SequenceMatcher(None, window.rstrip("s"), target).ratio())
                # every word must be close on its own: 'Samordningsförbunden är' is not 'Samordningsförbundet VärNa'
                each = all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
                           for a, b in zip(window.split(), target.split()))
                if ratio >= FUZZY_CUTOFF and each and not _rejected(text, first.start(), last.end()):
                    candidates.append(NameMatch(item, first.start(), last.end(),
                                                text[first.start():last.end()], True))
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start), c.fuzzy))
    kept: list[NameMatch] = []
    for c in candidates:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def best_name(label: str, items: list[KnownItem]) -> tuple[KnownItem | None, bool]:
    """The item a short label ('Sthlm stad', 'Söderstälje', 'Värna') stands for, and whether the
    match was only by similar spelling."""
    cleaned = " ".join(label.replace("*", "").split()).strip(" :")
    key = cleaned.casefold()
    for item in items:
        if key in (n.casefold() for n in item.names()) or key == item.slug:
            return item, False
    matches = find_names(cleaned, items)
    if matches and matches[0].end - matches[0].start >= len(cleaned) * 0.6:
        return matches[0].item, matches[0].fuzzy
    best, best_ratio = None, 0.0
    for item in items:
        for name in item.names():
            ratio = difflib.SequenceMatcher(None, key, name.casefold()).ratio()
            if ratio > best_ratio:
                best, best_ratio = item, ratio
    if best is not None and best_ratio >= 0.8:
        return best, True
    return None, False
