// Shell behaviour that needs no server round trip (served as a file, so the CSP allows it).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  shell: {
    // Keep <html lang> in step with the language in the path, for screen readers.
    setDocumentLanguage: function (pathname) {
      var first = (pathname || "").split("/")[1];
      // Embeds take their language from ?lang (they have no language prefix).
      if (first === "embed") first = new URLSearchParams(window.location.search).get("lang");
      document.documentElement.lang = first === "en" ? "en" : "es";
      return first;
    },
    toggleNavbar: function (clicks, isOpen) {
      return !isOpen;
    },
  },
});

// The language switch keeps the current view: pages may rewrite the query string in place.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-lang]");
  if (!link) return;
  var parts = window.location.pathname.split("/");
  parts[1] = link.getAttribute("data-lang");
  link.setAttribute("href", parts.join("/") + window.location.search);
});

// Copy buttons (components/share_link.py): copy the field's text, say so on the button for two seconds
// and in a status region for screen readers; if the browser refuses, select the text for the reader.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("button[data-copy-target]");
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy-target"));
  var status = document.getElementById(button.getAttribute("data-copy-status"));
  if (!field) return;
  var text = field.value || field.textContent || "";
  function report(ok) {
    if (status) status.textContent = status.getAttribute(ok ? "data-copied" : "data-failed");
    if (!ok) { field.focus(); if (field.select) field.select(); return; }
    var label = button.textContent;
    button.textContent = button.getAttribute("data-copied");
    setTimeout(function () { button.textContent = label; }, 2000);
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () { report(true); }, function () { report(false); });
  } else {
    report(false);
  }
});

// Dash 4's dropdown and slider draw controls a screen reader cannot name (axe: aria-hidden-focus, label,
// aria-input-field-name): the dropdown's first Tab stop is an aria-hidden input that hands focus to the
// real button, whose name leaves out its <label>; the slider's handle and year box carry no name at all.
// Name them after the label the page gives (a <label for> the dropdown, an aria-label on the slider's
// wrapper). React sets these attributes once and never puts them back, so one pass per new control holds.
function nameDashControls() {
  document.querySelectorAll(".dash-dropdown-focus-target[aria-hidden]").forEach(function (input) {
    var button = input.nextElementSibling;
    input.removeAttribute("aria-hidden");
    if (!button || !button.id) return;
    var label = document.querySelector('label[for="' + CSS.escape(button.id) + '"]');  // ids may be JSON (pattern ids)
    var names = [button.id + "-value"];
    if (label) {
      if (!label.id) label.id = button.id + "-label";
      names.unshift(label.id);
      button.setAttribute("aria-labelledby", names.join(" "));
    }
    input.setAttribute("aria-labelledby", names.join(" "));
  });
  document.querySelectorAll(".dash-slider-thumb:not([aria-label]), .dash-range-slider-input:not([aria-label])")
    .forEach(function (control) {
      var named = control.closest("[aria-label]");
      if (named) control.setAttribute("aria-label", named.getAttribute("aria-label"));
    });
}
var namingPending = false;
// The written copy of an interactive page (web/documents.py, "first view") is hidden by CSS in the
// frame the router draws the page; remove it then, so the page holds one copy of everything.
function dropFirstView() {
  var copy = document.getElementById("first-view");
  var content = document.getElementById("_pages_content");
  if (copy && content && content.firstElementChild) copy.remove();
}
new MutationObserver(function () {
  dropFirstView();
  if (namingPending) return;
  namingPending = true;
  window.requestAnimationFrame(function () { namingPending = false; nameDashControls(); });
}).observe(document.documentElement, { childList: true, subtree: true });
