"""The SQLite store: models, opening and migrating databases, and the queries the app asks."""
