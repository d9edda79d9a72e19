"""Load an answers file (YAML or JSON): question id → option id, with where each answer is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from burgers_betrekken.kern.fouten import AntwoordFout, Locatie, ModelFout
from burgers_betrekken.lezen.meldingen import Meldingen
from burgers_betrekken.kern.model import EINDE, NIVEAU, WEET_NIET
from burgers_betrekken.kern.woorden import fragment
from burgers_betrekken.lezen.knopen import Knoop, lees_bestand


MOTIVERING = "motivering"
"""Reserved key in an answers file: the "pas toe of leg uit" motivation, as text."""

RECORD = ("boom", "pad")
"""An answers file with both keys is a JSON record of `bb advies`, not 'vraag-id: optie-id'."""

GERESERVEERDE_VRAAG_IDS = {
    EINDE: f"'volgende: {EINDE}' betekent dat het advies volgt",
    NIVEAU: "het is de trede van het advies in 'wanneer' van regels",
    MOTIVERING: "in een antwoordenbestand is het de motivering, geen antwoord",
}
"""Words a question id may not be, each with why: answers to such a question could not be told
apart from the tree's own words, or saved answers (--bewaar) could not be read back. Of RECORD a
tree may use one, not both (see `gereserveerd`)."""


def gereserveerd(vraag_id: str, andere: object) -> str | None:
    """Why `vraag_id` cannot be a question id in a tree whose question ids are `andere`, or None."""
    if vraag_id in GERESERVEERDE_VRAAG_IDS:
        return f"'{vraag_id}' is een gereserveerd woord en kan geen vraag-id zijn: {GERESERVEERDE_VRAAG_IDS[vraag_id]}"
    if vraag_id == RECORD[1] and RECORD[0] in andere:  # type: ignore[operator]
        return (f"naast een vraag '{RECORD[0]}' kan '{RECORD[1]}' geen vraag-id zijn: een antwoordenbestand met "
                f"'{RECORD[0]}' en '{RECORD[1]}' wordt gelezen als verslag van bb advies, dus bewaarde "
                f"antwoorden zouden niet terug te lezen zijn; kies een andere naam")
    return None


@dataclass(frozen=True)
class Antwoorden:
    waarden: Mapping[str, str]
    locaties: Mapping[str, Locatie] = field(default_factory=dict)
    bron: Locatie | None = None
    motivering: str | None = None
    boom_id: str | None = None  # a JSON record names the tree it was made with
    boom_versie: str | None = None  # ... its version
    boom_sha256: str | None = None  # ... and the fingerprint of the exact file


OM_TE_LEZEN = (".md", ".markdown", ".html", ".htm")
"""Records for people: they name the answers by label, not by id, so they cannot be replayed."""


def laad_antwoorden(pad: Path) -> Antwoorden:
    bron = Locatie(str(pad))
    if pad.suffix.lower() in OM_TE_LEZEN:
        raise AntwoordFout(f"dit is een verslag om te lezen; bb leest de antwoorden uit het JSON-verslag of een "
                           f"antwoordenbestand. Maak het JSON-verslag met: bb advies --uitvoer verslag.json", bron)
    knoop = lees_bestand(pad)
    if knoop is None:
        raise AntwoordFout("het antwoordenbestand is leeg; verwacht 'vraag-id: optie-id' per regel",
                           Locatie(str(pad), 1, 1))
    if not knoop.is_map:
        raise AntwoordFout("het antwoordenbestand moet per regel 'vraag-id: optie-id' bevatten, "
                           f"maar bevat {knoop.omschrijving()}", knoop.locatie)
    if "pad" in knoop.waarde and "boom" in knoop.waarde:  # type: ignore[operator]
        return _uit_record(knoop, bron)
    m = Meldingen()
    waarden: dict[str, str] = {}
    motivering = None
    for vraag_id, waarde in knoop.waarde.items():  # type: ignore[union-attr]
        if vraag_id == MOTIVERING:
            motivering = m.tekst(waarde, "de motivering")
            continue
        optie = m.tekst(waarde, f"het antwoord op '{fragment(vraag_id)}' (een optie-id)")
        if optie is not None:
            waarden[vraag_id] = optie
    try:
        m.stop_bij_fouten(ModelFout)
    except ModelFout as e:
        raise AntwoordFout(problemen=e.problemen) from None
    return Antwoorden(waarden, dict(knoop.sleutel_locaties), bron, motivering)


def _uit_record(knoop: Knoop, bron: Locatie) -> Antwoorden:
    """The answers in a JSON record of `bb advies` (its `pad`), with its tree id and motivation."""
    m = Meldingen()
    velden: dict[str, Knoop] = knoop.waarde  # type: ignore[assignment]
    boom = m.mapping_waarde(velden["boom"], "id", "'boom' van het verslag")
    waarden: dict[str, str] = {}
    locaties: dict[str, Locatie] = {}
    for stap in m.lijst(velden["pad"], "'pad' van het verslag") or []:
        vraag = m.mapping_waarde(stap, "vraag", "een stap van 'pad'")
        antwoord = m.mapping_waarde(stap, "antwoord", "een stap van 'pad'")
        if vraag and vraag in locaties:  # as a key twice in a YAML answers file: never the last one silently
            eerder = locaties[vraag]
            kolom = f", kolom {eerder.kolom}" if stap.locatie and stap.locatie.regel == eerder.regel else ""
            m.fout(f"vraag '{fragment(vraag)}' staat twee keer in 'pad' van het verslag (eerder op regel {eerder.regel}"
                   f"{kolom})", stap.locatie)
        elif vraag and antwoord and stap.locatie:
            if stap.is_map and "aangevuld" in stap.waarde:  # type: ignore[operator]
                continue  # not answered when the record was made: taken from the tree again, and said
            aangenomen = stap.is_map and "aanname" in stap.waarde  # type: ignore[operator]
            waarden[vraag] = WEET_NIET if aangenomen else antwoord
            locaties[vraag] = stap.locatie
    motivering = None
    mk = velden.get("motivering")
    if mk is not None and mk.is_map and "tekst" in mk.waarde and mk.waarde["tekst"].soort == "tekst":  # type: ignore[operator,index,union-attr]
        motivering = str(mk.waarde["tekst"].waarde)  # type: ignore[index,union-attr]
    try:
        m.stop_bij_fouten(ModelFout)
    except ModelFout as e:
        raise AntwoordFout(problemen=e.problemen) from None
    extra = {k: str(v.waarde) for k in ("versie", "sha256")
             if velden["boom"].is_map and (v := velden["boom"].waarde.get(k)) is not None  # type: ignore[union-attr]
             and v.soort == "tekst"}
    return Antwoorden(waarden, locaties, bron, motivering, boom, extra.get("versie"), extra.get("sha256"))


def uit_verslag(antwoorden: Antwoorden) -> str | None:
    """The tree to use for answers from a record: the shipped tree with the record's id, if any."""
    from burgers_betrekken.lezen import bronnen

    if antwoorden.boom_id and antwoorden.boom_id in bronnen.meegeleverde_bomen():
        return antwoorden.boom_id
    return None


def controleer_herkomst(a: Antwoorden, boom_id: str, boom_sha256: str, boom_gekozen: bool) -> str | None:
    """Answers from a JSON record belong to the tree that made it. Another tree: refused, with
    the tree the record names. The same tree, changed since: a warning (returned) that the advice
    may differ. `boom_gekozen`: the user named the tree with --boom."""
    if a.boom_id is None:
        return None
    if a.boom_id != boom_id:
        versie = f" (versie {fragment(a.boom_versie)})" if a.boom_versie else ""
        gekozen = " (--boom)" if boom_gekozen else ""
        welke = (f"--boom {a.boom_id}, of --boom met het pad van die boom" if uit_verslag(a)
                 else "--boom met het pad van die boom")
        raise AntwoordFout(f"dit verslag is gemaakt met boom '{fragment(a.boom_id)}'{versie}, niet met boom "
                           f"'{boom_id}'{gekozen}; de antwoorden horen bij die boom: gebruik {welke}", a.bron)
    if a.boom_sha256 and a.boom_sha256 != boom_sha256:
        versie = f"versie {fragment(a.boom_versie)} van " if a.boom_versie else ""
        return (f"let op: dit verslag is gemaakt met {versie}boom '{boom_id}' "
                f"(sha256 {fragment(a.boom_sha256[:12])}…); "
                f"de boom is sindsdien veranderd (nu {boom_sha256[:12]}…), dus het advies kan afwijken")
    return None


def als_antwoordenbestand(boom_id: str, versie: str, antwoorden: Mapping[str, str], motivering: str | None,
                          gemaakt: str) -> str:
    """Answers in the format `laad_antwoorden` reads, so `bb advies --antwoorden` replays them:
    written by a YAML serializer (an id like `no` or `1_000` stays text), with the tree named in
    comments that no value can break out of."""
    from burgers_betrekken.lezen.knopen import als_yaml

    def regel(tekst: str) -> str:
        return " ".join(tekst.split())

    kop = (f"# Antwoorden voor bb, boom '{regel(boom_id)}' versie {regel(versie)}, bewaard op {regel(gemaakt)}.\n"
           "# Opnieuw hetzelfde advies: bb advies --antwoorden <dit bestand>\n")
    data = dict(antwoorden)
    if motivering:
        data[MOTIVERING] = motivering
    return kop + als_yaml(data)
