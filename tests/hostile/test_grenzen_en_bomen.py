"""Limits and generated trees (issue 22): a screen width of millions, a tree with more paths than
any command should walk, Ctrl-C during long work, bidi overrides in the HTML outputs, names that
would break the YAML `bb init` writes, and an overlay that reorders `gelijke_punten:`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import ROOT, assert_geen_traceback, bb_exe, run_bb, schone_env

KLEIN = (ROOT / "tests" / "bomen" / "klein.yaml").read_text(encoding="utf-8")
VOORBEELD = str(ROOT / "examples" / "boa-bestel.yaml")
INVOER, AFGEBROKEN = 2, 130


def keten(vragen: int, tekst: str = "Vraag") -> str:
    """A tree of `vragen` questions in a row, each with two options that lead to the next: 2**vragen
    paths, and a file of a few kilobytes."""
    regels = ["boom:", "  id: keten", '  versie: "1.0"', "  titel: Keten", "start: v0", "vragen:"]
    for i in range(vragen):
        regels += [f"  v{i}:", f"    tekst: {tekst} {i}?", f"    volgende: {f'v{i + 1}' if i + 1 < vragen else 'advies'}",
                   "    opties:", "      a:", "        label: A", "      b:", "        label: B"]
    return "\n".join(regels + ["niveau:", "  gewenst: []", "  standaard: raadplegen"]) + "\n"


# --- the width of the screen -------------------------------------------------------------------


@pytest.mark.parametrize("kolommen", ["10000000", "0", "-5", "abc", "5", "1e9", "٣٠٠"])
def test_een_vreemde_schermbreedte_geeft_gewoon_het_advies(kolommen: str, tmp_path: Path) -> None:
    # COLUMNS=10000000 used to take 20 s and 660 MB before it was killed: Rich padded every line.
    r = run_bb("advies", "-a", VOORBEELD, cwd=tmp_path, env=schone_env(COLUMNS=kolommen, LINES=kolommen))
    assert r.returncode == 0, r.stderr
    assert_geen_traceback(r)
    assert "Dit is participatie op de trede" in r.stdout and "Aanbevolen instrumenten" in r.stdout
    assert max(len(regel) for regel in r.stdout.splitlines()) <= 1000
    assert list(tmp_path.iterdir()) == []


# --- one limit on the paths walked -------------------------------------------------------------


def test_elke_opdracht_die_alle_paden_langsgaat_weigert_dezelfde_te_grote_boom(tmp_path: Path) -> None:
    # 40 questions of two options: 2**40 paths. bb boom verschil used to walk 200,000 of them in each
    # tree (150 s, 1.1 GB) while bb boom website refused the tree at once with a limit of its own.
    boom = tmp_path / "keten.yaml"
    boom.write_text(keten(40), encoding="utf-8")
    pagina = tmp_path / "keten.html"
    meldingen = set()
    for args in (["boom", "website", str(boom), "-o", str(pagina)], ["boom", "verschil", str(boom), str(boom)],
                 ["boom", "verschil", str(boom), str(boom), "--formaat", "json"],
                 ["boom", "paden", "--statistiek", str(boom)]):
        r = run_bb(*args, cwd=tmp_path, timeout=20)
        assert r.returncode == INVOER, (args, r.stderr)
        assert_geen_traceback(r)
        assert r.stdout == ""
        meldingen.add(r.stderr)
    assert len(meldingen) == 1, meldingen
    assert meldingen.pop().startswith("fout: boom 'keten' heeft meer dan een miljard paden; bb gaat hoogstens "
                                      "20.000 paden één voor één langs (de grens voor bb boom website, verschil "
                                      "en paden)")
    assert not pagina.exists()


def test_bb_boom_paden_toont_hoogstens_de_grens(tmp_path: Path) -> None:
    boom = tmp_path / "keten.yaml"
    boom.write_text(keten(40), encoding="utf-8")
    r = run_bb("boom", "paden", str(boom), "--hoogstens", "1000000", cwd=tmp_path, timeout=20)
    assert r.returncode == INVOER, r.stderr
    assert r.stdout == ""
    assert "fout: --hoogstens 1000000 is te veel: bb gaat hoogstens 20.000 paden één voor één langs" in r.stderr
    r = run_bb("boom", "paden", str(boom), "--hoogstens", "3", "--formaat", "json", cwd=tmp_path, timeout=20)
    assert r.returncode == 0, r.stderr
    assert "alleen de eerste 3 worden getoond" in r.stderr


def test_bb_boom_paden_statistiek_telt_elk_pad_ook_boven_de_standaard_van_hoogstens(tmp_path: Path) -> None:
    """--statistiek is about every path: 14 questions give 16,384 paths, over --hoogstens' default of
    10,000 and within the limit; all are counted, none is said to be left out (found by review)."""
    boom = tmp_path / "keten.yaml"
    boom.write_text(keten(14), encoding="utf-8")
    r = run_bb("boom", "paden", str(boom), "--statistiek", "--formaat", "json", cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["paden"] == 16_384
    assert "alleen de eerste" not in r.stderr


# --- Ctrl-C during long work --------------------------------------------------------------------


def _cpu_seconden(pid: int) -> float:
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def _als_een_interactieve_shell() -> None:
    """A shell started in the background ignores SIGINT; one at a terminal lets it through."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _ctrl_c_zodra(args: list[str], cwd: Path, bezig: Callable[[int], bool], waarom: str) -> tuple[int, str, str]:
    """Start `bb args`, wait until `bezig(pid)` says it is at work (at most 60 s), press Ctrl-C:
    its exit code, stdout and stderr."""
    kind = subprocess.Popen([bb_exe(), *args], cwd=cwd, env=schone_env(), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_als_een_interactieve_shell)
    try:
        eind = time.monotonic() + 60
        while not bezig(kind.pid):
            assert kind.poll() is None and time.monotonic() < eind, waarom
            time.sleep(0.05)
        kind.send_signal(signal.SIGINT)
        uit, fout = kind.communicate(timeout=30)
    finally:
        kind.kill()
    return kind.returncode, uit, fout


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see that the work has begun")
@pytest.mark.parametrize("opdracht", [["boom", "website", "{boom}", "-o", "{pagina}"],
                                      ["boom", "verschil", "{boom}", "{boom}"],
                                      ["boom", "paden", "{boom}", "--hoogstens", "20000"]])
def test_ctrl_c_tijdens_lang_werk_zegt_afgebroken(opdracht: list[str], tmp_path: Path) -> None:
    # 14 questions: 16,384 paths, within the limit, seconds of work for each command. Ctrl-C used to
    # end them with exit code 130 and nothing on the screen.
    boom, pagina = tmp_path / "keten.yaml", tmp_path / "keten.html"
    boom.write_text(keten(14), encoding="utf-8")
    args = [a.format(boom=boom, pagina=pagina) for a in opdracht]
    # past start-up and loading: in the walk over the paths
    code, uit, fout = _ctrl_c_zodra(args, tmp_path, lambda pid: _cpu_seconden(pid) >= 1.0,
                                    "the work ended before Ctrl-C")
    assert code == AFGEBROKEN, fout
    assert fout == "Afgebroken.\n"
    assert "Traceback" not in uit
    assert not pagina.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keten.yaml"]


def _heeft_open(pid: int, pad: Path) -> bool:
    try:
        return any(os.readlink(f) == str(pad) for f in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # a descriptor closed while looking
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc to see that bb reads the answers")
def test_ctrl_c_tijdens_advies_met_antwoorden_zegt_afgebroken(tmp_path: Path) -> None:
    """`bb advies -a` is over in a moment; a FIFO whose writer holds it open keeps it reading its
    answers, so Ctrl-C comes at a known point: nothing is written, 'Afgebroken.' is said."""
    fifo, verslag = tmp_path / "antwoorden.yaml", tmp_path / "v.md"
    os.mkfifo(fifo)
    schrijver = os.open(fifo, os.O_RDWR)  # a writer that never writes: bb waits for the end of the answers
    try:
        code, uit, fout = _ctrl_c_zodra(["advies", "-a", str(fifo), "-o", str(verslag)], tmp_path,
                                        lambda pid: _heeft_open(pid, fifo), "bb ended before it read its answers")
    finally:
        os.close(schrijver)
    assert code == AFGEBROKEN, fout
    assert fout == "Afgebroken.\n" and uit == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["antwoorden.yaml"]


# --- bidi overrides in the HTML outputs ----------------------------------------------------------

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f"]


def test_bidi_tekens_staan_niet_rauw_in_het_html_verslag_en_de_webpagina(tmp_path: Path) -> None:
    # A label with U+202E reads backwards in a browser; the terminal and Markdown show it as \u202e.
    boom = tmp_path / "boom.yaml"
    boom.write_text(KLEIN.replace("label: Laag", "label: \"Laag \u202eredaV" + "".join(BIDI) + "\"")
                    .replace("titel: Kleine boom", "titel: \"Kleine \u202eboom\"")
                    .replace("tekst: Hoeveel budget is er?", "tekst: \"Hoeveel \u2067budget is er?\""), encoding="utf-8")
    antwoorden = tmp_path / "a.yaml"
    antwoorden.write_text("doel: inzichten\nbudget: laag\n", encoding="utf-8")
    for naam, args in (("r.html", ["advies", "--boom", str(boom), "-a", str(antwoorden)]),
                       ("r.md", ["advies", "--boom", str(boom), "-a", str(antwoorden)]),
                       ("w.html", ["boom", "website", str(boom)])):
        r = run_bb(*args, "-o", str(tmp_path / naam), cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        tekst = (tmp_path / naam).read_text(encoding="utf-8")
        for teken in BIDI:
            assert teken not in tekst, (naam, hex(ord(teken)))
        assert "u202eredaV" in tekst, naam  # shown as \u202e, as in Markdown, not dropped


# --- names that would break the YAML bb init writes ------------------------------------------------

VREEMDE_NAMEN = {
    "2027": "boom_2027",  # a number: YAML read the id as 2027, and the new tree failed its own validation
    "true": "boom_true", "no": "boom_no", "null": "boom_null", "0x1F": "boom_0x1f", "1_000": "boom_1_000",
    "a: b": "a_b",  # a mapping inside the title
    "x #y": "x_y",  # a comment: the title lost '#y)'
    "twee\nregels": "twee_regels", "it's \"q\"": "it_s_q", "- lijst": "lijst", "[x]": "x", "{y}": "y",
    "&anker": "anker", "*ster": "ster", "!tag": "tag", "%pct": "pct", "@at": "at", "`bt": "bt", "|": "eigen_boom",
    "...": "eigen_boom", "é ü": "eigen_boom", " spatie ": "spatie", "bidi\u202e": "bidi",
}


@pytest.mark.parametrize("naam", VREEMDE_NAMEN)
def test_bb_init_schrijft_elke_mapnaam_als_tekst(naam: str, tmp_path: Path) -> None:
    from burgers_betrekken.lezen.boom import laad_boom

    map_ = tmp_path / naam
    r = run_bb("init", "--basis", "rijksoverheid", str(map_), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert_geen_traceback(r)
    r = run_bb("boom", "valideer", *(str(map_ / f) for f in ("boom.yaml", "instruments.yaml", "boom.tests.yaml")),
               cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "fout" not in r.stdout + r.stderr
    boom = laad_boom(map_ / "boom.yaml")
    assert (boom.id, boom.titel, boom.versie) == (VREEMDE_NAMEN[naam], f"Burgers betrekken ({naam})", "1.0.0")
    tekst = (map_ / "boom.yaml").read_text(encoding="utf-8")
    assert tekst.count("\nboom:\n") == 1 and "# let_op:" in tekst  # the comments that guide an editor remain


def test_bb_init_met_een_mapnaam_die_geen_utf8_is(tmp_path: Path) -> None:
    map_ = Path(os.fsdecode(bytes(tmp_path) + b"/x\xffy"))
    r = run_bb("init", "--basis", "rijksoverheid", str(map_), cwd=tmp_path)
    assert r.returncode == 0, r.stderr  # was exit 70: the name could not be written as UTF-8
    from burgers_betrekken.lezen.boom import laad_boom

    assert r.stdout.startswith(f"geschreven: {tmp_path}/x\ufffdy/boom.yaml\n")
    assert laad_boom(map_ / "boom.yaml").titel == "Burgers betrekken (x\ufffdy)"


# --- an overlay that reorders gelijke_punten ---------------------------------------------------------


def _gelijke_punten_omgekeerd() -> tuple[str, list[str]]:
    """The shipped tree with its `gelijke_punten:` rules in reverse order, and their ids in that order."""
    regels = (ROOT / "trees" / "rijksoverheid.yaml").read_text(encoding="utf-8").split("\n")
    begin = regels.index("gelijke_punten:") + 1
    eind = next(i for i in range(begin, len(regels)) if regels[i] and not regels[i].startswith(" "))
    items: list[list[str]] = []
    for regel in regels[begin:eind]:
        if regel.startswith("  ") and not regel.startswith("   ") and not regel.lstrip().startswith("#"):
            items.append([])
        if items:
            items[-1].append(regel)
    items.reverse()
    ids = [item[0].strip().rstrip(":") for item in items]
    return "\n".join(regels[:begin] + [r for item in items for r in item] + regels[eind:]), ids


def test_een_aanpassing_die_gelijke_punten_anders_ordent_geeft_het_advies_van_een_kopie_met_die_orde(
        tmp_path: Path) -> None:
    # The overlay's order was ignored: 0 paths changed and valideer said 'in orde', while the same
    # reordering in a full copy changed hundreds of paths.
    from burgers_betrekken.lezen.boom import laad_boom

    kopie, ids = _gelijke_punten_omgekeerd()
    (tmp_path / "kopie.yaml").write_text(kopie, encoding="utf-8")
    (tmp_path / "laag.yaml").write_text("basis: rijksoverheid\ngelijke_punten:\n" +
                                        "".join(f"  {i}: {{}}\n" for i in ids), encoding="utf-8")
    assert [r.id for r in laad_boom(tmp_path / "laag.yaml").voorrang] == ids
    assert [r.id for r in laad_boom(tmp_path / "kopie.yaml").voorrang] == ids
    uit = {}
    for naam in ("kopie.yaml", "laag.yaml"):
        r = run_bb("boom", "verschil", "rijksoverheid", naam, "--formaat", "json", cwd=tmp_path, timeout=120)
        assert r.returncode == 0, r.stderr
        uit[naam] = {k: v for k, v in json.loads(r.stdout).items() if k != "nieuw"}  # all but its fingerprint
    assert uit["laag.yaml"] == uit["kopie.yaml"]
    assert uit["laag.yaml"]["paden"]["veranderd"] > 100
    r = run_bb("boom", "verschil", "kopie.yaml", "laag.yaml", "--streng", cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stdout
    assert "Bij 0 paden daarvan verandert het advies." in r.stdout


def test_alleen_de_genoemde_regels_wisselen_van_plaats(tmp_path: Path) -> None:
    from burgers_betrekken.lezen.boom import laad_boom

    basis = [r.id for r in laad_boom(ROOT / "trees" / "rijksoverheid.yaml").voorrang]
    eerste, derde = basis[0], basis[2]
    (tmp_path / "laag.yaml").write_text(f"basis: rijksoverheid\ngelijke_punten:\n  {derde}: {{}}\n"
                                        f"  nieuw: {{kenmerk: kosten, volgorde: [laag], reden: goedkoop}}\n"
                                        f"  {eerste}: {{}}\n", encoding="utf-8")
    verwacht = [derde, basis[1], "nieuw", eerste, *basis[3:]]
    assert [r.id for r in laad_boom(tmp_path / "laag.yaml").voorrang] == verwacht


# --- the cost of each path: long texts ------------------------------------------------------------


def test_een_tekst_van_megabytes_wordt_geweigerd_met_zijn_plek(tmp_path: Path) -> None:
    # A 7 MB question text: bb boom website took 67 ms a path (about 20 minutes at the path limit)
    # and wrote the text again in the record of every path.
    boom = tmp_path / "groot.yaml"
    boom.write_text(KLEIN.replace("tekst: Wat is het doel?", "tekst: Wat is het doel? " + "woord " * 1_000_000),
                    encoding="utf-8")
    verwacht = (f"{boom}:9:12: fout: de tekst van vraag 'doel' is 6.000.016 tekens lang; een tekst mag hoogstens "
                f"10.000 tekens hebben")
    r = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert r.returncode == 1 and verwacht in r.stdout, r.stdout
    r = run_bb("boom", "website", str(boom), "-o", str(tmp_path / "groot.html"), cwd=tmp_path)
    assert r.returncode == INVOER and verwacht in r.stderr, r.stderr
    assert not (tmp_path / "groot.html").exists()


def test_een_getal_in_een_melding_krijgt_punten_maar_de_tekst_uit_het_bestand_niet(tmp_path: Path) -> None:
    # The message ran .replace(",", ".") over itself, the id from the file too: 'bud,get' read 'bud.get'.
    boom = tmp_path / "komma.yaml"
    boom.write_text(KLEIN.replace("  budget:\n    tekst: Hoeveel budget is er?",
                                  f'  "bud,get":\n    tekst: "{"x" * 10_001}"'), encoding="utf-8")
    r = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert (f"{boom}:18:12: fout: de tekst van vraag 'bud,get' is 10.001 tekens lang; een tekst mag hoogstens "
            f"10.000 tekens hebben") in r.stdout, r.stdout
    # one way to write a Dutch number: woorden.getal, not the format again somewhere else
    for bestand in (ROOT / "burgers_betrekken").rglob("*.py"):
        tekst = bestand.read_text(encoding="utf-8")
        if bestand.name != "woorden.py":
            assert ":,}" not in tekst and 'replace(",", ".")' not in tekst, bestand


def test_een_webpagina_die_te_veel_tekst_zou_herhalen_wordt_vooraf_geweigerd(tmp_path: Path) -> None:
    # 14 questions of 9,000 characters (each within the limit of a text), 16,384 paths: every path's
    # record repeats 14 of them, 2 billion characters in all (the count stops at a billion).
    boom = tmp_path / "lang.yaml"
    boom.write_text(keten(14, tekst="lang " * 1800), encoding="utf-8")
    assert run_bb("boom", "valideer", str(boom), cwd=tmp_path).returncode == 0
    r = run_bb("boom", "website", str(boom), "-o", str(tmp_path / "lang.html"), cwd=tmp_path, timeout=20)
    assert r.returncode == INVOER, r.stderr
    assert_geen_traceback(r)
    assert r.stderr.startswith("fout: de vragen en antwoorden langs alle paden van boom 'keten' zijn samen "
                               "meer dan een miljard tekens; een webpagina kan er hoogstens 30.000.000 bevatten")
    assert not (tmp_path / "lang.html").exists()


def test_de_tekst_langs_alle_paden_wordt_geteld_zonder_ze_te_lopen() -> None:
    from burgers_betrekken.kern.paden import paden, tekst_op_paden
    from burgers_betrekken.lezen.boom import laad_boom

    from burgers_betrekken.kern.woorden import antwoord_tekst

    boom = laad_boom(ROOT / "trees" / "rijksoverheid.yaml")
    gelopen = {weet_niet: sum(len(boom.vragen[v].tekst) + len(antwoord_tekst(boom.vragen[v], o))
                              for pad in paden(boom, weet_niet) for v, o in pad)
               for weet_niet in (False, True)}  # True: the web page, whose records say "Weet ik niet (aangenomen: …)"
    assert gelopen[True] > gelopen[False]
    for weet_niet, tekens in gelopen.items():
        assert tekst_op_paden(boom, weet_niet) == tekens, weet_niet
