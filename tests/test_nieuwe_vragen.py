"""A tree gains questions (issue 23, item 4): answers files and records made before a question
existed keep working. With `--antwoorden` (and `bb uitleg`) the missing answer is taken from the
tree, its `standaard` or else its "weet ik niet", exactly as if it had been given, and every view
says so at the top of the advice; a question with neither stays a missing answer. A resumed session
asks the new question. `bb boom paden --statistiek` shows the longest path, at most ten questions.

tests/bomen/klein.yaml is last year's tree; tests/bomen/nieuwe_vragen.yaml is the same tree with
two questions added: `relatie` (with weet_niet) and `capaciteit` (with `standaard: weinig`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.fouten import AntwoordFout, ModelFout
from burgers_betrekken.kern.gesprek import Gesprek
from burgers_betrekken.kern.model import WEET_NIET
from burgers_betrekken.kern import statistiek
from burgers_betrekken.kern.paden import paden
from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.lezen.catalogus import controleer_samenhang, laad_catalogus
from burgers_betrekken.lezen.json_schema import schema as json_schema
from burgers_betrekken.vragen.pijltjes import interview

from tests.conftest import ROOT, assert_geen_traceback, autosave, run_bb, schone_env

OUD = ROOT / "tests" / "bomen" / "klein.yaml"
NIEUW = ROOT / "tests" / "bomen" / "nieuwe_vragen.yaml"
NIEUW_TEKST = NIEUW.read_text(encoding="utf-8")

RELATIE = ("Dit antwoordbestand is van vóór de vraag 'Is er al een relatie met de groep?'; bb nam 'Nee' aan. "
           "We gaan uit van een nieuwe groep, zonder bestaande relatie.")
CAPACITEIT = ("Dit antwoordbestand is van vóór de vraag 'Hoeveel mensen kunnen er intern aan werken?'; bb nam "
              "'Eén of twee' aan.")

ENTER = "\r"
OMLAAG = "\x1b[B"
CTRL_C = "\x03"


def laad(pad: Path):
    boom = laad_boom(pad)
    catalogus = laad_catalogus(ROOT / "instruments.yaml")
    controleer_samenhang(boom, catalogus)
    return boom, catalogus


def schrijf(tmp_path: Path, tekst: str, naam: str = "boom.yaml") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def oude_antwoorden(tmp_path: Path, budget: str = "hoog") -> Path:
    """An answers file for last year's tree, as `--bewaar` wrote it."""
    return schrijf(tmp_path, f"doel: inzichten\nbudget: {budget}\n", "antwoorden.yaml")


def op_een_regel(tekst: str) -> str:
    """Screen text with its wrapping and panel borders undone, to find a sentence in it."""
    return " ".join(regel.strip(" │") for regel in tekst.splitlines() if regel.strip(" │"))


# --- the tree: `standaard` ---------------------------------------------------------------------


def test_standaard_moet_een_optie_van_de_vraag_zijn(tmp_path: Path) -> None:
    tekst = NIEUW_TEKST.replace("standaard: weinig", "standaard: wienig")
    with pytest.raises(ModelFout) as fout:
        laad_boom(schrijf(tmp_path, tekst))
    regel = next(n for n, r in enumerate(tekst.splitlines(), start=1) if "standaard: wienig" in r)
    assert [str(p) for p in fout.value.problemen] == [
        f"{tmp_path / 'boom.yaml'}:{regel}:16: fout: 'standaard' van vraag 'capaciteit' neemt optie 'wienig' aan, "
        f"maar die bestaat niet; bedoelde u 'weinig'? (opties: 'weinig', 'veel')"]


def test_standaard_kan_geen_weet_niet_zijn(tmp_path: Path) -> None:
    with pytest.raises(ModelFout) as fout:
        laad_boom(schrijf(tmp_path, NIEUW_TEKST.replace("standaard: weinig", "standaard: weet_niet")))
    assert "'standaard' van vraag 'capaciteit' kan geen 'weet_niet' zijn: laat 'standaard' weg" in str(fout.value)


def test_het_schema_kent_standaard_als_optie_id() -> None:
    vraag = json_schema("boom")["else"]["properties"]["vragen"]["additionalProperties"]["properties"]
    assert "vóór deze vraag" in vraag["standaard"]["description"]  # what the editor shows
    validator = jsonschema.Draft202012Validator(json_schema("boom"))
    assert list(validator.iter_errors(yaml.safe_load(NIEUW_TEKST))) == []
    overlay = {"basis": "klein.yaml", "vragen": {"capaciteit": {"standaard": "veel"}, "relatie": {"standaard": "weg"}}}
    assert list(validator.iter_errors(overlay)) == []
    for kapot in ("Weinig", 3, ["weinig"]):
        assert list(validator.iter_errors(yaml.safe_load(NIEUW_TEKST.replace("standaard: weinig",
                                                                            f"standaard: {kapot}")))) != []


def test_een_aanpassing_kan_een_vraag_met_standaard_toevoegen_en_standaard_wijzigen(tmp_path: Path) -> None:
    schrijf(tmp_path, NIEUW_TEKST, "basis.yaml")
    boom, _ = laad(schrijf(tmp_path, (
        "basis: basis.yaml\n"
        "vragen:\n"
        "  relatie:\n"
        "    standaard: ja\n"  # overrides the base's weet_niet for missing answers
        "  capaciteit:\n"
        "    standaard: veel\n")))
    assert boom.vraag("relatie").bij_ontbreken == "ja" and boom.vraag("capaciteit").bij_ontbreken == "veel"
    # an overlay that removes the option its base names as `standaard` is refused, at the base's line
    with pytest.raises(ModelFout) as fout:
        laad_boom(schrijf(tmp_path, "basis: basis.yaml\nvragen:\n  capaciteit:\n    opties:\n      weinig: weg\n"
                                    "      meer:\n        label: Meer\n", "weg.yaml"))
    assert "'standaard' van vraag 'capaciteit' neemt optie 'weinig' aan, maar die bestaat niet" in str(fout.value)
    assert f"{tmp_path / 'basis.yaml'}:" in str(fout.value)


# --- the engine -----------------------------------------------------------------------------------


def test_een_ontbrekend_antwoord_is_weet_niet_of_de_standaard_zoals_gegeven() -> None:
    boom, catalogus = laad(NIEUW)
    oud = {"doel": "inzichten", "budget": "hoog"}
    aangevuld = engine.advies(boom, catalogus, oud, aanvullen=True)
    gegeven = engine.advies(boom, catalogus, {**oud, "relatie": WEET_NIET, "capaciteit": "weinig"})
    assert [(s.vraag.id, s.optie.id, s.aanname) for s in aangevuld.pad] == \
        [(s.vraag.id, s.optie.id, s.aanname) for s in gegeven.pad]
    assert (aangevuld.niveau, aangevuld.instrumenten, aangevuld.let_op) == \
        (gegeven.niveau, gegeven.instrumenten, gegeven.let_op)
    assert [(s.vraag.id, s.optie.id) for s in aangevuld.aangevuld] == [("relatie", "nee"), ("capaciteit", "weinig")]
    assert gegeven.aangevuld == () and [s.vraag.id for s in gegeven.aannames] == ["relatie"]
    assert aangevuld.aannames == ()  # the user never said "weet ik niet": the notice says what was taken


def test_de_standaard_telt_als_antwoord() -> None:
    boom, catalogus = laad(NIEUW)
    met_team = engine.advies(boom, catalogus, {"doel": "inzichten", "budget": "hoog", "capaciteit": "veel"},
                             aanvullen=True)
    assert met_team.niveau.id == "adviseren" and [s.vraag.id for s in met_team.aangevuld] == ["relatie"]
    standaard = engine.advies(boom, catalogus, {"doel": "inzichten", "budget": "hoog"}, aanvullen=True)
    assert standaard.niveau.id == "raadplegen"  # 'weinig' was taken, so the rule for a team did not fire


def test_zonder_standaard_of_weet_niet_blijft_een_ontbrekend_antwoord_een_fout(tmp_path: Path) -> None:
    boom, catalogus = laad(schrijf(tmp_path, NIEUW_TEKST.replace("    standaard: weinig\n", "")))
    with pytest.raises(AntwoordFout, match=r"antwoord ontbreekt op vraag 'capaciteit'"):
        engine.advies(boom, catalogus, {"doel": "inzichten", "budget": "laag"}, aanvullen=True)
    boom, catalogus = laad(NIEUW)
    with pytest.raises(AntwoordFout, match=r"antwoord ontbreekt op vraag 'relatie'"):
        engine.advies(boom, catalogus, {"doel": "inzichten", "budget": "laag"})  # asked on the screen: never filled


# --- every view says so -------------------------------------------------------------------------


@pytest.mark.parametrize("args", [(), ("--kort",)], ids=["scherm", "kort"])
def test_het_scherm_zegt_het_bovenaan_het_advies(tmp_path: Path, args: tuple[str, ...]) -> None:
    uit = run_bb("advies", "--boom", str(NIEUW), "-a", str(oude_antwoorden(tmp_path)), *args, cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    paneel = uit.stdout.split("╰")[0]  # the panel: the first screen
    assert f"Let op: {RELATIE}" in op_een_regel(paneel) and f"Let op: {CAPACITEIT}" in op_een_regel(paneel)
    assert op_een_regel(paneel).index(CAPACITEIT) < op_een_regel(paneel).index("Dit is participatie")
    if not args:
        assert re.search(r"Is er al een relatie met de groep\? +Niet gegeven \(aangenomen: Nee\)", uit.stdout)
        assert "U wist het antwoord op" not in uit.stdout  # the user did not say "weet ik niet"


@pytest.mark.parametrize("formaat", ["md", "html", "eenvoudig"])
def test_elk_verslag_zegt_het_bovenaan(tmp_path: Path, formaat: str) -> None:
    args = ["--eenvoudig"] if formaat == "eenvoudig" else ["--formaat", formaat]
    uit = run_bb("advies", "--boom", str(NIEUW), "-a", str(oude_antwoorden(tmp_path)), *args, cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    tekst = op_een_regel(uit.stdout.replace("&#x27;", "'"))
    assert RELATIE in tekst and CAPACITEIT in tekst
    assert tekst.index(CAPACITEIT) < tekst.index("Dit is participatie op de trede")
    assert "Niet gegeven (aangenomen: Nee)" in tekst


def test_json_noemt_de_aangevulde_antwoorden(tmp_path: Path) -> None:
    uit = run_bb("advies", "--boom", str(NIEUW), "-a", str(oude_antwoorden(tmp_path)), "--formaat", "json",
                 cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert data["aangevuld"] == [{"vraag": "relatie", "optie": "nee", "tekst": RELATIE},
                                 {"vraag": "capaciteit", "optie": "weinig", "tekst": CAPACITEIT}]
    assert [s.get("aangevuld", False) for s in data["pad"]] == [False, True, False, True]
    gewoon = run_bb("advies", "--boom", str(OUD), "-a", str(oude_antwoorden(tmp_path)), "--formaat", "json",
                    cwd=tmp_path)
    assert json.loads(gewoon.stdout)["aangevuld"] == []


def test_bb_uitleg_zegt_het_ook(tmp_path: Path) -> None:
    antwoorden = oude_antwoorden(tmp_path)
    tekst = run_bb("uitleg", "--boom", str(NIEUW), str(antwoorden), cwd=tmp_path)
    assert tekst.returncode == 0, tekst.stderr
    assert op_een_regel(tekst.stdout).startswith(f"Let op ─") and CAPACITEIT in op_een_regel(tekst.stdout)
    als_json = run_bb("uitleg", "--boom", str(NIEUW), str(antwoorden), "--formaat", "json", cwd=tmp_path)
    assert [a["vraag"] for a in json.loads(als_json.stdout)["aangevuld"]] == ["relatie", "capaciteit"]


def test_een_antwoordbestand_zonder_antwoord_op_een_vraag_zonder_standaard_wordt_geweigerd(tmp_path: Path) -> None:
    boom = schrijf(tmp_path, NIEUW_TEKST.replace("    standaard: weinig\n", ""))
    uit = run_bb("advies", "--boom", str(boom), "-a", str(oude_antwoorden(tmp_path)), cwd=tmp_path)
    assert uit.returncode == 2 and "antwoord ontbreekt op vraag 'capaciteit'" in uit.stderr
    assert_geen_traceback(uit)


# --- records of last year -----------------------------------------------------------------------


def test_een_verslag_van_voor_de_nieuwe_vragen_speelt_opnieuw_af(tmp_path: Path) -> None:
    env = schone_env()
    gemaakt = run_bb("advies", "--boom", str(OUD), "-a", str(oude_antwoorden(tmp_path)), "-o", "vorig_jaar.json",
                     cwd=tmp_path, env=env)
    assert gemaakt.returncode == 0, gemaakt.stderr
    opnieuw = run_bb("advies", "--boom", str(NIEUW), "-a", "vorig_jaar.json", "--formaat", "md",
                     cwd=tmp_path, env=env)
    assert opnieuw.returncode == 0, opnieuw.stderr  # the same tree, changed: a warning, not a refusal
    assert "de boom is sindsdien veranderd" in opnieuw.stderr
    assert RELATIE in opnieuw.stdout and CAPACITEIT in opnieuw.stdout
    uitleg = run_bb("uitleg", "--boom", str(NIEUW), "vorig_jaar.json", cwd=tmp_path, env=env)
    assert uitleg.returncode == 0 and CAPACITEIT in op_een_regel(uitleg.stdout)


def test_een_aangevuld_antwoord_blijft_niet_gegeven_in_verslag_en_bewaarde_antwoorden(tmp_path: Path) -> None:
    env = schone_env()
    uit = run_bb("advies", "--boom", str(NIEUW), "-a", str(oude_antwoorden(tmp_path)), "-o", "verslag.json",
                 "--bewaar", "bewaard.yaml", cwd=tmp_path, env=env)
    assert uit.returncode == 0, uit.stderr
    bewaard = (tmp_path / "bewaard.yaml").read_text(encoding="utf-8")
    assert "relatie" not in bewaard and "capaciteit" not in bewaard and "budget: hoog" in bewaard
    for bestand in ("verslag.json", "bewaard.yaml"):  # replayed: still taken from the tree, still said
        opnieuw = run_bb("advies", "--boom", str(NIEUW), "-a", bestand, "--formaat", "json", cwd=tmp_path, env=env)
        assert opnieuw.returncode == 0, opnieuw.stderr
        assert [a["vraag"] for a in json.loads(opnieuw.stdout)["aangevuld"]] == ["relatie", "capaciteit"]


@pytest.mark.parametrize("formaat", ["md", "html"])
def test_een_verslag_om_te_lezen_wijst_naar_het_json_verslag(tmp_path: Path, formaat: str) -> None:
    """A Markdown or HTML record names answers by label, not by id: it cannot be replayed, and
    bb says which record can."""
    env = schone_env()
    gemaakt = run_bb("advies", "--boom", str(OUD), "-a", str(oude_antwoorden(tmp_path)), "-o", f"v.{formaat}",
                     cwd=tmp_path, env=env)
    assert gemaakt.returncode == 0, gemaakt.stderr
    for opdracht in (["advies", "--boom", str(NIEUW), "-a"], ["uitleg", "--boom", str(NIEUW)]):
        uit = run_bb(*opdracht, f"v.{formaat}", cwd=tmp_path, env=env)
        assert uit.returncode == 2 and uit.stderr.startswith(f"v.{formaat}: fout: dit is een verslag om te lezen; ")
        assert "bb advies --uitvoer verslag.json" in uit.stderr
        assert_geen_traceback(uit)


# --- asked on the screen --------------------------------------------------------------------------


def test_een_hervatte_sessie_stelt_alleen_de_nieuwe_vraag(tmp_path: Path) -> None:
    """Saved answers to every question of last year's tree: resuming with this year's tree asks
    the new questions where they stand, not the answered ones again, then the review."""
    boom, _ = laad(NIEUW)
    koppen: list[str] = []
    gesprek = Gesprek.hervat(boom, {"doel": "inzichten", "budget": "hoog"})
    with create_pipe_input() as invoer:
        # relatie: ja; capaciteit: veel; review: klopt. Ctrl-C after them: asking more stops, not waits
        invoer.send_text(ENTER + OMLAAG + ENTER + ENTER + CTRL_C)
        antwoorden = interview(boom, toon_kop=lambda g: koppen.append(g.huidige().id), gesprek=gesprek,
                               input=invoer, output=DummyOutput())
    assert koppen == ["relatie", "capaciteit"]
    assert antwoorden == {"doel": "inzichten", "relatie": "ja", "budget": "hoog", "capaciteit": "veel"}


def test_bb_advies_hervat_vraagt_de_nieuwe_vraag_in_plaats_van_te_falen(tmp_path: Path) -> None:
    env = schone_env()
    autosave(env, "klein").parent.mkdir(parents=True)
    autosave(env, "klein").write_text(json.dumps({
        "versie": 1, "boom": "klein", "sha256": "0" * 64, "bijgewerkt": "2025-11-24T10:00:00+01:00",
        "antwoorden": {"doel": "inzichten", "budget": "hoog"}}), encoding="utf-8")
    # relatie: 1 (ja); capaciteit: 2 (veel); the review: 1 confirms
    uit = run_bb("advies", "--boom", str(NIEUW), "--hervat", "--eenvoudig", "-f", "json", cwd=tmp_path, env=env,
                 stdin="1\n2\n1\n")
    assert uit.returncode == 0, uit.stderr
    assert "Al uw antwoorden passen nog." in uit.stderr and "Vraag 2 van maximaal 4" in uit.stderr
    assert re.findall(r"Vraag (\d) van maximaal", uit.stderr) == ["2", "4"]  # doel and budget not again
    data = json.loads(uit.stdout)
    assert [(s["vraag"], s["antwoord"]) for s in data["pad"]] == [
        ("doel", "inzichten"), ("relatie", "ja"), ("budget", "hoog"), ("capaciteit", "veel")]
    assert data["niveau"] == "adviseren" and data["aangevuld"] == []  # asked, so nothing taken for the user


# --- the longest path ---------------------------------------------------------------------------


def keten(n: int) -> str:
    """A tree whose only path asks `n` questions."""
    vragen = "".join(f"  v{i}:\n    tekst: Vraag {i}?\n    volgende: {f'v{i + 1}' if i < n else 'advies'}\n"
                     f"    opties:\n      a:\n        label: A\n      b:\n        label: B\n" for i in range(1, n + 1))
    return (f'boom:\n  id: keten\n  versie: "1.0"\n  titel: Keten\nstart: v1\nvragen:\n{vragen}'
            "niveau:\n  gewenst: []\n  standaard: raadplegen\n")


@pytest.mark.parametrize("n, fout", [(10, False), (11, True)])
def test_langste_pad_is_een_fout_boven_tien_vragen(tmp_path: Path, n: int, fout: bool) -> None:
    boom, catalogus = laad(schrijf(tmp_path, keten(n)))
    cijfers = statistiek.tel(engine.advies(boom, catalogus, dict(p)) for p in paden(boom))
    assert cijfers.langste_pad == n == engine.maximaal_resterend(boom, boom.start)
    assert "langste_pad" in statistiek.FOUTEN and statistiek.is_fout("langste_pad", cijfers.langste_pad) is fout
    assert ("langste_pad" in cijfers.voorbeelden) is fout
    uit = run_bb("boom", "paden", str(tmp_path / "boom.yaml"), "--statistiek", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert re.search(rf"^ *langste pad \(vragen; hoogstens 10\) +{n}$", uit.stdout, flags=re.M)
    assert ("langste_pad: v1=a" in uit.stdout) is fout  # a fault shows the path to look into


@pytest.mark.parametrize("naam", ["rijksoverheid", "uitvoeringsorganisatie"])
def test_geen_pad_door_de_meegeleverde_bomen_stelt_meer_dan_tien_vragen(naam: str) -> None:
    uit = run_bb("boom", "paden", naam, "--statistiek", "--formaat", "json", cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    assert 0 < json.loads(uit.stdout)["langste_pad"] <= 10
