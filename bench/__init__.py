"""Benchmarks: timings printed as ratios against a bare PySide6 baseline (design.md)."""
