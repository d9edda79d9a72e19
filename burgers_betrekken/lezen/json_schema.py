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
    """The JSON Schema for one kind of file: 'boom', 'catalogus', 'scenarios' or 'begrippen'. A
    file with `basis:` holds only what differs from its base: then nothing is required, and `weg`
    or `~` may stand where the base has an item or field to remove."""
    uit: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"https://burgers-betrekken.invalid/bb/{__version__}/{bestandsnaam(soort)}",
        "title": f"{_TITELS[soort]} voor bb {__version__}",
    }
    top = SOORTEN[soort]
    if top.veld("basis") is None:
        uit.update(_vorm(top))
    else:
        volledig = _vorm(top)
        uit["description"] = volledig.pop("description")
        uit["if"] = {"required": ["basis"]}
        uit["then"] = _vorm(top, aanvulling=True)
        uit["else"] = volledig
    uit["$defs"] = {naam: _vorm(v) for naam, v in DEFINITIES.items()}
    return uit


_WEG: dict[str, Any] = {"anyOf": [{"const": "weg"}, {"type": "null"}],
                        "description": "Haal weg wat de basis hier heeft."}


_ID: dict[str, Any] = {"type": "string", "pattern": ID_PATROON}


def _vorm(v: Vorm, beschrijving: str = "", aanvulling: bool = False) -> dict[str, Any]:
    """`aanvulling`: the shape inside a file with `basis:` (nothing required, removals allowed)."""
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
        uit = {"oneOf": [tekst, {"type": "array", "items": {"oneOf": [tekst, _vorm(v.object)]}}]}  # replaced whole
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
            eigen = _vorm(veld.vorm, veld.beschrijving, aanvulling)
            if veld.standaard is not None:
                eigen["default"] = veld.standaard
            uit["properties"][veld.naam] = {"anyOf": [eigen, _WEG]} if aanvulling else eigen
        if v.verplicht and not aanvulling:
            uit["required"] = list(v.verplicht)
        if v.precies_een and not aanvulling:
            uit["oneOf"] = [{"required": [naam]} for naam in v.precies_een]
        if v.overige is None:
            uit["additionalProperties"] = False
        else:
            uit["additionalProperties"] = _vorm(v.overige, v.overige_beschrijving)
            uit["propertyNames"] = {"pattern": ID_PATROON}
        beschrijving = beschrijving or v.beschrijving
    elif isinstance(v, Map):
        waarde = _vorm(v.waarde, aanvulling=aanvulling)
        uit = {"type": "object", "propertyNames": {"pattern": ID_PATROON},
               "additionalProperties": {"anyOf": [waarde, _WEG]} if aanvulling else waarde}
        if v.minimaal and not aanvulling:
            uit["minProperties"] = v.minimaal
        beschrijving = beschrijving or v.beschrijving
    elif isinstance(v, Lijst):
        uit = {"type": "array", "items": _vorm(v.item)}
        if v.minimaal:
            uit["minItems"] = v.minimaal
        if v.maximaal is not None:
            uit["maxItems"] = v.maximaal
        beschrijving = beschrijving or v.beschrijving
    elif isinstance(v, Ref):
        uit = {"$ref": f"#/$defs/{v.naam}"}
    else:  # pragma: no cover - every shape is handled above
        raise TypeError(f"unknown shape {v!r}")
    if beschrijving:
        uit["description"] = beschrijving
    return uit
