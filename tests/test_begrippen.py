"""`bb begrippen`: the glossary in YAML, found the way people type, with a suggestion when not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from burgers_betrekken.lezen.begrippen import laad_begrippen
from burgers_betrekken.kern.fouten import InvoerFout, ModelFout
from tests.conftest import ROOT, assert_geen_traceback

LIJST = laad_begrippen(ROOT / "begrippen.yaml")


@pytest.mark.parametrize("term, begrip_id", [
    ("participatieladder", "participatieladder"),
    ("Informeren", "informeren"), ("raadplegen", "raadplegen"), ("adviseren", "adviseren"),
    ("coproduceren", "coproduceren"), ("meebeslissen", "meebeslissen"),
    ("burgerberaad", "burgerberaad"),
    ("inhoudelijke ruimte", "inhoudelijke_ruimte"),
    ("anticyclisch werken", "anticyclisch_werken"),
    ("Pas toe of leg uit", "pas_toe_of_leg_uit"),
    ("vinkjes-participatie", "vinkjes_participatie"),
    ("uitnodigende rol", "uitnodigende_rol"),
    ("ENQUÊTE", "enquete"), ("enquete", "enquete"),
    ("ladder van arnstein", "participatieladder"),  # a synonym
])
def test_elk_begrip_uit_de_opdracht_is_er_en_wordt_gevonden(term: str, begrip_id: str) -> None:
    assert LIJST.zoek(term).id == begrip_id


def test_elke_verwijzing_bestaat_en_elk_begrip_heeft_uitleg() -> None:
    ids = {b.id for b in LIJST.begrippen}
    assert len(ids) >= 30
    for b in LIJST.begrippen:
        assert set(b.zie_ook) <= ids and len(b.uitleg) > 40


def test_een_onbekend_begrip_krijgt_het_dichtstbijzijnde_voorstel() -> None:
    with pytest.raises(InvoerFout, match="onbekend begrip 'burgerbraad'; bedoelde u 'Burgerberaad'?"):
        LIJST.zoek("burgerbraad")


def test_een_kapotte_verwijzing_wordt_gemeld_met_plek(tmp_path: Path) -> None:
    pad = tmp_path / "b.yaml"
    pad.write_text("begrippen:\n  a:\n    term: A\n    uitleg: Een.\n    zie_ook: [bb]\n"
                   "  b:\n    term: B\n    uitleg: Twee.\n    ook: [a]\n", encoding="utf-8")
    with pytest.raises(ModelFout) as info:
        laad_begrippen(pad)
    berichten = [str(p) for p in info.value.problemen]
    assert f"{pad}:5:14: fout: 'zie_ook' van begrip 'a' noemt onbekend begrip 'bb'; bedoelde u 'b'? " \
           "(begrippen: 'a', 'b')" in berichten
    assert any("'a' hoort bij begrip 'b' en ook bij 'a'" in b for b in berichten)


def test_het_commando(bb, tmp_path: Path) -> None:
    uit = bb("begrippen", "pas toe of leg uit", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert "Pas toe of leg uit" in uit.stdout and "Zie ook: Inhoudelijke ruimte" in uit.stdout
    assert max(len(r) for r in uit.stdout.splitlines()) <= 80

    alles = bb("begrippen", cwd=tmp_path)
    assert alles.returncode == 0 and f"{len(LIJST.begrippen)} begrippen." in alles.stdout

    data = json.loads(bb("begrippen", "burgerberaad", "--formaat", "json", cwd=tmp_path).stdout)
    assert data["id"] == "burgerberaad" and data["uitleg"]

    fout = bb("begrippen", "burgerbraad", cwd=tmp_path)
    assert fout.returncode == 2 and "bedoelde u 'Burgerberaad'?" in fout.stderr
    assert_geen_traceback(fout)
