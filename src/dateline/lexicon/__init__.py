"""Reviewable data files: gazetteers, titles, lexicons (TSV with a header row)."""
