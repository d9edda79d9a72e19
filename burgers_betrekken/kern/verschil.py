"""What a change to a tree (or its catalogue) changes: `bb boom verschil OUD NIEUW`.

Two parts. The edit itself: questions, options, rules, tie-breaks, caveats, rungs and instruments
added, removed or changed, compared as the model reads them (so a moved line or a comment is no
change). And above all its effect: every path through the new tree is walked in the old one with
the same answers, and each advice is compared on its rung, its best instruments, its route and its
caveats.
A path one tree has and the other cannot walk is counted apart. Pure: no I/O, no printing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import PurePath
from typing import Any, Iterable, Mapping

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.fouten import AntwoordFout
from burgers_betrekken.kern.model import Boom, Catalogus
from burgers_betrekken.kern.paden import Pad, binnen_grens, paden

TOEGEVOEGD, WEGGEHAALD, GEWIJZIGD = "toegevoegd", "weggehaald", "gewijzigd"
TREDE, BESTE, ROUTE, LET_OP = "trede", "beste", "route", "let_op"
SOORTEN = (TREDE, BESTE, ROUTE, LET_OP)
"""The ways an advice can change, in the order a reviewer reads them."""
VOORBEELDEN = 3
"""Examples kept per kind of change."""
GEEN = ""
"""In `Verschil.beste`: paths without any instrument; in `Verschil.routes`: paths without a route."""


@dataclass(frozen=True)
class Wijziging:
    """One item of the tree or catalogue added, removed or changed (and then which fields)."""

    # vraag, optie, instrumentregel, gelijke_punten, let_op, route, belofte, niveau, boom, catalogus, trede, instrument, kenmerk
    soort: str
    id: str
    wat: str  # TOEGEVOEGD, WEGGEHAALD or GEWIJZIGD
    velden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Uitkomst:
    """What a reviewer compares of one advice."""

    trede: str
    participatie: bool
    beste: tuple[str, ...]  # ids of the best instruments, sorted (equal ones in any order)
    let_op: tuple[str, ...]  # ids, sorted
    route: str | None = None  # the id of the route the advice names
    routestappen: tuple[tuple[str, ...], ...] = ()  # per step its standing instruments' ids; () for an activity

    @staticmethod
    def van(advies: engine.Advies) -> "Uitkomst":
        route = advies.route
        return Uitkomst(advies.niveau.id, advies.participatie, tuple(sorted(a.instrument.id for a in advies.beste)),
                        tuple(sorted(lo.id for lo in advies.let_op)), route.route.id if route else None,
                        tuple(tuple(i.id for i in s.instrumenten) for s in route.stappen) if route else ())


@dataclass(frozen=True)
class Padverschil:
    antwoorden: Pad
    oud: Uitkomst
    nieuw: Uitkomst
    soorten: tuple[str, ...]  # which of SOORTEN changed


@dataclass(frozen=True)
class Verschil:
    oud: Boom
    nieuw: Boom
    wijzigingen: tuple[Wijziging, ...]
    vergeleken: int  # paths of the new tree that the old one can walk with the same answers
    veranderd: Mapping[str, int]  # per kind of change: on how many of those paths
    voorbeelden: Mapping[str, tuple[Padverschil, ...]]  # per kind: the first few
    aantal_veranderd: int  # paths whose advice changed in any way
    alleen_nieuw: int  # paths of the new tree the old one cannot walk
    alleen_oud: int  # paths of the old tree the new one cannot walk
    voorbeeld_alleen_nieuw: tuple[Pad, ...] = ()
    voorbeeld_alleen_oud: tuple[Pad, ...] = ()
    treden: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # rung -> paths (old, new)
    beste: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # instrument (or GEEN) -> paths best
    routes: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # route (or GEEN) -> paths that name it

    @property
    def advies_veranderd(self) -> bool:
        """Whether any user could get a different advice, or a path appeared or disappeared."""
        return bool(self.aantal_veranderd or self.alleen_nieuw or self.alleen_oud)


def verschil(oud: Boom, oud_catalogus: Catalogus, nieuw: Boom, nieuw_catalogus: Catalogus) -> Verschil:
    """The edit from `oud` to `nieuw` and what it does to every advice, on every path of each tree:
    a tree with more paths than `paden.MAX_PADEN` is refused before any is walked."""
    binnen_grens(oud)
    binnen_grens(nieuw)
    wijzigingen = (*_boom_wijzigingen(oud, nieuw), *_catalogus_wijzigingen(oud_catalogus, nieuw_catalogus))
    veranderd = {s: 0 for s in SOORTEN}
    voorbeelden: dict[str, list[Padverschil]] = {s: [] for s in SOORTEN}
    vergeleken = aantal_veranderd = alleen_nieuw = 0
    voorbeeld_nieuw: list[Pad] = []
    # A path is its set of answers: the same answers always walk the same path, in whatever order a
    # tree asks them. A new path the old tree does not have needs no walk there (which would only fail).
    oude_paden = {frozenset(pad): pad for pad in paden(oud)}
    oude_uitkomst: dict[frozenset[tuple[str, str]], Uitkomst] = {}
    verdeling = _Verdeling()
    for pad in paden(nieuw):
        antwoorden = dict(pad)
        b = Uitkomst.van(engine.advies(nieuw, nieuw_catalogus, antwoorden))
        verdeling.tel(b, 1)
        sleutel = frozenset(pad)
        try:
            voor = engine.advies(oud, oud_catalogus, antwoorden) if sleutel in oude_paden else None
        except AntwoordFout:
            voor = None
        if voor is None or voor.genegeerd:  # the old tree cannot walk it, or asks fewer questions: another path
            alleen_nieuw += 1
            if len(voorbeeld_nieuw) < VOORBEELDEN:
                voorbeeld_nieuw.append(pad)
            continue
        vergeleken += 1
        a = oude_uitkomst[sleutel] = Uitkomst.van(voor)
        soorten = tuple(s for s, anders in ((TREDE, (a.trede, a.participatie) != (b.trede, b.participatie)),
                                            (BESTE, a.beste != b.beste),
                                            (ROUTE, (a.route, a.routestappen) != (b.route, b.routestappen)),
                                            (LET_OP, a.let_op != b.let_op)) if anders)
        if soorten:
            aantal_veranderd += 1
            for s in soorten:
                veranderd[s] += 1
                if len(voorbeelden[s]) < VOORBEELDEN:
                    voorbeelden[s].append(Padverschil(pad, a, b, soorten))
    alleen_oud, voorbeeld_oud = 0, []
    for sleutel, pad in oude_paden.items():
        a = oude_uitkomst.get(sleutel) or Uitkomst.van(engine.advies(oud, oud_catalogus, dict(pad)))
        verdeling.tel(a, 0)
        if sleutel not in oude_uitkomst:
            alleen_oud += 1
            if len(voorbeeld_oud) < VOORBEELDEN:
                voorbeeld_oud.append(pad)
    return Verschil(oud, nieuw, wijzigingen, vergeleken, veranderd, {s: tuple(v) for s, v in voorbeelden.items()},
                    aantal_veranderd, alleen_nieuw, alleen_oud, tuple(voorbeeld_nieuw), tuple(voorbeeld_oud),
                    verdeling.treden(), verdeling.beste(), verdeling.routes())


class _Verdeling:
    """How often each rung, each best instrument and each route comes out, over all paths of each tree."""

    def __init__(self) -> None:
        self.paden = [0, 0]
        self._treden: dict[str, list[int]] = {}
        self._beste: dict[str, list[int]] = {}
        self._routes: dict[str, list[int]] = {}

    def tel(self, u: Uitkomst, kant: int) -> None:
        self.paden[kant] += 1
        self._treden.setdefault(u.trede, [0, 0])[kant] += 1
        for i in u.beste or (GEEN,):
            self._beste.setdefault(i, [0, 0])[kant] += 1
        self._routes.setdefault(u.route or GEEN, [0, 0])[kant] += 1

    def treden(self) -> dict[str, tuple[int, int]]:
        return {k: (v[0], v[1]) for k, v in self._treden.items()}

    def beste(self) -> dict[str, tuple[int, int]]:
        return _vaakst_eerst(self._beste)

    def routes(self) -> dict[str, tuple[int, int]]:
        return _vaakst_eerst(self._routes)


def _vaakst_eerst(tellingen: Mapping[str, list[int]]) -> dict[str, tuple[int, int]]:
    """Most frequent first; ties by id, so the order never depends on the file."""
    return {k: (v[0], v[1]) for k, v in sorted(tellingen.items(), key=lambda kv: (-max(kv[1]), kv[0]))}


def _vergelijk(soort: str, oud: Mapping[str, Any], nieuw: Mapping[str, Any],
               negeer: Iterable[str] = ()) -> list[Wijziging]:
    """Items by id: added, removed, or changed in which fields (locations never count)."""
    uit = [Wijziging(soort, i, WEGGEHAALD) for i in oud if i not in nieuw]
    uit += [Wijziging(soort, i, TOEGEVOEGD) for i in nieuw if i not in oud]
    overslaan = {"id", *negeer}
    for i in oud:
        if i in nieuw and oud[i] != nieuw[i]:
            velden = tuple(f.name for f in fields(oud[i])
                           if f.compare and f.name not in overslaan and getattr(oud[i], f.name) != getattr(nieuw[i], f.name))
            uit.append(Wijziging(soort, i, GEWIJZIGD, velden))
    return uit


def _volgorde_anders(oud: Iterable[str], nieuw: Iterable[str]) -> bool:
    """Whether the ids both lists have stand in another order."""
    oud, nieuw = list(oud), list(nieuw)
    beide = set(oud) & set(nieuw)
    return [i for i in oud if i in beide] != [i for i in nieuw if i in beide]


def _boom_wijzigingen(oud: Boom, nieuw: Boom) -> list[Wijziging]:
    uit: list[Wijziging] = []
    meta = [v for v in ("id", "titel", "beschrijving", "versie", "start", "wat_als", "catalogus")
            if getattr(oud, v) != getattr(nieuw, v)]
    # order counts for tie-breaks (applied in turn) and is the order caveats are shown in
    if _volgorde_anders((r.id for r in oud.voorrang), (r.id for r in nieuw.voorrang)):
        meta.append("volgorde van gelijke_punten")
    if _volgorde_anders((lo.id for lo in oud.let_op), (lo.id for lo in nieuw.let_op)):
        meta.append("volgorde van let_op")
    if _volgorde_anders((r.id for r in oud.routes), (r.id for r in nieuw.routes)):
        meta.append("volgorde van routes")  # the first route that fits counts
    if _volgorde_anders((b.id for b in oud.beloftes), (b.id for b in nieuw.beloftes)):
        meta.append("volgorde van beloftes")  # the first promise that fits counts
    if meta:
        uit.append(Wijziging("boom", oud.id, GEWIJZIGD, tuple(meta)))
    uit += _vergelijk("vraag", oud.vragen, nieuw.vragen, negeer=("opties",))
    for vid, vraag in nieuw.vragen.items():
        if vid in oud.vragen:
            oude_opties = {o.id: o for o in oud.vragen[vid].opties}
            if list(oude_opties) != list(vraag.optie_ids) and set(oude_opties) == set(vraag.optie_ids):
                uit.append(Wijziging("vraag", vid, GEWIJZIGD, ("volgorde van de opties",)))
            uit += [Wijziging("optie", f"{vid}.{w.id}", w.wat, w.velden)
                    for w in _vergelijk("optie", oude_opties, {o.id: o for o in vraag.opties})]
    # a vraag whose only change is in its options is reported by its options
    uit = [w for w in uit if not (w.soort == "vraag" and w.wat == GEWIJZIGD and not w.velden)]
    for groep in ("gewenst", "plafond"):
        if getattr(oud, groep) != getattr(nieuw, groep):
            uit.append(Wijziging("niveau", groep, GEWIJZIGD))
    if oud.standaard_niveau != nieuw.standaard_niveau:
        uit.append(Wijziging("niveau", "standaard", GEWIJZIGD))
    uit += _vergelijk("instrumentregel", {r.id: r for r in oud.instrumentregels}, {r.id: r for r in nieuw.instrumentregels})
    uit += _vergelijk("gelijke_punten", {r.id: r for r in oud.voorrang}, {r.id: r for r in nieuw.voorrang})
    uit += _vergelijk("let_op", {r.id: r for r in oud.let_op}, {r.id: r for r in nieuw.let_op})
    uit += _vergelijk("route", {r.id: r for r in oud.routes}, {r.id: r for r in nieuw.routes})
    uit += _vergelijk("belofte", {b.id: b for b in oud.beloftes}, {b.id: b for b in nieuw.beloftes})
    return uit


def _catalogus_wijzigingen(oud: Catalogus, nieuw: Catalogus) -> list[Wijziging]:
    if oud is nieuw:
        return []
    uit: list[Wijziging] = []
    meta = [v for v in ("checklist", "checklist_bron", "tabel") if getattr(oud, v) != getattr(nieuw, v)]
    if _volgorde_anders((t.id for t in oud.ladder), (t.id for t in nieuw.ladder)):
        meta.append("volgorde van de treden")  # the ladder's order is the rungs' rank
    if meta:
        uit.append(Wijziging("catalogus", PurePath(nieuw.bestand).name, GEWIJZIGD, tuple(meta)))
    uit += _vergelijk("trede", {t.id: t for t in oud.ladder}, {t.id: t for t in nieuw.ladder})
    uit += _vergelijk("kenmerk", dict(oud.kenmerken), dict(nieuw.kenmerken))
    uit += _vergelijk("instrument", {i.id: i for i in oud.instrumenten}, {i.id: i for i in nieuw.instrumenten})
    return uit
