"""The interview driven by real keystrokes through prompt_toolkit's pipe input (as questionary's own tests do)."""

from __future__ import annotations

import io
import os
import re
import signal
from typing import Iterator

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.model import WEET_NIET
from burgers_betrekken.vragen.pijltjes import TERUG, InterviewAfgebroken, interview, stel_vraag

OMLAAG = "\x1b[B"
ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"


CTRL_B = "\x02"
ESC = "\x1b"
OMHOOG = "\x1b[A"
# fase: beleidsontwikkeling, doel: ervaringen, ruimte: beperkt, then the first option of the rest
GEWOON = ENTER + OMLAAG + ENTER + OMLAAG + ENTER + ENTER + ENTER + ENTER + ENTER
GEWOON_ANTWOORDEN = dict(fase="beleidsontwikkeling", doel="ervaringen", ruimte="beperkt", doelgroep="breed",
                         budget="laag", doorlooptijd="kort", tijdsdruk="ja")
BEVESTIG = ENTER  # the review opens on "Klopt, toon het advies"


def speel(boom, toetsen: str, koppen: list | None = None) -> dict[str, str]:
    with create_pipe_input() as invoer:
        invoer.send_text(toetsen)
        kop = (lambda g: koppen.append((g.huidige().id, g.nummer, g.maximaal()))) if koppen is not None else None
        return interview(boom, toon_kop=kop, input=invoer, output=DummyOutput())


def test_een_vraag_kiest_met_pijltjes_en_enter(boom) -> None:
    with create_pipe_input() as invoer:
        invoer.send_text(OMLAAG + OMLAAG + ENTER)
        assert stel_vraag(boom.vraag("budget"), input=invoer, output=DummyOutput()) == "hoog"


def test_de_hele_wandeling_volgt_de_takken(boom, catalogus) -> None:
    koppen: list = []
    # fase: beleidsontwikkeling; doel: 2x down = samen_ontwerpen; ruimte: 2x down = ruim;
    # doelgroep: 5x down = initiatief (past moeilijk_bereikbaar and gebruikers_moeilijk);
    # budget: midden; doorlooptijd: middel; tijdsdruk: nee
    toetsen = (ENTER + OMLAAG * 2 + ENTER + OMLAAG * 2 + ENTER + OMLAAG * 5 + ENTER + OMLAAG + ENTER
               + OMLAAG + ENTER + OMLAAG + ENTER + BEVESTIG)
    antwoorden = speel(boom, toetsen, koppen)
    assert antwoorden == dict(fase="beleidsontwikkeling", doel="samen_ontwerpen", ruimte="ruim",
                              doelgroep="initiatief", budget="midden", doorlooptijd="middel", tijdsdruk="nee")
    assert koppen[0] == ("fase", 1, 7) and koppen[-1] == ("tijdsdruk", 7, 7)
    advies = engine.advies(boom, catalogus, antwoorden)
    assert advies.niveau.id == "coproduceren" and "uitnodigende_rol" in {lo.id for lo in advies.let_op}


def test_de_korte_route_stelt_minder_vragen_en_het_maximum_krimpt(boom) -> None:
    koppen: list = []
    antwoorden = speel(boom, ENTER + OMLAAG + ENTER + ENTER + BEVESTIG, koppen)  # ruimte: geen → advies
    assert antwoorden == {"fase": "beleidsontwikkeling", "doel": "ervaringen", "ruimte": "geen"}
    assert koppen == [("fase", 1, 7), ("doel", 2, 7), ("ruimte", 3, 7)]
    assert speel(boom, ENTER + OMLAAG * 4 + ENTER + BEVESTIG) == {"fase": "beleidsontwikkeling", "doel": "informeren"}


def test_terug_bewaart_latere_antwoorden_en_kiest_ze_voor(boom) -> None:
    koppen: list = []
    # up to tijdsdruk, then back (Ctrl-B) to doorlooptijd, whose kept answer 'kort' is preselected:
    # one down makes it 'middel'; tijdsdruk again keeps 'ja' preselected.
    toetsen = ENTER + OMLAAG + ENTER + OMLAAG + ENTER + ENTER + ENTER + ENTER + CTRL_B + OMLAAG + ENTER + ENTER + BEVESTIG
    antwoorden = speel(boom, toetsen, koppen)
    assert antwoorden == dict(GEWOON_ANTWOORDEN, doorlooptijd="middel")
    assert [k[0] for k in koppen][-3:] == ["tijdsdruk", "doorlooptijd", "tijdsdruk"]


def test_terug_kan_ook_met_de_keuze_vorige_vraag_en_met_esc(boom) -> None:
    # at ruimte: 'Vorige vraag' is the last choice (4 options + weet ik niet + back): 5x down
    toetsen = ENTER + OMLAAG + ENTER + OMLAAG * 5 + ENTER + OMLAAG + ENTER  # doel again: now samen_ontwerpen
    toetsen += OMLAAG + ENTER + ENTER + ENTER + ENTER + ESC + ENTER + ENTER + BEVESTIG
    antwoorden = speel(boom, toetsen)
    assert antwoorden == dict(GEWOON_ANTWOORDEN, doel="samen_ontwerpen")


def test_een_ander_antwoord_dat_de_route_inkort_verliest_de_latere_antwoorden_niet(boom) -> None:
    # full walk; at the review change doel (Wijzig 2) to informeren: the path ends there.
    # Then change doel back: every later question still has its answer, so the review comes back at once.
    naar_wijzig_2 = OMLAAG * 2 + ENTER
    toetsen = GEWOON + naar_wijzig_2 + OMLAAG * 3 + ENTER  # doel: ervaringen → informeren
    toetsen += naar_wijzig_2 + OMHOOG * 3 + ENTER + BEVESTIG  # doel: informeren → ervaringen
    assert speel(boom, toetsen) == GEWOON_ANTWOORDEN


def test_het_overzicht_wijzigt_een_antwoord_en_vraagt_alleen_wat_de_nieuwe_route_nodig_heeft(boom) -> None:
    koppen: list = []
    kort = ENTER + OMLAAG * 4 + ENTER  # fase, doel: informeren → review
    toetsen = kort + OMLAAG * 2 + ENTER + OMHOOG * 3 + ENTER  # Wijzig 2: doel → ervaringen
    toetsen += OMLAAG + ENTER + ENTER + ENTER + ENTER + ENTER + BEVESTIG  # the five new questions
    antwoorden = speel(boom, toetsen, koppen)
    assert antwoorden == GEWOON_ANTWOORDEN
    assert [k[0] for k in koppen] == ["fase", "doel", "doel", "ruimte", "doelgroep", "budget", "doorlooptijd",
                                      "tijdsdruk"]


def test_weet_ik_niet_neemt_de_aanname_van_de_boom_en_het_advies_noemt_die(boom, catalogus) -> None:
    # ruimte: 4x down = "Weet ik niet"
    toetsen = ENTER + OMLAAG * 3 + ENTER + OMLAAG * 4 + ENTER + ENTER + ENTER + ENTER + ENTER + BEVESTIG
    antwoorden = speel(boom, toetsen)
    assert antwoorden["ruimte"] == WEET_NIET
    advies = engine.advies(boom, catalogus, antwoorden)
    (aanname,) = advies.aannames
    assert aanname.vraag.id == "ruimte" and aanname.optie.id == "beperkt"
    assert aanname.aanname.startswith("Zolang niet vaststaat hoeveel ruimte er is")
    assert advies.niveau.id == "raadplegen"  # the assumed 'beperkt' caps the wish for an advice


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


class _SigintBijOpruimen:
    """Sends SIGINT to this process while it is being freed: the moment a Ctrl-C used to get lost
    (a KeyboardInterrupt raised in a finalizer is printed as 'ignored' and dropped)."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)


@pytest.fixture
def ctrl_c_zoals_in_een_terminal() -> Iterator[None]:
    """SIGINT handled as Python does when started from an interactive shell. A suite run in the
    background (`pytest &`, nohup) inherits SIGINT ignored, and then bb rightly ignores Ctrl-C too."""
    vorige = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, vorige)


@pytest.mark.usefixtures("ctrl_c_zoals_in_een_terminal")
def test_ctrl_c_tussen_twee_vragen_stopt_het_gesprek_ook_tijdens_het_opruimen(boom, capfd) -> None:
    def kop(gesprek) -> None:
        if gesprek.huidige().id == "doel":
            _SigintBijOpruimen()  # made and freed at once: SIGINT arrives inside __del__

    with create_pipe_input() as invoer:
        invoer.send_text(GEWOON + BEVESTIG)  # the whole walk: the second prompt must not read these keys
        with pytest.raises(InterviewAfgebroken) as afgebroken:
            interview(boom, toon_kop=kop, input=invoer, output=DummyOutput())
    assert afgebroken.value.antwoorden == {"fase": "beleidsontwikkeling"}
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize("toetsen", [ESC + ENTER, ESC + ESC + ENTER, ESC * 5 + ENTER, ESC + CTRL_B + ENTER])
def test_esc_op_de_eerste_vraag_doet_niets(boom, toetsen: str) -> None:
    """There is no back on question 1: Esc (also Esc read together with Enter as Alt+Enter) must
    neither end the interview nor give an empty answer. Then Enter picks the option pointed at."""
    with create_pipe_input() as invoer:
        invoer.send_text(toetsen)
        assert stel_vraag(boom.vraag("fase"), input=invoer, output=DummyOutput()) == "beleidsontwikkeling"
    assert speel(boom, toetsen[:-1] + GEWOON + BEVESTIG) == GEWOON_ANTWOORDEN  # the whole interview goes on


def test_esc_bij_verder_waar_u_was_begint_niet_stil_opnieuw() -> None:
    from burgers_betrekken.vragen.pijltjes import doorgaan

    for toetsen in (ESC + ENTER, ESC + ESC + ENTER):
        with create_pipe_input() as invoer:
            invoer.send_text(toetsen)
            assert doorgaan("Verder waar u was?", input=invoer, output=DummyOutput()) is True


def test_terug_laat_in_de_terminal_zien_waar_u_terugging(boom) -> None:
    """Issue 13: going back left '? Uw antwoord:' without an answer in the scrollback."""
    uitvoer = io.StringIO()
    with create_pipe_input() as invoer:
        invoer.send_text(ESC)
        scherm = Vt100_Output(uitvoer, lambda: Size(rows=30, columns=80), term="xterm")
        assert stel_vraag(boom.vraag("doel"), None, True, input=invoer, output=scherm) == TERUG
    assert "Uw antwoord:" in uitvoer.getvalue() and "Vorige vraag" in uitvoer.getvalue().split("Uw antwoord:")[-1]


def test_een_lang_antwoord_breekt_tussen_woorden_onder_zichzelf(boom) -> None:
    """Issue 13 leftover: at 60 columns '? Uw antwoord: <long option>' broke inside a word."""
    scherm = io.StringIO()
    uitvoer = Vt100_Output(scherm, lambda: Size(rows=30, columns=60), term="xterm")
    with create_pipe_input() as invoer:
        invoer.send_text(OMLAAG * 4 + ENTER)
        assert stel_vraag(boom.vraag("doelgroep"), input=invoer, output=uitvoer) == "gebruikers_moeilijk"
    tekst = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", scherm.getvalue())
    assert "? Uw antwoord: Gebruikers van een dienst die moeilijk te\r\n               bereiken zijn" in tekst
