"""Discrete-event simulation of a job shop: a network of multi-server stations.

Workload: scheduler / discrete-event simulation with ``heapq``. Jobs arrive at
random, follow a route through stations (each with several servers and a FIFO
queue), may be reworked and sent back, and leave. The simulation clock jumps
from event to event popped off a binary heap of ``(time, seq, event)`` tuples
(``seq`` breaks ties deterministically). Event objects dispatch to handler
methods by name. Statistics: per-station utilisation, waits, queue lengths,
and time in system. Random numbers come from a seeded ``random.Random``.
"""
import heapq
import math
import random


class Job:
    __slots__ = ("ident", "kind", "route", "step", "created", "waited", "reworks")

    def __init__(self, ident, kind, route, created):
        self.ident = ident
        self.kind = kind
        self.route = route
        self.step = 0
        self.created = created
        self.waited = 0.0
        self.reworks = 0


class Event:
    __slots__ = ("action", "station", "job")

    def __init__(self, action, station=None, job=None):
        self.action = action
        self.station = station
        self.job = job


class Station:
    def __init__(self, name, servers, mean_service, rework_prob):
        self.name = name
        self.servers = servers
        self.busy = 0
        self.mean_service = mean_service
        self.rework_prob = rework_prob
        self.queue = []
        self.head = 0
        self.arrived_at = {}
        self.busy_area = 0.0
        self.queue_area = 0.0
        self.last_change = 0.0
        self.max_queue = 0
        self.completed = 0
        self.total_wait = 0.0

    def queue_len(self):
        return len(self.queue) - self.head

    def account(self, now):
        dt = now - self.last_change
        self.busy_area += dt * self.busy
        self.queue_area += dt * self.queue_len()
        self.last_change = now

    def enqueue(self, job, now):
        self.queue.append(job)
        self.arrived_at[job.ident] = now
        n = self.queue_len()
        if n > self.max_queue:
            self.max_queue = n

    def dequeue(self, now):
        job = self.queue[self.head]
        self.head += 1
        if self.head > 1024 and self.head * 2 > len(self.queue):
            del self.queue[:self.head]
            self.head = 0
        wait = now - self.arrived_at.pop(job.ident)
        job.waited += wait
        self.total_wait += wait
        return job


class Simulation:
    ROUTES = {
        "A": ["cut", "drill", "paint", "inspect"],
        "B": ["cut", "weld", "paint", "inspect"],
        "C": ["drill", "weld", "inspect"],
        "D": ["cut", "drill", "weld", "paint", "inspect"],
    }

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.now = 0.0
        self.events = []
        self.seq = 0
        self.stations = {
            "cut": Station("cut", 3, 2.6, 0.0),
            "drill": Station("drill", 2, 1.9, 0.02),
            "weld": Station("weld", 3, 3.4, 0.05),
            "paint": Station("paint", 2, 2.1, 0.03),
            "inspect": Station("inspect", 2, 1.2, 0.08),
        }
        self.next_job = 0
        self.finished = 0
        self.time_in_system = 0.0
        self.max_in_system = 0.0
        self.by_kind = {k: 0 for k in sorted(self.ROUTES)}
        self.processed = 0

    def exp(self, mean):
        return -mean * math.log(1.0 - self.rng.random())

    def schedule(self, delay, event):
        self.seq += 1
        heapq.heappush(self.events, (self.now + delay, self.seq, event))

    def on_arrival(self, ev):
        kinds = "AABBBCD"
        kind = kinds[self.rng.randrange(len(kinds))]
        job = Job(self.next_job, kind, self.ROUTES[kind], self.now)
        self.next_job += 1
        self.route(job)
        self.schedule(self.exp(1.05), Event("arrival"))

    def route(self, job):
        station = self.stations[job.route[job.step]]
        station.account(self.now)
        if station.busy < station.servers:
            station.busy += 1
            self.schedule(self.exp(station.mean_service), Event("done", station, job))
        else:
            station.enqueue(job, self.now)

    def on_done(self, ev):
        station, job = ev.station, ev.job
        station.account(self.now)
        station.completed += 1
        if station.queue_len():
            nxt = station.dequeue(self.now)
            self.schedule(self.exp(station.mean_service), Event("done", station, nxt))
        else:
            station.busy -= 1
        if self.rng.random() < station.rework_prob and job.step > 0:
            job.reworks += 1
            job.step -= 1
        else:
            job.step += 1
        if job.step == len(job.route):
            self.finished += 1
            t = self.now - job.created
            self.time_in_system += t
            if t > self.max_in_system:
                self.max_in_system = t
            self.by_kind[job.kind] += 1
        else:
            self.route(job)

    def on_report(self, ev):
        self.schedule(500.0, Event("report"))

    def run(self, until):
        handlers = {"arrival": self.on_arrival, "done": self.on_done, "report": self.on_report}
        self.schedule(0.0, Event("arrival"))
        self.schedule(500.0, Event("report"))
        while self.events:
            t, _, ev = heapq.heappop(self.events)
            if t > until:
                break
            self.now = t
            self.processed += 1
            handlers[ev.action](ev)
        for st in self.stations.values():
            st.account(self.now)


def main():
    total_events = 0
    for seed in (11, 12):
        sim = Simulation(seed)
        sim.run(90000.0)
        total_events += sim.processed
        print("seed %d: events %d jobs in %d finished %d mean time in system %.3f max %.3f"
              % (seed, sim.processed, sim.next_job, sim.finished,
                 sim.time_in_system / sim.finished, sim.max_in_system))
        print("  finished by kind:", sorted(sim.by_kind.items()))
        for name in sorted(sim.stations):
            st = sim.stations[name]
            print("  %-8s util %.4f mean queue %.3f max queue %4d done %6d mean wait %.3f"
                  % (name, st.busy_area / (st.servers * sim.now), st.queue_area / sim.now,
                     st.max_queue, st.completed, st.total_wait / max(1, st.completed)))
    print("total events:", total_events)


if __name__ == "__main__":
    main()
