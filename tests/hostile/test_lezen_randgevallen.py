"""Edge cases of reading input, from an adversarial review: valid JSON is read as JSON (an emoji as
json.dumps writes it, a number of 5,000 digits) and JavaScript's Infinity and NaN are not; every
problem PyYAML or libyaml can report is said in Dutch; one pipe named twice is refused before it
is read; a tree cannot have question ids whose saved answers could not be read back; an overlay is
recognised by its base and its mistakes are shown at its own lines."""

from __future__ import annotations

import ast
import json
import subprocess
from pathlib import Path

import pytest
import yaml

from burgers_betrekken.lezen.knopen import ONGELDIG, vertaal_probleem
from tests.conftest import ROOT, assert_geen_traceback, run_bb

KLEIN = ROOT / "tests" / "bomen" / "klein.yaml"
OK, VALIDATIE, INVOER = 0, 1, 2
VEEL_CIJFERS = "9" * 5000


def _schrijf(pad: Path, tekst: str) -> Path:
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _fout(uit: subprocess.CompletedProcess[str], code: int, *regels: str) -> None:
    """Exit `code`, every one of `regels` on stderr (or stdout for valideer's report), no traceback."""
    assert_geen_traceback(uit)
    assert uit.returncode == code, (uit.returncode, uit.stdout, uit.stderr)
    for regel in regels:
        assert regel in uit.stdout + uit.stderr, uit.stdout + uit.stderr


def _advies(tmp_path: Path, antwoorden: Path, *extra: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`bb advies` with the small tree and `antwoorden`, asked to write out.md (which a refusal leaves unwritten)."""
    uit = run_bb("advies", "--boom", str(KLEIN), "-a", str(antwoorden), "-o", "out.md", *extra,
                 cwd=tmp_path, stdin=stdin)
    if uit.returncode != OK:
        assert not (tmp_path / "out.md").exists()
    return uit


# --- 1. a JSON number of more than 4,300 digits: located, in Dutch, like the same number in YAML ---

def test_lang_getal_in_json_antwoorden(tmp_path: Path) -> None:
    a = _schrijf(tmp_path / "big.json", f'{{"doel": {VEEL_CIJFERS}, "budget": "laag"}}')
    uit = _advies(tmp_path, a)
    _fout(uit, INVOER, f"{a}:1:10: fout: het antwoord op 'doel' (een optie-id) moet tekst zijn, maar is een getal")
    assert "ValueError" not in uit.stderr and "digits" not in uit.stderr


def test_lang_getal_in_json_verslag(tmp_path: Path) -> None:
    a = _schrijf(tmp_path / "r.json", f'{{"boom": {{"id": "klein"}}, "pad": [{{"vraag": "doel", "antwoord": '
                                      f'{VEEL_CIJFERS}}}]}}')
    _fout(_advies(tmp_path, a), INVOER, f"{a}:1:65: fout: 'antwoord' in een stap van 'pad' moet tekst zijn, maar is "
                                        f"een getal")


def test_lang_getal_in_json_boom(tmp_path: Path) -> None:
    tekst = json.dumps(yaml.safe_load(KLEIN.read_text(encoding="utf-8"))).replace('"versie": "1.0"',
                                                                                  f'"versie": {VEEL_CIJFERS}')
    boom = _schrijf(tmp_path / "boom.json", tekst)
    kolom = tekst.index(VEEL_CIJFERS) + 1
    _fout(run_bb("boom", "valideer", str(boom)), VALIDATIE,
          f"{boom}:1:{kolom}: fout: 'versie' van 'boom' moet tekst zijn, maar is een getal")


# --- 7. valid JSON is accepted: json.dumps's escaped surrogate pairs, raw characters YAML refuses ---

def _bewaard(tmp_path: Path, antwoorden: Path) -> str:
    """`bb advies -a antwoorden --bewaar b.yaml` succeeds; the saved answers."""
    uit = run_bb("advies", "--boom", str(KLEIN), "-a", str(antwoorden), "--bewaar", "b.yaml", cwd=tmp_path)
    assert_geen_traceback(uit)
    assert uit.returncode == OK, uit.stderr
    return (tmp_path / "b.yaml").read_text(encoding="utf-8")


def test_json_dumps_met_emoji_wordt_gelezen(tmp_path: Path) -> None:
    a = _schrijf(tmp_path / "py.json", json.dumps({"doel": "inzichten", "budget": "laag", "motivering": "Overleg 👍"}))
    assert "motivering: Overleg 👍\n" in _bewaard(tmp_path, a)


def test_plek_na_emoji_en_ruwe_tekens_klopt(tmp_path: Path) -> None:
    """After the rewrites that make JSON readable as YAML, a key later on the line is still at its column."""
    tekst = json.dumps({"motivering": "Overleg 👍👍 en \x85\u2028\x80", "doel": "onbekend"}, ensure_ascii=False)
    tekst = tekst.replace("👍", "\\ud83d\\udc4d", 1)  # one escaped as json.dumps does, one written raw
    a = _schrijf(tmp_path / "plek.json", tekst)
    kolom = tekst.index('"doel"') + 1
    _fout(_advies(tmp_path, a), INVOER, f"{a}:1:{kolom}: fout: vraag 'doel' heeft geen optie 'onbekend'")


@pytest.mark.parametrize("escape", ["\\ud83d", "\\ude00"])
def test_losse_surrogaat_in_json_is_geen_yaml_fout(tmp_path: Path, escape: str) -> None:
    tekst = f'{{"doel": "inzichten", "motivering": "x{escape}"}}'
    a = _schrijf(tmp_path / "los.json", tekst)
    uit = _advies(tmp_path, a)
    _fout(uit, INVOER, f"{a}:1:{tekst.index(escape) + 1}: fout: ongeldige JSON: '{escape}' is een losse helft van "
                       f"een teken")
    assert "YAML" not in uit.stderr


def test_json_met_schuine_streep_voor_u_blijft_tekst(tmp_path: Path) -> None:
    """An escaped backslash before 'u' is text, not the start of an escape."""
    a = _schrijf(tmp_path / "bs.json", json.dumps({"doel": "inzichten", "budget": "laag", "motivering": "C:\\ud83d"}))
    assert "C:\\ud83d" in _bewaard(tmp_path, a)


# --- 23. Infinity and NaN are not JSON -------------------------------------------------------------

@pytest.mark.parametrize("waarde", ["Infinity", "-Infinity", "NaN"])
def test_infinity_en_nan_in_json_verslag(tmp_path: Path, waarde: str) -> None:
    tekst = ('{"boom": {"id": "klein"}, "pad": [{"vraag": "doel", "antwoord": "inzichten"},\n'
             f' {{"vraag": "budget", "antwoord": "laag", "kans": {waarde}}}]}}')
    a = _schrijf(tmp_path / "r.json", tekst)
    kolom = tekst.splitlines()[1].index(waarde) + 1
    _fout(_advies(tmp_path, a), INVOER,
          f"{a}:2:{kolom}: fout: ongeldige JSON: '{waarde}' is geen JSON-waarde; schrijf een getal of null")


def test_infinity_als_tekst_mag(tmp_path: Path) -> None:
    a = _schrijf(tmp_path / "t.json", '{"doel": "inzichten", "budget": "laag", "motivering": "NaN, Infinity"}')
    assert _advies(tmp_path, a).returncode == OK


# --- 8. every problem either YAML reader reports is said in Dutch ---------------------------------

_PLAATSHOUDERS = {"%r": "'x'", "%d": "4", "%s": "x"}
_NAMEN = ("directive", "tag", "anchor", "alias", "block", "flow", "tag directive")
"""What PyYAML fills in for '%s' in its contexts ('while scanning a %s')."""


def _tekst(knoop: ast.expr | None) -> list[str] | None:
    """The texts a string argument of a PyYAML error can be: a literal, or a literal formatted with %."""
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        return [knoop.value]
    if isinstance(knoop, ast.BinOp) and isinstance(knoop.op, ast.Mod) and isinstance(knoop.left, ast.Constant):
        sjabloon = str(knoop.left.value)
        for teken in ("%r", "%d"):
            sjabloon = sjabloon.replace(teken, _PLAATSHOUDERS[teken])
        return [sjabloon.replace("%s", naam) for naam in _NAMEN] if "%s" in sjabloon else [sjabloon]
    if isinstance(knoop, ast.Constant) and knoop.value is None:
        return None
    return ["'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"]  # str(exc)


def _pyyaml_problemen() -> list[tuple[str | None, str]]:
    """(context, problem) of every error PyYAML's scanner, parser, composer and reader raise."""
    uit: list[tuple[str | None, str]] = []
    for module in ("scanner", "parser", "composer", "reader"):
        bron = (Path(yaml.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
        for knoop in ast.walk(ast.parse(bron)):
            if not (isinstance(knoop, ast.Raise) and isinstance(knoop.exc, ast.Call)
                    and isinstance(knoop.exc.func, ast.Name) and knoop.exc.func.id.endswith("Error")):
                continue
            args = knoop.exc.args
            if knoop.exc.func.id == "ReaderError":
                uit += [(None, p) for p in _tekst(args[4]) or []]
            elif len(args) >= 3:
                for context in _tekst(args[0]) or [None]:
                    uit += [(context, p) for p in _tekst(args[2]) or []]
    return uit


LIBYAML = [
    # (context, problem) as libyaml 0.2.5 (in PyYAML's wheels, yaml._yaml) words them
    ("while scanning for the next token", "found character that cannot start any token"),
    (None, "block sequence entries are not allowed in this context"),
    (None, "mapping keys are not allowed in this context"),
    (None, "mapping values are not allowed in this context"),
    ("while scanning a simple key", "could not find expected ':'"),
    ("while scanning a directive", "could not find expected directive name"),
    ("while scanning a directive", "found unknown directive name"),
    ("while scanning a directive", "found unexpected non-alphabetical character"),
    ("while scanning a %YAML directive", "did not find expected digit or '.' character"),
    ("while scanning a %YAML directive", "did not find expected version number"),
    ("while scanning a %YAML directive", "found extremely long version number"),
    ("while scanning a %YAML directive", "did not find expected whitespace"),
    ("while scanning a %TAG directive", "did not find expected whitespace or line break"),
    ("while scanning a %TAG directive", "did not find expected whitespace"),
    ("while scanning a directive", "did not find expected comment or line break"),
    ("while parsing a tag", "did not find URI escaped octet"),
    ("while parsing a tag", "did not find expected tag URI"),
    ("while parsing a tag", "did not find the expected '>'"),
    ("while parsing a tag directive", "did not find expected '!'"),
    ("while scanning a tag", "did not find expected whitespace or line break"),
    ("while scanning an anchor", "did not find expected alphabetic or numeric character"),
    ("while scanning an alias", "did not find expected alphabetic or numeric character"),
    ("while parsing a flow sequence", "did not find expected ',' or ']'"),
    ("while parsing a flow mapping", "did not find expected ',' or '}'"),
    ("while parsing a block collection", "did not find expected '-' indicator"),
    ("while parsing a block mapping", "did not find expected key"),
    (None, "did not find expected <document start>"),
    (None, "did not find expected <stream-start>"),
    ("while parsing a block node", "did not find expected node content"),
    ("while parsing a flow node", "did not find expected node content"),
    ("while scanning a block scalar", "did not find expected comment or line break"),
    ("while scanning a block scalar", "found an indentation indicator equal to 0"),
    ("while scanning a quoted scalar", "found unexpected end of stream"),
    ("while scanning a quoted scalar", "found unexpected document indicator"),
    ("while parsing a quoted scalar", "did not find expected hexdecimal number"),
    ("while parsing a quoted scalar", "found invalid Unicode character escape code"),
    ("while parsing a quoted scalar", "found unknown escape character"),
    ("while scanning a plain scalar", "found unexpected ':'"),
    ("while scanning a plain scalar", "found a tab character that violates indentation"),
    ("while scanning for the next token", "found a tab character where an indentation space is expected"),
    (None, "found duplicate %YAML directive"),
    (None, "found duplicate %TAG directive"),
    (None, "found incompatible YAML document"),
    (None, "incompatible %YAML directive"),
    (None, "duplicate %TAG directive"),
    ("while parsing a node", "found undefined tag handle"),
    (None, "control characters are not allowed"),
    (None, "invalid Unicode character"),
    (None, "found an incorrect leading UTF-8 octet"),
    (None, "found an incorrect trailing UTF-8 octet"),
    (None, "invalid leading UTF-8 octet"),
    (None, "invalid trailing UTF-8 octet"),
    (None, "invalid length of a UTF-8 sequence"),
    (None, "input is too long"),
    ("while increasing flow level", None),
    ("while increasing block level", None),
]


def test_pyyaml_bron_levert_problemen() -> None:
    """The collection below reads PyYAML's source; it must find its errors, or the next test proves nothing."""
    assert len(_pyyaml_problemen()) > 50


@pytest.mark.parametrize(("context", "probleem"), _pyyaml_problemen() + LIBYAML)
def test_elk_yaml_probleem_in_het_nederlands(context: str | None, probleem: str | None) -> None:
    nl = vertaal_probleem(probleem, context)
    assert nl != ONGELDIG, (context, probleem)
    for engels in (probleem, context):
        assert not engels or engels not in nl


def test_onbekend_probleem_geeft_geen_engels() -> None:
    assert vertaal_probleem("frobnicated the widget", "while frobbing") == "ongeldige YAML op deze plek"


@pytest.mark.parametrize(("tekst", "plek", "bericht"), [
    ("start: [\n", "2:1", "hier hoort een waarde"),
    ("...\na: 1\n", "1:1", "hier hoort een waarde"),
    ('a: "\\x4"\n', "1:4", "te weinig hexadecimale cijfers"),
    ('a: "\\U00110000"\n', "1:4", "is geen geldig teken"),
    ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "2:1", "de %YAML-regel staat er twee keer"),
    ("%TAG !a! tag:x,2000:\n%TAG !a! tag:x,2000:\n---\na: 1\n", "2:1", "dezelfde %TAG-regel staat er twee keer"),
    ("%FOO\n---\na: 1\n", "1:5", "onbekende regel met '%'"),
    ("%YAML 1.x\n---\na: 1\n", "1:9", "alleen YAML-versie 1.x wordt gelezen"),
    ("%YAML 2.0\n---\na: 1\n", "1:1", "alleen YAML-versie 1.x wordt gelezen"),
    ("a: |0\n x\n", "1:5", "na '|' of '>' mag de inspringing 1 tot en met 9 zijn, niet 0"),
])
def test_yaml_fouten_van_de_review(tmp_path: Path, tekst: str, plek: str, bericht: str) -> None:
    a = _schrijf(tmp_path / "a.yaml", tekst)
    uit = _advies(tmp_path, a)
    _fout(uit, INVOER, f"{a}:{plek}: fout: ", bericht)
    for engels in ("found", "did not", "expected", "invalid", "YAML ("):
        assert engels not in uit.stderr, uit.stderr


# --- 24. one pipe named twice is refused before it is read -----------------------------------------

def test_zelfde_stdin_twee_keer_in_verschil(tmp_path: Path) -> None:
    uit = run_bb("boom", "verschil", "/dev/stdin", "/dev/stdin", cwd=tmp_path,
                 stdin=KLEIN.read_text(encoding="utf-8"))
    _fout(uit, INVOER, "fout: '/dev/stdin' en '/dev/stdin' zijn dezelfde invoer",
          "dezelfde invoer kan maar één keer gelezen worden")
    assert "leeg" not in uit.stderr


@pytest.mark.parametrize("antwoorden", ["/dev/stdin", "/dev/fd/0"])
def test_zelfde_stdin_als_boom_en_antwoorden(tmp_path: Path, antwoorden: str) -> None:
    uit = run_bb("advies", "--boom", "/dev/stdin", "-a", antwoorden, "-o", "out.md", cwd=tmp_path,
                 stdin=KLEIN.read_text(encoding="utf-8"))
    _fout(uit, INVOER, f"fout: '/dev/stdin' en '{antwoorden}' zijn dezelfde invoer",
          "dezelfde invoer kan maar één keer gelezen worden")
    assert "het antwoord op" not in uit.stderr
    assert not (tmp_path / "out.md").exists()


def test_zelfde_stdin_twee_keer_in_valideer(tmp_path: Path) -> None:
    uit = run_bb("boom", "valideer", "/dev/stdin", "/dev/stdin", cwd=tmp_path, stdin=KLEIN.read_text(encoding="utf-8"))
    _fout(uit, INVOER, "dezelfde invoer kan maar één keer gelezen worden")
    assert "in orde" not in uit.stdout


def test_stdin_een_keer_mag(tmp_path: Path) -> None:
    uit = run_bb("advies", "--boom", str(KLEIN), "-a", "/dev/stdin", cwd=tmp_path,
                 stdin="doel: inzichten\nbudget: laag\n")
    assert uit.returncode == OK, uit.stderr


# --- 6. question ids whose saved answers could not be read back ------------------------------------

def _klein_met(tmp_path: Path, **hernoemd: str) -> Path:
    """The small tree with question ids renamed (doel, budget → the given ids), references included."""
    tekst = KLEIN.read_text(encoding="utf-8")
    for oud, nieuw in hernoemd.items():
        tekst = (tekst.replace(f"  {oud}:\n", f"  {nieuw}:\n").replace(f"volgende: {oud}\n", f"volgende: {nieuw}\n")
                 .replace(f"start: {oud}\n", f"start: {nieuw}\n").replace(f"{{{oud}: ", f"{{{nieuw}: "))
    return _schrijf(tmp_path / "boom.yaml", tekst)


def test_vraag_motivering_wordt_geweigerd(tmp_path: Path) -> None:
    boom = _klein_met(tmp_path, budget="motivering")
    _fout(run_bb("boom", "valideer", str(boom)), VALIDATIE,
          f"{boom}:17:3: fout: 'motivering' is een gereserveerd woord en kan geen vraag-id zijn: in een "
          f"antwoordenbestand is het de motivering, geen antwoord")
    uit = run_bb("advies", "--boom", str(boom), "--bewaar", "b.yaml", cwd=tmp_path)
    _fout(uit, INVOER, "'motivering' is een gereserveerd woord")
    assert not (tmp_path / "b.yaml").exists()


def test_vragen_boom_en_pad_worden_geweigerd(tmp_path: Path) -> None:
    boom = _klein_met(tmp_path, doel="boom", budget="pad")
    _fout(run_bb("boom", "valideer", str(boom)), VALIDATIE,
          f"{boom}:17:3: fout: naast een vraag 'boom' kan 'pad' geen vraag-id zijn: een antwoordenbestand met "
          f"'boom' en 'pad' wordt gelezen als verslag van bb advies")


def test_vraag_pad_alleen_mag(tmp_path: Path) -> None:
    boom = _klein_met(tmp_path, budget="pad")
    uit = run_bb("boom", "valideer", str(boom))
    assert uit.returncode == OK, uit.stdout + uit.stderr


# --- 15, 16, 20. overlays: recognised by their base, mistakes shown at their own lines --------------

def test_boom_overlay_met_catalogus_bovenaan(tmp_path: Path) -> None:
    _schrijf(tmp_path / "cat.yaml", "basis: standaard\n")
    t = _schrijf(tmp_path / "t.yaml", "basis: rijksoverheid\ncatalogus: cat.yaml\n")
    uit = run_bb("boom", "valideer", str(t))
    _fout(uit, VALIDATIE, f"{t}:2:1: fout: 'catalogus' hoort niet bovenaan in de beslisboom maar onder 'boom:', "
                          f"ingesprongen")
    assert "bestaat niet" not in uit.stdout


def test_overlay_die_alle_opties_weghaalt(tmp_path: Path) -> None:
    o = _schrijf(tmp_path / "o9.yaml", "basis: rijksoverheid\nvragen:\n  fase:\n    opties:\n"
                 "      beleidsontwikkeling: weg\n      uitwerking: weg\n      signalen: weg\n      evaluatie: weg\n")
    uit = run_bb("boom", "valideer", str(o))
    _fout(uit, VALIDATIE, f"{o}:8:7: fout: de opties van vraag 'fase': een vraag heeft minstens twee opties nodig; "
                          f"dit bestand haalt 'beleidsontwikkeling', 'uitwerking', 'signalen', 'evaluatie' hier weg")
    assert "rijksoverheid.yaml:41:7" not in uit.stdout


@pytest.mark.parametrize("basis", ["./", "."])
def test_basis_die_de_eigen_map_is(tmp_path: Path, basis: str) -> None:
    b = _schrijf(tmp_path / "b.yaml", f"basis: {basis}\n")
    uit = run_bb("boom", "valideer", str(b))
    _fout(uit, VALIDATIE, f"{b}:1:8: fout: de basis '{basis}' is een map, geen bestand")
    assert "buiten" not in uit.stdout
