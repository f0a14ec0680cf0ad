#!/usr/bin/env python3
"""Turns the raw lines of one bench/run.sh run into the markdown table of bench/results/latest.md."""
import argparse
import json
import os
import platform
import subprocess
import time


def load(path):
    out = []
    if path and os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line:
                    out.append(json.loads(line))
    return out


def ms(us):
    return "%.2f" % (us / 1000.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results")
    ap.add_argument("--meta")
    ap.add_argument("--seed")
    ap.add_argument("--sizes")
    ap.add_argument("--conns")
    ap.add_argument("--duration")
    ap.add_argument("--elapsed", type=int)
    ap.add_argument("--jar")
    a = ap.parse_args()

    runs = load(a.results)
    meta = load(a.meta)
    seeds = load(a.seed)
    rss = {m["label"]: m["rss_peak_kb"] for m in meta if m["kind"] == "rss"}
    cpu = {m["label"]: (m["server_s"], m["db_s"]) for m in meta if m["kind"] == "cpu"}
    sizes = [int(s) for s in a.sizes.split(",")]
    first, last = str(sizes[0]), str(sizes[-1])

    rows = []  # (pass, files, target, op, conns, run)
    for r in runs:
        p, files, target, op, conns = r["label"].split("|")
        r["rps"] = r["requests"] / (r["duration_us"] / 1e6) if r["duration_us"] else 0.0
        r["sock"] = r["connect_err"] + r["read_err"] + r["write_err"] + r["timeout_err"]
        rows.append((p, files, target, op, conns, r))
    by = {(p, f, t, o, c): r for p, f, t, o, c, r in rows}

    measured = [x for x in rows if x[4] != "warmup"]
    warm = [x for x in rows if x[4] == "warmup"]
    bad_runs = [x for x in rows if x[5]["non2xx"] or x[5]["sock"]]
    non2xx = sum(x[5]["non2xx"] for x in rows)
    sock = sum(x[5]["sock"] for x in rows)
    seed_fail = sum(s.get("failures", 0) for s in seeds)
    unavailable = [m for m in meta if m["kind"] == "unavailable"]

    lines = []
    if non2xx or sock or seed_fail:
        lines.append("**ERRORS: %d non-2xx answers and %d socket errors in %d of %d wrk runs; %d failed seeding "
                     "requests** (see the non-2xx and socket-error columns)." % (
                         non2xx, sock, len(bad_runs), len(rows), seed_fail))
    else:
        lines.append("**No errors: every answer in all %d wrk runs (warm-ups included) and in seeding was 2xx.**" % len(rows))
    if unavailable:
        ops = sorted({u["op"] for u in unavailable})
        lines.append("")
        lines.append("Not available in this build (endpoint answered 404/405, nothing measured): %s." % ", ".join(ops))
    try:
        commit = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(a.jar)), "log", "-1", "--format=%h %s"],
                                capture_output=True, text=True, timeout=5).stdout.strip()
    except Exception:  # noqa: BLE001 - only decoration
        commit = ""
    lines.append("")
    lines.append("Run %s on %s, %d cores, %s; %s s per wrk run, sizes %s, connections %s; whole run %d s. Jar: `%s`%s." % (
        time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), platform.node() or "?", os.cpu_count() or 0,
        platform.platform(terse=True), a.duration, a.sizes, a.conns, a.elapsed, a.jar,
        (" (" + commit + ")") if commit else ""))
    lines.append("")
    lines.append("| pass | files | operation | conns | req/s | p50 ms | p99 ms | non-2xx | socket errors | CPU ms/req | Atelier/nginx | growth %s→%s | peak RSS MB | notes |"
                 % (first, last))
    lines.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |")

    passes = []
    for x in rows:
        if x[0] not in passes:
            passes.append(x[0])
    for m in meta:
        if m["kind"] in ("startup", "unavailable") and m["pass"] not in passes:
            passes.append(m["pass"])

    for p in passes:
        content = 0
        for s in seeds:
            if s.get("pass") == p:
                lines.append("| %s | %s | seed: POST projects, folders, files (8 parallel connections) | 8 | %.0f files/s | | | %d | | | | | | %d files, %.0f MB content in %.0f s |" % (
                    p, s["to"], s["files"] / max(s["seconds"], 1e-3), s["failures"], s["files"], s["bytes"] / 1e6, s["seconds"]))
                content += s["bytes"]
                disk = next((m for m in meta if m["kind"] == "disk" and m["pass"] == p and m["files"] == s["to"]), None)
                if disk and disk["bytes"]:
                    lines.append("| %s | %s | database size on disk after seeding | | | | | | | | | | | %.0f MB, %.1f× the %.0f MB of content seeded so far |" % (
                        p, s["to"], disk["bytes"] / 1e6, disk["bytes"] / max(content, 1), content / 1e6))
        for x in measured:
            if x[0] != p:
                continue
            _, files, target, op, conns, r = x
            name = op + (" (nginx, same bytes)" if target == "nginx" else "")
            ratio = growth = ""
            if target == "atelier" and op == "GET file":
                n = by.get((p, files, "nginx", op, conns))
                if n and n["rps"] and n["p50_us"]:
                    ratio = "%.3g× req/s, %.3g× p50" % (r["rps"] / n["rps"], r["p50_us"] / n["p50_us"])
            if op.startswith("search") and files == last and first != last:
                f = by.get((p, first, target, op, conns))
                if f and f["p50_us"]:
                    growth = "%.2f× p50, %.2f× p99" % (r["p50_us"] / f["p50_us"], r["p99_us"] / max(f["p99_us"], 1))
            peak = rss.get(r["label"], 0)
            codes = (" (" + r["codes"] + ")") if r["codes"] else ""
            lines.append("| %s | %s | %s | %s | %.0f | %s | %s | %d%s | %d | %s | %s | %s | %.0f | |" % (
                p, files, name, conns, r["rps"], ms(r["p50_us"]), ms(r["p99_us"]), r["non2xx"], codes,
                r["sock"], cpu_per_request(p, target, r, cpu.get(r["label"])), ratio, growth, peak / 1024.0))
        w = [x for x in warm if x[0] == p]
        if w:
            lines.append("| %s | | warm-up runs before each operation (not in the figures) | 16 | | | | %d | %d | | | | | %d runs of %s |" % (
                p, sum(x[5]["non2xx"] for x in w), sum(x[5]["sock"] for x in w), len(w),
                ", ".join(sorted({x[3] for x in w}))))
        for m in meta:
            if m.get("pass") != p:
                continue
            if m["kind"] == "unavailable":
                lines.append("| %s | %s | %s | | not available | | | | | | | | | %s |" % (p, m["files"], m["op"], m["why"]))
            elif m["kind"] == "startup":
                lines.append("| %s | | start-up: process start → first authenticated 200 (%s) | | | | | | | | | | %.0f (idle) | %.1f s |" % (
                    p, m["label"], m["rss_idle_kb"] / 1024.0, m["ms"] / 1000.0))
    totals = load(os.path.join(os.path.dirname(os.path.abspath(a.results)), "search-totals.jsonl"))
    if totals:
        lines.append("")
        lines.append("Search result totals seen before the runs (sanity check of the data set; files = seeded files, "
                     "PATCH targets and POSTed files add to created/updated): " + "; ".join(
                         "%s at %d files: %s" % (t["pass"], t["files"], ", ".join("%s=%s" % kv for kv in t["totals"].items()))
                         for t in totals) + ".")
    lines.append("")
    lines.append("req/s, p50 and p99 come from wrk (%s s per run, after each operation is warmed up at 16 connections until its throughput settles). "
                 "Atelier/nginx: Atelier's throughput and median latency over nginx serving the stored response "
                 "bytes of the same ids at the same load (nginx is the physical limit of this machine: >1× p50 and "
                 "<1× req/s mean Atelier is slower). growth: the same search at the largest size over the smallest. "
                 "peak RSS: largest resident set of the server (Atelier's JVM, or nginx master+workers) sampled every "
                 "0.5 s during the run; idle RSS is taken 2 s after start-up. PostgreSQL's own memory is not included. "
                 "CPU ms/req: CPU time the server used during the run over the requests it answered, from /proc "
                 "(on PostgreSQL: Atelier's JVM + PostgreSQL's processes; H2 runs inside the JVM). Two cores "
                 "give at most 2000 ms of CPU per second, so 1 ms/req caps throughput near 2000 req/s." % a.duration)
    lines.extend(profiles(a, measured, last))
    print("\n".join(lines))


def cpu_per_request(p, target, r, used):
    """Server CPU per answered request: 'Atelier + PostgreSQL' ms, or Atelier's alone on H2."""
    if target != "atelier" or not used or not r["requests"]:
        return ""
    server, db = (1000.0 * x / r["requests"] for x in used)
    return "%.2f + %.2f" % (server, db) if p == "postgres" else "%.2f" % server


def profiles(a, measured, last):
    """With --profile: the JFR summaries of the three slowest operations (p50 at 16 connections)."""
    work = os.path.dirname(os.path.abspath(a.results))
    results_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
    start_marker = os.path.join(work, "names.txt")
    since = os.path.getmtime(start_marker) if os.path.exists(start_marker) else 0
    cands = [x for x in measured if x[2] == "atelier" and x[1] == last and x[4] == "16"]
    cands.sort(key=lambda x: -x[5]["p50_us"])
    out = []
    for p, files, target, op, conns, r in cands:
        f = os.path.join(results_dir, "profile-%s-%s.txt" % (p, op.lower().replace(" ", "-")))
        if not os.path.exists(f) or os.path.getmtime(f) < since:
            continue
        with open(f) as fh:
            text = fh.read().splitlines()
        if not out:
            out += ["", "### Where the time goes: profiles of the three slowest operations (p50 at 16 connections)", "",
                    "CPU per request splits the time between Atelier and PostgreSQL; the JFR part shows where "
                    "Atelier's share goes, the statement part (PostgreSQL pass) where the database's goes.", ""]
        cpu = next((m for m in load(a.meta) if m["kind"] == "cpu" and m["label"] == r["label"]), None)
        out.append("**%s — %s** (p50 %.1f ms at 16 connections; CPU ms/req %s; `%s`):" % (
            p, op, r["p50_us"] / 1000.0, cpu_per_request(p, target, r, cpu and (cpu["server_s"], cpu["db_s"])) or "?",
            os.path.relpath(f, os.path.dirname(results_dir))))
        out.append("")
        out.append("```")
        out.extend(summary(text))
        out.append("```")
        out.append("")
        if sum(1 for l in out if l.startswith("**")) == 3:
            break
    return out


def summary(text):
    """The parts of a profile-*.txt worth reading in the table: layers, the hottest methods, the
    innermost Atelier frames and the statements, each cut short."""
    keep, limit, taken = [], 0, 0
    limits = {"Share of samples": 99, "Top of stack": 8, "Innermost Atelier": 6, "PostgreSQL statements": 8}
    for line in text:
        heading = next((k for k in limits if line.startswith(k)), None)
        if heading:
            limit, taken = limits[heading], 0
            keep.append(line)
        elif line.startswith("  ") and taken < limit:
            keep.append(line)
            taken += 1
        elif not line.strip() and keep and keep[-1].strip():
            keep.append("")
        elif not keep:
            keep.append(line)
    return keep


if __name__ == "__main__":
    main()
