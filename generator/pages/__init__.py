"""The HTML pages: the Jinja2 environment and one job per page, by page family.
"""
