"""Other programs' files, one module per format, read to and written from the domain.

Plain Python, no Qt (an import contract in pyproject.toml keeps it so).
"""
