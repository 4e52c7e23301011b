"""What one import gives: the meeting's front matter, its body, proposed events, the report."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from generator.authoring.importer.notes import Review


@dataclass
class ProposedEvent:
    slug: str
    meta: dict
    body: str


@dataclass
class ImportResult:
    slug: str                          # file name of the meeting, without .md
    meta: dict                         # front matter, in the order of docs/schema-spec.md
    body: str                          # normalised Markdown with every word of the original
    events: list[ProposedEvent]
    report: list[str]                  # English lines for the person importing
    removed_lines: list[str] = field(default_factory=list)  # header lines now in front matter
    reviews: list[Review] = field(default_factory=list)     # what a person must check or set
    found: list[str] = field(default_factory=list)          # measured fields filled, no review

    @property
    def review_fields(self) -> list[str]:
        return list(dict.fromkeys(r.field for r in self.reviews))


MEETING_ORDER = ["uid", "title", "type", "date", "date_note", "start", "end", "location", "online",
                 "online_link", "federations", "chair", "secretary", "present", "absent", "guests",
                 "projects", "publish_names", "source", "not_in_original", "import_notes"]


EVENT_ORDER = ["uid", "title", "start", "end", "location", "online", "online_link", "federations",
               "projects", "status", "announced_in", "note", "import_notes"]


def _ordered(meta: dict, order: list[str]) -> dict:
    return {key: meta[key] for key in order if key in meta and meta[key] not in (None, "", [])}


def stable_uid(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
