"""A tree drawn for people: Mermaid and Graphviz diagrams, and a Markdown "paper version".

Pure functions from a `Boom` to text; no printing, no file I/O. Text from the YAML is escaped
for each format, so a quote, a bracket or a `|` in a label cannot break the output.
"""

from __future__ import annotations

import re
import textwrap

from burgers_betrekken.kern.model import (
    EINDE,
    NIVEAU,
    Boom,
    Catalogus,
    Conditie,
    InstrumentRegel,
    LetOp,
    NiveauRegel,
    Route,
    Routestap,
    Vraag,
)
from burgers_betrekken.kern.woorden import op_een_regel

START = "start"
"""Node id of the start marker in the diagrams (question nodes are prefixed, so it cannot clash)."""

DOT_BREEDTE = 30
"""Labels in the Graphviz drawing are wrapped at word boundaries to about this many characters."""

def knoop_id(vraag_id: str) -> str:
    """The diagram node id of a question. The prefix keeps ids such as `end` (reserved by
    Mermaid) or `node` (reserved by DOT) from being read as keywords."""
    return "advies" if vraag_id == EINDE else f"v_{vraag_id}"


def vraagvolgorde(boom: Boom) -> tuple[list[str], list[str]]:
    """The question ids in the order a user meets them (breadth first from the start, options
    in tree order), and the ids no path reaches (in tree order)."""
    bereikt, gezien = [boom.start], {boom.start}
    for vraag_id in bereikt:  # the list grows while it is walked: a queue
        for doel in _doelen(boom.vragen[vraag_id]):
            if doel in boom.vragen and doel not in gezien:
                gezien.add(doel)
                bereikt.append(doel)
    return bereikt, [v for v in boom.vragen if v not in gezien]


def _doelen(vraag: Vraag) -> list[str]:
    return [vraag.volgende_na(o.id) for o in vraag.opties]


# --- Mermaid -------------------------------------------------------------------------------

# Mermaid decodes `#name;` and `#number;` entities inside quoted labels. `#` goes first in
# meaning, not order: str.translate replaces every character in one pass.
_MERMAID = str.maketrans({
    "#": "#35;", '"': "#quot;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "|": "#124;",
    "[": "#91;", "]": "#93;", "{": "#123;", "}": "#125;", "`": "#96;", "\\": "#92;",
})


def mermaid_tekst(tekst: str | None) -> str:
    """A label for Mermaid's quoted `"..."` form: one line, special characters as entities."""
    return op_een_regel(tekst).translate(_MERMAID)


def als_mermaid(boom: Boom) -> str:
    """The tree as a Mermaid `flowchart TD`: a node per question, an edge per option."""
    regels = [
        "flowchart TD",
        f"    %% Beslisboom {mermaid_tekst(boom.id)}, versie {mermaid_tekst(boom.versie)}",
        f'    {START}(("Start")) --> {knoop_id(boom.start)}',
    ]
    regels += [f'    {knoop_id(v.id)}["{mermaid_tekst(v.tekst)}"]' for v in boom.vragen.values()]
    regels.append(f'    {knoop_id(EINDE)}(["Advies"])')
    for vraag in boom.vragen.values():
        regels += [f'    {knoop_id(vraag.id)} -->|"{mermaid_tekst(o.label)}"| {knoop_id(vraag.volgende_na(o.id))}'
                   for o in vraag.opties]
    regels += [
        "    classDef eindpunt fill:#e6f4ea,stroke:#2e7d32",
        f"    class {START},{knoop_id(EINDE)} eindpunt",
    ]
    return "\n".join(regels) + "\n"


# --- Graphviz DOT --------------------------------------------------------------------------


def dot_tekst(tekst: str | None, breedte: int = DOT_BREEDTE) -> str:
    """A label for a DOT `"..."` string: wrapped at word boundaries with `\\n`, with
    backslashes and double quotes escaped (so `\\l` or `\\N` in the text stay literal)."""
    delen = textwrap.wrap(op_een_regel(tekst), breedte, break_long_words=False, break_on_hyphens=False)
    return "\\n".join(d.replace("\\", "\\\\").replace('"', '\\"') for d in delen)


def als_dot(boom: Boom) -> str:
    """The same graph as `als_mermaid`, in Graphviz DOT."""
    regels = [
        "digraph beslisboom {",
        "    rankdir=TB;",
        '    node [shape=box, style=rounded, fontname="Helvetica"];',
        '    edge [fontname="Helvetica", fontsize=10];',
        f'    "{START}" [label="Start", shape=circle];',
        f'    "{START}" -> "{knoop_id(boom.start)}";',
    ]
    regels += [f'    "{knoop_id(v.id)}" [label="{dot_tekst(v.tekst)}"];' for v in boom.vragen.values()]
    regels.append(f'    "{knoop_id(EINDE)}" [label="Advies", shape=doubleoctagon, style=filled, fillcolor="#e6f4ea"];')
    for vraag in boom.vragen.values():
        regels += [f'    "{knoop_id(vraag.id)}" -> "{knoop_id(vraag.volgende_na(o.id))}" '
                   f'[label="{dot_tekst(o.label)}"];' for o in vraag.opties]
    regels.append("}")
    return "\n".join(regels) + "\n"


# --- Markdown ------------------------------------------------------------------------------

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#&~$])")
"""Markdown syntax anywhere in a line: emphasis, code, links, HTML and entities (`&rlm;` would
render as the invisible character bb otherwise shows as \\u200f), tables, headings,
strikethrough (`~~`) and math (`$…$` on GitHub). A backslash before ASCII punctuation is the
literal character in CommonMark and GitHub's Markdown."""
_REGELBEGIN = re.compile(r"^(?:[-+](?=\s|$)|=+\s*$|\d+(?=[.)](?:\s|$)))")
"""A list item, setext underline or numbered item, when the text begins a line."""


def md(tekst: str | None) -> str:
    """Text from a file or the user as literal Markdown on one line: safe inside a table cell, a
    heading, a quote, or at the start of a line. The one Markdown escape of every Markdown writer
    (the record, `bb boom document`, `bb boom verschil --formaat md`)."""
    tekst = _MARKDOWN.sub(r"\\\1", op_een_regel(tekst))
    return _REGELBEGIN.sub(lambda m: m[0] + "\\" if m[0][0].isdigit() else "\\" + m[0], tekst)


def _of(delen: list[str]) -> str:
    """'a', 'a of b', 'a, b of c'."""
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} of {delen[-1]}"


def _antwoorden(vraag: Vraag, optie_ids: frozenset[str]) -> list[str]:
    """Labels of the given options, in the question's option order (unknown ids last, sorted)."""
    bekend = [md(o.label) for o in vraag.opties if o.id in optie_ids]
    return bekend + [f"`{i}`" for i in sorted(optie_ids - set(vraag.optie_ids))]


def _vereist(boom: Boom, sleutel: str, waarden: frozenset[str]) -> str:
    if sleutel == NIVEAU:
        return f"de trede = {_of([md(w) for w in sorted(waarden)])}"
    if sleutel in boom.vragen:
        vraag = boom.vragen[sleutel]
        return f"*{md(vraag.tekst)}* = {_of(_antwoorden(vraag, waarden))}"
    return f"`{sleutel}` = {_of([f'`{w}`' for w in sorted(waarden)])}"


def _voorwaarden(boom: Boom, conditie: Conditie) -> list[str]:
    """The parts of a condition that must all hold, each in Dutch."""
    delen = [_vereist(boom, sleutel, waarden) for sleutel, waarden in conditie.vereist]
    if conditie.niet is not None:
        delen.append(f"niet ({conditie_tekst(boom, conditie.niet)})")
    if conditie.een_van:
        delen.append("ten minste één van: " + "; ".join(f"({conditie_tekst(boom, c)})" for c in conditie.een_van))
    return delen


def conditie_tekst(boom: Boom, conditie: Conditie) -> str:
    """A condition in Dutch, with question texts and option labels; the empty one is 'altijd'."""
    return " en ".join(_voorwaarden(boom, conditie)) or "altijd"


def _als(boom: Boom, conditie: Conditie) -> str:
    tekst = conditie_tekst(boom, conditie)
    return tekst if tekst == "altijd" else f"als {tekst}"


def als_markdown(boom: Boom, catalogus: Catalogus | None = None) -> str:
    """A Dutch "paper version" of the tree for a review round: every question in the order a
    user meets them, how the rung is chosen, the instrument rules, the routes and the caveats.
    With the catalogue, a route's instruments and rungs go by their names."""
    bereikt, nooit = vraagvolgorde(boom)
    nummers = {vraag_id: n for n, vraag_id in enumerate(bereikt + nooit, start=1)}
    delen = [_kop(boom)]
    delen += [_vraag(boom, boom.vragen[v], nummers, "##") for v in bereikt]
    if nooit:
        delen.append("## Vragen die nooit gesteld worden\n\n"
                     f"Geen pad vanaf de eerste vraag (`{boom.start}`) komt bij deze vragen: een gebruiker "
                     "krijgt ze nooit te zien. Verwijs ernaar met `volgende`, of haal ze weg.")
        delen += [_vraag(boom, boom.vragen[v], nummers, "###") for v in nooit]
    delen += [_niveau(boom), _instrumentregels(boom), _routes(boom, catalogus), _let_op(boom)]
    return "\n\n".join(delen) + "\n"


def _kop(boom: Boom) -> str:
    kop = [f"# {md(boom.titel)}", f"Beslisboom `{boom.id}`, versie {md(boom.versie)}."]
    if boom.beschrijving:
        kop.append(md(boom.beschrijving))
    kop.append("De vragen staan in de volgorde waarin een gebruiker ze tegenkomt. Na elk antwoord "
               "staat waar het interview verdergaat.")
    return "\n\n".join(kop)


def _vraag(boom: Boom, vraag: Vraag, nummers: dict[str, int], niveau: str) -> str:
    blok = [f"{niveau} Vraag {nummers[vraag.id]}: {md(vraag.tekst)}", f"vraag-id: `{vraag.id}`"]
    if vraag.toelichting:
        blok.append(md(vraag.toelichting))
    tabel = ["| Antwoord | Optie-id | Toelichting | Daarna |", "| --- | --- | --- | --- |"]
    for o in vraag.opties:
        doel = vraag.volgende_na(o.id)
        daarna = ("→ advies" if doel == EINDE
                  else f"→ Vraag {nummers[doel]}: {md(boom.vragen[doel].tekst)}")
        tabel.append(f"| {md(o.label)} | `{o.id}` | {md(o.toelichting) or '—'} | {daarna} |")
    blok.append("\n".join(tabel))
    return "\n\n".join(blok)


def _niveau(boom: Boom) -> str:
    blok = ["## Hoe de trede wordt gekozen",
            "Het doel bepaalt de **gewenste trede**: de eerste regel die past, geldt."]
    if boom.gewenst:
        blok.append("\n".join(_niveauregel(boom, n, r, "") for n, r in enumerate(boom.gewenst, start=1)))
    blok.append(f"Past geen van deze regels, dan is de gewenste trede **{md(boom.standaard_niveau)}**.")
    if boom.plafond:
        blok.append("De inhoudelijke ruimte bepaalt het **plafond**: de eerste regel die past, geldt. "
                    "Het advies gaat nooit hoger dan het plafond.")
        blok.append("\n".join(_niveauregel(boom, n, r, "Hoogstens ") for n, r in enumerate(boom.plafond, start=1)))
        blok.append("Past geen van deze regels, dan is er geen plafond.")
    else:
        blok.append("Deze beslisboom kent geen plafond: het advies volgt de gewenste trede.")
    return "\n\n".join(blok)


def _niveauregel(boom: Boom, nummer: int, regel: NiveauRegel, voorvoegsel: str) -> str:
    regel_tekst = f"{nummer}. {voorvoegsel}**{md(regel.niveau)}**, {_als(boom, regel.wanneer)}"
    # a trailing backslash is a hard line break: the explanation goes on its own line in the item
    return f"{regel_tekst}\\\n   Toelichting: {md(regel.uitleg)}" if regel.uitleg else regel_tekst


def _instrumentregels(boom: Boom) -> str:
    if not boom.instrumentregels:
        return "## Instrumentregels\n\nDeze beslisboom heeft geen instrumentregels."
    blok = ["## Instrumentregels",
            "Klopt de voorwaarde, dan krijgt een instrument waarvan het kenmerk past de punten en de reden. "
            "Bij een **eis** valt een instrument dat niet past af, met de reden afgevallen; bij een "
            "**voorkeur** krijgt het alleen geen punten. In een reden wordt `{niveau}` de naam van de "
            "trede en `{vraag-id}` het gekozen antwoord."]
    tabel = ["| Regel | Soort | Wanneer | Kenmerk | Past bij | Punten | Reden | Reden afgevallen |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    tabel += [_instrumentregel(boom, r) for r in boom.instrumentregels]
    blok.append("\n".join(tabel))
    return "\n\n".join(blok)


def _instrumentregel(boom: Boom, regel: InstrumentRegel) -> str:
    cellen = [f"`{regel.id}`", regel.soort, conditie_tekst(boom, regel.wanneer), f"`{regel.kenmerk}`",
              _past_bij(boom, regel), str(regel.punten), md(regel.reden) or "—", md(regel.reden_afgevallen) or "—"]
    return f"| {' | '.join(cellen)} |"


def _past_bij(boom: Boom, regel: InstrumentRegel) -> str:
    if regel.waarde_van == NIVEAU:
        return "de trede"
    if regel.waarde_van is not None:
        vraag = boom.vragen.get(regel.waarde_van)
        return f"het antwoord op *{md(vraag.tekst)}*" if vraag else f"het antwoord op `{regel.waarde_van}`"
    return ", ".join(f"`{w}`" for w in regel.waarden)


def _routes(boom: Boom, catalogus: Catalogus | None) -> str:
    blok = ["## Routes",
            "Past een route bij de antwoorden, dan noemt het advies haar boven de rangorde; de eerste route "
            "die past, geldt. Een stap noemt alleen de instrumenten die bij die antwoorden niet afvielen. "
            "Kan een stap niet, dan gaat het advies naar de volgende route, of zegt het waarom de route "
            "niet kan. Een stap met een eigen trede wordt op die trede beoordeeld."]
    blok += [_route(boom, catalogus, r) for r in boom.routes] or ["Deze beslisboom heeft geen routes."]
    return "\n\n".join(blok)


def _route(boom: Boom, catalogus: Catalogus | None, route: Route) -> str:
    stappen = "\n".join(f"{n}. {_routestap(catalogus, s)}: {md(s.waarom)}"
                         for n, s in enumerate(route.stappen, start=1))
    return "\n\n".join([
        f"### Route `{route.id}`",
        _wanneer(boom, route.wanneer),
        stappen,
        f"- Waarom: {md(route.reden)}\n- Bron: {md(route.bron)}",
    ])


def _wanneer(boom: Boom, conditie: Conditie) -> str:
    """'Wanneer: a en b', or a list when there are more parts than a sentence carries."""
    delen = _voorwaarden(boom, conditie)
    if len(delen) <= 2:
        return f"Wanneer: {' en '.join(delen) or 'altijd'}"
    return "Wanneer al deze voorwaarden gelden:\n\n" + "\n".join(f"- {d}" for d in delen)


def _routestap(catalogus: Catalogus | None, stap: Routestap) -> str:
    """A step as the reader knows it: its instruments by name (with their ids), or the activity."""
    if not stap.instrumenten:
        return f"**{md(stap.naam)}** (geen instrument)"
    instrumenten = [catalogus.instrument(i) if catalogus else None for i in stap.instrumenten]
    tekst = _of([f"**{md(i.naam)}**" if i else f"`{iid}`" for i, iid in zip(instrumenten, stap.instrumenten)])
    if any(instrumenten):
        tekst += f" ({', '.join(f'`{i}`' for i in stap.instrumenten)})"
    if stap.trede:
        trede = catalogus.trede(stap.trede).naam if catalogus else stap.trede
        tekst += f", op de trede **{md(trede)}**"
    return tekst


def _let_op(boom: Boom) -> str:
    blok = ["## Aandachtspunten", "Een aandachtspunt staat in het advies wanneer de voorwaarde klopt."]
    blok += [_aandachtspunt(boom, lo) for lo in boom.let_op] or ["Deze beslisboom heeft geen aandachtspunten."]
    return "\n\n".join(blok)


def _aandachtspunt(boom: Boom, let_op: LetOp) -> str:
    return "\n\n".join([
        f"### {md(let_op.titel)}",
        md(let_op.tekst),
        f"- Wanneer: {conditie_tekst(boom, let_op.wanneer)}\n- Bron: {md(let_op.bron)}\n- id: `{let_op.id}`",
    ])
