"""CPU scheduling policies compared on one workload: FCFS, SJF, round robin, MLFQ.

Workload: scheduler / discrete-event simulation with ``heapq``. A generated
set of processes (each a list of alternating CPU and I/O bursts, seeded
``random.Random``) is run on a 2-CPU machine under several policies that share
a ``Scheduler`` base class: first-come-first-served (a deque), shortest job
first and shortest-remaining-time (heaps keyed by burst length), round robin
with a time quantum, and a multi-level feedback queue with priority boosts.
Events (arrivals, burst completions, quantum expiries, I/O completions) sit in
one ``heapq`` ordered by ``(time, seq)``. Turnaround, waiting and response
times, context switches and CPU utilisation are printed per policy.
"""
import heapq
import random
from collections import deque


class Process:
    __slots__ = ("pid", "arrival", "bursts", "index", "remaining", "first_run", "finish",
                 "ready_since", "waited", "level", "used_in_level")

    def __init__(self, pid, arrival, bursts):
        self.pid = pid
        self.arrival = arrival
        self.bursts = bursts  # cpu, io, cpu, io, ..., cpu
        self.index = 0
        self.remaining = bursts[0]
        self.first_run = None
        self.finish = None
        self.ready_since = arrival
        self.waited = 0
        self.level = 0
        self.used_in_level = 0


def make_workload(seed, n):
    rng = random.Random(seed)
    procs = []
    t = 0
    for pid in range(n):
        t += int(rng.expovariate(1 / 58.0))
        interactive = rng.random() < 0.6
        bursts = []
        for k in range(rng.randrange(1, 6) * 2 + 1):
            if k % 2 == 0:
                bursts.append(rng.randrange(1, 8) if interactive else rng.randrange(10, 120))
            else:
                bursts.append(rng.randrange(5, 60))
        procs.append((pid, t, bursts))
    return procs


class Scheduler:
    name = "base"
    quantum = None
    preemptive_on_arrival = False

    def __init__(self):
        self.seq = 0

    def tick_seq(self):
        self.seq += 1
        return self.seq

    def on_quantum_expired(self, p):
        pass

    def quantum_for(self, p):
        return self.quantum


class FCFS(Scheduler):
    name = "fcfs"

    def __init__(self):
        super().__init__()
        self.queue = deque()

    def add(self, p, now):
        self.queue.append(p)

    def pick(self, now):
        return self.queue.popleft() if self.queue else None

    def __len__(self):
        return len(self.queue)


class SJF(Scheduler):
    name = "sjf"

    def __init__(self):
        super().__init__()
        self.heap = []

    def add(self, p, now):
        heapq.heappush(self.heap, (p.remaining, self.tick_seq(), p))

    def pick(self, now):
        return heapq.heappop(self.heap)[2] if self.heap else None

    def __len__(self):
        return len(self.heap)


class SRTF(SJF):
    name = "srtf"
    preemptive_on_arrival = True


class RoundRobin(FCFS):
    name = "rr"
    quantum = 8


class MLFQ(Scheduler):
    name = "mlfq"
    quanta = (4, 8, 16, 32)
    boost_every = 400

    def __init__(self):
        super().__init__()
        self.levels = [deque() for _ in self.quanta]
        self.last_boost = 0

    def add(self, p, now):
        self.levels[p.level].append(p)

    def quantum_for(self, p):
        return self.quanta[p.level] - p.used_in_level

    def on_quantum_expired(self, p):
        if p.level < len(self.quanta) - 1:
            p.level += 1
        p.used_in_level = 0

    def pick(self, now):
        if now - self.last_boost >= self.boost_every:
            self.last_boost = now
            for lvl in self.levels[1:]:
                while lvl:
                    q = lvl.popleft()
                    q.level = 0
                    q.used_in_level = 0
                    self.levels[0].append(q)
        for lvl in self.levels:
            if lvl:
                return lvl.popleft()
        return None

    def __len__(self):
        total = 0
        for lvl in self.levels:
            total += len(lvl)
        return total


class Machine:
    def __init__(self, policy, workload, cpus=2):
        self.policy = policy
        self.procs = [Process(pid, t, list(b)) for pid, t, b in workload]
        self.cpus = [None] * cpus
        self.cpu_started = [0] * cpus
        self.cpu_token = [0] * cpus
        self.events = []
        self.seq = 0
        self.busy = 0
        self.switches = 0
        self.now = 0
        self.done = 0

    def push(self, t, kind, data):
        self.seq += 1
        heapq.heappush(self.events, (t, self.seq, kind, data))

    def make_ready(self, p):
        p.ready_since = self.now
        self.policy.add(p, self.now)
        if self.policy.preemptive_on_arrival:
            self.maybe_preempt(p)
        self.dispatch()

    def maybe_preempt(self, newcomer):
        worst, worst_left = None, newcomer.remaining
        for c, p in enumerate(self.cpus):
            if p is None:
                return
            left = p.remaining - (self.now - self.cpu_started[c])
            if left > worst_left:
                worst, worst_left = c, left
        if worst is not None:
            self.stop(worst, requeue=True)

    def stop(self, c, requeue):
        p = self.cpus[c]
        ran = self.now - self.cpu_started[c]
        p.remaining -= ran
        p.used_in_level += ran
        self.busy += ran
        self.cpus[c] = None
        self.cpu_token[c] += 1
        if requeue:
            p.ready_since = self.now
            self.policy.add(p, self.now)
        return p

    def dispatch(self):
        for c in range(len(self.cpus)):
            if self.cpus[c] is None and len(self.policy):
                p = self.policy.pick(self.now)
                if p is None:
                    return
                p.waited += self.now - p.ready_since
                if p.first_run is None:
                    p.first_run = self.now
                self.cpus[c] = p
                self.cpu_started[c] = self.now
                self.cpu_token[c] += 1
                self.switches += 1
                q = self.policy.quantum_for(p)
                if q is not None and q < p.remaining:
                    self.push(self.now + q, "expire", (c, self.cpu_token[c]))
                else:
                    self.push(self.now + p.remaining, "burst_done", (c, self.cpu_token[c]))

    def run(self):
        for p in self.procs:
            self.push(p.arrival, "arrive", p)
        while self.events:
            t, _, kind, data = heapq.heappop(self.events)
            self.now = t
            if kind == "arrive":
                self.make_ready(data)
            elif kind == "io_done":
                data.index += 1
                data.remaining = data.bursts[data.index]
                self.make_ready(data)
            else:
                c, token = data
                if token != self.cpu_token[c]:
                    continue  # stale: the process was preempted
                if kind == "expire":
                    p = self.stop(c, requeue=False)
                    self.policy.on_quantum_expired(p)
                    p.ready_since = self.now
                    self.policy.add(p, self.now)
                else:
                    p = self.stop(c, requeue=False)
                    p.index += 1
                    if p.index >= len(p.bursts):
                        p.finish = self.now
                        self.done += 1
                    else:
                        self.push(self.now + p.bursts[p.index], "io_done", p)
                self.dispatch()
        return self


def report(m):
    n = len(m.procs)
    turnaround = waited = response = 0
    worst = 0
    for p in m.procs:
        ta = p.finish - p.arrival
        turnaround += ta
        waited += p.waited
        response += p.first_run - p.arrival
        if p.waited > worst:
            worst = p.waited
    return ("%-5s finished %d/%d makespan %d avg turnaround %.2f avg wait %.2f avg response %.2f "
            "max wait %d switches %d util %.3f"
            % (m.policy.name, m.done, n, m.now, turnaround / n, waited / n, response / n, worst,
               m.switches, m.busy / (m.now * len(m.cpus))))


def main():
    for seed in (5, 6, 7):
        workload = make_workload(seed, 4000)
        print("workload", seed, "cpu time", sum(sum(b[0::2]) for _, _, b in workload))
        for policy in (FCFS, SJF, SRTF, RoundRobin, MLFQ):
            print("  " + report(Machine(policy(), workload).run()))


if __name__ == "__main__":
    main()
