/* Liaison pages: timeline, network graph and map. Data comes from <script type="application/json">
   blocks; every label is set as text (textContent), never as HTML, because it is article data. */
(function () {
  "use strict";

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function textLink(href, text, cls) {
    var a = document.createElement("a");
    a.href = href;
    a.className = cls || "";
    a.textContent = text;
    a.title = text;            // the full label when the bar is too short to show it
    return a;
  }

  function initTimeline() {
    var el = document.getElementById("timeline");
    var items = readJson("timeline-data");
    if (!el || !items || !window.vis) return;
    if (!items.length) { el.textContent = "No dated events to show."; return; }
    var data = items.map(function (it) {
      var item = {id: it.id, start: it.start, content: textLink("/events/" + encodeURIComponent(it.id), it.content, "timeline-link"),
                  className: "type-" + it.type.toLowerCase()};
      if (it.end && it.end !== it.start) { item.end = it.end + "T23:59:59"; }
      return item;
    });
    var options = {stack: true, maxHeight: 420, verticalScroll: true, zoomKey: "ctrlKey"};
    // Articles recall old events too: open on the latest 18 months when the data spans more.
    var last = items.reduce(function (m, it) { var d = it.end || it.start; return d > m ? d : m; }, "");
    var first = items.reduce(function (m, it) { return it.start < m ? it.start : m; }, last);
    var from = new Date(last);
    from.setMonth(from.getMonth() - 18);
    if (new Date(first) < from) {
      var to = new Date(last);
      to.setMonth(to.getMonth() + 1);
      options.start = from;
      options.end = to;
    }
    var timeline = new vis.Timeline(el, new vis.DataSet(data), options);
    el.dataset.ready = "1";
    timeline.on("doubleClick", function (props) {
      if (props.item) window.location.href = "/events/" + encodeURIComponent(props.item);
    });
  }

  function initGraph() {
    var el = document.getElementById("graph");
    var net = readJson("network-data");
    if (!el || !net || !window.cytoscape) return;
    var elements = net.nodes.map(function (n) { return {data: {id: n.id, label: n.label, kind: n.kind}}; })
      .concat(net.edges.map(function (e) { return {data: {id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight}}; }));
    var cy = cytoscape({
      container: el, elements: elements, layout: {name: elements.length > 1 ? "cose" : "grid", animate: false},
      style: [
        {selector: "node", style: {"label": "data(label)", "font-size": 10, "background-color": "#5b7db1"}},
        {selector: "node[kind = 'country']", style: {"shape": "round-rectangle", "background-color": "#c0504d"}},
        {selector: "edge", style: {"width": "mapData(weight, 1, 10, 1, 6)", "line-color": "#999", "curve-style": "bezier"}}
      ]
    });
    cy.on("tap", "node[kind = 'actor']", function (evt) {
      window.location.href = "/entities/" + encodeURIComponent(evt.target.id());
    });
    el.dataset.ready = String(cy.nodes().length);
  }

  function initMap() {
    var el = document.getElementById("map");
    var data = readJson("map-data");
    if (!el || !data || !window.L || !window.topojson) return;
    var map = L.map(el, {worldCopyJump: true, attributionControl: false}).setView([35, 10], 2);
    fetch("/static/vendor/world-atlas-2.0.2-countries-110m.json").then(function (r) { return r.json(); })
      .then(function (world) {
        var shapes = topojson.feature(world, world.objects.countries);
        var max = Math.max.apply(null, [1].concat(Object.values(data.countries)));
        L.geoJSON(shapes, {
          style: function (f) {
            var code = data.numeric[f.id], n = code ? (data.countries[code] || 0) : 0;
            return {weight: 0.5, color: "#666", fillColor: n ? "#c0504d" : "#eee", fillOpacity: n ? 0.25 + 0.6 * n / max : 0.6};
          },
          onEachFeature: function (f, layer) {
            var code = data.numeric[f.id];
            var label = document.createElement("span");
            label.textContent = (f.properties.name || "") + (code ? ": " + data.countries[code] + " events" : "");
            layer.bindTooltip(label);
          }
        }).addTo(map);
        data.events.forEach(function (p) {
          var label = document.createElement("span");
          label.textContent = p.type + " · " + (p.name || "") + (p.summary ? " · " + p.summary : "");
          L.circleMarker([p.lat, p.lon], {radius: 6, color: "#1f4e79"}).bindTooltip(label)
            .on("click", function () { window.location.href = "/events/" + encodeURIComponent(p.id); }).addTo(map);
        });
        el.dataset.ready = String(shapes.features.length);
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initTimeline();
    initGraph();
    initMap();
  });
})();
