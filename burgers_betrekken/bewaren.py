"""Autosave: the answers of an unfinished `bb advies`, written to the user's data folder the
moment each answer is given, so Ctrl-C, a closed terminal or a crash loses nothing.

One file per tree id, `<datamap>/lopend/<boom-id>.json`, replaced atomically. The data folder is
platformdirs' user data dir for "bb", or `BB_DATAMAP` when set (tests, portable installs).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Mapping

from burgers_betrekken.bestanden import schrijf_tekst
from burgers_betrekken.errors import InvoerFout
from burgers_betrekken.model import WEET_NIET, Boom

VERSIE = 1


def datamap() -> Path:
    """`BB_DATAMAP`, else the user's data folder. Without a home folder (a container started
    with `-u UID`) there is none: then a folder of the user's own in the temporary folder, so the
    answers are still kept while bb runs there."""
    eigen = os.environ.get("BB_DATAMAP")
    if eigen:
        return Path(eigen)
    import platformdirs

    try:
        map_ = Path(platformdirs.user_data_dir("bb", appauthor=False))
        if map_.is_absolute():
            return map_
    except (RuntimeError, KeyError, OSError):
        pass
    return _tijdelijke_datamap()


def _tijdelijke_datamap() -> Path:
    import stat
    import tempfile

    uid = os.getuid() if hasattr(os, "getuid") else 0
    map_ = Path(tempfile.gettempdir()) / f"bb-{uid}"
    try:
        map_.mkdir(mode=0o700, exist_ok=True)
        st = os.lstat(map_)
    except OSError as e:
        raise InvoerFout(f"er is geen thuismap en '{map_}' kan niet worden gemaakt ({e.strerror or e}); "
                         f"zet HOME of BB_DATAMAP") from None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != uid or st.st_mode & 0o077:
        raise InvoerFout(f"er is geen thuismap en '{map_}' is niet van u alleen; zet HOME of BB_DATAMAP")
    return map_


def pad_voor(boom_id: str) -> Path:
    return datamap() / "lopend" / f"{boom_id}.json"


def verslagpad(boom_id: str, gemaakt: datetime) -> Path:
    """Where a record goes that the user gave a motivation for but no --uitvoer."""
    return datamap() / "verslagen" / f"{boom_id}-{gemaakt.strftime('%Y%m%d-%H%M%S')}.md"


@dataclass(frozen=True)
class Lopend:
    """A saved, unfinished run."""

    boom_id: str
    boom_hash: str
    antwoorden: dict[str, str]
    bijgewerkt: datetime
    pad: Path


def bewaar(boom: Boom, boom_hash: str, antwoorden: Mapping[str, str]) -> Path:
    pad = pad_voor(boom.id)
    data = {"versie": VERSIE, "boom": boom.id, "sha256": boom_hash, "antwoorden": dict(antwoorden),
            "bijgewerkt": datetime.now().astimezone().isoformat(timespec="seconds")}
    schrijf_tekst(pad, json.dumps(data, ensure_ascii=False, indent=1) + "\n", overschrijf=True)
    return pad


def lees(boom_id: str) -> Lopend | None:
    """The saved run for this tree, or None. A damaged file is reported, not silently ignored."""
    pad = pad_voor(boom_id)
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
        antwoorden = {str(k): str(v) for k, v in data["antwoorden"].items()}
        return Lopend(str(data["boom"]), str(data["sha256"]), antwoorden,
                      datetime.fromisoformat(data["bijgewerkt"]), pad)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
        raise InvoerFout(f"de bewaarde sessie in '{pad}' is beschadigd ({e.__class__.__name__}); "
                         f"verwijder die met: bb advies --vergeet") from None


def vergeet(boom_id: str) -> Path | None:
    """Delete the saved run; returns its path if there was one."""
    pad = pad_voor(boom_id)
    try:
        pad.unlink()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise InvoerFout(f"kan '{pad}' niet verwijderen: {e.strerror or e}") from None
    return pad


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
