""""Wat als": which other answers would change the advice. Pure: runs the engine on the user's
answers with one answer changed (two, when nothing else makes an instrument fit) and keeps the
few changes that move the rung, the best instrument or the recommended route. No I/O.

Only questions the tree lists under `wat_als` are varied (room, budget, time: what a civil
servant can negotiate), or every question on the path when the tree lists none. The options of a
question under `wat_als` go from least to most (ruimte: geen < beperkt < ruim < mandaat), so a
change to an earlier option is *less*. Less is never a remedy: such a change is shown only as a
consequence ("met minder ruimte zakt de trede naar ..."), after the remedies, and never in a pair.
Everything that was tried is kept (`Bevinding`), so the sentence shown when no remedy exists
says only what was computed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations, product
from typing import Callable, Iterable, Mapping

from burgers_betrekken.kern.engine import Advies, GekozenRoute, advies as bereken_advies, bepaal_niveau
from burgers_betrekken.kern.model import EINDE, Boom, Catalogus, Optie, Trede, Vraag

HOOGSTENS = 3
LAGER = 5
"""`_soort` of a change to a lower rung that brings no instrument where there was none: less
influence for citizens is not what a civil servant negotiates for, so it is not shown."""

MEER = "meer"
"""`Verandering.richting` of a change to a later option of a question under `wat_als`: a remedy."""
MINDER = "minder"
"""... to an earlier option (less room, budget or time): shown only as a consequence, never as a remedy."""
ANDERS = "anders"
"""... of a question without an order (a tree without `wat_als` varies every question): a remedy."""


@dataclass(frozen=True)
class Keuze:
    vraag: str  # question id
    antwoord: str  # option id
    label: str  # the option's label, as the user read it


RouteStappen = tuple[tuple[str, ...], ...]
"""A recommended route as the instrument ids of its steps."""


@dataclass(frozen=True)
class Verandering:
    """One or two other answers, and what the advice would then be."""

    keuzes: tuple[Keuze, ...]
    verandering: str  # in words: "trede Adviseren in plaats van Raadplegen; best passend: ..."
    niveau: str  # the rung the advice would come to
    beste: tuple[str, ...]  # the instruments it would name as best (empty: none, or not known yet)
    nog_te_vragen: tuple[str, ...] = ()  # questions the new route asks that the user did not answer
    richting: str = MEER  # MEER or ANDERS: a remedy; MINDER: a consequence, never a remedy
    route: RouteStappen | None = None  # the route the advice would recommend (None: none, or not known yet)

    @property
    def vraag(self) -> str:
        return self.keuzes[0].vraag

    @property
    def antwoord(self) -> str:
        return self.keuzes[0].antwoord

    @property
    def oplossing(self) -> bool:
        """Worth pursuing: more (or other) answers, never less."""
        return self.richting != MINDER


@dataclass(frozen=True)
class Poging:
    """One other answer tried, and what it found."""

    keuze: Keuze
    richting: str
    verandering: Verandering | None  # None: the same advice, or not known (`onbekend`)
    onbekend: bool = False  # the advice depends on questions the user did not answer

    @property
    def gelijk(self) -> bool:
        """The same rung, best instruments and route."""
        return self.verandering is None and not self.onbekend


@dataclass(frozen=True)
class Bevinding:
    """Everything "wat als" tried for one advice: each single other answer and what it gave, and
    whether pairs of answers were tried (and all could be computed). The sentence shown when no
    remedy exists is built from this, so it claims nothing that was not computed."""

    vragen: tuple[str, ...]  # the questions varied, in the order of the path
    pogingen: tuple[Poging, ...]  # per question, per option in the tree's order
    paren: bool = False  # pairs of "more" answers were tried, all computed, and none gave a line


Bereken = Callable[[Boom, Catalogus, Mapping[str, str]], Advies]
"""How another advice is computed: the engine itself, or the engine behind a memo when many
advices of one tree are computed (`bb boom website`, `bb boom paden --statistiek`); the engine is
pure, so both give the same."""


def onthoudend(bekend: Iterable[Advies] = ()) -> Bereken:
    """The engine behind a memo per set of answers: many advices of one tree ask for the advice of
    the same neighbouring paths. `bekend`: advices computed already (those with an assumption are
    left out: their answers said "weet ik niet", not the option assumed)."""
    geheugen = {tuple(sorted((s.vraag.id, s.optie.id) for s in a.pad)): a for a in bekend if not a.aannames}

    def bereken(boom: Boom, catalogus: Catalogus, antwoorden: Mapping[str, str]) -> Advies:
        sleutel = tuple(sorted(antwoorden.items()))
        if sleutel not in geheugen:
            geheugen[sleutel] = bereken_advies(boom, catalogus, antwoorden)
        return geheugen[sleutel]

    return bereken


def met_wat_als(advies: Advies, bereken: Bereken = bereken_advies) -> Advies:
    """The advice with its `wat_als` and `wat_als_bevinding` filled in."""
    veranderingen, bevinding = onderzoek(advies, bereken=bereken)
    return replace(advies, wat_als=veranderingen, wat_als_bevinding=bevinding)


def wat_als(advies: Advies, hoogstens: int = HOOGSTENS, bereken: Bereken = bereken_advies) -> tuple[Verandering, ...]:
    """The changes worth showing: the remedies first, then the consequences of less."""
    return onderzoek(advies, hoogstens, bereken)[0]


@dataclass(frozen=True)
class _Basis:
    """The advice "wat als" starts from, with what every try compares against computed once."""

    advies: Advies
    antwoorden: Mapping[str, str]
    bereken: Bereken
    beste: tuple[str, ...]
    route: RouteStappen | None

    @property
    def boom(self) -> Boom:
        return self.advies.boom

    @property
    def catalogus(self) -> Catalogus:
        return self.advies.catalogus

    def anders(self, vraag: Vraag) -> list[tuple[Optie, str, int]]:
        """The other options of a question on the path, each with its direction (MEER, MINDER or
        ANDERS) and its distance from the user's answer (neighbours first)."""
        ids = vraag.optie_ids
        eigen = ids.index(self.antwoorden[vraag.id])
        geordend = self.boom.wat_als is not None and vraag.id in self.boom.wat_als
        return [(o, (MINDER if plek < eigen else MEER) if geordend else ANDERS, abs(plek - eigen))
                for plek, o in enumerate(vraag.opties) if plek != eigen]


def onderzoek(advies: Advies, hoogstens: int = HOOGSTENS,
              bereken: Bereken = bereken_advies) -> tuple[tuple[Verandering, ...], Bevinding]:
    """Every single other answer tried; the nearest change per question that matters, remedies
    (at most `hoogstens`) before consequences (at most `hoogstens`)."""
    boom = advies.boom
    basis = _Basis(advies, {s.vraag.id: s.optie.id for s in advies.pad}, bereken,
                   tuple(a.instrument.id for a in advies.beste), _route(advies.route))
    vrij = [s.vraag for s in advies.pad if boom.wat_als is None or s.vraag.id in boom.wat_als]
    pogingen: list[Poging] = []
    kandidaten: list[tuple[tuple[int, ...], Verandering]] = []
    for positie, vraag in enumerate(vrij):
        for optie, kant, afstand in basis.anders(vraag):
            v, onbekend = _probeer(basis, ((vraag, optie),), kant)
            pogingen.append(Poging(Keuze(vraag.id, optie.id, optie.label), kant, v, onbekend))
            if v is not None and (soort := _soort(basis, v)) < LAGER and not _leger(advies, v):
                kandidaten.append(((soort, afstand, positie), v))
    oplossingen: list[Verandering] = []
    gevolgen: list[Verandering] = []
    gezien: set[tuple[str, bool]] = set()
    for _, v in sorted(kandidaten, key=lambda k: k[0]):
        if (v.vraag, v.oplossing) not in gezien:  # the nearest change per question and direction says enough
            gezien.add((v.vraag, v.oplossing))
            (oplossingen if v.oplossing else gevolgen).append(v)
    paren_gezocht = False
    if advies.participatie and not advies.instrumenten:
        # Nothing fits: also the nearest pair of "more" changes that lets an instrument fit at this
        # rung ("with a long lead time and a high budget: Burgerberaad"), which single changes can
        # miss; never a pair whose single change alone already says the same.
        alleen = {(p.keuze.vraag, p.keuze.antwoord): _uitkomst(p.verandering) for p in pogingen if p.verandering}
        gevonden, alle_bekend = _paren(basis, vrij)
        paren = [v for v in gevonden if v.niveau == advies.niveau.id
                 and all(alleen.get((k.vraag, k.antwoord)) != _uitkomst(v) for k in v.keuzes)]
        met_instrument = [v for v in oplossingen if v.beste]
        zonder = [v for v in oplossingen if not v.beste]
        oplossingen = met_instrument + paren[:1] + zonder
        paren_gezocht = alle_bekend and not paren
    bevinding = Bevinding(tuple(v.id for v in vrij), tuple(pogingen), paren_gezocht)
    return tuple(oplossingen[:hoogstens] + gevolgen[:hoogstens]), bevinding


def _uitkomst(v: Verandering | None) -> tuple[object, ...] | None:
    return None if v is None else (v.niveau, v.beste, v.route, v.nog_te_vragen)


def _paren(basis: _Basis, vrij: list[Vraag]) -> tuple[list[Verandering], bool]:
    """Two "more" answers changed at once, for an advice without instruments: those that make one
    fit, nearest first; and whether pairs were tried and every one could be computed."""
    uit: list[tuple[int, Verandering]] = []
    geprobeerd = onbekend_paren = 0
    for a, b in combinations(vrij, 2):
        for (oa, kant_a, afstand_a), (ob, kant_b, afstand_b) in product(basis.anders(a), basis.anders(b)):
            if MINDER in (kant_a, kant_b):
                continue
            v, onbekend = _probeer(basis, ((a, oa), (b, ob)), kant_a)
            geprobeerd += 1
            onbekend_paren += onbekend or (v is not None and bool(v.nog_te_vragen))
            if v is not None and v.beste:
                uit.append((afstand_a + afstand_b, v))
    return [v for _, v in sorted(uit, key=lambda k: k[0])], geprobeerd > 0 and not onbekend_paren


def _route(route: GekozenRoute | None) -> RouteStappen | None:
    return None if route is None else tuple(tuple(i.id for i in s.instrumenten) for s in route.stappen)


def _probeer(basis: _Basis, wijzigingen: tuple[tuple[Vraag, Optie], ...], kant: str) -> tuple[Verandering | None, bool]:
    """The advice with these answers changed, as a Verandering when it differs in rung, best
    instrument or route; None when it does not. The flag says the advice cannot be known (the
    new route asks questions the user did not answer, and they decide the rung or the instruments)."""
    boom, advies = basis.boom, basis.advies
    nieuw = {**basis.antwoorden, **{v.id: o.id for v, o in wijzigingen}}
    keuzes = tuple(Keuze(v.id, o.id, o.label) for v, o in wijzigingen)
    # an option that leads where the user's answer led keeps the path, so every question on it is answered
    zelfde_pad = all(o.volgende == v.optie(basis.antwoorden[v.id]).volgende  # type: ignore[union-attr]
                     for v, o in wijzigingen)
    ontbreekt = [] if zelfde_pad else _ontbrekend(boom, nieuw)
    if not ontbreekt:
        # only the answers on the new path: the same advice, and the one a memo of paths already holds
        ander = basis.bereken(boom, basis.catalogus, nieuw if zelfde_pad else _gelopen(boom, nieuw))
        beste = tuple(a.instrument.id for a in ander.instrumenten if a.rang == 1)
        route = _route(ander.route)
        if ander.niveau == advies.niveau and beste == basis.beste and route == basis.route:
            return None, False
        return Verandering(keuzes, _beschrijf(basis, ander.niveau, (beste, route), kant), ander.niveau.id,
                           beste, richting=kant, route=route), False
    # The new route asks questions the user never answered: the rung can still be known when
    # the tree decides it only from questions that were answered.
    feiten = _gelopen(boom, nieuw)
    sleutels = {k for r in (*boom.gewenst, *boom.plafond) for k in r.wanneer.sleutels()}
    if not sleutels <= feiten.keys():
        return None, True
    bepaling = bepaal_niveau(boom, basis.catalogus, feiten)
    niveau = bepaling.plafond if bepaling.begrensd and bepaling.plafond else bepaling.gewenst
    if niveau == advies.niveau:
        return None, True  # the same rung; the instruments depend on the questions that follow
    tekst = _beschrijf(basis, niveau, None, kant)
    return Verandering(keuzes, tekst, niveau.id, (), tuple(ontbreekt), richting=kant), False


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


def _soort(basis: _Basis, v: Verandering) -> int:
    """How much a change matters, most first: an instrument where there was none; participation
    where there was none; a higher rung; another best instrument; only another route; a lower rung."""
    oud, catalogus = basis.advies, basis.catalogus
    if not oud.instrumenten and v.beste:
        return 0
    if not oud.participatie and catalogus.trede(v.niveau).participatie:
        return 1
    if catalogus.rang(v.niveau) > catalogus.rang(oud.niveau.id):
        return 2
    if catalogus.rang(v.niveau) == catalogus.rang(oud.niveau.id):
        return 3 if v.beste != basis.beste else 4
    return LAGER


def _namen(ids: tuple[str, ...], catalogus: Catalogus) -> str:
    namen = [i.naam for iid in ids if (i := catalogus.instrument(iid)) is not None]
    if not namen:
        return "geen instrument"
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]


def _beschrijf(basis: _Basis, niveau: Trede, nieuw: tuple[tuple[str, ...], RouteStappen | None] | None,
               kant: str) -> str:
    """The change in words; `nieuw` is the other advice's best instruments and route, or None when
    they are not known yet."""
    oud, catalogus = basis.advies, basis.catalogus
    delen = []
    if niveau != oud.niveau:
        if not niveau.participatie:
            delen.append(f"geen participatie meer (trede {niveau.naam})")
        elif kant == MINDER and catalogus.rang(niveau.id) < catalogus.rang(oud.niveau.id):
            delen.append(f"de trede zakt naar {niveau.naam}")  # a consequence, not a goal
        else:
            delen.append(f"trede {niveau.naam} in plaats van {oud.niveau.naam}")
    if nieuw is None:
        if niveau.participatie:
            delen.append("welke instrumenten passen, hangt af van de vragen die dan volgen")
        return "; ".join(delen)
    nieuw_beste, route = nieuw
    oud_beste = basis.beste
    if niveau.participatie and nieuw_beste != oud_beste:
        woord = "even passend" if len(nieuw_beste) > 1 else "best passend"
        if not nieuw_beste:
            delen.append("maar geen instrument past")
        elif oud_beste:
            delen.append(f"{woord}: {_namen(nieuw_beste, catalogus)} (nu {_namen(oud_beste, catalogus)})")
        else:
            delen.append(f"{woord}: {_namen(nieuw_beste, catalogus)}")
    elif niveau.participatie and not nieuw_beste and niveau != oud.niveau:
        delen.append("ook daar past geen instrument")
    if niveau.participatie and route != basis.route:
        if route is None:
            delen.append("geen aanbevolen route meer")
        else:
            stappen = " → ".join(f"{n}.\u00a0{_namen(ids, catalogus)}" for n, ids in enumerate(route, start=1))
            delen.append(f"de aanbevolen route wordt: {stappen}")
    return "; ".join(delen)
