"""The glossary (`begrippen.yaml`): load it, check its cross-references, and find a term the way
a user types it (any case, with or without accents, spaces or hyphens, or a synonym)."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

from burgers_betrekken.lezen import vorm
from burgers_betrekken.kern.fouten import InvoerFout, ModelFout
from burgers_betrekken.kern.model import Begrip
from burgers_betrekken.lezen.meldingen import Meldingen, onbekend
from burgers_betrekken.kern.woorden import fragment, sleutel
from burgers_betrekken.lezen.knopen import lees_inhoud


@dataclass(frozen=True)
class Begrippenlijst:
    begrippen: tuple[Begrip, ...]
    bestand: str

    def __post_init__(self) -> None:
        index: dict[str, Begrip] = {}
        for b in self.begrippen:
            for naam in (b.id, b.term, *b.ook):
                index.setdefault(sleutel(naam), b)
        object.__setattr__(self, "_index", index)

    def begrip(self, begrip_id: str) -> Begrip:
        return next(b for b in self.begrippen if b.id == begrip_id)

    def zoek(self, term: str) -> Begrip:
        """The begrip for `term`; raises InvoerFout with the nearest suggestion."""
        index: dict[str, Begrip] = self._index  # type: ignore[attr-defined]
        gevonden = index.get(sleutel(term))
        if gevonden is not None:
            return gevonden
        bijna = get_close_matches(sleutel(term), list(index), n=1, cutoff=0.6)
        if bijna:
            raise InvoerFout(f"onbekend begrip '{term}'; bedoelde u '{index[bijna[0]].term}'? "
                             f"(bb begrippen toont de hele lijst)")
        raise InvoerFout(onbekend("onbekend begrip", term, (b.id for b in self.begrippen), "begrippen"))


def laad_begrippen(pad: Path) -> Begrippenlijst:
    knoop = lees_inhoud(pad, "een begrippenlijst heeft 'begrippen' nodig")
    m = Meldingen()
    top = m.object(knoop, vorm.BEGRIPPEN, "de begrippenlijst")
    uit: list[Begrip] = []
    for bid, bk in ((top["begrippen"] if top else None) or {}).items():
        b = m.object(bk, vorm.BEGRIP, f"begrip '{fragment(bid)}'")
        if b is not None and b.volledig:
            uit.append(b.bouw(Begrip, id=bid, locatie=b.locatie("zie_ook") or bk.locatie))
    ids = [b.id for b in uit]
    gezien: dict[str, str] = {}
    for b in uit:
        for z in b.zie_ook:
            if z not in ids:
                m.fout(f"'zie_ook' van begrip '{b.id}' noemt {onbekend('onbekend begrip', z, ids, 'begrippen')}",
                       b.locatie)
        for naam in (b.id, b.term, *b.ook):
            eerder = gezien.setdefault(sleutel(naam), b.id)
            if eerder != b.id:
                m.fout(f"'{fragment(naam)}' hoort bij begrip '{b.id}' en ook bij '{fragment(eerder)}'; een zoekterm mag maar bij "
                       f"één begrip horen", b.locatie)
    m.stop_bij_fouten(ModelFout)
    return Begrippenlijst(tuple(uit), str(pad))
