"""A file as it was in a git revision, read so that nothing in the repository can run a command.

`bb boom verschil --git REV` reads a tree, its bases and its catalogue from one commit. A
repository is not to be trusted (a clone of someone else's merge request): its configuration can
name commands (core.fsmonitor, hooks, a partial clone's promisor remote with an `ext::` URL), and
the user's own GIT_* variables may point git elsewhere. So git runs with those settings off, in
an environment without GIT_* variables, and is only asked to resolve a commit, list one path of
its tree and give one blob whose size is checked first. It never reads the index and never
fetches. No git text reaches the user: every failure is one Dutch line.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Callable

from burgers_betrekken.kern.fouten import InvoerFout
from burgers_betrekken.lezen.bestanden import MAX_BYTES, Bron, lees_bytes, oorzaak

_INSTELLINGEN = (
    "core.fsmonitor=false",  # would run a command when the index is read
    "core.hooksPath=/dev/null",  # no hooks
    "protocol.allow=never",  # no transport (GIT_ALLOW_PROTOCOL below also beats protocol.<name>.allow)
    "safe.bareRepository=explicit",  # no bare repository (with its own config) found inside a checkout
    "core.pager=cat",
)
_HOUDEN = ("GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM")
"""GIT_* variables of the user that only limit where git looks for the repository; every other
one is dropped: GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY, GIT_CONFIG_*,
GIT_EXEC_PATH, GIT_EXTERNAL_DIFF, GIT_SSH_COMMAND, GIT_TRACE ... would point git at other files
or commands than those of the repository that holds the tree."""
_OMGEVING = {
    "GIT_ALLOW_PROTOCOL": "",  # no transport at all, whatever the repository configures
    "GIT_NO_LAZY_FETCH": "1",  # a partial clone never fetches a missing object (git 2.45+)
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_NO_REPLACE_OBJECTS": "1",  # the object read is the object whose size was checked
    "GIT_LITERAL_PATHSPECS": "1",  # a path is a path, never a pattern
    "GIT_OPTIONAL_LOCKS": "0",
    "LC_ALL": "C",  # git's own words are only ever matched, never shown
    "LANGUAGE": "",
}
WACHTTIJD = 60
"""Seconds git may take for one answer."""


def _omgeving() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("GIT_") or k in _HOUDEN}
    env.update(_OMGEVING)
    return env


def _git(map_: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run one git command in `map_`, hardened; git's output is returned, never shown."""
    opdracht = ["git", "--no-pager"]
    for instelling in _INSTELLINGEN:
        opdracht += ["-c", instelling]
    try:
        return subprocess.run([*opdracht, "-C", str(map_), *args], capture_output=True, timeout=WACHTTIJD,
                              stdin=subprocess.DEVNULL, env=_omgeving())
    except FileNotFoundError:
        raise InvoerFout("git is niet geïnstalleerd (of niet te vinden in PATH); vergelijk dan twee "
                         "bestanden: bb boom verschil OUD NIEUW") from None
    except subprocess.TimeoutExpired:
        raise InvoerFout(f"git gaf binnen {WACHTTIJD} seconden geen antwoord") from None
    except OSError as e:
        raise InvoerFout(f"git kan niet starten: {oorzaak(e)}") from None


def _echt(pad: Path) -> Path:
    """`pad` with its folders resolved as git does (symbolic links, '..'), its own name kept."""
    if pad.name in ("", ".", ".."):
        return Path(os.path.realpath(pad))
    return Path(os.path.realpath(pad.parent)) / pad.name


def controleer_versie(rev: str) -> None:
    """Refuse what is not the name of a commit before git sees it: nothing, an option, or what
    reads the index (':1', ':0:pad', ':pad') or searches commit messages (':/tekst')."""
    if not rev.strip():
        raise InvoerFout("--git heeft een versie nodig: een commit, tak of tag, bijvoorbeeld HEAD of main")
    if rev.startswith("-"):
        raise InvoerFout(f"'{rev}' is geen versie; noem een commit, tak of tag, bijvoorbeeld HEAD of main")
    if rev.startswith(":") or "\0" in rev or "\n" in rev:
        raise InvoerFout(f"'{rev}' is geen versie: bb leest alleen een commit (HEAD, main, een tag of een "
                         f"commit-id), niet de index van git of een zoekopdracht ':/tekst'")


_SOORTEN = {"blob": "een bestand", "tree": "een map", "tag": "een tag die niet naar een commit wijst",
            "commit": "een commit"}
"""git's object types in the user's words; a type not listed here is not named (git's word is English)."""


class GitBron(Bron):
    """The files of one commit: a path inside the repository is read from that commit's tree, a
    path outside it (a shipped tree, the shipped catalogue) as it is now (`buiten` lists those)."""

    def __init__(self, rev: str, pad: Path) -> None:
        """The commit `rev` of the repository that holds `pad`."""
        controleer_versie(rev)
        self.rev = rev
        map_ = pad.parent if str(pad.parent) else Path(".")
        uit = _git(map_, "rev-parse", "--show-toplevel")
        if uit.returncode != 0 or not uit.stdout.strip():
            if b"dubious ownership" in uit.stderr:
                raise InvoerFout(f"git vertrouwt de git-opslag van '{pad}' niet: die is van een andere gebruiker "
                                 f"(zie 'safe.directory' in de hulp van git config)")
            raise InvoerFout(f"'{pad}' staat niet in een git-opslag; --git vergelijkt met een eerdere versie "
                             f"in git")
        self.top = Path(os.fsdecode(uit.stdout.rstrip(b"\r\n")))
        uit = _git(self.top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
        if uit.returncode != 0:
            soort = _git(self.top, "cat-file", "-t", "--end-of-options", rev)  # rev: not empty (controleer_versie)
            if soort.returncode == 0:
                woord = _SOORTEN.get(soort.stdout.decode("ascii", "replace").strip())
                raise InvoerFout(f"'{rev}' is geen commit{f' maar {woord}' if woord else ''}; "
                                 f"noem een commit, tak of tag, bijvoorbeeld HEAD of main")
            raise InvoerFout(f"versie '{rev}' niet gevonden in de git-geschiedenis van '{self.top}'")
        self.commit = uit.stdout.decode("ascii", "replace").strip()
        self.gelezen: set[str] = set()  # the paths read from the commit, as the loader named them
        self.buiten: list[Path] = []  # the paths read as they are now, outside the repository
        self._items: dict[str, tuple[str, str, str] | None] = {}

    def _in_opslag(self, pad: Path) -> str | None:
        """`pad` as a path in the commit's tree ('m/boom.yaml'), or None when it is outside the repository."""
        try:
            return _echt(pad).relative_to(self.top).as_posix()
        except ValueError:
            return None

    def _item(self, pad_in_opslag: str) -> tuple[str, str, str] | None:
        """(mode, type, object id) of a path in the commit's tree; None when it has none."""
        if pad_in_opslag in (".", ""):
            return ("040000", "tree", "")
        if pad_in_opslag not in self._items:
            uit = _git(self.top, "ls-tree", "-z", "--full-tree", self.commit, "--", pad_in_opslag)
            if uit.returncode != 0:
                raise InvoerFout(f"git kan de bestanden van versie '{self.rev}' niet lezen (ontbreken ze in deze "
                                 f"kopie van de git-opslag?)")
            item = None
            for regel in uit.stdout.split(b"\0"):
                kop, _, naam = regel.partition(b"\t")
                if os.fsdecode(naam) == pad_in_opslag and len(kop.split()) == 3:
                    modus, soort, oid = kop.decode("ascii", "replace").split()
                    item = (modus, soort, oid)
            self._items[pad_in_opslag] = item
        return self._items[pad_in_opslag]

    def bestaat(self, pad: Path) -> bool:
        binnen = self._in_opslag(pad)
        return super().bestaat(pad) if binnen is None else self._item(binnen) is not None

    def is_bestand(self, pad: Path) -> bool:
        return self._is(pad, "blob", super().is_bestand)

    def is_map(self, pad: Path) -> bool:
        return self._is(pad, "tree", super().is_map)

    def _is(self, pad: Path, soort: str, nu: Callable[[Path], bool]) -> bool:
        """Whether `pad` is a `soort` ('blob', 'tree') in the commit; outside the repository: `nu(pad)`."""
        binnen = self._in_opslag(pad)
        if binnen is None:
            return nu(pad)
        item = self._item(binnen)
        return item is not None and item[1] == soort

    def lees(self, pad: Path) -> bytes:
        """The bytes of `pad` in the commit; its size is checked before a byte is read."""
        binnen = self._in_opslag(pad)
        if binnen is None:
            self.buiten.append(pad)
            return lees_bytes(pad)
        item = self._item(binnen)
        if item is None:
            raise InvoerFout(f"'{pad}' bestaat niet in versie '{self.rev}'")
        modus, soort, oid = item
        if soort == "tree":
            raise InvoerFout(f"'{pad}' is in versie '{self.rev}' een map, geen bestand")
        if soort != "blob" or modus == "120000":
            wat = "een symbolische koppeling" if modus == "120000" else "een submodule"
            raise InvoerFout(f"'{pad}' is in versie '{self.rev}' {wat}; bb leest daar alleen gewone bestanden")
        uit = _git(self.top, "cat-file", "-s", oid)
        if uit.returncode != 0 or not uit.stdout.strip().isdigit():
            raise InvoerFout(f"'{pad}' uit versie '{self.rev}' ontbreekt in deze kopie van de git-opslag; "
                             f"bb haalt niets op van elders")
        grootte = int(uit.stdout)
        if grootte > MAX_BYTES:
            raise InvoerFout(f"'{pad}' is in versie '{self.rev}' groter dan {MAX_BYTES // (1024 * 1024)} MB; dat "
                             f"is geen beslisboom of catalogus")
        uit = _git(self.top, "cat-file", "blob", oid)
        if uit.returncode != 0 or len(uit.stdout) != grootte:
            raise InvoerFout(f"git kan '{pad}' in versie '{self.rev}' niet lezen")
        self.gelezen.add(str(pad))
        return uit.stdout
