"""A file that builds on another (`basis:`): resolve the chain of bases, merge each file over
its base, and keep where every item comes from.

A tree, catalogue or scenario file with `basis: NAAM` holds only what differs from its base (a
shipped tree by name, `standaard` for the shipped catalogue, or a path relative to the file, in
its folder or below or in a folder of BB_BASISMAPPEN: `bronnen.weiger`).
The merge follows the shape of the file (`vorm`): a map of items (questions, options, rules,
caveats, instruments, scenarios) merges item by item, an item merges field by field, and every
other value (a text, a list, a condition under `wanneer`) is replaced whole. Order counts where
the tree applies items in order (`gelijke_punten`): the items of the base that the overlay names
take the overlay's order, in the places the base gives them (the others stay where they are), and
a new item comes just before the next item of the base the overlay names after it, else at the end.
The value `weg` removes an item of the base, `~` (empty) removes any key. The merged nodes keep
their own file:line:column, so every later message points into the file where the text stands,
base or overlay.
"""

from __future__ import annotations

import hashlib
import re
from difflib import get_close_matches
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from burgers_betrekken.kern.fouten import BbFout, InvoerFout, Locatie, ModelFout, Probleem
from burgers_betrekken.kern.vormtaal import Map, Object, Ref, Vorm
from burgers_betrekken.kern.woorden import fragment, opsomming, suggestie
from burgers_betrekken.lezen.bestanden import NU, Bron
from burgers_betrekken.lezen.knopen import Knoop, lees_inhoud, zonder_gc

BASIS = "basis"
WEG = "weg"
"""The overlay value that removes an item or field of the base."""
MAX_KETEN = 8
"""How many files a chain may have: deeper is a mistake, not a design."""

_SOORTNAAM = {"boom": "beslisboom", "catalogus": "catalogus", "scenarios": "scenariobestand"}

STANDAARD = "standaard"
"""`basis: standaard` in a catalogue: the shipped catalogue."""


@dataclass(frozen=True)
class Keten:
    """A file merged over its bases."""

    knoop: Knoop  # the merged content, without `basis`
    bases: tuple[tuple[str, str], ...] = ()  # (path, sha256 of its bytes) of every base, nearest first
    verwijderd: dict[str, Locatie] = field(default_factory=dict)  # removed path ('vragen.x') -> where `weg` stands

    def meld(self, problemen: tuple[Probleem, ...] | list[Probleem], pad: Path) -> tuple[Probleem, ...]:
        """Problems found in the merged content, with the chain named and removals pointed out."""
        if not self.bases:
            return tuple(problemen)
        return _in_basis(met_verwijderd(tuple(problemen), self.verwijderd), pad)

    def vingerafdruk(self, eigen_sha256: str) -> str:
        """The sha256 of the file itself when it has no base; else one over the whole chain, so a
        changed base changes the tree's identity in a record just like a changed overlay."""
        if not self.bases:
            return eigen_sha256
        h = hashlib.sha256(eigen_sha256.encode())
        for _, sha in self.bases:
            h.update(f"\0{sha}".encode())
        return h.hexdigest()


def lees_met_basis(pad: Path, data: bytes | None, soort: str, vorm_: Object, nodig: str,
                   maak_lezer: Callable[[str, str, tuple[tuple[str, str], ...]], Any], bron: Bron = NU) -> Any:
    """Read `pad` (or its `data`), merge it over its bases and build the model with
    `maak_lezer(bestand, sha256, bases).lees(knoop)`; problems name the chain. `bron`: where the
    file and its bases are read (as they are now, or in a git revision)."""
    return lees_met_keten(pad, data, soort, vorm_, nodig, maak_lezer, bron)[0]


def lees_met_keten(pad: Path, data: bytes | None, soort: str, vorm_: Object, nodig: str,
                   maak_lezer: Callable[[str, str, tuple[tuple[str, str], ...]], Any],
                   bron: Bron = NU) -> tuple[Any, Keten]:
    """As `lees_met_basis`, with the merged chain it was built from (for `herkomst`)."""
    if data is None:
        data = bron.lees(pad)
    knoop = lees_inhoud(pad, nodig, data)
    with zonder_gc():
        gelezen = lees_over_basis(knoop, pad, soort, vorm_, nodig, maak_lezer, hashlib.sha256(data).hexdigest(),
                                  bron)
    if gelezen.model is None:
        raise ModelFout(problemen=tuple(p for p in gelezen.problemen if p.ernst == "fout"))
    return gelezen.model, gelezen.keten


@dataclass(frozen=True)
class OverBasis:
    """A file read over its bases."""

    model: Any  # None when the file (or a base) has errors
    problemen: tuple[Probleem, ...]  # errors and warnings, each naming the chain
    keten: Keten


def lees_over_basis(knoop: Knoop, pad: Path, soort: str, vorm_: Object, nodig: str,
                    maak_lezer: Callable[[str, str, tuple[tuple[str, str], ...]], Any],
                    eigen_sha256: str = "", bron: Bron = NU) -> OverBasis:
    """The parsed content of `pad` merged over its bases and read by `maak_lezer(bestand,
    sha256, bases)`. A problem in the chain itself (a base that does not exist, a loop, a broken
    base) raises; a problem in the merged content is returned with the warnings, for `bb boom
    valideer` which reports both."""
    keten = los_op(knoop, pad, soort, vorm_, nodig, bron=bron)
    lezer = maak_lezer(str(pad), keten.vingerafdruk(eigen_sha256) if eigen_sha256 else "", keten.bases)
    try:
        model = lezer.lees(keten.knoop)
    except ModelFout:
        model = None
    return OverBasis(model, keten.meld(lezer.m.problemen, pad), keten)


def los_op(knoop: Knoop, pad: Path, soort: str, vorm_: Object, nodig: str,
           niet_erven: tuple[str, ...] = (), bron: Bron = NU) -> Keten:
    """The content of `pad` merged over its chain of bases. `soort`: 'boom', 'catalogus' or
    'scenarios' (how a base's name is found). `niet_erven`: top-level keys a file never takes
    from its base (a scenario file's own tree). Raises ModelFout, YamlFout or InvoerFout with the
    place of the problem; a problem inside a base names the file that builds on it. `bron`: where
    the bases are read."""
    return _los_op(knoop, pad, soort, vorm_, nodig, niet_erven, (), bron)


def _los_op(knoop: Knoop, pad: Path, soort: str, vorm_: Object, nodig: str, niet_erven: tuple[str, ...],
            eerder: tuple[Path, ...], bron: Bron) -> Keten:
    if not eerder and knoop.is_map and (anders := geen_soort(knoop, soort, vorm_)):
        raise ModelFout(f"'{pad}' {anders}", knoop.locatie)
    if not knoop.is_map or BASIS not in knoop.waarde:  # type: ignore[operator]
        return Keten(knoop)
    waarde: dict[str, Knoop] = knoop.waarde  # type: ignore[assignment]
    bk = waarde[BASIS]
    if not bk.is_tekst or not str(bk.waarde).strip():
        wat = "leeg" if bk.is_tekst else bk.omschrijving()
        raise ModelFout(f"'{BASIS}' moet de naam of het pad van een bestand zijn, maar is {wat}", bk.locatie)
    try:
        basis_pad = basis_van(str(bk.waarde), pad, soort, bk.locatie, bron)
    except InvoerFout as e:  # a name the system cannot look up (too long, a link loop): said at 'basis:'
        raise ModelFout(problemen=tuple(replace(p, locatie=bk.locatie) for p in e.problemen)) from None
    from burgers_betrekken.lezen import bronnen

    keten = (*eerder, pad)
    if bronnen.echt(basis_pad) in {bronnen.echt(p) for p in keten}:
        kring = " → ".join(str(p) for p in (*keten, basis_pad))
        raise ModelFout(f"de bases vormen een kring: {kring}", bk.locatie)
    if len(keten) >= MAX_KETEN:
        raise ModelFout(f"te veel bestanden die op elkaar voortbouwen (hoogstens {MAX_KETEN}): "
                        f"{' → '.join(str(p) for p in keten)}", bk.locatie)
    try:
        data = bron.lees(basis_pad)
    except BbFout as e:  # unreadable, too large, not a file: said where the overlay names it
        raise ModelFout(problemen=tuple(Probleem(f"de basis '{fragment(bk.waarde)}' is niet te lezen: {p.bericht}",
                                                 bk.locatie, p.ernst) for p in e.problemen)) from None
    try:
        basis_knoop = lees_inhoud(basis_pad, nodig, data)
        if anders := geen_soort(basis_knoop, soort, vorm_):  # nothing to build on: said, never quoted
            raise ModelFout(f"de basis '{fragment(bk.waarde)}' {anders}", bk.locatie)
        onder = _los_op(basis_knoop, basis_pad, soort, vorm_, nodig, niet_erven, keten, bron)
    except BbFout as e:
        raise type(e)(problemen=_in_basis(e.problemen, pad)) from None
    basis_top = onder.knoop
    if niet_erven and basis_top.is_map:
        basis_top = Knoop("map", {k: v for k, v in basis_top.waarde.items() if k not in niet_erven},  # type: ignore[union-attr]
                          basis_top.locatie, {k: v for k, v in basis_top.sleutel_locaties.items() if k not in niet_erven})
    eigen = Knoop("map", {k: v for k, v in waarde.items() if k != BASIS}, knoop.locatie,
                  {k: v for k, v in knoop.sleutel_locaties.items() if k != BASIS})
    verwijderd = dict(onder.verwijderd)
    problemen: list[Probleem] = []
    samen = _samen(basis_top, eigen, vorm_, verwijderd, problemen)
    if problemen:
        raise ModelFout(problemen=problemen)
    return Keten(samen, ((str(basis_pad), hashlib.sha256(data).hexdigest()), *onder.bases), verwijderd)


def geen_soort(knoop: Knoop, soort: str, vorm_: Object) -> str | None:
    """Why `knoop` is clearly no file of this kind (a list, a single value, a mapping without a
    single key the kind knows, like a password or settings file), else None. Said in one line that
    quotes nothing of the file, so a wrong file named as a base or catalogue never shows its content."""
    naam = _SOORTNAAM.get(soort, soort)
    if not knoop.is_map:
        return f"bevat {knoop.omschrijving()}, geen {naam}"
    sleutels: dict[str, Knoop] = knoop.waarde  # type: ignore[assignment]
    if not sleutels or any(k in vorm_.namen or get_close_matches(k, vorm_.namen, n=1, cutoff=0.75)
                           for k in sleutels):  # a misspelt key is a file of this kind with a typo
        return None
    *voor, laatste = [f"'{k}'" for k in vorm_.verplicht]
    verwacht = f"{', '.join(voor)} en {laatste}" if voor else laatste
    return (f"is geen {naam}: geen van zijn sleutels hoort in een {naam} (verwacht een YAML-bestand "
            f"met {verwacht}, of met '{BASIS}' en wat anders is)")


def basis_van(naam: str, pad: Path, soort: str, locatie: Locatie | None, bron: Bron = NU) -> Path:
    """Where `basis: naam` in `pad` points: a shipped tree by name (for a scenario file: that tree's
    scenarios), `standaard` for the shipped catalogue, or a path relative to `pad` (looked up in
    `bron`: as the files are now, or in a git revision)."""
    from burgers_betrekken.lezen import bronnen

    eigen = pad.parent / naam
    if not (Path(naam).suffix or "/" in naam or "\\" in naam or bron.is_bestand(eigen)):
        if soort == "catalogus" and naam == STANDAARD:
            return bronnen.standaard_catalogus()
        namen = bronnen.meegeleverde_bomen()
        if soort in ("boom", "scenarios") and naam in namen:
            return bronnen.bomenmap() / (f"{naam}.tests.yaml" if soort == "scenarios" else f"{naam}.yaml")
        bekend = [STANDAARD] if soort == "catalogus" else namen
        if naam == STANDAARD:
            raise ModelFout(f"'{STANDAARD}' is de meegeleverde catalogus; een {_SOORTNAAM.get(soort, soort)} "
                            f"bouwt voort op een meegeleverde boom ({opsomming(bekend)}) of op een pad", locatie)
        if bron.is_map(eigen):
            raise ModelFout(f"de basis '{fragment(naam)}' is een map, geen bestand", locatie)
        raise ModelFout(f"de basis '{fragment(naam)}' bestaat niet{suggestie(naam, bekend)}; geef een pad naar een "
                        f"bestand (ten opzichte van dit bestand) of een meegeleverde naam ({opsomming(bekend)})",
                        locatie)
    if melding := bronnen.weiger("de basis", naam, eigen, pad):  # before looking whether it exists: that too stays unsaid
        raise ModelFout(melding, locatie)
    if not bron.bestaat(eigen):
        raise ModelFout(f"de basis '{fragment(naam)}' bestaat niet (gezocht: {eigen})", locatie)
    if bron.is_map(eigen):
        raise ModelFout(f"de basis '{fragment(naam)}' is een map, geen bestand", locatie)
    return eigen


def noem(pad: str | Path) -> str:
    """A base as the user knows it: a shipped tree or the shipped catalogue by name, else its path."""
    from burgers_betrekken.lezen import bronnen

    echt = bronnen.echt(Path(pad))
    if echt == bronnen.echt(bronnen.standaard_catalogus()):
        return "de meegeleverde catalogus"
    if echt.parent == bronnen.echt(bronnen.bomenmap()):
        naam = echt.name.removesuffix(".yaml")
        return f"de meegeleverde scenario's van '{naam[:-6]}'" if naam.endswith(".tests") else f"de meegeleverde boom '{naam}'"
    return str(pad)


def _in_basis(problemen: tuple[Probleem, ...], pad: Path) -> tuple[Probleem, ...]:
    """A problem in a base names the file that builds on it (the chain), once."""
    uit = []
    for p in problemen:
        staat_in = p.locatie.bestand if p.locatie else None
        if staat_in and staat_in != str(pad) and "(basis van " not in p.bericht:
            p = Probleem(f"{p.bericht} (basis van {pad})", p.locatie, p.ernst)
        uit.append(p)
    return tuple(uit)


def _haalt_weg(knoop: Knoop, basis: Knoop | None, vorm_: Vorm | None) -> bool:
    """`~` (an empty value) removes what the base has under this key; `weg` removes an item of the
    base (a question, option, rule, ...): where the base has a mapping, or, where the base has
    nothing, where the shape holds one. So a field whose value is the word 'weg' stays one."""
    if knoop.soort == "leeg":
        return True
    if not (knoop.is_tekst and knoop.waarde == WEG):
        return False
    return basis.is_map if basis is not None else isinstance(vorm_, (Object, Map))


def _deelvorm(v: Vorm, sleutel: str) -> Vorm | None:
    if isinstance(v, Map):
        return v.waarde
    if isinstance(v, Object):
        veld = v.veld(sleutel)
        return veld.vorm if veld is not None else v.overige
    return None


def _samen(basis: Knoop, eigen: Knoop, v: Vorm, verwijderd: dict[str, Locatie], problemen: list[Probleem],
           waar: tuple[str, ...] = ()) -> Knoop:
    """`eigen` over `basis`, by the shape `v`: mappings of items and fields merge key by key,
    everything else (and a condition, `Ref`) is replaced whole. `waar`: the keys down to here;
    a removal is noted under its whole path ('vragen.budget.opties.laag')."""
    if isinstance(v, Ref) or not isinstance(v, (Object, Map)) or not (basis.is_map and eigen.is_map):
        return eigen
    waarde: dict[str, Knoop] = dict(basis.waarde)  # type: ignore[arg-type]
    sleutels = dict(basis.sleutel_locaties)
    volgorde = list(waarde)
    if isinstance(v, Map) and v.geordend:  # the items the overlay names take its order, in their own places
        genoemd = [k for k in eigen.waarde if k in waarde]  # type: ignore[union-attr]
        plekken = [i for i, k in enumerate(volgorde) if k in eigen.waarde]  # type: ignore[operator]
        for i, k in zip(plekken, genoemd):
            volgorde[i] = k
    nieuw: list[str] = []  # new keys waiting for the next key of the base the overlay names
    for sleutel, knoop in eigen.waarde.items():  # type: ignore[union-attr]
        plek = eigen.sleutel_locaties.get(sleutel, knoop.locatie)
        in_basis = sleutel in waarde
        deel = _deelvorm(v, sleutel)
        if _haalt_weg(knoop, waarde.get(sleutel), deel):
            if in_basis:
                del waarde[sleutel]
                sleutels.pop(sleutel, None)
                verwijderd[".".join((*waar, sleutel))] = plek
            else:
                geschreven = "~" if knoop.soort == "leeg" else WEG
                problemen.append(Probleem(f"'{fragment(sleutel)}: {geschreven}' haalt iets weg, maar de basis heeft "
                                          f"geen '{fragment(sleutel)}' op deze plek{suggestie(sleutel, list(waarde))}", plek))
            continue
        if in_basis:  # the new keys named before it go just before it
            plek_in_basis = volgorde.index(sleutel)
            volgorde[plek_in_basis:plek_in_basis] = nieuw
            nieuw = []
        else:
            nieuw.append(sleutel)
        if in_basis and deel is not None:
            waarde[sleutel] = _samen(waarde[sleutel], knoop, deel, verwijderd, problemen, (*waar, sleutel))
        else:
            waarde[sleutel] = knoop
            sleutels[sleutel] = plek
    volgorde += nieuw
    return Knoop("map", {k: waarde[k] for k in volgorde if k in waarde}, basis.locatie, sleutels)


_MIST = re.compile(r"mist de verplichte sleutel '([a-z0-9_]+)'")
_TE_WEINIG: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    # a message that a list has too few items, and the path of that list
    (re.compile(r"de opties van vraag '([a-z0-9_]+)': .*minstens"), lambda m: f"vragen.{m[1]}.opties"),
    (re.compile(r"'(vragen|scenarios|begrippen)' is leeg"), lambda m: m[1]),
    (re.compile(r"de (ladder) heeft minstens"), lambda m: m[1]),
)
_HOUDER = {"vraag": "vragen", "trede": "ladder", "kenmerk": "kenmerken", "instrument": "instrumenten"}
_VERWIJZINGEN: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[str, str]]], ...] = (
    # a message that refers to an item, and the path where an overlay would have removed it
    (re.compile(r"vraag '([a-z0-9_]+)' heeft geen optie '([a-z0-9_]+)'"),
     lambda m: (f"vragen.{m[1]}.opties.{m[2]}", m[2])),
    (re.compile(r"van vraag '([a-z0-9_]+)' neemt optie '([a-z0-9_]+)'"),
     lambda m: (f"vragen.{m[1]}.opties.{m[2]}", m[2])),
    (re.compile(r"onbekend\w* (vraag|trede|kenmerk|instrument) '([a-z0-9_]+)'"),
     lambda m: (f"{_HOUDER[m[1]]}.{m[2]}", m[2])),
)


def met_verwijderd(problemen: tuple[Probleem, ...], verwijderd: dict[str, Locatie]) -> tuple[Probleem, ...]:
    """A reference to something an overlay removed says where it was removed (an option by its
    question: a question may have the id of a removed option)."""
    if not verwijderd:
        return problemen
    uit = []
    for p in problemen:
        mist = _MIST.search(p.bericht)
        weg = [k for k in verwijderd if k == mist.group(1) or k.endswith("." + mist.group(1))] if mist else []
        if len(weg) == 1:  # the overlay removed it: point there
            uit.append(Probleem(f"{p.bericht}: die is hier weggehaald", verwijderd[weg[0]], p.ernst))
            continue
        houder = next((waar(m) for patroon, waar in _TE_WEINIG if (m := patroon.search(p.bericht))), None)
        weg = [k for k in verwijderd if houder and k.rpartition(".")[0] == houder]
        if weg:  # too few left in a list the overlay removed items from: point at its removals
            ids = opsomming([k.rpartition(".")[2] for k in weg])
            uit.append(Probleem(f"{p.bericht}; dit bestand haalt {ids} hier weg", verwijderd[weg[-1]], p.ernst))
            continue
        gevonden = [(waar, id_) for patroon, sleutel in _VERWIJZINGEN for m in patroon.finditer(p.bericht)
                    for waar, id_ in [sleutel(m)] if waar in verwijderd]
        if gevonden:
            waar, id_ = gevonden[0]
            p = Probleem(f"{p.bericht}; '{id_}' is weggehaald in {verwijderd[waar]}", p.locatie, p.ernst)
        uit.append(p)
    return tuple(uit)


# --- where each item comes from ----------------------------------------------------------------


def herkomst(knoop: Knoop) -> list[tuple[str, tuple[Locatie, ...]]]:
    """For each item of a merged tree (its metadata, each question and option, each rule and
    caveat): the places it was written, one per file, base first. An item changed by an overlay
    has two."""
    uit: list[tuple[str, tuple[Locatie, ...]]] = []
    if not knoop.is_map:
        return uit
    top: dict[str, Knoop] = knoop.waarde  # type: ignore[assignment]
    for sectie, kn in top.items():
        if kn.is_map and sectie in ("vragen", "instrumentregels", "gelijke_punten", "let_op", "routes", "beloftes",
                                    "ladder", "kenmerken", "instrumenten", "scenarios"):
            for item, ik in kn.waarde.items():  # type: ignore[union-attr]
                uit.append((f"{sectie}.{item}", _plekken(ik, kn.sleutel_locaties.get(item))))
                if sectie == "vragen" and ik.is_map and "opties" in ik.waarde:  # type: ignore[operator]
                    opties = ik.waarde["opties"]  # type: ignore[index]
                    for oid, ok in (opties.waarde.items() if opties.is_map else ()):
                        uit.append((f"{sectie}.{item}.opties.{oid}", _plekken(ok, opties.sleutel_locaties.get(oid))))
        else:
            uit.append((sectie, _plekken(kn, knoop.sleutel_locaties.get(sectie))))
    return uit


def _plekken(knoop: Knoop, sleutel: Locatie | None) -> tuple[Locatie, ...]:
    """The first place per file in this node's own fields (options are items of their own), the
    file of the item's key first."""
    eerste: dict[str, Locatie] = {}

    def zie(plek: Locatie | None) -> None:
        if plek is not None and plek.bestand:
            huidig = eerste.get(plek.bestand)
            if huidig is None or (plek.regel or 0, plek.kolom or 0) < (huidig.regel or 0, huidig.kolom or 0):
                eerste[plek.bestand] = plek

    zie(sleutel)
    stapel = [knoop]
    while stapel:
        k = stapel.pop()
        zie(k.locatie)
        if k.is_map:
            for s, sub in k.waarde.items():  # type: ignore[union-attr]
                if s == "opties" and k is knoop:
                    continue
                zie(k.sleutel_locaties.get(s))
                stapel.append(sub)
        elif k.is_lijst:
            stapel.extend(k.waarde)  # type: ignore[arg-type]
    eigen = sleutel.bestand if sleutel is not None else None
    return tuple(sorted(eerste.values(), key=lambda p: p.bestand != eigen))
