// "Map your own figures" (pages/your_map.py), the parts that must happen in the browser:
// - refuse a file or a paste larger than the limit before it is sent (the server checks again, and answers
//   callbacks of more than 256 KB with 413, which a reader would only see as nothing happening);
// - wait until the reader stops typing in the paste box before sending the table;
// - read a shared map from the URL fragment (which browsers never send to a server) and write the share link;
// - put the image texts where assets/chart_export.js reads them; build the GeoJSON download from the
//   boundaries the browser already fetched for the map.
(function () {
  var pending = null;

  function words() {
    var holder = document.getElementById("yourmap-words");
    if (!holder) return {};
    try { return JSON.parse(holder.getAttribute("data-words")) || {}; } catch (error) { return {}; }
  }

  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, key) {
      return values[key] === undefined ? all : values[key];
    });
  }

  function alert(text) {
    return { type: "Div", namespace: "dash_html_components",
             props: { className: "alert alert-danger py-2 small", children: text } };
  }

  function limit() {
    var limits = document.getElementById("yourmap-limits");
    return Number(limits && limits.getAttribute("data-max-bytes")) || 100000;
  }

  function save(text, filename, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // dcc.Upload's file input (the Tab stop: Enter or Space opens the file dialog) has no name of its own:
  // give it the words of the visible button.
  function nameFileInput() {
    var input = document.querySelector("#yourmap-upload input[type=file]:not([aria-label])");
    var button = document.querySelector("#yourmap-upload .btn");
    if (input && button) input.setAttribute("aria-label", button.textContent);
  }
  new MutationObserver(function () {
    if (document.getElementById("yourmap-upload")) nameFileInput();
  }).observe(document.documentElement, { childList: true, subtree: true });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    yourmap: {
      guardFile: function (contents) {
        var nothing = window.dash_clientside.no_update;
        if (!contents || typeof contents !== "string") return [nothing, nothing];
        var body = contents.slice(contents.indexOf(",") + 1);
        var bytes = Math.floor(body.length * 3 / 4);
        if (bytes > limit() + 2) {
          // The stored file is left as it was: clearing it would start a read that wipes this message.
          return [nothing, alert(fill(words().fileTooLarge, { size: Math.ceil(bytes / 1000), limit: limit() / 1000 }))];
        }
        return [contents, nothing];
      },

      // Sent 600 ms after the last change; a paste over the limit is refused here with a message.
      guardText: function (text) {
        var nothing = window.dash_clientside.no_update;
        if (pending) pending.resolve([nothing, nothing]);
        return new Promise(function (resolve) {
          var mine = { resolve: resolve };
          pending = mine;
          setTimeout(function () {
            if (pending !== mine) return;
            pending = null;
            var bytes = new Blob([text || ""]).size;
            if (bytes > limit()) {
              resolve([null, alert(fill(words().textTooLarge, { size: Math.ceil(bytes / 1000), limit: limit() / 1000 }))]);
            } else {
              resolve([text || "", nothing]);
            }
          }, 600);
        });
      },

      readFragment: function () {
        var hash = window.location.hash || "";
        return hash.indexOf("#d=") === 0 ? hash.slice(1) : window.dash_clientside.no_update;
      },

      shareUrl: function (fragment) {
        if (!fragment) return "";
        var url = window.location.origin + window.location.pathname + "#" + fragment;
        if (window.location.hash.slice(1) !== fragment) {
          window.history.replaceState(window.history.state, "", window.location.pathname + "#" + fragment);
        }
        return url;
      },

      setExport: function (texts) {
        var holder = document.getElementById("yourmap-export-holder");
        if (holder) holder.setAttribute("data-export", JSON.stringify(texts || {}));
        var names = document.querySelectorAll("#yourmap-card [data-image-format]");
        names.forEach(function (button) {
          button.setAttribute("data-image-name", (texts && texts.filename) || "my-map");
        });
        return "";
      },

      downloadGeojson: function (clicks, result) {
        var said = words();
        if (!clicks) return window.dash_clientside.no_update;
        if (!result || !result.geometry || !result.properties) return said.drawFirst || "";
        return fetch(result.geometry).then(function (response) { return response.json(); }).then(function (doc) {
          var features = (doc.features || []).filter(function (feature) {
            return Object.prototype.hasOwnProperty.call(result.properties, feature.id);
          }).map(function (feature) {
            return { type: "Feature", id: feature.id, properties: result.properties[feature.id],
                     geometry: feature.geometry };
          });
          var collection = { type: "FeatureCollection", features: features };
          save(JSON.stringify(collection), result.filename || "my-map.geojson", "application/geo+json");
          return fill(said.geojsonDone, { count: features.length });
        }).catch(function () { return said.geojsonFailed || ""; });
      },
    },
  });
})();
