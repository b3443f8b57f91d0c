"""mlhooks: pre-commit hooks that keep ML repositories inside the guideline.

The package is a row of small hook modules (one per hook id, named after the id with
underscores) over modules with a leading underscore. Those are of two kinds: the core
every hook stands on (``_cli``, ``_config``, ``_diagnostics``, ``_files``, ``_noqa``,
``_python``, ``_notebooks``), and knowledge modules that hold what one family of hooks
must know about a tool or format (``_jupytext``/``_percent``/``_pairing`` for jupytext,
``_linters`` for black/isort/flake8, ``_dvcfiles`` for DVC, ``_docstrings`` for
docstring styles, ...), so a hook module keeps only its rules and messages. Messages are
English ``str.format`` templates passed through ``_i18n.tr``; their Japanese and the
explanation of every code live in the rule book ``rules/*.toml``. Imports
point down only: hooks import underscore modules, underscore modules never import a
hook, and no hook imports another. ``cli`` is the umbrella command above them all.
"""

__version__ = "0.1.0"
