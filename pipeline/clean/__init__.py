"""Clean: each line of a page becomes title, meta, body, caption or boilerplate; language is told."""
