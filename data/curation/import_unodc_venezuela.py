"""Carry UNODC's Venezuela homicide-rate series into ``data/tables/observations.csv``.

Why: the two shared reference files (OWID export and World Bank WDI ``VC.IHR.PSRC.P5``) hold UNODC's
series; the package keeps only Venezuela's rows from them, cited to UNODC via the distributor
(``unodc-owid`` and ``unodc-wdi`` in ``sources.csv``). The files themselves are never committed.

Run once from the repository root when the reference files change::

    .venv/bin/python -m data.curation.import_unodc_venezuela

It replaces the rows of those two sources in observations.csv and leaves every other row untouched.
It refuses files whose sha256 differs from ``snapshots.json`` (beside this script) unless run with
``--update-snapshot``, which records the new files' checksums, sizes and today's date.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from data.curation.snapshots import UPDATE_FLAG, verify

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "research" / "data"
OWID_FILE = SHARED / "unodc-homicide-rate_owid-export.csv"
WDI_FILE = SHARED / "worldbank-VC.IHR.PSRC.P5.csv"
OBSERVATIONS = REPO / "data" / "tables" / "observations.csv"

OWID_URL = "https://ourworldindata.org/grapher/homicide-rate-unodc?tab=table&country=VEN"
WDI_URL = "https://data.worldbank.org/indicator/VC.IHR.PSRC.P5?locations=VE"
NOTE = (
    "UNODC intentional-homicide rate; appears to include deaths from police intervention but not "
    "deaths under investigation"
)


def _owid_rows(path: Path) -> list[list[str]]:
    """Venezuela's rows of the OWID export, as observation rows."""
    with path.open(encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        rows = [r for r in reader if r[1] == "VEN"]
    return [
        [
            "country",
            "VEN",
            r[2],
            "",
            "intentional_homicides",
            r[3],
            "rate_per_100k",
            "unodc-owid",
            "",
            OWID_URL,
            f"OWID grapher table, entity 'Venezuela', year {r[2]}",
            "published",
            "",
            NOTE,
        ]
        for r in rows
    ]


def _wdi_rows(path: Path) -> list[list[str]]:
    """Venezuela's rows of the World Bank copy, as observation rows."""
    with path.open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = [r for r in reader if r["iso3"] == "VEN"]
    return [
        [
            "country",
            "VEN",
            r["year"],
            "",
            "intentional_homicides",
            r["rate_per_100k"],
            "rate_per_100k",
            "unodc-wdi",
            "",
            WDI_URL,
            f"WDI VC.IHR.PSRC.P5, economy VEN, year {r['year']}",
            "published",
            "",
            NOTE,
        ]
        for r in rows
    ]


def run(owid: Path = OWID_FILE, wdi: Path = WDI_FILE, target: Path = OBSERVATIONS, update_snapshot: bool = False) -> int:
    """Rewrite the UNODC rows of ``target``; return how many were written (refuses unrecorded inputs)."""
    verify([owid, wdi], update_snapshot)
    with target.open(encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        kept = [r for r in reader if r[header.index("source_id")] not in {"unodc-owid", "unodc-wdi"}]
    new = _owid_rows(owid) + _wdi_rows(wdi)
    with target.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(kept + new)
    return len(new)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--owid", type=Path, default=OWID_FILE)
    parser.add_argument("--worldbank", type=Path, default=WDI_FILE)
    parser.add_argument(UPDATE_FLAG, action="store_true", help="accept input files that differ from snapshots.json")
    args = parser.parse_args()
    print(f"wrote {run(args.owid, args.worldbank, update_snapshot=args.update_snapshot)} UNODC rows")


if __name__ == "__main__":
    main()
