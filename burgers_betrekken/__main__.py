"""Allow `python -m burgers_betrekken`."""

from burgers_betrekken.start import main

main()
