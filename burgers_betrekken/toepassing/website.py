"""`bb boom website`: the advice for every path through a tree, computed by the one engine when
the page is built, as compact data for a page that only navigates (`uitvoer.website`).

Each path is keyed by the positions of the options chosen along it ("0.3.1"; "Weet ik niet" is
the position after the last option), so a path with "weet ik niet" is a path of its own, with the
advice `bb advies` gives for that answer. Its advice is the engine's, with "wat als", in the same
words as the JSON record of `bb advies` (`adviestekst`), and with the HTML record that
`bb advies --uitvoer x.html` writes (`verslag_html`), cut into sections, its date left for the
page to fill in. Repeated values (a reason, an instrument's entry, a section of a record) are
stored once: the data is a table of values in which a list or mapping refers to other entries by
number.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from burgers_betrekken.kern import adviestekst, engine
from burgers_betrekken.kern.fouten import InvoerFout
from burgers_betrekken.kern.model import WEET_NIET, Boom, Catalogus
from burgers_betrekken.kern.paden import MAX_TEKENS, VEEL, Pad, binnen_grens, paden, tekst_op_paden
from burgers_betrekken.kern.watals import met_wat_als, onthoudend
from burgers_betrekken.kern.woorden import getal
from burgers_betrekken.uitvoer.verslag import (
    Verslag,
    afgevallen_data,
    belofte_data,
    instrumenten_data,
    let_op_data,
    wat_als_data,
)
from burgers_betrekken.uitvoer.verslag_html import ONTBREEKT_REGEL, als_html

DATUM = "\0datum"
"""In a record: where the page puts the date and time the user saves it."""
_VAST = datetime(2000, 1, 1, tzinfo=timezone.utc)
_DATUMREGEL = '<tr><th scope="row">Datum</th><td>01-01-2000 00:00</td></tr>'


def gegevens(boom: Boom, catalogus: Catalogus) -> dict[str, Any]:
    """Everything the page needs: the questions, the rungs and instruments, and the advice per path."""
    binnen_grens(boom, weet_niet=True)  # counted before the walk: a page holds every path
    tekens = tekst_op_paden(boom, weet_niet=True)  # and the cost of each path: the texts its record repeats
    if tekens > MAX_TEKENS:
        aantal = f"{'meer dan een miljard' if tekens >= VEEL else getal(tekens)} tekens; een webpagina kan er " \
            f"hoogstens {getal(MAX_TEKENS)}"
        raise InvoerFout(f"de vragen en antwoorden langs alle paden van boom '{boom.id}' zijn samen {aantal} "
                         f"bevatten, want het verslag van elk pad herhaalt ze. Maak lange vragen of labels korter "
                         f"(een toelichting telt niet mee), of splits de boom")
    tabel = _Tabel()
    adviezen: dict[str, int] = {}
    bereken = onthoudend()  # "wat als" asks for the advice of neighbouring paths, which the page computes anyway

    for pad in paden(boom, weet_niet=True):
        advies = met_wat_als(bereken(boom, catalogus, dict(pad)), bereken)
        adviezen[_sleutel(boom, pad)] = tabel.zet({**_advies(advies), "verslag": _verslag(advies)})
    return {
        "boom": {"id": boom.id, "versie": boom.versie, "titel": boom.titel, "beschrijving": boom.beschrijving,
                 "sha256": boom.sha256, "start": boom.start},
        # "rest": the most questions still to come after this one ("vraag 3 van maximaal 7", as bb advies)
        "vragen": {v.id: {"tekst": v.tekst, "toelichting": v.toelichting,
                          "rest": engine.maximaal_resterend(boom, v.id) - 1,
                          "weet_niet": {"optie": v.weet_niet.optie, "aanname": v.weet_niet.aanname} if v.weet_niet else None,
                          "opties": [{"id": o.id, "label": o.label, "toelichting": o.toelichting,
                                      "volgende": v.volgende_na(o.id)} for o in v.opties]}
                   for v in boom.vragen.values()},
        "treden": {t.id: {"naam": t.naam, "omschrijving": t.omschrijving, "participatie": t.participatie}
                   for t in catalogus.ladder},
        "checklist": list(catalogus.checklist),
        "verslag": {"datum": DATUM, "ontbreekt": ONTBREEKT_REGEL},
        "tabel": tabel.waarden,
        "adviezen": adviezen,
    }


def _sleutel(boom: Boom, pad: Pad) -> str:
    return ".".join(str(len(boom.vraag(v).opties) if o == WEET_NIET else boom.vraag(v).optie_ids.index(o))
                    for v, o in pad)


def _verslag(advies: engine.Advies) -> dict[str, Any]:
    """The HTML record of `bb advies --uitvoer x.html`, in sections (each from one heading to the
    next, so paths share them), with the date left open; and whether it asks for a motivation."""
    v = Verslag(advies, _VAST, advies.boom.sha256)
    regels = [DATUM if r == _DATUMREGEL else r for r in als_html(v).split("\n")]
    assert DATUM in regels, "the record's date line changed; update _DATUMREGEL"
    delen: list[list[str]] = [[]]
    for r in regels:
        if r.startswith("<h2>") and delen[-1]:
            delen.append([])
        delen[-1].append(r)
    return {"delen": delen, "motivering": v.waarom_motivering if v.motivering_nodig else None}


def _advies(a: engine.Advies) -> dict[str, Any]:
    """What the page shows: the entries of the JSON record of `bb advies` (`verslag`), and the
    sentences every view shares (`adviestekst`)."""
    return {
        "niveau": a.niveau.id,
        "participatie": a.participatie,
        "voorlopig": adviestekst.voorlopig_regel(a),
        "kop": adviestekst.kopregel(a),
        "route": _route(a),
        "route_noot": a.route_noot,
        "beste": [x.instrument.id for x in a.beste],
        "gelijk": [list(p) for p in adviestekst.gelijk_onderscheid(a)],
        "waarom_geen": adviestekst.waarom_geen(a) if a.participatie and not a.beste else [],
        "instrumenten": instrumenten_data(a),
        # the record's entries, with the name the page shows
        "afgevallen": [{**d, "naam": x.instrument.naam} for d, x in zip(afgevallen_data(a), a.afgevallen)],
        "let_op": let_op_data(a),
        "belofte": belofte_data(a),  # the tree's or the rung's; null where there are no participants
        "wat_als": [wat_als_data(w) for w in a.wat_als or ()],
        "wat_als_geen": adviestekst.wat_als_geen(a),
        "wat_als_gevolg_kop": adviestekst.gevolg_kop(a) if adviestekst.gevolg_regels(a) else None,
    }


def _route(a: engine.Advies) -> dict[str, Any] | None:
    """The route as the screen of `bb advies` shows it: the one-line route above the ranking, each
    step with its purpose (and the rung it was judged at, when that is not the advice's), why this
    route and its source."""
    if a.route is None:
        return None
    namen = adviestekst.route_stappen(a)
    return {"regel": adviestekst.routeregel(a),
            "stappen": [{"naam": naam, "waarom": waarom, "trede": a.catalogus.trede(s.trede).naam if s.trede else None}
                        for s, (naam, waarom) in zip(a.route.stappen, namen)],
            "reden": a.route.route.reden, "bron": a.route.route.bron, "alternatief": adviestekst.ROUTE_ALTERNATIEF}


class _Tabel:
    """Values stored once. A text, number, truth value or null is itself; a list is
    ["L", i, j, ...] and a mapping ["D", key, value, key, value, ...], each i a position in the
    table. The page rebuilds a value from its position (`lees` in the page's script)."""

    def __init__(self) -> None:
        self.waarden: list[Any] = []
        self._plek: dict[Any, int] = {}
        self._teksten: dict[str, int] = {}  # texts are most values: one lookup each

    def zet(self, waarde: Any) -> int:
        soort = type(waarde)
        if soort is str:
            plek = self._teksten.get(waarde)
            if plek is None:
                plek = self._teksten[waarde] = len(self.waarden)
                self.waarden.append(waarde)
            return plek
        zet = self.zet
        if soort is list or soort is tuple:  # JSON has one kind of list
            sleutel: Any = ("L", *map(zet, waarde))
        elif soort is dict:
            sleutel = ("D", *[i for k, w in waarde.items() for i in (zet(k), zet(w))])
        else:
            sleutel = (soort.__name__, waarde)  # 1 and True are different values
        plek = self._plek.get(sleutel)
        if plek is None:
            plek = self._plek[sleutel] = len(self.waarden)
            self.waarden.append(list(sleutel) if sleutel[0] in ("L", "D") else waarde)
        return plek
