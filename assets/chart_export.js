// PNG and SVG downloads of every chart and map, on the pages and in embeds, with the chart's apparatus
// written into the image: title and subtitle above, the sources of what is drawn, the licence and the link
// to the same view below. An image travels without the page around it, so it must say all of that itself.
//
// Every text comes from the server (views/export_text.py, through the chart registry) in a data-export
// attribute of the chart's card (on the map it follows the year shown, assets/map.js); this file only lays
// the texts out: it wraps them to the image's width, puts the chart (plotly's own SVG export, or a briefing's
// SVG image) between them, and saves one SVG document, or that document drawn on a canvas as a PNG.
(function () {
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
  var PAD = 24;
  var MIN_WIDTH = 800;  // narrower page charts (a phone) are drawn again at this width for the file
  var MAX_WIDTH = 1200;  // and wider ones (an embed in a wide frame) at this one
  var PNG_SCALE = 2;
  var GUTTER = 16;  // room right of the chart, whose own right margin is narrow
  var measure = document.createElement("canvas").getContext("2d");

  function textsOf(scope) {
    var holder = scope.hasAttribute && scope.hasAttribute("data-export") ? scope : scope.querySelector("[data-export]");
    if (!holder) return {};
    try {
      return JSON.parse(holder.getAttribute("data-export")) || {};
    } catch (error) {
      return {};
    }
  }

  // Lines of at most `width` pixels; a word longer than a line (a long link) is cut between characters.
  function wrap(text, size, weight, width) {
    measure.font = weight + " " + size + "px " + FONT;
    var lines = [];
    var line = "";
    String(text || "").split(/\s+/).filter(Boolean).forEach(function (word) {
      var longer = line ? line + " " + word : word;
      if (!line || measure.measureText(longer).width <= width) {
        line = longer;
      } else {
        lines.push(line);
        line = word;
      }
    });
    if (line) lines.push(line);
    var fitted = [];
    lines.forEach(function (candidate) {
      while (measure.measureText(candidate).width > width && candidate.length > 1) {
        var cut = candidate.length - 1;
        while (cut > 1 && measure.measureText(candidate.slice(0, cut)).width > width) cut -= 1;
        var joint = Math.max(candidate.lastIndexOf("&", cut - 1), candidate.lastIndexOf("?", cut - 1),
                             candidate.lastIndexOf(",", cut - 1));
        if (joint > cut / 2) cut = joint + 1;  // a link breaks after one of its parameters, not inside a word
        fitted.push(candidate.slice(0, cut));
        candidate = candidate.slice(cut);
      }
      fitted.push(candidate);
    });
    return fitted;
  }

  function escapeXml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // One paragraph as an SVG <text> element of several lines, starting at `top`; returns [markup, height].
  function paragraph(text, style, top, width) {
    var lines = wrap(text, style.size, style.weight, width);
    if (!lines.length) return ["", 0];
    var spans = lines.map(function (line, index) {
      return '<tspan x="' + PAD + '" y="' + (top + index * style.line + Math.round(style.line * 0.75)) + '">' +
        escapeXml(line) + "</tspan>";
    }).join("");
    var markup = '<text font-family="' + escapeXml(FONT) + '" font-size="' + style.size + '" font-weight="' +
      style.weight + '" fill="' + style.color + '"' + (style.role ? ' class="' + style.role + '"' : "") + ">" +
      spans + "</text>";
    return [markup, lines.length * style.line];
  }

  var STYLES = {
    title: { size: 22, weight: "bold", line: 28, color: "#212529", role: "export-title" },
    subtitle: { size: 15, weight: "normal", line: 20, color: "#495057", role: "export-subtitle" },
    note: { size: 13, weight: "normal", line: 18, color: "#495057", role: "export-note" },
  };

  // The whole image: apparatus around the chart's own SVG, drawn `width` wide, with a margin on its right.
  function compose(chartSvg, chartWidth, chartHeight, width, height, texts) {
    var full = width + GUTTER;
    var inner = full - 2 * PAD;
    var parts = [];
    var y = texts.title || texts.subtitle ? PAD : 8;
    [["title", texts.title], ["subtitle", texts.subtitle]].forEach(function (item) {
      if (!item[1]) return;
      var block = paragraph(item[1], STYLES[item[0]], y, inner);
      parts.push(block[0]);
      y += block[1] + 4;
    });
    var chartTop = y + 4;
    var body = chartSvg.replace(/^\s*<\?xml[^>]*>\s*/, "").replace(/<!DOCTYPE[^>]*>\s*/i, "");
    parts.push('<svg x="0" y="' + chartTop + '" width="' + width + '" height="' + height + '" viewBox="0 0 ' +
               chartWidth + " " + chartHeight + '" preserveAspectRatio="xMidYMid meet">' + body + "</svg>");
    y = chartTop + height + 10;
    parts.push('<line x1="' + PAD + '" x2="' + (full - PAD) + '" y1="' + y + '" y2="' + y +
               '" stroke="#dee2e6" stroke-width="1"/>');
    y += 10;
    var address = texts.path ? window.location.origin + texts.path : window.location.href;
    [texts.sources, texts.licence, (texts.link ? texts.link + " " : "") + address].forEach(function (line) {
      if (!line) return;
      var block = paragraph(line, STYLES.note, y, inner);
      parts.push(block[0]);
      y += block[1] + 2;
    });
    var total = Math.ceil(y + PAD - 8);
    return '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="' + full +
      '" height="' + total + '" viewBox="0 0 ' + full + " " + total + '">' +
      (texts.title ? "<title>" + escapeXml(texts.title) + "</title>" : "") +
      '<rect width="100%" height="100%" fill="#ffffff"/>' + parts.join("") + "</svg>";
  }

  function decodeDataUri(uri) {
    var comma = uri.indexOf(",");
    var head = uri.slice(0, comma);
    var body = uri.slice(comma + 1);
    if (head.indexOf(";base64") >= 0) {
      var bytes = Uint8Array.from(window.atob(body), function (c) { return c.charCodeAt(0); });
      return new TextDecoder("utf-8").decode(bytes);
    }
    return decodeURIComponent(body);
  }

  function save(href, filename) {
    var link = document.createElement("a");
    link.href = href;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function saveBlob(blob, filename) {
    var url = URL.createObjectURL(blob);
    save(url, filename);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function deliver(svg, format, name) {
    if (format === "svg") {
      saveBlob(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }), name + ".svg");
      return;
    }
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      var scale = PNG_SCALE;
      canvas.width = Math.round(image.naturalWidth * scale);
      canvas.height = Math.round(image.naturalHeight * scale);
      var context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) { saveBlob(blob, name + ".png"); }, "image/png");
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  }

  function exportChart(scope, format, name) {
    var texts = textsOf(scope);
    name = texts.filename || name;
    var graph = scope.querySelector(".js-plotly-plot");
    if (graph && window.Plotly) {
      // The figure's own height (a phone's narrow card may be taller), between MIN_WIDTH and MAX_WIDTH wide; a map
      // keeps a shape that fills the picture however wide the frame it was drawn in.
      var width = Math.min(Math.max(graph.offsetWidth, MIN_WIDTH), MAX_WIDTH);
      var height = Math.min((graph.layout && graph.layout.height) || graph.offsetHeight, width * 1.3);
      if (graph.layout && graph.layout.geo) height = Math.max(height, width * 0.7);
      height = Math.round(height);
      return window.Plotly.toImage(graph, { format: "svg", width: width, height: height }).then(function (uri) {
        deliver(compose(decodeDataUri(uri), width, height, width, height, texts), format, name);
      }).catch(function () {
        // Should the composition fail in some browser, the reader still gets the chart itself.
        window.Plotly.downloadImage(graph, { format: format, filename: name, width: width, height: height });
      });
    }
    var picture = scope.querySelector("img[data-svg-chart]");
    if (!picture) return null;
    var naturalWidth = picture.naturalWidth || 720;
    var naturalHeight = picture.naturalHeight || 360;
    var shownWidth = Math.max(naturalWidth, MIN_WIDTH);
    var shownHeight = Math.round(naturalHeight * shownWidth / naturalWidth);
    var svg = compose(decodeDataUri(picture.getAttribute("src")), naturalWidth, naturalHeight, shownWidth, shownHeight,
                      texts);
    deliver(svg, format, name);
    return null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-image-format]");
    if (!button) return;
    var scope = button.closest("[data-chart-scope]") || document.body;
    var format = button.getAttribute("data-image-format") === "svg" ? "svg" : "png";
    exportChart(scope, format, button.getAttribute("data-image-name") || "chart");
  });
})();
