"""Download of the whole data package as one zip, built once per process from the published files."""

from __future__ import annotations

import io
import zipfile
from functools import cache

from flask import Flask, Response

from data.package import DATA_DIR
from web.responses import StaticBytes

PACKAGE_URL = "/download/venezuela-lethal-violence-datapackage.zip"
INCLUDED = ("datapackage.json", "README.md", "tables/*.csv", "schemas/*.json")


@cache
def package_zip() -> StaticBytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for pattern in INCLUDED:
            for path in sorted(DATA_DIR.glob(pattern)):
                archive.write(path, f"venezuela-lethal-violence/{path.relative_to(DATA_DIR).as_posix()}")
    return StaticBytes(buffer.getvalue(), "application/zip", max_age=3600)


def install_downloads(server: Flask) -> None:
    @server.route(PACKAGE_URL)
    def data_package() -> Response:
        response = package_zip().response()
        response.headers["Content-Disposition"] = 'attachment; filename="venezuela-lethal-violence-datapackage.zip"'
        return response
