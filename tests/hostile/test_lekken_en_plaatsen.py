"""What a tree may make `bb` read and show: a base, catalogue or scenario tree named inside a file
lives in that file's folder (or below), among the shipped files, or in a folder the user names in
BB_BASISMAPPEN, links followed first; a file that is no tree, catalogue or answers file is said in
one line that quotes none of it; a quoted key or value is a short, cleaned fragment. Also: a loop
an overlay makes is shown at the overlay's line, a tree's missing or wrong catalogue at the tree's
`catalogus:` line, UTF-32 is named as such, and every way opening an input fails is said in Dutch."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_geen_traceback, run_bb, schone_env
from burgers_betrekken.kern.woorden import fragment

KLEIN = ROOT / "tests" / "bomen" / "klein.yaml"
OK, VALIDATIE, INVOER = 0, 1, 2

GEHEIMEN = ("DB_PASSWORD: hunter2-zeer-geheim\n"
            "AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
            "API_TOKEN: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n")
GEHEIM = ("DB_PASSWORD", "hunter2", "AWS_SECRET", "wJalrXUtn", "API_TOKEN", "ghp_")
PASSWD = "beheerder:s3cr3t:0:0:beheerder:/thuis:/bin/bash\ndienst:s3cr3t:1:1:dienst:/usr/sbin:/usr/sbin/nologin\n"


def _verraadt_niets(uit: subprocess.CompletedProcess[str]) -> None:
    alles = uit.stdout + uit.stderr
    for woord in GEHEIM:
        assert woord not in alles, alles
    assert_geen_traceback(uit)


def _meldingen(uit: subprocess.CompletedProcess[str]) -> list[str]:
    """The problem lines: on stderr for most commands, on stdout for `bb boom valideer`'s report."""
    return [r for r in (uit.stdout + uit.stderr).splitlines() if ": fout: " in r or ": waarschuwing: " in r]


def _schrijf(pad: Path, tekst: str) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _klein_met_catalogus(pad: Path, catalogus: str) -> Path:
    """The small tree, naming `catalogus` in its metadata (line 6, column 14)."""
    tekst = KLEIN.read_text(encoding="utf-8").replace("  titel: Kleine boom\n",
                                                      f"  titel: Kleine boom\n  catalogus: {catalogus}\n")
    return _schrijf(pad, tekst)


def _advies_antwoorden(tmp_path: Path) -> Path:
    return _schrijf(tmp_path / "a.yaml", "doel: informeren\n")


# --- (a) a file that is no tree, catalogue or answers file is never quoted -----------------------


def test_een_basis_die_een_geheimenbestand_is_wordt_in_een_regel_geweigerd(tmp_path: Path) -> None:
    _schrijf(tmp_path / "geheim.yaml", GEHEIMEN)
    overlay = _schrijf(tmp_path / "o.yaml", "basis: geheim.yaml\n")
    uit = run_bb("boom", "valideer", str(overlay), cwd=tmp_path)
    assert uit.returncode == VALIDATIE
    assert _meldingen(uit) == [
        f"{overlay}:1:8: fout: de basis 'geheim.yaml' is geen beslisboom: geen van zijn sleutels hoort in een "
        f"beslisboom (verwacht een YAML-bestand met 'boom', 'start', 'vragen' en 'niveau', of met 'basis' en wat "
        f"anders is)"], uit.stdout
    _verraadt_niets(uit)


def test_een_catalogus_die_een_geheimenbestand_is_wordt_niet_geciteerd(tmp_path: Path) -> None:
    _schrijf(tmp_path / "geheim.yaml", GEHEIMEN)
    boom = _klein_met_catalogus(tmp_path / "k.yaml", "geheim.yaml")
    uit = run_bb("advies", "--boom", str(boom), "-a", str(_advies_antwoorden(tmp_path)), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.splitlines() == [
        f"{tmp_path / 'geheim.yaml'}:1:1: fout: '{tmp_path / 'geheim.yaml'}' is geen catalogus: geen van zijn "
        f"sleutels hoort in een catalogus (verwacht een YAML-bestand met 'ladder', 'kenmerken' en 'instrumenten', "
        f"of met 'basis' en wat anders is) (catalogus van {boom}:6:14)"], uit.stderr
    _verraadt_niets(uit)
    uit = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert uit.returncode == VALIDATIE
    assert f"{boom}:6:14: waarschuwing: niet vergeleken met de catalogus" in uit.stdout
    _verraadt_niets(uit)


@pytest.mark.parametrize("opties", [
    ("advies", "--boom", "geheim.yaml"),
    ("advies", "--boom", "geheim.yaml", "-a", "a.yaml"),
    ("advies", "--boom", str(KLEIN), "--catalogus", "geheim.yaml", "-a", "a.yaml"),
    ("advies", "--boom", str(KLEIN), "-a", "geheim.yaml"),
    ("uitleg", "geheim.yaml", "--boom", str(KLEIN)),
    ("boom", "valideer", "geheim.yaml"),
    ("boom", "toon", "geheim.yaml"),
    ("boom", "paden", "geheim.yaml"),
], ids=lambda o: " ".join(Path(x).name for x in o))
def test_een_geheimenbestand_op_de_opdrachtregel_wordt_niet_geciteerd(tmp_path: Path, opties: tuple[str, ...]) -> None:
    _schrijf(tmp_path / "geheim.yaml", GEHEIMEN)
    _advies_antwoorden(tmp_path)
    uit = run_bb(*opties, cwd=tmp_path)
    assert uit.returncode in (VALIDATIE, INVOER) and len(_meldingen(uit)) == 1, uit.stdout + uit.stderr
    assert "geheim.yaml" in _meldingen(uit)[0]  # the one line names the file
    _verraadt_niets(uit)


def test_een_sleutel_wordt_kort_en_zonder_stuurtekens_geciteerd(tmp_path: Path) -> None:
    lang = "geheim_" + "x" * 500
    tekst = KLEIN.read_text(encoding="utf-8") + f'"{lang}\\e[31m\\u202e": 1\n'
    boom = _schrijf(tmp_path / "k.yaml", tekst)
    uit = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert uit.returncode == VALIDATIE
    assert f"fout: onbekende sleutel '{lang[:39]}…' in de beslisboom" in uit.stdout, uit.stdout
    assert "x" * 40 not in uit.stdout and "\x1b" not in uit.stdout and "\u202e" not in uit.stdout
    assert_geen_traceback(uit)


def test_een_antwoord_wordt_kort_geciteerd(tmp_path: Path) -> None:
    antwoorden = _schrijf(tmp_path / "a.yaml", f"doel: {'wachtwoord' * 20}\n")
    uit = run_bb("advies", "--boom", str(KLEIN), "-a", str(antwoorden), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.strip() == (f"{antwoorden}:1:1: fout: vraag 'doel' heeft geen optie '{('wachtwoord' * 4)[:39]}…' "
                                  f"(opties: 'inzichten', 'informeren')")


# --- (b) where a file named inside a file may live -----------------------------------------------


def _buiten(tmp_path: Path) -> Path:
    """A readable file outside the folder of the tree that names it."""
    return _schrijf(tmp_path / "buiten" / "passwd", PASSWD)


@pytest.mark.parametrize("soort", ["basis", "catalogus"])
@pytest.mark.parametrize("hoe", ["absoluut", "omhoog", "link", "bestaat niet", "lang"])
def test_een_genoemd_bestand_buiten_de_map_wordt_geweigerd(tmp_path: Path, soort: str, hoe: str) -> None:
    doel = _buiten(tmp_path)
    map_ = tmp_path / "boom"
    map_.mkdir()
    naam = {"absoluut": str(doel), "omhoog": "../buiten/passwd", "link": "link.yaml",
            "bestaat niet": "../buiten/nergens.yaml", "lang": "../buiten/" + "x" * 1000 + "/a.yaml"}[hoe]
    if hoe == "link":
        (map_ / "link.yaml").symlink_to(doel)
    if soort == "basis":
        boom, plek = _schrijf(map_ / "o.yaml", f"basis: {naam}\n"), "1:8"
    else:
        boom, plek = _klein_met_catalogus(map_ / "o.yaml", naam), "6:14"
    wat = "de basis" if soort == "basis" else "de catalogus"
    getoond = fragment(naam)  # as the file writes it, short (one shape for basis, catalogus and boom)
    via = f" (via een link naar {doel})" if hoe == "link" else ""
    verwacht = (f"{boom}:{plek}: fout: {wat} '{getoond}' staat buiten de map van dit bestand{via}; een basis, "
                f"catalogus of boom die een bestand noemt, staat in de map van dat bestand ({map_}) of daaronder, is "
                f"een meegeleverde boom of catalogus bij naam, of staat in een map die u noemt in BB_BASISMAPPEN "
                f"(zie docs/aanpassen.md)")
    uit = run_bb("boom", "valideer", str(boom), cwd=map_)
    assert uit.returncode == VALIDATIE
    assert _meldingen(uit) == [verwacht], uit.stdout
    assert "s3cr3t" not in uit.stdout + uit.stderr and "bestaat niet" not in uit.stdout
    uit = run_bb("advies", "--boom", str(boom), "-a", str(_advies_antwoorden(tmp_path)), cwd=map_)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.splitlines() == [verwacht], uit.stderr
    assert_geen_traceback(uit)


def test_de_boom_van_een_scenariobestand_buiten_de_map_wordt_geweigerd(tmp_path: Path) -> None:
    _schrijf(tmp_path / "klein.yaml", KLEIN.read_text(encoding="utf-8"))
    tests = _schrijf(tmp_path / "sub" / "s.tests.yaml",
                     "boom: ../klein.yaml\nscenarios:\n  a:\n    omschrijving: x\n    antwoorden: {doel: informeren}\n"
                     "    verwacht: {niveau: informeren}\n")
    for opdracht in ("valideer", "test"):
        uit = run_bb("boom", opdracht, str(tests), cwd=tmp_path)
        assert uit.returncode in (VALIDATIE, INVOER)
        assert (f"{tests}:1:7: fout: de boom '../klein.yaml' staat buiten de map van dit bestand; een basis, "
                f"catalogus of boom die een bestand noemt, staat in de map van dat bestand ({tmp_path / 'sub'})"
                in uit.stdout + uit.stderr), uit.stdout + uit.stderr
        assert_geen_traceback(uit)
    uit = run_bb("boom", "test", str(tests), cwd=tmp_path, env=schone_env(BB_BASISMAPPEN=str(tmp_path)))
    assert uit.returncode == OK, uit.stderr
    _schrijf(tmp_path / "sub" / "klein.yaml", KLEIN.read_text(encoding="utf-8"))
    _schrijf(tmp_path / "c.yaml", "basis: standaard\n")
    tests.write_text(tests.read_text(encoding="utf-8").replace("boom: ../klein.yaml", "boom: klein.yaml\n"
                                                                "catalogus: ../c.yaml"), encoding="utf-8")
    uit = run_bb("boom", "test", str(tests), cwd=tmp_path)
    assert uit.returncode == INVOER
    assert f"{tests}:2:12: fout: de catalogus '../c.yaml' staat buiten de map van dit bestand" in uit.stderr, uit.stderr


def test_een_map_in_bb_basismappen_mag_ook_nadat_de_boom_in_de_cache_staat(tmp_path: Path) -> None:
    """Allowed by BB_BASISMAPPEN, then the variable is gone: the tree from the cache is refused too."""
    gedeeld = tmp_path / "gedeeld"
    _schrijf(gedeeld / "basis.yaml", KLEIN.read_text(encoding="utf-8"))
    _schrijf(gedeeld / "catalogus.yaml", "basis: standaard\n")
    overlay = _schrijf(tmp_path / "team" / "o.yaml", f"basis: {gedeeld / 'basis.yaml'}\nboom:\n  id: team\n"
                       f"  catalogus: ../gedeeld/catalogus.yaml\n")
    antwoorden = _advies_antwoorden(tmp_path)
    env = schone_env(BB_BASISMAPPEN=f"/niet/hier{os.pathsep}{gedeeld}")
    uit = run_bb("advies", "--boom", str(overlay), "-a", str(antwoorden), cwd=tmp_path, env=env)
    assert uit.returncode == OK, uit.stderr
    uit = run_bb("boom", "valideer", str(overlay), cwd=tmp_path, env=env)
    assert uit.returncode == OK, uit.stderr
    del env["BB_BASISMAPPEN"]
    uit = run_bb("advies", "--boom", str(overlay), "-a", str(antwoorden), cwd=tmp_path, env=env)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.startswith(f"{overlay}:1:8: fout: de basis '{fragment(gedeeld / 'basis.yaml')}' staat buiten de map"), uit.stderr
    assert_geen_traceback(uit)


def test_de_meegeleverde_bomen_en_bb_init_op_basis_blijven_werken(tmp_path: Path) -> None:
    uit = run_bb("boom", "valideer", *map(str, sorted((ROOT / "trees").glob("*.yaml"))), cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    uit = run_bb("init", "--basis", "uitvoeringsorganisatie", "mijn", cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    uit = run_bb("boom", "valideer", "mijn/boom.yaml", "mijn/boom.tests.yaml", "mijn/instruments.yaml", cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    uit = run_bb("boom", "test", "mijn/boom.tests.yaml", cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr


# --- item 18: the place of a loop an overlay makes, and of a tree's catalogue --------------------


def test_een_kringloop_die_een_overlay_maakt_staat_bij_de_overlay(tmp_path: Path) -> None:
    _schrijf(tmp_path / "b.yaml", KLEIN.read_text(encoding="utf-8"))
    overlay = _schrijf(tmp_path / "o.yaml", "basis: b.yaml\nvragen:\n  budget:\n    volgende: doel\n")
    uit = run_bb("boom", "valideer", str(overlay), cwd=tmp_path)
    assert uit.returncode == VALIDATIE
    assert _meldingen(uit) == [f"{overlay}:4:15: fout: de vragen vormen een kringloop: doel → budget → doel"]
    rijk = _schrijf(tmp_path / "r.yaml", "basis: rijksoverheid\nvragen:\n  doel:\n    volgende: fase\n")
    uit = run_bb("advies", "--boom", str(rijk), "-a", str(_advies_antwoorden(tmp_path)), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.startswith(f"{rijk}:4:15: fout: de vragen vormen een kringloop: fase → "), uit.stderr


def test_een_catalogus_die_er_niet_is_staat_bij_de_regel_van_de_boom(tmp_path: Path) -> None:
    boom = _klein_met_catalogus(tmp_path / "k.yaml", "nergens.yaml")
    verwacht = f"{boom}:6:14: fout: de catalogus van deze boom is niet te lezen: bestand niet gevonden: nergens.yaml"
    uit = run_bb("boom", "valideer", "k.yaml", cwd=tmp_path)
    assert uit.returncode == VALIDATIE and _meldingen(uit) == [verwacht.replace(str(boom), "k.yaml")], uit.stdout
    uit = run_bb("advies", "--boom", "k.yaml", "-a", str(_advies_antwoorden(tmp_path)), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.splitlines() == [verwacht.replace(str(boom), "k.yaml")], uit.stderr


def test_fouten_in_de_catalogus_van_een_boom_noemen_de_regel_van_de_boom(tmp_path: Path) -> None:
    _schrijf(tmp_path / "c.yaml", "basis: standaard\ninstrumenten:\n  enquete:\n    niveaus: [bestaat_niet]\n")
    boom = _klein_met_catalogus(tmp_path / "k.yaml", "c.yaml")
    uit = run_bb("advies", "--boom", str(boom), "-a", str(_advies_antwoorden(tmp_path)), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.startswith(f"{tmp_path / 'c.yaml'}:4:14: fout: instrument 'enquete' noemt onbekende trede "
                                 f"'bestaat_niet'"), uit.stderr
    assert uit.stderr.rstrip().endswith(f"(catalogus van {boom}:6:14)"), uit.stderr


# --- item 21: UTF-32 is named as such; every way opening an input fails is said in Dutch ----------


@pytest.mark.parametrize("codering, naam", [
    ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
])
def test_utf16_en_utf32_worden_bij_naam_genoemd(tmp_path: Path, codering: str, naam: str) -> None:
    """With a byte order mark ('utf-32', 'utf-16') and without one, little- and big-endian."""
    boom = tmp_path / "k.yaml"
    boom.write_bytes(KLEIN.read_text(encoding="utf-8").encode(codering))
    verwacht = f"{boom}:1:1: fout: het bestand is in {naam} opgeslagen; sla het op als UTF-8"
    uit = run_bb("advies", "--boom", str(boom), "-a", str(_advies_antwoorden(tmp_path)), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == "" and uit.stderr.splitlines() == [verwacht], uit.stderr
    uit = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert uit.returncode != OK and _meldingen(uit) == [verwacht], uit.stdout
    assert_geen_traceback(uit)


def test_een_nul_teken_in_utf8_blijft_een_nul_teken(tmp_path: Path) -> None:
    boom = tmp_path / "k.yaml"
    boom.write_bytes(b"boom:\n  id: k\x00\n")
    uit = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert _meldingen(uit) == [f"{boom}:2:8: fout: het bestand bevat een NUL-teken; is het wel een tekstbestand?"]


ENGELS = ("No such", "Too many", "too long", "Permission", "denied", "Errno")


@pytest.mark.parametrize("optie", ["--antwoorden", "--boom"])
def test_een_socket_als_invoer_krijgt_een_nederlandse_melding(tmp_path: Path, optie: str) -> None:
    kort = Path(os.environ.get("TMPDIR", "/tmp"))  # a socket's path has a length limit of about 100 bytes
    sok = socket.socket(socket.AF_UNIX)
    pad = kort / f"bb-sok-{os.getpid()}-{optie.strip('-')}"
    try:
        sok.bind(str(pad))
        uit = run_bb("advies", optie, str(pad), cwd=tmp_path)
    finally:
        sok.close()
        pad.unlink(missing_ok=True)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.splitlines() == [f"fout: kan '{pad}' niet lezen: dit is geen bestand maar een socket, of een "
                                       f"apparaat dat er niet is (zoals /dev/tty zonder terminal)"], uit.stderr
    assert_geen_traceback(uit)


@pytest.mark.parametrize("geval, verwacht", [
    ("lus", "te veel symbolische links na elkaar (wijst een link naar zichzelf?)"),
    ("lang", "de naam is te lang"),
])
def test_een_link_naar_zichzelf_en_een_te_lange_naam_in_het_nederlands(tmp_path: Path, geval: str, verwacht: str) -> None:
    if geval == "lus":
        (tmp_path / "lus.yaml").symlink_to("lus.yaml")
        naam = "lus.yaml"
    else:
        naam = "a" * 300 + ".yaml"
    uit = run_bb("advies", "-a", naam, cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stderr.splitlines() == [f"fout: kan '{naam}' niet lezen: {verwacht}"]
    assert not any(woord in uit.stderr for woord in ENGELS), uit.stderr


def test_dev_tty_zonder_terminal_in_het_nederlands(tmp_path: Path) -> None:
    from tests.conftest import bb_exe

    uit = subprocess.run([bb_exe(), "advies", "-a", "/dev/tty"], cwd=tmp_path, env=schone_env(), capture_output=True,
                         text=True, timeout=30, stdin=subprocess.DEVNULL, start_new_session=True)
    assert uit.returncode == INVOER
    assert uit.stderr.splitlines() == ["fout: kan '/dev/tty' niet lezen: dit is geen bestand maar een socket, of een "
                                       "apparaat dat er niet is (zoals /dev/tty zonder terminal)"], uit.stderr


def test_geen_fout_van_het_systeem_komt_in_het_engels() -> None:
    """Every errno the system knows, as `oorzaak` words it for a message: never the system's English."""
    from burgers_betrekken.lezen.bestanden import oorzaak

    for nummer in sorted(errno.errorcode):
        tekst = oorzaak(OSError(nummer, os.strerror(nummer)))
        assert tekst and os.strerror(nummer) not in tekst, (errno.errorcode[nummer], tekst)
    assert oorzaak(OSError(errno.ENXIO, "No such device or address")).startswith("dit is geen bestand maar een socket")
    # and no message words a failure itself: the system's English (e.strerror) never reaches the user
    for bestand in (ROOT / "burgers_betrekken").rglob("*.py"):
        assert "strerror" not in bestand.read_text(encoding="utf-8"), bestand


def test_een_id_van_100000_tekens_wordt_in_elke_melding_kort_geciteerd(tmp_path: Path) -> None:
    """An id is text from the file: every message quotes it through fragment, also where it names
    the question ('vraag ... wordt nooit gesteld' quoted it whole)."""
    lang = "B" * 100_000
    boom = _schrijf(tmp_path / "b.yaml", KLEIN.read_text(encoding="utf-8")
                    .replace("  budget:\n    tekst", f"  ? {lang}\n  :\n    tekst").replace("volgende: budget", f"volgende: {lang}"))
    uit = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert uit.returncode == VALIDATIE
    assert f"{boom}:17:5: waarschuwing: vraag '{fragment(lang)}' wordt nooit gesteld" in uit.stdout, uit.stdout[:2000]
    assert max(map(len, uit.stdout.splitlines())) < 200 + len(str(boom)), uit.stdout[:2000]


def test_een_sleutel_van_een_antwoordenbestand_wordt_kort_geciteerd(tmp_path: Path) -> None:
    sleutel = "GEHEIM_" + "X" * 60
    antwoorden = _schrijf(tmp_path / "a.yaml", f"{sleutel}: 1234\n")
    uit = run_bb("advies", "--boom", str(KLEIN), "-a", str(antwoorden), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.splitlines() == [f"{antwoorden}:1:70: fout: het antwoord op '{sleutel[:39]}…' (een optie-id) moet "
                                       f"tekst zijn, maar is een getal; zet de waarde tussen aanhalingstekens als het "
                                       f"tekst moet zijn"], uit.stderr


@pytest.mark.parametrize("inhoud, plek, reden", [
    ('{"fase": "beleidsontwikkeling",}', "1:32", "hier hoort een sleutel tussen dubbele aanhalingstekens"),
    ('{"fase" "beleidsontwikkeling"}', "1:9", "hier hoort een dubbele punt na de sleutel"),
    ('{"fase": "beleids', "1:10", "een tekst zonder afsluitend dubbel aanhalingsteken"),
    ('{"fase": "a\\qb"}', "1:12", "een ongeldige \\-code in een tekst"),
    ('{"fase": "a\nb"}', "1:12", "een stuurteken (zoals een regeleinde) midden in een tekst"),
    ('{} {}', "1:4", "na het einde van de JSON staat nog iets"),
])
def test_ongeldige_json_wordt_in_het_nederlands_uitgelegd(tmp_path: Path, inhoud: str, plek: str, reden: str) -> None:
    """Python's English reason for broken JSON ('Expecting property name enclosed in double quotes')
    never reaches the user: the place and a Dutch reason do."""
    antwoorden = _schrijf(tmp_path / "a.json", inhoud)
    uit = run_bb("advies", "-a", str(antwoorden), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert uit.stderr.startswith(f"{antwoorden}:{plek}: fout: ongeldige JSON: {reden}"), uit.stderr
    for engels in ("Expecting", "delimiter", "Unterminated", "Invalid", "Extra data"):
        assert engels not in uit.stderr, uit.stderr


@pytest.mark.parametrize("basis, reden", [
    ("/" + "y" * 300 + "/a.yaml", "staat buiten de map van dit bestand"),
    ("x" * 5000 + "/a.yaml", "niet lezen: de naam is te lang"),
    ("x" * 5000, "niet lezen: de naam is te lang"),
])
def test_een_basis_met_een_te_lange_naam_is_een_melding_op_zijn_plek(tmp_path: Path, basis: str, reden: str) -> None:
    """A name the system cannot look up (over 255 bytes a part) used to end in exit 70 with the
    English OSError and the whole name; now one short Dutch line at the 'basis:' line (found by review)."""
    overlay = _schrijf(tmp_path / "o.yaml", f"basis: {basis}\n")
    uit = run_bb("boom", "valideer", str(overlay), cwd=tmp_path)
    assert uit.returncode == VALIDATIE, uit.stderr
    assert_geen_traceback(uit)
    assert f"{overlay}:1:8: fout: " in uit.stdout and reden in uit.stdout
    assert len(uit.stdout) < 1200 and "Errno" not in uit.stdout + uit.stderr
