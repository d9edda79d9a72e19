"""`bb boom verschil` as text for the terminal, Markdown for a review in a merge request, and
JSON for scripts. The effect on the advice comes first; the edit itself follows."""

from __future__ import annotations

import textwrap
from typing import Any

from burgers_betrekken.kern.paden import Pad
from burgers_betrekken.kern.verschil import BESTE, GEEN, LET_OP, ROUTE, SOORTEN, TREDE, Uitkomst, Verschil, Wijziging
from burgers_betrekken.kern.woorden import aantal
from burgers_betrekken.uitvoer.tekening import md as md_tekst

_SOORTNAAM = {TREDE: "trede op de ladder", BESTE: "beste instrumenten", ROUTE: "aanbevolen route",
              LET_OP: "aandachtspunten"}
_WAT = {"toegevoegd": "erbij", "weggehaald": "weg", "gewijzigd": "gewijzigd"}


def _pad(pad: Pad) -> str:
    return ", ".join(f"{v}={o}" for v, o in pad)


def _uitkomst(u: Uitkomst, soort: str) -> str:
    if soort == TREDE:
        return u.trede + ("" if u.participatie else " (geen participatie)")
    if soort == ROUTE:
        if u.route is None:
            return "geen route"
        stappen = " → ".join(" of ".join(ids) or "(activiteit)" for ids in u.routestappen)
        return f"{u.route} ({stappen})"
    return ", ".join(u.beste) or "geen instrument"


def _wijziging(w: Wijziging) -> str:
    velden = f" ({', '.join(w.velden)})" if w.velden else ""
    return f"{w.soort} {w.id}: {_WAT[w.wat]}{velden}"


def _regels(v: Verschil, md: bool) -> list[str]:
    code = (lambda s: f"`{s}`") if md else (lambda s: s)
    kop = (lambda n, s: f"{'#' * n} {s}") if md else (lambda n, s: f"{s}\n{'=-~'[n - 1] * len(s)}")
    tekst = md_tekst if md else (lambda s: s)  # a version is free text from the tree file
    uit = [kop(1, f"Verschil: {v.oud.id} {tekst(v.oud.versie)} → {v.nieuw.id} {tekst(v.nieuw.versie)}"), ""]
    uit.append(kop(2, "Wat het advies verandert"))
    uit.append("")
    if v.vergeleken:
        uit.append(f"Van de paden door de nieuwe boom zijn er {v.vergeleken} met dezelfde antwoorden ook in de "
                   f"oude te lopen. Bij {aantal(v.aantal_veranderd, 'pad', 'paden')} daarvan verandert het advies.")
    else:
        uit.append("Geen enkel pad is met dezelfde antwoorden in beide bomen te lopen: de bomen stellen andere "
                   "vragen. Vergelijk dan hoe vaak elke trede en elk instrument uitkomt (hieronder).")
    uit.append(f"Alleen in de nieuwe boom: {aantal(v.alleen_nieuw, 'pad', 'paden')}; alleen in de oude: "
               f"{aantal(v.alleen_oud, 'pad', 'paden')}.")
    uit.append("")
    for soort in SOORTEN:
        if not v.veranderd[soort]:
            continue
        uit.append(kop(3, f"Andere {_SOORTNAAM[soort]}: {aantal(v.veranderd[soort], 'pad', 'paden')}"))
        uit.append("")
        for p in v.voorbeelden[soort]:
            uit.append(f"- {code(_pad(p.antwoorden))}")
            if soort == LET_OP:
                erbij = sorted(set(p.nieuw.let_op) - set(p.oud.let_op))
                weg = sorted(set(p.oud.let_op) - set(p.nieuw.let_op))
                uit.append("  " + "; ".join(s for s in (f"erbij: {', '.join(erbij)}" if erbij else "",
                                                        f"weg: {', '.join(weg)}" if weg else "") if s))
            else:
                uit.append(f"  was: {_uitkomst(p.oud, soort)}; wordt: {_uitkomst(p.nieuw, soort)}")
        uit.append("")
    for titel, paden in (("Voorbeelden alleen in de nieuwe boom", v.voorbeeld_alleen_nieuw),
                         ("Voorbeelden alleen in de oude boom", v.voorbeeld_alleen_oud)):
        if paden:
            uit += [kop(3, titel), "", *[f"- {code(_pad(p))}" for p in paden], ""]
    uit += _verdeling(v, md, kop)
    uit.append(kop(2, "Wat er in de boom en de catalogus veranderd is"))
    uit.append("")
    if not v.wijzigingen:
        uit.append("Niets: de bomen en catalogi lezen hetzelfde (verschillen in opmaak en commentaar tellen niet).")
    uit += [f"- {regel}" for regel in _gegroepeerd(v.wijzigingen)]
    return uit


def _gegroepeerd(wijzigingen: tuple[Wijziging, ...]) -> list[str]:
    """Items added or removed: one line per kind ('instrumentregel weg (3): a, b, c'); changed
    items one line each, with the fields that changed. In the order they first appear."""
    volgorde: list[Wijziging | tuple[str, str]] = []
    groepen: dict[tuple[str, str], list[str]] = {}
    for w in wijzigingen:
        if w.wat == "gewijzigd":
            volgorde.append(w)
            continue
        if (w.soort, w.wat) not in groepen:
            groepen[w.soort, w.wat] = []
            volgorde.append((w.soort, w.wat))
        groepen[w.soort, w.wat].append(w.id)

    def regel(item: Wijziging | tuple[str, str]) -> str:
        if isinstance(item, Wijziging):
            return _wijziging(item)
        ids = groepen[item]
        if len(ids) == 1:
            return f"{item[0]} {ids[0]}: {_WAT[item[1]]}"
        return f"{item[0]} {_WAT[item[1]]} ({len(ids)}): {', '.join(ids)}"

    return [regel(item) for item in volgorde]


def _verdeling(v: Verschil, md: bool, kop: Any) -> list[str]:
    """How often each rung, each best instrument and each route comes out, old against new."""
    uit = [kop(2, "Hoe vaak elk advies uitkomt (paden, oud → nieuw)"), ""]
    rijen = [(f"trede {t}", a, b) for t, (a, b) in v.treden.items() if a != b]
    rijen += [(f"beste: {i or 'geen instrument'}", a, b) for i, (a, b) in v.beste.items() if a != b]
    rijen += [(f"route: {r or 'geen route'}", a, b) for r, (a, b) in v.routes.items() if a != b]
    if not rijen:
        return uit + ["Gelijk voor elke trede, elk instrument en elke route.", ""]
    breedte = max(len(r[0]) for r in rijen)
    if md:
        uit += ["| Uitkomst | Oud | Nieuw |", "| --- | ---: | ---: |"]
        uit += [f"| {naam} | {a} | {b} |" for naam, a, b in rijen]
    else:
        uit += [f"  {naam:<{breedte}}  {a:>6} → {b:>6}" for naam, a, b in rijen]
    return uit + [""]


def als_tekst(v: Verschil, breedte: int = 80) -> str:
    """For the terminal: lines wrapped between words at `breedte`, a list item's continuation
    indented under its text (a path of answers is long; it must not break inside a word)."""
    uit = []
    for regel in "\n".join(_regels(v, md=False)).split("\n"):  # a heading is two lines: text, underline
        inspringing = len(regel) - len(regel.lstrip(" ")) + (2 if regel.lstrip(" ").startswith("- ") else 0)
        uit += textwrap.wrap(regel, breedte, subsequent_indent=" " * inspringing, break_long_words=False,
                             break_on_hyphens=False) or [""]
    return "\n".join(uit).rstrip() + "\n"


def als_markdown(v: Verschil) -> str:
    return "\n".join(_regels(v, md=True)).rstrip() + "\n"


def als_data(v: Verschil) -> dict[str, Any]:
    def uitkomst(u: Uitkomst) -> dict[str, Any]:
        route = {"id": u.route, "stappen": [list(ids) for ids in u.routestappen]} if u.route else None
        return {"trede": u.trede, "participatie": u.participatie, "beste": list(u.beste), "let_op": list(u.let_op),
                "route": route}

    return {
        "oud": {"id": v.oud.id, "versie": v.oud.versie, "sha256": v.oud.sha256},
        "nieuw": {"id": v.nieuw.id, "versie": v.nieuw.versie, "sha256": v.nieuw.sha256},
        "advies_veranderd": v.advies_veranderd,
        "paden": {"vergeleken": v.vergeleken, "veranderd": v.aantal_veranderd, "alleen_nieuw": v.alleen_nieuw,
                  "alleen_oud": v.alleen_oud},
        "veranderd": dict(v.veranderd),
        "voorbeelden": {s: [{"antwoorden": dict(p.antwoorden), "oud": uitkomst(p.oud), "nieuw": uitkomst(p.nieuw)}
                            for p in v.voorbeelden[s]] for s in SOORTEN},
        "alleen_nieuw": [dict(p) for p in v.voorbeeld_alleen_nieuw],
        "alleen_oud": [dict(p) for p in v.voorbeeld_alleen_oud],
        "treden": {t: {"oud": a, "nieuw": b} for t, (a, b) in v.treden.items()},
        "beste": {(i or GEEN): {"oud": a, "nieuw": b} for i, (a, b) in v.beste.items()},
        "routes": {r: {"oud": a, "nieuw": b} for r, (a, b) in v.routes.items()},
        "wijzigingen": [{"soort": w.soort, "id": w.id, "wat": w.wat, "velden": list(w.velden)} for w in v.wijzigingen],
    }
