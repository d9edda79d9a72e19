"""The `bb` entry point. `bb --version` is answered here, before the command-line framework is
imported, so the most frequent check costs almost nothing; everything else goes to `cli.main`."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from burgers_betrekken import __version__

        print(f"bb {__version__}")
        return
    from burgers_betrekken.cli import main as cli_main

    cli_main()
