// Map explorer behaviour that runs in the browser: year changes redraw from the values already
// sent for the selection (no server round trip), the URL follows the controls, the timeline plays.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  map: {
    // The slider moves in whole years; years without figures are skipped in the direction of
    // travel, so arrow keys and the play button always land on a year that was published.
    // "latest" shows each place's most recent figure (older ones lighter); the slider rests meanwhile.
    showYear: function (year, frames, when, lastShown) {
      var nothing = window.dash_clientside.no_update;
      if (!frames || !frames.frames) return [nothing, nothing, nothing, nothing, nothing, nothing, nothing];
      var latest = when === "latest";
      var sliderValue = nothing;
      var frame = latest ? frames.frames.latest : frames.frames[String(year)];
      if (!frame && !latest) {
        // Dash does not re-run a callback for its own output, so draw the snapped year now.
        year = snapYear(year, frames.years, lastShown);
        sliderValue = year;
        frame = frames.frames[String(year)];
        if (!frame) return [nothing, nothing, "", nothing, nothing, false, false];
      }
      var patch = new window.dash_clientside.Patch();
      patch.assign(["data", 0, "locations"], frame.loc);
      patch.assign(["data", 0, "z"], frame.z);
      patch.assign(["data", 0, "text"], frame.text);
      patch.assign(["data", 0, "marker", "opacity"], frame.opacity === undefined ? 1 : frame.opacity);
      patch.assign(["data", 1, "locations"], frame.missing);
      patch.assign(["data", 1, "z"], frame.missing.map(function () { return 0; }));
      patch.assign(["data", 1, "text"], frame.missing_text);
      var caption = latest ? frames.latest_caption : frames.caption
        .replace("{year}", String(year))
        .replace("{count}", String(frame.loc.length));
      // The image's title, subtitle, sources, link and file name follow the year shown (texts from the server).
      var texts = frames.exports && frames.exports[latest ? "latest" : String(year)];
      var holder = document.getElementById("map-export");
      if (texts && holder) {
        holder.setAttribute("data-export", JSON.stringify(texts));
        document.querySelectorAll("#map-download-png, #map-download-svg").forEach(function (button) {
          button.setAttribute("data-image-name", texts.filename);
        });
      }
      // The table's cells for this year (tables.js redraws them in the reader's chosen order).
      return [patch.build(), frame.table, caption, sliderValue, year, latest, latest];
    },

    togglePlay: function (clicks, disabled, lang) {
      var playing = disabled;  // it was stopped, so it starts now
      return [!playing, playLabel(playing, lang)];
    },

    nextYear: function (ticks, year, frames, lang) {
      var nothing = window.dash_clientside.no_update;
      if (!frames || !frames.years || !frames.years.length) return [nothing, true, playLabel(false, lang)];
      var years = frames.years;
      var index = years.indexOf(year);
      if (index < 0 || index >= years.length - 1) {
        return [index < 0 ? years[0] : nothing, true, playLabel(false, lang)];
      }
      var last = index + 1 === years.length - 1;
      return [years[index + 1], last, playLabel(!last, lang)];
    },

    // Select-then-act: a tap or click selects a place (its panel opens, nothing else happens); a new
    // geometry (drill-down, back, another level) clears the selection and any hover label left over it.
    selectPlace: function (click, unselectClicks, picked, state, level, drillable) {
      var nothing = window.dash_clientside.no_update;
      var triggered = (window.dash_clientside.callback_context.triggered || [])[0] || {};
      var source = String(triggered.prop_id || "").split(".")[0];
      if (source === "map-graph") {
        var point = ((click || {}).points || [])[0] || {};
        return point.location || nothing;
      }
      if (source === "map-place") {
        if (!picked || picked === state) return nothing;
        // A state with municipalities opens them (server callback drill_down); anything else is selected.
        return (drillable || []).indexOf(picked) >= 0 ? null : picked;
      }
      clearHover();
      return null;
    },

    // The panel of the selected place, read from the values already in the browser for the year shown.
    showSelection: function (selected, year, frames, when, level, state, drillable) {
      var hide = [true, "", "", true, "", "", "", "", "", true];
      if (!selected || !frames || !frames.frames) return hide;
      var triggered = (window.dash_clientside.callback_context.triggered || [])[0] || {};
      if (String(triggered.prop_id || "").indexOf("map-selected") === 0) revealPanel();
      var frame = frames.frames[when === "latest" ? "latest" : String(year)];
      if (!frame) return hide;
      var canDrill = level === "state" && !state && (drillable || []).indexOf(selected) >= 0;
      // [place, value, unit, rank, year, source, url, note] (pages/map.py _panel_rows)
      var row = (frame.panel || {})[selected];
      if (row) {
        return [false, row[0], row[1] + " " + row[2], false, row[3], String(row[4]), row[5], row[6], row[7],
                !canDrill];
      }
      var missing = (frame.missing || []).indexOf(selected);
      if (missing < 0) return hide;
      // A place without a figure: its hover text is "<b>name</b><br>no published figure …" (analysis/map_frames.py).
      var parts = String(frame.missing_text[missing]).split("<br>");
      var name = parts[0].replace(/<\/?b>/g, "");
      return [false, name, parts.slice(1).join(" "), true, "", "", "", "", "", !canDrill];
    },

    toggleControls: function (clicks, isOpen) {
      return [!isOpen, String(!isOpen)];
    },

  },
});

function snapYear(year, years, lastShown) {
  var later = years.filter(function (y) { return y > year; });
  var earlier = years.filter(function (y) { return y < year; });
  var goingDown = lastShown !== null && lastShown !== undefined && year < lastShown;
  if (goingDown && earlier.length) return earlier[earlier.length - 1];
  if (!goingDown && later.length) return later[0];
  return earlier.length ? earlier[earlier.length - 1] : later[0];
}

function playLabel(playing, lang) {
  if (lang === "en") return playing ? "❚❚ Pause" : "▶ Play";
  return playing ? "❚❚ Pausa" : "▶ Reproducir";
}

// A hover label drawn for a tap stays on a touch screen; it must not linger over a new map.
function clearHover() {
  var graph = document.querySelector("#map-graph .js-plotly-plot");
  if (graph && window.Plotly && window.Plotly.Fx) window.Plotly.Fx.unhover(graph);
}

// On a phone the panel is below the map: bring it into view once it is drawn (only as far as needed).
function revealPanel() {
  window.requestAnimationFrame(function () {
    window.requestAnimationFrame(function () {
      var panel = document.getElementById("map-selection");
      if (panel && !panel.hidden) panel.scrollIntoView({ block: "nearest", behavior: "smooth" });
    });
  });
}
