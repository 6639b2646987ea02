"""Every number in every briefing's text (26 places × 2 languages) comes from the data package.

The test reads the briefing as the PDF prints it (the page's components written out as HTML), takes
each number of the prose and tables, and looks it up among what the package holds for that place —
figures, years, published ranks, practices' before/after values, municipality counts — or, for a
number followed by "%", among the changes and shares this test computes itself from two of those
figures (rounded to whole percent, a tenth below 1 %). The sources list and the practices' caveats are
quoted text of the package's tables and are left out; so are the reference marks "[3]". A briefing
with one figure deliberately altered must fail.
"""

from __future__ import annotations

import decimal
import functools
import itertools
import re
from pathlib import Path

import pandas as pd
import pytest
from dash import html

from geo import codes

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "data" / "tables"
PLACES = ["VEN", *sorted(codes.state_iso_codes())]
# Fixed words of the text, typed here by hand: "per 100,000", "1 = highest rate", "of the 25 states"; the
# thresholds of the option rules as documented in analysis/briefing_options.py (10 %, 70 %, 20 %, 1.5
# times, a rate of 20); the unstable-rate count of the map (20 deaths).
STRUCTURAL = {100000.0, 1.0, 25.0, 10.0, 70.0, 20.0, 1.5}
NUMBER = {"es": re.compile(r"(?<![\w.,])-?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\w.,])-?\d+(?:,\d+)?(?![\d])"),
          "en": re.compile(r"(?<![\w.,])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\w.,])-?\d+(?:\.\d+)?(?![\d])")}


def parse(token: str, lang: str) -> float:
    if lang == "es":
        return float(token.replace(".", "").replace(",", "."))
    return float(token.replace(",", ""))


def shown(value: float) -> float:
    """How the dashboard prints a figure: one decimal at most, halves rounded up (5.35 → 5.4)."""
    return float(decimal.Decimal(repr(float(value))).quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP))


def pct(value: float) -> float:
    """The one rounding of a percentage, written again here: whole percent, a tenth below 1 %."""
    return round(value, 1) if 0 < abs(value) < 1 else float(round(value))


def _observations() -> pd.DataFrame:
    return pd.read_csv(TABLES / "observations.csv", dtype={"period": str}, keep_default_na=False)


@functools.cache
def allowed(code: str) -> tuple[set[float], set[float]]:
    """(plain numbers, percentages) a briefing of ``code`` may print."""
    obs = _observations()
    obs = obs[obs["period"] == ""]
    state = code if code != "VEN" else None
    muni = obs["level"] == "municipality"
    in_state = pd.Series(False, index=obs.index)
    in_state[muni] = obs.loc[muni, "code"].map(codes.state_of_municipality) == state if state else True
    mine = obs[(obs["code"] == "VEN") | in_state | ((obs["code"] == state) if state else (obs["level"] == "state"))]
    values = {shown(v) for v in mine["value"]}
    years = {float(y) for y in obs["year"]}
    practices = pd.read_csv(TABLES / "practices.csv", keep_default_na=False)
    practice_values = {shown(v) for col in ("baseline_value", "outcome_value", "baseline_year", "outcome_year",
                                            "period_start") for v in practices[col] if v != ""}
    ranks = pd.read_csv(TABLES / "ranks.csv", keep_default_na=False)
    rank_values = {float(v) for col in ("rank", "ranked_count") for v in ranks[col] if v != ""}
    municipalities = {float(len(codes.municipality_pcodes(state)))}
    municipal = obs[in_state]
    municipalities |= {float(n) for n in range(len(set(municipal["code"])) + 1)}  # "11 of the 18" and table rows
    titles = " ".join(practices["title_es"]) + " " + " ".join(practices["title_en"])  # "Ley 10.826/2003"
    in_titles = {parse(t, lang) for lang in NUMBER for t in NUMBER[lang].findall(titles)}
    plain = values | years | practice_values | rank_values | municipalities | in_titles | STRUCTURAL
    # Percentages: every change and share between two figures of the same place (and the country), computed
    # here; percent-unit figures as published; practices' changes; points of change between percentages.
    national = sorted(set(obs[obs["code"] == "VEN"]["value"].astype(float)))
    own = sorted(set(obs[obs["code"] == (state or "VEN")]["value"].astype(float)))
    percents = {shown(v) for v in mine[mine["unit"] == "percent"]["value"]} | STRUCTURAL
    pairs = [*itertools.permutations(own, 2), *itertools.permutations(national, 2),
             *itertools.product(own, national), *itertools.product(national, own)]
    for a, b in pairs:
        if b:
            percents |= {pct((a - b) / b * 100), abs(pct((a - b) / b * 100)), pct(a / b * 100)}
    for _i, row in practices.iterrows():
        change = (float(row["outcome_value"]) - float(row["baseline_value"])) / float(row["baseline_value"]) * 100
        percents |= {pct(change), abs(pct(change))}
    points = {shown(abs(a - b)) for a, b in itertools.permutations(
        mine[mine["unit"] == "percent"]["value"].astype(float).tolist(), 2)}
    return plain | points, percents


def _strip(node):
    """The briefing without its sources list and caveats (quoted text of the tables)."""
    if isinstance(node, (list, tuple)):
        return [_strip(n) for n in node]
    if isinstance(node, html.Section) and node.id == "briefing-sources":
        return None
    if getattr(node, "className", None) == "briefing-caveat":
        return None
    children = getattr(node, "children", None)
    if children is not None and not isinstance(children, str):
        node.children = _strip(children)
    return node


def briefing_text(code: str, lang: str) -> str:
    from components.static_html import to_html
    from pages.briefing import briefing_content

    content = _strip(briefing_content(lang, code))
    content = [c for c in content if c is not None][2:]  # the heading and the dateline (package version, date)
    text = re.sub(r"<[^>]+>", " ", to_html(content))
    text = re.sub(r"\[\d+\]", " ", text)  # reference marks
    return re.sub(r"\s+", " ", text.replace("&nbsp;", " "))


def stray_numbers(text: str, lang: str, plain: set[float], percents: set[float]) -> list[str]:
    stray = []
    for match in NUMBER[lang].finditer(text):
        value = parse(match.group(0), lang)
        after = text[match.end():match.end() + 3]
        is_percent = after.lstrip().startswith("%")
        pool = percents if is_percent else plain
        if shown(value) not in pool and shown(abs(value)) not in pool:
            stray.append(text[max(0, match.start() - 60):match.end() + 20])
    return stray


@pytest.fixture(scope="module")
def app_loaded():
    import app  # noqa: F401 - registers the pages and loads the data

    return True


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_number_in_every_briefing_comes_from_the_package(app_loaded, lang):
    checked = 0
    for code in PLACES:
        plain, percents = allowed(code)
        text = briefing_text(code, lang)
        checked += len(NUMBER[lang].findall(text))
        assert stray_numbers(text, lang, plain, percents) == [], code
    assert checked > 26 * 40  # the test read real text, not an empty page


def test_a_deliberately_broken_figure_is_caught(app_loaded, monkeypatch):
    """Aragua's headline (OVV 2023: 27.2, observations.csv) altered to 27.9 in a copy of the briefing."""
    import dataclasses

    from analysis import briefing_figures

    original = briefing_figures.briefing("VE-D")
    headline = original.headline
    broken_point = dataclasses.replace(headline.latest, value=27.9)
    broken_series = dataclasses.replace(headline, points=(*headline.points[:-1], broken_point))
    broken = dataclasses.replace(original, headline=broken_series)
    import pages.briefing as page

    monkeypatch.setattr(page, "briefing", lambda code: broken if code == "VE-D" else briefing_figures.briefing(code))
    plain, percents = allowed("VE-D")
    assert 27.9 not in plain
    stray = stray_numbers(briefing_text("VE-D", "en"), "en", plain, percents)
    assert any("27.9" in s for s in stray), stray
