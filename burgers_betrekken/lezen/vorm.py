"""The shape of every YAML file `bb` reads, declared once.

A mapping that becomes one model object (a question, an option, a rule, an instrument, ...) has
its shape on the model class itself: each field is declared once, in `kern/model.py`, with
`uit_yaml(...)`, and `vorm_van` collects them. This module composes those shapes into whole files
(a tree, a catalogue, a scenario file, the glossary) and declares the rest (conditions, the
scenario expectations). The readers (`boom.py`, `catalogus.py`, ...) read through these shapes
and build the model from them (`Gelezen.bouw`); `json_schema.py` turns the same shapes into JSON
Schema for editors. One source of truth: a key added once is accepted by the loader, carried into
the model and completed by the editor.

Semantic checks that need the whole file (references, cycles, catalogue values) live in
the loaders; the shape only says which keys exist, which are required and what type they hold.
"""

from __future__ import annotations

from burgers_betrekken.kern.model import (
    Begrip,
    Belofte,
    InstrumentRegel,
    Instrument,
    Kenmerk,
    LetOp,
    NiveauRegel,
    Optie,
    Route,
    Routestap,
    Trede,
    Uitsluiting,
    Voorrangsregel,
    Vraag,
)
from burgers_betrekken.kern.vormtaal import (
    GeheelGetal,
    Id,
    Ids,
    JaNee,
    Lijst,
    Map,
    Object,
    Ref,
    Tekst,
    Teksten,
    Veld,
    Vorm,
    vorm_van,
)

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

OPTIE = vorm_van(Optie)

VRAAG = vorm_van(Vraag)

NIVEAUREGEL = vorm_van(NiveauRegel)

INSTRUMENTREGEL = vorm_van(InstrumentRegel)

VOORRANGSREGEL = vorm_van(Voorrangsregel)

LET_OP = vorm_van(LetOp)

ROUTESTAP = vorm_van(Routestap)

ROUTE = vorm_van(Route)

BELOFTE = vorm_van(Belofte)

BOOM = Object((
    Veld("basis", Tekst(), "De boom waarop deze boom voortbouwt: de naam van een meegeleverde boom "
         "(rijksoverheid) of een pad ten opzichte van dit bestand. Dan staat hier alleen wat anders is; "
         "'weg' haalt een vraag, optie, regel of aandachtspunt van de basis weg."),
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
                               "onderscheiden, in volgorde: regel-id met regel.", geordend=True),
         "Hoe instrumenten met gelijke punten worden onderscheiden, in volgorde. Blijven ze gelijk, "
         "dan zegt het advies dat ze even passend zijn."),
    Veld("wat_als", Ids(), "De vragen waarvan het antwoord te veranderen is (ruimte, budget, tijd): "
         "het advies noemt welke andere antwoorden het advies veranderen. Weglaten: alle vragen."),
    Veld("let_op", Map(LET_OP, "Aandachtspunten: id met titel, tekst, bron en wanneer."),
         "Aandachtspunten: id met titel, tekst, bron en wanneer."),
    Veld("routes", Map(ROUTE, "Routes: id met wanneer, stappen, reden en bron; de eerste die past staat "
                       "boven de rangorde.", geordend=True),
         "Routes die de praktijk plant: id met wanneer, stappen, reden en bron. De eerste route die past en "
         "waarvan elke stap een instrument houdt, staat in het advies boven de rangorde."),
    Veld("beloftes", Map(BELOFTE, "Beloftes aan deelnemers: id met wanneer, tekst en bron; de eerste die past "
                         "vervangt de belofte van de trede.", geordend=True),
         "Beloftes aan deelnemers voor bepaalde situaties: id met wanneer, tekst en bron. De eerste die past "
         "vervangt in het advies de belofte van de trede (niet op een trede zonder participatie)."),
), beschrijving="Een beslisboom voor bb (burgers betrekken).")


# --- the instrument catalogue ------------------------------------------------------------------

TREDE = vorm_van(Trede)

KENMERK = vorm_van(Kenmerk)

UITSLUITING = vorm_van(Uitsluiting)

INSTRUMENT = vorm_van(Instrument)

CATALOGUS = Object((
    Veld("basis", Tekst(), "De catalogus waarop deze catalogus voortbouwt: 'standaard' (de meegeleverde) "
         "of een pad ten opzichte van dit bestand. Dan staat hier alleen wat anders is; 'weg' haalt een "
         "instrument, trede of kenmerk van de basis weg."),
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
    Veld("route", Id(), "De id van de route (uit 'routes' van de boom) die het advies boven de rangorde moet "
         "noemen, of 'geen' als er geen route bij hoort."),
), beschrijving="Wat het advies moet zijn.")

SCENARIO = Object((
    Veld("omschrijving", Tekst(), "Wat dit scenario is.", verplicht=True, noem="de omschrijving"),
    Veld("antwoorden", Map(Id(), "Vraag-id met de gekozen optie-id."),
         "Vraag-id met de gekozen optie-id.", verplicht=True, noem="de antwoorden"),
    Veld("verwacht", VERWACHT, "Wat het advies moet zijn.", verplicht=True),
), beschrijving="Een scenario: antwoorden en het advies dat daarbij hoort.")

SCENARIOS = Object((
    Veld("basis", Tekst(), "De scenario's waarop deze voortbouwen: de naam van een meegeleverde boom "
         "(dan diens scenario's) of een pad. Noem hier alleen nieuwe scenario's en waar u een ander advies "
         "verwacht; 'weg' haalt een scenario of een verwachting weg. De boom is altijd die van dit bestand."),
    Veld("boom", Tekst(), "Het bestand van de beslisboom, ten opzichte van dit bestand "
         "(standaard: dezelfde naam zonder '.tests')."),
    Veld("catalogus", Tekst(), "Het bestand van de catalogus, ten opzichte van dit bestand "
         "(standaard: de meegeleverde catalogus)."),
    Veld("scenarios", Map(SCENARIO, "Scenario-id met antwoorden en verwacht advies.", minimaal=1,
                          te_weinig="'scenarios' is leeg; schrijf minstens één scenario"),
         "Scenario-id met antwoorden en verwacht advies.", verplicht=True),
), beschrijving="Scenariotests voor een beslisboom van bb (burgers betrekken).")


# --- the glossary ------------------------------------------------------------------------------

BEGRIP = vorm_van(Begrip)

BEGRIPPEN = Object((
    Veld("begrippen", Map(BEGRIP, "Begrip-id met term en uitleg.", minimaal=1,
                          te_weinig="'begrippen' is leeg; noem minstens één begrip"),
         "Begrip-id met term en uitleg.", verplicht=True),
), beschrijving="De begrippenlijst van bb (burgers betrekken).")


SOORTEN: dict[str, Object] = {"boom": BOOM, "catalogus": CATALOGUS, "scenarios": SCENARIOS,
                              "begrippen": BEGRIPPEN}
"""The file kinds `bb schema` knows, by name."""
