"""The engine as a pure function: answers from the seeds' own cases → rung, instruments, caveats."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from burgers_betrekken import engine
from burgers_betrekken.errors import AntwoordFout
from burgers_betrekken.model import Boom, Catalogus

VOLLEDIG = dict(fase="beleidsontwikkeling", doel="inzichten", ruimte="beperkt", doelgroep="breed",
                budget="midden", doorlooptijd="middel", tijdsdruk="nee")


@dataclass(frozen=True)
class Geval:
    naam: str
    antwoorden: dict[str, str]
    niveau: str
    participatie: bool = True
    eerste: str | None = None  # the best instrument
    in_top3: tuple[str, ...] = ()
    niet_aanbevolen: tuple[str, ...] = ()
    niet_in_top3: tuple[str, ...] = ()
    let_op: frozenset[str] = field(default_factory=frozenset)


GEVALLEN = [
    Geval("BOA-bestel: brede groep adviseert, ruim budget en tijd",
          dict(VOLLEDIG, doel="zwaarwegend_advies", ruimte="ruim", budget="hoog", doorlooptijd="lang"),
          niveau="adviseren", eerste="burgerberaad", in_top3=("burgerdialoog",),
          niet_aanbevolen=("focusgroep", "enquete", "straatgesprek")),
    Geval("Stiefouders: ervaringen van een specifieke groep, klein en snel",
          dict(VOLLEDIG, doel="ervaringen", doelgroep="specifiek", budget="laag", doorlooptijd="kort"),
          niveau="raadplegen", eerste="focusgroep",
          niet_aanbevolen=("burgerberaad", "burgerdialoog", "community_onderzoek", "klantpanel")),
    Geval("Demonstratierecht: wat vinden burgers ervan, breed beeld",
          dict(VOLLEDIG, doel="inzichten", doelgroep="breed"),
          niveau="raadplegen", in_top3=("community_onderzoek", "enquete"),
          niet_aanbevolen=("burgerberaad",), niet_in_top3=("usability_onderzoek", "focusgroep")),
    Geval("AI: dialoog met de buitenwereld, onder druk",
          dict(VOLLEDIG, doel="zwaarwegend_advies", ruimte="ruim", tijdsdruk="ja"),
          niveau="adviseren", eerste="burgerdialoog", niet_aanbevolen=("burgerberaad",),
          let_op=frozenset({"anticyclisch"})),
    Geval("Een dienst verbeteren met haar gebruikers",
          dict(VOLLEDIG, fase="uitwerking", doel="ervaringen", doelgroep="gebruikers", budget="laag",
               doorlooptijd="kort"),
          niveau="raadplegen", eerste="usability_onderzoek", in_top3=("focusgroep",),
          niet_aanbevolen=("burgerberaad", "klantpanel")),
    Geval("Evaluatie met gebruikers, middelgroot budget",
          dict(VOLLEDIG, fase="evaluatie", doel="ervaringen", doelgroep="gebruikers"),
          niveau="raadplegen", in_top3=("klantpanel", "usability_onderzoek", "focusgroep"),
          niet_aanbevolen=("burgerberaad",)),
    Geval("Informeren over een besluit: korte route, geen participatie",
          dict(fase="uitwerking", doel="informeren"),
          niveau="informeren", participatie=False,
          niet_aanbevolen=("burgerberaad", "focusgroep", "enquete", "straatgesprek"),
          let_op=frozenset({"informeren_geen_participatie"})),
    Geval("Geen inhoudelijke ruimte: leg uit, zware instrumenten vallen af",
          dict(fase="beleidsontwikkeling", doel="inzichten", ruimte="geen"),
          niveau="informeren", participatie=False,
          niet_aanbevolen=("burgerberaad", "burgerdialoog", "co_creatiesessie"),
          let_op=frozenset({"leg_uit", "informeren_geen_participatie"})),
    Geval("Zwaarwegend advies met beperkte ruimte: vinkjes-participatie, begrensd op raadplegen",
          dict(VOLLEDIG, doel="zwaarwegend_advies", ruimte="beperkt"),
          niveau="raadplegen", niet_aanbevolen=("burgerberaad", "klankbordgroep"),
          let_op=frozenset({"vinkjes_participatie"})),
    Geval("Burgerinitiatief: uitnodigende rol, samen ontwerpen",
          dict(VOLLEDIG, doel="samen_ontwerpen", ruimte="ruim", doelgroep="initiatief"),
          niveau="coproduceren", eerste="co_creatiesessie",
          let_op=frozenset({"uitnodigende_rol"})),
    Geval("Moeilijk bereikbare groepen: alleen-online valt af",
          dict(VOLLEDIG, fase="signalen", doel="ervaringen", doelgroep="moeilijk_bereikbaar", budget="laag",
               doorlooptijd="kort"),
          niveau="raadplegen", in_top3=("focusgroep", "straatgesprek"),
          niet_aanbevolen=("community_onderzoek", "enquete", "internetconsultatie")),
    Geval("Samen ontwerpen met mandaat: meebeslissen",
          dict(VOLLEDIG, doel="samen_ontwerpen", ruimte="mandaat", budget="hoog", doorlooptijd="lang"),
          niveau="meebeslissen", eerste="burgerberaad"),
    Geval("Signalen uit de praktijk onder acute druk",
          dict(VOLLEDIG, fase="signalen", doel="ervaringen", tijdsdruk="ja", budget="laag", doorlooptijd="kort"),
          niveau="raadplegen", in_top3=("focusgroep", "straatgesprek"),
          let_op=frozenset({"anticyclisch"})),
]


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.naam for g in GEVALLEN])
def test_advies_volgt_de_seeds(geval: Geval, boom: Boom, catalogus: Catalogus) -> None:
    advies = engine.advies(boom, catalogus, geval.antwoorden)
    aanbevolen = [a.instrument.id for a in advies.instrumenten]
    assert advies.niveau.id == geval.niveau
    assert advies.participatie is geval.participatie
    if geval.eerste:
        assert aanbevolen[0] == geval.eerste, aanbevolen
    for instrument_id in geval.in_top3:
        assert instrument_id in aanbevolen[:3], aanbevolen
    for instrument_id in geval.niet_in_top3:
        assert instrument_id not in aanbevolen[:3], aanbevolen
    for instrument_id in geval.niet_aanbevolen:
        assert instrument_id not in aanbevolen, aanbevolen
    assert {lo.id for lo in advies.let_op} == set(geval.let_op)


def test_elk_instrument_heeft_een_reden(boom: Boom, catalogus: Catalogus) -> None:
    for geval in GEVALLEN:
        advies = engine.advies(boom, catalogus, geval.antwoorden)
        assert len(advies.instrumenten) + len(advies.afgevallen) == len(catalogus.instrumenten)
        for a in (*advies.instrumenten, *advies.afgevallen):
            assert a.redenen and all(r.tekst for r in a.redenen), (geval.naam, a.instrument.id)


def test_redenen_komen_uit_de_antwoorden(boom: Boom, catalogus: Catalogus) -> None:
    advies = engine.advies(boom, catalogus, GEVALLEN[1].antwoorden)
    focus = advies.instrumenten[0]
    redenen = [r.tekst for r in focus.redenen]
    assert "past bij een specifieke doelgroep" in redenen
    assert "kan binnen een laag budget" in redenen
    beraad = next(a for a in advies.afgevallen if a.instrument.id == "burgerberaad")
    assert "vraagt een langer traject; u heeft weinig tijd" in [r.tekst for r in beraad.redenen]


def test_het_plafond_begrenst_wat_het_doel_vraagt(boom: Boom, catalogus: Catalogus) -> None:
    advies = engine.advies(boom, catalogus, dict(VOLLEDIG, doel="zwaarwegend_advies", ruimte="beperkt"))
    assert advies.bepaling.gewenst.id == "adviseren"
    assert advies.bepaling.begrensd and advies.niveau.id == "raadplegen"


def test_korte_route_negeert_overbodige_antwoorden(boom: Boom, catalogus: Catalogus) -> None:
    advies = engine.advies(boom, catalogus, dict(VOLLEDIG, doel="informeren"))
    assert [s.vraag.id for s in advies.pad] == ["fase", "doel"]
    assert set(advies.genegeerd) == {"ruimte", "doelgroep", "budget", "doorlooptijd", "tijdsdruk"}


def test_ontbrekend_antwoord_noemt_de_vraag_en_de_opties(boom: Boom, catalogus: Catalogus) -> None:
    with pytest.raises(AntwoordFout) as fout:
        engine.advies(boom, catalogus, dict(fase="evaluatie", doel="inzichten"))
    assert "antwoord ontbreekt op vraag 'ruimte'" in fout.value.bericht
    assert "'geen', 'beperkt', 'ruim', 'mandaat'" in fout.value.bericht


def test_onbekende_vraag_en_optie_worden_allebei_gemeld(boom: Boom, catalogus: Catalogus) -> None:
    with pytest.raises(AntwoordFout) as fout:
        engine.advies(boom, catalogus, dict(VOLLEDIG, budgt="laag", doel="inzigten"))
    berichten = [p.bericht for p in fout.value.problemen]
    assert any("onbekende vraag 'budgt'; bedoelde u 'budget'?" in b for b in berichten)
    assert any("vraag 'doel' heeft geen optie 'inzigten'; bedoelde u 'inzichten'?" in b for b in berichten)


def test_maximaal_resterend_volgt_het_langste_pad(boom: Boom) -> None:
    assert engine.maximaal_resterend(boom, "fase") == 7
    assert engine.maximaal_resterend(boom, "tijdsdruk") == 1
    assert engine.volgende(boom, "doel", "informeren") is None
    assert engine.volgende(boom, "ruimte", "geen") is None
    assert engine.volgende(boom, "ruimte", "ruim") == "doelgroep"
