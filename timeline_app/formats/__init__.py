"""Other programs' timeline files, read into the domain and written from it; no Qt here."""
