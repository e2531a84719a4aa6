/* geo corpus map: places of many articles, sized by article count, filtered by date and type.
   Every string from the corpus is set with textContent; links only for http(s) URLs. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("geo-data").textContent);
  var map = window[data.map];
  if (map.options.maxZoom === undefined) map.setMaxZoom(18);
  var A = data.articles;  // [id, title, date, url]

  var G = window.geoCommon;
  G.init(data);
  var el = G.el, colorOf = G.colorOf, plural = G.plural;
  function safeUrl(u) {
    try { var url = new URL(u); return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null; }
    catch (e) { return null; }
  }

  /* ---------- basemap ---------- */
  // Kept under --tiles in a pane below them, so a map opened offline still shows the world.
  map.getContainer().style.background = G.seaColor;
  L.geoJSON(data.basemap, { interactive: false, pane: G.basemapPane(map), renderer: G.basemapRenderer(),
    style: G.basemapStyle }).addTo(map);

  /* ---------- filters ---------- */
  var from = data.dates ? data.dates[0] : null, to = data.dates ? data.dates[1] : null;
  function inRange(a) {
    var d = A[a][2];
    if (!d) return true;  // undated articles are never filtered out
    return (!from || d >= from) && (!to || d <= to);
  }
  var aboutOnly = false;  // count an article for its focus country and city only (geo.focus), not every mention
  function visibleArticles(place) { return (aboutOnly ? place.about : place.articles).filter(inRange); }

  /* ---------- place cards ---------- */
  function card(p) {
    var place = data.places[p];
    var shown = visibleArticles(place);
    var root = el("div", "geo-card");
    root.appendChild(el("h3", null, place.name));
    root.appendChild(el("div", "geo-sub", place.type + (place.country ? " · " + place.country : "") + " · " +
      place.lat.toFixed(3) + ", " + place.lon.toFixed(3)));
    root.appendChild(el("div", null, plural(shown.length, "article", "articles") +
      (shown.length !== place.articles.length ? " in the date range (" + place.articles.length + " in all)" : "") +
      ", " + plural(place.mentions, "mention", "mentions")));
    var list = el("ol");
    var snippetOf = {};
    place.snippets.forEach(function (s, i) { snippetOf[place.articles[i]] = s; });
    shown.slice(0, data.maxArticlesPerPlace).forEach(function (a) {
      var item = el("li");
      var head = el("div", "geo-article");
      var label = A[a][1] || A[a][0];
      var href = A[a][3] ? safeUrl(A[a][3]) : null;
      var link = href ? el("a", null, label) : el("strong", null, label);
      if (href) { link.href = href; link.target = "_blank"; link.rel = "noopener noreferrer"; }
      head.appendChild(link);
      if (A[a][4]) head.appendChild(el("span", "geo-date", " · " + A[a][4]));
      if (A[a][2]) head.appendChild(el("span", "geo-date", " · " + A[a][2]));
      if (A[a][1]) head.appendChild(el("span", "geo-date", " · " + A[a][0]));
      item.appendChild(head);
      var s = snippetOf[a];
      if (s) {
        var quote = el("div", "geo-snippet");
        if (s[1] >= 0) {
          quote.appendChild(document.createTextNode(s[0].slice(0, s[1])));
          quote.appendChild(el("mark", null, s[0].slice(s[1], s[2])));
          quote.appendChild(document.createTextNode(s[0].slice(s[2])));
        } else {
          quote.textContent = s[0];
        }
        item.appendChild(quote);
      }
      list.appendChild(item);
    });
    root.appendChild(list);
    if (shown.length > data.maxArticlesPerPlace) {
      root.appendChild(el("div", "geo-sub", "and " + plural(shown.length - data.maxArticlesPerPlace, "more article", "more articles")));
    }
    return root;
  }

  /* ---------- layers: one clustered group per type ---------- */
  var groups = {};
  var markers = [];
  function groupFor(type) {
    if (!groups[type]) {
      // No chunked loading: markers must all be in their group when the page says it is ready.
      groups[type] = L.markerClusterGroup({ maxClusterRadius: 45, showCoverageOnHover: false });
      groups[type].addTo(map);
    }
    return groups[type];
  }
  function icon(place, count) {
    var size = Math.round(10 + 5 * Math.sqrt(count));
    return L.divIcon({ className: "geo-pin", iconSize: [size, size], html: "" });
  }
  data.places.forEach(function (place, p) {
    var marker = L.marker([place.lat, place.lon], { icon: icon(place, place.articles.length), title: place.name,
      alt: place.name, keyboard: true });
    marker.on("add", function () { if (marker._icon) marker._icon.style.setProperty("--geo-color", colorOf(place.type)); });
    marker.bindPopup(function () { return card(p); }, { maxWidth: 380 });
    marker.bindTooltip(function () {
      var n = visibleArticles(place).length;
      return el("span", null, place.name + " — " + plural(n, "article", "articles"));
    });
    markers.push(marker);
  });
  function redraw() {
    map.closePopup();  // its counts would be stale, and its marker may be filtered out
    Object.keys(groups).forEach(function (t) { groups[t].clearLayers(); });
    var byType = {};
    var visible = 0;
    data.places.forEach(function (place, p) {
      var n = visibleArticles(place).length;
      if (!n) return;
      markers[p].setIcon(icon(place, n));
      (byType[place.type] = byType[place.type] || []).push(markers[p]);
      visible += 1;
    });
    Object.keys(byType).forEach(function (t) { groupFor(t).addLayers(byType[t]); });
    status.textContent = plural(visible, "place", "places") + " shown";
  }

  /* ---------- the side panel: summary, date filter, top places ---------- */
  var panel = document.getElementById("geo-panel");
  panel.appendChild(el("h1", null, "Corpus map"));
  panel.appendChild(el("div", "geo-meta", plural(A.length, "article", "articles") + " · " +
    plural(data.places.length, "place", "places") + (data.dates ? " · " + data.dates[0] + " to " + data.dates[1] : "")));
  var status = el("div", "geo-meta");
  if (data.dates) {
    var form = el("div", "geo-filter");
    var fromInput = el("input"); fromInput.type = "date"; fromInput.value = from; fromInput.id = "geo-from";
    var toInput = el("input"); toInput.type = "date"; toInput.value = to; toInput.id = "geo-to";
    [fromInput, toInput].forEach(function (input) {
      input.min = data.dates[0]; input.max = data.dates[1];
      input.addEventListener("change", function () {
        from = fromInput.value || null; to = toInput.value || null; redraw(); listTop();
      });
    });
    var l1 = el("label", null, "From "); l1.appendChild(fromInput);
    var l2 = el("label", null, " to "); l2.appendChild(toInput);
    form.appendChild(l1); form.appendChild(l2);
    panel.appendChild(form);
  }
  var aboutBox = el("input"); aboutBox.type = "checkbox"; aboutBox.id = "geo-about-only";
  var aboutLabel = el("label", "geo-filter"); aboutLabel.appendChild(aboutBox);
  aboutLabel.appendChild(document.createTextNode(" Only articles about the place (their focus), not every mention"));
  panel.appendChild(aboutLabel);
  aboutBox.addEventListener("change", function () {
    aboutOnly = aboutBox.checked;
    topHead.textContent = aboutOnly ? "Places most written about" : "Most mentioned places";
    redraw(); listTop();
  });
  panel.appendChild(status);
  var topHead = el("h2", null, "Most mentioned places");
  panel.appendChild(topHead);
  var top = el("ol", "geo-top");
  panel.appendChild(top);
  function focus(p) {
    var place = data.places[p];
    var group = groups[place.type];
    if (group && group.hasLayer(markers[p])) {
      group.zoomToShowLayer(markers[p], function () { markers[p].openPopup(); });
      // zoomToShowLayer skips its callback when the map is mid-animation: open the card once things settle.
      setTimeout(function () { if (!markers[p].isPopupOpen() && map.hasLayer(markers[p])) markers[p].openPopup(); }, 1200);
    }
  }
  window.geoFocusPlace = focus;
  function listTop() {
    while (top.firstChild) top.removeChild(top.firstChild);
    data.places
      .map(function (place, p) { return [p, visibleArticles(place).length]; })
      .filter(function (x) { return x[1] > 0; })
      .sort(function (x, y) { return y[1] - x[1]; })
      .slice(0, 50)
      .forEach(function (x) {
        var item = el("li");
        var link = el("a", "geo-mention", data.places[x[0]].name);
        link.href = "#"; link.setAttribute("role", "button");
        link.addEventListener("click", function (ev) { ev.preventDefault(); focus(x[0]); });
        item.appendChild(link);
        item.appendChild(document.createTextNode(" — " + plural(x[1], "article", "articles")));
        top.appendChild(item);
      });
  }
  redraw();
  listTop();

  /* ---------- legend: the types present, each a switch for its layer, with readable names ---------- */
  var totals = {};
  data.places.forEach(function (place) { totals[place.type] = (totals[place.type] || 0) + 1; });
  new G.Legend({
    position: "topright",
    title: "Places in the corpus",
    collapsed: G.legendCollapsed(data.mode),
    fill: function (body) {
      G.types().forEach(function (t) {
        if (!groups[t.type]) return;
        var row = el("label", "geo-legend-row");
        var box = el("input");
        box.type = "checkbox";
        box.checked = true;
        box.addEventListener("change", function () {
          if (box.checked) groups[t.type].addTo(map); else map.removeLayer(groups[t.type]);
        });
        row.appendChild(box);
        var sw = el("span", "geo-swatch geo-dot");
        sw.style.background = colorOf(t.type);
        row.appendChild(sw);
        row.appendChild(document.createTextNode(t.label + " (" + totals[t.type].toLocaleString("en") + ")"));
        body.appendChild(row);
      });
      body.appendChild(el("div", "geo-legend-note", "Dots: larger = more articles; numbered circles: places grouped " +
        "at this zoom"));
      body.appendChild(el("div", "geo-pov", "Boundaries: " + data.pov));
    }
  }).addTo(map);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(data.attribution);
  // Fit to the data: every place (not only the most mentioned), padded for the controls drawn.
  var pts = data.places.map(function (p) { return [p.lat, p.lon]; });
  if (pts.length) G.fitAvoidingControls(map, L.latLngBounds(pts), 6); else map.setView([20, 0], 2);
  document.documentElement.setAttribute("data-geo-ready", "1");
})();
