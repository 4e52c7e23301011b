"""Forms of minutes from federations the importer had not seen: each test's minutes are written
for the test, and the written front matter is read back as an editor's file would be."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator.authoring.importer import import_minutes, to_file_text
from generator.authoring.importer.readers import read_minutes

from .documents import blocks_from_text, to_docx, to_pdf, to_text
from .helpers import KNOWN

WRITERS = {"txt": lambda blocks, path: path.write_text(to_text(blocks), encoding="utf-8"),
           "docx": to_docx, "pdf": to_pdf}


def front(text: str, name: str = "m.txt") -> dict:
    """The front matter the importer writes for `text`, parsed back."""
    result = import_minutes(text, name, KNOWN)
    return yaml.safe_load(to_file_text(result.meta, result.body).split("---\n")[1])


def front_as(text: str, suffix: str, folder) -> dict:
    """The same minutes written as text, Word or PDF and imported from that file."""
    path = folder / f"protokoll.{suffix}"
    WRITERS[suffix](blocks_from_text(text), path)
    reading = read_minutes(path)
    assert reading.error is None, reading.error
    return front(reading.text, path.name)


def names(people) -> list[str]:
    out = []
    for item in people or []:
        if isinstance(item, dict) and "people" in item:
            out.extend(names(item["people"]))
        else:
            out.append(item["name"] if isinstance(item, dict) else item)
    return out


NETWORK = """\
# Nätverksmöte för jobbcoacher

Samordningsförbundet Västmark

Datum: 5.11.2024
Tid: 13.00 – 15.00
Plats: Stadsbiblioteket, Sala

## 1. Inledning

Alla hälsades välkomna.

## 2. Runda

Kort runda bland deltagarna.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_a_network_meeting_with_a_dotted_date_under_its_title_heading(tmp_path, suffix):
    meta = front_as(NETWORK, suffix, tmp_path)
    assert meta["type"] == "nätverksmöte" and meta["title"].startswith("Nätverksmöte för jobbcoacher")
    assert (meta["date"], meta["start"], meta["end"]) == (dt.date(2024, 11, 5), "13:00", "15:00")
    assert meta["location"] == "Stadsbiblioteket, Sala"


def test_a_compound_meeting_word_in_the_title_is_the_generic_type():
    meta = front("Samordningsförbundet Sydvik\n\nDialogmöte om unga vuxna\n\n"
                 "Datum: 2024-02-07\n\n1. Inledning\nText.\n\n2. Avslut\nText.\n")
    assert meta["type"] == "möte" and meta["title"].startswith("Dialogmöte om unga vuxna")
    meta = front("Samverkansmöte med parterna\n\nDatum: 2024-02-07\n\n1. Inledning\nText.\n")
    assert meta["type"] == "samverkansmöte"


def test_a_date_with_points_needs_its_year():
    meta = front("Arbetsgruppsmöte\n\nDatum: 12.3.2024\nTid: kl 12.30\n\n1. Inledning\nText.\n")
    assert meta["date"] == dt.date(2024, 3, 12) and meta["start"] == "12:30"
