#!/usr/bin/env python3
"""Seeder and helpers for the Atelier benchmark (stdlib only).

Sub-commands (all write into the work directory given with --work):
  prepare   generate large BPMN files, the PATCH/POST payload fragments and the name pool
  probe     exit 0 when the files API answers, 3 when it does not exist (404/405/501)
  seed      create projects, folders and files [--from, --to) with parallel connections
  patchpool create the files that the PATCH runs update (revision tracked by the Lua script)
  static    fetch GET /api/v1/files/{id} for a sample of ids and store the exact bytes for nginx
  check     one request of each search kind; prints totals (sanity check of the data set)
"""
import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

FILES_PER_PROJECT = 100
# Folders at each project's root; BENCH_FOLDERS changes it (compare.sh --folders).
FOLDERS_PER_PROJECT = int(os.environ.get("BENCH_FOLDERS", "4"))
NAME_POOL = 1000

# (fixture file, weight in a cycle of 1000 files). Mostly small files, as real projects are;
# every real fixture appears. Average content size is about 9 KB (large generated files included).
MIX = [
    ("camunda-get-started-send-email.bpmn", 220),
    ("camunda-modeler-process-application-bar.bpmn", 160),
    ("miwg-reference-C.9.1-web-modeler-export.bpmn", 150),
    ("miwg-ibo-prometheus-A.1.0-bom-crlf.bpmn", 100),
    ("miwg-ibm-process-designer-A.1.0-no-di.bpmn", 80),
    ("camunda-modeler-test-dmn11.dmn", 80),
    ("dmn-js-simple-dmn13.dmn", 60),
    ("camunda-get-started-enter-email-message.form", 40),
    ("camunda-modeler-test.form", 40),
    ("connectors-http-json-connector.json", 20),
    ("miwg-reference-C.1.0.bpmn", 25),
    ("miwg-reference-C.4.0-no-xml-declaration.bpmn", 15),
    ("miwg-reference-C.8.0-multilingual.bpmn", 10),
]
# Generated large BPMN: one of these every LARGE_EVERY files, rotating through the sizes.
LARGE_SIZES = [512 * 1024, 1024 * 1024, 2 * 1024 * 1024, 5 * 1024 * 1024]
LARGE_EVERY = 5000
NAMES = ["Invoice approval", "Order fulfilment", "Customer onboarding", "Claim handling",
         "Loan origination", "Incident triage", "Shipment tracking", "Payroll run",
         "Credit check", "Vacation request"]

TYPE_BY_EXT = {".bpmn": "bpmn", ".dmn": "dmn", ".form": "form", ".json": "connector_template"}


def jstr(s):
    return json.dumps(s, ensure_ascii=False).encode("utf-8")


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


def name_of(i):
    k = i % NAME_POOL
    return "%s %03d" % (NAMES[k % len(NAMES)], k)


# --------------------------------------------------------------------------- large BPMN
def large_bpmn(target):
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
            'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
            'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
            'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
            'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" '
            'xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
            'id="Definitions_bench" targetNamespace="http://bpmn.io/schema/bpmn" '
            'exporter="atelier-bench" exporterVersion="1" '
            'modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">\n'
            '  <bpmn:process id="Process_large" name="Generated large process" isExecutable="true">\n'
            '    <bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>\n')
    proc, di = [], []
    size = len(head) + 400
    n = 0
    while size < target:
        n += 1
        t = ('    <bpmn:serviceTask id="t%d" name="Step %d of the generated process">\n'
             '      <bpmn:extensionElements><zeebe:taskDefinition type="worker-%d" retries="3" />'
             '<zeebe:ioMapping><zeebe:input source="=order.items[%d]" target="item" /></zeebe:ioMapping>'
             '</bpmn:extensionElements>\n'
             '      <bpmn:incoming>f%d</bpmn:incoming><bpmn:outgoing>f%d</bpmn:outgoing>\n'
             '    </bpmn:serviceTask>\n'
             '    <bpmn:sequenceFlow id="f%d" sourceRef="%s" targetRef="t%d" />\n'
             % (n, n, n % 50, n, n - 1, n, n - 1, "start" if n == 1 else "t%d" % (n - 1), n))
        x, y = 200 + (n % 40) * 150, 100 + (n // 40) * 120
        d = ('      <bpmndi:BPMNShape id="t%d_di" bpmnElement="t%d"><dc:Bounds x="%d" y="%d" '
             'width="100" height="80" /></bpmndi:BPMNShape>\n'
             '      <bpmndi:BPMNEdge id="f%d_di" bpmnElement="f%d"><di:waypoint x="%d" y="%d" />'
             '<di:waypoint x="%d" y="%d" /></bpmndi:BPMNEdge>\n'
             % (n, n, x, y, n - 1, n - 1, x - 50, y + 40, x, y + 40))
        proc.append(t)
        di.append(d)
        size += len(t) + len(d)
    proc.append('    <bpmn:endEvent id="end"><bpmn:incoming>f%d</bpmn:incoming></bpmn:endEvent>\n'
                '    <bpmn:sequenceFlow id="f%d" sourceRef="t%d" targetRef="end" />\n' % (n, n, n))
    return (head + "".join(proc) + "  </bpmn:process>\n"
            '  <bpmndi:BPMNDiagram id="d1"><bpmndi:BPMNPlane id="p1" bpmnElement="Process_large">\n'
            + "".join(di) + "    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n")


def cmd_prepare(a):
    os.makedirs(os.path.join(a.work, "gen"), exist_ok=True)
    for s in LARGE_SIZES:
        with open(os.path.join(a.work, "gen", "large-%d.bpmn" % s), "w", encoding="utf-8") as f:
            f.write(large_bpmn(s))
    small = read_text(os.path.join(a.fixtures, "camunda-get-started-send-email.bpmn"))
    # PATCH: the JSON string literal of a real model, without its closing quote; the Lua script
    # appends an XML comment with a counter so that every PATCH is a real change.
    with open(os.path.join(a.work, "patch_content.txt"), "wb") as f:
        f.write(jstr(small)[:-1])
    # POST: whole request bodies (one a line) with __PROJECT__ and __NAME__ placeholders.
    with open(os.path.join(a.work, "post_bodies.txt"), "wb") as f:
        for fx in ["camunda-get-started-send-email.bpmn", "miwg-reference-C.9.1-web-modeler-export.bpmn",
                   "dmn-js-simple-dmn13.dmn", "camunda-modeler-test.form"]:
            ext = os.path.splitext(fx)[1]
            body = (b'{"name":"__NAME__","projectId":"__PROJECT__","fileType":"' + TYPE_BY_EXT[ext].encode()
                    + b'","content":' + jstr(read_text(os.path.join(a.fixtures, fx))) + b'}')
            f.write(body + b"\n")
    with open(os.path.join(a.work, "names.txt"), "w", encoding="utf-8") as f:
        for k in range(NAME_POOL):
            f.write(name_of(k) + "\n")


# --------------------------------------------------------------------------- HTTP
class Client:
    """A per-thread keep-alive connection plus a shared, refreshed token."""
    _token = None
    _token_at = 0.0
    _lock = threading.Lock()

    def __init__(self, a):
        self.a = a
        u = urllib.parse.urlparse(a.api)
        self.host, self.port = u.hostname, u.port
        self.local = threading.local()

    def token(self):
        with Client._lock:
            if Client._token is None or time.time() - Client._token_at > 120:
                data = urllib.parse.urlencode({"client_id": self.a.client_id, "client_secret": self.a.client_secret,
                                               "grant_type": "client_credentials"}).encode()
                with urllib.request.urlopen(self.a.token_url, data=data, timeout=30) as r:
                    Client._token = json.loads(r.read())["access_token"]
                Client._token_at = time.time()
            return Client._token

    def conn(self):
        c = getattr(self.local, "c", None)
        if c is None:
            c = http.client.HTTPConnection(self.host, self.port, timeout=120)
            self.local.c = c
        return c

    def call(self, method, path, body=None):
        headers = {"Authorization": "Bearer " + self.token(), "Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        for attempt in range(2):
            c = self.conn()
            try:
                c.request(method, path, body=body, headers=headers)
                r = c.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    c.close()
                    self.local.c = None
                return r.status, data
            except (http.client.HTTPException, OSError):
                c.close()
                self.local.c = None
                if attempt == 1:
                    raise
        raise RuntimeError("unreachable")


def ok(status):
    return 200 <= status < 300


class Failures:
    def __init__(self, limit):
        self.n = 0
        self.limit = limit
        self.lock = threading.Lock()

    def add(self, what, status, body):
        with self.lock:
            self.n += 1
            if self.n <= 3:
                sys.stderr.write("seed: %s -> HTTP %s %s\n" % (what, status, body[:300]))
            if self.n > self.limit:
                raise SystemExit("seed: too many failures (%d), giving up" % self.n)


def cmd_probe(a):
    cl = Client(a)
    st, body = cl.call("POST", "/api/v1/projects", jstr({"name": "bench-probe"}))
    if st in (404, 405, 501):
        print("files API not available (POST /api/v1/projects -> %d)" % st)
        sys.exit(3)
    if not ok(st):
        print("POST /api/v1/projects -> %d %s" % (st, body[:300]))
        sys.exit(1)
    sys.exit(0)


def load_tsv(path):
    out = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) >= 2:
                    out[p[0]] = p[1]
    return out


def cmd_seed(a):
    cl = Client(a)
    fails = Failures(max(20, (a.to - a.frm) // 100))
    fixtures = []
    for fx, w in MIX:
        ext = os.path.splitext(fx)[1]
        content = jstr(read_text(os.path.join(a.fixtures, fx)))
        fixtures.extend([(content, TYPE_BY_EXT[ext], fx)] * w)
    large = [(jstr(read_text(os.path.join(a.work, "gen", "large-%d.bpmn" % s))), "bpmn", "large-%d" % s)
             for s in LARGE_SIZES]

    # projects and folders for the files [from, to)
    ppath, fpath = os.path.join(a.work, "projects.tsv"), os.path.join(a.work, "folders.tsv")
    projects, folders = load_tsv(ppath), load_tsv(fpath)
    need = range(a.frm // FILES_PER_PROJECT, (a.to + FILES_PER_PROJECT - 1) // FILES_PER_PROJECT)
    lock = threading.Lock()

    def mk_project(p):
        key = str(p)
        if key in projects:
            return
        st, body = cl.call("POST", "/api/v1/projects", jstr({"name": "Bench project %05d" % p}))
        if not ok(st):
            fails.add("project", st, body)
            return
        pid = json.loads(body)["id"]
        fids = []
        for k in range(FOLDERS_PER_PROJECT):
            st, body = cl.call("POST", "/api/v1/folders", jstr({"name": "Folder %d" % k, "projectId": pid}))
            if not ok(st):
                fails.add("folder", st, body)
                fids.append("")
            else:
                fids.append(json.loads(body)["id"])
        with lock:
            projects[key] = pid
            folders[key] = ",".join(fids)

    t0 = time.time()
    with ThreadPoolExecutor(a.conc) as ex:
        list(ex.map(mk_project, need))
    with open(ppath, "w") as f:
        for k in sorted(projects, key=int):
            f.write("%s\t%s\n" % (k, projects[k]))
    with open(fpath, "w") as f:
        for k in sorted(folders, key=int):
            f.write("%s\t%s\n" % (k, folders[k]))
    t1 = time.time()

    out = open(os.path.join(a.work, "files.tsv"), "a")
    done = [0, 0]

    def mk_file(i):
        p = str(i // FILES_PER_PROJECT)
        pid = projects.get(p)
        if not pid:
            return
        if i % LARGE_EVERY == LARGE_EVERY // 2:
            content, ftype, label = large[(i // LARGE_EVERY) % len(large)]
        else:
            content, ftype, label = fixtures[(i * 7919) % len(fixtures)]
        slot = i % (FOLDERS_PER_PROJECT + 1)
        body = b'{"name":' + jstr(name_of(i)) + b',"projectId":"' + pid.encode() + b'"'
        if slot > 0:
            fid = folders[p].split(",")[slot - 1]
            if fid:
                body += b',"folderId":"' + fid.encode() + b'"'
        body += b',"fileType":"' + ftype.encode() + b'","content":' + content + b'}'
        st, resp = cl.call("POST", "/api/v1/files", body)
        if not ok(st):
            fails.add("file %s" % label, st, resp)
            return
        m = json.loads(resp)
        m = m.get("metadata", m)
        with lock:
            out.write("%s\t%s\t%d\n" % (m["id"], label, len(content)))
            done[0] += 1
            done[1] += len(content)

    # Consecutive requests go to different projects: creating a file locks its project, so files
    # of one project would be written one after the other whatever the number of connections.
    order = sorted(range(a.frm, a.to), key=lambda i: (i % FILES_PER_PROJECT, i))
    with ThreadPoolExecutor(a.conc) as ex:
        list(ex.map(mk_file, order, chunksize=16))
    out.close()
    t2 = time.time()
    print("seeded %d files (%.1f MB of JSON content) in %.1f s (%.0f files/s); %d projects in %.1f s; %d failures"
          % (done[0], done[1] / 1e6, t2 - t1, done[0] / max(t2 - t1, 1e-6), len(need), t1 - t0, fails.n))
    with open(os.path.join(a.work, "seed-stats.jsonl"), "a") as f:
        f.write(json.dumps({"pass": a.pass_, "from": a.frm, "to": a.to, "files": done[0], "bytes": done[1],
                            "seconds": round(t2 - t0, 2), "failures": fails.n}) + "\n")
    if fails.n:
        sys.exit(1)


def cmd_patchpool(a):
    """PATCH targets, spread over several projects (a create locks its project), and the POST project."""
    cl = Client(a)
    pids = []
    for k in range(8):
        st, body = cl.call("POST", "/api/v1/projects", jstr({"name": "Bench PATCH targets %d" % k}))
        if not ok(st):
            sys.exit("patchpool: project -> %d %s" % (st, body[:300]))
        pids.append(json.loads(body)["id"])
    content = jstr(read_text(os.path.join(a.fixtures, "camunda-get-started-send-email.bpmn")))
    out, lock, fails = {}, threading.Lock(), Failures(5)

    def mk(i):
        st, resp = cl.call("POST", "/api/v1/files", b'{"name":"patch target %d","projectId":"%s","fileType":"bpmn","content":%s}'
                           % (i, pids[i % len(pids)].encode(), content))
        if not ok(st):
            fails.add("patch target", st, resp)
            return
        m = json.loads(resp)
        m = m.get("metadata", m)
        with lock:
            out[i] = "%s\t%s\n" % (m["id"], m.get("revision", 1))

    with ThreadPoolExecutor(a.conc) as ex:
        list(ex.map(mk, range(a.count)))
    with open(os.path.join(a.work, "patch_ids.tsv"), "w") as f:
        f.writelines(out[i] for i in sorted(out))
    with open(os.path.join(a.work, "post_project.txt"), "w") as f:
        f.write(pids[0] + "\n")


def cmd_static(a):
    cl = Client(a)
    ids = [l.split("\t")[0] for l in open(os.path.join(a.work, "files.tsv")) if l.strip()]
    rnd = random.Random(42)
    sample = rnd.sample(ids, min(a.sample, len(ids)))
    root = os.path.join(a.work, "static", "api", "v1", "files")
    os.makedirs(root, exist_ok=True)
    good, lock = [], threading.Lock()

    def fetch(fid):
        st, body = cl.call("GET", "/api/v1/files/" + fid)
        if ok(st):
            with open(os.path.join(root, fid), "wb") as f:
                f.write(body)
            with lock:
                good.append(fid)
        else:
            sys.stderr.write("static: GET %s -> %d\n" % (fid, st))

    with ThreadPoolExecutor(a.conc) as ex:
        list(ex.map(fetch, sample))
    with open(os.path.join(a.work, "get_ids.txt"), "w") as f:
        f.write("\n".join(good) + "\n")
    total = sum(os.path.getsize(os.path.join(root, x)) for x in good)
    print("static: %d GET responses stored for nginx, %.1f MB, mean %.1f KB"
          % (len(good), total / 1e6, total / max(len(good), 1) / 1e3))


def cmd_check(a):
    cl = Client(a)
    projects = list(load_tsv(os.path.join(a.work, "projects.tsv")).values())
    bodies = {
        "projectId": {"filter": {"projectId": projects[0]}, "size": 50},
        "name": {"filter": {"name": name_of(7)}, "size": 50},
        "created": {"filter": {"created": a.day + "||/d"}, "size": 50},
        "updated": {"filter": {}, "sort": [{"field": "updated", "direction": "DESC"}], "size": 50},
    }
    res = {}
    for k, b in bodies.items():
        st, body = cl.call("POST", "/api/v1/files/search", jstr(b))
        res[k] = json.loads(body).get("total") if ok(st) else "HTTP %d" % st
    print("search totals: " + ", ".join("%s=%s" % kv for kv in res.items()))
    files = sum(1 for _ in open(os.path.join(a.work, "files.tsv")))
    with open(os.path.join(a.work, "search-totals.jsonl"), "a") as f:
        f.write(json.dumps({"pass": a.pass_, "files": files, "totals": res}) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd")
    ap.add_argument("--work", required=True)
    ap.add_argument("--fixtures", default="")
    ap.add_argument("--api", default="http://127.0.0.1:28070")
    ap.add_argument("--token-url", default="")
    ap.add_argument("--client-id", default="bench")
    ap.add_argument("--client-secret", default="bench-secret")
    ap.add_argument("--from", dest="frm", type=int, default=0)
    ap.add_argument("--to", type=int, default=0)
    ap.add_argument("--count", type=int, default=0)
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--conc", type=int, default=8)
    ap.add_argument("--day", default="")
    ap.add_argument("--pass", dest="pass_", default="")
    a = ap.parse_args()
    {"prepare": cmd_prepare, "probe": cmd_probe, "seed": cmd_seed, "patchpool": cmd_patchpool,
     "static": cmd_static, "check": cmd_check}[a.cmd](a)


if __name__ == "__main__":
    main()
