// Embeds: the "Embed" action's snippet and the embedded page's height messages to its host. The PNG/SVG
// downloads of charts are in assets/chart_export.js.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  embed: {
    // Build the <iframe> code from the page's current view (the map keeps its URL up to date).
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
      var code = '<iframe src="' + escapeAttribute(src) + '" title="' + escapeAttribute(meta.title || "") +
        '" width="100%" height="' + (meta.height || 600) + '" style="border:0;width:100%;max-width:100%"' +
        ' loading="lazy" data-vzla-embed="' + escapeAttribute(meta.chart) + '"></iframe>';
      var open = hidden !== false;  // it was hidden, so it opens now
      return [code, !open, open ? "true" : "false"];
    },
  },
});

function escapeAttribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")
    .replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Inside a frame on another site, tell the host how tall the content is, on load and whenever it
// changes, as common embed scripts do: {type: "vzla-dashboard:height", height, chart}.
(function reportHeight() {
  if (window.location.pathname.indexOf("/embed/") !== 0 || window.parent === window) return;
  var last = -1;
  function send() {
    var root = document.getElementById("embed-root");
    var height = Math.ceil(root ? root.getBoundingClientRect().height + 16 : document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    var chart = decodeURIComponent(window.location.pathname.split("/")[2] || "");
    window.parent.postMessage({ type: "vzla-dashboard:height", height: height, chart: chart }, "*");
  }
  function watch() {
    if (window.ResizeObserver) new window.ResizeObserver(send).observe(document.body);
    window.addEventListener("resize", send);
    send();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
  window.addEventListener("load", send);
})();
