"""The plain interview (`--eenvoudig`) as a function of lines in and text out: numbers, back with
0, Enter keeps an earlier answer, "weet ik niet", wrong input, the review, and the end of input."""

from __future__ import annotations

import io

import pytest

from burgers_betrekken.vragen.eenvoudig import interview, toon
from burgers_betrekken.kern.gesprek import InterviewAfgebroken
from burgers_betrekken.kern.model import WEET_NIET


def speel(boom, regels: list[str]) -> tuple[dict[str, str], str]:
    uit = io.StringIO()
    antwoorden = interview(boom, io.StringIO("".join(r + "\n" for r in regels)), uit)
    return antwoorden, uit.getvalue()


def test_genummerde_keuzes_tot_het_overzicht(boom) -> None:
    antwoorden, tekst = speel(boom, ["1", "2", "2", "2", "1", "1", "2", "1"])
    assert antwoorden == dict(fase="beleidsontwikkeling", doel="ervaringen", ruimte="beperkt", doelgroep="specifiek",
                              budget="laag", doorlooptijd="kort", tijdsdruk="nee")
    assert "Vraag 1 van maximaal 7\nIn welke fase zit uw traject?" in tekst
    assert "  1. Beleidsontwikkeling\n" in tekst and "  0. Vorige vraag" in tekst
    assert "  5. Weet ik niet\n     Zolang niet vaststaat" in tekst
    assert "Vraag 2: Met welk doel betrekt u burgers? → Ervaringen met beleid of dienstverlening" in " ".join(tekst.split())
    assert "\x1b" not in tekst and max(len(r) for r in tekst.splitlines()) <= 80


def test_terug_met_0_en_enter_houdt_het_eerdere_antwoord(boom) -> None:
    # doel 2 (ervaringen), then at ruimte 0 (back): doel offers Enter = 2; Enter keeps it.
    antwoorden, tekst = speel(boom, ["1", "2", "0", "", "1", "1"])
    assert antwoorden == dict(fase="beleidsontwikkeling", doel="ervaringen", ruimte="geen")
    assert "Uw keuze [Enter = 2]: " in tekst


def test_verkeerde_invoer_wordt_opnieuw_gevraagd(boom) -> None:
    antwoorden, tekst = speel(boom, ["9", "twee", "4", "5", "1"])
    assert antwoorden == {"fase": "evaluatie", "doel": "informeren"}
    assert tekst.count("Kies een nummer van 1 tot en met 4.") == 2


def test_weet_ik_niet_en_een_wijziging_in_het_overzicht(boom) -> None:
    # ruimte: 5 = weet ik niet; at the review: w3 = change question 3 (ruimte) to 3 (ruim), then confirm
    antwoorden, tekst = speel(boom, ["1", "1", "5", "1", "1", "1", "2", "w3", "3", "1"])
    assert antwoorden["ruimte"] == "ruim"
    assert "→ Weet ik niet\n    (aangenomen: Beperkt — binnen vaste kaders)" in tekst
    antwoorden, _ = speel(boom, ["1", "1", "5", "1", "1", "1", "2", "1"])
    assert antwoorden["ruimte"] == WEET_NIET


def test_het_einde_van_de_invoer_breekt_af_met_de_antwoorden_tot_dan(boom) -> None:
    with pytest.raises(InterviewAfgebroken) as info:
        speel(boom, ["1", "2"])
    assert info.value.antwoorden == {"fase": "beleidsontwikkeling", "doel": "ervaringen"}


def test_lange_regels_breken_af_op_woorden_met_inspringing() -> None:
    uit = io.StringIO()
    toon("- " + "woord " * 30 + "\n\nkort\n", uit)
    regels = uit.getvalue().splitlines()
    assert all(len(r) <= 80 for r in regels)
    assert regels[0].startswith("- woord") and regels[1].startswith("  woord")
    assert regels[-1] == "kort"


def test_in_het_overzicht_heeft_elke_vraag_haar_eigen_nummer(boom) -> None:
    """Issue 13: 'Wijzig vraag 3' was option 4. Now w3 changes question 3, with or without a space
    or capital; a wrong line says what to type."""
    for wijzig in ("w2", "W 2"):
        antwoorden, tekst = speel(boom, ["1", "1", "5", "1", "1", "1", "2", "x", wijzig, "2", "1"])
        assert antwoorden["doel"] == "ervaringen"  # question 2 changed from 'inzichten' to 'ervaringen'
        assert "Typ 1 voor het advies, w1 tot en met w7 om een vraag te wijzigen" in tekst
        assert "Vraag 3: Hoeveel inhoudelijke ruimte" in tekst


def test_het_advies_als_platte_tekst_voor_een_schermlezer() -> None:
    from burgers_betrekken.vragen.eenvoudig import platte_tekst

    markdown = ("# Advies: X\n\n| Gegeven | Waarde |\n| --- | --- |\n| Datum | 02-12-2026 |\n"
                "| Beslisboom | `rijksoverheid`, versie 1.0 |\n\n**Best passend: Focusgroep.**\n\n"
                "*Bron: seed\\_002*\n> Wettelijk\n- [ ] Deelnemers horen wat er met hun inbreng is gedaan.\n")
    assert platte_tekst(markdown) == ["Advies: X", "", "Datum: 02-12-2026", "Beslisboom: rijksoverheid, versie 1.0",
                                      "", "Best passend: Focusgroep.", "", "Bron: seed_002", "  Wettelijk",
                                      "- Deelnemers horen wat er met hun inbreng is gedaan."]
