"""Benchmarks and the synthetic corpus they run on (`python -m benchmarks...`)."""
