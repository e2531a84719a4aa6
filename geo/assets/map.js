/* geo map: builds layers, place cards and the text panel from the JSON embedded in the page.
   Article text is only ever set with textContent / createTextNode — never innerHTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("geo-data").textContent);
  var map = window[data.map];
  var text = data.text;

  var el = window.geoCommon.el, colorOf = window.geoCommon.colorOf;
  var maxCount = Math.max.apply(null, data.places.map(function (p) { return p.mentions.length; }).concat([1]));
  function countryFill(count) {
    var steps = ["#fde0c5", "#fbb583", "#f7874b", "#e0591e", "#b2400f"];
    var i = Math.min(steps.length - 1, Math.floor((count / (maxCount + 1e-9)) * steps.length - 1e-9));
    return steps[Math.max(0, i)];
  }

  /* ---------- basemap: Natural Earth countries, so the default map needs no tiles ---------- */
  // Drawn right after the page is ready (it is the slowest layer and nothing depends on it).
  var basemap = L.geoJSON(null, {
    interactive: false,
    style: window.geoCommon.basemapStyle
  });
  if (!data.tiles) {
    map.getContainer().style.background = window.geoCommon.seaColor;
    basemap.addTo(map);
  }
  function drawBasemap() {
    basemap.addData(data.basemap);
    basemap.bringToBack();
    document.documentElement.setAttribute("data-geo-drawn", "1");
    window.geoTimings.drawn = performance.now();
  }

  /* ---------- the text panel ---------- */
  var panel = document.getElementById("geo-panel");
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
  meta.push(data.places.length + " places, " + data.mentions.length + " mentions");
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
        : place.name + " (" + place.type + ")";
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
  function sentenceOf(m) { return data.sentences[data.mentions[m].sentence]; }
  function sentenceList(indices) {
    var list = el("ol");
    var seen = {};
    indices.forEach(function (mi) {
      var m = data.mentions[mi];
      var s = sentenceOf(mi);
      var key = s[0] + ":" + m.start;
      if (seen[key]) return;
      seen[key] = true;
      var item = el("li");
      var start = s[0], end = s[1];
      item.appendChild(document.createTextNode(text.slice(start, m.start).replace(/^\s+/, "")));
      item.appendChild(el("mark", null, text.slice(m.start, m.end)));
      item.appendChild(document.createTextNode(text.slice(m.end, end).replace(/\s+$/, "")));
      list.appendChild(item);
    });
    return list;
  }
  function card(p) {
    var place = data.places[p];
    var root = el("div", "geo-card");
    root.appendChild(el("h3", null, place.name));
    var sub = place.type + (place.countryName ? " · " + place.countryName : "") +
      " · " + place.lat.toFixed(3) + ", " + place.lon.toFixed(3);
    root.appendChild(el("div", "geo-sub", sub));
    var n = place.mentions.length;
    root.appendChild(el("div", null, n + (n === 1 ? " mention" : " mentions") + " in the article:"));
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
      root.appendChild(el("div", "geo-sub", "also: " + place.alternatives.map(function (a) {
        return a.name + " (" + a.type + (a.country ? ", " + a.country : "") + ")";
      }).join("; ")));
    }
    if (place.note) root.appendChild(el("div", "geo-sub", place.note));
    return root;
  }

  /* ---------- layers: one per feature type, drawn from the data (points, lines or areas) ---------- */
  var layerOf = {};
  var groupOf = {};
  var TYPE_ORDER = ["country", "disputed area", "region", "area", "island", "mountain", "water", "route", "continent",
    "district", "city", "capital", "place"];
  var TYPE_LABEL = { country: "Countries mentioned", "disputed area": "Disputed areas", region: "Regions, states",
    area: "Areas", island: "Islands", mountain: "Mountains", water: "Seas, rivers", route: "Routes, corridors",
    continent: "Continents", district: "Districts", city: "Cities, towns", capital: "Capitals", place: "Other places" };
  var points = data.places.filter(function (p) { return !p.geometry; }).length;
  var CLUSTER_FROM = 40;  // below this many point places nothing needs clustering
  var groups = {};
  if (map.options.maxZoom === undefined) map.setMaxZoom(18);  // clustering needs a bound (no tile layer gives one)
  function groupFor(type, isPoint) {
    var key = TYPE_LABEL[type] ? type : "place";
    if (!groups[key]) {
      groups[key] = isPoint && points >= CLUSTER_FROM && L.markerClusterGroup
        ? L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true })
        : L.featureGroup();
    }
    return groups[key];
  }
  function pinIcon(place, count, active) {
    var size = Math.round(10 + 6 * Math.sqrt(count));
    var icon = L.divIcon({
      className: "geo-pin" + (place.low ? " geo-pin-low" : "") + (active ? " geo-pin-active" : ""),
      iconSize: [size, size],
      html: ""
    });
    return icon;
  }
  data.places.forEach(function (place, p) {
    var layer;
    var count = place.mentions.length;
    var dash = place.low ? "5 4" : null;
    if (place.geometry && place.type === "country") {
      layer = L.geoJSON(place.geometry, { style: { color: "#7c2d12", weight: 1.2, fillColor: countryFill(count), fillOpacity: 0.75, dashArray: dash } });
    } else if (place.geometry && /LineString/.test(place.geometry.type)) {
      layer = L.geoJSON(place.geometry, { style: { color: colorOf(place.type), weight: 5, opacity: 0.9, dashArray: dash } });
    } else if (place.geometry) {
      layer = L.geoJSON(place.geometry, { style: { color: colorOf(place.type), weight: 2, fillOpacity: 0.25, dashArray: place.type === "disputed area" ? "6 4" : dash } });
    } else {
      layer = L.marker([place.lat, place.lon], { icon: pinIcon(place, count, false), title: place.name, alt: place.name,
        keyboard: true, riseOnHover: true });
      layer.on("add", function () { if (layer._icon) layer._icon.style.setProperty("--geo-color", colorOf(place.type)); });
    }
    var group = groupFor(place.type, !place.geometry);
    group.addLayer(layer);
    groupOf[p] = group;
    layer.bindPopup(function () { return card(p); }, { maxWidth: 360 });
    layer.bindTooltip(function () { return el("span", null, place.name + " — " + count + (count === 1 ? " mention" : " mentions")); });
    layer.on("click", function () { highlightMentions(p, true); });
    layer.on("popupopen", function () { highlightMentions(p, false); });
    layerOf[p] = layer;
  });
  var overlays = {};
  TYPE_ORDER.forEach(function (type) {
    var group = groups[type];
    if (!group) return;
    group.addTo(map);
    overlays[TYPE_LABEL[type] + " (" + group.getLayers().length + ")"] = group;
  });
  var bases = {};
  bases["Natural Earth countries"] = basemap;
  if (data.tiles) bases[data.tiles] = window[data.tilesLayer];
  L.control.layers(bases, overlays, { collapsed: TYPE_ORDER.filter(function (t) { return groups[t]; }).length > 8 }).addTo(map);

  /* ---------- interactions ---------- */
  function highlightMentions(p, scroll) {
    mentionNodes.forEach(function (node) {
      node.classList.toggle("geo-active", node.dataset.place === String(p));
    });
    var first = mentionNodes.find(function (node) { return node.dataset.place === String(p); });
    if (scroll && first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  var pendingOpen = null;
  function focusPlace(p, fromText) {
    var place = data.places[p];
    var layer = layerOf[p];
    var zoom = { capital: 7, city: 8, district: 8 }[place.type] || 6;
    map.closePopup();
    var group = groupOf[p];
    if (!map.hasLayer(group)) group.addTo(map);  // the reader hid this type; the place they asked for shows
    if (layer.getBounds) {
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
  function hover(p, on) {
    var layer = layerOf[p];
    if (layer._icon) layer._icon.classList.toggle("geo-pin-active", on);
    else if (layer.setStyle) layer.setStyle(on ? { weight: 4 } : { weight: data.places[p].type === "country" ? 1.2 : 2 });
  }
  window.geoFocusPlace = focusPlace;

  /* ---------- legend and attribution ---------- */
  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    var box = el("div", "geo-legend");
    box.appendChild(el("strong", null, "Places in the article"));
    [["country", "Country mentioned (darker = more mentions)", false], ["city", "City / capital (size = mentions)", true],
     ["region", "Region, area (outlined when its shape is known)", true], ["disputed area", "Disputed area (dashed)", false],
     ["water", "Sea, river", true], ["route", "Route / corridor", false]].forEach(function (row) {
      var line = el("div");
      var sw = el("span", "geo-swatch" + (row[2] ? " geo-dot" : ""));
      sw.style.background = row[0] === "country" ? countryFill(maxCount) : colorOf(row[0]);
      line.appendChild(sw);
      line.appendChild(document.createTextNode(row[1]));
      box.appendChild(line);
    });
    box.appendChild(el("div", "geo-pov", "Dashed outline: low confidence. Boundaries: " + data.pov));
    return box;
  };
  legend.addTo(map);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(data.attribution);

  /* ---------- initial view: the focus and the confident places around it (bounds computed in geo.focus) ---------- */
  if (data.view) map.fitBounds(data.view, { maxZoom: 8 });
  else map.setView([20, 0], 2);
  document.documentElement.setAttribute("data-geo-ready", "1");
  window.geoTimings = { ready: performance.now() };
  setTimeout(drawBasemap, 0);
})();
