"""lezen — from bytes on disk to the typed model, with file:line:column at every problem.

Files are read once with a size limit (`bestanden`), parsed into located nodes (`knopen`, the
only module that talks to PyYAML), checked against the shape of each file kind declared once
(`vorm`), and built into the model by the readers (`boom`, `catalogus`, `scenarios`, ...).
`rapport` holds what `bb boom valideer` found; `json_schema` turns the shapes into JSON Schema.
May import: `kern`.
"""
