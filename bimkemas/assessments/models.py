"""Risk and needs assessments: instruments defined as versioned data, assessments scored into bands
and need domains.
"""
