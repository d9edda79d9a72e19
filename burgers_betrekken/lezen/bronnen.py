"""Where the shipped YAML files are (inside the installed wheel, or at the top of a source
checkout), and where a file named inside another file (a base, a catalogue) may be read from."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from burgers_betrekken.kern.fouten import BbFout, InvoerFout, Locatie, ModelFout, Probleem
from burgers_betrekken.kern.woorden import fragment
from burgers_betrekken.lezen.bestanden import lees_bytes

if TYPE_CHECKING:
    from burgers_betrekken.kern.model import Boom

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


BASISMAPPEN = "BB_BASISMAPPEN"
"""Folders (separated by ':', ';' on Windows) where a base or catalogue named inside a file may
also be, besides that file's own folder and the shipped files."""


def weiger(wat: str, waarde: object, doel: Path, verwijzer: Path) -> str | None:
    """The one message that refuses a file named inside `verwijzer`: "de basis '../x' staat buiten
    de map van dit bestand; ...", with `waarde` as the file wrote it (short: `fragment`); None where
    `doel` may be read (`buiten_bereik`)."""
    reden = buiten_bereik(doel, verwijzer)
    return f"{wat} '{fragment(waarde)}' {reden}" if reden else None


def buiten_bereik(doel: Path, verwijzer: Path) -> str | None:
    """Why a file named inside `verwijzer` (its `basis:`, its `catalogus:`, a scenario file's
    `boom:`) may not be read from `doel`, else None. Allowed: the folder of `verwijzer` and below,
    the shipped trees and catalogue, and the folders in BB_BASISMAPPEN; links are followed first,
    so a link in the folder to a file elsewhere is elsewhere. A file on the command line is not
    checked: the user named it. So a tree from someone else cannot have bb show any file."""
    doel_echt = echt(doel)
    meegeleverd = _meegeleverd()
    if doel_echt == meegeleverd[0] or meegeleverd[1] in doel_echt.parents:
        return None
    eigen = echt(verwijzer.parent)
    if eigen in doel_echt.parents or doel_echt == eigen:  # the folder itself (`basis: ./`): the reader says it is a folder
        return None
    extra = os.environ.get(BASISMAPPEN, "")
    if extra and any(m in doel_echt.parents for m in _mappen(extra)):
        return None
    via = f" (via een link naar {doel_echt})" if os.path.islink(doel) else ""  # islink: a name too long is no link
    return (f"staat buiten de map van dit bestand{via}; een basis, catalogus of boom die een bestand noemt, "
            f"staat in de map van dat bestand ({eigen}) of daaronder, is een meegeleverde boom of catalogus "
            f"bij naam, of staat in een map die u noemt in {BASISMAPPEN} (zie docs/aanpassen.md)")


@lru_cache(maxsize=1)
def _meegeleverd() -> tuple[Path, Path]:
    """The shipped catalogue and the folder of the shipped trees, links resolved (once a process)."""
    return echt(standaard_catalogus()), echt(bomenmap())


@lru_cache(maxsize=4)
def _mappen(waarde: str) -> tuple[Path, ...]:
    """The folders of BB_BASISMAPPEN, links resolved."""
    return tuple(echt(Path(m)) for m in waarde.split(os.pathsep) if m.strip())


def echt(pad: Path) -> Path:
    """`pad` with its links and '..' resolved; as an absolute path where the system cannot look it
    up (a name too long, a link loop, a NUL)."""
    try:
        return Path(os.path.realpath(pad))
    except (OSError, ValueError):
        return Path(os.path.abspath(pad))


def controleer_genoemde(boom: "Boom") -> Path:
    """The catalogue `boom` names (`catalogus:`), refused where a catalogue named in a file may not
    be (checked again here: a tree from the cache was read under other settings)."""
    assert boom.catalogus is not None
    pad, plek = Path(boom.catalogus), boom.catalogus_locatie
    verwijzer = Path(plek.bestand if plek else boom.bestand)
    geschreven = pad.relative_to(verwijzer.parent) if pad.is_relative_to(verwijzer.parent) else pad  # as in the file
    if melding := weiger("de catalogus", geschreven, pad, verwijzer):
        raise ModelFout(melding, plek)
    return pad


def lees_genoemde(boom: "Boom") -> tuple[Path, bytes]:
    """The catalogue `boom` names and its bytes (`controleer_genoemde`); one that is not there or
    cannot be read is said at the tree's `catalogus:` line."""
    pad, plek = controleer_genoemde(boom), boom.catalogus_locatie
    try:
        return pad, lees_bytes(pad)
    except BbFout as e:
        raise ModelFout(problemen=tuple(Probleem(f"de catalogus van deze boom is niet te lezen: {p.bericht}", plek,
                                                 p.ernst) for p in e.problemen)) from None


def van_boom(problemen: tuple[Probleem, ...], boom: "Boom") -> tuple[Probleem, ...]:
    """Problems in the catalogue a tree names, each with the tree's `catalogus:` line."""
    plek = boom.catalogus_locatie or Locatie(boom.bestand)
    return tuple(Probleem(f"{p.bericht} (catalogus van {plek})", p.locatie, p.ernst) for p in problemen)
