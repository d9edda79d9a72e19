"""The sentences every view of an advice shares (screen, Markdown, HTML, JSON): the headline,
why no instrument fits, what tells equal instruments apart, and "wat als". Plain strings, no
markup: each view escapes them its own way. Pure; nothing here prints."""

from __future__ import annotations

from burgers_betrekken.kern.engine import Advies, onderscheid
from burgers_betrekken.kern.watals import Verandering

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


BELOFTE = "Belofte aan deelnemers: "


def belofte_regel(advies: Advies) -> str | None:
    """'Belofte aan deelnemers: ...', or None where there are no participants (no participation)."""
    tekst = advies.belofte_tekst
    return None if tekst is None else BELOFTE + tekst


def voorlopig_regel(advies: Advies) -> str | None:
    """The first line of an advice that rests on "weet ik niet" answers: 'Voorlopig advies: het
    rust op 2 aannames (budget, doorlooptijd).'; None when every answer was given."""
    aannames = advies.aannames
    if not aannames:
        return None
    n = len(aannames)
    vragen = ", ".join(s.vraag.id.replace("_", " ") for s in aannames)
    return f"Voorlopig advies: het rust op {n} {'aanname' if n == 1 else 'aannames'} ({vragen})."


def route_stappen(advies: Advies) -> list[tuple[str, str]]:
    """The route the advice names, per step: its standing instruments ('A of B'), or the name of
    an activity step, and its purpose."""
    if advies.route is None:
        return []
    return [(s.naam or keuze([i.naam for i in s.instrumenten]), s.waarom) for s in advies.route.stappen]


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
