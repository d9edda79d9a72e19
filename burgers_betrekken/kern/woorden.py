"""The wording of "unknown id" messages: the nearest suggestion and a short list of what exists.
Kept apart from the loaders so the engine and the commands can use it without loading PyYAML."""

from __future__ import annotations

import re
import unicodedata
from difflib import get_close_matches
from typing import TYPE_CHECKING, Iterable

from burgers_betrekken.kern.model import WEET_NIET

if TYPE_CHECKING:
    from burgers_betrekken.kern.model import Vraag


def suggestie(woord: str, mogelijk: Iterable[str]) -> str:
    """'; bedoelde u 'x'?' for the nearest candidate, or ''."""
    beste = get_close_matches(woord, list(mogelijk), n=1, cutoff=0.6)
    return f"; bedoelde u '{beste[0]}'?" if beste else ""


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 antwoord', '2 antwoorden'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def getal(n: int) -> str:
    """A number as Dutch writes it, with a dot between thousands: '99.990'."""
    return f"{n:,}".replace(",", ".")


def opsomming(waarden: Iterable[str], hoogstens: int = 15) -> str:
    """'a', 'b', 'c' — long lists are cut off so a message stays readable."""
    waarden = list(waarden)
    deel = ", ".join(f"'{w}'" for w in waarden[:hoogstens])
    return deel + (f" en {len(waarden) - hoogstens} meer" if len(waarden) > hoogstens else "")


def onbekend(wat: str, waarde: str, mogelijk: Iterable[str], lijstnaam: str) -> str:
    """"onbekende trede 'x'; bedoelde u 'y'? (treden: 'a', 'b')" — the shape of every unknown-id message."""
    mogelijk = list(mogelijk)
    return f"{wat} '{fragment(waarde)}'{suggestie(waarde, mogelijk)} ({lijstnaam}: {opsomming(mogelijk)})"


FRAGMENT = 40
"""The most characters of a file's own text (a key, a value) a message quotes: enough to find a
typo, too little to copy a file that is no tree (a password file named as a base) into a log."""


def fragment(tekst: object) -> str:
    """Text from a file as a message quotes it: on one line (a newline shows as \\n, a tab as
    \\t), control characters made visible as `veilig` does, cut to `FRAGMENT` characters."""
    tekst = _zichtbaar(str(tekst).replace("\n", "\\n").replace("\t", "\\t"))
    return tekst if len(tekst) <= FRAGMENT else tekst[:FRAGMENT - 1] + "…"

def antwoord_tekst(vraag: Vraag, antwoord: str) -> str:
    """The label of an answer; for "weet ik niet", also what was assumed."""
    optie = vraag.optie(antwoord)
    label = optie.label if optie else antwoord
    return f"Weet ik niet (aangenomen: {label})" if antwoord == WEET_NIET else label


STUURTEKEN_BEREIKEN: tuple[tuple[int, int], ...] = (
    (0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD),
    (0x70F, 0x70F), (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200B), (0x200E, 0x200F),
    (0x2028, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),
)
"""Characters that change how the text around them shows rather than being text: every character
of the Unicode categories Cc (control characters, ANSI escapes), Cf (format: bidi marks, overrides
and isolates, which can make a label read backwards; zero-width spaces, the BOM, the soft hyphen,
the invisible tag characters U+E0000-U+E007F) and Zl/Zp (line and paragraph separators). Kept as
text: tab and newline, and the zero-width (non-)joiners U+200C/U+200D, which Persian, the Indic
scripts and emoji sequences need. Variation selectors (Mn) are text too. Written out rather than
computed at start-up (walking all of Unicode costs 0.15 s); tests/hostile/test_tekst_en_tekens.py
checks it against `unicodedata`, so a Unicode update shows there."""

STUURTEKENS = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in STUURTEKEN_BEREIKEN) + "]")
"""`STUURTEKEN_BEREIKEN` as a character class. Tab and newline are text."""


def als_code(teken: str) -> str:
    """A character as the six visible characters \\uXXXX; one beyond U+FFFF (a tag character) as
    \\UXXXXXXXX, as Python writes it, so no digit after it reads as part of the code."""
    code = ord(teken)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _zichtbaar(tekst: str) -> str:
    """Every character of `STUURTEKENS` as its code (`als_code`): the one way a control character,
    an ANSI escape or a bidi override shows, on screen and in every record alike. Most text has
    none of them: every character of `STUURTEKENS` is one `str.isprintable` refuses (categories
    C and Z but the space), so printable text skips the pattern (a page of 12,308 records quotes
    texts over a million times)."""
    return tekst if tekst.isprintable() else STUURTEKENS.sub(lambda m: als_code(m.group(0)), tekst)


def veilig(tekst: str | None) -> str:
    """Text from a file, with control characters (ANSI escapes, bidi overrides) made visible:
    for every place where text from a tree, a catalogue, an answer file or an autosave reaches a
    terminal. Tab and newline stay."""
    return _zichtbaar(tekst) if tekst else ""


def op_een_regel(tekst: str | None) -> str:
    """Text from a file on one line, for a document (Markdown, HTML, a diagram): whitespace runs
    (newlines too) become one space, other control characters show as `veilig` shows them."""
    return _zichtbaar(" ".join((tekst or "").split()))


def heel(tekst: str) -> str:
    """Text as valid Unicode: bytes that were no UTF-8 (an argument or a typed line in another
    encoding arrives as lone surrogates) become U+FFFD, so the text can always be written."""
    try:
        data = tekst.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = tekst.encode("utf-8", "surrogatepass")
    return data.decode("utf-8", "replace")


def sleutel(tekst: str) -> str:
    """How a name or id someone types is compared: lower case, no accents, '_', '-' and spaces
    alike ('Enquête', 'enquete', 'co-creatiesessie', 'Co creatiesessie')."""
    zonder = "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))
    return " ".join(zonder.lower().replace("_", " ").replace("-", " ").split())
