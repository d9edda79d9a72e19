"""Load the instrument catalogue (ladder, kenmerken, instruments) and check it against a tree."""

from __future__ import annotations

from pathlib import Path

from burgers_betrekken.kern.fouten import Locatie, ModelFout, Probleem
from burgers_betrekken.kern.model import NIVEAU, NIVEAUS, Boom, Catalogus, Conditie, Instrument, Kenmerk, Trede, Uitsluiting
from burgers_betrekken.lezen import vorm
from burgers_betrekken.kern.woorden import fragment
from burgers_betrekken.lezen.meldingen import Gelezen, Meldingen, opsomming, suggestie
from burgers_betrekken.lezen.bestanden import NU, Bron
from burgers_betrekken.lezen.basis import lees_met_basis
from burgers_betrekken.lezen.knopen import Knoop

INSTRUMENT = "instrument"
"""Built-in kenmerk: the instrument's own id (a rule can name instruments directly)."""
INGEBOUWD = {NIVEAUS: "de treden van de ladder", INSTRUMENT: "de id van het instrument zelf"}
NODIG = "een catalogus heeft 'ladder', 'kenmerken' en 'instrumenten' nodig (of 'basis' en wat anders is)"


def laad_catalogus(pad: Path, data: bytes | None = None, bron: Bron = NU) -> Catalogus:
    """Read and check the catalogue in `pad`; `data`: its bytes, when they were read already;
    `bron`: where the file and its bases are read."""
    return lees_met_basis(pad, data, "catalogus", vorm.CATALOGUS, NODIG, CatalogusLezer, bron)


class CatalogusLezer:
    def __init__(self, bestand: str, sha256: str = "", bases: tuple[tuple[str, str], ...] = ()) -> None:
        self.bestand = bestand
        self.sha256 = sha256
        self.bases = bases
        self.m = Meldingen()

    def lees(self, knoop: Knoop) -> Catalogus:
        m = self.m
        top = m.object(knoop, vorm.CATALOGUS, "de catalogus")
        if top is None:
            m.stop_bij_fouten(ModelFout)
            raise AssertionError("unreachable")  # pragma: no cover
        m.object(top["catalogus"], vorm.CATALOGUS.veld("catalogus").vorm, "'catalogus'")  # type: ignore[union-attr,arg-type]
        ladder = self._ladder(top["ladder"])
        kenmerken = self._kenmerken(top["kenmerken"], top.knoop("kenmerken"))
        tabel = self._tabel(top, kenmerken)
        instrumenten = self._instrumenten(top["instrumenten"], top.knoop("instrumenten"), ladder, kenmerken)
        checklist = m.object(top["checklist"], vorm.CATALOGUS.veld("checklist").vorm, "'checklist'")  # type: ignore[union-attr,arg-type]
        m.stop_bij_fouten(ModelFout)
        return Catalogus(ladder, kenmerken, tabel, instrumenten, self.bestand,
                         tuple(checklist["punten"] or ()) if checklist else (), checklist["bron"] if checklist else None, self.sha256, self.bases)

    def _ladder(self, velden: dict[str, Knoop] | None) -> tuple[Trede, ...]:
        treden = []
        for tid, tk in (velden or {}).items():
            t = self.m.object(tk, vorm.TREDE, f"trede '{fragment(tid)}'")
            if t is not None and t.volledig:
                treden.append(t.bouw(Trede, id=tid, locatie=tk.locatie))
        return tuple(treden)

    def _kenmerken(self, velden: dict[str, Knoop] | None, knoop: Knoop | None) -> dict[str, Kenmerk]:
        m = self.m
        uit = {}
        for kid, kk in (velden or {}).items():
            wat = f"kenmerk '{fragment(kid)}'"
            if kid in INGEBOUWD:
                m.fout(f"'{fragment(kid)}' is ingebouwd ({INGEBOUWD[kid]}) en kan geen eigen kenmerk zijn",
                       knoop.sleutel_locaties[kid] if knoop else None)
                continue
            k = m.object(kk, vorm.KENMERK, wat)
            if k is None:
                continue
            labels = {}
            for wid, wk in (k["waarden"] or {}).items():
                label = m.tekst(wk, f"het label van waarde '{fragment(wid)}' van {wat}")
                if label:
                    labels[wid] = label
            if k["naam"] and k["waarden"] is not None:
                uit[kid] = k.bouw(Kenmerk, id=kid, waarden=labels, locatie=kk.locatie)
        return uit

    def _tabel(self, top: Gelezen, kenmerken: dict[str, Kenmerk]) -> tuple[str, ...]:
        if "tabel" not in top:
            return tuple(kenmerken)[:3]
        ids = top["tabel"] or ()
        for i in ids:
            if i not in kenmerken:
                self.m.fout(f"'tabel' noemt onbekend kenmerk '{fragment(i)}'{suggestie(i, kenmerken)}", top.locatie("tabel"))
        return tuple(ids)

    def _instrumenten(self, velden: dict[str, Knoop] | None, knoop: Knoop | None, ladder: tuple[Trede, ...],
                      kenmerken: dict[str, Kenmerk]) -> tuple[Instrument, ...]:
        m = self.m
        tredes = [t.id for t in ladder]
        uit = []
        plekken = knoop.sleutel_locaties if knoop is not None else {}
        for iid, ik in (velden or {}).items():
            wat = f"instrument '{fragment(iid)}'"
            v = m.object(ik, vorm.INSTRUMENT, wat)
            if v is None:
                continue
            for n in v["niveaus"] or ():
                if n not in tredes:
                    m.fout(f"{wat} noemt onbekende trede '{fragment(n)}'{suggestie(n, tredes)} "
                           f"(treden: {opsomming(tredes)})", v.locatie("niveaus"))
            eigen = self._eigen_kenmerken(v.knoop("kenmerken"), kenmerken, wat)
            niet_teksten, uitsluitingen = self._wanneer_niet(v["wanneer_niet"], kenmerken, tredes, wat)
            if v.ok and v["naam"] and v["samenvatting"] and v["niveaus"] and eigen is not None:
                uit.append(v.bouw(Instrument, id=iid, kenmerken=eigen, wanneer_niet=niet_teksten,
                                  uitsluitingen=uitsluitingen, locatie=plekken.get(iid, ik.locatie)))
        return tuple(uit)

    def _wanneer_niet(self, items: list | None, kenmerken: dict[str, Kenmerk], tredes: list[str],
                      wat: str) -> tuple[tuple[str, ...], tuple[Uitsluiting, ...]]:
        """The texts of `wanneer_niet` (all of them, for the reader) and the items with a
        condition (for the engine)."""
        teksten: list[str] = []
        uitsluitingen: list[Uitsluiting] = []
        for item in items or ():
            if isinstance(item, str):
                teksten.append(item)
                continue
            iwat = f"'wanneer_niet' van {wat}"
            u = self.m.object(item, vorm.UITSLUITING, iwat)
            if u is None or u["tekst"] is None:
                continue
            teksten.append(u["tekst"])
            cond = self.kenmerkconditie(u["wanneer"], iwat, kenmerken, tredes)
            if cond is not None and u.ok:
                uitsluitingen.append(u.bouw(Uitsluiting, wanneer=cond, locatie=item.locatie))
        return tuple(teksten), tuple(uitsluitingen)

    def kenmerkconditie(self, knoop: Knoop | None, wat: str, kenmerken: dict[str, Kenmerk],
                        tredes: list[str]) -> Conditie | None:
        """A condition over kenmerken (and `niveau`): every value must be one the kenmerk knows."""
        def controleer(sleutel: str, waarden: tuple[str, ...], locatie: Locatie | None) -> bool:
            toegestaan = tredes if sleutel == NIVEAU else list(kenmerken[sleutel].waarden)
            soort = "trede" if sleutel == NIVEAU else "waarde"
            onbekend = [w for w in waarden if w not in toegestaan]
            for w in onbekend:
                self.m.fout(f"'wanneer' van {wat}: '{fragment(sleutel)}' kent geen {soort} '{fragment(w)}'{suggestie(w, toegestaan)} "
                            f"({opsomming(toegestaan)})", locatie)
            return not onbekend

        return self.m.conditie(knoop, vorm.KENMERKCONDITIE, wat, kenmerken, controleer)

    def _eigen_kenmerken(self, knoop: Knoop | None, kenmerken: dict[str, Kenmerk],
                         wat: str) -> dict[str, tuple[str, ...]] | None:
        m = self.m
        velden = m.object(knoop, vorm.INSTRUMENT.veld("kenmerken").vorm, f"de kenmerken van {wat}",  # type: ignore[union-attr,arg-type]
                          overige=kenmerken)
        if velden is None:
            return None
        uit = {}
        for kid, waarden in velden.items():
            if waarden is None:
                continue
            toegestaan = list(kenmerken[kid].waarden)
            for w in waarden:
                if w not in toegestaan:
                    m.fout(f"kenmerk '{fragment(kid)}' van {wat} heeft onbekende waarde '{fragment(w)}'{suggestie(w, toegestaan)} "
                           f"(waarden: {opsomming(toegestaan)})", velden.locatie(kid))
            uit[kid] = waarden
        return uit


def controleer_samenhang(boom: Boom, catalogus: Catalogus) -> None:
    """Raise ModelFout listing every error in the references from a tree into a catalogue."""
    fouten = [p for p in samenhang_problemen(boom, catalogus) if p.ernst == "fout"]
    if fouten:
        raise ModelFout(problemen=fouten)


def samenhang_problemen(boom: Boom, catalogus: Catalogus) -> list[Probleem]:
    """Every problem in the references from a tree into a catalogue (rungs, kenmerken, their
    values, instruments), and instruments no rule can ever recommend. Located in the tree file,
    except the last, which points at the instrument in the catalogue."""
    m = Meldingen()
    tredes = [t.id for t in catalogus.ladder]
    ids = [i.id for i in catalogus.instrumenten]

    def trede(waarde: str, loc: Locatie | None, wat: str) -> None:
        if waarde not in tredes:
            m.fout(f"{wat} noemt onbekende trede '{fragment(waarde)}'{suggestie(waarde, tredes)} "
                   f"(treden in {catalogus.bestand}: {opsomming(tredes)})", loc)

    def conditie(c: Conditie, wat: str) -> None:
        for sleutel, waarden in c.vereist:
            if sleutel == NIVEAU:
                for w in sorted(waarden):
                    trede(w, c.locatie, f"'wanneer' van {wat}")
        if c.niet is not None:
            conditie(c.niet, wat)
        for sub in c.een_van:
            conditie(sub, wat)

    trede(boom.standaard_niveau, boom.standaard_locatie, "niveau.standaard")
    for groep in ("gewenst", "plafond"):
        for i, r in enumerate(getattr(boom, groep), start=1):
            trede(r.niveau, r.niveau_locatie or r.locatie, f"regel {i} van niveau.{groep}")
    alle_kenmerken = [*INGEBOUWD, *catalogus.kenmerken]
    for regel in boom.instrumentregels:
        wat = f"instrumentregel '{regel.id}'"
        conditie(regel.wanneer, wat)
        if regel.kenmerk not in alle_kenmerken:
            m.fout(f"{wat} noemt onbekend kenmerk '{regel.kenmerk}'{suggestie(regel.kenmerk, alle_kenmerken)} "
                   f"(kenmerken in {catalogus.bestand}: {opsomming(alle_kenmerken)})",
                   regel.kenmerk_locatie or regel.locatie)
            continue
        if regel.kenmerk == INSTRUMENT:
            wat_is, toegestaan = "instrument", ids
        elif regel.kenmerk == NIVEAUS:
            wat_is, toegestaan = "trede", tredes
        else:
            wat_is, toegestaan = "waarde", list(catalogus.kenmerken[regel.kenmerk].waarden)
        bekend = set(toegestaan)
        for w in regel.waarden:
            if w not in bekend:
                m.fout(f"{wat}: kenmerk '{regel.kenmerk}' kent geen {wat_is} '{fragment(w)}'{suggestie(w, toegestaan)} "
                       f"({opsomming(toegestaan)})", regel.waarden_locatie or regel.locatie)
    for vr in boom.voorrang:
        wat = f"gelijke_punten '{vr.id}'"
        conditie(vr.wanneer, wat)
        if vr.kenmerk not in catalogus.kenmerken and vr.kenmerk != NIVEAUS:
            eigen = list(catalogus.kenmerken)
            m.fout(f"{wat} noemt onbekend kenmerk '{vr.kenmerk}'{suggestie(vr.kenmerk, eigen)} "
                   f"(kenmerken in {catalogus.bestand}: {opsomming(eigen)})", vr.locatie)
            continue
        toegestaan = tredes if vr.kenmerk == NIVEAUS else list(catalogus.kenmerken[vr.kenmerk].waarden)
        for w in vr.volgorde:
            if w not in toegestaan:
                m.fout(f"{wat}: kenmerk '{vr.kenmerk}' kent geen waarde '{fragment(w)}'{suggestie(w, toegestaan)} "
                       f"({opsomming(toegestaan)})", vr.volgorde_locatie or vr.locatie)
    for let_op in boom.let_op:
        conditie(let_op.wanneer, f"let_op '{let_op.id}'")
    for belofte in boom.beloftes:
        conditie(belofte.wanneer, f"belofte '{belofte.id}'")
    for route in boom.routes:
        conditie(route.wanneer, f"route '{route.id}'")
        for nr, stap in enumerate(route.stappen, start=1):
            if stap.trede is not None:
                trede(stap.trede, stap.trede_locatie or stap.locatie, f"stap {nr} van route '{route.id}'")
                if stap.trede in tredes and not catalogus.trede(stap.trede).participatie:
                    m.fout(f"stap {nr} van route '{route.id}' noemt trede '{stap.trede}', waarop burgers geen "
                           f"invloed hebben; een stap van een route is participatie",
                           stap.trede_locatie or stap.locatie)
            for vid, oid in stap.alsof.items():
                plek = stap.alsof_locaties.get(vid, stap.locatie)
                if vid not in boom.vragen:
                    m.fout(f"'alsof' van stap {nr} van route '{route.id}' noemt onbekende vraag '{fragment(vid)}'"
                           f"{suggestie(vid, boom.vragen)} (vragen: {opsomming(boom.vragen)})", plek)
                elif boom.vraag(vid).optie(oid) is None:
                    opties = boom.vraag(vid).optie_ids
                    m.fout(f"'alsof' van stap {nr} van route '{route.id}': vraag '{vid}' heeft geen optie "
                           f"'{fragment(oid)}'{suggestie(oid, opties)} (opties: {opsomming(opties)})", plek)
            for iid in stap.instrumenten:
                if iid not in ids:
                    m.fout(f"stap {nr} van route '{route.id}' noemt onbekend instrument '{iid}'{suggestie(iid, ids)} "
                           f"(instrumenten in {catalogus.bestand}: {opsomming(ids)})",
                           stap.instrumenten_locatie or stap.locatie)
    if not m.fouten:  # with broken references the analysis would only repeat them as warnings
        _nooit_aanbevolen(boom, catalogus, m)
    return m.problemen


def _nooit_aanbevolen(boom: Boom, catalogus: Catalogus, m: Meldingen) -> None:
    """An instrument is recommended only when a rule with a reason matches one of its values.
    Warn about instruments whose values no such rule looks for. Linear in rules + instruments."""
    gezocht: set[tuple[str, str]] = set()
    for regel in boom.instrumentregels:
        if not regel.reden:
            continue
        if regel.waarde_van is None:
            waarden: tuple[str, ...] = regel.waarden
        elif regel.waarde_van == NIVEAU:
            waarden = tuple(t.id for t in catalogus.ladder)
        else:
            vraag = boom.vragen.get(regel.waarde_van)
            waarden = vraag.optie_ids if vraag else ()
        gezocht.update((regel.kenmerk, w) for w in waarden)
    for instrument in catalogus.instrumenten:
        eigen = [(NIVEAUS, n) for n in instrument.niveaus] + [(INSTRUMENT, instrument.id)]
        eigen += [(k, w) for k, waarden in instrument.kenmerken.items() for w in waarden]
        if not any(paar in gezocht for paar in eigen):
            m.waarschuwing(f"instrument '{instrument.id}' wordt nooit aanbevolen: geen instrumentregel van "
                           f"boom '{boom.id}' met een 'reden' zoekt een van zijn kenmerken", instrument.locatie)
