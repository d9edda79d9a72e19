"""Benchmark of `bb` as whole processes, against the interpreter floor measured in the same run.

    python benchmarks/meet.py [--rondes 9] [--json]

Every round runs each measurement once, in turn (interleaved, so a slow moment of the machine hits
all of them alike); the table shows medians, the ratio to `python -c pass` on the same interpreter,
the fastest run (on a shared machine the spread between the two shows how noisy the run was)
and the peak memory (RSS) of each process. Targets from issue 7 are checked at the end.
Nothing here is part of the test suite: speed is reported, never asserted by a test.
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bb_pad() -> str:
    naast = Path(sys.executable).parent / "bb"
    gevonden = str(naast) if naast.exists() else shutil.which("bb")
    if gevonden is None:
        sys.exit("bb is not installed next to this interpreter; install with: python -m pip install .")
    return gevonden


def omgeving(datamap: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BB_")}
    env.update({"COLUMNS": "80", "NO_COLOR": "1", "BB_DATAMAP": datamap})
    return env


def proces(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of one run to its end."""
    begin = time.perf_counter()
    kind = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env=env)
    _, status, gebruik = os.wait4(kind.pid, 0)
    duur = time.perf_counter() - begin
    kind.returncode = os.waitstatus_to_exitcode(status)
    if kind.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed with exit code {kind.returncode}")
    return duur, gebruik.ru_maxrss


def eerste_vraag(args: list[str], env: dict[str, str], teken: bytes = b"Uw antwoord:") -> tuple[float, int]:
    """Seconds until `teken` is on the screen of a pseudo-terminal running `args`; then it is stopped."""
    begin = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become bb
        os.environ.clear()
        os.environ.update({**env, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "40"})
        os.execv(args[0], args)
    gezien = b""
    try:
        while teken not in gezien:
            klaar, _, _ = select.select([fd], [], [], 20)
            if not klaar:
                raise SystemExit(f"no question on screen after 20 s: {gezien[-200:]!r}")
            gezien += os.read(fd, 65536)
        duur = time.perf_counter() - begin
    finally:
        os.kill(pid, 9)
        _, _, gebruik = os.wait4(pid, 0)
        os.close(fd)
    return duur, gebruik.ru_maxrss


def maak_boom(map_: Path, vragen: int, instrumenten: int) -> Path:
    """A valid generated tree: each question leads one or two questions on, a rule for every tenth,
    all pointing into a generated catalogue."""
    delen = ['boom:\n  id: groot\n  versie: "1"\n  titel: Groot\n  catalogus: catalogus.yaml\nstart: v0\nvragen:\n']
    for i in range(vragen):
        een = f"v{i + 1}" if i + 1 < vragen else "advies"
        twee = f"v{i + 2}" if i + 2 < vragen else "advies"
        delen.append(f"  v{i}:\n    tekst: Vraag {i}?\n    opties:\n      a:\n        label: A\n        volgende: {een}\n"
                     f"      b:\n        label: B\n        volgende: {twee}\n")
    delen.append("niveau:\n  gewenst:\n")
    delen += [f"    - wanneer: {{v{i}: a}}\n      niveau: t1\n" for i in range(0, vragen, 10)]
    delen.append("  standaard: t0\ninstrumentregels:\n")
    delen += [f"  r{i}:\n    wanneer: {{v{i}: b}}\n    kenmerk: instrument\n    waarden: [i{(i // 10) % instrumenten}]\n"
              f"    soort: voorkeur\n    reden: omdat\n" for i in range(0, vragen, 10)]
    delen.append("let_op:\n")
    delen += [f"  l{i}:\n    titel: T\n    tekst: X\n    bron: B\n    wanneer: {{v{i}: a}}\n" for i in range(0, vragen, 100)]
    pad = map_ / f"boom{vragen}.yaml"
    pad.write_text("".join(delen), encoding="utf-8")
    catalogus = ["ladder:\n  t0:\n    naam: T0\n    omschrijving: o\n    belofte: b\n    participatie: false\n"
                 "  t1:\n    naam: T1\n    omschrijving: o\n    belofte: b\n    participatie: true\n"
                 "kenmerken:\n  k:\n    naam: K\n    waarden: {x: x}\ninstrumenten:\n"]
    catalogus += [f"  i{j}:\n    naam: I{j}\n    samenvatting: s\n    niveaus: [t1]\n    kenmerken: {{k: x}}\n"
                  for j in range(instrumenten)]
    (map_ / "catalogus.yaml").write_text("".join(catalogus), encoding="utf-8")
    return pad


DOELEN = {  # name: (maximum ratio to the floor or None, maximum seconds or None)
    "bb --version": (6, None), "bb --help": (8, None), "bb instrumenten": (10, None),
    "bb advies --antwoorden … --formaat json": (10, None), "eerste vraag op het scherm": (20, None),
    "bb boom valideer (10.000 vragen)": (None, 2.0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondes", type=int, default=9, help="runs per measurement (median; at least 9)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    opties = parser.parse_args()
    bb = bb_pad()
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        env = omgeving(str(map_ / "data"))
        klein, groot = maak_boom(map_, 1000, 1000), maak_boom(map_, 10_000, 1000)
        metingen = {
            "python -c pass (vloer)": lambda: proces([sys.executable, "-c", "pass"], env),
            "bb --version": lambda: proces([bb, "--version"], env),
            "bb --help": lambda: proces([bb, "--help"], env),
            "bb instrumenten": lambda: proces([bb, "instrumenten"], env),
            "bb advies --antwoorden … --formaat json":
                lambda: proces([bb, "advies", "--antwoorden", str(ROOT / "examples" / "boa-bestel.yaml"),
                                "--formaat", "json"], env),
            "eerste vraag op het scherm": lambda: eerste_vraag([bb, "advies"], env),
            "bb boom valideer (1.000 vragen)": lambda: proces([bb, "boom", "valideer", str(klein)], env),
            "bb boom valideer (10.000 vragen)": lambda: proces([bb, "boom", "valideer", str(groot)], env),
            # every path of both shipped trees through the engine: 10,408 advices
            "bb boom verschil (de twee meegeleverde)":
                lambda: proces([bb, "boom", "verschil", "rijksoverheid", "uitvoeringsorganisatie", "-f", "json"], env),
        }
        for meting in metingen.values():  # warm the disk cache once; not counted
            meting()
        tijden: dict[str, list[float]] = {naam: [] for naam in metingen}
        geheugen: dict[str, int] = {naam: 0 for naam in metingen}
        for _ in range(max(9, opties.rondes)):
            for naam, meting in metingen.items():
                duur, rss = meting()
                tijden[naam].append(duur)
                geheugen[naam] = max(geheugen[naam], rss)
    vloer = statistics.median(tijden["python -c pass (vloer)"])
    uitslag = {naam: {"seconden": statistics.median(t), "verhouding": statistics.median(t) / vloer,
                      "snelste": min(t), "rss_mib": geheugen[naam] / 1024} for naam, t in tijden.items()}
    lineair = uitslag["bb boom valideer (10.000 vragen)"]["seconden"] / uitslag["bb boom valideer (1.000 vragen)"]["seconden"]
    if opties.json:
        print(json.dumps({"python": sys.version.split()[0], "metingen": uitslag, "10k/1k": lineair}, indent=2))
        return
    print(f"Python {sys.version.split()[0]}, mediaan van {max(9, opties.rondes)} rondes, om en om gemeten\n")
    print(f"{'meting':<42} {'seconden':>9} {'× vloer':>8} {'snelste':>8} {'RSS MiB':>8}  doel")
    for naam, u in uitslag.items():
        doel = ""
        if naam in DOELEN:
            verhouding, seconden = DOELEN[naam]
            ok = (verhouding is None or u["verhouding"] <= verhouding) and (seconden is None or u["seconden"] <= seconden)
            doel = ("✓ " if ok else "✗ ") + (f"≤ {verhouding}×" if verhouding else f"< {seconden} s")
        print(f"{naam:<42} {u['seconden']:>9.3f} {u['verhouding']:>8.1f} {u['snelste']:>8.3f} {u['rss_mib']:>8.1f}  {doel}")
    rss = uitslag["bb instrumenten"]["rss_mib"]
    print(f"\n10.000 / 1.000 vragen: {lineair:.1f} (doel ≤ 12: {'✓' if lineair <= 12 else '✗'}); "
          f"piekgeheugen bb instrumenten: {rss:.1f} MiB (doel ≤ 60: {'✓' if rss <= 60 else '✗'})")


if __name__ == "__main__":
    main()
