"""toepassing — one use case per command that does more than load and show: `advieszitting`
runs `bb advies` from options to advice, record and autosave, and is the one place that turns
Ctrl-C and end of input at a question into "Afgebroken" with the way back; `validatie` runs
`bb boom valideer` over any mix of files and returns one report.
May import: every layer above the command line.
"""
