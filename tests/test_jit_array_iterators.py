"""A loop over an ``array.array``'s iterator is entered only with an array of the typecode
it was compiled for: every array's iterator is an ``arrayiterator``, and an iterator over
a 'd' array given to the version made for a 'q' one had its floats' bits read as ints
(tauraro.jit.transfer's ``_seq_iter_parts``). Each program's stdout, exit code and whole
stderr are CPython's."""
from test_jit import jit


def test_an_array_iterator_of_another_typecode_is_not_taken_by_a_version(tmp_path):
    r = jit(tmp_path, """
        from array import array
        def total(a):
            s = 0
            for x in a:
                s += x
            return s
        print(total(array('q', range(2000))))
        print(total(array('d', [0.5] * 2000)))
        print(total(array('i', range(2000))))
        print(total(array('d', [0.5] * 2000)))
        print(total(array('f', [0.25] * 2000)))
        print(total(array('Q', [2 ** 64 - 1] * 3)), total(array('q', [-1] * 3)))
        print(total(iter(array('d', [1.5] * 100))))
    """)
    assert r.loop(5)["native_iterations"] > 6000, r.loop(5)
