"""Allow `python -m burgers_betrekken`."""

from burgers_betrekken.opdrachtregel.start import main

main()
