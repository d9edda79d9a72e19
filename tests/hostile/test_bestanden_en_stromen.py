"""Files and streams a hostile (or just unlucky) user gives `bb`: the same path twice, a record
of another tree, ids YAML reads as something else, modes and devices as output, endless inputs,
closed, full or ASCII-only standard streams, bytes that are no UTF-8, numbers of thousands of
digits, deeply nested or escape-laden autosaves. Each ends in its documented exit code with one
Dutch message, and loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from burgers_betrekken.lezen import bestanden
from burgers_betrekken.kern.fouten import Beeindigd
from tests.conftest import ROOT, assert_geen_traceback, autosave, bb_exe, run_bb, schone_env

KLEIN = ROOT / "tests" / "bomen" / "klein.yaml"
BOA = ROOT / "examples" / "boa-bestel.yaml"
GEEN_RUIMTE = ROOT / "examples" / "geen-ruimte.yaml"
OK, VALIDATIE, INVOER, BEEINDIGD = 0, 1, 2, 143


def _shell(opdracht: str, env: dict[str, str], cwd: Path, invoer: bytes | None = None) -> subprocess.CompletedProcess:
    """For what Python's subprocess cannot express simply: closed or full standard streams."""
    return subprocess.run(["sh", "-c", opdracht], env={**env, "BB": bb_exe()}, cwd=cwd, input=invoer,
                          capture_output=True, timeout=30)


# --- outputs -------------------------------------------------------------------------------------


def test_uitvoer_en_bewaar_naar_hetzelfde_bestand_wordt_geweigerd(tmp_path: Path) -> None:
    doel = tmp_path / "x.md"
    doel.write_text("mijn eerdere verslag\n", encoding="utf-8")
    uit = run_bb("advies", "-a", str(BOA), "--uitvoer", str(doel), "--bewaar", str(tmp_path / "." / "x.md"),
                 "--overschrijf", cwd=tmp_path)
    assert uit.returncode == INVOER and "--uitvoer en --bewaar wijzen naar hetzelfde bestand" in uit.stderr
    assert doel.read_text(encoding="utf-8") == "mijn eerdere verslag\n"  # nothing was written over it
    assert_geen_traceback(uit)


@pytest.mark.parametrize("umask, verwacht", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_een_nieuw_uitvoerbestand_volgt_de_umask(tmp_path: Path, umask: int, verwacht: int) -> None:
    uit = _shell(f"umask {umask:03o}; \"$BB\" advies -a '{BOA}' --uitvoer v.md", schone_env(), tmp_path)
    assert uit.returncode == OK, uit.stderr
    assert (tmp_path / "v.md").stat().st_mode & 0o777 == verwacht


def test_overschrijven_houdt_de_modus_van_het_bestand(tmp_path: Path) -> None:
    doel = tmp_path / "v.md"
    doel.write_text("oud\n", encoding="utf-8")
    os.chmod(doel, 0o640)
    uit = run_bb("advies", "-a", str(BOA), "--uitvoer", str(doel), "--overschrijf", cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    assert doel.stat().st_mode & 0o777 == 0o640 and "Burgerberaad" in doel.read_text(encoding="utf-8")


def test_een_apparaat_wordt_beschreven_en_nooit_vervangen(tmp_path: Path) -> None:
    uit = run_bb("advies", "-a", str(BOA), "--uitvoer", "/dev/null", "-f", "md", cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    assert Path("/dev/null").is_char_device()


def test_een_onderbroken_schrijfactie_laat_geen_tijdelijk_bestand_en_het_oude_bestand_heel(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doel = tmp_path / "v.md"
    doel.write_text("het oude verslag\n", encoding="utf-8")

    def sigterm_tijdens_schrijven(fd: int) -> None:
        raise Beeindigd()

    monkeypatch.setattr(bestanden.os, "fsync", sigterm_tijdens_schrijven)
    with pytest.raises(Beeindigd):
        bestanden.schrijf_tekst(doel, "het nieuwe verslag\n", overschrijf=True)
    assert [p.name for p in tmp_path.iterdir()] == ["v.md"]
    assert doel.read_text(encoding="utf-8") == "het oude verslag\n"


def test_sigterm_tijdens_de_vragen_eindigt_met_143_en_bewaart_de_antwoorden(tmp_path: Path) -> None:
    from tests.conftest import signaal_bij_vraag

    env = schone_env(TERM="xterm-256color")
    kind = signaal_bij_vraag(tmp_path, env, [("In welke fase zit uw traject?", 1)], "Met welk doel", signal.SIGTERM)
    assert kind.exitstatus == BEEINDIGD
    assert "Beëindigd (SIGTERM)." in kind.before and "bb advies --hervat" in kind.before
    assert json.loads(autosave(env).read_text(encoding="utf-8"))["antwoorden"] == {"fase": "uitwerking"}
    assert not list(Path(env["BB_DATAMAP"]).rglob("*.tmp"))


# --- answers and records -------------------------------------------------------------------------


def test_een_verslag_van_een_andere_boom_wordt_geweigerd_met_de_naam_van_die_boom(tmp_path: Path) -> None:
    record = tmp_path / "v.json"
    assert run_bb("advies", "-a", str(BOA), "--uitvoer", str(record), cwd=tmp_path).returncode == OK
    uit = run_bb("advies", "-a", str(record), "--boom", "uitvoeringsorganisatie", cwd=tmp_path)
    assert uit.returncode == INVOER
    assert "gemaakt met boom 'rijksoverheid' (versie 1.0.0), niet met boom 'uitvoeringsorganisatie'" in uit.stderr
    assert "--boom rijksoverheid" in uit.stderr


def test_een_verslag_van_een_gewijzigde_boom_krijgt_een_waarschuwing(tmp_path: Path) -> None:
    record = tmp_path / "v.json"
    assert run_bb("advies", "-a", str(BOA), "--uitvoer", str(record), cwd=tmp_path).returncode == OK
    data = json.loads(record.read_text(encoding="utf-8"))
    data["boom"]["sha256"] = "0" * 64
    record.write_text(json.dumps(data), encoding="utf-8")
    uit = run_bb("advies", "-a", str(record), "-f", "json", cwd=tmp_path)
    assert uit.returncode == OK
    assert "de boom is sindsdien veranderd" in uit.stderr and "000000000000" in uit.stderr
    assert json.loads(uit.stdout)["pad"] == data["pad"]


def test_bewaarde_antwoorden_worden_met_een_echte_yaml_schrijver_geschreven(tmp_path: Path) -> None:
    """A tree `versie` with a newline cannot inject a line; a motivation with quotes, colons and
    newlines comes back as typed."""
    boom = tmp_path / "boom.yaml"
    boom.write_text(KLEIN.read_text(encoding="utf-8").replace('versie: "1.0"', 'versie: "1\\nmotivering: ingevoegd"'),
                    encoding="utf-8")
    motivering = 'Wettelijk: "art. 3", zie\nnotitie #2 — klaar'
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("doel: informeren\n", encoding="utf-8")
    uit = run_bb("advies", "--boom", str(boom), "-a", str(antwoorden), "-m", motivering,
                 "--bewaar", str(tmp_path / "b.yaml"), cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    opnieuw = run_bb("advies", "--boom", str(boom), "-a", str(tmp_path / "b.yaml"), "-f", "json", cwd=tmp_path)
    assert opnieuw.returncode == OK, opnieuw.stderr
    data = json.loads(opnieuw.stdout)
    assert data["motivering"]["tekst"] == motivering and [s["vraag"] for s in data["pad"]] == ["doel"]


@pytest.mark.parametrize("sleutel, soort", [("no", "ja/nee"), ("on", "ja/nee"), ("1_000", "getal"),
                                            ("off", "ja/nee"), ("0x1f", "getal"), ('"budget\\n"', None)])
def test_ids_die_yaml_anders_leest_worden_geweigerd(tmp_path: Path, sleutel: str, soort: str | None) -> None:
    boom = tmp_path / "boom.yaml"
    tekst = KLEIN.read_text(encoding="utf-8").replace("      hoog:\n", f"      {sleutel}:\n")
    boom.write_text(tekst, encoding="utf-8")
    uit = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert uit.returncode == VALIDATIE
    regel = tekst[:tekst.index(f"      {sleutel}:")].count("\n") + 1
    assert f"boom.yaml:{regel}:" in uit.stdout + uit.stderr
    if soort:
        assert f"YAML leest '{sleutel}' als {soort}, niet als tekst" in uit.stdout + uit.stderr
    else:
        assert "is geen geldige id" in uit.stdout + uit.stderr
    assert_geen_traceback(uit)


@pytest.mark.parametrize("cijfers, melding", [(5000, "is een getal van 5000 cijfers; dat is te groot"),
                                              (1000, "mag hoogstens 1000 zijn, maar is een getal van 1000 cijfers")])
def test_punten_van_duizenden_cijfers_worden_geweigerd(tmp_path: Path, cijfers: int, melding: str) -> None:
    boom = tmp_path / "boom.yaml"
    boom.write_text(KLEIN.read_text(encoding="utf-8").replace("    soort: eis\n", f"    soort: eis\n    punten: {'9' * cijfers}\n", 1),
                    encoding="utf-8")
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("doel: inzichten\nbudget: laag\n", encoding="utf-8")
    uit = run_bb("advies", "--boom", str(boom), "-a", str(antwoorden), "-f", "json", cwd=tmp_path)
    assert uit.returncode == INVOER and melding in uit.stderr and "boom.yaml:" in uit.stderr
    assert_geen_traceback(uit)


# --- endless and special inputs ------------------------------------------------------------------


@pytest.mark.parametrize("optie", ["-a", "--catalogus", "--boom"])
def test_een_eindeloze_invoer_stopt_met_een_melding(tmp_path: Path, optie: str) -> None:
    args = ["advies", optie, "/dev/zero"] + ([] if optie == "-a" else ["-a", str(BOA)])
    uit = run_bb(*args, cwd=tmp_path, timeout=20)
    assert uit.returncode == INVOER and "'/dev/zero' is groter dan 8 MB" in uit.stderr
    assert_geen_traceback(uit)


def test_een_pijp_zonder_schrijver_hangt_niet(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    uit = run_bb("advies", "-a", str(fifo), cwd=tmp_path, timeout=20)
    assert uit.returncode == INVOER and "het antwoordenbestand is leeg" in uit.stderr


# --- standard streams ----------------------------------------------------------------------------


def test_columns_nul_toont_het_advies_op_de_gewone_breedte(tmp_path: Path) -> None:
    gewoon = run_bb("advies", "-a", str(BOA), cwd=tmp_path)
    for waarde in ("0", "-3", "breed"):
        uit = run_bb("advies", "-a", str(BOA), cwd=tmp_path, env=schone_env(COLUMNS=waarde))
        assert uit.returncode == OK and uit.stdout == gewoon.stdout and "Burgerberaad" in uit.stdout


@pytest.mark.parametrize("opdracht", ['"$BB" advies -a "$A" > /dev/full', '"$BB" --version > /dev/full',
                                      '"$BB" instrumenten > /dev/full'])
def test_een_volle_schijf_achter_stdout_geeft_een_melding(tmp_path: Path, opdracht: str) -> None:
    uit = _shell(opdracht, schone_env(A=str(BOA)), tmp_path)
    assert uit.returncode == INVOER, uit.stderr
    assert uit.stderr.decode().strip().endswith("kan de uitvoer niet schrijven: de schijf is vol")
    assert b"Traceback" not in uit.stderr


def test_een_gesloten_stdout_is_een_fout_en_geen_stille_nul(tmp_path: Path) -> None:
    uit = _shell('"$BB" advies -a "$A" >&-', schone_env(A=str(BOA)), tmp_path)
    assert uit.returncode == INVOER and b"de standaarduitvoer is gesloten" in uit.stderr


def test_een_gesloten_stdin_bij_eenvoudig_is_een_melding(tmp_path: Path) -> None:
    uit = _shell('"$BB" advies --eenvoudig <&-', schone_env(), tmp_path)
    assert uit.returncode == INVOER and b"de standaardinvoer is gesloten" in uit.stderr
    assert b"Traceback" not in uit.stderr


def test_een_ascii_uitvoer_verliest_niets(tmp_path: Path) -> None:
    utf8 = run_bb("advies", "-a", str(BOA), "-f", "json", cwd=tmp_path)
    ascii_ = run_bb("advies", "-a", str(BOA), "-f", "json", cwd=tmp_path, env=schone_env(PYTHONIOENCODING="ascii"))
    assert ascii_.returncode == OK and "alleen ascii" in ascii_.stderr
    assert ascii_.stdout.isascii()
    een, ander = json.loads(utf8.stdout), json.loads(ascii_.stdout)
    een.pop("gemaakt"), ander.pop("gemaakt")
    assert een == ander  # the escapes are JSON's own: the same document
    tekst = run_bb("instrumenten", "enquete", cwd=tmp_path, env=schone_env(PYTHONIOENCODING="ascii"))
    assert tekst.returncode == OK and "Enqu\\u00eate" in tekst.stdout


def test_een_motivering_met_een_ongeldige_byte_gaat_niet_verloren(tmp_path: Path) -> None:
    uit = subprocess.run([bb_exe(), "advies", "-a", str(GEEN_RUIMTE), "-m", b"ab\xffcd", "--uitvoer", "v.md"],
                         capture_output=True, env=schone_env(), cwd=tmp_path, timeout=30)
    assert uit.returncode == OK, uit.stderr
    assert b"geen UTF-8" in uit.stderr
    assert "ab\ufffdcd" in (tmp_path / "v.md").read_text(encoding="utf-8")


def test_een_getypte_motivering_met_een_ongeldige_byte_gaat_niet_verloren(tmp_path: Path) -> None:
    import pexpect

    env = schone_env(TERM="xterm-256color")
    kind = pexpect.spawn(bb_exe(), ["advies", "--eenvoudig", "--boom", str(KLEIN)], cwd=str(tmp_path), env=env,
                         timeout=20)
    kind.expect_exact(b"Uw keuze:")
    kind.send(b"2\r")  # informeren: no participation, so a motivation is asked
    kind.expect_exact(b"Klopt, toon het advies")
    kind.expect_exact(b"Uw keuze:")
    kind.send(b"1\r")
    kind.expect_exact(b"Motivering (Enter om over te slaan):")
    kind.send(b"wettelijk \xff vastgelegd\r")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == OK
    verslagen = list((Path(env["BB_DATAMAP"]) / "verslagen").glob("*.md"))
    assert len(verslagen) == 1 and "wettelijk \ufffd vastgelegd" in verslagen[0].read_text(encoding="utf-8")


# --- autosaves -----------------------------------------------------------------------------------


def test_een_diep_geneste_autosave_is_een_melding(tmp_path: Path) -> None:
    env = schone_env()
    autosave(env, "klein").parent.mkdir(parents=True)
    autosave(env, "klein").write_text('{"antwoorden": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    uit = run_bb("advies", "--boom", str(KLEIN), "--eenvoudig", cwd=tmp_path, env=env, stdin="")
    assert uit.returncode == INVOER and "is beschadigd" in uit.stderr
    assert autosave(env, "klein").exists()  # reported, not deleted: the user decides
    assert_geen_traceback(uit)


def test_stuurtekens_uit_boom_en_autosave_bereiken_de_terminal_niet(tmp_path: Path) -> None:
    env = schone_env()
    boom = tmp_path / "boom.yaml"
    boom.write_text(KLEIN.read_text(encoding="utf-8").replace("Wat is het doel?", '"Wat is \\e[2Jhet\\u202e doel?"'),
                    encoding="utf-8")  # YAML's own escapes: a raw ESC is no valid YAML
    autosave(env, "klein").parent.mkdir(parents=True)
    autosave(env, "klein").write_text(json.dumps({
        "versie": 1, "boom": "klein", "sha256": "0" * 64, "bijgewerkt": "2026-12-01T10:00:00+01:00",
        "antwoorden": {"doel": "inzichten", "\x1b]0;titel\x07weg": "x"}}), encoding="utf-8")
    uit = run_bb("advies", "--boom", str(boom), "--eenvoudig", "--hervat", cwd=tmp_path, env=env, stdin="1\n1\n")
    assert uit.returncode == OK, uit.stderr
    assert "\x1b" not in uit.stdout and "\u202e" not in uit.stdout and "\x07" not in uit.stdout
    assert "Wat is \\u001b[2Jhet\\u202e doel?" in uit.stdout
    assert "weggelaten: \\u001b]0;titel\\u0007weg" in uit.stdout


# --- two sessions on one tree --------------------------------------------------------------------


def _wacht_op(pad: Path, antwoorden: dict[str, str], seconden: float = 20) -> None:
    import time

    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            if json.loads(pad.read_text(encoding="utf-8"))["antwoorden"] == antwoorden:
                return
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    raise AssertionError(f"{pad} never held {antwoorden}")


def test_twee_sessies_op_dezelfde_boom_verliezen_elkaars_antwoorden_niet(tmp_path: Path) -> None:
    env = schone_env()
    eerste = subprocess.Popen([bb_exe(), "advies", "--eenvoudig"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env, cwd=tmp_path, text=True)
    try:
        assert eerste.stdin is not None
        eerste.stdin.write("1\n")  # fase: beleidsontwikkeling, then it waits for the next answer
        eerste.stdin.flush()
        _wacht_op(autosave(env), {"fase": "beleidsontwikkeling"})

        tweede = run_bb("advies", "--eenvoudig", cwd=tmp_path, env=env, stdin="4\n2\n")  # stops after two answers
        assert tweede.returncode == 130
        apart = Path(env["BB_DATAMAP"]) / "lopend" / "rijksoverheid.2.json"
        assert "deze sessie wordt apart bewaard" in tweede.stdout and str(apart) in tweede.stdout
        assert "Verder waar u was?" not in tweede.stdout  # the running session is not offered
        assert json.loads(apart.read_text(encoding="utf-8"))["antwoorden"] == {"fase": "evaluatie",
                                                                                "doel": "ervaringen"}
    finally:
        uit, fout = eerste.communicate("", timeout=30)  # end of input: the first one stops too
    assert eerste.returncode == 130, fout
    assert json.loads(autosave(env).read_text(encoding="utf-8"))["antwoorden"] == {"fase": "beleidsontwikkeling"}

    # later: both are offered, newest first, and the user chooses which one to continue
    verder = run_bb("advies", "--eenvoudig", "-f", "json", cwd=tmp_path, env=env, stdin="1\n")
    assert "U heeft 2 onafgemaakte sessies" in verder.stderr and "Met welke sessie" in verder.stderr
    assert verder.stderr.index("1. ") < verder.stderr.index(": 2 antwoorden") < verder.stderr.index("2. ")
    assert "Verder met 2 bewaarde antwoorden" in verder.stderr
    assert autosave(env).exists()  # the other session stays saved

    vergeten = run_bb("advies", "--vergeet", cwd=tmp_path, env=env)
    assert vergeten.returncode == OK and vergeten.stdout.count("Onafgemaakte sessie vergeten") >= 1
    assert not list((Path(env["BB_DATAMAP"]) / "lopend").glob("*.json"))


def test_de_sessiekeuze_met_pijltjes(tmp_path: Path) -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from burgers_betrekken.vragen import pijltjes

    opties = ["01-12-2026 10:00: 3 antwoorden", "30-11-2026 16:12: 1 antwoord"]
    with create_pipe_input() as invoer:
        invoer.send_text("\x1b[B\r")  # one down: the second session
        assert pijltjes.kies_sessie(opties, True, input=invoer, output=DummyOutput()) == 1
    with create_pipe_input() as invoer:
        invoer.send_text("\x1b[B\x1b[B\r")  # two down: start anew
        assert pijltjes.kies_sessie(opties, True, input=invoer, output=DummyOutput()) is None
