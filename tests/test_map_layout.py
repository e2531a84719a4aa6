"""Maps a reader can read anywhere (issue 18), measured in Debian chromium: at 1400x900, 800x600 and 400x800, in
print media, in --png and --embed mode, no place of the initial view sits under a control or off the map, labels are
drawn without overlapping, a card is on top and readable, and the keyboard and antimeridian fixes hold.

The articles are our own local stories in tests/articles/ (plus the seed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.files import write_atomic
from geo.render import build_map, render_html
from tests.fixtures import CHROMIUM, FLAGS

pytestmark = pytest.mark.browser
ARTICLES = Path(__file__).resolve().parent / "articles"
SIZES = [(1400, 900), (800, 600), (400, 800)]

# Centres of the point markers and label boxes, and the boxes of the controls shown, relative to the map.
GEOMETRY = """() => {
  const map = document.querySelector('.folium-map').getBoundingClientRect();
  const rel = r => ({left: r.left - map.left, top: r.top - map.top, right: r.right - map.left,
                     bottom: r.bottom - map.top});
  const visible = n => { const s = getComputedStyle(n); const r = n.getBoundingClientRect();
                         return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0; };
  const pins = [...document.querySelectorAll('.geo-pin')].map(n => {
    const r = rel(n.getBoundingClientRect()); return {x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2}; });
  const controls = [...document.querySelectorAll('.leaflet-control')].filter(visible)
    .map(n => ({cls: n.className, ...rel(n.getBoundingClientRect())}));
  const labels = [...document.querySelectorAll('.geo-label-text')].filter(visible)
    .map(n => ({text: n.textContent, ...rel(n.getBoundingClientRect())}));
  // The places of the initial view (the focus's bounds, geo.focus.initial_view; every place without one), where the
  // map draws them: a place outside that view is reachable from the text, not expected on the first screen.
  const node = document.querySelector('.folium-map');
  const lmap = window[node.id];
  const data = JSON.parse(document.getElementById('geo-data').textContent);
  const view = data.view ? L.latLngBounds(Array.isArray(data.view) ? data.view : data.view.bounds) : null;
  const expected = data.places.filter(p => !view || view.contains([p.lat, p.lon]))
    .map(p => { const c = lmap.latLngToContainerPoint([p.lat, p.lon]); return {name: p.name, x: c.x, y: c.y}; });
  return {width: map.width, height: map.height, pins, controls, labels, expected};
}"""


def inside(point: dict, box: dict) -> bool:
    return box["left"] <= point["x"] <= box["right"] and box["top"] <= point["y"] <= box["bottom"]


def overlap(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and (b["top"] < a["bottom"] - 0.5)
    )


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def docs(parser, seed_doc):
    found = {
        path.stem: parser.parse(path.read_text(encoding="utf-8"), doc_id=path.stem)
        for path in sorted(ARTICLES.glob("*.txt"))
    }
    found["seed"] = seed_doc
    return found


@pytest.fixture(scope="module")
def pages(docs, tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout")
    out = {}
    for name, doc in docs.items():
        for mode in ("page", "png", "embed"):
            path = folder / f"{name}.{mode}.html"
            write_atomic(path, render_html(build_map(doc, mode=mode)))
            out[name, mode] = path
    return out


def open_page(browser, path: Path, size: tuple[int, int]):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("html[data-geo-ready]", timeout=10_000)
    page.wait_for_selector("html[data-geo-drawn]", state="attached", timeout=10_000)
    return page, errors, requests


def on_map(point: dict, geometry: dict) -> bool:
    return 0 <= point["x"] <= geometry["width"] and 0 <= point["y"] <= geometry["height"]


def check_nothing_hidden(geometry: dict, where: str) -> None:
    assert geometry["pins"] and geometry["expected"], where
    for place in geometry["expected"]:
        assert on_map(place, geometry), f"{where}: a place of the initial view is off the map {place}"
    for pin in geometry["pins"]:
        if not on_map(pin, geometry):
            continue  # a place outside the initial view (a passing mention far away)
        for box in geometry["controls"]:
            assert not inside(pin, box), f"{where}: marker {pin} under {box['cls']}"
    labels = geometry["labels"]
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not overlap(a, b), f"{where}: labels {a['text']!r} and {b['text']!r} overlap"
        for box in geometry["controls"]:
            assert not overlap(a, box), f"{where}: label {a['text']!r} under {box['cls']}"


@pytest.mark.parametrize("mode", ["page", "png", "embed"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_place_of_the_initial_view_is_under_a_control_and_labels_are_drawn(
    browser, pages, docs, size, mode
):
    for name in docs:
        page, errors, requests = open_page(browser, pages[name, mode], size)
        geometry = page.evaluate(GEOMETRY)
        check_nothing_hidden(geometry, f"{name} {mode} {size}")
        if name != "pacific":  # local stories: their places carry names on the map
            assert len(geometry["labels"]) >= 3, f"{name} {mode} {size}: {geometry['labels']}"
        assert errors == [] and requests == []
        page.close()


def test_png_mode_has_no_interactive_controls_but_a_static_legend(browser, pages):
    page, errors, _ = open_page(browser, pages["wildfire", "png"], (800, 600))
    assert page.locator(".leaflet-control-zoom").count() == 0
    assert page.locator(".geo-legend input, .geo-legend button").count() == 0
    legend = page.locator(".geo-legend").inner_text()
    # Six towns and "Residents of Redmond", which opens a sentence: seven.
    assert "Cities, towns (7)" in legend and "States, provinces (2)" in legend
    assert "Countries" not in legend  # only the types present
    assert page.locator(".leaflet-control-scale").count() == 1
    assert errors == []
    page.close()


@pytest.mark.parametrize(
    ("mode", "size", "expanded"),
    [
        ("page", (1400, 900), "true"),
        ("page", (800, 600), "false"),
        ("embed", (1400, 900), "false"),
    ],
)
def test_the_legend_collapses_on_narrow_maps_and_in_fragments(browser, pages, mode, size, expanded):
    page, _, _ = open_page(browser, pages["huntsville", mode], size)
    toggle = page.locator(".geo-legend-toggle")
    assert toggle.get_attribute("aria-expanded") == expanded
    assert page.locator(".geo-legend-body").is_visible() == (expanded == "true")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == ("false" if expanded == "true" else "true")
    page.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_card_is_on_top_of_the_controls_and_names_the_state(browser, pages, size):
    page, errors, _ = open_page(browser, pages["huntsville", "page"], size)
    page.locator(".geo-mention", has_text="Decatur").first.click()
    card = page.locator(".leaflet-popup .geo-card", has=page.locator("h3", has_text="Decatur"))
    card.wait_for(timeout=5000)
    page.wait_for_timeout(300)
    assert card.locator(".geo-where").inner_text() == "Decatur, Alabama, United States (US-AL)"
    geometry = page.evaluate(GEOMETRY)
    popup = page.locator(".leaflet-popup").bounding_box()
    frame = page.locator(".folium-map").bounding_box()
    box = {
        "left": popup["x"] - frame["x"],
        "top": popup["y"] - frame["y"],
        "right": popup["x"] - frame["x"] + popup["width"],
        "bottom": popup["y"] - frame["y"] + popup["height"],
    }
    for control in geometry["controls"]:
        assert not overlap(box, control), f"{size}: card under {control['cls']}"
    # The card is what a click at its centre reaches.
    hit = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y).closest('.leaflet-popup')",
        [popup["x"] + popup["width"] / 2, popup["y"] + popup["height"] / 2],
    )
    assert hit
    assert errors == []
    page.close()


def test_the_card_lists_each_sentence_once_with_all_its_mentions_marked(browser, pages, docs):
    page, _, _ = open_page(browser, pages["huntsville", "page"], (1400, 900))
    huntsville = next(
        i for i, p in enumerate(docs["huntsville"].places()) if p.candidate.name == "Huntsville"
    )
    page.evaluate("p => window.geoFocusPlace(p, false)", huntsville)
    card = page.locator(".leaflet-popup .geo-card", has=page.locator("h3", has_text="Huntsville"))
    card.wait_for(timeout=5000)
    items = card.locator("ol").first.locator("li")
    texts = items.all_inner_texts()
    assert len(texts) == len(set(texts))
    dateline = next(i for i, t in enumerate(texts) if t.startswith("HUNTSVILLE"))
    assert items.nth(dateline).locator("mark").all_inner_texts() == ["HUNTSVILLE", "Huntsville"]
    assert "3 mentions in the article:" in card.inner_text()
    page.close()


def test_the_phone_layout_puts_the_map_on_top_and_the_article_in_the_page_scroll(browser, pages):
    page, _, _ = open_page(browser, pages["wildfire", "page"], (400, 800))
    map_box = page.locator(".folium-map").bounding_box()
    panel = page.locator("#geo-panel")
    panel_box = panel.bounding_box()
    assert map_box["y"] == 0 and map_box["width"] == 400
    assert panel_box["y"] >= map_box["y"] + map_box["height"] - 1
    assert panel.evaluate("n => n.scrollHeight <= n.clientHeight + 1")  # no inner scroll box
    assert page.evaluate("() => document.scrollingElement.scrollHeight > window.innerHeight")
    page.close()


def test_print_media_refits_the_map_and_hides_the_controls(browser, pages):
    page, errors, _ = open_page(browser, pages["wildfire", "page"], (1400, 900))
    page.emulate_media(media="print")
    page.evaluate("() => window.geoRefit()")
    geometry = page.evaluate(GEOMETRY)
    assert geometry["width"] > 1300  # the map takes the printed page's width
    assert page.locator(".leaflet-control-zoom").is_hidden()
    check_nothing_hidden(geometry, "print")
    assert errors == []
    page.close()


@pytest.mark.parametrize(
    ("name", "lat", "lon"), [("Russia", (41, 78), (27, 181)), ("US", (24, 50), (-125, -66))]
)
def test_a_country_across_the_antimeridian_flies_to_its_main_land(browser, pages, name, lat, lon):
    page, _, _ = open_page(browser, pages["pacific", "page"], (1400, 900))
    page.locator(".geo-mention").filter(has_text=re.compile(f"^{name}$")).first.click()
    page.locator(".leaflet-popup .geo-card").wait_for(timeout=5000)
    state = page.evaluate("""() => { const m = window[JSON.parse(document.getElementById('geo-data').textContent).map];
      const c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; }""")
    assert lat[0] < state[0] < lat[1] and lon[0] < state[1] < lon[1] and state[2] >= 2, state
    page.close()


def test_keyboard_skip_link_first_and_escape_closes_the_card(browser, pages):
    page, _, _ = open_page(browser, pages["wildfire", "page"], (1400, 900))
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "geo-skip"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "geo-panel"
    mention = page.locator(".geo-mention", has_text="Sisters").first
    mention.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .geo-card").wait_for(timeout=5000)
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached", timeout=2000)
    assert page.evaluate("() => document.activeElement.textContent") == "Sisters"
    page.close()


def test_a_legend_switch_hides_a_type_and_a_mention_brings_it_back(browser, pages):
    page, errors, _ = open_page(browser, pages["wildfire", "page"], (1400, 900))
    switch = page.locator(".geo-legend-row", has_text="Cities, towns").locator("input")
    switch.uncheck()
    assert page.locator(".geo-pin").count() == 2  # the two states remain
    assert "Portland" not in [label["text"] for label in page.evaluate(GEOMETRY)["labels"]]
    page.locator(".geo-mention", has_text="Portland").first.click()
    page.locator(".leaflet-popup .geo-card h3", has_text="Portland").wait_for(timeout=5000)
    assert switch.is_checked() and page.locator(".geo-pin").count() == 9
    assert errors == []
    page.close()


def test_the_natural_earth_basemap_stays_under_tiles(browser, docs, tmp_path):
    """Opened offline, a --tiles map shows the Natural Earth countries under the (failed) tiles, not a grey field."""
    path = tmp_path / "tiles.html"
    write_atomic(path, render_html(build_map(docs["wildfire"], tiles="osm")))
    page, errors, requests = open_page(browser, path, (1400, 900))
    assert requests and all(r.startswith("https://tile.openstreetmap.org/") for r in requests)  # blocked here
    assert page.locator(".leaflet-geo-basemap-pane path").count() > 100
    assert (
        page.evaluate("() => +getComputedStyle(document.querySelector('.leaflet-geo-basemap-pane')).zIndex")
        < 200
    )
    page.close()
