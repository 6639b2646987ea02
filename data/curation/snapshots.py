"""Checksums of the reference files the importers read, recorded in ``snapshots.json`` beside them.

Why: the UNODC files in ``../shared/research/data/`` are not committed, so the repository cannot show
which bytes a past import read. Recording each file's sha256, size, access date and origin, and
refusing a file that no longer matches, makes an import reproducible and a silent change of the
reference copy visible. ``--update-snapshot`` accepts a new file on purpose (and records it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots.json"
UPDATE_FLAG = "--update-snapshot"


class SnapshotMismatch(SystemExit):
    """A reference file differs from its recorded snapshot (exits with the reason)."""


def sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def recorded(snapshots: Path = SNAPSHOTS) -> dict[str, dict]:
    """The recorded snapshot of each reference file, by file name."""
    return json.loads(snapshots.read_text(encoding="utf-8"))["files"]


def mismatch(path: Path, snapshots: Path = SNAPSHOTS) -> str | None:
    """Why ``path`` is not the recorded snapshot, or None when its checksum and size match."""
    entry = recorded(snapshots).get(path.name)
    if entry is None:
        return f"{path.name} has no recorded snapshot in {snapshots.name}"
    actual = sha256(path)
    if actual != entry["sha256"]:
        return f"{path.name}: sha256 {actual} differs from the recorded {entry['sha256']}"
    if path.stat().st_size != entry["size"]:
        return f"{path.name}: size {path.stat().st_size} differs from the recorded {entry['size']}"
    return None


def update(path: Path, snapshots: Path = SNAPSHOTS, today: dt.date | None = None) -> None:
    """Record ``path`` as the snapshot of its name: checksum, size and today's access date."""
    data = json.loads(snapshots.read_text(encoding="utf-8"))
    entry = data["files"].setdefault(path.name, {"origin_url": "", "origin": "", "distributor_url": "", "what": ""})
    entry.update({"sha256": sha256(path), "size": path.stat().st_size,
                  "accessed": (today or dt.date.today()).isoformat(),
                  "accessed_note": "Recorded by --update-snapshot on the day the file was read; check origin."})
    snapshots.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def verify(paths: list[Path], update_snapshot: bool = False, snapshots: Path = SNAPSHOTS) -> None:
    """Refuse (exit with the reasons) unless every file matches its snapshot, or record them when told to."""
    problems = [reason for path in paths if (reason := mismatch(path, snapshots))]
    if not problems:
        return
    if update_snapshot:
        for path in paths:
            if mismatch(path, snapshots):
                update(path, snapshots)
        print(f"updated {snapshots.name}: " + "; ".join(problems))
        return
    raise SnapshotMismatch(
        "refusing to import: " + "; ".join(problems)
        + f". If the new file is intended, rerun with {UPDATE_FLAG} to record it in {snapshots}."
    )
