"""The comparison page's firearm chart: each country's latest published share since 2015, with year and source.

Expected rows are read here from the package's CSV files (benchmarks for the region, observations for
Venezuela), not from the query layer the chart uses.
"""

from __future__ import annotations

import csv
from pathlib import Path

from components.benchmark_charts import firearm_chart

TABLES = Path(__file__).resolve().parent.parent / "data" / "tables"


def _latest(rows: list[dict[str, str]]) -> dict[str, tuple[int, float, str]]:
    out: dict[str, tuple[int, float, str]] = {}
    for r in rows:
        year = int(r["year"])
        if year >= 2015 and (r["place"] not in out or year > out[r["place"]][0]):
            out[r["place"]] = (year, float(r["value"]), r["source_id"])
    return out


def test_each_country_shows_its_latest_share_with_year_and_source():
    with (TABLES / "places.csv").open(encoding="utf-8") as f:
        countries = {r["place_id"]: r["name_en"] for r in csv.DictReader(f) if r["kind"] == "country"}
    with (TABLES / "benchmarks.csv").open(encoding="utf-8") as f:
        region = [{**r, "place": countries[r["place_id"]]} for r in csv.DictReader(f)
                  if r["indicator"] == "firearm_homicide_share" and r["place_id"] in countries]
    with (TABLES / "observations.csv").open(encoding="utf-8") as f:
        ven = [{**r, "place": "Venezuela"} for r in csv.DictReader(f)
               if (r["level"], r["code"], r["indicator"], r["period"]) == ("country", "VEN", "firearm_share_homicides", "")]
    expected = _latest(region + ven)
    data = firearm_chart("en")
    assert {r["place"]: (r["year"], r["value"], r["source_id"]) for r in data.rows} == expected
    assert len(expected) >= 10 and expected["Venezuela"] == (2017, 90.0, "ai-2018")
    assert data.reading.startswith("Venezuela's latest published share is 90% (2017).")
    labels = list(data.figure.data[0].y)
    assert "Venezuela (2017)" in labels and all("(" in label for label in labels)
    assert all(r["locator_url"].startswith("http") for r in data.rows)
