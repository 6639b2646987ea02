"""Spanish throughout, without a browser: the number formatter, the separator scanner (against a broken
formatter), dropdown texts, plotly's locale, the Spanish of our data texts, and the trends tooltips,
colours, markers and line-end labels."""

from __future__ import annotations

import csv
from itertools import pairwise
from pathlib import Path

import pytest
from babel import Locale

import i18n.numbers as numbers
from analysis.labels import source_title
from components.chart_style import graph_config, series_styles, spread_labels
from components.dropdown import LABELS, dropdown_labels
from components.trend_charts import composition_chart, national_chart, state_chart
from data import query
from data.checks import all_issues
from i18n.numbers import format_number, plotly_separators
from tests.separators import wrong_separators
from views.trends_view import DEFAULT_INDICATORS

MIJ_FULL_NAME = "Ministerio del Poder Popular para Relaciones Interiores, Justicia y Paz"


@pytest.mark.parametrize(("value", "es", "en"), [
    (424.7, "424,7", "424.7"),
    (1234.5, "1.234,5", "1,234.5"),
    (6973, "6.973", "6,973"),
    (26_000_000, "26.000.000", "26,000,000"),
    (42.35, "42,4", "42.4"),  # halves round up, as the derived figures do
    (0.05, "0,1", "0.1"),
    (12.0, "12", "12"),
])
def test_numbers_follow_the_language(value, es, en):
    assert format_number(value, "es") == es
    assert format_number(value, "en") == en


def test_fixed_decimals_keep_a_published_precision():
    assert format_number(59.0, "es", decimals=1) == "59,0"
    assert format_number(1234.5, "en", decimals=2) == "1,234.50"
    assert format_number(49.8, "es", decimals=0) == "50"


def test_plotly_separators_match_the_formatter():
    assert plotly_separators("es") == ",."
    assert plotly_separators("en") == ".,"
    assert graph_config("es")["locale"] == "es" and graph_config("en")["locale"] == "en"


def test_scanner_flags_the_other_languages_decimal_mark():
    assert wrong_separators("La tasa fue 424.7 en 2023", "es")
    assert wrong_separators("The rate was 424,7 in 2023", "en")
    assert not wrong_separators("La tasa fue 424,7 con 6.973 muertes; versión 0.2.0; WDI VC.IHR.PSRC.P5", "es")
    assert not wrong_separators("The rate was 424.7 with 6,973 deaths per 100,000", "en")


def _trends_text(lang: str) -> str:
    data = national_chart(lang, list(DEFAULT_INDICATORS), "rate_per_100k")
    hovers = [t for trace in data.figure.data for t in (trace.text or []) if isinstance(t, str)]
    labels = [a.text for a in data.figure.layout.annotations]
    return "\n".join([data.reading, *hovers, *labels])


def test_scanner_catches_a_broken_formatter(monkeypatch):
    """The same chart, drawn once with the real formatter and once with one that writes Spanish numbers
    the English way: the scan finds nothing in the first and the broken decimals in the second."""
    assert wrong_separators(_trends_text("es"), "es") == []
    english = Locale.parse("en")
    monkeypatch.setattr(numbers, "_locale", lambda lang: english)
    broken = wrong_separators(_trends_text("es"), "es")
    assert broken, "a formatter writing 26.8 on a Spanish page went unnoticed"


def test_dropdown_texts_are_translated():
    spanish, english = dropdown_labels("es"), dropdown_labels("en")
    assert set(spanish) == set(LABELS)
    assert spanish["selected_count"] == "{num_selected} seleccionados"
    assert all(spanish[key] != english[key] for key in LABELS)


def test_our_data_texts_are_shown_in_spanish():
    assert query.in_language("No licence stated; figures reused as facts with attribution", "es") == (
        "Sin licencia indicada; se reutilizan las cifras citando la fuente")
    assert query.in_language("paragraph on the rate", "es") == "párrafo sobre la tasa"
    assert query.in_language("paragraph on the rate", "en") == "paragraph on the rate"


def _table(root: Path, name: str) -> list[list[str]]:
    with (root / "tables" / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _write(root: Path, name: str, rows: list[list[str]]) -> None:
    with (root / "tables" / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def test_a_note_without_spanish_is_rejected(copy):
    rows = _table(copy, "observations")
    note = rows[0].index("note")
    target = next(r for r in rows[1:] if r[note])
    target[note] = "A new note nobody translated"
    _write(copy, "observations", rows)
    assert any("no Spanish for observations.note text 'A new note nobody translated'" in str(i)
               for i in all_issues(copy))


def test_an_unused_translation_is_reported(copy):
    rows = _table(copy, "translations")
    rows.append(["A text no table uses", "Un texto que ninguna tabla usa"])
    _write(copy, "translations", rows)
    assert any(f"row {len(rows)}: text_en 'A text no table uses' is used by no translated field" in str(i)
               for i in all_issues(copy))


def _series_traces(lang: str):
    data = national_chart(lang, list(DEFAULT_INDICATORS), "rate_per_100k")
    return data, [t for t in data.figure.data if t.mode == "lines+markers"]


def test_every_trends_series_has_its_own_colour_and_marker():
    _data, traces = _series_traces("es")
    assert len(traces) >= 8
    assert len({t.line.color for t in traces}) == len(traces)
    assert len({t.marker.symbol for t in traces}) == len(traces)
    ovv = [t for t in traces if t.name.startswith("OVV ·")]
    assert len(ovv) == 2 and ovv[0].line.color != ovv[1].line.color


def test_okabe_ito_producer_colour_is_kept_for_a_producers_first_series():
    styles = series_styles(["ovv", "ovv", "unodc"])
    assert styles[0].colour == "#D55E00" and styles[2].colour == "#0072B2"
    assert styles[1].colour not in {"#D55E00", "#0072B2"}


def test_trends_tooltips_name_producer_and_source_in_full():
    _data, traces = _series_traces("es")
    mij = next(t for t in traces if t.name.startswith("MIJ ·"))
    hover = next(t for t in mij.text if t)
    assert MIJ_FULL_NAME.replace(", ", ",<br>") in hover or MIJ_FULL_NAME in hover.replace("<br>", " ")
    assert "Fuente: " in hover and "por cada 100.000 habitantes" in hover
    assert "MIJ ·" not in hover
    english = next(t for t in next(t for t in _series_traces("en")[1] if t.name.startswith("MIJ ·")).text if t)
    assert "Source: " in english and "per 100,000 inhabitants" in english


def test_spread_labels_keep_order_and_distance():
    values = [5.2, 5.0, 40.0, 5.1, 39.5, 80.0]
    positions = spread_labels(values, gap=2.0, floor=0.0)
    ranked = sorted(range(len(values)), key=lambda i: values[i])
    placed = [positions[i] for i in ranked]
    assert all(b - a >= 2.0 - 1e-9 for a, b in pairwise(placed))
    assert positions[5] == 80.0  # a label with room stays at its value
    assert spread_labels([0.5, 0.6], gap=2.0, floor=0.0) == [0.0, 2.0]  # never below the axis


def test_line_ends_are_labelled_without_overlap():
    data, traces = _series_traces("es")
    annotations = list(data.figure.layout.annotations)
    assert len(annotations) == len(traces)
    highest = max(y for t in traces for y in t.y if y is not None)
    gap = 0.08 * highest  # 16 px of a 200-px plot (a phone, once the legend wraps) on an axis from 0 to the top
    columns: dict[float, list[float]] = {}
    for a in annotations:
        columns.setdefault(a.ax, []).append(a.ay)
    for column in columns.values():
        column.sort()
        assert all(b - a >= gap - 1e-9 for a, b in pairwise(column))
    assert any(a.text.endswith("26,8") and "OVV" in a.text for a in annotations)


def test_titles_we_wrote_are_translated_and_published_titles_are_not():
    assert source_title("mij-2011-statement", "es") == "Cifras oficiales de homicidios de 2010 (ministro Tareck El Aissami)"
    assert source_title("mij-2011-statement", "en") == "Official homicide figures for 2010 (Minister Tareck El Aissami)"
    published = "Global Study on Homicide 2013"
    assert source_title("unodc-gsh-2013", "es") == source_title("unodc-gsh-2013", "en") == published


def test_state_chart_labels_do_not_overlap_against_the_whole_axis():
    data = state_chart("es", ["VE-A", "VE-F", "VE-Z"], "violent_deaths", "rate_per_100k")
    highest = max(y for t in data.figure.data for y in (t.y or []) if y is not None)
    column = sorted(a.ay for a in data.figure.layout.annotations if a.ax == max(b.ax for b in data.figure.layout.annotations))
    assert len(column) >= 3
    assert all(b - a >= 0.08 * highest - 1e-9 for a, b in pairwise(column))


def test_composition_tooltips_name_producer_and_source():
    data = composition_chart("es", "share")
    hover = data.figure.data[0].text[0].replace("<br>", " ")
    assert hover.startswith("Observatorio Venezolano de Violencia (OVV)")
    assert "de las categorías reportadas ese año" in hover and "Fuente: Observatorio Venezolano de Violencia" in hover
    assert not wrong_separators(hover, "es")


def test_no_source_is_named_with_an_english_and_on_spanish_pages():
    """An organisation named with "and" in English has its Spanish name (Lupa's rows once read
    "PROVEA and Centro Gumilla" in Spanish briefings)."""
    from analysis.labels import source_organisation
    from data import query

    for source_id in query.sources()["source_id"]:
        assert " and " not in source_organisation(source_id, "es"), source_id
