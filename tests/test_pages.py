"""Articles as people have them: saved news pages, Markdown, folders, and the article's own metadata.

The pages in tests/pages/ are ours, written in the shape of real news sites: edition menus and tickers full of place
names, "most read" sidebars with other places, footers with bureau cities, OpenGraph and JSON-LD metadata, bylines.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo import export
from geo.errors import InputError
from geo.render import map_data
from geo.text import read_article, read_text

PAGES = Path(__file__).resolve().parent / "pages"
GEO = [sys.executable, "-m", "geo.cli"]

# page → (places of the story, places only in menus / sidebars / footers / tickers / related links, metadata)
SAVED_PAGES = {
    "national_weather.html": (
        {"Tulsa", "Oklahoma City", "Muskogee", "Fort Smith", "Springfield", "Missouri"},
        {
            "London",
            "Paris",
            "Tokyo",
            "Sydney",
            "Mumbai",
            "Nairobi",
            "Santiago",
            "Kathmandu",
            "Geneva",
            "Yemen",
            "Athens",
            "Lagos",
            "Denver",
            "Phoenix",
            "New York",
            "Chicago",
            "Berlin",
            "Singapore",
        },
        {
            "title": "Storm brings flooding to Tulsa and Oklahoma City",
            "source": "The Daily Courier",
            "date": "2026-11-12",
            "author": "Dana Whitfield",
            "url": "https://courier.example/weather/2026/11/12/storm-oklahoma-flooding",
            "language": "en-US",
        },
    ),
    "regional_sports.html": (
        {"Kidderminster", "Hereford", "Kettering", "Banbury"},
        {
            "Shrewsbury",
            "Telford",
            "Ludlow",
            "Oswestry",
            "Bridgnorth",
            "Wolverhampton",
            "Stafford",
            "Worcester",
            "Whitchurch",
            "Market Drayton",
            "Church Stretton",
        },
        {
            "title": "Harriers win late at home to keep promotion hopes alive",
            "source": "Borders Gazette",
            "date": "2026-10-04",
            "author": "Tom Ellery",
            "url": "https://bordersgazette.example/sport/football/harriers-win-late",
            "language": "en-GB",
        },
    ),
    "wire_conflict.html": (
        {"Kyiv", "Kharkiv", "Poltava", "Dnipro", "Moscow", "Istanbul", "Ukraine", "Poland", "Slovakia"},
        {
            "Valencia",
            "Buenos Aires",
            "Manila",
            "Odesa",
            "Brussels",
            "Paris",
            "Berlin",
            "Bamako",
            "Perth",
            "Toronto",
            "London",
            "Washington",
            "Tokyo",
            "Johannesburg",
            "São Paulo",
            "Warsaw",
        },
        {
            "title": "Drone strikes hit Kharkiv power plant as talks stall",
            "source": "Wire Service",
            "date": "2026-11-20",
            "author": "Olena Marchenko and James Porter",
            "url": "https://wire.example/world/kharkiv-drone-strikes-power-plant",
            "language": "en",
        },
    ),
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GEO, *args], input=stdin, capture_output=True, text=True, timeout=300)


def place_names(document) -> set[str]:
    return {r.place.name for r in document.resolutions if r.place is not None and not r.approximate}


def placed_mentions(document) -> set[str]:
    """The names in the text that are on the map (how the resolver reads each is another test's business)."""
    return {r.mention.text for r in document.resolutions if r.place is not None}


@pytest.fixture(scope="module")
def page_docs(parser):
    return {name: parser.parse_file(PAGES / name) for name in SAVED_PAGES}


@pytest.mark.parametrize("name", sorted(SAVED_PAGES))
def test_only_the_storys_places_are_found_on_a_saved_page(page_docs, name):
    story, elsewhere, _ = SAVED_PAGES[name]
    found = placed_mentions(page_docs[name]) | place_names(page_docs[name])
    assert story <= found, f"story places missed: {story - found}"
    assert not found & elsewhere, f"places from the page around the story: {found & elsewhere}"


@pytest.mark.parametrize("name", sorted(SAVED_PAGES))
def test_the_pages_metadata_is_on_the_document_and_not_in_the_text(page_docs, name):
    document = page_docs[name]
    meta = SAVED_PAGES[name][2]
    assert document.meta.as_dict() == meta
    assert document.title == meta["title"]
    head = document.text[:200]
    assert meta["title"] not in head  # the headline is the title, not the first paragraph
    assert "By " not in head and meta["author"].split()[0] not in head  # nor is the byline
    assert document.warnings == []


def test_metadata_reaches_the_map_data_and_every_export(page_docs):
    document = page_docs["national_weather.html"]
    data = map_data(document)
    assert (data["title"], data["source"], data["date"], data["author"], data["url"]) == (
        "Storm brings flooding to Tulsa and Oklahoma City",
        "The Daily Courier",
        "2026-11-12",
        "Dana Whitfield",
        "https://courier.example/weather/2026/11/12/storm-oklahoma-flooding",
    )
    record = json.loads(export.to_json(document))
    assert record["source"] == "The Daily Courier" and record["author"] == "Dana Whitfield"
    assert record["date"] == "2026-11-12" and record["language"] == "en-US"
    line = json.loads(export.to_jsonl_line(document))
    assert line["source"] == "The Daily Courier" and line["url"].startswith("https://courier.example/")
    collection = json.loads(export.to_geojson(document))
    assert collection["article"]["source"] == "The Daily Courier"
    assert collection["article"]["title"] == document.title and collection["article"]["id"] == document.id
    rows = list(csv.DictReader(io.StringIO(export.to_csv(document))))
    assert rows and {r["article_source"] for r in rows} == {"The Daily Courier"}
    assert {r["article_date"] for r in rows} == {"2026-11-12"}
    assert {r["article_author"] for r in rows} == {"Dana Whitfield"}
    assert rows[0]["source"] in ("ner", "gazetteer", "dateline")  # the mention's own column is unchanged


def test_a_javascript_url_never_becomes_the_sources_link(parser):
    page = (
        (PAGES / "national_weather.html")
        .read_text(encoding="utf-8")
        .replace("https://courier.example/weather/2026/11/12/storm-oklahoma-flooding", "javascript:alert(1)")
    )
    document = parser.parse_html(page)
    assert map_data(document)["url"] is None


def test_the_python_api_reads_as_the_cli_does(parser, page_docs):
    path = PAGES / "wire_conflict.html"
    done = run("parse", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    cli = json.loads(done.stdout)
    api = json.loads(export.to_json(page_docs["wire_conflict.html"]))
    assert cli == api
    from_bytes = parser.parse_html(path.read_bytes(), doc_id="wire_conflict")
    from_string = parser.parse(path.read_text(encoding="utf-8"), doc_id="wire_conflict")  # format="auto"
    assert json.loads(export.to_json(from_bytes)) == api == json.loads(export.to_json(from_string))


def test_markdown_is_read_as_markdown(parser):
    read = read_article(PAGES / "markdown_story.md")
    assert read.format == "markdown" and read.meta is not None
    assert read.meta.title == "Monsoon floods cut off villages near Sylhet"
    assert (read.meta.source, read.meta.date, read.meta.author) == (
        "Delta Dispatch",
        "2026-07-02",
        "Rafiq Hasan",
    )
    assert read.text.startswith("Heavy rain flooded roads around Sylhet on Tuesday")  # no headline, no byline
    for markup in ("**", "*", "](", "![", "```", "> ", "http", "---"):
        assert markup not in read.text
    document = parser.parse_file(PAGES / "markdown_story.md")
    assert {"Sylhet", "Dhaka"} <= place_names(document)
    # Link URLs, image paths, autolinks and code blocks are not text.
    assert not place_names(document) & {"Karachi", "Lahore", "Colombo", "Kathmandu"}
    assert {m.text for m in document.mentions} <= {"Sylhet", "Sunamganj", "Dhaka"}


def test_a_markdown_heading_without_front_matter_is_the_title_and_a_missing_one_is_not_invented():
    read = read_text("# Talks in Baku\n\nLeaders met in **Munich**.", name="x.md")
    assert read.meta is not None and read.meta.title == "Talks in Baku"
    assert read.text == "Leaders met in Munich."
    untitled = read_text("Leaders met in Munich.\n\nThey left for Baku.", name="x.md")
    assert untitled.meta is not None and untitled.meta.title is None
    page = read_text(
        "<html><body><article><p>Leaders met in Munich on Monday to talk.</p>"
        "<p>They left for Baku.</p></article></body></html>",
        name="x.html",
    )
    assert page.meta is not None and page.meta.title is None  # not the first paragraph


def test_the_fallback_reader_is_used_only_when_extraction_finds_nothing_and_says_so(monkeypatch):
    import geo.text

    monkeypatch.setattr(geo.text, "extract_article", lambda html: None)
    read = read_text("<html><body><nav>Menu</nav><p>Leaders met in Munich.</p></body></html>", name="p.html")
    assert read.text == "Leaders met in Munich."
    assert read.warnings == ("p.html: no main article text found in the page; read all of its text instead",)


@pytest.mark.slow
@pytest.mark.index
def test_a_non_english_article_is_processed_with_a_warning(tmp_path):
    german = tmp_path / "dresden.txt"
    german.write_text(
        "Die Elbe ist in Dresden in der Nacht weiter gestiegen. Die Stadt hat mehrere Straßen in der Altstadt "
        "gesperrt, und die Feuerwehr baut Sandsäcke entlang des Ufers auf. Auch in Meißen und Pirna bereiten sich "
        "die Behörden auf einen Pegel von mehr als sechs Metern vor, teilte die Stadt am Donnerstag mit.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = run("map", str(german), str(PAGES / "german_story.html"), "--out-dir", str(out))
    assert done.returncode == 0, done.stderr
    assert "dresden.txt: the article seems to be in another language (not English)" in done.stderr
    assert "german_story.html: the article seems to be in another language (de)" in done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["dresden.html", "german_story.html"]
    assert read_article(PAGES / "national_weather.html").warnings == ()


@pytest.mark.slow
@pytest.mark.index
def test_suffixes_are_matched_in_any_case(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "STORY.TXT").write_text("Talks were held in Munich on Monday.\n", encoding="utf-8")
    (folder / "PAGE.HTML").write_bytes((PAGES / "regional_sports.html").read_bytes())
    (folder / "Notes.Md").write_text("# Notes\n\nA visit to **Baku**.\n", encoding="utf-8")
    (folder / "photo.JPG").write_bytes(b"\xff\xd8\xff")
    out = tmp_path / "out"
    done = run("map", str(folder), "--out-dir", str(out))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["Notes.html", "PAGE.html", "STORY.html"]
    page = (out / "PAGE.html").read_text(encoding="utf-8")
    assert "Borders Gazette" in page and "Shrewsbury" not in page.split('id="geo-data"')[1]


@pytest.mark.slow
@pytest.mark.index
@pytest.mark.parametrize("content", [[], ["photo.jpg", "notes.docx"]], ids=["empty", "no-articles"])
def test_a_folder_with_no_articles_is_an_error_that_names_it(tmp_path, content):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in content:
        (folder / name).write_bytes(b"x")
    good = tmp_path / "good.txt"
    good.write_text("Talks were held in Munich.\n", encoding="utf-8")
    out = tmp_path / "out"
    done = run("map", str(folder), str(good), "--out-dir", str(out))
    assert done.returncode == 1
    assert f"{folder}: no articles in this folder" in done.stderr
    assert [p.name for p in out.iterdir()] == ["good.html"]  # the other input is still processed
    with pytest.raises(InputError, match="no articles in this folder"):
        from geo.batch import read_inputs

        list(read_inputs(folder))
    if not content:  # geo batch too: exit 1, the folder named, no output folder left behind
        done = run("batch", str(folder), "-o", str(tmp_path / "batch"), "-q")
        assert done.returncode == 1 and f"{folder}: no articles in this folder" in done.stderr
        assert not (tmp_path / "batch").exists()


@pytest.mark.slow
@pytest.mark.index
def test_jsonl_metadata_fields_are_read_and_written():
    record = {
        "id": "r1",
        "text": "Officials met in Munich on Monday.",
        "title": "Talks",
        "date": "2026-05-01",
        "url": "https://news.example/talks",
        "source": "Example News",
        "author": "A. Writer",
    }
    done = run("parse", "--jsonl", "-", stdin=json.dumps(record) + "\n")
    assert done.returncode == 0, done.stderr
    line = json.loads(done.stdout)
    assert {k: line[k] for k in ("title", "date", "url", "source", "author")} == {
        k: record[k] for k in ("title", "date", "url", "source", "author")
    }
    assert [m["name"] for m in line["mentions"]] == ["Munich"]


def test_batch_articles_table_carries_the_metadata(parser, tmp_path, monkeypatch):
    import geo.batch
    import geo.worker

    monkeypatch.setattr(
        geo.worker, "_PARSER", parser
    )  # the parsing process's parser (geo.worker.worker_parser)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "weather.HTML").write_bytes((PAGES / "national_weather.html").read_bytes())
    (folder / "plain.txt").write_text(
        "Talks in Munich\nOfficials met in Munich on Monday.\n", encoding="utf-8"
    )
    articles = list(geo.batch.read_inputs(folder))
    rows = {r["article"]: r for r in geo.batch.parse_partition(0, articles)["articles"]}
    assert set(geo.batch.ARTICLE_COLUMNS) <= set(rows["weather"])
    weather = rows["weather"]
    assert (weather["title"], weather["source"], weather["date"], weather["author"]) == (
        "Storm brings flooding to Tulsa and Oklahoma City",
        "The Daily Courier",
        "2026-11-12",
        "Dana Whitfield",
    )
    assert weather["places"] == 9  # the Arkansas River is a place of its own (data/supplement.csv)
    assert rows["plain"]["title"] == "Talks in Munich" and rows["plain"]["source"] is None
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        json.dumps({"id": "j", "text": "Officials met in Baku.", "source": "Wire", "author": "B. C."}) + "\n",
        encoding="utf-8",
    )
    (article,) = geo.batch.read_inputs(jsonl)
    row = geo.batch.parse_partition(1, [article])["articles"][0]
    assert (row["source"], row["author"], row["title"]) == ("Wire", "B. C.", None)


def test_headline_byline_and_date_lines_that_open_a_page_are_not_body_text():
    page = (
        '<html lang="en"><head><meta property="og:title" content="Port reopens in Lagos"></head><body>'
        "<div class=story><p>Port reopens in Lagos</p><p>By Ada Obi, Staff Writer</p><p>March 3, 2026</p>"
        "<p>The main port in Lagos reopened on Monday after a week-long strike, the ports authority said, and ships "
        "waiting off the coast began to berth.</p><p>Traders in Ibadan said prices had risen.</p></div></body></html>"
    )
    read = read_text(page, name="lagos.html")
    assert read.text.startswith("The main port in Lagos reopened on Monday")
    assert read.meta is not None
    assert (read.meta.title, read.meta.author, read.meta.date) == (
        "Port reopens in Lagos",
        "Ada Obi, Staff Writer",
        "March 3, 2026",
    )
    # A first paragraph that only starts like a byline stays: it is the story.
    story = read_text(
        "<html><body><article><p>By noon, floods had closed roads across Lagos and Ibadan, officials "
        "said, and more rain was expected through the evening and into the night.</p>"
        "<p>Schools stayed shut.</p></article></body></html>",
        name="x.html",
    )
    assert story.text.startswith("By noon, floods had closed roads")
    short = read_text(
        "<html><body><article><p>By Monday, the river had risen.</p><p>Roads in Lagos and Ibadan "
        "were closed by the floods, officials said, and schools stayed shut.</p></article></body></html>",
        name="x.html",
    )
    assert short.text.startswith("By Monday, the river had risen.") and short.meta.author is None


@pytest.mark.slow
@pytest.mark.index
def test_a_non_english_jsonl_record_is_parsed_with_a_warning():
    german = (
        "Die Elbe ist in Dresden in der Nacht weiter gestiegen. Die Stadt hat mehrere Straßen in der Altstadt "
        "gesperrt, und die Feuerwehr baut Sandsäcke entlang des Ufers auf. Auch in Meißen und Pirna bereiten "
        "sich die Behörden auf einen Pegel von mehr als sechs Metern vor, teilte die Stadt am Donnerstag mit. "
        "Die Bahnstrecke nach Prag bleibt unterbrochen."
    )
    lines = [
        json.dumps({"id": "de", "text": german}),
        json.dumps({"id": "fr", "text": "x", "language": "fr"}),
        json.dumps({"id": "en", "text": "Officials met in Munich on Monday."}),
    ]
    done = run("parse", "--jsonl", "-", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    assert "-:1: the article seems to be in another language (not English)" in done.stderr
    assert "-:2: the article seems to be in another language (fr)" in done.stderr
    assert "-:3:" not in done.stderr
    assert [json.loads(x)["id"] for x in done.stdout.splitlines()] == ["de", "fr", "en"]


def test_a_saved_page_in_its_declared_encoding_is_decoded_with_it():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<title>Fête à Genève</title></head><body><article><p>La fête a eu lieu à Genève et à Zürich, "
        "selon les organisateurs.</p></article></body></html>"
    ).encode("iso-8859-1")
    read = read_article(page, name="fete.html")
    assert "Genève et à Zürich" in read.text and read.meta.title == "Fête à Genève"
    assert not any("invalid UTF-8" in w for w in read.warnings)
    undeclared = read_article("Caf\u00e9 in Baku, officials said on Monday.".encode("cp1252"), name="x.txt")
    assert undeclared.warnings[0].startswith("x.txt: invalid UTF-8 at byte 3; decoded as cp1252")
