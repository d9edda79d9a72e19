"""`bb boom verschil`: which advice an edit changes. Every path of the new tree is walked in the old
one; each reported change must be the engine's own advice on both sides."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.model import Boom, Catalogus
from burgers_betrekken.kern.paden import aantal_paden
from burgers_betrekken.kern.verschil import BESTE, LET_OP, TREDE, Uitkomst, Verschil, Wijziging, verschil
from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.opslag.laden import laad
from tests.conftest import IN_CI, ROOT, assert_geen_traceback

RIJK = ROOT / "trees" / "rijksoverheid.yaml"


def _boom(tmp_path: Path, naam: str, tekst: str) -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _aanpassing(tmp_path: Path, overlay: str) -> tuple[Boom, Catalogus, Boom, Verschil]:
    """The shipped tree, the same tree with `overlay` on it (`basis: rijksoverheid`), and their
    difference."""
    oud, c = laad(RIJK, None)
    nieuw = laad_boom(_boom(tmp_path, "x.yaml", "basis: rijksoverheid\n" + overlay))
    return oud, c, nieuw, verschil(oud, c, nieuw, c)


def test_dezelfde_boom_verandert_niets() -> None:
    b, c = laad(RIJK, None)
    v = verschil(b, c, laad_boom(RIJK), c)
    assert v.wijzigingen == () and not v.advies_veranderd
    assert v.vergeleken == aantal_paden(b) and v.alleen_nieuw == v.alleen_oud == 0


def test_een_weggehaalde_regel_en_elk_voorbeeld_is_het_advies_van_de_engine(tmp_path: Path) -> None:
    oud, c, nieuw, v = _aanpassing(tmp_path, "instrumentregels:\n  budget_laag: weg\nlet_op:\n  leg_uit: weg\n")
    assert Wijziging("instrumentregel", "budget_laag", "weggehaald") in v.wijzigingen
    assert Wijziging("let_op", "leg_uit", "weggehaald") in v.wijzigingen
    assert v.advies_veranderd and v.veranderd[BESTE] > 0 and v.veranderd[LET_OP] > 0 and v.veranderd[TREDE] == 0
    for soort in (BESTE, LET_OP):
        assert v.voorbeelden[soort]
        for p in v.voorbeelden[soort]:
            antwoorden = dict(p.antwoorden)
            assert p.oud == Uitkomst.van(engine.advies(oud, c, antwoorden))
            assert p.nieuw == Uitkomst.van(engine.advies(nieuw, c, antwoorden))
            assert soort in p.soorten and p.oud != p.nieuw
    assert all("leg_uit" not in p.nieuw.let_op for p in v.voorbeelden[LET_OP])


def test_een_gewijzigde_tekst_verandert_geen_advies(tmp_path: Path) -> None:
    *_, v = _aanpassing(tmp_path, "vragen:\n  doel:\n    tekst: Waarvoor?\n")
    assert v.wijzigingen == (Wijziging("vraag", "doel", "gewijzigd", ("tekst",)),)
    assert not v.advies_veranderd


def test_een_nieuwe_optie_geeft_paden_die_alleen_de_nieuwe_boom_heeft(tmp_path: Path) -> None:
    oud, _, nieuw, v = _aanpassing(tmp_path, "vragen:\n  doel:\n    opties:\n"
                                             "      verkennen:\n        label: Verkennen\n        volgende: ruimte\n")
    assert Wijziging("optie", "doel.verkennen", "toegevoegd") in v.wijzigingen
    assert v.alleen_nieuw == aantal_paden(nieuw) - aantal_paden(oud) > 0 and v.alleen_oud == 0
    assert all(dict(p)["doel"] == "verkennen" for p in v.voorbeeld_alleen_nieuw)


def test_dezelfde_antwoorden_in_een_andere_volgorde_zijn_hetzelfde_pad(tmp_path: Path) -> None:
    klein = (ROOT / "tests" / "bomen" / "klein.yaml").read_text(encoding="utf-8")
    omgedraaid = klein.replace("start: doel", "start: budget")
    for vraag, was, wordt in (("Wat is het doel?", "budget", "advies"), ("Hoeveel budget is er?", "advies", "doel")):
        omgedraaid = omgedraaid.replace(f"{vraag}\n    volgende: {was}", f"{vraag}\n    volgende: {wordt}")
    assert omgedraaid.count("volgende: doel") == 1
    oud, c = laad(_boom(tmp_path, "klein.yaml", klein), None)
    nieuw = laad_boom(_boom(tmp_path, "omgedraaid.yaml", omgedraaid))
    v = verschil(oud, c, nieuw, c)
    # doel, then budget (3 paths) against budget, then doel (4 paths): the two paths with the answer
    # 'inzichten' are the same answers, asked the other way round
    assert (v.vergeleken, v.alleen_nieuw, v.alleen_oud) == (2, 2, 1)
    assert v.voorbeeld_alleen_oud == ((("doel", "informeren"),),)


def test_de_twee_meegeleverde_bomen_stellen_andere_vragen() -> None:
    v = verschil(*laad("rijksoverheid", None), *laad("uitvoeringsorganisatie", None))
    assert v.vergeleken == 0 and v.alleen_oud and v.alleen_nieuw and v.advies_veranderd
    assert Wijziging("vraag", "fase", "weggehaald") in v.wijzigingen
    assert sum(a for a, _ in v.treden.values()) == v.alleen_oud
    assert sum(b for _, b in v.treden.values()) == v.alleen_nieuw


def test_bb_boom_verschil_als_tekst_markdown_en_json(tmp_path: Path, bb) -> None:
    _boom(tmp_path, "x.yaml", "basis: rijksoverheid\nboom:\n  id: x\ninstrumentregels:\n  budget_laag: weg\n")
    tekst = bb("boom", "verschil", "rijksoverheid", "x.yaml", cwd=tmp_path)
    assert tekst.returncode == 0, tekst.stderr
    assert "Andere beste instrumenten:" in tekst.stdout and "- instrumentregel budget_laag: weg" in tekst.stdout
    assert max(len(r) for r in tekst.stdout.splitlines()) <= 80  # wrapped between words, for the terminal
    assert "\n  budget=laag, doorlooptijd=" in tekst.stdout  # a long path continues indented under itself
    md = bb("boom", "verschil", "rijksoverheid", "x.yaml", "--formaat", "md", cwd=tmp_path)
    assert md.stdout.startswith("# Verschil: rijksoverheid") and "| Uitkomst | Oud | Nieuw |" in md.stdout
    data = json.loads(bb("boom", "verschil", "rijksoverheid", "x.yaml", "-f", "json", cwd=tmp_path).stdout)
    assert data["advies_veranderd"] is True and data["veranderd"]["beste"] > 0
    # the JSON contract as the README lists it (every path is compared: no "afgekapt" any more)
    assert list(data) == ["oud", "nieuw", "advies_veranderd", "paden", "veranderd", "voorbeelden", "alleen_nieuw",
                          "alleen_oud", "treden", "beste", "routes", "wijzigingen"]
    assert list(data["paden"]) == ["vergeleken", "veranderd", "alleen_nieuw", "alleen_oud"]
    assert {"soort": "instrumentregel", "id": "budget_laag", "wat": "weggehaald", "velden": []} in data["wijzigingen"]


def test_streng_geeft_exitcode_1_alleen_als_het_advies_verandert(tmp_path: Path, bb) -> None:
    _boom(tmp_path, "tekst.yaml", "basis: rijksoverheid\nvragen:\n  doel:\n    tekst: Waarvoor?\n")
    _boom(tmp_path, "regel.yaml", "basis: rijksoverheid\ninstrumentregels:\n  budget_laag: weg\n")
    assert bb("boom", "verschil", "rijksoverheid", "tekst.yaml", "--streng", cwd=tmp_path).returncode == 0
    assert bb("boom", "verschil", "rijksoverheid", "regel.yaml", "--streng", cwd=tmp_path).returncode == 1
    assert bb("boom", "verschil", "rijksoverheid", "regel.yaml", cwd=tmp_path).returncode == 0


def test_verschil_met_een_eerdere_versie_in_git(tmp_path: Path, bb) -> None:
    if shutil.which("git") is None:
        pytest.fail("git is not installed") if IN_CI else pytest.skip("git is not installed")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    boom = _boom(tmp_path, "boom.yaml", RIJK.read_text(encoding="utf-8"))
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "boom.yaml"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "begin"], cwd=tmp_path, check=True)
    tekst = boom.read_text(encoding="utf-8")
    boom.write_text(tekst.replace("  budget_laag:\n", "  budget_laag_oud:\n", 1), encoding="utf-8")
    uit = bb("boom", "verschil", "--git", "HEAD", "boom.yaml", "--formaat", "json", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    wijzigingen = json.loads(uit.stdout)["wijzigingen"]
    assert {"soort": "instrumentregel", "id": "budget_laag", "wat": "weggehaald", "velden": []} in wijzigingen
    assert {"soort": "instrumentregel", "id": "budget_laag_oud", "wat": "toegevoegd", "velden": []} in wijzigingen
    fout = bb("boom", "verschil", "--git", "bestaatniet", "boom.yaml", cwd=tmp_path)
    assert fout.returncode == 2 and "versie 'bestaatniet' niet gevonden in de git-geschiedenis van" in fout.stderr
    assert_geen_traceback(fout)
    # a mistake in the earlier version is placed in that version, not in the file as it is now
    _boom(tmp_path, "ov.yaml", "basis: rijksoverheid\nboom: {titel: Oud, tittel: fout}\n")
    subprocess.run([*git, "add", "ov.yaml"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "fout"], cwd=tmp_path, check=True)
    _boom(tmp_path, "ov.yaml", "# twee regels\n# erbij\nbasis: rijksoverheid\nboom: {titel: Nieuw}\n")
    fout = bb("boom", "verschil", "--git", "HEAD", "ov.yaml", cwd=tmp_path)
    assert fout.returncode == 2 and fout.stderr.startswith("ov.yaml (versie HEAD):2:20: fout: onbekende sleutel 'tittel'")


@pytest.mark.parametrize("args, melding", [
    (["boom", "verschil", "rijksoverheid"], "noem twee bomen"),
    (["boom", "verschil", "rijksoverheid", "bestaat-niet.yaml"], "bestaat-niet.yaml"),
    (["boom", "verschil", "--git", "HEAD", "a.yaml", "b.yaml"], "met --git vergelijkt bb één bestand"),
    (["boom", "verschil", "rijksoverheid", "rijksoverheid", "-f", "html"], "onbekend formaat 'html'"),
])
def test_verkeerd_gebruik_geeft_een_melding(args: list[str], melding: str, tmp_path: Path, bb) -> None:
    uit = bb(*args, cwd=tmp_path)
    assert uit.returncode == 2 and melding in uit.stderr, uit.stderr
    assert_geen_traceback(uit)


def test_een_andere_volgorde_en_een_andere_catalogus_zijn_wijzigingen() -> None:
    """Tie-breaks apply in order and the ladder's order is the rungs' rank: a reordering changes
    advice, so it must not read as 'nothing changed' (found by review)."""
    oud, c = laad(RIJK, None)
    omgedraaid = replace(oud, voorrang=tuple(reversed(oud.voorrang)), catalogus="andere.yaml")
    v = verschil(oud, c, omgedraaid, c)
    assert v.wijzigingen == (Wijziging("boom", "rijksoverheid", "gewijzigd",
                                       ("catalogus", "volgorde van gelijke_punten")),)
    assert v.advies_veranderd  # and the paths show what it does
    ladder = replace(c, ladder=(c.ladder[1], c.ladder[0], *c.ladder[2:]))
    w = verschil(oud, c, oud, ladder)
    assert Wijziging("catalogus", "instruments.yaml", "gewijzigd", ("volgorde van de treden",)) in w.wijzigingen
    assert verschil(oud, c, oud, c).wijzigingen == ()
