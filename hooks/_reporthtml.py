"""The compliance report as one self-contained HTML page.

The page has inline CSS, no script and nothing fetched from elsewhere: it reads the
same offline, attached to a ticket or printed. Every value (file names and messages
may hold ``<``, ``&`` or quotes) is escaped, and each pass/fail mark comes with its
word, so the page reads without colour.
"""

from __future__ import annotations

import re
from html import escape

from mlhooks import __version__
from mlhooks._diagnostics import printable
from mlhooks._i18n import language, tr
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

STATES = {"✔": "pass", "✘": "fail", "–": "unchecked"}
CODE_SPAN = re.compile(r"`([^`]+)`")
STYLE = """
:root { color-scheme: light; } body { margin: 0; color: #1f2328; background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Hiragino Sans",
  "Noto Sans CJK JP", "Yu Gothic", Meiryo, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .4rem; padding-bottom: .3rem;
  border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.generated { color: #59636e; margin: 0 0 1.2rem; }
.verdict { margin: 0 0 1.2rem; padding: .7rem 1rem; border: 1px solid #d0d7de;
  border-left-width: 6px; border-radius: 6px; background: #f6f8fa; }
.verdict.pass { background: #dafbe1; border-color: #1a7f37; }
.verdict.fail { background: #ffebe9; border-color: #cf222e; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .45rem .65rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
td.top { overflow-wrap: anywhere; } thead th { background: #f6f8fa; }
td.hooks code, thead th, tbody th, .num, .result { white-space: nowrap; }
.num { text-align: right; } .result { font-weight: 600; } .mark { font-weight: 700; }
tr.pass .result, .verdict.pass .mark { color: #1a7f37; }
tr.fail .result, .verdict.fail .mark { color: #cf222e; }
tr.unchecked, tr.unchecked .result { color: #59636e; font-weight: normal; }
table.sections td:last-child { width: 55%; }
table.rules { table-layout: fixed; max-width: 960px; }
table.rules td:first-child, table.rules th:first-child { width: 7.5rem; }
table.rules .num { width: 7rem; } .what[title] { cursor: help; }
code { font: .88em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: #eff1f3; padding: .05em .3em; border-radius: 4px; }
ul.top { margin: 0; padding-left: 1.1rem; } ul.top li + li { margin-top: .2rem; }
.more, .none { color: #59636e; font-style: italic; }
.fixed { font-size: .8em; color: #1a7f37; border: 1px solid #1a7f37;
  border-radius: 1em; padding: 0 .45em; white-space: nowrap; }
@media print { body { font-size: 10pt; } main { max-width: none; padding: 0; }
  tr, li { break-inside: avoid; } h2, h3 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def text(value: object) -> str:
    """``value`` as HTML text: escaped, one line (control characters spelt out)."""
    return escape(printable(str(value)))


def code(value: str) -> str:
    return f"<code>{text(value)}</code>"


def prose(value: str) -> str:
    """``value`` as HTML text, with its `code` spans as code."""
    return CODE_SPAN.sub(r"<code>\1</code>", text(value))


def head_row(headers: str, numeric: int) -> str:
    titles, num = enumerate(tr(headers).split(" | ")), {numeric: ' class="num"'}
    row = "".join(f'<th scope="col"{num.get(i, "")}>{text(t)}</th>' for i, t in titles)
    return f"<thead><tr>{row}</tr></thead>"


def finding(entry: Entry) -> str:
    """One top finding: code, places, what is wrong (the whole message on hover)."""
    fixed = f' <span class="fixed">{text(tr("fixed"))}</span>' if entry.fixed else ""
    short = what(entry.message)
    hover = f' title="{text(entry.message)}"' if short != entry.message else ""
    where = f"{code(entry.code)} {places(entry, code, text)}"
    return f'<li>{where} <span class="what"{hover}>{prose(short)}</span>{fixed}</li>'


def section_row(row: Row) -> str:
    """One row of the sections table: name, result, count, hooks, top findings."""
    mark, word = result(row)
    word = f" {text(word)}" if word else ""
    hooks = "<br>".join(map(code, row.hooks))
    hooks = hooks or f'<span class="none">{text(tr("not checked"))}</span>'
    items = [finding(entry) for entry in row.entries[:TOP]]
    if more(row):
        items.append(f'<li class="more">{text(more(row))}</li>')
    top = f'<ul class="top">{"".join(items)}</ul>' if items else ""
    return (
        f'<tr class="{STATES[mark]}"><th scope="row">{text(row.name)}</th>'
        f'<td class="result"><span class="mark">{mark}</span>{word}</td>'
        f'<td class="num">{text(count(row))}</td>'
        f'<td class="hooks">{hooks}</td><td class="top">{top}</td></tr>'
    )


def rules_table(row: Row) -> str:
    """A failing section's findings counted by rule, the most frequent first."""
    body = "".join(
        f"<tr><td>{code(rule.code)}</td><td>{prose(rule.summary)}</td>"
        f'<td class="num">{rule.total}</td></tr>'
        for rule in row.rules
    )
    return (
        f"<section><h3>{text(row.name)}</h3>\n"
        f'<table class="rules">{head_row(CODE_HEADERS, 2)}'
        f"<tbody>{body}</tbody></table></section>\n"
    )


def fix_first(report: Report) -> str:
    """The "what to fix first" part ('' when nothing was found)."""
    failing = [row for row in report.rows if row.rules]
    if not failing:
        return ""
    hint = escape(tr(EXPLAIN)).format(
        command=code("mlhooks explain CODE"),
        example=code(f"mlhooks explain {failing[0].rules[0].code}"),
    )
    tables = "".join(map(rules_table, failing))
    return (
        f"<h2>{text(tr('What to fix first'))}</h2>\n{tables}"
        f'<p class="hint">{hint}</p>\n'
    )


def html_page(report: Report) -> str:
    """The whole page."""
    mark, first, rest = verdict(report)
    title = text(tr(TITLE, project=report.project))
    generated = tr(GENERATED, version=__version__, time=report.generated)
    rows = "\n".join(map(section_row, report.rows))
    return f"""<!DOCTYPE html>
<html lang="{language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="generated">{text(generated)}</p>
<p class="verdict {STATES[mark]}"><span class="mark">{mark}</span>
<strong>{text(first)}</strong> {text(rest)}</p>
<table class="sections">
{head_row(HEADERS, 2)}
<tbody>
{rows}
</tbody>
</table>
{fix_first(report)}</main>
</body>
</html>
"""
