#!/usr/bin/env python3
"""Turns the raw lines of one bench/compare.sh run into the markdown table of
bench/results/compare-latest.md: per operation and connection count, both builds side by side."""
import argparse
import json
import statistics
import time


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    for name in ("results", "meta", "db", "files", "conns", "duration", "base", "new"):
        ap.add_argument("--" + name)
    ap.add_argument("--elapsed", type=int)
    a = ap.parse_args()

    cpu = {m["label"]: m for m in load(a.meta) if m["kind"] == "cpu"}
    runs = {}  # (op, conns) -> side -> [run, ...] in round order
    errors = 0
    for r in load(a.results):
        side_round, _files, _target, op, conns = r["label"].split("|")
        errors += r["non2xx"] + r["connect_err"] + r["read_err"] + r["write_err"] + r["timeout_err"]
        if conns == "warmup":
            continue
        side = side_round.split("#")[0]
        r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
        used = cpu.get(r["label"])
        r["cpu_ms"] = 1000.0 * (used["server_s"] + used["db_s"]) / max(r["requests"], 1) if used else 0.0
        runs.setdefault((op, conns), {}).setdefault(side, []).append(r)

    lines = []
    if errors:
        lines.append("**ERRORS: %d non-2xx answers or socket errors (warm-ups included); see the last column.**" % errors)
    else:
        lines.append("**No errors: every answer of both builds, warm-ups included, was 2xx.**")
    lines.append("")
    lines.append("Run %s: %s, %s files, %s s per wrk run, builds taking turns (rounds alternate the order); "
                 "whole run %d s." % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), a.db, a.files,
                                       a.duration, a.elapsed))
    lines.append("")
    lines.append("- base: `%s`" % a.base)
    lines.append("- new: `%s`" % a.new)
    lines.append("")
    lines.append("| operation | conns | base req/s | new req/s | new/base req/s | base p50 ms | new p50 ms | "
                 "new/base p50 | CPU ms/req base → new | non-2xx base, new |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for (op, conns), sides in runs.items():
        base, new = sides.get("base", []), sides.get("new", [])
        if not base or not new:
            continue
        med = lambda rs, k: statistics.median(r[k] for r in rs)  # noqa: E731
        lines.append("| %s | %s | %s | %s | **%.2f×** | %.2f | %.2f | %.2f× | %.2f → %.2f | %d, %d |" % (
            op, conns,
            " / ".join("%.0f" % r["rps"] for r in base), " / ".join("%.0f" % r["rps"] for r in new),
            med(new, "rps") / med(base, "rps"),
            med(base, "p50_us") / 1000.0, med(new, "p50_us") / 1000.0,
            med(new, "p50_us") / med(base, "p50_us"),
            med(base, "cpu_ms"), med(new, "cpu_ms"),
            sum(r["non2xx"] for r in base), sum(r["non2xx"] for r in new)))
    lines.append("")
    lines.append("req/s per round (in round order); ratios and p50 use the median over rounds. CPU ms/req is "
                 "the server's CPU time (Atelier plus PostgreSQL) over the requests answered.")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
