"""strip-notebook-outputs: notebooks are committed without outputs or run state.

The guideline discourages notebooks (スクリプト形式を推奨、Notebook 形式は非推奨), notes
that git does not suit them, and its compliance rules forbid leaking keys and personal
data through the repository; notebook outputs are the usual leak. This hook strips
outputs, execution counts and volatile metadata in place, like nbstripout, keeping the
file's own JSON formatting; cells tagged ``keep-output`` keep their outputs. It always
rewrites when run as its own command (pre-commit then shows the modified files and the
exit status is 1); ``mlhooks check`` only reports unless given ``--fix``.
"""

from __future__ import annotations

import sys
from typing import Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._diagnostics import Diagnostic
from mlhooks._outputs import CODES, OPTIONS, check_notebooks

HOOK_ID = "strip-notebook-outputs"


def strip_notebook_outputs(ctx: Context) -> list[Diagnostic]:
    """Findings of every notebook; with ``ctx.fix``, each is stripped of them."""
    return check_notebooks(ctx, write=ctx.fix)


HOOK = Hook(
    id=HOOK_ID,
    summary="Strip outputs, execution counts and volatile metadata from notebooks"
    " (cells tagged keep-output keep theirs).",
    section="notebooks",
    codes=CODES,
    check=strip_notebook_outputs,
    options=OPTIONS,
    files=r"\.ipynb$",
    fixable=True,
)


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    return run(HOOK, ["--fix", *args])  # a stripper strips: no flag needed


if __name__ == "__main__":
    raise SystemExit(main())
