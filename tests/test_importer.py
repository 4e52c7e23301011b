"""The minutes importer: date forms, header fields, people, events, the body, and the command.

The fixtures in tests/fixtures/import/ are minutes written for these tests, in the styles the
federations use; the federations and projects they name are the small known set below.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from generator.importer import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    KnownItem,
    KnownNames,
    find_date_mentions,
    find_names,
    find_time_spans,
    import_command,
    import_minutes,
    iso_week_range,
    normalise_role,
    resolve_day,
    to_file_text,
)
from generator.sources import parse_front_matter

FIXTURES = Path(__file__).parent / "fixtures" / "import"

KNOWN = KnownNames(
    federations=[
        KnownItem("norrback", "Samordningsförbundet Norrback", "Norrback", ("SF Norrback",)),
        KnownItem("sydvik", "Samordningsförbundet Sydvik", "Sydvik"),
        KnownItem("ek-lind-alm", "Samordningsförbundet Ek Lind Alm", "ELA", ("Ek-Lind-Alm",)),
        KnownItem("vastmark", "Samordningsförbundet Västmark", "Västmark"),
        KnownItem("ostra-dalen", "Samordningsförbundet Östra Dalen", "Östra Dalen", ("Ö Dalen",)),
    ],
    projects=[
        KnownItem("fyren", "Fyren", "", ("Fyren-projektet",), "norrback"),
        KnownItem("vagen-vidare", "Vägen Vidare", "", (), "vastmark"),
        KnownItem("lumina-novare", "Lumina Novare", "", (), "vastmark"),
        KnownItem("stig", "STIG", "", (), None),
    ],
)

# docs/schema-spec.md, in its order
MEETING_FIELDS = ["uid", "title", "type", "date", "date_note", "start", "end", "location", "online",
                  "online_link", "federations", "chair", "secretary", "present", "absent", "guests",
                  "projects", "publish_names", "source", "import_notes"]
EVENT_FIELDS = ["uid", "title", "start", "end", "location", "online", "online_link", "federations",
                "projects", "status", "announced_in", "note", "import_notes"]


def load(name: str, reference=None):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text, import_minutes(text, name, KNOWN, reference=reference)


def event_on(result, day: str):
    found = [e for e in result.events if str(e.meta["start"]).startswith(day)]
    assert found, f"no event on {day}: {[str(e.meta['start']) for e in result.events]}"
    return found[0].meta


# ---------------------------------------------------------------- date forms (pure functions)

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


@pytest.mark.parametrize("written, role", [
    ("ordf.", "ordförande"), ("ordförande", "ordförande"), ("v. ordf", "vice ordförande"),
    ("vice ordförande", "vice ordförande"), ("FC", "förbundschef"), ("tf FC", "t.f. förbundschef"),
    ("t.f. förbundschef", "t.f. förbundschef"), ("ersättare", "ersättare"), ("ledamot", "ledamot"),
    ("projektchef Fyren", "projektchef Fyren"),
])
def test_roles_are_normalised(written, role):
    assert normalise_role(written) == role


# ---------------------------------------------------------------- names

def test_names_with_inflections_aliases_and_misspellings():
    text = ("Norrbacks ordförande och SF Norrback. Fyren-projektet och STIG. Stig frågar. "
            "Sydvick svarar. Ö Dalen deltar. Lumina Novate går bra.")
    found = {(m.item.slug, m.fuzzy) for m in find_names(text, KNOWN.federations + KNOWN.projects)}
    assert ("norrback", False) in found
    assert ("fyren", False) in found
    assert ("stig", False) in found and sum(1 for m in find_names("Stig frågar", KNOWN.projects)) == 0
    assert ("sydvik", True) in found
    assert ("ostra-dalen", False) in found
    assert ("lumina-novare", True) in found


def test_county_and_region_are_not_federations():
    known = KnownNames(federations=[KnownItem("stad", "Samordningsförbundet Västmark stad", "Västmark stad",
                                              ("Västmark",))])
    assert find_names("Förbundschefsmöte Västmarks län", known.federations) == []
    assert find_names("Region Västmark betalar", known.federations) == []
    assert [m.item.slug for m in find_names("Västmark ser gärna", known.federations)] == ["stad"]


def test_common_words_are_not_fuzzy_matches():
    known = KnownNames(federations=[KnownItem("varna", "Samordningsförbundet VärNa", "VärNa")])
    assert find_names("Samordningsförbunden är många. Samordningsförbund (NNS) finns.", known.federations) == []


# ---------------------------------------------------------------- a hybrid FC meeting

def test_hybrid_meeting_header():
    _, result = load("fc_hybrid.txt")
    meta = result.meta
    assert meta["title"] == "Förbundschefsmöte 23 november 2022"
    assert meta["type"] == "förbundschefsmöte"
    assert meta["date"] == dt.date(2022, 11, 23)
    assert meta["location"] == "Norrtälje" and meta["online"] is True
    assert meta["chair"] == "Tove" and meta["secretary"] == "Rasmus"
    assert meta["present"] == [
        {"group": "I rummet", "people": ["Tove", "Rasmus B", "Leila", "Jonas"]},
        {"group": "På Teams", "people": ["Göran", "Mira S", "Ulrika"]},
    ]
    assert meta["guests"] == [{"group": "Lumina Novare", "people": ["Hanna Berg", "Olle Ek"]}]
    assert meta["federations"] == ["norrback", "sydvik", "vastmark"]
    assert set(meta["projects"]) == {"lumina-novare", "fyren", "stig"}
    assert any("förbundscheffsmöte" in note.lower() for note in meta["import_notes"])
    assert result.slug == "2022-11-23-forbundschefsmote"
    assert "start" not in meta  # no time in the text: never invented


def test_hybrid_meeting_events():
    _, result = load("fc_hybrid.txt")
    nxt = event_on(result, "2023-01-18")             # '18/1' after a November meeting
    assert nxt["title"] == "Förbundschefsmöte" and nxt["status"] == "preliminär"
    assert "eftermiddagen" in nxt["note"]
    assert any("2023" in n for n in nxt["import_notes"])
    course = event_on(result, "2022-12-12")
    assert course["start"] == "2022-12-12 09:00" and course["end"] == "2022-12-12 12:00"
    assert course["location"] == "Sala"
    deadline = event_on(result, "2022-12-01")
    assert deadline["title"].startswith("Sista dag")
    fair = event_on(result, "2023-03-20")             # 'vecka 12', next year
    assert fair["end"] == dt.date(2023, 3, 26) and "vecka 12" in fair["note"]
    for event in result.events:
        assert event.meta["announced_in"] == result.slug


def test_lone_bullets_above_paragraphs_become_sub_headings():
    _, result = load("fc_hybrid.txt")
    assert "### Indikatorer /Leila (se bifogad presentation)" in result.body
    assert "\n- Ta fram en gemensam mall\n" in result.body
    assert "## 5. Övrigt" in result.body and "**" not in result.body
    assert "### Nyhetsbrev" in result.body


# ---------------------------------------------------------------- the presidium form

def test_presidium_groups_with_federation_and_role():
    _, result = load("presidium.txt")
    meta = result.meta
    assert meta["type"] == "presidiemöte"
    assert meta["date"] == dt.date(2022, 10, 12)
    groups = {g["group"]: g for g in meta["present"]}
    assert list(groups) == ["Norrback", "Sydvik", "ELA", "Östra Dalen"]
    assert groups["Norrback"]["federation"] == "norrback"
    assert groups["Norrback"]["people"] == [
        {"name": "Karin Ås", "federation": "norrback", "role": "ordförande"},
        {"name": "Per Lund", "federation": "norrback", "role": "vice ordförande"},
        {"name": "Lisa Holm", "federation": "norrback", "role": "förbundschef"},
    ]
    assert groups["Sydvik"]["people"][1] == {"name": "Berit Sand", "federation": "sydvik",
                                             "role": "t.f. förbundschef"}
    assert groups["ELA"]["people"][0]["role"] == "ersättare"
    assert groups["Östra Dalen"]["people"][2]["role"] == "projektchef Fyren"
    assert any("Sydvick" in n for n in meta["import_notes"])      # the misspelt label is noted
    assert "Norrback: Karin" not in result.body                   # the list moved to front matter


def test_presidium_events():
    _, result = load("presidium.txt")
    samrad = event_on(result, "2023-03-02")        # '2 mars' after an October meeting
    assert samrad["start"] == "2023-03-02 16:00" and samrad["end"] == "2023-03-02 18:00"
    assert "vastmark" in samrad["federations"] and "norrback" in samrad["federations"]
    launch = event_on(result, "2022-11-01")
    assert launch["title"] == "Sydvik lanserar den nya webbplatsen" and launch["federations"] == ["sydvik"]
    assert event_on(result, "2022-11-24")["title"] == "Inspirationsdag"


# ---------------------------------------------------------------- a missing date

def test_missing_date_is_never_invented():
    _, result = load("beredning_utan_datum.txt")
    meta = result.meta
    assert "date" not in meta and meta["date_note"] == "Datum saknas i originalet."
    assert "date: not found — set it by hand" in result.report
    assert result.slug == "odaterat-beredningsgrupp-vastmark"
    assert result.events == []
    assert any(line.startswith("events: no full date for") for line in result.report)
    assert meta["type"] == "beredningsgrupp"
    assert meta["present"][0] == "Alva Nyström" and meta["absent"] == ["Fredrik Olsson", "Greta Sjöberg"]
    # no federation named: the owner of the projects is proposed, with a note
    assert meta["federations"] == ["vastmark"]
    assert any("vastmark" in n and "kontrollera" in n for n in meta["import_notes"])
    # a misspelt project name
    assert "lumina-novare" in meta["projects"]
    assert any("Lumina Novate" in n for n in meta["import_notes"])


def test_cancelled_and_alternative_dates_with_a_date_set_by_an_editor():
    _, result = load("beredning_utan_datum.txt", reference=(2022, 3))
    assert result.meta["date"] == "2022-03" and result.slug == "2022-03-beredningsgrupp-vastmark"
    cancelled = event_on(result, "2022-05-05")
    assert cancelled["status"] == "inställd"
    tuesday, wednesday = event_on(result, "2022-05-03"), event_on(result, "2022-05-04")
    assert tuesday["start"] == "2022-05-03 09:00" and wednesday["end"] == "2022-05-04 16:00"
    assert "3 maj" in tuesday["note"] and "4 maj" in tuesday["note"]
    conference = event_on(result, "2022-04-05")
    assert conference["end"] == dt.date(2022, 4, 6) and conference["online"] is True
    # '211231' lies in the past and '30 juni' names no event
    assert not [e for e in result.events if str(e.meta["start"]).startswith(("2021-12-31", "2022-06-30"))]


def test_agenda_lines_lettered_sub_items_and_broken_paragraphs():
    _, result = load("beredning_utan_datum.txt")
    body = result.body
    assert "## 1. Välkommen" in body and "## 7. Nästa möte" in body
    assert "### a) Resultat hittills" in body
    assert "Det finns goda erfarenheter att bygga vidare på" in body
    assert body.startswith("Minnesanteckningar\n")


# ---------------------------------------------------------------- a list-style FC meeting

def test_list_style_meeting():
    _, result = load("fc_lista.txt")
    meta = result.meta
    assert meta["title"] == "Förbundschefsmöte Västmarks län 3 mars 2022"
    assert meta["date"] == dt.date(2022, 3, 3)
    assert meta["present"] == ["Ylva Grön", "Tomas Berg", "Ines Falk", "Omar Said", "Petra Lind"]
    assert meta["absent"] == ["Ulf Ström", "Vera Hed"]
    assert meta["chair"] == "Ylva" and meta["secretary"] == "Ines"
    assert meta["federations"] == ["ostra-dalen"]             # 'Västmarks län' is the county
    assert result.slug == "2022-03-03-forbundschefsmote"
    assert "## 1. Mötets öppnande\n\nYlva hälsade alla välkomna." in result.body
    assert result.body.rstrip().endswith("Vid pennan\n\n//Ines")


def test_list_style_meeting_events():
    _, result = load("fc_lista.txt")
    june = event_on(result, "2022-06-15")                    # heading date, time in the section
    assert june["start"] == "2022-06-15 11:30" and june["end"] == "2022-06-15 15:00"
    assert "vid regn" in june["note"]
    september = event_on(result, "2022-09-28")
    assert september["start"] == "2022-09-28 16:00" and "online" not in september   # 'förmodligen digitalt'
    assert "förmodligen" in september["note"]
    tomorrow = [e.meta for e in result.events if str(e.meta["start"]) == "2022-03-04"]
    assert sorted(e["title"] for e in tomorrow) == ["Klustermöte", "Sista dag – Synpunkter till styrgruppen"]
    assert event_on(result, "2022-05-19")["title"] == "Länskonferens"


# ---------------------------------------------------------------- a Markdown export

def test_markdown_export_with_labels_and_escaped_numbers():
    _, result = load("styrelse_markdown.txt")
    meta = result.meta
    assert meta["type"] == "styrelse" and meta["title"] == "Styrelsemöte Sydvik 4 maj 2023"
    assert (meta["date"], meta["start"], meta["end"]) == (dt.date(2023, 5, 4), "13:00", "15:30")
    assert meta["location"] == "Kommunhuset, Sala" and "online" not in meta
    assert meta["present"][1] == {"name": "Berit Sand", "role": "t.f. förbundschef"}
    assert result.slug == "2023-05-04-styrelse-sydvik"
    assert "## 2. Ekonomi" in result.body and "Justerare: Jon Lund" in result.body
    nxt = event_on(result, "2023-09-07")
    assert nxt["online"] is True and nxt["start"] == "2023-09-07 13:00"


# ---------------------------------------------------------------- no sentence lost

def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _is_subsequence(needle: list[str], haystack: list[str]) -> tuple[bool, int]:
    position = 0
    for index, word in enumerate(needle):
        try:
            position = haystack.index(word, position) + 1
        except ValueError:
            return False, index
    return True, len(needle)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_no_sentence_lost(name):
    text, result = load(name)
    lines = text.replace("\r\n", "\n").split("\n")
    removed = list(result.removed_lines)
    kept = []
    for line in lines:
        if line in removed:
            removed.remove(line)
            continue
        kept.append(line)
    original = _words("\n".join(kept))
    ok, at = _is_subsequence(original, _words(result.body))
    assert ok, f"word {at} ('{original[at]}') of {name} is missing from the body"


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_removed_header_lines_are_in_the_front_matter(name):
    _, result = load(name)
    front = " ".join(_words(to_file_text(result.meta, "")))
    labels = {"närvarande", "frånvarande", "ordförande", "sekreterare", "gäster", "plats", "i", "rummet",
              "på", "teams", "och", "från", "datum", "tid", "v", "ordf", "fc", "tf", "förbundscheffsmöte",
              "förbundschefermöte", "sydvick", "ek", "lind", "alm", "ö", "dalen", "projektchef", "kl",
              "deltagare", "vid", "pennan"} | set(MONTH_NAMES) | set(WEEKDAY_NAMES)
    for line in result.removed_lines:
        for word in _words(line):
            if word in labels or word.isdigit():
                continue
            assert word in front, f"'{word}' from the removed line '{line}' is not in the front matter"


# ---------------------------------------------------------------- stable output

def test_uid_is_stable_and_depends_on_the_input():
    text, first = load("fc_hybrid.txt")
    again = import_minutes(text, "fc_hybrid.txt", KNOWN)
    assert first.meta["uid"] == again.meta["uid"] and len(first.meta["uid"]) == 16
    assert [e.meta["uid"] for e in first.events] == [e.meta["uid"] for e in again.events]
    other = import_minutes(text + "\nTillägg.", "fc_hybrid.txt", KNOWN)
    assert other.meta["uid"] != first.meta["uid"]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_only_schema_fields_in_schema_order(name):
    _, result = load(name, reference=(2022, 3))
    keys = list(result.meta)
    assert keys == [k for k in MEETING_FIELDS if k in keys]
    for event in result.events:
        keys = list(event.meta)
        assert keys == [k for k in EVENT_FIELDS if k in keys]
        assert event.meta["status"] in ("preliminär", "inställd")


# ---------------------------------------------------------------- the command

def make_site(root: Path) -> Path:
    for kind, items in (("federations", KNOWN.federations), ("projects", KNOWN.projects)):
        folder = root / "content" / kind
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            meta = {"name": item.name}
            if kind == "federations":
                meta["short_name"] = item.short_name
            if item.aliases:
                meta["aliases"] = list(item.aliases)
            if kind == "projects":
                meta["status"] = "pågående"
                if item.owner:
                    meta["owner"] = item.owner
            (folder / f"{item.slug}.md").write_text(to_file_text(meta, "Text."), encoding="utf-8")
    return root


def run(files, root, **options) -> tuple[int, str]:
    out = io.StringIO()
    code = import_command([Path(f) for f in files], site_root=root, into=options.get("into"),
                          dry_run=options.get("dry_run", False), force=options.get("force", False), out=out)
    return code, out.getvalue()


def test_known_names_are_read_from_the_site(tmp_path):
    known, problems = KnownNames.from_site(make_site(tmp_path))
    assert problems == []
    assert {f.slug for f in known.federations} == {f.slug for f in KNOWN.federations}
    assert {p.slug: p.owner for p in known.projects}["vagen-vidare"] == "vastmark"


def test_import_writes_files_that_parse(tmp_path):
    root = make_site(tmp_path)
    code, output = run([FIXTURES / "fc_hybrid.txt"], root)
    assert code == 0, output
    path = root / "content" / "meetings" / "2022-11-23-forbundschefsmote.md"
    meta, lines, body, _ = parse_front_matter(path.read_text(encoding="utf-8"), "x.md")
    assert str(meta["date"]) == "2022-11-23" and meta["present"][1]["group"] == "På Teams"
    assert meta["source"] == "fc_hybrid.txt"
    assert list(meta) == [k for k in MEETING_FIELDS if k in meta]
    assert "## 3. Gemensam uppföljning" in body
    events = sorted((root / "content" / "events").glob("*.md"))
    assert [p.name for p in events][0] == "2022-12-01-sista-dag-utbildningsdag.md"
    for event in events:
        emeta, _, _, _ = parse_front_matter(event.read_text(encoding="utf-8"), event.name)
        assert emeta["announced_in"] == "2022-11-23-forbundschefsmote"
    assert "2022-11-23-forbundschefsmote.md" in output and "På Teams: Göran, Mira S, Ulrika" in output
    assert str(tmp_path) not in path.read_text(encoding="utf-8")


def test_no_overwrite_without_force(tmp_path):
    root = make_site(tmp_path)
    assert run([FIXTURES / "presidium.txt"], root)[0] == 0
    path = root / "content" / "meetings" / "2022-10-12-presidiemote.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEgen rättelse.\n", encoding="utf-8")
    code, output = run([FIXTURES / "presidium.txt"], root)
    assert code == 1 and "exists — not overwritten (use --force" in output
    assert "Egen rättelse." in path.read_text(encoding="utf-8")
    code, output = run([FIXTURES / "presidium.txt"], root, force=True)
    assert code == 0 and "Egen rättelse." not in path.read_text(encoding="utf-8")


def test_another_meeting_on_the_same_day_gets_its_own_file(tmp_path):
    root = make_site(tmp_path)
    copy = tmp_path / "kopia.txt"
    copy.write_text((FIXTURES / "presidium.txt").read_text(encoding="utf-8") + "\nTillägg.\n", encoding="utf-8")
    assert run([FIXTURES / "presidium.txt"], root)[0] == 0
    code, output = run([copy], root)
    assert code == 0, output
    assert (root / "content" / "meetings" / "2022-10-12-presidiemote-2.md").exists()
    assert "announced elsewhere — skipped" in output


def test_dry_run_writes_nothing(tmp_path):
    root = make_site(tmp_path)
    before = sorted(p for p in root.rglob("*"))
    code, output = run([FIXTURES / "fc_lista.txt"], root, dry_run=True)
    assert code == 0
    assert sorted(p for p in root.rglob("*")) == before
    assert "--- would write content/meetings/2022-03-03-forbundschefsmote.md ---" in output
    assert "title: Förbundschefsmöte Västmarks län 3 mars 2022" in output
    assert "Dry run: nothing was written." in output


def test_into_another_folder(tmp_path):
    root = make_site(tmp_path)
    code, _ = run([FIXTURES / "styrelse_markdown.txt"], root, into=Path("content/meetings/arkiv"))
    assert code == 0
    assert (root / "content" / "meetings" / "arkiv" / "2023-05-04-styrelse-sydvik.md").exists()


def test_bad_input_gives_a_plain_message(tmp_path):
    root = make_site(tmp_path)
    binary = tmp_path / "protokoll.docx"
    binary.write_bytes(b"PK\x03\x04 not text")
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"Minnesanteckningar \x81\x8d\x00 trasig")
    empty = tmp_path / "tom.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, output = run([tmp_path / "saknas.txt", binary, odd, empty, tmp_path], root)
    assert code == 1
    assert "saknas.txt: no such file" in output
    assert "protokoll.docx: is a Word or PDF file" in output
    assert "odd.txt: looks like a binary file" in output
    assert "tom.txt: is empty" in output
    assert "is a folder" in output
    assert "Traceback" not in output
    assert not (root / "content" / "meetings").exists()


def test_windows_1252_text_is_read_with_a_note(tmp_path):
    root = make_site(tmp_path)
    legacy = tmp_path / "gammal.txt"
    legacy.write_bytes((FIXTURES / "fc_lista.txt").read_text(encoding="utf-8").encode("cp1252"))
    code, output = run([legacy], root)
    assert code == 0 and "Windows-1252" in output
    written = (root / "content" / "meetings" / "2022-03-03-forbundschefsmote.md").read_text(encoding="utf-8")
    assert "Förbundschefsmöte Västmarks län" in written


def test_labels_under_next_meeting_describe_the_next_meeting():
    text = ("Styrelsemöte Norrback 2023-02-01\n\nNärvarande: Karin Ås, Per Lund\n\n"
            "1. Mötets öppnande\n\nKarin öppnade mötet.\n\n2. Nästa möte\n\n"
            "Datum: 12 april 2023 kl 13-15\n\nPlats: Kommunhuset i Norrtälje\n")
    result = import_minutes(text, "styrelse.txt", KNOWN)
    assert result.meta["date"] == dt.date(2023, 2, 1) and "location" not in result.meta
    assert "Plats: Kommunhuset i Norrtälje" in result.body and "Datum: 12 april 2023" in result.body
    event = event_on(result, "2023-04-12")
    assert event["start"] == "2023-04-12 13:00" and event["location"] == "Kommunhuset i Norrtälje"
    assert event["federations"] == ["norrback"] and result.slug == "2023-02-01-styrelse-norrback"


def test_protocol_with_paragraph_signs_and_one_person_a_line():
    _, result = load("protokoll_paragrafer.txt")
    meta = result.meta
    assert meta["title"] == "Beredningsgrupp östra Västmark 9 februari 2022"
    assert (meta["type"], meta["date"], meta["start"], meta["end"]) == (
        "beredningsgrupp", dt.date(2022, 2, 9), "13:15", "16:00")
    assert meta["location"] == "Stadshuset, Sala" and meta["secretary"] == "Maja Berg"
    assert meta["present"] == [
        {"name": "Lena Vik", "role": "Sala kommun"},
        {"name": "Jon Ås", "role": "Försäkringskassan"},
        {"name": "Rut Lind", "federation": "norrback", "role": "förbundschef"},
    ]
    assert result.slug == "2022-02-09-beredningsgrupp-vastmark"
    assert "## § 1 Mötets öppnande\n\nLena öppnade mötet" in result.body
    assert event_on(result, "2022-04-06")["title"] == "Beredningsgruppsmöte"
    assert event_on(result, "2022-04-06")["start"] == "2022-04-06 09:00"
    assert event_on(result, "2022-04-07")["status"] == "inställd"
