"""Locate the data package and read its tables as typed DataFrames.

Why: every consumer (validator, query layer, tests) must read the CSVs the same way, with empty
cells kept as empty strings for text and numbers parsed only where the schema says so.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pandas as pd

# A deployment (or a test) may point at another copy of the package; it is validated all the same.
DATA_DIR = Path(os.environ.get("DATA_PACKAGE_DIR") or Path(__file__).resolve().parent)
DESCRIPTOR = "datapackage.json"


def descriptor(root: Path = DATA_DIR) -> dict:
    """The parsed ``datapackage.json`` of the package at ``root``."""
    return json.loads((root / DESCRIPTOR).read_text(encoding="utf-8"))


def resources(root: Path = DATA_DIR) -> dict[str, dict]:
    """Resource descriptors by name."""
    return {r["name"]: r for r in descriptor(root)["resources"]}


def schema(root: Path, resource: dict) -> dict:
    """The Table Schema of ``resource`` (schemas are referenced by path)."""
    ref = resource["schema"]
    return json.loads((root / ref).read_text(encoding="utf-8")) if isinstance(ref, str) else ref


def read_raw(root: Path, resource: dict) -> pd.DataFrame:
    """Read a table as strings; empty cells stay ``""``."""
    return pd.read_csv(root / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8")


def typed(frame: pd.DataFrame, table_schema: dict) -> pd.DataFrame:
    """Convert integer and number columns as the schema types them (run after validation)."""
    out = frame.copy()
    for field in table_schema["fields"]:
        name, kind = field["name"], field.get("type", "string")
        if name not in out.columns:
            continue
        if kind == "integer":
            out[name] = pd.to_numeric(out[name].replace("", None)).astype("Int64")
        elif kind == "number":
            out[name] = pd.to_numeric(out[name].replace("", None)).astype("Float64")
    return out


DOWNLOAD_NAME = "venezuela-lethal-violence-datapackage.zip"
ZIPPED = ("datapackage.json", "README.md", "tables/*.csv", "schemas/*.json")


def package_zip(root: Path = DATA_DIR) -> bytes:
    """The whole published package as one zip (descriptor, README, tables, schemas), for download."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for pattern in ZIPPED:
            for path in sorted(root.glob(pattern)):
                archive.write(path, f"venezuela-lethal-violence/{path.relative_to(root).as_posix()}")
    return buffer.getvalue()
