"""`bb boom valideer`: every lint rule, on a small clean tree broken one way at a time, yields
exactly one located message (file:line:column), and the exit code tells clean from broken."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from burgers_betrekken.toepassing.validatie import valideer
from tests.conftest import assert_geen_traceback, run_bb

KLEIN = Path(__file__).parent / "bomen" / "klein.yaml"
CATALOGUS = Path(__file__).resolve().parent.parent / "instruments.yaml"


@dataclass(frozen=True)
class Geval:
    naam: str
    van: str  # text in the clean tree ...
    naar: str  # ... replaced by this
    anker: str  # the expected line is the first line of the broken tree containing this
    kolom: int
    bericht: str  # the whole expected message after "fout: " or "waarschuwing: "
    ernst: str = "fout"
    lager: int = 0  # the expected line is this many lines below the anchor


GEVALLEN = [
    Geval("volgende naar een onbekende vraag", "    volgende: budget\n", "    volgende: budgt\n", "budgt", 15,
          "'volgende' van vraag 'doel' verwijst naar onbekende vraag 'budgt'; bedoelde u 'budget'?"),
    Geval("start naar een onbekende vraag", "start: doel", "start: doell", "start:", 8,
          "'start' verwijst naar onbekende vraag 'doell'; bedoelde u 'doel'?"),
    Geval("een vraag die geen pad bereikt", "niveau:\n  gewenst",
          "  extra:\n    tekst: Nooit?\n    volgende: advies\n    opties:\n      a:\n        label: A\n"
          "      b:\n        label: B\nniveau:\n  gewenst", "  extra:", 3,
          "vraag 'extra' wordt nooit gesteld: geen 'volgende' verwijst ernaar vanaf de start ('doel')",
          ernst="waarschuwing"),
    Geval("een kringloop", "    tekst: Hoeveel budget is er?\n    volgende: advies",
          "    tekst: Hoeveel budget is er?\n    volgende: doel", "volgende: doel", 15,
          "de vragen vormen een kringloop: doel → budget → doel"),
    Geval("een pad dat niet bij het advies uitkomt", "    tekst: Hoeveel budget is er?\n    volgende: advies\n",
          "    tekst: Hoeveel budget is er?\n", "  budget:", 3,
          "na vraag 'budget' gaat het pad nergens heen: de vraag heeft geen 'volgende' en opties 'laag', 'hoog' "
          "hebben er ook geen; geef de vraag 'volgende: <vraag-id>' of 'volgende: advies'"),
    Geval("een dubbele vraag-id", "  budget:\n", "  budget:\n    tekst: x\n  budget:\n", "    tekst: x", 3, lager=1,
          bericht=
          "sleutel 'budget' komt twee keer voor (eerder op regel 17)"),
    Geval("wanneer noemt een onbekende vraag", "{doel: informeren}", "{dool: informeren}", "dool", 17,
          "'wanneer' van regel 1 van niveau.gewenst noemt onbekende vraag 'dool'; bedoelde u 'doel'? "
          "(mogelijk: 'doel', 'budget', 'niveau', 'niet', 'een_van')"),
    Geval("wanneer noemt een onbekende optie", "{doel: informeren}", "{doel: informern}", "informern", 23,
          "'wanneer' van regel 1 van niveau.gewenst: vraag 'doel' heeft geen optie 'informern'; "
          "bedoelde u 'informeren'? (opties: 'inzichten', 'informeren')"),
    Geval("een regel noemt een onbekend instrument", "let_op:\n",
          "  focus:\n    wanneer: {}\n    kenmerk: instrument\n    waarden: [focusgroep, burgerbraad]\n"
          "    soort: voorkeur\n    reden: gekozen\nlet_op:\n", "burgerbraad", 14,
          "instrumentregel 'focus': kenmerk 'instrument' kent geen instrument 'burgerbraad'; bedoelde u "
          "'burgerberaad'? ('burgerberaad', 'burgerdialoog', 'focusgroep', 'diepte_interviews', "
          "'community_onderzoek', 'straatgesprek', 'enquete', 'participatieve_waardenevaluatie', 'burgerpanel', "
          "'usability_onderzoek', 'klantpanel', 'co_creatiesessie', 'experiment', 'burgerbegroting', "
          "'klankbordgroep' en 2 meer)"),
    Geval("een regel noemt een onbekend kenmerk", "kenmerk: niveaus", "kenmerk: nivaus", "nivaus", 14,
          "instrumentregel 'trede' noemt onbekend kenmerk 'nivaus'; bedoelde u 'niveaus'? (kenmerken in "
          f"{CATALOGUS}: 'niveaus', 'instrument', 'kosten', 'doorlooptijd', 'doelgroepen', 'fases', 'doelen', "
          "'zwaarte', 'kanaal', 'bereik', 'werkvorm', 'diepgang', 'continuiteit')"),
    Geval("een regel noemt een onbekende trede", "      niveau: informeren\n", "      niveau: informern\n",
          "      niveau: informern", 15,
          f"regel 1 van niveau.gewenst noemt onbekende trede 'informern'; bedoelde u 'informeren'? (treden in "
          f"{CATALOGUS}: 'informeren', 'raadplegen', 'adviseren', 'coproduceren', 'meebeslissen')"),
    Geval("een reden met een onbekende plaatshouder", "past bij de trede {niveau}", "past bij {budgt}",
          "past bij {budgt}", 12,
          "de reden van instrumentregel 'trede' noemt '{budgt}', maar er is geen vraag 'budgt'; bedoelde u "
          "'budget'?; gebruik een vraag-id of '{niveau}'"),
    Geval("een tikfout in een sleutel", "    tekst: Wat is het doel?", "    tekts: Wat is het doel?", "tekts", 5,
          "onbekende sleutel 'tekts' in vraag 'doel'; bedoelde u 'tekst'? "
          "(toegestaan: 'tekst', 'toelichting', 'volgende', 'weet_niet', 'standaard', 'opties')"),
    Geval("een getal waar tekst hoort", 'versie: "1.0"', "versie: 1.0", "versie", 11,
          "'versie' van 'boom' moet tekst zijn, maar is een kommagetal; zet de waarde tussen aanhalingstekens "
          "als het tekst moet zijn"),
    Geval("een optie zonder label", "        label: Hoog", "        toelichting: Hoog", "toelichting: Hoog", 9,
          "optie 'hoog' van vraag 'budget' mist de verplichte sleutel 'label'"),
    Geval("een leeg label", "label: Hoog", 'label: ""', 'label: ""', 16,
          "het label van optie 'hoog' van vraag 'budget' mag niet leeg zijn"),
    Geval("een vraag met één optie", "      hoog:\n        label: Hoog\n", "", "      laag:", 7,
          "de opties van vraag 'budget': een vraag heeft minstens twee opties nodig"),
    Geval("een gereserveerd woord als vraag-id", "niveau:\n  gewenst",
          "  advies:\n    tekst: Klaar?\n    volgende: advies\n    opties:\n      a:\n        label: A\n"
          "      b:\n        label: B\nniveau:\n  gewenst", "  advies:", 3,
          "'advies' is een gereserveerd woord en kan geen vraag-id zijn: 'volgende: advies' betekent dat het "
          "advies volgt"),
    Geval("een ongeldige id", "      laag:\n", "      Laag:\n", "Laag", 7,
          "'Laag' is geen geldige id voor de opties van vraag 'budget': gebruik kleine letters, cijfers en '_' "
          "(bijvoorbeeld 'moeilijk_bereikbaar')"),
    Geval("een onbekende soort regel", "soort: eis", "soort: eisen", "eisen", 12,
          "de soort van instrumentregel 'trede' moet 'eis' of 'voorkeur' zijn, niet 'eisen'; bedoelde u 'eis'?"),
    Geval("de trede bepalen met de trede", "{doel: informeren}", "{niveau: informeren}", "{niveau: informeren}", 25,
          "'wanneer' van regel 1 van niveau.gewenst kan niet naar 'niveau' kijken: de trede wordt hier nog bepaald"),
    Geval("een tab", "      laag:\n", "\tlaag:\n", "\tlaag", 1,
          "teken dat hier niet mag (een tab? spring in met spaties)"),
    Geval("een YAML-tag", "titel: Kleine boom", "titel: !!python/object:os.system ls", "!!python", 10,
          "de YAML-tag 'tag:yaml.org,2002:python/object:os.system' is niet toegestaan; laat tags zoals !!python weg"),
]


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.naam for g in GEVALLEN])
def test_elke_regel_geeft_precies_zijn_melding_op_zijn_plek(tmp_path: Path, geval: Geval) -> None:
    schoon = KLEIN.read_text(encoding="utf-8")
    assert geval.van in schoon, "the case must change the clean tree"
    kapot = schoon.replace(geval.van, geval.naar, 1)
    pad = tmp_path / "klein.yaml"
    pad.write_text(kapot, encoding="utf-8")
    regel = next(n for n, r in enumerate(kapot.splitlines(), start=1) if geval.anker in r) + geval.lager

    rapport = valideer([pad], None, CATALOGUS)

    (bestand,) = rapport.bestanden
    assert [str(p) for p in bestand.problemen] == [f"{pad}:{regel}:{geval.kolom}: {geval.ernst}: {geval.bericht}"]
    assert rapport.exit_code == (1 if geval.ernst == "fout" else 0)


def test_de_schone_boom_is_schoon() -> None:
    rapport = valideer([KLEIN], None, CATALOGUS)
    assert [b.problemen for b in rapport.bestanden] == [()] and rapport.exit_code == 0


def test_instrumenten_die_geen_regel_kan_aanbevelen_krijgen_een_waarschuwing_in_de_catalogus(tmp_path: Path) -> None:
    pad = tmp_path / "klein.yaml"
    pad.write_text(KLEIN.read_text(encoding="utf-8").replace(
        "    kenmerk: niveaus\n    waarde_van: niveau\n    soort: eis\n",
        "    kenmerk: instrument\n    waarden: [focusgroep]\n    soort: voorkeur\n"), encoding="utf-8")
    catalogus = CATALOGUS.read_text(encoding="utf-8").splitlines()
    regel = catalogus.index("  burgerberaad:") + 1

    (bestand,) = valideer([pad], None, CATALOGUS).bestanden

    meldingen = [str(p) for p in bestand.problemen]
    assert len(meldingen) == 16  # every instrument of the 17 but focusgroep
    assert f"{CATALOGUS}:{regel}:3: waarschuwing: instrument 'burgerberaad' wordt nooit aanbevolen: geen " \
           "instrumentregel van boom 'klein' met een 'reden' zoekt een van zijn kenmerken" in meldingen
    assert not any("'focusgroep'" in m for m in meldingen)


def test_alle_problemen_tegelijk_en_elk_bestand_apart(tmp_path: Path) -> None:
    boom = tmp_path / "boom.yaml"
    boom.write_text(KLEIN.read_text(encoding="utf-8").replace("volgende: budget", "volgende: budgt")
                    .replace("{doel: informeren}", "{doel: informern}"), encoding="utf-8")
    catalogus = tmp_path / "catalogus.yaml"
    schoon = CATALOGUS.read_text(encoding="utf-8")
    assert "    niveaus: [adviseren, coproduceren, meebeslissen]" in schoon, "the case must change the catalogue"
    catalogus.write_text(schoon.replace("    niveaus: [adviseren, coproduceren, meebeslissen]",
                                        "    niveaus: [adviseeren, coproduceren, meebeslissen]", 1))
    rapport = valideer([boom, catalogus], None, CATALOGUS)
    boom_rapport, cat_rapport = rapport.bestanden
    assert boom_rapport.fouten == 2 and cat_rapport.fouten == 1
    assert "onbekende trede 'adviseeren'; bedoelde u 'adviseren'?" in str(cat_rapport.problemen[0])
    # the tree could not be compared with the broken catalogue given beside it, and says so
    assert rapport.exit_code == 1


def test_niet_te_lezen_is_exitcode_2_en_de_rest_wordt_nog_gecontroleerd(tmp_path: Path) -> None:
    rapport = valideer([tmp_path / "bestaat-niet.yaml", KLEIN], None, CATALOGUS)
    onleesbaar, klein = rapport.bestanden
    assert onleesbaar.onleesbaar and "bestand niet gevonden" in str(onleesbaar.problemen[0])
    assert klein.problemen == () and klein.samenvatting.startswith("2 vragen, 3 paden")
    assert rapport.exit_code == 2


def test_een_ander_soort_bestand_wordt_herkend_of_gemeld(tmp_path: Path) -> None:
    onbekend = tmp_path / "lijst.yaml"
    onbekend.write_text("boodschappen: [brood, kaas]\n", encoding="utf-8")
    (rapport,) = valideer([onbekend], None, CATALOGUS).bestanden
    assert rapport.soort is None and "onbekend soort bestand" in str(rapport.problemen[0])


@pytest.mark.parametrize("bestanden, code, op_het_scherm", [
    (["trees/rijksoverheid.yaml", "instruments.yaml", "trees/rijksoverheid.tests.yaml"], 0, "beslisboom in orde"),
    (["tests/bomen/klein.yaml", "bestaat-niet.yaml"], 2, "bestaat-niet.yaml: niet te lezen"),
])
def test_het_geinstalleerde_commando(bb, bestanden: list[str], code: int, op_het_scherm: str) -> None:
    uit = bb("boom", "valideer", *bestanden, cwd=Path(__file__).resolve().parent.parent)
    assert uit.returncode == code, uit.stdout + uit.stderr
    assert op_het_scherm in uit.stdout
    assert_geen_traceback(uit)


def test_het_geinstalleerde_commando_meldt_fouten_met_exitcode_1(bb, tmp_path: Path) -> None:
    pad = tmp_path / "boom.yaml"
    pad.write_text(KLEIN.read_text(encoding="utf-8").replace("volgende: budget", "volgende: budgt"), encoding="utf-8")
    uit = bb("boom", "valideer", str(pad), cwd=tmp_path)
    assert uit.returncode == 1
    assert f"{pad}:10:15: fout: 'volgende' van vraag 'doel' verwijst naar onbekende vraag 'budgt'" in uit.stdout
    assert f"✗ {pad}: 1 fout" in uit.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_de_catalogus_die_een_boom_noemt_wordt_een_keer_gelezen(tmp_path: Path) -> None:
    """bb boom valideer read the named catalogue twice (once to see it can be read, once to check
    it); a catalogue that can be read once (a pipe) was then 'empty'. The bytes checked are the bytes read."""
    boom = tmp_path / "boom.yaml"
    boom.write_text(KLEIN.read_text(encoding="utf-8").replace("  id: klein\n", "  id: klein\n  catalogus: c.yaml\n"),
                    encoding="utf-8")
    fifo = tmp_path / "c.yaml"
    os.mkfifo(fifo)
    schrijver = threading.Thread(target=fifo.write_bytes, args=(b"basis: standaard\n",), daemon=True)
    schrijver.start()  # waits in open() until bb opens the pipe to read it
    try:
        uit = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    finally:
        if schrijver.is_alive():  # bb never read it: let the writer go
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        schrijver.join(5)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert f"✓ {boom}" in uit.stdout and "leeg" not in uit.stdout, uit.stdout
