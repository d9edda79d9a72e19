"""A cache entry counts only if bb itself wrote it, under that name: entries carry an HMAC under a
secret key in bb's data folder, so a cache folder copied from elsewhere (an archive, a sync, a
colleague's copy) never runs its code, two valid entries under each other's name are a miss, and
bb keeps its entries in a subfolder of its own where it prunes only names it makes: `BB_CACHE=$HOME`
never costs the user a file."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from burgers_betrekken.opslag import cachebestand, dataclasscache
from tests.conftest import ROOT, assert_geen_traceback, bb_exe, schone_env

KLEIN = ROOT / "tests" / "bomen" / "klein.yaml"
MODELLEN = (b"model boom", b"model catalogus", b"model samenhang")
SLEUTEL = "cache-sleutel"  # the key's file in the data folder
SUBMAP = "bb-cache-v1"  # bb's own folder in the cache folder


def _advies(env: dict[str, str], boom: Path, antwoorden: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([bb_exe(), "advies", "--boom", str(boom), "-a", str(antwoorden), *extra],
                          capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)


@pytest.fixture
def antwoorden(tmp_path: Path) -> Path:
    pad = tmp_path / "a.yaml"
    pad.write_text("doel: inzichten\nbudget: laag\n", encoding="utf-8")
    return pad


def _items(cache: Path) -> list[Path]:
    """bb's entries, wherever in the cache folder bb keeps them."""
    return sorted(p for p in cache.rglob("*") if p.is_file() and p.suffix in (".pickle", ".marshal"))


def _soort(p: Path) -> bytes | None:
    """The kind of a model entry, as the bb of the environment's data folder reads it."""
    return next((s for s in MODELLEN if cachebestand.lees(p, s) is not None), None)


def _warm(antwoorden: Path) -> tuple[dict[str, str], str]:
    env = schone_env()
    for _ in range(2):
        uit = _advies(env, KLEIN, antwoorden)
        assert uit.returncode == 0 and uit.stderr == "", uit.stderr
    return env, uit.stdout


class _Plant:
    """A pickle that leaves a file behind if anything unpickles it."""

    def __init__(self, bewijs: Path) -> None:
        self.bewijs = bewijs

    def __reduce__(self) -> tuple:
        return (Path.touch, (self.bewijs,))


# --- A: an entry that bb on this account did not write never runs -----------------------------

def test_geplante_code_met_een_geldige_controlesom_van_elders_draait_niet(
        tmp_path: Path, antwoorden: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review's repro: a marshal of dataclass code and pickled models, each with a header
    anyone can compute, planted in the user's own cache folder with the user's own mode 0600 (as a
    copied archive or sync leaves them). Nothing of it runs; the advice is as without cache."""
    env, verwacht = _warm(antwoorden)
    bewijs = tmp_path / "PWNED"
    items = _items(Path(env["BB_CACHE"]))
    assert {p.suffix for p in items} == {".pickle", ".marshal"}
    monkeypatch.setenv("BB_DATAMAP", env["BB_DATAMAP"])
    bronnen = list(dataclasscache.lees(next(p for p in items if p.suffix == ".marshal")))
    assert bronnen
    monkeypatch.setenv("BB_DATAMAP", str(tmp_path / "elders"))  # the planter has bb too, with its own key
    for p in items:
        if p.suffix == ".marshal":
            stukken = {k: compile(f"import pathlib\npathlib.Path({str(bewijs)!r}).touch()\n" + k, "<string>", "exec")
                       for k in bronnen}
            cachebestand.schrijf(p, dataclasscache.SOORT, marshal.dumps(stukken))
        else:
            cachebestand.schrijf(p, b"model boom", pickle.dumps(_Plant(bewijs)))
        assert p.stat().st_mode & 0o777 == 0o600
    uit = _advies(env, KLEIN, antwoorden)
    assert uit.returncode == 0 and uit.stdout == verwacht and uit.stderr == ""
    assert not bewijs.exists(), "code from a cache entry that bb did not write ran"


def test_een_gekopieerde_cachemap_is_een_misser_en_wordt_herschreven(tmp_path: Path, antwoorden: Path) -> None:
    """Another account's (or machine's) valid cache, copied whole: every entry is rebuilt, none is read."""
    env, verwacht = _warm(antwoorden)
    kopie = tmp_path / "kopie"
    shutil.copytree(env["BB_CACHE"], kopie)
    voor = {p.relative_to(kopie): p.read_bytes() for p in _items(kopie)}
    ander = schone_env(BB_CACHE=str(kopie))  # the same folder, another data folder: another key
    uit = _advies(ander, KLEIN, antwoorden)
    assert uit.returncode == 0 and uit.stdout == verwacht and uit.stderr == ""
    na = {p.relative_to(kopie): p.read_bytes() for p in _items(kopie)}
    assert set(na) == set(voor)
    assert [p for p in voor if p.suffix == ".pickle" and na[p] == voor[p]] == [], "a copied model was used"
    assert _advies(ander, KLEIN, antwoorden).stdout == verwacht  # and its own entries are read again


def test_de_sleutel_staat_in_de_datamap_alleen_leesbaar_voor_de_gebruiker(antwoorden: Path) -> None:
    env, _ = _warm(antwoorden)
    sleutel = Path(env["BB_DATAMAP"]) / SLEUTEL
    st = os.lstat(sleutel)
    assert st.st_mode & 0o777 == 0o600 and st.st_size == 32 and st.st_uid == os.getuid()
    geheim = sleutel.read_bytes()
    for p in Path(env["BB_CACHE"]).rglob("*"):  # nothing in the cache gives the key away
        assert not p.is_file() or geheim not in p.read_bytes(), p
    _warm(antwoorden)  # a second environment makes its own key
    assert _advies(env, KLEIN, antwoorden).returncode == 0
    assert sleutel.read_bytes() == geheim  # and an existing key is kept


def _onveilig_leesbaar(sleutel: Path) -> None:
    sleutel.write_bytes(os.urandom(32))
    sleutel.chmod(0o644)


def _onveilig_link(sleutel: Path) -> None:
    echt = sleutel.with_name("elders")
    echt.write_bytes(os.urandom(32))
    echt.chmod(0o600)
    sleutel.symlink_to(echt)


def _onveilig_kort(sleutel: Path) -> None:
    sleutel.write_bytes(b"kort")
    sleutel.chmod(0o600)


@pytest.mark.parametrize("maak", [_onveilig_leesbaar, _onveilig_link, _onveilig_kort], ids=["leesbaar", "link", "kort"])
def test_een_onveilige_sleutel_geeft_een_melding_en_geen_cache(maak, tmp_path: Path, antwoorden: Path) -> None:
    verwacht = _advies(schone_env(BB_CACHE="uit"), KLEIN, antwoorden).stdout
    env = schone_env()
    sleutel = Path(env["BB_DATAMAP"]) / SLEUTEL
    maak(sleutel)
    for _ in range(2):
        uit = _advies(env, KLEIN, antwoorden)
        assert uit.returncode == 0 and uit.stdout == verwacht
        assert uit.stderr.count("let op: de sleutel van de cache") == 1, uit.stderr  # once, for both caches
        assert f"'{sleutel}'" in uit.stderr and "bb werkt zonder cache" in uit.stderr
        assert_geen_traceback(uit)
    assert list(Path(env["BB_CACHE"]).iterdir()) == []  # no cache is read or written
    sleutel.unlink()  # as the note says: bb makes a new one
    assert _advies(env, KLEIN, antwoorden).stderr == ""
    assert _items(Path(env["BB_CACHE"]))


def test_een_datamap_die_anderen_kunnen_schrijven_houdt_geen_sleutel(tmp_path: Path, antwoorden: Path) -> None:
    """Others could swap the key there: no key is made or read, and bb runs without cache."""
    gedeeld = tmp_path / "gedeeld"
    gedeeld.mkdir()
    gedeeld.chmod(0o777)
    env = schone_env(BB_DATAMAP=str(gedeeld))
    for _ in range(2):
        uit = _advies(env, KLEIN, antwoorden)
        assert uit.returncode == 0 and uit.stderr == ""
    assert not (gedeeld / SLEUTEL).exists()
    assert _items(Path(env["BB_CACHE"])) == []


# --- B: an entry is bound to its name ----------------------------------------------------------

def test_twee_verwisselde_items_geven_niet_elkaars_advies(
        tmp_path: Path, antwoorden: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    k1 = tmp_path / "k1.yaml"
    k2 = tmp_path / "k2.yaml"
    tekst = KLEIN.read_text(encoding="utf-8")
    k1.write_text(tekst, encoding="utf-8")
    k2.write_text(tekst.replace("{doel: informeren}", "{budget: laag}"), encoding="utf-8")
    env = schone_env()
    monkeypatch.setenv("BB_DATAMAP", env["BB_DATAMAP"])  # read the entries as that bb does

    def niveau(boom: Path) -> str:
        uit = _advies(env, boom, antwoorden, "-f", "json")
        assert uit.returncode == 0, uit.stderr
        return json.loads(uit.stdout)["niveau"]

    def bomen() -> set[Path]:
        return {p for p in _items(Path(env["BB_CACHE"])) if _soort(p) == b"model boom"}

    n1 = niveau(k1)
    van_k1 = bomen()
    n2 = niveau(k2)
    (van_k2,) = bomen() - van_k1
    (van_k1,) = van_k1
    assert n1 != n2
    tussen = van_k1.with_name("wissel")
    van_k1.rename(tussen)
    van_k2.rename(van_k1)
    tussen.rename(van_k2)
    assert (niveau(k1), niveau(k2)) == (n1, n2)
    assert _soort(van_k1) == _soort(van_k2) == b"model boom"  # and both were rebuilt under their own names


# --- C: bb prunes only its own entries, in its own folder ---------------------------------------

def test_opruimen_in_een_gedeelde_map_laat_de_bestanden_van_de_gebruiker_staan(
        tmp_path: Path, antwoorden: Path) -> None:
    """`BB_CACHE` names a project folder with the user's own pickles and a hidden temporary file,
    all old: bb neither deletes nor changes any of them."""
    project = tmp_path / "project"
    project.mkdir(mode=0o700)
    eigen = {project / f"model-{n}.pickle": f"werk {n}".encode() for n in range(80)}
    eigen[project / f"{0:064x}.pickle"] = b"een naam als die van bb"
    eigen[project / ".notities.tmp"] = b"concept"
    eigen[project / f".{0:064x}.pickle.0123456789abcdef.tmp"] = b"ook van de gebruiker"
    for p, data in eigen.items():
        p.write_bytes(data)
        os.utime(p, (1_000_000, 1_000_000))
    uit = _advies(schone_env(BB_CACHE=str(project)), KLEIN, antwoorden)
    assert uit.returncode == 0 and uit.stderr == ""
    assert {p: p.read_bytes() for p in project.iterdir() if p.is_file()} == eigen
    assert [p.name for p in project.iterdir() if p.is_dir()] == [SUBMAP]


def test_in_de_eigen_map_worden_alleen_namen_van_bb_opgeruimd(tmp_path: Path, antwoorden: Path) -> None:
    from burgers_betrekken.opslag import modelcache

    cache = tmp_path / "c"
    eigen_map = cache / SUBMAP
    eigen_map.mkdir(parents=True, mode=0o700)
    for n in range(modelcache.HOUD + 20):
        p = eigen_map / f"{n:064x}.pickle"
        p.write_bytes(b"oud")
        os.utime(p, (1_000_000 + n, 1_000_000 + n))
    achtergelaten = eigen_map / f".{1:064x}.pickle.0123456789abcdef.tmp"
    vreemd = [eigen_map / "notities.pickle", eigen_map / ".notities.tmp", eigen_map / f"{0xabc:064X}.pickle",
              eigen_map / f".{1:064x}.pickle.kort.tmp"]
    for p in [achtergelaten, *vreemd]:
        p.write_bytes(b"x")
        os.utime(p, (1_000_000, 1_000_000))
    assert _advies(schone_env(BB_CACHE=str(cache)), KLEIN, antwoorden).returncode == 0
    assert len([p for p in eigen_map.iterdir() if re.fullmatch(r"[0-9a-f]{64}\.pickle", p.name)]) == modelcache.HOUD
    assert not (eigen_map / f"{0:064x}.pickle").exists()  # the oldest of bb's went first
    assert not achtergelaten.exists()  # a temporary file of bb's own form, left by a killed bb
    assert all(p.read_bytes() == b"x" for p in vreemd)  # any other name stays


def test_een_eigen_submap_die_een_koppeling_is_wordt_niet_gebruikt(tmp_path: Path, antwoorden: Path) -> None:
    """A link in its place could send bb's writes and pruning to any folder: bb runs without cache,
    and writes nothing beside it either."""
    verwacht = _advies(schone_env(BB_CACHE="uit"), KLEIN, antwoorden).stdout
    elders = tmp_path / "elders"
    elders.mkdir(mode=0o700)
    for n in range(80):
        (elders / f"{n:064x}.pickle").write_bytes(b"van de gebruiker")
        os.utime(elders / f"{n:064x}.pickle", (1_000_000, 1_000_000))
    cache = tmp_path / "c"
    cache.mkdir(mode=0o700)
    (cache / SUBMAP).symlink_to(elders)
    uit = _advies(schone_env(BB_CACHE=str(cache)), KLEIN, antwoorden)
    assert uit.returncode == 0 and uit.stdout == verwacht and uit.stderr == ""
    assert list(cache.iterdir()) == [cache / SUBMAP]
    assert len(list(elders.iterdir())) == 80 and {p.read_bytes() for p in elders.iterdir()} == {b"van de gebruiker"}
