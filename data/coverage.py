"""Print row counts per table and what the package covers: ``python -m data.coverage``.

Why: gaps are data too; this shows at a glance which indicator has figures at which level for which
years (absent years mean no published figure was found).
"""

from __future__ import annotations

import pandas as pd

from data import query


def main() -> None:
    """Print the table sizes, the indicator x level summary and the per-source detail."""
    tables = query._tables()
    print("Rows per table")
    for name, frame in tables.items():
        print(f"  {name:<13} {len(frame):>5}")
    with pd.option_context("display.max_rows", None, "display.max_colwidth", 70, "display.width", 200):
        print("\nCoverage: indicator x level (all sources)")
        print(query.coverage(by_source=False).to_string(index=False))
        print("\nCoverage: indicator x level x source")
        print(query.coverage().to_string(index=False))


if __name__ == "__main__":
    main()
