"""`bb boom valideer`: check trees, catalogues and scenario files, and report every problem.

Each file is recognised by its top-level keys. A file that cannot be read at all (missing, a
folder, not UTF-8 text) is `onleesbaar`; a YAML syntax error is a located error like any other.
Trees are checked against a catalogue: the one given, one among the files, or the shipped one.
A scenario file's tree and catalogue load through the one loader (`opslag.laden`), as for every
command. Nothing here prints; the report (`lezen.rapport`) is shown by `uitvoer.boomweergave`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from burgers_betrekken.lezen import bronnen, vorm
from burgers_betrekken.lezen.bestanden import eenmaal_gelezen
from burgers_betrekken.lezen.basis import BASIS, MAX_KETEN, Keten, basis_van, lees_over_basis, noem
from burgers_betrekken.lezen.boom import NODIG as boom_NODIG, BoomLezer
from burgers_betrekken.lezen.catalogus import NODIG as catalogus_NODIG, CatalogusLezer, samenhang_problemen
from burgers_betrekken.kern.fouten import BbFout, Locatie, Probleem
from burgers_betrekken.kern.model import Boom, Catalogus
from burgers_betrekken.lezen.knopen import Knoop, decodeer, lees_tekst, parse_json, parse_yaml, zonder_gc
from burgers_betrekken.lezen.rapport import (
    BEGRIPPEN,
    BOOM,
    CATALOGUS,
    SCENARIOS,
    Bestandsrapport,
    Rapport,
)

_HERKENNING = [("vragen", BOOM), ("start", BOOM), ("instrumenten", CATALOGUS), ("ladder", CATALOGUS),
               ("scenarios", SCENARIOS), ("begrippen", BEGRIPPEN),
               # a file that builds on another may hold only a little: its own metadata says what it is
               ("boom", BOOM), ("niveau", BOOM), ("instrumentregels", BOOM), ("let_op", BOOM),
               ("gelijke_punten", BOOM), ("routes", BOOM), ("beloftes", BOOM), ("catalogus", CATALOGUS),
               ("kenmerken", CATALOGUS)]


def soort_van(knoop: Knoop | None, pad: Path, diepte: int = 0) -> str | None:
    if pad.name.endswith(".tests.yaml"):
        return SCENARIOS
    if knoop is not None and knoop.is_map:
        basis = knoop.waarde.get(BASIS)  # type: ignore[union-attr]
        # A file that builds on another is of the kind of its base, whatever else it holds (a
        # tree's `catalogus:` at the top is a mistake to report, not a sign of a catalogue)
        if basis is not None and basis.is_tekst and diepte < MAX_KETEN:
            if (soort := _soort_van_basis(str(basis.waarde), pad, diepte)) is not None:
                return soort
        for sleutel, soort in _HERKENNING:
            if sleutel in knoop.waarde:  # type: ignore[operator]
                return soort
        if basis is not None:  # only `basis:`, and the chain cannot say (a loop, too deep, not a
            return BOOM  # name, not there): checking it as a tree reports that, with its place
    return None


def _soort_van_basis(naam: str, pad: Path, diepte: int) -> str | None:
    """The kind of the base `naam` of the file `pad`; None when there is no such base."""
    for soort in (BOOM, CATALOGUS):
        try:
            basis_pad = basis_van(naam, pad, soort, None)
        except BbFout:
            continue
        knoop, rapport = _lees(basis_pad)
        return soort_van(knoop, basis_pad, diepte + 1) if rapport is None else soort
    return None


def _lees(pad: Path, data: bytes | None = None) -> tuple[Knoop | None, Bestandsrapport | None]:
    """The parsed file (its `data` if already read), or a report saying why it could not be read
    or parsed."""
    try:
        tekst = lees_tekst(pad) if data is None else decodeer(data, str(pad))
    except BbFout as e:
        return None, Bestandsrapport(str(pad), None, e.problemen, onleesbaar=True)
    try:
        knoop = parse_json(tekst, str(pad)) if pad.suffix.lower() == ".json" else parse_yaml(tekst, str(pad))
    except BbFout as e:
        return None, Bestandsrapport(str(pad), None, e.problemen)
    if knoop is None:
        return None, Bestandsrapport(str(pad), None, (Probleem("het bestand is leeg", Locatie(str(pad), 1, 1)),))
    return knoop, None


def valideer(paden: Sequence[Path], catalogus_pad: Path | None, standaard_catalogus: Path) -> Rapport:
    """Check every file. A tree is compared with `catalogus_pad` if given, else the catalogue it
    names itself, else a catalogue among `paden`, else the shipped one."""
    eenmaal_gelezen(*paden, catalogus_pad)
    with zonder_gc():
        return _valideer(paden, catalogus_pad, standaard_catalogus)


def _valideer(paden: Sequence[Path], catalogus_pad: Path | None, standaard_catalogus: Path) -> Rapport:
    rapporten: dict[Path, Bestandsrapport] = {}
    gelezen: list[tuple[Path, Knoop, str | None]] = []
    for pad in paden:
        knoop, rapport = _lees(pad)
        if rapport is not None:
            rapporten[pad] = rapport
        else:
            assert knoop is not None
            gelezen.append((pad, knoop, soort_van(knoop, pad)))

    catalogi: dict[Path, Catalogus | None] = {}
    for pad, knoop, soort in gelezen:
        if soort == CATALOGUS:
            rapporten[pad], catalogi[pad.resolve()] = _controleer_catalogus(pad, knoop)

    def catalogus_voor(boom: Boom) -> tuple[Catalogus | None, Path]:
        eerste = next((p for p, _, s in gelezen if s == CATALOGUS), None)
        pad = catalogus_pad or (Path(boom.catalogus) if boom.catalogus else None) or eerste or standaard_catalogus
        sleutel = pad.resolve()
        data = None
        if not catalogus_pad and boom.catalogus:  # refused, not there or not readable: said at the tree's line
            if sleutel in catalogi:
                bronnen.controleer_genoemde(boom)
            else:
                pad, data = bronnen.lees_genoemde(boom)  # read once: these bytes are what is checked
        if sleutel not in catalogi:
            knoop, rapport = _lees(pad, data)
            if rapport is not None:
                rapporten[pad] = rapport
                catalogi[sleutel] = None
            else:
                assert knoop is not None
                rapport, catalogi[sleutel] = _controleer_catalogus(pad, knoop)
                if rapport.problemen:
                    rapporten[pad] = rapport
        return catalogi[sleutel], pad

    for pad, knoop, soort in gelezen:
        if soort == BOOM:
            rapporten[pad] = _controleer_boom(pad, knoop, catalogus_voor)
        elif soort == SCENARIOS:
            rapporten[pad] = _controleer_scenarios(pad, catalogus_pad)
        elif soort == BEGRIPPEN:
            rapporten[pad] = _controleer_begrippen(pad)
        elif soort is None:
            rapporten[pad] = Bestandsrapport(str(pad), None, (Probleem(
                "onbekend soort bestand: verwacht een beslisboom (met 'vragen'), een catalogus (met "
                "'instrumenten'), een scenariobestand (met 'scenarios') of een begrippenlijst (met "
                "'begrippen')", knoop.locatie),))
    volgorde = [*paden, *rapporten]
    return Rapport(tuple(rapporten[p] for p in dict.fromkeys(volgorde) if p in rapporten))


def _controleer_catalogus(pad: Path, knoop: Knoop) -> tuple[Bestandsrapport, Catalogus | None]:
    try:
        g = lees_over_basis(knoop, pad, "catalogus", vorm.CATALOGUS, catalogus_NODIG, CatalogusLezer)
    except BbFout as e:
        return Bestandsrapport(str(pad), CATALOGUS, e.problemen), None
    c = g.model
    if c is None:
        return Bestandsrapport(str(pad), CATALOGUS, g.problemen), None
    samenvatting = f"{len(c.ladder)} treden, {len(c.kenmerken)} kenmerken, {len(c.instrumenten)} instrumenten"
    return Bestandsrapport(str(pad), CATALOGUS, g.problemen, samenvatting=samenvatting + _op_basis(g.keten)), c


def _controleer_boom(pad: Path, knoop: Knoop,
                     catalogus_voor: Callable[[Boom], tuple[Catalogus | None, Path]]) -> Bestandsrapport:
    try:
        g = lees_over_basis(knoop, pad, "boom", vorm.BOOM, boom_NODIG, BoomLezer)
    except BbFout as e:
        return Bestandsrapport(str(pad), BOOM, e.problemen)
    b = g.model
    if b is None:
        return Bestandsrapport(str(pad), BOOM, g.problemen)
    problemen = list(g.problemen)
    try:
        catalogus, catalogus_pad = catalogus_voor(b)
    except BbFout as e:
        return Bestandsrapport(str(pad), BOOM, (*problemen, *e.problemen))
    if catalogus is not None:
        problemen += samenhang_problemen(b, catalogus)
    else:
        problemen.append(Probleem(f"niet vergeleken met de catalogus: {catalogus_pad} heeft fouten",
                                  b.catalogus_locatie if b.catalogus else None, "waarschuwing"))
    return Bestandsrapport(str(pad), BOOM, tuple(problemen), samenvatting=_samenvatting(b) + _op_basis(g.keten))


def _op_basis(keten: Keten) -> str:
    return f"; bouwt voort op {' → '.join(noem(p) for p, _ in keten.bases)}" if keten.bases else ""


def _samenvatting(b: Boom) -> str:
    from burgers_betrekken.kern.paden import aantal_paden, aantal_tekst

    return (f"{len(b.vragen)} vragen, {aantal_tekst(aantal_paden(b))}, {len(b.instrumentregels)} instrumentregels, "
            f"{len(b.let_op)} aandachtspunten")


def _controleer_scenarios(pad: Path, catalogus_pad: Path | None) -> Bestandsrapport:
    from burgers_betrekken.lezen.scenarios import laad_scenarios, scenario_problemen
    from burgers_betrekken.opslag.laden import laad

    try:
        reeks = laad_scenarios(pad)
    except BbFout as e:
        return Bestandsrapport(str(pad), SCENARIOS, e.problemen)
    try:
        boom, catalogus = laad(reeks.bestaande_boom(), reeks.catalogus or catalogus_pad)
    except BbFout as e:
        bron = e.locatie.bestand if e.locatie else str(reeks.boom)
        return Bestandsrapport(str(pad), SCENARIOS, (Probleem(
            f"de scenario's zijn niet gecontroleerd, want {bron} heeft fouten; maak dat bestand eerst in orde",
            Locatie(str(pad))),))
    problemen = scenario_problemen(reeks, boom, catalogus)
    return Bestandsrapport(str(pad), SCENARIOS, tuple(problemen),
                           samenvatting=f"{len(reeks.scenarios)} scenario's voor boom '{boom.id}'")


def _controleer_begrippen(pad: Path) -> Bestandsrapport:
    from burgers_betrekken.lezen.begrippen import laad_begrippen

    try:
        lijst = laad_begrippen(pad)
    except BbFout as e:
        return Bestandsrapport(str(pad), BEGRIPPEN, e.problemen)
    return Bestandsrapport(str(pad), BEGRIPPEN, (), samenvatting=f"{len(lijst.begrippen)} begrippen")
