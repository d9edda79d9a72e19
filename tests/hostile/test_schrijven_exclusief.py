"""Outputs never lose a file: an output that must not exist is created exclusively (of two writers
at once exactly one wins), no output is written through a symbolic link, none lands in bb's own
data folder, a user without a writable home still keeps the advice, a hangup or quit signal while
writing leaves no temporary file, and the switches for the cache and the data folder never put
files in the current folder."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest

from burgers_betrekken.lezen import bestanden
from burgers_betrekken.kern.fouten import InvoerFout
from tests.conftest import ROOT, assert_geen_traceback, bb_exe, run_bb, schone_env

KLEIN = ROOT / "tests" / "bomen" / "klein.yaml"
BOA = ROOT / "examples" / "boa-bestel.yaml"
OK, INVOER = 0, 2
SCHEMAS = ["begrippen.schema.json", "boom.schema.json", "catalogus.schema.json", "scenarios.schema.json"]


def _geen_tijdelijke(map_: Path) -> None:
    assert not [p for p in map_.rglob("*.tmp")], list(map_.rglob("*"))


# --- bb schema --uitvoer: the same rules as every other output --------------------------------


def test_schema_weigert_een_bestaand_schema_zonder_overschrijf_en_schrijft_dan_niets(tmp_path: Path) -> None:
    map_ = tmp_path / "schema"
    map_.mkdir()
    (map_ / "catalogus.schema.json").write_text("mijn eigen schema\n", encoding="utf-8")
    uit = run_bb("schema", "--uitvoer", str(map_), cwd=tmp_path)
    assert uit.returncode == INVOER
    assert f"'{map_ / 'catalogus.schema.json'}' bestaat al; kies een andere naam of geef --overschrijf" in uit.stderr
    assert (map_ / "catalogus.schema.json").read_text(encoding="utf-8") == "mijn eigen schema\n"
    assert [p.name for p in map_.iterdir()] == ["catalogus.schema.json"]  # all or none
    assert_geen_traceback(uit)

    uit = run_bb("schema", "--uitvoer", str(map_), "--overschrijf", cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    assert sorted(p.name for p in map_.iterdir()) == SCHEMAS
    assert '"$schema"' in (map_ / "catalogus.schema.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("overschrijf", [[], ["--overschrijf"]])
def test_schema_schrijft_nooit_via_een_koppeling(tmp_path: Path, overschrijf: list[str]) -> None:
    """A repository can hold `schema/boom.schema.json -> ~/.bashrc`; refreshing its schemas must
    not overwrite the file the link points to, not even with --overschrijf."""
    map_ = tmp_path / "schema"
    map_.mkdir()
    geheim = tmp_path / "bashrc"
    geheim.write_text("export PATH=mijn\n", encoding="utf-8")
    (map_ / "boom.schema.json").symlink_to(geheim)
    uit = run_bb("schema", "--uitvoer", str(map_), *overschrijf, cwd=tmp_path)
    assert uit.returncode == INVOER
    assert (f"'{map_ / 'boom.schema.json'}' is een symbolische koppeling (naar '{geheim}'); bb schrijft nooit via "
            f"een koppeling") in uit.stderr
    assert geheim.read_text(encoding="utf-8") == "export PATH=mijn\n"
    assert (map_ / "boom.schema.json").is_symlink() and [p.name for p in map_.iterdir()] == ["boom.schema.json"]
    assert_geen_traceback(uit)


def test_een_koppeling_naar_niets_maakt_geen_bestand_waar_die_heen_wijst(tmp_path: Path) -> None:
    doel = tmp_path / "elders" / "nieuw.md"
    (tmp_path / "elders").mkdir()
    (tmp_path / "v.md").symlink_to(doel)
    uit = run_bb("advies", "-a", str(BOA), "--uitvoer", str(tmp_path / "v.md"), cwd=tmp_path)
    assert uit.returncode == INVOER and "is een symbolische koppeling" in uit.stderr
    assert not doel.exists() and (tmp_path / "v.md").is_symlink()


def test_een_koppeling_bij_overschrijven_wordt_niet_gevolgd(tmp_path: Path) -> None:
    echt = tmp_path / "echt.md"
    echt.write_text("oud\n", encoding="utf-8")
    (tmp_path / "koppeling.md").symlink_to(echt)
    uit = run_bb("advies", "-a", str(BOA), "--uitvoer", str(tmp_path / "koppeling.md"), "--overschrijf",
                 cwd=tmp_path)
    assert uit.returncode == INVOER and "bb schrijft nooit via een koppeling" in uit.stderr
    assert echt.read_text(encoding="utf-8") == "oud\n" and (tmp_path / "koppeling.md").is_symlink()

    (tmp_path / "apparaat").symlink_to("/dev/null")  # a link to a device is the device: written into
    uit = run_bb("advies", "-a", str(BOA), "--uitvoer", str(tmp_path / "apparaat"), "-f", "md", cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    assert (tmp_path / "apparaat").is_symlink() and Path("/dev/null").is_char_device()


# --- exclusive creation: two writers, one file ----------------------------------------------------


def _verschijnt_bij_fsync(monkeypatch: pytest.MonkeyPatch, doel: Path, maak: object, altijd: bool = False) -> None:
    """Make `doel` appear (another writer) between the check and the publication of the file,
    once; with `altijd` also where something is already there."""
    echt = os.fsync
    gedaan: list[bool] = []

    def fsync(fd: int) -> None:
        echt(fd)
        if not gedaan and (altijd or not os.path.lexists(doel)):
            gedaan.append(True)
            maak()  # type: ignore[operator]

    monkeypatch.setattr(bestanden.os, "fsync", fsync)


def test_een_bestand_dat_tijdens_het_schrijven_verschijnt_wordt_niet_vervangen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doel = tmp_path / "x.html"
    _verschijnt_bij_fsync(monkeypatch, doel, lambda: doel.write_text("de pagina van de ander\n", encoding="utf-8"))
    with pytest.raises(InvoerFout, match="bestaat al; kies een andere naam of geef --overschrijf"):
        bestanden.schrijf_tekst(doel, "mijn pagina\n")
    assert doel.read_text(encoding="utf-8") == "de pagina van de ander\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.html"]

    # with --overschrijf a link put there meanwhile is replaced by the file, not written through
    geheim = tmp_path / "geheim"
    geheim.write_text("geheim\n", encoding="utf-8")

    def koppel() -> None:
        doel.unlink()
        doel.symlink_to(geheim)

    monkeypatch.setattr(bestanden.os, "fsync", os.fsync)
    _verschijnt_bij_fsync(monkeypatch, doel, koppel, altijd=True)
    bestanden.schrijf_tekst(doel, "mijn pagina\n", overschrijf=True)
    assert not doel.is_symlink() and doel.read_text(encoding="utf-8") == "mijn pagina\n"
    assert geheim.read_text(encoding="utf-8") == "geheim\n"


def test_zonder_harde_koppelingen_wordt_het_bestand_ook_exclusief_gemaakt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def geen_link(bron: str, doel: str) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(bestanden.os, "link", geen_link)
    doel = tmp_path / "v.md"
    bestanden.schrijf_tekst(doel, "verslag\n")
    assert doel.read_text(encoding="utf-8") == "verslag\n" and [p.name for p in tmp_path.iterdir()] == ["v.md"]
    assert doel.stat().st_mode & 0o777 == 0o666 & ~_umask()

    ander = tmp_path / "w.md"
    _verschijnt_bij_fsync(monkeypatch, ander, lambda: ander.write_text("van de ander\n", encoding="utf-8"))
    with pytest.raises(InvoerFout, match="bestaat al"):
        bestanden.schrijf_tekst(ander, "mijn verslag\n")
    assert ander.read_text(encoding="utf-8") == "van de ander\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.md", "w.md"]


def _umask() -> int:
    huidig = os.umask(0o022)
    os.umask(huidig)
    return huidig


def test_twee_keer_tegelijk_bb_boom_website_naar_hetzelfde_bestand_precies_een_wint(tmp_path: Path) -> None:
    """The race of the issue: both processes pass the early check and compute the page; only one
    may publish it. Many rounds, because the old window was hit in about 60% of them."""
    env = schone_env()
    for ronde in range(8):
        doel = tmp_path / f"x{ronde}.html"
        processen = [subprocess.Popen([bb_exe(), "boom", "website", str(KLEIN), "-o", str(doel)], env=env,
                                      cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(2)]
        uitkomsten = [(*p.communicate(timeout=60), p.returncode) for p in processen]
        codes = sorted(code for _, _, code in uitkomsten)
        assert codes == [OK, INVOER], uitkomsten
        verliezer = next(fout for _, fout, code in uitkomsten if code == INVOER)
        assert f"'{doel}' bestaat al; kies een andere naam of geef --overschrijf" in verliezer, verliezer
        winnaar = next(uit for uit, _, code in uitkomsten if code == OK)
        assert f"geschreven: {doel}" in winnaar and "<html" in doel.read_text(encoding="utf-8")
    _geen_tijdelijke(tmp_path)
