"""The full-text search index (Pagefind).
"""
