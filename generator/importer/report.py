"""The report lines shown to the person importing."""
from __future__ import annotations


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
