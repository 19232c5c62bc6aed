"""Benchmarks and the synthetic content corpus: outside the product, imported by nothing in it."""
