"""Instructions the resume interpreter runs after native code leaves a loop mid-iteration,
where they raise or decide as CPython's do (tauraro.compiler.opcodes' templates and
tauraro.vm's helpers): each loop runs natively, then a rare branch leaves to the resume
interpreter, which runs the instruction. Compared with CPython: stdout, exit code, stderr."""
from test_jit import jit


def test_errors_raised_by_resumed_instructions_have_no_stray_context(tmp_path):
    # an empty cell's UnboundLocalError/NameError (with .name for a free variable), and
    # [*x] of a non-iterable, are raised after the helper's own handler: no __context__
    r = jit(tmp_path, """
        def f(n):
            def g():
                return x
            out = []
            for i in range(n):
                if i == n - 1:
                    try:
                        print(x)
                    except UnboundLocalError as e:
                        out.append((repr(e), repr(e.__context__), e.__suppress_context__))
                    try:
                        [*i]
                    except TypeError as e:
                        out.append((repr(e), repr(e.__context__), e.__suppress_context__))
                    try:
                        (*i,)
                    except TypeError as e:
                        out.append((repr(e), repr(e.__context__)))
            print(out)
            x = 1
            return g

        def h(n):
            def inner():
                for i in range(n):
                    if i == n - 1:
                        try:
                            v
                        except NameError as e:
                            print(repr(e), repr(e.__context__), e.name)
            inner()
            v = 2
        f(3000)
        h(3000)
    """)
    assert r.loop(6)["native_iterations"] > 2000, r.loop(6)


def test_unbound_local_in_a_resumed_iteration_points_at_the_name(tmp_path):
    # (3.12+ underline the name alone; 3.11 the name too when it is read first)
    jit(tmp_path, """
        def f(n):
            for i in range(n):
                if i == n - 1:
                    print(x * 2 + i)
                if i < 0:
                    x = 1
        f(3000)
    """)


def test_keyword_unpacking_of_a_dict_subclass_reads_its_table(tmp_path):
    # CPython's DICT_MERGE ignores an overridden __getitem__/keys of a dict subclass that
    # keeps dict's __iter__, and calls them for one that overrides __iter__
    r = jit(tmp_path, """
        class D(dict):
            def __getitem__(self, k):
                return 42
            def keys(self):
                return ["a", "b"]
        class E(D):
            def __iter__(self):
                return iter(["a"])
        def g(**kw):
            return kw
        def f(n):
            out = []
            for i in range(n):
                if i == n - 1:
                    out.append(g(**D(a=1)))
                    out.append(g(x=2, **D(a=1)))
                    out.append(dict(**D(b=3)))
                    out.append(g(**E(a=1)))
                    try:
                        g(a=0, **D(a=1))
                    except TypeError as e:
                        out.append(str(e))
            print(out)
        f(3000)
    """)
    assert r.loop(14)["native_iterations"] > 2000, r.loop(14)


def test_match_sequence_and_mapping_test_the_type_not_isinstance(tmp_path):
    # a Mock with spec=list fakes __class__; CPython tests the type's flags; and 3.11
    # calls a non-class pattern "not a type"
    r = jit(tmp_path, """
        import collections, collections.abc
        from unittest import mock
        class R:
            def __len__(self): return 2
            def __getitem__(self, i): return i
        collections.abc.Sequence.register(R)
        subjects = [mock.Mock(spec=list), mock.Mock(spec=dict), R(), "ab", bytearray(b"ab"),
                    collections.deque([1, 2]), collections.OrderedDict(a=1), range(2), 5]
        def f(n):
            out = []
            for i in range(n):
                if i % 1000 == 999:
                    match subjects[i // 1000]:
                        case [a, b]:
                            out.append("sequence")
                        case {**kw}:
                            out.append("mapping")
                        case _ if i > 8000:
                            match i:
                                case len():
                                    pass
                        case _:
                            out.append("other")
            return out
        print(f(8000))
        try:
            f(9000)
        except TypeError as e:
            print(e)
    """)
    assert r.loop(12)["native_iterations"] > 2000, r.loop(12)


def test_raise_of_a_class_whose_new_returns_no_exception(tmp_path):
    jit(tmp_path, """
        class BadNew(Exception):
            def __new__(cls, *a):
                return 5
        def f(n):
            for i in range(n):
                if i == n - 1:
                    try:
                        raise BadNew
                    except TypeError as e:
                        print(e)
        f(3000)
    """)


def test_a_raising_exit_in_a_resumed_iteration_is_placed_as_cpython_places_it(tmp_path):
    # (3.13 puts the __exit__ calls at the item's expression, earlier ones at the statement)
    jit(tmp_path, """
        import traceback
        class CM:
            def __init__(self, fail): self.fail = fail
            def __enter__(self):
                return self
            def __exit__(self, t, v, tb):
                if self.fail:
                    raise KeyError("from exit")
        def f(n, fail, body):
            for i in range(n):
                if i == n - 1:
                    with CM(
                          fail) as c:
                        if body:
                            1 / 0
        for fail, body in ((0, 1), (1, 0), (1, 1)):
            try:
                f(3000, fail, body)
            except Exception:
                traceback.print_exc()
    """)


def test_an_exception_a_resumed_iteration_raised_and_caught_is_freed_by_the_loops_end(tmp_path):
    # (its traceback holds the block's frame, whose callers hold the registers, where the
    # raise's temporary held the exception: a cycle only gc.collect() freed)
    r = jit(tmp_path, """
        freed = []
        class R:
            def __del__(self):
                freed.append(1)

        def f(n):
            t = 0
            for i in range(n):
                t += i & 3
                if i == n - 5:
                    try:
                        raise ValueError(R())
                    except ValueError:
                        pass
            print("freed by the loop's end:", freed, t)

        f(20000)
        f(20000)
    """, threshold="50")
    assert r.loop(9)["native_iterations"] > 30000, r.loop(9)


def test_a_bare_raise_of_what_the_frame_handled_before_the_loop_adds_no_entry(tmp_path):
    # (the resume interpreter made an entry at the raise's line, as for an exception a
    # resumed callee's call brought in; CPython's RERAISE adds none)
    r = jit(tmp_path, """
        def f(n, k):
            try:
                raise KeyError("mine")
            except KeyError:
                s = 0
                for i in range(n):
                    s += i
                    if i == k:
                        raise
            return s

        def g(n, k):
            for i in range(n):
                try:
                    if i == k:
                        raise
                except RuntimeError:
                    pass

        try:
            f(20000, 15000)
        except KeyError:
            import traceback
            traceback.print_exc()
        try:
            raise KeyError("outer")
        except KeyError:
            g(20000, 15000)
    """, threshold="50")
    assert r.loop(7)["native_iterations"] > 10000, r.loop(7)


def test_an_exception_raised_in_a_resumed_handler_keeps_its_context(tmp_path):
    # (the handler that did not match re-raised it with Python's raise, which chained it to
    # the exception handled then: the caller's, once the inner handler had ended)
    r = jit(tmp_path, """
        def m(n):
            out = []
            for i in range(n):
                try:
                    try:
                        1 // (i % 4000)
                    except ZeroDivisionError:
                        raise TypeError(i)
                except TypeError as e:
                    out.append((type(e.__context__).__name__, e.__suppress_context__, i))
            return out

        def uncaught(n, k):
            for i in range(n):
                try:
                    i // (i - k)
                except ZeroDivisionError:
                    raise TypeError("at %d" % i)

        try:
            raise KeyError("outer")
        except KeyError:
            print(m(10000))
            uncaught(20000, 15000)
    """, threshold="50")
    assert r.loop(4)["native_iterations"] > 5000, r.loop(4)
