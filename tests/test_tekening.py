"""Drawing a tree: Mermaid and Graphviz show every question and every option as its own edge,
whatever characters the labels hold, and the Markdown paper version lists the questions in the
order a user meets them, with the ones nobody reaches set apart."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.kern.model import EINDE, Boom, Conditie
from burgers_betrekken.uitvoer.tekening import als_dot, als_markdown, als_mermaid, conditie_tekst
from tests.conftest import IN_CI

LASTIGE_BOOM = """\
boom:
  id: lastig
  versie: "0.1"
  titel: Lastige | labels
start: end
vragen:
  end:
    tekst: 'Kiest u "A" | [x] of <b>vet</b>?'
    volgende: node
    opties:
      a:
        label: 'Optie "een" | [x] {y}'
      b:
        label: '<b>vet</b> & #quot; `code` -->|x| end'
        volgende: advies
  node:
    tekst: "Een backslash \\\\n en een\\nnieuwe regel"
    volgende: advies
    opties:
      ja:
        label: 'Ja; "zeker" \\l'
      nee:
        label: Nee
niveau:
  gewenst:
    - wanneer: {end: b, node: [nee, ja]}
      niveau: informeren
  standaard: raadplegen
"""

# File order b, c, d, wees, but the user meets c before b: a's first option leads to c.
BOOM_MET_WEES = """\
boom: {id: volgorde, versie: "1", titel: Volgorde}
start: a
vragen:
  a:
    tekst: Vraag A?
    opties:
      naar_c: {label: Naar C, volgende: c}
      naar_b: {label: Naar B, volgende: b}
  b:
    tekst: Vraag B?
    volgende: d
    opties: {ja: {label: Ja}, nee: {label: Nee}}
  c:
    tekst: Vraag C?
    volgende: advies
    opties: {ja: {label: Ja}, nee: {label: Nee}}
  d:
    tekst: Vraag D?
    volgende: advies
    opties: {ja: {label: Ja}, nee: {label: Nee}}
  wees:
    tekst: Vraag die niemand stelt?
    volgende: d
    opties: {ja: {label: Ja}, nee: {label: Nee}}
niveau:
  gewenst: []
  standaard: raadplegen
"""


def laad(tmp_path: Path, yaml_tekst: str) -> Boom:
    pad = tmp_path / "boom.yaml"
    pad.write_text(yaml_tekst, encoding="utf-8")
    return laad_boom(pad)


def op_een_regel(tekst: str | None) -> str:
    return " ".join((tekst or "").split())


def verwachte_pijlen(boom: Boom) -> list[tuple[str, str, str]]:
    """(question id, target, label) for every option, in tree order; target EINDE for the advice."""
    return [(v.id, v.volgende_na(o.id), op_een_regel(o.label)) for v in boom.vragen.values() for o in v.opties]


# --- a small Mermaid reader ---------------------------------------------------------------

MERMAID_NAMEN = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
MM_KNOOP = re.compile(r'^    (\w+)\["([^"]*)"\]$')
MM_PIJL = re.compile(r'^    (\w+) -->\|"([^"]*)"\| (\w+)$')
MM_START = re.compile(r'^    start\(\("Start"\)\) --> (\w+)$')
MM_ADVIES = '    advies(["Advies"])'
MM_OVERIG = re.compile(r"^(flowchart TD|    %%.*|    classDef \w+ .*|    class [\w,]+ \w+)$")
MERMAID_SLEUTELWOORDEN = {"end", "graph", "flowchart", "subgraph", "style", "class", "classDef", "click", "default"}


def mermaid_label(label: str) -> str:
    assert not re.search(r'["|\[\]{}<>`\\]', label), f"unescaped character in Mermaid label {label!r}"
    return re.sub(r"#(\w+);", lambda m: chr(int(m.group(1))) if m.group(1).isdigit() else MERMAID_NAMEN[m.group(1)],
                  label)


def lees_mermaid(tekst: str) -> dict:
    """Nodes {node id: label}, edges [(from, label, to)], the start target and whether the advice node exists.
    Every line must be one of the forms als_mermaid writes: anything else fails the test."""
    gelezen: dict = {"knopen": {}, "pijlen": [], "start": None, "advies": False}
    for regel in tekst.splitlines():
        if m := MM_KNOOP.match(regel):
            gelezen["knopen"][m[1]] = mermaid_label(m[2])
        elif m := MM_PIJL.match(regel):
            gelezen["pijlen"].append((m[1], mermaid_label(m[2]), m[3]))
        elif m := MM_START.match(regel):
            assert gelezen["start"] is None, "two start edges"
            gelezen["start"] = m[1]
        elif regel == MM_ADVIES:
            gelezen["advies"] = True
        else:
            assert MM_OVERIG.match(regel), f"line Mermaid output should not have: {regel!r}"
    return gelezen


def controleer_mermaid(boom: Boom) -> None:
    gelezen = lees_mermaid(als_mermaid(boom))
    knoop_van = {}
    for knoop, label in gelezen["knopen"].items():
        assert knoop not in MERMAID_SLEUTELWOORDEN
        knoop_van[label] = knoop
    vraagknopen = {v.id: knoop_van[op_een_regel(v.tekst)] for v in boom.vragen.values()}
    assert len(set(vraagknopen.values())) == len(boom.vragen) == len(gelezen["knopen"])
    assert gelezen["advies"], "the advice node is missing"
    assert gelezen["start"] == vraagknopen[boom.start]
    naar_knoop = {**vraagknopen, EINDE: "advies"}
    verwacht = [(vraagknopen[van], label, naar_knoop[naar]) for van, naar, label in verwachte_pijlen(boom)]
    assert gelezen["pijlen"] == verwacht


def test_mermaid_toont_elke_vraag_en_elke_optie_als_eigen_pijl(boom) -> None:
    controleer_mermaid(boom)
    tekst = als_mermaid(boom)
    assert tekst.startswith("flowchart TD\n")
    assert '    v_fase -->|"Beleidsontwikkeling"| v_doel' in tekst.splitlines()
    # four options of 'fase' lead to 'doel': four edges, not one
    assert sum(r.startswith("    v_fase -->") for r in tekst.splitlines()) == 4


def test_mermaid_met_gereserveerde_id_en_lastige_labels_blijft_leesbaar(tmp_path) -> None:
    lastig = laad(tmp_path, LASTIGE_BOOM)
    controleer_mermaid(lastig)
    tekst = als_mermaid(lastig)
    assert "#quot;A#quot; #124; #91;x#93; of #lt;b#gt;vet#lt;/b#gt;?" in tekst
    assert '-->|"Ja; #quot;zeker#quot; #92;l"|' in tekst
    assert re.search(r"^    end\b", tekst, re.MULTILINE) is None, "'end' is a Mermaid keyword"


def test_mermaid_is_elke_keer_gelijk(boom) -> None:
    assert als_mermaid(boom) == als_mermaid(boom)


# --- a small DOT reader -------------------------------------------------------------------

DOT_TEKST = r'"((?:[^"\\]|\\.)*)"'
DOT_PIJL = re.compile(rf'^    {DOT_TEKST} -> {DOT_TEKST}(?: \[label={DOT_TEKST}\])?;$')
DOT_KNOOP = re.compile(rf'^    {DOT_TEKST} \[label={DOT_TEKST}(, .*)?\];$')


def dot_label(label: str) -> str:
    """Undo DOT escaping; a `\\n` from wrapping stood for a space."""
    return re.sub(r"\\(.)", lambda m: " " if m[1] == "n" else m[1], label)


def lees_dot(tekst: str) -> tuple[dict[str, str], list[tuple[str, str | None, str]]]:
    regels = tekst.splitlines()
    assert regels[0] == "digraph beslisboom {" and regels[-1] == "}"
    assert "    rankdir=TB;" in regels
    knopen, pijlen = {}, []
    for regel in regels:
        if m := DOT_PIJL.match(regel):
            pijlen.append((m[1], None if m[3] is None else dot_label(m[3]), m[2]))
        elif m := DOT_KNOOP.match(regel):
            knopen[m[1]] = dot_label(m[2])
    return knopen, pijlen


def controleer_dot(boom: Boom) -> None:
    knopen, pijlen = lees_dot(als_dot(boom))
    knoop_van = {label: knoop for knoop, label in knopen.items()}
    vraagknopen = {v.id: knoop_van[op_een_regel(v.tekst)] for v in boom.vragen.values()}
    assert knopen[knoop_van["Advies"]] == "Advies"
    naar_knoop = {**vraagknopen, EINDE: knoop_van["Advies"]}
    verwacht = [(knoop_van["Start"], None, vraagknopen[boom.start])]
    verwacht += [(vraagknopen[van], label, naar_knoop[naar]) for van, naar, label in verwachte_pijlen(boom)]
    assert pijlen == verwacht


def test_dot_toont_elke_vraag_en_elke_optie_als_eigen_pijl(boom, tmp_path) -> None:
    controleer_dot(boom)
    controleer_dot(laad(tmp_path, LASTIGE_BOOM))


def test_dot_breekt_lange_labels_af_en_ontsnapt_backslash_en_aanhalingstekens(boom, tmp_path) -> None:
    tekst = als_dot(laad(tmp_path, LASTIGE_BOOM))
    assert r'label="Ja; \"zeker\" \\l"' in tekst
    assert r"Een backslash \\n en een nieuwe\nregel" in tekst
    # the shipped labels hold no escapes, so every wrapped line can be measured as written
    for label in re.findall(DOT_TEKST, als_dot(boom)):
        assert all(len(deel) <= 30 for deel in label.split(r"\n")), label
    assert r'"v_tijdsdruk" [label="Is er acute politieke of\nmaatschappelijke druk op het\nonderwerp?"];' in als_dot(boom)


@pytest.mark.parametrize("welke", ["meegeleverd", "lastig"])
def test_graphviz_tekent_de_dot_uitvoer(welke, boom, tmp_path) -> None:
    if shutil.which("dot") is None:
        if IN_CI:
            pytest.fail("Graphviz `dot` must be on PATH under CI; .ci/run installs the Debian package graphviz")
        pytest.skip("Graphviz `dot` is not on PATH; the DOT text itself is checked by the test above")
    bron = boom if welke == "meegeleverd" else laad(tmp_path, LASTIGE_BOOM)
    uit = subprocess.run(["dot", "-Tsvg"], input=als_dot(bron), capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stderr
    assert "<svg" in uit.stdout


# --- Markdown ------------------------------------------------------------------------------

MD_VRAAG = re.compile(r"^#{2,3} Vraag (\d+): (.*)$")


def vragen_in_markdown(tekst: str) -> list[tuple[int, str, str]]:
    """(number, heading text, question id) for each question heading, in order."""
    regels = tekst.splitlines()
    uit = []
    for i, regel in enumerate(regels):
        if m := MD_VRAAG.match(regel):
            vraag_id = re.fullmatch(r"vraag-id: `(\w+)`", regels[i + 2])
            assert vraag_id, f"no vraag-id line under {regel!r}"
            uit.append((int(m[1]), m[2], vraag_id[1]))
    return uit


def tabelcellen(regel: str) -> list[str]:
    """Cells of a Markdown table row, splitting on `|` that is not escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", regel.strip())[1:-1]]


def test_markdown_noemt_elke_vraag_optie_en_aandachtspunt(boom) -> None:
    tekst = als_markdown(boom)
    assert tekst.startswith(f"# {boom.titel}\n")
    assert f"`{boom.id}`, versie {boom.versie}" in tekst
    for vraag in boom.vragen.values():
        assert f": {vraag.tekst}\n" in tekst
        for optie in vraag.opties:
            assert f"| {optie.label} | `{optie.id}` |" in tekst
    for let_op in boom.let_op:
        assert f"### {let_op.titel}\n" in tekst
    for regel in boom.instrumentregels:
        assert f"| `{regel.id}` | {regel.soort} |" in tekst


def test_markdown_nummert_de_vragen_in_de_volgorde_van_het_interview(boom) -> None:
    vragen = vragen_in_markdown(als_markdown(boom))
    assert [n for n, _, _ in vragen] == list(range(1, len(boom.vragen) + 1))
    assert [v for _, _, v in vragen] == ["fase", "doel", "ruimte", "doelgroep", "budget", "doorlooptijd", "tijdsdruk"]
    assert "## Vragen die nooit gesteld worden" not in als_markdown(boom)


def test_markdown_toont_waar_elk_antwoord_heen_leidt(boom) -> None:
    tekst = als_markdown(boom)
    nummer = {v: (n, kop) for n, kop, v in vragen_in_markdown(tekst)}
    rijen = {tuple(tabelcellen(r)[:2]): tabelcellen(r) for r in tekst.splitlines() if r.startswith("| ")}
    for vraag in boom.vragen.values():
        for optie in vraag.opties:
            doel = vraag.volgende_na(optie.id)
            daarna = rijen[(optie.label, f"`{optie.id}`")][3]
            assert daarna == ("→ advies" if doel == EINDE else "→ Vraag {}: {}".format(*nummer[doel]))


def test_markdown_zet_onbereikbare_vragen_apart_en_volgt_breedte_eerst(tmp_path) -> None:
    tekst = als_markdown(laad(tmp_path, BOOM_MET_WEES))
    assert vragen_in_markdown(tekst) == [
        (1, "Vraag A?", "a"), (2, "Vraag C?", "c"), (3, "Vraag B?", "b"), (4, "Vraag D?", "d"),
        (5, "Vraag die niemand stelt?", "wees"),
    ]
    voor, na = tekst.split("## Vragen die nooit gesteld worden\n")
    assert "Vraag die niemand stelt?" not in voor
    assert "### Vraag 5: Vraag die niemand stelt?" in na
    assert "| Naar C | `naar_c` | — | → Vraag 2: Vraag C? |" in voor


def test_markdown_lastige_tekst_breekt_geen_tabel(tmp_path) -> None:
    tekst = als_markdown(laad(tmp_path, LASTIGE_BOOM))
    assert tekst.startswith("# Lastige \\| labels\n")
    rijen = [r for r in tekst.splitlines() if r.startswith("| ")]
    assert rijen and all(len(tabelcellen(r)) == 4 for r in rijen)
    assert '| Optie "een" \\| \\[x\\] {y} | `a` |' in tekst
    assert "Een backslash \\\\n en een nieuwe regel" in tekst


def test_markdown_legt_trede_instrumentregels_en_voorwaarden_uit(boom) -> None:
    tekst = als_markdown(boom)
    assert "## Hoe de trede wordt gekozen" in tekst
    assert "als *Met welk doel betrekt u burgers?* = Samen oplossingen ontwerpen\\\n" in tekst
    assert f"dan is de gewenste trede **{boom.standaard_niveau}**" in tekst
    assert "Hoogstens **informeren**, als *Hoeveel inhoudelijke ruimte is er voor inbreng?* = Geen" in tekst
    # a rule on a fact's value names the question; a negated condition says 'niet'
    assert ("| `fase` | voorkeur | niet (*Met welk doel betrekt u burgers?* = Burgers informeren over een besluit) "
            "| `fases` | het antwoord op *In welke fase zit uw traject?* | 1 |") in tekst
    assert "- Wanneer: de trede = informeren\n" in tekst


def test_voorwaarden_in_gewone_taal(boom) -> None:
    doel = ("doel", frozenset({"zwaarwegend_advies", "samen_ontwerpen"}))
    assert conditie_tekst(boom, Conditie()) == "altijd"
    # options follow the question's order, not the set's
    assert conditie_tekst(boom, Conditie((doel,))) == (
        "*Met welk doel betrekt u burgers?* = Samen oplossingen ontwerpen of Een zwaarwegend advies van burgers")
    samengesteld = Conditie(
        (("niveau", frozenset({"raadplegen", "adviseren"})),),
        niet=Conditie((("tijdsdruk", frozenset({"ja"})),)),
        een_van=(Conditie((("budget", frozenset({"laag"})),)), Conditie((("doorlooptijd", frozenset({"kort"})),))),
    )
    assert conditie_tekst(boom, samengesteld) == (
        "de trede = adviseren of raadplegen"
        " en niet (*Is er acute politieke of maatschappelijke druk op het onderwerp?* = Ja, er is acute druk)"
        " en ten minste één van: (*Hoeveel budget is er voor het traject?* = Laag — tot ongeveer 25.000 euro);"
        " (*Hoeveel tijd is er tot u de uitkomst nodig heeft?* = Kort — minder dan twee maanden)")
