"""The MkDocs adapter: the only modules that import MkDocs.

`plugin.py` maps MkDocs' events to one `pipeline.build()` and hands MkDocs its pages
and files; `commands.py` runs MkDocs for `portal build` and `portal serve`. A second
adapter (Zensical, ProperDocs) would do the same two things with the same `Build`.
"""
