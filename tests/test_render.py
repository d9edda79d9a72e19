"""Rendering: text from YAML is shown literally, and the advice fits 80 columns."""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console

from burgers_betrekken import engine, render
from test_engine import GEVALLEN


def schrijf(renderable, breedte: int = 80) -> str:
    scherm = io.StringIO()
    Console(file=scherm, width=breedte, color_system=None, highlight=False).print(renderable)
    return scherm.getvalue()


def test_markup_en_stuurtekens_uit_yaml_worden_letterlijk_getoond(catalogus) -> None:
    focus = catalogus.instrument("focusgroep")
    vals = replace(focus, naam="[bold red]Focus[/] \x1b[2J groep", samenvatting="Tekst met [link=x]link[/link]")
    uit = schrijf(render.instrument_detail(catalogus, vals))
    assert "[bold red]Focus[/]" in uit and "\\x1b[2J" in uit and "\x1b" not in uit
    assert "[link=x]link[/link]" in uit


def test_elk_advies_past_in_80_kolommen(boom, catalogus) -> None:
    for geval in GEVALLEN:
        uit = schrijf(render.advies(engine.advies(boom, catalogus, geval.antwoorden)))
        assert max(len(regel) for regel in uit.splitlines()) <= 80, geval.naam
        assert "Uw antwoorden" in uit


def test_aannames_en_gegroepeerde_afvallers_staan_in_het_advies(boom, catalogus) -> None:
    antwoorden = dict(fase="uitwerking", doel="inzichten", ruimte="weet_niet", doelgroep="breed", budget="weet_niet",
                      doorlooptijd="middel", tijdsdruk="nee")
    uit = schrijf(render.advies(engine.advies(boom, catalogus, antwoorden)))
    assert "Aannames" in uit
    assert "• U wist het antwoord op 'Hoeveel inhoudelijke ruimte is er voor inbreng?'" in uit
    assert "Weet ik niet (aangenomen:" in uit  # in the table of answers too
    assert max(len(regel) for regel in uit.splitlines()) <= 80

    kort = schrijf(render.advies(engine.advies(boom, catalogus, {"fase": "uitwerking", "doel": "informeren"})))
    reden = "u wilt informeren; dit instrument is bedoeld om"
    assert kort.count(reden) == 1  # eleven instruments, one reason: said once


def test_het_overzicht_voor_het_advies(boom) -> None:
    from burgers_betrekken.gesprek import Gesprek

    gesprek = Gesprek(boom, {"fase": "evaluatie", "doel": "informeren"}, positie=2)
    uit = schrijf(render.overzicht(gesprek))
    assert "1   In welke fase zit uw traject?" in uit and "Evaluatie" in uit
    assert "Burgers informeren over een" in uit
