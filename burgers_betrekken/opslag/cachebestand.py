"""Where bb keeps its caches, and how an entry is written and when it is trusted.

A cache may make `bb` faster, never wrong and never unsafe. So:

- The folder is used only if it is the user's own and nobody else can write in it; otherwise
  bb runs without a cache (the same output, a little slower). Without a home folder (a container
  started with `-u UID`) there is no default folder, and no cache. bb keeps its entries in a
  subfolder of its own (`SUBMAP`), so that `BB_CACHE=$HOME` never mixes them with the user's files,
  and creates and prunes nothing but its own names there.
- Every entry starts with a header: an HMAC-sha256 over its kind, its file name and its contents,
  under a random key that bb makes once in its data folder (`gewone_datamap`), outside the cache
  and readable by the user only. Only bb on this account can write an entry that reads back: a
  cache folder copied from elsewhere, an entry written by anyone without the key, or two valid
  entries under each other's name, are all misses. Without a safe key there is no cache.
- An entry is read only if it is a regular file of the user's own that others cannot write, and
  its header matches; anything else is a miss. Only then does the caller unmarshal or unpickle,
  and a failure there is a miss too.
- Entries are written to a temporary file and renamed, with mode 0600; old entries are pruned.

`BB_CACHE` names another folder (an absolute path: a relative one is refused with a warning, as it
would put cache files in whatever folder bb runs in); `BB_CACHE=uit` (or off, 0, false, nee, no,
none, in any case) switches the caches off.
"""

from __future__ import annotations

import hmac
import os
import re
import stat
import time
from pathlib import Path

MAGIE = b"bb-cache 3\n"
SUBMAP = "bb-cache-v1"  # bb's own folder inside the cache folder: the only place it writes or prunes
SLEUTEL = "cache-sleutel"  # the key's file in the data folder
MAX_GROOTTE = 64 * 1024 * 1024  # no entry bb writes comes near; a bigger file is not ours
OUD_TIJDELIJK = 3600  # seconds after which a left-over temporary file is removed


def cache_map() -> Path | None:
    """bb's own subfolder of the folder for its caches (`BB_CACHE`, else the user's cache folder),
    if it can be trusted; None for `BB_CACHE=uit`, without a home folder, for a folder that is not
    the user's own or that others can write in, a subfolder that is a link, or without a safe key."""
    if os.environ.get("BB_CACHE", "").strip().lower() in UIT:
        return None
    if os.environ.get("BB_CACHE", "").strip():
        map_ = map_uit_omgeving("BB_CACHE", "bb werkt zonder cache")
    else:
        map_ = _standaard_map()
    if map_ is None or not _vertrouwd(map_) or _sleutel() is None:
        return None
    eigen = map_ / SUBMAP
    return eigen if _vertrouwd(eigen) and not eigen.is_symlink() else None


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
    _waarschuw(naam, waarde, f"is geen volledig pad; {anders}. Geef een volledig pad (zoals /home/u/bb) of "
                             f"zet {naam} niet.")
    return None


def _waarschuw(naam: str, waarde: str, wat: str) -> None:
    """"let op: NAAM='waarde' <wat>" on stderr, once per process and variable."""
    if naam not in _GEWAARSCHUWD:
        import sys

        from burgers_betrekken.kern.woorden import veilig

        _GEWAARSCHUWD.add(naam)
        print(f"let op: {naam}='{veilig(waarde)}' {wat}", file=sys.stderr)


def _standaard_map() -> Path | None:
    import platformdirs

    try:
        map_ = Path(platformdirs.user_cache_dir("bb", appauthor=False))
    except (RuntimeError, KeyError, OSError):  # no HOME and no entry in the password database
        return None
    return map_ if map_.is_absolute() else None


def gewone_datamap() -> Path | None:
    """bb's data folder if it can write there: `BB_DATAMAP` (an absolute path), else the user's
    data folder; None without either (`bewaren.datamap` then falls back to the temporary folder).
    A BB_DATAMAP bb cannot write in is said once and gives None too: the user chose another place
    than the real data folder, so bb never writes there instead. Light to call: the dataclass cache
    needs it before the first dataclass is made."""
    eigen = map_uit_omgeving("BB_DATAMAP", "bb gebruikt de gewone map voor zijn gegevens")
    if eigen is not None:
        if _beschrijfbaar(eigen):
            return eigen
        _waarschuw("BB_DATAMAP", str(eigen), "is geen map waarin bb kan schrijven; bb bewaart antwoorden en "
                   "verslagen nu in een eigen map in de tijdelijke map (bb-<uid>) en werkt zonder cache. Geef een "
                   "map waarin u kunt schrijven, of zet BB_DATAMAP niet.")
        return None
    import platformdirs

    try:
        map_ = Path(platformdirs.user_data_dir("bb", appauthor=False))
        if map_.is_absolute() and _beschrijfbaar(map_):
            return map_
    except (RuntimeError, KeyError, OSError):
        pass
    return None


def _beschrijfbaar(map_: Path) -> bool:
    """Whether bb can keep files in `map_`: the nearest part of it that exists is a folder this
    user can write in (bb makes the rest)."""
    for deel in (map_, *map_.parents):
        try:
            st = os.stat(deel)
        except FileNotFoundError:
            continue
        except OSError:
            return False
        return stat.S_ISDIR(st.st_mode) and os.access(deel, os.W_OK | os.X_OK)
    return False


_SLEUTELS: dict[Path | None, bytes | None] = {}


def _sleutel() -> bytes | None:
    """The key of the caches, made once (32 random bytes) in the data folder; None, and no cache,
    when there is no data folder of the user's own or the key in it is not safe. Read once per
    process and folder."""
    map_ = gewone_datamap()
    if map_ not in _SLEUTELS:
        _SLEUTELS[map_] = None if map_ is None else _lees_of_maak_sleutel(map_)
    return _SLEUTELS[map_]


def _lees_of_maak_sleutel(map_: Path) -> bytes | None:
    if not _vertrouwd(map_):
        return None
    pad = map_ / SLEUTEL
    for _ in range(2):
        try:
            fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            if not _maak_sleutel(pad):
                return None
            continue
        except OSError as e:
            import errno

            return _onveilige_sleutel(pad, "is een koppeling" if e.errno == errno.ELOOP else "kan niet worden gelezen")
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return _onveilige_sleutel(pad, "is geen gewoon bestand")
            if not _eigen(st) or st.st_mode & 0o077:
                return _onveilige_sleutel(pad, "is niet van u alleen")
            sleutel = os.read(fd, 33)
        except OSError:
            return _onveilige_sleutel(pad, "kan niet worden gelezen")
        finally:
            os.close(fd)
        return sleutel if len(sleutel) == 32 else _onveilige_sleutel(pad, "is beschadigd")
    return None


def _maak_sleutel(pad: Path) -> bool:
    """Write a new key under a temporary name and link it into place: a process that reads the key
    meanwhile sees either no key or the whole of one, and of two made at once one wins."""
    import secrets

    tijdelijk = _nieuw_tijdelijk(pad)
    if tijdelijk is None:
        return False
    fd, naam = tijdelijk
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
            f.flush()
            os.fsync(f.fileno())
        os.link(naam, pad)
    except FileExistsError:
        pass  # another bb made it at the same moment: read that one
    except OSError:
        return False
    finally:
        weg(naam)
    return True


def _onveilige_sleutel(pad: Path, wat: str) -> None:
    if SLEUTEL not in _GEWAARSCHUWD:
        import sys

        from burgers_betrekken.kern.woorden import veilig

        _GEWAARSCHUWD.add(SLEUTEL)
        print(f"let op: de sleutel van de cache '{veilig(str(pad))}' {wat}; bb werkt zonder cache. Verwijder "
              f"het bestand, dan maakt bb een nieuwe.", file=sys.stderr)
    return None


def _eigen(st: os.stat_result) -> bool:
    """Owned by this user and not writable by group or others."""
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _vertrouwd(map_: Path) -> bool:
    """`map_` is a folder of the user's own that others cannot write in; made (mode 0700) if missing."""
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


def _kop(sleutel: bytes, soort: bytes, naam: str, inhoud: bytes) -> bytes:
    h = hmac.new(sleutel, soort + b"\0" + naam.encode("utf-8", "surrogateescape") + b"\0", "sha256")
    h.update(inhoud)
    return MAGIE + h.digest()


def lees(pad: Path, soort: bytes) -> bytes | None:
    """The contents of an entry of this kind, or None: missing, not the user's own, writable by
    others, not a regular file, too big, damaged, of another kind, under another name or not
    written with this key (header). The caller rebuilds and writes the entry again under the
    same name."""
    sleutel = _sleutel()
    if sleutel is None:
        return None
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
    inhoud = data[lengte:]
    if len(data) < lengte or not hmac.compare_digest(data[:lengte], _kop(sleutel, soort, pad.name, inhoud)):
        return None
    return inhoud


def schrijf(pad: Path, soort: bytes, inhoud: bytes) -> None:
    """Atomically, mode 0600, and silently: a cache that cannot be written is no reason to fail."""
    sleutel = _sleutel()
    tijdelijk = None if sleutel is None else _nieuw_tijdelijk(pad)
    if sleutel is None or tijdelijk is None:
        return
    fd, naam = tijdelijk
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(_kop(sleutel, soort, pad.name, inhoud) + inhoud)
        os.replace(naam, pad)
    except Exception:
        weg(naam)
    except BaseException:  # Ctrl-C mid-write: no temporary file is left behind
        weg(naam)
        raise


def _tijdelijk_patroon(namen: str) -> re.Pattern[str]:
    """The temporary files bb writes for the names `namen` (a regular expression) match."""
    return re.compile(rf"\.(?:{namen})\.[0-9a-f]{{16}}\.tmp")


def _nieuw_tijdelijk(pad: Path) -> tuple[int, Path] | None:
    """A new file `.<name>.<16 hex>.tmp` beside `pad`, created exclusively (never through a link),
    mode 0600: the one form of temporary file that `ruim_op` removes."""
    import secrets

    for _ in range(3):
        naam = pad.with_name(f".{pad.name}.{secrets.token_hex(8)}.tmp")
        try:
            return os.open(naam, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600), naam
        except FileExistsError:
            continue
        except OSError:
            return None
    return None


def weg(pad: Path) -> None:
    try:
        pad.unlink()
    except OSError:
        pass


def ruim_op(map_: Path, namen: str, houd: int) -> None:
    """Keep the `houd` most recently used entries whose whole name matches the regular expression
    `namen`, and remove their temporary files that a killed process left behind. Nothing else in
    the folder is touched, whatever its name."""
    item = re.compile(namen)
    los = _tijdelijk_patroon(namen)
    try:
        with os.scandir(map_) as inhoud:
            eigen = [Path(d.path) for d in inhoud if d.is_file(follow_symlinks=False)]
    except OSError:
        return
    bestanden = [p for p in eigen if item.fullmatch(p.name)]
    tijdelijk = [p for p in eigen if los.fullmatch(p.name)]
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
