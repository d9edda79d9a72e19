"""uitvoer — everything bb shows or writes: Rich on the screen (the only layer that imports
Rich), the record as Markdown, HTML and JSON, the tree as Mermaid, dot and Markdown, and the
starter folder of `bb init`. Turns model and advice into text; decides nothing about the advice.
May import: `kern`, `lezen`, `opslag`, `vragen`.
"""
