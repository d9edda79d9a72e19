"""Browsing the catalogue (`bb instrumenten`): find one instrument the way people type its name,
or select those for a rung and a target group. Pure: a catalogue in, instruments out, and a
Dutch message with a suggestion for what does not exist."""

from __future__ import annotations

from burgers_betrekken.kern.fouten import InvoerFout
from burgers_betrekken.kern.model import Catalogus, Instrument
from burgers_betrekken.kern.woorden import onbekend, sleutel

DOELGROEPEN = "doelgroepen"


def vind_instrument(catalogus: Catalogus, term: str) -> Instrument:
    """By id, or forgiving as bb begrippen is: 'Focusgroep', 'enquête', 'Co-creatiesessie'."""
    gevonden = catalogus.instrument(term) or next(
        (i for i in catalogus.instrumenten if sleutel(term) in (sleutel(i.id), sleutel(i.naam))), None)
    if gevonden is None:
        raise InvoerFout(onbekend("onbekend instrument", term, (i.id for i in catalogus.instrumenten), "instrumenten"))
    return gevonden


def selecteer(catalogus: Catalogus, niveau: str | None = None, doelgroep: str | None = None) -> tuple[Instrument, ...]:
    """The instruments for a rung and a target group (each filter optional)."""
    selectie = catalogus.instrumenten
    if niveau is not None:
        treden = [t.id for t in catalogus.ladder]
        if niveau not in treden:
            raise InvoerFout(onbekend("onbekende trede", niveau, treden, "treden"))
        selectie = tuple(i for i in selectie if niveau in i.niveaus)
    if doelgroep is not None:
        kenmerk = catalogus.kenmerken.get(DOELGROEPEN)
        groepen = list(kenmerk.waarden) if kenmerk else []
        if doelgroep not in groepen:
            raise InvoerFout(onbekend("onbekende doelgroep", doelgroep, groepen, "doelgroepen"))
        selectie = tuple(i for i in selectie if doelgroep in i.kenmerk(DOELGROEPEN))
    return selectie
