"""The authoring commands on the installed `bb`: init → edit → valideer → test, scenario results
and coverage, every path, and the tree as a Rich tree, a graph and a document."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_geen_traceback

KLEIN = Path(__file__).parent / "bomen" / "klein.yaml"

SCENARIOS_KLEIN = """\
boom: klein.yaml
scenarios:
  inzichten_laag:
    omschrijving: Inzichten met weinig geld
    antwoorden: {doel: inzichten, budget: laag}
    verwacht:
      niveau: raadplegen
      participatie: true
      geen_let_op: [geen_participatie]
"""


def _klein_met_scenarios(map_: Path, scenarios: str = SCENARIOS_KLEIN) -> Path:
    (map_ / "klein.yaml").write_text(KLEIN.read_text(encoding="utf-8"), encoding="utf-8")
    pad = map_ / "klein.tests.yaml"
    pad.write_text(scenarios, encoding="utf-8")
    return pad


# --- bb init ---------------------------------------------------------------------------------


def test_init_bewerken_valideren_testen(bb, tmp_path: Path) -> None:
    uit = bb("init", "mijn-boom", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    map_ = tmp_path / "mijn-boom"
    assert sorted(p.name for p in map_.iterdir()) == ["LEESMIJ.md", "boom.tests.yaml", "boom.yaml",
                                                       "instruments.yaml", "schema"]
    for naam, soort in [("boom.yaml", "boom"), ("instruments.yaml", "catalogus"), ("boom.tests.yaml", "scenarios")]:
        eerste = (map_ / naam).read_text(encoding="utf-8").splitlines()[0]
        assert eerste == f"# yaml-language-server: $schema=./schema/{soort}.schema.json"
        assert json.loads((map_ / "schema" / f"{soort}.schema.json").read_text())["$schema"].endswith("2020-12/schema")
    leesmij = (map_ / "LEESMIJ.md").read_text(encoding="utf-8")
    assert "bb boom valideer" in leesmij and "bb boom test" in leesmij and "bb advies --boom" in leesmij

    # A policy adviser renames the tree and changes a label: still valid, scenarios still pass.
    boom = map_ / "boom.yaml"
    boom.write_text(boom.read_text(encoding="utf-8").replace("id: rijksoverheid", "id: mijn_ministerie")
                    .replace("label: Evaluatie", "label: Evaluatie van beleid"), encoding="utf-8")
    uit = bb("boom", "valideer", "boom.yaml", "instruments.yaml", "boom.tests.yaml", cwd=map_)
    assert uit.returncode == 0, uit.stdout
    assert "✓ boom.yaml: beslisboom in orde" in uit.stdout
    uit = bb("boom", "test", "boom.tests.yaml", cwd=map_)
    assert uit.returncode == 0, uit.stdout
    assert "voor boom 'mijn_ministerie'" in uit.stdout and " 0 mislukt" in uit.stdout

    # The tree names its own catalogue: an instrument removed from it shows up in the advice.
    catalogus = map_ / "instruments.yaml"
    tekst = catalogus.read_text(encoding="utf-8")
    catalogus.write_text(tekst.replace("naam: Burgerberaad", "naam: Burgerberaad (eigen catalogus)"), encoding="utf-8")
    uit = bb("advies", "--boom", "boom.yaml", "--antwoorden", str(ROOT / "examples" / "boa-bestel.yaml"), cwd=map_)
    assert uit.returncode == 0, uit.stderr
    assert "Burgerberaad (eigen catalogus)" in uit.stdout

    # Then breaks the flow: valideer points at the line, test refuses to run.
    boom.write_text(boom.read_text(encoding="utf-8").replace("volgende: budget", "volgende: budgt"), encoding="utf-8")
    regel = next(n for n, r in enumerate(boom.read_text(encoding="utf-8").splitlines(), 1) if "budgt" in r)
    uit = bb("boom", "valideer", "boom.yaml", cwd=map_)
    assert uit.returncode == 1
    assert f"boom.yaml:{regel}:15: fout: 'volgende' van vraag 'doelgroep' verwijst naar onbekende vraag " \
           f"'budgt'; bedoelde u 'budget'?" in uit.stdout
    uit = bb("boom", "test", "boom.tests.yaml", cwd=map_)
    assert uit.returncode == 2 and "budgt" in uit.stderr
    assert_geen_traceback(uit)


def test_init_overschrijft_niets(bb, tmp_path: Path) -> None:
    bestaand = tmp_path / "bestaand"
    bestaand.mkdir()
    (bestaand / "notities.txt").write_text("van mij", encoding="utf-8")
    uit = bb("init", "bestaand", cwd=tmp_path)
    assert uit.returncode == 2
    assert "bestaat al en is niet leeg" in uit.stderr
    assert [p.name for p in bestaand.iterdir()] == ["notities.txt"]
    assert_geen_traceback(uit)


def test_init_met_de_tweede_boom(bb, tmp_path: Path) -> None:
    uit = bb("init", "uitvoering", "--boom", "uitvoeringsorganisatie", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert "id: uitvoeringsorganisatie" in (tmp_path / "uitvoering" / "boom.yaml").read_text(encoding="utf-8")
    assert bb("boom", "test", "uitvoering/boom.yaml", cwd=tmp_path).returncode == 0


# --- bb boom test --------------------------------------------------------------------------------


@pytest.mark.parametrize("bestand", ["trees/rijksoverheid.tests.yaml", "trees/uitvoeringsorganisatie.yaml",
                                     "uitvoeringsorganisatie"])
def test_de_meegeleverde_scenarios_slagen_en_dekken_elke_optie(bb, bestand: str) -> None:
    uit = bb("boom", "test", bestand, cwd=ROOT)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert " 0 mislukt" in uit.stdout
    opties = re.search(r"Opties: (\d+) van (\d+) gebruikt", uit.stdout)
    assert opties and opties.group(1) == opties.group(2)
    routes = re.search(r"Routes \(volgordes van vragen\): (\d+) van (\d+) gedekt", uit.stdout)
    assert routes and routes.group(1) == routes.group(2)


def test_een_mislukt_scenario_toont_het_verschil_op_zijn_plek(bb, tmp_path: Path) -> None:
    _klein_met_scenarios(tmp_path, SCENARIOS_KLEIN.replace("niveau: raadplegen", "niveau: adviseren"))
    uit = bb("boom", "test", "klein.tests.yaml", cwd=tmp_path)
    assert uit.returncode == 1
    assert "✗ inzichten_laag — Inzichten met weinig geld" in uit.stdout
    assert "      klein.tests.yaml:7:15: niveau\n        verwacht: adviseren\n        gekregen: raadplegen\n" in uit.stdout
    assert "1 geslaagd" not in uit.stdout and "0 geslaagd, 1 mislukt" in uit.stdout


def test_dekking_noemt_ongebruikte_opties_en_routes(bb, tmp_path: Path) -> None:
    _klein_met_scenarios(tmp_path)
    uit = bb("boom", "test", "klein.yaml", cwd=tmp_path)
    assert uit.returncode == 0, uit.stdout
    assert "Opties: 2 van 4 gebruikt" in uit.stdout
    assert "niet gebruikt: doel=informeren (Informeren)" in uit.stdout
    assert "niet gebruikt: budget=hoog (Hoog)" in uit.stdout
    assert "Routes (volgordes van vragen): 1 van 2 gedekt" in uit.stdout
    assert "niet gedekt: doel → advies" in uit.stdout and "bijvoorbeeld: doel=informeren" in uit.stdout
    assert "Paden (combinaties van antwoorden): 1 van 3 paden gedekt (33,3%)" in uit.stdout


@pytest.mark.parametrize("van, naar, melding", [
    ("niveau: raadplegen", "niveau: raadpleeg", "klein.tests.yaml:7:15: fout: scenario 'inzichten_laag': "
     "onbekende trede 'raadpleeg'; bedoelde u 'raadplegen'?"),
    ("budget: laag}", "budgt: laag}", "klein.tests.yaml:5:35: fout: scenario 'inzichten_laag': onbekende vraag "
     "'budgt'; bedoelde u 'budget'?"),
    ("budget: laag}", "budget: weinig}", "scenario 'inzichten_laag': vraag 'budget' heeft geen optie 'weinig'"),
    ("geen_let_op: [geen_participatie]", "geen_let_op: [geen_participatie, geen]",
     "onbekend aandachtspunt 'geen'"),
    ("      participatie: true\n", "      participatie: ja\n", "'participatie' van 'verwacht' van scenario "
     "'inzichten_laag' moet true of false zijn"),
    ("    omschrijving:", "    omschrijvng:", "onbekende sleutel 'omschrijvng' in scenario 'inzichten_laag'; "
     "bedoelde u 'omschrijving'?"),
])
def test_een_kapot_scenariobestand_is_exitcode_2_met_plek(bb, tmp_path: Path, van: str, naar: str,
                                                          melding: str) -> None:
    assert van in SCENARIOS_KLEIN
    _klein_met_scenarios(tmp_path, SCENARIOS_KLEIN.replace(van, naar))
    uit = bb("boom", "test", "klein.tests.yaml", cwd=tmp_path)
    assert uit.returncode == 2, uit.stdout
    assert melding in uit.stderr
    assert_geen_traceback(uit)


def test_een_boom_zonder_scenariobestand(bb, tmp_path: Path) -> None:
    (tmp_path / "klein.yaml").write_text(KLEIN.read_text(encoding="utf-8"), encoding="utf-8")
    uit = bb("boom", "test", "klein.yaml", cwd=tmp_path)
    assert uit.returncode == 2 and "geen scenariobestand gevonden: klein.tests.yaml" in uit.stderr


# --- bb boom paden / toon / graaf / document -------------------------------------------------------


def test_paden_als_json_geeft_elk_pad_met_zijn_advies(bb) -> None:
    uit = bb("boom", "paden", str(KLEIN), "--formaat", "json", cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    paden = json.loads(uit.stdout)
    assert [p["antwoorden"] for p in paden] == [
        {"doel": "inzichten", "budget": "laag"}, {"doel": "inzichten", "budget": "hoog"}, {"doel": "informeren"}]
    assert [p["niveau"] for p in paden] == ["raadplegen", "raadplegen", "informeren"]
    assert paden[2]["participatie"] is False and paden[2]["let_op"] == ["geen_participatie"]
    assert paden[0]["instrumenten"] and paden[2]["instrumenten"] == []
    # the small tree has one rule, so every instrument at the rung is equally fit: all are 'beste'
    assert paden[0]["beste"] == paden[0]["instrumenten"] and "focusgroep" in paden[0]["beste"]
    assert paden[2]["beste"] == []


def test_paden_statistiek(bb) -> None:
    uit = bb("boom", "paden", str(KLEIN), "--statistiek", "--formaat", "json", cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    cijfers = json.loads(uit.stdout)
    verwacht = {
        "boom": "klein", "paden": 3, "participatie": 2, "zonder_instrument": 0, "zonder_uitleg": 0, "gelijk": 2,
        "tegen_wanneer_niet": 0, "instrument_zonder_participatie": 0, "zonder_onderscheid": 0, "met_route": 0,
        "route_met_afgevallen": 0, "wat_als_minder": 0, "langste_pad": 2}
    assert {k: cijfers[k] for k in verwacht} == verwacht  # the figures of issue 24: test_cijfers_ondertekenen
    assert cijfers["voorbeelden"]["gelijk"] == [{"doel": "inzichten", "budget": "laag"},
                                                {"doel": "inzichten", "budget": "hoog"}]
    tabel = bb("boom", "paden", str(KLEIN), "--statistiek", cwd=ROOT)
    assert tabel.returncode == 0, tabel.stderr
    assert tabel.stdout.startswith("Paden door boom 'klein'")
    assert re.search(r"beste instrumenten even passend .* 2 *$", tabel.stdout, flags=re.M)
    assert max(len(r) for r in tabel.stdout.splitlines()) <= 80


@pytest.mark.parametrize("boom", ["rijksoverheid", "uitvoeringsorganisatie"])
def test_de_meegeleverde_bomen_geven_nergens_een_fout_advies(bb, boom: str) -> None:
    uit = bb("boom", "paden", boom, "--statistiek", "--formaat", "json", cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    cijfers = json.loads(uit.stdout)
    assert cijfers["paden"] > cijfers["participatie"] > 0
    fouten = {k: cijfers[k] for k in ("zonder_uitleg", "tegen_wanneer_niet", "instrument_zonder_participatie",
                                      "zonder_onderscheid")}
    assert fouten == dict.fromkeys(fouten, 0), cijfers["voorbeelden"]


def test_paden_als_tabel_past_in_80_kolommen(bb) -> None:
    uit = bb("boom", "paden", cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.rstrip().endswith("5204 paden door boom 'rijksoverheid'.")
    assert max(len(r) for r in uit.stdout.splitlines()) <= 80
    assert "…" not in uit.stdout  # nothing cut off
    assert "let op: informeren_geen_participatie" in uit.stdout
    # each instrument with its rank: path 2 ranks the enquête first and the straatgesprek second
    rij = re.search(r"^ +2 .*?\n *\n", uit.stdout, flags=re.M | re.S)
    assert rij and re.search(r" 1\. enquete *\n.* 2\. straatgesprek *\n", rij.group(0)), rij


def test_paden_van_een_grote_boom_worden_begrensd(bb) -> None:
    uit = bb("boom", "paden", "--hoogstens", "2", "--formaat", "json", cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    paden = json.loads(uit.stdout)
    assert len(paden) == 2
    assert "de boom heeft 5204 paden; alleen de eerste 2 worden getoond" in uit.stderr
    assert paden[0]["participatie"] is False and paden[0]["beste"] == paden[0]["instrumenten"] == []
    assert paden[1]["participatie"] is True and paden[1]["beste"] == paden[1]["instrumenten"][:1]


def test_toon_laat_elke_vraag_en_optie_zien(bb) -> None:
    uit = bb("boom", "toon", str(KLEIN), cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.splitlines() == [
        "Kleine boom  (klein 1.0)",
        "├── 1. Wat is het doel?  [doel]",
        "│   ├── Inzichten ophalen [inzichten] → 2. budget",
        "│   └── Informeren [informeren] → advies",
        "└── 2. Hoeveel budget is er?  [budget]",
        "    ├── Laag [laag] → advies",
        "    └── Hoog [hoog] → advies",
    ]


@pytest.mark.parametrize("args, begin", [
    ([], "flowchart TD"),
    (["--formaat", "dot"], "digraph beslisboom {"),
])
def test_graaf(bb, args: list[str], begin: str) -> None:
    uit = bb("boom", "graaf", "uitvoeringsorganisatie", *args, cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.startswith(begin)
    assert "Waar gaat uw traject over?" in uit.stdout


def test_graaf_met_een_onbekend_formaat(bb) -> None:
    uit = bb("boom", "graaf", "--formaat", "png", cwd=ROOT)
    assert uit.returncode == 2 and "onbekend formaat 'png'" in uit.stderr


def test_document(bb) -> None:
    uit = bb("boom", "document", cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    assert "## Vraag 1: In welke fase zit uw traject?" in uit.stdout


def test_advies_met_de_tweede_boom_bij_naam_en_bij_pad(bb, tmp_path: Path) -> None:
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("verandering: informeren\n", encoding="utf-8")
    for boom in ("uitvoeringsorganisatie", str(ROOT / "trees" / "uitvoeringsorganisatie.yaml")):
        uit = bb("advies", "--boom", boom, "--antwoorden", str(antwoorden), "--formaat", "json", cwd=tmp_path)
        assert uit.returncode == 0, uit.stderr
        data = json.loads(uit.stdout)
        assert data["boom"]["id"] == "uitvoeringsorganisatie" and data["participatie"] is False


def test_een_scenariobestand_bij_een_ontbrekende_boom(bb, tmp_path: Path) -> None:
    scenarios = tmp_path / "weg.tests.yaml"
    scenarios.write_text("boom: bestaat-niet.yaml\nscenarios:\n  een:\n    omschrijving: x\n    antwoorden: {doel: informeren}\n"
                         "    verwacht: {niveau: informeren}\n", encoding="utf-8")
    uit = bb("boom", "test", str(scenarios), cwd=tmp_path)
    assert uit.returncode == 2
    assert f"de beslisboom van dit scenariobestand bestaat niet: {tmp_path / 'bestaat-niet.yaml'}" in uit.stderr
