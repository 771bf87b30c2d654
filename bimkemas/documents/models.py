"""Generated documents: DOCX (docxtpl, office-replaceable templates) and PDF (WeasyPrint), each
stored as a version with its audit row.
"""
