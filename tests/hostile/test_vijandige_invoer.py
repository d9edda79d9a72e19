"""The hostile corpus: every bad input a real user can feed `bb` — broken YAML, wrong types, odd
encodings, tags, bombs, huge files, duplicate keys, markup and escapes in texts, wrong answers
files, odd paths and wrong commands. Each case runs the installed `bb` with a timeout and must end
with its documented exit code, a Dutch message (with the line, for YAML) and no traceback."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import ROOT, bb_exe, schone_env

KLEIN = (ROOT / "tests" / "bomen" / "klein.yaml").read_text(encoding="utf-8")
CATALOGUS = (ROOT / "instruments.yaml").read_text(encoding="utf-8")
# The first rung without participation; the catalogue's header comment may grow, so its line is counted.
GEEN_PARTICIPATIE = "    participatie: false"
GEEN_PARTICIPATIE_REGEL = CATALOGUS[:CATALOGUS.index(GEEN_PARTICIPATIE)].count("\n") + 1
ANTWOORDEN = "doel: inzichten\nbudget: laag\n"
TIJDSLIMIET = 20  # seconds per case: a hang fails the case, it does not stall the suite

OK, VALIDATIE, INVOER = 0, 1, 2


def kapot(van: str, naar: str) -> str:
    assert van in KLEIN, van
    return KLEIN.replace(van, naar, 1)


@dataclass(frozen=True)
class Geval:
    naam: str
    args: tuple[str, ...]  # `bb` arguments; '{x}' is replaced by the path of file x in the case folder
    bestanden: dict[str, str | bytes] = field(default_factory=dict)
    code: int = INVOER
    fragment: str = ""  # must appear in the output (stdout + stderr)
    regel: tuple[str, int] | None = None  # (file, line): the message must point at 'file:line:'
    nooit: tuple[str, ...] = ()  # must never appear in the output (raw escapes, ...)
    daarna: Callable[[Path], None] | None = None  # an extra check on the case folder


def _advies(boom: str | bytes) -> dict:
    return dict(args=("advies", "--boom", "{boom.yaml}", "--antwoorden", "{a.yaml}"),
                bestanden={"boom.yaml": boom, "a.yaml": ANTWOORDEN})


def _valideer(boom: str | bytes) -> dict:
    return dict(args=("boom", "valideer", "{boom.yaml}"), bestanden={"boom.yaml": boom})


def _antwoorden(inhoud: str | bytes) -> dict:
    return dict(args=("advies", "--boom", str(ROOT / "tests" / "bomen" / "klein.yaml"), "--antwoorden", "{a.yaml}"),
                bestanden={"a.yaml": inhoud})


def _geen_bestand(naam: str) -> Callable[[Path], None]:
    def controle(map_: Path) -> None:
        assert not (map_ / naam).exists(), f"{naam} was created: the YAML was executed"
    return controle


ALIASBOM = "\n".join(["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + [
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join('*' + chr(97 + i) for _ in range(9))}]" for i in range(9)]) + "\n"

GEVALLEN = [
    # --- YAML syntax -------------------------------------------------------------------------------
    Geval("tab als inspringing", **_advies(kapot("      laag:\n", "\tlaag:\n")),
          fragment="een tab? spring in met spaties", regel=("boom.yaml", 21)),
    Geval("verkeerde inspringing", **_advies(kapot("    tekst: Hoeveel budget is er?", "   tekst: Hoeveel budget is er?")),
          fragment="controleer de inspringing", regel=("boom.yaml", 19)),
    Geval("open dubbel aanhalingsteken", **_advies(kapot("titel: Kleine boom", 'titel: "Kleine boom')),
          fragment="aanhalingsteken", regel=("boom.yaml", 5)),
    Geval("open enkel aanhalingsteken", **_advies(kapot("titel: Kleine boom", "titel: 'Kleine boom")),
          fragment="aanhalingsteken", regel=("boom.yaml", 5)),
    Geval("open blokhaak", **_advies(kapot("{doel: informeren}", "[doel, informeren")),
          fragment="verwachtte ',' of ']' in de lijst", regel=("boom.yaml", 28)),
    Geval("open accolade", **_advies(kapot("{doel: informeren}", "{doel: informeren")),
          fragment="boom.yaml:", regel=("boom.yaml", 28)),
    Geval("vergeten dubbele punt", **_advies(kapot("    tekst: Wat is het doel?", "    tekst Wat is het doel?")),
          fragment="mist er een ':' op een regel erboven?", regel=("boom.yaml", 10)),
    Geval("twee documenten", **_advies(KLEIN + "---\nboom: {}\n"), fragment="maar één YAML-document"),
    Geval("valideer meldt syntaxfout met exitcode 1", **_valideer(kapot("      laag:\n", "\tlaag:\n")),
          code=VALIDATIE, fragment="spring in met spaties", regel=("boom.yaml", 21)),
    # --- wrong types -------------------------------------------------------------------------------
    Geval("lijst waar een mapping hoort", **_advies(kapot("vragen:\n", "vragen: [doel, budget]\nweg:\n")),
          fragment="'vragen' van de beslisboom moet een mapping", regel=("boom.yaml", 7),
          nooit=("onbekende vraag",)),
    Geval("getal als id", **_advies(kapot("start: doel", "start: 12")), fragment="'start' van de beslisboom moet tekst zijn",
          regel=("boom.yaml", 6)),
    Geval("leeg label", **_advies(kapot("        label: Hoog", "        label:")),
          fragment="moet tekst zijn, maar is een lege waarde", regel=("boom.yaml", 24)),
    Geval("opties als lijst", **_advies(kapot("    opties:\n      laag:\n        label: Laag\n      hoog:\n        label: Hoog",
                                               "    opties: [laag, hoog]")),
          fragment="moet een mapping (id: ...) zijn", regel=("boom.yaml", 20)),
    Geval("punten als tekst", **_advies(kapot("    soort: eis\n", "    soort: eis\n    punten: veel\n")),
          fragment="moet een geheel getal zijn", regel=("boom.yaml", 36)),
    Geval("het hele bestand een lijst", **_advies("- een\n- twee\n"), fragment="moet een mapping",
          regel=("boom.yaml", 1)),
    Geval("leeg bestand", **_advies(""), fragment="het bestand is leeg", regel=("boom.yaml", 1)),
    Geval("participatie als tekst in de catalogus",
          args=("instrumenten", "--catalogus", "{c.yaml}"),
          bestanden={"c.yaml": CATALOGUS.replace(GEEN_PARTICIPATIE, '    participatie: "nee"', 1)},
          fragment="moet true of false zijn", regel=("c.yaml", GEEN_PARTICIPATIE_REGEL)),
    # --- encodings ---------------------------------------------------------------------------------
    Geval("UTF-16", **_advies(KLEIN.encode("utf-16")), fragment="UTF-16", regel=("boom.yaml", 1)),
    Geval("Latin-1", **_advies(KLEIN.replace("Kleine boom", "Kleine boom é").encode("latin-1")),
          fragment="geen geldige UTF-8", regel=("boom.yaml", 5)),
    Geval("BOM mag", **_advies("\ufeff" + KLEIN), code=OK, fragment="Raadplegen"),
    Geval("NUL-teken", **_advies(KLEIN.replace("Kleine", "Klei\x00ne").encode()), fragment="NUL-teken",
          regel=("boom.yaml", 5)),
    Geval("kapotte UTF-8 middenin", **_advies(KLEIN.encode().replace(b"Hoog", b"Ho\xc3\x28g")),
          fragment="geen geldige UTF-8", regel=("boom.yaml", 24)),
    # --- tags: refused, never executed --------------------------------------------------------------
    Geval("python/object/apply", **_advies(kapot("titel: Kleine boom",
                                                 "titel: !!python/object/apply:os.system ['touch gehackt']")),
          fragment="is niet toegestaan", regel=("boom.yaml", 5), daarna=_geen_bestand("gehackt")),
    Geval("python/name", **_advies(kapot("titel: Kleine boom", "titel: !!python/name:os.system")),
          fragment="is niet toegestaan", regel=("boom.yaml", 5)),
    Geval("eigen tag", **_advies(kapot("titel: Kleine boom", "titel: !include geheim.yaml")),
          fragment="is niet toegestaan", regel=("boom.yaml", 5)),
    Geval("binary", **_advies(kapot("titel: Kleine boom", "titel: !!binary aGFsbG8=")),
          fragment="is niet toegestaan", regel=("boom.yaml", 5)),
    Geval("antwoordenbestand met een tag", **_antwoorden("doel: !!python/object/apply:os.system ['touch x']\n"),
          fragment="is niet toegestaan", regel=("a.yaml", 1), daarna=_geen_bestand("x")),
    # --- bombs and size ------------------------------------------------------------------------------
    Geval("alias-bom", **_advies(ALIASBOM), fragment="ankers en verwijzingen", regel=("boom.yaml", 2)),
    Geval("diepe nesting", **_advies("vragen: " + "[" * 100_000 + "]" * 100_000 + "\n"), fragment="te diep genest"),
    Geval("groot bestand van 7 MB", **_valideer(("# " + "x" * 98 + "\n") * 70_000 + KLEIN), code=OK,
          fragment="beslisboom in orde"),
    Geval("te groot bestand van 30 MB", **_valideer(("# " + "x" * 98 + "\n") * 300_000 + KLEIN),
          fragment="is groter dan 8 MB"),
    # --- duplicate keys: an error, not a silent merge -------------------------------------------------
    Geval("dubbele vraag", **_advies(kapot("  budget:\n", "  budget:\n    tekst: x\n  budget:\n")),
          fragment="sleutel 'budget' komt twee keer voor (eerder op regel 17)", regel=("boom.yaml", 19)),
    Geval("dubbele optie", **_advies(kapot("      hoog:\n", "      laag:\n        label: L\n      hoog:\n")),
          fragment="sleutel 'laag' komt twee keer voor", regel=("boom.yaml", 23)),
    Geval("dubbel antwoord", **_antwoorden("doel: inzichten\ndoel: informeren\n"), fragment="komt twee keer voor",
          regel=("a.yaml", 2)),
    # --- markup, escapes and control characters: shown literally -------------------------------------
    Geval("Rich-opmaak in een label", args=("boom", "toon", "{boom.yaml}"),
          bestanden={"boom.yaml": kapot("label: Hoog", "label: '[bold red]Hoog[/] [link=http://x]klik[/link]'")},
          code=OK, fragment="[bold red]Hoog[/] [link=http://x]klik[/link]"),
    Geval("ANSI-escape in een vraag", args=("boom", "toon", "{boom.yaml}"),
          bestanden={"boom.yaml": kapot("tekst: Wat is het doel?", 'tekst: "Wat\\e[2J\\e]0;titel\\a is het doel?"')},
          code=OK, fragment="Wat\\u001b[2J\\u001b]0;titel\\u0007 is het doel?", nooit=("\x1b",)),
    Geval("richtingteken in een label", args=("boom", "toon", "{boom.yaml}"),
          bestanden={"boom.yaml": kapot("label: Laag", 'label: "Laag \\u202eooh"')},
          code=OK, fragment="Laag \\u202eooh", nooit=("\u202e",)),
    Geval("escape in een foutmelding", **_advies(kapot("start: doel", 'start: "do\\e[31mel"')),
          fragment="geen geldige id", nooit=("\x1b",)),
    # --- wrong answers files ----------------------------------------------------------------------------
    Geval("leeg antwoordenbestand", **_antwoorden(""), fragment="het antwoordenbestand is leeg", regel=("a.yaml", 1)),
    Geval("antwoorden als lijst", **_antwoorden("- doel\n- budget\n"), fragment="vraag-id: optie-id",
          regel=("a.yaml", 1)),
    Geval("antwoorden als losse waarde", **_antwoorden("inzichten\n"), fragment="vraag-id: optie-id"),
    Geval("onbekende vraag", **_antwoorden("dol: inzichten\nbudget: laag\n"),
          fragment="onbekende vraag 'dol'; bedoelde u 'doel'?", regel=("a.yaml", 1)),
    Geval("verkeerde optie", **_antwoorden("doel: inzicht\nbudget: laag\n"),
          fragment="vraag 'doel' heeft geen optie 'inzicht'; bedoelde u 'inzichten'?", regel=("a.yaml", 1)),
    Geval("antwoord als getal", **_antwoorden("doel: 3\nbudget: laag\n"), fragment="moet tekst zijn, maar is een getal",
          regel=("a.yaml", 1)),
    Geval("antwoord als mapping", **_antwoorden("doel: {a: b}\nbudget: laag\n"), fragment="moet tekst zijn",
          regel=("a.yaml", 1)),
    Geval("ontbrekend antwoord", **_antwoorden("doel: inzichten\n"), fragment="antwoord ontbreekt op vraag 'budget'"),
    Geval("weet_niet waar dat niet mag", **_antwoorden("doel: weet_niet\n"), fragment="staat 'weet_niet' niet toe",
          regel=("a.yaml", 1)),
    Geval("kapotte JSON", args=("advies", "--antwoorden", "{a.json}"), bestanden={"a.json": '{"fase": "evaluatie",\n}'},
          fragment="ongeldige JSON", regel=("a.json", 2)),
    # --- paths ----------------------------------------------------------------------------------------
    Geval("map waar een bestand hoort", args=("advies", "--antwoorden", "{map}"), bestanden={"map/x": ""},
          fragment="is een map, geen bestand"),
    Geval("ontbrekend bestand", args=("advies", "--antwoorden", "{bestaat-niet.yaml}"),
          fragment="bestand niet gevonden"),
    Geval("symlink-lus", args=("advies", "--antwoorden", "{lus.yaml}"), bestanden={"lus.yaml": "->lus.yaml"},
          fragment="kan "),
    Geval("spaties en niet-ASCII in het pad", args=("advies", "--boom", "{mijn bomen/bóóm é.yaml}", "--antwoorden",
                                                    "{ant woorden/ä.yaml}"),
          bestanden={"mijn bomen/bóóm é.yaml": KLEIN, "ant woorden/ä.yaml": ANTWOORDEN}, code=OK, fragment="Raadplegen"),
    # --- wrong commands -----------------------------------------------------------------------------------
    Geval("onbekende optie", args=("advies", "--antwoord", "x"), fragment="onbekende optie"),
    Geval("onbekende opdracht", args=("adviez",), fragment="onbekende opdracht"),
    Geval("onbekend formaat", args=("instrumenten", "--formaat", "pdf"), fragment="onbekend formaat 'pdf'"),
    Geval("onbekende boom", args=("advies", "--boom", "rijksoverheit", "-a", "{a.yaml}"),
          bestanden={"a.yaml": ANTWOORDEN}, fragment="bedoelde u 'rijksoverheid'?"),
    Geval("onbekend begrip", args=("begrippen", "burgerberad"), fragment="bedoelde u 'Burgerberaad'?"),
    Geval("valideer zonder bestand", args=("boom", "valideer"), fragment="ontbrekend argument"),
    # --- the web page, the comparison and overlays -------------------------------------------------------
    Geval("webpagina naar een map", args=("boom", "website", "{boom.yaml}", "--uitvoer", "{map}"),
          bestanden={"boom.yaml": KLEIN, "map/x": ""}, fragment="is een map, geen bestand"),
    Geval("webpagina over een bestaand bestand", args=("boom", "website", "{boom.yaml}", "--uitvoer", "{oud.html}"),
          bestanden={"boom.yaml": KLEIN, "oud.html": "mijn eigen pagina"}, fragment="bestaat al",
          daarna=lambda map_: _ongewijzigd(map_ / "oud.html", "mijn eigen pagina")),
    Geval("webpagina van een kapotte boom", args=("boom", "website", "{boom.yaml}", "--uitvoer", "{x.html}"),
          bestanden={"boom.yaml": kapot("start: doel", "start: [doel")}, fragment="verwachtte ',' of ']'",
          regel=("boom.yaml", 7),
          daarna=_geen_bestand("x.html")),
    Geval("verschil met een kapotte nieuwe boom", args=("boom", "verschil", "{oud.yaml}", "{nieuw.yaml}"),
          bestanden={"oud.yaml": KLEIN, "nieuw.yaml": kapot("volgende: advies", "volgende: adviez")},
          fragment="onbekende vraag 'adviez'", regel=("nieuw.yaml", 16)),
    Geval("verschil --git buiten een git-opslag", args=("boom", "verschil", "--git", "HEAD", "{boom.yaml}"),
          bestanden={"boom.yaml": KLEIN}, fragment="staat niet in een git-opslag"),
    Geval("bases die een kring vormen", args=("advies", "--boom", "{a.yaml}", "--antwoorden", "{ant.yaml}"),
          bestanden={"a.yaml": "basis: b.yaml\n", "b.yaml": "basis: a.yaml\n", "ant.yaml": ANTWOORDEN},
          fragment="de bases vormen een kring", regel=("b.yaml", 1)),
]


def _ongewijzigd(pad: Path, inhoud: str) -> None:
    assert pad.read_text(encoding="utf-8") == inhoud, f"{pad} was overwritten"


def _maak(map_: Path, naam: str, inhoud: str | bytes) -> None:
    pad = map_ / naam
    pad.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(inhoud, str) and inhoud.startswith("->"):
        pad.symlink_to(map_ / inhoud[2:])
    elif isinstance(inhoud, bytes):
        pad.write_bytes(inhoud)
    else:
        pad.write_text(inhoud, encoding="utf-8")


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.naam for g in GEVALLEN])
def test_vijandige_invoer(tmp_path: Path, geval: Geval) -> None:
    for naam, inhoud in geval.bestanden.items():
        _maak(tmp_path, naam, inhoud)
    args = []
    for a in geval.args:
        if a.startswith("{") and a.endswith("}"):
            a = str(tmp_path / a[1:-1])
        args.append(a)
    uit = subprocess.run([bb_exe(), *args], cwd=tmp_path, capture_output=True, timeout=TIJDSLIMIET,
                         env=schone_env(), stdin=subprocess.DEVNULL)
    tekst = (uit.stdout + uit.stderr).decode("utf-8")
    assert uit.returncode == geval.code, tekst
    assert geval.fragment in tekst, tekst
    assert "Traceback" not in tekst and "interne fout" not in tekst, tekst
    if geval.regel is not None:
        bestand, regel = geval.regel
        assert f"{tmp_path / bestand}:{regel}:" in tekst, tekst
    for verboden in geval.nooit:
        assert verboden not in tekst, repr(tekst)
    if geval.daarna is not None:
        geval.daarna(tmp_path)


def test_het_corpus_is_groot_genoeg() -> None:
    assert len(GEVALLEN) >= 40
    assert {g.code for g in GEVALLEN} == {OK, VALIDATIE, INVOER}


def test_een_onleesbaar_bestand(bb, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        onleesbaar = Path("/proc/self/mem")  # root reads any mode; this file refuses a plain read
    else:
        onleesbaar = tmp_path / "geheim.yaml"
        onleesbaar.write_text(ANTWOORDEN, encoding="utf-8")
        onleesbaar.chmod(0)
    uit = bb("advies", "--antwoorden", str(onleesbaar), cwd=tmp_path)
    assert uit.returncode == 2 and f"'{onleesbaar}'" in uit.stderr
    assert "Traceback" not in uit.stderr
