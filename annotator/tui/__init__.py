"""annotator.tui."""
