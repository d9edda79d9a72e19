"""`bb boom verschil`: load two trees with their catalogues (two files, or one file now and as it
was in a git revision) and compare them with `kern.verschil`."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from burgers_betrekken.kern.fouten import BbFout, InvoerFout, Probleem
from burgers_betrekken.kern.verschil import Verschil, verschil
from burgers_betrekken.opslag.laden import laad, laad_catalogus

if TYPE_CHECKING:
    from burgers_betrekken.kern.model import Boom


def vergelijk(oud: str, nieuw: Optional[str], git: Optional[str], catalogus: Optional[Path]) -> Verschil:
    """OUD against NIEUW, or (with `git`) the file OUD as it was in that revision against OUD now.
    `catalogus`: one catalogue for both; else each tree takes its own."""
    if git is not None:
        if nieuw is not None:
            raise InvoerFout("met --git vergelijkt bb één bestand met een eerdere versie ervan; noem alleen dat "
                             "bestand: bb boom verschil --git HEAD boom.yaml")
        pad = Path(oud)
        b_nieuw, c_nieuw = laad(pad, catalogus)
        try:
            b_oud = _boom_uit_git(git, pad)
            c_oud = laad_catalogus(catalogus, b_oud)
            from burgers_betrekken.lezen.catalogus import controleer_samenhang

            controleer_samenhang(b_oud, c_oud)
        except BbFout as e:  # a problem in the earlier version: its place names that version
            raise type(e)(problemen=tuple(_in_versie(p, pad, git) for p in e.problemen)) from None
        return verschil(b_oud, c_oud, b_nieuw, c_nieuw)
    if nieuw is None:
        raise InvoerFout("noem twee bomen (bb boom verschil OUD NIEUW), of één bestand met --git REV")
    return verschil(*laad(oud, catalogus), *laad(nieuw, catalogus))


def _in_versie(p: Probleem, pad: Path, rev: str) -> Probleem:
    """A problem in `pad` as it was in revision `rev`: 'boom.yaml (versie HEAD):4:3', since the
    line it names is not the line in the file as it is now."""
    if p.locatie is None or p.locatie.bestand != str(pad):
        return p
    return replace(p, locatie=p.locatie._replace(bestand=f"{pad} (versie {rev})"))


def _boom_uit_git(rev: str, pad: Path) -> "Boom":
    """The tree in `pad` as it was in revision `rev`, read as if it stood where it stands now (so
    its base and catalogue are found the same way)."""
    from burgers_betrekken.lezen.bestanden import MAX_BYTES
    from burgers_betrekken.lezen.boom import laad_boom

    if rev.startswith("-"):
        raise InvoerFout(f"'{rev}' is geen versie; noem een commit, tak of tag, bijvoorbeeld HEAD of main")
    try:
        uit = subprocess.run(["git", "-C", str(pad.parent), "show", f"{rev}:./{pad.name}"],
                             capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise InvoerFout("git is niet gevonden; installeer git, of vergelijk twee bestanden: "
                         "bb boom verschil OUD NIEUW") from None
    except (OSError, subprocess.TimeoutExpired) as e:
        raise InvoerFout(f"git gaf geen antwoord: {e}") from None
    if uit.returncode != 0:
        reden = uit.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InvoerFout(f"git kan '{pad}' in versie '{rev}' niet geven" + (f": {reden[-1]}" if reden else ""))
    if len(uit.stdout) > MAX_BYTES:
        raise InvoerFout(f"'{pad}' in versie '{rev}' is groter dan {MAX_BYTES // 1_000_000} MB")
    return laad_boom(pad, uit.stdout)
