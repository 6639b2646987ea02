"""Regional benchmark tables (places, benchmarks, practices, targets): schema, keys, links and spot checks.

Why: these four tables feed the regional comparison and good-practice pages; a wrong join key, a missing
source or a mistyped figure would silently mislead readers. Expected figures below were written by hand
from the sources (UNODC via OWID / World Bank, papers and press copies), not read back from a generator.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package, Resource, Schema

REPO = Path(__file__).resolve().parents[1]
TABLES = REPO / "data" / "tables"
SCHEMAS = REPO / "data" / "schemas"
OWN = ("places", "benchmarks", "practices", "targets")
OWID, WB = "reg-unodc-owid", "reg-unodc-wb"
YEARS = range(2015, 2024)

# Countries in the UNODC copies without a value for every year 2015-2023 (as published, nothing filled):
# gaps in UNODC's own series (e.g. Guatemala 2015-16, Haiti 2017 and 2019, Peru 2022-23, Cuba 2020-23,
# Nicaragua 2020/2022/2023) and no 2023 value yet for several Caribbean and Central American countries.
MIN_FULL_COUNTRIES = 15


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(TABLES / f"{name}.csv", dtype=str, keep_default_na=False)


def _schema(name: str) -> Schema:
    return Schema.from_descriptor(json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return {name: _read(name) for name in (*OWN, "sources")}


def test_tables_pass_frictionless_validation() -> None:
    resources = [Resource(path=f"{n}.csv", name=n, schema=_schema(n)) for n in OWN]
    resources.append(Resource(path="sources.csv", name="sources"))
    report = Package(resources=resources, basepath=str(TABLES)).validate()
    problems = report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])
    assert report.valid, "\n".join(str(p) for p in problems[:20])


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("places", ["place_id"]),
        ("benchmarks", ["place_id", "year", "indicator", "unit", "source_id"]),
        ("practices", ["practice_id"]),
        ("targets", ["target_id"]),
        ("sources", ["source_id"]),
    ],
)
def test_keys_are_unique(t: dict[str, pd.DataFrame], name: str, key: list[str]) -> None:
    dupes = t[name][t[name].duplicated(key, keep=False)]
    assert dupes.empty, f"{name}.csv: duplicate {key}:\n{dupes[key].to_string()}"


def test_every_source_id_exists(t: dict[str, pd.DataFrame]) -> None:
    known = set(t["sources"]["source_id"])
    for name, cols in [
        ("benchmarks", ["source_id"]),
        ("practices", ["source_id", "evaluation_source_id"]),
        ("targets", ["source_id"]),
    ]:
        for col in cols:
            used = {v for v in t[name][col] if v}
            assert used <= known, f"{name}.csv {col} not in sources.csv: {sorted(used - known)}"


def test_every_place_id_exists(t: dict[str, pd.DataFrame]) -> None:
    known = set(t["places"]["place_id"])
    for name in ("benchmarks", "practices"):
        missing = set(t[name]["place_id"]) - known
        assert not missing, f"{name}.csv place_id not in places.csv: {sorted(missing)}"


def test_region_sources_are_described(t: dict[str, pd.DataFrame]) -> None:
    ours = t["sources"][t["sources"]["source_id"].str.startswith("reg-")]
    assert set(ours["kind"]) <= {"ngo", "official", "international", "academic", "press_copy"}
    no_producer = ours[(ours["kind"] == "press_copy") & (ours["producer"] == "")]
    assert no_producer.empty, f"press copies without producer: {list(no_producer['source_id'])}"
    assert (ours["url"].str.startswith("http")).all()


def test_venezuela_left_to_the_core_tables(t: dict[str, pd.DataFrame]) -> None:
    assert not (t["benchmarks"]["place_id"] == "VEN").any()


@pytest.mark.parametrize("source_id", [OWID, WB])
def test_country_coverage_2015_2023(t: dict[str, pd.DataFrame], source_id: str) -> None:
    b = t["benchmarks"]
    countries = set(t["places"].query("kind == 'country'")["place_id"])
    rates = b[(b["source_id"] == source_id) & (b["indicator"] == "homicide_rate")]
    rates = rates[rates["place_id"].isin(countries)]
    years = rates.assign(year=rates["year"].astype(int)).groupby("place_id")["year"].apply(set)
    full = sorted(p for p, ys in years.items() if set(YEARS) <= ys)
    assert len(full) >= MIN_FULL_COUNTRIES, f"{source_id}: only {full}"
    lac = b[(b["source_id"] == source_id) & (b["place_id"] == "lac")]
    assert set(YEARS) <= set(lac["year"].astype(int)), f"{source_id}: regional aggregate incomplete"


def test_distributors_disagreements_kept_side_by_side(t: dict[str, pd.DataFrame]) -> None:
    b = t["benchmarks"]
    bra = b[(b["place_id"] == "BRA") & (b["year"] == "2023")].set_index("source_id")["value"].astype(float)
    assert round(bra[OWID], 1) == 20.6 and round(bra[WB], 1) == 19.3


def test_practices_have_baseline_and_outcome(t: dict[str, pd.DataFrame]) -> None:
    p = t["practices"]
    complete = p[(p["baseline_value"] != "") & (p["outcome_value"] != "")]
    not_contested = complete[complete["evidence_level"] != "contested"]
    assert len(not_contested) >= 6, list(not_contested["practice_id"])
    assert (complete["outcome_year"].astype(int) > complete["baseline_year"].astype(int)).all()


def test_practice_figures_match_benchmarks(t: dict[str, pd.DataFrame]) -> None:
    b = t["benchmarks"]
    for _, row in t["practices"].iterrows():
        for which in ("baseline", "outcome"):
            hit = b[
                (b["place_id"] == row["place_id"])
                & (b["year"] == row[f"{which}_year"])
                & (b["unit"] == row["unit"])
                & (b["source_id"] == row["source_id"])
            ]
            assert len(hit) == 1, f"{row['practice_id']}: no benchmark row for {which}"
            assert float(hit["value"].iloc[0]) == float(row[f"{which}_value"]), row["practice_id"]


def test_targets_required_rows(t: dict[str, pd.DataFrame]) -> None:
    targets = t["targets"].set_index("target_id")
    assert float(targets.loc["epidemic-10", "value"]) == 10
    assert "primary" in targets.loc["epidemic-10", "note"]  # says the WHO attribution is secondary only
    assert float(targets.loc["instinto-de-vida-half-10y", "value"]) == 50
    assert targets.loc["sdg-16-1", "value"] == ""


# place, year, indicator, unit, source, expected value, locator_url (hand-written from the sources read)
SPOT_CHECKS = [
    (
        "COL",
        2015,
        "homicide_rate",
        "rate_per_100k",
        OWID,
        27.2,
        "https://ourworldindata.org/grapher/homicide-rate-unodc?tab=table&country=COL",
    ),
    (
        "SLV",
        2015,
        "homicide_rate",
        "rate_per_100k",
        OWID,
        107.6,
        "https://ourworldindata.org/grapher/homicide-rate-unodc?tab=table&country=SLV",
    ),
    (
        "ECU",
        2023,
        "homicide_rate",
        "rate_per_100k",
        OWID,
        45.7,
        "https://ourworldindata.org/grapher/homicide-rate-unodc?tab=table&country=ECU",
    ),
    (
        "HND",
        2011,
        "homicide_rate",
        "rate_per_100k",
        OWID,
        83.2,
        "https://ourworldindata.org/grapher/homicide-rate-unodc?tab=table&country=HND",
    ),
    (
        "lac",
        2023,
        "homicide_rate",
        "rate_per_100k",
        OWID,
        19.7,
        "https://ourworldindata.org/grapher/homicide-rate-unodc?tab=table&country=UN_LAC",
    ),
    (
        "BRA",
        2020,
        "homicide_rate",
        "rate_per_100k",
        WB,
        21.8,
        "https://data.worldbank.org/indicator/VC.IHR.PSRC.P5?locations=BR",
    ),
    (
        "PAN",
        2023,
        "homicide_rate",
        "rate_per_100k",
        WB,
        11.7,
        "https://data.worldbank.org/indicator/VC.IHR.PSRC.P5?locations=PA",
    ),
    (
        "PRY",
        2022,
        "homicide_rate",
        "rate_per_100k",
        WB,
        7.6,
        "https://data.worldbank.org/indicator/VC.IHR.PSRC.P5?locations=PY",
    ),
    (
        "co-medellin",
        1991,
        "homicide_rate",
        "rate_per_100k",
        "reg-garcia-2012-medellin",
        388,
        "https://www.scielo.br/scielo.php?script=sci_arttext&pid=S0102-311X2012000900009&lng=pt&nrm=iso",
    ),
    (
        "co-bogota",
        1993,
        "homicide_rate",
        "rate_per_100k",
        "reg-elespectador-bogota",
        73.3,
        "https://www.elespectador.com/bogota/sicariato-en-bogota-chapinero-localidad-del-norte-que-aumenta-su-tasa-de-homicidios/?outputType=amp",
    ),
    (
        "co-cali",
        1997,
        "homicide_rate",
        "rate_per_100k",
        "reg-concha-2002-cali",
        86.1,
        "http://www.scielosp.org/scielo.php?script=sci_arttext&pid=S1020-49892002001000003&lng=en&nrm=iso&tlng=es",
    ),
    (
        "co-cali",
        1993,
        "homicides",
        "count",
        "reg-mmwr-1995-cali",
        1829,
        "https://www.cdc.gov/mmwr/preview/mmwrhtml/00039091.htm",
    ),
    (
        "br-diadema",
        1999,
        "homicide_rate",
        "rate_per_100k",
        "reg-agbrasil-2012-diadema",
        102.8,
        "https://gentedeopiniao.com.br/policia/dez-anos-depois-de-implementar-lei-de-fechamento-de-bares-diadema-reduz-homicidios-em-90",
    ),
    (
        "br-pernambuco",
        2007,
        "homicide_rate",
        "rate_per_100k",
        "reg-nobrega-2020-pe",
        53.4,
        "https://jc.ne10.uol.com.br/opiniao/artigo/2020/09/11978502-pacto-pela-vida.html",
    ),
    (
        "br-sao-paulo-state",
        1999,
        "homicide_rate",
        "rate_per_100k",
        "reg-goertzel-kahn-2007-sp",
        35.7,
        "https://www.brazzil.com/23076-brazil-the-unsung-story-of-sao-paulo-s-dramatic-murder-rate-drop/",
    ),
    (
        "mx-ciudad-juarez",
        2010,
        "homicides",
        "count",
        "reg-insight-2013-juarez",
        3622,
        "https://insightcrime.org/news/analysis/juarez-murder-rate-reaches-5-year-low/",
    ),
    (
        "mx-ciudad-juarez",
        2013,
        "homicide_rate",
        "rate_per_100k",
        "reg-kjzz-2014-juarez",
        37.59,
        "https://www.kjzz.org/2014-01-16/content-9446-border-city-murder-rates-drop-so-do-violence-rankings",
    ),
    (
        "SLV",
        2024,
        "homicide_rate",
        "rate_per_100k",
        "reg-insight-2024-voz",
        1.9,
        "https://voz.us/en/world/251206/31582/organized-crime-puts-governments-in-latin-america-and-the-caribbean-in-check.html",
    ),
]


@pytest.mark.parametrize(("place", "year", "indicator", "unit", "source", "expected", "url"), SPOT_CHECKS)
def test_spot_check_figures(
    t: dict[str, pd.DataFrame],
    place: str,
    year: int,
    indicator: str,
    unit: str,
    source: str,
    expected: float,
    url: str,
) -> None:
    b = t["benchmarks"]
    hit = b[
        (b["place_id"] == place)
        & (b["year"] == str(year))
        & (b["indicator"] == indicator)
        & (b["unit"] == unit)
        & (b["source_id"] == source)
    ]
    assert len(hit) == 1, f"no row {place} {year} {indicator} {source}"
    assert float(hit["value"].iloc[0]) == pytest.approx(expected, abs=0.05)
    assert hit["locator_url"].iloc[0] == url
