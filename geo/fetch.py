"""Download the boundary source files with sha256 verification: ``python -m geo.fetch``.

For deployments with internet. The URL table is ``geo.sources.BUILD_SOURCES``: each file's exact
upstream copy (a raw GitHub URL pinned to the commit recorded in PROVENANCE.md) and its sha256.
A file whose checksum differs is refused and not kept. Files already present and correct are
skipped. Nothing here runs at app run time or test time.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import urllib.request
from pathlib import Path

from geo.paths import source_dir
from geo.sources import BUILD_SOURCES, GeoSourceError, SourceFile, sha256_of


def download(src: SourceFile, dest_dir: Path, url: str | None = None, timeout: float = 60) -> Path:
    """Fetch one file into ``dest_dir/src.relpath``; raise ``GeoSourceError`` on a bad checksum."""
    target = Path(dest_dir) / src.relpath
    if target.is_file() and sha256_of(target) == src.sha256:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url or src.url, timeout=timeout) as resp:
            while chunk := resp.read(1 << 20):
                out.write(chunk)
        actual = sha256_of(tmp)
        if actual != src.sha256:
            raise GeoSourceError(
                f"Checksum mismatch for {url or src.url}: sha256 {actual}, expected {src.sha256}; "
                f"not saved as {target}."
            )
        os.replace(tmp, target)
    except OSError as exc:
        raise GeoSourceError(f"Download failed for {url or src.url}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def fetch_all(dest_dir: Path | None = None) -> list[Path]:
    """Download every build source into ``dest_dir`` (default ``source_dir()``)."""
    dest = Path(dest_dir or source_dir())
    return [download(src, dest) for src in BUILD_SOURCES]


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="Download geo sources with sha256 checks.")
    parser.add_argument("--dest", type=Path, default=None, help="target folder (default GEO_SOURCE_DIR)")
    args = parser.parse_args(argv)
    try:
        for path in fetch_all(args.dest):
            print(f"ok {path}")
    except GeoSourceError as exc:
        print(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
