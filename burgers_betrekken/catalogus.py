"""Load the instrument catalogue (ladder, kenmerken, instruments) and check it against a tree."""

from __future__ import annotations

from pathlib import Path

from burgers_betrekken.errors import Locatie, ModelFout, YamlFout
from burgers_betrekken.model import NIVEAU, Boom, Catalogus, Conditie, Instrument, Kenmerk, Trede
from burgers_betrekken.velden import Meldingen, opsomming, suggestie
from burgers_betrekken.yamlsource import Knoop, lees_bestand

NIVEAUS = "niveaus"
"""The built-in kenmerk: the rungs an instrument serves (its values are the ladder)."""


def laad_catalogus(pad: Path) -> Catalogus:
    knoop = lees_bestand(pad)
    if knoop is None:
        raise YamlFout("het bestand is leeg; een catalogus heeft 'ladder', 'kenmerken' en 'instrumenten' nodig",
                       Locatie(str(pad), 1, 1))
    return CatalogusLezer(str(pad)).lees(knoop)


class CatalogusLezer:
    def __init__(self, bestand: str) -> None:
        self.bestand = bestand
        self.m = Meldingen()

    def lees(self, knoop: Knoop) -> Catalogus:
        m = self.m
        top = m.mapping(knoop, "de catalogus", verplicht=["ladder", "kenmerken", "instrumenten"],
                        optioneel=["catalogus", "tabel"])
        if top is None:
            m.stop_bij_fouten(ModelFout)
            raise AssertionError("unreachable")  # pragma: no cover
        m.mapping(top.get("catalogus"), "'catalogus'", optioneel=["titel", "beschrijving", "versie"])
        ladder = self._ladder(top.get("ladder"))
        kenmerken = self._kenmerken(top.get("kenmerken"))
        tabel = self._tabel(top.get("tabel"), kenmerken)
        instrumenten = self._instrumenten(top.get("instrumenten"), ladder, kenmerken)
        m.stop_bij_fouten(ModelFout)
        return Catalogus(ladder, kenmerken, tabel, instrumenten, self.bestand)

    def _ladder(self, knoop: Knoop | None) -> tuple[Trede, ...]:
        m = self.m
        velden = m.vrije_mapping(knoop, "'ladder'") or {}
        if knoop is not None and knoop.is_map and len(velden) < 2:
            m.fout("de ladder heeft minstens twee treden nodig", knoop.locatie)
        treden = []
        for tid, tk in velden.items():
            wat = f"trede '{tid}'"
            t = m.mapping(tk, wat, verplicht=["naam", "omschrijving", "belofte", "participatie"])
            if t is None:
                continue
            naam = m.tekst(t.get("naam"), f"de naam van {wat}")
            oms = m.tekst(t.get("omschrijving"), f"de omschrijving van {wat}")
            belofte = m.tekst(t.get("belofte"), f"de belofte van {wat}")
            participatie = m.ja_nee(t.get("participatie"), f"'participatie' van {wat}")
            if naam and oms and belofte and participatie is not None:
                treden.append(Trede(tid, naam, oms, belofte, participatie, tk.locatie))
        return tuple(treden)

    def _kenmerken(self, knoop: Knoop | None) -> dict[str, Kenmerk]:
        m = self.m
        velden = m.vrije_mapping(knoop, "'kenmerken'") or {}
        uit = {}
        for kid, kk in velden.items():
            wat = f"kenmerk '{kid}'"
            if kid == NIVEAUS:
                m.fout(f"'{NIVEAUS}' is ingebouwd (de treden van de ladder) en kan geen eigen kenmerk zijn",
                       knoop.sleutel_locaties[kid] if knoop else None)
                continue
            k = m.mapping(kk, wat, verplicht=["naam", "waarden"])
            if k is None:
                continue
            naam = m.tekst(k.get("naam"), f"de naam van {wat}")
            waarden = m.vrije_mapping(k.get("waarden"), f"de waarden van {wat}")
            labels = {}
            for wid, wk in (waarden or {}).items():
                label = m.tekst(wk, f"het label van waarde '{wid}' van {wat}")
                if label:
                    labels[wid] = label
            if naam and waarden is not None:
                uit[kid] = Kenmerk(kid, naam, labels, kk.locatie)
        return uit

    def _tabel(self, knoop: Knoop | None, kenmerken: dict[str, Kenmerk]) -> tuple[str, ...]:
        if knoop is None:
            return tuple(kenmerken)[:3]
        ids = self.m.ids(knoop, "'tabel'") or ()
        for i in ids:
            if i not in kenmerken:
                self.m.fout(f"'tabel' noemt onbekend kenmerk '{i}'{suggestie(i, kenmerken)}", knoop.locatie)
        return tuple(ids)

    def _instrumenten(self, knoop: Knoop | None, ladder: tuple[Trede, ...],
                      kenmerken: dict[str, Kenmerk]) -> tuple[Instrument, ...]:
        m = self.m
        velden = m.vrije_mapping(knoop, "'instrumenten'") or {}
        tredes = [t.id for t in ladder]
        uit = []
        for iid, ik in velden.items():
            wat = f"instrument '{iid}'"
            v = m.mapping(ik, wat, verplicht=["naam", "samenvatting", "niveaus", "kenmerken"],
                          optioneel=["wanneer_wel", "wanneer_niet", "sterke_punten", "beperkingen", "kosten",
                                     "doorlooptijd", "deelnemers", "voorbeeld", "bron"])
            if v is None:
                continue
            naam = m.tekst(v.get("naam"), f"de naam van {wat}")
            samenvatting = m.tekst(v.get("samenvatting"), f"de samenvatting van {wat}")
            niveaus = m.ids(v.get("niveaus"), f"de niveaus van {wat}")
            for n in niveaus or ():
                if n not in tredes:
                    m.fout(f"{wat} noemt onbekende trede '{n}'{suggestie(n, tredes)} "
                           f"(treden: {opsomming(tredes)})", v["niveaus"].locatie)
            eigen = self._eigen_kenmerken(v.get("kenmerken"), kenmerken, wat)

            def teksten(sleutel: str, omschrijving: str) -> tuple[str, ...]:
                return m.teksten(v.get(sleutel), f"{omschrijving} van {wat}") or ()  # noqa: B023

            def tekst(sleutel: str, omschrijving: str) -> str | None:
                return m.tekst(v.get(sleutel), f"{omschrijving} van {wat}")  # noqa: B023

            if naam and samenvatting and niveaus and eigen is not None:
                uit.append(Instrument(
                    id=iid, naam=naam, samenvatting=samenvatting, niveaus=niveaus, kenmerken=eigen,
                    wanneer_wel=teksten("wanneer_wel", "'wanneer_wel'"),
                    wanneer_niet=teksten("wanneer_niet", "'wanneer_niet'"),
                    sterke_punten=teksten("sterke_punten", "de sterke punten"),
                    beperkingen=teksten("beperkingen", "de beperkingen"),
                    kosten_indicatie=tekst("kosten", "de kosten"),
                    doorlooptijd_indicatie=tekst("doorlooptijd", "de doorlooptijd"),
                    deelnemers=tekst("deelnemers", "'deelnemers'"),
                    voorbeeld=tekst("voorbeeld", "het voorbeeld"),
                    bron=tekst("bron", "de bron"),
                    locatie=ik.locatie,
                ))
        return tuple(uit)

    def _eigen_kenmerken(self, knoop: Knoop | None, kenmerken: dict[str, Kenmerk],
                         wat: str) -> dict[str, tuple[str, ...]] | None:
        m = self.m
        velden = m.mapping(knoop, f"de kenmerken van {wat}", optioneel=list(kenmerken))
        if velden is None:
            return None
        uit = {}
        for kid, kk in velden.items():
            if kid not in kenmerken:
                continue
            waarden = m.ids(kk, f"kenmerk '{kid}' van {wat}")
            if waarden is None:
                continue
            toegestaan = list(kenmerken[kid].waarden)
            for w in waarden:
                if w not in toegestaan:
                    m.fout(f"kenmerk '{kid}' van {wat} heeft onbekende waarde '{w}'{suggestie(w, toegestaan)} "
                           f"(waarden: {opsomming(toegestaan)})", kk.locatie)
            uit[kid] = waarden
        return uit


def controleer_samenhang(boom: Boom, catalogus: Catalogus) -> None:
    """Check the references from a tree into a catalogue: rungs, kenmerken and their values.
    Raises ModelFout listing every problem, located in the tree file."""
    m = Meldingen()
    tredes = [t.id for t in catalogus.ladder]

    def trede(waarde: str, loc: Locatie | None, wat: str) -> None:
        if waarde not in tredes:
            m.fout(f"{wat} noemt onbekende trede '{waarde}'{suggestie(waarde, tredes)} "
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

    trede(boom.standaard_niveau, None, "niveau.standaard")
    for groep in ("gewenst", "plafond"):
        for i, r in enumerate(getattr(boom, groep), start=1):
            trede(r.niveau, r.locatie, f"regel {i} van niveau.{groep}")
    alle_kenmerken = [NIVEAUS, *catalogus.kenmerken]
    for regel in boom.instrumentregels:
        wat = f"instrumentregel '{regel.id}'"
        conditie(regel.wanneer, wat)
        if regel.kenmerk not in alle_kenmerken:
            m.fout(f"{wat} noemt onbekend kenmerk '{regel.kenmerk}'{suggestie(regel.kenmerk, alle_kenmerken)} "
                   f"(kenmerken in {catalogus.bestand}: {opsomming(alle_kenmerken)})", regel.kenmerk_locatie or regel.locatie)
            continue
        toegestaan = tredes if regel.kenmerk == NIVEAUS else list(catalogus.kenmerken[regel.kenmerk].waarden)
        for w in regel.waarden:
            if w not in toegestaan:
                m.fout(f"{wat}: kenmerk '{regel.kenmerk}' kent geen waarde '{w}'{suggestie(w, toegestaan)} "
                       f"(waarden: {opsomming(toegestaan)})", regel.locatie)
    for let_op in boom.let_op:
        conditie(let_op.wanneer, f"let_op '{let_op.id}'")
    m.stop_bij_fouten(ModelFout)
