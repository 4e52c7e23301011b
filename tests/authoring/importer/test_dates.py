"""Swedish dates and times (generator/importer/dates.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.authoring.importer import find_date_mentions, find_time_spans, iso_week_range, resolve_day


@pytest.mark.parametrize("text, day, month, year", [
    ("Förbundschefsmöte 17 november 2021", 17, 11, 2021),
    ("22 april 2021", 22, 4, 2021),
    ("Datum: 2021-11-17", 17, 11, 2021),
    ("Nästa möte bokas till 20/1 på eftermiddagen", 20, 1, None),
    ("Nästa möte 15:e juni– var?", 15, 6, None),
    ("presidiummötet 28:e september kl 16-18", 28, 9, None),
    ("Samordningsförbundet Värna den 2 april kl 16.00-18.00.", 2, 4, None),
    ("avslutades 211231, men", 31, 12, 2021),
    ("Mötet på torsdagen 5/5 ställs alltså in", 5, 5, None),
    ("Norra: 5 maj kl. 9:00–11:45", 5, 5, None),
    ("den 7 sept. 2023", 7, 9, 2023),
])
def test_day_and_month_forms(text, day, month, year):
    mention = [m for m in find_date_mentions(text) if m.kind != "week"][0]
    assert (mention.day, mention.month, mention.year) == (day, month, year)


def test_ranges_alternatives_weekdays_weeks_and_relative_days():
    span = find_date_mentions("Finsam-konferens 5-6 april")[0]
    assert (span.day, span.day2, span.month, span.joiner) == (5, 6, 4, "range")
    choice = find_date_mentions("en mötestid 24 eller 25 januari")[0]
    assert (choice.day, choice.day2, choice.joiner) == (24, 25, "alternative")
    tuesday = find_date_mentions("Tisdag 3 maj kl 9:00–12:00")[0]
    assert tuesday.weekday == 1 and tuesday.day == 3
    thursday = find_date_mentions("på torsdagen 5/5")[0]
    assert thursday.weekday == 3
    week = find_date_mentions("Almedalsvecka, vecka 27, med inledning söndagen den 3 juli")
    assert [m.kind for m in week] == ["week", "day-month"] and week[0].week == 27
    assert find_date_mentions("Klustermöte imorgon")[0].days_after == 1


def test_dates_in_web_addresses_numbers_and_money_are_not_dates():
    assert find_date_mentions("se https://example.se/2021/11/17/nyhet") == []
    assert find_date_mentions("avgiften är 180000 kronor") == []
    assert find_date_mentions("2 ggr/året och 1 miljon kronor") == []


@pytest.mark.parametrize("text, begins, ends", [
    ("kl 16-18", "16:00", "18:00"),
    ("möte kl 11.30-15", "11:30", "15:00"),
    ("Norra: 5 maj kl. 9:00–11:45", "09:00", "11:45"),
    ("den 2 april kl 16.00-18.00.", "16:00", "18:00"),
    ("ordförandeträff 17.45-18.45", "17:45", "18:45"),
])
def test_time_spans(text, begins, ends):
    span = find_time_spans(text)[0]
    assert (span.begins, span.ends) == (begins, ends)


def test_missing_year_comes_from_the_meeting_and_rolls_forward():
    november = dt.date(2021, 11, 17)
    assert resolve_day(20, 1, None, november, roll_forward=True) == (dt.date(2022, 1, 20), "rolled")
    assert resolve_day(24, 11, None, november, roll_forward=True) == (dt.date(2021, 11, 24), "reference")
    # a date before the meeting without a word about the future is a past reference
    assert resolve_day(23, 2, None, dt.date(2021, 3, 1), roll_forward=False)[1] == "past"
    assert resolve_day(20, 1, None, None, roll_forward=True) == (None, "no-year")
    assert resolve_day(30, 2, 2022, None, roll_forward=False) == (None, "invalid")
    assert iso_week_range(2022, 27) == (dt.date(2022, 7, 4), dt.date(2022, 7, 10))


def test_a_list_of_days_of_one_month():
    found = [(m.day, m.day2, m.month, m.year) for m in find_date_mentions("sammanträder 3, 17 och 24 mars samt 5 maj 2025")]
    assert found == [(3, None, 3, None), (17, 24, 3, None), (5, None, 5, 2025)]
    assert [(m.day, m.month) for m in find_date_mentions("möts 3 mars, 12 maj och 6 oktober")] == [(3, 3), (12, 5), (6, 10)]
    assert [m.text for m in find_date_mentions("punkterna 1, 2 och 3 behandlades 4 maj")] == ["4 maj"]
