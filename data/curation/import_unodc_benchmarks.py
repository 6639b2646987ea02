"""Import UNODC country homicide rates for Latin America and the Caribbean into benchmarks.csv.

Why: the regional comparison needs one row per country, year and distributor of the UNODC series. The two
reference copies (Our World in Data export, World Bank WDI VC.IHR.PSRC.P5) live outside the repository and are
never committed; this script reads them, keeps only LAC countries (Venezuela excluded: the data-core
tables hold its UNODC series) plus the regional aggregate, and rewrites the UNODC rows of
``data/tables/benchmarks.csv``.
Hand-curated rows (any other source_id) already in the table are kept untouched.

Usage::

    .venv/bin/python -m data.curation.import_unodc_benchmarks \
        --owid ../shared/research/data/unodc-homicide-rate_owid-export.csv \
        --worldbank ../shared/research/data/worldbank-VC.IHR.PSRC.P5.csv

It refuses files whose sha256 differs from ``snapshots.json`` (beside this script) unless run with
``--update-snapshot``, which records the new files' checksums, sizes and today's date.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pycountry

from data.curation.snapshots import UPDATE_FLAG, verify

REPO = Path(__file__).resolve().parents[2]
BENCHMARKS = REPO / "data" / "tables" / "benchmarks.csv"
PLACES = REPO / "data" / "tables" / "places.csv"

COLUMNS = [
    "place_id",
    "year",
    "indicator",
    "value",
    "unit",
    "source_id",
    "locator_url",
    "locator",
    "status",
    "inputs",
    "note",
]
SOURCE_OWID = "reg-unodc-owid"
SOURCE_WB = "reg-unodc-wb"
FIRST_YEAR, LAST_YEAR = 2000, 2024
EXCLUDED = {"VEN"}  # Venezuela's UNODC series belongs to the data-core observations table.
OWID_RATE_COLUMN = "Homicide rate per 100,000 population"
OWID_AGGREGATE = "UN_LAC"  # "Latin America and the Caribbean (UN)" in the OWID export
WB_AGGREGATE = "LCN"  # "Latin America & Caribbean" in the World Bank file (World Bank's own grouping)
WB_AGGREGATE_ISO2 = "ZJ"  # the World Bank's 2-letter code for LCN, used in its indicator URLs
WB_AGGREGATE_NOTE = "World Bank 'Latin America & Caribbean' (LCN) aggregate; World Bank grouping, not M49"
WB_COUNTRY_NOTE = "UNODC/WHO intentional homicides per 100,000 as republished by the World Bank"


def lac_countries() -> set[str]:
    """ISO3 codes of the places table's LAC countries (the 33 UN M49 sovereign states)."""
    with PLACES.open(encoding="utf-8", newline="") as handle:
        return {row["place_id"] for row in csv.DictReader(handle) if row["kind"] == "country"}


def _fail(path: Path, line: int, reason: str) -> None:
    sys.exit(f"{path}: line {line}: {reason}")


def _year(path: Path, line: int, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        _fail(path, line, f"year {text!r} is not an integer")
        raise  # unreachable, keeps type checkers quiet


def _value(path: Path, line: int, text: str) -> str:
    try:
        number = float(text)
    except ValueError:
        _fail(path, line, f"rate {text!r} is not a number")
        raise
    if number < 0:
        _fail(path, line, f"rate {text!r} is negative")
    return text.strip()


def owid_rows(path: Path, countries: set[str]) -> list[dict[str, str]]:
    """Rows from the Our World in Data export, values carried exactly as written in the file."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for line, rec in enumerate(reader, start=2):
            code = rec["Code"]
            if code == OWID_AGGREGATE:
                place = "lac"
            elif code in countries and code not in EXCLUDED:
                place = code
            else:
                continue
            year = _year(path, line, rec["Year"])
            if not FIRST_YEAR <= year <= LAST_YEAR or not rec[OWID_RATE_COLUMN].strip():
                continue
            entity = rec["Entity"]
            rows.append(
                {
                    "place_id": place,
                    "year": str(year),
                    "indicator": "homicide_rate",
                    "value": _value(path, line, rec[OWID_RATE_COLUMN]),
                    "unit": "rate_per_100k",
                    "source_id": SOURCE_OWID,
                    "locator_url": f"https://ourworldindata.org/grapher/homicide-rate-unodc?tab=table&country={code}",
                    "locator": f"OWID grapher homicide-rate-unodc, entity '{entity}', year {year}",
                    "status": "published",
                    "inputs": "",
                    "note": (
                        "UNODC intentional homicide (UN M49 regional aggregate as computed by UNODC/OWID)"
                        if place == "lac"
                        else "UNODC intentional homicide victims per 100,000"
                    ),
                }
            )
    return rows


def _iso2(code: str) -> str:
    if code == WB_AGGREGATE:
        return WB_AGGREGATE_ISO2
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        sys.exit(f"no ISO 3166 alpha-2 code for {code!r}")
    return country.alpha_2


def worldbank_rows(path: Path, countries: set[str]) -> list[dict[str, str]]:
    """Rows from the World Bank WDI copy (VC.IHR.PSRC.P5)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, rec in enumerate(csv.DictReader(handle), start=2):
            code = rec["iso3"]
            if code == WB_AGGREGATE:
                place = "lac"
            elif code in countries and code not in EXCLUDED:
                place = code
            else:
                continue
            year = _year(path, line, rec["year"])
            if not FIRST_YEAR <= year <= LAST_YEAR or not rec["rate_per_100k"].strip():
                continue
            rows.append(
                {
                    "place_id": place,
                    "year": str(year),
                    "indicator": "homicide_rate",
                    "value": _value(path, line, rec["rate_per_100k"]),
                    "unit": "rate_per_100k",
                    "source_id": SOURCE_WB,
                    "locator_url": f"https://data.worldbank.org/indicator/VC.IHR.PSRC.P5?locations={_iso2(code)}",
                    "locator": f"WDI VC.IHR.PSRC.P5, economy {code} ('{rec['country']}'), year {year}",
                    "status": "published",
                    "inputs": "",
                    "note": WB_AGGREGATE_NOTE if place == "lac" else WB_COUNTRY_NOTE,
                }
            )
    return rows


def curated_rows() -> list[dict[str, str]]:
    """Existing hand-curated rows (not from the two UNODC distributors) kept as they are."""
    if not BENCHMARKS.exists():
        return []
    with BENCHMARKS.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["source_id"] not in {SOURCE_OWID, SOURCE_WB}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--owid", type=Path, required=True)
    parser.add_argument("--worldbank", type=Path, required=True)
    parser.add_argument(UPDATE_FLAG, action="store_true", help="accept input files that differ from snapshots.json")
    args = parser.parse_args()
    verify([args.owid, args.worldbank], args.update_snapshot)
    countries = lac_countries()
    rows = curated_rows() + owid_rows(args.owid, countries) + worldbank_rows(args.worldbank, countries)
    rows.sort(key=lambda r: (r["place_id"], int(r["year"]), r["indicator"], r["unit"], r["source_id"]))
    with BENCHMARKS.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {BENCHMARKS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
