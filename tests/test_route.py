"""Routes (issue 23): a tree declares the sequence of instruments practice plans; the loader checks
it with file:line:col, the engine names the first route that fits above the ranking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from burgers_betrekken.kern.fouten import ModelFout
from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.lezen.catalogus import controleer_samenhang, laad_catalogus
from burgers_betrekken.lezen.json_schema import schema as json_schema

from conftest import ROOT, assert_geen_traceback, run_bb, schone_env

KLEIN = (ROOT / "tests" / "bomen" / "klein.yaml").read_text(encoding="utf-8")

ROUTES = """\
routes:
  breed_diep:
    wanneer: {doel: inzichten, budget: hoog}
    stappen:
      - instrumenten: enquete
        waarom: eerst breed, hoeveel mensen vinden wat
      - instrumenten: [focusgroep, diepte_interviews]
        waarom: dan diep, waarom
    reden: breed en dan diep geeft cijfers en verhalen
    bron: Kennisknooppunt Participatie (IenW), 2024
  goedkoop:
    wanneer: {doel: inzichten}
    stappen:
      - instrumenten: straatgesprek
        waarom: eerst op straat
      - instrumenten: enquete
        waarom: dan breed
    reden: weinig geld
    bron: Kennisknooppunt Participatie (IenW), 2024
"""


def regel_van(tekst: str, fragment: str) -> int:
    for nr, regel in enumerate(tekst.splitlines(), start=1):
        if fragment in regel:
            return nr
    raise AssertionError(f"{fragment!r} not in text")


def schrijf(tmp_path: Path, tekst: str, naam: str = "boom.yaml") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def laad(pad: Path):
    boom = laad_boom(pad)
    catalogus = laad_catalogus(ROOT / "instruments.yaml")
    controleer_samenhang(boom, catalogus)
    return boom, catalogus


def fout(tmp_path: Path, routes: str) -> tuple[ModelFout, str]:
    tekst = KLEIN + routes
    with pytest.raises(ModelFout) as info:
        laad(schrijf(tmp_path, tekst))
    return info.value, tekst


# --- the model and the loader --------------------------------------------------------------


def test_routes_worden_gelezen_in_volgorde_met_hun_stappen(tmp_path: Path) -> None:
    boom, _ = laad(schrijf(tmp_path, KLEIN + ROUTES))
    assert [r.id for r in boom.routes] == ["breed_diep", "goedkoop"]
    route = boom.routes[0]
    assert [s.instrumenten for s in route.stappen] == [("enquete",), ("focusgroep", "diepte_interviews")]
    assert route.stappen[1].waarom == "dan diep, waarom"
    assert route.reden.startswith("breed en dan diep") and "2024" in route.bron
    assert route.wanneer.geldt({"doel": "inzichten", "budget": "hoog"})
    assert not route.wanneer.geldt({"doel": "inzichten", "budget": "laag"})
    assert route.locatie is not None and route.locatie.regel == regel_van(KLEIN + ROUTES, "breed_diep:")


def test_een_boom_zonder_routes_heeft_er_geen(tmp_path: Path) -> None:
    boom, _ = laad(schrijf(tmp_path, KLEIN))
    assert boom.routes == ()


def test_onbekend_instrument_in_een_stap_met_plek(tmp_path: Path) -> None:
    e, tekst = fout(tmp_path, ROUTES.replace("[focusgroep, diepte_interviews]", "[focusgroep, diepteinterviews]"))
    (p,) = e.problemen
    assert "stap 2 van route 'breed_diep' noemt onbekend instrument 'diepteinterviews'" in p.bericht
    assert "diepte_interviews" in p.bericht  # the suggestion
    assert p.locatie is not None and p.locatie.bestand.endswith("boom.yaml")
    assert p.locatie.regel == regel_van(tekst, "diepteinterviews") and p.locatie.kolom > 1


@pytest.mark.parametrize("stappen", [1, 5])
def test_te_weinig_of_te_veel_stappen(tmp_path: Path, stappen: int) -> None:
    stap = "      - instrumenten: enquete\n        waarom: breed\n"
    routes = ("routes:\n  r:\n    wanneer: {doel: inzichten}\n    stappen:\n" + stap * stappen
              + "    reden: r\n    bron: b\n")
    e, tekst = fout(tmp_path, routes)
    (p,) = e.problemen
    assert f"de stappen van route 'r': 2 tot 4 nodig, maar er {'is' if stappen == 1 else 'zijn'} {stappen}" \
        == p.bericht
    assert p.locatie is not None and p.locatie.regel == regel_van(tekst, "- instrumenten: enquete")


def test_leeg_waarom(tmp_path: Path) -> None:
    e, tekst = fout(tmp_path, ROUTES.replace("waarom: dan diep, waarom", 'waarom: ""'))
    (p,) = e.problemen
    assert p.bericht == "het waarom van stap 2 van route 'breed_diep' mag niet leeg zijn"
    assert p.locatie is not None and p.locatie.regel == regel_van(tekst, 'waarom: ""')


def test_ontbrekende_bron_en_onbekende_sleutel(tmp_path: Path) -> None:
    e, _ = fout(tmp_path, ROUTES.replace("    bron: Kennisknooppunt Participatie (IenW), 2024\n", "", 1)
                .replace("waarom: eerst op straat", "waarom: eerst op straat\n        doel: x"))
    berichten = [p.bericht for p in e.problemen]
    assert "route 'breed_diep' mist de verplichte sleutel 'bron'" in berichten
    assert any(b.startswith("onbekende sleutel 'doel' in stap 1 van route 'goedkoop'") for b in berichten)


def test_onbekende_vraag_en_optie_in_wanneer(tmp_path: Path) -> None:
    e, tekst = fout(tmp_path, ROUTES.replace("{doel: inzichten, budget: hoog}", "{doel: inzichten, budget: veel}")
                    .replace("wanneer: {doel: inzichten}\n", "wanneer: {doell: inzichten}\n"))
    berichten = {p.bericht: p.locatie for p in e.problemen}
    optie = next(b for b in berichten if "vraag 'budget' heeft geen optie 'veel'" in b)
    assert optie.startswith("'wanneer' van route 'breed_diep'")
    assert berichten[optie].regel == regel_van(tekst, "budget: veel")
    vraag = next(b for b in berichten if "onbekende vraag" in b)
    assert "route 'goedkoop'" in vraag and "'doell'" in vraag
    assert berichten[vraag].regel == regel_van(tekst, "doell")


def test_onbekende_trede_in_wanneer(tmp_path: Path) -> None:
    e, tekst = fout(tmp_path, ROUTES.replace("{doel: inzichten, budget: hoog}", "{niveau: raadplegn}"))
    (p,) = e.problemen
    assert "'wanneer' van route 'breed_diep' noemt onbekende trede 'raadplegn'" in p.bericht


def test_een_overlay_voegt_toe_haalt_weg_en_vervangt(tmp_path: Path) -> None:
    schrijf(tmp_path, KLEIN + ROUTES, "basis.yaml")
    overlay = schrijf(tmp_path, """\
basis: basis.yaml
routes:
  goedkoop: weg
  breed_diep:
    stappen:
      - instrumenten: enquete
        waarom: breed
      - instrumenten: focusgroep
        waarom: diep
      - instrumenten: klankbordgroep
        waarom: terugkoppelen
  nieuw:
    wanneer: {doel: inzichten}
    stappen:
      - instrumenten: straatgesprek
        waarom: op straat
      - instrumenten: focusgroep
        waarom: diep
    reden: r
    bron: b
""", "overlay.yaml")
    boom, _ = laad(overlay)
    assert [r.id for r in boom.routes] == ["breed_diep", "nieuw"]
    breed = boom.routes[0]
    assert [s.instrumenten for s in breed.stappen] == [("enquete",), ("focusgroep",), ("klankbordgroep",)]
    assert breed.reden.startswith("breed en dan diep")  # kept from the base


def test_json_schema_kent_routes() -> None:
    schema = json_schema("boom")["else"]  # a whole tree; "then" is a file that builds on another
    routes = schema["properties"]["routes"]
    route = routes["additionalProperties"]
    stappen = route["properties"]["stappen"]
    assert stappen["minItems"] == 2 and stappen["maxItems"] == 4
    assert set(route["required"]) == {"wanneer", "stappen", "reden", "bron"}
    assert set(stappen["items"]["required"]) == {"waarom"}
    assert stappen["items"]["oneOf"] == [{"required": ["instrumenten"]}, {"required": ["naam"]}]


def test_bb_boom_valideer_noemt_de_plek(tmp_path: Path) -> None:
    tekst = KLEIN + ROUTES.replace("instrumenten: straatgesprek", "instrumenten: straatgesprekk")
    pad = schrijf(tmp_path, tekst)
    r = run_bb("boom", "valideer", str(pad))
    assert_geen_traceback(r)
    assert r.returncode == 1
    uit = r.stdout + r.stderr
    assert f"boom.yaml:{regel_van(tekst, 'straatgesprekk')}:" in uit
    assert "stap 1 van route 'goedkoop' noemt onbekend instrument 'straatgesprekk'" in " ".join(uit.split())


# --- the engine ------------------------------------------------------------------------------


def advies_bij(tmp_path: Path, tekst: str, **antwoorden: str):
    from burgers_betrekken.kern.engine import advies
    boom, catalogus = laad(schrijf(tmp_path, tekst))
    return advies(boom, catalogus, antwoorden)


def stappen(a) -> list[list[str]]:
    return [[i.id for i in s.instrumenten] for s in a.route.stappen]


def test_de_eerste_route_die_past_staat_in_het_advies(tmp_path: Path) -> None:
    a = advies_bij(tmp_path, KLEIN + ROUTES, doel="inzichten", budget="hoog")
    assert a.route is not None and a.route.route.id == "breed_diep" and a.route_noot is None
    assert stappen(a) == [["enquete"], ["focusgroep", "diepte_interviews"]]
    assert [s.waarom for s in a.route.stappen] == ["eerst breed, hoeveel mensen vinden wat", "dan diep, waarom"]
    b = advies_bij(tmp_path, KLEIN + ROUTES, doel="inzichten", budget="laag")
    assert b.route is not None and b.route.route.id == "goedkoop"  # breed_diep asks budget: hoog


def test_een_route_verandert_de_rangorde_niet(tmp_path: Path) -> None:
    met = advies_bij(tmp_path, KLEIN + ROUTES, doel="inzichten", budget="hoog")
    zonder = advies_bij(tmp_path, KLEIN, doel="inzichten", budget="hoog")
    assert zonder.route is None and zonder.route_noot is None
    assert met.instrumenten == zonder.instrumenten and met.afgevallen == zonder.afgevallen
    assert met.niveau == zonder.niveau


def test_een_stap_toont_alleen_instrumenten_die_bleven_staan(tmp_path: Path) -> None:
    # burgerberaad does not suit the rung raadplegen: it fell off, focusgroep stands
    tekst = KLEIN + ROUTES.replace("[focusgroep, diepte_interviews]", "[burgerberaad, focusgroep]")
    a = advies_bij(tmp_path, tekst, doel="inzichten", budget="hoog")
    assert a.route is not None and stappen(a) == [["enquete"], ["focusgroep"]]
    assert "burgerberaad" in {x.instrument.id for x in a.afgevallen}


def test_een_route_die_een_stap_verliest_maakt_plaats_voor_de_volgende(tmp_path: Path) -> None:
    tekst = KLEIN + ROUTES.replace("[focusgroep, diepte_interviews]", "burgerberaad")
    a = advies_bij(tmp_path, tekst, doel="inzichten", budget="hoog")
    assert a.route is not None and a.route.route.id == "goedkoop" and a.route_noot is None
    assert all(s.instrumenten for s in a.route.stappen)


def test_zonder_passende_route_de_rangorde_met_een_noot(tmp_path: Path) -> None:
    alleen = ROUTES.split("  goedkoop:")[0].replace("[focusgroep, diepte_interviews]", "[burgerberaad, burgerbegroting]")
    a = advies_bij(tmp_path, KLEIN + alleen, doel="inzichten", budget="hoog")
    assert a.route is None and a.instrumenten  # the ranking stays
    assert a.route_noot == ("Een route past bij uw antwoorden, maar stap 2 (dan diep, waarom) kan niet: "
                            "Burgerberaad: past niet bij de trede raadplegen; Burgerbegroting: past niet bij de "
                            "trede raadplegen. Kies daarom uit de instrumenten hieronder.")
    # a route whose condition does not hold gives no note
    b = advies_bij(tmp_path, KLEIN + alleen, doel="inzichten", budget="laag")
    assert b.route is None and b.route_noot is None


def test_zonder_participatie_geen_route_en_geen_noot(tmp_path: Path) -> None:
    tekst = KLEIN + ROUTES.replace("{doel: inzichten, budget: hoog}", "{}")
    a = advies_bij(tmp_path, tekst, doel="informeren")
    assert not a.participatie and a.route is None and a.route_noot is None


# --- the JSON contract ------------------------------------------------------------------------


def advies_json(tmp_path: Path, tekst: str, antwoorden: str) -> dict:
    """The advice of `bb advies -f json` on a tree and answers, as data."""
    boom = schrijf(tmp_path, tekst)
    pad = schrijf(tmp_path, antwoorden, "a.yaml")
    r = run_bb("advies", "--boom", str(boom), "-a", str(pad), "-f", "json", cwd=tmp_path)
    assert_geen_traceback(r)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_advies_json_draagt_de_route(tmp_path: Path) -> None:
    data = advies_json(tmp_path, KLEIN + ROUTES, "doel: inzichten\nbudget: hoog\n")
    boom = tmp_path / "boom.yaml"
    assert data["route"] == {
        "stappen": [{"instrumenten": ["enquete"], "waarom": "eerst breed, hoeveel mensen vinden wat"},
                    {"instrumenten": ["focusgroep", "diepte_interviews"], "waarom": "dan diep, waarom"}],
        "reden": "breed en dan diep geeft cijfers en verhalen",
        "bron": "Kennisknooppunt Participatie (IenW), 2024"}
    assert data["route_noot"] is None
    informeren = schrijf(tmp_path, "doel: informeren\n", "b.yaml")
    r = run_bb("advies", "--boom", str(boom), "-a", str(informeren), "-f", "json", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["route"] is None


def test_boom_paden_json_draagt_de_route(tmp_path: Path) -> None:
    boom = schrijf(tmp_path, KLEIN + ROUTES)
    r = run_bb("boom", "paden", str(boom), "--formaat", "json", cwd=tmp_path)
    assert_geen_traceback(r)
    assert r.returncode == 0, r.stderr
    routes = {tuple(p["antwoorden"].items()): p["route"] for p in json.loads(r.stdout)}
    assert routes == {
        (("doel", "inzichten"), ("budget", "laag")): [["straatgesprek"], ["enquete"]],
        (("doel", "inzichten"), ("budget", "hoog")): [["enquete"], ["focusgroep", "diepte_interviews"]],
        (("doel", "informeren"),): None,
    }


# --- the display ------------------------------------------------------------------------------


def _bb_advies(tmp_path: Path, routes: str, *opties: str, antwoorden: str = "doel: inzichten\nbudget: hoog\n"):
    boom = schrijf(tmp_path, KLEIN + routes)
    a = schrijf(tmp_path, antwoorden, "a.yaml")
    r = run_bb("advies", "--boom", str(boom), "-a", str(a), *opties, cwd=tmp_path)
    assert_geen_traceback(r)
    assert r.returncode == 0, r.stderr
    return r


ROUTEREGEL = "Aanbevolen route: 1.\u00a0Enquête → 2.\u00a0Focusgroep of Diepte-interviews."  # a number stays with its step


@pytest.mark.parametrize("opties", [(), ("--kort",)])
def test_het_scherm_noemt_de_route_boven_de_rangorde(tmp_path: Path, opties: tuple[str, ...]) -> None:
    uit = _bb_advies(tmp_path, ROUTES, *opties).stdout
    regels = uit.splitlines()
    assert ROUTEREGEL in uit  # in the panel, on the first screen
    route = next(n for n, r in enumerate(regels) if r.startswith("Aanbevolen route ─"))
    rangorde = next(n for n, r in enumerate(regels) if r.startswith("Aanbevolen instrumenten ─"))
    assert next(n for n, r in enumerate(regels) if ROUTEREGEL in r) < route < rangorde
    stappen = "\n".join(regels[route:rangorde])
    assert "1. Enquête: eerst breed, hoeveel mensen vinden wat" in stappen
    assert "2. Focusgroep of Diepte-interviews: dan diep, waarom" in stappen
    assert "Bron: Kennisknooppunt Participatie (IenW), 2024" in stappen
    assert all(len(r) <= 80 for r in regels)


def test_eenvoudig_noemt_de_route_bij_het_begin(tmp_path: Path) -> None:
    uit = _bb_advies(tmp_path, ROUTES, "--eenvoudig").stdout
    regels = uit.splitlines()
    assert ROUTEREGEL.replace(chr(0xa0), " ") in regels[:15]  # plain mode reads the record's one-line text
    assert uit.index("1. Enquête: eerst breed") < uit.index("Aanbevolen instrumenten")


def test_verslagen_dragen_de_route(tmp_path: Path) -> None:
    _bb_advies(tmp_path, ROUTES, "--uitvoer", "v.md")
    tekst = (tmp_path / "v.md").read_text(encoding="utf-8")
    assert f"**{ROUTEREGEL.replace(chr(0xa0), ' ')}**" in tekst  # a document puts text on one line, plain spaces
    assert "## Aanbevolen route\n\n1. **Enquête**: eerst breed, hoeveel mensen vinden wat\n" in tekst
    assert tekst.index("## Aanbevolen route") < tekst.index("## Aanbevolen instrumenten")
    _bb_advies(tmp_path, ROUTES, "--uitvoer", "v.html")
    html = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "<h2>Aanbevolen route</h2>" in html and "<li><strong>Focusgroep of Diepte-interviews</strong>: " in html
    assert html.index("<h2>Aanbevolen route</h2>") < html.index("<h2>Aanbevolen instrumenten</h2>")


def test_zonder_route_geen_routekop_en_de_noot_bij_de_rangorde(tmp_path: Path) -> None:
    alleen = ROUTES.split("  goedkoop:")[0].replace("[focusgroep, diepte_interviews]", "burgerberaad")
    r = _bb_advies(tmp_path, alleen, "--uitvoer", "v.md")
    assert "Aanbevolen route" not in r.stdout
    gewoon = " ".join(r.stdout.split())
    assert "Een route past bij uw antwoorden, maar stap 2 (dan diep, waarom) kan niet: Burgerberaad" in gewoon
    assert gewoon.index("Een route past") > gewoon.index("Aanbevolen instrumenten")
    tekst = (tmp_path / "v.md").read_text(encoding="utf-8")
    assert "## Aanbevolen route" not in tekst and "Een route past bij uw antwoorden" in tekst


# --- scenarios and the shipped trees ----------------------------------------------------------


SCENARIOS = """\
boom: boom.yaml
scenarios:
  hoog:
    omschrijving: Inzichten met veel geld
    antwoorden: {doel: inzichten, budget: hoog}
    verwacht:
      route: breed_diep
  informeren:
    omschrijving: Informeren
    antwoorden: {doel: informeren}
    verwacht:
      route: geen
"""


def _scenarios(tmp_path: Path, opdracht: str, route: str = "breed_diep"):
    """`bb boom <opdracht>` on the scenarios with the first one expecting `route`: (result, scenario text)."""
    schrijf(tmp_path, KLEIN + ROUTES)
    tekst = SCENARIOS.replace("route: breed_diep", f"route: {route}")
    schrijf(tmp_path, tekst, "boom.tests.yaml")
    r = run_bb("boom", opdracht, "boom.tests.yaml", cwd=tmp_path)
    assert_geen_traceback(r)
    return r, tekst


def test_een_scenario_verwacht_een_route(tmp_path: Path) -> None:
    r, _ = _scenarios(tmp_path, "test")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 geslaagd, 0 mislukt" in r.stdout


def test_een_andere_route_dan_verwacht_mislukt_op_zijn_plek(tmp_path: Path) -> None:
    r, tekst = _scenarios(tmp_path, "test", "goedkoop")
    assert r.returncode == 1
    assert (f"boom.tests.yaml:{regel_van(tekst, 'route: goedkoop')}:14: route\n        verwacht: goedkoop\n"
            f"        gekregen: breed_diep\n") in r.stdout


def test_een_onbekende_route_in_een_scenario_is_een_fout_met_plek(tmp_path: Path) -> None:
    r, tekst = _scenarios(tmp_path, "valideer", "breeddiep")
    assert r.returncode == 1
    uit = " ".join((r.stdout + r.stderr).split())
    assert f"boom.tests.yaml:{regel_van(tekst, 'breeddiep')}:" in uit
    assert "scenario 'hoog': onbekende route 'breeddiep'" in uit and "breed_diep" in uit


def test_de_routes_van_rijksoverheid_tonen_nooit_een_afgevallen_instrument(tmp_path: Path) -> None:
    r = run_bb("boom", "paden", "rijksoverheid", "--formaat", "json", "--hoogstens", "20000", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    paden = json.loads(r.stdout)
    met_route = [p for p in paden if p["route"] is not None]
    for p in met_route:
        assert all(stap and set(stap) <= set(p["instrumenten"]) for stap in p["route"]), p
        assert p["participatie"] and 2 <= len(p["route"]) <= 4
    gevonden = {tuple(map(tuple, p["route"])) for p in met_route}
    assert (("participatieve_waardenevaluatie",), ("burgerberaad",)) in gevonden  # seed 003's combination
    assert len(met_route) < len(paden)  # routes where practice names one, not everywhere


def test_het_scherm_van_rijksoverheid_noemt_de_route_van_seed_003(tmp_path: Path) -> None:
    a = schrijf(tmp_path, "fase: beleidsontwikkeling\ndoel: zwaarwegend_advies\nruimte: ruim\ndoelgroep: breed\n"
                          "budget: hoog\ndoorlooptijd: lang\ntijdsdruk: nee\n", "a.yaml")
    r = run_bb("advies", "-a", str(a), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    eerste_scherm = " ".join(r.stdout.splitlines()[:24])
    assert "Aanbevolen route: 1. Participatieve waardenevaluatie (PWE) → 2. Burgerberaad." in " ".join(
        eerste_scherm.replace("│", " ").split())


def test_statistiek_telt_paden_met_een_route_en_een_route_met_een_afgevallen_instrument(tmp_path: Path) -> None:
    from dataclasses import replace

    from burgers_betrekken.kern.engine import GekozenStap
    from burgers_betrekken.kern.statistiek import FOUTEN, tel

    goed = advies_bij(tmp_path, KLEIN + ROUTES, doel="inzichten", budget="hoog")
    geen = advies_bij(tmp_path, KLEIN + ROUTES, doel="informeren")
    assert goed.route is not None
    afgevallen = next(x.instrument for x in goed.afgevallen)
    fout = replace(goed, route=replace(goed.route, stappen=(*goed.route.stappen, GekozenStap((afgevallen,), "x"))))
    cijfers = tel([goed, geen, fout])
    assert cijfers.met_route == 2 and cijfers.route_met_afgevallen == 1 and "route_met_afgevallen" in FOUTEN
    r = run_bb("boom", "paden", "rijksoverheid", "--statistiek", "--formaat", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["met_route"] > 0 and data["route_met_afgevallen"] == 0


# --- steps of their own kind: an activity, and a step judged at its own rung ----------------

COPRODUCEREN = KLEIN.replace("standaard: raadplegen", "standaard: coproduceren")
"""The small tree with its default rung at coproduceren: enquête and focusgroep fall off there."""

ONTWERPROUTE = """\
routes:
  eerst_horen_dan_ontwerpen:
    wanneer: {doel: inzichten}
    stappen:
      - instrumenten: [diepte_interviews, focusgroep]
        trede: raadplegen
        waarom: eerst horen waar mensen vastlopen
      - instrumenten: co_creatiesessie
        waarom: dan samen ontwerpen
      - naam: Terugkoppeling en evaluatie
        waarom: laat deelnemers weten wat er met hun inbreng gebeurt, en evalueer de participatie
    reden: wie eerst luistert, ontwerpt op de echte knelpunten
    bron: Kennisknooppunt Participatie (IenW), 2024
"""


def test_een_voorbereidende_stap_wordt_op_haar_eigen_trede_beoordeeld(tmp_path: Path) -> None:
    a = advies_bij(tmp_path, COPRODUCEREN + ONTWERPROUTE, doel="inzichten", budget="laag")
    assert a.niveau.id == "coproduceren"
    # at the advice's rung the interviews fell off; the route's first step judges them at raadplegen
    assert {"diepte_interviews", "focusgroep"} <= {x.instrument.id for x in a.afgevallen}
    assert a.route is not None and a.route_noot is None
    assert stappen(a) == [["diepte_interviews", "focusgroep"], ["co_creatiesessie"], []]
    assert [s.trede for s in a.route.stappen] == ["raadplegen", None, None]
    # the ranking is the advice's own: the step's rung does not leak into it
    assert [x.instrument.id for x in a.instrumenten] == ["co_creatiesessie"] or \
        "diepte_interviews" not in {x.instrument.id for x in a.instrumenten}


def test_een_stap_op_eigen_trede_valt_nog_af_om_haar_eigen_redenen(tmp_path: Path) -> None:
    # burgerberaad belongs on no rung as low as raadplegen: the step cannot be done, and the note says so
    tekst = COPRODUCEREN + ONTWERPROUTE.replace("[diepte_interviews, focusgroep]", "burgerberaad")
    a = advies_bij(tmp_path, tekst, doel="inzichten", budget="laag")
    assert a.route is None
    assert a.route_noot is not None and "stap 1 (eerst horen waar mensen vastlopen)" in a.route_noot
    assert "Burgerberaad: past niet bij de trede raadplegen" in a.route_noot


def test_een_activiteit_heeft_een_naam_en_staat_altijd(tmp_path: Path) -> None:
    a = advies_bij(tmp_path, COPRODUCEREN + ONTWERPROUTE, doel="inzichten", budget="laag")
    assert a.route is not None
    laatste = a.route.stappen[-1]
    assert laatste.instrumenten == () and laatste.naam == "Terugkoppeling en evaluatie"
    from burgers_betrekken.kern.adviestekst import routeregel
    assert routeregel(a) == ("Aanbevolen route: 1.\u00a0Diepte-interviews of Focusgroep → 2.\u00a0Co-creatiesessie"
                             " → 3.\u00a0Terugkoppeling en evaluatie.")


def test_json_noemt_naam_en_trede_alleen_waar_ze_gelden(tmp_path: Path) -> None:
    data = advies_json(tmp_path, COPRODUCEREN + ONTWERPROUTE, "doel: inzichten\nbudget: laag\n")
    assert data["route"]["stappen"] == [
        {"instrumenten": ["diepte_interviews", "focusgroep"], "waarom": "eerst horen waar mensen vastlopen",
         "trede": "raadplegen"},
        {"instrumenten": ["co_creatiesessie"], "waarom": "dan samen ontwerpen"},
        {"instrumenten": [], "waarom": "laat deelnemers weten wat er met hun inbreng gebeurt, en evalueer de "
                                       "participatie", "naam": "Terugkoppeling en evaluatie"}]


@pytest.mark.parametrize("vervang, verwacht, plek", [
    ("      - naam: Terugkoppeling en evaluatie\n",
     "      - naam: Terugkoppeling en evaluatie\n        instrumenten: enquete\n",
     "noemt zowel 'instrumenten' als 'naam'"),
    ("        trede: raadplegen\n", "        trede: raadplegn\n", "stap 1 van route 'eerst_horen_dan_ontwerpen' "
                                                                 "noemt onbekende trede 'raadplegn'"),
    ("        trede: raadplegen\n", "        trede: informeren\n", "noemt trede 'informeren', waarop burgers geen "
                                                                   "invloed hebben"),
    ("        waarom: laat deelnemers", "        trede: raadplegen\n        waarom: laat deelnemers",
     "is een activiteit zonder instrument en kan geen 'trede' hebben"),
])
def test_een_stap_van_de_verkeerde_soort_met_plek(tmp_path: Path, vervang: str, verwacht: str, plek: str) -> None:
    assert vervang in ONTWERPROUTE
    tekst = COPRODUCEREN + ONTWERPROUTE.replace(vervang, verwacht, 1)
    with pytest.raises(ModelFout) as info:
        laad(schrijf(tmp_path, tekst))
    (p,) = info.value.problemen
    assert plek in p.bericht
    # the place is a line the change wrote (the change's lines may also occur elsewhere)
    geschreven = {nr for nr, regel in enumerate(tekst.splitlines(), start=1)
                  if regel in verwacht.splitlines() and regel not in vervang.splitlines()}
    assert p.locatie is not None and p.locatie.regel in geschreven


def test_een_stap_zonder_instrumenten_en_zonder_naam(tmp_path: Path) -> None:
    tekst = COPRODUCEREN + ONTWERPROUTE.replace("      - naam: Terugkoppeling en evaluatie\n", "      -\n")
    with pytest.raises(ModelFout) as info:
        laad(schrijf(tmp_path, tekst))
    assert any("noemt geen 'instrumenten' en geen 'naam'" in p.bericht for p in info.value.problemen)


def test_een_route_met_alleen_activiteiten_wordt_geweigerd(tmp_path: Path) -> None:
    stap = "      - naam: Terugkoppeling\n        waarom: vertel wat er gebeurt\n"
    tekst = COPRODUCEREN + ("routes:\n  r:\n    wanneer: {}\n    stappen:\n" + stap * 2 + "    reden: r\n    bron: b\n")
    with pytest.raises(ModelFout) as info:
        laad(schrijf(tmp_path, tekst))
    (p,) = info.value.problemen
    assert p.bericht == "route 'r' heeft geen stap met een instrument; noem bij minstens één stap 'instrumenten'"
    assert p.locatie is not None and p.locatie.regel == regel_van(tekst, "- naam: Terugkoppeling")


# --- a step judged with answers of its own (alsof) -------------------------------------------

MET_BUDGETREGEL = KLEIN.replace("""let_op:""", """  budget_laag:
    wanneer: {budget: laag}
    kenmerk: kosten
    waarden: [laag]
    soort: eis
    reden_afgevallen: vraagt meer geld dan een laag budget toelaat
let_op:""")

ALSOF = """\
routes:
  later_ruimer:
    wanneer: {doel: inzichten}
    stappen:
      - instrumenten: straatgesprek
        waarom: nu, met weinig geld
      - instrumenten: community_onderzoek
        alsof: {budget: hoog}
        waarom: later, als er meer geld is
      - naam: Terugkoppeling en evaluatie
        waarom: vertel deelnemers wat er met hun inbreng gebeurt
    reden: r
    bron: b
"""


def test_een_stap_met_alsof_wordt_met_die_antwoorden_beoordeeld(tmp_path: Path) -> None:
    a = advies_bij(tmp_path, MET_BUDGETREGEL + ALSOF, doel="inzichten", budget="laag")
    # for the advice community onderzoek is too expensive; the step that assumes more money keeps it
    assert "community_onderzoek" in {x.instrument.id for x in a.afgevallen}
    assert a.route is not None and stappen(a) == [["straatgesprek"], ["community_onderzoek"], []]
    assert dict(a.route.stappen[1].alsof) == {"budget": "hoog"} and not a.route.stappen[0].alsof
    zonder = advies_bij(tmp_path, MET_BUDGETREGEL + ALSOF.replace("        alsof: {budget: hoog}\n", ""),
                        doel="inzichten", budget="laag")
    assert zonder.route is None and "vraagt meer geld dan een laag budget toelaat" in zonder.route_noot
    data = advies_json(tmp_path, MET_BUDGETREGEL + ALSOF, "doel: inzichten\nbudget: laag\n")
    assert data["route"]["stappen"][1]["alsof"] == {"budget": "hoog"}
    assert "alsof" not in data["route"]["stappen"][0]


@pytest.mark.parametrize("alsof, bericht", [
    ("{budgt: hoog}", "'alsof' van stap 2 van route 'later_ruimer' noemt onbekende vraag 'budgt'"),
    ("{budget: hooog}", "'alsof' van stap 2 van route 'later_ruimer': vraag 'budget' heeft geen optie 'hooog'"),
])
def test_alsof_met_een_onbekende_vraag_of_optie_met_plek(tmp_path: Path, alsof: str, bericht: str) -> None:
    tekst = MET_BUDGETREGEL + ALSOF.replace("{budget: hoog}", alsof)
    with pytest.raises(ModelFout) as info:
        laad(schrijf(tmp_path, tekst))
    (p,) = info.value.problemen
    assert p.bericht.startswith(bericht)
    assert p.locatie is not None and p.locatie.regel == regel_van(tekst, "alsof:")


def test_een_activiteit_kan_geen_alsof_hebben(tmp_path: Path) -> None:
    tekst = MET_BUDGETREGEL + ALSOF.replace("        waarom: vertel", "        alsof: {budget: hoog}\n        waarom: vertel")
    with pytest.raises(ModelFout) as info:
        laad(schrijf(tmp_path, tekst))
    (p,) = info.value.problemen
    assert "is een activiteit zonder instrument en kan geen 'alsof' hebben" in p.bericht


def test_scherm_en_verslagen_noemen_de_eigen_trede_van_een_stap(tmp_path: Path) -> None:
    # the ranking lists the interviews as fallen off at coproduceren; the route says at which rung
    # its first step judged them
    boom = schrijf(tmp_path, COPRODUCEREN + ONTWERPROUTE)
    a = schrijf(tmp_path, "doel: inzichten\nbudget: laag\n", "a.yaml")
    eigen = "Diepte-interviews of Focusgroep (beoordeeld op de trede raadplegen)"
    r = run_bb("advies", "--boom", str(boom), "-a", str(a), cwd=tmp_path, env={**schone_env(), "COLUMNS": "200"})
    assert_geen_traceback(r)
    assert f"1. {eigen}: eerst horen waar mensen vastlopen" in r.stdout
    assert "2. Co-creatiesessie: dan samen ontwerpen" in r.stdout  # judged at the advice's rung: no note
    for soort in ("md", "html"):
        uit = tmp_path / f"v.{soort}"
        r = run_bb("advies", "--boom", str(boom), "-a", str(a), "--uitvoer", str(uit), cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert eigen in uit.read_text(encoding="utf-8")
