"""The interview driven by real keystrokes through prompt_toolkit's pipe input (as questionary's own tests do)."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from burgers_betrekken import engine
from burgers_betrekken.prompts import InterviewAfgebroken, interview, stel_vraag

OMLAAG = "\x1b[B"
ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"


def speel(boom, toetsen: str, koppen: list | None = None) -> dict[str, str]:
    with create_pipe_input() as invoer:
        invoer.send_text(toetsen)
        return interview(boom, toon_kop=(lambda v, n, m: koppen.append((v.id, n, m))) if koppen is not None
                         else None, input=invoer, output=DummyOutput())


def test_een_vraag_kiest_met_pijltjes_en_enter(boom) -> None:
    with create_pipe_input() as invoer:
        invoer.send_text(OMLAAG + OMLAAG + ENTER)
        assert stel_vraag(boom.vraag("budget"), input=invoer, output=DummyOutput()) == "hoog"


def test_de_hele_wandeling_volgt_de_takken(boom, catalogus) -> None:
    koppen: list = []
    # fase: beleidsontwikkeling; doel: 2x down = samen_ontwerpen; ruimte: 2x down = ruim;
    # doelgroep: 4x down = initiatief; budget: midden; doorlooptijd: middel; tijdsdruk: nee
    toetsen = (ENTER + OMLAAG * 2 + ENTER + OMLAAG * 2 + ENTER + OMLAAG * 4 + ENTER + OMLAAG + ENTER
               + OMLAAG + ENTER + OMLAAG + ENTER)
    antwoorden = speel(boom, toetsen, koppen)
    assert antwoorden == dict(fase="beleidsontwikkeling", doel="samen_ontwerpen", ruimte="ruim",
                              doelgroep="initiatief", budget="midden", doorlooptijd="middel", tijdsdruk="nee")
    assert koppen[0] == ("fase", 1, 7) and koppen[-1] == ("tijdsdruk", 7, 7)
    advies = engine.advies(boom, catalogus, antwoorden)
    assert advies.niveau.id == "coproduceren" and "uitnodigende_rol" in {lo.id for lo in advies.let_op}


def test_de_korte_route_stelt_minder_vragen(boom) -> None:
    koppen: list = []
    antwoorden = speel(boom, ENTER + OMLAAG * 4 + ENTER, koppen)
    assert antwoorden == {"fase": "beleidsontwikkeling", "doel": "informeren"}
    assert [k[0] for k in koppen] == ["fase", "doel"]


@pytest.mark.parametrize("toets", [CTRL_C, CTRL_D])
def test_afbreken_bewaart_de_gegeven_antwoorden(boom, toets: str) -> None:
    with pytest.raises(InterviewAfgebroken) as info:
        speel(boom, ENTER + OMLAAG + ENTER + toets)
    assert info.value.antwoorden == {"fase": "beleidsontwikkeling", "doel": "ervaringen"}
    assert info.value.exit_code == 130


def test_de_toelichting_van_een_optie_staat_er_in_het_nederlands(boom) -> None:
    scherm = io.StringIO()
    uitvoer = Vt100_Output(scherm, lambda: Size(rows=30, columns=80), term="xterm")
    with create_pipe_input() as invoer:
        invoer.send_text(ENTER)
        stel_vraag(boom.vraag("fase"), input=invoer, output=uitvoer)
    tekst = scherm.getvalue()
    assert "Toelichting: U ontwikkelt nieuw beleid" in tekst
    assert "Description" not in tekst
