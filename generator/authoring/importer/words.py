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
                          r"|fc-nätverk\w*|fc-?träff\w*|förbundschefsträff\w*|förbundschefsnätverk\w*"),
    ("presidiemöte", r"\w*presidi\w*"),
    ("beredningsgrupp", r"beredningsgrupp\w*"),
    ("styrelse", r"\w*styrelsem[öo]te\w*|\w*styrelsesammanträde\w*|\w*styrelseprotokoll\w*"
                 r"|(?:förbunds)?styrelsen?s?"),
    ("medlemssamråd", r"\w*samråd\w*"),
    ("styrgrupp", r"styrgrupp\w*"),
    ("arbetsgrupp", r"arbetsgrupp\w*"),
    ("arbetsutskott", r"arbetsutskott\w*|au-m[öo]te\w*"),
    ("referensgrupp", r"referensgrupp\w*"),
    ("ledningsgrupp", r"ledningsgrupp\w*"),
    ("nätverksmöte", r"\w*nätverksm[öo]te\w*|\w*nätverksträff\w*"),
    ("samverkansmöte", r"\w*samverkansm[öo]te\w*"),
]


# a compound title word naming a meeting of no kind above ('Dialogmöte', 'Informationsträff'; not
# 'Möte' alone, which says nothing of the kind) gives the type 'möte'; tried after the types above
# and their misspellings, and only in the title lines
GENERIC_MEETING_TYPE = ("möte", r"\w+m[öo]te[tn]?|\w+träff(?:en)?")


NETWORK_TYPES = {"förbundschefsmöte", "presidiemöte"}   # meetings across federations


TYPE_TITLES = {"förbundschefsmöte": "Förbundschefsmöte", "presidiemöte": "Presidiemöte",
               "beredningsgrupp": "Beredningsgruppsmöte", "styrelse": "Styrelsemöte",
               "medlemssamråd": "Medlemssamråd", "styrgrupp": "Styrgruppsmöte",
               "arbetsgrupp": "Arbetsgruppsmöte", "arbetsutskott": "Arbetsutskottsmöte",
               "referensgrupp": "Referensgruppsmöte", "ledningsgrupp": "Ledningsgruppsmöte",
               "nätverksmöte": "Nätverksmöte", "samverkansmöte": "Samverkansmöte", "möte": "Möte"}


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
    (r"2:e\s+vice\s+ordförande|andre\s+vice\s+ordförande", "2:e vice ordförande"),
    (r"mötesordförande|ordförande\s+för\s+(?:mötet|dagen)|dagens\s+ordförande", "mötesordförande"),
    (r"mötesledare", "mötesledare"),
    (r"mötessekreterare|antecknare", None),
    (r"protokollförare", "protokollförare"),
    (r"tjänstgörande\s+ersättare", "tjänstgörande ersättare"),
    (r"justerare", "justerare"),
    (r"ledamot|ordinarie\s+ledamot", "ledamot"),
    (r"projektchef|projektledare|processledare|processtödjare|samordnare|kanslist|controller"
     r"|utvärderare|kommunikatör|adjungerad|verksamhetsutvecklare|ekonom|handläggare|enhetschef"
     r"|verksamhetschef|avdelningschef|sektionschef|strateg|utredare|koordinator|kanslichef"
     r"|förbundssekreterare|gäst|revisor|föredragande|direktör|chef", None),
]


# job titles written before a name ('Förbundschef Helena Rydén', 'Ekonom Peter Holmqvist'): the
# name is the person and the title goes to the role. A word is a title when it is one of
# JOB_TITLES or ends in one of JOB_TITLE_ENDINGS ('Vårdenhetschef', 'Arbetskonsulent'); a few
# words may stand before it ('Vice ordförande', 'Studie- och yrkesvägledare', 'T.f. förbundschef')
JOB_TITLES = ("ekonom", "kanslist", "controller", "kommunikatör", "revisor", "socionom", "psykolog",
              "kurator", "läkare", "sjuksköterska", "arbetsterapeut", "fysioterapeut", "jurist",
              "coach", "jobbcoach", "arbetsförmedlare", "direktör", "ordförande", "ledamot",
              "ersättare", "förbundschef", "tjänsteperson", "tjänsteman", "specialist", "expert",
              "pedagog", "praktikant", "student", "representant", "adjungerad", "gäst", "föredragande")
JOB_TITLE_ENDINGS = ("chef", "ledare", "samordnare", "koordinator", "handläggare", "konsulent",
                     "utvecklare", "strateg", "utredare", "sekreterare", "ansvarig", "direktör",
                     "handledare", "rådgivare", "assistent", "vägledare", "terapeut", "sköterska",
                     "analytiker", "specialist", "ombud", "kanslist", "controller", "coach",
                     "kommunikatör", "ekonom", "administratör", "stödjare", "förmedlare",
                     "företrädare", "representant", "pedagog", "ordförande", "föreläsare")
# words that may stand before a job title and belong to it
JOB_TITLE_PREFIXES = ("vice", "t.f.", "tf", "tf.", "t f", "bitr.", "biträdande", "tillförordnad",
                      "studie- och", "2:e vice", "förste", "första", "andre", "senior", "regional")


GENERIC_TITLES = {"minnesanteckningar", "minnesanteckning", "anteckningar", "protokoll",
                  "mötesanteckningar", "mötesprotokoll", "dagordning", "agenda"}
# words of a line that gives the date, time and place and says nothing more ('Minnesanteckningar
# från mötet den 2 februari 2024, kl. 10–14.30, Hotell Björken, Nordstad')
DATE_LINE_FILLER = {"från", "mötet", "möte", "sammanträdet", "träffen", "den", "vid", "för", "kl", "klockan",
                    "datum", "tid", "plats", "sammanträdesprotokoll"}


# words that are labels or roles, never part of a person's name ('Ordförande Justerande',
# 'Vid protokollet', 'Justerare Mats Öberg' are no names)
NOT_NAME_WORDS = frozenset({
    "ordförande", "ordf", "ordf.", "sekreterare", "sekr", "sekr.", "justerare", "justerande", "justeras",
    "justering", "protokollförare", "protokollförande", "antecknare", "närvarande", "frånvarande",
    "deltagare", "ersättare", "ledamot", "ledamöter", "beslutande", "förhinder", "datum", "tid", "plats",
    "protokollet", "pennan", "anteckningarna", "mötesledare", "mötesordförande", "mötessekreterare",
    "underskrifter", "underskrift", "paragrafer", "organ", "gäster", "vice", "tjänstgörande",
    "sammanträdesdatum", "sammanträdesprotokoll", "protokoll", "minnesanteckningar", "anteckningar"})


# A header label (lower case, without the colon) → the field its value goes to. "place", "time",
# "date", "link" are read only in the header; "timeplace"/"dateplace"/"datetime" carry two values
# in one; "ignore" is a label that ends a list of people but is no field (it stays in the text).
LABELS: dict[str, str] = {
    # the chair of this meeting
    "ordförande": "chair", "mötesordförande": "chair", "ordf": "chair", "ordf.": "chair",
    "ordförande för mötet": "chair", "mötets ordförande": "chair", "ordförande för dagen": "chair",
    "dagens ordförande": "chair", "ordförande vid mötet": "chair", "mötesledare": "chair",
    "sammankallande": "chair", "ordförande för sammanträdet": "chair", "leds av": "chair",
    # who wrote the minutes
    "sekreterare": "secretary", "sekr": "secretary", "sekr.": "secretary", "mötessekreterare": "secretary",
    "protokollförare": "secretary", "protokollförande": "secretary", "antecknare": "secretary",
    "vid pennan": "secretary", "vid protokollet": "secretary", "anteckningar": "secretary",
    "anteckningar förda av": "secretary", "minnesanteckningar förda av": "secretary",
    "antecknat av": "secretary", "noteringar": "secretary", "sekreterare för mötet": "secretary",
    # labels that are no field: the people stay in the text
    "justerare": "ignore", "justerande": "ignore", "justeras": "ignore", "justering": "ignore", "utses att justera": "ignore",
    "underskrifter": "ignore", "paragrafer": "ignore", "organ": "ignore", "beslutande organ": "ignore",
    # present (see also PRESENT_GROUP_LABELS: those keep their heading as the group's name)
    "närvarande": "present", "deltagare": "present", "närvarande ledamöter": "present",
    "deltagande": "present", "närvarolista": "present", "medverkande": "present", "på mötet": "present",
    "beslutande": "present", "beslutande ledamöter": "present", "ledamöter": "present",
    "tjänstgörande ledamöter": "present", "tjänstgörande ersättare": "present",
    "ersättare": "present", "närvarande ersättare": "present", "ej tjänstgörande ersättare": "present",
    "icke tjänstgörande ersättare": "present", "övriga närvarande": "present",
    "övriga deltagare": "present", "övriga deltagande": "present", "övriga": "present", "tjänstepersoner": "present",
    "tjänsteperson": "present", "tjänsteman": "present", "närvarande tjänstepersoner": "present", "från kansliet": "present", "kansliet": "present",
    "tjänstemän": "present", "närvarande tjänstemän": "present", "närvaro": "present",
    "ersättare som inte tjänstgör": "present", "ersättare, ej tjänstgörande": "present",
    "ej tjänstgörande": "present", "icke tjänstgörande": "present",
    "ordinarie ledamöter": "present", "närvarande ordinarie ledamöter": "present",
    "ordinarie ledamot": "present", "ersättare, tjänstgörande": "present",
    "deltog": "present",
    # absent
    "frånvarande": "absent", "anmält förhinder": "absent", "förhinder": "absent",
    "ej närvarande": "absent", "anmälda förhinder": "absent", "frånvarande ledamöter": "absent",
    "förhindrade": "absent", "avbud": "absent", "har anmält förhinder": "absent",
    "anmält frånvaro": "absent", "frånvarande ersättare": "absent",
    # guests
    "gäster": "guests", "gäst": "guests", "inbjudna": "guests", "inbjudna gäster": "guests",
    "adjungerade": "guests", "adjungerad": "guests", "inbjuden": "guests", "inbjuden gäst": "guests", "inbjudna föredragande": "guests",
    "föredragande": "guests", "externa deltagare": "guests",
    # when and where
    "plats": "place", "lokal": "place", "mötesplats": "place", "sammanträdesplats": "place",
    "mötesplats/lokal": "place", "var": "place",
    "tid": "time", "tidpunkt": "time", "klockan": "time", "mötestid": "time", "sammanträdestid": "time",
    "datum": "date", "mötesdatum": "date", "sammanträdesdatum": "date", "dag": "date",
    "sammanträdesdag": "date", "mötesdag": "date",
    "datum och tid": "datetime", "tid och datum": "datetime", "datum, tid": "datetime",
    "datum/tid": "datetime", "när": "datetime",
    "tid och plats": "timeplace", "plats och tid": "timeplace", "tid/plats": "timeplace",
    "datum och plats": "dateplace", "plats och datum": "dateplace",
    "datum, tid och plats": "all", "tid, datum och plats": "all", "datum, plats och tid": "all",
    "länk": "link", "teamslänk": "link", "möteslänk": "link", "zoomlänk": "link",
}


# labels of a group of people whose heading is kept as the group's name in `present`
PRESENT_GROUP_LABELS = (
    "beslutande", "beslutande ledamöter", "ledamöter", "tjänstgörande ledamöter",
    "tjänstgörande ersättare", "ersättare", "närvarande ersättare", "ej tjänstgörande ersättare",
    "icke tjänstgörande ersättare", "övriga närvarande", "övriga deltagare", "övriga deltagande", "övriga",
    "tjänstepersoner", "tjänsteperson", "tjänsteman", "närvarande tjänstepersoner", "från kansliet", "kansliet", "tjänstemän",
    "närvarande tjänstemän", "ersättare som inte tjänstgör", "ersättare, ej tjänstgörande",
    "ej tjänstgörande", "icke tjänstgörande", "ordinarie ledamöter", "närvarande ordinarie ledamöter",
    "ordinarie ledamot", "ersättare, tjänstgörande",
)


# party letters written after a name: 'Karin Ek (C)'
PARTIES = ("S", "M", "C", "L", "KD", "V", "MP", "SD", "FP", "FI", "NS", "SPI", "ÖP", "SBÄ", "VÄG")


# words that make a comma part an organisation: 'Lisa Holm, Skövde kommun'
ORGANISATION_WORDS = (
    "kommun", "kommunen", "stad", "staden", "region", "regionen", "landsting", "försäkringskassan",
    "arbetsförmedlingen", "förbund", "förbundet", "samordningsförbund", "samordningsförbundet",
    "vården", "vårdcentral", "hälsocentral", "psykiatri", "psykiatrin", "socialtjänst",
    "socialtjänsten", "kansli", "kansliet", "förvaltning", "förvaltningen", "nämnd", "nämnden",
    "fk", "af", "skr", "nns", "länsstyrelsen", "högskola", "universitet", "projekt", "projektet",
    "finsam", "sf", "sjukhus", "sjukhuset", "vårdcentralen", "stiftelse", "förening", "bolag", "ab",
)


# the endings of a compound word that names an organisation: 'Västra Götalandsregionen',
# 'Ungdomsmottagningen', 'Vuxenutbildningen' (the word must be longer than the ending)
ORGANISATION_ENDINGS = (
    "kommun", "regionen", "förbundet", "förvaltningen", "förvaltning", "kassan", "förmedlingen",
    "mottagningen", "mottagning", "centralen", "sjukhus", "sjukhuset", "kliniken", "enheten",
    "nämnden", "skolan", "utbildningen", "stiftelsen", "föreningen", "bolaget", "myndigheten",
    "verket", "kontoret", "tjänsten", "vården", "psykiatrin", "huset", "teamet",
)


# the role a member has in the meeting that makes them its chair or secretary, when no label says
CHAIR_ROLES = ("ordförande", "mötesordförande", "mötesledare", "ordförande för mötet", "dagens ordförande")
SECRETARY_ROLES = ("sekreterare", "protokollförare", "mötessekreterare", "antecknare")


# a sentence that names the chair or the secretary in prose: 'Mötet leddes av Petra Nyman.',
# 'Anteckningar fördes av Jenny Kallio.' (the name follows the phrase)
CHAIR_PHRASES = ("mötet leddes av", "sammanträdet leddes av", "träffen leddes av", "mötet leds av",
                 "ordförande var", "mötesordförande var", "ordförande för mötet var", "mötesledare var",
                 "ordförande vid mötet var", "ordförandeskapet innehades av")
SECRETARY_PHRASES = ("anteckningar fördes av", "anteckningarna fördes av", "minnesanteckningarna fördes av",
                     "protokollet fördes av", "anteckningar skrevs av", "anteckningarna skrevs av",
                     "sekreterare var", "antecknare var", "protokollförare var", "mötessekreterare var",
                     "vid pennan var", "vid protokollet var")


# a phrase after the name that makes the person the chair or the secretary: 'Anders Nyberg förde
# anteckningar', 'Eva Ek ledde mötet'
CHAIR_AFTER_NAME = ("ledde mötet", "ledde sammanträdet", "ledde träffen", "var ordförande",
                    "var mötesordförande", "var mötesledare", "var ordförande för mötet")
SECRETARY_AFTER_NAME = ("förde anteckningar", "förde anteckningarna", "förde protokollet", "förde protokoll",
                        "förde minnesanteckningar", "förde minnesanteckningarna", "skrev anteckningarna",
                        "var sekreterare", "var antecknare", "var protokollförare", "var mötessekreterare",
                        "antecknade", "höll i pennan")
# words that may join the name to such a phrase: 'förbundschef Cecilia Norberg, som också ledde mötet'
AFTER_NAME_LINKS = ("som", "som också", "som även", "som dessutom")


# a sentence of the header that lists the people present or absent after an opening phrase:
# 'Närvarande var från Försäkringskassan Karin Öhman och Jimmy Lundström, från …',
# 'Förhinder hade Hans Lidström, Region Västerbotten, och Marie Renberg.'
PROSE_PRESENT_OPENERS = ("närvarande var", "närvarande vid mötet var", "närvarande på mötet var",
                         "deltagare var", "deltagare vid mötet var", "vid mötet deltog", "på mötet deltog",
                         "i mötet deltog", "vid sammanträdet deltog", "deltog gjorde", "med på mötet var",
                         "på plats var")
PROSE_ABSENT_OPENERS = ("förhinder hade", "anmält förhinder hade", "frånvarande var", "ej närvarande var",
                        "förhindrade var", "frånvarande från mötet var", "förhinder anmälde")
# 'Processledare Oskar Sandberg deltog under punkt 3.': one more person present
PROSE_JOINED_VERBS = ("deltog", "närvarade", "medverkade", "var med")
# 'Under punkt 3 medverkade Sara Lindh, projektledare.': the part of the meeting, then the verb
PROSE_PART_OPENERS = ("under punkt", "under punkterna", "vid punkt", "vid punkterna", "under ärende",
                      "under ärendena", "under §", "vid §", "under paragraf")
# 'Johanna Wallin från Arbetsförmedlingen hade anmält förhinder.': one person absent
PROSE_ABSENT_AFTER = ("hade anmält förhinder", "har anmält förhinder", "hade förhinder", "var frånvarande",
                      "kunde inte delta", "deltog inte")


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


# ---- announced dates: the words around a date that make it an event (regular-expression pieces,
# matched as whole words, case ignored)

# nouns and verbs that name something happening on the date
EVENT_NOUNS = (
    r"\w*möte[tn]?", r"\w*mötes\w*", r"\w*sammanträde\w*", r"sammanträder", r"\w*träff(?:en|ar)?",
    r"träffas", r"ses", r"möts", r"\w*konferens\w*", r"\w*heldag\w*", r"\w{3,}dag(?:en|ar)?",
    r"\w+\s+dagen", r"\w*seminari\w*", r"\w*webb?inari\w*", r"workshop\w*", r"\w*utbildning\w*",
    r"\w*samråd\w*", r"\w*vecka[n]?", r"öpp\w*\s+hus", r"lanser\w*", r"\w*föreläsning\w*",
    r"\w*mässa[n]?", r"kick-?off", r"invigning\w*", r"\w*dialog(?:en)?", r"\w*internat\w*",
)
# verbs that say this body meets: the event is titled by the meeting's type
MEETING_VERBS = ("möts", "sammanträder", "sammanträda", "mötas")
# a last day for something
DEADLINE_WORDS = (r"senast", r"sista\s+(?:dag|anmälningsdag\w*)", r"deadline", r"anmälan\s+senast")
# the date is called off
CANCELLED_WORDS = (r"ställ(?:s|es|ts|des)\s+(?:\w+\s+)?in\b", r"inställ\w*", r"avbok\w*", r"utgår\b")
# the date is moved: the date before the word (or after 'från') is off, the one after 'till' is on
MOVED_WORDS = (r"flytta\w*", r"skjuts\s+upp", r"senarelägg\w*", r"tidigarelägg\w*", r"byter\s+datum",
               r"ändras")
# the sentence speaks of the future
FUTURE_WORDS = (
    r"nästa", r"kommer", r"kommande", r"ska", r"skall", r"bokas", r"bokat", r"bokad", r"planera\w*",
    r"inbjudan", r"bjuder", r"anmäl\w*", r"senast", r"äger\s+rum", r"blir", r"tar\s+sikte",
    r"save\s+the\s+date", r"föreslås", r"välja", r"lanserar", r"genomförs", r"hålls", r"startar",
    r"börjar", r"preliminärt", r"imorgon", r"i\s+morgon", r"möts", r"sammanträder", r"träffas",
    r"flytta\w*", r"sammanträdesdag\w*", r"mötesdag\w*", r"mötestider", r"sammanträdesplan\w*",
)
# the sentence speaks of the past
PAST_WORDS = (
    r"genomfördes", r"genomförts", r"avslutades", r"avslutats", r"hölls", r"hållits", r"ägde\s+rum",
    r"skedde", r"startade", r"började", r"deltog", r"var", r"rapporterar", r"rapporterade", r"berättade",
    r"informerade",
)
# 'Nästa möte', 'nästa styrgruppsmöte': the next meeting of this kind
NEXT_MEETING_NOUNS = (r"\w*möte[t]?", r"sammanträde[t]?", r"\w*träff(?:en)?", r"\w*samråd(?:et)?",
                      r"beredningsgrupp\w*")
# several dates to choose from
ALTERNATIVE_WORDS = (r"välja\s+mellan", r"välj", r"alternativ\w*", r"antingen")
# a part of the day instead of a time
PART_OF_DAY_WORDS = (r"på\s+(?:eftermiddagen|förmiddagen|morgonen|kvällen)", r"hela\s+dagen",
                     r"innan\s+lunch", r"efter\s+lunch")


# the public note every proposed event carries: the site says why it stays preliminary
UNCONFIRMED_NOTE = "Datumet är aviserat i minnesanteckningarna och inte bekräftat."
# what a meeting's import_notes say when the importer found no chair or secretary
NOT_FOUND_NOTE = ("Importen fann inte {fields} i originalet och har satt not_in_original – "
                  "ändra om originalprotokollet anger det.")
# front-matter fields as the Swedish notes name them
FIELD_WORDS = {"chair": "ordförande", "secretary": "sekreterare", "present": "närvarande",
               "absent": "frånvarande", "location": "plats", "start": "tid"}
# the heading cells of a table of people
# the heading cells of a table of people that say what a column holds; a table whose heading row
# has a name column is read column by column ('Namn | Organisation | Närvaro')
TABLE_COLUMNS = {
    "namn": "name", "deltagare": "name", "ledamot": "name", "ledamöter": "name", "person": "name",
    "för- och efternamn": "name",
    "parti": "party",
    "organisation": "organisation", "representerar": "organisation", "förbund": "organisation",
    "myndighet": "organisation", "verksamhet": "organisation", "kommun/myndighet": "organisation",
    "arbetsplats": "organisation", "huvudman": "organisation",
    "roll": "role", "funktion": "role", "uppdrag": "role", "befattning": "role", "titel": "role",
    "närvaro": "presence", "närvarande": "presence", "deltar": "presence", "deltog": "presence",
    "status": "presence", "närvarande/frånvarande": "presence",
    "kommentar": "note", "anmärkning": "note", "not": "note", "§": "note", "paragrafer": "note",
}
# what a presence cell says: the person was there (no more to say) or was not
TABLE_PRESENT_VALUES = ("närvarande", "ja", "x", "deltog", "deltar", "närvarade", "✓", "✔")
TABLE_ABSENT_VALUES = ("förhinder", "anmält förhinder", "frånvarande", "frånvaro", "ej närvarande",
                       "inte närvarande", "nej", "avbud", "anmält frånvaro", "anmält avbud", "deltog ej",
                       "deltog inte")
# a presence cell naming where the person was ('I rummet', 'Teams'): people are grouped by it
TABLE_PLACE_VALUES = (r"(?:i|på|via)\s+\w+|teams|zoom|skype|digitalt|fysiskt|online|distans|på\s+plats|"
                      r"på\s+länk|länk|video")
TABLE_HEADINGS = ("namn", "organisation", "roll", "funktion", "förbund", "parti", "representerar",
                  "uppdrag", "befattning", "titel", "närvarande", "ledamot", "ersättare", "kommentar")
# a label alone on a line with the name on the next, as signatures stand ('Vid pennan' /
# '//Catarina'); also 'Vid pennan /Catarina' on one line
SIGNATURE_LABELS = ("vid pennan", "vid protokollet", "sekreterare", "protokollförare", "mötessekreterare",
                    "ordförande", "mötesordförande")
# 'Mötet hölls på Teams.', 'Sammanträdet genomfördes digitalt': the meeting itself was online
MEETING_WORDS = ("mötet", "sammanträdet", "träffen", "samrådet", "vi")
HELD_WORDS = ("hölls", "genomfördes", "skedde", "sker", "hålls", "var", "ägde rum", "träffades", "sågs")
# a sentence of the header that says when and where this meeting was: 'Mötet hölls den 3 april 2025
# kl. 10.00 i Stadshuset.', 'Beredningsgruppen träffades onsdagen den 12 februari …' (a verb
# before the date), or one that opens with the date ('Tisdagen den 21 oktober 2025 kl 14-16, …')
PROSE_HELD_VERBS = ("hölls", "hålls", "genomfördes", "genomförs", "ägde rum", "äger rum", "träffades",
                    "träffas", "sammanträdde", "sammanträder", "möttes", "möts", "samlades", "sågs",
                    "skedde", "sker")
# words that open the place after the date and time of such a sentence ('… kl. 13 i Stadshuset')
PROSE_PLACE_WORDS = ("i", "på", "hos", "via")
ONLINE_PLACES = (r"teams\w*", r"zoom", r"skype", r"digitalt", r"online", r"på distans", r"via länk",
                 r"videolänk", r"webben")
# acronyms kept in capitals when a title written in capitals is put in sentence case
ACRONYMS = ("FK", "AF", "NNS", "NR", "SKR", "ESF", "FC", "AU", "ÖK", "IPS", "BIP", "DOS", "GDPR", "LSS",
            "KD", "MP", "SD")
