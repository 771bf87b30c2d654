"""Home visits: planned from the worklist, recorded in the field (offline), ordered into day
routes.
"""
