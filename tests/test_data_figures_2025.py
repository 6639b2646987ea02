"""Figures imported for 2016-2025 (research13), typed here by hand from the passages on the cited pages.

Each case: where the figure is, its expected value and the page it was read on. The values are literal,
typed from the pages, not read back from the import. National and firearm figures, state and municipal
figures (observations) and regional figures (benchmarks) each have their own list.
"""

from __future__ import annotations

import pytest

from data import query

OVV = "https://observatoriodeviolencia.org.ve/news/"
RICO = (
    "https://tyht.cgixix.com/2024/11/07/"
    "douglas-rico-en-venezuela-ocurren-menos-de-cuatro-homicidios-por-cada-100-mil-habitantes/amp"
)
DIARIOLIBRE = (
    "https://www.diariolibre.com/mundo/america-latina/2026/01/15/"
    "delcy-rodriguez-destaca-una-bajada-de-los-homicidios-en-2025/3405913"
)

# level, code, year, period, indicator, unit, source_id, value, locator_url
NATIONAL = [
    ("country", "VEN", 2022, "", "homicides", "rate_per_100k", "cicpc-2024-statement", 6.8, RICO),
    ("country", "VEN", 2023, "", "homicides", "rate_per_100k", "cicpc-2024-statement", 5.35, RICO),
    ("country", "VEN", 2024, "M01-M11", "homicides", "rate_per_100k", "cicpc-2024-statement", 3.49, RICO),
    ("country", "VEN", 2024, "", "homicides", "rate_per_100k", "cicpc-2025-statement", 4.1, DIARIOLIBRE),
    ("country", "VEN", 2025, "", "homicides", "rate_per_100k", "gov-2026-memoria-cuenta", 3, DIARIOLIBRE),
    ("country", "VEN", 2018, "M01-M07", "homicides", "count", "cicpc-2018-statement", 6561,
     "http://spanish.xinhuanet.com/2018-07/24/c_137344726.htm"),
    ("country", "VEN", 2017, "", "homicide_investigations", "count", "mp-2024-statement", 30082,
     "https://nucleonoticias.com/2024/01/10/tarek-william-saab-delitos-de-homicidio-disminuyeron-un-63-desde-2017"),
    ("country", "VEN", 2016, "", "security_force_killings_documented", "count", "provea-2017", 337,
     "https://provea.org/actualidad/informe-anual-520-violaciones-al-derecho-a-la-vida-durante-2016"),
    ("country", "VEN", 2019, "", "security_force_killings_documented", "count", "provea-2020", 2102,
     "https://contrapunto.com/nacional/derechos-humanos/"
     "5-claves-del-informe-de-provea-sobre-las-violaciones-de-derechos-humanos-en-venezuela-durante-2019/"),
    ("country", "VEN", 2024, "", "security_force_killings_documented", "count", "provea-2025", 522,
     "https://www.elimpulso.com/2025/04/30/"
     "provea-2-224-personas-fueron-victimas-de-tratos-o-penas-crueles-inhumanos-o-degradantes-en-2024-30abr"),
    ("country", "VEN", 2021, "", "security_force_killings_documented", "count", "cofavic-2022", 1246,
     "https://voz.us/es/mundo/220919/513/las-ejecuciones-extrajudiciales-en-venezuela-superan-las-14-000-en-diez-anos.html"),
    ("country", "VEN", 2018, "", "police_killings", "rate_per_100k", "muflven-2024", 16,
     "https://lethal-force-monitor.org/country/venezuela"),
    ("state", "VE-I", 2021, "M01-M08", "firearm_share_homicides", "percent", "ovv-iav-2021", 66.7,
     OVV + "ovv-falcon-registra-53-muertes-violentas-entre-enero-y-agosto-de-2021/"),
]

STATES = [
    ("state", "VE-M", 2019, "", "violent_deaths", "rate_per_100k", "ovv-iav-2019", 87,
     "https://correodelcaroni.com/region/bolivar-ocupa-el-segundo-lugar-entre-los-estados-mas-violentos-de-venezuela-en-2019/"),
    ("state", "VE-S", 2020, "", "violent_deaths", "rate_per_100k", "ovv-iav-2020", 31,
     OVV + "cuarentena-por-covid-19-principal-causa-de-los-cambios-en-la-violencia-en-tachira/"),
    ("state", "VE-N", 2018, "", "violent_deaths", "rate_per_100k", "ovv-iav-2021", 89,
     OVV + "monagas-ocupo-el-3er-lugar-en-homicidios-durante-el-2021"),
    ("state", "VE-Z", 2021, "", "violent_deaths_incl_disappearances", "rate_per_100k", "ovv-iav-2021", 29.7,
     OVV + "desapariciones-y-muertes-en-averiguacion-ganaron-espacio-en-amazonas-durante-2021/"),
    ("state", "VE-J", 2021, "", "violent_deaths_incl_disappearances", "rate_per_100k", "ovv-iav-2021", 33.3,
     "https://observatoriodeviolencia.org.ve/tag/migracion/"),
    ("state", "VE-J", 2021, "", "violent_deaths", "rate_per_100k", "ovv-iav-2022", 28.9,
     "https://bitlyanews.com/nacionales/ovv-guarico-punto-de-entrada-y-salida-para-la-mineria-ilegal-del-arco-minero"),
    ("state", "VE-T", 2020, "", "violent_deaths", "rate_per_100k", "ovv-iav-2020", 37,
     "https://noticiasmomoy.blogspot.com/2021/01/ovv-trujillo-el-segundo-estado-con.html"),
    ("state", "VE-L", 2022, "", "violent_deaths_variant_unstated", "rate_per_100k", "ovv-iav-2022", 31.3,
     OVV + "tasa-de-muertes-violentas-en-merida-es-inferior-a-la-media-nacional-pero-tiende-al-aumento"),
    ("state", "VE-I", 2020, "", "violent_deaths", "rate_per_100k", "ovv-iav-2021", 23.0,
     OVV + "ovv-falcon-homicidios-robos-y-agresiones-abarcaron-79-de-los-delitos-cometidos-durante-2021"),
    ("state", "VE-F", 2022, "", "violent_deaths_incl_disappearances", "rate_per_100k", "ovv-iav-2022", 49.8,
     OVV + "bolivar-bajo-un-peldano-en-el-ranking-de-estados-mas-violentos"),
    ("municipality", "VE0703", 2022, "", "violent_deaths_variant_unstated", "rate_per_100k", "ovv-iav-2022", 375,
     "https://cactus24.com.ve/2023/02/09/"
     "observatorio-venezolano-de-violencia-trujillo-la-ceiba-entre-los-municipios-mas-violentos-de-venezuela"),
    ("municipality", "VE1914", 2022, "", "homicides", "count", "ovv-iav-2022", 35,
     OVV + "ovv-sucre-migracion-seria-una-de-las-causas-para-disminucion-de-la-violencia"),
    ("municipality", "VE1903", 2023, "", "violent_deaths", "rate_per_100k", "ovv-iav-2023", 46.4,
     "https://nucleonoticias.com/2024/01/20/sucre-con-tasa-de-homicidios-mas-alta-del-pais-segun-ovv"),
]

# place_id, year, indicator, unit, source_id, value, locator_url
REGION = [
    ("JAM", 2017, "homicide_rate", "rate_per_100k", "reg-insight-2017-lagaceta", 55.7,
     "https://lagaceta503.com/venezuela-y-el-salvador-encabezan-la-lista-de-paises-mas-violentos-de-america-latina/"),
    ("HTI", 2024, "homicide_rate", "rate_per_100k", "reg-insight-2024-viveclick", 62, "https://vive.click/?p=896810"),
    ("ECU", 2025, "homicide_rate", "rate_per_100k", "reg-insight-2025-puntoporpunto", 50.9,
     "https://www.puntoporpunto.com/noticias/politica/"
     "ecuador-colombia-y-honduras-completan-el-top-tres-de-los-paises-mas-violentos-de-al"),
    ("CRI", 2024, "homicide_rate", "rate_per_100k", "reg-insight-2024-noticiaslagaceta", 16.6,
     "https://www.noticiaslagaceta.com/el-2024-registro-altos-indices-de-violencia-en-costa-rica-y-guatemala/"),
    ("DOM", 2024, "homicide_rate", "rate_per_100k", "reg-insight-2024-noticias22", 9.6,
     "https://noticias22.com/2025/05/"
     "rd-registro-una-de-las-tasas-de-homicidios-mas-bajas-de-latinoamerica-y-el-caribe-en-2024"),
    ("SUR", 2024, "homicide_rate", "rate_per_100k", "reg-insight-2024-elnacionalista", 29.9,
     "https://diarioelnacionalista.com/2025/02/28/"
     "america-latina-y-el-caribe-enfrentan-un-alarmante-aumento-en-tasas-de-homicidios"),
    ("KNA", 2023, "homicide_rate", "rate_per_100k", "reg-insight-2023-acento", 60.0,
     "https://acento.com.do/actualidad/"
     "insight-crime-muestra-que-republica-dominicana-registro-la-segunda-tasa-mas-baja-de-homicidios-en-el-caribe-9308535.html"),
    ("HND", 2012, "homicide_rate", "rate_per_100k", "reg-unodc-gsh-2013-diariodecuyo", 90.4,
     "https://diariodecuyo.com.ar/columnasdeopinion/Violencia-regional-20140710-0134.html"),
    ("MEX", 2024, "firearm_homicide_share", "percent", "reg-inegi-2025-data2", 71.8,
     "https://data2.com.mx/2025/08/01/33-mil-241-asesinatos-en-2024-2-mil-179-mas-que-en-2023/amp"),
    ("CHL", 2023, "firearm_homicide_share", "percent", "reg-spd-2024-biobio", 52.3,
     "https://biobiochile.cl/noticias/nacional/chile/2024/04/22/amp/"
     "homicidios-consumados-disminuyeron-6-en-2023-y-mas-del-50-de-victimas-registra-antecedentes-penales.shtml"),
    ("ARG", 2023, "firearm_homicide_share", "percent", "reg-snic-2024-lanacion", 57.4,
     "https://lanacion.com.ar/seguridad/"
     "estadisticas-nacionales-fuerte-caida-de-la-cifra-de-homicidios-en-el-primer-semestre-del-ano-nid06082024"),
    ("HND", 2022, "firearm_homicide_share", "percent", "reg-onv-2023-icn", 74.6, "https://icndigital.com/?p=5873"),
    ("GTM", 2023, "firearm_homicide_share", "percent", "reg-dialogos-2024-gtm", 85,
     "https://dialogos.org.gt/tendencias-de-violencia-homicida-un-desafio-para-el-2024"),
    ("PRY", 2017, "firearm_homicide_share", "percent", "reg-onsc-2018-abc", 64,
     "http://www.abc.com.py/especiales/fin-de-semana/cifra-de-homicidios-en-descenso-1675720.html"),
    ("SLV", 2016, "firearm_homicide_rate", "rate_per_100k", "reg-ihme-2018-correio", 38.9,
     "https://correiobraziliense.com.br/app/noticia/brasil/2018/08/28/interna-brasil,702432/amp.shtml"),
]


def test_thirty_or_more_figures_in_each_part() -> None:
    assert len(NATIONAL) >= 10 and len(STATES) >= 10 and len(REGION) >= 10
    assert len(NATIONAL) + len(STATES) + len(REGION) >= 30


@pytest.mark.parametrize(
    ("level", "code", "year", "period", "indicator", "unit", "source_id", "value", "url"), NATIONAL + STATES
)
def test_observation_matches_source(
    level: str, code: str, year: int, period: str, indicator: str, unit: str, source_id: str, value: float, url: str
) -> None:
    got = query.series(level, code, indicator, unit, source_id)
    got = got[(got["year"] == year) & (got["period"] == period)]
    assert len(got) == 1, f"no single row for {level} {code} {year} {period} {indicator} {unit} {source_id}"
    assert float(got["value"].iloc[0]) == pytest.approx(value)
    assert got["locator_url"].iloc[0] == url


@pytest.mark.parametrize(("place", "year", "indicator", "unit", "source_id", "value", "url"), REGION)
def test_benchmark_matches_source(
    place: str, year: int, indicator: str, unit: str, source_id: str, value: float, url: str
) -> None:
    got = query.benchmarks(place_id=place, indicator=indicator, unit=unit, source_id=source_id)
    got = got[got["year"].astype(int) == year]
    assert len(got) == 1, f"no single row for {place} {year} {indicator} {source_id}"
    assert float(got["value"].iloc[0]) == pytest.approx(value)
    assert got["locator_url"].iloc[0] == url


def test_part_year_statements_are_not_annual() -> None:
    """The CICPC's 3.49 was a year-to-date figure (7 November 2024): it must not be the 2024 annual row."""
    frame = query.series("country", "VEN", "homicides", "rate_per_100k", "cicpc-2024-statement")
    assert frame[frame["year"] == 2024]["period"].tolist() == ["M01-M11"]


def test_insight_venezuela_rates_not_a_separate_series() -> None:
    """InSight Crime's Venezuela rates repeat OVV's violent-death totals and credit OVV; they are not imported."""
    src = query.sources()
    insight = set(src[src["organisation"].str.contains("InSight") | src["producer"].str.contains("InSight")]["source_id"])
    ven = query.series("country", "VEN", "homicides", "rate_per_100k")
    assert not set(ven["source_id"]) & insight
    assert query.benchmarks(place_id="VEN").empty
