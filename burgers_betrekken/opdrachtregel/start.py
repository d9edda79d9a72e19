"""The `bb` entry point. `bb --version` is answered here, before the command-line framework is
imported, so the most frequent check costs almost nothing; everything else goes to `opdrachten.main`,
with the compiled code of bb's dataclasses taken from the cache (`opslag.dataclasscache`). Help defines one
dataclass; there the cache would cost more than it saves."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from burgers_betrekken import __version__

        try:
            sys.stdout.write(f"bb {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:
            pass
        except (OSError, AttributeError) as e:  # a full disk, or no stdout at all
            from burgers_betrekken.lezen.bestanden import oorzaak

            reden = oorzaak(e) if isinstance(e, OSError) else "de uitvoer is gesloten"
            sys.stderr.write(f"fout: kan de uitvoer niet schrijven: {reden}\n")
            sys.exit(2)
        return
    if not _alleen_hulp(sys.argv[1:]):
        from burgers_betrekken.opslag import dataclasscache

        dataclasscache.installeer()
    from burgers_betrekken.opdrachtregel.opdrachten import main as cli_main

    cli_main()


def _alleen_hulp(argumenten: list[str]) -> bool:
    return not argumenten or "--help" in argumenten or "-h" in argumenten
