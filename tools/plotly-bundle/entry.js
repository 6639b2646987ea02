var Plotly = require('plotly.js/lib/core');
Plotly.register([
  require('plotly.js/lib/bar'),
  require('plotly.js/lib/choropleth'),
  require('plotly.js/lib/scattergeo'),
  require('plotly.js/lib/locales/es'),  // Spanish toolbar, dates and numbers (config locale 'es')
]);
module.exports = Plotly;
