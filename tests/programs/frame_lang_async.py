# async def / await under asyncio.run: tasks, gather, async generators, async for,
# async with, async comprehensions, exceptions crossing awaits, except* with TaskGroup
import asyncio
import traceback

log = []


async def worker(name, steps):
    total = 0
    for i in range(steps):
        log.append("%s-%d" % (name, i))
        total += i
        await asyncio.sleep(0)
    return name, total


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("acquire", self.name)
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("release", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n


async def failing(n):
    await asyncio.sleep(0)
    if n == 2:
        raise ValueError("task %d failed" % n)
    return n


async def main():
    results = await asyncio.gather(worker("a", 3), worker("b", 2), worker("c", 1))
    print(results)
    print(log)

    task = asyncio.create_task(worker("t", 2))
    print("task done?", task.done())
    print(await task, task.done(), task.result())

    squares = [x async for x in ticker(5)]
    evens = [x async for x in ticker(6) if x % 2 == 0]
    print(squares, evens)
    print({x: x + 1 async for x in ticker(3)})

    async for v in Countdown(3):
        print("countdown", v)

    async with Resource("r1") as r:
        print("inside", r.name)
    async with Resource("r2"):
        raise KeyError("suppressed by __aexit__")
    print("after suppressed KeyError")

    res = await asyncio.gather(*(failing(i) for i in range(4)), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in res])

    try:
        await asyncio.gather(failing(1), failing(2))
    except ValueError:
        traceback.print_exc()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing(0))
            tg.create_task(failing(2))
    except* ValueError as eg:
        print("TaskGroup:", [str(e) for e in eg.exceptions])

    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0)
    except (asyncio.TimeoutError, TimeoutError):
        print("timed out")

    q = asyncio.Queue()

    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)

    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got

    _, got = await asyncio.gather(producer(), consumer())
    print("queue", got)

    agen = ticker(3)
    print(await agen.__anext__(), await anext(agen))
    await agen.aclose()
    return "main done"


print(asyncio.run(main()))
