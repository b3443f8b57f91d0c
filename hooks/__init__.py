"""mlhooks: pre-commit hooks that keep ML repositories inside the guideline.

The package is laid out as a row of small hook modules (one per hook id, named after the
id with underscores) over a thin shared core (the modules with a leading underscore).
Imports point down only: hooks import the core, the core never imports a hook, and no
hook imports another. ``cli`` is the umbrella command above them all.
"""

__version__ = "0.1.0"
