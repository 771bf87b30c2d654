"""Demo and benchmark data: Bapas Kelas I Palembang as in DOMAIN.md §8, its two neighbours,
and optionally a national set of generated offices (`demo_data --scale N`).

Everything is drawn from `random.Random` seeded per office, so a seed gives the same data
whatever the scale, and rows are written with `bulk_create` (no per-row services or audit).
"""
