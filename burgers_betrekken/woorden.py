"""The wording of "unknown id" messages: the nearest suggestion and a short list of what exists.
Kept apart from the loaders so the engine and the commands can use it without loading PyYAML."""

from __future__ import annotations

from difflib import get_close_matches
from typing import TYPE_CHECKING, Iterable

from burgers_betrekken.model import WEET_NIET

if TYPE_CHECKING:
    from burgers_betrekken.model import Vraag


def suggestie(woord: str, mogelijk: Iterable[str]) -> str:
    """'; bedoelde u 'x'?' for the nearest candidate, or ''."""
    beste = get_close_matches(woord, list(mogelijk), n=1, cutoff=0.6)
    return f"; bedoelde u '{beste[0]}'?" if beste else ""


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 antwoord', '2 antwoorden'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def opsomming(waarden: Iterable[str], hoogstens: int = 15) -> str:
    """'a', 'b', 'c' — long lists are cut off so a message stays readable."""
    waarden = list(waarden)
    deel = ", ".join(f"'{w}'" for w in waarden[:hoogstens])
    return deel + (f" en {len(waarden) - hoogstens} meer" if len(waarden) > hoogstens else "")


def onbekend(wat: str, waarde: str, mogelijk: Iterable[str], lijstnaam: str) -> str:
    """"onbekende trede 'x'; bedoelde u 'y'? (treden: 'a', 'b')" — the shape of every unknown-id message."""
    mogelijk = list(mogelijk)
    return f"{wat} '{waarde}'{suggestie(waarde, mogelijk)} ({lijstnaam}: {opsomming(mogelijk)})"



def antwoord_tekst(vraag: Vraag, antwoord: str) -> str:
    """The label of an answer; for "weet ik niet", also what was assumed."""
    optie = vraag.optie(antwoord)
    label = optie.label if optie else antwoord
    return f"Weet ik niet (aangenomen: {label})" if antwoord == WEET_NIET else label
