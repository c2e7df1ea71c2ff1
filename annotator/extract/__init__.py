"""annotator.extract."""
