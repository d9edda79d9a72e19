"""The cache of loaded trees and catalogues may make `bb` faster, never wrong: a changed file is
read again, a broken file is never cached, a damaged cache entry is ignored."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, schone_env


def test_een_gewijzigd_bestand_wordt_opnieuw_gelezen(bb, tmp_path: Path) -> None:
    env = schone_env()
    catalogus = tmp_path / "c.yaml"
    tekst = (ROOT / "instruments.yaml").read_text(encoding="utf-8")
    catalogus.write_text(tekst, encoding="utf-8")
    eerst = bb("instrumenten", "--catalogus", str(catalogus), cwd=tmp_path, env=env)
    assert eerst.returncode == 0 and "Burgerberaad" in eerst.stdout
    assert list(Path(env["BB_CACHE"]).rglob("*.pickle"))  # it was cached

    catalogus.write_text(tekst.replace("naam: Burgerberaad", "naam: Burgerforum"), encoding="utf-8")
    daarna = bb("instrumenten", "--catalogus", str(catalogus), cwd=tmp_path, env=env)
    assert daarna.returncode == 0 and "Burgerforum" in daarna.stdout and "Burgerberaad" not in daarna.stdout


def test_een_kapot_bestand_wordt_nooit_bewaard_en_een_kapotte_cache_genegeerd(bb, tmp_path: Path) -> None:
    env = schone_env()
    boom = tmp_path / "boom.yaml"
    boom.write_text((ROOT / "tests" / "bomen" / "klein.yaml").read_text(encoding="utf-8")
                    .replace("volgende: budget", "volgende: budgt"), encoding="utf-8")
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("doel: inzichten\nbudget: laag\n", encoding="utf-8")
    for _ in range(2):  # the second run must report the same error, not a cached success
        kapot = bb("advies", "--boom", str(boom), "-a", str(antwoorden), cwd=tmp_path, env=env)
        assert kapot.returncode == 2 and "onbekende vraag 'budgt'" in kapot.stderr

    boom.write_text((ROOT / "tests" / "bomen" / "klein.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert bb("advies", "--boom", str(boom), "-a", str(antwoorden), cwd=tmp_path, env=env).returncode == 0
    for bestand in Path(env["BB_CACHE"]).rglob("*.pickle"):
        bestand.write_bytes(b"geen pickle")
    weer = bb("advies", "--boom", str(boom), "-a", str(antwoorden), "-f", "json", cwd=tmp_path, env=env)
    assert weer.returncode == 0 and '"niveau": "raadplegen"' in weer.stdout


def test_een_test_in_dit_proces_raakt_de_echte_gegevensmap_niet() -> None:
    """In-process tests load through the cache: its key and entries are in the run's own folders,
    never in the data or cache folder of whoever runs the tests."""
    from burgers_betrekken.opslag import bewaren, cachebestand
    from burgers_betrekken.opslag.laden import laad
    from tests.conftest import _TIJDELIJK

    laad("rijksoverheid", None)
    for map_ in (cachebestand.gewone_datamap(), bewaren.datamap(), cachebestand.cache_map()):
        assert map_ is not None and Path(_TIJDELIJK) in map_.parents, map_
