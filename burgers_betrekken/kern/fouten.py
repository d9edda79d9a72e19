"""Error types that carry a location and a Dutch message meant for humans.

Every failure a user can cause ends up as a `BbFout`. The CLI turns it into
text on stderr and an exit code in exactly one place (`opdrachtregel.opdrachten.main`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple
from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of `bb`, documented in the README. A signal that ends bb (SIGHUP, SIGQUIT,
    SIGTERM) gives 128 + its number: `Beeindigd`."""

    OK = 0
    VALIDATIE = 1  # validation found errors in a tree or catalogue
    INVOER = 2  # wrong use or wrong input
    AFGEBROKEN = 130  # interrupted (Ctrl-C, Ctrl-D)


class Locatie(NamedTuple):
    """A place in a file: 1-based line and column, as editors show them. A named tuple, not a
    dataclass: the YAML reader makes one for every node, and a tuple is made several times faster."""

    bestand: str
    regel: int | None = None
    kolom: int | None = None

    def __str__(self) -> str:
        parts = [self.bestand]
        if self.regel is not None:
            parts.append(str(self.regel))
            if self.kolom is not None:
                parts.append(str(self.kolom))
        return ":".join(parts)


GETOOND = 10
"""How many problems of each kind (errors, warnings) a message shows; the rest is only counted
(uitvoer.weergave.beperkt), so work on the wording of problems nobody sees can be skipped."""


@dataclass(frozen=True)
class Probleem:
    """One problem found in user input, with where it is."""

    bericht: str
    locatie: Locatie | None = None
    ernst: str = "fout"  # "fout" or "waarschuwing"

    def __str__(self) -> str:
        prefix = f"{self.locatie}: " if self.locatie else ""
        return f"{prefix}{self.ernst}: {self.bericht}"


class BbFout(Exception):
    """Base of all errors meant for the user. Holds one or more problems."""

    exit_code: ExitCode = ExitCode.INVOER

    def __init__(self, bericht: str | None = None, locatie: Locatie | None = None,
                 *, problemen: tuple[Probleem, ...] | list[Probleem] = ()) -> None:
        probs = tuple(problemen)
        if bericht is not None:
            probs = (Probleem(bericht, locatie),) + probs
        if not probs:
            raise ValueError("BbFout needs at least one problem")
        self.problemen: tuple[Probleem, ...] = probs
        super().__init__("\n".join(str(p) for p in probs))

    @property
    def bericht(self) -> str:
        return self.problemen[0].bericht

    @property
    def locatie(self) -> Locatie | None:
        return self.problemen[0].locatie


class InvoerFout(BbFout):
    """Wrong use of the command: an unknown id, a missing file, a bad option value."""


class YamlFout(BbFout):
    """A YAML or JSON file that cannot be read or parsed."""


class ModelFout(BbFout):
    """A tree or catalogue that parses but does not make sense (unknown keys, broken references)."""


class AntwoordFout(BbFout):
    """An answers file that does not fit the tree."""


class GeenTerminal(BbFout):
    """An interactive prompt was needed, but there is no terminal."""


class Afgebroken(BbFout):
    """The user interrupted with Ctrl-C or Ctrl-D. `hint` tells how to continue, if there is a way."""

    exit_code = ExitCode.AFGEBROKEN
    hint: str | None = None


class Beeindigd(SystemExit):
    """A signal that ends bb arrived: SIGTERM (`kill`, a container stopping), SIGHUP (the terminal
    closed) or SIGQUIT. A SystemExit, so no `except Exception` swallows it, nor asyncio inside
    prompt_toolkit (which passes on only SystemExit and KeyboardInterrupt from its callbacks):
    files being written are cleaned up on the way out. The exit code is 128 + the signal's number.
    `hint` tells how to continue, if there is a way."""

    hint: str | None = None

    def __init__(self, signaal: int = 15) -> None:
        super().__init__(128 + signaal)
        self.signaal = signaal

    @property
    def naam(self) -> str:
        """The signal's name, as the message says it: SIGTERM, SIGHUP, SIGQUIT."""
        return _SIGNAALNAMEN.get(self.signaal, f"signaal {self.signaal}")


_SIGNAALNAMEN = {1: "SIGHUP", 3: "SIGQUIT", 15: "SIGTERM"}
