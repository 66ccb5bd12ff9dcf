"""The domain in plain Python: partial dates, events, citations and the filter. No Qt, no SQL."""
