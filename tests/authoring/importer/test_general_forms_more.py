"""More forms of minutes from federations the importer had not seen: job titles before names,
'Namn/Organisation' lines, plain-text tables, short dates, groups by where people sat, signatures.
Each test's minutes are written for the test; the written front matter is read back."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.authoring.importer.dates import find_date_mentions
from generator.authoring.importer.names import KnownItem, find_names
from generator.authoring.importer.people import parse_person_line, split_job_title

from .test_general_forms import front, front_as, names


TITLES_FIRST = """\
# Minnesanteckningar styrgruppen

Datum: 3/10-24
Tid: kl. 8.30–10.15
Plats: Kansliet, Ås
Mötesordförande: Kanslichef Rut Lagerkvist
Vid pennan: Processtödjare Ivar Bengtsson

## Närvarande

- Kanslichef Rut Lagerkvist, Samordningsförbundet Norrback
- Processtödjare Ivar Bengtsson, Samordningsförbundet Norrback
- Vårdenhetschef Alma Torsson, Region Ås
- Studie- och yrkesvägledare Kim Ahlqvist, Ås kommun
- Arbetsterapeut Nils Grahn, Bo kommun

## 1. Inledning

Rut hälsade välkommen.

## 2. Uppföljning

Ivar gick igenom siffrorna.

## 3. Avslut

Mötet avslutades.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_a_job_title_before_the_name_is_the_role(tmp_path, suffix):
    meta = front_as(TITLES_FIRST, suffix, tmp_path)
    assert names(meta["present"]) == ["Rut Lagerkvist", "Ivar Bengtsson", "Alma Torsson", "Kim Ahlqvist",
                                      "Nils Grahn"]
    assert meta["present"][2] == {"name": "Alma Torsson", "role": "vårdenhetschef, Region Ås"}
    assert meta["present"][3]["role"].startswith("studie- och yrkesvägledare")
    assert meta["chair"] == {"name": "Rut Lagerkvist", "role": "kanslichef"}
    assert meta["secretary"]["name"] == "Ivar Bengtsson"
    # a short date with a two-digit year after a dash, and a time with points
    assert meta["date"] == dt.date(2024, 10, 3) and meta["start"] == "08:30"


def test_a_job_title_needs_a_full_name_after_it():
    assert split_job_title("Förbundschef Helena") == (None, "Förbundschef Helena")
    assert split_job_title("Vice ordförande Bo Ek") == ("vice ordförande", "Bo Ek")
    assert split_job_title("Anna Chef Berg") == (None, "Anna Chef Berg")
    assert parse_person_line("Teamledare Sara Öst, Bo kommun", None) == {"name": "Sara Öst",
                                                                        "role": "teamledare, Bo kommun"}


@pytest.mark.parametrize("text, day", [("Datum: 9/4-25, kl. 13.15–15.00", dt.date(2025, 4, 9)),
                                       ("5/9-24", dt.date(2024, 9, 5)), ("den 14/11-24", dt.date(2024, 11, 14))])
def test_day_month_and_a_two_digit_year(text, day):
    mention = find_date_mentions(text)[0]
    assert dt.date(mention.year, mention.month, mention.day) == day


def test_a_range_of_short_dates_is_no_year():
    assert [(m.day, m.month, m.year) for m in find_date_mentions("13/12-15/12")][0] == (13, 12, None)


SLASHES = """\
Förbundschefsmöte 12 mars 2025

Ordförande: Lova Berg     Sekreterare: Otto Sand

Tid: kl 13-15.30
Plats: Zoom

Närvarande:
Lova Berg/Norrback
Otto Sand/Tallby stad
Maja Ek/Granö
Sten Ulf/HRX

Inbjuden gäst: Ebba Ros/Länsstyrelsen (punkt 2)

1. Inledning
Kort runda.

2. Information
Ebba informerade.
"""


def test_name_slash_organisation_lines():
    meta = front(SLASHES)
    assert meta["present"] == [{"name": "Lova Berg", "federation": "norrback"},
                               {"name": "Otto Sand", "role": "Tallby stad"},
                               {"name": "Maja Ek", "role": "Granö"}, {"name": "Sten Ulf", "role": "HRX"}]
    assert names(meta["guests"]) == ["Ebba Ros"]
    assert (meta["chair"], meta["secretary"]) == ("Lova Berg", "Otto Sand")
    assert (meta["start"], meta["end"]) == ("13:00", "15:30")


TEXT_TABLE = """\
Beredningsgruppen – minnesanteckningar

Tisdag 4 mars 2025 kl 9-11
Plats: Teams

Närvarande
Namn                      Organisation
Pia Lund                  Ås kommun
Ali Berg                  Försäkringskassan (från punkt 2)
Eva Myr                   Granö bruk

Frånvarande
Jon Dal                   Bo kommun

1. Mötet öppnas
Pia öppnade mötet.

2. Läget
Alla berättade.
"""


def test_a_plain_text_table_under_its_heading_row():
    meta = front(TEXT_TABLE)
    assert names(meta["present"]) == ["Pia Lund", "Ali Berg", "Eva Myr"]
    assert meta["present"][2] == {"name": "Eva Myr", "role": "Granö bruk"}
    assert names(meta["absent"]) == ["Jon Dal"]
    assert "Namn" not in names(meta["present"])


ONE_A_LINE = """\
Datum: 2025-05-06, kl. 10.00–12.00
Plats: Zoom
Ordförande för dagen: Saga Lind, Samordningsförbundet Sydvik

Deltagare:
Saga Lind, Samordningsförbundet Sydvik
Tor Holm, Kooperativet Solrosen, Ås
Lea Nord, Bo kommun, arbetsmarknadsenheten
Kai Rask, Arbetsförmedlingen
Mira Öst, Granbacken Fyrbodal

Dagens träff inleddes med en runda. Vi gav exempel från flera orter på hur nätverket arbetar vidare.
"""


def test_places_and_organisations_after_a_name_are_affiliations():
    meta = front(ONE_A_LINE)
    assert names(meta["present"]) == ["Saga Lind", "Tor Holm", "Lea Nord", "Kai Rask", "Mira Öst"]
    assert meta["present"][1] == {"name": "Tor Holm", "role": "Kooperativet Solrosen, Ås"}
    assert meta["chair"] == {"name": "Saga Lind", "federation": "sydvik"}


def test_a_lower_case_word_is_no_federation_of_that_name():
    exempel = KnownItem("exempel", "Samordningsförbundet Exempel", "Exempel")
    assert find_names("Björn gav exempel från Vänersborg.", [exempel]) == []
    assert [m.item.slug for m in find_names("Exempel deltog.", [exempel])] == ["exempel"]


GROUPS = """\
# PROTOKOLL – STYRGRUPPSMÖTE

## Styrgruppen för Samordningsförbundet Västmark

**Sammanträdesdag:** den 4 februari 2025

**Tid:** kl. 13.30–15.00

**Plats:** Kommunhuset, Ås, sal Eken

### Närvaro

**Ordinarie ledamöter**

- Rolf Ek (S), ordförande, Ås kommun
- Siv Ahl, Försäkringskassan

**Närvarande via Teams**

- Ola Ring, Arbetsförmedlingen

**Övriga närvarande**

- Förbundschef Tea Holm
- Inbjuden gäst: Gun Berg, utvärderare (§ 2)

### § 1 Mötets öppnande

Ordföranden öppnar mötet.

### § 2 Uppföljning

**Beslut:** Uppföljningen godkänns.

### § 3 Avslutning

Mötet avslutas.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_groups_under_headings_below_a_subtitle(tmp_path, suffix):
    meta = front_as(GROUPS, suffix, tmp_path)
    assert meta["title"].startswith("Protokoll – styrgruppsmöte")
    assert meta["start"] == "13:30" and meta["location"] == "Kommunhuset, Ås, sal Eken"
    assert meta["date"] == dt.date(2025, 2, 4)
    assert [g["group"] for g in meta["present"]] == ["Ordinarie ledamöter", "Närvarande via Teams",
                                                     "Övriga närvarande"]
    assert names(meta["present"]) == ["Rolf Ek", "Siv Ahl", "Ola Ring", "Tea Holm"]
    assert meta["present"][2]["people"][0] == {"name": "Tea Holm", "role": "förbundschef"}
    assert names(meta["guests"]) == ["Gun Berg"]
    assert meta["chair"] == "Rolf Ek"
    assert "Ordinarie ledamöter" not in names(meta["present"])


SIGNED = """\
# Protokoll styrelsens sammanträde

Datum: 2025-03-06
Plats: Stadshuset

## Närvarande

Anna Ek (S), Ås kommun
Bo Lind, Försäkringskassan

## § 1 Öppnande

Ordföranden öppnar sammanträdet.

## § 2 Avslutning

Ordföranden avslutar sammanträdet.

Vid protokollet

..............................
Ulla Rask

Justeras

..............................      ..............................
Ordförande: Anna Ek      Justerare: Bo Lind
"""


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_chair_and_secretary_from_the_closing_signatures(tmp_path, suffix):
    meta = front_as(SIGNED, suffix, tmp_path)
    assert meta["secretary"] == "Ulla Rask"
    assert meta["chair"] == "Anna Ek"


def test_a_signature_label_with_the_name_above_it():
    text = SIGNED.replace("Vid protokollet\n\n..............................\nUlla Rask\n",
                          "..............................\nUlla Rask\nSekreterare\n")
    assert front(text)["secretary"] == "Ulla Rask"


def test_a_heading_of_a_generic_word_and_the_type_is_kept():
    meta = front("# Minnesanteckningar arbetsgruppen\n\nDatum: 2025-01-10\n\n## 1. Inledning\nText.\n")
    assert meta["title"] == "Minnesanteckningar arbetsgruppen 10 januari 2025"
