"""Every path through a tree: from the start question to the advice. Pure functions.

The number of paths grows with the product of the options, so it is counted (linear in the
tree) before paths are walked: a command that walks every path (`bb boom website`, `verschil`,
`paden`) refuses a tree with more than `MAX_PADEN` (`binnen_grens`), and listing stops at a
limit the caller chooses.
"""

from __future__ import annotations

from typing import Iterator

from burgers_betrekken.kern.fouten import InvoerFout
from burgers_betrekken.kern.model import EINDE, WEET_NIET, Boom
from burgers_betrekken.kern.woorden import getal

Pad = tuple[tuple[str, str], ...]
"""A path as (question id, option id) pairs, in the order asked."""


VEEL = 10**9
"""Path counts stop here: beyond it the exact number helps nobody, and big integers would make
counting quadratic in the size of the tree."""


def keuzes(boom: Boom, vraag_id: str, weet_niet: bool = False) -> list[tuple[str, str]]:
    """(answer, where it leads) for each option; with `weet_niet` also "weet ik niet" where the
    question allows it, as an answer of its own."""
    vraag = boom.vragen[vraag_id]
    uit = [(o.id, vraag.volgende_na(o.id)) for o in vraag.opties]
    if weet_niet and vraag.weet_niet is not None:
        uit.append((WEET_NIET, vraag.volgende_na(vraag.weet_niet.optie)))
    return uit


def aantal_paden(boom: Boom, weet_niet: bool = False) -> int:
    """How many different paths lead from the start to the advice, at most `VEEL`; with
    `weet_niet`, "weet ik niet" counts as an answer of its own."""
    tabel: dict[str, int] = {EINDE: 1}
    # Questions in reverse topological order (the loader guarantees there are no cycles).
    for vraag_id in reversed(topologische_volgorde(boom)):
        tabel[vraag_id] = min(VEEL, sum(tabel[doel] for _, doel in keuzes(boom, vraag_id, weet_niet)))
    return tabel[boom.start]


MAX_PADEN = 20_000
"""The most paths any command walks one by one, with the engine's advice for each: `bb boom website`
(which puts them all in a page), `bb boom verschil` (which compares them in both trees) and
`bb boom paden`. One limit, so a tree that one of them takes, each of them takes. The shipped trees
have about 5,000; 20,000 take about a minute for the web page."""


def binnen_grens(boom: Boom, weet_niet: bool = False) -> int:
    """The number of paths (`aantal_paden`, counted without walking them), or an `InvoerFout` that
    names `MAX_PADEN` when there are more. With `weet_niet`, "weet ik niet" counts as an answer of
    its own (the web page has a path for it)."""
    totaal = aantal_paden(boom, weet_niet)
    if totaal <= MAX_PADEN:
        return totaal
    ook = " (met 'weet ik niet' als eigen antwoord)" if weet_niet and totaal != aantal_paden(boom) else ""
    raise InvoerFout(f"boom '{boom.id}' heeft {aantal_tekst(totaal)}{ook}; {grens_tekst()}. Splits de boom, of "
                     f"laat opties die op hetzelfde advies uitkomen samenvallen")


MAX_TEKENS = 30_000_000
"""The most characters of question texts and answers that all paths of a web page together repeat
(each path's record lists its questions and answers; `tekst_op_paden`). The shipped trees have
about 6 million with 'weet ik niet'; a tree of long texts reaches this limit with fewer paths."""


def tekst_op_paden(boom: Boom, weet_niet: bool = False) -> int:
    """The length of the question texts and answer labels along every path, added up over all
    paths, at most `VEEL`: counted like `aantal_paden`, without walking them."""
    aantal: dict[str, int] = {EINDE: 1}
    tekens: dict[str, int] = {EINDE: 0}
    for vraag_id in reversed(topologische_volgorde(boom)):
        vraag = boom.vragen[vraag_id]
        labels = {o.id: len(o.label) for o in vraag.opties}
        if vraag.weet_niet is not None:
            labels[WEET_NIET] = labels.get(vraag.weet_niet.optie, 0) + len("Weet ik niet (aangenomen: )")
        paren = keuzes(boom, vraag_id, weet_niet)
        aantal[vraag_id] = min(VEEL, sum(aantal[doel] for _, doel in paren))
        tekens[vraag_id] = min(VEEL, sum((len(vraag.tekst) + labels[optie]) * aantal[doel] + tekens[doel]
                                         for optie, doel in paren))
    return tekens[boom.start]


def grens_tekst() -> str:
    """The limit in words, the same in every message that names it."""
    return f"bb gaat hoogstens {getal(MAX_PADEN)} paden één voor één langs (de grens voor bb boom website, verschil en paden)"


def aantal_tekst(aantal: int) -> str:
    """"4340 paden", or "meer dan een miljard paden" at the cap."""
    return "meer dan een miljard paden" if aantal >= VEEL else f"{aantal} {'pad' if aantal == 1 else 'paden'}"


def paden(boom: Boom, weet_niet: bool = False) -> Iterator[Pad]:
    """All paths, depth first, options in the order the tree lists them; with `weet_niet`, also
    the paths that answer "weet ik niet" where a question allows it."""
    stapel: list[tuple[str, Pad]] = [(boom.start, ())]
    while stapel:
        vraag_id, tot_nu = stapel.pop()
        if vraag_id == EINDE:
            yield tot_nu
            continue
        for optie_id, volgende in reversed(keuzes(boom, vraag_id, weet_niet)):
            stapel.append((volgende, (*tot_nu, (vraag_id, optie_id))))


def topologische_volgorde(boom: Boom) -> list[str]:
    """Questions reachable from the start, each before every question it can lead to."""
    volgorde: list[str] = []
    gezien: set[str] = {boom.start}
    stapel: list[tuple[str, list[str]]] = [(boom.start, sorted(boom.vragen[boom.start].opvolgers() - {EINDE}))]
    while stapel:
        vraag_id, rest = stapel[-1]
        if rest:
            doel = rest.pop()
            if doel not in gezien:
                gezien.add(doel)
                stapel.append((doel, sorted(boom.vragen[doel].opvolgers() - {EINDE})))
        else:
            volgorde.append(vraag_id)
            stapel.pop()
    volgorde.reverse()
    return volgorde


Route = tuple[str, ...]
"""A route: the questions a path asks, in order (options that lead the same way are one route)."""


def routes(boom: Boom, hoogstens: int = 1000) -> list[Route]:
    """The distinct question sequences from the start to the advice, depth first, at most `hoogstens`."""
    uit: list[Route] = []
    stapel: list[Route] = [(boom.start,)]
    while stapel and len(uit) < hoogstens:
        route = stapel.pop()
        if route[-1] == EINDE:
            uit.append(route[:-1])
            continue
        vraag = boom.vragen[route[-1]]
        volgende = list(dict.fromkeys(vraag.volgende_na(o.id) for o in vraag.opties))
        for doel in reversed(volgende):
            stapel.append((*route, doel))
    return uit


def voorbeeld(boom: Boom, route: Route) -> Pad:
    """Answers that walk `route`: at each question the first option that leads to the next one."""
    pad = []
    for vraag_id, doel in zip(route, (*route[1:], EINDE)):
        vraag = boom.vragen[vraag_id]
        optie = next(o for o in vraag.opties if vraag.volgende_na(o.id) == doel)
        pad.append((vraag_id, optie.id))
    return tuple(pad)
