"""Text a hostile or careless user makes `bb` show: command-line mistakes that click words in
English, git's object-type words, Markdown syntax in a motivation that the `.md` record would
render, and invisible or direction characters in a tree's labels. Each reaches the user in Dutch
and as visible text, never as English, rendered markup or a hidden character."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import click
import pytest

from burgers_betrekken.opdrachtregel.clickmeldingen import melding
from tests.conftest import IN_CI, ROOT, assert_geen_traceback, run_bb

KLEIN = ROOT / "tests" / "bomen" / "klein.yaml"
INVOER = 2

ENGELS = ["does not take", "is not a valid", "is not in the range", "is not one of", "Missing", "No such",
          "Got unexpected", "Usage:", "Try", "Error", "Did you mean", "requires", "Invalid", "argument(s)",
          "does not exist", "option", "value", "given", "Choose from", "boolean", "integer"]


def _geen_engels(tekst: str) -> None:
    # 'optie'/'waarde' are Dutch; look for the English words as whole words
    for woord in ENGELS:
        assert not re.search(rf"(?<![\w-]){re.escape(woord)}(?![\w-])", tekst), f"Engels {woord!r} in: {tekst}"


# --- item 9: click's messages in Dutch, with the help hint of the command that was used ---------


@pytest.mark.parametrize(("args", "verwacht", "hint"), [
    (("advies", "--kort=ja"), "optie '--kort' neemt geen waarde", "bb advies --help"),
    (("boom", "valideer", "--alle=1", "x"), "optie '--alle' neemt geen waarde", "bb boom valideer --help"),
    (("boom", "paden", str(KLEIN), "--hoogstens", "x"), "ongeldige waarde voor '--hoogstens': 'x' is geen geheel getal",
     "bb boom paden --help"),
    (("boom", "paden", str(KLEIN), "--hoogstens", "-5"), "-5 mag niet; de waarde moet minstens 1 zijn",
     "bb boom paden --help"),
    (("boom", "paden", str(KLEIN), "--hoogstens"), "optie '--hoogstens' verwacht een waarde", "bb boom paden --help"),
    (("advies", "--boom"), "optie '--boom' verwacht een waarde", "bb advies --help"),
    (("advise",), "onbekende opdracht 'advise'. Bedoelde u 'advies'?", "bb --help"),
    (("boom", "pade"), "onbekende opdracht 'pade'. Bedoelde u 'paden'?", "bb boom --help"),
    (("advies", "--kortt"), "onbekende optie '--kortt'. Bedoelde u een van: '--formaat', '--kort'?",
     "bb advies --help"),
    (("boom", "toon", "--x=1", str(KLEIN)), "onbekende optie '--x'", "bb boom toon --help"),
    (("boom", "paden", "a", "b", "c"), "onverwachte extra argumenten: b c", "bb boom paden --help"),
    (("uitleg", "a", "b"), "onverwacht extra argument: b", "bb uitleg --help"),
    (("boom", "valideer"), "ontbrekend argument 'BESTAND...'", "bb boom valideer --help"),
    (("boom", "verschil"), "ontbrekend argument 'OUD'", "bb boom verschil --help"),
    (("init",), "ontbrekend argument 'MAP'", "bb init --help"),
])
def test_een_fout_op_de_opdrachtregel_is_nederlands(args: tuple[str, ...], verwacht: str, hint: str,
                                                     tmp_path: Path) -> None:
    r = run_bb(*args, cwd=tmp_path)
    assert r.returncode == INVOER, r.stderr
    assert_geen_traceback(r)
    melding_, zie = r.stderr.splitlines()
    assert melding_.startswith("fout: ") and verwacht in melding_
    assert zie == f"Zie '{hint}'."
    assert r.stdout == "" and list(tmp_path.iterdir()) == []  # nothing shown, nothing written
    _geen_engels(r.stderr)


def _click_fout(param: click.Parameter, *args: str) -> click.ClickException:
    """The real exception click raises for these arguments, messages and all."""
    opdracht = click.Command("proef", params=[param], callback=lambda **_: None)
    with pytest.raises(click.ClickException) as fout:
        opdracht.main(list(args), prog_name="proef", standalone_mode=False)
    return fout.value


@pytest.mark.parametrize(("param", "args", "verwacht"), [
    (click.Option(["--n"], type=int), ("--n", "x"), "'x' is geen geheel getal"),
    (click.Option(["--n"], type=float), ("--n", "x"), "'x' is geen getal"),
    (click.Option(["--n"], type=click.IntRange(1, 5)), ("--n", "9"), "9 mag niet; de waarde moet minstens 1 en hoogstens 5"),
    (click.Option(["--n"], type=click.FloatRange(0, min_open=True)), ("--n", "0"), "groter dan 0"),
    (click.Option(["--k"], type=click.Choice(["a", "b"])), ("--k", "c"), "'c' is geen geldige keuze; kies uit 'a', 'b'"),
    (click.Option(["--k"], type=click.Choice(["a"])), ("--k", "c"), "'c' is geen geldige keuze; kies uit 'a'"),
    (click.Option(["--j"], type=bool), ("--j", "misschien"), "'misschien' is geen ja/nee-waarde"),
    (click.Option(["--p"], type=click.Path(exists=True)), ("--p", "/bestaat/niet"), "pad '/bestaat/niet' bestaat niet"),
    (click.Option(["--p"], type=click.Path(exists=True, dir_okay=False)), ("--p", "/"), "bestand '/' is een map"),
    (click.Option(["--f"], type=click.File()), ("--f", "/bestaat/niet"), "kan bestand '/bestaat/niet' niet openen"),
    (click.Option(["--d"], type=click.DateTime()), ("--d", "gisteren"), "past niet bij het verwachte formaat"),
    (click.Option(["--u"], type=click.UUID), ("--u", "x"), "'x' is geen geldige UUID"),
    (click.Option(["--t"], nargs=2), ("--t", "a"), "optie '--t' verwacht 2 waarden"),
    (click.Option(["--v"], required=True), (), "ontbrekende optie '--v'"),
    (click.Argument(["naam"]), (), "ontbrekend argument 'NAAM'"),
    (click.Argument(["naam"], type=int), ("x",), "ongeldige waarde voor 'NAAM': 'x' is geen geheel getal"),
    (click.Option(["--s"], is_flag=True), ("--s=1",), "optie '--s' neemt geen waarde"),
])
def test_elke_soort_click_fout_heeft_een_nederlandse_tekst(param: Any, args: tuple[str, ...], verwacht: str) -> None:
    """Every kind of message click's types and parser make (bb uses only some of them today)."""
    tekst = melding(_click_fout(param, *args))
    assert verwacht in tekst
    _geen_engels(tekst)


def test_een_onbekende_click_fout_krijgt_een_algemene_nederlandse_regel() -> None:
    assert melding(click.UsageError("Something new in click 9.")) == "ongeldige invoer op de opdrachtregel"
    assert melding(click.ClickException("Something else.")) == "ongeldige invoer op de opdrachtregel"
    fout = click.BadParameter("Computer says no.", param=click.Option(["--x"]))
    assert melding(fout) == "ongeldige waarde voor '--x': deze waarde is hier niet toegestaan"


# --- item 17: git's object types in Dutch ---------------------------------------------------------


@pytest.mark.parametrize(("rev", "woord"), [
    ("HEAD^{tree}", "geen commit maar een map"),
    ("HEAD:boom.yaml", "geen commit maar een bestand"),
    ("boomtag", "geen commit maar een tag die niet naar een commit wijst"),
])
def test_git_noemt_de_soort_van_een_versie_in_het_nederlands(tmp_path: Path, rev: str, woord: str) -> None:
    from tests.hostile.test_git_hardening import _git, _opslag

    if shutil.which("git") is None:
        pytest.fail("git is not installed") if IN_CI else pytest.skip("git is not installed")
    _opslag(tmp_path, {"boom.yaml": KLEIN.read_text(encoding="utf-8")})
    _git(tmp_path, "tag", "-a", "-m", "een map", "boomtag", "HEAD^{tree}")
    voor = sorted(p.name for p in tmp_path.iterdir())
    r = run_bb("boom", "verschil", "--git", rev, "boom.yaml", cwd=tmp_path)
    assert r.returncode == INVOER, r.stderr
    assert_geen_traceback(r)
    assert r.stderr == (f"fout: '{rev}' is {woord}; noem een commit, tak of tag, bijvoorbeeld HEAD of main\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == voor and r.stdout == ""
    for engels in ("tree", "blob"):
        assert engels not in r.stderr.replace(rev, "")


# --- item 19: every invisible or direction character is shown, in every output ----------------------

BEHOUDEN = {"\t", "\n", "\u200c", "\u200d"}  # text: tab, newline, the zero-width (non-)joiners


def test_de_stuurtekens_zijn_alle_tekens_van_cc_cf_zl_en_zp() -> None:
    import unicodedata

    from burgers_betrekken.kern.woorden import STUURTEKENS

    for code in range(0x110000):
        teken = chr(code)
        onzichtbaar = (unicodedata.category(teken) in ("Cc", "Cf", "Zl", "Zp") and teken not in BEHOUDEN
                       or 0xE0000 <= code <= 0xE007F  # the whole Tags block, unassigned ones too
                       or 0x13439 <= code <= 0x1343F)  # hieroglyph format controls, Cf since Unicode 15
        assert bool(STUURTEKENS.fullmatch(teken)) == onzichtbaar, hex(code)
        # woorden._zichtbaar skips the pattern for printable text: that is only right while no
        # character of STUURTEKENS is printable
        assert not (onzichtbaar and teken.isprintable()), hex(code)
    for tekst in ("e\u0301", "\u2764\ufe0f", "می\u200cخواهم", "👩\u200d💻"):  # accents, variation selectors, joiners
        assert not STUURTEKENS.search(tekst)


ONZICHTBAAR = {"\u061c": "\\u061c", "\u2028": "\\u2028", "\u2029": "\\u2029", "\ufeff": "\\ufeff",
               "\U000e0041": "\\U000e0041", "\u00ad": "\\u00ad", "\u2060": "\\u2060", "\u200b": "\\u200b"}


def test_onzichtbare_tekens_in_een_label_worden_overal_zichtbaar(tmp_path: Path) -> None:
    label = "Laag" + "".join(f"{t}{i}" for i, t in enumerate(ONZICHTBAAR))
    boom = tmp_path / "e.yaml"
    boom.write_text(KLEIN.read_text(encoding="utf-8").replace("label: Laag", f'label: "{label}"'), encoding="utf-8")
    (tmp_path / "a.yaml").write_text("doel: inzichten\nbudget: laag\n", encoding="utf-8")
    uitvoer = {"terminal": run_bb("boom", "toon", str(boom), cwd=tmp_path)}
    for naam, args in (("r.md", ["advies", "--boom", str(boom), "-a", "a.yaml"]),
                       ("r.html", ["advies", "--boom", str(boom), "-a", "a.yaml"]),
                       ("w.html", ["boom", "website", str(boom)])):
        r = run_bb(*args, "-o", naam, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        uitvoer[naam] = r
    for naam, r in uitvoer.items():
        assert r.returncode == 0, r.stderr
        tekst = r.stdout if naam == "terminal" else (tmp_path / naam).read_text(encoding="utf-8")
        for teken, code in ONZICHTBAAR.items():
            assert teken not in tekst, (naam, hex(ord(teken)))
            # the documents join lines (U+2028) into spaces
            if naam != "terminal" and teken in "\u2028\u2029":
                continue
            assert code in tekst.replace("\\\\", "\\"), (naam, code)


def test_een_stuurteken_heeft_een_code_op_het_scherm_in_een_melding_en_in_een_verslag() -> None:
    """ESC once showed as \\x1b on screen and \\u001b in a record: one code for one character."""
    from burgers_betrekken.kern.woorden import fragment, op_een_regel, veilig

    for teken, code in {**ONZICHTBAAR, "\x1b": "\\u001b", "\x07": "\\u0007", "\x85": "\\u0085"}.items():
        tekst = f"a{teken}b"
        assert veilig(tekst) == fragment(tekst) == f"a{code}b", hex(ord(teken))
        if teken not in "\u2028\u2029\x85":  # whitespace: a document joins the line there
            assert op_een_regel(tekst) == f"a{code}b", hex(ord(teken))


def test_de_webpagina_toont_een_getypte_motivering_zoals_het_html_verslag(tmp_path: Path) -> None:
    """The page's own escape (for the motivation typed in the browser) uses the same characters."""
    from html import escape

    from burgers_betrekken.kern.woorden import op_een_regel
    from burgers_betrekken.uitvoer.website import SCRIPT
    from tests.browser import Browser

    code = re.search(r"  const WIT = .*?\n  function escape\(tekst\) \{.*?\n  \}\n", SCRIPT, re.S)
    assert code is not None
    tekst = "a\u202eb\u200dg <&> \x1b[31m\tk" + "".join(f"{t}{i}" for i, t in enumerate(ONZICHTBAAR))
    b = Browser(tmp_path / "profiel")
    try:
        b.open("about:blank")
        uit = b.js("(function () {" + code[0] + f"return escape({json.dumps(tekst)}); }})()")
    finally:
        b.sluit()
    assert uit == escape(op_een_regel(tekst))
    assert not any(t in uit for t in ONZICHTBAAR) and "\\U000e0041" in uit and "\u200d" in uit


# --- item 18: text that is Markdown syntax stays text in every Markdown output ------------------------


def _als_html(markdown: str) -> str:
    """Markdown as GitHub renders it, near enough: CommonMark with tables and ~~strikethrough~~."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough").enable("table").render(markdown)


MD_KWAAD = "ok &rlm;&zwj; $\\phantom{x}$ ~~niet~~ &amp;"


def _geen_opmaak(html: str) -> None:
    assert "\u200f" not in html and "\u200d" not in html, "an entity became an invisible character"
    assert "<s>" not in html and "<del>" not in html
    assert "&amp;rlm;&amp;zwj;" in html and "~~niet~~" in html and "&amp;amp;" in html


def test_een_motivering_vol_markdown_blijft_tekst_in_het_verslag(tmp_path: Path) -> None:
    (tmp_path / "inf.yaml").write_text("doel: informeren\n", encoding="utf-8")
    r = run_bb("advies", "--boom", str(KLEIN), "-a", "inf.yaml", "-o", "r.md", "--motivering", MD_KWAAD, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    tekst = (tmp_path / "r.md").read_text(encoding="utf-8")
    regel = next(r for r in tekst.splitlines() if r.startswith("> ok"))
    assert regel == "> ok \\&rlm;\\&zwj; \\$\\\\phantom{x}\\$ \\~\\~niet\\~\\~ \\&amp;"  # $…$ is no math on GitHub
    _geen_opmaak(_als_html(tekst))


@pytest.mark.parametrize(("tekst", "html"), [
    ("- geen lijst", "<p>- geen lijst</p>"), ("1. geen opsomming", "<p>1. geen opsomming</p>"),
    ("+ ook niet", "<p>+ ook niet</p>"), ("1.0 blijft 1.0", "<p>1.0 blijft 1.0</p>"),
    ("a_b *c* `d` [e](f) <g> #h |i", "<p>a_b *c* `d` [e](f) &lt;g&gt; #h |i</p>"),
])
def test_tekst_aan_het_begin_van_een_regel_wordt_geen_lijst(tekst: str, html: str) -> None:
    from burgers_betrekken.uitvoer.tekening import md

    assert _als_html(md(tekst)).strip() == html


def test_markdown_in_de_boom_blijft_tekst_in_document_en_verschil(tmp_path: Path) -> None:
    boom = tmp_path / "boom.yaml"
    tekst = KLEIN.read_text(encoding="utf-8")
    boom.write_text(tekst.replace("label: Laag", f"label: {json.dumps(MD_KWAAD)}")
                    .replace("Wat is het doel?", json.dumps("~~doel~~ $x$ &rlm;?")), encoding="utf-8")
    document = run_bb("boom", "document", str(boom), cwd=tmp_path)
    assert document.returncode == 0, document.stderr
    _geen_opmaak(_als_html(document.stdout))
    assert "~~doel~~ $x$ &amp;rlm;?" in _als_html(document.stdout)
    versie = re.search(r'versie: "([^"]*)"', tekst)
    assert versie is not None
    nieuw = tmp_path / "nieuw.yaml"
    nieuw.write_text(tekst.replace(versie[0], f"versie: {json.dumps(MD_KWAAD)}"), encoding="utf-8")
    verschil = run_bb("boom", "verschil", str(KLEIN), str(nieuw), "--formaat", "md", cwd=tmp_path)
    assert verschil.returncode == 0, verschil.stderr
    _geen_opmaak(_als_html(verschil.stdout))
