"""The shape of every YAML file `bb` reads, declared once.

The loaders (`boom.py`, `catalogus.py`, `scenarios.py`) read fields through these
declarations, and `json_schema.py` turns the same declarations into JSON Schema for editors.
One source of truth: a key added here is accepted by the loader and completed by the editor.

Semantic checks that need the whole file (references, cycles, catalogue values) live in
the loaders; the shape only says which keys exist, which are required and what type they hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Union

ID_PATROON = r"^[a-z0-9][a-z0-9_]*$"


# --- leaf types ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tekst:
    """A non-empty text (YAML string)."""


@dataclass(frozen=True)
class Id:
    """An id: lower-case letters, digits and '_'."""


@dataclass(frozen=True)
class Ids:
    """One id, or a non-empty list of ids."""


@dataclass(frozen=True)
class Teksten:
    """One text, or a list of texts."""


@dataclass(frozen=True)
class TekstenOf:
    """One text, or a list whose items are texts or mappings of the shape `object`
    (a `wanneer_niet` that is only text, or text with a condition the engine checks)."""

    object: "Object"


@dataclass(frozen=True)
class GeheelGetal:
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class JaNee:
    """true or false."""


@dataclass(frozen=True)
class Keuze:
    """One of a fixed set of words."""

    waarden: tuple[str, ...]


# --- composite types -----------------------------------------------------------------------


@dataclass(frozen=True)
class Veld:
    naam: str
    vorm: Vorm
    beschrijving: str
    verplicht: bool = False
    noem: str | None = None  # how messages name the field ("de tekst"); default "'naam'"
    standaard: object = None  # value when absent

    @property
    def genoemd(self) -> str:
        return self.noem or f"'{self.naam}'"


@dataclass(frozen=True)
class Object:
    """A mapping with known keys. `overige`: the shape of further keys whose names the
    loader decides (question ids in a condition, kenmerk ids in an instrument)."""

    velden: tuple[Veld, ...]
    beschrijving: str = ""
    overige: Vorm | None = None
    overige_beschrijving: str = ""
    overige_soort: str = ""  # what the further keys are, for messages: "vraag", "kenmerk"

    def veld(self, naam: str) -> Veld | None:
        return self._index.get(naam)

    @cached_property
    def _index(self) -> dict[str, Veld]:
        return {v.naam: v for v in self.velden}

    @cached_property
    def verplicht(self) -> tuple[str, ...]:
        return tuple(v.naam for v in self.velden if v.verplicht)

    @cached_property
    def namen(self) -> tuple[str, ...]:
        return tuple(v.naam for v in self.velden)


@dataclass(frozen=True)
class Map:
    """A mapping from ids the author chooses to values of one shape."""

    waarde: Vorm
    beschrijving: str = ""
    minimaal: int = 0
    te_weinig: str = "{wat} moet minstens {minimaal} elementen hebben"


@dataclass(frozen=True)
class Lijst:
    item: Vorm
    beschrijving: str = ""


@dataclass(frozen=True)
class Ref:
    """A named shape defined in `DEFINITIES` (used for the recursive condition)."""

    naam: str


Vorm = Union[Tekst, Id, Ids, Teksten, TekstenOf, GeheelGetal, JaNee, Keuze, Object, Map, Lijst, Ref]
SAMENGESTELD = (Object, Map, Lijst, Ref)


# --- conditions (recursive) -----------------------------------------------------------------

def _conditievorm(naam: str, beschrijving: str, overige_beschrijving: str, soort: str) -> Object:
    """A condition: `niveau`, `niet` and `een_van` of the same kind, and further keys of `soort`."""
    return Object(
        velden=(
            Veld("niveau", Ids(), "De trede waarop het advies uitkomt (id of lijst van id's uit de ladder)."),
            Veld("niet", Ref(naam), "Deze voorwaarde mag níet gelden."),
            Veld("een_van", Lijst(Ref(naam)), "Minstens één van deze voorwaarden moet gelden."),
        ),
        beschrijving=beschrijving,
        overige=Ids(),
        overige_beschrijving=overige_beschrijving,
        overige_soort=soort,
    )


CONDITIE = _conditievorm(
    "conditie",
    "Wanneer iets geldt: elke genoemde vraag-id moet een van de genoemde opties als "
    "antwoord hebben (alle sleutels moeten kloppen).",
    "Een vraag-id met de optie-id('s) die het antwoord moet zijn.",
    "vraag")

KENMERKCONDITIE = _conditievorm(
    "kenmerkconditie",
    "Wanneer een instrument niet past: elk genoemd kenmerk moet een van de genoemde waarden "
    "hebben in wat de beslisboom zoekt (bijvoorbeeld doelgroepen: breed).",
    "Een kenmerk-id met de waarde(n) waarop de situatie het instrument uitsluit.",
    "kenmerk")

DEFINITIES: dict[str, Vorm] = {"conditie": CONDITIE, "kenmerkconditie": KENMERKCONDITIE}


# --- the beslisboom ---------------------------------------------------------------------------

OPTIE = Object((
    Veld("label", Tekst(), "Wat de gebruiker als antwoord ziet.", verplicht=True, noem="het label"),
    Veld("toelichting", Tekst(), "Uitleg bij deze optie.", noem="de toelichting"),
    Veld("volgende", Id(), "De vraag-id die na deze optie komt, of 'advies' om het advies te tonen.",
         noem="'volgende'"),
), beschrijving="Een antwoordmogelijkheid.")

VRAAG = Object((
    Veld("tekst", Tekst(), "De vraag zoals de gebruiker haar ziet.", verplicht=True, noem="de tekst"),
    Veld("toelichting", Tekst(), "Uitleg die boven de vraag staat.", noem="de toelichting"),
    Veld("volgende", Id(), "De vraag-id die na deze vraag komt (als de optie geen eigen 'volgende' "
         "heeft), of 'advies'.", noem="'volgende'"),
    Veld("weet_niet", Object((
        Veld("optie", Id(), "De optie waar het advies dan van uitgaat.", verplicht=True, noem="de optie"),
        Veld("aanname", Tekst(), "De aanname in woorden; die staat bij het advies.", verplicht=True,
             noem="de aanname"),
    ), "Sta 'Weet ik niet' toe: welke optie dan wordt aangenomen, en waarom."),
         "Sta 'Weet ik niet' toe: welke optie dan wordt aangenomen, en waarom."),
    Veld("opties", Map(OPTIE, "De antwoordmogelijkheden: optie-id met label.", minimaal=2,
                       te_weinig="{wat}: een vraag heeft minstens twee opties nodig"),
         "De antwoordmogelijkheden: optie-id met label.", verplicht=True, noem="de opties"),
), beschrijving="Een vraag in de beslisboom.")

NIVEAUREGEL = Object((
    Veld("wanneer", Ref("conditie"), "Wanneer deze regel geldt.", verplicht=True),
    Veld("niveau", Id(), "De trede (id uit de ladder van de catalogus).", verplicht=True, noem="het niveau"),
    Veld("uitleg", Tekst(), "Waarom deze trede; de gebruiker ziet deze uitleg bij het advies.",
         noem="de uitleg"),
), beschrijving="Een regel die een trede van de participatieladder kiest.")

INSTRUMENTREGEL = Object((
    Veld("wanneer", Ref("conditie"), "Wanneer deze regel geldt.", verplicht=True),
    Veld("kenmerk", Id(), "Het kenmerk van de instrumenten waar de regel naar kijkt (uit de "
         "catalogus), of 'niveaus' (de treden van een instrument) of 'instrument' (de id van het "
         "instrument zelf).", verplicht=True, noem="het kenmerk"),
    Veld("soort", Keuze(("eis", "voorkeur")), "'eis': een instrument zonder deze waarde valt af. "
         "'voorkeur': een instrument met deze waarde krijgt punten.", verplicht=True, noem="de soort"),
    Veld("waarden", Ids(), "De waarde(n) van het kenmerk die de regel zoekt.", noem="de waarden"),
    Veld("waarde_van", Id(), "Zoek de waarde die het antwoord op deze vraag heeft (of 'niveau': de "
         "trede van het advies), in plaats van vaste 'waarden'."),
    Veld("punten", GeheelGetal(minimum=-1000, maximum=1000), "Punten voor een instrument dat past (standaard 1).",
         noem="de punten", standaard=1),
    Veld("reden", Tekst(), "Waarom een passend instrument past. '{vraag-id}' en '{niveau}' worden "
         "ingevuld met het antwoord en de trede.", noem="de reden"),
    Veld("reden_afgevallen", Tekst(), "Waarom een instrument afvalt (nodig bij een eis)."),
), beschrijving="Een regel die instrumenten laat stijgen (voorkeur) of afvallen (eis).")

VOORRANGSREGEL = Object((
    Veld("wanneer", Ref("conditie"), "Wanneer deze regel geldt (weglaten: altijd)."),
    Veld("kenmerk", Id(), "Het kenmerk van de instrumenten (uit de catalogus) dat gelijke instrumenten "
         "onderscheidt.", verplicht=True, noem="het kenmerk"),
    Veld("volgorde", Ids(), "De waarden van het kenmerk, de beste eerst. Een instrument zonder een van "
         "deze waarden komt achteraan.", verplicht=True, noem="de volgorde"),
    Veld("reden", Tekst(), "Waarom het instrument voorgaat, zoals de gebruiker het leest "
         "('minder kosten').", verplicht=True, noem="de reden"),
), beschrijving="Bij gelijke punten: welk kenmerk bepaalt wie voorgaat.")

LET_OP = Object((
    Veld("titel", Tekst(), "Korte titel van het aandachtspunt.", verplicht=True, noem="de titel"),
    Veld("tekst", Tekst(), "Het aandachtspunt zelf.", verplicht=True, noem="de tekst"),
    Veld("bron", Tekst(), "Waar dit aandachtspunt vandaan komt.", verplicht=True, noem="de bron"),
    Veld("wanneer", Ref("conditie"), "Wanneer het aandachtspunt getoond wordt ({} = altijd).",
         verplicht=True),
), beschrijving="Een aandachtspunt bij het advies.")

BOOM = Object((
    Veld("boom", Object((
        Veld("id", Id(), "Korte id van de boom.", verplicht=True),
        Veld("versie", Tekst(), "Versie van de boom, tussen aanhalingstekens: \"1.0.0\".", verplicht=True),
        Veld("titel", Tekst(), "Titel die de gebruiker ziet.", verplicht=True),
        Veld("beschrijving", Tekst(), "Waar de boom voor is."),
        Veld("catalogus", Tekst(), "Het bestand van de instrumentencatalogus bij deze boom, ten opzichte "
             "van dit bestand (standaard: de meegeleverde catalogus)."),
    ), "Gegevens over de boom."), "Gegevens over de boom.", verplicht=True),
    Veld("start", Id(), "De id van de eerste vraag.", verplicht=True),
    Veld("vragen", Map(VRAAG, "De vragen: vraag-id met tekst en opties.", minimaal=1,
                       te_weinig="'vragen' is leeg; een beslisboom heeft minstens één vraag nodig"),
         "De vragen: vraag-id met tekst en opties.", verplicht=True),
    Veld("niveau", Object((
        Veld("gewenst", Lijst(NIVEAUREGEL), "Welke trede het doel vraagt; de eerste regel die past geldt.",
             verplicht=True),
        Veld("standaard", Id(), "De trede als geen regel van 'gewenst' past.", verplicht=True),
        Veld("plafond", Lijst(NIVEAUREGEL), "Welke trede de ruimte hoogstens toestaat; de eerste "
             "regel die past geldt."),
    ), "Hoe de trede op de participatieladder wordt bepaald."),
        "Hoe de trede op de participatieladder wordt bepaald.", verplicht=True),
    Veld("instrumentregels", Map(INSTRUMENTREGEL, "Regels die instrumenten kiezen: regel-id met regel."),
         "Regels die instrumenten kiezen: regel-id met regel."),
    Veld("gelijke_punten", Map(VOORRANGSREGEL, "Hoe instrumenten met gelijke punten worden "
                               "onderscheiden, in volgorde: regel-id met regel."),
         "Hoe instrumenten met gelijke punten worden onderscheiden, in volgorde. Blijven ze gelijk, "
         "dan zegt het advies dat ze even passend zijn."),
    Veld("wat_als", Ids(), "De vragen waarvan het antwoord te veranderen is (ruimte, budget, tijd): "
         "het advies noemt welke andere antwoorden het advies veranderen. Weglaten: alle vragen."),
    Veld("let_op", Map(LET_OP, "Aandachtspunten: id met titel, tekst, bron en wanneer."),
         "Aandachtspunten: id met titel, tekst, bron en wanneer."),
), beschrijving="Een beslisboom voor bb (burgers betrekken).")


# --- the instrument catalogue ------------------------------------------------------------------

TREDE = Object((
    Veld("naam", Tekst(), "Naam van de trede.", verplicht=True, noem="de naam"),
    Veld("omschrijving", Tekst(), "Wat deze trede inhoudt.", verplicht=True, noem="de omschrijving"),
    Veld("belofte", Tekst(), "Wat de overheid deelnemers op deze trede belooft.", verplicht=True,
         noem="de belofte"),
    Veld("participatie", JaNee(), "Telt deze trede als participatie? (informeren niet)", verplicht=True),
), beschrijving="Een trede van de participatieladder.")

KENMERK = Object((
    Veld("naam", Tekst(), "Naam van het kenmerk in tabellen.", verplicht=True, noem="de naam"),
    Veld("waarden", Map(Tekst(), "De toegestane waarden: waarde-id met label."),
         "De toegestane waarden: waarde-id met label.", verplicht=True, noem="de waarden"),
), beschrijving="Een kenmerk waarmee instrumenten worden beschreven.")

UITSLUITING = Object((
    Veld("tekst", Tekst(), "Wanneer het instrument niet past, in woorden; ook de reden waarom het afvalt.",
         verplicht=True, noem="de tekst"),
    Veld("wanneer", Ref("kenmerkconditie"), "De situatie waarin het instrument afvalt: kenmerken met de "
         "waarden die de beslisboom zoekt, en eventueel 'niveau'.", verplicht=True),
), beschrijving="Een 'wanneer niet' die bb controleert.")

INSTRUMENT = Object((
    Veld("naam", Tekst(), "Naam van het instrument.", verplicht=True, noem="de naam"),
    Veld("samenvatting", Tekst(), "Eén of twee zinnen over het instrument.", verplicht=True,
         noem="de samenvatting"),
    Veld("niveaus", Ids(), "De treden van de ladder waarvoor het instrument geschikt is.",
         verplicht=True, noem="de niveaus"),
    Veld("kenmerken", Object((), "De waarden van dit instrument per kenmerk.", overige=Ids(),
                             overige_beschrijving="Een kenmerk-id met de waarde(n) van dit instrument.",
                             overige_soort="kenmerk"),
         "De waarden van dit instrument per kenmerk.", verplicht=True, noem="de kenmerken"),
    Veld("wanneer_wel", Teksten(), "Wanneer het instrument past."),
    Veld("wanneer_niet", TekstenOf(UITSLUITING), "Wanneer het instrument niet past: tekst, of tekst "
         "met 'wanneer' (dan valt het instrument in die situatie af, met deze tekst als reden)."),
    Veld("sterke_punten", Teksten(), "Sterke punten.", noem="de sterke punten"),
    Veld("beperkingen", Teksten(), "Beperkingen.", noem="de beperkingen"),
    Veld("kosten", Tekst(), "Indicatie van de kosten.", noem="de kosten"),
    Veld("doorlooptijd", Tekst(), "Indicatie van de doorlooptijd.", noem="de doorlooptijd"),
    Veld("deelnemers", Tekst(), "Hoeveel en welke deelnemers."),
    Veld("voorbeeld", Tekst(), "Een voorbeeld uit de praktijk.", noem="het voorbeeld"),
    Veld("bron", Tekst(), "Waar de informatie vandaan komt.", noem="de bron"),
), beschrijving="Een instrument om burgers te betrekken.")

CATALOGUS = Object((
    Veld("catalogus", Object((
        Veld("titel", Tekst(), "Titel van de catalogus."),
        Veld("beschrijving", Tekst(), "Waar de catalogus voor is."),
        Veld("versie", Tekst(), "Versie, tussen aanhalingstekens."),
    ), "Gegevens over de catalogus."), "Gegevens over de catalogus."),
    Veld("ladder", Map(TREDE, "De participatieladder, van laag naar hoog.", minimaal=2,
                       te_weinig="de ladder heeft minstens twee treden nodig"),
         "De participatieladder, van laag naar hoog.", verplicht=True),
    Veld("kenmerken", Map(KENMERK, "Kenmerken van instrumenten met hun toegestane waarden."),
         "Kenmerken van instrumenten met hun toegestane waarden.", verplicht=True),
    Veld("tabel", Ids(), "Welke kenmerken 'bb instrumenten' als kolom toont."),
    Veld("checklist", Object((
        Veld("punten", Teksten(), "Elk punt wordt een open vakje in het verslag.", verplicht=True,
             noem="de punten"),
        Veld("bron", Tekst(), "Waar de punten vandaan komen.", noem="de bron"),
    ), "De checklist voor het dossier bij elk advies."), "De checklist voor het dossier bij elk advies."),
    Veld("instrumenten", Map(INSTRUMENT, "De instrumenten: id met beschrijving."),
         "De instrumenten: id met beschrijving.", verplicht=True),
), beschrijving="Een instrumentencatalogus voor bb (burgers betrekken).")


# --- scenario tests ------------------------------------------------------------------------------

VERWACHT = Object((
    Veld("niveau", Id(), "De trede waarop het advies moet uitkomen."),
    Veld("participatie", JaNee(), "Of die trede als participatie telt."),
    Veld("eerste", Id(), "Het instrument dat bovenaan moet staan."),
    Veld("beste", Ids(), "De instrumenten die het advies als beste noemt: één, of meer die even passend "
         "zijn (de volgorde telt niet)."),
    Veld("top", GeheelGetal(minimum=1, maximum=1000), "Hoeveel instrumenten 'in_top' en 'niet_in_top' bekijken "
         "(standaard 3).", standaard=3),
    Veld("in_top", Ids(), "Instrumenten die bij de eerste 'top' aanbevolen moeten staan."),
    Veld("niet_in_top", Ids(), "Instrumenten die níet bij de eerste 'top' mogen staan."),
    Veld("aanbevolen", Ids(), "Instrumenten die aanbevolen moeten worden."),
    Veld("niet_aanbevolen", Ids(), "Instrumenten die níet aanbevolen mogen worden."),
    Veld("let_op", Ids(), "Aandachtspunten die getoond moeten worden."),
    Veld("geen_let_op", Ids(), "Aandachtspunten die níet getoond mogen worden."),
    Veld("aannames", Ids(), "Vragen waarop 'weet ik niet' is geantwoord en waarvoor het advies een aanname noemt."),
), beschrijving="Wat het advies moet zijn.")

SCENARIO = Object((
    Veld("omschrijving", Tekst(), "Wat dit scenario is.", verplicht=True, noem="de omschrijving"),
    Veld("antwoorden", Map(Id(), "Vraag-id met de gekozen optie-id."),
         "Vraag-id met de gekozen optie-id.", verplicht=True, noem="de antwoorden"),
    Veld("verwacht", VERWACHT, "Wat het advies moet zijn.", verplicht=True),
), beschrijving="Een scenario: antwoorden en het advies dat daarbij hoort.")

SCENARIOS = Object((
    Veld("boom", Tekst(), "Het bestand van de beslisboom, ten opzichte van dit bestand "
         "(standaard: dezelfde naam zonder '.tests')."),
    Veld("catalogus", Tekst(), "Het bestand van de catalogus, ten opzichte van dit bestand "
         "(standaard: de meegeleverde catalogus)."),
    Veld("scenarios", Map(SCENARIO, "Scenario-id met antwoorden en verwacht advies.", minimaal=1,
                          te_weinig="'scenarios' is leeg; schrijf minstens één scenario"),
         "Scenario-id met antwoorden en verwacht advies.", verplicht=True),
), beschrijving="Scenariotests voor een beslisboom van bb (burgers betrekken).")


# --- the glossary ------------------------------------------------------------------------------

BEGRIP = Object((
    Veld("term", Tekst(), "Het begrip zoals het geschreven wordt.", verplicht=True, noem="de term"),
    Veld("uitleg", Tekst(), "Wat het begrip betekent, in één tot vier zinnen.", verplicht=True, noem="de uitleg"),
    Veld("ook", Teksten(), "Andere schrijfwijzen en synoniemen waarop het begrip ook gevonden wordt."),
    Veld("zie_ook", Ids(), "Id's van verwante begrippen in dit bestand."),
    Veld("bron", Tekst(), "Waar de uitleg op steunt.", noem="de bron"),
), beschrijving="Een begrip met zijn uitleg.")

BEGRIPPEN = Object((
    Veld("begrippen", Map(BEGRIP, "Begrip-id met term en uitleg.", minimaal=1,
                          te_weinig="'begrippen' is leeg; noem minstens één begrip"),
         "Begrip-id met term en uitleg.", verplicht=True),
), beschrijving="De begrippenlijst van bb (burgers betrekken).")


SOORTEN: dict[str, Object] = {"boom": BOOM, "catalogus": CATALOGUS, "scenarios": SCENARIOS,
                              "begrippen": BEGRIPPEN}
"""The file kinds `bb schema` knows, by name."""
