"""`bb boom website`: the tree as one HTML file that works offline in any current browser.

The page holds no engine: every advice was computed by bb when the page was built
(`toepassing.website`), and the script only asks the questions and looks the advice up. Nothing
is loaded from elsewhere; a Content-Security-Policy allows only the page's own script and style
(by hash). Text from the YAML reaches the page as JSON data and is put on the screen with
`textContent`, never as HTML, so a label cannot inject markup or script.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from typing import Any

from burgers_betrekken.kern.woorden import STUURTEKEN_BEREIKEN, STUURTEKENS, als_code, op_een_regel

STIJL = """
:root { --blauw: #01689b; --tekst: #1a1a1a; --rand: #767676; --fout: #a90000; --focus: #ffb612; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       font-size: 1.125rem; line-height: 1.5; color: var(--tekst); background: #fff; }
header { background: var(--blauw); color: #fff; padding: 0.75rem 1rem; }
header p { margin: 0; font-weight: 600; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 0.25rem; }
h1:focus, h2:focus { outline: none; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { padding: 0; }
.toelichting, .hint, .bron { color: #3b3b3b; }
.hint { margin: 0 0 0 2.25rem; font-size: 1rem; }
.optie { margin: 0.75rem 0; }
.optie input { width: 1.5rem; height: 1.5rem; margin: 0 0.5rem 0 0; vertical-align: -0.3rem; accent-color: var(--blauw); }
.optie label { cursor: pointer; }
textarea { width: 100%; font: inherit; border: 2px solid var(--rand); border-radius: 4px; padding: 0.5rem; }
.weet-niet { border-top: 1px solid var(--rand); padding-top: 0.75rem; }
.fout { color: var(--fout); font-weight: 600; border-left: 4px solid var(--fout); padding-left: 0.5rem; }
.voortgang { margin: 0; font-size: 1rem; }
progress { width: 100%; height: 0.5rem; accent-color: var(--blauw); }
.knoppen { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1.5rem 0; }
button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 4px; border: 2px solid var(--blauw);
         background: var(--blauw); color: #fff; cursor: pointer; min-height: 44px; }
button.tweede { background: #fff; color: var(--blauw); }
button.link { border: 0; background: none; color: var(--blauw); text-decoration: underline; padding: 0.25rem; min-height: 0; }
:focus-visible { outline: 3px solid var(--tekst); outline-offset: 2px; box-shadow: 0 0 0 6px var(--focus); }
dl { margin: 0; }
dt { font-weight: 600; margin-top: 0.75rem; }
dd { margin: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; justify-content: space-between; }
.kop { border-left: 6px solid var(--blauw); padding: 0.25rem 0 0.25rem 0.75rem; }
.kop p { margin: 0.25rem 0; }
ul.instrumenten { list-style: none; padding: 0; }
ul.instrumenten > li, ul.afgevallen > li { margin-bottom: 0.75rem; }
.let-op { border: 1px solid var(--rand); border-radius: 4px; padding: 0.25rem 0.75rem; margin: 0.75rem 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  header { background: none; color: #000; border-bottom: 2px solid #000; }
  .knoppen, .voortgang, progress, button { display: none !important; }
  main { max-width: none; }
  a { color: #000; }
}
"""

SCRIPT = r"""
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("bb-gegevens").textContent);
  const WEET_NIET = "weet_niet";
  const EINDE = "advies";
  const opslag = "bb:" + D.boom.id + ":" + D.boom.sha256;
  const hoofd = document.getElementById("inhoud");
  let antwoorden = {};
  try { antwoorden = JSON.parse(sessionStorage.getItem(opslag) || "{}") || {}; } catch (e) { antwoorden = {}; }
  let wijzigen = false;  // editing from the review: after the answer, back to the review

  function lees(i) {
    const w = D.tabel[i];
    if (!Array.isArray(w)) return w;
    if (w[0] === "L") return w.slice(1).map(lees);
    const o = {};
    for (let j = 1; j < w.length; j += 2) o[lees(w[j])] = lees(w[j + 1]);
    return o;
  }
  function el(naam, eigenschappen, ...kinderen) {
    const e = document.createElement(naam);
    for (const [k, v] of Object.entries(eigenschappen || {})) {
      if (k === "tekst") e.textContent = v;
      else if (k === "klasse") e.className = v;
      else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : v);
    }
    for (const kind of kinderen) if (kind) e.append(kind);
    return e;
  }
  function bewaar() { try { sessionStorage.setItem(opslag, JSON.stringify(antwoorden)); } catch (e) { /* private mode */ } }
  function optie(vraag, antwoord) {
    const q = D.vragen[vraag];
    const id = antwoord === WEET_NIET && q.weet_niet ? q.weet_niet.optie : antwoord;
    return q.opties.find(function (o) { return o.id === id; });
  }
  // The questions on the route the answers so far take; complete when it reaches the advice.
  function route() {
    const vragen = [];
    let v = D.boom.start;
    while (v !== EINDE && vragen.indexOf(v) < 0) {
      vragen.push(v);
      const o = antwoorden[v] === undefined ? undefined : optie(v, antwoorden[v]);
      if (!o) return { vragen: vragen, klaar: false };
      v = o.volgende;
    }
    return { vragen: vragen, klaar: v === EINDE };
  }
  function sleutel(vragen) {  // "weet ik niet" is the position after the last option
    return vragen.map(function (v) {
      const q = D.vragen[v];
      return antwoorden[v] === WEET_NIET ? q.opties.length : q.opties.indexOf(optie(v, antwoorden[v]));
    }).join(".");
  }
  function twee(n) { return (n < 10 ? "0" : "") + n; }
  // Python's html.escape of text whose whitespace runs became one space (verslag_html._e); the
  // characters are Python's whitespace (str.split), which differ from JavaScript's \s
  const WIT = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  // woorden.STUURTEKENS, shown as \uXXXX as woorden.op_een_regel does
  const STUUR = /[__STUURTEKENS__]/gu;
  function escape(tekst) {
    return tekst.split(WIT).filter(Boolean).join(" ")
      .replace(STUUR, function (c) {  // woorden.als_code
        const n = c.codePointAt(0);
        return n > 0xffff ? "\\U" + ("0000000" + n.toString(16)).slice(-8) : "\\u" + ("000" + n.toString(16)).slice(-4);
      })
      .replace(/&/g, "&amp;").replace(/</g, "&lt;")
      .replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }
  // The record of `bb advies --uitvoer x.html` for this advice, dated now, with the motivation typed.
  function verslag(a, motivering, nu) {
    const datum = twee(nu.getDate()) + "-" + twee(nu.getMonth() + 1) + "-" + nu.getFullYear() + " " +
      twee(nu.getHours()) + ":" + twee(nu.getMinutes());
    const regels = [].concat.apply([], a.verslag.delen).map(function (r) {
      if (r === D.verslag.datum) return '<tr><th scope="row">Datum</th><td>' + datum + "</td></tr>";
      if (r === D.verslag.ontbreekt && motivering && motivering.split(WIT).some(Boolean)) return "<blockquote>" + escape(motivering) + "</blockquote>";
      return r;
    });
    return regels.join("\n");  // the record's own last line break is its last, empty line
  }
  function veldMotivering() { const v = document.getElementById("motivering"); return v ? v.value : ""; }
  function diepte() { return (history.state && history.state.diepte) || 0; }  // steps of this visit before this one
  function ga(stap, vervang) {
    if (vervang) history.replaceState({ stap: stap, diepte: diepte() }, "", "#" + stap);
    else history.pushState({ stap: stap, diepte: diepte() + 1 }, "", "#" + stap);
    toon(stap);
  }
  // "Vorige": a step back in the browser's history, as its own Back button does; at the first step
  // of a visit (the page opened at a later step, from a bookmark) the step before it, so the user
  // does not leave the page
  function terug(eerder) {
    if (diepte() > 0) history.back();
    else ga(eerder, true);
  }
  function focus(kop) { kop.setAttribute("tabindex", "-1"); kop.focus(); }
  function leeg() { while (hoofd.firstChild) hoofd.removeChild(hoofd.firstChild); }

  function toonVraag(v) {
    const q = D.vragen[v];
    const r = route();
    const nummer = r.vragen.indexOf(v) + 1;
    const totaal = nummer + q.rest;
    document.title = "Vraag " + nummer + ": " + q.tekst + " — " + D.boom.titel;
    const fout = el("p", { id: "fout", klasse: "fout", role: "alert", hidden: true, tekst: "Kies een antwoord om verder te gaan." });
    const veld = el("fieldset", { "aria-describedby": (q.toelichting ? "toelichting " : "") + "fout" },
      el("legend", {}, el("h1", { id: "vraag", tekst: q.tekst })),
      q.toelichting ? el("p", { id: "toelichting", klasse: "toelichting", tekst: q.toelichting }) : null,
      fout);
    const keuzes = q.opties.map(function (o, i) { return [o.id, o.label, o.toelichting, "o" + i]; });
    if (q.weet_niet) keuzes.push([WEET_NIET, "Weet ik niet", q.weet_niet.aanname, "o-weet-niet"]);
    for (const [id, label, hint, html_id] of keuzes) {
      const invoer = el("input", { type: "radio", name: "antwoord", id: html_id, value: id,
        "aria-describedby": hint ? html_id + "-hint" : null });
      if (antwoorden[v] === id) invoer.checked = true;
      veld.append(el("div", { klasse: "optie" + (id === WEET_NIET ? " weet-niet" : "") }, invoer,
        el("label", { for: html_id, tekst: label }),
        hint ? el("p", { id: html_id + "-hint", klasse: "hint", tekst: hint }) : null));
    }
    const vorige = el("button", { type: "button", klasse: "tweede", id: "vorige", tekst: "Vorige" });
    vorige.addEventListener("click", function () { terug(wijzigen || nummer < 2 ? "overzicht" : "vraag-" + r.vragen[nummer - 2]); });
    const form = el("form", { novalidate: true },
      el("p", { klasse: "voortgang", tekst: "Vraag " + nummer + " van maximaal " + totaal }),
      el("progress", { max: String(totaal), value: String(nummer - 1), "aria-label": "Voortgang" }),
      veld,
      el("div", { klasse: "knoppen" }, nummer > 1 || wijzigen ? vorige : null,
        el("button", { type: "submit", id: "volgende", tekst: "Volgende" })));
    form.addEventListener("submit", function (gebeurtenis) {
      gebeurtenis.preventDefault();
      const gekozen = form.querySelector("input[name=antwoord]:checked");
      if (!gekozen) {
        // emptied and filled again, so a screen reader announces it also on a second try
        const melding = fout.textContent;
        fout.textContent = "";
        fout.hidden = false;
        setTimeout(function () { fout.textContent = melding; }, 100);
        form.querySelector("input[name=antwoord]").focus();
        return;
      }
      antwoorden[v] = gekozen.value;
      bewaar();
      const nu = route();
      const hier = nu.vragen.indexOf(v);
      if (nu.klaar && (wijzigen || hier === nu.vragen.length - 1)) { wijzigen = false; ga("overzicht"); }
      else ga("vraag-" + nu.vragen[hier + 1]);
    });
    leeg();
    hoofd.append(form);
    focus(hoofd.querySelector("h1"));
  }

  function antwoordTekst(v) {
    const o = optie(v, antwoorden[v]);
    return antwoorden[v] === WEET_NIET ? "Weet ik niet (aangenomen: " + o.label + ")" : o.label;
  }

  function toonOverzicht() {
    const r = route();
    if (!r.klaar) return ga("vraag-" + r.vragen[r.vragen.length - 1], true);
    document.title = "Uw antwoorden — " + D.boom.titel;
    const lijst = el("dl", { id: "antwoorden" });
    for (const v of r.vragen) {
      const knop = el("button", { type: "button", klasse: "link", "data-vraag": v },
        document.createTextNode("Wijzig"), el("span", { klasse: "sr", tekst: " het antwoord op: " + D.vragen[v].tekst }));
      knop.addEventListener("click", function () { wijzigen = true; ga("vraag-" + v); });
      lijst.append(el("dt", { tekst: D.vragen[v].tekst }), el("dd", {}, el("span", { tekst: antwoordTekst(v) }), knop));
    }
    const verder = el("button", { type: "button", id: "toon-advies", tekst: "Toon het advies" });
    verder.addEventListener("click", function () { ga("advies"); });
    const vorige = el("button", { type: "button", klasse: "tweede", tekst: "Vorige" });
    vorige.addEventListener("click", function () { terug("vraag-" + r.vragen[r.vragen.length - 1]); });
    leeg();
    hoofd.append(el("h1", { tekst: "Uw antwoorden" }),
      el("p", { tekst: "Kijk uw antwoorden na. Met Wijzig past u een antwoord aan." }), lijst,
      el("div", { klasse: "knoppen" }, vorige, verder));
    focus(hoofd.querySelector("h1"));
  }

  function lijstVan(teksten, klasse) {
    const ul = el("ul", { klasse: klasse || null });
    for (const t of teksten) ul.append(el("li", { tekst: t }));
    return ul;
  }

  function toonAdvies() {
    const r = route();
    if (!r.klaar) return ga("vraag-" + r.vragen[r.vragen.length - 1], true);
    const a = lees(D.adviezen[sleutel(r.vragen)]);
    const trede = D.treden[a.niveau];
    document.title = "Advies: " + trede.naam + " — " + D.boom.titel;
    const delen = [el("h1", { tekst: "Advies" })];
    const kop = el("section", { klasse: "kop", id: "advies-kop", "data-niveau": a.niveau, "aria-label": "Het advies in het kort" },
      a.voorlopig ? el("p", { id: "advies-voorlopig", tekst: a.voorlopig }) : null,  // first: all below rests on it
      el("p", { id: "advies-trede", tekst: a.participatie ? "Dit is participatie op de trede " + trede.naam + "."
        : "Dit is geen participatie: het advies komt uit op de trede " + trede.naam.toLowerCase() + "." }),
      a.route ? el("p", { id: "advies-route", tekst: a.route.regel }) : null,  // above the ranking, as in bb advies
      el("p", { id: "advies-kopregel", tekst: a.kop }),  // the decision first, as in bb advies
      el("p", { tekst: trede.omschrijving }),
      a.belofte ? el("p", { id: "advies-belofte", tekst: "Belofte aan deelnemers: " + a.belofte.tekst }) : null,
      a.belofte && a.belofte.bron ? el("p", { klasse: "bron", tekst: "Bron: " + a.belofte.bron }) : null);
    delen.push(kop);
    const aannames = r.vragen.filter(function (v) { return antwoorden[v] === WEET_NIET; });
    if (aannames.length) {
      delen.push(el("h2", { tekst: "Aannames" }),
        lijstVan(aannames.map(function (v) { return D.vragen[v].weet_niet.aanname; }), "aannames"));
    }
    if (a.route) {
      const ol = el("ol", { klasse: "route", id: "route" });
      for (const s of a.route.stappen) {
        ol.append(el("li", {}, el("strong", { tekst: s.naam }),
          document.createTextNode((s.trede ? " (beoordeeld op de trede " + s.trede.toLowerCase() + ")" : "") + ": " + s.waarom)));
      }
      delen.push(el("h2", { tekst: "Aanbevolen route" }), ol, el("p", { tekst: "Waarom: " + a.route.reden }),
        el("p", { klasse: "bron", tekst: "Bron: " + a.route.bron }), el("p", { tekst: a.route.alternatief }));
    }
    // a route that fits the answers but cannot be done: under its own heading, why not
    else if (a.route_noot) delen.push(el("h2", { tekst: "Aanbevolen route" }), el("p", { id: "route-noot", tekst: a.route_noot }));
    if (a.gelijk.length) {
      delen.push(el("h2", { tekst: "Even passend" }),
        lijstVan(a.gelijk.map(function (p) { return p[0] + ": " + p[1]; })));
    }
    if (a.waarom_geen.length) delen.push(el("h2", { tekst: "Waarom geen instrument past" }), lijstVan(a.waarom_geen));
    if (a.instrumenten.length) {
      // a list without numbers: equally fit instruments share a rank, which each heading shows
      const ol = el("ul", { klasse: "instrumenten", id: "instrumenten" });
      for (const x of a.instrumenten) {
        ol.append(el("li", { klasse: "instrument", "data-id": x.id, "data-rang": String(x.rang),
          "data-beste": a.beste.indexOf(x.id) >= 0 ? "ja" : null },
          el("h3", { tekst: x.rang + ". " + x.naam }), lijstVan(x.redenen),
          x.voorrang.length ? el("p", { tekst: "Gaat voor omdat: " + x.voorrang.join("; ") }) : null));
      }
      delen.push(el("h2", { tekst: "Passende instrumenten" }), ol);
    }
    if (a.afgevallen.length) {
      const ul = el("ul", { klasse: "afgevallen", id: "afgevallen" });
      for (const x of a.afgevallen) ul.append(el("li", { "data-id": x.id }, el("strong", { tekst: x.naam }), lijstVan(x.redenen)));
      delen.push(el("h2", { tekst: "Afgevallen instrumenten" }), ul);
    }
    if (a.let_op.length) {
      delen.push(el("h2", { tekst: "Let op" }));
      for (const lo of a.let_op) {
        delen.push(el("section", { klasse: "let-op", "data-id": lo.id },
          el("h3", { tekst: lo.titel }), el("p", { tekst: lo.tekst }), el("p", { klasse: "bron", tekst: "Bron: " + lo.bron })));
      }
    }
    // remedies first; what less room, budget or time would do apart, under a line that says it is no advice
    const oplossingen = el("ul", { klasse: "wat-als" }), gevolgen = el("ul", { klasse: "wat-als gevolgen" });
    a.wat_als.forEach(function (w, i) {
      const knop = el("button", { type: "button", klasse: "link", "data-wat-als": String(i) },
        document.createTextNode("Bekijk dit advies"), el("span", { klasse: "sr", tekst: ": " + w.verandering }));
      knop.addEventListener("click", function () { probeer(w.antwoorden); });
      (w.richting === "minder" ? gevolgen : oplossingen).append(
        el("li", {}, el("span", { klasse: "wat-als-tekst", tekst: w.verandering }), document.createTextNode(" "), knop));
    });
    if (a.wat_als.length || a.wat_als_geen) delen.push(el("h2", { tekst: "Wat als" }));
    if (oplossingen.children.length) delen.push(oplossingen);
    else if (a.wat_als_geen) delen.push(el("p", { klasse: "wat-als-geen", tekst: a.wat_als_geen }));
    if (gevolgen.children.length) delen.push(el("p", { klasse: "gevolg", tekst: a.wat_als_gevolg_kop }), gevolgen);
    if (a.verslag.motivering) {
      delen.push(el("h2", { tekst: "Motivering (pas toe of leg uit)" }),
        el("p", { id: "waarom-motivering", tekst: a.verslag.motivering }),
        el("label", { for: "motivering", tekst: "Uw motivering (komt in het verslag)" }));
      // what the user types is kept per advice, through Back, 'wat als' and a reload
      const bewaarplek = opslag + ":motivering:" + sleutel(r.vragen);
      const veld = el("textarea", { id: "motivering", rows: "4", "aria-describedby": "waarom-motivering" });
      try { veld.value = sessionStorage.getItem(bewaarplek) || ""; } catch (e) { /* private mode */ }
      veld.addEventListener("input", function () {
        try { sessionStorage.setItem(bewaarplek, veld.value); } catch (e) { /* private mode */ }
      });
      delen.push(veld);
    }
    if (D.checklist.length) delen.push(el("h2", { tekst: "Checklist voor het dossier" }), lijstVan(D.checklist));
    const afdrukken = el("button", { type: "button", tekst: "Afdrukken of bewaren als PDF" });
    afdrukken.addEventListener("click", function () { window.print(); });
    const bewaren = el("button", { type: "button", id: "bewaar-verslag", tekst: "Bewaar het verslag (HTML)" });
    bewaren.addEventListener("click", function () {
      const nu = new Date();
      const bestand = new Blob([verslag(a, veldMotivering(), nu)], { type: "text/html" });
      const link = el("a", { href: URL.createObjectURL(bestand), download: "advies-" + D.boom.id + "-" +
        nu.getFullYear() + twee(nu.getMonth() + 1) + twee(nu.getDate()) + "-" + twee(nu.getHours()) + twee(nu.getMinutes()) + ".html" });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);  // the download has the file by then
    });
    const wijzig = el("button", { type: "button", klasse: "tweede", tekst: "Antwoorden wijzigen" });
    wijzig.addEventListener("click", function () { ga("overzicht"); });
    const opnieuw = el("button", { type: "button", klasse: "tweede", id: "opnieuw", tekst: "Opnieuw beginnen" });
    opnieuw.addEventListener("click", function () { antwoorden = {}; bewaar(); ga("vraag-" + D.boom.start); });
    delen.push(el("div", { klasse: "knoppen" }, bewaren, afdrukken, wijzig, opnieuw));
    leeg();
    hoofd.append(...delen);
    focus(hoofd.querySelector("h1"));
  }

  // "Wat als": the advice with these answers changed. Only the answers on the current route count
  // (as in the engine): an answer left from a branch the user turned away from is not used, so a
  // change that leads to new questions asks them. The answers of each advice step are kept in the
  // browser's history, so Back returns to the advice as it was.
  function probeer(wijziging) {
    const d = diepte();
    history.replaceState({ stap: "advies", antwoorden: Object.assign({}, antwoorden), diepte: d }, "", "#advies");
    const opRoute = {};
    for (const v of route().vragen) opRoute[v] = antwoorden[v];
    antwoorden = Object.assign(opRoute, wijziging);
    bewaar();
    const r = route();
    const stap = r.klaar ? "advies" : "vraag-" + r.vragen[r.vragen.length - 1];
    history.pushState({ stap: stap, antwoorden: Object.assign({}, antwoorden), diepte: d + 1 }, "", "#" + stap);
    toon(stap);
  }

  function toon(stap) {
    if (stap === "overzicht") return toonOverzicht();
    if (stap === "advies") return toonAdvies();
    const v = stap.indexOf("vraag-") === 0 ? stap.slice(6) : null;
    if (v && D.vragen[v] && route().vragen.indexOf(v) >= 0) return toonVraag(v);
    const r = route();  // an unknown or unreachable step: the first question without an answer
    return r.klaar ? ga("overzicht", true) : ga("vraag-" + r.vragen[r.vragen.length - 1], true);
  }
  window.addEventListener("popstate", function (g) {
    wijzigen = false;
    if (g.state && g.state.antwoorden) { antwoorden = Object.assign({}, g.state.antwoorden); bewaar(); }
    toon(g.state && g.state.stap ? g.state.stap : location.hash.slice(1));
  });
  const begin = location.hash.slice(1) || "vraag-" + D.boom.start;
  // a reload keeps what this history entry holds (the answers of a "wat als" step)
  if (history.state && history.state.antwoorden) antwoorden = Object.assign({}, history.state.antwoorden);
  history.replaceState(Object.assign({}, history.state, { stap: begin }), "", "#" + begin);
  toon(begin);
})();
""".replace("__STUURTEKENS__", "".join(f"\\u{{{a:x}}}-\\u{{{b:x}}}" for a, b in STUURTEKEN_BEREIKEN))
"""The page's script; its character class of control characters is `woorden.STUURTEKEN_BEREIKEN`."""


def _hash(tekst: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(tekst.encode("utf-8")).digest()).decode("ascii")


def als_json_in_html(data: Any) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' survives, so
    no text from the YAML can close the element or start a comment. A control character, zero-width
    mark or bidi override in a text (`woorden.STUURTEKENS`; JSON itself escapes only the first 32)
    is shown as \\uXXXX, as the Markdown and HTML records show it, so no label reads backwards."""
    tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # line and paragraph separators stay what they are (white space, as in the records), escaped as JSON
    tekst = tekst.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    tekst = STUURTEKENS.sub(lambda m: "\\" + als_code(m.group(0)), tekst)  # a JSON "\\u202e": the text \\u202e
    return tekst.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def pagina(gegevens: dict[str, Any]) -> str:
    """The whole page: markup, style, the data and the script, in one file."""
    boom = gegevens["boom"]
    csp = (f"default-src 'none'; script-src '{_hash(SCRIPT)}'; style-src '{_hash(STIJL)}'; "
           f"base-uri 'none'; form-action 'none'")
    titel = html.escape(op_een_regel(boom["titel"]))
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=False)}">
<meta name="generator" content="bb (burgers betrekken)">
<title>{titel}</title>
<style>{STIJL}</style>
</head>
<body>
<header><p>{titel}</p></header>
<main id="inhoud" tabindex="-1">
<noscript><p>Deze beslishulp heeft JavaScript nodig. Zet JavaScript aan, of vraag de beheerder van
uw beslisboom om de Markdown-versie (bb boom document).</p></noscript>
</main>
<script type="application/json" id="bb-gegevens">{als_json_in_html(gegevens)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
