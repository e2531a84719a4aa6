"""The maps in a real browser: Debian chromium driven by Playwright, every non-file request blocked and counted."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from geo.render import save_map
from tests.common import hostile_article
from tests.fixtures import CHROMIUM, FLAGS, Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: `make setup` installs Debian chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory, seed_doc) -> Path:
    return save_map(seed_doc, tmp_path_factory.mktemp("maps") / "seed.html")


def test_seed_map_loads_offline_without_errors(browser, seed_map):
    page = Page(browser, seed_map)
    assert page.errors == []
    assert page.requests == []
    assert page.page.locator("#geo-panel h1").inner_text().startswith("Blinken Offers Pashinyan")
    page.page.close()


def test_every_place_shows_its_sentences_with_the_mention_highlighted(browser, seed_map, seed_doc):
    page = Page(browser, seed_map)
    places = seed_doc.places()
    for i, place in enumerate(places):
        page.page.evaluate("p => window.geoFocusPlace(p, false)", i)
        card = page.page.locator(
            ".leaflet-popup .geo-card", has=page.page.locator("h3", has_text=place.candidate.name)
        )
        card.wait_for(timeout=5000)
        assert card.locator("h3").inner_text() == place.candidate.name
        marks = card.locator("mark").all_inner_texts()
        assert marks and set(marks) <= {r.mention.text for r in place.resolutions}
        for r in place.resolutions:
            sentence = seed_doc.sentences[r.mention.sentence]
            assert seed_doc.text[sentence.start : sentence.end].strip()[:40] in card.inner_text().replace(
                "\n", " "
            )
        page.page.locator(".leaflet-popup-close-button").click()
    assert page.errors == [] and page.requests == []
    page.page.close()


def test_clicking_a_mention_moves_the_map_to_its_place(browser, seed_map):
    page = Page(browser, seed_map)
    before = page.page.evaluate(
        "() => { const m = window[JSON.parse(document.getElementById('geo-data').textContent).map]; return [m.getCenter().lat, m.getCenter().lng, m.getZoom()]; }"
    )
    page.page.locator(".geo-mention", has_text="Munich").first.click()
    page.page.locator(".leaflet-popup .geo-card h3", has_text="Munich").wait_for(timeout=5000)
    after = page.page.evaluate(
        "() => { const m = window[JSON.parse(document.getElementById('geo-data').textContent).map]; return [m.getCenter().lat, m.getCenter().lng, m.getZoom()]; }"
    )
    assert after != before
    assert abs(after[0] - 48.14) < 1 and abs(after[1] - 11.58) < 1 and after[2] >= 6
    assert page.page.locator(".geo-mention.geo-active", has_text="Munich").count() >= 1
    page.page.close()


def test_hostile_article_renders_literally_and_executes_nothing(browser, parser, tmp_path):
    doc = parser.parse(hostile_article(), doc_id="hostile")
    path = save_map(doc, tmp_path / "hostile.html")
    page = Page(browser, path)
    panel = page.page.locator("#geo-panel .geo-text").inner_text()
    for needle in [
        "{{7*7}}",
        "${alert(1)}",
        "</script><script>window.__pwned=1</script>",
        '<img src=x onerror="window.__pwned=2">',
        "{# unclosed comment",
    ]:
        assert needle in panel
    assert page.page.evaluate("() => window.__pwned") is None
    assert page.page.title() != "pwned"
    assert page.page.locator("#geo-panel img").count() == 0
    assert page.dialogs == [] and page.errors == [] and page.requests == []
    # The payloads also reach a place card, still as text.
    munich = next(i for i, p in enumerate(doc.places()) if p.candidate.name == "Munich")
    page.page.evaluate("p => window.geoFocusPlace(p, false)", munich)
    card = page.page.locator(".leaflet-popup .geo-card")
    card.wait_for(timeout=5000)
    assert "{{ cycler.__init__.__globals__.os.getcwd() }}" in card.inner_text()
    assert "`${document.title='pwned'}`" in card.inner_text()
    assert page.page.evaluate("() => window.__pwned") is None
    page.page.close()


def test_chromium_is_debians(browser):
    """The browser the tests drive is the one Debian's `chromium` package installed, not a downloaded build."""
    owner = subprocess.run(["dpkg", "-S", str(Path(CHROMIUM).resolve())], capture_output=True, text=True)
    assert owner.returncode == 0 and owner.stdout.split(":")[0] == "chromium", owner.stdout + owner.stderr
    version = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", "chromium"], capture_output=True, text=True
    )
    assert version.stdout.split("-")[0] == browser.version  # Playwright launched exactly that build
    assert "ms-playwright" not in str(Path(CHROMIUM).resolve())


def test_embed_fragment_works_inside_a_report_page(browser, seed_doc, tmp_path):
    """The --embed fragment pasted into a report: the map runs inside its sandboxed frame, offline."""
    from geo.render import save_embed

    fragment = save_embed(seed_doc, tmp_path / "seed.embed.html").read_text(encoding="utf-8")
    assert fragment.startswith("<iframe") and fragment.count("<script") == 0  # all markup is inside srcdoc
    report = tmp_path / "report.html"
    report.write_text(
        f"<!doctype html><title>Report</title><h1>Report</h1>{fragment}<p>End.</p>", encoding="utf-8"
    )
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def route(r):
        if r.request.url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(report.as_uri())
    frame = page.frame_locator("iframe")
    frame.locator("html[data-geo-ready]").wait_for(state="attached", timeout=10_000)
    frame.locator(".geo-mention", has_text="Munich").first.click()
    frame.locator(".leaflet-popup .geo-card h3", has_text="Munich").wait_for(timeout=5000)
    assert page.locator("h1").inner_text() == "Report"
    assert requests == [] and errors == []
    page.close()


CITIES = (
    "Boston Chicago Houston Phoenix Philadelphia Dallas Austin Denver Seattle Atlanta Miami Detroit Memphis "
    "Baltimore Milwaukee Albuquerque Tucson Fresno Sacramento Omaha Cleveland Tulsa Oakland Minneapolis Wichita "
    "Pittsburgh Cincinnati Toledo Buffalo Lincoln Orlando Madrid Barcelona Lisbon Paris Lyon Marseille Berlin "
    "Hamburg Munich Vienna Prague Warsaw Budapest Rome Milan Naples Athens Stockholm Oslo Copenhagen Helsinki"
).split()


def test_many_places_cluster_and_each_still_opens_from_the_text(browser, parser, tmp_path):
    text = "Protests spread.\n" + "\n".join(f"Crowds gathered in {city} on Monday." for city in CITIES)
    doc = parser.parse(text, doc_id="many")
    assert len(doc.places()) >= 45
    page = Page(browser, save_map(doc, tmp_path / "many.html"))
    assert page.page.locator(".marker-cluster").count() >= 1  # crowded places are clustered at the first view
    page.page.locator(".geo-mention", has_text="Pittsburgh").first.click()
    page.page.locator(".leaflet-popup .geo-card h3", has_text="Pittsburgh").wait_for(timeout=8000)
    # One switch per feature type present, with counts, in the legend.
    labels = page.page.locator(".geo-legend .geo-legend-row").all_inner_texts()
    assert any(label.strip().startswith("Cities, towns (") for label in labels)
    assert any(label.strip().startswith("Capitals (") for label in labels)
    assert page.errors == [] and page.requests == []


def test_an_approximate_place_says_so_in_the_text_and_the_card(browser, parser, tmp_path):
    doc = parser.parse(
        "The fire started at Qwertyville Mall near Boise, Idaho, on Monday. Boise firefighters came."
    )
    page = Page(browser, save_map(doc, tmp_path / "approx.html"))
    mall = page.page.locator(".geo-mention", has_text="Qwertyville Mall")
    assert "geo-approx" in mall.get_attribute("class")
    assert "approximate: shown at Boise" in mall.get_attribute("title")
    mall.click()
    card = page.page.locator(".leaflet-popup .geo-card", has=page.page.locator("h3", has_text="Boise"))
    card.wait_for(timeout=5000)
    text = card.inner_text()
    assert text.startswith("Boise") and "2 mentions in the article:" in text  # its own names only
    assert "Shown here approximately" in text
    assert card.locator("mark").all_inner_texts() == ["Boise", "Boise", "Qwertyville Mall"]
    assert page.errors == [] and page.requests == []
    page.page.close()


def test_the_card_says_why_in_words_and_a_calibrated_confidence(browser, parser, tmp_path):
    doc = parser.parse("Flooding closed schools in Valdosta, Georgia, on Monday. Valdosta officials met.")
    page = Page(browser, save_map(doc, tmp_path / "why.html"))
    page.page.locator(".geo-mention", has_text="Valdosta").first.click()
    card = page.page.locator(".leaflet-popup .geo-card", has=page.page.locator("h3", has_text="Valdosta"))
    card.wait_for(timeout=5000)
    why = card.locator(".geo-why").inner_text()
    assert why.startswith("Why: ") and "named with its state or country" in why
    valdosta = next(p for p in doc.places() if p.candidate.name == "Valdosta")
    assert f"Confidence {round(valdosta.score * 100)}%" in card.inner_text()
    assert page.errors == [] and page.requests == []
    page.page.close()


def test_the_header_shows_source_date_and_byline_from_the_pages_metadata(browser, parser, tmp_path):
    from dataclasses import replace

    doc = parser.parse_html(
        (Path(__file__).resolve().parent / "pages" / "national_weather.html").read_bytes()
    )
    assert doc.meta.author == "Dana Whitfield"
    doc.meta = replace(doc.meta, author="Dana <img src=x onerror=window.__pwned=1> {{7*7}}")  # shown as text
    page = Page(browser, save_map(doc, tmp_path / "weather.html"))
    panel = page.page.locator("#geo-panel")
    assert panel.locator("h1").inner_text() == "Storm brings flooding to Tulsa and Oklahoma City"
    header = panel.locator(".geo-source")
    assert (
        header.inner_text()
        == "The Daily Courier · 2026-11-12 · By Dana <img src=x onerror=window.__pwned=1> {{7*7}}"
    )
    link = header.locator("a")
    assert link.get_attribute("href") == "https://courier.example/weather/2026/11/12/storm-oklahoma-flooding"
    # The header sits between the headline and the text, and the text starts with the story, not the byline.
    boxes = [panel.locator(s).first.bounding_box() for s in ("h1", ".geo-source", ".geo-text")]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    assert panel.locator(".geo-text p").first.inner_text().startswith("A slow-moving storm dropped")
    assert panel.locator(".geo-text").inner_text().count("Santiago") == 0  # the sidebar is not the story
    assert page.page.evaluate("() => window.__pwned") is None and panel.locator("img").count() == 0
    assert page.errors == [] and page.requests == [] and page.dialogs == []
    page.page.close()
