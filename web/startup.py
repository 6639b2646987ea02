"""What the app checks before it serves: geometry built from the boundary sources, data validated.

Invalid data stops the start with the file, row and reason (a dashboard must not publish figures
that failed their checks). Missing boundary sources do not: the app starts degraded, says so in
``/healthz`` and the log, and pages that need maps show a notice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


class StartupError(RuntimeError):
    """The app must not start; the message is one line naming the file or variable to fix."""


@dataclass
class Readiness:
    geometry_loaded: bool = False
    data_loaded: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def cache_variant(self) -> str:
        """Part of every cache key: a degraded start-up (no geometry) renders notices, so its answers differ."""
        return f"g{int(self.geometry_loaded)}"


READINESS = Readiness()


def prepare_geometry(readiness: Readiness) -> None:
    try:
        from geo.build import GeoSourceError, ensure_built
    except ImportError as error:  # the geography package is not installed in this checkout
        readiness.problems.append(f"geometry unavailable: {error}")
        return
    try:
        ensure_built()
    except GeoSourceError as error:
        readiness.problems.append(f"geometry unavailable: {error}")
        log.error("starting without maps: %s", error)
        return
    readiness.geometry_loaded = True


def prepare_data(readiness: Readiness) -> None:
    """Load and validate the data package; a validation error propagates and stops the start."""
    try:
        from data import query
        from data.errors import DataValidationError
    except ImportError as error:
        readiness.problems.append(f"data unavailable: {error}")
        return
    try:
        query.ensure_loaded()
    except DataValidationError as error:
        first = error.issues[0] if error.issues else error
        raise StartupError(f"data package invalid: {first} (and {len(error.issues) - 1} more)"
                           if len(error.issues) > 1 else f"data package invalid: {first}") from error
    readiness.data_loaded = True


def prepare() -> Readiness:
    prepare_geometry(READINESS)
    prepare_data(READINESS)
    return READINESS
