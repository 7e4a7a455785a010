"""A hooked loop over ``text.split()`` of a long str splits only the words before its trip
(tauraro.vm.lazysplit); the JIT's entry has the module split the rest. Each program is
compared with CPython on stdout, exit code and the whole of stderr: runs ending, breaking or
raising before their trip, at it, and natively in the rest; native code leaving mid-rest
(a word it does not lower) and the run going on as written; a tracer set mid-run, or from
the start; a str subclass, an object with a split method, a module-level loop; the same
loop running in a recursion. The unit tests drive ``lazysplit`` the way the hook does."""
from test_jit import Result

from tauraro.vm import lazysplit
from tauraro.vm.rewind import NOT_NOW

_TEXT = '''
    WORDS = ("the cat sat on the mat while the dog slept by the door and the bird sang "
             "of harbour and meadow and copper lanterns").split()

    def text_of(n, seed=7, odd=None):
        s = seed
        out = []
        for i in range(n):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            w = WORDS[(s >> 4) % len(WORDS)]
            if (s >> 12) % 7 == 0:
                w += "."
            out.append(w)
            if i % 5 == 0:
                out.append(" \\t" if i % 3 else "\\n")
        if odd is not None:
            out[odd] = "Caf\\u00c9\\u3000na\\u00efve"      # (past ASCII: lower() leaves native code)
        return " ".join(out)
'''


def _row(r, function):
    return next(row for row in r.rows if row["function"] == function)


def test_the_rest_of_a_long_text_is_split_by_the_module_not_as_written(tmp_path):
    r = Result(tmp_path, _TEXT + """
    def count(text):
        counts = {}
        for raw in text.split():
            w = raw.strip(".").lower()
            counts[w] = counts.get(w, 0) + 1
        return sorted(counts.items()), raw

    def pairs(text):
        seen = {}
        last = ""
        for raw in text.split():
            if last:
                key = last + " " + raw
                seen[key] = seen.get(key, 0) + 1
            last = raw
        return len(seen), max(seen.items(), key=lambda kv: (kv[1], kv[0])), last

    count(text_of(300))
    pairs(text_of(300))
    for seed in (11, 12):
        text = text_of(40_000, seed)
        print(count(text))
        print(pairs(text))
    """, "--jit-threshold", "50").same()
    for function in ("count", "pairs"):
        row = _row(r, function)
        assert row["native_iterations"] >= 75_000, (function, row)
        # (the words after each run's trip: split natively, never by CPython)
        assert row["copied_in"]["rest_words"] >= 70_000, (function, row["copied_in"])


def test_runs_ending_breaking_or_raising_before_at_and_after_the_trip(tmp_path):
    Result(tmp_path, _TEXT + """
    def find(text, target):
        n = 0
        for raw in text.split():
            n += 1
            if raw == target:
                break
        else:
            n = -n
        return n

    def skip_short(text):
        total = 0
        for raw in text.split():
            if len(raw) < 4:
                continue
            total += len(raw)
        return total

    def lookup(text, known):
        total = 0
        for raw in text.split():
            total += known[raw.strip(".")]
        return total

    text = text_of(30_000, 3)
    known = {w: len(w) for w in WORDS}
    for target in ("the", "lanterns", "nowhere", "sang."):
        print(target, find(text, target))       # (at once, soon, never, in the rest)
    words = text.split()
    print(find(text, words[-1]), find(text, words[20_000]), skip_short(text))
    print(lookup(text, known))
    lookup(text + " " + text_of(10, 1) + " unknown " + text, known)
    """, "--jit-threshold", "50").same()


def test_native_code_leaving_mid_rest_and_the_run_going_on_as_written(tmp_path):
    # a word lower() does not take natively, deep in the rest: native code leaves there,
    # the run goes on in the rest's words (split then), and trips again in them
    Result(tmp_path, _TEXT + """
    def count(text):
        counts = {}
        for raw in text.split():
            w = raw.lower()
            counts[w] = counts.get(w, 0) + 1
        return sorted(counts.items())[:8], len(counts), raw

    for odd in (5000, 40_000, 79_000, None):
        print(count(text_of(50_000, 5, odd)))
    """, "--jit-threshold", "50").same()


def test_a_tracer_set_mid_run_or_from_the_start(tmp_path):
    # no hook is called under a tracer: the run's words after its countdown come from the
    # rest, split where the iterator gets to it
    Result(tmp_path, _TEXT + """
    import sys

    def tracer(frame, event, arg):
        return None

    def count(text, when):
        n = chars = 0
        for raw in text.split():
            n += 1
            chars += len(raw)
            if n == when:
                sys.settrace(tracer)
        sys.settrace(None)
        return n, chars, raw

    text = text_of(30_000, 9)
    print(count(text, 10), count(text, 40), count(text, 25_000))
    sys.settrace(tracer)
    print(count(text, -1))
    sys.settrace(None)
    print(count(text, -1))
    """, "--jit-threshold", "50").same()


def test_not_a_str_a_module_level_loop_and_a_recursion(tmp_path):
    Result(tmp_path, _TEXT + """
    class Words:
        def __init__(self, text):
            self.text = text
        def split(self):
            return self.text.split()[::2]

    class Text(str):
        def split(self):
            return ["sub"] * 7000

    def count(text):
        n = 0
        for raw in text.split():
            n += len(raw)
        return n

    def nested(text, depth):
        n = 0
        for raw in text.split():
            n += 1
            if depth and n % 9000 == 0:
                n += nested(text[: 20_000 + 1000 * depth], depth - 1)
        return n

    text = text_of(30_000, 4)
    print(count(text), count(Words(text)), count(Text(text)), count(" " * 9000), count(""))
    print(nested(text, 3))
    total = 0
    for raw in text.split():
        total += len(raw)
    print(total, raw)
    """, "--jit-threshold", "50").same()


def test_a_trip_that_does_not_enter_splits_the_rest_at_once(tmp_path):
    # a loop the JIT does not compile (its body formats each word): its trip splits the
    # rest as written, and later trips find a list iterator, moved back in place
    Result(tmp_path, _TEXT + """
    def render(text):
        out = []
        for raw in text.split():
            out.append(f"<{raw!r}>")
        return len(out), out[-3:]

    print(render(text_of(20_000, 2)))
    print(render(text_of(20_000, 3)))
    """, "--jit-threshold", "50").same()


# --- lazysplit as the hook drives it ----------------------------------------------------------

_WORDS = ("alpha beta\tgamma  delta\n epsilon \u3000zeta eta\x85theta iota " * 600).strip()


def _run(k):
    runs = {}
    it = lazysplit.start(runs, _WORDS, k)
    assert type(it) is lazysplit.CHAIN and len(runs) == 1
    return runs, it


def test_the_words_are_splits_in_any_case():
    words = _WORDS.split()
    for k in (1, 2, 7, 1000):
        runs, it = _run(k)
        assert list(it) == words
    assert list(lazysplit.start({}, "a b " * 10, 3)) == ["a", "b"] * 10      # (short: split whole)
    assert list(lazysplit.start({}, "a b " * 3000, 10 ** 6)) == ["a", "b"] * 3000


def test_a_trip_not_entering_and_a_native_run_stopping_in_the_rest():
    from tauraro.jit.splits import PENDING, pending_words
    words = _WORDS.split()
    runs, it = _run(5)
    taken = [next(it) for _ in range(5)]
    (real, stand_in, undo), run = lazysplit.back(runs, it)
    assert real is it and undo is None and next(iter([stand_in.__reduce__()]))[2] == 4
    assert PENDING[id(run.parts)] is run and pending_words(stand_in) > 1000
    # native code took the rest's words up to 3000 and left there
    run.total, run.index = len(words), 3000
    assert lazysplit.settle(run, stand_in, True) and not PENDING
    assert taken + list(it) == words[:5] + words[3000:]

    runs, it = _run(5)
    for _ in range(5):
        next(it)
    seen, run = lazysplit.back(runs, it)
    assert lazysplit.settle(run, None, False)        # (no entry: the rest split now)
    assert [next(it) for _ in range(10)] == words[5:15]
    (real, rest_it, undo), run = lazysplit.back(runs, it)      # (in the rest: moved back in place)
    assert rest_it is run.rest_it and next(rest_it) == words[14]
    assert lazysplit.settle(run, rest_it, True) and list(it) == words[15:]


def test_a_native_run_taking_all_or_none_of_the_words():
    words = _WORDS.split()
    runs, it = _run(3)
    for _ in range(3):
        next(it)
    seen, run = lazysplit.back(runs, it)
    run.total, run.index = len(words), len(words)
    assert lazysplit.settle(run, seen[1], True) and list(it) == [] and run.rest_it is None

    runs, it = _run(3)
    for _ in range(3):
        next(it)
    seen, run = lazysplit.back(runs, it)
    run.total, run.index = len(words), 2      # (stopped before the word the run had taken)
    assert not lazysplit.settle(run, seen[1], True) and list(it) == words[3:]
    assert lazysplit.back({}, it) == (NOT_NOW, None)


def test_a_run_no_frame_holds_lets_go_of_its_rest():
    words = _WORDS.split()
    runs = {}
    it = lazysplit.start(runs, _WORDS, 3)
    next(it)
    del it              # (a run that broke out before its trip)
    held = [lazysplit.start(runs, _WORDS, 3) for _ in range(lazysplit.MAX_RUNS + 1)]
    assert len(runs) == lazysplit.MAX_RUNS and all(run.it is not held[0] for run in runs.values())
    # (the oldest run pushed out still gives every word; its trip is left to count on)
    assert lazysplit.back(runs, held[0]) == (NOT_NOW, None) and list(held[0]) == words
