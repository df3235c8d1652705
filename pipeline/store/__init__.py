"""Store: JSON Lines, the SQLite database, and what reads it (query, export, serve, show)."""
