"""Where bb keeps its caches, and how an entry is written and when it is trusted.

A cache may make `bb` faster, never wrong and never unsafe. So:

- The folder is used only if it is the user's own and nobody else can write in it; otherwise
  bb runs without a cache (the same output, a little slower). Without a home folder (a container
  started with `-u UID`) there is no default folder, and no cache.
- Every entry starts with a header that names its kind and a sha256 over kind and contents.
  An entry is read only if it is a regular file of the user's own that others cannot write, and
  its checksum matches; anything else is a miss. Only then does the caller unmarshal or unpickle,
  and a failure there is a miss too.
- Entries are written to a temporary file and renamed, with mode 0600; old entries are pruned.

`BB_CACHE` names another folder (an absolute path: a relative one is refused with a warning, as it
would put cache files in whatever folder bb runs in); `BB_CACHE=uit` (or off, 0, false, nee, no,
none, in any case) switches the caches off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import time
from pathlib import Path

MAGIE = b"bb-cache 2\n"
MAX_GROOTTE = 64 * 1024 * 1024  # no entry bb writes comes near; a bigger file is not ours
OUD_TIJDELIJK = 3600  # seconds after which a left-over temporary file is removed


def cache_map() -> Path | None:
    """The folder for bb's caches, if it can be trusted: `BB_CACHE`, else the user's cache
    folder; None for `BB_CACHE=uit`, without a home folder, or for a folder that is not the
    user's own or that others can write in."""
    if os.environ.get("BB_CACHE", "").strip().lower() in UIT:
        return None
    if os.environ.get("BB_CACHE", "").strip():
        map_ = map_uit_omgeving("BB_CACHE", "bb werkt zonder cache")
    else:
        map_ = _standaard_map()
    return map_ if map_ is not None and _vertrouwd(map_) else None


UIT = frozenset({"uit", "off", "0", "false", "nee", "no", "none"})
"""The ways to say "off" in `BB_CACHE`."""

_GEWAARSCHUWD: set[str] = set()


def map_uit_omgeving(naam: str, anders: str) -> Path | None:
    """The folder the environment variable `naam` names; None when it is unset or empty, or names
    a relative path: that would put bb's files in whatever folder bb runs in, so it is refused
    with one warning per process that says what bb does `anders`."""
    waarde = os.environ.get(naam, "")
    if not waarde.strip():
        return None
    if os.path.isabs(waarde):
        return Path(waarde)
    if naam not in _GEWAARSCHUWD:
        import sys

        from burgers_betrekken.kern.woorden import veilig

        _GEWAARSCHUWD.add(naam)
        print(f"let op: {naam}='{veilig(waarde)}' is geen volledig pad; {anders}. Geef een volledig pad "
              f"(zoals /home/u/bb) of zet {naam} niet.", file=sys.stderr)
    return None


def _standaard_map() -> Path | None:
    import platformdirs

    try:
        map_ = Path(platformdirs.user_cache_dir("bb", appauthor=False))
    except (RuntimeError, KeyError, OSError):  # no HOME and no entry in the password database
        return None
    return map_ if map_.is_absolute() else None


def _eigen(st: os.stat_result) -> bool:
    """Owned by this user and not writable by group or others."""
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _vertrouwd(map_: Path) -> bool:
    try:
        st = os.stat(map_)
    except FileNotFoundError:
        try:
            map_.mkdir(parents=True, mode=0o700, exist_ok=True)
            st = os.stat(map_)
        except OSError:
            return False
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _eigen(st)


def _kop(soort: bytes, inhoud: bytes) -> bytes:
    return MAGIE + hashlib.sha256(soort + b"\0" + inhoud).digest()


def lees(pad: Path, soort: bytes) -> bytes | None:
    """The contents of an entry of this kind, or None: missing, not the user's own, writable by
    others, not a regular file, too big, damaged or of another kind (checksum). The caller
    rebuilds and writes the entry again under the same name."""
    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _eigen(st) or st.st_size > MAX_GROOTTE:
            return None
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(MAX_GROOTTE + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    lengte = len(MAGIE) + 32
    if len(data) < lengte or data[:lengte] != _kop(soort, data[lengte:]):
        return None
    return data[lengte:]


def schrijf(pad: Path, soort: bytes, inhoud: bytes) -> None:
    """Atomically, mode 0600, and silently: a cache that cannot be written is no reason to fail."""
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(_kop(soort, inhoud) + inhoud)
        os.replace(tijdelijk, pad)
    except Exception:
        weg(Path(tijdelijk))
    except BaseException:  # Ctrl-C mid-write: no temporary file is left behind
        weg(Path(tijdelijk))
        raise


def weg(pad: Path) -> None:
    try:
        pad.unlink()
    except OSError:
        pass


def ruim_op(map_: Path, patroon: str, houd: int) -> None:
    """Keep the `houd` most recently used entries matching `patroon`, and remove temporary files
    that a killed process left behind."""
    try:
        bestanden = list(map_.glob(patroon))
        tijdelijk = list(map_.glob(".*.tmp"))
    except OSError:
        return
    nu = time.time()
    for t in tijdelijk:
        try:
            if nu - t.stat().st_mtime > OUD_TIJDELIJK:
                weg(t)
        except OSError:
            pass
    if len(bestanden) <= houd:
        return
    leeftijd = []
    for b in bestanden:
        try:
            leeftijd.append((b.stat().st_mtime, b))
        except OSError:
            pass
    for _, b in sorted(leeftijd)[: len(leeftijd) - houd]:
        weg(b)


def gebruikt(pad: Path) -> None:
    """Mark an entry as just used, so pruning keeps it."""
    try:
        os.utime(pad)
    except OSError:
        pass
