/* Shared by the article map (map.js) and the corpus map (corpus.js): DOM building with textContent only, the
   place-type table sent from Python (render.PLACE_TYPES), the quiet Natural Earth basemap, the legend control and
   the fit that pads for the controls actually drawn. */
window.geoCommon = (function () {
  "use strict";
  var TYPES = [];
  var byType = {};
  function el(tag, cls, txt) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (txt !== undefined && txt !== null) node.textContent = txt;
    return node;
  }
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many); }

  /* The boxes of the controls drawn on a map, relative to its container: [{corner, left, top, right, bottom}]. */
  function controlBoxes(map) {
    var outer = map.getContainer().getBoundingClientRect();
    var boxes = [];
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (node) {
      var r = node.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(node).visibility === "hidden") return;
      var corner = node.parentNode.className.replace(/.*leaflet-(top|bottom) leaflet-(left|right).*/, "$1-$2");
      boxes.push({ corner: corner, left: r.left - outer.left, top: r.top - outer.top,
        right: r.right - outer.left, bottom: r.bottom - outer.top });
    });
    return boxes;
  }

  /* fitBounds that keeps every point out from under the controls: each corner's controls are avoided either
     sideways (padding left/right by their width) or vertically (padding top/bottom by their height); of the 16
     choices the one that allows the closest zoom wins. */
  function fitAvoidingControls(map, bounds, maxZoom) {
    var size = map.getSize();
    var boxes = controlBoxes(map);
    var corners = ["top-left", "top-right", "bottom-left", "bottom-right"];
    var extent = {};
    corners.forEach(function (c) { extent[c] = { w: 0, h: 0 }; });
    boxes.forEach(function (b) {
      var e = extent[b.corner];
      if (!e) return;
      e.w = Math.max(e.w, /left/.test(b.corner) ? b.right : size.x - b.left);
      e.h = Math.max(e.h, /top/.test(b.corner) ? b.bottom : size.y - b.top);
    });
    var best = null;
    for (var mask = 0; mask < 16; mask++) {
      var pad = { top: 0, bottom: 0, left: 0, right: 0 };
      corners.forEach(function (c, i) {
        var e = extent[c];
        if (!e.w && !e.h) return;
        var sideways = (mask >> i) & 1;
        if (sideways) pad[/left/.test(c) ? "left" : "right"] = Math.max(pad[/left/.test(c) ? "left" : "right"], e.w);
        else pad[/top/.test(c) ? "top" : "bottom"] = Math.max(pad[/top/.test(c) ? "top" : "bottom"], e.h);
      });
      // A little air around the points (marker radius and label) besides the controls.
      var tl = L.point(pad.left + 24, pad.top + 24), br = L.point(pad.right + 24, pad.bottom + 24);
      if (tl.x + br.x >= size.x - 20 || tl.y + br.y >= size.y - 20) continue;
      var zoom = Math.min(maxZoom, map.getBoundsZoom(bounds, false, tl.add(br)));
      var area = (size.x - tl.x - br.x) * (size.y - tl.y - br.y);
      if (!best || zoom > best.zoom || (zoom === best.zoom && area > best.area)) {
        best = { zoom: zoom, area: area, tl: tl, br: br };
      }
    }
    if (!best) { map.fitBounds(bounds, { maxZoom: maxZoom, animate: false }); return; }
    map.fitBounds(bounds, { paddingTopLeft: best.tl, paddingBottomRight: best.br, maxZoom: maxZoom, animate: false });
  }

  /* Hide the controls a card (popup) would sit under, and show them again when it closes. */
  function cardsAboveControls(map) {
    function update() {
      var popup = map.getContainer().querySelector(".leaflet-popup");
      map.getContainer().querySelectorAll(".leaflet-control").forEach(function (node) {
        var under = false;
        if (popup) {
          var a = popup.getBoundingClientRect(), b = node.getBoundingClientRect();
          under = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        }
        node.classList.toggle("geo-under-card", under);
      });
    }
    map.on("popupopen popupclose moveend zoomend", function () { setTimeout(update, 0); });
  }

  /* The legend as a Leaflet control: a heading button that collapses it, and rows given by the caller. */
  var Legend = L.Control.extend({
    options: { position: "bottomleft", collapsed: false, interactive: true, title: "Legend" },
    onAdd: function () {
      var box = el("div", "geo-legend leaflet-bar");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var body = el("div", "geo-legend-body");
      body.id = "geo-legend-body";
      if (this.options.interactive) {
        var toggle = el("button", "geo-legend-toggle", this.options.title);
        toggle.type = "button";
        toggle.setAttribute("aria-controls", body.id);
        var self = this;
        toggle.addEventListener("click", function () { self.setCollapsed(!self._collapsed); });
        box.appendChild(toggle);
        this._toggle = toggle;
      } else {
        box.appendChild(el("strong", null, this.options.title));
      }
      box.appendChild(body);
      this._box = box;
      this._body = body;
      this.options.fill(body);
      this.setCollapsed(this.options.collapsed && this.options.interactive);
      return box;
    },
    setCollapsed: function (collapsed) {
      this._collapsed = collapsed;
      this._box.classList.toggle("geo-collapsed", collapsed);
      if (this._toggle) this._toggle.setAttribute("aria-expanded", String(!collapsed));
      if (this.options.onToggle) this.options.onToggle(collapsed);
      return this;
    }
  });

  return {
    el: el,
    plural: plural,
    init: function (data) {
      TYPES = data.types || [];
      TYPES.forEach(function (t, i) { byType[t.type] = { label: t.label, color: t.color, order: i }; });
    },
    types: function () { return TYPES.slice(); },
    colorOf: function (type) { return (byType[type] || byType.place || { color: "#334155" }).color; },
    labelOf: function (type) { return (byType[type] || byType.place || { label: type }).label; },
    known: function (type) { return !!byType[type]; },
    basemapStyle: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1, fillRule: "nonzero" },
    seaColor: "#cfe3f0",
    admin1LineStyle: { color: "#8c96a3", weight: 0.8, dashArray: "4 3", fill: false },
    /* A pane under the tile pane: the Natural Earth basemap stays drawn under --tiles, so offline it is not grey. */
    basemapPane: function (map) {
      var pane = map.getPane("geo-basemap") || map.createPane("geo-basemap");
      pane.style.zIndex = 150;
      pane.style.pointerEvents = "none";
      return "geo-basemap";
    },
    // Drawn well beyond the view: a window resized after load (headless screenshots, print) shows no bare edge.
    basemapRenderer: function () { return L.svg({ padding: 1, pane: "geo-basemap" }); },
    controlBoxes: controlBoxes,
    fitAvoidingControls: fitAvoidingControls,
    cardsAboveControls: cardsAboveControls,
    Legend: Legend,
    /* Collapsed by default on narrow maps (phones, report columns) and in fragments/notebooks. */
    legendCollapsed: function (mode) { return mode === "embed" || window.innerWidth < 900; }
  };
})();
