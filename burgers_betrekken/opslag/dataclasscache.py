"""A cache of the code that `dataclasses` generates.

Python keeps the bytecode of modules in __pycache__, but not the methods a dataclass writes for
itself: `__init__`, `__repr__`, `__eq__`, `__hash__` and, when frozen, `__setattr__` and
`__delattr__` are compiled from source text every time a class is defined. A run of `bb advies`
defines 37 dataclasses; measured on the reference machine that is 55 ms of a 300 ms run, spent
compiling the same text as last time. `installeer` keeps the compiled code between runs, as
__pycache__ does for modules.

It cannot change what the code does: the key is the exact source text, compiled with the same
flags as `dataclasses` itself uses (no inherited `from __future__` flags), and the entry belongs to
one Python build (its full version string is part of the entry's kind). The file is trusted only
as `cachebestand` says (the user's own, its HMAC under bb's key intact: code that bb did not
write itself never runs) and its contents only if they are a mapping from text to code; anything
else is a miss. A text not seen before is compiled as usual
and added. `BB_CACHE=uit` switches it off with the model cache.
"""

from __future__ import annotations

import builtins
import marshal
import re
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from burgers_betrekken.opslag import cachebestand
from burgers_betrekken.opslag.cachebestand import cache_map

MAX_STUKKEN = 4096  # dataclasses made at run time by other code must not grow the file without end
SOORT = f"dataclasses {sys.version}".encode()  # an entry belongs to one Python build


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
    stukken = lees(pad)
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


def lees(pad: Path) -> dict[str, CodeType]:
    """The cached code, or nothing: an entry that is not the user's own, damaged, or not a mapping
    from source text to code is a miss, and the code is compiled as usual."""
    inhoud = cachebestand.lees(pad, SOORT)
    if inhoud is None:
        return {}
    try:
        stukken = marshal.loads(inhoud)
    except Exception:
        return {}
    if not isinstance(stukken, dict) or not all(
            type(k) is str and type(v) is CodeType and v.co_filename == "<string>" for k, v in stukken.items()):
        cachebestand.weg(pad)
        return {}
    return stukken


def _schrijf(pad: Path, stukken: dict[str, CodeType]) -> None:
    try:
        inhoud = marshal.dumps(stukken)
    except ValueError:
        return
    cachebestand.schrijf(pad, SOORT, inhoud)
    cachebestand.ruim_op(pad.parent, re.escape(pad.name), 1)  # a temporary file a killed bb left behind
