"""Minutes whose header is written as sentences, labels with their value on the next line, a
letterhead above the title, groups of people headed 'På plats' / 'Digitalt', 'Org: names; Org:
names' in one label. Each test's minutes are written for the test; the written front matter is
read back."""
from __future__ import annotations

import datetime as dt

import pytest

from .test_general_forms import front, front_as, names


PROSE_HEADER = """\
Samordningsförbundet Norrback
Styrgruppen

Anteckningar från styrgruppens möte

Styrgruppen träffades torsdagen den 6:e mars 2025 klockan 9.30–11 i Vårdcentralens lokaler på Storgatan 7 i Ås. Mötet leddes av verksamhetschef Greta Vinter och Lars Bergsten förde anteckningar.

Närvarande var från Ås kommun Ida Fors och Mats Lövgren (socialtjänsten), från Region Ås Sara Hjort, vårdcentralen Ås, samt från Försäkringskassan Ali Karimi. Utredare Tove Ring deltog under punkt 2.

Förhinder hade Bo Ek, Ås kommun, och Kim Sund.

1. Inledning
Greta hälsade välkommen.

2. Uppföljning
Tove presenterade siffrorna.

3. Avslut
Mötet avslutades.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_a_header_written_as_sentences(tmp_path, suffix):
    meta = front_as(PROSE_HEADER, suffix, tmp_path)
    # an ordinal date and 'klockan' in a sentence; the place after 'i' up to the sentence's end
    assert meta["date"] == dt.date(2025, 3, 6) and meta["start"] == "09:30"
    assert meta["location"] == "Vårdcentralens lokaler på Storgatan 7 i Ås"
    # a job title before the chair's name is no part of it; the secretary named before the phrase
    assert meta["chair"] == "Greta Vinter" and meta["secretary"] == "Lars Bergsten"
    # the chair and secretary named in the sentences were there too
    assert sorted(names(meta["present"])) == sorted(["Greta Vinter", "Lars Bergsten", "Ida Fors", "Mats Lövgren",
                                                     "Sara Hjort", "Ali Karimi", "Tove Ring"])
    groups = {g["group"]: names(g["people"]) for g in meta["present"] if isinstance(g, dict) and "group" in g}
    assert groups["Ås kommun"] == ["Ida Fors", "Mats Lövgren"]
    assert names(meta["absent"]) == ["Bo Ek", "Kim Sund"]
    assert meta["type"] == "styrgrupp"


def test_a_date_line_opening_with_the_weekday_gives_the_place():
    meta = front("# Samråd med parterna\n\nTisdagen den 21 oktober 2025 kl 14-16, Rådhuset i Ås, sal Björk.\n\n"
                 "Närvarande: Eva Ek, Bo Lind\n\nMötet leds av förbundets ordförande Eva Ek.\n\n"
                 "## 1. Välkomna\nEva hälsade välkomna.\n")
    assert meta["date"] == dt.date(2025, 10, 21) and meta["start"] == "14:00"
    assert meta["location"] == "Rådhuset i Ås, sal Björk"
    assert meta["chair"] == "Eva Ek"


def test_a_sentence_of_the_body_gives_no_date_or_people():
    meta = front("# Styrgruppsmöte\n\nDatum: 2025-05-02\n\n1. Inledning\nAnna hälsade välkommen.\n\n"
                 "2. Nästa möte\nMötet hålls den 3 juni 2025 kl. 10 i Rådhuset. Närvarande var Bo Ek och Eva Lind.\n")
    assert meta["date"] == dt.date(2025, 5, 2)
    assert "location" not in meta and "present" not in meta


LABEL_ABOVE_VALUE = """\
SAMORDNINGSFÖRBUNDET NORRBACK
Ås kommun – Bo kommun – Region Ås – Försäkringskassan – Arbetsförmedlingen

Protokoll styrelsesammanträde nr 3/2025

Datum:
2025-09-18

Tid
13.00–15.00

Plats:
Kommunhuset, sal Ekorren, Ås

Beslutande ledamöter:
Stina Karlsson (C), Ås kommun, ordförande
Göran Nilsson (S), Region Ås

§ 1 Mötets öppnande
Ordföranden öppnade mötet.

§ 2 Budget
Styrelsen beslutar att fastställa budgeten.

§ 3 Avslut
Mötet avslutades.
"""


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_a_label_with_its_value_on_the_next_line_under_a_letterhead(tmp_path, suffix):
    meta = front_as(LABEL_ABOVE_VALUE, suffix, tmp_path)
    assert meta["date"] == dt.date(2025, 9, 18) and meta["start"] == "13:00"
    assert meta["location"] == "Kommunhuset, sal Ekorren, Ås"
    # the line of members under the letterhead does not stop the title from being read
    assert meta["type"] == "styrelse" and "styrelsesammanträde nr 3/2025" in meta["title"].lower()
    assert meta["chair"] == "Stina Karlsson"


WHERE_THEY_SAT = """\
# Anteckningar från förbundschefsmöte

2025-11-06, 13:00–16:00

**Plats:** Kansliet, Ås och Teams

## Deltagare

**På plats:**

- Eva Ek, SF Norrback
- Bo Lind, SF Sydvik

**Digitalt:**

- Kim Sund, SF Västmark

**Gäster:**

- Nora Sand, IPS-coach, Ås kommun (punkt 4)

## 1. Incheckning

Kort runda.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_groups_headed_by_where_people_sat_and_a_job_title_after_a_name(tmp_path, suffix):
    meta = front_as(WHERE_THEY_SAT, suffix, tmp_path)
    groups = {g["group"]: names(g["people"]) for g in meta["present"] if isinstance(g, dict) and "group" in g}
    assert groups == {"På plats": ["Eva Ek", "Bo Lind"], "Digitalt": ["Kim Sund"]}
    assert "På plats" not in names(meta["present"])
    # 'IPS-coach' says what the guest is: no second person
    assert names(meta["guests"]) == ["Nora Sand"]
    assert "IPS-coach" in meta["guests"][0]["role"]


def test_organisations_and_their_people_in_one_label_with_markers():
    meta = front("# Mötesanteckningar arbetsgruppen\n\nDatum: 8 okt 2025  Tid: 10:00-11:30  Plats: Zoom\n\n"
                 "Närvarande: Region Ås: Lovisa Berg (ordf), Hampus Dal; Ås kommun: Sara Lind;\n"
                 "Försäkringskassan: Gun Alm; Kansliet: Elias Vik (antecknare)\n\n"
                 "## 1. Mötet öppnas\nLovisa hälsade välkommen.\n")
    groups = {g["group"]: names(g["people"]) for g in meta["present"]}
    assert groups == {"Region Ås": ["Lovisa Berg", "Hampus Dal"], "Ås kommun": ["Sara Lind"],
                      "Försäkringskassan": ["Gun Alm"], "Kansliet": ["Elias Vik"]}
    assert meta["chair"] == "Lovisa Berg" and meta["secretary"] == "Elias Vik"
