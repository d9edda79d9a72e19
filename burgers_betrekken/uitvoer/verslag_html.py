"""The record as one self-contained HTML file: inline CSS, nothing from the network, `lang="nl"`,
real headings and table headers, and print CSS so it reads well on paper. Pure."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from burgers_betrekken.kern import adviestekst
from burgers_betrekken.kern.woorden import op_een_regel

from burgers_betrekken.uitvoer.verslag import (
    MOTIVERING_ONTBREEKT,
    PROMINENT,
    Verslag,
    afgevallen_gegroepeerd,
    antwoord_van,
)

CSS = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff;
       max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.6rem; color: #154273; border-bottom: 3px solid #154273; padding-bottom: .3rem; }
h2 { font-size: 1.2rem; color: #154273; margin-top: 2rem; border-bottom: 1px solid #ccd; }
h3 { font-size: 1rem; margin-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #dde; }
th { background: #eef2f7; }
code { overflow-wrap: anywhere; }  /* the 64-character fingerprint reflows at 320 px */
@media (max-width: 30rem) {  /* a phone: the tables keep to the screen's width (WCAG 1.4.10) */
  body { padding: 0 .5rem; }
  th, td { padding: .3rem .25rem; }
  td { overflow-wrap: anywhere; hyphens: auto; }  /* a word longer than its cell breaks; the page never scrolls sideways */
}
.samenvatting { font-size: 1.1rem; background: #eef2f7; border-left: 4px solid #154273; padding: .6rem 1rem; }
.ladder li.gekozen { font-weight: bold; }
.motivering { border: 2px solid #b45309; padding: .6rem 1rem; background: #fff8eb; }
.voorlopig { border-left: 4px solid #b45309; padding: .3rem 1rem; background: #fff8eb; }
.ontbreekt { color: #b00020; font-weight: bold; }
.aangevuld { border-left: 4px solid #b45309; background: #fff8eb; padding: .4rem 1rem; }
.bron, .meta { color: #555; font-size: .9rem; }
ul.checklist { list-style: none; padding-left: 0; }
ul.checklist li::before { content: "☐ "; font-size: 1.1rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, .motivering, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


ONTBREEKT_REGEL = f'<p class="ontbreekt">{MOTIVERING_ONTBREEKT} Vul die aan voor het dossier.</p>'
"""The line that stands where the motivation goes while there is none (the web page puts the
motivation the user types in its place)."""


@lru_cache(maxsize=4096)
def _e(tekst: str | None) -> str:
    """Text from a file as HTML on one line, its control characters shown as in Markdown.
    Remembered: the web page writes a record for each of its 12,308 paths, which quote the same
    few thousand texts 1.3 million times."""
    return escape(op_een_regel(tekst))


def _lijst(regels: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in regels) + "</ul>"


def _omdat(antwoorden: tuple[tuple[str, str], ...]) -> str:
    return (" (omdat: " + "; ".join(f"{_e(vraag)} {_e(antwoord)}" for vraag, antwoord in antwoorden) + ")"
            if antwoorden else "")


def als_html(v: Verslag) -> str:
    a = v.advies
    d: list[str] = [
        "<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Advies: {_e(a.boom.titel)}</title>", f"<style>{CSS}</style>", "</head>", "<body>", "<main>",
        f"<h1>Advies: {_e(a.boom.titel)}</h1>",
        *([f'<p class="voorlopig"><strong>{_e(voorlopig)}</strong></p>']
          if (voorlopig := adviestekst.voorlopig_regel(a)) is not None else []),
        '<table class="meta"><caption class="meta">Herkomst van dit advies</caption><tbody>',
        f'<tr><th scope="row">Datum</th><td>{v.gemaakt.strftime("%d-%m-%Y %H:%M")}</td></tr>',
        f'<tr><th scope="row">Beslisboom</th><td>{_e(a.boom.id)}, versie {_e(a.boom.versie)}</td></tr>',
        f'<tr><th scope="row">Vingerafdruk boom (sha256)</th><td><code>{_e(v.boom_hash)}</code></td></tr>',
        f'<tr><th scope="row">Gemaakt met</th><td>bb {_e(v.bb_versie)}</td></tr>',
        "</tbody></table>",
    ]
    samenvatting = (f"Dit is participatie op de trede <strong>{_e(a.niveau.naam)}</strong>." if a.participatie
                    else f"<strong>Dit is geen participatie</strong>: het advies komt uit op de trede "
                         f"{_e(a.niveau.naam.lower())}.")
    beste = f" <strong>{_e(adviestekst.kopregel(a))}</strong>" if a.beste else f" {_e(adviestekst.kopregel(a))}"
    if (route := adviestekst.routeregel(a)) is not None and a.route is not None:
        beste = f" <strong>{_e(route)}</strong> {_e(adviestekst.kopregel(a))}"
    d += [f'<p class="aangevuld"><strong>Let op:</strong> {_e(zin)}</p>' for zin in adviestekst.aanvullingen(a)]
    d.append(f'<p class="samenvatting">{samenvatting}{beste}</p>')
    if a.route is not None:
        d += ["<h2>Aanbevolen route</h2>", '<ol class="route">']
        d += [f"<li><strong>{_e(namen)}</strong>: {_e(waarom)}</li>" for namen, waarom in adviestekst.route_stappen_getoond(a)]
        d += ["</ol>", f"<p>Waarom: {_e(a.route.route.reden)}</p>", f'<p class="bron">Bron: {_e(a.route.route.bron)}</p>',
              f"<p>{_e(adviestekst.ROUTE_ALTERNATIEF)}</p>"]

    d += ["<h2>Participatieladder</h2>", '<ol class="ladder" reversed>']
    for trede in reversed(a.catalogus.ladder):
        merk = " ← uw trede" if trede == a.niveau else (
            " ← wat uw doel vraagt" if a.bepaling.begrensd and trede == a.bepaling.gewenst else "")
        klasse = ' class="gekozen"' if trede == a.niveau else ""
        geen = " (geen participatie)" if not trede.participatie else ""
        d.append(f"<li{klasse}>{_e(trede.naam)}{geen}{merk}</li>")
    d.append("</ol>")
    if (belofte := adviestekst.belofte_regel(a)) is not None:  # none where there are no participants
        d.append(f"<p>{_e(belofte)}</p>")
        if a.belofte is not None:
            d.append(f'<p class="bron">Bron: {_e(a.belofte.bron)}</p>')
    uitleg = [r.uitleg for r in (a.bepaling.gewenst_regel, a.bepaling.plafond_regel) if r is not None and r.uitleg]
    if uitleg:
        d += ["<ul>", *[f"<li>{_e(u)}</li>" for u in uitleg], "</ul>"]

    if v.motivering_nodig:
        d += ['<section class="motivering">', "<h2>Motivering (pas toe of leg uit)</h2>",
              f"<p>{_e(v.waarom_motivering)}</p>"]
        d.append(f"<blockquote>{_e(v.motivering)}</blockquote>" if v.motivering else ONTBREEKT_REGEL)
        d.append("</section>")

    d.append("<h2>Aanbevolen instrumenten</h2>")
    if a.route_noot:
        d.append(f"<p>{_e(a.route_noot)}</p>")
    if not a.participatie:
        d.append("<p>Geen: op deze trede krijgen burgers geen invloed, dus er is geen instrument om aan te "
                 "bevelen.</p>")
    elif not a.instrumenten:
        d.append("<p>Geen enkel instrument past bij uw antwoorden. Wat de instrumenten vooral tegenhoudt:</p>")
        d.append(_lijst(adviestekst.waarom_geen(a)))
    else:
        gelijk = adviestekst.gelijk_onderscheid(a)
        if gelijk:
            d.append(f"<p>Even passend: {_e(adviestekst.namen([n for n, _ in gelijk]))}. Wat ze onderscheidt:</p>")
            d.append("<ul>" + "".join(f"<li><strong>{_e(n)}</strong>: {_e(w)}</li>" for n, w in gelijk) + "</ul>")
        d.append("<ol>")
        for x in a.instrumenten[:PROMINENT]:
            redenen = "".join(f"<li>{_e(r.tekst)}</li>" for r in x.redenen)
            redenen += "".join(f"<li>gaat voor bij gelijke punten: {_e(r.tekst)}</li>" for r in x.voorrang)
            gelijk_als = adviestekst.even_passend_als(a, x)
            d.append(f'<li value="{x.rang}"><strong>{_e(x.instrument.naam)}</strong>'
                     f'{f" ({_e(gelijk_als)})" if gelijk_als else ""}<ul>{redenen}</ul></li>')
        d.append("</ol>")
        if a.instrumenten[PROMINENT:]:
            d.append("<p>Ook mogelijk: " + ", ".join(_e(x.instrument.naam) for x in a.instrumenten[PROMINENT:])
                     + ".</p>")

    oplossingen, gevolgen, geen = adviestekst.wat_als_regels(a), adviestekst.gevolg_regels(a), adviestekst.wat_als_geen(a)
    if oplossingen or gevolgen or geen:
        d.append("<h2>Wat als</h2>")
        d += [_lijst(oplossingen)] if oplossingen else [f"<p>{_e(geen)}</p>"] if geen else []
    if gevolgen:  # apart from the remedies, under a line that says they are none
        d += [f'<p class="gevolg"><em>{_e(adviestekst.gevolg_kop(a))}</em></p>', _lijst(gevolgen)]

    if a.afgevallen:
        d += ["<h2>Afgevallen instrumenten</h2>", "<table>",
              '<thead><tr><th scope="col">Instrumenten</th><th scope="col">Waarom</th></tr></thead><tbody>']
        for namen, redenen in afgevallen_gegroepeerd(a.afgevallen):
            d.append(f"<tr><td>{', '.join(_e(n) for n in namen)}</td><td>{'; '.join(_e(r) for r in redenen)}</td></tr>")
        d.append("</tbody></table>")

    if a.aannames:
        d += ["<h2>Aannames</h2>", "<ul>"]
        for stap in a.aannames:
            d.append(f"<li>U wist het antwoord op '{_e(stap.vraag.tekst)}' niet. Aangenomen: "
                     f"<strong>{_e(stap.optie.label)}</strong>. {_e(stap.aanname)}</li>")
        d.append("</ul>")

    if a.let_op:
        d.append("<h2>Let op</h2>")
        for lo in a.let_op:
            d += [f"<h3>{_e(lo.titel)}</h3>", f"<p>{_e(lo.tekst)}</p>", f'<p class="bron">Bron: {_e(lo.bron)}</p>']

    d += ["<h2>Uw antwoorden</h2>", "<table>",
          '<thead><tr><th scope="col">Nr</th><th scope="col">Vraag</th><th scope="col">Antwoord</th></tr></thead><tbody>']
    for n, stap in enumerate(a.pad, start=1):
        d.append(f"<tr><td>{n}</td><td>{_e(stap.vraag.tekst)}</td><td>{_e(antwoord_van(stap))}</td></tr>")
    d.append("</tbody></table>")

    d += ["<h2>Waarom dit advies</h2>", f"<p>{_e(v.uitleg_kort.uitkomst)}</p>", "<ul>"]
    d += [f"<li>{_e(g.effect)}: {_e(g.tekst)}{_omdat(g.antwoorden)}</li>" for g in v.uitleg_kort.niveau]
    d += [f"<li>Aandachtspunt '{_e(g.tekst)}'{_omdat(g.antwoorden)}</li>" for g in v.uitleg_kort.let_op]
    d += ["</ul>", "<p>Per instrument staat de volledige uitleg in het JSON-verslag en in <code>bb uitleg</code>.</p>"]

    if a.catalogus.checklist:
        d += ["<h2>Checklist voor het dossier</h2>", '<ul class="checklist">',
              *[f"<li>{_e(p)}</li>" for p in a.catalogus.checklist], "</ul>"]
        if a.catalogus.checklist_bron:
            d.append(f'<p class="bron">Bron: {_e(a.catalogus.checklist_bron)}</p>')
    d += ["</main>", "</body>", "</html>"]
    return "\n".join(d) + "\n"
