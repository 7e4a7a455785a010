"""A Richards-style operating-system task scheduler simulation.

Workload: object-oriented simulation. Six tasks (an idle task, a worker, two
packet handlers and two devices) exchange packets through a priority scheduler.
Each task is a subclass with its own ``step`` method; packets are linked-list
objects appended to per-task queues; the scheduler picks the highest-priority
runnable task, and tasks hold, release, wait and send packets to one another.
Lots of small method calls, attribute reads/writes and ``is None`` tests. The
run is repeated several times and the number of packets sent and of holds is
checked to be the same every time.
"""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE = 0
KIND_WORK = 1
DATA_SIZE = 4
BIG_COUNT = 40000
REPEATS = 14


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        node = queue
        while node.link is not None:
            node = node.link
        node.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = False
        self.held = False
        self.next = None
        sched.add_task(self)

    def blocked(self):
        return self.held or (self.waiting and not self.packet_pending)

    def receive(self, sender, packet):
        """Queue ``packet`` here; return the task that should run next."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    def run(self):
        packet = None
        if self.waiting and self.packet_pending:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = False
        return self.step(packet)

    def step(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        super().__init__(sched, ident, priority, None)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_current()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.sched.wait_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.dest = self.destination
        packet.datum = 0
        data = packet.data
        for i in range(DATA_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            data[i] = self.count
        return self.sched.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.work_queue = None
        self.device_queue = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_queue = packet.append_to(self.work_queue)
            else:
                self.device_queue = packet.append_to(self.device_queue)
        work = self.work_queue
        if work is not None:
            count = work.datum
            if count >= DATA_SIZE:
                self.work_queue = work.link
                return self.sched.send(work)
            device = self.device_queue
            if device is not None:
                self.device_queue = device.link
                device.datum = work.data[count]
                work.datum = count + 1
                return self.sched.send(device)
        return self.sched.wait_current()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority, None)
        self.pending = None
        self.checksum = 0

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.sched.wait_current()
            self.pending = None
            return self.sched.send(pending)
        self.pending = packet
        self.checksum = (self.checksum * 31 + packet.datum) % 1000003
        return self.sched.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.head = None
        self.current = None
        self.sent = 0
        self.holds = 0

    def add_task(self, task):
        self.tasks[task.ident] = task
        # keep the run list sorted by priority, highest first
        if self.head is None or task.priority > self.head.priority:
            task.next = self.head
            self.head = task
            return
        node = self.head
        while node.next is not None and node.next.priority >= task.priority:
            node = node.next
        task.next = node.next
        node.next = task

    def hold_current(self):
        self.holds += 1
        self.current.held = True
        return self.current.next

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, packet):
        target = self.tasks[packet.dest]
        self.sent += 1
        packet.link = None
        packet.dest = self.current.ident
        return target.receive(self.current, packet)

    def schedule(self):
        task = self.head
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                self.current = task
                task = task.run()


def run_once(count):
    sched = Scheduler()
    IdleTask(sched, IDLE, 0, count)
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    WorkerTask(sched, WORKER, 1000, work).waiting = True
    queue = Packet(None, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    HandlerTask(sched, HANDLER_A, 2000, queue).waiting = True
    queue = Packet(None, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    HandlerTask(sched, HANDLER_B, 3000, queue).waiting = True
    DeviceTask(sched, DEVICE_A, 4000).waiting = True
    DeviceTask(sched, DEVICE_B, 5000).waiting = True
    sched.schedule()
    checks = (sched.tasks[DEVICE_A].checksum, sched.tasks[DEVICE_B].checksum)
    return sched.sent, sched.holds, checks


def main():
    results = []
    for count in (100, 1000, 10000):
        results.append(run_once(count))
        print("count", count, "-> sent", results[-1][0], "holds", results[-1][1],
              "device checksums", results[-1][2])
    big = None
    for _ in range(REPEATS):
        r = run_once(BIG_COUNT)
        if big is None:
            big = r
        elif r != big:
            raise SystemExit("nondeterministic result")
    print(REPEATS, "repeats of count", BIG_COUNT, "agree:", big)


if __name__ == "__main__":
    main()
