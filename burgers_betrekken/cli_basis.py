"""What every `bb` command shares: Dutch help output, option checks and loading the tree and
catalogue. Kept apart from `cli.py` so the command modules can use it without import cycles."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import click
from typer.core import TyperCommand, TyperGroup

from burgers_betrekken.errors import InvoerFout

if TYPE_CHECKING:
    from burgers_betrekken.model import Boom, Catalogus

FORMATEN = ("tekst", "json")


# --- Dutch help ----------------------------------------------------------------------------


def _nederlandse_help() -> None:
    """Typer's Rich help has English panel titles; set Dutch ones just before help is drawn."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
    rich_utils.OPTIONS_PANEL_TITLE = "Opties"
    rich_utils.COMMANDS_PANEL_TITLE = "Opdrachten"
    rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
    rich_utils.DEFAULT_STRING = "[standaard: {}]"


class _DutchHelp:
    def get_help_option(self, ctx: click.Context) -> Optional[click.Option]:  # type: ignore[override]
        optie = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = "Toon deze hulp en stop."
        return optie

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Gebruik: ")

    def get_usage(self, ctx: click.Context) -> str:
        formatter = ctx.make_formatter()
        self.format_usage(ctx, formatter)
        return formatter.getvalue().rstrip("\n")

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _nederlandse_help()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [p.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]...")
                for p in pieces]


class Groep(_DutchHelp, TyperGroup):
    pass


class Opdracht(_DutchHelp, TyperCommand):
    pass


# --- shared loading ------------------------------------------------------------------------


def kies_formaat(waarde: str, formaten: tuple[str, ...] = FORMATEN) -> str:
    if waarde not in formaten:
        from burgers_betrekken.velden import onbekend

        raise InvoerFout(onbekend("onbekend formaat", waarde, formaten, "kies uit"))
    return waarde


def laad_catalogus(catalogus: Optional[Path], boom: Optional["Boom"] = None) -> "Catalogus":
    """The catalogue given, else the one the tree names, else the shipped one."""
    from burgers_betrekken import bronnen
    from burgers_betrekken.catalogus import laad_catalogus as lees

    if catalogus is None and boom is not None and boom.catalogus is not None:
        catalogus = Path(boom.catalogus)
    return lees(catalogus or bronnen.standaard_catalogus())


def laad(boom: Optional[str], catalogus: Optional[Path]) -> tuple["Boom", "Catalogus"]:
    from burgers_betrekken import bronnen
    from burgers_betrekken.boom import laad_boom
    from burgers_betrekken.catalogus import controleer_samenhang

    b = laad_boom(bronnen.boom_pad(boom))
    c = laad_catalogus(catalogus, b)
    controleer_samenhang(b, c)
    return b, c


def domme_terminal() -> bool:
    """TERM=dumb: a terminal that cannot move the cursor; only the plain interview works there."""
    import os

    return os.environ.get("TERM", "") in ("dumb", "unknown")


def is_terminal() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (ValueError, AttributeError):  # closed or replaced streams
        return False


BOOM_HELP = "Beslisboom: de naam van een meegeleverde boom of een pad naar een YAML-bestand."
CATALOGUS_HELP = "Instrumentencatalogus (YAML) in plaats van die van de boom of de meegeleverde."


