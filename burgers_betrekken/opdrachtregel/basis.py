"""What every `bb` command shares: Dutch help output, option checks and loading the tree and
catalogue. Kept apart from `opdrachten.py` so the command modules can use it without import cycles."""

from __future__ import annotations

from typing import Any, Optional

import click
from typer.core import TyperCommand, TyperGroup

from burgers_betrekken.kern.fouten import Afgebroken, InvoerFout

FORMATEN = ("tekst", "json")


# --- Dutch help ----------------------------------------------------------------------------


_TITELS = {"Arguments": "Argumenten", "Options": "Opties", "Commands": "Opdrachten"}
_WOORDEN = [("\\[", "["), ("[default: ", "[standaard: "), ("[required]", "[verplicht]"), ("env var: ", "omgevingsvariabele: ")]


def _nl(tekst: str) -> str:
    for en, nl in _WOORDEN:
        tekst = tekst.replace(en, nl)
    return tekst


class _DutchFormatter(click.HelpFormatter):
    """click's plain help layout with Dutch section titles and defaults. Plain rather than Rich:
    `bb --help` then needs neither Rich nor typer's Rich help module (issue 7: help in ≤ 8× the
    interpreter's start-up, where Rich panels cost about twice that)."""

    def write_heading(self, heading: str) -> None:
        super().write_heading(_TITELS.get(heading, heading))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(eerste, _nl(tweede)) for eerste, tweede in rows], col_max, col_spacing)


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
        opmaak = _DutchFormatter(width=formatter.width)
        click.Command.format_help(self, ctx, opmaak)  # type: ignore[arg-type]
        formatter.write(opmaak.getvalue())

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """click's parser raises some usage errors (`--kort=ja`, `--boom` without a value) without
        the command's context; give it, so the hint names `bb boom paden --help`, not `bb --help`."""
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc,no-any-return]
        except click.UsageError as e:
            if e.ctx is None:
                e.ctx = ctx
            raise

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [p.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]...")
                for p in pieces]


class Groep(_DutchHelp, TyperGroup):
    def invoke(self, ctx: click.Context) -> Any:
        """Ctrl-C during any command (a long `bb boom website` too) ends as in the interview:
        "Afgebroken." and exit code 130, from `opdrachten.main`. Without this typer turns the
        KeyboardInterrupt into a bare exit code 130 and the user sees nothing."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Afgebroken("Afgebroken.") from None


class Opdracht(_DutchHelp, TyperCommand):
    pass


# --- shared option checks ----------------------------------------------------------------


def kies_formaat(waarde: str, formaten: tuple[str, ...] = FORMATEN) -> str:
    if waarde not in formaten:
        from burgers_betrekken.kern.woorden import onbekend

        raise InvoerFout(onbekend("onbekend formaat", waarde, formaten, "kies uit"))
    return waarde


BOOM_HELP = "Beslisboom: de naam van een meegeleverde boom of een pad naar een YAML-bestand."
CATALOGUS_HELP = "Instrumentencatalogus (YAML) in plaats van die van de boom of de meegeleverde."


