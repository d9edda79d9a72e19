"""Rich output for the authoring commands: validation reports, scenario results and coverage,
the list of paths and the tree itself. Text from YAML goes through `weergave.t`/`veilig`."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from burgers_betrekken.lezen.rapport import Bestandsrapport, Rapport, soortnaam
from burgers_betrekken.kern.engine import WANNEER_NIET, Advies
from burgers_betrekken.kern.fouten import Locatie, Probleem
from burgers_betrekken.kern.model import EINDE, Boom
from burgers_betrekken.kern.paden import aantal_tekst
from burgers_betrekken.uitvoer.weergave import PROMINENT, beperkt, ingekort, t, veilig
from burgers_betrekken.lezen.scenarios import Dekking, Uitslag
from burgers_betrekken.kern.statistiek import Padcijfers
from burgers_betrekken.uitvoer.tekening import vraagvolgorde

OK, NIET_OK = "✓", "✗"


def _meervoud(aantal: int, enkel: str, meer: str) -> str:
    return f"{aantal} {enkel if aantal == 1 else meer}"


def probleem(p: Probleem, bestand: str) -> Text:
    """One problem on one line, `bestand:regel:kolom: fout: bericht`, as editors read it."""
    tekst = ingekort(veilig(str(p))) if p.locatie is not None else f"{veilig(bestand)}: {ingekort(veilig(str(p)))}"
    return Text(tekst, style="red" if p.ernst == "fout" else "yellow")


def _op_plek(problemen: Sequence[Probleem]) -> list[Probleem]:
    return sorted(problemen, key=lambda p: (p.locatie.regel or 0, p.locatie.kolom or 0) if p.locatie else (0, 0))


# --- bb boom valideer -------------------------------------------------------------------------


def rapport(r: Rapport, alle: bool = False) -> RenderableType:
    """Per file its problems in the order of the file, the first of each kind unless `alle`
    (then a line says how many more, and how to see them), and a line per file."""
    delen: list[RenderableType] = []
    for b in r.bestanden:
        getoond, rest = beperkt(_op_plek(b.problemen), alle)
        delen += [probleem(p, b.bestand) for p in getoond]
        delen += [Text(f"{veilig(b.bestand)}: {regel} (toon ze allemaal met --alle)", style="dim") for regel in rest]
    delen += [_bestandsregel(b) for b in r.bestanden]
    return Group(*delen)


def _bestandsregel(b: Bestandsrapport) -> Text:
    regel = Text()
    if b.onleesbaar:
        regel.append(f"{NIET_OK} {veilig(b.bestand)}: niet te lezen", style="bold red")
        return regel
    naam = soortnaam(b.soort)
    if b.fouten:
        regel.append(f"{NIET_OK} {veilig(b.bestand)}: ", style="bold red")
        regel.append(_meervoud(b.fouten, "fout", "fouten"))
    else:
        regel.append(f"{OK} {veilig(b.bestand)}: ", style="bold green")
        regel.append(f"{naam} in orde")
    if b.waarschuwingen:
        regel.append(", " + _meervoud(b.waarschuwingen, "waarschuwing", "waarschuwingen"))
    if b.samenvatting and not b.fouten:
        regel.append(f" ({b.samenvatting})", style="dim")
    return regel


# --- bb boom test ---------------------------------------------------------------------------------


def scenario_uitslagen(bestand: str, boom: Boom, uitslagen: Sequence[Uitslag]) -> RenderableType:
    aantal = _meervoud(len(uitslagen), "scenario", "scenario's")
    delen: list[RenderableType] = [Text(f"{veilig(bestand)}: {aantal} "
                                        f"voor boom '{veilig(boom.id)}'", style="bold")]
    for u in uitslagen:
        regel = Text("  ")
        regel.append(OK if u.geslaagd else NIET_OK, style="green" if u.geslaagd else "bold red")
        regel.append(f" {veilig(u.scenario.id)}", style="bold")
        regel.append(f" — {veilig(u.scenario.omschrijving)}")
        delen.append(regel)
        for a in u.afwijkingen:
            plek = f"{a.locatie}: " if a.locatie else ""
            delen.append(Padding(Text(f"{veilig(plek)}{a.verwachting}", style="red"), (0, 0, 0, 6), expand=False))
            delen.append(Padding(Text(f"verwacht: {veilig(a.verwacht)}"), (0, 0, 0, 8), expand=False))
            delen.append(Padding(Text(f"gekregen: {veilig(a.gekregen)}"), (0, 0, 0, 8), expand=False))
    mislukt = sum(1 for u in uitslagen if not u.geslaagd)
    samen = Text("Resultaat: ", style="bold")
    samen.append(f"{len(uitslagen) - mislukt} geslaagd", style="green")
    samen.append(", ")
    samen.append(f"{mislukt} mislukt", style="bold red" if mislukt else "")
    delen += [Text(""), samen]
    return Group(*delen)


def dekking(boom: Boom, d: Dekking) -> RenderableType:
    gebruikt = d.opties_totaal - len(d.ongedekte_opties)
    delen: list[RenderableType] = [Text("Dekking", style="bold")]
    regel = Text(f"  Opties: {gebruikt} van {d.opties_totaal} gebruikt")
    delen.append(regel)
    for vraag_id, optie_id in d.ongedekte_opties:
        optie = boom.vraag(vraag_id).optie(optie_id)
        label = f" ({veilig(optie.label)})" if optie else ""
        delen.append(Text(f"    niet gebruikt: {vraag_id}={optie_id}{label}", style="yellow"))
    delen.append(Text(f"  Routes (volgordes van vragen): {d.routes_totaal - len(d.ongedekte_routes)} "
                      f"van {d.routes_totaal} gedekt"))
    for route, pad in d.ongedekte_routes:
        delen.append(Text(f"    niet gedekt: {' → '.join(route)} → advies", style="yellow"))
        delen.append(Text(f"      bijvoorbeeld: {', '.join(f'{v}={o}' for v, o in pad)}", style="dim"))
    procent = f"{100 * d.paden_gedekt / d.paden_totaal:.1f}".replace(".", ",")
    delen.append(Text(f"  Paden (combinaties van antwoorden): {d.paden_gedekt} van {aantal_tekst(d.paden_totaal)} "
                      f"gedekt ({procent}%)"))
    delen.append(Text("  (bb boom paden toont elk pad met zijn advies)", style="dim"))
    return Group(*delen)


# --- bb boom paden -----------------------------------------------------------------------------------


def paden_tabel(adviezen: Sequence[Advies]) -> RenderableType:
    tabel = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=True)
    tabel.add_column("Nr", justify="right", no_wrap=True)
    tabel.add_column("Antwoorden", no_wrap=True)
    tabel.add_column("Advies", ratio=1, overflow="fold")
    for nummer, a in enumerate(adviezen, start=1):
        antwoorden = Text("\n".join(f"{s.vraag.id}={s.optie.id}" for s in a.pad))
        uit = Text()
        uit.append(veilig(a.niveau.naam), style="bold")
        if not a.participatie:
            uit.append(" (geen participatie)")
        for aanbeveling in a.instrumenten[:PROMINENT]:
            uit.append(f"\n{aanbeveling.rang}. {veilig(aanbeveling.instrument.id)}")
        if not a.instrumenten:
            uit.append("\n(geen instrument)", style="dim")
        if a.let_op:
            uit.append("\nlet op: " + ", ".join(veilig(lo.id) for lo in a.let_op), style="yellow")
        tabel.add_row(str(nummer), antwoorden, uit, end_section=True)
    return tabel


def padcijfers(boom: Boom, cijfers: Padcijfers) -> RenderableType:
    """`bb boom paden --statistiek`: one row per figure; a fault (`FOUTEN`) above 0 or its limit in red, with
    example answers to look into."""
    from burgers_betrekken.kern.statistiek import FOUTEN, REGELS, is_fout

    tabel = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=Text(f"Paden door boom '{veilig(boom.id)}'",
                                                                   style="bold"), title_justify="left")
    tabel.add_column("Cijfer", ratio=1)
    tabel.add_column("Aantal", justify="right", no_wrap=True)
    for sleutel, omschrijving in REGELS:
        waarde = getattr(cijfers, sleutel)
        fout = is_fout(sleutel, len(waarde) if isinstance(waarde, (list, dict)) else waarde)
        aantal = len(waarde) if isinstance(waarde, (list, dict)) else waarde  # instruments, by name below
        tabel.add_row(Text(omschrijving), Text(str(aantal), style="bold red" if fout else ""))
    voorbeelden = Text()
    for sleutel, lijst in cijfers.voorbeelden.items():
        if sleutel not in FOUTEN:
            continue
        for antwoorden in lijst:
            voorbeelden.append(f"\n{sleutel}: " + ", ".join(f"{k}={v}" for k, v in antwoorden.items()), style="red")
    if not cijfers.beste_per_instrument:
        return Group(tabel, voorbeelden) if voorbeelden else tabel
    return Group(tabel, *([voorbeelden] if voorbeelden else []), Text(), _beste_per_instrument(cijfers))


def _beste_per_instrument(cijfers: Padcijfers) -> RenderableType:
    """Each instrument of the catalogue with the number of paths where it is best; one that is best
    nowhere is said by name: in red when no rule explains it, else with the rules that remove it."""
    tabel = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    tabel.add_column("Instrument", ratio=1)
    tabel.add_column("Paden", justify="right", no_wrap=True)
    for iid, aantal in cijfers.beste_per_instrument.items():
        stijl = "bold red" if iid in cijfers.nooit_beste else "dim" if iid in cijfers.nooit_beste_verklaard else ""
        tabel.add_row(Text(veilig(iid), style=stijl), Text(str(aantal), style=stijl))
    regels: list[RenderableType] = [Text("Op hoeveel paden is elk instrument het beste?", style="bold"), tabel]
    if cijfers.nooit_beste:
        regels.append(Text("Nergens het beste, en geen regel die dat verklaart: "
                           + ", ".join(map(veilig, cijfers.nooit_beste)), style="red"))
    per_reden: dict[str, list[str]] = {}
    for iid, redenen in cijfers.nooit_beste_verklaard.items():
        per_reden.setdefault(_door_regels(redenen), []).append(veilig(iid))
    if per_reden:
        regels.append(Text("Nergens het beste, verklaard: valt op elk pad met participatie af"))
        regels += [Padding(Text(f"{door}: {', '.join(ids)}", style="dim"), (0, 0, 0, 2))
                   for door, ids in per_reden.items()]
    return Group(*regels)


def _door_regels(regels: Sequence[str]) -> str:
    if not regels:
        return "door regels van de boom (niet overal dezelfde)"
    namen = ["zijn eigen 'wanneer niet'" if r == WANNEER_NIET else f"regel '{veilig(r)}'" for r in regels]
    return "door " + " en ".join(namen)


# --- bb boom toon --------------------------------------------------------------------------------------


def boom_overzicht(boom: Boom) -> RenderableType:
    """Each question once, in the order a user meets them, with its options and where they lead."""
    kop = Text()
    kop.append(veilig(boom.titel), style="bold")
    kop.append(f"  ({veilig(boom.id)} {veilig(boom.versie)})", style="dim")
    boom_rich = Tree(kop, guide_style="dim")
    bereikt, nooit = vraagvolgorde(boom)
    volgorde = bereikt + nooit
    nummers = {v: n for n, v in enumerate(volgorde, start=1)}
    for vraag_id in volgorde:
        vraag = boom.vraag(vraag_id)
        tak = Text()
        tak.append(f"{nummers[vraag_id]}. ", style="bold")
        tak.append(veilig(vraag.tekst), style="bold")
        tak.append(f"  [{vraag_id}]", style="cyan")
        if vraag_id in nooit:
            tak.append("  (wordt nooit gesteld)", style="yellow")
        knoop = boom_rich.add(tak)
        for optie in vraag.opties:
            doel = vraag.volgende_na(optie.id)
            regel = t(optie.label)
            regel.append(f" [{optie.id}]", style="cyan")
            regel.append(" → ")
            if doel == EINDE:
                regel.append("advies", style="bold green")
            else:
                regel.append(f"{nummers.get(doel, '?')}. {doel}", style="bold")
            knoop.add(regel)
    return boom_rich


_ENKELVOUD = {"vragen": "vraag", "instrumentregels": "instrumentregel", "gelijke_punten": "gelijke_punten",
              "let_op": "let_op", "routes": "route", "beloftes": "belofte", "ladder": "trede", "kenmerken": "kenmerk",
              "instrumenten": "instrument", "scenarios": "scenario"}


def _onderdeel(pad: str) -> str:
    """'vragen.doel' → 'vraag doel'; an option indented under its question."""
    delen = pad.split(".")
    if len(delen) == 4 and delen[2] == "opties":
        return f"  optie {delen[3]}"
    if len(delen) == 2 and delen[0] in _ENKELVOUD:
        return f"{_ENKELVOUD[delen[0]]} {delen[1]}"
    return pad


def herkomst_tabel(herkomst: Sequence[tuple[str, tuple[Locatie, ...]]]) -> RenderableType:
    """`bb boom toon --herkomst`: for every part of a tree that builds on another, the file and
    line where it is written; a part the overlay changed has two places. Files are named short,
    with their full path once below the table."""
    namen: dict[str, str] = {}
    for _, plekken in herkomst:
        for plek in plekken:
            kort = Path(plek.bestand).name
            while kort in namen.values() and namen.get(plek.bestand) != kort:
                kort = "…/" + kort  # two files with one name: tell them apart
            namen.setdefault(plek.bestand, kort)
    tabel = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=Text("Herkomst", style="bold"), title_justify="left")
    tabel.add_column("Onderdeel", ratio=1, overflow="fold")
    tabel.add_column("Staat in", no_wrap=True)
    for onderdeel, plekken in herkomst:
        waar = " + ".join(f"{namen[p.bestand]}:{p.regel}" for p in plekken) or "?"
        tabel.add_row(veilig(_onderdeel(onderdeel)), veilig(waar))
    voet = Text()
    for bestand, kort in namen.items():
        voet.append(f"\n{veilig(kort)}", style="bold")
        voet.append(f" = {veilig(bestand)}")
    return Group(tabel, voet)
