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

  // One colour per PLOVER type, cooperation in blues/greens, conflict in oranges/reds (by quad class).
  var TYPE_COLOURS = {
    AGREE: "#9ecae1", CONSULT: "#4292c6", SUPPORT: "#2171b5", CONCEDE: "#c6dbef",
    COOPERATE: "#41ab5d", AID: "#006d2c", RETREAT: "#a1d99b",
    REQUEST: "#fdd0a2", ACCUSE: "#fd8d3c", REJECT: "#f16913", THREATEN: "#d94801",
    PROTEST: "#bcbddc", SANCTION: "#cb181d", MOBILIZE: "#807dba", COERCE: "#a50f15", ASSAULT: "#67000d"
  };

  function legend(el, types) {
    if (!el) return;
    types.forEach(function (t) {
      var key = document.createElement("span");
      key.className = "legend-key";
      var swatch = document.createElement("i");
      swatch.style.backgroundColor = TYPE_COLOURS[t] || "#999";
      key.appendChild(swatch);
      key.appendChild(document.createTextNode(t));
      el.appendChild(key);
    });
  }

  var TIMELINE_EVENTS = 500;     /* the filtered range's events the timeline draws, newest first */

  function timelineItem(it) {
    var label = it.content;        // the sentence already says "year not stated" / "inferred"
    var colour = TYPE_COLOURS[it.type] || "#999";
    var item = {id: it.id, start: it.start, content: textLink("/events/" + encodeURIComponent(it.id), label, "timeline-link"),
                className: "type-" + it.type.toLowerCase() + (it.doubts && it.doubts.length ? " uncertain" : ""),
                style: "background-color: " + colour + "; border-color: " + colour + ";"};
    if (it.end && it.end !== it.start) { item.end = it.end + "T23:59:59"; }
    return item;
  }

  function fromListRow(e) {
    /* an /events.json row as a timeline item (the page's own rows come ready from the server) */
    var d = e.date || {}, doubts = [];
    if (d.year_unstated) doubts.push("year not stated");
    if (d.basis === "inferred") doubts.push("inferred");
    return {id: e.id, start: d.start, end: d.end, type: e.type, content: e.sentence || e.type, doubts: doubts};
  }

  function initTimeline() {
    var el = document.getElementById("timeline");
    var items = readJson("timeline-data");
    if (!el || !items || !window.vis) return;
    var options = {stack: true, maxHeight: 420, verticalScroll: true, zoomKey: "ctrlKey",
                   cluster: {maxItems: 3, titleTemplate: "{count} events: zoom in to see them"}};
    // The view fits the filtered range when one is set, else every event drawn.
    if (el.dataset.from && el.dataset.to) {
      options.start = el.dataset.from;
      options.end = el.dataset.to + "T23:59:59";
    }
    var dataset = new vis.DataSet(items.map(timelineItem));
    var timeline = new vis.Timeline(el, dataset, options);
    function fitted(shown) {
      if (!(el.dataset.from && el.dataset.to)) timeline.fit({animation: false});
      legend(document.getElementById("timeline-legend"),
             Object.keys(TYPE_COLOURS).filter(function (t) { return shown.some(function (it) { return it.type === t; }); }));
      el.dataset.ready = String(shown.length);
    }
    fitted(items);
    var fit = document.getElementById("timeline-fit");
    if (fit) fit.addEventListener("click", function () { timeline.fit(); });
    timeline.on("doubleClick", function (props) {
      if (props.item) window.location.href = "/events/" + encodeURIComponent(props.item);
    });
    // Then the whole filtered range (its newest TIMELINE_EVENTS), not only this page's rows.
    var query = new URLSearchParams(window.location.search);
    query.delete("after");
    query.set("limit", String(TIMELINE_EVENTS));
    fetch("/events.json?" + query.toString()).then(function (r) { return r.json(); }).then(function (body) {
      var wide = (body.items || []).map(fromListRow).filter(function (it) { return it.start; });
      if (wide.length <= items.length) return;
      dataset.clear();
      dataset.add(wide.map(timelineItem));
      var note = document.getElementById("timeline-count");
      if (note) note.textContent = wide.length + (body.total > wide.length ? " of " + body.total : "") + " events of these filters";
      fitted(wide);
    });
  }

  function initGraph() {
    var el = document.getElementById("graph");
    var net = readJson("network-data");
    if (!el || !net || !window.cytoscape) return;
    var slider = document.getElementById("graph-top"), shown = document.getElementById("graph-top-value");
    var maxWeight = Math.max.apply(null, [1].concat(net.edges.map(function (e) { return e.weight; })));
    var maxEvents = Math.max.apply(null, [1].concat(net.nodes.map(function (n) { return n.events; })));
    var cy = cytoscape({
      container: el, elements: [],
      style: [
        {selector: "node", style: {"label": "data(label)", "font-size": 11, "background-color": "#c0504d",
                                   "width": "data(size)", "height": "data(size)"}},
        {selector: "edge", style: {"width": "data(width)", "line-color": "#8a9bb0", "curve-style": "bezier",
                                   "label": "data(weight)", "font-size": 9, "color": "#555"}}
      ]
    });
    function draw(top) {
      var edges = net.edges.slice(0, top), keep = {};
      edges.forEach(function (e) { keep[e.source] = true; keep[e.target] = true; });
      var nodes = net.nodes.filter(function (n) { return keep[n.id] || !net.edges.length; });
      cy.elements().remove();
      cy.add(nodes.map(function (n) {
        return {data: {id: n.id, label: n.label + " (" + n.events + ")", size: 14 + 30 * n.events / maxEvents}};
      }).concat(edges.map(function (e) {
        return {data: {id: e.id, source: e.source, target: e.target, weight: e.weight,
                       width: 1 + 9 * e.weight / maxWeight}};
      })));
      cy.layout({name: nodes.length > 1 ? "cose" : "grid", animate: false}).run();
      if (shown) shown.textContent = String(edges.length) + " of " + net.edges.length + " pairs";
      el.dataset.ready = String(cy.nodes().length);
    }
    if (slider) {
      slider.max = String(Math.max(1, net.edges.length));
      slider.value = String(Math.min(net.edges.length, Number(slider.value) || 30));
      slider.addEventListener("input", function () { draw(Number(slider.value)); });
    }
    cy.on("tap", "node", function (evt) {
      window.location.href = "/events?country=" + encodeURIComponent(evt.target.id());
    });
    cy.on("tap", "edge", function (evt) {
      window.location.href = "/dyads/" + encodeURIComponent(evt.target.id());
    });
    draw(slider ? Number(slider.value) : 30);
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

  function initEgo() {
    /* A person's ego network, fetched on demand (the page itself stays light). */
    var button = document.getElementById("ego-show"), el = document.getElementById("ego-graph");
    if (!button || !el || !window.cytoscape) return;
    button.addEventListener("click", function () {
      button.disabled = true;
      fetch("/api/entities/" + encodeURIComponent(button.dataset.entity) + "/network")
        .then(function (r) { return r.json(); })
        .then(function (net) {
          el.hidden = false;
          var maxWeight = Math.max.apply(null, [1].concat(net.edges.map(function (e) { return e.weight; })));
          var cy = cytoscape({
            container: el, maxZoom: 1.2,        /* a small network is not blown up to fill the box */
            elements: net.nodes.map(function (n, i) {
              return {data: {id: n.id, label: n.label, kind: n.kind, size: i === 0 ? 34 : 16}};
            }).concat(net.edges.map(function (e) {
              return {data: {id: e.id, source: e.source, target: e.target, weight: e.weight,
                             width: 1 + 7 * e.weight / maxWeight}};
            })),
            style: [
              {selector: "node", style: {"label": "data(label)", "font-size": 10, "background-color": "#4f81bd",
                                         "width": "data(size)", "height": "data(size)"}},
              {selector: "node[kind = 'country']", style: {"background-color": "#c0504d", "shape": "round-rectangle"}},
              {selector: "edge", style: {"width": "data(width)", "line-color": "#8a9bb0", "label": "data(weight)",
                                         "font-size": 9, "color": "#555"}}
            ],
            layout: {name: net.nodes.length > 2 ? "concentric" : "grid", animate: false,
                     concentric: function (n) { return n.data("size"); }, levelWidth: function () { return 1; }}
          });
          cy.on("tap", "node", function (evt) {
            var d = evt.target.data();
            if (d.id === button.dataset.entity) return;
            window.location.href = d.kind === "country" ? "/events?country=" + encodeURIComponent(d.id)
                                                        : "/entities/" + encodeURIComponent(d.id);
          });
          el.dataset.ready = String(cy.nodes().length);
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initTimeline();
    initGraph();
    initMap();
    initEgo();
  });
})();
