"""import_minutes as a whole: stable output, schema fields (generator/importer/minutes.py)."""
from __future__ import annotations

import pytest

from generator.authoring.importer import import_minutes

from .helpers import ALL_FIXTURES, EVENT_FIELDS, KNOWN, MEETING_FIELDS, load


def test_uid_is_stable_and_depends_on_the_input():
    text, first = load("fc_hybrid.txt")
    again = import_minutes(text, "fc_hybrid.txt", KNOWN)
    assert first.meta["uid"] == again.meta["uid"] and len(first.meta["uid"]) == 16
    assert [e.meta["uid"] for e in first.events] == [e.meta["uid"] for e in again.events]
    other = import_minutes(text + "\nTillägg.", "fc_hybrid.txt", KNOWN)
    assert other.meta["uid"] != first.meta["uid"]


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_only_schema_fields_in_schema_order(name):
    _, result = load(name, reference=(2022, 3))
    keys = list(result.meta)
    assert keys == [k for k in MEETING_FIELDS if k in keys]
    for event in result.events:
        keys = list(event.meta)
        assert keys == [k for k in EVENT_FIELDS if k in keys]
        assert event.meta["status"] in ("preliminär", "inställd")
