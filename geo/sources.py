"""The boundary source files: their expected checksums, upstream URLs, and checked readers.

Every reader verifies the file's sha256 first, so a missing, truncated or swapped file stops the
build with one message that names it (``GeoSourceError``) instead of a deep GDAL traceback.
Checksums and upstream locations are those recorded in ``../shared/geo/PROVENANCE.md``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

COD = "cod-ab_ine_20210223"
_ZEN = (
    "https://raw.githubusercontent.com/zentraedi/2024-vzla-elections/"
    "1e093785fa88344d59b2614355eb4536a0c86b9e/ven_adm_ine_20210223_shp/"
)
_GLU = (
    "https://raw.githubusercontent.com/glucena1918-tech/emergencia_nacional/"
    "32f66fab1097c7781c7cb717b0a2785b71dcb58f/public/geo/"
)


class GeoSourceError(Exception):
    """A boundary source file is missing, corrupted or unreadable (the message names the file)."""


@dataclass(frozen=True)
class SourceFile:
    """One source file: path relative to the source folder, size, sha256 and upstream URL."""

    relpath: str
    size: int
    sha256: str
    url: str


def _cod(name: str, size: int, sha: str, sub: str = "") -> SourceFile:
    return SourceFile(f"{COD}/{sub}{name}", size, sha, _ZEN + name)


# Only the files the build reads. The ADM1 shapefile needs its .shx/.dbf/.prj/.cpg companions.
ADM1_SHP = _cod("ven_admbnda_adm1_ine_20210223.shp", 2783696,
                "6fd73cd6f8d47eed10bdc4850339ba6319c606278d779effbb4b984aa8b19c7a")
ADM1_SHX = _cod("ven_admbnda_adm1_ine_20210223.shx", 300,
                "80c5fc7926224257965d08cb00214f63e5a00ed9c8cbdff76a5228f39fbe982b")
ADM1_DBF = _cod("ven_admbnda_adm1_ine_20210223.dbf", 12025,
                "ccca1fd0e597f2c3f95612d299eb0351c58ae87d628b3aff9a847377396df304")
ADM1_PRJ = _cod("ven_admbnda_adm1_ine_20210223.prj", 145,
                "a02a27b1d1982c8516d83398e85a3c8b1aef1713c13ef4d84d7bde17430c07c4")
ADM1_CPG = _cod("ven_admbnda_adm1_ine_20210223.cpg", 5,
                "3ad3031f5503a4404af825262ee8232cc04d4ea6683d42c5dd0a2f2a27ac9824")
ADM2_DBF = _cod("ven_admbnda_adm2_ine_20210223.dbf", 189119,
                "f41f4f496b50f82e27189698fb723a50aa85115a88f1e51628b46dfeb7ab958e",
                sub="adm2_attributes_only/")
GB_ADM2 = SourceFile(
    "geoboundaries/via_emergencia_nacional/ven-adm2.geojson", 2867011,
    "47dc89b2e1369325692640e90ff9dea0ea69890288b8e410ee286ec0a66bdaf6", _GLU + "ven-adm2.geojson",
)

BUILD_SOURCES: tuple[SourceFile, ...] = (
    ADM1_SHP, ADM1_SHX, ADM1_DBF, ADM1_PRJ, ADM1_CPG, ADM2_DBF, GB_ADM2,
)


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file, read in chunks."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def verify(src: SourceFile, source_dir: Path) -> Path:
    """Return the file's path after checking it exists and has the recorded sha256."""
    path = Path(source_dir) / src.relpath
    if not path.is_file():
        raise GeoSourceError(
            f"Geo source file missing: {path} (expected {src.size} bytes, sha256 {src.sha256}). "
            "Set GEO_SOURCE_DIR or run `python -m geo.fetch`."
        )
    actual = sha256_of(path)
    if actual != src.sha256:
        raise GeoSourceError(
            f"Geo source file corrupted: {path} has sha256 {actual}, expected {src.sha256} "
            f"({path.stat().st_size} bytes, expected {src.size})."
        )
    return path


def verify_all(source_dir: Path) -> dict[str, str]:
    """Check every build source; return ``{relpath: sha256}`` for the manifest."""
    for src in BUILD_SOURCES:
        verify(src, source_dir)
    return {src.relpath: src.sha256 for src in BUILD_SOURCES}


def _read(path: Path, **kwargs: object) -> gpd.GeoDataFrame | pd.DataFrame:
    try:
        return pyogrio.read_dataframe(path, **kwargs)
    except Exception as exc:  # GDAL raises several types; one message is what the user needs
        raise GeoSourceError(f"Geo source file unreadable: {path}: {exc}") from exc


def read_adm1(source_dir: Path) -> gpd.GeoDataFrame:
    """Official INE/OCHA states layer (25 features, EPSG:4326)."""
    for companion in (ADM1_SHX, ADM1_DBF, ADM1_PRJ, ADM1_CPG):
        verify(companion, source_dir)
    return _read(verify(ADM1_SHP, source_dir))


def read_adm1_table(source_dir: Path) -> pd.DataFrame:
    """Attribute table of the official states layer, without geometry."""
    verify(ADM1_CPG, source_dir)
    return _read(verify(ADM1_DBF, source_dir), read_geometry=False)


def read_adm2_table(source_dir: Path) -> pd.DataFrame:
    """Official INE/OCHA municipality attribute table (335 rows with P-codes; no geometry here)."""
    return _read(verify(ADM2_DBF, source_dir), read_geometry=False)


def read_gb_adm2(source_dir: Path) -> gpd.GeoDataFrame:
    """geoBoundaries ADM2 polygons (Tapiquén 2015, ODbL 1.0): 334 municipios + Zona en Reclamación."""
    return _read(verify(GB_ADM2, source_dir))
