"""The pure engine: (tree, catalogue, answers) → Advies. No I/O, no printing, no terminal."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Mapping

from burgers_betrekken.kern.fouten import GETOOND, AntwoordFout, Locatie, Probleem
from burgers_betrekken.kern.model import (
    EINDE,
    NIVEAU,
    Belofte,
    Boom,
    Conditie,
    Catalogus,
    Instrument,
    InstrumentRegel,
    LetOp,
    NiveauRegel,
    Optie,
    PLAATSHOUDER,
    Route,
    Routestap,
    WEET_NIET,
    Trede,
    Vraag,
    Voorrangsregel,
)
from burgers_betrekken.kern.woorden import fragment, opsomming, suggestie

if TYPE_CHECKING:
    from burgers_betrekken.kern.watals import Bevinding, Verandering

GEEN_REDEN = "geen van uw antwoorden pleit voor dit instrument"
GEEN_PARTICIPATIE = ("op de trede {niveau} krijgen burgers geen invloed; een instrument zou participatie "
                     "beloven die er niet is")
WANNEER_NIET = "wanneer_niet"
"""`Reden.regel` of a reason that comes from the instrument's own `wanneer_niet` in the catalogue."""


@dataclass(frozen=True)
class Stap:
    """One question on the user's path and the option they chose, or that was assumed
    because they answered "weet ik niet" (then `aanname` says what was assumed). `aangevuld`:
    the answers had none for this question (made before it existed); the tree's `standaard`,
    or its "weet ik niet", was taken."""

    vraag: Vraag
    optie: Optie
    aanname: str | None = None
    aangevuld: bool = False


@dataclass(frozen=True)
class Reden:
    tekst: str
    regel: str | None  # id of the instrument rule that gave this reason


@dataclass(frozen=True)
class Aanbeveling:
    instrument: Instrument
    punten: int
    redenen: tuple[Reden, ...]
    rang: int = 1  # 1 = best passend; instruments the advice cannot tell apart share a rank
    voorrang: tuple[Reden, ...] = ()  # why it goes before the next instrument with equal points


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
class GekozenStap:
    """One step of the route the advice names: only its instruments that did not fall off."""

    instrumenten: tuple[Instrument, ...]  # empty for an activity step
    waarom: str
    naam: str | None = None  # an activity step's name ("Terugkoppeling en evaluatie")
    trede: str | None = None  # the rung this step was judged at, when it is not the advice's
    alsof: Mapping[str, str] = field(default_factory=dict)  # answers this step was judged with instead


@dataclass(frozen=True)
class GekozenRoute:
    """The first route of the tree whose `wanneer` holds and whose every step keeps an instrument."""

    route: Route
    stappen: tuple[GekozenStap, ...]


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
    situatie: Mapping[str, frozenset[str]] = field(default_factory=dict)
    wat_als: tuple["Verandering", ...] | None = None  # filled by `watals.met_wat_als`; None: not computed
    route: GekozenRoute | None = None
    route_noot: str | None = None  # with no route: why a route that fits the answers gave way to the ranking
    wat_als_bevinding: "Bevinding | None" = None  # what "wat als" tried and found; None: not computed
    belofte: Belofte | None = None  # the tree's promise that fits, in place of the rung's; None: the rung's

    @property
    def belofte_tekst(self) -> str | None:
        """The promise to participants the advice makes: the tree's that fits, else the rung's.
        None on a rung without participation: there are no participants to promise anything."""
        if not self.participatie:
            return None
        return self.belofte.tekst if self.belofte is not None else self.niveau.belofte

    @property
    def participatie(self) -> bool:
        return self.niveau.participatie

    @property
    def beste(self) -> tuple[Aanbeveling, ...]:
        """The instruments the advice names as best: one, or several that are equally fit."""
        return tuple(a for a in self.instrumenten if a.rang == 1)

    @property
    def blokkades(self) -> tuple[tuple[str, int], ...]:
        """With participation but no instrument: the reasons instruments fell off, with how many
        each reason removed, most first (ties in the order the tree lists its rules)."""
        if not self.participatie or self.instrumenten:
            return ()
        tel: dict[str, int] = {}
        for a in self.afgevallen:
            for r in a.redenen:
                tel[r.tekst] = tel.get(r.tekst, 0) + 1
        return tuple(sorted(tel.items(), key=lambda paar: -paar[1]))

    @property
    def feiten(self) -> dict[str, str]:
        """What conditions are tested against: each answered question's option, and `niveau`."""
        return {**{s.vraag.id: s.optie.id for s in self.pad}, NIVEAU: self.niveau.id}

    @property
    def aannames(self) -> tuple[Stap, ...]:
        """The steps where the user did not know and the tree assumed an answer."""
        return tuple(s for s in self.pad if s.aanname is not None and not s.aangevuld)

    @property
    def aangevuld(self) -> tuple[Stap, ...]:
        """The steps the answers had no answer for (made before the question existed), taken
        from the tree: such an advice is provisional, as one with "weet ik niet" answers."""
        return tuple(s for s in self.pad if s.aangevuld)

    @property
    def voorlopig(self) -> bool:
        """Whether the advice rests on assumptions ("weet ik niet" answers), so is provisional."""
        return any(s.aanname is not None for s in self.pad)


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
             bron: Locatie | None = None, aanvullen: bool = False) -> tuple[tuple[Stap, ...], tuple[str, ...]]:
    """Follow the tree with a complete set of answers. Returns the path and the ids of
    answered questions the path skipped. Raises AntwoordFout naming every problem, located
    by `locaties` (question id → where its answer is) or, for a missing answer, by `bron`.
    `aanvullen`: answers made earlier (a file, a record) may lack a question added since; then
    the question's `bij_ontbreken` is taken, and its step says so (`Stap.aangevuld`)."""
    locaties = locaties or {}
    problemen: list[Probleem] = []
    if len(antwoorden) > 1 and not any(v in boom.vragen for v in antwoorden):
        # not answers to this tree (another file named by mistake, or a secrets file): one line, no
        # key of it quoted
        raise AntwoordFout(f"geen van de {len(antwoorden)} antwoorden noemt een vraag van boom '{boom.id}'; "
                           f"verwacht 'vraag-id: optie-id' per regel (vragen: {opsomming(boom.vragen)})", bron)
    for vraag_id, optie_id in antwoorden.items():
        if vraag_id not in boom.vragen:
            # a suggestion costs a fuzzy match; past what a message shows nobody reads it
            raad = suggestie(vraag_id, boom.vragen) if len(problemen) < GETOOND else ""
            problemen.append(Probleem(
                f"onbekende vraag '{fragment(vraag_id)}'{raad} "
                f"(vragen in boom '{boom.id}': {opsomming(boom.vragen)})", locaties.get(vraag_id)))
        elif optie_id == WEET_NIET and boom.vraag(vraag_id).weet_niet is None:
            problemen.append(Probleem(
                f"vraag '{vraag_id}' staat '{WEET_NIET}' niet toe; kies uit: "
                f"{opsomming(boom.vraag(vraag_id).optie_ids)}", locaties.get(vraag_id)))
        elif boom.vraag(vraag_id).optie(optie_id) is None:
            opties = boom.vraag(vraag_id).optie_ids
            raad = suggestie(str(optie_id), opties) if len(problemen) < GETOOND else ""
            problemen.append(Probleem(
                f"vraag '{vraag_id}' heeft geen optie '{fragment(optie_id)}'{raad} "
                f"(opties: {opsomming(opties)})", locaties.get(vraag_id)))
    if problemen:
        raise AntwoordFout(problemen=problemen)

    pad: list[Stap] = []
    vraag_id: str | None = boom.start
    while vraag_id is not None:
        vraag = boom.vraag(vraag_id)
        antwoord = antwoorden.get(vraag_id)
        aangevuld = antwoord is None and aanvullen
        if aangevuld:
            antwoord = vraag.bij_ontbreken
        if antwoord is None:
            raise AntwoordFout(f"antwoord ontbreekt op vraag '{vraag_id}' ({vraag.tekst}); "
                               f"kies uit: {opsomming(vraag.optie_ids)}", bron)
        optie = vraag.optie(antwoord)
        assert optie is not None
        aanname = vraag.weet_niet.aanname if antwoord == WEET_NIET and vraag.weet_niet else None
        pad.append(Stap(vraag, optie, aanname, aangevuld))
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
           locaties: Mapping[str, Locatie] | None = None, bron: Locatie | None = None,
           aanvullen: bool = False) -> Advies:
    """Turn a complete set of answers into an advice; `aanvullen`: as `loop_pad`."""
    pad, genegeerd = loop_pad(boom, antwoorden, locaties, bron, aanvullen)
    feiten = {s.vraag.id: s.optie.id for s in pad}
    bepaling = bepaal_niveau(boom, catalogus, feiten)
    niveau = bepaling.plafond if bepaling.begrensd and bepaling.plafond else bepaling.gewenst
    feiten[NIVEAU] = niveau.id
    labels = {s.vraag.id: s.optie.label for s in pad} | {NIVEAU: niveau.naam.lower()}

    aanbevolen, afgevallen, situatie = _beoordeel_catalogus(boom, catalogus, feiten, labels, niveau)
    actief = [v for v in boom.voorrang if v.wanneer.geldt(feiten)]
    let_op = tuple(lo for lo in boom.let_op if lo.wanneer.geldt(feiten))
    route, noot = None, None
    if boom.routes and niveau.participatie:  # without participation no instrument stands, and the advice says why

        def eigen_oordeel(stap: Routestap) -> Beoordeling:
            # a step judged at its own rung and with its own answers: the same rules and catalogue
            trede = catalogus.trede(stap.trede) if stap.trede else niveau
            stapfeiten = {**feiten, **stap.alsof, NIVEAU: trede.id}
            staplabels = {**labels, NIVEAU: trede.naam.lower(),
                          **{v: boom.vraag(v).optie(o).label for v, o in stap.alsof.items()}}  # type: ignore[union-attr]
            anders = _beoordeel_catalogus(boom, catalogus, stapfeiten, staplabels, trede)
            return anders[0], anders[1]

        route, noot = kies_route(boom.routes, feiten, (aanbevolen, afgevallen), eigen_oordeel)
    belofte = next((b for b in boom.beloftes if b.wanneer.geldt(feiten)), None) if niveau.participatie else None
    return Advies(boom, catalogus, pad, genegeerd, niveau, bepaling, rangschik(aanbevolen, actief, catalogus),
                  tuple(afgevallen), let_op, situatie, route=route, route_noot=noot, belofte=belofte)


def _beoordeel_catalogus(boom: Boom, catalogus: Catalogus, feiten: Mapping[str, str], labels: Mapping[str, str],
                         niveau: Trede) -> tuple[list[Aanbeveling], list[Afgevallen], dict[str, frozenset[str]]]:
    """Every instrument of the catalogue judged by the tree's active rules and its own
    `wanneer_niet`, at rung `niveau`: (recommended, fallen off, the situation looked for)."""
    regels = [r for r in boom.instrumentregels if r.wanneer.geldt(feiten)]
    situatie = _situatie(regels, feiten, niveau)
    aanbevolen: list[Aanbeveling] = []
    afgevallen: list[Afgevallen] = []
    if niveau.participatie:
        toetsen = [_Toets.van(r, feiten, labels) for r in regels]
        for instrument in catalogus.instrumenten:
            punten, voor, tegen = _beoordeel(instrument, toetsen)
            tegen += [Reden(_als_reden(u.tekst), WANNEER_NIET) for u in instrument.uitsluitingen
                      if sluit_uit(u.wanneer, situatie)]
            if tegen:
                afgevallen.append(Afgevallen(instrument, tuple(tegen)))
            elif not voor:
                afgevallen.append(Afgevallen(instrument, (Reden(GEEN_REDEN, None),)))
            else:
                aanbevolen.append(Aanbeveling(instrument, punten, tuple(voor)))
    else:  # no influence, so no instrument: nothing to promise
        geen = (Reden(vul_in(GEEN_PARTICIPATIE, labels), None),)
        afgevallen = [Afgevallen(instrument, geen) for instrument in catalogus.instrumenten]
    return aanbevolen, afgevallen, situatie


Beoordeling = tuple[list[Aanbeveling], list[Afgevallen]]
"""The catalogue judged at one rung: (recommended, fallen off)."""


def kies_route(routes: tuple[Route, ...], feiten: Mapping[str, str], eigen: Beoordeling,
               eigen_oordeel: Callable[[Routestap], Beoordeling]) -> tuple[GekozenRoute | None, str | None]:
    """The first route whose condition holds and whose every instrument step keeps an
    instrument that did not fall off, with each step's standing instruments. A step with its
    own `trede` or `alsof` is judged by those (`eigen_oordeel`), every other step as the advice
    (`eigen`). A step is never shown without one: a route that loses a step gives way to the
    next route, or to the ranking; with no route, the note says which step of the first route
    that fits cannot be done and why. An activity step (`naam`, no instrument) always stands."""
    beoordelingen: dict[tuple[str | None, tuple[tuple[str, str], ...]], Beoordeling] = {(None, ()): eigen}
    noot = None
    for route in routes:
        if not route.wanneer.geldt(feiten):
            continue
        stappen = []
        for nr, stap in enumerate(route.stappen, start=1):
            if not stap.instrumenten:
                stappen.append(GekozenStap((), stap.waarom, stap.naam, None))
                continue
            # one judgement per own rung and own answers, however many steps share them
            sleutel = (None if stap.trede == feiten[NIVEAU] else stap.trede, tuple(sorted(stap.alsof.items())))
            if sleutel not in beoordelingen:
                beoordelingen[sleutel] = eigen_oordeel(stap)
            aanbevolen, afgevallen = beoordelingen[sleutel]
            staand = {a.instrument.id: a.instrument for a in aanbevolen}
            over = tuple(staand[i] for i in stap.instrumenten if i in staand)
            if not over:
                noot = noot or _route_noot(nr, stap.waarom, stap.instrumenten, afgevallen)
                break
            stappen.append(GekozenStap(over, stap.waarom, None, sleutel[0], stap.alsof))
        else:
            return GekozenRoute(route, tuple(stappen)), None
    return None, noot


def _route_noot(nr: int, waarom: str, ids: tuple[str, ...], afgevallen: list[Afgevallen]) -> str:
    waarom_af = {a.instrument.id: a for a in afgevallen}
    redenen = "; ".join(f"{a.instrument.naam}: {', '.join(r.tekst for r in a.redenen)}"
                        for i in ids if (a := waarom_af.get(i)) is not None)
    return (f"Een route past bij uw antwoorden, maar stap {nr} ({waarom}) kan niet: {redenen}. "
            f"Kies daarom uit de instrumenten hieronder.")


def _situatie(regels: list[InstrumentRegel], feiten: Mapping[str, str], niveau: Trede) -> dict[str, frozenset[str]]:
    """What the answers look for, per kenmerk: the values the active rules seek, and the rung."""
    gezocht: dict[str, set[str]] = {}
    for r in regels:
        gezocht.setdefault(r.kenmerk, set()).update(gezochte_waarden(r, feiten))
    uit = {k: frozenset(v) for k, v in gezocht.items()}
    uit[NIVEAU] = frozenset((niveau.id,))
    return uit


def _als_reden(tekst: str) -> str:
    """A catalogue sentence ("U zoekt ... .") in the style of the tree's reasons ("u zoekt ...")."""
    tekst = tekst.rstrip(".")
    return tekst if tekst[1:2].isupper() else tekst[:1].lower() + tekst[1:]


def sluit_uit(wanneer: Conditie, situatie: Mapping[str, frozenset[str]]) -> bool:
    """Whether a `wanneer_niet` condition holds. Only a situation that says something about
    every kenmerk the condition names can rule an instrument out."""
    return all(k in situatie for k in wanneer.sleutels()) and wanneer.geldt(situatie)


def rangschik(aanbevolen: list[Aanbeveling], voorrang: list[Voorrangsregel],
              catalogus: Catalogus) -> tuple[Aanbeveling, ...]:
    """Order by points, then by the tree's tie-break rules; instruments still equal share a rank
    (listed by name, which means nothing). Each instrument that goes before the next one on
    equal points gets the tie-break that decided it as a reason."""
    sleutels = {a.instrument.id: (-a.punten, *(v.positie(a.instrument) for v in voorrang)) for a in aanbevolen}

    def sleutel(a: Aanbeveling) -> tuple[int, ...]:
        return sleutels[a.instrument.id]

    rij = sorted(aanbevolen, key=lambda a: (sleutel(a), a.instrument.naam.casefold(), a.instrument.id))
    groepen: list[list[Aanbeveling]] = []
    for a in rij:
        if groepen and sleutel(groepen[-1][0]) == sleutel(a):
            groepen[-1].append(a)
        else:
            groepen.append([a])
    uit: list[Aanbeveling] = []
    for rang, groep in enumerate(groepen, start=1):
        volgende = groepen[rang][0] if rang < len(groepen) else None
        for a in groep:
            extra: tuple[Reden, ...] = ()
            if volgende is not None and volgende.punten == a.punten:
                v = next(v for v in voorrang if v.positie(a.instrument) != v.positie(volgende.instrument))
                extra = (Reden(f"{v.reden}: {_waarde(v, a.instrument, catalogus)} (bij {volgende.instrument.naam}: "
                               f"{_waarde(v, volgende.instrument, catalogus)})", v.id),)
            uit.append(Aanbeveling(a.instrument, a.punten, a.redenen, rang, extra))
    return tuple(uit)


def _waarde(v: Voorrangsregel, instrument: Instrument, catalogus: Catalogus) -> str:
    """The label of the instrument's value that counted for a tie-break rule."""
    positie = v.positie(instrument)
    if positie >= len(v.volgorde):
        return "geen " + (catalogus.kenmerken[v.kenmerk].naam.lower() if v.kenmerk in catalogus.kenmerken else v.kenmerk)
    waarde = v.volgorde[positie]
    kenmerk = catalogus.kenmerken.get(v.kenmerk)
    return kenmerk.label(waarde) if kenmerk else waarde


def onderscheid(catalogus: Catalogus, groep: tuple[Aanbeveling, ...]) -> dict[str, tuple[str, ...]]:
    """For instruments the advice cannot tell apart: per instrument, its values of the kenmerken
    on which the group differs ("kanaal: online"), in the catalogue's order of kenmerken."""
    uit: dict[str, list[str]] = {a.instrument.id: [] for a in groep}
    for kid, kenmerk in catalogus.kenmerken.items():
        waarden = {a.instrument.id: a.instrument.kenmerk(kid) for a in groep}
        if len({frozenset(w) for w in waarden.values()}) < 2:
            continue
        for iid, w in waarden.items():
            uit[iid].append(f"{kenmerk.naam.lower()}: {', '.join(kenmerk.label(x) for x in w) if w else '—'}")
    if len({a.instrument.deelnemers for a in groep}) > 1:
        for a in groep:
            if a.instrument.deelnemers:
                uit[a.instrument.id].append(a.instrument.deelnemers.rstrip(".").lower())
    return {k: tuple(v) for k, v in uit.items()}


@dataclass(frozen=True)
class _Toets:
    """One active rule as it applies to every instrument of one advice: the values it looks for
    and its reasons with the user's answers filled in, worked out once per advice."""

    regel: InstrumentRegel
    gezocht: frozenset[str]
    voor: Reden | None  # shown when the instrument has one of the values (None: the rule gives no reason)
    tegen: Reden | None  # shown when it has none and the rule is an `eis`

    @staticmethod
    def van(regel: InstrumentRegel, feiten: Mapping[str, str], labels: Mapping[str, str]) -> "_Toets":
        return _Toets(regel, frozenset(gezochte_waarden(regel, feiten)),
                      Reden(vul_in(regel.reden, labels), regel.id) if regel.reden else None,
                      Reden(vul_in(regel.reden_afgevallen or GEEN_REDEN, labels), regel.id)
                      if regel.soort == "eis" else None)


def _beoordeel(instrument: Instrument, toetsen: list[_Toets]) -> tuple[int, list[Reden], list[Reden]]:
    punten = 0
    voor: list[Reden] = []
    tegen: list[Reden] = []
    for t in toetsen:
        if not t.gezocht.isdisjoint(instrument.kenmerk(t.regel.kenmerk)):  # as `past`
            punten += t.regel.punten
            if t.voor is not None:
                voor.append(t.voor)
        elif t.tegen is not None:
            tegen.append(t.tegen)
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
