"""A variable the loop keeps within a bound (x = (x * a + c) & 0x7FFFFFFF) is checked at
entry to start within it, so range analysis proves the loop's updates of it.

Each test runs the program under CPython and under Tauraro (threshold 1) and compares
stdout, exit code and the whole of stderr. The entry values reach beyond the bound on
both sides and near 2**63, where an update not guarded would wrap instead of making the
big int CPython makes.
"""
import re

from test_jit_ir import dump, stage


def test_a_variable_every_iteration_masks_is_checked_at_entry_and_its_updates_proved(tmp_path):
    r, texts = dump(tmp_path, """
        import sys
        def lcg(n, x):
            s = 0
            for i in range(n):
                y = x * 1103515245 + 12345       # (beyond 64 bits if x starts big)
                x = y & 0x7FFFFFFF
                s += y % 1000 + x % 7
            return s, x
        for x0 in (12345, 0, 2**31 - 1, 2**31, -1, -2**31 + 1, 2**40 + 3, -2**40, sys.maxsize, -sys.maxsize - 1):
            print(x0, lcg(3000, x0), lcg(1, x0), lcg(0, x0))
    """)
    text = texts["prog_line5.txt"]
    before, after = stage(text, "after fold"), stage(text, "after ranges")
    assert "mul_ov" in before and "mul_ov" not in after and re.search(r"= mul %", after)
    assert "check_abs %0, #2147483647" in after.split("pc5:")[0] and "check_nonneg %0" in after.split("pc5:")[0]
    reasons = r.exit_reasons(5)
    assert any(reason == "x outside [0, 2147483647] at entry" for reason, _ in reasons)
    assert r.loop(5)["native_iterations"] > 15000


def test_a_variable_set_on_some_paths_only_is_not_checked_at_entry(tmp_path):
    # x beyond the bound at entry would fail an entry check on every call: x is set on the
    # last iteration only, so it is no seed, and the loop runs natively with its guard
    r, texts = dump(tmp_path, """
        def f(n, x):
            s = 0
            for i in range(n):
                s += x % 1000 + (x * 3 > 7)
                if i == n - 1:
                    x = i & 0xFFFF
            return s, x
        for k in range(12):
            print(f(3000, 2 ** 40 + k))
    """)
    after = stage(texts["prog_line4.txt"], "after ranges")
    assert "mul_ov" in after and "check_abs %0, #65535" not in after
    assert r.loop(4)["native_iterations"] > 30000
