#!/usr/bin/env python3
"""Summarises a JFR recording of Atelier (from `jfr print --events jdk.ExecutionSample`): the share
of samples spent in known layers of a request (a sample counts for every layer on its stack), the
hottest methods (top of stack), and the innermost Atelier frame on each sample."""
import collections
import re
import subprocess
import sys

# (layer, frames that mark it): a sample is in the layer when any of the frames is on its stack
LAYERS = [
    ("JSON writing of responses (Jackson)", ("AbstractJacksonHttpMessageConverter.writeInternal",)),
    ("JSON reading of request bodies (Jackson)", ("AbstractJacksonHttpMessageConverter.read",)),
    ("JDBC: driver and database work in the JVM (H2 runs here)", ("org.postgresql.", "org.h2.")),
    ("  of which connection pool", ("com.zaxxer.hikari.",)),
    ("Bearer token: reading the header", ("BearerTokenResolver.resolve",)),
    ("Bearer token: decoding and claim checks", ("ApiTokenDecoder.decode",)),
    ("Header value checks (Spring Security firewall)", ("StrictFirewalledRequest.validateAllowedHeader",)),
    ("Handler lookup (Spring MVC)", ("DispatcherServlet.getHandler",)),
    ("Model content checks (XML / JSON parsing)", ("io.atelier.file.XmlContent.", "io.atelier.file.JsonContent.")),
    ("Folder paths", ("io.atelier.folder.",)),
    ("Search: building and running the queries", ("io.atelier.search.Search.",)),
    ("Regular expressions (anywhere)", ("java.util.regex.",)),
    ("Logging", ("ch.qos.logback.", "org.slf4j.")),
    ("Metrics (Micrometer)", ("io.micrometer.",)),
]

out = subprocess.run(["jfr", "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
top, app, layers, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
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
    for name, marks in LAYERS:
        if any(m in f for f in frames for m in marks):
            layers[name] += 1
print("%s: %d execution samples" % (sys.argv[1], n))
if not n:
    sys.exit(0)
print("\nShare of samples per layer (a sample counts for every layer on its stack):")
for name, _ in LAYERS:
    if layers[name]:
        print("  %5.1f%%  %s" % (100.0 * layers[name] / n, name))
print("\nTop of stack (self time):")
for f, c in top.most_common(25):
    print("  %5.1f%%  %s" % (100.0 * c / n, f))
print("\nInnermost Atelier frame on the stack (where Atelier's own code spends or calls out):")
for f, c in app.most_common(15):
    print("  %5.1f%%  %s" % (100.0 * c / n, f))
