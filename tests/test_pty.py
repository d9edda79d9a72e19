"""The installed `bb advies` in a real pseudo-terminal at 80 columns: a full walk, and Ctrl-C."""

from __future__ import annotations

import pytest

from conftest import bb_exe, schone_env

pexpect = pytest.importorskip("pexpect")

OMLAAG = "\x1b[B"


def start(tmp_path):
    env = schone_env(TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    return pexpect.spawn(bb_exe(), ["advies"], cwd=str(tmp_path), env=env, dimensions=(40, 80),
                         encoding="utf-8", timeout=20)


def kies(kind, vraagtekst: str, omlaag: int) -> None:
    kind.expect_exact(vraagtekst)
    kind.send(OMLAAG * omlaag + "\r")


def exitcode(kind) -> int:
    """Wait for `bb` to end and return its exit status."""
    kind.expect(pexpect.EOF)
    kind.close()
    return kind.exitstatus


def test_een_volledige_wandeling_eindigt_in_een_advies(tmp_path) -> None:
    kind = start(tmp_path)
    kind.expect_exact("Vraag 1 van maximaal 7")
    kies(kind, "In welke fase zit uw traject?", 0)
    kind.expect_exact("Vraag 2 van maximaal 7")
    kies(kind, "Met welk doel betrekt u burgers?", 1)  # ervaringen
    kies(kind, "Hoeveel inhoudelijke ruimte", 1)  # beperkt
    kies(kind, "Wie wilt u betrekken?", 1)  # specifiek
    kies(kind, "Hoeveel budget", 0)  # laag
    kies(kind, "Hoeveel tijd", 0)  # kort
    kind.expect_exact("Vraag 7 van maximaal 7")
    kies(kind, "Is er acute politieke", 1)  # nee
    kind.expect_exact("Dit is participatie op de trede")
    kind.expect_exact("Aanbevolen instrumenten")
    kind.expect_exact("Focusgroep")
    kind.expect_exact("Uw antwoorden")
    assert exitcode(kind) == 0


def test_korte_route_bij_informeren(tmp_path) -> None:
    kind = start(tmp_path)
    kies(kind, "In welke fase zit uw traject?", 3)
    kies(kind, "Met welk doel betrekt u burgers?", 4)  # informeren: advice follows at once
    kind.expect_exact("Dit is geen participatie")
    kind.expect_exact("Informeren is geen participatie")
    assert exitcode(kind) == 0


def test_ctrl_c_stopt_netjes_met_130(tmp_path) -> None:
    kind = start(tmp_path)
    kies(kind, "In welke fase zit uw traject?", 0)
    kind.expect_exact("Met welk doel")
    kind.sendcontrol("c")
    kind.expect_exact("Afgebroken.")
    assert exitcode(kind) == 130
    assert "Traceback" not in (kind.before or "")
