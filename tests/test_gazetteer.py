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
    assert normalize_name("Cœur d'Alene") == normalize_name("Coeur d'Alene") == "coeur dalene"
    assert normalize_name("Ærø") == "aero"


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


@pytest.mark.parametrize(
    ("name", "official", "country"),
    [
        ("Marburg", "Marburg an der Lahn", "DE"),
        ("Halle", "Halle (Saale)", "DE"),
        ("Frankfurt", "Frankfurt am Main", "DE"),
        ("Rio", "Rio de Janeiro", "BR"),
        ("Taxco", "Taxco de Alarcón", "MX"),
    ],
)
def test_a_towns_short_form_is_its_own_name(gazetteer, name, official, country):
    # GeoNames keeps "Marburg" only as an alternate name of Marburg an der Lahn, below a hamlet of 900 in Queensland.
    found = [c for c in gazetteer.candidates(name) if c.name == official]
    assert found and found[0].country == country and found[0].name_kind == 0
    assert gazetteer.candidates(name)[0].name == official  # the biggest of the town's own names


def test_a_small_towns_short_form_stays_an_alternate_name(gazetteer):
    # Ross-on-Wye (≈ 10,000): "Ross" is a surname before it is the town.
    ross_on_wye = [c for c in gazetteer.candidates("Ross") if c.name == "Ross on Wye"]
    assert ross_on_wye and ross_on_wye[0].name_kind == 2


def test_renamed_places_keep_old_names(gazetteer):
    assert gazetteer.candidates("Stepanakert")[0].name == "Khankendi"


def test_admin_units_have_derived_points(gazetteer):
    california = next(c for c in gazetteer.candidates("California") if c.fcode == "ADM1")
    assert california.geonameid == 5332921
    assert 35 < california.lat < 39 and -122 < california.lon < -117


def test_country_aliases_and_demonyms(gazetteer):
    assert any(c.country == "US" and c.fcode == "PCLI" for c in gazetteer.candidates("U.S."))
    # initials news uses that GeoNames has only as other cities' airport codes (Paranaguá's "PNG", Kazan's "KZN")
    assert gazetteer.candidates("PNG")[0].country == "PG"
    assert gazetteer.candidates("KZN")[0].admin1 == "ZA.02"
    assert gazetteer.demonym("Armenian") == "AM"
    assert gazetteer.demonym("Azerbaijani") == "AZ"
    assert gazetteer.demonym("Russian") == "RU"


def test_country_names_in_other_languages(gazetteer):
    assert any(c.country == "DE" and c.fcode == "PCLI" for c in gazetteer.candidates("Deutschland"))


@pytest.mark.index
def test_overrides_pin_add_and_drop(tmp_path):
    from geo.gazetteer.index import Gazetteer, default_path
    from geo.pipeline import Geoparser

    overrides = tmp_path / "overrides.csv"
    overrides.write_text(
        "action,name,place_id,lat,lon,fcode,country,note\n"
        "pin,Paris,4717560,,,,,Paris (Texas) in our local corpus\n"
        "add,Camp Zeta,,39.70,46.60,PPL,AZ,a field camp our reporters use\n"
        "drop,Reddit,,,,,,\n",
        encoding="utf-8",
    )
    gaz = Gazetteer(default_path(), overrides=overrides)
    assert [c.id for c in gaz.candidates("Paris")] == [4717560]
    assert gaz.candidates("Camp Zeta")[0].lat == 39.70 and "camp zeta" in gaz.strong_keys
    parser = Geoparser(gaz)
    doc = parser.parse("Users on Reddit said the Paris fire spread. Aid reached Camp Zeta from Baku.")
    found = {r.mention.text: r.place for r in doc.resolutions}
    assert "Reddit" not in found
    assert found["Paris"].country == "US" and found["Camp Zeta"].country == "AZ"


@pytest.mark.index
def test_bad_overrides_row_is_a_clear_error(tmp_path):
    from geo.errors import DataError
    from geo.gazetteer.index import Gazetteer, default_path

    overrides = tmp_path / "overrides.csv"
    overrides.write_text("action,name,place_id,lat,lon,fcode,country,note\npin,Paris,999999999,,,,,\n")
    with pytest.raises(DataError, match=r"overrides.csv:2: no place with id 999999999"):
        Gazetteer(default_path(), overrides=overrides)


def test_a_town_the_city_tables_lack_is_an_ordinary_town_from_the_supplement():
    from geo.gazetteer.index import Gazetteer

    (town,) = [c for c in Gazetteer().candidates("El Alto") if c.country == "BO"]
    # Its admin-1 unit and population from the supplement; a town, not one of our curated areas.
    assert (town.fcode, town.admin1, town.population > 500_000, town.curated) == ("PPL", "BO.04", True, False)


@pytest.mark.parametrize(
    ("name", "fcode", "country"),
    [
        ("Bornholm", "ISL", "DK"),
        ("West Nile", "RGN", "UG"),
        ("Zika Forest", "FRST", "UG"),
        ("Cheshire", "RGN", "GB"),
        ("Samos", "ISL", "GR"),  # islands the city tables lack (only their towns, or none)
        ("Capri", "ISL", "IT"),
        ("Tenerife", "ISL", "ES"),
    ],
)
def test_places_named_like_diseases_or_lost_with_their_counties_are_in_the_index(
    gazetteer, name, fcode, country
):
    assert any(c.fcode == fcode and c.country == country for c in gazetteer.candidates(name))
    assert gazetteer.candidates("Villarreal")[0].name == "Vila-real"  # GeoNames keeps only the Valencian name


@pytest.mark.parametrize("name", ["Co Mayo", "Co. Mayo", "County Mayo"])
def test_irish_counties_by_their_short_form(gazetteer, name):
    assert any(c.fcode == "ADM1" and c.country == "IE" for c in gazetteer.candidates(name))


def test_arab_towns_without_the_article(gazetteer):
    # GeoNames' "Al Jahrā’" is "Jahra" in English news; a village's bare name is left alone
    assert any(c.country == "KW" for c in gazetteer.candidates("Jahra"))
    assert not any(c.country == "PS" for c in gazetteer.candidates("Ittihad"))
