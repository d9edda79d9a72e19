"""Why the advice is what it is: for the rung, the route, each instrument and each caveat, the rules that
fired and the answers that made them fire. Pure: built from an `Advies`, rendered elsewhere
(`bb uitleg`, and the `uitleg` part of every JSON record)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from burgers_betrekken.kern.adviestekst import aanvulling, route_stappen
from burgers_betrekken.kern.engine import WANNEER_NIET, Advies, gezochte_waarden, past
from burgers_betrekken.kern.model import NIVEAU, NIVEAUS, Conditie, Instrument, InstrumentRegel, NiveauRegel


@dataclass(frozen=True)
class Grond:
    """One rule that counted, with the answers that made it count."""

    regel: str  # which rule: an instrumentregel id, 'niveau.gewenst 2', a let_op id
    effect: str  # what it did: '+3', 'valt af', 'gewenst: Adviseren', 'getoond'
    tekst: str  # the reason or explanation as the user reads it
    antwoorden: tuple[tuple[str, str], ...]  # (question, answer) the rule's condition looked at
    kenmerk: str | None = None  # for instruments: the kenmerk, what it has and what was sought


@dataclass(frozen=True)
class InstrumentUitleg:
    id: str
    naam: str
    aanbevolen: bool
    punten: int
    gronden: tuple[Grond, ...]


@dataclass(frozen=True)
class RoutestapUitleg:
    naam: str  # its standing instruments as the user reads them ('A of B'), or the activity's name
    instrumenten: tuple[str, ...]  # their ids; empty for an activity
    waarom: str
    trede: str | None = None  # the rung it was judged at, by name, when it is not the advice's


@dataclass(frozen=True)
class RouteUitleg:
    """The route the advice names: why it fits (the answers its `wanneer` looked at, with its
    reason), its steps and its source."""

    grond: Grond
    stappen: tuple[RoutestapUitleg, ...]
    bron: str


@dataclass(frozen=True)
class Aanvulling:
    """An answer the answers file lacked (made before the question existed), taken from the tree."""

    vraag: str  # question id
    optie: str  # the option taken
    tekst: str  # the sentence every view shows at the top of the advice


@dataclass(frozen=True)
class Uitleg:
    niveau: tuple[Grond, ...]
    uitkomst: str  # the rung the advice arrived at, and why in one sentence
    instrumenten: tuple[InstrumentUitleg, ...]
    let_op: tuple[Grond, ...]
    route: RouteUitleg | None = None
    route_noot: str | None = None  # no route: why one that fits the answers gave way to the ranking
    aangevuld: tuple[Aanvulling, ...] = ()


def leg_uit(advies: Advies, instrumenten: bool = True) -> Uitleg:
    """Why the advice is what it is. Without `instrumenten` the per-instrument part is left empty
    (the Markdown and HTML records do not show it, and it is most of the work)."""
    let_op = tuple(Grond(lo.id, "getoond", lo.titel, _antwoorden(advies, lo.wanneer)) for lo in advies.let_op)
    route = _route(advies)
    aangevuld = tuple(Aanvulling(s.vraag.id, s.optie.id, aanvulling(s)) for s in advies.aangevuld)
    if not instrumenten:
        return Uitleg(_niveau(advies), _uitkomst(advies), (), let_op, route, advies.route_noot, aangevuld)
    regels = [r for r in advies.boom.instrumentregels if r.wanneer.geldt(advies.feiten)]
    aanbevolen = {a.instrument.id: a.punten for a in advies.instrumenten}
    volgorde = [a.instrument for a in advies.instrumenten] + [a.instrument for a in advies.afgevallen]
    per_instrument = tuple(
        InstrumentUitleg(i.id, i.naam, i.id in aanbevolen, aanbevolen.get(i.id, 0), _gronden(advies, i, regels))
        for i in volgorde)
    return Uitleg(_niveau(advies), _uitkomst(advies), per_instrument, let_op, route, advies.route_noot, aangevuld)


def _route(advies: Advies) -> RouteUitleg | None:
    """The route with the answers its condition looked at: the first route of the tree that fits
    counts, so these answers are why this one is named."""
    if advies.route is None:
        return None
    route = advies.route.route
    grond = Grond(route.id, "past", route.reden, _antwoorden(advies, route.wanneer))
    stappen = tuple(RoutestapUitleg(naam, tuple(i.id for i in s.instrumenten), s.waarom,
                                    advies.catalogus.trede(s.trede).naam if s.trede else None)
                    for s, (naam, _) in zip(advies.route.stappen, route_stappen(advies)))
    return RouteUitleg(grond, stappen, route.bron)


def _gronden(advies: Advies, instrument: Instrument, regels: list[InstrumentRegel]) -> tuple[Grond, ...]:
    """The rules that counted for one instrument. On a rung without participation no rule was
    weighed: the rung alone is why it fell off. Reasons that come from no tree rule (the
    instrument's own `wanneer_niet`, or no answer pleading for it) are named as well."""
    eigen = next((a.redenen for a in advies.afgevallen if a.instrument.id == instrument.id), ())
    trede = (("Trede van het advies", advies.niveau.naam),)
    if not advies.niveau.participatie:
        return tuple(Grond(NIVEAU, "valt af", r.tekst, trede) for r in eigen)
    uit = [g for r in regels if (g := _instrumentgrond(advies, instrument, r)) is not None]
    uit += [Grond(WANNEER_NIET, "valt af", r.tekst, ()) for r in eigen if r.regel == WANNEER_NIET]
    uit += [Grond("geen_reden", "valt af", r.tekst, ()) for r in eigen if r.regel is None]
    return tuple(uit)


def _kenmerk_woorden(advies: Advies, kenmerk_id: str) -> tuple[str, Callable[[str], str]]:
    """A kenmerk as the user reads it: its name and its values' labels (the rungs by name)."""
    catalogus = advies.catalogus
    if kenmerk_id == NIVEAUS:
        def trede(w: str) -> str:
            try:
                return catalogus.trede(w).naam
            except KeyError:
                return w
        return "Treden", trede
    kenmerk = catalogus.kenmerken.get(kenmerk_id)
    if kenmerk is None:
        return kenmerk_id, lambda w: w
    return kenmerk.naam, kenmerk.label


def _antwoorden(advies: Advies, conditie: Conditie, ook: str | None = None) -> tuple[tuple[str, str], ...]:
    """The user's answers to the questions a condition names (and the rung, if it names that);
    `ook`: one more fact the rule looked at (its `waarde_van`)."""
    sleutels = conditie.sleutels() | ({ook} if ook else set())
    uit = [(s.vraag.tekst, s.optie.label) for s in advies.pad if s.vraag.id in sleutels]
    if NIVEAU in sleutels:
        uit.append(("Trede van het advies", advies.niveau.naam))
    return tuple(uit)


def _niveaugrond(advies: Advies, soort: str, regel: NiveauRegel) -> Grond:
    boom = advies.boom
    nummer = list(getattr(boom, soort)).index(regel) + 1
    trede = advies.catalogus.trede(regel.niveau).naam
    effect = f"gewenst: {trede}" if soort == "gewenst" else f"hoogstens: {trede}"
    return Grond(f"niveau.{soort} {nummer}", effect, regel.uitleg or "", _antwoorden(advies, regel.wanneer))


def _niveau(advies: Advies) -> tuple[Grond, ...]:
    boom, feiten = advies.boom, advies.feiten
    gronden = []
    gewenst = next((r for r in boom.gewenst if r.wanneer.geldt(feiten)), None)
    if gewenst is not None:
        gronden.append(_niveaugrond(advies, "gewenst", gewenst))
    else:
        trede = advies.catalogus.trede(boom.standaard_niveau).naam
        gronden.append(Grond("niveau.standaard", f"gewenst: {trede}",
                             "Geen van uw antwoorden vraagt om een andere trede; dan geldt de gewone trede "
                             "van deze beslisboom.", ()))
    plafond = next((r for r in boom.plafond if r.wanneer.geldt(feiten)), None)
    if plafond is not None:
        gronden.append(_niveaugrond(advies, "plafond", plafond))
    return tuple(gronden)


def _uitkomst(advies: Advies) -> str:
    b = advies.bepaling
    if b.begrensd and b.plafond is not None:
        return (f"{advies.niveau.naam}: uw doel vraagt {b.gewenst.naam.lower()}, maar de ruimte staat hoogstens "
                f"{b.plafond.naam.lower()} toe.")
    return f"{advies.niveau.naam}: wat uw doel vraagt, en de ruimte staat dat toe."


def _instrumentgrond(advies: Advies, instrument: Instrument, regel: InstrumentRegel) -> Grond | None:
    from burgers_betrekken.kern.engine import vul_in

    feiten = advies.feiten
    labels = {s.vraag.id: s.optie.label for s in advies.pad} | {NIVEAU: advies.niveau.naam.lower()}
    naam, label = _kenmerk_woorden(advies, regel.kenmerk)
    heeft = ", ".join(label(w) for w in instrument.kenmerk(regel.kenmerk)) or "geen"
    gezocht = ", ".join(label(w) for w in gezochte_waarden(regel, feiten)) or "niets"
    kenmerk = f"{naam}: {instrument.naam} heeft {heeft}; gezocht: {gezocht}"
    if past(instrument, regel, feiten):
        tekst = vul_in(regel.reden, labels) if regel.reden else "(past, zonder reden)"
        effect = f"+{regel.punten}" if regel.punten else "past"  # a requirement met gives no points
        return Grond(regel.id, effect, tekst, _antwoorden(advies, regel.wanneer, regel.waarde_van), kenmerk)
    if regel.soort == "eis":
        tekst = vul_in(regel.reden_afgevallen, labels) if regel.reden_afgevallen else "(valt af)"
        return Grond(regel.id, "valt af", tekst, _antwoorden(advies, regel.wanneer, regel.waarde_van), kenmerk)
    return None  # a preference it does not meet: no effect
