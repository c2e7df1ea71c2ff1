"""annotator.store."""
