"""The typed, frozen model of a beslisboom and an instrument catalogue.

Objects here are built only by the loaders (`lezen.boom`, `lezen.catalogus`) and carry the
location they were read from, so later checks can point at the exact line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

from burgers_betrekken.kern.fouten import Locatie
from burgers_betrekken.kern.vormtaal import (
    GeheelGetal, Id, Ids, JaNee, Keuze, Lijst, Map, Object, Ref, Tekst, Teksten, TekstenOf, uit_yaml, vorm_van,
    yaml_vorm,
)

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

    def sleutels(self) -> frozenset[str]:
        """Every key the condition names, also under `niet` and `een_van`."""
        return self._sleutels

    @cached_property
    def _sleutels(self) -> frozenset[str]:  # the engine asks this for every instrument of every advice
        uit = {s for s, _ in self.vereist}
        if self.niet is not None:
            uit |= self.niet.sleutels()
        for c in self.een_van:
            uit |= c.sleutels()
        return frozenset(uit)


ALTIJD = Conditie()


# --- the tree ----------------------------------------------------------------------------


@yaml_vorm("Een antwoordmogelijkheid.")
@dataclass(frozen=True, kw_only=True)
class Optie:
    id: str
    label: str = uit_yaml(Tekst(), "Wat de gebruiker als antwoord ziet.", verplicht=True, noem="het label")
    toelichting: str | None = uit_yaml(Tekst(), "Uitleg bij deze optie.", noem="de toelichting")
    volgende: str | None = uit_yaml(Id(), "De vraag-id die na deze optie komt, of 'advies' om het advies te "
                                    "tonen.", noem="'volgende'")
    locatie: Locatie | None = field(default=None, compare=False)


@yaml_vorm("Sta 'Weet ik niet' toe: welke optie dan wordt aangenomen, en waarom.")
@dataclass(frozen=True, kw_only=True)
class WeetNiet:
    """A question may allow "weet ik niet": then `optie` is assumed, and the advice says so."""

    optie: str = uit_yaml(Id(), "De optie waar het advies dan van uitgaat.", verplicht=True, noem="de optie")
    aanname: str = uit_yaml(Tekst(), "De aanname in woorden; die staat bij het advies.", verplicht=True,
                            noem="de aanname")


@yaml_vorm("Een vraag in de beslisboom.")
@dataclass(frozen=True, kw_only=True)
class Vraag:
    id: str
    tekst: str = uit_yaml(Tekst(), "De vraag zoals de gebruiker haar ziet.", verplicht=True, noem="de tekst")
    toelichting: str | None = uit_yaml(Tekst(), "Uitleg die boven de vraag staat.", noem="de toelichting")
    volgende: str | None = uit_yaml(Id(), "De vraag-id die na deze vraag komt (als de optie geen eigen "
                                    "'volgende' heeft), of 'advies'.", noem="'volgende'")
    weet_niet: WeetNiet | None = uit_yaml(vorm_van(WeetNiet), "Sta 'Weet ik niet' toe: welke optie dan wordt "
                                          "aangenomen, en waarom.", default=None)
    standaard: str | None = uit_yaml(Id(), "De optie die bb aanneemt voor antwoordbestanden en verslagen van "
                                     "vóór deze vraag (zonder: 'weet_niet', als de vraag dat toestaat). Het "
                                     "advies zegt dat het antwoord is aangenomen.", noem="de standaard")
    opties: tuple[Optie, ...] = uit_yaml(
        Map(vorm_van(Optie), "De antwoordmogelijkheden: optie-id met label.", minimaal=2,
            te_weinig="{wat}: een vraag heeft minstens twee opties nodig"),
        "De antwoordmogelijkheden: optie-id met label.", verplicht=True, noem="de opties")
    locatie: Locatie | None = field(default=None, compare=False)

    def optie(self, optie_id: str) -> Optie | None:
        """The option with this id; for `weet_niet` (when allowed) the assumed option."""
        if optie_id == WEET_NIET and self.weet_niet is not None:
            optie_id = self.weet_niet.optie
        for o in self.opties:
            if o.id == optie_id:
                return o
        return None

    @property
    def bij_ontbreken(self) -> str | None:
        """The answer taken when answers made before this question existed have none: its
        `standaard`, else 'weet_niet' when it allows that; None: an answer is required."""
        if self.standaard is not None:
            return self.standaard
        return WEET_NIET if self.weet_niet is not None else None

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


@yaml_vorm("Een regel die een trede van de participatieladder kiest.")
@dataclass(frozen=True, kw_only=True)
class NiveauRegel:
    """Maps answers to a rung: `gewenst` rules (first match) and `plafond` rules (first match)."""

    wanneer: Conditie = uit_yaml(Ref("conditie"), "Wanneer deze regel geldt.", verplicht=True)
    niveau: str = uit_yaml(Id(), "De trede (id uit de ladder van de catalogus).", verplicht=True, noem="het niveau")
    uitleg: str | None = uit_yaml(Tekst(), "Waarom deze trede; de gebruiker ziet deze uitleg bij het advies.",
                                  noem="de uitleg")
    locatie: Locatie | None = field(default=None, compare=False)
    niveau_locatie: Locatie | None = field(default=None, compare=False)


@yaml_vorm("Een regel die instrumenten laat stijgen (voorkeur) of afvallen (eis).")
@dataclass(frozen=True, kw_only=True)
class InstrumentRegel:
    """A rule that scores or rules out instruments by one of their kenmerken.

    When `wanneer` holds: an instrument whose kenmerk has one of `waarden` (or the value of
    the fact `waarde_van`) gains `punten` and the reason `reden`. With `soort: eis` an
    instrument that does not match falls off with `reden_afgevallen`; with `soort: voorkeur`
    it simply gains nothing."""

    id: str
    wanneer: Conditie = uit_yaml(Ref("conditie"), "Wanneer deze regel geldt.", verplicht=True)
    kenmerk: str = uit_yaml(Id(), "Het kenmerk van de instrumenten waar de regel naar kijkt (uit de catalogus), "
                            "of 'niveaus' (de treden van een instrument) of 'instrument' (de id van het "
                            "instrument zelf).", verplicht=True, noem="het kenmerk")
    soort: str = uit_yaml(Keuze(("eis", "voorkeur")), "'eis': een instrument zonder deze waarde valt af. "
                          "'voorkeur': een instrument met deze waarde krijgt punten.", verplicht=True, noem="de soort")
    waarden: tuple[str, ...] = uit_yaml(Ids(), "De waarde(n) van het kenmerk die de regel zoekt.", noem="de waarden")
    waarde_van: str | None = uit_yaml(Id(), "Zoek de waarde die het antwoord op deze vraag heeft (of 'niveau': "
                                      "de trede van het advies), in plaats van vaste 'waarden'.")
    punten: int = uit_yaml(GeheelGetal(minimum=-1000, maximum=1000), "Punten voor een instrument dat past "
                           "(standaard 1).", noem="de punten", standaard=1)
    reden: str | None = uit_yaml(Tekst(), "Waarom een passend instrument past. '{vraag-id}' en '{niveau}' "
                                 "worden ingevuld met het antwoord en de trede.", noem="de reden")
    reden_afgevallen: str | None = uit_yaml(Tekst(), "Waarom een instrument afvalt (nodig bij een eis).")
    locatie: Locatie | None = field(default=None, compare=False)
    kenmerk_locatie: Locatie | None = field(default=None, compare=False)
    waarden_locatie: Locatie | None = field(default=None, compare=False)


@yaml_vorm("Bij gelijke punten: welk kenmerk bepaalt wie voorgaat.")
@dataclass(frozen=True, kw_only=True)
class Voorrangsregel:
    """`gelijke_punten:` — how instruments with equal points are told apart. When `wanneer`
    holds, an instrument whose kenmerk has a value earlier in `volgorde` goes first, and
    shows `reden` as the reason it went first. Rules are applied in the order of the tree."""

    id: str
    wanneer: Conditie = uit_yaml(Ref("conditie"), "Wanneer deze regel geldt (weglaten: altijd).")
    kenmerk: str = uit_yaml(Id(), "Het kenmerk van de instrumenten (uit de catalogus) dat gelijke instrumenten "
                            "onderscheidt.", verplicht=True, noem="het kenmerk")
    volgorde: tuple[str, ...] = uit_yaml(Ids(), "De waarden van het kenmerk, de beste eerst. Een instrument zonder "
                                         "een van deze waarden komt achteraan.", verplicht=True, noem="de volgorde")
    reden: str = uit_yaml(Tekst(), "Waarom het instrument voorgaat, zoals de gebruiker het leest "
                          "('minder kosten').", verplicht=True, noem="de reden")
    locatie: Locatie | None = field(default=None, compare=False)
    volgorde_locatie: Locatie | None = field(default=None, compare=False)

    def positie(self, instrument: Instrument) -> int:
        """Where the instrument's best value stands in `volgorde`; behind all when it has none."""
        waarden = instrument.kenmerk(self.kenmerk)
        return min((self.volgorde.index(w) for w in waarden if w in self.volgorde), default=len(self.volgorde))


@yaml_vorm("Een aandachtspunt bij het advies.")
@dataclass(frozen=True, kw_only=True)
class LetOp:
    id: str
    titel: str = uit_yaml(Tekst(), "Korte titel van het aandachtspunt.", verplicht=True, noem="de titel")
    tekst: str = uit_yaml(Tekst(), "Het aandachtspunt zelf.", verplicht=True, noem="de tekst")
    bron: str = uit_yaml(Tekst(), "Waar dit aandachtspunt vandaan komt.", verplicht=True, noem="de bron")
    wanneer: Conditie = uit_yaml(Ref("conditie"), "Wanneer het aandachtspunt getoond wordt ({} = altijd).",
                                 verplicht=True)
    locatie: Locatie | None = field(default=None, compare=False)


@yaml_vorm("Een belofte aan deelnemers die in een bepaalde situatie de belofte van de trede vervangt.")
@dataclass(frozen=True, kw_only=True)
class Belofte:
    """`beloftes:` — when `wanneer` holds on a participation rung, the advice promises `tekst`
    instead of the rung's generic promise (a citizens' initiative: the initiators lead, the
    government supports). The first promise that fits counts."""

    id: str
    wanneer: Conditie = uit_yaml(Ref("conditie"), "Wanneer deze belofte geldt (dezelfde voorwaarden als bij de "
                                 "regels; 'niveau' mag).", verplicht=True)
    tekst: str = uit_yaml(Tekst(), "Wat de overheid deelnemers dan belooft, in plaats van de belofte van de trede.",
                          verplicht=True, noem="de tekst")
    bron: str = uit_yaml(Tekst(), "Waar de belofte vandaan komt: publicatie, auteur of organisatie, jaar.",
                         verplicht=True, noem="de bron")
    locatie: Locatie | None = field(default=None, compare=False)


@yaml_vorm("Een stap van een route: een instrument of instrumenten om uit te kiezen, of een activiteit zonder "
           "instrument (zoals de terugkoppeling), met het doel van de stap.", precies_een=("instrumenten", "naam"))
@dataclass(frozen=True, kw_only=True)
class Routestap:
    """One step of a route: instruments of the catalogue (one, or a choice), or an activity that
    is no instrument (`naam`, e.g. feedback and evaluation). A step with `trede` is judged at that
    rung instead of the advice's: a preparatory step (a survey before a citizens' assembly)
    serves its own function, not the rung of the whole route."""

    instrumenten: tuple[str, ...] = uit_yaml(Ids(), "Het instrument van deze stap (id uit de catalogus), of een "
                                             "lijst van instrumenten waaruit u kiest. Niet samen met 'naam'.",
                                             noem="de instrumenten")
    naam: str | None = uit_yaml(Tekst(), "Een stap zonder instrument uit de catalogus, zoals 'Terugkoppeling "
                                "en evaluatie'. Niet samen met 'instrumenten'.", noem="de naam")
    trede: str | None = uit_yaml(Id(), "De trede waarop de instrumenten van deze stap worden beoordeeld, als die "
                                 "lager is dan de trede van het advies (een voorbereidende stap, zoals eerst "
                                 "raadplegen). Weglaten: de trede van het advies.", noem="de trede")
    alsof: Mapping[str, str] = uit_yaml(
        Map(Id(), "Vraag-id met de optie-id waarmee deze stap wordt beoordeeld."),
        "Antwoorden die voor deze stap anders gelden dan voor de route als geheel: de verdiepende stap "
        "spreekt wie het meest geraakt wordt ({doelgroep: specifiek}), de dialoog na de acute fase "
        "heeft geen acute druk meer ({tijdsdruk: nee}). Weglaten: de antwoorden van de gebruiker.",
        noem="alsof")
    waarom: str = uit_yaml(Tekst(), "Waarvoor deze stap dient, zoals de gebruiker het leest ('eerst breed: "
                           "hoeveel mensen vinden wat').", verplicht=True, noem="het waarom")
    locatie: Locatie | None = field(default=None, compare=False)
    instrumenten_locatie: Locatie | None = field(default=None, compare=False)
    trede_locatie: Locatie | None = field(default=None, compare=False)
    alsof_locaties: Mapping[str, Locatie] = field(default_factory=dict, compare=False)  # per question id


ROUTESTAPPEN = (2, 4)
"""How many steps a route has: at least, at most."""


@yaml_vorm("Een route: de volgorde van instrumenten die de praktijk plant, als de antwoorden erbij passen.")
@dataclass(frozen=True, kw_only=True)
class Route:
    """`routes:` — when `wanneer` holds and every step keeps an instrument that did not fall off,
    the advice names this sequence of steps above the ranking. The first route that fits counts."""

    id: str
    wanneer: Conditie = uit_yaml(Ref("conditie"), "Wanneer deze route past (dezelfde voorwaarden als bij de "
                                 "regels; 'niveau' mag).", verplicht=True)
    stappen: tuple[Routestap, ...] = uit_yaml(
        Lijst(vorm_van(Routestap), "De stappen van de route, in volgorde.", minimaal=ROUTESTAPPEN[0],
              maximaal=ROUTESTAPPEN[1]),
        "De stappen van de route, in volgorde (twee tot vier).", verplicht=True, noem="de stappen")
    reden: str = uit_yaml(Tekst(), "Waarom deze route past, zoals de gebruiker het leest.", verplicht=True,
                          noem="de reden")
    bron: str = uit_yaml(Tekst(), "Waar de route vandaan komt: publicatie, auteur of organisatie, jaar.",
                         verplicht=True, noem="de bron")
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
    catalogus_locatie: Locatie | None = field(default=None, compare=False)  # where `catalogus:` stands
    standaard_locatie: Locatie | None = field(default=None, compare=False)
    voorrang: tuple[Voorrangsregel, ...] = ()  # `gelijke_punten:`, in order
    wat_als: tuple[str, ...] | None = None  # questions whose answer can be negotiated; None: all
    sha256: str = field(default="", compare=False)  # of the exact bytes this model was read from
    bases: tuple[tuple[str, str], ...] = ()  # (path, sha256) of each file this one builds on (`basis:`)
    routes: tuple[Route, ...] = ()  # `routes:`, in order: the first that fits counts
    beloftes: tuple[Belofte, ...] = ()  # `beloftes:`, in order: the first that fits replaces the rung's promise

    def __post_init__(self) -> None:
        object.__setattr__(self, "vragen", _bevroren(self.vragen))

    def vraag(self, vraag_id: str) -> Vraag:
        return self.vragen[vraag_id]


# --- the catalogue -----------------------------------------------------------------------


@yaml_vorm("Een trede van de participatieladder.")
@dataclass(frozen=True, kw_only=True)
class Trede:
    """A rung of the participatieladder."""

    id: str
    naam: str = uit_yaml(Tekst(), "Naam van de trede.", verplicht=True, noem="de naam")
    omschrijving: str = uit_yaml(Tekst(), "Wat deze trede inhoudt.", verplicht=True, noem="de omschrijving")
    belofte: str = uit_yaml(Tekst(), "Wat de overheid deelnemers op deze trede belooft.", verplicht=True,
                            noem="de belofte")
    participatie: bool = uit_yaml(JaNee(), "Telt deze trede als participatie? (informeren niet)", verplicht=True)
    locatie: Locatie | None = field(default=None, compare=False)


@yaml_vorm("Een kenmerk waarmee instrumenten worden beschreven.")
@dataclass(frozen=True, kw_only=True)
class Kenmerk:
    """A property instruments are described by (kosten, doorlooptijd, doelgroepen, ...),
    with its allowed values and their labels."""

    id: str
    naam: str = uit_yaml(Tekst(), "Naam van het kenmerk in tabellen.", verplicht=True, noem="de naam")
    waarden: Mapping[str, str] = uit_yaml(Map(Tekst(), "De toegestane waarden: waarde-id met label."),
                                          "De toegestane waarden: waarde-id met label.", verplicht=True,
                                          noem="de waarden")  # value id -> label
    locatie: Locatie | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "waarden", _bevroren(self.waarden))

    def label(self, waarde: str) -> str:
        return self.waarden.get(waarde, waarde)


@yaml_vorm("Een 'wanneer niet' die bb controleert.")
@dataclass(frozen=True, kw_only=True)
class Uitsluiting:
    """A `wanneer_niet` the engine can check: when `wanneer` holds for the situation (the
    kenmerk values the tree's active rules look for, and the rung), the instrument falls off
    with `tekst` as its reason. Kenmerken the situation says nothing about never match."""

    tekst: str = uit_yaml(Tekst(), "Wanneer het instrument niet past, in woorden; ook de reden waarom het afvalt.",
                          verplicht=True, noem="de tekst")
    wanneer: Conditie = uit_yaml(Ref("kenmerkconditie"), "De situatie waarin het instrument afvalt: kenmerken met "
                                 "de waarden die de beslisboom zoekt, en eventueel 'niveau'.", verplicht=True)
    locatie: Locatie | None = field(default=None, compare=False)


@yaml_vorm("Een instrument om burgers te betrekken.")
@dataclass(frozen=True, kw_only=True)
class Instrument:
    id: str
    naam: str = uit_yaml(Tekst(), "Naam van het instrument.", verplicht=True, noem="de naam")
    samenvatting: str = uit_yaml(Tekst(), "Eén of twee zinnen over het instrument.", verplicht=True,
                                 noem="de samenvatting")
    niveaus: tuple[str, ...] = uit_yaml(Ids(), "De treden van de ladder waarvoor het instrument geschikt is.",
                                        verplicht=True, noem="de niveaus")
    kenmerken: Mapping[str, tuple[str, ...]] = uit_yaml(
        Object((), "De waarden van dit instrument per kenmerk.", overige=Ids(),
               overige_beschrijving="Een kenmerk-id met de waarde(n) van dit instrument.", overige_soort="kenmerk"),
        "De waarden van dit instrument per kenmerk.", verplicht=True, noem="de kenmerken")
    wanneer_wel: tuple[str, ...] = uit_yaml(Teksten(), "Wanneer het instrument past.", default=())
    wanneer_niet: tuple[str, ...] = uit_yaml(
        TekstenOf(vorm_van(Uitsluiting)), "Wanneer het instrument niet past: tekst, of tekst met 'wanneer' (dan "
        "valt het instrument in die situatie af, met deze tekst als reden).", default=())
    sterke_punten: tuple[str, ...] = uit_yaml(Teksten(), "Sterke punten.", noem="de sterke punten", default=())
    beperkingen: tuple[str, ...] = uit_yaml(Teksten(), "Beperkingen.", noem="de beperkingen", default=())
    kosten: str | None = uit_yaml(Tekst(), "Indicatie van de kosten.", noem="de kosten", default=None)
    doorlooptijd: str | None = uit_yaml(Tekst(), "Indicatie van de doorlooptijd.", noem="de doorlooptijd",
                                        default=None)
    deelnemers: str | None = uit_yaml(Tekst(), "Hoeveel en welke deelnemers.", default=None)
    voorbeeld: str | None = uit_yaml(Tekst(), "Een voorbeeld uit de praktijk.", noem="het voorbeeld", default=None)
    bron: str | None = uit_yaml(Tekst(), "Waar de informatie vandaan komt.", noem="de bron", default=None)
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
    bases: tuple[tuple[str, str], ...] = ()  # (path, sha256) of each file this one builds on (`basis:`)

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


# --- the glossary ------------------------------------------------------------------------


@yaml_vorm("Een begrip met zijn uitleg.")
@dataclass(frozen=True, kw_only=True)
class Begrip:
    id: str
    term: str = uit_yaml(Tekst(), "Het begrip zoals het geschreven wordt.", verplicht=True, noem="de term")
    uitleg: str = uit_yaml(Tekst(), "Wat het begrip betekent, in één tot vier zinnen.", verplicht=True,
                           noem="de uitleg")
    ook: tuple[str, ...] = uit_yaml(Teksten(), "Andere schrijfwijzen en synoniemen waarop het begrip ook "
                                    "gevonden wordt.", default=())
    zie_ook: tuple[str, ...] = uit_yaml(Ids(), "Id's van verwante begrippen in dit bestand.", default=())
    bron: str | None = uit_yaml(Tekst(), "Waar de uitleg op steunt.", noem="de bron", default=None)
    locatie: Locatie | None = field(default=None, compare=False)
