// Briefings: "Download PDF" opens the browser's print dialog; the print stylesheet lays the page
// out as a document (assets/print.css). No server-side PDF engine is needed.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  briefing: {
    print: function (clicks) {
      if (clicks) window.print();
      return window.dash_clientside.no_update;
    },
  },
});
