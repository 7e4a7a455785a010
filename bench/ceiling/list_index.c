/* C translation of bench/jit/list_index.py: longest increasing subsequence (O(n^2) DP),
 * insertion sort in place, sliding windows over doubles, a histogram. Lists become
 * malloc'ed arrays of int64_t or double. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline int64_t py_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

#include "pyrepr.h"

static int64_t lis_length(const int64_t *a, int64_t n)
{
    int64_t *best = malloc(n * sizeof *best);
    for (int64_t k = 0; k < n; k++)
        best[k] = 1;
    int64_t longest = 1;
    for (int64_t i = 1; i < n; i++) {
        int64_t bi = 1;
        int64_t ai = a[i];
        for (int64_t j = 0; j < i; j++)
            if (a[j] < ai && best[j] + 1 > bi)
                bi = best[j] + 1;
        best[i] = bi;
        if (bi > longest)
            longest = bi;
    }
    free(best);
    return longest;
}

static int64_t insertion_sort(int64_t *a, int64_t n)
{
    for (int64_t i = 1; i < n; i++) {
        int64_t x = a[i];
        int64_t j = i - 1;
        while (j >= 0 && a[j] > x) {
            a[j + 1] = a[j];
            j -= 1;
        }
        a[j + 1] = x;
    }
    int64_t check = 0;
    for (int64_t i = 0; i < n; i++)
        check = py_mod(check * 131 + a[i] + i, 1000000007);
    return check;
}

typedef struct { double best, spread; } Windows;

/* Python's min(a, b) keeps a unless b < a; max(a, b) keeps a unless b > a */
static inline double py_min(double a, double b) { return b < a ? b : a; }
static inline double py_max(double a, double b) { return b > a ? b : a; }
static inline int64_t py_max_i(int64_t a, int64_t b) { return b > a ? b : a; }

static Windows windows(const double *xs, int64_t n, int64_t w)
{
    double best = -1e300;
    double spread = 0.0;
    for (int64_t i = 0; i < n - w + 1; i++) {
        double s = 0.0;
        double lo = xs[i];
        double hi = xs[i];
        for (int64_t k = i; k < i + w; k++) {
            double v = xs[k];
            s += v;
            lo = py_min(lo, v);
            hi = py_max(hi, v);
        }
        best = py_max(best, s);
        spread = py_max(spread, hi - lo);
    }
    Windows r = {best, spread};
    return r;
}

typedef struct { int64_t peak, first, last; } Hist;

static Hist histogram(const int64_t *data, int64_t n, int64_t buckets, int64_t rounds)
{
    int64_t *counts = malloc(buckets * sizeof *counts);
    for (int64_t b = 0; b < buckets; b++)
        counts[b] = 0;
    for (int64_t r = 0; r < rounds; r++)
        for (int64_t i = 0; i < n; i++)
            counts[py_mod(data[i] * (r + 1), buckets)] += 1;
    int64_t peak = 0;
    for (int64_t b = 0; b < buckets; b++)
        peak = py_max_i(peak, counts[b]);
    Hist h = {peak, counts[0], counts[buckets - 1]};
    free(counts);
    return h;
}

static int64_t *numbers(int64_t n, int64_t seed)
{
    int64_t x = seed;
    int64_t *out = malloc(n * sizeof *out);
    for (int64_t i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF;
        out[i] = py_mod(x, 10000);
    }
    return out;
}

/* [v * scale + offset for v in nums] */
static double *scaled(const int64_t *nums, int64_t n, double scale, double offset)
{
    double *out = malloc(n * sizeof *out);
    for (int64_t i = 0; i < n; i++)
        out[i] = (double)nums[i] * scale + offset;
    return out;
}

/* results in non-static globals: the stores must happen before the clock is read again */
int64_t w1, w2, r1, r2;
Windows w3, r3;
Hist w4, r4;

int main(void)
{
    struct timespec t0, t1;
    int64_t *n1 = numbers(300, 1), *n2 = numbers(300, 2), *n3 = numbers(300, 3), *n4 = numbers(500, 4);
    double *x3 = scaled(n3, 300, 0.25, -100.0);
    w1 = lis_length(n1, 300);
    w2 = insertion_sort(n2, 300);
    w3 = windows(x3, 300, 16);
    w4 = histogram(n4, 500, 97, 3);

    int64_t *a1 = numbers(4500, 11);
    int64_t *a2 = numbers(3600, 12);
    int64_t *n13 = numbers(60000, 13);
    double *xs = scaled(n13, 60000, 0.25, -1250.0);
    int64_t *d = numbers(20000, 14);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    r1 = lis_length(a1, 4500);
    r2 = insertion_sort(a2, 3600);
    r3 = windows(xs, 60000, 24);
    r4 = histogram(d, 20000, 251, 80);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(stderr, "@loop-seconds %.17g\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
    char f1[40], f2[40];
    py_repr(w3.best, f1);
    py_repr(w3.spread, f2);
    printf("(%lld, %lld, (%s, %s), (%lld, %lld, %lld))\n", (long long)w1, (long long)w2, f1, f2,
           (long long)w4.peak, (long long)w4.first, (long long)w4.last);
    py_repr(r3.best, f1);
    py_repr(r3.spread, f2);
    printf("%lld %lld (%s, %s) (%lld, %lld, %lld)\n", (long long)r1, (long long)r2, f1, f2,
           (long long)r4.peak, (long long)r4.first, (long long)r4.last);
    return 0;
}
