"""Property tests (hypothesis): offsets always index the text, sentences tile it, rendering never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.render import build_map, render_html
from geo.text import split_sentences

# Random Unicode, mixed with place names and sentence punctuation so that mentions and boundaries occur.
WORDS = st.sampled_from(
    [
        "Munich",
        "Baku",
        "Armenia",
        "U.S.",
        "Nagorno-Karabakh",
        "Washington's",
        "Mr.",
        ". ",
        "\n\n",
        "{{7*7}}",
        "</script>",
        "\ufffd",
    ]
)
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), WORDS), min_size=1, max_size=30).map(" ".join)


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_sentences_tile_any_text(text):
    sentences = split_sentences(text)
    assert sentences[0].start == 0 and sentences[-1].end == len(text)
    assert all(a.end == b.start and a.start < a.end for a, b in zip(sentences, sentences[1:], strict=False))


@given(TEXT)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_mentions_index_the_text_and_rendering_never_raises(parser, text):
    doc = parser.parse(text)
    for r in doc.resolutions:
        assert text[r.mention.start : r.mention.end] == r.mention.text
        assert doc.sentences[r.mention.sentence].start <= r.mention.start
    html = render_html(build_map(doc))
    assert html.count("<script") == html.count("</script>")
