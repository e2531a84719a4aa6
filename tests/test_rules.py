"""The recognition rules one by one, on hand-built spaCy ``Doc``s and a tiny gazetteer index: what each matches does
not depend on what the NER model happens to tag today. A few end-to-end cases on the real model close the file."""

from __future__ import annotations

import re
import sqlite3

import pytest
import spacy
from spacy.tokens import Doc

from geo.gazetteer.index import Gazetteer
from geo.gazetteer.schema import SCHEMA, SCHEMA_VERSION
from geo.normalize import normalize_name
from geo.pipeline import Geoparser
from geo.recognize import RULE_TABLE, RULES, Recognizer

# name, fcode, country, admin1, population, aliases (kind 1) — real places, real feature codes, rounded populations.
PLACES = [
    ("Madrid", "PPLC", "ES", "ES.29", 3_255_944, []),
    ("Tanauan", "PPL", "PH", "PH.08", 16_567, []),
    ("Leyte", "ADM2", "PH", "PH.08", 1_209_608, []),
    ("Paris", "PPLC", "FR", "FR.11", 2_138_551, []),
    ("Paris", "PPL", "US", "US.TX", 24_782, []),
    ("Madison", "PPLA", "US", "US.WI", 258_054, []),
    ("Moab", "PPL", "US", "US.UT", 5_366, []),
    ("Utah", "ADM1", "US", "US.UT", 3_271_616, ["UT"]),
    ("Virginia", "ADM1", "US", "US.VA", 8_631_393, ["VA"]),
    ("Maryland", "ADM1", "US", "US.MD", 6_177_224, ["Md."]),
    ("Tulsa", "PPL", "US", "US.OK", 413_066, []),
    ("Washington", "PPLC", "US", "US.DC", 689_545, []),
    ("Fargo", "PPL", "US", "US.ND", 125_990, []),
    ("Ford", "PPL", "US", "US.KS", 216, []),
    ("Omaha", "PPL", "US", "US.NE", 486_051, []),
    ("Brown", "PPL", "US", "US.IL", 300, []),
    ("Denver", "PPLA", "US", "US.CO", 715_522, []),
    ("Ebola", "STM", "CD", "CD.00", 0, []),
    ("Ross", "PPL", "AU", "AU.07", 2_000, []),
    ("Townsville", "PPL", "AU", "AU.04", 180_820, []),
    ("New Zealand", "PCLI", "NZ", "", 4_822_233, ["NZ"]),
    ("Auckland", "PPL", "NZ", "NZ.E7", 417_910, []),
    ("Victoria", "ADM1", "AU", "AU.07", 6_648_564, []),
    ("Republic of the Congo", "PCLI", "CG", "", 5_518_092, ["Republic of Congo", "Congo"]),
    ("Guinea", "PCLI", "GN", "", 13_132_792, []),
    ("Guinea-Bissau", "PCLI", "GW", "", 1_874_309, []),
    ("Delta", "ADM1", "NG", "NG.36", 5_663_362, []),
    ("Ha'il", "PPL", "SA", "SA.13", 605_930, ["Hail"]),
    ("Wichita", "PPL", "US", "US.KS", 397_532, []),
    ("Buffalo", "PPL", "US", "US.NY", 278_349, []),
    ("L'Aquila", "PPLA", "IT", "IT.01", 68_503, []),
    ("Coeur d'Alene", "PPL", "US", "US.ID", 54_628, []),
    ("Smyrna", "PPL", "US", "US.GA", 56_666, []),
    ("Cartersville", "PPL", "US", "US.GA", 23_187, []),
    ("Dalton", "PPL", "US", "US.GA", 34_417, []),
    ("Orange", "PPL", "FR", "FR.93", 29_135, []),
    ("Avignon", "PPL", "FR", "FR.93", 90_305, []),
    ("Lagos", "PPL", "NG", "NG.05", 9_000_000, []),
    ("Okafor", "PPL", "NG", "NG.05", 500, []),
    ("Bristol", "PPLA2", "GB", "GB.ENG", 430_713, []),
    ("Coyhaique", "PPLA", "CL", "CL.02", 45_787, []),
    ("Chile", "PCLI", "CL", "", 18_000_000, []),
    ("Maó", "PPL", "ES", "ES.07", 29_125, []),
    ("Menorca", "ISL", "ES", "ES.07", 0, ["Minorca"]),
    ("Bay", "ADM1", "SO", "SO.04", 620_562, []),
    ("Islands", "ADM1", "HK", "HK.NIS", 137_122, []),
    ("Pendleton", "PPL", "US", "US.OR", 16_612, []),
    ("Fitzgerald", "PPL", "US", "US.GA", 9_000, []),
    ("Hartford", "PPLA", "US", "US.CT", 121_054, []),
    ("Chanderi", "PPL", "IN", "IN.35", 33_000, []),
    ("Longreach", "PPL", "AU", "AU.04", 3_690, []),
    ("Inuvik", "PPL", "CA", "CA.13", 3_243, []),
    ("Gotse Delchev", "PPL", "BG", "BG.38", 20_522, []),
    ("Ohio", "ADM1", "US", "US.OH", 11_799_448, []),
    ("Boston", "PPLA", "US", "US.MA", 675_647, []),
    ("Camp David", "MILB", "US", "US.MD", 0, []),
    ("Abuja", "PPLC", "NG", "NG.11", 590_400, []),
    ("Warren", "PPL", "US", "US.MI", 134_056, []),
    ("Boston", "PPLA", "US", "US.MA", 667_137, []),
    ("Jordan", "PCLI", "JO", "", 9_956_011, []),
    ("Amman", "PPLC", "JO", "JO.16", 1_275_857, []),
    ("Sydney", "PPLA", "AU", "AU.02", 4_627_345, []),
    ("Atlanta", "PPLA", "US", "US.GA", 463_878, []),
    ("Reno", "PPL", "US", "US.NV", 260_068, []),
    ("Rivera", "PPLA", "UY", "UY.13", 64_465, []),
    ("Saint Petersburg", "PPLA", "RU", "RU.66", 5_351_935, []),
    ("Jeddah", "PPL", "SA", "SA.14", 2_867_446, []),
    ("Sault Ste. Marie", "PPL", "CA", "CA.08", 72_051, []),
    ("Fort William", "PPL", "GB", "GB.SCT", 15_757, []),
    ("Edirne", "PPL", "TR", "TR.22", 180_002, []),
    ("St. Paul", "PPL", "US", "US.MN", 303_176, ["Saint Paul"]),
    ("Côte-Saint-Luc", "PPL", "CA", "CA.10", 32_448, []),
    ("San", "PPL", "ML", "ML.05", 103_227, []),
    ("Sri", "PPL", "ID", "ID.07", 2_000, []),
    ("Christmas", "PPL", "US", "US.FL", 1_146, []),
    ("Democratic Republic of the Congo", "PCLI", "CD", "", 84_068_091, []),
    ("Everton", "PPL", "GB", "GB.ENG", 523, []),
    ("Liverpool", "PPL", "GB", "GB.ENG", 864_122, []),
    ("Braga", "ADM1", "PT", "PT.04", 848_000, []),
    ("Real del Monte", "PPL", "MX", "MX.13", 12_000, []),
    ("Florence", "PPL", "IT", "IT.16", 367_150, []),
    ("Williston", "PPL", "US", "US.ND", 29_160, []),
    ("Braga", "PPL", "PT", "PT.04", 193_000, []),
    ("Freiburg", "PPL", "DE", "DE.01", 237_000, []),
    ("Fribourg", "ADM1", "CH", "CH.FR", 325_000, ["Freiburg"]),
    ("Grimsby", "PPL", "GB", "GB.ENG", 86_138, []),
    ("Scunthorpe", "PPL", "GB", "GB.ENG", 81_576, []),
    ("Lincoln", "PPL", "GB", "GB.ENG", 103_813, []),
    ("Hull", "PPL", "CA", "CA.10", 63_702, []),
    ("Columbia", "PPL", "US", "US.MO", 126_254, []),
    ("Missouri", "ADM1", "US", "US.MO", 6_137_428, ["Mo."]),
    ("Texas", "ADM1", "US", "US.TX", 29_145_505, []),
    ("Reading", "PPL", "GB", "GB.ENG", 318_014, []),
    ("Oxford", "PPL", "GB", "GB.ENG", 171_380, []),
    ("Zurich", "PPLA", "CH", "CH.ZH", 341_730, []),
    ("Oshkosh", "PPL", "US", "US.WI", 66_778, []),
    ("Wisconsin", "ADM1", "US", "US.WI", 5_893_718, []),
    ("Wrocław", "PPLA", "PL", "PL.72", 672_545, []),
    ("Plovdiv", "PPLA", "BG", "BG.51", 346_893, []),
    ("Almaty", "PPLA", "KZ", "KZ.02", 1_977_011, []),
    ("Vienna", "PPLC", "AT", "AT.09", 1_691_468, []),
    ("Burnley", "PPL", "GB", "GB.ENG", 73_021, []),
    ("Parma", "PPLA2", "IT", "IT.05", 175_895, []),
    ("Bordeaux", "PPLA", "FR", "FR.75", 231_844, []),
    ("Florence", "PPLA", "IT", "IT.16", 367_150, []),
    ("Aberdeen", "PPLA2", "GB", "GB.SCT", 196_670, []),
    ("Nairobi", "PPLC", "KE", "KE.05", 2_750_547, []),
    ("Seattle", "PPL", "US", "US.WA", 737_015, []),
    ("Wilkes-Barre", "PPL", "US", "US.PA", 40_780, []),
    ("Deal", "PPL", "GB", "GB.ENG", 30_917, []),
    ("Tulum", "PPL", "MX", "MX.23", 18_233, []),
    ("Pueblito", "PPL", "MX", "MX.23", 2_000, []),
    ("Santa Maria", "PPL", "BR", "BR.23", 271_735, []),
    ("Villeneuve-d'Ascq", "PPL", "FR", "FR.32", 62_400, []),
    ("Ash-Lee", "PPL", "US", "US.TX", 300, []),
    ("Hawke's Bay", "ADM1", "NZ", "NZ.F2", 243_483, []),
    ("Bay", "ADM1", "SO", "SO.04", 177_631, []),
    ("Kent", "ADM2", "GB", "GB.ENG", 1_407_942, []),
    ("Kent County", "ADM2", "US", "US.MI", 657_974, []),
    ("Worcestershire", "ADM2", "GB", "GB.ENG", 477_436, []),
    ("Frankfurt am Main", "PPL", "DE", "DE.05", 763_380, ["Frankfurt"]),
    ("Frankfurt (Oder)", "PPL", "DE", "DE.11", 57_107, []),
    ("Holstein", "PPL", "US", "US.IA", 1_400, []),
    ("Catarroja", "PPL", "ES", "ES.60", 27_035, []),
    ("Mayfield", "PPL", "US", "US.KY", 10_024, []),
    ("Neath", "PPL", "GB", "GB.WLS", 50_658, []),
    ("Aqaba", "PPL", "JO", "JO.21", 188_160, []),
    ("London", "PPLC", "GB", "GB.ENG", 8_961_989, []),
    ("Caspian Sea", "LK", "", "", 0, ["Caspian"]),
    ("Guinea-Bissau", "PCLI", "GW", "", 1_874_309, []),
    ("Kentucky", "ADM1", "US", "US.KY", 4_505_836, ["Ky."]),
    ("Valencia", "PPLA", "ES", "ES.60", 792_492, []),
    ("King County", "ADM2", "US", "US.WA", 2_375_696, []),
    ("Java", "ISL", "ID", "", 0, []),
    ("Cook", "PPL", "AU", "AU.01", 2_748, []),
    ("Sussex", "ADM2", "GB", "GB.ENG", 50_000, []),
    ("Sussex County", "ADM2", "US", "US.DE", 237_378, []),
    ("Seattle Kings", "PPL", "US", "US.WA", 5_000, []),
    ("Hope", "PPL", "CA", "CA.02", 20_000, []),
    ("Liberty", "PPL", "US", "US.MO", 5_000, []),
    ("Cortina d'Ampezzo", "PPL", "IT", "IT.20", 5_423, []),
    ("India", "PCLI", "IN", "", 1_352_617_328, []),
    ("Devonport", "PPL", "AU", "AU.06", 26_150, []),
    ("Chad", "PCLI", "TD", "", 15_477_751, []),
    ("Niger", "PCLI", "NE", "", 22_442_948, []),
    ("Santiago de Tuna", "PPL", "PE", "PE.15", 533, ["Tuna"]),
    ("East Coast", "RGN", "US", "", 0, []),
    ("Playa del Carmen", "PPL", "MX", "MX.23", 149_923, []),
    ("N'Djamena", "PPLC", "TD", "TD.21", 1_359_526, []),
    ("Oklahoma", "ADM1", "US", "US.OK", 3_959_353, []),
    ("Springs", "PPL", "ZA", "ZA.06", 186_394, []),
    ("Serengeti", "ADM2", "TZ", "TZ.15", 249_420, []),
    ("Hanmer Springs", "PPL", "NZ", "NZ.E9", 1_180, []),
    ("Castlerea", "PPL", "IE", "IE.24", 1_992, []),
    ("Roscommon", "ADM1", "IE", "IE.24", 64_544, ["County Roscommon"]),
    ("Hautes-Alpes", "ADM2", "FR", "FR.93", 140_000, []),
    ("Gap", "PPL", "FR", "FR.93", 40_000, []),
    ("Patagonia", "RGN", "AR", "", 0, []),
    ("Pacific Ocean", "OCN", "", "", 0, ["Pacific"]),
    ("Taizz", "PPL", "YE", "YE.25", 615_222, []),
    ("Grace", "PPL", "US", "US.ID", 897, []),
    ("Tyler", "PPL", "US", "US.TX", 103_700, []),
    ("Charlotte", "PPL", "US", "US.NC", 911_311, []),
    ("Dominican Republic", "PCLI", "DO", "", 10_627_165, []),
    ("United States", "PCLI", "US", "", 327_167_434, ["U.S."]),
    ("March", "PPL", "GB", "GB.ENG", 22_298, []),
    ("Houston", "PPL", "US", "US.TX", 2_314_157, []),
    ("Jackson", "PPL", "US", "US.MS", 153_701, []),
    ("Ireland", "PCLI", "IE", "", 4_853_506, []),
    ("Kent", "ADM2", "GB", "GB.ENG", 1_407_942, []),
    ("Deal", "PPL", "GB", "GB.ENG", 30_917, []),
    ("Sussex", "RGN", "GB", "GB.ENG", 0, []),
    ("Murree", "PPL", "PK", "PK.04", 25_186, []),
    ("Islamabad", "PPLC", "PK", "PK.08", 601_600, []),
    ("Wodonga", "PPL", "AU", "AU.07", 38_949, []),
    ("Lahaina", "PPL", "US", "US.HI", 11_704, []),
    ("Chester", "PPL", "GB", "GB.ENG", 90_524, []),
    ("Kerrville", "PPL", "US", "US.TX", 23_136, []),
    ("Cut Off", "PPL", "US", "US.LA", 5_976, []),
    ("Gympie", "PPL", "AU", "AU.04", 22_424, []),
    ("Nanyuki", "PPL", "KE", "KE.29", 72_813, []),
    ("Florence", "PPL", "US", "US.AL", 40_184, []),
    ("California", "ADM1", "US", "US.CA", 39_512_223, []),
    ("Paradise", "PPL", "US", "US.CA", 26_476, []),
    ("Berkeley", "PPL", "US", "US.CA", 120_972, []),
    ("Coxsackie", "PPL", "US", "US.NY", 2_701, []),
    ("Young", "PPL", "AU", "AU.02", 10_160, []),
    ("Cowra", "PPL", "AU", "AU.02", 9_996, []),
    ("Morwell", "PPL", "AU", "AU.07", 13_620, []),
    ("Casino", "PPL", "AU", "AU.02", 10_914, []),
    ("Robertson", "PPL", "ZA", "ZA.11", 33_204, []),
    ("Greymouth", "PPL", "NZ", "NZ.F9", 9_419, []),
    ("Keroka", "PPL", "KE", "KE.08", 10_881, []),
    ("Duma", "PPL", "SY", "SY.08", 111_864, []),
    ("Ulverston", "PPL", "GB", "GB.ENG", 11_356, []),
    ("Side", "PPL", "TR", "TR.07", 10_505, []),
    ("Úbeda", "PPL", "ES", "ES.51", 34_602, []),
    ("Kobayashi", "PPL", "JP", "JP.43", 46_221, []),
    ("Still", "PPL", "FR", "FR.44", 1_905, []),
    ("Hawke's Bay", "ADM1", "NZ", "NZ.F2", 166_368, []),
    ("Wajima", "PPL", "JP", "JP.15", 24_608, []),
    ("New South Wales", "ADM1", "AU", "AU.02", 8_166_000, []),
    ("Rice County", "ADM2", "US", "US.MN", 66_972, []),
    ("Hennepin County", "ADM2", "US", "US.MN", 1_281_565, []),
    ("Queens", "ADM2", "US", "US.NY", 2_230_722, []),
    ("King", "PPL", "US", "US.NC", 7_000, []),
    ("Hebden Bridge", "PPL", "GB", "GB.ENG", 6_000, []),
    ("Kyoto", "PPL", "JP", "JP.22", 1_459_640, []),
    ("Earth", "PPL", "US", "US.TX", 1_012, []),
    ("Jupiter", "PPL", "US", "US.FL", 61_047, []),
    ("Florida", "ADM1", "US", "US.FL", 21_538_187, []),
    ("Belfast", "PPLA", "GB", "GB.NIR", 274_770, []),
    ("Kotor", "PPL", "ME", "ME.10", 13_510, []),
    ("Suzu", "PPL", "JP", "JP.15", 12_929, []),
    ("Noto Peninsula", "PEN", "JP", "JP.15", 0, []),
    ("Ratoath", "PPL", "IE", "IE.L", 9_043, []),
    ("Mandalay", "PPL", "MM", "MM.08", 1_208_099, []),
    ("Iran", "PCLI", "IR", "", 81_800_000, []),
    ("Portage la Prairie", "PPL", "CA", "CA.03", 13_304, []),
    ("Portage", "PPL", "US", "US.MI", 48_891, []),
    ("Kansas City", "PPL", "US", "US.MO", 508_090, []),
    ("Płaza", "PPL", "PL", "PL.77", 3_000, []),
    ("Pylos", "PPL", "GR", "GR.ESYE25", 2_345, []),
    ("Iqaluit", "PPL", "CA", "CA.14", 7_429, []),
    ("Benito Juárez", "PPL", "MX", "MX.06", 385_439, []),  # a municipality of Mexico City
    ("Dún Laoghaire", "PPL", "IE", "IE.L", 185_400, []),
    ("Virginia Beach", "PPL", "US", "US.VA", 449_974, []),
    ("Milton Keynes", "PPL", "GB", "GB.ENG", 229_941, []),
    ("Turkey", "PCLI", "TR", "", 82_319_724, []),
    ("Efes", "PPL", "TR", "TR.09", 1_200, []),
    ("Gypsum", "PPL", "US", "US.CO", 6_500, []),  # a word of English a little below COMMON_WORD_ZIPF
    ("Monash", "PPL", "AU", "AU.07", 190_000, []),  # and a university's name
    ("Min", "PPL", "CN", "CN.15", 50_000, []),  # the second half of "D.Min."
    ("Trá Mhór", "PPL", "IE", "IE.M", 10_381, ["Tramore"]),  # known by its official name
    ("Nahariyya", "PPL", "IL", "IL.03", 58_096, []),
    ("South Carolina", "ADM1", "US", "US.SC", 5_118_425, ["SC"]),
    ("British Columbia", "ADM1", "CA", "CA.02", 5_000_879, ["BC"]),
    ("Surprise", "PPL", "US", "US.AZ", 143_148, []),  # far more often a word of English in lower case
    ("Oaxaca", "ADM1", "MX", "MX.20", 4_132_148, []),  # a state and its capital of one name
    ("Oaxaca", "PPLA", "MX", "MX.20", 255_029, []),
    ("Rioja", "ADM1", "ES", "ES.27", 319_914, []),  # a state whose name is its wine's
    ("Pilgrim's Rest", "PPL", "ZA", "ZA.07", 2_061, []),  # a small town named with a possessive
    ("Tom Price", "PPL", "AU", "AU.08", 3_313, []),  # … and one without
    (
        "Weston-super-Mare",
        "PPL",
        "GB",
        "GB.ENG",
        76_143,
        [],
    ),  # a hyphenated town NER cuts at its first hyphen
    ("Weston", "PPL", "US", "US.FL", 65_333, []),
    ("St. John's", "PPL", "CA", "CA.05", 110_525, []),  # a name spelt with a possessive …
    ("Saint John", "PPL", "CA", "CA.04", 71_808, ["St. John"]),  # … and the town of the name without it
    ("Heidelberg", "PPL", "DE", "DE.01", 159_914, []),  # a town whose university is called by its name
    ("Taiwan", "PCLI", "TW", "", 23_451_837, []),
    ("Chihuahua", "PPL", "MX", "MX.06", 708_267, []),
]
# Alternate names (kind 2): a former name and a spelling that is also a given name.
ALTERNATES = [
    ("Nahariya", "Nahariyya"),  # another spelling
    ("Nahriyah", "Nahariyya"),  # a spelling too far from the name
    ("Zabrovka", "Nahariyya"),  # another name altogether
    ("R.D.", "Dominican Republic"),
    ("Leningrad", "Saint Petersburg"),
    ("Judah", "Jeddah"),
    ("Breslau", "Wrocław"),
    ("Julia", "Plovdiv"),  # a Latin name of Plovdiv, and a first name
    ("Alma-Ata", "Almaty"),
    ("Adrianople", "Edirne"),
    ("Ali", "Edirne"),  # a given name among a city's alternate names
    ("Cape", "Cartersville"),
    ("Port Mahon", "Maó"),  # (data/historical_names.csv)
    ("Cattaro", "Kotor"),  # an old name of a town too small for the one-word former names outside history
    (
        "Voronov",
        "Nanyuki",
    ),  # an old name after a man, of a town too small for the text matcher's former names
    ("Navarino", "Pylos"),  # an old name of a town of a few thousand
    ("Frobisher Bay", "Iqaluit"),  # the old name of a small town
    ("Neptune", "Pylos"),  # a word of English as a small town's other name
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    """A real index (the build's schema, the reader's SQL) holding only :data:`PLACES`."""
    path = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    for place_id, (name, fcode, country, admin1, population, aliases) in enumerate(PLACES, start=1):
        con.execute(
            "INSERT INTO places (id, geonameid, name, fcode, country, admin1, lat, lon, population, source) "
            "VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, 'test')",
            (place_id, place_id, name, fcode, country, admin1, population),
        )
        for kind, alias in [(0, name), *((1, a) for a in aliases)]:
            con.execute(
                "INSERT OR IGNORE INTO names VALUES (?, ?, ?)", (normalize_name(alias), place_id, kind)
            )
    ids = {name: i for i, (name, *_) in enumerate(PLACES, start=1)}
    con.executemany(
        "INSERT INTO names VALUES (?, ?, 2)", [(normalize_name(a), ids[p]) for a, p in ALTERNATES]
    )
    con.executemany(
        "INSERT INTO demonyms VALUES (?, ?)",
        [("crimean", "UA.11"), ("french", "FR"), ("sri lankan", "LK"), ("indians", "IN"), ("canadian", "CA")],
    )
    con.executemany(
        "INSERT INTO codes VALUES (?, ?)",
        [("US-WI", "US.WI"), ("US-MO", "US.MO"), ("US-TX", "US.TX"), ("US-OK", "US.OK")],
    )
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    con.commit()
    con.close()
    empty = path.parent / "overrides.csv"
    empty.write_text("action,name,place_id,lat,lon,fcode,country,note\n", encoding="utf-8")
    return Gazetteer(path, overrides=empty)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def make_doc(nlp, text: str, ents: dict[str, str] | list[tuple[str, str]] = ()) -> Doc:
    """A Doc of *text* whose entities are given by hand: surface → label (first occurrence after the last one)."""
    doc = nlp(text)
    spans, offset = [], 0
    for surface, label in ents.items() if isinstance(ents, dict) else ents:
        start = text.index(surface, offset)
        span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
        assert span is not None, surface
        spans.append(span)
        offset = start + len(surface)
    doc.ents = spans
    return doc


def found(gaz, nlp, text, ents=(), **kwargs) -> list[tuple[str, str]]:
    doc = make_doc(nlp, text, ents)
    return [(m.text, m.rule) for m in Recognizer(gaz, **kwargs).recognize(doc, text=text)]


def texts(gaz, nlp, text, ents=(), **kwargs) -> list[str]:
    return [t for t, _ in found(gaz, nlp, text, ents, **kwargs)]


# -- the rules as a table ----------------------------------------------------------------------------------------


def test_rules_are_unique_ordered_names_each_documented_with_an_example():
    assert len(RULES) == len(set(RULES)) > 20
    assert RULES[0] == "dateline" and RULES[-1] == "maybe_place"
    for rule in RULE_TABLE:
        assert re.fullmatch(r"[a-z_]+", rule.name)
        assert '"' in rule.doc, f"{rule.name}: the docstring needs a quoted example"


def test_an_entity_rule_is_silent_on_labels_it_does_not_read(gaz, nlp):
    # The recogniser calls an entity rule only for its labels (Rule.labels): for any other, the rule answers None.
    from geo.recognize import _ENTITY_RULES, _Doc, _trim

    labels = "PERSON ORG GPE LOC FAC NORP PRODUCT WORK_OF_ART EVENT LAW LANGUAGE DATE CARDINAL MONEY".split()
    text = (
        "Near Moab, Ms Okafor said Guinea-Bissau, Paris Street, Tulsa Police Department and the Madrid Arena in "
        "Paris met the Russian-American Washington's envoys at the Louvre in Paris and the Gelora Bung Karno Stadium."
    )
    surfaces = [
        "Near Moab", "Okafor", "Guinea-Bissau", "Paris Street", "Tulsa Police Department", "Madrid Arena in Paris",
        "Russian-American", "Washington's envoys", "Louvre", "Gelora Bung Karno Stadium",
    ]  # fmt: skip
    rec = Recognizer(gaz)
    for label in labels:
        doc = make_doc(nlp, text, [(surface, label) for surface in surfaces])
        d = _Doc(rec, text, doc.ents, None)
        for ent in d.ents:
            start, end = _trim(text, ent.start_char, ent.end_char)
            for rule in _ENTITY_RULES:
                if rule.labels is not None and label not in rule.labels:
                    assert rule.func(d, ent, start, end, normalize_name(text[start:end])) is None, rule.name


def test_every_mention_records_the_rule_that_found_it(gaz, nlp):
    text = "WASHINGTON (AP) — Officials in Madrid met envoys from Tulsa."
    doc = make_doc(nlp, text, {"Madrid": "GPE"})
    mentions = Recognizer(gaz).recognize(doc, dateline=(0, 10), text=text)
    assert [(m.text, m.rule) for m in mentions] == [
        ("WASHINGTON", "dateline"),
        ("Madrid", "ner_place"),
        ("Tulsa", "gazetteer_name"),
    ]
    assert all(m.rule in RULES for m in mentions)


def test_an_institution_is_named_after_a_unit_only_by_the_units_own_name(gaz, nlp):
    # "Rice University": Rice is only an alternate name of Rice County, and no town of the name is big enough.
    assert found(gaz, nlp, "Rice University will expand its campus.", {"Rice University": "ORG"}) == []
    assert texts(gaz, nlp, "The King County Sheriff said so.", {"The King County Sheriff": "ORG"}) == [
        "King County"
    ]


def test_a_possessive_naming_an_institution_is_a_persons_not_a_place(gaz, nlp):
    # "Queen's University" is no college of Queens, New York; "outside King's College" no town of King.
    assert found(gaz, nlp, "He studied at Queen's University.", {"Queen's University": "ORG"}) == []
    assert found(gaz, nlp, "Police waited outside King's College.", {"King's College": "ORG"}) == []
    assert texts(gaz, nlp, "Police waited outside King on Monday.") == ["King"]


def test_a_town_opening_a_sentence_that_gets_what_only_a_town_gets(gaz, nlp):
    assert found(gaz, nlp, "Morwell has opened a new bus station.") == [("Morwell", "common_word_town")]
    assert found(gaz, nlp, "Wodonga will get a new railway station.") == [("Wodonga", "common_word_town")]
    assert found(gaz, nlp, "Morwell has opened a new account.") == []  # what anyone opens
    assert (
        found(gaz, nlp, "Morwell has opened a new bus station.", disabled=frozenset({"common_word_town"}))
        == []
    )


def test_a_disaster_in_the_present_of_a_headline_strikes_a_town(gaz, nlp):
    assert found(gaz, nlp, "Bushfire threatens Wodonga") == [("Wodonga", "common_word_town")]
    assert found(gaz, nlp, "Floods Cut Off Wodonga As River Rises") == [("Wodonga", "common_word_town")]
    assert found(gaz, nlp, "The storm hits home for many families.") == []


def test_ners_unknown_place_that_is_a_common_word_is_none(gaz, nlp):
    # "Crash" of a headline: a common English word the gazetteer does not know could only be pinned nearby.
    text = "Wodonga Mourns Teen Killed In Crash"
    assert "Crash" not in texts(gaz, nlp, text, {"Crash": "GPE"})
    assert "Crash" in texts(gaz, nlp, text, {"Crash": "GPE"}, disabled=frozenset({"unknown_common_word"}))
    # an unknown name that is no English word stays (placed approximately by the resolver)
    assert "Zorbistan" in texts(gaz, nlp, "Fighting in Zorbistan went on.", {"Zorbistan": "GPE"})


def test_a_headlines_person_from_a_town(gaz, nlp):
    # NER's "person" running on into the noun ("Wodonga Man Charged") lends no person's words to the town.
    text = "Wodonga Man Charged Over Crash\n\nPolice said the driver was 19."
    assert ("Wodonga", "place_phrase") in found(gaz, nlp, text, {"Wodonga Man Charged": "PERSON"})
    assert found(gaz, nlp, "Still Man Charged Over Crash\n\nPolice said so.") == []  # a common word
    assert (
        found(gaz, nlp, text, {"Wodonga Man Charged": "PERSON"}, disabled=frozenset({"place_phrase"})) == []
    )


def test_what_befell_a_town_named_by_it(gaz, nlp):
    assert found(gaz, nlp, "Survivors of the Wodonga shooting met the premier.") == [
        ("Wodonga", "common_word_town")
    ]
    assert found(gaz, nlp, "The Morwell fires burned for weeks.") == [("Morwell", "common_word_town")]
    # a person's or a common word's, or a named fire in capitals: none
    assert found(gaz, nlp, "The Casino fire was put out.") == []
    assert found(gaz, nlp, "The Morwell Fire burned for weeks.") == []


def test_a_headline_opening_with_a_town_of_several_words(gaz, nlp):
    text = "Hebden Bridge Flooded Again As River Rises\n\nThe water rose overnight."
    assert ("Hebden Bridge", "common_word_town") in found(gaz, nlp, text)
    assert found(gaz, nlp, "New Rules Flooded The Market\n\nPrices fell.") == []
    # What only a town has, after a headline's first name: "Otavalo Market Reopens"; not "Apple Market Share".
    text = "Hebden Bridge Market Reopens After Fire\n\nStalls opened."
    assert ("Hebden Bridge", "common_word_town") in found(gaz, nlp, text)
    assert found(gaz, nlp, "Hebden Bridge Market Share Grows\n\nSales rose.") == []
    # A town's festival or show, its growers or officials: "Eger Wine Festival Draws Record Crowds"
    text = "Wajima Lacquer Festival Draws Record Crowds\n\nStalls opened."
    assert ("Wajima", "common_word_town") in found(gaz, nlp, text)
    assert ("Wajima", "common_word_town") in found(gaz, nlp, "Wajima Growers Count Losses\n\nRice fell.")


def test_the_datelines_town_named_again_in_the_story(gaz, nlp):
    # NER silent on the body's "Kerrville" (no strong name in the tiny index): the dateline says it is the town.
    text = "KERRVILLE, Texas (AP) — Kerrville schools closed.\n\nKERRVILLE PLAN HOLDS"
    mentions = Recognizer(gaz).recognize(make_doc(nlp, text, {"Texas": "GPE"}), dateline=(0, 9), text=text)
    assert [(m.text, m.rule) for m in mentions] == [
        ("KERRVILLE", "dateline"),
        ("Texas", "ner_place"),
        ("Kerrville", "dateline_again"),  # not a line in capitals (a heading)
    ]
    off = Recognizer(gaz, disabled=frozenset({"dateline_again", "rare_town"}))
    assert "Kerrville" not in [m.text for m in off.recognize(make_doc(nlp, text), dateline=(0, 9), text=text)]
    # NER's firm or a speaker by the town's name is no mention of it: "Kerrville said …", "Kerrville Financial".
    text = "KERRVILLE, Texas (AP) — Kerrville said it would cut jobs. Kerrville Financial agreed."
    mentions = Recognizer(gaz).recognize(make_doc(nlp, text, {"Texas": "GPE"}), dateline=(0, 9), text=text)
    assert [m.rule for m in mentions] == ["dateline", "ner_place"]
    # A colon's dateline is a town's own name of some size and no English word ("UPDATE:", "Still:" are none), or a
    # city of 100,000 whatever its name ("CHARLOTTE:").
    for line, want in (
        ("KERRVILLE: Schools closed.", ["KERRVILLE"]),
        ("STILL: Schools closed.", []),
        ("CHARLOTTE: Schools closed.", ["CHARLOTTE"]),
    ):
        got = Recognizer(gaz).recognize(make_doc(nlp, line), dateline=(0, line.index(":")), text=line)
        assert [m.text for m in got if m.rule == "dateline"] == want


def test_unknown_rule_names_are_refused_by_name(gaz):
    with pytest.raises(ValueError, match="no_such_rule"):
        Recognizer(gaz, disabled=frozenset({"credential", "no_such_rule"}))


def test_a_filter_switched_off_removes_nothing(gaz, nlp):
    text = "Sarah Lee, M.D., agreed."
    ents = {"Sarah Lee": "PERSON", "M.D.": "GPE"}
    assert texts(gaz, nlp, text, ents) == []
    assert found(gaz, nlp, text, ents, disabled=frozenset({"credential"})) == [("M.D.", "ner_place")]


def test_an_entity_rule_switched_off_lets_the_entity_fall_through(gaz, nlp):
    text = "They flew to Madrid."
    assert found(gaz, nlp, text, {"Madrid": "GPE"}) == [("Madrid", "ner_place")]
    # Without ner_place the GPE is no mention of its own; the text matcher still knows the strong name.
    assert found(gaz, nlp, text, {"Madrid": "GPE"}, disabled=frozenset({"ner_place"})) == [
        ("Madrid", "gazetteer_name")
    ]
    assert found(gaz, nlp, text, {"Madrid": "GPE"}, disabled=frozenset({"ner_place", "gazetteer_name"})) == []


# -- filters: what is not a place ---------------------------------------------------------------------------------


def test_credentials_after_credentials_and_whole_words(gaz, nlp):
    # "M.S." after "D.D.S." after the person; "Pharm" of which NER took only the first half.
    text = "Harold Lim, D.D.S., M.S., retired to Omaha."
    assert texts(gaz, nlp, text, {"Harold Lim": "PERSON", "M.S.": "GPE", "Omaha": "GPE"}) == ["Omaha"]
    text = "Irene Vogel, Pharm.D., warned shoppers in Omaha."
    assert texts(gaz, nlp, text, {"Irene Vogel": "PERSON", "Pharm": "GPE", "Omaha": "GPE"}) == ["Omaha"]
    # A town after a town is no credential ("Tulsa, Md." — the state stays).
    text = "He moved from Columbia, Mo., to Tulsa."
    assert texts(gaz, nlp, text, {"Columbia": "GPE", "Mo.": "GPE", "Tulsa": "GPE"}) == [
        "Columbia",
        "Mo.",
        "Tulsa",
    ]


def test_a_side_in_a_match_result_is_a_team_big_city_or_not(gaz, nlp):
    # The team comes back only as a "maybe" mention: its town when the story is near it (the resolver decides).
    text = "Everton beat Fulham 2-0 in Liverpool."
    doc = make_doc(nlp, text, {"Everton": "GPE", "Liverpool": "GPE"})
    mentions = Recognizer(gaz).recognize(doc, text=text)
    assert [(m.text, m.source, m.rule) for m in mentions] == [
        ("Everton", "maybe", "sports_team"),
        ("Liverpool", "ner", "ner_place"),
    ]
    # A side named after a big city is a side too: both are "maybe" mentions (a map of the story shows no town).
    text = "Liverpool beat Everton 2-0 at home."
    assert found(gaz, nlp, text, {"Liverpool": "GPE", "Everton": "GPE"}) == [
        ("Liverpool", "sports_team"),
        ("Everton", "sports_team"),
    ]
    # … but "Liverpool's city manager" is no side's person.
    text = "Liverpool's city manager defended the budget after the derby."
    assert texts(gaz, nlp, text, {"Liverpool": "GPE"}) == ["Liverpool"]
    # No game, no team: "Everton beat the odds" is no result with a score or a game word.
    text = "Visitors from Everton beat the rush to Liverpool."
    assert texts(gaz, nlp, text, {"Everton": "GPE", "Liverpool": "GPE"}) == ["Everton", "Liverpool"]
    assert texts(
        gaz, nlp, "Everton beat Fulham 2-0.", {"Everton": "GPE"}, disabled=frozenset({"sports_team"})
    ) == ["Everton"]


def test_a_passive_result_or_a_draw_with_a_score_names_sides(gaz, nlp):
    text = "Everton were beaten 2-0 by Liverpool on Sunday."
    assert found(gaz, nlp, text, {"Everton": "GPE", "Liverpool": "GPE"}) == [
        ("Everton", "sports_team"),
        ("Liverpool", "sports_team"),
    ]
    text = "Everton and Liverpool drew 2-2 in the league on Sunday."
    assert found(gaz, nlp, text, {"Everton": "GPE", "Liverpool": "GPE"}) == [
        ("Everton", "sports_team"),
        ("Liverpool", "sports_team"),
    ]
    # a crowd is no score
    text = "Everton and Liverpool drew 40,000 visitors to the game fair."
    assert texts(gaz, nlp, text, {"Everton": "GPE", "Liverpool": "GPE"}) == ["Everton", "Liverpool"]


def test_results_with_a_score_or_both_sides_and_a_place_in_the_table_name_sides(gaz, nlp):
    ents = {"Everton": "GPE", "Liverpool": "GPE"}
    for text in (
        "Everton lost 3-0 to Liverpool in front of 20,000 fans.",
        "Everton and Liverpool both won on Saturday, keeping the league race tight.",
        # a draw or a win by a score, in the infinitive too
        "Everton came from two goals down to draw 2-2 with Liverpool on Saturday.",
    ):
        assert found(gaz, nlp, text, ents) == [("Everton", "sports_team"), ("Liverpool", "sports_team")], text
    assert ("Liverpool", "sports_team") in found(
        gaz, nlp, "Everton hope to win 2-0 against Liverpool again.", ents
    )
    # a name between the town and the tally is no side's result: a vote in the town ("Foggia's mayor")
    text = "In Everton, Mayor Rossi won 52-48 in a close vote, and Liverpool counted again."
    assert texts(gaz, nlp, text, ents) == ["Everton", "Liverpool"]
    # (review) a court's, a vote's or an election's tally is no game's; "both lost" what no side loses is no result
    for text in (
        "Everton lost 5-4 at the Supreme Court this season, and Liverpool won 6-3 in the appeal.",
        "Everton won 52-48 in the council vote, and Liverpool lost 3-2 at the tribunal in round two.",
        "Everton and Liverpool both lost seats this season in the league of cities.",
    ):
        assert texts(gaz, nlp, text, ents) == ["Everton", "Liverpool"], text
    # (second review) … but any result names its sides whatever else the sentence says of a council or a government
    text = "Everton drew 1-1 with Liverpool after the council approved plans for a new stadium."
    assert found(gaz, nlp, text, ents) == [("Everton", "sports_team"), ("Liverpool", "sports_team")]


def test_a_side_signs_a_player_of_a_named_nationality(gaz, nlp):
    text = "Everton signed the Uruguayan striker on a free transfer."
    assert found(gaz, nlp, text, {"Everton": "GPE"}) == [("Everton", "sports_team")]
    text = "Everton signed a new lease for the council's offices."
    assert found(gaz, nlp, text, {"Everton": "GPE"}) == [("Everton", "ner_place")]


def test_a_side_a_player_is_signed_from_for_a_fee_and_a_cricket_sides_total(gaz, nlp):
    # A big city's name too, in a sentence only sport has (a player's role, a league).
    for text in (
        "Everton signed the winger from Liverpool for a reported £30 million.",
        "Everton signed a striker from Liverpool for a fee of £12 million, the Premier League club said.",
        "Everton were bowled out for 182 at Liverpool, the county's seamers on top.",
        "Everton closed on 64 for two, trailing by 118 runs.",
        "Liverpool's bowlers struggled with dew in the second innings.",
    ):
        side = "Everton" if text.startswith("Everton") and "from Liverpool" not in text else "Liverpool"
        ents = {name: "GPE" for name in sorted(("Everton", "Liverpool"), key=text.find) if name in text}
        assert (side, "sports_team") in found(gaz, nlp, text, ents), text
    # a player's goals, games or signature for a side
    for text in (
        "The striker scored 11 goals for Everton last season.",
        "He signed for Everton in 2019 and made 80 appearances for the club.",
    ):
        assert ("Everton", "sports_team") in found(gaz, nlp, text, {"Everton": "GPE"}), text
    # (review) a league's or a governor's word is no player's: "12 games for Everton", "signed a bill for Everton",
    # "moved from Everton for 2 years"
    for text in (
        "The mayor signed papers for Everton.",
        "The league scheduled 12 games for Everton next season.",
        "The governor signed a bill for Everton on Monday.",
        "Nurses who moved from Everton for 2 years on a contract said so.",
    ):
        assert found(gaz, nlp, text, {"Everton": "GPE"}) == [("Everton", "ner_place")], text
    # one moves from a town for a job; a town "closed on" a day
    text = "The family moved from Liverpool for a fresh start in Everton."
    assert texts(gaz, nlp, text, {"Liverpool": "GPE", "Everton": "GPE"}) == ["Liverpool", "Everton"]
    text = "Everton closed on 64 days of the year for the festival."
    assert texts(gaz, nlp, text, {"Everton": "GPE"}) == ["Everton"]


def test_a_town_the_text_named_a_side_by_is_the_side_again_in_a_games_sentence(gaz, nlp):
    text = "The Everton Rovers beat the Omaha Storm 2-1. Everton have now won three league matches in a row at Tulsa."
    ents = [("Everton", "GPE"), ("Omaha", "GPE"), ("Everton", "GPE"), ("Tulsa", "GPE")]
    assert ("Everton", "ner_place") not in found(gaz, nlp, text, ents)
    # … not where a locative word puts it, nor in a sentence of no game
    for text, second in (
        (
            "The Everton Rovers beat the Omaha Storm 2-1. Fans flew to Everton on Sunday to face them.",
            "flew to",
        ),
        ("The Everton Rovers beat the Omaha Storm 2-1. Everton council cut bus fares on Monday.", "council"),
        # (review) a verb a side shares with a town, "season": no sentence only sport has
        ("The Everton Rovers beat the Omaha Storm 2-1. Everton will host a trade fair next season.", "host"),
    ):
        assert found(gaz, nlp, text, ents[:3])[-1] == ("Everton", "ner_place"), second


def test_a_provinces_or_a_states_side_is_a_team_a_countrys_is_the_country(gaz, nlp):
    # Braga is a city and a district; Freiburg a city and a canton's other name; Victoria an Australian state
    for text in (
        "Braga beat Liverpool 2-1 to go top of the league.",
        "Freiburg and Liverpool drew 2-2 in the league on Saturday.",
        "Victoria beat Liverpool 2-1 in the league.",
    ):
        side = text.split()[0]
        assert (side, "ner_place") not in found(gaz, nlp, text, {side: "GPE", "Liverpool": "GPE"}), text
    # A national side is a side too, in a sentence only sport has ("England were bowled out for 187"); a country
    # that beats another at anything else is the country.
    text = "New Zealand beat Liverpool 2-1 in the league."
    assert ("New Zealand", "sports_team") in found(gaz, nlp, text, {"New Zealand": "GPE", "Liverpool": "GPE"})
    text = "New Zealand beat Liverpool in the final round of voting to host the summit."
    assert ("New Zealand", "ner_place") in found(gaz, nlp, text, {"New Zealand": "GPE", "Liverpool": "GPE"})


def test_a_clubs_whole_name_with_its_club_word_first_is_no_place(gaz, nlp):
    for name in ("Atlético Madrid", "Club Madrid", "FC Madrid"):
        text = f"{name} opened a training centre on Monday."
        assert texts(gaz, nlp, text, {name: "FAC"}) == [], name
    # a town's own name that opens with such a word stays the town's
    text = "Tourists filled Real del Monte on Sunday after the cup final."
    assert texts(gaz, nlp, text, {"Real del Monte": "GPE"}) == ["Real del Monte"]


def test_a_big_citys_name_is_a_side_only_in_a_sentence_only_sport_has(gaz, nlp):
    # (review18's harm probes) a result verb or a "manager" in news that is no game's keeps the city
    for text in (
        "Liverpool beat its all-time heat record this season.",
        "Liverpool's emergency manager said the round of cuts would go on.",
        "Liverpool's cricket fans packed the square.",
        "Seattle beat Liverpool in the final round of voting to host the summit.",
    ):
        ents = {name: "GPE" for name in sorted(("Liverpool", "Seattle"), key=text.find) if name in text}
        assert ("Liverpool", "ner_place") in found(gaz, nlp, text, ents), text
    # … a score, a sport's word or a player's role makes it the side (a "maybe" mention: its town only if near)
    for text in (
        "Liverpool stunned Seattle 2-1 with a late penalty.",
        "Liverpool's striker scored twice.",
        "Liverpool sacked its coach after a 4-0 defeat.",
    ):
        ents = {name: "GPE" for name in sorted(("Liverpool", "Seattle"), key=text.find) if name in text}
        assert ("Liverpool", "sports_team") in found(gaz, nlp, text, ents), text


def test_a_fixture_after_a_games_report_and_a_cricket_sides_collapse_name_sides(gaz, nlp):
    text = "Liverpool edged Seattle 24-19 on Saturday. Liverpool now travel to Madrid to face New Zealand next month."
    ents = {"Liverpool": "GPE", "Seattle": "GPE", "Madrid": "GPE", "New Zealand": "GPE"}
    assert ("New Zealand", "ner_place") not in found(gaz, nlp, text, ents)
    text = "New Zealand bowled out Liverpool for 146 in Madrid."
    assert ("New Zealand", "ner_place") not in found(
        gaz, nlp, text, {"New Zealand": "GPE", "Liverpool": "GPE", "Madrid": "GPE"}
    )
    # a visit said after a game's report is no fixture
    text = "Liverpool edged Seattle 24-19 on Saturday. The mayor will visit New Zealand next month."
    ents = {"Liverpool": "GPE", "Seattle": "GPE", "New Zealand": "GPE"}
    assert ("New Zealand", "ner_place") in found(gaz, nlp, text, ents)


def test_a_country_in_politics_words_of_sport_is_the_country(gaz, nlp):
    # (review) "penalties", "goal", a vote's tally, a war's "final days" and talks after a game's report
    for text, ents in (
        (
            "New Zealand hammered Liverpool over the trade dispute and imposed penalties on steel.",
            ["New Zealand"],
        ),
        ("New Zealand lost 3-1 to Liverpool in the vote at the assembly.", ["New Zealand"]),
        ("Liverpool will face New Zealand in the final days of the war.", ["Liverpool", "New Zealand"]),
        (
            "Seattle beat Madrid 2-0 in the derby. The president will host New Zealand next week for talks.",
            None,
        ),
    ):
        names = ents or ["Seattle", "Madrid", "New Zealand"]
        given = {name: "GPE" for name in names}
        assert ("New Zealand", "ner_place") in found(gaz, nlp, text, given), text


def test_a_towns_fishermen_are_the_towns_a_fishs_are_not(gaz, nlp):
    assert found(gaz, nlp, "Deal fishermen launched their boats from the beach.") == [
        ("Deal", "place_phrase")
    ]


def test_two_sides_by_their_nicknames_joined_by_and(gaz, nlp):
    text = "The Texas Longhorns and Oklahoma Sooners meet at the Cotton Bowl on Saturday."
    assert texts(gaz, nlp, text, {"Texas": "GPE", "Oklahoma": "GPE"}) == []


def test_a_countrys_nickname_side_needs_a_sentence_only_sport_has(gaz, nlp):
    text = "The group holds a kickoff rally on Tuesday and will present its petition to U.S. Sens. Boxer and Kerry."
    assert ("U.S.", "ner_place") in found(gaz, nlp, text, {"U.S.": "GPE"})
    text = "New Zealand Warriors were beaten 24-10 in the league on Sunday."
    assert ("New Zealand", "ner_place") not in found(gaz, nlp, text, {"New Zealand": "GPE"})


def test_a_fixture_to_come_names_a_side(gaz, nlp):
    for text in (
        "The winners will face Liverpool in the final next month.",
        "Seattle lost 3-1 on Sunday and host Liverpool next week.",
    ):
        ents = {name: "GPE" for name in sorted(("Liverpool", "Seattle"), key=text.find) if name in text}
        assert ("Liverpool", "sports_team") in found(gaz, nlp, text, ents), text
    # meeting a town's people, or a round of talks, is no fixture
    for text in (
        "The president will host Liverpool next week for talks on trade.",
        "The mayor will meet Liverpool in the final round of talks.",
    ):
        assert ("Liverpool", "ner_place") in found(gaz, nlp, text, {"Liverpool": "GPE"}), text


def test_lawmen_orchestras_and_unions_named_for_a_place_are_no_sides(gaz, nlp):
    for org in ("The Florida Rangers", "The Seattle Philharmonic", "The Seattle Teamsters"):
        text = f"{org} opened an inquiry on Monday."
        assert texts(gaz, nlp, text, {org: "ORG"}) == [org.split()[1]], org
    text = "The Florida Rangers beat the Seattle Mariners 5-3 on Tuesday."
    assert texts(gaz, nlp, text, {"The Florida Rangers": "ORG", "the Seattle Mariners": "ORG"}) == []


def test_a_sides_people_make_it_a_team(gaz, nlp):
    text = "Burnley's goalkeeper saved a late penalty."
    doc = make_doc(nlp, text, {"Burnley": "GPE"})
    assert [(m.text, m.source, m.rule) for m in Recognizer(gaz).recognize(doc, text=text)] == [
        ("Burnley", "maybe", "sports_team")
    ]
    # A city of 100,000 or more is where its team plays; without a game word the possessive is the town's.
    assert texts(gaz, nlp, "Liverpool's captain scored twice.", {"Liverpool": "GPE"}) == ["Liverpool"]
    assert texts(gaz, nlp, "Burnley's fans were kind to visitors.", {"Burnley": "GPE"}) == ["Burnley"]


def test_drinks_and_listed_goods_named_for_a_town(gaz, nlp):
    assert texts(gaz, nlp, "The deli imports its Parma ham directly.", {"Parma": "GPE"}) == []
    assert texts(gaz, nlp, "A bottle of Bordeaux was opened.", {"Bordeaux": "GPE"}) == []
    text = "She bought Parma and Bordeaux wines."
    assert texts(gaz, nlp, text, {"Parma": "GPE", "Bordeaux": "GPE"}) == []
    assert texts(gaz, nlp, "Prices fell in Parma and Bordeaux.", {"Parma": "GPE", "Bordeaux": "GPE"}) == [
        "Parma",
        "Bordeaux",
    ]
    # bottled water and beers whose phrase a verb ends
    assert texts(gaz, nlp, "Parma mineral water is back on the shelves.", {"Parma": "ORG"}) == []
    text = "Demand for Parma and Bordeaux beers grew fastest in the north."
    assert texts(gaz, nlp, text, {"Parma": "ORG", "Bordeaux": "NORP"}) == []
    text = "Parma water is safe to drink again, officials said."
    assert texts(gaz, nlp, text, {"Parma": "GPE"}) == ["Parma"]


def test_a_subject_that_does_what_companies_do(gaz, nlp):
    text = "Delta cancelled 300 flights out of Atlanta."
    assert texts(gaz, nlp, text, {"Delta": "ORG", "Atlanta": "GPE"}) == ["Atlanta"]
    text = "Aberdeen cut 40 flights out of Seattle after an outage, the airline said."
    assert texts(gaz, nlp, text, {"Aberdeen": "GPE", "Seattle": "GPE"}) == ["Seattle"]
    assert texts(gaz, nlp, "Shares in Aberdeen fell 5 percent.", {"Aberdeen": "GPE"}) == []
    # "…, the airline said" names the subject, not the place before it.
    text = "The carrier added a flight to Nairobi, the airline said."
    assert texts(gaz, nlp, text, {"Nairobi": "GPE"}) == ["Nairobi"]
    assert texts(gaz, nlp, "Aberdeen flooded after the storm.", {"Aberdeen": "GPE"}) == ["Aberdeen"]


def test_a_listed_given_name_before_a_surname_that_acts(gaz, nlp):
    assert texts(gaz, nlp, "Paris Hilton will open a hotel.", {"Paris": "GPE"}) == []
    assert texts(gaz, nlp, "A report by Jordan O'Neill went online.", {"Jordan": "GPE"}) == []
    # A day is no surname, and after "in" the name is the place.
    assert texts(gaz, nlp, "Flights to Paris Sunday were full.", {"Paris": "GPE"}) == ["Paris"]
    assert texts(gaz, nlp, "She lives in Paris Hilton said.", {"Paris": "GPE"}) == ["Paris"]
    # A town's name is a surname too ("Paris Seattle performed": Seattle, 737,000 people); a state's is not.
    assert texts(gaz, nlp, "Paris Seattle performed on Friday.", {"Paris": "GPE"}) == []
    assert "Paris" in texts(gaz, nlp, "Paris Oklahoma performed on Friday.", {"Paris": "GPE"})


def test_an_organisation_named_for_a_facility_is_a_venue(gaz, nlp):
    text = "Police searched Oakwood Cemetery in Tulsa."
    assert found(gaz, nlp, text, {"Oakwood Cemetery": "ORG", "Tulsa": "GPE"}) == [
        ("Oakwood Cemetery", "venue"),
        ("Tulsa", "ner_place"),
    ]
    # Whatever NER called it, "outside the X in Town" is a venue in that town; an event is not a venue.
    text = "Crowds gathered outside the Orpheum in Tulsa."
    assert found(gaz, nlp, text, {"Orpheum": "PERSON", "Tulsa": "GPE"}) == [
        ("Orpheum", "venue"),
        ("Tulsa", "ner_place"),
    ]
    text = "She sang at the Summer Games in Tulsa."
    assert texts(gaz, nlp, text, {"Summer Games": "ORG", "Tulsa": "GPE"}) == ["Tulsa"]
    # A house, a mill or a person's name is as often a charity, a restaurant or a person.
    text = "Fithian House held a dinner in Tulsa."
    assert texts(gaz, nlp, text, {"Fithian House": "ORG", "Tulsa": "GPE"}) == ["Tulsa"]
    text = "Amy Bridge spoke in Tulsa."
    assert texts(gaz, nlp, text, {"Amy Bridge": "PERSON", "Tulsa": "GPE"}) == ["Tulsa"]
    # A building's word anywhere in a name right before "in Town": a venue in that town, whatever verb came before.
    text = "The boy was moved to Sawai Mansingh Hospital in Tulsa."
    assert found(gaz, nlp, text, {"Sawai Mansingh Hospital": "ORG", "Tulsa": "GPE"})[0] == (
        "Sawai Mansingh Hospital",
        "venue",
    )
    text = "Fans packed Stadion Miejski in Tulsa."
    assert ("Stadion Miejski", "venue") in found(
        gaz, nlp, text, {"Stadion Miejski": "PERSON", "Tulsa": "GPE"}
    )
    text = "Shirley Temple in Tulsa signed copies."
    assert texts(gaz, nlp, text, {"Shirley Temple": "PERSON", "Tulsa": "GPE"}) == ["Tulsa"]
    # A firm whose name holds a building's word, and "in" before a month, are no venue.
    ents = {"Hospital Corporation of America": "ORG", "Tulsa": "GPE"}
    assert texts(gaz, nlp, "Hospital Corporation of America in Tulsa reported profits.", ents) == ["Tulsa"]
    ents = {"Tulsa Memorial Hospital": "ORG"}
    assert "Tulsa Memorial Hospital" not in texts(
        gaz, nlp, "Tulsa Memorial Hospital in January cut jobs.", ents
    )
    # A church, hospital or college named for a saint is no town of the saint's name.
    text = "Crowds gathered outside St. Paul's Cathedral on Sunday."
    assert texts(gaz, nlp, text, {"St. Paul": "GPE"}) == []
    assert texts(gaz, nlp, "St. Paul's mayor spoke.", {"St. Paul": "GPE"}) == ["St. Paul"]
    # A church by the name of a town of its own is in that town; the city's adjectives are the city's.
    assert texts(gaz, nlp, "Crowds filled St. Paul Cathedral.", {"St. Paul": "GPE"}) == ["St. Paul"]
    assert texts(gaz, nlp, "St. Paul's Catholic archdiocese closed schools.", {"St. Paul": "GPE"}) == [
        "St. Paul"
    ]


def test_a_venue_ner_missed_by_its_building_word_and_its_town(gaz, nlp):
    """`venue_name`: capitalised words closing with a building's or ground's word (or opening with a foreign one, or
    one word ending in -stadion), right before "in/at/near" and a place the gazetteer knows."""
    assert found(gaz, nlp, "Inmates at Folsom State Prison in Tulsa were locked down.") == [
        ("Folsom State Prison", "venue_name"),
        ("Tulsa", "venue_name"),  # the town NER missed is said with the venue
    ]
    assert texts(gaz, nlp, "Fans set off flares at the Ostseestadion in Tulsa.") == ["Ostseestadion", "Tulsa"]
    text = "Clermont lost at the Stade Marcel-Michelin in Tulsa."
    assert ("Stade Marcel-Michelin", "venue_name") in found(gaz, nlp, text, {"Tulsa": "GPE"})
    # NER's own venue stays its mention, and its town is found; a name NER found inside a venue is the venue's.
    text = "Engineers inspected the Forth Road Bridge at Tulsa overnight."
    assert found(gaz, nlp, text, {"Forth Road Bridge": "ORG"}) == [
        ("Forth Road Bridge", "venue"),
        ("Tulsa", "venue_name"),
    ]
    text = "He was treated at St. Luke's Medical Center in Tulsa."
    assert texts(gaz, nlp, text, {"St. Luke's": "FAC", "Tulsa": "GPE"}) == [
        "St. Luke's Medical Center",
        "Tulsa",
    ]
    # A town's possessive is the town's, not the venue's name.
    text = "Fans gathered at Tulsa's Arrowhead Stadium in Tulsa."
    assert texts(gaz, nlp, text, [("Tulsa", "GPE"), ("Tulsa", "GPE")]) == [
        "Tulsa",
        "Arrowhead Stadium",
        "Tulsa",
    ]
    # Not a person, a lone building word, an event, or before a name the gazetteer does not know.
    assert texts(gaz, nlp, "Rebecca Hall in Tulsa said no.", {"Rebecca Hall": "PERSON", "Tulsa": "GPE"}) == [
        "Tulsa"
    ]
    assert texts(gaz, nlp, "The Stadium in Tulsa was full.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "She ran the Central Park Marathon in Tulsa.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Inmates at Folsom State Prison in Zzyzx were locked down.") == []
    # The name opens after words that open a sentence or say when, "and", and "Supporters of".
    assert (
        texts(gaz, nlp, "On Sunday Oakwood Stadium in Tulsa was full.", {"Tulsa": "GPE"})[0]
        == "Oakwood Stadium"
    )
    assert texts(gaz, nlp, "Supporters of Oakwood Stadium in Tulsa protested.", {"Tulsa": "GPE"})[0] == (
        "Oakwood Stadium"
    )
    assert (
        texts(gaz, nlp, "Ann Lee and Union Station in Tulsa played.", {"Tulsa": "GPE"})[0] == "Union Station"
    )
    # Not in a headline, nor a building's word alone before "at".
    assert texts(gaz, nlp, "Man Dies After Fall From Bridge in Tulsa\n\nA man died.", {"Tulsa": "GPE"}) == [
        "Tulsa"
    ]
    assert texts(gaz, nlp, "The Medical Center at Tulsa grew.", {"Tulsa": "GPE"}) == ["Tulsa"]


def test_a_us_state_code_after_the_is_an_organisations_acronym(gaz, nlp):
    """`acronym`: "the VA clinic" is Veterans Affairs, "The VA said" too; "the VA coast", "the UT border" are states."""
    text = "Veterans queued at the VA clinic in Tulsa."
    assert texts(gaz, nlp, text, {"VA": "GPE", "Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "The VA said it would appeal.", {"VA": "GPE"}) == []
    assert texts(gaz, nlp, "Storms battered the VA coast.", {"VA": "GPE"}) == ["VA"]
    assert texts(gaz, nlp, "Fires spread near the UT border.", {"UT": "GPE"}) == ["UT"]
    assert "UT" in texts(gaz, nlp, "He moved to Moab, UT, in May.", {"Moab": "GPE", "UT": "GPE"})
    # a country's code is the country
    assert texts(gaz, nlp, "Voters in the NZ election.", {"NZ": "GPE"}) == ["NZ"]


def test_a_countrys_adjective_before_its_currency_is_no_mention(gaz, nlp):
    assert texts(gaz, nlp, "The French franc was replaced in 2002.", {"French": "NORP"}) == []
    assert texts(gaz, nlp, "French farmers protested.", {"French": "NORP"}) == ["French"]


def test_what_the_widened_filters_must_leave_alone(gaz, nlp):
    # Found in review: each of these lost a place to a filter widened in the same change.
    assert texts(gaz, nlp, "French real estate prices rose.", {"French": "NORP"}) == ["French"]
    assert texts(gaz, nlp, "The French won the final.", {"French": "NORP"}) == ["French"]
    text = "Jordan suspended flights to Amman."
    assert texts(gaz, nlp, text, {"Jordan": "GPE", "Amman": "GPE"}) == ["Jordan", "Amman"]
    assert texts(gaz, nlp, "Jordan's captain scored in the final.", {"Jordan": "GPE"}) == ["Jordan"]
    text = "They flew from Paris to Sydney with Oxford shoes."
    assert texts(gaz, nlp, text, {"Paris": "GPE", "Sydney": "GPE", "Oxford": "GPE"}) == ["Paris", "Sydney"]


def test_a_common_word_town_ner_called_an_organisation(gaz, nlp):
    text = "Officials in Florence said rents would be capped."
    assert found(gaz, nlp, text, {"Florence": "ORG"}) == [("Florence", "common_word_town")]
    assert texts(gaz, nlp, "Florence said rents would be capped.", {"Florence": "PERSON"}) == []


def test_a_university_as_a_sentence_subject_or_before_a_and_m(gaz, nlp):
    text = "Brown dropped legacy admissions this year, officials in Boston said."
    assert texts(gaz, nlp, text, {"Brown": "ORG", "Boston": "GPE"}) == ["Boston"]
    text = "The coach left for Texas A&M last spring."
    assert texts(gaz, nlp, text, {"Texas": "GPE"}) == []
    text = "Columbia, Mo., police said the suspect was arrested near campus."
    assert texts(gaz, nlp, text, {"Columbia": "GPE", "Mo.": "GPE"}) == ["Columbia", "Mo."]


def test_goods_named_for_a_town_are_no_place(gaz, nlp):
    assert texts(gaz, nlp, "The shop sells Oxford shoes and boots.", {"Oxford": "GPE"}) == []
    # The goods word must end the phrase, and a state's goods are from the state.
    assert texts(gaz, nlp, "Oxford shoe makers met.", {"Oxford": "GPE"}) == ["Oxford"]
    assert texts(gaz, nlp, "Wisconsin cheese sold well.", {"Wisconsin": "GPE"}) == ["Wisconsin"]
    # … a state's even where a city has its name ("Ontario beef"), and in "barrels of Texas crude"
    assert texts(gaz, nlp, "Tacos with Oaxaca cheese sold well.", {"Oaxaca": "GPE"}) == ["Oaxaca"]
    assert texts(gaz, nlp, "She ordered barrels of Rioja crude.", {"Rioja": "GPE"}) == ["Rioja"]


def test_a_name_the_text_calls_a_company(gaz, nlp):
    assert texts(gaz, nlp, "Shares of the insurer Zurich fell.", {"Zurich": "GPE"}) == []
    assert texts(gaz, nlp, "Zurich, the insurer, said profits rose.", {"Zurich": "GPE"}) == []
    assert texts(gaz, nlp, "Zurich, the city, voted.", {"Zurich": "GPE"}) == ["Zurich"]


def test_a_common_word_town_after_a_preposition_of_place(gaz, nlp):
    assert found(gaz, nlp, "She moved to Reading last year.") == [("Reading", "common_word_town")]
    # Not at a sentence's start, not inside an entity, not before another capitalised word.
    assert texts(gaz, nlp, "Reading is fun.") == []
    assert texts(gaz, nlp, "He came from Reading Festival staff.") == []
    assert texts(gaz, nlp, "She went to Reading.", {"Reading": "WORK_OF_ART"}) == []


def test_a_common_word_town_opening_a_sentence_before_a_town_predicate(gaz, nlp):
    assert found(gaz, nlp, "Reading has banned cars from its centre.") == [("Reading", "common_word_town")]
    assert found(gaz, nlp, "Reading's mayor resigned.") == [
        ("Reading", "place_phrase")
    ]  # "X's mayor": a place phrase
    assert texts(gaz, nlp, "Reading has never been easier.") == []
    assert found(gaz, nlp, "Reading station was closed.") == [("Reading", "common_word_town")]
    assert found(gaz, nlp, "Reading was hit by a storm.") == [("Reading", "common_word_town")]
    assert texts(gaz, nlp, "Reading was hard for him.") == []
    # what only a town has, right after the name: "Reading airport reopened", "Reading harbour was packed"
    assert found(gaz, nlp, "Reading airport reopened after the strike.") == [("Reading", "common_word_town")]
    assert texts(gaz, nlp, "Reading market share fell.") == []


def test_a_name_said_to_be_a_town_with_describing_words(gaz, nlp):
    # "X is a <describing words> town/city/port in|on|near …": the words say it is a place, whatever else it is.
    assert found(gaz, nlp, "Reading is a large market town in the south.") == [("Reading", "place_phrase")]
    assert found(gaz, nlp, "Hope was a quiet mill town on the river.") == [("Hope", "place_phrase")]
    assert found(gaz, nlp, "Hope is a Gold Rush town near the border.") == [("Hope", "place_phrase")]
    # a person's office or trade after the noun is no town; nor "a town of contrasts", nor a place for "her"
    assert texts(gaz, nlp, "Reading is a town planner in the south.") == []
    assert texts(gaz, nlp, "Hope is a city official near retirement.") == []
    assert texts(gaz, nlp, "Hope is a big city in her dreams.") == []


def sure(gaz, nlp, text, ents=(), **kwargs) -> list[str]:
    """The names found for certain: not the "maybe" ones the resolver keeps only near the article's other places."""
    return [t for t, rule in found(gaz, nlp, text, ents, **kwargs) if rule != "maybe_place"]


def test_a_one_word_person_or_organisation_that_is_only_a_town_rare_in_english(gaz, nlp):
    assert found(gaz, nlp, "Morwell mourned on Sunday.", {"Morwell": "ORG"}) == [
        ("Morwell", "mislabelled_town")
    ]
    assert found(gaz, nlp, "Crowds packed Morwell.", {"Morwell": "PERSON"}) == [
        ("Morwell", "mislabelled_town")
    ]
    # A common English word or surname (wordfreq), a person named in full or acting as one, a firm, a small town.
    assert sure(gaz, nlp, "Casino reported higher profits.", {"Casino": "ORG"}) == []
    assert sure(gaz, nlp, "Robertson spoke first.", {"Robertson": "PERSON"}) == []
    two = [("Ann Morwell", "PERSON"), ("Morwell", "PERSON")]
    assert sure(gaz, nlp, "Ann Morwell spoke. Later Morwell left.", two) == []
    assert sure(gaz, nlp, "Morwell thanked his wife.", {"Morwell": "PERSON"}) == []
    assert (
        sure(gaz, nlp, "Morwell and his wife left.", {"Morwell": "ORG"}) == []
    )  # his/her, whatever NER said
    assert sure(gaz, nlp, "Morwell, the finance minister, met reporters.", {"Morwell": "ORG"}) == []
    assert sure(gaz, nlp, "Ireland's Morwell leads after round one.", {"Morwell": "ORG"}) == [
        "Ireland"
    ]  # a nation's athlete
    assert sure(gaz, nlp, "Crowds greeted Kobayashi.", {"Kobayashi": "ORG"}) == []  # a census surname
    assert sure(gaz, nlp, "Morwell, 34, was arrested.", {"Morwell": "PERSON"}) == []
    assert sure(gaz, nlp, "The deal went to the Turkish company Morwell.", {"Morwell": "ORG"}) == []
    assert (
        sure(gaz, nlp, "The Morwell outbreak has killed nine people.", {"Morwell": "ORG"}) == []
    )  # the virus
    pair = [("Ann Lee", "PERSON"), ("Morwell", "PERSON")]
    assert sure(gaz, nlp, "Police arrested Ann Lee and Morwell.", pair) == []  # listed with a person
    both = [("Ann Lee", "PERSON"), ("Morwell", "PERSON")]
    assert sure(gaz, nlp, "Ann Lee and Morwell towns voted.", both) == ["Morwell"]
    listed = [("Ulverston", "PERSON"), ("Morwell", "PERSON")]
    assert sure(gaz, nlp, "Crowds packed Ulverston and Morwell.", listed) == ["Ulverston", "Morwell"]
    towns = [("Tulsa", "GPE"), ("Morwell", "PERSON")]
    assert sure(gaz, nlp, "Crowds packed Tulsa and Morwell.", towns) == ["Tulsa", "Morwell"]
    assert sure(gaz, nlp, "Crowds packed Greymouth.", {"Greymouth": "PERSON"}) == []  # under 10,000 people
    off = frozenset({"mislabelled_town"})
    assert sure(gaz, nlp, "Crowds packed Morwell.", {"Morwell": "ORG"}, disabled=off) == []


def test_a_serotype_named_after_a_town_is_no_place(gaz, nlp):
    assert (
        sure(gaz, nlp, "A Salmonella Tulsa outbreak sickened 40 people.", {"Salmonella Tulsa": "ORG"}) == []
    )
    assert sure(gaz, nlp, "Salmonella enterica serovar Tulsa was found.") == []
    assert sure(gaz, nlp, "Salmonella cases rose in Tulsa.") == ["Tulsa"]
    assert "Tulsa" in sure(gaz, nlp, "Drought hit the U.S. Tulsa area.")  # "U.S." is no "S." of a serotype
    assert (
        sure(gaz, nlp, "Salmonella Tulsa infections rose.", {"Salmonella Tulsa": "GPE"}) == []
    )  # one NER span
    off = frozenset({"disease_name"})
    assert sure(gaz, nlp, "Salmonella enterica serovar Tulsa was found.", disabled=off) == ["Tulsa"]


def test_what_only_a_town_has_after_its_possessive(gaz, nlp):
    assert sure(gaz, nlp, "Robertson's municipality says farms used half their water.") == ["Robertson"]
    assert sure(gaz, nlp, "Robertson's viaduct was closed to lorries.") == ["Robertson"]
    assert sure(gaz, nlp, "Robertson's lawyer said little.") == []


def test_a_name_the_text_describes_as_a_firm_a_drink_or_a_university(gaz, nlp):
    org = {"Morwell": "ORG"}
    assert sure(gaz, nlp, "Morwell, the country's second-biggest brewer, said prices would rise.", org) == []
    assert sure(gaz, nlp, "Morwell, a town whose bank collapsed, voted.", org) == ["Morwell"]
    assert sure(gaz, nlp, "A crate of Morwell costs two euros more.", org) == []
    assert sure(gaz, nlp, "A crate of beer from Morwell costs more.", org) == ["Morwell"]
    assert sure(gaz, nlp, "The contractor Tulsa hired went bankrupt.", {"Tulsa": "GPE"}) == ["Tulsa"]
    uni = [("Morwell", "ORG"), ("Tulsa", "GPE")]
    assert sure(gaz, nlp, "He transferred to Morwell, the private university in Tulsa.", uni) == ["Tulsa"]
    assert sure(gaz, nlp, "She moved to Morwell, the university town.", org) == ["Morwell"]


def test_one_word_with_an_age_and_what_the_person_is_is_a_person(gaz, nlp):
    assert sure(gaz, nlp, "Morwell, 24, a delivery rider, said he was not paid.", {"Morwell": "GPE"}) == []
    assert sure(
        gaz, nlp, "Cases rose in Tulsa, 12, and Morwell, 7.", [("Tulsa", "GPE"), ("Morwell", "GPE")]
    ) == [
        "Tulsa",
        "Morwell",
    ]


def test_a_town_opening_a_sentence_with_its_own_mayor_later_in_it(gaz, nlp):
    assert sure(gaz, nlp, "Keroka wants a new hospital, its mayor told the committee.") == ["Keroka"]
    assert sure(gaz, nlp, "Keroka wants a new job, his wife said.") == []


def test_a_strong_name_wins_over_ners_span_across_its_end_that_names_nothing(gaz, nlp):
    text = "Napier, on the Hawke's Bay coast, was rebuilt."
    assert ("Hawke's Bay", "gazetteer_name") in found(gaz, nlp, text, {"Bay coast": "LOC"})
    street = "Crews closed the Hawke's Bay Road for a day."
    assert "Hawke's Bay" not in texts(gaz, nlp, street, {"Bay Road": "FAC"})  # NER's street stands


def test_a_list_member_opening_with_an_accented_capital_is_read(gaz, nlp):
    ents = [("Tulsa", "GPE"), ("Morwell", "GPE")]
    assert ("Úbeda", "list_neighbour") in found(
        gaz, nlp, "Heat records fell in Tulsa, Morwell and Úbeda.", ents
    )


def test_the_first_words_of_a_longer_name_only_by_a_places_own_name(gaz, nlp):
    # "Ole Miss is located in Oxford": "Ole" is only an alternate name of Olean; here "Ali" only Edirne's.
    assert "Ali" not in texts(gaz, nlp, "Ali Miss is located in Dalton.", {"Dalton": "GPE"})
    assert "Dalton" in texts(gaz, nlp, "Dalton Miss is located in Georgia.")


def test_an_apposition_saying_what_a_town_lies_on_or_by(gaz, nlp):
    text = "Greymouth, on the French border, lost its last mill."
    assert found(gaz, nlp, text, {"French": "NORP"})[0] == ("Greymouth", "place_phrase")
    # (rare_town off: a town's name rare in English that NER left alone is the town's on its own)
    assert (
        found(gaz, nlp, "Greymouth, on the Labour benches, objected.", disabled=frozenset({"rare_town"}))
        == []
    )
    assert texts(gaz, nlp, text, {"French": "NORP"}, disabled=frozenset({"place_phrase", "rare_town"})) == [
        "French"
    ]


def test_what_history_names_by_a_place_names_the_place(gaz, nlp):
    # NER's organisation or work: "the Treaty of Adrianople" names the city (Edirne by its old name).
    text = "The Treaty of Adrianople in 1829 ended the war."
    assert found(gaz, nlp, text, {"The Treaty of Adrianople": "WORK_OF_ART"}) == [
        ("Adrianople", "place_phrase")
    ]
    assert texts(
        gaz, nlp, "The Siege of Leningrad lasted 872 days.", {"The Siege of Leningrad": "EVENT"}
    ) == ["Leningrad"]
    # A battle is named after small towns too, by their own names (not so a fall or a peace).
    assert texts(gaz, nlp, "The Battle of Ulverston ended the rising.") == ["Ulverston"]
    assert texts(gaz, nlp, "The Fall of Ulverston is a novel.") == []
    # Only the whole name: a people's name after the noun is no place's ("the Congress of Crimean Tatars").
    assert texts(gaz, nlp, "The Congress of Crimean Tatars met.", {"Congress of Crimean Tatars": "ORG"}) == []
    off = frozenset({"place_phrase", "former_name"})
    assert texts(gaz, nlp, "The Treaty of Adrianople was signed.", disabled=off) == []
    # Never NER's person, nor a name common in English that is only another city's alternate name.
    assert sure(gaz, nlp, "Historians debate the Fall of Greymouth.", {"Greymouth": "PERSON"}) == []
    assert found(gaz, nlp, "Fans recalled the Battle of Ali and Frazier.") == []


def test_a_renaming_names_both_the_town_and_its_other_name(gaz, nlp):
    # NER silent or calling the old name a group of people: what the words say of a renamed town.
    assert found(gaz, nlp, "In 1924 the city was renamed Leningrad.") == [("Leningrad", "place_phrase")]
    assert texts(gaz, nlp, "The occupiers renamed the city Breslau.", {"Breslau": "NORP"}) == ["Breslau"]
    assert texts(gaz, nlp, "Almaty, known as Alma-Ata until 1993, grew fast.") == ["Almaty", "Alma-Ata"]
    assert texts(gaz, nlp, "Breslau, then part of Germany, was besieged.") == ["Breslau"]
    assert texts(gaz, nlp, "Breslau (now Wrocław) was besieged.") == ["Breslau", "Wrocław"]
    assert texts(gaz, nlp, "Traders in Almaty, formerly Alma-Ata, sold furs.", {"Almaty": "GPE"}) == [
        "Almaty",
        "Alma-Ata",
    ]
    # NER's person is the old name when the other name is a place's (towns named after men), not otherwise.
    assert texts(gaz, nlp, "Nanyuki, known as Voronov until 1993, grew.", {"Voronov": "PERSON"}) == [
        "Nanyuki",
        "Voronov",
    ]
    assert found(gaz, nlp, "Peshkov, known as Voronov until 1993, wrote.", {"Voronov": "PERSON"}) == []
    # A name common in English that is only another city's alternate name is no town however it is renamed.
    assert found(gaz, nlp, "The band was renamed Julia in 2001.") == []
    assert found(gaz, nlp, "Peshkov, known as Julia until 2001, toured.") == []
    # a big city's former name is the text matcher's too (and NER's mislabelled one's: _transliterated_town)
    off = frozenset({"place_phrase", "former_name", "mislabelled_town"})
    assert found(gaz, nlp, "The occupiers renamed the city Breslau.", {"Breslau": "NORP"}, disabled=off) == []


def test_what_a_town_is_home_to_and_its_officials_say_it_is_a_town(gaz, nlp):
    assert found(gaz, nlp, "Nanyuki, home of the new airstrip, wants more buses.") == [
        ("Nanyuki", "place_phrase")
    ]
    assert texts(gaz, nlp, "Kerrville, birthplace of the festival, grew.") == ["Kerrville"]
    assert found(gaz, nlp, "Nanyuki city officials ordered an evacuation.") == [("Nanyuki", "place_phrase")]
    # a firm's officials, a small town's or a ground's home, a side's: no town
    assert found(gaz, nlp, "Casino officials said no.") == []
    assert found(gaz, nlp, "Coxsackie, home of the state prison, voted.") == []  # 2,701 people
    off = frozenset({"place_phrase", "rare_town"})  # (rare_town: an untagged rare town's name alone)
    assert (
        found(gaz, nlp, "Morwell, home of Gippsland football, voted.", disabled=frozenset({"rare_town"}))
        == []
    )
    assert found(gaz, nlp, "Nanyuki, home of the new airstrip, wants more buses.", disabled=off) == []


def test_a_stop_word_with_a_places_noun_said_of_it_is_a_place(gaz, nlp):
    text = "Tourists were rescued at Side, the Turkish resort town, on Monday."
    assert ("Side", "place_phrase") in found(gaz, nlp, text)
    assert sure(gaz, nlp, "On the other Side, the town council said no.") == []  # "the town council"
    assert sure(gaz, nlp, "Side effects, the doctor said, are rare.") == []
    assert sure(gaz, nlp, "Still, the city remained calm.") == []  # a stop word wants a preposition of place
    assert sure(gaz, nlp, "Tourists went to Still, the Alsace village, by bus.") == ["Still"]


def test_a_speaker_after_the_quote_is_a_person(gaz, nlp):
    assert sure(gaz, nlp, '"It hurts," said Morwell.', {"Morwell": "PERSON"}) == []
    assert sure(gaz, nlp, '"It hurts," said Morwell. "I cry."', {"Morwell": "PERSON"}) == []
    assert sure(gaz, nlp, '"We will win," said Morwell on Tuesday.', {"Morwell": "PERSON"}) == []
    assert sure(gaz, nlp, '"It hurts," said Morwell.', {"Morwell": "ORG"}) == []  # NER's organisation too
    # NER's place too when the gazetteer has the name only as a small town (Morwell, 13,000 people), but not the
    # town's people or officer speaking
    assert sure(gaz, nlp, '"It hurts," said Morwell.', {"Morwell": "GPE"}) == []
    assert sure(gaz, nlp, '"It hurts," said Morwell residents.', {"Morwell": "GPE"}) == ["Morwell"]
    assert sure(gaz, nlp, '"It hurts," said Morwell\'s mayor.', {"Morwell": "PERSON"}) == ["Morwell"]
    assert sure(gaz, nlp, '"It hurts," said Houston.', {"Houston": "GPE"}) == ["Houston"]  # a big city's
    off = frozenset({"person_speaks"})
    assert sure(gaz, nlp, '"It hurts," said Morwell.', {"Morwell": "PERSON"}, disabled=off) == ["Morwell"]


def test_a_town_struck_by_a_disaster_or_acted_on_by_those_who_act_on_towns(gaz, nlp):
    assert found(gaz, nlp, "The storm isolated Greymouth for two days.", {"Greymouth": "PERSON"}) == [
        ("Greymouth", "common_word_town")
    ]
    assert sure(gaz, nlp, "Firefighters evacuated part of Greymouth.") == ["Greymouth"]
    assert sure(gaz, nlp, "The cyclone battered Greymouth overnight.", {"Greymouth": "PRODUCT"}) == [
        "Greymouth"
    ]
    swallowed = [("Floodwaters isolated Young", "ORG"), ("Cowra", "PERSON")]
    assert sure(gaz, nlp, "Floodwaters isolated Young and Cowra on Tuesday.", swallowed) == ["Young", "Cowra"]
    # Not what a person does to a person, not a possessive, not a person named in full.
    assert sure(gaz, nlp, "The coach isolated Greymouth from the squad.", {"Greymouth": "PERSON"}) == []
    assert (
        sure(gaz, nlp, "Police hit Greymouth with a baton.", {"Greymouth": "PERSON"}) == []
    )  # people: no "hit"
    assert sure(gaz, nlp, "Troops evacuated Greymouth, 34, to hospital.") == []
    assert sure(gaz, nlp, "The fire reached Greymouth's farm.", disabled=frozenset({"rare_town"})) == []
    named = [("Jo Greymouth", "PERSON")]
    assert sure(gaz, nlp, "Jo Greymouth is safe. The storm isolated Greymouth.", named) == []
    # Smoke, haze and ash strike towns too, and a town's name may run to several words; NER's one "person" made of
    # two struck towns lends them no person's words.
    merged = [("Fort William and Greymouth", "PERSON")]
    text = "Wildfire smoke blanketed Fort William and Greymouth on Sunday."
    assert sure(gaz, nlp, text, merged) == ["Fort William", "Greymouth"]
    assert sure(gaz, nlp, "The coach blanketed Greymouth with praise.") == []


def test_a_bylines_town_on_a_line_of_its_own(gaz, nlp):
    text = "By Amina Yusuf, Greymouth\nTraders said prices had doubled."
    assert found(gaz, nlp, text, {"Amina Yusuf": "PERSON"}) == [("Greymouth", "common_word_town")]
    assert texts(gaz, nlp, "By Amina Yusuf, Staff Writer\nPrices doubled.", {"Amina Yusuf": "PERSON"}) == []
    text = "The prize was shared. By Amina Yusuf, Greymouth and others were thanked."
    assert texts(gaz, nlp, text, {"Amina Yusuf": "PERSON"}) == []  # not a line of its own
    assert (
        texts(gaz, nlp, "By Amina Yusuf, Young\nPrices doubled.", {"Amina Yusuf": "PERSON"}) == []
    )  # a word


def test_a_town_opening_a_sentence_or_headline_before_what_a_town_does(gaz, nlp):
    assert found(gaz, nlp, "Keroka mourned the teachers killed in the crash.") == [
        ("Keroka", "common_word_town")
    ]
    assert sure(gaz, nlp, "Keroka mourned his wife.", {"Keroka": "PERSON"}) == []
    assert sure(gaz, nlp, "Keroka swelters as the heatwave moves north.") == [
        "Keroka"
    ]  # the present tense too
    headline = "Ulverston Bans Parking On Market Street\n\nThe ban starts today."
    assert sure(gaz, nlp, headline, {"Ulverston Bans Parking On": "PERSON"}) == ["Ulverston"]


def test_a_town_before_a_state_code_ner_did_not_tag(gaz, nlp):
    assert found(gaz, nlp, "Oshkosh, WI, expects visitors.") == [
        ("Oshkosh", "town_comma_parent"),
        ("WI", "state_code"),
    ]


def test_a_state_code_after_a_town_it_holds_is_a_name(gaz, nlp):
    text = "Police in Tulsa, OK, said little."
    assert found(gaz, nlp, text, {"Tulsa": "GPE"}) == [("Tulsa", "ner_place"), ("OK", "state_code")]
    # NER's own tag of the code is kept whatever the acronym filter says; a code the town is not in is no name.
    assert found(gaz, nlp, "Oshkosh, WI, expects visitors.", {"WI": "GPE"})[-1] == ("WI", "state_code")
    assert texts(gaz, nlp, "Police in Tulsa, TX, said little.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(
        gaz, nlp, "Police in Tulsa, OK, said little.", {"Tulsa": "GPE"}, disabled=frozenset({"state_code"})
    ) == ["Tulsa"]


def test_organisations_name_is_the_region_after_the(gaz, nlp):
    text = "Ford opened a plant in Omaha."
    assert texts(gaz, nlp, text, {"Ford": "GPE", "Omaha": "GPE"}) == ["Omaha"]


@pytest.mark.parametrize(
    "text, ents",
    [
        ("The clinic hired Kim Ortega, L.P.N., last week.", {"Kim Ortega": "PERSON", "L.P.N.": "GPE"}),
        ("Sarah Lee, M.D., agreed.", {"Sarah Lee": "PERSON", "M.D.": "GPE"}),
        ("John Marsh, Esq., spoke.", {"John Marsh": "PERSON", "Esq.": "GPE"}),
    ],
)
def test_credentials_after_a_name_are_not_places(gaz, nlp, text, ents):
    assert texts(gaz, nlp, text, ents) == []


@pytest.mark.parametrize(
    "text, ents",
    [
        # NER's one organisation of a name and its letters, or its person and then the letters
        ("Aoife Brennan SC told the court in Tulsa.", {"Aoife Brennan SC": "ORG", "Tulsa": "GPE"}),
        ("Richard Hermer SC said the ruling stood.", {"Richard Hermer": "PERSON", "SC": "ORG"}),
    ],
)
def test_a_credential_after_a_name_without_a_comma_is_no_place(gaz, nlp, text, ents):
    assert "SC" not in texts(gaz, nlp, text, ents)
    assert "SC" in texts(gaz, nlp, text, ents, disabled=frozenset({"post_nominal"}))


def test_a_given_name_and_surname_ner_left_alone_before_letters(gaz, nlp):
    # no entity at all: a census given name, or a first word rare in English ("Siobhán"), and a surname
    assert "SC" not in texts(gaz, nlp, "Mary Byrne SC told the court in Tulsa.", {"Tulsa": "GPE"})
    assert "SC" not in texts(gaz, nlp, "Siobhán Walsh SC told the court in Tulsa.", {"Tulsa": "GPE"})
    # … but a town's name of two words before letters is the town's ("Virginia Beach MP" as NER's organisation)
    assert "Virginia Beach" in texts(
        gaz, nlp, "Storms hit Virginia Beach MP today.", {"Virginia Beach MP": "ORG"}
    )


def test_a_state_code_after_a_town_or_alone_is_no_post_nominal(gaz, nlp):
    assert texts(gaz, nlp, "Crowds in Tulsa, SC cheered.", {"Tulsa": "GPE", "SC": "GPE"}) == ["Tulsa", "SC"]
    assert texts(gaz, nlp, "Voters in SC and Utah agreed.", {"SC": "GPE", "Utah": "GPE"}) == ["SC", "Utah"]


def test_a_word_of_english_opening_a_sentence_is_no_place(gaz, nlp):
    assert texts(gaz, nlp, "Surprise awaited the fans at the whistle.") == []
    assert texts(gaz, nlp, "Fans got a shock. Surprise and anger followed.") == []
    assert texts(gaz, nlp, "Surprise awaited the fans.", disabled=frozenset({"lower_case_word"})) == [
        "Surprise"
    ]
    # its possessive, a place after it, its officials, or a place named beside it (every test place is at 0, 0)
    assert texts(gaz, nlp, "Surprise's mayor resigned.") == ["Surprise"]
    assert texts(gaz, nlp, "Surprise, Utah, voted.", {"Utah": "GPE"}) == ["Surprise", "Utah"]
    assert texts(gaz, nlp, "Surprise officials said no.") == ["Surprise"]
    assert texts(gaz, nlp, "Surprise will get a tram stop, Tulsa said.", {"Tulsa": "GPE"}) == [
        "Surprise",
        "Tulsa",
    ]
    # … but not the word's own complement, and never inside a sentence
    assert texts(gaz, nlp, "Surprise of the day came in Tulsa.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Fans drove to Surprise on Monday.") == ["Surprise"]


def test_a_state_after_a_town_is_no_credential(gaz, nlp):
    text = "She moved to Tulsa, Md. last year."
    assert texts(gaz, nlp, text, {"Tulsa": "GPE", "Md.": "GPE"}) == ["Tulsa", "Md."]


def test_currency_prefixes_are_not_the_country(gaz, nlp):
    text = "Tickets cost NZ$7 in Auckland."
    assert texts(gaz, nlp, text, {"NZ": "GPE", "Auckland": "GPE"}) == ["Auckland"]


def test_a_countrys_name_before_its_currency_is_no_mention(gaz, nlp):
    text = "Exporters in Tulsa were paid in Dominican Republic pesos."
    assert texts(gaz, nlp, text, {"Tulsa": "GPE", "Dominican Republic": "GPE"}) == ["Tulsa"]
    # not a word that is also English after it, nor a town's or state's name before a currency word
    text = "Iran won the final; Turkey real estate rose; Tulsa dollars went to Ireland."
    ents = {"Iran": "GPE", "Turkey": "GPE", "Tulsa": "GPE", "Ireland": "GPE"}
    assert texts(gaz, nlp, text, ents) == ["Iran", "Turkey", "Tulsa", "Ireland"]


def test_a_countrys_initials_before_a_currency_the_same_in_the_plural_are_no_mention(gaz, nlp):
    text = "Bonuses in Tulsa were paid in Dominican Republic kina."
    assert texts(gaz, nlp, text, {"Tulsa": "GPE", "Dominican Republic": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Chile sums up the mood.", {"Chile": "GPE"}) == ["Chile"]  # a verb, no currency


def test_a_flu_strains_place_is_no_mention(gaz, nlp):
    text = "The vaccine covers the A/Victoria/2570/2019 strain."
    assert texts(gaz, nlp, text, {"Victoria": "GPE"}) == []


@pytest.mark.parametrize(
    "text, ents",
    [
        ("Cases of Ross River virus rose in Townsville.", {"Ross": "GPE"}),
        ("Ebola spread again.", {"Ebola": "GPE"}),
        ("A Crimean-Congo haemorrhagic fever case was confirmed.", {}),
    ],
)
def test_diseases_named_after_places_are_not_places(gaz, nlp, text, ents):
    assert [t for t in texts(gaz, nlp, text, ents) if t != "Townsville"] == []


def test_an_acronym_the_index_holds_only_as_an_alternate_name_is_no_place(gaz, nlp):
    # "Judah" is only an alternate name of Jeddah in the tiny index; as capitals it stands for an acronym.
    assert texts(
        gaz, nlp, "JUDAH said the rally in Boston would go ahead.", {"JUDAH": "GPE", "Boston": "GPE"}
    ) == ["Boston"]
    assert texts(gaz, nlp, "Troops left NZ on Monday.", {"NZ": "GPE"}) == ["NZ"]  # an alias: a name


def test_things_named_after_places_are_not_places(gaz, nlp):
    text = "Hail hit Wichita. Fans ate Buffalo wings."
    assert texts(gaz, nlp, text, {"Buffalo": "GPE"}) == ["Wichita"]


def test_organisations_the_gazetteer_knows_are_not_places(gaz, nlp):
    text = "Shoppers queued at Wells Fargo in Omaha, while Ford recalled trucks."
    assert texts(gaz, nlp, text, {"Wells Fargo": "ORG", "Ford": "GPE"}) == ["Omaha"]


def test_an_organisations_name_is_a_place_where_the_text_says_so(gaz, nlp):
    assert texts(gaz, nlp, "Police in Ford closed the road.", {"Ford": "GPE"}) == ["Ford"]
    assert texts(gaz, nlp, "A storm hit Ford, Kansas.", {"Ford": "GPE"}) == ["Ford"]
    assert texts(gaz, nlp, "He drove to Ford for a new truck.", {"Ford": "GPE"}) == []
    # What only a town has, at the town: "the ferry port at Ford" (not "a job at Ford").
    assert texts(gaz, nlp, "The ferry port at Ford will add sailings.", {"Ford": "ORG"}) == ["Ford"]
    assert texts(gaz, nlp, "She got a job at Ford last year.", {"Ford": "ORG"}) == []
    # One of a list of places after a preposition: "between Ford and Tulsa" — not a list of firms.
    assert texts(gaz, nlp, "The road between Ford and Tulsa reopened.", {"Ford": "GPE", "Tulsa": "GPE"}) == [
        "Ford",
        "Tulsa",
    ]
    assert texts(gaz, nlp, "Talks between Ford and Target stalled.", {"Ford": "GPE", "Target": "GPE"}) == []
    # NER's own entity, said as a place by the words around it: no filter undoes them.
    assert ("Ford", "place_phrase") in found(
        gaz, nlp, "Floods hit the Oklahoma town of Ford.", {"Ford": "ORG"}
    )
    assert found(gaz, nlp, "Snow fell on the quiet town of Ford.", {"Ford": "GPE"}) == [
        ("Ford", "place_phrase")
    ]


def test_a_university_used_alone_is_no_town(gaz, nlp):
    text = "She is a sophomore at Brown and moved to Denver."
    assert texts(gaz, nlp, text, {"Brown": "GPE", "Denver": "GPE"}) == ["Denver"]


def test_a_title_makes_a_person_and_remembers_the_name(gaz, nlp):
    text = "Ada Okafor, a nurse in Lagos, met Mr Bristol in Abuja. Okafor said Bristol agreed."
    ents = [
        ("Ada Okafor", "PERSON"),
        ("Lagos", "GPE"),
        ("Bristol", "GPE"),
        ("Abuja", "GPE"),
        ("Okafor", "GPE"),
    ]
    assert texts(gaz, nlp, text, ents) == ["Lagos", "Abuja"]


def test_a_surname_that_is_a_big_town_is_the_person_again(gaz, nlp):
    text = "Senator Elizabeth Warren spoke in Boston. Warren told the crowd."
    ents = [("Elizabeth Warren", "PERSON"), ("Boston", "GPE"), ("Warren", "GPE")]
    assert texts(gaz, nlp, text, ents) == ["Boston"]


def test_a_person_named_like_a_country_leaves_the_country_a_place(gaz, nlp):
    text = "Michael Jordan flew to Amman. Officials in Jordan said he met the king."
    ents = [("Michael Jordan", "PERSON"), ("Amman", "GPE"), ("Jordan", "GPE")]
    assert texts(gaz, nlp, text, ents) == ["Amman", "Jordan"]


@pytest.mark.parametrize(
    "text",
    ["Sydney Sweeney filmed scenes in Atlanta.", "Phoenix Rivera, 17, scored the winner in Reno."],
)
def test_a_given_name_before_a_surname_is_a_person(gaz, nlp, text):
    assert texts(gaz, nlp, text) in (["Atlanta"], ["Reno"])


def test_a_name_with_a_middle_initial_is_no_street(gaz, nlp):
    text = "Driver Virginia L. Lane, 77, lives at 12 W. Main St. in Tulsa."
    ents = [("Virginia L. Lane", "PERSON"), ("W. Main St.", "PERSON"), ("Tulsa", "GPE")]
    assert found(gaz, nlp, text, ents) == [("W. Main St.", "street"), ("Tulsa", "ner_place")]


def test_a_place_before_an_institution_word_stays_a_place(gaz, nlp):
    text = "Paris Police closed the square."
    assert texts(gaz, nlp, text, {"Paris": "GPE"}) == ["Paris"]


def test_a_one_word_name_that_speaks_is_a_person(gaz, nlp):
    text = '"It was loud," Warren said. Officials in Boston agreed.'
    assert texts(gaz, nlp, text, {"Warren": "PERSON", "Boston": "GPE"}) == ["Boston"]
    # A capital that "said" is its government; a place before "…, said Allen" is not the speaker.
    assert texts(gaz, nlp, "Washington said it would act.", {"Washington": "PERSON"}) == ["Washington"]
    assert texts(gaz, nlp, "Like what is done in Tulsa, said Allen.", {"Tulsa": "GPE"}) == ["Tulsa"]
    # A name the gazetteer has only as a small town, speaking, is a person whatever NER's label ("…," Petrova said) —
    # not a town closing an apposition ("the plant in Keroka, said…"), nor a big town's or a seat's name
    text = '"It was loud," Keroka said. Officials in Boston agreed.'
    assert texts(gaz, nlp, text, {"Keroka": "GPE", "Boston": "GPE"}) == ["Boston"]
    text = "The owner of the plant in Keroka, said he would reopen it."
    assert texts(gaz, nlp, text, {"Keroka": "GPE"}) == ["Keroka"]
    assert texts(gaz, nlp, '"It was loud," Boston said.', {"Boston": "GPE"}) == ["Boston"]
    # … but not the town's council speaking of itself
    assert texts(gaz, nlp, "Keroka said it would need years to rebuild.", {"Keroka": "GPE"}) == ["Keroka"]
    # … and after the quote, whatever NER's label ("…,” said Noma.")
    assert texts(gaz, nlp, '"It was loud," said Keroka. Boston agreed.', {"Keroka": "GPE"}) == ["Boston"]


def test_a_name_no_place_has_with_an_age_or_after_a_given_name_is_a_person(gaz, nlp):
    text = "Barry Smith, 80, and Zorwenna, 81, met on a coach from Boston."
    assert texts(gaz, nlp, text, {"Zorwenna": "GPE", "Boston": "GPE"}) == ["Boston"]
    text = "Adrian Zorwenna singled twice in Boston."
    assert texts(gaz, nlp, text, {"Adrian": "NORP", "Zorwenna": "GPE", "Boston": "GPE"}) == ["Boston"]
    # not a name after a place word, nor a town of the gazetteer
    assert texts(gaz, nlp, "The truck was found in Adrian Zorwenna.", {"Zorwenna": "GPE"}) == ["Zorwenna"]
    text = "Barry Smith, 80, and Keroka, 81, came."
    assert "Keroka" in texts(gaz, nlp, text, {"Keroka": "GPE"})


def test_a_legislatures_name_is_no_town(gaz, nlp):
    assert texts(gaz, nlp, "The State Duma approved the bill.", {"Duma": "GPE"}) == []
    assert texts(gaz, nlp, "Chile's Duma voted on Friday.", {"Chile": "GPE", "Duma": "ORG"}) == ["Chile"]
    assert texts(gaz, nlp, "A Duma deputy from Boston spoke.", {"Duma": "GPE", "Boston": "GPE"}) == ["Boston"]
    assert texts(gaz, nlp, "The State Duma met.", {"State Duma": "GPE"}) == []
    # the town of the name
    assert texts(gaz, nlp, "Rebels shelled Duma on Friday.", {"Duma": "GPE"}) == ["Duma"]
    assert texts(gaz, nlp, "The Duma chemical attack was investigated.", {"Duma": "GPE"}) == ["Duma"]
    assert texts(
        gaz, nlp, "Fighters seized Chile's Duma, officials said.", {"Chile": "GPE", "Duma": "GPE"}
    ) == [
        "Chile",
        "Duma",
    ]
    assert texts(gaz, nlp, "Shells hit the Duma district.", {"Duma": "GPE"}) == ["Duma"]


def test_a_person_whose_role_is_of_a_port_is_no_port(gaz, nlp):
    # "X, a <place noun>" says X is the place — not when the noun comes after a preposition
    text = "Greymouth, a spokeswoman for the port authority in Boston, said the strike was over."
    assert texts(gaz, nlp, text, {"Boston": "GPE"}) == ["Boston"]
    assert texts(gaz, nlp, "Greymouth, a small port on the coast, flooded.") == ["Greymouth"]


def test_a_name_right_after_a_relatives_word_is_a_person(gaz, nlp):
    text = "Sergei Skripal and his daughter Lincoln were found on a bench in Boston."
    assert texts(gaz, nlp, text, {"Lincoln": "GPE", "Boston": "GPE"}) == ["Boston"]
    text = "She is survived by her wife, Houston, and her sisters Denver and Tyler."
    assert texts(gaz, nlp, text, {"Houston": "GPE", "Denver": "GPE", "Tyler": "GPE"}) == []
    # not a word between ("sister city"), nor "of" ("the son of a Houston family")
    text = "Boston signed a pact with its sister city Denver."
    assert texts(gaz, nlp, text, {"Boston": "GPE", "Denver": "GPE"}) == ["Boston", "Denver"]
    text = "The son moved from Houston to Boston."
    assert texts(gaz, nlp, text, {"Houston": "GPE", "Boston": "GPE"}) == ["Houston", "Boston"]
    # a list of the relatives; not a country's or a city's relative ("its trading partner China")
    text = "Her three children, Houston, Denver and Tyler, were unhurt."
    assert texts(gaz, nlp, text, {"Houston": "GPE", "Denver": "GPE", "Tyler": "GPE"}) == []
    text = "Chile relies on its trading partner New Zealand, and Boston on its twin Denver."
    ents = {"Chile": "GPE", "New Zealand": "GPE", "Boston": "GPE", "Denver": "GPE"}
    assert texts(gaz, nlp, text, ents) == ["Chile", "New Zealand", "Boston", "Denver"]
    # "his wife of 58 years, Dallas,"; but "Her son, Clare-based musician Tom Lee": where the son lives
    text = "He is survived by his wife of 58 years, Houston, and a son."
    assert texts(gaz, nlp, text, {"Houston": "GPE"}) == []
    text = "Her son, Houston-based musician Tom Lee, said she never gave up."
    assert texts(gaz, nlp, text, {"Houston": "GPE"}) == ["Houston"]


def test_an_unknown_two_word_place_with_a_persons_apposition_is_a_person(gaz, nlp):
    # NER's place "Shannon Mulcahy", unknown to the gazetteer, after "to" but before ", the Omaha woman who …"
    text = "Tributes were paid to Shannon Mulcahy, the Omaha woman who ran a charity shop."
    assert texts(gaz, nlp, text, {"Shannon Mulcahy": "GPE", "Omaha": "GPE"}) == ["Omaha"]
    text = "Tourists flocked to Shannon Mulcahy, a village near Omaha."
    assert "Shannon Mulcahy" in texts(gaz, nlp, text, {"Shannon Mulcahy": "GPE", "Omaha": "GPE"})


def test_a_university_by_its_people_or_its_team_is_no_town(gaz, nlp):
    assert texts(gaz, nlp, "A Brown player scored twice.", {"Brown": "GPE"}) == []
    # a field's word between: "a Georgetown law professor", "Brown medical students"
    for text in ("Ana Ruiz, a Brown law professor, said so.", "Brown medical students marched."):
        assert texts(gaz, nlp, text, {"Brown": "GPE"}) == [], text
    # (review) a field's word before a team is no university's: "a Kent medical team was sent"
    assert texts(gaz, nlp, "A Brown medical team was sent to the crash.", {"Brown": "GPE"}) == ["Brown"]
    assert texts(gaz, nlp, "Brown beat Yale 66-61 in Boston.", {"Brown": "GPE", "Boston": "GPE"}) == [
        "Boston"
    ]


# -- rules that find what NER missed ------------------------------------------------------------------------------


def test_near_x_state_is_the_town(gaz, nlp):
    text = "Near Moab, Utah, hikers got lost."
    assert found(gaz, nlp, text, {"Near Moab": "PERSON", "Utah": "GPE"}) == [
        ("Moab", "locative_name"),
        ("Utah", "ner_place"),
    ]
    assert found(gaz, nlp, text, {"Utah": "GPE"}) == [("Moab", "town_comma_parent"), ("Utah", "ner_place")]


def test_a_place_phrase_makes_a_common_word_a_town(gaz, nlp):
    text = "Orange lies north of Avignon."
    assert found(gaz, nlp, text, {"Avignon": "ORG"}) == [
        ("Orange", "place_phrase"),
        ("Avignon", "place_phrase"),
    ]


@pytest.mark.parametrize(
    ("text", "ents", "town"),
    [
        ("Moab's old town was packed with tourists.", {}, "Moab"),
        ("Outside Ross, the fires spread.", {}, "Ross"),
        ("Everton is a suburb of the city.", {}, "Everton"),
        ("Tulum residents complained about the noise.", {"Tulum": "ORG"}, "Tulum"),
        ("Ferries sail to the little French island of Tulum.", {}, "Tulum"),
        ("Floods hit the north coast of Tulum.", {"Tulum": "PERSON"}, "Tulum"),
    ],
)
def test_words_said_of_a_town_make_an_unnamed_town_a_place(gaz, nlp, text, ents, town):
    assert (town, "place_phrase") in found(gaz, nlp, text, ents)
    # Without the rule: not found, or only a "maybe" (kept near the article's other places).
    # (mislabelled_town off too: NER's one-word person or organisation "Tulum" is a rare town's name on its own)
    off = found(gaz, nlp, text, ents, disabled=frozenset({"place_phrase", "mislabelled_town", "rare_town"}))
    assert all(rule == "maybe_place" for name, rule in off if name == town)


def test_a_preposition_opening_a_sentence_needs_a_comma_and_a_clause(gaz, nlp):
    assert "Ross" not in texts(gaz, nlp, "Outside Ross Dome the crowd waited.")


@pytest.mark.parametrize(
    ("text", "ents", "name", "kept"),
    [
        ("A Brown study found little effect on sleep.", {"Brown": "GPE"}, "Brown", False),  # listed
        ("She lectures at Ross on Tuesdays.", {"Ross": "GPE"}, "Ross", False),  # unlisted, a small town
        ("Researchers at Liverpool found a new drug.", {"Liverpool": "GPE"}, "Liverpool", True),  # a big city
        (
            "Students in Ross protested the cuts.",
            {"Ross": "GPE"},
            "Ross",
            True,
        ),  # in the town, not at a school
    ],
)
def test_a_university_by_the_words_of_who_studies_there(gaz, nlp, text, ents, name, kept):
    assert (name in texts(gaz, nlp, text, ents)) is kept
    assert name in texts(gaz, nlp, text, ents, disabled=frozenset({"university_alone"}))


@pytest.mark.parametrize(
    ("text", "ents", "name", "rule"),
    [
        # a listed given name before a surname and a past-tense verb
        (
            "Tyrese Haliburton and Denver Jones both scored in double figures.",
            {"Denver Jones": "ORG"},
            "Denver",
            "given_name",
        ),
        # a disease likened to one named after a place
        (
            "Officials traced a Denver-like illness on the cruise ship.",
            {"Denver": "GPE"},
            "Denver",
            "disease_name",
        ),
        # a shop chain named like a country or a town, its kind of trade before it
        (
            "Frozen-food chain Tulsa will open 12 stores in Madrid next year.",
            {"Tulsa": "GPE", "Madrid": "GPE"},
            "Tulsa",
            "described_as_company",
        ),
        # two dogs of breeds named for places, the second before a comma and its verb
        (
            "Two dogs, a Chihuahua and a Buffalo, were rescued from the flat in Madrid.",
            {"Chihuahua": "GPE", "Buffalo": "GPE", "Madrid": "GPE"},
            "Buffalo",
            "indefinite_thing",
        ),
        # cloth named for a town
        (
            "A mill in Madrid has woven Tanauan checks for export since 1962.",
            {"Madrid": "GPE", "Tanauan": "GPE"},
            "Tanauan",
            "goods_name",
        ),
        # shares in a company named like a town
        (
            "Shares in Fargo fell 4% in Omaha trading.",
            {"Fargo": "GPE", "Omaha": "GPE"},
            "Fargo",
            "described_as_company",
        ),
    ],
)
def test_a_filter_drops_the_name_its_words_make_no_place(gaz, nlp, text, ents, name, rule):
    assert name not in texts(gaz, nlp, text, ents)
    assert name in texts(gaz, nlp, text, ents, disabled=frozenset({rule}))


@pytest.mark.parametrize(
    "text", ["Snow closed Denver International on Monday.", "A Denver-based firm hired 40 people."]
)
def test_the_same_name_stays_a_place_without_those_words(gaz, nlp, text):
    assert "Denver" in texts(gaz, nlp, text, {"Denver": "GPE"})


def test_an_undotted_credential_between_commas_after_a_person(gaz, nlp):
    text = "Samuel Adeyemi, SAN, told reporters in Lagos that the ruling would be appealed."
    ents = {"Samuel Adeyemi": "PERSON", "SAN": "GPE", "Lagos": "GPE"}
    assert texts(gaz, nlp, text, ents) == ["Lagos"]
    assert "SAN" in texts(gaz, nlp, text, ents, disabled=frozenset({"credential"}))


def test_a_place_name_ner_cut_in_two_is_joined(gaz, nlp):
    text = "Exports from the Democratic Republic of the Congo rose."
    ents = {"the Democratic Republic of the": "GPE", "Congo": "GPE"}
    assert texts(gaz, nlp, text, ents) == ["Democratic Republic of the Congo"]
    # An organisation ending on "of" is not joined to the place after it.
    assert "Auckland" in texts(
        gaz, nlp, "The University of Auckland said.", {"The University of": "ORG", "Auckland": "GPE"}
    )


def test_a_one_word_person_before_a_state_code_is_the_town(gaz, nlp):
    assert ("Moab", "town_comma_parent") in found(
        gaz, nlp, "Moab, UT, will host the race.", {"Moab": "PERSON"}
    )
    # A full name before a comma and a code stays a person: "David Moab, UT, said" is no town.
    assert "Moab" not in texts(gaz, nlp, "Coach David Moab, UT, said.", {"David Moab": "PERSON"})


def test_a_state_code_ending_a_sentence(gaz, nlp):
    assert ("UT", "state_code") in found(gaz, nlp, "Storms hit Moab, UT. Roads closed.", {"Moab": "GPE"})


def test_a_club_by_what_only_a_club_does(gaz, nlp):
    text = "Everton appointed a new manager after a run of seven defeats."
    # A team: a "maybe" mention, its town only near the article's other places.
    assert found(gaz, nlp, text, {"Everton": "GPE"}) == [("Everton", "sports_team")]
    assert found(gaz, nlp, text, {"Everton": "GPE"}, disabled=frozenset({"sports_team"})) == [
        ("Everton", "ner_place")
    ]
    # A town hires a city manager, not a football manager.
    assert "Moab" in texts(gaz, nlp, "Moab hired a new city manager after the flood.", {"Moab": "GPE"})


def test_two_neighbouring_towns_named_together(gaz, nlp):
    text = "Smyrna and Dalton were without power after the storm."
    assert found(gaz, nlp, text) == [("Smyrna", "list_neighbour"), ("Dalton", "list_neighbour")]
    assert texts(gaz, nlp, text, disabled=frozenset({"list_neighbour"})) == []
    # Towns of different states, or a village too small to say it is one, make no list of places.
    assert texts(gaz, nlp, "Smyrna and Okafor were without power.") == []
    assert texts(gaz, nlp, "Smyrna and Moab were without power.") == []


def test_a_demonym_ner_called_a_place_stays_whole(gaz, nlp):
    text = "The Sri Lankan government accused the rebels."
    doc = make_doc(nlp, text, {"Sri Lankan": "GPE"})
    mentions = Recognizer(gaz).recognize(doc, text=text)
    assert [(m.text, m.demonym_of) for m in mentions] == [("Sri Lankan", "LK")]


def test_a_place_before_a_role_in_a_persons_name_is_no_name_word(gaz, nlp):
    text = "Moab officials met on Monday. Moab GM Sherry Bassin said the team would stay in Moab."
    ents = [("Moab", "GPE"), ("Moab GM Sherry Bassin", "PERSON"), ("Moab", "GPE")]
    assert texts(gaz, nlp, text, ents).count("Moab") == 2


def test_a_town_ner_took_into_an_organisations_name_after_in(gaz, nlp):
    text = "Pupils at St. Mary's Lutheran School in Moab won the prize."
    ents = {"Lutheran School in Moab": "ORG"}
    assert found(gaz, nlp, text, ents) == [("Moab", "place_in_organisation")]
    assert found(gaz, nlp, text, ents, disabled=frozenset({"place_in_organisation"})) == []


def test_a_places_thing_that_ner_calls_a_person_names_no_person(gaz, nlp):
    text = "Moab Station reopened on Monday. Crews in Moab cleared the road."
    ents = [("Moab Station", "PERSON"), ("Moab", "GPE")]
    assert "Moab" in texts(gaz, nlp, text, ents)


def test_an_institution_is_named_after_a_town_of_some_size(gaz, nlp):
    assert found(gaz, nlp, "The Dalton Police Department said.", {"The Dalton Police Department": "ORG"}) == [
        ("Dalton", "place_in_organisation")
    ]
    # A village of 2,000 is as often a word: "Ross Police Department" here, "Supreme Court" in real news.
    assert found(gaz, nlp, "The Ross Police Department said.", {"The Ross Police Department": "ORG"}) == []


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Ross is a city councilman who lives nearby.", {}),
        ("Near Christmas, shoppers crowded the malls.", {}),
        ("Three students from Ross escaped, officials said.", {"Ross": "GPE"}),
    ],
)
def test_words_that_only_look_like_place_cues(gaz, nlp, text, ents):
    name = text.split()[0] if not ents else next(iter(ents))
    if ents:
        assert name in texts(gaz, nlp, text, ents)  # "students from Ross": the town's students
    else:
        assert texts(gaz, nlp, text, ents) == []


def test_names_with_an_elided_article(gaz, nlp):
    text = "The quake hit L'Aquila, and skiers went to Coeur d'Alene."
    assert found(gaz, nlp, text) == [("L'Aquila", "elided_name"), ("Coeur d'Alene", "elided_name")]


def test_a_town_in_a_list_of_places(gaz, nlp):
    text = "Storms hit Smyrna, Cartersville and Dalton on Monday."
    assert found(gaz, nlp, text, {"Smyrna": "GPE", "Dalton": "GPE"}) == [
        ("Smyrna", "ner_place"),
        ("Cartersville", "list_neighbour"),
        ("Dalton", "ner_place"),
    ]


def test_a_list_of_places_before_a_verb_and_a_plural_word(gaz, nlp):
    # "closed schools": the verb between makes the list no list of schools' names ("Smyrna and Dalton schools").
    text = "Officials in Smyrna and Cartersville closed schools on Monday."
    assert ("Cartersville", "list_neighbour") in found(gaz, nlp, text, {"Smyrna": "GPE"})
    text = "Officials in Smyrna and Cartersville shut schools on Monday."  # (review) an irregular past too
    assert ("Cartersville", "list_neighbour") in found(gaz, nlp, text, {"Smyrna": "GPE"})
    text = "Teachers at Smyrna and Cartersville elementary schools walked out."
    assert "Cartersville" not in texts(gaz, nlp, text, {"Smyrna": "GPE"}, disabled=frozenset({"rare_town"}))


def test_a_list_the_words_before_call_towns(gaz, nlp):
    # "the nearby villages of Histon and Milton": every member a town the gazetteer knows, NER silent
    text = "Floods cut off the two towns of Keroka and Wajima on Monday."
    assert found(gaz, nlp, text) == [("Keroka", "list_neighbour"), ("Wajima", "list_neighbour")]
    assert texts(gaz, nlp, "The mayors spoke of Keroka and Wajima on Monday.") == []


def test_a_list_with_no_and_that_is_a_sentence_or_line_of_its_own(gaz, nlp):
    # A caption's or a table's list: three names or more, two of them places, nothing else in the sentence.
    ents = {"Smyrna": "GPE", "Dalton": "GPE"}
    for text in ("Smyrna, Cartersville, Dalton.", "Storm damage\nSmyrna, Cartersville, Dalton\nPhotos: AP"):
        assert ("Cartersville", "list_neighbour") in found(gaz, nlp, text, ents)
    # Inside a longer sentence the commas are no list of their own, and one known name is too few.
    # (rare_town off: Cartersville, a town's name rare in English, is a place on its own)
    off = frozenset({"rare_town"})
    assert "Cartersville" not in texts(
        gaz, nlp, "Smyrna, Cartersville, Dalton agreed to the deal.", {"Smyrna": "GPE"}, disabled=off
    )
    assert "Cartersville" not in texts(
        gaz, nlp, "Smyrna, Cartersville, Brown.", {"Smyrna": "GPE"}, disabled=off
    )
    # It ends the line or the sentence, never inside a name ("… Dalton Mayor Ann Lee agreed"); a firm in it makes
    # it a tag line's or a market report's.
    text = "Smyrna, Cartersville, Dalton Mayor Ann Lee agreed."
    assert "Cartersville" not in texts(gaz, nlp, text, ents, disabled=off)
    assert "Cartersville" not in texts(gaz, nlp, "Smyrna, Cartersville, Ford, Dalton.", ents, disabled=off)


def test_a_town_opening_with_a_places_word_is_no_persons_name(gaz, nlp):
    # NER's person "Fort William": no person's name opens with Fort, Port, Mount, Lake or Cape.
    text = "Fort William braced for 15,000 mountain bikers."
    assert found(gaz, nlp, text, {"Fort William": "PERSON"}) == [("Fort William", "gazetteer_name")]
    assert texts(gaz, nlp, "William Fort braced for the bikers.", {"William Fort": "PERSON"}) == []


def test_a_headlines_list_with_a_capital_and(gaz, nlp):
    text = "Power Cuts Hit Smyrna, Cartersville And Dalton\n\nThousands lost power."
    assert texts(gaz, nlp, text) == ["Smyrna", "Cartersville", "Dalton"]
    assert texts(gaz, nlp, "Smith, Jones And Brown Win Awards\n\nThe three were honoured.") == []
    # NER's "person" across the line break ("Dalton\n\nThousands") names no one.
    ents = [("Cartersville", "PERSON"), ("Dalton\n\nThousands", "PERSON")]
    assert texts(gaz, nlp, text, ents) == ["Smyrna", "Cartersville", "Dalton"]


def test_a_compound_town_name_is_claimed_whole(gaz, nlp):
    # NER took "Sault" only; the town's own name of several words is claimed over it.
    text = "The plant in Sault Ste. Marie will close."
    assert found(gaz, nlp, text, {"Sault": "GPE"}) == [("Sault Ste. Marie", "gazetteer_name")]
    assert found(gaz, nlp, text) == [("Sault Ste. Marie", "gazetteer_name")]
    # Not inside an organisation's or a work's name.
    text = "The film Sault Ste. Marie Blues won a prize."
    assert texts(gaz, nlp, text, {"Sault Ste. Marie Blues": "WORK_OF_ART"}) == []


def test_a_list_of_a_regions_towns_is_places_whatever_ner_said(gaz, nlp):
    text = "The band will play Hull, Grimsby, Scunthorpe and Lincoln in March."
    ents = {"Hull": "PERSON", "Grimsby": "PERSON", "Scunthorpe": "NORP", "Lincoln": "ORG"}
    assert texts(gaz, nlp, text, ents) == ["Hull", "Grimsby", "Scunthorpe", "Lincoln"]
    # Surnames whose towns share no region are no list of places.
    ents = {"Brown": "PERSON", "Warren": "PERSON", "Ford": "PERSON"}
    rules = [r for _, r in found(gaz, nlp, "The firm hired Brown, Warren and Ford as partners.", ents)]
    assert "list_neighbour" not in rules


def test_half_a_hyphenated_name_is_the_whole(gaz, nlp):
    text = "Envoys met in Guinea-Bissau."
    assert found(gaz, nlp, text, {"Guinea": "GPE"}) == [("Guinea-Bissau", "hyphenated_whole")]


def test_the_tail_of_a_longer_name_is_no_place(gaz, nlp):
    # The delta is a place the index does not hold (the resolver places it approximately), never Nigeria's Delta.
    assert texts(gaz, nlp, "Birds nest in the Danube Delta.", {"the Danube Delta": "LOC"}) == ["Danube Delta"]
    # A qualifier before the name is no longer name.
    assert texts(gaz, nlp, "Rain fell on North Utah.", {"North Utah": "GPE"}) == ["Utah"]


def test_a_former_name_of_a_big_city_is_claimed_like_a_strong_name(gaz, nlp):
    assert found(gaz, nlp, "Leningrad endured a long siege.", {"Leningrad": "PERSON"}) == [
        ("Leningrad", "former_name")
    ]
    assert found(gaz, nlp, "Trains reached Leningrad at dawn.") == [("Leningrad", "former_name")]
    assert found(gaz, nlp, "Trains reached Leningrad at dawn.", disabled=frozenset({"former_name"})) == []
    # A given name followed by a middle initial is a person, whatever city it once named.
    assert found(gaz, nlp, "She won the Judah P. Benjamin Award.") == []


def test_an_old_name_of_a_smaller_city_is_a_place_where_the_words_say_so(gaz, nlp):
    # Cities under a million: claimed after a locative word or beside a listed place, not on their own.
    assert found(gaz, nlp, "The family fled Breslau in 1945.") == [("Breslau", "former_name")]
    assert found(gaz, nlp, "Breslau was a German city.") == []
    assert found(gaz, nlp, "They moved to Vienna from Breslau.", {"Vienna": "GPE"}) == [
        ("Vienna", "ner_place"),
        ("Breslau", "former_name"),
    ]
    # A route says it too, by its own rule: "from Breslau to Vienna".
    assert texts(gaz, nlp, "They moved from Breslau to Vienna.", {"Vienna": "GPE"}) == ["Breslau", "Vienna"]
    assert found(gaz, nlp, "Rozen's wife, Julia, has taken on the search.", {"Julia": "ORG"}) == []
    assert found(gaz, nlp, "The poet left Julia for Vienna.", {"Julia": "PERSON", "Vienna": "GPE"})[0] == (
        "Julia",
        "former_name",
    )
    # A big city's old name of two words (written with a hyphen) stands on its own.
    assert found(gaz, nlp, "Alma-Ata was the capital until 1997.") == [("Alma-Ata", "former_name")]


def test_an_old_name_in_a_sentence_of_history(gaz, nlp):
    """A sentence of history (a date before 1990, "Habsburg", "Soviet", "colonial"…) says place for an old name on
    its own, rare in English, that does nothing a person does; an old name of a city of 100,000–300,000 needs a word
    that says place right before it."""
    assert found(gaz, nlp, "Breslau was a German city until 1945.") == [("Breslau", "former_name")]
    assert found(gaz, nlp, "Under the Habsburgs, Breslau grew rich.") == [("Breslau", "former_name")]
    assert found(gaz, nlp, "Before the war, Breslau was a German city.") == [("Breslau", "former_name")]
    assert found(gaz, nlp, "Breslau was a German city in the war.") == []  # "war" alone: today's news too
    assert found(gaz, nlp, "Breslau was a German city with 1930 shops.") == []  # a count, no date
    assert found(gaz, nlp, "In 1930 Rozen's wife, Julia, left.", {"Julia": "ORG"}) == []  # a given name
    assert found(gaz, nlp, "In 1930 Maria Breslau sang.", {"Maria Breslau": "PERSON"}) == []
    # what a person does (NER's one-word person that is a big city's other name is the city by mislabelled_town's
    # tests: "In 1930 Breslau won the title" is a side or the city there)
    assert found(gaz, nlp, "In 1930 Breslau said he won the title.", {"Breslau": "PERSON"}) == []
    assert found(gaz, nlp, "Thousands fled from Adrianople in 1913.") == [("Adrianople", "former_name")]
    assert found(gaz, nlp, "Adrianople was besieged in 1913.") == []
    assert found(gaz, nlp, "Thousands fled from Adrianople last week.") == [("Adrianople", "former_name")]
    assert found(gaz, nlp, "He wrote a letter to Adrianople.") == []  # "to", "of", "at": not place enough
    assert found(gaz, nlp, "The poet left Ali for Vienna.", {"Vienna": "GPE"}) == [("Vienna", "ner_place")]


# -- end to end on the real model (fewer: these also test what the model tags) -------------------------------------


def test_invisible_characters_inside_a_name(parser):
    text = "Officials in Ma\u200bdrid and Pa\u00adris met."
    doc = parser.parse(text)
    assert [(r.mention.text, r.place.name) for r in doc.resolutions] == [
        ("Ma\u200bdrid", "Madrid"),
        ("Pa\u00adris", "Paris"),
    ]
    assert all(text[r.mention.start : r.mention.end] == r.mention.text for r in doc.resolutions)


def test_end_to_end_kinds_that_are_not_places(parser):
    text = (
        "Dr. Alan Pierce, D.D.S., said C$5 buys a mask against Rift Valley fever in Toronto, "
        "where Ms Okafor runs a clinic."
    )
    assert [r.mention.text for r in parser.parse(text).resolutions] == ["Toronto"]


def test_end_to_end_a_university_towns_government_is_the_town(parser):
    # The vote count reads as a score to the university filter; the town's council outweighs it.
    text = "Berkeley's city council voted 7-2 to ban natural gas in new buildings."
    assert [(r.mention.text, r.place.admin1) for r in parser.parse(text).resolutions] == [
        ("Berkeley", "US.CA")
    ]


def test_end_to_end_rules_in_json_output(parser):
    doc = parser.parse("Officials in Munich said so.")
    assert [(r.mention.text, r.mention.rule) for r in doc.resolutions] == [("Munich", "ner_place")]


def test_strip_invisible_maps_offsets_back():
    from geo.text import strip_invisible

    assert strip_invisible("Madrid") == ("Madrid", None)
    clean, offsets = strip_invisible("a\ufeffb\u00ad\u200bc")
    assert clean == "abc" and offsets == [0, 2, 5, 6]
    # A no-break or thin space is read as a space, one for one.
    assert strip_invisible("Chiang\u00a0Mai\u202fcity") == ("Chiang Mai city", list(range(16)))


def test_a_pairs_unfound_member_is_a_town_of_the_found_ones_state(parser):
    # (real index: Boone, Iowa lies 75 km from Marshalltown, beyond NEIGHBOUR_KM; a town of 12,000 of its state)
    text = "Boone and Marshalltown also reported flooded basements."
    assert ("Boone", "list_neighbour") in [
        (r.mention.text, r.mention.rule) for r in parser.parse(text).resolutions
    ]
    text = "Smith and Marshalltown agreed on a deal."
    assert "Smith" not in [r.mention.text for r in parser.parse(text).resolutions]


def test_a_name_with_a_no_break_space_is_found_whole(parser):
    text = "Smoke pushed air pollution in Chiang\u00a0Mai to the worst level in the world."
    (r,) = parser.parse(text).resolutions
    assert r.mention.text == "Chiang\u00a0Mai" == text[r.mention.start : r.mention.end]
    assert r.place is not None and r.place.country == "TH"


def test_cued_patterns_find_what_a_full_scan_finds():
    from geo.recognize import (
        _ELIDED_CUE,
        _ELIDED_NAME,
        _LIST,
        _LIST_CUE,
        _OF_CUE,
        _OF_PHRASE,
        _OTHER_NAME,
        _OTHER_NAME_CUE,
        _PLACE_PHRASES,
        _cued,
    )

    text = (
        "The Tour will finish in Gap, a town in the Alps. Orange lies north of Avignon, and residents of "
        "Ruidoso met Reading council. Storms hit Harrogate, Ripon and Thirsk, then Wick or Thurso. The quake hit "
        "L'Aquila; police in 's-Hertogenbosch, Weston-super-Mare and Stratford-upon-Avon said so. Ms O'Leary agreed. Deal's pier "
        "and Hof, on the Czech border, are old. Moab is a gateway. Outside Hope, fires burned. Tanjore (now "
        "Thanjavur) and Bakhmut, known as Artemivsk from 1924, were renamed Kyiv; Matamata, home of hobbits. "
        "The city of Łódź and Hof, on the Øresund, met Úbeda's mayor; beaches near Ørsta; a ferry from Ålesund to Ærøskøbing."
        " Faifo, today's Hoi An, and Frobisher Bay, as Iqaluit was called, met Gori officials and Ceres fruit farmers."
        " The road between Manali and Keylong closed. Tara Brennan, 34, of Ratoath, and Sean Walsh (41), from"
        " Kilcock, pleaded guilty. Toyohara was the capital of the colony. Fort Jameson, now Chipata, and Vila Pery,"
        " as the Portuguese called Chimoio, grew; Zlín was called Gottwaldov from 1949. Taung, where a skull was"
        " found, grew. Catarroja and several other towns flooded. Hope is now a small railroad town in Arkansas."
        " Lincoln, whose cathedral looms, filled up. Denver, the city's mayor said, will grow."
    )
    from geo.recognize import _NEAR_CUE, _NEAR_PHRASE, _ROUTE, _ROUTE_CUE

    pairs = (
        (_OF_PHRASE, _OF_CUE),
        *_PLACE_PHRASES,
        (_OTHER_NAME, _OTHER_NAME_CUE),
        (_NEAR_PHRASE, _NEAR_CUE),
        (_ROUTE, _ROUTE_CUE),
    )
    for pattern, cue in (*pairs, (_ELIDED_NAME, _ELIDED_CUE), (_LIST, _LIST_CUE)):
        full = [m.span() for m in pattern.finditer(text)]
        assert full and [m.span() for m in _cued(pattern, cue, text, 240, 80)] == full


def test_patterns_tried_at_openings_find_what_a_full_scan_finds():
    from geo.recognize import _BARE_LIST, _PLACE_PHRASES, _TOWN_PREDICATE, _at_openings, _AtOpenings

    text = (
        "Outside Hope, fires burned.\nNear Moab, roads closed. Bath has banned cars!  Nice will host it.\n\n"
        "Harrogate, Ripon, Thirsk.\r\nSplit's old town was packed? Outside Łódź, a fair: Haverhill, Worcester, "
        "Springfield, Kansas City.\n St. Louis, Mt. Shasta, Ft. Worth\nÚbeda has banned cars.\tÅlesund hosted it."
        "\u00a0Ørsta was flooded. x.Bath has banned cars. Sedan. Outside Sedan, a town: Reading was evacuated."
        "\nKYIV, Ukraine (AP) — Talks. LAHORE: The rain. HUDSON -- Officials met.\n\nWASHINGTON — x"
    )
    from geo.text import _DATELINE

    cues = [cue.pattern for _, cue in _PLACE_PHRASES if isinstance(cue, _AtOpenings)]
    for pattern in (_BARE_LIST, _TOWN_PREDICATE, _DATELINE, *cues):
        full = [m.span() for m in pattern.finditer(text)]
        assert full and [m.span() for m in _at_openings(pattern, text)] == full
        assert [m.span() for m in _at_openings(pattern, text[6:])] == [
            m.span() for m in pattern.finditer(text[6:])
        ]


def test_patterns_tried_after_their_words_find_what_a_full_scan_finds():
    from geo.recognize import (
        _AFTER_PREPOSITION,
        _PREPOSITION_ENDS,
        _TITLE_ENDS,
        _TITLED_NAME,
        _after_word_ends,
    )

    text = (
        "In Bath, the baths; moved to Reading and from Split to Nice. Flights via Naas, towards Deal's pier, toward "
        "Cork, into2 Leeds, xin Hull, inside York. Rebels seized Rutshuru; wildfires ravaged Lahaina (near Maui) "
        "and recaptured Kupiansk. visiting Navan's Market, at Lough, at Ab, in New York, (in Bath), 'at Hove'\nin Ely"
    )
    full = [(m.span(), m.span(1)) for m in _AFTER_PREPOSITION.finditer(text)]
    assert len(full) > 8
    assert [
        (m.span(), m.span(1)) for m in _after_word_ends(_AFTER_PREPOSITION, _PREPOSITION_ENDS, text)
    ] == full
    text = (
        "Mr Okafor met Ms. Lee, Prime Minister Ana Brnabić, Minister Jones and Mr Judge Smith Jones; Sen. Amy "
        "Klobuchar, Gen.Mark, Governor O'Neill, xMr Bean, Mrs Doubtfire, Dr. J. Watson, Dr Who, Mr Mr Mr. Twice"
    )
    full = [(m.span(), m.span(1)) for m in _TITLED_NAME.finditer(text)]
    assert (
        len(full) > 8
        and [(m.span(), m.span(1)) for m in _after_word_ends(_TITLED_NAME, _TITLE_ENDS, text)] == full
    )


def test_what_only_a_town_has_after_its_possessive_makes_a_place(gaz, nlp):
    # A built thing of the town, with describing words between ("restored pier", "new station car park").
    assert found(gaz, nlp, "Deal's restored pier reopened on Saturday.") == [("Deal", "place_phrase")]
    assert found(gaz, nlp, "Deal's restored pier reopened.", disabled=frozenset({"place_phrase"})) == []
    # A station wagon is no station.
    assert found(gaz, nlp, "Deal's new station wagon broke down.") == []


def test_a_compound_town_name_ner_called_an_organisation_is_the_town(gaz, nlp):
    text = "Wilkes-Barre will build a new bus depot."
    assert found(gaz, nlp, text, {"Wilkes-Barre": "ORG"}) == [("Wilkes-Barre", "mislabelled_place")]
    # Only a town of some size: a hamlet's compound name as an organisation is more likely the organisation's.
    assert found(gaz, nlp, "Ash-Lee will build a new bus depot.", {"Ash-Lee": "ORG"}) == [
        ("Ash-Lee", "maybe_place")
    ]
    # A hyphen before an elided particle: "Villeneuve-d'Ascq".
    assert found(gaz, nlp, "Villeneuve-d'Ascq will build a depot.") == [("Villeneuve-d'Ascq", "elided_name")]


def test_a_name_before_a_role_apposition_is_a_persons(gaz, nlp):
    text = "Denver Mokoena, the club's chairman, said the coach would stay."
    assert found(gaz, nlp, text, {"Denver Mokoena": "ORG"}) == []
    assert found(gaz, nlp, "Denver Smith, 34, was charged.", {"Denver Smith": "ORG"}) == []
    # A town noun before the role makes the role the town's: "Denver, the city's mayor said".
    assert texts(gaz, nlp, "Denver, the city's mayor said, will grow.", {"Denver": "GPE"}) == ["Denver"]
    assert texts(gaz, nlp, "Denver, the city's mayor said, will grow.") == ["Denver"]  # the words say so


def test_a_team_nickname_after_a_big_citys_name_makes_it_the_team(gaz, nlp):
    # The side's whole name is no mention of its city, even in a story set there (a bare side is a "maybe" one).
    text = "The Seattle Seahawks won 24-17 on Sunday."
    doc = make_doc(nlp, text, {"Seattle": "GPE"})
    assert Recognizer(gaz).recognize(doc, text=text) == []
    # Nor is a group of people named after a place a side: "signed" is no game here.
    assert found(gaz, nlp, "The Seattle Neighbors association signed a lease.", {"Seattle": "GPE"}) == [
        ("Seattle", "ner_place")
    ]
    # A big city's bare name as a side is read as its city (both dev corpora do), and a phone number is no score.
    assert found(gaz, nlp, "Seattle won 24-17 on Sunday.", {"Seattle": "GPE"}) == [("Seattle", "ner_place")]
    assert found(
        gaz, nlp, "Call Seattle Crimestoppers at 206-555-0100 about the game.", {"Seattle": "GPE"}
    ) == [("Seattle", "ner_place")]


def test_a_side_by_its_nickname_facing_another_or_in_a_league_is_the_team(gaz, nlp):
    text = "The Seattle Warriors face the Madrid Hawks at home on Friday night."
    assert texts(gaz, nlp, text, {"Seattle": "GPE", "Madrid": "GPE"}) == []
    text = "The Seattle Aces will leave the PBA, the company said."
    assert texts(gaz, nlp, text, {"Seattle": "GPE"}) == []
    text = "The Seattle Warriors visit the Madrid Hawks on Friday."
    assert texts(gaz, nlp, text, {"Seattle": "GPE", "Madrid": "GPE"}) == []
    # two sides by their nicknames, joined by "and the"
    text = "The Seattle Hawks and the Madrid Lions open the season on Friday."
    assert texts(gaz, nlp, text, {"Seattle": "GPE", "Madrid": "GPE"}) == []
    # lawmen and sides alike, or a fixture with no side named, are no game
    text = "The Seattle Rangers face questions over the shooting."
    assert texts(gaz, nlp, text, {"Seattle": "GPE"}) == ["Seattle"]
    # not a firm's or a hospital trust's plural name that faces something
    text = "The Seattle Teaching Hospitals face cuts."
    assert texts(gaz, nlp, text, {"Seattle": "GPE"}) == ["Seattle"]


def test_ners_organisation_of_a_place_and_a_nickname_is_the_side(gaz, nlp):
    # NER's organisation "the Seattle Seahawks": the side's whole name, game words in the sentence or not.
    text = "The Seattle Seahawks will hold their winter fan festival downtown."
    assert found(gaz, nlp, text, {"The Seattle Seahawks": "ORG"}) == []
    # A singular nickname only in a sentence about a game, and none as common as an organisation's word.
    text = "The Seattle Sounder has signed a striker on a two-year contract."
    assert found(gaz, nlp, text, {"The Seattle Sounder": "ORG"}) == []
    text = "The Seattle Sounder opened a bakery downtown."
    assert found(gaz, nlp, text, {"The Seattle Sounder": "ORG"}) == [("Seattle", "gazetteer_name")]
    text = "The Seattle Academy players won the league title."
    assert found(gaz, nlp, text, {"The Seattle Academy": "ORG"}) == [("Seattle", "gazetteer_name")]
    # An institution, a service, a venue: the place that names it.
    for org in ("the Ohio Senate", "the Florida Highway Patrol", "the Seattle Dome", "the Florida Lawmakers"):
        text = f"Officials from {org} spoke after the game on Sunday."
        assert texts(gaz, nlp, text, {org: "ORG"}) == [org.split()[1]], org


def test_a_town_after_near_that_ner_missed(gaz, nlp):
    assert found(gaz, nlp, "Sargassum piled up on beaches near Tulum.") == [("Tulum", "place_phrase")]
    assert found(gaz, nlp, "Sargassum piled up on beaches near Pueblito.") == []  # too small to claim


def test_a_number_with_a_thousands_comma_is_no_age(gaz, nlp):
    text = "In Santa Maria, 2,000 people were moved to shelters."
    assert found(gaz, nlp, text, {"Santa Maria": "GPE"}) == [("Santa Maria", "ner_place")]


def test_a_possessive_inside_a_name_keeps_the_name_whole(gaz, nlp):
    # NER's "Hawke" (person) and "Bay" (place): the text matcher's name run goes on through "'s".
    text = "Hawke's Bay officials said the roads were closed."
    assert found(gaz, nlp, text, {"Hawke": "PERSON", "Bay": "LOC"}) == [("Hawke's Bay", "gazetteer_name")]


def test_a_country_that_is_also_a_given_name_listed_with_a_country(gaz, nlp):
    text = "Aid agencies said flooding in Niger and Chad had displaced 300,000 people."
    assert found(gaz, nlp, text, {"Niger": "GPE", "Chad": "PERSON"}) == [
        ("Niger", "ner_place"),
        ("Chad", "mislabelled_place"),
    ]
    # beside a place that is no country, NER's person stays a person
    text = "Flooding in Madrid and Chad Smith's house made the news."
    assert ("Chad", "mislabelled_place") not in found(
        gaz, nlp, text, {"Madrid": "GPE", "Chad Smith": "PERSON"}
    )


def test_a_common_word_before_a_towns_people_is_a_town_by_its_own_name_only(gaz, nlp):
    # "Tuna" is only an other name of a Peruvian village, and a fish before "fishermen"
    assert texts(gaz, nlp, "Tuna fishermen in Madrid say prices fell.", {"Madrid": "GPE"}) == ["Madrid"]
    assert found(gaz, nlp, "Deal residents complained about the noise.") == [("Deal", "place_phrase")]


def test_a_region_in_a_routes_name_is_no_mention(gaz, nlp):
    text = "Trains on the East Coast Main Line were delayed."
    assert texts(gaz, nlp, text, {"the East Coast Main Line": "LOC"}) == []
    assert texts(gaz, nlp, text) == []
    text = "She moved to the East Coast last year."
    assert texts(gaz, nlp, text, {"the East Coast": "LOC"}) == ["East Coast"]


def test_a_listed_name_with_a_particle_inside_is_one_item(gaz, nlp):
    text = "Seaweed piled up on beaches in Playa del Carmen and Tulum this week."
    assert found(gaz, nlp, text, {"Playa del Carmen": "GPE"}) == [
        ("Playa del Carmen", "ner_place"),
        ("Tulum", "list_neighbour"),
    ]


def test_a_country_that_is_also_a_given_name_beside_its_own_city(gaz, nlp):
    text = "Jordan closed its airspace, and flights out of Amman were diverted."
    assert found(gaz, nlp, text, {"Jordan": "PERSON", "Amman": "GPE"}) == [
        ("Jordan", "mislabelled_place"),
        ("Amman", "ner_place"),
    ]
    # Without a place of the country, the person NER saw stays a person.
    assert found(
        gaz,
        nlp,
        "Jordan closed the door, and flights out of Boston were diverted.",
        {"Jordan": "PERSON", "Boston": "GPE"},
    ) == [("Boston", "ner_place")]


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        ("Kent County Council approved the plan.", "Kent County Council", "Kent"),
        (
            "Worcestershire County Council approved the plan.",
            "Worcestershire County Council",
            "Worcestershire",
        ),
        # No British unit of the bare name: the American county of the whole name.
        ("King County Council approved the plan.", "King County Council", "King County"),
    ],
)
def test_a_british_county_council_is_named_after_its_county(gaz, nlp, text, org, place):
    assert found(gaz, nlp, text, {org: "ORG"}) == [(place, "place_in_organisation")]


def test_a_programming_language_named_like_a_place(gaz, nlp):
    text = "The developers rewrote the banking app in Java last year."
    assert found(gaz, nlp, text, {"Java": "GPE"}) == []
    assert found(gaz, nlp, text, {"Java": "GPE"}, disabled=frozenset({"programming_language"})) == [
        ("Java", "ner_place")
    ]
    assert found(gaz, nlp, "Floods on Java killed 12 people.", {"Java": "GPE"}) == [("Java", "ner_place")]


def test_an_island_after_on_is_the_island(gaz, nlp):
    # NER's person after "on": an island's preposition, though "java" is never claimed from plain text.
    assert found(gaz, nlp, "Floods on Java killed 12 people.", {"Java": "PERSON"}) == [
        ("Java", "locative_name")
    ]
    assert ("Tulum", "locative_name") not in found(
        gaz, nlp, "He relied on Tulum for help.", {"Tulum": "PERSON"}
    )


def test_a_towns_port_officials_say_it_is_a_town(gaz, nlp):
    assert found(gaz, nlp, "The ferry turned back, Devonport port officials said.") == [
        ("Devonport", "place_phrase")
    ]
    # A town's own officials too, where NER tags nothing (test_a_towns_people_name_the_town_but_not_a_firms)
    assert found(gaz, nlp, "The ferry turned back, Devonport officials said.") == [
        ("Devonport", "place_phrase")
    ]


def test_a_country_beside_its_capital_that_ner_called_an_organisation(gaz, nlp):
    text = "Chad closed its border, officials in N'Djamena said."
    assert found(gaz, nlp, text, {"Chad": "PERSON", "N'Djamena": "ORG"}) == [
        ("Chad", "mislabelled_place"),
        ("N'Djamena", "mislabelled_place"),
    ]


def test_an_island_after_across_is_the_island_and_software_is_not(gaz, nlp):
    assert found(gaz, nlp, "Ash fell on villages across Java.", {"Java": "PERSON"}) == [
        ("Java", "locative_name")
    ]
    assert found(gaz, nlp, "The developers rewrote the app in Java.", {"Java": "PERSON"}) == []


def test_a_plural_demonym_after_a_big_citys_name_is_the_teams_nickname(gaz, nlp):
    text = "Seattle Indians beat the Boston side by six wickets."
    ents = {"Seattle": "GPE", "Indians": "NORP", "Boston": "GPE"}
    assert ("Indians", "ner_demonym") not in found(gaz, nlp, text, ents)
    # Without a game, or after no place, the demonym is its country's.
    assert ("Indians", "ner_demonym") in found(
        gaz, nlp, "Seattle Indians held a festival.", {"Seattle": "GPE", "Indians": "NORP"}
    )
    assert ("Indians", "ner_demonym") in found(
        gaz, nlp, "Many Indians watched the game.", {"Indians": "NORP"}
    )


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Borussia Madrid agreed a fee for the young defender.", {"Madrid": "GPE"}),  # a club's word before
        (
            "Seattle City signed a striker on a free transfer.",
            {"Seattle": "GPE"},
        ),  # "City" after, no such place
    ],
)
def test_a_clubs_name_around_a_citys_is_the_club(gaz, nlp, text, ents):
    doc = make_doc(nlp, text, ents)
    assert Recognizer(gaz).recognize(doc, text=text) == []
    assert Recognizer(gaz, disabled=frozenset({"sports_team"})).recognize(doc, text=text) != []
    # Without a game or a club's business, the city.
    assert found(gaz, nlp, "Seattle City officials met on Monday.", {"Seattle": "GPE"}) == [
        ("Seattle", "ner_place")
    ]


def test_a_feature_the_index_lacks_is_not_its_first_words_hamlet(gaz, nlp):
    # NER's "Cook Strait": not the hamlet of Cook, but the whole name (placed where the story is, if anywhere).
    assert found(gaz, nlp, "Swimmers crossed the Cook Strait.", {"Cook Strait": "LOC"}) == [
        ("Cook Strait", "ner_place")
    ]
    # A feature named after a big town or a unit keeps the town: "Seattle Valley" → Seattle.
    assert found(gaz, nlp, "Fog filled the Seattle Valley.", {"Seattle Valley": "LOC"}) == [
        ("Seattle", "ner_place_subspan")
    ]


def test_a_car_model_named_after_a_place(gaz, nlp):
    assert found(gaz, nlp, "The Hyundai Seattle topped the sales chart.", {"Seattle": "GPE"}) == []
    assert found(gaz, nlp, "Toyota will build more Seattle pickups.", {"Seattle": "GPE"}) == []
    assert found(gaz, nlp, "Toyota opened a plant in Seattle.", {"Seattle": "GPE"}) == [
        ("Seattle", "ner_place")
    ]


def test_a_list_the_words_after_call_towns(gaz, nlp):
    text = "Tulum and Deal were among the towns hit by the storm."
    assert found(gaz, nlp, text) == [("Tulum", "list_neighbour"), ("Deal", "list_neighbour")]
    assert found(gaz, nlp, "Tulum and Deal were among the players hit.") == []
    text = "Tulum and Deal were named among the best places to live."
    assert found(gaz, nlp, text) == [("Tulum", "list_neighbour"), ("Deal", "list_neighbour")]
    assert found(gaz, nlp, "Tulum and Deal were named among the best players.") == []


def test_a_country_that_is_a_given_name_doing_what_a_country_does(gaz, nlp):
    text = "Jordan reopened its main border crossing on Sunday."
    assert found(gaz, nlp, text, {"Jordan": "PERSON"}) == [("Jordan", "mislabelled_place")]
    assert found(gaz, nlp, "Jordan reopened his shop on Sunday.", {"Jordan": "PERSON"}) == []


def test_review_mends_for_the_fifth_sessions_rules(gaz, nlp):
    # A British unit smaller than the American county of the whole name: the county.
    assert found(gaz, nlp, "Sussex County Council approved the plan.", {"Sussex County Council": "ORG"}) == [
        ("Sussex County", "place_in_organisation")
    ]
    # A place whose own name is "town + nickname-like word" is no team's nickname.
    assert found(gaz, nlp, "Seattle Kings hosted the league final on Saturday.", {"Seattle": "GPE"}) == [
        ("Seattle Kings", "gazetteer_name")
    ]
    # A town noun before the role: the role is the town's, the name no person's.
    assert found(gaz, nlp, "Denver Smith, the city's mayor, spoke.", {"Denver Smith": "ORG"}) == [
        ("Denver", "gazetteer_name")
    ]
    # What only a town has, after a common word's possessive: a town of 10,000 or more, not a hamlet.
    assert found(gaz, nlp, "Hope's restored pier reopened on Saturday.") == [("Hope", "common_word_town")]
    assert found(gaz, nlp, "Liberty's restored pier reopened on Saturday.") == []
    # Describing words only between: a gas station is no town's.
    assert found(gaz, nlp, "Deal's gas station reopened.") == []
    # A storm's possessive is no town's.
    assert found(gaz, nlp, "Hurricane Deal's restored pier reopened.") == []


def test_a_weather_record_only_a_place_keeps(gaz, nlp):
    assert found(gaz, nlp, "Hope recorded its coldest night in a decade.") == [("Hope", "common_word_town")]
    assert found(gaz, nlp, "Hope recorded 42 degrees on Tuesday.") == [("Hope", "common_word_town")]
    assert found(gaz, nlp, "Hope recorded her best time.") == []
    assert found(gaz, nlp, "Liberty recorded its coldest night.") == []  # a hamlet's name: no claim


def test_one_town_ner_found_and_its_neighbour_it_missed(gaz, nlp):
    text = "Deal and Reading both recorded heavy rain."
    assert found(gaz, nlp, text, {"Reading": "GPE"}) == [("Deal", "list_neighbour"), ("Reading", "ner_place")]
    # Not neighbours (another admin-1 unit): no claim on the unknown one.
    assert found(gaz, nlp, "Tulum and Reading both recorded heavy rain.", {"Reading": "GPE"}) == [
        ("Reading", "ner_place")
    ]


def test_a_possessive_stays_outside_the_name_and_ner_s_piece_gives_way(gaz, nlp):
    assert found(gaz, nlp, "Deal's mayor resigned on Monday.") == [("Deal", "place_phrase")]
    text = "Cortina d'Ampezzo will host the curling events."
    assert found(gaz, nlp, text, {"Cortina": "GPE"}) == [("Cortina d'Ampezzo", "elided_name")]


def test_an_untagged_town_opening_a_sentence_before_what_is_said_of_a_town(gaz, nlp):
    assert found(gaz, nlp, "Devonport was cut off by floods on Tuesday.") == [
        ("Devonport", "common_word_town")
    ]
    alone = frozenset({"mislabelled_town"})  # which takes NER's one-word "Tulum" on its own
    assert found(
        gaz, nlp, "Tulum recorded 41 degrees, its hottest day.", {"Tulum": "ORG"}, disabled=alone
    ) == [("Tulum", "common_word_town")]
    # NER's person, or a hamlet, is not claimed by words a person may also have said of them.
    assert ("Devonport", "common_word_town") not in found(
        gaz, nlp, "Devonport was hit by a car.", {"Devonport": "PERSON"}
    )
    assert texts(gaz, nlp, "Pueblito was cut off by floods.") == []  # 2,000 people: a town of 5,000 or more
    assert texts(gaz, nlp, "Tulum was cut off.", disabled=frozenset({"common_word_town"})) == []


def test_a_feast_alone_is_a_day_not_a_place(gaz, nlp):
    assert texts(gaz, nlp, "Hotels in Tulum were full over Easter.", {"Tulum": "GPE", "Easter": "LOC"}) == [
        "Tulum"
    ]


def test_one_end_of_a_route_the_text_names_makes_the_other_a_place(gaz, nlp):
    text = "A ferry from Tulsa to Devonport was delayed."
    assert ("Devonport", "place_phrase") in found(gaz, nlp, text, {"Tulsa": "GPE"})
    # A firm's name at the other end is kept as the place the route says ("Ford" is in data/organisations.txt).
    assert "Ford" in texts(gaz, nlp, "The bus from Tulsa to Ford was late.", {"Tulsa": "GPE", "Ford": "ORG"})
    # Neither end a place the text names; a hamlet; a day.
    # (common_word_town off: after "from" and "to" it takes a town whose name is rare in English on its own)
    assert (
        texts(
            gaz,
            nlp,
            "She went from Devonport to Tulum.",
            disabled=frozenset({"common_word_town", "rare_town"}),
        )
        == []
    )
    assert "Pueblito" not in texts(gaz, nlp, "A ferry from Tulsa to Pueblito sank.", {"Tulsa": "GPE"})
    assert texts(gaz, nlp, "Shops in Tulsa open from Monday to Friday.", {"Tulsa": "GPE"}) == ["Tulsa"]


def test_a_strong_name_inside_a_smaller_places_longer_name_gives_way_to_it(gaz, nlp):
    # "Springs" (186,000 people) inside "Hanmer Springs" (1,180): the smaller place's own name is meant.
    assert found(gaz, nlp, "Hotels in Hanmer Springs were full.") == [("Hanmer Springs", "gazetteer_name")]
    # A qualifier is no new name ("North Springs" is Springs, north); an unknown longer run keeps the inner name.
    assert found(gaz, nlp, "Hotels in North Springs were full.") == [("Springs", "gazetteer_name")]
    # A feature's word after another capitalised word ends that feature's name ("the Zika Forest"), known or not.
    assert found(gaz, nlp, "Hotels in Qwerty Springs were full.") == []
    assert found(gaz, nlp, "Hotels in Springs were full.") == [("Springs", "gazetteer_name")]


def test_a_sentences_article_is_no_name_and_a_capital_opens_a_place_phrase(gaz, nlp):
    assert found(gaz, nlp, "The mayor of Tulum said the beach reopened.", {"Tulum": "PERSON"}) == [
        ("Tulum", "place_phrase")
    ]
    assert found(gaz, nlp, "Residents of Devonport say the ferry is late.") == [("Devonport", "place_phrase")]


def test_a_title_or_event_after_a_locative_word_is_a_place_unless_quoted(gaz, nlp):
    assert found(gaz, nlp, "Power was restored in Devonport by Sunday.", {"Devonport": "WORK_OF_ART"}) == [
        ("Devonport", "locative_name")
    ]
    # Only a "maybe" (kept near the article's other places, else dropped by the resolver).
    assert found(gaz, nlp, 'She loved "Summer in Devonport" as a child.', {"Devonport": "WORK_OF_ART"}) == [
        ("Devonport", "maybe_place")
    ]


def test_a_region_that_takes_the_after_a_locative_word(gaz, nlp):
    assert found(gaz, nlp, "Poachers were caught in the Serengeti.", {"Serengeti": "PERSON"}) == [
        ("Serengeti", "locative_name")
    ]
    # A town does not take "the" ("in the Devonport" is something of Devonport's); a firm's name is the firm.
    assert ("Devonport", "locative_name") not in found(
        gaz, nlp, "He sat in the Devonport.", {"Devonport": "ORG"}
    )
    assert found(gaz, nlp, "She sat in the Ford.", {"Ford": "PRODUCT"}) == []
    # A region's name that is a listed firm's ("Patagonia", data/organisations.txt) is the firm after "in the".
    assert ("Patagonia", "locative_name") not in found(
        gaz, nlp, "She queued in the Patagonia store.", {"Patagonia": "ORG"}
    )
    assert texts(gaz, nlp, "Fires spread in the Patagonia.", {"Patagonia": "PERSON"}) == ["Patagonia"]


def test_a_town_before_in_and_the_county_or_region_that_holds_it(gaz, nlp):
    text = "A man from Castlerea in County Roscommon won the jackpot."
    assert found(gaz, nlp, text, {"County Roscommon": "GPE"}) == [
        ("Castlerea", "town_comma_parent"),
        ("County Roscommon", "ner_place"),
    ]
    # A county's point near the town; the words say place, so a firm's name ("Gap") is the town.
    text = "Snow closed roads around Gap in the Hautes-Alpes."
    assert ("Gap", "town_comma_parent") in found(gaz, nlp, text, {"Hautes-Alpes": "GPE"})
    # NER's firm before ", in" the unit that holds it: the town, by the words' rule.
    text = "Gap, in the Hautes-Alpes, will host the race."
    assert ("Gap", "town_comma_parent") in found(gaz, nlp, text, {"Gap": "ORG", "Hautes-Alpes": "GPE"})
    # A direction word between: "in south-east Sicily", "in western County Roscommon".
    for where in ("western", "south-east", "central-west", "far northern"):
        text = f"Castlerea, in {where} County Roscommon, recorded 30C."
        assert ("Castlerea", "town_comma_parent") in found(gaz, nlp, text, {"County Roscommon": "GPE"}), where
    # Not in the unit named; a person's name.
    assert "Tulum" not in texts(
        gaz,
        nlp,
        "Flights from Tulum in County Roscommon.",
        {"County Roscommon": "GPE"},
        disabled=frozenset({"common_word_town", "rare_town"}),
    )
    text = "He met Mary Castlerea in County Roscommon."
    assert "Castlerea" not in texts(gaz, nlp, text, {"Mary Castlerea": "PERSON", "County Roscommon": "GPE"})


@pytest.mark.parametrize(
    ("text", "ents", "town"),
    [
        ("The Tulum-born chef opened a restaurant.", {}, "Tulum"),
        ("Officials in the Devonport district closed schools.", {}, "Devonport"),
        ("Tulum Municipality declared an emergency.", {"Tulum Municipality": "PERSON"}, "Tulum"),
        ("The storm flattened much of Tulum.", {}, "Tulum"),
        ("Deal's fishing port reopened.", {}, "Deal"),
        ("The carmaker will close its Devonport plant next year.", {"Devonport": "PRODUCT"}, "Devonport"),
    ],
)
def test_more_words_that_say_a_town(gaz, nlp, text, ents, town):
    assert (town, "place_phrase") in found(gaz, nlp, text, ents)


def test_a_towns_population_said_of_it(gaz, nlp):
    assert found(gaz, nlp, "Devonport has a population of 26,000.") == [("Devonport", "common_word_town")]


def test_a_headline_of_capitalised_words(gaz, nlp):
    text = "Flood Waters Rise In Devonport As River Peaks Overnight"
    assert found(gaz, nlp, text, {"Flood Waters Rise": "ORG"}) == [("Devonport", "place_phrase")]
    # NER's long "person" in a headline is a guess: a strong name inside it is still found.
    text = "Tulsa Floods Worsen As More Families Move Out"
    assert found(gaz, nlp, text, {"Tulsa Floods Worsen": "PERSON"}) == [("Tulsa", "gazetteer_name")]
    # Not a headline (a sentence): the person's span stands, and "In" is no headline word.
    text = "Tulsa Floods Worsen, a singer, said it. Later In Devonport they met."
    assert "Tulsa" not in texts(gaz, nlp, text, {"Tulsa Floods Worsen": "PERSON"})


def test_an_untagged_town_after_a_preposition_of_place(gaz, nlp):
    assert found(gaz, nlp, "Traffic was diverted via Devonport overnight.") == [
        ("Devonport", "common_word_town")
    ]
    # "at", "to", "from" are as often a school's or a firm's: only a name rare in English that is no census name
    # ("schools at Devonport"; not "trained at Robertson"); a hamlet; a listed firm.
    assert found(gaz, nlp, "Schools at Devonport stayed shut.") == [("Devonport", "common_word_town")]
    assert texts(gaz, nlp, "She trained at Robertson before moving on.") == []
    assert texts(gaz, nlp, "She earned an MBA at Devonport last year.") == []  # a school's name
    assert texts(gaz, nlp, "Traffic was diverted via Pueblito overnight.") == []
    assert texts(gaz, nlp, "Shoppers queued in Gap for the sale.") == []
    # … or after a verb of war that takes a town: "rebels seized Rutshuru".
    assert found(gaz, nlp, "Rebels seized Devonport on Thursday.") == [("Devonport", "common_word_town")]
    assert texts(gaz, nlp, "Rebels seized Pueblito on Thursday.") == []


def test_a_features_word_is_no_sub_span_of_its_own(gaz, nlp):
    # NER's "Bay Area": not "Bay", Somalia's region ("North Texas" → Texas still: see the qualifier tests).
    assert found(gaz, nlp, "Rents rose across the Bay Area.", {"Bay Area": "LOC"}) == [
        ("Bay Area", "ner_place")
    ]
    # NER's "Cape Ann": not "Cape" (here an alternate name of Cartersville), nor any opening word of a name.
    assert found(gaz, nlp, "Two boats sank off Cape Ann.", {"Cape Ann": "LOC"}) == [("Cape Ann", "ner_place")]


def test_words_that_only_look_like_they_say_a_town(gaz, nlp):
    # A figure of speech ("a state of Grace"), a capitalised noun ("the European Capital of Culture").
    assert "Grace" not in texts(gaz, nlp, "He lived in a state of Grace for years.")
    assert "Grace" not in texts(gaz, nlp, "Officials met in the state of Grace.")
    assert "Tulum" not in texts(gaz, nlp, "It was named the European Capital of Tulum.")
    # "-based" of anything but a firm or a team; a possessive after "much of"; a firm's market value.
    assert "Java" not in texts(gaz, nlp, "The app uses a Java-based engine.")
    assert ("Tulum", "place_phrase") in found(gaz, nlp, "A Tulum-based tour company went bust.")
    assert "Tulum" not in texts(
        gaz, nlp, "Fans blamed much of Tulum's form on injury.", disabled=frozenset({"rare_town"})
    )
    assert "Deal" not in texts(gaz, nlp, "Deal's market value rose after the sale.")
    # A person hit by a taxi; a town hit by a storm.
    assert "Devonport" not in texts(gaz, nlp, "Devonport was hit by a taxi outside the club.")
    assert "Devonport" in texts(gaz, nlp, "Devonport was hit by a severe storm.")


def test_a_firms_name_said_as_a_firm_keeps_its_filter(gaz, nlp):
    assert "Ford" not in texts(gaz, nlp, "Daimler will close its Ford plant.", {"Ford": "ORG"})
    assert "Target" not in texts(
        gaz, nlp, "He switched from Ford to Target.", {"Ford": "ORG", "Target": "ORG"}
    )
    assert "Ford" not in texts(
        gaz, nlp, "The feud between Ford and India grew.", {"Ford": "ORG", "India": "GPE"}
    )


# -- seventh session: a speaker's pronoun, credential chains, headline prepositions, "Town, County", titles -------


def test_a_given_name_with_an_age_or_he_she_said_is_a_person_even_a_citys(gaz, nlp):
    assert texts(gaz, nlp, "Tyler said he would not run again.", {"Tyler": "GPE"}) == []
    assert texts(gaz, nlp, "Charlotte, 7, and her brother were rescued.", {"Charlotte": "GPE"}) == []
    # A list of counts is no list of ages.
    text = "Cases rose in Houston, 12, Charlotte, 7, and Tyler, 5, officials said."
    assert texts(gaz, nlp, text, {"Houston": "GPE", "Charlotte": "GPE", "Tyler": "GPE"}) == [
        "Houston",
        "Charlotte",
        "Tyler",
    ]
    # A city that speaks is its council; after "in" a name is a place whatever follows.
    assert texts(gaz, nlp, "Tyler said it would raise water rates.", {"Tyler": "GPE"}) == ["Tyler"]
    assert texts(gaz, nlp, "Schools in Tyler, 12, were shut.", {"Tyler": "GPE"}) == ["Tyler"]


def test_a_dotted_initialism_after_a_persons_credential_is_one_too(gaz, nlp):
    text = "Tom Reyes, M.S., R.D., a dietitian, said so."
    assert texts(gaz, nlp, text, {"Tom Reyes": "PERSON", "M.S.": "GPE", "R.D.": "GPE"}) == []
    # Not after a person: "R.D." as a place name stays (here NER's GPE after an ordinary word); never a country's own
    # initials, nor an initialism a name goes on from ("U.S. Army").
    assert texts(gaz, nlp, "Flights to the R.D. resumed.", {"R.D.": "GPE"}) == ["R.D."]
    text = "Sam Fox, Ph.D., U.S. Army, spoke."
    assert texts(gaz, nlp, text, {"Sam Fox": "PERSON", "Ph.D.": "GPE", "U.S.": "GPE"}) == ["U.S."]


def test_a_headlines_capitalised_preposition_ends_the_name_before_it(gaz, nlp):
    text = "Sale Ends Sunday at Shops Across Ireland"
    assert found(gaz, nlp, text, {"Shops Across Ireland": "GPE"})[-1] == ("Ireland", "ner_place_subspan")


def test_a_town_before_a_comma_and_the_county_that_holds_it(gaz, nlp):
    # "Deal" is no strong name and NER missed it; ", Kent" and a Deal within IN_COUNTY_KM of Kent's point say town.
    text = "A fishing boat sank off Deal, Kent, on Sunday."
    assert ("Deal", "town_comma_parent") in found(gaz, nlp, text, {"Kent": "GPE"})
    # A month before ", Kent" is the month: "In March, Kent police said" (March, Cambridgeshire is a town).
    assert "March" not in texts(gaz, nlp, "In March, Kent police said so.", {"Kent": "GPE"})


def test_the_place_of_a_peers_title_is_no_mention_of_the_place(gaz, nlp):
    text = "The Duke of Sussex arrived in Sydney."
    assert texts(gaz, nlp, text, {"Sydney": "GPE"}) == ["Sydney"]
    assert texts(gaz, nlp, "Storms hit Sussex and Kent.", {"Kent": "GPE"}) == ["Sussex", "Kent"]


def test_one_moves_to_a_town_even_to_study(gaz, nlp):
    assert texts(gaz, nlp, "She moved to Columbia to study history.", {"Columbia": "GPE"}) == ["Columbia"]
    assert texts(gaz, nlp, "She was a student at Columbia for a year.", {"Columbia": "GPE"}) == []


def test_a_town_a_compass_bearing_from_a_place(gaz, nlp):
    text = "Snow trapped cars on the road to Murree, north of Islamabad."
    assert ("Murree", "place_phrase") in found(gaz, nlp, text, {"Islamabad": "GPE"})
    # A hamlet of the name is no reason to read a man's name as a town: "Ross, west of the river".
    assert "Ross" not in texts(gaz, nlp, "Ross, west of the Moab road, rode on.")
    # across the river from a town; a given name that is a town is one when it lies somewhere
    text = "Florence, just across the river from Moab, has drawn recording artists for decades."
    assert ("Florence", "place_phrase") in found(gaz, nlp, text, {"Moab": "GPE"})


def test_what_only_a_town_does_or_has(gaz, nlp):
    assert texts(gaz, nlp, "Wodonga braces for another week of smoke.") == ["Wodonga"]
    assert texts(gaz, nlp, "Part of Chester's Roman city walls collapsed.") == ["Chester"]
    assert texts(gaz, nlp, "Wildfires ravaged Lahaina last August.") == ["Lahaina"]
    # A given name or NER's person does only what no person does: "Jackson was evacuated to hospital".
    assert "Jackson" not in texts(
        gaz, nlp, "Jackson was evacuated to hospital after the crash.", {"Jackson": "PERSON"}
    )
    # NER's person does the same: not a town by these words (only NER's "maybe", which the resolver weighs).
    assert found(gaz, nlp, "Chester braces for a hard match.", {"Chester": "PERSON"}) == [
        ("Chester", "maybe_place")
    ]


def test_a_resident_of_a_town_names_the_town(gaz, nlp):
    assert texts(gaz, nlp, "A pair preyed on a vulnerable Wodonga resident, police said.") == ["Wodonga"]
    assert texts(gaz, nlp, "The Wodonga Resident Evil tournament sold out.") == []


def test_a_universitys_county_name_is_the_university_only_at_it(gaz, nlp):
    # Sussex, Essex, Kent, Surrey are listed universities used alone; their counties come first but after "at".
    assert texts(gaz, nlp, "Researchers at Sussex found that bees sleep.", {"Sussex": "GPE"}) == []
    assert texts(gaz, nlp, "A student from Sussex was hurt.", {"Sussex": "GPE"}) == ["Sussex"]


def test_a_towns_traders_and_lifeboat_name_the_town(gaz, nlp):
    assert texts(gaz, nlp, "Nanyuki traders protested new county levies on Thursday.") == ["Nanyuki"]
    assert texts(gaz, nlp, "Nanyuki said the traders protested.") == []
    # A town's city hall or town hall: "Residents packed Greymouth city hall" (NER's person or not).
    text = "Protesters filled Greymouth city hall."
    assert found(gaz, nlp, text, {"Greymouth": "PERSON"}) == [("Greymouth", "place_phrase")]
    assert texts(gaz, nlp, "Residents packed the hall.", {}) == []


def test_headlines_say_town_by_what_is_said_of_a_town_not_by_capitals(gaz, nlp):
    assert texts(gaz, nlp, "Floodwaters Cut Off Kerrville As River Crests") == [
        "Kerrville"
    ]  # not Cut Off, LA
    assert texts(gaz, nlp, "Gympie Residents Told To Evacuate As River Rises") == ["Gympie"]
    # NER's guess of a long "person" in a headline hides no town; a given name opening a headline is no town.
    text = "Gympie Flooded Again As River Bursts Banks"
    assert texts(gaz, nlp, text, {"Gympie Flooded Again As River": "PERSON"}) == ["Gympie"]
    assert texts(gaz, nlp, "Florence Flooded With Offers After Final") == []


def test_a_town_and_its_state_after_a_comma_inside_ners_place(gaz, nlp):
    # NER ran an event and its town together; the state after the town says which part is the place.
    text = "Five years after the Camp Fire, Paradise, California, has rebuilt."
    ents = {"the Camp Fire, Paradise": "FAC", "California": "GPE"}
    assert found(gaz, nlp, text, ents)[:1] == [("Paradise", "ner_place_subspan")]


def test_a_universitys_town_by_its_government(gaz, nlp):
    # "7-2" reads as a score to the university filter, which a town's government outweighs.
    assert texts(gaz, nlp, "Berkeley's city council voted 7-2 to ban gas.", {"Berkeley": "ORG"}) == [
        "Berkeley"
    ]
    assert texts(gaz, nlp, "A sophomore at Berkeley, she studies law.", {"Berkeley": "ORG"}) == []


def test_appositions_and_a_villages_government_name_the_town(gaz, nlp):
    text = "Young, a cherry-growing town in New South Wales, ran out of pickers."
    assert texts(gaz, nlp, text, {"New South Wales": "GPE"}) == ["Young", "New South Wales"]
    assert texts(gaz, nlp, "Young, the town clerk, resigned.") == []  # a role after "the town"
    assert texts(gaz, nlp, "Coxsackie village trustees voted for a new water plant.") == ["Coxsackie"]
    assert texts(gaz, nlp, "Wajima's morning market burned down after the quake.") == ["Wajima"]


def test_a_disease_named_after_a_place_by_its_last_word(gaz, nlp):
    assert texts(gaz, nlp, "Lesions typical of Madrid boil were found.", {"Madrid": "GPE"}) == []


def test_a_name_before_what_only_a_person_writes_is_the_person(gaz, nlp):
    assert texts(gaz, nlp, "Denver's theory of natural selection was new.", {"Denver": "GPE"}) == []
    assert texts(gaz, nlp, "Denver's new harbour was busy.", {"Denver": "GPE"}) == ["Denver"]


def test_a_towns_name_that_names_an_accord_is_no_place(gaz, nlp):
    # Where an accord was signed is not a place of the story; a country's name before it is ("the Iran nuclear
    # agreement"), and so is a place whose convention centre or charter school it names.
    assert texts(gaz, nlp, "Canada left the Kyoto Protocol.", {"Kyoto": "GPE"}) == []
    assert texts(gaz, nlp, "Leaders revived the Paris climate agreement.", {"Paris": "GPE"}) == []
    assert texts(gaz, nlp, "The Iran nuclear agreement collapsed.", {"Iran": "GPE"}) == ["Iran"]
    text = "The Paris Convention and Visitors Bureau hired a director."
    assert texts(gaz, nlp, text, {"Paris": "GPE"}) == ["Paris"]
    assert texts(gaz, nlp, "Students met at the Treaty of Paris exhibition.", {"Paris": "GPE"}) == ["Paris"]


def test_a_feature_word_after_a_place_is_no_second_place(gaz, nlp):
    # NER's "Mandalay Bay" (a resort) is not Mandalay and Bay, Somalia; "Armenia-Azerbaijan"-style joins stay two.
    text = "The singer will play Mandalay Bay in December."
    assert "Bay" not in texts(gaz, nlp, text, {"Mandalay Bay": "LOC"})
    assert "Bay" not in texts(gaz, nlp, "The singer will play Mandalay Bay in December.")
    assert texts(gaz, nlp, "Talks on the Madrid-Paris line resumed.", {"Madrid-Paris": "GPE"}) == [
        "Madrid",
        "Paris",
    ]


def test_a_renaming_said_with_todays_names_both_towns(gaz, nlp):
    # "X, today's Y" and "X, as Y was called": the words say both names are one town's.
    assert texts(gaz, nlp, "The bridge at Adrianople, today's Edirne, reopened.") == ["Adrianople", "Edirne"]
    assert texts(gaz, nlp, "The bridge at Adrianople, as Edirne was called, reopened.") == [
        "Adrianople",
        "Edirne",
    ]
    assert texts(gaz, nlp, "The bridge at Adrianople reopened.") == []


def test_a_named_war_makes_a_sentence_history(gaz, nlp):
    # "during the First Balkan War" tells of the past as "during the war" does: an old name there is the city.
    assert texts(gaz, nlp, "Breslau burned during the Winter War.") == ["Breslau"]
    assert texts(gaz, nlp, "Breslau burned during the night.") == []


def test_a_towns_people_name_the_town_but_not_a_firms(gaz, nlp):
    # "Wajima officials", "Wajima rice farmers": the people of a town by its own name; not a listed firm's
    # officials, nor a name common in English.
    assert texts(gaz, nlp, "Wajima officials opened the new market.") == ["Wajima"]
    assert texts(gaz, nlp, "Wajima rice farmers lost their crop.") == ["Wajima"]
    assert texts(gaz, nlp, "Ford officials opened the new plant.") == []
    assert texts(gaz, nlp, "Still officials opened the new plant.") == []


def test_a_place_phrase_takes_the_whole_name_of_its_town(gaz, nlp):
    # "most of Portage la Prairie": the words say place for "Portage"; the town's name goes on.
    text = "Crews restored power to most of Portage la Prairie by Sunday."
    assert texts(gaz, nlp, text, {"Portage la Prairie": "WORK_OF_ART"}) == ["Portage la Prairie"]


def test_a_name_after_a_foreign_street_word_is_the_street(gaz, nlp):
    # "the Plaza de Mayo", "Via Veneto": a square or a street named after a place, not the place.
    assert texts(gaz, nlp, "Crowds filled the Plaza de Madrid on Sunday.", {"Madrid": "GPE"}) == []
    assert texts(gaz, nlp, "Cafes on the Calle Paris were busy.", {"Paris": "GPE"}) == []
    # words English shares only with their particle, and never in a headline: "Via" is a preposition too
    assert texts(gaz, nlp, "Migrants reached Spain via Paris.", {"Spain": "GPE", "Paris": "GPE"}) == ["Paris"]
    assert texts(gaz, nlp, "Crowds filled the Place de Paris.", {"Paris": "GPE"}) == []
    assert texts(gaz, nlp, "Crowds filled the square in Madrid on Sunday.", {"Madrid": "GPE"}) == ["Madrid"]


def test_a_venue_by_its_building_word_or_a_foreign_opening_with_a_particle(gaz, nlp):
    # "the Shwedagon Pagoda in Yangon", "the Plaza de Mayo in Buenos Aires": the venue, placed in its town.
    found_ = found(gaz, nlp, "Monks gathered at the Shwedagon Pagoda in Wajima.", {"Wajima": "GPE"})
    assert ("Shwedagon Pagoda", "venue_name") in found_
    found_ = found(gaz, nlp, "Crowds filled the Plaza de Armas in Wajima.", {"Wajima": "GPE"})
    assert ("Plaza de Armas", "venue_name") in found_


def test_a_persons_possessive_name_blocks_the_surname_later(gaz, nlp):
    # "Whitney Houston's estate … Houston recorded": NER's person ends in "'s"; her surname is still hers.
    text = "Elizabeth Warren's team met donors. Warren visited a school on Friday."
    ents = {"Elizabeth Warren's": "PERSON", "Warren": "GPE"}
    assert texts(gaz, nlp, text, ents) == []
    text = "Elizabeth Warren's team met donors in Warren on Friday."
    assert texts(gaz, nlp, text, {"Elizabeth Warren's": "PERSON", "Warren": "GPE"}) == ["Warren"]


def test_a_place_that_names_an_institution_by_its_whole_name(gaz, nlp):
    # "Kansas City Power & Light": the city, not Kansas — "City" is the place's own word here.
    text = "Kansas City Power & Light reported 2,300 outages."
    assert found(gaz, nlp, text, {"Kansas City Power & Light": "ORG"}) == [
        ("Kansas City", "place_in_organisation")
    ]
    text = "Wichita Police Department said the road was closed."
    assert found(gaz, nlp, text, {"Wichita Police Department": "ORG"}) == [
        ("Wichita", "place_in_organisation")
    ]


def test_a_venue_named_by_a_town_in_its_host_is_the_town(gaz, nlp):
    # "Shells hit the Aleppo Citadel in Syria": Aleppo, not a citadel placed at the country; a town of another
    # state names no venue of this one ("the Townsville Citadel in Victoria" stays the venue).
    ents = {"New South Wales": "GPE"}
    assert ("Sydney", "venue_name") in found(
        gaz, nlp, "Shells hit the Sydney Citadel in New South Wales.", ents
    )


def test_a_headline_festival_or_growers_needs_a_name_no_english_word(gaz, nlp):
    assert ("Buffalo", "common_word_town") not in found(
        gaz, nlp, "Buffalo Growers Count Losses\n\nPrices fell."
    )
    assert ("Wajima", "common_word_town") in found(gaz, nlp, "Wajima Growers Count Losses\n\nPrices fell.")


def test_a_towns_people_only_where_ner_tagged_nothing(gaz, nlp):
    assert ("Wajima", "place_phrase") not in found(gaz, nlp, "Wajima officials opened it.", {"Wajima": "ORG"})
    assert ("Wajima", "place_phrase") in found(gaz, nlp, "Wajima officials opened it.")


def test_a_routes_ends_are_places(gaz, nlp):
    # "the road between Manali and Keylong": a route's ends, each a town of some size, NER's persons or not.
    # (the other end unknown to the index: no list of places)
    text = "A landslide blocked the road between Wajima and Zzyzx."
    assert found(gaz, nlp, text, {"Wajima": "PERSON", "Zzyzx": "PERSON"}) == [("Wajima", "place_phrase")]
    text = "The talks between Wajima and Zzyzx ended."
    assert ("Wajima", "place_phrase") not in found(gaz, nlp, text, {"Wajima": "PERSON", "Zzyzx": "PERSON"})
    # a service's word after the route's ("ferry services between"), "the island of" before its other end
    text = "Ferry services between Wajima and the island of Zzyzx were suspended."
    assert ("Wajima", "place_phrase") in found(gaz, nlp, text)
    # a surname's town at one end when the other is a strong place's name
    for text in (
        "Trains between Reading and Madrid were delayed.",
        "Rail services between Reading and Madrid stopped.",
    ):
        assert ("Reading", "place_phrase") in found(gaz, nlp, text, {"Madrid": "GPE"}), text


def test_a_venues_generic_word_alone_is_no_town(gaz, nlp):
    # "Plaza" of NER's "Plaza Singapura" is no village (Płaza, Poland, by its key "plaza").
    assert "Plaza" not in texts(gaz, nlp, "Shoppers flocked to Plaza Singapura.", {"Plaza Singapura": "GPE"})


def test_the_earth_and_the_planets_are_no_places(gaz, nlp):
    # "Earth" is the planet however it is written; another planet's name is one in a sentence about space, and a
    # town of its name stays where the text says where it is or says nothing of the sky.
    assert texts(gaz, nlp, "Debris fell toward Earth on Sunday.", {"Earth": "LOC"}) == []
    assert texts(gaz, nlp, "NASA's probe photographed Jupiter's moons.", {"Jupiter": "LOC"}) == []
    assert texts(gaz, nlp, "He opened a marina in Jupiter last year.", {"Jupiter": "GPE"}) == ["Jupiter"]
    assert "Jupiter" in texts(
        gaz, nlp, "A comet was seen over Jupiter, Florida, on Friday.", {"Jupiter": "GPE"}
    )
    assert "Earth" in texts(gaz, nlp, "The children of Earth, Texas, voted.", {"Earth": "GPE"})


def test_a_ships_name_is_no_mention_of_its_place(gaz, nlp):
    assert texts(gaz, nlp, "Schoolchildren toured HMS Belfast on Monday.", {"Belfast": "GPE"}) == []
    assert texts(gaz, nlp, "Schoolchildren toured Belfast on Monday.", {"Belfast": "GPE"}) == ["Belfast"]


def test_an_old_name_in_a_sentence_of_history_is_a_place_over_ners_person(gaz, nlp):
    # A town of 13,000 by its Italian name: only in a sentence of the past, right after what was done to it.
    text = "Sailors mutinied at Cattaro in February 1918."
    assert found(gaz, nlp, text, {"Cattaro": "ORG"}) == [("Cattaro", "former_name")]
    assert found(gaz, nlp, "Sailors mutinied at Cattaro on Tuesday.", {"Cattaro": "ORG"}) == []
    assert found(gaz, nlp, "Cattaro Smith said he left in 1918.", {"Cattaro Smith": "PERSON"}) == []


def test_a_name_after_a_that_does_something_is_a_thing_named_after_the_place(gaz, nlp):
    # A breed, a dish or a drink: "A Jindo rescued from a farm", "a Kangal, the shepherd dog," — not "a Moab man".
    assert texts(gaz, nlp, "A Moab rescued from a farm was adopted.", {"Moab": "GPE"}) == []
    assert texts(gaz, nlp, "A Moab man was arrested.", {"Moab": "GPE"}) == ["Moab"]
    assert "Moab" in texts(gaz, nlp, "A Moab, Utah, man was arrested.", {"Moab": "GPE", "Utah": "GPE"})


def test_a_persons_surname_again_is_the_person_by_what_only_a_person_does(gaz, nlp):
    text = "Kerry Washington hosted the gala. Washington wore red."
    assert texts(gaz, nlp, text, [("Kerry Washington", "PERSON"), ("Washington", "GPE")]) == []
    assert texts(gaz, nlp, "Washington wore down its rivals.", {"Washington": "GPE"}) == ["Washington"]
    # a given name before a surname that did something to his or her own
    assert texts(gaz, nlp, "Jordan Okafor lost his title.", {"Jordan": "GPE"}) == []


def test_a_persons_surname_that_is_a_countrys_name_is_the_person_when_it_speaks(gaz, nlp):
    text = "Lifeguard Rosa Chile closed the beach. Chile said they would reopen on Tuesday."
    assert texts(gaz, nlp, text, [("Rosa Chile", "PERSON"), ("Chile", "GPE")]) == []
    text = "Lifeguard Rosa Chile closed the beach. Chile said she was proud of the crew."
    assert texts(gaz, nlp, text, [("Rosa Chile", "PERSON"), ("Chile", "GPE")]) == []
    # a government speaks of "it": "France said it would send troops" after "Jim France" is the country
    text = "Lifeguard Rosa Chile closed the beach. Chile said it would raise the minimum wage."
    assert texts(gaz, nlp, text, [("Rosa Chile", "PERSON"), ("Chile", "GPE")]) == ["Chile"]
    # no person of that surname in the text: the country's government speaks
    assert texts(gaz, nlp, "Chile said it would reopen the border.", {"Chile": "GPE"}) == ["Chile"]
    # a country's name that opens a person's name (a given name) is no surname
    text = "Jordan Okafor closed the beach. Jordan said it would reopen the border."
    assert texts(gaz, nlp, text, [("Jordan Okafor", "PERSON"), ("Jordan", "GPE")]) == ["Jordan"]


def test_who_governs_a_state_names_it_whatever_ner_calls_it(gaz, nlp):
    text = "Florida's governor declared a state of emergency."
    assert found(gaz, nlp, text, {"Florida": "ORG"}) == [("Florida", "mislabelled_place")]
    # a town's name is no state's: left to the other rules ("maybe" at most)
    text = "Tanauan's governor spoke."
    assert ("Tanauan", "mislabelled_place") not in found(gaz, nlp, text, {"Tanauan": "ORG"})


def test_a_feature_with_its_generic_word_in_lower_case_is_one_name(gaz, nlp):
    text = "Residents of Suzu on the Noto peninsula queued for water."
    assert ("Noto peninsula", "gazetteer_name") in found(gaz, nlp, text, {"Noto": "ORG"})


def test_where_a_person_lives_after_the_age(gaz, nlp):
    text = "Tara Brennan, 34, of Ratoath, was fined."
    assert found(gaz, nlp, text, [("Tara Brennan", "PERSON"), ("Ratoath", "PERSON")]) == [
        ("Ratoath", "place_phrase")
    ]
    assert found(gaz, nlp, "Tara Brennan, 34, of Ratoath Road, was fined.", {"Tara Brennan": "PERSON"}) == []


def test_a_bare_list_with_one_town_found_takes_the_towns_of_its_country(gaz, nlp):
    # three states, one country: no region in common, no neighbours
    text = "Coeur d'Alene, Dalton and Omaha reported record snowfall."
    assert [t for t, _ in found(gaz, nlp, text, {"Omaha": "GPE"})] == ["Coeur d'Alene", "Dalton", "Omaha"]
    assert [t for t, _ in found(gaz, nlp, "Dalton and Omaha reported snow.", {"Omaha": "GPE"})] == ["Omaha"]


def test_a_long_official_name_is_one_place(gaz, nlp):
    # The index lacks "Kingdom of Jordan": the whole name is one mention (placed at Jordan), not Jordan alone.
    text = "Envoys from the Kingdom of Jordan arrived on Monday."
    assert found(gaz, nlp, text, {"Jordan": "GPE"}) == [("Kingdom of Jordan", "gazetteer_name")]
    # an organisation's "X Federation of …" is no state
    text = "The Omaha Federation of Chess Clubs met on Monday."
    assert "Omaha Federation of Chess Clubs" not in texts(gaz, nlp, text)


def test_an_old_name_of_a_small_town_in_a_sentence_of_history(gaz, nlp):
    # a town of a few thousand is what its old name names where history is told, whatever NER made of it
    assert found(gaz, nlp, "The fleet was destroyed at Navarino in 1827.") == [("Navarino", "former_name")]
    assert found(gaz, nlp, "The fleet was at Navarino in 1827.", {"Navarino": "PERSON"}) == [
        ("Navarino", "former_name")
    ]
    assert found(gaz, nlp, "The fleet was at Navarino on Tuesday.") == []


def test_a_renaming_of_one_small_town_names_both_its_names(gaz, nlp):
    # both names are one town's: its size does not matter ("Frobisher Bay, as Iqaluit was called until 1987")
    ents = {"Frobisher Bay": "PERSON", "Iqaluit": "NORP"}
    assert texts(gaz, nlp, "Frobisher Bay, as Iqaluit was called until 1987, grew.", ents) == [
        "Frobisher Bay",
        "Iqaluit",
    ]
    assert texts(gaz, nlp, "Frobisher Bay (now Iqaluit) grew.", {"Frobisher Bay": "PERSON"}) == [
        "Frobisher Bay",
        "Iqaluit",
    ]
    # two names of different places, each too small to be named by a renaming, are not
    assert texts(gaz, nlp, "Navarino, as Iqaluit was called until 1987, grew.", {"Navarino": "PERSON"}) == []


def test_what_a_name_is_said_after_it_makes_it_a_place(gaz, nlp):
    # "X was the capital of …", "X is the county seat of …": the words after the name say it is a town
    assert found(gaz, nlp, "Iqaluit is the capital of the territory.", {"Iqaluit": "NORP"}) == [
        ("Iqaluit", "place_phrase")
    ]
    assert texts(gaz, nlp, "Gympie was once the largest town of the goldfields.", {"Gympie": "PERSON"}) == [
        "Gympie"
    ]
    # a port of call, a person's office, the city's mayor: no town
    for text in ("Coxsackie was a port of call for the fleet.", "Coxsackie was the city's mayor."):
        assert ("Coxsackie", "place_phrase") not in found(gaz, nlp, text, {"Coxsackie": "PERSON"})


def test_a_given_name_and_a_surname_is_a_person_however_many_towns_are_named_after_him(gaz, nlp):
    # NER's person "Benito Juárez" is the man, not the municipality named after him; not so "Dún Laoghaire" (no
    # given name) nor "Virginia Beach" (a place's generic word after the given name)
    for text, ents in (
        ("Benito Juárez's government fled north.", {"Benito Juárez's": "PERSON"}),
        ("Benito Juárez led the fight.", {"Benito Juárez": "PERSON"}),
    ):  # at most a "maybe" one, placed only where the story is (see maybe_place)
        assert [rule for _, rule in found(gaz, nlp, text, ents)] in ([], ["maybe_place"])
    assert texts(gaz, nlp, "Ferries left Dún Laoghaire at noon.", {"Dún Laoghaire": "PERSON"}) == [
        "Dún Laoghaire"
    ]
    assert texts(gaz, nlp, "Crowds filled Virginia Beach at noon.", {"Virginia Beach": "PERSON"}) == [
        "Virginia Beach"
    ]
    # a town named after a person, where the words put something in it
    assert texts(gaz, nlp, "Rents rose fastest in Milton Keynes.", {"Milton Keynes": "PERSON"}) == [
        "Milton Keynes"
    ]
    ents = {"Milton Keynes": "PERSON"}
    assert [r for _, r in found(gaz, nlp, "Milton Keynes said he would run.", ents)] in ([], ["maybe_place"])


def test_a_firm_or_a_product_the_apposition_names_is_no_place(gaz, nlp):
    # "X, the/Turkey's biggest brewer", "X, the chile-lime seasoning": a firm's or a product's noun in the apposition
    assert texts(gaz, nlp, "Efes, Turkey's biggest brewer, raised prices.") == ["Turkey"]
    assert texts(gaz, nlp, "Sales of Efes, the chile-lime seasoning, rose.", {"Efes": "ORG"}) == []
    # a town's apposition keeps it a town, and so does a product's region
    assert texts(gaz, nlp, "Efes, Turkey's smallest village, grew.") == ["Efes", "Turkey"]
    assert texts(gaz, nlp, "Efes, the beer region, grew.", {"Efes": "GPE"}) == ["Efes"]


def test_a_newspapers_name_is_no_place_of_the_story(gaz, nlp):
    # the place a newspaper is named for names the paper ("the Belfast Telegraph reported", "the Kyoto Morning Post")
    assert texts(gaz, nlp, "The Belfast Telegraph reported the fire.", {"Belfast Telegraph": "ORG"}) == []
    assert texts(gaz, nlp, "The Kyoto Morning Post reported the fire.") == []
    assert found(gaz, nlp, "A Belfast Star-Telegram reporter saw it.") == []
    assert (
        texts(gaz, nlp, "The Belfast State Journal reported the fire.") == []
    )  # "the Lansing State Journal"
    # not a post office, a square or a plural
    assert texts(gaz, nlp, "The Belfast Post Office closed.") == ["Belfast"]
    assert texts(gaz, nlp, "The Belfast Stars won.", {"Belfast": "GPE"}) == ["Belfast"]
    assert texts(gaz, nlp, "Crowds in Belfast cheered.") == ["Belfast"]


def test_a_rare_town_name_after_at_is_the_town(gaz, nlp):
    # "the jetty at Savusavu": NER's person or organisation after "at", a town's own name rare in English
    assert found(gaz, nlp, "The jetty at Gympie was rebuilt.", {"Gympie": "PERSON"}) == [
        ("Gympie", "locative_name")
    ]
    # not a student's university, nor a name common in English or in the census ("looked at Tyler")
    assert ("Gympie", "locative_name") not in found(
        gaz, nlp, "Students at Gympie protested.", {"Gympie": "ORG"}
    )
    assert ("Tyler", "locative_name") not in found(
        gaz, nlp, "She looked at Tyler and left.", {"Tyler": "PERSON"}
    )


def test_more_ways_of_saying_two_names_are_one_towns(gaz, nlp):
    # "x, now w", "x, the port now called w", "s, as the Venetians called t", "s was called t until 1833"
    ents = {"Navarino": "PERSON"}
    for text in (
        "Navarino, now Pylos, grew.",
        "Navarino, the old port now called Pylos, grew.",
        "Navarino, as the Venetians called Pylos, grew.",
    ):
        assert texts(gaz, nlp, text, ents) == ["Navarino", "Pylos"], text
    assert texts(gaz, nlp, "Pylos was called Navarino until 1833.", ents) == ["Pylos", "Navarino"]
    # a person's age, a title or a name given to a child is no town's other name
    assert texts(gaz, nlp, "Navarino, now 45, grew.", ents) == []
    assert texts(gaz, nlp, "The boy was named Navarino after his grandfather.", ents) == []


def test_a_town_name_after_a_given_name_ner_left_alone_is_a_surname(gaz, nlp):
    # "Shoemaker Tomáš Baťa's factory": NER silent, the text matcher's town is the man's surname
    off = frozenset({"surname_after_given_name"})
    assert found(gaz, nlp, "Builder Alan Mandalay's firm grew.", disabled=off) == [
        ("Mandalay", "gazetteer_name")
    ]
    assert texts(gaz, nlp, "Builder Alan Mandalay's firm grew.") == []
    # not after a word of place, nor a state's name
    assert texts(gaz, nlp, "Builders moved to Alan Mandalay.") == ["Mandalay"]
    assert texts(gaz, nlp, "Fans of Alan Florida cheered.") == ["Florida"]
    assert texts(gaz, nlp, "In Mandalay, the mercury rose.") == [
        "Mandalay"
    ]  # "In" is a census given name too
    # an accented given name before a state's name: "fly-half Seán Kerry" (Kerry, an Irish county, is an admin-1 unit)
    assert texts(gaz, nlp, "The fly-half Seán Florida kicked the winning penalty.") == []
    # a councillor's title, then a given name: "Cllr Siobhán Clare said"
    assert texts(gaz, nlp, "Cllr Siobhán Mandalay said the town needed housing.") == []
    # NER's organisation or person right after a given name it left out: the surname, a state's name too
    text = "Local activist Teresa Florida said the vote would hurt the poorest residents."
    assert texts(gaz, nlp, text, {"Florida": "ORG"}) == []
    assert texts(gaz, nlp, text, {"Florida": "ORG"}, disabled=off) == ["Florida"]
    # … not NER's place, nor after a word of place
    assert texts(gaz, nlp, text, {"Florida": "GPE"}) == ["Florida"]
    assert texts(gaz, nlp, "Builders moved to Alan Florida.", {"Florida": "ORG"}) == ["Florida"]


def test_a_place_made_into_a_kind_of_thing_is_no_place(gaz, nlp):
    assert texts(gaz, nlp, "They opened a Belfast-style pub.") == []
    assert texts(gaz, nlp, "Police used Houston-type tactics.", {"Houston": "GPE"}) == []
    assert texts(gaz, nlp, "They opened a pub in Belfast.") == ["Belfast"]


def test_where_things_happen_after_a_rare_towns_name(gaz, nlp):
    # "Taung, where a fossil skull was found": a town's own name rare in English, before ", where"
    assert found(gaz, nlp, "Gympie, where gold was found in 1867, grew.") == [("Gympie", "place_phrase")]
    # not a firm or a university, nor a name common in English or a census name
    assert ("Tyler", "place_phrase") not in found(
        gaz, nlp, "Tyler, where she worked for ten years, said nothing."
    )
    assert texts(gaz, nlp, "Deal, where the talks stalled, was signed.") == []


def test_a_beer_and_a_bank_named_for_a_place(gaz, nlp):
    assert texts(gaz, nlp, "Sales of Gympie beer rose.", {"Gympie": "ORG"}) == []
    assert texts(gaz, nlp, "Bank Gympie posted a profit.", {"Gympie": "GPE"}) == []
    assert texts(gaz, nlp, "A bank in Gympie posted a profit.", {"Gympie": "GPE"}) == ["Gympie"]


def test_a_banks_branch_named_for_its_place_keeps_the_place(gaz, nlp):
    # "HSBC Bank Malta", "United Bank Charleston": the bank's branch in the place (both corpora mark it)
    assert texts(gaz, nlp, "Shares of HSBC Bank Gympie fell.", {"Gympie": "GPE"}) == ["Gympie"]


def test_what_review14_found_the_new_rules_took_for_places(gaz, nlp):
    # "at": only after what is or happens at a town, never a feeling or a job ("anger at X", "an economist at X")
    for text in (
        "Anger at Gympie grew.",
        "An economist at Gympie said so.",
        "Rockets were fired at Gympie's bunker.",
    ):
        assert ("Gympie", "locative_name") not in found(gaz, nlp, text, {"Gympie": "PERSON"}), text
    # a newspaper's word before another capitalised word names no paper ("the Belfast Star Ferry")
    assert texts(gaz, nlp, "The Belfast Star Ferry sailed.", {"Belfast": "GPE"}) == ["Belfast"]
    # a product's noun that does not end the apposition ("Efes, Turkey's craft beer mecca")
    assert texts(gaz, nlp, "Efes, Turkey's craft beer mecca, grew.") == ["Efes", "Turkey"]
    # an old name of a small town that is a word of English, in a sentence of history
    assert texts(gaz, nlp, "The probe reached Neptune in 1989.") == []


def test_a_time_zone_after_a_clock_time_is_no_place(gaz, nlp):
    assert texts(gaz, nlp, "Talks resumed at 9:30 p.m. Belfast time.", {"Belfast": "GPE"}) == []
    assert texts(gaz, nlp, "In Belfast time seemed to stand still.", {"Belfast": "GPE"}) == ["Belfast"]


def test_an_amendment_named_for_a_town_is_an_accord_but_not_a_states_numbered_measure(gaz, nlp):
    assert texts(gaz, nlp, "Ghana ratified the Gympie Amendment on refrigerants.", {"Gympie": "GPE"}) == []
    assert texts(gaz, nlp, "Voters passed Florida Amendment 4.", {"Florida": "GPE"}) == ["Florida"]


def test_a_name_standing_alone_that_is_only_a_rare_towns(gaz, nlp):
    # NER silent, no word around it saying place: a town of 5,000 by its own name rare in English is the town
    assert found(gaz, nlp, "Nanyuki welcomes its first train in 60 years.") == [("Nanyuki", "rare_town")]
    assert found(gaz, nlp, "Wodonga's old bridge reopened.") == [("Wodonga", "rare_town")]
    assert found(gaz, nlp, "The mine at Gypsum, long shut, reopened.") == [("Gypsum", "rare_town")]
    for text, ents in (
        ("Wodonga said the talks would resume.", {}),  # a person by what follows
        ("Coxsackie welcomes its first train.", {}),  # a town too small to be meant without a word of place
        ("Gypsum prices rose sharply.", {}),  # opening a sentence, a word this common is a noun
        ("He opened a 1970 Wodonga at dinner.", {}),  # a vintage
        ("The team said Monash engineers built it.", {}),  # a listed university
        ("Wodonga posted a profit.", {"Wodonga": "ORG"}),  # NER's firm: mislabelled_town weighs it
        ("Shares rose as Wodonga shares hit a record.", {}),  # a firm's shares (review15)
        ("The Wodonga government rejected the plan.", {}),  # a person's government
        ('"Wodonga is a special player," he said.', {}),
    ):
        assert all(rule != "rare_town" for _, rule in found(gaz, nlp, text, ents)), text


def test_a_ship_named_after_a_place_after_its_kind_is_no_place(gaz, nlp):
    assert texts(gaz, nlp, "The arms ship Belfast anchored off Wodonga.", {"Belfast": "GPE"}) == ["Wodonga"]
    assert texts(gaz, nlp, "The tanker Belfast docked.", {"Belfast": "GPE"}) == []
    assert texts(gaz, nlp, "A ship from Belfast docked.", {"Belfast": "GPE"}) == ["Belfast"]


def test_a_sides_fans_in_a_match_make_it_a_team(gaz, nlp):
    text = "Burnley fans sang before kick-off."
    doc = make_doc(nlp, text, {"Burnley": "GPE"})
    assert [(m.text, m.source) for m in Recognizer(gaz).recognize(doc, text=text)] == [("Burnley", "maybe")]
    assert texts(gaz, nlp, "Burnley fans of jazz met on Sunday.", {"Burnley": "GPE"}) == ["Burnley"]


def test_a_news_agency_and_a_peoples_paper_are_no_places(gaz, nlp):
    assert texts(gaz, nlp, "The Belfast News Agency reported it.", {"Belfast": "GPE"}) == []
    assert texts(gaz, nlp, "The Tyler Register reported it.", {"Tyler": "GPE"}) == []
    assert texts(gaz, nlp, "The French Times reported it.", {"French": "NORP"}) == []
    # a people's word before no paper's own word stays the people's country
    assert texts(gaz, nlp, "He set a French Standard for it.", {"French": "NORP"}) == ["French"]
    assert texts(gaz, nlp, "The Tyler Register of Deeds resigned.", {"Tyler": "GPE"}) == ["Tyler"]


def test_a_persons_name_that_opens_or_closes_with_a_places_name(gaz, nlp):
    # NER's place "Rio Ferdinand": a place's name before a census given name, the whole no place
    assert texts(gaz, nlp, "Tulum Harold will present the awards.", {"Tulum Harold": "GPE"}) == []
    # NER's firm "Isabel Allende": a given name and a surname rare in English
    assert texts(gaz, nlp, "Florence Okonjo will receive the prize.", {"Florence Okonjo": "ORG"}) == []


def test_a_battle_ner_took_whole_is_the_town_history_names_it_by(gaz, nlp):
    text = "Peace came with the Treaty of Adrianople in 1829."
    assert found(gaz, nlp, text, {"the Treaty of Adrianople": "FAC"}) == [("Adrianople", "ner_place_subspan")]
    # not a name common in English ("the Battle of Ali")
    assert texts(gaz, nlp, "Fans recalled the Battle of Ali.", {"the Battle of Ali": "FAC"}) != ["Ali"]


def test_a_dotted_credential_whose_second_half_ner_took_for_a_place(gaz, nlp):
    text = "Rev. Ann Lee, D.Min., spoke on Sunday."
    assert texts(gaz, nlp, text, {"Ann Lee": "PERSON", "Min": "GPE"}) == []
    assert texts(gaz, nlp, "Rev. Ann Lee moved to Min.", {"Ann Lee": "PERSON", "Min": "GPE"}) == ["Min"]


def test_a_rare_town_by_its_official_name_not_another_spelling(gaz, nlp):
    assert found(gaz, nlp, "Tramore lifeguards rescued three swimmers.") == [("Tramore", "rare_town")]
    # by another spelling of a town of 20,000 (TRANSLITERATED_TOWN_POPULATION), not by another name altogether
    assert found(gaz, nlp, "Nahariya's schools reopened.") == [("Nahariya", "rare_town")]
    assert found(gaz, nlp, "Zabrovka's schools reopened.") == []


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("The surrender was signed in the early hours of May 7, 1945.", True),
        ("Troops entered the port on May 7, 1943.", True),
        ("Copernicus was born there in 1473.", True),
        ("Voters go to the polls on May 7, 2024.", False),
        ("The team beat its rivals 2-0.", False),
    ],
)
def test_a_sentence_tells_of_the_past_by_a_date_with_its_day_too(text, past):
    from geo.placestring import tells_of_the_past

    assert tells_of_the_past(text, 4, 8) is past


def test_a_ships_kind_is_no_verb_and_no_countrys_ship(gaz, nlp):
    assert texts(gaz, nlp, "Growers ship Florida oranges abroad.", {"Florida": "GPE"}) == ["Florida"]
    assert texts(gaz, nlp, "The only destroyer Ireland has sailed.", {"Ireland": "GPE"}) == ["Ireland"]
    assert texts(gaz, nlp, "The cargo ship Belfast sank.", {"Belfast": "GPE"}) == []


def test_a_papers_word_that_is_a_verb_keeps_the_place(gaz, nlp):
    assert texts(gaz, nlp, "Thousands In Belfast Register To Vote", {"Belfast": "GPE"}) == ["Belfast"]


def test_fans_without_a_game_are_a_towns_people(gaz, nlp):
    assert texts(gaz, nlp, "Burnley fans packed the town hall.", {"Burnley": "GPE"}) == ["Burnley"]


def test_a_rare_units_own_name_standing_alone(gaz, nlp):
    # a district's or a department's own name, rare in English, NER silent: the unit ("the Lozère town")
    assert found(gaz, nlp, "Herders said Serengeti grass, long dry, burned.") == [("Serengeti", "rare_town")]


def test_a_headline_of_a_towns_workers_or_schools(gaz, nlp):
    assert texts(gaz, nlp, "Gympie Miners Protest Pay Cut") == ["Gympie"]
    assert texts(gaz, nlp, "Gympie Schools Reopen After Floods") == ["Gympie"]


def test_senior_counsel_after_a_person_is_no_state(gaz, nlp):
    ents = {"Aoife Byrne": "PERSON", "SC": "GPE"}
    assert texts(gaz, nlp, "Barrister Aoife Byrne, SC, spoke at the inquest.", ents) == []
    assert texts(gaz, nlp, "Officials in SC said the road was closed.", {"SC": "GPE"}) == ["SC"]


def test_a_board_certified_credential_and_a_name_before_a_credential(gaz, nlp):
    # "FNP-BC" (board-certified), after another credential of the person: no British Columbia
    ents = {"Amy Fox": "PERSON", "BC": "GPE"}
    assert texts(gaz, nlp, "Amy Fox, DNP, FNP-BC, runs the clinic.", ents) == []
    assert texts(gaz, nlp, "Officials in BC said the road was closed.", {"BC": "GPE"}) == ["BC"]
    # NER's place of a given name and a word of place, a credential after it: the person
    assert texts(gaz, nlp, "Sue Park, LCSW-C, counsels families.", {"Sue Park": "GPE"}) == []
    assert texts(gaz, nlp, "Charlotte Park, MD, hosted the fair.", {"Charlotte Park": "GPE"})[:1] == [
        "Charlotte Park"
    ]
    # … nor before a state's code: "Florence Heights, S.C., voted"
    ents = {"Florence Heights": "GPE", "SC": "GPE"}
    assert texts(gaz, nlp, "Florence Heights, SC, voted.", ents)[:1] == ["Florence Heights"]


def test_a_firm_named_for_a_place_is_no_place_of_the_story(gaz, nlp):
    # a bank's, an airline's or an industry's word around the place names the firm
    assert texts(gaz, nlp, "Bank of Madrid will cut 300 jobs in Paris.", {"Paris": "GPE"}) == ["Paris"]
    assert texts(gaz, nlp, "Air New Zealand resumed flights to Auckland.", {"Auckland": "GPE"}) == [
        "Auckland"
    ]
    assert texts(gaz, nlp, "Tulsa Airlines and Omaha Petroleum merged.") == []
    assert texts(gaz, nlp, "The Reserve Bank of India held rates.", {"Reserve Bank of India": "ORG"}) == []
    # not a river's bank, an air base, nor a town's utility or service
    assert texts(gaz, nlp, "Cafes on the West Bank of Tulsa reopened.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Jets from Tulsa Air Force Base flew.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Tulsa Power & Light raised rates.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Crowds in Auckland cheered.") == ["Auckland"]
    # the industry's word before the place, or a firm's words after it ("Oil India", "Tulsa National Oil Company")
    assert texts(gaz, nlp, "Cement Utah and Oil Virginia merged.") == []
    assert texts(gaz, nlp, "Tulsa National Oil Company said it would grow.") == []
    # a town's public service or utility serves the town
    assert texts(gaz, nlp, "The Tulsa Water Company said it would grow.") == ["Tulsa"]
    # a brand's word ends the name: a ferry line, a phone company, a beer, glassware, a pizza chain
    for brand in ("Tulsa Ferries", "Omaha Mobile", "Tulsa Brown Ale", "Omaha Crystal", "Tulsa Pizza"):
        assert texts(gaz, nlp, f"Sales of {brand} rose in Auckland.", {"Auckland": "GPE"}) == ["Auckland"], (
            brand
        )
    # … but not a word that goes on into another name
    assert texts(gaz, nlp, "The Tulsa Ferries Museum opened.", {"Tulsa": "GPE"}) == ["Tulsa"]


def test_a_ground_or_hall_ner_took_for_a_person_or_a_work_is_a_venue(gaz, nlp):
    # a stadium's, arena's or convention centre's word closes the name, whatever NER's label
    text = "Fans filled Gelora Karno Stadium before the match in Madrid."
    assert ("Gelora Karno Stadium", "venue") in found(gaz, nlp, text, {"Gelora Karno Stadium": "PERSON"})
    text = "The Araneta Coliseum will close for repairs."
    assert ("Araneta Coliseum", "venue") in found(gaz, nlp, text, {"The Araneta Coliseum": "WORK_OF_ART"})
    # NER's stray lower-case word after the name is left out
    text = "A fire broke out under the stands of My Dinh Stadium on Monday."
    assert ("My Dinh Stadium", "venue") in found(gaz, nlp, text, {"My Dinh Stadium on": "ORG"})
    # not a person, nor an event at a stadium
    assert found(gaz, nlp, "Dinh Karno scored twice.", {"Dinh Karno": "PERSON"}) == []
    text = "The Stadium Series Arena drew fans."
    assert ("Stadium Series Arena", "venue") not in found(gaz, nlp, text, {"Stadium Series Arena": "EVENT"})


def test_a_province_after_a_towns_comma_that_holds_it(gaz, nlp):
    # "Tanauan, Leyte,": the admin-2 unit after the comma holds a reading of the town, whatever NER called it
    text = "Families in Tanauan, Leyte, still live in tents."
    assert found(gaz, nlp, text, {"Tanauan": "GPE", "Leyte": "ORG"}) == [
        ("Tanauan", "ner_place"),
        ("Leyte", "unit_after_town"),
    ]
    # NER's person of the unit's name alone ("in Salisbury, Wiltshire,") is the unit too
    assert ("Leyte", "unit_after_town") in found(gaz, nlp, text, {"Tanauan": "GPE", "Leyte": "PERSON"})
    # not a town after the comma, nor a unit without a town before it
    assert ("Madison", "unit_after_town") not in found(
        gaz, nlp, "Tanauan, Madison, was calm.", {"Tanauan": "GPE"}
    )
    assert ("Leyte", "unit_after_town") not in found(gaz, nlp, "Rain hit Leyte, the island.")


def test_a_peoples_word_that_names_a_language_is_no_mention_of_their_country(gaz, nlp):
    assert texts(gaz, nlp, "The French-speaking minority in Paris grew.", {"Paris": "GPE"}) == ["Paris"]
    assert texts(gaz, nlp, "Signs in Paris are in French, not English.", {"Paris": "GPE"}) == ["Paris"]
    # a people's word describing something is their country's
    assert "French" in texts(gaz, nlp, "She grew up in French villages.", {"French": "NORP"})


def test_an_industry_word_before_a_title_case_word_or_a_public_body_is_no_firm(gaz, nlp):
    # (review16) a headline's or a public body's words: the place stays
    assert texts(gaz, nlp, "Tulsa Oil Minister Says Output Will Rise", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "The Tulsa Air and Water Show drew crowds.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "The Tulsa Food Bank fed 300 families.", {"Tulsa": "GPE"}) == ["Tulsa"]
    # a person whose surname is a ground's word is no venue
    assert found(gaz, nlp, "Bruce Arena coached the team.", {"Bruce Arena": "PERSON"}) == []


def test_a_peoples_word_beside_another_or_a_speaker_of_parliament_is_their_country(gaz, nlp):
    # (review16) coordinated adjectives and a parliament's speaker are not languages
    text = "Migrants drowned in French and Sri Lankan waters."
    assert texts(gaz, nlp, text, {"French": "NORP", "Sri Lankan": "NORP"}) == ["French", "Sri Lankan"]
    text = "The French speaker of parliament resigned."
    assert texts(gaz, nlp, text, {"French": "NORP"}) == ["French"]
    # a list of people's words is no list of languages
    text = "Prices rose in French, Sri Lankan and Indian shops."
    assert "French" in texts(gaz, nlp, text, {"French": "NORP", "Sri Lankan": "NORP"})


def test_a_diseases_describing_words_between_the_place_and_the_disease(gaz, nlp):
    assert texts(gaz, nlp, "A case of Utah tick fever was confirmed.", {"Utah": "GPE"}) == []
    assert texts(gaz, nlp, "Utah cattle ranchers met.", {"Utah": "GPE"}) == ["Utah"]


def test_an_untagged_rare_town_before_a_verb_is_a_town_where_the_story_names_its_country(gaz, nlp):
    # (17th session) a verb that is no speaker's after a word NER left untagged: a person or a firm, unless the
    # story names the country of one of its towns
    text = "Coyhaique recorded the worst air quality in Chile on Monday."
    assert found(gaz, nlp, text, {"Chile": "GPE"}) == [("Coyhaique", "rare_town"), ("Chile", "ner_place")]
    assert found(gaz, nlp, "Coyhaique recorded the worst air quality on Monday.") == []
    # a speaker's verb is a person's, whatever the story names
    assert "Coyhaique" not in texts(gaz, nlp, "Coyhaique said the air in Chile was bad.", {"Chile": "GPE"})


def test_a_place_on_or_in_another_in_one_ner_span_is_two_places(gaz, nlp):
    text = "Frigates used Port Mahon on Minorca as their base."
    assert found(gaz, nlp, text, {"Port Mahon on Minorca": "FAC"}) == [
        ("Port Mahon", "ner_place_parts"),
        ("Minorca", "ner_place_parts"),
    ]
    # names joined by "of" are one name the index lacks, not two far units
    text = "Kororareka lies in the Bay of Islands."
    assert not {"Bay", "Islands"} & set(texts(gaz, nlp, text, {"the Bay of Islands": "LOC"}))


@pytest.mark.parametrize(
    "text",
    [
        # the firm speaks of the towns before: "the bank confirmed" names the sentence's subject
        "The lender will shut branches in Madrid and Tulsa, the bank confirmed.",
        # the firm's own people
        "The chain opened its 50th restaurant in Tulsa, the chain's local franchisee said.",
        # no comma, and the firm's noun opens the next clause
        "After the sale of its stores in Madrid and Tulsa the retail chain is now selling its last one.",
        # an island chain is no firm
        "Ferries link the island chain Tulsa belongs to.",
    ],
)
def test_a_firms_noun_that_speaks_of_a_town_leaves_it_a_town(gaz, nlp, text):
    assert "Tulsa" in texts(
        gaz, nlp, text, {"Madrid": "GPE", "Tulsa": "GPE"} if "Madrid" in text else {"Tulsa": "GPE"}
    )


def test_a_firm_described_as_a_maker_and_newspapers(gaz, nlp):
    text = "Pendleton, the blanket maker, will close its mill."
    assert found(gaz, nlp, text, {"Pendleton": "GPE"}) == []
    assert texts(gaz, nlp, text, {"Pendleton": "GPE"}, disabled=frozenset({"described_as_company"})) == [
        "Pendleton"
    ]
    # the firm's town after ", of" is its town, not the firm
    text = "She works at Modular Systems, of Fitzgerald, a maker of homes."
    assert "Fitzgerald" in texts(gaz, nlp, text, {"Fitzgerald": "GPE"})
    assert texts(gaz, nlp, "The Hartford Courant reported the sale.", {"Hartford": "GPE"}) == []


def test_goods_named_for_a_town_and_venues_named_by_their_building(gaz, nlp):
    text = "Demand for Chanderi saris has surged in Paris."
    assert texts(gaz, nlp, text, {"Chanderi": "GPE", "Paris": "GPE"}) == ["Paris"]
    # a market closing NER's person before "in Town" is a venue; a census name closing it stays a person
    text = "Stallholders at Ben Thanh Market in Tulsa said trade was slow."
    assert ("Ben Thanh Market", "venue") in found(
        gaz, nlp, text, {"Ben Thanh Market": "PERSON", "Tulsa": "GPE"}
    )
    text = "Shirley Temple in Tulsa signed autographs."
    assert found(gaz, nlp, text, {"Shirley Temple": "PERSON", "Tulsa": "GPE"}) == [("Tulsa", "ner_place")]
    # a foreign venue's name opens with its building's word: a venue under a dateline, "in Town" or not
    text = "TULSA — The match at the Stadion Narodowy was moved."
    doc = make_doc(nlp, text, {"the Stadion Narodowy": "ORG"})
    mentions = Recognizer(gaz).recognize(doc, dateline=(0, 5), text=text)
    assert ("Stadion Narodowy", "venue") in [(m.text, m.rule) for m in mentions]
    # without a dateline it is no venue of a story that says nowhere
    assert ("Stadion Narodowy", "venue") not in found(gaz, nlp, text[8:], {"the Stadion Narodowy": "ORG"})


def test_smaller_towns_where_the_words_or_the_story_say_town(gaz, nlp):
    # a headline's town of 1,000+ by a name rare in English, before what is said of a town
    assert found(gaz, nlp, "Longreach Graziers Welcome Drought-Breaking Rain") == [
        ("Longreach", "common_word_town")
    ]
    # NER's one-word organisation: a town of 2,000+ when NER's places name its country
    text = "Inuvik marked the return of the sun, the Canadian town's mayor said."
    assert ("Inuvik", "mislabelled_town") in found(gaz, nlp, text, {"Inuvik": "ORG", "Canadian": "NORP"})
    assert ("Inuvik", "mislabelled_town") not in found(
        gaz, nlp, "Inuvik marked the return of the sun.", {"Inuvik": "ORG"}
    )
    # a town named like a person, before its municipal council
    text = "Gotse Delchev municipal council voted to close two schools."
    assert found(gaz, nlp, text, {"Gotse Delchev": "PERSON"}) == [("Gotse Delchev", "place_phrase")]


def test_events_accords_and_state_universities_named_after_places(gaz, nlp):
    assert texts(gaz, nlp, "She won the Boston Marathon on Monday.", {"Boston": "GPE"}) == []
    assert texts(gaz, nlp, "She ran in Boston on Monday.", {"Boston": "GPE"}) == ["Boston"]
    assert texts(gaz, nlp, "Egypt regained Sinai under the Camp David Accords.", {"Camp David": "FAC"}) == []
    text = "Emily Carter, a junior at Ohio State, won the title."
    assert texts(gaz, nlp, text, {"Ohio": "GPE"}) == []
    assert texts(gaz, nlp, "Ohio State Police closed the road.", {"Ohio": "GPE"}) == ["Ohio"]
    text = "The quarterback transferred from Ohio State after one season."
    assert texts(gaz, nlp, text, {"Ohio": "GPE"}) == []
    text = "The inmate was transferred from Ohio State Penitentiary."
    assert texts(gaz, nlp, text, {"Ohio": "GPE"}) == ["Ohio"]


def test_antiquity_tells_of_the_past_for_an_old_name(gaz, nlp):
    # "ancient" between the cue and the name, and as the sentence's word of the past
    assert found(gaz, nlp, "Pilgrims prayed at ancient Cattaro.") == [("Cattaro", "former_name")]
    assert found(gaz, nlp, "Pilgrims prayed at Cattaro.") == []


def test_clubs_banks_schools_cartels_and_news_outlets_named_after_places(gaz, nlp):
    assert texts(gaz, nlp, "Espérance de Tulsa beat the visitors 1-0.", {"Tulsa": "GPE"}) == []
    assert texts(gaz, nlp, "Banco Popular de Paris will close two branches.", {"Paris": "GPE"}) == []
    assert texts(gaz, nlp, "Police said the Tulsa Cartel controls the routes.", {"Tulsa": "GPE"}) == []
    assert texts(gaz, nlp, "Tulsa World News reported heavy snow.", {"Tulsa": "GPE"}) == []
    # a town's own name after "de" stays ("Santiago de Chile" is one name; "a bank in Tulsa" is Tulsa)
    assert texts(gaz, nlp, "She opened a bank in Tulsa.", {"Tulsa": "GPE"}) == ["Tulsa"]


def test_what_is_said_only_of_a_town_outweighs_ners_person_and_its_verb(gaz, nlp):
    text = "Coyhaique was flooded after the storm."
    assert found(gaz, nlp, text, {"Coyhaique": "PERSON"}) == [("Coyhaique", "mislabelled_town")]
    assert ("Coyhaique", "mislabelled_town") not in found(
        gaz, nlp, "Coyhaique was born in 1950.", {"Coyhaique": "PERSON"}
    )


def test_a_side_by_its_nickname_in_a_result_and_a_holding_firm(gaz, nlp):
    text = "The Tulsa Drillers beat the Omaha Storm Chasers on Tuesday."
    assert texts(gaz, nlp, text, {"Tulsa": "GPE", "Omaha": "GPE"}) == []
    # a battle's verb is no game: history keeps its places
    text = "Prussian troops defeated the French at Paris in 1871."
    assert "Paris" in texts(gaz, nlp, text, {"Paris": "GPE"})
    assert texts(gaz, nlp, "Tulsa Holding bought a hotel in Omaha.", {"Tulsa": "GPE", "Omaha": "GPE"}) == [
        "Omaha"
    ]


def test_a_name_before_a_regnal_number_is_a_monarchs(gaz, nlp):
    text = "Worshippers filled the Paris II Mosque on Friday."
    assert "Paris" not in texts(gaz, nlp, text)


def test_review17_places_the_new_filters_keep(gaz, nlp):
    # an event's name ends before a noun of its own ("Open house"), never in a headline, never a country's
    assert texts(gaz, nlp, "The Tulsa Open house tour drew crowds.", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Schools In Tulsa Open Early After Storm Damage", {"Tulsa": "GPE"}) == ["Tulsa"]
    assert texts(gaz, nlp, "He won the New Zealand Open on Sunday.", {"New Zealand": "GPE"}) == [
        "New Zealand"
    ]
    assert texts(gaz, nlp, "She won the Tulsa Marathon on Sunday.", {"Tulsa": "GPE"}) == []
    # a lawmaker is no maker; an independent councillor is no paper; a big city's tea prices are its market's
    assert texts(
        gaz, nlp, "The bill passed in Virginia, a lawmaker told reporters.", {"Virginia": "GPE"}
    ) == ["Virginia"]
    assert texts(gaz, nlp, "An Omaha Independent councillor resigned.", {"Omaha": "GPE"}) == ["Omaha"]
    assert texts(gaz, nlp, "The Omaha Independent reported the fire.", {"Omaha": "GPE"}) == []
    assert texts(gaz, nlp, "Lagos tea prices rose on Monday.", {"Lagos": "GPE"}) == ["Lagos"]


def test_said_before_finds_what_the_search_finds():
    # said_before skips a search when the words before the position do not end on the pattern's last letters: on
    # every capitalised word of the case texts (and on hand-made ones), it answers as the search over its window.
    import json
    from pathlib import Path

    from geo import recognize, resolve
    from geo.placestring import said_before

    before = [
        (resolve._ADMIN_BEFORE, 24, resolve._ADMIN_BEFORE_ENDS),
        (resolve._TOWN_BEFORE, 20, resolve._TOWN_BEFORE_ENDS),
        (recognize._LOCATIVE, 12, recognize._LOCATIVE_ENDS),
        (recognize._ON_ISLAND, 12, recognize._ON_ISLAND_ENDS),
        (recognize._LOCATIVE_THE, 16, ("he",)),
        (recognize._SEROTYPE_BEFORE, 40, recognize._SEROTYPE_ENDS),
        (recognize._SHARES_IN, 20, ("in", "of")),
        (recognize._TEACHES_AT, 40, recognize._AT_ENDS),
        (recognize._STUDY_AT, 50, recognize._AT_ENDS),
        (recognize._STUDIES_AT, 40, ("at", "om")),
        (recognize._NO_TOWN_AT, 24, recognize._AT_ENDS),
        (recognize._DRINK_OF, 14, ("of",)),
        (recognize._COMPANY_BEFORE, 40, recognize._COMPANY_ENDS),
        (recognize._UNIVERSITY_AND, 40, ("nd",)),
    ]
    texts = [
        "the governor of Georgia, upstate New York, rural Quebec, western New York, central Otago, the city of Mendoza",
        "floods on Java, off Lampedusa, fires across the Algarve, Salmonella enterica serovar Bareilly, S. Newport",
        "shares in Santander, a lecturer at Deakin, a junior at Ohio State, bottles of Rioja, the insurer Zurich",
        "the carmaker Toyota, the tech giant Apple, Harvard and Yale, researchers from Sussex, anger at Amorim",
        "the CITY OF Mendoza, the Mayor Of Sligo, STUDIED AT Brown, the ſtate of Georgia, STUDIES\u212a at Brown",
    ]
    for path in sorted(Path(__file__).parent.glob("cases/*.jsonl")):
        texts += [
            json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    checked = 0
    for text in texts:
        for word in re.finditer(r"(?<=\s)[A-Z]", text):
            start = word.start()
            for pattern, window, ends in before:
                found = pattern.search(text, max(0, start - window), start)
                said = said_before(pattern, text, start, window, ends)
                assert (found and found.span()) == (said and said.span()), (
                    pattern.pattern[-40:],
                    text[:start],
                )
                checked += found is not None
    assert checked > 100


def test_a_towns_name_before_state_is_its_university(gaz, nlp):
    text = "A Tulsa State sophomore won the debate title in Auckland."
    assert texts(gaz, nlp, text, {"Tulsa": "GPE", "Auckland": "GPE"}) == ["Auckland"]
    # a state's name before "State" stays without words of study ("California State" may be the state's own), and
    # so does the town before its state university's full name
    text = "Fires spread across Florida State lands; Tulsa State University is in Tulsa."
    assert texts(gaz, nlp, text, {"Florida": "GPE", "Tulsa": "GPE"}) == ["Florida", "Tulsa", "Tulsa"]


def test_an_ocean_that_ends_a_firms_name_is_the_firm(gaz, nlp):
    text = "Cathay Pacific resumed flights to Auckland."
    assert texts(gaz, nlp, text, {"Cathay Pacific": "ORG", "Auckland": "GPE"}) == ["Auckland"]
    # a part of the ocean, and the ocean named alone, stay
    text = "The South Pacific Forum met; storms crossed the Pacific."
    assert texts(gaz, nlp, text, {"South Pacific Forum": "ORG", "Pacific": "LOC"}) == ["Pacific", "Pacific"]


def test_an_apostrophe_inside_a_transliterated_name_keeps_it_whole(gaz, nlp):
    assert found(gaz, nlp, "Shelling hit Ta'izz on Monday.") == [("Ta'izz", "gazetteer_name")]
    assert texts(gaz, nlp, "Shelling hit Ta’izz’s old town.") == ["Ta’izz"]


def test_the_names_of_a_list_before_a_units_plural_are_those_units(gaz, nlp):
    # whatever NER took them for: the plural after the list says what its members are
    text = "Schools in Rice and Hennepin counties closed."
    assert found(gaz, nlp, text, {"Rice": "PERSON"}) == [("Rice", "unit_list"), ("Hennepin", "unit_list")]
    # not names the index holds as no such unit, nor without the plural
    assert texts(gaz, nlp, "Schools in Rice and Qwerty counties closed.", {"Rice": "PERSON"}) == ["Rice"]
    assert texts(gaz, nlp, "Schools in Rice and Hennepin closed.", {"Rice": "PERSON"}) == []


def test_what_the_currency_and_state_school_rules_leave_alone(gaz, nlp):
    # Found in review: a currency's singular without "the" is money held there; "State of the City" is a speech
    text = "Iran dollar deposits grew, and Tulsa State of the City speeches drew crowds."
    assert texts(gaz, nlp, text, {"Iran": "GPE", "Tulsa": "GPE"}) == ["Iran", "Tulsa"]
    assert texts(gaz, nlp, "The Iran riyal fell; traders sold Iran riyals.", {"Iran": "GPE"}) == []


def test_end_to_end_a_venue_named_after_a_far_place_is_no_mention_of_it(parser, gazetteer):
    # The hospital, the gate, the clinic honour or face a far place: the text puts them elsewhere.
    def names(p, text):
        return [r.mention.text for r in p.parse(text).resolutions]

    text = "He was flown to Wellington Hospital in central London after the crash."
    assert "Wellington" not in names(parser, text) and "London" in names(parser, text)
    assert "Damascus" not in names(parser, "A fire broke out near the Damascus Gate in Jerusalem on Friday.")
    assert "Cleveland" not in names(parser, "She was treated at the Cleveland Clinic Abu Dhabi last year.")
    # a venue in (or near) the place it is named after keeps that place
    assert "Springfield" in names(parser, "The Springfield Science Museum in Springfield will host the show.")
    without = Geoparser(gazetteer, disabled_rules=["venue_named_elsewhere"])
    assert "Wellington" in names(without, text)


def test_one_unknown_word_ner_calls_a_place_needs_a_place_word_or_a_towns_ending(gaz, nlp):
    # No reading anywhere, nothing before it that puts a place there: a person or a firm, not a pin nearby
    assert texts(gaz, nlp, "Pawlenty signed the bill on Friday.", {"Pawlenty": "GPE"}) == []
    assert texts(gaz, nlp, "Governor Pawlenty signed the bill.", {"Pawlenty": "GPE"}) == []
    # … but after a word of place, with a town's ending, after a name NER cut off, or put "in" a place: kept
    assert texts(gaz, nlp, "The road into Portroe was cut.", {"Portroe": "GPE"}) == ["Portroe"]
    assert texts(gaz, nlp, "Thackerville residents voted.", {"Thackerville": "GPE"}) == ["Thackerville"]
    assert texts(gaz, nlp, "Te Aroha flooded on Monday.", {"Aroha": "GPE"}) == ["Aroha"]
    assert "Registan" in texts(
        gaz, nlp, "Work on Registan in Tulsa ended.", {"Registan": "LOC", "Tulsa": "GPE"}
    )
    # switched off, the word stays
    off = texts(
        gaz, nlp, "Pawlenty signed the bill on Friday.", {"Pawlenty": "GPE"}, disabled=["unknown_one_word"]
    )
    assert off == ["Pawlenty"]


def test_an_unknown_name_that_opens_with_a_given_name_is_a_person(gaz, nlp):
    assert texts(gaz, nlp, "Sheryl Gorsuch said the plan failed.", {"Sheryl Gorsuch": "GPE"}) == []
    # a word at its end, or a word of place before it: a street, a town NER knows better than the index
    assert texts(gaz, nlp, "Francis Street was closed.", {"Francis Street": "GPE"}) == ["Francis Street"]
    assert texts(gaz, nlp, "She moved to Sheryl Gorsuch.", {"Sheryl Gorsuch": "GPE"}) == ["Sheryl Gorsuch"]


def test_an_entity_ending_with_a_members_letters_is_a_person(gaz, nlp):
    # NER's organisation "Helen Tulsa MP": no place inside it, and no state in its letters
    text = "Helen Tulsa MP opened the library in Madrid."
    assert texts(gaz, nlp, text, {"Helen Tulsa MP": "ORG", "Madrid": "GPE"}) == ["Madrid"]
    text = "Anne Tulsa DBE opened the library in Madrid."
    assert texts(gaz, nlp, text, {"Anne Tulsa DBE": "ORG", "Madrid": "GPE"}) == ["Madrid"]
    # … but not a town and a state's code NER joined ("Tulsa OK" is no person's letters)
    text = "Storms hit Tulsa OK and Madrid."
    assert "Tulsa" in texts(gaz, nlp, text, {"Tulsa OK": "ORG", "Madrid": "GPE"})


def test_a_police_force_named_by_its_town(gaz, nlp):
    # "Tulsa RCMP", "Tulsa Gardaí": a force named by the town it polices, whatever NER calls it
    assert texts(gaz, nlp, "Tulsa RCMP are investigating.", {"Tulsa RCMP": "PERSON"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Tulsa Gardaí appealed for help.", {"Tulsa Gardaí": "ORG"}) == ["Tulsa"]


def test_a_states_code_after_a_town_outside_it_is_part_of_a_name(gaz, nlp):
    # "Tulsa SC": a club (Sporting Club), not South Carolina; "Moab UT": Moab is in Utah
    assert texts(gaz, nlp, "Tulsa SC signed a goalkeeper.", {"Tulsa SC": "ORG"}) == ["Tulsa"]
    assert texts(gaz, nlp, "Police in Moab UT arrested a man.", {"Moab": "GPE"}) == ["Moab", "UT"]
    ents = {"Tulsa SC": "ORG"}
    assert "SC" in texts(
        gaz, nlp, "Tulsa SC signed a goalkeeper.", ents, disabled=frozenset({"code_after_a_town_elsewhere"})
    )


def test_a_small_towns_name_with_a_possessive_inside_is_claimed(gaz, nlp):
    # the text matcher claims names of several words from COMPOUND_MIN_POPULATION people, those with a possessive
    # inside ("Pilgrim's Rest") from POSSESSIVE_NAME_POPULATION
    assert texts(gaz, nlp, "Hikers near Pilgrim's Rest found the trail closed.") == ["Pilgrim's Rest"]
    assert texts(gaz, nlp, "Hikers near Pilgrim’s Rest found the trail closed.") == ["Pilgrim’s Rest"]
    assert texts(gaz, nlp, "Miners near Tom Price found the road closed.") == []


def test_a_hyphenated_towns_whole_name_over_neres_first_part(gaz, nlp):
    text = "A new pier opened in Weston-super-Mare on Friday."
    assert found(gaz, nlp, text, {"Weston": "GPE"}) == [("Weston-super-Mare", "elided_name")]


def test_a_name_spelt_with_a_possessive_takes_it_over_neres_shorter_span(gaz, nlp):
    assert found(gaz, nlp, "Snow buried St. John's on Tuesday.", {"St. John": "GPE"}) == [
        ("St. John's", "possessive_name")
    ]
    # not a saint's school, nor a name that no place spells with the possessive
    assert ("St. John's", "possessive_name") not in found(
        gaz, nlp, "St. John's High School closed.", {"St. John": "GPE"}
    )
    assert found(gaz, nlp, "Tulsa's mayor spoke.", {"Tulsa": "GPE"})[0][0] == "Tulsa"


def test_a_town_opening_its_sentence_that_goes_on_of_the_town_or_reopens_its_airport(gaz, nlp):
    for text in (
        "Moab lost its only grocery store in March, and the town has been without one since.",
        "Moab will lose its coal plant by 2029, and the town's council wants a factory instead.",
        "Moab reopened its airport on Monday after the storm.",
    ):
        assert found(gaz, nlp, text) == [("Moab", "common_word_town")], text
    # a speaker of the town is no town; nor is "the town of" another
    for text in (
        "Moab said the town would appeal the ruling.",
        "Moab lost the vote, and the town of Tulsa will host the fair.",
        # (review) a minister opens a pier; "the town" is the one named between; a given name is a person's
        "Moab opened a new pier on Monday.",
        "Moab closed its factory in Tulsa, and the town lost 300 jobs.",
        "Madison visited the plant, and the town's mayor greeted her.",
    ):
        assert ("Moab", "common_word_town") not in found(gaz, nlp, text), text
    # (second review) a firm opens its port or station: NER's organisation or a listed firm
    text = "Moab opened its new station at the depot."
    assert ("Moab", "common_word_town") not in found(gaz, nlp, text, {"Moab": "ORG"})
    assert ("Moab", "common_word_town") in found(gaz, nlp, text)
    assert ("Madison", "common_word_town") not in found(
        gaz, nlp, "Madison visited, and the town's mayor spoke."
    )
    assert found(gaz, nlp, "Moab reopened its airport.", disabled=frozenset({"common_word_town"})) == []


def test_a_county_or_a_states_side_in_a_result_is_dropped_not_kept_as_a_maybe_town(gaz, nlp):
    # a small town's side comes back as a "maybe" mention (its town in a local report); a unit's side never
    text = "Utah beat Victoria 2-1 in the league final in Tulsa."
    assert found(gaz, nlp, text, {"Utah": "GPE", "Victoria": "GPE", "Tulsa": "GPE"}) == [
        ("Tulsa", "ner_place")
    ]
    # … but its fans are its people, and "Utah's #7 team" is the state's ranking
    text = "Utah fans travelled to Tulsa for the league final."
    assert ("Utah", "ner_place") in found(gaz, nlp, text, {"Utah": "GPE", "Tulsa": "GPE"})
    # (review) a state is a side only in a sentence only sport has, never in politics; a nation's side is its nation
    for text in (
        "Utah beat Victoria for the title of fastest-growing state this year in the jobs table.",
        "Utah lost 5-4 at the Supreme Court, and Victoria won its appeal.",
        "Utah won 3-2 over Victoria in the arbitration panel's league decision.",
    ):
        assert texts(gaz, nlp, text, {"Utah": "GPE", "Victoria": "GPE"}) == ["Utah", "Victoria"], text
    text = "Tulsa won 30-21 over Utah's #7 rated team in the league."
    assert "Utah" in texts(gaz, nlp, text, {"Tulsa": "GPE", "Utah": "GPE"})


def test_a_day_ner_took_for_a_facility_is_no_place(gaz, nlp):
    text = "The Tiger-Cats sold out the ground for the Labour Day game in Tulsa."
    assert texts(gaz, nlp, text, {"Labour Day": "FAC", "Tulsa": "GPE"}) == ["Tulsa"]
    assert "Labour Day" in texts(
        gaz, nlp, text, {"Labour Day": "FAC", "Tulsa": "GPE"}, disabled=frozenset({"saints_day"})
    )


def test_a_venue_opening_with_a_foreign_word_runs_on_through_its_particle(gaz, nlp):
    text = "Police fired tear gas outside the Parc des Princes in Paris on Wednesday."
    assert ("Parc des Princes", "venue_name") in found(gaz, nlp, text, {"Paris": "GPE"})
    text = "Crowds filled the Estadio Akron in Paris on Wednesday."
    assert ("Estadio Akron", "venue_name") in found(gaz, nlp, text, {"Paris": "GPE"})


def test_a_preposition_opening_a_sentence_before_a_town_and_its_comma(gaz, nlp):
    # "Florence" is a given name too: the text matcher leaves it alone
    text = "Near Florence, farmers reported hail damage to the olive groves."
    assert found(gaz, nlp, text) == [("Florence", "common_word_town")]
    assert found(gaz, nlp, text, disabled=frozenset({"common_word_town"})) == []
    # a name that goes on through a particle is no town of its first word ("Real de Catorce")
    assert found(gaz, nlp, "Near Florence de Oro, farmers reported hail damage.") == []


def test_a_town_as_common_as_a_word_opening_a_sentence_before_its_people(gaz, nlp):
    # "Williston" (Zipf 2.6) opening a sentence is a word as often as a name — but not before its people or wards
    for text in (
        "Williston man, 87, killed in traffic accident.",
        "Williston family serving as ambassadors.",
    ):
        assert found(gaz, nlp, text) == [("Williston", "rare_town")], text
    assert found(gaz, nlp, "Williston prices rose sharply last month.") == []


def test_a_firm_ner_named_with_a_grounds_word_where_a_crowd_or_a_game_is_a_venue(gaz, nlp):
    for text, name in (
        ("Fans packed Gelora Field for the final.", "Gelora Field"),
        ("The Bucks won 110-104 at Fiserv Forum on Friday.", "Fiserv Forum"),
    ):
        assert (name, "venue") in found(gaz, nlp, text, {name: "ORG"}), text
    # a body's forum, and a firm's name where no crowd or game is
    assert not found(
        gaz, nlp, "Leaders met at the World Economic Forum.", {"the World Economic Forum": "ORG"}
    )
    assert not found(gaz, nlp, "Gelora Field said profits rose.", {"Gelora Field": "ORG"})


def test_a_persons_name_ending_in_arena_is_the_arena_where_a_crowd_packs_it(gaz, nlp):
    text = "Fans packed Gelora Arena for the final in Tulsa."
    assert ("Gelora Arena", "venue") in found(gaz, nlp, text, {"Gelora Arena": "PERSON", "Tulsa": "GPE"})
    # the coach's press conference: a person's possessive
    text = "Reporters packed Gelora Arena's news conference in Tulsa."
    assert ("Gelora Arena", "venue") not in found(gaz, nlp, text, {"Gelora Arena": "PERSON", "Tulsa": "GPE"})


# -- 23rd session ---------------------------------------------------------------------------------------------------


def test_a_town_with_its_river_in_brackets_is_one_name(gaz, nlp):
    text = "Trains between Berlin and Poland via Frankfurt (Oder), on the Polish border, were cancelled."
    ents = {"Berlin": "GPE", "Frankfurt": "GPE", "Oder": "LOC"}
    assert ("Frankfurt (Oder)", "bracketed_name") in found(gaz, nlp, text, ents)
    assert "Oder" not in texts(
        gaz, nlp, text, ents
    )  # the river inside the town's name is no mention of its own
    assert "Frankfurt (Oder)" not in texts(gaz, nlp, text, ents, disabled=frozenset({"bracketed_name"}))
    # brackets that are no part of a name the gazetteer holds leave the mention alone
    assert "Frankfurt" in texts(gaz, nlp, "Flights to Frankfurt (FRA) resumed.", {"Frankfurt": "GPE"})


def test_a_firm_written_in_camel_case_is_no_place(gaz, nlp):
    text = "Roads into Aberdeen were closed, and ScotRail cancelled services north of Aberdeen."
    ents = {"Aberdeen": "GPE", "ScotRail": "GPE"}
    assert "ScotRail" not in texts(gaz, nlp, text, ents)
    assert "ScotRail" in texts(gaz, nlp, text, ents, disabled=frozenset({"camel_case_brand"}))
    # names written with a capital inside that are towns' prefixes are not read as firms
    from geo.recognize import _CAMEL_CASE

    for name in (
        "McAllen",
        "DeKalb",
        "LaGrange",
        "MacKenzie",
        "DuPage",
        "KwaMashu",
        "NoHo",
        "SoHo",
        "TriBeCa",
    ):
        assert _CAMEL_CASE.fullmatch(name) is None, name
    for name in ("EasyJet", "WestJet", "PetroChina", "ScotRail"):
        assert _CAMEL_CASE.fullmatch(name) is not None, name


@pytest.mark.parametrize(
    "text",
    [
        "A Holstein heifer raised by a teenager won the dairy show.",
        "The Holstein cattle were sold at auction.",
    ],
)
def test_a_breed_named_for_a_place_is_no_place(gaz, nlp, text):
    assert "Holstein" not in texts(gaz, nlp, text, {"Holstein": "GPE"})
    off = frozenset({"not_place_phrase", "goods_name"})  # ("cattle were" ends goods' phrase too)
    assert "Holstein" in texts(gaz, nlp, text, {"Holstein": "GPE"}, disabled=off)


def test_a_town_listed_with_the_towns_around_it_is_a_town(gaz, nlp):
    text = "Neighbouring Catarroja and several other towns bordering the lagoon were also flooded."
    assert ("Catarroja", "place_phrase") in found(gaz, nlp, text)
    assert "Catarroja" not in texts(gaz, nlp, "Neighbouring Catarroja was also flooded.")


def test_a_body_of_a_place_that_speaks_is_no_person(gaz, nlp):
    text = "The regional government of Valencia says it has paid out more than 500 million euros."
    assert "Valencia" in texts(gaz, nlp, text, {"Valencia": "PERSON"})
    # a person who speaks stays a person
    assert "Valencia" not in texts(
        gaz, nlp, "A friend of the family, Valencia says it was late.", {"Valencia": "PERSON"}
    )


def test_a_place_noun_or_a_state_after_a_town_outweighs_a_persons_name(gaz, nlp):
    text = "Dennis Mayfield said the water was rising. A tornado tore through the town of Mayfield in 2021."
    ents = {"Dennis Mayfield": "PERSON", "Mayfield": "GPE"}
    assert "Mayfield" in texts(gaz, nlp, text, ents)
    text = "Dennis Mayfield said the water was rising. The money went to a bank in Mayfield, Ky., in 2021."
    ents = {"Dennis Mayfield": "PERSON", "Mayfield": "GPE", "Ky.": "GPE"}
    assert ("Mayfield", "town_comma_parent") in found(gaz, nlp, text, ents)
    # a person's name alone still blocks the town
    text = "Dennis Mayfield said the water was rising. Mayfield said he would stay."
    assert "Mayfield" not in texts(gaz, nlp, text, {"Dennis Mayfield": "PERSON", "Mayfield": "PERSON"})


def test_two_places_joined_by_a_hyphen_are_two_mentions(gaz, nlp):
    text = "Jordan signs deal to speed Aqaba-Amman water pipeline as shortages bite."
    assert [m for m in found(gaz, nlp, text, {"Aqaba-Amman": "PERSON"}) if m[1] == "hyphen_pair"] == [
        ("Aqaba", "hyphen_pair"),
        ("Amman", "hyphen_pair"),
    ]
    # a name the gazetteer holds whole stays whole
    assert "Guinea-Bissau" in texts(gaz, nlp, "Floods hit Guinea-Bissau.", {"Guinea-Bissau": "GPE"})


def test_half_of_a_compound_after_a_combining_form_is_no_place(gaz, nlp):
    text = "Trade on the Trans-Caspian route and the Indo-Pacific grew."
    assert texts(gaz, nlp, text, {"Caspian": "LOC", "Pacific": "LOC"}) == []


def test_a_town_before_its_office_is_no_speaker(gaz, nlp):
    text = '"We left early," said Tulsa city councillor Mary Dacanay.'
    assert "Tulsa" in texts(gaz, nlp, text, {"Tulsa": "ORG", "Mary Dacanay": "PERSON"})


def test_the_market_a_firm_is_listed_in_is_a_place(gaz, nlp):
    text = "Shares in London-listed miner Antofagasta fell."
    assert "London" in texts(gaz, nlp, text, {"London": "GPE", "Antofagasta": "PERSON"})


def test_a_lower_case_place_ner_made_up_is_no_place(gaz, nlp):
    text = "In Aberdeen, the festival opened for its 33rd edition."
    assert texts(gaz, nlp, text, {"Aberdeen": "GPE", "33rd edition": "GPE"}) == ["Aberdeen"]
    off = frozenset({"lower_case_unknown"})
    assert "33rd edition" in texts(gaz, nlp, text, {"Aberdeen": "GPE", "33rd edition": "GPE"}, disabled=off)


@pytest.mark.parametrize(
    "text",
    [
        "Everton came from behind to beat Burnley 2-1 on Saturday.",
        "Everton edge Burnley in a tense derby.",
        "Everton hold off Burnley to reach the semi-final.",
    ],
)
def test_more_results_name_sides(gaz, nlp, text):
    assert "Everton" not in [
        t for t, rule in found(gaz, nlp, text, {"Everton": "GPE"}) if rule != "sports_team"
    ]


def test_an_elided_name_after_a_sentences_locative_opener_is_the_town(gaz, nlp):
    text = "Outside Coeur d'Alene, crews battled the fire."
    assert "Coeur d'Alene" in texts(gaz, nlp, text, {"d'Alene": "PERSON"})
    # a capitalised word before it that is no locative makes a longer name (a person's)
    assert "Coeur d'Alene" not in texts(
        gaz, nlp, "Pastor Coeur d'Alene spoke.", {"Pastor Coeur d'Alene": "PERSON"}
    )


def test_a_town_after_a_places_preposition_outweighs_a_person_of_its_name(gaz, nlp):
    text = "Councillor Gareth Neath said the plant had closed. Contractors in Neath said orders fell."
    ents = {"Gareth Neath": "PERSON", "Neath": "GPE"}
    assert "Neath" in texts(gaz, nlp, text, ents)
    # not a possessive, nor a preposition a person's name follows as often ("a letter to Neath")
    text = "Councillor Gareth Neath said the plant had closed. The note was left in Neath's mailbox."
    assert "Neath" not in texts(gaz, nlp, text, ents)
    text = "Councillor Gareth Neath said the plant had closed. A letter to Neath went unanswered."
    assert "Neath" not in texts(gaz, nlp, text, ents)


def test_a_given_name_that_is_a_country_before_a_surname_and_a_persons_verb(gaz, nlp):
    text = "India Amarteifio stars in the new series filmed in London."
    assert "India" not in texts(gaz, nlp, text, {"India": "GPE", "London": "GPE"})
    assert "India" in texts(
        gaz, nlp, "India beats Pakistan in the final.", {"India": "GPE", "Pakistan": "GPE"}
    )


def test_a_town_opening_a_sentence_that_later_speaks_of_the_town(gaz, nlp):
    """Wherever its sentence goes on of "the town" (or village, shire…), naming nothing between, the name that opens
    it is that town: NER's person too, by a name rare in English."""
    text = "Keroka declared a state of emergency after floods cut the town off for three days."
    assert found(gaz, nlp, text) == [("Keroka", "common_word_town")]
    text = "Greymouth closed its last bank on Friday, and shoppers in the town must now drive an hour."
    assert found(gaz, nlp, text, {"Greymouth": "PERSON"}) == [("Greymouth", "common_word_town")]
    text = "Wodonga widened its main road after traffic in the small border town doubled."
    assert found(gaz, nlp, text) == [("Wodonga", "common_word_town")]
    # However the words right after the name read ("banned" may be a person's), "the town" later says town.
    text = "Greymouth banned quad bikes from its dunes, a move that tour operators in the town say will cost jobs."
    assert found(gaz, nlp, text, {"Greymouth": "PERSON"}) == [("Greymouth", "common_word_town")]
    text = "Longreach banned road trains from its main street after a crash in the town."
    assert found(gaz, nlp, text) == [("Longreach", "common_word_town")]
    text = "Greymouth banned his son from the car after a crash in the town."
    assert ("Greymouth", "common_word_town") not in found(gaz, nlp, text, {"Greymouth": "PERSON"})
    # A smaller town (Longreach: 3,690 people) when the sentence says "the town"; a name with accents.
    text = "Longreach declared a drought emergency, and farmers around the town sold their herds."
    assert found(gaz, nlp, text) == [("Longreach", "common_word_town")]
    assert found(gaz, nlp, "Longreach declared a drought emergency on Monday.") == []
    text = "Płaza lost its last bus service, and pupils in the village now walk to school."
    assert found(gaz, nlp, text) == [("Płaza", "common_word_town")]
    text = "Greymouth approved a new water plant, ending notices that had frustrated residents of the town."
    assert found(gaz, nlp, text, {"Greymouth": "ORG"}) == [
        ("Greymouth", "common_word_town")
    ]  # NER's firm too
    # … but a firm that opens its port is a firm ("Adani opened its new port"), and so is a listed one.
    assert ("Greymouth", "common_word_town") not in found(
        gaz, nlp, "Greymouth opened its new port, and the town cheered.", {"Greymouth": "ORG"}
    )
    # A person's verb, a speaker, "his" or "her", a person's clause, or another name between: not the town.
    for text in (
        "Keroka moved to the town in 1990.",
        "Keroka declared that the town would fight.",
        "Keroka said the town would fight the closure.",
        "Keroka sighed when his house in the town flooded.",
        "Keroka, who runs a bakery, wanted the town's council to act.",
        "Keroka praised Cowra after the town's council voted.",
    ):
        for ents in (
            {"Keroka": "PERSON"},
            {},
        ):  # (NER's person may still be weighed as a place by a later rule)
            assert ("Keroka", "common_word_town") not in found(gaz, nlp, text, ents), text


def test_one_name_before_who_or_a_persons_role_is_a_person(gaz, nlp):
    text = "Lincoln, who has run the bakery for 30 years, said prices rose."
    assert texts(gaz, nlp, text, {"Lincoln": "PERSON"}) == []
    assert texts(gaz, nlp, text, {"Lincoln": "GPE"}) == []  # NER's place too
    text = "Tyler, the city's planning chief, said the plan would pass."
    assert texts(gaz, nlp, text, {"Tyler": "GPE"}) == []
    off = frozenset({"person_apposition"})
    assert texts(gaz, nlp, text, {"Tyler": "GPE"}, disabled=off) == ["Tyler"]
    # "whose" is a place's too; a place's own apposition ("a city of … residents") names no role.
    assert texts(gaz, nlp, "Lincoln, whose cathedral looms, filled up.", {"Lincoln": "GPE"}) == ["Lincoln"]
    text = "Houston, a city of two million residents, flooded again."
    assert texts(gaz, nlp, text, {"Houston": "GPE"}) == ["Houston"]


def test_a_name_whose_town_things_or_whose_officer_speaks_of_it_is_the_town(gaz, nlp):
    # What only a town has, its own after ", whose" — NER's firm, its person, or nothing at all.
    for ents in ({"Lincoln": "ORG"}, {"Lincoln": "PERSON"}, {}):
        text = "Lincoln, whose cathedral dominates the skyline, will host the festival."
        assert found(gaz, nlp, text, ents) == [("Lincoln", "place_phrase")], ents
    assert texts(gaz, nlp, "Lincoln, whose museums draw millions, limits tour groups.") == ["Lincoln"]
    # The town's officer saying it of the town (a speech tag between commas), over NER's person.
    text = "Denver, the city's mayor said, will add bus lanes."
    assert found(gaz, nlp, text, {"Denver": "PERSON"}) == [("Denver", "place_phrase")]
    # A person's: what a person has, or the officer himself in apposition.
    assert texts(gaz, nlp, "Lincoln, whose station wagon broke down, walked home.") == []
    assert texts(gaz, nlp, "Lincoln, whose new car broke down, walked home.", {"Lincoln": "PERSON"}) == []
    assert texts(gaz, nlp, "Denver, the city's mayor, said the plan would pass.", {"Denver": "PERSON"}) == []


def sources(gaz, nlp, text, ents=()) -> list[tuple[str, str]]:
    doc = make_doc(nlp, text, ents)
    return [(m.text, m.source) for m in Recognizer(gaz).recognize(doc, text=text)]


def test_a_lower_case_english_word_opening_a_sentence_untagged_is_a_place_only_near_the_others(gaz, nlp):
    # "buffalo" is a dictionary word: opening a sentence NER left alone it is a "maybe" mention
    assert sources(gaz, nlp, "Buffalo trampled maize fields, farmers said.") == [("Buffalo", "maybe")]
    assert sources(gaz, nlp, "The herd left. “Buffalo trampled the fields,” he said.") == [
        ("Buffalo", "maybe")
    ]
    # … unless the words after it are said of a town
    assert sources(gaz, nlp, "Buffalo got 30 inches of snow overnight.") == [("Buffalo", "gazetteer")]
    assert sources(gaz, nlp, "Buffalo, the lake port city, shut its schools.") == [("Buffalo", "gazetteer")]
    assert sources(gaz, nlp, "Buffalo was a booming grain port.") == [("Buffalo", "gazetteer")]
    # not inside a sentence, and not a name no dictionary writes in lower case ("Lagos", "Madrid")
    assert sources(gaz, nlp, "Snow buried Buffalo overnight.") == [("Buffalo", "gazetteer")]
    assert sources(gaz, nlp, "Lagos traffic ground to a halt.") == [("Lagos", "gazetteer")]
    assert sources(gaz, nlp, "Madrid police made arrests.") == [("Madrid", "gazetteer")]
    # the town's people or a predicate of a town after it, also after a quote
    assert sources(gaz, nlp, "Schools shut. Buffalo residents stayed in.") == [("Buffalo", "gazetteer")]
    assert sources(gaz, nlp, "“Buffalo got 30 inches of snow,” she said.") == [("Buffalo", "gazetteer")]


def test_a_place_that_is_a_given_name_before_a_rare_surname_is_a_person_not_its_first_word(gaz, nlp):
    # NER's place "Paris Adebayo": a given name, then a surname no census lists, rare in English and no place's
    text = "Paris Adebayo, a striker from Omaha, scored twice."
    assert texts(gaz, nlp, text, {"Paris Adebayo": "GPE", "Omaha": "GPE"}) == ["Omaha"]
    # a word of English or a place's name after it leaves the place: "Paris Omaha" is no person of this kind
    assert "Paris" in texts(gaz, nlp, "Paris Fashion shows opened.", {"Paris Fashion": "GPE"})


def test_a_business_word_after_a_place_ends_a_firms_name(gaz, nlp):
    ents = {"Tulsa Consulting Group": "ORG", "Omaha": "GPE"}
    assert texts(gaz, nlp, "A Tulsa Consulting Group report on Omaha was leaked.", ents) == ["Omaha"]
    ents = {"Denver Logistics": "ORG", "Omaha": "GPE"}
    assert texts(gaz, nlp, "Denver Logistics opened a depot in Omaha.", ents) == ["Omaha"]
    # joined to more words, the word names no firm: "the U.S. Securities and Exchange Commission"
    ents = {"Denver Securities and Exchange Board": "ORG"}
    assert "Denver" in texts(gaz, nlp, "The Denver Securities and Exchange Board met.", ents)


def test_a_university_town_said_with_study_or_education_is_the_university(gaz, nlp):
    text = "After her doctorate at Heidelberg, she joined a start-up in Madrid."
    assert texts(gaz, nlp, text, {"Heidelberg": "GPE", "Madrid": "GPE"}) == ["Madrid"]
    text = "The Heidelberg-educated economist grew up in Madrid."
    assert texts(gaz, nlp, text, {"Heidelberg": "GPE", "Madrid": "GPE"}) == ["Madrid"]
    # the town where nothing says study
    text = "Floods hit Heidelberg and Madrid."
    assert texts(gaz, nlp, text, {"Heidelberg": "GPE", "Madrid": "GPE"}) == ["Heidelberg", "Madrid"]
    # a study word elsewhere in the sentence is not enough for a town of this list
    text = "Heidelberg was flooded, and classes at the university were cancelled."
    assert texts(gaz, nlp, text, {"Heidelberg": "GPE"}) == ["Heidelberg"]


def test_two_things_named_after_places_with_a_plural_verb(gaz, nlp):
    text = "A Chihuahua and a Buffalo were rescued from the flat in Madrid."
    assert texts(gaz, nlp, text, {"Chihuahua": "GPE", "Buffalo": "GPE", "Madrid": "GPE"}) == ["Madrid"]
    # a place's people are no thing: "a Madrid man and a Tulsa woman were arrested"
    text = "A Madrid man and a Tulsa woman were arrested."
    assert texts(gaz, nlp, text, {"Madrid": "GPE", "Tulsa": "GPE"}) == ["Madrid", "Tulsa"]


def test_the_new_before_a_currency_issuers_name(gaz, nlp):
    assert texts(gaz, nlp, "The New Taiwan dollar slipped.", {"Taiwan": "GPE"}) == []
    assert texts(gaz, nlp, "Exports from Taiwan slipped.", {"Taiwan": "GPE"}) == ["Taiwan"]


def test_a_side_too_strong_for_another_is_a_team(gaz, nlp):
    # a side named after a small town is a team: kept only as a "maybe" mention, as after "beat"
    ents = {"Wigan": "ORG", "Keroka": "ORG"}
    beaten = sources(gaz, nlp, "Wigan beat Keroka 31-12.", ents)
    assert beaten == [("Keroka", "maybe")]
    assert sources(gaz, nlp, "Wigan were too strong for Keroka, winning 31-12.", ents) == beaten
    assert sources(gaz, nlp, "The heat was too much for Keroka.", {"Keroka": "GPE"}) == [("Keroka", "ner")]


def test_an_acronym_the_text_defines_as_an_organisations_is_no_place(gaz, nlp):
    text = "The Union Trust (UT) met in Madrid. UT officials said talks would resume."
    assert texts(gaz, nlp, text, {"Madrid": "GPE"}) == ["Madrid"]
    # a place's own letters, or letters whose words hold no organisation's word, stay the place
    text = "Snow hit Utah (UT) on Monday. UT roads were closed."
    assert texts(gaz, nlp, text, {"Utah": "GPE"}) == ["Utah", "UT", "UT"]
    text = "The Upper Tablelands (UT) met in Madrid. UT officials said talks would resume."
    assert "UT" in texts(gaz, nlp, text, {"Madrid": "GPE"})


def test_a_credential_after_ners_organisation_that_reads_as_a_persons_name(gaz, nlp):
    # NER's organisation "Thabo Nkosi", then a credential and what a person does: the credential
    ents = {"Thabo Nkosi": "ORG", "MD": "GPE"}
    assert texts(gaz, nlp, "Thabo Nkosi, MD, told the court.", ents) == []
    # not an organisation's own words, nor without what a person does
    ents = {"Acme Group": "ORG", "MD": "GPE"}
    assert texts(gaz, nlp, "Acme Group, MD, told the court.", ents) == ["MD"]
    ents = {"Thabo Nkosi": "ORG", "MD": "GPE"}
    assert texts(gaz, nlp, "Thabo Nkosi, MD, offices closed.", ents) == ["MD"]


def test_the_last_of_a_list_after_a_place_speaks_as_a_place(gaz, nlp):
    # "Officials in Petersburg and Hopewell said…": the list's towns, whose people speak — not a person
    text = "Officials in Omaha and Keroka said the roads were closed."
    assert texts(gaz, nlp, text, {"Omaha": "GPE", "Keroka": "PERSON"}) == ["Omaha", "Keroka"]
    assert texts(gaz, nlp, text, {"Omaha": "GPE"}) == ["Omaha", "Keroka"]
    # alone, the small town's name that speaks is a person's
    assert "Keroka" not in texts(
        gaz, nlp, "Roads in Omaha closed. Keroka said he was stuck.", {"Omaha": "GPE"}
    )
    # an opening word listed with a place is no "maybe" one
    assert sources(gaz, nlp, "Buffalo and Omaha were promised funding.", {"Omaha": "GPE"})[0] == (
        "Buffalo",
        "gazetteer",
    )


def test_a_routes_ends_after_a_word_of_travel(gaz, nlp):
    # "ferries from Fremantle to Rottnest Island": NER's one organisation over both ends, no end found
    text = "Ferries from Keroka to Wajima were cancelled."
    assert texts(gaz, nlp, text, {"Keroka to Wajima": "ORG"}) == ["Keroka", "Wajima"]
    text = "Shares from Keroka to Wajima were sold."
    assert texts(gaz, nlp, text, {"Keroka to Wajima": "ORG"}) == []
    # on the word of travel alone, a census surname stays out ("the drive from Smith to Jones")
    text = "Ferries from Dalton to Smyrna were cancelled."
    assert texts(gaz, nlp, text, {"Dalton to Smyrna": "ORG"}) == ["Smyrna"]


def test_a_place_after_a_locative_word_speaks_as_a_place_whatever_ners_label(gaz, nlp):
    # "church authorities in Galicia said": NER's person after "in" is the place whose people speak
    text = "Church authorities in Townsville said the road was shut."
    assert texts(gaz, nlp, text, {"Townsville": "PERSON"}) == ["Townsville"]
    assert texts(gaz, nlp, "Roads shut. Townsville said he was stuck.", {"Townsville": "PERSON"}) == []


def test_a_town_chosen_to_host_is_the_town(gaz, nlp):
    # (NER silent; a town with no common word's name, which a sentence's predicate makes the town)
    assert ("Avignon", "common_word_town") in found(gaz, nlp, "Avignon has been chosen to host the festival.")
    assert found(gaz, nlp, "Avignon has been chosen as the theme.") == []
