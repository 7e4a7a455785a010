"""Elevator bank simulation: cars, passengers, dispatch policies, tick by tick.

Workload: object-oriented simulation. A building with several elevator cars,
each a small state machine (idle, moving up/down, doors open) holding a set of
stops and a list of riders; passengers are objects with origin, destination
and timestamps; a dispatcher class hierarchy (nearest-car, and a
cost-function dispatcher subclass that accounts for direction and load)
assigns hall calls. Traffic follows a morning-up-peak, midday and
evening-down-peak pattern from a seeded ``random.Random``. Both policies run
on the same traffic; wait and ride statistics are printed.
"""
import random

IDLE, UP, DOWN, DOORS = "idle", "up", "down", "doors"
HOURS = 24


class Passenger:
    __slots__ = ("ident", "origin", "dest", "t_call", "t_board", "t_arrive")

    def __init__(self, ident, origin, dest, t_call):
        self.ident = ident
        self.origin = origin
        self.dest = dest
        self.t_call = t_call
        self.t_board = None
        self.t_arrive = None

    @property
    def direction(self):
        return UP if self.dest > self.origin else DOWN


class Car:
    def __init__(self, ident, capacity, floors):
        self.ident = ident
        self.capacity = capacity
        self.floors = floors
        self.floor = 0
        self.state = IDLE
        self.heading = IDLE
        self.stops = set()
        self.riders = []
        self.door_timer = 0
        self.travelled = 0
        self.assigned = 0

    def load(self):
        return len(self.riders)

    def add_stop(self, floor):
        self.stops.add(floor)

    def choose_heading(self):
        if not self.stops:
            return IDLE
        above = [f for f in self.stops if f > self.floor]
        below = [f for f in self.stops if f < self.floor]
        if self.heading == UP and above:
            return UP
        if self.heading == DOWN and below:
            return DOWN
        if above and below:
            return UP if min(above) - self.floor <= self.floor - max(below) else DOWN
        if above:
            return UP
        if below:
            return DOWN
        return IDLE

    def step(self, building, now):
        if self.state == DOORS:
            self.door_timer -= 1
            if self.door_timer <= 0:
                self.state = IDLE
            return
        if self.floor in self.stops:
            self.stops.discard(self.floor)
            self.open_doors(building, now)
            return
        heading = self.choose_heading()
        self.heading = heading
        if heading == UP:
            self.floor += 1
            self.travelled += 1
            self.state = UP
        elif heading == DOWN:
            self.floor -= 1
            self.travelled += 1
            self.state = DOWN
        else:
            self.state = IDLE

    def open_doors(self, building, now):
        self.state = DOORS
        self.door_timer = 2
        staying = []
        for p in self.riders:
            if p.dest == self.floor:
                p.t_arrive = now
                building.delivered.append(p)
            else:
                staying.append(p)
        self.riders = staying
        waiting = building.waiting[self.floor]
        still = []
        for p in waiting:
            if len(self.riders) < self.capacity and building.assignment.get(p.ident) == self.ident:
                p.t_board = now
                self.riders.append(p)
                self.add_stop(p.dest)
            else:
                still.append(p)
        building.waiting[self.floor] = still
        for p in still:
            if building.assignment.get(p.ident) == self.ident:
                # car full: the call goes back to the dispatcher
                del building.assignment[p.ident]
                building.unassigned.append(p)


class Dispatcher:
    name = "nearest"

    def cost(self, car, p):
        return abs(car.floor - p.origin) + (1000 if car.load() >= car.capacity else 0)

    def assign(self, building, p):
        best = min(building.cars, key=lambda c: (self.cost(c, p), c.ident))
        building.assignment[p.ident] = best.ident
        best.assigned += 1
        best.add_stop(p.origin)


class CostDispatcher(Dispatcher):
    name = "cost"

    def cost(self, car, p):
        distance = abs(car.floor - p.origin)
        cost = distance * 2 + car.load() * 3 + len(car.stops)
        if car.state in (UP, DOWN):
            moving_toward = (car.state == UP and p.origin >= car.floor) or \
                            (car.state == DOWN and p.origin <= car.floor)
            if moving_toward and car.state == p.direction:
                cost -= 4
            elif not moving_toward:
                cost += 10
        if car.load() >= car.capacity:
            cost += 50
        return cost


class Building:
    def __init__(self, floors, n_cars, capacity, dispatcher):
        self.floors = floors
        self.cars = [Car(i, capacity, floors) for i in range(n_cars)]
        self.waiting = [[] for _ in range(floors)]
        self.assignment = {}
        self.unassigned = []
        self.delivered = []
        self.dispatcher = dispatcher

    def call(self, p):
        self.waiting[p.origin].append(p)
        self.dispatcher.assign(self, p)

    def tick(self, now):
        if self.unassigned:
            pending, self.unassigned = self.unassigned, []
            for p in pending:
                self.dispatcher.assign(self, p)
        for car in self.cars:
            car.step(self, now)


def traffic(seed, floors, minutes):
    rng = random.Random(seed)
    calls = []
    ident = 0
    for t in range(minutes):
        hour = (t / 60.0) % 8
        if hour < 2:
            rate, pattern = 6.5, "up"
        elif hour < 5:
            rate, pattern = 3.5, "mixed"
        else:
            rate, pattern = 6.0, "down"
        n = int(rate) + (1 if rng.random() < rate - int(rate) else 0)
        for _ in range(n):
            if pattern == "up":
                origin, dest = 0, rng.randrange(1, floors)
            elif pattern == "down":
                origin, dest = rng.randrange(1, floors), 0
            else:
                origin = rng.randrange(floors)
                dest = rng.randrange(floors - 1)
                if dest >= origin:
                    dest += 1
            calls.append(Passenger(ident, origin, dest, t))
            ident += 1
    return calls


def simulate(dispatcher, seed):
    floors = 25
    building = Building(floors, 6, 12, dispatcher)
    calls = traffic(seed, floors, HOURS * 60)
    # each simulated minute has 12 ticks
    by_tick = {}
    for p in calls:
        p.t_call = p.t_call * 12
        by_tick.setdefault(p.t_call, []).append(p)
    now = 0
    horizon = HOURS * 60 * 12 + 2000
    while now < horizon and len(building.delivered) < len(calls):
        for p in by_tick.get(now, ()):
            building.call(p)
        building.tick(now)
        now += 1
    waits = [p.t_board - p.t_call for p in building.delivered]
    rides = [p.t_arrive - p.t_board for p in building.delivered]
    waits.sort()
    return {
        "calls": len(calls), "delivered": len(building.delivered), "ticks": now,
        "mean_wait": sum(waits) / len(waits), "p95_wait": waits[int(len(waits) * 0.95)],
        "max_wait": waits[-1], "mean_ride": sum(rides) / len(rides),
        "travel": [c.travelled for c in building.cars], "assigned": [c.assigned for c in building.cars],
    }


def main():
    for seed in range(1, 8):
        for disp in (Dispatcher(), CostDispatcher()):
            r = simulate(disp, seed)
            print("seed %d %-8s calls %d delivered %d ticks %d wait mean %.2f p95 %d max %d ride %.2f"
                  % (seed, disp.name, r["calls"], r["delivered"], r["ticks"], r["mean_wait"],
                     r["p95_wait"], r["max_wait"], r["mean_ride"]))
            print("    travel per car", r["travel"], "calls per car", r["assigned"])


if __name__ == "__main__":
    main()
