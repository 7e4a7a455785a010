"""The bound on what a loop inlines counts each call it inlines (tauraro.jit.inline).

A callee is typed once for its argument types and inlined at every call of it: a function
calling itself twice, inlined five deep, was 2**5 copies of itself in one module (a
quicksort's outer loop: 275 KB of wasm, ~3 s of compile for a loop that never paid).
Each inlined call now adds its code, its own inlined calls included, to the region's
size, which MAX_INSTRUCTIONS bounds (a ray tracer's row loop inlines ~1,200 instructions
of its calls, to good effect)."""
from test_jit import jit

QUICKSORT = """
    def quick(a, lo, hi):
        while lo < hi:
            p = a[(lo + hi) // 2]
            i, j = lo, hi
            while i <= j:
                while a[i] < p: i += 1
                while a[j] > p: j -= 1
                if i <= j:
                    a[i], a[j] = a[j], a[i]
                    i += 1; j -= 1
            if j - lo < hi - i:
                quick(a, lo, j); lo = i
            else:
                quick(a, i, hi); hi = j
        return a

    data = [(i * 7919) % 3001 for i in range(3000)]
    print(quick(data, 0, len(data) - 1) == sorted(data))
"""


def test_a_function_calling_itself_twice_is_not_inlined_exponentially(tmp_path):
    out = tmp_path / "wasm"
    out.mkdir()
    r = jit(tmp_path, QUICKSORT, "--emit-wasm", str(out))
    sizes = {f.stem: f.stat().st_size for f in out.iterdir() if f.suffix == ".wasm"}
    assert "prog_line3" in sizes, sizes
    assert sizes["prog_line3"] < 200_000, sizes       # (275 KB before; ~140 KB at the bound)
    assert any("already 1500 instructions" in reason for reason, _ in r.exit_reasons(3)), r.exit_reasons(3)

