"""Reading and writing files safely: an input is read once and never without end; an output is
never half a file, never an existing file by accident; and a Dutch message for every way
reading or writing can fail."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from burgers_betrekken.kern.fouten import InvoerFout


def mag_schrijven(pad: Path, overschrijf: bool) -> None:
    """Refuse an existing file unless `overschrijf`, before work that takes long (an interview, a
    page with every path) rather than after it. A device or FIFO is written into, so it passes;
    `schrijf_tekst` checks again when it writes."""
    if pad.is_file() and not overschrijf:
        raise _bestaat_al(pad)


def _bestaat_al(pad: Path) -> InvoerFout:
    return InvoerFout(f"'{pad}' bestaat al; kies een andere naam of geef --overschrijf")


def schrijf_tekst(pad: Path, tekst: str, overschrijf: bool = False) -> None:
    """Write `tekst` as UTF-8 to `pad` atomically (a temporary file next to it, then renamed).
    Refuses to replace an existing file unless `overschrijf`. Creates missing folders. A new file
    gets the mode the umask allows, a replaced one keeps its mode; a symbolic link is followed.
    A device or pipe (`/dev/stdout`, a FIFO) is written into, never replaced by a regular file."""
    try:
        st = os.stat(pad)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise _os_fout(e, pad, "schrijven") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InvoerFout(f"'{pad}' is een map, geen bestand")
    if st is not None and not stat.S_ISREG(st.st_mode):
        _schrijf_in(pad, tekst)
        return
    if st is not None and not overschrijf:
        raise _bestaat_al(pad)
    doel = Path(os.path.realpath(pad)) if pad.is_symlink() else pad
    modus = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    global _schrijvend
    _schrijvend += 1  # a SIGTERM now raises errors.Beeindigd here instead of ending the process at once
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
        try:
            os.fchmod(fd, modus)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(tekst)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tijdelijk, doel)
        except BaseException:  # also Ctrl-C or SIGTERM (see errors.Beeindigd): no temporary file stays
            Path(tijdelijk).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise _os_fout(e, pad, "schrijven") from None
    finally:
        _schrijvend -= 1


_schrijvend = 0
"""How many writes are under way: a SIGTERM then unwinds (and cleans up) instead of ending at once."""


def bezig_met_schrijven() -> bool:
    return _schrijvend > 0


def _schrijf_in(pad: Path, tekst: str) -> None:
    try:
        with open(pad, "w", encoding="utf-8", newline="\n") as f:
            f.write(tekst)
    except OSError as e:
        raise _os_fout(e, pad, "schrijven") from None


def _umask() -> int:
    huidig = os.umask(0o022)
    os.umask(huidig)
    return huidig


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
    if e.errno == errno.ENOENT:
        return InvoerFout(f"kan '{pad}' niet {werkwoord}: de map '{pad.parent}' bestaat niet en kan niet "
                          f"worden gemaakt")
    return InvoerFout(f"kan '{pad}' niet {werkwoord}: {oorzaak(e)}")


_OORZAKEN = {errno.ENOSPC: "de schijf is vol", errno.EDQUOT: "uw schijfquotum is op",
             errno.EFBIG: "het bestand wordt te groot", errno.EIO: "een invoer-/uitvoerfout",
             errno.EROFS: "de schijf is alleen-lezen", errno.EBADF: "de uitvoer is gesloten",
             errno.ENXIO: "dit is geen bestand maar een socket, of een apparaat dat er niet is (zoals /dev/tty "
                          "zonder terminal)",
             errno.ENODEV: "dit apparaat bestaat niet of kan niet worden gelezen of geschreven",
             errno.EACCES: "geen toestemming", errno.EPERM: "dit is niet toegestaan",
             errno.ELOOP: "te veel symbolische links na elkaar (wijst een link naar zichzelf?)",
             errno.ENAMETOOLONG: "de naam is te lang",
             errno.EAGAIN: "er is nu niets te lezen of te schrijven; probeer het opnieuw",
             errno.ENOTSOCK: "dit is geen socket", errno.EOPNOTSUPP: "dat kan niet met dit soort bestand",
             errno.EINVAL: "dat kan niet met dit soort bestand", errno.EBUSY: "het bestand of apparaat is bezet",
             errno.ETXTBSY: "het bestand is in gebruik", errno.EINTR: "onderbroken",
             errno.EMFILE: "te veel open bestanden", errno.ENFILE: "te veel open bestanden op dit systeem",
             errno.ENOMEM: "te weinig geheugen", errno.ESTALE: "het bestand op de netwerkschijf is verdwenen",
             errno.ENOTCONN: "er is geen verbinding", errno.EPIPE: "de ontvanger is gestopt met lezen",
             errno.ECONNRESET: "de verbinding is verbroken", errno.ETIMEDOUT: "het duurde te lang",
             errno.ENOENT: "het bestand of de map bestaat niet", errno.ENOTDIR: "een deel van het pad is geen map",
             errno.EISDIR: "dit is een map, geen bestand", errno.EEXIST: "het bestaat al",
             errno.EXDEV: "dat kan niet over twee schijven heen", errno.EMLINK: "te veel links naar dit bestand"}
_OORZAKEN[errno.EWOULDBLOCK] = _OORZAKEN[errno.EAGAIN]  # the same number on Linux, not everywhere


def oorzaak(e: OSError) -> str:
    """Why a read or write failed, in Dutch (a file, or stdout); an error we have no words for is
    named by its code, never in the system's English."""
    if e.errno in _OORZAKEN:
        return _OORZAKEN[e.errno]
    code = errno.errorcode.get(e.errno or 0)
    return f"een fout van het besturingssysteem ({code or e.errno or type(e).__name__})"


MAX_BYTES = 8 * 1024 * 1024
"""The largest input bb reads (8 MB): a tree is some tens of kilobytes; an endless source
(`/dev/zero`) or a wrong file must end in a message, not fill the memory."""


def lees_bytes(pad: Path, alleen_bestand: bool = False) -> bytes:
    """Read an input file once, whole: its bytes are what gets parsed, hashed for the record
    and keyed in the cache. Pipes and `/dev/stdin` work; a FIFO without writer reads as empty
    instead of hanging at open, and anything over `MAX_BYTES` is refused. `alleen_bestand`: a
    FIFO, device or socket is refused before a byte is read (files bb keeps itself)."""
    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            return _lees_alles(fd, str(pad), alleen_bestand)
        finally:
            os.close(fd)
    except OSError as e:
        raise _os_fout(e, pad, "lezen") from None


class Bron:
    """Where input files are read from: as they are now (this class), or as they were in a git
    revision (`versiebeheer.GitBron`). A file with its bases and catalogue is read through one
    source, so an earlier version is read whole from that version."""

    def lees(self, pad: Path) -> bytes:
        return lees_bytes(pad)

    def bestaat(self, pad: Path) -> bool:
        return pad.exists()

    def is_bestand(self, pad: Path) -> bool:
        return pad.is_file()

    def is_map(self, pad: Path) -> bool:
        return pad.is_dir()


NU = Bron()
"""The files as they are now."""


def _lees_alles(fd: int, naam: str, alleen_bestand: bool) -> bytes:
    modus = os.fstat(fd).st_mode
    if stat.S_ISDIR(modus):
        raise IsADirectoryError(naam)
    if alleen_bestand and not stat.S_ISREG(modus):
        raise InvoerFout(f"'{naam}' is geen gewoon bestand")
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
