"""Writing files safely: never half a file, never an existing file by accident, and a Dutch
message for every way writing can fail."""

from __future__ import annotations

import errno
import os
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
    except PermissionError:
        raise InvoerFout(f"geen toestemming om '{pad}' te schrijven") from None
    except FileExistsError:
        raise InvoerFout(f"kan de map voor '{pad}' niet maken: er staat een bestand met die naam") from None
    except NotADirectoryError:
        raise InvoerFout(f"kan '{pad}' niet schrijven: een deel van het pad is een bestand, geen map") from None
    except OSError as e:
        if e.errno == errno.ENOSPC:
            raise InvoerFout(f"kan '{pad}' niet schrijven: de schijf is vol") from None
        if e.errno == errno.ENOENT:
            raise InvoerFout(f"kan '{pad}' niet schrijven: de map '{pad.parent}' bestaat niet en kan niet "
                             f"worden gemaakt") from None
        if e.errno == errno.EROFS:
            raise InvoerFout(f"kan '{pad}' niet schrijven: de schijf is alleen-lezen") from None
        raise InvoerFout(f"kan '{pad}' niet schrijven: {e.strerror or e}") from None
