"""Where bb keeps its caches, and a cache of the code that `dataclasses` generates.

Python keeps the bytecode of modules in __pycache__, but not the methods a dataclass writes for
itself: `__init__`, `__repr__`, `__eq__`, `__hash__` and, when frozen, `__setattr__` and
`__delattr__` are compiled from source text every time a class is defined. A run of `bb advies`
defines 37 dataclasses; measured on the reference machine that is 55 ms of a 300 ms run, spent
compiling the same text as last time. `installeer` keeps the compiled code between runs, as
__pycache__ does for modules.

It cannot change what the code does: the key is the exact source text, compiled with the same
flags as `dataclasses` itself uses (no inherited `from __future__` flags), and the file belongs to
one Python build (its full version string is stored in the file and compared). A text not seen
before is compiled as usual and added; a damaged, foreign or unreadable file is ignored.
`BB_CACHE=uit` switches it off with the model cache.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from pathlib import Path
from typing import Any

MAX_STUKKEN = 4096  # dataclasses made at run time by other code must not grow the file without end


def cache_map() -> Path | None:
    """The folder for bb's caches: `BB_CACHE`, else the user's cache folder; None for `BB_CACHE=uit`."""
    eigen = os.environ.get("BB_CACHE")
    if eigen == "uit":
        return None
    if eigen:
        return Path(eigen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("bb", appauthor=False))


def bestand(map_: Path) -> Path:
    return map_ / f"dataclasses.{sys.implementation.cache_tag}.marshal"


def installeer() -> None:
    """Give `dataclasses` an `exec` that takes compiled code from the cache. Call it before the
    first dataclass is defined; a second call does nothing."""
    import dataclasses

    if "exec" in vars(dataclasses):
        return
    map_ = cache_map()
    if map_ is None:
        return
    pad = bestand(map_)
    stukken = _lees(pad)
    bekend = len(stukken)

    def exec_met_cache(bron: Any, *args: Any, **kwargs: Any) -> None:
        if type(bron) is str:
            code = stukken.get(bron)
            if code is None:
                code = compile(bron, "<string>", "exec", dont_inherit=True)
                if len(stukken) < MAX_STUKKEN:
                    stukken[bron] = code
            bron = code
        builtins.exec(bron, *args, **kwargs)

    dataclasses.exec = exec_met_cache  # type: ignore[attr-defined]  # shadows the builtin there only

    import atexit

    atexit.register(lambda: len(stukken) > bekend and _schrijf(pad, stukken))


def _lees(pad: Path) -> dict[str, Any]:
    try:
        inhoud = marshal.loads(pad.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if (not isinstance(inhoud, tuple) or len(inhoud) != 2 or inhoud[0] != sys.version
            or not isinstance(inhoud[1], dict)):
        return {}
    return inhoud[1]


def _schrijf(pad: Path, stukken: dict[str, Any]) -> None:
    """Atomically, and silently: a cache that cannot be written is no reason to fail."""
    tijdelijk = pad.with_name(f"{pad.name}.{os.getpid()}.tmp")
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk.write_bytes(marshal.dumps((sys.version, stukken)))
        os.replace(tijdelijk, pad)
    except (OSError, ValueError):
        try:
            tijdelijk.unlink(missing_ok=True)
        except OSError:
            pass
