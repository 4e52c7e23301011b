"""Which label a header line carries, and two-column layouts read as labels (generator/importer/labels.py)."""
from __future__ import annotations

from generator.authoring.importer.labels import label_view, split_labelled


def test_labels_on_one_line_bold_italic_and_in_brackets():
    assert split_labelled("**Datum:** 2024-02-07 **Tid:** 13.00–15.00") == [
        ("Datum", None, "2024-02-07"), ("Tid", None, "13.00–15.00")]
    assert split_labelled("*Plats:* Stadshuset") == [("Plats", None, "Stadshuset")]
    assert split_labelled("Närvarande (digitalt): Kim Ek") == [("Närvarande", "digitalt", "Kim Ek")]
    assert split_labelled("Ordföranden öppnade mötet: alla var där") == []


def test_two_columns_read_as_label_and_value():
    lines = ["Beslutande             Anna Andersson (S), ordförande",
             "                       Bertil Bengtsson (M)",
             "Styrelsen                                 Sammanträdesdatum 2024-03-13",
             "Datum        Tid            Plats",
             "2024-05-20   13.00–15.00    Kommunhuset",
             "Vanlig text med  två mellanslag."]
    assert label_view(lines) == [
        "Beslutande: Anna Andersson (S), ordförande",
        "                       Bertil Bengtsson (M)",
        "Styrelsen, Sammanträdesdatum 2024-03-13",
        "Datum: 2024-05-20 Tid: 13.00–15.00 Plats: Kommunhuset",
        "",
        "Vanlig text med  två mellanslag."]


def test_a_label_and_its_value_separated_by_a_tab():
    assert label_view(["Datum:    2024-05-20", "Plats:    Kommunhuset, Sala"]) == [
        "Datum: 2024-05-20", "Plats: Kommunhuset, Sala"]
