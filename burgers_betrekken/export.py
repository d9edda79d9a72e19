"""Advice and catalogue as plain data (for --formaat json). The JSON shape is a stable contract."""

from __future__ import annotations

import json
from typing import Any

from burgers_betrekken.engine import Advies
from burgers_betrekken.model import Instrument


def advies_als_data(advies: Advies) -> dict[str, Any]:
    return {
        "boom": {"id": advies.boom.id, "versie": advies.boom.versie},
        "participatie": advies.participatie,
        "niveau": advies.niveau.id,
        "instrumenten": [
            {"id": a.instrument.id, "naam": a.instrument.naam, "redenen": [r.tekst for r in a.redenen]}
            for a in advies.instrumenten
        ],
        "afgevallen": [
            {"id": a.instrument.id, "redenen": [r.tekst for r in a.redenen]} for a in advies.afgevallen
        ],
        "let_op": [{"id": lo.id, "tekst": lo.tekst} for lo in advies.let_op],
        "pad": [{"vraag": s.vraag.id, "antwoord": s.optie.id, **({"aanname": s.aanname} if s.aanname else {})}
                for s in advies.pad],
        "genegeerd": list(advies.genegeerd),
    }


def pad_als_data(nummer: int, advies: Advies) -> dict[str, Any]:
    """One path of `bb boom paden`: the answers and what the advice comes to."""
    return {
        "nr": nummer,
        "antwoorden": {s.vraag.id: s.optie.id for s in advies.pad},
        "niveau": advies.niveau.id,
        "participatie": advies.participatie,
        "instrumenten": [a.instrument.id for a in advies.instrumenten],
        "let_op": [lo.id for lo in advies.let_op],
    }


def instrument_als_data(instrument: Instrument) -> dict[str, Any]:
    return {
        "id": instrument.id,
        "naam": instrument.naam,
        "samenvatting": instrument.samenvatting,
        "niveaus": list(instrument.niveaus),
        "kenmerken": {k: list(v) for k, v in instrument.kenmerken.items()},
        "wanneer_wel": list(instrument.wanneer_wel),
        "wanneer_niet": list(instrument.wanneer_niet),
        "sterke_punten": list(instrument.sterke_punten),
        "beperkingen": list(instrument.beperkingen),
        "kosten": instrument.kosten_indicatie,
        "doorlooptijd": instrument.doorlooptijd_indicatie,
        "deelnemers": instrument.deelnemers,
        "voorbeeld": instrument.voorbeeld,
        "bron": instrument.bron,
    }


def als_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
