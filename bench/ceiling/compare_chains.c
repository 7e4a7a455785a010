/* C translation of bench/jit/compare_chains.py: LCG values bucketed with chained
 * comparisons and if/elif trees; lattice points counted with chained comparisons.
 * A chain a < b <= c is a < b && b <= c (Python short-circuits the same way). */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

static inline int64_t py_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

typedef struct { int64_t c0, c1, c2, c3, c4, edge; } Buckets;
typedef struct { int64_t count, same; } Band;

static Buckets buckets(int64_t n, int64_t seed)
{
    int64_t x = seed;
    int64_t c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0;
    int64_t edge = 0;
    for (int64_t i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF;
        int64_t v = py_mod(x, 1000);
        if (v < 100)
            c0 += 1;
        else if (100 <= v && v < 350)
            c1 += 1;
        else if (350 <= v && v <= 700)
            c2 += 1;
        else if (700 < v && v < 999)
            c3 += 1;
        else
            c4 += 1;
        int64_t w = py_mod(x >> 10, 1000);
        if (v < w && w <= 500 && 500 < py_mod(x, 997))
            edge += 1;
        if (!(0 <= v && v < 1000) || (w == v && v == 0))
            edge -= 1;
    }
    Buckets b = {c0, c1, c2, c3, c4, edge};
    return b;
}

static Band in_band(int64_t n)
{
    int64_t count = 0, same = 0;
    for (int64_t i = -n; i < n + 1; i++) {
        int64_t s = i * i;
        for (int64_t j = -n; j < n + 1; j++) {
            if (0 < s + j * j && s + j * j <= n * n)
                count += 1;
            if (i != j && j != -i && i <= j)
                same += 1;
        }
    }
    Band b = {count, same};
    return b;
}

/* results in non-static globals: the stores must happen before the clock is read again */
Buckets warm1, r1;
Band warm2, r2;

static void print_buckets(Buckets b)
{
    printf("(%lld, %lld, %lld, %lld, %lld, %lld)", (long long)b.c0, (long long)b.c1,
           (long long)b.c2, (long long)b.c3, (long long)b.c4, (long long)b.edge);
}

static void print_band(Band b)
{
    printf("(%lld, %lld)", (long long)b.count, (long long)b.same);
}

int main(void)
{
    struct timespec t0, t1;
    warm1 = buckets(3000, 7);
    warm2 = in_band(40);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    r1 = buckets(6000000, 12345);
    r2 = in_band(850);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(stderr, "@loop-seconds %.17g\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
    printf("(");
    print_buckets(warm1);
    printf(", ");
    print_band(warm2);
    printf(")\n");
    print_buckets(r1);
    printf(" ");
    print_band(r2);
    printf("\n");
    return 0;
}
