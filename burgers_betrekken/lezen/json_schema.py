"""JSON Schema (draft 2020-12) generated from the shapes in `vorm.py`, the same declarations
the loaders read with. Editors with the YAML language server use it to complete and check
a tree or catalogue while it is typed; `bb schema` writes it."""

from __future__ import annotations

from typing import Any

from burgers_betrekken import __version__
from burgers_betrekken.kern.vormtaal import (
    ID_PATROON,
    GeheelGetal,
    Id,
    Ids,
    JaNee,
    Keuze,
    Lijst,
    Map,
    Object,
    Ref,
    Tekst,
    Teksten,
    TekstenOf,
    Vorm,
)
from burgers_betrekken.lezen.vorm import DEFINITIES, SOORTEN

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_TITELS = {"boom": "Beslisboom", "catalogus": "Instrumentencatalogus", "scenarios": "Scenariotests",
           "begrippen": "Begrippenlijst"}


def bestandsnaam(soort: str) -> str:
    """The file name `bb schema --uitvoer` and `bb init` write a schema to."""
    return f"{soort}.schema.json"


def schema(soort: str) -> dict[str, Any]:
    """The JSON Schema for one kind of file: 'boom', 'catalogus' or 'scenarios'."""
    uit: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"https://burgers-betrekken.invalid/bb/{__version__}/{bestandsnaam(soort)}",
        "title": f"{_TITELS[soort]} voor bb {__version__}",
    }
    uit.update(_vorm(SOORTEN[soort]))
    uit["$defs"] = {naam: _vorm(v) for naam, v in DEFINITIES.items()}
    return uit


_ID: dict[str, Any] = {"type": "string", "pattern": ID_PATROON}


def _vorm(v: Vorm, beschrijving: str = "") -> dict[str, Any]:
    uit: dict[str, Any]
    if isinstance(v, Tekst):
        uit = {"type": "string", "minLength": 1, "pattern": r"\S"}
    elif isinstance(v, Id):
        uit = dict(_ID)
    elif isinstance(v, Ids):
        uit = {"oneOf": [dict(_ID), {"type": "array", "items": dict(_ID), "minItems": 1}]}
    elif isinstance(v, Teksten):
        tekst = {"type": "string", "minLength": 1, "pattern": r"\S"}
        uit = {"oneOf": [tekst, {"type": "array", "items": tekst}]}
    elif isinstance(v, TekstenOf):
        tekst = {"type": "string", "minLength": 1, "pattern": r"\S"}
        uit = {"oneOf": [tekst, {"type": "array", "items": {"oneOf": [tekst, _vorm(v.object)]}}]}
    elif isinstance(v, GeheelGetal):
        uit = {"type": "integer"}
        if v.minimum is not None:
            uit["minimum"] = v.minimum
        if v.maximum is not None:
            uit["maximum"] = v.maximum
    elif isinstance(v, JaNee):
        uit = {"type": "boolean"}
    elif isinstance(v, Keuze):
        uit = {"enum": list(v.waarden)}
    elif isinstance(v, Object):
        uit = {"type": "object", "properties": {}}
        for veld in v.velden:
            eigen = _vorm(veld.vorm, veld.beschrijving)
            if veld.standaard is not None:
                eigen["default"] = veld.standaard
            uit["properties"][veld.naam] = eigen
        if v.verplicht:
            uit["required"] = list(v.verplicht)
        if v.overige is None:
            uit["additionalProperties"] = False
        else:
            uit["additionalProperties"] = _vorm(v.overige, v.overige_beschrijving)
            uit["propertyNames"] = {"pattern": ID_PATROON}
        beschrijving = beschrijving or v.beschrijving
    elif isinstance(v, Map):
        uit = {"type": "object", "propertyNames": {"pattern": ID_PATROON},
               "additionalProperties": _vorm(v.waarde)}
        if v.minimaal:
            uit["minProperties"] = v.minimaal
        beschrijving = beschrijving or v.beschrijving
    elif isinstance(v, Lijst):
        uit = {"type": "array", "items": _vorm(v.item)}
        beschrijving = beschrijving or v.beschrijving
    elif isinstance(v, Ref):
        uit = {"$ref": f"#/$defs/{v.naam}"}
    else:  # pragma: no cover - every shape is handled above
        raise TypeError(f"unknown shape {v!r}")
    if beschrijving:
        uit["description"] = beschrijving
    return uit
