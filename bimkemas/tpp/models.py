"""TPP sessions (Tim Pengamat Pemasyarakatan): agenda, attendance, recommendations, decisions,
stage transitions, minutes.
"""
