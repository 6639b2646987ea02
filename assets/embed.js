// Embeds: the "Embed" action's snippet and the embedded page's height messages to its host. The PNG/SVG
// downloads of charts are in assets/chart_export.js.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  embed: {
    // Build the <iframe> code from the page's current view (the map keeps its URL up to date), and the
    // panel that shows it (components/embed_snippet.py sends only its words, so closed panels cost nothing).
    showSnippet: function (clicks, meta, hidden) {
      var nothing = window.dash_clientside.no_update;
      if (!meta) return [nothing, nothing, nothing];
      var params;
      if (meta.params) {
        params = new URLSearchParams();
        Object.keys(meta.params).forEach(function (key) { params.set(key, meta.params[key]); });
      } else {
        params = new URLSearchParams(window.location.search);
      }
      params.delete("lang");
      params.set("lang", meta.lang === "en" ? "en" : "es");
      var src = window.location.origin + "/embed/" + encodeURIComponent(meta.chart) + "?" + params.toString();
      // The frame works alone (it keeps its height and scrolls); the script, when the host allows
      // it, fits the frame to the chart (assets/embed-resize.js).
      var code = '<iframe src="' + escapeAttribute(src) + '" title="' + escapeAttribute(meta.title || "") +
        '" width="100%" height="' + (meta.height || 600) + '" style="border:0;width:100%;max-width:100%"' +
        ' loading="lazy" data-vzla-embed="' + escapeAttribute(meta.chart) + '"></iframe>\n' +
        '<script async src="' + escapeAttribute(window.location.origin + (meta.script || "/embed/resize.js")) +
        '"></script>';
      var open = hidden !== false;  // it was hidden, so it opens now
      if (!open) return [nothing, true, "false"];
      return [panel(meta, code), false, "true"];
    },
  },
});

function component(namespace, type, props) {
  return { type: type, namespace: namespace, props: props };
}

// The panel: the code in a read-only text box named by its label, a copy button and a note.
function panel(meta, code) {
  var texts = meta.texts || {};
  var box = { type: "embed-code", chart: meta.chart };
  var html = "dash_html_components", dcc = "dash_core_components";
  return [
    component(html, "Div", {
      className: "d-flex gap-2 align-items-end",
      children: [
        component(html, "Label", {
          className: "flex-grow-1",
          children: [
            component(html, "Span", { className: "d-block small fw-semibold mb-1", children: texts.label }),
            component(dcc, "Textarea", { id: box, value: code, readOnly: true, rows: 4,
                                         className: "form-control form-control-sm embed-code" }),
          ],
        }),
        component(dcc, "Clipboard", { target_id: box, title: texts.copy, className: "btn btn-outline-secondary btn-sm" }),
      ],
    }),
    component(html, "P", { className: "small text-body-secondary mb-0 mt-1", children: texts.note }),
  ];
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")
    .replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Inside a frame on another site, tell the host how tall the content is, on load and whenever it
// changes, as common embed scripts do: {type: "vzla-dashboard:height", height, chart}. The height is
// where the content ends (not the frame's own height), so the frame can shrink as well as grow; the
// host's resize script (assets/embed-resize.js) asks again with "vzla-dashboard:request-height".
(function reportHeight() {
  if (window.location.pathname.indexOf("/embed/") !== 0 || window.parent === window) return;
  var last = -1;
  var watched = null;
  var observer = window.ResizeObserver ? new window.ResizeObserver(function () { send(); }) : null;
  function contentHeight() {
    var root = document.getElementById("embed-root");
    if (!root) return 0;
    if (observer && watched !== root) {
      observer.observe(root);
      watched = root;
    }
    var style = window.getComputedStyle(root);
    var bottom = root.getBoundingClientRect().bottom + window.scrollY + (parseFloat(style.marginBottom) || 0);
    return Math.ceil(bottom);
  }
  function send() {
    var height = contentHeight();
    if (!height || height === last) return;
    last = height;
    var chart = decodeURIComponent(window.location.pathname.split("/")[2] || "");
    window.parent.postMessage({ type: "vzla-dashboard:height", height: height, chart: chart }, "*");
  }
  function watch() {
    if (observer) observer.observe(document.body);
    window.addEventListener("resize", send);
    send();
  }
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || !event.data || event.data.type !== "vzla-dashboard:request-height") return;
    last = -1;
    send();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
  window.addEventListener("load", send);
  // The sources open and close inside the frame: a <details> toggle changes the height.
  document.addEventListener("toggle", send, true);
})();
