"""Loading YAML: every mistake a policy adviser makes gets a located Dutch message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from burgers_betrekken.lezen.antwoorden import laad_antwoorden
from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.lezen.catalogus import controleer_samenhang, laad_catalogus
from burgers_betrekken.kern.fouten import AntwoordFout, BbFout, InvoerFout, ModelFout, YamlFout

from conftest import ROOT

BOOM_TEKST = (ROOT / "trees" / "rijksoverheid.yaml").read_text(encoding="utf-8")
CATALOGUS_TEKST = (ROOT / "instruments.yaml").read_text(encoding="utf-8")


def regel_van(tekst: str, fragment: str) -> int:
    """1-based line number of the first line containing `fragment`."""
    for nr, regel in enumerate(tekst.splitlines(), start=1):
        if fragment in regel:
            return nr
    raise AssertionError(f"{fragment!r} not in text")


def bewerkte_boom(tmp_path: Path, oud: str, nieuw: str) -> tuple[Path, str]:
    assert oud in BOOM_TEKST, oud
    tekst = BOOM_TEKST.replace(oud, nieuw, 1)
    pad = tmp_path / "boom.yaml"
    pad.write_text(tekst, encoding="utf-8")
    return pad, tekst


def fout_bij(tmp_path: Path, oud: str, nieuw: str, soort: type[BbFout] = ModelFout) -> tuple[BbFout, str]:
    pad, tekst = bewerkte_boom(tmp_path, oud, nieuw)
    with pytest.raises(soort) as info:
        laad_boom(pad)
    return info.value, tekst


def test_de_meegeleverde_bestanden_laden_zonder_fouten(boom, catalogus) -> None:
    assert boom.id == "rijksoverheid" and boom.start == "fase"
    assert {"fase", "doel", "ruimte", "doelgroep", "budget", "doorlooptijd", "tijdsdruk"} == set(boom.vragen)
    assert [t.id for t in catalogus.ladder] == ["informeren", "raadplegen", "adviseren", "coproduceren",
                                                "meebeslissen"]
    ids = {i.id for i in catalogus.instrumenten}
    assert {"burgerberaad", "burgerdialoog", "focusgroep", "straatgesprek", "enquete", "usability_onderzoek",
            "klantpanel", "community_onderzoek", "diepte_interviews", "participatieve_waardenevaluatie",
            "burgerpanel", "experiment", "burgerbegroting", "initiatief_ondersteunen"} <= ids
    assert len(ids) == 17
    assert {"diepgang", "continuiteit"} <= set(catalogus.kenmerken)
    assert any(i.uitsluitingen for i in catalogus.instrumenten)  # wanneer_niet with a condition
    assert {lo.id for lo in boom.let_op} == {"informeren_geen_participatie", "vinkjes_participatie", "leg_uit",
                                             "anticyclisch", "uitnodigende_rol", "moeilijk_bereikbaar",
                                             "ruimte_vragen", "te_weinig_tijd_of_geld", "uitleg_testen"}
    assert "gebruikers_moeilijk" in boom.vraag("doelgroep").optie_ids
    assert boom.wat_als == ("ruimte", "budget", "doorlooptijd")
    assert boom.voorrang and all(v.reden for v in boom.voorrang)  # gelijke_punten
    regels = {r.id for r in boom.instrumentregels}
    assert not regels & {"informeren", "geen_ruimte", "budget_hoog", "tijd_lang", "snel_inzetbaar"}


def test_een_tab_als_inspringing(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "    tekst: Wie wilt u betrekken?", "\ttekst: Wie wilt u betrekken?", YamlFout)
    assert "tab" in fout.bericht and "spaties" in fout.bericht
    assert fout.locatie is not None and fout.locatie.regel == regel_van(tekst, "\ttekst: Wie wilt")


def test_een_vergeten_dubbele_punt(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "    volgende: budget\n", "    volgende budget\n", YamlFout)
    assert fout.locatie is not None and fout.locatie.bestand.endswith("boom.yaml")
    assert abs(fout.locatie.regel - regel_van(tekst, "volgende budget")) <= 1
    assert "inspringing" in fout.bericht or "':'" in fout.bericht


def test_een_niet_afgesloten_aanhalingsteken(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "label: Nee\n", 'label: "Nee\n', YamlFout)
    assert "aanhalingsteken" in fout.bericht
    assert fout.locatie is not None and fout.locatie.regel == regel_van(tekst, 'label: "Nee')


def test_een_dubbele_sleutel_is_een_fout(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "      hoog:\n        label: Hoog",
                           "      laag:\n        label: Hoog", YamlFout)
    assert "sleutel 'laag' komt twee keer voor" in fout.bericht
    assert fout.locatie is not None and fout.locatie.regel == regel_van(tekst, "        label: Hoog") - 1


def test_python_tags_worden_geweigerd_en_niet_uitgevoerd(tmp_path: Path) -> None:
    fout, _ = fout_bij(tmp_path, "titel: Burgers betrekken bij beleid en dienstverlening",
                       "titel: !!python/object/apply:os.system ['touch gehackt']", YamlFout)
    assert "niet toegestaan" in fout.bericht
    assert not (tmp_path / "gehackt").exists() and not Path("gehackt").exists()


def test_ankers_en_verwijzingen_worden_geweigerd(tmp_path: Path) -> None:
    pad = tmp_path / "bom.yaml"
    pad.write_text("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", encoding="utf-8")
    with pytest.raises(YamlFout, match="ankers en verwijzingen"):
        laad_boom(pad)


def test_onbekende_sleutel_krijgt_een_suggestie(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "    tekst: Wie wilt u betrekken?", "    tekts: Wie wilt u betrekken?")
    berichten = [str(p) for p in fout.problemen]
    assert any(f":{regel_van(tekst, 'tekts:')}:5: fout: onbekende sleutel 'tekts' in vraag 'doelgroep'; "
               f"bedoelde u 'tekst'?" in b for b in berichten), berichten


def test_volgende_naar_een_onbekende_vraag(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "    volgende: doorlooptijd\n", "    volgende: doorloptijd\n")
    assert "verwijst naar onbekende vraag 'doorloptijd'; bedoelde u 'doorlooptijd'?" in fout.bericht
    assert fout.locatie is not None and fout.locatie.regel == regel_van(tekst, "volgende: doorloptijd")
    assert fout.locatie.kolom == 15


def test_een_optie_zonder_label(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "      kort:\n        label: Kort — minder dan twee maanden",
                           "      kort:\n        toelichting: Kort — minder dan twee maanden")
    assert "optie 'kort' van vraag 'doorlooptijd' mist de verplichte sleutel 'label'" in fout.bericht
    assert fout.locatie is not None and fout.locatie.regel == regel_van(tekst, "      kort:") + 1


def test_ja_nee_woorden_van_yaml_11_moeten_tussen_aanhalingstekens(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "label: Nee\n", "label: no\n")
    assert "ja/nee-waarde" in fout.bericht and "aanhalingstekens" in fout.bericht
    assert fout.locatie is not None and fout.locatie.regel == regel_van(tekst, "label: no")


def test_een_kringloop_in_de_vragen(tmp_path: Path) -> None:
    fout, _ = fout_bij(tmp_path, "    volgende: advies\n    opties:\n      ja:",
                       "    volgende: fase\n    opties:\n      ja:")
    assert "kringloop" in fout.bericht and "fase →" in fout.bericht


def test_wanneer_met_een_onbekende_optie(tmp_path: Path) -> None:
    fout, tekst = fout_bij(tmp_path, "    wanneer: {doelgroep: initiatief}", "    wanneer: {doelgroep: initiatif}")
    assert "vraag 'doelgroep' heeft geen optie 'initiatif'; bedoelde u 'initiatief'?" in fout.bericht


def test_alle_problemen_tegelijk(tmp_path: Path) -> None:
    pad, tekst = bewerkte_boom(tmp_path, "    volgende: doorlooptijd\n", "    volgende: doorloptijd\n")
    tekst = tekst.replace("    tekst: Wie wilt u betrekken?", "    tekts: Wie wilt u betrekken?")
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(ModelFout) as info:
        laad_boom(pad)
    berichten = [p.bericht for p in info.value.problemen]
    assert len(berichten) == 2, berichten  # the misspelt key (not also "missing 'tekst'") and the unknown next
    assert any("onbekende sleutel 'tekts'" in b for b in berichten)
    assert any("onbekende vraag 'doorloptijd'" in b for b in berichten)


@pytest.mark.parametrize("inhoud, verwacht", [
    ("fase: evaluatie\n".encode("utf-16"), "UTF-16"),
    ("fase: évaluatie\n".encode("latin-1"), "geen geldige UTF-8"),
    (b"fase: eval\x00uatie\n", "NUL"),
])
def test_verkeerde_codering(tmp_path: Path, inhoud: bytes, verwacht: str) -> None:
    pad = tmp_path / "antwoorden.yaml"
    pad.write_bytes(inhoud)
    with pytest.raises(YamlFout, match=verwacht):
        laad_antwoorden(pad)


def test_een_bom_aan_het_begin_is_prima(tmp_path: Path) -> None:
    pad = tmp_path / "antwoorden.yaml"
    pad.write_bytes("\ufefffase: evaluatie\n".encode("utf-8"))
    assert laad_antwoorden(pad).waarden == {"fase": "evaluatie"}


def test_bestand_niet_gevonden_en_map(tmp_path: Path) -> None:
    with pytest.raises(InvoerFout, match="bestand niet gevonden"):
        laad_boom(tmp_path / "bestaat-niet.yaml")
    with pytest.raises(InvoerFout, match="is een map"):
        laad_boom(tmp_path)


def test_antwoorden_moeten_een_mapping_zijn(tmp_path: Path) -> None:
    pad = tmp_path / "a.yaml"
    pad.write_text("- fase\n- doel\n", encoding="utf-8")
    with pytest.raises(AntwoordFout, match="vraag-id: optie-id"):
        laad_antwoorden(pad)
    pad.write_text("fase: [evaluatie]\n", encoding="utf-8")
    with pytest.raises(AntwoordFout, match="moet tekst zijn"):
        laad_antwoorden(pad)


def test_ongeldige_json_met_regel_en_kolom(tmp_path: Path) -> None:
    pad = tmp_path / "a.json"
    pad.write_text('{\n  "fase": "evaluatie",\n  "doel" "inzichten"\n}\n', encoding="utf-8")
    with pytest.raises(YamlFout) as info:
        laad_antwoorden(pad)
    assert str(info.value.locatie) == f"{pad}:3:10"


def test_catalogus_met_onbekende_trede_en_kenmerkwaarde(tmp_path: Path) -> None:
    tekst = CATALOGUS_TEKST.replace("niveaus: [adviseren, coproduceren, meebeslissen]",
                                    "niveaus: [adviseren, coproduceren, meebesliss]")
    assert "      kosten: hoog " in tekst, "the case must change the catalogue"
    tekst = tekst.replace("      kosten: hoog ", "      kosten: duur ", 1)
    pad = tmp_path / "cat.yaml"
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(ModelFout) as info:
        laad_catalogus(pad)
    berichten = " | ".join(str(p) for p in info.value.problemen)
    assert "onbekende trede 'meebesliss'; bedoelde u 'meebeslissen'?" in berichten
    assert f":{regel_van(tekst, 'kosten: duur')}:" in berichten and "onbekende waarde 'duur'" in berichten


def test_boom_en_catalogus_moeten_bij_elkaar_passen(tmp_path: Path, catalogus) -> None:
    pad, tekst = bewerkte_boom(tmp_path, "    kenmerk: kanaal\n", "    kenmerk: kannaal\n")
    with pytest.raises(ModelFout) as info:
        controleer_samenhang(laad_boom(pad), catalogus)
    assert "onbekend kenmerk 'kannaal'; bedoelde u 'kanaal'?" in info.value.bericht
    assert info.value.locatie is not None and info.value.locatie.regel == regel_van(tekst, "kenmerk: kannaal")


def test_een_verwijzing_wordt_gemeld_waar_ze_gebruikt_wordt(tmp_path: Path) -> None:
    pad = tmp_path / "bom.yaml"
    pad.write_text("a: &a [x, x]\nb: [x, *a]\n", encoding="utf-8")
    with pytest.raises(YamlFout) as fout:
        laad_boom(pad)
    assert fout.value.locatie == (str(pad), 2, 8)


def test_honderd_niveaus_mag_honderdeen_is_te_diep() -> None:
    from burgers_betrekken.lezen.knopen import MAX_DIEPTE, parse_yaml

    knoop = parse_yaml("[" * (MAX_DIEPTE + 1) + "]" * (MAX_DIEPTE + 1), "diep.yaml")
    for _ in range(MAX_DIEPTE):
        knoop = knoop.waarde[0]
    assert knoop.is_lijst and knoop.waarde == []
    with pytest.raises(YamlFout, match="te diep genest") as fout:
        parse_yaml("a:\n  b: " + "[" * (MAX_DIEPTE + 2) + "]" * (MAX_DIEPTE + 2), "diep.yaml")
    assert fout.value.locatie == ("diep.yaml", 2, 6 + MAX_DIEPTE - 1)  # the first list one level too deep


def test_een_diepte_die_de_c_stapel_zou_opblazen_is_een_nette_fout() -> None:
    # PyYAML 6.0.1 with libyaml 0.2.5 composed recursively in C and crashed (SIGSEGV) from about
    # 40,000 levels; libyaml 0.2.6 stops at 1,000 with its own error. Either way: one located error.
    from burgers_betrekken.lezen.knopen import parse_yaml

    with pytest.raises(YamlFout, match="te diep genest") as fout:
        parse_yaml("- " + "[" * 200_000 + "]" * 200_000 + "\n", "diep.yaml")
    assert fout.value.locatie.bestand == "diep.yaml" and fout.value.locatie.regel == 1
