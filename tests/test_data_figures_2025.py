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


# Round 2 (research13, second round), typed from the passages on the cited pages.
RUNRUN = "https://runrun.es/el-megafono/516778/caracas-sigue-siendo-la-ciudad-mas-violenta-de-venezuela/"
IMPULSO_2018 = "https://elimpulso.com/2018/01/03/ovv-lara-registro-1-050-muertes-violentas-2017"
EL_NACIONAL_2014 = "http://www.el-nacional.com/sucesos/Libertador-municipio-homicidios_0_611338943.html"
STATES_ROUND2 = [
    ("state", "VE-S", 2016, "", "violent_deaths", "rate_per_100k", "ovv-iav-2016", 72,
     "http://www.lapatilla.com/site/2016/12/30/en-tachira-de-cada-100-000-habitantes-72-son-victimas-de-muertes-violentas/"),
    ("state", "VE-K", 2017, "", "violent_deaths", "rate_per_100k", "ovv-iav-2017", 52, IMPULSO_2018),
    ("state", "VE-K", 2017, "", "violent_deaths", "count", "ovv-iav-2017", 1050, IMPULSO_2018),
    ("state", "VE-K", 2016, "", "violent_deaths", "rate_per_100k", "ovv-iav-2017", 59, IMPULSO_2018),
    ("state", "VE-S", 2018, "", "homicides", "rate_per_100k", "ovv-iav-2018", 21,
     "https://diariodelosandes.com/la-tasa-de-muertes-violentas-se-ubico-en-39-por-cada-100-000-habitantes-durante-2018-en-tachira/amp"),
    ("state", "VE-K", 2021, "", "violent_deaths_variant_unstated", "rate_per_100k", "ovv-iav-2023", 15.9,
     "https://www.elimpulso.com/2023/09/21/"
     "ovv-lara-menor-incidencia-de-violencia-letal-no-responde-a-mejoras-de-seguridad-ciudadana-21sep/"),
    ("state", "VE-R", 2018, "", "police_killings", "rate_per_100k", "ovv-iav-2018", 26,
     OVV + "el-estado-sucre-ocupa-el-quinto-lugar-de-violencia-e-inseguridad-en-el-pais"),
    ("state", "VE-U", 2023, "", "violent_deaths", "rate_per_100k", "ovv-iav-2023", 27.5, RUNRUN),
    ("state", "VE-F", 2024, "", "violent_deaths", "rate_per_100k", "ovv-iav-2024", 34.2,
     OVV + "bolivar-fue-el-cuarto-estado-mas-violento-del-pais-en-2024"),
    ("state", "VE-A", 2024, "", "violent_deaths", "rate_per_100k", "ovv-iav-2024", 48.2,
     OVV + "caracas-durante-2024-menos-muertes-pero-mas-violencia-intrafamiliar-y-de-pareja"),
    ("municipality", "VE1519", 2024, "", "violent_deaths", "rate_per_100k", "ovv-iav-2024", 63,
     OVV + "sucre-fue-el-municipio-del-area-metropolitana-de-caracas-con-mas-violencia-en-2024"),
    ("municipality", "VE1509", 2023, "", "violent_deaths", "rate_per_100k", "ovv-iav-2023", 10.7, RUNRUN),
    ("municipality", "VE0101", 2014, "", "homicides", "count", "mij-memoria-2015", 1373, EL_NACIONAL_2014),
    ("municipality", "VE0705", 2014, "", "homicides", "count", "mij-memoria-2015", 190, EL_NACIONAL_2014),
]

SWISSINFO = ("https://www.swissinfo.ch/spa/panam%C3%A1-registra-593-homicidios-en-2025%2C-un-2-%25-m%C3%A1s-que-el-a%C3%B1o-"
             "anterior/90791305")
REGION_ROUND2 = [
    ("ARG", 2024, "homicide_rate", "rate_per_100k", "reg-snic-2025-elpatagonico", 3.8,
     "https://elpatagonico.com/argentina-registro-2024-la-menor-tasa-homicidios-dos-decadas-n6101991"),
    ("CHL", 2024, "homicide_rate", "rate_per_100k", "reg-spd-2025-biobio", 6.0,
     "https://biobiochile.cl/noticias/nacional/chile/2025/04/03/"
     "homicidios-disminuyeron-un-48-en-2024-y-alcanzan-los-1-207-casos-con-alza-en-victimas-extranjeras.shtml"),
    ("MEX", 2024, "homicide_rate", "rate_per_100k", "reg-inegi-2025-data2", 25.6,
     "https://data2.com.mx/2025/08/01/33-mil-241-asesinatos-en-2024-2-mil-179-mas-que-en-2023/amp"),
    ("MEX", 2024, "homicide_rate", "rate_per_100k", "reg-inegi-2025-cronica", 25.8,
     "https://www.cronica.com.mx/nacional/2025/11/10/"
     "continua-homicidio-como-principal-causa-de-muerte-entre-jovenes-predomina-la-muerte-violenta-en-hombres/"),
    ("PER", 2024, "homicide_rate", "rate_per_100k", "reg-inei-2026-correo", 10.1,
     "https://diariocorreo.pe/peru/"
     "homicidios-en-el-peru-superaron-el-umbral-critico-inei-hace-balance-de-imparable-criminalidad-noticia/"),
    ("BRB", 2024, "homicide_rate", "rate_per_100k", "reg-insight-2024-caribmag", 17.7, "https://caribmagplus.com/?p=36092"),
    ("PAN", 2024, "homicides", "count", "reg-minseg-pan-2025-menafn", 581,
     "https://menafn.com/1109064731/Panama-Records-Increase-In-Crime-Compared-To-Previous-Year"),
    ("PAN", 2024, "homicides", "count", "reg-mp-pan-2026-swissinfo", 583, SWISSINFO),
    ("PAN", 2025, "firearm_homicide_share", "percent", "reg-mp-pan-2026-swissinfo", 87.4, SWISSINFO),
    ("BRA", 2018, "firearm_homicide_share", "percent", "reg-atlas-2020-psb40", 71.1,
     "https://psb40.org.br/atlas-da-violencia-aponta-alta-incidencia-de-jovens-mortos-por-arma-de-fogo-no-brasil/"),
    ("BLZ", 2022, "firearm_homicide_share", "percent", "reg-infosegura-belize", 80.5, "https://infosegura.org/node/448"),
    ("URY", 2024, "homicides", "count", "reg-mininterior-ury-2025-elobservador", 377,
     "https://elobservador.com.uy/nacional/"
     "ministerio-del-interior-presento-cifras-denuncias-del-2024-homicidios-bajaron-un-1-respecto-al-2023-n5979782"),
]

# Round 3 and the dossier reconciliation (0.2.0): every figure they added, typed from the pages.
OBSERVATIONS_ROUND3 = [
    ("country", "VEN", 2015, "", "security_force_killings_documented", "count", "provea-2015-infografia", 270,
     "https://archivo.provea.org/actualidad/derechos-civiles-y-politicos/derecho-a-la-vida/infografia-derecho-a-la-vida-2015/"),
    ("state", "VE-D", 2020, "H1", "security_force_killings_documented", "count", "sic-2020-aragua", 181,
     "https://revistasic.org/aragua-entre-enero-y-junio-181-personas-fueron-asesinadas-por-policias-y-militares/"),
    ("state", "VE-M", 2014, "M01-M08", "homicides", "count", "polimiranda-2014", 1303,
     "https://diariolavoz.net/2014/09/13/en-barlovento-y-los-valles-del-tuy-la-actuacion-policial-tiene-poder"),
]

REGION_ROUND3 = [
    ("JAM", 2015, "homicides", "count", "reg-gunpolicy-jam-2016", 1210,
     "https://www.gunpolicy.org/firearms/citation/quotes/11842"),
    ("BHS", 2024, "homicides", "count", "reg-rbpf-2025-wicnews", 120,
     "https://wicnews.com/bahamas/bahamas-sees-9-increase-in-homicides-in-2024-compared-to-2023"),
    ("BRB", 2021, "homicides", "count", "reg-bps-2022-gazette", 32,
     "https://barbadosgazette.com/barbados-homicides-hit-40-in-11-months-loop-barbados/"),
    ("SLV", 2017, "homicides", "count", "reg-pnc-2018-publinews", 3954,
     "https://www.publinews.gt/gt/noticias/2018/01/02/"
     "el-salvador-uno-de-los-paises-mas-violentos-anuncia-una-baja-en-los-homicidios-en-2017.html"),
]

# Round 4 (states), typed from the passages on the cited pages.
REPORTE_CATOLICO = "https://reportecatolicolaico.com/2022/12/30/muertes-por-causas-indeterminadas-se-incrementaron-45-en-2022"
STATES_ROUND4 = [
    ("state", "VE-X", 2022, "", "deaths_under_investigation", "rate_per_100k", "ovv-iav-2022", 39, REPORTE_CATOLICO),
    ("state", "VE-Y", 2022, "", "deaths_under_investigation", "rate_per_100k", "ovv-iav-2022", 28, REPORTE_CATOLICO),
]


def test_thirty_or_more_figures_in_each_part() -> None:
    assert len(NATIONAL) >= 10 and len(STATES) >= 10 and len(REGION) >= 10
    assert len(NATIONAL) + len(STATES) + len(REGION) >= 30
    assert len(STATES_ROUND2) + len(REGION_ROUND2) >= 10


@pytest.mark.parametrize(
    ("level", "code", "year", "period", "indicator", "unit", "source_id", "value", "url"),
    NATIONAL + STATES + STATES_ROUND2 + OBSERVATIONS_ROUND3 + STATES_ROUND4,
)
def test_observation_matches_source(
    level: str, code: str, year: int, period: str, indicator: str, unit: str, source_id: str, value: float, url: str
) -> None:
    got = query.series(level, code, indicator, unit, source_id)
    got = got[(got["year"] == year) & (got["period"] == period)]
    assert len(got) == 1, f"no single row for {level} {code} {year} {period} {indicator} {unit} {source_id}"
    assert float(got["value"].iloc[0]) == pytest.approx(value)
    assert got["locator_url"].iloc[0] == url


@pytest.mark.parametrize(("place", "year", "indicator", "unit", "source_id", "value", "url"), REGION + REGION_ROUND2 + REGION_ROUND3)
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


def test_round2_ranks_are_the_ones_stated() -> None:
    """OVV's 2023 list of the ten highest rates (Aragua's 8th comes from OVV Aragua's own page) and Bolívar's 4th in 2024."""
    ranks = query.published_ranks("state", 2023, "violent_deaths", "rate_per_100k", "ovv")
    assert {code: r["rank"] for code, r in ranks.items() if r["rank"] <= 10} == {
        "VE-A": 1, "VE-M": 2, "VE-F": 3, "VE-X": 4, "VE-Z": 5, "VE-U": 6, "VE-Y": 7, "VE-D": 8, "VE-J": 9, "VE-I": 10}
    assert query.published_ranks("state", 2024, "violent_deaths", "rate_per_100k", "ovv")["VE-F"]["rank"] == 4
    homicide_rate = query.published_ranks("state", 2023, "homicides", "rate_per_100k", "ovv")
    assert {code: homicide_rate[code]["rank"] for code in ("VE-Y", "VE-A", "VE-R")} == {"VE-Y": 1, "VE-A": 2, "VE-R": 3}
    assert "VE-J" not in homicide_rate and "VE-M" not in homicide_rate  # only implied by the order of a list


def test_round2_figures_left_out() -> None:
    """Part-years, approximations and newspaper tallies from round 2 stay out (README, figures not included)."""
    assert query.benchmarks(place_id="SUR", indicator="homicide_rate", unit="rate_per_100k",
                            source_id="reg-insight-2024-elnacionalista").query("year == 2024").empty
    assert not query.has_figure("state", "VE-T", 2018, "violent_deaths", "rate_per_100k")
    for year in (2014, 2015, 2016):
        assert not query.has_figure("state", "VE-B", year, "violent_deaths", "count")
    assert not query.has_figure("state", "VE-K", 2015, "homicides", "count")
    miranda = query.series("state", "VE-M", "violent_deaths", "rate_per_100k", "ovv-iav-2018")
    assert miranda[miranda["year"] == 2018]["value"].tolist() == [124]


def test_round3_all_figures_typed() -> None:
    """Round 3 and the dossier added seven figures; each is typed above."""
    assert len(OBSERVATIONS_ROUND3) + len(REGION_ROUND3) == 7


def test_round3_figures_left_out() -> None:
    """A part-year share and doubtful shares stay out (README); firearm counts are filed as counts and their share
    is derived, never filed as a published share."""
    round3_sources = {"reg-pnc-2018-publinews", "reg-gunpolicy-jam-2016", "reg-rbpf-2025-wicnews", "reg-bps-2022-gazette"}
    shares = query.benchmarks(indicator="firearm_homicide_share", unit="percent")
    assert not set(shares["source_id"]) & round3_sources
    assert shares[(shares["place_id"] == "TTO") & (shares["year"].astype(int) == 2019)].empty
    counts = query.benchmarks(unit="count")
    assert set(counts[counts["source_id"] == "reg-pnc-2018-publinews"]["indicator"]) == {"homicides"}
    firearm_sources = round3_sources - {"reg-pnc-2018-publinews"}
    assert set(counts[counts["source_id"].isin(firearm_sources)]["indicator"]) == {"homicides", "firearm_homicides"}
    # The dossier's Guárico 2023 components and Falcón's 2021 base stay out: no page given for them.
    assert not query.has_figure("state", "VE-J", 2023, "deaths_under_investigation", "rate_per_100k")
    assert query.population("state", "VE-I", 2021, "ovv_stated").empty


def test_round4_new_state_years() -> None:
    """Round 4 gave Delta Amacuro 2022 and Anzoátegui 2023 their first figures; Lupa's counts stay part-year."""
    assert query.has_figure("state", "VE-Y", 2022, "deaths_under_investigation", "rate_per_100k")
    assert query.has_figure("state", "VE-B", 2023, "security_force_killings_documented", "count", period="H1")
    assert not query.has_figure("state", "VE-B", 2023, "security_force_killings_documented", "count")


# Round 4 (research13, r13b): Lupa por la Vida's state counts and regional official counts, typed from the pages.
SOYNUEVAPRENSA = "https://soynuevaprensadigital.com/npd/mas-de-300-ejecuciones-extrajudiciales-en-el-primer-semestre-2023"
INFORMATEVZLA = "https://informatevzla.com/lupa-por-la-vida-policias-y-militares-asesinaron-a-824-personas-en-venezuela-durante-2022"
OBSERVATIONS_ROUND4 = [
    ("state", "VE-B", 2023, "H1", "security_force_killings_documented", "count", "lupa-2023-h1", 15, SOYNUEVAPRENSA),
    ("state", "VE-F", 2023, "H1", "security_force_killings_documented", "count", "lupa-2023-h1", 14, SOYNUEVAPRENSA),
    ("state", "VE-J", 2023, "H1", "security_force_killings_documented", "count", "lupa-2023-h1", 11, SOYNUEVAPRENSA),
    ("state", "VE-U", 2023, "H1", "security_force_killings_documented", "count", "lupa-2023-h1", 8, SOYNUEVAPRENSA),
    ("state", "VE-D", 2022, "", "security_force_killings_documented", "count", "lupa-2023", 135, INFORMATEVZLA),
    ("state", "VE-M", 2022, "", "security_force_killings_documented", "count", "lupa-2023", 117, INFORMATEVZLA),
    ("state", "VE-V", 2022, "", "security_force_killings_documented", "count", "lupa-2023", 100, INFORMATEVZLA),
    ("state", "VE-G", 2022, "", "security_force_killings_documented", "count", "lupa-2023", 96, INFORMATEVZLA),
    ("state", "VE-F", 2022, "", "security_force_killings_documented", "count", "lupa-2023", 56, INFORMATEVZLA),
]

ELFIXGON = "https://elfixgon.com/ley-y-gobierno/2025/01/09/homicidio-bajo-16-ciento-2024-mejor-cifra-4-anos-asi-les-fue-regiones"
REGION_ROUND4 = [
    ("COL", 2024, "homicides", "count", "reg-ponal-2025-elfixgon", 13341, ELFIXGON),
    ("COL", 2023, "homicides", "count", "reg-ponal-2025-elfixgon", 13555, ELFIXGON),
    ("COL", 2022, "homicides", "count", "reg-ponal-2025-elfixgon", 13540, ELFIXGON),
    ("COL", 2021, "homicides", "count", "reg-ponal-2025-elfixgon", 13686, ELFIXGON),
    ("COL", 2020, "homicides", "count", "reg-ponal-2025-elfixgon", 12010, ELFIXGON),
    ("SLV", 2024, "homicide_rate", "rate_per_100k", "reg-fgr-slv-2025-lagaceta", 1.9,
     "https://www.noticiaslagaceta.com/fgr-confirma-reduccion-drastica-de-tasa-de-homicidios"),
    ("SLV", 2024, "homicides", "count", "reg-fgr-slv-2025-lagaceta", 114,
     "https://www.noticiaslagaceta.com/fgr-confirma-reduccion-drastica-de-tasa-de-homicidios"),
    ("CRI", 2024, "homicides", "count", "reg-oij-2025-prensalatina", 880, "https://www.prensa-latina.cu/?p=1674625"),
    ("CRI", 2023, "homicides", "count", "reg-oij-2025-prensalatina", 906, "https://www.prensa-latina.cu/?p=1674625"),
]


@pytest.mark.parametrize(
    ("level", "code", "year", "period", "indicator", "unit", "source_id", "value", "url"), OBSERVATIONS_ROUND4
)
def test_round4_observation_matches_source(
    level: str, code: str, year: int, period: str, indicator: str, unit: str, source_id: str, value: float, url: str
) -> None:
    test_observation_matches_source(level, code, year, period, indicator, unit, source_id, value, url)


@pytest.mark.parametrize(("place", "year", "indicator", "unit", "source_id", "value", "url"), REGION_ROUND4)
def test_round4_benchmark_matches_source(
    place: str, year: int, indicator: str, unit: str, source_id: str, value: float, url: str
) -> None:
    test_benchmark_matches_source(place, year, indicator, unit, source_id, value, url)


def test_round4_lupa_ranks_are_the_ones_stated() -> None:
    """Lupa por la Vida names the states with the most cases, in order: four for January-June 2023, five for 2022."""
    first_half = query.published_ranks("state", 2023, "security_force_killings_documented", "count", "lupa", "H1")
    assert {code: r["rank"] for code, r in first_half.items()} == {"VE-G": 1, "VE-V": 2, "VE-M": 3, "VE-D": 4}
    year_2022 = query.published_ranks("state", 2022, "security_force_killings_documented", "count", "lupa")
    assert {code: r["rank"] for code, r in year_2022.items()} == {
        "VE-D": 1, "VE-M": 2, "VE-V": 3, "VE-G": 4, "VE-F": 5}
    assert all(r["ranked_count"] is None for r in (*first_half.values(), *year_2022.values()))


def test_round4_figures_left_out() -> None:
    """Left out in round 4 (README): Aragua's 105 'last year' (months not stated), the Táchira police's 2024
    year-to-date count, newspaper and NGO press tallies, and counts by state police forces only."""
    aragua = query.series("state", "VE-D", "security_force_killings_documented", "count", "lupa-2023")
    assert aragua[aragua["year"] == 2022]["value"].tolist() == [135]
    assert not query.has_figure("state", "VE-S", 2024, "homicides", "count")
    assert not query.has_figure("state", "VE-K", 2021, "security_force_killings_documented", "count")
    assert not query.has_figure("country", "VEN", 2025, "security_force_killings_documented", "count")
    # The Interior Ministry observatory's count to 9 October 2022 (Falcón 28) is a period the schema cannot express.
    assert not query.has_figure("state", "VE-I", 2022, "homicides", "count")
