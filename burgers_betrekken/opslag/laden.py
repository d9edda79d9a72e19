"""The one loader of a tree with its catalogue, for every command: each file read once, checked
against each other, and taken from the verified cache when the bytes are unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from burgers_betrekken.kern.model import Boom, Catalogus


def laad_catalogus(catalogus: Optional[Path], boom: Optional["Boom"] = None) -> "Catalogus":
    """The catalogue given, else the one the tree names, else the shipped one. The file is read
    once: the cache key and the model come from the same bytes."""
    from burgers_betrekken.lezen import bronnen
    from burgers_betrekken.opslag import modelcache
    from burgers_betrekken.kern.model import Catalogus
    from burgers_betrekken.lezen.bestanden import lees_bytes

    pad = bronnen.catalogus_bij(catalogus, boom.catalogus if boom is not None else None)
    data = lees_bytes(pad)
    return modelcache.geladen([(pad, data)], "catalogus", Catalogus, lambda: _lees_catalogus(pad, data),
                              _bases_ongewijzigd)


def _lees_catalogus(pad: Path, data: bytes) -> "Catalogus":
    from burgers_betrekken.lezen.catalogus import laad_catalogus as lees

    return lees(pad, data)


def laad(boom: Optional[str | Path], catalogus: Optional[Path]) -> tuple["Boom", "Catalogus"]:
    """The one loader of a tree with its catalogue, for every command: checked against each
    other, from the cache when unchanged. `boom`: a shipped tree's name or a path.
    Each file is read once: its cache key, its model and the record's sha256 come from the
    same bytes, so a file that changes meanwhile cannot mix two versions."""
    from burgers_betrekken.lezen import bronnen
    from burgers_betrekken.opslag import modelcache
    from burgers_betrekken.kern.model import Boom
    from burgers_betrekken.lezen.bestanden import lees_bytes

    boom_pad = boom if isinstance(boom, Path) else bronnen.boom_pad(boom)
    data = lees_bytes(boom_pad)
    b = modelcache.geladen([(boom_pad, data)], "boom", Boom, lambda: _lees_boom(boom_pad, data), _bases_ongewijzigd)
    c = laad_catalogus(catalogus, b)
    # keyed by both models' fingerprints, which cover their bases too
    modelcache.geladen([(boom_pad, b.sha256.encode()), (Path(c.bestand), c.sha256.encode())], "samenhang", bool,
                       lambda: _controleer(b, c))
    return b, c


def _bases_ongewijzigd(model: "Boom | Catalogus") -> bool:
    """A cached tree or catalogue that builds on other files holds only while each of them has
    the bytes it was built from; a base that changed, moved or cannot be read is a miss."""
    import hashlib

    from burgers_betrekken.kern.fouten import BbFout
    from burgers_betrekken.lezen.bestanden import lees_bytes

    for pad, sha in model.bases:
        try:
            if hashlib.sha256(lees_bytes(Path(pad))).hexdigest() != sha:
                return False
        except BbFout:
            return False
    return True


def _lees_boom(pad: Path, data: bytes) -> "Boom":
    from burgers_betrekken.lezen.boom import laad_boom

    return laad_boom(pad, data)


def _controleer(b: "Boom", c: "Catalogus") -> bool:
    from burgers_betrekken.lezen.catalogus import controleer_samenhang

    controleer_samenhang(b, c)
    return True
