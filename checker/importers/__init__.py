"""Importers: machine-readable facts from published packages -> matrix YAML (a maintainer's tool).

They read unpacked npm package folders (fetched with ``npm pack``; the importers never touch the
network), parse the declarations with a real parser, tolerate the dirty forms found in the wild,
report what they could not read, and write statements marked ``imported`` with their provenance.
"""
