"""The sentences every view of an advice shares (screen, Markdown, HTML, JSON): the headline,
why no instrument fits, what tells equal instruments apart, and "wat als". Plain strings, no
markup: each view escapes them its own way. Pure; nothing here prints."""

from __future__ import annotations

from burgers_betrekken.kern.engine import Aanbeveling, Advies, Stap, onderscheid
from burgers_betrekken.kern.model import WEET_NIET
from burgers_betrekken.kern.watals import MINDER, Verandering
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
    """The route the advice names, per step: its standing instruments ('A of B'), or the name of
    an activity step, and its purpose."""
    if advies.route is None:
        return []
    return [(s.naam or keuze([i.naam for i in s.instrumenten]), s.waarom) for s in advies.route.stappen]


def route_stappen_getoond(advies: Advies) -> list[tuple[str, str]]:
    """The route's steps as a record or the screen lists them: a step judged at another rung than
    the advice's says so after its instruments ("Focusgroep (beoordeeld op de trede raadplegen)"),
    because the ranking below may list those instruments as fallen off at the advice's rung."""
    assert advies.route is not None
    return [(f"{namen} (beoordeeld op de trede {advies.catalogus.trede(s.trede).naam.lower()})" if s.trede else namen,
             waarom) for s, (namen, waarom) in zip(advies.route.stappen, route_stappen(advies))]


def routeregel(advies: Advies) -> str | None:
    """'Aanbevolen route: 1. A → 2. B of C.', or None without a route."""
    stappen = route_stappen(advies)
    if not stappen:
        return None
    return "Aanbevolen route: " + " → ".join(f"{n}.\u00a0{namen_}" for n, (namen_, _) in enumerate(stappen, start=1)) + "."


def keuze(lijst: list[str]) -> str:
    """'A', 'A of B', 'A, B of C'."""
    return lijst[0] if len(lijst) == 1 else ", ".join(lijst[:-1]) + " of " + lijst[-1]


ROUTE_PAST = "Dit is de eerste route van de beslisboom die bij uw antwoorden past."

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


def even_passend_als(advies: Advies, aanbeveling: Aanbeveling) -> str | None:
    """Below the best, an instrument that shares its number with others: 'even passend als A en B'
    (the best ones that are equal are named above the list). None when its number is its own."""
    if aanbeveling.rang == 1:
        return None
    anderen = [x.instrument.naam for x in advies.instrumenten if x.rang == aanbeveling.rang and x is not aanbeveling]
    if not anderen:
        return None
    if len(anderen) > 2:
        anderen = [*anderen[:2], f"nog {len(anderen) - 2} {'ander' if len(anderen) == 3 else 'andere'}"]
    return f"even passend als {namen(anderen)}"


def keuze_tekst(v: Verandering) -> str:
    """'Met ruimte ‘Ruim — de richting staat nog open’' (and a second answer, for a pair); for a
    consequence of less: 'Met minder budget (‘Laag — …’)'."""
    if not v.oplossing:
        return "Met " + " en ".join(f"minder {k.vraag} (‘{k.label}’)" for k in v.keuzes)
    return "Met " + " en ".join(f"{k.vraag} ‘{k.label}’" for k in v.keuzes)


def wat_als_regel(v: Verandering) -> str:
    regel = f"{keuze_tekst(v)}: {v.verandering}"
    if v.nog_te_vragen:
        n = len(v.nog_te_vragen)  # how many, not their ids: the user reads sentences
        regel += f" (daarna volgen nog {'een vraag' if n == 1 else f'{n} vragen'})"
    return regel + "."


def wat_als_regels(advies: Advies) -> list[str]:
    """The remedies: other answers worth pursuing, never less room, budget or time."""
    return [wat_als_regel(v) for v in advies.wat_als or () if v.oplossing]


def gevolg_regels(advies: Advies) -> list[str]:
    """What less room, budget or time would do: consequences, shown apart from the remedies."""
    return [wat_als_regel(v) for v in advies.wat_als or () if not v.oplossing]


def gevolg_kop(advies: Advies) -> str:
    """The line above the consequences, which says they are no advice."""
    vragen = list(dict.fromkeys(k.vraag for v in advies.wat_als or () if not v.oplossing for k in v.keuzes))
    return f"Gevolg van minder {keuze(vragen)} (geen advies, wel goed om te weten):"


def wat_als_geen(advies: Advies) -> str | None:
    """Without a remedy to show: what trying the other answers found, and only what was computed
    (`Bevinding`). None when "wat als" was not computed, or there is no participation."""
    b = advies.wat_als_bevinding
    if b is None or not advies.participatie or wat_als_regels(advies) or not b.pogingen:
        return None
    wat = "de trede, het beste instrument of de route" if advies.boom.routes else "de trede of het beste instrument"
    if all(p.gelijk for p in b.pogingen):
        return f"Geen ander antwoord op {keuze(list(b.vragen))} verandert {wat}."
    meer = [p for p in b.pogingen if p.richting != MINDER]
    zinnen = []
    if advies.boom.wat_als is not None:  # ordered questions: say which are at their most already
        bovenaan = [q for q in b.vragen if not any(p.keuze.vraag == q for p in meer)]
        if bovenaan:
            zinnen.append(f"Bij {namen(bovenaan)} koos u al het hoogste antwoord.")
    vragen_meer = list(dict.fromkeys(p.keuze.vraag for p in meer))
    gelijk = [q for q in vragen_meer if all(p.gelijk for p in meer if p.keuze.vraag == q)]
    if gelijk:
        woorden = f"antwoord met meer {keuze(gelijk)}" if advies.boom.wat_als is not None \
            else f"ander antwoord op {keuze(gelijk)}"
        zinnen.append(f"Geen {woorden} verandert {wat}.")
    for q in vragen_meer:
        if q in gelijk:
            continue
        p = next(p for p in meer if p.keuze.vraag == q and not p.gelijk)  # the first in the tree's order: nearest
        if p.verandering is not None:
            zinnen.append(wat_als_regel(p.verandering))
        else:
            zinnen.append(f"Wat {q} ‘{p.keuze.label}’ verandert, hangt af van de vragen die dan volgen.")
    if b.paren:
        woorden = f"twee antwoorden met meer {keuze(vragen_meer)}" if advies.boom.wat_als is not None \
            else f"twee andere antwoorden op {keuze(vragen_meer)}"
        zinnen.append(f"Ook {woorden} samen laten op deze trede geen instrument passen.")
    minder = list(dict.fromkeys(p.keuze.vraag for p in b.pogingen if p.richting == MINDER and p.verandering))
    if minder:
        woord = "Alleen" if all(p.gelijk for p in meer) else "Ook"
        zinnen.append(f"{woord} minder {keuze(minder)} verandert het advies"
                      + (": zie hieronder, als gevolg." if gevolg_regels(advies) else "."))
    return " ".join(zinnen)
