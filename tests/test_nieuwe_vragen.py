"""A tree gains questions (issue 23, item 4). `bb boom paden --statistiek` shows the longest path,
at most ten questions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from burgers_betrekken.kern import engine
from burgers_betrekken.kern import statistiek
from burgers_betrekken.kern.paden import paden
from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.lezen.catalogus import controleer_samenhang, laad_catalogus

from tests.conftest import ROOT, run_bb



def laad(pad: Path):
    boom = laad_boom(pad)
    catalogus = laad_catalogus(ROOT / "instruments.yaml")
    controleer_samenhang(boom, catalogus)
    return boom, catalogus


def schrijf(tmp_path: Path, tekst: str, naam: str = "boom.yaml") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


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
