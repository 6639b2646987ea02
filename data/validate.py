"""Validate the data package: ``python -m data.validate [PATH]``; exits 1 on any problem.

Why: contributors add figures by editing CSVs; this is the check that tells them, per file and row,
what is wrong before anything reaches the dashboard.
"""

from __future__ import annotations

import sys
from pathlib import Path

from data.checks import all_issues
from data.package import DATA_DIR


def main(argv: list[str] | None = None) -> int:
    """Print every problem as ``file, row N: reason``; return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else DATA_DIR
    issues = all_issues(root)
    for issue in issues:
        print(issue)
    if issues:
        print(f"{len(issues)} problem(s) in {root}", file=sys.stderr)
        return 1
    print(f"data package valid: {root / 'datapackage.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
