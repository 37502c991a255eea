"""A synthetic corpus in the style of the bundled documents, for benchmarking the pipeline.

    python bench/corpus.py --documents 1000 --seed 1 --output /tmp/corpus-1000

Writes answers to Kleine Anfragen with a tab-separated annex table (50 %), reports to a
Landtag committee with agreement headings (30 %) and press releases on a signed declaration
(20 %), from all 16 Länder, dated 2010–2025, partly as PDF text (hard-wrapped, hyphenated,
sometimes double-spaced, with page breaks) and partly as Markdown or plain text. No
sources.csv is written: the product has to find genre, Land, date and identifier itself.

Document i depends only on the seed and i, so the first 100 documents of a 10 000-document
corpus are the 100-document corpus. Partner regions and their ISO codes come from pycountry;
persons are invented from small name lists (synthetic data, not facts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

MONTHS = ("", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
FIRST_YEAR, LAST_YEAR = 2010, 2025
GENRES = (("answer", 0.5), ("report", 0.3), ("press-release", 0.2))

TOPICS = ("Wirtschaft", "Wissenschaft", "Forschung", "Hochschulzusammenarbeit",
          "Berufliche Bildung", "Jugend", "Kultur", "Justiz", "Umwelt", "Klimaschutz", "Energie",
          "Erneuerbare Energien",
          "Wasserstoff", "Mobilität", "Digitalisierung", "Künstliche Intelligenz", "Robotik",
          "Gesundheit", "Medizintechnik", "Landwirtschaft", "Rohstoffe", "Kreislaufwirtschaft",
          "Tourismus", "Sport")
FAIRS = ("Hannover Messe", "Anuga", "E-world", "Bauma", "Intersolar", "MEDICA", "Agritechnica",
         "Grüne Woche")
PARTIES = ("SPD", "CDU", "GRÜNE", "FDP", "AfD", "DIE LINKE", "CSU", "FREIE WÄHLER")
# Long common words a PDF may split at a line end; names are never split.
HYPHENATION = {"Zusammenarbeit": 5, "Landesregierung": 6, "Partnerschaft": 7,
               "Wirtschaftsdelegation": 11, "Kooperation": 5, "Bundesrepublik": 6,
               "Veranstaltung": 6, "Absichtserklärung": 7, "Regierungskommission": 9,
               "Austauschprogramm": 9, "Unternehmen": 5, "Zusammenarbeit,": 5,
               "Delegation": 4, "Wissenschaft": 6, "beiderseitigem": 6, "gemeinsamen": 4,
               "Arbeitsgruppen": 6, "freundschaftlichen": 9}

# ------------------------------------------------------------------------------ people

NAMES = {
    "de": ("Thomas Michael Andreas Stefan Frank Jürgen Matthias Christian Martin Klaus Tobias "
           "Florian Anja Sabine Claudia Katrin Petra Susanne Julia Nicole Birgit Martina",
           "Ahlbrecht Brückner Dietzel Eggersmann Fennel Gröning Holtkamp Iversen Jacobi Kleinert "
           "Lüttgen Mertens Niederhoff Overbeck Pfeiffer Quast Reuter Sandkühler Thelen Uhlig "
           "Vennemann Wessling Zander Brenninger Wolters Kämmerer Hollenbach Seidlitz Marquardt"),
    "ja": ("Haruto Kenji Takumi Yuki Satoshi Hiroshi Aiko Naomi Daisuke Shota Emi Ryo",
           "Tanabe Morikawa Ishida Hoshino Kurata Nagase Sugimoto Okabe Fujimura Takeda Mizuno"),
    "zh": ("Wei Jianguo Xiaoming Lihua Hong Jun Min Tao Ying Qiang",
           "Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Gao Ma"),
    "pl": ("Łukasz Piotr Tomasz Krzysztof Marek Agnieszka Katarzyna Magdalena Paweł Jakub",
           "Nowak Wiśniewski Kowalczyk Zieliński Szymański Wójcik Kamiński Lewandowski Jankowski"),
    "fr": ("Jean Pierre Philippe Nicolas Isabelle Sophie Camille Julien Laurent Claire",
           "Lefebvre Moreau Girard Fontaine Mercier Rousseau Blanchard Garnier Chevalier"),
    "it": ("Marco Alessandro Giulia Francesca Luca Matteo Chiara Stefano Paolo Elena",
           "Rossi Bianchi Ferrari Esposito Romano Colombo Ricci Marino Greco Conti"),
    "us": ("James Robert Michael Jennifer Sarah David Emily Daniel Laura Mark",
           "Whitfield Harrington Caldwell Prescott Langley Thornton Bradford Ellison"),
    "ca": ("James Robert Michael Jennifer Sarah David Emily Daniel Laura Mark",
           "Mercer Holloway Ashby Tremblay Gagnon MacLeod Fraser Lavoie"),
    "za": ("Thabo Sipho Nomvula Lindiwe Pieter Johan Naledi Bongani",
           "Botha Dlamini Nkosi Mokoena Khumalo Pillay Naidoo Ndlovu"),
    "pt": ("João Carlos Ana Mariana Pedro Lucas Fernanda Rafael",
           "Silva Oliveira Santos Pereira Carvalho Almeida Ribeiro Costa"),
    "hi": ("Rajesh Anil Priya Sunita Vikram Arjun Deepa Sanjay",
           "Sharma Patel Reddy Iyer Nair Gupta Mehta Kulkarni"),
    "ko": ("Min-jun Seo-yeon Ji-ho Ha-eun Do-yun Su-bin", "Kim Lee Park Choi Jung Kang Yoon"),
    "ak": ("Kwame Kofi Ama Akosua Yaw Efua", "Mensah Owusu Boateng Asante Osei Appiah"),
    "hu": ("László Zoltán Gábor Katalin Eszter Balázs", "Nagy Kovács Szabó Horváth Varga Tóth"),
    "mk": ("Dragan Goran Marija Ivana Nikola Zoran",
           "Petrovski Stojanovski Trajkovski Nikolovski Dimitrievski Angelovski"),
    "hr": ("Dragan Goran Marija Ivana Nikola Zoran Tomislav Ana",
           "Kovačević Horvat Babić Marić Jurić Knežević"),
}
FEMALE = frozenset({
    "Anja", "Sabine", "Claudia", "Katrin", "Petra", "Susanne", "Julia", "Nicole", "Birgit",
    "Martina", "Aiko", "Naomi", "Emi", "Agnieszka", "Katarzyna", "Magdalena", "Isabelle",
    "Sophie", "Camille", "Claire", "Giulia", "Francesca", "Chiara", "Elena", "Jennifer", "Sarah",
    "Emily", "Laura", "Ana", "Mariana", "Fernanda", "Priya", "Sunita", "Deepa", "Seo-yeon",
    "Ha-eun", "Su-bin", "Ama", "Akosua", "Efua", "Katalin", "Eszter", "Marija", "Ivana",
})


@dataclass(frozen=True)
class Person:
    first: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def female(self) -> bool:
        return self.first in FEMALE


def person(rng: random.Random, culture: str) -> Person:
    firsts, lasts = NAMES[culture]
    return Person(rng.choice(firsts.split()), rng.choice(lasts.split()))


ARTICLES = {"nom": ("der", "die"), "gen": ("des", "der"), "dat": ("dem", "der"),
            "acc": ("den", "die")}
WEAK_NOUNS = {"Präsident"}  # den/dem/des Präsidenten


def titled(base: str, who: Person, case: str, adjective: str = "") -> str:
    """Article, adjective and post in a case: "dem japanischen Generalkonsul", "des
    Gouverneurs", "der polnischen Generalkonsulin"."""
    article = ARTICLES[case][who.female]
    form = post(base, who)
    if not who.female and case != "nom" and base in WEAK_NOUNS:
        form += "en"
    elif not who.female and case == "gen":
        form += "s"
    adjective = f"{adjective}{'e' if case == 'nom' or (case == 'acc' and who.female) else 'en'} " \
        if adjective else ""
    return f"{article} {adjective}{form}"


def post(base: str, who: Person) -> str:
    """The post's form for this person: Minister / Ministerin, Generalkonsul / Generalkonsulin."""
    if not who.female:
        return base
    return {"Botschafter": "Botschafterin", "Generalkonsul": "Generalkonsulin",
            "Gouverneur": "Gouverneurin", "Präsident": "Präsidentin",
            "Marschall": "Marschallin", "Premierminister": "Premierministerin",
            "Minister": "Ministerin", "Ministerpräsident": "Ministerpräsidentin",
            "Staatssekretär": "Staatssekretärin", "Europaminister": "Europaministerin",
            "Vizegouverneur": "Vizegouverneurin"}.get(base, base)


# ------------------------------------------------------------------------------ Länder


@dataclass(frozen=True)
class Land:
    code: str
    name: str
    of: str  # genitive: "des Landes Hessen", "des Freistaates Bayern"
    to: str  # dative: "dem Land Hessen"
    short: str
    parliament: str
    government: str  # "Landesregierung", "Staatsregierung", "Senat"
    chancellery: str
    head: str  # "Ministerpräsident", "Regierender Bürgermeister", …
    capital: str
    ministries: tuple[tuple[str, str], ...]  # (abbreviation, portfolio)
    first_term: int  # Wahlperiode in 2010


def _land(code, name, of, to, short, parliament, government, chancellery, head, capital,
          ministries, first_term) -> Land:
    pairs = tuple(tuple(item.split("|")) for item in ministries.split(";"))
    return Land(code, name, of, to, short, parliament, government, chancellery, head, capital,
                pairs, first_term)


LAENDER = (
    _land("DE-BW", "Baden-Württemberg", "des Landes Baden-Württemberg",
          "dem Land Baden-Württemberg", "Baden-Württemberg", "Landtag von Baden-Württemberg",
          "Landesregierung",
          "Staatsministerium Baden-Württemberg", "Ministerpräsident", "Stuttgart",
          "StM|;IM|des Inneren, für Digitalisierung und Kommunen;FM|für Finanzen;"
          "KM|für Kultus, Jugend und Sport;MWK|für Wissenschaft, Forschung und Kunst;"
          "UM|für Umwelt, Klima und Energiewirtschaft;WM|für Wirtschaft, Arbeit und Tourismus;"
          "VM|für Verkehr", 14),
    _land("DE-BY", "Bayern", "des Freistaates Bayern", "dem Freistaat Bayern", "Bayern",
          "Bayerischer Landtag", "Staatsregierung", "Bayerische Staatskanzlei",
          "Ministerpräsident", "München",
          "StK|;StMI|des Innern, für Sport und Integration;"
          "StMWi|für Wirtschaft, Landesentwicklung und Energie;"
          "StMUV|für Umwelt und Verbraucherschutz;StMWK|für Wissenschaft und Kunst;"
          "StMJ|der Justiz", 16),
    _land("DE-BE", "Berlin", "des Landes Berlin", "dem Land Berlin", "Berlin",
          "Abgeordnetenhaus Berlin", "Senat", "Senatskanzlei Berlin",
          "Regierender Bürgermeister", "Berlin",
          "SKzl|;SenInnSport|für Inneres und Sport;SenFin|für Finanzen;"
          "SenWiEnBe|für Wirtschaft, Energie und Betriebe;SenWGP|für Wissenschaft, Gesundheit und "
          "Pflege", 16),
    _land("DE-BB", "Brandenburg", "des Landes Brandenburg", "dem Land Brandenburg", "Brandenburg",
          "Landtag Brandenburg", "Landesregierung", "Staatskanzlei Brandenburg",
          "Ministerpräsident", "Potsdam",
          "StK|;MIK|des Innern und für Kommunales;MdF|der Finanzen und für Europa;"
          "MWAE|für Wirtschaft, Arbeit und Energie;MWFK|für Wissenschaft, Forschung und Kultur", 5),
    _land("DE-HB", "Bremen", "der Freien Hansestadt Bremen", "der Freien Hansestadt Bremen",
          "Bremen", "Bremische Bürgerschaft", "Senat", "Senatskanzlei Bremen",
          "Präsident des Senats", "Bremen",
          "SK|;SI|für Inneres;SF|für Finanzen;SWAE|für Wirtschaft, Arbeit und Europa", 17),
    _land("DE-HH", "Hamburg", "der Freien und Hansestadt Hamburg",
          "der Freien und Hansestadt Hamburg", "Hamburg", "Hamburgische Bürgerschaft", "Senat",
          "Senatskanzlei Hamburg", "Erster Bürgermeister", "Hamburg",
          "SK|;BIS|für Inneres und Sport;FB|für Finanzen;BWI|für Wirtschaft und Innovation;"
          "BWFGB|für Wissenschaft, Forschung und Gleichstellung", 19),
    _land("DE-HE", "Hessen", "des Landes Hessen", "dem Land Hessen", "Hessen",
          "Hessischer Landtag", "Landesregierung", "Hessische Staatskanzlei",
          "Ministerpräsident", "Wiesbaden",
          "StK|;HMdIS|des Innern und für Sport;HMdF|der Finanzen;"
          "HMWK|für Wissenschaft und Kunst;HMWEVW|für Wirtschaft, Energie, Verkehr und Wohnen", 18),
    _land("DE-MV", "Mecklenburg-Vorpommern", "des Landes Mecklenburg-Vorpommern",
          "dem Land Mecklenburg-Vorpommern", "Mecklenburg-Vorpommern",
          "Landtag Mecklenburg-Vorpommern", "Landesregierung",
          "Staatskanzlei Mecklenburg-Vorpommern", "Ministerpräsident", "Schwerin",
          "StK|;IM|für Inneres, Bau und Digitalisierung;FM|der Finanzen;"
          "WM|für Wirtschaft, Infrastruktur, Tourismus und Arbeit", 5),
    _land("DE-NI", "Niedersachsen", "des Landes Niedersachsen", "dem Land Niedersachsen",
          "Niedersachsen", "Niedersächsischer Landtag", "Landesregierung",
          "Niedersächsische Staatskanzlei", "Ministerpräsident", "Hannover",
          "StK|;MI|für Inneres und Sport;MF|der Finanzen;MWK|für Wissenschaft und Kultur;"
          "MW|für Wirtschaft, Verkehr, Bauen und Digitalisierung;MU|für Umwelt, Energie und "
          "Klimaschutz", 16),
    _land("DE-NW", "Nordrhein-Westfalen", "des Landes Nordrhein-Westfalen",
          "dem Land Nordrhein-Westfalen", "NRW", "Landtag Nordrhein-Westfalen", "Landesregierung",
          "Staatskanzlei Nordrhein-Westfalen", "Ministerpräsident", "Düsseldorf",
          "STK|;FM|der Finanzen;IM|des Innern;JM|der Justiz;MKW|für Kultur und Wissenschaft;"
          "MSB|für Schule und Bildung;MAGS|für Arbeit, Gesundheit und Soziales", 15),
    _land("DE-RP", "Rheinland-Pfalz", "des Landes Rheinland-Pfalz", "dem Land Rheinland-Pfalz",
          "Rheinland-Pfalz", "Landtag Rheinland-Pfalz", "Landesregierung",
          "Staatskanzlei Rheinland-Pfalz", "Ministerpräsident", "Mainz",
          "StK|;MdI|des Innern und für Sport;MdF|der Finanzen;"
          "MWVLW|für Wirtschaft, Verkehr, Landwirtschaft und Weinbau;MWG|für Wissenschaft und "
          "Gesundheit", 15),
    _land("DE-SL", "Saarland", "des Saarlandes", "dem Saarland", "Saarland",
          "Landtag des Saarlandes", "Landesregierung", "Staatskanzlei des Saarlandes",
          "Ministerpräsident", "Saarbrücken",
          "StK|;MIBS|für Inneres, Bauen und Sport;MFW|der Finanzen und für Wissenschaft;"
          "MWIDE|für Wirtschaft, Innovation, Digitales und Energie", 14),
    _land("DE-SN", "Sachsen", "des Freistaates Sachsen", "dem Freistaat Sachsen", "Sachsen",
          "Sächsischer Landtag", "Staatsregierung", "Sächsische Staatskanzlei",
          "Ministerpräsident", "Dresden",
          "SK|;SMI|des Innern;SMF|der Finanzen;SMWA|für Wirtschaft, Arbeit und Verkehr;"
          "SMWK|für Wissenschaft, Kultur und Tourismus", 5),
    _land("DE-ST", "Sachsen-Anhalt", "des Landes Sachsen-Anhalt", "dem Land Sachsen-Anhalt",
          "Sachsen-Anhalt", "Landtag von Sachsen-Anhalt", "Landesregierung",
          "Staatskanzlei Sachsen-Anhalt", "Ministerpräsident", "Magdeburg",
          "StK|;MI|für Inneres und Sport;MF|der Finanzen;MW|für Wirtschaft, Tourismus, "
          "Landwirtschaft und Forsten;MWU|für Wissenschaft, Energie, Klimaschutz und Umwelt", 5),
    _land("DE-SH", "Schleswig-Holstein", "des Landes Schleswig-Holstein",
          "dem Land Schleswig-Holstein", "Schleswig-Holstein", "Schleswig-Holsteinischer Landtag",
          "Landesregierung", "Staatskanzlei Schleswig-Holstein", "Ministerpräsident", "Kiel",
          "StK|;IM|für Inneres, Kommunales, Wohnen und Sport;FM|der Finanzen;"
          "MWVATT|für Wirtschaft, Verkehr, Arbeit, Technologie und Tourismus", 17),
    _land("DE-TH", "Thüringen", "des Freistaates Thüringen", "dem Freistaat Thüringen",
          "Thüringen", "Thüringer Landtag", "Landesregierung", "Thüringer Staatskanzlei",
          "Ministerpräsident", "Erfurt",
          "TSK|;TMIK|für Inneres und Kommunales;TFM|der Finanzen;"
          "TMWWDG|für Wirtschaft, Wissenschaft und Digitale Gesellschaft", 5),
)


def term(land: Land, year: int) -> int:
    """The Landtag's Wahlperiode in a year (five-year terms from 2010: close enough here)."""
    return land.first_term + (year - FIRST_YEAR) // 5


def government(land: Land, case: str) -> str:
    """"die Landesregierung", "des Senats", …, in a case."""
    if land.government == "Senat":
        return {"nom": "der Senat", "gen": "des Senats", "dat": "dem Senat",
                "acc": "den Senat"}[case]
    return f"{'der' if case in {'gen', 'dat'} else 'die'} {land.government}"


def in_parliament(land: Land) -> str:
    """"im Landtag Brandenburg", "im Bayerischen Landtag", "in der Bremischen Bürgerschaft"."""
    name = re.sub(r"^([\w-]+isch)(?:er|e) ", r"\1en ", land.parliament)
    return f"{'in der' if name.endswith('Bürgerschaft') else 'im'} {name}"


def chancellery_of(land: Land) -> str:
    """"der Staatskanzlei Nordrhein-Westfalen", "des Staatsministeriums Baden-Württemberg"."""
    office = land.chancellery
    if office.startswith("Staatsministerium"):
        return "des " + office.replace("Staatsministerium", "Staatsministeriums", 1)
    return "der " + re.sub(r"^(\w+sche) ", r"\1n ", office)


def chancellery_head(land: Land, who: Person) -> str:
    """"Der Chef der Staatskanzlei …", "Die Chefin des Staatsministeriums …"."""
    return f"{'Die Chefin' if who.female else 'Der Chef'} {chancellery_of(land)}"


# ------------------------------------------------------------------------------ partners


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # "Japan", "den USA" (as after "mit")
    to: str  # "nach Japan", "in die USA"
    adjective: str  # stem: "japanisch"
    culture: str
    cities: tuple[str, ...]
    language: str  # adjective of the language: "japanischer"
    kind: str | None = None  # region kind word: "Präfektur"
    masculine: bool = False  # "der US-Bundesstaat": dem/des … instead of der
    iso_types: tuple[str, ...] = ()
    head: str = "Gouverneur"  # the region's head
    official: str = ""  # a country partner's own name: "Republik Ghana"


COUNTRIES = (
    Country("JP", "Japan", "nach Japan", "japanisch", "ja", ("Tokio", "Osaka", "Kyoto"),
            "japanischer", "Präfektur", iso_types=("Prefecture",)),
    Country("CN", "China", "nach China", "chinesisch", "zh", ("Peking", "Shanghai", "Chengdu"),
            "chinesischer", "Provinz", iso_types=("Province",)),
    Country("PL", "Polen", "nach Polen", "polnisch", "pl", ("Warschau", "Krakau", "Breslau"),
            "polnischer", "Woiwodschaft", iso_types=("Voivodship",), head="Marschall"),
    Country("FR", "Frankreich", "nach Frankreich", "französisch", "fr", ("Paris", "Lille"),
            "französischer", "Region", iso_types=("Metropolitan region",), head="Präsident"),
    Country("IT", "Italien", "nach Italien", "italienisch", "it", ("Rom", "Mailand", "Turin"),
            "italienischer", "Region", iso_types=("Region", "Autonomous region"),
            head="Präsident"),
    Country("US", "den USA", "in die USA", "US-amerikanisch", "us",
            ("Washington", "Chicago", "Pittsburgh"), "englischer", "US-Bundesstaat",
            masculine=True, iso_types=("State",)),
    Country("CA", "Kanada", "nach Kanada", "kanadisch", "ca", ("Ottawa", "Toronto", "Vancouver"),
            "englischer", "Provinz", iso_types=("Province",), head="Premierminister"),
    Country("ZA", "Südafrika", "nach Südafrika", "südafrikanisch", "za",
            ("Pretoria", "Kapstadt", "Johannesburg"), "englischer", "Provinz",
            iso_types=("Province",), head="Premierminister"),
    Country("IN", "Indien", "nach Indien", "indisch", "hi", ("Neu-Delhi", "Mumbai", "Bangalore"),
            "englischer", "Bundesstaat", masculine=True, iso_types=("State",)),
    Country("BR", "Brasilien", "nach Brasilien", "brasilianisch", "pt",
            ("Brasília", "São Paulo", "Curitiba"), "portugiesischer", "Bundesstaat",
            masculine=True, iso_types=("State",)),
    Country("KR", "Südkorea", "nach Südkorea", "südkoreanisch", "ko", ("Seoul", "Busan"),
            "koreanischer", "Provinz", iso_types=("Province",)),
    Country("GH", "Ghana", "nach Ghana", "ghanaisch", "ak", ("Accra", "Kumasi"), "englischer",
            official="Republik Ghana"),
    Country("HU", "Ungarn", "nach Ungarn", "ungarisch", "hu", ("Budapest", "Debrecen"),
            "ungarischer", official="Republik Ungarn"),
    Country("MK", "Nordmazedonien", "nach Nordmazedonien", "nordmazedonisch", "mk",
            ("Skopje", "Bitola"), "mazedonischer", official="Republik Nordmazedonien"),
    Country("HR", "Kroatien", "nach Kroatien", "kroatisch", "hr", ("Zagreb", "Split"),
            "kroatischer", official="Republik Kroatien"),
)


@dataclass(frozen=True)
class Partner:
    """A foreign party: a region of a country (from ISO 3166-2), or a country itself."""

    country: Country
    name: str
    iso_code: str

    @property
    def is_region(self) -> bool:
        return self.country.kind is not None

    @property
    def dative(self) -> str:
        """"der Präfektur Aichi", "dem US-Bundesstaat Ohio", "der Republik Ghana"."""
        if not self.is_region:
            return f"der {self.country.official}"
        article = "dem" if self.country.masculine else "der"
        return f"{article} {self.country.kind} {self.name}"

    @property
    def nominative_with_adjective(self) -> str:
        """"die japanische Präfektur Aichi", "der US-Bundesstaat Ohio"."""
        if not self.is_region or self.country.masculine:
            return self.nominative
        return f"die {self.country.adjective}e {self.country.kind} {self.name}"

    @property
    def nominative(self) -> str:
        if self.is_region and self.country.masculine:
            return f"der {self.country.kind} {self.name}"
        return "die " + self.dative.removeprefix("der ")

    @property
    def genitive(self) -> str:
        if not self.is_region:
            return f"der {self.country.official}"
        if self.country.masculine:
            return f"des {self.country.kind}es {self.name}"
        return f"der {self.country.kind} {self.name}"

    @property
    def with_adjective(self) -> str:
        """"der japanischen Präfektur Aichi" (dative and genitive of a feminine kind)."""
        if not self.is_region or self.country.masculine:
            return self.dative
        return f"der {self.country.adjective}en {self.country.kind} {self.name}"

    def bold(self) -> str:
        """The heading form of the reports: "der Präfektur **Aichi**"."""
        if not self.is_region:
            return f"der **{self.country.official}**"
        return self.dative.replace(self.name, f"**{self.name}**")


EXCLUDED = {"CN-TW"}  # not a region of the country in the sense of these documents


@cache
def country_names_de() -> frozenset[str]:
    """German country names: a region called like a country ("Georgien", the US state) would
    be read as the country (see FINDINGS-FOR-DEVELOPERS.md), so such regions are left out."""
    german = pycountry_german("iso3166-1")
    return frozenset(german(c.name) for c in pycountry.countries) | frozenset(
        c.name for c in pycountry.countries)


@cache
def regions_of(country: Country) -> tuple[Partner, ...]:
    """The country's first-level subdivisions of the wanted types, under their German names."""
    german = pycountry_german()
    found = []
    for subdivision in pycountry.subdivisions.get(country_code=country.code) or []:
        if subdivision.parent_code or subdivision.type not in country.iso_types:
            continue
        name = german(subdivision.name)
        name = re.sub(r"\s*\[.*?\]|\s+(?:Sheng|Prefecture)$", "", name).strip()
        if re.search(r"[,()/]", name) or len(name.split()) > 2 or \
                subdivision.code in EXCLUDED or name in country_names_de():
            continue
        found.append(Partner(country, name, subdivision.code))
    return tuple(sorted(found, key=lambda p: p.iso_code))


def pycountry_german(domain: str = "iso3166-2"):
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["de"]).gettext
    except OSError:
        return lambda name: name


def partners_of(country: Country) -> tuple[Partner, ...]:
    if country.kind is None:
        return (Partner(country, country.official, country.code),)
    return regions_of(country)


# ------------------------------------------------------------------------------ the cast


TERMS = 5  # 2005–2009, …, 2025–2029: every date the corpus states falls in one of them
OFFICIALS_PER_TERM = 11  # head, Europe minister, 4 ministers, 3 state secretaries, 2 directors
SURNAME_STEMS = ("Ahl Alt Bau Berg Birk Blum Brand Bruns Dahl Dorn Eck Ehr Falk Feld Fries Gold "
                 "Grot Hage Hart Heid Hell Holt Horn Kamp Kirch Klee Kling Lind Lohr Mohr Neu Ohl "
                 "Ost Rein Ros Sand Schön Stein Tann Wester Wies Wolf Zell").split()
SURNAME_ENDINGS = ("mann meier brink kamp haus berg feld hoff rath bach dorf horst ing er ke "
                   "beck hagen wald kötter meyer heuer busch hold wig stedt mund sen ert lage "
                   "hövel").split()


def term_of(year: int) -> int:
    """Officials change every five years: the same names recur within a term, across documents."""
    return min(max((year - 2005) // 5, 0), TERMS - 1)


@cache
def official_surnames(seed: int) -> tuple[str, ...]:
    """Surnames for the Länder's officials, each used by one person only.

    The product's build check `violation-person-named-twice` fails a build in which a surname
    mentioned alone ("Minister Overbeck") belongs to people in two Länder (see
    FINDINGS-FOR-DEVELOPERS.md), so the benchmark's officials never share a surname."""
    names = sorted({stem + ending for stem in SURNAME_STEMS for ending in SURNAME_ENDINGS}
                   - set(NAMES["de"][1].split()))
    random.Random(f"{seed}/surnames").shuffle(names)
    return tuple(names)


@dataclass(frozen=True)
class LandCast:
    head: Person
    europe: Person
    ministers: tuple[Person, ...]
    state_secretaries: tuple[Person, ...]
    directors: tuple[Person, ...]


def land_cast(seed: int, land: Land, year: int) -> LandCast:
    term_ = term_of(year)
    rng = random.Random(f"{seed}/cast/{land.code}/{term_}")
    first = (LAENDER.index(land) * TERMS + term_) * OFFICIALS_PER_TERM
    surnames = official_surnames(seed)[first:first + OFFICIALS_PER_TERM]
    people = [Person(rng.choice(NAMES["de"][0].split()), surname) for surname in surnames]
    return LandCast(people[0], people[1], tuple(people[2:6]), tuple(people[6:9]),
                    tuple(people[9:11]))


def consul(seed: int, country: Country, land: Land, year: int) -> Person:
    """The country's consul general for the Land (one per term)."""
    rng = random.Random(f"{seed}/consul/{country.code}/{land.code}/{term_of(year)}")
    return person(rng, country.culture)


def ambassador(seed: int, country: Country, year: int) -> Person:
    return person(random.Random(f"{seed}/ambassador/{country.code}/{term_of(year)}"),
                  country.culture)


def head_of(seed: int, partner: Partner, year: int) -> Person:
    return person(random.Random(f"{seed}/head/{partner.iso_code}/{term_of(year)}"),
                  partner.country.culture)


# ------------------------------------------------------------------------------ dates


def numeric(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def long(day: dt.date) -> str:
    return f"{day.day}. {MONTHS[day.month]} {day.year}"


def month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month]} {day.year}"


def day_in(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange(max(1, (last - first).days)))


def before(rng: random.Random, day: dt.date, min_days: int, max_days: int) -> dt.date:
    return day - dt.timedelta(days=rng.randint(min_days, max_days))


# ------------------------------------------------------------------------------ documents


@dataclass
class Block:
    """A unit of layout: what the renderers turn into Markdown or PDF text."""

    kind: str  # "head" (lines kept), "title", "heading", "para", "rows", "signature"
    lines: list[str]
    header: list[str] | None = None


@dataclass
class Draft:
    name: str
    genre: str
    blocks: list[Block]
    running_header: str = ""


@dataclass
class Setting:
    """What one document is about, drawn once."""

    index: int
    seed: int
    rng: random.Random
    land: Land
    date: dt.date
    country: Country
    partners: tuple[Partner, ...]

    @property
    def cast(self) -> LandCast:
        return land_cast(self.seed, self.land, self.date.year)


def setting_for(seed: int, index: int) -> Setting:
    rng = random.Random(f"{seed}/document/{index}")
    land = rng.choice(LAENDER)
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    date = day_in(rng, dt.date(year, 1, 8), dt.date(year, 12, 20))
    while date.weekday() >= 5:
        date -= dt.timedelta(days=1)
    country = rng.choice(COUNTRIES)
    pool = partners_of(country)
    partners = tuple(rng.sample(pool, min(len(pool), rng.randint(1, 3))))
    return Setting(index, seed, rng, land, date, country, partners)


def genre_for(rng: random.Random) -> str:
    draw, total = rng.random(), 0.0
    for genre, share in GENRES:
        total += share
        if draw < total:
            return genre
    return GENRES[-1][0]


# --- answers ---------------------------------------------------------------------------------


def answer(s: Setting) -> Draft:
    rng, land, date, country = s.rng, s.land, s.date, s.country
    wp = term(land, date.year)
    number = f"{wp}/{1000 + s.index}"
    inquiry = 500 + s.index
    asked = before(rng, date, 20, 45)
    asker = person(rng, "de")
    member = "der Abgeordneten" if asker.female else "des Abgeordneten"
    gov_gen = government(land, "gen")
    title = rng.choice((f"Zusammenarbeit {land.of} mit {country.name}",
                        f"Kontakte {gov_gen} zu {country.name}",
                        f"Wie pflegt {government(land, 'nom')} die Beziehungen zu "
                        f"{country.name}?"))
    minister = s.cast.europe
    blocks = [
        Block("head", [land.parliament, f"{wp}. Wahlperiode", "", f"Drucksache {number}", "",
                       numeric(date)]),
        Block("heading", ["Antwort"]),
        Block("head", [gov_gen, "",
                       f"auf die Kleine Anfrage {inquiry} vom {long(asked)}",
                       f"{member} {asker.full} {rng.choice(PARTIES)}",
                       f"Drucksache {number}"]),
        Block("title", [title]),
        Block("heading", ["Vorbemerkung der Kleinen Anfrage"]),
        Block("para", [preface(s)]),
        Block("para", [f"Datum des Originals: {numeric(date)}/Ausgegeben: "
                       f"{numeric(date + dt.timedelta(days=6))}"]),
        Block("para", [f"**{chancellery_head(land, minister)}** hat die Kleine Anfrage"
                       f" {inquiry} mit Schreiben vom {long(date)} namens "
                       f"{gov_gen} im Einvernehmen mit allen übrigen Mitgliedern "
                       f"{gov_gen} beantwortet."]),
    ]
    questions = answer_questions(s)
    for number_, (question, reply) in enumerate(questions, 1):
        blocks.append(Block("title", [f"{number_}. {question}"]))
        blocks.append(Block("para", [reply]))
    blocks.append(Block("title", [f"Maßnahmen {gov_gen} mit Bezug zu "
                                  f"{country.name}"]))
    blocks.append(Block("rows", table_rows(s), header=[
        "Ressort", "Maßnahme (Titel und ggf. Kurzbeschreibung)"]))
    slug = land.code[3:].lower()
    return Draft(f"{slug}-drucksache-{wp}-{1000 + s.index}", "answer", blocks,
                 running_header=f"{land.parliament} - {wp}. Wahlperiode - Drucksache {number}")


def preface(s: Setting) -> str:
    partner = s.partners[0]
    return (f"Die Beziehungen zwischen {s.land.name} und {s.country.name} haben eine lange "
            f"Tradition. Besonders die Zusammenarbeit mit {partner.dative} wird von "
            f"{government(s.land, 'dat')} regelmäßig hervorgehoben. Es stellt sich die Frage, "
            f"welche konkreten Maßnahmen {government(s.land, 'nom')} in den letzten Jahren "
            f"ergriffen hat.")


def answer_questions(s: Setting) -> list[tuple[str, str]]:
    rng, partner, land = s.rng, s.partners[0], s.land
    met = before(rng, s.date, 40, 300)
    host = f"{post(land.head, s.cast.head)} {s.cast.head.full}"
    if partner.is_region:
        head = head_of(s.seed, partner, met.year)
        guest = f"{titled(partner.country.head, head, 'acc')} {partner.genitive}, {head.full},"
    else:
        head = ambassador(s.seed, partner.country, met.year)
        guest = f"{titled('Botschafter', head, 'acc', partner.country.adjective)} {head.full}"
    visit = (f"Am {long(met)} empfing {host} {guest} in {land.capital} zu einem Gespräch über "
             f"die weitere Zusammenarbeit.")
    return [
        (f"Welche Kontakte unterhält {government(land, 'nom')} zu Partnern in "
         f"{s.country.name.removeprefix('den ')}?",
         f"{visit} {government(land, 'nom').capitalize()} pflegt darüber hinaus regelmäßige "
         f"Kontakte auf Arbeitsebene."),
        (f"Welche Maßnahmen hat {government(land, 'nom')} seit Beginn der Wahlperiode ergriffen? "
         "(Bitte nach Ressort und Maßnahme auflisten)",
         "In der beigelegten Anlage sind die Termine und Maßnahmen der Ressorts aufgeführt."),
        ("Welche Mittel stehen für die Zusammenarbeit zur Verfügung?",
         "Für die Zusammenarbeit stehen keine gesonderten Haushaltsmittel zur Verfügung."),
    ]


def table_rows(s: Setting) -> list[list[str]]:
    """20–80 rows, grouped by ministry as in the annexes of real answers."""
    rng = s.rng
    count = rng.randint(20, 80)
    abbreviations = [a for a, _ in s.land.ministries]
    rows = []
    for _ in range(count):
        ministry = rng.choice(abbreviations)
        day = before(rng, s.date, 10, 900)
        rows.append((abbreviations.index(ministry), day, ministry))
    rows.sort()
    result: list[list[str]] = []
    for _, day, ministry in rows:
        if rng.random() < 0.04:
            result.append([ministry, f"{day.year} - Intensive Pflege der Kontakte zum "
                                     f"{s.country.adjective}en Generalkonsulat durch:"])
        text = row_text(s, day, ministry)
        result.append(["" if rng.random() < 0.03 else ministry, text])
    return result


def row_text(s: Setting, day: dt.date, ministry: str) -> str:
    rng, country, cast = s.rng, s.country, s.cast
    partner = rng.choice(s.partners)
    gk = consul(s.seed, country, s.land, day.year)
    envoy = ambassador(s.seed, country, day.year)
    head = head_of(s.seed, partner, day.year)
    minister = rng.choice(cast.ministers)
    sts = rng.choice(cast.state_secretaries).last
    director = rng.choice(cast.directors)
    topic, topic2 = rng.sample(TOPICS, 2)
    when = rng.choice((f"{numeric(day)}: ", f"am {numeric(day)}: ", f"{long(day)}: ",
                       f"{day.day}.{day.month}.{day.year}: "))
    adj = country.adjective
    region = partner.with_adjective if partner.is_region else country.name
    by_minister = f"{post('Minister', minister)} {minister.last}"
    options = [
        f"{when}Gespräch mit {titled('Generalkonsul', gk, 'dat', adj)} {gk.full} im Rahmen eines "
        f"Antrittsbesuchs",
        f"{when}Antrittsbesuch {titled('Generalkonsul', gk, 'gen', adj)} {gk.full} bei StS {sts}",
        f"{when}Empfang einer Delegation aus {region} durch MinDirig Dr. {director.full}",
        f"{when}Gespräch von StS {sts} mit {titled('Botschafter', envoy, 'dat', adj)} "
        f"{envoy.full}",
        f"{when}Symposium zum Thema {topic} mit Vertretern {partner.genitive}",
        f"{when}Verlängerung des MoUs {topic} mit {partner.dative} gemeinsam mit StS {sts}",
        f"{when}Grußwort von {post('Minister', minister)} {minister.full} beim Empfang anlässlich "
        f"des Nationalfeiertags in {s.land.capital}",
        f"{when}Exkursion zum Thema {topic} für {titled('Generalkonsul', gk, 'acc', adj)} und "
        f"Vertreter der {adj}en Botschaft",
        trip_row(s, day, sts, when),
        f"Teilnahme einer Wirtschaftsdelegation aus {region} an der {rng.choice(FAIRS)} "
        f"{day.year} mit Messestand",
        f"{day.year} - Beantwortung mehrerer Anfragen des Generalkonsulats zum Thema {topic}",
        f"{when}Abschluss einer Kooperationsvereinbarung zu {topic} und {topic2} mit "
        f"{partner.dative} durch {by_minister}",
        f"Im {month_year(day)} hat {by_minister} {titled('Generalkonsul', gk, 'acc', adj)} "
        f"{gk.full} zu einem Gespräch mit allgemeinen Inhalten getroffen",
    ]
    if partner.is_region:
        options.append(f"{when}Besuch von {post(country.head, head)} {head.full} aus {region} "
                       f"bei {by_minister}")
    if ministry in {a for a, p in s.land.ministries if not p}:
        options.append(f"{when}MP-Gespräch mit {titled('Generalkonsul', gk, 'dat', adj)} "
                       f"{gk.full} anl. {'ihres' if gk.female else 'seines'} Abschieds")
    return rng.choice(options)


def trip_row(s: Setting, day: dt.date, sts: str, when: str) -> str:
    """A trip as a date range ("vom 03. bis 08. September 2019") or a single day."""
    end = day + dt.timedelta(days=4)
    if end.month != day.month:
        return f"{when}Reise von StS {sts} {s.country.to} (u.a. {s.country.cities[0]})"
    return (f"Reise von StS {sts} {s.country.to} mit den Stationen "
            f"{' und '.join(s.country.cities[:2])} vom {day.day:02d}. bis {end.day:02d}. "
            f"{MONTHS[day.month]} {day.year}")


# --- reports ---------------------------------------------------------------------------------


AGREEMENT_TITLES = (
    "Gemeinsame Absichtserklärung über die Zusammenarbeit zwischen {land} und {partner}",
    "Gemeinsame Erklärung über die Zusammenarbeit und den weiteren Ausbau der freundschaftlichen "
    "Beziehungen zwischen {land} und {partner}",
    "Absichtserklärung zwischen {land} und {partner}",
    "Memorandum of Understanding über die Zusammenarbeit in den Bereichen {t1} und {t2} "
    "zwischen {land} und {partner}",
    "Gemeinsame Erklärung über eine verstärkte Partnerschaft zwischen {land} und {partner}",
    "Kooperationsvereinbarung zwischen der Regierung {partner_gen} und der Regierung {land_of}",
)


def report(s: Setting) -> Draft:
    rng, land, date = s.rng, s.land, s.date
    wp = term(land, date.year)
    number = f"{wp}/{1000 + s.index}"
    minister = s.cast.europe
    topic = f"Umsetzungsstand der Partnerschaften {land.of} mit ausländischen Regionen"
    blocks = [
        Block("head", ["An den Präsidenten", land.parliament, land.capital]),
        Block("head", [land.parliament.upper(), f"{wp}. WAHLPERIODE", "",
                       f"Vorlage {number}", "", long(date)]),
        Block("para", ["Sehr geehrte Damen und Herren,"]),
        Block("para", [f"anbei übersende ich Ihnen den erbetenen Bericht zum Thema „{topic}“ "
                       f"mit der Bitte um Weiterleitung an den Ausschuss für Europa und "
                       f"Internationales."]),
        Block("para", ["Mit freundlichen Grüßen"]),
        Block("head", [minister.full]),
        Block("head", ["Bericht", f"{'der Chefin' if minister.female else 'des Chefs'} "
                       f"{chancellery_of(land)}",
                       "", "für den", "Ausschuss für Europa und Internationales",
                       in_parliament(land)]),
        Block("title", [topic]),
        Block("heading", ["Frage"]),
        Block("para", ["Bitte legen Sie dar, welche Inhalte der jeweiligen Vereinbarungen mit "
                       "ausländischen Regionen bisher umgesetzt wurden und wann jeweils das "
                       "letzte Arbeitstreffen stattgefunden hat."]),
        Block("heading", ["Antwort"]),
        Block("para", [f"Die Partnerschafts- und Kooperationsvereinbarungen "
                       f"{government(land, 'gen')} mit ausländischen Regionen und Staaten "
                       f"definieren Leitlinien der Zusammenarbeit. Sie werden in beiderseitigem "
                       f"Interesse und Einvernehmen fortentwickelt."]),
    ]
    used: set[str] = set()
    for _ in range(rng.randint(5, 15)):
        country = rng.choice(COUNTRIES)
        partner = rng.choice(partners_of(country))
        if partner.iso_code in used:
            continue
        used.add(partner.iso_code)
        blocks.append(Block("heading", [agreement_heading(s, partner)]))
        for paragraph in section_prose(s, partner):
            blocks.append(Block("para", [paragraph]))
    slug = land.code[3:].lower()
    return Draft(f"{slug}-vorlage-{wp}-{1000 + s.index}", "report", blocks,
                 running_header=f"Vorlage {number}")


def agreement_heading(s: Setting, partner: Partner) -> str:
    rng = s.rng
    signed = before(rng, s.date, 200, 365 * 25)
    t1, t2 = rng.sample(TOPICS, 2)
    template = rng.choice(AGREEMENT_TITLES)
    title = template.format(land=s.land.to, partner=partner.bold(), t1=t1, t2=t2,
                            partner_gen=partner.genitive, land_of=s.land.of)
    stated = rng.choice((long(signed), long(signed), month_year(signed)))
    return f"{title} ({stated})"


def section_prose(s: Setting, partner: Partner) -> list[str]:
    rng, land = s.rng, s.land
    cast = s.cast
    country = partner.country
    met = before(rng, s.date, 20, 330)
    head = head_of(s.seed, partner, met.year)
    trip = before(rng, s.date, 20, 330)
    europe = post("Europaminister", cast.europe)
    t1, t2, t3 = rng.sample(TOPICS, 3)
    if partner.is_region:
        guest = f"{titled(country.head, head, 'acc')} {partner.genitive}, {head.full},"
    else:
        head = ambassador(s.seed, country, met.year)
        guest = f"{titled('Botschafter', head, 'acc', country.adjective)} {head.full}"
    sentences = [
        f"Am {long(met)} hat {post(land.head, cast.head)} {cast.head.full} {guest} zu einem "
        f"Gespräch in {land.capital} empfangen.",
        f"Themen des Austauschs waren u.a. {t1}, {t2} und {t3}.",
    ]
    end = trip + dt.timedelta(days=2)
    span = (f"vom {trip.day}. - {end.day}. {MONTHS[trip.month]} {trip.year}"
            if end.month == trip.month else f"am {long(trip)}")
    travel = [f"{europe} {cast.europe.full} reiste {span} {country.to}.",
              f"Im Rahmen dieser Reise traf {'sie' if cast.europe.female else 'er'} in "
              f"{country.cities[0]} u.a. mit Vertretern {partner.genitive} zusammen."]
    extra = [
        f"Die Zusammenarbeit umfasst bisher die Bereiche {t1}, {t2} und {t3}.",
        f"Im {month_year(before(rng, s.date, 30, 400))} fand in {country.cities[-1]} die Sitzung "
        f"der Gemischten Arbeitsgruppe {land.name} - {partner.name} statt.",
        f"Eine Wirtschaftsdelegation aus {partner.name} besuchte im "
        f"{month_year(before(rng, s.date, 30, 400))} die {rng.choice(FAIRS)} in {land.capital}.",
        f"Die nächste Sitzung der Arbeitsgruppe ist für Frühjahr {s.date.year + 1} geplant.",
        f"Seit {before(rng, s.date, 400, 3000).year} werden gemeinsame Projekte in den Bereichen "
        f"{t2} und {t3} umgesetzt.",
    ]
    paragraphs = [" ".join(sentences + rng.sample(extra, rng.randint(0, 2)))]
    if rng.random() < 0.6:
        paragraphs.append(" ".join(travel + rng.sample(extra, rng.randint(1, 2))))
    return paragraphs


# --- press releases --------------------------------------------------------------------------


def press_release(s: Setting) -> Draft:
    rng, land, date = s.rng, s.land, s.date
    partner = s.partners[0]
    country = partner.country
    head = head_of(s.seed, partner, date.year) if partner.is_region else \
        ambassador(s.seed, country, date.year)
    head_post = post(country.head, head) if partner.is_region else post("Botschafter", head)
    chief = s.cast.head
    chief_post = post(land.head, chief)
    founded = before(rng, date, 365 * 5, 365 * 35)
    years = date.year - founded.year
    t1, t2, t3 = rng.sample(TOPICS, 3)
    city = land.capital
    label = partner.name if partner.is_region else country.name
    blocks = [
        Block("title", [f"{land.name} und {label} vertiefen Zusammenarbeit"]),
        Block("para", [f"{land.name} und {partner.nominative_with_adjective} wollen die "
                       f"Zusammenarbeit in den Bereichen {t1}, {t2} sowie {t3} intensivieren."]),
        Block("para", [f"Zum {years}-jährigen Jubiläum der Partnerschaft haben {chief_post} "
                       f"{chief.full} und {head_post} {head.full} am {WEEKDAYS[date.weekday()]}, "
                       f"{long(date)}, in {city} eine Gemeinsame Absichtserklärung "
                       f"unterzeichnet. Beide Seiten wollen ihre Zusammenarbeit bei diesen "
                       f"Themen verstetigen."]),
        Block("para", [f"„Gute Partnerschaften sind in dieser Zeit besonders wertvoll“, so "
                       f"{chief_post} {chief.last}. „Mit {partner.dative} verbindet uns die "
                       f"Leidenschaft für Wissenschaft und Innovation.“"]),
        Block("title", [f"Gemeinsame Absichtserklärung zwischen der Regierung {land.of} "
                        f"(Bundesrepublik Deutschland) und {partner.dative} "
                        f"({country.name.removeprefix('den ')})"]),
        Block("para", [f"Die Regierung {land.of}, Bundesrepublik Deutschland, und "
                       f"{partner.nominative} "
                       f"erklären ihre Absicht, den freundschaftlichen Austausch in "
                       f"beiderseitigem Respekt und Vertrauen weiter zu festigen."]),
        Block("para", [f"Beide Seiten sind am {long(founded)} offiziell eine regionale "
                       f"Partnerschaft eingegangen."]),
        Block("para", [f"Beide Seiten erklären ihre Absicht, in Zukunft insbesondere in den "
                       f"Bereichen {t1}, {t2} und {t3} zusammenzuarbeiten."]),
        Block("para", [f"Diese Gemeinsame Absichtserklärung wurde am {long(date)} in {city} / "
                       f"Bundesrepublik Deutschland in deutscher und {country.language} Sprache "
                       f"unterzeichnet, wobei beide Sprachfassungen gleichwertig sind."]),
        Block("para", [long(date)]),
        Block("signature", [chief.full, f"{chief_post} {land.of}"]),
        Block("signature", [f"{head.last.upper()} {head.first}" if country.code in {"JP", "CN"}
                            else head.full, f"{head_post} {partner.genitive}"]),
        Block("para", ["Pressemitteilung"]),
        Block("para", [numeric(date)]),
        Block("para", [f"Quelle: {land.chancellery}"]),
    ]
    slug = land.code[3:].lower()
    return Draft(f"{slug}-pressemitteilung-{date.isoformat()}-{s.index}", "press-release",
                 blocks)


# ------------------------------------------------------------------------------ rendering


def markdown(draft: Draft) -> str:
    parts = []
    for block in draft.blocks:
        if block.kind == "head":
            parts.append("  \n".join(block.lines))
        elif block.kind == "heading":
            parts.append(f"## {block.lines[0]}")
        elif block.kind == "title":
            parts.append(f"**{block.lines[0]}**")
        elif block.kind == "rows":
            header = "\t".join(f"<b>{cell}</b>" for cell in block.header or [])
            parts.append("\n".join([header, *("\t".join(row) for row in block.lines)]))
        elif block.kind == "signature":
            parts.append("\n".join(block.lines))
        else:
            parts.append(block.lines[0])
    return "\n\n".join(parts) + "\n"


def plain(draft: Draft) -> str:
    """A web page saved as text: paragraphs between blank lines, no markup."""
    return strip_markup(markdown(draft)).replace("## ", "")


def strip_markup(text: str) -> str:
    return re.sub(r"\*\*|</?b>", "", text).replace("  \n", "\n")


def pdf_text(draft: Draft, rng: random.Random) -> str:
    """Text as extracted from a PDF: hard-wrapped lines ending in a space, words split at line
    ends, whitespace-only lines between paragraphs, optionally each line followed by an empty
    one (double spacing), and page breaks (runs of empty lines, page number, running header)."""
    width = rng.randint(78, 95)
    double = rng.random() < 0.5
    lines: list[tuple[str, bool]] = []  # (line, may a page break follow it?)
    for block in draft.blocks:
        if block.kind == "rows":
            texts = ["\t".join(row) + " " for row in ([block.header] if block.header else [])
                     + block.lines]
        elif block.kind in {"head", "signature"}:
            texts = [f"{strip_markup(line)} " if line else " " for line in block.lines]
        else:
            texts = wrap(strip_markup(block.lines[0]), width)
        # No page break inside a heading: see bench/FINDINGS-FOR-DEVELOPERS.md (yearless date).
        inside_ok = block.kind != "heading"
        lines.extend((text, inside_ok) for text in texts[:-1])
        lines.extend([(texts[-1], True), (" ", True)])
    return finish_pdf_text(lines, draft.running_header, rng.randint(38, 50), double)


def finish_pdf_text(lines: list[tuple[str, bool]], running_header: str, page_lines: int,
                    double: bool) -> str:
    """Cut into pages (a page ends at the first breakable line after page_lines lines)."""
    pages: list[str] = []
    on_page, page = 0, 1
    for text, breakable in lines:
        pages.append(text)
        on_page += 1
        if on_page >= page_lines and breakable:
            page += 1
            pages.extend(["", "", ""])
            if running_header:
                pages.append(f"{running_header} ")
            pages.extend([f"{page} ", "", ""])
            on_page = 0
    if double:
        spaced: list[str] = []
        for line in pages:
            spaced.append(line)
            if line:
                spaced.append("")
        pages = spaced
    return "\n".join(pages) + "\n"


def wrap(text: str, width: int) -> list[str]:
    """Hard-wrap, splitting listed long words with a hyphen where they cross the margin."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:
            current = candidate
            continue
        cut = HYPHENATION.get(word)
        if cut and current and len(current) + 1 + cut + 1 <= width:
            lines.append(f"{current} {word[:cut]}-")
            current = word[cut:]
            continue
        if current:
            lines.append(current)
        current = word
    if current:
        lines.append(current)
    return [f"{line} " if not line.endswith("-") else line for line in lines] or [" "]


# ------------------------------------------------------------------------------ the corpus


def document(seed: int, index: int) -> tuple[str, str, str, str]:
    """Document number index of the corpus: (file name, text, genre, rendering)."""
    setting = setting_for(seed, index)
    genre = genre_for(setting.rng)
    draft = {"answer": answer, "report": report, "press-release": press_release}[genre](setting)
    choice = setting.rng.random()
    if genre == "press-release":
        rendering = "plain" if choice < 0.7 else "markdown"
    else:
        rendering = "pdf-text" if choice < 0.4 else "markdown"
    text = {"plain": lambda: plain(draft), "markdown": lambda: markdown(draft),
            "pdf-text": lambda: pdf_text(draft, setting.rng)}[rendering]()
    suffix = {"plain": ".txt", "markdown": ".md", "pdf-text": ".pdf.txt"}[rendering]
    return draft.name + suffix, text, genre, rendering


def write_corpus(documents: int, seed: int, output: Path) -> Counter:
    output.mkdir(parents=True, exist_ok=True)
    counts: Counter = Counter()
    for index in range(documents):
        name, text, genre, rendering = document(seed, index)
        (output / name).write_text(text, encoding="utf-8")
        counts[genre] += 1
        counts[rendering] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", "-n", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", "-o", type=Path, required=True)
    args = parser.parse_args(argv)
    counts = write_corpus(args.documents, args.seed, args.output)
    summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))
    print(f"wrote {args.documents} documents to {args.output} ({summary})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

