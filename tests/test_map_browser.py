"""The map explorer in headless Chromium: drawing, hover, drill-down, timeline, URL, table, CSV, tiles."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from geo import codes

pytestmark = pytest.mark.browser

PATHS = "#map-graph g.trace.choropleth"


def open_map(browser_page, base: str, query: str = "", lang: str = "en"):
    page = browser_page.page
    page.goto(f"{base}/{lang}/map{query}")
    page.wait_for_selector(f"{PATHS} path.choroplethlocation", timeout=20_000)
    page.wait_for_function("() => document.querySelector('#map-caption')?.innerText.length > 0")
    return page


def graph_data(page) -> list[dict]:
    return page.evaluate(
        "Array.from(document.querySelector('#map-graph .js-plotly-plot').data)"
        ".map(t => ({locations: t.locations || [], z: t.z || [], text: t.text || []}))"
    )


def path_count(page) -> int:
    return page.locator(f"{PATHS} path.choroplethlocation").count()


def hover_text(page) -> str:
    page.wait_for_selector("#map-graph .hoverlayer .hovertext", timeout=5_000)
    return page.evaluate("document.querySelector('#map-graph .hoverlayer').textContent")


def url_params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def open_table(page) -> None:
    """The table sits behind its <summary>, as a reader reaches it: open it (its rows are drawn then)."""
    details = page.locator("details:has(#map-table)")
    if details.get_attribute("open") is None:
        details.locator("summary").first.click()
    page.wait_for_selector("#map-table tbody tr")


def table_rows(page) -> list[list[str]]:
    """The map table's cells: place, value, change, rank, year, source, note."""
    open_table(page)
    return page.evaluate(
        "Array.from(document.querySelectorAll('#map-table tbody tr'))"
        ".map(tr => Array.from(tr.querySelectorAll('th, td')).map(td => td.innerText.trim()))"
    )


def test_state_map_draws_every_feature_and_hover_names_value_and_source(live_server, browser_page):
    page = open_map(browser_page, live_server)
    data = graph_data(page)
    assert path_count(page) == 25
    assert len(data[0]["locations"]) + len(data[1]["locations"]) == 25
    index = data[0]["locations"].index("VE-F")  # Bolívar: large, easy to hover
    page.locator(PATHS).nth(0).locator("path.choroplethlocation").nth(index).hover(force=True)
    hover = hover_text(page)
    assert "Bolívar" in hover and "38.5" in hover and "Observatorio Venezolano de Violencia" in hover
    assert "3rd in OVV's ranking of the states" in hover  # OVV's 2023 top ten (round 2)
    zulia = data[1]["locations"].index("VE-V")  # no OVV figure for Zulia in 2023
    page.mouse.move(0, 0)
    page.locator(PATHS).nth(1).locator("path.choroplethlocation").nth(zulia).hover(force=True)
    page.wait_for_function("() => document.querySelector('#map-graph .hoverlayer').textContent.includes('Zulia')")
    assert "No published figure for 2023" in hover_text(page)
    assert browser_page.errors == []


def state_path(page, code: str):
    index = graph_data(page)[0]["locations"].index(code)
    return page.locator(PATHS).nth(0).locator("path.choroplethlocation").nth(index)


def wait_for_municipalities(page, state: str) -> None:
    page.wait_for_function(f"() => document.querySelectorAll('{PATHS} path.choroplethlocation').length === "
                           f"{len(codes.municipality_pcodes(state))}", timeout=10_000)


def test_click_selects_a_state_and_its_panel_drills_down_and_back(live_server, browser_page):
    page = open_map(browser_page, live_server)
    state_path(page, "VE-F").click(force=True)
    page.wait_for_selector("#map-selection:not([hidden])", timeout=5_000)
    # A click only selects: the map still shows the 25 states and the URL has no state.
    assert path_count(page) == 25 and "state" not in url_params(page)
    assert page.inner_text("#map-selection-name") == "Bolívar"
    assert page.inner_text("#map-selection-value") == "38.5 per 100,000 inhabitants"  # OVV 2023
    assert page.inner_text("#map-selection-rank") == "3rd (OVV's ranking)"  # OVV's 2023 top ten (round 2)
    assert page.inner_text("#map-selection-year") == "2023"
    assert "Observatorio Venezolano de Violencia" in page.inner_text("#map-selection-source")
    assert page.get_attribute("#map-selection-source", "href").startswith("http")
    page.focus("#map-year [role=slider]")
    page.keyboard.press("ArrowLeft")  # the panel follows the year without asking the server
    page.wait_for_function("() => document.querySelector('#map-selection-year').innerText === '2022'")
    page.click("#map-drill")
    wait_for_municipalities(page, "VE-F")
    assert url_params(page)["state"] == "VE-F"
    assert url_params(page)["level"] == "municipality"
    assert page.locator("#map-state-panel h2").inner_text() == "Bolívar"
    assert page.locator("#map-selection").get_attribute("hidden") is not None  # a new map: nothing selected
    assert page.locator("#map-graph .hoverlayer .hovertext").count() == 0  # no label left over the new map
    page.click("#map-back")
    page.wait_for_function(f"() => document.querySelectorAll('{PATHS} path.choroplethlocation').length === 25")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('state')")
    assert url_params(page)["level"] == "state"
    assert browser_page.errors == []


def test_a_place_without_a_figure_says_so_and_close_hides_the_panel(live_server, browser_page):
    page = open_map(browser_page, live_server, "?year=2023")
    zulia = graph_data(page)[1]["locations"].index("VE-V")  # no OVV figure for Zulia in 2023
    page.locator(PATHS).nth(1).locator("path.choroplethlocation").nth(zulia).click(force=True)
    page.wait_for_selector("#map-selection:not([hidden])", timeout=5_000)
    assert page.inner_text("#map-selection-name") == "Zulia"
    assert page.inner_text("#map-selection-value") == "No published figure for 2023"
    assert page.locator("#map-selection-fields").get_attribute("hidden") is not None
    assert page.is_visible("#map-drill")  # Zulia's municipalities can still be opened
    page.click("#map-unselect")
    page.wait_for_selector("#map-selection[hidden]", state="attached")
    assert browser_page.errors == []


def press_until(page, key: str, selector: str, tries: int = 3) -> None:
    """Press ``key`` until ``selector`` shows, as a reader presses again when nothing happened: Dash's
    dropdown drops an Enter that arrives while it redraws its filtered list (seen on a cold server)."""
    for _ in range(tries - 1):
        page.keyboard.press(key)
        try:
            page.wait_for_selector(selector, timeout=3_000)
            return
        except Exception:  # Playwright's timeout: press again
            continue
    page.keyboard.press(key)
    page.wait_for_selector(selector, timeout=5_000)


def open_picker_by_keyboard(page) -> None:
    """Enter opens the focused picker's list, with its search box focused (typing at a closed picker opens
    it on the first key; under load the next keys could arrive before the box had focus)."""
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement?.classList.contains('dash-dropdown-search')",
                           timeout=5_000)


def test_place_picker_drills_into_bolivar_with_the_keyboard_only(live_server, browser_page):
    page = open_map(browser_page, live_server)
    page.focus("h1")
    for _ in range(40):  # Tab through the page as a keyboard user does, to the picker
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "map-place":
            break
    else:
        pytest.fail("the place picker cannot be reached with Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-labelledby')").startswith("map-place-label")
    open_picker_by_keyboard(page)
    page.keyboard.type("Bol", delay=120)
    page.get_by_role("option", name="Bolívar").first.wait_for(timeout=10_000)  # the list offers it, as a reader sees
    press_until(page, "Enter", "#map-state-panel h2")
    wait_for_municipalities(page, "VE-F")
    assert url_params(page)["state"] == "VE-F"
    assert page.locator("#map-state-panel h2").inner_text() == "Bolívar"
    # Now the picker offers Bolívar's municipalities (a server answer after the drill-down): pick one.
    page.wait_for_load_state("networkidle")
    page.focus("#map-place")
    page.keyboard.press("Enter")  # with a place chosen, the list opens on it: the search box is one step away
    page.focus("#map-place-search, .dash-dropdown-search")
    page.keyboard.type("Caron", delay=120)
    # As a reader does, wait until the list offers the municipality (the options arrive with the drill-down).
    option = page.get_by_role("option", name="Caroní").first
    option.wait_for(timeout=10_000)
    option.focus()  # on the option, as the arrow keys put it, so the list redrawing cannot swallow the Enter
    press_until(page, "Enter", "#map-selection:not([hidden])")
    assert page.inner_text("#map-selection-name") == "Caroní"
    assert page.is_hidden("#map-drill")
    assert browser_page.errors == []


def test_year_change_redraws_without_asking_the_server(live_server, browser_page):
    page = open_map(browser_page, live_server, "?year=2023")
    before = graph_data(page)[0]
    posts: list[str] = []
    page.on("request", lambda r: r.method == "POST" and posts.append(r.url))
    page.focus("#map-year [role=slider]")
    page.keyboard.press("ArrowLeft")  # 2022 was published: one step
    page.wait_for_function("() => document.querySelector('#map-caption').innerText.includes('2022')")
    after = graph_data(page)[0]
    assert after["locations"] != before["locations"] or after["z"] != before["z"]
    assert url_params(page)["year"] == "2022"
    assert [r[4] for r in table_rows(page)] == ["2022"] * len(table_rows(page))
    page = open_map(browser_page, live_server, "?year=2016")
    posts.clear()  # opening a page asks for its layout; moving the slider must not ask anything
    page.focus("#map-year [role=slider]")
    page.keyboard.press("ArrowLeft")  # no state figures for 2013-2015: the slider skips to 2012
    page.wait_for_function("() => document.querySelector('#map-caption').innerText.includes('2012')")
    assert page.get_attribute("#map-year [role=slider]", "aria-valuenow") == "2012"
    assert posts == []
    assert browser_page.errors == []


def test_play_runs_through_the_years(live_server, browser_page):
    page = open_map(browser_page, live_server, "?year=2019")
    page.click("#map-play")
    page.wait_for_function("() => document.querySelector('#map-caption').innerText.includes('2020')", timeout=5_000)
    page.wait_for_function("() => document.querySelector('#map-caption').innerText.includes('2022')", timeout=8_000)
    assert browser_page.errors == []


def test_url_round_trips_every_control(live_server, browser_page):
    query = "?indicator=homicides&measure=count&source=ovs&year=2019&level=state&view=tiles"
    page = open_map(browser_page, live_server, query)
    assert url_params(page) == {"indicator": "homicides", "measure": "count", "source": "ovs", "year": "2019",
                                "level": "state", "view": "tiles"}
    assert page.locator("#map-notices .alert").count() == 0
    page.check("#map-view input[value=map]", force=True)
    page.wait_for_function("() => new URLSearchParams(location.search).get('view') === 'map'")
    shared = page.input_value("#map-share-url")
    assert shared.endswith(urlparse(page.url).path + "?" + urlparse(page.url).query)
    assert browser_page.errors == []


def test_invalid_url_values_show_a_notice_not_an_error(live_server, browser_page):
    page = browser_page.page
    response = page.goto(f"{live_server}/es/map?indicator=nope&year=abc&state=VE-ZZ&view=<b>x</b>")
    assert response.status == 200
    page.wait_for_selector("#map-notices .alert")
    notices = page.locator("#map-notices .alert").all_inner_texts()
    assert len(notices) == 4
    assert any("<b>x</b>" in n for n in notices)  # shown as text, never as markup
    assert page.locator("#map-notices b").count() == 0
    page.wait_for_selector(f"{PATHS} path.choroplethlocation")
    assert browser_page.errors == []


def test_table_matches_map_and_csv_matches_table(live_server, browser_page):
    page = open_map(browser_page, live_server, "?year=2023")
    data = graph_data(page)[0]
    rows = table_rows(page)
    assert len(rows) == len(data["locations"])
    places = {codes.state_name(code) for code in data["locations"]}
    assert {r[0] for r in rows} == places
    with page.expect_download() as info:
        page.click("#map-download-csv")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if not line.startswith("#")][1:]
    assert len(body) == len(rows)
    assert [line.split(",")[1] for line in body] == [r[0] for r in rows]
    assert any(line.startswith("# ") and "CC BY 4.0" in line for line in text.splitlines())


def test_tile_grid_draws_all_states(live_server, browser_page):
    page = open_map(browser_page, live_server, "?view=tiles", lang="es")
    assert path_count(page) == 25
    labels = page.evaluate("() => Array.from(document.querySelectorAll('#map-graph g.scattergeo text'))"
                           ".map(t => t.textContent)")
    assert len(labels) == 25 and "ZUL" in labels
    assert browser_page.errors == []


def test_municipal_view_of_whole_country(live_server, browser_page):
    page = open_map(browser_page, live_server, "?level=municipality")
    page.wait_for_function(f"() => document.querySelectorAll('{PATHS} path.choroplethlocation').length > 300")
    assert re.search(r"\d+ of \d+ places", page.inner_text("#map-caption"))
    assert browser_page.errors == []


def test_map_images_are_named_from_the_view_and_follow_the_year(live_server, browser_page):
    page = open_map(browser_page, live_server, "?indicator=violent_deaths&measure=rate&year=2023")
    with page.expect_download() as info:
        page.click("#map-download-png")
    assert info.value.suggested_filename == "violent-deaths-venezuela-2023.png"
    page.focus("#map-year [role=slider]")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.querySelector('#map-year [role=slider]').getAttribute('aria-valuenow') "
                           "=== '2022'")
    with page.expect_download() as info:
        page.click("#map-download-svg")
    assert info.value.suggested_filename == "violent-deaths-venezuela-2022.svg"
    assert browser_page.errors == []


def test_table_gives_ovvs_published_rank_for_aragua_2023(live_server, browser_page):
    page = open_map(browser_page, live_server, "?year=2023")
    rows = {r[0]: r for r in table_rows(page)}
    assert rows["Aragua"][3] == "8th (OVV's ranking)"  # OVV Aragua, 2023 regional release
    assert rows["Distrito Capital"][3] == "1st (OVV's ranking)"  # OVV's 2023 top ten (round 2)
    assert all(r[3] and r[3][0].isdigit() and ("ranking" in r[3] or "with a figure" in r[3]) for r in rows.values())
    page = open_map(browser_page, live_server, "?year=2023", lang="es")
    rows = {r[0]: r for r in table_rows(page)}
    assert rows["Aragua"][3] == "8.º (clasificación de OVV)"
    assert rows["Táchira"][3] == "14.º de 14 con cifra"
    assert browser_page.errors == []


def test_latest_figure_view_shows_a_year_for_every_place(live_server, browser_page):
    import csv

    with open("data/tables/observations.csv", encoding="utf-8") as f:
        published = [r for r in csv.DictReader(f) if r["level"] == "state" and r["indicator"] == "violent_deaths"
                     and r["unit"] == "rate_per_100k" and r["period"] == "" and r["source_id"].startswith("ovv-")]
    latest_year = {}
    for r in published:
        latest_year[r["code"]] = max(latest_year.get(r["code"], 0), int(r["year"]))
    # The reference year: the newest with at least half the best year's coverage (Mérida's lone 2024 figure
    # must not make every 2023 figure look old).
    per_year = {}
    for r in published:
        per_year.setdefault(int(r["year"]), set()).add(r["code"])
    best = max(len(codes_) for codes_ in per_year.values())
    newest = max(y for y, codes_ in per_year.items() if len(codes_) * 2 >= best)
    assert newest == 2023
    page = open_map(browser_page, live_server, "?when=latest")
    assert page.locator("#map-notices .alert").count() == 0
    caption = page.inner_text("#map-caption")
    assert "latest published figure of each place" in caption and "lighter colours" in caption
    rows = table_rows(page)
    assert {codes.state_name(c): y for c, y in latest_year.items()} == {r[0]: int(r[4]) for r in rows}
    assert all(("Older than" in r[6]) == (int(r[4]) < newest) for r in rows)
    hovers = page.evaluate("document.querySelector('#map-graph .js-plotly-plot').data[0].text")
    assert len(hovers) == len(latest_year)
    assert all(f"Latest published figure: {latest_year[c]}" in h
               for c, h in zip(graph_data(page)[0]["locations"], hovers, strict=True))
    opacity = page.evaluate("document.querySelector('#map-graph .js-plotly-plot').data[0].marker.opacity")
    assert sorted(set(opacity)) == [0.45, 1]
    assert url_params(page)["when"] == "latest"
    page.check("#map-when input[value=year]", force=True)
    page.wait_for_function("() => !new URLSearchParams(location.search).has('when')")
    assert "latest" not in page.inner_text("#map-caption")
    assert browser_page.errors == []


def test_table_sorts_with_its_header_buttons_and_keeps_the_order_when_the_year_changes(live_server, browser_page):
    page = open_map(browser_page, live_server, "?year=2023", lang="es")
    open_table(page)
    head = page.locator("#map-table thead th")
    assert head.nth(1).inner_text().startswith("Valor (por cada 100.000 habitantes)")  # the unit once, here
    assert head.nth(2).inner_text().startswith("Cambio desde 2022")
    rows = {r[0]: r for r in table_rows(page)}
    # observations.csv, OVV: Distrito Capital 67.4 in 2022 (restated in the 2023 report), 50.8 in 2023.
    assert rows["Distrito Capital"][1:3] == ["50,8", "\u221216,6 (\u221225\u00a0%)"]
    link = page.locator("#map-table tbody tr", has_text="Distrito Capital").locator("a")
    assert link.get_attribute("href") == ("https://observatoriodeviolencia.org.ve/news/"
                                          "2023-culmino-con-al-menos-847-muertes-violentas-en-distrito-capital/")
    button = head.nth(0).locator("button")
    button.focus()
    page.keyboard.press("Enter")  # place, A to Z
    page.wait_for_function("() => document.querySelector('#map-table thead th').getAttribute('aria-sort') "
                           "=== 'ascending'")
    places = [r[0] for r in table_rows(page)]
    assert places == sorted(places, key=lambda p: "".join(c for c in unicodedata.normalize("NFD", p.casefold())
                                                          if not unicodedata.combining(c)))
    assert page.evaluate("document.activeElement.closest('th') === document.querySelector('#map-table thead th')")
    head.nth(1).locator("button").click()  # a number: largest first
    page.wait_for_function("() => document.querySelectorAll('#map-table thead th')[1].getAttribute('aria-sort') "
                           "=== 'descending'")
    assert head.nth(0).get_attribute("aria-sort") is None
    values = [float(r[1].replace(".", "").replace(",", ".").removesuffix(" ⚠")) for r in table_rows(page)]
    assert values == sorted(values, reverse=True)
    page.focus("#map-year [role=slider]")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.querySelector('#map-caption').innerText.includes('2022')")
    page.wait_for_function("() => document.querySelectorAll('#map-table thead th')[2].innerText.includes('2021')")
    rows = table_rows(page)
    assert {r[4] for r in rows} == {"2022"}
    values = [float(r[1].replace(".", "").replace(",", ".").removesuffix(" ⚠")) for r in rows]
    assert values == sorted(values, reverse=True)  # the reader's order survives the new year
    assert browser_page.errors == []
