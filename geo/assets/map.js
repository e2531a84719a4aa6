/* geo map: builds layers, place cards and the text panel from the JSON embedded in the page.
   Article text is only ever set with textContent / createTextNode — never innerHTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("geo-data").textContent);
  var map = window[data.map];
  var text = data.text;

  var G = window.geoCommon;
  G.init(data);
  var el = G.el, colorOf = G.colorOf, plural = G.plural;
  var mode = data.mode || "page";
  document.documentElement.classList.add("geo-mode-" + mode);
  var maxCount = Math.max.apply(null, data.places.map(function (p) { return p.mentions.length; }).concat([1]));
  function countryFill(count) {
    var steps = ["#fde0c5", "#fbb583", "#f7874b", "#e0591e", "#b2400f"];
    var i = Math.min(steps.length - 1, Math.floor((count / (maxCount + 1e-9)) * steps.length - 1e-9));
    return steps[Math.max(0, i)];
  }

  /* ---------- basemap: Natural Earth countries, so the default map needs no tiles ---------- */
  // Drawn right after the page is ready (it is the slowest layer and nothing depends on it); kept under --tiles
  // in a pane below the tiles, so a map opened offline still shows the world.
  var basemap = L.geoJSON(null, {
    interactive: false,
    pane: G.basemapPane(map),
    renderer: G.basemapRenderer(),
    style: G.basemapStyle
  });
  map.getContainer().style.background = G.seaColor;
  basemap.addTo(map);
  var admin1Lines = L.geoJSON(null, {
    interactive: false,
    pane: "geo-basemap",
    renderer: basemap.options.renderer,
    style: G.admin1LineStyle
  }).addTo(map);
  function drawBasemap() {
    basemap.addData(data.basemap);
    if (data.admin1Lines) admin1Lines.addData(data.admin1Lines);
    basemap.bringToBack();
    document.documentElement.setAttribute("data-geo-drawn", "1");
    window.geoTimings.drawn = performance.now();
  }

  /* ---------- the text panel ---------- */
  var panel = document.getElementById("geo-panel");
  panel.tabIndex = -1;
  // Skip link: the first Tab stop jumps over the map's controls and markers to the article.
  var skip = el("a", "geo-skip", "Skip to the article");
  skip.href = "#geo-panel";
  skip.addEventListener("click", function (ev) { ev.preventDefault(); panel.focus(); });
  document.body.insertBefore(skip, document.body.firstChild);
  if (data.title) panel.appendChild(el("h1", null, data.title));
  // Source · date · byline, from the article's own metadata (a page's OpenGraph/JSON-LD, a JSONL record's fields).
  var byline = [data.source, data.date, data.author ? "By " + data.author : null].filter(Boolean);
  if (byline.length || data.url) {
    var source = el("div", "geo-source");
    if (data.url) {
      var link = el("a", null, byline.length ? byline.join(" · ") : data.url);
      link.href = data.url;  // http(s) only (checked in Python)
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      source.appendChild(link);
    } else {
      source.appendChild(document.createTextNode(byline.join(" · ")));
    }
    panel.appendChild(source);
  }
  // What the story is about and where it was filed from (geo.focus), then the counts.
  var about = [];
  if (data.about && data.about.length) about.push("About: " + data.about.join(", "));
  if (data.filedFrom) about.push("Filed from: " + data.filedFrom);
  if (about.length) panel.appendChild(el("div", "geo-meta geo-about", about.join(" · ")));
  var meta = [];
  meta.push(plural(data.places.length, "place", "places") + ", " + plural(data.mentions.length, "mention", "mentions"));
  panel.appendChild(el("div", "geo-meta", meta.join(" · ")));

  var mentionNodes = [];
  var body = el("div", "geo-text");
  panel.appendChild(body);
  var para = el("p");
  body.appendChild(para);
  function appendText(from, to) {
    var chunk = text.slice(from, to);
    var parts = chunk.split(/\n{2,}/);
    parts.forEach(function (part, i) {
      if (i > 0) { para = el("p"); body.appendChild(para); }
      if (part) para.appendChild(document.createTextNode(part));
    });
  }
  var cursor = 0;
  data.mentions.forEach(function (m, i) {
    appendText(cursor, m.start);
    var place = m.place >= 0 ? data.places[m.place] : null;
    var node;
    if (place) {
      node = el("a", "geo-mention geo-type-" + place.type.replace(/ /g, "-"), text.slice(m.start, m.end));
      node.href = "#";
      node.setAttribute("role", "button");
      node.title = m.via ? "approximate: shown at " + place.name + ", the nearest place the article names"
        : place.where + " (" + place.type + ")";
      if (m.via) node.classList.add("geo-approx");
      node.dataset.place = String(m.place);
      node.dataset.mention = String(i);
      node.addEventListener("click", function (ev) { ev.preventDefault(); focusPlace(m.place, true); });
      node.addEventListener("mouseenter", function () { hover(m.place, true); });
      node.addEventListener("mouseleave", function () { hover(m.place, false); });
    } else {
      node = el("span", "geo-mention geo-unresolved", text.slice(m.start, m.end));
      node.title = "recognised, not placed";
    }
    para.appendChild(node);
    mentionNodes.push(node);
    cursor = m.end;
  });
  appendText(cursor, text.length);

  /* ---------- place cards ---------- */
  // Each sentence once, with every mention of the place in it marked.
  function sentenceList(indices) {
    var list = el("ol");
    var bySentence = {};
    var order = [];
    indices.forEach(function (mi) {
      var s = data.mentions[mi].sentence;
      if (!bySentence[s]) { bySentence[s] = []; order.push(s); }
      bySentence[s].push(data.mentions[mi]);
    });
    order.sort(function (a, b) { return a - b; }).forEach(function (si) {
      var span = data.sentences[si];
      var marks = bySentence[si].slice().sort(function (a, b) { return a.start - b.start; });
      var item = el("li");
      var at = span[0];
      marks.forEach(function (m, k) {
        if (m.start < at) return;  // overlapping spans: the first wins
        var before = text.slice(at, m.start);
        item.appendChild(document.createTextNode(k === 0 ? before.replace(/^\s+/, "") : before));
        item.appendChild(el("mark", null, text.slice(m.start, m.end)));
        at = m.end;
      });
      item.appendChild(document.createTextNode(text.slice(at, span[1]).replace(/\s+$/, "")));
      list.appendChild(item);
    });
    return list;
  }
  function card(p) {
    var place = data.places[p];
    var root = el("div", "geo-card");
    root.appendChild(el("h3", null, place.name));
    root.appendChild(el("div", "geo-where", place.where + (place.admin1Code && place.type !== "country" ? " (" + place.admin1Code + ")" : "")));
    root.appendChild(el("div", "geo-sub", place.type + " · " + place.lat.toFixed(3) + ", " + place.lon.toFixed(3)));
    var n = place.mentions.length;
    root.appendChild(el("div", null, plural(n, "mention", "mentions") + " in the article:"));
    root.appendChild(sentenceList(place.mentions));
    if (place.nearby.length) {
      root.appendChild(el("div", "geo-sub geo-approx-head", "Shown here approximately — names the gazetteer does not " +
        "place near this article, put at the nearest place it names:"));
      root.appendChild(sentenceList(place.nearby));
    }
    var conf = el("div", place.low ? "geo-low" : null,
      "Confidence " + Math.round(place.score * 100) + "%" + (place.low ? " (low)" : ""));
    root.appendChild(conf);
    if (place.why && place.why.length) root.appendChild(el("div", "geo-sub geo-why", "Why: " + place.why.join("; ")));
    if (place.alternatives.length) {
      root.appendChild(el("div", "geo-sub geo-alternatives", "Also possible: " + place.alternatives.map(function (a) {
        return a.where + " (" + a.type + ")";
      }).join("; ")));
    }
    if (place.note) root.appendChild(el("div", "geo-sub geo-status", place.note));
    return root;
  }

  /* ---------- layers: one per feature type, drawn from the data (points, lines or areas) ---------- */
  var layerOf = {};
  var groupOf = {};
  var points = data.places.filter(function (p) { return !p.geometry; }).length;
  var CLUSTER_FROM = 40;  // below this many point places nothing needs clustering
  var groups = {};
  var counts = {};
  if (map.options.maxZoom === undefined) map.setMaxZoom(18);  // clustering needs a bound (no tile layer gives one)
  function groupFor(type, isPoint) {
    var key = G.known(type) ? type : "place";
    if (!groups[key]) {
      groups[key] = isPoint && points >= CLUSTER_FROM && L.markerClusterGroup
        ? L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true })
        : L.featureGroup();
    }
    counts[key] = (counts[key] || 0) + 1;
    return groups[key];
  }
  function pinSize(count) { return Math.round(10 + 6 * Math.sqrt(count)); }
  function pinIcon(place, count, active) {
    var size = pinSize(count);
    return L.divIcon({
      className: "geo-pin" + (place.low ? " geo-pin-low" : "") + (active ? " geo-pin-active" : ""),
      iconSize: [size, size],
      html: ""
    });
  }
  var anyLow = false, anyCountry = false, anyPoint = false;
  data.places.forEach(function (place, p) {
    var layer;
    var count = place.mentions.length;
    var dash = place.low ? "5 4" : null;
    anyLow = anyLow || place.low;
    if (place.geometry && place.type === "country") {
      anyCountry = true;
      layer = L.geoJSON(place.geometry, { style: { color: "#7c2d12", weight: 1.2, fillColor: countryFill(count), fillOpacity: 0.75, dashArray: dash } });
    } else if (place.geometry && /LineString/.test(place.geometry.type)) {
      layer = L.geoJSON(place.geometry, { style: { color: colorOf(place.type), weight: 5, opacity: 0.9, dashArray: dash } });
    } else if (place.geometry) {
      layer = L.geoJSON(place.geometry, { style: { color: colorOf(place.type), weight: 2, fillOpacity: 0.25, dashArray: place.type === "disputed area" ? "6 4" : dash } });
    } else {
      anyPoint = true;
      layer = L.marker([place.lat, place.lon], { icon: pinIcon(place, count, false), title: place.where, alt: place.where,
        keyboard: mode !== "png", riseOnHover: true });
      layer.on("add", function () { if (layer._icon) layer._icon.style.setProperty("--geo-color", colorOf(place.type)); });
    }
    var group = groupFor(place.type, !place.geometry);
    group.addLayer(layer);
    groupOf[p] = group;
    layer.bindPopup(function () { return card(p); }, { maxWidth: 360, autoPanPadding: [12, 12] });
    layer.bindTooltip(function () { return el("span", null, place.where + " — " + plural(count, "mention", "mentions")); });
    layer.on("click", function () { highlightMentions(p, true); });
    layer.on("popupopen", function () { highlightMentions(p, false); });
    layerOf[p] = layer;
  });
  G.types().forEach(function (t) { if (groups[t.type]) groups[t.type].addTo(map); });

  /* ---------- labels: place names on the map, larger places first, none over another or over a control ---------- */
  var labelPane = map.createPane("geo-labels");
  labelPane.style.zIndex = 640;  // above markers (600), under tooltips (650) and cards (700)
  labelPane.style.pointerEvents = "none";
  var labels = data.places.map(function (place, p) {
    var node = el("span", "geo-label-text geo-label-" + place.type.replace(/ /g, "-"), place.name);
    var marker = L.marker([place.lat, place.lon], {
      pane: "geo-labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "geo-label", html: node, iconSize: null, iconAnchor: [0, 0] })
    });
    return { p: p, marker: marker, node: node, rank: place.labelRank };
  }).sort(function (a, b) { return a.rank - b.rank; });
  var labelLayer = L.layerGroup(labels.map(function (l) { return l.marker; }));
  function overlaps(a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }
  function placeLabels() {
    var size = map.getSize();
    var taken = G.controlBoxes(map);
    // Every drawn marker is an obstacle for the labels of the others.
    data.places.forEach(function (place, p) {
      var layer = layerOf[p];
      if (place.geometry || !map.hasLayer(layer)) return;
      var c = map.latLngToContainerPoint([place.lat, place.lon]), r = pinSize(place.mentions.length) / 2;
      taken.push({ left: c.x - r, right: c.x + r, top: c.y - r, bottom: c.y + r });
    });
    labels.forEach(function (l) {
      var place = data.places[l.p];
      var shown = map.hasLayer(groupOf[l.p]) && (place.geometry || map.hasLayer(layerOf[l.p]));
      var c = map.latLngToContainerPoint([place.lat, place.lon]);
      var w = l.node.offsetWidth, h = l.node.offsetHeight;
      var gap = place.geometry ? -w / 2 : pinSize(place.mentions.length) / 2 + 3;
      // A shape's name sits on its point, or just above or below it; a dot's to its right, left, above or below.
      var spots = place.geometry ? [[-w / 2, -h / 2], [-w / 2, -1.5 * h], [-w / 2, 0.5 * h]]
        : [[gap, -h / 2], [-gap - w, -h / 2], [-w / 2, -h - gap + 2], [-w / 2, gap - 2]];
      var chosen = null;
      for (var i = 0; shown && i < spots.length && !chosen; i++) {
        var box = { left: c.x + spots[i][0], top: c.y + spots[i][1] };
        box.right = box.left + w; box.bottom = box.top + h;
        if (box.left < 2 || box.top < 2 || box.right > size.x - 2 || box.bottom > size.y - 2) continue;
        if (taken.some(function (t) { return overlaps(t, box); })) continue;
        chosen = spots[i];
        taken.push(box);
      }
      l.node.classList.toggle("geo-label-hidden", !chosen);
      if (chosen) { l.node.style.left = chosen[0] + "px"; l.node.style.top = chosen[1] + "px"; }
    });
    document.documentElement.setAttribute("data-geo-labels", String(labels.filter(function (l) {
      return !l.node.classList.contains("geo-label-hidden");
    }).length));
  }
  labelLayer.addTo(map);
  map.on("zoomend moveend", placeLabels);
  // Clusters open and close after their own animation: label what is drawn then.
  Object.keys(groups).forEach(function (k) { if (groups[k].getVisibleParent) groups[k].on("animationend", placeLabels); });

  /* ---------- interactions ---------- */
  function highlightMentions(p, scroll) {
    mentionNodes.forEach(function (node) {
      node.classList.toggle("geo-active", node.dataset.place === String(p));
    });
    var first = mentionNodes.find(function (node) { return node.dataset.place === String(p); });
    if (scroll && first) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
  var pendingOpen = null;
  var lastMentionNode = null;
  function focusPlace(p, fromText) {
    var place = data.places[p];
    var layer = layerOf[p];
    var zoom = { capital: 7, city: 8, district: 8 }[place.type] || 6;
    map.closePopup();
    var group = groupOf[p];
    if (!map.hasLayer(group)) { group.addTo(map); syncLegend(); }  // the reader hid this type; the place they asked for shows
    if (place.extent) {
      // The main part of the shape (Russia's mainland, the lower 48), so nothing flies out to the whole world.
      map.flyToBounds(place.extent, { maxZoom: 7, padding: [30, 30], duration: 0.6 });
    } else if (layer.getBounds) {
      map.flyToBounds(layer.getBounds(), { maxZoom: 7, padding: [30, 30], duration: 0.6 });
    } else if (group.zoomToShowLayer && !map.hasLayer(layer)) {
      group.zoomToShowLayer(layer, function () { layer.openPopup(); });
      // zoomToShowLayer skips its callback when the map is mid-animation: open the card once things settle.
      setTimeout(function () { if (!layer.isPopupOpen() && map.hasLayer(layer)) layer.openPopup(); }, 1200);
      highlightMentions(p, !fromText);
      window.geoLastFocus = p;
      return;
    } else {
      map.flyTo([place.lat, place.lon], Math.max(map.getZoom(), zoom), { duration: 0.6 });
    }
    // One pending "open when the flight ends" at a time: a quick second click must not open the first place.
    if (pendingOpen) map.off("moveend", pendingOpen);
    pendingOpen = function () {
      map.off("moveend", pendingOpen);
      pendingOpen = null;
      layer.openPopup(place.geometry ? [place.lat, place.lon] : undefined);
    };
    map.on("moveend", pendingOpen);
    highlightMentions(p, !fromText);
    window.geoLastFocus = p;
  }
  mentionNodes.forEach(function (node) {
    if (node.dataset.place) node.addEventListener("focus", function () { lastMentionNode = node; });
  });
  // Escape closes the card and gives the keyboard back to the mention that opened it.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape" || !map.getContainer().querySelector(".leaflet-popup")) return;
    map.closePopup();
    if (lastMentionNode) lastMentionNode.focus();
  });
  function hover(p, on) {
    var layer = layerOf[p];
    if (layer._icon) layer._icon.classList.toggle("geo-pin-active", on);
    else if (layer.setStyle) layer.setStyle(on ? { weight: 4 } : { weight: data.places[p].type === "country" ? 1.2 : 2 });
  }
  window.geoFocusPlace = focusPlace;

  /* ---------- legend: the types present (each a switch for its layer), encodings actually used ---------- */
  var anyApprox = data.mentions.some(function (m) { return m.via; });
  var switches = [];
  function syncLegend() {
    switches.forEach(function (s) { s.box.checked = map.hasLayer(groups[s.type]); });
  }
  function swatch(type) {
    var sw = el("span", "geo-swatch" + (type === "country" ? "" : " geo-dot"));
    sw.style.background = type === "country" ? countryFill(maxCount) : colorOf(type);
    return sw;
  }
  function fillLegend(body) {
    G.types().forEach(function (t) {
      if (!groups[t.type]) return;
      var row = el("label", "geo-legend-row");
      if (mode !== "png") {
        var box = el("input");
        box.type = "checkbox";
        box.checked = true;
        box.addEventListener("change", function () {
          if (box.checked) groups[t.type].addTo(map); else map.removeLayer(groups[t.type]);
          placeLabels();
        });
        switches.push({ type: t.type, box: box });
        row.appendChild(box);
      }
      row.appendChild(swatch(t.type));
      row.appendChild(document.createTextNode(t.label + " (" + counts[t.type] + ")"));
      body.appendChild(row);
    });
    var notes = [];
    if (anyCountry) notes.push("Countries: darker = more mentions");
    if (anyPoint) notes.push("Dots: larger = more mentions");
    if (anyLow) notes.push("Dashed outline: low confidence");
    if (anyApprox) notes.push("Dashed underline in the text: shown approximately at a nearby named place");
    notes.forEach(function (n) { body.appendChild(el("div", "geo-legend-note", n)); });
    if (mode !== "png") body.appendChild(el("div", "geo-pov", "Boundaries: " + data.pov));
  }
  var legend = new G.Legend({
    position: "bottomleft",
    title: mode === "png" ? "Places in the article" : "Legend",
    interactive: mode !== "png",
    collapsed: G.legendCollapsed(mode),
    fill: fillLegend,
    onToggle: function () { setTimeout(placeLabels, 0); }
  }).addTo(map);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(data.attribution);
  if (mode === "png" && map.zoomControl) map.zoomControl.remove();  // a picture has nothing to click
  G.cardsAboveControls(map);
  // Controls are links and buttons; the map's own decorative shapes are no Tab stops.
  map.getContainer().querySelectorAll("svg").forEach(function (svg) { svg.setAttribute("focusable", "false"); });

  /* ---------- initial view: the focus view when given, else every place; padded for the controls drawn ---------- */
  var pts = data.places.map(function (p) { return [p.lat, p.lon]; });
  var viewBounds = null;
  if (data.view) viewBounds = L.latLngBounds(Array.isArray(data.view) ? data.view : data.view.bounds);
  else if (pts.length) viewBounds = L.latLngBounds(pts);
  var singleZoom = data.places.length === 1 && data.places[0].type === "country" ? 4 : 7;
  function fitView() {
    if (!viewBounds) { map.setView([20, 0], 2); return; }
    var maxZoom = pts.length === 1 && !data.view ? singleZoom : 8;
    G.fitAvoidingControls(map, viewBounds, maxZoom);
  }
  fitView();
  placeLabels();
  // Printing re-fits the map to its printed size (and back afterwards).
  function refit() { map.invalidateSize(false); fitView(); placeLabels(); }
  window.addEventListener("beforeprint", refit);
  window.addEventListener("afterprint", refit);
  if (window.matchMedia) {
    var printing = window.matchMedia("print");
    if (printing.addEventListener) printing.addEventListener("change", refit);
  }
  window.geoRefit = refit;
  document.documentElement.setAttribute("data-geo-ready", "1");
  window.geoTimings = { ready: performance.now() };
  setTimeout(drawBasemap, 0);
})();
