"""Where the user is in the interview: answers given, the question being asked, going back,
reviewing and changing an answer. Pure state, no terminal: both the arrow-key interview
(`vragen.pijltjes`) and the plain numbered one (`vragen.eenvoudig`) drive the same `Gesprek`.

The path is always recomputed from the answers, so an answer that changes the route simply
leads elsewhere; answers to questions that drop off the path are kept (not lost), and come
back preselected if the path returns to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.fouten import Afgebroken
from burgers_betrekken.kern.model import Boom, Vraag


TERUG = "__terug__"
"""What a way of asking returns for "back" (no option id can start with '_')."""
ADVIES = "__advies__"
"""What the review returns to confirm the answers."""


class InterviewAfgebroken(Afgebroken):
    """Ctrl-C or Ctrl-D (or the end of the input) during the interview; `antwoorden` holds
    what was answered on the path so far."""

    def __init__(self, antwoorden: dict[str, str]) -> None:
        super().__init__("Afgebroken.")
        self.antwoorden = dict(antwoorden)


@dataclass
class Gesprek:
    boom: Boom
    antwoorden: dict[str, str] = field(default_factory=dict)
    positie: int = 0  # index in `pad()` of the question being asked; == len(pad()) means: review
    _wijzigen: bool = False  # after a review edit, ask only questions without an answer
    bij_antwoord: Callable[[dict[str, str]], None] | None = None  # called with all answers after each one

    @classmethod
    def hervat(cls, boom: Boom, antwoorden: dict[str, str],
               bij_antwoord: Callable[[dict[str, str]], None] | None = None) -> Gesprek:
        """Continue a saved run at the first question on its path without an answer. Only the
        questions without one are asked, then the review: when the tree gained a question since,
        it is asked where it stands, and the answers after it are not asked again."""
        gesprek = cls(boom, dict(antwoorden), bij_antwoord=bij_antwoord, _wijzigen=True)
        gesprek._naar_eerste_open()
        return gesprek

    # --- reading the state ------------------------------------------------------------------

    def pad(self) -> list[str]:
        """The questions on the current path: answered ones, then the first unanswered one
        (if any). Stops where an answer leads to the advice."""
        ids: list[str] = []
        vraag_id: str | None = self.boom.start
        while vraag_id is not None:
            ids.append(vraag_id)
            antwoord = self.antwoorden.get(vraag_id)
            if antwoord is None:
                break
            vraag_id = engine.volgende(self.boom, vraag_id, antwoord)
        return ids

    def huidige(self) -> Vraag | None:
        """The question to ask now, or None at the review."""
        pad = self.pad()
        return self.boom.vraag(pad[self.positie]) if self.positie < len(pad) else None

    @property
    def nummer(self) -> int:
        return self.positie + 1

    def maximaal(self) -> int:
        """'Vraag n van maximaal m': questions so far plus the longest way from here."""
        vraag = self.huidige()
        if vraag is None:
            return len(self.pad())
        return self.positie + engine.maximaal_resterend(self.boom, vraag.id)

    def voorkeuze(self) -> str | None:
        """The kept answer to the current question, to preselect."""
        vraag = self.huidige()
        return self.antwoorden.get(vraag.id) if vraag else None

    @property
    def kan_terug(self) -> bool:
        return self.positie > 0

    def resultaat(self) -> dict[str, str]:
        """The answers on the path, in order: what the advice is made from."""
        return {v: self.antwoorden[v] for v in self.pad() if v in self.antwoorden}

    # --- moving ----------------------------------------------------------------------------

    def beantwoord(self, antwoord: str) -> None:
        vraag = self.huidige()
        assert vraag is not None, "no question to answer at the review"
        assert vraag.optie(antwoord) is not None, f"{antwoord!r} is not an option of {vraag.id}"
        self.antwoorden[vraag.id] = antwoord
        if self.bij_antwoord is not None:
            self.bij_antwoord(dict(self.antwoorden))
        if self._wijzigen:
            self._naar_eerste_open()
        else:
            self.positie += 1

    def terug(self) -> None:
        """One question back on the path (from the review: the last question)."""
        self._wijzigen = False
        self.positie = max(0, min(self.positie, len(self.pad())) - 1)

    def wijzig(self, vraag_id: str) -> None:
        """From the review: ask `vraag_id` again; afterwards only questions the new path has
        no answer for are asked, then the review comes back."""
        self.positie = self.pad().index(vraag_id)
        self._wijzigen = True

    def _naar_eerste_open(self) -> None:
        pad = self.pad()
        open_ = [i for i, v in enumerate(pad) if v not in self.antwoorden]
        self.positie = open_[0] if open_ else len(pad)
        if not open_:
            self._wijzigen = False


def doorloop(gesprek: Gesprek, vraag: Callable[[Gesprek, Vraag], str],
             overzicht: Callable[[Gesprek], str]) -> dict[str, str]:
    """The one interview loop, for every way of asking (arrow keys, numbered lines): ask the
    current question, or the review when the path is complete, until the review confirms.
    `vraag` returns an option id, WEET_NIET or TERUG; `overzicht` ADVIES, a question id or TERUG.
    Returns the answers on the final path."""
    while True:
        huidige = gesprek.huidige()
        keuze = overzicht(gesprek) if huidige is None else vraag(gesprek, huidige)
        if keuze == ADVIES:
            return gesprek.resultaat()
        if keuze == TERUG:
            gesprek.terug()
        elif huidige is None:
            gesprek.wijzig(keuze)
        else:
            gesprek.beantwoord(keuze)
