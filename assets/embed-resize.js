// Loaded by OTHER sites, from the embed snippet (served as /embed/resize.js, never part of our pages):
// fits the height of each of our <iframe>s to the chart inside it, in the manner of Datawrapper's
// responsive embed code. The frame tells its height with a {type: "vzla-dashboard:height", height}
// message (assets/embed.js); only messages from this script's own origin are read, and only the
// frame that sent the message is resized. Without this script the frame keeps its height attribute.
(function () {
  "use strict";
  if (window.vzlaDashboardResize) return;  // several snippets on one page load the script once
  var script = document.currentScript;
  var origin;
  try {
    origin = new URL(script && script.src ? script.src : "", window.location.href).origin;
  } catch (error) {
    return;
  }
  if (!origin || origin === "null") return;
  window.vzlaDashboardResize = true;
  var MIN = 80;
  var MAX = 20000;

  function ownFrames() {
    var frames = document.getElementsByTagName("iframe");
    var found = [];
    for (var i = 0; i < frames.length; i++) {
      var src = frames[i].getAttribute("src") || "";
      try {
        var url = new URL(src, window.location.href);
        if (url.origin === origin && url.pathname.indexOf("/embed/") === 0) found.push(frames[i]);
      } catch (error) { /* not a URL: not ours */ }
    }
    return found;
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "vzla-dashboard:height") return;
    var height = Math.ceil(Number(data.height));
    if (!isFinite(height) || height < MIN || height > MAX) return;
    var frames = ownFrames();
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + "px";
        frames[i].setAttribute("height", String(height));
        return;
      }
    }
  });

  // A frame that loaded before this script (it is async) already sent its height: ask again.
  function ask() {
    var frames = ownFrames();
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: "vzla-dashboard:request-height" }, origin);
    }
  }
  ask();
  if (document.readyState !== "complete") window.addEventListener("load", ask);
})();
