"""Per-language word lists for quote attribution (one JSON file per language)."""
