"""Where the boundary sources live and where built geometry goes.

Both locations are configurable so a deployment can point at its own copy of the sources
and write the build to a writable volume; the defaults suit a developer checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CROSSWALK_DIR = PACKAGE_DIR / "crosswalk"


def repo_root() -> Path:
    """Return the repository root (the folder that holds ``geo/``)."""
    return PACKAGE_DIR.parent


def source_dir() -> Path:
    """Folder with the boundary source files (env ``GEO_SOURCE_DIR``, default ``../shared/geo``)."""
    env = os.environ.get("GEO_SOURCE_DIR")
    return Path(env) if env else (repo_root().parent / "shared" / "geo").resolve()


def build_dir() -> Path:
    """Folder for built geometry (env ``GEO_BUILD_DIR``, default ``build/geo``; git-ignored)."""
    env = os.environ.get("GEO_BUILD_DIR")
    return Path(env) if env else repo_root() / "build" / "geo"
