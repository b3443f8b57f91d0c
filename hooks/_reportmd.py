"""The compliance report as GitHub/GitLab flavoured Markdown, for a merge request.

Messages keep their `code` spans and everything else is escaped, so that a table
stays a table: ``|`` and newlines inside cells cannot break it.
"""

from __future__ import annotations

import re

from mlhooks import __version__
from mlhooks._diagnostics import printable
from mlhooks._i18n import tr
from mlhooks._report import (
    CODE_HEADERS,
    EXPLAIN,
    GENERATED,
    HEADERS,
    TITLE,
    TOP,
    Entry,
    Report,
    Row,
    count,
    more,
    places,
    result,
    verdict,
    what,
)

CODE_SPAN = re.compile(r"`([^`]+)`")
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$])")


def md_text(text: str) -> str:
    """Plain text for a Markdown table cell: one line, nothing read as markup."""
    return MD_SPECIAL.sub(r"\\\1", printable(text))


def md_code(text: str) -> str:
    """``text`` as a Markdown code span that survives a table cell."""
    text = printable(text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def md_prose(text: str) -> str:
    """Prose (a message, a rule) for a table cell: `code` spans kept, the rest text."""
    parts = CODE_SPAN.split(printable(text))  # text, code, text, ..., text
    return "".join(
        f"`{part}`".replace("|", "\\|") if odd else md_text(part)
        for odd, part in zip([0, 1] * len(parts), parts)
    )


def md_entry(entry: Entry) -> str:
    fixed = f" ({md_text(tr('fixed'))})" if entry.fixed else ""
    where = places(entry, md_code, md_text)
    return f"{md_code(entry.code)} {where} {md_prose(what(entry.message))}{fixed}"


def md_table(headers: str, rows: list[list[str]], numeric: int) -> str:
    """A Markdown table; column ``numeric`` is right-aligned."""
    titles = [md_text(title) for title in tr(headers).split(" | ")]
    rule = ["---:" if i == numeric else "---" for i in range(len(titles))]
    return "".join("| " + " | ".join(cells) + " |\n" for cells in [titles, rule, *rows])


def md_row(row: Row) -> list[str]:
    mark, word = result(row)
    hooks = ", ".join(md_code(h) for h in row.hooks) or md_text(tr("not checked"))
    top = [md_entry(e) for e in row.entries[:TOP]] + [md_text(more(row))]
    cells = [md_text(row.name), f"{mark} {md_text(word)}".strip(), md_text(count(row))]
    return cells + [hooks, "<br>".join(t for t in top if t)]


def markdown(report: Report) -> str:
    """The report as GitHub/GitLab flavoured Markdown."""
    mark, first, rest = verdict(report)
    title = tr(TITLE, project=report.project)
    generated = tr(GENERATED, version=__version__, time=report.generated)
    lines = [f"# {md_text(title)}", "", md_text(generated), ""]
    lines += [f"**{mark} {md_text(first)}** {md_text(rest)}", ""]
    out = "\n".join(lines) + "\n" + md_table(HEADERS, list(map(md_row, report.rows)), 2)
    failing = [row for row in report.rows if row.rules]
    if not failing:
        return out
    out += f"\n## {md_text(tr('What to fix first'))}\n"
    for row in failing:
        cells = [[md_code(code), md_prose(rule), str(n)] for code, rule, n in row.rules]
        out += f"\n### {md_text(row.name)}\n\n" + md_table(CODE_HEADERS, cells, 2)
    example = md_code(f"mlhooks explain {failing[0].rules[0].code}")
    command = md_code("mlhooks explain CODE")
    hint = md_text(tr(EXPLAIN)).format(command=command, example=example)
    return out + "\n" + hint + "\n"
