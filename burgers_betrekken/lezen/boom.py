"""Load a beslisboom (decision tree) YAML file into a `Boom`, reporting every problem with its place."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from burgers_betrekken.kern.fouten import Locatie, ModelFout
from burgers_betrekken.kern.model import (
    EINDE,
    NIVEAU,
    Belofte,
    Boom,
    Conditie,
    InstrumentRegel,
    LetOp,
    NiveauRegel,
    PLAATSHOUDER,
    WEET_NIET,
    ALTIJD,
    Voorrangsregel,
    Optie,
    Route,
    Routestap,
    Vraag,
    WeetNiet,
)
from burgers_betrekken.lezen import bronnen, vorm
from burgers_betrekken.kern.woorden import fragment
from burgers_betrekken.kern.vormtaal import Object
from burgers_betrekken.lezen.meldingen import Gelezen, Meldingen, opsomming, suggestie
from burgers_betrekken.lezen.bestanden import NU, Bron
from burgers_betrekken.lezen.basis import herkomst as basis_herkomst, lees_met_basis, lees_met_keten
from burgers_betrekken.lezen.knopen import Knoop
from burgers_betrekken.lezen.antwoorden import GERESERVEERDE_VRAAG_IDS, gereserveerd


M = TypeVar("M")

NODIG = "een beslisboom heeft 'boom', 'start' en 'vragen' nodig (of 'basis' en wat anders is)"


def laad_boom(pad: Path, data: bytes | None = None, bron: Bron = NU) -> Boom:
    """Read, check and return the tree in `pad`, merged over its base when it names one;
    `data`: its bytes, when they were read already (then the file is not read again); `bron`:
    where the file and its bases are read. Raises YamlFout or ModelFout."""
    return lees_met_basis(pad, data, "boom", vorm.BOOM, NODIG, BoomLezer, bron)


def laad_boom_met_herkomst(pad: Path) -> tuple[Boom, list[tuple[str, tuple[Locatie, ...]]]]:
    """The tree in `pad`, as `laad_boom` gives it, and where each of its parts is written once
    merged over its bases (`bb boom toon --herkomst`); both from one read of each file."""
    boom, keten = lees_met_keten(pad, None, "boom", vorm.BOOM, NODIG, BoomLezer)
    return boom, basis_herkomst(keten.knoop)


class _Alles(dict):
    """Accepts every key: the question ids when 'vragen' could not be read at all."""

    def __contains__(self, sleutel: object) -> bool:
        return True


class BoomLezer:
    def __init__(self, bestand: str, sha256: str = "", bases: tuple[tuple[str, str], ...] = ()) -> None:
        self.bestand = bestand
        self.sha256 = sha256
        self.bases = bases
        self.m = Meldingen()
        # where each `volgende:` value stands, keyed by (question id, option id or None)
        self.volgende_locaties: dict[tuple[str, str | None], Locatie] = {}
        # every question id in the file, also of questions that have errors of their own, so that
        # a reference to such a question is not reported as a second, misleading error
        self.vraag_ids: dict[str, None] = {}
        self.optie_ids: dict[str, list[str]] = {}  # likewise every option id, per question

    def lees(self, knoop: Knoop) -> Boom:
        m = self.m
        top = m.object(knoop, vorm.BOOM, "de beslisboom")
        if top is None:
            m.stop_bij_fouten(ModelFout)
            raise AssertionError("unreachable")  # pragma: no cover
        meta = m.object(top["boom"], vorm.BOOM.veld("boom").vorm, "'boom'")  # type: ignore[union-attr,arg-type]
        boom_id = meta["id"] if meta else None
        versie = meta["versie"] if meta else None
        titel = meta["titel"] if meta else None
        beschrijving = meta["beschrijving"] if meta else None

        vragen = self._vragen(top["vragen"], top.knoop("vragen"))
        if vragen is None:  # 'vragen' itself is broken: do not also report every question a rule names
            self.vraag_ids = _Alles()
        start = top["start"]
        if start is not None and vragen is not None and start not in self.vraag_ids:
            m.fout(f"'start' verwijst naar onbekende vraag '{fragment(start)}'{suggestie(start, vragen)}",
                   top.locatie("start"))
        if vragen is not None:
            fouten_voor = len(m.fouten)
            self._controleer_verwijzingen(vragen)
            if start in vragen:
                self._controleer_kringloop(vragen, start)
                if len(m.fouten) == fouten_voor:  # a broken link would make every later question unreachable
                    self._controleer_bereikbaar(vragen, start)

        gewenst, standaard, plafond = self._niveau(top["niveau"])
        niveau_knoop = top.knoop("niveau")
        standaard_knoop = niveau_knoop.waarde.get("standaard") if niveau_knoop and niveau_knoop.is_map else None  # type: ignore[union-attr]
        regels = self._instrumentregels(top["instrumentregels"])
        let_op = self._met_wanneer(top["let_op"], "let_op", vorm.LET_OP, LetOp)
        beloftes = self._met_wanneer(top["beloftes"], "belofte", vorm.BELOFTE, Belofte)
        voorrang = self._voorrang(top["gelijke_punten"])
        routes = self._routes(top["routes"], top.knoop("routes"))
        wat_als = top["wat_als"]
        for vid in wat_als or ():
            if vid not in self.vraag_ids:
                m.fout(f"'wat_als' noemt onbekende vraag '{fragment(vid)}'{suggestie(vid, self.vraag_ids)}", top.locatie("wat_als"))

        catalogus = self._catalogus(meta)
        m.stop_bij_fouten(ModelFout)
        assert boom_id and versie and titel and start and vragen is not None and standaard
        return Boom(id=boom_id, versie=versie, titel=titel, beschrijving=beschrijving, start=start,
                    vragen=vragen, gewenst=gewenst, standaard_niveau=standaard, plafond=plafond,
                    instrumentregels=regels, let_op=let_op, bestand=self.bestand,
                    catalogus=catalogus, catalogus_locatie=meta.locatie("catalogus") if meta else None,
                    standaard_locatie=standaard_knoop.locatie if standaard_knoop else None,
                    voorrang=voorrang, wat_als=tuple(wat_als) if wat_als else None, sha256=self.sha256,
                    bases=self.bases, routes=routes, beloftes=beloftes)

    def _catalogus(self, meta: Gelezen | None) -> str | None:
        """The catalogue the tree names, relative to the file where that line stands (a tree that
        builds on another may take it from its base)."""
        if meta is None or not meta["catalogus"]:
            return None
        plek = meta.locatie("catalogus")
        verwijzer = Path(plek.bestand) if plek is not None else Path(self.bestand)
        pad = verwijzer.parent / meta["catalogus"]
        if melding := bronnen.weiger("de catalogus", meta["catalogus"], pad, verwijzer):
            self.m.fout(melding, plek)
        return str(pad)

    # --- questions -----------------------------------------------------------------

    def _vragen(self, velden: dict[str, Knoop] | None, knoop: Knoop | None) -> dict[str, Vraag] | None:
        m = self.m
        if velden is None:
            return None
        vragen: dict[str, Vraag] = {}
        self.vraag_ids = {v: None for v in velden if v not in (EINDE, NIVEAU)}
        for vraag_id, vk in velden.items():
            if (waarom := gereserveerd(vraag_id, velden)) is not None:
                m.fout(waarom, knoop.sleutel_locaties[vraag_id] if knoop else None)
                if vraag_id in GERESERVEERDE_VRAAG_IDS:
                    continue
            wat = f"vraag '{fragment(vraag_id)}'"
            v = m.object(vk, vorm.VRAAG, wat)
            if v is None:
                continue
            if "volgende" in v:
                self.volgende_locaties[(vraag_id, None)] = v.locatie("volgende")
            opties = self._opties(v["opties"], v.knoop("opties"), vraag_id)
            if opties is None or v["tekst"] is None:
                continue
            plek = knoop.sleutel_locaties[vraag_id] if knoop else vk.locatie
            weet_niet = self._weet_niet(v, opties, wat)
            self._controleer_standaard(v, opties, wat)
            zonder = [o.id for o in opties if o.volgende is None]
            if "volgende" not in v and zonder:
                welke = f"optie {opsomming(zonder)} heeft" if len(zonder) == 1 else f"opties {opsomming(zonder)} hebben"
                m.fout(f"na {wat} gaat het pad nergens heen: de vraag heeft geen 'volgende' en {welke} er ook "
                       f"geen; geef de vraag 'volgende: <vraag-id>' of 'volgende: {EINDE}'", plek)
            vragen[vraag_id] = v.bouw(Vraag, id=vraag_id, opties=opties, weet_niet=weet_niet, locatie=plek)
        return vragen

    def _weet_niet(self, v: Gelezen, opties: tuple[Optie, ...], wat: str) -> WeetNiet | None:
        w = self.m.object(v["weet_niet"], vorm.VRAAG.veld("weet_niet").vorm, f"'weet_niet' van {wat}")  # type: ignore[union-attr,arg-type]
        if w is None or not w.volledig:
            return None
        ids = [o.id for o in opties]
        if w["optie"] not in ids:
            self.m.fout(f"'weet_niet' van {wat} neemt optie '{w['optie']}' aan, maar die bestaat niet"
                        f"{suggestie(w['optie'], ids)} (opties: {opsomming(ids)})", w.locatie("optie"))
            return None
        return w.bouw(WeetNiet)

    def _controleer_standaard(self, v: Gelezen, opties: tuple[Optie, ...], wat: str) -> None:
        standaard = v["standaard"]
        ids = [o.id for o in opties]
        if standaard is None or standaard in ids:
            return
        if standaard == WEET_NIET:
            self.m.fout(f"'standaard' van {wat} kan geen '{WEET_NIET}' zijn: laat 'standaard' weg, dan neemt bb "
                        f"'Weet ik niet' aan als de vraag '{WEET_NIET}' heeft", v.locatie("standaard"))
            return
        self.m.fout(f"'standaard' van {wat} neemt optie '{fragment(standaard)}' aan, maar die bestaat niet"
                    f"{suggestie(standaard, ids)} (opties: {opsomming(ids)})", v.locatie("standaard"))

    def _opties(self, velden: dict[str, Knoop] | None, knoop: Knoop | None,
                vraag_id: str) -> tuple[Optie, ...] | None:
        if velden is None or knoop is None:
            return None
        self.optie_ids[vraag_id] = list(velden)
        opties = []
        for optie_id, ok in velden.items():
            if optie_id == WEET_NIET:
                self.m.fout(f"'{WEET_NIET}' is gereserveerd voor 'Weet ik niet'; gebruik de sleutel 'weet_niet' "
                            f"van de vraag om dat toe te staan", knoop.sleutel_locaties[optie_id])
                continue
            o = self.m.object(ok, vorm.OPTIE, f"optie '{fragment(optie_id)}' van vraag '{fragment(vraag_id)}'")
            if o is None:
                continue
            if "volgende" in o:
                self.volgende_locaties[(vraag_id, optie_id)] = o.locatie("volgende")
            if o["label"] is None:
                continue
            opties.append(o.bouw(Optie, id=optie_id, locatie=knoop.sleutel_locaties[optie_id]))
        return tuple(opties)

    def _controleer_verwijzingen(self, vragen: dict[str, Vraag]) -> None:
        doelen = {**self.vraag_ids, EINDE: None}  # a question with its own errors is still a valid target
        for vraag in vragen.values():
            plek = self.volgende_locaties.get
            kandidaten = [(vraag.volgende, plek((vraag.id, None), vraag.locatie), f"vraag '{vraag.id}'")]
            kandidaten += [(o.volgende, plek((vraag.id, o.id), o.locatie), f"optie '{o.id}' van vraag '{vraag.id}'")
                           for o in vraag.opties]
            for doel, loc, wat in kandidaten:
                if doel is not None and doel not in doelen:
                    self.m.fout(f"'volgende' van {wat} verwijst naar onbekende vraag '{fragment(doel)}'"
                                f"{suggestie(doel, doelen)}", loc)

    def _controleer_kringloop(self, vragen: dict[str, Vraag], start: str) -> None:
        """Depth-first search from the start; a question met again on the current path is a cycle."""
        KLAAR, BEZIG = 2, 1
        staat: dict[str, int] = {}
        stapel: list[tuple[str, list[str]]] = [(start, self._opvolgers(vragen, start))]
        pad = [start]
        staat[start] = BEZIG
        while stapel:
            vraag_id, rest = stapel[-1]
            if not rest:
                staat[vraag_id] = KLAAR
                stapel.pop()
                pad.pop()
                continue
            volgende = rest.pop()
            if staat.get(volgende) == BEZIG:
                kring = pad[pad.index(volgende):] + [volgende]
                self.m.fout(f"de vragen vormen een kringloop: {' → '.join(kring)}", self._kringplek(vragen, kring))
                return
            if volgende not in staat:
                staat[volgende] = BEZIG
                pad.append(volgende)
                stapel.append((volgende, self._opvolgers(vragen, volgende)))

    def _kringplek(self, vragen: dict[str, Vraag], kring: list[str]) -> Locatie | None:
        """Where to change a loop: the `volgende` that closes it, or one of its `volgende`s written
        in this file itself when the loop goes through a base (an overlay made it)."""
        plekken = []
        for van, naar in zip(kring, kring[1:]):
            vraag = vragen[van]
            eigen = [o.id for o in vraag.opties if o.volgende == naar]
            zonder = vraag.volgende == naar and any(o.volgende is None for o in vraag.opties)
            plekken += [self.volgende_locaties.get((van, oid)) for oid in eigen]
            plekken += [self.volgende_locaties.get((van, None))] if zonder else []
        plekken = [p for p in plekken if p is not None]
        hier = [p for p in plekken if p.bestand == self.bestand]
        return (hier or plekken or [vragen[kring[-2]].locatie])[-1]

    def _controleer_bereikbaar(self, vragen: dict[str, Vraag], start: str) -> None:
        """Questions no path from the start reaches are never asked: a warning, not an error."""
        gezien = {start}
        rij = [start]
        while rij:
            for doel in self._opvolgers(vragen, rij.pop()):
                if doel not in gezien:
                    gezien.add(doel)
                    rij.append(doel)
        for vraag_id, vraag in vragen.items():
            if vraag_id not in gezien:
                self.m.waarschuwing(f"vraag '{fragment(vraag_id)}' wordt nooit gesteld: geen 'volgende' verwijst ernaar "
                                    f"vanaf de start ('{fragment(start)}')", vraag.locatie)

    @staticmethod
    def _opvolgers(vragen: dict[str, Vraag], vraag_id: str) -> list[str]:
        return sorted(d for d in vragen[vraag_id].opvolgers() if d in vragen)

    # --- conditions ----------------------------------------------------------------

    def conditie(self, knoop: Knoop | None, wat: str,
                 niveau_mag: bool = True) -> Conditie | None:
        def controleer(sleutel: str, waarden: tuple[str, ...], locatie: Locatie | None) -> bool:
            if sleutel == NIVEAU and not niveau_mag:
                self.m.fout(f"'wanneer' van {wat} kan niet naar '{NIVEAU}' kijken: de trede wordt hier nog bepaald",
                            locatie)
                return False
            toegestaan = self.optie_ids.get(sleutel)
            if toegestaan is None:
                return True
            onbekend = [i for i in waarden if i not in toegestaan]
            for i in onbekend:
                self.m.fout(f"'wanneer' van {wat}: vraag '{fragment(sleutel)}' heeft geen optie '{fragment(i)}'"
                            f"{suggestie(i, toegestaan)} (opties: {opsomming(toegestaan)})", locatie)
            return not onbekend

        return self.m.conditie(knoop, vorm.CONDITIE, wat, self.vraag_ids, controleer)

    # --- rung rules ----------------------------------------------------------------

    def _niveau(self, knoop: Knoop | None) -> tuple[tuple[NiveauRegel, ...], str | None, tuple[NiveauRegel, ...]]:
        velden = self.m.object(knoop, vorm.BOOM.veld("niveau").vorm, "'niveau'")  # type: ignore[union-attr,arg-type]
        if velden is None:
            return (), None, ()
        return (self._niveauregels(velden["gewenst"], "niveau.gewenst"), velden["standaard"],
                self._niveauregels(velden["plafond"], "niveau.plafond"))

    def _niveauregels(self, knopen: list[Knoop] | None, wat: str
                      ) -> tuple[NiveauRegel, ...]:
        regels = []
        for i, rk in enumerate(knopen or [], start=1):
            rwat = f"regel {i} van {wat}"
            r = self.m.object(rk, vorm.NIVEAUREGEL, rwat)
            if r is None:
                continue
            cond = self.conditie(r["wanneer"], rwat, niveau_mag=False)
            if cond is not None and r.volledig:
                regels.append(r.bouw(NiveauRegel, wanneer=cond, locatie=rk.locatie))
        return tuple(regels)

    # --- instrument rules ----------------------------------------------------------

    def _instrumentregels(self, velden: dict[str, Knoop] | None) -> tuple[InstrumentRegel, ...]:
        m = self.m
        regels = []
        for regel_id, rk in (velden or {}).items():
            wat = f"instrumentregel '{fragment(regel_id)}'"
            r = m.object(rk, vorm.INSTRUMENTREGEL, wat)
            if r is None:
                continue
            cond = self.conditie(r["wanneer"], wat)
            soort = r["soort"]
            if "waarden" in r and "waarde_van" in r:
                m.fout(f"{wat} heeft zowel 'waarden' als 'waarde_van'; kies er één", rk.locatie)
            elif "waarden" not in r and "waarde_van" not in r:
                m.fout(f"{wat} mist 'waarden' (of 'waarde_van')", rk.locatie)
            waarde_van = r["waarde_van"]
            if waarde_van is not None and waarde_van not in self.vraag_ids and waarde_van != NIVEAU:
                m.fout(f"'waarde_van' van {wat} verwijst naar onbekende vraag '{fragment(waarde_van)}'"
                       f"{suggestie(waarde_van, [*self.vraag_ids, NIVEAU])}", r.locatie("waarde_van"))
            if soort == "eis" and "reden_afgevallen" not in r:
                m.fout(f"{wat} is een eis en heeft dus 'reden_afgevallen' nodig: waarom valt een instrument af?",
                       rk.locatie)
            if soort == "voorkeur" and "reden" not in r:
                m.fout(f"{wat} is een voorkeur en heeft dus 'reden' nodig: waarom past een instrument beter?",
                       rk.locatie)
            for sleutel in ("reden", "reden_afgevallen"):
                self._controleer_plaatshouders(r[sleutel], r.locatie(sleutel), f"de {sleutel} van {wat}")
            if not r.volledig or cond is None:
                continue
            regels.append(r.bouw(InstrumentRegel, id=regel_id, wanneer=cond, locatie=rk.locatie))
        return tuple(regels)

    def _controleer_plaatshouders(self, tekst: str | None, loc: Locatie | None, wat: str) -> None:
        for naam in PLAATSHOUDER.findall(tekst or ""):
            if naam not in self.vraag_ids and naam != NIVEAU:
                self.m.fout(f"{wat} noemt '{{{fragment(naam)}}}', maar er is geen vraag '{fragment(naam)}'"
                            f"{suggestie(naam, [*self.vraag_ids, NIVEAU])}; gebruik een vraag-id of '{{{NIVEAU}}}'", loc)

    # --- tie-breaks ----------------------------------------------------------------

    def _voorrang(self, velden: dict[str, Knoop] | None) -> tuple[Voorrangsregel, ...]:
        uit = []
        for rid, rk in (velden or {}).items():
            wat = f"gelijke_punten '{fragment(rid)}'"
            r = self.m.object(rk, vorm.VOORRANGSREGEL, wat)
            if r is None:
                continue
            cond = self.conditie(r["wanneer"], wat) if "wanneer" in r else ALTIJD
            if r.volledig and cond is not None:
                uit.append(r.bouw(Voorrangsregel, id=rid, wanneer=cond, locatie=rk.locatie))
        return tuple(uit)

    # --- caveats and promises --------------------------------------------------------

    def _met_wanneer(self, velden: dict[str, Knoop] | None, naam: str, v: Object, cls: type[M]) -> tuple[M, ...]:
        """The items of a section whose every item holds a condition (`let_op`, `beloftes`): each
        read by its shape, its `wanneer` checked, and built with its id."""
        uit = []
        for iid, ik in (velden or {}).items():
            wat = f"{naam} '{fragment(iid)}'"
            g = self.m.object(ik, v, wat)
            if g is None:
                continue
            cond = self.conditie(g["wanneer"], wat)
            if g.volledig and cond is not None:
                uit.append(g.bouw(cls, id=iid, wanneer=cond, locatie=ik.locatie))
        return tuple(uit)

    # --- routes --------------------------------------------------------------------

    def _stap_soort_klopt(self, s: Gelezen, wat: str, knoop: Knoop) -> bool:
        """A step names instruments or is an activity with a `naam`: exactly one of the two, and
        a `trede` or `alsof` only for instruments."""
        een, ander = vorm.ROUTESTAP.precies_een
        if bool(s[een]) == bool(s[ander]):
            self.m.fout(f"{wat} noemt {'zowel' if s['naam'] else 'geen'} 'instrumenten' "
                        f"{'als' if s['naam'] else 'en geen'} 'naam'; een stap is een instrument (of een keuze "
                        f"uit instrumenten) of een activiteit zonder instrument, zoals 'Terugkoppeling en "
                        f"evaluatie'", s.locatie(een) or knoop.locatie)
            return False
        for sleutel in ("trede", "alsof"):
            if s[sleutel] and s["naam"]:
                self.m.fout(f"{wat} is een activiteit zonder instrument en kan geen '{sleutel}' hebben; "
                            f"'{sleutel}' zegt hoe de instrumenten van een stap worden beoordeeld", s.locatie(sleutel))
                return False
        return True

    def _routes(self, velden: dict[str, Knoop] | None, knoop: Knoop | None) -> tuple[Route, ...]:
        uit = []
        for rid, rk in (velden or {}).items():
            wat = f"route '{fragment(rid)}'"
            r = self.m.object(rk, vorm.ROUTE, wat)
            if r is None:
                continue
            cond = self.conditie(r["wanneer"], wat)
            stappen = []
            for nr, sk in enumerate(r["stappen"] or (), start=1):
                s = self.m.object(sk, vorm.ROUTESTAP, f"stap {nr} van {wat}")
                if s is not None and s.volledig and self._stap_soort_klopt(s, f"stap {nr} van {wat}", sk):
                    alsof = {v: self.m.id(k, f"'alsof' van stap {nr} van {wat}, vraag '{fragment(v)}'")
                             for v, k in (s["alsof"] or {}).items()}
                    if None in alsof.values():
                        continue
                    plekken = dict(s.knoop("alsof").sleutel_locaties) if s.knoop("alsof") is not None else {}
                    stappen.append(s.bouw(Routestap, alsof=alsof, alsof_locaties=plekken, locatie=sk.locatie))
            if r.volledig and stappen and len(stappen) == len(r["stappen"]) \
                    and not any(s.instrumenten for s in stappen):
                self.m.fout(f"{wat} heeft geen stap met een instrument; noem bij minstens één stap "
                            f"'instrumenten'", r.locatie("stappen") or rk.locatie)
                continue
            if r.volledig and cond is not None and len(stappen) == len(r["stappen"]):
                plek = knoop.sleutel_locaties.get(rid, rk.locatie) if knoop else rk.locatie
                uit.append(r.bouw(Route, id=rid, wanneer=cond, stappen=tuple(stappen), locatie=plek))
        return tuple(uit)
