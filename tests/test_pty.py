"""The installed `bb advies` in a real pseudo-terminal at 80 columns: a walk with a step back and a
review edit, the short route, a dumb terminal, NO_COLOR, and Ctrl-C."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import OMLAAG, kies, pexpect_module, schone_env, start_advies as start

pexpect = pexpect_module()

def exitcode(kind) -> int:
    """Wait for `bb` to end and return its exit status."""
    kind.expect(pexpect.EOF)
    kind.close()
    return kind.exitstatus


def test_een_wandeling_met_een_stap_terug_en_een_wijziging_in_het_overzicht(tmp_path) -> None:
    env = schone_env(TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    kind = start(tmp_path, env=env)
    kind.expect_exact("Vraag 1 van maximaal 7")
    kies(kind, "In welke fase zit uw traject?", 0)
    kind.expect_exact("Vraag 2 van maximaal 7")
    kies(kind, "Met welk doel betrekt u burgers?", 1)  # ervaringen
    kind.expect_exact("Hoeveel inhoudelijke ruimte")
    kind.expect_exact("Esc: vorige vraag")  # the key is shown with the question
    kind.sendcontrol("b")  # back to doel, ervaringen still chosen
    kind.expect_exact("Vraag 2 van maximaal 7")
    kies(kind, "Met welk doel betrekt u burgers?", 0)  # Enter keeps ervaringen
    kies(kind, "Hoeveel inhoudelijke ruimte", 1)  # beperkt
    kies(kind, "Wie wilt u betrekken?", 1)  # specifiek
    kies(kind, "Hoeveel budget", 0)  # laag
    kies(kind, "Hoeveel tijd", 0)  # kort
    kind.expect_exact("Vraag 7 van maximaal 7")
    kies(kind, "Is er acute politieke", 1)  # nee
    kind.expect_exact("Uw antwoorden")
    kind.expect_exact("Ervaringen met beleid of")  # the review table (wrapped at 80 columns)
    kind.expect_exact("Kloppen uw antwoorden?")
    kind.send(OMLAAG * 5 + "\r")  # Wijzig 5: budget
    kies(kind, "Hoeveel budget", 1)  # laag → midden; every later question keeps its answer
    kind.expect_exact("Kloppen uw antwoorden?")
    kind.send("\r")
    kind.expect_exact("Dit is participatie op de trede")
    kind.expect_exact("Aanbevolen instrumenten")
    kind.expect_exact("Dit advies staat ook in")  # the last line: where the record is kept
    assert exitcode(kind) == 0
    assert "Uw antwoorden ─" not in kind.before  # the answers just reviewed are not printed again
    verslagen = list((Path(env["BB_DATAMAP"]) / "verslagen").glob("*.md"))
    assert len(verslagen) == 1
    assert "Midden — ongeveer 25.000" in verslagen[0].read_text(encoding="utf-8")  # the changed answer


def test_korte_route_bij_informeren_vraagt_een_motivering_voor_het_verslag(tmp_path) -> None:
    kind = start(tmp_path, "--uitvoer", "verslag.md")
    kies(kind, "In welke fase zit uw traject?", 3)
    kies(kind, "Met welk doel betrekt u burgers?", 4)  # informeren: then the review, then the advice
    kind.expect_exact("Kloppen uw antwoorden?")
    kind.send("\r")
    kind.expect_exact("Dit is geen participatie")
    kind.expect_exact("Informeren is geen participatie")
    kind.expect_exact("Pas toe of leg uit")
    kind.expect_exact("Motivering (Enter om over te slaan):")
    kind.send("Het besluit ligt wettelijk vast.\r")
    kind.expect_exact("Geschreven: verslag.md")
    assert exitcode(kind) == 0
    verslag = (tmp_path / "verslag.md").read_text(encoding="utf-8")
    assert "## Motivering (pas toe of leg uit)" in verslag and "> Het besluit ligt wettelijk vast." in verslag


def test_een_domme_terminal_krijgt_het_eenvoudige_gesprek(tmp_path) -> None:
    env = schone_env(TERM="dumb")
    kind = start(tmp_path, env=env)
    kind.expect_exact("1. Beleidsontwikkeling")
    kind.expect_exact("Uw keuze: ")
    kind.sendline("4")  # evaluatie
    kind.expect_exact("Uw keuze: ")
    kind.sendline("5")  # informeren
    kind.expect_exact("1. Klopt, toon het advies")
    kind.sendline("1")
    kind.expect_exact("Dit is geen participatie")
    kind.expect_exact("Motivering (Enter om over te slaan): ")
    kind.sendline("Er valt niets te kiezen.")  # without --uitvoer the record still keeps it
    kind.expect_exact("Dit advies staat ook in:")
    assert exitcode(kind) == 0
    (verslag,) = (Path(env["BB_DATAMAP"]) / "verslagen").glob("rijksoverheid-*.md")
    assert "> Er valt niets te kiezen." in verslag.read_text(encoding="utf-8")
    assert "\x1b[" not in (kind.before or "")


def test_no_color_geeft_geen_kleur(tmp_path) -> None:
    env = schone_env(TERM="xterm-256color", NO_COLOR="1")
    kind = start(tmp_path, env=env)
    gezien = ""
    for vraag, omlaag in [("In welke fase", 3), ("Met welk doel", 4)]:
        kind.expect_exact(vraag)
        gezien += kind.before + kind.after
        kind.send(OMLAAG * omlaag + "\r")
    kind.expect_exact("Kloppen uw antwoorden?")
    kind.send("\r")
    kind.expect_exact("Motivering (Enter om over te slaan):")
    gezien += kind.before
    kind.send("\r")
    kind.expect(pexpect.EOF)
    gezien += kind.before
    kind.close()
    assert kind.exitstatus == 0 and "Dit is geen participatie" in gezien
    kleuren = re.findall(r"\x1b\[[0-9;]*m", gezien)
    assert not [k for k in kleuren if re.search(r"\[(?:.*;)?(?:3[0-7]|9[0-7]|38)(?:;|m)", k)], set(kleuren)


def test_ctrl_c_stopt_netjes_met_130(tmp_path) -> None:
    kind = start(tmp_path)
    kies(kind, "In welke fase zit uw traject?", 0)
    kind.expect_exact("Met welk doel")
    kind.expect_exact("Uw antwoord:")  # at the question (between two prompts: see test_pijltjes)
    kind.sendcontrol("c")
    kind.expect_exact("Afgebroken.")
    assert exitcode(kind) == 130
    assert "Traceback" not in (kind.before or "")


def test_esc_en_enter_op_de_eerste_vraag_gaan_gewoon_door(tmp_path) -> None:
    """Issue 13: Esc, then Enter, on question 1 crashed about half the time (exit 70). Repeated,
    because it depended on how the two keys arrived."""
    for _ in range(3):
        kind = start(tmp_path)
        kind.expect_exact("In welke fase zit uw traject?")
        kind.expect_exact("Uw antwoord:")
        kind.send("\x1b")
        kind.send("\r")
        kind.expect_exact("Met welk doel")
        kind.expect_exact("Uw antwoord:")
        kind.sendcontrol("c")
        kind.expect_exact("Afgebroken.")
        assert exitcode(kind) == 130
        assert "interne fout" not in kind.before
