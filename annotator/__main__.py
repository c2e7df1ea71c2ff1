"""`python -m annotator` runs the command-line interface."""

from annotator.cli import main

if __name__ == "__main__":
    main()
