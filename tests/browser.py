"""A small client of the Chrome DevTools Protocol for the page tests: headless Chromium started
with `--remote-debugging-pipe` (commands on fd 3, answers on fd 4, each a JSON message ending in
NUL), so no WebSocket library and no network port are needed."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import IN_CI


def chromium_pad() -> str:
    """The browser itself: Debian's `chromium` is a shell script around /usr/lib/chromium/chromium."""
    if os.access("/usr/lib/chromium/chromium", os.X_OK):
        return "/usr/lib/chromium/chromium"
    pad = shutil.which("chromium") or shutil.which("chromium-browser")
    if pad is None:
        if IN_CI:
            pytest.fail("chromium must be on PATH under CI; .ci/run installs the Debian package chromium")
        pytest.skip("chromium is not installed (Debian package chromium)")
    return pad


class Browser:
    def __init__(self, profiel: Path, breedte: int = 1024, hoogte: int = 900) -> None:
        naar_lezen, self._naar = os.pipe()  # we write commands; Chromium reads them on fd 3
        self._van, van_schrijven = os.pipe()  # Chromium writes answers on fd 4

        def fds() -> None:  # in the child, before exec: the two pipe ends on fd 3 and 4, inheritable
            a, b = os.dup(naar_lezen), os.dup(van_schrijven)  # first copies, so neither end is overwritten
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proces = subprocess.Popen(
            [chromium_pad(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={profiel}", f"--window-size={breedte},{hoogte}",
             "about:blank"],
            close_fds=False, preexec_fn=fds,  # Python's own descriptors are not inheritable
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(naar_lezen)
        os.close(van_schrijven)
        self._buffer = b""
        self._volgnummer = 0
        self.gebeurtenissen: list[dict[str, Any]] = []
        doel = next(t for t in self.stuur("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.sessie = self.stuur("Target.attachToTarget", targetId=doel["targetId"], flatten=True)["sessionId"]
        self.stuur("Page.enable", sessie=True)
        self.stuur("Runtime.enable", sessie=True)
        self.stuur("Emulation.setDeviceMetricsOverride", sessie=True, width=breedte, height=hoogte,
                   deviceScaleFactor=1, mobile=breedte < 600)

    def _lees_bericht(self, tot: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            over = tot - time.monotonic()
            if over <= 0 or not select.select([self._van], [], [], over)[0]:
                raise TimeoutError("Chromium did not answer in time")
            brok = os.read(self._van, 1 << 16)
            if not brok:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += brok
        bericht, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(bericht)

    def stuur(self, methode: str, sessie: bool = False, wacht: float = 30, **params: Any) -> dict[str, Any]:
        self._volgnummer += 1
        bericht: dict[str, Any] = {"id": self._volgnummer, "method": methode, "params": params}
        if sessie:
            bericht["sessionId"] = self.sessie
        os.write(self._naar, json.dumps(bericht).encode() + b"\0")
        tot = time.monotonic() + wacht
        while True:
            antwoord = self._lees_bericht(tot)
            if antwoord.get("id") == self._volgnummer:
                if "error" in antwoord:
                    raise RuntimeError(f"{methode}: {antwoord['error']}")
                return antwoord.get("result", {})
            self.gebeurtenissen.append(antwoord)

    def wacht_op(self, methode: str, wacht: float = 30) -> dict[str, Any]:
        for i, g in enumerate(self.gebeurtenissen):
            if g.get("method") == methode:
                return self.gebeurtenissen.pop(i)
        tot = time.monotonic() + wacht
        while True:
            g = self._lees_bericht(tot)
            if g.get("method") == methode:
                return g
            self.gebeurtenissen.append(g)

    def open(self, url: str) -> None:
        self.gebeurtenissen.clear()
        self.stuur("Page.navigate", sessie=True, url=url)
        self.wacht_op("Page.loadEventFired")

    def js(self, expressie: str) -> Any:
        uit = self.stuur("Runtime.evaluate", sessie=True, expression=expressie, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in uit:
            raise RuntimeError(f"{expressie}: {uit['exceptionDetails']}")
        return uit["result"].get("value")

    def axe(self) -> list[dict[str, Any]]:
        """The violations axe-core finds on the page as it is now, for WCAG 2.1 A and AA and axe's best
        practices. axe-core is the JavaScript file that the test dependency axe-core-python ships; it is
        evaluated through the DevTools protocol, which the page's Content-Security-Policy does not bind."""
        if not self.js("typeof window.axe === 'object'"):
            bron = resources.files("axe_core_python").joinpath("axe.min.js").read_text(encoding="utf-8")
            self.js(bron + ";0")
        return self.js("""axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
          .then(r => r.violations.map(v => ({id: v.id, hulp: v.help,
            waar: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))""")

    def toets(self, toets: str, tekst: str = "", shift: bool = False) -> None:
        """A real key press (keyDown and keyUp), as a keyboard user gives it; with Shift held if asked."""
        codes = {"Tab": 9, "Enter": 13, " ": 32, "ArrowDown": 40, "ArrowUp": 38}
        tekst = tekst or {"Enter": "\r", " ": " "}.get(toets, "")
        for soort in ("keyDown", "keyUp"):
            self.stuur("Input.dispatchKeyEvent", sessie=True, type=soort, key=toets,
                       code="Space" if toets == " " else toets, windowsVirtualKeyCode=codes.get(toets, 0),
                       text=tekst if soort == "keyDown" else "", modifiers=8 if shift else 0)

    def download(self, map_: Path, klik: str, wacht: float = 20) -> Path:
        """Click `klik` (a CSS selector) and return the file the page downloads into `map_`."""
        map_.mkdir(parents=True, exist_ok=True)
        self.stuur("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(map_), eventsEnabled=True)
        self.js(f"document.querySelector({json.dumps(klik)}).click()")
        tot = time.monotonic() + wacht
        while time.monotonic() < tot:
            klaar = [p for p in map_.iterdir() if not p.name.endswith(".crdownload")]
            if klaar:
                return klaar[0]
            time.sleep(0.1)
        raise TimeoutError(f"nothing was downloaded into {map_}")

    def terug(self) -> None:
        """The browser's own back button."""
        geschiedenis = self.stuur("Page.getNavigationHistory", sessie=True)
        vorige = geschiedenis["entries"][geschiedenis["currentIndex"] - 1]
        self.stuur("Page.navigateToHistoryEntry", sessie=True, entryId=vorige["id"])

    def sluit(self) -> None:
        try:
            self.stuur("Browser.close", wacht=5)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proces.kill()
            self.proces.wait()
        os.close(self._naar)
        os.close(self._van)
