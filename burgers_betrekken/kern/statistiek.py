"""Figures over every path through a tree: how often the advice is empty, tied, or wrong in a way
an adviser would refuse to sign. Pure: computed from the engine's advice on each path.

The figures in `FOUTEN` should be zero: each is an advice an adviser would refuse to sign.
`zonder_instrument` and `gelijk` are honest outcomes the advice explains: no instrument fits (and
the advice says why and what would help), or several instruments are equally fit (and the advice
says so in so many words).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from burgers_betrekken.kern.engine import Advies, sluit_uit


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
    langste_pad: int = 0  # the most questions any path asks: at most MAXIMAAL_VRAGEN
    voorbeelden: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def noteer(self, soort: str, advies: Advies, hoogstens: int = 3) -> None:
        setattr(self, soort, getattr(self, soort) + 1)
        lijst = self.voorbeelden.setdefault(soort, [])
        if len(lijst) < hoogstens:
            lijst.append({s.vraag.id: s.optie.id for s in advies.pad})


def tel(adviezen: Iterable[Advies]) -> Padcijfers:
    c = Padcijfers()
    for a in adviezen:
        c.paden += 1
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
            staand = {x.instrument.id for x in a.instrumenten}
            if any(not s.instrumenten or any(i.id not in staand for i in s.instrumenten) for s in a.route.stappen):
                c.noteer("route_met_afgevallen", a)
    return c


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
          "route_met_afgevallen", "langste_pad")
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
    ("langste_pad", f"langste pad (vragen; hoogstens {MAXIMAAL_VRAGEN})"),
)
"""The figures in the order they are shown, with their Dutch description."""
