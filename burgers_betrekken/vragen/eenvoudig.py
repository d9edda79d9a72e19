"""The plain interview (`bb advies --eenvoudig`): numbered choices read line by line from
standard input, written as plain text to standard output. No cursor movement, no colour, so it
works with a screen reader, on a dumb terminal and with piped input (`yes 1 | bb advies --eenvoudig`).

It drives the same `Gesprek` as the arrow-key interview: back ("0"), kept answers (Enter keeps
the earlier answer), "weet ik niet" where the tree allows it, and a review before the advice.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from typing import TextIO

from burgers_betrekken.kern.fouten import Afgebroken, ExitCode
from burgers_betrekken.kern.gesprek import ADVIES, TERUG, Gesprek, InterviewAfgebroken, doorloop
from burgers_betrekken.kern.model import WEET_NIET, Boom, Vraag
from burgers_betrekken.kern.woorden import antwoord_tekst, getal, heel, veilig

MAX_REGEL = 4096
"""The longest line read as an answer or a motivation (characters); a longer one is discarded, in
reads of this size, and asked again: an endless line (`/dev/zero`) never fills the memory."""

MAX_WEG = 1 << 20
"""How much of one too long line is discarded before the input is given up as unusable."""

MAX_ONGELDIG = 50
"""How many unusable answers in a row (wrong, or too long) before the input is given up: a pipe
that repeats a wrong answer (`yes 9`, `/dev/full`) must end, not ask forever."""


class OnbruikbareInvoer(Afgebroken):
    """The input gives no usable answers (endless, or wrong again and again): the interview stops
    with exit code 2; the answers so far stay in the autosave."""

    exit_code = ExitCode.INVOER



class _Scherm:
    def __init__(self, invoer: TextIO, uitvoer: TextIO) -> None:
        self.invoer = invoer
        self.uitvoer = uitvoer
        self.breedte = max(40, min(100, shutil.get_terminal_size((80, 24)).columns))
        self.ongeldig = 0  # unusable answers in a row

    def nog_eens(self) -> None:
        """One more unusable answer; too many in a row end the interview."""
        self.ongeldig += 1
        if self.ongeldig >= MAX_ONGELDIG:
            raise OnbruikbareInvoer(f"te veel ongeldige antwoorden na elkaar ({MAX_ONGELDIG}); de invoer lijkt "
                                    f"niet voor deze vragen bedoeld")

    def regel(self, tekst: str = "", inspringen: int = 0, vervolg: int | None = None) -> None:
        if not tekst:
            print(file=self.uitvoer)
            return
        print(textwrap.fill(veilig(tekst), self.breedte, initial_indent=" " * inspringen,
                            subsequent_indent=" " * (inspringen if vervolg is None else vervolg),
                            break_long_words=False, break_on_hyphens=False), file=self.uitvoer)

    def lees(self, vraag: str) -> str:
        while True:
            print(veilig(vraag), end="", file=self.uitvoer, flush=True)
            regel = self._regel()
            if regel is not None:
                return regel
            self.regel(f"Die regel is te lang (meer dan {getal(MAX_REGEL)} tekens); typ alleen uw antwoord.")
            self.nog_eens()

    def _regel(self) -> str | None:
        """The next line, stripped; None for a line longer than `MAX_REGEL` (discarded)."""
        regel = heel(self.invoer.readline(MAX_REGEL + 1))  # a byte that is no UTF-8 becomes U+FFFD, not a crash
        if len(regel) > MAX_REGEL and not regel.endswith("\n"):
            weg = len(regel)
            while regel and not regel.endswith("\n"):
                if weg > MAX_WEG:
                    print(file=self.uitvoer)
                    raise OnbruikbareInvoer(f"een regel van de invoer houdt niet op (meer dan "
                                            f"{MAX_WEG // (1 << 20)} MB zonder regeleinde)")
                regel = self.invoer.readline(MAX_REGEL)
                weg += len(regel)
            if not self.invoer.isatty():
                print("(te lange regel)", file=self.uitvoer)
            return None
        if not regel:  # end of input before the interview was done
            print(file=self.uitvoer)
            raise EOFError
        if not self.invoer.isatty():
            print(veilig(regel.rstrip("\n")), file=self.uitvoer)  # echo piped input, so the transcript reads
        return regel.strip()


def _kies(scherm: _Scherm, keuzes: dict[str, str], standaard: str | None, fout: str | None = None) -> str:
    """Read until the line is one of the keys in `keuzes` (or empty, when there is a default).
    Spaces and capitals do not matter ('W 3' is 'w3'). `fout`: what to say after a wrong line."""
    nummers = [n for n in keuzes if n != "0"]
    hint = f" [Enter = {standaard}]" if standaard else ""
    while True:
        antwoord = scherm.lees(f"Uw keuze{hint}: ").replace(" ", "").lower()
        if not antwoord and standaard:
            scherm.ongeldig = 0
            return keuzes[standaard]
        if antwoord in keuzes:
            scherm.ongeldig = 0
            return keuzes[antwoord]
        extra = ", of 0 voor de vorige vraag" if "0" in keuzes else ""
        scherm.regel(fout or f"Kies een nummer van {nummers[0]} tot en met {nummers[-1]}{extra}.")
        scherm.nog_eens()


def _vraag(scherm: _Scherm, gesprek: Gesprek, vraag: Vraag) -> str:
    scherm.regel()
    scherm.regel(f"Vraag {gesprek.nummer} van maximaal {gesprek.maximaal()}")
    scherm.regel(vraag.tekst)
    if vraag.toelichting:
        scherm.regel(vraag.toelichting, 2)
    keuzes: dict[str, str] = {}
    for n, optie in enumerate(vraag.opties, start=1):
        keuzes[str(n)] = optie.id
        scherm.regel(f"{n}. {optie.label}", 2, 5)
        if optie.toelichting:
            scherm.regel(optie.toelichting, 5)
    if vraag.weet_niet is not None:
        n = len(keuzes) + 1
        keuzes[str(n)] = WEET_NIET
        scherm.regel(f"{n}. Weet ik niet", 2, 5)
        scherm.regel(vraag.weet_niet.aanname, 5)  # the tree's own sentence: what is assumed then
    if gesprek.kan_terug:
        keuzes["0"] = TERUG
        scherm.regel("0. Vorige vraag", 2, 5)
    eerder = gesprek.voorkeuze()
    standaard = next((n for n, w in keuzes.items() if w == eerder), None)
    return _kies(scherm, keuzes, standaard)


def _overzicht(scherm: _Scherm, gesprek: Gesprek) -> str:
    """The review. The questions keep their numbers: 'w3' changes question 3; 1 shows the advice
    (so `yes 1 | bb advies --eenvoudig` still ends in an advice)."""
    scherm.regel()
    scherm.regel("Uw antwoorden")
    pad = gesprek.pad()
    keuzes = {"1": ADVIES}
    for n, vraag_id in enumerate(pad, start=1):
        vraag = gesprek.boom.vraag(vraag_id)
        scherm.regel(f"Vraag {n}: {vraag.tekst} → {antwoord_tekst(vraag, gesprek.antwoorden[vraag_id])}", 2, 4)
        keuzes[f"w{n}"] = vraag_id
    scherm.regel()
    scherm.regel("1. Klopt, toon het advies", 2, 5)
    scherm.regel(f"w en een nummer: wijzig die vraag (bijvoorbeeld w{len(pad)} voor vraag {len(pad)})", 2, 5)
    keuzes["0"] = TERUG
    scherm.regel("0. Vorige vraag", 2, 5)
    return _kies(scherm, keuzes, None, fout=f"Typ 1 voor het advies, w1 tot en met w{len(pad)} om een vraag te "
                                            f"wijzigen, of 0 voor de vorige vraag.")


def interview(boom: Boom, invoer: TextIO, uitvoer: TextIO, gesprek: Gesprek | None = None) -> dict[str, str]:
    """Ask the tree's questions as numbered lists; returns the answers on the final path.
    `gesprek`: a resumed one (else a new one)."""
    scherm = _Scherm(invoer, uitvoer)
    gesprek = gesprek or Gesprek(boom)
    scherm.regel(boom.titel)
    scherm.regel("Typ het nummer van uw keuze en Enter. 0 gaat terug naar de vorige vraag.")
    try:
        return doorloop(gesprek, lambda g, vraag: _vraag(scherm, g, vraag), lambda g: _overzicht(scherm, g))
    except (KeyboardInterrupt, EOFError):
        raise InterviewAfgebroken(gesprek.resultaat()) from None


def toon(tekst: str, uitvoer: TextIO) -> None:
    """Print the Markdown advice as plain text for a screen reader: one item a line, wrapped at word
    boundaries; table rows become "cell: cell" lines instead of pipes cut mid-cell; no Markdown
    marks (**, `, #, escapes). A list item's continuation lines hang under its text."""
    breedte = _Scherm(uitvoer, uitvoer).breedte
    for regel in platte_tekst(veilig(tekst)):
        inhoud = regel.lstrip()
        marker = re.match(r"(?:[-*•]|\d+\.)\s", inhoud)
        inspringen = len(regel) - len(inhoud) + (marker.end() if marker else 0)
        print(textwrap.fill(regel, breedte, subsequent_indent=" " * inspringen, break_long_words=False,
                            break_on_hyphens=False) if regel.strip() else "", file=uitvoer)


_SCHEIDING = re.compile(r"^\s*\|(\s*:?-+:?\s*\|)+\s*$")
_CEL = re.compile(r"(?<!\\)\|")


def platte_tekst(markdown: str) -> list[str]:
    regels = markdown.splitlines()
    uit: list[str] = []
    for i, regel in enumerate(regels):
        if _SCHEIDING.match(regel):
            continue
        if regel.lstrip().startswith("|"):
            if i + 1 < len(regels) and _SCHEIDING.match(regels[i + 1]):
                continue  # a header row: the cells say it themselves
            cellen = [c.strip() for c in _CEL.split(regel.strip())[1:-1]]
            regel = ": ".join(cellen[:2]) + ("; " + "; ".join(cellen[2:]) if len(cellen) > 2 else "")
        regel = re.sub(r"^#+\s*", "", regel)
        regel = re.sub(r"^>\s?", "  ", regel)
        regel = re.sub(r"^(\s*- )\[ \] ", r"\1", regel)  # a checklist item: the box means nothing read aloud
        regel = re.sub(r"^(\s*- )\[x\] ", r"\1(gedaan) ", regel)
        regel = regel.replace("**", "").replace("`", "")
        regel = re.sub(r"(?<![\w\\])\*(\S(?:[^*]*\S)?)\*(?!\w)", r"\1", regel)  # *cursief*
        uit.append(re.sub(r"\\(.)", r"\1", regel))
    return uit


def doorgaan(melding: str, invoer: TextIO, uitvoer: TextIO) -> bool:
    """Continue an unfinished run? Numbered like every other question; Enter means yes."""
    scherm = _Scherm(invoer, uitvoer)
    scherm.regel(melding)
    scherm.regel("Verder waar u was?")
    scherm.regel("1. Ja", 2, 5)
    scherm.regel("2. Nee, begin opnieuw", 2, 5)
    return _kies(scherm, {"1": "ja", "2": "nee"}, "1") == "ja"


def kies_sessie(melding: str, opties: list[str], nieuw: bool, invoer: TextIO, uitvoer: TextIO) -> int | None:
    """Which of several unfinished sessions to continue (its index), or None to start anew."""
    scherm = _Scherm(invoer, uitvoer)
    scherm.regel(melding)
    scherm.regel("Met welke sessie gaat u verder?")
    keuzes = {}
    for i, tekst in enumerate(opties, start=1):
        scherm.regel(f"{i}. {tekst}", 2, 5)
        keuzes[str(i)] = str(i - 1)
    if nieuw:
        scherm.regel(f"{len(opties) + 1}. Begin opnieuw (de bewaarde sessies blijven bewaard)", 2, 5)
        keuzes[str(len(opties) + 1)] = "nieuw"
    keuze = _kies(scherm, keuzes, "1")
    return None if keuze == "nieuw" else int(keuze)


def vraag_motivering(uitleg: str, invoer: TextIO, uitvoer: TextIO) -> str | None:
    """One line of "pas toe of leg uit" motivation; an empty line means none."""
    scherm = _Scherm(invoer, uitvoer)
    scherm.regel()
    scherm.regel("Pas toe of leg uit")
    scherm.regel(uitleg, 2)
    return scherm.lees("Motivering (Enter om over te slaan): ") or None
