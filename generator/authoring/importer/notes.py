"""Typed notes: what the importer could not settle, as values the report renders.

A `Review` names a field and why it needs a person's eye; report.py turns it into the sentence
shown after an import, and the folder table counts them. The Swedish notes written into a file's
`import_notes` are separate: they are read on the site by editors.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Issue(Enum):
    MISSING = "missing"          # not in the text: set it by hand
    GUESSED = "guessed"          # inferred from the text: check it
    PARTIAL = "partial"          # only part of it is written (a month without a day)
    NOT_NAMES = "not-names"      # a list with parts that are not names: left in the text
    MADE_UP = "made-up"          # built from other fields (a title from the type and date)


@dataclass(frozen=True)
class Review:
    field: str                   # a front-matter field: "type", "date", "chair", …
    issue: Issue
    detail: str = ""             # the value it concerns, when there is one


# the fields a meeting's import is measured by, in the table after a folder
MEASURED_FIELDS = ("title", "type", "date", "start", "location", "chair", "secretary", "present")


def found_fields(meta: dict, reviews: list[Review]) -> list[str]:
    """The measured fields the import filled and that need no review."""
    doubtful = {r.field for r in reviews}
    place = "location" in meta or "online" in meta
    return [f for f in MEASURED_FIELDS
            if (place if f == "location" else f in meta) and f not in doubtful]
