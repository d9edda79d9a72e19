"""The advice as a record for the dossier: what was advised and why, which tree (id, version and
a hash of the file) and which `bb` made it and when, the "pas toe of leg uit" motivation where
the advice is no participation or lower than the goal asked, and a checklist.

`Verslag` holds it; `als_markdown` and `als_data` (JSON) render it here, `verslag_html` as HTML.
(`afgevallen_gegroepeerd` is re-exported for those renderers.)
Pure: the caller supplies the date and the hash.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from burgers_betrekken import __version__

from burgers_betrekken.kern import adviestekst
from burgers_betrekken.kern.adviestekst import antwoord_van
from burgers_betrekken.kern.engine import Advies, afgevallen_gegroepeerd
from burgers_betrekken.uitvoer.tekening import md
from burgers_betrekken.kern.uitleg import Uitleg, leg_uit

if TYPE_CHECKING:
    from burgers_betrekken.kern.watals import Verandering

PROMINENT = 3
MOTIVERING_ONTBREEKT = "De motivering ontbreekt."


@dataclass(frozen=True)
class Verslag:
    advies: Advies
    gemaakt: datetime
    boom_hash: str  # sha256 of the tree file, hex
    motivering: str | None = None  # only white space counts as none: the record says it is missing
    bb_versie: str = field(default=__version__)

    def __post_init__(self) -> None:
        if self.motivering is not None and not self.motivering.strip():
            object.__setattr__(self, "motivering", None)

    @property
    def motivering_nodig(self) -> bool:
        """'Pas toe of leg uit': no participation, or a lower rung than the goal asked."""
        return not self.advies.participatie or self.advies.bepaling.begrensd

    @property
    def waarom_motivering(self) -> str:
        a = self.advies
        if not a.participatie:
            return (f"Het advies komt uit op de trede {a.niveau.naam.lower()}: dit is geen participatie. "
                    "Participatie hoort bij elk beleidstraject, tenzij er zwaarwegende redenen zijn om het "
                    "niet te doen. Leg die redenen vast.")
        return (f"Het advies komt uit op {a.niveau.naam.lower()}, lager dan wat uw doel vraagt "
                f"({a.bepaling.gewenst.naam.lower()}). Leg vast waarom er niet meer ruimte is.")

    @cached_property
    def uitleg(self) -> Uitleg:
        return leg_uit(self.advies)

    @cached_property
    def uitleg_kort(self) -> Uitleg:
        """Why, without the per-instrument part: what the Markdown and HTML records show."""
        return self.uitleg if "uitleg" in self.__dict__ else leg_uit(self.advies, instrumenten=False)


def _regel(tekst: str | None) -> str:
    return " ".join((tekst or "").split())


__all__ = ["Verslag", "als_markdown", "als_data", "afgevallen_gegroepeerd", "antwoord_van"]


# --- Markdown ------------------------------------------------------------------------------------


def als_markdown(v: Verslag) -> str:
    a = v.advies
    r: list[str] = [f"# Advies: {md(a.boom.titel)}", ""]
    if (voorlopig := adviestekst.voorlopig_regel(a)) is not None:  # the first thing read: all below rests on it
        r += [f"**{md(voorlopig)}**", ""]
    r += ["| Gegeven | Waarde |", "| --- | --- |",
          f"| Datum | {v.gemaakt.strftime('%d-%m-%Y %H:%M')} |",
          f"| Beslisboom | `{a.boom.id}`, versie {md(a.boom.versie)} |",
          f"| Vingerafdruk boom (sha256) | `{v.boom_hash[:16]}` |",
          f"| Gemaakt met | bb {v.bb_versie} |", ""]
    r += [f"> **Let op:** {md(zin)}\n" for zin in adviestekst.aanvullingen(a)]
    if a.participatie:
        r.append(f"Dit is participatie op de trede **{md(a.niveau.naam)}**.")
    else:
        r.append(f"**Dit is geen participatie**: het advies komt uit op de trede {md(a.niveau.naam.lower())}.")
    if (route := adviestekst.routeregel(a)) is not None and a.route is not None:
        r.append(f"**{md(route)}**")
        r.append(md(adviestekst.kopregel(a)))
        r += ["", "## Aanbevolen route", ""]
        r += [f"{n}. **{md(namen)}**: {md(waarom)}" for n, (namen, waarom) in
              enumerate(adviestekst.route_stappen_getoond(a), start=1)]
        r += ["", f"Waarom: {md(a.route.route.reden)}", "", f"*Bron: {md(a.route.route.bron)}*", "",
              md(adviestekst.ROUTE_ALTERNATIEF)]
    else:
        r.append(f"**{md(adviestekst.kopregel(a))}**" if a.beste else md(adviestekst.kopregel(a)))

    r += ["", "## Participatieladder", ""]
    for trede in reversed(a.catalogus.ladder):
        merk = " ← **uw trede**" if trede == a.niveau else (
            " ← wat uw doel vraagt" if a.bepaling.begrensd and trede == a.bepaling.gewenst else "")
        r.append(f"- {md(trede.naam)}{' (geen participatie)' if not trede.participatie else ''}{merk}")
    if (belofte := adviestekst.belofte_regel(a)) is not None:  # none where there are no participants
        r += ["", md(belofte)]
        if a.belofte is not None:
            r += ["", f"*Bron: {md(a.belofte.bron)}*"]
    for regel in (a.bepaling.gewenst_regel, a.bepaling.plafond_regel):
        if regel is not None and regel.uitleg:
            r += ["", f"- {md(regel.uitleg)}"]

    if v.motivering_nodig:
        r += ["", "## Motivering (pas toe of leg uit)", "", md(v.waarom_motivering), ""]
        r.append(f"> {md(v.motivering)}" if v.motivering else f"**{MOTIVERING_ONTBREEKT}** Vul die aan voor het dossier.")

    r += ["", "## Aanbevolen instrumenten", ""]
    if a.route_noot:
        r += [md(a.route_noot), ""]
    if not a.participatie:
        r.append("Geen: op deze trede krijgen burgers geen invloed, dus er is geen instrument om aan te bevelen.")
    elif not a.instrumenten:
        r += ["Geen enkel instrument past bij uw antwoorden. Wat de instrumenten vooral tegenhoudt:", ""]
        r += [f"- {md(x)}" for x in adviestekst.waarom_geen(a)]
    gelijk = adviestekst.gelijk_onderscheid(a)
    if gelijk:
        r += [f"Even passend: {md(adviestekst.namen([n for n, _ in gelijk]))}. Wat ze onderscheidt:", ""]
        r += [f"- **{md(n)}**: {md(w)}" for n, w in gelijk]
        r.append("")
    for aanbeveling in a.instrumenten[:PROMINENT]:
        gelijk_als = adviestekst.even_passend_als(a, aanbeveling)
        r.append(f"{aanbeveling.rang}. **{md(aanbeveling.instrument.naam)}** (`{aanbeveling.instrument.id}`)"
                 + (f", {md(gelijk_als)}" if gelijk_als else ""))
        r += [f"   - {md(reden.tekst)}" for reden in aanbeveling.redenen]
        r += [f"   - gaat voor bij gelijke punten: {md(reden.tekst)}" for reden in aanbeveling.voorrang]
    if a.instrumenten[PROMINENT:]:
        r += ["", "Ook mogelijk: " + ", ".join(md(x.instrument.naam) for x in a.instrumenten[PROMINENT:]) + "."]
    oplossingen, gevolgen, geen = adviestekst.wat_als_regels(a), adviestekst.gevolg_regels(a), adviestekst.wat_als_geen(a)
    if oplossingen or gevolgen or geen:
        r += ["", "## Wat als", ""]
        r += [f"- {md(x)}" for x in oplossingen] + ([md(geen)] if geen else [])
    if gevolgen:  # apart from the remedies, under a line that says they are none
        r += ["", f"*{md(adviestekst.gevolg_kop(a))}*", ""] + [f"- {md(x)}" for x in gevolgen]

    if a.afgevallen:
        r += ["", "## Afgevallen instrumenten", "", "| Instrumenten | Waarom |", "| --- | --- |"]
        for namen, redenen in afgevallen_gegroepeerd(a.afgevallen):
            r.append(f"| {', '.join(md(n) for n in namen)} | {'; '.join(md(x) for x in redenen)} |")

    if a.aannames:
        r += ["", "## Aannames", ""]
        for stap in a.aannames:
            r.append(f"- U wist het antwoord op '{md(stap.vraag.tekst)}' niet. Aangenomen: "
                     f"**{md(stap.optie.label)}**. {md(stap.aanname)}")

    if a.let_op:
        r += ["", "## Let op", ""]
        for lo in a.let_op:
            r += [f"### {md(lo.titel)}", "", md(lo.tekst), "", f"*Bron: {md(lo.bron)}*", ""]
        r.pop()

    r += ["", "## Uw antwoorden", "", "| Nr | Vraag | Antwoord |", "| --- | --- | --- |"]
    for n, stap in enumerate(a.pad, start=1):
        r.append(f"| {n} | {md(stap.vraag.tekst)} | {md(antwoord_van(stap))} |")

    r += ["", "## Waarom dit advies", "", md(v.uitleg_kort.uitkomst), ""]
    r += [f"- {md(g.effect)}: {md(g.tekst)}{_omdat(g.antwoorden)}" for g in v.uitleg_kort.niveau]
    r += [f"- Aandachtspunt '{md(g.tekst)}'{_omdat(g.antwoorden)}" for g in v.uitleg_kort.let_op]
    r += ["", "Per instrument staat de volledige uitleg in het JSON-verslag en in `bb uitleg`."]

    if a.catalogus.checklist:
        r += ["", "## Checklist voor het dossier", ""]
        r += [f"- [ ] {md(punt)}" for punt in a.catalogus.checklist]
        if a.catalogus.checklist_bron:
            r += ["", f"*Bron: {md(a.catalogus.checklist_bron)}*"]
    return "\n".join(r) + "\n"


def wat_als_data(w: "Verandering") -> dict[str, Any]:
    """One "wat als" for JSON: the first changed answer as `vraag`/`antwoord` (the contract), the
    whole change under `antwoorden`, what the advice would then be (with its `route`: the steps'
    instrument ids, or null), and `richting`: "meer" or "anders" for a remedy, "minder" for a
    consequence of less room, budget or time (never a remedy; listed after the remedies)."""
    return {"vraag": w.vraag, "antwoord": w.antwoord, "verandering": adviestekst.wat_als_regel(w),
            "antwoorden": {k.vraag: k.antwoord for k in w.keuzes}, "niveau": w.niveau, "beste": list(w.beste),
            "nog_te_vragen": list(w.nog_te_vragen), "richting": w.richting,
            "route": [list(stap) for stap in w.route] if w.route is not None else None}


def _omdat(antwoorden: tuple[tuple[str, str], ...]) -> str:
    return (" (omdat: " + "; ".join(f"{md(vraag)} {md(antwoord)}" for vraag, antwoord in antwoorden) + ")"
            if antwoorden else "")


# --- JSON ---------------------------------------------------------------------------------------


def instrumenten_data(a: Advies) -> list[dict[str, Any]]:
    """The recommended instruments as JSON, as the record has them (also in `bb boom website`)."""
    return [{"id": x.instrument.id, "naam": x.instrument.naam, "punten": x.punten,
             "redenen": [r.tekst for r in x.redenen], "rang": x.rang,
             "voorrang": [r.tekst for r in x.voorrang]} for x in a.instrumenten]


def afgevallen_data(a: Advies) -> list[dict[str, Any]]:
    return [{"id": x.instrument.id, "redenen": [r.tekst for r in x.redenen]} for x in a.afgevallen]


def route_data(a: Advies) -> dict[str, Any] | None:
    """The route the advice names, as JSON: null, or its steps (the standing instruments' ids, the
    step's purpose, an activity step's name (no instruments), and the rung and answers a step was
    judged with when they are not the advice's), its reason and its source."""
    if a.route is None:
        return None
    return {"stappen": [{"instrumenten": [i.id for i in s.instrumenten], "waarom": s.waarom,
                         **({"naam": s.naam} if s.naam else {}), **({"trede": s.trede} if s.trede else {}),
                         **({"alsof": dict(s.alsof)} if s.alsof else {})}
                        for s in a.route.stappen],
            "reden": a.route.route.reden, "bron": a.route.route.bron}


def belofte_data(a: Advies) -> dict[str, Any] | None:
    """The promise the advice makes to participants: the tree's (with its id and source) or the
    rung's (id and source null); null where there are no participants."""
    if a.belofte_tekst is None:
        return None
    b = a.belofte
    return {"tekst": a.belofte_tekst, "bron": b.bron if b else None, "id": b.id if b else None}


def let_op_data(a: Advies) -> list[dict[str, Any]]:
    return [{"id": lo.id, "titel": lo.titel, "tekst": lo.tekst, "bron": lo.bron} for lo in a.let_op]


def als_data(v: Verslag) -> dict[str, Any]:
    """The whole record as JSON data. The keys of the spine's advice contract come first and keep
    their meaning; the record adds provenance, motivation, checklist and explanation."""
    a = v.advies
    return {
        "boom": {"id": a.boom.id, "versie": a.boom.versie, "sha256": v.boom_hash},
        "participatie": a.participatie,
        "niveau": a.niveau.id,
        "instrumenten": instrumenten_data(a),
        "beste": [x.instrument.id for x in a.beste],
        "route": route_data(a),
        "route_noot": a.route_noot,
        "wat_als": [wat_als_data(w) for w in a.wat_als or ()],
        "afgevallen": afgevallen_data(a),
        "let_op": let_op_data(a),
        "belofte": belofte_data(a),
        "voorlopig": a.voorlopig,
        "aannames": len(a.aannames),
        "pad": [{"vraag": s.vraag.id, "antwoord": s.optie.id, **({"aanname": s.aanname} if s.aanname else {}),
                 **({"aangevuld": True} if s.aangevuld else {})} for s in a.pad],
        "genegeerd": list(a.genegeerd),
        "aangevuld": [asdict(x) for x in v.uitleg.aangevuld],  # the full explanation follows anyway
        "ladder": {"gewenst": a.bepaling.gewenst.id, "plafond": a.bepaling.plafond.id if a.bepaling.plafond else None,
                   "begrensd": a.bepaling.begrensd},
        "motivering": {"nodig": v.motivering_nodig, "tekst": v.motivering} if v.motivering_nodig else None,
        "checklist": [{"punt": p, "gedaan": False} for p in a.catalogus.checklist],
        "uitleg": asdict(v.uitleg),
        "bb_versie": v.bb_versie,
        "gemaakt": v.gemaakt.isoformat(timespec="seconds"),
    }
