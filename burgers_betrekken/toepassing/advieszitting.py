"""`bb advies` as a use case, from parsed options to advice, record and autosave: which answers
(a file, the arrow-key interview or the plain one, resumed or new, autosaved as they come), the
engine, the screen, the motivation, the record and the replayable answers. Decides nothing about
the advice itself; the command line (`opdrachtregel.advies`) only parses the options into `AdviesOpties`."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

from burgers_betrekken.kern.fouten import Afgebroken, Beeindigd, GeenTerminal, InvoerFout, Probleem
from burgers_betrekken.lezen.bestanden import eenmaal_gelezen
from burgers_betrekken.opslag.laden import laad

if TYPE_CHECKING:
    from burgers_betrekken.kern.gesprek import Gesprek
    from burgers_betrekken.kern.model import Boom
    from burgers_betrekken.uitvoer.verslag import Verslag


@dataclass(frozen=True)
class AdviesOpties:
    """What the user asked for on the command line, checked and parsed."""

    antwoorden: Optional[Path]
    eenvoudig: bool
    scherm_formaat: str  # on the screen: tekst, json, md or html
    bestand_formaat: str  # of --uitvoer
    uitvoer: Optional[Path]
    overschrijf: bool
    motivering: Optional[str]
    bewaar: Optional[Path]
    hervat: bool
    vergeet: bool
    kort: bool
    boom: Optional[str]
    catalogus: Optional[Path]


@dataclass(frozen=True)
class _Beantwoord:
    """The answers of one run and what they led to."""

    resultaat: Any  # engine.Advies with wat-als
    antwoorden: Any  # the answer file read (lezen.antwoorden), or None when asked on the screen
    motivering: Optional[str]  # given with --motivering or in the answer file
    interactief: bool  # a person answered at a terminal, so a missing motivation can be asked
    eenvoudig: bool  # the plain, numbered way of asking (asked for, or a dumb terminal)
    autosave: Optional[Path]  # where the answers were saved as they came; None for an answer file


def voer_uit(o: AdviesOpties) -> None:
    """Run `bb advies`. Raises bb's errors; `opdrachten.main` turns them into messages and exit codes."""
    if o.uitvoer is not None and o.bewaar is not None and _zelfde_bestand(o.uitvoer, o.bewaar):
        raise InvoerFout(f"--uitvoer en --bewaar wijzen naar hetzelfde bestand '{o.uitvoer}'; het verslag en de "
                         f"antwoorden horen in twee bestanden")
    eenmaal_gelezen(o.boom, o.antwoorden, o.catalogus)
    a = None
    if o.antwoorden is not None:
        from burgers_betrekken.lezen.antwoorden import laad_antwoorden

        a = laad_antwoorden(o.antwoorden)
    b, c = laad_bij_antwoorden(a, o.boom, o.catalogus)
    if o.vergeet:
        _vergeet(b.id)
        return
    from burgers_betrekken.opslag import bewaren

    for doel in (o.uitvoer, o.bewaar):  # refuse before twenty minutes of questions, not after
        if doel is not None:
            bewaren.controleer_uitvoer(doel, o.overschrijf)
    beantwoord = _beantwoord(o, a, b, c)
    verslag = _toon_met_motivering(o, b, beantwoord)
    try:
        _schrijf_uitvoer(o, b, beantwoord, verslag)
    except InvoerFout as e:
        if beantwoord.autosave is not None and beantwoord.autosave.exists():
            e.problemen += (Probleem(f"uw antwoorden zijn veilig bewaard in {beantwoord.autosave}; los het op en "
                                     f"maak het verslag opnieuw met: bb advies --hervat", None, "waarschuwing"),)
        raise
    if beantwoord.autosave is not None:
        bewaren.vergeet_pad(beantwoord.autosave)  # the run is finished and every output is written


def laad_bij_antwoorden(a: Any, boom: Optional[str], catalogus: Optional[Path]) -> tuple["Boom", Any]:
    """The tree and catalogue for answers `a` (or None), for every command that takes answers:
    --boom, else the shipped tree a JSON record names, else the default. Answers from a record
    belong to the tree that made it: another tree is refused, and a tree changed since the record
    gets a warning on stderr that the advice may differ."""
    from burgers_betrekken.lezen.antwoorden import controleer_herkomst, uit_verslag

    b, c = laad(boom or (uit_verslag(a) if a is not None else None), catalogus)
    if a is not None:
        waarschuwing = controleer_herkomst(a, b.id, b.sha256, boom is not None)
        if waarschuwing:
            print(waarschuwing, file=sys.stderr)
    return b, c


def _vergeet(boom_id: str) -> None:
    from burgers_betrekken.opslag import bewaren

    weg = bewaren.vergeet(boom_id)
    for pad in weg:
        print(f"Onafgemaakte sessie vergeten: {pad}")
    if not weg:
        print(f"Er was geen onafgemaakte sessie voor boom '{boom_id}'.")


def _beantwoord(o: AdviesOpties, a: Any, b: "Boom", c: Any) -> _Beantwoord:
    """The answers, from the file or asked on the screen (autosaved as they come), and the advice."""
    from burgers_betrekken.kern import engine
    from burgers_betrekken.kern.watals import met_wat_als

    if a is not None:
        # answers made before a question was added: the tree's answer is taken, and the advice says so
        return _Beantwoord(met_wat_als(engine.advies(b, c, a.waarden, a.locaties, a.bron, aanvullen=True)), a,
                           o.motivering or a.motivering, interactief=False, eenvoudig=o.eenvoudig, autosave=None)
    if sys.stdin is None:
        raise GeenTerminal("de standaardinvoer is gesloten, dus er kan niets worden gevraagd; geef de "
                           "antwoorden mee met --antwoorden BESTAND")
    plat = o.eenvoudig or (is_terminal() and domme_terminal())
    if not plat and not is_terminal():
        raise GeenTerminal("geen terminal om vragen te stellen; geef de antwoorden mee met "
                           "--antwoorden BESTAND (YAML of JSON, vraag-id: optie-id), of beantwoord de "
                           "vragen als genummerde lijst met --eenvoudig")
    # with JSON output on the screen, or the record on stdout (-o /dev/stdout), the plain questions
    # go to stderr, so stdout stays one document
    uit = sys.stderr if plat and (o.scherm_formaat == "json" or _verslag_op_stdout(o)) else sys.stdout
    gesprek, autosave = _begin_gesprek(b, b.sha256, o.hervat, plat, uit)
    with _onderbreekbaar(autosave):
        keuzes = _interview(b, gesprek, plat, uit)
    return _Beantwoord(met_wat_als(engine.advies(b, c, keuzes)), None, o.motivering,
                       interactief=sys.stdin.isatty(), eenvoudig=plat, autosave=autosave)


def _toon_met_motivering(o: AdviesOpties, b: "Boom", x: _Beantwoord) -> "Verslag":
    """The record of the advice, shown on the screen; a motivation the advice needs is asked at a
    terminal: after the advice is shown, so the user sees what they motivate."""
    from burgers_betrekken.uitvoer.verslag import Verslag

    verslag = Verslag(x.resultaat, datetime.now().astimezone(), b.sha256, _heel(x.motivering))
    if x.motivering and not verslag.motivering_nodig:
        print("let op: dit advies vraagt geen motivering (burgers krijgen invloed); de gegeven motivering "
              "komt niet in het verslag.", file=sys.stderr)
    vragen = verslag.motivering_nodig and not x.motivering and x.interactief
    op_stdout = _verslag_op_stdout(o)
    if vragen and (o.scherm_formaat != "tekst" or op_stdout):  # the document must hold it
        verslag = replace(verslag, motivering=_heel(_vraag_motivering(verslag, x.eenvoudig, x.autosave)))
        vragen = False
    if op_stdout:  # stdout holds the record and nothing else
        return verslag
    # answers given on the screen were just reviewed there: they are not printed again
    _toon(verslag, o.scherm_formaat, x.eenvoudig, motivering_volgt=vragen, kort=o.kort,
          antwoorden=x.antwoorden is not None)
    if vragen:
        verslag = replace(verslag, motivering=_heel(_vraag_motivering(verslag, x.eenvoudig, x.autosave)))
    return verslag


def _verslag_op_stdout(o: AdviesOpties) -> bool:
    """--uitvoer names standard output (`/dev/stdout`, `/dev/fd/1`): the record is all it gets."""
    from burgers_betrekken.lezen.bestanden import descriptor

    return o.uitvoer is not None and descriptor(o.uitvoer) == 1


def _schrijf_uitvoer(o: AdviesOpties, b: "Boom", x: _Beantwoord, verslag: "Verslag") -> None:
    """The record to --uitvoer (or, for an advice answered on the screen, to the data folder) and
    the replayable answers to --bewaar."""
    from burgers_betrekken.opslag import bewaren

    if o.uitvoer is not None:
        _schrijf(o.uitvoer, _als(verslag, o.bestand_formaat), o.overschrijf)
    elif x.antwoorden is None and o.scherm_formaat == "tekst":
        # an advice answered on the screen is never lost when the screen scrolls: the record goes
        # to the data folder, and the last line says where
        pad = bewaren.schrijf_verslag(b.id, verslag.gemaakt, _als(verslag, "md"))
        print(f"Dit advies staat ook in:\n  {pad}\n(een eigen bestand of formaat: bb advies --uitvoer BESTAND)",
              file=sys.stderr)
    if o.bewaar is not None:
        from burgers_betrekken.lezen.antwoorden import als_antwoordenbestand
        from burgers_betrekken.kern.model import WEET_NIET

        # an answer the file lacked was not given: left out, so a replay says so again
        gegeven = {s.vraag.id: WEET_NIET if s.aanname else s.optie.id for s in x.resultaat.pad if not s.aangevuld}
        _schrijf(o.bewaar, als_antwoordenbestand(b.id, b.versie, gegeven, verslag.motivering,
                                                 verslag.gemaakt.strftime("%d-%m-%Y %H:%M")), o.overschrijf)


def _zelfde_bestand(een: Path, ander: Path) -> bool:
    try:
        if een.exists() and ander.exists():
            return een.samefile(ander)
        return een.resolve() == ander.resolve()
    except OSError:
        return False


def _begin_gesprek(b: "Boom", boom_hash: str, hervat: bool, plat: bool,
                   uit: Any) -> tuple["Gesprek", Path]:
    """The conversation to run and the autosave it writes to. Saved sessions that another
    running `bb advies` holds are left alone; of the others the user chooses (one: continue or
    start over; several: which one, or a new one that keeps them all)."""
    from burgers_betrekken.opslag import bewaren
    from burgers_betrekken.kern.gesprek import Gesprek
    from burgers_betrekken.kern.woorden import aantal, veilig

    lopend, bezet, overgeslagen = bewaren.onafgemaakt(b.id)
    for melding in overgeslagen:
        print(veilig(melding), file=sys.stderr)
    if hervat and not lopend:
        elders = " (een andere sessie met deze boom loopt nog in een ander venster)" if bezet else ""
        raise InvoerFout(f"er is geen onafgemaakte sessie voor boom '{b.id}' om mee verder te gaan{elders}")
    gekozen: "bewaren.Lopend | None" = None
    pad: Path | None = None
    if len(lopend) == 1:
        gekozen, pad = lopend[0], lopend[0].pad  # starting over replaces it: the user was asked
        if not hervat and not _vraag_of(plat, uit, lopend, lambda: _doorgaan(plat, uit, lopend[0])):
            gekozen = None
    elif lopend:
        opties = [f"{lo.bijgewerkt.strftime('%d-%m-%Y %H:%M')}: "
                  f"{aantal(len(lo.antwoorden), 'antwoord', 'antwoorden')}" for lo in lopend]
        melding = f"U heeft {len(lopend)} onafgemaakte sessies met deze beslisboom."
        keuze = _vraag_of(plat, uit, lopend, lambda: _kies_sessie(plat, uit, melding, opties, not hervat))
        gekozen = lopend[keuze] if keuze is not None else None
        pad = gekozen.pad if gekozen is not None else None
    for lo in lopend:
        if lo.pad != pad:
            bewaren.laat_los(lo.pad)
    if pad is None:
        pad = bewaren.nieuwe_plek(b.id)
        if bezet and pad != bewaren.pad_voor(b.id):
            print(f"Er loopt al een sessie met deze boom in een ander venster; deze sessie wordt apart bewaard "
                  f"in {veilig(str(pad))}.", file=uit)
    bewaar_tussendoor = _bewaarder(b, boom_hash, pad)
    if gekozen is None:
        return Gesprek(b, bij_antwoord=bewaar_tussendoor), pad
    geldig, weg = bewaren.nog_geldig(b, gekozen.antwoorden)
    if gekozen.boom_hash != boom_hash:
        print("De beslisboom is veranderd sinds uw vorige sessie. " + (
            f"Deze antwoorden passen niet meer en zijn weggelaten: {_weggelaten(weg)}." if weg
            else "Al uw antwoorden passen nog."), file=uit)
    print(f"Verder met {aantal(len(geldig), 'bewaard antwoord', 'bewaarde antwoorden')}.", file=uit)
    return Gesprek.hervat(b, geldig, bij_antwoord=bewaar_tussendoor), pad


def _weggelaten(weg: list[str]) -> str:
    """The dropped answers, as every message lists things: the first `GETOOND`, each cut to a
    fragment, and the rest counted ("… en nog 99.990"); an autosave is a file anyone could edit."""
    from burgers_betrekken.kern.fouten import GETOOND
    from burgers_betrekken.kern.woorden import fragment, getal

    tekst = ", ".join(fragment(w) for w in weg[:GETOOND])
    return tekst + (f" … en nog {getal(len(weg) - GETOOND)}" if len(weg) > GETOOND else "")


def _bewaarder(b: "Boom", boom_hash: str, pad: Path) -> Any:
    from burgers_betrekken.opslag import bewaren

    gemeld = []

    def bewaar_tussendoor(antwoorden: dict[str, str]) -> None:
        try:
            bewaren.bewaar(pad, b, boom_hash, antwoorden)
        except InvoerFout as e:  # saving must never stop the interview; say it once
            if not gemeld:
                print(f"let op: uw antwoorden worden niet tussentijds bewaard ({e.bericht})", file=sys.stderr)
                gemeld.append(True)

    return bewaar_tussendoor


@contextmanager
def _onderbreekbaar(bewaard: Path | None, werkwoord: str = "zijn") -> Iterator[None]:
    """The one place in `bb advies` where Ctrl-C, Ctrl-D, the end of the input or SIGTERM during a
    question become "Afgebroken" (or "Beëindigd") with the way back: where the answers are kept
    (if they are) and `bb advies --hervat`. `opdrachten.main` turns it into the message and exit code."""
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        fout = Afgebroken("Afgebroken.")
        _wijs_terug(fout, bewaard, werkwoord)
        raise fout from None
    except (Afgebroken, Beeindigd) as fout:
        _wijs_terug(fout, bewaard, werkwoord)
        raise


def _wijs_terug(fout: Afgebroken | Beeindigd, bewaard: Path | None, werkwoord: str) -> None:
    if bewaard is not None and bewaard.exists():
        fout.hint = f"Uw antwoorden {werkwoord} bewaard in {bewaard}. Ga verder met: bb advies --hervat"


def _vraag_of(plat: bool, uit: Any, lopend: list[Any], vraag: Any) -> Any:
    """Ask about saved sessions; Ctrl-C or end of input there stops, and they all stay saved."""
    with _onderbreekbaar(lopend[0].pad if len(lopend) == 1 else lopend[0].pad.parent, "blijven"):
        return vraag()


def _doorgaan(plat: bool, uit: Any, lopend: Any) -> bool:
    from burgers_betrekken.kern.woorden import aantal, veilig

    wanneer = lopend.bijgewerkt.strftime("%d-%m-%Y om %H:%M")
    hoeveel = aantal(len(lopend.antwoorden), "antwoord", "antwoorden")
    melding = f"U was op {wanneer} bezig met deze beslisboom ({hoeveel}, bewaard in {veilig(str(lopend.pad))})."
    if plat:
        from burgers_betrekken.vragen import eenvoudig

        return eenvoudig.doorgaan(melding, sys.stdin, uit)
    from burgers_betrekken.vragen import pijltjes
    from burgers_betrekken.uitvoer import weergave

    weergave.console().print(melding, highlight=False)
    return pijltjes.doorgaan("Verder waar u was?")


def _kies_sessie(plat: bool, uit: Any, melding: str, opties: list[str], nieuw: bool) -> int | None:
    if plat:
        from burgers_betrekken.vragen import eenvoudig

        return eenvoudig.kies_sessie(melding, opties, nieuw, sys.stdin, uit)
    from burgers_betrekken.vragen import pijltjes
    from burgers_betrekken.uitvoer import weergave

    weergave.console().print(melding, highlight=False)
    return pijltjes.kies_sessie(opties, nieuw)


def _interview(b: "Boom", gesprek: "Gesprek", plat: bool, uit: Any) -> dict[str, str]:
    if plat:
        from burgers_betrekken.vragen import eenvoudig

        return eenvoudig.interview(b, sys.stdin, uit, gesprek)
    from burgers_betrekken.vragen import pijltjes
    from burgers_betrekken.uitvoer import weergave

    scherm = weergave.console()
    scherm.print(weergave.t(b.titel, "bold"))
    return pijltjes.interview(
        b, toon_kop=lambda g: scherm.print(weergave.vraag_kop(g.huidige(), g.nummer, g.maximaal())),
        toon_overzicht=lambda g: scherm.print(weergave.overzicht(g)), gesprek=gesprek)


def _heel(motivering: str | None) -> str | None:
    """A motivation is never lost over a byte that is no UTF-8: it is kept with U+FFFD there."""
    from burgers_betrekken.kern.woorden import heel

    if motivering is None or heel(motivering) == motivering:
        return motivering
    print("let op: de motivering bevat tekens die geen UTF-8 zijn; die staan er nu als '\ufffd'.", file=sys.stderr)
    return heel(motivering)


def _vraag_motivering(verslag: "Verslag", eenvoudig: bool, autosave: Path | None) -> str | None:
    """Ctrl-C or Ctrl-D here stops like at any other prompt; the answers stay in the autosave."""
    with _onderbreekbaar(autosave):
        if eenvoudig:
            from burgers_betrekken.vragen import eenvoudig as plat

            return plat.vraag_motivering(verslag.waarom_motivering, sys.stdin, sys.stdout)
        from burgers_betrekken.vragen import pijltjes

        return pijltjes.vraag_motivering(verslag.waarom_motivering)


def _als(verslag: "Verslag", formaat: str) -> str:
    if formaat == "json":
        from burgers_betrekken.uitvoer.gegevens import als_json
        from burgers_betrekken.uitvoer.verslag import als_data

        return als_json(als_data(verslag)) + "\n"
    if formaat == "html":
        from burgers_betrekken.uitvoer.verslag_html import als_html

        return als_html(verslag)
    from burgers_betrekken.uitvoer.verslag import als_markdown

    return als_markdown(verslag)


def _toon(verslag: "Verslag", formaat: str, eenvoudig: bool, motivering_volgt: bool = False,
          kort: bool = False, antwoorden: bool = True) -> None:
    if formaat != "tekst":
        print(_als(verslag, formaat), end="")
    elif eenvoudig:
        from burgers_betrekken.vragen.eenvoudig import toon
        from burgers_betrekken.uitvoer.verslag import MOTIVERING_ONTBREEKT, als_markdown

        tekst = als_markdown(verslag)
        if motivering_volgt:  # not "missing" ninety lines before it is asked for
            tekst = tekst.replace(f"**{MOTIVERING_ONTBREEKT}** Vul die aan voor het dossier.",
                                  "U geeft de motivering hierna, onder het advies.")
        print()
        toon(tekst, sys.stdout)
        if motivering_volgt:
            print("\nHieronder kunt u de motivering geven; die komt in het verslag.")
    else:
        from burgers_betrekken.uitvoer import weergave

        scherm = weergave.console()
        if scherm.is_terminal:
            scherm.print()  # separate the advice from the last answered question
        scherm.print(weergave.advies(verslag.advies, kort=kort, antwoorden=antwoorden))
        if verslag.motivering_nodig:
            scherm.print(weergave.motivering(verslag, volgt=motivering_volgt))


def _schrijf(pad: Path, tekst: str, overschrijf: bool) -> None:
    from burgers_betrekken.lezen.bestanden import schrijf_tekst

    schrijf_tekst(pad, tekst, overschrijf=overschrijf)
    print(f"Geschreven: {pad}", file=sys.stderr)



def domme_terminal() -> bool:
    """TERM=dumb: a terminal that cannot move the cursor; only the plain interview works there."""
    import os

    return os.environ.get("TERM", "") in ("dumb", "unknown")


def is_terminal() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (ValueError, AttributeError):  # closed or replaced streams
        return False
