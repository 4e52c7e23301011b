"""More forms of minutes the importer had not seen: a Markdown table of labels and values, header
sentences hard-wrapped over several lines, the chair and secretary named in a clause after the
name, a group joined by 'Från … deltog' and one person absent in a sentence of their own. Each
test's minutes are written for the test and the front matter is read back as written."""
from __future__ import annotations

import datetime as dt

import pytest

from .test_general_forms import front, front_as, names


LABEL_TABLE = """\
*Samordningsförbundet Nordmark*

# Referensgruppsmöte Steget vidare

| | |
|---|---|
| **Datum** | tisdag 14/5 2024 |
| **Tid** | 09:30–11:00 |
| **Plats** | Medborgarhuset Lindby, rum Ekorren |
| **Mötesordförande** | Viktor Almqvist |
| **Sekreterare** | Jessica Brandt |

## Närvarande

| Namn | Organisation |
|---|---|
| Viktor Almqvist | Lindby kommun |
| Jessica Brandt | Samordningsförbundet |
| Omar Sjöstedt | Försäkringskassan |

## 1. Inledning
Viktor hälsade välkommen.
"""


def test_markdown_table_of_labels_and_values():
    meta = front(LABEL_TABLE, "m.md")
    assert meta["date"] == dt.date(2024, 5, 14)
    assert meta["start"] == "09:30"
    assert meta["location"] == "Medborgarhuset Lindby, rum Ekorren"
    assert meta["chair"] == "Viktor Almqvist"
    assert meta["secretary"] == "Jessica Brandt"
    assert names(meta["present"]) == ["Viktor Almqvist", "Jessica Brandt", "Omar Sjöstedt"]
    assert "Medborgarhuset" not in meta.get("title", "")


WRAPPED_PROSE = """\
Samordningsförbundet Älvdalen

Anteckningar från arbetsgruppen

Arbetsgruppen träffades onsdagen den 9 oktober 2024 klockan 10.00–12.00 i
Biblioteket i Forsby, rum Linnea. Närvarande var från Forsby kommun Elsa Rönn
och Tor Bergkvist, från Region Älvdalen Nils Ahola och från Försäkringskassan
Petra Ulvsdotter. Från förbundets kansli deltog processledare Stina Karlgren, som
också ledde mötet, samt ekonom Ragnar Flod, som förde anteckningar.
Lena Husberg från Arbetsförmedlingen hade anmält förhinder.

1. Inledning
Stina hälsade välkommen.

2. Uppföljning
Gruppen gick igenom siffrorna.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_wrapped_header_sentences(suffix, tmp_path):
    meta = front(WRAPPED_PROSE) if suffix == "txt" else front_as(WRAPPED_PROSE, suffix, tmp_path)
    assert meta["date"] == dt.date(2024, 10, 9)
    assert meta["start"] == "10:00"
    assert meta["location"] == "Biblioteket i Forsby, rum Linnea"
    assert meta["chair"] == "Stina Karlgren"
    assert meta["secretary"] == "Ragnar Flod"
    assert set(names(meta["present"])) == {"Elsa Rönn", "Tor Bergkvist", "Nils Ahola", "Petra Ulvsdotter",
                                           "Stina Karlgren", "Ragnar Flod"}
    assert names(meta["absent"]) == ["Lena Husberg"]


GROUPED_BY_ORGANISATION = """\
Anteckningar från regionalt chefsmöte – samordningsförbunden i Mellanlän

Datum: torsdag 7 mars 2024    Tid: 13–15    Plats: Digitalt via Teams

Värd: Samordningsförbundet Västby. Mötesordförande Ulrika Hedlund, sekreterare Mats Forsman.

Deltagare

Samordningsförbundet Östby
  Kerstin Lind (ordf.), Jonas Wik (FC)

Samordningsförbundet Västby
  Ulrika Hedlund (ordf.), Mats Forsman (FC)

Förhinder: Bo Strand (ordf. Norrby)


1. Öppnande
Ulrika hälsade alla välkomna.

2. Länsdag
Förslaget diskuterades.
"""


def test_officers_in_a_sentence_and_groups_under_organisation_headings():
    meta = front(GROUPED_BY_ORGANISATION)
    assert meta["chair"] == "Ulrika Hedlund"
    assert meta["secretary"] == "Mats Forsman"
    assert names(meta["present"]) == ["Kerstin Lind", "Jonas Wik", "Ulrika Hedlund", "Mats Forsman"]
    groups = [item["group"] for item in meta["present"]]
    assert groups == ["Samordningsförbundet Östby", "Samordningsförbundet Västby"]
    assert names(meta["absent"]) == ["Bo Strand"]


def test_a_list_of_people_under_a_label_is_no_sentence():
    text = """\
# Styrelsemöte

Datum: 2024-11-12

Övriga deltagare: Anna Holm, förbundschef
Rikard Berg, sekreterare
Lina Svan, utvecklare

1. Öppnande
Mötet öppnades.
"""
    meta = front(text)
    assert meta["secretary"] == "Rikard Berg"
    assert names(meta["present"]) == ["Anna Holm", "Rikard Berg", "Lina Svan"]


SIGNED_IN_COLUMNS = """\
# Protokoll styrelsemöte

Plats och tid: Kommunhuset i Norrby, kl. 09:00–11:00, 2024-06-04

Beslutande: Anders Ek, ordförande
Berit Sand
Cecilia Holm

Övriga deltagande    Dan Lövgren, förbundschef
Eva Strid, ekonom

**§ 1 Öppnande**

Ordföranden öppnade mötet.

**§ 2 Avslutning**

Mötet avslutades.

Sekreterare    Ordförande    Justerande

..........................    ..........................    ..........................

Eva Strid    Anders Ek    Berit Sand
"""


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_signatures_in_columns_and_a_label_set_apart(suffix, tmp_path):
    meta = front(SIGNED_IN_COLUMNS) if suffix == "txt" else front_as(SIGNED_IN_COLUMNS, suffix, tmp_path)
    assert meta["secretary"] == "Eva Strid"
    assert meta["chair"] == "Anders Ek"
    assert names(meta["present"]) == ["Anders Ek", "Berit Sand", "Cecilia Holm", "Dan Lövgren", "Eva Strid"]
