"""The JIT compiles a hot loop from the source the program loaded, not from the file now.

Native code is compiled from the register bytecode of the loop's function, which the JIT
makes from its source when the loop gets hot -- read from the file then, it was the file
as edited since the program started (wrong sums), and a module reloaded with a new text
kept the old one's native code. The compiler keeps each file's text as it compiled it
(``Compiler.files``), and a reloaded text is a source of its own (``code_keys``)."""
from test_jit import jit


def test_a_file_edited_while_the_program_runs(tmp_path):
    r = jit(tmp_path, """
        src = open(__file__).read()
        with open(__file__, "w") as f:
            f.write(src.replace("i " + "% 13", "i " + "% 17"))
        def f(n):
            t = 0
            for i in range(n):
                t += i % 13
            return t
        print(f(3000))
        with open(__file__, "w") as f:
            f.write(src)
    """)
    assert r.loop(7)["native_iterations"] > 2000, r.loop(7)


def test_a_module_reloaded_with_another_text(tmp_path):
    jit(tmp_path, """
        import importlib, os
        def write(k):
            with open("mod_rl.py", "w") as f:
                f.write(f"def step(n):\\n    t = 0\\n    for i in range(n):\\n        t += i % {k}\\n    return t\\n")
            importlib.invalidate_caches()
        write(13)
        import mod_rl
        print(mod_rl.step(3000))
        write(17)
        st = os.stat("mod_rl.py")
        os.utime("mod_rl.py", (st.st_atime, st.st_mtime + 5))
        importlib.reload(mod_rl)
        print(mod_rl.step(3000))
    """)
