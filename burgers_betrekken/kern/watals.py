""""Wat als": which other answers would change the advice. Pure: runs the engine on the user's
answers with one answer changed (two, when nothing else makes an instrument fit) and keeps the
few changes that move the rung or the best instrument. No I/O.

Only questions the tree lists under `wat_als` are varied (room, budget, time: what a civil
servant can negotiate), or every question on the path when the tree lists none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations, product
from typing import Callable, Mapping

from burgers_betrekken.kern.engine import Advies, advies as bereken_advies, bepaal_niveau
from burgers_betrekken.kern.model import EINDE, Boom, Catalogus, Trede, Vraag

HOOGSTENS = 3
MINDER = 4
"""`_soort` of a change to a lower rung that brings no instrument where there was none: less
influence for citizens is not what a civil servant negotiates for, so it is not shown."""


@dataclass(frozen=True)
class Keuze:
    vraag: str  # question id
    antwoord: str  # option id
    label: str  # the option's label, as the user read it


@dataclass(frozen=True)
class Verandering:
    """One or two other answers, and what the advice would then be."""

    keuzes: tuple[Keuze, ...]
    verandering: str  # in words: "trede Adviseren in plaats van Raadplegen; best passend: ..."
    niveau: str  # the rung the advice would come to
    beste: tuple[str, ...]  # the instruments it would name as best (empty: none, or not known yet)
    nog_te_vragen: tuple[str, ...] = ()  # questions the new route asks that the user did not answer

    @property
    def vraag(self) -> str:
        return self.keuzes[0].vraag

    @property
    def antwoord(self) -> str:
        return self.keuzes[0].antwoord


Bereken = Callable[[Boom, Catalogus, Mapping[str, str]], Advies]
"""How another advice is computed: the engine itself, or the engine behind a memo when many
advices of one tree are computed (`bb boom website`); the engine is pure, so both give the same."""


def met_wat_als(advies: Advies, bereken: Bereken = bereken_advies) -> Advies:
    """The advice with its `wat_als` filled in."""
    return replace(advies, wat_als=wat_als(advies, bereken=bereken))


def wat_als(advies: Advies, hoogstens: int = HOOGSTENS, bereken: Bereken = bereken_advies) -> tuple[Verandering, ...]:
    boom, catalogus = advies.boom, advies.catalogus
    antwoorden = {s.vraag.id: s.optie.id for s in advies.pad}
    vrij = [s.vraag for s in advies.pad if boom.wat_als is None or s.vraag.id in boom.wat_als]
    kandidaten: list[tuple[tuple[int, ...], Verandering]] = []
    for positie, vraag in enumerate(vrij):
        for optie in vraag.opties:
            if optie.id == antwoorden[vraag.id]:
                continue
            v = _probeer(boom, catalogus, advies, antwoorden, ((vraag, optie.id),), bereken)
            if v is not None and _soort(advies, v, catalogus) < MINDER and not _leger(advies, v):
                kandidaten.append(((_soort(advies, v, catalogus), _afstand(vraag, antwoorden[vraag.id], optie.id),
                                    positie), v))
    gekozen: list[Verandering] = []
    gezien: set[str] = set()
    for _, v in sorted(kandidaten, key=lambda k: k[0]):
        if v.vraag not in gezien:  # the nearest change per question says enough
            gezien.add(v.vraag)
            gekozen.append(v)
    if advies.participatie and not advies.instrumenten:
        # Nothing fits: also the nearest pair of changes that lets an instrument fit at this rung
        # ("with a long lead time and a high budget: Burgerberaad"), which single changes can miss.
        paren = [v for v in _paren(boom, catalogus, advies, antwoorden, vrij, bereken) if v.niveau == advies.niveau.id]
        met_instrument = [v for v in gekozen if v.beste]
        zonder = [v for v in gekozen if not v.beste]
        gekozen = met_instrument + paren[:1] + zonder
    return tuple(gekozen[:hoogstens])


def _paren(boom: Boom, catalogus: Catalogus, advies: Advies, antwoorden: Mapping[str, str],
           vrij: list[Vraag], bereken: Bereken) -> list[Verandering]:
    """Two answers changed at once, for an advice without instruments: those that make one fit,
    nearest first."""
    uit: list[tuple[int, Verandering]] = []
    for a, b in combinations(vrij, 2):
        for oa, ob in product(a.opties, b.opties):
            if oa.id == antwoorden[a.id] or ob.id == antwoorden[b.id]:
                continue
            v = _probeer(boom, catalogus, advies, antwoorden, ((a, oa.id), (b, ob.id)), bereken)
            if v is not None and v.beste:
                uit.append((_afstand(a, antwoorden[a.id], oa.id) + _afstand(b, antwoorden[b.id], ob.id), v))
    return [v for _, v in sorted(uit, key=lambda k: k[0])]


def _probeer(boom: Boom, catalogus: Catalogus, advies: Advies, antwoorden: Mapping[str, str],
             wijzigingen: tuple[tuple[Vraag, str], ...], bereken: Bereken) -> Verandering | None:
    """The advice with these answers changed, as a Verandering when it differs in rung or best
    instrument; None when it does not, or when it cannot be known."""
    nieuw = {**antwoorden, **{v.id: o for v, o in wijzigingen}}
    keuzes = tuple(Keuze(v.id, o, v.optie(o).label) for v, o in wijzigingen)  # type: ignore[union-attr]
    ontbreekt = _ontbrekend(boom, nieuw)
    if not ontbreekt:
        ander = bereken(boom, catalogus, nieuw)
        beste = tuple(a.instrument.id for a in ander.beste)
        if ander.niveau == advies.niveau and beste == tuple(a.instrument.id for a in advies.beste):
            return None
        return Verandering(keuzes, _beschrijf(advies, ander.niveau, ander, catalogus), ander.niveau.id, beste)
    # The new route asks questions the user never answered: the rung can still be known when
    # the tree decides it only from questions that were answered.
    feiten = _gelopen(boom, nieuw)
    sleutels = {k for r in (*boom.gewenst, *boom.plafond) for k in r.wanneer.sleutels()}
    if not sleutels <= feiten.keys():
        return None
    bepaling = bepaal_niveau(boom, catalogus, feiten)
    niveau = bepaling.plafond if bepaling.begrensd and bepaling.plafond else bepaling.gewenst
    if niveau == advies.niveau:
        return None
    tekst = _beschrijf(advies, niveau, None, catalogus)
    return Verandering(keuzes, tekst, niveau.id, (), tuple(ontbreekt))


def _ontbrekend(boom: Boom, antwoorden: Mapping[str, str]) -> list[str]:
    """The questions on the route these answers take that have no answer. Past such a question
    the route is followed only while every option leads the same way."""
    uit = []
    vraag_id = boom.start
    while vraag_id != EINDE:
        vraag = boom.vraag(vraag_id)
        if vraag_id in antwoorden:
            vraag_id = vraag.volgende_na(antwoorden[vraag_id])
            continue
        uit.append(vraag_id)
        doelen = {vraag.volgende_na(o.id) for o in vraag.opties}
        if len(doelen) != 1:
            break
        vraag_id = doelen.pop()
    return uit


def _gelopen(boom: Boom, antwoorden: Mapping[str, str]) -> dict[str, str]:
    """The answers on the route, as far as it is answered."""
    feiten: dict[str, str] = {}
    vraag_id: str | None = boom.start
    while vraag_id is not None and vraag_id != EINDE and vraag_id in antwoorden:
        feiten[vraag_id] = antwoorden[vraag_id]
        vraag_id = boom.vraag(vraag_id).volgende_na(antwoorden[vraag_id])
    return feiten


def _leger(oud: Advies, v: Verandering) -> bool:
    """A change after which no instrument fits, while one fits now: not worth a line."""
    return bool(oud.instrumenten) and not v.beste and not v.nog_te_vragen


def _soort(oud: Advies, v: Verandering, catalogus: Catalogus) -> int:
    """How much a change matters, most first: an instrument where there was none; participation
    where there was none; a higher rung; another best instrument; a lower rung."""
    nieuw_niveau = catalogus.trede(v.niveau)
    if not oud.instrumenten and v.beste:
        return 0
    if not oud.participatie and nieuw_niveau.participatie:
        return 1
    if catalogus.rang(v.niveau) > catalogus.rang(oud.niveau.id):
        return 2
    if catalogus.rang(v.niveau) == catalogus.rang(oud.niveau.id):
        return 3
    return 4


def _afstand(vraag: Vraag, van: str, naar: str) -> int:
    """How far apart two options stand in the question (neighbours first)."""
    ids = vraag.optie_ids
    return abs(ids.index(van) - ids.index(naar))


def _namen(advies: Advies | None, ids: tuple[str, ...], catalogus: Catalogus) -> str:
    namen = [i.naam for iid in ids if (i := catalogus.instrument(iid)) is not None]
    if not namen:
        return "geen instrument"
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]


def _beschrijf(oud: Advies, niveau: Trede, nieuw: Advies | None, catalogus: Catalogus) -> str:
    delen = []
    if niveau != oud.niveau:
        if not niveau.participatie:
            delen.append(f"geen participatie meer (trede {niveau.naam})")
        else:
            delen.append(f"trede {niveau.naam} in plaats van {oud.niveau.naam}")
    if nieuw is None:
        if niveau.participatie:
            delen.append("welke instrumenten passen, hangt af van de vragen die dan volgen")
        return "; ".join(delen)
    oud_beste = tuple(a.instrument.id for a in oud.beste)
    nieuw_beste = tuple(a.instrument.id for a in nieuw.beste)
    if nieuw.participatie and nieuw_beste != oud_beste:
        woord = "even passend" if len(nieuw_beste) > 1 else "best passend"
        if not nieuw_beste:
            delen.append("maar geen instrument past")
        elif oud_beste:
            delen.append(f"{woord}: {_namen(nieuw, nieuw_beste, catalogus)} "
                         f"(nu {_namen(oud, oud_beste, catalogus)})")
        else:
            delen.append(f"{woord}: {_namen(nieuw, nieuw_beste, catalogus)}")
    return "; ".join(delen)

