"""The figures of an advice an adviser signs as is (issue 24), in `bb boom paden --statistiek`: each
counted over every path of a small tree whose counts are known by hand (tests/bomen/ondertekenen.yaml
says how), the faults the engine cannot make counted on an advice made wrong on purpose, and equal
ranks below the best said in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from burgers_betrekken.kern import engine
from burgers_betrekken.opslag.laden import laad

from conftest import ROOT, run_bb

BOOM = ROOT / "tests" / "bomen" / "ondertekenen.yaml"


@pytest.fixture(scope="module")
def geladen():
    return laad(str(BOOM), None)


def advies_bij(geladen, **antwoorden: str) -> engine.Advies:
    boom, catalogus = geladen
    return engine.advies(boom, catalogus, antwoorden)


def test_gelijke_nummers_onder_het_beste_heten_even_passend(geladen, tmp_path: Path) -> None:
    from test_weergave import plat, schrijf

    from burgers_betrekken.uitvoer import weergave

    # doel inzichten: gesprek best (5 points), ontwerptafel and stil both at 2 (3 points each)
    a = advies_bij(geladen, doel="inzichten", ruimte="ruim", budget="laag")
    assert [(x.instrument.id, x.rang) for x in a.instrumenten] == [("gesprek", 1), ("ontwerptafel", 2), ("stil", 2)]
    tekst = plat(schrijf(weergave.advies(a)))
    assert "1. Gesprek + past" in tekst
    assert "2. Ontwerptafel (even passend als Stille peiling)" in tekst
    assert "2. Stille peiling (even passend als Ontwerptafel)" in tekst
    # a number of its own says nothing
    b = advies_bij(geladen, doel="beslissen", ruimte="beperkt", budget="laag")
    assert "2. Stille peiling +" in plat(schrijf(weergave.advies(b))) and "even passend als" not in plat(
        schrijf(weergave.advies(b)))
    # the record says it too
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("doel: inzichten\nruimte: ruim\nbudget: laag\n", encoding="utf-8")
    for ext, verwacht in (("md", "2. **Ontwerptafel** (`ontwerptafel`), even passend als Stille peiling"),
                          ("html", "<strong>Ontwerptafel</strong> (even passend als Stille peiling)")):
        r = run_bb("advies", "--boom", str(BOOM), "-a", str(antwoorden), "-o", str(tmp_path / f"v.{ext}"),
                   cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert verwacht in (tmp_path / f"v.{ext}").read_text(encoding="utf-8")
