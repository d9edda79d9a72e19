"""The `bb` entry point. `bb --version` is answered here, before the command-line framework is
imported, so the most frequent check costs almost nothing; everything else goes to `opdrachten.main`,
with the compiled code of bb's dataclasses taken from the cache (`opslag.dataclasscache`). Help defines one
dataclass; there the cache would cost more than it saves."""

from __future__ import annotations

import signal
import sys

AFGEBROKEN = 130
"""kern.fouten.ExitCode.AFGEBROKEN, written out: the handler below must not import anything."""


def main() -> None:
    """Ctrl-C at any moment of bb's start (importing the command line takes some tens of
    milliseconds, before `opdrachten.main` has its handlers) ends as everywhere else: "Afgebroken."
    and exit code 130, never a Python traceback. (Before main, the interpreter and the installer's
    wrapper script start; a Ctrl-C there is theirs.)"""
    try:
        _start()
    except RuntimeError as e:
        # Python 3.11 wraps a Ctrl-C during a class body's __set_name__ (an import) in a RuntimeError
        if not isinstance(e.__cause__, KeyboardInterrupt):
            raise
        _afgebroken()
    except KeyboardInterrupt:
        _afgebroken()


def _afgebroken() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the message
    try:
        sys.stderr.write("Afgebroken.\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):
        pass
    sys.exit(AFGEBROKEN)


def _start() -> None:
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
