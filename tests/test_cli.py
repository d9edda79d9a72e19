"""The installed `bb` command, run as a user runs it (a subprocess, from another folder)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, assert_geen_traceback, bb_exe, pexpect_module, schone_env, start_advies

VOORBEELDEN = ROOT / "examples"


def test_versie_en_hulp_in_het_nederlands(bb, tmp_path: Path) -> None:
    versie = bb("--version", cwd=tmp_path)
    assert versie.returncode == 0 and versie.stdout.startswith("bb ")
    hulp = bb("--help", cwd=tmp_path)
    assert hulp.returncode == 0
    for woord in ("Gebruik: bb [OPTIES] OPDRACHT", "Opdrachten", "advies", "instrumenten", "Toon deze hulp"):
        assert woord in hulp.stdout
    assert "Show this message" not in hulp.stdout and "Usage:" not in hulp.stdout
    assert "Antwoorden uit een YAML-" in bb("advies", "--help", cwd=tmp_path).stdout
    # arguments keep their help (click 8.5 with typer 0.20 dropped it) and their metavar
    hulp = bb("boom", "test", "--help", cwd=tmp_path).stdout
    assert "Het scenariobestand" in hulp and "BESTAND" in hulp
    assert "Toon één instrument in detail." in bb("instrumenten", "--help", cwd=tmp_path).stdout


def test_python_dash_m_werkt_ook(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "burgers_betrekken", "--version"], capture_output=True, text=True,
                       cwd=ROOT, env=schone_env(), timeout=30)
    assert r.returncode == 0 and r.stdout.startswith("bb ")


def test_instrumenten_tabel_past_in_80_kolommen(bb, tmp_path: Path) -> None:
    r = bb("instrumenten", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    regels = r.stdout.splitlines()
    assert max(len(regel.rstrip()) for regel in regels) <= 80
    for naam in ("Burgerberaad", "Focusgroep", "Straatgesprek", "Enquête", "Usability onderzoek", "Klantpanel",
                 "Community onderzoek", "Burgerdialoog", "Diepte-interviews", "Burgerpanel", "Burgerbegroting"):
        assert naam in r.stdout
    # multi-valued cells put each label on its own line; no label is broken over two lines
    assert "moeilijk bereikbaar" in r.stdout
    # a long name wraps between words and a long id after an underscore, so each row still holds
    # the whole name and the whole id (the first column, read row by row)
    kop = next(regel for regel in regels if regel.startswith("Instrument"))
    breedte = kop.index("Treden")
    rijen = "\n".join(regel[:breedte].rstrip() for regel in regels[regels.index(kop) + 2:-1]).split("\n\n")
    eerste_kolom = {rij.strip() for rij in rijen}
    catalogus = json.loads(bb("instrumenten", "-f", "json", cwd=tmp_path).stdout)
    assert len(eerste_kolom) == len(catalogus) == 17
    for instrument in catalogus:
        rij = next(rij for rij in eerste_kolom if rij.startswith(instrument["naam"].split()[0]))
        woorden = rij.split()
        assert " ".join(woorden).startswith(instrument["naam"]), rij
        assert "".join(woorden).endswith(instrument["id"]), rij
        assert all(w.endswith("_") for w in woorden[-instrument["id"].count("_") - 1:-1] if "_" in w), rij
    pwe = next(rij for rij in eerste_kolom if rij.startswith("Participatieve"))
    assert pwe.splitlines()[-2:] == ["participatieve_", "waardenevaluatie"]


def test_instrument_detail(bb, tmp_path: Path) -> None:
    r = bb("instrumenten", "focusgroep", cwd=tmp_path)
    assert r.returncode == 0
    for kop in ("Focusgroep (focusgroep)", "Wanneer wel", "Wanneer niet", "Kosten        laag — enkele duizenden",
                "Doorlooptijd  kort — drie tot acht weken", "Voorbeeld", "stiefouders"):
        assert kop in r.stdout
    assert r.stdout.count("Doorlooptijd") == 1 and "Kosten (indicatie)" not in r.stdout  # one row each
    assert max(len(regel) for regel in r.stdout.splitlines()) <= 80


def test_onbekend_instrument_krijgt_een_suggestie(bb, tmp_path: Path) -> None:
    r = bb("instrumenten", "fokusgroep", cwd=tmp_path)
    assert r.returncode == 2
    assert "onbekend instrument 'fokusgroep'; bedoelde u 'focusgroep'?" in r.stderr
    assert_geen_traceback(r)


def test_filters_en_json(bb, tmp_path: Path) -> None:
    r = bb("instrumenten", "--niveau", "adviseren", "--formaat", "json", cwd=tmp_path)
    ids = [i["id"] for i in json.loads(r.stdout)]
    assert set(ids) == {"burgerberaad", "burgerdialoog", "klantpanel", "klankbordgroep", "experiment",
                        "participatieve_waardenevaluatie", "initiatief_ondersteunen"}
    assert all("adviseren" in i["niveaus"] for i in json.loads(r.stdout))
    r = bb("instrumenten", "--doelgroep", "moeilijk_bereikbaar", "-f", "json", cwd=tmp_path)
    assert {"focusgroep", "straatgesprek", "burgerdialoog", "diepte_interviews"} == {
        i["id"] for i in json.loads(r.stdout)}
    r = bb("instrumenten", "--niveau", "raadplege", cwd=tmp_path)
    assert r.returncode == 2 and "bedoelde u 'raadplegen'?" in r.stderr


def test_advies_uit_een_antwoordenbestand_als_json(bb, tmp_path: Path) -> None:
    r = bb("advies", "--antwoorden", str(VOORBEELDEN / "stiefouders.json"), "--formaat", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"boom", "participatie", "niveau", "instrumenten", "beste", "route", "route_noot", "wat_als",
                         "afgevallen", "let_op", "belofte", "voorlopig", "aannames", "pad", "genegeerd", "aangevuld", "ladder",
                         "motivering", "checklist", "uitleg", "bb_versie", "gemaakt"}
    assert data["boom"]["id"] == "rijksoverheid" and data["boom"]["versie"] == "1.0.0"
    assert len(data["boom"]["sha256"]) == 64
    assert data["motivering"] is None  # raadplegen as the goal asks: nothing to explain
    assert data["participatie"] is True and data["niveau"] == "raadplegen"
    # these answers cannot tell diepte-interviews and a focusgroep apart: both best, listed by name
    assert data["beste"] == ["diepte_interviews", "focusgroep"]
    assert [(i["id"], i["rang"]) for i in data["instrumenten"][:3]] == [
        ("diepte_interviews", 1), ("focusgroep", 1), ("enquete", 2)]
    assert "past bij een specifieke doelgroep" in data["instrumenten"][0]["redenen"]
    # the tie with the enquête (equal points) is broken by the tree's gelijke_punten, and says so
    assert data["instrumenten"][2]["punten"] == data["instrumenten"][0]["punten"]
    assert data["instrumenten"][0]["voorrang"] and "Enquête" in data["instrumenten"][0]["voorrang"][0]
    assert data["instrumenten"][2]["voorrang"] == []
    assert isinstance(data["wat_als"], list)
    assert all(a["redenen"] for a in data["afgevallen"])
    assert data["pad"][0] == {"vraag": "fase", "antwoord": "beleidsontwikkeling"}
    assert data["genegeerd"] == []


def test_advies_als_tekst_toont_ladder_instrumenten_let_op_en_pad(bb, tmp_path: Path) -> None:
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("fase: beleidsontwikkeling\ndoel: zwaarwegend_advies\nruimte: beperkt\n"
                          "doelgroep: breed\nbudget: midden\ndoorlooptijd: middel\ntijdsdruk: ja\n", encoding="utf-8")
    r = bb("advies", "-a", str(antwoorden), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    uit = r.stdout
    assert "Dit is participatie op de trede Raadplegen" in uit
    assert "● Raadplegen  ◀ uw trede" in uit and "○ Adviseren  ◁ wat uw doel vraagt" in uit
    assert "Aanbevolen instrumenten" in uit and "Afgevallen instrumenten" in uit
    assert "Pas op voor vinkjes-participatie" in uit and "Werk anticyclisch" in uit
    assert "Bron: Kennisknooppunt Participatie" in uit
    assert "Hoeveel inhoudelijke ruimte" in uit and "Beperkt — binnen vaste kaders" in uit
    assert max(len(regel) for regel in uit.splitlines()) <= 80


def test_fout_in_antwoorden_noemt_bestand_regel_en_opties(bb, tmp_path: Path) -> None:
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("fase: evaluatie\ndoel: inzigten\n", encoding="utf-8")
    r = bb("advies", "-a", str(antwoorden), cwd=tmp_path)
    assert r.returncode == 2
    assert f"{antwoorden}:2:1: fout: vraag 'doel' heeft geen optie 'inzigten'; bedoelde u 'inzichten'?" in r.stderr
    assert_geen_traceback(r)


def test_overgeslagen_antwoorden_worden_genegeerd(bb, tmp_path: Path) -> None:
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("fase: evaluatie\ndoel: informeren\nbudget: hoog\n", encoding="utf-8")
    data = json.loads(bb("advies", "-a", str(antwoorden), "-f", "json", cwd=tmp_path).stdout)
    assert data["participatie"] is False and data["niveau"] == "informeren"
    assert data["genegeerd"] == ["budget"] and data["instrumenten"] == []
    assert {"id": "informeren_geen_participatie"} .items() <= data["let_op"][0].items()


def test_kapotte_boom_geeft_een_gelokaliseerde_melding(bb, tmp_path: Path) -> None:
    boom = tmp_path / "boom.yaml"
    boom.write_text((ROOT / "trees" / "rijksoverheid.yaml").read_text(encoding="utf-8")
                    .replace("    volgende: budget\n", "    volgende: budgt\n"), encoding="utf-8")
    r = bb("advies", "--boom", str(boom), "-a", str(VOORBEELDEN / "boa-bestel.yaml"), cwd=tmp_path)
    assert r.returncode == 2
    assert f"{boom}:" in r.stderr and "onbekende vraag 'budgt'; bedoelde u 'budget'?" in r.stderr
    assert_geen_traceback(r)


def test_zonder_terminal_stopt_advies_meteen_en_noemt_beide_uitwegen(bb, tmp_path: Path) -> None:
    r = bb("advies", cwd=tmp_path, timeout=10)  # a hang would raise TimeoutExpired
    assert r.returncode == 2
    assert "geen terminal" in r.stderr and "--antwoorden BESTAND" in r.stderr and "--eenvoudig" in r.stderr
    assert r.stdout == ""
    assert_geen_traceback(r)


def test_yes_1_door_een_pijp_bereikt_een_advies(tmp_path: Path) -> None:
    r = subprocess.run(f"yes 1 | '{bb_exe()}' advies --eenvoudig", shell=True, cwd=tmp_path, capture_output=True,
                       text=True, timeout=30, env=schone_env())
    assert r.returncode == 0, r.stderr
    assert "Vraag 1 van maximaal 7" in r.stdout and "1. Klopt, toon het advies" in r.stdout
    assert "Advies: Burgers betrekken bij beleid en dienstverlening" in r.stdout and "# Advies" not in r.stdout
    assert "Dit is geen participatie" in r.stdout  # 1,1,1 = ... ruimte 'geen'
    assert "\x1b[" not in r.stdout and max(len(x) for x in r.stdout.splitlines()) <= 80


def test_eenvoudig_met_json_en_een_te_vroeg_einde(bb, tmp_path: Path) -> None:
    r = bb("advies", "--eenvoudig", "--formaat", "json", cwd=tmp_path, stdin="4\n5\n1\n")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)  # the questions went to stderr
    assert "Vraag 2 van maximaal 7" in r.stderr
    assert data["niveau"] == "informeren" and [s["vraag"] for s in data["pad"]] == ["fase", "doel"]
    r = bb("advies", "--eenvoudig", cwd=tmp_path, stdin="1\n")
    assert r.returncode == 130 and "Afgebroken." in r.stderr
    assert_geen_traceback(r)


def test_onbekende_optie_en_formaat(bb, tmp_path: Path) -> None:
    r = bb("advies", "--formaat", "xml", "-a", str(VOORBEELDEN / "boa-bestel.yaml"), cwd=tmp_path)
    assert r.returncode == 2 and "onbekend formaat 'xml'" in r.stderr
    r = bb("advies", "--antwoord", "x", cwd=tmp_path)
    assert r.returncode == 2 and "onbekende optie" in r.stderr and "bb advies --help" in r.stderr


def test_een_ander_ministerie_past_alleen_yaml_aan(bb, tmp_path: Path) -> None:
    """Change a question, an option label, a reason and add an instrument: no Python involved."""
    boom = (ROOT / "trees" / "rijksoverheid.yaml").read_text(encoding="utf-8")
    boom = boom.replace("tekst: Wie wilt u betrekken?", "tekst: Welke inwoners wilt u spreken?")
    boom = boom.replace("reden: past bij een specifieke doelgroep", "reden: sluit aan op uw doelgroep (IenW)")
    catalogus = (ROOT / "instruments.yaml").read_text(encoding="utf-8") + """
  keukentafelgesprek:
    naam: Keukentafelgesprek
    samenvatting: Een gesprek bij iemand thuis.
    niveaus: [raadplegen]
    kenmerken:
      kosten: laag
      doorlooptijd: kort
      doelgroepen: [specifiek, moeilijk_bereikbaar]
      doelen: [ervaringen]
      fases: [beleidsontwikkeling]
      kanaal: fysiek
      zwaarte: licht
      bereik: klein
      werkvorm: gesprek
      diepgang: veel
      continuiteit: eenmalig
"""
    (tmp_path / "boom.yaml").write_text(boom, encoding="utf-8")
    (tmp_path / "cat.yaml").write_text(catalogus, encoding="utf-8")
    r = bb("advies", "--boom", "boom.yaml", "--catalogus", "cat.yaml", "-a", str(VOORBEELDEN / "stiefouders.json"),
           "-f", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    ids = [i["id"] for i in data["instrumenten"]]
    assert "keukentafelgesprek" in ids[:3] and "keukentafelgesprek" in data["beste"]
    keukentafel = data["instrumenten"][ids.index("keukentafelgesprek")]
    assert keukentafel["rang"] == 1
    assert "sluit aan op uw doelgroep (IenW)" in keukentafel["redenen"]
    assert "sluit aan op uw doelgroep (IenW)" in data["instrumenten"][0]["redenen"]
    tekst = bb("advies", "--boom", "boom.yaml", "--catalogus", "cat.yaml", "-a",
               str(VOORBEELDEN / "stiefouders.json"), cwd=tmp_path).stdout
    assert "Welke inwoners wilt u spreken?" in tekst
    assert "Keukentafelgesprek" in bb("instrumenten", "--catalogus", "cat.yaml", cwd=tmp_path).stdout


def test_meegeleverde_boom_op_naam(bb, tmp_path: Path) -> None:
    r = bb("advies", "--boom", "rijksoverheid", "-a", str(VOORBEELDEN / "boa-bestel.yaml"), "-f", "json",
           cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["boom"]["id"] == "rijksoverheid"
    r = bb("advies", "--boom", "rijksoverheit", "-a", str(VOORBEELDEN / "boa-bestel.yaml"), cwd=tmp_path)
    assert r.returncode == 2 and "bedoelde u 'rijksoverheid'?" in r.stderr


def geladen_modules(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> set[str]:
    """The top-level modules the installed `bb` imports, read from Python's own import log."""
    env = dict(env or schone_env(), PYTHONPROFILEIMPORTTIME="1")
    r = subprocess.run([bb_exe(), *args], capture_output=True, text=True, env=env, timeout=60, input=stdin,
                       stdin=None if stdin is not None else subprocess.DEVNULL, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    return {regel.rsplit("|", 1)[1].strip().split(".")[0] for regel in r.stderr.splitlines()
            if regel.startswith("import time:")}


TRAAG = {"rich", "yaml", "questionary", "prompt_toolkit", "typer", "click"}


@pytest.mark.parametrize("args, stdin, niet", [
    (["--version"], None, TRAAG),
    (["--help"], None, {"rich", "yaml", "questionary", "prompt_toolkit"}),
    (["instrumenten", "--formaat", "json"], None, {"rich", "questionary", "prompt_toolkit"}),
    (["instrumenten"], None, {"questionary", "prompt_toolkit"}),
    (["advies", "--antwoorden", str(VOORBEELDEN / "boa-bestel.yaml"), "--formaat", "json"], None,
     {"rich", "questionary", "prompt_toolkit"}),
    (["advies", "--antwoorden", str(VOORBEELDEN / "boa-bestel.yaml")], None, {"questionary", "prompt_toolkit"}),
    (["advies", "--eenvoudig"], "4\n5\n1\n", {"questionary", "prompt_toolkit"}),
])
def test_elke_opdracht_laadt_alleen_wat_ze_nodig_heeft(args: list[str], stdin: str | None, niet: set[str]) -> None:
    assert not geladen_modules(*args, stdin=stdin) & niet


def test_met_een_warme_cache_laadt_instrumenten_geen_yaml() -> None:
    env = schone_env()
    assert "yaml" in geladen_modules("instrumenten", env=env)  # the first run reads the YAML ...
    assert "yaml" not in geladen_modules("instrumenten", env=env)  # ... the next one the cache


def test_een_vraag_op_het_scherm_laadt_wel_questionary(tmp_path: Path) -> None:
    pexpect = pexpect_module()
    kind = start_advies(tmp_path, env=dict(schone_env(TERM="xterm-256color"), PYTHONPROFILEIMPORTTIME="1"))
    kind.expect_exact("Uw antwoord:")
    voor_de_vraag = kind.before
    kind.sendcontrol("c")
    kind.expect(pexpect.EOF)
    assert re.search(r"\|\s+questionary\s*$", voor_de_vraag, flags=re.M)  # loaded, just before it was needed

def test_een_onnodige_motivering_wordt_gemeld(bb, tmp_path: Path) -> None:
    uit = bb("advies", "-a", str(VOORBEELDEN / "boa-bestel.yaml"), "-m", "Omdat het moet", "-f", "json", cwd=tmp_path)
    assert uit.returncode == 0 and "vraagt geen motivering" in uit.stderr
    assert json.loads(uit.stdout)["motivering"] is None


def test_kleine_dingen_die_slordig_ogen(bb, tmp_path: Path) -> None:
    """Issue 13.6, each as the user meets it."""
    hulp = bb("boom", "paden", "--help", cwd=tmp_path)
    assert "[standaard: tekst]" in hulp.stdout and "\\[" not in hulp.stdout
    kaal = bb(cwd=tmp_path)
    assert kaal.returncode == 0 and kaal.stdout.startswith("Gebruik: bb") and "fout" not in kaal.stdout + kaal.stderr
    for naam in ("Focusgroep", "enquête", "Co-creatiesessie", "co creatiesessie"):
        gevonden = bb("instrumenten", naam, cwd=tmp_path)
        assert gevonden.returncode == 0, (naam, gevonden.stderr)
    verslag = tmp_path / "verslag.md"
    verslag.write_text("# Advies\n\n| a | b |\n", encoding="utf-8")
    uitleg = bb("uitleg", str(verslag), cwd=tmp_path)
    assert uitleg.returncode == 2 and "bb leest de antwoorden uit het JSON-verslag" in uitleg.stderr
    kapot = tmp_path / "a.yaml"
    kapot.write_text("fase: evaluatie\ndoel: informeren ]\n", encoding="utf-8")
    yaml_fout = bb("advies", "-a", str(kapot), cwd=tmp_path)
    assert yaml_fout.returncode == 2 and "did not find" not in yaml_fout.stderr and "a.yaml:2:" in yaml_fout.stderr
    smal = bb("advies", "-a", str(VOORBEELDEN / "boa-bestel.yaml"), cwd=tmp_path, env=schone_env(COLUMNS="60"))
    assert "Burgers betrekken bij beleid en dienstverlening" in smal.stdout  # the tree's title, whole
    assert "domeinnotities" not in bb("begrippen", "raadplegen", cwd=tmp_path).stdout  # a source users know
