"""The layout shows the flow: each layer is a package, docs/architectuur.md lists every module
under its layer, and no module imports a layer below its own (the command line may use all).
This is what import-linter's layers contract would check, without another dependency."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

PAKKET = ROOT / "burgers_betrekken"
LAGEN = ["kern", "lezen", "opslag", "vragen", "uitvoer", "toepassing", "opdrachtregel"]
"""From top to bottom: a layer may import the layers above it in this list."""


def _modules() -> dict[str, str]:
    """module → the package (layer) it lives in, from the files themselves."""
    return {f"{p.parent.name}.{p.stem}": p.parent.name
            for p in PAKKET.glob("*/*.py") if p.stem != "__init__"}


def _tabel() -> dict[str, str]:
    """module → layer, read from the document."""
    tekst = (ROOT / "docs" / "architectuur.md").read_text(encoding="utf-8")
    laag_van: dict[str, str] = {}
    for regel in tekst.splitlines():
        m = re.match(r"\| `(\w+)` \| (.+?) \|", regel)
        if m and m.group(1) in LAGEN:
            for module in re.findall(r"`(\w+)`", m.group(2)):
                laag_van[f"{m.group(1)}.{module}"] = m.group(1)
    return laag_van


def _lagen_die_geimporteerd_worden(bestand: Path) -> set[str]:
    """The layers of bb a module imports, also inside functions (bb imports late, on purpose)."""
    namen: list[str] = []
    for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.module.startswith("burgers_betrekken"):
            namen.append(knoop.module)
            if knoop.module == "burgers_betrekken":
                namen += [f"burgers_betrekken.{a.name}" for a in knoop.names]
        elif isinstance(knoop, ast.Import):
            namen += [a.name for a in knoop.names if a.name.startswith("burgers_betrekken")]
    return {n.split(".")[1] for n in namen if n.count(".") >= 1 and n.split(".")[1] in LAGEN}


def test_het_pakket_heeft_alleen_lagen_en_het_startpunt() -> None:
    los = {p.name for p in PAKKET.glob("*.py")}
    assert los == {"__init__.py", "__main__.py"}, "a module outside the layer packages"
    assert {p.name for p in PAKKET.iterdir() if p.is_dir() and p.name != "__pycache__"} <= {*LAGEN, "_data"}


def test_elke_laag_zegt_wat_ze_bevat_en_wat_ze_mag_importeren() -> None:
    for laag in LAGEN:
        doc = ast.get_docstring(ast.parse((PAKKET / laag / "__init__.py").read_text(encoding="utf-8")))
        assert doc and doc.startswith(f"{laag} — ") and "May import:" in doc, laag


def test_elke_module_staat_in_de_tabel_van_lagen() -> None:
    modules, laag_van = _modules(), _tabel()
    assert set(modules) - set(laag_van) == set(), "modules missing from docs/architectuur.md"
    assert set(laag_van) - set(modules) == set(), "docs/architectuur.md names modules that do not exist"


def test_geen_module_importeert_een_laag_onder_de_hare() -> None:
    fouten = []
    for bestand in sorted(PAKKET.glob("*/*.py")):
        eigen = bestand.parent.name
        if eigen == "opdrachtregel":
            continue
        for doel in _lagen_die_geimporteerd_worden(bestand):
            if LAGEN.index(doel) > LAGEN.index(eigen):
                fouten.append(f"{eigen}/{bestand.name} imports {doel}")
    assert fouten == []


def test_de_controle_op_lagen_ziet_een_verboden_import(tmp_path: Path) -> None:
    """The check itself can fail: a late import of the output layer inside the engine is seen."""
    bestand = tmp_path / "kern" / "x.py"
    bestand.parent.mkdir()
    bestand.write_text("def f():\n    from burgers_betrekken.uitvoer import weergave\n", encoding="utf-8")
    assert _lagen_die_geimporteerd_worden(bestand) == {"uitvoer"}


def test_alleen_de_vragen_importeren_questionary_en_alleen_de_uitvoer_rich() -> None:
    for bestand in PAKKET.rglob("*.py"):
        tekst = bestand.read_text(encoding="utf-8")
        naam = bestand.relative_to(PAKKET).as_posix()
        if re.search(r"^\s*(from|import) (questionary|prompt_toolkit)", tekst, re.MULTILINE):
            assert naam == "vragen/pijltjes.py", naam
        if re.search(r"^\s*(from|import) rich\b", tekst, re.MULTILINE):
            assert naam.startswith("uitvoer/"), naam
