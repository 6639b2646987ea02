"""A sample of figures, hand-copied from the cited pages (via the research dossier), must be in the package.

Each case: where the figure is, its expected value and the page it was read on. The expected values are
typed here from the sources, not read back from the curation script.
"""

from __future__ import annotations

import pytest

from data import query

OVV = "https://observatoriodeviolencia.org.ve/news/"

# level, code, year, period, indicator, unit, source_id, value, locator_url
OBSERVATIONS = [
    (
        "country",
        "VEN",
        2023,
        "",
        "violent_deaths",
        "count",
        "ovv-iav-2023",
        6973,
        OVV + "ovv-venezuela-termina-el-ano-con-descenso-en-muertes-violentas",
    ),
    (
        "country",
        "VEN",
        2023,
        "",
        "police_killings",
        "count",
        "ovv-iav-2023",
        953,
        OVV + "ovv-venezuela-termina-el-ano-con-descenso-en-muertes-violentas",
    ),
    (
        "country",
        "VEN",
        2023,
        "",
        "homicides",
        "rate_per_100k",
        "ovv-iav-2023",
        7.5,
        "https://confirmado.com.ve/ong-contabilizo-en-el-pais-casi-2-mil-asesinatos-este-ano",
    ),
    (
        "country",
        "VEN",
        2022,
        "",
        "violent_deaths_incl_disappearances",
        "rate_per_100k",
        "ovv-iav-2022",
        40.4,
        OVV + "informe-anual-de-violencia-2022",
    ),
    (
        "country",
        "VEN",
        2022,
        "",
        "deaths_under_investigation",
        "count",
        "ovv-iav-2022",
        5799,
        OVV + "informe-anual-de-violencia-2022",
    ),
    (
        "country",
        "VEN",
        2021,
        "",
        "disappearances",
        "count",
        "ovv-iav-2021",
        1634,
        "https://asociacionvenezolanadesociologia.org/publicaciones/revistas-e-informes/informe-anual-de-violencia-2021",
    ),
    (
        "country",
        "VEN",
        2020,
        "",
        "police_killings",
        "count",
        "ovv-iav-2020",
        4231,
        "https://www.eluniversal.com/sucesos/87563/11891-muertes-violentas-registro-el-ovv-en-2020-en-venezuela",
    ),
    (
        "country",
        "VEN",
        2018,
        "",
        "police_killings",
        "count",
        "ovv-iav-2018",
        7523,
        "https://talcualdigital.com/ovv-venezuela-es-el-pais-mas-violento-del-2018",
    ),
    (
        "country",
        "VEN",
        2016,
        "",
        "violent_deaths",
        "rate_per_100k",
        "ovv-iav-2016",
        91.8,
        "http://zh.clicrbs.com.br/rs/noticias/mundo/noticia/2016/12/venezuela-e-2-pais-mais-violento-do-mundo-atras-de-el-salvador-8965590.html",
    ),
    (
        "country",
        "VEN",
        2013,
        "",
        "violent_deaths",
        "count",
        "ovv-iav-2013",
        24763,
        OVV + "2013-las-muertes-violentas-continuan-aumentando",
    ),
    (
        "country",
        "VEN",
        2012,
        "",
        "violent_deaths",
        "rate_per_100k",
        "ovv-iav-2012",
        73,
        "https://suontraj-merida.blogspot.com/2012/12/el-ano-concluira-con-21692-personas.html",
    ),
    (
        "country",
        "VEN",
        2016,
        "",
        "homicides",
        "count",
        "mp-2016",
        21752,
        "https://eldiario.es/politica/tasa-homicidios-venezuela-habitantes-fiscalia_1_3486870.amp.html",
    ),
    (
        "country",
        "VEN",
        2015,
        "",
        "firearm_share_homicides",
        "percent",
        "mp-2015",
        82,
        "http://www.dw.com/es/venezuela-registró-17778-homicidios-durante-el-año-pasado/a-19021487",
    ),
    (
        "country",
        "VEN",
        2012,
        "",
        "homicides",
        "count",
        "vp-2013-statement",
        16072,
        "http://www.insightcrime.org/news-briefs/venezuelan-government-recognizes-record-murder-rate",
    ),
    (
        "country",
        "VEN",
        2023,
        "",
        "homicides",
        "rate_per_100k",
        "mij-2024-statement",
        5.2,
        "https://gestion.pe/mundo/internacional/venezuela-registra-tasa-de-homicidios-de-52-por-cada-100000-habitantes-segun-gobierno-criminalidad-noticia",
    ),
    (
        "country",
        "VEN",
        2017,
        "H1",
        "homicides",
        "count",
        "ovs-2017-h1",
        6363,
        "http://expresso.sapo.pt/internacional/2018-07-24-Venezuela.-Observatorio-de-Seguranca-regista-6363-homicidios-em-seis-meses",
    ),
    (
        "country",
        "VEN",
        2017,
        "",
        "intentional_homicides",
        "rate_per_100k",
        "unodc-gsh-2019",
        56.8,
        "http://gestion.pe/mundo/venezuela-pais-sudamerica-tasa-homicidios-alta-272549-noticia/",
    ),
    (
        "country",
        "VEN",
        2022,
        "",
        "intentional_homicides",
        "rate_per_100k",
        "unodc-wdi",
        12.646645,
        "https://data.worldbank.org/indicator/VC.IHR.PSRC.P5?locations=VE",
    ),
    (
        "country",
        "VEN",
        2014,
        "",
        "intentional_homicides",
        "rate_per_100k",
        "unodc-owid",
        62.900608,
        "https://ourworldindata.org/grapher/homicide-rate-unodc?tab=table&country=VEN",
    ),
    (
        "state",
        "VE-A",
        2023,
        "",
        "violent_deaths",
        "count",
        "ovv-iav-2023",
        847,
        OVV + "2023-culmino-con-al-menos-847-muertes-violentas-en-distrito-capital/",
    ),
    (
        "state",
        "VE-A",
        2022,
        "",
        "violent_deaths_incl_disappearances",
        "rate_per_100k",
        "ovv-iav-2022",
        89.2,
        OVV + "1148-muertes-violentas-ocurrieron-en-distrito-capital-durante-2022/",
    ),
    (
        "state",
        "VE-D",
        2018,
        "",
        "violent_deaths",
        "rate_per_100k",
        "ovv-iav-2018",
        168,
        "https://talcualdigital.com/ovv-venezuela-es-el-pais-mas-violento-del-2018",
    ),
    (
        "state",
        "VE-S",
        2023,
        "",
        "violent_deaths",
        "rate_per_100k",
        "ovv-iav-2023",
        11.3,
        "https://diariodelosandes.com/durante-el-2023-el-tachira-tuvo-la-tasa-de-muertes-violentas-mas-baja-del-pais",
    ),
    (
        "state",
        "VE-L",
        2012,
        "",
        "violent_deaths",
        "rate_per_100k",
        "ovv-iav-2012",
        41,
        "https://suontraj-merida.blogspot.com/2012/12/el-ano-concluira-con-21692-personas.html",
    ),
    (
        "state",
        "VE-X",
        2021,
        "",
        "violent_deaths_incl_disappearances",
        "rate_per_100k",
        "ovv-iav-2021",
        45.4,
        OVV + "zulia-salio-de-la-lista-de-los-diez-estados-mas-violentos-de-venezuela",
    ),
    (
        "state",
        "VE-M",
        2017,
        "H1",
        "homicides",
        "count",
        "ovs-2017-h1",
        927,
        "http://expresso.sapo.pt/internacional/2018-07-24-Venezuela.-Observatorio-de-Seguranca-regista-6363-homicidios-em-seis-meses",
    ),
    (
        "state",
        "VE-F",
        2019,
        "",
        "homicides",
        "rate_per_100k",
        "ovs-2019",
        36,
        "https://tyht.cgixix.com/2020/01/19/distrito-capital-cerro-con-la-tasa-mas-alta-de-delitos-del-2019",
    ),
    (
        "municipality",
        "VE0703",
        2017,
        "",
        "violent_deaths",
        "rate_per_100k",
        "ovv-iav-2017",
        816.9,
        "https://www.el-carabobeno.com/observatorio-venezolano-violencia-presento-informe-anual-violenca-2017/",
    ),
    (
        "municipality",
        "VE0703",
        2023,
        "",
        "violent_deaths",
        "rate_per_100k",
        "ovv-iav-2023",
        424.7,
        "https://caracasaldia.com/los-tres-municipios-de-bolivar-figuran-como-los-mas-violentos-del-pais",
    ),
    (
        "municipality",
        "VE0203",
        2020,
        "",
        "violent_deaths",
        "rate_per_100k",
        "ovv-iav-2020",
        22,
        OVV + "amazonas-es-la-entidad-menos-violenta-del-territorio-nacional",
    ),
]


@pytest.mark.parametrize(
    ("level", "code", "year", "period", "indicator", "unit", "source_id", "value", "url"), OBSERVATIONS
)
def test_observation_matches_source(
    level: str,
    code: str,
    year: int,
    period: str,
    indicator: str,
    unit: str,
    source_id: str,
    value: float,
    url: str,
) -> None:
    got = query.series(level, code, indicator, unit, source_id)
    got = got[(got["year"] == year) & (got["period"] == period)]
    assert len(got) == 1, f"no single row for {level} {code} {year} {indicator} {unit} {source_id}"
    assert float(got["value"].iloc[0]) == pytest.approx(value)
    assert got["locator_url"].iloc[0] == url


def test_population_bases_match_sources() -> None:
    ovv = query.population("country", "VEN", 2023, "ovv_stated")
    assert ovv["value"].tolist() == [26_000_000]
    assert (
        ovv["locator_url"].iloc[0] == OVV + "ovv-venezuela-termina-el-ano-con-descenso-en-muertes-violentas"
    )
    ovs = query.population("country", "VEN", 2019, "ovs_stated")
    assert ovs["value"].tolist() == [32_217_223]
    sucre = query.population("state", "VE-R", 2023)
    assert sucre["value"].tolist() == [883_089]


def test_event_olp_has_its_source() -> None:
    ev = query.events().set_index("event_id")
    assert ev.loc["olp-2015", "date"] == "2015-07-13"
    assert ev.loc["olp-2015", "locator_url"] == (
        "https://2001online.com/nacionales/maduro-asegura-avanzar-en-la-defensa-del-esequibo/amp"
    )
