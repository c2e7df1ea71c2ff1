"""Composes reading, extraction, linking and storage into `ingest`."""
