"""Write a realistic, deterministic benchmark site in sitegen's content format.

    python benchmarks/make_corpus.py --n 1000 --out DIR

DIR gets site.yaml, a copy of the repository's themes/, and content/ with the eight
Stockholm-county samordningsförbund plus Skaraborg, about fifteen projects, N meetings of about
6 KB each (Swedish-looking minutes: numbered agenda items, decisions, assignments, lists, the
odd table) and about N/4 events. Everything comes from one seeded random generator and no
clock: the same N gives a byte-identical corpus on every machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_VERSION = "1"                      # bump when the generated text changes on purpose
FIRST_DAY = dt.date(2016, 1, 1)           # meetings spread over ten years
LAST_DAY = dt.date(2025, 12, 31)

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]


# ---------------------------------------------------------------- small helpers

def slugify(text: str) -> str:
    """Same rule as the site: NFKD, ASCII, lower case, hyphens."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_PLAIN = re.compile(r"^[A-Za-zÅÄÖåäöÉéÜü][A-Za-zÅÄÖåäöÉéÜü0-9 .()/\-]*$")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "ja", "nej"}


def yq(value: str) -> str:
    """A YAML scalar: plain when that is safe, in flow context too; double-quoted otherwise."""
    if _PLAIN.match(value) and value.strip() == value and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def flow_list(values: list[str]) -> str:
    return "[" + ", ".join(yq(v) for v in values) + "]"


def person_map(name: str | None, role: str | None = None, federation: str | None = None) -> str:
    parts = []
    if name:
        parts.append(f"name: {yq(name)}")
    if role:
        parts.append(f"role: {yq(role)}")
    if federation:
        parts.append(f"federation: {yq(federation)}")
    return "{" + ", ".join(parts) + "}"


def swedish_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# ---------------------------------------------------------------- the fixed cast

@dataclass
class Fed:
    slug: str
    name: str
    short: str
    aliases: list[str]
    region: str
    members: list[str]
    color: str
    town: str
    staff: list[str] = field(default_factory=list)       # full names, filled in by the generator
    managers: list[str] = field(default_factory=list)    # förbundschef, one per period
    chairs: list[str] = field(default_factory=list)      # ordförande, one per period
    vices: list[str] = field(default_factory=list)       # vice ordförande, one per period
    board: list[str] = field(default_factory=list)       # ledamöter och ersättare


FEDERATIONS = [
    Fed("roslagen", "Samordningsförbundet Roslagen", "Roslagen", ["SF Roslagen"], "Stockholms län",
        ["Region Stockholm", "Försäkringskassan", "Arbetsförmedlingen", "Norrtälje kommun",
         "Österåkers kommun", "Vallentuna kommun", "Vaxholms stad"], "#1d5c8a", "Norrtälje"),
    Fed("stockholm-stad", "Samordningsförbundet Stockholms stad", "Stockholm stad", ["Sthlm stad"],
        "Stockholms län", ["Region Stockholm", "Försäkringskassan", "Arbetsförmedlingen", "Stockholms stad"],
        "#8a1c1c", "Stockholm"),
    Fed("sodertalje", "Samordningsförbundet Södertälje", "Södertälje", ["SF Södertälje"], "Stockholms län",
        ["Region Stockholm", "Försäkringskassan", "Arbetsförmedlingen", "Södertälje kommun"],
        "#205f3b", "Södertälje"),
    Fed("hbs", "Samordningsförbundet Botkyrka, Huddinge och Salem", "HBS", ["Botkyrka-Huddinge-Salem"],
        "Stockholms län", ["Region Stockholm", "Försäkringskassan", "Arbetsförmedlingen", "Botkyrka kommun",
                           "Huddinge kommun", "Salems kommun"], "#5b2a86", "Huddinge"),
    Fed("varna", "Samordningsförbundet VärNa", "VärNa", ["Värmdö och Nacka"], "Stockholms län",
        ["Region Stockholm", "Försäkringskassan", "Arbetsförmedlingen", "Värmdö kommun", "Nacka kommun"],
        "#7a3e00", "Nacka"),
    Fed("sundbyberg", "Samordningsförbundet Sundbyberg", "Sundbyberg", ["SF Sundbyberg"], "Stockholms län",
        ["Region Stockholm", "Försäkringskassan", "Arbetsförmedlingen", "Sundbybergs stad"],
        "#0f5e63", "Sundbyberg"),
    Fed("ostra-sodertorn", "Samordningsförbundet Östra Södertörn", "Östra Södertörn", ["SF Östra Södertörn"],
        "Stockholms län", ["Region Stockholm", "Försäkringskassan", "Arbetsförmedlingen", "Haninge kommun",
                           "Nynäshamns kommun", "Tyresö kommun"], "#3b3b8f", "Haninge"),
    Fed("suvs", "Samordningsförbundet SUVS", "SUVS", ["Sollentuna, Upplands Väsby och Sigtuna"],
        "Stockholms län", ["Region Stockholm", "Försäkringskassan", "Arbetsförmedlingen", "Sollentuna kommun",
                           "Upplands Väsby kommun", "Sigtuna kommun"], "#6a1b4d", "Sollentuna"),
    Fed("skaraborg", "Samordningsförbundet Skaraborg", "Skaraborg", ["SF Skaraborg"], "Västra Götaland",
        ["Västra Götalandsregionen", "Försäkringskassan", "Arbetsförmedlingen", "Skövde kommun",
         "Lidköpings kommun", "Mariestads kommun", "Falköpings kommun"], "#4a4a4a", "Skövde"),
]
STOCKHOLM = [f for f in FEDERATIONS if f.slug != "skaraborg"]
SKARABORG = FEDERATIONS[-1]


@dataclass(frozen=True)
class Proj:
    slug: str
    name: str
    aliases: tuple[str, ...]
    status: str
    start: str
    end: str
    owner: str
    federations: tuple[str, ...]
    funding: str
    summary: str


_ALL_STHLM = tuple(f.slug for f in STOCKHOLM)
PROJECTS = [
    Proj("mia", "MIA", ("MIA-projektet", "MIA Vidare"), "pågående", "2019-09-01", "", "ostra-sodertorn",
         _ALL_STHLM, "ESF", "Samordningsförbundens gemensamma ESF-projekt i Stockholms län."),
    Proj("cresco-creare", "Cresco Creare", ("Cresco Create",), "avslutat", "2020-01-01", "2022-12-31",
         "skaraborg", ("skaraborg",), "Samordningsförbundet Skaraborg", "Skaraborgs projekt byggt på BIP-metoden."),
    Proj("stoppa-valdet", "Stoppa våldet", (), "avslutat", "2019-01", "2021-12-31", "skaraborg",
         ("skaraborg",), "Samordningsförbundet Skaraborg", "Att upptäcka våld i nära relationer i alla insatser."),
    Proj("vi-fragar-om-vald", "Vi frågar om våld", (), "pågående", "2022-01", "", "", _ALL_STHLM + ("skaraborg",),
         "NNS", "Nationellt stöd för att fråga om våld i insatserna."),
    Proj("dev", "DEV", ("DEV-projektet",), "pågående", "2020-03-01", "", "stockholm-stad",
         ("stockholm-stad", "sundbyberg", "suvs"), "ESF", "Digitalt stöd på vägen mot arbete."),
    Proj("ratt-stod-for-mig", "Rätt stöd för mig", ("Rätt Stöd för Mig",), "pågående", "2021-01-01", "",
         "stockholm-stad", ("stockholm-stad", "hbs", "ostra-sodertorn"), "ESF",
         "Jämlikt stöd för personer med funktionsnedsättning."),
    Proj("sustainable-progression", "Sustainable progression", (), "avslutat", "2022-04-01", "2022-08-31",
         "hbs", ("hbs", "sodertalje"), "ESF", "Förstudie om hållbar progression mot arbete."),
    Proj("kick-off", "Kick Off", (), "avslutat", "2017-08-01", "2019-06-30", "varna", ("varna",),
         "Samordningsförbundet VärNa", "Gruppverksamhet för unga vuxna."),
    Proj("bip", "BIP", ("BIP-metoden",), "pågående", "2018-01", "", "skaraborg", ("skaraborg",),
         "Samordningsförbundet Skaraborg", "Metoden för att mäta progression mot arbete."),
    Proj("insatskatalogen", "Insatskatalogen", (), "pågående", "2016-01", "", "", _ALL_STHLM,
         "NNS", "Den nationella katalogen över insatser som samordningsförbund finansierar."),
    Proj("jamlikhetsdata", "Jämlikhetsdata", ("Jämlikhetsdata-piloten",), "planerat", "2026-01", "", "hbs",
         ("hbs", "stockholm-stad", "ostra-sodertorn"), "Samordningsförbunden", "Pilot för att följa upp om insatserna når alla."),
    Proj("asf-samordning", "ASF-samordning", ("Regional ASF-samordnare",), "pågående", "2020-09-01", "",
         "stockholm-stad", _ALL_STHLM, "MIA", "Gemensam samordnare för arbetsintegrerande sociala företag."),
    Proj("jamt-med-finsam", "Jämt med Finsam", ("Finsamveckan",), "avslutat", "2021-10-18", "2021-10-22",
         "sundbyberg", ("sundbyberg", "suvs", "roslagen"), "Samordningsförbunden", "Finsamvecka om jämställdhet i norra länet."),
    Proj("gemensam-uppfoljning", "Gemensam uppföljningsresurs", ("Uppföljningsresursen",), "planerat",
         "2023-01", "", "roslagen", _ALL_STHLM, "Samordningsförbunden", "En gemensam resurs för uppföljning och utvärdering."),
    Proj("vagen-vidare", "Vägen vidare", (), "pågående", "2018-03-01", "", "sodertalje", ("sodertalje",),
         "Samordningsförbundet Södertälje", "Stöd till unga som varken arbetar eller studerar."),
]

FIRST_NAMES = [
    "Anna", "Elin", "Karin", "Sophia", "Annika", "Micaela", "Catarina", "Kjell", "Greta", "Helena",
    "Fredrik", "Matthias", "Linda", "Elisabet", "Andreas", "Jan", "Kristofer", "Annica", "Lotta", "Eva",
    "Johanna", "Susan", "Maria", "Peter", "Cecilia", "Jessica", "Kristian", "Louise", "Mona", "Sofia",
    "Pär", "Malin", "Heidi", "Niklas", "Anneli", "Håkan", "Ida", "Carl", "Mattias", "Thina", "Markus",
    "Åsa", "Örjan", "Birgitta", "Lars", "Mikael", "Sara", "Emma", "Jonas", "Ulla", "Gunilla", "Tobias",
    "Per", "Agneta", "Magnus", "Camilla", "Henrik", "Ingrid", "Johan", "Marie", "Kipa", "Christel",
]
LAST_NAMES = [
    "Lindblad", "Dahlgren", "Asplund", "Örtengren", "Angerfelt", "Sjundemark", "Lexelius", "Magnusson",
    "Gellin", "Henricsson", "Haapala", "Holmlund", "Ålegård", "Bovin", "Falk", "Karlsson", "Stjernqvist",
    "Strand", "Korsman", "Thagemark", "Bergman", "Karlgren", "Rahmberg", "Ahlgren", "Klämberg", "Melin",
    "Engvall", "Ekström", "Axelsson", "Johansson", "Sundin", "Arnerwik", "Wiik", "Olsson", "Svensson",
    "Marvén", "Strömberg", "Lagerström", "Gustafsson", "Lindberg", "Nordlund", "Fransson", "Juntunen",
    "Öberg", "Åkesson", "Nyström", "Lövgren", "Poikolainen", "Sjöström", "Persson", "Hedlund", "Wallin",
]
GROUPS_SKARABORG = ["västra", "östra", "norra"]
PERIOD_YEARS = 3                          # people change roles every few years


# ---------------------------------------------------------------- the generator

class Corpus:
    def __init__(self, n: int):
        self.n = n
        self.rng = random.Random(f"sitegen-benchmark-corpus-v{CORPUS_VERSION}-n{n}")
        self.used_names: list[str] = []
        self.meeting_slugs: list[tuple[dt.date | None, str]] = []
        self.files: dict[str, bytes] = {}        # path under DIR -> bytes
        self._cast()

    # ---- people

    def new_name(self) -> str:
        for _ in range(1000):
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
            if self.rng.random() < 0.08:
                name += f" {self.rng.choice(LAST_NAMES)}"
            if name not in self.used_names:
                self.used_names.append(name)
                return name
        raise RuntimeError("ran out of names")

    def _cast(self) -> None:
        periods = (LAST_DAY.year - FIRST_DAY.year) // PERIOD_YEARS + 1
        for fed in FEDERATIONS:
            fed.managers = [self.new_name() for _ in range(periods)]
            fed.chairs = [self.new_name() for _ in range(periods)]
            fed.vices = [self.new_name() for _ in range(periods)]
            fed.board = [self.new_name() for _ in range(6)]
            fed.staff = [self.new_name() for _ in range(8 if fed is SKARABORG else 3)]
        self.guests = [self.new_name() for _ in range(30)]
        self.national = [self.new_name() for _ in range(6)]

    @staticmethod
    def period(day: dt.date | None) -> int:
        year = day.year if day else FIRST_DAY.year
        return (year - FIRST_DAY.year) // PERIOD_YEARS

    def manager(self, fed: Fed, day) -> str:
        return fed.managers[self.period(day)]

    def first(self, name: str) -> str:
        return name.split(" ")[0]

    # ---- text pieces

    def pick(self, items):
        return self.rng.choice(items)

    def fed_name(self, fed: Fed | None = None) -> str:
        fed = fed or self.pick(FEDERATIONS)
        return self.pick([fed.name, fed.short, fed.short, fed.short])

    def proj_name(self, proj: Proj | None = None) -> str:
        proj = proj or self.pick(PROJECTS)
        return proj.name

    def date_phrase(self, after: dt.date) -> str:
        """A coming date the way people write it in minutes."""
        day = after + dt.timedelta(days=self.rng.randint(7, 120))
        month = MONTHS[day.month - 1]
        forms = [
            f"{day.day}/{day.month} på eftermiddagen",
            f"{day.day}:e {month}",
            f"{day.day}:e {month} kl 16-18",
            f"den {day.day} {month} kl 16.00-18.00",
            f"{day.day} {month} kl. 9:00–11:45",
            f"{day.day}-{day.day + 1 if day.day < 28 else day.day} {month}",
            f"vecka {day.isocalendar()[1]}",
            f"{day:%y%m%d}",
            f"den {day.day} {month} {day.year}",
        ]
        return self.pick(forms)

    def sentence(self, ctx: "MeetingContext") -> str:
        r = self.rng
        person = self.first(self.pick(ctx.people)) if ctx.people else "Förbundschefen"
        other = self.first(self.pick(ctx.people)) if ctx.people else "sekreteraren"
        fed = self.fed_name(self.pick(ctx.feds))
        proj = self.proj_name(self.pick(ctx.projects) if ctx.projects and r.random() < 0.7 else None)
        year = ctx.day.year if ctx.day else 2020
        when = self.date_phrase(ctx.day or dt.date(2020, 6, 1))
        templates = [
            f"{person} inleder med att sammanfatta vad som gjorts sedan förra mötet och hur arbetet i {fed} har utvecklats.",
            f"{person} berättar om det arbete som påbörjats i {proj} och om den arbetsgrupp där medarbetare från {fed} ingår.",
            f"Gruppen diskuterar hur samordningsförbunden kan nå ut till alla som har behov av samordnat stöd på lika villkor.",
            f"Det finns ett stort intresse från andra förbund att ta del av erfarenheterna från {proj}.",
            f"{fed} har styrelsebeslut på att arbeta gemensamt med de andra förbunden i länet under {year + 1}.",
            f"Försäkringskassan och Arbetsförmedlingen har aviserat att de ser över sina prioriteringar inför {year + 1}.",
            f"{person} och {other} tar med sig frågan till nästa möte med regionala styrgruppen.",
            f"Tidsplanen är framflyttad och frågan återkommer efter sommaren.",
            f"Planeringen är att en gemensam resurs ska finnas på plats från {year + 1}.",
            f"Samtliga förbundschefer är positiva till ett samarbete kring uppföljning och utvärdering.",
            f"Nästa avstämning sker {when}.",
            f"Underlaget skickas ut till alla i gruppen senast {when}.",
            f"En sammanställning av enkätsvaren visar att deltagarna i {proj} upplever att de kommit närmare arbete.",
            f"Hur vi ställer frågorna och hur vi involverar deltagarna i arbetet är viktigt för resultatet.",
            f"Statistiken från SUS och indikatorerna visar att insatserna når fler unga vuxna än tidigare år.",
            f"{fed} ser att det vore bra med ett framtida samarbete, gärna med fokus på att vidga normen.",
            f"Ekonomin är i balans och prognosen för helåret visar ett litet överskott.",
            f"Det behövs insatser som går att föra in i ordinarie verksamhet och finansiering över längre tid.",
            f"Arbetsgruppen jobbar vidare med resultaten från förstudien och återkommer med ett förslag.",
            f"{person} påminner om att länkarna till kalendariet på den gemensamma hemsidan ska uppdateras.",
            f"Mötet ställer sig bakom förslaget att {proj} gör en spridningsaktivitet under hösten.",
            f"Projektledaren lämnar en lägesrapport varje månad om hur {proj} arbetar med sina resultat.",
            f"Frågan om gemensam kompetensutveckling diskuterades i smågrupper och grupperna redovisade sina tankar.",
            f"Samverkan med vården lyftes som en möjlighet, liksom insatser som samtalsterapi och arbetsträning.",
            f"NNS och Nationella rådet har ännu inte tagit initiativ till att samordna aktiviteter inför {year + 1}.",
            f"Regeringsuppdraget om mäns våld mot kvinnor berör alla insatser som förbunden finansierar.",
            f"{other} lyfter att det är viktigt att följa upp hur deltagarna upplever stödet efter avslutad insats.",
            f"Vi kan inspirera andra att göra något eget och tipsa Nationella rådet om det digitala alternativet.",
            f"Budgeten för {year + 1} beslutas av styrelsen i december efter dialog med medlemmarna.",
            f"Verksamhetsplanen för {year + 1} har skickats ut på remiss till parterna.",
        ]
        return self.pick(templates)

    def composed(self, ctx: "MeetingContext") -> str:
        """Subject + verb + object + tail: thousands of plausible sentences from a few lists."""
        person = self.first(self.pick(ctx.people)) if ctx.people else "Förbundschefen"
        fed = self.fed_name(self.pick(ctx.feds))
        proj = self.proj_name(self.pick(ctx.projects) if ctx.projects else None)
        year = ctx.day.year if ctx.day else 2020
        subject = self.pick([person, person, "Gruppen", "Förbundscheferna", fed, "Styrelsen", "Arbetsgruppen",
                             f"Projektledningen för {proj}", "Presidiet", "Beredningsgruppen", "Kansliet"])
        verb = self.pick(["diskuterar", "informerar om", "lyfter", "redovisar", "följer upp", "tar upp",
                          "sammanfattar", "berättar om", "ser över", "återkopplar kring", "presenterar"])
        obj = self.pick([
            f"behovsanalysen för {year + 1}", "resultaten från förstudien", "den gemensamma kommunikationsplanen",
            "samverkan med Arbetsförmedlingen efter reformeringen", "uppföljningen av insatserna med SUS",
            "hur deltagarna upplever stödet", f"finansieringen av {proj} efter projekttiden",
            "svaren på indikatorenkäterna", "lokalbokningen inför konferensen", "implementeringsstödet till kommunerna",
            f"årsredovisningen för {year - 1}", "läget i de lokala insatserna", "den nya överenskommelsen med regionen",
            "statistiken över avslutsanledningar", f"erfarenheterna från {proj}", "arbetet med jämlikhetsdata",
            "nätverket för arbetsintegrerande sociala företag", "Finsam-översynen och vad den kan innebära",
            "samarbetet med hälso- och sjukvården", "rekryteringen av en ny samordnare",
        ])
        tail = self.pick(["", "", " inför nästa möte", " under hösten", f" tillsammans med {self.fed_name()}",
                          f" och återkommer {self.date_phrase(ctx.day or dt.date(2020, 6, 1))}",
                          " i samråd med medlemmarna", " med stöd av kansliet", " på ett kommande arbetsmöte"])
        return f"{subject} {verb} {obj}{tail}."

    def paragraph(self, ctx: "MeetingContext", sentences: tuple[int, int] = (2, 5)) -> str:
        count = self.rng.randint(*sentences)
        chosen: list[str] = []
        for _ in range(count * 4):
            if len(chosen) == count:
                break
            candidate = self.sentence(ctx) if self.rng.random() < 0.55 else self.composed(ctx)
            if candidate not in chosen:
                chosen.append(candidate)
        text = " ".join(chosen)
        r = self.rng.random()
        if r < 0.12:  # some bold and some links, as in real minutes
            text = text.replace(". ", ". **Viktigt:** ", 1)
        elif r < 0.2 and ctx.projects:
            proj = self.pick(ctx.projects)
            text += f" Mer om projektet finns på [projektsidan för {proj.name}](/projekt/{proj.slug}/)."
        elif r < 0.25:
            text += f" Se även <https://www.finsam.example.se/{slugify(ctx.title)[:30]}/>."
        elif r < 0.3:
            text += " (se bifogade bilder)"
        return text

    def bullets(self, ctx: "MeetingContext") -> str:
        points = [
            "Lägga till egna frågor på indikatorenkäter?",
            "Kompetensutveckling för alla medarbetare i insatserna",
            "Kontakta Mångkulturellt centrum",
            "Inkluderingsfika och HP-fika",
            "Se över möjligheten till större gemensamma projektsatsningar",
            "Våra insatser har generellt svårt att nå ut till alla på lika villkor",
            "Gemensam kommunikationsplan för länet",
            "Dialog med Försäkringskassans analysavdelning",
            "Uppföljning enligt SUS och indikatorerna",
            "Förankring hos medlemmarna innan beslut",
            "Spridningskonferens under våren",
            "Utbildning i BIP-metoden för nya samordnare",
            f"{self.fed_name(self.pick(ctx.feds))} återkommer med underlag",
            f"{self.proj_name()} presenteras på nästa möte",
            f"**{self.first(self.pick(ctx.people)) if ctx.people else 'FC'}** sammankallar arbetsgruppen",
        ]
        count = self.rng.randint(3, 7)
        chosen = self.rng.sample(points, count)
        return "\n".join(f"- {point}" for point in chosen)

    def table(self, ctx: "MeetingContext") -> str:
        year = ctx.day.year if ctx.day else 2020
        feds = self.rng.sample(ctx.feds, min(len(ctx.feds), self.rng.randint(3, 6)))
        rows = [f"| Förbund | Budget {year} (tkr) | Utfall (tkr) | Deltagare |",
                "| --- | ---: | ---: | ---: |"]
        for fed in feds:
            budget = self.rng.randint(40, 320) * 100
            rows.append(f"| {fed.short} | {budget:,} | {budget * self.rng.randint(80, 104) // 100:,} | "
                        f"{self.rng.randint(20, 400)} |".replace(",", " "))
        return "\n".join(rows)

    def decision(self, ctx: "MeetingContext") -> str:
        person = self.first(self.pick(ctx.people)) if ctx.people else "Förbundschefen"
        other = self.first(self.pick(ctx.people)) if ctx.people else "sekreteraren"
        proj = self.proj_name(self.pick(ctx.projects) if ctx.projects else None)
        when = self.date_phrase(ctx.day or dt.date(2020, 6, 1))
        forms = [
            f"Beslut: Mötet beslutar att godkänna förslaget.",
            f"**Beslut:** Gruppen ställer sig bakom att {proj} fortsätter enligt plan.",
            f"Beslut: Frågan bordläggs till nästa möte.",
            f"{person} och {other} får i uppdrag att arbeta vidare med ett förslag till {when}.",
            f"{person} får i uppdrag att kontakta Försäkringskassan och Arbetsförmedlingen om en mötestid.",
            f"Uppdrag: {other} sammanställer underlaget och skickar det till alla förbundschefer.",
            f"Beslut: Informationen noteras till protokollet.",
            f"{other} får i uppdrag att boka lokal och skicka inbjudan senast {when}.",
        ]
        return self.pick(forms)

    def agenda_item(self, ctx: "MeetingContext", number: int, heading: str) -> str:
        r = self.rng
        blocks = [f"## {number}. {heading}"]
        if r.random() < 0.15 and heading.startswith("Lägesrapport"):
            blocks.append("Se bifogad lägesrapport.")
        for _ in range(r.randint(1, 3)):
            if r.random() < 0.2:
                blocks.append(f"### {self.pick(['Bakgrund', 'Nuläge', 'Diskussion', 'Input från gruppen', 'Ekonomi', 'Tidplan'])}")
            blocks.append(self.paragraph(ctx))
            if r.random() < 0.35:
                blocks.append(self.pick(["Input från gruppen:", "Förslag på fortsatt arbete:",
                                         "Följande lyftes:", "Att ta med till nästa möte:"]))
                blocks.append(self.bullets(ctx))
        if r.random() < 0.08:
            blocks.append(self.table(ctx))
        if r.random() < 0.6:
            blocks.append(self.decision(ctx))
        return "\n\n".join(blocks)

    def minutes_body(self, ctx: "MeetingContext", target: int) -> str:
        topics = [
            "Information från förbunden", "Uppföljning och utvärdering", "Kommunikation och hemsidan",
            "Gemensamma projekt", "Ekonomi och budget", f"Verksamhetsplan {(ctx.day.year if ctx.day else 2020) + 1}",
            "Rapport från NNS och Nationella rådet", "Konferens och Finsamvecka", "Jämlikhetsdata och likabehandling",
            "Arbetsintegrerande sociala företag (ASF)", "Behovsanalys och statistik", "Remisser och yttranden",
            "Kompetensutveckling", "Samverkan med Försäkringskassan och Arbetsförmedlingen", "Övriga frågor",
        ] + [f"Lägesrapport {p.name}" for p in ctx.projects]
        self.rng.shuffle(topics)
        items = [f"## 1. {self.pick(['Mötets öppnande och incheckning', 'Välkommen och incheckning', 'Mötets öppnande'])}",
                 f"## 2. {self.pick(['Fastställande av dagordning', 'Fastställa dagordning', 'Godkännande av dagordningen'])}"]
        if self.rng.random() < 0.5:
            items[-1] += "\n\nDagordningen fastställs med ett tillägg under övriga frågor."
        number = 3
        size = sum(len(i.encode()) for i in items)
        closing_size = 400
        while size + closing_size < target and topics:
            item = self.agenda_item(ctx, number, topics.pop())
            items.append(item)
            size += len(item.encode()) + 2
            number += 1
        when = self.date_phrase(ctx.day or dt.date(2020, 6, 1))
        items.append(f"## {number}. Nästa möte\n\nNästa möte äger rum {when}"
                     f"{self.pick([' i Sollentuna.', ' på Teams.', ', plats meddelas senare.', ' hos ' + self.pick(ctx.feds).short + '.'])}")
        items.append(f"## {number + 1}. Mötets avslutande\n\n"
                     f"{self.pick(['Ordföranden tackar alla för ett givande möte.', 'Mötet avslutas.', 'Ordföranden tackar och avslutar mötet.'])}")
        return "\n\n".join(items) + "\n"

    # ---- files

    def put(self, rel: str, text: str) -> None:
        self.files[rel] = text.encode("utf-8")

    def site_yaml(self) -> None:
        self.put("site.yaml", "\n".join([
            "# Benchmark corpus written by benchmarks/make_corpus.py: do not edit by hand.",
            "title: Samordningsförbunden i Stockholms län",
            "description: Gemensam webbplats för samordningsförbunden i Stockholms län – möten, minnesanteckningar, projekt och kalender.",
            "base_url: https://samordning.example.se/",
            "language: sv",
            "timezone: Europe/Stockholm",
            "theme: default",
            "publish_names: true",
            "organisation: Samordningsförbunden i Stockholms län",
            "contact:",
            "  email: webb@samordning.example.se",
            "feed:",
            "  refresh_hours: 12",
            "home:",
            "  coming: 6",
            "  latest: 5",
            "",
        ]))

    def federation_files(self) -> None:
        for fed in FEDERATIONS:
            lines = ["---", f"name: {yq(fed.name)}", f"short_name: {yq(fed.short)}"]
            if fed.aliases:
                lines.append(f"aliases: {flow_list(fed.aliases)}")
            lines += [f"region: {yq(fed.region)}", f"members: {flow_list(fed.members)}",
                      f"manager: {yq(fed.managers[-1])}",
                      f"website: https://{fed.slug}.samordning.example.se/",
                      f"contact: {{email: info@{fed.slug}.samordning.example.se, phone: 08-{self.rng.randint(100, 999)} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}}}",
                      f'color: "{fed.color}"', "---"]
            body = (f"{fed.name} är ett samordningsförbund i {fed.region} där "
                    f"{', '.join(fed.members[:-1])} och {fed.members[-1]} samverkar enligt Finsam-lagen. "
                    f"Förbundschef är {fed.managers[-1]}.\n\n"
                    f"## Styrelse\n\nOrdförande är {fed.chairs[-1]} och vice ordförande {fed.vices[-1]}; "
                    f"tillsammans utgör de förbundets presidium.\n\n"
                    f"## Insatser\n\nFörbundet finansierar insatser för personer som behöver samordnat stöd "
                    f"för att komma i arbete eller studier. Kontoret ligger i {fed.town}.\n")
            self.put(f"content/federations/{fed.slug}.md", "\n".join(lines) + "\n" + body)

    def project_files(self) -> None:
        for proj in PROJECTS:
            lines = ["---", f"name: {yq(proj.name)}"]
            if proj.aliases:
                lines.append(f"aliases: {flow_list(list(proj.aliases))}")
            lines.append(f"status: {proj.status}")
            if proj.start:
                lines.append(f"start: {proj.start}")
            if proj.end:
                lines.append(f"end: {proj.end}")
            if proj.owner:
                lines.append(f"owner: {proj.owner}")
            lines += [f"federations: {flow_list(list(proj.federations))}", f"funding: {yq(proj.funding)}",
                      f"summary: {yq(proj.summary)}", "---"]
            owner = next((f for f in FEDERATIONS if f.slug == proj.owner), None)
            body = (f"{proj.name} är {'ett projekt hos ' + owner.name if owner else 'ett gemensamt arbete'}. "
                    f"{proj.summary}\n\n## Bakgrund\n\n"
                    f"Projektet finansieras av {proj.funding} och följs upp på förbundschefernas möten. "
                    f"Deltagande förbund: {', '.join(f.short for f in FEDERATIONS if f.slug in proj.federations)}.\n\n"
                    "## Resultat\n\n- Fler deltagare har gått vidare till arbete eller studier\n"
                    "- Samverkan mellan parterna har stärkts\n- Arbetssättet sprids till ordinarie verksamhet\n")
            self.put(f"content/projects/{proj.slug}.md", "\n".join(lines) + "\n" + body)

    def page_files(self) -> None:
        self.put("content/pages/om.md", "---\ntitle: Om webbplatsen\nmenu: 10\n---\n"
                 "Webbplatsen är gemensam för samordningsförbunden i Stockholms län och deras "
                 "samarbetspartner. Här finns minnesanteckningar, projekt och en kalender.\n")
        self.put("content/pages/tillganglighet.md", "---\ntitle: Tillgänglighetsredogörelse\nmenu: 20\n---\n"
                 "Samordningsförbunden står bakom den här webbplatsen och vill att så många som möjligt "
                 "ska kunna använda den. Webbplatsen ska uppfylla WCAG 2.1 nivå AA enligt lagen om "
                 "tillgänglighet till digital offentlig service.\n\n## Rapportera brister\n\n"
                 "Skriv till webb@samordning.example.se om du hittar något som inte fungerar.\n")

    # ---- meetings

    def schedule(self) -> list[dt.date]:
        span = (LAST_DAY - FIRST_DAY).days
        days = sorted(FIRST_DAY + dt.timedelta(days=self.rng.randrange(span)) for _ in range(self.n))
        return [d + dt.timedelta(days=(7 - d.weekday()) % 7 if d.weekday() >= 5 else 0) for d in days]

    def meeting_files(self) -> None:
        used: dict[str, int] = {}
        for index, day in enumerate(self.schedule()):
            kind = self.rng.choices(["förbundschefsmöte", "presidiemöte", "beredningsgrupp", "styrelse"],
                                    weights=[40, 10, 20, 30])[0]
            self.meeting(index, day, kind, used)

    def meeting(self, index: int, day: dt.date, kind: str, used: dict[str, int]) -> None:
        r = self.rng
        fm: list[str] = ["---", f"uid: {r.getrandbits(64):016x}"]
        date_state = r.random()
        full_date = date_state >= 0.03
        if kind == "förbundschefsmöte":
            feds, title = STOCKHOLM, "Förbundschefsmöte"
            slug_tail = "forbundschefsmote"
        elif kind == "presidiemöte":
            feds, title = STOCKHOLM, "Presidiemöte för förbunden i Stockholms län"
            slug_tail = "presidiemote"
        elif kind == "beredningsgrupp":
            group = self.pick(GROUPS_SKARABORG)
            feds, title = [SKARABORG], f"Beredningsgrupp {group}"
            slug_tail = f"beredningsgrupp-{slugify(group)}"
        else:
            fed = self.pick(FEDERATIONS)
            feds, title = [fed], f"Styrelsemöte {fed.name}"
            slug_tail = f"styrelse-{fed.slug}"
        if full_date:
            title += f" {swedish_date(day)}"
            slug = f"{day.isoformat()}-{slug_tail}"
        elif date_state >= 0.01:
            title += f" {MONTHS[day.month - 1]} {day.year}"
            slug = f"{day:%Y-%m}-{slug_tail}"
        else:
            slug = f"odaterat-{slug_tail}"
        used[slug] = used.get(slug, 0) + 1
        if used[slug] > 1:
            slug += f"-{used[slug]}"
        fm += [f"title: {yq(title)}", f"type: {kind}"]
        if full_date:
            fm.append(f"date: {day.isoformat()}")
        elif date_state >= 0.01:
            fm += [f"date: {day:%Y-%m}", "date_note: Dagen saknas i originalet."]
        else:
            fm.append("date_note: Datum saknas i originalet.")
        times = {"förbundschefsmöte": [("13:00", "16:00"), ("09:00", "12:00")],
                 "presidiemöte": [("16:00", "18:00")], "beredningsgrupp": [("09:00", "11:45"), ("13:00", "15:30")],
                 "styrelse": [("08:30", "10:00"), ("14:00", "16:30")]}[kind]
        if full_date and r.random() < 0.95:
            start, end = self.pick(times)
            fm += [f'start: "{start}"', f'end: "{end}"']
        online = r.random() < 0.55
        if kind == "beredningsgrupp":
            location = self.pick(["Skövde", "Lidköping", "Mariestad", "Tibble kyrka vid fint väder, vid regn Teams-möte"])
        elif kind == "styrelse":
            location = f"{feds[0].town}, förbundets kansli"
        else:
            location = self.pick(["Sollentuna", "Kista", "Hornsgatan 20, Stockholm", "Nacka stadshus", "Haninge"])
        if online and r.random() < 0.3:
            location = "Teams"
        elif online:
            location += " och Teams"
        fm.append(f"location: {yq(location)}")
        fm.append(f"online: {'true' if online else 'false'}")
        if online and r.random() < 0.4:
            fm.append(f"online_link: https://teams.samordning.example.se/mote/{r.getrandbits(40):010x}")
        fm.append(f"federations: {flow_list([f.slug for f in feds])}")

        period_day = day if date_state >= 0.01 else None
        people_named: list[str] = []
        if kind == "förbundschefsmöte":
            fcs = [self.manager(f, period_day) for f in STOCKHOLM]
            attending = r.sample(fcs, r.randint(5, 8))
            absent = [p for p in fcs if p not in attending]
            chair, secretary = self.first(attending[0]), self.first(attending[1])
            fm += [f"chair: {yq(chair)}", f"secretary: {yq(secretary)}"]
            if online:
                split = r.randint(1, len(attending) - 1)
                fm.append("present:")
                fm.append(f"  - {{group: I rummet, people: {flow_list([self.first(p) for p in attending[:split]])}}}")
                fm.append(f"  - {{group: På Teams, people: {flow_list([self.first(p) for p in attending[split:]])}}}")
            else:
                fm.append(f"present: {flow_list(attending)}")
            if absent:
                fm.append(f"absent: {flow_list(absent)}")
            people_named = attending
        elif kind == "presidiemöte":
            host = self.pick(STOCKHOLM)
            p = self.period(period_day)
            fm.append(f"chair: {person_map(host.chairs[p], 'ordförande', host.slug)}")
            fm.append(f"secretary: {person_map(self.manager(host, period_day), 'FC', host.slug)}")
            fm.append("present:")
            absent = []
            for fed in STOCKHOLM:
                if r.random() < 0.1:
                    absent.append(fed)
                    continue
                members = [person_map(fed.chairs[p], self.pick(["ordförande", "ordf."]))]
                if r.random() < 0.8:
                    members.append(person_map(fed.vices[p], self.pick(["vice ordförande", "v. ordf"])))
                elif r.random() < 0.5:
                    members.append(person_map(self.pick(fed.board), "ersättare"))
                members.append(person_map(self.manager(fed, period_day), "FC"))
                fm.append(f"  - group: {yq(fed.short)}")
                fm.append(f"    federation: {fed.slug}")
                fm.append(f"    people: [{', '.join(members)}]")
                people_named += [fed.chairs[p], self.manager(fed, period_day)]
            if absent:
                fm.append("absent:")
                for fed in absent:
                    fm.append(f"  - {{group: {yq(fed.short)}, federation: {fed.slug}, "
                              f"people: [{person_map(self.manager(fed, period_day), 'FC')}]}}")
        elif kind == "beredningsgrupp":
            pool = SKARABORG.staff + SKARABORG.board
            attending = r.sample(pool, r.randint(6, len(pool)))
            fm.append(f"chair: {yq(self.manager(SKARABORG, period_day))}")
            fm.append(f"secretary: {yq(self.pick(attending))}")
            fm.append(f"present: {flow_list(attending)}")
            rest = [p for p in pool if p not in attending]
            if rest:
                fm.append(f"absent: {flow_list(rest)}")
            people_named = attending
        else:
            fed = feds[0]
            p = self.period(period_day)
            fm.append(f"chair: {person_map(fed.chairs[p], 'ordförande', fed.slug)}")
            fm.append(f"secretary: {person_map(self.manager(fed, period_day), 'förbundschef')}")
            fm.append("present:")
            fm.append(f"  - {person_map(fed.chairs[p], 'ordförande')}")
            fm.append(f"  - {person_map(fed.vices[p], 'vice ordförande')}")
            board = r.sample(fed.board, r.randint(2, 5))
            for member in board:
                fm.append(f"  - {person_map(member, self.pick(['ledamot', 'ledamot', 'ersättare']))}")
            fm.append(f"  - {{group: Tjänstepersoner, people: {flow_list([self.manager(fed, period_day)] + fed.staff[:r.randint(0, 2)])}}}")
            absent = [m for m in fed.board if m not in board][: r.randint(0, 2)]
            if absent:
                fm.append(f"absent: {flow_list(absent)}")
            people_named = [fed.chairs[p], fed.vices[p]] + board
        if r.random() < 0.35:
            guests = r.sample(self.guests, r.randint(1, 2))
            if r.random() < 0.5:
                fm.append(f"guests: {flow_list(guests)}")
            else:
                proj = self.pick(PROJECTS)
                fm.append("guests:")
                for guest in guests:
                    fm.append(f"  - {person_map(guest, 'projektledare ' + proj.name)}")
            people_named += guests

        pool = [p for p in PROJECTS if set(p.federations) & {f.slug for f in feds}] or PROJECTS
        projects = r.sample(pool, min(len(pool), r.choices([0, 1, 2, 3], weights=[25, 40, 25, 10])[0]))
        if projects:
            # references may be slugs or names, as authors write them
            fm.append(f"projects: {flow_list([p.slug if r.random() < 0.7 else p.name for p in projects])}")
        if r.random() < 0.1:
            fm.append("publish_names: false")
        cancelled = full_date and r.random() < 0.01
        if cancelled:
            fm.append("status: inställt")
        if r.random() < 0.3:
            fm.append(f"source: {index:03d}_{r.getrandbits(64):016x}.txt")
            if r.random() < 0.3:
                fm.append("import_notes:")
                fm.append(f"  - {yq(self.pick(['Rubriken saknade datum; datum från filnamnet.', 'Närvarolistan var ofullständig.', 'Tabell i originalet tolkad som lista.']))}")
        fm.append("---")

        ctx = MeetingContext(title=title, day=day if full_date else None, feds=list(feds),
                             projects=projects, people=people_named)
        if cancelled:
            body = "Mötet ställdes in. Punkterna flyttas till nästa möte.\n"
        else:
            body = self.minutes_body(ctx, target=r.randint(4600, 6000))
        text = "\n".join(fm) + "\n" + body
        if r.random() < 0.02:   # a bundle: the minutes with the slides beside them
            self.put(f"content/meetings/{slug}/index.md", text)
            self.files[f"content/meetings/{slug}/bilder.pdf"] = fake_pdf(r, title)
        else:
            self.put(f"content/meetings/{slug}.md", text)
        self.meeting_slugs.append((day if full_date else None, slug))

    # ---- events

    def event_files(self) -> None:
        r = self.rng
        count = max(1, self.n // 4)
        span = (LAST_DAY - FIRST_DAY).days + 180
        dated = sorted((d, s) for d, s in self.meeting_slugs if d is not None)
        used: dict[str, int] = {}
        kinds = [
            ("Finsamkonferens", "allday"), ("Omvärldsdagen", "allday"), ("Budgetupptakten", "allday"),
            ("Almedalsveckan", "multi"), ("Finsamveckan", "multi"), ("Sista dag att söka medel", "allday"),
            ("Webbinarium om jämlikhetsdata", "timed"), ("Nätverksträff för samordnare", "timed"),
            ("Utbildning i BIP-metoden", "timed"), ("Workshop om socioekonomisk utvärdering", "timed"),
            ("Länspresidiemöte", "timed"), ("Spridningskonferens", "multi"), ("Styrelseutbildning", "timed"),
        ]
        for _ in range(count):
            name, shape = self.pick(kinds)
            day = FIRST_DAY + dt.timedelta(days=r.randrange(span))
            if name == "Almedalsveckan":          # week 27, Sunday to Thursday
                day = dt.date(day.year, 7, 1) + dt.timedelta(days=(6 - dt.date(day.year, 7, 1).weekday()) % 7)
            elif name == "Finsamveckan":          # week 42, Monday to Friday
                day = dt.date.fromisocalendar(day.year, 42, 1)
            if day.weekday() >= 5 and shape != "multi":
                day += dt.timedelta(days=7 - day.weekday())
            base = f"{day.isoformat()}-{slugify(name)}"
            used[base] = used.get(base, 0) + 1
            slug = base if used[base] == 1 else f"{base}-{used[base]}"
            fm = ["---", f"uid: {r.getrandbits(64):016x}", f"title: {yq(name)}"]
            if shape == "allday":
                fm.append(f"start: {day.isoformat()}")
            elif shape == "multi":
                length = 4 if name in ("Almedalsveckan", "Finsamveckan") else r.randint(1, 2)
                fm += [f"start: {day.isoformat()}", f"end: {(day + dt.timedelta(days=length)).isoformat()}"]
            else:
                hour = r.choice([9, 10, 13, 14, 16])
                length = r.choice([60, 90, 120, 180])
                begin = dt.datetime.combine(day, dt.time(hour, r.choice([0, 0, 30])))
                finish = begin + dt.timedelta(minutes=length)
                fm += [f'start: "{begin:%Y-%m-%d %H:%M}"', f'end: "{finish:%Y-%m-%d %H:%M}"']
            online = r.random() < 0.4
            fm.append(f"location: {yq('Teams' if online and r.random() < 0.5 else self.pick(['Stockholm', 'Skövde', 'Visby', 'Sollentuna', 'Nacka', 'Norrtälje']))}")
            fm.append(f"online: {'true' if online else 'false'}")
            if online and r.random() < 0.5:
                fm.append(f"online_link: https://teams.samordning.example.se/mote/{r.getrandbits(40):010x}")
            feds = r.sample(FEDERATIONS, r.choice([1, 1, 2, 3, 8]))
            fm.append(f"federations: {flow_list([f.slug for f in sorted(feds, key=lambda f: f.slug)])}")
            if r.random() < 0.4:
                fm.append(f"projects: [{self.pick(PROJECTS).slug}]")
            status = r.choices(["bekräftad", "preliminär", "inställd"], weights=[80, 12, 8])[0]
            fm.append(f"status: {status}")
            if status == "preliminär":
                fm.append(f"note: {yq('Datum osäkert: ' + self.pick(['bekräftas i nästa utskick.', 'väntar på lokal.', 'kan flyttas en vecka.']))}")
            earlier = [s for d, s in dated if day - dt.timedelta(days=120) <= d < day]
            if earlier and r.random() < 0.35:
                fm.append(f"announced_in: {self.pick(earlier)}")
            fm.append("---")
            body = (f"{name} {'ställs in' if status == 'inställd' else 'genomförs'} för samordningsförbunden "
                    f"och deras parter. {self.pick(['Anmälan görs till förbundschefen.', 'Programmet skickas ut senare.', 'Inbjudan kommer via e-post.'])}\n\n"
                    f"- Målgrupp: {self.pick(['förbundschefer', 'styrelser och presidier', 'samordnare i insatserna', 'alla medarbetare'])}\n"
                    f"- Kontakt: {self.pick(FEDERATIONS).short}\n")
            self.put(f"content/events/{slug}.md", "\n".join(fm) + "\n" + body)

    def generate(self) -> dict[str, bytes]:
        self.site_yaml()
        self.federation_files()
        self.project_files()
        self.page_files()
        self.meeting_files()
        self.event_files()
        return self.files


@dataclass
class MeetingContext:
    title: str
    day: dt.date | None
    feds: list[Fed]
    projects: list[Proj]
    people: list[str]


def fake_pdf(rng: random.Random, title: str) -> bytes:
    """A small, valid-looking PDF (the site only copies it)."""
    text = f"({title}) Tj".encode("latin-1", "replace")
    filler = bytes(rng.getrandbits(8) for _ in range(1500))
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Length " + str(len(text)).encode()
            + b" >> stream\n" + text + b"\nendstream endobj\n% " + filler.hex().encode() + b"\n%%EOF\n")


def write_corpus(n: int, out: Path, themes: Path | None = None) -> dict[str, bytes]:
    """Generate the corpus for N meetings into `out` (replacing a previous corpus there)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("content", "themes"):
        shutil.rmtree(out / name, ignore_errors=True)
    files = Corpus(n).generate()
    for rel, data in sorted(files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    shutil.copytree(themes or REPO_ROOT / "themes", out / "themes",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of meetings (default 1000)")
    parser.add_argument("--out", required=True, help="folder to write the site into")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    files = write_corpus(args.n, Path(args.out))
    meetings = [rel for rel in files if rel.startswith("content/meetings/") and rel.endswith(".md")]
    events = [rel for rel in files if rel.startswith("content/events/")]
    size = sum(len(files[rel]) for rel in meetings)
    print(f"Wrote {len(meetings)} meetings (average {size / max(1, len(meetings)) / 1024:.1f} KiB), "
          f"{len(events)} events, {len(PROJECTS)} projects and {len(FEDERATIONS)} federations to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
