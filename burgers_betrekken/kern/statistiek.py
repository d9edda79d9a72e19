"""Figures over every path through a tree: how often the advice is empty, tied, or wrong in a way
an adviser would refuse to sign. Pure: computed from the engine's advice on each path.

The figures in `FOUTEN` should be zero: each is an advice an adviser would refuse to sign.
`zonder_instrument` and `gelijk` are honest outcomes the advice explains: no instrument fits (and
the advice says why and what would help), or several instruments are equally fit (and the advice
says so in so many words). The figures of issue 24 ask whether an adviser signs the advice as is;
`beste_per_instrument` says on how many paths each instrument of the catalogue is best.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from burgers_betrekken.kern.engine import Advies, sluit_uit
from burgers_betrekken.kern.model import NIVEAU, Catalogus, Conditie


@dataclass
class Padcijfers:
    paden: int = 0
    participatie: int = 0
    zonder_instrument: int = 0  # participation, but no instrument fits (the advice says why)
    zonder_uitleg: int = 0  # ... and the advice does not say why: must be 0
    gelijk: int = 0  # several instruments named as equally fit: honest ties
    tegen_wanneer_niet: int = 0  # an instrument recommended in a situation its own wanneer_niet excludes
    instrument_zonder_participatie: int = 0  # instruments on a rung without participation
    zonder_onderscheid: int = 0  # an instrument ranked above the next one without a reason the next lacks
    met_route: int = 0  # participation paths whose advice names a route
    route_met_afgevallen: int = 0  # a route step naming an instrument that is not recommended: must be 0
    wat_als_minder: int = 0  # "wat als" lines that offer less room, budget or time as a remedy: must be 0
    # --- an advice signed as is (issue 24) ---
    meebeslissen_geen_instrument: int = 0  # meebeslissen, but no instrument fits (the advice says why)
    meebeslissen_zonder_instrument: int = 0  # ... and the advice does not say why: must be 0
    zonder_let_op: int = 0  # participation, but the advice carries no caveat: must be 0
    gelijk_lager_zonder_reden: int = 0  # the best's points shown lower without a stated tie-break: must be 0
    reden_tegen_trede: int = 0  # a reason claims the goal the ladder just capped: must be 0
    beste_per_instrument: dict[str, int] = field(default_factory=dict)  # instrument id → paths where it is best
    nooit_beste: list[str] = field(default_factory=list)  # best nowhere, and no rule explains it: must be empty
    # best nowhere, because a rule removes it on every participation path: instrument id → the rules that
    # remove it on every one of them (`wanneer_niet`: its own); empty: not the same rule everywhere
    nooit_beste_verklaard: dict[str, list[str]] = field(default_factory=dict)
    langste_pad: int = 0  # the most questions any path asks: at most MAXIMAAL_VRAGEN
    voorbeelden: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def noteer(self, soort: str, advies: Advies, hoogstens: int = 3) -> None:
        setattr(self, soort, getattr(self, soort) + 1)
        lijst = self.voorbeelden.setdefault(soort, [])
        if len(lijst) < hoogstens:
            lijst.append({s.vraag.id: s.optie.id for s in advies.pad})


def tel(adviezen: Iterable[Advies]) -> Padcijfers:
    c = Padcijfers()
    teken = _Ondertekenen()
    for a in adviezen:
        c.paden += 1
        teken.noteer(c, a)
        if len(a.pad) > c.langste_pad:
            c.langste_pad = len(a.pad)
            if c.langste_pad > MAXIMAAL_VRAGEN:  # the longest path, to look into
                c.voorbeelden["langste_pad"] = [{s.vraag.id: s.optie.id for s in a.pad}]
        if not a.participatie:
            if a.instrumenten:
                c.noteer("instrument_zonder_participatie", a)
            continue
        c.participatie += 1
        if not a.instrumenten:
            c.noteer("zonder_instrument", a)
            if not a.blokkades:
                c.noteer("zonder_uitleg", a)
        if len(a.beste) > 1:
            c.noteer("gelijk", a)
        if any(sluit_uit(u.wanneer, a.situatie) for x in a.instrumenten for u in x.instrument.uitsluitingen):
            c.noteer("tegen_wanneer_niet", a)
        if not _elk_onderscheiden(a):
            c.noteer("zonder_onderscheid", a)
        if a.route is not None:
            c.met_route += 1
            if not _route_staat(a):
                c.noteer("route_met_afgevallen", a)
        for v in a.wat_als or ():  # filled in by `watals.met_wat_als`; not computed, nothing to count
            if v.oplossing and any(_minder(a, k.vraag, k.antwoord) for k in v.keuzes):
                c.noteer("wat_als_minder", a)
    teken.sluit(c)
    return c


def _route_staat(a: Advies) -> bool:
    """Every step of the route names something that stands: an activity, or instruments that
    were recommended at the advice's rung, or, for a step judged by its own rung or answers,
    instruments that belong on that rung."""
    assert a.route is not None
    staand = {x.instrument.id for x in a.instrumenten}
    for s in a.route.stappen:
        if not s.instrumenten and not s.naam:
            return False
        eigen = s.trede is not None or bool(s.alsof)  # judged by its own rung or answers: check the rung
        if any((s.trede or a.niveau.id) not in i.niveaus if eigen else i.id not in staand for i in s.instrumenten):
            return False
    return True


def _minder(a: Advies, vraag_id: str, antwoord: str) -> bool:
    """Whether this answer gives less than the user's: an earlier option of a question under
    `wat_als`, whose options go from least to most."""
    if a.boom.wat_als is None or vraag_id not in a.boom.wat_als:
        return False
    ids = a.boom.vraag(vraag_id).optie_ids
    eigen = next(s.optie.id for s in a.pad if s.vraag.id == vraag_id)
    return ids.index(antwoord) < ids.index(eigen)


def _elk_onderscheiden(a: Advies) -> bool:
    """Every instrument ranked above the next shows a reason that the next one does not have."""
    for boven, onder in zip(a.instrumenten, a.instrumenten[1:]):
        if boven.rang == onder.rang:
            continue
        eigen = {r.tekst for r in (*boven.redenen, *boven.voorrang)}
        if not eigen - {r.tekst for r in onder.redenen}:
            return False
    return True


MAXIMAAL_VRAGEN = 10
"""No path asks more questions than this (issue 23): an adviser's intake, not a questionnaire."""

FOUTEN = ("zonder_uitleg", "tegen_wanneer_niet", "instrument_zonder_participatie", "zonder_onderscheid",
          "route_met_afgevallen", "wat_als_minder",
          # an advice signed as is (issue 24)
          "meebeslissen_zonder_instrument", "zonder_let_op", "gelijk_lager_zonder_reden", "reden_tegen_trede",
          "nooit_beste", "langste_pad")
"""The figures that count faults in the tree or the catalogue: each should be 0, or at most its
limit in `GRENZEN`."""

GRENZEN = {"langste_pad": MAXIMAAL_VRAGEN}
"""Faults that are a figure with a limit, not a count: a fault only above the limit."""


def is_fout(sleutel: str, waarde: int) -> bool:
    """Whether a figure is a fault: one of `FOUTEN`, above 0 or above its limit."""
    return sleutel in FOUTEN and waarde > GRENZEN.get(sleutel, 0)

REGELS = (
    ("paden", "paden"),
    ("participatie", "paden met participatie"),
    ("zonder_instrument", "participatie zonder passend instrument (advies zegt waarom en wat helpt)"),
    ("zonder_uitleg", "… en zonder uitleg waarom"),
    ("gelijk", "beste instrumenten even passend (eerlijk gelijk, zo getoond)"),
    ("tegen_wanneer_niet", "instrument aanbevolen tegen zijn eigen 'wanneer niet'"),
    ("instrument_zonder_participatie", "instrumenten zonder participatie"),
    ("zonder_onderscheid", "instrument hoger zonder reden die het volgende mist"),
    ("met_route", "participatie met een aanbevolen route"),
    ("route_met_afgevallen", "route met een stap die een afgevallen instrument noemt"),
    ("wat_als_minder", "'wat als'-regels die minder ruimte, budget of tijd als oplossing voorstellen"),
    # an advice signed as is (issue 24)
    ("meebeslissen_geen_instrument", "meebeslissen zonder passend instrument (advies zegt waarom)"),
    ("meebeslissen_zonder_instrument", "… en zonder uitleg waarom"),
    ("zonder_let_op", "participatie zonder enig 'let op'"),
    ("gelijk_lager_zonder_reden", "instrument met de punten van het beste lager, zonder reden waarom"),
    ("reden_tegen_trede", "reden die het doel belooft dat de trede net uitsloot"),
    ("nooit_beste", "instrument nergens het beste, zonder regel die het verklaart"),
    ("nooit_beste_verklaard", "instrument nergens het beste, verklaard door een regel"),
    ("langste_pad", f"langste pad (vragen; hoogstens {MAXIMAAL_VRAGEN})"),
)
"""The figures in the order they are shown, with their Dutch description."""


# --- an advice signed as is (issue 24) -------------------------------------------------------------

MEEBESLISSEN = "meebeslissen"
"""The rung where participants decide: an advice there with no instrument must say why."""


class _Ondertekenen:
    """The figures of an advice an adviser signs as is, noted path by path; `sluit` adds what
    needs every path (which instrument is never best, and whether a rule explains it)."""

    def __init__(self) -> None:
        self.catalogus: Catalogus | None = None
        self.beste: dict[str, int] = {}
        self.ooit_vrij: set[str] = set()  # instruments some participation path does not remove by a rule
        self.overal: dict[str, set[str]] = {}  # instrument id → the rules that removed it on every path so far
        self.tegen: dict[tuple[int, int], frozenset[str]] = {}  # (tree, goal rule) → ids of rules that claim it

    def noteer(self, c: Padcijfers, a: Advies) -> None:
        self.catalogus = self.catalogus or a.catalogus
        if not a.participatie:
            return
        if a.niveau.id == MEEBESLISSEN and not a.instrumenten:
            c.noteer("meebeslissen_geen_instrument", a)
            if not a.blokkades:
                c.noteer("meebeslissen_zonder_instrument", a)
        if not a.let_op:
            c.noteer("zonder_let_op", a)
        if a.instrumenten and _gelijk_lager_zonder_reden(a):
            c.noteer("gelijk_lager_zonder_reden", a)
        if a.bepaling.begrensd and a.instrumenten and self._reden_tegen_trede(a):
            c.noteer("reden_tegen_trede", a)
        for x in a.beste:
            self.beste[x.instrument.id] = self.beste.get(x.instrument.id, 0) + 1
        self.ooit_vrij.update(x.instrument.id for x in a.instrumenten)
        for x in a.afgevallen:
            iid = x.instrument.id
            if iid in self.ooit_vrij or iid in self.beste:  # only an instrument never best needs explaining
                continue
            regels = {r.regel for r in x.redenen if r.regel is not None}
            if not regels:
                self.ooit_vrij.add(iid)
            else:
                self.overal[iid] = self.overal[iid] & regels if iid in self.overal else regels

    def _reden_tegen_trede(self, a: Advies) -> bool:
        regel = a.bepaling.gewenst_regel
        if regel is None:
            return False
        sleutel = (id(a.boom), id(regel))
        if sleutel not in self.tegen:
            vragen = _rust_op(regel.wanneer) - {NIVEAU}
            self.tegen[sleutel] = frozenset(
                r.id for r in a.boom.instrumentregels
                if _rust_op(r.wanneer) & vragen and NIVEAU not in r.wanneer.sleutels())
        tegen = self.tegen[sleutel]
        return bool(tegen) and any(r.regel in tegen for x in a.instrumenten for r in x.redenen)

    def sluit(self, c: Padcijfers) -> None:
        if self.catalogus is None:
            return
        c.beste_per_instrument = {i.id: self.beste.get(i.id, 0) for i in self.catalogus.instrumenten}
        if not c.participatie:  # no path with participation: no instrument can be best, nothing to explain
            return
        nooit = [i for i, n in c.beste_per_instrument.items() if n == 0]
        c.nooit_beste = [i for i in nooit if i in self.ooit_vrij]
        c.nooit_beste_verklaard = {i: sorted(self.overal.get(i, ())) for i in nooit if i not in self.ooit_vrij}


def _rust_op(wanneer: Conditie) -> frozenset[str]:
    """The questions a condition rests on: those it requires an answer of (not those under `niet`,
    which hold for every other answer, nor one alternative of `een_van`)."""
    return frozenset(s for s, _ in wanneer.vereist)


def _gelijk_lager_zonder_reden(a: Advies) -> bool:
    """An instrument with the best's points at a lower rank, while the instrument just above it
    does not say why it goes first."""
    punten = a.instrumenten[0].punten
    return any(onder.punten == punten and boven.rang != onder.rang and not boven.voorrang
               for boven, onder in zip(a.instrumenten, a.instrumenten[1:]))
