// Parts mounted only when wanted (components/deferred.py): a <details class="dash-disclosure"> tells Dash when
// it opens or closes (its "open" property) and its body is copied in from the tree sent with the page; a slot
// further down the page (a chart) is filled when it comes within reach of the screen, or before printing.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  deferred: {
    fill: function (open, content) {
      if (!open || !content) return window.dash_clientside.no_update;
      return content;  // stays mounted once opened: closing only hides it
    },

    watch: function (ids, contents) {
      var nothing = window.dash_clientside.no_update;
      (ids || []).forEach(function (id, index) {
        if (contents[index]) deferred.watch(id, contents[index], 40);
      });
      return (ids || []).map(function () { return nothing; });
    },
  },
});

var deferred = (function () {
  var pending = new Map();  // element -> function that mounts its part
  var observer = window.IntersectionObserver ? new window.IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) mount(entry.target); });
  }, { rootMargin: "300px 0px" }) : null;

  function mount(element) {
    var fill = pending.get(element);
    if (!fill) return;
    pending.delete(element);
    if (observer) observer.unobserve(element);
    fill();
  }

  window.addEventListener("beforeprint", function () { Array.from(pending.keys()).forEach(mount); });

  return {
    // The callback may run before React has put the slot in the page: look again for a moment.
    watch: function watch(id, content, tries) {
      var element = document.getElementById(JSON.stringify(sortedKeys(id)));
      if (!element) {
        if (tries > 0) window.setTimeout(function () { watch(id, content, tries - 1); }, 50);
        return;
      }
      if (pending.has(element)) return;
      pending.set(element, function () { window.dash_clientside.set_props(id, { children: content }); });
      if (observer) observer.observe(element);
      else mount(element);
    },
  };
})();

// Dash writes a dict id into the page as JSON with its keys sorted.
function sortedKeys(id) {
  if (!id || typeof id !== "object") return id;
  var sorted = {};
  Object.keys(id).sort().forEach(function (key) { sorted[key] = id[key]; });
  return sorted;
}

// "toggle" does not bubble, so it is caught on its way down.
document.addEventListener("toggle", function (event) {
  var details = event.target;
  var clientside = window.dash_clientside;
  if (!details || !details.classList || !details.classList.contains("dash-disclosure") || !details.id) return;
  if (!clientside || !clientside.set_props) return;
  var id = details.id;
  if (id.charAt(0) === "{") {
    try { id = JSON.parse(id); } catch (error) { return; }
  }
  clientside.set_props(id, { open: details.open });
}, true);
