"""Typed, located access to YAML nodes for the loaders; collects every problem it finds.

The loaders read a whole file and report all problems at once, so these helpers never
raise: they record a `Probleem` and return None, and the loader decides at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from difflib import get_close_matches
from typing import Any, Callable, Collection, Iterable, TypeVar

from burgers_betrekken.kern.fouten import BbFout, Locatie, Probleem
from burgers_betrekken.kern.model import Conditie
from burgers_betrekken.kern.woorden import fragment, getal, onbekend, opsomming, suggestie
from burgers_betrekken.kern.vormtaal import (
    ID_PATROON as _ID,
    GeheelGetal,
    Id,
    Ids,
    JaNee,
    Keuze,
    Lijst,
    Map,
    Object,
    SAMENGESTELD,
    Tekst,
    Teksten,
    TekstenOf,
    Vorm,
)
from burgers_betrekken.lezen.knopen import Knoop, leest_als

ID_PATROON = re.compile(_ID)
T = TypeVar("T")
MAX_TEKST = 10_000
"""The longest text of a tree, catalogue, scenario or glossary field, in characters (the shipped
ones stay under 500). Every path's record repeats the texts along it, so a question of megabytes
made `bb boom website` take minutes; a text this long is an error with its place."""


def _kort(getal: int) -> str:
    """A number as the user reads it in a message; one of thousands of digits is summarised."""
    tekst = str(getal)  # ints come from the YAML reader, which stops at Python's 4300 digits
    return tekst if len(tekst) <= 20 else f"een getal van {len(tekst.lstrip('-'))} cijfers"


@dataclass
class Gelezen:
    """The fields of one mapping read by `Meldingen.object`: leaf values converted (None when
    the value was wrong, reported already), composite values as nodes."""

    vorm: Object
    knopen: dict[str, Knoop]
    waarden: dict[str, Any]
    ok: bool = True

    def __contains__(self, naam: str) -> bool:
        return naam in self.knopen

    def __getitem__(self, naam: str) -> Any:
        if naam in self.waarden:
            return self.waarden[naam]
        veld = self.vorm.veld(naam)
        return veld.standaard if veld is not None else None

    get = __getitem__

    def knoop(self, naam: str) -> Knoop | None:
        return self.knopen.get(naam)

    def locatie(self, naam: str) -> Locatie | None:
        k = self.knopen.get(naam)
        return k.locatie if k is not None else None

    def items(self) -> Iterable[tuple[str, Any]]:
        return self.waarden.items()

    @property
    def volledig(self) -> bool:
        """Every key was known, every required key is there, and every value could be read (a
        value that could not is None here, and reported already)."""
        return (self.ok and all(self[naam] is not None for naam in self.vorm.verplicht)
                and all(waarde is not None for waarde in self.waarden.values()))

    def bouw(self, cls: type[T], **gegeven: Any) -> T:
        """The model object `cls` from what was read: every field the shape declares takes its
        value by name (a list of ids or texts as a tuple, absent as its default), a field
        `<naam>_locatie` takes the place of `<naam>`, and `gegeven` supplies the rest (the id, the
        location, and each composite value the reader has built). A composite field not given
        is a mistake in bb, not in the file: it raises TypeError."""
        args: dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            naam = f.name
            if naam in gegeven:
                args[naam] = gegeven.pop(naam)
            elif (veld := self.vorm.veld(naam)) is not None:
                if isinstance(veld.vorm, SAMENGESTELD + (TekstenOf,)):
                    raise TypeError(f"{cls.__name__}.{naam}: the reader must build this value")
                waarde = self[naam]
                args[naam] = tuple(waarde or ()) if isinstance(veld.vorm, (Ids, Teksten)) else waarde
            elif naam.endswith("_locatie") and self.vorm.veld(naam[:-len("_locatie")]) is not None:
                args[naam] = self.locatie(naam[:-len("_locatie")])
        if gegeven:
            raise TypeError(f"{cls.__name__} has no field {', '.join(gegeven)}")
        return cls(**args)


class Meldingen:
    """Collects problems while a file is read."""

    def __init__(self) -> None:
        self.problemen: list[Probleem] = []

    def fout(self, bericht: str, locatie: Locatie | None) -> None:
        self.problemen.append(Probleem(bericht, locatie))

    def waarschuwing(self, bericht: str, locatie: Locatie | None) -> None:
        self.problemen.append(Probleem(bericht, locatie, "waarschuwing"))

    @property
    def fouten(self) -> list[Probleem]:
        return [p for p in self.problemen if p.ernst == "fout"]

    def stop_bij_fouten(self, soort: type[BbFout]) -> None:
        if self.fouten:
            raise soort(problemen=self.fouten)

    # --- typed readers -------------------------------------------------------------

    def object(self, knoop: Knoop | None, vorm: Object, wat: str,
               overige: Collection[str] = ()) -> Gelezen | None:
        """Read a mapping of the shape `vorm`: reports unknown and missing keys and reads each
        leaf value with its declared type. `overige`: the extra keys this mapping allows (only
        when the shape has `overige`), for example the question ids in a condition."""
        if knoop is None:
            return None
        if not knoop.is_map:
            self.fout(f"{wat} moet een mapping (sleutel: waarde) zijn, maar is {knoop.omschrijving()}",
                      knoop.locatie)
            return None
        extra = overige if vorm.overige is not None else ()
        velden: dict[str, Knoop] = knoop.waarde  # type: ignore[assignment]
        gelezen = Gelezen(vorm, velden, {})
        voorgesteld: set[str] = set()  # a misspelt key is one problem, not also a missing one
        for sleutel, waarde in velden.items():
            veld = vorm.veld(sleutel)
            if veld is not None:
                gelezen.waarden[sleutel] = self.lees(waarde, veld.vorm, f"{veld.genoemd} van {wat}")
            elif sleutel in extra:
                gelezen.waarden[sleutel] = self.lees(waarde, vorm.overige, f"de waarde van '{sleutel}' in {wat}")
            else:
                gelezen.ok = False
                toegestaan = [*extra, *vorm.namen]
                voorgesteld.update(get_close_matches(sleutel, vorm.namen, n=1, cutoff=0.6))
                if vorm.overige_soort:
                    self.fout(f"{wat} noemt {onbekend(f'onbekende {vorm.overige_soort}', sleutel, toegestaan, 'mogelijk')}",
                              knoop.sleutel_locaties[sleutel])
                elif (onder := _hoort_onder(vorm, sleutel)) is not None:
                    self.fout(f"'{sleutel}' hoort niet bovenaan in {wat} maar onder '{onder}:', ingesprongen",
                              knoop.sleutel_locaties[sleutel])
                else:
                    self.fout(f"onbekende sleutel '{fragment(sleutel)}' in {wat}{suggestie(sleutel, toegestaan)} "
                              f"(toegestaan: {opsomming(toegestaan)})", knoop.sleutel_locaties[sleutel])
        for sleutel in vorm.verplicht:
            if sleutel not in velden and sleutel not in voorgesteld:
                gelezen.ok = False
                self.fout(f"{wat} mist de verplichte sleutel '{sleutel}'", knoop.locatie)
        return gelezen

    def conditie(self, knoop: Knoop | None, vorm: Object, wat: str, overige: Collection[str],
                 controleer: Callable[[str, tuple[str, ...], Locatie | None], bool]) -> Conditie | None:
        """Read a condition (`niet`, `een_van`, and keys from `overige` with their values), for a
        tree (question ids and options) or a catalogue (kenmerken and values) alike. `controleer`
        checks one key's values where they stand and reports what is wrong."""
        if knoop is None:
            return None
        velden = self.object(knoop, vorm, f"'wanneer' van {wat}", overige=overige)
        if velden is None:
            return None
        vereist: list[tuple[str, frozenset[str]]] = []
        niet = None
        een_van: list[Conditie] = []
        ok = velden.ok
        for sleutel, waarde in velden.items():
            if sleutel == "niet":
                niet = self.conditie(waarde, vorm, wat, overige, controleer)
                ok &= niet is not None
            elif sleutel == "een_van":
                for c in waarde or []:
                    sub = self.conditie(c, vorm, wat, overige, controleer)
                    ok &= sub is not None
                    if sub is not None:
                        een_van.append(sub)
                ok &= waarde is not None
            elif waarde is None:
                ok = False
            elif controleer(sleutel, waarde, velden.locatie(sleutel)):
                vereist.append((sleutel, frozenset(waarde)))
            else:
                ok = False
        return Conditie(tuple(vereist), niet, tuple(een_van), knoop.locatie) if ok else None

    def mapping_waarde(self, knoop: Knoop | None, sleutel: str, wat: str) -> str | None:
        """The text under `sleutel` in a mapping (for formats read leniently, like a JSON record)."""
        if knoop is None or not knoop.is_map or sleutel not in knoop.waarde:  # type: ignore[operator]
            self.fout(f"{wat} mist '{sleutel}'", knoop.locatie if knoop else None)
            return None
        return self.tekst(knoop.waarde[sleutel], f"'{sleutel}' in {wat}")  # type: ignore[index]

    def lees(self, knoop: Knoop, vorm: Vorm | None, wat: str) -> Any:
        """A value of the declared shape: leaves converted to Python values, composites
        returned as nodes (a Map as dict of nodes, a Lijst as list of nodes) for the loader."""
        if isinstance(vorm, Tekst):
            return self.tekst(knoop, wat, hoogstens=MAX_TEKST)
        if isinstance(vorm, Id):
            return self.id(knoop, wat)
        if isinstance(vorm, Ids):
            return self.ids(knoop, wat)
        if isinstance(vorm, Teksten):
            return self.teksten(knoop, wat)
        if isinstance(vorm, TekstenOf):
            return self.teksten_of(knoop, wat)
        if isinstance(vorm, GeheelGetal):
            getal = self.geheel_getal(knoop, wat)
            if getal is not None and vorm.minimum is not None and getal < vorm.minimum:
                self.fout(f"{wat} moet minstens {vorm.minimum} zijn, maar is {_kort(getal)}", knoop.locatie)
                return None
            if getal is not None and vorm.maximum is not None and getal > vorm.maximum:
                self.fout(f"{wat} mag hoogstens {vorm.maximum} zijn, maar is {_kort(getal)}", knoop.locatie)
                return None
            return getal
        if isinstance(vorm, JaNee):
            return self.ja_nee(knoop, wat)
        if isinstance(vorm, Keuze):
            woord = self.tekst(knoop, wat)
            if woord is not None and woord not in vorm.waarden:
                self.fout(f"{wat} moet {' of '.join(repr(w) for w in vorm.waarden)} zijn, niet '{fragment(woord)}'"
                          f"{suggestie(woord, vorm.waarden)}", knoop.locatie)
                return None
            return woord
        if isinstance(vorm, Map):
            velden = self.vrije_mapping(knoop, wat)
            if velden is not None and len(velden) < vorm.minimaal:
                self.fout(vorm.te_weinig.format(wat=wat, minimaal=vorm.minimaal), knoop.locatie)
            return velden
        if isinstance(vorm, Lijst):
            items = self.lijst(knoop, wat)
            if items is not None and not vorm.minimaal <= len(items) <= (vorm.maximaal or len(items)):
                grens = (f"{vorm.minimaal} tot {vorm.maximaal}" if vorm.maximaal is not None
                         else f"minstens {vorm.minimaal}")
                self.fout(f"{wat}: {grens} nodig, maar er {'is' if len(items) == 1 else 'zijn'} {len(items)}",
                          knoop.locatie)
                return None
            return items
        return knoop  # Object or Ref: the loader reads it with its own context

    def vrije_mapping(self, knoop: Knoop | None, wat: str) -> dict[str, Knoop] | None:
        """A mapping whose keys are ids chosen by the author."""
        if knoop is None:
            return None
        if not knoop.is_map:
            self.fout(f"{wat} moet een mapping (id: ...) zijn, maar is {knoop.omschrijving()}", knoop.locatie)
            return None
        for sleutel, loc in knoop.sleutel_locaties.items():
            self.id_controle(sleutel, wat, loc)
        return knoop.waarde  # type: ignore[return-value]

    def lijst(self, knoop: Knoop | None, wat: str) -> list[Knoop] | None:
        if knoop is None:
            return None
        if not knoop.is_lijst:
            self.fout(f"{wat} moet een lijst zijn (regels die met '- ' beginnen), maar is {knoop.omschrijving()}",
                      knoop.locatie)
            return None
        return knoop.waarde  # type: ignore[return-value]

    def tekst(self, knoop: Knoop | None, wat: str, leeg_mag: bool = False, hoogstens: int | None = None) -> str | None:
        """The text of `knoop`; with `hoogstens`, an error for a text of more characters."""
        if knoop is None:
            return None
        if knoop.soort != "tekst":
            hint = ""
            if knoop.soort in ("ja/nee", "getal", "kommagetal", "datum"):
                hint = "; zet de waarde tussen aanhalingstekens als het tekst moet zijn"
            self.fout(f"{wat} moet tekst zijn, maar is {knoop.omschrijving()}{hint}", knoop.locatie)
            return None
        tekst = str(knoop.waarde).strip()
        if not tekst and not leeg_mag:
            self.fout(f"{wat} mag niet leeg zijn", knoop.locatie)
            return None
        if hoogstens is not None and len(tekst) > hoogstens:
            self.fout(f"{wat} is {getal(len(tekst))} tekens lang; een tekst mag hoogstens {getal(hoogstens)} tekens "
                      f"hebben (elk pad herhaalt hem in het verslag en de webpagina)", knoop.locatie)
            return None
        return tekst

    def id_controle(self, waarde: str, wat: str, locatie: Locatie | None) -> bool:
        if not ID_PATROON.fullmatch(waarde):  # fullmatch: '$' would accept a trailing newline
            self.fout(f"'{fragment(waarde)}' is geen geldige id voor {wat}: gebruik kleine letters, cijfers en '_' "
                      f"(bijvoorbeeld 'moeilijk_bereikbaar')", locatie)
            return False
        soort = leest_als(waarde)
        if soort is not None:
            self.fout(f"'{fragment(waarde)}' is geen bruikbare id voor {wat}: YAML leest '{fragment(waarde)}' als {soort}, niet als "
                      f"tekst, en een antwoordenbestand kan er dan niet naar verwijzen; kies een woord "
                      f"(bijvoorbeeld 'nee_geen' of 'budget_1000')", locatie)
            return False
        return True

    def id(self, knoop: Knoop | None, wat: str) -> str | None:
        tekst = self.tekst(knoop, wat)
        if tekst is None or knoop is None:
            return None
        return tekst if self.id_controle(tekst, wat, knoop.locatie) else None

    def ids(self, knoop: Knoop | None, wat: str) -> tuple[str, ...] | None:
        """One id, or a list of ids."""
        if knoop is None:
            return None
        if knoop.is_lijst:
            uit = [self.id(k, wat) for k in knoop.waarde]  # type: ignore[union-attr]
            if any(u is None for u in uit):
                return None
            if not uit:
                self.fout(f"{wat} mag geen lege lijst zijn", knoop.locatie)
                return None
            return tuple(u for u in uit if u is not None)
        enkel = self.id(knoop, wat)
        return (enkel,) if enkel is not None else None

    def teksten(self, knoop: Knoop | None, wat: str) -> tuple[str, ...] | None:
        """One text, or a list of texts."""
        if knoop is None:
            return None
        if knoop.is_lijst:
            uit = [self.tekst(k, wat, hoogstens=MAX_TEKST) for k in knoop.waarde]  # type: ignore[union-attr]
            return None if any(u is None for u in uit) else tuple(u for u in uit if u is not None)
        enkel = self.tekst(knoop, wat, hoogstens=MAX_TEKST)
        return (enkel,) if enkel is not None else None

    def teksten_of(self, knoop: Knoop | None, wat: str) -> list[str | Knoop] | None:
        """One text, or a list of texts and mappings; mappings are returned as nodes for the loader."""
        if knoop is None:
            return None
        if not knoop.is_lijst:
            enkel = self.tekst(knoop, wat, hoogstens=MAX_TEKST)
            return [enkel] if enkel is not None else None
        uit: list[str | Knoop] = []
        goed = True
        for k in knoop.waarde:  # type: ignore[union-attr]
            if k.is_map:
                uit.append(k)
                continue
            tekst = self.tekst(k, wat, hoogstens=MAX_TEKST)
            goed &= tekst is not None
            if tekst is not None:
                uit.append(tekst)
        return uit if goed else None

    def geheel_getal(self, knoop: Knoop | None, wat: str) -> int | None:
        if knoop is None:
            return None
        if knoop.soort == "getal" and not isinstance(knoop.waarde, int) and str(knoop.waarde).lstrip("+-").isdigit():
            self.fout(f"{wat} is een getal van {len(str(knoop.waarde))} cijfers; dat is te groot", knoop.locatie)
            return None
        if knoop.soort != "getal" or not isinstance(knoop.waarde, int):
            self.fout(f"{wat} moet een geheel getal zijn, maar is {knoop.omschrijving()}", knoop.locatie)
            return None
        return knoop.waarde

    def ja_nee(self, knoop: Knoop | None, wat: str) -> bool | None:
        if knoop is None:
            return None
        if knoop.soort != "ja/nee":
            self.fout(f"{wat} moet true of false zijn, maar is {knoop.omschrijving()}", knoop.locatie)
            return None
        return bool(knoop.waarde)


def _hoort_onder(vorm: Object, sleutel: str) -> str | None:
    """The field of `vorm` whose own fields include `sleutel` (a key written one level too high)."""
    return next((v.naam for v in vorm.velden if isinstance(v.vorm, Object) and v.vorm.veld(sleutel) is not None),
                None)
