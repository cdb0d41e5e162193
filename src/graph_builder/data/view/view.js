// graph-builder's view: legend, filters, search and the details panel around a vis-network.
// Document text only ever reaches the DOM through textContent (never innerHTML), and
// vis-network shows string tooltips with innerText, so no title or clause can run as markup.

// The vis.Network, global as pyvis makes it, so tests and users can script the view.
var network = null;

(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var corpus = data.mode === "corpus";
  var hidden = {nodes: {}, edges: {}};  // what the filters hide now, by id
  var view = window.graphView = {
    firstDrawMs: null,  // performance.now() at the first draw: milliseconds since navigation started
    search: search,
    show: showNode,
    nodeId: function (iri) {
      var found = nodes.get({filter: function (n) { return n.iri === iri; }});
      return found.length ? found[0].id : null;
    }
  };

  // -- small DOM helpers: everything goes through textContent --------------------------

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function safeUrl(url) {
    // only links the builder made: undocs.org and other public records over https
    return typeof url === "string" && /^https:\/\//.test(url) ? url : "";
  }

  function nodeButton(id) {
    var n = nodes.get(id);
    var b = el("button", {type: "button", "class": "node-link"}, n.label + (n.name && n.name !== n.label ? " — " + n.name : ""));
    b.addEventListener("click", function () { showNode(id); });
    return b;
  }

  function checkbox(item, onChange) {
    var label = el("label");
    var box = el("input", {type: "checkbox", "data-key": item.key});
    box.checked = true;
    box.addEventListener("change", onChange);
    label.appendChild(box);
    if (item.color) label.appendChild(el("span", {"class": "swatch " + (item.shape || "dot"), style: "background:" + item.color}));
    label.appendChild(el("span", {}, item.label));
    return label;
  }

  function checkedKeys(fieldset) {
    var keys = {};
    fieldset.querySelectorAll("input[type=checkbox]").forEach(function (b) { if (b.checked) keys[b.getAttribute("data-key")] = true; });
    return keys;
  }

  function group(title, items, onChange) {
    var fs = el("fieldset");
    fs.appendChild(el("legend", {}, title));
    items.forEach(function (item) { fs.appendChild(checkbox(item, onChange)); });
    if (items.length > 3) {
      var buttons = el("div", {"class": "buttons"});
      [["all", true], ["none", false]].forEach(function (pair) {
        var b = el("button", {type: "button"}, pair[0]);
        b.addEventListener("click", function () {
          fs.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = pair[1]; });
          onChange();
        });
        buttons.appendChild(b);
      });
      fs.appendChild(buttons);
    }
    return fs;
  }

  // -- filters: compute what is hidden, then update only what changed --------------------

  function applyHidden(nodeHidden, edgeHidden) {
    var nodeChanges = [], edgeChanges = [];
    nodes.forEach(function (n) {
      var h = !!nodeHidden[n.id];
      if (h !== !!hidden.nodes[n.id]) nodeChanges.push({id: n.id, hidden: h});
    });
    edges.forEach(function (e) {
      var h = !!edgeHidden[e.id] || !!nodeHidden[e.from] || !!nodeHidden[e.to];
      if (h !== !!hidden.edges[e.id]) edgeChanges.push({id: e.id, hidden: h});
    });
    hidden = {nodes: {}, edges: {}};
    nodes.forEach(function (n) { if (nodeHidden[n.id]) hidden.nodes[n.id] = true; });
    edges.forEach(function (e) { if (edgeHidden[e.id] || nodeHidden[e.from] || nodeHidden[e.to]) hidden.edges[e.id] = true; });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
  }

  var controls = document.getElementById("controls");

  // a legend without checkboxes: line styles of the edges, or how built and cited nodes differ
  function legend(title, items, swatch) {
    var fs = el("fieldset", {"class": "legend"});
    fs.appendChild(el("legend", {}, title));
    items.forEach(function (item) {
      var row = el("div", {"class": "legend-row"});
      row.appendChild(swatch(item));
      row.appendChild(el("span", {}, item.label));
      fs.appendChild(row);
    });
    return fs;
  }

  function zoomButtons() {
    var fs = el("fieldset");
    fs.appendChild(el("legend", {}, "Zoom"));
    var buttons = el("div", {"class": "buttons"});
    var all = el("button", {type: "button", id: "zoom-all"}, "whole graph");
    var read = el("button", {type: "button", id: "zoom-readable"}, "readable labels");
    all.addEventListener("click", function () { network.fit({animation: false}); labelTop(); });
    read.addEventListener("click", function () { readable(true); });
    buttons.appendChild(all);
    buttons.appendChild(read);
    fs.appendChild(buttons);
    return fs;
  }

  function resolutionFilters() {
    var kinds = group("Kinds", data.legend, update);
    var verbs = group("Verbs", data.verbs.map(function (v) { return {key: v.key, label: v.label}; }), update);
    controls.appendChild(kinds);
    controls.appendChild(legend("Edges", data.edgeLegend, function (item) {
      return el("span", {"class": "line " + item.style, style: "border-top-color:" + item.color});
    }));
    controls.appendChild(verbs);
    controls.appendChild(zoomButtons());

    function update() {
      var kindOn = checkedKeys(kinds), verbOn = checkedKeys(verbs);
      var nodeHidden = {}, edgeHidden = {}, reached = {};
      reached[data.root] = true;
      edges.forEach(function (e) {
        if (e.role === "part-of") return;
        var target = nodes.get(e.to);
        var show = kindOn[target.kind] && e.verbs.some(function (v) { return verbOn[v]; });
        if (show) reached[e.to] = true; else edgeHidden[e.id] = true;
      });
      edges.forEach(function (e) {  // an instrument shows when a provision of it shows
        if (e.role === "part-of" && reached[e.from] && kindOn[nodes.get(e.to).kind]) reached[e.to] = true;
      });
      nodes.forEach(function (n) { if (!reached[n.id]) nodeHidden[n.id] = true; });
      applyHidden(nodeHidden, edgeHidden);
    }
  }

  function corpusFilters() {
    var organs = group("Organs", data.legend, update);
    var kinds = group("Kinds", data.kinds, update);
    controls.appendChild(organs);
    controls.appendChild(legend("Nodes", data.presence, function (item) {
      return el("span", {"class": "swatch dot", style: "background:" + item.color + ";border:2px solid " + item.border});
    }));
    controls.appendChild(kinds);

    var years = nodes.map(function (n) { return n.year; }).filter(function (y) { return y; });
    var minYear = Math.min.apply(null, years), maxYear = Math.max.apply(null, years);
    var yearSet = el("fieldset");
    yearSet.appendChild(el("legend", {}, "Years"));
    var from = el("input", {type: "number", id: "year-from", min: minYear, max: maxYear, value: minYear, "aria-label": "from year"});
    var to = el("input", {type: "number", id: "year-to", min: minYear, max: maxYear, value: maxYear, "aria-label": "to year"});
    var row = el("div");
    row.appendChild(from);
    row.appendChild(document.createTextNode(" – "));
    row.appendChild(to);
    yearSet.appendChild(row);
    yearSet.appendChild(el("div", {"class": "hint"}, "undated nodes show only with the full range"));
    from.addEventListener("change", update);
    to.addEventListener("change", update);
    controls.appendChild(yearSet);

    var sessionSet = el("fieldset");
    sessionSet.appendChild(el("legend", {}, "Session"));
    var session = el("select", {id: "session", "aria-label": "session"});
    session.appendChild(el("option", {value: ""}, "all sessions"));
    data.sessions.forEach(function (s) { session.appendChild(el("option", {value: s}, s)); });
    session.addEventListener("change", update);
    sessionSet.appendChild(session);
    controls.appendChild(sessionSet);

    var egoSet = el("fieldset");
    egoSet.appendChild(el("legend", {}, "Ego network"));
    var egoButton = el("button", {type: "button", id: "ego"}, "of the selected node");
    var allButton = el("button", {type: "button", id: "ego-off"}, "whole corpus");
    var buttons = el("div", {"class": "buttons"});
    buttons.appendChild(egoButton);
    buttons.appendChild(allButton);
    egoSet.appendChild(buttons);
    controls.appendChild(egoSet);
    var ego = null;
    egoButton.addEventListener("click", function () {
      var selected = network.getSelectedNodes();
      if (!selected.length) return;
      ego = selected[0];
      update();
      network.fit({nodes: [ego].concat(network.getConnectedNodes(ego)), animation: false});
    });
    allButton.addEventListener("click", function () { ego = null; update(); network.fit({animation: false}); });
    view.ego = function (id) { network.selectNodes([id]); egoButton.click(); };

    function update() {
      var organOn = checkedKeys(organs), kindOn = checkedKeys(kinds);
      var lo = Number(from.value) || minYear, hi = Number(to.value) || maxYear;
      var fullRange = lo <= minYear && hi >= maxYear;
      var sessionOn = session.value;
      var egoSet = null;
      if (ego !== null) {
        egoSet = {};
        egoSet[ego] = true;
        network.getConnectedNodes(ego).forEach(function (id) { egoSet[id] = true; });
      }
      var nodeHidden = {}, edgeHidden = {};
      nodes.forEach(function (n) {
        var show = organOn[n.organ] && kindOn[n.kind] &&
          (n.year ? n.year >= lo && n.year <= hi : fullRange) &&
          (!sessionOn || n.session === sessionOn) &&
          (!egoSet || egoSet[n.id]);
        if (!show) nodeHidden[n.id] = true;
      });
      if (ego !== null) {  // the ego network: only the chosen node's own citations
        edges.forEach(function (e) { if (e.from !== ego && e.to !== ego) edgeHidden[e.id] = true; });
      }
      applyHidden(nodeHidden, edgeHidden);
    }
  }

  // -- details ------------------------------------------------------------------------

  var details = document.getElementById("details");

  function facts(list) {
    var dl = el("dl");
    list.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") return;
      dl.appendChild(el("dt", {}, pair[0]));
      dl.appendChild(el("dd", {}, pair[1]));
    });
    return dl;
  }

  function overview() {
    details.replaceChildren();
    details.appendChild(el("h2", {}, corpus ? "The corpus" : "The resolution"));
    details.appendChild(facts(data.facts));
    details.appendChild(el("p", {"class": "hint"}, "Click a node to see what cites it; search above."));
  }

  function showDetails(id) {
    var n = nodes.get(id);
    if (!n) return overview();
    details.replaceChildren();
    details.appendChild(el("h2", {}, n.label));
    var info = [["kind", n.kind], ["full name", (n.name || n.title || "").split("\n")[0]]];
    if (corpus) info = info.concat([["organ", n.organ], ["year", n.year], ["session", n.session], ["cited by", n.cited]]);
    info.push(["identifier", n.iri]);
    details.appendChild(facts(info));
    var url = safeUrl(n.url);
    if (url) {
      var a = el("a", {href: url, target: "_blank", rel: "noopener noreferrer"}, /undocs\.org/.test(url) ? "Open on undocs.org" : "Open the public record");
      details.appendChild(el("p")).appendChild(a);
    }
    if (corpus) corpusDetails(n); else resolutionDetails(n);
  }

  function resolutionDetails(n) {
    if (n.id === data.root) { details.appendChild(facts(data.facts)); return; }
    var cites = n.citations || [];
    details.appendChild(el("h2", {}, cites.length === 1 ? "1 clause cites it" : cites.length + " clauses cite or address it"));
    cites.forEach(function (c) {
      var box = el("div", {"class": "citation"});
      var head = el("div");
      head.appendChild(el("span", {"class": "unit"}, c.unit + (c.anchor ? " (footnote to " + c.anchor + ")" : "")));
      head.appendChild(document.createTextNode(c.verb ? " · " + c.verb : ""));
      box.appendChild(head);
      box.appendChild(el("div")).appendChild(el("span", {"class": "surface"}, c.surface));
      if (c.page) box.appendChild(el("div")).appendChild(safeUrl(c.pdf) ? el("a", {"href": safeUrl(c.pdf), "target": "_blank", "rel": "noopener"}, c.page) : el("span", {}, c.page));
      if (c.footnote) box.appendChild(el("blockquote", {}, c.footnote));
      if (c.text) box.appendChild(el("blockquote", {}, (c.anchor ? c.anchor + ": " : "") + c.text));
      details.appendChild(box);
    });
  }

  function corpusDetails(n) {
    var incoming = [], outgoing = [];
    network.getConnectedEdges(n.id).forEach(function (eid) {
      var e = edges.get(eid);
      if (e.to === n.id) incoming.push(e); else outgoing.push(e);
    });
    [["Cited by", incoming, "from"], ["Cites", outgoing, "to"]].forEach(function (part) {
      if (!part[1].length) return;
      details.appendChild(el("h2", {}, part[0] + " (" + part[1].length + ")"));
      part[1].slice(0, 200).forEach(function (e) {
        var box = el("div", {"class": "citation"});
        box.appendChild(nodeButton(e[part[2]]));
        var verbs = e.v.map(function (i) { return data.verbs[i]; }).join(", ");
        box.appendChild(el("div", {"class": "hint"}, (verbs || "no verb") + (e.n > 1 ? " · " + e.n + " references" : "")));
        details.appendChild(box);
      });
      if (part[1].length > 200) details.appendChild(el("p", {"class": "hint"}, "and " + (part[1].length - 200) + " more"));
    });
  }

  function showNode(id) {
    if (nodes.get(id) === null) return;
    network.selectNodes([id]);
    if (!hidden.nodes[id]) network.focus(id, {scale: corpus ? 1.2 : 1, animation: false});
    highlight(id);
    showDetails(id);
  }

  // -- readable labels and the selected node ------------------------------------------

  var HIGHLIGHT = {background: "#ffd400", border: "#b07d00"};
  var selected = null;  // {id, color, borderWidth, font}: the highlighted node as it was before

  // the font that shows a label at px pixels on screen at the current zoom
  function screenFont(px, extra) {
    var f = {size: px / network.getScale()};
    Object.keys(extra || {}).forEach(function (k) { f[k] = extra[k]; });
    return f;
  }

  function highlight(id) {
    if (selected !== null && nodes.get(selected.id)) {
      nodes.update({id: selected.id, color: selected.color, borderWidth: selected.borderWidth, font: selected.font,
                    size: selected.size});
    }
    selected = null;
    var n = id === null || id === undefined ? null : nodes.get(id);
    if (!n) return;
    var plainFont = {size: data.options.nodes.font.size, background: "rgba(255,255,255,0)"};
    selected = {id: id, color: n.color, borderWidth: n.borderWidth || 1, font: n.font || plainFont,
                size: n.size || 16};
    var colour = {background: HIGHLIGHT.background, border: HIGHLIGHT.border, highlight: HIGHLIGHT, hover: HIGHLIGHT};
    // the selected node is at least 12 px across on screen, and its label data.labelPx + 2
    nodes.update({id: id, color: colour, borderWidth: 3, size: Math.max(selected.size, 12 / network.getScale()),
                  font: screenFont(data.labelPx + 2, {background: "rgba(255,255,255,0.85)", color: "#111111"})});
  }

  // the corpus: the most-cited nodes keep their label at data.labelPx on screen whatever the zoom
  // (most cited first; a label that would overlap one already placed is left to show when zoomed in)
  function labelTop() {
    if (!corpus) return;
    var changes = [], placed = [], scale = network.getScale();
    var top = nodes.get({filter: function (n) { return n.top && !hidden.nodes[n.id]; }});
    top.sort(function (a, b) { return b.cited - a.cited || a.id - b.id; });
    top.forEach(function (n) {
      if (selected !== null && selected.id === n.id) return;
      var p = network.canvasToDOM({x: n.x, y: n.y});
      var w = String(n.label).length * data.labelPx * 0.55, h = data.labelPx * 1.4;
      var box = {left: p.x - w / 2, right: p.x + w / 2, top: p.y + n.size * scale, bottom: p.y + n.size * scale + h};
      var free = placed.every(function (o) {
        return box.right < o.left || box.left > o.right || box.bottom < o.top || box.top > o.bottom;
      });
      if (free) placed.push(box);
      changes.push({id: n.id, font: free ? screenFont(data.labelPx, {background: "rgba(255,255,255,0.7)"})
                                         : {size: data.options.nodes.font.size, background: "rgba(255,255,255,0)"}});
    });
    if (changes.length) nodes.update(changes);
  }

  // one resolution: zoom in (around the resolution) until the smallest label is data.labelPx on screen
  function readable(always) {
    if (corpus) return;
    var smallest = Math.min(data.options.nodes.font.size, data.options.edges.font.size);
    var scale = data.labelPx / smallest;
    if (always || network.getScale() < scale) {
      var root = network.getPosition(data.root);
      network.moveTo({position: root, scale: Math.max(scale, always ? scale : 0), animation: false});
    }
  }

  view.highlighted = function () { return selected === null ? null : selected.id; };
  view.labelPx = function (id) {  // a node's label as drawn now, in screen pixels
    var body = network.body.nodes[id];
    return body.labelModule.fontOptions.size * network.getScale();
  };
  view.edgeLabelPx = function (id) {
    var body = network.body.edges[id];
    return body.labelModule.fontOptions.size * network.getScale();
  };

  // -- search -------------------------------------------------------------------------

  var searchInput = document.getElementById("search");
  var results = document.getElementById("search-results");

  function fold(s) { return String(s || "").toLowerCase(); }

  // node ids whose label or full name contains the query: exact labels first, then prefixes
  function search(query) {
    var q = fold(query).trim();
    if (!q) return [];
    var scored = [];
    nodes.forEach(function (n) {
      var label = fold(n.label), name = fold(n.name || n.title);
      var rank = label === q ? 0 : label.indexOf(q) === 0 ? 1 : label.indexOf(q) >= 0 ? 2 : name.indexOf(q) >= 0 ? 3 : -1;
      if (rank >= 0) scored.push([rank, -(n.cited || 0), label, n.id]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[3] - b[3]); });
    return scored.map(function (s) { return s[3]; });
  }

  function listResults() {
    results.replaceChildren();
    var found = search(searchInput.value);
    found.slice(0, 30).forEach(function (id) {
      var li = el("li");
      var b = nodeButton(id);
      b.addEventListener("click", function () { results.replaceChildren(); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (searchInput.value.trim() && !found.length) results.appendChild(el("li", {"class": "hint"}, "nothing found"));
    return found;
  }

  searchInput.addEventListener("input", listResults);
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = listResults();
      if (found.length) showNode(found[0]);
    } else if (ev.key === "Escape") {
      results.replaceChildren();
    }
  });

  // -- the network --------------------------------------------------------------------

  if (corpus) corpusFilters(); else resolutionFilters();
  overview();

  network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, data.options);
  network.on("afterDrawing", function () {
    if (view.firstDrawMs === null) {
      view.firstDrawMs = performance.now();
      // the first draw has fitted the whole graph: now make the labels readable at that zoom
      readable(false);
      labelTop();
      document.body.setAttribute("data-drawn", "true");
    }
  });
  network.on("zoom", function () {
    labelTop();
    if (selected !== null) highlight(selected.id);
  });
  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]);
      showDetails(params.nodes[0]);
    } else {
      highlight(null);
      overview();
    }
  });
})();
