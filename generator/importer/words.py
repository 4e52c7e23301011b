"""Every Swedish word the importer's rules know, held as data in one place.

Adding a federation's wording (a label, a role, a group heading, a kind of meeting) is adding a
line here; the modules build their patterns from these tables.
"""
from __future__ import annotations


MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
               "september", "oktober", "november", "december"]


WEEKDAY_NAMES = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


# canonical type → patterns that name it (matched on lower-cased words)
MEETING_TYPES: list[tuple[str, str]] = [
    ("förbundschefsmöte", r"förbundsch?e+f+\w*m[öo]te\w*|förbundschef\w*\s+m[öo]te\w*|fc-?m[öo]te\w*"
                          r"|fc-nätverk\w*|förbundschefsträff\w*|förbundschefsnätverk\w*"),
    ("presidiemöte", r"\w*presidi\w*"),
    ("beredningsgrupp", r"beredningsgrupp\w*"),
    ("styrelse", r"styrelsem[öo]te\w*|styrelsesammanträde\w*|styrelseprotokoll\w*|styrelsen"),
    ("medlemssamråd", r"\w*samråd\w*"),
    ("styrgrupp", r"styrgrupp\w*"),
    ("arbetsgrupp", r"arbetsgrupp\w*"),
]


NETWORK_TYPES = {"förbundschefsmöte", "presidiemöte"}   # meetings across federations


TYPE_TITLES = {"förbundschefsmöte": "Förbundschefsmöte", "presidiemöte": "Presidiemöte",
               "beredningsgrupp": "Beredningsgruppsmöte", "styrelse": "Styrelsemöte",
               "medlemssamråd": "Medlemssamråd", "styrgrupp": "Styrgruppsmöte",
               "arbetsgrupp": "Arbetsgruppsmöte"}


# the well-spelt forms; a title word matching a type but not one of these gets corrected
CANONICAL_TYPE_WORDS = {"förbundschefsmöte": ("förbundschefsmöte", "förbundschefsmötet", "förbundschefsmöten")}


FUZZY_TYPE_WORDS = {"förbundschefsmöte": "förbundschefsmöte", "presidiemöte": "presidiemöte",
                     "beredningsgruppsmöte": "beredningsgrupp", "styrelsemöte": "styrelse",
                     "medlemssamråd": "medlemssamråd", "styrgruppsmöte": "styrgrupp"}


ROLE_RULES: list[tuple[str, str]] = [
    (r"t\.?\s*f\.?\s*(?:fc|förbundschef)", "t.f. förbundschef"),
    (r"(?:v\.?|vice)\s*ordf(?:\.|örande)?", "vice ordförande"),
    (r"ordf(?:\.|örande)?", "ordförande"),
    (r"fc|förbundschef", "förbundschef"),
    (r"ers(?:\.|ättare)?", "ersättare"),
    (r"led(?:\.|amot)?", "ledamot"),
    (r"sekr(?:\.|eterare)?", "sekreterare"),
    (r"projektchef|projektledare|processledare|processtödjare|samordnare|kanslist|controller"
     r"|utvärderare|kommunikatör|adjungerad", None),
]


GENERIC_TITLES = {"minnesanteckningar", "minnesanteckning", "anteckningar", "protokoll",
                  "mötesanteckningar", "mötesprotokoll", "dagordning", "agenda"}


LABELS: dict[str, str] = {
    "ordförande": "chair", "mötesordförande": "chair", "ordf": "chair", "ordf.": "chair",
    "sekreterare": "secretary", "sekr": "secretary", "sekr.": "secretary",
    "protokollförare": "secretary", "antecknare": "secretary", "vid pennan": "secretary",
    "justerare": "ignore",
    "närvarande": "present", "deltagare": "present", "närvarande ledamöter": "present",
    "frånvarande": "absent", "anmält förhinder": "absent", "förhinder": "absent",
    "ej närvarande": "absent",
    "gäster": "guests", "gäst": "guests", "inbjudna": "guests", "inbjudna gäster": "guests",
    "adjungerade": "guests",
    "plats": "place", "lokal": "place", "mötesplats": "place",
    "tid": "time", "datum": "date", "datum och tid": "date", "tid och plats": "timeplace",
    "länk": "link", "teamslänk": "link", "möteslänk": "link",
}


# "Närvarande i rummet:", "**På Teams:**" — the sub-labels that split present people into groups
PRESENT_SUBGROUPS = (r"(?:i|på|via)\s+(?:rummet|plats|plats\w*|lokalen|teams|zoom|skype|länk|distans|webben)"
             r"|digitalt|fysiskt|online|på\s+länk")


HEDGE_WORDS = (r"förmodligen|troligen|troligtvis|kanske|eventuellt|ev\.|preliminärt|vid regn|vid behov"
                r"|om möjligt|alternativt")


NOT_EVENT_WORDS = {"idag", "dag", "dagen", "eftermiddag", "eftermiddagen", "förmiddag", "förmiddagen",
                    "vardag", "vardagen", "dagordning", "mötet", "möte", "möten", "vecka", "veckan",
                    "dagar", "dagarna"} | {f"{w}{s}" for w in WEEKDAY_NAMES for s in ("", "en", "ens", "ar")}


GENERIC_EVENT_TITLES = {"möte", "träff", "heldag", "dag", "lansering", "mötestid", "utbildning",
                        "workshop", "föreläsning", "seminarium", "konferens"}
