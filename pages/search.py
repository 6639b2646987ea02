"""Search places by name: ``/es/search?q=sucre`` lists the state and every municipality called Sucre.

The query comes from the URL (the navigation's search box is a GET form), is bounded and shown escaped;
the results link to each place's page.
"""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from components.bilingual_page import register_page_bilingual
from components.noscript import register_noscript
from components.place_search import results, search_form
from geo.search import clean_query, search
from i18n import translator
from i18n.markers import N_
from views.place_view import SEARCH_SLUG
from views.search_view import SearchView

TITLE = N_("Search places")
DESCRIPTION = N_("Find any state or municipality of Venezuela by name, with or without accents, including former "
                 "names, and open its page of published figures.")


def layout(lang: str, q: object = "", **_params: object) -> Component:
    _ = translator(lang)
    query = clean_query(q)
    return html.Div(
        [
            html.H1(_(TITLE)),
            html.P(_("Every state and municipality has a page with its published figures and their sources.")),
            search_form(lang, query, form_id="search-page", large=True),
            html.Div(results(search(query), lang), className="mt-3"),
        ],
        className="search-page",
    )


register_page_bilingual(__name__, SEARCH_SLUG, TITLE, layout, order=7, description=DESCRIPTION, view=SearchView)
register_noscript()  # the search and place pages, readable without JavaScript
