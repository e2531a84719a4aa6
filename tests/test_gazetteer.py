"""The real index built by `make setup`."""

import pytest

from geo.normalize import normalize_name


def test_every_source_is_in_the_index(gazetteer):
    counts = gazetteer.counts()
    assert counts["countries"] >= 240
    assert counts["cities500"] > 200_000
    assert counts["admin1"] > 3_000 and counts["admin2"] > 20_000
    assert counts["supplement"] >= 16


@pytest.mark.parametrize(
    "variant",
    ["Nagorno-Karabakh", "nagorno karabakh", "Nagorno–Karabakh", "NAGORNO KARABAKH", "Nagorno Karabakh"],
)
def test_lookup_is_by_normalised_name(gazetteer, variant):
    assert gazetteer.candidates(variant)[0].name == "Nagorno-Karabakh"


def test_normalisation():
    assert normalize_name("Côte d’Ivoire") == normalize_name("Cote d'Ivoire") == "cote divoire"
    assert normalize_name("U.S.") == normalize_name("US") == "us"


@pytest.mark.parametrize(
    "name",
    [
        "Nagorno-Karabakh",
        "Lachin Corridor",
        "Caucasus",
        "Black Sea",
        "Gaza Strip",
        "West Bank",
        "Crimea",
        "Donbas",
        "Kashmir",
        "Sahel",
        "Balkans",
        "Golan Heights",
        "Sinai",
        "Persian Gulf",
        "South China Sea",
        "Taiwan Strait",
    ],
)
def test_curated_supplement_has_the_places_no_package_has(gazetteer, name):
    found = [c for c in gazetteer.candidates(name) if c.id < 0]
    assert found, name
    assert found[0].note, "every supplement row carries a provenance note"


def test_lachin_corridor_is_a_line_through_lachin(gazetteer):
    corridor = gazetteer.candidates("Lachin Corridor")[0]
    assert corridor.geometry.startswith("LINESTRING")
    assert abs(corridor.lat - 39.64) < 0.1 and abs(corridor.lon - 46.55) < 0.1


def test_primary_names_rank_before_alternate_names(gazetteer):
    goris = gazetteer.candidates("Goris")
    assert (goris[0].name, goris[0].country, goris[0].name_kind) == ("Goris", "AM", 0)
    assert any(c.name == "Gori" and c.name_kind == 2 for c in goris)


def test_renamed_places_keep_old_names(gazetteer):
    assert gazetteer.candidates("Stepanakert")[0].name == "Khankendi"


def test_admin_units_have_derived_points(gazetteer):
    california = next(c for c in gazetteer.candidates("California") if c.fcode == "ADM1")
    assert california.geonameid == 5332921
    assert 35 < california.lat < 39 and -122 < california.lon < -117


def test_country_aliases_and_demonyms(gazetteer):
    assert any(c.country == "US" and c.fcode == "PCLI" for c in gazetteer.candidates("U.S."))
    assert gazetteer.demonym("Armenian") == "AM"
    assert gazetteer.demonym("Azerbaijani") == "AZ"
    assert gazetteer.demonym("Russian") == "RU"


def test_country_names_in_other_languages(gazetteer):
    assert any(c.country == "DE" and c.fcode == "PCLI" for c in gazetteer.candidates("Deutschland"))
