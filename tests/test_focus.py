"""Article focus (geo.focus): the rule on hand-built resolutions over the real gazetteer, then end to end."""

from __future__ import annotations

import csv
import io
import json

import pytest

from geo.export import dateline_record, to_csv, to_geojson, to_json, to_jsonl_line
from geo.focus import article_focus, initial_view, is_actor
from geo.gazetteer.index import Gazetteer
from geo.model import Candidate, Document, Focus, Mention, Resolution
from geo.text import split_sentences


def _place(gazetteer: Gazetteer, name: str, country: str, fcode_prefix: str = "") -> Candidate:
    """The gazetteer's entry for *name* in *country* (the first whose feature code starts with the prefix)."""
    return next(
        c for c in gazetteer.candidates(name) if c.country == country and c.fcode.startswith(fcode_prefix)
    )


def _document(
    gazetteer: Gazetteer,
    text: str,
    places: list[tuple[str, str, str]],
    *,
    title: str | None = None,
    scores: dict[str, float] | None = None,
    dateline: str | None = None,
    demonyms: dict[str, str] | None = None,
) -> Document:
    """A document whose every whole-word occurrence of each (surface, country, feature prefix) resolves to that
    place: what the resolver would hand over, built by hand."""
    import re

    document = Document(id="t", text=text, title=title, sentences=split_sentences(text))
    resolutions = []
    for surface, country, prefix in places:
        name = (demonyms or {}).get(surface, surface)
        candidate = (
            gazetteer.country(country) if prefix == "PCLI" else _place(gazetteer, name, country, prefix)
        )
        assert candidate is not None
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            mention = Mention(
                match.start(),
                match.end(),
                surface,
                "dateline" if surface == dateline and match.start() == text.find(surface) else "ner",
                demonym_of=country if surface in (demonyms or {}) else None,
                sentence=document.sentence_at(match.start()).index,
            )
            resolutions.append(Resolution(mention, candidate, (scores or {}).get(surface, 0.95)))
    resolutions.sort(key=lambda r: r.mention.start)
    document.resolutions = resolutions
    document.dateline = next((r.mention for r in resolutions if r.mention.source == "dateline"), None)
    document.focus = article_focus(document, gazetteer)
    return document


def _codes(places) -> list[str]:
    return [p.code for p in places]


def test_a_city_counts_toward_its_admin1_and_its_country(gazetteer):
    doc = _document(
        gazetteer,
        "A fire burned two homes. Salem firefighters came. Later Salem crews left. Eugene sent help. "
        "The mayor once visited France.",
        [("Salem", "US", "PPL"), ("Eugene", "US", "PPL"), ("France", "FR", "PCLI")],
    )
    assert _codes(doc.focus.countries) == ["US"]
    assert _codes(doc.focus.admin1) == ["US-OR"] and doc.focus.admin1[0].name == "Oregon"
    assert [p.name for p in doc.focus.cities] == ["Salem"]  # Eugene: under half of Salem's weight
    assert doc.focus.local == ("US-OR",) and doc.focus.about() == ["Oregon", "United States"]


def test_the_output_shape(gazetteer):
    doc = _document(gazetteer, "Talks in Yerevan went on. Yerevan was calm.", [("Yerevan", "AM", "PPL")])
    record = doc.focus.as_dict()
    assert set(record) == {"countries", "admin1", "cities"}
    first = record["countries"][0]
    assert set(first) == {"code", "name", "geonameid", "score"}
    # geonameid an integer, as every other output gives it; country code ISO alpha-2; shares of the level.
    assert first == {"code": "AM", "name": "Armenia", "geonameid": 174982, "score": 1.0}
    assert record["cities"][0]["code"] is None and record["cities"][0]["name"] == "Yerevan"


def test_the_headline_outweighs_a_body_mention(gazetteer):
    text = "Paris was rainy. Officials met. Nothing was agreed. Later they spoke of Armenia."
    places = [("Paris", "FR", "PPLC"), ("Armenia", "AM", "PCLI")]
    assert _codes(_document(gazetteer, text, places).focus.countries)[0] == "FR"  # in the lead, no headline
    titled = _document(gazetteer, text, places, title="Armenia talks stall")
    assert _codes(titled.focus.countries)[0] == "AM"


def test_the_lead_outweighs_the_body(gazetteer):
    places = [("Georgia", "GE", "PCLI"), ("Moldova", "MD", "PCLI")]
    text = "Georgia held talks. Nothing changed. Then nothing. Still nothing. Moldova was named once."
    assert _codes(_document(gazetteer, text, places).focus.countries) == ["GE", "MD"]  # both kept, lead first
    text = "Moldova held talks. Nothing changed. Then nothing. Still nothing. Georgia was named once."
    assert _codes(_document(gazetteer, text, places).focus.countries) == ["MD", "GE"]


def test_a_demonym_weighs_half_a_name(gazetteer):
    doc = _document(
        gazetteer,
        "Rain fell. Roads closed. Armenian officials spoke. France said nothing.",
        [("Armenian", "AM", "PCLI"), ("France", "FR", "PCLI")],
        demonyms={"Armenian": "Armenia"},
    )
    assert _codes(doc.focus.countries)[0] == "FR"  # a name in the body outweighs a demonym there


def test_the_dateline_is_kept_apart(gazetteer):
    doc = _document(
        gazetteer,
        "WASHINGTON — Talks on Armenia went on. They were long.",
        [("WASHINGTON", "US", "PPLC"), ("Armenia", "AM", "PCLI")],
        dateline="WASHINGTON",
    )
    assert _codes(doc.focus.countries) == ["AM"]  # filed from Washington, about Armenia
    assert doc.focus.cities == ()
    assert dateline_record(doc) is not None and dateline_record(doc)["name"] == "Washington"


def test_a_dateline_alone_makes_no_focus(gazetteer):
    doc = _document(
        gazetteer,
        "CROMWELL — The first selectman will run again. He said so on Main Street.",
        [("CROMWELL", "US", "PPL")],
        dateline="CROMWELL",
    )
    assert doc.focus == Focus()  # half a mention is under the minimum: not enough on its own


def test_a_sentence_repeating_a_name_counts_it_once(gazetteer):
    doc = _document(
        gazetteer,
        "Election news. Malaysia votes soon. Malaysia's parties argue. Later, markets. Then sport. "
        "In the US, the US press, US readers and US money followed it.",
        [("Malaysia", "MY", "PCLI"), ("US", "US", "PCLI")],
    )
    assert _codes(doc.focus.countries)[0] == "MY"


def test_a_country_named_as_an_actor_weighs_less(gazetteer):
    text = "Azerbaijan hosted talks. US Secretary of State Blinken came. US officials spoke there."
    doc = _document(gazetteer, text, [("US", "US", "PCLI"), ("Azerbaijan", "AZ", "PCLI")])
    assert [is_actor(r, text) for r in doc.resolutions] == [False, True, True]
    assert _codes(doc.focus.countries)[0] == "AZ"


def test_an_article_about_nowhere_in_particular_has_an_empty_focus(gazetteer):
    nothing = _document(gazetteer, "Markets were volatile in March. Investors waited.", [])
    assert nothing.focus == Focus() and nothing.focus.as_dict() == {
        "countries": [],
        "admin1": [],
        "cities": [],
    }
    doubtful = _document(
        gazetteer,
        "Markets were volatile. Investors waited. Prices fell. Some blamed Jordan.",
        [("Jordan", "JO", "PCLI")],
        scores={"Jordan": 0.05},
    )
    assert doubtful.focus == Focus()
    # With no focus the map still opens on what there is: the country's outline, not a city-sized box at its centre.
    (south, west), (north, east) = initial_view(doubtful)
    assert 29 < south < 30 and 34.5 < west < 35.5 and 33 < north < 33.6 and 39 < east < 39.5


def test_the_initial_view_fits_a_local_story_not_a_far_place(gazetteer):
    doc = _document(
        gazetteer,
        "Salem burned. Salem crews fought it. Eugene helped. Portland sent trucks. A visitor from Paris watched. "
        "The United States has many fires.",
        [
            ("Salem", "US", "PPL"),
            ("Eugene", "US", "PPL"),
            ("Portland", "US", "PPL"),
            ("Paris", "FR", "PPLC"),
            ("United States", "US", "PCLI"),
        ],
    )
    (south, west), (north, east) = initial_view(doc)
    assert south < 44.05 < 45.52 < north and west < -123.09 < -122.68 < east  # Eugene .. Portland
    assert east < -115 and north < 48  # not Paris, not the whole United States


def test_the_initial_view_leaves_out_a_far_low_confidence_outlier(gazetteer):
    doc = _document(
        gazetteer,
        "Yerevan talks began. Yerevan hosted them. Gyumri joined. Perth was named once.",
        [("Yerevan", "AM", "PPLC"), ("Gyumri", "AM", "PPL"), ("Perth", "AU", "PPL")],
        scores={"Perth": 0.3},
    )
    (south, west), (north, east) = initial_view(doc)
    assert south > 30 and west > 35  # the Caucasus, not Australia
    assert initial_view(Document(id="e", text="")) is None


# -- end to end: the real pipeline on the seed article -------------------------------------------------------------


def test_the_seed_article_is_about_armenia_and_azerbaijan_filed_from_washington(seed_doc):
    assert set(_codes(seed_doc.focus.countries)[:2]) == {"AM", "AZ"}
    assert "US" not in _codes(seed_doc.focus.countries)
    assert seed_doc.focus.about()[:2] in (["Azerbaijan", "Armenia"], ["Armenia", "Azerbaijan"])
    record = json.loads(to_json(seed_doc))
    assert record["dateline"]["text"] == "WASHINGTON" and record["dateline"]["country"] == "US"
    assert _codes(seed_doc.focus.countries) == [c["code"] for c in record["focus"]["countries"]]
    line = json.loads(to_jsonl_line(seed_doc))
    assert line["focus"] == record["focus"] and line["dateline"] == record["dateline"]
    assert json.loads(to_geojson(seed_doc))["article"]["focus"] == record["focus"]
    rows = list(csv.DictReader(io.StringIO(to_csv(seed_doc))))
    assert {r["focus_country"] for r in rows} == {record["focus"]["countries"][0]["code"]}
    assert {r["dateline"] for r in rows} == {"WASHINGTON"}


def test_the_seed_map_opens_on_the_caucasus_and_says_what_it_is_about(seed_doc):
    from geo.render import map_data

    data = map_data(seed_doc)
    (south, west), (north, east) = data["view"]
    assert south < 40.2 < north and west < 44.5 < 49.9 < east  # Yerevan's latitude, Armenia to Baku
    assert west > 0  # Washington, the dateline, is not in the opening view
    assert data["filedFrom"] == "Washington" and set(data["about"][:2]) == {"Armenia", "Azerbaijan"}


def test_a_plain_text_headline_is_the_first_line(parser):
    doc = parser.parse(
        "Floods in Bangladesh\n\nRain fell for days. Officials in India met. India and Bangladesh talked."
    )
    assert _codes(doc.focus.countries)[0] == "BD"


def test_eval_focus_scores_accuracy_at_1_and_2(parser, tmp_path):
    from geo.evaluate import evaluate_focus

    corpus = tmp_path / "mini.jsonl"
    corpus.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in [
                {
                    "id": "a",
                    "title": "Floods in Bangladesh",
                    "text": "Rain fell for days in Dhaka. Dhaka flooded.",
                },
                {
                    "id": "b",
                    "text": "Talks in Yerevan went on. Armenia and Azerbaijan met in Yerevan. Azerbaijan spoke.",
                },
                {"id": "c", "text": "Markets were volatile. Investors waited."},
                {"id": "d", "text": "Not in the gold."},
            ]
        ),
        encoding="utf-8",
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "a", "corpus": "mini", "countries": ["BD"], "admin1": ["BD-13"]}\n'
        '{"id": "b", "corpus": "mini", "countries": ["AZ"], "admin1": []}\n'
        '{"id": "c", "corpus": "mini", "countries": [], "admin1": []}\n'
        '{"id": "z", "corpus": "mini", "countries": ["FR"], "admin1": []}\n',
        encoding="utf-8",
    )
    results, missing = evaluate_focus(gold, [corpus], parser=parser)
    mini = results["mini"]
    assert missing == ["z"]
    assert mini["country_articles"] == 2 and mini["nowhere_articles"] == 1 and mini["nowhere_empty"] == 1
    assert mini["country_acc1"] == 0.5 and mini["country_acc2"] == 1.0  # b: Armenia first, Azerbaijan second
    assert mini["admin1_articles"] == 1


@pytest.mark.slow
@pytest.mark.index
def test_batch_articles_and_the_corpus_map_carry_the_focus(tmp_path):
    from geo.batch import BatchArticle, _write_table, parse_partition
    from geo.corpus_map import corpus_data

    articles = [
        BatchArticle("a1", "Talks in Yerevan went on. Armenia's parliament met in Yerevan. Baku was quiet."),
        BatchArticle("a2", "Baku hosted a summit. Azerbaijan's leaders spoke in Baku. Yerevan sent a note."),
    ]
    rows = parse_partition(0, articles)
    by_id = {r["article"]: r for r in rows["articles"]}
    assert by_id["a1"]["focus_country"] == "AM" and by_id["a1"]["focus_city"] == "Yerevan"
    assert by_id["a2"]["focus_country"] == "AZ" and by_id["a2"]["focus_admin1"] is not None
    _write_table(rows["mentions"], tmp_path / "mentions" / "part-00000", "parquet", point=True)
    _write_table(rows["articles"], tmp_path / "articles" / "part-00000", "parquet", point=False)
    places = {p["name"]: p for p in corpus_data(tmp_path)["places"]}
    index = {a[0]: i for i, a in enumerate(corpus_data(tmp_path)["articles"])}
    assert sorted(places["Baku"]["articles"]) == sorted(index.values())  # both mention Baku …
    assert places["Baku"]["about"] == [index["a2"]]  # … one is about it
    assert places["Yerevan"]["about"] == [index["a1"]]


@pytest.mark.browser
def test_the_map_header_and_opening_view_in_a_browser(seed_doc, tmp_path):
    from playwright.sync_api import sync_playwright

    from geo.render import save_map
    from tests.fixtures import CHROMIUM, FLAGS, Page

    path = save_map(seed_doc, tmp_path / "seed.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = Page(browser, path)
        about = page.page.locator("#geo-panel .geo-about").inner_text()
        assert about.startswith("About: ") and about.endswith(" · Filed from: Washington")
        assert "Armenia" in about and "Azerbaijan" in about and "United States" not in about
        name = json.loads(page.page.locator("#geo-data").text_content())["map"]
        inside = page.page.evaluate(
            "([m, pts]) => pts.map(p => window[m].getBounds().contains(p))",
            [name, [[40.18, 44.51], [40.38, 49.89], [38.9, -77.04]]],
        )
        assert inside == [True, True, False]  # Yerevan, Baku in view; Washington (filed from) not
        assert page.errors == [] and page.requests == []
        browser.close()
