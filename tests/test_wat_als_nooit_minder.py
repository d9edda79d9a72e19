"""Issue 24, '"Wat als" never argues for less' (and issue 23: "wat als" reports another route).

The options of a question under `wat_als` go from least to most. A change to an earlier option
(less room, budget or time) is never a remedy: it is shown only as a consequence, apart from the
remedies, in every output. Pairs of answers are only "more" changes that no single change already
says. The sentence shown when no remedy exists says only what was computed.

tests/bomen/wat_als.yaml reproduces the issue: with room 'ruim' and a low budget no instrument
fits at adviseren; less room (a lower rung) and a higher budget both let one fit, and the old
code put less room first.
"""

from __future__ import annotations

import json
import re
from itertools import combinations, product
from pathlib import Path
from typing import Any, Iterator, Mapping

import pytest

from burgers_betrekken.kern import adviestekst, engine
from burgers_betrekken.kern.fouten import AntwoordFout
from burgers_betrekken.kern.model import Boom, Catalogus
from burgers_betrekken.kern.paden import paden
from burgers_betrekken.kern.statistiek import FOUTEN, tel
from burgers_betrekken.kern.watals import MINDER, met_wat_als, onthoudend
from burgers_betrekken.opslag.laden import laad

from conftest import ROOT, assert_geen_traceback, run_bb

BOOM = ROOT / "tests" / "bomen" / "wat_als.yaml"
NIETS_PAST = dict(ruimte="ruim", budget="laag", doorlooptijd="kort")  # adviseren, and nothing fits a low budget
BOVENAAN = dict(ruimte="mandaat", budget="hoog", doorlooptijd="lang")  # every answer at its most already


def advies_van(antwoorden: Mapping[str, str], boom: Path = BOOM) -> engine.Advies:
    b, c = laad(str(boom), None)
    return met_wat_als(engine.advies(b, c, antwoorden))


def later(boom: Boom, vraag: str, van: str, naar: str) -> bool:
    """The tree's convention, read straight from its order of options: a later option is more."""
    ids = boom.vraag(vraag).optie_ids
    return ids.index(naar) > ids.index(van)


def bb_advies(tmp_path: Path, antwoorden: Mapping[str, str], *opties: str) -> str:
    bestand = tmp_path / "antwoorden.json"
    bestand.write_text(json.dumps(antwoorden), encoding="utf-8")
    r = run_bb("advies", "--boom", str(BOOM), "-a", str(bestand), *opties, cwd=tmp_path)
    assert_geen_traceback(r)
    assert r.returncode == 0, r.stderr
    return r.stdout


def plat(tekst: str) -> str:
    """Terminal text with its line breaks and box edges taken out, to find sentences in."""
    return re.sub(r"\s+", " ", tekst.replace("│", " "))


# --- less is never a remedy ---------------------------------------------------------------------------


def test_minder_ruimte_is_geen_oplossing_maar_een_gevolg() -> None:
    advies = advies_van(NIETS_PAST)
    assert advies.participatie and not advies.instrumenten
    oplossingen = adviestekst.wat_als_regels(advies)
    assert oplossingen[0] == "Met budget ‘Hoog’: best passend: Sessie."  # more budget heads the advice
    assert not any("Beperkt" in r for r in oplossingen)
    assert adviestekst.gevolg_regels(advies) == [
        "Met minder ruimte (‘Beperkt’): de trede zakt naar Raadplegen; even passend: Gesprek of Peiling."]
    assert adviestekst.gevolg_kop(advies) == "Gevolg van minder ruimte (geen advies, wel goed om te weten):"
    for v in advies.wat_als or ():
        minder = any(not later(advies.boom, k.vraag, NIETS_PAST[k.vraag], k.antwoord) for k in v.keuzes)
        assert (v.richting == MINDER) == minder and v.oplossing != minder


def test_het_scherm_en_kort_noemen_alleen_een_oplossing_bovenaan(tmp_path: Path) -> None:
    uit = plat(bb_advies(tmp_path, NIETS_PAST))
    paneel = uit.split("Aanbevolen instrumenten", 1)[0]
    assert "Wat als: Met budget ‘Hoog’: best passend: Sessie." in paneel
    assert "Beperkt" not in paneel and "minder" not in paneel
    wat_als = uit.split("Wat als ─", 1)[1]
    assert wat_als.index("→ Met budget ‘Hoog’") < wat_als.index("Gevolg van minder ruimte (geen advies")
    assert wat_als.index("Gevolg van minder ruimte") < wat_als.index("↓ Met minder ruimte (‘Beperkt’): de trede zakt")
    assert "→ Met minder" not in wat_als and "→ Met ruimte ‘Beperkt’" not in wat_als
    kort = plat(bb_advies(tmp_path, NIETS_PAST, "--kort"))
    assert "Wat als: Met budget ‘Hoog’" in kort and "Beperkt" not in kort


def test_elk_verslag_zet_een_gevolg_apart_onder_zijn_eigen_regel(tmp_path: Path) -> None:
    gevolg = "Met minder ruimte (‘Beperkt’): de trede zakt naar Raadplegen"
    for opties in (("-f", "md"), ("--eenvoudig",)):
        uit = bb_advies(tmp_path, NIETS_PAST, *opties)
        wat_als = uit.split("Wat als", 1)[1]
        oplossingen, gevolgen = wat_als.split("Gevolg van minder ruimte (geen advies, wel goed om te weten):", 1)
        assert "Met budget ‘Hoog’: best passend: Sessie." in oplossingen and gevolg not in oplossingen
        assert gevolg in gevolgen
    html = bb_advies(tmp_path, NIETS_PAST, "-f", "html")
    oplossingen, gevolgen = html.split("<h2>Wat als</h2>", 1)[1].split('<p class="gevolg">', 1)
    assert "Met budget ‘Hoog’" in oplossingen and gevolg not in oplossingen and gevolg in gevolgen
    data = json.loads(bb_advies(tmp_path, NIETS_PAST, "-f", "json"))
    assert [(w["antwoorden"], w["richting"]) for w in data["wat_als"]] == [
        ({"budget": "hoog"}, "meer"), ({"budget": "hoog", "doorlooptijd": "lang"}, "meer"),
        ({"ruimte": "beperkt"}, "minder")]  # remedies first; the consequence last, and marked
    assert {"vraag", "antwoord", "verandering", "antwoorden", "niveau", "beste", "nog_te_vragen"} <= data["wat_als"][0].keys()


# --- pairs -----------------------------------------------------------------------------------------------


def test_een_paar_bevat_nooit_minder_en_nooit_wat_een_antwoord_alleen_al_zegt() -> None:
    # the old code offered 'ruimte Ruim en budget Hoog' here: less room, and the budget alone says it
    advies = advies_van(dict(ruimte="mandaat", budget="laag", doorlooptijd="lang"))
    assert [[(k.vraag, k.antwoord) for k in v.keuzes] for v in advies.wat_als or ()] == [
        [("budget", "hoog")], [("ruimte", "beperkt")]]
    # the old code offered 'ruimte Mandaat en budget Hoog' here, which budget alone already says
    paren = [v for v in advies_van(NIETS_PAST).wat_als or () if len(v.keuzes) == 2]
    assert [[(k.vraag, k.antwoord) for k in v.keuzes] for v in paren] == [[("budget", "hoog"), ("doorlooptijd", "lang")]]


def alle_adviezen(boom: Boom, catalogus: Catalogus) -> Iterator[tuple[engine.Advies, Any]]:
    bereken = onthoudend()
    for pad in paden(boom):
        yield met_wat_als(bereken(boom, catalogus, dict(pad)), bereken), bereken


BOMEN = [pytest.param(str(BOOM), id="wat_als"), "rijksoverheid", "uitvoeringsorganisatie"]


@pytest.mark.parametrize("naam", BOMEN)
def test_op_elk_pad_is_een_paar_twee_keer_meer_en_zegt_het_meer_dan_elk_antwoord_alleen(naam: str) -> None:
    boom, catalogus = laad(naam, None)
    paren = 0
    for advies, bereken in alle_adviezen(boom, catalogus):
        antwoorden = {s.vraag.id: s.optie.id for s in advies.pad}
        for v in advies.wat_als or ():
            if len(v.keuzes) < 2:
                continue
            paren += 1
            assert all(later(boom, k.vraag, antwoorden[k.vraag], k.antwoord) for k in v.keuzes), v
            for k in v.keuzes:
                alleen = bereken(boom, catalogus, {**antwoorden, k.vraag: k.antwoord})
                route = None if alleen.route is None else tuple(tuple(i.id for i in s.instrumenten)
                                                                 for s in alleen.route.stappen)
                assert (alleen.niveau.id, tuple(a.instrument.id for a in alleen.beste), route) != \
                    (v.niveau, v.beste, v.route), v
    assert paren > 0  # the property was put to the test


# --- the sentence without a remedy ----------------------------------------------------------------------


class Herrekend:
    """What the engine gives with other answers, computed here on its own: the same advice
    ("gelijk"), another rung, best instrument or route ("anders"), or not known because the
    answers are not complete ("onbekend")."""

    def __init__(self, advies: engine.Advies, bereken: Any) -> None:
        self.advies, self.bereken = advies, bereken
        self.boom, self.catalogus = advies.boom, advies.catalogus
        self.antwoorden = {s.vraag.id: s.optie.id for s in advies.pad}

    @staticmethod
    def kern(a: engine.Advies) -> tuple[Any, ...]:
        route = None if a.route is None else [[i.id for i in s.instrumenten] for s in a.route.stappen]
        return a.niveau.id, [x.instrument.id for x in a.beste], route

    def uitkomst(self, wijziging: Mapping[str, str]) -> str:
        try:
            ander = self.bereken(self.boom, self.catalogus, {**self.antwoorden, **wijziging})
        except AntwoordFout:
            return "onbekend"
        return "gelijk" if self.kern(ander) == self.kern(self.advies) else "anders"

    def opties(self, vraag: str, meer: bool) -> list[str]:
        eigen = self.antwoorden[vraag]
        return [o for o in self.boom.vraag(vraag).optie_ids if o != eigen and later(self.boom, vraag, eigen, o) == meer]

    def optie_met_label(self, vraag: str, label: str) -> str:
        return next(o.id for o in self.boom.vraag(vraag).opties if o.label == label)


VRAGEN = r"(\w+(?:(?:, | of | en )\w+)*)"
WAT = r"de trede(?:, het beste instrument of de route| of het beste instrument)"
ZINNEN = {
    "niets": re.compile(rf"Geen ander antwoord op {VRAGEN} verandert {WAT}\."),
    "bovenaan": re.compile(rf"Bij {VRAGEN} koos u al het hoogste antwoord\."),
    "meer_niets": re.compile(rf"Geen antwoord met meer {VRAGEN} verandert {WAT}\."),
    "regel": re.compile(r"Met (\w+) ‘([^’]*)’: .*?\.(?= [A-Z]|$)"),
    "onbekend": re.compile(r"Wat (\w+) ‘([^’]*)’ verandert, hangt af van de vragen die dan volgen\."),
    "paren": re.compile(rf"Ook twee antwoorden met meer {VRAGEN} samen laten op deze trede geen instrument passen\."),
    "minder": re.compile(rf"(Alleen|Ook) minder {VRAGEN} verandert het advies(?:: zie hieronder, als gevolg)?\."),
}


def vragen(lijst: str) -> list[str]:
    return re.split(r", | of | en ", lijst)


def toets_zin(zin: str, h: Herrekend) -> None:
    """Every claim of the sentence, checked against the engine; a claim not recognised fails."""
    plek = 0
    while plek < len(zin):
        soort, m = next(((s, m) for s, p in ZINNEN.items() if (m := p.match(zin, plek))), (None, None))
        assert m is not None, f"unknown claim at {zin[plek:]!r}"
        plek = m.end() + 1
        if soort == "niets":
            for q in vragen(m[1]):
                assert all(h.uitkomst({q: o}) == "gelijk" for o in h.boom.vraag(q).optie_ids if o != h.antwoorden[q])
        elif soort == "bovenaan":
            assert all(not h.opties(q, meer=True) for q in vragen(m[1]))
        elif soort == "meer_niets":
            for q in vragen(m[1]):
                assert h.opties(q, meer=True) and all(h.uitkomst({q: o}) == "gelijk" for o in h.opties(q, meer=True))
        elif soort == "regel":
            assert h.uitkomst({m[1]: h.optie_met_label(m[1], m[2])}) != "gelijk"
        elif soort == "onbekend":
            assert h.uitkomst({m[1]: h.optie_met_label(m[1], m[2])}) == "onbekend"
        elif soort == "paren":
            for a, b in combinations(vragen(m[1]), 2):
                for oa, ob in product(h.opties(a, meer=True), h.opties(b, meer=True)):
                    ander = h.bereken(h.boom, h.catalogus, {**h.antwoorden, a: oa, b: ob})
                    assert ander.niveau != h.advies.niveau or not ander.beste
        else:
            for q in vragen(m[2]):
                assert any(h.uitkomst({q: o}) == "anders" for o in h.opties(q, meer=False))
            if m[1] == "Alleen":
                assert all(h.uitkomst({q: o}) == "gelijk" for q in h.antwoorden if q in (h.boom.wat_als or ())
                           for o in h.opties(q, meer=True))


@pytest.mark.parametrize("naam", BOMEN)
def test_de_zin_zonder_oplossing_is_waar_op_elk_pad(naam: str) -> None:
    boom, catalogus = laad(naam, None)
    zinnen = 0
    for advies, bereken in alle_adviezen(boom, catalogus):
        zin = adviestekst.wat_als_geen(advies)
        if adviestekst.wat_als_regels(advies) or not advies.participatie:
            assert zin is None  # a remedy, or no participation: no sentence
            continue
        assert zin is not None
        toets_zin(zin, Herrekend(advies, bereken))
        zinnen += 1
    assert zinnen > 0


def test_de_zin_staat_in_de_uitvoer_en_noemt_wat_er_berekend_is(tmp_path: Path) -> None:
    zin = ("Bij ruimte, budget en doorlooptijd koos u al het hoogste antwoord. Alleen minder ruimte, budget of "
           "doorlooptijd verandert het advies: zie hieronder, als gevolg.")
    assert adviestekst.wat_als_geen(advies_van(BOVENAAN)) == zin
    assert zin in plat(bb_advies(tmp_path, BOVENAAN))
    assert zin in bb_advies(tmp_path, BOVENAAN, "-f", "html")


# --- another route ---------------------------------------------------------------------------------------


def test_een_andere_route_is_een_verandering_ook_bij_dezelfde_trede_en_hetzelfde_instrument(tmp_path: Path) -> None:
    zonder = dict(ruimte="beperkt", budget="laag", doorlooptijd="kort")
    advies = advies_van(zonder)
    assert advies.route is None
    (v,) = advies.wat_als or ()
    assert (v.niveau, v.beste) == (advies.niveau.id, tuple(a.instrument.id for a in advies.beste))  # only the route
    assert adviestekst.wat_als_regel(v) == "Met budget ‘Hoog’: de aanbevolen route wordt: 1.\u00a0Peiling → 2.\u00a0Gesprek."
    data = json.loads(bb_advies(tmp_path, zonder, "-f", "json"))
    assert [(w["richting"], w["route"]) for w in data["wat_als"]] == [("meer", [["peiling"], ["gesprek"]])]
    met = advies_van({**zonder, "budget": "hoog"})
    assert met.route is not None
    assert adviestekst.gevolg_regels(met) == ["Met minder budget (‘Laag’): geen aanbevolen route meer."]


# --- the figure ------------------------------------------------------------------------------------------


def test_de_statistiek_telt_minder_als_oplossing_en_dat_is_een_fout() -> None:
    from dataclasses import replace

    advies = advies_van(NIETS_PAST)
    assert tel([advies]).wat_als_minder == 0
    als_oplossing = tuple(replace(v, richting="meer") for v in advies.wat_als or ())  # the old behaviour
    assert tel([replace(advies, wat_als=als_oplossing)]).wat_als_minder == 1
    assert "wat_als_minder" in FOUTEN


@pytest.mark.parametrize("naam", ["rijksoverheid", "uitvoeringsorganisatie"])
def test_geen_boom_stelt_minder_als_oplossing_voor(naam: str, tmp_path: Path) -> None:
    r = run_bb("boom", "paden", naam, "--statistiek", "--formaat", "json", cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["wat_als_minder"] == 0
    tekst = run_bb("boom", "paden", naam, "--statistiek", cwd=tmp_path, timeout=120).stdout
    assert "'wat als'-regels die minder ruimte, budget of tijd als" in tekst
