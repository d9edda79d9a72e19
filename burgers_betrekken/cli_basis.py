"""What every `bb` command shares: Dutch help output, option checks and loading the tree and
catalogue. Kept apart from `cli.py` so the command modules can use it without import cycles."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import click
from typer.core import TyperCommand, TyperGroup

from burgers_betrekken.errors import InvoerFout

if TYPE_CHECKING:
    from burgers_betrekken.model import Boom, Catalogus

FORMATEN = ("tekst", "json")


# --- Dutch help ----------------------------------------------------------------------------


_TITELS = {"Arguments": "Argumenten", "Options": "Opties", "Commands": "Opdrachten"}
_WOORDEN = [("\\[", "["), ("[default: ", "[standaard: "), ("[required]", "[verplicht]"), ("env var: ", "omgevingsvariabele: ")]


def _nl(tekst: str) -> str:
    for en, nl in _WOORDEN:
        tekst = tekst.replace(en, nl)
    return tekst


class _NederlandseOpmaak(click.HelpFormatter):
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
        opmaak = _NederlandseOpmaak(width=formatter.width)
        click.Command.format_help(self, ctx, opmaak)  # type: ignore[arg-type]
        formatter.write(opmaak.getvalue())

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
        from burgers_betrekken.woorden import onbekend

        raise InvoerFout(onbekend("onbekend formaat", waarde, formaten, "kies uit"))
    return waarde


def laad_catalogus(catalogus: Optional[Path], boom: Optional["Boom"] = None) -> "Catalogus":
    """The catalogue given, else the one the tree names, else the shipped one. The file is read
    once: the cache key and the model come from the same bytes."""
    from burgers_betrekken import bronnen, cache
    from burgers_betrekken.model import Catalogus
    from burgers_betrekken.bestanden import lees_bytes

    pad = bronnen.catalogus_bij(catalogus, boom.catalogus if boom is not None else None)
    data = lees_bytes(pad)
    return cache.geladen([(pad, data)], "catalogus", Catalogus, lambda: _lees_catalogus(pad, data))


def _lees_catalogus(pad: Path, data: bytes) -> "Catalogus":
    from burgers_betrekken.catalogus import laad_catalogus as lees

    return lees(pad, data)


def laad(boom: Optional[str | Path], catalogus: Optional[Path]) -> tuple["Boom", "Catalogus"]:
    """The one loader of a tree with its catalogue, for every command: checked against each
    other, from the cache when unchanged. `boom`: a shipped tree's name or a path.
    Each file is read once: its cache key, its model and the record's sha256 come from the
    same bytes, so a file that changes meanwhile cannot mix two versions."""
    from burgers_betrekken import bronnen, cache
    from burgers_betrekken.model import Boom
    from burgers_betrekken.bestanden import lees_bytes

    boom_pad = boom if isinstance(boom, Path) else bronnen.boom_pad(boom)
    data = lees_bytes(boom_pad)
    b = cache.geladen([(boom_pad, data)], "boom", Boom, lambda: _lees_boom(boom_pad, data))
    c = laad_catalogus(catalogus, b)
    cache.geladen([(boom_pad, data), (Path(c.bestand), c.sha256.encode())], "samenhang", bool,
                  lambda: _controleer(b, c))
    return b, c


def _lees_boom(pad: Path, data: bytes) -> "Boom":
    from burgers_betrekken.boom import laad_boom

    return laad_boom(pad, data)


def _controleer(b: "Boom", c: "Catalogus") -> bool:
    from burgers_betrekken.catalogus import controleer_samenhang

    controleer_samenhang(b, c)
    return True


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


