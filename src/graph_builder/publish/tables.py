"""Plain-text tables for the terminal: columns padded, long cells cut with an ellipsis."""
from __future__ import annotations


def render_table(rows: list[tuple], limit: int = 70) -> str:
    def cut(s: str) -> str:
        s = " ".join(str(s).split())
        return s if len(s) <= limit else s[: limit - 1] + "…"

    rows = [tuple(cut(x) for x in r) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(x.ljust(w) for x, w in zip(r, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
