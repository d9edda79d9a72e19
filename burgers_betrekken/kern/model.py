"""The typed, frozen model of a beslisboom and an instrument catalogue.

Objects here are built only by the loaders (`lezen.boom`, `lezen.catalogus`) and carry the
location they were read from, so later checks can point at the exact line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from burgers_betrekken.kern.fouten import Locatie

EINDE = "advies"
"""Reserved `volgende:` target: the interview is complete and the advice follows."""

NIVEAU = "niveau"
"""Reserved condition key: the rung the advice arrived at (usable in caveats and instrument rules)."""

NIVEAUS = "niveaus"
"""Built-in kenmerk of every instrument: the rungs it suits (its `niveaus`)."""

WEET_NIET = "weet_niet"
"""Reserved answer: the user does not know; the question's `weet_niet.optie` is assumed."""


PLAATSHOUDER = re.compile(r"\{([a-z0-9_]+)\}")
"""`{vraag-id}` or `{niveau}` in a reason text: replaced by the answer's label or the rung's name."""


def _bevroren(d: Mapping) -> Mapping:
    return MappingProxyType(dict(d))


# --- conditions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Conditie:
    """`wanneer:` — all listed keys must have one of the listed values (AND over keys, OR
    within a key); `niet:` must not hold; at least one of `een_van:` must hold.
    A key is a question id or `niveau`. A question not on the user's path never matches."""

    vereist: tuple[tuple[str, frozenset[str]], ...] = ()
    niet: Conditie | None = None
    een_van: tuple[Conditie, ...] = ()
    locatie: Locatie | None = field(default=None, compare=False)

    def geldt(self, feiten: Mapping[str, str | frozenset[str]]) -> bool:
        """Whether the condition holds. A fact is one value (an answer, the rung) or a set of
        values (what a situation looks for in a kenmerk): a set matches when it shares a value."""
        for sleutel, waarden in self.vereist:
            feit = feiten.get(sleutel)
            if feit is None:
                return False
            if feit.__class__ is str:
                if feit not in waarden:
                    return False
            elif waarden.isdisjoint(feit):
                return False
        if self.niet is not None and self.niet.geldt(feiten):
            return False
        if self.een_van and not any(c.geldt(feiten) for c in self.een_van):
            return False
        return True

    def sleutels(self) -> set[str]:
        uit = {s for s, _ in self.vereist}
        if self.niet is not None:
            uit |= self.niet.sleutels()
        for c in self.een_van:
            uit |= c.sleutels()
        return uit


ALTIJD = Conditie()


# --- the tree ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Optie:
    id: str
    label: str
    toelichting: str | None
    volgende: str | None
    locatie: Locatie | None = field(default=None, compare=False)


@dataclass(frozen=True)
class WeetNiet:
    """A question may allow "weet ik niet": then `optie` is assumed, and the advice says so."""

    optie: str
    aanname: str


@dataclass(frozen=True)
class Vraag:
    id: str
    tekst: str
    toelichting: str | None
    opties: tuple[Optie, ...]
    volgende: str | None
    locatie: Locatie | None = field(default=None, compare=False)
    weet_niet: WeetNiet | None = None

    def optie(self, optie_id: str) -> Optie | None:
        """The option with this id; for `weet_niet` (when allowed) the assumed option."""
        if optie_id == WEET_NIET and self.weet_niet is not None:
            optie_id = self.weet_niet.optie
        for o in self.opties:
            if o.id == optie_id:
                return o
        return None

    @property
    def optie_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.opties)

    def opvolgers(self) -> set[str]:
        """Every `volgende:` target reachable from this question in one answer (may include EINDE)."""
        return {doel for o in self.opties if (doel := o.volgende or self.volgende) is not None}

    def volgende_na(self, optie_id: str) -> str:
        """Where the interview goes after this option: the option's own `volgende`,
        else the question's. The loader guarantees one of them exists."""
        optie = self.optie(optie_id)
        doel = (optie.volgende if optie else None) or self.volgende
        assert doel is not None, f"question {self.id} has no next for {optie_id}"
        return doel


@dataclass(frozen=True)
class NiveauRegel:
    """Maps answers to a rung: `gewenst` rules (first match) and `plafond` rules (first match)."""

    wanneer: Conditie
    niveau: str
    uitleg: str | None
    locatie: Locatie | None = field(default=None, compare=False)
    niveau_locatie: Locatie | None = field(default=None, compare=False)


@dataclass(frozen=True)
class InstrumentRegel:
    """A rule that scores or rules out instruments by one of their kenmerken.

    When `wanneer` holds: an instrument whose kenmerk has one of `waarden` (or the value of
    the fact `waarde_van`) gains `punten` and the reason `reden`. With `soort: eis` an
    instrument that does not match falls off with `reden_afgevallen`; with `soort: voorkeur`
    it simply gains nothing."""

    id: str
    wanneer: Conditie
    kenmerk: str
    waarden: tuple[str, ...]
    waarde_van: str | None
    soort: str  # "eis" | "voorkeur"
    punten: int
    reden: str | None
    reden_afgevallen: str | None
    locatie: Locatie | None = field(default=None, compare=False)
    kenmerk_locatie: Locatie | None = field(default=None, compare=False)
    waarden_locatie: Locatie | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Voorrangsregel:
    """`gelijke_punten:` — how instruments with equal points are told apart. When `wanneer`
    holds, an instrument whose kenmerk has a value earlier in `volgorde` goes first, and
    shows `reden` as the reason it went first. Rules are applied in the order of the tree."""

    id: str
    wanneer: Conditie
    kenmerk: str
    volgorde: tuple[str, ...]
    reden: str
    locatie: Locatie | None = field(default=None, compare=False)
    volgorde_locatie: Locatie | None = field(default=None, compare=False)

    def positie(self, instrument: Instrument) -> int:
        """Where the instrument's best value stands in `volgorde`; behind all when it has none."""
        waarden = instrument.kenmerk(self.kenmerk)
        return min((self.volgorde.index(w) for w in waarden if w in self.volgorde), default=len(self.volgorde))


@dataclass(frozen=True)
class LetOp:
    id: str
    titel: str
    tekst: str
    bron: str
    wanneer: Conditie
    locatie: Locatie | None = field(default=None, compare=False)


@dataclass(frozen=True, eq=False)  # identity equality: a tree is hashable and cacheable
class Boom:
    id: str
    versie: str
    titel: str
    beschrijving: str | None
    start: str
    vragen: Mapping[str, Vraag]
    gewenst: tuple[NiveauRegel, ...]
    standaard_niveau: str
    plafond: tuple[NiveauRegel, ...]
    instrumentregels: tuple[InstrumentRegel, ...]
    let_op: tuple[LetOp, ...]
    bestand: str
    catalogus: str | None = None  # the catalogue file this tree names, resolved against its folder
    standaard_locatie: Locatie | None = field(default=None, compare=False)
    voorrang: tuple[Voorrangsregel, ...] = ()  # `gelijke_punten:`, in order
    wat_als: tuple[str, ...] | None = None  # questions whose answer can be negotiated; None: all
    sha256: str = field(default="", compare=False)  # of the exact bytes this model was read from

    def __post_init__(self) -> None:
        object.__setattr__(self, "vragen", _bevroren(self.vragen))

    def vraag(self, vraag_id: str) -> Vraag:
        return self.vragen[vraag_id]


# --- the catalogue -----------------------------------------------------------------------


@dataclass(frozen=True)
class Trede:
    """A rung of the participatieladder."""

    id: str
    naam: str
    omschrijving: str
    belofte: str
    participatie: bool
    locatie: Locatie | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Kenmerk:
    """A property instruments are described by (kosten, doorlooptijd, doelgroepen, ...),
    with its allowed values and their labels."""

    id: str
    naam: str
    waarden: Mapping[str, str]  # value id -> label
    locatie: Locatie | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "waarden", _bevroren(self.waarden))

    def label(self, waarde: str) -> str:
        return self.waarden.get(waarde, waarde)


@dataclass(frozen=True)
class Uitsluiting:
    """A `wanneer_niet` the engine can check: when `wanneer` holds for the situation (the
    kenmerk values the tree's active rules look for, and the rung), the instrument falls off
    with `tekst` as its reason. Kenmerken the situation says nothing about never match."""

    tekst: str
    wanneer: Conditie
    locatie: Locatie | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Instrument:
    id: str
    naam: str
    samenvatting: str
    niveaus: tuple[str, ...]
    kenmerken: Mapping[str, tuple[str, ...]]
    wanneer_wel: tuple[str, ...]
    wanneer_niet: tuple[str, ...]
    sterke_punten: tuple[str, ...]
    beperkingen: tuple[str, ...]
    kosten_indicatie: str | None
    doorlooptijd_indicatie: str | None
    deelnemers: str | None
    voorbeeld: str | None
    bron: str | None
    locatie: Locatie | None = field(default=None, compare=False)
    uitsluitingen: tuple[Uitsluiting, ...] = ()  # the `wanneer_niet` items with a condition

    def __post_init__(self) -> None:
        object.__setattr__(self, "kenmerken", _bevroren(self.kenmerken))

    def kenmerk(self, naam: str) -> tuple[str, ...]:
        """Values of a kenmerk; built in: `niveaus` (the rungs the instrument serves) and
        `instrument` (its own id)."""
        if naam == "niveaus":
            return self.niveaus
        if naam == "instrument":
            return (self.id,)
        return self.kenmerken.get(naam, ())


@dataclass(frozen=True, eq=False)
class Catalogus:
    ladder: tuple[Trede, ...]
    kenmerken: Mapping[str, Kenmerk]
    tabel: tuple[str, ...]
    instrumenten: tuple[Instrument, ...]
    bestand: str
    checklist: tuple[str, ...] = ()  # open checkboxes in every record of an advice
    checklist_bron: str | None = None
    sha256: str = field(default="", compare=False)  # of the exact bytes this model was read from

    def __post_init__(self) -> None:
        object.__setattr__(self, "kenmerken", _bevroren(self.kenmerken))

    def trede(self, trede_id: str) -> Trede:
        for t in self.ladder:
            if t.id == trede_id:
                return t
        raise KeyError(trede_id)

    def rang(self, trede_id: str) -> int:
        """Position on the ladder, 0 = lowest."""
        return [t.id for t in self.ladder].index(trede_id)

    def instrument(self, instrument_id: str) -> Instrument | None:
        for i in self.instrumenten:
            if i.id == instrument_id:
                return i
        return None
