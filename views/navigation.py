"""The site's sections, in navigation order: one definition used by the navbar, footer and tests."""

from __future__ import annotations

from dataclasses import dataclass

from data.package import DOWNLOAD_NAME
from i18n.markers import N_


@dataclass(frozen=True)
class Section:
    slug: str
    label: str  # English source text, translated at render time


SECTIONS: tuple[Section, ...] = (
    Section("map", N_("Map")),
    Section("trends", N_("Trends")),
    Section("compare", N_("Comparisons")),
    Section("briefing", N_("Briefings")),
    Section("data", N_("Data")),
    Section("about", N_("About")),
)

SITE_NAME = N_("Lethal violence in Venezuela")


def page_path(lang: str, slug: str = "") -> str:
    """The URL path of a page in one language: ``/es``, ``/en/map``."""
    return f"/{lang}/{slug}" if slug else f"/{lang}"


PACKAGE_URL = f"/download/{DOWNLOAD_NAME}"  # the whole data package as a zip (served by web/downloads.py)
EMBED_RESIZE_URL = "/embed/resize.js"  # the script other sites load to fit our frames (web/embed_resize.py)
