"""Advice and catalogue as plain data (for --formaat json). The JSON shape is a stable contract."""

from __future__ import annotations

import json
from typing import Any

from burgers_betrekken.kern.engine import Advies
from burgers_betrekken.kern.model import Instrument


def pad_als_data(nummer: int, advies: Advies) -> dict[str, Any]:
    """One path of `bb boom paden`: the answers and what the advice comes to."""
    return {
        "nr": nummer,
        "antwoorden": {s.vraag.id: s.optie.id for s in advies.pad},
        "niveau": advies.niveau.id,
        "participatie": advies.participatie,
        "instrumenten": [a.instrument.id for a in advies.instrumenten],
        "beste": [a.instrument.id for a in advies.beste],
        "let_op": [lo.id for lo in advies.let_op],
        "route": [[i.id for i in s.instrumenten] for s in advies.route.stappen] if advies.route else None,
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
        "kosten": instrument.kosten,
        "doorlooptijd": instrument.doorlooptijd,
        "deelnemers": instrument.deelnemers,
        "voorbeeld": instrument.voorbeeld,
        "bron": instrument.bron,
    }


def als_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
