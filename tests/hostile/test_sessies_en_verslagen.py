"""Saved sessions and JSON records a hostile (or unlucky) user leaves for `bb`: a FIFO, a link to
`/dev/zero` or an oversized file in the autosave folder, autosave times with and without a zone,
a record of another or a changed tree given to `bb uitleg`, a record that names a question twice
or whose `pad` is no list, and input with a hundred thousand mistakes. Each ends in its
documented exit code with a short Dutch message, never a hang, a crash or a flood of lines."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from burgers_betrekken.kern.fouten import AntwoordFout, Locatie, Probleem
from burgers_betrekken.uitvoer import weergave
from tests.conftest import ROOT, assert_geen_traceback, autosave, bb_exe, run_bb, schone_env

KLEIN = ROOT / "tests" / "bomen" / "klein.yaml"
STIEFOUDERS = ROOT / "examples" / "stiefouders.json"
OK, VALIDATIE, INVOER = 0, 1, 2
KLEIN_HELEMAAL = "1\n1\n1\n"  # the plain interview of klein.yaml: doel, budget, then "1" for the advice


def _lopend(env: dict[str, str]) -> Path:
    map_ = Path(env["BB_DATAMAP"]) / "lopend"
    map_.mkdir(parents=True, exist_ok=True)
    return map_


def _bb_begrensd(*args: str, env: dict[str, str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`bb` with 1 GB of address space and 30 seconds: a read without end fails fast instead of
    filling the machine, and a hang fails the test instead of the run."""
    import resource

    def grens() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([bb_exe(), *args], input=stdin, capture_output=True, text=True, timeout=30, env=env,
                          cwd=cwd, preexec_fn=grens)


# --- item 12: what is no autosave in the autosave folder -------------------------------------------


def test_een_fifo_als_autosave_hangt_niet_en_wordt_overgeslagen(tmp_path: Path) -> None:
    env = schone_env()
    fifo = autosave(env, "klein")
    _lopend(env)
    os.mkfifo(fifo)
    uit = _bb_begrensd("advies", "--boom", str(KLEIN), "--eenvoudig", env=env, cwd=tmp_path, stdin=KLEIN_HELEMAAL)
    assert uit.returncode == OK, uit.stderr
    assert f"let op: '{fifo}' is geen gewoon bestand en wordt overgeslagen" in uit.stderr
    assert "Raadplegen" in uit.stdout  # the advice was given, in a session of its own
    assert fifo.is_fifo()  # not opened, not replaced, not deleted: the user decides
    assert_geen_traceback(uit)


@pytest.mark.parametrize("doel", ["/dev/zero", "/dev/urandom"])
def test_een_link_naar_een_apparaat_wordt_niet_gelezen(tmp_path: Path, doel: str) -> None:
    env = schone_env()
    link = _lopend(env) / "klein.2.json"
    link.symlink_to(doel)
    uit = _bb_begrensd("advies", "--boom", str(KLEIN), "--eenvoudig", env=env, cwd=tmp_path, stdin=KLEIN_HELEMAAL)
    assert uit.returncode == OK, uit.stderr
    assert f"let op: '{link}' is een koppeling (geen sessie van bb) en wordt overgeslagen" in uit.stderr
    assert link.is_symlink() and os.readlink(link) == doel
    assert_geen_traceback(uit)


def test_een_link_naar_een_bestand_buiten_de_gegevensmap_wordt_niet_gelezen(tmp_path: Path) -> None:
    env = schone_env()
    geheim = tmp_path / "geheim.json"
    geheim.write_text(json.dumps({"versie": 1, "boom": "klein", "sha256": "x", "antwoorden": {"doel": "informeren"},
                                  "bijgewerkt": "2026-11-24T10:00:00+01:00"}), encoding="utf-8")
    (_lopend(env) / "klein.json").symlink_to(geheim)
    uit = _bb_begrensd("advies", "--boom", str(KLEIN), "--hervat", "--eenvoudig", env=env, cwd=tmp_path)
    assert uit.returncode == INVOER
    assert "klein.json' is een koppeling (geen sessie van bb) en wordt overgeslagen" in uit.stderr
    assert "er is geen onafgemaakte sessie voor boom 'klein'" in uit.stderr
    assert "Verder met" not in uit.stdout + uit.stderr

    weg = run_bb("advies", "--boom", str(KLEIN), "--vergeet", env=env, cwd=tmp_path)
    assert weg.returncode == OK and not (_lopend(env) / "klein.json").is_symlink()
    assert geheim.exists()  # the link is gone, not what it pointed to


def test_een_link_binnen_de_gegevensmap_naar_een_fifo_wordt_overgeslagen(tmp_path: Path) -> None:
    env = schone_env()
    fifo = Path(env["BB_DATAMAP"]) / "pijp"
    os.mkfifo(fifo)
    (_lopend(env) / "klein.json").symlink_to(fifo)
    uit = _bb_begrensd("advies", "--boom", str(KLEIN), "--eenvoudig", env=env, cwd=tmp_path, stdin=KLEIN_HELEMAAL)
    assert uit.returncode == OK, uit.stderr
    assert "klein.json' is een koppeling (geen sessie van bb) en wordt overgeslagen" in uit.stderr
    assert_geen_traceback(uit)


def test_een_link_binnen_de_gegevensmap_naar_een_autosave_wordt_overgeslagen(tmp_path: Path) -> None:
    """bb never writes through a link, so a session behind a link could be read but not saved on:
    it is skipped, and the new session is saved as usual."""
    env = schone_env()
    echt = Path(env["BB_DATAMAP"]) / "bewaard.json"
    echt.write_text(json.dumps({"versie": 1, "boom": "klein", "sha256": "x", "antwoorden": {"doel": "inzichten"},
                                "bijgewerkt": "2026-11-24T10:00:00+01:00"}), encoding="utf-8")
    (_lopend(env) / "klein.json").symlink_to(echt)
    uit = _bb_begrensd("advies", "--boom", str(KLEIN), "--hervat", "--eenvoudig", env=env, cwd=tmp_path,
                       stdin="1\n1\n")
    assert uit.returncode == INVOER, uit.stderr
    assert "klein.json' is een koppeling (geen sessie van bb) en wordt overgeslagen" in uit.stderr
    assert "Verder met" not in uit.stdout and "niet tussentijds bewaard" not in uit.stderr
    assert echt.exists()


def test_het_slot_van_een_autosave_volgt_geen_link(tmp_path: Path) -> None:
    env = schone_env()
    doel = tmp_path / "elders" / "aangemaakt"
    doel.parent.mkdir()
    (_lopend(env) / ".klein.json.lock").symlink_to(doel)
    uit = _bb_begrensd("advies", "--boom", str(KLEIN), "--eenvoudig", env=env, cwd=tmp_path, stdin=KLEIN_HELEMAAL)
    assert uit.returncode == OK, uit.stderr
    assert not doel.exists()  # no file made outside the data folder through the link
    assert_geen_traceback(uit)


def test_een_autosave_groter_dan_8_mb_is_een_melding(tmp_path: Path) -> None:
    env = schone_env()
    groot = autosave(env, "klein")
    _lopend(env)
    antwoorden = {f"v{i}": "x" * 100 for i in range(90_000)}  # valid JSON, 9 MB
    groot.write_text(json.dumps({"versie": 1, "boom": "klein", "sha256": "x", "antwoorden": antwoorden,
                                 "bijgewerkt": "2026-11-24T10:00:00+01:00"}), encoding="utf-8")
    assert groot.stat().st_size > 8 * 1024 * 1024
    uit = _bb_begrensd("advies", "--boom", str(KLEIN), "--eenvoudig", env=env, cwd=tmp_path)
    assert uit.returncode == INVOER
    assert f"de bewaarde sessie in '{groot}' is niet te gebruiken" in uit.stderr
    assert "groter dan 8 MB" in uit.stderr and "bb advies --vergeet" in uit.stderr
    assert groot.stat().st_size > 8 * 1024 * 1024  # reported, not deleted
    assert_geen_traceback(uit)


# --- item 16: autosave times with and without a zone ---------------------------------------------------


def test_autosaves_met_en_zonder_tijdzone_worden_vergeleken(tmp_path: Path) -> None:
    env = schone_env()
    map_ = _lopend(env)
    for naam, tijd, antwoorden in [("klein.json", "2026-11-24T10:00:00+01:00", {"doel": "inzichten"}),
                                   ("klein.2.json", "2026-11-26T09:30:00", {"doel": "inzichten", "budget": "laag"})]:
        (map_ / naam).write_text(json.dumps({"versie": 1, "boom": "klein", "sha256": "x", "antwoorden": antwoorden,
                                             "bijgewerkt": tijd}), encoding="utf-8")
    uit = run_bb("advies", "--boom", str(KLEIN), "--eenvoudig", "-f", "json", env=env, cwd=tmp_path,
                 stdin="1\n1\n")
    assert uit.returncode == OK, uit.stderr
    assert "U heeft 2 onafgemaakte sessies" in uit.stderr
    # the one without a zone is local time, two days later: it is the newest, so it comes first
    assert uit.stderr.index("1. 26-11-2026 09:30: 2 antwoorden") < uit.stderr.index("2. 24-11-2026 10:00")
    assert "Verder met 2 bewaarde antwoorden" in uit.stderr
    assert json.loads(uit.stdout)["pad"] == [{"vraag": "doel", "antwoord": "inzichten"},
                                             {"vraag": "budget", "antwoord": "laag"}]
    assert (map_ / "klein.json").exists()  # the other session stays saved
    assert_geen_traceback(uit)


def test_een_tijd_zonder_zone_is_lokale_tijd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from burgers_betrekken.opslag import bewaren

    monkeypatch.setenv("BB_DATAMAP", str(tmp_path))
    pad = bewaren.pad_voor("klein")
    pad.parent.mkdir(parents=True)
    pad.write_text(json.dumps({"versie": 1, "boom": "klein", "sha256": "x", "antwoorden": {},
                               "bijgewerkt": "2026-11-26T09:30:00"}), encoding="utf-8")
    gelezen = bewaren.lees(pad)
    assert gelezen is not None and gelezen.bijgewerkt.tzinfo is not None
    assert gelezen.bijgewerkt.replace(tzinfo=None).isoformat() == "2026-11-26T09:30:00"


# --- item 9: bb uitleg checks where a record comes from, as bb advies -a does -------------------------


def _eigen_boom(tmp_path: Path) -> Path:
    """A tree of one's own on top of the shipped one (bb init --basis), that advises 'raadplegen'
    where the shipped tree may advise otherwise."""
    run_bb("init", "--basis", "rijksoverheid", "m", cwd=tmp_path)
    boom = tmp_path / "m" / "boom.yaml"
    with boom.open("a", encoding="utf-8") as f:
        f.write("niveau:\n  standaard: raadplegen\n  gewenst: []\n")
    return boom


def _verslag(tmp_path: Path, *boom: str) -> Path:
    uit = run_bb("advies", *boom, "-a", str(STIEFOUDERS), "-o", "r.json", cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr
    return tmp_path / "r.json"


def test_uitleg_weigert_een_verslag_van_een_andere_boom(tmp_path: Path) -> None:
    boom = _eigen_boom(tmp_path)
    verslag = _verslag(tmp_path, "--boom", str(boom))
    uitleg = run_bb("uitleg", str(verslag), cwd=tmp_path)
    assert uitleg.returncode == INVOER and uitleg.stdout == ""  # nothing explained of the wrong tree
    assert ("dit verslag is gemaakt met boom 'm' (versie 1.0.0), niet met boom 'rijksoverheid'; de antwoorden "
            "horen bij die boom: gebruik --boom met het pad van die boom") in uitleg.stderr
    advies = run_bb("advies", "-a", str(verslag), cwd=tmp_path)
    assert advies.returncode == INVOER and advies.stderr == uitleg.stderr  # one check, one message

    goed = run_bb("uitleg", "--boom", str(boom), str(verslag), cwd=tmp_path)
    assert goed.returncode == OK and goed.stderr == ""
    assert json.loads(verslag.read_text(encoding="utf-8"))["niveau"] == "raadplegen"
    assert "Raadplegen" in goed.stdout
    assert_geen_traceback(uitleg)


def test_een_verslag_met_een_boom_id_van_100000_tekens_wordt_kort_genoemd(tmp_path: Path) -> None:
    """controleer_herkomst quoted the record's tree id and version whole: 100,000 characters on stderr."""
    from burgers_betrekken.kern.woorden import fragment

    verslag = _verslag(tmp_path)
    data = json.loads(verslag.read_text(encoding="utf-8"))
    lang, versie = "x" * 100_000, "1\u001b[2J" + "v" * 100_000
    data["boom"].update(id=lang, versie=versie)
    verslag.write_text(json.dumps(data), encoding="utf-8")
    uit = run_bb("advies", "-a", str(verslag), cwd=tmp_path)
    assert uit.returncode == INVOER and uit.stdout == ""
    assert (f"dit verslag is gemaakt met boom '{fragment(lang)}' (versie {fragment(versie)}), niet met boom "
            f"'rijksoverheid'") in uit.stderr, uit.stderr[:500]
    assert len(uit.stderr) < 1000 and "\x1b" not in uit.stderr
    data["boom"].update(id="rijksoverheid", sha256="0" * 64)  # the same tree, changed since: a warning
    verslag.write_text(json.dumps(data), encoding="utf-8")
    uit = run_bb("advies", "-a", str(verslag), cwd=tmp_path)
    assert uit.returncode == OK, uit.stderr[:500]
    assert f"let op: dit verslag is gemaakt met versie {fragment(versie)} van boom 'rijksoverheid'" in uit.stderr
    assert len(uit.stderr) < 1000 and "\x1b" not in uit.stderr
    assert_geen_traceback(uit)


def test_uitleg_zegt_dat_de_boom_sinds_het_verslag_veranderd_is(tmp_path: Path) -> None:
    boom = _eigen_boom(tmp_path)
    verslag = _verslag(tmp_path, "--boom", str(boom))
    with boom.open("a", encoding="utf-8") as f:
        f.write("# een wijziging na het verslag\n")
    for opdracht in (["uitleg"], ["uitleg", "-f", "json"], ["advies", "--kort", "-a"]):
        uit = run_bb(opdracht[0], "--boom", str(boom), *opdracht[1:], str(verslag), cwd=tmp_path)
        assert uit.returncode == OK, uit.stderr
        assert "let op: dit verslag is gemaakt met versie 1.0.0 van boom 'm'" in uit.stderr
        assert "de boom is sindsdien veranderd" in uit.stderr and "het advies kan afwijken" in uit.stderr
        if "json" in opdracht:
            json.loads(uit.stdout)  # the warning stays out of the document


def test_uitleg_van_een_verslag_van_een_gewijzigde_meegeleverde_boom_waarschuwt(tmp_path: Path) -> None:
    verslag = _verslag(tmp_path)
    data = json.loads(verslag.read_text(encoding="utf-8"))
    data["boom"]["sha256"] = "0" * 64  # made with another version of the shipped tree
    verslag.write_text(json.dumps(data), encoding="utf-8")
    uit = run_bb("uitleg", str(verslag), cwd=tmp_path)
    assert uit.returncode == OK
    assert "let op: dit verslag is gemaakt met versie" in uit.stderr and "(sha256 000000000000…)" in uit.stderr
    assert "de boom is sindsdien veranderd" in uit.stderr


# --- items 11 and 21: a record's pad ---------------------------------------------------------------


def test_een_vraag_twee_keer_in_het_pad_wordt_geweigerd(tmp_path: Path) -> None:
    verslag = _verslag(tmp_path)
    data = json.loads(verslag.read_text(encoding="utf-8"))
    assert data["pad"][1]["vraag"] == "doel"
    data["pad"].append({"vraag": "doel", "antwoord": "informeren"})  # the last one would win silently
    verslag.write_text(json.dumps(data, indent=1), encoding="utf-8")
    # where each step about 'doel' begins: its '{' is on the line before its "vraag"
    eerste, tweede = (i - 1 for i, r in enumerate(verslag.read_text(encoding="utf-8").splitlines(), 1)
                      if '"vraag": "doel"' in r)
    for opdracht in (["uitleg"], ["advies", "-o", "x.md", "-a"]):
        uit = run_bb(*opdracht, "r.json", cwd=tmp_path)
        assert uit.returncode == INVOER, uit.stdout
        assert f"r.json:{tweede}:3: fout: vraag 'doel' staat twee keer in 'pad' van het verslag " \
               f"(eerder op regel {eerste})" in uit.stderr
        assert uit.stdout == "" and not (tmp_path / "x.md").exists()
        assert_geen_traceback(uit)


def test_een_vraag_twee_keer_in_het_pad_op_een_regel_noemt_de_kolom(tmp_path: Path) -> None:
    tekst = ('{"boom": {"id": "rijksoverheid"}, "pad": [{"vraag": "fase", "antwoord": "evaluatie"}, '
             '{"vraag": "fase", "antwoord": "uitwerking"}]}')
    (tmp_path / "r.json").write_text(tekst, encoding="utf-8")
    eerste, tweede = (tekst.index('{"vraag"') + 1, tekst.rindex('{"vraag"') + 1)
    uit = run_bb("uitleg", "r.json", cwd=tmp_path)
    assert uit.returncode == INVOER
    assert f"r.json:1:{tweede}: fout: vraag 'fase' staat twee keer in 'pad' van het verslag (eerder op regel 1, " \
           f"kolom {eerste})" in uit.stderr


@pytest.mark.parametrize("pad", ['{"vraag": "doel", "antwoord": "x"}', "{}", '"doel"'])
def test_een_pad_dat_geen_lijst_is_geeft_een_melding(tmp_path: Path, pad: str) -> None:
    bestand = tmp_path / "r.json"
    bestand.write_text('{"boom": {"id": "rijksoverheid", "versie": "1"},\n "pad": ' + pad + "}", encoding="utf-8")
    for opdracht in (["uitleg"], ["advies", "-a"]):
        uit = run_bb(*opdracht, bestand.name, cwd=tmp_path)
        assert uit.returncode == INVOER
        assert uit.stderr.count("'pad' van het verslag moet een lijst zijn") == 1, uit.stderr
        assert uit.stderr.startswith("r.json:2:9: fout:") and len(uit.stderr.splitlines()) == 1


# --- item 15: a hundred thousand mistakes give a screenful --------------------------------------------


def test_honderdduizend_onbekende_vragen_geven_elf_regels(tmp_path: Path) -> None:
    antwoorden = tmp_path / "a.yaml"
    # one real question at the end: a file that names none of the tree's questions is one line of its own
    antwoorden.write_text("".join(f"onbekend_{i}: x\n" for i in range(100_000)) + "fase: beleidsontwikkeling\n",
                          encoding="utf-8")
    for opdracht in (["advies", "-o", "x.md", "-a"], ["uitleg"]):
        uit = run_bb(*opdracht, antwoorden.name, cwd=tmp_path, timeout=60)
        assert uit.returncode == INVOER
        regels = uit.stderr.splitlines()
        assert len(regels) == 11, regels[:20]
        assert regels[0].startswith("a.yaml:1:1: fout: onbekende vraag 'onbekend_0'")
        assert regels[9].startswith("a.yaml:10:1: fout: onbekende vraag 'onbekend_9'")
        assert regels[10] == "… en nog 99.990 fouten"
        assert uit.stdout == "" and not (tmp_path / "x.md").exists()


def _boom_met_onbekende_sleutels(tmp_path: Path, aantal: int) -> Path:
    boom = tmp_path / "b.yaml"
    boom.write_text(KLEIN.read_text(encoding="utf-8") + "".join(f"onbekend_{i}: x\n" for i in range(aantal)),
                    encoding="utf-8")
    return boom


def test_valideer_toont_de_eerste_tien_fouten_en_met_alle_alles(tmp_path: Path) -> None:
    boom = _boom_met_onbekende_sleutels(tmp_path, 1_234)
    uit = run_bb("boom", "valideer", str(boom), cwd=tmp_path)
    assert uit.returncode == VALIDATIE
    regels = uit.stdout.splitlines()
    assert len(regels) == 12, regels[:20]
    assert all("fout: onbekende sleutel 'onbekend_" in r for r in regels[:10])
    assert regels[10] == f"{boom}: … en nog 1.224 fouten (toon ze allemaal met --alle)"
    assert regels[11] == f"✗ {boom}: 1234 fouten"

    alle = run_bb("boom", "valideer", "--alle", str(boom), cwd=tmp_path)
    assert alle.returncode == VALIDATIE and len(alle.stdout.splitlines()) == 1_235
    assert "en nog" not in alle.stdout


def test_een_boom_met_duizenden_fouten_bij_advies_geeft_elf_regels(tmp_path: Path) -> None:
    boom = _boom_met_onbekende_sleutels(tmp_path, 5_000)
    uit = run_bb("advies", "--boom", str(boom), "-a", str(STIEFOUDERS), cwd=tmp_path)
    assert uit.returncode == INVOER
    regels = uit.stderr.splitlines()
    assert len(regels) == 11 and regels[-1] == "… en nog 4.990 fouten", regels[:20]


def test_fouten_en_waarschuwingen_worden_elk_apart_beperkt() -> None:
    fouten = [Probleem(f"fout {i}", Locatie("a.yaml", i)) for i in range(1, 13)]
    hint = Probleem("uw antwoorden zijn veilig bewaard", None, "waarschuwing")
    getoond, rest = weergave.beperkt([*fouten, hint])
    assert getoond == [*fouten[:10], hint]  # the hint after the errors is never cut off
    assert rest == ["… en nog 2 fouten"]
    assert weergave.beperkt([*fouten, hint], alle=True) == ([*fouten, hint], [])
    tekst = weergave.fout(AntwoordFout(problemen=[*fouten[:11], *[hint] * 12])).plain.splitlines()
    assert tekst[-2:] == ["… en nog 1 fout", "… en nog 2 waarschuwingen"] and len(tekst) == 22


def test_een_bb_datamap_waarin_bb_niet_kan_schrijven_wordt_gezegd_en_niet_de_echte_map(tmp_path: Path) -> None:
    """A BB_DATAMAP bb cannot write in was passed over in silence for the real ~/.local/share/bb:
    the user chose another place. Now one warning, and the private folder in the temporary folder."""
    (tmp_path / "bestand").write_text("", encoding="utf-8")
    thuis, tijdelijk = tmp_path / "thuis", tmp_path / "tmp"
    thuis.mkdir()
    tijdelijk.mkdir()
    env = schone_env(BB_DATAMAP=str(tmp_path / "bestand" / "data"), HOME=str(thuis), TMPDIR=str(tijdelijk))
    env.pop("XDG_DATA_HOME", None)
    uit = run_bb("advies", "--boom", str(KLEIN), "--eenvoudig", cwd=tmp_path, env=env, stdin="1\n")
    assert uit.returncode == 130, uit.stderr  # ended by the end of input: the answer is kept
    waarschuwing = (f"let op: BB_DATAMAP='{tmp_path / 'bestand' / 'data'}' is geen map waarin bb kan schrijven; bb "
                    f"bewaart antwoorden en verslagen nu in een eigen map in de tijdelijke map (bb-<uid>) en werkt "
                    f"zonder cache. Geef een map waarin u kunt schrijven, of zet BB_DATAMAP niet.")
    assert uit.stderr.count(waarschuwing) == 1, uit.stderr
    bewaard = tijdelijk / f"bb-{os.getuid()}" / "lopend" / "klein.json"
    assert f"Uw antwoorden zijn bewaard in {bewaard}." in uit.stderr, uit.stderr
    assert json.loads(bewaard.read_text(encoding="utf-8"))["antwoorden"] == {"doel": "inzichten"}
    assert not list(thuis.rglob("*")), list(thuis.rglob("*"))  # nothing in the real data folder
