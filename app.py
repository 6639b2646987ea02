"""Wire the dashboard: settings, logging, cache, security, errors, health, pages.

Run ``python app.py`` for a local server, or ``gunicorn app:server`` in production.
"""

from __future__ import annotations

import logging
from urllib.parse import unquote

import dash
from dash import ClientsideFunction, Input, Output, State
from flask import jsonify

import web
from analysis.briefing_figures import is_briefing_place
from components.chart_registry import BY_NAME
from data.query import release
from views.page_query import route_query
from views.place_view import is_unknown_place_path
from web.body_limit import install_body_limit
from web.cache import init_cache
from web.callback_cache import install_callback_cache
from web.callback_guard import install_callback_guard
from web.dash_internals import (
    LOCATION_ID,
    drop_unused_scripts,
    finish_dash_setup,
    is_page_path,
    name_pages_without_the_request_host,
)
from web.documents import install_documents, install_first_view
from web.downloads import install_downloads
from web.embed_resize import install_embed_resize
from web.errors import install_error_handlers
from web.pdf import install_briefing_pdf
from web.plotly_bundle import ASSETS_IGNORE, install_plotly_bundle
from web.precompressed import install_precompressed
from web.responses import install_cache_headers
from web.security import install_security_headers, refuse_dev_endpoints
from web.settings import SettingsError, load_settings
from web.startup import StartupError, prepare


def is_known_page(path: str) -> bool:
    """A registered page whose path variable names something that exists: ``/es/briefing/<code>`` a
    place with a briefing, ``/embed/<name>`` a chart of the registry (else the 404 status)."""
    if not is_page_path(path) or is_unknown_place_path(path):  # /place/<code> for no place: 404 too
        return False
    parts = path.strip("/").split("/")
    if len(parts) >= 3 and parts[1] == "briefing":  # the variable is all that follows, slashes included
        return is_briefing_place(unquote("/".join(parts[2:])))
    if len(parts) >= 2 and parts[0] == "embed":
        return unquote("/".join(parts[1:])) in BY_NAME
    return True


try:
    settings = load_settings()
except SettingsError as error:
    raise SystemExit(f"refusing to start: {error}") from None
logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
try:
    readiness = prepare()
except StartupError as error:
    logging.getLogger("app").critical("refusing to start: %s", error)
    raise SystemExit(f"refusing to start: {error}") from None

app = dash.Dash(
    __name__,
    use_pages=True,
    title="Violencia letal en Venezuela",
    update_title=None,
    suppress_callback_exceptions=True,
    compress=False,  # web/precompressed.py compresses: static files once, other answers per request
    serve_locally=True,
    include_assets_files=True,
    assets_ignore=ASSETS_IGNORE,
    routing_callback_inputs={"pathname": State(LOCATION_ID, "pathname")},
    meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
)
server = app.server
# Flask answers a request for any other Host with 400 (none set: the proxy in front must pin it).
server.config["TRUSTED_HOSTS"] = list(settings.trusted_hosts) or None
name_pages_without_the_request_host(settings.public_url)
drop_unused_scripts()  # no @babel/polyfill, no DataTable loader: every page is lighter, none needs them
EMBED_VIEWS = {name: chart.view for name, chart in BY_NAME.items()}
server.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
app.layout = dash.html.Div([dash.page_container, dash.html.Div(id="document-language", hidden=True)])

app.clientside_callback(
    ClientsideFunction(namespace="shell", function_name="setDocumentLanguage"),
    Output("document-language", "children"),
    Input(LOCATION_ID, "pathname"),
)
app.clientside_callback(
    ClientsideFunction(namespace="shell", function_name="toggleNavbar"),
    Output("navbar-collapse", "is_open"),
    Input("navbar-toggler", "n_clicks"),
    State("navbar-collapse", "is_open"),
    prevent_initial_call=True,
)

from web.geometry import blueprint as geometry_blueprint  # noqa: E402 - after the app exists

install_body_limit(server)  # first: no hook or route reads a body before its size is checked
install_precompressed(server)  # next: its compression then runs after every other hook
server.register_blueprint(geometry_blueprint)
install_plotly_bundle(server)
install_cache_headers(server)
install_downloads(server)
from pages.briefing import briefing_document, pdf_name  # noqa: E402 - the pages register after the app exists

install_briefing_pdf(server, briefing_document, pdf_name)
from components.static_html import first_view_html, to_html  # noqa: E402

install_documents(server, app, lambda layout: to_html(layout, skip=()), is_known_page)
install_first_view(app, first_view_html, lambda pathname, search: route_query(pathname, search, EMBED_VIEWS))
install_embed_resize(server)
install_callback_guard(server, lambda: app.callback_map)
readiness.problems.extend(init_cache(server, settings))
# After the guard, so only bodies it accepted are looked up; answers are filled into the response in
# place, so the security headers apply to a stored answer as to a computed one.
callback_answers = install_callback_cache(
    server, variant=lambda: readiness.cache_variant, memory_bytes=settings.answer_memory_mb << 20,
    route_query=lambda pathname, search: route_query(pathname, search, EMBED_VIEWS),
)
install_security_headers(server, settings, app.csp_hashes)
refuse_dev_endpoints(server, settings)
install_error_handlers(server, is_known_page)


@server.route("/healthz")
def healthz():
    data_release = release() if readiness.data_loaded else ("", "")
    return jsonify(
        status="ok",
        version=web.__version__,
        data_version=data_release[0],
        data_date=data_release[1],
        data_loaded=readiness.data_loaded,
        geometry_loaded=readiness.geometry_loaded,
        problems=readiness.problems,
    )


@server.before_request
def redirect_root():
    from flask import redirect, request

    from i18n import DEFAULT_LANGUAGE

    if request.path == "/":
        return redirect(f"/{DEFAULT_LANGUAGE}", code=302)
    return None


finish_dash_setup(server)  # last: after every route and hook is registered

if __name__ == "__main__":
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
