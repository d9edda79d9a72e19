"""The interactive interview. The only module that imports questionary (and prompt_toolkit).

The engine decides which question comes next; this module only asks. Ctrl-C and Ctrl-D
become `Afgebroken` here, with the answers given so far attached.
"""

from __future__ import annotations

from typing import Any, Callable

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys

from burgers_betrekken import engine
from burgers_betrekken.errors import Afgebroken
from burgers_betrekken.model import Boom, Vraag

INSTRUCTIE = "(pijltjes en Enter)"

ToonKop = Callable[[Vraag, int, int], None]


class InterviewAfgebroken(Afgebroken):
    """Ctrl-C or Ctrl-D during the interview; `antwoorden` holds what was answered."""

    def __init__(self, antwoorden: dict[str, str]) -> None:
        super().__init__("Afgebroken.")
        self.antwoorden = dict(antwoorden)


def stel_vraag(vraag: Vraag, standaard: str | None = None, **app_kwargs: Any) -> str:
    """Ask one question with a select list; returns the chosen option id.
    `app_kwargs` (input=, output=) go to prompt_toolkit, which is how tests drive it."""
    keuzes = [questionary.Choice(title=o.label, value=o.id, description=o.toelichting) for o in vraag.opties]
    vraag_prompt = questionary.select(
        vraag.tekst, choices=keuzes, default=standaard, instruction=INSTRUCTIE, qmark="?", **app_kwargs)
    extra = KeyBindings()

    @extra.add(Keys.ControlD, eager=True)
    def _einde(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    app = vraag_prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings, extra]) if app.key_bindings else extra
    _nederlandse_toelichting(app)
    return vraag_prompt.unsafe_ask()


def _nederlandse_toelichting(app: Any) -> None:
    """questionary labels an option's description with a hard-coded English 'Description:';
    wrap the choice control's token function to say 'Toelichting:' instead."""
    from questionary.prompts.common import InquirerControl

    for control in app.layout.find_all_controls():
        if isinstance(control, InquirerControl):
            origineel = control.text

            def tokens(origineel: Any = origineel) -> Any:
                return [(stijl, tekst.replace("  Description: ", "  Toelichting: ", 1)) for stijl, tekst, *_ in
                        origineel()]

            control.text = tokens


def interview(boom: Boom, toon_kop: ToonKop | None = None, **app_kwargs: Any) -> dict[str, str]:
    """Walk the tree from its start, asking each question on the user's path."""
    antwoorden: dict[str, str] = {}
    vraag_id: str | None = boom.start
    nummer = 1
    while vraag_id is not None:
        vraag = boom.vraag(vraag_id)
        if toon_kop is not None:
            toon_kop(vraag, nummer, nummer - 1 + engine.maximaal_resterend(boom, vraag_id))
        try:
            keuze = stel_vraag(vraag, **app_kwargs)
        except (KeyboardInterrupt, EOFError):
            raise InterviewAfgebroken(antwoorden) from None
        antwoorden[vraag_id] = keuze
        vraag_id = engine.volgende(boom, vraag_id, keuze)
        nummer += 1
    return antwoorden
