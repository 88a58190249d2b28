// Filters (verdict, code, site) and sortable tables. The page reads fully without this script.
(function () {
  "use strict";
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll(".filterable"));
  var status = document.getElementById("filter-status");

  function words(el, name) {
    var value = el.getAttribute("data-" + name);
    return value === null ? null : value.split(" ");
  }

  // An element passes a filter when it says nothing about that facet, or when its value matches.
  function passes(el, facet, value) {
    if (!value) return true;
    if (facet === "verdict") {
      var one = el.getAttribute("data-verdict"), many = words(el, "verdicts");
      if (one !== null) return one === value;
      return many === null || many.indexOf(value) >= 0;
    }
    if (facet === "code") {
      var codes = words(el, "codes");
      return codes === null || codes.indexOf(value) >= 0;
    }
    var site = el.getAttribute("data-site");
    return site === null || site === value;
  }

  function apply() {
    var chosen = {};
    selects.forEach(function (s) { chosen[s.getAttribute("data-filter")] = s.value; });
    var shown = { example: 0, site: 0, code: 0 }, total = { example: 0, site: 0, code: 0 };
    items.forEach(function (el) {
      var ok = Object.keys(chosen).every(function (facet) { return passes(el, facet, chosen[facet]); });
      el.hidden = !ok;
      var kind = el.classList.contains("example") ? "example" : (el.hasAttribute("data-site") ? "site" : "code");
      total[kind] += 1;
      if (ok) shown[kind] += 1;
    });
    if (status) {
      status.textContent = "Showing " + shown.example + " of " + total.example + " articles, " +
        shown.site + " of " + total.site + " sites, " + shown.code + " of " + total.code + " codes.";
    }
  }

  selects.forEach(function (s) { s.addEventListener("change", apply); });
  var form = document.querySelector("form.filters");
  if (form) form.addEventListener("reset", function () { setTimeout(apply, 0); });

  function cellValue(row, index) {
    var text = row.cells[index] ? row.cells[index].textContent.trim() : "";
    var number = parseFloat(text.replace(/,/g, "").replace(/%$/, ""));
    return isNaN(number) || !/^[\d.,%-]+$/.test(text) ? text.toLowerCase() : number;
  }

  Array.prototype.slice.call(document.querySelectorAll("table.sortable")).forEach(function (tableEl) {
    var heads = Array.prototype.slice.call(tableEl.tHead.rows[0].cells);
    heads.forEach(function (th, index) {
      th.tabIndex = 0;
      th.setAttribute("aria-sort", "none");
      function sort() {
        var descending = th.getAttribute("aria-sort") !== "descending";
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = tableEl.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          if (typeof x !== typeof y) { x = String(x); y = String(y); }
          var order = x < y ? -1 : (x > y ? 1 : 0);
          return descending ? -order : order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  });

  // A link to a rule's text (a bar of the codes chart, a code in a table) opens it.
  function openTarget() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // Printing shows every collapsed section.
  window.addEventListener("beforeprint", function () {
    Array.prototype.slice.call(document.querySelectorAll("details")).forEach(function (d) { d.open = true; });
  });
  apply();
})();
