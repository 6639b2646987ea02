"""Practices with a theme: the new practices' figures typed by hand, and the themes vocabulary enforced.

The values, years, URLs and themes below are literal, typed from the pages read (not from the CSV), so a
changed figure or a re-tagged practice fails here. A corrupted copy of the package must be refused with
file, row and reason, as for the other tables.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from data import query, themes
from data.checks import all_issues
from data.package import DATA_DIR

GZH = ("https://gauchazh.clicrbs.com.br/seguranca/noticia/2023/05/"
       "letalidade-policial-em-sao-paulo-cai-com-o-uso-de-cameras-corporais-clhqwo70p001a01657xhis0hk.html")
PIAUI = "https://piaui.folha.uol.com.br/no-ano-da-pandemia-mortes-pela-policia-no-estado-do-rio-cairam-32/amp"
ESTADAO_UPP = ("https://brasil.estadao.com.br/noticias/rio-de-janeiro,"
               "balanco-indica-queda-de-homicidios-em-areas-com-upps-no-rio,1685453")
AGAZETA = ("https://www.agazeta.com.br/colunas/pablo-lira/"
           "reducao-de-homicidios-em-2019-deve-ser-a-maior-em-tres-decadas-1225")
ONACIONAL = "http://onacional.com.br/brasil,5/2013/01/20/cai-a-taxa-de-mortalidade-por-us,4644"

# practice_id, place, indicator, unit, baseline (year, value), outcome (year, value), locator_url,
# evaluation source and the URL it was read on, evidence level
NEW_PRACTICES = [
    ("sao-paulo-camaras-corporales", "br-sao-paulo-state", "police_killings", "count", (2019, 697), (2022, 260),
     GZH, "reg-fgv-2022-cameras", "https://portal.fgv.br/en/artigos/body-cameras-police-uniforms-case-sao-paulo",
     "evaluation"),
    ("rio-adpf-635-operaciones", "br-rio-de-janeiro-state", "police_killings", "count", (2019, 1814), (2020, 1239),
     PIAUI, "reg-geni-2021-adpf635",
     "https://fdocumentos.com/document/operaes-policiais-e-violncia-letal-no-rio-de-janeiro.html", "observational"),
    ("rio-upp-pacificacion", "br-rio-upp-areas", "homicide_rate", "rate_per_100k", (2007, 30.9), (2014, 7.4),
     ESTADAO_UPP, "reg-bid-upp",
     "https://plataformadeevidencias.iadb.org/index.php/pt-br/casos-avaliados/"
     "unidades-de-policia-pacificadora-upps-do-rio-de-janeiro", "evaluation"),
    ("espirito-santo-estado-presente", "br-espirito-santo", "homicide_rate", "rate_per_100k", (2009, 57), (2014, 41),
     AGAZETA, "reg-ipea-estado-presente",
     "https://fdocumentos.tips/document/-web-viewalguns-projetos-criados-dentro-do-programa-sao-construcao-de-pronto.html",
     "evaluation"),
    ("brasil-estatuto-desarme", "BRA", "firearm_death_rate", "rate_per_100k", (2003, 22.2), (2004, 20.7),
     ONACIONAL, "reg-cerqueira-mello-sp",
     "https://www.estadao.com.br/noticias/geral,desarmamento-ajuda-sp-a-reduzir-homicidios-diz-estudo,530905",
     "evaluation"),
]

# every practice's themes, as tagged from what its row says was done
THEMES = {
    "medellin-urbanismo-social": ["urban_social_programmes"],
    "bogota-cultura-ciudadana": ["firearms"],
    "cali-desepaz": ["official_data", "firearms"],
    "diadema-cierre-bares": ["alcohol_regulation", "urban_social_programmes"],
    "sao-paulo-estado-caida": ["firearms", "impunity_investigation", "urban_social_programmes"],
    "pernambuco-pacto-pela-vida": ["focused_deterrence", "official_data"],
    "juarez-todos-somos-juarez": ["urban_social_programmes"],
    "neza-policia-proximidad": ["community_policing"],
    "el-salvador-regimen-excepcion": ["organised_crime", "prison_control"],
    "sao-paulo-camaras-corporales": ["police_use_of_force"],
    "rio-adpf-635-operaciones": ["police_use_of_force"],
    "rio-upp-pacificacion": ["community_policing", "police_use_of_force"],
    "espirito-santo-estado-presente": ["urban_social_programmes", "prison_control"],
    "brasil-estatuto-desarme": ["firearms"],
}


# the other benchmark rows read on the same pages: place, year, indicator, unit, source, value, locator_url
OTHER_FIGURES = [
    ("br-sao-paulo-state", 2024, "police_killings", "count", "reg-estadaomt-2025-sp-pm", 640,
     "https://estadaomatogrosso.com.br/brasil/pmsp-matou-duas-pessoas-por-dia-em-2024-aumento-de-65/106306"),
    ("br-rio-de-janeiro-state", 2018, "police_killings", "count", "reg-piaui-2021-rj", 1534, PIAUI),
    ("br-rio-upp-areas", 2007, "homicides", "count", "reg-estadao-upp", 167, ESTADAO_UPP),
    ("br-rio-upp-areas", 2008, "homicides", "count", "reg-estadao-upp", 116, ESTADAO_UPP),
    ("br-rio-upp-areas", 2014, "homicides", "count", "reg-estadao-upp", 40, ESTADAO_UPP),
    ("br-rio-upp-areas", 2008, "police_killings", "count", "reg-estadao-upp", 136, ESTADAO_UPP),
    ("br-rio-upp-areas", 2014, "police_killings", "count", "reg-estadao-upp", 20, ESTADAO_UPP),
    ("br-rio-de-janeiro-city", 2007, "homicide_rate", "rate_per_100k", "reg-estadao-upp", 38.4, ESTADAO_UPP),
    ("br-rio-de-janeiro-city", 2014, "homicide_rate", "rate_per_100k", "reg-estadao-upp", 19.3, ESTADAO_UPP),
    ("br-espirito-santo", 2017, "homicide_rate", "rate_per_100k", "reg-agazeta-2019-es", 37, AGAZETA),
    ("BRA", 1980, "firearm_death_rate", "rate_per_100k", "reg-agbrasil-2013-armas", 7.3, ONACIONAL),
    ("BRA", 2010, "firearm_death_rate", "rate_per_100k", "reg-agbrasil-2013-armas", 20.4, ONACIONAL),
]


@pytest.mark.parametrize("case", OTHER_FIGURES, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in OTHER_FIGURES])
def test_other_benchmark_figures_typed_from_the_pages(case: tuple) -> None:
    place, year, indicator, unit, source, value, url = case
    rows = query.benchmarks(place_id=place, indicator=indicator, unit=unit, source_id=source)
    rows = rows[rows["year"].astype(int) == year]
    assert len(rows) == 1, case
    assert float(rows["value"].iloc[0]) == value
    assert rows["locator_url"].iloc[0] == url


def _practices() -> dict[str, dict]:
    return {str(r["practice_id"]): r for r in query.practices().to_dict("records")}


@pytest.mark.parametrize("case", NEW_PRACTICES, ids=[c[0] for c in NEW_PRACTICES])
def test_new_practice_figures_typed_from_the_pages(case: tuple) -> None:
    pid, place, indicator, unit, (y0, v0), (y1, v1), url, evaluation, evaluation_url, evidence = case
    row = _practices()[pid]
    assert (row["place_id"], row["indicator"], row["unit"]) == (place, indicator, unit)
    assert (int(row["baseline_year"]), float(row["baseline_value"])) == (y0, v0)
    assert (int(row["outcome_year"]), float(row["outcome_value"])) == (y1, v1)
    assert row["locator_url"] == url
    assert row["evidence_level"] == evidence
    assert row["evaluation_source_id"] == evaluation
    sources = query.sources().set_index("source_id")
    assert sources.loc[evaluation, "url"] == evaluation_url
    assert sources.loc[row["source_id"], "url"] == url
    for column in ("summary_es", "summary_en", "outcome_es", "outcome_en", "caveat_es", "caveat_en"):
        assert len(str(row[column])) > 80, (pid, column)


def test_every_practice_is_tagged() -> None:
    tagged = {pid: themes.split(str(row["themes"])) for pid, row in _practices().items()}
    assert tagged == THEMES


def test_twelve_practices_with_before_after_and_an_evaluation() -> None:
    rows = _practices().values()
    documented = [r for r in rows if str(r["evaluation_source_id"] or "") and r["baseline_value"] is not None
                  and r["outcome_value"] is not None and int(r["outcome_year"]) > int(r["baseline_year"])]
    assert len(documented) >= 12, sorted(r["practice_id"] for r in documented)


def test_schema_pattern_is_the_vocabulary() -> None:
    schema = json.loads((DATA_DIR / "schemas" / "practices.json").read_text(encoding="utf-8"))
    field = next(f for f in schema["fields"] if f["name"] == "themes")
    assert field["constraints"]["pattern"] == themes.THEMES_PATTERN
    pattern = re.compile("^" + field["constraints"]["pattern"] + "$")
    assert pattern.match("firearms|police_use_of_force")
    assert not pattern.match("firearms,police_use_of_force")
    assert not pattern.match("guns")


def test_every_theme_is_documented_in_the_readme() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for theme in themes.THEMES:
        assert f"`{theme}`" in readme, theme


def _edit_practice(root: Path, practice_id: str, changes: dict[str, str]) -> int:
    path = root / "tables" / "practices.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    for n, row in enumerate(rows[1:], start=2):
        if row[head.index("practice_id")] == practice_id:
            for k, v in changes.items():
                row[head.index(k)] = v
            with path.open("w", encoding="utf-8", newline="") as f:
                csv.writer(f, lineterminator="\n").writerows(rows)
            return n
    raise AssertionError(practice_id)


def test_unknown_theme_rejected_with_file_row_and_reason(copy: Path) -> None:
    row = _edit_practice(copy, "cali-desepaz", {"themes": "official_data|gun_control"})
    messages = [str(i) for i in all_issues(copy)]
    assert any(m.startswith(f"practices.csv, row {row}: unknown theme 'gun_control'") for m in messages), messages
    # the Table Schema refuses it too, so standard tools (frictionless) catch it without our checks
    assert any(m.startswith(f"practices.csv, row {row}:") and "pattern" in m for m in messages), messages


def test_missing_theme_rejected(copy: Path) -> None:
    row = _edit_practice(copy, "neza-policia-proximidad", {"themes": ""})
    messages = [str(i) for i in all_issues(copy)]
    assert any(m.startswith(f"practices.csv, row {row}:") for m in messages), messages


def test_practice_figure_must_be_a_benchmark_row(copy: Path) -> None:
    row = _edit_practice(copy, "sao-paulo-camaras-corporales", {"outcome_value": "250"})
    messages = [str(i) for i in all_issues(copy)]
    assert f"practices.csv, row {row}: outcome value 250 differs from benchmarks.csv (260)" in messages, messages


def test_nezahualcoyotl_outcome_gives_the_fall_its_rates_show() -> None:
    """22 (2013) → 12.7 (2019) is a fall of 42 %; the article's −57.7 % is only mentioned as the article's."""
    row = query.practices().set_index("practice_id").loc["neza-policia-proximidad"]
    assert (float(row["baseline_value"]), float(row["outcome_value"])) == (22.0, 12.7)
    assert "a fall of 42%" in row["outcome_en"] and "una caída de 42 %" in row["outcome_es"]
    assert "(−57.7%)." not in row["outcome_en"] and "(−57,7 %)." not in row["outcome_es"]
