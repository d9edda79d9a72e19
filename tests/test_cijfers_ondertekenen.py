"""The figures of an advice an adviser signs as is (issue 24), in `bb boom paden --statistiek`: each
counted over every path of a small tree whose counts are known by hand (tests/bomen/ondertekenen.yaml
says how), the faults the engine cannot make counted on an advice made wrong on purpose, and equal
ranks below the best said in words."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.statistiek import FOUTEN, tel
from burgers_betrekken.opslag.laden import laad

from conftest import ROOT, assert_geen_traceback, run_bb

BOOM = ROOT / "tests" / "bomen" / "ondertekenen.yaml"
NIEUW = ("meebeslissen_geen_instrument", "meebeslissen_zonder_instrument", "zonder_let_op",
         "gelijk_lager_zonder_reden", "reden_tegen_trede", "beste_per_instrument", "nooit_beste",
         "nooit_beste_verklaard")


@pytest.fixture(scope="module")
def cijfers() -> dict:
    r = run_bb("boom", "paden", str(BOOM), "--statistiek", "--formaat", "json", cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def geladen():
    return laad(str(BOOM), None)


def advies_bij(geladen, **antwoorden: str) -> engine.Advies:
    boom, catalogus = geladen
    return engine.advies(boom, catalogus, antwoorden)


def test_de_boom_heeft_18_paden_alle_met_participatie(cijfers: dict) -> None:
    assert (cijfers["boom"], cijfers["paden"], cijfers["participatie"]) == ("ondertekenen", 18, 18)


# --- 1. meebeslissen without an instrument ----------------------------------------------------------


def test_meebeslissen_zonder_instrument_telt_alleen_wat_het_advies_niet_uitlegt(cijfers: dict, geladen) -> None:
    # beslissen + mandaat + laag budget: meebeslissen, both instruments at that rung too dear; the advice says so
    assert cijfers["meebeslissen_geen_instrument"] == 1
    assert cijfers["voorbeelden"]["meebeslissen_geen_instrument"] == [
        {"doel": "beslissen", "ruimte": "mandaat", "budget": "laag"}]
    assert cijfers["meebeslissen_zonder_instrument"] == 0
    assert "meebeslissen_zonder_instrument" in FOUTEN and "meebeslissen_geen_instrument" not in FOUTEN

    leeg = advies_bij(geladen, doel="beslissen", ruimte="mandaat", budget="laag")
    assert leeg.niveau.id == "meebeslissen" and not leeg.instrumenten and leeg.blokkades
    zonder_uitleg = replace(leeg, afgevallen=())  # no reason left why nothing fits
    assert zonder_uitleg.blokkades == ()
    c = tel([leeg, zonder_uitleg, advies_bij(geladen, doel="beslissen", ruimte="mandaat", budget="hoog")])
    assert (c.meebeslissen_geen_instrument, c.meebeslissen_zonder_instrument) == (2, 1)
    # an empty advice on another rung is not a meebeslissen figure
    adviseren = replace(advies_bij(geladen, doel="beslissen", ruimte="ruim", budget="laag"), instrumenten=(),
                        afgevallen=())
    assert tel([adviseren]).meebeslissen_geen_instrument == 0


# --- 2. participation without a caveat --------------------------------------------------------------


def test_zonder_let_op_telt_participatiepaden_zonder_enig_aandachtspunt(cijfers: dict, geladen) -> None:
    # 18 paths; 'meningen' on the 6 with doel inzichten, 'kaders' on the 2 at meebeslissen
    assert cijfers["zonder_let_op"] == 10 and "zonder_let_op" in FOUTEN
    met = advies_bij(geladen, doel="inzichten", ruimte="ruim", budget="laag")
    assert [lo.id for lo in met.let_op] == ["meningen"]
    assert tel([met]).zonder_let_op == 0
    assert tel([met, replace(met, let_op=())]).zonder_let_op == 1


# --- 3. the best's points shown lower -----------------------------------------------------------------


def test_gelijk_lager_zonder_reden_telt_de_punten_van_het_beste_lager_zonder_voorrang(cijfers: dict,
                                                                                      geladen) -> None:
    assert cijfers["gelijk_lager_zonder_reden"] == 0 and "gelijk_lager_zonder_reden" in FOUTEN
    # beslissen, beperkt: gesprek and ontwerptafel equal best (4 points), stil at 2 with 3
    a = advies_bij(geladen, doel="beslissen", ruimte="beperkt", budget="laag")
    assert [(x.instrument.id, x.punten, x.rang) for x in a.instrumenten] == [
        ("gesprek", 4, 1), ("ontwerptafel", 4, 1), ("stil", 3, 2)]
    gesprek, ontwerptafel, stil = a.instrumenten
    # ontwerptafel put second on equal points: with the tie-break that decided it, it is signed ...
    uitgelegd = replace(gesprek, voorrang=(engine.Reden("lagere kosten", "kosten"),))
    met_reden = replace(a, instrumenten=(uitgelegd, replace(ontwerptafel, rang=2), replace(stil, rang=3)))
    # ... without one, the best's points are demoted in silence
    stil_lager = replace(a, instrumenten=(gesprek, replace(ontwerptafel, rang=2), replace(stil, rang=3)))
    assert tel([a, met_reden]).gelijk_lager_zonder_reden == 0
    assert tel([a, met_reden, stil_lager]).gelijk_lager_zonder_reden == 1


def test_gelijke_nummers_onder_het_beste_heten_even_passend(geladen, tmp_path: Path) -> None:
    from test_weergave import plat, schrijf

    from burgers_betrekken.uitvoer import weergave

    # doel inzichten: gesprek best (5 points), ontwerptafel and stil both at 2 (3 points each)
    a = advies_bij(geladen, doel="inzichten", ruimte="ruim", budget="laag")
    assert [(x.instrument.id, x.rang) for x in a.instrumenten] == [("gesprek", 1), ("ontwerptafel", 2), ("stil", 2)]
    tekst = plat(schrijf(weergave.advies(a)))
    assert "1. Gesprek + past" in tekst
    assert "2. Ontwerptafel (even passend als Stille peiling)" in tekst
    assert "2. Stille peiling (even passend als Ontwerptafel)" in tekst
    # a number of its own says nothing
    b = advies_bij(geladen, doel="beslissen", ruimte="beperkt", budget="laag")
    assert "2. Stille peiling +" in plat(schrijf(weergave.advies(b))) and "even passend als" not in plat(
        schrijf(weergave.advies(b)))
    # the record says it too
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("doel: inzichten\nruimte: ruim\nbudget: laag\n", encoding="utf-8")
    for ext, verwacht in (("md", "2. **Ontwerptafel** (`ontwerptafel`), even passend als Stille peiling"),
                          ("html", "<strong>Ontwerptafel</strong> (even passend als Stille peiling)")):
        r = run_bb("advies", "--boom", str(BOOM), "-a", str(antwoorden), "-o", str(tmp_path / f"v.{ext}"),
                   cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert verwacht in (tmp_path / f"v.{ext}").read_text(encoding="utf-8")


# --- 4. a reason that claims the goal the ladder capped ---------------------------------------------


def test_reden_tegen_trede_telt_een_reden_die_belooft_wat_de_trede_uitsloot(cijfers: dict, geladen) -> None:
    # ontwerpen + beperkt: capped from coproduceren to raadplegen, yet "burgers ontwerpen echt mee"
    assert cijfers["reden_tegen_trede"] == 2 and "reden_tegen_trede" in FOUTEN
    assert cijfers["voorbeelden"]["reden_tegen_trede"] == [
        {"doel": "ontwerpen", "ruimte": "beperkt", "budget": "laag"},
        {"doel": "ontwerpen", "ruimte": "beperkt", "budget": "hoog"}]
    a = advies_bij(geladen, doel="ontwerpen", ruimte="beperkt", budget="laag")
    assert a.bepaling.begrensd and a.niveau.id == "raadplegen"
    assert "burgers ontwerpen echt mee" in [r.tekst for r in a.beste[0].redenen]


def test_reden_tegen_trede_telt_geen_regel_die_de_trede_kent_of_het_doel_alleen_uitsluit(geladen) -> None:
    # beslissen + beperkt: capped from adviseren to raadplegen. 'fysiek' rests on doel only under
    # `niet` (any goal but inzichten), 'online_bij_raadplegen' names the rung: neither claims the goal
    a = advies_bij(geladen, doel="beslissen", ruimte="beperkt", budget="hoog")
    assert a.bepaling.begrensd and a.niveau.id == "raadplegen"
    regels = {r.regel for x in a.instrumenten for r in x.redenen}
    assert {"fysiek", "online_bij_raadplegen"} <= regels and "doel_advies" not in regels
    assert tel([a]).reden_tegen_trede == 0
    # not capped: the goal's own reason at the goal's own rung is what was asked
    assert tel([advies_bij(geladen, doel="ontwerpen", ruimte="ruim", budget="laag")]).reden_tegen_trede == 0


# --- 5. each instrument's number of paths where it is best --------------------------------------------


def test_beste_per_instrument_telt_elk_instrument_van_de_catalogus(cijfers: dict) -> None:
    assert cijfers["beste_per_instrument"] == {"gesprek": 9, "ontwerptafel": 8, "stil": 0, "beraad": 2,
                                               "begroting": 1, "loket": 0, "archief": 0}


def test_nooit_beste_is_een_fout_tenzij_een_regel_het_overal_laat_afvallen(cijfers: dict) -> None:
    assert cijfers["nooit_beste"] == ["stil"] and "nooit_beste" in FOUTEN  # recommended, never first
    assert cijfers["nooit_beste_verklaard"] == {"loket": ["wanneer_niet"], "archief": ["trede"]}
    assert "nooit_beste_verklaard" not in FOUTEN


def test_de_tekst_toont_de_nieuwe_cijfers_en_de_tabel_per_instrument() -> None:
    r = run_bb("boom", "paden", str(BOOM), "--statistiek", cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert max(len(regel) for regel in r.stdout.splitlines()) <= 80
    for omschrijving, aantal in (("meebeslissen zonder passend instrument", 1), ("participatie zonder enig", 10),
                                 ("reden die het doel belooft dat de trede", 2),
                                 ("instrument met de punten van het beste lager", 0),
                                 ("instrument nergens het beste, zonder regel", 1),
                                 ("instrument nergens het beste, verklaard", 2)):
        assert re.search(rf"^ {re.escape(omschrijving)}.* {aantal} *$", r.stdout, flags=re.M), omschrijving
    assert re.search(r"^ gesprek +9 *$", r.stdout, flags=re.M) and re.search(r"^ stil +0 *$", r.stdout, flags=re.M)
    tekst = " ".join(r.stdout.split())
    assert "Nergens het beste, en geen regel die dat verklaart: stil" in tekst
    assert "door zijn eigen 'wanneer niet': loket" in tekst and "door regel 'trede': archief" in tekst


# --- the shipped trees ------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", ["rijksoverheid", "uitvoeringsorganisatie"])
def test_de_cijfers_van_de_meegeleverde_bomen_worden_berekend(naam: str, tmp_path: Path) -> None:
    r = run_bb("boom", "paden", naam, "--statistiek", "--formaat", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert_geen_traceback(r)
    c = json.loads(r.stdout)
    assert all(k in c for k in NIEUW)
    _, catalogus = laad(naam, None)
    beste = c["beste_per_instrument"]
    assert list(beste) == [i.id for i in catalogus.instrumenten]
    # every path with an instrument has at least one best
    assert sum(beste.values()) >= c["participatie"] - c["zonder_instrument"]
    nooit = {i for i, n in beste.items() if n == 0}
    assert nooit == set(c["nooit_beste"]) | set(c["nooit_beste_verklaard"])
    assert 0 <= c["meebeslissen_zonder_instrument"] <= c["meebeslissen_geen_instrument"] <= c["zonder_instrument"]
    assert 0 <= c["reden_tegen_trede"] <= c["participatie"] and 0 <= c["zonder_let_op"] <= c["participatie"]
    assert c["gelijk_lager_zonder_reden"] == 0  # the engine states every tie-break it applies
    tekst = run_bb("boom", "paden", naam, "--statistiek", cwd=tmp_path)
    assert tekst.returncode == 0 and "Op hoeveel paden is elk instrument het beste?" in tekst.stdout
