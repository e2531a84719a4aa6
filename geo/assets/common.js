/* Shared by the article map (map.js) and the corpus map (corpus.js): DOM building with textContent only, the
   colour of each place type, and the quiet Natural Earth basemap style. */
window.geoCommon = (function () {
  "use strict";
  var COLORS = { country: "#c2410c", capital: "#1d4ed8", city: "#1d4ed8", district: "#1d4ed8", region: "#7c3aed",
    area: "#7c3aed", island: "#7c3aed", continent: "#7c3aed", mountain: "#92400e", "disputed area": "#be185d",
    water: "#0891b2", route: "#b91c1c" };
  return {
    el: function (tag, cls, txt) {
      var node = document.createElement(tag);
      if (cls) node.className = cls;
      if (txt !== undefined && txt !== null) node.textContent = txt;
      return node;
    },
    colorOf: function (type) { return COLORS[type] || "#334155"; },
    basemapStyle: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 },
    seaColor: "#cfe3f0"
  };
})();
