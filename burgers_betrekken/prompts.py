"""The interactive interview with arrow keys. The only module that imports questionary (and
prompt_toolkit).

A `Gesprek` decides which question comes next, what is preselected and where "back" goes;
this module only asks. Ctrl-C and Ctrl-D become `InterviewAfgebroken` with the answers so far.
"""

from __future__ import annotations

import textwrap
from typing import Any, Callable

import questionary
from prompt_toolkit.application.current import get_app
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys

from burgers_betrekken.gesprek import Gesprek, InterviewAfgebroken
from burgers_betrekken.model import WEET_NIET, Boom, Vraag

TERUG = "__terug__"
"""What a prompt returns when the user goes back (the choice, Esc or Ctrl-B)."""
ADVIES = "__advies__"
"""What the review returns when the user confirms."""

VRAAGTEKST = "Uw antwoord:"
INSTRUCTIE = "(↑↓ en Enter)"
INSTRUCTIE_TERUG = "(↑↓ en Enter · Esc: vorige vraag)"
VORIGE_VRAAG = "← Vorige vraag"
WEET_IK_NIET = "Weet ik niet"

__all__ = ["InterviewAfgebroken", "interview", "stel_vraag", "kies_in_overzicht", "TERUG", "ADVIES"]

ToonKop = Callable[[Gesprek], None]
ToonOverzicht = Callable[[Gesprek], None]


def _kies(bericht: str, keuzes: list[Any], standaard: str | None, terug_mag: bool, **app_kwargs: Any) -> str:
    """A select list with Dutch help, Ctrl-D as end of input, and Esc/Ctrl-B as "back"."""
    if standaard is not None and standaard not in [k.value for k in keuzes if isinstance(k, questionary.Choice)]:
        standaard = None
    vraag = questionary.select(bericht, choices=keuzes, default=standaard, qmark="?",
                               instruction=INSTRUCTIE_TERUG if terug_mag else INSTRUCTIE, **app_kwargs)
    extra = KeyBindings()

    @extra.add(Keys.ControlD, eager=True)
    def _einde(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    @extra.add(Keys.SIGINT)  # prompt_toolkit turns a real SIGINT (kill -INT) into this key; questionary ignores it
    def _signaal(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    if terug_mag:
        @extra.add(Keys.Escape, eager=True)
        @extra.add(Keys.ControlB, eager=True)
        def _terug(event: Any) -> None:
            event.app.exit(result=TERUG)

    app = vraag.application
    app.key_bindings = merge_key_bindings([app.key_bindings, extra]) if app.key_bindings else extra
    _nederlandse_toelichting(app)
    return vraag.unsafe_ask()


def stel_vraag(vraag: Vraag, standaard: str | None = None, terug_mag: bool = False, **app_kwargs: Any) -> str:
    """Ask one question; returns the chosen option id, WEET_NIET, or TERUG.
    `app_kwargs` (input=, output=) go to prompt_toolkit, which is how tests drive it."""
    keuzes: list[Any] = [questionary.Choice(title=o.label, value=o.id, description=o.toelichting)
                         for o in vraag.opties]
    if vraag.weet_niet is not None:
        keuzes.append(questionary.Choice(title=WEET_IK_NIET, value=WEET_NIET,
                                         description=f"Dan gaan we hiervan uit: {vraag.weet_niet.aanname}"))
    if terug_mag:
        keuzes += [questionary.Separator(" "), questionary.Choice(title=VORIGE_VRAAG, value=TERUG)]
    return _kies(VRAAGTEKST, keuzes, standaard, terug_mag, **app_kwargs)


def kies_in_overzicht(gesprek: Gesprek, **app_kwargs: Any) -> str:
    """The review: returns ADVIES to confirm, a question id to change, or TERUG."""
    keuzes: list[Any] = [questionary.Choice(title="Klopt, toon het advies", value=ADVIES), questionary.Separator(" ")]
    for nummer, vraag_id in enumerate(gesprek.pad(), start=1):
        tekst = textwrap.shorten(gesprek.boom.vraag(vraag_id).tekst, width=60, placeholder=" …")
        keuzes.append(questionary.Choice(title=f"Wijzig {nummer}. {tekst}", value=vraag_id))
    keuzes += [questionary.Separator(" "), questionary.Choice(title=VORIGE_VRAAG, value=TERUG)]
    return _kies("Kloppen uw antwoorden?", keuzes, ADVIES, True, **app_kwargs)


def _nederlandse_toelichting(app: Any) -> None:
    """questionary labels an option's description with a hard-coded English 'Description:' and
    lets the terminal break it anywhere; say 'Toelichting:' and wrap it at word boundaries."""
    from questionary.prompts.common import InquirerControl

    for control in app.layout.find_all_controls():
        if isinstance(control, InquirerControl):
            origineel = control.text

            def tokens(origineel: Any = origineel) -> Any:
                uit = []
                for stijl, tekst, *_ in origineel():
                    if tekst.startswith("  Description: "):
                        breedte = max(40, get_app().output.get_size().columns - 1)
                        tekst = textwrap.fill(tekst[len("  Description: "):], breedte,
                                              initial_indent="  Toelichting: ", subsequent_indent=" " * 15)
                    uit.append((stijl, tekst))
                return uit

            control.text = tokens


def interview(boom: Boom, toon_kop: ToonKop | None = None, toon_overzicht: ToonOverzicht | None = None,
              gesprek: Gesprek | None = None, **app_kwargs: Any) -> dict[str, str]:
    """Walk the tree with back, preselected kept answers and a review before the advice.
    `gesprek`: a resumed one (else a new one). Returns the answers on the final path."""
    gesprek = gesprek or Gesprek(boom)
    try:
        while True:
            vraag = gesprek.huidige()
            if vraag is None:
                if toon_overzicht is not None:
                    toon_overzicht(gesprek)
                keuze = kies_in_overzicht(gesprek, **app_kwargs)
                if keuze == ADVIES:
                    return gesprek.resultaat()
                if keuze == TERUG:
                    gesprek.terug()
                else:
                    gesprek.wijzig(keuze)
                continue
            if toon_kop is not None:
                toon_kop(gesprek)
            keuze = stel_vraag(vraag, gesprek.voorkeuze(), gesprek.kan_terug, **app_kwargs)
            if keuze == TERUG:
                gesprek.terug()
            else:
                gesprek.beantwoord(keuze)
    except (KeyboardInterrupt, EOFError):
        raise InterviewAfgebroken(gesprek.resultaat()) from None


def vraag_motivering(uitleg: str, **app_kwargs: Any) -> str | None:
    """Ask for the "pas toe of leg uit" motivation; an empty answer means none (the record says so)."""
    tekst = questionary.text("Motivering (Enter om over te slaan):", instruction=None, qmark="?",
                             **app_kwargs).unsafe_ask()
    return tekst.strip() or None


def doorgaan(vraag: str, **app_kwargs: Any) -> bool:
    """Yes or no, default yes."""
    keuze = _kies(vraag, [questionary.Choice("Ja", value="ja"), questionary.Choice("Nee, begin opnieuw", value="nee")],
                  "ja", False, **app_kwargs)
    return keuze == "ja"
