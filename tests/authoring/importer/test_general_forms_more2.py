"""Further forms of minutes the importer had not seen: the organisation before the person in a
list, a place label over its value with a blank line between, 'På plats:' / 'Via Teams:' as labels
of their own, page furniture in a letterhead. Each test's minutes are written for the test; the
written front matter is read back."""
from __future__ import annotations

import datetime as dt

import pytest

from .test_general_forms import front, front_as, names


ORGANISATION_FIRST = """\
Samordningsförbundet Ås

# Minnesanteckningar – samverkansgruppen

**Datum och tid**

Tisdag 5 mars 2024, 9.00–11.00

**Plats**

Ås kommunhus, rum Björken

## Deltagare

**Ledamöter**

- **Ås kommun** – Vera Lundin (ordförande)
- **Region Ås** – Karl-Erik Bodin
- **Försäkringskassan** – Mona Ljung (ersättare för Ola Berg)

**Tjänsteperson**

- **Samordningsförbundet** – Tilda Ek, förbundschef (sekreterare)

**Frånvarande**

- **Försäkringskassan** – Ola Berg

## 1. Välkommen

Vera hälsade välkommen.

## 2. Avslut

Mötet avslutades.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_the_organisation_before_the_person_after_a_dash(tmp_path, suffix):
    meta = front_as(ORGANISATION_FIRST, suffix, tmp_path)
    assert names(meta["present"]) == ["Vera Lundin", "Karl-Erik Bodin", "Mona Ljung", "Tilda Ek"]
    assert meta["present"][0]["people"][1] == {"name": "Karl-Erik Bodin", "role": "Region Ås"}
    assert names([meta["chair"], meta["secretary"]]) == ["Vera Lundin", "Tilda Ek"]
    assert names(meta["absent"]) == ["Ola Berg"]
    assert meta["date"] == dt.date(2024, 3, 5) and meta["start"] == "09:00"


def test_a_place_label_over_its_value_after_a_blank_line():
    meta = front(ORGANISATION_FIRST)
    assert meta["location"] == "Ås kommunhus, rum Björken"


def test_a_name_with_a_dash_and_an_organisation_after_it_is_unchanged():
    meta = front(ORGANISATION_FIRST.replace("**Ås kommun** – Vera Lundin (ordförande)",
                                            "Vera Lundin – Ås kommun (ordförande)"))
    assert names(meta["present"])[0] == "Vera Lundin"


WHERE_LABELS = """\
# Minnesanteckningar arbetsgruppen

Datum: 4 april 2024
Tid: 13.00–15.00
Plats: Medborgarhuset, sal 2, samt Teams
Mötesledare: Sven Holt
Sekreterare: Lina Berg

På plats: Sven Holt (Ås kommun), Lina Berg (Region Ås), Per Ahl (Försäkringskassan)
Via Teams: Kim Nord (Arbetsförmedlingen)
Frånvarande: Ebba Ros (Bo kommun)

## 1. Inledning

Sven hälsar välkommen.
"""


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_where_people_sat_as_labels_of_their_own(tmp_path, suffix):
    meta = front_as(WHERE_LABELS, suffix, tmp_path)
    groups = {g["group"]: names(g["people"]) for g in meta["present"]}
    assert groups == {"På plats": ["Sven Holt", "Lina Berg", "Per Ahl"], "Via Teams": ["Kim Nord"]}
    assert names(meta["absent"]) == ["Ebba Ros"]
    assert meta["location"] == "Medborgarhuset, sal 2" and meta["online"] is True


GRID_TABLE = """\
Samordningsförbundet Ås

Minnesanteckningar – styrgruppen för projekt Vägen

Datum:   tisdag 7 maj 2024
Tid:     kl. 13.00 - 15.00
Plats:   Kansliet, Storgatan 1, Ås

Närvarande
+------------------+--------------------+---------------------------+
| Namn             | Organisation       | Roll                      |
+==================+====================+===========================+
| Elsa Vik         | Ås kommun          | Ordförande                |
+------------------+--------------------+---------------------------+
| Omar Said        | Försäkringskassan  | Ledamot                   |
+------------------+--------------------+---------------------------+
| Rut Holm         | Projekt Vägen      | Projektledare, sekreterare|
+------------------+--------------------+---------------------------+

1. Mötets öppnande
Elsa öppnade mötet.

2. Avslut
Mötet avslutades.
"""


def test_a_grid_table_of_people_under_a_label():
    meta = front(GRID_TABLE)
    assert names(meta["present"]) == ["Elsa Vik", "Omar Said", "Rut Holm"]
    assert meta["present"][2]["role"] == "projektledare, sekreterare, Projekt Vägen"
    assert names([meta["chair"], meta["secretary"]]) == ["Elsa Vik", "Rut Holm"]


SIGNED = """\
# Protokoll styrelsemöte

Datum: onsdag 2 oktober 2024
Plats: Kansliet, Ås

## Närvarande

**Ledamöter**

- (S) Signe Alm, Ås kommun
- (C) Hugo Berg, Bo kommun

**Gäster**

- Nora Lind och Ali Khan, Arbetsförmedlingen, § 5

## § 1 Mötets öppnande

Ordföranden förklarade mötet öppnat.

## § 2 Avslut

Mötet avslutades.

Vid protokollet

______________________________

Tove Ek

Justeras

______________________________        ______________________________

Signe Alm, ordförande        Hugo Berg, justerare
"""


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_names_with_their_roles_under_the_signature_rules(tmp_path, suffix):
    meta = front_as(SIGNED, suffix, tmp_path)
    assert names([meta["chair"], meta["secretary"]]) == ["Signe Alm", "Tove Ek"]


def test_two_people_joined_by_och_share_the_affiliation():
    meta = front(SIGNED)
    assert meta["guests"] == [{"name": "Nora Lind", "role": "Arbetsförmedlingen, § 5"},
                              {"name": "Ali Khan", "role": "Arbetsförmedlingen, § 5"}]
