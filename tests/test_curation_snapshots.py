"""The reference files the importers read match their recorded snapshots, and a changed file is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from data.curation import import_unodc_benchmarks, import_unodc_venezuela
from data.curation.snapshots import SNAPSHOTS, mismatch, recorded, sha256, verify

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "research" / "data"
FILES = ("unodc-homicide-rate_owid-export.csv", "worldbank-VC.IHR.PSRC.P5.csv")


def test_every_input_is_recorded_with_checksum_size_date_and_origin() -> None:
    entries = recorded()
    assert set(entries) == set(FILES)
    for entry in entries.values():
        assert len(entry["sha256"]) == 64 and entry["size"] > 0
        assert entry["origin_url"].startswith("https://github.com/") and entry["distributor_url"].startswith("https://")
        assert entry["accessed"] or "no access" in entry["accessed_note"]  # a date, or why there is none
    assert recorded()["worldbank-VC.IHR.PSRC.P5.csv"]["accessed"] == "2025-10-07"  # PROVENANCE.md


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"reference files not present at {SHARED} (they are in CI)")
@pytest.mark.parametrize("name", FILES)
def test_recorded_checksums_match_the_shared_files(name: str) -> None:
    path = SHARED / name
    assert path.is_file(), f"{path} missing"
    assert mismatch(path) is None
    assert sha256(path) in (SHARED / "PROVENANCE.md").read_text(encoding="utf-8")  # and what PROVENANCE.md states


def _changed_copy(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text("Entity,Code,Year,rate\nVenezuela,VEN,2022,99\n", encoding="utf-8")
    return path


def test_a_changed_file_is_refused_unless_the_snapshot_is_updated(tmp_path: Path) -> None:
    snapshots = tmp_path / "snapshots.json"
    shutil.copy(SNAPSHOTS, snapshots)
    path = _changed_copy(tmp_path, FILES[0])
    with pytest.raises(SystemExit) as info:
        verify([path], snapshots=snapshots)
    assert "refusing to import" in str(info.value) and "--update-snapshot" in str(info.value)
    assert f"{FILES[0]}: sha256 {sha256(path)} differs" in str(info.value)
    verify([path], update_snapshot=True, snapshots=snapshots)
    entry = json.loads(snapshots.read_text(encoding="utf-8"))["files"][FILES[0]]
    assert entry["sha256"] == sha256(path) and entry["size"] == path.stat().st_size and entry["accessed"]
    assert entry["origin_url"] == recorded()[FILES[0]]["origin_url"]  # the origin is kept
    verify([path], snapshots=snapshots)  # now accepted


def test_the_importer_refuses_before_writing(tmp_path: Path) -> None:
    target = tmp_path / "observations.csv"
    target.write_text("level,code\n", encoding="utf-8")
    owid, wdi = _changed_copy(tmp_path, FILES[0]), _changed_copy(tmp_path, FILES[1])
    with pytest.raises(SystemExit):
        import_unodc_venezuela.run(owid, wdi, target)
    assert target.read_text(encoding="utf-8") == "level,code\n"


def test_the_benchmarks_importer_refuses_before_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "benchmarks.csv"
    monkeypatch.setattr(import_unodc_benchmarks, "BENCHMARKS", target)
    owid, wdi = _changed_copy(tmp_path, FILES[0]), _changed_copy(tmp_path, FILES[1])
    monkeypatch.setattr("sys.argv", ["import_unodc_benchmarks", "--owid", str(owid), "--worldbank", str(wdi)])
    with pytest.raises(SystemExit) as info:
        import_unodc_benchmarks.main()
    assert "refusing to import" in str(info.value) and not target.exists()
