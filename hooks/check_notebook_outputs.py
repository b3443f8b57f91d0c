"""check-notebook-outputs: report notebooks committed with outputs or run state.

The same findings as strip-notebook-outputs, for CI, where nothing may be rewritten:
the guideline discourages notebooks, git does not suit them, and outputs are the usual
leak of personal data and API keys that its compliance rules forbid. Never writes.
"""

from __future__ import annotations

from typing import Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._diagnostics import Diagnostic
from mlhooks._outputs import CODES, OPTIONS, check_notebooks

HOOK_ID = "check-notebook-outputs"


def check_notebook_outputs(ctx: Context) -> list[Diagnostic]:
    """Findings of every notebook in ``ctx.filenames``; files are never written."""
    return check_notebooks(ctx, write=False)


HOOK = Hook(
    id=HOOK_ID,
    summary="Notebooks carry no outputs, execution counts or volatile metadata"
    " (check only; strip-notebook-outputs fixes).",
    section="notebooks",
    codes=CODES,
    check=check_notebook_outputs,
    options=OPTIONS,
    files=r"\.ipynb$",
    twin="strip-notebook-outputs",
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
