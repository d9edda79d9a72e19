"""The promise to participants and the provisional advice (issue 24, "caveats on every rung").

A tree may declare `beloftes:` (id → wanneer, tekst, bron): the first that fits replaces the
ladder's generic promise in every output (a citizens' initiative gets the promise of
overheidsparticipatie). On a rung without participation there are no participants, so no
promise at all. An advice that rests on "weet ik niet" answers says in its first line that it
is provisional and on how many assumptions it rests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.fouten import ModelFout
from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.lezen.catalogus import controleer_samenhang, laad_catalogus
from burgers_betrekken.lezen.json_schema import schema as json_schema
from burgers_betrekken.toepassing import website
from burgers_betrekken.uitvoer.website import pagina
from tests.browser import Browser
from tests.conftest import ROOT, assert_geen_traceback, run_bb
from tests.test_website import _beantwoord, _lees, _naar_advies

BOOM = ROOT / "tests" / "bomen" / "belofte.yaml"
TEKST = BOOM.read_text(encoding="utf-8")
EIGEN = "De initiatiefnemers houden de regie; de overheid ondersteunt en zegt vooraf onder welke voorwaarden."
BRON = "Nationale ombudsman (2018)"
KOP = "Belofte aan deelnemers"

INITIATIEF = {"doel": "samen", "doelgroep": "initiatief", "budget": "hoog", "doorlooptijd": "lang"}
BREED = {**INITIATIEF, "doelgroep": "breed"}
INFORMEREN = {**INITIATIEF, "doel": "informeren"}  # the tree's promise fits the answers, the rung has no participants
WEET_NIET = {**INITIATIEF, "budget": "weet_niet", "doorlooptijd": "weet_niet"}
VOORLOPIG = "Voorlopig advies: het rust op 2 aannames (budget, doorlooptijd)."


def regel_van(tekst: str, stuk: str) -> int:
    return next(nr for nr, regel in enumerate(tekst.splitlines(), start=1) if stuk in regel)


def schrijf(tmp_path: Path, tekst: str, naam: str = "boom.yaml") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def laad(pad: Path) -> tuple[Any, Any]:
    boom = laad_boom(pad)
    catalogus = laad_catalogus(ROOT / "instruments.yaml")
    controleer_samenhang(boom, catalogus)
    return boom, catalogus


def advies(antwoorden: dict[str, str], pad: Path = BOOM) -> engine.Advies:
    return engine.advies(*laad(pad), antwoorden)


def fout(tmp_path: Path, tekst: str) -> ModelFout:
    with pytest.raises(ModelFout) as info:
        laad(schrijf(tmp_path, tekst))
    return info.value


def bb_advies(tmp_path: Path, antwoorden: dict[str, str], *opties: str, boom: Path = BOOM):
    bestand = schrijf(tmp_path, json.dumps(antwoorden), "antwoorden.json")
    r = run_bb("advies", "--boom", str(boom), "--antwoorden", str(bestand), *opties, cwd=tmp_path)
    assert_geen_traceback(r)
    assert r.returncode == 0, r.stderr
    return r.stdout


def samen(tekst: str) -> str:
    """Text as read, whatever the wrapping: one space between words, no panel borders."""
    return " ".join(tekst.replace("│", " ").split())


# --- 1. a promise of the tree's own ---------------------------------------------------------


def test_de_belofte_van_de_boom_vervangt_die_van_de_trede_alleen_waar_zij_past() -> None:
    eigen = advies(INITIATIEF)
    assert eigen.belofte is not None and eigen.belofte.id == "burgerinitiatief"
    assert eigen.belofte_tekst == EIGEN and eigen.belofte.bron == BRON
    gewoon = advies(BREED)
    assert gewoon.belofte is None
    assert gewoon.niveau.id == "coproduceren" and gewoon.belofte_tekst == gewoon.niveau.belofte != EIGEN


def test_de_eerste_belofte_die_past_telt_en_niveau_mag_in_wanneer(tmp_path: Path) -> None:
    extra = TEKST.replace("beloftes:\n", """beloftes:
  coproduceren:
    wanneer: {niveau: coproduceren}
    tekst: Wat we samen ontwerpen, voeren we uit zoals afgesproken.
    bron: Handreiking (2024)
""")
    pad = schrijf(tmp_path, extra)
    assert advies(INITIATIEF, pad).belofte.id == "coproduceren"  # listed first, so it wins
    assert advies({**INITIATIEF, "doel": "inzichten"}, pad).belofte.id == "burgerinitiatief"  # raadplegen


def test_een_boom_zonder_beloftes_houdt_de_belofte_van_de_trede(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, TEKST[:TEKST.index("\nbeloftes:") + 1])
    a = advies(INITIATIEF, pad)
    assert a.belofte is None and a.belofte_tekst == a.niveau.belofte


def test_elke_uitvoer_toont_de_belofte_van_de_boom_met_haar_bron(tmp_path: Path) -> None:
    scherm = samen(bb_advies(tmp_path, INITIATIEF))
    assert f"{KOP}: {EIGEN} Bron: {BRON}" in scherm
    md = bb_advies(tmp_path, INITIATIEF, "--formaat", "md")
    assert f"{KOP}: {EIGEN}\n\n*Bron: {BRON}*" in md
    html = bb_advies(tmp_path, INITIATIEF, "--formaat", "html")
    assert f'<p>{KOP}: {EIGEN}</p>\n<p class="bron">Bron: {BRON}</p>' in html
    data = json.loads(bb_advies(tmp_path, INITIATIEF, "--formaat", "json"))
    assert data["belofte"] == {"tekst": EIGEN, "bron": BRON, "id": "burgerinitiatief"}
    gewoon = json.loads(bb_advies(tmp_path, BREED, "--formaat", "json"))
    ladder = laad_catalogus(ROOT / "instruments.yaml").trede("coproduceren").belofte
    assert gewoon["belofte"] == {"tekst": ladder, "bron": None, "id": None}
    assert EIGEN not in samen(bb_advies(tmp_path, BREED))


def test_de_webpagina_krijgt_per_pad_de_belofte_die_het_advies_doet() -> None:
    data = website.gegevens(*laad(BOOM))
    # paths are keyed by option positions: doel samen=1, informeren=2; doelgroep breed=0, initiatief=1
    advies_bij = {sleutel: _lees(data["tabel"], i) for sleutel, i in data["adviezen"].items()}
    assert advies_bij["1.1.1.1"]["belofte"]["tekst"] == EIGEN
    assert advies_bij["1.0.1.1"]["belofte"]["id"] is None
    assert advies_bij["2.1.1.1"]["belofte"] is None  # informeren: no participants
    assert advies_bij["1.1.2.2"]["voorlopig"] == VOORLOPIG and advies_bij["1.1.1.1"]["voorlopig"] is None
    assert "belofte" not in data["treden"]["informeren"]  # the page shows only the advice's promise


def test_de_webpagina_toont_de_belofte_van_de_boom_en_zegt_eerst_dat_het_advies_voorlopig_is(
        tmp_path: Path) -> None:
    data = website.gegevens(*laad(BOOM))
    pad = schrijf(tmp_path, pagina(data), "pagina.html")
    kop = "[...document.querySelectorAll('#advies-kop p')].map(p => [p.id, p.textContent])"
    b = Browser(tmp_path / "profiel")
    try:
        getoond = []
        for antwoorden in (WEET_NIET, INFORMEREN):
            b.open(pad.as_uri())
            _beantwoord(b, data, antwoorden)
            _naar_advies(b)
            getoond.append(b.js(kop))
    finally:
        b.sluit()
    voorlopig, informeren = getoond
    assert voorlopig[0] == ["advies-voorlopig", VOORLOPIG]  # the first line of the advice
    assert ["advies-belofte", f"{KOP}: {EIGEN}"] in voorlopig and ["", f"Bron: {BRON}"] in voorlopig
    assert not any(KOP in tekst or EIGEN in tekst or "Voorlopig" in tekst for _, tekst in informeren)


# --- the tree file: shape, places, overlays, diff ---------------------------------------------


def test_een_fout_in_een_belofte_noemt_de_plek(tmp_path: Path) -> None:
    tekst = TEKST.replace("wanneer: {doelgroep: initiatief}", "wanneer: {doelgroep: initiatiev}")
    (p,) = fout(tmp_path, tekst).problemen
    assert p.bericht.startswith("'wanneer' van belofte 'burgerinitiatief': vraag 'doelgroep' heeft geen optie "
                                "'initiatiev'")
    assert p.locatie is not None and p.locatie.regel == regel_van(tekst, "initiatiev") and p.locatie.kolom > 1


def test_een_belofte_zonder_bron_of_met_een_onbekende_trede(tmp_path: Path) -> None:
    zonder_bron = TEKST.replace(f"    bron: {BRON}\n", "")
    berichten = [p.bericht for p in fout(tmp_path, zonder_bron).problemen]
    assert berichten == ["belofte 'burgerinitiatief' mist de verplichte sleutel 'bron'"]
    trede = TEKST.replace("wanneer: {doelgroep: initiatief}", "wanneer: {niveau: coproducren}")
    (p,) = fout(tmp_path, trede).problemen
    assert "'wanneer' van belofte 'burgerinitiatief' noemt onbekende trede 'coproducren'" in p.bericht
    assert "coproduceren" in p.bericht  # the suggestion


def test_bb_boom_valideer_noemt_bestand_regel_en_kolom(tmp_path: Path) -> None:
    tekst = TEKST.replace("wanneer: {doelgroep: initiatief}", "wanneer: {doelgroepp: initiatief}")
    r = run_bb("boom", "valideer", str(schrijf(tmp_path, tekst)))
    assert_geen_traceback(r)
    assert r.returncode == 1
    uit = " ".join((r.stdout + r.stderr).split())
    assert f"boom.yaml:{regel_van(tekst, 'doelgroepp')}:" in uit and "belofte 'burgerinitiatief'" in uit


def test_een_overlay_voegt_toe_vervangt_en_haalt_weg(tmp_path: Path) -> None:
    schrijf(tmp_path, TEKST, "basis.yaml")
    overlay = schrijf(tmp_path, """\
basis: basis.yaml
beloftes:
  burgerinitiatief:
    tekst: U houdt de regie; wij ondersteunen.
  gebruikers:
    wanneer: {doelgroep: breed}
    tekst: We laten binnen zes weken weten wat we met uw inbreng doen.
    bron: Handreiking (2024)
""", "overlay.yaml")
    boom, _ = laad(overlay)
    assert [(b.id, b.tekst, b.bron) for b in boom.beloftes] == [
        ("burgerinitiatief", "U houdt de regie; wij ondersteunen.", BRON),  # the source kept from the base
        ("gebruikers", "We laten binnen zes weken weten wat we met uw inbreng doen.", "Handreiking (2024)")]
    weg = schrijf(tmp_path, "basis: basis.yaml\nbeloftes:\n  burgerinitiatief: weg\n", "weg.yaml")
    assert laad(weg)[0].beloftes == ()


def test_json_schema_kent_beloftes() -> None:
    belofte = json_schema("boom")["else"]["properties"]["beloftes"]["additionalProperties"]
    assert set(belofte["required"]) == {"wanneer", "tekst", "bron"}
    assert belofte["properties"]["wanneer"] == {"$ref": "#/$defs/conditie",
                                                 "description": belofte["properties"]["wanneer"]["description"]}


def test_bb_boom_verschil_noemt_een_gewijzigde_belofte(tmp_path: Path) -> None:
    schrijf(tmp_path, TEKST, "oud.yaml")
    schrijf(tmp_path, TEKST.replace(f"bron: {BRON}", "bron: Nationale ombudsman (2018), rapport 2018/055")
            + "  tweede:\n    wanneer: {doel: inzichten}\n    tekst: t\n    bron: b\n", "nieuw.yaml")
    r = run_bb("boom", "verschil", "oud.yaml", "nieuw.yaml", "-f", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    wijzigingen = json.loads(r.stdout)["wijzigingen"]
    assert {"soort": "belofte", "id": "burgerinitiatief", "wat": "gewijzigd", "velden": ["bron"]} in wijzigingen
    assert {"soort": "belofte", "id": "tweede", "wat": "toegevoegd", "velden": []} in wijzigingen


# --- 2. no promise where there are no participants ---------------------------------------------


def test_bij_informeren_geen_belofte_ook_niet_als_de_boom_er_een_heeft(tmp_path: Path) -> None:
    a = advies(INFORMEREN)
    assert not a.participatie and a.belofte is None and a.belofte_tekst is None
    for opties in ((), ("--kort",), ("--eenvoudig",), ("--formaat", "md"), ("--formaat", "html")):
        uit = bb_advies(tmp_path, INFORMEREN, *opties)
        assert KOP not in uit and EIGEN not in samen(uit), opties
    assert json.loads(bb_advies(tmp_path, INFORMEREN, "--formaat", "json"))["belofte"] is None


# --- 3. a provisional advice says so first ---------------------------------------------------


def test_het_paneel_begint_met_voorlopig_en_het_aantal_aannames(tmp_path: Path) -> None:
    for opties in ((), ("--kort",)):
        regels = bb_advies(tmp_path, WEET_NIET, *opties).splitlines()  # COLUMNS=80 (schone_env)
        assert regels[0].startswith("╭─ Advies")
        assert regels[1].strip("│ ") == VOORLOPIG, opties  # the first line of the first screen
        assert max(len(r) for r in regels) <= 80


def test_een_aanname_in_het_enkelvoud_en_geen_regel_zonder_aannames(tmp_path: Path) -> None:
    een = advies({**INITIATIEF, "budget": "weet_niet"})
    assert een.voorlopig
    assert "Voorlopig advies: het rust op 1 aanname (budget)." in bb_advies(tmp_path, {**INITIATIEF, "budget":
                                                                                         "weet_niet"})
    assert not advies(INITIATIEF).voorlopig
    assert "Voorlopig" not in bb_advies(tmp_path, INITIATIEF) + bb_advies(tmp_path, INITIATIEF, "--formaat", "md")


def test_de_verslagen_zeggen_eerst_dat_het_advies_voorlopig_is(tmp_path: Path) -> None:
    md = bb_advies(tmp_path, WEET_NIET, "--formaat", "md").splitlines()
    assert md[0].startswith("# Advies: ") and md[2] == f"**{VOORLOPIG}**"  # the first line under the title
    html = bb_advies(tmp_path, WEET_NIET, "--formaat", "html")
    assert f'</h1>\n<p class="voorlopig"><strong>{VOORLOPIG}</strong></p>' in html
    plat = [r for r in bb_advies(tmp_path, WEET_NIET, "--eenvoudig").splitlines() if r.strip()]
    assert plat[0].startswith("Advies: ") and plat[1] == VOORLOPIG


def test_json_zegt_voorlopig_en_het_aantal_aannames(tmp_path: Path) -> None:
    data = json.loads(bb_advies(tmp_path, WEET_NIET, "--formaat", "json"))
    assert data["voorlopig"] is True and data["aannames"] == 2
    assert [s["vraag"] for s in data["pad"] if "aanname" in s] == ["budget", "doorlooptijd"]
    zeker = json.loads(bb_advies(tmp_path, INITIATIEF, "--formaat", "json"))
    assert zeker["voorlopig"] is False and zeker["aannames"] == 0
