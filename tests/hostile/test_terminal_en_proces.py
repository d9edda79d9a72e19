"""Faults around `bb` rather than in its input: a reader that goes away, signals during a prompt,
the C locale, a dumb or very narrow terminal."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from tests.conftest import (OMLAAG, ROOT, bb_exe, bewaard, pexpect_module, schone_env, signaal_bij_vraag,
                            start_advies)

pexpect = pexpect_module()

@pytest.mark.parametrize("opdracht", [["instrumenten"], ["boom", "paden"], ["begrippen"], ["boom", "document"],
                                      ["advies", "-a", str(ROOT / "examples" / "boa-bestel.yaml")]])
def test_een_gesloten_uitvoer_eindigt_stil(opdracht: list[str], tmp_path: Path) -> None:
    bb = " ".join(f"'{a}'" for a in [bb_exe(), *opdracht])
    r = subprocess.run(["bash", "-c", f"set -o pipefail; {bb} | head -c 10 > /dev/null"], capture_output=True,
                       text=True, timeout=60, env=schone_env(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""


@pytest.mark.parametrize("signaal", [signal.SIGTERM, signal.SIGHUP])
def test_een_signaal_tijdens_een_vraag_laat_de_antwoorden_bewaard(tmp_path: Path, signaal: int) -> None:
    env = schone_env(TERM="xterm-256color")
    kind = signaal_bij_vraag(tmp_path, env, [("In welke fase zit uw traject?", 1)],  # uitwerking
                             "Met welk doel betrekt u burgers?", signaal)
    assert kind.signalstatus == signaal or kind.exitstatus not in (0, None)
    assert bewaard(env)["antwoorden"] == {"fase": "uitwerking"}


def test_de_c_locale_werkt(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C", "HOME": str(tmp_path), "BB_DATAMAP": str(tmp_path)}
    r = subprocess.run([bb_exe(), "instrumenten"], capture_output=True, timeout=30, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Enquête".encode() in r.stdout
    r = subprocess.run([bb_exe(), "advies", "--eenvoudig"], input=b"4\n5\n1\n", capture_output=True, timeout=30,
                       env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Dit is geen participatie".encode() in r.stdout


def test_een_smalle_terminal_toont_de_vragen_nog(tmp_path: Path) -> None:
    env = schone_env(TERM="xterm-256color", COLUMNS="30")
    kind = start_advies(tmp_path, env=env, dimensions=(30, 30))
    kind.expect_exact("Vraag 1 van maximaal 7")
    kind.expect_exact("In welke fase zit uw")  # the question, wrapped at 30 columns
    kind.expect_exact("Beleidsontwikkeling")
    kind.send(OMLAAG * 3 + "\r")
    kind.expect_exact("Met welk doel")
    kind.expect_exact("Uw antwoord:")
    kind.send(OMLAAG * 4 + "\r")  # informeren
    kind.expect_exact("Kloppen uw")
    kind.send("\r")
    kind.expect_exact("Dit is geen")
    kind.expect_exact("Motivering")
    kind.send("\r")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0
