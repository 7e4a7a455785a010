# substrings searched for in a repetitive text with `in`: most probes are there
ref = "ab" * 1500


def probes(ref, n):
    hits = 0
    base = "ab" * 40
    for i in range(n):
        probe = base[i % 2:] + ("b" if i % 3 else "a")
        if probe in ref:
            hits += 1
    return hits


print(probes(ref, 20000), probes(ref + "a", 3000))
