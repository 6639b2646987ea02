// Pages whose view lives in the URL (map, trends, comparisons), in the browser: CSV downloads from the text sent with each chart,
// the URL kept in step with the controls (history.replaceState, no reload), and clicks on an event
// or a good-practice line that bring its citation or card into view.
(function () {
  function clean(value) {
    if (Array.isArray(value)) return value.join(",");
    return value === null || value === undefined ? "" : String(value);
  }

  function sync(slug, values, lang) {
    var params = new URLSearchParams();
    Object.keys(values).forEach(function (key) {
      var text = clean(values[key]);
      if (text !== "") params.set(key, text);
    });
    var path = "/" + (lang === "en" ? "en" : "es") + "/" + slug;
    var url = path + "?" + params.toString().replace(/%2C/g, ",");
    if (window.location.pathname === path) {
      window.history.replaceState(window.history.state, "", url + window.location.hash);
      var switcher = document.getElementById("language-switch");
      if (switcher) {
        var other = lang === "en" ? "es" : "en";
        switcher.setAttribute("href", "/" + other + "/" + slug + "?" + params.toString().replace(/%2C/g, ","));
      }
    }
    return window.location.origin + url;
  }

  function focus(id) {
    var target = document.getElementById(id);
    if (!target) return "";
    var details = target.closest("details");
    if (details) details.open = true;
    document.querySelectorAll(".is-focused").forEach(function (el) {
      el.classList.remove("is-focused");
      el.style.outline = "";
    });
    target.classList.add("is-focused");
    target.style.outline = "3px solid #0072B2";
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    return id;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    // Any page whose view lives in the URL: the controls' values arrive in the order of meta.keys
    // (the view class's URL parameters, see pages/view_callbacks.py), then meta itself.
    views: {
      syncUrl: function () {
        var meta = arguments[arguments.length - 1] || {};
        var values = {};
        var args = arguments;
        var defaults = meta.defaults || {};
        (meta.keys || []).forEach(function (key, index) {
          if (defaults[key] === undefined || defaults[key] !== args[index]) values[key] = args[index];
        });
        return sync(meta.slug, values, meta.lang);
      },
    },

    trends: {
      downloadCsv: function (clicks, stored) {
        if (!clicks || !stored) return window.dash_clientside.no_update;
        return { content: stored.content, filename: stored.filename, base64: false, type: "text/csv" };
      },

      focusEvent: function (click) {
        var point = click && click.points && click.points[0];
        if (!point || !point.customdata || typeof point.customdata !== "string") {
          return window.dash_clientside.no_update;
        }
        return focus("event-" + point.customdata);
      },

      focusPractice: function (click) {
        var point = click && click.points && click.points[0];
        var id = point && point.customdata;
        if (Array.isArray(id)) id = id[0];
        if (!id || typeof id !== "string") return window.dash_clientside.no_update;
        return focus("practice-" + id);
      },
    },
  });
})();
