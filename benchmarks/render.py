#!/usr/bin/env python3
"""Renders benchmarks/run.sh results (TSV) as a Markdown table, or puts a rendered table into docs/benchmarks.md.

  render.py results.tsv <seconds per run> <cores>    -> table on stdout
  render.py --into docs/benchmarks.md table.md       -> replaces the text between the tier-table markers
  render.py --imports report.csv                     -> results rows (#imports) from BenchmarkDotNet's CSV report of
                                                        RatingImportBenchmark: database, import and raw means in ms,
                                                        allocated by the import, the import's rate as a share of raw
"""
import csv
import datetime
import sys

START, END = "<!-- tier-table:start -->", "<!-- tier-table:end -->"


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def milliseconds(text):
    """BenchmarkDotNet's '1,580.2 ms' / '1.580 s' / '950.1 us' as milliseconds; None for NA."""
    parts = text.replace(",", "").split()
    if len(parts) != 2 or number(parts[0]) is None:
        return None
    scale = {"ns": 1e-6, "us": 1e-3, "μs": 1e-3, "ms": 1.0, "s": 1000.0}.get(parts[1])
    return None if scale is None else number(parts[0]) * scale


def imports(report):
    """One #imports row per database: import mean, raw mean, allocated by the import, share of the raw rate."""
    by_database = {}
    for row in csv.DictReader(open(report, encoding="utf-8")):
        kind = "raw" if row["Method"].startswith("'Raw") else "import"
        by_database.setdefault(row["Database"], {})[kind] = row
    out = []
    for database, pair in by_database.items():
        imported = milliseconds(pair.get("import", {}).get("Mean", "NA"))
        raw = milliseconds(pair.get("raw", {}).get("Mean", "NA"))
        share = f"{100 * raw / imported:.0f} %" if imported and raw else "did not run"
        allocated = pair.get("import", {}).get("Allocated", "")
        out.append("\t".join(["#imports", database, f"{imported:.0f}" if imported else "NA", f"{raw:.0f}" if raw else "NA", allocated, share]))
    return "\n".join(out) + "\n"


def render(path, duration, cores):
    tiers, rows, counts, memory, bare, rebuilt, imported = [], {}, {}, {}, {}, {}, []
    for line in open(path, encoding="utf-8"):
        tier, name, status, rps, p50, p99, errors, kept, kept_errors = (line.rstrip("\n").split("\t") + [""] * 9)[:9]
        if tier == "#imports":
            imported.append((name, status, rps, p50, p99))
            continue
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
    if imported:
        out.append("")
        out.append("Imports (goal 3), in the same run: `RatingImportBenchmark` (BenchmarkDotNet, 5 iterations after 3 warm-ups, "
                   "each on a fresh copy of the database): 100,000 yearly ratings of 25,000 party members from an XLSX through "
                   "the import's handler, against the same rows by the fastest plain way (one prepared INSERT in one "
                   "transaction on SQLite, binary `COPY` on PostgreSQL). Goal: the import at ≥ 50 % of the raw rate.")
        out.append("")
        out.append("| database | import (mean) | raw insert (mean) | import's rate as a share of raw | allocated by the import |")
        out.append("|---|---|---|---|---|")
        for database, mean, raw, allocated, share in imported:
            out.append(f"| {database} | {mean} ms | {raw} ms | {share} | {allocated} |")
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
    elif sys.argv[1] == "--imports":
        sys.stdout.write(imports(sys.argv[2]))
    else:
        sys.stdout.write(render(sys.argv[1], sys.argv[2], sys.argv[3]))
