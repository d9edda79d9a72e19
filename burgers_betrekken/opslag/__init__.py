"""opslag — what bb keeps between runs: caches that only make it faster, and the autosave.

A cache entry is trusted only when its folder and file are the user's own and its HMAC under
bb's own key is intact (`cachebestand`); `laden` is the one loader of a tree with its catalogue, from the model
cache when the bytes are the same. `bewaren` keeps the answers of an unfinished interview.
May import: `kern`, `lezen`.
"""
