"""annotator.link."""
