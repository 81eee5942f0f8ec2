"""Attainment analytics: status rule, pandas frames, benchmark, annual results."""
