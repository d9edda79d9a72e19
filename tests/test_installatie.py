"""A non-editable install carries the YAML files and works from any folder."""

from __future__ import annotations

import json
import subprocess
from importlib import metadata
from pathlib import Path

import pytest

from conftest import IN_CI, ROOT


def test_het_wiel_bevat_de_yaml_bestanden() -> None:
    try:
        bestanden = {str(f) for f in metadata.files("burgers-betrekken") or ()}
    except metadata.PackageNotFoundError:
        pytest.fail("burgers-betrekken is not installed") if IN_CI else pytest.skip("not installed")
    if not any(b.endswith("opdrachtregel/opdrachten.py") for b in bestanden):
        if IN_CI:
            pytest.fail("CI must install non-editable (pip install '.[test]')")
        pytest.skip("editable install: the wheel's contents are checked under CI")
    for nodig in ("instruments.yaml", "begrippen.yaml", "trees/rijksoverheid.yaml", "trees/rijksoverheid.tests.yaml",
                  "trees/uitvoeringsorganisatie.yaml", "trees/uitvoeringsorganisatie.tests.yaml"):
        assert f"burgers_betrekken/_data/{nodig}" in bestanden


def test_bb_werkt_vanuit_een_willekeurige_map(tmp_path: Path) -> None:
    """The installed copy itself (the other process tests run this checkout's code)."""
    from conftest import run_bb, schone_env

    env = schone_env()
    del env["PYTHONPATH"]

    def bb(*args: str, cwd: Path) -> "subprocess.CompletedProcess[str]":
        return run_bb(*args, cwd=cwd, env=env)

    elders = tmp_path / "een map met spaties en é"
    elders.mkdir()
    r = bb("instrumenten", "--formaat", "json", cwd=elders)
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) >= 8
    antwoorden = elders / "antwoorden.yaml"
    antwoorden.write_text("fase: evaluatie\ndoel: informeren\n", encoding="utf-8")
    r = bb("advies", "--antwoorden", "antwoorden.yaml", "--formaat", "json", cwd=elders)
    assert r.returncode == 0 and json.loads(r.stdout)["niveau"] == "informeren"
    for args in (["begrippen", "burgerberaad"], ["boom", "test", "uitvoeringsorganisatie"], ["init", "nieuw"]):
        r = bb(*args, cwd=elders)
        assert r.returncode == 0, (args, r.stderr)


def test_ci_draait_precies_het_testcommando_van_de_readme() -> None:
    """A green CI means the README's command works: .ci/run ends with that very line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blokken = readme.split("```sh\n")
    test_commando = next(b.split("\n```")[0] for b in blokken[1:] if "pytest" in b)
    ci = [r for r in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if r.strip()]
    assert ci[-1] == test_commando
