"""docs/aanpassen.md is executable: every `$ bb ...` line in its console blocks runs, in order, in
one fresh folder, with the installed command; each output line the document shows must appear
(as an output line or part of one, inside a panel say), in that order, and the exit code must be the one the document announces. Hidden directives
(`<!-- doc-test: ... -->`) make the edits the text describes; `blok` writes the ```yaml block that
follows it to a file, so the YAML the reader sees is the YAML that runs."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT, assert_geen_traceback, bb_exe, schone_env

DOC = ROOT / "docs" / "aanpassen.md"
RICHTLIJN = re.compile(r"<!-- doc-test: (\w+) ?(.*?) -->")


@dataclass
class Opdracht:
    regel: int
    argumenten: list[str]
    exitcode: int
    verwacht: list[str] = field(default_factory=list)


def stappen(tekst: str) -> list[tuple[str, object]]:
    """The document as a list of steps: ("opdracht", Opdracht) or ("vervang"/"schrijf", data)."""
    uit: list[tuple[str, object]] = []
    exitcode = 0
    in_blok = False
    blok_naar: str | None = None  # a `blok` directive: the next ```yaml block is written to this file
    blok: list[str] | None = None
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if blok is not None:
            if regel.startswith("```"):
                uit.append(("schrijf", {"in": blok_naar, "tekst": "\n".join(blok) + "\n"}))
                blok, blok_naar = None, None
            else:
                blok.append(regel)
            continue
        if blok_naar is not None and regel == "```yaml":
            blok = []
            continue
        if regel.startswith("```"):
            if in_blok:
                exitcode = 0  # an announced exit code holds for one block
            in_blok = regel == "```console" if not in_blok else False
            continue
        if in_blok:
            if regel.startswith("$ "):
                argumenten = shlex.split(regel[2:])
                assert argumenten[0] == "bb", f"{DOC.name}:{nummer}: only bb commands are run"
                uit.append(("opdracht", Opdracht(nummer, argumenten[1:], exitcode)))
            elif regel.strip():
                opdracht = uit[-1][1]
                assert isinstance(opdracht, Opdracht), f"{DOC.name}:{nummer}: output before any command"
                opdracht.verwacht.append(regel.rstrip())
            continue
        for soort, waarde in RICHTLIJN.findall(regel):
            if soort == "exitcode":
                exitcode = int(waarde)
            elif soort == "blok":
                blok_naar = json.loads(waarde)["in"]
            else:
                uit.append((soort, json.loads(waarde)))
    return uit


def test_elke_opdracht_in_de_handleiding_werkt_zoals_beschreven(tmp_path: Path) -> None:
    stappen_ = stappen(DOC.read_text(encoding="utf-8"))
    opdrachten = [s for soort, s in stappen_ if soort == "opdracht"]
    assert len(opdrachten) >= 15

    for soort, stap in stappen_:
        if soort == "vervang":
            pad = tmp_path / stap["in"]
            tekst = pad.read_text(encoding="utf-8")
            assert stap["van"] in tekst, f"the document edits text that is not in {stap['in']}: {stap['van']!r}"
            pad.write_text(tekst.replace(stap["van"], stap["naar"], 1), encoding="utf-8")
            continue
        if soort == "schrijf":
            (tmp_path / stap["in"]).write_text(stap["tekst"], encoding="utf-8")
            continue
        assert isinstance(stap, Opdracht)
        uit = subprocess.run([bb_exe(), *stap.argumenten], cwd=tmp_path, capture_output=True, text=True,
                             timeout=60, env=schone_env(), stdin=subprocess.DEVNULL)
        waar = f"{DOC.name}:{stap.regel}: bb {' '.join(stap.argumenten)}"
        assert uit.returncode == stap.exitcode, f"{waar}: exit {uit.returncode}\n{uit.stdout}{uit.stderr}"
        assert_geen_traceback(uit)
        regels = [r.rstrip() for r in (uit.stdout + uit.stderr).splitlines()]
        positie = 0
        for verwacht in stap.verwacht:  # each shown line is (part of) an output line, in this order
            treffer = next((n for n in range(positie, len(regels)) if verwacht in regels[n]), None)
            assert treffer is not None, f"{waar}: missing (in this order) {verwacht!r}\n{uit.stdout}{uit.stderr}"
            positie = treffer + 1


def test_elke_genoemde_opdracht_wordt_ook_uitgevoerd() -> None:
    tekst = DOC.read_text(encoding="utf-8")
    uitgevoerd = [" ".join(["bb", *s.argumenten]) for soort, s in stappen(tekst) if soort == "opdracht"]
    genoemd = set(re.findall(r"`(bb [^`]*)`", tekst))
    # a mention in the prose is covered when a run command starts with it (same subcommand)
    niet_gedraaid = [g for g in genoemd if not any(u.startswith(g) for u in uitgevoerd)]
    assert niet_gedraaid == []
