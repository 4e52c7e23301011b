"""What each content kind's fields are, their types, and the messages for bad values.

Each field has a parser that turns the YAML value into a clean Python value or raises
FieldError with a message an editor understands. References to federations and projects are
only checked for shape here; model.py resolves them once every file has been read.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable

from generator.text.dates import PartialDate, TimeFormError, parse_date_or_datetime, parse_time
from generator.errors import Problem
from generator.i18n import N_, _
from generator.content.frontmatter import line_of
from generator.text.slugs import slugify
from generator.content.sources import Source


class FieldError(ValueError):
    def __init__(self, message: str, fix: str = "", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.line = line       # where in the file, when not on the field's own line (a list item)


@dataclass(frozen=True)
class Field:
    parse: Callable[[Any], Any]
    required: bool = False
    example: str = ""


# ---------- parsers ----------
# Every value arrives as the text the author typed (frontmatter.Text), a list or a group of
# fields: each parser decides what its text means, or says why it cannot.

def text(value) -> str:
    if isinstance(value, (dict, list)):
        raise FieldError(_("expected a text, got a list or a group of fields"),
                         _("write the value on the same line as the field name"), line_of(value, None))
    return str(value).strip()


def text_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if not isinstance(value, list):
        raise FieldError(_("expected a list"), _("write it as [a, b] or one '- item' per line"))
    return [text(item) for item in value if item is not None]


def boolean(value) -> bool:
    lowered = text(value).lower()
    if lowered in {"ja", "yes", "true", "sant", "j"}:
        return True
    if lowered in {"nej", "no", "false", "falskt", "n"}:
        return False
    raise FieldError(_("expected yes or no, got '{value}'").format(value=value), _("write ja or nej (true and false work too)"))


def whole_number(value) -> int:
    digits = text(value)
    if not (digits.isascii() and digits.lstrip("-").isdigit()):
        raise FieldError(_("'{value}' is not a whole number").format(value=digits), _("write digits only, e.g. 2"))
    return int(digits)


def partial_date(value) -> PartialDate:
    try:
        return PartialDate.parse(text(value))
    except ValueError:
        raise FieldError(_("'{value}' is not a date").format(value=value),
                         _("write YYYY-MM-DD, e.g. 2021-11-17, or YYYY-MM when the day is not known")) from None


def full_date(value) -> dt.date:
    parsed = partial_date(value)
    if not parsed.is_full:
        raise FieldError(_("'{value}' is not a full date").format(value=value), _("write YYYY-MM-DD, e.g. 2021-11-17"))
    return parsed.as_date()


def time_of_day(value) -> dt.time:
    try:
        return parse_time(text(value))
    except TimeFormError as exc:
        raise FieldError(exc.message, exc.fix) from None


def date_or_datetime(value):
    try:
        return parse_date_or_datetime(text(value))
    except TimeFormError as exc:
        raise FieldError(exc.message, exc.fix + " " + _("(a whole day: 2022-04-05; with a time: 2022-04-05 13.30)")
                         if exc.kind == "date" else exc.fix) from None


def url(value) -> str:
    value = text(value)
    if not re.match(r"^(https?://|mailto:|/)", value):
        raise FieldError(_("'{value}' is not a web address").format(value=value), _("start it with https://"))
    return value


def enum(*allowed: str) -> Callable[[Any], str]:
    """One of `allowed`; written without å/ä/ö or in capitals it is still recognised
    ('pagaende' is 'pågående'), anything else is refused with the closest choice."""
    by_slug = {slugify(choice): choice for choice in allowed}

    def parse(value) -> str:
        typed = text(value)
        found = by_slug.get(slugify(typed))
        if found is None:
            raise FieldError(_("'{value}' is not one of the choices").format(value=typed), _choices_fix(typed, allowed))
        return found
    return parse


def _choices_fix(typed: str, allowed) -> str:
    close = difflib.get_close_matches(typed.lower(), allowed, n=1, cutoff=0.5)
    choices = ", ".join(allowed)
    if close:
        return _("did you mean '{close}'? use one of: {choices}").format(close=close[0], choices=choices)
    return _("use one of: {choices}").format(choices=choices)


def enum_list(*allowed: str) -> Callable[[Any], list[str]]:
    """A list whose items must each be one of `allowed`."""
    one = enum(*allowed)

    def parse(value) -> list[str]:
        return [one(item) for item in text_list(value)]
    return parse


def contact(value) -> dict[str, str]:
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"name", "email", "phone", "web"})
        if unknown:
            raise FieldError(_("unknown contact part '{part}'").format(part=unknown[0]), _("use name, email, phone or web"))
        return {key: text(val) for key, val in value.items() if val is not None}
    value = text(value)
    if "@" in value and " " not in value:
        return {"email": value}
    return {"name": value}


HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def color(value) -> str:
    value = text(value)
    if not HEX_COLOR.match(value):
        raise FieldError(_("'{value}' is not a colour").format(value=value), _('write six hex digits in quotes, e.g. "#1d5c8a"'))
    return value.lower()


def person(value) -> dict:
    """A person: 'Kipa' or {name, role, federation}."""
    if isinstance(value, str):
        return {"name": value.strip(), "role": None, "federation": None}
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"name", "role", "federation"})
        if unknown:
            raise FieldError(_("unknown person part '{part}'").format(part=unknown[0]), _("a person has name, role and federation"),
                             line_of(value, None))
        if not value.get("name") and not value.get("role"):
            raise FieldError(_("a person needs a name or a role"), _("add name: …"))
        return {"name": text(value["name"]) if value.get("name") else None,
                "role": text(value["role"]) if value.get("role") else None,
                "federation": text(value["federation"]) if value.get("federation") else None}
    raise FieldError(_("expected a name"), _("write the name, or name:/role:/federation: lines"))


def people(value) -> list[dict]:
    """A list of persons and groups ({group, federation, people}); a bare person is ungrouped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list):
        raise FieldError(_("expected a list of names"), _("write [Anna, Elin] or one '- name' per line"))
    groups: list[dict] = []
    loose: list[dict] = []
    for item in value:
        if isinstance(item, dict) and "people" in item:
            unknown = sorted(set(item) - {"group", "federation", "people"})
            if unknown:
                raise FieldError(_("unknown group part '{part}'").format(part=unknown[0]), _("a group has group, federation and people"))
            members = item.get("people") or []
            if isinstance(members, str):
                members = [part.strip() for part in members.split(",") if part.strip()]
            if not isinstance(members, list):
                raise FieldError(_("a group's people must be a list"), _("write people: [Anna, Elin]"))
            groups.append({"group": text(item["group"]) if item.get("group") else None,
                           "federation": text(item["federation"]) if item.get("federation") else None,
                           "people": [person(m) for m in members if m is not None]})
        elif item is not None:
            loose.append(person(item))
    if loose:
        groups.insert(0, {"group": None, "federation": None, "people": loose})
    return groups


def reference_list(value) -> list[str]:
    """Names or slugs of federations or projects: a list, or one line with commas between."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return text_list(value)


def slug_text(value) -> str:
    return text(value)


def string_or_list(value) -> list[str]:
    return text_list(value)


# ---------- the kinds ----------

COMMON = {
    "draft": Field(boolean, example="true"),
}

FEDERATION = {
    "name": Field(text, required=True, example="Samordningsförbundet Roslagen"),
    "short_name": Field(text, required=True, example="Roslagen"),
    "aliases": Field(text_list, example="[SF Roslagen]"),
    "region": Field(text, example="Stockholms län"),
    "members": Field(text_list, example="[Region Stockholm, Försäkringskassan]"),
    "manager": Field(text, example="Sophia Dahlgren"),
    "website": Field(url, example="https://example.se"),
    "contact": Field(contact, example="{email: info@example.se}"),
    "color": Field(color, example='"#1d5c8a"'),
    "logo": Field(text, example="logo.svg"),
    "description": Field(text),
}

PROJECT = {
    "name": Field(text, required=True, example="MIA"),
    "aliases": Field(text_list, example="[MIA-projektet]"),
    "status": Field(enum("planerat", "pågående", "avslutat"), required=True, example="pågående"),
    "start": Field(partial_date, example="2019-09-01"),
    "end": Field(partial_date, example="2022-12-31"),
    "owner": Field(slug_text, example="ostra-sodertorn"),
    "federations": Field(reference_list, example="[roslagen, sundbyberg]"),
    "funding": Field(text, example="ESF"),
    "contact": Field(contact, example="{name: Anna, email: anna@example.se}"),
    "summary": Field(text),
    "description": Field(text),
}

MEETING = {
    "uid": Field(text, example="3f2c9a7e1b0d4c55"),
    "title": Field(text, required=True, example="Förbundschefsmöte 17 november 2021"),
    "type": Field(text, required=True, example="förbundschefsmöte"),
    "date": Field(partial_date, example="2021-11-17"),
    "date_note": Field(text),
    "start": Field(time_of_day, example='13.00'),
    "end": Field(time_of_day, example='16.00'),
    "location": Field(text, example="Sollentuna"),
    "online": Field(boolean, example="true"),
    "online_link": Field(url),
    "federations": Field(reference_list, example="[roslagen]"),
    "chair": Field(person, example="Kipa"),
    "secretary": Field(person, example="Elin"),
    "present": Field(people, example="[Anna, Elin]"),
    "absent": Field(people),
    "guests": Field(people),
    "projects": Field(reference_list, example="[mia]"),
    "publish_names": Field(boolean),
    "status": Field(enum("genomfört", "inställt")),
    "source": Field(text),
    "not_in_original": Field(enum_list("chair", "secretary", "present", "absent", "location", "start"),
                             example="[chair, secretary]"),
    "import_notes": Field(string_or_list),
    "description": Field(text),
}

EVENT = {
    "uid": Field(text),
    "title": Field(text, required=True, example="Finsam-konferens"),
    "start": Field(date_or_datetime, required=True, example="2022-04-05"),
    "end": Field(date_or_datetime, example="2022-04-06"),
    "location": Field(text),
    "online": Field(boolean),
    "online_link": Field(url),
    "federations": Field(reference_list),
    "projects": Field(reference_list),
    "status": Field(enum("bekräftad", "preliminär", "inställd"), example="bekräftad"),
    "announced_in": Field(slug_text),
    "note": Field(text),
    "import_notes": Field(string_or_list),
    "description": Field(text),
}

PAGE = {
    "title": Field(text, required=True, example="Om webbplatsen"),
    "description": Field(text),
    "menu": Field(whole_number, example="2"),
}

SCHEMAS: dict[str, dict[str, Field]] = {
    "federations": FEDERATION,
    "projects": PROJECT,
    "meetings": MEETING,
    "events": EVENT,
    "pages": PAGE,
}

# The fix for an unknown field, by kind: "a meeting has: …".
KIND_FIELDS = {"federations": N_("a federation has: {fields}"), "projects": N_("a project has: {fields}"),
               "meetings": N_("a meeting has: {fields}"), "events": N_("an event has: {fields}"),
               "pages": N_("a page has: {fields}")}

KIND_NAMES = {"federations": "federation", "projects": "project", "meetings": "meeting",
              "events": "event", "pages": "page"}


def validate(source: Source) -> tuple[dict, list[Problem]]:
    """Check one source against its kind's schema: (clean values, problems)."""
    schema = {**SCHEMAS[source.kind], **COMMON}
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in source.meta.items():
        key = str(key)
        field = schema.get(key)
        if field is None:
            close = difflib.get_close_matches(key, schema, n=1, cutoff=0.6)
            fix = (_("did you mean '{close}'?").format(close=close[0]) if close
                   else _(KIND_FIELDS[source.kind]).format(fields=", ".join(sorted(schema))))
            problems.append(Problem(source.rel, source.line_of(key), key, _("unknown field"), fix))
            continue
        if value is None or value == "" or value == [] or value == {}:
            continue
        try:
            clean[key] = field.parse(value)
        except FieldError as exc:
            problems.append(Problem(source.rel, exc.line or line_of(value, source.line_of(key)), key,
                                    exc.message, exc.fix))
        except (TypeError, ValueError):
            problems.append(Problem(source.rel, source.line_of(key), key,
                                    _("'{value}' is not valid here").format(value=value),
                                    _("example: {example}").format(example=f"{key}: {field.example}")
                                    if field.example else ""))
    for key, field in schema.items():
        if field.required and key not in clean and not any(p.field == key for p in problems):
            example = f"{key}: {field.example}" if field.example else f"{key}: …"
            problems.append(Problem(source.rel, 1, key, _("missing required field"),
                                    _("add '{example}' to the front matter").format(example=example)))
    return clean, problems
