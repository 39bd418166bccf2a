"""Benchmarks: ratios against a baseline measured in the same run. Not part of the test run."""
