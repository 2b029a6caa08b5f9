/* policykb site scripts: matrix filters, the compare picker and the map's dimension picker.
 *
 * Served from this repository; no other host is contacted. Every page works without this file
 * (the matrix and map show everything; the compare page explains itself). Text from records is
 * only ever inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function replaceQuery(params) {
    var q = params.toString();
    history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + location.hash);
  }

  /* ---- Comparison matrix ------------------------------------------------------------------ */
  function initMatrix() {
    var form = document.getElementById("pkb-matrix-filters");
    var table = document.getElementById("pkb-matrix");
    if (!form || !table) return;
    var count = document.getElementById("pkb-matrix-count");
    var fields = ["dimension", "answer", "group", "kind"];
    var params = new URLSearchParams(location.search);
    fields.forEach(function (f) { if (params.get(f)) form.elements[f].value = params.get(f); });
    form.hidden = false;

    function apply() {
      var v = {};
      fields.forEach(function (f) { v[f] = form.elements[f].value; });
      var entryFilter = v.answer || v.group || v.kind;
      table.querySelectorAll("[data-dimension]").forEach(function (cell) {
        cell.hidden = !!v.dimension && cell.getAttribute("data-dimension") !== v.dimension;
      });
      var rows = table.querySelectorAll("tbody tr"), shown = 0;
      rows.forEach(function (row) {
        var any = false;
        row.querySelectorAll("li[data-answer]").forEach(function (li) {
          var ok = (!v.answer || li.getAttribute("data-answer") === v.answer) &&
                   (!v.group || li.getAttribute("data-group") === v.group) &&
                   (!v.kind || li.getAttribute("data-kind") === v.kind);
          li.hidden = !ok;
          if (ok && !li.closest("td").hidden) any = true;
        });
        row.hidden = !!entryFilter && !any;
        if (!row.hidden) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " jurisdictions shown";
      var p = new URLSearchParams();
      fields.forEach(function (f) { if (v[f]) p.set(f, v[f]); });
      replaceQuery(p);
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  /* ---- Side-by-side compare --------------------------------------------------------------- */
  function initCompare() {
    var form = document.getElementById("pkb-compare-picker");
    var out = document.getElementById("pkb-compare-result");
    var dataNode = document.getElementById("pkb-compare-data");
    if (!form || !out || !dataNode) return;
    var data = JSON.parse(dataNode.textContent);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-slot]"));
    var wanted = (new URLSearchParams(location.search).get("records") || "").split(",").filter(function (id) {
      return Object.prototype.hasOwnProperty.call(data.records, id);
    });
    selects.forEach(function (s, i) { s.value = wanted[i] || ""; });
    form.hidden = false;

    function chosen() {
      var ids = [];
      selects.forEach(function (s) { if (s.value && ids.indexOf(s.value) < 0) ids.push(s.value); });
      return ids;
    }

    function cellFor(rec, dim) {
      var provs = rec.provisions.filter(function (p) { return p.d === dim.id; });
      if (!provs.length) return el("td", {}, [el("span", { "class": "pkb-none", text: "No coded provision" })]);
      var list = el("ul", { "class": "pkb-entries" });
      provs.forEach(function (p) {
        list.appendChild(el("li", {}, [
          el("a", { "class": "pkb-entry pkb-a-" + p.a, href: p.href, text: dim.answers[p.a] || p.a }),
          p.c ? el("div", {}, [el("small", { text: p.c })]) : null,
          el("div", { text: p.n })
        ]));
      });
      return el("td", {}, [list]);
    }

    function render() {
      var ids = chosen();
      var p = new URLSearchParams(location.search);
      if (ids.length) p.set("records", ids.join(",")); else p.delete("records");
      replaceQuery(p);
      out.textContent = "";
      if (ids.length < 2) {
        out.appendChild(el("p", { text: "Pick at least two records to compare." }));
        return;
      }
      var recs = ids.map(function (id) { return data.records[id]; });
      var headRow = el("tr", {}, [el("th", { scope: "col", text: "Dimension" })]);
      recs.forEach(function (r) {
        headRow.appendChild(el("th", { scope: "col" }, [
          el("a", { href: r.url, text: r.label }),
          r.title !== r.label ? el("div", {}, [el("small", { text: r.title })]) : null,
          el("div", {}, [el("small", { text: r.jurisdiction + " · " + r.kind + " · " + (r.status || "no status") })])
        ]));
      });
      var body = el("tbody");
      data.dimensions.forEach(function (dim) {
        var row = el("tr", {}, [el("th", { scope: "row", text: dim.label })]);
        recs.forEach(function (r) { row.appendChild(cellFor(r, dim)); });
        body.appendChild(row);
      });
      var caption = el("caption", { text: "Comparing " + recs.map(function (r) { return r.label; }).join(", ") });
      out.appendChild(el("div", { "class": "pkb-scroll" }, [el("table", { id: "pkb-compare-table" }, [caption, el("thead", {}, [headRow]), body])]));
    }
    form.addEventListener("change", render);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.getElementById("pkb-compare-clear").addEventListener("click", function () {
      selects.forEach(function (s) { s.value = ""; });
      render();
      selects[0].focus();
    });
    render();
  }

  /* ---- Map ---------------------------------------------------------------------------------- */
  function initMap() {
    var form = document.getElementById("pkb-map-picker");
    if (!form) return;
    var sections = Array.prototype.slice.call(document.querySelectorAll(".pkb-map-section"));
    var select = form.elements.dimension;
    function fromHash() {
      var wanted = location.hash.replace(/^#map-/, "");
      if (wanted && sections.some(function (s) { return s.getAttribute("data-dimension") === wanted; })) select.value = wanted;
    }
    function apply(updateUrl) {
      sections.forEach(function (s) { s.hidden = s.getAttribute("data-dimension") !== select.value; });
      if (updateUrl) history.replaceState(null, "", location.pathname + location.search + "#map-" + select.value);
    }
    fromHash();
    form.hidden = false;
    select.addEventListener("change", function () { apply(true); });
    window.addEventListener("hashchange", function () { fromHash(); apply(false); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply(false);
  }

  function init() { initMatrix(); initCompare(); initMap(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
