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
    uitvoer: Optional[str] = typer.Option(
        None, "--uitvoer", "-o", metavar="BESTAND",
        help="Schrijf het verslag voor het dossier naar dit bestand (.md, .html of .json)."),
    overschrijf: bool = typer.Option(False, "--overschrijf", help="Vervang een bestaand uitvoerbestand."),
    motivering: Optional[str] = typer.Option(
        None, "--motivering", "-m", metavar="TEKST",
        help="Pas toe of leg uit: waarom geen (of minder) participatie. Komt in het verslag."),
    bewaar: Optional[str] = typer.Option(
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
    from burgers_betrekken.lezen.bestanden import uitvoernaam
    from burgers_betrekken.toepassing.advieszitting import AdviesOpties, voer_uit

    _samen(antwoorden=antwoorden, eenvoudig=eenvoudig, formaat=formaat, uitvoer=uitvoer, overschrijf=overschrijf,
           motivering=motivering, bewaar=bewaar, hervat=hervat, kort=kort, vergeet=vergeet)
    uitvoer_pad, bewaar_pad = uitvoernaam(uitvoer, "--uitvoer"), uitvoernaam(bewaar, "--bewaar")
    scherm_formaat, bestand_formaat = _formaten(formaat, uitvoer_pad)
    voer_uit(AdviesOpties(antwoorden, eenvoudig, scherm_formaat, bestand_formaat, uitvoer_pad, overschrijf,
                          motivering, bewaar_pad, hervat, vergeet, kort, boom, catalogus))


_NAMEN = {"antwoorden": "--antwoorden", "eenvoudig": "--eenvoudig", "formaat": "--formaat", "uitvoer": "--uitvoer",
          "overschrijf": "--overschrijf", "motivering": "--motivering", "bewaar": "--bewaar", "hervat": "--hervat",
          "kort": "--kort", "vergeet": "--vergeet"}


def _samen(**gegeven: object) -> None:
    """Refuse options that cannot go together, rather than silently ignore one of them: --vergeet
    only forgets (it asks, shows and writes nothing), --hervat continues an interview that
    --antwoorden would skip, --overschrijf needs an output, and --kort shortens only the advice
    shown as text on the screen."""
    gezet = [naam for naam, waarde in gegeven.items() if waarde not in (None, False)]
    if "vergeet" in gezet and len(gezet) > 1:
        ander = next(n for n in gezet if n != "vergeet")
        raise InvoerFout(f"kies --vergeet of {_NAMEN[ander]}, niet allebei: --vergeet verwijdert alleen de "
                         f"onafgemaakte sessies van de boom en stopt")
    if "hervat" in gezet and "antwoorden" in gezet:
        raise InvoerFout("kies --hervat of --antwoorden, niet allebei: --hervat gaat verder met de vragen, "
                         "--antwoorden neemt de antwoorden uit een bestand")
    if "overschrijf" in gezet and "uitvoer" not in gezet and "bewaar" not in gezet:
        raise InvoerFout("--overschrijf hoort bij --uitvoer of --bewaar; zonder die opties wordt er geen bestand "
                         "vervangen")
    if "kort" in gezet and gegeven["formaat"] not in (None, "tekst") and "uitvoer" not in gezet:
        raise InvoerFout("--kort geldt voor het advies als tekst op het scherm, niet voor --formaat "
                         f"{gegeven['formaat']}; kies een van beide")


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


