"""Allow `python -m burgers_betrekken`."""

from burgers_betrekken.cli import main

main()
