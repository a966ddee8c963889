"""Scorers for the public gold sets in ``../shared/data`` (read at run time, never bundled)."""
