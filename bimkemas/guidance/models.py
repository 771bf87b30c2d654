"""The guidance programme per stage: plans, activities, evaluations (progress reports) and
coverage.
"""
