"""Outputs and the process around them, from the second adversarial review: a FIFO nobody reads,
/dev/stdout as the record, names under /proc, a name ending in '/', switches that contradict each
other, an endless line on the plain interview's input, Ctrl-C while bb starts, and a resumed
session that lists 100,000 dropped answers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_geen_traceback, autosave, bb_exe, run_bb, schone_env

KLEIN = ROOT / "tests" / "bomen" / "klein.yaml"
ANTWOORDEN = "doel: inzichten\nbudget: laag\n"


def _antwoorden(tmp_path: Path) -> str:
    pad = tmp_path / "a.yaml"
    pad.write_text(ANTWOORDEN, encoding="utf-8")
    return str(pad)


# --- a FIFO nobody reads from ------------------------------------------------------------------


@pytest.mark.parametrize("opdracht", [
    ["advies", "--boom", str(KLEIN), "-a", "{a}", "-o", "{fifo}", "-f", "md"],
    ["advies", "--boom", str(KLEIN), "-a", "{a}", "--bewaar", "{fifo}"],
    ["boom", "website", str(KLEIN), "-o", "{fifo}"],
])
def test_een_fifo_zonder_lezer_als_uitvoer_hangt_niet(tmp_path: Path, opdracht: list[str]) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    a = _antwoorden(tmp_path)
    r = run_bb(*[d.format(a=a, fifo=fifo) for d in opdracht], cwd=tmp_path, timeout=20)
    assert r.returncode == 2, r.stderr
    assert f"er leest niemand uit de FIFO '{fifo}'" in r.stderr
    assert_geen_traceback(r)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "f"]  # nothing else written


def test_een_fifo_met_lezer_krijgt_het_verslag(tmp_path: Path) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    lezer = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        r = run_bb("advies", "--boom", str(KLEIN), "-a", _antwoorden(tmp_path), "-o", str(fifo), "-f", "md",
                   cwd=tmp_path, timeout=20)
        gelezen, _ = lezer.communicate(timeout=20)
    finally:
        lezer.kill()
    assert r.returncode == 0, r.stderr
    assert gelezen.decode().startswith("# Advies: Kleine boom")


# --- /dev/stdout and friends as the record ------------------------------------------------------


@pytest.mark.parametrize("naam", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_uitvoer_naar_stdout_in_een_bestand_is_precies_het_verslag(tmp_path: Path, naam: str) -> None:
    uit = tmp_path / "out.json"
    with uit.open("w") as f:
        r = subprocess.run([bb_exe(), "advies", "--boom", str(KLEIN), "-a", _antwoorden(tmp_path), "-o", naam,
                            "-f", "json"], stdout=f, stderr=subprocess.PIPE, text=True, timeout=30,
                           env=schone_env(), cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr
    assert "symbolische koppeling" not in r.stderr
    tekst = uit.read_text(encoding="utf-8")
    json.loads(tekst)  # the whole of stdout is one JSON document: no screen advice before it
    assert "Raadplegen" in tekst


def test_uitvoer_naar_stdout_in_een_pijp_is_geldige_json(tmp_path: Path) -> None:
    r = subprocess.run(["bash", "-c", f"set -o pipefail; '{bb_exe()}' advies --boom '{KLEIN}' -a "
                                      f"'{_antwoorden(tmp_path)}' -o /dev/stdout -f json | cat"],
                       capture_output=True, text=True, timeout=30, env=schone_env(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    json.loads(r.stdout)  # no screen advice before the record
    assert "╭" not in r.stdout


def test_uitvoer_naar_stderr_laat_stdout_het_advies(tmp_path: Path) -> None:
    r = run_bb("advies", "--boom", str(KLEIN), "-a", _antwoorden(tmp_path), "-o", "/dev/stderr", "-f", "md",
               cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "# Advies: Kleine boom" in r.stderr
    assert "Raadplegen" in r.stdout


# --- a name bb cannot make ------------------------------------------------------------------------


@pytest.mark.parametrize("naam,extra", [("/proc/x.md", []), ("/proc/self/status", ["--overschrijf", "-f", "md"])])
def test_een_uitvoer_onder_proc_zegt_dat_bb_daar_geen_bestand_kan_maken(tmp_path: Path, naam: str,
                                                                         extra: list[str]) -> None:
    r = run_bb("advies", "--boom", str(KLEIN), "-a", _antwoorden(tmp_path), "-o", naam, *extra, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "bestaat niet" not in r.stderr
    assert f"kan '{naam}' niet schrijven" in r.stderr
    assert_geen_traceback(r)


def test_een_map_die_er_niet_is_wordt_nog_steeds_zo_genoemd(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    r = run_bb("advies", "--boom", str(KLEIN), "-a", _antwoorden(tmp_path), "-o", "/proc/geen/x.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "de map '/proc/geen' bestaat niet" in r.stderr


# --- empty names and names ending in '/' ---------------------------------------------------------


@pytest.mark.parametrize("opdracht,melding", [
    (["advies", "--boom", str(KLEIN), "-a", "{a}", "-o", "nieuw/"], "--uitvoer 'nieuw/' eindigt op '/'"),
    (["advies", "--boom", str(KLEIN), "-a", "{a}", "-o", "nieuw/", "-f", "md"], "--uitvoer 'nieuw/' eindigt op '/'"),
    (["advies", "--boom", str(KLEIN), "-a", "{a}", "--bewaar", "nieuw/"], "--bewaar 'nieuw/' eindigt op '/'"),
    (["advies", "--boom", str(KLEIN), "-a", "{a}", "-o", ""], "--uitvoer is leeg"),
    (["advies", "--boom", str(KLEIN), "-a", "{a}", "--bewaar", ""], "--bewaar is leeg"),
    (["boom", "website", str(KLEIN), "-o", "nieuw/"], "--uitvoer 'nieuw/' eindigt op '/'"),
    (["boom", "website", str(KLEIN), "-o", ""], "--uitvoer is leeg"),
    (["schema", "-o", ""], "--uitvoer is leeg; geef een map"),
])
def test_een_lege_naam_of_een_naam_op_slash_wordt_geweigerd(tmp_path: Path, opdracht: list[str],
                                                            melding: str) -> None:
    a = _antwoorden(tmp_path)
    r = run_bb(*[d.format(a=a) for d in opdracht], cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert melding in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]  # no file 'nieuw', nothing in '.'


def test_schema_in_een_map_met_slash_mag(tmp_path: Path) -> None:
    r = run_bb("schema", "-o", "s/", "boom", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "s" / "boom.schema.json").is_file()


# --- switches that contradict each other ---------------------------------------------------------


@pytest.mark.parametrize("opties,melding", [
    (["--vergeet", "-a", "{a}"], "kies --vergeet of --antwoorden, niet allebei"),
    (["--vergeet", "--hervat"], "kies --vergeet of --hervat, niet allebei"),
    (["--vergeet", "-o", "x.md"], "kies --vergeet of --uitvoer, niet allebei"),
    (["--hervat", "-a", "{a}"], "kies --hervat of --antwoorden, niet allebei"),
    (["-a", "{a}", "--overschrijf"], "--overschrijf hoort bij --uitvoer of --bewaar"),
    (["-a", "{a}", "--kort", "-f", "json"], "--kort geldt voor het advies als tekst op het scherm"),
])
def test_tegenstrijdige_opties_worden_geweigerd(tmp_path: Path, opties: list[str], melding: str) -> None:
    env = schone_env()
    bewaard = autosave(env, "klein")
    bewaard.parent.mkdir(parents=True)
    bewaard.write_text(json.dumps({"versie": 1, "boom": "klein", "sha256": "0" * 64, "antwoorden": {"doel": "inzichten"},
                                   "bijgewerkt": "2026-01-01T10:00:00+01:00"}), encoding="utf-8")
    a = _antwoorden(tmp_path)
    r = run_bb("advies", "--boom", str(KLEIN), *[o.format(a=a) for o in opties], cwd=tmp_path, env=env)
    assert r.returncode == 2, r.stdout + r.stderr
    assert melding in r.stderr
    assert bewaard.exists()  # --vergeet forgot nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]
    assert r.stdout == ""


def test_kort_als_tekst_en_vergeet_alleen_blijven_werken(tmp_path: Path) -> None:
    r = run_bb("advies", "--boom", str(KLEIN), "-a", _antwoorden(tmp_path), "--kort", "-f", "tekst", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run_bb("advies", "--boom", str(KLEIN), "--vergeet", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


# --- the plain interview's input is bounded ----------------------------------------------------


def _eenvoudig(bron: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`bb advies --eenvoudig` fed by a shell source, under a memory limit of 1 GB (the old code
    read an endless line whole)."""
    return subprocess.run(["bash", "-c", f"ulimit -v 1000000; {bron} | '{bb_exe()}' advies --boom '{KLEIN}' "
                                         f"--eenvoudig"], capture_output=True, text=True, timeout=60, env=env,
                          cwd=tmp_path)


def test_een_eindeloze_regel_eindigt_met_een_melding(tmp_path: Path) -> None:
    env = schone_env()
    r = _eenvoudig("(echo 1; tr -d '\\n' < /dev/zero)", env, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "een regel van de invoer houdt niet op (meer dan 1 MB zonder regeleinde)" in r.stderr
    assert "Uw antwoorden zijn bewaard in" in r.stderr  # the first answer is kept
    assert json.loads(autosave(env, "klein").read_text(encoding="utf-8"))["antwoorden"] == {"doel": "inzichten"}
    assert_geen_traceback(r)


def test_dev_full_als_invoer_eindigt(tmp_path: Path) -> None:
    r = _eenvoudig("cat /dev/full", schone_env(), tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "fout: een regel van de invoer houdt niet op" in r.stderr


def test_een_te_lange_regel_wordt_overgeslagen_en_opnieuw_gevraagd(tmp_path: Path) -> None:
    r = run_bb("advies", "--boom", str(KLEIN), "--eenvoudig", stdin="1\n" + "x" * 100_000 + "\n1\n1\n", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Die regel is te lang (meer dan 4.096 tekens); typ alleen uw antwoord." in r.stdout
    assert "x" * 100 not in r.stdout
    assert "Raadplegen" in r.stdout


def test_steeds_een_ongeldig_antwoord_eindigt_en_bewaart_de_antwoorden(tmp_path: Path) -> None:
    env = schone_env()
    r = _eenvoudig("(echo 1; yes 9)", env, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "fout: te veel ongeldige antwoorden na elkaar (50)" in r.stderr
    assert "Ga verder met: bb advies --hervat" in r.stderr
    assert json.loads(autosave(env, "klein").read_text(encoding="utf-8"))["antwoorden"] == {"doel": "inzichten"}


# --- Ctrl-C while bb starts --------------------------------------------------------------------


_START = ("import re, sys\n"  # what the installer's wrapper script does before main()
          "from burgers_betrekken.opdrachtregel.start import main\n"
          "sys.argv = ['bb', 'advies', '--boom', sys.argv[1], '-a', sys.argv[2]]\n"
          "sys.stderr.write('klaar\\n'); sys.stderr.flush(); sys.exit(main())\n")


def _voor_main(fout: str) -> bool:
    """The signal came in the harness's own last line, before main() ran (a loaded machine)."""
    regels = fout.splitlines()
    return len(regels) == 3 and regels[0].startswith("Traceback") and 'File "<string>"' in regels[1]


def _interactieve_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # as an interactive shell starts a command


@pytest.mark.parametrize("wacht_ms", [1, 3, 6, 10, 15, 20, 30, 45, 60, 90])
def test_ctrl_c_tijdens_het_starten_geeft_geen_traceback(tmp_path: Path, wacht_ms: int) -> None:
    """SIGINT at moments from the first line of main() through its imports (some tens of ms)."""
    for _ in range(3):  # a signal that came before main() (the harness's own lines) is tried again
        kind = subprocess.Popen([sys.executable, "-c", _START, str(KLEIN), _antwoorden(tmp_path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=schone_env(),
                                cwd=tmp_path, preexec_fn=_interactieve_sigint)
        assert kind.stderr is not None
        assert kind.stderr.readline() == "klaar\n"
        time.sleep(wacht_ms / 1000)
        kind.send_signal(signal.SIGINT)
        _, fout = kind.communicate(timeout=30)
        if not _voor_main(fout):
            break
    assert "Traceback" not in fout, fout
    assert kind.returncode in (0, 130), fout
    if kind.returncode == 130:
        assert "Afgebroken." in fout


# --- a resumed session with very many dropped answers -------------------------------------------


def test_hervatten_met_100000_onbekende_antwoorden_geeft_een_korte_regel(tmp_path: Path) -> None:
    env = schone_env()
    bewaard = autosave(env, "klein")
    bewaard.parent.mkdir(parents=True)
    antwoorden = {"k" * 5000: "x", **{f"v{i}": "x" for i in range(100_000)}}
    bewaard.write_text(json.dumps({"versie": 1, "boom": "klein", "sha256": "0" * 64, "antwoorden": antwoorden,
                                   "bijgewerkt": "2026-01-01T10:00:00+01:00"}), encoding="utf-8")
    r = run_bb("advies", "--boom", str(KLEIN), "--hervat", "--eenvoudig", stdin="1\n1\n1\n", env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    regel = next(r for r in r.stdout.splitlines() if "weggelaten" in r)
    assert len(regel) < 1000, len(regel)
    assert "… en nog 99.991" in regel
    assert "k" * 39 + "…" in regel and "k" * 41 not in regel
    assert "v8" in regel and "v9," not in regel
