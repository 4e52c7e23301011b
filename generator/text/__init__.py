"""Words, dates and pasted text: slugs, Swedish dates and times, what Word leaves behind, HTML
fragments, colour contrast. Knows nothing of the site; every other layer may use it.
"""
