"""People: one person line ('Karin Ek (C), Tierps kommun, vice ordförande'), name lists, blocks."""
from __future__ import annotations

import re

from generator.authoring.importer.lines import _BULLET
from generator.authoring.importer.names import KnownNames, best_name
from generator.authoring.importer.words import JOB_TITLE_ENDINGS, JOB_TITLE_PREFIXES, JOB_TITLES, NOT_NAME_WORDS, ORGANISATION_ENDINGS, ORGANISATION_WORDS, PARTIES, ROLE_RULES


def normalise_role(text: str) -> str:
    """'v. ordf' → 'vice ordförande', 'tf FC' → 't.f. förbundschef', 'projektchef MIA' kept whole."""
    cleaned = " ".join(text.strip(" .,;").split())
    for pattern, canonical in ROLE_RULES:
        m = re.match(rf"(?:{pattern})(?=$|[\s,.])\.?", cleaned, re.IGNORECASE)
        if m:
            rest = cleaned[m.end():].strip(" ,")
            head = canonical or m.group(0).lower()
            # 'Projektledare, sekreterare': two roles stay two
            sep = ", " if cleaned[m.end():].lstrip().startswith(",") else " "
            return f"{head}{sep}{rest}".strip() if rest else head
    return cleaned


_NAME_WORD = re.compile(r"^[A-ZÅÄÖÉÜ][\wéüÅÄÖåäö'’.-]*$")


def looks_like_name(text: str) -> bool:
    """'Annika A', 'Lotta Lindblad Söderman', 'Kipa' — capitalised, at most six words, no digits."""
    words = text.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in text) or len(text) > 60:
        return False
    if any(w in ("–", "—", "-") for w in words):
        return False
    if any(w.casefold().strip(":,") in NOT_NAME_WORDS for w in words):
        return False          # 'Ordförande Justerande', 'Vid protokollet': labels, no name
    capitalised = sum(1 for w in words if _NAME_WORD.match(w))
    return capitalised >= max(1, len(words) - 1) and bool(_NAME_WORD.match(words[0]))


# 'Anna Lind – Norrback': a dash between a name and where the person comes from
_DASH = re.compile(r"\s+[–—-]\s+")


def _split_names(text: str) -> list[str]:
    text = _DASH.sub(", ", text.replace("*", "").strip().rstrip("."))
    # commas outside parentheses, then ' och ' / ' o ' / ' & '
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    names = []
    for part in parts:
        # "Eva Strand (v. ordf) Sophia Dahlgren (FC)": a closing parenthesis ends a person
        for piece in re.split(r"(?<=\))\s+(?=[A-ZÅÄÖ])", part):
            for name in re.split(r"\s+(?:och|o|&|samt)\s+", piece):
                name = name.strip(" .")
                if name:
                    names.append(name)
    return names


def is_job_title_word(word: str) -> bool:
    """'Förbundschef', 'Vårdenhetschef', 'Ekonom', 'Arbetskonsulent': a word naming a job."""
    word = word.casefold().strip(" .,:")
    return word in JOB_TITLES or any(word.endswith(ending) for ending in JOB_TITLE_ENDINGS)


def split_job_title(text: str) -> tuple[str | None, str]:
    """'Förbundschef Helena Rydén' → ('förbundschef', 'Helena Rydén'); 'Vice ordförande Bo Ek' →
    ('vice ordförande', 'Bo Ek'). The rest must be a name of two words or more; else (None, text)."""
    words = text.split()
    for k in range(1, min(4, len(words) - 1)):
        if not is_job_title_word(words[k - 1]):
            continue
        before = " ".join(words[:k - 1]).casefold()
        if before and before not in JOB_TITLE_PREFIXES:
            continue
        rest = words[k:]
        if len(rest) >= 2 and all(_NAME_WORD.match(w) for w in rest) and not any(is_job_title_word(w) for w in rest):
            title = " ".join(words[:k])
            return normalise_role(title[:1].lower() + title[1:]), " ".join(rest)
    return None, text


def parse_person(text: str, federation: str | None = None,
                 known: KnownNames | None = None) -> str | dict | None:
    """'Kipa' → 'Kipa'; 'Eva Strand (v. ordf)' → {name, role}; 'Anna Ek (Roslagen, FC)' →
    {name, federation, role} when Roslagen is a known federation; None when it is no name."""
    text = text.strip(" .")
    role = None
    m = re.match(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s*$", text)
    if m:
        text = m["name"].strip()
        roles = []
        for part in m["role"].split(","):
            fed, fuzzy = best_name(part, known.federations) if known else (None, False)
            if fed is not None and not federation and not (fuzzy and _ORG_WORD.search(part)):
                federation = fed.slug
            elif part.strip():
                roles.append(normalise_role(part))
        role = ", ".join(roles) or None
    text = " ".join(text.split())
    title, text = split_job_title(text)
    if title:
        # 'Förbundschef Helena Rydén': the title before the name is the person's role
        role = f"{title}, {role}" if role else title
    if not looks_like_name(text):
        return None
    if role is None and federation is None:
        return text
    person: dict = {"name": text}
    if federation:
        person["federation"] = federation
    if role:
        person["role"] = role
    return person


def parse_people(text: str, known: KnownNames) -> tuple[list | None, list[str]]:
    """A list of names (with 'X från Y' groups); None when something is not a name."""
    notes: list[str] = []
    loose: list = []
    groups: list[dict] = []
    segments = re.split(r";", text.replace("*", ""))
    one_each = _one_person_a_segment(segments, known)
    for segment in segments:
        origin = None
        m = re.search(r"\s+(?:från|fr\.)\s+(?P<org>[^,]+?)\s*\.?$", segment)
        lead = re.match(r"^\s*(?P<org>[^:()]{2,40}?)\s*:\s*(?P<names>\S.*)$", segment)
        if lead and (not looks_like_name(lead["org"]) or is_affiliation(lead["org"], known)):
            # 'Region Jönköping: Lovisa Arvidsson (ordf), Hampus Ring; Jönköpings kommun: …'
            origin, segment, m = lead["org"].strip(), lead["names"], None
        if m:
            origin = m["org"].strip()
            segment = segment[:m.start()]
        names = _attach_affiliations(_split_names(segment), known)
        if not names:
            continue
        if one_each and not origin and len(names) > 1 and parse_person_line(segment, known) is not None:
            names = [segment.strip()]   # 'Moa Ek (sekr.), Jobbtorget Vallby' among one person a segment
        fed, fuzzy = best_name(origin, known.federations) if origin else (None, False)
        people = [parse_person_line(n, known, fed.slug if fed else None) for n in names]
        if any(p is None for p in people):
            return None, notes
        if origin:
            group: dict = {"group": fed.label if fed else origin}
            if fed:
                group["federation"] = fed.slug
            group["people"] = people
            groups.append(group)
            if fuzzy:
                notes.append(f"'{origin}' read as {fed.slug}")
        else:
            loose.extend(people)
    return loose + groups, notes


def _one_person_a_segment(segments: list[str], known: KnownNames) -> bool:
    """'Klara Jönsson, samordnare; Moa Ek (sekr.), Jobbtorget Vallby; Dragan Petrović, AF': when
    most segments between semicolons are one person with their details, each segment is one."""
    filled = [s for s in segments if s.strip() and ":" not in s]
    if len(filled) < 3:
        return False
    single = sum(len(_attach_affiliations(_split_names(s), known)) == 1 for s in filled)
    return single * 3 >= len(filled) * 2


def repair_split_names(value, text: str, notes: list[str]):
    """'Kjell Sjun demark' → 'Kjell Sjundemark' when the joined form is written elsewhere."""
    if isinstance(value, list):
        return [repair_split_names(v, text, notes) for v in value]
    if isinstance(value, dict):
        return {k: (repair_split_names(v, text, notes) if k in ("name", "people") else v)
                for k, v in value.items()}
    if not isinstance(value, str):
        return value
    words = value.split()
    for i in range(1, len(words) - 1):
        joined = " ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2:])
        if re.search(rf"(?<!\w){re.escape(joined)}(?!\w)", text):
            notes.append(f"Namnet ”{value}” är läst som ”{joined}”, "
                         f"som det skrivs på annat ställe i texten.")
            return joined
    return value


def _presidium_groups(present) -> bool:
    if not present:
        return False
    groups = [g for g in present if isinstance(g, dict) and "people" in g and g.get("federation")]
    roles = {p.get("role") for g in groups for p in g["people"] if isinstance(p, dict)}
    return len(groups) >= 2 and bool(roles & {"ordförande", "vice ordförande"})


_ORGANISATION = re.compile(r"(?i:kommun|stad\b|region|försäkringskassan|arbetsförmedlingen|förbund|vården"
                           r"|hälsocentral|psykiatri|socialtjänst|kansli)|\bFK\b|\bAF\b|\b[a-zåäö]{3,}")


def _people_block(block: list[str], known: KnownNames, notes: list[str]) -> list | None:
    """The lines under a 'Närvarande' heading: a name list, bullets, or the presidium form
    'Roslagen: Lotta Lindblad Söderman (ordförande), Eva Strand (v. ordf) Sophia Dahlgren (FC)'."""
    if not block:
        return None
    cleaned = [_BULLET.match(line)["text"] if _BULLET.match(line) else line.strip() for line in block]
    cleaned = [_slash_affiliation(_organisation_first(line.replace("**", "").strip())) for line in cleaned]
    labelled = [re.match(r"^(?P<label>[^:()]{2,40}?)\s*:\s*(?P<names>.+)$", line) for line in cleaned]
    if all(labelled):
        groups = []
        for m in labelled:
            label = m["label"].strip()
            fed, fuzzy = best_name(label, known.federations)
            people = []
            # 'Gäst: Tove Ljung, Ungdomsmottagningen Kumla': an affiliation stays with its person
            for name in _attach_affiliations(_split_names(m["names"]), known):
                person = parse_person_line(name, known, fed.slug if fed else None)
                if person is None:
                    return None
                people.append(person)
            if fed is None and is_role(label):
                # 'Förbundschef: Tove Malm': the label is the person's role, no group
                for person in people:
                    person = {"name": person} if isinstance(person, str) else person
                    role = normalise_role(label)
                    person["role"] = f"{role}, {person['role']}" if person.get("role") else role
                    groups.append(person)
                continue
            group: dict = {"group": fed.label if fed else label}
            if fed:
                group["federation"] = fed.slug
                if fuzzy:
                    notes.append(f"”{label}” tolkat som {fed.label} (stavningen skiljer sig) – kontrollera.")
            else:
                notes.append(f"Gruppen ”{label}” är inget känt förbund – kontrollera.")
            group["people"] = people
            groups.append(group)
        return groups
    outside = [re.sub(r"\([^()]*\)", "", line) for line in cleaned]
    if _one_person_a_line(cleaned, outside, known):
        # 'Jesper Carlsson, Kooperativet Gröna Händer, Uddevalla' among lines of one person with
        # an affiliation each: every part after the name is where the person comes from
        people = []
        for line in cleaned:
            person = parse_person_line(line, known)
            if person is None:
                return None
            people.append(person)
        return people
    if (len(cleaned) >= 2 and not any(";" in o for o in outside)
            and all(o.count(",") <= 1 or all(is_description(p, known) for p in _split_commas(o)[1:]) for o in outside)
            and any("," in o and _ORGANISATION.search(o.split(",", 1)[1]) for o in outside)):
        # one person a line: 'Lisa Holm, Skövde kommun' — the organisation is kept as the role
        people = []
        for line, bare in zip(cleaned, outside):
            if "," not in bare:
                person = parse_person(line, None, known)
                if person is None:
                    return None
                people.append(person)
                continue
            if bare.count(",") > 1 or re.search(r"\)\s*$", line):
                # 'Sanna Holm, Regionen, vårdcentralen Ås', 'Hans Ek, Borås stad (ordf.)'
                person = parse_person_line(line, known)
                if person is None:
                    return None
                people.append(person)
                continue
            name, rest = (part.strip() for part in line.split(",", 1))
            fed, _ = best_name(rest, known.federations)
            person = parse_person(name, fed.slug if fed else None, known)
            if person is None:
                return None
            if fed is None:
                person = {"name": person} if isinstance(person, str) else person
                person["role"] = ", ".join(x for x in (person.get("role"), rest.rstrip(".")) if x)
            people.append(person)
        return people
    people, extra = parse_people(", ".join(cleaned), known)
    if people is None:
        return None
    notes.extend(f"Tolkat: {n}." for n in extra)
    return people


def _one_person_a_line(cleaned: list[str], outside: list[str], known: KnownNames) -> bool:
    """Lines that each begin with a full name followed by a comma, most of them with a part after
    it that is known to be an affiliation ('Stina Åberg, Arbetsförmedlingen'): a list of one
    person a line, whose other parts are affiliations too, whatever their words."""
    if len(cleaned) < 3 or any(";" in o or re.search(r"\s(?:och|samt|&)\s", o) for o in outside):
        return False
    heads = [_split_commas(o)[0] if o.strip() else "" for o in outside]
    if not all(looks_like_name(h) and len(h.split()) >= 2 for h in heads):
        return False
    with_parts = [_split_commas(o)[1:] for o in outside if "," in o]
    known_parts = sum(1 for parts in with_parts if parts and is_affiliation(parts[0], known))
    return len(with_parts) >= 2 and known_parts * 2 > len(with_parts)


_PARTY = re.compile(rf"\((?P<party>{'|'.join(PARTIES)})\)", re.IGNORECASE)
_ORG_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(ORGANISATION_WORDS)})(?!\w)"
                      rf"|\w\w(?:{'|'.join(ORGANISATION_ENDINGS)})(?!\w)", re.IGNORECASE)
_ROLE_START = re.compile("|".join(f"(?:{pattern})" for pattern, _ in ROLE_RULES), re.IGNORECASE)


def is_role(text: str) -> bool:
    m = _ROLE_START.match(text.strip())
    return bool(m) and (m.end() == len(text.strip()) or not text.strip()[m.end()].isalpha())


def is_affiliation(text: str, known: KnownNames | None) -> bool:
    """'Sala kommun', 'Försäkringskassan', 'Östra Dalen' (a known federation), 'vice ordförande',
    'Västmark (mötesordförande)': a comma part that says where a person comes from or what they
    are, not another person ('Mikael Ström (FK)' is a person)."""
    text = text.replace("*", "").strip(" .")
    if not text:
        return False
    if _PARTY.fullmatch(text):
        return True
    base = re.sub(r"\s*\([^()]*\)\s*$", "", text).strip() or text
    if is_role(base) or _ORG_WORD.search(base):
        return True
    words = base.split()
    if len(words) <= 3 and is_job_title_word(words[-1]):
        return True          # 'IPS-coach', 'Regional utvecklingsledare': what the person is
    if known is not None:
        fed, fuzzy = best_name(base, known.federations)
        if fed is not None and not fuzzy:
            return True
    return False


_DESCRIPTION = re.compile(r"^(?:§|[a-zåäöé])")


def is_description(text: str, known: KnownNames | None) -> bool:
    """A comma part after a name that says more of that person and is no other person: an
    affiliation, or a few words in lower case or a paragraph reference ('sakkunnigt biträde
    till revisorerna', '§ 33')."""
    text = text.replace("*", "").strip(" .")
    if is_affiliation(text, known):
        return True
    return bool(_DESCRIPTION.match(text)) and len(text.split()) <= 8 and ":" not in text


def _attach_affiliations(names: list[str], known: KnownNames | None) -> list[str]:
    """['Elsa Ås', 'Östra Dalen', 'Bo Ek', '§ 3'] → ['Elsa Ås, Östra Dalen', 'Bo Ek, § 3']."""
    out: list[str] = []
    for name in names:
        if out and is_description(name, known) and not is_affiliation(out[-1].split(",")[0], known):
            out[-1] = f"{out[-1]}, {name}"
        else:
            out.append(name)
    return out


def _split_commas(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth <= 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    return [p for p in parts if p]


_SLASH = re.compile(r"^(?P<name>[^/,()]+?)\s*/\s*(?P<rest>[^/\s].*)$")


def _slash_affiliation(text: str) -> str:
    """'Kerstin Malm/Roslagen' → 'Kerstin Malm, Roslagen': after a full name, a slash says where
    the person comes from (what follows it is no other person)."""
    slash = _SLASH.match(text)
    if slash and looks_like_name(slash["name"]) and len(slash["name"].split()) >= 2:
        return f"{slash['name']}, {slash['rest']}"
    return text


_ORG_FIRST = re.compile(r"^(?P<org>[^–—:,()/]{2,60}?)\s+[–—-]\s+(?P<name>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){1,3})"
                        r"(?P<rest>(?:\s*[,(].*)?)$")


def _organisation_first(text: str) -> str:
    """'Eksjö kommun – Ann-Sofie Kron (ordförande)' → 'Ann-Sofie Kron, Eksjö kommun (ordförande)':
    a list that names the organisation first and the person after a dash."""
    m = _ORG_FIRST.match(text.replace("**", "").strip())
    if (not m or not looks_like_name(m["name"]) or is_affiliation(m["name"], None)
            or not is_affiliation(m["org"], None)):
        return text
    rest = m["rest"].strip()
    if rest.startswith(","):
        return f"{m['name']}, {m['org']}{rest}"
    return f"{m['name']}, {m['org']}{' ' + rest if rest else ''}"


def parse_person_line(text: str, known: KnownNames | None, federation: str | None = None) -> str | dict | None:
    """One person as a line of a member list, in the forms such lists take:
    'Karin Ek (C), Tierps kommun, vice ordförande' → {name, role: 'vice ordförande, Tierps kommun (C)'};
    'Anna Lind, Samordningsförbundet Norrback' → {name, federation}; 'Bo Ek (FC)'; 'Kipa'.
    None when the first part is no name."""
    text = _organisation_first(text.replace("**", "").strip().strip(" .;"))
    text = _DASH.sub(", ", re.sub(r"^[-–•*]\s+", "", text))
    parts = _split_commas(_slash_affiliation(text))
    if not parts:
        return None
    head, rest = parts[0], parts[1:]
    party = None
    m = _PARTY.search(head)
    if m:
        party = m["party"].upper()
        head = (head[:m.start()] + head[m.end():]).strip()
    words = head.split()
    for k in range(1, len(words)):
        # 'Anna Andersson (S) ordförande': a role after the name with no comma between
        tail = " ".join(words[k:])
        if is_role(tail) and all(w[:1].isupper() for w in words[:k]) and "(" not in tail:
            head, rest = " ".join(words[:k]), [tail, *rest]
            break
    person = parse_person(head, federation, known)
    if person is None:
        return None
    if not rest and party is None:
        return person
    person = {"name": person} if isinstance(person, str) else dict(person)
    roles = [person["role"]] if person.get("role") else []
    organisations = []
    for part in rest:
        inner = re.match(r"^(?P<part>[^()]+?)\s*\((?P<inner>[^()]+)\)$", part)
        if inner and is_role(inner["inner"]):
            # 'Västmark (mötesordförande)': the role in brackets after the organisation
            roles.append(normalise_role(inner["inner"]))
            part = inner["part"]
        fed, fuzzy = best_name(part, known.federations) if known else (None, False)
        if fed is not None and not fuzzy and not person.get("federation"):
            person["federation"] = fed.slug
        elif is_role(part):
            roles.append(normalise_role(part))
        else:
            organisations.append(" ".join(part.split()))
    role = ", ".join(roles + organisations)
    if party:
        role = f"{role} ({party})" if role else f"({party})"
    if role:
        person["role"] = role
    return {k: person[k] for k in ("name", "federation", "role") if person.get(k)}
