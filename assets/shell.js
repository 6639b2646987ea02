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
