"""Format-independent analysis of documents: dates, language tags, URLs (and later quotes)."""
