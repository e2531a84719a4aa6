"""Recognition and resolution with the real spaCy model and the real index; the seed's contract."""

import pytest
from geopy.distance import geodesic

from tests.common import with_gold_spans
from tests.fixtures import occurrences

DC = (38.8951, -77.0364)


def resolved(doc, start):
    return next(r for r in doc.resolutions if r.mention.start == start)


def test_every_mention_text_matches_its_offsets(seed_doc, seed_text):
    assert len(seed_doc.resolutions) >= 30  # the seed's 36 mentions: an empty parse must not pass
    for r in seed_doc.resolutions:
        assert seed_text[r.mention.start : r.mention.end] == r.mention.text


@pytest.mark.parametrize("word", ["Washington", "WASHINGTON"])
def test_every_washington_is_washington_dc(seed_doc, seed_text, word):
    starts = occurrences(seed_text, word)
    assert starts
    for start in starts:
        place = resolved(seed_doc, start).place
        assert geodesic((place.lat, place.lon), DC).km <= 25


def test_the_dateline_is_a_mention(seed_doc):
    assert seed_doc.dateline is not None and seed_doc.dateline.text == "WASHINGTON"


@pytest.mark.parametrize(
    "word, point, km", [("Munich", (48.137, 11.575), 25), ("Baku", (40.409, 49.867), 25)]
)
def test_cities(seed_doc, seed_text, word, point, km):
    starts = occurrences(seed_text, word)
    assert starts
    for start in starts:
        place = resolved(seed_doc, start).place
        assert geodesic((place.lat, place.lon), point).km <= km


def test_every_nagorno_karabakh_is_the_region(seed_doc, seed_text):
    starts = occurrences(seed_text, "Nagorno-Karabakh")
    assert len(starts) == 3
    for start in starts:
        place = resolved(seed_doc, start).place
        assert geodesic((place.lat, place.lon), (39.85, 46.70)).km <= 60


def test_lachin_corridor_is_on_the_corridor(seed_doc, seed_text):
    (start,) = occurrences(seed_text, "Lachin Corridor")
    place = resolved(seed_doc, start).place
    assert geodesic((place.lat, place.lon), (39.6383, 46.5461)).km <= 35


@pytest.mark.parametrize(
    "word, iso", [("Armenia", "AM"), ("Azerbaijan", "AZ"), ("Russia", "RU"), ("US", "US"), ("U.S.", "US")]
)
def test_every_country_mention_is_that_country(seed_doc, seed_text, word, iso):
    starts = occurrences(seed_text, word)
    assert starts
    for start in starts:
        place = resolved(seed_doc, start).place
        assert (place.fcode, place.country) == ("PCLI", iso), (word, start)


@pytest.mark.parametrize(
    "word",
    ["Blinken", "Pashinyan", "Patel", "Aliyev", "Sputnik", "UrduPoint", "State Department", "ChaudhryMAli88"],
)
def test_people_and_organisations_are_not_places(seed_doc, seed_text, word):
    spans = [(s, s + len(word)) for s in occurrences(seed_text, word)]
    assert spans
    for r in seed_doc.resolutions:
        assert not any(r.mention.start < e and s < r.mention.end for s, e in spans), r.mention


def test_a_word_of_a_persons_name_is_that_person_again(parser):
    doc = parser.parse("Jim Ripley coached in Memphis for years, and Ripley still lives there.", doc_id="x")
    # NER calls the second "Ripley" a place (there are small towns of that name); the text says who it is.
    assert [r.mention.text for r in doc.resolutions] == ["Memphis"]


def test_a_strong_place_name_survives_a_namesake_person(parser):
    doc = parser.parse(
        "Michael Jordan flew to Amman on Monday. Officials in Jordan said he met the king.", doc_id="x"
    )
    assert "Jordan" in [r.mention.text for r in doc.resolutions]


def test_an_organisation_named_for_a_people_names_its_country(parser):
    doc = parser.parse(
        "The Georgian Interior Ministry said officials at Canadian Blood Services were told.", doc_id="x"
    )
    found = [(r.mention.text, r.mention.demonym_of, r.place.name) for r in doc.resolutions]
    assert found == [("Georgian", "GE", "Georgia"), ("Canadian", "CA", "Canada")]


def test_a_compass_word_before_a_place_is_not_the_place(parser):
    doc = parser.parse("Most Northeast Georgia school systems have not cut jobs.", doc_id="x")
    assert [r.mention.text for r in doc.resolutions] == ["Georgia"]  # not a town called Northeast


def test_a_name_after_to_or_in_is_a_place_whatever_ner_calls_it(parser):
    doc = parser.parse(
        "The closure will affect people travelling to Cirencester from Gloucester.", doc_id="x"
    )
    # NER calls "Cirencester" a person; after "to", and known to the gazetteer, it is the town.
    found = {r.mention.text: (r.place.name, r.place.country) for r in doc.resolutions}
    assert found["Cirencester"] == ("Cirencester", "GB")


def test_each_demonym_of_a_hyphenated_compound(parser):
    doc = parser.parse(
        "A Soyuz capsule carrying a Russian-American crew docked, defying anti-Russian critics.", doc_id="x"
    )
    assert [(r.mention.text, r.mention.demonym_of) for r in doc.resolutions] == [
        ("Russian", "RU"),
        ("American", "US"),
        ("Russian", "RU"),
    ]


def test_the_koreas_by_their_initials(parser):
    doc = parser.parse("Envoys of the DPRK and the ROK met in Panmunjom.", doc_id="x")
    found = {r.mention.text: r.place.country for r in doc.resolutions}
    assert (found["DPRK"], found["ROK"]) == ("KP", "KR")


def test_a_demonym_ner_missed(parser):
    doc = parser.parse("Shelling hit towns along the Syrian-Turkish border on Tuesday.", doc_id="x")
    # NER finds "Syrian" and nothing at "Turkish".
    assert [(r.mention.text, r.mention.demonym_of) for r in doc.resolutions] == [
        ("Syrian", "SY"),
        ("Turkish", "TR"),
    ]


def test_a_name_ner_calls_an_organisation_is_a_place_near_the_articles_places(parser):
    doc = parser.parse(
        "The storm hit Gainesville and Ocala hard. Chiefland lost power for two days.", doc_id="x"
    )
    found = {r.mention.text: (r.place.name, r.place.admin1) for r in doc.resolutions}
    # NER calls "Chiefland" an organisation; a Florida town of that name lies 60 km from Gainesville.
    assert found["Chiefland"] == ("Chiefland", "US.FL")
    assert all(r.mention.source != "maybe" for r in doc.resolutions)


def test_a_name_ner_calls_an_organisation_stays_one_far_from_the_articles_places(parser):
    doc = parser.parse("Chicago police said Bell agreed to pay the fine in Springfield.", doc_id="x")
    assert [r.mention.text for r in doc.resolutions] == ["Chicago", "Springfield"]


def test_a_street_is_a_place_whatever_ner_calls_it(parser):
    doc = parser.parse("Police closed Kelley Lane after the crash in Huntsville, Texas.", doc_id="x")
    # NER calls the street a person; it is shown, approximately, in the town the article names.
    found = {r.mention.text: (r.place.name, r.via) for r in doc.resolutions}
    assert found["Kelley Lane"] == ("Huntsville", "nearby")


def test_a_saints_day_is_not_a_place(parser):
    doc = parser.parse("Safety was stressed on St. Patrick's Day in Indianapolis.", doc_id="x")
    assert [r.mention.text for r in doc.resolutions] == ["Indianapolis"]


def test_lower_case_spans_are_not_places(parser):
    doc = parser.parse(
        "Police said the man was high on meth when he drove into Dayton. He couldn’t stop.", doc_id="x"
    )
    assert [r.mention.text for r in doc.resolutions] == ["Dayton"]  # not "meth", not "high"


def test_demonyms_are_marked_with_their_country(seed_doc):
    demonyms = {r.mention.text: r.mention.demonym_of for r in seed_doc.resolutions if r.mention.demonym_of}
    assert demonyms == {"Armenian": "AM", "Azerbaijani": "AZ", "Russian": "RU"}


def test_compounds_yield_both_places(seed_doc, seed_text):
    start = seed_text.index("Armenia-Azerbaijan")
    names = [r.mention.text for r in seed_doc.resolutions if start <= r.mention.start < start + 18]
    assert names == ["Armenia", "Azerbaijan"]
    start = seed_text.index("Russia-brokered")
    assert resolved(seed_doc, start).mention.text == "Russia"


def test_each_mention_knows_its_sentence(seed_doc):
    assert seed_doc.resolutions
    for r in seed_doc.resolutions:
        sentence = seed_doc.sentences[r.mention.sentence]
        assert sentence.start <= r.mention.start < sentence.end


def test_scores_and_alternatives(seed_doc, seed_text):
    washington = resolved(seed_doc, occurrences(seed_text, "Washington")[0])
    assert 0 < washington.score <= 1
    assert any(c.fcode == "ADM1" and c.name == "Washington" for c, _ in washington.alternatives)


def test_country_beats_a_city_of_the_same_name(parser):
    doc = parser.parse("Officials from Armenia met in Geneva.")
    assert doc.resolutions[0].place.country == "AM"


def test_primary_name_beats_alternate_name(parser):
    from geo.pipeline import Article

    text = "The convoy reached Goris on Tuesday."
    (doc,) = parser.parse_many([Article("x", text, spans=[(19, 24)])])
    assert (
        doc.resolutions[0].place.country == "AM"
    )  # Goris, Armenia — not Gori, Georgia (larger, alternate name)


def test_parent_pattern_picks_the_right_town(parser):
    doc = parser.parse("She grew up in Paris, Texas, before moving away.")
    paris = next(r for r in doc.resolutions if r.mention.text == "Paris")
    assert (paris.place.country, paris.place.admin1) == ("US", "US.TX")


def test_gold_span_mode_resolves_exactly_the_given_spans(parser):
    from geo.pipeline import Article

    text = "Talks in Munich and Baku ended."
    (doc,) = parser.parse_many([Article("x", text, spans=[(9, 15)])])
    assert [(r.mention.text, r.place.name) for r in doc.resolutions] == [("Munich", "Munich")]


def test_long_articles_go_through_ner_in_pieces_with_the_same_mentions(parser, seed_text, monkeypatch):
    """Texts past spaCy's max_length are cut at sentence ends; offsets stay those of the whole text."""
    import geo.pipeline

    text = "\n".join(seed_text for _ in range(3))
    whole = parser.parse(text)
    monkeypatch.setattr(geo.pipeline, "CHUNK_CHARS", 700)
    pieces = parser.parse(text)
    assert [(m.start, m.end, m.text) for m in pieces.mentions] == [
        (m.start, m.end, m.text) for m in whole.mentions
    ]
    assert all(text[m.start : m.end] == m.text for m in pieces.mentions)
    assert {p.candidate.id for p in pieces.places()} == {p.candidate.id for p in whole.places()}


def test_pieces_respect_the_size_and_tile_the_text():
    from geo.pipeline import _pieces
    from geo.text import split_sentences

    text = "A short one. " + "x" * 2500 + ". Then Munich. And Baku.\nEnd"
    pieces = list(_pieces(split_sentences(text), 1000))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(0 < end - start <= 1000 for start, end in pieces)


def test_unknown_names_are_placed_approximately_at_the_nearest_named_place(parser):
    from geo.pipeline import Article

    text = "Police in Boise closed the Qwertyville Mall. In Baku, crowds met at Baku Zorblat Cathedral."
    spans = [(10, 15), (27, 43), (48, 52), (68, 90)]
    (doc,) = parser.parse_many([Article("x", text, spans=spans)])
    got = {r.mention.text: (r.place.name if r.place else None, r.via, r.score) for r in doc.resolutions}
    assert got["Boise"][:2] == ("Boise", "name")
    assert got["Qwertyville Mall"][:2] == ("Boise", "nearby")  # nearest town named before it
    assert (
        0 < got["Qwertyville Mall"][2] < got["Boise"][2]
    )  # approximate: less sure than the town it is shown at
    assert got["Baku Zorblat Cathedral"][:2] == ("Baku", "part")  # its name contains a place of the article
    assert 0 < got["Baku Zorblat Cathedral"][2] < 1
    # Approximate mentions belong to their host's place but never to its count of names.
    boise = next(p for p in doc.places() if p.candidate.name == "Boise")
    assert [r.via for r in boise.resolutions] == ["name", "nearby"]


def test_an_unknown_name_alone_stays_unplaced(parser):
    from geo.pipeline import Article

    (doc,) = parser.parse_many([Article("x", "We met at Qwertyville Mall.", spans=[(10, 26)])])
    assert [(r.mention.text, r.place) for r in doc.resolutions] == [("Qwertyville Mall", None)]


def test_end_to_end_a_building_in_a_known_town_is_shown_there_approximately(parser):
    doc = parser.parse("The fire started at Qwertyville Mall near Boise, Idaho, on Monday.")
    mall = next(r for r in doc.resolutions if r.mention.text == "Qwertyville Mall")
    assert (mall.place.name, mall.place.admin1, mall.via) == ("Boise", "US.ID", "nearby")
    assert "Mal" not in {r.place.name for r in doc.resolutions}  # no town called from a word of its name


def test_a_far_small_town_reading_yields_to_the_local_place(parser):
    from geo.pipeline import Article

    text = "Crowds in New Orleans, Louisiana, walked down Bourbon after the parade."
    spans = [(10, 21), (23, 32), (46, 53)]
    (doc,) = parser.parse_many([Article("x", text, spans=spans)])
    bourbon = doc.resolutions[2]
    assert bourbon.mention.text == "Bourbon"
    assert (bourbon.place.name, bourbon.via) == ("New Orleans", "nearby")
    assert bourbon.alternatives[0][0].name == "Bourbon"  # the far-off town is kept as a runner-up
    # A town of that name inside the article's region is not doubtful.
    (doc,) = parser.parse_many(
        [Article("y", "Crowds in Boise, Idaho, then Meridian.", spans=[(10, 15), (17, 22), (29, 37)])]
    )
    assert (doc.resolutions[2].place.admin1, doc.resolutions[2].via) == ("US.ID", "name")


def test_an_unknown_name_skips_an_unsure_host_outside_the_articles_region(parser):
    from geo.pipeline import Article

    text = "Officials in Boise, Idaho, spoke. A man from Portland waited at Qwertyville Arena."
    spans = [(13, 18), (20, 25), (45, 53), (64, 81)]
    (doc,) = parser.parse_many([Article("x", text, spans=spans)])
    portland, arena = doc.resolutions[2], doc.resolutions[3]
    assert portland.mention.text == "Portland" and portland.place.admin1 != "US.ID" and portland.share < 0.5
    assert (arena.mention.text, arena.place.name, arena.via) == ("Qwertyville Arena", "Boise", "nearby")
    # A sure reading outside the region stays the nearest host.
    text = "Officials in Boise, Idaho, spoke. A man from Kingston, Jamaica waited at Qwertyville Arena."
    spans = [(13, 18), (20, 25), (45, 53), (55, 62), (73, 90)]
    (doc,) = parser.parse_many([Article("y", text, spans=spans)])
    assert (doc.resolutions[4].mention.text, doc.resolutions[4].place.name) == (
        "Qwertyville Arena",
        "Kingston",
    )


def test_an_institution_named_for_a_country_or_continent_is_placed_there(parser):
    text = (
        "The European Commission, the Scottish Parliament and the Mexican Senate met in Qwertyville Hall in "
        "Mexico City's French Quarter."
    )
    names = [
        "European Commission",
        "Scottish Parliament",
        "Mexican Senate",
        "Qwertyville Hall",
        "Mexico City",
    ]
    doc = with_gold_spans(parser, text, [*names, "French Quarter"])
    placed = [(r.mention.text, r.place.name, r.via) for r in doc.resolutions]
    assert placed[:4] == [
        ("European Commission", "Europe", "part"),
        ("Scottish Parliament", "Scotland", "part"),
        ("Mexican Senate", "Mexico", "part"),
        ("Qwertyville Hall", "Mexico City", "nearby"),
    ]
    # Named after a country, but not an institution: where the article is, not in France.
    assert placed[5] == ("French Quarter", "Mexico City", "nearby")


def test_regional_demonyms_name_their_region(parser):
    text = "Scottish and Welsh voters disagreed with English ones, a Texan said."
    doc = with_gold_spans(parser, text, ["Scottish", "Welsh", "English", "Texan"])
    found = [(r.mention.demonym_of, r.place.name, r.place.fcode) for r in doc.resolutions]
    assert found == [
        ("GB.SCT", "Scotland", "ADM1"),
        ("GB.WLS", "Wales", "ADM1"),
        ("GB.ENG", "England", "ADM1"),
        ("US.TX", "Texas", "ADM1"),
    ]


def test_breakaway_regions_by_their_adjectives(parser):
    doc = parser.parse("Abkhaz and South Ossetian officials met Georgian envoys in Geneva.", doc_id="x")
    found = {r.mention.text: r.place.name for r in doc.resolutions}
    assert (found["Abkhaz"], found["South Ossetian"], found["Georgian"]) == (
        "Abkhazia",
        "South Ossetia",
        "Georgia",
    )


def test_readings_settle_over_passes(parser):
    doc = parser.parse(
        "Police in Monroe and Walton County searched for the car after it left Athens.", doc_id="x"
    )
    found = {r.mention.text: r.place.admin1 for r in doc.resolutions}
    # One pass reads Walton County, Florida; the next sees Monroe, Georgia, its county seat, and moves it.
    assert (found["Monroe"], found["Walton County"]) == ("US.GA", "US.GA")


def test_a_small_national_capital_far_from_the_story_is_not_doubted(parser):
    text = "Officials in Boise, Idaho, spoke. They wrote to Vatican City and to Saipan."
    doc = with_gold_spans(parser, text, ["Boise", "Idaho", "Vatican City", "Saipan"])
    placed = [(r.place.name, r.place.country, r.via) for r in doc.resolutions[2:]]
    assert placed == [("Vatican City", "VA", "name"), ("Saipan", "MP", "name")]


def test_major_airports_by_their_bare_names(parser):
    doc = parser.parse(
        "Flights from Heathrow to Schiphol were cancelled, and JFK Airport closed.", doc_id="a"
    )
    found = {r.mention.text: (r.place.name, r.place.country, r.place.feature) for r in doc.resolutions}
    assert found["Heathrow"] == ("Heathrow Airport", "GB", "place")  # not Heathrow, Florida
    assert found["Schiphol"] == ("Amsterdam Airport Schiphol", "NL", "place")
    assert found["JFK Airport"][:2] == ("John F. Kennedy International Airport", "US")


def test_landmarks_named_for_their_institutions(parser):
    doc = parser.parse("Officials in Miami said the White House and the Kremlin traded words.", doc_id="w")
    found = {r.mention.text: (r.place.name, r.place.country, r.via) for r in doc.resolutions}
    # The building in Washington, not a venue of the article's town.
    assert found["White House"] == ("White House", "US", "name")
    assert found["Kremlin"] == ("Kremlin", "RU", "name")


def test_a_state_institution_is_placed_in_its_state(parser):
    text = "Students at Colorado State University and Arizona State University met Qwertyville University staff in Boston."
    names = ["Colorado State University", "Arizona State University", "Qwertyville University", "Boston"]
    doc = with_gold_spans(parser, text, names)
    placed = [(r.mention.text, r.place.name, r.place.fcode, r.via) for r in doc.resolutions]
    assert placed[:3] == [
        ("Colorado State University", "Colorado", "ADM1", "part"),
        ("Arizona State University", "Arizona", "ADM1", "part"),
        ("Qwertyville University", "Boston", "PPL", "nearby"),  # named after no state: where the article is
    ]


def test_an_institution_of_a_country_or_state_by_its_x_of_y_name(parser):
    text = "The Bank of Japan and Ohio State sent staff to the Bank of England, a Qwertyville official in Leeds said."
    names = ["Bank of Japan", "Ohio State", "Bank of England", "Qwertyville", "Leeds"]
    doc = with_gold_spans(parser, text, names)
    placed = [(r.mention.text, r.place.name, r.via) for r in doc.resolutions]
    assert placed[:4] == [
        ("Bank of Japan", "Japan", "part"),
        ("Ohio State", "Ohio", "part"),
        ("Bank of England", "England", "part"),
        ("Qwertyville", "Leeds", "nearby"),
    ]


def test_an_admin1_unit_of_a_country_the_article_does_not_name_yields_to_a_city(parser):
    doc = parser.parse("Fans from Texas and Ohio flew to St. Louis for the game.", doc_id="x")
    st_louis = next(r for r in doc.resolutions if r.mention.text == "St. Louis")
    # Not Senegal's Saint-Louis region, however many people it has.
    assert (st_louis.place.country, st_louis.place.admin1) == ("US", "US.MO")


def test_a_name_is_no_evidence_for_its_own_reading():
    from geo.resolve import Context

    context = Context(
        countries={"US": frozenset({"washington"})}, admin1={"US.DC": frozenset({"washington"})}
    )
    assert not context.names_country("US", besides="washington")
    assert not context.names_admin1("US.DC", besides="washington")
    assert context.names_country("US", besides="seattle") and context.names_admin1("US.DC", besides="seattle")


def test_a_country_named_by_other_words_beats_a_namesake_state(parser):
    doc = parser.parse("Georgian officials said Georgia would let deminers in, a US envoy said.", doc_id="x")
    found = {r.mention.text: (r.place.country, r.place.fcode) for r in doc.resolutions}
    # "US" points to the United States, but "Georgian" points to Georgia the country.
    assert found["Georgia"] == ("GE", "PCLI")


def test_a_countrys_own_name_is_the_country(parser):
    doc = parser.parse("MEXICO CITY (AP) Mexico's Senate passed a resolution on Monday.", doc_id="x")
    found = [(r.mention.text, r.place.name, r.place.fcode) for r in doc.resolutions]
    # Not Mexico City by one of its alternate names, however near the dateline.
    assert found == [("MEXICO CITY", "Mexico City", "PPLC"), ("Mexico", "Mexico", "PCLI")]


def test_the_west_the_arab_world_and_congress(parser):
    text = "Talks between Russia and the West stalled; Arab leaders met in Cairo while Congress debated sanctions."
    names = ["Russia", "West", "Arab", "Cairo", "Congress"]
    doc = with_gold_spans(parser, text, names)
    found = {r.mention.text: r.place for r in doc.resolutions}
    assert (found["West"].name, found["West"].geonameid) == (
        "the West",
        9408659,
    )  # not Cameroon's West Region
    assert found["Arab"].name == "Arab world"  # not Arab, Alabama
    assert found["Congress"].name == "United States Capitol"  # not Congress, Arizona
    assert geodesic((found["Congress"].lat, found["Congress"].lon), DC).km < 5
