"""Toponym recognition as an ordered table of small named rules (:data:`RULES`; each :class:`Mention` records the
rule that produced it in ``Mention.rule``, and ``Recognizer(gazetteer, disabled=...)`` switches rules off by name).

The stages, in order:

1. ``dateline`` — the dateline's place.
2. Entity rules — for each NER entity (``doc.ents`` is read once), the first rule that answers: NER's places as
   they stand or as the longer or shorter name they hold ("Guinea" of "Guinea-Bissau", "Armenia-Azerbaijan",
   "North Texas"); NER's people and organisations that are places by the words around them ("travelling to
   Cirencester", "Kelley Lane", "Watertown Police Department"); demonyms ("the Russian Foreign Ministry" names
   Russia); and people, inside whose names nothing is a place.
3. Text rules — names NER missed: strong gazetteer names, names with elided articles ("L'Aquila"), a town before its
   state ("Near Moab, Utah"), place phrases ("the town of Orange", "north of Avignon"), lists of places, demonyms.
4. Filters — what is not a place, each switchable: lower-case spans, saints' days, credentials after a name
   ("L.P.N."), currencies ("NZ$"), diseases and pathogens ("Ross River virus", "Ebola"), things named after places
   ("Buffalo wings"), organisations ("Wells Fargo"), universities used alone ("a sophomore at Brown"), people (titles,
   given names before a surname, a name with an age, a word of a person's name met earlier in the text).
5. ``maybe_place`` — NER's people and organisations the gazetteer knows as places come out as ``"maybe"`` mentions,
   which the resolver keeps only near the article's other places ("Torrington" as ORG in a Litchfield County story).

Word lists the filters read are ours, in ``data/*.txt``, each with a provenance comment.
"""

from __future__ import annotations

import bisect
import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import chain
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from geo.errors import DataError
from geo.gazetteer.index import Gazetteer, NameSet
from geo.lazy import import_spacy
from geo.model import UNIT_HOLDS_TOWN_KM, Candidate, Mention, MentionSource, great_circle_km
from geo.normalize import (
    census_given_names,
    census_names,
    common_in_english,
    dictionary_word,
    normalize_name,
    zipf_in_english,
)
from geo.placestring import (
    FEATURE_WORDS,
    LIST_GAP,
    MONTH,
    NATURAL_GENERIC,
    PRESS_ONLY,
    STATE_ABBREVIATION,
    QualifierReader,
    official_core,
    official_name,
    official_names,
    official_readings,
    said_before,
)
from geo.placestring import SENTENCE_END as _SENTENCE_END
from geo.placestring import sentence_span as _sentence_span
from geo.placestring import tells_of_the_past as _history
from geo.settings import DEFAULT_MODEL
from geo.text import at_openings as _at_openings
from geo.text import opening_with

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# NER in the sm/md pipelines carries its own tok2vec: nothing else needs to run (same entities, ~2x faster).
_NER_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"})
_FEATURES = FEATURE_WORDS  # "Sydney Harbour", "Tampa Bay" (geo.placestring)
# Those words and a few more ("Springs", "Heights", "Park"…), some of them a strong town's or region's name on their
# own ("Forest", Belgium; "Springs", South Africa; "Bay", Somalia): after another capitalised word that is no
# qualifier they end a feature's name ("the Zika Forest"), and alone they are no sub-span of NER's place.
_GENERIC_FEATURES = frozenset(
    _FEATURES
    | {"Springs", "Heights", "Park", "Hills", "Valley", "Point", "Reef", "Cape", "Mount", "Port", "Fort"}
    | {"Plaza", "Piazza", "Place", "Mall", "Centre", "Center", "Tower", "Towers", "Square"}
)  # "Cape" of NER's "Cape Ann" is no town (an alternate name of one in North Carolina); "Plaza" of "Plaza Singapura"
# is no Płaza, Poland
_MAYBE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "NORP"})
_NAMED_FOR_A_PEOPLE = frozenset(
    {"ORG", "EVENT", "LAW", "PRODUCT"}
)  # may open with a demonym: "Russian Foreign Ministry"
_DATA_DIR = resources.files("geo") / "data"  # authored word lists: package data (geo/data links to data/)
_NOT_PLACES_PATH = _DATA_DIR / "not_places.txt"


def _alternation(words: str) -> str:
    """A regex matching any of the "|"-separated literal *words* (spaces allowed), written as a trie: each common
    prefix once, a longer word tried before its own prefix. Python's regex engine tries a plain alternation's words
    one after another at every position; the trie fails at the first letter no word opens with (3 × faster for the
    cue of :data:`_STRUCK_TOWN`). It accepts the same words; where one word is another's prefix ("hit", "hits"), it
    takes the longer, as a pattern that must be followed by a space or a word's end does either way."""
    root: dict[str, dict] = {}
    for word in words.split("|"):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"

    return build(root)


class _AtOpenings:
    """A cue for :func:`_cued` that matches only where a line or a sentence opens (see :func:`_at_openings`)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return _at_openings(self.pattern, text)


class _WithWord:
    """A cue for :func:`_cued` every hit of which holds one of *words*: a text that holds none is not scanned (the
    cue of a phrase rare in news, whose scan would try it at every space)."""

    def __init__(self, pattern: str, *words: str) -> None:
        self.pattern, self.words = re.compile(pattern), words

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if any(word in text for word in self.words) else iter(())


class _OpensWith:
    """A cue for :func:`_cued` every hit of which opens with one of a few characters rare in text: tried only where
    they stand (see :func:`geo.text.opening_with`)."""

    def __init__(self, pattern: str, chars: str) -> None:
        self.pattern, self.chars = re.compile(pattern), chars

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return opening_with(self.pattern, text, self.chars)


class _EitherOf:
    """A cue for :func:`_cued` that is one pattern's alternatives in groups, each group led by a literal character
    (in the alternatives' order): the hits of ``re.compile("|".join(patterns)).finditer(text)``, found by each
    group's own scan. The engine skips to a literal first character at once, but tests every character of the text
    against a set of several first characters ("(?:, | )and" ≈ 2 × slower than ", and" and " and" together)."""

    def __init__(self, *patterns: str) -> None:
        self.patterns = tuple(re.compile(pattern) for pattern in patterns)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        patterns = self.patterns
        found = [pattern.search(text) for pattern in patterns]
        while True:
            # The leftmost next hit; at one place, the group of the first alternative (as the joined pattern takes).
            hit = None
            for match in found:
                if match is not None and (hit is None or match.start() < hit.start()):
                    hit = match
            if hit is None:
                return
            yield hit
            # (never empty) the joined pattern's scan goes on from its end, and so does each group's
            done = hit.end()
            for k, match in enumerate(found):
                if match is not None and match.start() < done:
                    found[k] = patterns[k].search(text, done)


_Cue = re.Pattern[str] | _AtOpenings | _WithWord | _OpensWith | _EitherOf


# A word for the text matcher: an initialism ("U.S."), or a run of letters. Words join into names across a
# single space, hyphen, apostrophe or ". " ("St. Louis"); inner words may be lower-case particles.
# (an apostrophe inside a word before lower-case letters, as Arabic names are written: "Ta'izz", "Sana'a", "Ma'rib";
# not a possessive's or a contraction's: "Ely's", "Don't")
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’‘ʻ](?!(?:s|t|re|ll|ve|d|m)\b)[^\W\d_A-Z]+)*")
_JOINER = re.compile(r"(?:\s|-|–|['’]|\.\s)")
# A joiner and the word after it, in one match (the word in group 1).
_JOINED_WORD = re.compile(rf"{_JOINER.pattern}({_WORD.pattern})")
_PARTICLES = frozenset(
    {
        "of",
        "de",
        "del",
        "la",
        "le",
        "du",
        "al",
        "el",
        "and",
        "upon",
        "on",
        "da",
        "do",
        "dos",
        "das",
        "y",
        "sur",
        "sous",
        "en",
        "am",
        "an",
        "im",
        "der",
        "di",
        "lès",
        "es",  # "Dar es Salaam"
        "au",  # "Port-au-Prince"
        "aux",
        "los",
        "las",
        "les",
    }
)
_STREET = re.compile(
    r"\s(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Lane|Boulevard|Blvd\.|Parkway|Circle|Highway|Pike|Turnpike)$"
)
_HOLIDAY = re.compile(r"['’]s Day\b")  # "St. Patrick's Day", "St. George's Day": a day, not a place
# Patterns scanned over a whole text open with a character class where they can, the word boundary before it looked
# at behind it ("(?<!\w.)" after a letter is "\b" before it): a scan then skips to the letters that class allows.
_CAPITALISED = re.compile(r"[A-Z](?<!\w.)[a-z]+\b")  # (≡ \b[A-Z][a-z]+\b)
# A letter that is no ASCII lower-case one ([^\W\d_a-z]), for such a scan: an ASCII capital or any other character
# beyond ASCII, the class then checked behind it — two ranges to test each character against, not its category.
_NOT_LOWER_FIRST = r"[A-Z\x80-\U0010ffff](?<=[^\W\d_a-z])"
_LOCATIVE = re.compile(
    r"\b(?:[Ii]n|[Tt]o|[Ff]rom|[Nn]ear|[Ii]nto|[Oo]utside|[Aa]round|[Aa]cross|[Tt]hroughout) $"
)
_LOCATIVE_ENDS = ("in", "to", "om", "ar", "de", "nd", "ss", "ut")  # its words' last letters (see said_before)
# Who works or studies at a firm or a school, and what is aimed at a person, right before "at": "an economist at
# Itaú", "a fellow at Gonzaga", "anger at Amorim", "took aim at" — the name after it is no town (review14).
_NO_TOWN_AT = re.compile(
    r"\b(?:anger|angry|fury|furious|outrage|frustration|criticism|aim|aimed|fired|fire|shots?|swipe|jab|looks?|"
    r"looked|laughed|smiled|glanced|stared|pointed|shouted|yelled|hit back|lashed out|economist|analyst|strategist|"
    r"chemist|designer|guard|fellows?|executives?|engineers?|managers?|directors?|employees?|workers?|staff|"
    r"partners?|traders?|bankers?|researchers?|scientists?|professors?|lecturers?|students?|coach|players?|interns?|"
    r"officials?|spokes(?:man|woman|person)|chief|head|president|chairman|CEO|founder|boss|job|career|stint|"
    r"shares|stake|investors?|analysts|teaches|taught|studied|studies|works|worked|working|employed) at $",
    re.IGNORECASE,
)
_AT_BEFORE = re.compile(r"\b[Aa]t $")
_LOCATIVE_THE = re.compile(
    r"\b(?:[Ii]n|[Tt]o|[Ff]rom|[Nn]ear|[Ii]nto|[Aa]round|[Aa]cross|[Tt]hroughout|[Tt]hrough|[Oo]ver) the $"
)
_ON_ISLAND = re.compile(
    r"\b(?:[Oo]n|[Oo]nto|[Oo]ff) $"
)  # "on Java", "off Lampedusa": an island's prepositions
_ON_ISLAND_ENDS = ("on", "to", "ff")
_PARTICLE_NAME = re.compile(r"[a-z]{1,3}[-‐’' ][A-Z]")  # "al-Tanf", "de Gaulle", "d’Ivoire"
_POSSESSIVE = re.compile(r"['’]s\b")
_MAX_WORDS = 6
# Surfaces match_names remembers (then it starts over): a long batch run stays bounded.
_NAMED_MEMORY = 1 << 16
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])[A-Za-z]{4,}\. ")  # "Center. City": a full stop, not "Ste. Marie"
COMPOUND_MIN_POPULATION = 5_000
# … and one with a possessive inside ("Pilgrim's Rest", "Bishop's Castle"): that shape is a place's name at any size
# the gazetteer keeps (not "St Mary's", which ends on it, nor "Children's Hospital", no town's own name)
POSSESSIVE_NAME_POPULATION = 500
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s [A-Z]")
INSTITUTION_TOWN_POPULATION = (
    5_000  # a town this big (or an admin unit) names the institution after it ("Watertown
)
# Police Department"); smaller ones are as often a word ("Supreme Court": Supreme, Louisiana)
COMMON_WORD_TOWN_POPULATION = (
    50_000  # a town this big is meant by its name after "in", "to", "from" ("in Bath")
)
POSSESSIVE_TOWN_POPULATION = (
    10_000  # … and this big before what only a town has: "Deal's pier", "March's station"
)
SURNAME_TOWN_POPULATION = 1_000_000  # a town's name after a listed given name reads as a surname below this
UNTAGGED_TOWN_POPULATION = 10_000  # a town this big, untagged by NER, after "in", "via", "at"… is meant
HEADLINE_TOWN_POPULATION = 1_000  # … or this big in a headline, by a name rare in English (no census name)
# A town this big, by a name rare in English that nothing makes a person, opening a sentence that goes on of "the
# town": "Tenterfield lost its only bank, and older people in the town now travel 90 minutes"
ANAPHOR_TOWN_POPULATION = 1_000
PREDICATE_TOWN_POPULATION = 5_000  # a town this big, by a name that is no common word, opening a sentence before what is said of a town  # and untagged by NER: "Murree was cut off by snow"
# Words that may stand before a place name inside a longer NER span without making a new name: "North Texas".
_QUALIFIERS = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast southwest northeastern "
    "northwestern southeastern southwestern central greater metro metropolitan downtown upper lower inner outer rural "
    "suburban coastal mid far deep uptown midtown lake mount port".split()
)
# A capitalised preposition or compass phrase NER takes into a name at a sentence start: "Near Moab", "North of Kanab".
_LEADING_LOCATIVE = re.compile(
    r"(?:Near|Outside|Around|Inside|In|From|At|Across|Toward|Towards|Beyond|(?:North|South|East|West|Northeast|"
    r"Northwest|Southeast|Southwest)(?:ern)? of) (?=[A-Z])"
)
# Words just before a place that make it the place even when a person of that name is in the text.
_LOCATIVE_CUE = re.compile(
    r"\b(?:[Ii]n|[Tt]o|[Ff]rom|[Nn]ear|[Ii]nto|[Oo]utside|[Aa]t|[Oo]f|[Aa]cross|[Tt]hrough|[Vv]ia|[Tt]owards?|"
    r"[Aa]round|[Tt]hroughout|[Vv]isit(?:ed|ing)?|[Ll]eft|[Rr]eached|[Ff]led) $"
)
# … the prepositions of them that a person's name seldom follows ("to Ripley", "of Okafor", "at Smith's" do)
_PLACE_ONLY_CUE = re.compile(
    r"\b(?:[Ii]n|[Ff]rom|[Nn]ear|[Ii]nto|[Oo]utside|[Aa]cross|[Tt]hrough|[Vv]ia|[Tt]owards?|[Aa]round|"
    r"[Tt]hroughout) $"
)
# Titles before a person's name: abbreviations (with or without their full stop) and a few whole words.
_TITLE_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cpl|Pvt|Adm|Cmdr|Maj|Rev|Fr|Det|Supt|Insp|Cllr|Ald"
)
_TITLE_WORDS = (
    "Sir|Dame|Senator|Governor|President|Chancellor|Premier|Prime Minister|Minister|Mayor|Ambassador|Judge|Coach|"
    "Pastor|Rabbi|Imam|Councillor|Councilwoman|Councilman|Alderman"
)
_TITLE = rf"(?:{_TITLE_ABBREVIATIONS})\.?|{_TITLE_WORDS}"
_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLE}) $")
_TITLE_OPENS = re.compile(rf"(?:{_TITLE}) [A-Z]")
_TITLED_NAME = re.compile(
    rf"(?=[A-Z])\b(?:{_TITLE}) (?:[A-Z][^\W\d_A-Z]+ ){{0,2}}([A-Z][\w'’-]+)"
)  # ("Cllr Siobhán Clare")


def _word_ends(words: Iterable[str], ahead: str) -> re.Pattern[str]:
    """A scan for a space after one of *words* (at a word's start) and before what *ahead* matches, the word in a
    group: led by the space, it tries only the spaces, where a pattern that opens with the word at a word boundary
    is tried at every character of the text. The words of one length share a lookbehind (it must have one width),
    the longest first (of two words that end there, the one that starts first: "Prime Minister", "Minister")."""
    words = set(words)
    behind = (
        rf"(?<=\b({'|'.join(re.escape(w) for w in sorted(words) if len(w) == size)}) )"
        for size in sorted({len(w) for w in words}, reverse=True)
    )
    return re.compile(rf" (?={ahead})(?:{'|'.join(behind)})")


def _after_word_ends(pattern: re.Pattern[str], ends: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match opens with a word that a :func:`_word_ends` scan
    *ends* finds (its group): tried at those words alone."""
    done = 0
    for end in ends.finditer(text):
        assert end.lastindex is not None  # the group of the word's lookbehind
        at = end.start(end.lastindex)
        if at >= done and (match := pattern.match(text, at)) is not None:
            done = match.end()
            yield match


# Where a title of _TITLED_NAME ends before a capital.
_TITLE_ENDS = _word_ends(
    [
        *_TITLE_ABBREVIATIONS.split("|"),
        *(f"{a}." for a in _TITLE_ABBREVIATIONS.split("|")),
        *_TITLE_WORDS.split("|"),
    ],
    "[A-Z]",
)
_IN_PLACE = re.compile(
    r"\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]cross|[Tt]hroughout|(?:formerly|native|resident|residents|late) of) $"
)  # "in Marathon", "glaciers across Patagonia": the place, not the brand
_PLACE_OF_BEFORE = re.compile(
    r"\b(?i:town|city|village|suburb|county|borough|township|province|region|district|port|municipality|mayor|"
    r"residents|outskirts|suburbs|streets) of $"
    # "the ferry port at Santander", "the harbour at Marathon": what only a town has, at the town
    r"|\b(?:ferry port|port|harbour|harbor|docks|quay|seafront|promenade|railway station|cathedral) (?:at|in) $"
)
_COMMA_PARENT = re.compile(r", [A-Z]")  # "Marathon, Fla.", not "Mars, the maker of"
_COMMA_BEFORE = re.compile(r"\S(\s*,\s*)$")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?\.?(?:-[A-Z])?")
_NEXT_WORD = re.compile(r"[ -]([A-Za-z]+)")
_NAME_OR_ITS_POSSESSIVE_GOES_ON = re.compile(
    r"(?:['’]s)? [A-Z]"
)  # "Cornell University", "Columbia's Benedict College"
# What follows a person's name and rarely a place's: an age, a verb of saying, a past-tense verb or an auxiliary.
_SAYS = r"(?:said|says|told|tells|added|argued|wrote|asked|insisted|admitted|explained|recalled|noted)"
_PERSON_VERB = re.compile(rf"(?:,? (?:who|{_SAYS}|[a-z]{{3,}}ed|would|could|had|has|was)\b|, \d{{1,3}},)")
_SPEAKS = re.compile(rf" {_SAYS}\b|, {_SAYS}\b(?! [A-Z])")  # not "in Newcomers, said Allen"
_SPOKE_BEFORE = re.compile(rf"[,\"”’‚] {_SAYS} $")  # "…,” said Noma." — the speaker after the quote
_SPEAKER_ENDS = re.compile(
    r"(?![ -]?[A-Z]| (?:city|town|county|provincial|municipal|village|state|regional|district) [a-z]+|['’]s\b| "
    r"(?:residents|officials|police|council|councillors|councilors|people|locals|authorities|officers|firefighters)\b)"
)  # "said Noma.", "said Noma on Tuesday" (not "said Monroe Mayor…", "said Tacloban city councillor Marites Dacanay")
# What only a person is: an age between commas and what a person's age leads to, or a speaker followed by "he" or
# "she" (a city's council "said it").
_IS_A_PERSON = re.compile(
    rf", \d{{1,3}}, (?:and (?:his|her|their)|of|who|was|is|has|had|said|told|died|from)\b"
    rf"|,? {_SAYS} (?:that )?(?:he|she)\b"
)  # not a list of counts: "Cases rose in Houston, 12, Austin, 7, and Dallas, 5"
_AFTER_SURNAME = (
    r"(?:['’]s\b|, \d{1,3},| (?:said|says|told|who|will|would|has|had|is|was|won|went|wrote|made|took|stars|"
    r"plays|joins|returns|scores|wins|faces|signs|headlines|defends|admits|denies|insists|announces|reveals)\b"
    r"| [a-z]{3,}ed\b| [a-z]{2,} (?:his|her)\b)"  # "Israel Adesanya lost his title"
)
# What a person is, in an apposition right after the name: "Jamaica Kincaid, the novelist", "…, a soprano".
_APPOSED_ROLE = (
    r", (?:the|a|an) (?:[\w'’-]+ ){0,2}?(?:novelist|poet|writer|author|playwright|actor|actress|singer|soprano|"
    r"tenor|composer|painter|sculptor|photographer|film-?maker|director|comedian|rapper|dancer|model|athlete|"
    r"sprinter|boxer|golfer|politician|senator|activist|journalist|businessman|businesswoman|heiress)\b"
)
_SURNAME_THEN = re.compile(
    rf" (?:[A-Z]['’])?[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?"
    rf"(?:{_AFTER_SURNAME}|{_APPOSED_ROLE}| (?:both |also )?[a-z]{{3,}}ed\b)"
)  # "O'Keeffe", "Smith-Jones", "Caballé"; "Paris Jackson posted", "Denver Jones both scored"
_AFTER_SURNAME_RE = re.compile(_AFTER_SURNAME)
_INITIAL_INSIDE = re.compile(
    r"\b[A-Z][a-z]+ [A-Z]\. [A-Z]"
)  # a first name, a middle initial: not "W. Main St."
_MIDDLE_INITIAL = re.compile(r" [A-Z]\. [A-Z][a-z]")
_NAME_WITH_AGE = re.compile(
    r"(?:[A-Z][a-z]+ (?:[A-Z]\. )?){1,2}[A-Z][a-z]+, \d{1,3},(?!\d)"
)  # "Virginia L. Lane, 77," — not "In Santa Maria, 2,000 people"
_AGE_BETWEEN_COMMAS = re.compile(r", \d{1,3},(?!\d)")  # the age of _NAME_WITH_AGE
_POSSESSIVE_BEFORE = re.compile(r"['’]s $")
_PREVIOUS_WORD = re.compile(r"([A-Z][\w'’&-]*) $")
_WORD_BEFORE_JOIN = re.compile(r"[A-Z][\w'’]*(?:[-–]| (?:or|of|upon|on|de|la|le) )$")
_DEGREE_BEFORE = re.compile(
    r"\b(?:MBA|MA|MSc|BSc|BA|LLB|LLM|MPhil|diploma|master['’]s|bachelor['’]s|degree)\b"
)
_STUDY = re.compile(
    r"\b(?:sophomore|freshman|freshmen|junior|senior|student|students|graduate|graduated|grad|studied|studies|study|"
    r"studying|professor|enrolled|alumn\w*|degree|scholarship|lecturer|researcher|dean|campus|tuition|undergraduate|"
    r"majored|major|Ph\.?D|doctorate|coach|team|university|college|class of|scientists?|archaeologists?|"
    r"economists?|physicists?|chemists?|biologists?|historians?|\w+ologists?|admissions?|provost|chancellor|"
    r"trustees|commencement|faculty|academics?|laboratory|lab|fellowship|semester|endowment|quarterback|"
    r"linebacker|point guard|players?|athletes?|recruits?|transferred|transfer)\b",
    re.IGNORECASE,
)
_CAMPUS_NOUN = re.compile(
    r" (?:players?|coach|team|basketball|football|soccer|students?|faculty|graduates?|alumni|professors?|"
    r"researchers?|scientists?|campus|freshman|sophomore|athletes?|fans|economists?|historians?|lecturers?|"
    r"epidemiologists?)\b|"
    # a field's word before who studies or teaches there (not a team's: "a Kent medical team" is the county's):
    # "a Georgetown law professor", "Harvard medical students", "the Yale law school"
    r" (?:law|medical|medicine|business|nursing|engineering|journalism|history|economics|physics|chemistry|"
    r"biology|graduate|undergraduate|doctoral|political science|computer science) (?:students?|faculty|graduates?|"
    r"alumni|professors?|researchers?|scientists?|lecturers?|school)\b"
)
_WORK_AFTER = re.compile(
    r" (?:study|survey|poll|report)\b"
)  # "a Dartmouth study": a listed university's work
# Who studies or teaches at a place named right after: "lectures at Macquarie", "a sophomore at Lehigh".
_TEACHES = (
    r"studied|studies|studying|lectures?|lectured|lecturer|teaches|taught|enrolled|professor|sophomore|freshman|"
    r"Ph\.?D\.?|doctorate"
)
_STUDIES_AT = re.compile(
    rf"\b(?:{_TEACHES}|junior|senior|students?|researchers?|scientists?|engineers?|academics?|graduated|graduate|"
    r"alumnus|alumna|degree) (?:at|from) $",
    re.IGNORECASE,
)
# … of an unlisted name, only what a school's own people do there ("students from Chibok" are the town's).
_TEACHES_AT = re.compile(rf"\b(?:{_TEACHES}) at $", re.IGNORECASE)
_AT_ENDS = ("at",)  # the last letters of a pattern "… at $" (see said_before)
UNLISTED_CAMPUS_POPULATION = 100_000  # an unlisted name this big ("researchers at Oxford") stays its town
_GAME = re.compile(r"\b(?:beat|beats|defeated|held off|edged|routed|upset|lost to|fell to|\d{1,3}-\d{1,3})\b")
_FROM_BEFORE = re.compile(r"\bfrom $")
# A town's government, services and people, after its name: "Reading council voted", "Nanyuki traders protested",
# "Filey lifeboat crew", "Coxsackie village trustees".
_TOWN_PEOPLE = (  # (a trie, see _alternation: each use ends the word)
    _alternation(
        "council|councillors|police|mayor|resident|residents|town centre|city centre|port officials|port authority|"
        "harbor master|harbormaster|harbour master|harbourmaster|traders|shopkeepers|fishermen|ratepayers|villagers|"
        "townspeople|lifeboat|school board|school district|fire brigade|fire department|firefighters|"
        "village trustees|village board|town board|selectmen|aldermen|city hall|town hall"
    )
    + r"|(?<=(?:town|city) )officials"  # "Hashimoto city officials", not "Google officials"
)
_GOVERNED_TOWN = re.compile(rf"(?:['’]s)? (?:(?:town|city|county|borough) )?(?:{_TOWN_PEOPLE})\b")
_MOVED_TO = re.compile(
    r"\b(?:moved|moves|moving|relocated|relocates|relocating|returned|returns|returning|emigrated|emigrates|"
    r"headed|travelled|traveled|flew|drove|commuted|commutes)(?: back)? to $"
)
_AT_INSTITUTION = re.compile(
    r"\b(?:at|from|to|attend(?:s|ed|ing)?|for|of|left|join(?:s|ed)?|transferred to) $"
)
_CAPITAL = r"[^\W\d_a-z]"  # a capital letter, accented ones too ("Úbeda", "Łódź", "İzmir"); text rarely opens a word in é
# A particle inside a name, before its next capitalised word: "Playa del Carmen", "Foz do Iguaçu", "Ras al Khaimah",
# "Puerto de la Cruz", "Newcastle upon Tyne" (not "van"/"von": mostly people's).
_NAME_PARTICLE = r"(?:(?= [adesuy])(?: (?:de(?: la| las| los)?|del|della|delle|des|du|da|do|dos|das|di|el|al|y|upon|sur|am)))?"
_NAME = rf"\b{_CAPITAL}[\w'’-]+(?:{_NAME_PARTICLE} {_CAPITAL}[\w'’-]+){{0,2}}"
_PLACE_NOUN = r"(?i:town|city|village|hamlet|suburb|county|borough|township|province|region|district|port|municipality|capital)"
# Nouns of a place in lower case before "of", after "the" and up to two describing words: "the state of Tabasco",
# "the Greek island of Kos", "the hill station of Murree".
_PLACE_OF_NOUN = (
    r"town|city|village|hamlet|suburb|county|borough|township|province|region|district|port|municipality|capital|"
    r"state|island|isle|emirate|oblast|canton|prefecture|governorate|commune|parish|atoll|archipelago|peninsula|"
    r"resort|enclave|exclave|hill station|spa town|market town|seaside town"
)
# What a town has, after its possessive, with up to two describing words between: "Weymouth's harbour", "Deal's
# restored pier", "Rugby's new station car park", "Hull's ferry terminal". _TOWN_BUILT: what no person or idea has
# ("Liberty's streets" may be a figure of speech; "Liberty's pier" is not).
_TOWN_BUILT = (
    r"old town|old city|mayor|(?:city |town )?council|(?:river |sea |coal |fishing |container |cruise )?(?:harbou?r|port)|"
    r"pier|quay|quayside|marina|promenade|airport|airstrip|airfield|cathedral|castle|abbey|minster|"
    r"market(?! (?:share|value|cap\w*|prices?|leader|position|debut|rally|research|economy|forces|sentiment|"
    r"data|access|dominance|town))|"
    r"tourist office|tourism office|town square|main square|railway (?:workshops?|yard)|"
    r"(?:railway |train |bus |ferry )?station(?! wagon)|ferry (?:port|terminal)|high street|High Street|"
    r"[Mm]ain [Ss]treet|market square|"
    r"historic (?:centre|center|core|quarter)|(?:city|town) (?:centre|center)|town hall|seafront|waterfront|bypass|"
    r"ring road|(?:city |town )?walls|old quarter|bazaar|souk|medina|municipality|(?:shire|district|borough) council|"
    r"town clerk|viaduct|lighthouse"
)
# The words that may stand between: how the thing is, never what kind ("Chevron's gas station", "Hearst's
# television station", "Harvey's flooded streets" are no town's).
_DESCRIBING = (
    r"(?:(?:new|old|restored|historic|main|busy|bustling|famous|medieval|Victorian|Georgian|crumbling|ageing|aging|"
    r"ancient|derelict|refurbished|only|tiny|little|small|big|central|inner|outer|upper|lower|lovely|beloved|"
    r"iconic|picturesque|Roman|Norman|Moorish|colonial|walled|morning|weekly|night|fish|covered) ){0,2}"
)
_TOWN_THING = (
    rf"{_DESCRIBING}(?:{_TOWN_BUILT}|residents|streets|beaches|outskirts|suburbs|villagers|townspeople|townsfolk|"
    r"inhabitants|shopkeepers|fishermen)\b"
)
# A firm's site named by its town: "its Martorell factory", "their Vevey office".
_SITE = (
    r"office|offices|plant|plants|factory|factories|headquarters|branch|site|campus|warehouse|mill|mine|refinery|"
    r"depot|facility|works|hub|base|smelter|shipyard|distribution centre|distribution center|call centre"
)
# A capitalised word that opens a sentence and names nothing: "The mayor of Puerto Madryn" is no place "The".
_NOT_AN_ARTICLE = (
    r"(?=[A-Z])(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|Every|Each|Some|No)\b)"
)
_BESIDE_THE = r"(?:on|near|by|beside|across) the"  # "Hof, on the Czech border": where a town lies
_OF_PHRASE = re.compile(
    rf"\b(?:[Tt]he|[Aa]) {_PLACE_NOUN} of (?P<a>{_NAME})"  # "the town of Orange"
    # "the Greek island of Kos", "the Mexican state of Tabasco", "the quake-hit hill town of Murree": the noun in
    # lower case, its describing words lower case or a demonym (checked in place_phrase), never "a state of Grace"
    rf"|\b[Tt]he (?P<desc>(?:(?!of )[A-Za-z-]+ ){{0,2}})(?:{_PLACE_OF_NOUN}) of (?P<n>{_NAME})"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|suburbs|streets|[Rr]esidents|"
    rf"people|[Mm]ayor|citizens|heart|centre|center|edge|coast|much|parts|most|rest) of (?P<b>{_NAME})"
    r"(?<!['’]s)(?![\w'’])"  # "north of Avignon", "residents of Ruidoso"; not "much of Sterling's form"
    # "the Treaty of Adrianople", "the Siege of Leningrad", "the Battle of Richmond": what history names by a place
    rf"|\b(?:Treaty|Congress|Siege|Battle|Peace|Sack|Fall|Liberation|Edict|Diet) of (?P<p>{_NAME})"
)
_OF_CUE = re.compile(rf" of {_CAPITAL}")
# A town's other name and what a town is home to, with a cue of their own: "the port was renamed Zhdanov", "Bakhmut,
# known as Artemivsk from 1924", "Tarnopol, then part of Austria-Hungary", "Tanjore (now Thanjavur)", "formerly
# Salisbury" (checked as history's names are); "Matamata, home of the Hobbiton film set".
_OTHER_NAME = re.compile(
    rf"\b(?:renamed|rechristened)(?: as)?(?: (?:it|(?:the|its) [a-z]+))? (?P<r>{_NAME})"
    rf"|{_NOT_AN_ARTICLE}(?P<s>{_NAME}), (?:then |later |formerly |previously )?(?:known|called) as (?P<t>{_NAME})"
    r"(?= (?:from|until|till|before|after|between|in|during|under)\b)"  # both names: s and t
    rf"|{_NOT_AN_ARTICLE}(?P<u>{_NAME}), then (?:a )?(?:part of|in|under|ruled by|(?:the )?capital of) (?:the )?[A-Z]"
    rf"|{_NOT_AN_ARTICLE}(?P<x>{_NAME}) \((?:now|today|formerly|modern|present-day|modern-day) (?P<w>{_NAME})\)"
    rf"|\b(?:formerly|previously) (?:known as |called )?(?P<v>{_NAME})"
    # "Matamata, home of the Hobbiton film set", "Tupelo, birthplace of Elvis": what a town is home to
    rf"|{_NOT_AN_ARTICLE}(?P<y>{_NAME}), (?:the )?(?:home (?:of|to)|birthplace of|hometown of|gateway to) "
)
_HOME_OF_A_SIDE = re.compile(
    r"(?:the )?(?:[A-Z][\w'’-]* ){0,3}(?:football|soccer|rugby|cricket|baseball|hockey|basketball|FC|AFC|United|"
    r"Rovers|Wanderers|Athletic|Albion|club|team|side|fans|supporters)\b"
)  # after "home of": a side's or a sport's ground, not a town
# (≡ "renamed |rechristened | known as | called as |, then | \((?:now|…) |formerly |…", in groups)
_OTHER_NAME_CUE = _EitherOf(
    r"re(?:named|christened) ",
    r" (?:known as |called as |\((?:now|today|formerly|modern|present-day|modern-day) )",
    r", (?:then |(?:the )?(?:home (?:of|to)|birthplace of|hometown of|gateway to) )",
    r"formerly ",
    r"previously ",
)
# The other phrases, each with its own cue (a search then tries one alternative, not all of them).
_PLACE_PHRASES: tuple[tuple[re.Pattern[str], _Cue], ...] = tuple(
    (re.compile(pattern), cue if isinstance(cue, _AtOpenings | _WithWord | _OpensWith) else re.compile(cue))
    for pattern, cue in (
        (  # "Orange lies north of Avignon"
            rf"{_NOT_AN_ARTICLE}(?P<c>{_NAME}) (?:lies|is located|is situated|sits) (?=(?:just |about |some )?"
            r"(?:north|south|east|west|northeast|northwest|southeast|southwest|near|on|along|in|across|beside|"
            r"opposite)\b(?! (?:her|his|their|him|them|me|you|us|my|our|your)\b))",
            r" (?:lies|is located|is situated|sits) ",
        ),
        (  # "Toyohara was the capital of Japan's colony", "Iqaluit is the capital of Nunavut", "Ootacamund became the
            # summer capital of the Raj": what the name is, said after it (not "a port of call", "the city's mayor")
            rf"{_NOT_AN_ARTICLE}(?P<C>{_NAME}) (?:is|was|became|remains|remained|has been|had been) (?:now |once |"
            r"then |still |long )?(?:the|a|its|their) (?:(?:former|old|new|ancient|historic|colonial|provincial|"
            r"regional|national|imperial|royal|summer|winter|administrative|commercial|economic|cultural|"
            r"financial|industrial|second|third|largest|biggest|main|chief|principal|de facto) ){0,2}(?:capital|"
            r"county seat|seat of government|city|town|port(?! of call)|administrative centre|administrative center)"
            r" (?:of|in)\b",
            r" (?:is|was|became|remains|remained|has been|had been) (?:[a-z]+ ){0,4}?(?:capital|county seat|"
            r"seat of government|city|town|port|centre|center) (?:of|in)\b",
        ),
        (  # "Reading is a large town in Berkshire", "Bath is a World Heritage city in Somerset", "Mobile is a port
            # city on the Gulf Coast": a name said to be a town, with any describing words (not "a city official in",
            # "a town planner on": the noun must be followed by where it lies)
            rf"{_NOT_AN_ARTICLE}(?P<Q>{_NAME}) (?:is|was|remains) (?:now |still |also )?an? (?:[A-Za-z][A-Za-z'’-]+ )"
            r"{0,3}?(?:city|town|village|hamlet|port|suburb|resort|municipality) (?:in|on|near|along|outside|"
            r"(?:north|south|east|west|northeast|northwest|southeast|southwest) of|about|some|just)\b(?! (?:her|his|"
            r"their|my|our|your|which)\b)",
            r" (?:is|was|remains) (?:[a-z]+ )?an? (?:[A-Za-z'’-]+ ){0,3}?(?:city|town|village|hamlet|port|suburb|"
            r"resort|municipality) (?:in|on|near|along|outside|north|south|east|west|northeast|northwest|southeast|"
            r"southwest|about|some|just)\b",
        ),
        (  # "Lincoln, whose cathedral dominates the skyline", "Florence, whose museums draw millions": what only a
            # town has, its own (no person has a cathedral, a seafront or residents)
            rf"{_NOT_AN_ARTICLE}(?P<V>{_NAME}), whose (?:{_TOWN_THING}|{_DESCRIBING}(?:museums|galleries|skyline|"
            r"population|canals|churches)\b)",
            r", whose ",
        ),
        (  # "Austin, the city's mayor said, will add bus lanes": the town's own officer says it of the town (not
            # "Austin, the city's mayor, said": a person's apposition, see person_apposition)
            rf"{_NOT_AN_ARTICLE}(?P<U>{_NAME}), the (?:city|town|village|county|state)['’]s (?:[a-z-]+ ){{0,2}}?"
            r"(?:mayor|manager|spokes(?:man|woman|person)|officials?|council|councillors?|police chief) "
            r"(?:said|says|announced|confirmed|told)\b",
            r", the (?:city|town|village|county|state)['’]s ",
        ),
        (  # "Taung, where a famous fossil skull was found": what happens where the name is (a rare town's own name)
            rf"{_NOT_AN_ARTICLE}(?P<W>{_NAME}), where (?!(?:he|she|they|I|we|you) (?:works?|worked|studied|studies|teach\w*|"
            r"played|plays|trained)\b)",
            r", where ",
        ),
        (  # "Gap, a town in the French Alps", "Young, a cherry-growing town", "Battle, the East Sussex town",
            # "Bundoran, the county's surf capital" (not "Smith, the town clerk", nor a noun after a preposition:
            # "Marlow, a spokeswoman for the port authority")
            rf"{_NOT_AN_ARTICLE}(?P<d>{_NAME}), (?:a|the) (?:(?!(?:for|of|at|in|with|from|on|to|by)\b)[A-Za-z][a-z-]+"
            rf"(?:['’]s)? ){{0,3}}?{_PLACE_NOUN}\b(?!['’])"
            r"(?![ -](?:council\w*|official|officials|planner|manager|leader|worker|member|clerk|attorney|engineer|"
            r"administrator|commissioner|police|hall|centre|center)\b)",
            r", (?:a|the) ",
        ),
        (  # "Reading council voted", "residents packed Duncan city hall"
            rf"{_NOT_AN_ARTICLE}(?P<e>{_NAME}) (?:(?:town|city|county|borough|district|municipal) )?(?:{_TOWN_PEOPLE})\b",
            rf" (?:town |city |county |borough |district |municipal )?(?:{_TOWN_PEOPLE})\b",
        ),
        (  # "Gori officials", "Ceres fruit farmers": people of a town by its own name (z: see place_phrase)
            rf"{_NOT_AN_ARTICLE}(?P<z>{_NAME}) (?:officials|shopkeepers?|homeowners|(?:[a-z]+ )?(?:farmers|growers))\b",
            _WithWord(
                r" (?:officials|shopkeepers?|homeowners|(?:[a-z]+ )?(?:farmers|growers))\b",
                "officials",
                "shopkeeper",
                "homeowners",
                "farmers",
                "growers",
            ),
        ),
        (  # "Weymouth's harbour was packed", "Deal's restored pier"
            rf"{_NOT_AN_ARTICLE}(?P<f>{_NAME})['’]s {_TOWN_THING}",
            _OpensWith(rf"['’]s {_TOWN_THING}", "'’"),
        ),
        (  # "Outside Stellenbosch, fires destroyed vineyards"
            r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Outside|Near|Around|North of|South of|East of|West of) "
            rf"(?P<g>{_NAME})(?=, [a-z])",
            _AtOpenings(
                r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Outside|Near|Around|North|South|East|West) "
            ),  # inside the match
        ),
        (  # "Hof, on the Czech border,", "Sedan, on the Meuse,": an apposition that says where the town lies
            rf"{_NOT_AN_ARTICLE}(?P<q>{_NAME}), {_BESIDE_THE} {_NAME}(?: (?:border|frontier|coast|river|estuary|delta))?,",
            rf", {_BESIDE_THE} {_CAPITAL}",
        ),
        (  # "Frobisher Bay, as Iqaluit was called until 1987": both names, as "s, known as t"
            rf"{_NOT_AN_ARTICLE}(?P<s>{_NAME}), as (?P<t>{_NAME}) was (?:then |once |formerly |still |long )?"
            r"(?:called|known)\b",
            r", as [A-Z]",
        ),
        (  # "Fort Jameson, now Chipata,", "Fort Chimo, the trading post now called Kuujjuaq": as "x (now w)"
            rf"{_NOT_AN_ARTICLE}(?P<x>{_NAME}), (?:(?:the|a|an) (?:[a-z-]+ ){{0,4}})?now (?:called |known as |named )?"
            rf"(?P<w>{_NAME})(?=[,.;:)]| (?:in|on|and|since|after)\b)",
            r"now (?:called |known as |named )?[A-Z]",
        ),
        (  # "Vila Pery, as the Portuguese called Chimoio": both names of one town, as "s, known as t"
            rf"{_NOT_AN_ARTICLE}(?P<s>{_NAME}), as (?:the )?(?:[A-Z][\w'’-]+ ){{1,2}}(?:called|named|knew) (?P<t>{_NAME})\b",
            r", as (?:the )?[A-Z][\w'’-]+ (?:[A-Z][\w'’-]+ )?(?:called|named|knew) ",
        ),
        (  # "Zlín was called Gottwaldov from 1949 to 1990": the town, then its other name for a time
            rf"{_NOT_AN_ARTICLE}(?P<s>{_NAME}) was (?:then |once |officially |briefly |long |later )?(?:called|known as|"
            rf"named|renamed) (?P<t>{_NAME})(?= (?:from|until|till|between|in|during|after|before|under|for)\b)",
            r" was (?:[a-z]+ )?(?:called|known as|named|renamed) [A-Z]",
        ),
        (  # "the bridge at Faifo, today's Hoi An": as "x (now w)"
            rf"{_NOT_AN_ARTICLE}(?P<x>{_NAME}), (?:today['’]s|present-day|modern-day|modern) (?P<w>{_NAME})\b",
            r", (?:today['’]s|present-day|modern-day|modern) [A-Z]",
        ),
        (  # "the road between Manali and Keylong": a route's two ends (each a town of some size, as after "near")
            # (a headline's capitals too: "Floods Cut Road Between Čačak And Kraljevo")
            # ("ferry services between Split and the island of Brač")
            rf"\b(?i:road|highway|route|railway|rail line|rail|border|flights?|trains?|buses|ferr(?:y|ies)|stretch|"
            rf"section|corridor|journey|drive|trek|pipeline)(?i: (?:services?|links?|connections?|crossings?|"
            rf"routes?|traffic))? [Bb]etween (?P<A>{_NAME}) [Aa]nd (?:the (?:island|port|town|city) of )?"
            rf"(?P<B>{_NAME})\b"
            r"(?![ -][A-Z]|['’])",
            _WithWord(r" [Bb]etween [^\W\d_]", "etween "),
        ),
        (  # "Tara Brennan, 34, of Ratoath, was fined", "Sean Walsh (41), from Kilcock, pleaded": where a person
            # of a court report, an obituary or a crash report lives, after the age
            rf"(?:\d, | \(\d{{1,3}}\),? )(?:of|from) (?P<R>{_NAME})(?=[,.;]| (?:was|is|has|had|who|and|died|"
            r"appeared|pleaded|admitted|denied)\b)",
            _WithWord(r"\d, (?:of|from) |\d\),? (?:of|from) ", ", of ", ", from ", ") of ", ") from "),
        ),
        (  # "Catarroja and several other towns were flooded", "Neighbouring Paiporta and nearby villages": a town
            # listed with the towns around it
            r"(?:(?<=[.!?]\s)|^|(?<=\n)|(?<=[a-z,] ))(?:(?:Neighbouring|Neighboring|Nearby|Surrounding) )?"
            rf"(?P<T>{_NAME}) and (?:(?:several|two|three|four|five|six|a few|many|dozens of|scores of|other|nearby|"
            r"neighbouring|neighboring|surrounding|smaller|outlying) ){1,2}(?:towns|villages|cities|communities|"
            r"municipalities|suburbs|hamlets|townships)\b",
            _WithWord(
                r" and (?:[a-z]+ ){1,3}(?:towns|villages|cities|communities|municipalities|suburbs|hamlets|"
                r"townships)\b",
                "towns",
                "villages",
                "cities",
                "communities",
                "municipalities",
                "suburbs",
                "hamlets",
                "townships",
            ),
        ),
        (  # "Moab is a gateway to Arches"
            rf"{_NOT_AN_ARTICLE}(?P<h>{_NAME}) is an? (?:[a-z-]+ ){{0,2}}(?:town|city|village|hamlet|suburb|port|"
            r"gateway|community|municipality|resort)\b(?![ -](?:council\w*|official|officials|planner|manager|leader|"
            r"worker|member|employee|clerk|attorney|engineer|administrator|commissioner|police|editor|hall)\b)",
            r" is an? ",
        ),
    )
)


_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
# What is said of a town after its name, with cues of their own (so common words such as "area" do not run all of
# _PLACE_PHRASES): "the Dungarvan-born sprinter", "officials in the Mandi district", "the Chicago area", "Bauang
# Municipality has declared", "its Martorell factory", "their Vevey office", "Murree, north of Islamabad".
_ACROSS_FROM = r"across the (?:river|border|bay|lake|harbou?r|strait|water|sound|estuary|firth) from"
_SAID_PHRASE = re.compile(
    rf"{_NOT_AN_ARTICLE}(?P<j>{_NAME})-(?:born|bred|raised\b|(?:based|headquartered) (?:(?:[a-z-]+ ){{0,3}}"
    r"(?:company|companies|firm|group|producer|exporter|importer|maker|manufacturer|start-?up|charity|bank|lender|"
    r"insurer|retailer|developer|operator|airline|carrier|brewery|winery|club|team|band|artist|designer|chef|"
    r"brigade|battalion|regiment|division|unit|troops|forces|militia)\b|(?:[A-Z][\w&'’-]* ){1,4}"
    r"(?:Co\.|Inc\.?|Ltd\.?|LLC|Corp\.?|Company|Group|Bank|Airlines?|Brewery)(?!\w)))"
    rf"|\b[Tt]he {_NOT_AN_ARTICLE}(?P<k>{_NAME}) (?:district|region|area|municipality|province|prefecture|"
    r"governorate)\b"
    rf"|{_NOT_AN_ARTICLE}(?P<l>{_NAME}) (?:Municipality|Municipal (?:Council|Corporation)|Shire Council)\b"
    rf"|(?:\s(?:its|their)|\bthe (?:company|firm|group|bank|carmaker|plant)['’]s) (?P<m>{_NAME}) (?:{_SITE})\b"
    rf"|{_NOT_AN_ARTICLE}(?P<o>{_NAME}), (?:about |some |roughly |nearly |just )?(?:\d[\d,.]* ?(?:km|kilometres|"
    rf"kilometers|miles) )?(?:{_COMPASS} of|{_ACROSS_FROM}) (?:the )?[A-Z]"  # "the road to Murree, north of Islamabad",
    # "Florence, just across the river from Muscle Shoals"
)
_SAID_CUE = _EitherOf(  # every alternative opens with " " or "-": a scan of each skips to those at once
    rf" (?:{_COMPASS} of|{_ACROSS_FROM}) (?:the )?[A-Z]| (?:district|region|area|municipality|province|prefecture|governorate|"
    r"Municipality|Municipal|Shire Council)\b| (?:its|their|(?:company|firm|group|bank|carmaker|plant)['’]s) "
    rf"{_CAPITAL}",
    r"-(?:born|based|bred|raised|headquartered)\b",
)
# "beaches near Tulum", NER silent: its own pattern and cue, so a common "near" does not run all of _PLACE_PHRASES.
_NEAR_PHRASE = re.compile(
    rf"\b(?:[a-z]+ )(?:near|outside|nearby|neighbou?ring) (?P<i>{_NAME})\b(?![ -][A-Z]|['’])"
)
# "Napier and neighbouring Hastings", "Fremantle and nearby Perth": the town the other is near is a town too
_NEARBY_PAIR = re.compile(
    rf"(?:(?<=[.!?]\s)|^|(?<=\n)|(?<=[a-z,] ))(?P<D>{_NAME}) and (?:nearby|neighbou?ring) {_NAME}\b(?![ -][A-Z]|['’])"
)
_NEAR_CUE = re.compile(rf" (?:near|outside|nearby|neighbou?ring) {_CAPITAL}")
# A route: "from Plymouth to Santander" (one end a place the text names).
_ROUTE = re.compile(rf"\b[Ff]rom (?P<j>{_NAME}) to (?P<k>{_NAME})(?![ -][A-Z]|['’]s)")
_ROUTE_CUE = re.compile(rf" to {_CAPITAL}")
_TRAVEL_BEFORE = re.compile(
    r"\b(?i:ferry|ferries|flights?|trains?|buses|sailings?|crossings?|services|road|highway|railway|rail line|"
    r"route|journey|drive|voyage|pipeline)(?: \w+)? $"
)
# "L'Aquila", "Val d'Isère", "Coeur d'Alene", "Sant'Angelo", "Villeneuve-d'Ascq": names with an elided article or
# preposition.
# The words that join a hyphenated town's parts ("Stratford-upon-Avon", "Weston-super-Mare", "Stow-on-the-Wold",
# "Newbiggin-by-the-Sea"), an article maybe after them.
_HYPHEN_JOINER = (
    r"-(?:upon|on|under|in|en|sur|le|la|les|de|du|des|am|an|im|der|aux|sous|super|by|next|cum|juxta|over)"
    r"(?:-(?:the|la|le|les|de|del|der))?-"
)
_ELIDED_NAME = re.compile(
    r"\b(?:[A-Z][\w-]* )*(?:[A-Z]\w*-)?(?:[A-Z]?[a-z]{0,4})['’][A-ZÀ-Þ][\w-]+(?: [A-Z][\w-]+)?"
    r"|(?<![\w'’])['’]s-[A-Z][\w-]+"  # "'s-Hertogenbosch"
    rf"|\b[A-Z][\w]+(?:{_HYPHEN_JOINER}[A-Z][\w]+)+"
)
_ELIDED_CUE = _OpensWith(rf"['’](?:[A-ZÀ-Þ]|s-[A-Z])|{_HYPHEN_JOINER}[A-Z]", "'’-")
# A list of names: "Harrogate, Ripon and Thirsk", after a preposition that makes a list of places likely.
_LIST = re.compile(
    rf"(?:\b(?P<prep>in|at|from|to|near|between|for|across|around|of|and|outside) )?"
    rf"(?P<items>{_NAME}(?:, {_NAME})*,? (?:and|or) {_NAME})"
)
_ABBREVIATED_NAME = rf"(?:\b(?:St|Ste|Mt|Ft)\. )?{_NAME}"  # "St. Louis", "Mt. Shasta" in a list of its own
_LIST_ITEM = re.compile(_ABBREVIATED_NAME)
# A headline's list, where "And" is capitalised too: "Power Cuts Hit Bantry, Skibbereen And Clonakilty".
_HEADLINE_LIST = re.compile(rf"(?P<prep>)(?P<items>{_NAME}(?:, {_NAME})*,? (?:And|and|&) {_NAME})")
_HEADLINE_LIST_GAP = re.compile(r",? (?:And|and|&) |, ")
# (≡ ",? (?:and|or) …", led by a comma or a space)
_LIST_CUE = _EitherOf(rf", (?:and|or) {_CAPITAL}", rf" (?:and|or) {_CAPITAL}")
# A list of three names or more with no "and" after a line's or a sentence's start, ending the line or the sentence:
# "Haverhill, Worcester, Springfield, Kansas City." (a caption's or a table's list).
_BARE_LIST = re.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.!?:] ))(?P<prep>)(?P<items>{_ABBREVIATED_NAME}(?:, {_ABBREVIATED_NAME}){{2,}})"
    r"(?=[.!?;]?[ \t]*(?:$|\n)|[.!?;]\s+[A-Z])"  # the list ends the line or the sentence, never inside a name
)
# "Rivers and Stokes avenues", "Lincoln and Jefferson elementary schools": a list of streets' or schools' names
# ("Alachua and Gilchrist counties" is a list of places; "in Prescott and Payson closed schools": a verb between).
_PLURAL_GENERIC = re.compile(
    r" (?:(?!(?:[a-z]+ed|shut|kept|cut|hit|left|ran|put|set|let|built|held|had|have) )[a-z]+ )?"
    r"(?:avenues|streets|roads|drives|lanes|boulevards|schools|families)\b"
)
_FEASTS = frozenset("christmas easter thanksgiving halloween hanukkah ramadan diwali passover eid".split())
_CALENDAR = (
    frozenset(
        "january february march april may june july august september october november december monday tuesday "
        "wednesday thursday friday saturday sunday".split()
    )
    | _FEASTS
)
_INSTITUTIONS = frozenset(
    "Police Fire Chief Sheriff Sheriff's Sheriff’s City Town Village High Middle Elementary School Schools University "
    "College Hospital Medical Department Council Board Chamber Library Public Courthouse Court Airport Regional "
    "Area Community Memorial Township Municipality Municipal Shire Parks Housing Health Water Transit Symphony Museum "
    "Zoo Republicans Democrats Senate Assembly Legislature Constabulary Guard Government Parliament Cabinet "
    "RCMP Mounties OPP Garda Gardaí Gardai".split()  # "Surrey RCMP", "Kilkenny Gardaí" (not "St John Ambulance")
)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline with only what NER needs."""
    return _load_nlp(model)


@lru_cache(maxsize=2)
def _load_nlp(model: str) -> Language:
    spacy = import_spacy()  # without its CLI
    try:
        return spacy.load(model, exclude=_NER_ONLY)
    except OSError as exc:
        raise DataError(f"spaCy model {model!r} is not installed: run `make setup`") from exc


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Normalized names that are never toponyms, from data/not_places.txt (one a line, ``#`` comments); read
    once. Raises OSError if the file is missing."""
    lines = _NOT_PLACES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_name(line) for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=16)
def word_list(filename: str) -> frozenset[str]:
    """The normalised names of one of our ``data/*.txt`` word lists (one name a line, '#' comments)."""
    lines = (_DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    return frozenset(
        normalize_name(line.strip()) for line in lines if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _disease_words() -> tuple[frozenset[str], re.Pattern[str]]:
    """Bare pathogen names, and the pattern of what follows a place name that makes it a disease's."""
    bare, heads = set(), []
    for line in (_DATA_DIR / "pathogens.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("* "):
            heads.append(re.escape(line[2:]))
        else:
            bare.add(normalize_name(line))
    # "Ross River| virus", "Ross| River virus", "Crimean|-Congo haemorrhagic fever", "Congo| haemorrhagic fever"
    after = re.compile(
        # a disease's describing words between: "Colorado tick fever", "Texas cattle fever", "Omsk haemorrhagic fever"
        r"(?:[-– ][A-Z][\w]*){0,2}(?:\s+(?:haemorrhagic|hemorrhagic|equine|spotted|respiratory|tick-borne|tick|"
        r"mite-borne|relapsing|swine|avian|cattle|sheep|rabbit|scrub)){0,2}\s+"
        rf"(?i:{'|'.join(heads)})\b"
        # "Norwalk-like illness", "an Ebola-like virus": a disease likened to the one named after the place
        r"|-like\s+(?:illness|illnesses|virus|viruses|disease|diseases|symptoms|infections?|outbreaks?|agents?)\b"
    )
    return frozenset(bare), after


@lru_cache(maxsize=1)
def _phrases() -> dict[str, tuple[re.Pattern[str], ...]]:
    """data/not_place_phrases.txt as place key → patterns of the words after it ("buffalo" → " wings?")."""
    table: dict[str, list[re.Pattern[str]]] = {}
    for line in (_DATA_DIR / "not_place_phrases.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "|" not in line:
            continue
        head, tail = (part.strip() for part in line.split("|", 1))
        stem, last = (tail[:-1], r"(?:y|ies)") if tail.endswith("y") else (tail, r"(?:s|es)?")
        table.setdefault(normalize_name(head), []).append(re.compile(rf"[ -]{re.escape(stem)}{last}\b", re.I))
    return {k: tuple(v) for k, v in table.items()}


def _cued(pattern: re.Pattern[str], cue: _Cue, text: str, before: int, after: int) -> Iterator[re.Match[str]]:
    """Matches of *pattern* around the hits of a cheap *cue* (a literal-led regex whose hit lies inside every match
    of the pattern), left to right, each once: a pattern that opens with a name would otherwise be tried at every
    capital letter of the text."""
    done = 0
    for hit in cue.finditer(text):
        position = max(done, hit.start() - before)
        end = min(len(text), hit.end() + after)
        while (match := pattern.search(text, position, end)) is not None and match.start() <= hit.start():
            if match.end() >= hit.end():
                done = match.end()
                yield match
                break
            position = match.start() + 1


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text, start, end)]


# Where a word (of _WORD's) may open a name: a letter after no letter, not an ASCII lower-case one (isupper() decides).
# (≡ (?<![^\W\d_])[^\W\d_a-z], the letter first: see _CAPITALISED)
_RUN_OPENS = re.compile(rf"{_NOT_LOWER_FIRST}(?<![^\W\d_].)")
_NAME_GOES_ON = re.compile(r" [A-Z]")


def _name_runs(text: str, start: int = 0, end: int | None = None) -> Iterator[list[tuple[int, int]]]:
    """Runs of words that could form a name: capitalised words joined by single joiners and particles.

    The words of ``_WORD.finditer(text, start, end)``, read only from each capitalised word on: the lower-case words
    between runs (most of a text) are never looked at."""
    end = len(text) if end is None else end
    piece = text[start:end]  # a slice, so that no lookbehind sees past *start*
    done = 0
    for opens in _RUN_OPENS.finditer(piece):
        at = opens.start()
        if at < done or not piece[at].isupper():
            continue  # inside the last run ("S" of "U.S."), or not a capital
        word = _WORD.match(piece, at)
        assert word is not None  # a letter starts a word
        run = [(at + start, word.end() + start)]
        done = word.end()
        while (joined := _JOINED_WORD.match(piece, done)) is not None:
            word_at, word_text = joined.start(1), joined.group(1)
            if not (
                piece[word_at].isupper()
                or word_text in _PARTICLES
                # "Republic of the Congo", "Saint Vincent and the Grenadines": "the" after "of" or "and"
                or (word_text == "the" and piece[run[-1][0] - start : run[-1][1] - start] in ("of", "and"))
                # A possessive inside a name: "Hawke's Bay", "Martha's Vineyard", "King's Lynn".
                or (word_text == "s" and piece[done] in "'’" and _NAME_GOES_ON.match(piece, joined.end()))
            ):
                break
            run.append((word_at + start, joined.end() + start))
            done = joined.end()
        yield run


class Recognizer:
    """Find toponym mentions in a text, given its spaCy ``Doc``, by the named rules of :data:`RULES`.

    ``disabled`` switches rules off by name (``geo eval --ablate NAME``): an entity rule that is off lets the entity
    fall through to the next rule; a filter that is off removes nothing.

    >>> Recognizer(gazetteer, disabled=frozenset({"maybe_place"}))  # doctest: +SKIP
    """

    def __init__(self, gazetteer: Gazetteer, *, disabled: frozenset[str] = frozenset()) -> None:
        unknown = sorted(set(disabled) - set(RULES))
        if unknown:
            raise ValueError(
                f"unknown recognition rule(s) {', '.join(unknown)}; rules are: {', '.join(RULES)}"
            )
        self.gazetteer = gazetteer
        self.stop = not_places()
        # The countries whose national sides the last call read as teams ("England were bowled out"): no mention,
        # but a weak cue of where the match is (the pipeline passes them to the resolver).
        self.side_countries: frozenset[str] = frozenset()
        self.disabled = frozenset(disabled)
        self._entity_rules = [r for r in _ENTITY_RULES if r.name not in self.disabled]
        self._by_label: dict[str, tuple[Callable[..., list[Mention] | None], ...]] = {}  # (see _rules_for)
        self._filters = [r for r in _FILTERS if r.name not in self.disabled]
        self._text_rules = [r for r in _TEXT_RULES if r.name not in self.disabled]
        self.former: NameSet | frozenset[str] = (
            gazetteer.former_names() if self.on("former_name") else frozenset()
        )
        # An old name of a city of a million or more is claimed anywhere ("Bombay"); of a smaller one only where the
        # words say it is a place ("fled Breslau", not "his wife, Julia": Plovdiv's Latin name).
        self.former_major: NameSet | frozenset[str] = (
            gazetteer.former_names(1_000_000) if self.on("former_name") else frozenset()
        )
        # Of a city of FORMER_MINOR_POPULATION or more: one word, only where the words say place (_former_minor_names).
        self.former_minor: NameSet | frozenset[str] = (
            gazetteer.former_names(FORMER_MINOR_POPULATION) if self.on("former_name") else frozenset()
        )
        # Of a town of FORMER_HISTORY_POPULATION or more: only in a sentence of history (_former_history_names).
        self.former_history: NameSet | frozenset[str] = (
            gazetteer.former_names(FORMER_HISTORY_POPULATION, FORMER_HISTORY_NAMESAKE)
            if self.on("former_name")
            else frozenset()
        )
        self.qualifiers = QualifierReader(gazetteer)
        # match_names' answers: (surface, of several words with compound names wanted) → a name it yields.
        self._named: dict[tuple[str, bool], bool] = {}
        self._own_names: dict[
            str, bool
        ] = {}  # surfaces of several words that are a place's own name (any size)

    def on(self, name: str) -> bool:
        """True unless the recognition rule *name* is switched off."""
        return name not in self.disabled

    def _rules_for(self, label: str) -> tuple[Callable[..., list[Mention] | None], ...]:
        """The functions of the entity rules (on, in order) that answer for an entity of NER's *label*."""
        rules = self._by_label.get(label)
        if rules is None:
            rules = self._by_label[label] = tuple(
                r.func for r in self._entity_rules if r.labels is None or label in r.labels
            )
        return rules

    # -- the text matcher ---------------------------------------------------------------------------------------

    def _claimable(self, key: str, surface: str = "") -> bool:
        """A strong name that is not a common word ("No", "May"); all-caps "US" is a name, "Us" is not. A former
        name of a big city ("Leningrad", "Constantinople") is one too, unless the rule is switched off."""
        if key in self.stop:
            return False
        if key not in self.gazetteer.strong_keys and not (self.former and key in self.former):
            return False
        return key not in _stop_words() or (surface.isupper() and len(surface) > 1)

    def is_former_minor(self, key: str) -> bool:
        """One word that is an old name of a city of ``FORMER_MINOR_POPULATION`` up to 300,000 people ("kovno",
        "louvain"; not "athens clarke county", the official name of Athens, Georgia)."""
        return " " not in key and key in self.former_minor

    def _any_place(self, key: str) -> bool:
        """A name with any candidate that is not a stop word or a listed common word."""
        return (
            key not in self.stop
            and key not in _stop_words()
            and len(key) > 2
            and bool(self.gazetteer.candidates(key))
        )

    def _place_subspan(self, text: str, start: int, end: int, *, strong: bool) -> tuple[int, int] | None:
        """The longest word run inside ``text[start:end]`` that is a place name ("North Texas" → "Texas",
        "Henderson County Jail" → "Henderson County"), for NER place spans that are not names themselves.
        ``strong``: only a strong name (in a building's name, "Qwertyville Mall", "Mall" is no town)."""
        words = _words(text, start, end)
        # Where each word's name run starts: "Republic of Congo" in "Democratic Republic of Congo" is the tail of a
        # longer name, and no place of its own; "Texas" in "North Texas" follows only a qualifier.
        run_start = {w: run[0][0] for run in _name_runs(text, start, end) for w in run}
        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                first, last = words[i], words[i + size - 1]
                if not text[first[0]].isupper():
                    continue
                if (
                    run_start.get(first, first[0]) < first[0]
                    and not all(
                        text[w[0] : w[1]].lower() in _QUALIFIERS
                        for w in words[:i]
                        if w[0] >= run_start[first]
                    )
                    # a headline's capitalised preposition ends the name before it: "Shops Across Ireland"
                    and not _CAPITAL_LOCATIVE_BEFORE.search(text, max(start, first[0] - 12), first[0])
                ):
                    continue
                surface = text[first[0] : last[1]]
                if size == 1 and surface in _GENERIC_FEATURES:
                    continue  # "Bay" of "the Bay Area" is no Somali region: a feature's word of a longer name
                key = normalize_name(surface)
                if self._claimable(key, surface) if strong else self._any_place(key):
                    return first[0], last[1]
        return None

    def _place_in_organisation(self, text: str, ent: Span) -> tuple[int, int] | None:
        """ "Watertown Police Department", "Rapides Parish School Board": the place that names an institution."""
        words = _words(text, ent.start_char, ent.end_char)
        if words and text[words[0][0] : words[0][1]].lower() == "the":
            words = words[1:]
        for k in range(min(len(words) - 1, 4), 0, -1):
            if text[words[k][0] : words[k][1]] not in _INSTITUTIONS:
                continue
            first, last = words[0], words[k - 1]
            if (
                k >= 2
                and text[last[0] : last[1]] in ("County", "District", "Borough")
                and (
                    shire := self._british_council(text, first[0], words[k - 2][1], text[first[0] : last[1]])
                )
            ):
                return shire
            key = normalize_name(text[first[0] : last[1]])
            if text[first[1] : last[1]] in ("'s", "’s"):
                continue  # "King's College", "Queen's University": a person's, not Kings County or Queens
            # the word is the place's own ("Kansas City Power & Light", "Carson City School District")
            whole = normalize_name(text[first[0] : words[k][1]])
            if any(
                c.name_kind == 0 and c.population >= INSTITUTION_TOWN_POPULATION
                for c in self.gazetteer.candidates(whole)
            ):
                return first[0], words[k][1]
            if self._any_place(key) and any(
                c.population >= INSTITUTION_TOWN_POPULATION
                # a unit by its own name: "Rice" is only an alternate name of Rice County ("Rice University")
                or (c.fcode in ("ADM1", "ADM2", "PCLI") and c.name_kind <= 1)
                for c in self.gazetteer.candidates(key)
            ):
                return first[0], last[1]
        return None

    def _british_council(self, text: str, start: int, end: int, with_word: str) -> tuple[int, int] | None:
        """ "Kent County Council", "Worcestershire County Council", "Dover District Council": a British or Irish
        council is named after its county or town without the word — the bare name, when it is a unit or town there
        at least as big as any place called *with_word* ("Kent County", Michigan's, is smaller than Kent)."""
        bare = [c for c in self.gazetteer.candidates(normalize_name(text[start:end])) if c.name_kind <= 1]
        british = [
            c.population
            for c in bare
            if c.country in ("GB", "IE") and (c.fcode in ("ADM1", "ADM2") or c.fcode.startswith("PPL"))
        ]
        if not british:
            return None
        rivals = [
            c.population for c in self.gazetteer.candidates(normalize_name(with_word)) if c.name_kind <= 1
        ]
        return (start, end) if max(british) >= max(rivals, default=0) else None

    def match_names(
        self, text: str, start: int = 0, end: int | None = None, *, compound: bool = False
    ) -> Iterator[tuple[int, int]]:
        """Longest gazetteer names in ``text[start:end]``, left to right, as (start, end): strong names, and with
        ``compound`` also names of several words that are a town's own name ("Sault Ste. Marie",
        "Saint-Jean-sur-Richelieu", "Dún Laoghaire"; see :meth:`_compound_name`)."""
        for run in _name_runs(text, start, end):
            i = floor = 0  # floor: the first word after the last name yielded
            while i < len(run):
                if text[run[i][0] : run[i][1]] in ("The", "THE", "the"):  # ("of the Wodonga shooting")
                    i += 1
                    continue
                for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                    first, last = run[i], run[j - 1]
                    if not text[last[0]].isupper():
                        continue  # a name does not end on a particle
                    surface = text[first[0] : last[1]]
                    several = compound and j - i > 1
                    named = self._named.get((surface, several))
                    if named is None:  # decided once per surface (most runs are the same few names again)
                        if len(self._named) >= _NAMED_MEMORY:
                            self._named.clear()
                        key = normalize_name(surface)
                        named = self._named[surface, several] = self._claimable(key, surface) or (
                            several
                            and not _SENTENCE_BREAK.search(surface)
                            and self._compound_name(
                                key,
                                # "Pilgrim's Rest", "Bishop's Castle": a possessive inside, rarely anything else
                                POSSESSIVE_NAME_POPULATION
                                if _POSSESSIVE_INSIDE.search(surface)
                                else COMPOUND_MIN_POPULATION,
                            )
                        )
                    if named:
                        # "Springs" of "Hanmer Springs": the smaller place's own longer name, not the strong one.
                        longer = self._longer_name(text, run, floor, i, j) if len(run) > j - i else None
                        if longer is not None:
                            first, last, j = run[longer[0]], run[longer[1] - 1], longer[1]
                        elif (
                            j - i == 1
                            and i > floor
                            and surface in _GENERIC_FEATURES
                            and text[run[i - 1][0]].isupper()
                            and text[run[i - 1][0] : run[i - 1][1]] not in ("The", "THE")
                            and text[run[i - 1][0] : run[i - 1][1]].lower() not in _QUALIFIERS
                        ):
                            i = floor = (
                                j  # "Forest" of "the Zika Forest": a feature's word, no town of its own
                            )
                            break
                        yield first[0], last[1]
                        i = floor = j
                        break
                else:
                    i += 1

    def _longer_name(
        self, text: str, run: list[tuple[int, int]], floor: int, i: int, j: int
    ) -> tuple[int, int] | None:
        """The longest span ``(a, b)`` of the run around words ``run[i:j]`` (from word *floor* on) that is a place's
        own name or alias in the gazetteer, however small, with a word that is no qualifier ("Hanmer Springs",
        1,180 people, holds the strong "Springs"; "New London", "St. Paris"; not "North Arlington" for Arlington);
        None if there is none."""
        best = None
        around = run[max(floor, j - _MAX_WORDS) : i] + run[j : min(len(run), i + _MAX_WORDS)]
        if all(text[w[0] : w[1]].lower() in _QUALIFIERS or not text[w[0]].isupper() for w in around):
            return None  # only qualifiers or particles around ("North Texas"): no other name
        for a in range(max(floor, j - _MAX_WORDS), i + 1):
            for b in range(min(len(run), a + _MAX_WORDS), j - 1, -1):
                if (
                    (a, b) == (i, j)
                    or (best is not None and b - a <= best[1] - best[0])
                    or not text[run[b - 1][0]].isupper()
                    or text[run[a][0] : run[a][1]] in ("The", "THE")  # "The Atlas Mountains" is the same name
                    or all(
                        text[w[0] : w[1]].lower() in _QUALIFIERS or not text[w[0]].isupper()
                        for w in run[a:i] + run[j:b]
                    )
                ):
                    continue
                surface = text[run[a][0] : run[b - 1][1]]
                known = self._own_names.get(surface)
                if known is None:
                    if len(self._own_names) >= _NAMED_MEMORY:
                        self._own_names.clear()
                    key = normalize_name(surface)
                    known = self._own_names[surface] = key not in self.stop and any(
                        c.name_kind <= 1 for c in self.gazetteer.candidates(key)
                    )
                if known:
                    best = (a, b)
        return best

    def _compound_name(self, key: str, min_population: int = COMPOUND_MIN_POPULATION) -> bool:
        """A name of two or more words that is the own name of a town of *min_population* people or more, or of an
        admin unit: rarely anything else, whatever its size ("Sault Ste. Marie", "Aix-en-Provence")."""
        if key in self.stop or key in _stop_words():
            return False
        words = key.count(" ") + 1
        return any(
            (
                c.name_kind == 0 or (c.name_kind == 2 and words >= 3)
            )  # "Frankfurt an der Oder" is Frankfurt (Oder)
            and (c.population >= min_population or c.fcode in ("ADM1", "ADM2", "PCLI"))
            for c in self.gazetteer.candidates(key)
        )

    # -- the whole recogniser -----------------------------------------------------------------------------------

    def recognize(
        self, doc: Doc, *, dateline: tuple[int, int] | None = None, text: str | None = None
    ) -> list[Mention]:
        """Mentions in *doc*; pass its *text* when you have it (``Doc.text`` rebuilds it from the tokens)."""
        d = _Doc(
            self, doc.text if text is None else text, _joined_names(doc.ents, text), dateline
        )  # spaCy builds doc.ents anew each time
        found: list[Mention] = dateline_place(d) if self.on("dateline") else []
        for ent in d.ents:
            if dateline and ent.start_char < dateline[1] and dateline[0] < ent.end_char:
                continue
            start, end = _trim(d.text, ent.start_char, ent.end_char)
            if start >= end:
                continue
            key = normalize_name(d.text[start:end])
            for rule in self._rules_for(ent.label_):
                produced = rule(d, ent, start, end, key)
                if produced is not None:
                    found.extend(produced)
                    break
        for text_rule in self._text_rules:
            found = text_rule.func(d, found)
        if self.on("demonym_ner_missed"):
            found.extend(demonym_ner_missed(d, _Spans((m.start, m.end) for m in found)))
        d.places = _found_places(found)
        sides: list[Mention] = []  # (the mentions the sports_team filter answered for)
        verdicts = [(m, self._verdict(d, m, sides)) for m in found]  # every filter runs once per mention
        self.side_countries = frozenset(
            c.country
            for m in sides
            for c in d.gaz.candidates(normalize_name(m.text))[:1]
            if c.fcode == "PCLI" or (c.fcode == "ADM1" and c.admin1 in _HOME_NATIONS)
        )
        # A team named after a small town is its town only when the story is near it ("beat Banbury" in a
        # Midlands match report): a "maybe" mention, which the resolver keeps only near the article's other places.
        teams = [replace(m, source="maybe", rule="sports_team") for m, v in verdicts if v == "team"]
        sure = _dedupe([m for m, v in verdicts if v == "keep"])
        if not self.on("maybe_place"):
            return sure
        taken = _Spans((m.start, m.end) for m in sure)
        # A maybe mention that is a team stays a maybe one.
        maybe = []
        common = maybe_common_name(d, taken) if self.on("maybe_common_name") else ()
        for m in (*maybe_place(d, taken), *common):
            if (verdict := self._verdict(d, m)) != "drop":
                maybe.append(replace(m, rule="sports_team") if verdict == "team" else m)
        maybe += [m for m in teams if not taken.overlaps(m.start, m.end)]
        return sorted([*sure, *_dedupe(maybe)], key=_by_start)

    def _verdict(self, d: _Doc, m: Mention, sides: list[Mention] | None = None) -> str:
        """What the filters say of a mention: "keep" (none answers), "team" (only ``sports_team`` answers) or
        "drop"; a mention ``sports_team`` answers for is added to *sides*."""
        if m.rule == "state_code":
            return (
                "keep"  # "Jackson, MS": the town before it already says what the code is (not a credential)
            )
        team = False
        for f in self._filters:
            if f.func(d, m):
                if f.name == "sports_team" and sides is not None:
                    sides.append(m)
                # A side named by its nickname or club word ("the Winnipeg Jets", "Borussia Dortmund") is the team's
                # name, no mention of its town, even in a story set there; a bare side ("beat Banbury") may be both.
                if f.name != "sports_team" or _named_team(d, m) or _unit_side(d, m):
                    return "drop"
                team = True
        return "team" if team else "keep"

    def mention(
        self, text: str, start: int, end: int, source: MentionSource, label: str, rule: str
    ) -> Mention:
        """A mention of ``text[start:end]``, marked as a demonym when it is one and not also a strong name."""
        surface = text[start:end]
        country = (
            self.gazetteer.demonym(surface)
            if normalize_name(surface) not in self.gazetteer.strong_keys
            else None
        )
        return Mention(start, end, surface, source, label, demonym_of=country, rule=rule)

    def _leading_demonym(self, text: str, ent: Span) -> tuple[int, int, str] | None:
        words = _words(text, ent.start_char, ent.end_char)
        if words and text[words[0][0] : words[0][1]].lower() == "the":
            words = words[1:]
        for n in (2, 1):
            if len(words) > n:
                start, end = words[0][0], words[n - 1][1]
                key = normalize_name(text[start:end])
                if (code := self.gazetteer.demonym(key)) and key not in self.gazetteer.strong_keys:
                    return start, end, code
        return None

    def _is_nation(self, name: str) -> bool:
        """A country's or a capital's name ("Egypt", "Washington"): when it "said", its government did."""
        return any(c.fcode in ("PCLI", "PPLC") for c in self.gazetteer.candidates(name)[:3])

    def _is_major(self, name: str) -> bool:
        """Countries, capitals, admin-1 units and our curated areas: names strong enough to split a PERSON span."""
        return any(
            c.fcode in ("PCLI", "PPLC", "ADM1") or c.curated for c in self.gazetteer.candidates(name)[:3]
        )


_ENDS_ON_OF = re.compile(r"\b(?:of|of the|de|del|de la|du|des|da|do|and)$")


def _ends_on_of(name: str) -> bool:
    """``_ENDS_ON_OF.search(name)``, searched only when *name* ends on a last letter of its words (or a line break,
    which ``$`` may stand before): the search tries every character."""
    return name[-1:] in "felausod\n" and _ENDS_ON_OF.search(name) is not None


def _joined_names(ents: Sequence[Span], text: str | None = None) -> Sequence[Span]:
    """NER's place entities with a name NER cut in two joined back: "the Democratic Republic of the" + "Congo",
    "Bosnia and" + "Herzegovina" — a place entity ending on "of (the)", "de", "and" right before another place
    entity is one name."""
    # *text*, the doc's text when given: a slice of it is the entity's text (``Span.text`` joins its tokens anew).
    if not any(_ends_on_of(e.text if text is None else text[e.start_char : e.end_char]) for e in ents):
        return ents
    from spacy.tokens import Span

    out: list[Span] = []
    for e in ents:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.label_ in PLACE_LABELS
            and e.label_ in PLACE_LABELS
            and previous.end == e.start
            and _ends_on_of(previous.text)
        ):
            out[-1] = Span(e.doc, previous.start, e.end, label=previous.label_)
        else:
            out.append(e)
    return out


class _Doc:
    """What the rules share while one text is recognised: the text, NER's entities (read once), the words of its
    people's names, and the spans of people (the text matcher claims nothing inside them)."""

    __slots__ = (
        "rec",
        "gaz",
        "text",
        "ents",
        "dateline",
        "person_words",
        "given_names",
        "surnames",
        "titled",
        "person_spans",
        "person_ends",
        "person_by_end",
        "person_by_start",
        "places",
        "headlines",
        "place_readings",
        "sides",
    )

    def __init__(
        self, rec: Recognizer, text: str, ents: Sequence[Span], dateline: tuple[int, int] | None
    ) -> None:
        self.rec = rec
        self.gaz = rec.gazetteer
        self.text = text
        self.ents = ents
        self.dateline = dateline
        self.titled = frozenset(
            match.group(1) for match in _after_word_ends(_TITLED_NAME, _TITLE_ENDS, text)
        )  # "Okafor" of "Ms Okafor"
        self.person_words = _person_words(text, ents) | self.titled
        self.given_names = _given_names(text, ents)
        # The last words of two- and three-word PERSON entities, each with the first words seen before it: "Okafor"
        # of "Ada Okafor" → {"Ada"}.
        self.surnames: dict[str, set[str]] = {}
        # NER's persons by where they end and start: a list's persons beside a name (_listed_with_a_person).
        self.person_by_end: dict[int, Span] = {}
        self.person_by_start: dict[int, Span] = {}
        for e in ents:
            if e.label_ != "PERSON":
                continue
            self.person_by_end[e.end_char] = e
            self.person_by_start[e.start_char] = e
            tokens = [t.text for t in e]
            if tokens[-1] in ("'s", "’s", "'", "’"):
                tokens.pop()  # "Whitney Houston's"
            if 2 <= len(tokens) <= 3 and tokens[-1].istitle():
                self.surnames.setdefault(tokens[-1], set()).add(tokens[0])
        # People named by what they are: "Denver Mokoena, the club's chairman, said" (NER may call them anything).
        self.person_spans: list[tuple[int, int]] = [
            m.span(1)
            for m in _APPOSED_PERSON.finditer(text)
            if m.group(1).split()[0] in _listed_given_names()
        ]
        # NER's entity that ends with a person's letters is a person ("Dame Anne Clare DBE" as an organisation)
        self.person_spans.extend(
            (e.start_char, e[-1].idx - 1)
            for e in ents
            if len(e) >= 3
            and e[-1].text.isupper()
            and _post_nominal_letters(e[-1].text)
            and _NAME_WORDS.fullmatch(text, e.start_char, e[-1].idx)
            and not self.gaz.candidates(normalize_name(text[e.start_char : e[-1].idx]))  # "Rock Hill SC"
        )
        self.person_ends = frozenset(self.person_by_end)
        # The places found before the filters: a list's other places (see _listed_with_a_place).
        self.places: list[Mention] = []
        self.headlines = _headlines(text)
        # By name, the main readings and the units of the places found (lower_case_word; made on first use)
        self.place_readings: dict[str, tuple[list[Candidate], set[tuple[str, str]]]] | None = None
        self.sides: frozenset[str] | None = None  # towns' names the text names sides by (_named_side_again)


# A listed given name (data/given_names.txt) and a surname, then a comma and what the person is or their age:
# "Adelaide Mwangi, a nurse,", "Denver Mokoena, the club's chairman", "Austin Smith, 34," — not a town's apposition
# (", the city's mayor": a town noun before the role word says the role is the town's; "In Bowling Green, a resident
# said": no given name).
_PERSON_ROLE = (
    r"(?:nurse|teacher|farmer|student|doctor|surgeon|lawyer|attorney|chair(?:man|woman|person)?|spokes(?:man|woman|person)|"
    r"owner|founder|director|manager|coach|captain|player|striker|midfielder|defender|goalkeeper|engineer|officer|"
    r"economist|analyst|professor|lecturer|researcher|scientist|worker|driver|pilot|resident|mother|father|"
    r"grandmother|grandfather|widow|son|daughter|wife|husband|volunteer|activist|councillor|pastor|priest|judge|"
    r"journalist|reporter|writer|author|artist|singer|veteran|survivor|witness|neighbou?r|shopkeeper|trader|vendor|"
    r"fisherman|miner|chef|president|secretary|executive|CEO|head|principal|candidate|senator|MP|minister|rider|"
    r"labou?rer|cleaner|guard|clerk|cook|waiter|waitress|mechanic|electrician|plumber|carpenter|employee|pupil|"
    r"retiree|pensioner|man|woman|boy|girl)"
)
_APPOSED_PERSON = re.compile(  # ([A-Z](?<!\w.): \b before the capital, see _CAPITALISED)
    r"([A-Z](?<!\w.)[a-z]+(?: [A-Z][a-z]+){1,2}),\s(?:\d{1,3},(?!\d)|(?:a|an|the)\s"
    r"(?:(?!(?:city|town|village|county|state|country|region|province|capital|port|district|council)\b)[\w'’-]+\s){0,3}?"
    rf"{_PERSON_ROLE}\b(?!['’]))"
)
# One word with an age and what the person is or does: "Anand, 24, a delivery rider,".
_AGED_PERSON_AFTER = re.compile(
    rf", \d{{1,3}}, (?:(?:a|an|the) (?:[\w'’-]+ ){{0,3}}?{_PERSON_ROLE}\b|who\b|and (?:his|her)\b)"
)


# -- entity rules: the first that answers for an entity wins (None: not mine; a list, maybe empty: done) -----------


def hyphenated_whole(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's place that is part of a longer name the gazetteer knows, joined by a hyphen or a particle: "Guinea" of
    "Guinea-Bissau", "Bissau" of it, "Consequences" of "Truth or Consequences" — the whole name, never the part."""
    if ent.label_ not in PLACE_LABELS:
        return None
    text = d.text
    new_start, new_end = start, end
    if (
        text[end : end + 1] in ("-", "–")
        and (after := _NEXT_WORD.match(text, end))
        and after.group(1)[:1].isupper()
    ):
        new_end = after.end()
    if start > 1 and (before := _WORD_BEFORE_JOIN.search(text, max(0, start - 30), start)):
        new_start = before.start()  # "Guinea-|Bissau", "Truth or |Consequences"
    if (new_start, new_end) == (start, end):
        return None
    for s, e in ((new_start, new_end), (start, new_end), (new_start, end)):
        if (s, e) != (start, end) and any(
            c.name_kind <= 1 for c in d.gaz.candidates(normalize_name(text[s:e]))
        ):
            return [d.rec.mention(text, s, e, "ner", ent.label_, "hyphenated_whole")]
    return None


_PLACE_ON_PLACE = re.compile(
    r"(?:the |The )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}) (?:on|in|near) ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})"
)
_OF_JOINER = re.compile(r" (?:of|of the|de|del|de la|du|des|da|do|di) ")


def ner_place_parts(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's place that is no name itself but joins several: "Armenia-Azerbaijan" → Armenia, Azerbaijan. Names
    only a space apart are not two when the second is the generic word of a feature ("Mandalay Bay" is a resort,
    not Mandalay and Bay, Somalia)."""
    if ent.label_ not in PLACE_LABELS or d.gaz.candidates(key):
        return None
    if (pair := _PLACE_ON_PLACE.fullmatch(d.text, start, end)) is not None and all(
        d.rec._any_place(normalize_name(pair.group(side))) for side in (1, 2)
    ):
        # "Port Mahon on Minorca", "Kastellorizo near Rhodes": two places, by any of their names
        return [
            d.rec.mention(d.text, *pair.span(side), "ner", ent.label_, "ner_place_parts") for side in (1, 2)
        ]
    parts = list(d.rec.match_names(d.text, start, end))
    if len(parts) < 2:
        return None
    if any(
        (not d.text[a[1] : b[0]].strip() and NATURAL_GENERIC.fullmatch(" " + d.text[b[0] : b[1]]))
        # "the Bay of Islands", "the Gulf of Urabá": one name the index lacks, not "Bay" and "Islands"
        or _OF_JOINER.fullmatch(d.text, a[1], b[0])
        for a, b in zip(parts, parts[1:], strict=False)
    ):
        return None
    return [d.rec.mention(d.text, s, e, "ner", ent.label_, "ner_place_parts") for s, e in parts]


# The last word of a venue, street or facility: the name as a whole is the place (placed approximately by the
# resolver, at the town the article puts it in), not the town its first word names.
_VENUE = re.compile(
    r"\s(?:Arena|Stadium|Park|Field|Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Lane|Drive|Square|Plaza|Bridge|"
    r"Mall|Center|Centre|Church|Cathedral|Chapel|School|Academy|Cemetery|Hall|Station|Terminal|Airport|Library|"
    r"Museum|Market|Plant|Mill|Mills|Warehouse|Hotel|Theatre|Theater|Gardens?|Pier|Wharf|Building|Tower|House|"
    r"Auditorium|Mosque|Temple|Shrine|Basilica|Palace|Castle|Arch|Monument|Memorial|Opera House)$"
)


def ner_place_subspan(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's place that is no name itself but holds one: "North Texas" → Texas, "Henderson County Jail" →
    Henderson County (in a FAC only a strong name: "Mall" of "Qwertyville Mall" is no town); a town after a comma
    where its state follows ("the Camp Fire, Paradise, California"; not "Thruxton, Hampshire"); the town that names
    a battle, siege or treaty NER took whole ("the Battle of Corunna" → Corunna, as :func:`place_phrase` reads it)."""
    if ent.label_ not in PLACE_LABELS or d.gaz.candidates(key) or d.gaz.demonym(key):
        return (
            None  # a demonym NER called a place ("Sri Lankan" as GPE) is a demonym, not its first word's town
        )
    if _VENUE.search(d.text, start, end):
        return (
            None  # "Riverside Arena", "Paris Street": a venue named after a place is where the story puts it
        )
    if (named := _HISTORY_OF.fullmatch(d.text, start, end)) is not None:
        # NER's "the Battle of Corunna" as one place: the town history names it by ("the Siege of Leningrad")
        ws, we = named.span("town")
        own_least = BATTLE_TOWN_POPULATION if _BATTLE.match(named.group()) else None
        if _named_by_history(d, normalize_name(d.text[ws:we]), ws, we, own_least=own_least):
            return [d.rec.mention(d.text, ws, we, "ner", ent.label_, "ner_place_subspan")]
    comma = d.text.rfind(", ", start, end)
    after = normalize_name(d.text[comma + 2 : end]) if comma > start else ""
    units = d.rec.qualifiers.after(d.text, end).admin1 if after else frozenset()
    if after and any(c.admin1 in units for c in d.gaz.candidates(after)):
        # "the Camp Fire, Paradise, California": NER ran a thing and its town together; the town after the comma
        return [d.rec.mention(d.text, comma + 2, end, "ner", ent.label_, "ner_place_subspan")]
    sub = d.rec._place_subspan(d.text, start, end, strong=ent.label_ == "FAC")
    opens = start + 4 if d.text.startswith(("the ", "The "), start) else start
    if (
        sub
        and ent.label_ == "FAC"
        and sub[0] == opens
        and d.text[sub[0] : sub[1]] in census_given_names()
        and _SURNAME_AFTER.fullmatch(d.text, sub[1], end)
        and not common_in_english(d.text[sub[1] + 1 : end])
        and not d.gaz.candidates(normalize_name(d.text[sub[1] + 1 : end]))
    ):
        # "the Santiago Bernabéu in Madrid": a building named after a person (a given name, then a word rare in
        # English and no place's), no place of its first word
        return [d.rec.mention(d.text, opens, end, "ner", ent.label_, "venue")]
    if (
        sub
        and sub[0] == start
        and d.text[start:end].istitle()
        and (
            _GIVEN_NAME_AFTER.fullmatch(d.text, sub[1], end)
            # a given name that is a place's, then a surname: "Savannah Guthrie broadcast live"
            or (
                d.text[start : sub[1]] in census_given_names()
                and _SURNAME_AFTER.fullmatch(d.text, sub[1], end)
                and (
                    d.text[sub[1] + 1 : end] in census_names()
                    # … or a surname no census lists, rare in English and no place's name: "Paris Okafor, a striker"
                    or (
                        not common_in_english(d.text[sub[1] + 1 : end])
                        and not d.gaz.candidates(normalize_name(d.text[sub[1] + 1 : end]))
                    )
                )
                and d.text[sub[1] + 1 : end] not in _GivenNameAfter._PLACE_WORDS
                and not NATURAL_GENERIC.fullmatch(d.text, sub[1], end)  # "James River", "Ross Lake"
            )
        )
        and normalize_name(d.text[sub[1] + 1 : end]) not in d.gaz.strong_keys  # not "MSC Geneva"
    ):
        # "Rio Ferdinand will present the awards": a place's name before a given name is a person's first name
        d.person_spans.append((start, end))
        return []
    if sub and sub[0] > start and sub[1] == end and NATURAL_GENERIC.fullmatch(" " + d.text[sub[0] : sub[1]]):
        # "Vietnam's Central Highlands", "the Northern Plains": a landform word after a qualifier is a feature the
        # index lacks, not the "Highlands" of another country — the whole name, placed where the story is
        return [d.rec.mention(d.text, start, end, "ner", ent.label_, "ner_place")]
    if sub and NATURAL_GENERIC.match(d.text, sub[1], end) and not _names_its_surroundings(d, sub):
        # "Avery Island", "Tatra Mountains", "Cook Strait": a feature the index lacks, not a far hamlet of its first
        # word's name — the whole name, placed (approximately) where the story is.
        return [d.rec.mention(d.text, start, end, "ner", ent.label_, "ner_place")]
    return [d.rec.mention(d.text, sub[0], sub[1], "ner", ent.label_, "ner_place_subspan")] if sub else None


_ROUTE_AFTER = re.compile(
    r"(?:-[A-Z][\w]+)? (?:[A-Z][a-z]+ )?(?:Main Line|Mainline|Line|Railway|Railroad|Highway|Motorway|Expressway|"
    r"Freeway|Parkway|Pipeline)\b"
)


def route_name(d: _Doc, m: Mention) -> bool:
    """A region's, a coast's or a water's name that opens a route's: "the East Coast Main Line", "the West Coast
    Main Line", "the Baikal-Amur Mainline" — the route, no mention of the region. A town's, a big state's or a
    country's name stays a place: "the S.C. Highway Patrol", "the Alaska Highway", "U.S. Highway 82" (the dev
    corpora mark them), unless the name is a region's own and the state's only by an alias ("West Coast": Western
    Australia's)."""
    if _ROUTE_AFTER.match(d.text, m.end) is None:
        return False
    readings = d.gaz.candidates(normalize_name(m.text))
    region = any(c.name_kind == 0 and not c.fcode.startswith(("PPL", "PCL", "ADM")) for c in readings)
    return not any(
        c.name_kind <= 1
        and (
            c.fcode.startswith("PCL")
            or (c.fcode.startswith("PPL") and c.population >= ROUTE_TOWN_POPULATION)
            or (
                c.fcode == "ADM1"
                and c.population >= ROUTE_UNIT_POPULATION
                and (c.name_kind == 0 or not region)
            )
        )
        for c in readings
    )


ROUTE_TOWN_POPULATION = (
    10_000  # a route named for a town this big names the town ("the Pacific Highway": no town)
)
ROUTE_UNIT_POPULATION = (
    500_000  # a route named for a state this big names the state (not NZ's West Coast region)
)


_HISTORY_OF = re.compile(
    rf"(?:Treaty|Congress|Siege|Battle|Peace|Sack|Fall|Liberation|Edict|Diet) of (?P<town>{_NAME})"
)


class _GivenNameAfter:
    """``fullmatch(text, start, end)``: whether ``text[start:end]`` is one space and one given name of the US census,
    the whole of what NER's place holds after a place's name ("Rio Ferdinand", "Washington Irving")."""

    # Given names that are also a building's or a place's word: "Anglesey Abbey", "Hammond Marina", "Boston Common"
    _PLACE_WORDS = frozenset(
        "Abbey Hall Court Castle Chase Lane Glen Dale Cliff Gate Grove Hill Park Bay Cove Grange Manor Marina Priory "
        "Green Heath Moor Wood Field Common Harbor Harbour Beach Ridge Vale Forest Brook Rose America".split()
    )

    def fullmatch(self, text: str, start: int, end: int) -> bool:
        word = text[start + 1 : end]
        return (
            text[start : start + 1] == " "
            and word.isalpha()
            and word.istitle()
            and word in census_given_names()
            and word not in self._PLACE_WORDS
        )


_GIVEN_NAME_AFTER = _GivenNameAfter()
# One capitalised word after a place's name, the whole of a facility's name: a person's surname ("the Santiago
# Bernabéu").
_SURNAME_AFTER = re.compile(r" [A-Z][^\W\d_]+")
FEATURE_TOWN_POPULATION = 20_000  # a town this big by the name is what a feature named after it is around


def _names_its_surroundings(d: _Doc, sub: tuple[int, int]) -> bool:
    """Whether the specific part of a feature's name ("Pasig" of "Pasig River", "Swat" of "Swat Valley",
    "Yucatán" of "Yucatán Peninsula") is, by its own name, an admin unit or a town of ``FEATURE_TOWN_POPULATION``
    (five times that by any of its names): the unit or town the feature runs through, close enough to place it."""
    return any(
        (c.name_kind == 0 and (c.fcode in ("ADM1", "ADM2") or c.population >= FEATURE_TOWN_POPULATION))
        # "Pasig" of Pasig City, by another of its names — a town's ("Charles" is no name of Charles County)
        or (c.population >= 5 * FEATURE_TOWN_POPULATION and c.fcode.startswith("PPL"))
        for c in d.gaz.candidates(normalize_name(d.text[sub[0] : sub[1]]))
    )


def ner_place(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's GPE, LOC or FAC as it stands: "Munich", "the Black Sea" (a leading "the" and a possessive trimmed)."""
    if ent.label_ not in PLACE_LABELS:
        return None
    return [d.rec.mention(d.text, start, end, "ner", ent.label_, "ner_place")]


def ner_demonym(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """An entity that is a demonym ("Armenian" as NORP) names its country; "English" as LANGUAGE does not."""
    if ent.label_ == "LANGUAGE" or key in d.gaz.strong_keys or not (country := d.gaz.demonym(key)):
        return None
    return [Mention(start, end, d.text[start:end], "ner", ent.label_, demonym_of=country, rule="ner_demonym")]


def mislabelled_place(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's organisation, person or group that is a strong place name: "Nagorno-Karabakh" as ORG, "Washington's"
    as PERSON. A multi-word PERSON that is one ("New Mexico") is left to the text matcher."""
    if not (ent.label_ in ("ORG", "PERSON", "NORP") and len(ent) <= _MAX_WORDS + 2):
        return None
    if _UNIT_OFFICE_AFTER.match(d.text, end) and any(
        c.fcode in ("ADM1", "PCLI") and c.name_kind == 0 for c in d.gaz.candidates(key)
    ):
        # "Victoria's premier", "Georgia's governor": who governs a state or a country names it, a given name or not
        return [d.rec.mention(d.text, start, end, "ner", ent.label_, "mislabelled_place")]
    if (
        not d.rec._claimable(key, d.text[start:end])
        and not _compound_town(d, start, end, key, ent.label_)
        and not _country_among_its_places(d, ent, key)
    ):
        return None
    if ent.label_ == "PERSON" and " " in d.text[start:end]:
        if (
            _GIVEN_NAME_FIRST.match(d.text[start:end])
            and (
                _DOES_WHAT_A_PERSON_DOES.match(d.text, end)
                or _WHAT_A_PERSON_HAS.match(d.text, end)
                or _WHAT_IS_DONE_TO_A_PERSON.match(d.text, end)
            )
            and not _PLACE_CUE_BEFORE.search(d.text, max(0, start - 12), start)
        ):
            # "Simón Bolívar convened", "Benito Juárez's government": a person, and the text matcher's too — not
            # "in Milton Keynes", "Pedro Juan Caballero grew" (towns named after people)
            d.person_spans.append((start, end))
        return []
    places = [(e.start_char, e.end_char) for e in d.ents if e.label_ in PLACE_LABELS]
    rule = "former_name" if former_name(d, key) else "mislabelled_place"
    if rule == "former_name" and _former_unsaid(d, key, start, end, places):
        return None
    return [d.rec.mention(d.text, start, end, "ner", ent.label_, rule)]


_UNIT_OFFICE_AFTER = re.compile(
    r"['’]s (?:premier|governor|lieutenant governor|chief minister|state government|provincial government|"
    r"state legislature|provincial legislature|legislative assembly)\b"
)
MISLABELLED_TOWN_POPULATION = 10_000  # NER's one-word person or organisation that is only a town this big
MISLABELLED_NAMED_POPULATION = 2_000  # … or this big in a country or admin-1 unit NER's places name
_OUTBREAK_AFTER = re.compile(
    r" (?:outbreaks?|cases|infections?|vaccines?|patients|epidemic|transmission|survivors|virus|fever)\b"
)
_HIS_OR_HER = re.compile(r"\b(?:he|she|him|his|her|himself|herself)\b")


# One name taken for a person by the words around it: "Kobayashi, who…", "Kobayashi, 34,", "Kobayashi, the finance
# minister," — and "Japan's Kobayashi" (a country's athlete or official: _nation_before).
_ONE_NAME_A_PERSON = re.compile(
    rf",? (?:who|whose)\b|, \d{{1,3}},|, (?:the|a|an) (?:[\w'’-]+ ){{0,3}}?{_PERSON_ROLE}\b"
)
_POSSESSIVE_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)['’]s $")


_UNITS_AFTER = re.compile(r" (?:counties|towns|cities|villages|provinces|states|districts|parishes)\b")
_JOINED = re.compile(r"(?:,| and| or| &)(?: and)? ")
_JOINED_BEFORE = re.compile(r"(?:,| and| or| &)(?: and)? $")


def _rare_name(word: str) -> bool:
    """Whether *word* is rare in English (below ``COMMON_WORD_ZIPF``: no common word, name or brand) and no surname
    (of the ``CENSUS_SURNAME_RANK`` commonest) or given name of the US census: "Morwell", "Bairnsdale", not "Casino",
    "Robertson", "Kobayashi"."""
    return not common_in_english(word) and word not in census_names()


def _acts_as_a_person(d: _Doc, label: str, start: int, end: int) -> bool:
    """Whether the words around a one-word name make it a person: "Kobayashi, who…", "…, 34,", "…, the finance
    minister", "Japan's Kobayashi", "he", "his" or "her" later in its sentence ("Keroka mourned his wife"), or, for
    NER's person, a verb after it ("Keroka was", "Keroka said")."""
    text = d.text
    if _ONE_NAME_A_PERSON.match(text, end):
        return True
    before = _POSSESSIVE_WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and (d.rec._is_nation(before.group(1)) or d.gaz.demonym(before.group(1))):
        return True
    stop = _SENTENCE_END.search(text, end)
    if _HIS_OR_HER.search(text, end, stop.start() if stop else len(text)):
        return True
    return label == "PERSON" and _PERSON_VERB.match(text, end) is not None


def _listed_with_a_person(d: _Doc, start: int, end: int) -> bool:
    """Whether NER's person stands next to *text[start:end]* in a list: "Ann Lee and Morwell", "Morwell, Ann Lee" —
    a person by no place's own name (NER calls the towns of a list persons too: "Morwell and Traralgon")."""
    text = d.text
    before = _JOINED_BEFORE.search(text, max(0, start - 8), start)
    after = _JOINED.match(text, end)
    for ent in (
        d.person_by_end.get(before.start()) if before else None,
        d.person_by_start.get(after.end()) if after else None,
    ):
        if ent is not None and not any(c.name_kind <= 1 for c in d.gaz.candidates(ent.text)):
            return True
    return False


def mislabelled_town(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's one-word person, organisation or group whose name is a town of ``MISLABELLED_TOWN_POPULATION`` people
    or more by its own or official name ("Tramore", officially Trá Mhór), rare in English (below
    ``COMMON_WORD_ZIPF``: no common word, name or brand) and no surname or given name of the US census, no listed
    firm, and not acting as a person: "Morwell mourned",
    "Nyahururu shivered", "the storm battered Ulladulla" (not "Robertson said", "the Liberal", "Casino",
    "Kobayashi, the finance minister", "Japan's Kobayashi")."""
    if ent.label_ not in ("ORG", "PERSON", "NORP") or len(ent) != 1:
        return None
    surface = d.text[start:end]
    if (
        len(surface) < 4
        or not surface.istitle()
        or not surface.isalpha()
        or key in d.rec.stop
        or surface in _listed_given_names()
        or surface in d.person_words
        or surface in d.given_names
        or key in word_list("organisations.txt")
        or not (
            _own_or_official_town(d.gaz, key, MISLABELLED_TOWN_POPULATION)
            # (not "the" name alone: "The Vasa, the warship" is a ship, Vaasa's other spelling; "the Kovno ghetto")
            or (
                _transliterated_town(d.gaz, key, other_names=True)
                and not (
                    _THE_BEFORE.search(d.text, max(0, start - 4), start)
                    and not _NOUN_AFTER.match(d.text, end)
                )
                # NER's person by a Slavic surname's ending: "talks with Brezhnev", "criticised Ivanov" (not
                # Naberezhnyye Chelny, Ivanovo) — but "factories in Kuibyshev" (Samara's old name) after a place's word
                and not (
                    ent.label_ == "PERSON"
                    and _SURNAME_ENDING.search(surface)
                    and not _LOCATIVE.search(d.text, max(0, start - 12), start)
                )
            )
            # a smaller town in a country or state NER found: "Drumheller welcomed … in Alberta"
            # (not NER's person: "Israeli voters backed Lapid" is the politician, not a village of Israel)
            or (ent.label_ != "PERSON" and _in_a_named_country(d, None, key, MISLABELLED_NAMED_POPULATION))
        )
        or not _rare_name(surface)
        or _OUTBREAK_AFTER.match(d.text, end)  # "the Marburg outbreak", "Marburg cases": the disease
        or (
            _acts_as_a_person(d, ent.label_, start, end)
            # what is said only of a town, opening its sentence, outweighs NER's person and its verb: "Akureyri
            # shivered through its coldest night" (not "hosted the dinner", which a person may do)
            and not (
                _TOWN_PREDICATE.match(d.text, start)
                and not _PERSON_MAY_DO.match(d.text, end)
                and not _acts_as_a_person(d, "", start, end)
            )
        )
        # "police arrested Ann Lee and Morwell" (not "Douglas and Wyandotte counties")
        or (_listed_with_a_person(d, start, end) and not _UNITS_AFTER.match(d.text, end))
    ):
        return None
    return [d.rec.mention(d.text, start, end, "ner", ent.label_, "mislabelled_town")]


_NATION_ACTS = re.compile(
    r" (?:[a-z]+ ){1,2}its (?:main |northern |southern |eastern |western |only )?(?:border|borders|airspace|"
    r"embassy|ambassador|army|military|troops|government|parliament|economy|currency|central bank|"
    r"border crossings?)\b"
)


def _country_among_its_places(d: _Doc, ent: Span, key: str) -> bool:
    """Whether a one-word entity is a country whose name is also a given name ("Jordan", "Chad"), said doing what a
    country does ("Jordan reopened its main border crossing") or beside a place of that country that NER found:
    "Jordan closed the road, and flights out of Amman were diverted"."""
    if len(ent) != 1:
        return False
    nations = {c.country for c in d.gaz.candidates(key) if c.fcode == "PCLI" and c.name_kind <= 1}
    if not nations:
        return False
    if _NATION_ACTS.match(d.text, ent.end_char):
        return True  # "Jordan reopened its main border crossing": what a country does, not a person
    for other in d.ents:
        # "flooding in Niger and Chad", "Chad, Mali and Niger": listed with a country NER found
        between = (
            d.text[other.end_char : ent.start_char]
            if other.end_char <= ent.start_char
            else d.text[ent.end_char : other.start_char]
        )
        if (
            other.label_ in PLACE_LABELS
            and _JOINED.fullmatch(between)
            and any(
                c.fcode == "PCLI" and c.name_kind <= 1
                for c in d.gaz.candidates(normalize_name(other.text))[:1]
            )
        ):
            return True
        if other.start_char != ent.start_char and other.label_ in (*PLACE_LABELS, "ORG", "PERSON"):
            found = d.gaz.candidates(normalize_name(other.text))
            # NER's own place, or a city big enough to be claimed as NER's mislabelled one ("N'Djamena" as ORG)
            if (
                found
                and found[0].country in nations
                and found[0].fcode.startswith("PPL")
                and (other.label_ in PLACE_LABELS or d.rec._claimable(normalize_name(other.text), other.text))
            ):
                return True
    return False


# A town's name joined by a hyphen or an inner possessive: "Wilkes-Barre", "Garmisch-Partenkirchen", "Lee's Summit",
# "Villeneuve-d'Ascq" — shapes few organisations or people have as their whole name.
_COMPOUND_NAME = re.compile(r"[A-Z][\w]+(?:(?:-[\w]+(?:['’][A-Z][\w]+)?)+|['’]s [A-Z][\w]+)")
COMPOUND_TOWN_POPULATION = 1_000  # a compound town name this big is NER's mislabelled town as a whole entity


def _own_town(gaz: Gazetteer, key: str, least: int) -> bool:
    """Whether *key* is, by its own name, a town of at least *least* people."""
    return any(
        c.name_kind == 0 and c.fcode.startswith("PPL") and c.population >= least for c in gaz.candidates(key)
    )


def _in_a_named_country(d: _Doc, found: list[Mention] | None, key: str, least: int = 0) -> bool:
    """Whether one of *key*'s towns of *least* people or more (by its own or official name) lies in a country, or an
    admin-1 unit, that a mention of *found* (None: NER's places and peoples) names first or as a demonym: "Coyhaique"
    with "Chile", "Ballina" with "Mayo" or "Irish"."""
    towns = [
        c
        for c in d.gaz.candidates(key)
        if c.fcode.startswith("PPL") and c.name_kind <= 1 and c.population >= least
    ]
    if not towns:
        return False
    countries = {c.country for c in towns}
    units = {(c.country, c.admin1) for c in towns}
    names = (
        [(m.text, m.demonym_of) for m in found]
        if found is not None
        else [
            (e.text, d.gaz.demonym(normalize_name(e.text)) if e.label_ == "NORP" else None)
            for e in d.ents
            if e.label_ in PLACE_LABELS or e.label_ == "NORP"
        ]
    )
    for text, demonym_of in names:
        if demonym_of is not None:
            if demonym_of in countries:
                return True
            continue
        top = d.gaz.candidates(normalize_name(text))[:1]
        if top and (
            (top[0].fcode == "PCLI" and top[0].country in countries)
            or (top[0].fcode == "ADM1" and (top[0].country, top[0].admin1) in units)
        ):
            return True
    return False


def _own_or_official_town(gaz: Gazetteer, key: str, least: int) -> bool:
    """Whether *key* is a town of at least *least* people by its own or official name ("Tramore", officially Trá
    Mhór) — not by a translation, another spelling or an old name ("Atalanta", "Gazza", "Columbo" name no town)."""
    return any(
        c.fcode.startswith("PPL") and c.population >= least and c.name_kind <= 1 for c in gaz.candidates(key)
    )


TRANSLITERATED_TOWN_POPULATION = 20_000  # "Jbeil", "Nahariya", "Margilan": a town's other spelling, this big


_SURNAME_ENDING = re.compile(r"(?:ov|ev|ova|eva|in|ina|sky|ski|skaya|enko|uk|yuk)$")
TRANSLITERATION_SIMILARITY = (
    75  # rapidfuzz ratio (0–100) of another spelling to the town's own name, at least
)
ANOTHER_NAME_CITY_POPULATION = (
    100_000  # … unless a city this big: "Leningrad", "Bombay", "Jbeil" as any other name
)


def _transliterated_town(gaz: Gazetteer, key: str, *, other_names: bool = False) -> bool:
    """Whether *key* is only ever another name of one or more towns, and of one of at least
    ``TRANSLITERATED_TOWN_POPULATION`` people another spelling of its own name (``TRANSLITERATION_SIMILARITY``):
    the English spellings GeoNames holds as alternate names ("Nahariya" of Nahariyya, "Margilan" of Marg‘ilon,
    "Qamishli" of Al Qāmishlī, "Zihuatanejo" of Ixtapa-Zihuatanejo) — no place's own name, and no other name
    altogether ("Chopin" of Chopinzinho) — with *other_names* (NER took the name for an entity) also any other name
    of a city of ``ANOTHER_NAME_CITY_POPULATION`` ("Leningrad", "Bombay"; untagged, an old name is
    :func:`former_name`'s to weigh)."""
    candidates = gaz.candidates(key)
    return all(c.name_kind == 2 for c in candidates) and any(
        c.fcode.startswith("PPL")
        and c.population >= TRANSLITERATED_TOWN_POPULATION
        and (
            (other_names and c.population >= ANOTHER_NAME_CITY_POPULATION)
            or fuzz.ratio(key, normalize_name(c.name)) >= TRANSLITERATION_SIMILARITY
        )
        for c in candidates
    )


def _compound_town(d: _Doc, start: int, end: int, key: str, label: str) -> bool:
    """Whether the whole of *text[start:end]* is a compound name (:data:`_COMPOUND_NAME`) of a town of at least
    :data:`COMPOUND_TOWN_POPULATION` people (ten times that for NER's organisation *label*), by its own name."""
    if _COMPOUND_NAME.fullmatch(d.text, start, end) is None:
        return False
    # NER's organisation is more often the firm ("Saint-Gobain", a commune of 2,000): a town ten times as big.
    least = COMPOUND_TOWN_POPULATION * (10 if label == "ORG" else 1)
    return _own_town(d.gaz, key, least)


def _inside_quotes(text: str, start: int) -> bool:
    """Whether *start* lies after an opening quotation mark of its sentence that is not closed before it."""
    lo, _ = _sentence_span(text, start, start)
    before = text[lo:start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def locative_name(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's person, organisation, product or work after "in", "to", "from", "near", "into", "outside", "around",
    "across", "throughout" that the gazetteer knows: "drove to Cirencester", "a home in Riverdale", "sites around
    Ithaca"; or the strong name that opens it: "across Sydney Harbour" → Sydney; an island after "on", "off":
    "floods on Java", "migrants brought ashore on Lampedusa"."""
    if not (
        ent.label_ in _LOCATIVE_LABELS
        and not d.text[start:end].isupper()
        and d.text[start:end] not in d.person_words
    ):
        return None
    if ent.label_ in ("WORK_OF_ART", "EVENT") and _inside_quotes(d.text, start):
        return None  # "Shakespeare in Love": a title's words
    locative = said_before(_LOCATIVE, d.text, start, 12, _LOCATIVE_ENDS)
    if (said_before(_ON_ISLAND, d.text, start, 12, _ON_ISLAND_ENDS) or locative) and any(
        c.fcode in ("ISL", "ISLS") and c.name_kind <= 1 for c in d.gaz.candidates(key)
    ):
        return [d.rec.mention(d.text, start, end, "ner", ent.label_, "locative_name")]  # "floods on Java"
    if (
        said_before(_LOCATIVE_THE, d.text, start, 16, ("he",))
        and key not in word_list("organisations.txt")  # "in the Honda": the car
        and any(c.name_kind == 0 and not c.fcode.startswith(("PPL", "PCL")) for c in d.gaz.candidates(key))
    ):
        # "poachers in the Serengeti", "fires across the Algarve": a region, park or feature that takes "the".
        return [d.rec.mention(d.text, start, end, "ner", ent.label_, "locative_name")]
    if not locative:
        # "the jetty at Savusavu", "crossed at Torkham": after "at", a town's own name rare in English (not "at
        # Kennedy", "at Google": a person's, a firm's)
        surface = d.text[start:end]
        if (
            _AT_BEFORE.search(d.text, max(0, start - 4), start)
            and not said_before(_NO_TOWN_AT, d.text, start, 24, _AT_ENDS)
            and " " not in surface
            and not d.text.startswith(("'s", "’s"), end)
            and _rare_name(surface)
            and key not in word_list("organisations.txt")
            and d.rec._any_place(key)
            and _own_town(d.gaz, key, 0)
        ):
            return [d.rec.mention(d.text, start, end, "ner", ent.label_, "locative_name")]
        return None
    if d.rec._any_place(key):
        return [d.rec.mention(d.text, start, end, "ner", ent.label_, "locative_name")]
    words = _words(d.text, start, end)
    if (
        len(words) == 2
        and d.text[words[1][0] : words[1][1]] in _FEATURES
        and d.rec._claimable(normalize_name(d.text[start : words[0][1]]), d.text[start : words[0][1]])
    ):
        return [d.rec.mention(d.text, start, words[0][1], "ner", ent.label_, "locative_name")]
    return None


def place_in_organisation(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """The place that names an institution: "Watertown Police Department", "Anderson County Sheriff" (as PERSON);
    or the town NER took into an organisation's name after "in": "Lutheran School in Lombard"."""
    if ent.label_ not in ("ORG", "PERSON", "FAC"):
        return None
    if (tail := _IN_TOWN_END.search(d.text, start, end)) is not None:
        key = normalize_name(tail.group(1))
        if d.rec._any_place(key) and any(c.population >= 1000 for c in d.gaz.candidates(key)):
            return [
                d.rec.mention(d.text, tail.start(1), tail.end(1), "ner", ent.label_, "place_in_organisation")
            ]
    if ent.label_ == "FAC" or not (inside := d.rec._place_in_organisation(d.text, ent)):
        return None
    return [d.rec.mention(d.text, inside[0], inside[1], "ner", ent.label_, "place_in_organisation")]


_IN_TOWN_END = re.compile(
    r" in ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)$"
)  # "… School in Lombard" (the entity's end)


def street(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """A street, whatever NER calls it: "Kelley Lane", "Bearkat Boulevard", "Royal Street" (not "Virginia L.
    Lane", a person)."""
    if (
        ent.label_ not in _MAYBE_LABELS
        or not _STREET.search(d.text, start, end)
        or " " not in d.text[start:end]
    ):
        return None
    if _INITIAL_INSIDE.search(d.text, start, end):
        return None  # "Virginia L. Lane": a middle initial makes a person's name
    return [d.rec.mention(d.text, start, end, "ner", ent.label_, "street")]


# Physical places an organisation's name may end with; not "School", "Hall", "Museum" (as often the institution).
_FACILITY = re.compile(
    r"\s(?:Cemetery|Stadium|Arena|Terminal|Airport|Bridge|Plant|Mine|Shaft|Pier|Wharf|Dam|Reservoir|Prison|"
    r"Penitentiary|Park|Plaza|Square|Mall|Refinery)$"
)  # not "House", "Mill", "Tower", "Market": as often a charity, a restaurant, a company or a person ("David Mills")


_AT_THE = re.compile(
    r"\b(?:at|outside|inside|near|in|into|from|behind|before|toward|towards) the $", re.IGNORECASE
)
# An event is at a place, not one: "at the State Jazz Championships in Des Moines", "the Tour de France".
_EVENT_WORD = re.compile(
    r"\b(?:Championships?|Competition|Summit|Festival|Tour|Games|Cup|Conference|Awards?|Open|Marathon|Series|"
    r"Olympics|Expo|Fair|Show|Week|Forum)\b"
)


def venue(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's organisation of two or more words that ends with a word for a physical place: "Oakwood Cemetery",
    "the Northside Water Plant", "Ocean Gateway Terminal"; or any organisation, person or facility NER found after
    "at the"/"outside the" and before "in Town": "outside the Louvre in Paris" — a venue the story puts somewhere
    (the resolver places it in the town named with it, else the dateline's, else the nearest)."""
    if (
        ent.label_ in ("ORG", "PERSON", "FAC")
        and _AT_THE.search(d.text, max(0, start - 12), start)
        and _IN_NAME_AFTER.match(d.text, end)
        and not _EVENT_WORD.search(d.text, start, end)
    ):
        return [
            d.rec.mention(d.text, start, end, "ner", ent.label_, "venue")
        ]  # "outside the Louvre in Paris"
    if (
        ent.label_ in ("ORG", "PERSON", "FAC")
        and " " in d.text[start:end]
        and (town := _IN_NAME_AFTER.match(d.text, end)) is not None
        # the building's word closes the name, or opens it in the foreign way ("Stadion Miejski"); NER's person
        # only so ("Shirley Temple in Tulsa" is a person); never a firm's ("Hospital Corporation of America")
        and (
            _FOREIGN_VENUE_OPENS.match(d.text, start, end)
            or (
                (venue_word := _VENUE_WORD_ENDS.search(d.text, start, end)) is not None
                # NER's person only by a word no person is called ("Ben Thanh Market in Ho Chi Minh City")
                and (ent.label_ != "PERSON" or venue_word.group() not in census_names())
            )
        )
        and not _EVENT_WORD.search(d.text, start, end)
        and not _UNIT_IN_NAME.search(d.text, start, end)  # "Dawson County Jail": the county, as before
        and normalize_name(d.text[start:end]) not in word_list("organisations.txt")
        # a place the gazetteer knows after "in", not a month ("Arena Group in January")
        and normalize_name(town.group(1)) not in _CALENDAR
        and d.rec._any_place(normalize_name(town.group(1)))
    ):
        # "Sawai Mansingh Hospital in Jaipur"
        return [d.rec.mention(d.text, start, end, "ner", ent.label_, "venue")]
    if ent.label_ in ("PERSON", "WORK_OF_ART", "ORG"):
        # A sports ground's or a hall's word closes what NER took for a person or a work ("Gelora Bung Karno
        # Stadium", "The Araneta Coliseum"), or for a firm with a stray word after it ("My Dinh National Stadium on")
        tail = _LOWER_TAIL.search(d.text, start, end)
        last = tail.start() if tail is not None else end
        if (
            " " in d.text[start:last]
            and _GROUND_ENDS.search(d.text, start, last)
            # "Bruce Arena", "Maria Arena": a surname, when NER says person — unless the arena is where ("at
            # Anderson Arena")
            and not (
                ent.label_ == "PERSON"
                and d.text.endswith(" Arena", start, last)
                and (
                    not _ARENA_AT.search(d.text, max(0, start - 10), start)
                    or d.text.startswith(
                        ("'s", "’s"), last
                    )  # "reporters packed Bruce Arena's news conference"
                )
            )
            and not _INITIAL_INSIDE.search(d.text, start, last)
            and not _EVENT_WORD.search(d.text, start, last)
        ):
            opens = start + 4 if d.text.startswith("The ", start) else start
            return [d.rec.mention(d.text, opens, last, "ner", ent.label_, "venue")]
    if ent.label_ != "ORG" or " " not in d.text[start:end]:
        return None
    opens = start + 4 if d.text.startswith(("the ", "The "), start) else start
    if (
        _SPORTS_GROUND_ENDS.search(d.text, opens, end)
        and _GROUND_AT.search(d.text, max(0, start - 16), start)
        and not _FORUM_OF_A_BODY.search(d.text, opens, end)
        and not _INITIAL_INSIDE.search(d.text, opens, end)
    ):
        # NER's firm "Tim Hortons Field", "Fiserv Forum" where a crowd or a game is: the ground, at its town (or the
        # dateline's) — not "the World Economic Forum", a body's forum
        return [d.rec.mention(d.text, opens, end, "ner", ent.label_, "venue")]
    if d.dateline is not None and _FOREIGN_VENUE_OPENS.match(d.text, opens, end):
        # "WARSAW, Poland (AP) — … at the Stadion Narodowy": the dateline's town is where it is
        return [d.rec.mention(d.text, opens, end, "ner", ent.label_, "venue")]
    if not _FACILITY.search(d.text, start, end) or _INITIAL_INSIDE.search(d.text, start, end):
        return None
    return [d.rec.mention(d.text, start, end, "ner", ent.label_, "venue")]


# Where a person's name ending in "Arena" is the arena: "at Anderson Arena", "the Hall Arena".
_ARENA_AT = re.compile(
    r"\b(?:at|in|inside|outside|into|near|the|packed|filled|sold out|jammed) $", re.IGNORECASE
)  # ("Fans packed Ball Arena")
# A sports ground's word a firm's name may end with too: a ground only where a crowd or a game is ("at Soldier Field",
# "Fans packed …"; not "officials from the Seattle Dome", "The South Pacific Forum met").
_SPORTS_GROUND_ENDS = re.compile(r" (?:Field|Dome|Forum)$")
_GROUND_AT = re.compile(r"\b(?:at|inside|outside|into|packed|filled|sold out|jammed)(?: the)? $")
_FORUM_OF_A_BODY = re.compile(
    r"\b(?:Economic|World|Global|Policy|Youth|Social|Leaders|Business|Peace|Security|Trade|Investment|Development|"
    r"Cooperation|Islands|Regional|International|National|Women|Energy|Climate|Health|Forum of)\b"
)
# A ground's or a hall's word no person, work or firm ends with (not "Market", "Tower", "House": see _FACILITY).
_GROUND_ENDS = re.compile(
    r" (?:Stadium|Stadion|Arena|Coliseum|Colosseum|Velodrome|Racecourse|Speedway|Ballpark|Convention Cent(?:er|re)|"
    r"Exhibition Cent(?:er|re)|Airport|Auditorium|Mosque|Cathedral|Basilica)$"
)
_LOWER_TAIL = re.compile(r"(?: [a-z]+)+$")  # NER's stray words after a name ("… Stadium on")


_UNIT_IN_NAME = re.compile(r"\b(?:County|Parish|Borough)\b")
# A building's or ground's word closing a name followed by "in Town" ("Sawai Mansingh Hospital in Jaipur", "St.
# Luke's Medical Center in Taguig"), or opening it in the foreign way ("the Stade Geoffroy-Guichard in
# Saint-Étienne", "Stadion Miejski in Białystok").
_VENUE_WORDS = (
    r"Stadium|Arena|Hospital|Medical Cent(?:er|re)|Infirmary|Clinic|Cathedral|Church|Mosque|Temple|Basilica|"
    r"Museum|Bridge|Airport|Prison|Jail|Theatre|Theater|Ground|Oval|Racecourse|Market|Bazaar|Mall|Tower|Palace|"
    r"Zoo|Pagoda|Shrine|Monastery|Fortress|Citadel"
)
_VENUE_WORD_ENDS = re.compile(rf"\b(?:{_VENUE_WORDS})$")
_FOREIGN_VENUE_OPENS = re.compile(r"(?:Stade|Stadion|Estadio|Stadio|Parc|Parque|Hôpital) [A-Z]")
_IN_NAME_AFTER = re.compile(rf" in ({_NAME})")


def leading_demonym(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """The country an organisation, event or law is named for, by its leading demonym: "the Russian Foreign
    Ministry", "Canadian Blood Services", "the Sri Lankan government"."""
    if ent.label_ not in _NAMED_FOR_A_PEOPLE or not (lead := d.rec._leading_demonym(d.text, ent)):
        return None
    s, e, code = lead
    return [Mention(s, e, d.text[s:e], "ner", ent.label_, demonym_of=code, rule="leading_demonym")]


def compound_demonyms(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """Each demonym of a hyphenated NORP: "Russian-American", "anti-Russian", "Sino-Indian"."""
    if ent.label_ != "NORP" or "-" not in d.text[start:end]:
        return None
    found = []
    for word_start, word_end in _words(d.text, start, end):
        word_key = normalize_name(d.text[word_start:word_end])
        if (code := d.gaz.demonym(word_key)) and word_key not in d.gaz.strong_keys:
            found.append(
                Mention(
                    word_start,
                    word_end,
                    d.text[word_start:word_end],
                    "ner",
                    "NORP",
                    demonym_of=code,
                    rule="compound_demonyms",
                )
            )
    return found


def place_glued_to_name(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """A major place glued onto a PERSON span, marked by the possessive: "... Pashinyan Washington's help"."""
    if ent.label_ != "PERSON" or len(ent) < 2 or not _POSSESSIVE.match(d.text, ent.end_char):
        return None
    last = ent[-1]
    if not (d.rec._claimable(normalize_name(last.text)) and d.rec._is_major(last.text)):
        return None
    d.person_spans.append((ent.start_char, last.idx))
    return [d.rec.mention(d.text, last.idx, last.idx + len(last.text), "ner", "GPE", "place_glued_to_name")]


def person_name(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's person: no place, and the text matcher claims nothing inside it ("Jim Ripley", "Mikheil
    Saakashvili") — save a run of three words or more in a headline of capitalised words, where NER guesses
    ("Teluk Intan Floods Worsen")."""
    if ent.label_ != "PERSON":
        return None
    if not (len(ent) >= 3 and any(hs <= start and end <= he for hs, he in d.headlines)):
        d.person_spans.append((start, end))  # "Near Moab" as PERSON: only "Moab" (see _trim)
    return []


_HEADLINE_LOCATIVE = re.compile(
    r"\b(?:In|At|Near|Outside|From|To|Into|Across|Around|Towards?|Through) (?=[A-Z])"
)
_CAPITAL_LOCATIVE_BEFORE = re.compile(
    r"\b(?:In|At|Near|Outside|From|To|Into|Across|Around|Towards?|Through|On) $"
)
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A headline's person or body from a town: "Mildura Man Charged", "Lismore Flood Victims Still Waiting".
_HEADLINE_PEOPLE = re.compile(
    r" (?:Man|Woman|Men|Women|Teen|Teenager|Boy|Girl|Couple|Family|Mum|Mother|Dad|Father|Pensioner|Student|Driver|"
    r"Farmer|Nurse|Resident|Residents|Businessman|Mayor|Council|Firefighters?|Flood Victims|Fire Victims)\b"
)
_HEADLINE_SMALL = frozenset("a an and as at but by for in of on or the to vs via with".split())
_HEADLINE_LINE = re.compile(r"[^\n]+")


def _headlines(text: str) -> list[tuple[int, int]]:
    """The lines of *text* written as headlines, every word capitalised ("Flood Waters Rise In Grafton As River
    Peaks"): four words or more, all but small words ("of", "in") capitalised, no full stop inside."""
    out = []
    for line in _HEADLINE_LINE.finditer(text):
        body = line.group().rstrip(" .!?")
        if ". " in body:
            continue
        words = [
            w for w in _HEADLINE_WORD.findall(body) if w.lower() not in _HEADLINE_SMALL or w[0].isupper()
        ]
        if len(words) >= 4 and all(w[0].isupper() for w in words) and not body.isupper():
            out.append(line.span())
    return out


# -- text rules: names in the text at large ---------------------------------------------------------------------


# NER's entities inside which a name of several words is not claimed unless it is strong: "the White House" (ORG).
_NOT_PLACE_ENTITIES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP"})
# A hyphen or a letter beyond ASCII, or a place's word opening it ("Fort William", "Port Hedland", "Mount Gambier"):
# no English person's name.
_FOREIGN_NAME = re.compile(r"[-–]|[^\x00-\x7f]|^(?:Fort|Port|Mount|Lake|Cape) ")


class _GivenNameFirst:
    """``match(surface)``: whether a name of two words or more opens with a given name of the US census (accents
    folded: "Simón Bolívar", "Benito Juárez") that no place's name opens with ("Santa", "Santo")."""

    # ("Ben Guerdane", "Abu Dhabi", "Santa Fe")
    _PLACE_OPENERS = frozenset(
        {"Santa", "Santo", "Santiago", "Villa", "Bella", "Mar", "Iona", "Ben", "Bin", "Abu"}
    )

    # "Virginia Beach", "Carson City", "Elizabeth Bay": a given name before a place's generic word is a place's
    _PLACE_GENERIC_END = re.compile(
        r"\b(?:City|Town|Beach|County|Parish|Falls|Springs?|Islands?|Park|Bay|Hills?|Heights|Harbou?r|Lakes?|River|"
        r"Valley|Creek|Point|Hole|Landing|Junction|Mills?|Village|Station|Grove|Ridge|Forest|Rapids|Crossing|"
        r"Cent(?:er|re)|Gardens|Plains|Sound|Island)$"
    )

    def match(self, surface: str) -> bool:
        first, _, rest = surface.partition(" ")
        if not rest or first in self._PLACE_OPENERS or rest.count(" ") > 1 or " of " in f" {rest} ":
            return False
        return normalize_name(first).title() in census_given_names() and not self._PLACE_GENERIC_END.search(
            rest
        )


_GIVEN_NAME_FIRST = _GivenNameFirst()
# What a person has, after the name: "Benito Juárez's government", "Simón Bolívar's army".
_WHAT_A_PERSON_HAS = re.compile(
    r"['’]s (?:\w+ )?(?:government|regime|wife|husband|widow|son|daughter|father|mother|family|death|birth|"
    r"army|troops|forces|followers|descendants|speech|words|life|legacy|statue|tomb|remains|birthday|"
    r"portrait|memoirs|letters|presidency|rule|reign|victory|defeat|execution|funeral|murder|assassination)\b"
)
# … and what a person did or had done to them that no town does: "José Rizal was executed", "Bolívar convened".
_WHAT_IS_DONE_TO_A_PERSON = re.compile(
    r" (?:convened|proclaimed|abdicated|was (?:born|executed|assassinated|shot|killed|elected|buried|exiled|"
    r"crowned|knighted|imprisoned|jailed|arrested|sentenced))\b"
)
# A preposition or verb of place right before a name ("in Milton Keynes"; not "of", as in "descendants of Zapata").
_PLACE_CUE_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|[Tt]o|[Ii]nto|[Oo]utside|[Aa]round|[Aa]cross|[Tt]hrough|[Vv]ia|[Vv]isited|"
    r"[Rr]eached|[Ff]led|[Ll]eft) $"
)


_REGNAL_NUMBER = re.compile(r" (?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)\b")


def gazetteer_name(d: _Doc, found: list[Mention]) -> list[Mention]:
    """Strong gazetteer names NER missed, longest first: "the Bay of Biscay" over NER's "Biscay", "Lachin
    Corridor"; and names of several words that are a town's own name ("Sault Ste. Marie" over NER's "Sault",
    "Saint-Jean-sur-Richelieu") outside NER's organisations and works; never inside a person's name. A lower-case
    English word opening a sentence ("Unity within the coalition…") is only a "maybe" mention
    (:func:`_common_word_opening`). Returns *found* with them added."""
    text = d.text
    taken = _Spans((m.start, m.end) for m in found)
    other = [(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in _NOT_PLACE_ENTITIES]
    for s, e, label in other:
        # NER's firm or work "Isabel Allende": a given name and a surname rare in English are a person's name
        if label != "PERSON" and _GIVEN_NAME_FIRST.match(text[s:e]):
            surname = text[s:e].partition(" ")[2]
            if surname.isalpha() and surname.istitle() and not common_in_english(surname):
                d.person_spans.append((s, e))
    for start, end in d.rec.match_names(text, compound=True):
        surface = text[start:end]
        strong = d.rec._claimable(normalize_name(surface), surface)
        if not strong and any(hs <= start and end <= he for hs, he in d.headlines):
            continue  # a headline capitalises every word: "Floodwaters Cut Off Kerrville" (Cut Off, Louisiana)
        if _REGNAL_NUMBER.match(text, end):
            continue  # a monarch's or a pope's name: "the Hassan II Mosque", "Juan Carlos III"
        if not strong and (
            any(s <= start and end <= e for s, e, label in other if label != "PERSON")
            or _VENUE.search(surface)
        ):
            # A compound name inside an organisation's or a work's name, or a venue ("Victoria Park"): only a strong
            # name inside it, as before ("Charleston" of "the South Charleston Convention & Visitors Bureau").
            inner = next(d.rec.match_names(text, start, end), None)
            if (
                inner is None
                or taken.overlaps(*inner)
                or any(s <= inner[0] and inner[1] <= e for s, e in d.person_spans)
            ):
                continue
            start, end = inner
        if any(s <= start and end <= e for s, e in d.person_spans) and (
            strong
            or not (any(s == start and end == e for s, e in d.person_spans) and _FOREIGN_NAME.search(surface))
        ):
            continue  # inside a person's name — but "Dún Laoghaire", "Saint-Jean-sur-Richelieu" as NER's person
        if (
            text[start - 1 : start] == " "
            and taken.overlaps(start - 2, start - 1)
            and NATURAL_GENERIC.fullmatch(" " + surface)
        ):
            continue  # the generic word of a name whose first word was found: "Bay" of "Mandalay Bay"
        if (
            (generic := NATURAL_GENERIC.match(text, end))
            and not taken.overlaps(end, generic.end())
            and not d.gaz.candidates(normalize_name(text[start : generic.end()]))
            # (a name a sea or a region bears: a town's own "Swansea Bay", "Delaware Bay" are the town's and state's)
            and any(
                not c.fcode.startswith(("PPL", "PCL", "ADM"))
                for c in d.gaz.candidates(normalize_name(surface))
            )
        ):
            # "the Tasman Peninsula": a feature the index lacks, named after a place — the whole name, placed where
            # the story is (as NER's "Avery Island"), not the Tasman Sea or Tasman District
            end = generic.end()
        key = normalize_name(text[start:end])
        rule = "former_name" if former_name(d, key) else "gazetteer_name"
        if rule == "former_name" and _former_unsaid(d, key, start, end, [(m.start, m.end) for m in found]):
            continue  # (before it takes the place of what NER found there)
        if taken.overlaps(start, end):
            # A longer name around what NER found wins: NER's "Biscay" in "the Bay of Biscay".
            covered = [m for m in found if m.start < end and start < m.end]
            if (
                " " not in text[start:end]
                and "-" not in text[start:end]
                or not all(
                    m.source == "ner"
                    and m.rule
                    != "place_in_organisation"  # "Kent" of "Kent County Council" was chosen as such
                    and (
                        (start <= m.start and m.end <= end and m.end - m.start < end - start)
                        # NER's span across the name's end that names nothing: "Bay coast" of "Hawke's Bay coast"
                        or (
                            start < m.start < end < m.end
                            and not d.gaz.candidates(m.text)
                            and not _STREET.search(m.text)  # "Mineral Wells Avenue" is a street
                        )
                    )
                    for m in covered
                )
            ):
                continue
            found = [m for m in found if not (m.start < end and start < m.end)]
            taken = _Spans((m.start, m.end) for m in found)
        mention = d.rec.mention(text, start, end, "gazetteer", "GAZ", rule)
        if rule == "gazetteer_name" and _common_word_opening(d, start, end, key):
            mention = replace(mention, source="maybe")
        found.append(mention)
        taken.add(start, end)
    if d.rec.former_minor:
        found = found + _former_minor_names(d, found)
    if d.rec.former_history and (history := _former_history_names(d, found)):
        said = _Spans((m.start, m.end) for m in history)  # over NER's person or organisation of that span
        found = [m for m in found if m.source != "maybe" or not said.overlaps(m.start, m.end)] + history
    return _official_names(d, _lower_case_features(d, found))


OPENING_WORD_ZIPF = (
    3.5  # an English word this common (Zipf) opening a sentence NER left untagged is a word first
)
_OPENS_BEFORE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)[\"“‘']?$")


def _common_word_opening(d: _Doc, start: int, end: int, key: str) -> bool:
    """A one-word name the text matcher found where NER found nothing, opening a sentence, that is a common English
    word (``OPENING_WORD_ZIPF``; a lower-case dictionary word, not a name wordfreq counts often: "Memphis", "Lagos")
    and no country's or big city's own name: "Unity within the coalition is fragile", "Hub airports in the Gulf…",
    "Buffalo trampled maize fields near Kasane" — a word first, so a "maybe" mention the resolver keeps only near the
    article's other places — unless the words after it are said of a town ("Buffalo got 30 inches of snow", "Buffalo
    residents", "Buffalo's mayor") or name another ("Buffalo and Utica")."""
    word = d.text[start:end]
    return (
        word.isalpha()
        and word.istitle()
        and _OPENS_BEFORE.search(d.text, max(0, start - 4), start) is not None
        and zipf_in_english(word) >= OPENING_WORD_ZIPF
        and dictionary_word(word)
        # no country's name, nor a big city's ("Boston", "Berlin" are lower-case words too: a card game, a carriage)
        and not any(
            c.fcode == "PCLI"
            or (c.fcode.startswith("PPL") and c.name_kind == 0 and c.population >= OPENING_CITY_POPULATION)
            for c in d.gaz.candidates(key)
        )
        # … unless the words after it are said of a town: "Buffalo got 30 inches of snow", "Bath has banned cars",
        # "Batman, the oil city in south-eastern Turkey", "Buffalo was a booming grain port", "Sale residents",
        # "Derby police", "Buffalo's mayor" (the town's predicate read as if the name opened the text: after a quote
        # or a colon too)
        and _TOWN_PREDICATE.match(d.text[start : end + 200]) is None
        and _NAME_AFTER_FIRST_WORD.match(d.text, end) is None
        and _LIST_AND_AFTER.match(d.text, end) is None  # "Buffalo and Utica were promised funding"
        and _GOVERNED_TOWN.match(d.text, end) is None
        and _CALLED_A_TOWN.match(d.text, end) is None
    )


OPENING_CITY_POPULATION = 500_000
_LIST_AND_AFTER = re.compile(r" (?:and|or|&) [A-Z]")
_CALLED_A_TOWN = re.compile(
    r"(?:,| (?:is|was|has been|remains|became)) (?:a|an|the) (?:[\w-]+ ){0,3}"
    r"(?:city|town|village|port|capital|suburb|borough|municipality)\b(?!['’])"
)


def _official_names(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A state's or a unit's long official name the index lacks is one mention of its own (rule
    ``gazetteer_name``), over the shorter names NER or the matcher found inside it: "the Islamic Emirate of
    Afghanistan", "the Kurdistan Region of Iraq", "the Sahrawi Arab Democratic Republic" — when a country, an admin-1
    unit, a region or a demonym is left once its official words are taken out (:func:`official_core`; the resolver
    places it there)."""
    text = d.text
    for match in official_names(text):
        start, end = match.span()
        if text.startswith(("The ", "THE "), start):
            start += 4
        name = text[start:end]
        if (
            not official_name(name)
            or d.gaz.candidates(normalize_name(name))
            or any(m.start < start < m.end or m.start < end < m.end for m in found)
        ):
            continue  # a name the index has ("Czech Republic"), or a longer mention across its bounds
        if not any(any(official_readings(d.gaz, core)) for core in official_core(name)):
            continue
        found = [m for m in found if not (start <= m.start and m.end <= end)]
        found.append(d.rec.mention(text, start, end, "gazetteer", "GAZ", "gazetteer_name"))
    return found


# A feature's generic word in lower case after its name, as British and wire style writes it: "the Noto peninsula",
# "the Bekaa valley", "the Mekong delta" (a space first, for a fast scan).
_LOWER_GENERIC = re.compile(
    " (?:"
    + _alternation(
        "peninsula|valley|delta|river|lake|island|islands|mountains|desert|strait|plateau|basin|canyon|gorge|"
        "glacier|lagoon|archipelago"
    )
    + r")\b"
)
_NAME_BEFORE_GENERIC = re.compile(r"(?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+$")


def _lower_case_features(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A natural feature whose generic word is written in lower case: "the Noto peninsula", "the Bekaa valley" —
    the whole name when the gazetteer holds it as a feature's own name or alias (not a town's), over NER's or the
    matcher's shorter mention of its first words (rule ``gazetteer_name``)."""
    text, added = d.text, []
    for generic in _LOWER_GENERIC.finditer(text):
        before = _NAME_BEFORE_GENERIC.search(text, max(0, generic.start() - 60), generic.start())
        if before is None:
            continue
        start, end = before.start(), generic.end()
        if text.startswith(("The ", "THE "), start):
            start += 4  # "The Mekong delta" at a sentence's start
        while True:  # the longest run of capitalised words before it that names a feature with it
            key = normalize_name(text[start:end])
            if any(c.name_kind <= 1 and not c.fcode.startswith("PPL") for c in d.gaz.candidates(key)):
                break
            space = text.find(" ", start, generic.start())
            if space < 0 or space + 1 >= generic.start():
                start = -1
                break
            start = space + 1
        if start < 0 or any(m.start < start < m.end or m.start < end < m.end for m in found):
            continue  # no feature of the name, or a longer mention across its bounds
        found = [m for m in found if not (start <= m.start and m.end <= end)]
        added.append(d.rec.mention(text, start, end, "gazetteer", "GAZ", "gazetteer_name"))
    return found + added


def _former_minor_names(d: _Doc, found: list[Mention]) -> list[Mention]:
    """An old name or another spelling, one word, of a city of ``FORMER_MINOR_POPULATION`` up to 300,000 people,
    right after a word that says place (:data:`_LOCATIVE_ONE_WORD`), rare in English, no census name and nothing
    NER took for a person, an organisation or a product: "deported from Kovno", "students in Louvain" (rule
    ``former_name``)."""
    text, taken, added = d.text, _Spans((m.start, m.end) for m in found), []
    for hit in _LOCATIVE_ONE_WORD.finditer(text):
        start, end = hit.span(1)
        surface = hit.group(1)
        key = normalize_name(surface)
        if (
            taken.overlaps(start, end)
            or not d.rec.is_former_minor(key)
            or key in d.gaz.strong_keys
            or key in d.rec.former
            or any(s <= start and end <= e for s, e in d.person_spans)
            or any(e.label_ in _NOT_PLACE_ENTITIES and e.start_char <= start < e.end_char for e in d.ents)
            or not _rare_name(surface)
        ):
            continue
        added.append(d.rec.mention(text, start, end, "gazetteer", "GAZ", "former_name"))
    return added


def _former_history_names(d: _Doc, found: list[Mention]) -> list[Mention]:
    """An old name of a town of ``FORMER_HISTORY_POPULATION`` or more that no town of ``FORMER_HISTORY_NAMESAKE``
    has as its own (one word, or two joined by a hyphen; under ``FORMER_HISTORY_NAMESAKE`` people, only a name rare in
    English) in a sentence that tells of the past (:data:`geo.placestring.HISTORY`), right
    after what armies and travellers did to a place or a preposition of place (:data:`_HISTORY_CUE`): "D'Annunzio
    seized Fiume in 1919", "took the waters at Marienbad in 1823", "mutinied at Cattaro in February 1918", "born in
    Thorn in 1473" — over NER's person or organisation, which old names are to it, unless the text uses the word
    for a person (rule ``former_name``)."""
    text, added = d.text, []
    taken = _Spans((m.start, m.end) for m in found if m.source != "maybe")
    for hit in _HISTORY_CUE.finditer(text):
        start, end = hit.span(1)
        surface = hit.group(1)
        key = normalize_name(surface)
        if (
            taken.overlaps(start, end)
            or _WORD_FROM_A_PERSON.search(text, max(0, hit.start() - 24), hit.start() + 1)
            or key.count(" ") > 1
            or key not in d.rec.former_history
            or key in d.gaz.strong_keys
            or surface in d.person_words
            or surface in d.given_names
            or surface in d.surnames
            or surface in _listed_given_names()
            or any(s <= start and end <= e and (s, e) != (start, end) for s, e in d.person_spans)
            or _DOES_WHAT_A_PERSON_DOES.match(text, end)
            or not _history(text, start, end)
            # of a town under FORMER_HISTORY_NAMESAKE people, only a name rare in English ("reached Neptune in
            # 1989", "translated into Malay in 1733" name no village)
            or (
                not any(
                    c.name_kind == 2 and c.population >= FORMER_HISTORY_NAMESAKE
                    for c in d.gaz.candidates(key)
                )
                and not _rare_name(surface)
            )
        ):
            continue
        added.append(d.rec.mention(text, start, end, "gazetteer", "GAZ", "former_name"))
        taken.add(start, end)
    return added


def _former_unsaid(d: _Doc, key: str, start: int, end: int, places: list[tuple[int, int]]) -> bool:
    """An old name of a city under a million people (``key`` not in ``former_major``) where neither the words say
    place (:func:`_said_as_place`) nor its sentence is history (:data:`geo.placestring.HISTORY`) for a name of its
    own, rare in English: "Rozen's wife, Julia" (Plovdiv's Latin name), not "Before the war, Vilna was a centre of
    Yiddish publishing"."""
    if key in d.rec.former_major or _said_as_place(d.text, start, end, places):
        return False
    # A sentence of history says place for a name on its own, rare in English, that NER took for no person and
    # that does nothing a person does ("Seretse Khama", "Brezhnev ordered the war in 1979", "Senna won in 1988").
    return not (
        _history(d.text, start, end)
        and _rare_name(d.text[start:end])
        and not _NAME_WORD_BEFORE.search(d.text, max(0, start - 30), start)
        and not _NAME_GOES_ON.match(d.text, end)
        and (start, end) not in d.person_spans
        and not _acts_as_a_person(d, "", start, end)
        and not _DOES_WHAT_A_PERSON_DOES.match(d.text, end)
    )


# What a person does, right after the name ("Senna won", "Brezhnev ordered"; a city "was", "fell", "grew").
_DOES_WHAT_A_PERSON_DOES = re.compile(
    r" (?:\w+ly )?(?:won|wins|scored|led|leads|ordered|said|says|told|wrote|sang|played|married|died|resigned|signed|"
    r"argued|insisted|believed|decided|claimed|denied|admitted|replied|recalled|joined|commanded|served|starred|"
    r"aired|spoke|taught|studied|painted|composed|directed|coached|ruled|reigned)\b"
)


_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’-]* $")
# A one-word name right after a word that says the place itself (not "of", "to", "at", "via": "a pair of Nikes",
# "a dash of Sriracha", "reported to Andropov"); a space first, for a fast scan.
_LOCATIVE_ONE_WORD = re.compile(
    " (?:"
    + _alternation(
        "in|In|from|From|near|Near|into|outside|Outside|across|through|visited|visiting|left|reached|fled"
    )
    + r") ([A-Z][^\W\d_]+)\b(?![ -]?[A-Z]|['’]s\b)"
)


FORMER_MINOR_POPULATION = (
    100_000  # an old name, one word, of a city this big is a place where the words say so ("in Kovno")
)
# What comes from a person, before "from": "orders came from Zhdanov", "a letter from Lemberg's mayor" (not "fled from").
_WORD_FROM_A_PERSON = re.compile(
    r"\b(?:orders?|came|come|letters?|messages?|instructions|word|calls?|telegrams?|greetings|support|approval) $"
)
FORMER_HISTORY_POPULATION = (
    1_000  # … of a town this big, in a sentence of history right after what was done to it ("seized Fiume")
)
FORMER_HISTORY_NAMESAKE = 5_000  # … that no town this big has as its own name
# What armies and travellers did to a place, or a preposition of place, right before a capitalised word (or two
# joined by a hyphen: "Cap-Français") that no capitalised word follows; a space first, for a fast scan.
_HISTORY_CUE = re.compile(
    " (?:"
    + _alternation(
        "in|at|to|from|into|near|outside|seized|captured|besieged|occupied|liberated|stormed|held|defended|"
        "evacuated|annexed|entered|bombed|shelled|founded|reached|fled|left|burned|sacked|razed|surrendered|"
        # "the siege of Candia", "the merchants of Leghorn": what a town has, and "of" ("the Treaty of Adrianople",
        # "the Battle of X" are place_phrase's)
        "siege of|port of|city of|town of|fall of|sack of|"
        "capture of|relief of|massacre of|merchants of|people of|citizens of|inhabitants of|governor of|bishop of|"
        "harbour of|harbor of|walls of|streets of|garrison of|mayor of|university of|burghers of"
    )
    # (a word of the past between: "at ancient Shechem", "in medieval Ragusa")
    + r")(?: (?:ancient|old|biblical|medieval|mediaeval|Roman|Byzantine|Ottoman|colonial))? "
    + r"([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)\b(?![ -]?[A-Z]|['’]s\b)"
)


def _said_as_place(text: str, start: int, end: int, places: list[tuple[int, int]]) -> bool:
    """Whether the words make *text[start:end]* a place: a locative word before it ("fled to", "left", "in"), or one
    of *places* (spans) listed right before or after it ("from Smyrna to Salonika" has both)."""
    if _LOCATIVE_CUE.search(text, max(0, start - 16), start):
        return True
    return any(
        (e <= start and LIST_GAP.fullmatch(text, e, start)) or (end <= s and LIST_GAP.fullmatch(text, end, s))
        for s, e in places
    )


def former_name(d: _Doc, key: str) -> bool:
    """A former name or another spelling of a city of 300,000 or more that GeoNames keeps only as an alternate
    name: "Leningrad", "Constantinople", "Peking", "Bombay" — claimed like a strong name by the text matcher and over
    NER's person or organisation (the mention records this rule) — below a million people only where the words say place
    (``_said_as_place``); not when a town of 100,000 or more, an admin unit or a
    feature has it as its own name ("Canton", Ohio)."""
    return key in d.rec.former and key not in d.gaz.strong_keys


def _words_rule(
    found: list[Mention], said: set[tuple[int, int]], rule: str, sources: tuple[str, ...]
) -> list[Mention]:
    """*found* with the mentions of exactly the spans in *said* (from *sources*, not already a context rule's) given
    *rule*: the words around them say place, so no filter undoes them ("the Mexican state of Tabasco", NER's
    organisation, is no sauce)."""
    if not said:
        return found
    return [
        replace(m, rule=rule)
        if (m.start, m.end) in said and m.source in sources and m.rule not in _CONTEXT_RULES
        else m
        for m in found
    ]


def _found_places(found: list[Mention]) -> list[Mention]:
    return [m for m in found if not m.demonym_of and m.source in ("ner", "gazetteer", "dateline")]


# ", WI", ", Okla.", ", N.S." after a town: a state or province code that NER may not tag.
_STATE_CODE_AFTER = re.compile(
    # (the comma first, then what comes before it: a scan skips to the commas at once)
    # ("CALGARY, Alta. —": after an all-caps dateline town, a press abbreviation with its full stop)
    rf",(?:(?<=[a-z],)|(?<=[A-Z],)(?= [A-Z][a-z]{{1,4}}\.)) ({STATE_ABBREVIATION}|{'|'.join(k for k in PRESS_ONLY if '.' not in k)})"
    r"(?=[,;:)]|\.?(?:\s|$))"  # "Greenville, MS." ends a sentence
)


_IN_BEFORE = re.compile(
    r"[^\s,](?:,? in (?:the )?(?:(?:far |deep |rural |coastal )?(?:north|south|east|west|central|mid)"
    r"(?:-?(?:east|west))?(?:ern|erly)?(?:-(?:north|south|east|west)(?:ern)?)? )?|, )$"
)  # "Castlerea in County Roscommon", "Toyota, in Aichi prefecture", "Deal, Kent", "Ragusa, in south-east Sicily"
_IN_BEFORE_REACH = 40  # characters before the unit's name that _IN_BEFORE may span
IN_COUNTY_KM = 60.0  # "Castlerea in County Roscommon": a town this near the county's point is in it
IN_COUNTY_POPULATION = 1_000  # … and this big (a name before "in" is often no town: "Smith in Kerry")


def _town_in_county(
    d: _Doc,
    parent_start: int,
    areas: list[Candidate],
    taken: _Spans,
    added: list[Mention],
    said: set[tuple[int, int]],
) -> None:
    """A town just before "in" (or ", in", or a comma) and an admin-1 unit that holds it, or a county or region the
    text names within ``IN_COUNTY_KM`` of its point: "a man from Castlerea in County Roscommon", "roads around Gap
    in the Hautes-Alpes", "a boat sank off Deal, Kent" — added when NER missed it; NER's own entity of exactly the town is marked in *said* (it takes
    this rule, so the filters do not undo it: "Toyota, in Aichi prefecture")."""
    text = d.text
    if not (sep := _IN_BEFORE.search(text, max(0, parent_start - _IN_BEFORE_REACH), parent_start)):
        return
    end = sep.start() + 1
    words = _words(text, max(0, end - 40), end)
    for i in range(max(0, len(words) - 3), len(words)):
        s, e = words[i][0], end
        if words[-1][1] != end or not all(text[w[0]].isupper() for w in words[i:]):
            continue
        key = normalize_name(text[s:e])
        if (
            key in _stop_words()
            # a common word's town only in an apposition, as the whole capitalised name, and no name NER gave to a
            # firm, a building or a date: "Orange, in central-west New South Wales" (not "Florida State University,
            # in northern Florida", "Last August, in southern California")
            or (
                key in d.rec.stop
                and (
                    ", in " not in sep.group()
                    or key in _CALENDAR
                    or (i > 0 and text[words[i - 1][0]].isupper())
                    or any(
                        ent.start_char < e
                        and s < ent.end_char
                        and ent.label_ not in (*PLACE_LABELS, "PERSON")
                        for ent in d.ents
                    )
                )
            )
            or text[s:e] in d.person_words
            or any(ps <= s and e <= pe for ps, pe in d.person_spans)
        ):
            continue
        if any(
            c.fcode.startswith("PPL")
            and c.name_kind == 0
            and c.population >= IN_COUNTY_POPULATION
            and any(
                c.admin1 == a.admin1
                if a.fcode == "ADM1"
                else great_circle_km(c.lat, c.lon, a.lat, a.lon) <= IN_COUNTY_KM
                for a in areas
            )
            for c in d.gaz.candidates(key)
        ):
            if taken.overlaps(s, e):
                said.add((s, e))  # NER's "Toyota, in Aichi prefecture": the words' rule, no firm's
            else:
                added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "town_comma_parent"))
                taken.add(s, e)
            return


def town_comma_parent(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A name the gazetteer has inside the state or country written after it: "Near Moab, Utah", "Outside Tonopah,
    Nev.", "Kanab, Utah", "Oshkosh, WI, expects" — a town NER missed or called a person; the parent is a found
    mention or a state code."""
    text, gaz = d.text, d.gaz
    taken = _Spans((m.start, m.end) for m in found)
    added: list[Mention] = []
    parents: list[
        tuple[int, set[str]]
    ] = []  # where the parent starts, the admin-1 and country codes it names
    # "Castlerea in County Roscommon", "Gap in the Hautes-Alpes": a county or region after "in", with its points.
    counties: list[tuple[int, list[Candidate]]] = []
    for parent in _found_places(found):
        candidates = [c for c in gaz.candidates(parent.text) if c.name_kind <= 1]
        codes = {c.admin1 for c in candidates if c.fcode == "ADM1"} | {
            c.country for c in candidates if c.fcode == "PCLI"
        }
        if codes or (
            codes := set(d.rec.qualifiers.after(text, parent.start - 2).admin1)
        ):  # "N.S.": press only
            parents.append((parent.start, codes))
        if _IN_BEFORE.search(text, max(0, parent.start - _IN_BEFORE_REACH), parent.start):
            areas = [c for c in candidates if c.fcode in ("ADM1", "ADM2") or (c.curated and c.fcode == "RGN")]
            if areas:
                counties.append((parent.start, areas))
    said: set[tuple[int, int]] = set()
    for parent_start, areas in counties:
        _town_in_county(d, parent_start, areas, taken, added, said)
    found = _words_rule(found, said, "town_comma_parent", ("ner",))
    for match in _STATE_CODE_AFTER.finditer(text):
        # The qualifier reader the resolver and the geocoder use (geo.placestring): postal codes, press abbreviations.
        if not taken.overlaps(*match.span(1)) and (
            codes := set(d.rec.qualifiers.after(text, match.start()).admin1)
        ):
            parents.append((match.start(1), codes))
    by_end = {m.end: m for m in found if m.source == "ner"}
    # NER's town before its state that a person of the text is named like: the words' rule, so no person's filter
    # undoes it ("Mark Sheridan … an account in Sheridan, Wyo.")
    named: set[tuple[int, int]] = set()
    for parent_start, codes in parents:
        if not (comma := _COMMA_BEFORE.search(text, max(0, parent_start - 4), parent_start)):
            continue
        before_comma = comma.start(1)
        words = _words(text, max(0, before_comma - 60), before_comma)
        if (
            (town := by_end.get(before_comma)) is not None
            and " " not in town.text
            and town.text in d.person_words  # (NER's town otherwise keeps its own rule)
            and not town.demonym_of
            and any(c.admin1 in codes for c in gaz.candidates(normalize_name(town.text)) if c.name_kind <= 1)
        ):
            # (its state, not its country: "Freeland, U.S. Trade Representative")
            named.add((town.start, town.end))
            continue
        if not words or words[-1][1] != before_comma or taken.overlaps(words[-1][0], before_comma):
            continue
        # The longest run of capitalised words that ends at the comma and names a place in the parent.
        run: list[tuple[int, int]] = []
        for w in reversed(words[-5:]):
            inner = bool(run) and (
                text[w[0] : w[1]] in _PARTICLES or text[w[0] : w[1]] == "or"
            )  # "Truth or Consequences"
            if not (text[w[0]].isupper() or inner) or (run and not _JOINER.fullmatch(text[w[1] : run[0][0]])):
                break
            run.insert(0, w)
        while run and not text[run[0][0]].isupper():
            run.pop(0)
        if run and any(
            ps < run[-1][1] and run[0][0] < pe and " " in text[ps:pe].strip() for ps, pe in d.person_spans
        ):
            continue  # "Senate President David Williams, U.S. Rep." (NER's one-word person "Gary, IN," is a town)
        for i in range(len(run)):
            s, e = run[i][0], run[-1][1]
            key = normalize_name(text[s:e])
            if key in _stop_words() or _LEADING_LOCATIVE.match(text, s, e + 1):
                continue
            if any(
                c.admin1 in codes or (c.country in codes and c.fcode != "PCLI") for c in gaz.candidates(key)
            ):
                added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "town_comma_parent"))
                taken.add(s, e)
                break
    return _words_rule(found, named, "town_comma_parent", ("ner",)) + added


# ", Leyte,", ", Cavite." after a town: the capitalised name of what may be its province, up to the clause's end.
_UNIT_AFTER_COMMA = re.compile(rf", ({_NAME})(?=[,.;:)]|$)")


# A county's name is often a common one in English ("Cambridgeshire" 3.1, "Kent" 4.2, "Yorkshire" 4.0 on wordfreq's
# Zipf scale) and the unit holding the town is evidence enough; no word as common as "Union" (5.1), "Orange" (4.6).
UNIT_AFTER_TOWN_ZIPF = 4.3


def unit_after_town(d: _Doc, found: list[Mention]) -> list[Mention]:
    """The province or state after a found town's comma that holds one of the town's readings, when NER missed it
    or took it for a firm or a people: "survivors in Tanauan, Leyte, are waiting", "Floods hit Carmona, Cavite,
    on Monday" (Philippine, Italian, Spanish and Indonesian news write a town with its province). An admin-1 unit
    holds a reading with its code; an admin-2 unit (GeoNames has no admin-2 code per town here) of the reading's
    admin-1 unit within ``UNIT_HOLDS_TOWN_KM`` of it ("Ely, Cambridgeshire"). Not a word as common in English as
    ``UNIT_AFTER_TOWN_ZIPF``, nor inside a longer person's name."""
    text, gaz = d.text, d.gaz
    taken = _Spans((m.start, m.end) for m in found)
    added: list[Mention] = []
    for m in _found_places(found):
        match = _UNIT_AFTER_COMMA.match(text, m.end)
        if match is None or taken.overlaps(*match.span(1)):
            continue
        s, e = match.span(1)
        key = normalize_name(text[s:e])
        # (NER's person of the unit's name alone is no person here: "in Salisbury, Wiltshire, …")
        if zipf_in_english(key) >= UNIT_AFTER_TOWN_ZIPF or any(
            ps < e and s < pe and (ps, pe) != (s, e) for ps, pe in d.person_spans
        ):
            continue
        units = [c for c in gaz.candidates(key) if c.name_kind <= 1 and c.fcode in ("ADM1", "ADM2")]
        if not units:
            continue
        towns = [
            c
            for c in gaz.candidates(normalize_name(m.text))
            if c.fcode.startswith("PPL") and c.name_kind <= 1
        ]
        if any(
            u.admin1 == t.admin1
            and (u.fcode == "ADM1" or great_circle_km(u.lat, u.lon, t.lat, t.lon) <= UNIT_HOLDS_TOWN_KM)
            for u in units
            for t in towns
        ):
            added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "unit_after_town"))
            taken.add(s, e)
    return found + added


# After the dateline town's name again: a speaker's verb (a firm's or a person's), or a firm's or a paper's word
# ("Lincoln Financial", "the Ardmore Herald"; "the Harwinton Senior Center", "Byesville Volunteer Fire Department"
# name the town, as both dev corpora mark it).
_NOT_THE_TOWN_AFTER = re.compile(
    r"\s+(?:said|says|told|tells|announced|reported|added|argued|wrote)\b"
    r"| (?:Financial|Bank|Bancorp|Corp|Corporation|Inc|Group|Holdings|Motors|Insurance|Capital|Partners|Airlines|"
    r"Electric|Energy|Foods|Industries|Post|Times|Herald|Journal|Gazette|Tribune|Star|Daily|News|Record)\b"
)


def dateline_again(d: _Doc, found: list[Mention]) -> list[Mention]:
    """The dateline's town named again in the story, however NER took it: "CARBONDALE, Illinois — Students
    returned to Carbondale on Monday", "ARDMORE, Okla. (AP) — Ardmore schools will stay closed" — a whole word
    spelt like it, capitalised but not in capitals (a line in capitals is a heading), outside NER's person and the
    text's persons' names."""
    line = next((m for m in found if m.source == "dateline"), None)
    if line is None:
        return found
    taken = _Spans((m.start, m.end) for m in found)
    added = []
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(line.text)}(?![\w'’-])", re.IGNORECASE)
    for match in pattern.finditer(d.text, line.end):
        s, e = match.span()
        surface = match.group()
        if (
            not surface[0].isupper()
            or surface.isupper()
            or taken.overlaps(s, e)
            or surface in d.person_words
            or _NOT_THE_TOWN_AFTER.match(d.text, e)  # "Lincoln said it would cut jobs", "Lincoln Financial"
            or any(ent.label_ == "PERSON" and ent.start_char <= s and e <= ent.end_char for ent in d.ents)
        ):
            continue
        added.append(d.rec.mention(d.text, s, e, "gazetteer", "GAZ", "dateline_again"))
    return found + added if added else found


def state_code(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A state or province code after a town it holds, as a name of its own: "Eugene, OR", "Bangor, ME,", "Truro,
    N.S.", "Nashville, Tenn." — the admin-1 unit the text names (the press writes it as a toponym; NER seldom tags a
    two-letter code). Only where the found name right before the comma has a reading in that unit."""
    text, gaz = d.text, d.gaz
    taken = _Spans((m.start, m.end) for m in found)
    ends = {m.end: m for m in found if not m.demonym_of}
    added = []
    at = {(m.start, m.end): i for i, m in enumerate(found)}
    for match in _STATE_CODE_AFTER.finditer(text):
        s, e = match.span(1)
        town = ends.get(match.start())
        if town is None or (taken.overlaps(s, e) and (s, e) not in at):
            continue
        codes = set(d.rec.qualifiers.after(text, match.start()).admin1)
        if not (codes and any(c.admin1 in codes for c in gaz.candidates(town.text))):
            continue
        if (s, e) in at:  # NER's "MS": the same code, now read as one (no acronym or credential filter)
            if text[s:e].isupper():
                found[at[s, e]] = replace(found[at[s, e]], rule="state_code")
        else:
            added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "state_code"))
            taken.add(s, e)
    return sorted(found + added, key=lambda m: m.start) if added else found


NEAR_TOWN_POPULATION = 5_000  # "beaches near Tulum": a town NER missed after "near" this big is claimed
OWNER_TOWN_POPULATION = 2_000  # "Moab's old town": a town this big owns what a town has after its possessive
_STORM_BEFORE = re.compile(r"\b(?:Hurricane|Storm|Typhoon|Cyclone|Tropical Storm|Tropical Depression) $")


BATTLE_TOWN_POPULATION = (
    1_000  # … and a town this big by its own name, what a battle, siege or treaty is named for
)
_BATTLE = re.compile(r"(?:Battle|Siege|Treaty) of ")
HISTORY_TOWN_POPULATION = 100_000  # a town this big by any of its names is what "the Treaty of X" names
RENAMED_TOWN_POPULATION = (
    10_000  # … and a town this big, what a renaming names ("Bakhmut, known as Artemivsk")
)
HOME_TOWN_POPULATION = 5_000  # a town this big by its own name is what "X, home of …" names


_BESIDE = re.compile(rf", {_BESIDE_THE} ({_NAME})")


def _lies_by_a_place(d: _Doc, key: str, end: int) -> bool:
    """Whether "X, on the Y border/coast/river," (X ending at *end*) says where town *key* lies: X a town of
    ``PREDICATE_TOWN_POPULATION`` by its own name, Y a people's name or a place the gazetteer knows ("Hof, on the
    Czech border", "Sedan, on the Meuse"; not "Smith, on the Labour benches")."""
    beside = _BESIDE.match(d.text, end)
    if beside is None or not _own_town(d.gaz, key, PREDICATE_TOWN_POPULATION):
        return False
    where = normalize_name(beside.group(1))
    return bool(d.gaz.demonym(where) or d.gaz.candidates(where))


def _named_by_history(
    d: _Doc,
    key: str,
    start: int,
    end: int,
    least: int = HISTORY_TOWN_POPULATION,
    person: bool = False,
    own_least: int | None = None,
) -> bool:
    """Whether "the Treaty/Siege/Battle… of X" names a place: a strong name ("Leningrad", "Richmond") or a town of
    *least* people by any of its names ("Adrianople": Edirne; "Laibach": Ljubljana) — never NER's person ("the
    Fall of Nixon"), a hamlet's alternate name ("Peace of Mind") nor a name or word common in English
    (``_rare_name``: "the Battle of Ali and Frazier"). A renaming says more than a battle: ``RENAMED_TOWN_POPULATION``
    there ("Bakhmut, known as Artemivsk from 1924"), and NER's person too (*person*) when the other name is a
    place's: "Luhansk, known as Voroshilovgrad from 1935" (named after a man), not "Peshkov, known as Gorky". A battle,
    a siege or a treaty is named after small towns by their own names too (*own_least*: "the Battle of Culloden",
    "the Siege of Mafeking")."""
    if not person and any(
        e.label_ == "PERSON" and e.start_char <= start and end <= e.end_char for e in d.ents
    ):
        return False
    surface = d.text[start:end]
    # a big city's former name common in English is no place here ("renamed Julia": Plovdiv by its Latin name)
    return (d.rec._claimable(key, surface) and (key in d.gaz.strong_keys or _rare_name(surface))) or (
        _rare_name(surface)  # not "Ali" (an alternate name of Ağrı)
        and any(
            c.fcode.startswith("PPL")
            and (
                c.population >= least
                or (own_least is not None and c.name_kind == 0 and c.population >= own_least)
            )
            for c in d.gaz.candidates(key)
        )
    )


RESIDENCE_TOWN_POPULATION = (
    500  # "…, 34, of Ratoath,": a town this big by its own name is where a person lives
)
PEOPLE_TOWN_POPULATION = 1_000  # "Arrowtown shopkeepers": a town this big by its own name has its people


def _whole_town_name(d: _Doc, start: int, end: int) -> int:
    """The end of the longer name of a town that opens at *start* with *text[start:end]* and goes on in lower-case
    words a name may hold ("Portage" of "Portage la Prairie", "Sault" of "Sault Ste. Marie"): a town's own name,
    from the text matcher's compound names; else *end*."""
    first = next(d.rec.match_names(d.text, start, min(len(d.text), start + 60), compound=True), None)
    if first is None or first[0] != start or first[1] <= end:
        return end
    town = any(
        c.name_kind == 0 and c.fcode.startswith("PPL")
        for c in d.gaz.candidates(normalize_name(d.text[slice(*first)]))
    )
    return first[1] if town else end


def _partner_renamed(d: _Doc, match: re.Match[str], group: str) -> bool:
    """Whether the other name of a renaming (*group* of *match*) names a town (NER's person allowed: the first
    name is being judged by it)."""
    start, end = match.span(group)
    return _named_by_history(
        d, normalize_name(d.text[start:end]), start, end, RENAMED_TOWN_POPULATION, person=True
    )


def _one_town_renamed(d: _Doc, match: re.Match[str]) -> bool:
    """Whether both names of a renaming ("s, known as t from …", "s, as t was called", "x (now w)") are names of one
    town the gazetteer knows, whatever its size: "Frobisher Bay, as Iqaluit was called until 1987" (both Iqaluit's),
    not "Peshkov, known as Gorky" (no name of Peshkov's)."""
    pair = ("s", "t") if match.lastgroup in ("s", "t") else ("x", "w")
    first, second = (normalize_name(match.group(group)) for group in pair)
    towns = {c.id for c in d.gaz.candidates(first) if c.fcode.startswith("PPL")}
    return bool(towns) and any(c.id in towns for c in d.gaz.candidates(second))


def _owner_is_a_town(d: _Doc, key: str, start: int) -> bool:
    """Whether the owner before "'s harbour", "'s new station" can be a town: a town of ``OWNER_TOWN_POPULATION``
    or more, or a unit, by its own name — not a listed company ("Ford's port operations") nor a named storm
    ("Hurricane Florence's flooded streets")."""
    if key in word_list("organisations.txt") or _STORM_BEFORE.search(d.text, max(0, start - 22), start):
        return False
    return any(
        c.name_kind <= 1 and (not c.fcode.startswith("PPL") or c.population >= OWNER_TOWN_POPULATION)
        for c in d.gaz.candidates(key)
    )


def _near_worthy(c: Candidate) -> bool:
    """A candidate worth claiming after "near" in words NER left alone: a town of ``NEAR_TOWN_POPULATION`` or more
    by its own name, or a unit or feature."""
    if c.fcode.startswith("PPL"):
        return c.name_kind == 0 and c.population >= NEAR_TOWN_POPULATION
    return c.name_kind <= 1


_UNIT_NOUN = re.compile(r" (?:state|emirate|oblast|canton|prefecture|governorate|province|region|county) of ")


def _names_a_unit(gaz: Gazetteer, key: str) -> bool:
    """Whether *key* is the own name of a country, an admin unit or a region ("Kansas", "Moray", "Galilee")."""
    return any(c.name_kind <= 1 and not c.fcode.startswith("PPL") for c in gaz.candidates(key))


# What fishermen catch, said before them: "Salmon fishermen" (Salmon, Idaho), "Cod fishermen".
_CATCH = frozenset(
    "tuna salmon cod crab lobster herring mackerel shrimp prawn oyster scallop squid sardine anchovy haddock "
    "halibut trout eel mussel clam hake pollock snapper".split()
)


def place_phrase(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A name the gazetteer knows where the words around it say it is a place: "the town of Orange", "north of
    Avignon", "residents of Ruidoso", "Orange lies north of Avignon", "Gap, a town in the Alps", "Reading council
    voted", "beaches near Tulum" — however NER labelled it and whatever word it also is."""
    text, taken, added = d.text, _Spans((m.start, m.end) for m in found), []
    # NER's entity of exactly the name, said as a place here: the words' rule, so no filter undoes what they say
    # ("the Mexican state of Tabasco" is no sauce, "the town of Nokia" no phone maker).
    said: set[tuple[int, int]] = set()
    matches = [
        *_cued(_OF_PHRASE, _OF_CUE, text, 80, 80),
        *(match for pattern, cue in _PLACE_PHRASES for match in _cued(pattern, cue, text, 80, 80)),
        *_cued(_OTHER_NAME, _OTHER_NAME_CUE, text, 80, 80),
        *_cued(_NEAR_PHRASE, _NEAR_CUE, text, 24, 60),
        *_cued(_NEARBY_PAIR, _NEAR_CUE, text, 40, 60),
        *_cued(_SAID_PHRASE, _SAID_CUE, text, 60, 60),
    ]
    # The alternative's name: a, b, n, p of _OF_PHRASE, c–h, q, z, A, B, C, Q, R, T, U, V, W of _PLACE_PHRASES, r–y of _OTHER_NAME, i of
    # _NEAR_PHRASE, D of _NEARBY_PAIR, j–m and o of _SAID_PHRASE; two names in "s, known as t from …" and "x (now w)".
    named = [
        (match, group)
        for match in sorted(matches, key=lambda m: m.start())
        for group in {"t": "st", "w": "xw", "B": "AB"}.get(match.lastgroup or "", match.lastgroup or "")
    ]
    for match, group in named:
        s, e = match.span(group)
        if group == "n" and not all(
            w.islower() or d.gaz.demonym(normalize_name(w)) or _names_a_unit(d.gaz, normalize_name(w))
            for w in match.group("desc").split()
        ):
            continue  # describing words in lower case, a demonym or a unit's name ("the Greek island", "the Moray town")
        if text.endswith(("'s", "’s"), s, e):
            e -= 2  # "Gore's mayor": the name, not its possessive
        words = _words(text, s, e)
        if (
            # a person's word, unless a place's noun says so: "the town of Mayfield" whoever Dennis Mayfield is
            (text[s:e] in d.person_words and group not in "an")
            or (group in "CQUVWdefghijklmoy" and (text[s:e] in _INSTITUTIONS or len(text[s:e].split()) > 2))
            # an old name said to be a town ("Breslau was a German city in the war") is former_name's to weigh
            or (group == "Q" and former_name(d, normalize_name(text[s:e])))
            or (
                group in "jm"
                and normalize_name(text[s:e]) in word_list("organisations.txt")  # "its Mercedes plant"
            )
        ):
            continue
        # "Avignon Cathedral" → Avignon; but "Michael Racey, a city spokesman" is no place by half its name.
        for j in range(len(words), 0 if group in "abcgin" else len(words) - 1, -1):
            ws, we = words[0][0], words[j - 1][1]
            if j < len(words) and text.startswith(("'", "’"), we):
                continue  # "outside King's College": no "King" before a possessive
            key = normalize_name(text[ws:we])
            if taken.overlaps(ws, we):
                # NER's entity of the name takes the words' rule — not a listed firm's name before "-based" or
                # "plant" ("its Mercedes plant" is the carmaker's).
                if (
                    group in "abcdhklnortuvwyCQTUV"
                    or (group in "sx" and _partner_renamed(d, match, {"s": "t", "x": "w"}[group]))
                    or (group in "stxw" and _one_town_renamed(d, match))
                    or (group in "jm" and key not in word_list("organisations.txt"))
                    # "Berkeley's city council voted", "Reading council": no university or club filter undoes it
                    or (group in "ef" and _owner_is_a_town(d, key, ws))
                ):
                    said.add((ws, we))
                break
            if (
                # a place's noun said of it makes even a stop word a name: "Side, the Turkish resort town"
                # ("at Side, the Turkish resort town"; not "Still, the city remained calm")
                (
                    key not in _stop_words()
                    or group in "an"
                    or (group == "d" and _LOCATIVE_CUE.search(text, max(0, ws - 16), ws) is not None)
                )
                and key not in _CALENDAR
                and (
                    group not in "fghio"
                    or key not in d.rec.stop
                    # a given name said to lie somewhere is the town: "Florence, just across the river from Muscle
                    # Shoals", "Charlotte, 90 miles north of Columbia" (no person lies north of a town)
                    or (group == "o" and text[ws:we] in census_given_names())
                )  # weaker cues: "Outside Hope, the company said", "Liberty's streets"
                and len(key) > 2
                and not d.gaz.demonym(key)
                and d.gaz.candidates(key)
                # the first words of a longer name by a place's own name only: "Ole" of "Ole Miss is located in
                # Oxford" is no Olean by an alternate name
                and (j == len(words) or any(c.name_kind <= 1 for c in d.gaz.candidates(key)))
                # "near Smith's farm": after "near", a town of some size or a feature, not every hamlet
                and (group not in "ijmoABD" or any(_near_worthy(c) for c in d.gaz.candidates(key)))
                # a route's end by a surname is left to NER ("the border between Smith and Jones"), unless the other
                # end is a strong place's name ("trains between Reading and London")
                and (
                    group not in "AB"
                    or text[ws:we] not in census_names()
                    or normalize_name(match.group("B" if group == "A" else "A")) in d.gaz.strong_keys
                )
                # "the Mexican state of Tabasco": a unit's noun wants a unit's reading ("the state of Grace" is none)
                and (group != "n" or not _UNIT_NOUN.search(match.group()) or _names_a_unit(d.gaz, key))
                # "Ford's port operations", "Hurricane Florence's flooded streets": a firm's or a storm's
                and (group != "f" or _owner_is_a_town(d, key, ws))
                # "Tuna fishermen", "Salmon fishermen": a common word before the town's people is a town by its own
                # name only, and never the catch of a fisherman ("Deal residents", "Hastings fishermen" stay towns)
                and (
                    group != "e"
                    or key in d.gaz.strong_keys
                    or " " in key
                    or not common_in_english(text[ws:we])
                    or (
                        not (text.startswith(" fishermen", we) and key in _CATCH)
                        and any(c.name_kind <= 1 for c in d.gaz.candidates(key))
                    )
                )
                # "Gori officials": a town by its own name, rare in English, no firm ("Google officials": Topeka's
                # joke name; "Apple growers")
                and (
                    group != "z"
                    or (
                        # NER said nothing of it ("Pemex officials", "Aintree officials": its firm, its person)
                        not any(e.start_char < we and ws < e.end_char for e in d.ents)
                        and _rare_name(text[ws:we])
                        and key not in word_list("organisations.txt")
                        and _own_town(d.gaz, key, PEOPLE_TOWN_POPULATION)
                    )
                )
                # "the Treaty of Adrianople", not "the Fall of Nixon", "Peace of Mind"
                and (
                    group != "p"
                    or _named_by_history(
                        d,
                        key,
                        ws,
                        we,
                        own_least=BATTLE_TOWN_POPULATION if _BATTLE.match(match.group()) else None,
                    )
                )
                # "Matamata, home of …": a town of its own name (not "Smith, home of the brave")
                and (
                    group != "y"
                    or (
                        _own_town(d.gaz, key, HOME_TOWN_POPULATION)
                        # a ground's home: "Stamford Bridge, home of Chelsea", "Hampden, home of Scottish football"
                        and not _VENUE_WORD_ENDS.search(text, ws, we)
                        and not _HOME_OF_A_SIDE.match(text, match.end())
                    )
                )
                # "renamed Zhdanov", "Tarnopol, then part of Austria-Hungary", "Tanjore (now Thanjavur)"
                and (
                    group not in "rstuvwx"
                    or (group in "stxw" and _one_town_renamed(d, match))
                    or _named_by_history(
                        d,
                        key,
                        ws,
                        we,
                        RENAMED_TOWN_POPULATION,
                        person=group in "tw" and taken.overlaps(*match.span({"t": "s", "w": "x"}[group])),
                    )
                    # "X, known as Y from …", "X (now Y)": X only when Y is a town's name too ("Madison, known as
                    # Julia until 2001" is a singer)
                    and (group not in "sx" or _partner_renamed(d, match, {"s": "t", "x": "w"}[group]))
                )
                # "Hof, on the Czech border": a town of its own name, beside a people's or a place's name
                and (group != "q" or _lies_by_a_place(d, key, match.end("q")))
                # "Taung, where …": a town of its own name rare in English, no firm or university ("Google, where she
                # worked", "Harvard, where he studied")
                and (
                    group != "W"
                    or (
                        _rare_name(text[ws:we])
                        and key not in word_list("organisations.txt")
                        and key not in word_list("universities.txt")
                        and _own_town(d.gaz, key, 0)
                    )
                )
                # "…, 34, of Ratoath,": a town of its own name where a person lives (not "of Oracle", a firm)
                and (
                    group != "R"
                    or (
                        _own_town(d.gaz, key, RESIDENCE_TOWN_POPULATION)
                        and key not in word_list("organisations.txt")
                    )
                )
            ):
                we = _whole_town_name(d, ws, we)
                added.append(d.rec.mention(text, ws, we, "gazetteer", "GAZ", "place_phrase"))
                taken.add(ws, we)
                break
    # "Flood Waters Rise In Grafton As River Peaks": in a headline every word is capitalised, so after a capitalised
    # locative word the longest run of words that is a town of NEAR_TOWN_POPULATION or more, or a feature.
    for hs, he in d.headlines:
        for match in _HEADLINE_LOCATIVE.finditer(text, hs, he):
            words = _words(text, match.end(), min(he, match.end() + 60))[:3]
            for j in range(len(words), 0, -1):
                s, e = words[0][0], words[j - 1][1]
                key = normalize_name(text[s:e])
                if (
                    not all(text[w[0]].isupper() for w in words[:j])
                    or taken.overlaps(s, e)
                    or key in _stop_words()
                    or key in d.rec.stop
                    or key in _CALENDAR
                    or d.gaz.demonym(key)
                ):
                    continue
                if any(_near_worthy(c) for c in d.gaz.candidates(key)):
                    added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "place_phrase"))
                    taken.add(s, e)
                    break
        # "Mildura Man Charged Over Crash", "Shepparton Woman Wins Lotto": the run of words right before a
        # headline's person or body is the town they are from — a town of PREDICATE_TOWN_POPULATION by its own
        # name, no common word ("Iron Man"), no person's name of the text.
        for match in _HEADLINE_PEOPLE.finditer(text, hs, he):
            words = _words(text, max(hs, match.start() - 60), match.start())[-3:]
            for j in range(len(words)):
                s, e = words[j][0], words[-1][1]
                key = normalize_name(text[s:e])
                if (
                    not all(text[w[0]].isupper() for w in words[j:])
                    or taken.overlaps(s, e)
                    or key in _stop_words()
                    or key in d.rec.stop
                    or key in _CALENDAR
                    or d.gaz.demonym(key)
                    # a person's name elsewhere — not NER's "person" that runs on into the noun ("Mildura Man Charged")
                    or (
                        text[s:e] in d.person_words
                        and not any(
                            x.label_ == "PERSON" and x.start_char <= s and match.start() < x.end_char
                            for x in d.ents
                        )
                    )
                    or (common_in_english(key) and key not in d.gaz.strong_keys)
                ):
                    continue
                if _own_town(d.gaz, key, PREDICATE_TOWN_POPULATION):
                    added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "place_phrase"))
                    taken.add(s, e)
                    break
    # "a ferry from Plymouth to Santander", "flights from Bodrum to Istanbul": one end of a route the text names as a
    # place makes the other end a place (a town of NEAR_TOWN_POPULATION or more, or a feature).
    places = _Spans((m.start, m.end) for m in _found_places(found))
    for match in _cued(_ROUTE, _ROUTE_CUE, text, 40, 60):
        # … or a word of travel says route: "ferries from Fremantle to Rottnest Island were cancelled" (NER's one
        # organisation over both ends)
        travel = _TRAVEL_BEFORE.search(text, max(0, match.start() - 24), match.start()) is not None
        for one, other in (("j", "k"), ("k", "j")):
            s, e = match.span(one)
            if not (travel or places.overlaps(*match.span(other))) or normalize_name(
                match.group(other)
            ) in word_list("organisations.txt"):
                continue  # the other end no place, or a listed firm's name ("from Ford to Toyota": two carmakers)
            key = normalize_name(text[s:e])
            if taken.overlaps(s, e):
                said.add((s, e))  # "from Plymouth to Santander": the port, whatever bank has its name
            elif (
                key not in _stop_words()
                and key not in _CALENDAR
                and key not in d.rec.stop
                and text[s:e] not in d.person_words
                and not d.gaz.demonym(key)
                # (on the word of travel alone, no surname: "the drive from Smith to Jones")
                and (places.overlaps(*match.span(other)) or text[s:e] not in census_names())
                and any(_near_worthy(c) for c in d.gaz.candidates(key))
            ):
                added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "place_phrase"))
                taken.add(s, e)
    return _words_rule(found, said, "place_phrase", ("ner", "gazetteer")) + added


# … of which the ones that say place of a name that is no common word (not "at", "to", "from": "trained at
# Wharton", "moved to Deloitte").
# Verbs of war and of storms that take a town: "rebels seized Rutshuru", "wildfires ravaged Lahaina".
_TAKES_A_TOWN = (
    r"seized|captured|recaptured|shelled|bombed|besieged|evacuated|liberated|overran|battered|devastated|engulfed|"
    r"ravaged|flattened|lashed|inundated|swamped|isolated"
)
# (capitalised, the prepositions that open a sentence before a town and its comma: "Near Florence, farmers …")
_OPENING_PREPOSITIONS = "Near|Outside|Around|Across|Beyond|Through"
_UNTAGGED_AFTER = re.compile(
    rf"(?:in|near|outside|around|across|into|towards?|through|via|beyond|{_OPENING_PREPOSITIONS}|{_TAKES_A_TOWN}) "
)
_PLACE_PREPOSITIONS = (
    "in|to|from|near|at|outside|around|across|into|toward|towards|through|via|beyond|visited|visiting|"
    + _OPENING_PREPOSITIONS
    + "|"
    + _TAKES_A_TOWN
).split("|")
_AFTER_PREPOSITION = re.compile(
    rf"\b(?:{'|'.join(_PLACE_PREPOSITIONS)}) "
    r"([A-Z][^\W\d_A-Z]{2,})\b"
    r"(?![ -][A-Z]|['’]s [A-Z]| (?:de|del|de la|da|do|di|du|la|le|los|las) [A-Z])"  # "Real de Catorce" goes on
)
_PREPOSITION_ENDS = _word_ends(_PLACE_PREPOSITIONS, r"[A-Z][^\W\d_A-Z]{2,}\b")  # (see _after_word_ends)


# A weather record only a place keeps: "Orange recorded its coldest morning", "Katherine recorded 42 degrees".
_WEATHER_RECORD = (
    r" (?:recorded|had|endured|saw|logged) (?:its |their |a |the )?(?:coldest|hottest|wettest|driest|warmest|"
    r"windiest|snowiest)\b| (?:recorded|reached|hit|topped) (?:minus )?\d{1,2}(?:\.\d)? ?(?:degrees|°C?|C\b|F\b)|"
    # "Buffalo got 30 inches of snow", "Erie received two feet of snow overnight", "picked up 2½ feet of fresh snow"
    r" (?:got|received|recorded|saw|had|picked up|measured) (?:about |nearly |almost |more than |over |up to )?"
    r"(?:\d[\d.,½¼¾]*|½|one|two|three|four|five|six|seven|eight|nine|ten|a) ?"
    r"(?:inch|inches|foot|feet|cm|centimet(?:er|re)s|mm|millimet(?:er|re)s) of (?:(?:fresh|new|heavy|wet) )?"
    r"(?:snow|rain|rainfall)\b"
)
_WEATHER_AFTER = re.compile(_WEATHER_RECORD)
_OWNS_TOWN_THING = re.compile(rf"['’]s {_DESCRIBING}(?:{_TOWN_BUILT})\b")


_MONTH_OR_DAY = rf"(?:{MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
# After a name opening a sentence: the sentence goes on of "the town" (village, shire, hamlet), naming nothing
# between (see common_word_town); an alternative of _TOWN_PREDICATE, and looked for on its own after its other
# alternatives ("Swakopmund banned quad bikes from its dunes, a move tour operators in the town say…").
_ANAPHOR = (
    r" (?!(?:said|says|told|tells|added|adds|argued|argues|wrote|writes|asked|asks|insisted|warned|noted|"
    r"claimed|explained|announced|believes|thinks|thought|hopes|hoped|knows|knew|"
    # (where a person goes and lives: "Okoro moved to the town in 1990")
    r"moved|moves|visited|visits|toured|tours|returned|returns|arrived|arrives|lived|lives|grew up|left|fled|came|"
    r"went|was born|drove|walked|flew|travell?ed|represents|represented|served|serves|worked|works|bought|"
    r"settled)\b)"
    # (nor the town as what it acts on, right after its verb: "Keroka declared that the town…", "… toured the town")
    r"(?![a-z]+(?: [a-z]+)? (?:(?:that|to|in|into|at|from|for|around|across|about|with|over|on|near|outside) )?"
    r"the (?:[a-z-]+ ){0,3}?(?:town|village|shire|township|hamlet)\b)"
    # ("…, and shoppers in the town", "…, within 15 km of the town", "… in the small harbour town": wherever the
    # sentence goes on of the town, naming nothing between)
    rf"(?=(?P<stretch>(?:[^.!?\nA-Z]|{_MONTH_OR_DAY}){{0,120}}?)\bthe "
    r"(?:[a-z-]+ ){0,3}?(?:town|village|shire|township|hamlet)(?:['’]s)?\b(?! of\b))"
)
# … or opening a sentence before words said of a town: "Split's old town", "Bath has banned cars", "Nice will host".
_TOWN_PREDICATE = re.compile(  # (?=[A-Z]) first: the scan skips the places no name opens at once
    # (a name's letters may carry accents: "Tromsø cancelled its marathon…")
    rf"(?=[A-Z])(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][^\W\d_A-Z]{{2,}})(?=['’]s {_TOWN_THING}|"
    r" (?:city )?council\b| has a population of\b|"
    rf" (?:{_TOWN_BUILT})\b(?! (?:of|for)\b)|"  # "Nice airport reopened", "Split harbour was packed"
    r" (?:will host|hosted|hosts|is hosting|(?:has been|was|is) (?:chosen|selected|picked) to host|"
    r"has banned|banned|twinned|station|flooded|"
    r"was flooded|is flooding|is bracing|braced|braces for|shook(?! (?:his|her|their|its|hands)\b)|trembled|"
    r"was evacuated|was devastated|(?:mourned|mourns|celebrated)(?! (?:his|her|their)\b)|shivered|sweltered|"
    r"shivers|swelters|bakes|"
    r"was inundated|lies (?:(?:about |some )?\d[\d,.]* (?:km|kilometres|kilometers|miles) )?"
    rf"{_COMPASS} of|"
    r"was (?:hit|struck|battered|shaken|lashed|cut off) by)\b|"
    rf"{_WEATHER_RECORD}|"
    # "Bridgwater has opened a new bus station", "Hexham will get a new high street": what only a town gets
    r" (?:has|have|will|is to|is set to|is getting|gets|got) (?:opened|open|get|got|unveiled|unveil|lost|lose|built|"
    rf"build)? ?(?:a|an|its) (?:first |second |new |long-awaited )?(?:{_TOWN_BUILT})\b|"
    # "Inuvik reopened its airport", "Tofino closed its harbour" (its own: "Bowen opened a new pier" is a minister)
    rf"(?P<owned> (?:reopened|opened|closed|unveiled|lost|built) its {_DESCRIBING}(?:{_TOWN_BUILT})\b)|"
    # what it has ("its"), then the sentence goes on of "the town", naming nothing between: "Merritt lost its only
    # grocery store in March, and the town has been without one", "Collie will lose its power stations, and the
    # town's council wants…" (not "Bowen said the town…", "Hanson toured the mine, and the town's residents…": a
    # person's; not "Hoover closed its factory in Merthyr Tydfil, and the town…")
    rf"(?P<anaphor>{_ANAPHOR})|"
    # "Whyalla wants a new hospital, its mayor told…": what only a town has, its own later in the sentence (" its "
    # looked for first, at once: the lazy scan after it tries every place up to 60 characters on)
    rf"(?=[^.!?\n]{{0,61}} its )[^.!?\n]{{0,60}}?,? its {_DESCRIBING}(?:mayor|council|town hall|main street|"
    r"high street|harbou?r|seafront|waterfront|townspeople)\b)"
)


_GOES_ON_OF_THE_TOWN = re.compile(_ANAPHOR)


# What is said of a town that may as well be said of a person NER took the name for ("Tarbes was cut off by the
# floods" is a town; "Devonport was hit by a car", "Devonport hosted the dinner" may be a person).
_PERSON_MAY_DO = re.compile(
    r" (?:will host|hosted|hosts|is hosting|(?:has been|was|is) (?:chosen|selected|picked) to host|"
    r"has banned|banned|braces for|shook|trembled|was evacuated|"
    r"mourned|mourns|celebrated|shivered|sweltered|shivers|swelters|bakes|was devastated|was inundated|was (?:hit|struck|cut off|battered|shaken|lashed) by)\b"
)
# What hits a person, not a town: "Sterling was hit by a taxi", "… was cut off by the defence".
_HIT_LIKE_A_PERSON = re.compile(
    r" was (?:hit|struck|cut off|knocked down|injured) by (?:\S+ ){0,3}(?:car|taxi|cab|bus|truck|lorry|van|vehicle|"
    r"motorbike|motorcycle|bike|bicycle|scooter|train|tram|ball|bullet|stone|rock|punch|elbow|ban|fine|injury|"
    r"suspension|defender|defence|defense|tackle|referee|opponent|rival|partner|husband|wife|driver|cyclist|"
    r"officer|player|shot)s?\b"
)
# … unless what hit it is weather or a disaster: "Tarbes was cut off by the floods", "Murree was cut off by snow".
_DISASTER = (
    r"(?i:snow|snowfall|snowstorms?|floods?|flooding|floodwaters|storms?|rain|rains|downpours?|hail|winds?|gales?|"
    r"landslides?|mudslides?|fires?|wildfires?|bushfires?|blazes?|flames|earthquakes?|quakes?|tremors?|"
    r"tornado(?:e?s)?|cyclones?|typhoons?|hurricanes?|blizzards?|heatwaves?|drought|tsunamis?|explosions?|"
    r"shelling|missiles?|air ?strikes?|power cuts?|blackouts?|smoke|haze|smog|ash|ashfall)"
)
_DISASTER_BY = re.compile(
    rf" was (?:hit|struck|cut off|battered|shaken|lashed|devastated|inundated) by (?:\S+ ){{0,4}}{_DISASTER}\b"
)
# A disaster, or the people who act on towns, doing what is done to a town: "The storm isolated Greymouth",
# "Floodwaters cut off Kottayam", "Firefighters evacuated Lithgow", "Gardaí sealed off part of Swords",
# "Floodwaters isolated Young and Cowra" — no person is isolated by a storm, whatever NER guessed.
_TOWN_NAME = r"[A-Z][^\W\d_A-Z]{2,}(?: [A-Z][^\W\d_A-Z]{2,}){0,2}(?![ -][A-Z]|['’\w])"  # "Prince George"
_STRUCK_TOWN = re.compile(
    rf"\b(?:{_DISASTER} (?:(?:has|have|had|also|again|now|quickly) )*"
    r"(?i:reached|hit|struck|swept (?:through|into|across)|tore through|ripped through|cut off|isolated|battered|"
    r"lashed|pounded|engulfed|inundated|ravaged|devastated|threatened|rocked|swamped|blanketed|shrouded|choked|"
    r"buried|paralysed|paralyzed|"
    # the present of a headline or a live report: "Bushfire threatens Bega", "Floods Cut Off Tenterfield"
    r"reaches|hits|strikes|sweeps (?:through|into|across)|tears through|rips through|cuts off|isolates|batters|"
    r"lashes|pounds|engulfs|inundates|ravages|devastates|threatens|rocks|swamps|blankets|shrouds|chokes|buries)"
    # people act on a town only by these ("Police hit Bradley with a baton" is a person)
    r"|(?i:firefighters|troops|soldiers|forces|rebels|militants|insurgents|police|gardaí|gardai|authorities|rescuers|"
    r"crews|devotees|pilgrims|crowds|protesters) (?:(?:has|have|had|also|again|now|quickly) )*"
    r"(?:evacuated|shelled|bombed|besieged|thronged|sealed off|cordoned off|recaptured|retook|overran|flocked to|"
    r"poured into))"
    r" (?:(?:parts?|much|most|all|the outskirts|the centre|the center) of )?"
    rf"(?P<towns>{_TOWN_NAME}(?:(?:, | and ){_TOWN_NAME}){{0,3}})"
)
_STRUCK_VERBS = (  # (any case: "Floods Cut Off Tenterfield")
    "reached|hit|struck|swept|tore|ripped|cut off|isolated|battered|lashed|pounded|engulfed|inundated|"
    "ravaged|devastated|threatened|rocked|swamped|blanketed|shrouded|choked|buried|paralysed|paralyzed|"
    "reaches|hits|strikes|sweeps|tears|rips|cuts off|isolates|batters|lashes|pounds|engulfs|inundates|ravages|"
    "devastates|threatens|rocks|swamps|blankets|shrouds|chokes|buries"
)
_ACTED_VERBS = (
    "evacuated|shelled|bombed|besieged|thronged|sealed off|cordoned off|recaptured|retook|overran|flocked to|"
    "poured into"
)
_STRUCK_CUE = re.compile(  # the verb every _STRUCK_TOWN match holds: the pattern is tried only around one
    # (the verbs' first letters looked at first: a space before any other word is passed over by one test, where
    # the case-blind alternatives were each tried there)
    f" (?=(?i:[{''.join(sorted({verb[0] for verb in _STRUCK_VERBS.split('|')}))}])"
    f"|[{''.join(sorted({verb[0] for verb in _ACTED_VERBS.split('|')}))}])"
    f"(?:(?i:{_alternation(_STRUCK_VERBS)})|{_alternation(_ACTED_VERBS)}) "
)
_LISTED_TOWN = re.compile(_TOWN_NAME)


def common_word_town(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A big town whose name is also a common word or a given name, after a preposition of place and named by no
    entity (NER's one-word organisation, person or place of that name aside: "officials in Florence"): "moved to
    Reading", "the Roman baths in Bath", "ferries from Split", "a summit in Nice"; or opening a
    sentence before words said of a town: "Split's old town was packed", "Bath has banned cars", "Nice will host the
    summit" — the words around it say place, where the text matcher leaves such names alone ("Reading is fun").
    Also a town whose name is no common word, in the same places (NER's one-word entity of it aside): after "in",
    "via", "near", "beyond"… when it has ``UNTAGGED_TOWN_POPULATION`` people ("the festival in Ayvalık"), and opening
    a sentence before words said of a town when it has ``PREDICATE_TOWN_POPULATION`` ("Murree was cut off by
    snow"; not "Sterling was hit by a taxi"), or ``ANAPHOR_TOWN_POPULATION`` when the sentence goes on of "the town"
    with nothing named between ("Lerwick lost its last cash machine, and shoppers in the town…"; not "Keroka moved to
    the town", "Keroka said the town…")."""
    text, gaz, taken, added = d.text, d.gaz, _Spans((m.start, m.end) for m in found), []
    # NER's organisation, person or place of exactly the name ("officials in Florence" as ORG) is no longer name.
    entities = _Spans(
        (e.start_char, e.end_char)
        for e in d.ents
        if e.label_ not in ("ORG", "PERSON", "GPE", "LOC", "FAC") or len(e) > 1
    )
    matches = [
        *_after_word_ends(_AFTER_PREPOSITION, _PREPOSITION_ENDS, text),
        *_at_openings(_TOWN_PREDICATE, text),
    ]
    for match in sorted(matches, key=lambda m: m.start(1)):
        s, e = match.span(1)
        key = normalize_name(match.group(1))
        # What only a town has ("Deal's pier") says place for a smaller town than a preposition does.
        strong = _OWNS_TOWN_THING.match(text, e) or _WEATHER_AFTER.match(text, e)
        least = POSSESSIVE_TOWN_POPULATION if strong else COMMON_WORD_TOWN_POPULATION
        # The sentence goes on of "the town", however the words right after the name read (a name rare in English
        # that nothing makes a person): "Swakopmund banned quad bikes from its dunes, a move tour operators in the
        # town say will cost jobs" is the town, though "banned" alone may be a person's.
        said_again = match.re is _TOWN_PREDICATE and (
            match.group("anaphor") is not None
            or (
                _GOES_ON_OF_THE_TOWN.match(text, e) is not None
                and _rare_name(match.group(1))
                and not _acts_as_a_person(d, "", s, e)
            )
        )
        # Opening a sentence before words said of a town: a given name or NER's person does only what no person does
        # ("Jackson was evacuated to hospital", "Lincoln shook his head" are people; "Lismore was devastated by the
        # floods" is the town).
        if (
            match.re is _TOWN_PREDICATE
            and not strong
            and not _OWNS_TOWN_THING.match(text, e)
            and (
                match.group(1) in _listed_given_names()
                or match.group(1) in d.person_words
                or _HIT_LIKE_A_PERSON.match(text, e)
                or (
                    _PERSON_MAY_DO.match(text, e)
                    and not _DISASTER_BY.match(text, e)
                    and not (said_again and match.group("anaphor") is None)
                    and any(x.label_ == "PERSON" and x.start_char == s and x.end_char == e for x in d.ents)
                )
            )
        ):
            continue
        if match.re is _TOWN_PREDICATE and (match.group("owned") or match.group("anaphor")) is not None:
            label = next((x.label_ for x in d.ents if (x.start_char, x.end_char) == (s, e)), "")
            if key in word_list("organisations.txt") or (
                # NER's organisation: the town only by a name rare in English that the sentence goes on of as "the
                # town" ("Winnemucca approved a new plant, ending notices that had frustrated residents of the town")
                label == "ORG" and (match.group("anaphor") is None or not _rare_name(match.group(1)))
            ):
                continue  # a firm opens its port: "Adani opened its new port", "Nokia cut 500 jobs, and the town…"
            if match.group("anaphor") is not None and (
                # nothing around makes it a person ("…, who", "…, 34,", "his" or "her" in the sentence), and NER's
                # person is a town only by a name rare in English ("Lerwick lost its last cash machine, and shoppers
                # in the town…"; not "Hanson toured …")
                _acts_as_a_person(d, "", s, e)
                or (label == "PERSON" and not _rare_name(match.group(1)))
                or match.group(1) in census_given_names()
                # a census name or a word only with what it has ("its"): not "Hanson toured the mine, and the town…"
                or (not _rare_name(match.group(1)) and " its " not in f" {match.group('stretch')} ")
            ):
                continue  # "Clinton visited the plant, and the town's mayor…"
        if key not in d.rec.stop and match.re is _TOWN_PREDICATE and not _OWNS_TOWN_THING.match(text, e):
            # A name that is no common word, opening a sentence before words said of a town, which NER left alone:
            # "Murree was cut off by snow", "Katherine recorded 42 degrees".
            least = ANAPHOR_TOWN_POPULATION if said_again else PREDICATE_TOWN_POPULATION
        elif key not in d.rec.stop:
            # A name that is no common word after a preposition of place, untagged by NER: "diverted via Naas",
            # "the festival in Ayvalık" — a town of UNTAGGED_TOWN_POPULATION or more; after "at", "to", "from" only a
            # name rare in English that is no census name ("schools at Bairnsdale"; not "trained at Wharton", "an
            # analyst from Barclays").
            if (
                match.group(1) in d.person_words
                or match.group(1) in _listed_given_names()
                or key in word_list("organisations.txt")  # "shoppers in Zara"
                or not (
                    _UNTAGGED_AFTER.match(match.group())
                    or (
                        _rare_name(match.group(1))
                        # not a school's: "an MBA at Strathmore", "a degree from Deakin"
                        and not _STUDY.search(text, max(0, s - 60), s)
                        and not _DEGREE_BEFORE.search(text, max(0, s - 60), s)
                    )
                )
            ):
                continue
            least = UNTAGGED_TOWN_POPULATION
        if (
            key in _CALENDAR
            or taken.overlaps(s, e)
            or entities.overlaps(s, e)
            or not _own_town(gaz, key, least)
        ):
            continue
        added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "common_word_town"))
        taken.add(s, e)
    # Done to a town by a disaster or by those who act on towns: a town by its own name of
    # PREDICATE_TOWN_POPULATION people (COMMON_WORD_TOWN_POPULATION for a common word), whatever NER called it.
    for match in _cued(_STRUCK_TOWN, _STRUCK_CUE, text, 60, 120):
        # NER's "Prince George and Quesnel": the struck towns it took for one person lend it no person's words
        merged = [
            (x.start_char, x.end_char)
            for x in d.ents
            if " and " in x.text and match.start("towns") <= x.start_char and x.end_char <= match.end("towns")
        ]
        for hit in _LISTED_TOWN.finditer(text, *match.span("towns")):
            s, e = hit.span()
            key = normalize_name(hit.group())
            least = COMMON_WORD_TOWN_POPULATION if key in d.rec.stop else PREDICATE_TOWN_POPULATION
            if (
                key in _CALENDAR
                or (hit.group() in d.person_words and not any(ms <= s and e <= me for ms, me in merged))
                or _acts_as_a_person(d, "", s, e)  # "Troops evacuated Bradley, 34, to hospital"
                or taken.overlaps(s, e)
                # NER's longer entity from the name on, not its guess that swallowed the verb ("Floodwaters isolated
                # Young") nor its one-word guess of the name ("Sigatoka" as PRODUCT)
                or any(
                    x.start_char >= match.start("towns") and len(x) > 1 and " and " not in x.text
                    for x in d.ents
                    if x.start_char < e and s < x.end_char
                )  # (NER's "Prince George and Quesnel" is two towns it took for one person)
                or not _own_town(gaz, key, least)
            ):
                continue
            added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "common_word_town"))
            taken.add(s, e)
    # What befell a town, named by it: "the Knysna fires", "Uvalde shooting", "the Kaikoura earthquake" — a town of
    # PREDICATE_TOWN_POPULATION or more by its own name rare in English, no person's name of the text (not "Smith
    # shooting"; named fires such as "the Camp Fire" are capitalised and left alone).
    for match in _cued(_TOWN_EVENT, _TOWN_EVENT_CUE, text, 40, 20):
        s, e = match.span("town")
        key = normalize_name(match.group("town"))
        if (
            taken.overlaps(s, e)
            or match.group("town") in d.person_words
            or match.group("town") in _listed_given_names()
            or not _rare_name(match.group("town"))
            or key in d.rec.stop
            or key in _CALENDAR
            or d.gaz.demonym(key)
            or not _own_town(gaz, key, PREDICATE_TOWN_POPULATION)
        ):
            continue
        added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "common_word_town"))
        taken.add(s, e)
    # A byline's town, a line of its own: "By Amina Yusuf, Potiskum" — a town of PREDICATE_TOWN_POPULATION or more
    # by its own name, no stop word, no listed firm ("By Jane Doe, Reuters"), no common word ("Globe", "Beacon").
    for hit in _BYLINE_TOWN.finditer(text, 0, min(len(text), BYLINE_CHARS)):
        s, e = hit.span("town")
        key = normalize_name(hit.group("town"))
        if (
            key in d.rec.stop
            or key in _stop_words()
            or key in word_list("organisations.txt")
            or taken.overlaps(s, e)
            or not _own_town(gaz, key, PREDICATE_TOWN_POPULATION)
            or common_in_english(key)  # a paper's or a job's name: "Globe", "Leader", "Beacon"
        ):
            continue
        added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "common_word_town"))
        taken.add(s, e)
    # Headlines of capitalised words, where no case says what is a name: a town opening the headline before what is
    # said of a town ("Cockermouth Flooded Again As River Bursts Banks", "Gympie Residents Told To Evacuate"), or
    # after a verb that takes a town ("Floodwaters Cut Off Kerrville") — PREDICATE_TOWN_POPULATION people or more.
    for hs, he in d.headlines:
        first = _HEADLINE_TOWN_FIRST.match(text, hs, he) or _HEADLINE_TOWN_THING.match(text, hs, he)
        for hit in [*([first] if first else []), *_HEADLINE_TOWN_OBJECT.finditer(text, hs, he)]:
            s, e = hit.span("town")
            key = normalize_name(hit.group("town"))
            if (
                key in _stop_words()
                or key in d.rec.stop
                or key in _CALENDAR
                or hit.group("town") in _listed_given_names()  # NER's "persons" in headlines are its guesses
                or taken.overlaps(s, e)
                # a smaller town by a name rare in English and no census name: "Longreach Graziers Welcome Rain"
                or not (
                    _own_town(gaz, key, PREDICATE_TOWN_POPULATION)
                    or (
                        _own_town(gaz, key, HEADLINE_TOWN_POPULATION)
                        and _rare_name(hit.group("town"))
                        # a politician's name is as often before them: "Lapid Voters Rally", "Berri Officials"
                        and not ("rare" in hit.re.groupindex and hit.group("rare") in ("Officials", "Voters"))
                    )
                )
                or ("rare" in hit.re.groupindex and hit.group("rare") and common_in_english(key))
            ):
                continue
            added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "common_word_town"))
            taken.add(s, e)
    return found + added


_ACCORDING_TO_BEFORE = re.compile(r"\b[Aa]ccording to $")
# What follows a firm's, a product's, a person's or a side's name more than a town's (review15): "Anta shares hit a
# record", "Kurti government rejects", "Sandu supporters rallied", "Chahal wickets", "Vittel bottles", "Lautaro nets a
# hat-trick", "Kudus is a special player".
_NO_TOWN_AFTER = re.compile(
    r"['’]?s? (?:shares?|profits?|revenues?|earnings|government|administration|cabinet|party|"
    r"supporters|loyalists|allies|aides|camp|wickets?|goals?|innings|bottles?|tiles?|dogs?|puppies|crew|products?|"
    r"brand|stake|deal|takeover|bid|says|tells|insists|scores|nets|signs|joins|admits|denies|vows|warns|urges|"
    r"slams|resigns|quits|wins|beats|loses|is an? (?!(?:town|city|village|port|resort|suburb)\b))\b"
)
_VINTAGE_BEFORE = re.compile(r"\b(?:1[6-9]|20)\d\d $")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:]|\n)[\s\"“‘'(]*$")  # before a sentence's first word
RARE_TOWN_POPULATION = 5_000  # an untagged name rare in English that is only a town this big by its own name
# Opening a sentence or in a headline, a capital says nothing: a town's name there must be rarer in English than this
# Zipf value (no noun: "Gypsum prices rose" 2.93, "Osprey numbers" 2.89; "Navan welcomes" 1.92) unless its possessive
# follows.
SENTENCE_START_ZIPF = 2.5


# "Navan", "Ürgüp" (≡ (?<![^\W_])[^\W\d_a-z]…, the letter first: see _CAPITALISED)
_TITLE_WORD = re.compile(rf"{_NOT_LOWER_FIRST}(?<![^\W_].)[^\W\d_A-Z]{{3,}}(?![^\W_])")
_LETTER = re.compile(r"[^\W\d_]")
_PARTICLE_AFTER = re.compile(
    r" (?:" + "|".join(sorted(map(re.escape, _PARTICLES), key=len, reverse=True)) + r")(?: the)? (?=\S)"
)


def _standalone_words(text: str, skip: Callable[[int, int], bool]) -> Iterator[tuple[int, int]]:
    """Capitalised words of four letters or more with no capitalised word beside them (across a space, a hyphen or a
    particle: not "Bad Kissingen", "Navan-Dublin", "Bay of Navan"), though a possessive may lead on to one
    ("Selkirk's Common Riding") — the one-word names of :func:`_name_runs`, found without building every run; the
    words *skip* answers True for (start, end) are passed over first, before the words around them are read."""
    for word in _TITLE_WORD.finditer(text):
        s, e = word.span()
        if not text[s].isupper() or skip(s, e):
            continue
        after = text[e : e + 2]
        if after[:1] in ("-", "–") or (after[:1] in ("'", "’") and after[1:] != "s"):
            continue
        if after[:1] == " " and text[e + 1 : e + 2].isupper():
            continue  # "Navan Road"
        if after[:1] == " " and text[e + 1 : e + 2] == "&":
            continue
        if (
            after[:1] == " "
            and (particle := _PARTICLE_AFTER.match(text, e))
            and text[particle.end()].isupper()
        ):
            continue  # "Tulum and Deal", "Navan de la Sierra"
        before = text[max(0, s - 2) : s]
        if before[-1:] in ("-", "–", "'", "’"):
            continue
        if before == ". " and _LETTER.match(text, s - 3) and text[s - 3].isupper():
            continue  # "St. Navan", "U.S. Navan"
        if (prev := _word_before(text, s)) is not None:
            if text[prev].isupper():
                continue  # "New Navan"
            if text[prev : s - 1] in _PARTICLES and (first := _word_before(text, prev)) is not None:
                if text[first].isupper():
                    continue  # "Bay of Navan", "Port de Navan"
        yield s, e


def _word_before(text: str, at: int) -> int | None:
    """Where the word that ends one space before *at* starts, or None when no word does."""
    if text[at - 1 : at] != " " or not _LETTER.match(text, at - 2):
        return None
    prev = at - 2
    while prev > 0 and _LETTER.match(text, prev - 1):
        prev -= 1
    return prev


# A town's people or wards right after a name opening a sentence or a headline: "Williston man, 87, killed",
# "Sycamore family serving as ambassadors", "Brentford ward councillor" — a name as common as SENTENCE_START_TOWN_ZIPF
# is then the town's (not "Gouda and cheddar prices", "Chard grows well").
_TOWNS_NOUN_AFTER = re.compile(
    r" (?:man|woman|men|women|boy|girl|teen|teenager|couple|family|families|resident|residents|native|ward|"
    r"wards|councillor|councilor|pupils|students|school|schools|police|firefighters|officials)\b"
)
SENTENCE_START_TOWN_ZIPF = 3.0


def rare_town(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A name standing alone (no capitalised word beside it, or before its possessive) that is only a town's: a town of
    ``RARE_TOWN_POPULATION`` people or more by its own or official name ("Tramore"), or a district's own name, rare in
    English and no census name (`_rare_name`), no listed firm or university, no person's word of the text, not acting
    as a person, and nothing NER tagged: "Navan welcomes its first train", "Selkirk's Common Riding drew hundreds" —
    where no word around it says place. Not "Okafor said" (a person by the verb), "Kobayashi, the minister", "a 1970
    Cognac" (a vintage), "Monash engineers" (a university), "Anta shares" (`_NO_TOWN_AFTER`); at a sentence start or
    in a headline not a word as common as ``SENTENCE_START_ZIPF``; NER's one-word person or firm is
    :func:`mislabelled_town`'s."""
    text, taken, added = d.text, _Spans((m.start, m.end) for m in found), []
    entities = _Spans(
        (e.start_char, e.end_char)
        for e in d.ents
        if len(e) > 1 or e.label_ in ("ORG", "PERSON", "NORP", "WORK_OF_ART")
    )
    # (NER's one-word person or firm is mislabelled_town's to weigh)
    for s, e in _standalone_words(text, lambda s, e: taken.overlaps(s, e) or entities.overlaps(s, e)):
        surface = text[s:e]
        key = normalize_name(surface)
        if (
            key in d.rec.stop
            or not (
                _own_or_official_town(d.gaz, key, RARE_TOWN_POPULATION)
                or _transliterated_town(d.gaz, key)
                or any(  # a department's or a district's own name: "the Lozère town"
                    c.fcode in ("ADM1", "ADM2") and c.name_kind <= 1 and c.population >= RARE_TOWN_POPULATION
                    for c in d.gaz.candidates(key)
                )
            )
            or _VINTAGE_BEFORE.search(text, max(0, s - 6), s)  # "a 1970 Cognac", "the 2015 Rioja"
            or key in word_list("universities.txt")  # "Monash engineers built …": the university
            or _STUDY.search(text, max(0, s - 60), s)  # "an MBA at Devonport": a school's name
            or _DEGREE_BEFORE.search(text, max(0, s - 60), s)
            or key in _CALENDAR
            or surface in d.person_words
            or surface in d.given_names
            or surface in _listed_given_names()
            or key in word_list("organisations.txt")
            or d.gaz.demonym(key)
            or not _rare_name(surface)
            or (
                text[e : e + 2] not in ("'s", "’s")
                and (
                    _OPENS_SENTENCE.search(text, max(0, s - 8), s)
                    or any(hs <= s and e <= he for hs, he in d.headlines)  # every word capitalised
                )
                and zipf_in_english(surface)
                >= (SENTENCE_START_TOWN_ZIPF if _TOWNS_NOUN_AFTER.match(text, e) else SENTENCE_START_ZIPF)
            )
            or _OUTBREAK_AFTER.match(text, e)
            or _NO_TOWN_AFTER.match(text, e)
            or _acts_as_a_person(d, "", s, e)
            or _SPEAKS.match(text, e)
            # Nothing tagged it: another verb after it ("Anderlecht signed", "Coyhaique recorded") makes it a person
            # or a firm unless the story names the country or state of one of its towns ("Coyhaique recorded the
            # worst air quality in Chile").
            or (_PERSON_VERB.match(text, e) and not _in_a_named_country(d, found, key, RARE_TOWN_POPULATION))
            or _SPOKE_BEFORE.search(text, max(0, s - 12), s)  # '…," said Okafor.'
            or _ACCORDING_TO_BEFORE.search(text, max(0, s - 14), s)
            or _listed_with_a_person(d, s, e)
        ):
            continue
        added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "rare_town"))
        taken.add(s, e)
    return found + added


_EVENT_NOUN = (  # (a trie, see _alternation: each use ends the word)
    "(?:"
    + _alternation(
        "fire|fires|bushfire|bushfires|wildfire|wildfires|blaze|flood|floods|flooding|earthquake|earthquakes|quake|"
        "quakes|tornado|landslide|landslides|mudslide|mudslides|cyclone|typhoon|hurricane|tsunami|eruption|shooting|"
        "stabbing|bombing|massacre|riot|riots|derailment|explosion|blast|siege"
    )
    + ")"
)
_TOWN_EVENT = re.compile(
    rf"(?<![\w'’-])(?!(?:The|A|An|This|That) )(?P<town>{_TOWN_NAME}) {_EVENT_NOUN}\b"
)  # "the Knysna fires"
_TOWN_EVENT_CUE = re.compile(rf" {_EVENT_NOUN}\b")
BYLINE_CHARS = 2_000  # a byline stands near the top of an article
_BYLINE_TOWN = re.compile(
    rf"(?m)^[ \t]*(?:By|BY|From) (?:[A-Z][\w'’.-]+ ){{1,3}}?[A-Z][\w'’.-]+, (?P<town>{_NAME})[ \t]*$"
)
_HEADLINE_TOWN_FIRST = re.compile(
    r"(?P<town>[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){0,2}?) (?:Residents|Flooded|Floods|Evacuated|Evacuates|Braces|Bracing|Cut Off|Mourns|"
    r"Council|Councillors|Police|Hit By|Battered By|Lashed By|Shaken By|Struck By|Records|Swamped|Inundated|"
    r"Bans|Sizzles|Swelters|Shivers|Bakes|Freezes|Farmers|Traders|Shopkeepers|Businesses|"
    r"Hoteliers|Homeowners|Families|Fishermen|Commuters|Parents|Pupils|Miners|Nurses|Teachers|Schools|Shops|"
    r"Firefighters|Volunteers|Rescuers|"
    # a name no common English word before these: "Eger Wine Festival Draws Record Crowds" (not "Spring Festival",
    # "Cocoa Growers", "Obama Voters")
    r"(?P<rare>Graziers|Growers|Officials|Voters|(?:[A-Z][a-z]+ )?(?:Festival|Carnival|Show|Fair)))\b"
)
# What only a town has, right after a headline's first name: "Otavalo Market Reopens", "Cromer Pier Reopens".
_HEADLINE_TOWN_THING = re.compile(rf"(?P<town>[A-Z][a-z]{{2,}}(?: [A-Z][a-z]{{2,}})?) (?i:{_TOWN_BUILT})\b")
_HEADLINE_TOWN_OBJECT = re.compile(
    r"\b(?:Cut Off|Isolate[sd]?|Batter(?:s|ed)?|Lash(?:es|ed)?|Swamp(?:s|ed)?|Inundate[sd]?|Evacuate[sd]?|"
    r"Ravage[sd]?|Engulf(?:s|ed)?) (?P<town>[A-Z][a-z]{2,})\b"
    r"(?! (?!(?:As|After|Amid|And|In|On|At|For|To|Of|With|Over|Again)\b)[A-Z][a-z])"
)


# A building's or ground's word closing a name NER did not find (or found inside a longer entity), read only before
# "in/at/near/outside Town" (_TOWN_SAID); the foreign opening words of one; and one-word grounds ("Ostseestadion").
_VENUE_CLOSES = re.compile(
    r"\b(?:Stadium|Arena|Park|Field|Ground|Oval|Bridge|Prison|Penitentiary|Correctional (?:Facility|Institution)|"
    r"Jail|Hospital|Medical Cent(?:er|re)|Infirmary|Airport|Cathedral|Church|Chapel|Mosque|Temple|Synagogue|"
    r"Basilica|Abbey|Museum|Gallery|Square|Station|Terminal|Mall|Plaza|Castle|Palace|Theatre|Theater|Racecourse|"
    r"Speedway|Raceway|Velodrome|Zoo|Cemetery|Courthouse|Pier|Gardens|Dam|Reservoir|Towers?|Pagoda|Monastery|"
    r"Convent|Shrine|Fortress|Citadel|Lighthouse|Bazaar)$"
)
# (No lookbehind or word boundary opens these: the scan then skips to the places their first letters allow.)
_TOWN_SAID = re.compile(r" (?:in|at|near|outside) (?:downtown )?[A-Z]")
_VENUE_OPENS = re.compile(
    r"(?:Stade|Stadion|Estadio|Stadio|Parc|Parque|Park|Piazza|Plaza|Pont|Place|Palacio|Palazzo|Hôpital) "
    r"(?:(?:de|del|de la|de los|de las|della|di|du|des|do|da|dos|das) |de l['’])?(?=[A-Z0-9])"  # "Plaza de Mayo"
)
_GROUND_WORD_ENDS = _WithWord(r"(?:stadion|stadium|arena)\b", "stadi", "arena")


def _venue_cues(text: str) -> list[tuple[int, int, bool]]:
    """Where a venue's name may close (start and end of its building word, False) or open (its foreign opening word,
    True) in *text*, in order."""
    cues = [
        (m.start(), m.end(), True)
        for m in _VENUE_OPENS.finditer(text)
        if not m.start() or not text[m.start() - 1].isalnum()
    ]
    for said in _TOWN_SAID.finditer(text):
        at = said.start() - (text[said.start() - 1 : said.start()] == ",")  # "Ground, in Leeds"
        closes = _VENUE_CLOSES.search(text, max(0, at - 24), at)
        if closes is not None:
            cues.append((closes.start(), closes.end(), False))
    for ground in _GROUND_WORD_ENDS.finditer(text):
        opens = text.rfind(" ", 0, ground.start()) + 1
        if opens < ground.start() and text[opens].isupper():  # within a word: "Ostseestadion"
            cues.append((opens, ground.end(), False))
    return sorted(set(cues))


VENUE_TOWN_NEAR_KM = 50.0  # a town named by a venue is the host town's neighbour: "Wembley Stadium in London"


def _holds(host: Candidate, town: Candidate) -> bool:
    """Whether *town* lies in *host*: its country, its admin-1 unit, or within ``VENUE_TOWN_NEAR_KM`` of a town."""
    if host.fcode == "PCLI":
        return town.country == host.country
    if host.fcode == "ADM1":
        return town.admin1 == host.admin1
    return great_circle_km(host.lat, host.lon, town.lat, town.lon) <= VENUE_TOWN_NEAR_KM


_VENUE_TOWN_AFTER = re.compile(rf",? (?:in|at|near|outside) (?:downtown )?(?P<town>{_NAME})")


def venue_name(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A venue NER missed, by its name's building or ground word and the town said with it: "Inmates at Folsom
    State Prison in Folsom", "the Forth Road Bridge at South Queensferry", "the Stade Marcel-Michelin in
    Clermont-Ferrand", "flares at the Ostseestadion in Rostock" — two or more capitalised words closing with the
    word (or opening with a foreign one, or one word ending in -stadion/-arena) right before "in", "at", "near" or
    "outside" and a place the gazetteer knows. The resolver places the venue in that town. The town is a mention too
    when it is one (``VENUE_TOWN_POPULATION``, by any of its names). Not a person's name ("Rebecca Hall in Leeds"), an
    event ("the Park Run in Bath"), a county's jail (the county stays the mention) or a listed firm."""
    text, taken = d.text, _Spans((m.start, m.end) for m in found)
    added: list[Mention] = []
    persons = _Spans((e.start_char, e.end_char) for e in d.ents if e.label_ == "PERSON")
    spans = {(m.start, m.end) for m in found}  # NER's own venue stays its mention (its town may be missed)
    for hit_start, hit_end, opening in _venue_cues(text):
        # a foreign opening word: the name runs on from it, through its particle ("Parc des Princes")
        if opening:
            rest = next(_name_runs(text, hit_end, min(len(text), hit_end + 80)), None)
            run = (
                [(hit_start, hit_end - 1), *rest]
                if rest and rest[0][0] == hit_end
                else next(_name_runs(text, hit_start, min(len(text), hit_start + 80)), None)
            )
        else:  # the closing word: the name's run up to it
            run = next(
                (r for r in _name_runs(text, max(0, hit_start - 80), hit_end) if r[-1][1] == hit_end),
                None,
            )
        if not run or any(hs <= hit_start < he for hs, he in d.headlines):
            continue  # a headline capitalises every word: "Man Dies After Fall From Bridge in Bristol"
        if not opening:
            # The name opens after "and" and after words that open sentences, say when or who: "Alison Krauss and
            # Union Station", "On Sunday Wembley Stadium", "Supporters of Crystal Palace".
            cut = [
                i
                for i, (ws, we) in enumerate(run)
                if text[ws:we] in ("and", "&")
                or (text[ws:we] == "of" and i == 1 and text[run[0][0] : run[0][1]].lower() in _PEOPLE_OF)
            ]
            run = run[cut[-1] + 1 :] if cut else run
            while len(run) > 1 and text[run[0][0] : run[0][1]].lower() in _VENUE_OPENERS:
                run = run[1:]
        s, e = run[0][0], run[-1][1]
        # A place's possessive opens no venue's name: "Kansas City's Arrowhead Stadium" is Arrowhead Stadium.
        owners = [
            m.end
            for m in found
            if s <= m.start < m.end < e
            and _POSSESSIVE_S.match(text, m.end)
            and any(
                c.name_kind <= 1 and c.population >= VENUE_OWNER_POPULATION and c.fcode != "ADM2"
                for c in d.gaz.candidates(normalize_name(m.text))
            )
        ]  # (a saint's is: "St. Luke's Medical Center")
        if owners:
            s = next((w for w, _ in run if w > max(owners) + 2), e)
            if s >= e:
                continue
        town = _VENUE_TOWN_AFTER.match(text, e)
        if (
            town is None
            # a building's word alone names none ("Stadium in Leeds", "the Medical Center at Vanderbilt")
            or (s >= hit_start and not opening and not _ONE_WORD_GROUND.fullmatch(text, s, e))
            # across another mention (not one inside it: "St. Luke's" of St. Luke's Medical Center, or its own, or
            # NER's one entity of venue and town: "the Tyne Bridge at Gateshead")
            or any(
                m.start < e
                and s < m.end
                and not s <= m.start < m.end <= town.end("town")
                and (m.start, m.end) != (s, e)
                for m in found
            )
            or any(m.start < e and s < m.end for m in added)
            or persons.overlaps(s, e)
            or _EVENT_WORD.search(text, s, e)
            or _UNIT_IN_NAME.search(text, s, e)
            or normalize_name(text[s:e]) in word_list("organisations.txt")
        ):
            continue
        key = normalize_name(town.group("town"))
        if key in _CALENDAR or not d.rec._any_place(key):
            continue
        if not town.group().lstrip(", ").startswith("in ") and (
            key in word_list("universities.txt")
            or not any(
                c.fcode.startswith("PPL")
                and c.population
                >= (VENUE_AT_OWN_POPULATION if c.name_kind == 0 else VENUE_AT_TOWN_POPULATION)
                for c in d.gaz.candidates(key)
            )
        ):
            continue  # "at/near" a town, no university or hamlet: not "the Peabody Museum at Harvard"
        ts, te = town.span("town")
        if not opening and hit_start > s + 1:
            # a town's own name before the building's word: the town, not a venue placed at the host ("Shells hit
            # the Aleppo Citadel in Syria": Aleppo; "the Tabriz Bazaar in Iran")
            named = normalize_name(text[s:hit_start].strip())
            hosts = d.gaz.candidates(normalize_name(town.group("town")))
            if any(
                c.name_kind == 0
                and c.fcode.startswith("PPL")
                and c.population >= VENUE_OWNER_POPULATION
                and any(
                    _holds(h, c) for h in hosts
                )  # the town is in the host: not "Hampton Park in Charleston"
                for c in d.gaz.candidates(named)
            ):
                found = [m for m in found if (m.start, m.end) != (s, e)]  # NER's "the Aleppo Citadel" too
                taken = _Spans((m.start, m.end) for m in [*found, *added])
                if not taken.overlaps(s, hit_start - 1):
                    added.append(d.rec.mention(text, s, hit_start - 1, "gazetteer", "GAZ", "venue_name"))
                    taken.add(s, hit_start - 1)
                continue
        if (s, e) not in spans:
            whole = [m for m in found if s <= m.start and m.end == te and (m.start, m.end) != (ts, te)]
            found = [m for m in found if not s <= m.start < m.end <= (te if whole else e)]
            taken = _Spans((m.start, m.end) for m in [*found, *added])
            added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "venue_name"))
            taken.add(s, e)
        if not taken.overlaps(ts, te) and any(
            c.fcode.startswith("PPL") and c.population >= VENUE_TOWN_POPULATION for c in d.gaz.candidates(key)
        ):  # by any of its names: "South Queensferry" is Queensferry's
            added.append(d.rec.mention(text, ts, te, "gazetteer", "GAZ", "venue_name"))
            taken.add(ts, te)
    return found + added


_PEOPLE_OF = frozenset(
    "supporters fans residents members friends people citizens followers players staff workers students".split()
)  # "Supporters of Crystal Palace" (not "Bank of America Stadium")
_VENUE_OPENERS = _CALENDAR | frozenset(
    "the a an on in at by for from to of and or but as after before during since this that these those its their "
    "his her our my when while".split()
)
# "at/near" a town (not "in"): this big by its own name, or by another ("the Forth Road Bridge at South Queensferry");
# not "Queen's Park at Hampden" (a ground, not Hampden, Maryland)
VENUE_AT_OWN_POPULATION = 10_000
VENUE_AT_TOWN_POPULATION = 5_000
VENUE_OWNER_POPULATION = 10_000  # "Kansas City's Arrowhead Stadium": a town this big owns the venue after it
VENUE_TOWN_POPULATION = 1_000  # "the Forth Road Bridge at South Queensferry": the town after a venue's name
_POSSESSIVE_S = re.compile(r"['’]s ")
_ONE_WORD_GROUND = re.compile(r"[A-Z][a-zäöü]+(?:stadion|stadium|arena)")


# An institution's word after "X's" (a saint's or a founder's): "St. John's ER", "St. Mary's students".
_INSTITUTION_AFTER_POSSESSIVE = re.compile(
    r" (?:High|Elementary|Middle|Catholic|Episcopal|Lutheran|Methodist|Baptist|Regional|Medical|Memorial|ER|"
    r"Hospital|School|College|University|Academy|Church|Parish|students|pupils|patients|parishioners|hospital|"
    r"school|church)\b"
)


def possessive_name(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A name the gazetteer spells with a possessive, of which NER took only the words before it: "St. John's"
    (NER's "St. John", Saint John, New Brunswick), "Land's End" — the mention takes its "'s" when a place's own
    name is written so ("Paris's mayor", "Jackson's office": no place's name has the possessive)."""
    out = []
    for m in found:
        end = m.end
        if (
            d.text.startswith(("'s", "’s"), end)
            and not d.text[end + 2 : end + 3].isalnum()
            # a saint's church, school or hospital stays the saint's ("St. Mary's High School")
            and _SAINTS_INSTITUTION.match(d.text, end) is None
            and not _INSTITUTION_AFTER_POSSESSIVE.match(d.text, end + 2)
        ):
            key = normalize_name(d.text[m.start : end + 2])
            if any(c.name_kind <= 1 and ("'s" in c.name or "’s" in c.name) for c in d.gaz.candidates(key)):
                m = d.rec.mention(d.text, m.start, end + 2, m.source, m.label, "possessive_name")
        out.append(m)
    return out


# Two capitalised names joined by a hyphen: "the Aqaba-Amman pipeline", "Delhi-Mumbai flights".
_HYPHEN_PAIR = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]+(?: [A-Z][a-z]+)?)-([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w'’-])"
)
HYPHEN_PAIR_POPULATION = 100_000  # each end a country, an admin-1 unit, a capital or a city this big


def hyphen_pair(d: _Doc, found: list[Mention]) -> list[Mention]:
    """Two places joined by a hyphen that the gazetteer does not hold as one name — the ends of a route, a
    pipeline or a pairing: "Jordan signs deal to speed Aqaba-Amman water pipeline", "new Delhi-Mumbai flights",
    "the Paris-Berlin train" (NER takes them for one person or firm). Each end is a country, an admin-1 unit, a
    capital or a city of ``HYPHEN_PAIR_POPULATION``; not "Guinea-Bissau", "Baden-Württemberg", "Winston-Salem"
    (names the gazetteer holds whole)."""
    if "-" not in d.text:
        return found
    text, gaz = d.text, d.gaz
    added: list[Mention] = []
    drop: set[int] = set()  # ids of NER's mentions over a pair
    for match in _HYPHEN_PAIR.finditer(text):
        if d.gaz.candidates(normalize_name(match.group())):
            continue  # one name: "Guinea-Bissau", "Winston-Salem"
        first = match.span(1)
        if text.startswith(("The ", "A ", "An "), first[0]) and " " in match.group(1):
            first = (text.index(" ", first[0]) + 1, first[1])  # "The Beijing-Shanghai line": Beijing
        ends = [first, match.span(2)]
        if not all(
            any(
                c.name_kind <= 1
                and (c.fcode in ("PCLI", "ADM1", "PPLC") or c.population >= HYPHEN_PAIR_POPULATION)
                for c in gaz.candidates(normalize_name(text[s:e]))
            )
            for s, e in ends
        ):
            continue
        inside = [m for m in found if m.start < match.end() and first[0] < m.end]
        if any(m.start < first[0] or m.end > match.end() for m in inside):
            continue  # part of a longer name
        drop.update(id(m) for m in inside)
        added += [d.rec.mention(text, s, e, "gazetteer", "GAZ", "hyphen_pair") for s, e in ends]
    if not added:
        return found
    return [m for m in found if id(m) not in drop] + added


_LOCATIVE_OPENERS = frozenset(_OPENING_PREPOSITIONS.split("|"))  # "Outside", "Near" … opening a sentence
_PARTICLE_NAME_AFTER = re.compile(r" (?:aux|au|de|du|des|la|le|les|di|da|del|della|von|van|y) [A-Z]")
ELIDED_TOWN_POPULATION = 10_000  # a town this big by its own elided name outweighs NER's person of exactly it


def _known_town(d: _Doc, name: str) -> bool:
    return any(
        c.fcode.startswith("PPL") and c.name_kind == 0 and c.population >= ELIDED_TOWN_POPULATION
        for c in d.gaz.candidates(normalize_name(name))
    )


def elided_name(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A name with an elided article or preposition, or with hyphenated particles, that the gazetteer knows:
    "L'Aquila", "Val d'Isère", "Coeur d'Alene", "'s-Hertogenbosch", "Stratford-upon-Avon" — NER splits, mislabels
    or misses them, and they are seldom anything but places."""
    text, taken, added = d.text, _Spans((m.start, m.end) for m in found), []
    for match in _cued(_ELIDED_NAME, _ELIDED_CUE, text, 60, 60):
        words = _words(text, match.start(), match.end())
        for i in range(len(words)):
            s, e = words[i][0], match.end()
            if (
                i
                and (
                    ("'" not in text[s:e] and "’" not in text[s:e])
                    # "Michael O'Leary": a capitalised word before the name makes it a longer name (a person's) —
                    # not a locative that opens the sentence ("Outside Coeur d'Alene, crews …")
                    or (
                        text[words[i - 1][0] : words[i - 1][1]].lower() not in _stop_words()
                        and text[words[i - 1][0] : words[i - 1][1]] not in _LOCATIVE_OPENERS
                    )
                )
            ):
                break
            if match.group().startswith(("'", "’")):
                s = match.start()
            # NER's shorter piece of the name gives way: "Cortina" of "Cortina d'Ampezzo".
            inner = [
                m
                for m in found
                if s <= m.start and m.end <= e and m.end - m.start < e - s and m.source == "ner"
            ]
            if (taken.overlaps(s, e) and len(inner) != sum(m.start < e and s < m.end for m in found)) or any(
                ps <= s and e <= pe and not (ps == s and pe == e and _known_town(d, text[s:e]))
                for ps, pe in d.person_spans
            ):
                continue  # (NER's person of exactly a known town's elided name is the town: "Cœur d'Alene")
            if _PARTICLE_NAME_AFTER.match(text, e):
                break  # "L'Anse aux Meadows": the name goes on
            if any(c.name_kind <= 1 for c in d.gaz.candidates(normalize_name(text[s:e]))):
                if inner:
                    found = [m for m in found if m not in inner]
                added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "elided_name"))
                taken.add(s, e)
                break
    return found + added


# A town's river or region in brackets right after its name: "Frankfurt (Oder)", "Halle (Saale)".
_BRACKETED_PART = re.compile(r" \(([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)\)")


def bracketed_name(d: _Doc, found: list[Mention]) -> list[Mention]:
    """A town whose own name carries its river or region in brackets, as the gazetteer spells it: "Frankfurt
    (Oder)", "Halle (Saale)", "Neustadt (Wied)" — NER reads the town and the river apart, and the town's name alone
    is the bigger namesake's (Frankfurt am Main). The mention grows over the brackets; a mention inside them goes."""
    grown: dict[int, Mention] = {}
    for i, m in enumerate(found):
        if not d.text.startswith(" (", m.end) or m.demonym_of:
            continue
        bracket = _BRACKETED_PART.match(d.text, m.end)
        if bracket is None:
            continue
        key = normalize_name(d.text[m.start : bracket.end()])
        if any(c.name_kind == 0 for c in d.gaz.candidates(key)):
            grown[i] = replace(
                m, end=bracket.end(), text=d.text[m.start : bracket.end()], rule="bracketed_name"
            )
    if not grown:
        return found
    inside = [(found[i].end, g.end) for i, g in grown.items()]  # the brackets
    return [
        grown.get(i, m)
        for i, m in enumerate(found)
        if i in grown or not any(a <= m.start and m.end <= b for a, b in inside)
    ]


# The plural of a unit's word after a list of names: "Barrow, Jackson and Madison counties", "Lee and Collier counties",
# "St. Tammany and Tangipahoa parishes", "Kandahar and Helmand provinces" (singular → the word the index joins).
_UNIT_PLURALS = {
    "counties": "county",
    "parishes": "parish",
    "boroughs": "borough",
    "provinces": "province",
    "districts": "district",
    "oblasts": "oblast",
    "governorates": "governorate",
    "prefectures": "prefecture",
    "cantons": "canton",
}
_UNIT_LIST_CUE = re.compile(rf" (?:{'|'.join(_UNIT_PLURALS)})\b")
_UNIT_LIST_ITEM = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
_UNIT_LIST = re.compile(
    rf"(?P<items>(?:{_UNIT_LIST_ITEM}(?:,? and |,? or |, | & ))+{_UNIT_LIST_ITEM}) (?P<unit>{'|'.join(_UNIT_PLURALS)})\b"
)
_UNIT_LIST_GAP = re.compile(r",? and |,? or |, | & ")


def unit_list(d: _Doc, found: list[Mention]) -> list[Mention]:
    """The names of a list before the plural of a unit's word, whatever NER took them for: "school boards in Barrow,
    Jackson and Madison counties", "Harris and Fort Bend counties", "Kandahar and Helmand provinces" — each a name
    the index holds as such a unit ("Jackson County", "Helmand Province") or as an admin-1 or admin-2 unit of its own
    name. The words after the list say what its members are, so no person's name of the text outweighs them."""
    text, gaz = d.text, d.gaz
    taken = _Spans((m.start, m.end) for m in found)
    added = []
    for match in _cued(_UNIT_LIST, _UNIT_LIST_CUE, text, 120, 0):
        word = _UNIT_PLURALS[match.group("unit")]
        at, items = match.start("items"), []
        for gap in _UNIT_LIST_GAP.finditer(text, at, match.end("items")):
            items.append((at, gap.start()))
            at = gap.end()
        items.append((at, match.end("items")))
        for s, e in items:
            key = normalize_name(text[s:e])
            if taken.overlaps(s, e):
                continue  # (a name of the stop list too: "Jackson and Barrow counties")
            if gaz.candidates(f"{key} {word}") or any(
                c.fcode in ("ADM1", "ADM2") and c.name_kind <= 1 for c in gaz.candidates(key)
            ):
                added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "unit_list"))
                taken.add(s, e)
    return found + added


def list_neighbour(d: _Doc, found: list[Mention]) -> list[Mention]:
    """Names the gazetteer knows in a list of places: "Smyrna, Cartersville and Dalton" where NER found one or two;
    "for Harrogate, Ripon and Thirsk", "between Hay and Balranald" (a preposition before the list); "Mold, Ruthin
    and Denbigh" (three names with a region in common); "Honfleur and Cognac were among the towns hit" (the words
    after the list call its members towns)."""
    text, gaz = d.text, d.gaz
    places = _Spans((m.start, m.end) for m in _found_places(found))
    taken = _Spans((m.start, m.end) for m in found)
    added = []
    # A bare list with a firm in it is a tag line's or a market report's.
    orgs = word_list("organisations.txt")
    headline_lists = [m for hs, he in d.headlines for m in _HEADLINE_LIST.finditer(text, hs, he)]
    for match in chain(
        _cued(_LIST, _LIST_CUE, text, 240, 60), _at_openings(_BARE_LIST, text), headline_lists
    ):
        items = [
            (m.start(), m.end()) for m in _LIST_ITEM.finditer(text, match.start("items"), match.end("items"))
        ]
        if match.re is _HEADLINE_LIST:
            # every word of a headline is capitalised: its items lie between the separators, and the first is the
            # longest run of its last words that names a place ("Power Cuts Hit Bantry, …" → "Bantry")
            items, at = [], match.start("items")
            for gap in _HEADLINE_LIST_GAP.finditer(text, at, match.end("items")):
                items.append((at, gap.start()))
                at = gap.end()
            items.append((at, match.end("items")))
            words = _words(text, *items[0])
            tails = [
                (w[0], items[0][1])
                for w in words
                if d.rec._any_place(normalize_name(text[w[0] : items[0][1]]))
            ]
            if not tails:
                continue
            items[0] = tails[0]
        if items and text[items[0][0] : items[0][0] + 4] == "The ":
            items[0] = (items[0][0] + 4, items[0][1])
        known = [places.overlaps(s, e) for s, e in items]
        open_items = [
            (s, e) for (s, e), k in zip(items, known, strict=True) if not k and not taken.overlaps(s, e)
        ]
        keys = [normalize_name(text[s:e]) for s, e in open_items]
        # "play Hull, Grimsby, Scunthorpe and Lincoln": towns of one region, whatever NER called each of them.
        regional = len(items) >= 3 and _towns_of_a_region(gaz, [normalize_name(text[s:e]) for s, e in items])
        # "Honfleur and Cognac were among the towns hit": the words after the list call its members towns.
        regional = regional or (
            _TOWNS_AFTER.match(text, match.end()) is not None and all(_own_town(gaz, k, 1_000) for k in keys)
        )
        # "the nearby villages of Histon and Milton", "the towns of Rafah and Khan Younis": the words before call its
        # members towns
        regional = regional or (
            _TOWNS_OF_BEFORE.search(text, max(0, match.start("items") - 40), match.start("items")) is not None
            and all(_own_town(gaz, k, 1_000) for k in keys)
        )
        if (
            not open_items
            or (match.re is _BARE_LIST and any(normalize_name(text[s:e]) in orgs for s, e in items))
            or _PLURAL_GENERIC.match(text, match.end())
            or any(text[s:e].isupper() for s, e in open_items)  # "NATO"
            or (not regional and any(text[s:e] in d.person_words for s, e in open_items))  # "Jones"
            or any(k in _CALENDAR or gaz.demonym(k) for k in keys)
            or not all(
                (d.rec._any_place(k) or (regional and k not in _stop_words() and gaz.candidates(k)))
                and _named_or_county(gaz, k)
                for k in keys
            )  # not "Hamas" (Hamm); a listed common name ("Lincoln") in a region's list of towns is a town
        ):
            continue
        prep, n_known = match.group("prep"), sum(known)
        if not (
            (n_known and (prep or n_known >= 2))
            or (prep and (len(items) >= 3 or prep == "between"))
            or (len(items) >= 3 and _common_region(gaz, keys))
            # "Narvik, Tromsø and Bodø reported": three or more, one found, the others towns of its country
            or (n_known and len(items) >= 3 and _towns_where_a_member_is(gaz, items, known, text))
            # "Boone and Marshalltown also reported flooding": the other a town of the found one's state
            or (n_known and len(items) == 2 and _towns_where_a_member_is(gaz, items, known, text, unit=True))
            or regional
            or (not n_known and _neighbouring_towns(gaz, keys))
            # "Wanaka and Queenstown both recorded": NER's one town and its neighbour NER missed
            or (
                n_known == 1
                and len(items) == 2
                and _neighbouring_towns(gaz, [normalize_name(text[s:e]) for s, e in items])
            )
        ):
            continue
        for s, e in open_items:
            # "between Hay and Balranald", NER's person: a one-word "person" in a list of places is a place.
            if regional or not any(ps <= s and e <= pe and " " in text[ps:pe] for ps, pe in d.person_spans):
                added.append(d.rec.mention(text, s, e, "gazetteer", "GAZ", "list_neighbour"))
    return found + added


_TOWNS_OF_BEFORE = re.compile(
    r"\b(?:the|two|three|four|five|several|neighbouring|neighboring|nearby) (?:[a-z]+ )?(?:towns|cities|villages|"
    r"communities|suburbs|hamlets|townships|municipalities|ports) of $"
)
_TOWNS_AFTER = re.compile(
    r",? (?:were|are) (?:named |ranked |listed |voted )?(?:among |as |two of |both |all )?(?:the )?(?:[a-z]+ )?"
    r"(?:towns|cities|villages|communities|suburbs|municipalities|places to live)\b"
)


def _named_or_county(gaz: Gazetteer, key: str) -> bool:
    """A place's own name or alias, a county's short name ("Gilchrist" of Gilchrist County), or another spelling
    of a city of ``FORMER_MINOR_POPULATION`` or more, rare in English ("Sloviansk" of Slovyansk; not "Hamas" of
    Hamm)."""
    return any(
        c.name_kind <= 1
        or c.fcode == "ADM2"
        or (
            c.fcode.startswith("PPL")
            and c.population >= FORMER_MINOR_POPULATION
            and len(key) >= 5  # not "Luo" (a people; a name of Luena)
            and key not in word_list("organisations.txt")
            and not common_in_english(key)
        )
        for c in gaz.candidates(key)
    )


LISTED_TOWN_POPULATION = (
    10_000  # a list's unfound member, a town this big in the found ones' country, is a town
)


def _towns_where_a_member_is(
    gaz: Gazetteer, items: list[tuple[int, int]], known: list[bool], text: str, *, unit: bool = False
) -> bool:
    """Whether every member of a list no rule found is a town of ``LISTED_TOWN_POPULATION`` or more, by its own
    name, in a country a found member's readings lie in ("Narvik, Tromsø and Bodø": Norway) — with *unit*, in an
    admin-1 unit one of them lies in ("Boone and Marshalltown": Iowa)."""

    def where(c: Candidate) -> str:
        return c.admin1 if unit else c.country

    countries = {
        where(c)
        for (s, e), k in zip(items, known, strict=True)
        if k
        for c in gaz.candidates(normalize_name(text[s:e]))
        if c.name_kind <= 1 and (not unit or c.fcode.startswith("PPL"))
    } - {""}
    return bool(countries) and all(
        any(
            c.name_kind == 0
            and c.fcode.startswith("PPL")
            and c.population >= LISTED_TOWN_POPULATION
            and where(c) in countries
            for c in gaz.candidates(normalize_name(text[s:e]))
        )
        for (s, e), k in zip(items, known, strict=True)
        if not k
    )


def _common_region(gaz: Gazetteer, keys: list[str]) -> bool:
    """Whether the names have places in one admin-1 unit in common ("Mold", "Ruthin", "Denbigh": Wales)."""
    regions = [{c.admin1 for c in gaz.candidates(k) if c.name_kind <= 1 and c.admin1} for k in keys]
    return bool(regions) and bool(set.intersection(*regions))


REGION_TOWN_POPULATION = 20_000  # towns this big, three in one admin-1 unit, make a list a list of places
NEIGHBOUR_TOWN_POPULATION = 2_000  # towns this big by their own names, all within NEIGHBOUR_KM of the first …
NEIGHBOUR_KM = 60.0  # … make a list of places by themselves ("Bowral and Mittagong were without power")


def _neighbouring_towns(gaz: Gazetteer, keys: list[str]) -> bool:
    """Whether every name is a town of ``NEIGHBOUR_TOWN_POPULATION`` people or more (by its own name) and one reading
    of each lies within ``NEIGHBOUR_KM`` of one reading of the first, in one admin-1 unit: neighbours named together
    — not "Smith and Jones", whose namesakes are scattered."""
    if len(keys) < 2:
        return False
    towns = [
        [
            c
            for c in gaz.candidates(k)
            if c.fcode.startswith("PPL")
            and (
                (c.name_kind == 0 and c.population >= NEIGHBOUR_TOWN_POPULATION)
                or c.population >= FORMER_MINOR_POPULATION  # by another spelling: "Sloviansk and Kramatorsk"
            )
        ]
        for k in keys
    ]
    if not all(towns):
        return False
    from geopy.distance import great_circle

    return any(
        all(
            any(
                c.admin1 == first.admin1
                and great_circle((c.lat, c.lon), (first.lat, first.lon)).km <= NEIGHBOUR_KM
                for c in others
            )
            for others in towns[1:]
        )
        for first in towns[0]
    )


def _towns_of_a_region(gaz: Gazetteer, keys: list[str]) -> bool:
    """Whether all but at most one of the names are towns of ``REGION_TOWN_POPULATION`` people or more (by their own
    name) in one admin-1 unit, three at least: "Hull, Grimsby, Scunthorpe and Lincoln" (England) — not "Smith,
    Jones, Brown and Taylor"."""
    counts: dict[str, int] = {}
    for key in keys:
        for unit in {
            c.admin1
            for c in gaz.candidates(key)
            if c.name_kind == 0
            and c.admin1
            and c.fcode.startswith("PPL")
            and c.population >= REGION_TOWN_POPULATION
        }:
            counts[unit] = counts.get(unit, 0) + 1
    best = max(counts.values(), default=0)
    return best >= 3 and best >= len(keys) - 1


def demonym_ner_missed(d: _Doc, taken: _Spans) -> Iterator[Mention]:
    """A capitalised demonym in no entity at all: "Salvadoran migrant", "the Syrian-Turkish border"."""
    entities = _Spans((e.start_char, e.end_char) for e in d.ents)
    demonyms = d.gaz.demonyms
    for match in _CAPITALISED.finditer(d.text):
        start, end = match.span()
        key = match.group().lower()  # normalize_name's key of a word of ASCII letters, and its own
        if (
            (code := demonyms.get(key))
            and key not in d.gaz.strong_keys
            and not entities.overlaps(start, end)
            and not taken.overlaps(start, end)
        ):
            yield Mention(
                start, end, match.group(), "gazetteer", "GAZ", demonym_of=code, rule="demonym_ner_missed"
            )


def _maybe_names(d: _Doc, taken: _Spans, *, common: bool) -> Iterator[Mention]:
    """NER's person, organisation or work names the gazetteer knows as places, as "maybe" mentions: those of
    data/not_places.txt (given names and words: "Jackson", "Victoria") when *common*, else the others."""
    text, dropped = d.text, d.gaz.overrides.dropped
    rule = "maybe_common_name" if common else "maybe_place"
    for ent in d.ents:
        # The entity's first four characters (``ent.text`` would join its tokens anew).
        opening = text[ent.start_char : min(ent.end_char, ent.start_char + 4)]
        if (
            ent.label_ not in _MAYBE_LABELS
            or opening.lower() == "the "
            or (common and ent.label_ not in ("PERSON", "ORG"))  # not a work called "Reading"
        ):
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        surface = text[start:end]
        key = normalize_name(surface)
        if (
            end - start < 3
            or taken.overlaps(start, end)
            or surface.isupper()
            or not surface[:1].isupper()
            or surface in d.person_words
            or (key in d.rec.stop) != common
            or key in dropped
            or not any(c.name_kind <= 1 for c in d.gaz.candidates(key))
            # (a country that is a given name, "Jordan", is mislabelled_place's to decide)
            or (common and any(c.fcode == "PCLI" for c in d.gaz.candidates(key)))
        ):
            continue
        if common:
            # … and only beside a place its sentence names (the state that will decide it)
            lo, hi = _sentence_span(text, start, end)
            if not any(lo <= p.start and p.end <= hi and p.start != start for p in d.places):
                continue
        yield Mention(start, end, surface, "maybe", ent.label_, rule=rule)


def maybe_place(d: _Doc, taken: _Spans) -> Iterator[Mention]:
    """Names NER gives to a person, organisation or work that the gazetteer knows as a place ("Torrington",
    "Winona" as ORG in a local story): mentions with source ``"maybe"``, which the resolver keeps only when a
    place of that name lies near the article's other places."""
    return _maybe_names(d, taken, common=False)


def maybe_common_name(d: _Doc, taken: _Spans) -> Iterator[Mention]:
    """The same for a town's name that is more often a given name or a word (data/not_places.txt): "Jackson was
    under a boil-water notice, Mississippi officials said" — kept by the resolver only as a town of a state or
    province the article surely names (not "Lincoln" the president in a Kentucky story, near Illinois)."""
    return _maybe_names(d, taken, common=True)


# -- filters: a mention any of them answers True for is dropped ---------------------------------------------------


def dropped_by_user(d: _Doc, m: Mention) -> bool:
    """A name the user's overrides file drops ("never a place")."""
    dropped = d.gaz.overrides.dropped
    return bool(dropped) and normalize_name(m.text) in dropped


def lower_case(d: _Doc, m: Mention) -> bool:
    """ "meth", "n’t", "red states": NER's lower-case spans are not names ("al-Tanf" is: a particle, then a name)."""
    return m.text[:1].islower() and not _PARTICLE_NAME.match(m.text)


def saints_day(d: _Doc, m: Mention) -> bool:
    """ "St. Patrick's Day", "St. George's Day", "Labour Day", and a feast alone ("busy over Easter", "closed at
    Christmas"): a day, not a place; and a church, hospital or school named for a saint: "St. Paul's Cathedral"
    (not Saint Paul, Minnesota), "St. Luke's Medical Center", "St. Andrew's College" — not "St. Paul's mayor"."""
    if _HOLIDAY.match(d.text, m.end) is not None or normalize_name(m.text) in _FEASTS:
        return True
    if m.text.endswith(" Day") and not d.gaz.candidates(normalize_name(m.text)):
        return True  # NER's facility "Labour Day", "Canada Day", "Cyber Focus Day": a day (no place of that name)
    if _SAINT.match(m.text) is None:
        return False
    if m.text.endswith(("'s", "’s")):
        # NER's "St. Andrew's" of "St. Andrew's College"; not the city "St. John's"
        return not _own_town(d.gaz, normalize_name(m.text), SAINT_TOWN_POPULATION) and bool(
            _SAINTS_INSTITUTION.match(d.text, m.end - 2)
        )
    after = _SAINTS_INSTITUTION.match(d.text, m.end)
    # "St Albans Cathedral" is in St Albans: only a church by the name of no town of its own is the saint's alone
    return after is not None and (
        after.group().startswith(("'", "’"))
        or not _own_town(d.gaz, normalize_name(m.text), SAINT_TOWN_POPULATION)
    )


_SAINT = re.compile(r"(?:St\.?|Saint|Ste\.?|Sainte) [A-Z]")
SAINT_TOWN_POPULATION = 10_000  # a saint's name that is a town this big names the town before its church
# A church by the saint's name ("St. Paul's Cathedral"; "St Albans Cathedral" only when no town has the name); a
# hospital or school with the possessive only ("St. Luke's Medical Center" — "St. Cloud Hospital", "St. Petersburg
# College" are the cities', and "St. Louis's Catholic archdiocese" the city's).
_SAINTS_INSTITUTION = re.compile(
    r"(?:['’]s)? (?:Cathedral|Church|Chapel|Basilica|Abbey|Priory|Minster|Parish Church)\b"
    r"|['’]s (?:Hospital|Medical Cent(?:er|re)|Infirmary|Hospice|College|School|Academy|Seminary|High School)\b"
)


# A credential as written: dotted ("D.D.S.", "Pharm.D.") or capitals, maybe board-certified ("DNP", "FNP-BC").
_CAPS_CREDENTIAL_WORD = r"[A-Z]{2,6}(?:-[A-Z]{1,4})?"
_CREDENTIAL_WORD = rf"(?:[A-Z][A-Za-z]{{0,5}}\.){{1,4}}[A-Z]?[a-z]*\.?|\b{_CAPS_CREDENTIAL_WORD}"
_CREDENTIAL_BEFORE = re.compile(rf"(?:{_CREDENTIAL_WORD})(\s*,\s*)$")  # "D.D.S., " before "M.S."
_WORD_GOES_ON = re.compile(r"[\w.]+")  # "Pharm" of "Pharm.D.": the whole word is the credential


# "D." of "D.Min.", "Th." of "Th.D.", "FNP-" of "FNP-BC" (board-certified)
_INITIAL_GLUED_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]?\.$|(?<![\w.-])[A-Z]{2,6}-$")
_CAPS_CREDENTIAL = re.compile(_CAPS_CREDENTIAL_WORD)  # "DNP", "FNP-BC", "LCSW-C"


_PERSON_LIKE = re.compile(r"(?!The )[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}")
_SPOKE_AFTER_CREDENTIAL = re.compile(r"\.?, (?:told|said|says|argued|argues|testified|wrote|who)\b")


def credential(d: _Doc, m: Mention) -> bool:
    """A credential or suffix after a person's name and a comma: "Kim Ortega, L.P.N.", "Sarah Lee, M.D.", "John
    Marsh, Esq.", "Harold Lim, D.D.S., M.S." — any initialism right after a person (or after a credential after
    one), or a listed credential that is no strong place name; judged on the whole word ("Pharm.D.", of which NER
    may take "Pharm"). A dotted initialism after a person's credential is one too, even a strong name's ("Tom
    Reyes, M.S., R.D.")."""
    start = m.start
    while (glued := _INITIAL_GLUED_BEFORE.search(d.text, max(0, start - 4), start)) is not None:
        start = glued.start()  # "D.Min.", "M.Div.": NER's "Min" of a dotted credential
    if not (comma := _COMMA_BEFORE.search(d.text, max(0, start - 4), start)):
        return False
    word_end = m.end
    if d.text[m.end : m.end + 1] == "." and (more := _WORD_GOES_ON.match(d.text, m.end)):
        word_end = more.end()
    surface = d.text[start:word_end]
    key = normalize_name(surface)
    after = comma.start(1)
    chained = False  # a credential before this one: "Tom Reyes, M.S., R.D." (R.D. is no Dominican Republic)
    for _ in range(4):  # "D.D.S., M.S.": walk back over the credentials before this one
        if after in d.person_ends:
            break
        previous = _CREDENTIAL_BEFORE.search(d.text, max(0, after - 16), after + len(comma.group(1)))
        if not previous or previous.start(1) != after:
            break
        words = d.text[previous.start() : after]
        if not (
            _INITIALISM.fullmatch(words)
            or normalize_name(words) in word_list("credentials.txt")
            or (_CAPS_CREDENTIAL.fullmatch(words) and normalize_name(words) not in d.gaz.strong_keys)
        ):
            break
        if not (comma := _COMMA_BEFORE.search(d.text, max(0, previous.start() - 4), previous.start())):
            break
        after = comma.start(1)
        chained = True
    after_person = after in d.person_ends or (
        # NER's organisation of two or three capitalised words before the credential, then what a person does:
        # "Thabo Nkosi, SC, told the court" (an advocate), not "Columbia, SC, officials"
        _SPOKE_AFTER_CREDENTIAL.match(d.text, word_end) is not None
        and any(
            e.end_char == after
            and e.label_ == "ORG"
            and _PERSON_LIKE.fullmatch(e.text)
            and not any(w in _ORGANISATION_HEADS or _FIRM_SUFFIX_WORD.fullmatch(w) for w in e.text.split())
            and normalize_name(e.text.split()[0]) not in d.gaz.strong_keys  # not "Greenville Water, SC, said"
            for e in d.ents
        )
    )
    if key in word_list("credentials.txt"):
        return after_person or key not in d.gaz.strong_keys
    if (
        after_person
        and chained
        and _INITIALISM.fullmatch(surface)
        # "Sam Fox, Ph.D., U.S. Army", "M.D., U.K.-trained": a country's own initials (R.D. is only an alternate name)
        and not any(c.fcode == "PCLI" and c.name_kind <= 1 for c in d.gaz.candidates(key))
        and not _NAME_GOES_ON.match(d.text, word_end)
    ):
        return True  # the second of a person's dotted credentials, whatever it abbreviates
    return (
        after_person
        # An all-capital word is no town's name as written ("Samuel Adeyemi, SAN, said": San, Mali, is strong),
        # though an abbreviation of a big city may be ("LA")
        and (
            key not in d.gaz.strong_keys
            or (
                surface.isupper()
                and all(c.population < 1_000_000 for c in d.gaz.candidates(key) if c.name_kind <= 1)
            )
        )
        and (
            _INITIALISM.fullmatch(surface) is not None
            or (  # undotted, between commas: "Samuel Adeyemi, SAN, told", "Ann Wu, FRCS, said", "FNP-BC,"
                _CAPS_CREDENTIAL.fullmatch(surface) is not None
                and len(surface) <= 9
                and d.text[word_end : word_end + 1] == ","
            )
        )
        and not any(c.fcode in ("ADM1", "PCLI") for c in d.gaz.candidates(key))  # "St. John's, N.L."
    )


# A credential right after a name, between commas: ", LCSW-C,", ", M.D.,", ", Esq.,".
_CREDENTIAL_AFTER = re.compile(rf", ({_CREDENTIAL_WORD}),")


def name_before_credential(d: _Doc, m: Mention) -> bool:
    """A given name and a word of place that a credential follows is a person: "Sue Park, LCSW-C, counsels
    families", "Rob Lane, PT, DPT, treats athletes" (NER's place or street) — the first word a given name of the US
    census that is no strong place name, the credential no state's or country's ("Elizabeth City, N.C.," stays)."""
    if m.source == "dateline" or " " not in m.text:
        return False
    credential_after = _CREDENTIAL_AFTER.match(d.text, m.end)
    if credential_after is None:
        return False
    first = m.text.split(" ", 1)[0]
    key = normalize_name(credential_after.group(1))
    if any(c.fcode in ("ADM1", "PCLI") for c in d.gaz.candidates(key)):
        return False  # "Elizabeth City, N.C.,": a town and its state
    return (
        first in census_given_names()
        and normalize_name(first) not in d.gaz.strong_keys
        and (
            key in word_list("credentials.txt")
            or _INITIALISM.fullmatch(credential_after.group(1)) is not None
            or key not in d.gaz.strong_keys
        )
    )


# The letters of a member of a parliament or an assembly, written after a name ("Helen Clare MP", "Mary Lou McDonald
# TD", "Sean Kelly MEP"): no credentials to read as such after a comma alone ("Bhopal, MP" is Madhya Pradesh).
MEMBERS_LETTERS = frozenset({"MP", "MPs", "MSP", "MS", "AM", "MLA", "MEP", "TD", "MPP", "MHK", "MHA", "MNA"})


def _post_nominal_letters(word: str) -> bool:
    """A listed credential (data/credentials.txt) or a member's letters (:data:`MEMBERS_LETTERS`)."""
    return word in MEMBERS_LETTERS or normalize_name(word) in word_list("credentials.txt")


# A given name and a surname right before a post-nominal: "Conor Byrne " of "Conor Byrne SC".
_GIVEN_AND_SURNAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_A-Z]+) [A-Z][\w'’-]+ $")
# The two or three capitalised words of a name before a post-nominal: "Aoife Brennan " of "Aoife Brennan SC".
_NAME_WORDS = re.compile(r"(?:[A-Z][\w'’-]+ ){2,3}")


def post_nominal(d: _Doc, m: Mention) -> bool:
    """A listed credential or a member's letters in capitals right after a person's name, without the comma that
    British, Irish and Commonwealth usage leaves out: "Aoife Brennan SC told the court", "Richard Hermer KC said",
    "Joan Price OBE", "Helen Clare MP", "Conor Byrne SC" (a census given name first) —
    a barrister's or an honour's letters, no place ("SC" is South Carolina after a town: "Greenville, SC"). The
    name is NER's person ending one space before, or two or three capitalised words NER joined to the credential
    in one entity (it calls "Aoife Brennan SC" an organisation)."""
    if not m.text.isupper() or not _post_nominal_letters(m.text):
        return False
    person = d.person_by_end.get(m.start - 1)
    if person is not None and len(person) >= 2 and d.text[m.start - 1] == " ":
        return True
    named = _GIVEN_AND_SURNAME_BEFORE.search(d.text, max(0, m.start - 40), m.start)
    if (
        named is not None
        # a census given name, or a first word rare in English that is no strong place name ("Siobhán", "Ciarán")
        and (
            named.group(1) in census_given_names()
            or not (common_in_english(named.group(1)) or normalize_name(named.group(1)) in d.gaz.strong_keys)
        )
        and not d.gaz.candidates(normalize_name(named.group(0)))  # "Myrtle Beach SC" is a town and its state
    ):
        return True  # a given name and a surname NER left alone: "Conor Byrne SC"
    return any(
        e.end_char == m.end
        and e.label_ in ("PERSON", "ORG")
        and _NAME_WORDS.fullmatch(d.text, e.start_char, m.start) is not None
        and not d.gaz.candidates(normalize_name(d.text[e.start_char : m.start]))  # "Rock Hill SC": a town's
        for e in d.ents
    )


# A capitalised name right before a state's code, one space away: "Nashville " of "Nashville SC".
_NAME_BEFORE_CODE = re.compile(r"(?<![\w.])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) $")


def code_after_a_town_elsewhere(d: _Doc, m: Mention) -> bool:
    """A state's or province's two-letter code written right after a town's name without a comma is the town's state
    only when the town is in it ("Columbia SC police"); after a town with no reading there it is part of a name — a
    club's or a firm's: "Nashville SC signed a goalkeeper" (Sporting Club), not South Carolina."""
    if not (len(m.text) == 2 and m.text.isupper() and m.rule == "gazetteer_name"):
        return False
    before = _NAME_BEFORE_CODE.search(d.text, max(0, m.start - 40), m.start)
    if before is None:
        return False
    units = {c.admin1 for c in d.gaz.candidates(m.text) if c.fcode == "ADM1"}
    towns = [
        c
        for c in d.gaz.candidates(normalize_name(before.group(1)))
        if c.name_kind <= 1 and c.fcode.startswith("PPL")
    ]
    return bool(units) and bool(towns) and not any(c.admin1 in units for c in towns)


# Currencies named with their country's adjective: "the Swiss franc", "Indian rupees", "the Kenyan shilling".
_CURRENCY_AFTER = re.compile(
    r" (?:dollars?|francs?|rupees?|rupiah|shillings?|lira|liras|pounds? sterling|pounds?|yen|yuan|renminbi|euros?|"
    r"pesos?|rand|naira|cedis?|kwacha|krona|kronor|krone|kroner|rubles?|roubles?|dinars?|dirhams?|riyals?|"
    r"ringgit|baht|reais|real(?! estate)|zlotys?|forints?|hryvnias?|lei|leu|taka|kyats?|dong|tenge|manat|lari|"
    r"dram|som)\b(?! (?:of|in|on|at) [A-Z])"
    # "the Kenyan won the marathon": "won" is a currency only where no object follows
    r"| won\b(?! (?:the|a|an|his|her|their|its|gold|silver|bronze|\d))"
)


def currency_prefix(d: _Doc, m: Mention) -> bool:
    """A country's letters before a dollar sign are its currency: "C$5", "NZ$7", "HK$9", "US$1"; a country's
    adjective before its currency's name: "the Swiss franc", "Indian rupees", "the Kenyan shilling"; and the name
    of a country, territory or region that issues one before an unambiguous currency word: "the Kenya shilling",
    "Hong Kong dollars", "Solomon Islands dollars", "East Caribbean dollars" (not "Florida won", "Texas real
    estate", "Silicon Valley dollars": a town's, a state's or a region's name, or a word that is also English,
    stays; a singular only after "the": "Lebanon dollar deposits" stays Lebanon)."""
    if d.text[m.end : m.end + 1] == "$" or "$" in m.text:
        return True
    if m.demonym_of:
        return _CURRENCY_AFTER.match(d.text, m.end) is not None
    word = _CURRENCY_NAME_AFTER.match(d.text, m.end)
    if word is None:
        return False
    # a currency's singular only after "the" ("the Kenya shilling"; not "Lebanon dollar deposits", "China dollar
    # reserves": dollars held there)
    if (
        not word.group(1).endswith("s")
        and word.group(1) not in _SAME_IN_THE_PLURAL
        and not _THE_BEFORE.search(d.text, max(0, m.start - 4), m.start)
        and not _THE_NEW_BEFORE.search(d.text, max(0, m.start - 8), m.start)  # "the New Taiwan dollar"
    ):
        return False
    return any(
        c.name_kind <= 1 and (c.fcode.startswith("PCL") or c.fcode in _CURRENCY_ISSUERS)
        for c in d.gaz.candidates(normalize_name(m.text))[:3]
    )


# A currency word after a country's or territory's own name ("the Kenya shilling", "Fiji dollars"); none that is
# also an English word ("won", "real", "rand", "dong", "som").
_CURRENCY_NAME_AFTER = re.compile(
    r" (dollars?|francs?|rupees?|rupiahs?|shillings?|liras?|pesos?|nairas?|cedis?|kwachas?|kronas?|kronor|kroner|"
    r"krones?|rubles?|roubles?|dinars?|dirhams?|riyals?|ringgits?|bahts?|zlotys?|forints?|hryvnias?|takas?|kyats?|"
    r"tenges?|kinas?|vatu|talas?|quetzal(?:es|s)?|lempiras?|guaranis?|shekels?|rials?|leks?|leva|birrs?|pulas?|"
    r"rufiyaa|ngultrums?|riels?|afghanis?|dalasis?|ariary|ouguiyas?|kunas?|denars?|somoni|manats?|laris?)\b"
    r"(?! (?:of|in|on|at) [A-Z])"
)
_THE_NEW_BEFORE = re.compile(r"\b[Tt]he New $")
# Currencies whose plural is the singular: "PNG kina", "Vanuatu vatu".
_SAME_IN_THE_PLURAL = frozenset({"kina", "vatu", "tala", "rufiyaa", "ariary", "somoni", "leva"})
# "Hong Kong", "(East) Caribbean", "Solomon Islands" (no region: "Silicon Valley dollars", "Middle East dollars" are
# money from there)
_CURRENCY_ISSUERS = frozenset({"TERR", "ISLS", "SEA"})


def flu_strain(d: _Doc, m: Mention) -> bool:
    """The place in an influenza strain name names where a virus was isolated: "A/Victoria/2570/2019"."""
    return m.start > 0 and d.text[m.start - 1] == "/" and d.text[m.end : m.end + 1] == "/"


def disease_name(d: _Doc, m: Mention) -> bool:
    """A place name that opens a disease's or pathogen's name: "Ross River virus", "Rift Valley fever", "Crimean-Congo
    haemorrhagic fever", "West Nile virus", "Lyme disease" (data/pathogens.txt, '*' lines), or likens one to it:
    "Norwalk-like illness"; or names a serotype after its genus: "Salmonella Newport", "Salmonella enterica serovar
    Bareilly"."""
    return (
        _disease_words()[1].match(d.text, m.end) is not None
        or said_before(_SEROTYPE_BEFORE, d.text, m.start, 40, _SEROTYPE_ENDS) is not None
        or m.text.startswith("Salmonella ")  # NER's "Salmonella Oranienburg" as one name
    )


def foreign_street(d: _Doc, m: Mention) -> bool:
    """A name after a street's or a square's word that opens the name in Spanish, French, Italian, Portuguese,
    German or Polish: "the Plaza de Mayo", "Rue de Rivoli", "Calle Ecuador", "Praça da Sé" — the street or the
    square, not the place it is named after (Mayo, Ireland). Words English shares ("Plaza", "Place", "Via") only
    with their particle ("Place de la Concorde"; not "Italy Via Libya", "Plaza Singapura"), and never in a
    headline."""
    if _STREET_WORD_BEFORE.search(d.text, max(0, m.start - 24), m.start) is None:
        return False
    return not any(hs <= m.start < he for hs, he in d.headlines)


_STREET_WORD_BEFORE = re.compile(
    r"\b(?:(?:Calle|Avenida|Paseo|Rue|Piazza|Piazzale|Viale|Corso|Praça|Rua|Largo|Platz|Plac|Ulica)"
    r"(?: (?:de|del|de la|de los|de las|della|delle|dei|di|du|des|do|da|dos|das|von|der))?"
    r"|(?:Plaza|Place|Via) (?:de|del|de la|de los|de las|della|delle|dei|di|du|des|do|da|dos|das)) $"
    r"|\b(?:Rue|Place|Piazza|Plaza) de l['’]$"  # "Rue de l'Université"
)


# A name that opens a venue's or an institution's name ("Wellington Hospital", "the Damascus Gate", "Cleveland Clinic"),
# up to two more capitalised words before the venue's word …
_OPENS_A_VENUE = re.compile(
    rf"(?: [A-Z][\w'’-]+){{0,2}} (?:{_VENUE_WORDS}|Hotel|Gate|Station|Street|Square|Gardens?|Road|Avenue)\b"
)
# … and the place the text then puts the venue in: "… in Jerusalem", "…, in central London", "… Abu Dhabi"
_VENUE_PUT_IN = re.compile(
    r"(?:,? (?:in|at|near|inside|outside)(?: (?:central|downtown|north|south|east|west|northern|southern|eastern|"
    r"western))?| of)? (?=[A-Z])"
)
VENUE_ELSEWHERE_KM = 160.0  # a venue put in a place this far from every reading of the name it opens


def venue_named_elsewhere(d: _Doc, m: Mention) -> bool:
    """A place's name that opens the name of a venue or an institution the text puts in a far place: "Wellington
    Hospital in London", "the Damascus Gate in Jerusalem", "Cleveland Clinic Abu Dhabi" — the venue's name (it
    honours the place or was the road to it), not a mention of Wellington, Damascus or Cleveland. Only when no
    reading of the name by its own name or an alias lies within ``VENUE_ELSEWHERE_KM`` of such a reading of the place
    the venue is put in ("the Springfield Science Museum in Springfield", "the Dawson County Jail in Lexington" stay)."""
    if m.source not in ("ner", "gazetteer") or (venue := _OPENS_A_VENUE.match(d.text, m.end)) is None:
        return False
    put = _VENUE_PUT_IN.match(d.text, venue.end())
    if put is None:
        return False
    host = next((p for p in d.places if p.start == put.end() and p is not m), None)
    if host is None:
        return False
    readings = [c for c in d.gaz.candidates(normalize_name(m.text)) if c.name_kind <= 1]
    hosts = [c for c in d.gaz.candidates(normalize_name(host.text)) if c.name_kind <= 1]
    return bool(readings and hosts) and all(
        great_circle_km(r.lat, r.lon, h.lat, h.lon) > VENUE_ELSEWHERE_KM for r in readings for h in hosts
    )


# The endings of town names in English-speaking countries and beyond ("Harwinton", "Thackerville", "Grantville")
_TOWN_ENDING = re.compile(
    r"(?:ton|town|ville|burg|burgh|borough|boro|bury|ford|field|wood|port|mouth|land|dale|ham|ley|by|stadt|dorf|"
    r"abad|pur|pura|grad|polis|heim|holm|vik|caster|chester|minster|worth|well|stead|stoke|hill|ridge|creek|falls|"
    r"springs|beach|bay|lake|valley|view|haven|mount|mont|ia|shire)$"
)
_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][\w'’]*) $")  # a capitalised word right before
_PLACE_WORD_BEFORE = re.compile(
    r"(?:\b(?:in|at|on|to|from|near|into|outside|around|across|throughout|of|via|toward|towards|between|and|or|the|"
    r"above|below|beyond|past|over|rural|downtown|central|northern|southern|eastern|western|upstate|suburban) |\()$",
    re.IGNORECASE,
)


def unknown_one_word(d: _Doc, m: Mention) -> bool:
    """One word NER called a place that no gazetteer reading has, with no word before it that puts a place there
    and no town's ending: "Pawlenty signed the bill", "Petrojet said" — a person or a firm, not a place to pin
    nearby ("in Portroe", "the Bund in Shanghai", "Harwinton's selectmen", "Thackerville" stay, placed near the
    story's places)."""
    if m.source != "ner" or m.label not in ("GPE", "LOC") or m.demonym_of or " " in m.text or "-" in m.text:
        return False
    if not _unknown_name(d, m.text):
        return False
    if _TOWN_ENDING.search(m.text.casefold()) or m.text.isupper():
        return False
    return (
        _PLACE_WORD_BEFORE.search(d.text, max(0, m.start - 12), m.start) is None
        # NER's cut: "Te Aroha" (not a title: "Governor Pawlenty")
        and not (
            (before := _NAME_WORD_BEFORE.search(d.text, max(0, m.start - 20), m.start)) is not None
            and not _is_role(before.group(1))
            # (but a given name and a surname no place has: "Adrian Beltre singled")
            and not (
                _GIVEN_NAME_FIRST.match(f"{before.group(1)} {m.text}")
                and normalize_name(before.group(1)) not in d.gaz.strong_keys
                and before.group(1).lower() not in _stop_words()
                and _unknown_name(d, f"{before.group(1)} {m.text}")
                and not _PLACE_WORD_BEFORE.search(d.text, max(0, before.start() - 12), before.start())
            )
        )
        and _IN_NAME_AFTER.match(d.text, m.end) is None  # "Registan in Samarkand"
        # "the town of Maameltein, Keserwan": after a place and its comma
        and not any(p.end == m.start - 2 and d.text[p.end : m.start] == ", " for p in d.places)
    )


def unknown_persons_name(d: _Doc, m: Mention) -> bool:
    """A name of two or three words NER called a place that no gazetteer reading has and that opens with a given
    name and ends on a word rare in English, with no word of place before it: "Scott Pruitt said", "Sheryl Gorsuch,
    54," — a person, not a pin nearby ("Francis Street", "Madison Heights" end on a word; "in Milton Keynes" has its
    word of place)."""
    if m.source != "ner" or m.label not in ("GPE", "LOC", "FAC") or m.demonym_of or " " not in m.text:
        return False
    if not _GIVEN_NAME_FIRST.match(m.text):
        return False
    if _PLACE_CUE_BEFORE.search(d.text, max(0, m.start - 12), m.start) and not _PERSON_APPOSITION.match(
        d.text, m.end
    ):
        return False  # … unless a person's apposition follows: "Tributes were paid to Shannon Mulcahy, the
        # Clonmel woman who ran a charity shop"
    if common_in_english(m.text.rsplit(" ", 1)[1]):
        return False  # a word, not a surname: "Francis Street", "Easter Vigil", "John Radcliffe Hospital"
    return _unknown_name(d, m.text)


def _unknown_name(d: _Doc, surface: str) -> bool:
    """Whether the gazetteer has no reading of *surface* at all (nor the recogniser any place of its name)."""
    key = normalize_name(surface)
    return not d.gaz.candidates(key) and not d.rec._any_place(key)


def event_name(d: _Doc, m: Mention) -> bool:
    """A place's name that names a race or a tournament: "won the Boston Marathon", "the Kentucky Derby", "the US
    Open" — the event, not a place of the story (a place it is held in is named as one: "the Derby at Churchill
    Downs in Louisville"). The event's name ends there, before punctuation, a small word, a verb or an event's noun
    ("the Boston Marathon on Monday", "the Derby winner"; not "the Cleveland Classic rock station", "a Chicago Masters
    student"); never a country's name ("the Bahrain Grand Prix" is held there) and never in a headline, where every
    word is capitalised ("Schools In Tulsa Open")."""
    if m.source == "dateline" or any(hs <= m.start < he for hs, he in d.headlines):
        return False
    if _EVENT_AFTER.match(d.text, m.end) is not None:
        return not any(c.fcode == "PCLI" for c in d.gaz.candidates(normalize_name(m.text))[:3])
    # the event's own word read as a town: "Derby" of "the Kentucky Derby", after a state's or a town's own name
    before = _WORD_BEFORE.search(d.text, max(0, m.start - 30), m.start)
    word = _EVENT_AFTER.match(" " + m.text + ".")
    if before is None or word is None or word.end() != len(m.text) + 1:
        return False
    key = normalize_name(before.group(1))
    return key not in _stop_words() and key in d.gaz.strong_keys


# The event's name ends: not "Derby County", "Open University", "the Boise Open house tour".
_EVENT_AFTER = re.compile(
    r" (?:Marathon|Half Marathon|Derby|Grand Prix|Open|Masters|Stakes|Classic|Invitational|Regatta)"
    r"(?=[,.;:!?)'\"’”]|$|['’]s\b| (?:race|races|winner|winners|champion|champions|title|field|course|weekend|"
    r"week|day|runners?|favou?rite|trophy|finals?|crown|purse|bombing|on|in|at|for|was|is|will|and|or|to|this|last|"
    r"next|since|after|before|when|with|by|has|had|have|were|\d)\b)"
)


def named_accord(d: _Doc, m: Mention) -> bool:
    """A town's name that names an accord or a treaty: "the Kyoto Protocol", "the Paris climate agreement", "the
    Dayton Accords", "the Rome Statute" — where it was signed, not a place of the story. Only a name that is a
    town's own and no country's ("the Iran nuclear agreement" is about Iran); a name with no town reading is what
    the accord is about ("the Northern Ireland Protocol", "the Assam Accord", "the Darfur peace agreement"). "The
    Treaty of Utrecht", "the Congress of Vienna" say where it happened: the place stays; plans, rounds, charters and
    conventions in lower case are too often a city's own ("the London Plan", "the Chicago convention")."""
    if m.demonym_of or m.source == "dateline" or not _ACCORD_AFTER.match(d.text, m.end):
        return False
    readings = d.gaz.candidates(normalize_name(m.text))[:3]
    # a town's or a spot's own name ("the Camp David Accords": a retreat), not a country's or a unit's
    return any(
        (c.fcode.startswith("PPL") or c.fcode in _SPOT_CODES) and c.name_kind == 0 for c in readings
    ) and not any(c.fcode == "PCLI" for c in readings)


_SPOT_CODES = frozenset({"MILB", "INSM", "BLDG", "CSTL", "HSE", "HTL", "PAL", "RSRT", "ESTT", "MSTY"})


_ACCORD_AFTER = re.compile(
    r"(?: (?:climate|peace|trade|free[- ]trade|nuclear|cease-?fire|arms|security|border))?"
    r" (?:[Pp]rotocols?|[Aa]greements?|[Aa]ccords?|[Tt]reaty|Conventions?|Declaration|Consensus|[Pp]act|Statute|"
    r"Communiqué|Memorandum|Round|Amendment(?! \d))\b"  # "the Kigali Amendment", not "Colorado Amendment 64"
    r"(?! (?:[A-Z&]|of\b|and\b))"  # not "the South Charleston Convention & Visitors Bureau", "the Convention Center"
)


# Serotypes are named after the place they were first found: "Salmonella Oranienburg", "S. Newport".
_SEROTYPE_BEFORE = re.compile(
    r"(?:\bSalmonella|(?<![\w.])S\.)(?: enterica)?(?: (?:serovar|serotype|subsp\. enterica))? $"  # not "U.S. Great Plains"
)
_SEROTYPE_ENDS = ("la", "s.", "ca", "ar", "pe")  # its last characters (see said_before)


def pathogen(d: _Doc, m: Mention) -> bool:
    """A pathogen named after a river or a town, standing alone: "Ebola", "Zika" (data/pathogens.txt)."""
    return normalize_name(m.text) in _disease_words()[0]


# The words of a paper's name a people's word opens too ("The Irish Times", "the Jewish Chronicle"; not "a British
# Standard", "the American Star").
_PEOPLES_PAPER_WORDS = (
    r"Times|Post|Herald|Gazette|Tribune|Journal|Chronicle|Observer|Telegraph|Examiner|Daily News|News Agency|"
    r"Press Agency|World News|Afrique Presse"
)
_PAPER_ENDS = r"\b(?!['’-]?\w)(?![ -]?[A-Z])"  # the paper's last word: not "Star-", "Post Office"'s own word
# A newspaper's name after the place it is named for: "the Toronto Star", "the Otago Daily Times", "the Sydney
# Morning Herald", "the Trinidad Guardian", "the Fort Worth Star-Telegram" — not "the Post Office", "Herald Square",
# "Pacific Standard Time".
_NEWSPAPER_AFTER = re.compile(
    rf"(?: (?:Daily|Sunday|Morning|Evening|Weekly|Free|State))? (?:{_PEOPLES_PAPER_WORDS}|Star|Courier|Sentinel|Dispatch|"
    r"Inquirer|Enquirer|Bulletin|Mercury|Argus|Advertiser|Gleaner|Guardian|Globe|Standard|Free Press|Sun-Times|"
    r"Star-Tribune|Star-Telegram|Post-Gazette|Press-Enterprise|Journal-Constitution|Morning Herald|Morning Post|"
    r"Courant|Ledger|Star-Ledger|Clarion-Ledger|Plain Dealer|Times-Picayune|Picayune|Statesman|Bee|Union-Tribune|"
    r"Democrat-Gazette|Times-Dispatch|Times-Union|Citizen-Times|News-Journal|News-Leader|Press Herald|Morning Call|"
    r"Leader-Post|Star-Phoenix|Beacon Journal|"
    rf"Register(?! (?:of|to|for|in|at|as|with|by|on)\b)){_PAPER_ENDS}"
    r"(?! (?:Office|Offices|Road|Street|Hill|Square|Exchange|Building|Tower|Lane|Avenue|Station|Time)\b)"
)
_DEMONYM_PAPER_AFTER = re.compile(
    rf"(?: (?:Daily|Sunday))? (?:{_PEOPLES_PAPER_WORDS}|Independent){_PAPER_ENDS}"
)


# Legislatures whose one-word name the gazetteer has as a town ("Duma", Syria; "Rada", Yemen; "Cortes", Honduras;
# "Dail", Syria).
_LEGISLATURES = frozenset(
    {
        "duma",
        "rada",
        "cortes",
        "dail",
        "sejm",
        "knesset",
        "majlis",
        "storting",
        "riksdag",
        "bundestag",
        "bundesrat",
        "folketing",
        "althing",
        "oireachtas",
        "seanad",
        "saeima",
        "seimas",
        "sabor",
        "skupstina",
        "khural",
        "mazhilis",
        "jirga",
        "shura",
        "sansad",
        "eduskunta",
        "congreso",
        "assemblee",
        "volkskammer",
        "landtag",
        "stortinget",
    }
)
# What calls a legislature's name one before it: its own qualifier ("State Duma", "Verkhovna Rada"; NER may take both
# words as one name) — or its people's word ("the Spanish Cortes", read through the gazetteer's demonyms).
_LEGISLATURE_WORDS = frozenset({"State", "Verkhovna", "Federal", "National", "Loya", "Grand"})
_LEGISLATURE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_LEGISLATURE_WORDS))}) $")
# After "the" or a possessive ("the Duma voted", "Ukraine's Rada passed"), what only a legislature does or has; after
# "the" also a preposition or the clause's end ("sent to the Duma in December", "the field of the Duma,").
_LEGISLATURE_AFTER = re.compile(
    r"['’]?s? (?:deputy|deputies|member|members|lawmakers?|legislators?|speaker|chairman|vote|voted|votes|committee|"
    r"session|chamber|debate|debated|elections?|seats?|faction|majority|passed|approved|adopted|ratified|rejected|"
    r"endorsed)\b"
)
_LEGISLATURE_THE_AFTER = re.compile(
    r"['’]s\b|[,.;:)]| (?:on|in|to|for|and|has|had|is|was|will|would|must|met|gave|gives|opened|elected|convened|"
    r"dissolved|began|heard|amended|backed|overwhelmingly|unanimously)\b"
)


def legislature_name(d: _Doc, m: Mention) -> bool:
    """A legislature's one-word name after "the", its country's name or people's word: "the State Duma approved",
    "Ukraine's Rada voted", "the Spanish Cortes", "the Dáil debated", "a Duma deputy", NER's "Verkhovna Rada" — not
    the town of the name ("Rebels shelled Duma, east of Damascus", "the Duma district")."""
    words = m.text.split()
    if normalize_name(words[-1]) not in _LEGISLATURES:
        return False
    if len(words) > 1:  # NER's "Verkhovna Rada", "State Duma"
        return len(words) == 2 and words[0] in _LEGISLATURE_WORDS
    text, lo = d.text, max(0, m.start - 30)
    if _PLACE_NOUN_AFTER.match(text, m.end):
        return False  # "the Duma district of Damascus", "the Cortes department"
    people = _WORD_BEFORE.search(text, lo, m.start)  # "the Spanish Cortes": its people's word
    if (
        _LEGISLATURE_BEFORE.search(text, lo, m.start)
        or (people is not None and d.gaz.demonym(people.group(1)))
        or _LEGISLATURE_AFTER.match(text, m.end)
    ):
        return True  # "the State Duma", "the Spanish Cortes", "A Duma deputy from St Petersburg"
    # "the Duma on Friday", "sent to the Duma in December" — not "the Duma chemical attack", "Yemen's Rada,"
    return (
        _THE_BEFORE.search(text, lo, m.start) is not None
        and _LEGISLATURE_THE_AFTER.match(text, m.end) is not None
    )


_PLACE_NOUN_AFTER = re.compile(
    r" (?:district|area|suburb|town|city|region|neighbou?rhood|enclave|pocket|countryside|municipality|department|"
    r"province|governorate|village|attack|massacre|siege|offensive|front)\b"
)


def newspaper_name(d: _Doc, m: Mention) -> bool:
    """A place name that opens a newspaper's name names the newspaper, not a place of the story: "The Toronto Star
    reported", "the Otago Daily Times", "the Tehran Times", "the Jamaica Gleaner", "the Des Moines Register", "the
    Oman News Agency" (:data:`_NEWSPAPER_AFTER`); a people's word before a paper's own words ("The Irish Times") —
    never a dateline."""
    if m.source == "dateline":
        return False
    if m.demonym_of:
        return _DEMONYM_PAPER_AFTER.match(d.text, m.end) is not None
    if _THE_BEFORE.search(d.text, max(0, m.start - 4), m.start) and _INDEPENDENT_AFTER.match(d.text, m.end):
        return True  # "the Kyiv Independent" (not "an Oldham Independent councillor")
    return _NEWSPAPER_AFTER.match(d.text, m.end) is not None


_INDEPENDENT_AFTER = re.compile(rf" Independent{_PAPER_ENDS}(?! [a-z]+(?:or|er|ist|ian)s?\b)")


# A firm named for a place: its industry's or a firm's word right after the place's name, up to two other capitalised
# words between ("Alaska Airlines", "Jamuna Bank", "Bharat Petroleum", "Iceland Foods", "Texas Instruments", "Abu Dhabi
# National Oil Company") — not a utility or a public service, which serve the place they are named for ("Kansas City
# Power & Light", "the San Jose Water Company", "the Springfield Bus Co."), nor "Air Force", "Air Base", "Air Ambulance".
_FIRM_WORD = (  # words only a firm's name ends with
    r"(?:Airlines|Airways|Air Lines|Bank|Bancorp|LNG|Brewery|Breweries|Brewing|Motors|Telecommunications|Holding|"
    r"Pharmaceuticals?|Foods|Instruments|Scientific|Semiconductors?|Airport Authority|Cartel|"
    # a brand's word: "Brittany Ferries", "China Mobile", "Newcastle Brown Ale", "Waterford Crystal", "Boston Pizza"
    r"Ferries|Mobile|Lager|Ale|Distillers|Crystal|Tire|Tires|Tyres|Pizza)"
)
_FIRM_NOUN = (  # … and an industry's nouns, which end a firm's name only where nothing joins them to more words
    r"(?:Air(?! (?:Force|Base|Station|National|Show|Ambulance|Museum|Field|Quality|Command|Wing|Guard|Traffic|"
    r"Navigation|Reserve))|Petroleum|Oil|Milk|Telecom|Insurance|Steel|Cement|Tobacco|Textiles|Plastics|"
    r"Petrochemicals?|Chemicals?|Fertili[sz]ers?|"
    # a business's word: "Boston Consulting Group", "Dubai Properties" (not "the U.S. Securities and Exchange
    # Commission"; no "Shipping": "Red Sea Shipping", "Panama Canal Shipping" are the waters' trade)
    r"Consulting|Consultancy|Securities|Ventures|Logistics|Properties|Investments)"
)
_PUBLIC_WORD = (
    r"(?:Water|Electric|Electricity|Gas|Power|Light|Bus|Transit|Telephone|Cooperative|Co-op|Food|County|City|Town|"
    r"Village|Public|Municipal|Community|Regional|Area|Metropolitan|Housing|Port|Harbor|Harbour|School|Schools|"
    r"Hospital|Fire|Police|Sheriff|Library|Historical|Arts|Parks?)"
)
_FIRM_SUFFIX = r"(?:Company|Corporation|Corp\.|Inc\.|Ltd\.?|Limited|plc|PLC|Holdings|Group|Co\.)"
_FIRM_SUFFIX_WORD = re.compile(
    rf"{_FIRM_SUFFIX}|Corp|Inc|Co"
)  # one word of a firm's name, its dot maybe dropped
_FIRM_AFTER = re.compile(
    rf"(?: (?!{_PUBLIC_WORD}\b)[A-Z][\w-]*){{0,2}} (?:{_FIRM_WORD}(?: {_FIRM_SUFFIX})?(?![\w'’-])(?! [A-Z])"
    rf"|{_FIRM_NOUN}(?: {_FIRM_SUFFIX})?(?![\w'’-])(?! (?:[A-Z]|and\b|&|of\b|for\b))|{_FIRM_SUFFIX}"
    r"(?= (?:said|says|will|would|has|had|is|was|reported|announced)\b))"
)
# (the firm's word ends the name — not "Iran Oil Minister", "Syria Air Strikes", "the Texas Insurance Commissioner" —
# and an industry's noun is joined to nothing more: not "North Dakota Oil and Gas Division", "Chicago Air and Water
# Show"; "Delta Air Lines and American Airlines", "Jamuna Bank and Padma Bank" are firms)


# … or a bank's, an airline's or an industry's word before it: "the Bank of Montreal", "the Reserve Bank of India",
# "Air New Zealand", "Oil India", "Cement Australia", "Telecom Argentina", "Banco de Chile" (a capitalised word: not
# "by air Nigeria"); not a river's bank: "the Left Bank of the Seine", "the West Bank of the Jordan".
_FIRM_BEFORE = re.compile(
    r"(?:(?<!Left )(?<!Right )(?<!West )(?<!East )(?<!North )(?<!South )\bBank of (?:the )?|"
    r"(?<![\w-])(?:Air|Oil|Cement|Telecom|Steel|Banco(?: de| do| del)?|Banque(?: de| du)?) |"
    # a bank's, a school's or a club's word, a name between, then "de" ("Banco Popular de Puerto Rico"), or the
    # word right before it ("Espérance de Tunis", "Estudiantes de La Plata", "Tec de Monterrey")
    r"\b(?:Banco|Banca|Banque|Caja|Caisse|Universidad|Universidade|Université|Università|Instituto|Institut|"
    r"Colegio|Ateneo|Tec|Tecnológico|Estudiantes|Espérance|Étoile|Deportivo|Club|Liceo|Lycée)"
    r"(?: [A-Z][\w'’-]+)? (?:de|del|de la|do|da|di|du|des) )$"
)


def firm_name(d: _Doc, m: Mention) -> bool:
    """A place that names a bank, an airline or a firm of its industry names the firm, not a place of the story:
    "Bank of Montreal will cut 300 jobs in Toronto", "Air New Zealand will resume flights to Kerikeri", "Alaska
    Airlines", "Bharat Petroleum will build a plant in Sitapur". Readers and every case writer take the firm for no
    place; GeoWebNews and LGL mark the place inside it (as inside a newspaper's name: see :func:`newspaper_name`).
    Never a dateline, a demonym ("American Airlines") or a name the words around it call a place ("X, Y")."""
    if m.source == "dateline" or m.demonym_of or m.rule in _CONTEXT_RULES:
        return False
    return bool(
        _FIRM_AFTER.match(d.text, m.end) or _FIRM_BEFORE.search(d.text, max(0, m.start - 24), m.start)
    )


# A people's word as a language: "-speaking", "-language", "-medium" after it ("the Swedish-speaking minority", "a
# French-language daily"), " speakers" not of a place or an event ("Russian speakers in Narva", not "Ukrainian
# speakers at the forum"); or a language's verb or "in" before a language's name that ends the phrase ("signs in
# Spanish.", "translated into Arabic,", "she speaks Catalan") — not "in Greek and Turkish waters", "in Saudi for years".
_LANGUAGE_AFTER = re.compile(
    r"(?:-speaking|-speakers?|-language|-medium| speakers(?! (?:at|of|from|for|to)\b))"
)
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:in|into|speak|speaks|spoke|spoken|speaking|fluent in|translated into|dubbed into|subtitled in) $"
)
_PHRASE_ENDS = re.compile(r"(?=[.;:!?)]|,(?! [A-Z])|$)")  # not "in French, German and Italian supermarkets"


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """Names of languages (ISO 639, from pycountry's tables): "swedish", "catalan", "greek" ("Greek, Modern")."""
    import pycountry

    names = set()
    for language in pycountry.languages:
        for field in ("name", "common_name"):
            value = getattr(language, field, None)
            if value:
                names.add(normalize_name(value.split(",")[0].split(" (")[0]))
    return frozenset(names)


def language_name(d: _Doc, m: Mention) -> bool:
    """A people's word that names a language is no mention of their country: "the Swedish-speaking minority in
    Pori", "a French-language daily", "Russian speakers in Narva", "signs in Spanish.", "she speaks Catalan" (not
    "in French cities", "in Greek and Turkish waters", "worked in Saudi for years")."""
    if not m.demonym_of:
        return False
    text = d.text
    if _LANGUAGE_AFTER.match(text, m.end):
        return True
    return bool(
        _LANGUAGE_BEFORE.search(text, max(0, m.start - 16), m.start)
        and _PHRASE_ENDS.match(text, m.end)
        and normalize_name(m.text) in _language_names()
    )


# A clock time before a time zone named for a place: "6 a.m. Pacific time", "at 9:30 p.m. Moscow time".
_CLOCK_BEFORE = re.compile(
    r"\b\d{1,2}(?:[:.]\d\d)? ?(?:a\.m\.|p\.m\.|am|pm|AM|PM|GMT|UTC)? $|\b\d{3,4} (?:hours|hrs) $"
)
_ZONE_AFTER = re.compile(r" (?:(?:[Ss]tandard|[Dd]aylight|[Ss]ummer) )?[Tt]ime\b")


def time_zone(d: _Doc, m: Mention) -> bool:
    """A place that names a time zone after a clock time is no place of the story: "at 6 a.m. Pacific time", "9:30
    p.m. Moscow time" — not "In Moscow time seemed to stand still"."""
    return bool(
        _ZONE_AFTER.match(d.text, m.end) and _CLOCK_BEFORE.search(d.text, max(0, m.start - 16), m.start)
    )


_STYLE_AFTER = re.compile(r"[-–](?:style|styled|esque|type|inspired)\b")


def style_of_a_place(d: _Doc, m: Mention) -> bool:
    """A place name made into a kind of thing names no place of the story: "a Jordan Valley-style health centre",
    "Chicago-style pizza", "a Tiananmen-type crackdown" (the name, a hyphen, then style/esque/type/inspired; "-like"
    is left to the filters of what it is like: "a Denver-like illness")."""
    return m.source != "dateline" and _STYLE_AFTER.match(d.text, m.end) is not None


# After a sentence's first word, what makes it a place's name all the same: its possessive ("Split's old town"), a
# place written after it ("Surprise, Arizona,") or the town's own people ("Surprise officials said").
_NAME_AFTER_FIRST_WORD = re.compile(
    r"['’]s\b|, [A-Z]| (?:city |town |county )?(?:officials|police|council|councillors|mayor|residents)\b"
    r"| (?:state|province|region|county|district|city|town)\b"  # "Para state recorded the largest losses"
)


# A sentence's first word is the town of that name this near a place the article names.
FIRST_WORD_TOWN_KM = 100.0


def lower_case_word(d: _Doc, m: Mention) -> bool:
    """A word that English writes far more often in lower case (data/lower_case_words.txt: "surprise", "pool",
    "wash", "sale", "normal"), capitalised only because it opens a sentence, where neither NER nor anything around
    it says place: "Surprise awaited the fans", "Pool operators look to prevent…", "Wash your hands". A strong
    gazetteer name found by the text matcher alone; "Split's old town", "Surprise, Arizona, approved", "Surprise
    officials said", "Para state recorded" stay, and so does a town of that name within ``FIRST_WORD_TOWN_KM`` of a
    place the article names, or in a country or state it names ("Sale will get a second tram stop, Trafford council
    said"; "The Maldives capital is crowded. Male has 250,000 residents")."""
    if not (
        m.rule == "gazetteer_name"
        and m.text.isalpha()
        and m.text[1:].islower()
        and normalize_name(m.text) in word_list("lower_case_words.txt")
        and _OPENS_SENTENCE.search(d.text, max(0, m.start - 8), m.start) is not None
        and _NAME_AFTER_FIRST_WORD.match(d.text, m.end) is None
    ):
        return False
    if d.text.startswith(" of ", m.end):
        return True  # the word's own complement: "Sale of the state's stake was approved in Rabat" (Salé is near)
    # The article's other places, anywhere in it: a town of the name near one of them, or in a country or state one
    # names, is the town ("The Maldives capital is crowded. Male has 250,000 residents"; "… across Gippsland.
    # Sale is isolated")
    if d.place_readings is None:  # once per document: a long one names thousands of places
        d.place_readings = {
            k: (
                _main_readings(d.gaz, k),
                {(c.country, c.admin1 if c.fcode == "ADM1" else "") for c in _unit_readings(d.gaz, k)},
            )
            for k in {normalize_name(p.text) for p in d.places}
        }
    key = normalize_name(m.text)
    others_read = [read for k, read in d.place_readings.items() if k != key]
    if not others_read:
        return True
    towns = [c for c in d.gaz.candidates(key) if c.fcode.startswith("PPL") and c.name_kind <= 1]
    units = set().union(*(named_units for _, named_units in others_read))
    # (a country named holds only its capital or a seat of the name: "… in the U.S. Pool operators" stays a word)
    if any(
        (t.country, t.admin1) in units or ((t.country, "") in units and t.fcode in ("PPLC", "PPLA"))
        for t in towns
    ):
        return False
    others = [c for readings, _ in others_read for c in readings]
    return not any(
        great_circle_km(t.lat, t.lon, o.lat, o.lon) <= FIRST_WORD_TOWN_KM for t in towns for o in others
    )


def _unit_readings(gaz: Gazetteer, key: str) -> list[Candidate]:
    """The countries and admin-1 units whose own name (or alias) *key* is."""
    return [c for c in gaz.candidates(key) if c.fcode in ("PCLI", "ADM1") and c.name_kind <= 1]


def not_place_phrase(d: _Doc, m: Mention) -> bool:
    """A place name that opens the name of a thing: "Buffalo wings", "Mobile phones", "Easter eggs"
    (data/not_place_phrases.txt)."""
    return any(tail.match(d.text, m.end) for tail in _phrases().get(normalize_name(m.text), ()))


# Goods named for a place, as the last word of their phrase: "Oxford shoes", "Derby boots", "an Angora sweater".
_GOODS = (
    r"(?:shoes?|boots?|brogues|loafers|sandals|shirts?|sweaters?|jumpers?|cardigans?|scarf|scarves|wool|tweed|lace|"
    r"rugs?|carpets?|cheeses?|sauces?|mustard|ham|sausages?|salami|pastry|pastries|cakes?|buns?|biscuits?|"
    r"gin|lager|ale|beers?|rum|vodka|brandy|wines?|whiske?y|cider|sprouts|cabbage|lettuce|terriers?|spaniels?|hounds?|"
    r"retrievers?|sheepdogs?|mastiffs?|puppy|puppies|kittens?|rabbits?|goats?|ponies|cows?|cattle|bulls?|heifers?|"
    r"sheep|pigs?|hens?|porcelain|china|pottery|crystal|beef|cigars?|teas?|coffees?|pepper|saffron|honey|silks?|"
    r"saris|sarees|shawls?|paintings|marble|linen|glassware|chocolates?|olives|oranges|mangoes|potatoes|tulips|"
    r"checks|plaids?|tartans?|calico|muslin|chintz|"
    r"lamb|pork|bacon|chorizo|noodles|dumplings|curry|fudge|toffee|parottas?|pies|diamonds?|"
    r"(?:mineral|spring|sparkling|bottled) water|lagers|ales|stouts)"
)
_GOODS_AFTER = re.compile(rf" {_GOODS}(?=[^\w-]|$)(?: (?P<next>[a-z]+))?")
# Words after goods that end the goods' phrase: "its Parma ham directly", "Stilton cheese rose", "Jersey cows to".
_GOODS_PHRASE_END = re.compile(
    r"\w+ly|from|to|for|with|at|by|on|won|wins|was|were|is|are|has|have|had|rose|fell|sold|sells|went|came|made|"
    r"grew|grow|grows|rise|rises|fall|falls|jumped|surged|slumped|climbed|dropped|doubled|tripled|soared|plunged|"
    r"prices|sales|exports|imports"
)
# "A bottle of Bordeaux", "a glass of Rioja": a drink named for its region.
_DRINK_OF = re.compile(
    r"\b(?:bottles?|glass(?:es)?|cases?|casks?|barrels?|pints?|magnums?|sips?|crates?|cans?|kegs?) of $", re.I
)
# "from Holstein to Jersey cows", "Cheddar and Stilton cheeses": a name listed before goods named for a place.
_LISTED_BEFORE_GOODS = re.compile(r" (?:and|or|to) [A-Z][a-z]+(?= )")


# Programming languages named like places, and the words of a sentence about software: "rewrote the app in Java",
# "a Ruby library", "Swift developers".
_LANGUAGES = frozenset("Java Ruby Swift Rust Julia Scala Kotlin Dart Pascal Haskell Perl".split())
# Right after the name ("Java developers", "a Rust library") or before it ("rewrote the app in Java", "written in
# Rust"): software next to the name, not anywhere in the sentence ("officials on Java launched a vaccination program").
_SOFTWARE_AFTER = re.compile(
    r" (?:code|coding|coders?|developers?|programmers?|programming|library|libraries|frameworks?|compilers?|"
    r"scripts?|runtime|syntax|bytecode|SDK|APIs?|apps?|software)\b"
)
_SOFTWARE_BEFORE = re.compile(
    r"\b(?:(?:written|wrote|rewrote|rewritten|coded|programmed|ported|implemented)(?: [\w-]+){0,4} in|"
    r"(?:app|apps|code|software|backend|library|program) (?:written )?in|learn|learning|learned|using) "
    r"(?:[A-Z]\w+ (?:and|or) )?$"
)


# A vehicle named after a place, by its maker before it or what it is after it: "the Hyundai Santa Fe", "Toyota
# will build more Tacoma pickups", "the Kia Sorento".
_MAKER_BEFORE = re.compile(
    r"\b(?:Hyundai|Toyota|Kia|Nissan|Ford|Chevrolet|Chevy|Honda|Seat|SEAT|Dodge|Jeep|Volkswagen|VW|Buick|GMC|Subaru|"
    r"Mazda|Renault|Peugeot|Fiat|Skoda|Škoda|Mitsubishi|Suzuki|Lincoln|Cadillac|Chrysler|Pontiac|Plymouth) (?:new )?$"
)
_MAKER = re.compile(_MAKER_BEFORE.pattern.replace(" (?:new )?$", "\\b"))
_VEHICLE_AFTER = re.compile(r" (?:pickups?|SUVs?|sedans?|hatchbacks?|crossovers?|minivans?)\b")


def vehicle_model(d: _Doc, m: Mention) -> bool:
    """A car model named after a place: "The Hyundai Santa Fe topped the sales chart", "more Tacoma pickups" —
    "a plant in Tacoma" stays the town."""
    if m.source == "dateline" or m.demonym_of:
        return False
    if _MAKER_BEFORE.search(d.text, max(0, m.start - 16), m.start):
        return True
    if not _VEHICLE_AFTER.match(d.text, m.end):
        return False
    lo, hi = _sentence_span(
        d.text, m.start, m.end
    )  # "in rural Texas pickups outnumber cars": no maker, no model
    return _MAKER.search(d.text, lo, hi) is not None and not any(
        c.fcode in ("PCLI", "ADM1") for c in d.gaz.candidates(normalize_name(m.text))[:3]
    )


# "A Jindo rescued from a farm", "a Kangal, the Turkish shepherd dog,": an indefinite article before the name and, after
# it, what a thing or an animal does or is — not "a Brooklyn apartment", "a Georgia man" (a noun after the name).
_A_BEFORE = re.compile(r"\b[Aa]n? $")
_A_THING_AFTER = re.compile(
    r", (?:the|a|an) | (?:was|is|has|had|named|called|bred|rescued|adopted|won|bit|barked|sold|fetched)\b"
    # two such things: "A Labrador and a Chihuahua were rescued" (the second's verb is plural)
    r"| and (?:a|an) [A-Z][\w'’-]+,? (?:were|are|have|had)\b"
)  # (not "a Bangor, Me., woman", "a Chicago based firm", "a Melbourne raised chef", "a Boston that had changed")
_SECOND_THING = re.compile(r",? (?:were|are|have|had)\b")  # … "and a Chihuahua were rescued"
_AND_A_BEFORE = re.compile(r"\band an? $")


def indefinite_thing(d: _Doc, m: Mention) -> bool:
    """A name after "a" or "an" that then does something or is described is a thing or an animal named after the
    place — a breed, a dish, a drink: "A Jindo rescued from a dog-meat farm was adopted", "a Kangal, the Turkish
    shepherd dog," — not "a Georgia man", "a Baghdad suburb" (the place's), nor a country's name ("a Germany that
    looks inward")."""
    if " " in m.text or m.source == "dateline" or m.demonym_of:
        return False
    if not (
        _A_BEFORE.search(d.text, max(0, m.start - 4), m.start)
        and (
            _A_THING_AFTER.match(d.text, m.end)
            or (
                _SECOND_THING.match(d.text, m.end)
                and _AND_A_BEFORE.search(d.text, max(0, m.start - 8), m.start)
            )
        )
    ):
        return False
    return not any(c.fcode == "PCLI" for c in d.gaz.candidates(normalize_name(m.text)))


# A ship's prefix right before its name: "HMS Belfast", "USS Arizona", "the RMS Lusitania", "MV Sewol".
_SHIP_PREFIX = re.compile(
    r"\b(?:HMS|HMAS|HMCS|HMNZS|HMY|USS|USNS|USCGC|RMS|MV|PNS|KRI|ROKS|ORP|HNLMS|TCG|NRP|BAP|BRP|RFS|FGS|"
    r"HDMS|HNoMS|ARA|NoCGV|MSV|SS|RV|"
    # a ship's kind right before its name, after "the/a" and at most one describing word: "the arms ship
    # Monchegorsk", "the tanker Volgograd" (not "ship Idaho potatoes", "the only destroyer Britain has")
    r"(?:[Tt]he|[Aa]n?) (?!(?:first|only|last|largest|biggest|newest|oldest|next|second|third) )(?:[a-z]+ )?"
    r"(?:ship|vessel|tanker|freighter|frigate|destroyer|cruiser|warship|trawler|steamer|steamship|liner|submarine|"
    r"icebreaker|yacht|schooner|corvette))"
    r" $"
)


# A clause's verb after the name: "the only destroyer Britain has", "the first submarine Australia will receive".
_CLAUSE_AFTER = re.compile(
    r" (?:has|have|had|will|would|can|could|may|might|must|should|is|was|owns|operates|built|bought|sent|received|"
    r"needs|wants|plans|ordered|lost|deployed)\b"
)


def ship_name(d: _Doc, m: Mention) -> bool:
    """A ship named after a place is no mention of it: "Schoolchildren toured HMS Belfast", "the wreck of the USS
    Arizona", "survivors of the RMS Lusitania" — a naval or merchant prefix right before the name; or its kind after
    "the/a" ("the arms ship Monchegorsk"), not before a clause's verb ("the only destroyer Britain has") nor a
    people's word ("tankers ship Russian oil")."""
    if m.source == "dateline" or (hit := _SHIP_PREFIX.search(d.text, max(0, m.start - 30), m.start)) is None:
        return False
    if hit.group().split()[0].isupper():
        return True  # "HMS", "USS": a naval prefix
    return not m.demonym_of and not _CLAUSE_AFTER.match(d.text, m.end)


# The Sun, the Moon and the planets, named like towns ("Earth", Texas; "Mars", Pennsylvania; "Jupiter", Florida).
_CELESTIAL = frozenset("Earth Moon Sun Mercury Venus Mars Jupiter Saturn Uranus Neptune Pluto".split())
# What a sentence about the sky or space says (not a town's "launch" of a festival: the words are space's own).
_SPACE_WORDS = re.compile(
    r"\b(?:planet(?:s|ary)?|orbit(?:s|ing|ed|al)?|spacecraft|spaceships?|space (?:station|probe|agency|flight|"
    r"mission|telescope|program+e)s?|astronauts?|cosmonauts?|NASA|rovers?|asteroids?|meteor(?:s|ites?)?|comets?|"
    r"lunar|telescopes?|galax(?:y|ies)|landers?|flyby|astronom(?:y|ers?|ical)|night sky|Red Planet|on Earth|"
    r"the Earth|[Tt]he Moon|[Tt]he Sun|Earth['’]s|moons)\b"
)


def celestial_body(d: _Doc, m: Mention) -> bool:
    """The Earth, the Moon, the Sun and the planets are no places on a map: "debris falling toward Earth", "the first
    crewed flight to Mars", "Jupiter's moons" — in a sentence about space (`_SPACE_WORDS`; "Earth" always: the Texas
    town of a thousand people is seldom news). A town of the name stays when the text says where it is ("Jupiter,
    Fla.", "Mars, a borough north of Pittsburgh", "Jupiter town council") or in a sentence that says nothing of
    space ("a marina in Jupiter", "Jupiter's mayor")."""
    if m.text not in _CELESTIAL or m.source == "dateline" or m.rule in _CONTEXT_RULES:
        return False  # "Mars, a borough north of Pittsburgh", "Jupiter town council": the words say town
    qualifier = d.rec.qualifiers.after(d.text, m.end)
    if qualifier.admin1 or qualifier.countries:
        return False
    if m.text == "Earth":
        return True
    lo, hi = _sentence_span(d.text, m.start, m.end)
    return _SPACE_WORDS.search(d.text, lo, hi) is not None


def programming_language(d: _Doc, m: Mention) -> bool:
    """A programming language named like a place, in a sentence about software: "The developers rewrote the banking
    app in Java" (not the island), "Swift developers" — "Floods on Java killed 12" stays the island."""
    if m.text not in _LANGUAGES or m.source == "dateline":
        return False  # "in Java" reads as a place to the locative rule; the words around it decide
    return bool(
        _SOFTWARE_AFTER.match(d.text, m.end) or _SOFTWARE_BEFORE.search(d.text, max(0, m.start - 60), m.start)
    )


def goods_name(d: _Doc, m: Mention) -> bool:
    """A town's name before the goods named for it, ending the phrase: "handmade Oxford shoes and Derby boots", "a
    Bedlington terrier", "Angora sweaters", "its Parma ham directly", "from Holstein to Jersey cows", "a bottle of
    Bordeaux" — a kind of thing, not the place. Not a country's or a state's ("Wisconsin cheese" is from
    Wisconsin), nor "Seattle coffee shops" (shops in Seattle)."""
    if " " in m.text or m.demonym_of or m.source == "dateline":
        return False
    readings = d.gaz.candidates(normalize_name(m.text))[:3]
    if any(c.fcode in ("PCLI", "ADM1") for c in readings):
        return False
    if _MARKET_AFTER.match(d.text, m.end) and any(
        c.fcode == "PPLC" or c.population >= GOODS_MARKET_POPULATION for c in readings
    ):
        return False  # a big city's market: "Colombo tea prices rose", "Kolkata tea sales"
    if said_before(_DRINK_OF, d.text, m.start, 14, ("of",)):
        return True
    listed = _LISTED_BEFORE_GOODS.match(d.text, m.end)
    return _goods_end(d.text, listed.end() if listed else m.end)


GOODS_MARKET_POPULATION = 300_000  # a city this big before goods and their prices is their market
_MARKET_AFTER = re.compile(r" [a-z]+ (?:prices|sales|exports|imports|auctions?|markets?)\b")


def _goods_end(text: str, at: int) -> bool:
    """Whether goods named for a place follow *at* and end their phrase ("Oxford shoes.", "Parma ham directly"), not
    "London gin distillers"."""
    goods = _GOODS_AFTER.match(text, at)
    following = goods.group("next") if goods else None
    return bool(goods) and (
        not following or following in _stop_words() or bool(_GOODS_PHRASE_END.fullmatch(following))
    )


_COMPANY_NOUN = (
    # "the Turkish company Kolin", "a defence contractor": a describing word before these three ("The contractor
    # Texas hired" is no firm called Texas)
    r"(?:(?<!\b[Tt]he )(?<!\b[Aa] )(?<!\b[Aa]n )(?<=[a-z] )(?:company(?! towns?\b)|firm|contractor)|insurer|reinsurer|lender|bank|"
    r"(?:car|auto|chip|drug|toy|shoe|steel|tyre|tire|furniture|blanket|jet|plane|aircraft|phone|handset|computer|"
    r"truck|bus|candy|chocolate|apparel|clothing|cosmetics|appliance|battery|glass|paint|paper|cement) ?maker|"
    r"airline|carrier|retailer|grocer|supermarket|brewer|distiller|outfitter|"
    # "frozen-food chain Iceland", "the coffee chain Costa" (not "the island chain", "a mountain chain")
    r"(?<=[a-z] )(?<!island )(?<!mountain )(?<!volcanic )(?<!supply )(?<![Tt]he food )chain|"
    r"miner|conglomerate|manufacturer|broker|asset manager|telecoms? (?:group|operator)|"
    r"(?:electronics|technology|tech|energy|oil|steel|media|mining|chemicals|engineering) (?:group|company|firm|giant))"
)
_SHARES_IN = re.compile(r"\b[Ss]hares (?:in|of) $")
_LISTED_IN = re.compile(r"-(?:listed|based|headquartered|registered|quoted)\b")
_COMPANY_BEFORE = re.compile(rf"\b{_COMPANY_NOUN} $")  # "the insurer Zurich" ("shares in X": _SHARES_IN)
# The last letters of _COMPANY_NOUN's words (see said_before): company, firm, contractor or operator, insurer or
# carmaker, bank, airline, supermarket, conglomerate, group, giant, chain.
_COMPANY_ENDS = ("ny", "rm", "or", "er", "nk", "ne", "et", "te", "up", "nt", "in")
# "Halifax, the mortgage lender," — not "… flights to Nairobi, the airline said" (that names the sentence's subject).
# "the mortgage lender", "the airline", "the country's second-biggest brewer" (not "a town whose bank")
_NOT_A_PLACE_WORD = (
    r"(?!(?:town|city|village|port|capital|state|country|region|province|county|island|resort) )"
)
# A product's noun: "Tajín, the chile-lime seasoning", "Borjomi, Georgia's best-known mineral water".
_PRODUCT_NOUN = (
    r"(?:brand|seasoning|sauce|condiment|beer|lager|ale|whisky|whiskey|liqueur|vodka|mineral water|soft drink|"
    r"energy drink|cigarette brand|cheese)(?! (?:region|country|town|city|capital|district|area|valley|producers?|"
    r"makers?|growers?|industry|trail|festival)\b)"
)
# "the mortgage lender", "Turkey's biggest brewer,": an article and describing words before a firm's noun; after a
# possessive (the town's parent, often: "Bend, Oregon's craft beer mecca") or before a product's noun, only a noun
# that ends the apposition ("Efes, Turkey's biggest brewer, raised", "Tajín, the chile-lime seasoning,").
_APPOSITION_ENDS = r"(?=[,.;:)]| (?:said|says|is|was|has|had|will|would|raised|reported|posted|announced)\b)"
_DESCRIBED = (
    rf"(?:(?:the|a|an) (?:{_NOT_A_PLACE_WORD}[\w.'’-]+ ){{0,3}}{_COMPANY_NOUN}"
    rf"|(?:the|a|an|[A-Z][\w.-]*['’]s) (?:{_NOT_A_PLACE_WORD}[\w.'’-]+ ){{0,3}}(?:{_COMPANY_NOUN}|{_PRODUCT_NOUN})"
    rf"{_APPOSITION_ENDS})"
)
_SAID = (  # what a firm's spokesman does: "…, the bank confirmed" names the sentence's subject, not the name before it
    r"(?:said|says|added|announced|reported|confirmed|confirms|stated|noted|told|explained|insisted|warned|wrote|"
    r"claimed|disclosed|acknowledged|admitted|revealed)"
)
# (not "…in Nairobi, the chain's franchisee said": the firm's own; without a comma, not a clause's subject: "sold its
# stores in Košice the retail chain is now selling…")
_COMPANY_AFTER = re.compile(
    rf"(?:, {_DESCRIBED}\b(?!['’]s\b| {_SAID})| {_DESCRIBED}\b(?!['’]s\b| {_SAID}| (?:is|was|are|were|has|had|have|will|"
    r"would|can|could)\b))"
)
_SAID_BY_COMPANY = re.compile(rf", {_DESCRIBED} {_SAID}\b")
# What only an airline does: "Delta cancelled 300 flights", "Emirates added a third daily flight".
_AIRLINE_DOES = re.compile(
    r" (?:has |have |had |will )?(?:cancell?ed|cancels|added|adds|grounded|grounds|suspended|suspends|resumed|"
    r"resumes|launched|launches|axed|operates|flies|flew|diverted|delayed)(?: \S+){0,4}? (?:flights?|routes?|planes|"
    r"jets|aircraft|fleet)\b"
)


def described_as_company(d: _Doc, m: Mention) -> bool:
    """A name the text calls a company: "the insurer Zurich", "carmaker Toyota", "Halifax, the mortgage lender,",
    "shares in Aberdeen" — whatever list it is in or not; or a sentence's subject that does what airlines do
    ("Delta cancelled 300 flights") or that the sentence ends by calling a company ("Alaska cancelled … after an
    outage, the airline said")."""
    if m.source == "dateline" or m.demonym_of or _LISTED_IN.match(d.text, m.end):
        return False  # "London-listed miner Antofagasta", "a Chicago-based firm": the firm's market or seat
    if said_before(_SHARES_IN, d.text, m.start, 20, ("in", "of")):
        return True  # "Shares in Santander fell": the "in" is no place's
    if d.text.endswith("Bank ", max(0, m.start - 5), m.start) and not _NAME_WORD_BEFORE.search(
        d.text, max(0, m.start - 30), m.start - 5
    ):
        # "Bank Muscat", "Bank Central Asia": a bank's name after its word — not "HSBC Bank Malta", "United Bank
        # Charleston" (a bank's branch in a place, which both corpora mark)
        return True
    if m.rule == "town_comma_parent" and _COMPANY_AFTER.match(d.text, m.end):
        return True  # "Efes, Turkey's biggest brewer": the country's firm, no "town, country"
    if m.rule in _CONTEXT_RULES:
        return False
    if said_before(_COMPANY_BEFORE, d.text, m.start, 40, _COMPANY_ENDS) or (
        # "Georgia Modular Systems, of Fitzgerald, a maker of homes": the firm's town after ", of"
        _COMPANY_AFTER.match(d.text, m.end) and not d.text.endswith(", of ", max(0, m.start - 5), m.start)
    ):
        return True
    before = d.text[max(0, m.start - 300) : m.start].rstrip()
    if before and before[-1] not in ".!?":
        return False  # not the sentence's subject: a word stands before it (most names; no bounds to read)
    lo, hi = _sentence_span(d.text, m.start, m.end)
    if d.text[lo : m.start].strip():
        return False  # not the sentence's subject
    if any(c.fcode in ("PCLI", "AIRP") for c in d.gaz.candidates(normalize_name(m.text))[:3]):
        return (
            False  # "China suspended flights", "Heathrow cancelled 175 flights": a country or an airport acts
        )
    return bool(_AIRLINE_DOES.match(d.text, m.end) or _SAID_BY_COMPANY.search(d.text, m.end, hi))


def organisation(d: _Doc, m: Mention) -> bool:
    """A company, brand, bank, shop or sponsor the gazetteer also holds as a place: "Target", "Wells Fargo", "Ford"
    (data/organisations.txt) — unless the text says place: "in Marathon", "Marathon, Fla.", "the town of Nokia"
    ("at Target", "to Ford" are the shop and the company)."""
    if m.rule in _CONTEXT_RULES:
        return False  # "the town of Nokia"
    if _ocean_ends_organisation(d, m):
        return True
    orgs = word_list("organisations.txt")
    key = normalize_name(m.text)
    previous = _PREVIOUS_WORD.search(d.text, max(0, m.start - 30), m.start)
    if key not in orgs and not (previous and normalize_name(f"{previous.group(1)} {m.text}") in orgs):
        return False
    if key in orgs and _POSSESSIVE_BEFORE.search(d.text, max(0, m.start - 4), m.start):
        return False  # "Moore's Ford": part of a longer name
    if d.text[max(0, m.start - 4) : m.start].lower() == "the " and any(
        c.curated or not c.fcode.startswith(("PPL", "ADM")) for c in d.gaz.candidates(key)[:3]
    ):
        return False  # "fires in the Amazon": the region, not the shop
    start = previous.start() if previous and key not in orgs else m.start
    if _BUSINESS_AFTER.match(d.text, m.end):
        return (
            True  # "laid off across Wells Fargo branches": the firm's branches wherever the words before say
        )
    return not (
        _IN_PLACE.search(d.text, max(0, start - 20), start)
        or _COMMA_PARENT.match(d.text, m.end)
        or _PLACE_OF_BEFORE.search(d.text, max(0, start - 20), start)
        or _listed_with_a_place(d, m, orgs)
    )


def _ocean_ends_organisation(d: _Doc, m: Mention) -> bool:
    """An ocean's or a continent's name that ends NER's organisation after a word of its own: "Cathay Pacific",
    "Cebu Pacific", "Virgin Atlantic", "Radio Free Asia" — a firm's name, not the ocean (but "the South Pacific
    Forum", "Sub-Saharan Africa", "Latin America": a part of it)."""
    if not any(
        c.fcode in ("OCN", "CONT") and c.name_kind <= 1 for c in d.gaz.candidates(normalize_name(m.text))
    ):
        return False  # (asked first: most names are no ocean's, and the entities are many)
    ends = [e for e in d.ents if e.end_char == m.end and e.start_char < m.start and e.label_ == "ORG"]
    if not ends:
        return False
    before = _WORD_BEFORE_END.search(d.text, ends[0].start_char, m.start)
    return before is not None and not _PART_OF_A_WHOLE.fullmatch(before.group(1))


_WORD_BEFORE_END = re.compile(r"([A-Z][\w-]*) $")  # the capitalised word right before a name
# Words that make a part of an ocean or a continent: "the South Pacific", "Sub-Saharan Africa", "Latin America".
_PART_OF_A_WHOLE = re.compile(
    rf"(?i:{_COMPASS}|northern|southern|eastern|western|central|sub-saharan|latin|equatorial|tropical|"
    r"north-central|mid|upper|lower|greater|continental|the)"
)


def _listed_with_a_place(d: _Doc, m: Mention, orgs: frozenset[str]) -> bool:
    """Whether *m* is an item of a list after a preposition ("flights between Santander and Madrid", "roads between
    Marathon and Athens") of which another item is a town or unit found in the text that is no listed organisation,
    with a reading within ``LISTED_TOWN_KM`` of one of *m*'s towns ("between Ford and Toyota" is two firms, "between
    Mercedes and China" a firm and a country)."""
    lo = max(0, m.start - 120)
    for match in _LIST.finditer(d.text, lo, min(len(d.text), m.end + 120)):
        if match.start("items") > m.start or match.end("items") < m.end:
            continue
        if not match.group("prep") or match.group("prep") == "and":
            return False
        towns = [c for c in d.gaz.candidates(normalize_name(m.text)) if c.fcode.startswith("PPL")]
        # The other items' main readings: a country's name is the country ("China", not China, Texas).
        keys = [
            normalize_name(p.text)
            for p in d.places
            if (p.start, p.end) != (m.start, m.end)
            and match.start("items") <= p.start
            and p.end <= match.end("items")
        ]
        others = [c for key in keys if key not in orgs for c in _main_readings(d.gaz, key)]
        return any(
            great_circle_km(t.lat, t.lon, o.lat, o.lon) <= LISTED_TOWN_KM for t in towns for o in others[:20]
        )
    return False


def _main_readings(gaz: Gazetteer, key: str) -> list[Candidate]:
    """The readings of *key* a reader would think of first: none when it is a country's own name, else its three
    most populous own-name towns and units."""
    own = [c for c in gaz.candidates(key) if c.name_kind <= 1]
    if any(c.fcode == "PCLI" for c in own):
        return []
    return sorted(own, key=lambda c: -c.population)[:3]


LISTED_TOWN_KM = 500.0  # a firm's name listed with a place is the town of that name this near the place


_BUSINESS_AFTER = re.compile(
    r" (?:stores?|branch(?:es)?|outlets?|plants?|offices?|restaurants?|locations?|shops?|dealerships?|factories|"
    r"factory|warehouses?|customers|employees|workers|staff|shares|stock)\b"
)
_INSTITUTION_SUFFIX = re.compile(r" (?:A&M|A & M|Tech)\b")  # "Texas A&M", "Georgia Tech": a university
# "Ohio State" alone (not "Ohio State University", "Ohio State Police"), after who studies or teaches there and "at"
_STATE_SCHOOL = re.compile(r" State\b(?![ -]?[A-Z]| of\b)")  # (not "the Denver State of the City address")


def _town_state_school(d: _Doc, m: Mention) -> bool:
    """ "Kent State", "Norfolk State", "Boise State": a town's name before "State" names its state university
    wherever it stands (a county's too: Kent, England) — unless the name is also a country's, state's or province's
    ("Ohio State", "Lagos State", "Kachin State") or "<name> State" is itself a place the index knows ("Unity
    State")."""
    key = normalize_name(m.text)
    if m.demonym_of:
        return False
    if any(c.fcode.startswith("PCL") or c.fcode in ("ADM1", "TERR") for c in d.gaz.candidates(key)):
        return False
    return d.rec._any_place(key) and not d.gaz.candidates(key + " state")


_STUDY_AT = re.compile(
    rf"\b(?:{_TEACHES}|teach|junior|senior|students?|graduated|graduate|alumnus|alumna|coach|coaches|coached|"
    r"plays|played|degree|attends|attended)\b[^.!?;]{0,30} at $"
)
_TRANSFERS = re.compile(r"\btransfer(?:red|s|ring)? (?:from|to) $")  # a student's or a player's school
_UNIVERSITY_AND = re.compile(r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),? and $")


_DESCRIBED_UNIVERSITY = re.compile(
    rf",? (?:the|a|an) (?:{_NOT_A_PLACE_WORD}[\w'’-]+ ){{0,3}}(?:university|college)\b(?! (?:town|city)\b)"
)


_EDUCATED = re.compile(r"-educated\b")


def university_alone(d: _Doc, m: Mention) -> bool:
    """A university called by one bare name, where the text is about studying, its people or its teams: "a
    sophomore at Brown", "she studied at Vanderbilt", "a Notre Dame player", "Gonzaga beat Baylor 86-70",
    "Scientists from Harvard and Cornell", "Amherst and Williams dropped legacy admissions" (data/universities.txt);
    and a state's name before "A&M" or "Tech" ("Texas A&M", "Georgia Tech") — an institution, not a town."""
    if _INSTITUTION_SUFFIX.match(d.text, m.end) or _DESCRIBED_UNIVERSITY.match(d.text, m.end):
        return True  # "Texas A&M"; "Belmont, the private university in Nashville" (not "Oxford, the university city")
    key = normalize_name(m.text)
    if _EDUCATED.match(d.text, m.end) and (
        key in word_list("universities.txt") or key in word_list("university_towns.txt")
    ):
        return True  # "the Cambridge-educated economist", "a Leiden-educated lawyer": the university
    if key in word_list("university_towns.txt"):
        # a town whose university goes by its name only right after who studies or teaches there: "a doctoral
        # student at Uppsala" (not "students from Bologna", "Bologna was flooded, and classes … were cancelled")
        return said_before(_STUDIES_AT, d.text, m.start, 40, _AT_ENDS) is not None
    if _STATE_SCHOOL.match(d.text, m.end):
        if said_before(_STUDY_AT, d.text, m.start, 50, _AT_ENDS) or _TRANSFERS.search(
            d.text, max(0, m.start - 20), m.start
        ):
            # "a junior at Ohio State", "teaches accounting at Michigan State", "transferred from Ohio State":
            # the university
            return True
        if _town_state_school(d, m):
            return True  # "a Kent State sophomore", "Boise State beat Fresno State": a town's university
    if _GOVERNED_TOWN.match(d.text, m.end):
        return False  # a town's government and people: "Berkeley's city council", "Princeton police said"
    if _COMMA_PARENT.match(d.text, m.end):
        return False  # "Columbia, Mo., police": the town
    if _NAME_OR_ITS_POSSESSIVE_GOES_ON.match(d.text, m.end):
        return False  # "Cornell University", "Columbia's Benedict College": a longer name, not the bare one
    if key not in word_list("universities.txt"):
        # Unlisted: only one word after "at" and words of who studies or teaches there ("lectures at Deakin", "a
        # sophomore at Lehigh"), and only a name no country, state or town of UNLISTED_CAMPUS_POPULATION people has.
        return bool(
            " " not in m.text
            and not m.demonym_of
            and said_before(_TEACHES_AT, d.text, m.start, 40, _AT_ENDS)
            and not any(
                c.fcode in ("PCLI", "ADM1") or c.population >= UNLISTED_CAMPUS_POPULATION
                for c in d.gaz.candidates(key)
                if c.name_kind <= 1
            )
        )
    if _FROM_BEFORE.search(d.text, max(0, m.start - 8), m.start) and any(
        c.fcode in ("ADM1", "ADM2", "RGN") and c.name_kind <= 1 for c in d.gaz.candidates(key)
    ):
        return False  # a county's name: "a student from Essex" is from the county ("researchers at Sussex": the university)
    if (
        _CAMPUS_NOUN.match(d.text, m.end)
        or _WORK_AFTER.match(d.text, m.end)
        or said_before(_STUDIES_AT, d.text, m.start, 40, ("at", "om"))
    ):
        return (
            True  # "a Notre Dame player", "Cornell scientists", "a Dartmouth study", "lectures at Macquarie"
        )
    if _GAME.search(d.text, max(0, m.start - 40), min(len(d.text), m.end + 40)):
        return True  # "Georgetown held off Villanova 66-61": the team
    lo, _ = _sentence_span(d.text, m.start, m.end)
    before = d.text[lo : m.start].strip()
    peer = said_before(_UNIVERSITY_AND, d.text, m.start, 40, ("nd",))
    opens = not before or (
        peer and peer.start() <= lo + 1 and normalize_name(peer.group(1)) in word_list("universities.txt")
    )
    if not (
        opens
        or _AT_INSTITUTION.search(d.text, max(0, m.start - 20), m.start)
        or (peer and normalize_name(peer.group(1)) in word_list("universities.txt"))
    ):
        return False
    if _MOVED_TO.search(d.text, max(0, m.start - 24), m.start):
        return False  # "she moved to Kent to study history": one moves to a town, and studies there
    return _STUDY.search(d.text, max(0, m.start - 80), min(len(d.text), m.end + 80)) is not None


# A match result between two sides: "Chelsea beat Everton 2-0", "Davidson knocked out Wake Forest", "the game
# against Houston". The side's name is a team's, however it is also a town's.
_RESULT_VERB = (
    r"(?:beat|beats|defeated|defeats|edged|edges|routed|routs|upset|upsets|knocked out|knock out|thrashed|crushed|"
    r"bowled out|bowls out|skittled out|skittled|"
    r"downed|outlasted|stunned|drew with|draws with|tied|lost to|loses to|fell to|falls to|held off|holds off|"
    r"overcame|eliminated|swept|blanked|shut out|edged past|rallied past|cruised past|slipped past|held|edge|"
    r"hold off|edge past|ease past|eased past|eases past|downs|thumped|thumps|hammered|hammers|trounced|trounces|"
    r"dumped|dumps|ousted|ousts|(?:came|come|comes|rallied|rally|rallies|fought|fight|fights) (?:back )?"
    r"(?:from behind |from two goals down |from a goal down )?to (?:beat|win|draw|edge|defeat|stun|sink|down)|"
    # "Leinster were too strong for Munster", "proved too good for", "were no match for"
    r"(?:were|was|are|is|proved|proves) (?:too (?:strong|good|much) for|no match for))"
)
_SCORE = r"(?<![\d-])\d{1,3}[-–]\d{1,3}(?![\d-])"  # "2-1", "24-17"; not a phone number's "903-675"
_PASSIVE_RESULT = (
    r"(?:were|was|are|is|got|get) (?:beaten|defeated|held|edged|thrashed|crushed|routed|stunned|knocked out|"
    r"eliminated|relegated|promoted|bowled out|skittled out|all out for)"
)
_SIDE_BEFORE_RESULT = re.compile(
    rf"(?: [A-Z][\w'’.]+){{0,2}}(?: (?:and|&) [A-Z][\w'’.]+(?: [A-Z][\w'’.]+)?)?(?:['’]s)? "
    rf"(?:(?:both )?{_RESULT_VERB}|{_PASSIVE_RESULT}|drew(?= \d{{1,3}}[-–]\d))\b"
)  # "Orlando Pirates beat", "Santos were beaten", "Metz and Angers were promoted", "Freiburg and Mainz drew 2-2"
# A side's result right after its name, alone or with another's: "Anderlecht lost 3-0 to", "Getafe won 2-1 at",
# "Lens and Lille both lost on Saturday" (not "Foggia's mayor Rossi won 52-48": no name between; not "Texas and Florida
# both lost seats").
_SIDE_SCORED = re.compile(
    rf"(?: (?:and|&) [A-Z][\w'’.]+)? (?:(?:won|lost|drew) {_SCORE} (?:to|at|against|with|over|in)\b|"
    # a cricket side's total: "Somerset closed on 64 for two", "Kent declared on 410/8", "Surrey were 88 for four"
    r"(?:closed|declared|finished|ended|resumed|were|was|reached|slumped to|recovered to) (?:on |at )?\d{1,3}"
    r"(?:/\d\b| for (?:\d|one|two|three|four|five|six|seven|eight|nine)\b)|"
    rf"both (?:won|lost|drew) (?:on \w+day|at home|away|again|their (?:matches|games|ties|fixtures)|{_SCORE})\b)"
)
_SIDE_AFTER_RESULT = re.compile(
    rf"\b(?:{_RESULT_VERB}|(?:beaten|defeated|held|edged|thrashed|crushed|routed|stunned|knocked out|eliminated)"
    rf"(?: {_SCORE})? by|(?:lost|losing|lose|loses|drew|drawing|draw|draws|tied|tie|ties|tying) {_SCORE} (?:to|with|against)|"
    rf"(?:won|win|wins|winning) {_SCORE} (?:against|over)) (?:the )?$"
)  # "beat Everton", "were beaten 2-0 by Palmeiras", "lost 3-0 to Club Brugge"
# A player's goals, games or signature for a side: "scored 11 goals for Gent", "made 80 appearances for the Saints",
# "signed for Gent in 2019".
_SIDE_PLAYED_FOR = re.compile(
    r"\b(?:(?:scored|scores|scoring|made|makes|making|played|plays|netted|nets|earned|won|his|her|their) "
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+-?[a-z]*) (?:(?:league|cup|senior|"
    r"first-team|international) )?(?:goals?|tries|appearances|caps|games|matches|starts|assists|wickets|touchdowns)|"
    r"(?:signed|signs|re-signed|made (?:his|her) debut|debuted)(?: \w+ly)?) for (?:the )?$"
)
_SIDE_AFTER_MATCH = re.compile(
    r"\b(?:game|games|match|matches|fixture|win|wins|victory|loss|defeat|clash|derby|rivalry|series|showdown|"
    r"meeting|semifinal|final|rematch)(?: (?:at home|on the road|on \w+|last \w+|this \w+))? "
    r"(?:against|over|to|with|vs\.?|v\.?) (?:the )?$"
)
# "Tottenham's captain", "Hoffenheim's striker", "Burnley's fans", "Werder fans": a side's people.
_SIDE_PEOPLE = re.compile(
    r"['’]s? (?:(?!(?:city|town|county|village|general|branch|store|plant|office|project) )\w+ )?(?:goalkeeper|keeper|goalie|striker|captain|skipper|manager|head coach|coach|midfielder|"
    r"defender|winger|forward|quarterback|pitcher|point guard|fly-half|scrum-half|fans|supporters|squad|line-?up|"
    r"seamers|bowlers|batsmen|batters|openers|spinners|pace attack|top order)\b"
)
# A player signed from a side for a fee: "signed winger Samuel Adeyemi from Gent for a fee of about £12 million",
# "joined on loan from Lyon" (the words before the side, within its sentence, and after it).
_SIGNED_FROM = re.compile(
    r"\b(?:signed|signs|signing|bought|buys|acquired|recruited|joined|joins|loaned)\b[^.!?;]{0,80}\bfrom (?:the )?$"
)
_FOR_A_FEE = re.compile(
    r" (?:for (?:a |an )?(?:reported |undisclosed |club-record |record |nominal |initial )*(?:fee\b|sum\b|[£€$])|"
    r"on (?:a )?(?:loan|free transfer|season-long loan)\b)"
)
_SIDE_FANS = re.compile(r" (?:fans|supporters|ultras)\b")  # "Werder fans gathered before kick-off"
# "Crystal Palace appointed a new manager", "Benfica signed a striker": what only a club does.
_SIDE_HIRES = re.compile(
    r"(?: [A-Z][\w'’.]+)? (?:appointed|sacked|fired|hired|named|signed|unveiled|parted company with|sold|loaned)"
    r" (?:a |an |its |their |the )?(?:new |interim |caretaker |former |young |veteran |teenage |\d\d-year-old )?"
    r"(?:[A-Z][a-z]+ )?(?:manager|head coach|coach|striker|"
    r"goalkeeper|keeper|midfielder|defender|winger|forward|quarterback|pitcher|point guard)\b"
)
# A fixture to come: "will face Cork in the final", "host Toluca next week", "take on Hungary in Stuttgart on
# Saturday" — a verb of meeting a side before the name, a round or a time after it.
_FIXTURE_BEFORE = re.compile(
    r"\b(?:face|faces|facing|host|hosts|hosting|meet|meets|take on|takes on)(?: the)? $"
)
_FIXTURE_ROUND = (
    r"in the (?:final|semi-?final|quarter-?final|(?:first|second|third|fourth|next) round|play-?offs?)"
    r"(?=[,.;:!?]|$| (?:at|in|on|against|next|this|later|tomorrow|tonight)\b)"
)
_FIXTURE_AFTER = re.compile(
    rf"(?: in (?!the\b)[A-Z][\w-]+)?(?: (?P<round>{_FIXTURE_ROUND})| (?:next|this) (?:week|weekend|month|season)|"
    r" on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
_SIDE_VERSUS = re.compile(r" (?:vs\.?|v\.?|versus) [A-Z]")
_VERSUS_BEFORE = re.compile(r" (?:vs\.?|v\.?|versus) $")
_SIDE_NAME_VERSUS = re.compile(r"(?: [A-Z][\w'’.]+){1,2} (?:vs\.?|v\.?|versus) [A-Z]")
_GAME_WORDS = re.compile(
    rf"{_SCORE}|\b(?:game|match|fixture|derby|tournament|playoffs?|semi-?finals?|quarter-?finals?|"
    r"round|league|season|championship|title|cup|rivalry|overtime|extra time|penalties|innings|halftime|"
    r"half-time|touchdowns?|goals?|points|conference|seed|standings|coach|scored|kick-?off|table|fans|stadium|"
    r"striker|goalkeeper|quarterback|pitch|whistle|tip-?off|tips off|defeats?|relegat\w+|promot\w+|manager|"
    r"transfer|wickets?|overs|sixes|run chase|chased down \d+|balls to spare|try|tries|games|matches|squad|"
    r"bowled|bowl(?:ers?|ing)|seamers|spinners|batsm[ae]n|batters|batting|\d+ runs|"
    r"(?:re-)?sign(?:ed|s|ing)?|players|transfer fee|fee|contract|captain|auction|scorer|defender|forward|midfielder|"
    r"traded|draft pick|Champions League|Premier League|Super League|Bundesliga|La Liga|Serie A|training camp|"
    r"spring training|ballpark|preseason|offseason|rookie|bowl)\b",
    re.IGNORECASE,
)
BIG_SIDE_POPULATION = 100_000  # a side named after a city this big needs a sentence only sport has
# What a side by its nickname does or where it plays, besides a result (_GAME): "Salford Red Devils face Wigan
# Warriors at home", "the Alaska Aces will leave the PBA" (a nickname that closes the name and one of these: a
# fixture against a side it names, not "the Texas Rangers face questions", nor a firm's plural name).
_NICKNAMED_SIDE_PLAYS = re.compile(
    r"\b(?:(?:face[sd]?|facing|host(?:s|ed|ing)?|visit(?:s|ed|ing)?|travel(?:s|led|ing)? to) (?:the )?(?=[A-Z])|at home|"
    r"away (?:at|to|from)|NBA|WNBA|NFL|NHL|MLB|MLS|PBA|IPL|PSL|BBL|NRL|AFL|EPL|SPL|KBO|NPB|CFL|NWSL)\b"
)
_TOWN_PEOPLE_NEXT = re.compile(rf" (?:{_TOWN_PEOPLE}|officials|leaders|authorities|workers|staff)\b")


def _side_nickname_ends(text: str, end: int) -> bool:
    """Whether the words after a name ending at *end* are a side's nickname that closes the name, no town's people
    or office after it ("Seattle City officials met": the city's officials, no side)."""
    after = _NICKNAME.match(text, end)
    return after is not None and _TOWN_PEOPLE_NEXT.match(text, after.end()) is None


# The nations of the United Kingdom field national sides, as countries do ("Scotland beat Italy 31-29").
_HOME_NATIONS = frozenset({"GB.ENG", "GB.SCT", "GB.WLS", "GB.NIR"})
# What makes a tally no game's: a court's, a vote's, an election's or a panel's ("Texas lost 5-4 at the Supreme Court",
# "Ohio won 52-48 in the Senate vote", "Alberta won 3-2 in the arbitration"); read for a state's or a province's
# side and for a score right after a side, not for every result ("Nantes stunned Marseille 2-1 on the day the
# government announced new stadium rules" is a match).
_NOT_A_GAME = re.compile(
    r"\b(?:[Cc]ourt|[Jj]ustices?|ruling|ruled|appeals?|[Tt]ribunal|lawsuit|verdict|jury|judges?|votes?|voted|voting|"
    r"ballots?|elections?|[Ss]enate|[Cc]ongress|[Pp]arliament|[Aa]ssembly|council|[Ll]egislature|lawmakers|litigation|"
    r"primary|primaries|caucus(?:es)?|recount|referendum|redistricting|census|governor|government|ministry|"
    r"dispute|arbitration|panel|commission|committee|[Bb]oard|hearing|poll|survey|regents|negotiations|compact|"
    r"talks|bid|battle for)\b"
)
# … and for a country's side or a fixture to come, words of war, trade or diplomacy: "Japan hammered China over the
# trade dispute", "India defeated Pakistan in the 1971 war", "will host France next week for talks on migration"
_NOT_A_NATIONS_GAME = re.compile(
    r"\b(?:wars?|troops|forces|army|military|missiles?|invasion|sanctions|tariffs?|trade|ceasefire|summit|treaty|"
    r"diplomat\w*|embassy|president|prime minister|premier|minister|campaign|emissions|net zero|economy|GDP|"
    r"visit|state visit)\b"
)
_SPORT_ROLES = (
    r"goalkeeper|keeper|goalie|striker|midfielder|defender|winger|quarterback|pitcher|point guard|fly-half|scrum-half|"
    r"bowlers|seamers|spinners|batsmen|batters"
)
# A sport's own word for a country's side, besides a score: not "goal", "penalties" or "scored", which politics uses
_NATIONS_SPORT = re.compile(
    rf"{_SCORE}|\b(?:{_SPORT_ROLES}|football|soccer|rugby|hurling|cricket|hockey|basketball|baseball|netball|handball|"
    r"volleyball|tennis|sevens|innings|wickets?|stumps|bowled|Test|ODI|T20|World Cup|Euros?|Olympics?|"
    r"semi-?finals?|quarter-?finals?|group stage|kick-?off|halftime|half-time|extra time|stoppage time|"
    r"friendly|qualifiers?|tries|try|touchdowns?|hat-?trick|clean sheet)\b"
)
_SPORT_ROLE = re.compile(rf"\b(?:{_SPORT_ROLES})\b")
_SPORT_ONLY = re.compile(
    rf"{_SCORE}|\b(?:{_SPORT_ROLES}|match|matches|fixture|derby|league|cup|playoffs?|halftime|half-time|innings|"
    r"wickets?|bowled (?:out|for)|touchdowns?|kick-?off(?! (?:rally|event|meeting|party|celebration|luncheon|breakfast|dinner|ceremony))|quarter-?finals?|semi-?finals?|penalt(?:y|ies)|goals?|scored|"
    r"(?:top|bottom) of the table|football|soccer|rugby|hurling|cricket|hockey|basketball|baseball|netball|"
    r"\d+ (?:league |cup |senior |first-team )?appearances|"
    r"handball|volleyball|overtime|extra time|stoppage time|injury time|hat-?trick|clean sheet|relegat\w+|"
    r"promotion|(?:straight|consecutive|away|home) (?:defeats?|wins?|loss|losses|victory|victories)|title race|"
    r"grand final|Champions League|Premier League|Super League|Bundesliga|La Liga|Serie A|Ligue 1|NBA|NFL|NHL|MLB|"
    r"IPL)\b"
)
# The words after a town's name that make it a team's: "Mumbai Indians", "Melbourne Storm", "Chennai Super Kings" —
# one or two capitalised words ending in a plural or a mascot word, none a place's, an institution's or a party's
# ("Palm Springs", "Texas Parks & Wildlife", "Texas Democrats").
# What only a match has: a score, a result, cricket's and football's counts, a league.
_MATCH_WORDS = re.compile(
    rf"{_SCORE}|\b(?:beat|beats|defeated|won|lost|drew|wickets?|runs|goals?|innings|(?:top|bottom) of the table|"
    r"overs|chased down|balls to spare|league|cup|final|match|fixture|derby|playoffs?|halftime|half-time)\b"
)
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")  # "Mumbai " before a demonym nickname
_NICKNAME = re.compile(
    r" ((?:[A-Z][a-z]+ )?(?:[A-Z][a-z]+s|Storm|Heat|Thunder|Magic|Jazz|Lightning|Galaxy|Sky|Fever|Lynx|United|"
    r"Athletic|Albion|Hotspur|Argyle|Orient|City|Town|FC|AFC|Saint-Germain))\b(?![ -]?[A-Z]|['’]s\b| &| of\b|"
    # (not "and …", a firm's or a body's longer name, save another side: "the Hobart Hurricanes and the Perth Scorchers")
    r" and\b(?! (?:the )?[A-Z][a-z]+ [A-Z][a-z]+s\b)|"
    # a people's group, not a side: "the North Arlington Neighbors association"
    r" (?:association|group|coalition|alliance|society|committee|network|organi[sz]ation|union|council)\b)"
)
_NOT_NICKNAME = frozenset(
    "County Heights Springs Falls Beach Beaches Island Islands Park Valley Bay Harbour Harbor Lake Lakes River "
    "Hills Hill Station Airport Port Street Road Avenue Square Centre Center Mall Bridge Cathedral Castle University "
    "College School Schools Hospital Council Police Department Court Government State Times Post Herald Tribune "
    "Journal Gazette Chronicle Star Sun News Press Mail Telegraph Observer Record Daily Democrats Republicans "
    "Conservatives Liberals Greens Labour Muslims Christians Catholics Jews Stadium Arena Ground Oval Field Open "
    "Marathon Grand Prix Games Cup Masters Classic Derby Festival Zoo Museum Library Airlines Airways Bank Parks "
    "Gardens Woods Heights Plains Rapids Shoals Keys Sands Downs Meadows Acres Pines Oaks Palms Commons Highlands "
    "Lowlands Estates Apartments Homes Towers Schools Sports News Arts Services Affairs Relations Resources "
    "Industries Holdings Partners Associates Commissioners Officials Citizens Residents Veterans Seniors Students "
    "Crimestoppers Singers Artists Players Friends Fairgrounds Waterways Elks Kiwanis Rotarians Olympics Paralympics "
    "Championships Nationals Accords Agreements Conventions Treaties Protocols Talks Dales Broads Wolds Fens "
    "Mountains Islands Lakes Neighbors Neighbours Homeowners Taxpayers Voters Parents Families Farmers Growers "
    "Landowners Tenants Workers Nurses Teachers Doctors Businesses Merchants Retailers".split()
)


# What opens a club's name before its town's: "Borussia Dortmund", "Athletic Bilbao", "Wisła Kraków", "Real Madrid".
_CLUB_WORDS = (
    r"Real|Atlético|Atletico|Athletic|Borussia|Dynamo|Dinamo|Lokomotiv|Spartak|CSKA|Sporting|Olympique|Inter|"
    r"AC|AS|SS|Red Bull|Bayern|Wisła|Legia|Lech|Hertha|Eintracht|Fortuna|Rapid|Slavia|Sparta|Viktoria|Zenit|"
    r"Shakhtar|Hapoel|Maccabi|Ajax|Ferencváros|JS|MC|CR|USM|CS|Wydad|Raja|Deportivo|Racing|Olimpia|Independiente"
)
# A club's letters or word before its town ("FC Utrecht", "VfL Wolfsburg", "Club Brugge"; not "SC": a state's code
# can end a "Town, SC" before the next name).
_CLUB_LETTERS = r"Club|FC|CF|AFC|SV|VfB|VfL|TSG|FK|NK|HNK|SK|KV|KRC|RC|SD|CD|UD"
_CLUB_BEFORE = re.compile(rf"\b(?:{_CLUB_WORDS}|{_CLUB_LETTERS}) $")
# A club's whole name as one mention, its club word first: "Atlético Madrid", "Club Brugge", "FC Porto".
_CLUB_FIRST = re.compile(rf"(?:{_CLUB_WORDS}|{_CLUB_LETTERS}|SC) ")


def _club_named(d: _Doc, m: Mention) -> bool:
    """Whether the mention is a club's whole name, a club's word then a place ("Atlético Madrid", "Club Brugge",
    "FC Porto"), and no place's own name ("Real de Catorce" is a town)."""
    club = _CLUB_FIRST.match(m.text)
    return (
        club is not None
        and bool(d.gaz.candidates(normalize_name(m.text[club.end() :])))
        and not d.gaz.candidates(normalize_name(m.text))
    )


def _named_side_again(d: _Doc, m: Mention) -> bool:
    """A town's name the text has already given a side by its whole name ("Rajasthan Royals beat Chennai Super Kings
    …"), again alone in a sentence only sport has (``_SPORT_ONLY``: "Rajasthan have played two home matches in
    Assam"): the side — not "Gujarat will host a summit next season". Not after a locative word ("fly to Lucknow to
    face Lucknow Super Giants"), not a name the text puts elsewhere ("Chennai, Tamil Nadu"), not a country's (its
    national side is the country) nor a big city's (``BIG_SIDE_POPULATION``: "Liverpool won the game 3-0" is where
    GeoWebNews marks the city)."""
    if m.source == "dateline" or m.demonym_of or " " in m.text:
        return False
    own = [c for c in d.gaz.candidates(normalize_name(m.text)) if c.name_kind <= 1]
    if any(
        c.fcode == "PCLI" or (c.fcode.startswith("PPL") and c.population >= BIG_SIDE_POPULATION) for c in own
    ):
        return False
    lo, hi = _sentence_span(d.text, m.start, m.end)
    if _SPORT_ONLY.search(d.text, lo, hi) is None:
        return False
    if d.sides is None:
        d.sides = frozenset(
            normalize_name(p.text) for p in d.places if " " not in p.text and _team_nickname(d, p)
        )
    return (
        normalize_name(m.text) in d.sides
        and _NICKNAME.match(d.text, m.end) is None  # (the whole name is the side's own rule's)
        and not said_before(_LOCATIVE, d.text, m.start, 12, _LOCATIVE_ENDS)
        and _COMMA_PARENT.match(d.text, m.end) is None
    )


def _team_nickname(d: _Doc, m: Mention) -> bool:
    """Whether a team's nickname follows the place name of *m* (:data:`_NICKNAME`; the words are no place's
    generic or institution's, and the whole is no place the gazetteer knows), or a club's word opens the name
    before it (:data:`_CLUB_BEFORE`: "Borussia Dortmund", "Bayern Munich")."""
    if _CLUB_BEFORE.search(d.text, max(0, m.start - 15), m.start) or _club_named(d, m):
        return True
    after = _NICKNAME.match(d.text, m.end)
    if after is None or any(
        word in _NOT_NICKNAME or word in _NOT_SIDE_WORDS for word in after.group(1).split()
    ):
        return False
    if any(
        c.name_kind <= 1 and not c.fcode.startswith(("PPL", "ADM", "PCL"))
        for c in d.gaz.candidates(normalize_name(after.group(1).split()[-1]))
    ):
        return False  # a feature's or a region's name: "the Massachusetts Berkshires", "the Florida Keys"
    if d.gaz.demonym(normalize_name(after.group(1).split()[-1])):
        # "Mumbai Indians" in a result, not "London Nigerians signed a petition": a people's name needs a match
        lo, hi = _sentence_span(d.text, m.start, m.end)
        if _MATCH_WORDS.search(d.text, lo, hi) is None:
            return False
    return not d.gaz.candidates(normalize_name(d.text[m.start : after.end()]))


# What a team's nickname is not: a firm's, a service's or a study's plural ("the New Orleans Railways", "the Illinois
# Skills Match", "the Pacific Decadal Oscillations"), a region's ("the Nebraska Sandhills"), a lottery.
_NOT_SIDE_WORDS = frozenset(
    "Railways Railroads Lines Airlines Airways Motors Foods Instruments Systems Technologies Communications Networks "
    "Solutions Enterprises Studios Pictures Records Publications Sciences Laboratories Labs Products Supplies Stores "
    "Markets Skills Oscillations Sandhills Badlands Everglades Flats Narrows Lottery Policemen Officers Deputies "
    "Troopers Firefighters Employees Members Lawmakers Legislators Delegates Judges Courts Dome Teamsters Buses Pops "
    "Philharmonic Symphony Orchestra Chorale Chorus Ballet Opera Guards Rifles Levies Scouts Cadets Marines "
    "Fusiliers Regiment Dragoons Hussars Hospitals Customs Caucuses Primaries Sens Reps Gens Govs Sgts Lts Capts "
    "Cols Drs Profs".split()
)
# Words of lawmen, soldiers or honorary titles as well as of sides: "the Texas Rangers arrested", "the Sindh Rangers",
# "a Kentucky Colonel" — a side's name only in a sentence about a game.
_LAW_OR_SIDE = frozenset("Rangers Colonels Volunteers Highlanders Royals Guardians Lancers".split())
_ORG_WORD_ZIPF = (
    4.3  # a singular nickname is rarer in English than this ("Phoenix" 4.2; "Academy" 4.6, "Club" 5.2)
)
_CAPITAL_NEXT = re.compile(r" [A-Z]")
_SCORE_AT_END = re.compile(rf" {_SCORE}$")
_ORG_SIDE_TAIL = re.compile(
    r"(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}"
)  # " Phoenix", " Toyo Carp", " Nippon-Ham Fighters"


def _org_side(d: _Doc, m: Mention) -> bool:
    """Whether NER's organisation is the place's name and a team's nickname: one or two words more that name no
    place, institution or feature, a plural or mascot word ("the St. Louis Cardinals" anywhere), or another word in a
    sentence about a game ("the Wellington Phoenix have signed a striker", "the Hiroshima Toyo Carp opened spring
    training") — a side's whole name; not "the Ohio Senate", "the Florida Highway Patrol", "Kansas City", "the
    Florida Keys"."""
    if not _CAPITAL_NEXT.match(d.text, m.end):
        return False  # (most names: no capitalised word follows, nothing to read)
    for e in d.ents:
        if e.label_ != "ORG" or not e.start_char <= m.start < e.end_char:
            continue
        if e.end_char <= m.end or d.text[e.start_char : m.start].strip().lower() not in ("", "the"):
            return False
        end = e.end_char
        if score := _SCORE_AT_END.search(d.text, m.end, end):  # NER's "Nottingham Forest 2-1"
            end = score.start()
        tail = _ORG_SIDE_TAIL.fullmatch(d.text, m.end, end)
        if tail is None or _VENUE.search(tail.group()) or _GROUND_ENDS.search(tail.group()):
            return False  # a venue's name: "the Tokyo Dome", "Tokyo Racecourse"
        words = tail.group().split()
        last = normalize_name(words[-1])
        plural = _NICKNAME.fullmatch(d.text, m.end, end) is not None
        if not plural or words[-1] in _LAW_OR_SIDE:
            # a singular nickname ("the Wellington Phoenix", "the Hiroshima Carp") or a word of lawmen and sides
            # alike ("the Texas Rangers arrested") only where the sentence is a game's; a singular
            # one no word as common as an organisation's ("Academy", "Conference", "Club", "Central", "Match")
            lo, hi = _sentence_span(d.text, m.start, m.end)
            if not _GAME_WORDS.search(d.text, lo, hi) or (
                not plural and any(zipf_in_english(w) >= _ORG_WORD_ZIPF for w in words)
            ):
                return False
        return not (
            any(w in _NOT_NICKNAME or w in _INSTITUTIONS or w in _NOT_SIDE_WORDS for w in words)
            or any(
                c.name_kind <= 1 and not c.fcode.startswith(("PPL", "ADM", "PCL"))
                for c in d.gaz.candidates(last)
            )  # "the Texas Hill Country", "the Maryland Eastern Shore"
            or d.gaz.demonym(last)
            or d.gaz.candidates(normalize_name(d.text[m.start : end]))
        )
    return False


def _named_team(d: _Doc, m: Mention) -> bool:
    """Whether *m* opens a side's whole name, by its nickname or club word ("the Winnipeg Jets", "Borussia
    Dortmund") — not a person's name shaped like one ("Denver Jones": a given name, then a census surname)."""
    if not _team_nickname(d, m):
        return _org_side(d, m)
    after = _NICKNAME.match(d.text, m.end)
    return not (after and m.text in _listed_given_names() and after.group(1) in census_names())


def _unit_side(d: _Doc, m: Mention) -> bool:
    """Whether a side is named by a county, a province or a state before any town of its name (the biggest own
    reading is an admin-1 or admin-2 unit): "Mayo beat Galway at MacHale Park in Castlebar", "Kilkenny knocked out
    Tipperary" — the county's team, never its county even where the match is played, as a small town's side may be
    its town in a local report ("beat Banbury"); not "Minnesota's #7 rated team" (the state's ranking), nor
    "Roscommon fans travelled to the ground in Roscommon town" (the county's people)."""
    if (
        m.text.endswith(("'s", "’s"))
        or d.text.startswith(("'s", "’s"), m.end)
        or _SIDE_FANS.match(d.text, m.end)
    ):
        return False
    own = [c for c in d.gaz.candidates(normalize_name(m.text)) if c.name_kind <= 1]
    biggest = max(own, key=lambda c: c.population, default=None)
    return biggest is not None and biggest.fcode in ("ADM1", "ADM2")


def sports_team(d: _Doc, m: Mention) -> bool:
    """A side in a match result is a team, not surely its town: "Chelsea beat Everton 2-0", "Lehigh beat Lafayette
    24-17", "Davidson knocked out Wake Forest in the first round", "Saturday's game against Houston", "Orlando
    Pirates vs Kaizer Chiefs" — when the sentence is about a game (a score or a game word). The mention comes back
    as a "maybe" one (see ``maybe_place``): its town only when the story is near it ("who beat Banbury" in a
    Midlands report), a big city's as a small town's ("Nantes stunned Marseille 2-1" names two clubs). A state's,
    a province's or a county's name is its side too, in a sentence only sport has ("Michigan beat Ohio State
    30-24", "Kilkenny knocked out Galway in the hurling quarter-final"; see :func:`_unit_side`), and a country's
    (the UK's nations' too) is its national side as a big city's is its club ("Scotland lost 5-1 to Germany";
    not "Norway beat Sweden in the race to host the summit"), and never a name after "in" or "at" ("beat Everton
    2-0 in London"). A side's people name it too: "Tottenham's captain", "Hoffenheim's striker"; so does a
    team's nickname after the name or a club's word before it, big city or not ("Mumbai Indians", "Melbourne Storm",
    "Borussia Dortmund", "Manchester City"; a people's name as the nickname only in a match: see
    :func:`_team_nickname`), and a plural demonym right after a big city's name in a match is that team's nickname
    ("Mumbai Indians" is no mention of India)."""
    if m.source == "dateline" or m.rule in ("town_comma_parent", "place_phrase"):
        return False  # "fell to Penrith" reads as a place to the locative rule, but a result names a team
    if _club_named(d, m):
        return True  # "Atlético Madrid", "Club Brugge": a club's whole name, a game's sentence or not
    if _named_side_again(d, m):
        return True  # "Rajasthan Royals beat …; Rajasthan have played two home games in Assam"
    text = d.text
    if (
        m.demonym_of
    ):  # "Mumbai Indians", "Cleveland Indians": a plural demonym as a big town's team's nickname
        before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
        if not m.text.endswith("s") or before is None:
            return False
        key = normalize_name(before.group(1))
        if not d.rec._claimable(key, before.group(1)):
            return False
        lo, hi = _sentence_span(text, m.start, m.end)
        return _GAME_WORDS.search(text, lo, hi) is not None
    fans = fixture = None
    side = (
        _SIDE_BEFORE_RESULT.match(text, m.end)
        or _SIDE_SCORED.match(text, m.end)
        or _SIDE_AFTER_RESULT.search(text, max(0, m.start - 24), m.start)
        or _SIDE_AFTER_MATCH.search(text, max(0, m.start - 60), m.start)
        or _SIDE_PLAYED_FOR.search(text, max(0, m.start - 60), m.start)
        or _SIDE_VERSUS.match(text, m.end)
        or _SIDE_NAME_VERSUS.match(text, m.end)
        or _VERSUS_BEFORE.search(text, max(0, m.start - 10), m.start)
        or (
            _FIXTURE_BEFORE.search(text, max(0, m.start - 16), m.start)
            and (fixture := _FIXTURE_AFTER.match(text, m.end))
        )
        or _SIDE_PEOPLE.match(text, m.end)
        or (_FOR_A_FEE.match(text, m.end) and _SIGNED_FROM.search(text, max(0, m.start - 110), m.start))
        or (fans := _SIDE_FANS.match(text, m.end))
    )
    nickname = _team_nickname(d, m)
    if _org_side(d, m):  # NER's "the Wellington Phoenix": the side's whole name, game words or not
        return not any(
            c.fcode == "PCLI" and c.name_kind <= 1 for c in d.gaz.candidates(normalize_name(m.text))
        )
    hires = None if side or nickname else _SIDE_HIRES.match(text, m.end)
    if side is not None and side is fans:
        hires = fans  # "Werder fans": a game word besides "fans" ("Talladega fans packed the infield" is no match)
    if not (side or hires or nickname) or _COMMA_PARENT.match(text, m.end):
        return False
    lo, hi = _sentence_span(text, m.start, m.end)
    own_lo = lo
    if fixture is not None and lo > 1:
        # a fixture to come is said after the game's report: the sentence before says the sport ("Scotland edged
        # Tonga 24-19. Scotland now travel to Bloemfontein to face South Africa next month.")
        lo = _sentence_span(text, lo - 2, lo - 2)[0]
    key = normalize_name(m.text)
    own = [c for c in d.gaz.candidates(key) if c.name_kind <= 1]
    unit = any(c.fcode == "ADM1" for c in own)
    # A national side (the UK's nations' too) is read as a big city's: "England were bowled out for 187".
    national = any(c.fcode == "PCLI" or c.admin1 in _HOME_NATIONS for c in own if c.fcode in ("PCLI", "ADM1"))
    if (
        not nickname
        and (unit or national or fixture is not None or (side is not None and side.re is _SIDE_SCORED))
        and _NOT_A_GAME.search(text, own_lo, hi)
    ):
        return False  # a court's, a vote's or a panel's tally: "Texas lost 5-4 at the Supreme Court"
    if (national or fixture is not None) and _NOT_A_NATIONS_GAME.search(text, own_lo, hi):
        return (
            False  # "Japan hammered China over the trade dispute", "will host France next week for a summit"
        )
    # A game word of the sentence; for a hiring, one besides the role hired ("Smyrna hired a new coach for its
    # high school" says no game). A round after a fixture's verb is one ("will face Cork in the final").
    sporting_round = fixture is not None and fixture.group("round") is not None
    if (
        not sporting_round
        and not any(
            hires is None or not hires.start() <= word.start() < hires.end()
            for word in _GAME_WORDS.finditer(text, lo, hi)
        )
        and not (
            nickname  # "the Orlando Magic beat the Miami Heat", "Salford Red Devils face Wigan Warriors at home"
            and (
                _GAME.search(text, lo, hi)
                or (_NICKNAMED_SIDE_PLAYS.search(text, lo, hi) and _side_nickname_ends(text, m.end))
            )
        )
    ):
        return False
    if key not in d.gaz.strong_keys:
        return True
    if nickname:  # "Mumbai Indians", "the Brisbane Broncos", "Niger Tornadoes": the team's name, not its town
        # … a country's only in a sentence only sport has ("England Lions were bowled out"; not "U.S. Sens. Boxer")
        return not any(c.fcode == "PCLI" for c in own) or _NATIONS_SPORT.search(text, lo, hi) is not None
    towns = [c.population for c in own if c.fcode.startswith("PPL")]
    if not towns and not unit and not national:
        # a region's or a feature's name on a side is a club's: "East Bengal beat Mohun Bagan 2-1"
        return not any(c.fcode == "CONT" for c in own)
    if not national and not unit and max(towns or [0]) < BIG_SIDE_POPULATION:
        return True  # "Everton", "Hoffenheim", "Lafayette" the college: the side, the town only if near
    # A big city's or a state's, a province's or a county's name is a side only where the sentence can be about
    # nothing but a game: a result or a player's role, and a score or a word only sport has ("Nantes stunned
    # Marseille 2-1", "Iowa beat Nebraska 24-17"; not "London beat Paris in the final round of voting", "Detroit's
    # emergency manager", "Mumbai's cricket fans", "Marseille beat its heat record", "Texas beat California for the
    # title").
    if (side is None and hires is None) or (fans is not None and side is fans):
        return False
    if side is not None and side.re is _SIDE_PEOPLE and not _SPORT_ROLE.search(side.group()):
        return False
    if sporting_round:
        return True  # "will face Cork in the final": a round of a competition says sport
    # (a country's side needs a score or a sport's own word: "goal" and "penalties" are politics' words too)
    return (_NATIONS_SPORT if national else _SPORT_ONLY).search(text, lo, hi) is not None


def acronym(d: _Doc, m: Mention) -> bool:
    """An all-capitals acronym the gazetteer holds only as some place's alternate name (an airport code, a local
    abbreviation) is an organisation's: "NRA" (not Narrandera), "AMA" — "US", "UAE", "NYC" are names or aliases.
    So is "the VA", "the PA", "the OR", "the ME" (Veterans Affairs, a public address system, an operating room, a
    medical examiner) — not before a place's word ("the PA coast") — while "the NC coast", "the ACT" stay places."""
    if m.source == "dateline" or not _ACRONYM.fullmatch(m.text):
        return False
    if m.text in _defined_acronyms(d.text):
        return True  # "the Palestinian Authority (PA) … PA officials said", "the African Union (AU)"
    key = normalize_name(m.text)
    readings = [c for c in d.gaz.candidates(key) if c.name_kind <= 1]
    if (
        m.text in _AGENCY_CODES
        and _THE_BEFORE.search(d.text, max(0, m.start - 4), m.start)
        and not _PLACE_WORD_AFTER.match(d.text, m.end)
        # (a town whose own name is the letters in lower case, "Pa" in Burkina Faso, reads no capitals)
        and all(
            c.fcode == "ADM1" and c.country == "US" for c in readings if c.name_kind == 1 or c.name.isupper()
        )
    ):
        return True  # "the VA clinic", "The VA said": Veterans Affairs ("the NC coast", "the PA coast" are states)
    return key not in d.gaz.strong_keys and not readings


_DEFINED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
_ACRONYM_SMALL_WORDS = frozenset("of the and for de du des del la le on in".split())
# The head words of an organisation's name, one of which an acronym's definition must hold ("the Democratic Republic
# of Congo (DRC)" is a country's name: no organisation's word).
_ORGANISATION_HEADS = frozenset(
    "Authority Association Agency Service Services Organisation Organization Party Front Army Force Forces Council "
    "Commission Committee Bank Corporation Company Union Federation League Movement Institute University Board "
    "Ministry Department Office Court Group Foundation Fund Alliance Coalition Network Society Trust Administration "
    "Bureau Centre Center Conference Assembly Congress Command Unit Brigade Brigades Guard Police".split()
)


@lru_cache(maxsize=4)
def _defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text defines as an organisation's: "the Palestinian Authority (PA)" → {"PA"} — the initials of
    the capitalised words right before the brackets (small words skipped), one of them an organisation's head word."""
    out = set()
    for match in _DEFINED_ACRONYM.finditer(text):
        letters = match.group(1)
        words = [w for w in re.findall(r"[\w'’-]+", text[max(0, match.start() - 120) : match.start()])]
        capitals: list[str] = []
        for word in reversed(words):
            if word in _ACRONYM_SMALL_WORDS:
                continue
            if not word[:1].isupper():
                break
            capitals.insert(0, word)
            if len(capitals) == len(letters):
                break
        if (
            len(capitals) == len(letters)
            and "".join(w[0] for w in capitals) == letters
            and any(w in _ORGANISATION_HEADS for w in capitals)
        ):
            out.add(letters)
    return frozenset(out)


# State codes that after "the" are mostly an agency's, a system's or a room's: Veterans Affairs, public address or
# physician assistant, operating room, medical examiner.
_AGENCY_CODES = frozenset({"VA", "PA", "OR", "ME"})
_THE_BEFORE = re.compile(r"\b[Tt]he $")
_NOUN_AFTER = re.compile(r" [a-z]")  # "the Kovno ghetto": a name before a noun
_PLACE_WORD_AFTER = re.compile(
    r" (?:coast|coastline|shore|border|line|area|region|suburbs?|side|countryside|mountains|state|governor|legislature)\b"
)


# A peer's title: "the Duke of Sussex", "the Countess of Wessex", "the Marquess of Bath" — the place is the title's
# name, not where the story is. A ruler's ("Emir of Qatar", "King of Jordan") and a prince's ("Prince of Wales") are
# left alone: they name the country or the principality.
_PEERAGE_BEFORE = re.compile(
    r"\b(?:Duke|Duchess|Earl|Countess|Marquess|Marquis|Marchioness|Viscount|Viscountess|Baron|Baroness) of (?:the )?$"
)


_PERSONS_WORK = re.compile(
    r"['’]s (?:theory|theories|theorem|principle|paradox|equation|conjecture|hypothesis|novel|novels|memoir|"
    r"poems?|symphony|symphonies|sonnets?|paintings?)\b"
)


def title_before_name(d: _Doc, m: Mention) -> bool:
    """A name right after a title, or opening with one, is a person's: "Mr Bristol", "Dr. Lincoln", "Sen. Warner",
    "Ms Okafor" (NER's place); so is the place of a peer's title: "the Duke of Sussex", "the Earl of Wessex", and a
    name before what only a person writes or finds: "Darwin's theory", "Lincoln's memoir"."""
    if m.source == "dateline":
        return False
    return (
        _TITLE_BEFORE.search(d.text, max(0, m.start - 14), m.start) is not None
        or bool(_TITLE_OPENS.match(m.text))
        or _PEERAGE_BEFORE.search(d.text, max(0, m.start - 24), m.start) is not None
        # "Darwin's theory of natural selection": what only a person writes or finds (not a country's or a state's)
        or (_PERSONS_WORK.match(d.text, m.end) is not None and not d.rec._is_nation(m.text))
    )


def given_name(d: _Doc, m: Mention) -> bool:
    """A given name that is a place, followed by a surname: a middle initial ("Judah P. Benjamin"), a known surname
    of the text ("Madison Keys" after "Keys said"), or, for a listed given name (data/given_names.txt), a word that
    reads as a surname by what follows it: "Brooklyn Beckham's friend", "Paris Hilton said" — not "Paris Walmart
    store" or "Jordan Hubmen basketball"."""
    if " " in m.text or m.text.isupper():
        return False
    if _MIDDLE_INITIAL.match(d.text, m.end) and not d.rec._is_nation(m.text):
        return True  # "Judah P. Benjamin", "Austin J. Smith"
    # The surname half: "Adesanya" of "Israel Adesanya headlined".
    before = _PREVIOUS_WORD.search(d.text, max(0, m.start - 30), m.start)
    if before and before.group(1) in _listed_given_names() and _AFTER_SURNAME_RE.match(d.text, m.end):
        return not d.gaz.candidates(f"{before.group(1)} {m.text}")
    after = _NEXT_WORD.match(d.text, m.end)
    if not after or d.text[m.end] != " " or not after.group(1)[:1].isupper():
        return False
    word = after.group(1)
    if m.text.endswith(".") or d.gaz.candidates(f"{m.text} {word}") or d.gaz.demonym(f"{m.text} {word}"):
        return False  # "Sri Lankan", "Tennessee Colony": one longer name
    # A surname of someone else in the text ("Victoria Beckham" before "Brooklyn Beckham"), not this very phrase.
    if d.surnames.get(word, set()) - {m.text} and word != m.text and not _an_institution_word(d, word):
        return True
    return (
        m.text in _listed_given_names()
        and _SURNAME_THEN.match(d.text, m.end) is not None
        and not _an_institution_word(d, word)
        and word.casefold() not in _CALENDAR  # "a crash in Montana Sunday had": a day, not a surname
        and not said_before(_LOCATIVE, d.text, m.start, 12, _LOCATIVE_ENDS)
    )


def _an_institution_word(d: _Doc, word: str) -> bool:
    """ "Police", "Drive", "Lankan", "Texas": a word after a place name that makes it no person's given name."""
    key = normalize_name(word)
    return (
        word in _INSTITUTIONS
        or _STREET.match(" " + word) is not None
        or (
            key in d.gaz.strong_keys
            # A town's name is a surname as often ("Paris Jackson performed", "Georgia Harrison won"); a state,
            # a country or a city of millions after a given name is not.
            and any(
                not c.fcode.startswith("PPL") or c.population >= SURNAME_TOWN_POPULATION
                for c in d.gaz.candidates(key)
                if c.name_kind <= 1
            )
        )
        or d.gaz.demonym(key) is not None
    )


def name_with_age(d: _Doc, m: Mention) -> bool:
    """A word of a two- or three-word name followed by an age between commas is a person's: "Phoenix Rivera, 17,",
    "Georgia Hale, 29,", "Virginia L. Lane, 77," — unless the words are one place name ("New York, 10,"); and one
    word with an age and what the person is or does: "Anand, 24, a delivery rider," (not "Houston, 12, Austin, 7"),
    or with an age alone when no place has the name ("and Beryl, 81,")."""
    if " " not in m.text and not m.demonym_of and _AGED_PERSON_AFTER.match(d.text, m.end):
        return True
    if (
        " " not in m.text
        and not m.demonym_of
        and _AGE_BETWEEN_COMMAS.match(d.text, m.end)
        and _unknown_name(d, m.text)
    ):
        return True  # "Barry Smith, 80, and Beryl, 81, met…": a name no place has, with an age
    line_start, line_end = max(0, m.start - 30), min(len(d.text), m.end + 30)
    if _AGE_BETWEEN_COMMAS.search(d.text, line_start, line_end) is None:
        return False  # (every _NAME_WITH_AGE match holds one; a literal-led search finds it at once)
    for match in _NAME_WITH_AGE.finditer(d.text, line_start, line_end):
        name_end = d.text.index(",", match.start())
        if match.start() <= m.start and m.end <= name_end:
            return not d.gaz.candidates(d.text[match.start() : name_end])
    return False


# ", who" or an apposition that names a person's role or trade after one name: "Preston, who has run the pharmacy
# for 30 years,", "Darwin, the council's planning chief,", "Tyler, a nurse at the clinic," (not ", whose":
# "Ukraine, whose forces…").
_PERSON_APPOSITION = re.compile(
    rf", (?:who\b|(?:the|a|an) (?:[\w'’-]+ ){{0,3}}?(?:{_PERSON_ROLE}|chief|mayor|governor|sheriff|commissioner|"
    r"official|superintendent|detective|inspector|constable|sergeant|lawmaker|legislator|deputy|aide|adviser|advisor|"
    # (the apposition closes, or goes on with where the role is: not a clause of its own, "Denver, the city's mayor
    # said, will grow", "in Virginia, a lawmaker told reporters")
    r"leader|campaigner|organi[sz]er|paramedic|firefighter|soldier|midwife|carer|caretaker|receptionist|"
    r"woman|man|mother|father|grandmother|grandfather|widow|pensioner|teenager)"
    r"(?=,| (?:of|at|for|in|with|from|on|based|who)\b))"
)


def person_apposition(d: _Doc, m: Mention) -> bool:
    """One name followed by ", who" or by a person's role in apposition is a person, whatever place has the name:
    "Preston, who has run the only pharmacy in Thurso for 30 years, said…", "Darwin, the council's planning chief,
    said…", "Washington, the town's police chief," — not a dateline, a demonym, a name the words before it call a
    place ("the town of Preston, who…" is the words' rule), "Ukraine, whose forces…", nor where the person before it
    is from ("John Nale of Chattanooga, who is licensed…") or the last of a list or an address."""
    return (
        " " not in m.text
        and not m.demonym_of
        and m.source != "dateline"
        and m.rule not in _CONTEXT_RULES
        and (apposition := _PERSON_APPOSITION.match(d.text, m.end)) is not None
        # not where a person comes from ("Daniel Hufstetler of Roswell, who was listed…", "Max Baucus of Montana,
        # the chairman of…"), nor, before "who", a list's or an address's last part ("St. Louis, Missouri, who",
        # "refugees from Sudan and Syria, who")
        and _WHERE_FROM_BEFORE.search(d.text, max(0, m.start - 12), m.start) is None
        and not (
            apposition.group().endswith("who") and _LISTED_BEFORE.search(d.text, max(0, m.start - 6), m.start)
        )
    )


_WHERE_FROM_BEFORE = re.compile(r"\b(?:of|from|in|at|near|outside|across|around|into|through) $")


# A relative's word right before a name: "his daughter Yulia", "his wife, Thomasenia,", "girlfriend Olivia", "her
# sisters Naomi and Jemima" (lower case: not "Mother Russia", "Sister Act"; a word between, "sister city Nagoya",
# is no relative's name).
_KIN = (
    r"(?:wife|husband|widow|widower|daughter|son|stepdaughter|stepson|mother|father|stepmother|stepfather|mum|mom|"
    r"dad|brother|sister|half-brother|half-sister|girlfriend|boyfriend|fianc[eé]e?|partner|granddaughter|grandson|"
    r"grandmother|grandfather|grandma|grandpa|niece|nephew|cousin|aunt|uncle|twin|baby|child|"
    r"daughters|sons|sisters|brothers|children|grandchildren|grandsons|granddaughters|twins|parents)"
)
# (a person's relative: after "his", "her", "their", "my", a name's "'s" or "and", up to two words between — not
# "its trading partner China", "its big brother Russia", "St Paul and its twin Minneapolis")
_KIN_WORDS = rf"(?:(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Oo]ur)|['’]s|\band|,)(?: (?![Ii]ts\b)[\w'’-]+){{0,2}} {_KIN}|^{_KIN})"
# … the name right after it, or the next in a list of up to five ("her three children, Jackson, Georgia and Austin")
_KIN_BEFORE = re.compile(
    rf"{_KIN_WORDS}(?: of (?:\d+|[a-z]+(?:-[a-z]+)?) years)?,? (?:[A-Z][\w'’-]+(?:,| and|, and) ){{0,4}}$"
)  # ("his wife of 58 years, Dallas,")


def relative_named(d: _Doc, m: Mention) -> bool:
    """A name right after a person's relative's word is a person, whatever place has the name: "Sergei Skripal and
    his daughter Yulia", "survived by his wife, Georgia,", "her three children, Jackson, Georgia and Austin", "his
    brother Alex and girlfriend Olivia" — not "sister city Nagoya" (a word between), "its trading partner China"
    (a country's relative), a demonym, or a name the words before it call a place ("the son of Tyler")."""
    if m.demonym_of or m.source == "dateline" or m.rule in _CONTEXT_RULES or " " in m.text:
        return False
    if _PLACE_COMPOUND_AFTER.match(d.text, m.end):
        return False  # "Her son, Clare-based musician Tom Mulcahy": where the son lives
    before = d.text[max(0, m.start - 80) : m.start]
    return _KIN_BEFORE.search(before) is not None


_PLACE_COMPOUND_AFTER = re.compile(r"-(?:based|born|raised|bred|area)\b")


_LISTED_BEFORE = re.compile(r"(?:,|\band|\bor|&) $")


# A body of a place right before its name: "the regional government of Valencia says", "the mayor of Tyler said".
_BODY_OF_BEFORE = re.compile(
    r"\b(?:government|governor|mayor|council|municipality|ministry|authorities|people|police|port|city|town|"
    r"village|province|region|state|county|district|prefecture|university|archbishop|bishop|diocese|chamber "
    r"of commerce) of $",
    re.I,
)


def person_speaks(d: _Doc, m: Mention) -> bool:
    """A one-word name that speaks is a person: "…," Nelson said", "Petrova said", "…," said Noma" — when NER calls
    it a person or the gazetteer has it only as an alternate name; a country, capital or state that "said" is its government
    ("Washington said"). A listed given name (data/given_names.txt) with an age or "said he/she" is a person
    whatever town has the name ("Tyler said he would not run", "Charlotte, 7, and her brother"), but never after
    "in", "to", "from"… and never a country's name."""
    if " " in m.text or m.demonym_of or m.rule in _CONTEXT_RULES:
        return False
    if (
        m.text in _listed_given_names()
        and _IS_A_PERSON.match(d.text, m.end)
        and not _LOCATIVE_CUE.search(d.text, max(0, m.start - 12), m.start)
        and not d.rec._is_nation(m.text)
    ):
        return True  # "Tyler said he would not run", "Charlotte, 7, and her brother": even a city's name
    if _SPOKE_BEFORE.search(d.text, max(0, m.start - 12), m.start) and _SPEAKER_ENDS.match(
        d.text, m.end
    ):  # not "said Monroe Mayor Robert Routson"
        if m.label in ("PERSON", "ORG"):
            return not d.rec._is_nation(m.text)  # "…,” said Noma.
        return _small_town_only(d, m.text)  # (NER's place "Noma": a Washington neighbourhood)
    if not _SPEAKS.match(d.text, m.end):
        return False
    if _BODY_OF_BEFORE.search(d.text, max(0, m.start - 40), m.start):
        return False  # "the regional government of Valencia says": the body speaks, of its place
    if _after_a_listed_place(d, m):
        return False  # "Cooperatives near Watertown and Batavia said…": the list's places, whose people speak
    if _LOCATIVE_CUE.search(d.text, max(0, m.start - 12), m.start):
        return False  # "church authorities in Galicia said" (NER's person): the place, whose people speak
    if m.label == "PERSON":
        return not d.rec._is_nation(m.text)  # "…," Nelson said
    if normalize_name(m.text) in d.gaz.strong_keys:
        return False
    if not any(c.name_kind <= 1 for c in d.gaz.candidates(m.text)):
        return True
    # … and, speaking with no comma and after no locative word, a name the gazetteer has only as a small town's or
    # village's ("…,” Petrova said": a Romanian village of 2,600; not "the facility in Nitro, said he…")
    return (
        not d.text.startswith(",", m.end)
        and not _LOCATIVE_CUE.search(d.text, max(0, m.start - 12), m.start)
        and not _SPEAKS_AS_A_BODY.match(d.text, m.end)  # "Mayfield said it would need years to rebuild"
        and _small_town_only(d, m.text)
    )


_LIST_JOIN_BEFORE = re.compile(r",? (?:and|or|&) $")


def _after_a_listed_place(d: _Doc, m: Mention) -> bool:
    """Whether *m* is the last member of a list right after a place found: "near Watertown and Batavia said"."""
    join = _LIST_JOIN_BEFORE.search(d.text, max(0, m.start - 6), m.start)
    return join is not None and any(p.end == join.start() and p is not m for p in d.places)


_SPEAKS_AS_A_BODY = re.compile(rf" {_SAYS},? (?:that )?(?:it|its|we|our)\b")


def _small_town_only(d: _Doc, surface: str) -> bool:
    """Whether every reading of *surface* by its own name or an alias is a town (or an admin-2 or -3 unit) of fewer
    than ``SPEAKING_TOWN_POPULATION`` people and no seat (or there is none), and it is no strong name."""
    return normalize_name(surface) not in d.gaz.strong_keys and not any(
        c.name_kind <= 1
        and (
            c.population >= SPEAKING_TOWN_POPULATION
            or not c.fcode.startswith(("PPL", "ADM2", "ADM3"))  # (Norway's "Halden" is a municipality too)
            or c.fcode in _SEATS
        )
        for c in d.gaz.candidates(surface)
    )


# A town that "said" is its council's or people's voice only when it is big: "Petrova said" is a person, not a
# Romanian village.
SPEAKING_TOWN_POPULATION = 50_000
_SEATS = frozenset({"PPLC", "PPLA", "PPLG"})


def unknown_common_word(d: _Doc, m: Mention) -> bool:
    """NER's place of one word common in English that the gazetteer does not know at all: "Crash" of "Lithgow
    Mourns Teen Killed In Crash" (a headline capitalises every word) — it could only be pinned approximately, next
    to a place the text does name."""
    return (
        m.source == "ner"
        and " " not in m.text
        and not m.demonym_of
        and common_in_english(normalize_name(m.text))
        and not d.gaz.candidates(normalize_name(m.text))
    )


def lower_case_unknown(d: _Doc, m: Mention) -> bool:
    """NER's place written without a capital letter in a script that has them, which the gazetteer does not know:
    "its 33rd edition", "the east end" — no name, so nothing to pin even approximately."""
    return (
        m.source == "ner"
        and any("a" <= ch <= "z" for ch in m.text)
        and not any(ch.isupper() for ch in m.text)
        and not d.gaz.candidates(normalize_name(m.text))
    )


# A combining form before a hyphen ("Anglo-", "Indo-", "Trans-"): the name after it is half an adjective or a
# compound's ("Anglo-Saxon", "Indo-Pacific", "Trans-Caspian"), no mention of the place.
_COMBINING_FORM_BEFORE = re.compile(
    r"\b(?:Anglo|Indo|Sino|Franco|Afro|Euro|Russo|Greco|Italo|Austro|Hispano|Luso|Judeo|Turco|Nippo|Trans|Pan)-$"
)


def combining_form(d: _Doc, m: Mention) -> bool:
    """A name right after a combining form and a hyphen: "the Indo-Pacific strategy", "the Trans-Caspian route" —
    half a word, no place. A people's, a country's, a state's or a continent's name stays: "the Austro-Hungarian
    empire", "Sino-US talks", "the Indo-Bangladesh border", "the Trans-Alaska pipeline"."""
    return (
        not m.demonym_of
        and _COMBINING_FORM_BEFORE.search(d.text, max(0, m.start - 8), m.start) is not None
        and not any(
            c.fcode in ("PCLI", "ADM1", "CONT") and c.name_kind <= 1
            for c in d.gaz.candidates(normalize_name(m.text))
        )
    )


# One word with a capital inside after small letters ("ScotRail", "EasyJet", "PetroChina"), not a name's prefix
# ("McAllen", "DeKalb", "LaGrange", "MacKenzie", "DuPage", "VanBuren") nor a township's or a quarter's ("KwaMashu",
# "NoHo", "SoHo", "TriBeCa").
_CAMEL_CASE = re.compile(
    r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|St|Kwa|No|So|Tri|Ma|Ga|Mo|Ha)[A-Z])[A-Z][a-z]+(?:[A-Z][a-z]*)+"
)


def camel_case_brand(d: _Doc, m: Mention) -> bool:
    """NER's place of one word with a capital inside it that the gazetteer does not know: a firm's or a brand's
    way of writing ("ScotRail cancelled services", "an EasyJet flight", "WestJet said") — pinned next to a place
    the text names, it would be a false place."""
    return (
        m.source == "ner"
        and " " not in m.text
        and not m.demonym_of
        and _CAMEL_CASE.fullmatch(m.text) is not None
        and not d.gaz.candidates(normalize_name(m.text))
    )


# After a person's surname said again: what only a person does ("Washington wore red", "Houston's voice soared"; not
# "Washington's streets") — even after a country's or a capital's name …
_ONLY_A_PERSON = re.compile(
    r" (?:wore|sang|smiled|laughed|cried|posted|tweeted|married|starred|hugged|kissed|joked|shrugged|nodded|wept|"
    r"grinned|apologi[sz]ed)\b"
    r"|['’]s (?:voice|career|wife|husband|girlfriend|boyfriend|widow|funeral|album|songs?|memoir|biographer|"
    r"publicist|agent)\b"
)
# … and what a person does more often than a place ("Hamilton thanked his team", "Ripley resigned").
_WHAT_A_PERSON_DID = re.compile(
    r" (?:waved|spoke|wrote|won|lost|thanked|performed|retired|resigned|insisted|admitted|denied|told|recalled|"
    r"drove|flew|ran|swam|threw|caught|scored|took (?:his|her))\b"
    r"|['’]s (?:family|children|son|daughter|mother|father|brother|sister|lawyers?|spokes(?:man|woman|person)|"
    r"death|fans|coach|estate|manager|publisher|memoirs?|novels?|biography|aides?|successor|predecessor|"
    r"teammates?)\b"  # ("Jordan's children": the country's too — after the nation test)
)


# A speaker who is a person, not a government: "Montenegro said he", not "France said it would send troops".
_SPEAKS_AS_A_PERSON = re.compile(rf" {_SAYS},? (?:that )?(?:he|she|they)\b")


def word_of_persons_name(d: _Doc, m: Mention) -> bool:
    """ "Saakashvili", "Ripley", "Okafor" alone, after "Mikheil Saakashvili", "Jim Ripley" or "Ms Okafor" in the same
    text: a word of a person's name is that person again. A strong place name ("Jordan", "Washington") stays a
    place unless NER calls it a person and it opened a two-word name ("Madison Keys … Madison said"), and a town
    found by the words around it ("Near Moab, Utah") stays one, as does NER's place after "in", "from", "near"…
    where the gazetteer has a town of the name ("Councillor Gareth Neath … contractors in Neath")."""
    if m.text not in d.person_words or m.demonym_of or m.source == "dateline" or m.rule in _CONTEXT_RULES:
        return False
    if normalize_name(m.text) not in d.gaz.strong_keys:
        # … but NER's place after a preposition only places take, where a town of the name is: "Councillor Gareth
        # Neath … contractors in Neath", "Josh Hawera … everyone from Hawera to the port"
        return not (
            m.label in PLACE_LABELS
            and not d.text.startswith(("'", "’"), m.end)  # "in Obama's stimulus law", "in Polling's mailbox"
            and _PLACE_ONLY_CUE.search(d.text, max(0, m.start - 12), m.start) is not None
            and any(
                c.fcode.startswith("PPL") and c.name_kind == 0
                for c in d.gaz.candidates(normalize_name(m.text))
            )
        )
    # A strong name: "Warren told the crowd", "Hamilton said" after "Lewis Hamilton"; "Madison was happy" after
    # "Madison Keys" (NER itself calls it a person) — never after "in", "to", "from"…
    if _LOCATIVE_CUE.search(d.text, max(0, m.start - 12), m.start):
        return False
    if m.text not in d.given_names and m.text not in d.surnames and m.text not in d.titled:
        return False
    if _ONLY_A_PERSON.match(d.text, m.end):
        return True  # "Kerry Washington … Washington wore red"
    if d.rec._is_nation(m.text):
        # "Rethinking Egypt" (NER's person) says nothing about "Egypt was instrumental"; but the surname of a person
        # of the text that speaks as a person is that person: "Jorge Montenegro … Montenegro said they would reopen"
        return (
            m.text in d.surnames
            and m.text not in d.given_names
            and _SPEAKS_AS_A_PERSON.match(d.text, m.end) is not None
        )
    return (
        _PERSON_VERB.match(d.text, m.end) is not None
        or _WHAT_A_PERSON_DID.match(d.text, m.end) is not None
        or (m.label == "PERSON" and not d.rec._is_major(m.text))
    )


_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+) $")


def surname_after_given_name(d: _Doc, m: Mention) -> bool:
    """A one-word town name the text matcher found right after a given name that is no strong place name, NER silent
    about both: the person's surname ("Shoemaker Tomáš Baťa's factory": no Bata of Equatorial Guinea) — not after "in",
    "at", "from" or the like ("in Glen Ellyn" is one town), nor a country's or a state's name (a state's, a county's
    after an accented given name: "Seán Kerry kicked the winning penalty"). A name NER called an
    organisation or a person right after a given name NER left out is the surname too, a state's or a country's
    name as well: "Councilwoman Teresa Washington said" (NER's firm "Washington")."""
    if m.rule in _CONTEXT_RULES or " " in m.text or m.demonym_of:
        return False
    ners = m.source in ("ner", "maybe") and m.label in ("ORG", "PERSON")
    if m.source != "gazetteer" and not ners:
        return False
    before = _GIVEN_NAME_BEFORE.search(d.text, max(0, m.start - 24), m.start)
    if before is None or any(
        e.start_char < m.end - (len(m.text) if ners else 0)
        and m.start - 1 - len(before.group(1)) < e.end_char
        for e in d.ents
    ):
        return False
    given = before.group(1)
    if (
        not _GIVEN_NAME_FIRST.match(f"{given} {m.text}")
        or normalize_name(given) in d.gaz.strong_keys
        or given.lower() in _stop_words()  # "In Aurangabad, the mercury …": a word, not a given name
    ):
        return False
    if _LOCATIVE_CUE.search(d.text, max(0, before.start() - 16), before.start()):
        return False
    # (an accented given name before a county's or a state's name is a person's too: "fly-half Seán Kerry")
    units = ("PCLI",) if not given.isascii() else ("PCLI", "ADM1")
    return ners or not any(c.fcode in units for c in d.gaz.candidates(normalize_name(m.text))[:3])


@dataclass(frozen=True, slots=True)
class Rule:
    """A named recognition rule: ``stage`` is "dateline", "entity", "text", "filter" or "maybe"."""

    name: str
    stage: str
    func: Callable[..., Any]
    # An entity rule's NER labels: for an entity of another label it answers None at once (its first test), so the
    # recogniser does not call it; None: any label.
    labels: frozenset[str] | None = None

    @property
    def doc(self) -> str:
        """The rule function's docstring (cleaned), or ""."""
        return inspect.getdoc(self.func) or ""


_ENTITY_RULES: tuple[Rule, ...] = tuple(
    Rule(f.__name__, "entity", f, None if labels is None else frozenset(labels))
    for f, labels in (
        (hyphenated_whole, PLACE_LABELS),
        (ner_place_parts, PLACE_LABELS),
        (ner_place_subspan, PLACE_LABELS),
        (ner_place, PLACE_LABELS),
        (ner_demonym, None),
        (mislabelled_place, ("ORG", "PERSON", "NORP")),
        (mislabelled_town, ("ORG", "PERSON", "NORP")),
        (locative_name, _LOCATIVE_LABELS),
        (venue, ("ORG", "PERSON", "FAC", "WORK_OF_ART")),
        (place_in_organisation, ("ORG", "PERSON", "FAC")),
        (street, _MAYBE_LABELS),
        (leading_demonym, _NAMED_FOR_A_PEOPLE),
        (compound_demonyms, ("NORP",)),
        (place_glued_to_name, ("PERSON",)),
        (person_name, ("PERSON",)),
    )
)
_FILTERS: tuple[Rule, ...] = tuple(
    Rule(f.__name__, "filter", f)
    for f in (
        dropped_by_user,
        lower_case,
        saints_day,
        credential,
        name_before_credential,
        post_nominal,
        code_after_a_town_elsewhere,
        currency_prefix,
        flu_strain,
        disease_name,
        named_accord,
        event_name,
        legislature_name,
        newspaper_name,
        firm_name,
        language_name,
        style_of_a_place,
        time_zone,
        foreign_street,
        venue_named_elsewhere,
        unknown_one_word,
        unknown_persons_name,
        pathogen,
        lower_case_word,
        not_place_phrase,
        goods_name,
        indefinite_thing,
        ship_name,
        celestial_body,
        vehicle_model,
        programming_language,
        described_as_company,
        organisation,
        acronym,
        university_alone,
        sports_team,
        route_name,
        title_before_name,
        given_name,
        name_with_age,
        person_apposition,
        relative_named,
        person_speaks,
        unknown_common_word,
        camel_case_brand,
        combining_form,
        lower_case_unknown,
        word_of_persons_name,
        surname_after_given_name,
    )
)
_TEXT_RULES: tuple[Rule, ...] = tuple(
    Rule(f.__name__, "text", f)
    for f in (
        possessive_name,
        elided_name,
        bracketed_name,
        hyphen_pair,
        venue_name,
        gazetteer_name,
        town_comma_parent,
        unit_after_town,
        place_phrase,
        list_neighbour,
        unit_list,
        common_word_town,
        state_code,
        dateline_again,
        rare_town,
    )
)
# Rules whose own evidence is the words around a name: no person's name of the text outweighs it.
_CONTEXT_RULES = frozenset(
    {"town_comma_parent", "place_phrase", "locative_name", "common_word_town", "unit_list"}
)


COLON_DATELINE_POPULATION = (
    10_000  # "HARIPUR: The …" names a town this big (not "ALERT:", "JEWELL:" a caption) …
)
COLON_CITY_POPULATION = (
    100_000  # … and a city this big, however common its name in English ("LAHORE:", "MUMBAI:")
)


def dateline_place(d: _Doc) -> list[Mention]:
    """The dateline's place ("WASHINGTON (AP) —", "KYIV, Ukraine —", "LAHORE: The …"), found by
    :func:`geo.text.find_dateline` and passed in; NER's entities over it are not read."""
    if not d.dateline:
        return []
    start, end = d.dateline
    key = normalize_name(d.text[start:end])
    towns = [c.population for c in d.gaz.candidates(key) if c.fcode.startswith("PPL") and c.name_kind <= 1]
    if d.text.startswith(":", end) and not (
        max(towns, default=0) >= COLON_CITY_POPULATION  # "LAHORE:", "MUMBAI:", "NEW DELHI:" however common
        or (not common_in_english(key) and max(towns, default=0) >= COLON_DATELINE_POPULATION)
    ):
        return []  # "UPDATE: …", "ALERT: …": a colon's dateline is a town's own name, and no English word
    return [Mention(start, end, d.text[start:end], "dateline", "DATELINE", rule="dateline")]


RULE_TABLE: tuple[Rule, ...] = (
    Rule("dateline", "dateline", dateline_place),
    *_ENTITY_RULES,
    *_TEXT_RULES,
    Rule("former_name", "text", former_name),
    Rule("demonym_ner_missed", "text", demonym_ner_missed),
    *_FILTERS,
    Rule("maybe_common_name", "maybe", maybe_common_name),
    Rule("maybe_place", "maybe", maybe_place),
)
# The rules in the order they run; each Mention.rule is one of these.
RULES: tuple[str, ...] = tuple(r.name for r in RULE_TABLE)


@lru_cache(maxsize=1)
def _listed_given_names() -> frozenset[str]:
    lines = (_DATA_DIR / "given_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _by_start(mention: Mention) -> int:
    return mention.start


# A role inside NER's person: the words before it are where the person is from or works, not the name ("Erie GM
# Sherry Bassin", "Boise State coach Bryan Harsin", "Dayton Mayor Nan Whaley").
# The titles before a name (_TITLE) and these.
_ROLE = re.compile(
    rf"(?:{_TITLE})|(?i:GM|captain|coach|manager|mayor|sheriff|chief|commissioner|council(?:man|woman|lor)|"
    r"superintendent|principal|officer|detective|CEO|chairman|spokes(?:man|woman)|bishop|professor)"
)


# Words after a place's name that make a thing of the place, in NER's "persons": "Greer Station", "Avondale Estates".
_PLACE_WORDS = frozenset(
    "Station Harbour Harbor Estates Overlook Heights Park Square Centre Center Mall Elks Rotary Lions Kiwanis "
    "Albion Athletic United Rovers Wanderers Township County Borough District".split()
)


def _person_words(text: str, ents: Sequence[Span]) -> frozenset[str]:
    """The words of the multi-word PERSON entities ("Near Moab" is no person's name: Moab after "Near"), after the
    last role word inside one, the role on ("Erie GM Sherry Bassin": GM, Sherry, Bassin)."""
    words: set[str] = set()
    for ent in ents:
        if (
            ent.label_ != "PERSON"
            or len(ent) < 2
            or _LEADING_LOCATIVE.match(text, ent.start_char, ent.end_char)
            or "\n" in ent.text  # "Filey\n\nWinds": no name runs across a line break
        ):
            continue
        tokens = [token.text for token in ent]  # (read once: spaCy builds each token anew)
        if any(word in _INSTITUTIONS or word in _PLACE_WORDS for word in tokens[1:]):
            continue  # "Greer Station", "Lawrenceburg Parks", "Logan Elementary": a place's thing, no person
        roles = [k for k, word in enumerate(tokens) if _is_role(word)]
        words.update(tokens[roles[-1] if roles else 0 :])
    return frozenset(words)


@lru_cache(maxsize=1 << 14)
def _is_role(word: str) -> bool:
    """Whether the word is a role of :data:`_ROLE` (asked of every word of every person's name: the same few names
    again and again)."""
    return _ROLE.fullmatch(word) is not None


def _given_names(text: str, ents: Sequence[Span]) -> frozenset[str]:
    """The first words of two-word PERSON entities ("Madison" of "Madison Keys"): a bare "Madison" that NER calls a
    person later in the same text is her, however big a city of that name."""
    return frozenset(
        ent[0].text
        for ent in ents
        if ent.label_ == "PERSON"
        and len(ent) == 2
        and ent[1].text.istitle()
        and ent[1].text not in _INSTITUTIONS  # "Alexandria Police", "Huntsville Fire"
        and not _LEADING_LOCATIVE.match(text, ent.start_char, ent.end_char)
    )


class _Spans:
    """Taken character spans, kept sorted and disjoint (overlapping ones merged) so a bisect answers overlaps."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if self.spans and start < self.spans[-1][1]:
                self.spans[-1] = (self.spans[-1][0], max(self.spans[-1][1], end))
            else:
                self.spans.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.spans, (end, end))
        return i > 0 and self.spans[i - 1][1] > start

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))


_TRAILING = re.compile(r"(?:['’]s?|[\s,;:!?\"”)-]+)$")  # a possessive or punctuation that ends an entity


def _may_trail(char: str) -> bool:
    """Whether _TRAILING may end on *char* (any whitespace character is one of its class)."""
    return char in "'’s,;:!?\"”)-" or char.isspace()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the " and a trailing possessive or punctuation from an entity span."""
    span = text[start:end]
    if span[:4].lower() == "the " and len(span) > 4:
        start += 4
    elif span[:1] in "NOAIFSTBEW" and (lead := _LEADING_LOCATIVE.match(text, start, end)):
        start = lead.end()  # "Near Moab" (NER's person) is Moab after "Near"
    # A final full stop stays: inside an entity it belongs to an abbreviation ("Ind.", "U.S.", "W.Va.").
    # (only such a character can end the span, and the search tries every character: it runs only then)
    match = _TRAILING.search(text[start:end]) if end > start and _may_trail(text[end - 1]) else None
    if match:
        end = start + match.start()
    return start, end


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Sort by offset and drop mentions overlapping an earlier, longer one."""
    out: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out
