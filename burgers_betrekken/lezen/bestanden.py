"""Reading and writing files safely: an input is read once and never without end; an output is
never half a file, never an existing file by accident; and a Dutch message for every way
reading or writing can fail."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from burgers_betrekken.kern.fouten import InvoerFout


def mag_schrijven(pad: Path, overschrijf: bool) -> None:
    """Refuse an output that `schrijf_tekst` would refuse, before work that takes long (an
    interview, a page with every path) rather than after it. `schrijf_tekst` checks again when it
    writes, and only its exclusive creation decides between two writers."""
    if descriptor(pad) is None:
        _bestaand_doel(pad, overschrijf)


_DESCRIPTOREN = {"/dev/stdout": 1, "/dev/stderr": 2}


def descriptor(pad: Path) -> int | None:
    """The open file descriptor an output name means (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
    `/proc/self/fd/N`), else None. bb writes such an output into that descriptor, as the shell
    redirected it (a file, a pipe, a terminal): no exclusive creation, no refusal of the link
    `/dev/stdout` is, and no temporary file next to `/proc/self/fd/1`."""
    naam = str(pad)
    if naam in _DESCRIPTOREN:
        return _DESCRIPTOREN[naam]
    for map_ in ("/dev/fd/", "/proc/self/fd/"):
        if naam.startswith(map_) and naam[len(map_):].isdigit() and len(naam) - len(map_) <= 6:
            return int(naam[len(map_):])
    return None


def uitvoernaam(waarde: str | None, optie: str, map_: bool = False) -> Path | None:
    """The name given to an output option (--uitvoer, --bewaar, -o) as a path, checked before
    `Path` drops what matters: an empty name is refused (it would mean the current folder), and
    a file name ending in '/' names a folder, not a file (`Path('nieuw/')` is `Path('nieuw')`)."""
    if waarde is None:
        return None
    if not waarde.strip():
        raise InvoerFout(f"{optie} is leeg; geef een {'map' if map_ else 'bestandsnaam'}")
    if not map_ and waarde.endswith(("/", os.sep)):
        raise InvoerFout(f"{optie} '{waarde}' eindigt op '/', dus dat is een map; geef een bestandsnaam")
    return Path(waarde)


class BestaatAl(InvoerFout):
    """The output exists and may not be replaced (no `--overschrijf`), or appeared meanwhile."""


def _bestaat_al(pad: Path) -> InvoerFout:
    return BestaatAl(f"'{pad}' bestaat al; kies een andere naam of geef --overschrijf")


def _bestaand_doel(pad: Path, overschrijf: bool) -> os.stat_result | None:
    """What is at `pad`, checked against the rules of every output: None for nothing yet, else the
    status of a regular file that may be replaced or of a device or pipe to write into. Refused: a
    folder, an existing file without `overschrijf`, and a symbolic link to a file or to nothing,
    with or without `overschrijf`: bb never writes through a link, which someone else may have put
    in a shared folder or a repository to make bb overwrite the file it points to. A link to a
    device (`/dev/stdout`) is the device."""
    try:
        st = os.lstat(pad)
        if stat.S_ISLNK(st.st_mode):
            st = _doel_van_koppeling(pad)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise _os_fout(e, pad, "schrijven") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InvoerFout(f"'{pad}' is een map, geen bestand")
    if st is not None and stat.S_ISREG(st.st_mode) and not overschrijf:
        raise _bestaat_al(pad)
    return st


def _doel_van_koppeling(pad: Path) -> os.stat_result:
    try:
        st = os.stat(pad)
    except OSError:
        st = None
    if st is None or stat.S_ISREG(st.st_mode):
        from burgers_betrekken.kern.woorden import veilig

        raise InvoerFout(f"'{pad}' is een symbolische koppeling (naar '{veilig(os.readlink(pad))}'); bb schrijft nooit "
                         f"via een koppeling. Geef het bestand zelf op, of een andere naam")
    return st


def schrijf_tekst(pad: Path, tekst: str, overschrijf: bool = False) -> None:
    """Write `tekst` as UTF-8 to `pad` atomically: a temporary file next to it, synced, then
    published. A name that must not exist (no `overschrijf`) is created exclusively, so of two
    writers at once exactly one succeeds and the other is told the file exists; with `overschrijf`
    the file is replaced by a rename, which replaces a link put there meanwhile instead of writing
    through it. Creates missing folders. A new file gets the mode the umask allows, a replaced one
    keeps its mode. A device or pipe (`/dev/stdout`, a FIFO) is written into, never replaced."""
    fd = descriptor(pad)
    if fd is not None:
        _schrijf_in_descriptor(fd, pad, tekst)
        return
    st = _bestaand_doel(pad, overschrijf)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _schrijf_in(pad, tekst)
        return
    modus = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    global _schrijvend
    _schrijvend += 1  # a SIGTERM now raises errors.Beeindigd here instead of ending the process at once
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
        try:
            os.fchmod(fd, modus)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(tekst)
                f.flush()
                os.fsync(f.fileno())
            if overschrijf:
                os.replace(tijdelijk, pad)
            else:
                _publiceer_nieuw(tijdelijk, pad)
        except BaseException:  # also Ctrl-C or SIGTERM (see errors.Beeindigd): no temporary file stays
            Path(tijdelijk).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise _os_fout(e, pad, "schrijven") from None
    finally:
        _schrijvend -= 1


_GEEN_HARDE_KOPPELINGEN = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}
"""What `link` says on a file system without hard links (FAT, some network and FUSE mounts)."""


def _publiceer_nieuw(tijdelijk: str, pad: Path) -> None:
    """Give the written temporary file the name `pad`, which must not exist. A hard link fails if
    anything got there since the check (a file, a link, another bb), so the name appears only
    whole and only once. Without hard links the name is claimed with O_EXCL, and the temporary file
    renamed over that empty claim (a reader may see the empty file for that moment)."""
    try:
        os.link(tijdelijk, pad)
    except FileExistsError:
        raise _bestaat_al(pad) from None
    except OSError as e:
        if e.errno not in _GEEN_HARDE_KOPPELINGEN:
            raise
        _claim(pad)
        try:
            os.replace(tijdelijk, pad)
        except BaseException:
            pad.unlink(missing_ok=True)
            raise
        return
    os.unlink(tijdelijk)


def _claim(pad: Path) -> None:
    try:
        fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        raise _bestaat_al(pad) from None
    os.close(fd)


_schrijvend = 0
"""How many writes are under way: a SIGTERM then unwinds (and cleans up) instead of ending at once."""


def bezig_met_schrijven() -> bool:
    return _schrijvend > 0


def _schrijf_in(pad: Path, tekst: str) -> None:
    """Write into a device or FIFO. Opened without waiting: a FIFO nobody reads from would
    otherwise hold bb at the open forever; once open, writing waits for the reader as usual."""
    try:
        fd = os.open(pad, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        if e.errno == errno.ENXIO and _is_fifo(pad):
            raise InvoerFout(f"er leest niemand uit de FIFO '{pad}'; start eerst het programma dat eruit leest "
                             f"(bijvoorbeeld: cat '{pad}' &), of kies een gewoon bestand") from None
        raise _os_fout(e, pad, "schrijven") from None
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(tekst)
    except OSError as e:
        raise _os_fout(e, pad, "schrijven") from None


def _is_fifo(pad: Path) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(pad).st_mode)
    except OSError:
        return False


def _schrijf_in_descriptor(fd: int, pad: Path, tekst: str) -> None:
    import sys

    try:
        for stroom in (sys.stdout, sys.stderr):  # what bb printed before comes before the record
            if stroom is not None:
                stroom.flush()
        with os.fdopen(os.dup(fd), "w", encoding="utf-8", newline="\n") as f:
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
    if e.errno == errno.ENOENT and pad.parent.is_dir():
        return InvoerFout(f"kan '{pad}' niet {werkwoord}: bb kan geen bestand maken in de map '{pad.parent}'")
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


def eenmaal_gelezen(*paden: str | Path | None) -> None:
    """Refuse, before anything is read, an input that is not a file (a pipe, `/dev/stdin`,
    `/dev/fd/N`, a device) named twice in one command: its bytes can be read only once, so the
    second reader would get nothing, or the rest meant for the first. A name that is no file
    (a shipped tree's name, a missing file) is left to the reader that says so."""
    gezien: dict[tuple[int, int], str | Path] = {}
    for pad in paden:
        if pad is None:
            continue
        try:
            st = os.stat(pad)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
            continue
        sleutel = (st.st_dev, st.st_ino)
        if sleutel in gezien:
            raise InvoerFout(f"'{gezien[sleutel]}' en '{pad}' zijn dezelfde invoer (een pijp, apparaat of "
                             f"/dev/stdin); dezelfde invoer kan maar één keer gelezen worden. Sla de tweede op "
                             f"in een bestand en noem dat")
        gezien[sleutel] = pad


class Bron:
    """Where input files are read from: as they are now (this class), or as they were in a git
    revision (`versiebeheer.GitBron`). A file with its bases and catalogue is read through one
    source, so an earlier version is read whole from that version."""

    def lees(self, pad: Path) -> bytes:
        return lees_bytes(pad)

    def bestaat(self, pad: Path) -> bool:
        return self._vraag(pad, Path.exists)

    def is_bestand(self, pad: Path) -> bool:
        return self._vraag(pad, Path.is_file)

    def is_map(self, pad: Path) -> bool:
        return self._vraag(pad, Path.is_dir)

    @staticmethod
    def _vraag(pad: Path, vraag: Callable[[Path], bool]) -> bool:
        """pathlib answers 'no' for a missing file but raises for a name too long or a link loop
        (a path written in a tree by someone else): that is said in Dutch, as reading it would be."""
        try:
            return vraag(pad)
        except OSError as e:
            naam = str(pad)
            raise _os_fout(e, Path(naam if len(naam) <= 120 else naam[:119] + "…"), "lezen") from None


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
