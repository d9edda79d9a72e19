"""What `bb boom valideer` found, per file: the kind of file, every problem with its place, and
the exit code of the whole run. Pure data, shown by `uitvoer.boomweergave`."""

from __future__ import annotations

from dataclasses import dataclass

from burgers_betrekken.kern.fouten import ExitCode, Probleem

BOOM, CATALOGUS, SCENARIOS, BEGRIPPEN = "boom", "catalogus", "scenarios", "begrippen"
_NAMEN = {BOOM: "beslisboom", CATALOGUS: "catalogus", SCENARIOS: "scenariobestand", BEGRIPPEN: "begrippenlijst"}


@dataclass(frozen=True)
class Bestandsrapport:
    bestand: str
    soort: str | None
    problemen: tuple[Probleem, ...]
    onleesbaar: bool = False
    samenvatting: str = ""

    @property
    def fouten(self) -> int:
        return sum(1 for p in self.problemen if p.ernst == "fout")

    @property
    def waarschuwingen(self) -> int:
        return sum(1 for p in self.problemen if p.ernst == "waarschuwing")


@dataclass(frozen=True)
class Rapport:
    bestanden: tuple[Bestandsrapport, ...]

    @property
    def exit_code(self) -> int:
        if any(b.onleesbaar for b in self.bestanden):
            return ExitCode.INVOER
        if any(b.fouten for b in self.bestanden):
            return ExitCode.VALIDATIE
        return ExitCode.OK



def soortnaam(soort: str | None) -> str:
    return _NAMEN.get(soort or "", "bestand")
