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

  // Elements as the shared scripts describe them (Dash's component JSON: table rows from
  // assets/tables.js, the Embed panel from assets/embed.js), drawn into the DOM.
  function draw(node) {
    if (node === null || node === undefined) return document.createTextNode("");
    if (typeof node !== "object") return document.createTextNode(String(node));
    if (Array.isArray(node)) {
      var fragment = document.createDocumentFragment();
      node.forEach(function (child) { fragment.appendChild(draw(child)); });
      return fragment;
    }
    var props = node.props || {};
    var core = node.namespace === "dash_core_components";
    var element;
    if (core && node.type === "Clipboard") {  // a real button; assets/shell.js copies its target's text
      element = document.createElement("button");
      element.type = "button";
      element.textContent = props.title || "";
      element.setAttribute("data-copy-target", idOf(props.target_id));
      element.setAttribute("data-copied", "✓ " + (props.title || ""));
      if (props.className) element.className = props.className;
      return element;
    }
    element = document.createElement(core && node.type === "Textarea" ? "textarea" : node.type.toLowerCase());
    Object.keys(props).forEach(function (name) {
      var value = props[name];
      if (name === "children" || value === undefined || value === null) return;
      if (name === "id") element.id = typeof value === "object" ? idOf(value) : value;
      else if (name === "value") element.value = value;
      else if (name === "readOnly") element.readOnly = !!value;
      else element.setAttribute(name === "className" ? "class" : name, value);
    });
    if (props.children !== undefined) element.appendChild(draw(props.children));
    return element;
  }

  function renderTable(table, data, order) {
    var result = window.dash_clientside.tables.render(data, order);
    var body = byId({ type: "table-body", table: table });
    if (body && Array.isArray(result[0])) {
      body.replaceChildren(draw(result[0]));
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
      if (Array.isArray(out[0])) panel.replaceChildren(draw(out[0]));
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
