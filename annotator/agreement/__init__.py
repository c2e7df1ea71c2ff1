"""annotator.agreement."""
