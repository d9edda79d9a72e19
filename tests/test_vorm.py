"""Each field of the YAML language is declared once: on the model class, with its shape and its
description. The reader, the model and the JSON Schema all follow from that one declaration."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pytest

from burgers_betrekken.kern import model
from burgers_betrekken.kern.vormtaal import GeheelGetal, Ids, Map, Tekst, uit_yaml, vorm_van, yaml_vorm
from burgers_betrekken.lezen.json_schema import schema
from burgers_betrekken.lezen.knopen import parse_yaml
from burgers_betrekken.lezen.meldingen import Meldingen


@yaml_vorm("Een proef.")
@dataclass(frozen=True, kw_only=True)
class Proef:
    """A model class as a maintainer would add one: three fields, each declared once."""

    id: str
    titel: str = uit_yaml(Tekst(), "De titel.", verplicht=True, noem="de titel")
    labels: tuple[str, ...] = uit_yaml(Ids(), "Labels.", default=())
    gewicht: int = uit_yaml(GeheelGetal(minimum=0), "Het gewicht.", standaard=2)
    titel_locatie: object = None


def _lees(tekst: str):  # type: ignore[no-untyped-def]
    m = Meldingen()
    return m, m.object(parse_yaml(tekst, "proef.yaml"), vorm_van(Proef), "proef 'p'")


def test_een_nieuw_veld_is_een_regel_in_het_model_en_de_lezer_bouwt_het_object() -> None:
    m, gelezen = _lees("titel: Hallo\nlabels: [a, b]\n")
    assert m.problemen == [] and gelezen.volledig
    proef = gelezen.bouw(Proef, id="p")
    assert (proef.id, proef.titel, proef.labels, proef.gewicht) == ("p", "Hallo", ("a", "b"), 2)
    assert proef.titel_locatie.regel == 1  # `<veld>_locatie` is where the value stands


def test_de_vorm_van_het_nieuwe_veld_geldt_bij_het_lezen() -> None:
    m, gelezen = _lees("titels: Hallo\ngewicht: -1\n")
    assert not gelezen.volledig
    berichten = [p.bericht for p in m.problemen]
    assert any("'titels'" in b and "bedoelde u 'titel'" in b for b in berichten), berichten
    assert any("minstens 0" in b for b in berichten), berichten
    assert all(p.locatie is not None and p.locatie.bestand == "proef.yaml" for p in m.problemen)


def test_een_samengesteld_veld_moet_de_lezer_zelf_bouwen() -> None:
    @yaml_vorm("Met een map.")
    @dataclass(frozen=True, kw_only=True)
    class MetMap:
        waarden: dict = uit_yaml(Map(Tekst()), "Waarden.", verplicht=True)

    gelezen = Meldingen().object(parse_yaml("waarden: {a: A}\n", "x.yaml"), vorm_van(MetMap), "x")
    with pytest.raises(TypeError, match="must build"):
        gelezen.bouw(MetMap)
    assert gelezen.bouw(MetMap, waarden={"a": "A"}).waarden == {"a": "A"}


def _yaml_velden(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if "yaml" in f.metadata]


def _volledig(soort: str) -> dict:
    """The schema of a whole file (not the part for a file that builds on another)."""
    s = schema(soort)
    return s.get("else", s)


def _eigenschappen(deel: dict) -> dict:
    return deel["additionalProperties"]["properties"]


@pytest.mark.parametrize(("cls", "pad"), [
    (model.Vraag, ("boom", "vragen")),
    (model.InstrumentRegel, ("boom", "instrumentregels")),
    (model.Voorrangsregel, ("boom", "gelijke_punten")),
    (model.LetOp, ("boom", "let_op")),
    (model.Trede, ("catalogus", "ladder")),
    (model.Kenmerk, ("catalogus", "kenmerken")),
    (model.Instrument, ("catalogus", "instrumenten")),
    (model.Begrip, ("begrippen", "begrippen")),
])
def test_het_json_schema_volgt_de_velden_van_het_model(cls: type, pad: tuple[str, str]) -> None:
    eigen = _eigenschappen(_volledig(pad[0])["properties"][pad[1]])
    assert list(eigen) == _yaml_velden(cls)
    for f in dataclasses.fields(cls):
        if "yaml" in f.metadata:
            assert eigen[f.name]["description"] == f.metadata["yaml"].beschrijving


def test_ook_geneste_vormen_komen_van_het_model() -> None:
    vraag = _eigenschappen(_volledig("boom")["properties"]["vragen"])
    assert list(_eigenschappen(vraag["opties"])) == _yaml_velden(model.Optie)
    assert list(vraag["weet_niet"]["properties"]) == _yaml_velden(model.WeetNiet)
