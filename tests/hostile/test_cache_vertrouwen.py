"""The caches may make `bb` faster, never wrong and never unsafe: a damaged, foreign or planted
cache entry is a miss (the same output as without cache, exit 0), a folder that is not the user's
own is not used, each input file is read once, and `bb` runs without a home folder."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import pickle
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from burgers_betrekken.opslag import cachebestand

from burgers_betrekken.opslag import dataclasscache
from burgers_betrekken.lezen.boom import laad_boom
from tests.conftest import ROOT, bb_exe, schone_env

BOA = ROOT / "examples" / "boa-bestel.yaml"
FUZZ = int(os.environ.get("BB_FUZZ_CACHE", "40"))  # whole processes: each flip costs a start of bb
FUZZ_MODEL = int(os.environ.get("BB_FUZZ_CACHE", "0")) or 300  # in-process: the model cache only


def _advies(env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([bb_exe(), "advies", "-a", str(BOA), *extra], capture_output=True, env=env, timeout=60)


def _eigen(cache: str | Path) -> Path:
    """bb's own folder in a cache folder, where its entries are."""
    return Path(cache) / cachebestand.SUBMAP


def _warme_cache(monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, str], list[Path]]:
    """A cache of two runs, and this process reading and writing entries with that bb's key."""
    env = schone_env()
    monkeypatch.setenv("BB_DATAMAP", env["BB_DATAMAP"])
    assert _advies(env).returncode == 0
    assert _advies(env).returncode == 0  # the second run reads what the first wrote
    bestanden = sorted(p for p in _eigen(env["BB_CACHE"]).iterdir() if p.is_file())
    assert {p.suffix for p in bestanden} == {".pickle", ".marshal"}
    return env, bestanden


def _flip(data: bytes, rng: random.Random) -> bytes:
    uit = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        plek = rng.randrange(len(uit))
        uit[plek] ^= rng.randint(1, 255)
    return bytes(uit)


def test_willekeurig_beschadigde_caches_geven_dezelfde_uitvoer_als_zonder_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    verwacht = _advies(schone_env(BB_CACHE="uit"))
    assert verwacht.returncode == 0 and b"Burgerberaad" in verwacht.stdout
    env, bestanden = _warme_cache(monkeypatch)
    rng = random.Random(20261201)

    def geval(n: int) -> tuple[int, str, subprocess.CompletedProcess]:
        map_ = tmp_path / f"cache-{n}"
        shutil.copytree(env["BB_CACHE"], map_)
        doelen = bestanden if n % 5 == 0 else [rng.choice(bestanden)]  # now and then every file at once
        for doel in doelen:
            kopie = map_ / doel.relative_to(env["BB_CACHE"])
            kopie.write_bytes(_flip(kopie.read_bytes(), rng))
        uit = _advies({**env, "BB_CACHE": str(map_)})
        shutil.rmtree(map_, ignore_errors=True)
        return n, ",".join(d.suffix for d in doelen), uit

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for n, wat, uit in pool.map(geval, range(FUZZ)):
            assert uit.returncode == 0, (n, wat, uit.stderr.decode(errors="replace"))
            assert uit.stdout == verwacht.stdout, (n, wat)
            assert uit.stderr == b"", (n, wat, uit.stderr.decode(errors="replace"))


def _advies_in_proces() -> str:
    """The advice for BOA as the JSON record (with a fixed time), loaded through the cache."""
    from datetime import datetime, timezone

    from burgers_betrekken.kern import engine
    from burgers_betrekken.lezen.antwoorden import laad_antwoorden, uit_verslag
    from burgers_betrekken.opslag.laden import laad
    from burgers_betrekken.uitvoer.verslag import Verslag, als_data

    a = laad_antwoorden(BOA)
    b, c = laad(uit_verslag(a), None)
    verslag = Verslag(engine.advies(b, c, a.waarden, a.locaties, a.bron), datetime(2026, 12, 1, tzinfo=timezone.utc),
                      b.sha256)
    return json.dumps(als_data(verslag), sort_keys=True)


def test_willekeurig_beschadigde_modellen_geven_hetzelfde_advies_in_proces(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model cache's part of the test above, many more times and without starting bb: every
    damaged tree, catalogue or check entry is a miss, and the advice is the one without cache."""
    monkeypatch.setenv("BB_CACHE", "uit")
    verwacht = _advies_in_proces()
    warm = tmp_path / "warm"
    warm.mkdir(mode=0o700)
    monkeypatch.setenv("BB_CACHE", str(warm))
    monkeypatch.setenv("BB_DATAMAP", str(tmp_path / "data"))
    assert _advies_in_proces() == verwacht
    modellen = sorted(_eigen(warm).glob("*.pickle"))
    assert len(modellen) == 3  # the tree, the catalogue and their check against each other
    rng = random.Random(20261202)
    for n in range(FUZZ_MODEL):
        map_ = tmp_path / f"c{n}"
        shutil.copytree(warm, map_)
        doelen = modellen if n % 5 == 0 else [rng.choice(modellen)]
        for doel in doelen:
            (_eigen(map_) / doel.name).write_bytes(_flip(doel.read_bytes(), rng))
        monkeypatch.setenv("BB_CACHE", str(map_))
        assert _advies_in_proces() == verwacht, (n, [d.name for d in doelen])
        assert all(_geldig(_eigen(map_) / d.name) for d in doelen), n  # and each damaged entry was rebuilt
        shutil.rmtree(map_)


def test_een_beschadigde_cache_wordt_vervangen_en_daarna_weer_gebruikt(monkeypatch: pytest.MonkeyPatch) -> None:
    env, bestanden = _warme_cache(monkeypatch)
    for p in bestanden:
        p.write_bytes(_flip(p.read_bytes(), random.Random(p.name)))
        assert not _geldig(p)
    assert _advies(env).returncode == 0
    assert sorted(p for p in _eigen(env["BB_CACHE"]).iterdir() if p.is_file()) == bestanden
    assert [p.name for p in bestanden if not _geldig(p)] == []  # every damaged entry was rebuilt under its own name


def _geldig(p: Path) -> bool:
    if p.suffix == ".marshal":
        return bool(dataclasscache.lees(p))
    inhoud = next((i for s in (b"model boom", b"model catalogus", b"model samenhang")
                   if (i := cachebestand.lees(p, s)) is not None), None)
    return inhoud is not None and pickle.loads(inhoud) is not None


def test_de_lezers_van_de_cache_vallen_nooit_om(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process, hundreds of damaged entries: the readers return a miss, never raise."""
    env, bestanden = _warme_cache(monkeypatch)
    rng = random.Random(7)
    marshal_pad = next(p for p in bestanden if p.suffix == ".marshal")
    goed = dataclasscache.lees(marshal_pad)
    assert goed and all(type(v).__name__ == "code" for v in goed.values())
    for n in range(FUZZ * 2):
        bron = rng.choice(bestanden)
        pad = tmp_path / bron.name  # the same name: an entry is bound to its name
        pad.write_bytes(_flip(bron.read_bytes(), rng))
        os.chmod(pad, 0o600)
        if pad.suffix == ".marshal":
            assert dataclasscache.lees(pad) in ({}, goed), n
        else:
            assert cachebestand.lees(pad, b"model boom") is None, n
            assert cachebestand.lees(pad, b"model catalogus") is None, n


def test_een_cache_met_de_juiste_controlesom_maar_vreemde_inhoud_is_een_misser(
        monkeypatch: pytest.MonkeyPatch) -> None:
    verwacht = _advies(schone_env(BB_CACHE="uit"))
    env, bestanden = _warme_cache(monkeypatch)
    for p in bestanden:
        soort = dataclasscache.SOORT if p.suffix == ".marshal" else None
        if soort is not None:
            cachebestand.schrijf(p, soort, marshal.dumps({"def f(): pass": "geen code"}))
        else:
            for s in (b"model boom", b"model catalogus", b"model samenhang"):
                if cachebestand.lees(p, s) is not None:
                    cachebestand.schrijf(p, s, pickle.dumps(["geen model"]))
    uit = _advies(env)
    assert uit.returncode == 0 and uit.stdout == verwacht.stdout and uit.stderr == b""


class _Plant:
    """A pickle that would leave a file behind if anything unpickled it."""

    def __init__(self, bewijs: Path) -> None:
        self.bewijs = bewijs

    def __reduce__(self) -> tuple:
        return (Path.touch, (self.bewijs,))


def _plant_overal(map_: Path, bewijs: Path, modus: int, eigenaar: int | None = None) -> None:
    """Replace every model entry by a planted pickle with a valid checksum."""
    for p in _eigen(map_).glob("*.pickle"):
        for s in (b"model boom", b"model catalogus", b"model samenhang"):
            if cachebestand.lees(p, s) is not None:
                cachebestand.schrijf(p, s, pickle.dumps(_Plant(bewijs)))
                os.chmod(p, modus)
                if eigenaar is not None:
                    os.chown(p, eigenaar, eigenaar)
                break


def test_geplante_code_in_een_cachebestand_dat_anderen_konden_schrijven_draait_niet(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    verwacht = _advies(schone_env(BB_CACHE="uit"))
    env, _ = _warme_cache(monkeypatch)  # planted with the user's own key: only the mode keeps it out
    bewijs = tmp_path / "uitgevoerd"
    _plant_overal(Path(env["BB_CACHE"]), bewijs, 0o666)
    uit = _advies(env)
    assert uit.returncode == 0 and uit.stdout == verwacht.stdout
    assert not bewijs.exists(), "a pickle others could write was unpickled"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                    reason="giving a file to another user needs root (CI runs as root)")
def test_geplante_code_van_een_andere_gebruiker_draait_niet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    verwacht = _advies(schone_env(BB_CACHE="uit"))
    env, _ = _warme_cache(monkeypatch)
    bewijs = tmp_path / "uitgevoerd"
    _plant_overal(Path(env["BB_CACHE"]), bewijs, 0o600, eigenaar=4242)
    uit = _advies(env)
    assert uit.returncode == 0 and uit.stdout == verwacht.stdout
    assert not bewijs.exists(), "a pickle of another user was unpickled"


def test_een_cachemap_die_anderen_kunnen_schrijven_wordt_niet_gebruikt(tmp_path: Path) -> None:
    verwacht = _advies(schone_env(BB_CACHE="uit"))
    map_ = tmp_path / "gedeeld"
    map_.mkdir()
    os.chmod(map_, 0o777)
    for _ in range(2):
        uit = _advies(schone_env(BB_CACHE=str(map_)))
        assert uit.returncode == 0 and uit.stdout == verwacht.stdout and uit.stderr == b""
    assert list(map_.iterdir()) == []  # nothing was written to (or read from) it


def test_een_nieuwe_cachemap_is_alleen_van_de_gebruiker(tmp_path: Path) -> None:
    map_ = tmp_path / "nieuw" / "bb"
    assert _advies(schone_env(BB_CACHE=str(map_))).returncode == 0
    assert map_.stat().st_mode & 0o777 == _eigen(map_).stat().st_mode & 0o777 == 0o700
    assert [p.name for p in map_.iterdir()] == [cachebestand.SUBMAP]
    assert {p.stat().st_mode & 0o777 for p in _eigen(map_).iterdir()} == {0o600}


def test_de_boom_wordt_een_keer_gelezen_ook_uit_een_pijp(tmp_path: Path) -> None:
    """`--boom /dev/stdin`: hashing for the cache key must not empty the pipe; the record's
    sha256 is that of the bytes that came through it."""
    tekst = (ROOT / "trees" / "rijksoverheid.yaml").read_bytes()
    for _ in range(2):  # cold and warm cache
        uit = subprocess.run([bb_exe(), "advies", "--boom", "/dev/stdin", "-a", str(BOA), "-f", "json",
                              "--catalogus", str(ROOT / "instruments.yaml")],
                             input=tekst, capture_output=True, env=schone_env(), timeout=60)
        assert uit.returncode == 0, uit.stderr.decode()
        assert json.loads(uit.stdout)["boom"]["sha256"] == hashlib.sha256(tekst).hexdigest()


def test_model_en_vingerafdruk_komen_uit_dezelfde_bytes(tmp_path: Path) -> None:
    pad = tmp_path / "boom.yaml"
    a = (ROOT / "trees" / "rijksoverheid.yaml").read_bytes()
    pad.write_bytes(b"# een ander bestand\n" + a)
    b = laad_boom(pad, a)  # the bytes given, not what is on disk now
    assert b.sha256 == hashlib.sha256(a).hexdigest()
    assert laad_boom(pad).sha256 == hashlib.sha256(pad.read_bytes()).hexdigest() != b.sha256


def test_een_gewijzigde_lader_leest_geen_oude_modellen(tmp_path: Path) -> None:
    """The key includes a fingerprint of bb's own code: a copy of the package with one changed
    module writes a new entry instead of reading the old one."""
    kopie = tmp_path / "pkg"
    shutil.copytree(ROOT / "burgers_betrekken", kopie / "burgers_betrekken",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = schone_env(PYTHONPATH=str(kopie))
    code = ("import sys; from pathlib import Path; from burgers_betrekken.opslag.laden import laad_catalogus; "
            f"print(laad_catalogus(Path({str(ROOT / 'instruments.yaml')!r})).instrumenten[0].naam)")

    def draai() -> set[str]:
        uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                             timeout=60)
        assert uit.returncode == 0, uit.stderr
        return {p.name for p in _eigen(env["BB_CACHE"]).glob("*.pickle")}

    eerst = draai()
    assert len(eerst) == 1 and draai() == eerst  # unchanged code: the same entry is read
    with (kopie / "burgers_betrekken" / "lezen" / "catalogus.py").open("a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    daarna = draai()
    assert len(daarna) == 2 and eerst < daarna


def test_zonder_thuismap_werkt_bb(tmp_path: Path) -> None:
    """As under `docker run -u UID`: no HOME, no XDG folders, and no entry in the password
    database (here: a sitecustomize that makes pwd.getpwuid fail, as it does for an unknown uid).
    The same advice, no cache, and the answers of an interview still kept somewhere private."""
    verwacht = _advies(schone_env(BB_CACHE="uit"))
    haak = tmp_path / "haak"
    haak.mkdir()
    (haak / "sitecustomize.py").write_text(
        "import pwd\n"
        "def _onbekend(uid):\n"
        "    raise KeyError(f'getpwuid(): uid not found: {uid}')\n"
        "pwd.getpwuid = _onbekend\n", encoding="utf-8")
    env = {k: v for k, v in schone_env().items() if k not in ("HOME", "BB_CACHE", "BB_DATAMAP")
           and not k.startswith("XDG_")}
    env["PYTHONPATH"] = os.pathsep.join([str(haak), env["PYTHONPATH"]])
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    uit = subprocess.run([bb_exe(), "advies", "-a", str(BOA)], capture_output=True, env=env, cwd=tmp_path, timeout=60)
    assert uit.returncode == 0, uit.stderr.decode()
    assert uit.stdout == verwacht.stdout and uit.stderr == b""
    # an interview without home: its answers go to a private folder under the temporary folder
    gestopt = subprocess.run([bb_exe(), "advies", "--eenvoudig"], input=b"1\n", capture_output=True, env=env,
                             cwd=tmp_path, timeout=60)
    assert gestopt.returncode == 130, gestopt.stderr.decode()
    prive = tmp_path / "tmp" / f"bb-{os.getuid()}"
    assert prive.stat().st_mode & 0o777 == 0o700
    assert json.loads((prive / "lopend" / "rijksoverheid.json").read_text(encoding="utf-8"))["antwoorden"] == {
        "fase": "beleidsontwikkeling"}
