// The map of the partners: the world outline from world-atlas (Natural Earth, vendored) drawn
// with d3-geo; each partner a marker in its country (ISO 3166-1 numeric code, as world-atlas
// names the countries), placed at the centroid of the country's largest polygon and spread
// around it when a country has several partners.
(function () {
  "use strict";
  var points = JSON.parse(document.getElementById("map-data").textContent);
  var svg = document.getElementById("map");
  var NS = "http://www.w3.org/2000/svg";
  var width = 960, height = 500;
  function node(name, attributes, parent) {
    var element = document.createElementNS(NS, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    parent.appendChild(element);
    return element;
  }
  function largestPart(feature) {
    if (feature.geometry.type !== "MultiPolygon") { return feature; }
    var best = null, bestArea = -1;
    feature.geometry.coordinates.forEach(function (polygon) {
      var part = { type: "Feature", geometry: { type: "Polygon", coordinates: polygon } };
      var area = d3.geoArea(part);
      if (area > bestArea) { best = part; bestArea = area; }
    });
    return best;
  }
  fetch("/static/vendor/world-atlas/countries-110m.json")
    .then(function (response) { return response.json(); })
    .then(function (world) {
      var countries = topojson.feature(world, world.objects.countries).features;
      var projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
      var path = d3.geoPath(projection);
      var partnerCountries = new Set(points.map(function (p) { return String(p.country); }));
      var byId = {};
      var land = node("g", { "class": "countries" }, svg);
      node("path", { d: path({ type: "Sphere" }), "class": "sphere" }, land);
      countries.forEach(function (feature) {
        byId[String(feature.id)] = feature;
        var shape = node("path", { d: path(feature) || "",
          "class": partnerCountries.has(String(feature.id)) ? "country partner" : "country" }, land);
        node("title", {}, shape).textContent = feature.properties.name;
      });
      var markers = node("g", { "class": "markers" }, svg);
      var seen = {};
      points.forEach(function (point) {
        var feature = byId[String(point.country).padStart(3, "0")] || byId[String(point.country)];
        if (!feature) { return; }
        var xy = projection(d3.geoCentroid(largestPart(feature)));
        var n = seen[point.country] = (seen[point.country] || 0) + 1;
        var angle = n * 2.4, radius = n > 1 ? 9 * Math.sqrt(n - 1) : 0;
        var link = node("a", { href: point.href }, markers);
        var dot = node("circle", { cx: xy[0] + radius * Math.cos(angle),
          cy: xy[1] + radius * Math.sin(angle), r: 3 + Math.min(point.agreements, 5),
          "class": "partner-marker", "data-iri": point.iri }, link);
        node("title", {}, dot).textContent = point.label + " (" + point.agreements + ")";
      });
      svg.setAttribute("data-drawn", "true");
    });
})();
