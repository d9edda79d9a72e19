"""Load a beslisboom (decision tree) YAML file into a `Boom`, reporting every problem with its place."""

from __future__ import annotations

from pathlib import Path

from burgers_betrekken.errors import Locatie, ModelFout, YamlFout
from burgers_betrekken.model import (
    EINDE,
    NIVEAU,
    Boom,
    Conditie,
    InstrumentRegel,
    LetOp,
    NiveauRegel,
    Optie,
    Vraag,
)
from burgers_betrekken.velden import Meldingen, opsomming, suggestie
from burgers_betrekken.yamlsource import Knoop, lees_bestand

_BOVENSTE = ["boom", "start", "vragen", "niveau", "instrumentregels", "let_op"]


def laad_boom(pad: Path) -> Boom:
    """Read, check and return the tree in `pad`. Raises YamlFout or ModelFout."""
    knoop = lees_bestand(pad)
    if knoop is None:
        raise YamlFout("het bestand is leeg; een beslisboom heeft 'boom', 'start' en 'vragen' nodig",
                       Locatie(str(pad), 1, 1))
    return BoomLezer(str(pad)).lees(knoop)


class BoomLezer:
    def __init__(self, bestand: str) -> None:
        self.bestand = bestand
        self.m = Meldingen()
        # where each `volgende:` value stands, keyed by (question id, option id or None)
        self.volgende_locaties: dict[tuple[str, str | None], Locatie] = {}

    def lees(self, knoop: Knoop) -> Boom:
        m = self.m
        top = m.mapping(knoop, "de beslisboom", verplicht=["boom", "start", "vragen", "niveau"],
                        optioneel=["instrumentregels", "let_op"])
        if top is None:
            m.stop_bij_fouten(ModelFout)
            raise AssertionError("unreachable")  # pragma: no cover
        meta = m.mapping(top.get("boom"), "'boom'", verplicht=["id", "versie", "titel"],
                         optioneel=["beschrijving"]) or {}
        boom_id = m.id(meta.get("id"), "boom.id")
        versie = self._versie(meta.get("versie"))
        titel = m.tekst(meta.get("titel"), "boom.titel")
        beschrijving = m.tekst(meta.get("beschrijving"), "boom.beschrijving")

        vragen = self._vragen(top.get("vragen"))
        start = m.id(top.get("start"), "'start'")
        if start is not None and vragen is not None and start not in vragen:
            m.fout(f"'start' verwijst naar onbekende vraag '{start}'{suggestie(start, vragen)}",
                   top["start"].locatie)
        if vragen is not None:
            self._controleer_verwijzingen(vragen)
            if start in vragen:
                self._controleer_kringloop(vragen, start)

        gewenst, standaard, plafond = self._niveau(top.get("niveau"), vragen or {})
        regels = self._instrumentregels(top.get("instrumentregels"), vragen or {})
        let_op = self._let_op(top.get("let_op"), vragen or {})

        m.stop_bij_fouten(ModelFout)
        assert boom_id and versie and titel and start and vragen is not None and standaard
        return Boom(id=boom_id, versie=versie, titel=titel, beschrijving=beschrijving, start=start,
                    vragen=vragen, gewenst=gewenst, standaard_niveau=standaard, plafond=plafond,
                    instrumentregels=regels, let_op=let_op, bestand=self.bestand)

    def _versie(self, knoop: Knoop | None) -> str | None:
        if knoop is not None and knoop.soort in ("getal", "kommagetal"):
            self.m.fout("boom.versie moet tekst zijn; zet het versienummer tussen aanhalingstekens, "
                        "bijvoorbeeld versie: \"1.0\"", knoop.locatie)
            return None
        return self.m.tekst(knoop, "boom.versie")

    # --- questions -----------------------------------------------------------------

    def _vragen(self, knoop: Knoop | None) -> dict[str, Vraag] | None:
        m = self.m
        velden = m.vrije_mapping(knoop, "'vragen'")
        if velden is None:
            return None
        if not velden:
            m.fout("'vragen' is leeg; een beslisboom heeft minstens één vraag nodig", knoop.locatie if knoop else None)
        vragen: dict[str, Vraag] = {}
        for vraag_id, vk in velden.items():
            if vraag_id in (EINDE, NIVEAU):
                m.fout(f"'{vraag_id}' is een gereserveerd woord en kan geen vraag-id zijn",
                       knoop.sleutel_locaties[vraag_id] if knoop else None)
                continue
            wat = f"vraag '{vraag_id}'"
            v = m.mapping(vk, wat, verplicht=["tekst", "opties"], optioneel=["toelichting", "volgende"])
            if v is None:
                continue
            tekst = m.tekst(v.get("tekst"), f"de tekst van {wat}")
            toelichting = m.tekst(v.get("toelichting"), f"de toelichting van {wat}")
            volgende = m.id(v.get("volgende"), f"'volgende' van {wat}")
            if "volgende" in v:
                self.volgende_locaties[(vraag_id, None)] = v["volgende"].locatie
            opties = self._opties(v.get("opties"), vraag_id)
            if opties is None or tekst is None:
                continue
            if volgende is None and "volgende" not in v:
                for o in opties:
                    if o.volgende is None:
                        m.fout(f"optie '{o.id}' van {wat} heeft geen 'volgende' en de vraag ook niet; "
                               f"geef 'volgende: <vraag-id>' of 'volgende: {EINDE}'", o.locatie)
            vragen[vraag_id] = Vraag(vraag_id, tekst, toelichting, opties, volgende, vk.locatie)
        return vragen

    def _opties(self, knoop: Knoop | None, vraag_id: str) -> tuple[Optie, ...] | None:
        m = self.m
        wat = f"de opties van vraag '{vraag_id}'"
        velden = m.vrije_mapping(knoop, wat)
        if velden is None or knoop is None:
            return None
        if len(velden) < 2:
            m.fout(f"vraag '{vraag_id}' heeft minstens twee opties nodig", knoop.locatie)
        opties = []
        for optie_id, ok in velden.items():
            owat = f"optie '{optie_id}' van vraag '{vraag_id}'"
            o = m.mapping(ok, owat, verplicht=["label"], optioneel=["toelichting", "volgende"])
            if o is None:
                continue
            label = m.tekst(o.get("label"), f"het label van {owat}")
            toelichting = m.tekst(o.get("toelichting"), f"de toelichting van {owat}")
            volgende = m.id(o.get("volgende"), f"'volgende' van {owat}")
            if "volgende" in o:
                self.volgende_locaties[(vraag_id, optie_id)] = o["volgende"].locatie
            if label is None:
                continue
            opties.append(Optie(optie_id, label, toelichting, volgende, knoop.sleutel_locaties[optie_id]))
        return tuple(opties)

    def _controleer_verwijzingen(self, vragen: dict[str, Vraag]) -> None:
        doelen = list(vragen) + [EINDE]
        for vraag in vragen.values():
            plek = self.volgende_locaties.get
            kandidaten = [(vraag.volgende, plek((vraag.id, None), vraag.locatie), f"vraag '{vraag.id}'")]
            kandidaten += [(o.volgende, plek((vraag.id, o.id), o.locatie), f"optie '{o.id}' van vraag '{vraag.id}'")
                           for o in vraag.opties]
            for doel, loc, wat in kandidaten:
                if doel is not None and doel not in doelen:
                    self.m.fout(f"'volgende' van {wat} verwijst naar onbekende vraag '{doel}'"
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
                self.m.fout(f"de vragen vormen een kringloop: {' → '.join(kring)}", vragen[vraag_id].locatie)
                return
            if volgende not in staat:
                staat[volgende] = BEZIG
                pad.append(volgende)
                stapel.append((volgende, self._opvolgers(vragen, volgende)))

    @staticmethod
    def _opvolgers(vragen: dict[str, Vraag], vraag_id: str) -> list[str]:
        return sorted(d for d in vragen[vraag_id].opvolgers() if d in vragen)

    # --- conditions ----------------------------------------------------------------

    def conditie(self, knoop: Knoop | None, vragen: dict[str, Vraag], wat: str,
                 niveau_mag: bool = True) -> Conditie | None:
        m = self.m
        if knoop is None:
            return None
        velden = m.mapping(knoop, f"'wanneer' van {wat}",
                           optioneel=[*vragen, NIVEAU, "niet", "een_van"] if niveau_mag
                           else [*vragen, "niet", "een_van"])
        if velden is None:
            return None
        vereist: list[tuple[str, frozenset[str]]] = []
        niet = None
        een_van: list[Conditie] = []
        ok = True
        for sleutel, waarde in velden.items():
            if sleutel == "niet":
                niet = self.conditie(waarde, vragen, wat, niveau_mag)
                ok &= niet is not None
            elif sleutel == "een_van":
                lijst = m.lijst(waarde, f"'een_van' van {wat}") or []
                for c in lijst:
                    sub = self.conditie(c, vragen, wat, niveau_mag)
                    ok &= sub is not None
                    if sub is not None:
                        een_van.append(sub)
            elif sleutel in vragen or sleutel == NIVEAU:
                ids = m.ids(waarde, f"de waarde van '{sleutel}' in {wat}")
                if ids is None:
                    ok = False
                    continue
                if sleutel in vragen:
                    toegestaan = vragen[sleutel].optie_ids
                    for i in ids:
                        if i not in toegestaan:
                            m.fout(f"'wanneer' van {wat}: vraag '{sleutel}' heeft geen optie '{i}'"
                                   f"{suggestie(i, toegestaan)} (opties: {opsomming(toegestaan)})", waarde.locatie)
                            ok = False
                vereist.append((sleutel, frozenset(ids)))
            else:
                ok = False  # unknown key already reported by mapping()
        return Conditie(tuple(vereist), niet, tuple(een_van), knoop.locatie) if ok else None

    # --- rung rules ----------------------------------------------------------------

    def _niveau(self, knoop: Knoop | None, vragen: dict[str, Vraag]
                ) -> tuple[tuple[NiveauRegel, ...], str | None, tuple[NiveauRegel, ...]]:
        m = self.m
        velden = m.mapping(knoop, "'niveau'", verplicht=["gewenst", "standaard"], optioneel=["plafond"])
        if velden is None:
            return (), None, ()
        standaard = m.id(velden.get("standaard"), "niveau.standaard")
        return (self._niveauregels(velden.get("gewenst"), vragen, "niveau.gewenst"), standaard,
                self._niveauregels(velden.get("plafond"), vragen, "niveau.plafond"))

    def _niveauregels(self, knoop: Knoop | None, vragen: dict[str, Vraag], wat: str) -> tuple[NiveauRegel, ...]:
        m = self.m
        regels = []
        for i, rk in enumerate(m.lijst(knoop, f"'{wat}'") or [], start=1):
            rwat = f"regel {i} van {wat}"
            r = m.mapping(rk, rwat, verplicht=["wanneer", "niveau"], optioneel=["uitleg"])
            if r is None:
                continue
            cond = self.conditie(r.get("wanneer"), vragen, rwat, niveau_mag=False)
            niveau = m.id(r.get("niveau"), f"het niveau van {rwat}")
            uitleg = m.tekst(r.get("uitleg"), f"de uitleg van {rwat}")
            if cond is not None and niveau is not None:
                regels.append(NiveauRegel(cond, niveau, uitleg, rk.locatie))
        return tuple(regels)

    # --- instrument rules ----------------------------------------------------------

    def _instrumentregels(self, knoop: Knoop | None, vragen: dict[str, Vraag]) -> tuple[InstrumentRegel, ...]:
        m = self.m
        velden = m.vrije_mapping(knoop, "'instrumentregels'") or {}
        regels = []
        for regel_id, rk in velden.items():
            wat = f"instrumentregel '{regel_id}'"
            r = m.mapping(rk, wat, verplicht=["wanneer", "kenmerk", "soort"],
                          optioneel=["waarden", "waarde_van", "punten", "reden", "reden_afgevallen"])
            if r is None:
                continue
            cond = self.conditie(r.get("wanneer"), vragen, wat)
            kenmerk = m.id(r.get("kenmerk"), f"het kenmerk van {wat}")
            soort = m.tekst(r.get("soort"), f"de soort van {wat}")
            if soort is not None and soort not in ("eis", "voorkeur"):
                m.fout(f"de soort van {wat} moet 'eis' of 'voorkeur' zijn, niet '{soort}'{suggestie(soort, ['eis', 'voorkeur'])}",
                       r["soort"].locatie)
                soort = None
            waarden = m.ids(r.get("waarden"), f"de waarden van {wat}") if "waarden" in r else ()
            waarde_van = m.id(r.get("waarde_van"), f"'waarde_van' van {wat}")
            if "waarden" in r and "waarde_van" in r:
                m.fout(f"{wat} heeft zowel 'waarden' als 'waarde_van'; kies er één", rk.locatie)
            elif "waarden" not in r and "waarde_van" not in r:
                m.fout(f"{wat} mist 'waarden' (of 'waarde_van')", rk.locatie)
            if waarde_van is not None and waarde_van not in vragen and waarde_van != NIVEAU:
                m.fout(f"'waarde_van' van {wat} verwijst naar onbekende vraag '{waarde_van}'"
                       f"{suggestie(waarde_van, [*vragen, NIVEAU])}", r["waarde_van"].locatie)
            punten = m.geheel_getal(r.get("punten"), f"de punten van {wat}") if "punten" in r else 1
            reden = m.tekst(r.get("reden"), f"de reden van {wat}")
            afgevallen = m.tekst(r.get("reden_afgevallen"), f"'reden_afgevallen' van {wat}")
            if soort == "eis" and afgevallen is None and "reden_afgevallen" not in r:
                m.fout(f"{wat} is een eis en heeft dus 'reden_afgevallen' nodig: waarom valt een instrument af?",
                       rk.locatie)
            if soort == "voorkeur" and reden is None and "reden" not in r:
                m.fout(f"{wat} is een voorkeur en heeft dus 'reden' nodig: waarom past een instrument beter?",
                       rk.locatie)
            if None in (cond, kenmerk, soort, waarden, punten):
                continue
            regels.append(InstrumentRegel(regel_id, cond, kenmerk, tuple(waarden or ()), waarde_van,  # type: ignore[arg-type]
                                          soort, punten, reden, afgevallen, rk.locatie,  # type: ignore[arg-type]
                                          r["kenmerk"].locatie))
        return tuple(regels)

    # --- caveats -------------------------------------------------------------------

    def _let_op(self, knoop: Knoop | None, vragen: dict[str, Vraag]) -> tuple[LetOp, ...]:
        m = self.m
        velden = m.vrije_mapping(knoop, "'let_op'") or {}
        uit = []
        for lid, lk in velden.items():
            wat = f"let_op '{lid}'"
            v = m.mapping(lk, wat, verplicht=["titel", "tekst", "bron", "wanneer"])
            if v is None:
                continue
            titel = m.tekst(v.get("titel"), f"de titel van {wat}")
            tekst = m.tekst(v.get("tekst"), f"de tekst van {wat}")
            bron = m.tekst(v.get("bron"), f"de bron van {wat}")
            cond = self.conditie(v.get("wanneer"), vragen, wat)
            if titel and tekst and bron and cond is not None:
                uit.append(LetOp(lid, titel, tekst, bron, cond, lk.locatie))
        return tuple(uit)
