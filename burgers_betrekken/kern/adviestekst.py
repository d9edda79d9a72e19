"""The sentences every view of an advice shares (screen, Markdown, HTML, JSON): the headline,
why no instrument fits, what tells equal instruments apart, and "wat als". Plain strings, no
markup: each view escapes them its own way. Pure; nothing here prints."""

from __future__ import annotations

from burgers_betrekken.kern.engine import Advies, Stap, onderscheid
from burgers_betrekken.kern.model import WEET_NIET
from burgers_betrekken.kern.watals import Verandering
from burgers_betrekken.kern.woorden import antwoord_tekst

HOOGSTENS_BLOKKADES = 3


def namen(lijst: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return lijst[0] if len(lijst) == 1 else ", ".join(lijst[:-1]) + " en " + lijst[-1]


def kopregel(advies: Advies) -> str:
    """What the advice comes to, in one sentence after the rung."""
    if not advies.participatie:
        return "Geen instrument: zonder invloed voor burgers is er niets om mee te participeren."
    beste = [a.instrument.naam for a in advies.beste]
    if not beste:
        return "Geen instrument past bij uw antwoorden; hieronder staat waarom en wat zou helpen."
    if len(beste) == 1:
        return f"Best passend: {beste[0]}."
    return f"Even passend: {namen(beste)}."


def aanvulling(stap: Stap) -> str:
    """For an answer the answers file lacked (`Stap.aangevuld`): what bb took, and why."""
    zin = f"Dit antwoordbestand is van vóór de vraag '{stap.vraag.tekst}'; bb nam '{stap.optie.label}' aan."
    return f"{zin} {stap.aanname}" if stap.aanname else zin


def aanvullingen(advies: Advies) -> list[str]:
    """One `aanvulling` per answer the answers file lacked, in the order of the path."""
    return [aanvulling(s) for s in advies.aangevuld]


def antwoord_van(stap: Stap) -> str:
    """The answer on one step as the user reads it: the label; 'Weet ik niet (aangenomen: …)';
    or, for an answer the file lacked, 'Niet gegeven (aangenomen: …)'."""
    if stap.aangevuld:
        return f"Niet gegeven (aangenomen: {stap.optie.label})"
    return antwoord_tekst(stap.vraag, WEET_NIET if stap.aanname else stap.optie.id)


def route_stappen(advies: Advies) -> list[tuple[str, str]]:
    """The route the advice names, per step: its standing instruments ('A of B') and its purpose."""
    if advies.route is None:
        return []
    return [(keuze([i.naam for i in s.instrumenten]), s.waarom) for s in advies.route.stappen]


def routeregel(advies: Advies) -> str | None:
    """'Aanbevolen route: 1. A → 2. B of C.', or None without a route."""
    stappen = route_stappen(advies)
    if not stappen:
        return None
    return "Aanbevolen route: " + " → ".join(f"{n}.\u00a0{namen_}" for n, (namen_, _) in enumerate(stappen, start=1)) + "."


def keuze(lijst: list[str]) -> str:
    """'A', 'A of B', 'A, B of C'."""
    return lijst[0] if len(lijst) == 1 else ", ".join(lijst[:-1]) + " of " + lijst[-1]


ROUTE_ALTERNATIEF = "De instrumenten hieronder zijn de alternatieven: elk op zich, in volgorde van passendheid."


def waarom_geen(advies: Advies) -> list[str]:
    """With participation but no instrument: the reasons that removed most instruments."""
    return [f"{tekst} ({aantal} {'instrument' if aantal == 1 else 'instrumenten'})"
            for tekst, aantal in advies.blokkades[:HOOGSTENS_BLOKKADES]]


def gelijk_onderscheid(advies: Advies) -> list[tuple[str, str]]:
    """For instruments named as equally fit: (name, what sets it apart from the others)."""
    beste = advies.beste
    if len(beste) < 2:
        return []
    verschil = onderscheid(advies.catalogus, beste)
    return [(a.instrument.naam, "; ".join(verschil[a.instrument.id]) or "geen verschil in de kenmerken")
            for a in beste]


def keuze_tekst(v: Verandering) -> str:
    """'Met ruimte ‘Ruim — de richting staat nog open’' (and a second answer, for a pair)."""
    return "Met " + " en ".join(f"{k.vraag} ‘{k.label}’" for k in v.keuzes)


def wat_als_regel(v: Verandering) -> str:
    regel = f"{keuze_tekst(v)}: {v.verandering}"
    if v.nog_te_vragen:
        n = len(v.nog_te_vragen)  # how many, not their ids: the user reads sentences
        regel += f" (daarna volgen nog {'een vraag' if n == 1 else f'{n} vragen'})"
    return regel + "."


def wat_als_regels(advies: Advies) -> list[str]:
    return [wat_als_regel(v) for v in advies.wat_als or ()]


def wat_als_geen(advies: Advies) -> str | None:
    """When no change of a negotiable answer moves the advice, say so: that is news too."""
    if advies.wat_als != () or not advies.participatie:  # None: not computed, so nothing to say
        return None
    vragen = list(advies.boom.wat_als or [s.vraag.id for s in advies.pad])
    return f"Geen ander antwoord op {namen(vragen).replace(' en ', ' of ')} verandert de trede of het beste instrument."
