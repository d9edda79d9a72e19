"""`bb advies` on the command line: its options, parsed and checked into `AdviesOpties`; the use
case itself (answers, engine, screen, record, autosave) is `advieszitting`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from burgers_betrekken.opdrachtregel.basis import BOOM_HELP, CATALOGUS_HELP, kies_formaat
from burgers_betrekken.kern.fouten import InvoerFout

UITVOERFORMATEN = ("tekst", "json", "md", "html")
EXTENSIES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def advies(
    antwoorden: Optional[Path] = typer.Option(
        None, "--antwoorden", "-a", metavar="BESTAND",
        help="Antwoorden uit een YAML- of JSON-bestand (vraag-id: optie-id) in plaats van vragen."),
    eenvoudig: bool = typer.Option(
        False, "--eenvoudig", "-e",
        help="Genummerde vragen als gewone tekst, zonder kleur of cursorbewegingen: voor schermlezers "
             "en voor invoer via een pijp (yes 1 | bb advies --eenvoudig)."),
    formaat: Optional[str] = typer.Option(
        None, "--formaat", "-f", metavar="FORMAAT",
        help="tekst, json, md of html (standaard: tekst op het scherm; bij --uitvoer volgens de extensie)."),
    uitvoer: Optional[Path] = typer.Option(
        None, "--uitvoer", "-o", metavar="BESTAND",
        help="Schrijf het verslag voor het dossier naar dit bestand (.md, .html of .json)."),
    overschrijf: bool = typer.Option(False, "--overschrijf", help="Vervang een bestaand uitvoerbestand."),
    motivering: Optional[str] = typer.Option(
        None, "--motivering", "-m", metavar="TEKST",
        help="Pas toe of leg uit: waarom geen (of minder) participatie. Komt in het verslag."),
    bewaar: Optional[Path] = typer.Option(
        None, "--bewaar", metavar="BESTAND",
        help="Bewaar de antwoorden, zodat --antwoorden BESTAND later hetzelfde advies geeft."),
    hervat: bool = typer.Option(False, "--hervat", help="Ga verder met een onafgemaakte sessie."),
    kort: bool = typer.Option(False, "--kort",
                              help="Alleen de beslissing op het scherm: trede, beste instrumenten, het "
                                   "belangrijkste aandachtspunt en wat als. Het verslag blijft volledig."),
    vergeet: bool = typer.Option(False, "--vergeet",
                                 help="Verwijder de bewaarde onafgemaakte sessies van deze boom en stop."),
    boom: Optional[str] = typer.Option(None, "--boom", metavar="BOOM", help=BOOM_HELP),
    catalogus: Optional[Path] = typer.Option(None, "--catalogus", metavar="BESTAND", help=CATALOGUS_HELP),
) -> None:
    """Beantwoord de beslisboom en krijg een onderbouwd advies: trede, instrumenten en aandachtspunten."""
    from burgers_betrekken.toepassing.advieszitting import AdviesOpties, voer_uit

    scherm_formaat, bestand_formaat = _formaten(formaat, uitvoer)
    voer_uit(AdviesOpties(antwoorden, eenvoudig, scherm_formaat, bestand_formaat, uitvoer, overschrijf, motivering,
                          bewaar, hervat, vergeet, kort, boom, catalogus))


def _formaten(formaat: Optional[str], uitvoer: Optional[Path]) -> tuple[str, str]:
    """(format on the screen, format of the --uitvoer file)."""
    if formaat is not None:
        formaat = kies_formaat(formaat, UITVOERFORMATEN)
    if uitvoer is None:
        return formaat or "tekst", "tekst"
    if formaat is not None:
        if formaat == "tekst":
            raise InvoerFout("een verslag in een bestand is md, html of json; kies een van die met --formaat")
        return "tekst", formaat
    uit_extensie = EXTENSIES.get(uitvoer.suffix.lower())
    if uit_extensie is None:
        raise InvoerFout(f"welk formaat moet '{uitvoer}' krijgen? Gebruik de extensie .md, .html of .json, "
                         f"of kies met --formaat md|html|json")
    return "tekst", uit_extensie


