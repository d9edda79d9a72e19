"""The `bb` command: parses arguments, calls the loaders, engine, prompts and renderers, and
turns every error into a Dutch message and an exit code in one place (`main`).

Heavy modules (Rich, PyYAML, questionary) are imported inside the commands, so that
`bb --version` stays instant and only an interactive run loads questionary.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any, Optional

import click
import typer

from burgers_betrekken import __version__
from burgers_betrekken.opdrachtregel.basis import BOOM_HELP, CATALOGUS_HELP, Groep, Opdracht, kies_formaat
from burgers_betrekken.opslag.laden import laad_catalogus
from burgers_betrekken.opdrachtregel.advies import advies
from burgers_betrekken.opdrachtregel.boom import boom_app
from burgers_betrekken.kern.fouten import Afgebroken, BbFout, Beeindigd, ExitCode, InvoerFout

app = typer.Typer(
    name="bb",
    cls=Groep,
    help="bb — burgers betrekken: een beslishulp voor participatie bij de Rijksoverheid.",
    epilog="Bijvoorbeeld: bb advies · bb instrumenten focusgroep · bb begrippen burgerberaad · bb init mijn-boom",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


app.add_typer(boom_app, name="boom")


def _versie(waarde: bool) -> None:
    if waarde:
        print(f"bb {__version__}")
        raise typer.Exit()


@app.callback()
def _hoofd(
    versie: bool = typer.Option(False, "--version", "-V", callback=_versie, is_eager=True,
                                help="Toon het versienummer en stop."),
) -> None:
    """bb — burgers betrekken: een beslishulp voor participatie bij de Rijksoverheid."""


# --- commands ------------------------------------------------------------------------------


app.command(cls=Opdracht, name="advies", short_help="Beantwoord de beslisboom en krijg een advies.")(advies)


@app.command(cls=Opdracht, short_help="Blader door de instrumentencatalogus, of bekijk er één.")
def instrumenten(
    instrument: Optional[str] = typer.Argument(None, metavar="[ID]", help="Toon één instrument in detail."),
    niveau: Optional[str] = typer.Option(None, "--niveau", "-n", metavar="TREDE",
                                         help="Alleen instrumenten voor deze trede (bijv. raadplegen)."),
    doelgroep: Optional[str] = typer.Option(None, "--doelgroep", "-d", metavar="DOELGROEP",
                                            help="Alleen instrumenten die deze doelgroep bereiken."),
    formaat: str = typer.Option("tekst", "--formaat", "-f", metavar="tekst|json", help="Uitvoer als tekst of JSON."),
    catalogus: Optional[Path] = typer.Option(None, "--catalogus", metavar="BESTAND", help=CATALOGUS_HELP),
) -> None:
    """Blader door de instrumentencatalogus, of bekijk één instrument."""
    from burgers_betrekken.kern.bladeren import selecteer, vind_instrument

    formaat = kies_formaat(formaat)
    c = laad_catalogus(catalogus)
    selectie = (vind_instrument(c, instrument),) if instrument is not None else selecteer(c, niveau, doelgroep)
    if formaat == "json":
        from burgers_betrekken.uitvoer.gegevens import als_json, instrument_als_data

        data = [instrument_als_data(i) for i in selectie]
        print(als_json(data[0] if instrument is not None else data))
        return
    from burgers_betrekken.uitvoer import weergave

    scherm = weergave.console()
    if instrument is not None:
        scherm.print(weergave.instrument_detail(c, selectie[0]))
    elif not selectie:
        scherm.print("Geen instrumenten gevonden met deze filters.")
    else:
        scherm.print(weergave.catalogus_tabel(c, selectie))


@app.command(cls=Opdracht, short_help="Waarom dit advies? Regels en antwoorden per instrument.")
def uitleg(
    bestand: Path = typer.Argument(..., metavar="BESTAND",
                                   help="Een antwoordenbestand, of een JSON-verslag van bb advies."),
    formaat: str = typer.Option("tekst", "--formaat", "-f", metavar="tekst|json", help="Uitvoer als tekst of JSON."),
    boom: Optional[str] = typer.Option(None, "--boom", metavar="BOOM", help=BOOM_HELP),
    catalogus: Optional[Path] = typer.Option(None, "--catalogus", metavar="BESTAND", help=CATALOGUS_HELP),
) -> None:
    """Waarom dit advies? Per instrument de regels en antwoorden die het lieten stijgen of afvallen,
    per aandachtspunt de voorwaarde, en hoe doel en ruimte de trede bepaalden."""
    from burgers_betrekken.kern import engine
    from burgers_betrekken.lezen.antwoorden import laad_antwoorden
    from burgers_betrekken.kern.uitleg import leg_uit
    from burgers_betrekken.toepassing.advieszitting import laad_bij_antwoorden

    formaat = kies_formaat(formaat)
    a = laad_antwoorden(bestand)
    b, c = laad_bij_antwoorden(a, boom, catalogus)
    resultaat = engine.advies(b, c, a.waarden, a.locaties, a.bron, aanvullen=True)
    if formaat == "json":
        from dataclasses import asdict

        from burgers_betrekken.uitvoer.gegevens import als_json

        print(als_json(asdict(leg_uit(resultaat))))
        return
    from burgers_betrekken.uitvoer import weergave

    weergave.console().print(weergave.uitleg(leg_uit(resultaat)))


@app.command(cls=Opdracht, short_help="Wat betekent ...? De begrippenlijst.")
def begrippen(
    term: Optional[str] = typer.Argument(None, metavar="[TERM]",
                                         help="Het begrip, bijvoorbeeld burgerberaad of 'pas toe of leg uit'."),
    formaat: str = typer.Option("tekst", "--formaat", "-f", metavar="tekst|json", help="Uitvoer als tekst of JSON."),
    bestand: Optional[Path] = typer.Option(None, "--begrippen", metavar="BESTAND",
                                           help="Een eigen begrippenlijst (YAML) in plaats van de meegeleverde."),
) -> None:
    """Wat betekent ...? De begrippenlijst: participatieladder, treden, instrumenten en meer."""
    from burgers_betrekken.lezen import bronnen
    from burgers_betrekken.lezen.begrippen import laad_begrippen

    formaat = kies_formaat(formaat)
    lijst = laad_begrippen(bestand or bronnen.standaard_begrippen())
    gekozen = [lijst.zoek(term)] if term is not None else list(lijst.begrippen)
    if formaat == "json":
        from dataclasses import asdict

        from burgers_betrekken.uitvoer.gegevens import als_json

        data = [{k: v for k, v in asdict(b).items() if k != "locatie"} for b in gekozen]
        print(als_json(data[0] if term is not None else data))
        return
    from burgers_betrekken.uitvoer import weergave

    scherm = weergave.console()
    scherm.print(weergave.begrip_detail(lijst, gekozen[0]) if term is not None else weergave.begrippen_lijst(lijst))


@app.command(cls=Opdracht, short_help="JSON Schema voor de YAML-bestanden, voor editors.")
def schema(
    soort: Optional[str] = typer.Argument(None, metavar="[boom|catalogus|scenarios|begrippen]",
                                          help="Welk schema; zonder --uitvoer verplicht."),
    uitvoer: Optional[str] = typer.Option(None, "--uitvoer", "-o", metavar="MAP",
                                          help="Schrijf de schema's als bestanden in deze map."),
    overschrijf: bool = typer.Option(False, "--overschrijf", help="Vervang schema's die er al staan."),
) -> None:
    """JSON Schema voor de YAML-bestanden, zodat een editor aanvult en controleert tijdens het typen."""
    from burgers_betrekken.lezen import json_schema as schemas
    from burgers_betrekken.uitvoer.gegevens import als_json
    from burgers_betrekken.kern.woorden import onbekend
    from burgers_betrekken.lezen.vorm import SOORTEN
    from burgers_betrekken.lezen.bestanden import uitvoernaam

    map_ = uitvoernaam(uitvoer, "--uitvoer", map_=True)
    if soort is not None and soort not in SOORTEN:
        raise InvoerFout(onbekend("onbekend schema", soort, SOORTEN, "kies uit"))
    if map_ is None:
        if soort is None:
            raise InvoerFout(f"kies welk schema ({', '.join(SOORTEN)}), bijvoorbeeld: bb schema boom; "
                             f"of schrijf ze allemaal met --uitvoer MAP")
        print(als_json(schemas.schema(soort)))
        return
    from burgers_betrekken.lezen.bestanden import schrijf_tekst
    from burgers_betrekken.opslag.bewaren import controleer_uitvoer

    doelen = {naam: map_ / schemas.bestandsnaam(naam) for naam in ([soort] if soort else SOORTEN)}
    for doel in doelen.values():  # all or none: no half-refreshed set of schemas
        controleer_uitvoer(doel, overschrijf)
    for naam, doel in doelen.items():
        schrijf_tekst(doel, als_json(schemas.schema(naam)) + "\n", overschrijf=overschrijf)
        print(f"geschreven: {doel}")


@app.command(cls=Opdracht, short_help="Begin een eigen beslisboom in een nieuwe map.")
def init(
    map_: Path = typer.Argument(..., metavar="MAP", help="De nieuwe map (mag nog niet bestaan, of leeg zijn)."),
    boom: Optional[str] = typer.Option(None, "--boom", metavar="BOOM",
                                       help="Begin met een volledige kopie van deze meegeleverde boom "
                                            "(standaard: rijksoverheid)."),
    basis: Optional[str] = typer.Option(None, "--basis", metavar="BOOM",
                                        help="Bouw voort op deze meegeleverde boom: alleen wat anders is "
                                             "staat in uw bestanden (aanbevolen)."),
) -> None:
    """Begin een eigen beslisboom: een map met boom, catalogus, scenario's en schema's, als kopie of
    (met --basis) als kleine bestanden die voortbouwen op wat bb meelevert."""
    from burgers_betrekken.kern.woorden import heel
    from burgers_betrekken.opslag.bewaren import niet_in_datamap
    from burgers_betrekken.uitvoer.beginmap import maak_beginmap

    if boom is not None and basis is not None:
        raise InvoerFout("kies --boom (een kopie) of --basis (voortbouwen), niet allebei")
    niet_in_datamap(map_)
    for pad in maak_beginmap(map_, basis or boom or "rijksoverheid", op_basis=basis is not None):
        print(f"geschreven: {heel(str(pad))}")  # a folder name that is no UTF-8 is shown, not a crash
    print(f"\nLees {heel(str(map_ / 'LEESMIJ.md'))} voor de volgende stappen.")


# --- the one place where errors become messages and exit codes ------------------------------

def _meld(tekst: Any) -> None:
    try:
        from burgers_betrekken.uitvoer import weergave

        weergave.print_meldingen(weergave.console(stderr=True), tekst)
    except Exception:  # the error path must never fail on the renderer
        print(str(tekst), file=sys.stderr)


def _stil_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
    except (OSError, AttributeError, ValueError):
        pass


_TERMINAL: Any = None
"""The terminal settings at start, put back when SIGTERM ends bb in the middle of a prompt."""


_EINDSIGNALEN = ("SIGTERM", "SIGHUP", "SIGQUIT")
"""The signals that end bb as SIGTERM does, with 128 + their number (where the system has them)."""


def _bij_sigterm(nummer: int, frame: Any) -> None:
    """SIGTERM (`kill`, a container stopping), SIGHUP (the terminal closed) or SIGQUIT. During a
    file write: unwind, so the temporary file is removed (errors.Beeindigd). Otherwise end at
    once, as the signal asks, but with the terminal put back and a message: raising inside
    prompt_toolkit's event loop could leave bb waiting on its own threads. Every answer is
    already in the autosave."""
    from burgers_betrekken.lezen import bestanden

    beeindigd = Beeindigd(nummer)
    if bestanden.bezig_met_schrijven():
        raise beeindigd
    bewaren = sys.modules.get("burgers_betrekken.opslag.bewaren")
    bewaard = [p for p in getattr(bewaren, "_VAST", {}) if p.exists()]
    hint = (f"\nUw antwoorden zijn bewaard in {bewaard[0]}. Ga verder met: bb advies --hervat" if bewaard else "")
    try:
        if _TERMINAL is not None:
            import termios

            termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, _TERMINAL)
            sys.stdout.write("\x1b[?25h\n")  # the cursor, which a prompt may have hidden
            sys.stdout.flush()
        sys.stderr.write(f"Beëindigd ({beeindigd.naam})." + hint + "\n")
        sys.stderr.flush()
    except Exception:
        pass
    os._exit(int(beeindigd.code))  # type: ignore[arg-type]


def _stromen_in_orde() -> bool:
    """Check the standard streams before anything is asked or shown. A closed stdout is an error
    (nothing could be shown); an output that cannot carry Dutch text (ASCII) gets replacement
    characters and one warning instead of a crash halfway. (A COLUMNS of 0, garbage or millions
    is handled where consoles are made: `weergave.console`.)"""
    if sys.stdout is None:
        if sys.stderr is not None:
            print("fout: de standaarduitvoer is gesloten; er kan niets worden getoond. Stuur de uitvoer "
                  "naar een bestand of naar /dev/null in plaats van hem te sluiten.", file=sys.stderr)
        return False
    if sys.stdin is not None and hasattr(sys.stdin, "reconfigure"):
        try:  # a typed line that is no UTF-8 reaches bb as text (see woorden.heel), not as a crash
            sys.stdin.reconfigure(errors="surrogateescape")
        except ValueError:
            pass
    codering = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        "é—│✓".encode(codering)
    except (UnicodeEncodeError, LookupError):
        import codecs

        codecs.register_error("bb_unicode", _als_unicode_escape)
        try:
            sys.stdout.reconfigure(errors="bb_unicode")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
        print(f"let op: de uitvoer kan alleen {codering} aan; letters met accenten en andere tekens staan er "
              f"als \\uXXXX (in JSON is dat gewone JSON). Zet PYTHONIOENCODING=utf-8 voor de volledige tekst.",
              file=sys.stderr)
    return True


def _als_unicode_escape(fout: UnicodeError) -> tuple[str, int]:
    """Characters the output cannot carry, as JSON-style \\uXXXX escapes: nothing is lost, and
    JSON on such an output stays valid JSON."""
    assert isinstance(fout, UnicodeEncodeError)
    uit = []
    for teken in fout.object[fout.start:fout.end]:
        code = ord(teken)
        if code > 0xFFFF:  # a surrogate pair, as JSON writes it
            code -= 0x10000
            uit.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            uit.append(f"\\u{code:04x}")
    return "".join(uit), fout.end


def _interne_fout() -> int:
    if os.environ.get("BB_DEBUG"):
        raise  # noqa: PLE0704 - called from an except clause: re-raises what it handles
    import traceback

    print("interne fout in bb; dit is een fout in het programma, niet in uw invoer.\n"
          "Meld het, met de uitvoer van dezelfde opdracht met BB_DEBUG=1 ervoor.", file=sys.stderr)
    laatste = traceback.format_exc(limit=-1).strip().splitlines()[-1]
    print(laatste if len(laatste) <= 300 else laatste[:300] + "…", file=sys.stderr)  # it may quote input
    return 70


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point of `bb` and `python -m burgers_betrekken`."""
    import signal

    code: int = ExitCode.OK
    if not _stromen_in_orde():
        sys.exit(ExitCode.INVOER)
    for naam in _EINDSIGNALEN:
        try:
            nummer = getattr(signal, naam)
            if signal.getsignal(nummer) is not signal.SIG_IGN:  # `nohup bb ...` stays immune to SIGHUP
                signal.signal(nummer, _bij_sigterm)
        except (AttributeError, ValueError, OSError):  # not on Windows, or not in the main thread
            pass
    global _TERMINAL
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            import termios

            _TERMINAL = termios.tcgetattr(sys.stdin.fileno())
    except (ImportError, OSError, ValueError):
        pass
    try:
        # Without standalone mode click returns the code of a `typer.Exit` instead of raising it.
        uitkomst = app(args=argv, prog_name="bb", standalone_mode=False)
        if isinstance(uitkomst, int):
            code = uitkomst
        sys.stdout.flush()  # a full disk shows here, as a message, not at interpreter exit
    except Afgebroken as e:  # Ctrl-C, or input that gives no usable answer (vragen.eenvoudig, exit 2)
        reden = "Afgebroken." if e.exit_code == ExitCode.AFGEBROKEN else f"fout: {e.bericht}"
        print(reden + (f"\n{e.hint}" if e.hint else ""), file=sys.stderr)
        code = e.exit_code
    except BbFout as e:
        from burgers_betrekken.uitvoer import weergave

        _meld(weergave.fout(e))
        code = e.exit_code
    except click.exceptions.Exit as e:
        code = e.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt, EOFError):
        print("Afgebroken.", file=sys.stderr)
        code = ExitCode.AFGEBROKEN
    except click.exceptions.NoArgsIsHelpError as e:  # plain `bb` (or `bb boom`): the help, no error
        print(e.ctx.get_help() if e.ctx else e.format_message())
        code = ExitCode.OK
    except click.UsageError as e:
        from burgers_betrekken.opdrachtregel.clickmeldingen import melding

        opdracht = e.ctx.command_path if e.ctx else "bb"
        print(f"fout: {melding(e)}\nZie '{opdracht} --help'.", file=sys.stderr)
        code = ExitCode.INVOER
    except click.ClickException as e:
        from burgers_betrekken.opdrachtregel.clickmeldingen import melding

        print(f"fout: {melding(e)}", file=sys.stderr)
        code = ExitCode.INVOER
    except Beeindigd as e:
        print(f"Beëindigd ({e.naam})." + (f"\n{e.hint}" if e.hint else ""), file=sys.stderr)
        code = int(e.code)  # type: ignore[arg-type]
    except BrokenPipeError:
        # The reader went away (bb instrumenten | head -1): exit quietly.
        _stil_stdout()
        code = ExitCode.OK
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EBADF):
            # the screen output could not be written (a full disk behind a redirect): say so, and
            # keep the unwritten rest from failing again at exit
            from burgers_betrekken.lezen.bestanden import oorzaak

            _stil_stdout()
            print(f"fout: kan de uitvoer niet schrijven: {oorzaak(e)}", file=sys.stderr)
            code = ExitCode.INVOER
        else:
            code = _interne_fout()
    except SystemExit as e:
        # click meets a closed stdout (EPIPE) itself: it wraps the streams and exits 1. The reader
        # went away; that is no error of ours or the user's.
        if type(sys.stdout).__name__ != "PacifyFlushWrapper":
            raise
        _stil_stdout()
        code = ExitCode.OK if e.code == 1 else int(e.code or 0)
    except Exception:
        code = _interne_fout()
    sys.exit(code)
