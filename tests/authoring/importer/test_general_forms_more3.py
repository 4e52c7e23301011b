"""More forms of minutes the importer had not seen: a chair or secretary label alone on a line
with the person on the next. Each test's minutes are written for the test; the written front
matter is read back."""
from __future__ import annotations

import pytest

from .test_general_forms import front, front_as, names


OFFICERS_BELOW = """\
Minnesanteckningar
Referensgruppen för unga vuxna – Samordningsförbundet Åbacka

Datum
2024-09-03

Plats
Åbacka bibliotek, rum Lönnen

Mötesledare
Siri Vallin, Åbacka kommun

Antecknare

Olof Grahn

Deltagare
- Siri Vallin, Åbacka kommun
- Olof Grahn, Försäkringskassan
- Pia Tornberg, Arbetsförmedlingen

1. Inledning
Siri hälsade välkommen.

2. Nästa möte
Den 1 oktober.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_a_chair_and_secretary_label_over_the_person(tmp_path, suffix):
    meta = front(OFFICERS_BELOW) if suffix == "txt" else front_as(OFFICERS_BELOW, suffix, tmp_path)
    assert names([meta["chair"], meta["secretary"]]) == ["Siri Vallin", "Olof Grahn"]
    assert names(meta["present"]) == ["Siri Vallin", "Olof Grahn", "Pia Tornberg"]


MUNICIPAL_HEADER = """\
Samordningsförbundet Norrbacka

# Sammanträdesprotokoll

Sammanträdesdatum 2023-02-09
Organ Styrelsen
Tid och plats 13.00 – 15.30, Folkets hus, Storgatan 8, Norrbacka, samt via Teams
Beslutande
- Norrbacka kommun: Ingrid Svahn (S), ordförande
- Region Norrbacka: Mats Öberg (M)
Övriga deltagande
Kim Lundh, förbundschef; Åsa Brink, utvecklingsledare (protokollförare)
Frånvarande
Lena Kvist (C)
Justerare Mats Öberg

§ 1 Mötets öppnande

Ordföranden öppnade mötet.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_a_municipal_header_of_labels_without_colons(tmp_path, suffix):
    meta = front(MUNICIPAL_HEADER) if suffix == "txt" else front_as(MUNICIPAL_HEADER, suffix, tmp_path)
    # 'Organ Styrelsen' gives the type but is no title; the generic heading is no title either
    assert meta["type"] == "styrelse" and not meta["title"].startswith(("Organ", "Sammanträdesprotokoll"))
    assert (meta["start"], meta["end"]) == ("13:00", "15:30")
    assert meta["location"] == "Folkets hus, Storgatan 8, Norrbacka" and meta["online"] is True
    assert names(meta["absent"]) == ["Lena Kvist"]
    # organisation-first lines and people separated by semicolons
    assert names(meta["present"]) == ["Ingrid Svahn", "Mats Öberg", "Kim Lundh", "Åsa Brink"]


ABSENT_AFTER_THE_LIST = """\
# Nätverksmöte för förbundschefer

Datum: 2024-03-08

**Närvarande**

- SF Åbacka: Nils Ryd (FC), Tea Berg (utvecklare)
- SF Norrbacka: Kim Lundh (FC)
Ej närvarande: Åke Hult, SF Söderbacka

**1. Välkommen**

Nils hälsade välkomna.
"""


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_an_absent_label_right_after_the_people_present(tmp_path, suffix):
    meta = front(ABSENT_AFTER_THE_LIST) if suffix == "txt" else front_as(ABSENT_AFTER_THE_LIST, suffix, tmp_path)
    assert names(meta["present"]) == ["Nils Ryd", "Tea Berg", "Kim Lundh"]
    assert names(meta["absent"]) == ["Åke Hult"]


PLACE_AFTER_THE_TIME = """\
# Samverkansmöte Västerbacka

Minnesanteckningar från mötet den 5 mars 2024, kl. 9.00–11.00, Folkets hus, Ludvika

Närvarande: Nils Ryd, Tea Berg

1. Välkommen
Nils hälsade välkomna.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_the_place_after_the_time_on_a_line_under_the_title(tmp_path, suffix):
    meta = front(PLACE_AFTER_THE_TIME) if suffix == "txt" else front_as(PLACE_AFTER_THE_TIME, suffix, tmp_path)
    assert (meta["start"], meta["location"]) == ("09:00", "Folkets hus, Ludvika")
    assert meta["title"].startswith("Samverkansmöte Västerbacka")


PEOPLE_IN_PROSE = """\
Minnesanteckningar från samverkansgruppen i Åbacka

Gruppen träffades tisdagen den 12 november 2024 kl. 13.00–15.00 i kommunhuset i Åbacka. Mötet
leddes av samordnare Siv Holm och anteckningarna fördes av Rune Dahl, utvecklare vid kansliet.

Vid mötet deltog från Försäkringskassan Eva Nord och Ali Sami, från Arbetsförmedlingen Ola Ström.
Under punkt 2 medverkade Lisa Vik, projektledare.

1. Inledning
Siv hälsade välkommen.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_officers_joined_by_och_and_a_person_present_for_one_item(tmp_path, suffix):
    meta = front(PEOPLE_IN_PROSE) if suffix == "txt" else front_as(PEOPLE_IN_PROSE, suffix, tmp_path)
    assert names([meta["chair"], meta["secretary"]]) == ["Siv Holm", "Rune Dahl"]
    assert sorted(names(meta["present"])) == sorted(["Siv Holm", "Rune Dahl", "Eva Nord", "Ali Sami",
                                                     "Ola Ström", "Lisa Vik"])


QUALIFIED_LABELS = """\
Protokoll styrelsemöte Åbacka

Datum: 2024-04-11

Beslutande ledamöter
Karin Holm (S), Åbacka kommun, ordförande
Per Ohlsson, Försäkringskassan

Närvarande ersättare (ej tjänstgörande)
Lars Bäck (V), Region Åbacka

Ersättare (frånvarande)
Tove Engström, Försäkringskassan

§ 1 Öppnande
Text.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_a_people_label_with_words_in_brackets(tmp_path, suffix):
    meta = front(QUALIFIED_LABELS) if suffix == "txt" else front_as(QUALIFIED_LABELS, suffix, tmp_path)
    assert names(meta["present"]) == ["Karin Holm", "Per Ohlsson", "Lars Bäck"]
    assert names(meta["absent"]) == ["Tove Engström"]


ONE_PERSON_A_SEGMENT = """\
# Mötesanteckningar – arbetsgruppen Vägen in

**Datum:** 3 okt. 2024    **Tid:** kl. 9–11    **Plats:** Kunskapshuset, rum 4

**Närvarande:** Ebba Lind (ordf.), samordnare, Samordningsförbundet Åbacka; Tor Ek (sekr.), Navet Åbacka; Vera Sten, Arbetsförmedlingen; Nora Gran, Försäkringskassan

## 1. Inledning

Ebba hälsade välkommen.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_one_person_a_segment_between_semicolons(tmp_path, suffix):
    meta = front(ONE_PERSON_A_SEGMENT) if suffix == "txt" else front_as(ONE_PERSON_A_SEGMENT, suffix, tmp_path)
    # 'Navet Åbacka' after a comma is where Tor Ek works, not a person
    assert names(meta["present"]) == ["Ebba Lind", "Tor Ek", "Vera Sten", "Nora Gran"]


ROLE_BEFORE_NAME = """\
Samordningsförbundet Åbacka

PROTOKOLL FRÅN MEDLEMSSAMRÅD 2025

Tid och plats
Tisdag 6 maj 2025, klockan 13.00–15.00, Stadshuset i Åbacka, sal A

Närvarande

Åbacka kommun
  kommunstyrelsens ordförande Maja Rydh (S)
  socialchef Per Fors

Försäkringskassan
  verksamhetsområdeschef Eva Nord (via Teams)

Samordningsförbundet Åbacka
  ordförande Siv Holm (C)
  förbundschef Rune Dahl

Vid protokollet: Rune Dahl

1. Samrådets öppnande
Siv Holm hälsade välkommen.
"""


def test_the_role_before_the_name_under_organisation_headings():
    # plain text, where the people are set in under their organisation
    meta = front(ROLE_BEFORE_NAME)
    assert names(meta["present"]) == ["Maja Rydh", "Per Fors", "Eva Nord", "Siv Holm", "Rune Dahl"]
    assert names([meta["chair"], meta["secretary"]]) == ["Siv Holm", "Rune Dahl"]


LABEL_WORDS_UNDER_A_LABEL = """\
Styrelsemöte Åbacka 2024-06-04

Närvarande: Anna Berg, Bo Ek

§ 1 Öppnande
Anna öppnade mötet.

Sekreterare

Ordförande Justerande
"""


def test_label_words_are_never_a_person():
    meta = front(LABEL_WORDS_UNDER_A_LABEL)
    assert "Ordförande Justerande" not in names([meta.get("chair"), meta.get("secretary")] + (meta["present"] or []))
    assert names(meta["present"]) == ["Anna Berg", "Bo Ek"]
