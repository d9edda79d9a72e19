"""A tree, catalogue or scenario file that builds on another (`basis:`) holds only what differs:
the rest comes from its base, so an update of the base reaches it without a merge. Every
problem stays located in the file where the text stands, with the chain named."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.fouten import ModelFout
from burgers_betrekken.lezen.boom import laad_boom, laad_boom_met_herkomst
from burgers_betrekken.lezen.catalogus import laad_catalogus
from burgers_betrekken.lezen.json_schema import schema
from burgers_betrekken.lezen.scenarios import laad_scenarios
from burgers_betrekken.opslag.laden import laad
from tests.conftest import ROOT

RIJK = ROOT / "trees" / "rijksoverheid.yaml"
BOA = yaml.safe_load((ROOT / "examples" / "boa-bestel.yaml").read_text(encoding="utf-8"))

AANPASSING = """\
basis: rijksoverheid
boom:
  id: ministerie_x
  titel: Burgers betrekken bij ministerie X
vragen:
  doel:
    tekst: Waarvoor wilt u burgers betrekken?
    opties:
      verkennen:
        label: Eerst verkennen wat er speelt
        volgende: ruimte
let_op:
  leg_uit: weg
  eigen_punt:
    titel: Bel het participatiebureau
    tekst: Ministerie X heeft een eigen participatiebureau; bel het vóór u begint.
    bron: Werkwijze ministerie X
    wanneer: {}
"""


def _schrijf(map_: Path, naam: str, tekst: str) -> Path:
    pad = map_ / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _fout(pad: Path) -> list[str]:
    with pytest.raises(ModelFout) as e:
        laad_boom(pad)
    return [str(p) for p in e.value.problemen]


def test_een_aanpassing_bevat_alleen_wat_anders_is(tmp_path: Path) -> None:
    basis = laad_boom(RIJK)
    b = laad_boom(_schrijf(tmp_path, "x.yaml", AANPASSING))
    assert (b.id, b.titel, b.versie) == ("ministerie_x", "Burgers betrekken bij ministerie X", basis.versie)
    assert b.vraag("doel").tekst == "Waarvoor wilt u burgers betrekken?"
    assert b.vraag("doel").optie_ids == (*basis.vraag("doel").optie_ids, "verkennen")
    assert b.vraag("doel").volgende_na("verkennen") == "ruimte"
    assert b.vraag("fase") == basis.vraag("fase")  # untouched: exactly the base's question
    assert [lo.id for lo in b.let_op] == [lo.id for lo in basis.let_op if lo.id != "leg_uit"] + ["eigen_punt"]
    assert b.bases == ((str(RIJK), _sha(RIJK)),)


def _sha(pad: Path) -> str:
    import hashlib

    return hashlib.sha256(pad.read_bytes()).hexdigest()


def test_het_advies_volgt_de_aanpassing(tmp_path: Path) -> None:
    b, c = laad(_schrijf(tmp_path, "x.yaml", AANPASSING), None)
    advies = engine.advies(b, c, BOA)
    basis = engine.advies(*laad(RIJK, None), BOA)
    assert [lo.id for lo in advies.let_op] == [lo.id for lo in basis.let_op if lo.id != "leg_uit"] + ["eigen_punt"]
    assert [a.instrument.id for a in advies.instrumenten] == [a.instrument.id for a in basis.instrumenten]


def test_een_verandering_in_de_basis_komt_door_ook_uit_de_cache(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("BB_CACHE", str(cache))
    basis = _schrijf(tmp_path, "basis.yaml", RIJK.read_text(encoding="utf-8"))
    eigen = _schrijf(tmp_path, "eigen.yaml", "basis: basis.yaml\nboom:\n  id: eigen\n")
    assert laad(eigen, None)[0].vraag("fase").tekst == "In welke fase zit uw traject?"
    assert laad(eigen, None)[0].vraag("fase").tekst == "In welke fase zit uw traject?"  # from the cache
    basis.write_text(basis.read_text(encoding="utf-8").replace("In welke fase zit uw traject?", "Welke fase?"),
                     encoding="utf-8")
    b = laad(eigen, None)[0]
    assert b.vraag("fase").tekst == "Welke fase?"
    assert b.sha256 == laad_boom(eigen).sha256  # the cached model has the identity of the new chain


def test_de_identiteit_van_een_aanpassing_omvat_haar_basis(tmp_path: Path) -> None:
    basis = _schrijf(tmp_path, "basis.yaml", RIJK.read_text(encoding="utf-8"))
    eigen = _schrijf(tmp_path, "eigen.yaml", "basis: basis.yaml\nboom:\n  id: eigen\n")
    voor = laad_boom(eigen).sha256
    basis.write_text(basis.read_text(encoding="utf-8") + "\n# een regel erbij\n", encoding="utf-8")
    assert laad_boom(eigen).sha256 != voor  # a record made before says the tree changed


def test_een_basis_die_niet_bestaat(tmp_path: Path) -> None:
    fouten = _fout(_schrijf(tmp_path, "x.yaml", "basis: rijksoverhied\nboom:\n  id: x\n"))
    assert fouten == [f"{tmp_path / 'x.yaml'}:1:8: fout: de basis 'rijksoverhied' bestaat niet; bedoelde u "
                      f"'rijksoverheid'?; geef een pad naar een bestand (ten opzichte van dit bestand) of een "
                      f"meegeleverde naam ('rijksoverheid', 'uitvoeringsorganisatie')"]
    fouten = _fout(_schrijf(tmp_path, "y.yaml", "boom:\n  id: y\nbasis: sub/nergens.yaml\n"))
    assert fouten == [f"{tmp_path / 'y.yaml'}:3:8: fout: de basis 'sub/nergens.yaml' bestaat niet "
                      f"(gezocht: {tmp_path / 'sub/nergens.yaml'})"]


def test_een_kring_van_bases(tmp_path: Path) -> None:
    _schrijf(tmp_path, "a.yaml", "basis: b.yaml\nboom:\n  id: a\n")
    _schrijf(tmp_path, "b.yaml", "boom:\n  id: b\nbasis: a.yaml\n")
    fouten = _fout(tmp_path / "a.yaml")
    assert len(fouten) == 1
    assert fouten[0].startswith(f"{tmp_path / 'b.yaml'}:3:8: fout: de bases vormen een kring: ")
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert fouten[0].endswith(f"{a} → {b} → {a} (basis van {a})")


def test_een_weggehaalde_vraag_waar_nog_naar_verwezen_wordt(tmp_path: Path) -> None:
    fouten = _fout(_schrijf(tmp_path, "x.yaml", "basis: rijksoverheid\nvragen:\n  doelgroep: weg\n"))
    tekst = RIJK.read_text(encoding="utf-8").splitlines()
    # every reference is reported where it stands, in the base, with where the question was removed
    assert len(fouten) >= 5
    for f in fouten:
        plek, _, bericht = f.partition(": fout: ")
        bestand, regel, _ = plek.rsplit(":", 2)
        assert bestand == str(RIJK) and "doelgroep" in tekst[int(regel) - 1], f
        assert bericht.endswith(f"'doelgroep' is weggehaald in {tmp_path / 'x.yaml'}:3:3 (basis van "
                                f"{tmp_path / 'x.yaml'})"), f


def test_weg_voor_iets_dat_de_basis_niet_heeft(tmp_path: Path) -> None:
    fouten = _fout(_schrijf(tmp_path, "x.yaml", "basis: rijksoverheid\nlet_op:\n  leg_uiit: weg\n"))
    assert fouten == [f"{tmp_path / 'x.yaml'}:3:3: fout: 'leg_uiit: weg' haalt iets weg, maar de basis heeft "
                      f"geen 'leg_uiit' op deze plek; bedoelde u 'leg_uit'?"]


def test_een_fout_in_de_aanpassing_staat_in_de_aanpassing(tmp_path: Path) -> None:
    fouten = _fout(_schrijf(tmp_path, "x.yaml", "basis: rijksoverheid\nvragen:\n  doel:\n    tekts: Waarvoor?\n"))
    assert fouten == [f"{tmp_path / 'x.yaml'}:4:5: fout: onbekende sleutel 'tekts' in vraag 'doel'; bedoelde u "
                      f"'tekst'? (toegestaan: 'tekst', 'toelichting', 'volgende', 'weet_niet', 'standaard', 'opties')"]


def test_een_woord_weg_als_waarde_blijft_een_waarde(tmp_path: Path) -> None:
    b = laad_boom(_schrijf(tmp_path, "x.yaml", "basis: rijksoverheid\nboom:\n  id: weg\n"))
    assert b.id == "weg"


def test_weg_als_waarde_van_een_nieuw_veld_is_een_waarde(tmp_path: Path) -> None:
    """Found by review: 'volgende: weg' where the base has no 'volgende' was read as a removal."""
    b = laad_boom(_schrijf(tmp_path, "x.yaml", "basis: rijksoverheid\nvragen:\n  doel:\n    opties:\n"
                           "      inzichten:\n        volgende: weg\n  weg:\n    tekst: Een vraag die weg heet\n"
                           "    volgende: ruimte\n    opties:\n      ja: {label: Ja}\n      nee: {label: Nee}\n"))
    assert b.vraag("doel").volgende_na("inzichten") == "weg" and b.vraag("weg").volgende_na("ja") == "ruimte"


@pytest.mark.parametrize("bestanden, fout", [
    # a folder with the name of a shipped tree does not hide it
    ({"x.yaml": "basis: rijksoverheid\n", "rijksoverheid/": ""}, None),
    ({"x.yaml": "basis: sub\n", "sub/": ""}, "x.yaml:1:8: fout: de basis 'sub' is een map, geen bestand"),
    ({"x.yaml": "basis: ./sub\n", "sub/": ""}, "x.yaml:1:8: fout: de basis './sub' is een map, geen bestand"),
    ({"x.yaml": "basis: /dev/zero\n"}, "x.yaml:1:8: fout: de basis '/dev/zero' is niet te lezen: '/dev/zero' is "
                                       "groter dan 8 MB"),
    ({"x.yaml": "basis: lijst.yaml\n", "lijst.yaml": "- a\n- b\n"},
     "x.yaml:1:8: fout: de basis 'lijst.yaml' bevat een lijst, geen beslisboom"),
    ({"x.yaml": "basis: ''\n"}, "x.yaml:1:8: fout: 'basis' moet de naam of het pad van een bestand zijn, maar is leeg"),
    ({"x.yaml": "basis: standaard\n"}, "x.yaml:1:8: fout: 'standaard' is de meegeleverde catalogus; een beslisboom "
                                       "bouwt voort op een meegeleverde boom"),
    # a required key removed by the overlay: said where it was removed
    ({"x.yaml": "basis: rijksoverheid\nvragen: ~\n"},
     "x.yaml:2:1: fout: de beslisboom mist de verplichte sleutel 'vragen': die is hier weggehaald"),
    ({"x.yaml": "basis: rijksoverheid\nlet_op:\n  nieuw: ~\n"},
     "x.yaml:3:3: fout: 'nieuw: ~' haalt iets weg, maar de basis heeft geen 'nieuw' op deze plek"),
])
def test_vijandige_bases_geven_een_fout_met_plek(tmp_path: Path, bestanden: dict[str, str], fout: str | None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BB_BASISMAPPEN", "/dev")  # /dev/zero may be a base only from a folder the user names
    for naam, tekst in bestanden.items():
        if naam.endswith("/"):
            (tmp_path / naam).mkdir()
        else:
            _schrijf(tmp_path, naam, tekst)
    if fout is None:
        assert laad_boom(tmp_path / "x.yaml").bases[0][0].endswith("trees/rijksoverheid.yaml")
        return
    fouten = _fout(tmp_path / "x.yaml")
    assert len(fouten) == 1 and fouten[0].startswith(f"{tmp_path}/{fout}"), fouten


def test_een_voorwaarde_wordt_in_zijn_geheel_vervangen(tmp_path: Path) -> None:
    """A changed `wanneer` replaces the base's condition; merging them would silently AND both."""
    b = laad_boom(_schrijf(tmp_path, "x.yaml",
                           "basis: rijksoverheid\nlet_op:\n  leg_uit:\n    wanneer: {doel: inzichten}\n"))
    leg_uit = next(lo for lo in b.let_op if lo.id == "leg_uit")
    assert leg_uit.wanneer.sleutels() == {"doel"}


def test_herkomst_noemt_voor_elk_onderdeel_het_bestand_en_de_regel(tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, "x.yaml", AANPASSING)
    boom, herkomst = laad_boom_met_herkomst(pad)
    assert repr(boom) == repr(laad_boom(pad))  # the tree that comes with it is the tree itself
    waar = {onderdeel: [f"{Path(p.bestand).name}:{p.regel}" for p in plekken] for onderdeel, plekken in herkomst}
    rijk = RIJK.read_text(encoding="utf-8").splitlines()
    fase = rijk.index("  fase:") + 1
    assert waar["vragen.fase"] == [f"rijksoverheid.yaml:{fase}"]
    assert waar["vragen.doel"] == [f"rijksoverheid.yaml:{rijk.index('  doel:') + 1}", "x.yaml:7"]
    assert waar["let_op.eigen_punt"] == ["x.yaml:14"]
    assert waar["vragen.doel.opties.verkennen"] == ["x.yaml:9"]
    assert "let_op.leg_uit" not in waar


def test_een_catalogus_die_op_de_standaard_voortbouwt(tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, "cat.yaml", "basis: standaard\ninstrumenten:\n  burgerberaad:\n    kosten: "
                                         "Hoog; bij ministerie X betaalt de directie\n  enquete: weg\n")
    c = laad_catalogus(pad)
    basis = laad_catalogus(ROOT / "instruments.yaml")
    assert [i.id for i in c.instrumenten] == [i.id for i in basis.instrumenten if i.id != "enquete"]
    assert c.instrument("burgerberaad").kosten == "Hoog; bij ministerie X betaalt de directie"
    assert c.instrument("burgerberaad").samenvatting == basis.instrument("burgerberaad").samenvatting


def test_scenarios_bouwen_voort_op_die_van_de_basis(tmp_path: Path) -> None:
    _schrijf(tmp_path, "x.yaml", AANPASSING)
    pad = _schrijf(tmp_path, "x.tests.yaml", "basis: rijksoverheid\nscenarios:\n  informeren: weg\n"
                                             "  boa_bestel:\n    verwacht:\n      niveau: raadplegen\n")
    reeks = laad_scenarios(pad)
    basis = laad_scenarios(ROOT / "trees" / "rijksoverheid.tests.yaml")
    assert reeks.boom == tmp_path / "x.yaml"  # its own tree, never the base's
    assert [s.id for s in reeks.scenarios] == [s.id for s in basis.scenarios if s.id != "informeren"]
    boa = next(s for s in reeks.scenarios if s.id == "boa_bestel")
    assert boa.verwacht.niveau == "raadplegen"
    assert boa.verwacht.in_top == next(s for s in basis.scenarios if s.id == "boa_bestel").verwacht.in_top


def test_het_json_schema_kent_de_aanpassing() -> None:
    v = jsonschema.Draft202012Validator(schema("boom"))
    assert list(v.iter_errors(yaml.safe_load(AANPASSING))) == []
    zonder_basis = yaml.safe_load(AANPASSING)
    del zonder_basis["basis"]
    assert any("required" in e.message or "is a required property" in e.message
               for e in v.iter_errors(zonder_basis))
    kapot = yaml.safe_load(AANPASSING)
    kapot["vragen"]["doel"]["tekts"] = "x"
    assert list(v.iter_errors(kapot)) != []


def test_bb_boom_valideer_en_toon_herkomst(tmp_path: Path, bb) -> None:
    _schrijf(tmp_path, "x.yaml", AANPASSING)
    uit = bb("boom", "valideer", "x.yaml", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert "bouwt voort op de meegeleverde boom 'rijksoverheid'" in uit.stdout
    uit = bb("boom", "toon", "x.yaml", "--herkomst", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert "vraag doel" in uit.stdout and "x.yaml:7" in uit.stdout
    assert max(len(r) for r in uit.stdout.splitlines()) <= 80


def test_init_met_basis_begint_met_kleine_bestanden_die_meteen_werken(tmp_path: Path, bb) -> None:
    uit = bb("init", "ministerie-x", "--basis", "rijksoverheid", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    map_ = tmp_path / "ministerie-x"
    boom = (map_ / "boom.yaml").read_text(encoding="utf-8")
    assert "\nbasis: rijksoverheid\n" in boom and "  id: ministerie_x\n" in boom
    assert len(boom.splitlines()) < 40  # only what differs, not a copy of 500 lines
    assert "\nbasis: standaard\n" in (map_ / "instruments.yaml").read_text(encoding="utf-8")
    uit = bb("boom", "valideer", "ministerie-x/boom.yaml", "ministerie-x/instruments.yaml",
             "ministerie-x/boom.tests.yaml", cwd=tmp_path)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "bouwt voort op de meegeleverde boom 'rijksoverheid'" in uit.stdout
    uit = bb("boom", "test", "ministerie-x/boom.tests.yaml", cwd=tmp_path)
    assert uit.returncode == 0, uit.stdout
    gedraaid = len(laad_scenarios(ROOT / "trees" / "rijksoverheid.tests.yaml").scenarios)
    assert f"Resultaat: {gedraaid} geslaagd" in uit.stdout
    assert bb("init", "y", "--basis", "rijksoverheid", "--boom", "rijksoverheid", cwd=tmp_path).returncode == 2


def test_een_nieuw_item_komt_voor_het_eerstvolgende_bestaande_dat_de_aanpassing_noemt(tmp_path: Path) -> None:
    """Tie-breaks apply in order: an overlay can put a new one first by naming a base item after it."""
    basis = [r.id for r in laad_boom(RIJK).voorrang]
    b = laad_boom(_schrijf(tmp_path, "x.yaml", """\
basis: rijksoverheid
gelijke_punten:
  eerst:
    kenmerk: kosten
    volgorde: [laag]
    reden: minder kosten
  opzoeken: {}
  beraadslaging: weg
  achteraan:
    kenmerk: kosten
    volgorde: [hoog]
    reden: meer kosten
"""))
    assert [r.id for r in b.voorrang] == ["eerst", *[i for i in basis if i != "beraadslaging"], "achteraan"]


def test_valideer_meldt_wat_er_mis_is_met_de_basis_van_een_bestand_met_alleen_basis(tmp_path: Path, bb) -> None:
    """Found by review: a file with only `basis:` whose chain loops, or whose basis is not a name,
    was called 'onbekend soort bestand' by bb boom valideer, while bb advies said what was wrong."""
    _schrijf(tmp_path, "a.yaml", "basis: b.yaml\n")
    _schrijf(tmp_path, "b.yaml", "basis: a.yaml\n")
    _schrijf(tmp_path, "lijst.yaml", "basis: [rijksoverheid]\n")
    uit = bb("boom", "valideer", "a.yaml", "lijst.yaml", cwd=tmp_path)
    tekst = uit.stdout + uit.stderr
    assert uit.returncode == 1 and "onbekend soort" not in tekst, tekst
    assert "b.yaml:1:8: fout: de bases vormen een kring: a.yaml → b.yaml → a.yaml" in tekst
    assert "lijst.yaml:1:8: fout: 'basis' moet de naam of het pad van een bestand zijn, maar is een lijst" in tekst


def test_een_weggehaalde_optie_wordt_genoemd_bij_haar_vraag_en_niet_bij_een_vraag_met_die_naam(
        tmp_path: Path) -> None:
    """Found by review: removals were keyed by the bare id, so a reference to a question 'kort' got
    the hint of a removed option 'kort', and references to the removed option got none."""
    pad = _schrijf(tmp_path, "x.yaml", "basis: rijksoverheid\nvragen:\n  doorlooptijd: {opties: {kort: weg}}\n"
                                       "  tijdsdruk: {volgende: kort}\n")
    fouten = _fout(pad)
    hint = f"'kort' is weggehaald in {pad}:3:27"
    vraag = [f for f in fouten if "verwijst naar onbekende vraag 'kort'" in f]
    optie = [f for f in fouten if "'doorlooptijd'" in f and "optie 'kort'" in f]
    assert len(vraag) == 1 and hint not in vraag[0]
    assert len(optie) >= 3 and all(hint in f for f in optie), optie
