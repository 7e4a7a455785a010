"""Log processing through pipelines of generators.

Workload: generators. Synthetic web-server log lines are produced lazily by a
generator, then pass through a chain of generator stages: parsing into
records, filtering, enrichment, sliding windows (``collections.deque``),
sessionisation (grouping consecutive records per user with a timeout),
``yield from`` delegation, ``itertools`` (``islice``, ``groupby``, ``chain``,
``accumulate``, ``tee``) and a coroutine-style running aggregator driven with
``send()``. Generator expressions and ``sorted``/``max`` with keys summarise.
"""
import itertools
import random
from collections import deque

PATHS = ["/", "/index.html", "/api/items", "/api/items/42", "/api/users", "/login",
         "/logout", "/static/app.js", "/static/style.css", "/search", "/cart", "/checkout"]
METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE"]
STATUSES = [200, 200, 200, 200, 201, 204, 301, 304, 400, 403, 404, 500, 503]


def log_lines(seed, n):
    rng = random.Random(seed)
    t = 1_700_000_000
    users = ["user%03d" % i for i in range(250)]
    for i in range(n):
        t += rng.randrange(0, 4)
        user = users[int(rng.random() ** 2 * len(users))]
        path = PATHS[rng.randrange(len(PATHS))]
        if rng.random() < 0.3:
            path += "?q=%d" % rng.randrange(1000)
        yield "%d %s %s %s %d %d" % (t, user, METHODS[rng.randrange(len(METHODS))], path,
                                      STATUSES[rng.randrange(len(STATUSES))], rng.randrange(100, 50000))


def parse(lines):
    for line in lines:
        ts, user, method, path, status, size = line.split(" ")
        route, _, query = path.partition("?")
        yield {"ts": int(ts), "user": user, "method": method, "route": route,
               "query": query, "status": int(status), "size": int(size)}


def only(records, predicate):
    for r in records:
        if predicate(r):
            yield r


def enrich(records):
    for r in records:
        r["kind"] = ("static" if r["route"].startswith("/static") else
                     "api" if r["route"].startswith("/api") else "page")
        r["error"] = r["status"] >= 400
        yield r


def windows(items, size):
    win = deque(maxlen=size)
    for it in items:
        win.append(it)
        if len(win) == size:
            yield tuple(win)


def sessions(records, timeout):
    last_seen = {}
    current = {}
    for r in records:
        u = r["user"]
        if u in last_seen and r["ts"] - last_seen[u] > timeout:
            yield u, current.pop(u)
        current.setdefault(u, []).append(r)
        last_seen[u] = r["ts"]
    for u in sorted(current):
        yield u, current[u]


def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return total, count
        total += value
        count += 1
        average = total // count


def run_averager(values):
    coro = averager()
    next(coro)
    last = None
    for v in values:
        last = coro.send(v)
    try:
        coro.send(None)
    except StopIteration as stop:
        return last, stop.value


def main():
    n = 90000
    # stage 1: error rate per kind over the whole stream
    records = enrich(parse(log_lines(1, n)))
    errors = {}
    totals = {}
    for r in records:
        totals[r["kind"]] = totals.get(r["kind"], 0) + 1
        if r["error"]:
            errors[r["kind"]] = errors.get(r["kind"], 0) + 1
    print("requests by kind:", sorted(totals.items()), "errors:", sorted(errors.items()))

    # stage 2: big API responses, sliding windows of sizes
    api = only(enrich(parse(log_lines(2, n))), lambda r: r["kind"] == "api" and r["method"] == "GET")
    sizes = (r["size"] for r in api)
    peak = max(sum(w) for w in windows(sizes, 20))
    print("peak 20-request API volume:", peak)

    # stage 3: sessions
    recs = parse(log_lines(3, n))
    sess = list(sessions(recs, 40))
    longest = max(sess, key=lambda s: (len(s[1]), s[0]))
    per_user = {}
    for u, rs in sess:
        per_user[u] = per_user.get(u, 0) + 1
    print("sessions:", len(sess), "longest:", longest[0], len(longest[1]),
          "most sessions:", max(sorted(per_user.items()), key=lambda kv: kv[1]))

    # stage 4: itertools -- groupby consecutive status classes, accumulate, tee
    a, b = itertools.tee(r["status"] // 100 for r in parse(log_lines(4, n)))
    runs = [(k, sum(1 for _ in g)) for k, g in itertools.groupby(a)]
    longest_run = max(runs, key=lambda kv: (kv[1], -kv[0]))
    running = list(itertools.islice(itertools.accumulate(b), 0, None, 9000))
    print("status runs:", len(runs), "longest run:", longest_run, "running sums:", running[:5])

    # stage 5: yield from + chain + coroutine
    nested = [[i, (i + 1, [i + 2, (i + 3,)])] for i in range(0, 60000, 4)]
    flat_total = 0
    for v in itertools.chain(flatten(nested), range(10)):
        flat_total += v
    last_avg, (tot, cnt) = run_averager(r["size"] for r in parse(log_lines(5, n // 2)))
    print("flattened sum:", flat_total, "running average:", last_avg, "total", tot, "count", cnt)

    top = sorted(((r["route"], r["size"]) for r in parse(log_lines(6, n // 3))),
                 key=lambda rs: (-rs[1], rs[0]))[:3]
    print("largest responses:", top)


if __name__ == "__main__":
    main()
