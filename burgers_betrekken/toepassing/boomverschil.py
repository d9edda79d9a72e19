"""`bb boom verschil`: load two trees with their catalogues (two files, or one file now and as it
was in a git revision, read whole from that revision) and compare them with `kern.verschil`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from burgers_betrekken.kern.fouten import BbFout, InvoerFout, Probleem
from burgers_betrekken.kern.verschil import Verschil, verschil
from burgers_betrekken.lezen.basis import noem
from burgers_betrekken.lezen.bestanden import eenmaal_gelezen
from burgers_betrekken.opslag.laden import laad, laad_catalogus

if TYPE_CHECKING:
    from burgers_betrekken.kern.model import Boom, Catalogus
    from burgers_betrekken.lezen.versiebeheer import GitBron


def vergelijk(oud: str, nieuw: Optional[str], git: Optional[str],
              catalogus: Optional[Path]) -> tuple[Verschil, tuple[str, ...]]:
    """OUD against NIEUW, or (with `git`) the file OUD as it was in that revision against OUD now.
    `catalogus`: one catalogue for both; else each tree takes its own. With the comparison come
    notes for the user (what of the earlier version was read as it is now)."""
    eenmaal_gelezen(oud, nieuw, catalogus)
    if git is not None:
        if nieuw is not None:
            raise InvoerFout("met --git vergelijkt bb één bestand met een eerdere versie ervan; noem alleen dat "
                             "bestand: bb boom verschil --git HEAD boom.yaml")
        from burgers_betrekken.lezen.versiebeheer import controleer_versie

        controleer_versie(git)  # before anything is read: a wrong revision is a wrong command
        pad = Path(oud)
        b_nieuw, c_nieuw = laad(pad, catalogus)
        b_oud, c_oud, buiten = _uit_git(git, pad, catalogus)
        # a shipped tree or catalogue named by the earlier version means the installed one; any other
        # file outside the repository may have changed since, unseen
        return verschil(b_oud, c_oud, b_nieuw, c_nieuw), tuple(
            f"let op: '{p}' staat buiten de git-opslag en is gelezen zoals het nu is, niet zoals in versie "
            f"'{git}'" for p in dict.fromkeys(buiten) if noem(p) == str(p))
    if nieuw is None:
        raise InvoerFout("noem twee bomen (bb boom verschil OUD NIEUW), of één bestand met --git REV")
    return verschil(*laad(oud, catalogus), *laad(nieuw, catalogus)), ()


def _uit_git(rev: str, pad: Path, catalogus: Optional[Path]) -> tuple["Boom", "Catalogus", list[Path]]:
    """The tree in `pad` as it was in revision `rev`, with its bases and its own catalogue from that
    same revision (a catalogue given with --catalogus is read as it is now, for both trees), and the
    files read as they are now because they lie outside the repository."""
    from burgers_betrekken.lezen import bronnen
    from burgers_betrekken.lezen.boom import laad_boom
    from burgers_betrekken.lezen.catalogus import controleer_samenhang, laad_catalogus as lees_catalogus
    from burgers_betrekken.lezen.versiebeheer import GitBron

    bron = GitBron(rev, pad)
    try:
        b_oud = laad_boom(pad, bron=bron)
        c_oud = laad_catalogus(catalogus) if catalogus else \
            lees_catalogus(Path(b_oud.catalogus) if b_oud.catalogus else bronnen.standaard_catalogus(), bron=bron)
        controleer_samenhang(b_oud, c_oud)
    except BbFout as e:  # a problem in the earlier version: its place names that version
        raise type(e)(problemen=tuple(_in_versie(p, bron) for p in e.problemen)) from None
    return b_oud, c_oud, bron.buiten


def _in_versie(p: Probleem, bron: "GitBron") -> Probleem:
    """A problem in a file as it was in the revision: 'boom.yaml (versie HEAD):4:3', since the
    line it names is not the line in the file as it is now."""
    if p.locatie is None or p.locatie.bestand not in bron.gelezen:
        return p
    return replace(p, locatie=p.locatie._replace(bestand=f"{p.locatie.bestand} (versie {bron.rev})"))
