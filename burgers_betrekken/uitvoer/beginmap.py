"""`bb init MAP`: a starter folder for a ministry that adapts the tree — copies of a shipped tree,
its scenario tests and the catalogue, each pointing its editor at a JSON Schema written next to it."""

from __future__ import annotations

import re
from pathlib import Path

from burgers_betrekken.lezen import bronnen
from burgers_betrekken.lezen.bestanden import oorzaak, schrijf_tekst
from burgers_betrekken.kern.fouten import InvoerFout
from burgers_betrekken.uitvoer.gegevens import als_json
from burgers_betrekken.lezen.json_schema import bestandsnaam, schema
from burgers_betrekken.lezen.scenarios import tests_bij
from burgers_betrekken.kern.woorden import heel, onbekend
from burgers_betrekken.lezen.knopen import als_yaml, leest_als, lees_tekst

BOOM, TESTS, CATALOGUS, LEESMIJ = "boom.yaml", "boom.tests.yaml", "instruments.yaml", "LEESMIJ.md"
SCHEMAMAP = "schema"


def modelijn(soort: str) -> str:
    """The first line that tells the YAML language server (VS Code and others) which schema applies."""
    return f"# yaml-language-server: $schema=./{SCHEMAMAP}/{bestandsnaam(soort)}\n"


def maak_beginmap(map_: Path, boom_naam: str, op_basis: bool = False) -> list[Path]:
    """The starter folder: copies of a shipped tree, its scenarios and the catalogue, or with
    `op_basis` three small files that build on them (`basis:`) and hold only what differs."""
    _controleer_leeg(map_)
    naam = heel(map_.name)  # a folder name that is no UTF-8 still gives a text that can be written
    namen = bronnen.meegeleverde_bomen()
    if boom_naam not in namen:
        raise InvoerFout(onbekend("onbekende boom", boom_naam, namen, "meegeleverde bomen"))
    if op_basis:
        return _schrijf(map_, {
            BOOM: modelijn("boom") + aanpassing_boom(naam, boom_naam),
            TESTS: modelijn("scenarios") + aanpassing_tests(boom_naam),
            CATALOGUS: modelijn("catalogus") + AANPASSING_CATALOGUS,
            LEESMIJ: leesmij(naam, boom_naam),
        })
    boom_bron = bronnen.boom_pad(boom_naam)
    tests_bron = tests_bij(boom_bron)

    boom_tekst = lees_tekst(boom_bron)
    boom_tekst, n = re.subn(r"^boom:\n", f"boom:\n  catalogus: {CATALOGUS}\n", boom_tekst, count=1, flags=re.M)
    assert n == 1, "shipped trees start their metadata with 'boom:'"
    tests_tekst = lees_tekst(tests_bron)
    tests_tekst, n = re.subn(r"^boom: .*$", f"boom: {BOOM}", tests_tekst, count=1, flags=re.M)
    assert n == 1, "shipped scenario files name their tree with 'boom:'"

    return _schrijf(map_, {
        BOOM: modelijn("boom") + boom_tekst,
        TESTS: modelijn("scenarios") + tests_tekst,
        CATALOGUS: modelijn("catalogus") + lees_tekst(bronnen.standaard_catalogus()),
        LEESMIJ: leesmij(naam),
    })


def _schrijf(map_: Path, bestanden: dict[str, str]) -> list[Path]:
    for soort in ("boom", "catalogus", "scenarios"):
        bestanden[f"{SCHEMAMAP}/{bestandsnaam(soort)}"] = als_json(schema(soort)) + "\n"
    geschreven = []
    for naam, tekst in bestanden.items():
        schrijf_tekst(map_ / naam, tekst)
        geschreven.append(map_ / naam)
    return geschreven


def _controleer_leeg(map_: Path) -> None:
    if not map_.exists():
        return
    if not map_.is_dir():
        raise InvoerFout(f"'{map_}' bestaat al en is geen map; kies een nieuwe naam")
    try:
        leeg = not any(map_.iterdir())
    except OSError as e:
        raise InvoerFout(f"kan de map '{map_}' niet lezen: {oorzaak(e)}") from None
    if not leeg:
        raise InvoerFout(f"de map '{map_}' bestaat al en is niet leeg; kies een nieuwe map, "
                         f"dan wordt er niets overschreven")


def _id(naam: str) -> str:
    """A tree id from a folder name: lower case, '_' for anything else; 'boom_' before a word
    that YAML reads as something other than text (`2027`, `no`, `null`), which is no id."""
    kandidaat = re.sub(r"[^a-z0-9]+", "_", naam.lower()).strip("_") or "eigen_boom"
    return kandidaat if leest_als(kandidaat) is None else f"boom_{kandidaat}"


def _boomgegevens(map_naam: str) -> str:
    """The `boom:` block of a new tree, written by the YAML serializer: a folder named `2027`,
    `true`, `a: b` or `x #y` gives the id and title it says, not a number, a truth value, a
    mapping or a comment."""
    gegevens = {"id": _id(map_naam), "versie": "1.0.0", "titel": f"Burgers betrekken ({map_naam})",
                "catalogus": CATALOGUS}
    return "".join(f"  {regel}\n" for regel in als_yaml(gegevens).splitlines())


def aanpassing_boom(map_naam: str, basis: str) -> str:
    return f"""# Deze boom bouwt voort op de meegeleverde boom '{basis}' (basis). Hier staat alleen wat
# anders is; al het andere komt uit de basis, ook na een nieuwe versie van bb.
#
# Zo past u iets aan (haal het # voor de regels weg):
#   een vraag anders stellen:     vragen: {{doel: {{toelichting: Uw eigen uitleg.}}}}
#   een optie erbij:              vragen: {{doel: {{opties: {{nieuw: {{label: ..., volgende: ruimte}}}}}}}}
#   een aandachtspunt weghalen:   let_op: {{leg_uit: weg}}
#   een veld weghalen:            ~ (leeg) als waarde
# Een 'wanneer' of een lijst vervangt die van de basis helemaal. Zie wat waar staat met
#   bb boom toon boom.yaml --herkomst

basis: {basis}
boom:
{_boomgegevens(map_naam)}
# vragen:
#   doel:
#     toelichting: Uw eigen uitleg bij deze vraag.
# let_op:
#   eigen_punt:
#     titel: Korte titel
#     tekst: Wat de gebruiker moet weten.
#     bron: Waar dit vandaan komt
#     wanneer: {{}}
"""


def aanpassing_tests(basis: str) -> str:
    return f"""# De scenario's van de basis '{basis}' gelden ook voor deze boom. Noem hier nieuwe scenario's,
# en waar u bij deze boom een ander advies verwacht:
#   scenarios: {{boa_bestel: {{verwacht: {{niveau: raadplegen}}}}}}
# Een scenario dat niet meer past: <scenario-id>: weg

basis: {basis}
boom: {BOOM}

# scenarios:
#   eigen_scenario:
#     omschrijving: ...
#     antwoorden: {{fase: beleidsontwikkeling, doel: informeren}}
#     verwacht: {{participatie: false}}
"""


AANPASSING_CATALOGUS = """# Deze catalogus bouwt voort op de meegeleverde (basis: standaard). Hier staat alleen wat anders is.
#   een instrument anders beschrijven:  instrumenten: {burgerberaad: {kosten: ...}}
#   een instrument weghalen:            instrumenten: {enquete: weg}
#   een eigen instrument:               alle velden, zoals in de meegeleverde catalogus

basis: standaard
"""


def leesmij(naam: str, basis: str | None = None) -> str:
    if basis is not None:
        return f"""# Uw eigen beslisboom, op basis van '{basis}'

Deze map is gemaakt met `bb init --basis {basis}`. De drie YAML-bestanden bouwen voort op wat
met bb wordt meegeleverd (`basis:`) en bevatten alleen wat bij u anders is. Een verbetering van
de meegeleverde boom komt zo vanzelf bij u aan, zonder samenvoegen.

| Bestand | Wat erin staat |
|---|---|
| `{BOOM}` | wat uw beslisboom anders doet dan '{basis}' |
| `{TESTS}` | de scenario's van '{basis}', met uw eigen scenario's en verwachtingen |
| `{CATALOGUS}` | wat uw catalogus anders heeft dan de meegeleverde |
| `{SCHEMAMAP}/` | JSON Schema's voor uw editor |

Controleer, test en bekijk:

    bb boom valideer {naam}/{BOOM} {naam}/{CATALOGUS} {naam}/{TESTS}
    bb boom test {naam}/{TESTS}
    bb boom toon {naam}/{BOOM} --herkomst
    bb boom verschil {basis} {naam}/{BOOM}
    bb advies --boom {naam}/{BOOM}
"""
    return f"""# Uw eigen beslisboom

Deze map is gemaakt met `bb init`. U past hier de beslisboom aan zonder Python: alleen YAML.

| Bestand | Wat erin staat |
|---|---|
| `{BOOM}` | de beslisboom: vragen, opties, hoe de trede wordt gekozen, instrumentregels en aandachtspunten |
| `{TESTS}` | scenariotests: antwoorden en het advies dat daarbij hoort |
| `{CATALOGUS}` | de participatieladder en de instrumenten |
| `{SCHEMAMAP}/` | JSON Schema's; een editor met YAML-ondersteuning (zoals VS Code met de YAML-extensie) vult daarmee aan en controleert tijdens het typen |

## 1. Pas de boom aan

Open `{BOOM}`. Geef de boom eerst een eigen `id` en `titel` onder `boom:`. Verander daarna
vragen, opties en regels. Elke vraag heeft een `tekst` en minstens twee `opties`; na een optie
gaat het verder bij `volgende` (een vraag-id, of `advies` om het advies te tonen).

## 2. Controleer

    bb boom valideer {naam}/{BOOM} {naam}/{CATALOGUS} {naam}/{TESTS}

U ziet elke fout met bestand, regel en kolom, bijvoorbeeld:

    {naam}/{BOOM}:40:15: fout: 'volgende' van vraag 'doel' verwijst naar onbekende vraag 'ruimt'; bedoelde u 'ruimte'?

Exitcode 0 betekent: geen fouten. Waarschuwingen (zoals een vraag die nooit gesteld wordt) mogen
blijven staan, maar lees ze wel.

## 3. Test

    bb boom test {naam}/{TESTS}

Elk scenario in `{TESTS}` geeft antwoorden en zegt wat het advies moet zijn. U ziet per scenario
of het klopt, en welke opties en paden nog door geen enkel scenario getest worden. Schrijf een
scenario voor elke route die ertoe doet.

## 4. Probeer uit

    bb advies --boom {naam}/{BOOM}

De boom noemt zelf zijn catalogus (`catalogus: {CATALOGUS}` onder `boom:`).

## Meer

- `bb boom toon {naam}/{BOOM}`: de boom als boom in de terminal.
- `bb boom graaf {naam}/{BOOM}`: een Mermaid-tekening (GitHub en GitLab tonen die), of `--formaat dot`.
- `bb boom document {naam}/{BOOM}`: alle vragen en opties als Markdown, voor een reviewronde.
- `bb boom paden {naam}/{BOOM}`: elk pad door de boom met het advies.
"""
