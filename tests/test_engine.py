"""The engine as a pure function: the expert panel's trajectories → rung, instruments, caveats."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.fouten import AntwoordFout
from burgers_betrekken.kern.model import Boom, Catalogus
from burgers_betrekken.lezen.scenarios import Scenario, laad_scenarios, toets
from tests.conftest import ROOT

VOLLEDIG = dict(fase="beleidsontwikkeling", doel="inzichten", ruimte="beperkt", doelgroep="breed",
                budget="midden", doorlooptijd="middel", tijdsdruk="nee")


@dataclass(frozen=True)
class Geval:
    """A trajectory of the expert panel (trees/rijksoverheid.tests.yaml): one case table, with the
    reasoning and sources for each expectation kept there."""

    naam: str
    antwoorden: dict[str, str]
    scenario: Scenario


PANEL = laad_scenarios(ROOT / "trees" / "rijksoverheid.tests.yaml")
GEVALLEN = [Geval(s.omschrijving, dict(s.antwoorden), s) for s in PANEL.scenarios]
PAD = {g.scenario.id: g.antwoorden for g in GEVALLEN}  # the answers of a panel trajectory, by its id


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.scenario.id for g in GEVALLEN])
def test_advies_volgt_het_expertpanel(geval: Geval, boom: Boom, catalogus: Catalogus) -> None:
    """The engine as a pure function, judged by the same expectations as `bb boom test`."""
    uitslag = toets(geval.scenario, boom, catalogus)
    assert uitslag.afwijkingen == (), [str(a) for a in uitslag.afwijkingen]


def test_elk_instrument_heeft_een_reden(boom: Boom, catalogus: Catalogus) -> None:
    for geval in GEVALLEN:
        advies = engine.advies(boom, catalogus, geval.antwoorden)
        assert len(advies.instrumenten) + len(advies.afgevallen) == len(catalogus.instrumenten)
        for a in (*advies.instrumenten, *advies.afgevallen):
            assert a.redenen and all(r.tekst for r in a.redenen), (geval.naam, a.instrument.id)


def test_redenen_komen_uit_de_antwoorden(boom: Boom, catalogus: Catalogus) -> None:
    advies = engine.advies(boom, catalogus, PAD["stiefouders"])
    focus = next(a for a in advies.instrumenten if a.instrument.id == "focusgroep")
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


# --- ranking an adviser can sign ----------------------------------------------------------------

STIEFOUDERS = dict(VOLLEDIG, doel="ervaringen", doelgroep="specifiek", budget="laag", doorlooptijd="kort")


def _alle_adviezen(boom: Boom, catalogus: Catalogus) -> list[engine.Advies]:
    from burgers_betrekken.kern.paden import paden

    return [engine.advies(boom, catalogus, dict(p)) for p in paden(boom)]


def test_zonder_participatie_geen_enkel_instrument(boom: Boom, catalogus: Catalogus) -> None:
    zonder = [a for a in _alle_adviezen(boom, catalogus) if not a.participatie]
    assert zonder  # the tree has such paths: no room, or only informing
    for a in zonder:
        assert a.instrumenten == () and a.beste == ()
        assert len(a.afgevallen) == len(catalogus.instrumenten)
        assert all("krijgen burgers geen invloed" in x.redenen[0].tekst for x in a.afgevallen)


def test_gelijke_instrumenten_delen_hun_rang_en_heten_even_passend(boom: Boom, catalogus: Catalogus) -> None:
    from burgers_betrekken.kern.adviestekst import gelijk_onderscheid, kopregel

    advies = engine.advies(boom, catalogus, STIEFOUDERS)
    assert sorted(a.instrument.id for a in advies.beste) == ["diepte_interviews", "focusgroep"]
    assert {a.rang for a in advies.beste} == {1}
    assert kopregel(advies) == "Even passend: Diepte-interviews en Focusgroep."
    onderscheid = dict(gelijk_onderscheid(advies))
    assert "kanaal: fysiek" in onderscheid["Diepte-interviews"]
    assert "kanaal: fysiek en online" in onderscheid["Focusgroep"]


def test_de_volgorde_van_de_catalogus_beslist_niets(boom: Boom, catalogus: Catalogus) -> None:
    from dataclasses import replace

    omgekeerd = replace(catalogus, instrumenten=tuple(reversed(catalogus.instrumenten)))
    from burgers_betrekken.kern.paden import paden

    for n, pad in enumerate(paden(boom)):
        if n % 7:  # every seventh path: all options of every question still occur
            continue
        a, b = engine.advies(boom, catalogus, dict(pad)), engine.advies(boom, omgekeerd, dict(pad))
        assert [(x.instrument.id, x.rang) for x in a.instrumenten] == [(x.instrument.id, x.rang) for x in b.instrumenten]


def test_een_voorrangsregel_noemt_waarom_het_instrument_voorgaat(boom: Boom, catalogus: Catalogus) -> None:
    boa = engine.advies(boom, catalogus, PAD["boa_bestel"])
    eerste, tweede = boa.instrumenten[:2]
    assert eerste.punten == tweede.punten and eerste.rang < tweede.rang
    assert [r.tekst for r in eerste.voorrang] == ["burgers wegen samen af: deliberatie (bij Burgerdialoog: gesprek)"]
    assert [r.regel for r in eerste.voorrang] == ["beraadslaging"]


def test_wanneer_niet_uit_de_catalogus_sluit_een_instrument_uit(boom: Boom, catalogus: Catalogus) -> None:
    breed = engine.advies(boom, catalogus, dict(VOLLEDIG, fase="evaluatie", doel="ervaringen", doelgroep="breed"))
    klantpanel = next(a for a in breed.afgevallen if a.instrument.id == "klantpanel")
    assert "u zoekt burgers in het algemeen, niet de gebruikers van één dienst" in [r.tekst for r in klantpanel.redenen]
    assert engine.WANNEER_NIET in [r.regel for r in klantpanel.redenen]
    gebruikers = engine.advies(boom, catalogus, dict(VOLLEDIG, fase="evaluatie", doel="ervaringen",
                                                     doelgroep="gebruikers"))
    assert "klantpanel" in [a.instrument.id for a in gebruikers.instrumenten]


@pytest.mark.parametrize("naam", ["rijksoverheid", "uitvoeringsorganisatie"])
def test_geen_pad_door_de_meegeleverde_bomen_geeft_een_advies_dat_niemand_tekent(naam: str, catalogus: Catalogus) -> None:
    from burgers_betrekken.lezen.boom import laad_boom
    from burgers_betrekken.kern.statistiek import tel

    from tests.conftest import ROOT

    b = laad_boom(ROOT / "trees" / f"{naam}.yaml")
    cijfers = tel(_alle_adviezen(b, catalogus))
    assert cijfers.paden > 5000 and cijfers.participatie > 4900
    assert (cijfers.zonder_uitleg, cijfers.tegen_wanneer_niet, cijfers.instrument_zonder_participatie,
            cijfers.zonder_onderscheid) == (0, 0, 0, 0), cijfers.voorbeelden


def test_statistiek_telt_een_instrument_tegen_zijn_wanneer_niet(boom: Boom, catalogus: Catalogus) -> None:
    from dataclasses import replace

    from burgers_betrekken.kern.statistiek import tel

    advies = engine.advies(boom, catalogus, dict(VOLLEDIG, fase="evaluatie", doel="ervaringen", doelgroep="breed"))
    klantpanel = catalogus.instrument("klantpanel")
    assert klantpanel is not None
    vals = replace(advies, instrumenten=(engine.Aanbeveling(klantpanel, 9, (engine.Reden("x", None),)),))
    assert tel([vals]).tegen_wanneer_niet == 1
    assert tel([advies]).tegen_wanneer_niet == 0


# --- wat als --------------------------------------------------------------------------------------


def test_wat_als_zonder_ruimte_noemt_de_ruimte_die_participatie_mogelijk_maakt(boom: Boom, catalogus: Catalogus) -> None:
    from burgers_betrekken.kern.watals import wat_als

    advies = engine.advies(boom, catalogus, dict(fase="beleidsontwikkeling", doel="inzichten", ruimte="geen"))
    eerste = wat_als(advies)[0]
    assert (eerste.vraag, eerste.antwoord, eerste.niveau) == ("ruimte", "beperkt", "raadplegen")
    assert eerste.nog_te_vragen == ("doelgroep", "budget", "doorlooptijd", "tijdsdruk")
    from burgers_betrekken.kern.adviestekst import wat_als_regel

    assert wat_als_regel(eerste).endswith("(daarna volgen nog 4 vragen).")  # a count, not question ids


def test_wat_als_bij_een_leeg_advies_noemt_wat_een_instrument_laat_passen(boom: Boom, catalogus: Catalogus) -> None:
    from burgers_betrekken.kern.watals import wat_als

    antwoorden = dict(VOLLEDIG, doel="samen_ontwerpen", ruimte="mandaat", budget="laag", doorlooptijd="kort")
    advies = engine.advies(boom, catalogus, antwoorden)
    assert advies.participatie and not advies.instrumenten and advies.blokkades
    veranderingen = wat_als(advies)
    assert 1 <= len(veranderingen) <= 3
    for v in veranderingen:  # each one is true: the engine gives that advice with those answers
        assert v.beste
        ander = engine.advies(boom, catalogus, {**antwoorden, **{k.vraag: k.antwoord for k in v.keuzes}})
        assert [a.instrument.id for a in ander.beste] == list(v.beste) and ander.niveau.id == v.niveau
        assert all(k.vraag in ("ruimte", "budget", "doorlooptijd") for k in v.keuzes)


def test_wat_als_blijft_leeg_als_niets_het_advies_verandert(boom: Boom, catalogus: Catalogus) -> None:
    from burgers_betrekken.kern.adviestekst import wat_als_geen
    from burgers_betrekken.kern.watals import met_wat_als

    advies = met_wat_als(engine.advies(boom, catalogus, STIEFOUDERS))
    assert advies.wat_als == ()
    # only what was computed: more changes nothing, less room does (issue 24: "ruimte: geen" always does)
    assert wat_als_geen(advies) == ("Geen antwoord met meer ruimte, budget of doorlooptijd verandert de trede, "
                                    "het beste instrument of de route. Alleen minder ruimte verandert het advies.")
    assert wat_als_geen(engine.advies(boom, catalogus, STIEFOUDERS)) is None  # not computed: nothing claimed
