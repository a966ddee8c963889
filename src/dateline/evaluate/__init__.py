"""Scorers for the public gold data sets in ``shared/data`` (read at evaluation time only)."""
