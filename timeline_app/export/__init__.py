"""Exporting what the reader is looking at: a complete, citable PDF (later JSON and CSV)."""
