"""Readers: one input file → the lines the importer reads (plain text or Markdown-ish)."""
