"""Shared fixtures: the shipped tree and catalogue, and a runner for the installed `bb` command."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from typing import Any

import pytest

from burgers_betrekken.lezen import bronnen
from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.lezen.catalogus import controleer_samenhang, laad_catalogus
from burgers_betrekken.kern.model import Boom, Catalogus

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def boom() -> Boom:
    return laad_boom(ROOT / "trees" / "rijksoverheid.yaml")


@pytest.fixture(scope="session")
def catalogus(boom: Boom) -> Catalogus:
    c = laad_catalogus(ROOT / "instruments.yaml")
    controleer_samenhang(boom, c)
    return c


def bb_exe() -> str:
    """The installed `bb` next to this interpreter (the README installs it into the same environment)."""
    naast = Path(sys.executable).parent / "bb"
    gevonden = str(naast) if naast.exists() else shutil.which("bb")
    if gevonden is None:
        if IN_CI:
            pytest.fail("the installed `bb` command is missing; install with pip install '.[test]'")
        pytest.skip("the `bb` command is not installed in this environment")
    return gevonden


_TIJDELIJK = tempfile.mkdtemp(prefix="bb-tests-")
"""One folder for every data and cache folder the test processes get; removed when the run ends."""
atexit.register(shutil.rmtree, _TIJDELIJK, True)

# The test process itself loads trees through the cache too (in-process tests): it gets private data
# and cache folders as well, so no test makes a cache key or an entry in the real home of whoever
# runs the tests. A test that needs other folders sets its own (monkeypatch.setenv).
os.environ["BB_DATAMAP"] = tempfile.mkdtemp(prefix="proces-data-", dir=_TIJDELIJK)
os.environ["BB_CACHE"] = tempfile.mkdtemp(prefix="proces-cache-", dir=_TIJDELIJK)


def schone_env(**extra: str) -> dict[str, str]:
    """The environment for a `bb` under test: 80 columns, no colour, and its own empty data and cache
    folders (BB_DATAMAP, BB_CACHE) so no test sees another's saved session or cache, nor the user's.
    PYTHONPATH puts this checkout first, so a `bb` process runs the very code the unit tests
    import (test_installatie checks the installed wheel itself); PROMPT_TOOLKIT_NO_CPR spares every
    prompt in a pseudo-terminal a one-second wait for a cursor-position reply."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BB_", "COLUMNS", "LINES"))}
    env.update({"COLUMNS": "80", "NO_COLOR": "1", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
                "BB_DATAMAP": tempfile.mkdtemp(prefix="data-", dir=_TIJDELIJK),
                "BB_CACHE": tempfile.mkdtemp(prefix="cache-", dir=_TIJDELIJK),
                "PROMPT_TOOLKIT_NO_CPR": "1",
                "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])})
    env.update(extra)
    return env


def pexpect_module() -> Any:
    """pexpect, which the pseudo-terminal tests need: a skip with the reason locally, a failure
    under CI (the README's test install brings it)."""
    try:
        import pexpect
    except ImportError:
        if IN_CI:
            pytest.fail("pexpect is missing; install the test dependencies with pip install '.[test]'")
        pytest.skip("pexpect is not installed", allow_module_level=True)
    return pexpect


def autosave(env: dict[str, str], boom_id: str = "rijksoverheid") -> Path:
    """Where `bb` under this environment keeps the answers of an unfinished run."""
    return Path(env["BB_DATAMAP"]) / "lopend" / f"{boom_id}.json"


def bewaard(env: dict[str, str]) -> dict:
    """The saved unfinished run (answers and metadata) of the default tree."""
    return json.loads(autosave(env).read_text(encoding="utf-8"))


def run_bb(*args: str, cwd: Path | None = None, stdin: str | None = None, timeout: float = 30,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([bb_exe(), *args], cwd=cwd, input=stdin, capture_output=True, text=True,
                          timeout=timeout, env=env or schone_env(),
                          stdin=None if stdin is not None else subprocess.DEVNULL)


@pytest.fixture
def bb():
    return run_bb


OMLAAG = "\x1b[B"


def start_advies(tmp_path: Path, *args: str, env: dict[str, str] | None = None,
                 dimensions: tuple[int, int] = (40, 80)) -> Any:
    """The installed `bb advies` in a pseudo-terminal (pexpect), 40 rows by 80 columns unless said."""
    import pexpect

    if env is None:
        env = schone_env(TERM="xterm-256color")
        env.pop("NO_COLOR", None)
    return pexpect.spawn(bb_exe(), ["advies", *args], cwd=str(tmp_path), env=env, dimensions=dimensions,
                         encoding="utf-8", timeout=20)


def kies(kind: Any, vraagtekst: str, omlaag: int) -> None:
    """Wait for a question and its prompt, then choose the option `omlaag` places down."""
    kind.expect_exact(vraagtekst)
    kind.expect_exact("Uw antwoord:")
    kind.send(OMLAAG * omlaag + "\r")


def signaal_bij_vraag(tmp_path: Path, env: dict[str, str], keuzes: list[tuple[str, int]], volgende: str,
                      signaal: int) -> Any:
    """Start `bb advies`, answer `keuzes` (question text, places down), wait until the question
    `volgende` is ready for an answer, then send `signaal`. Returns the closed child."""
    import pexpect

    kind = start_advies(tmp_path, env=env)
    for vraagtekst, omlaag in keuzes:
        kies(kind, vraagtekst, omlaag)
    kind.expect_exact(volgende)
    kind.expect_exact("Uw antwoord:")
    kind.kill(signaal)
    kind.expect(pexpect.EOF)
    kind.close()
    return kind


def assert_geen_traceback(resultaat: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in resultaat.stderr, resultaat.stderr
    assert "Traceback" not in resultaat.stdout, resultaat.stdout


__all__ = ["ROOT", "IN_CI", "OMLAAG", "bb_exe", "run_bb", "schone_env", "pexpect_module", "start_advies", "kies",
           "signaal_bij_vraag", "autosave", "bewaard", "assert_geen_traceback", "bronnen"]
