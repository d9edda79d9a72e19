"""Load an answers file (YAML or JSON): question id → option id, with where each answer is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from burgers_betrekken.errors import AntwoordFout, Locatie, ModelFout
from burgers_betrekken.velden import Meldingen
from burgers_betrekken.yamlsource import lees_bestand


@dataclass(frozen=True)
class Antwoorden:
    waarden: Mapping[str, str]
    locaties: Mapping[str, Locatie] = field(default_factory=dict)
    bron: Locatie | None = None


def laad_antwoorden(pad: Path) -> Antwoorden:
    knoop = lees_bestand(pad)
    bron = Locatie(str(pad))
    if knoop is None:
        raise AntwoordFout("het antwoordenbestand is leeg; verwacht 'vraag-id: optie-id' per regel",
                           Locatie(str(pad), 1, 1))
    if not knoop.is_map:
        raise AntwoordFout("het antwoordenbestand moet per regel 'vraag-id: optie-id' bevatten, "
                           f"maar bevat {knoop.omschrijving()}", knoop.locatie)
    m = Meldingen()
    waarden: dict[str, str] = {}
    for vraag_id, waarde in knoop.waarde.items():  # type: ignore[union-attr]
        optie = m.tekst(waarde, f"het antwoord op '{vraag_id}' (een optie-id)")
        if optie is not None:
            waarden[vraag_id] = optie
    try:
        m.stop_bij_fouten(ModelFout)
    except ModelFout as e:
        raise AntwoordFout(problemen=e.problemen) from None
    return Antwoorden(waarden, dict(knoop.sleutel_locaties), bron)
