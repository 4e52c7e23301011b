"""The build, top to bottom: read, resolve, convert, render, feeds, search, write; and what tells
that nothing changed since the last build.
"""
