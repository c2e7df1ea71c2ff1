"""Command-line interface (placeholder until the commands land)."""


def main() -> None:
    """Entry point of the `annotator` console script."""
    raise SystemExit("annotator: commands not yet wired")
