// The tables' sort and search, in the browser: a header button sorts by its column (numbers largest
// first, text A to Z; a second press reverses), a search box keeps the rows containing its text, and
// new rows (the map's year slider) are drawn in the reader's order. Rows are drawn from the cells sent
// with the table ([text, sort value, link]); rows without a value always go last. Headers announce the
// order with aria-sort; a status line tells screen readers what changed. A table in a closed <details>
// (components/data_table.py, table_disclosure) has no rows until the reader opens it: its rows are drawn
// then, from the cells of the view shown at that moment, and dropped again when it is closed.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  tables: {
    sort: function (clicks, order, data) {
      var context = window.dash_clientside.callback_context;
      var triggered = context && context.triggered_id;
      if (!triggered || triggered.column === undefined || !data) return window.dash_clientside.no_update;
      return nextOrder(order, data, triggered.column);
    },

    filter: function (text, order) {
      return Object.assign({}, order, { filter: text || "" });
    },

    render: function (data, order, open) {
      var nothing = window.dash_clientside.no_update;
      if (!data || !data.columns) return [nothing, [], [], nothing];
      order = order || {};
      if (open === false) {
        // Closed: nothing to draw (the map's new year is drawn when it opens); a table just closed drops its rows.
        var triggered = (window.dash_clientside.callback_context.triggered || []).map(function (t) { return t.prop_id; });
        if (!triggered.some(function (id) { return id.indexOf("table-open") >= 0; })) throw window.dash_clientside.PreventUpdate;
        return [[], nothing, nothing, ""];
      }
      var rows = data.rows;
      var wanted = fold(order.filter || "").trim();
      if (wanted) rows = rows.filter(function (row) { return row.some(function (cell) { return fold(cell[0]).indexOf(wanted) >= 0; }); });
      var column = order.column;
      var sorted = column !== null && column !== undefined && column < data.columns.length;
      if (sorted) rows = sortRows(rows, column, order.descending);
      var sorts = data.columns.map(function (_, index) {
        if (!sorted || column !== index) return null;
        return order.descending ? "descending" : "ascending";
      });
      var labels = data.columns.map(function (c) { return c.label; });
      var texts = order.texts || {};
      var status = [];
      if (sorted && texts.sorted) {
        status.push(texts.sorted.replace("{column}", labels[column]).replace("{order}", texts[sorts[column]] || ""));
      }
      if (wanted && texts.shown) {
        status.push(texts.shown.replace("{shown}", String(rows.length)).replace("{total}", String(data.rows.length)));
      }
      return [rows.map(function (row) { return tableRow(row, data.columns); }), sorts, labels, status.join(" ")];
    },
  },
});

// A header pressed: numbers sort largest first, text A to Z; pressing the same header again reverses.
function nextOrder(order, data, column) {
  var numeric = data.columns[column] && data.columns[column].numeric;
  var descending = order && order.column === column ? !order.descending : !!numeric;
  return Object.assign({}, order, { column: column, descending: descending });
}
// A table's <details> says when it opens or closes; its table-open store follows (and redraws the rows).
// "toggle" does not bubble, so it is caught on its way down.
document.addEventListener("toggle", function (event) {
  var details = event.target;
  var table = details && details.getAttribute && details.getAttribute("data-table");
  var clientside = window.dash_clientside;
  if (!table || !clientside || !clientside.set_props) return;
  var drawn = !!details.querySelector("tbody tr");
  if (details.open === drawn) return;  // already as it should be (e.g. opened by the server's redraw)
  clientside.set_props({ type: "table-open", table: table }, { data: details.open });
}, true);

function fold(text) {
  return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function sortRows(rows, column, descending) {
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  // Stable: equal values keep the order the source gave them.
  return rows.map(function (row, index) { return [row, index]; }).sort(function (a, b) {
    var x = a[0][column][1], y = b[0][column][1];
    var xMissing = x === null || x === undefined, yMissing = y === null || y === undefined;
    if (xMissing || yMissing) return xMissing === yMissing ? a[1] - b[1] : (xMissing ? 1 : -1);
    var result = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    if (result === 0) return a[1] - b[1];
    return descending ? -result : result;
  }).map(function (pair) { return pair[0]; });
}

function htmlElement(type, props) {
  return { type: type, namespace: "dash_html_components", props: props };
}

function tableRow(row, columns) {
  return htmlElement("Tr", {
    children: row.map(function (cell, index) {
      var content = cell[2]
        ? htmlElement("A", { children: cell[0], href: cell[2], target: "_blank", rel: "noopener" })
        : cell[0];
      if (index === 0) return htmlElement("Th", { children: content, scope: "row" });
      return htmlElement("Td", { children: content, className: columns[index] && columns[index].numeric ? "num" : undefined });
    }),
  });
}
