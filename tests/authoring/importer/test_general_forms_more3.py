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
