"""Benchmarks and the synthetic corpus they run on (`python -m directive_portal.bench...`)."""
