"""Reading and writing files safely: an input is read once and never without end; an output is
never half a file, never an existing file by accident; and a Dutch message for every way
reading or writing can fail."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from burgers_betrekken.errors import InvoerFout


def schrijf_tekst(pad: Path, tekst: str, overschrijf: bool = False) -> None:
    """Write `tekst` as UTF-8 to `pad` atomically (a temporary file next to it, then renamed).
    Refuses to replace an existing file unless `overschrijf`. Creates missing folders."""
    if pad.exists() and not overschrijf:
        raise InvoerFout(f"'{pad}' bestaat al; kies een andere naam of geef --overschrijf")
    if pad.is_dir():
        raise InvoerFout(f"'{pad}' is een map, geen bestand")
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(tekst)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tijdelijk, pad)
        except BaseException:
            Path(tijdelijk).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise _os_fout(e, pad, "schrijven") from None


def _os_fout(e: OSError, pad: Path, werkwoord: str) -> InvoerFout:
    """One Dutch message for each way reading or writing a file can fail."""
    if isinstance(e, FileNotFoundError) and werkwoord == "lezen":
        return InvoerFout(f"bestand niet gevonden: {pad}")
    if isinstance(e, IsADirectoryError):
        return InvoerFout(f"'{pad}' is een map, geen bestand")
    if isinstance(e, PermissionError):
        return InvoerFout(f"geen toestemming om '{pad}' te {werkwoord}")
    if isinstance(e, FileExistsError):
        return InvoerFout(f"kan de map voor '{pad}' niet maken: er staat een bestand met die naam")
    if isinstance(e, NotADirectoryError):
        return InvoerFout(f"kan '{pad}' niet {werkwoord}: een deel van het pad is een bestand, geen map")
    if e.errno == errno.ENOSPC:
        return InvoerFout(f"kan '{pad}' niet {werkwoord}: de schijf is vol")
    if e.errno == errno.ENOENT:
        return InvoerFout(f"kan '{pad}' niet {werkwoord}: de map '{pad.parent}' bestaat niet en kan niet "
                          f"worden gemaakt")
    if e.errno == errno.EROFS:
        return InvoerFout(f"kan '{pad}' niet {werkwoord}: de schijf is alleen-lezen")
    return InvoerFout(f"kan '{pad}' niet {werkwoord}: {e.strerror or e}")


MAX_BYTES = 8 * 1024 * 1024
"""The largest input bb reads (8 MB): a tree is some tens of kilobytes; an endless source
(`/dev/zero`) or a wrong file must end in a message, not fill the memory."""


def lees_bytes(pad: Path) -> bytes:
    """Read an input file once, whole: its bytes are what gets parsed, hashed for the record
    and keyed in the cache. Pipes and `/dev/stdin` work; a FIFO without writer reads as empty
    instead of hanging at open, and anything over `MAX_BYTES` is refused."""
    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            return _lees_alles(fd, str(pad))
        finally:
            os.close(fd)
    except OSError as e:
        raise _os_fout(e, pad, "lezen") from None


def _lees_alles(fd: int, naam: str) -> bytes:
    if stat.S_ISDIR(os.fstat(fd).st_mode):
        raise IsADirectoryError(naam)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)  # opened without waiting for a writer; now read as usual
    stukken: list[bytes] = []
    gelezen = 0
    while gelezen <= MAX_BYTES:
        stuk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - gelezen))
        if not stuk:
            break
        stukken.append(stuk)
        gelezen += len(stuk)
    if gelezen > MAX_BYTES:
        raise InvoerFout(f"'{naam}' is groter dan {MAX_BYTES // (1024 * 1024)} MB; dat is geen "
                         f"beslisboom, catalogus of antwoordenbestand")
    return b"".join(stukken)
