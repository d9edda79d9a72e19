"""Where the shipped YAML files are: inside the installed wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

from burgers_betrekken.kern.fouten import InvoerFout

_PAKKET = Path(__file__).resolve().parent.parent  # burgers_betrekken/, above lezen/


def _datamap() -> Path:
    # The wheel carries the top-level files under burgers_betrekken/_data (hatch force-include);
    # a source checkout has them next to the package.
    ingebouwd = _PAKKET / "_data"
    return ingebouwd if ingebouwd.is_dir() else _PAKKET.parent


def bomenmap() -> Path:
    return _datamap() / "trees"


def standaard_catalogus() -> Path:
    return _datamap() / "instruments.yaml"


def catalogus_bij(gegeven: Path | None, boom_catalogus: str | None) -> Path:
    """Which catalogue goes with a tree, by one rule for every command: the one given
    (--catalogus, or a scenario file's 'catalogus'), else the one the tree names, else the shipped one."""
    return gegeven or (Path(boom_catalogus) if boom_catalogus else None) or standaard_catalogus()


def standaard_begrippen() -> Path:
    return _datamap() / "begrippen.yaml"


STANDAARD_BOOM = "rijksoverheid"


def meegeleverde_bomen() -> list[str]:
    return sorted(p.stem for p in bomenmap().glob("*.yaml") if not p.name.endswith(".tests.yaml"))


def boom_pad(waarde: str | None) -> Path:
    """A `--boom` value: the name of a shipped tree, or a path to a YAML file."""
    if waarde is None:
        return bomenmap() / f"{STANDAARD_BOOM}.yaml"
    pad = Path(waarde)
    if pad.suffix or "/" in waarde or "\\" in waarde or pad.exists():
        return pad
    namen = meegeleverde_bomen()
    if waarde in namen:
        return bomenmap() / f"{waarde}.yaml"
    from burgers_betrekken.kern.woorden import opsomming, suggestie

    raise InvoerFout(f"onbekende boom '{waarde}'{suggestie(waarde, namen)}; geef een pad naar een "
                     f"YAML-bestand of de naam van een meegeleverde boom ({opsomming(namen)})")
