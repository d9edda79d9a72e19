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
from typing import Any

from burgers_betrekken import __version__
from burgers_betrekken.engine import Advies, afgevallen_gegroepeerd
from burgers_betrekken.model import WEET_NIET
from burgers_betrekken.tekening import md
from burgers_betrekken.uitleg import Uitleg, leg_uit
from burgers_betrekken.woorden import antwoord_tekst

PROMINENT = 3
MOTIVERING_ONTBREEKT = "De motivering ontbreekt."


@dataclass(frozen=True)
class Verslag:
    advies: Advies
    gemaakt: datetime
    boom_hash: str  # sha256 of the tree file, hex
    motivering: str | None = None
    bb_versie: str = field(default=__version__)

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


def _regel(tekst: str | None) -> str:
    return " ".join((tekst or "").split())


def antwoord_van(stap: Any) -> str:
    return antwoord_tekst(stap.vraag, WEET_NIET if stap.aanname else stap.optie.id)


__all__ = ["Verslag", "als_markdown", "als_data", "afgevallen_gegroepeerd", "antwoord_van"]


# --- Markdown ------------------------------------------------------------------------------------


def als_markdown(v: Verslag) -> str:
    a = v.advies
    r: list[str] = [f"# Advies: {md(a.boom.titel)}", ""]
    r += ["| Gegeven | Waarde |", "| --- | --- |",
          f"| Datum | {v.gemaakt.strftime('%d-%m-%Y %H:%M')} |",
          f"| Beslisboom | `{a.boom.id}`, versie {md(a.boom.versie)} |",
          f"| Vingerafdruk boom (sha256) | `{v.boom_hash[:16]}` |",
          f"| Gemaakt met | bb {v.bb_versie} |", ""]
    if a.participatie:
        r.append(f"Dit is participatie op de trede **{md(a.niveau.naam)}**.")
    else:
        r.append(f"**Dit is geen participatie**: het advies komt uit op de trede {md(a.niveau.naam.lower())}.")
    r.append(f"Best passend: **{md(a.instrumenten[0].instrument.naam)}**." if a.instrumenten
             else "Geen instrument past bij uw antwoorden.")

    r += ["", "## Participatieladder", ""]
    for trede in reversed(a.catalogus.ladder):
        merk = " ← **uw trede**" if trede == a.niveau else (
            " ← wat uw doel vraagt" if a.bepaling.begrensd and trede == a.bepaling.gewenst else "")
        r.append(f"- {md(trede.naam)}{' (geen participatie)' if not trede.participatie else ''}{merk}")
    r += ["", f"Belofte aan deelnemers: {md(a.niveau.belofte)}"]
    for regel in (a.bepaling.gewenst_regel, a.bepaling.plafond_regel):
        if regel is not None and regel.uitleg:
            r += ["", f"- {md(regel.uitleg)}"]

    if v.motivering_nodig:
        r += ["", "## Motivering (pas toe of leg uit)", "", md(v.waarom_motivering), ""]
        r.append(f"> {md(v.motivering)}" if v.motivering else f"**{MOTIVERING_ONTBREEKT}** Vul die aan voor het dossier.")

    r += ["", "## Aanbevolen instrumenten", ""]
    if not a.instrumenten:
        r.append("Geen enkel instrument past bij uw antwoorden; zie hieronder waarom.")
    for nr, aanbeveling in enumerate(a.instrumenten[:PROMINENT], start=1):
        r.append(f"{nr}. **{md(aanbeveling.instrument.naam)}** (`{aanbeveling.instrument.id}`)")
        r += [f"   - {md(reden.tekst)}" for reden in aanbeveling.redenen]
    if a.instrumenten[PROMINENT:]:
        r += ["", "Ook mogelijk: " + ", ".join(md(x.instrument.naam) for x in a.instrumenten[PROMINENT:]) + "."]

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

    r += ["", "## Waarom dit advies", "", md(v.uitleg.uitkomst), ""]
    r += [f"- {md(g.effect)}: {md(g.tekst)}{_omdat(g.antwoorden)}" for g in v.uitleg.niveau]
    r += [f"- Aandachtspunt '{md(g.tekst)}'{_omdat(g.antwoorden)}" for g in v.uitleg.let_op]
    r += ["", "Per instrument staat de volledige uitleg in het JSON-verslag en in `bb uitleg`."]

    if a.catalogus.checklist:
        r += ["", "## Checklist voor het dossier", ""]
        r += [f"- [ ] {md(punt)}" for punt in a.catalogus.checklist]
        if a.catalogus.checklist_bron:
            r += ["", f"*Bron: {md(a.catalogus.checklist_bron)}*"]
    return "\n".join(r) + "\n"


def _omdat(antwoorden: tuple[tuple[str, str], ...]) -> str:
    return (" (omdat: " + "; ".join(f"{md(vraag)} {md(antwoord)}" for vraag, antwoord in antwoorden) + ")"
            if antwoorden else "")


# --- JSON ---------------------------------------------------------------------------------------


def als_data(v: Verslag) -> dict[str, Any]:
    """The whole record as JSON data. The keys of the spine's advice contract come first and keep
    their meaning; the record adds provenance, motivation, checklist and explanation."""
    a = v.advies
    return {
        "boom": {"id": a.boom.id, "versie": a.boom.versie, "sha256": v.boom_hash},
        "participatie": a.participatie,
        "niveau": a.niveau.id,
        "instrumenten": [{"id": x.instrument.id, "naam": x.instrument.naam, "punten": x.punten,
                          "redenen": [r.tekst for r in x.redenen]} for x in a.instrumenten],
        "afgevallen": [{"id": x.instrument.id, "redenen": [r.tekst for r in x.redenen]} for x in a.afgevallen],
        "let_op": [{"id": lo.id, "titel": lo.titel, "tekst": lo.tekst, "bron": lo.bron} for lo in a.let_op],
        "pad": [{"vraag": s.vraag.id, "antwoord": s.optie.id, **({"aanname": s.aanname} if s.aanname else {})}
                for s in a.pad],
        "genegeerd": list(a.genegeerd),
        "ladder": {"gewenst": a.bepaling.gewenst.id, "plafond": a.bepaling.plafond.id if a.bepaling.plafond else None,
                   "begrensd": a.bepaling.begrensd},
        "motivering": {"nodig": v.motivering_nodig, "tekst": v.motivering} if v.motivering_nodig else None,
        "checklist": [{"punt": p, "gedaan": False} for p in a.catalogus.checklist],
        "uitleg": asdict(v.uitleg),
        "bb_versie": v.bb_versie,
        "gemaakt": v.gemaakt.isoformat(timespec="seconds"),
    }
