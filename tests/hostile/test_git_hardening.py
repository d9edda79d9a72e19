"""`bb boom verschil --git` in a repository an attacker prepared: its configuration names commands
(core.fsmonitor, a partial clone's promisor remote with an `ext::` URL), the user's environment
points git elsewhere, the revision is no commit, the blob is huge. Nothing runs, nothing large is
read, git's own English never reaches the user; and the earlier version is read whole (tree, bases
and catalogue) from that revision."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import IN_CI, ROOT, assert_geen_traceback, bb_exe, run_bb, schone_env

KLEIN = (ROOT / "tests" / "bomen" / "klein.yaml").read_text(encoding="utf-8")
OK, ANDERS, INVOER = 0, 1, 2


@pytest.fixture(autouse=True)
def _git_nodig() -> None:
    if shutil.which("git") is None:
        pytest.fail("git is not installed") if IN_CI else pytest.skip("git is not installed")


def _git(map_: Path, *args: str) -> str:
    """git for setting up a test repository, untouched by the GIT_* variables of whoever runs the tests."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false",
                           "-c", "core.hooksPath=/dev/null", *args], cwd=map_, check=True, capture_output=True,
                          text=True, env=env).stdout.strip()


def _opslag(map_: Path, bestanden: dict[str, str]) -> None:
    """A repository in `map_` with one commit holding `bestanden`."""
    _git(map_, "init", "-q")
    _schrijf(map_, bestanden)
    _git(map_, "add", "-A")
    _git(map_, "commit", "-qm", "begin")


def _schrijf(map_: Path, bestanden: dict[str, str]) -> None:
    for naam, inhoud in bestanden.items():
        (map_ / naam).parent.mkdir(parents=True, exist_ok=True)
        (map_ / naam).write_text(inhoud, encoding="utf-8")


def _een_regel_nederlands(uit: subprocess.CompletedProcess[str]) -> str:
    """The one line of stderr, with none of git's own words in it."""
    assert_geen_traceback(uit)
    regels = uit.stderr.strip().splitlines()
    assert len(regels) == 1, uit.stderr
    for engels in ("fatal", "usage", "git <command>", "hint:", "error:", "Did you mean"):
        assert engels not in uit.stderr, uit.stderr
    return regels[0]


# --- nothing in the repository runs ---------------------------------------------------------------


@pytest.mark.parametrize("rev, code, melding", [
    ("", INVOER, "fout: --git heeft een versie nodig: een commit, tak of tag, bijvoorbeeld HEAD of main"),
    (":1", INVOER, "fout: ':1' is geen versie: bb leest alleen een commit (HEAD, main, een tag of een commit-id), "
                   "niet de index van git of een zoekopdracht ':/tekst'"),
    (":0:boom.yaml", INVOER, "fout: ':0:boom.yaml' is geen versie"),
    ("HEAD", OK, None),
])
def test_fsmonitor_van_de_opslag_draait_nooit(tmp_path: Path, rev: str, code: int, melding: str | None) -> None:
    _opslag(tmp_path, {"boom.yaml": KLEIN})
    merkteken = tmp_path / "GEDRAAID"
    _git(tmp_path, "config", "core.fsmonitor", f"touch '{merkteken}'; false")
    _git(tmp_path, "config", "core.hooksPath", str(tmp_path / "haken"))
    uit = run_bb("boom", "verschil", "--git", rev, "boom.yaml", cwd=tmp_path)
    assert uit.returncode == code, uit.stderr
    if melding is not None:
        assert _een_regel_nederlands(uit).startswith(melding)
    assert not merkteken.exists(), "git ran the repository's core.fsmonitor command"


def test_een_gedeeltelijke_kloon_haalt_niets_op_via_een_opdracht(tmp_path: Path) -> None:
    """A promisor remote with an `ext::` URL (allowed by the repository's own protocol.ext.allow)
    and the blob missing: git would fetch it by running the URL's command."""
    _opslag(tmp_path, {"boom.yaml": KLEIN})
    blob = _git(tmp_path, "rev-parse", "HEAD:boom.yaml")
    (tmp_path / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    merkteken = tmp_path / "OPGEHAALD"
    for sleutel, waarde in [("core.repositoryformatversion", "1"), ("extensions.partialClone", "origin"),
                            ("remote.origin.url", f"ext::sh -c touch% {merkteken}"),
                            ("remote.origin.promisor", "true"), ("protocol.ext.allow", "always"),
                            ("protocol.allow", "always")]:
        _git(tmp_path, "config", sleutel, waarde)
    uit = run_bb("boom", "verschil", "--git", "HEAD", "boom.yaml", cwd=tmp_path)
    assert uit.returncode == INVOER
    assert _een_regel_nederlands(uit) == ("fout: 'boom.yaml' uit versie 'HEAD' ontbreekt in deze kopie van de "
                                          "git-opslag; bb haalt niets op van elders")
    assert not merkteken.exists(), "git fetched through the promisor remote's ext:: command"


def test_git_variabelen_van_de_gebruiker_sturen_git_niet_elders_heen(tmp_path: Path) -> None:
    """GIT_DIR, GIT_INDEX_FILE and GIT_CONFIG_* would make git read another repository or run a
    command; bb reads the repository that holds the file, as it is."""
    opslag, ander = tmp_path / "opslag", tmp_path / "ander"
    opslag.mkdir(), ander.mkdir()
    _opslag(opslag, {"boom.yaml": KLEIN})
    _opslag(ander, {"boom.yaml": KLEIN.replace("id: klein", "id: ander")})
    merkteken = tmp_path / "GEDRAAID"
    env = schone_env(GIT_DIR=str(ander / ".git"), GIT_WORK_TREE=str(ander), GIT_INDEX_FILE=str(ander / "x"),
                     GIT_CONFIG_COUNT="1", GIT_CONFIG_KEY_0="core.fsmonitor",
                     GIT_CONFIG_VALUE_0=f"touch '{merkteken}'; false")
    uit = run_bb("boom", "verschil", "--git", "HEAD", "boom.yaml", "--formaat", "json", cwd=opslag, env=env)
    assert uit.returncode == OK, uit.stderr
    assert json.loads(uit.stdout)["wijzigingen"] == []  # the file's own history, not the other repository's
    assert not merkteken.exists()


def test_een_versie_die_met_een_streepje_begint_is_geen_optie(tmp_path: Path) -> None:
    _opslag(tmp_path, {"boom.yaml": KLEIN})
    for rev in ("--output=uit.txt", "-h", "--git-dir=/"):
        uit = run_bb("boom", "verschil", f"--git={rev}", "boom.yaml", cwd=tmp_path)
        assert uit.returncode == INVOER
        assert _een_regel_nederlands(uit) == (f"fout: '{rev}' is geen versie; noem een commit, tak of tag, "
                                              f"bijvoorbeeld HEAD of main")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "boom.yaml"]  # nothing written


# --- a huge blob is refused before it is read ---------------------------------------------------


def _met_maxrss(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run `bb args` and return the largest resident set, in MB, of it and every process it waited
    for (git too)."""
    meter = ("import resource, subprocess, sys\n"
             "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, stdin=subprocess.DEVNULL)\n"
             "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
             "sys.exit(r.returncode)\n")
    uit = subprocess.run([sys.executable, "-c", meter, bb_exe(), *args], cwd=cwd, capture_output=True, text=True,
                         timeout=120, env=schone_env())
    *regels, kib = uit.stderr.rstrip("\n").split("\n")
    return subprocess.CompletedProcess(uit.args, uit.returncode, uit.stdout, "\n".join(regels) + "\n"), \
        int(kib) // 1024


def test_een_te_grote_blob_wordt_geweigerd_zonder_hem_te_lezen(tmp_path: Path) -> None:
    """9 MB is over the 8 MB limit; at 200 MB (compressed to almost nothing in git) reading it
    first would show in the memory of bb or of git."""
    pytest.importorskip("resource")
    _opslag(tmp_path, {"boom.yaml": KLEIN})
    groot = tmp_path / "boom.yaml"
    for mb in (9, 200):
        with groot.open("w", encoding="utf-8") as f:
            f.write("# " + "x" * (mb * 1024 * 1024) + "\n")
        _git(tmp_path, "commit", "-qam", f"{mb} MB")
        groot.write_text(KLEIN, encoding="utf-8")
        uit, mb_geheugen = _met_maxrss("boom", "verschil", "--git", "HEAD", "boom.yaml", cwd=tmp_path)
        assert uit.returncode == INVOER
        assert _een_regel_nederlands(uit) == ("fout: 'boom.yaml' is in versie 'HEAD' groter dan 8 MB; dat is geen "
                                              "beslisboom of catalogus")
        assert mb_geheugen < 120, f"{mb_geheugen} MB resident for a {mb} MB blob: it was read"


# --- one Dutch line for every way git says no -----------------------------------------------------


@pytest.mark.parametrize("rev, melding", [
    (":/begin", "fout: ':/begin' is geen versie: bb leest alleen een commit"),
    ("bestaatniet", "fout: versie 'bestaatniet' niet gevonden in de git-geschiedenis van '"),
    ("HEAD~3", "fout: versie 'HEAD~3' niet gevonden in de git-geschiedenis van '"),
    ("HEAD:boom.yaml", "fout: 'HEAD:boom.yaml' is geen commit maar een bestand; noem een commit, tak of tag"),
    ("HEAD^{tree}", "fout: 'HEAD^{tree}' is geen commit maar een map"),
])
def test_git_zegt_nee_in_een_nederlandse_regel(tmp_path: Path, rev: str, melding: str) -> None:
    _opslag(tmp_path, {"boom.yaml": KLEIN})
    uit = run_bb("boom", "verschil", "--git", rev, "boom.yaml", cwd=tmp_path)
    assert uit.returncode == INVOER
    assert _een_regel_nederlands(uit).startswith(melding)


def test_een_bestand_dat_toen_niet_bestond(tmp_path: Path) -> None:
    _opslag(tmp_path, {"boom.yaml": KLEIN})
    _schrijf(tmp_path, {"nieuw.yaml": KLEIN})
    uit = run_bb("boom", "verschil", "--git", "HEAD", "nieuw.yaml", cwd=tmp_path)
    assert uit.returncode == INVOER
    assert _een_regel_nederlands(uit) == "fout: 'nieuw.yaml' bestaat niet in versie 'HEAD'"


def test_buiten_een_opslag_en_zonder_git(tmp_path: Path) -> None:
    (tmp_path / "boom.yaml").write_text(KLEIN, encoding="utf-8")
    uit = run_bb("boom", "verschil", "--git", "HEAD", "boom.yaml", cwd=tmp_path,
                 env=schone_env(GIT_CEILING_DIRECTORIES=str(tmp_path.parent)))
    assert uit.returncode == INVOER
    assert _een_regel_nederlands(uit) == ("fout: 'boom.yaml' staat niet in een git-opslag; --git vergelijkt met "
                                          "een eerdere versie in git")
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    uit = run_bb("boom", "verschil", "--git", "HEAD", "boom.yaml", cwd=tmp_path, env=schone_env(PATH=str(leeg)))
    assert uit.returncode == INVOER
    assert _een_regel_nederlands(uit) == ("fout: git is niet geïnstalleerd (of niet te vinden in PATH); vergelijk "
                                          "dan twee bestanden: bb boom verschil OUD NIEUW")
    (leeg / "git").write_text("geen programma", encoding="utf-8")  # there, but it cannot run: said in Dutch
    uit = run_bb("boom", "verschil", "--git", "HEAD", "boom.yaml", cwd=tmp_path, env=schone_env(PATH=str(leeg)))
    assert uit.returncode == INVOER
    assert _een_regel_nederlands(uit) == "fout: git kan niet starten: geen toestemming"


# --- the earlier version is read whole from its revision ------------------------------------------


def test_de_catalogus_komt_uit_dezelfde_versie(tmp_path: Path) -> None:
    """Removing an instrument from the overlay's own catalogue changes advice: --streng must see
    it, so the earlier version is read with the catalogue of that version, not today's."""
    _opslag(tmp_path, {"m/boom.yaml": "basis: rijksoverheid\nboom:\n  catalogus: cat.yaml\n",
                       "m/cat.yaml": "basis: standaard\n"})
    _schrijf(tmp_path, {"m/cat.yaml": "basis: standaard\ninstrumenten:\n  focusgroep: weg\n"})
    uit = run_bb("boom", "verschil", "--git", "HEAD", "m/boom.yaml", "--streng", "--formaat", "json",
                 cwd=tmp_path, timeout=120)
    assert uit.returncode == ANDERS, uit.stderr
    data = json.loads(uit.stdout)
    assert data["veranderd"]["beste"] > 0
    assert {"soort": "instrument", "id": "focusgroep", "wat": "weggehaald", "velden": []} in data["wijzigingen"]
    assert uit.stderr == ""  # the shipped base and catalogue are the installed ones by name: no note


def test_een_basis_komt_uit_dezelfde_versie_ook_als_hij_nu_weg_is(tmp_path: Path) -> None:
    """The base in the repository changed and then moved: the earlier version builds on the base as
    it was then, where it was then."""
    _opslag(tmp_path, {"m/boom.yaml": "basis: ../gedeeld/basis.yaml\n",
                       "gedeeld/basis.yaml": KLEIN})
    _git(tmp_path, "mv", "gedeeld", "nu")
    _schrijf(tmp_path, {"m/boom.yaml": "basis: ../nu/basis.yaml\n",
                        "nu/basis.yaml": KLEIN.replace("id: klein", "id: klein2")})
    uit = run_bb("boom", "verschil", "--git", "HEAD", "m/boom.yaml", "--formaat", "json", cwd=tmp_path,
                 env=schone_env(BB_BASISMAPPEN=str(tmp_path)))  # a base beside the tree's folder is named
    assert uit.returncode == OK, uit.stderr
    assert {"soort": "boom", "id": "klein", "wat": "gewijzigd", "velden": ["id"]} in json.loads(uit.stdout)["wijzigingen"]


def test_een_fout_in_de_catalogus_van_toen_staat_in_die_versie(tmp_path: Path) -> None:
    _opslag(tmp_path, {"m/boom.yaml": "basis: rijksoverheid\nboom:\n  catalogus: cat.yaml\n",
                       "m/cat.yaml": "basis: standaard\ninstrumenten:\n  focusgroep:\n    nam: Fout\n"})
    _schrijf(tmp_path, {"m/cat.yaml": "# nu goed\n\nbasis: standaard\n"})
    uit = run_bb("boom", "verschil", "--git", "HEAD", "m/boom.yaml", cwd=tmp_path)
    assert uit.returncode == INVOER
    assert uit.stderr.startswith("m/cat.yaml (versie HEAD):4:5: fout: onbekende sleutel 'nam'"), uit.stderr
    assert_geen_traceback(uit)


def test_een_basis_buiten_de_opslag_wordt_genoemd(tmp_path: Path) -> None:
    buiten, opslag = tmp_path / "buiten", tmp_path / "opslag"
    _schrijf(buiten, {"basis.yaml": KLEIN})
    opslag.mkdir()
    _opslag(opslag, {"boom.yaml": "basis: ../buiten/basis.yaml\n"})
    uit = run_bb("boom", "verschil", "--git", "HEAD", "boom.yaml", cwd=opslag,
                 env=schone_env(BB_BASISMAPPEN=str(buiten)))  # a base outside the tree's folder is named
    assert uit.returncode == OK, uit.stderr
    assert uit.stderr == ("let op: '../buiten/basis.yaml' staat buiten de git-opslag en is gelezen zoals het nu is, "
                          "niet zoals in versie 'HEAD'\n")
