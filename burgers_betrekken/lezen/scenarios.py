"""Scenario tests written in YAML next to a tree: answers → the advice they must give.

`laad_scenarios` reads the file (shape from `vorm.SCENARIOS`), `scenario_problemen` checks its
ids against the tree and catalogue, `toets` runs one scenario through the engine and lists every
difference, and `dekking` tells which options and paths no scenario exercises. No I/O beyond
reading the file; nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from burgers_betrekken.kern import engine

from burgers_betrekken.lezen import bronnen, vorm
from burgers_betrekken.kern.fouten import AntwoordFout, InvoerFout, Locatie, ModelFout, Probleem
from burgers_betrekken.kern.model import Boom, Catalogus
from burgers_betrekken.kern.paden import Pad, Route, aantal_paden, routes, voorbeeld
from burgers_betrekken.kern.woorden import fragment
from burgers_betrekken.lezen.meldingen import Meldingen, onbekend
from burgers_betrekken.lezen.basis import los_op
from burgers_betrekken.lezen.knopen import Knoop, lees_inhoud

ACHTERVOEGSEL = ".tests.yaml"
GEEN_ROUTE = "geen"
"""`route: geen` in an expectation: the advice names no route."""


@dataclass(frozen=True)
class Verwachting:
    niveau: str | None = None
    participatie: bool | None = None
    eerste: str | None = None
    beste: tuple[str, ...] = ()
    top: int = 3
    in_top: tuple[str, ...] = ()
    niet_in_top: tuple[str, ...] = ()
    aanbevolen: tuple[str, ...] = ()
    niet_aanbevolen: tuple[str, ...] = ()
    let_op: tuple[str, ...] = ()
    geen_let_op: tuple[str, ...] = ()
    aannames: tuple[str, ...] = ()
    route: str | None = None  # a route id, or GEEN_ROUTE
    locaties: Mapping[str, Locatie] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Scenario:
    id: str
    omschrijving: str
    antwoorden: Mapping[str, str]
    antwoord_locaties: Mapping[str, Locatie]
    verwacht: Verwachting
    locatie: Locatie | None = None


@dataclass(frozen=True)
class Scenarioset:
    bestand: str
    boom: Path
    catalogus: Path | None  # None: the shipped catalogue
    scenarios: tuple[Scenario, ...]

    def bestaande_boom(self) -> Path:
        """The tree these scenarios run against; a message when it is not there."""
        if not self.boom.exists():
            raise InvoerFout(f"de beslisboom van dit scenariobestand bestaat niet: {self.boom}")
        return self.boom


def boom_bij(tests_pad: Path) -> Path:
    """The tree a scenario file belongs to by name: `x.tests.yaml` → `x.yaml`."""
    naam = tests_pad.name
    if naam.endswith(ACHTERVOEGSEL):
        return tests_pad.with_name(naam[: -len(ACHTERVOEGSEL)] + ".yaml")
    return tests_pad


def tests_bij(boom_pad: Path) -> Path:
    """The scenario file that belongs to a tree by name: `x.yaml` → `x.tests.yaml`."""
    return boom_pad.with_name(boom_pad.stem + ACHTERVOEGSEL)


def laad_scenarios(pad: Path) -> Scenarioset:
    """The scenarios in `pad`, merged over the scenarios of its base when it names one (never
    the base's tree or catalogue: a scenario file runs against its own tree)."""
    nodig = "een scenariobestand heeft 'scenarios' nodig (of 'basis' en wat anders is)"
    keten = los_op(lees_inhoud(pad, nodig), pad, "scenarios", vorm.SCENARIOS, nodig, niet_erven=("boom", "catalogus"))
    try:
        return _lees_scenarios(keten.knoop, pad)
    except ModelFout as e:
        raise ModelFout(problemen=keten.meld(e.problemen, pad)) from None


def _lees_scenarios(knoop: Knoop, pad: Path) -> Scenarioset:
    m = Meldingen()
    top = m.object(knoop, vorm.SCENARIOS, "het scenariobestand")
    if top is None:
        m.stop_bij_fouten(ModelFout)
        raise AssertionError("unreachable")  # pragma: no cover
    map_ = pad.parent
    boom = map_ / top["boom"] if top["boom"] else boom_bij(pad)
    if "boom" not in top and boom == pad:
        m.fout(f"noem de beslisboom met 'boom: <bestand>', of geef dit bestand een naam die op "
               f"'{ACHTERVOEGSEL}' eindigt naast de boom", top.locatie("scenarios"))
    catalogus = map_ / top["catalogus"] if top["catalogus"] else None
    for sleutel, genoemd in (("boom", boom if top["boom"] else None), ("catalogus", catalogus)):
        if genoemd is not None and (melding := bronnen.weiger(f"de {sleutel}", top[sleutel], genoemd, pad)):
            m.fout(melding, top.locatie(sleutel))
    uit = []
    for sid, sk in (top["scenarios"] or {}).items():
        wat = f"scenario '{fragment(sid)}'"
        s = m.object(sk, vorm.SCENARIO, wat)
        if s is None or not s.ok or s["omschrijving"] is None or s["antwoorden"] is None:
            continue
        antwoorden = {v: m.id(k, f"het antwoord op '{fragment(v)}' in {wat}") for v, k in s["antwoorden"].items()}
        locaties = dict(s.knoop("antwoorden").sleutel_locaties)  # type: ignore[union-attr]
        v = m.object(s["verwacht"], vorm.VERWACHT, f"'verwacht' van {wat}")
        if v is None or not v.ok or None in antwoorden.values():
            continue
        if not v.knopen:
            m.fout(f"'verwacht' van {wat} is leeg; noem minstens één verwachting, bijvoorbeeld 'niveau'",
                   s.locatie("verwacht"))
            continue
        if None in v.waarden.values():
            continue
        verwacht = Verwachting(**{k: w for k, w in v.items()}, locaties={k: kn.locatie for k, kn in v.knopen.items()})
        uit.append(Scenario(sid, s["omschrijving"], antwoorden, locaties, verwacht, sk.locatie))  # type: ignore[arg-type]
    m.stop_bij_fouten(ModelFout)
    return Scenarioset(str(pad), boom, catalogus, tuple(uit))


def scenario_problemen(reeks: Scenarioset, boom: Boom, catalogus: Catalogus) -> list[Probleem]:
    """Ids in the scenarios that the tree or catalogue does not know: each a located error."""
    m = Meldingen()
    tredes = [t.id for t in catalogus.ladder]
    instrumenten = [i.id for i in catalogus.instrumenten]
    let_op = [lo.id for lo in boom.let_op]
    for s in reeks.scenarios:
        wat = f"scenario '{s.id}'"
        try:
            engine.loop_pad(boom, s.antwoorden, s.antwoord_locaties, s.locatie)
        except AntwoordFout as e:
            for p in e.problemen:
                m.fout(f"{wat}: {p.bericht}", p.locatie)
        v = s.verwacht
        controles: list[tuple[str, Sequence[str], str, list[str]]] = [
            ("niveau", (v.niveau,) if v.niveau else (), "onbekende trede", tredes),
            ("eerste", (v.eerste,) if v.eerste else (), "onbekend instrument", instrumenten),
            *[(k, getattr(v, k), "onbekend instrument", instrumenten)
              for k in ("beste", "in_top", "niet_in_top", "aanbevolen", "niet_aanbevolen")],
            *[(k, getattr(v, k), "onbekend aandachtspunt", let_op) for k in ("let_op", "geen_let_op")],
            ("aannames", v.aannames, "onbekende vraag", list(boom.vragen)),
            ("route", (v.route,) if v.route else (), "onbekende route", [*(r.id for r in boom.routes), GEEN_ROUTE]),
        ]
        for sleutel, waarden, soort, bekend in controles:
            for w in waarden:
                if w not in bekend:
                    m.fout(f"{wat}: {onbekend(soort, w, bekend, 'bekend')}", v.locaties.get(sleutel))
    return m.problemen


# --- running -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Afwijking:
    """One expectation the advice did not meet."""

    verwachting: str  # the key in 'verwacht'
    verwacht: str
    gekregen: str
    locatie: Locatie | None


@dataclass(frozen=True)
class Uitslag:
    scenario: Scenario
    advies: engine.Advies
    afwijkingen: tuple[Afwijking, ...]

    @property
    def geslaagd(self) -> bool:
        return not self.afwijkingen

    @property
    def pad(self) -> Pad:
        return tuple((s.vraag.id, s.optie.id) for s in self.advies.pad)


def _lijst(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "(geen)"


def toets(scenario: Scenario, boom: Boom, catalogus: Catalogus) -> Uitslag:
    """Run one scenario. Raises AntwoordFout when its answers do not fit the tree."""
    a = engine.advies(boom, catalogus, scenario.antwoorden, scenario.antwoord_locaties, scenario.locatie)
    v = scenario.verwacht
    aanbevolen = [x.instrument.id for x in a.instrumenten]
    top = aanbevolen[: v.top]
    getoond = [lo.id for lo in a.let_op]
    uit: list[Afwijking] = []

    def afwijking(sleutel: str, verwacht: str, gekregen: str) -> None:
        uit.append(Afwijking(sleutel, verwacht, gekregen, v.locaties.get(sleutel)))

    if v.niveau is not None and a.niveau.id != v.niveau:
        afwijking("niveau", v.niveau, a.niveau.id)
    if v.participatie is not None and a.participatie != v.participatie:
        afwijking("participatie", "ja" if v.participatie else "nee", "ja" if a.participatie else "nee")
    if v.eerste is not None and (aanbevolen[:1] != [v.eerste]):
        afwijking("eerste", v.eerste, aanbevolen[0] if aanbevolen else "(geen instrument aanbevolen)")
    beste = sorted(x.instrument.id for x in a.beste)
    if v.beste and sorted(v.beste) != beste:
        afwijking("beste", _lijst(sorted(v.beste)), _lijst(beste) if beste else "(geen instrument aanbevolen)")
    te_vinden = [
        ("in_top", v.in_top, top, True, f"in de top {v.top}"),
        ("niet_in_top", v.niet_in_top, top, False, f"niet in de top {v.top}"),
        ("aanbevolen", v.aanbevolen, aanbevolen, True, "aanbevolen"),
        ("niet_aanbevolen", v.niet_aanbevolen, aanbevolen, False, "niet aanbevolen"),
        ("let_op", v.let_op, getoond, True, "getoond"),
        ("geen_let_op", v.geen_let_op, getoond, False, "niet getoond"),
    ]
    route = a.route.route.id if a.route else GEEN_ROUTE
    if v.route is not None and route != v.route:
        afwijking("route", v.route, route)
    aangenomen = [s.vraag.id for s in a.aannames]
    if v.aannames and sorted(v.aannames) != sorted(aangenomen):
        afwijking("aannames", _lijst(v.aannames), _lijst(aangenomen))
    for sleutel, ids, in_lijst, moet_erin, wens in te_vinden:
        fout = [i for i in ids if (i in in_lijst) != moet_erin]
        if fout:
            afwijking(sleutel, f"{_lijst(fout)} {wens}", _lijst(in_lijst))
    return Uitslag(scenario, a, tuple(uit))


# --- coverage ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dekking:
    opties_totaal: int
    ongedekte_opties: tuple[tuple[str, str], ...]  # (question id, option id)
    routes_totaal: int
    ongedekte_routes: tuple[tuple[Route, Pad], ...]  # each with example answers that walk it
    paden_totaal: int
    paden_gedekt: int


def dekking(boom: Boom, gelopen: Sequence[Pad]) -> Dekking:
    """Which options and routes the scenarios' paths `gelopen` do not exercise, and how many of
    all answer combinations (paths) they cover."""
    gebruikt = {stap for pad in gelopen for stap in pad}
    alle_opties = [(v.id, o.id) for v in boom.vragen.values() for o in v.opties]
    gelopen_routes = {tuple(v for v, _ in pad) for pad in gelopen}
    alle_routes = routes(boom)
    ongedekt = tuple((r, voorbeeld(boom, r)) for r in alle_routes if r not in gelopen_routes)
    return Dekking(len(alle_opties), tuple(o for o in alle_opties if o not in gebruikt),
                   len(alle_routes), ongedekt, aantal_paden(boom), len(set(gelopen)))
