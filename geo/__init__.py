"""Geometry and code/name look-ups for Venezuelan states (estados) and municipalities (municipios).

The package builds compact GeoJSON from the INE/OCHA COD-AB boundary files at set-up
(``python -m geo.build``) and serves code lists and a name resolver from small committed CSVs.
"""
