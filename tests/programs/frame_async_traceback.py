# an exception raised inside a coroutine and not caught: the traceback goes
# through asyncio's own frames (runners, base_events) down to the coroutines
import asyncio


async def fetch(key):
    await asyncio.sleep(0)
    data = {"a": 1}
    return data[key]


async def handler(keys):
    out = []
    for k in keys:
        out.append(await fetch(k))
    return out


async def main():
    print(await handler(["a"]))
    task = asyncio.create_task(handler(["a", "b"]))
    return await task


asyncio.run(main())
