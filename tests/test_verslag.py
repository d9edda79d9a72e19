"""The record for the dossier: Markdown, HTML and JSON hold the whole advice with its provenance,
the "pas toe of leg uit" motivation and the checklist; writing never replaces a file by accident;
the answers replay exactly; and `bb uitleg` says why."""

from __future__ import annotations

import errno
import hashlib
import json
import re
import struct
import subprocess
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from burgers_betrekken import __version__

from burgers_betrekken.lezen import bestanden

from burgers_betrekken.kern import engine
from burgers_betrekken.kern.fouten import InvoerFout
from burgers_betrekken.uitvoer.verslag import Verslag, als_data, als_markdown
from burgers_betrekken.uitvoer.verslag_html import als_html
from tests.browser import chromium_pad
from tests.conftest import ROOT, assert_geen_traceback

NU = datetime(2026, 11, 25, 14, 30, tzinfo=timezone.utc)
GEEN_RUIMTE = dict(fase="uitwerking", doel="inzichten", ruimte="geen")
STIEFOUDERS = dict(fase="beleidsontwikkeling", doel="ervaringen", ruimte="beperkt", doelgroep="specifiek",
                   budget="laag", doorlooptijd="kort", tijdsdruk="nee")
ADVIES = dict(fase="beleidsontwikkeling", doel="zwaarwegend_advies", ruimte="ruim", doelgroep="breed",
              budget="hoog", doorlooptijd="lang", tijdsdruk="nee")
HASH = hashlib.sha256((ROOT / "trees" / "rijksoverheid.yaml").read_bytes()).hexdigest()


def verslag(boom, catalogus, antwoorden: dict, motivering: str | None = None) -> Verslag:
    return Verslag(engine.advies(boom, catalogus, antwoorden), NU, HASH, motivering)


# --- Markdown ------------------------------------------------------------------------------------


def test_markdown_bevat_het_hele_advies_met_herkomst(boom, catalogus) -> None:
    md = als_markdown(verslag(boom, catalogus, ADVIES))
    koppen = re.findall(r"^## (.+)$", md, flags=re.M)
    assert koppen == ["Aanbevolen route", "Participatieladder", "Aanbevolen instrumenten", "Afgevallen instrumenten",
                      "Uw antwoorden", "Waarom dit advies", "Checklist voor het dossier"]
    assert "- gewenst: Adviseren: Een zwaarwegend advies hoort bij de trede adviseren. (omdat: Met welk doel " \
           "betrekt u burgers? Een zwaarwegend advies van burgers)" in md
    assert "| Datum | 25-11-2026 14:30 |" in md
    assert f"| Vingerafdruk boom (sha256) | `{HASH[:16]}` |" in md
    assert f"| Gemaakt met | bb {__version__} |" in md
    assert "| Beslisboom | `rijksoverheid`, versie 1.0.0 |" in md
    assert "1. **Burgerberaad** (`burgerberaad`)" in md
    assert md.count("- [ ] ") == len(catalogus.checklist) == 7
    assert "Motivering" not in md  # adviseren, as the goal asks: nothing to explain


def test_markdown_tabellen_zijn_heel(boom, catalogus) -> None:
    md = als_markdown(verslag(boom, catalogus, GEEN_RUIMTE))
    for blok in re.findall(r"(?:^\|.*\|\n)+", md, flags=re.M):
        regels = blok.strip().splitlines()
        kolommen = {len(re.findall(r"(?<!\\)\|", r)) for r in regels}
        assert len(kolommen) == 1, blok  # every row as many cells as the header
        assert re.fullmatch(r"\|( --- \|)+", regels[1]), blok


def test_markdown_zet_tekens_uit_labels_niet_om_in_opmaak(boom, catalogus) -> None:
    from dataclasses import replace

    a = engine.advies(boom, catalogus, GEEN_RUIMTE)
    vreemd = replace(a.pad[0].vraag, tekst="Fase | *vet* [link](x) <b>")
    a = replace(a, pad=(replace(a.pad[0], vraag=vreemd), *a.pad[1:]))
    md = als_markdown(Verslag(a, NU, HASH))
    assert r"| 1 | Fase \| \*vet\* \[link\](x) \<b\> | Beleid uitwerken naar dienstverlening |" in md


@pytest.mark.parametrize("motivering, verwacht", [
    ("Het besluit ligt wettelijk vast.", "> Het besluit ligt wettelijk vast."),
    (None, "**De motivering ontbreekt.** Vul die aan voor het dossier."),
])
def test_pas_toe_of_leg_uit_bij_geen_participatie(boom, catalogus, motivering, verwacht) -> None:
    md = als_markdown(verslag(boom, catalogus, GEEN_RUIMTE, motivering))
    assert "## Motivering (pas toe of leg uit)" in md and "## Let op" in md
    assert "- Aandachtspunt 'Informeren is geen participatie' (omdat: Trede van het advies Informeren)" in md
    assert "### Informeren is geen participatie" in md and "*Bron: Workshop Burgers betrekken" in md
    assert "dit is geen participatie" in md and verwacht in md


def test_markdown_noemt_gelijke_instrumenten_even_passend_met_wat_ze_onderscheidt(boom, catalogus) -> None:
    md = als_markdown(verslag(boom, catalogus, STIEFOUDERS))
    assert "**Even passend: Diepte-interviews en Focusgroep.**" in md and "Best passend" not in md
    assert "Even passend: Diepte-interviews en Focusgroep. Wat ze onderscheidt:" in md
    assert "- **Diepte-interviews**: kanaal: fysiek; " in md
    assert "- **Focusgroep**: kanaal: fysiek en online; " in md
    # both share rank 1 (listed by name); the enquête has the same points but fewer depth, so it is 2
    nummers = re.findall(r"^(\d+)\. \*\*(.+?)\*\*", md, flags=re.M)
    assert nummers[:3] == [("1", "Diepte-interviews"), ("1", "Focusgroep"), ("2", "Enquête")]
    assert md.count("   - gaat voor bij gelijke punten: meer diepgang: veel (bij Enquête: weinig)") == 2


def test_markdown_zonder_participatie_noemt_geen_instrument(boom, catalogus) -> None:
    md = als_markdown(verslag(boom, catalogus, GEEN_RUIMTE, "Wettelijk"))
    aanbevolen = md.split("## Aanbevolen instrumenten", 1)[1].split("\n## ", 1)[0]
    assert aanbevolen.strip() == ("Geen: op deze trede krijgen burgers geen invloed, dus er is geen instrument "
                                  "om aan te bevelen.")
    assert "Best passend" not in md and "Even passend" not in md
    (rij,) = [r for r in md.split("## Afgevallen instrumenten", 1)[1].splitlines() if r.startswith("| Burgerberaad")]
    assert rij.count(", ") == len(catalogus.instrumenten) - 1  # all seventeen, one row, one reason
    assert rij.endswith("| op de trede informeren krijgen burgers geen invloed; een instrument zou participatie "
                        "beloven die er niet is |")


def test_html_noemt_even_passend_en_geen_instrument(boom, catalogus) -> None:
    gelijk = als_html(verslag(boom, catalogus, STIEFOUDERS))
    assert "<strong>Even passend: Diepte-interviews en Focusgroep.</strong>" in gelijk
    assert "<li><strong>Focusgroep</strong>: kanaal: fysiek en online; " in gelijk
    assert '<li value="1"><strong>Diepte-interviews</strong>' in gelijk
    assert '<li value="1"><strong>Focusgroep</strong>' in gelijk
    geen = als_html(verslag(boom, catalogus, GEEN_RUIMTE))
    assert "<p>Geen: op deze trede krijgen burgers geen invloed" in geen and "<li value=" not in geen


def test_pas_toe_of_leg_uit_bij_een_lagere_trede_dan_het_doel_vraagt(boom, catalogus) -> None:
    v = verslag(boom, catalogus, dict(ADVIES, ruimte="beperkt"))
    assert v.advies.bepaling.begrensd and v.motivering_nodig
    assert "lager dan wat uw doel vraagt (adviseren)" in als_markdown(v)


# --- HTML -----------------------------------------------------------------------------------------


def test_html_is_een_zelfstandig_toegankelijk_bestand(boom, catalogus) -> None:
    html = als_html(verslag(boom, catalogus, GEEN_RUIMTE, "Vast <script>alert(1)</script>"))
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert "<script" not in html.replace("&lt;script", "")  # the motivation is text, never markup
    assert "Vast &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", html)  # nothing loaded from anywhere
    assert "@media print" in html and '<th scope="col">Vraag</th>' in html
    assert len(re.findall(r"<h2>", html)) >= 6 and html.count("<h1>") == 1


def _png_pixels(pad: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB(A) PNG (as Chromium writes them) into rows of raw pixels."""
    data = pad.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, breedte, hoogte, kleur = 8, b"", 0, 0, 0
    while pos < len(data):
        lengte, soort = struct.unpack(">I4s", data[pos:pos + 8])
        inhoud = data[pos + 8:pos + 8 + lengte]
        if soort == b"IHDR":
            breedte, hoogte, diepte, kleur, _, _, interlace = struct.unpack(">IIBBBBB", inhoud)
            assert diepte == 8 and kleur in (2, 6) and interlace == 0
        elif soort == b"IDAT":
            idat += inhoud
        pos += 12 + lengte
    bpp = 3 if kleur == 2 else 4
    ruw, stride, rijen, vorige = zlib.decompress(idat), breedte * bpp, [], bytearray(breedte * bpp)
    for y in range(hoogte):
        filt, rij = ruw[y * (stride + 1)], bytearray(ruw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = rij[x - bpp] if x >= bpp else 0
            b, c = vorige[x], vorige[x - bpp] if x >= bpp else 0
            if filt == 1:
                rij[x] = (rij[x] + a) & 255
            elif filt == 2:
                rij[x] = (rij[x] + b) & 255
            elif filt == 3:
                rij[x] = (rij[x] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                rij[x] = (rij[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rijen.append(bytes(rij))
        vorige = rij
    return breedte, hoogte, rijen


def test_html_in_chromium_toont_tekst_en_is_niet_leeg(boom, catalogus, tmp_path: Path) -> None:
    chromium = chromium_pad()
    pagina = tmp_path / "verslag.html"
    pagina.write_text(als_html(verslag(boom, catalogus, GEEN_RUIMTE)), encoding="utf-8")
    vlaggen = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={tmp_path / 'p'}"]
    dom = subprocess.run([chromium, *vlaggen, "--dump-dom", pagina.as_uri()], capture_output=True, text=True,
                         timeout=120)
    assert "Dit is geen participatie" in dom.stdout and "Checklist voor het dossier" in dom.stdout
    beeld = tmp_path / "verslag.png"
    subprocess.run([chromium, *vlaggen, f"--screenshot={beeld}", "--window-size=900,1200", pagina.as_uri()],
                   capture_output=True, timeout=120, check=True)
    breedte, hoogte, rijen = _png_pixels(beeld)
    assert (breedte, hoogte) == (900, 1200)
    kleuren = {rij[i:i + 3] for rij in rijen[::7] for i in range(0, len(rij), 3 * 7)}
    assert len(kleuren) > 20  # text, headings and coloured blocks, not a blank page
    donker = sum(1 for rij in rijen[::4] for i in range(0, len(rij), 12) if sum(rij[i:i + 3]) < 200)
    assert donker > 500  # dark pixels of text


# --- JSON -------------------------------------------------------------------------------------------


def test_json_verslag_met_uitleg(boom, catalogus) -> None:
    data = als_data(verslag(boom, catalogus, GEEN_RUIMTE, "Wettelijk"))
    assert data["boom"] == {"id": "rijksoverheid", "versie": "1.0.0", "sha256": HASH}
    assert data["bb_versie"] == __version__ and data["gemaakt"] == "2026-11-25T14:30:00+00:00"
    assert data["motivering"] == {"nodig": True, "tekst": "Wettelijk"}
    assert data["ladder"] == {"gewenst": "raadplegen", "plafond": "informeren", "begrensd": True}
    assert [c["gedaan"] for c in data["checklist"]] == [False] * 7
    uitleg = data["uitleg"]
    assert uitleg["uitkomst"].startswith("Informeren: uw doel vraagt raadplegen")
    burgerberaad = next(i for i in uitleg["instrumenten"] if i["id"] == "burgerberaad")
    assert burgerberaad["aanbevolen"] is False
    # on a rung without participation every instrument falls off for that one reason, and the
    # explanation says so (not only the preferences it met, as if it had been recommended)
    afgevallen = [g for g in burgerberaad["gronden"] if g["effect"] == "valt af"]
    assert [g["tekst"] for g in afgevallen] == [
        "op de trede informeren krijgen burgers geen invloed; een instrument zou participatie beloven die er niet is"]
    assert data["instrumenten"] == [] and data["beste"] == []
    assert {g["regel"] for g in uitleg["let_op"]} == {lo.id for lo in engine.advies(boom, catalogus, GEEN_RUIMTE).let_op}


def test_json_verslag_met_beste_rang_en_wat_als(boom, catalogus) -> None:
    from burgers_betrekken.kern.watals import met_wat_als

    gelijk = als_data(verslag(boom, catalogus, STIEFOUDERS))
    assert gelijk["beste"] == ["diepte_interviews", "focusgroep"]
    assert [(i["id"], i["rang"]) for i in gelijk["instrumenten"][:3]] == [
        ("diepte_interviews", 1), ("focusgroep", 1), ("enquete", 2)]
    assert gelijk["instrumenten"][0]["voorrang"] == ["meer diepgang: veel (bij Enquête: weinig)"]
    assert gelijk["instrumenten"][2]["voorrang"] == []

    # the goal asks for adviseren, the room allows raadplegen: more room would change the advice
    advies = met_wat_als(engine.advies(boom, catalogus, dict(ADVIES, ruimte="beperkt")))
    data = als_data(Verslag(advies, NU, HASH))
    assert data["niveau"] == "raadplegen" and data["beste"] == [data["instrumenten"][0]["id"]]
    assert data["wat_als"], "a negotiable answer changes this advice"
    for w in data["wat_als"]:
        assert {"vraag", "antwoord", "verandering"} <= w.keys()
        assert w["vraag"] in boom.wat_als  # only what a civil servant can negotiate
        assert boom.vraag(w["vraag"]).optie(w["antwoord"]) is not None
        assert w["antwoord"] != next(s["antwoord"] for s in data["pad"] if s["vraag"] == w["vraag"])
    ruimer = next(w for w in data["wat_als"] if w["vraag"] == "ruimte")
    assert ruimer["antwoord"] == "ruim"
    assert "trede Adviseren in plaats van Raadplegen" in ruimer["verandering"]
    assert json.loads(json.dumps(data)) == json.loads(json.dumps(data, ensure_ascii=False))  # plain JSON


# --- writing files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("naam, begin", [("v.md", "# Advies: "), ("v.html", "<!DOCTYPE html>"), ("v.json", "{")])
def test_uitvoer_volgt_de_extensie(bb, tmp_path: Path, naam: str, begin: str) -> None:
    uit = bb("advies", "-a", str(ROOT / "examples" / "boa-bestel.yaml"), "--uitvoer", naam, cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert (tmp_path / naam).read_text(encoding="utf-8").startswith(begin)
    assert f"Geschreven: {naam}" in uit.stderr and "Burgerberaad" in uit.stdout


def test_uitvoer_overschrijft_niets_zonder_overschrijf(bb, tmp_path: Path) -> None:
    (tmp_path / "v.md").write_text("mijn eigen notities", encoding="utf-8")
    args = ["advies", "-a", str(ROOT / "examples" / "boa-bestel.yaml"), "--uitvoer", "v.md"]
    uit = bb(*args, cwd=tmp_path)
    assert uit.returncode == 2 and "'v.md' bestaat al" in uit.stderr and "--overschrijf" in uit.stderr
    assert (tmp_path / "v.md").read_text(encoding="utf-8") == "mijn eigen notities"
    assert bb(*args, "--overschrijf", cwd=tmp_path).returncode == 0
    assert (tmp_path / "v.md").read_text(encoding="utf-8").startswith("# Advies")


def test_een_onbekende_extensie_vraagt_om_een_formaat(bb, tmp_path: Path) -> None:
    uit = bb("advies", "-a", str(ROOT / "examples" / "boa-bestel.yaml"), "--uitvoer", "v.docx", cwd=tmp_path)
    assert uit.returncode == 2 and ".md, .html of .json" in uit.stderr
    assert bb("advies", "-a", str(ROOT / "examples" / "boa-bestel.yaml"), "--uitvoer", "v.txt", "--formaat", "md",
              cwd=tmp_path).returncode == 0


def test_een_onschrijfbare_map(bb, tmp_path: Path) -> None:
    if not Path("/sys/kernel").is_dir():
        pytest.skip("needs Linux /sys, where nobody (not even root) may create a file")
    uit = bb("advies", "-a", str(ROOT / "examples" / "boa-bestel.yaml"), "--uitvoer", "/sys/verslag.md", cwd=tmp_path)
    assert uit.returncode == 2 and "geen toestemming om '/sys/verslag.md' te schrijven" in uit.stderr
    assert_geen_traceback(uit)


@pytest.mark.parametrize("fout, melding", [
    (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
    (PermissionError(errno.EACCES, "Permission denied"), "geen toestemming"),
    (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen"),
])
def test_schrijffouten_laten_geen_half_bestand_achter(tmp_path: Path, monkeypatch, fout, melding) -> None:
    doel = tmp_path / "verslag.md"
    doel.write_text("oud", encoding="utf-8")

    def vol(*args, **kwargs):
        raise fout

    monkeypatch.setattr(bestanden.os, "fsync", vol)
    with pytest.raises(InvoerFout, match=melding):
        bestanden.schrijf_tekst(doel, "nieuw " * 1000, overschrijf=True)
    assert doel.read_text(encoding="utf-8") == "oud"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.md"]  # no temporary file left behind


# --- replay and explain --------------------------------------------------------------------------------


def test_bewaar_en_opnieuw_geeft_precies_hetzelfde_advies(bb, tmp_path: Path) -> None:
    antwoorden = tmp_path / "in.yaml"
    antwoorden.write_text("fase: uitwerking\ndoel: zwaarwegend_advies\nruimte: weet_niet\ndoelgroep: moeilijk_bereikbaar\n"
                          "budget: weet_niet\ndoorlooptijd: middel\ntijdsdruk: ja\n", encoding="utf-8")
    eerste = bb("advies", "-a", str(antwoorden), "-f", "json", "--bewaar", "bewaard.yaml",
                "--motivering", "Beperkte ruimte: \"wettelijk\" kader.", cwd=tmp_path)
    assert eerste.returncode == 0, eerste.stderr
    tweede = bb("advies", "-a", "bewaard.yaml", "-f", "json", cwd=tmp_path)
    assert tweede.returncode == 0, tweede.stderr
    een, twee = json.loads(eerste.stdout), json.loads(tweede.stdout)
    een.pop("gemaakt"), twee.pop("gemaakt")
    assert een == twee
    assert twee["pad"][2] == {"vraag": "ruimte", "antwoord": "beperkt", "aanname": twee["pad"][2]["aanname"]}
    assert twee["motivering"] == {"nodig": True, "tekst": 'Beperkte ruimte: "wettelijk" kader.'}


def test_een_json_verslag_is_ook_een_antwoordenbestand(bb, tmp_path: Path) -> None:
    eerste = bb("advies", "-a", str(ROOT / "examples" / "geen-ruimte.yaml"), "--uitvoer", "v.json",
                "--motivering", "Wettelijk", cwd=tmp_path)
    assert eerste.returncode == 0, eerste.stderr
    opnieuw = bb("advies", "-a", "v.json", "-f", "json", cwd=tmp_path)
    assert opnieuw.returncode == 0, opnieuw.stderr
    data, oud = json.loads(opnieuw.stdout), json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert data["pad"] == oud["pad"] and data["motivering"] == oud["motivering"]


def test_uitleg_zegt_waarom(bb, tmp_path: Path) -> None:
    uit = bb("uitleg", str(ROOT / "examples" / "geen-ruimte.yaml"), cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert "Informeren: uw doel vraagt raadplegen, maar de ruimte staat hoogstens" in uit.stdout
    assert "Burgerberaad  afgevallen" in uit.stdout
    # it fell off because informeren gives citizens no influence: the explanation names that reason
    assert "valt af" in uit.stdout
    assert "valt af op de trede informeren krijgen burgers geen invloed" in " ".join(uit.stdout.split())
    # a rule's 'waarde_van' counts as an answer it looked at: the fase rule names the fase
    met_participatie = bb("uitleg", str(ROOT / "examples" / "stiefouders.json"), cwd=tmp_path)
    assert met_participatie.returncode == 0, met_participatie.stderr
    assert "past in de fase 'Beleidsontwikkeling'\n         omdat In welke fase zit uw traject? → Beleidsontwikkeling\n" \
        in re.sub(r" +\n", "\n", met_participatie.stdout)
    # names and sentences, not the tree's internal ids (those are in the JSON)
    assert "[fase]" not in met_participatie.stdout and "niveau.gewenst" not in met_participatie.stdout
    assert "Treden: Diepte-interviews heeft Raadplegen; gezocht: Raadplegen" in " ".join(met_participatie.stdout.split())

    bb("advies", "-a", str(ROOT / "examples" / "geen-ruimte.yaml"), "--uitvoer", "v.json", cwd=tmp_path)
    als_json = bb("uitleg", "v.json", "--formaat", "json", cwd=tmp_path)
    assert als_json.returncode == 0, als_json.stderr
    assert json.loads(als_json.stdout) == json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))["uitleg"]
