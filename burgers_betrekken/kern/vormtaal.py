"""The language in which bb declares the shape of its YAML files: leaf types (a text, an id,
a whole number, ...), and composites (a mapping with known keys, a map from ids, a list).

Pure data, so the model can carry the shape of its own fields: a model field read from YAML is
declared once, with `uit_yaml(...)` as its dataclass field, and `vorm_van(cls)` gives the shape
of the whole mapping. The readers (layer `lezen`) read with these shapes and build the model
from them (`Gelezen.bouw`); `json_schema` turns them into JSON Schema.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Union

ID_PATROON = r"^[a-z0-9][a-z0-9_]*$"


# --- leaf types ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tekst:
    """A non-empty text (YAML string)."""


@dataclass(frozen=True)
class Id:
    """An id: lower-case letters, digits and '_'."""


@dataclass(frozen=True)
class Ids:
    """One id, or a non-empty list of ids."""


@dataclass(frozen=True)
class Teksten:
    """One text, or a list of texts."""


@dataclass(frozen=True)
class TekstenOf:
    """One text, or a list whose items are texts or mappings of the shape `object`
    (a `wanneer_niet` that is only text, or text with a condition the engine checks)."""

    object: "Object"


@dataclass(frozen=True)
class GeheelGetal:
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class JaNee:
    """true or false."""


@dataclass(frozen=True)
class Keuze:
    """One of a fixed set of words."""

    waarden: tuple[str, ...]


# --- composite types -----------------------------------------------------------------------


@dataclass(frozen=True)
class Veld:
    naam: str
    vorm: Vorm
    beschrijving: str
    verplicht: bool = False
    noem: str | None = None  # how messages name the field ("de tekst"); default "'naam'"
    standaard: object = None  # value when absent

    @property
    def genoemd(self) -> str:
        return self.noem or f"'{self.naam}'"


@dataclass(frozen=True)
class Object:
    """A mapping with known keys. `overige`: the shape of further keys whose names the
    loader decides (question ids in a condition, kenmerk ids in an instrument)."""

    velden: tuple[Veld, ...]
    beschrijving: str = ""
    overige: Vorm | None = None
    overige_beschrijving: str = ""
    overige_soort: str = ""  # what the further keys are, for messages: "vraag", "kenmerk"
    precies_een: tuple[str, ...] = ()  # of these keys exactly one is given (the reader checks it)

    def veld(self, naam: str) -> Veld | None:
        return self._index.get(naam)

    @cached_property
    def _index(self) -> dict[str, Veld]:
        return {v.naam: v for v in self.velden}

    @cached_property
    def verplicht(self) -> tuple[str, ...]:
        return tuple(v.naam for v in self.velden if v.verplicht)

    @cached_property
    def namen(self) -> tuple[str, ...]:
        return tuple(v.naam for v in self.velden)


@dataclass(frozen=True)
class Map:
    """A mapping from ids the author chooses to values of one shape."""

    waarde: Vorm
    beschrijving: str = ""
    minimaal: int = 0
    te_weinig: str = "{wat} moet minstens {minimaal} elementen hebben"
    geordend: bool = False  # the order of the items counts: a file that builds on another can change it


@dataclass(frozen=True)
class Lijst:
    item: Vorm
    beschrijving: str = ""
    minimaal: int = 0
    maximaal: int | None = None


@dataclass(frozen=True)
class Ref:
    """A named shape defined in `DEFINITIES` (used for the recursive condition)."""

    naam: str


Vorm = Union[Tekst, Id, Ids, Teksten, TekstenOf, GeheelGetal, JaNee, Keuze, Object, Map, Lijst, Ref]
SAMENGESTELD = (Object, Map, Lijst, Ref)


# --- the model carries its shape ------------------------------------------------------------

_SLEUTEL = "yaml"  # key in a dataclass field's metadata


def uit_yaml(vorm: Vorm, beschrijving: str, *, verplicht: bool = False, noem: str | None = None,
             standaard: object = None, **veld: Any) -> Any:
    """A dataclass field that is read from the YAML key of the same name, with its shape and the
    description editors show. `veld`: passed on to `dataclasses.field` (a `default`, `compare`)."""
    return dataclasses.field(**veld, metadata={_SLEUTEL: Veld("", vorm, beschrijving, verplicht, noem, standaard)})


def yaml_vorm(beschrijving: str, **object_: Any):  # type: ignore[no-untyped-def]
    """Class decorator, above `@dataclass`: the class's YAML shape is built from its
    `uit_yaml` fields, in their order, and kept for `vorm_van`."""
    def maak(cls: type) -> type:
        velden = tuple(dataclasses.replace(f.metadata[_SLEUTEL], naam=f.name)
                       for f in dataclasses.fields(cls) if _SLEUTEL in f.metadata)
        cls._yaml_vorm = Object(velden, beschrijving, **object_)  # type: ignore[attr-defined]
        return cls
    return maak


def vorm_van(cls: type) -> Object:
    """The YAML shape of a model class declared with `yaml_vorm`."""
    vorm: Object = cls.__dict__["_yaml_vorm"]
    return vorm

