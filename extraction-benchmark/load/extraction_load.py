#!/usr/bin/env python3
"""Load generator for extraction-service: concurrent POST /api/v1/extractions with real article texts.

Usage (from the repository root, with the packaged service running, e.g. under -Xmx256m):
  python3 extraction-benchmark/load/extraction_load.py --url http://localhost:PORT/api/v1/extractions \
      [--pid PID] [--threads 8] [--seconds 60]

Texts: every seed and dev-corpus article as it is (seed size), the articles repeated to 1 MB, and a 1 MB run
of one-word quotes ("no" 100,000 times: the largest answers). Prints requests, failures, status counts,
latency percentiles per kind, and, with --pid, the peak resident set size (VmHWM) of the service process.
Python standard library only.
"""
import argparse, collections, glob, json, os, random, threading, time, urllib.error, urllib.request


def texts(home):
    articles = []
    for d in ("seeds", "extraction-core/src/test/resources/devcorpus"):
        for f in sorted(glob.glob(os.path.join(home, d, "*.txt"))):
            with open(f, encoding="utf-8") as fh:
                articles.append(fh.read())
    joined = "\n\n".join(articles)
    big = (joined + "\n\n") * (1_000_000 // len(joined.encode("utf-8")) + 1)
    return {"article": articles, "1MB news": [big], "1MB quote storm": ["Senator Jane Roe said: " + "\u201cno\u201d " * 100_000]}


def post(url, text):
    body = json.dumps({"text": text}).encode("utf-8")
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            answer = json.loads(r.read())
            status = r.status
            ok = isinstance(answer.get("quotes"), list)
    except urllib.error.HTTPError as e:
        status, ok = e.code, False
    except Exception as e:  # connection refused, timeout, reset: a failure
        status, ok = type(e).__name__, False
    return status, ok, time.monotonic() - t0


def rss_peak_kb(pid):
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--pid", type=int)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--big-share", type=float, default=0.1, help="share of requests that send a 1 MB text")
    ap.add_argument("--home", default=".")
    a = ap.parse_args()
    kinds = texts(a.home)
    lock = threading.Lock()
    latencies = collections.defaultdict(list)
    statuses = collections.Counter()
    failures = collections.Counter()
    stop = time.monotonic() + a.seconds

    def worker(seed):
        rnd = random.Random(seed)
        while time.monotonic() < stop:
            if rnd.random() < a.big_share:
                kind = rnd.choice(["1MB news", "1MB quote storm"])
            else:
                kind = "article"
            status, ok, dt = post(a.url, rnd.choice(kinds[kind]))
            with lock:
                latencies[kind].append(dt)
                statuses[status] += 1
                if not ok:
                    failures[kind] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = sum(len(v) for v in latencies.values())
    print(f"{total} requests on {a.threads} threads in {a.seconds:.0f} s; failures: {dict(failures) or 0}; "
          f"statuses: {dict(statuses)}")
    for kind, v in sorted(latencies.items()):
        v.sort()
        p = lambda q: v[min(len(v) - 1, int(q * len(v)))] * 1000
        print(f"  {kind:16s} n={len(v):5d}  p50={p(0.5):8.1f} ms  p95={p(0.95):8.1f} ms  max={v[-1]*1000:8.1f} ms")
    if a.pid:
        print(f"peak RSS (VmHWM) of pid {a.pid}: {rss_peak_kb(a.pid) / 1024:.0f} MB")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
