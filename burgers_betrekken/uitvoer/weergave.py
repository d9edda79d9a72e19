"""All Rich output: the advice, the catalogue, an instrument, the interview's headings, errors.

Text that comes from YAML is always wrapped in `Text` (never parsed as markup) and stripped of
control characters, so a '[' or an escape sequence in a label cannot change the screen.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, Callable, Iterable

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from burgers_betrekken.kern import adviestekst
from burgers_betrekken.kern.engine import afgevallen_gegroepeerd
from burgers_betrekken.kern.fouten import GETOOND, BbFout, Probleem
from burgers_betrekken.kern.model import Catalogus, Instrument, Vraag
from burgers_betrekken.kern.woorden import antwoord_tekst, getal, veilig

if TYPE_CHECKING:  # only for annotations: importing them would load PyYAML for every table
    from burgers_betrekken.lezen.begrippen import Begrip, Begrippenlijst
    from burgers_betrekken.kern.engine import Advies
    from burgers_betrekken.kern.gesprek import Gesprek
    from burgers_betrekken.kern.uitleg import Grond, Uitleg
    from burgers_betrekken.uitvoer.verslag import Verslag

PROMINENT = 3
"""How many recommended instruments are shown in full; the rest are listed briefly."""

def t(tekst: str | None, stijl: str = "") -> Text:
    return Text(veilig(tekst), style=stijl)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits 1 itself when the reader goes away; let `opdrachten.main` end quietly with 0 instead.
        raise BrokenPipeError

    def print(self, *objects: Any, **kwargs: Any) -> None:
        """On a terminal as Rich does; into a pipe or file without the spaces Rich pads every
        line with up to the width (they end up in diffs, mails and dossiers)."""
        if self.is_terminal:
            super().print(*objects, **kwargs)
            return
        with self.capture() as vangst:
            super().print(*objects, **kwargs)
        self.file.write("\n".join(regel.rstrip() for regel in vangst.get().split("\n")))
        self.file.flush()


BREEDTE = (20, 1000)
"""The narrowest and widest screen a console uses, in columns. Rich at width 0 prints nothing, and
at a width of millions (COLUMNS=10000000) it pads every line to it and runs out of memory."""
HOOGTE = (1, 1000)
"""The same for the height, in lines (LINES)."""


def console(stderr: bool = False) -> Console:
    """A console made when needed (so the terminal width is read then, not at import), the one
    place consoles are made. A COLUMNS or LINES that is no number or out of bounds is ignored (the
    terminal's own size counts), and the size used stays within `BREEDTE` and `HOOGTE`."""
    omgeving = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    for naam, (laag, hoog) in (("COLUMNS", BREEDTE), ("LINES", HOOGTE)):
        waarde = os.environ.get(naam, "").strip()
        if waarde.isascii() and waarde.isdigit() and laag <= int(waarde):
            omgeving[naam] = str(min(int(waarde), hoog))
    scherm = _Console(stderr=stderr, highlight=False, emoji=False, _environ=omgeving)
    breedte, hoogte = scherm.size
    begrensd = (min(max(breedte, BREEDTE[0]), BREEDTE[1]), min(max(hoogte, HOOGTE[0]), HOOGTE[1]))
    if begrensd != (breedte, hoogte):  # else left open, so a terminal that is resized is followed
        scherm.size = begrensd
    return scherm


def print_meldingen(scherm: Console, meldingen: RenderableType) -> None:
    """Problem lines: one line each when read by a program or an editor (piped), wrapped at
    word boundaries on a terminal, where the terminal would otherwise break words."""
    scherm.print(meldingen, soft_wrap=not scherm.is_terminal)


def _kop(titel: str) -> RenderableType:
    return Group(Text(""), Rule(Text(titel, style="bold"), align="left", style="dim"))


# --- the advice ----------------------------------------------------------------------------


def advies(advies: Advies, kort: bool = False, antwoorden: bool = True) -> RenderableType:
    """The advice, decision first: the panel says the rung, the best instruments, the caveat that
    matters most and the first "wat als", so the first screenful answers "what should I do?".
    Then the recommended instruments and the detail. `kort`: only the decision and the
    recommended instruments. `antwoorden`: repeat the answers (not after the user just reviewed
    them on the screen)."""
    delen: list[RenderableType] = [_samenvatting(advies)]
    if advies.route is not None:
        delen += [_kop("Aanbevolen route"), _route(advies)]
    delen += [_kop("Aanbevolen instrumenten"), _aanbevolen(advies)]
    if kort:
        return Group(*delen)
    delen += _wat_als(advies)
    if advies.let_op:
        delen += [_kop("Let op"), _let_op(advies)]
    delen += [_kop("Participatieladder"), _ladder(advies)]
    if advies.aannames:
        delen += [_kop("Aannames"), _aannames(advies)]
    if advies.afgevallen:
        delen += [_kop("Afgevallen instrumenten"), _afgevallen(advies)]
    if antwoorden:
        delen += [_kop("Uw antwoorden"), _pad(advies)]
    return Group(*delen)


def _samenvatting(advies: Advies) -> RenderableType:
    niveau = advies.niveau
    tekst = Text()
    if (voorlopig := adviestekst.voorlopig_regel(advies)) is not None:  # first: all below rests on it
        tekst.append(veilig(voorlopig) + "\n", style="bold yellow")
    for zin in adviestekst.aanvullingen(advies):  # provisional too: said before anything else
        tekst.append("Let op: ", style="bold yellow")
        tekst.append(veilig(zin) + "\n")
    tekst.append(veilig(advies.boom.titel) + "\n", style="dim")  # inside: a title on the border is cut off
    if advies.participatie:
        tekst.append("Dit is participatie op de trede ")
        tekst.append(veilig(niveau.naam), style="bold")
        tekst.append(".")
    else:
        tekst.append("Dit is geen participatie", style="bold")
        tekst.append(f": het advies komt uit op de trede {veilig(niveau.naam).lower()}.")
    if (route := adviestekst.routeregel(advies)) is not None:
        tekst.append("\n")
        tekst.append(veilig(route), style="bold")
    tekst.append("\n")
    tekst.append(veilig(adviestekst.kopregel(advies)), style="bold" if advies.beste and not route else "")
    if advies.let_op:
        tekst.append("\nLet op: ", style="bold")
        tekst.append(veilig(advies.let_op[0].titel))
        if len(advies.let_op) > 1:
            tekst.append(f" (en {len(advies.let_op) - 1} meer, hieronder)", style="dim")
    if oplossingen := adviestekst.wat_als_regels(advies):  # a remedy; a consequence of less never heads the advice
        tekst.append("\nWat als: ", style="bold")
        tekst.append(veilig(oplossingen[0]))
    titel = Text("Advies", style="bold")
    return Panel(tekst, title=titel, title_align="left", box=box.ROUNDED, padding=(0, 1))


def _wat_als(advies: Advies) -> list[RenderableType]:
    """The remedies (or what trying other answers found), then, apart and under their own line,
    what less room, budget or time would do."""
    oplossingen, gevolgen = adviestekst.wat_als_regels(advies), adviestekst.gevolg_regels(advies)
    geen = adviestekst.wat_als_geen(advies)
    if not (oplossingen or gevolgen or geen):
        return []
    delen: list[RenderableType] = [_kop("Wat als")]
    if oplossingen:
        delen.append(Padding(_redenen(oplossingen, "→", "cyan"), (0, 2)))
    if geen:
        delen.append(Padding(t(geen), (0, 2)))
    if gevolgen:
        delen += [Padding(t(adviestekst.gevolg_kop(advies), "italic"), (1, 2, 0, 2)),
                  Padding(_redenen(gevolgen, "↓", "yellow"), (0, 2))]
    return delen


def _ladder(advies: Advies) -> RenderableType:
    cat = advies.catalogus
    bepaling = advies.bepaling
    regels = Text()
    for trede in reversed(cat.ladder):
        gekozen = trede == advies.niveau
        regels.append("  ● " if gekozen else "  ○ ", style="bold" if gekozen else "dim")
        regels.append(veilig(trede.naam), style="bold" if gekozen else "")
        if gekozen:
            regels.append("  ◀ uw trede", style="bold green")
        elif bepaling.begrensd and trede == bepaling.gewenst:
            regels.append("  ◁ wat uw doel vraagt", style="yellow")
        if not trede.participatie:
            regels.append("  (geen participatie)", style="dim")
        regels.append("\n")
    uitleg = Text()
    if advies.belofte_tekst is not None:  # none where there are no participants
        uitleg.append(adviestekst.BELOFTE, style="bold")
        uitleg.append(veilig(advies.belofte_tekst))
        if advies.belofte is not None:
            uitleg.append(Text.assemble("\n", ("Bron: ", "dim"), (veilig(advies.belofte.bron), "dim italic")))
    for regel in (bepaling.gewenst_regel, bepaling.plafond_regel):
        if regel is not None and regel.uitleg:
            uitleg.append("\n• " if uitleg else "• ")
            uitleg.append(veilig(regel.uitleg))
    return Group(regels, Padding(uitleg, (0, 2)))


def _redenen(redenen: Iterable[str], teken: str, stijl: str) -> RenderableType:
    """A bullet list whose wrapped lines hang under the text, not under the bullet."""
    lijst = Table.grid(padding=(0, 1))
    lijst.add_column(no_wrap=True, style=stijl)
    lijst.add_column(ratio=1)
    for reden in redenen:
        lijst.add_row(teken, t(reden))
    return lijst


def _route(advies: Advies) -> RenderableType:
    """The route's steps, each with its purpose, then why this route and its source."""
    assert advies.route is not None
    stappen = Table.grid(padding=(0, 1))
    stappen.add_column(no_wrap=True, style="bold")
    stappen.add_column(ratio=1)
    for n, (namen, waarom) in enumerate(adviestekst.route_stappen_getoond(advies), start=1):
        stappen.add_row(f"{n}.", Text.assemble((veilig(namen), "bold"), ": ", veilig(waarom)))
    route = advies.route.route
    onder = Text.assemble(("Waarom: ", "bold"), veilig(route.reden), "\n", ("Bron: ", "dim"),
                          (veilig(route.bron), "dim italic"), "\n", (adviestekst.ROUTE_ALTERNATIEF, "dim"))
    return Group(Padding(stappen, (0, 2)), Padding(onder, (0, 2)))


def _aanbevolen(advies: Advies) -> RenderableType:
    if not advies.participatie:
        return Padding(Text("Geen: op deze trede krijgen burgers geen invloed, dus er is geen instrument om "
                            "aan te bevelen. Zie 'Let op' voor wat u wel doet."), (0, 2))
    if not advies.instrumenten:
        delen: list[RenderableType] = [Padding(Text("Geen enkel instrument past bij uw antwoorden. "
                                                    "Wat de instrumenten vooral tegenhoudt:"), (0, 2))]
        delen.append(Padding(_redenen(adviestekst.waarom_geen(advies), "−", "red"), (0, 4)))
        if adviestekst.wat_als_regels(advies):
            delen.append(Padding(Text("Wat zou helpen, staat onder 'Wat als'."), (0, 2)))
        return Group(*delen)
    delen = [Padding(t(advies.route_noot), (0, 2, 1, 2))] if advies.route_noot else []
    gelijk = adviestekst.gelijk_onderscheid(advies)
    if gelijk:
        delen.append(Padding(Text(f"Even passend: {veilig(adviestekst.namen([n for n, _ in gelijk]))}. "
                                  "Uw antwoorden maken geen verschil tussen deze instrumenten; kies op "
                                  "wat ze van elkaar onderscheidt:",
                                  style="bold"), (0, 2)))
        delen.append(Padding(_redenen((f"{n}: {w}" for n, w in gelijk), "•", "cyan"), (0, 4, 1, 4)))
    for a in advies.instrumenten[:PROMINENT]:
        kop = Text(f"{a.rang}. ", style="bold")
        kop.append(veilig(a.instrument.naam), style="bold")
        if (gelijk_als := adviestekst.even_passend_als(advies, a)) is not None:
            kop.append(f" ({veilig(gelijk_als)})")
        delen.append(Padding(kop, (0, 2)))
        redenen = [r.tekst for r in a.redenen] + [f"gaat voor bij gelijke punten: {r.tekst}" for r in a.voorrang]
        delen.append(Padding(_redenen(redenen, "+", "green"), (0, 5)))
    rest = advies.instrumenten[PROMINENT:]
    if rest:
        ook = Text("Ook mogelijk: ", style="bold")
        ook.append(", ".join(veilig(a.instrument.naam) for a in rest))
        delen.append(Padding(ook, (0, 2)))
    return Group(*delen)


def _afgevallen(advies: Advies) -> RenderableType:
    """Per group of instruments with the same reasons: their names as a sentence, the reasons
    below (a column of names broke long names and left commas dangling)."""
    delen: list[RenderableType] = []
    for namen, redenen in afgevallen_gegroepeerd(advies.afgevallen):
        delen.append(Padding(t(adviestekst.namen(list(namen)), "bold"), (0, 2)))
        delen.append(Padding(_redenen(redenen, "−", "red"), (0, 4)))
    return Group(*delen)


def _let_op(advies: Advies) -> RenderableType:
    delen: list[RenderableType] = []
    for n, lo in enumerate(advies.let_op, start=1):
        kop = Text("! ", style="bold yellow")
        kop.append(veilig(lo.titel), style="bold")
        delen.append(Padding(kop, (0, 2)))
        delen.append(Padding(t(lo.tekst), (0, 4)))
        onder = 1 if n < len(advies.let_op) else 0  # the next heading brings its own blank line
        delen.append(Padding(Text.assemble(("Bron: ", "dim"), (veilig(lo.bron), "dim italic")), (0, 4, onder, 4)))
    return Group(*delen)


def _aannames(advies: Advies) -> RenderableType:
    teksten = [f"U wist het antwoord op '{stap.vraag.tekst}' niet. Aangenomen: {stap.optie.label}. {stap.aanname}"
               for stap in advies.aannames]
    return Padding(_redenen(teksten, "•", "yellow"), (0, 2))


def _aangevuld(zinnen: list[str]) -> RenderableType:
    """`bb uitleg`: the answers the file lacked, first."""
    return Group(_kop("Let op"), Padding(_redenen(zinnen, "!", "bold yellow"), (0, 2)))


def _pad(advies: Advies) -> RenderableType:
    tabel = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False)
    tabel.add_column("Vraag", ratio=3)
    tabel.add_column("Uw antwoord", ratio=2)
    for stap in advies.pad:
        tabel.add_row(t(stap.vraag.tekst), t(adviestekst.antwoord_van(stap)))
    delen: list[RenderableType] = [Padding(tabel, (0, 2))]
    if advies.genegeerd:
        delen.append(Padding(Text("Niet gebruikt (buiten uw pad): " + ", ".join(advies.genegeerd), style="dim"),
                             (0, 2)))
    return Group(*delen)


# --- the catalogue -------------------------------------------------------------------------


def _treden(catalogus: Catalogus, instrument: Instrument) -> str:
    namen = [t.naam.lower() for t in catalogus.ladder if t.id in instrument.niveaus]
    return namen[0] if len(namen) == 1 else f"{namen[0]}–\n{namen[-1]}"


class _Id:
    """An id in a narrow column: broken after an underscore when it does not fit, never inside a
    part, so what is left on each line can still be read (and the whole can be typed) as the id."""

    def __init__(self, tekst: str, stijl: str = "") -> None:
        self.delen = re.findall(r"[^_]*_|[^_]+", veilig(tekst)) or [""]
        self.stijl = stijl

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(max(cell_len(d) for d in self.delen), sum(cell_len(d) for d in self.delen))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        regels = [""]
        for deel in self.delen:
            if regels[-1] and cell_len(regels[-1]) + cell_len(deel) > options.max_width:
                regels.append("")
            regels[-1] += deel
        yield Text("\n".join(regels), style=self.stijl, overflow="fold")


def catalogus_tabel(catalogus: Catalogus, instrumenten: tuple[Instrument, ...]) -> RenderableType:
    """One row per instrument: name with its id, the rungs it serves, the catalogue's table kenmerken.
    Multi-valued cells put each value on its own line, so nothing wraps mid-label at 80 columns; a
    long name wraps between words, a long id after an underscore."""
    tabel = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_lines=True, show_edge=False,
                  title=Text(f"{len(instrumenten)} instrumenten", style="bold"), title_justify="left")
    tabel.add_column("Instrument", overflow="fold")
    tabel.add_column("Treden", no_wrap=True)
    for kid in catalogus.tabel:
        tabel.add_column(veilig(catalogus.kenmerken[kid].naam))
    for i in instrumenten:
        naam = Group(t(i.naam, "bold"), _Id(i.id, "dim"))
        cellen: list[RenderableType] = [naam, t(_treden(catalogus, i))]
        for kid in catalogus.tabel:
            cellen.append(t("\n".join(catalogus.kenmerken[kid].label(w) for w in i.kenmerk(kid))))
        tabel.add_row(*cellen)
    return Group(tabel, Text("Details van een instrument: bb instrumenten <id>", style="dim"))


def instrument_detail(catalogus: Catalogus, instrument: Instrument) -> RenderableType:
    delen: list[RenderableType] = [t(instrument.samenvatting)]

    def sectie(titel: str, inhoud: RenderableType) -> None:
        delen.append(Text(""))
        delen.append(Text(titel, style="bold"))
        delen.append(Padding(inhoud, (0, 2)))

    kenmerken = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    kenmerken.add_column(style="bold", no_wrap=True)
    kenmerken.add_column(ratio=1)
    kenmerken.add_row("Treden", t(", ".join(catalogus.trede(n).naam for n in instrument.niveaus)))
    # the catalogue's own indication goes with the kenmerk it explains: one row for costs, one for time
    toelichting = {"kosten": instrument.kosten, "doorlooptijd": instrument.doorlooptijd}
    for kid, kenmerk in catalogus.kenmerken.items():
        waarden = instrument.kenmerk(kid)
        if waarden:
            tekst = ", ".join(kenmerk.label(w) for w in waarden)
            extra = toelichting.pop(kid, None)
            kenmerken.add_row(t(kenmerk.naam), t(f"{tekst} — {extra[:1].lower()}{extra[1:]}" if extra else tekst))
    for naam, waarde in (("Kosten", toelichting.get("kosten")), ("Doorlooptijd", toelichting.get("doorlooptijd")),
                         ("Deelnemers", instrument.deelnemers)):
        if waarde:
            kenmerken.add_row(naam, t(waarde))
    sectie("Kenmerken", kenmerken)
    for titel, lijst, teken, stijl in (("Wanneer wel", instrument.wanneer_wel, "+", "green"),
                                       ("Wanneer niet", instrument.wanneer_niet, "−", "red"),
                                       ("Sterke punten", instrument.sterke_punten, "•", ""),
                                       ("Beperkingen", instrument.beperkingen, "•", "")):
        if lijst:
            sectie(titel, _redenen(lijst, teken, stijl))
    if instrument.voorbeeld:
        sectie("Voorbeeld", t(instrument.voorbeeld))
    if instrument.bron:
        delen.append(Text(""))
        delen.append(Text.assemble(("Bron: ", "dim"), (veilig(instrument.bron), "dim italic")))
    return Panel(Group(*delen), title=Text(f"{veilig(instrument.naam)} ({instrument.id})", style="bold"),
                 title_align="left", box=box.ROUNDED, padding=(0, 1))


def motivering(verslag: Verslag, volgt: bool = False) -> RenderableType:
    """"Pas toe of leg uit": why a motivation belongs in the dossier, and the motivation (or that
    it is missing, or that it is asked for next)."""
    delen: list[RenderableType] = [t(verslag.waarom_motivering)]
    if verslag.motivering:
        delen.append(Text.assemble(("Motivering: ", "bold"), veilig(verslag.motivering)))
    elif volgt:
        delen.append(Text("Geef hieronder een korte motivering; die komt in het verslag.", style="bold"))
    else:
        delen.append(Text("De motivering ontbreekt. Geef die met --motivering \"...\" of met 'motivering:' in "
                          "het antwoordenbestand.", style="bold red"))
    return Group(_kop("Pas toe of leg uit"), Padding(Group(*delen), (0, 2)))


# --- the explanation -----------------------------------------------------------------------


def _gronden(gronden: Iterable[Grond], stijl: Callable[[Grond], str]) -> RenderableType:
    """Each rule as a row: its effect, then the reason, the answers behind it and the kenmerk."""
    tabel = Table.grid(padding=(0, 1))
    tabel.add_column(no_wrap=True, justify="right")
    tabel.add_column(ratio=1)
    for g in gronden:
        regels: list[RenderableType] = [t(g.tekst)]  # the rule's id is in the JSON, not on the screen
        regels += [Text.assemble(("omdat ", "dim"), veilig(vraag), " → ", (veilig(antwoord), "bold"))
                   for vraag, antwoord in g.antwoorden]
        if g.kenmerk:
            regels.append(Text(veilig(g.kenmerk), style="dim"))
        tabel.add_row(Text(g.effect, style=stijl(g)), Group(*regels))
    return tabel


def _route_uitleg(u: Uitleg) -> list[RenderableType]:
    """The route: why it fits (its reason, the answers its condition looked at), its steps and its
    source; with no route, the note on the route that fits the answers but cannot be done."""
    if u.route is None:
        return [_kop("De route"), Padding(t(u.route_noot), (0, 2))] if u.route_noot else []
    stappen = Table.grid(padding=(0, 1))
    stappen.add_column(no_wrap=True, style="bold")
    stappen.add_column(ratio=1)
    for n, s in enumerate(u.route.stappen, start=1):
        stap = Text(veilig(s.naam), style="bold")
        if s.trede:
            stap.append(f" (op de trede {veilig(s.trede).lower()})")
        stappen.add_row(f"{n}.", Text.assemble(stap, ": ", veilig(s.waarom)))
    grond = u.route.grond
    omdat = Table.grid(padding=(0, 1))  # a wrapped answer hangs under its text, not under "omdat"
    omdat.add_column(no_wrap=True, style="dim")
    omdat.add_column(ratio=1)
    for vraag, antwoord in grond.antwoorden:
        omdat.add_row("omdat", Text.assemble(veilig(vraag), " → ", (veilig(antwoord), "bold")))
    onder = Text.assemble(("Waarom: ", "bold"), veilig(grond.tekst), "\n", ("Bron: ", "dim"),
                          (veilig(u.route.bron), "dim italic"))
    return [_kop("De route"), Padding(Group(Text(adviestekst.ROUTE_PAST, style="bold"), Padding(omdat, (0, 0, 0, 2)),
                                            stappen, onder), (0, 2))]


def uitleg(u: Uitleg) -> RenderableType:
    """Why: the rung from doel and ruimte, the route, each instrument's rules, each caveat's condition."""
    delen: list[RenderableType] = [_aangevuld([a.tekst for a in u.aangevuld])] if u.aangevuld else []
    delen += [_kop("De trede"), Padding(Text(veilig(u.uitkomst), style="bold"), (0, 2)),
              Padding(_gronden(u.niveau, lambda g: "cyan"), (0, 2))]
    delen += _route_uitleg(u)
    delen.append(_kop("Instrumenten"))
    for i in u.instrumenten:
        kop = Text("  ")
        kop.append(veilig(i.naam), style="bold")
        kop.append(f"  aanbevolen, {i.punten} punten" if i.aanbevolen else "  afgevallen",
                   style="green" if i.aanbevolen else "red")
        delen.append(kop)
        if not i.gronden:
            delen.append(Padding(Text("geen regel zoekt een van zijn kenmerken", style="dim"), (0, 4)))
        delen.append(Padding(_gronden(i.gronden, lambda g: "green" if g.effect.startswith("+") else "red"),
                             (0, 0, 0, 4)))
    if u.let_op:
        delen += [_kop("Aandachtspunten"), Padding(_gronden(u.let_op, lambda g: "yellow"), (0, 2))]
    return Group(*delen)


# --- the glossary --------------------------------------------------------------------------


def begrippen_lijst(lijst: Begrippenlijst) -> RenderableType:
    """Every term with its explanation, as a definition list."""
    delen: list[RenderableType] = []
    for b in lijst.begrippen:
        kop = t(b.term, "bold")
        kop.append(f"  ({b.id})", style="dim")
        delen += [kop, Padding(t(b.uitleg), (0, 0, 1, 4))]
    delen.append(Text(f"{len(lijst.begrippen)} begrippen. Eén begrip in detail: bb begrippen TERM", style="dim"))
    return Group(*delen)


def begrip_detail(lijst: Begrippenlijst, b: Begrip) -> RenderableType:
    delen: list[RenderableType] = [t(b.uitleg)]
    if b.ook:
        delen += [Text(""), Text.assemble(("Ook: ", "bold"), veilig(", ".join(b.ook)))]
    if b.zie_ook:
        namen = ", ".join(lijst.begrip(z).term for z in b.zie_ook)
        delen.append(Text.assemble(("Zie ook: ", "bold"), veilig(namen)))
    if b.bron:
        delen += [Text(""), Text.assemble(("Bron: ", "dim"), (veilig(b.bron), "dim italic"))]
    return Panel(Group(*delen), title=Text(veilig(b.term), style="bold"), title_align="left",
                 box=box.ROUNDED, padding=(0, 1))


# --- the interview -------------------------------------------------------------------------


def vraag_kop(vraag: Vraag, nummer: int, maximaal: int) -> RenderableType:
    """Above each question: progress, the question itself (wrapped at word boundaries, which the
    prompt line below would not do) and its toelichting."""
    delen: list[RenderableType] = [Text(""), Rule(Text(f"Vraag {nummer} van maximaal {maximaal}", style="bold"),
                                                  align="left", style="dim"),
                                   t(vraag.tekst, "bold")]
    if vraag.toelichting:
        delen.append(t(vraag.toelichting, "dim"))
    return Group(*delen)


def overzicht(gesprek: Gesprek) -> RenderableType:
    """The review before the advice: every answer on the path, numbered as in the choices below."""
    tabel = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, expand=True)
    tabel.add_column("", justify="right", no_wrap=True)
    tabel.add_column("Vraag", ratio=3)
    tabel.add_column("Uw antwoord", ratio=2)
    for nummer, vraag_id in enumerate(gesprek.pad(), start=1):
        vraag = gesprek.boom.vraag(vraag_id)
        tabel.add_row(str(nummer), t(vraag.tekst), t(antwoord_tekst(vraag, gesprek.antwoorden[vraag_id])))
    return Group(Text(""), Rule(Text("Uw antwoorden", style="bold"), align="left", style="dim"), tabel)


# --- errors --------------------------------------------------------------------------------


_SOORTEN = {"fout": ("fout", "fouten"), "waarschuwing": ("waarschuwing", "waarschuwingen")}


def beperkt(problemen: Iterable[Probleem], alle: bool = False) -> tuple[list[Probleem], list[str]]:
    """The problems to show, in their order: the first `GETOOND` errors and the first
    `GETOOND` warnings (all with `alle`), and a line per kind for the rest ("en nog 99.990
    fouten"). A file with a hundred thousand mistakes gives a screenful, not a hundred thousand
    lines; the first ones are what the author fixes first."""
    getoond: list[Probleem] = []
    gezien: dict[str, int] = {}
    for p in problemen:
        n = gezien[p.ernst] = gezien.get(p.ernst, 0) + 1
        if alle or n <= GETOOND:
            getoond.append(p)
    regels = []
    for ernst, n in gezien.items():
        rest = 0 if alle else n - GETOOND
        if rest > 0:
            enkel, meer = _SOORTEN.get(ernst, ("melding", "meldingen"))
            regels.append(f"… en nog {getal(rest)} {enkel if rest == 1 else meer}")
    return getoond, regels


LANGSTE_MELDING = 1000
"""The most characters of one message or place shown: a message quotes short fragments of what it
read, and this is the backstop for a value that reached a message whole (a name of megabytes)."""


def ingekort(tekst: str) -> str:
    return tekst if len(tekst) <= LANGSTE_MELDING else f"{tekst[:LANGSTE_MELDING]}… (ingekort)"


def fout(fout: BbFout) -> Text:
    getoond, rest = beperkt(fout.problemen)
    uit = Text()
    for i, p in enumerate(getoond):
        if i:
            uit.append("\n")
        if p.locatie:
            uit.append(f"{ingekort(veilig(str(p.locatie)))}: ", style="bold")
        uit.append(f"{p.ernst}: ", style="bold red" if p.ernst == "fout" else "bold yellow")
        uit.append(ingekort(veilig(p.bericht)))
    for regel in rest:
        uit.append("\n" + regel)
    return uit
