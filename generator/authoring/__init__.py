"""What an editor runs besides the build: new, check, serve with its live preview, init,
publish, import.
"""
