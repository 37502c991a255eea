"""German function words the extractors key on. Language, not facts: no names, places or dates."""

from __future__ import annotations

import re

from kg.registers import word_list

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
u.a. u. a. z.B. z. B. d.h. d. h. v.a. v. a. ggf. bzw. ca. Nr. Dr. Prof. S.M. S.E. I.E. St.
stv. anl. anschl. jap. vgl. ebd. S. Abs. Art. Mio. Mrd. Tsd. inkl. insb. sog. evtl. e.V. e. V.
Jan. Febr. Feb. Aug. Sept. Okt. Nov. Dez. Dipl.-Ing. Hr. Fr. o.ä. usw. etc. gem. lt. i.V.
Ing. Mag. Dipl. Univ. Habil. h.c. Hon. Abg. Min. Präs. Sen. Bgm. Gen. Kons. Mr. Mrs. Ms.
a.D. a. i.R. a.M.
""".split())

ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())
PREPOSITIONS = frozenset(
    "in im nach aus von vom bei beim mit zu zum zur für an am auf unter über durch gegenüber"
    .split())
CONNECTORS = frozenset("und sowie oder bzw. als".split())

# Common nouns that are never part of a person's name, also when inflected ("Reden",
# "Gesprächen", "Vertretern"): see is_common_noun.
COMMON_NOUNS = frozenset("""
Herr Frau Land Stadt Region Provinz Präfektur Regierung Landesregierung Staatsregierung
Landtag Bund Europa Ministerium Staatskanzlei Staatsministerium
Gespräch Gespräche Besuch Treffen Delegation Vertreter Vertreterin Vertreterinnen
Polizeiattaché Partner Partnerin Seite Thema Themen Bereich
Rede Vortrag Vorträge Grußwort Grußworte Grußwörter Ansprache Interview Termin Gast Gäste
Empfang Abkommen Vertrag Verträge Beitrag Beiträge Workshop Glückwünsche Grüße Dank
Unternehmen Beginn Auftakt Abschluss Interesse Anliegen Wunsch Kontakt Kontakte Austausch
Telefon Telefax Durchwahl Fax Leser Leserinnen Bürgerinnen Bürger Damen Herren
Foto Fotos Bild Bildquelle Quelle Copyright
Ausschuss Ausschüsse Kuratorium Präsidium Vorstand Parlament Verband Kongress Komitee
Partnerstadt Partnerstädte Partnerregion Partnerprovinz Partnerland Hauptstadt Hafenstadt
Hansestadt Schwesterstadt
""".split())
_NOUN_INFLECTIONS = ("en", "es", "e", "n", "s")

# Words that never begin or continue a person's name even when capitalised.
NOT_NAME_WORDS = COMMON_NOUNS | frozenset("""
Der Die Das Des Dem Den Ein Eine Einer Eines Im Am Zum Zur Vom Beim Bei Mit Für Von Nach Aus Auf
In An Und Sowie Oder Auch Zudem Außerdem Dabei Hierzu Ferner Überdies Darüber Zuletzt So Seit
Es Er Sie Wir Ich Ihr Ihnen Ihre Sein Seine Dies Diese Dieser Dieses Jede Jeder Alle Beide Beiden
Herrn Landes Landtags Bundes Ministeriums Bereichen Vertretern Liebe Lieber Sehr

Januar Februar März April Mai Juni Juli August September Oktober November Dezember Jänner
Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Frühjahr Frühling Sommer Herbst Winter
""".split())

# Nouns that a person's name may follow as their namesake ("der Universität Adam Mickiewicz",
# "des Preises Jan Beispiel"): the name after them is part of a body's name, no holder of a post.
NAMESAKE_NOUNS = ("Universität", "Hochschule", "Akademie", "Stiftung", "Institut", "Gymnasium",
                  "Schule", "Museum", "Haus", "Straße", "Platz", "Preis", "Medaille", "Orden",
                  "Zentrum", "Krankenhaus", "Klinik", "Flughafen", "Bibliothek", "Kolleg",
                  "Kaserne", "Brücke", "Park")

# Noun endings that make a capitalised word an unlikely surname (with a minimum length).
NOUN_SUFFIX = re.compile(r"(?:ung|heit|keit|schaft|tion|ität|ismus|nis|tum|ei|arbeit|politik|"
                         r"ausschuss|ausschusses|nahme|straße|strasse|stelle|stellen)$")
# The same endings in the plural ("Beziehungen", "Gemeinschaften", "Ergebnisse").
PLURAL_NOUN_SUFFIX = re.compile(r"(?:ungen|heiten|keiten|schaften|tionen|itäten|nisse|tümer)$")

# Lower-case particles between a given name and a family name ("Karla von Beispielhausen",
# "Pieter van den Voorbeeld"); longest first. Lone "der"/"den" are articles, not particles.
NAME_PARTICLES = ("van der", "van den", "von der", "von und zu", "de la", "de los", "van",
                  "von", "de", "zu", "di", "da", "del", "ten", "ter")


def is_common_noun(word: str) -> bool:
    """A capitalised word known as a common noun, in any inflection: no part of a name."""
    if word in COMMON_NOUNS or (len(word) >= 6 and (
            NOUN_SUFFIX.search(word) or PLURAL_NOUN_SUFFIX.search(word))):
        return True
    return any(word.endswith(ending) and len(word) - len(ending) >= 4
               and word[: -len(ending)] in COMMON_NOUNS for ending in _NOUN_INFLECTIONS)


# Nouns after which a country or region adjective names an actor ("japanische Delegation").
ACTOR_NOUNS = re.compile(
    r"(?:Delegation|Regierung|Botschaft|Generalkonsulat|Konsulat|Ministerium|Minister|Partner|"
    r"Seite|Abgeordnete|Vertreter|Investoren|Business|Unternehmen|Unternehmerverband|Gäste|"
    r"Polizei|Richter|Staatsanwält|Kollegen|Amtskollegen|Behörde|Wirtschaftsdelegation|"
    r"Unternehmensdelegation|Fachdelegation|Parlament|Verwaltung|Arbeitsgruppe|Kommission|"
    r"Regierungskommission|Gremium|Lenkungsausschuss)\w*")

# Sentences that announce rather than report.
PLANNING = re.compile(
    r"\b(?:geplant|plant|planen|planten|vorgesehen|in Aussicht genommen|beabsichtigt|"
    r"erwägt|erwägen|erwogen|"
    r"Vorbereitung (?:einer|eines)\b|soll(?:en)?\b[^.;]{0,60}?\b\w+ werden|"
    r"wird\b.*\bstattfinden|werden\b.*\bstattfinden|soll(?:en)?\b[^.;]{0,80}?\bstattfinden|"
    r"ist für .* angesetzt)")

# The past tense of an occasion's main verb ("empfing", "reiste", "traf"): what it was for
# ("…, um die Vereinbarung zu erneuern") happened.
PAST_OCCASION = re.compile(
    r"(?:empfing|empfingen|reiste|reisten|traf|trafen|besuchte|besuchten|kam|kamen|"
    r"begrüßte|begrüßten|weilte|weilten|war|waren|hielt|hielten)")

# Sentences that continue the occasion of the one before ("Im Rahmen dieser Reise …").
CONTINUATION = re.compile(
    r"^(?:Im Rahmen (?:dieser|dieses|des)|Dabei|Anschließend|Dort|Den Vorsitz|Außerdem nahm|"
    r"Ebenfalls|Begleitet|Er traf|Sie traf)|\b(?:an diesem|an dieser|bei diesem|bei dieser|"
    r"seinerseits|ihrerseits|während dieser|während des Besuchs)\b")



# Words by which a text says an instrument was signed or concluded (mappings/signing-words.txt).
SIGNING_WORDS = word_list("signing-words.txt")
SIGNING = re.compile(r"(?<!\w)(?:" + "|".join(SIGNING_WORDS) + ")")
# Conferences of the German Länder's governments, as a whole event word in lower case
# ("verkehrsministerkonferenz"; mappings/domestic-conferences.txt).
DOMESTIC_CONFERENCE = re.compile("(?:" + "|".join(word_list("domestic-conferences.txt")) + ")")
# Words by which a list's line says its instrument is not (yet) signed: planned, in preparation,
# a draft (mappings/planned-agreement-words.txt).
PLANNED_LINE = re.compile(r"(?<!\w)(?:" + "|".join(word_list("planned-agreement-words.txt")) + ")")
# … or made, renewed or extended.
AGREEMENT_ACTION = re.compile(
    r"(?<!\w)(?:" + "|".join(SIGNING_WORDS) + "|"
    r"Verlängerung\w*|verlängert\w*|verlängern|Erneuerung\w*|erneuert\w*|erneuern|vereinbart|"
    r"begründet(?!\w))")
# How a government text names its own Land as a party ("hat die Landesregierung … unterzeichnet").
OWN_GOVERNMENT = re.compile(r"(?<!\w)(?:Landesregierung|Staatsregierung|Freistaat\w*|Land(?:es)?\b|"
                            r"Senat\w*|Staatskanzlei|Staatsministerium)")
# A passive signing names no actor ("wurde … eine Erklärung unterzeichnet"): in the Land's own
# document it is the Land's, unless a body other than its government is named in it.
PASSIVE = re.compile(r"(?<!\w)(?:wurde|wurden|worden)(?!\w)")
OTHER_BODY = re.compile(
    r"(?<![\w-])(?:Stadt|Städte|Gemeinde|Kommune|Universität|Hochschule|Schule|Verein(?!barung)|Landtag|"
    r"Parlament|Kammer|IHK|Bezirk|Landkreis|Kreis|Unternehmen|Stiftung|Klinik|Verband|Verbände|"
    r"Bundesregierung|Bundesrepublik|Bundesministeri|Abgeordnete)\w*|\w*[Pp]arlament\w*")
# A partnership or instrument of cities ("Städtepartnerschaft", "beide Städte"): not the Land's.
OF_CITIES = re.compile(r"(?<![\w-])(?:Städtepartnerschaft|städtepartnerschaftlich|"
                       r"Partnerstadt|Partnerstädte)\w*|(?<![\w-])[Bb]eide[n]?\s+Städte\b")
# An instrument a title names between a body other than the Land and another party
# ("Zusammenarbeitsabkommen zwischen dem Landkreis A und B"): the document is about that
# body's.
OTHER_BODYS_INSTRUMENT = re.compile(r"(?<!\w)zwischen\s+(?:dem|der|den)\s+(?:Landkreis|Kreis|"
                                    r"Bezirk|Stadt|Städten|Gemeinde|Gemeinden|Universität|"
                                    r"Hochschule)\w*\s")
# A sentence that says who the partners are: "Partner auf der anderen Seite sind …",
# "Vertragspartner sind …".
PARTNERS_ARE = re.compile(r"\s*(?:Die\s+)?(?:Vertrags|Kooperations)?[Pp]artner(?:\s+(?:auf|von|der|"
                          r"des)\s+[^.;:]{0,40}?)?\s+(?:sind|waren)\s")
EXTENSION_ACTION = re.compile(r"(?<!\w)(?:Verlängerung|verlängert|verlängern|Erneuerung|erneuert|"
                              r"erneuern)\w*")
EACH_AGREEMENT = re.compile(r"\bjeweils\s+(?:eine|ein)\b|\b(?:der|die|den)\s+jeweilige[n]?\b")

# Markers of the asker's own text in an answer, and of its end.
PREFACE_START = re.compile(r"^(?:Vorbemerkung (?:der (?:Kleinen|Großen|Schriftlichen) Anfrage|"
                           r"des Fragestellers|der Fragestellerin|Fragesteller\w*|"
                           r"de[rs] Abgeordneten)|"
                           r"(?:Schriftliche|Kleine|Große|Mündliche|Dringliche) Anfrage\b)")
PREFACE_END = re.compile(r"(?:beantwort\w*|^Vorbemerkung(?! (?:der "
                         r"(?:Kleinen|Großen|Schriftlichen) Anfrage|des Fragestellers|"
                         r"der Fragestellerin|Fragesteller|de[rs] Abgeordneten))|^Antwort\b)")
# The same inside a block of web text that runs preface, questions and answers together.
# The header "Kleine Anfrage 4506 vom 6. Oktober 2031 des Abgeordneten X" starts the asker's
# title and preface.
ASKER_START = re.compile(r"Vorbemerkung (?:der|des) (?:Kleinen|Großen|Schriftlichen) Anfrage|"
                         r"hat folgenden Wortlaut|"
                         r"(?:Kleine|Große|Schriftliche|Mündliche|Dringliche) Anfrage"
                         r"(?:\s+\d+)?(?:\s+vom\s+\d{1,2}\.\s*(?:\d{1,2}\.\s*|[A-ZÄÖÜ]\w+\s+)\d{2,4})?"
                         r"\s+de[rs] Abgeordneten|"
                         r"Vorbemerkung de[rs] (?:Fragesteller\w*|Abgeordneten)|"
                         r"(?:Ich|Wir) frage[n]? (?:die|den)\s")
# "Vor diesem Hintergrund frage ich den Senat:" ends a preface; its questions end with "?".
ASKER_END = re.compile(r"Antwort (?:der|des) (?:Landesregierung|Staatsregierung|Senats)|"
                       r"Namens der (?:Landesregierung|Staatsregierung)|Antwort des "
                       r"(?:Staatsministeriums|Ministeriums)|"
                       r"Vorbemerkung (?:der|des) (?:Landesregierung|Staatsregierung|Senats)|"
                       r"\bfrage[n]? (?:ich|wir) (?:den Senat|die (?:Landes|Staats)regierung)\s*:|"
                       r"beantwort\w*\b[^.?!]{0,160}?(?:wie folgt|namens)|Zu (?:Frage )?\d+\s*[.:]")
# "… Kleine Anfrage des Abgeordneten X vom … und Antwort des Senats Betr.: …": the header's
# "Antwort" announces the answer after the asker's title and preface; it ends nothing.
ASKER_HEADER_ANSWER = re.compile(r"\s*(?:Betr\b|Betreff\b)")
QUESTION = re.compile(r"^\s*(?:Frage\s*)?\d{1,2}\s*\.?\s+.+\?\s*(?:\([^)]*\))?\s*$", re.S)

# Words a person's role may be followed by before the name: "Generalkonsuls, Kenta Morino".
NAME_INTRODUCERS = frozenset(["Herr", "Herrn", "Frau"])

# Words by which a text names a standing partnership ("Regionalpartnerschaften",
# "Partnerregion", "Partnerland", "Freundschaftsvertrag", "Freundschaftsprovinz"); group `kind`
# is the word as written.
PARTNERSHIP = re.compile(
    r"(?<![\w-])(?P<kind>(?:[A-ZÄÖÜ][a-zäöüß]+-?|[A-ZÄÖÜ]{2,4}-)?[Pp]artner(?:schaft|region|land|länder|provinz|"
    r"präfektur|staat|bundesstaat|departement|woiwodschaft|wojewodschaft|oblast|kanton|stadt|"
    r"städte)\w*|Freundschafts(?:vertrag|provinz|region|präfektur|beziehung)\w*|"
    r"(?:[A-ZÄÖÜ][a-zäöüß]+)?[Pp]artnerschaftsbeziehung\w*|Regionalpartner(?:in|innen|n)?\b|"
    # "A, B und C als Städtepartner": the cities' word for each other
    r"(?:Städte|Stadt)partner(?:in|innen|n)?\b|"
    # "Partner-Woiwodschaft", "Partner-Provinz": a partner region's word written with a hyphen
    r"Partner-(?:Region|Provinz|Präfektur|Bundesstaat|Departement|Woiwodschaft|Wojewodschaft|"
    r"Oblast|Kanton)\w*)")
# Partnerships of others than the Land's government: cities, schools, universities, districts,
# parliaments, associations ("Städtepartnerschaft", "Hochschulpartnerschaft").
OTHERS_PARTNERSHIP = re.compile(
    r"^(?:Schul|Schüler|Hochschul|Universitäts|Klima|Kommunal|Parlaments|Landtags|"
    r"Kreis|Bezirks|Gemeinde|Vereins|Sport|Kirchen|Projekt|Forschungs|Kooperations|"
    r"Wissenschafts|Unternehmens|Wirtschafts|Medien|Jugend|Kultur|Museums|Bildungs|"
    r"Dienststellen|Polizei|Behörden|Justiz|Gerichts|Feuerwehr|Kammer)",
    re.IGNORECASE)
# City partnerships: a Land's only where the Land is a city ("Städtepartnerschaft", "Partnerstadt").
CITY_PARTNERSHIP = re.compile(r"^(?:Städte|Stadt)|[Pp]artnerst(?:adt|ädte)", re.IGNORECASE)
# Holders of a partnership that are not the Land: "Der Bezirk … unterhält eine Partnerschaft".
OTHER_HOLDER = re.compile(
    r"(?<!\w)(?:Bezirk|Landkreis|Kreis|Stadt|Städte|Gemeinde|Kommune|Universität|Hochschule|"
    r"Schule|Verein|Landtag|Parlament)\w*\s+(?:\S+\s+){0,3}?(?:unterhält|unterhalten|pflegt|"
    r"pflegen|verbindet|hat|haben|hält|halten|führt|führen)\b"
    r"|(?:unterhält|unterhalten|pflegt|pflegen)\s+(?:der|die|das)\s+(?:\S+\s+){0,2}?"
    r"(?:Bezirk|Landkreis|Kreis|Stadt|Gemeinde|Kommune|Universität|Hochschule|Schule|Verein|"
    r"Landtag|Parlament)\w*")
# Bodies other than the Land named as the parties of a partnership or treaty: "das zwischen den
# Häfen abgeschlossene Partnerschaftsabkommen", "ein Vertrag zwischen Vertretern des Hafens A
# und dem Hafen B".
OTHERS_BETWEEN = re.compile(
    r"(?<!\w)zwischen\s+(?:den\s+|(?:Repräsentanten|Vertretern|Vertreterinnen)\s+(?:des|der)\s+"
    r"(?:[\w-]+\s+)?)(?:Häfen|Hafens|Universitäten|Hochschulen|Schulen|Kammern|Vereinen|"
    r"Unternehmen|Flughäfen|Zoos|Museen|Theatern|Kliniken)\b")
# What the text reports others said, not what it states: "laut Pressemeldungen", "Medienberichten
# zufolge" (an asker's preface retelling the press).
HEARSAY = re.compile(r"(?<!\w)(?:laut\s+(?:Presse|Medien|Zeitungs)\w*|"
                     r"(?:Presse|Medien|Zeitungs)\w*\s+zufolge)")
# A partnership of parliaments, whoever's the region: "eine Partnerschaft auf der Ebene der
# Parlamente", "die Partnerschaft der Landtage".
PARLIAMENTS_PARTNERSHIP = re.compile(
    r"[Pp]artnerschaft\w*\s+(?:auf\s+(?:der\s+)?Ebene\s+der\s+(?:Parlamente|Landtage)|"
    r"der\s+(?:Parlamente|Landtage)|zwischen\s+den\s+(?:Parlamenten|Landtagen)|"
    r"zwischen\s+dem\s+(?:[\w-]+\s+)?(?:Landtag|Parlament|Abgeordnetenhaus|Bürgerschaft)\b)")
# Holders other than the Land named right after the partnership word: "Partnerschaften
# zwischen Bezirken, Landkreisen und Gemeinden", "eine Partnerschaft zwischen dem Bezirk A und
# der Woiwodschaft B", "Partnerschaften der Landkreise", "eine Partnerschaft zum Sejmik der
# Woiwodschaft B" (a regional parliament). Group `body` is the holder's kind word.
OTHERS_NAMED_AFTER = re.compile(
    r"[Pp]artner\w*\s+(?:zwischen|der|des|zum|zur)\s+(?:(?:dem|den|der|einem|einer|zahlreichen|"
    r"vielen|mehreren|einzelnen)\s+)?"
    r"(?:[A-ZÄÖÜ]\w*-)*(?:Fach)?"  # "der A-B-Universität", "der Fachhochschule"
    r"(?P<body>Bezirk|Landkreis|Kreis|Städte|Stadt|Gemeinde|Kommune|Universität|Hochschule|Schule|"
    r"Verein|Landtag|Parlament|Regionalparlament|Sejmik|Duma|Polizei|Behörde|Dienststelle|Kammer)\w*")
# A partner of a fair, festival or year of culture, not of the Land: "die Hannover Messe mit
# Partnerland A", "Partnerregion der Grünen Woche".
_OCCASION = (r"[\w-]*(?:Messe|messe|Fachmesse|Festival|Festspiele|Festwoche|Woche|Ausstellung|"
             r"Kongress|Biennale|Kulturjahr|Themenjahr|Expo|ausstellung|festival|woche)\w*")
OCCASION_PARTNER_BEFORE = re.compile(rf"{_OCCASION}\s+(?:\d{{4}}\s+)?"
                                     r"(?:mit\s+(?:dem\s+|der\s+)?|als\s+)$")
OCCASION_PARTNER_AFTER = re.compile(rf"\w*\s+(?:der|des|beim|bei\s+der|auf\s+der|für\s+die)\s+"
                                    rf"(?:[\w-]+\s+){{0,2}}?{_OCCASION}")
# "B ist die Partnerregion von A": A holds the partnership (the Land when A is the Land).
HELD_BY = re.compile(r"\s+(?:von|vom)\s+(?:der\s+|dem\s+)?")
# "seit dem 3. Mai 2031", "seit 2031": the partnership's start.
SINCE = re.compile(r"(?<!\w)(?:seit|bereits seit|schon seit)\s+(?:dem\s+|den\s+|Jahr\s+|"
                   r"dem Jahr\s+|der\s+)?")
# "20 Jahre Partnerschaft", "seit 30 Jahren": an anniversary counts years.
# Numbers written as words ("vor fünf Jahren"), as anniversaries count.
NUMBER_WORDS = {"einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
                "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15,
                "zwanzig": 20, "fünfundzwanzig": 25, "dreißig": 30, "vierzig": 40,
                "fünfzig": 50, "sechzig": 60, "siebzig": 70}
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
NUMBER_WORD_PATTERN = _NUMBER_WORD
ANNIVERSARY = re.compile(rf"(?<![\w.])(?P<years>\d{{1,3}}|{_NUMBER_WORD})(?:\s*-?\s*jährige\w*|"
                         r"\s+Jahre\w*|\.\s+(?:Jubiläum|Jahrestag)|"
                         # "den 25. Geburtstag ihrer Regionalpartnerschaft": a partnership's
                         # birthday, not a person's ("zum 70. Geburtstag des Ministers")
                         r"\.\s+Geburtstag(?=\s+(?:der|ihrer|unserer|seiner)\s+"
                         r"(?:[a-zäöüß]+\s+)?\w*[Pp]artnerschaft))", re.IGNORECASE)
# What makes a count of years no anniversary: approximate ("seit mehr als 20 Jahren") or a
# span of time ("in den letzten zehn Jahren").
NOT_EXACT_YEARS = re.compile(r"(?<!\w)(?:mehr als|über|rund|knapp|fast|nahezu|gut|etwa|ca\.|"
                             r"annähernd|beinahe|mindestens|weit über|letzten|vergangenen|"
                             r"nächsten|kommenden|ersten)\s+$", re.IGNORECASE)
# Verbs by which a partnership was founded ("begründet", "ins Leben gerufen").
FOUNDING = re.compile(r"(?<!\w)(?:begründet|gegründet|ins Leben gerufen|eingegangen|"
                      r"geschlossen|besiegelt|[Uu]nterzeichn\w*|unterschrieb\w*|vereinbart)")
# A partnership that no longer exists (suspended ones still do: "ausgesetzt", "ruht").
ENDED = re.compile(r"(?<!\w)(?:beendet|beendete[n]?|aufgelöst|gekündigt|aufgekündigt|kündigte[n]?|"
                   r"eingestellt|erloschen|ausgelaufen|nicht mehr)\b")
NEGATION = re.compile(r"(?<!\w)(?:keine|keinerlei|kein)\s+(?:\w+\s+){0,3}?\w*[Pp]artner|"
                      # "eine Partnerschaft besteht (derzeit) nicht"
                      r"[Pp]artnerschaft\w*\s+(?:\w+\s+){0,3}?(?:besteht|bestehen|existiert|"
                      r"existieren|gibt\s+es)\s+(?:derzeit\s+|bislang\s+|noch\s+|jedoch\s+)*"
                      r"nicht\b")

# The date line after a press release's number, where a page runs it into the text:
# "Pressemitteilung Nr.: 12/34 Beispielstadt, den " (the date follows).
RELEASE_DATELINE = re.compile(r"\b(?:Pressemitteilung|Presseinformation|Pressemeldung|"
                              r"Medieninformation)\s+Nr\.?\s*:?\s*[\d/.-]+\s+"
                              r"[A-ZÄÖÜ][\w.()/-]*(?:\s[\w.()/-]+){0,3},\s*(?:den\s+)?$")


# A date line run into the text it heads: "Beispielstadt 07.02.2031 Die Ministerin hat …" (the
# place, then the day; not a preposition: "Am 07.02.2031 …"). Without a comma it is the date
# of issue only, no occasion of the sentence it opens.
OPENING_PLACE = re.compile(r"\s*(?!(?:Am|Im|Vom|Von|Seit|Bis|Ab|Zum|Zur|Nach|Vor|Bereits|Schon|"
                           r"Noch|Erst|Der|Die|Das|Den|Dem)\b)[A-ZÄÖÜ][\w.-]+"
                           r"(?: [a-z]\.\s?[A-Z]\w*)?(?P<comma>,)?\s*")
