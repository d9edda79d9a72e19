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
    from burgers_betrekken.kern.fouten import BbFout
    from burgers_betrekken.kern.model import Catalogus
    from burgers_betrekken.lezen import bronnen
    from burgers_betrekken.lezen.bestanden import lees_bytes
    from burgers_betrekken.opslag import modelcache

    genoemd = catalogus is None and boom is not None and boom.catalogus
    if genoemd:  # named in the tree: refused or unreadable is said at that line
        assert boom is not None
        pad, data = bronnen.lees_genoemde(boom)
    else:
        pad = catalogus or bronnen.standaard_catalogus()
        data = lees_bytes(pad)
    try:
        return modelcache.geladen([(pad, data)], "catalogus", Catalogus, lambda: _lees_catalogus(pad, data),
                                  _bases_ongewijzigd)
    except BbFout as e:
        if not genoemd:
            raise
        assert boom is not None
        raise type(e)(problemen=bronnen.van_boom(e.problemen, boom)) from None


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
    the bytes it was built from and may still be read from where it is (BB_BASISMAPPEN may have
    changed); otherwise it is a miss, and reading the file again says what is wrong where."""
    import hashlib

    from burgers_betrekken.kern.fouten import BbFout
    from burgers_betrekken.lezen.bestanden import lees_bytes
    from burgers_betrekken.lezen.bronnen import buiten_bereik

    verwijzer = model.bestand  # each base is named in the file before it in the chain
    for pad, sha in model.bases:
        if buiten_bereik(Path(pad), Path(verwijzer)):
            return False
        verwijzer = pad
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
