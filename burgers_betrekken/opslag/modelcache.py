"""A cache of loaded, checked trees and catalogues, so a run that only reads them skips PyYAML and
the loaders.

The key is a hash of the files' bytes (the same bytes the model is then built from, read once by
the caller), their paths as given, the kind of model, and a fingerprint of bb's own code and of
Python: a changed file, a move, an edited loader or an upgrade is simply a different key, so a
stale model is never used. Only files that loaded without errors are cached.

An entry is unpickled only after `cachebestand` has checked that it is the user's own and its
HMAC (under bb's key, over kind, name and contents) is intact — a pickle is code, so one that bb
did not write itself is never loaded — and it is used only if it is a model of the expected type.
Anything else — damaged, foreign, renamed, or failing to load — is a miss: the files are read as
usual and the entry is replaced.
"""

from __future__ import annotations

import copyreg
import hashlib
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Sequence, TypeVar

from burgers_betrekken import __version__

from burgers_betrekken.opslag import cachebestand
from burgers_betrekken.kern.model import _bevroren

T = TypeVar("T")
HOUD = 64  # entries kept: trees and catalogues in use, with room for a few versions of each
NAMEN = r"[0-9a-f]{64}\.pickle"  # the names of its entries: only these are ever pruned

copyreg.pickle(MappingProxyType, lambda m: (_bevroren, (dict(m),)))  # the model freezes its mappings


@lru_cache(maxsize=1)
def code_vingerafdruk() -> bytes:
    """sha256 over bb's version, the Python build and the source of every module of bb: a changed
    loader or model class never reads an entry written by the old one."""
    h = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    pakket = Path(__file__).parent.parent  # burgers_betrekken/, above opslag/
    for bron in sorted(pakket.rglob("*.py")):
        h.update(bron.relative_to(pakket).as_posix().encode() + b"\0")
        try:
            h.update(bron.read_bytes())
        except OSError:
            h.update(b"?")
        h.update(b"\0")
    return h.digest()


def geladen(bronnen: Sequence[tuple[Path, bytes]], soort: str, verwacht: type[T],
            lader: Callable[[], T], actueel: Callable[[T], bool] = lambda _: True) -> T:
    """`lader()`, or the same result from the cache when these exact bytes were loaded before.
    `bronnen`: each file's path and the bytes `lader` builds from. `actueel`: whether a cached
    result still holds (a tree that builds on another: its base is unchanged); if not, it is a miss."""
    map_ = cachebestand.cache_map()
    if map_ is None:
        return lader()
    sleutel = hashlib.sha256(soort.encode() + b"\0" + code_vingerafdruk())
    for pad, data in bronnen:
        sleutel.update(b"\0" + str(pad).encode("utf-8", "surrogatepass") + b"\0")
        sleutel.update(hashlib.sha256(data).digest())
    bestand = map_ / f"{sleutel.hexdigest()}.pickle"
    soort_b = f"model {soort}".encode()
    inhoud = cachebestand.lees(bestand, soort_b)
    if inhoud is not None:
        try:
            model = pickle.loads(inhoud)
        except Exception:  # written by another version of a class, or otherwise unreadable
            model = None
        if type(model) is verwacht and actueel(model):
            cachebestand.gebruikt(bestand)
            return model  # type: ignore[no-any-return]
        cachebestand.weg(bestand)
    model = lader()  # raises on any problem: nothing is cached then
    try:
        inhoud = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return model
    cachebestand.schrijf(bestand, soort_b, inhoud)
    cachebestand.ruim_op(map_, NAMEN, HOUD)
    return model
