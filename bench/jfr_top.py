#!/usr/bin/env python3
"""Summarises a JFR recording: the hottest methods (top of stack) and the hottest Atelier frames
(first io.atelier frame on each sampled stack), from `jfr print --events jdk.ExecutionSample`."""
import collections
import re
import subprocess
import sys

out = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
top, app, n = collections.Counter(), collections.Counter(), 0
for ev in out.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>]+\(.*?\))\s+line:", ev, re.M)
    if not frames:
        continue
    n += 1
    top[frames[0]] += 1
    for f in frames:
        if f.startswith("io.atelier."):
            app[f] += 1
            break
print("%s: %d execution samples" % (sys.argv[1], n))
print("\nTop of stack (self time):")
for f, c in top.most_common(25):
    print("  %5.1f%%  %s" % (100.0 * c / n, f))
print("\nInnermost Atelier frame on the stack (where Atelier's own code spends or calls out):")
for f, c in app.most_common(15):
    print("  %5.1f%%  %s" % (100.0 * c / n, f))
