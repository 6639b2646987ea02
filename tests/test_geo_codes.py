"""Crosswalk CSVs against the source attribute tables; code look-ups; tile grid; fetch checks."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from geo import codes, make_crosswalk, sources
from geo.fetch import download
from geo.paths import source_dir
from geo.sources import GeoSourceError, SourceFile
from geo.tile_grid import tile_grid

SRC = source_dir()
needs_sources = pytest.mark.skipif(not (SRC / sources.ADM2_DBF.relpath).is_file(),
                                   reason=f"geo sources not present in {SRC}")


@needs_sources
def test_crosswalks_match_source_attribute_tables() -> None:
    adm1 = sources.read_adm1_table(SRC)
    adm2 = sources.read_adm2_table(SRC)
    states = make_crosswalk.state_table(adm1)
    pd.testing.assert_frame_equal(states.fillna("").astype(str), codes.states())
    munis = make_crosswalk.municipality_table(adm2, states)
    pd.testing.assert_frame_equal(munis.fillna("").astype(str), codes.municipalities())
    assert set(codes.municipalities().pcode) == set(adm2.ADM2_PCODE)
    assert dict(zip(adm2.ADM2_PCODE, adm2.ADM2_ES, strict=True)) == dict(
        zip(codes.municipalities().pcode, codes.municipalities().name, strict=True))


def test_state_codes() -> None:
    table = codes.states()
    assert len(table) == 25 and table.iso_code.is_unique and table.pcode.is_unique
    iso = {s.code for s in pycountry.subdivisions.get(country_code="VE")}
    assert set(codes.state_iso_codes()) == iso
    assert codes.state_pcode("VE-W") == "VE25" and "project" in table.set_index("iso_code").pcode_source["VE-W"]
    assert codes.state_name("VE-X") == "La Guaira"
    assert codes.is_state("VE-A") and not codes.is_state("VE01") and not codes.is_state("VE-Q")


def test_municipality_codes() -> None:
    table = codes.municipalities()
    assert len(table) == 335 and table.pcode.is_unique
    assert (table.pcode.str[:4] == table.state_pcode).all()
    assert len(codes.municipality_pcodes("VE-A")) == 1
    assert codes.municipality_pcodes("VE-W") == []
    assert len(codes.municipality_pcodes()) == 335
    assert codes.state_of_municipality("VE2313") == "VE-V"
    assert codes.municipality_name("VE1611") == "Santa Bárbara"
    assert codes.is_municipality("VE0518") and not codes.is_municipality("VE0519")
    assert set(table.polygon_status) == {"own", "merged_into:VE0508"}
    with pytest.raises(KeyError):
        codes.municipality_pcodes("VE-Q")
    with pytest.raises(KeyError):
        codes.state_of_municipality("VE9999")


def test_tile_grid_layout() -> None:
    grid = tile_grid().set_index("iso_code")
    assert len(grid) == 25 and not grid.duplicated(["row", "col"]).any()
    assert grid.short.str.fullmatch(r"[A-Z]{2,4}").all()
    assert grid.col["VE-V"] == grid.col.min()  # Zulia west
    assert grid.col["VE-Y"] == grid.col.max()  # Delta Amacuro east
    assert grid.row["VE-Z"] == grid.row.max()  # Amazonas south
    assert grid.row["VE-O"] == grid.row["VE-W"] == 0  # Nueva Esparta, Dependencias Federales north
    assert grid.col["VE-O"] > grid.col["VE-A"] and grid.col["VE-R"] > grid.col["VE-M"]
    assert grid.row["VE-X"] < grid.row["VE-A"] < grid.row["VE-D"]  # La Guaira, Caracas, Aragua


def _source_for(tmp_path: Path, payload: bytes, sha: str | None = None) -> tuple[SourceFile, str]:
    upstream = tmp_path / "upstream.bin"
    upstream.write_bytes(payload)
    digest = sha or hashlib.sha256(payload).hexdigest()
    return SourceFile("sub/file.bin", len(payload), digest, upstream.as_uri()), upstream.as_uri()


def test_fetch_verifies_checksum(tmp_path: Path) -> None:
    src, _ = _source_for(tmp_path, b"boundary bytes")
    target = download(src, tmp_path / "dest")
    assert target.read_bytes() == b"boundary bytes"
    assert download(src, tmp_path / "dest") == target  # already present and correct


def test_fetch_refuses_mismatch(tmp_path: Path) -> None:
    src, _ = _source_for(tmp_path, b"tampered", sha="0" * 64)
    with pytest.raises(GeoSourceError, match="Checksum mismatch"):
        download(src, tmp_path / "dest")
    assert not (tmp_path / "dest" / "sub" / "file.bin").exists()
    assert not list((tmp_path / "dest" / "sub").glob("*.part"))


def test_fetch_table_pins_every_build_source() -> None:
    for src in sources.BUILD_SOURCES:
        assert src.url.startswith("https://raw.githubusercontent.com/") and len(src.sha256) == 64
