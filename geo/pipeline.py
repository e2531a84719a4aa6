"""The geoparsing pipeline: text → sentences → mentions → places. Loads the model and the index once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from geo.gazetteer.index import Gazetteer, open_gazetteer
from geo.model import Document, Mention
from geo.normalize import normalize_name
from geo.recognize import DEFAULT_MODEL, Recognizer, load_nlp
from geo.resolve import Resolver
from geo.text import find_dateline, find_title, split_sentences


@dataclass(frozen=True, slots=True)
class Article:
    """An input article. ``spans``, when given, are the only toponyms to resolve (gold-span mode)."""

    id: str
    text: str
    title: str | None = None
    spans: Sequence[tuple[int, int]] | None = None


class Geoparser:
    """Recognise and resolve the places of articles.

    >>> parser = Geoparser()                                   # doctest: +SKIP
    >>> doc = parser.parse("Talks were held in Munich.")       # doctest: +SKIP
    >>> [(r.mention.text, r.place.name) for r in doc.resolutions]  # doctest: +SKIP
    [('Munich', 'Munich')]
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, model: str = DEFAULT_MODEL) -> None:
        self.gazetteer = gazetteer or open_gazetteer()
        self.nlp = load_nlp(model)
        self.recognizer = Recognizer(self.gazetteer)
        self.resolver = Resolver(self.gazetteer)

    def parse(self, text: str, *, doc_id: str = "document", title: str | None = None) -> Document:
        return next(self.parse_many([Article(doc_id, text, title)]))

    def parse_many(self, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[Document]:
        """Parse articles in order, running NER in batches with ``nlp.pipe``."""
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= batch_size:
                yield from self._parse_batch(pending)
                pending = []
        if pending:
            yield from self._parse_batch(pending)

    def _parse_batch(self, articles: list[Article]) -> Iterator[Document]:
        needs_ner = [a for a in articles if a.spans is None]
        ner_docs = iter(self.nlp.pipe([a.text for a in needs_ner], batch_size=len(needs_ner) or 1))
        for article in articles:
            text = article.text
            document = Document(
                id=article.id,
                text=text,
                title=article.title or find_title(text),
                sentences=split_sentences(text),
            )
            if article.spans is None:
                dateline = find_dateline(text)
                mentions = self.recognizer.recognize(next(ner_docs), dateline=dateline)
            else:
                mentions = [self._gold_mention(text, start, end) for start, end in article.spans]
            for mention in mentions:
                mention.sentence = document.sentence_at(mention.start).index
            document.resolutions = self.resolver.resolve(text, mentions)
            document.dateline = next((m for m in mentions if m.source == "dateline"), None)
            yield document

    def _gold_mention(self, text: str, start: int, end: int) -> Mention:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span [{start}, {end}) is outside the text (length {len(text)})")
        surface = text[start:end]
        return Mention(
            start,
            end,
            surface,
            "gold",
            "GOLD",
            demonym_of=self.gazetteer.demonym(surface)
            if normalize_name(surface) not in self.gazetteer.strong_keys
            else None,
        )
