"""Typed, located access to YAML nodes for the loaders; collects every problem it finds.

The loaders read a whole file and report all problems at once, so these helpers never
raise: they record a `Probleem` and return None, and the loader decides at the end.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import Iterable

from burgers_betrekken.errors import BbFout, Locatie, Probleem
from burgers_betrekken.yamlsource import Knoop

ID_PATROON = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def suggestie(woord: str, mogelijk: Iterable[str]) -> str:
    """'; bedoelde u 'x'?' for the nearest candidate, or ''."""
    beste = get_close_matches(woord, list(mogelijk), n=1, cutoff=0.6)
    return f"; bedoelde u '{beste[0]}'?" if beste else ""


def opsomming(waarden: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in waarden)


def onbekend(wat: str, waarde: str, mogelijk: Iterable[str], lijstnaam: str) -> str:
    """"onbekende trede 'x'; bedoelde u 'y'? (treden: 'a', 'b')" — the shape of every unknown-id message."""
    mogelijk = list(mogelijk)
    return f"{wat} '{waarde}'{suggestie(waarde, mogelijk)} ({lijstnaam}: {opsomming(mogelijk)})"


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

    def mapping(self, knoop: Knoop | None, wat: str, verplicht: Iterable[str] = (),
                optioneel: Iterable[str] = ()) -> dict[str, Knoop] | None:
        """A mapping with exactly these keys allowed; reports unknown and missing keys."""
        if knoop is None:
            return None
        if not knoop.is_map:
            self.fout(f"{wat} moet een mapping (sleutel: waarde) zijn, maar is {knoop.omschrijving()}",
                      knoop.locatie)
            return None
        verplicht = list(verplicht)
        toegestaan = verplicht + list(optioneel)
        velden: dict[str, Knoop] = knoop.waarde  # type: ignore[assignment]
        for sleutel in velden:
            if sleutel not in toegestaan:
                self.fout(f"onbekende sleutel '{sleutel}' in {wat}{suggestie(sleutel, toegestaan)} "
                          f"(toegestaan: {opsomming(toegestaan)})", knoop.sleutel_locaties[sleutel])
        for sleutel in verplicht:
            if sleutel not in velden:
                self.fout(f"{wat} mist de verplichte sleutel '{sleutel}'", knoop.locatie)
        return velden

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

    def tekst(self, knoop: Knoop | None, wat: str, leeg_mag: bool = False) -> str | None:
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
        return tekst

    def id_controle(self, waarde: str, wat: str, locatie: Locatie | None) -> bool:
        if not ID_PATROON.match(waarde):
            self.fout(f"'{waarde}' is geen geldige id voor {wat}: gebruik kleine letters, cijfers en '_' "
                      f"(bijvoorbeeld 'moeilijk_bereikbaar')", locatie)
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
            uit = [self.tekst(k, wat) for k in knoop.waarde]  # type: ignore[union-attr]
            return None if any(u is None for u in uit) else tuple(u for u in uit if u is not None)
        enkel = self.tekst(knoop, wat)
        return (enkel,) if enkel is not None else None

    def geheel_getal(self, knoop: Knoop | None, wat: str) -> int | None:
        if knoop is None:
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
