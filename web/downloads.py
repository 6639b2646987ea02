"""Download of the whole data package as one zip, built once per process by the data layer."""

from __future__ import annotations

from functools import cache

from flask import Flask, Response

from data.package import DOWNLOAD_NAME, package_zip
from views.navigation import PACKAGE_URL
from web.responses import StaticBytes


@cache
def _zipped() -> StaticBytes:
    return StaticBytes(package_zip(), "application/zip", max_age=3600)


def install_downloads(server: Flask) -> None:
    @server.route(PACKAGE_URL)
    def data_package() -> Response:
        response = _zipped().response()
        response.headers["Content-Disposition"] = f'attachment; filename="{DOWNLOAD_NAME}"'
        return response
