"""`bb boom ...`: the commands for people who adapt a beslisboom in YAML — check it, test it
with scenarios, list its paths, and show it as a tree, a graph or a paper document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from burgers_betrekken.opdrachtregel.basis import CATALOGUS_HELP, Groep, Opdracht, kies_formaat
from burgers_betrekken.opslag.laden import laad
from burgers_betrekken.kern.fouten import ExitCode, InvoerFout, ModelFout

if TYPE_CHECKING:
    from burgers_betrekken.kern.model import Boom

boom_app = typer.Typer(
    cls=Groep,
    help="Een beslisboom aanpassen: controleren, testen en bekijken.",
    epilog="Bijvoorbeeld: bb boom valideer boom.yaml · bb boom test boom.tests.yaml",
    no_args_is_help=True,
    add_completion=False,
)

BESTAND_HELP = "De beslisboom: een pad naar een YAML-bestand of de naam van een meegeleverde boom."


def _boom(bestand: Optional[str]) -> "Boom":
    from burgers_betrekken.lezen import bronnen
    from burgers_betrekken.lezen.boom import laad_boom

    return laad_boom(bronnen.boom_pad(bestand))


@boom_app.command(cls=Opdracht, short_help="Controleer bestanden; elke fout met bestand:regel:kolom.")
def valideer(
    bestanden: list[Path] = typer.Argument(..., metavar="BESTAND...",
                                           help="Beslisbomen, catalogi en scenariobestanden (YAML)."),
    catalogus: Optional[Path] = typer.Option(None, "--catalogus", metavar="BESTAND",
                                             help="Vergelijk de bomen met deze catalogus."),
    alle: bool = typer.Option(False, "--alle",
                              help="Toon elk probleem; zonder deze optie de eerste tien fouten en "
                                   "waarschuwingen per bestand en hoeveel er nog meer zijn."),
) -> None:
    """Controleer bestanden en meld alle problemen met bestand:regel:kolom.

    Exitcode 0: geen fouten (waarschuwingen mogen). 1: fouten gevonden. 2: een bestand is niet te lezen."""
    from burgers_betrekken.lezen import bronnen
    from burgers_betrekken.uitvoer import weergave
    from burgers_betrekken.uitvoer import boomweergave
    from burgers_betrekken.toepassing.validatie import valideer as controleer

    r = controleer(bestanden, catalogus, bronnen.standaard_catalogus())
    weergave.print_meldingen(weergave.console(), boomweergave.rapport(r, alle))
    if r.exit_code:
        raise typer.Exit(r.exit_code)


@boom_app.command(cls=Opdracht, short_help="Draai de scenariotests en toon wat niet getest is.")
def test(
    scenariobestand: str = typer.Argument(..., metavar="BESTAND",
                                          help="Het scenariobestand (x.tests.yaml), of de boom ernaast (x.yaml)."),
    catalogus: Optional[Path] = typer.Option(None, "--catalogus", metavar="BESTAND", help=CATALOGUS_HELP),
) -> None:
    """Voer de scenariotests van een boom uit en toon welke opties en paden niet getest zijn.

    Exitcode 0: alles geslaagd. 1: een scenario mislukt. 2: het bestand is niet te gebruiken."""
    from burgers_betrekken.lezen import bronnen
    from burgers_betrekken.uitvoer import weergave
    from burgers_betrekken.uitvoer import boomweergave
    from burgers_betrekken.lezen.scenarios import (
        ACHTERVOEGSEL,
        dekking,
        laad_scenarios,
        scenario_problemen,
        tests_bij,
        toets,
    )

    pad = bronnen.boom_pad(scenariobestand)
    if not pad.name.endswith(ACHTERVOEGSEL):
        pad = tests_bij(pad)
        if not pad.exists():
            raise InvoerFout(f"geen scenariobestand gevonden: {pad}; schrijf scenario's in een bestand "
                             f"met die naam (zie 'bb init' voor een voorbeeld)")
    reeks = laad_scenarios(pad)
    boom, cat = laad(reeks.bestaande_boom(), catalogus or reeks.catalogus)
    problemen = scenario_problemen(reeks, boom, cat)
    if problemen:
        raise ModelFout(problemen=problemen)
    uitslagen = [toets(s, boom, cat) for s in reeks.scenarios]
    scherm = weergave.console()
    scherm.print(boomweergave.scenario_uitslagen(str(pad), boom, uitslagen))
    scherm.print()
    scherm.print(boomweergave.dekking(boom, dekking(boom, [u.pad for u in uitslagen])))
    if any(not u.geslaagd for u in uitslagen):
        raise typer.Exit(ExitCode.VALIDATIE)


@boom_app.command(cls=Opdracht, short_help="Elk pad door de boom met zijn advies.")
def paden(
    bestand: Optional[str] = typer.Argument(None, metavar="[BESTAND]", help=BESTAND_HELP),
    formaat: str = typer.Option("tekst", "--formaat", "-f", metavar="tekst|json", help="Uitvoer als tekst of JSON."),
    catalogus: Optional[Path] = typer.Option(None, "--catalogus", metavar="BESTAND", help=CATALOGUS_HELP),
    hoogstens: int = typer.Option(10_000, "--hoogstens", metavar="N", min=1,
                                  help="Toon hoogstens zoveel paden (een grote boom heeft er miljoenen); "
                                       "hoogstens 20.000."),
    statistiek: bool = typer.Option(False, "--statistiek",
                                    help="Alleen de cijfers: paden zonder instrument, gelijke beste instrumenten, "
                                         "instrumenten tegen hun 'wanneer niet' of zonder participatie, "
                                         "en op hoeveel paden elk instrument het beste is."),
) -> None:
    """Toon elk pad door de boom met het advies waar het op uitkomt (of met --statistiek de cijfers)."""
    from itertools import islice

    from burgers_betrekken.kern import engine
    from burgers_betrekken.kern.paden import MAX_PADEN, aantal_paden, aantal_tekst, binnen_grens, grens_tekst
    from burgers_betrekken.kern.paden import paden as alle_paden

    formaat = kies_formaat(formaat)
    if hoogstens > MAX_PADEN:
        raise InvoerFout(f"--hoogstens {hoogstens} is te veel: {grens_tekst()}; kies hoogstens {MAX_PADEN}")
    boom, cat = laad(bestand, catalogus)
    # the figures are about every path: a tree with more than the limit is refused, not cut off
    totaal = binnen_grens(boom) if statistiek else aantal_paden(boom)
    adviezen = [engine.advies(boom, cat, dict(pad)) for pad in islice(alle_paden(boom), None if statistiek else hoogstens)]
    if statistiek:  # the figures count "wat als" lines too; neighbouring paths' advices are computed already
        from burgers_betrekken.kern.watals import met_wat_als, onthoudend

        bereken = onthoudend(adviezen)
        adviezen = [met_wat_als(a, bereken) for a in adviezen]
    if totaal > len(adviezen):
        import sys

        print(f"let op: de boom heeft {aantal_tekst(totaal)}; alleen de eerste {len(adviezen)} worden getoond "
              f"(kies er meer met --hoogstens)", file=sys.stderr)
    if statistiek:
        from dataclasses import asdict

        from burgers_betrekken.kern.statistiek import tel

        cijfers = tel(adviezen)
        if formaat == "json":
            from burgers_betrekken.uitvoer.gegevens import als_json

            print(als_json({"boom": boom.id, **asdict(cijfers)}))
            return
        from burgers_betrekken.uitvoer import weergave
        from burgers_betrekken.uitvoer import boomweergave

        weergave.console().print(boomweergave.padcijfers(boom, cijfers))
        return
    if formaat == "json":
        from burgers_betrekken.uitvoer.gegevens import als_json, pad_als_data

        print(als_json([pad_als_data(nr, a) for nr, a in enumerate(adviezen, start=1)]))
        return
    from burgers_betrekken.uitvoer import weergave
    from burgers_betrekken.uitvoer import boomweergave

    scherm = weergave.console()
    scherm.print(boomweergave.paden_tabel(adviezen))
    scherm.print(f"{aantal_tekst(len(adviezen))} door boom '{boom.id}'.")


@boom_app.command(cls=Opdracht, short_help="De boom: vragen, opties en waar ze heen leiden.")
def toon(
    bestand: Optional[str] = typer.Argument(None, metavar="[BESTAND]", help=BESTAND_HELP),
    herkomst: bool = typer.Option(False, "--herkomst",
                                  help="Toon ook waar elk onderdeel staat: in de boom zelf of in zijn basis."),
) -> None:
    """Toon de boom: elke vraag met haar opties en waar die heen leiden."""
    from burgers_betrekken.uitvoer import weergave
    from burgers_betrekken.uitvoer import boomweergave

    scherm = weergave.console()
    if herkomst:
        from burgers_betrekken.lezen import bronnen
        from burgers_betrekken.lezen.boom import laad_boom_met_herkomst

        boom, waar = laad_boom_met_herkomst(bronnen.boom_pad(bestand))
        scherm.print(boomweergave.boom_overzicht(boom))
        scherm.print()
        scherm.print(boomweergave.herkomst_tabel(waar))
    else:
        scherm.print(boomweergave.boom_overzicht(_boom(bestand)))


GRAAFFORMATEN = ("mermaid", "dot")


@boom_app.command(cls=Opdracht, short_help="De boom als Mermaid-flowchart of Graphviz dot.")
def graaf(
    bestand: Optional[str] = typer.Argument(None, metavar="[BESTAND]", help=BESTAND_HELP),
    formaat: str = typer.Option("mermaid", "--formaat", "-f", metavar="mermaid|dot",
                                help="Mermaid (GitHub en GitLab tekenen het) of Graphviz dot."),
) -> None:
    """Schrijf de boom als graaf: Mermaid-flowchart of Graphviz dot."""
    from burgers_betrekken.uitvoer import tekening

    formaat = kies_formaat(formaat, GRAAFFORMATEN)
    boom = _boom(bestand)
    print(tekening.als_mermaid(boom) if formaat == "mermaid" else tekening.als_dot(boom))


@boom_app.command(cls=Opdracht, short_help="De boom als Markdown, voor een reviewronde.")
def document(bestand: Optional[str] = typer.Argument(None, metavar="[BESTAND]", help=BESTAND_HELP)) -> None:
    """Schrijf de boom als Markdown-document: elke vraag, optie en toelichting, de regels en de routes,
    voor een reviewronde."""
    from burgers_betrekken.uitvoer import tekening

    print(tekening.als_markdown(*laad(bestand, None)))


VERSCHILFORMATEN = ("tekst", "md", "json")


@boom_app.command(cls=Opdracht, short_help="Welk advies een wijziging verandert.")
def verschil(
    oud: str = typer.Argument(..., metavar="OUD", help="De oude boom (naam of pad), of met --git het bestand."),
    nieuw: Optional[str] = typer.Argument(None, metavar="[NIEUW]", help="De nieuwe boom (naam of pad)."),
    git: Optional[str] = typer.Option(None, "--git", metavar="REV",
                                      help="Vergelijk het bestand met zichzelf in deze git-versie (HEAD, main, ...)."),
    formaat: str = typer.Option("tekst", "--formaat", "-f", metavar="tekst|md|json",
                                help="Tekst, Markdown (voor een review in een merge request) of JSON."),
    catalogus: Optional[Path] = typer.Option(None, "--catalogus", metavar="BESTAND",
                                             help="Eén catalogus voor beide bomen (anders elk zijn eigen)."),
    streng: bool = typer.Option(False, "--streng", help="Exitcode 1 als het advies op enig pad verandert."),
) -> None:
    """Vergelijk twee bomen: wat er in de boom veranderd is, en vooral welke paden nu op een andere
    trede, andere beste instrumenten of andere aandachtspunten uitkomen."""
    from burgers_betrekken.toepassing.boomverschil import vergelijk
    from burgers_betrekken.uitvoer import verschilverslag

    formaat = kies_formaat(formaat, VERSCHILFORMATEN)
    v, opmerkingen = vergelijk(oud, nieuw, git, catalogus)
    if opmerkingen:
        import sys

        print("\n".join(opmerkingen), file=sys.stderr)
    if formaat == "json":
        from burgers_betrekken.uitvoer.gegevens import als_json

        print(als_json(verschilverslag.als_data(v)))
    else:
        import shutil

        breedte = max(40, min(100, shutil.get_terminal_size((80, 24)).columns))
        print(verschilverslag.als_markdown(v) if formaat == "md" else verschilverslag.als_tekst(v, breedte), end="")
    if streng and v.advies_veranderd:
        raise typer.Exit(ExitCode.VALIDATIE)


@boom_app.command(cls=Opdracht, short_help="De boom als één HTML-bestand voor de browser.")
def website(
    bestand: Optional[str] = typer.Argument(None, metavar="[BESTAND]", help=BESTAND_HELP),
    uitvoer: Optional[str] = typer.Option(None, "--uitvoer", "-o", metavar="BESTAND",
                                          help="Het HTML-bestand (standaard: <boom-id>.html hier)."),
    catalogus: Optional[Path] = typer.Option(None, "--catalogus", metavar="BESTAND", help=CATALOGUS_HELP),
    overschrijf: bool = typer.Option(False, "--overschrijf", help="Overschrijf een bestaand bestand."),
) -> None:
    """Schrijf de boom als één HTML-bestand dat zonder installatie en zonder internet in elke browser
    werkt: de vragen, en voor elk pad het advies dat bb geeft."""
    from burgers_betrekken.kern.paden import aantal_paden, aantal_tekst
    from burgers_betrekken.lezen.bestanden import schrijf_tekst, uitvoernaam
    from burgers_betrekken.opslag.bewaren import controleer_uitvoer
    from burgers_betrekken.toepassing.website import gegevens
    from burgers_betrekken.uitvoer.website import pagina

    gekozen = uitvoernaam(uitvoer, "--uitvoer")
    boom, cat = laad(bestand, catalogus)
    doel = gekozen or Path(f"{boom.id}.html")
    controleer_uitvoer(doel, overschrijf)  # before the work, which takes seconds
    tekst = pagina(gegevens(boom, cat))
    schrijf_tekst(doel, tekst, overschrijf=overschrijf)
    grootte = f"{len(tekst.encode('utf-8')) / 1_000_000:.1f}".replace(".", ",")
    print(f"geschreven: {doel}")
    print(f"{grootte} MB; het advies voor {aantal_tekst(aantal_paden(boom, weet_niet=True))} (ook met 'weet ik niet')")
