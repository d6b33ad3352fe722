"""Benchmarks printed by `make bench`: agenda search and booking, conversation turns."""
