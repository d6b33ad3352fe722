"""Evaluation reports printed by `make eval` (NLU on held-out messages, FAQ answers)."""
