"""The report shown to the person importing: the fields found, the reviews, the folder table."""
from __future__ import annotations

from generator.i18n import N_, _
from generator.authoring.importer.notes import MEASURED_FIELDS, Issue, Review

# What the folder table says of a file; the outcome keeps the English word, the table translates it.
STATUS_WORDS = (N_("imported"), N_("skipped"), N_("failed"))

# (issue, field or "*") → the sentence after "field: "; `{detail}` is the value concerned
REVIEW_TEXTS: dict[tuple[Issue, str], str] = {
    (Issue.MISSING, "type"): N_("not found — set it by hand (förbundschefsmöte, presidiemöte, beredningsgrupp, …)"),
    (Issue.GUESSED, "type"): N_("{detail} (guessed from the text — check)"),
    (Issue.PARTIAL, "date"): N_("only {detail} — the day is not in the text"),
    (Issue.MADE_UP, "title"): N_("made up from the type — '{detail}…' — check"),
    (Issue.NOT_NAMES, "*"): N_("the list has parts that are not names — left in the text, set it by hand"),
    (Issue.MISSING, "*"): N_("not found — set it by hand"),
    (Issue.GUESSED, "*"): N_("{detail} (read from the text — check)"),
    (Issue.PARTIAL, "*"): N_("only {detail} — check"),
    (Issue.MADE_UP, "*"): N_("{detail} — check"),
}


def review_line(review: Review) -> str:
    text = REVIEW_TEXTS.get((review.issue, review.field)) or REVIEW_TEXTS[(review.issue, "*")]
    field = _("place") if review.field == "location" else review.field
    return f"{field}: " + _(text).format(detail=review.detail)


def _fmt_people(value) -> list[str]:
    """Front-matter people as report lines, grouped as in the minutes."""
    def person(p):
        if isinstance(p, str):
            return p
        extra = ", ".join(x for x in (p.get("role"), p.get("federation")) if x)
        return f"{p.get('name')} ({extra})" if extra else str(p.get("name"))
    lines, loose = [], []
    for item in value:
        if isinstance(item, dict) and "people" in item:
            lines.append(f"{item['group']}: " + ", ".join(person(p) for p in item["people"]))
        else:
            loose.append(person(item))
    if loose:
        lines.insert(0, ", ".join(loose))
    return lines


def field_lines(meta: dict) -> list[str]:
    """The fields the import filled, one line each (people grouped as in the minutes)."""
    lines = [f"title: {meta['title']}", f"type: {meta['type']}"]
    if "date" in meta:
        lines.append(f"date: {meta['date']}" + (f" {meta.get('start', '')}–{meta.get('end', '')}"
                                                if "start" in meta else ""))
    place_bits = [meta.get("location") or "", _("online") if meta.get("online") else ""]
    if any(place_bits):
        lines.append(_("place") + ": " + ", ".join(b for b in place_bits if b))
    for key in ("chair", "secretary"):
        if key in meta:
            lines.append(f"{key}: {_fmt_people([meta[key]])[0]}")
    for key in ("present", "absent", "guests"):
        if key in meta:
            lines.append(f"{key}:")
            lines.extend("  " + g for g in _fmt_people(meta[key]))
    for key in ("federations", "projects"):
        if meta.get(key):
            lines.append(f"{key}: " + ", ".join(meta[key]))
    return lines


def summary_table(outcomes) -> str:
    """After a folder: file → meeting, fields found, fields to review, events proposed."""
    header = (_("file"), _("meeting"), _("found"), _("to review"), _("events"))
    rows = []
    for o in outcomes:
        if o.status == "imported":
            rows.append((o.file, o.meeting, f"{len(o.found)}/{len(MEASURED_FIELDS)}",
                         ", ".join(o.review) or "–", str(o.events)))
        else:
            rows.append((o.file, o.meeting or "–", "–", _(o.status), "–"))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    done = sum(1 for o in outcomes if o.status == "imported")
    found = sum(len(o.found) for o in outcomes if o.status == "imported")
    total = done * len(MEASURED_FIELDS)
    summary = _("{done} imported, {other} not").format(done=done, other=len(outcomes) - done)
    lines.append(_("{summary}; fields found: {found} of {total}").format(summary=summary, found=found, total=total)
                 if total else summary)
    return "\n".join(lines)
