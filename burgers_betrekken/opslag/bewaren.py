"""Autosave: the answers of an unfinished `bb advies`, written to the user's data folder the
moment each answer is given, so Ctrl-C, a closed terminal or a crash loses nothing.

One file per session, `<datamap>/lopend/<boom-id>.json`, replaced atomically. A running session
holds its file with a lock; a second `bb advies` on the same tree meanwhile gets its own file
(`<boom-id>.2.json`, ...), so neither overwrites the other, and at the next start the user chooses
which one to continue. The data folder is platformdirs' user data dir for "bb", or `BB_DATAMAP`
when set (tests, portable installs); see `datamap`. No output the user names may be a file there.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Mapping

from burgers_betrekken.lezen.bestanden import BestaatAl, lees_bytes, mag_schrijven, oorzaak, schrijf_tekst
from burgers_betrekken.kern.fouten import InvoerFout
from burgers_betrekken.kern.model import WEET_NIET, Boom
from burgers_betrekken.opslag import cachebestand

VERSIE = 1


def datamap() -> Path:
    """The first of these folders that bb can write in: `BB_DATAMAP` (an absolute path), the
    user's data folder, and else a folder of the user's own in the temporary folder. A container
    started with `-u UID` has no home folder, or `HOME=/`, which such a user cannot write in: the
    answers and the record of an advice are then still kept while bb runs there, never lost to a
    folder bb cannot write. (The first two: `cachebestand.gewone_datamap`, which also holds the
    key of the caches and must be found before any dataclass is made.)"""
    return cachebestand.gewone_datamap() or _tijdelijke_datamap()


def controleer_uitvoer(pad: Path, overschrijf: bool) -> None:
    """The checks of every output the user names, before the work that makes it: not in bb's own
    data folder, and nothing `bestanden.mag_schrijven` refuses."""
    niet_in_datamap(pad)
    mag_schrijven(pad, overschrijf)


def niet_in_datamap(pad: Path) -> None:
    """Refuse an output in bb's own data folder, after resolving links and `..`: written over an
    autosave it would be deleted as the finished session's own file, and the autosaves and
    records there are bb's to replace and remove."""
    try:
        eigen = datamap().resolve()
        doel = Path(os.path.abspath(pad)).resolve()
    except (InvoerFout, OSError, RuntimeError):  # no data folder, or a loop of links: nothing of bb's
        return
    if doel == eigen or eigen in doel.parents:
        raise InvoerFout(f"'{pad}' ligt in de map waarin bb zijn eigen gegevens bewaart ({eigen}); kies een "
                         f"plek daarbuiten")


def _tijdelijke_datamap() -> Path:
    import tempfile

    uid = os.getuid() if hasattr(os, "getuid") else 0
    map_ = Path(tempfile.gettempdir()) / f"bb-{uid}"
    try:
        map_.mkdir(mode=0o700, exist_ok=True)
        st = os.lstat(map_)
    except OSError as e:
        raise InvoerFout(f"er is geen thuismap waarin bb kan schrijven, en '{map_}' kan niet worden gemaakt "
                         f"({oorzaak(e)}); zet HOME of BB_DATAMAP") from None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != uid or st.st_mode & 0o077:
        raise InvoerFout(f"er is geen thuismap waarin bb kan schrijven, en '{map_}' is niet van u alleen; "
                         f"zet HOME of BB_DATAMAP")
    return map_


def pad_voor(boom_id: str, nummer: int = 1) -> Path:
    """The autosave of session `nummer` for a tree: the first is `<boom-id>.json`, a session
    started while another one runs gets `<boom-id>.<n>.json`."""
    naam = f"{boom_id}.json" if nummer == 1 else f"{boom_id}.{nummer}.json"
    return datamap() / "lopend" / naam


def schrijf_verslag(boom_id: str, gemaakt: datetime, tekst: str) -> Path:
    """Write the record of an advice answered on the screen without --uitvoer to a name of its
    own in the data folder, also for two advices in the same second: each name is created
    exclusively, and a name taken meanwhile moves on to the next."""
    basis = f"{boom_id}-{gemaakt.strftime('%Y%m%d-%H%M%S')}"
    map_ = datamap() / "verslagen"
    n = 1
    while True:
        pad = map_ / (f"{basis}.md" if n == 1 else f"{basis}-{n}.md")
        try:
            schrijf_tekst(pad, tekst)
            return pad
        except BestaatAl:
            n += 1


@dataclass(frozen=True)
class Lopend:
    """A saved, unfinished run."""

    boom_id: str
    boom_hash: str
    antwoorden: dict[str, str]
    bijgewerkt: datetime
    pad: Path


# --- sessions: one autosave per running `bb advies`, held with a lock -------------------------

_VAST: dict[Path, int] = {}  # autosaves this process holds, with the descriptor of their lock


def neem(pad: Path) -> bool:
    """Hold the autosave `pad` for this process; False when another running `bb advies` holds it.
    The lock is released when the process ends, however it ends."""
    if pad in _VAST:
        return True
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): one session at a time, as before
        return True
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        # never through a link (it would create a file where it points), never waiting on a FIFO
        fd = os.open(pad.with_name(f".{pad.name}.lock"), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK,
                     0o600)
    except OSError:
        return True  # the autosave itself will report that the folder cannot be written
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False
    _VAST[pad] = fd
    return True


def laat_los(pad: Path) -> None:
    fd = _VAST.pop(pad, None)
    if fd is not None:
        os.close(fd)


def _sessiepaden(boom_id: str) -> list[Path]:
    map_ = datamap() / "lopend"
    try:
        extra = [p for p in map_.glob(f"{boom_id}.*.json") if p.name[len(boom_id) + 1:-5].isdigit()]
    except OSError:
        extra = []
    extra.sort(key=lambda p: int(p.name[len(boom_id) + 1:-5]))
    return [pad_voor(boom_id), *extra]


def onafgemaakt(boom_id: str) -> tuple[list[Lopend], int, list[str]]:
    """The saved, unfinished sessions for this tree that no running `bb advies` holds, newest
    first (this process now holds them; `laat_los` the ones it does not continue), how many
    are in use elsewhere, and a short note for each entry that is no autosave at all (a FIFO, a
    device, a link out of the data folder), which is skipped unopened. A damaged autosave is
    reported, not silently skipped."""
    vrij: list[Lopend] = []
    bezet = 0
    overgeslagen: list[str] = []
    for pad in _sessiepaden(boom_id):
        if not pad.exists():
            continue
        reden = _geen_autosave(pad)
        if reden is not None:
            overgeslagen.append(f"let op: '{pad}' {reden} en wordt overgeslagen (weg ermee: bb advies --vergeet)")
            continue
        if not neem(pad):
            bezet += 1
            continue
        lopend = lees(pad)
        if lopend is not None:
            vrij.append(lopend)
    vrij.sort(key=lambda lo: (lo.bijgewerkt, _mtime(lo.pad)), reverse=True)
    return vrij, bezet, overgeslagen


def _geen_autosave(pad: Path) -> str | None:
    """Why `pad` cannot be an autosave, from its metadata alone (nothing is opened): it is a
    link (bb writes its sessions as regular files and never through a link, so a link is not
    bb's and would not be written on), or no regular file. None when it may be one."""
    try:
        if pad.is_symlink():
            return "is een koppeling (geen sessie van bb)"
        modus = os.stat(pad).st_mode
    except (OSError, ValueError):
        return None  # gone meanwhile, or unreadable: lees says which
    return None if stat.S_ISREG(modus) else "is geen gewoon bestand"


def _mtime(pad: Path) -> int:
    try:
        return pad.stat().st_mtime_ns
    except OSError:
        return 0


def nieuwe_plek(boom_id: str) -> Path:
    """An autosave for a new session: the first one that has no saved answers and that no
    running `bb advies` holds."""
    nummer = 1
    while True:
        pad = pad_voor(boom_id, nummer)
        if not pad.exists() and neem(pad):
            return pad
        nummer += 1


def bewaar(pad: Path, boom: Boom, boom_hash: str, antwoorden: Mapping[str, str]) -> Path:
    data = {"versie": VERSIE, "boom": boom.id, "sha256": boom_hash, "antwoorden": dict(antwoorden),
            "bijgewerkt": datetime.now().astimezone().isoformat(timespec="seconds")}
    schrijf_tekst(pad, json.dumps(data, ensure_ascii=False, indent=1) + "\n", overschrijf=True)
    return pad


def lees(pad: Path) -> Lopend | None:
    """The saved run in `pad`, or None. Read with the bounded reader of every input, and only a
    regular file. A damaged file is reported, not silently ignored. A time without a zone is
    local time, so every autosave's time compares with every other's."""
    if not pad.exists():
        return None
    try:
        data = json.loads(lees_bytes(pad, alleen_bestand=True).decode("utf-8"))
        antwoorden = {str(k): str(v) for k, v in data["antwoorden"].items()}
        bijgewerkt = datetime.fromisoformat(data["bijgewerkt"])
        return Lopend(str(data["boom"]), str(data["sha256"]), antwoorden,
                      bijgewerkt if bijgewerkt.tzinfo is not None else bijgewerkt.astimezone(), pad)
    except InvoerFout as e:  # too large, no regular file, unreadable, or gone meanwhile
        if not pad.exists():
            return None
        raise InvoerFout(f"de bewaarde sessie in '{pad}' is niet te gebruiken: {e.bericht}; "
                         f"verwijder die met: bb advies --vergeet") from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError) as e:
        raise InvoerFout(f"de bewaarde sessie in '{pad}' is beschadigd ({e.__class__.__name__}); "
                         f"verwijder die met: bb advies --vergeet") from None


def vergeet_pad(pad: Path) -> None:
    """Delete one saved run (a finished session's own autosave)."""
    try:
        pad.unlink()
    except FileNotFoundError:
        pass
    except OSError as e:
        raise InvoerFout(f"kan '{pad}' niet verwijderen: {oorzaak(e)}") from None


def vergeet(boom_id: str) -> list[Path]:
    """Delete every saved run of this tree that no running `bb advies` holds; returns their paths."""
    weg = []
    for pad in _sessiepaden(boom_id):
        if pad.exists() and neem(pad):
            vergeet_pad(pad)
            laat_los(pad)
            weg.append(pad)
    return weg


def nog_geldig(boom: Boom, antwoorden: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The saved answers the (possibly changed) tree still accepts, and the question ids dropped."""
    geldig, weg = {}, []
    for vraag_id, antwoord in antwoorden.items():
        vraag = boom.vragen.get(vraag_id)
        if vraag is not None and (vraag.optie(antwoord) is not None
                                  and (antwoord != WEET_NIET or vraag.weet_niet is not None)):
            geldig[vraag_id] = antwoord
        else:
            weg.append(vraag_id)
    return geldig, weg
