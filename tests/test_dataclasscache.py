"""The cache of dataclass code makes a start cheaper, never different: the classes behave the same
with and without it, a second run compiles nothing, and a damaged, foreign or unwritable cache
is ignored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import schone_env

# A child process: installs the cache, counts what it compiles, defines dataclasses of every kind
# bb uses and prints how they behave. Its `from __future__ import annotations` is there on purpose:
# the counting wrapper calls compile() from this module, so code compiled with the caller's future
# flags (a cache without dont_inherit) would give __init__ other annotations than dataclasses does.
KIND = r'''
from __future__ import annotations
import json, sys
from burgers_betrekken.opslag import dataclasscache
gecompileerd = []
def tel(*args, **kwargs):
    gecompileerd.append(args[0])
    return compile(*args, **kwargs)
dataclasscache.compile = tel  # shadows the builtin in dataclasscache only
dataclasscache.installeer()
from dataclasses import FrozenInstanceError, dataclass, field

@dataclass(frozen=True)
class Vraag:
    id: str
    opties: tuple = ()
    extra: dict = field(default_factory=dict, compare=False)

@dataclass(order=True)
class Stap:
    nummer: int
    naam: str = "x"

v = Vraag("doel", ("a",))
try:
    v.id = "ander"
    bevroren = False
except FrozenInstanceError:
    bevroren = True
print(json.dumps({
    "repr": repr(v), "gelijk": v == Vraag("doel", ("a",)), "ongelijk": v == Vraag("ruimte"),
    "hash": hash(v) == hash(Vraag("doel", ("a",))), "bevroren": bevroren, "fabriek": Vraag("x").extra,
    "volgorde": sorted([Stap(2), Stap(1, "y")]) == [Stap(1, "y"), Stap(2)],
    "annotaties": sorted((k, repr(v)) for k, v in Vraag.__init__.__annotations__.items()),
    "gecompileerd": len(gecompileerd),
}))
'''


def _draai(env: dict[str, str]) -> dict:
    uit = subprocess.run([sys.executable, "-c", KIND], capture_output=True, text=True, env=env, timeout=60)
    assert uit.returncode == 0, uit.stderr
    return json.loads(uit.stdout)


def _zonder_telling(gedrag: dict) -> dict:
    return {k: v for k, v in gedrag.items() if k != "gecompileerd"}


def test_klassen_gedragen_zich_met_en_zonder_cache_hetzelfde_en_de_tweede_keer_wordt_niets_gecompileerd() -> None:
    env = schone_env()
    zonder = _draai(schone_env(BB_CACHE="uit"))
    eerste = _draai(env)
    tweede = _draai(env)
    assert zonder["bevroren"] and zonder["gelijk"] and not zonder["ongelijk"] and zonder["volgorde"]
    assert _zonder_telling(eerste) == _zonder_telling(zonder) == _zonder_telling(tweede)
    assert eerste["gecompileerd"] > 0
    assert tweede["gecompileerd"] == 0
    assert zonder["gecompileerd"] == 0  # switched off: dataclasses compiles as it always does


def test_een_kapotte_of_vreemde_cache_wordt_genegeerd_en_vervangen(monkeypatch) -> None:
    import marshal

    from burgers_betrekken.opslag import cachebestand, dataclasscache

    env = schone_env()
    monkeypatch.setenv("BB_DATAMAP", env["BB_DATAMAP"])  # entries written here with that bb's key
    bestand = dataclasscache.bestand(Path(env["BB_CACHE"]) / cachebestand.SUBMAP)
    bestand.parent.mkdir(mode=0o700)

    for inhoud in (b"kapot", marshal.dumps(("Python 2.7", {"def f(): pass": None})), marshal.dumps([1, 2])):
        bestand.write_bytes(inhoud)
        gedrag = _draai(env)
        assert gedrag["bevroren"] and gedrag["gecompileerd"] > 0
        assert _draai(env)["gecompileerd"] == 0  # rewritten with this Python's code
    # well-formed and with a valid checksum, but not a mapping from text to code
    for waarde in ({"def f(): pass": 3}, {"x": compile("1", "elders.py", "exec")}, ["lijst"]):
        cachebestand.schrijf(bestand, dataclasscache.SOORT, marshal.dumps(waarde))
        gedrag = _draai(env)
        assert gedrag["bevroren"] and gedrag["gecompileerd"] > 0
        assert _draai(env)["gecompileerd"] == 0  # rewritten with this Python's code


def test_een_onschrijfbare_cachemap_is_geen_fout(tmp_path: Path) -> None:
    bezet = tmp_path / "bestand"
    bezet.write_text("een bestand waar een map hoort", encoding="utf-8")
    gedrag = _draai(schone_env(BB_CACHE=str(bezet / "cache")))
    # no usable folder: the classes are made as without cache, and nothing goes through it
    assert _zonder_telling(gedrag) == _zonder_telling(_draai(schone_env(BB_CACHE="uit")))
    assert gedrag["gecompileerd"] == 0


def test_bb_zelf_gebruikt_de_cache(bb) -> None:
    from burgers_betrekken.opslag import cachebestand, dataclasscache

    env = schone_env()
    assert bb("instrumenten", "focusgroep", env=env).returncode == 0
    assert dataclasscache.bestand(Path(env["BB_CACHE"]) / cachebestand.SUBMAP).stat().st_size > 0
