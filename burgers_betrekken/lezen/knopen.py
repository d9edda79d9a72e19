"""Read YAML (and JSON) files into located nodes: safe, strict, and with file:line:column.

This is the only module that talks to PyYAML. It never constructs Python objects from
tags: it reads the safe parser's events and builds its own nodes from them, so
`!!python/...` and other tags are refused, duplicate keys are an error, anchors and
aliases are refused (which also makes "billion laughs" harmless), and every value keeps
the place it came from.
"""

from __future__ import annotations

import gc
import json
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Union

import yaml

from burgers_betrekken.lezen.bestanden import lees_bytes
from burgers_betrekken.kern.fouten import Locatie, Probleem, YamlFout
from burgers_betrekken.kern.woorden import fragment

# libyaml is much faster; it composes the same nodes with the same marks.
_Basis = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Basis):  # type: ignore[misc,valid-type]
    """The safe loader with a memo for implicit tag resolution: libyaml asks Python to resolve
    every plain scalar with a list of regular expressions, and a tree repeats its ids and labels
    thousands of times. Same input, same answer: the memo cannot change a result."""

    _memo: dict[tuple, str] = {}

    def resolve(self, kind: type, value: object, implicit: tuple) -> str:
        if kind is yaml.ScalarNode:
            try:
                return self._memo[value, implicit]  # type: ignore[index]
            except (KeyError, TypeError):
                pass
        tag: str = super().resolve(kind, value, implicit)
        if kind is yaml.ScalarNode and isinstance(value, str) and len(self._memo) < 100_000:
            self._memo[value, implicit] = tag
        return tag

_T = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (_T + s for s in ("str", "int", "float", "bool", "null", "timestamp"))
MAP, SEQ = _T + "map", _T + "seq"
_SCALAR_TAGS = {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP}
_SLEUTEL_TAGS = _SCALAR_TAGS - {NULL}

Waarde = Union[str, int, float, bool, None, dict, list]


class Knoop:
    """A YAML node with its location. `waarde` is a str for scalars (the raw text),
    a dict[str, Knoop] for mappings (keys in file order) and a list[Knoop] for lists.
    Treated as immutable; a plain class with slots because the reader makes one per node."""

    __slots__ = ("soort", "waarde", "locatie", "sleutel_locaties")

    def __init__(self, soort: str, waarde: object, locatie: Locatie,
                 sleutel_locaties: dict[str, Locatie] | None = None) -> None:
        self.soort = soort  # "map", "lijst", "tekst", "getal", "kommagetal", "ja/nee", "leeg", "datum"
        self.waarde = waarde
        self.locatie = locatie
        self.sleutel_locaties = sleutel_locaties if sleutel_locaties is not None else {}

    def __repr__(self) -> str:
        return f"Knoop({self.soort!r}, {self.waarde!r}, {self.locatie!r})"

    @property
    def is_map(self) -> bool:
        return self.soort == "map"

    @property
    def is_lijst(self) -> bool:
        return self.soort == "lijst"

    @property
    def is_tekst(self) -> bool:
        return self.soort == "tekst"

    def omschrijving(self) -> str:
        """Dutch name of what this node is, for messages such as 'verwachtte tekst, vond een lijst'."""
        return {
            "map": "een mapping (sleutel: waarde)",
            "lijst": "een lijst",
            "tekst": "tekst",
            "getal": "een getal",
            "kommagetal": "een kommagetal",
            "ja/nee": "een ja/nee-waarde",
            "leeg": "een lege waarde",
            "datum": "een datum",
        }[self.soort]

    def naar_python(self) -> Waarde:
        """Plain Python value (used for JSON-like data such as answers)."""
        if self.soort == "map":
            return {k: v.naar_python() for k, v in self.waarde.items()}  # type: ignore[union-attr]
        if self.soort == "lijst":
            return [v.naar_python() for v in self.waarde]  # type: ignore[union-attr]
        return self.waarde  # type: ignore[return-value]


_SOORT = {STR: "tekst", INT: "getal", FLOAT: "kommagetal", BOOL: "ja/nee", NULL: "leeg", TIMESTAMP: "datum"}


def lees_tekst(pad: Path) -> str:
    """Read a text file as UTF-8 with a clear Dutch error for every way that can fail."""
    return decodeer(lees_bytes(pad), str(pad))


def decodeer(data: bytes, naam: str) -> str:
    if b"\x00" in data[:_KIJK] and (codering := _utf16_of_32(data)):
        raise YamlFout(f"het bestand is in {codering} opgeslagen; sla het op als UTF-8", Locatie(naam, 1, 1))
    if b"\x00" in data:
        raise YamlFout("het bestand bevat een NUL-teken; is het wel een tekstbestand?",
                       _locatie_van_byte(data, data.index(b"\x00"), naam))
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise YamlFout("het bestand is geen geldige UTF-8 (misschien Latin-1 of Windows-1252?); "
                       "sla het op als UTF-8", _locatie_van_byte(data, e.start, naam)) from None
    return tekst


_KIJK = 64
"""How many bytes at the start tell UTF-16 and UTF-32 from UTF-8 (a YAML file starts with text)."""


def _utf16_of_32(data: bytes) -> str | None:
    """'UTF-32' or 'UTF-16' when the file is saved so (by its byte order mark, or without one by
    where the NUL bytes of plain ASCII text stand), else None. UTF-32's mark starts with UTF-16's,
    so it is looked at first."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    for breedte, naam in ((4, "UTF-32"), (2, "UTF-16")):
        begin = data[:min(len(data), _KIJK) // breedte * breedte]
        tekens = [begin[i:i + breedte] for i in range(0, len(begin), breedte)]
        nul = b"\x00" * (breedte - 1)
        if tekens and (all(t[1:] == nul and t[0] for t in tekens)  # little-endian
                       or all(t[:-1] == nul and t[-1] for t in tekens)):  # big-endian
            return naam
    return None


def _locatie_van_byte(data: bytes, index: int, naam: str) -> Locatie:
    voor = data[:index]
    regel = voor.count(b"\n") + 1
    kolom = index - (voor.rfind(b"\n") + 1) + 1
    return Locatie(naam, regel, kolom)


# PyYAML and libyaml word their problems differently; both are translated here. Matched against
# "<context> <problem>" in order, so the more particular wordings come first. Every problem either
# reader can report has a Dutch wording (tests/hostile/test_lezen_randgevallen.py collects them).
_VERSIE = "alleen YAML-versie 1.x wordt gelezen; schrijf '%YAML 1.1' of laat de %YAML-regel weg"
_TAG = "ongeldige YAML-tag; laat tags (woorden met '!') weg"
_VERTALINGEN: list[tuple[str, str]] = [
    (r"found character '\\t' that cannot start any token|found a tab character",
     "tab gevonden; spring in met spaties, niet met tabs"),
    (r"found character .*that cannot start any token",
     "teken dat hier niet mag (een tab? spring in met spaties)"),
    (r"mapping values are not allowed",
     "hier mag geen ':' staan; mist er een ':' op een regel erboven? Zet anders tekst met een dubbele punt "
     "tussen aanhalingstekens, of controleer de inspringing"),
    (r"sequence entries are not allowed", "hier mag geen lijstitem ('- ') beginnen; controleer de inspringing"),
    (r"mapping keys are not allowed", "hier mag geen sleutel met '?' beginnen; controleer de inspringing"),
    (r"could not find expected ':'",
     "verwachtte een ':' na de sleutel"),
    (r"did not find expected key|expected <block end>",
     "de inspringing klopt niet: deze regel staat niet op één lijn met de sleutels erboven"),
    (r"did not find expected '-' indicator",
     "de inspringing klopt niet: verwachtte een nieuw lijstitem ('- ')"),
    (r"duplicate (%)?YAML directive", "de %YAML-regel staat er twee keer"),
    (r"duplicate (%TAG directive|tag handle)", "dezelfde %TAG-regel staat er twee keer"),
    (r"incompatible (YAML document|%YAML directive)|version number|digit or|expected a digit", _VERSIE),
    (r"unknown directive name|directive name|while scanning a directive.*alphabetic",
     "onbekende regel met '%'; alleen %YAML en %TAG bestaan (zet tekst die met % begint tussen aanhalingstekens)"),
    (r"(while scanning|while parsing) an? (%TAG directive|tag directive)|tag handle|tag URI|URI|expected '!'"
     r"|expected '>'|the expected '>'|non-alphabetical character|while (scanning|parsing) a tag", _TAG),
    (r"while scanning a (%YAML )?directive", "ongeldige regel met '%' (%YAML of %TAG)"),
    (r"did not find expected comment or line break|expected a comment or a line break",
     "onverwachte tekst na de waarde; staat er nog iets achter op deze regel? Zet tekst met bijzondere "
     "tekens tussen aanhalingstekens"),
    (r"indentation indicator equal to 0|indentation indicator in the range 1-9",
     "na '|' of '>' mag de inspringing 1 tot en met 9 zijn, niet 0"),
    (r"chomping or indentation indicators", "na '|' of '>' mag alleen '+', '-' of een cijfer van 1 tot en met 9 staan"),
    (r"found unexpected end of stream|unexpected end of stream",
     "onverwacht einde van het bestand; is er een aanhalingsteken of haakje niet gesloten?"),
    (r"found unexpected ':'", "onverwachte ':'; zet de tekst tussen aanhalingstekens"),
    (r"did not find expected ',' or '\]'|expected ',' or '\]'", "verwachtte ',' of ']' in de lijst"),
    (r"did not find expected ',' or '}'|expected ',' or '}'", "verwachtte ',' of '}'"),
    (r"expected node content|expected the node content",
     "hier hoort een waarde; is een lijst of mapping niet afgemaakt, of staat er een leesteken te veel?"),
    (r"expected <stream-start>|expected <document start>|expected '<document start>'",
     "na het einde van het document ('...') mag alleen een nieuw document met '---' beginnen; haal '...' weg"),
    (r"found undefined alias|found undefined anchor", "onbekende verwijzing (*alias)"),
    (r"duplicate anchor", "hetzelfde anker (&naam) staat er twee keer"),
    (r"found unknown escape character", "onbekende escape-code (\\) in tekst tussen dubbele aanhalingstekens"),
    (r"hexdecimal number|hexadecimal numbers",
     "een escape-code (\\x, \\u of \\U) in tekst tussen dubbele aanhalingstekens heeft te weinig "
     "hexadecimale cijfers (0-9, a-f)"),
    (r"invalid Unicode character",
     "een escape-code (\\u of \\U) in tekst tussen dubbele aanhalingstekens is geen geldig teken"),
    (r"unexpected document (separator|indicator)",
     "een regel met '---' of '...' midden in tekst tussen aanhalingstekens; is het aanhalingsteken niet gesloten?"),
    (r"while scanning a quoted scalar", "niet-afgesloten aanhalingsteken"),
    (r"expected alphabetic or numeric character", "ongeldige naam na '&' of '*'"),
    (r"expected whitespace", "hier hoort een spatie"),
    (r"expected a single document|another document", "het bestand mag maar één YAML-document bevatten"),
    (r"maximum nesting depth|increasing (block|flow) level", "het bestand is te diep genest"),
    (r"control characters are not allowed|special characters are not allowed",
     "het bestand bevat een stuurteken dat in YAML niet mag"),
    (r"UTF-8|utf-8|codec", "het bestand is geen geldige UTF-8; sla het op als UTF-8"),
    (r"input is too long", "het bestand is te groot"),
]
ONGELDIG = "ongeldige YAML op deze plek"
"""What is said when neither reader's wording is known (a newer PyYAML): Dutch only, at the place."""


def vertaal_probleem(probleem: str | None, context: str | None) -> str:
    """Dutch for a problem PyYAML or libyaml reports (`problem` and `context` of its error)."""
    tekst = f"{context or ''} {probleem or ''}"
    for patroon, nl in _VERTALINGEN:
        if re.search(patroon, tekst):
            return nl
    return ONGELDIG


@contextmanager
def zonder_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file becomes nodes and model objects. Those are
    hundreds of thousands of young objects without cycles; the collector would scan them again
    and again (measured: 5x slower on a tree of 10,000 questions). Reference counting still frees
    everything; the collector resumes afterwards."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def parse_yaml(tekst: str, naam: str) -> Knoop | None:
    """Parse YAML text into located nodes. Returns None for an empty document."""
    with zonder_gc():
        return _parse_yaml(tekst, naam)


def _parse_yaml(tekst: str, naam: str) -> Knoop | None:
    loader = _Loader(tekst)
    try:
        return _Bouwer(naam, loader).bouw()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        # libyaml's "while scanning a quoted scalar" points at the start; the problem at the end.
        if e.context and "quoted scalar" in e.context and e.context_mark is not None:
            mark = e.context_mark
        loc = Locatie(naam, mark.line + 1, mark.column + 1) if mark else Locatie(naam, 1, 1)
        raise YamlFout(vertaal_probleem(e.problem, e.context), loc) from None
    except yaml.YAMLError as e:  # reader errors (control characters) carry a position too
        pos = getattr(e, "position", None)
        loc = _locatie_van_byte(tekst.encode(), len(tekst[:pos].encode()), naam) if pos is not None else Locatie(naam, 1, 1)
        raise YamlFout(vertaal_probleem(str(e), None), loc) from None
    finally:
        loader.dispose()


MAX_DIEPTE = 100

_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_MapBegin, _MapEind = yaml.MappingStartEvent, yaml.MappingEndEvent
_LijstBegin, _LijstEind = yaml.SequenceStartEvent, yaml.SequenceEndEvent


class _Bouwer:
    """Builds located nodes straight from the parser's events, with an explicit stack instead of
    recursion. PyYAML's own composer recurses once per nesting level, and the C version does so on
    the C stack: with libyaml 0.2.5 (PyYAML 6.0.1 wheels) a file of 40,000 '[' crashes the process
    (segmentation fault) before any Python check can run. Here a file deeper than MAX_DIEPTE
    stops at the first node too deep, with its place. It is also faster: no PyYAML node graph
    is built only to be converted."""

    def __init__(self, naam: str, loader: _Loader) -> None:
        self.naam = naam
        self.loader = loader

    def plek(self, event: yaml.Event) -> Locatie:
        mark = event.start_mark
        return Locatie(self.naam, mark.line + 1, mark.column + 1)

    def bouw(self) -> Knoop | None:
        # The hot loop of every load: written for speed (type checks by identity, locals).
        get = self.loader.get_event
        get()  # stream start
        if type(get()) is yaml.StreamEndEvent:  # no document at all (empty or only comments)
            return None
        resolve = self.loader.resolve
        naam = self.naam
        scalar_node = yaml.ScalarNode
        # One entry per open collection: [is_map, dict or list, place, key places, pending key].
        stapel: list[list] = []
        te_diep = f"het bestand is te diep genest (meer dan {MAX_DIEPTE} niveaus)"
        max_diepte = MAX_DIEPTE
        sleutel_tags = _SLEUTEL_TAGS
        while True:
            event = get()
            soort = type(event)
            if soort is _Scalar:
                mark = event.start_mark
                plek = Locatie(naam, mark.line + 1, mark.column + 1)
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(scalar_node, event.value, event.implicit)
                if stapel:
                    top = stapel[-1]
                    if top[0] and top[4] is None:  # a key: a name, once per mapping
                        sleutel = event.value
                        if tag not in sleutel_tags or sleutel in top[3]:
                            self._foute_sleutel(top, tag, sleutel, plek)
                        top[3][sleutel] = plek
                        top[4] = sleutel
                        continue
                    if len(stapel) > max_diepte:
                        raise YamlFout(te_diep, plek)
                if tag == STR:
                    knoop = Knoop("tekst", event.value, plek)
                elif tag in _SOORT:
                    knoop = Knoop(_SOORT[tag], _scalar(tag, event.value), plek)
                else:
                    raise YamlFout(f"de YAML-tag '{tag}' is niet toegestaan; laat tags zoals !!python weg", plek)
            elif soort is _MapBegin or soort is _LijstBegin:
                plek = self.plek(event)
                if stapel:
                    top = stapel[-1]
                    if top[0] and top[4] is None:
                        raise YamlFout("een sleutel moet een naam zijn (tekst)", plek)
                    if len(stapel) > max_diepte:
                        raise YamlFout(te_diep, plek)
                tag = event.tag
                is_map = soort is _MapBegin
                if tag is not None and tag != "!" and tag != (MAP if is_map else SEQ):
                    raise YamlFout(f"de YAML-tag '{tag}' is niet toegestaan", plek)
                stapel.append([True, {}, plek, {}, None] if is_map else [False, [], plek, None, None])
                continue
            elif soort is _MapEind or soort is _LijstEind:
                klaar = stapel.pop()
                knoop = Knoop("map", klaar[1], klaar[2], klaar[3]) if klaar[0] else Knoop("lijst", klaar[1], klaar[2])
            elif soort is _Alias:
                raise YamlFout("ankers en verwijzingen (& en *) worden niet ondersteund; schrijf de waarde uit",
                               self.plek(event))
            else:  # pragma: no cover - the parser sends nothing else inside a document
                raise YamlFout("onbekend soort YAML-gebeurtenis", self.plek(event))
            if not stapel:
                self._einde()
                return knoop
            top = stapel[-1]
            if top[0]:
                top[1][top[4]] = knoop
                top[4] = None
            else:
                top[1].append(knoop)

    @staticmethod
    def _foute_sleutel(top: list, tag: str, sleutel: str, plek: Locatie) -> None:
        if tag == _T + "merge":
            raise YamlFout("samenvoegen met '<<' wordt niet ondersteund; schrijf de waarden uit", plek)
        if tag not in _SLEUTEL_TAGS:
            raise YamlFout("een sleutel moet een naam zijn (tekst)", plek)
        raise YamlFout(f"sleutel '{fragment(sleutel)}' komt twee keer voor (eerder op regel {top[3][sleutel].regel})", plek)

    def _einde(self) -> None:
        """After the one document only the end of the stream may follow."""
        get = self.loader.get_event
        get()  # document end
        event = get()
        if type(event) is not yaml.StreamEndEvent:
            raise YamlFout("het bestand mag maar één YAML-document bevatten", self.plek(event))


def _scalar(tag: str, waarde: str) -> object:
    if tag == NULL:
        return None
    if tag == BOOL:
        return waarde.lower() in ("yes", "true", "on", "y")
    if tag == INT:
        try:
            return int(waarde.replace("_", ""), 0)
        except ValueError:
            return waarde
    if tag == FLOAT:
        try:
            return float(waarde.replace("_", ""))
        except ValueError:
            return waarde
    return waarde


_JSON_REDENEN = (
    ("Expecting property name", "hier hoort een sleutel tussen dubbele aanhalingstekens (\"sleutel\"); staat er "
                                "een komma te veel voor '}'?"),
    ("Illegal trailing comma", "een komma te veel voor het einde van een lijst of object"),
    ("Expecting value", "hier hoort een waarde (tekst tussen dubbele aanhalingstekens, een getal, true, false, "
                        "null, een lijst of een object)"),
    ("Expecting ',' delimiter", "hier hoort een komma tussen twee waarden"),
    ("Expecting ':' delimiter", "hier hoort een dubbele punt na de sleutel"),
    ("Unterminated string", "een tekst zonder afsluitend dubbel aanhalingsteken"),
    ("Invalid control character", "een stuurteken (zoals een regeleinde) midden in een tekst; schrijf \\n"),
    ("Invalid \\uXXXX escape", "een ongeldige \\uXXXX-code"),
    ("Invalid \\escape", "een ongeldige \\-code in een tekst"),
    ("Extra data", "na het einde van de JSON staat nog iets"),
)
"""Python's English reasons for invalid JSON (json.JSONDecodeError.msg), in Dutch. The first that
matches the start of the reason wins; an unknown reason gets no wording of its own."""


def _json_reden(reden: str) -> str:
    return next((nl for en, nl in _JSON_REDENEN if reden.startswith(en)), "het bestand is geen geldige JSON")


def parse_json(tekst: str, naam: str) -> Knoop | None:
    """Parse JSON into the same located nodes (line and column of each value are approximated
    by the position of the value's first character)."""
    try:
        # Only checked here, not kept: numbers stay text (no conversion limit on long ones; the
        # YAML reader makes them numbers as it does for a YAML file), and JavaScript's
        # Infinity and NaN, which Python's json accepts, are refused.
        json.loads(tekst, parse_int=str, parse_float=str, parse_constant=_geen_json)
    except json.JSONDecodeError as e:
        raise YamlFout(f"ongeldige JSON: {_json_reden(e.msg)}", Locatie(naam, e.lineno, e.colno)) from None
    except _GeenJson as e:
        raise YamlFout(f"ongeldige JSON: '{e.args[0]}' is geen JSON-waarde; schrijf een getal of null",
                       _json_plek(tekst, _JSON_CONSTANTE, naam)) from None
    except RecursionError:
        raise YamlFout("het bestand is te diep genest", Locatie(naam)) from None
    # Valid JSON is valid YAML 1.2 flow; let the YAML composer supply the locations. Three things
    # valid in JSON are not in YAML flow, so they are rewritten first: tabs (legal whitespace in
    # JSON, not in YAML flow indentation) become spaces, an escaped surrogate pair (what json.dumps
    # writes for an emoji) becomes one \U escape, and a raw character YAML refuses or reads as a
    # line break (U+007F-U+009F, U+2028, U+2029, U+FFFE, U+FFFF) becomes an escape. Columns after
    # a rewrite on its line are put back. Most files need none of it: two quick searches say so.
    verschuivingen: dict[int, list[tuple[int, int]]] = {}
    if _SURROGAAT.search(tekst) or ("\x7f" in tekst if tekst.isascii() else _YAML_WEIGERT.search(tekst)):
        tekst = _herschrijf(tekst, naam, verschuivingen)
    tekst = tekst.replace("\t", " ")
    if not verschuivingen:
        return parse_yaml(tekst, naam)
    try:
        knoop = parse_yaml(tekst, naam)
    except YamlFout as e:
        raise YamlFout(problemen=[Probleem(p.bericht, _terug(p.locatie, verschuivingen), p.ernst)
                                  for p in e.problemen]) from None
    if knoop is not None:
        _zet_terug(knoop, verschuivingen)
    return knoop


class _GeenJson(ValueError):
    pass


def _geen_json(naam: str) -> object:
    raise _GeenJson(naam)


_JSON_TEKST = r'"(?:[^"\\]|\\.)*"'
_JSON_CONSTANTE = re.compile(_JSON_TEKST + r"|(-?Infinity|NaN)")
_SURROGAAT = re.compile(r"\\u[dD][89a-fA-F]")
_YAML_WEIGERT = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")  # in ASCII text only \x7f
_HERSCHRIJF = re.compile(r"(\\\\)|\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
                         r"|(\\u[dD][89a-fA-F][0-9a-fA-F]{2})|" + _YAML_WEIGERT.pattern)


def _json_plek(tekst: str, patroon: re.Pattern[str], naam: str) -> Locatie:
    """Where the first match of `patroon`'s group 1 stands outside JSON strings (which `patroon`
    skips by matching them first)."""
    m = next((m for m in patroon.finditer(tekst) if m.group(1)), None)
    return _plek_van_index(tekst, m.start(1), naam) if m else Locatie(naam)


def _plek_van_index(tekst: str, index: int, naam: str) -> Locatie:
    regel = tekst.count("\n", 0, index) + 1
    return Locatie(naam, regel, index - (tekst.rfind("\n", 0, index) + 1) + 1)


def _herschrijf(tekst: str, naam: str, verschuivingen: dict[int, list[tuple[int, int]]]) -> str:
    """`tekst` (valid JSON) as YAML reads it; `verschuivingen` gets, per line, where a rewrite
    ends in the new text (0-based column) and how much longer it made the line."""
    delen: list[str] = []
    vorige = 0
    regel = 1  # the line of `vorige`
    for m in _HERSCHRIJF.finditer(tekst):
        if m.group(1):  # an escaped backslash: the next '\u' is text, not an escape
            continue
        if m.group(4):
            raise YamlFout(f"ongeldige JSON: '{m.group(4)}' is een losse helft van een teken (UTF-16-surrogaat); "
                           "het teken is onvolledig", _plek_van_index(tekst, m.start(), naam))
        if m.group(2):
            teken = chr(0x10000 + ((int(m.group(2), 16) - 0xD800) << 10) + int(m.group(3), 16) - 0xDC00)
        else:
            teken = m.group()
        nieuw = f"\\U{ord(teken):08x}" if ord(teken) > 0xFFFF else f"\\u{ord(teken):04x}"
        regel += tekst.count("\n", vorige, m.start())
        regelbegin = tekst.rfind("\n", 0, m.start()) + 1
        delen += (tekst[vorige:m.start()], nieuw)
        extra_hier = len(nieuw) - len(m.group())
        eerder = sum(d for _, d in verschuivingen.get(regel, ()))
        verschuivingen.setdefault(regel, []).append((m.end() - regelbegin + eerder + extra_hier, extra_hier))
        vorige = m.end()
    delen.append(tekst[vorige:])
    return "".join(delen)


def _terug(plek: Locatie | None, verschuivingen: dict[int, list[tuple[int, int]]]) -> Locatie | None:
    """A place in the rewritten text, as a place in the file."""
    if plek is None or plek.regel not in verschuivingen or plek.kolom is None:
        return plek
    kolom = plek.kolom - sum(d for eind, d in verschuivingen[plek.regel] if eind < plek.kolom)
    return plek._replace(kolom=kolom)


def _zet_terug(knoop: Knoop, verschuivingen: dict[int, list[tuple[int, int]]]) -> None:
    stapel = [knoop]
    while stapel:
        k = stapel.pop()
        k.locatie = _terug(k.locatie, verschuivingen)  # type: ignore[assignment]
        if k.is_map:
            k.sleutel_locaties = {s: _terug(p, verschuivingen) for s, p in k.sleutel_locaties.items()}  # type: ignore[misc]
            stapel.extend(k.waarde.values())  # type: ignore[union-attr]
        elif k.is_lijst:
            stapel.extend(k.waarde)  # type: ignore[arg-type]


def lees_inhoud(pad: Path, nodig: str, data: bytes | None = None) -> Knoop:
    """Like `lees_bestand`, for files that must hold something: an empty one is an error that says
    what belongs in it (`nodig`)."""
    knoop = lees_bestand(pad, data)
    if knoop is None:
        raise YamlFout(f"het bestand is leeg; {nodig}", Locatie(str(pad), 1, 1))
    return knoop


def lees_bestand(pad: Path, data: bytes | None = None) -> Knoop | None:
    """Parse a YAML or JSON file (by extension); `data`: its bytes, when they were read already."""
    tekst = decodeer(lees_bytes(pad) if data is None else data, str(pad))
    if pad.suffix.lower() == ".json":
        return parse_json(tekst, str(pad))
    return parse_yaml(tekst, str(pad))


def als_yaml(data: dict[str, str]) -> str:
    """A flat mapping of texts as YAML that `parse_yaml` reads back to the same texts: quoted
    where YAML would read something else (`no`, `1_000`, a trailing newline)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def leest_als(waarde: str) -> str | None:
    """What YAML reads `waarde`, written plainly, as when that is not text ('ja/nee' for `no`,
    'getal' for `1_000`, 'leeg' for `null`); None when it stays this same text."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, waarde, (True, False))
    return None if tag == STR else _SOORT.get(tag, "iets anders dan tekst")


_RESOLVER = yaml.resolver.Resolver()
