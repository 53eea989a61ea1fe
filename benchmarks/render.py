#!/usr/bin/env python3
"""Renders benchmarks/run.sh results (TSV) as a Markdown table, or puts a rendered table into docs/benchmarks.md.

  render.py results.tsv <seconds per run> <cores>    -> table on stdout
  render.py --into docs/benchmarks.md table.md       -> replaces the text between the tier-table markers
"""
import datetime
import sys

START, END = "<!-- tier-table:start -->", "<!-- tier-table:end -->"


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def render(path, duration, cores):
    tiers, rows, counts, memory, bare, rebuilt = [], {}, {}, {}, {}, {}
    for line in open(path, encoding="utf-8"):
        tier, name, status, rps, p50, p99, errors, kept, kept_errors = (line.rstrip("\n").split("\t") + [""] * 9)[:9]
        if tier not in tiers:
            tiers.append(tier)
        if name == "#counts":
            counts[tier] = status
            continue
        if name == "#memory":
            memory[tier] = status
            continue
        if name == "#suggestions":
            rebuilt[tier] = status
            continue
        rows.setdefault(name, {})[tier] = (status, number(rps), number(p50), number(p99), errors, number(kept), kept_errors)
        if name.startswith("bare"):
            bare[tier] = number(rps)

    out = []
    out.append(f"Rendered {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {cores} cores; each cell: "
               f"requests/s at 32 connections (wrk -t2 -c32, {duration} s) and its share of the bare endpoint's in the same tier's run · "
               f"p50 / p99 in ms at one connection (wrk -t1 -c1 --latency, {duration} s). Signed-in endpoints are timed afresh "
               f"(every request sends `Cache-Control: no-cache`, so the app does the whole work), then once more at 32 connections "
               f"as a repeated visit is answered from the kept answer (ADR 034): **kept**.")
    out.append("")
    out.append("| endpoint | " + " | ".join(f"tier {t}" for t in tiers) + " |")
    out.append("|---|" + "---|" * len(tiers))
    out.append("| data | " + " | ".join(counts.get(t, "") for t in tiers) + " |")
    for name, by_tier in rows.items():
        cells = []
        for t in tiers:
            if t not in by_tier:
                cells.append("")
                continue
            status, rps, p50, p99, errors, kept, kept_errors = by_tier[t]
            if status != "200":
                cells.append(f"HTTP {status}")
                continue
            if rps is None:
                throughput = f"— ({errors})"
            else:
                share = f" ({100 * rps / bare[t]:.{1 if rps >= bare[t] / 100 else 2}f} %)" if bare.get(t) and not name.startswith("bare") else ""
                failed = f", {errors} failed" if errors not in ("", "0") else ""
                throughput = f"{rps:,.0f} rps{share}{failed}"
            cell = f"{throughput} · {p50:g} / {p99:g} ms"
            if kept is not None:
                share = f" ({100 * kept / bare[t]:.1f} %)" if bare.get(t) else ""
                failed = f", {kept_errors} failed" if kept_errors not in ("", "0") else ""
                cell += f" · **kept: {kept:,.0f} rps{share}{failed}**"
            cells.append(cell)
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    out.append("| kept suggestions rebuilt by the app after the bulk load (ADR 014) | " + " | ".join(f"{rebuilt[t]} s" if t in rebuilt else "" for t in tiers) + " |")
    out.append("| app peak memory (VmHWM) | " + " | ".join(f"{memory[t]} MB" if t in memory else "" for t in tiers) + " |")
    return "\n".join(out) + "\n"


def into(doc, table):
    text = open(doc, encoding="utf-8").read()
    block = START + "\n" + open(table, encoding="utf-8").read() + END
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    open(doc, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    if sys.argv[1] == "--into":
        into(sys.argv[2], sys.argv[3])
    else:
        sys.stdout.write(render(sys.argv[1], sys.argv[2], sys.argv[3]))
