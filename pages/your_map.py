"""Map your own figures: paste or upload a table of places and numbers, check how each row was matched, and get
a choropleth on our boundaries with our colour classes, the reader's title, source and notes, and downloads.

Nothing is stored on the server: the table travels with each request and back, and the share link carries it in
the URL fragment (``views/your_map_share.py``). Reading the table is ``geo/user_table.py``'s work, matching and
classes ``analysis/user_map.py``'s; the browser (``assets/your_map.js``) refuses oversized input before sending it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html

from analysis.color_classes import NO_FIGURE_COLOUR, SCHEMES
from analysis.user_map import (
    CLASS_COUNTS,
    DRAWN,
    LEFT_OUT,
    LEVELS,
    coded_csv,
    column_values,
    detect_level,
    feature_properties,
    guess_columns,
    map_frame,
    match_rows,
)
from components.bilingual_page import register_page_bilingual
from components.chart_card import export_texts, labelled
from components.chart_style import empty_figure, graph_config, localise
from components.choropleth import GRAPH_CONFIG, MAP_HEIGHT
from components.dropdown import dropdown
from components.radio import radio_group
from components.your_map import messages, review_table, your_map_figure
from geo.documents import geometry_url
from geo.user_table import MAX_BYTES, MAX_ROWS, TableError, UserTable, decode_upload, parse_text
from i18n import DEFAULT_LANGUAGE, is_supported, translator
from i18n.markers import N_
from views.export_text import file_stem
from views.navigation import page_path
from views.your_map_share import SharedMap, decode, encode
from web.services import geometry_loaded

SLUG = "your-map"
TITLE = N_("Map your own figures")
DESCRIPTION = N_("Paste or upload your own figures by state or municipality and map them on Venezuela's boundaries.")
SCHEME_NAMES = {"YlOrRd": N_("Yellow to red"), "Blues": N_("Blues"), "Purples": N_("Purples"),
                "Greens": N_("Greens"), "YlGnBu": N_("Yellow to blue")}
LEVEL_NAMES = {"auto": N_("Decide from the names"), "state": N_("States"), "municipality": N_("Municipalities")}
BOUNDARY_CREDIT = N_("Boundaries: states, INE Venezuela via UN OCHA (CC BY 3.0 IGO); municipalities, geoBoundaries "
                     "from Tapiquén 2015 (ODbL 1.0).")
NONE = "__none__"
MAX_TEXT_FIELD = 300


def _lang(value: object) -> str:
    return value if is_supported(value) else DEFAULT_LANGUAGE


def _text(value: object, limit: int = MAX_TEXT_FIELD) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def _problem_text(problem: Any, lang: str) -> str:
    _ = translator(lang)
    try:
        return _(problem.message).format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return _(problem.message)


def _browser_words(lang: str) -> dict[str, str]:
    """What assets/your_map.js says, in the page's language (it fills ``{size}``, ``{limit}`` and ``{count}``)."""
    _ = translator(lang)
    return {
        "fileTooLarge": _("The file is {size} KB; the limit is {limit} KB. Keep only the columns you need, or split it."),
        "textTooLarge": _("The table is {size} KB; the limit is {limit} KB. Keep only the columns you need, or split it."),
        "drawFirst": _("Read a table and draw the map first."),
        "geojsonDone": _("GeoJSON saved ({count} places)."),
        "geojsonFailed": _("The boundaries could not be fetched; try again."),
    }


def layout(lang: str, **_params: object) -> Any:
    _ = translator(lang)
    button = "btn btn-outline-primary btn-sm"
    limits = _("Limits: {size} KB and {rows} rows. Columns separated by commas, semicolons or tabs; decimal comma or "
               "point; UTF-8 or Windows (Latin-1) encoding.").format(size=MAX_BYTES // 1000,
                                                                      rows=f"{MAX_ROWS:,}".replace(",", "." if lang == "es" else ","))
    return html.Div([
        html.H1(_(TITLE)),
        html.P(_("Map figures you hold yourself — from police reports, hospital counts, your own monitoring — on "
                 "Venezuela's states and municipalities. One column names the places (by name or code; a column with "
                 "the state helps where several municipalities share a name), and one or more columns hold numbers.")),
        html.P(_("Nothing is stored on our server: your table is read to draw the map and forgotten. A share link "
                 "carries small tables inside the link itself."), className="text-body-secondary"),
        dcc.Store(id="yourmap-lang", data=lang),
        dcc.Store(id="yourmap-file"),
        dcc.Store(id="yourmap-text"),
        dcc.Store(id="yourmap-restore"),
        dcc.Store(id="yourmap-fragment"),
        dcc.Store(id="yourmap-export"),
        dcc.Store(id="yourmap-result"),
        html.Section([
            html.H2(_("1. Your table"), className="h4 mt-3"),
            html.P(limits, id="yourmap-limits", className="small", **{"data-max-bytes": str(MAX_BYTES)}),
            html.Div(id="yourmap-words", hidden=True, **{"data-words": json.dumps(_browser_words(lang))}),
            dcc.Upload(
                html.Div([html.Span(_("Choose a CSV or TSV file"), className="btn btn-primary btn-sm me-2"),
                          html.Span(_("or drop it here"), className="small")]),
                id="yourmap-upload", accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain",
                multiple=False, max_size=-1, className="yourmap-upload mb-2",
            ),
            html.Div(id="yourmap-file-message", role="status", **{"aria-live": "polite"}),
            dbc.Label(_("Or paste the cells from your spreadsheet (with the header row)"), html_for="yourmap-paste",
                      className="fw-semibold mb-1 mt-2"),
            dcc.Textarea(id="yourmap-paste", value="", rows=8, className="form-control font-monospace small",
                         placeholder=_("Municipality\tState\tHomicides\nEl Callao\tBolívar\t…"),
                         spellCheck="false", title=_("Your table: a header row, then one row per place")),
            html.Div(id="yourmap-read-message", role="status", **{"aria-live": "polite"}, className="mt-2"),
        ]),
        html.Section([
            html.H2(_("2. Columns"), className="h4 mt-4"),
            html.Div([
                labelled(_("Places"), dropdown(lang, id="yourmap-place-col", options=[], value=None, clearable=False),
                         "yourmap-place-col", "12rem"),
                labelled(_("State (optional)"), dropdown(lang, id="yourmap-state-col", options=[], value=NONE,
                                                         clearable=False), "yourmap-state-col", "12rem"),
                labelled(_("Figures to map"), dropdown(lang, id="yourmap-value-col", options=[], value=None,
                                                       clearable=False), "yourmap-value-col", "12rem"),
                labelled(_("Level"), radio_group(id="yourmap-level", value="auto", inline=True, options=[
                    {"label": _(label), "value": key} for key, label in LEVEL_NAMES.items()]), "yourmap-level", "16rem"),
            ], className="d-flex flex-wrap gap-3"),
        ]),
        html.Section([
            html.H2(_("3. Check the places"), className="h4 mt-4"),
            html.P(_("Names are matched without accents, case or words such as “Municipio”, and with former names "
                     "(Vargas is La Guaira). A name we cannot place for certain is never guessed: choose it here."),
                   className="text-body-secondary small"),
            html.Div(id="yourmap-review", **{"aria-live": "polite"}),
        ]),
        html.Section([
            html.H2(_("4. Your map"), className="h4 mt-4"),
            html.Div([
                labelled(_("Title"), dcc.Input(id="yourmap-title", type="text", value="", debounce=True,
                                                maxLength=MAX_TEXT_FIELD, className="form-control form-control-sm"),
                         "yourmap-title", "16rem"),
                labelled(_("Source of the figures"), dcc.Input(id="yourmap-source", type="text", value="", debounce=True,
                                                                maxLength=MAX_TEXT_FIELD,
                                                                className="form-control form-control-sm"),
                         "yourmap-source", "16rem"),
                labelled(_("Notes"), dcc.Input(id="yourmap-notes", type="text", value="", debounce=True,
                                                maxLength=MAX_TEXT_FIELD, className="form-control form-control-sm"),
                         "yourmap-notes", "16rem"),
            ], className="d-flex flex-wrap gap-3 mb-2"),
            html.Div([
                labelled(_("Colours"), dropdown(lang, id="yourmap-scheme", clearable=False, value="YlOrRd", options=[
                    {"label": _(SCHEME_NAMES[key]), "value": key} for key in SCHEMES]), "yourmap-scheme", "12rem"),
                labelled(_("Classes"), radio_group(id="yourmap-classes", value=5, inline=True, options=[
                    {"label": str(n), "value": n} for n in CLASS_COUNTS]), "yourmap-classes", "12rem"),
            ], className="d-flex flex-wrap gap-3 mb-2"),
            html.Div(id="yourmap-map-message", role="status", **{"aria-live": "polite"}),
            html.Div([
                html.P(id="yourmap-caption", className="fw-semibold mb-1"),
                dcc.Graph(id="yourmap-graph", figure=empty_figure(_("Your map appears here once a table is read.")),
                          config=graph_config(lang, GRAPH_CONFIG), style={"height": f"{MAP_HEIGHT}px"}),
                html.P([html.Span("■", style={"color": NO_FIGURE_COLOUR}, **{"aria-hidden": "true"}), " ",
                        _("Grey: no figure in your table. Classes hold about as many places each (quantiles).")],
                       className="small text-body-secondary"),
                export_texts({}, "yourmap-export-holder"),
                html.Div([
                    html.Button(_("Download PNG"), type="button", className=button,
                                **{"data-image-format": "png", "data-image-name": "my-map"}),
                    html.Button(_("Download SVG"), type="button", className=button,
                                **{"data-image-format": "svg", "data-image-name": "my-map"}),
                    html.Button(_("CSV with codes"), id="yourmap-csv-button", n_clicks=0, type="button",
                                className=button),
                    html.Button(_("GeoJSON"), id="yourmap-geojson-button", n_clicks=0, type="button",
                                className=button),
                    dcc.Store(id="yourmap-csv"),
                    dcc.Download(id="yourmap-download"),
                    html.Span(id="yourmap-geojson-status", role="status", className="small"),
                ], className="my-2 d-flex flex-wrap gap-2 align-items-center"),
            ], className="chart-card", id="yourmap-card", **{"data-chart-scope": "your-map"}),
            html.Div([
                dbc.Label(_("Link that reopens this map"), html_for="yourmap-share-url", className="fw-semibold mb-1"),
                html.Div([
                    dcc.Input(id="yourmap-share-url", type="text", readOnly=True, value="",
                              className="form-control form-control-sm"),
                    html.Button(_("Copy"), id="yourmap-share-copy", type="button", n_clicks=0,
                                className="btn btn-outline-secondary btn-sm text-nowrap",
                                **{"data-copy-target": "yourmap-share-url", "data-copy-status": "yourmap-share-status",
                                   "data-copied": _("Copied"), "aria-label": _("Copy link")}),
                ], className="d-flex gap-2 align-items-center"),
                html.Div(id="yourmap-share-status", role="status", className="visually-hidden",
                         **{"data-copied": _("The link was copied."), "data-failed": _("Select the link and copy it.")}),
                html.P(_("The link holds your table (after the #, which browsers never send to a server)."),
                       className="small text-body-secondary mb-0"),
            ], className="my-3"),
        ]),
        html.P([_("Where the boundaries and the names of places come from: "),
                html.A(_("data, sources and methodology"), href=page_path(lang, "data")), "."], className="small"),
    ])


# --- reading -----------------------------------------------------------------------------------------------


@callback(
    Output("yourmap-paste", "value"),
    Output("yourmap-title", "value"),
    Output("yourmap-source", "value"),
    Output("yourmap-notes", "value"),
    Output("yourmap-scheme", "value"),
    Output("yourmap-classes", "value"),
    Output("yourmap-file-message", "children"),
    Input("yourmap-file", "data"),
    Input("yourmap-restore", "data"),
    State("yourmap-upload", "filename"),
    State("yourmap-paste", "value"),
    State("yourmap-title", "value"),
    State("yourmap-source", "value"),
    State("yourmap-notes", "value"),
    State("yourmap-scheme", "value"),
    State("yourmap-classes", "value"),
    State("yourmap-lang", "data"),
    prevent_initial_call=True,  # at load it would answer with the box's text as it was, over what was just pasted
)
def fill(file: object, restore: object, filename: object, paste: object, title: object, source: object,
         notes: object, scheme: object, classes: object, lang: object) -> tuple:
    """An uploaded file, or a shared link's table, becomes the text in the paste box (the one source of truth)."""
    lang = _lang(lang)
    _ = translator(lang)
    kept = (paste if isinstance(paste, str) else "", _text(title), _text(source), _text(notes),
            scheme if scheme in SCHEMES else "YlOrRd", classes if classes in CLASS_COUNTS else 5)
    if isinstance(file, str) and file:
        name = _text(filename, 80) or _("the file")
        try:
            text, encoding = decode_upload(file)
        except TableError as error:
            return *kept, messages([_problem_text(error.problem, lang)], "danger")
        note = _("Read {name} ({encoding}).").format(name=name, encoding=encoding.upper())
        return text, *kept[1:], html.P(note, className="small text-success mb-0")
    shared = decode(restore) if restore else None
    if restore and shared is None:
        return *kept, messages([_("The link's table could not be read; it may have been cut short.")])
    if shared is not None:
        return (shared.table, shared.title, shared.source, shared.notes,
                shared.scheme if shared.scheme in SCHEMES else "YlOrRd",
                shared.classes if shared.classes in CLASS_COUNTS else 5,
                html.P(_("Table opened from the link."), className="small text-success mb-0"))
    return *kept, []


def _read(text: object) -> UserTable | None:
    try:
        return parse_text(text)
    except TableError:
        return None


@callback(
    Output("yourmap-place-col", "options"),
    Output("yourmap-place-col", "value"),
    Output("yourmap-state-col", "options"),
    Output("yourmap-state-col", "value"),
    Output("yourmap-value-col", "options"),
    Output("yourmap-value-col", "value"),
    Output("yourmap-read-message", "children"),
    Input("yourmap-text", "data"),
    State("yourmap-place-col", "options"),
    State("yourmap-place-col", "value"),
    State("yourmap-state-col", "value"),
    State("yourmap-value-col", "value"),
    State("yourmap-lang", "data"),
)
def columns(text: object, before: object, place: object, state: object, value: object, lang: object) -> tuple:
    """The column choices of a new table (a choice the reader made is kept while its column is still there)."""
    lang = _lang(lang)
    _ = translator(lang)
    if not isinstance(text, str) or not text.strip():
        return [], None, [], NONE, [], None, []
    try:
        table = parse_text(text)
    except TableError as error:
        return [], None, [], NONE, [], None, messages([_problem_text(error.problem, lang)], "danger")
    guessed_place, guessed_state, guessed_values = guess_columns(table)
    names = table.header
    options = [{"label": name, "value": name} for name in names]
    numeric = [names[i] for i in guessed_values]
    same_header = isinstance(before, list) and [o.get("value") for o in before if isinstance(o, dict)] == names
    if not (same_header and place in names):
        place = names[guessed_place]
    if not (same_header and (state == NONE or (state in names and state != place))):
        state = names[guessed_state] if guessed_state is not None else NONE
    if not (same_header and value in names and value not in (place, state)):
        value = next((name for name in numeric if name not in (place, state)), None)
    notes = [_problem_text(p, lang) for p in table.problems]
    if not numeric:
        notes.append(_("No column holds numbers: add one, or check the decimal marks."))
    summary = html.P(_("{rows} rows and {columns} columns read (separator: {separator}).").format(
        rows=len(table.rows), columns=len(names), separator={"\t": _("tab"), ";": ";", ",": ","}[table.delimiter]),
        className="small mb-1")
    return (options, place, [{"label": _("(none)"), "value": NONE}, *options], state,
            [{"label": name, "value": name} for name in names if name not in (place, state)], value,
            [summary, *messages(notes)])


def _indexes(table: UserTable, place: object, state: object, level: object) -> tuple[int, int | None, str] | None:
    names = table.header
    if place not in names:
        return None
    place_index = names.index(place)
    state_index = names.index(state) if state in names and state != place else None
    chosen = level if level in LEVELS else detect_level(table, place_index, state_index)
    return place_index, state_index, chosen


@callback(
    Output("yourmap-review", "children"),
    Input("yourmap-place-col", "value"),
    Input("yourmap-state-col", "value"),
    Input("yourmap-level", "value"),
    State("yourmap-text", "data"),  # a new text always sets the column choices (``columns``), which trigger this
    State("yourmap-lang", "data"),
)
def review(place: object, state: object, level: object, text: object, lang: object) -> list:
    """The review table: what each row matched, and a choice for each row that needs one."""
    lang = _lang(lang)
    table = _read(text)
    chosen = _indexes(table, place, state, level) if table else None
    if table is None or chosen is None:
        return []
    place_index, state_index, level_chosen = chosen
    return review_table(match_rows(table, place_index, state_index, level_chosen), level_chosen, lang)


# --- the map -----------------------------------------------------------------------------------------------


def _picks(values: object, ids: object) -> dict[int, str]:
    """The reader's choices by row (line number); anything malformed is ignored."""
    if not isinstance(values, list) or not isinstance(ids, list):
        return {}
    picks: dict[int, str] = {}
    for value, ident in zip(values, ids, strict=False):
        row = ident.get("row") if isinstance(ident, dict) else None
        if isinstance(row, int) and not isinstance(row, bool) and isinstance(value, str):
            picks[row] = value
    return picks


def _export(title: str, subtitle: str, source: str, notes: str, lang: str) -> dict[str, str]:
    _ = translator(lang)
    figures = _("Figures: {source}.").format(source=source.rstrip(".")) if source else _("Figures: source not given.")
    return {"title": title, "subtitle": " · ".join(p for p in (subtitle, notes) if p),
            "sources": f"{figures} {_(BOUNDARY_CREDIT)}",
            "licence": _("Map made with the Lethal violence in Venezuela dashboard; the figures are the author's, not the "
                         "dashboard's."),
            "link": _("Make your own:"), "path": page_path(lang, SLUG), "filename": file_stem([title], "my-map")}


def _shared_table(table: UserTable, matches: list, column: int) -> str:
    """The table a link carries: the code of each drawn row, its name and the mapped column first, then the others."""
    others = [i for i in range(len(table.header)) if i != column]
    header = ["code", table.header[column], *(table.header[i] for i in others)]
    lines = ["\t".join(re.sub(r"[\t\r\n]+", " ", cell) for cell in header)]
    for match in matches:
        if match.status in DRAWN and match.code:
            row = table.rows[match.index]
            cells = [match.code, row[column], *(row[i] for i in others)]
            lines.append("\t".join(re.sub(r"[\t\r\n]+", " ", cell) for cell in cells))
    return "\n".join(lines)


@callback(
    Output("yourmap-graph", "figure"),
    Output("yourmap-caption", "children"),
    Output("yourmap-map-message", "children"),
    Output("yourmap-export", "data"),
    Output("yourmap-csv", "data"),
    Output("yourmap-result", "data"),
    Output("yourmap-fragment", "data"),
    Input("yourmap-place-col", "value"),
    Input("yourmap-state-col", "value"),
    Input("yourmap-value-col", "value"),
    Input("yourmap-level", "value"),
    Input({"type": "yourmap-pick", "row": ALL}, "value"),
    Input("yourmap-scheme", "value"),
    Input("yourmap-classes", "value"),
    Input("yourmap-title", "value"),
    Input("yourmap-source", "value"),
    Input("yourmap-notes", "value"),
    State({"type": "yourmap-pick", "row": ALL}, "id"),
    State("yourmap-text", "data"),  # as for the review: the column choices that a new text sets trigger this
    State("yourmap-lang", "data"),
)
def draw(place: object, state: object, value: object, level: object, pick_values: object,
         scheme: object, classes: object, title: object, source: object, notes: object, pick_ids: object,
         text: object, lang: object) -> tuple:
    """The map of the chosen column on the matched rows, its image texts, the CSV with codes and the share link."""
    lang = _lang(lang)
    _ = translator(lang)
    blank = (empty_figure(_("Your map appears here once a table is read.")), "", [], {}, None, None, None)
    table = _read(text)
    chosen = _indexes(table, place, state, level) if table else None
    if table is None or chosen is None:
        return blank
    if value not in table.header or value in (place, state):
        return (blank[0], "", messages([_("Choose the column of figures to map.")]), {}, None, None, None)
    place_index, state_index, level_chosen = chosen
    column = table.header.index(value)
    matches = match_rows(table, place_index, state_index, level_chosen, _picks(pick_values, pick_ids))
    scheme = scheme if scheme in SCHEMES else "YlOrRd"
    classes = classes if classes in CLASS_COUNTS else 5
    mapped = column_values(table, matches, column, level_chosen, scheme, classes, lang)
    waiting = sum(1 for m in matches if m.status not in (*DRAWN, LEFT_OUT))
    notes_list = [_problem_text(p, lang) for p in mapped.problems]
    if waiting:
        notes_list.insert(0, _("{count} rows are not drawn until you choose their place (step 3).").format(count=waiting))
    if not mapped.values:
        return (blank[0], "", messages([*notes_list, _("No row has both a place and a number yet.")]), {}, None, None,
                None)
    if not geometry_loaded():
        return (blank[0], "", messages([_("The boundaries are not available on this server; the map cannot be drawn.")]),
                {}, None, None, None)
    level_key = "states" if level_chosen == "state" else "municipalities"
    geometry = geometry_url(level_key, mapped.state_iso)
    frame = map_frame(mapped, level_chosen, value, lang, _("No figure"))
    figure = localise(your_map_figure(geometry, frame, mapped.colours, mapped.labels, value, _("No figure")), lang)
    shown_title = _text(title) or _("{column} by {level}").format(
        column=value, level=_("state") if level_chosen == "state" else _("municipality"))
    what = _("{count} of {total} {level} with a figure").format(
        count=len(mapped.values), total=len(frame["loc"]) + len(frame["missing"]),
        level=_("states") if level_chosen == "state" else _("municipalities"))
    export = _export(shown_title, f"{value} · {what}", _text(source), _text(notes), lang)
    csv_text = coded_csv(table, matches, level_chosen)
    result = {"geometry": geometry, "properties": feature_properties(table, matches, level_chosen),
              "filename": f"{export['filename']}.geojson"}
    fragment = encode(SharedMap(_shared_table(table, matches, column), _text(title), _text(source), _text(notes),
                                scheme, classes))
    if fragment is None:
        notes_list.append(_("This table is too large to travel in a link; share the CSV with codes instead."))
    return (figure, f"{shown_title} — {what}", messages(notes_list), export,
            {"content": csv_text, "filename": f"{export['filename']}.csv"}, result, fragment)


# --- in the browser (assets/your_map.js) -------------------------------------------------------------------

clientside_callback(
    ClientsideFunction(namespace="yourmap", function_name="guardFile"),
    Output("yourmap-file", "data"),
    Output("yourmap-file-message", "children", allow_duplicate=True),
    Input("yourmap-upload", "contents"),
    State("yourmap-upload", "filename"),
    State("yourmap-lang", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="yourmap", function_name="guardText"),
    Output("yourmap-text", "data"),
    Output("yourmap-read-message", "children", allow_duplicate=True),
    Input("yourmap-paste", "value"),
    State("yourmap-lang", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="yourmap", function_name="readFragment"),
    Output("yourmap-restore", "data"),
    Input("yourmap-lang", "data"),
)
clientside_callback(
    ClientsideFunction(namespace="yourmap", function_name="shareUrl"),
    Output("yourmap-share-url", "value"),
    Input("yourmap-fragment", "data"),
)
clientside_callback(
    ClientsideFunction(namespace="yourmap", function_name="setExport"),
    Output("yourmap-export-holder", "title"),
    Input("yourmap-export", "data"),
)
clientside_callback(
    ClientsideFunction(namespace="trends", function_name="downloadCsv"),  # assets/trends.js: any chart's CSV
    Output("yourmap-download", "data"),
    Input("yourmap-csv-button", "n_clicks"),
    State("yourmap-csv", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="yourmap", function_name="downloadGeojson"),
    Output("yourmap-geojson-status", "children"),
    Input("yourmap-geojson-button", "n_clicks"),
    State("yourmap-result", "data"),
    State("yourmap-lang", "data"),
    prevent_initial_call=True,
)

register_page_bilingual(__name__, SLUG, TITLE, layout, order=7, description=DESCRIPTION,
                        first_view=True)
