"""kern — the model and everything pure built on it.

The frozen dataclasses of a tree and a catalogue, the engine that turns answers into advice,
the state of an interview, all paths through a tree, "wat als", the explanation of an advice,
browsing the catalogue and the sentences every output shares. No I/O and no printing.
May import: nothing of bb outside `kern` (only the standard library).
"""
