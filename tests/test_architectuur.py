"""docs/architectuur.md stays true: every module of bb is in its table of layers, and no module
imports a layer below its own (the command line may use all of them)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

PAKKET = ROOT / "burgers_betrekken"
LAGEN = ["kern", "lezen", "opslag", "vragen", "uitvoer", "toepassing", "opdrachtregel"]


def _tabel() -> dict[str, str]:
    """module → layer, read from the document."""
    tekst = (ROOT / "docs" / "architectuur.md").read_text(encoding="utf-8")
    laag_van: dict[str, str] = {}
    for regel in tekst.splitlines():
        m = re.match(r"\| (\w+) \| (.+?) \|", regel)
        if m and m.group(1) in LAGEN:
            for module in re.findall(r"`(\w+)`", m.group(2)):
                laag_van[module] = m.group(1)
    return laag_van


def _imports(bestand: Path) -> set[str]:
    """The bb modules a module imports, also inside functions (bb imports late, on purpose)."""
    uit: set[str] = set()
    for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.module.startswith("burgers_betrekken"):
            delen = knoop.module.split(".")
            if len(delen) > 1:
                uit.add(delen[1])
            else:
                uit.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.Import):
            uit.update(a.name.split(".")[1] for a in knoop.names if a.name.startswith("burgers_betrekken."))
    return uit


def test_elke_module_staat_in_de_tabel_van_lagen() -> None:
    modules = {p.stem for p in PAKKET.glob("*.py")}
    laag_van = _tabel()
    assert modules - set(laag_van) == set(), "modules missing from docs/architectuur.md"
    assert set(laag_van) - modules == set(), "docs/architectuur.md names modules that do not exist"


def test_geen_module_importeert_een_laag_onder_de_hare() -> None:
    laag_van = _tabel()
    fouten = []
    for bestand in sorted(PAKKET.glob("*.py")):
        eigen = LAGEN.index(laag_van[bestand.stem])
        if laag_van[bestand.stem] == "opdrachtregel":
            continue
        for doel in _imports(bestand):
            if doel in laag_van and LAGEN.index(laag_van[doel]) > eigen:
                fouten.append(f"{bestand.stem} ({laag_van[bestand.stem]}) imports {doel} ({laag_van[doel]})")
    assert fouten == []


def test_alleen_de_vragen_importeren_questionary_en_alleen_de_uitvoer_rich() -> None:
    laag_van = _tabel()
    for bestand in PAKKET.glob("*.py"):
        tekst = bestand.read_text(encoding="utf-8")
        if re.search(r"^\s*(from|import) (questionary|prompt_toolkit)", tekst, re.MULTILINE):
            assert bestand.stem == "prompts", bestand.name
        if re.search(r"^\s*(from|import) rich\b", tekst, re.MULTILINE):
            assert laag_van[bestand.stem] == "uitvoer", bestand.name
