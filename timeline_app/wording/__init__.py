"""The words a reader sees for dates and sources: one formatter for the window, the PDF and the
command line. Plain Python, so the command line uses it without loading Qt."""
