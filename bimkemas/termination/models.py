"""Ending a case: completion with its certificate, death, transfer to another Bapas, after-care
enrolment.
"""
