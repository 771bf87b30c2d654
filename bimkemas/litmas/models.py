"""Litmas (penelitian kemasyarakatan): requests, public tracking, structured reports, review and
versions.
"""
