"""The advice as a plain Markdown document: readable as plain text (the `--eenvoudig` interview
prints it, for screen readers and dumb terminals) and as a record for the dossier. Pure."""

from __future__ import annotations

from burgers_betrekken.engine import Advies, Afgevallen
from burgers_betrekken.gesprek import antwoord_tekst
from burgers_betrekken.model import WEET_NIET

PROMINENT = 3


def _regel(tekst: str | None) -> str:
    """YAML text on one Markdown line: line breaks become spaces, so a list item stays whole."""
    return " ".join((tekst or "").split())


def afgevallen_gegroepeerd(afgevallen: tuple[Afgevallen, ...]) -> list[tuple[list[str], list[str]]]:
    """Instruments that fell off for the same reasons, together: [(names, reasons)], in order."""
    groepen: dict[tuple[str, ...], list[str]] = {}
    for a in afgevallen:
        groepen.setdefault(tuple(r.tekst for r in a.redenen), []).append(a.instrument.naam)
    return [(namen, list(redenen)) for redenen, namen in groepen.items()]


def advies_als_markdown(advies: Advies) -> str:
    r: list[str] = [f"# Advies: {_regel(advies.boom.titel)}", ""]
    niveau = advies.niveau
    if advies.participatie:
        r.append(f"Dit is participatie op de trede **{niveau.naam}**.")
    else:
        r.append(f"**Dit is geen participatie**: het advies komt uit op de trede {niveau.naam.lower()}.")
    if advies.instrumenten:
        r.append(f"Best passend: **{advies.instrumenten[0].instrument.naam}**.")
    else:
        r.append("Geen instrument past bij uw antwoorden.")

    r += ["", "## Participatieladder", ""]
    for trede in reversed(advies.catalogus.ladder):
        merk = " ← uw trede" if trede == niveau else (
            " ← wat uw doel vraagt" if advies.bepaling.begrensd and trede == advies.bepaling.gewenst else "")
        r.append(f"- {trede.naam}{' (geen participatie)' if not trede.participatie else ''}{merk}")
    r += ["", f"Belofte aan deelnemers: {_regel(niveau.belofte)}"]
    for regel in (advies.bepaling.gewenst_regel, advies.bepaling.plafond_regel):
        if regel is not None and regel.uitleg:
            r.append(f"- {_regel(regel.uitleg)}")

    r += ["", "## Aanbevolen instrumenten", ""]
    if not advies.instrumenten:
        r.append("Geen enkel instrument past bij uw antwoorden; zie hieronder waarom.")
    for nr, a in enumerate(advies.instrumenten[:PROMINENT], start=1):
        r.append(f"{nr}. **{a.instrument.naam}** (`{a.instrument.id}`)")
        r += [f"   - {_regel(reden.tekst)}" for reden in a.redenen]
    if advies.instrumenten[PROMINENT:]:
        r += ["", "Ook mogelijk: " + ", ".join(a.instrument.naam for a in advies.instrumenten[PROMINENT:]) + "."]

    if advies.afgevallen:
        r += ["", "## Afgevallen instrumenten", ""]
        for namen, redenen in afgevallen_gegroepeerd(advies.afgevallen):
            r.append(f"- **{', '.join(namen)}**: " + "; ".join(_regel(x) for x in redenen))

    if advies.aannames:
        r += ["", "## Aannames", ""]
        for stap in advies.aannames:
            r.append(f"- U wist het antwoord op '{_regel(stap.vraag.tekst)}' niet. Aangenomen: "
                     f"**{stap.optie.label}**. {_regel(stap.aanname)}")

    if advies.let_op:
        r += ["", "## Let op", ""]
        for lo in advies.let_op:
            r += [f"### {_regel(lo.titel)}", "", _regel(lo.tekst), "", f"Bron: {_regel(lo.bron)}", ""]
        r.pop()

    r += ["", "## Uw antwoorden", ""]
    for n, stap in enumerate(advies.pad, start=1):
        antwoord = antwoord_tekst(stap.vraag, WEET_NIET if stap.aanname else stap.optie.id)
        r.append(f"{n}. {_regel(stap.vraag.tekst)} **{_regel(antwoord)}**")
    r += ["", f"Beslisboom: {advies.boom.id}, versie {advies.boom.versie}."]
    return "\n".join(r) + "\n"
