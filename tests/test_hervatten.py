"""Never lose answers: every answer is saved the moment it is given; after Ctrl-C or a closed
terminal (SIGINT, SIGHUP sent to the installed `bb` in a pseudo-terminal) `--hervat` or a plain
`bb advies` continues at the next question; a changed tree keeps what still fits."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.conftest import (ROOT, assert_geen_traceback, autosave, bewaard, kies, pexpect_module, schone_env,
                            signaal_bij_vraag, start_advies)

pexpect = pexpect_module()

def twee_antwoorden_en_dan(tmp_path: Path, env: dict, signaal: int):
    return signaal_bij_vraag(tmp_path, env, [("In welke fase zit uw traject?", 3),  # evaluatie
                                             ("Met welk doel betrekt u burgers?", 1)],  # ervaringen
                             "Hoeveel inhoudelijke ruimte", signaal)


def test_na_ctrl_c_gaat_hervat_verder_bij_de_volgende_vraag(tmp_path: Path) -> None:
    env = schone_env(TERM="xterm-256color")
    kind = twee_antwoorden_en_dan(tmp_path, env, signal.SIGINT)
    assert kind.exitstatus == 130
    assert "Afgebroken." in kind.before and "bb advies --hervat" in kind.before
    assert bewaard(env)["antwoorden"] == {"fase": "evaluatie", "doel": "ervaringen"}

    kind = start_advies(tmp_path, "--hervat", env=env)
    kind.expect_exact("Verder met 2 bewaarde antwoorden.")
    kind.expect_exact("Vraag 3 van maximaal 7")
    kies(kind, "Hoeveel inhoudelijke ruimte", 0)  # geen: the advice follows
    kind.expect_exact("Kloppen uw antwoorden?")
    kind.send("\r")
    kind.expect_exact("Dit is geen participatie")
    kind.expect_exact("Motivering (Enter om over te slaan):")
    kind.send("\r")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0
    assert not autosave(env).exists()  # finished: forgotten


def test_na_een_gesloten_terminal_biedt_bb_advies_aan_verder_te_gaan(tmp_path: Path) -> None:
    env = schone_env(TERM="xterm-256color")
    twee_antwoorden_en_dan(tmp_path, env, signal.SIGHUP)
    assert bewaard(env)["antwoorden"] == {"fase": "evaluatie", "doel": "ervaringen"}

    kind = start_advies(tmp_path, env=env)
    kind.expect_exact("bezig met deze beslisboom (2 antwoorden")
    kind.expect_exact("Verder waar u was?")
    kind.send("\r")  # Ja
    kind.expect_exact("Vraag 3 van maximaal 7")
    kind.sendcontrol("b")  # the kept answers are really there: back shows doel
    kind.expect_exact("Vraag 2 van maximaal 7")
    kind.expect_exact("Uw antwoord:")  # the prompt is ready
    kind.sendcontrol("c")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 130


def test_een_veranderde_boom_houdt_wat_nog_past(bb, tmp_path: Path) -> None:
    env = schone_env()
    boom = tmp_path / "boom.yaml"
    boom.write_text((ROOT / "trees" / "rijksoverheid.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    autosave(env).parent.mkdir(parents=True)
    autosave(env).write_text(json.dumps({
        "versie": 1, "boom": "rijksoverheid", "sha256": "0" * 64, "bijgewerkt": "2026-11-24T10:00:00+01:00",
        "antwoorden": {"fase": "evaluatie", "doel": "oud_doel", "verdwenen": "x"}}), encoding="utf-8")
    uit = bb("advies", "--boom", str(boom), "--hervat", "--eenvoudig", cwd=tmp_path, env=env, stdin="5\n1\n\n")
    assert uit.returncode == 0, uit.stderr
    assert "De beslisboom is veranderd sinds uw vorige sessie. Deze antwoorden passen niet meer en zijn " \
           "weggelaten: doel, verdwenen." in uit.stdout
    assert "Verder met 1 bewaard antwoord." in uit.stdout
    assert "Vraag 2 van maximaal 7" in uit.stdout and "Vraag 1 van" not in uit.stdout


def test_vergeet_en_hervat_zonder_sessie(bb, tmp_path: Path) -> None:
    env = schone_env()
    autosave(env).parent.mkdir(parents=True)
    autosave(env).write_text("{}", encoding="utf-8")
    beschadigd = bb("advies", "--hervat", "--eenvoudig", cwd=tmp_path, env=env, stdin="")
    assert beschadigd.returncode == 2 and "is beschadigd" in beschadigd.stderr and "--vergeet" in beschadigd.stderr
    weg = bb("advies", "--vergeet", cwd=tmp_path, env=env)
    assert weg.returncode == 0 and "Onafgemaakte sessie vergeten" in weg.stdout
    assert not autosave(env).exists()
    geen = bb("advies", "--hervat", "--eenvoudig", cwd=tmp_path, env=env, stdin="")
    assert geen.returncode == 2 and "geen onafgemaakte sessie" in geen.stderr
    assert_geen_traceback(geen)


def test_elk_antwoord_wordt_meteen_bewaard_ook_als_de_invoer_stopt(bb, tmp_path: Path) -> None:
    env = schone_env()
    uit = bb("advies", "--eenvoudig", cwd=tmp_path, env=env, stdin="2\n3\n")
    assert uit.returncode == 130 and "bb advies --hervat" in uit.stderr
    assert bewaard(env)["antwoorden"] == {"fase": "uitwerking", "doel": "samen_ontwerpen"}


def test_ook_de_eenvoudige_vorm_begint_niet_zonder_te_vragen_over_bewaarde_antwoorden_heen(bb, tmp_path: Path) -> None:
    env = schone_env()
    bb("advies", "--eenvoudig", cwd=tmp_path, env=env, stdin="2\n3\n")  # stops after two answers
    assert bewaard(env)["antwoorden"] == {"fase": "uitwerking", "doel": "samen_ontwerpen"}

    gestopt = bb("advies", "--eenvoudig", cwd=tmp_path, env=env, stdin="")  # stops at the offer itself
    assert gestopt.returncode == 130 and "Verder waar u was?" in gestopt.stdout
    assert "blijven bewaard" in gestopt.stderr and "bb advies --hervat" in gestopt.stderr
    assert bewaard(env)["antwoorden"] == {"fase": "uitwerking", "doel": "samen_ontwerpen"}

    verder = bb("advies", "--eenvoudig", cwd=tmp_path, env=env, stdin="\n")  # Enter = yes, then input ends
    assert "(2 antwoorden, bewaard in" in verder.stdout and "Verder met 2 bewaarde antwoorden." in verder.stdout
    assert "Vraag 3 van maximaal" in verder.stdout
    assert bewaard(env)["antwoorden"] == {"fase": "uitwerking", "doel": "samen_ontwerpen"}

    opnieuw = bb("advies", "--eenvoudig", cwd=tmp_path, env=env, stdin="2\n4\n")  # no, start over; then fase
    assert "Vraag 1 van maximaal" in opnieuw.stdout
    assert bewaard(env)["antwoorden"] == {"fase": "evaluatie"}


def test_als_het_verslag_niet_geschreven_kan_worden_blijven_de_antwoorden_bewaard(bb, tmp_path: Path) -> None:
    if not Path("/sys/kernel").is_dir():
        pytest.skip("needs Linux /sys, where nobody (not even root) may create a file")
    env = schone_env()
    uit = bb("advies", "--eenvoudig", "--uitvoer", "/sys/verslag.md", cwd=tmp_path, env=env, stdin="4\n5\n1\n")
    assert uit.returncode == 2
    assert "geen toestemming om '/sys/verslag.md' te schrijven" in uit.stderr
    assert f"uw antwoorden zijn veilig bewaard in {env['BB_DATAMAP']}/lopend/rijksoverheid.json" in uit.stderr
    assert bewaard(env)["antwoorden"] == {"fase": "evaluatie", "doel": "informeren"}


def test_ctrl_c_bij_de_motivering_breekt_af_en_houdt_de_antwoorden(tmp_path: Path) -> None:
    env = schone_env(TERM="xterm-256color")
    kind = start_advies(tmp_path, env=env)
    kies(kind, "In welke fase zit uw traject?", 3)  # evaluatie
    kies(kind, "Met welk doel betrekt u burgers?", 4)  # informeren: no participation, a motivation is asked
    kind.expect_exact("Kloppen uw antwoorden?")
    kind.send("\r")
    kind.expect_exact("Motivering (Enter om over te slaan):")
    kind.sendcontrol("c")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 130
    assert "Afgebroken." in kind.before and "bb advies --hervat" in kind.before
    assert bewaard(env)["antwoorden"] == {"fase": "evaluatie", "doel": "informeren"}
