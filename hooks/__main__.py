"""``python -m mlhooks`` runs the umbrella command."""

from mlhooks.cli import main

raise SystemExit(main())
