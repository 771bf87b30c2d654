"""Writes of the guidance app: plans, sessions, evaluations."""
