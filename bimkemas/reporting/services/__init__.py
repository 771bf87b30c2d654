"""Writes of the reporting app: check-ins, schedules, excuses, client app access."""
