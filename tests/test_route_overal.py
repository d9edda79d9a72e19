"""The route on every surface that explains or shows a tree or an advice (issue 23): `bb uitleg`
says which route, why it fits and its steps, `bb boom document` lists each route, `bb boom verschil`
counts the paths whose route changed, and the web page shows the route where `bb advies` does.
The tree is tests/bomen/routes.yaml: a route with a choice, one with a step judged at its own rung
and an activity, and a path where a route fits but a step cannot be done."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from burgers_betrekken.kern import adviestekst, engine
from burgers_betrekken.kern.paden import paden
from burgers_betrekken.opslag.laden import laad
from burgers_betrekken.toepassing import website
from burgers_betrekken.uitvoer.website import pagina

from conftest import ROOT, assert_geen_traceback, run_bb
from tests.test_website import _lees, _toegankelijk

BOOM = ROOT / "tests" / "bomen" / "routes.yaml"
TEKST = BOOM.read_text(encoding="utf-8")
ONTWERPEN = {"doel": "ontwerpen", "budget": "laag"}
"""Route eerst_horen_dan_ontwerpen: a choice judged at raadplegen, co-creation, then an activity."""
NOOT = {"doel": "ontwerpen", "budget": "hoog"}
"""Route breed_dan_ontwerpen fits, but its survey falls off at coproduceren: no route, a note."""
INFORMEREN = {"doel": "informeren"}


def schrijf(tmp_path: Path, tekst: str, naam: str) -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def bb(tmp_path: Path, *args: str) -> str:
    r = run_bb(*args, cwd=tmp_path)
    assert_geen_traceback(r)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def antwoorden(tmp_path: Path, waarden: dict[str, str]) -> str:
    return str(schrijf(tmp_path, json.dumps(waarden), "a.json"))


def plat(tekst: str) -> str:
    """Text as one line of words: wrapping at 80 columns does not count."""
    return " ".join(tekst.split())


# --- bb uitleg --------------------------------------------------------------------------------


def test_uitleg_noemt_de_route_waarom_ze_past_haar_stappen_reden_en_bron(tmp_path: Path) -> None:
    uit = bb(tmp_path, "uitleg", "--boom", str(BOOM), antwoorden(tmp_path, ONTWERPEN))
    regels = uit.splitlines()
    kop = [n for n, r in enumerate(regels) if r.startswith(("De trede ─", "De route ─", "Instrumenten ─"))]
    assert [regels[n].split(" ─")[0] for n in kop] == ["De trede", "De route", "Instrumenten"]  # between rung and instruments
    route = "\n".join(regels[kop[1]:kop[2]])
    assert adviestekst.ROUTE_PAST in route
    # why it fits: the answers its condition looked at, as the rules are explained
    assert re.findall(r"omdat (.*)", route) == ["Wat is het doel? → Samen ontwerpen", "Hoeveel budget is er? → Laag",
                                                "Trede van het advies → Coproduceren"]
    stappen = plat(route)
    assert ("1. Diepte-interviews of Focusgroep (op de trede raadplegen): eerst horen waar mensen vastlopen "
            "2. Co-creatiesessie: dan samen ontwerpen 3. Terugkoppeling en evaluatie: laat deelnemers") in stappen
    assert "Waarom: wie eerst luistert, ontwerpt op de echte knelpunten" in stappen
    assert "Bron: Kennisknooppunt Participatie (IenW), 2024" in stappen
    assert all(len(r) <= 80 for r in regels)
    # a wrapped step hangs under its text, not under its number
    assert re.search(r"^  1\. Diepte-interviews.*\n     \S", route, re.M)


def test_uitleg_laat_een_lang_antwoord_onder_zijn_tekst_doorlopen(tmp_path: Path) -> None:
    lang = "Samen ontwerpen met de mensen die de dienst elke dag gebruiken, van het begin tot het eind"
    boom = schrijf(tmp_path, TEKST.replace("label: Samen ontwerpen", f"label: {lang}"), "boom.yaml")
    uit = bb(tmp_path, "uitleg", "--boom", str(boom), antwoorden(tmp_path, ONTWERPEN))
    route = uit[uit.index("De route ─"):uit.index("Instrumenten ─")]
    regel = re.search(r"^    omdat Wat is het doel\? → .*\n(.*)\n", route, re.M)
    assert regel is not None and regel[1].startswith(" " * 10) and regel[1].strip() in lang  # hangs under the text
    assert all(len(r) <= 80 for r in uit.splitlines())


def test_uitleg_zonder_passende_route_noemt_de_route_die_bijna_paste(tmp_path: Path) -> None:
    uit = bb(tmp_path, "uitleg", "--boom", str(BOOM), antwoorden(tmp_path, NOOT))
    route = plat(uit[uit.index("De route ─"):uit.index("Instrumenten ─")])
    assert ("Een route past bij uw antwoorden, maar stap 1 (eerst breed peilen) kan niet: Enquête: past niet bij "
            "de trede coproduceren.") in route
    assert adviestekst.ROUTE_PAST not in uit
    zonder = bb(tmp_path, "uitleg", "--boom", str(BOOM), antwoorden(tmp_path, INFORMEREN))
    assert "De route" not in zonder  # no participation: no route, nothing to explain


def test_uitleg_als_json_en_in_het_json_verslag(tmp_path: Path) -> None:
    data = json.loads(bb(tmp_path, "uitleg", "--boom", str(BOOM), antwoorden(tmp_path, ONTWERPEN), "-f", "json"))
    assert data["route"] == {
        "grond": {"regel": "eerst_horen_dan_ontwerpen", "effect": "past",
                  "tekst": "wie eerst luistert, ontwerpt op de echte knelpunten",
                  "antwoorden": [["Wat is het doel?", "Samen ontwerpen"], ["Hoeveel budget is er?", "Laag"],
                                 ["Trede van het advies", "Coproduceren"]],
                  "kenmerk": None},
        "stappen": [
            {"naam": "Diepte-interviews of Focusgroep", "instrumenten": ["diepte_interviews", "focusgroep"],
             "waarom": "eerst horen waar mensen vastlopen", "trede": "Raadplegen"},
            {"naam": "Co-creatiesessie", "instrumenten": ["co_creatiesessie"], "waarom": "dan samen ontwerpen",
             "trede": None},
            {"naam": "Terugkoppeling en evaluatie", "instrumenten": [],
             "waarom": "laat deelnemers weten wat er met hun inbreng gebeurt, en evalueer de participatie",
             "trede": None}],
        "bron": "Kennisknooppunt Participatie (IenW), 2024"}
    assert data["route_noot"] is None
    # the record carries the same explanation, and bb uitleg reads the record back
    bb(tmp_path, "advies", "--boom", str(BOOM), "-a", antwoorden(tmp_path, ONTWERPEN), "--uitvoer", "v.json")
    verslag = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert verslag["uitleg"] == data
    uit_verslag = bb(tmp_path, "uitleg", "--boom", str(BOOM), "v.json")
    assert "1. Diepte-interviews of Focusgroep (op de trede raadplegen)" in plat(uit_verslag)
    noot = json.loads(bb(tmp_path, "uitleg", "--boom", str(BOOM), antwoorden(tmp_path, NOOT), "-f", "json"))
    assert noot["route"] is None and noot["route_noot"].startswith("Een route past bij uw antwoorden, maar stap 1")


# --- bb boom document -------------------------------------------------------------------------


def test_document_noemt_elke_route_met_voorwaarde_stappen_reden_en_bron(tmp_path: Path) -> None:
    uit = bb(tmp_path, "boom", "document", str(BOOM))
    assert uit.index("## Instrumentregels") < uit.index("## Routes") < uit.index("## Aandachtspunten")
    routes = uit[uit.index("## Routes"):uit.index("## Aandachtspunten")]
    assert "Wanneer: *Wat is het doel?* = Inzichten ophalen\n" in routes  # one or two parts: a sentence
    assert re.findall(r"^### Route `(\w+)`$", routes, re.M) == [
        "breed_diep", "goedkoop", "breed_dan_ontwerpen", "eerst_horen_dan_ontwerpen"]  # in order: the first counts
    laatste = routes[routes.index("### Route `eerst_horen_dan_ontwerpen`"):]
    # a condition of more than two parts is a list
    assert ("Wanneer al deze voorwaarden gelden:\n\n- *Wat is het doel?* = Samen ontwerpen\n"
            "- *Hoeveel budget is er?* = Laag\n- de trede = coproduceren\n\n"
            "1. **Diepte-interviews** of **Focusgroep** (`diepte_interviews`, `focusgroep`), op de trede "
            "**Raadplegen**: eerst horen waar mensen vastlopen\n"
            "2. **Co-creatiesessie** (`co_creatiesessie`): dan samen ontwerpen\n"
            "3. **Terugkoppeling en evaluatie** (geen instrument): laat deelnemers weten wat er met hun inbreng "
            "gebeurt, en evalueer de participatie\n\n"
            "- Waarom: wie eerst luistert, ontwerpt op de echte knelpunten\n"
            "- Bron: Kennisknooppunt Participatie (IenW), 2024\n") in laatste
    klein = bb(tmp_path, "boom", "document", str(ROOT / "tests" / "bomen" / "klein.yaml"))
    assert "## Routes" in klein and "Deze beslisboom heeft geen routes." in klein


def test_document_zet_de_tekst_van_een_route_letterlijk(tmp_path: Path) -> None:
    boom = schrijf(tmp_path, TEKST.replace("reden: breed en dan diep geeft cijfers en verhalen",
                                           "reden: '*breed* | dan `diep` <b>'"), "boom.yaml")
    uit = bb(tmp_path, "boom", "document", str(boom))
    assert r"- Waarom: \*breed\* \| dan \`diep\` \<b\>" in uit  # no emphasis, table cell or code span


# --- bb boom verschil -------------------------------------------------------------------------


def _verschil(tmp_path: Path, nieuw: str, *opties: str) -> str:
    return bb(tmp_path, "boom", "verschil", str(BOOM), str(schrijf(tmp_path, nieuw, "nieuw.yaml")), *opties)


ZONDER_GOEDKOOP = TEKST[:TEKST.index("  goedkoop:")] + TEKST[TEKST.index("  breed_dan_ontwerpen:"):]
ZONDER_GOEDKOOP = ZONDER_GOEDKOOP.replace("[focusgroep, diepte_interviews]", "focusgroep")
"""The tree without route goedkoop, and with only focus groups in breed_diep's second step."""


def test_verschil_telt_de_paden_met_een_andere_route_met_voorbeelden(tmp_path: Path) -> None:
    uit = _verschil(tmp_path, ZONDER_GOEDKOOP)
    assert "Bij 2 paden daarvan verandert het advies." in uit
    blok = uit[uit.index("Andere aanbevolen route: 2 paden"):uit.index("Hoe vaak elk advies uitkomt")]
    assert "- doel=inzichten, budget=laag\n  was: goedkoop (straatgesprek → enquete); wordt: geen route\n" in blok
    # the same route with other standing instruments is another route for that path
    assert ("was: breed_diep (enquete → focusgroep of diepte_interviews → (activiteit)); wordt: breed_diep "
            "(enquete → focusgroep → (activiteit))") in plat(blok)
    assert all(len(r) <= 80 for r in uit.splitlines())
    verdeling = plat(uit[uit.index("Hoe vaak elk advies uitkomt"):])
    assert "route: geen route 2 → 3" in verdeling and "route: goedkoop 1 → 0" in verdeling
    md = _verschil(tmp_path, ZONDER_GOEDKOOP, "--formaat", "md")
    assert "### Andere aanbevolen route: 2 paden" in md and "| route: goedkoop | 1 | 0 |" in md


def test_verschil_als_json_draagt_de_route(tmp_path: Path) -> None:
    data = json.loads(_verschil(tmp_path, ZONDER_GOEDKOOP, "--formaat", "json"))
    assert data["veranderd"]["route"] == 2 and data["veranderd"]["beste"] == 0
    (goedkoop, breed) = data["voorbeelden"]["route"]
    assert goedkoop["antwoorden"] == {"doel": "inzichten", "budget": "laag"}
    assert goedkoop["oud"]["route"] == {"id": "goedkoop", "stappen": [["straatgesprek"], ["enquete"]]}
    assert goedkoop["nieuw"]["route"] is None
    assert breed["oud"]["route"]["stappen"] == [["enquete"], ["focusgroep", "diepte_interviews"], []]
    assert breed["nieuw"]["route"] == {"id": "breed_diep", "stappen": [["enquete"], ["focusgroep"], []]}
    assert data["routes"]["goedkoop"] == {"oud": 1, "nieuw": 0} and data["routes"][""] == {"oud": 2, "nieuw": 3}


def test_verschil_ziet_een_andere_volgorde_van_routes_op_de_paden(tmp_path: Path) -> None:
    # both routes fit inzichten with a high budget: the first in the file counts
    goedkoop = TEKST[TEKST.index("  goedkoop:"):TEKST.index("  breed_dan_ontwerpen:")]
    omgedraaid = TEKST.replace(goedkoop, "").replace("routes:\n", "routes:\n" + goedkoop)
    data = json.loads(_verschil(tmp_path, omgedraaid, "--formaat", "json"))
    assert data["veranderd"]["route"] == 1
    (pad,) = data["voorbeelden"]["route"]
    assert pad["antwoorden"] == {"doel": "inzichten", "budget": "hoog"}
    assert (pad["oud"]["route"]["id"], pad["nieuw"]["route"]["id"]) == ("breed_diep", "goedkoop")
    gelijk = json.loads(_verschil(tmp_path, TEKST, "--formaat", "json"))
    assert gelijk["veranderd"]["route"] == 0 and gelijk["voorbeelden"]["route"] == []


# --- the web page -----------------------------------------------------------------------------


def test_de_pagina_heeft_per_pad_de_route_van_de_engine() -> None:
    boom, catalogus = laad(BOOM, None)
    data = website.gegevens(boom, catalogus)
    routes = {}
    for pad in paden(boom, weet_niet=True):
        a = engine.advies(boom, catalogus, dict(pad))
        sleutel = ".".join(str(boom.vraag(v).optie_ids.index(o)) for v, o in pad)
        opgeslagen = _lees(data["tabel"], data["adviezen"][sleutel])
        route = opgeslagen["route"]
        assert (route and route["regel"]) == adviestekst.routeregel(a)
        assert opgeslagen["route_noot"] == a.route_noot
        routes[tuple(o for _, o in pad)] = route
    ontwerpen = routes[("ontwerpen", "laag")]
    assert [(s["naam"], s["trede"]) for s in ontwerpen["stappen"]] == [
        ("Diepte-interviews of Focusgroep", "Raadplegen"), ("Co-creatiesessie", None), ("Terugkoppeling en evaluatie", None)]
    assert ontwerpen["reden"] == "wie eerst luistert, ontwerpt op de echte knelpunten"
    assert routes[("ontwerpen", "hoog")] is None and routes[("informeren",)] is None


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    from tests.browser import Browser

    b = Browser(tmp_path / "profiel", breedte=320, hoogte=640)
    yield b
    b.sluit()


def _advies_op_de_pagina(b: Any, keuzes: dict[str, str]) -> None:
    for vraag in ("doel", "budget"):
        if vraag in keuzes:
            b.js(f"document.querySelector('input[value=\"{keuzes[vraag]}\"]').click();"
                 " document.getElementById('volgende').click()")
    b.js("document.getElementById('toon-advies').click()")
    assert b.js("document.querySelector('h1').textContent") == "Advies"


def _pagina(tmp_path: Path, tekst: str = TEKST) -> Path:
    boom = schrijf(tmp_path, tekst, "boom.yaml")
    pad = tmp_path / "pagina.html"
    pad.write_text(pagina(website.gegevens(*laad(boom, None))), encoding="utf-8")
    return pad


def test_de_pagina_toont_de_route_boven_de_rangorde(tmp_path: Path, browser: Any) -> None:
    # a text with markup in it stays text on the page
    browser.open(_pagina(tmp_path, TEKST.replace("reden: wie eerst luistert,", "reden: <b>wie</b> eerst luistert,"))
                 .as_uri())
    _advies_op_de_pagina(browser, ONTWERPEN)
    getoond = browser.js("""(() => ({
        kop: [...document.querySelectorAll('#advies-kop p')].map(p => p.id),
        regel: document.getElementById('advies-route').textContent,
        koppen: [...document.querySelectorAll('h2')].map(h => h.textContent),
        stappen: [...document.querySelectorAll('#route > li')].map(li => li.textContent),
        na: [...document.querySelectorAll('#route ~ p')].map(p => p.textContent),
        vet: document.querySelectorAll('main b').length,
    }))()""")
    assert getoond["kop"][:3] == ["advies-trede", "advies-route", "advies-kopregel"]  # the route before the ranking
    assert getoond["regel"] == ("Aanbevolen route: 1.\u00a0Diepte-interviews of Focusgroep → 2.\u00a0Co-creatiesessie"
                                " → 3.\u00a0Terugkoppeling en evaluatie.")
    koppen = getoond["koppen"]
    assert koppen.index("Aanbevolen route") < koppen.index("Passende instrumenten")
    assert getoond["stappen"] == [
        "Diepte-interviews of Focusgroep (beoordeeld op de trede raadplegen): eerst horen waar mensen vastlopen",
        "Co-creatiesessie: dan samen ontwerpen",
        "Terugkoppeling en evaluatie: laat deelnemers weten wat er met hun inbreng gebeurt, en evalueer de participatie"]
    assert getoond["na"][:3] == ["Waarom: <b>wie</b> eerst luistert, ontwerpt op de echte knelpunten",
                                 "Bron: Kennisknooppunt Participatie (IenW), 2024", adviestekst.ROUTE_ALTERNATIEF]
    assert getoond["vet"] == 0
    _toegankelijk(browser, 320, "advies met een route")


def test_de_pagina_noemt_de_route_die_niet_kan_en_zonder_route_niets(tmp_path: Path, browser: Any) -> None:
    pad = _pagina(tmp_path)
    browser.open(pad.as_uri())
    _advies_op_de_pagina(browser, NOOT)
    assert browser.js("document.getElementById('advies-route')") is None
    assert browser.js("document.getElementById('route-noot').previousElementSibling.textContent") == "Aanbevolen route"
    assert browser.js("document.getElementById('route-noot').textContent").startswith(
        "Een route past bij uw antwoorden, maar stap 1 (eerst breed peilen) kan niet: Enquête")
    browser.js("document.getElementById('opnieuw').click()")
    _advies_op_de_pagina(browser, INFORMEREN)
    assert browser.js("[...document.querySelectorAll('h2')].some(h => h.textContent === 'Aanbevolen route')") is False
