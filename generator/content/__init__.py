"""From files to the resolved site: front matter read as typed, the schema, site.yaml, the
records and the Site every reference is resolved in, URLs, themes, attachments.
"""
