"""The pure engine: (tree, catalogue, answers) → Advies. No I/O, no printing, no terminal."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from burgers_betrekken.errors import AntwoordFout, Locatie, Probleem
from burgers_betrekken.model import (
    EINDE,
    NIVEAU,
    Boom,
    Catalogus,
    Instrument,
    InstrumentRegel,
    LetOp,
    NiveauRegel,
    Optie,
    PLAATSHOUDER,
    WEET_NIET,
    Trede,
    Vraag,
)
from burgers_betrekken.woorden import opsomming, suggestie

GEEN_REDEN = "geen van uw antwoorden pleit voor dit instrument"


@dataclass(frozen=True)
class Stap:
    """One question on the user's path and the option they chose, or that was assumed
    because they answered "weet ik niet" (then `aanname` says what was assumed)."""

    vraag: Vraag
    optie: Optie
    aanname: str | None = None


@dataclass(frozen=True)
class Reden:
    tekst: str
    regel: str | None  # id of the instrument rule that gave this reason


@dataclass(frozen=True)
class Aanbeveling:
    instrument: Instrument
    punten: int
    redenen: tuple[Reden, ...]


@dataclass(frozen=True)
class Afgevallen:
    instrument: Instrument
    redenen: tuple[Reden, ...]


@dataclass(frozen=True)
class Niveaubepaling:
    """How the rung was set: what the goal asks for, what the room allows."""

    gewenst: Trede
    gewenst_regel: NiveauRegel | None  # None: the tree's default
    plafond: Trede | None
    plafond_regel: NiveauRegel | None

    @property
    def begrensd(self) -> bool:
        return self.plafond is not None and self.plafond != self.gewenst and self.plafond_regel is not None


@dataclass(frozen=True)
class Advies:
    boom: Boom
    catalogus: Catalogus
    pad: tuple[Stap, ...]
    genegeerd: tuple[str, ...]
    niveau: Trede
    bepaling: Niveaubepaling
    instrumenten: tuple[Aanbeveling, ...]
    afgevallen: tuple[Afgevallen, ...]
    let_op: tuple[LetOp, ...]

    @property
    def participatie(self) -> bool:
        return self.niveau.participatie

    @property
    def feiten(self) -> dict[str, str]:
        """What conditions are tested against: each answered question's option, and `niveau`."""
        return {**{s.vraag.id: s.optie.id for s in self.pad}, NIVEAU: self.niveau.id}

    @property
    def aannames(self) -> tuple[Stap, ...]:
        """The steps where the user did not know and the tree assumed an answer."""
        return tuple(s for s in self.pad if s.aanname is not None)


# --- walking the tree ----------------------------------------------------------------------


def volgende(boom: Boom, vraag_id: str, optie_id: str) -> str | None:
    """The question after answering `optie_id` to `vraag_id`, or None when the advice follows."""
    doel = boom.vraag(vraag_id).volgende_na(optie_id)
    return None if doel == EINDE else doel


def maximaal_resterend(boom: Boom, vraag_id: str) -> int:
    """Number of questions on the longest path from `vraag_id` (itself included) to the advice."""
    return _langste_tabel(boom)[vraag_id]


@lru_cache(maxsize=64)
def _langste_tabel(boom: Boom) -> Mapping[str, int]:
    # The loader guarantees the graph has no cycles; memoised depth-first search.
    tabel: dict[str, int] = {}

    def bezoek(vid: str) -> int:
        if vid in tabel:
            return tabel[vid]
        opvolgers = boom.vraag(vid).opvolgers() - {EINDE}
        tabel[vid] = 1 + max((bezoek(d) for d in opvolgers), default=0)
        return tabel[vid]

    for vid in boom.vragen:
        bezoek(vid)
    return tabel


def loop_pad(boom: Boom, antwoorden: Mapping[str, str], locaties: Mapping[str, Locatie] | None = None,
             bron: Locatie | None = None) -> tuple[tuple[Stap, ...], tuple[str, ...]]:
    """Follow the tree with a complete set of answers. Returns the path and the ids of
    answered questions the path skipped. Raises AntwoordFout naming every problem, located
    by `locaties` (question id → where its answer is) or, for a missing answer, by `bron`."""
    locaties = locaties or {}
    problemen: list[Probleem] = []
    for vraag_id, optie_id in antwoorden.items():
        if vraag_id not in boom.vragen:
            problemen.append(Probleem(
                f"onbekende vraag '{vraag_id}'{suggestie(vraag_id, boom.vragen)} "
                f"(vragen in boom '{boom.id}': {opsomming(boom.vragen)})", locaties.get(vraag_id)))
        elif optie_id == WEET_NIET and boom.vraag(vraag_id).weet_niet is None:
            problemen.append(Probleem(
                f"vraag '{vraag_id}' staat '{WEET_NIET}' niet toe; kies uit: "
                f"{opsomming(boom.vraag(vraag_id).optie_ids)}", locaties.get(vraag_id)))
        elif boom.vraag(vraag_id).optie(optie_id) is None:
            opties = boom.vraag(vraag_id).optie_ids
            problemen.append(Probleem(
                f"vraag '{vraag_id}' heeft geen optie '{optie_id}'{suggestie(str(optie_id), opties)} "
                f"(opties: {opsomming(opties)})", locaties.get(vraag_id)))
    if problemen:
        raise AntwoordFout(problemen=problemen)

    pad: list[Stap] = []
    vraag_id: str | None = boom.start
    while vraag_id is not None:
        vraag = boom.vraag(vraag_id)
        if vraag_id not in antwoorden:
            raise AntwoordFout(f"antwoord ontbreekt op vraag '{vraag_id}' ({vraag.tekst}); "
                               f"kies uit: {opsomming(vraag.optie_ids)}", bron)
        optie = vraag.optie(antwoorden[vraag_id])
        assert optie is not None
        aanname = vraag.weet_niet.aanname if antwoorden[vraag_id] == WEET_NIET and vraag.weet_niet else None
        pad.append(Stap(vraag, optie, aanname))
        vraag_id = volgende(boom, vraag_id, optie.id)
    op_pad = {s.vraag.id for s in pad}
    genegeerd = tuple(v for v in antwoorden if v not in op_pad)
    return tuple(pad), genegeerd


# --- the advice ------------------------------------------------------------------------------


def bepaal_niveau(boom: Boom, catalogus: Catalogus, feiten: Mapping[str, str]) -> Niveaubepaling:
    gewenst_regel = next((r for r in boom.gewenst if r.wanneer.geldt(feiten)), None)
    gewenst = catalogus.trede(gewenst_regel.niveau if gewenst_regel else boom.standaard_niveau)
    plafond_regel = next((r for r in boom.plafond if r.wanneer.geldt(feiten)), None)
    plafond = catalogus.trede(plafond_regel.niveau) if plafond_regel else None
    if plafond is not None and catalogus.rang(plafond.id) >= catalogus.rang(gewenst.id):
        plafond_regel = None  # the room allows what the goal asks; the cap did not bite
    return Niveaubepaling(gewenst, gewenst_regel, plafond, plafond_regel)


def advies(boom: Boom, catalogus: Catalogus, antwoorden: Mapping[str, str],
           locaties: Mapping[str, Locatie] | None = None, bron: Locatie | None = None) -> Advies:
    """Turn a complete set of answers into an advice."""
    pad, genegeerd = loop_pad(boom, antwoorden, locaties, bron)
    feiten = {s.vraag.id: s.optie.id for s in pad}
    bepaling = bepaal_niveau(boom, catalogus, feiten)
    niveau = bepaling.plafond if bepaling.begrensd and bepaling.plafond else bepaling.gewenst
    feiten[NIVEAU] = niveau.id
    labels = {s.vraag.id: s.optie.label for s in pad} | {NIVEAU: niveau.naam.lower()}

    aanbevolen: list[Aanbeveling] = []
    afgevallen: list[Afgevallen] = []
    regels = [r for r in boom.instrumentregels if r.wanneer.geldt(feiten)]
    for instrument in catalogus.instrumenten:
        punten, voor, tegen = _beoordeel(instrument, regels, feiten, labels)
        if tegen:
            afgevallen.append(Afgevallen(instrument, tuple(tegen)))
        elif not voor:
            afgevallen.append(Afgevallen(instrument, (Reden(GEEN_REDEN, None),)))
        else:
            aanbevolen.append(Aanbeveling(instrument, punten, tuple(voor)))
    volgorde = {i.id: n for n, i in enumerate(catalogus.instrumenten)}
    aanbevolen.sort(key=lambda a: (-a.punten, volgorde[a.instrument.id]))
    let_op = tuple(lo for lo in boom.let_op if lo.wanneer.geldt(feiten))
    return Advies(boom, catalogus, pad, genegeerd, niveau, bepaling, tuple(aanbevolen),
                  tuple(afgevallen), let_op)


def _beoordeel(instrument: Instrument, regels: list[InstrumentRegel], feiten: Mapping[str, str],
               labels: Mapping[str, str]) -> tuple[int, list[Reden], list[Reden]]:
    punten = 0
    voor: list[Reden] = []
    tegen: list[Reden] = []
    for regel in regels:
        if past(instrument, regel, feiten):
            punten += regel.punten
            if regel.reden:
                voor.append(Reden(vul_in(regel.reden, labels), regel.id))
        elif regel.soort == "eis":
            tegen.append(Reden(vul_in(regel.reden_afgevallen or GEEN_REDEN, labels), regel.id))
    return punten, voor, tegen


def afgevallen_gegroepeerd(afgevallen: tuple[Afgevallen, ...]) -> list[tuple[list[str], list[str]]]:
    """Instruments that fell off for the same reasons, together: [(names, reasons)], in order."""
    groepen: dict[tuple[str, ...], list[str]] = {}
    for a in afgevallen:
        groepen.setdefault(tuple(r.tekst for r in a.redenen), []).append(a.instrument.naam)
    return [(namen, list(redenen)) for redenen, namen in groepen.items()]


def gezochte_waarden(regel: InstrumentRegel, feiten: Mapping[str, str]) -> tuple[str, ...]:
    """The kenmerk values a rule looks for: its own `waarden`, or the value of a fact."""
    if regel.waarde_van is None:
        return regel.waarden
    waarde = feiten.get(regel.waarde_van)
    return (waarde,) if waarde is not None else ()


def past(instrument: Instrument, regel: InstrumentRegel, feiten: Mapping[str, str]) -> bool:
    """Whether the instrument has one of the values the rule looks for."""
    return bool(set(instrument.kenmerk(regel.kenmerk)) & set(gezochte_waarden(regel, feiten)))


def vul_in(tekst: str, labels: Mapping[str, str]) -> str:
    """Replace {vraag-id} and {niveau} in a reason by the user's answer label or rung name."""
    return PLAATSHOUDER.sub(lambda m: labels.get(m.group(1), m.group(0)), tekst)
