"""click's command-line errors in Dutch. Each click exception type gets a Dutch template built
from what the exception carries (the option, the parameter and its type, the suggestions); the
few values click only gives inside its English sentence are taken out of that sentence by the
exact template it uses (click/types.py, parser.py, core.py). Whatever is not recognised gets a
general Dutch line: click's English never reaches the user."""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

import click

_ALGEMEEN = "ongeldige invoer op de opdrachtregel"


def _lijst(namen: Any) -> str:
    return ", ".join(f"'{n}'" for n in namen)


def _bedoelde_u(mogelijkheden: Optional[list[str]]) -> str:
    if not mogelijkheden:
        return ""
    return f". Bedoelde u {_lijst(sorted(mogelijkheden))}?" if len(mogelijkheden) == 1 else \
        f". Bedoelde u een van: {_lijst(sorted(mogelijkheden))}?"


def _param_naam(e: click.BadParameter) -> str:
    """The option ('--hoogstens') or argument ('BESTAND') as the user typed or saw it."""
    hint = e.param_hint
    if hint is None and e.param is not None:
        hint = e.param.get_error_hint(e.ctx)
    if hint is None:
        return ""
    if not isinstance(hint, str):
        return " / ".join(f"'{h}'" for h in hint)
    return hint if hint.startswith("'") else f"'{hint}'"


def _bereik(soort: Any) -> str:
    """IntRange/FloatRange limits in words: 'minstens 1', 'tussen 0 en 1', 'groter dan 0'."""
    delen = []
    if getattr(soort, "min", None) is not None:
        delen.append(f"{'groter dan' if soort.min_open else 'minstens'} {soort.min}")
    if getattr(soort, "max", None) is not None:
        delen.append(f"{'kleiner dan' if soort.max_open else 'hoogstens'} {soort.max}")
    return " en ".join(delen)


_PAD_SOORT = {"file": "bestand", "directory": "map", "path": "pad"}
_PAD_FOUT = {"does not exist": "bestaat niet", "is a file": "is een bestand", "is a directory": "is een map",
             "is not readable": "is niet leesbaar", "is not writable": "is niet schrijfbaar",
             "is not executable": "is niet uitvoerbaar"}


def _waarde_melding(e: click.BadParameter) -> str:
    """What is wrong with the value, from the parameter's type and click's own template."""
    soort = e.param.type if e.param is not None else None
    tekst = e.message
    if m := re.fullmatch(r"(.+) is not a valid (integer|float)( range)?\.", tekst, re.S):
        return f"{m[1]} is geen {'geheel getal' if m[2] == 'integer' else 'getal'}"
    if m := re.fullmatch(r"(.+) is not in the range .*\.", tekst, re.S):
        grens = _bereik(soort)
        return f"{m[1]} mag niet; de waarde moet {grens} zijn" if grens else f"{m[1]} valt buiten het bereik"
    if m := re.fullmatch(r"(.+) is not (?:one of )?.*\.", tekst, re.S) if isinstance(soort, click.Choice) else None:
        return f"{m[1]} is geen geldige keuze; kies uit {_lijst(soort.choices)}"
    if m := re.fullmatch(r"(.+) is not a valid boolean\..*", tekst, re.S):
        return f"{m[1]} is geen ja/nee-waarde; gebruik bijvoorbeeld ja of nee als optie zonder waarde"
    if m := re.fullmatch(r"(.+) is not a valid UUID\.", tekst, re.S):
        return f"{m[1]} is geen geldige UUID"
    if m := re.fullmatch(r"(.+) does not match the formats? .*\.", tekst, re.S):
        return f"{m[1]} past niet bij het verwachte formaat"
    if m := re.fullmatch(r"(file|directory|path) (.+) (" + "|".join(_PAD_FOUT) + r")\.", tekst, re.S | re.I):
        return f"{_PAD_SOORT[m[1].lower()]} {m[2]} {_PAD_FOUT[m[3]]}"
    if m := re.fullmatch(r"Takes (\d+) values but (\d+) (?:was|were) given\.", tekst):
        return f"verwacht {m[1]} waarden, maar kreeg er {m[2]}"
    if m := re.fullmatch(r"(\d+) values are required, but (\d+) (?:was|were) given\.", tekst):
        return f"verwacht {m[1]} waarden, maar kreeg er {m[2]}"
    if isinstance(soort, click.File) and (m := re.fullmatch(r"(.+?): .*", tekst, re.S)):
        return f"kan bestand {m[1]} niet openen"
    return "deze waarde is hier niet toegestaan"


def _ontbrekend(e: click.MissingParameter) -> str:
    soort = e.param_type or (e.param.param_type_name if e.param is not None else "parameter")
    naam = _param_naam(e)
    woord = {"argument": "ontbrekend argument", "option": "ontbrekende optie"}.get(soort, "ontbrekende waarde")
    return f"{woord} {naam}".rstrip()


def _optie_gebruik(e: click.BadOptionUsage) -> str:
    naam = f"'{e.option_name}'"
    if "does not take a value" in e.message:
        return f"optie {naam} neemt geen waarde; gebruik alleen {naam}"
    if m := re.search(r"requires (\d+) arguments", e.message):
        return f"optie {naam} verwacht {m[1]} waarden"
    if "requires an argument" in e.message:
        return f"optie {naam} verwacht een waarde"
    return f"optie {naam} is verkeerd gebruikt"


def _onbekende_opdracht(naam: str, ctx: Optional[click.Context]) -> str:
    """One suggestion list, made here: typer adds its own English 'Did you mean' to click's."""
    from difflib import get_close_matches

    opdrachten = getattr(ctx.command, "commands", {}) if ctx is not None else {}
    return f"onbekende opdracht '{naam}'{_bedoelde_u(get_close_matches(naam, list(opdrachten)))}"


def _gebruik(e: click.UsageError) -> str:
    if m := re.fullmatch(r"Got unexpected extra arguments? \((.*)\)", e.message, re.S):
        extra = m[1].split(" ")
        return (f"onverwacht extra argument: {m[1]}" if len(extra) == 1
                else f"onverwachte extra argumenten: {m[1]}")
    if m := re.fullmatch(r"No such command '(.*)'\.(?: .*)?", e.message, re.S):  # click < 8.4
        return _onbekende_opdracht(m[1], e.ctx)
    if e.message == "Missing command.":
        return "ontbrekende opdracht"
    if m := re.fullmatch(r"Argument (.+) takes (\d+) values\.", e.message):
        return f"argument {m[1]} verwacht {m[2]} waarden"
    return _ALGEMEEN


_VERTALERS: list[tuple[type, Callable[[Any], str]]] = [
    (click.NoSuchOption, lambda e: f"onbekende optie '{e.option_name}'{_bedoelde_u(e.possibilities)}"),
    (getattr(click.exceptions, "NoSuchCommand", ()), lambda e: _onbekende_opdracht(e.command_name, e.ctx)),
    (click.BadOptionUsage, _optie_gebruik),
    (click.MissingParameter, _ontbrekend),
    (click.BadParameter, lambda e: f"ongeldige waarde voor {_param_naam(e)}: {_waarde_melding(e)}"
     if _param_naam(e) else f"ongeldige waarde: {_waarde_melding(e)}"),
    (click.FileError, lambda e: f"kan bestand '{e.ui_filename}' niet openen"),
    (click.UsageError, _gebruik),
]


def melding(e: click.ClickException) -> str:
    """The Dutch message for a click error (without 'fout: ' and without the help hint)."""
    for soort, vertaal in _VERTALERS:
        if isinstance(e, soort):
            return vertaal(e)
    return _ALGEMEEN
