"""Rendering: text from YAML is shown literally, and the advice fits 80 columns."""

from __future__ import annotations

import io
import re
from dataclasses import replace

from rich.console import Console

from burgers_betrekken.kern import engine

from burgers_betrekken.uitvoer import weergave
from test_engine import GEVALLEN


def schrijf(renderable, breedte: int = 80) -> str:
    scherm = io.StringIO()
    Console(file=scherm, width=breedte, color_system=None, highlight=False).print(renderable)
    return scherm.getvalue()


def plat(uit: str) -> str:
    """The text as one line: wrapping and panel borders undone, so a sentence can be found whole."""
    return " ".join(uit.replace("│", " ").split())


def test_markup_en_stuurtekens_uit_yaml_worden_letterlijk_getoond(catalogus) -> None:
    focus = catalogus.instrument("focusgroep")
    vals = replace(focus, naam="[bold red]Focus[/] \x1b[2J groep", samenvatting="Tekst met [link=x]link[/link]")
    uit = schrijf(weergave.instrument_detail(catalogus, vals))
    assert "[bold red]Focus[/]" in uit and "\\u001b[2J" in uit and "\x1b" not in uit
    assert "[link=x]link[/link]" in uit


def test_elk_advies_past_in_80_kolommen(boom, catalogus) -> None:
    for geval in GEVALLEN:
        uit = schrijf(weergave.advies(engine.advies(boom, catalogus, geval.antwoorden)))
        assert max(len(regel) for regel in uit.splitlines()) <= 80, geval.naam
        assert "Uw antwoorden" in uit


def test_aannames_en_gegroepeerde_afvallers_staan_in_het_advies(boom, catalogus) -> None:
    antwoorden = dict(fase="uitwerking", doel="inzichten", ruimte="weet_niet", doelgroep="breed", budget="weet_niet",
                      doorlooptijd="middel", tijdsdruk="nee")
    uit = schrijf(weergave.advies(engine.advies(boom, catalogus, antwoorden)))
    assert "Aannames" in uit
    assert "• U wist het antwoord op 'Hoeveel inhoudelijke ruimte is er voor inbreng?'" in uit
    assert "Weet ik niet (aangenomen:" in uit  # in the table of answers too
    assert max(len(regel) for regel in uit.splitlines()) <= 80

    informeren = engine.advies(boom, catalogus, {"fase": "uitwerking", "doel": "informeren"})
    kort = schrijf(weergave.advies(informeren))
    reden = "− op de trede informeren krijgen burgers geen"  # the reason's first line
    assert len(informeren.afgevallen) == len(catalogus.instrumenten) == 17
    assert {tuple(r.tekst for r in x.redenen) for x in informeren.afgevallen} == {(
        "op de trede informeren krijgen burgers geen invloed; een instrument zou participatie beloven die er "
        "niet is",)}
    assert kort.count(reden) == 1  # seventeen instruments, one reason: said once
    namen = plat(kort[kort.index("Afgevallen instrumenten"):kort.index(reden)])
    # one sentence of names, not a column of names each ending in a dangling comma
    assert "Burgerberaad, Burgerdialoog," in namen and namen.endswith("en Uitnodigende rol bij een burgerinitiatief")


def test_het_overzicht_voor_het_advies(boom) -> None:
    from burgers_betrekken.kern.gesprek import Gesprek

    gesprek = Gesprek(boom, {"fase": "evaluatie", "doel": "informeren"}, positie=2)
    uit = schrijf(weergave.overzicht(gesprek))
    assert "1   In welke fase zit uw traject?" in uit and "Evaluatie" in uit
    assert "Burgers informeren over een" in uit


STIEFOUDERS = dict(fase="beleidsontwikkeling", doel="ervaringen", ruimte="beperkt", doelgroep="specifiek",
                   budget="laag", doorlooptijd="kort", tijdsdruk="nee")


def test_gelijke_instrumenten_heten_even_passend_met_wat_ze_onderscheidt(boom, catalogus) -> None:
    advies = engine.advies(boom, catalogus, STIEFOUDERS)
    assert [a.instrument.id for a in advies.beste] == ["diepte_interviews", "focusgroep"]
    uit = schrijf(weergave.advies(advies))
    assert max(len(regel) for regel in uit.splitlines()) <= 80
    kop = uit.split("Participatieladder", 1)[0]
    assert "│ Even passend: Diepte-interviews en Focusgroep." in kop and "Best passend" not in uit
    tekst = plat(uit)
    assert "Even passend: Diepte-interviews en Focusgroep. Uw antwoorden maken geen verschil" in tekst
    # one line per instrument with what sets it apart, then both at rank 1 and the enquête at 2
    assert "• Diepte-interviews: kanaal: fysiek; tien tot twintig mensen" in tekst
    assert "• Focusgroep: kanaal: fysiek en online;" in tekst
    nummers = [regel.split("  (")[0].strip() for regel in uit.splitlines() if regel.startswith("  ") and
               regel.strip()[:2] in ("1.", "2.", "3.")]
    assert nummers == ["1. Diepte-interviews", "1. Focusgroep", "2. Enquête"]
    assert tekst.count("+ gaat voor bij gelijke punten: meer diepgang: veel (bij Enquête: weinig)") == 2


def test_zonder_participatie_staat_er_geen_instrument(boom, catalogus) -> None:
    advies = engine.advies(boom, catalogus, dict(fase="uitwerking", doel="inzichten", ruimte="geen"))
    assert advies.instrumenten == () and advies.beste == ()
    uit = schrijf(weergave.advies(advies))
    tekst = plat(uit)
    assert "Geen instrument: zonder invloed voor burgers is er niets om mee te participeren." in tekst
    aanbevolen = tekst.split("Aanbevolen instrumenten", 1)[1].split("Afgevallen instrumenten", 1)[0]
    assert aanbevolen.strip("─ ").startswith("Geen: op deze trede krijgen burgers geen invloed, dus er is geen "
                                             "instrument om aan te bevelen.")
    assert "Best passend" not in uit and "Even passend" not in uit
    assert not re.search(r"^ +\d+\. ", uit, flags=re.M)  # no ranked instrument anywhere


def test_wat_als_staat_op_het_scherm(boom, catalogus) -> None:
    from burgers_betrekken.kern.watals import met_wat_als

    antwoorden = dict(fase="beleidsontwikkeling", doel="zwaarwegend_advies", ruimte="beperkt", doelgroep="breed",
                      budget="hoog", doorlooptijd="lang", tijdsdruk="nee")
    advies = met_wat_als(engine.advies(boom, catalogus, antwoorden))
    uit = schrijf(weergave.advies(advies))
    assert max(len(regel) for regel in uit.splitlines()) <= 80
    wat_als = plat(uit.split("Wat als", 1)[1].split("Afgevallen instrumenten", 1)[0])
    assert "→ Met ruimte ‘Ruim — de richting staat nog open’: trede Adviseren in plaats van Raadplegen" in wat_als
    assert wat_als.count("→ ") == len(advies.wat_als) >= 1


def test_het_eerste_scherm_draagt_de_beslissing(boom, catalogus) -> None:
    """Issue 13: at 80×30 the first screenful says the rung, the best instrument, the caveat that
    matters most and the first 'wat als'; the detail comes after."""
    from burgers_betrekken.kern.watals import met_wat_als

    antwoorden = dict(fase="signalen", doel="inzichten", ruimte="beperkt", doelgroep="breed", budget="laag",
                      doorlooptijd="kort", tijdsdruk="ja")
    advies = met_wat_als(engine.advies(boom, catalogus, antwoorden))
    uit = schrijf(weergave.advies(advies))
    eerste = plat("\n".join(uit.splitlines()[:30]))
    assert "Dit is participatie op de trede Raadplegen" in eerste
    assert f"{weergave.veilig(advies.instrumenten[0].instrument.naam)}" in eerste
    assert f"Let op: {advies.let_op[0].titel}" in eerste
    assert uit.index("Aanbevolen instrumenten") < uit.index("Afgevallen instrumenten")
    assert "(enquete)" not in uit and "(straatgesprek)" not in uit  # names, not ids
    kort = schrijf(weergave.advies(advies, kort=True))
    assert "Aanbevolen instrumenten" in kort and "Afgevallen instrumenten" not in kort
    assert "Uw antwoorden" in uit and "Uw antwoorden" not in schrijf(weergave.advies(advies, antwoorden=False))


def test_uitvoer_in_een_pijp_heeft_geen_spaties_aan_het_eind(boom, catalogus) -> None:
    scherm = io.StringIO()
    console = weergave._Console(file=scherm, width=80, color_system=None, highlight=False)
    console.print(weergave.advies(engine.advies(boom, catalogus, dict(fase="evaluatie", doel="informeren"))))
    regels = scherm.getvalue().splitlines()
    assert len(regels) > 20 and all(r == r.rstrip() for r in regels)
    assert any(r.startswith("╭─ Advies") and r.endswith("╮") for r in regels)  # borders intact
