"""The interactive interview with arrow keys. The only module that imports questionary (and
prompt_toolkit).

A `Gesprek` decides which question comes next, what is preselected and where "back" goes;
this module only asks. Ctrl-C and Ctrl-D become `InterviewAfgebroken` with the answers so far.
"""

from __future__ import annotations

import copy
import shutil
import signal
import textwrap
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import questionary
from prompt_toolkit.application.current import get_app
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys

from burgers_betrekken.kern.gesprek import ADVIES, TERUG, Gesprek, InterviewAfgebroken, doorloop
from burgers_betrekken.kern.model import WEET_NIET, Boom, Vraag

VRAAGTEKST = "Uw antwoord:"
INSTRUCTIE = "(↑↓ en Enter)"
INSTRUCTIE_TERUG = "(↑↓ en Enter · Esc: vorige vraag)"
VORIGE_VRAAG = "← Vorige vraag"
WEET_IK_NIET = "Weet ik niet"

__all__ = ["InterviewAfgebroken", "interview", "stel_vraag", "kies_in_overzicht", "TERUG", "ADVIES"]

ToonKop = Callable[[Gesprek], None]
ToonOverzicht = Callable[[Gesprek], None]


_onderbroken = False
"""A Ctrl-C arrived between two prompts that no prompt has acted on yet."""


def _onderbreek(signum: int, frame: Any) -> None:
    global _onderbroken
    _onderbroken = True


@contextmanager
def ctrl_c_onderbreekt() -> Iterator[None]:
    """Ctrl-C stops the interview at any moment, also between two prompts, and never shows a traceback.

    While a prompt runs, prompt_toolkit turns SIGINT into a key (see `_kies`). Between two prompts a
    Ctrl-C used to get lost in 3 to 8 of 60 runs in a pseudo-terminal, when it came right after the
    previous answer: prompt_toolkit runs each prompt with asyncio.run, which, while Python's default
    handler is in place, puts in its own whose first SIGINT cancels a task instead of raising; and
    a KeyboardInterrupt raised while the previous prompt's objects were being freed (a weakref
    callback) was printed as "Exception ignored … Traceback … KeyboardInterrupt" and dropped.
    So for the whole interview SIGINT only takes note, and the interview stops at the next safe
    point: before a prompt starts, once a prompt runs (`_vraag`), or when the interview ends."""
    global _onderbroken
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield  # not ours to change, or already in place
        return
    _onderbroken = False
    signal.signal(signal.SIGINT, _onderbreek)
    try:
        yield
        if _onderbroken:
            raise KeyboardInterrupt
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _onderbroken = False


def _vraag(vraag: questionary.Question) -> Any:
    """Ask one prompt. A Ctrl-C noted before the prompt's own SIGINT handling took over stops it."""
    if _onderbroken:
        raise KeyboardInterrupt
    app = vraag.application

    def al_onderbroken() -> None:  # runs once prompt_toolkit handles SIGINT itself
        if _onderbroken:
            app.exit(exception=KeyboardInterrupt, style="class:aborting")

    app.pre_run_callables.append(al_onderbroken)
    with ctrl_c_onderbreekt():
        return vraag.unsafe_ask()


def _kies(bericht: str, keuzes: list[Any], standaard: str | None, terug_mag: bool, **app_kwargs: Any) -> str:
    """A select list with Dutch help, Ctrl-D as end of input, and Esc/Ctrl-B as "back" (where
    there is a back; elsewhere Esc does nothing). Returns one of the choices' values, always."""
    waarden = [k.value for k in keuzes if isinstance(k, questionary.Choice)]
    if standaard is not None and standaard not in waarden:
        standaard = None
    while True:
        keuze = _vraag(_selectie(bericht, keuzes, standaard, terug_mag, **app_kwargs))
        if keuze in waarden or (terug_mag and keuze == TERUG):
            return keuze  # type: ignore[no-any-return]
        # a key sequence prompt_toolkit read as something else gave no choice: ask again


def _selectie(bericht: str, keuzes: list[Any], standaard: str | None, terug_mag: bool,
              **app_kwargs: Any) -> questionary.Question:
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
            # answered with "← Vorige vraag", so the scrollback shows where the user went back,
            # not a question line without an answer
            from questionary.prompts.common import InquirerControl

            for control in event.app.layout.find_all_controls():
                if isinstance(control, InquirerControl):
                    terug = [i for i, c in enumerate(control.choices) if getattr(c, "value", None) == TERUG]
                    if terug:
                        control.pointed_at, control.is_answered = terug[0], True
            event.app.exit(result=TERUG)
    else:
        @extra.add(Keys.Escape, eager=True)
        def _niets(event: Any) -> None:
            """Esc where there is no back: nothing, and not the start of Alt+Enter either."""

    app = vraag.application
    app.key_bindings = merge_key_bindings([app.key_bindings, extra]) if app.key_bindings else extra
    _nederlandse_toelichting(app)
    _antwoord_tussen_woorden(app, bericht)
    return vraag


def stel_vraag(vraag: Vraag, standaard: str | None = None, terug_mag: bool = False, **app_kwargs: Any) -> str:
    """Ask one question; returns the chosen option id, WEET_NIET, or TERUG.
    `app_kwargs` (input=, output=) go to prompt_toolkit, which is how tests drive it."""
    keuzes: list[Any] = [questionary.Choice(title=o.label, value=o.id, description=o.toelichting)
                         for o in vraag.opties]
    if vraag.weet_niet is not None:
        keuzes.append(questionary.Choice(title=WEET_IK_NIET, value=WEET_NIET,
                                         description=vraag.weet_niet.aanname))  # the tree's own sentence
    if terug_mag:
        keuzes += [questionary.Separator(" "), questionary.Choice(title=VORIGE_VRAAG, value=TERUG)]
    return _kies(VRAAGTEKST, keuzes, standaard, terug_mag, **app_kwargs)


def kies_in_overzicht(gesprek: Gesprek, **app_kwargs: Any) -> str:
    """The review: returns ADVIES to confirm, a question id to change, or TERUG."""
    keuzes: list[Any] = [questionary.Choice(title="Klopt, toon het advies", value=ADVIES), questionary.Separator(" ")]
    breedte = max(30, shutil.get_terminal_size((80, 24)).columns - 16)  # '» Wijzig 7. ' and a margin
    for nummer, vraag_id in enumerate(gesprek.pad(), start=1):
        tekst = textwrap.shorten(gesprek.boom.vraag(vraag_id).tekst, width=breedte, placeholder=" …")
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


def _antwoord_tussen_woorden(app: Any, bericht: str) -> None:
    """Once answered, questionary leaves '? Uw antwoord: <the option>' as one line, which a narrow
    terminal breaks inside a word; break a long option between words, indented under itself."""
    from questionary.prompts.common import InquirerControl

    inspringen = len(f"? {bericht} ")
    for control in app.layout.find_all_controls():
        if isinstance(control, InquirerControl):
            origineel = control.get_pointed_at

            def aangewezen(control: Any = control, origineel: Any = origineel) -> Any:
                keuze = origineel()
                breedte = max(inspringen + 20, get_app().output.get_size().columns - 1)
                if not control.is_answered or not isinstance(keuze.title, str) or \
                        inspringen + len(keuze.title) <= breedte:
                    return keuze
                getoond = copy.copy(keuze)  # the value stays; only the text shown is wrapped
                getoond.title = textwrap.fill(keuze.title, breedte, initial_indent=" " * inspringen,
                                              subsequent_indent=" " * inspringen)[inspringen:]
                return getoond

            control.get_pointed_at = aangewezen


def interview(boom: Boom, toon_kop: ToonKop | None = None, toon_overzicht: ToonOverzicht | None = None,
              gesprek: Gesprek | None = None, **app_kwargs: Any) -> dict[str, str]:
    """Walk the tree with back, preselected kept answers and a review before the advice.
    `gesprek`: a resumed one (else a new one). Returns the answers on the final path."""
    gesprek = gesprek or Gesprek(boom)
    try:
        with ctrl_c_onderbreekt():
            return _vraag_door(gesprek, toon_kop, toon_overzicht, **app_kwargs)
    except (KeyboardInterrupt, EOFError):
        raise InterviewAfgebroken(gesprek.resultaat()) from None


def _vraag_door(gesprek: Gesprek, toon_kop: ToonKop | None, toon_overzicht: ToonOverzicht | None,
                **app_kwargs: Any) -> dict[str, str]:
    def vraag(g: Gesprek, huidige: Vraag) -> str:
        if toon_kop is not None:
            toon_kop(g)
        return stel_vraag(huidige, g.voorkeuze(), g.kan_terug, **app_kwargs)

    def overzicht(g: Gesprek) -> str:
        if toon_overzicht is not None:
            toon_overzicht(g)
        return kies_in_overzicht(g, **app_kwargs)

    return doorloop(gesprek, vraag, overzicht)


def vraag_motivering(uitleg: str, **app_kwargs: Any) -> str | None:
    """Ask for the "pas toe of leg uit" motivation; an empty answer means none (the record says so)."""
    tekst = _vraag(questionary.text("Motivering (Enter om over te slaan):", instruction=None, qmark="?",
                                    **app_kwargs))
    return tekst.strip() or None


def doorgaan(vraag: str, **app_kwargs: Any) -> bool:
    """Yes or no, default yes."""
    keuze = _kies(vraag, [questionary.Choice("Ja", value="ja"), questionary.Choice("Nee, begin opnieuw", value="nee")],
                  "ja", False, **app_kwargs)
    return keuze == "ja"


def kies_sessie(opties: list[str], nieuw: bool, **app_kwargs: Any) -> int | None:
    """Which of several unfinished sessions to continue (its index), or None to start anew."""
    keuzes = [questionary.Choice(tekst, value=str(i)) for i, tekst in enumerate(opties)]
    if nieuw:
        keuzes.append(questionary.Choice("Begin opnieuw (de bewaarde sessies blijven bewaard)", value="nieuw"))
    keuze = _kies("Met welke sessie gaat u verder?", keuzes, "0", False, **app_kwargs)
    return None if keuze == "nieuw" else int(keuze)
