"""Loops over ranges, natively: they end where CPython's end for every kind of range
(empty, short and long runs, steps up, down and huge, bounds at the ends of 64-bit ints, a
break), and a Ctrl-C stops them at once -- an inner loop's too -- leaving the state a
handler sees exact (tauraro.jit.interrupt). A region of one loop over a range looks at the
Ctrl-C flag once a chunk of iterations, at its range's limit (passes/polls), other loops at
every back edge; these hold for any way of polling."""
from tauraro.jit.ir.passes.polls import CHUNK
from test_jit import _handled_interrupt, _interrupted_at_once, _start, jit


def test_range_loops_of_every_shape_end_where_cpythons_end(tmp_path):
    # chunks of CHUNK iterations: runs shorter, longer and much longer than one; empty runs;
    # steps up, down and huge; bounds near the ends of 64-bit ints; a break mid-chunk; an
    # inner loop whose runs change length each time
    r = jit(tmp_path, """
        B = 2 ** 63 - 1
        C = CHUNK
        cases = [(0, 0, 1), (0, 1, 1), (5, 3, 1), (0, C - 1, 1), (0, C, 1), (0, C + 1, 1),
                 (0, 5 * C + 3, 1), (3, 70000, 7), (0, 2 * C + 1, 2), (10, -5000, -1), (7, -9000, -3),
                 (0, 2 * C, 2), (1, 2 * C + 2, 2), (C, -C, -1), (0, -3 * C - 1, -3),
                 (0, 10, 3), (-B - 1, -B + 3000, 1), (B - 3000, B, 1), (B, B - 5000, -1),
                 (-B, B, 2 ** 62), (B, -B, -(2 ** 62)), (0, B, B), (-B - 1, B, 2 ** 53 + 1),
                 (1, 2 ** 20, 1023), (0, 10 ** 6, 999)]
        for start, stop, step in cases:
            n = 0
            last = None
            for i in range(start, stop, step):
                n += 1
                last = i
            print(start, stop, step, n, last)
        total = 0
        for k in range(3000):
            for j in range(k % 1500):
                total += j
        print(total)
        hits = 0
        for i in range(10 ** 6):
            if i == 5 * C + 3:
                break
            hits += i
        print(hits, i)
    """.replace("CHUNK", str(CHUNK)))
    row = r.loop(13)
    assert row["native_iterations"] > 20000, row
    assert r.loop(18)["native_iterations"] > 1000, r.loop(18)


def test_ctrl_c_stops_a_long_range_loop_at_once(tmp_path):
    proc = _start(tmp_path, """
        print("ready", flush=True)
        total = 0
        for i in range(10 ** 15):
            total += i
    """, "--jit-threshold", "100")
    text = _interrupted_at_once(proc)
    assert 'line 4, in <module>' in text or 'line 5, in <module>' in text, text


def test_ctrl_c_in_an_inner_range_loop_leaves_exact_state_for_a_handler(tmp_path):
    # the handler sees the position, the loop variable and the sums of the same iteration:
    # no iteration half done, none counted twice
    proc = _start(tmp_path, """
        print("ready", flush=True)
        s = 0
        count = 0
        try:
            for r in range(10 ** 9):
                for i in range(3, 10 ** 15, 2):
                    s += 5
                    count += 1
        except KeyboardInterrupt:
            done = (i - 3) // 2 + 1
            print("interrupted", r == 0, count == done, s == 5 * done, count > 1000)
    """, "--jit-threshold", "100", "--jit-stats")
    assert _handled_interrupt(proc) == "interrupted True True True True"
