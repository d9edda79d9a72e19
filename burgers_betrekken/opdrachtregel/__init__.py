"""opdrachtregel — the `bb` command: `start` (the entry point), `opdrachten` (the Typer app and
`main`, the one place that turns errors into a Dutch message and an exit code), `basis` (what
all commands share) and one module per command group (`advies`, `boom`). Parses options and
wires the layers; holds no logic of its own.
May import: every layer.
"""
