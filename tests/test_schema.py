"""`bb schema`: JSON Schema generated from the same shape declarations the loaders read with.
An independent validator (jsonschema) accepts every shipped file, and rejects the broken files
the loader rejects."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from burgers_betrekken.lezen.begrippen import laad_begrippen
from burgers_betrekken.lezen.boom import laad_boom
from burgers_betrekken.lezen.catalogus import laad_catalogus
from burgers_betrekken.kern.fouten import BbFout
from burgers_betrekken.lezen.scenarios import laad_scenarios
from burgers_betrekken.lezen.json_schema import schema
from tests.conftest import ROOT, assert_geen_traceback

KLEIN = Path(__file__).parent / "bomen" / "klein.yaml"
LADERS = {"boom": laad_boom, "catalogus": laad_catalogus, "scenarios": laad_scenarios,
          "begrippen": laad_begrippen}


def validator(soort: str) -> jsonschema.Draft202012Validator:
    s = schema(soort)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


@pytest.mark.parametrize("soort, bestand", [
    ("boom", "trees/rijksoverheid.yaml"),
    ("boom", "trees/uitvoeringsorganisatie.yaml"),
    ("catalogus", "instruments.yaml"),
    ("scenarios", "trees/rijksoverheid.tests.yaml"),
    ("scenarios", "trees/uitvoeringsorganisatie.tests.yaml"),
    ("begrippen", "begrippen.yaml"),
])
def test_de_meegeleverde_bestanden_voldoen_aan_het_schema(soort: str, bestand: str) -> None:
    data = yaml.safe_load((ROOT / bestand).read_text(encoding="utf-8"))
    fouten = [f"{list(e.absolute_path)}: {e.message}" for e in validator(soort).iter_errors(data)]
    assert fouten == []


# Breaks that the shape alone can see: the loader and the schema must both refuse each.
KAPOT = [
    ("een onbekende sleutel", "    tekst: Wat is het doel?", "    tekts: Wat is het doel?"),
    ("een ontbrekend label", "        label: Hoog", "        toelichting: Hoog"),
    ("een getal als versie", 'versie: "1.0"', "versie: 1.0"),
    ("één optie", "      hoog:\n        label: Hoog\n", ""),
    ("een ongeldige id", "      laag:\n", "      Laag:\n"),
    ("een onbekende soort", "soort: eis", "soort: eisen"),
    ("een leeg label", "label: Hoog", 'label: ""'),
    ("een lijst als tekst", "tekst: Hoeveel budget is er?", "tekst: [Hoeveel, budget]"),
    ("punten als tekst", "    soort: eis\n", "    soort: eis\n    punten: veel\n"),
    ("een ontbrekende start", "start: doel\n", ""),
    ("een lege conditie-waarde", "{doel: informeren}", "{doel: []}"),
    ("een onbekende sleutel in een let_op", "    bron: Burgers", "    bronn: Burgers"),
]


@pytest.mark.parametrize("naam, van, naar", KAPOT, ids=[k[0] for k in KAPOT])
def test_lader_en_schema_weigeren_dezelfde_kapotte_boom(tmp_path: Path, naam: str, van: str, naar: str) -> None:
    tekst = KLEIN.read_text(encoding="utf-8")
    assert van in tekst
    pad = tmp_path / "kapot.yaml"
    pad.write_text(tekst.replace(van, naar, 1), encoding="utf-8")

    with pytest.raises(BbFout):
        laad_boom(pad)
    assert not validator("boom").is_valid(yaml.safe_load(pad.read_text(encoding="utf-8")))


def test_lader_en_schema_accepteren_allebei_de_schone_boom() -> None:
    laad_boom(KLEIN)
    assert validator("boom").is_valid(yaml.safe_load(KLEIN.read_text(encoding="utf-8")))


def test_elk_veld_heeft_een_nederlandse_beschrijving_voor_de_editor() -> None:
    def zonder_beschrijving(knoop: object, pad: str) -> list[str]:
        if not isinstance(knoop, dict):
            return []
        gemist = []
        for naam, sub in knoop.get("properties", {}).items():
            if "description" not in sub:
                gemist.append(f"{pad}.{naam}")
            gemist += zonder_beschrijving(sub, f"{pad}.{naam}")
        for sleutel in ("additionalProperties", "items"):
            gemist += zonder_beschrijving(knoop.get(sleutel), f"{pad}[]")
        return gemist

    for soort in LADERS:
        s = schema(soort)
        assert zonder_beschrijving(s, soort) == []
        for naam, definitie in s["$defs"].items():
            assert zonder_beschrijving(definitie, naam) == []


def test_bb_schema_schrijft_json_naar_stdout_of_bestanden(bb, tmp_path: Path) -> None:
    uit = bb("schema", "boom", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data["if"] == {"required": ["basis"]}  # a tree that builds on another requires nothing
    assert set(data["else"]["required"]) == {"boom", "start", "vragen", "niveau"}
    assert "required" not in data["then"]

    uit = bb("schema", "--uitvoer", "schemas", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    namen = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert namen == ["begrippen.schema.json", "boom.schema.json", "catalogus.schema.json", "scenarios.schema.json"]
    assert json.loads((tmp_path / "schemas" / "catalogus.schema.json").read_text())["title"].startswith("Instrumentencatalogus")


@pytest.mark.parametrize("args, fragment", [
    (["schema"], "kies welk schema"),
    (["schema", "bom"], "onbekend schema 'bom'; bedoelde u 'boom'?"),
])
def test_bb_schema_zonder_geldige_keuze(bb, tmp_path: Path, args: list[str], fragment: str) -> None:
    uit = bb(*args, cwd=tmp_path)
    assert uit.returncode == 2 and fragment in uit.stderr
    assert_geen_traceback(uit)
