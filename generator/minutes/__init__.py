"""From Markdown bodies to facts: the HTML, the agenda, decisions and assignments, mentions of
federations and projects, and the cross-references between meetings.
"""
