// Document pages (home, about, data, briefings) arrive as finished HTML without the Dash client
// (web/documents.py). The few controls on them get here the behaviour Dash's callbacks give the same
// components elsewhere, with the same functions: the menu, the tables' sort and search
// (assets/tables.js), the Embed code (assets/embed.js). Copy buttons and image downloads are handled
// for every page by assets/shell.js and assets/chart_export.js.
(function () {
  if (!document.documentElement.hasAttribute("data-document")) return;

  function idOf(object) {  // the DOM id Dash writes for a dict id: JSON with sorted keys
    var keys = Object.keys(object).sort();
    return "{" + keys.map(function (k) { return JSON.stringify(k) + ":" + JSON.stringify(object[k]); }).join(",") + "}";
  }
  function byId(object) { return document.getElementById(idOf(object)); }
  function json(element) { return element ? JSON.parse(element.textContent) : null; }
  function parsedId(element) {
    try { return JSON.parse(element.id); } catch (error) { return null; }
  }

  // Elements as assets/tables.js describes rows (Dash's component JSON), drawn into the DOM.
  function draw(node) {
    if (node === null || node === undefined) return document.createTextNode("");
    if (typeof node !== "object") return document.createTextNode(String(node));
    var element = document.createElement(node.type.toLowerCase());
    var props = node.props || {};
    Object.keys(props).forEach(function (name) {
      if (name === "children" || props[name] === undefined) return;
      element.setAttribute(name === "className" ? "class" : name, props[name]);
    });
    [].concat(props.children === undefined ? [] : props.children).forEach(function (child) {
      element.appendChild(draw(child));
    });
    return element;
  }

  function renderTable(table, data, order) {
    var result = window.dash_clientside.tables.render(data, order);
    var body = byId({ type: "table-body", table: table });
    if (body && Array.isArray(result[0])) {
      body.replaceChildren.apply(body, result[0].map(draw));
    }
    result[1].forEach(function (sort, column) {
      var head = byId({ type: "table-head", table: table, column: column });
      if (!head) return;
      if (sort) head.setAttribute("aria-sort", sort); else head.removeAttribute("aria-sort");
    });
    var status = byId({ type: "table-status", table: table });
    if (status && typeof result[3] === "string") status.textContent = result[3];
  }

  var orders = {};
  function tableState(table) {
    if (!orders[table]) orders[table] = json(byId({ type: "table-order", table: table })) || {};
    return orders[table];
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) return;
    var toggler = target.closest("#navbar-toggler");
    if (toggler) {
      var collapse = document.getElementById("navbar-collapse");
      var open = collapse.classList.toggle("show");
      toggler.setAttribute("aria-expanded", open ? "true" : "false");
      return;
    }
    var sorter = target.closest("button.table-sort");
    var key = sorter && parsedId(sorter);
    if (key && key.table) {
      var data = json(byId({ type: "table-data", table: key.table }));
      orders[key.table] = nextOrder(tableState(key.table), data, key.column);
      renderTable(key.table, data, orders[key.table]);
      return;
    }
    var opener = target.closest("button");
    var embed = opener && parsedId(opener);
    if (embed && embed.type === "embed-open") {
      var meta = json(byId({ type: "embed-meta", chart: embed.chart }));
      var panel = byId({ type: "embed-panel", chart: embed.chart });
      var out = window.dash_clientside.embed.showSnippet(1, meta, panel.hidden);
      byId({ type: "embed-code", chart: embed.chart }).value = out[0];
      panel.hidden = out[1];
      opener.setAttribute("aria-expanded", out[2]);
    }
  });

  document.addEventListener("input", function (event) {
    var key = parsedId(event.target);
    if (!key || key.type !== "table-filter") return;
    var data = json(byId({ type: "table-data", table: key.table }));
    orders[key.table] = Object.assign({}, tableState(key.table), { filter: event.target.value || "" });
    renderTable(key.table, data, orders[key.table]);
  });
})();
