"""A cache of loaded, checked trees and catalogues, so a run that only reads them skips PyYAML and
the loaders. The key is a hash of the file's bytes, its path as given, the kind of file and the
versions of bb and Python: a changed file (or a move, or an upgrade) is simply a different key,
so a stale model is never used. Only files that loaded without errors are cached.

The cache lives in the user's cache folder (platformdirs), or in `BB_CACHE`; `BB_CACHE=uit`
switches it off (see `codecache.cache_map`). A damaged or unreadable entry is ignored and the file is read as usual.
"""

from __future__ import annotations

import copyreg
import hashlib
import os
import pickle
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Callable, TypeVar

from burgers_betrekken import __version__
from burgers_betrekken.codecache import cache_map
from burgers_betrekken.model import _bevroren

T = TypeVar("T")

copyreg.pickle(MappingProxyType, lambda m: (_bevroren, (dict(m),)))  # the model freezes its mappings


def geladen(paden: list[Path], soort: str, lader: Callable[[], T]) -> T:
    """`lader()`, or the same result from the cache when these exact files were loaded before."""
    map_ = cache_map()
    if map_ is None:
        return lader()
    sleutel = hashlib.sha256(b"\0".join([soort.encode(), __version__.encode(), sys.version.encode()]))
    for pad in paden:
        try:
            sleutel.update(b"\0" + str(pad).encode("utf-8", "surrogatepass") + b"\0" + pad.read_bytes())
        except OSError:
            return lader()  # the loader reports why the file cannot be read
    bestand = map_ / f"{sleutel.hexdigest()}.pickle"
    try:
        return pickle.loads(bestand.read_bytes())  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:  # damaged, or written by another version of a class: read the files instead
        bestand.unlink(missing_ok=True)
    model = lader()  # raises on any problem: nothing is cached then
    try:
        map_.mkdir(parents=True, exist_ok=True)
        tijdelijk = bestand.with_suffix(f".{os.getpid()}.tmp")
        tijdelijk.write_bytes(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tijdelijk, bestand)
    except OSError:
        pass  # a cache that cannot be written is no reason to fail
    return model
