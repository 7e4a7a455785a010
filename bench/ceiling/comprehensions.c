/* C translation of bench/calls/comprehensions.py: generator expressions handed to
 * sum/max/min become plain loops (CPython 3.11's sum() of floats is a plain double sum,
 * left to right); list comprehensions build malloc'ed arrays (the list of the pairs whose
 * length is not known in advance grows by doubling, as list.append does). Python's
 * min/max keep the first of equal items: py_min/py_max below. math.fsum is ported from
 * CPython (Shewchuk's exact partial sums). Floats are printed as Python's repr. */
#include <math.h>
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

static inline double py_min(double a, double b) { return b < a ? b : a; }
static inline double py_max(double a, double b) { return b > a ? b : a; }

#include "pyrepr.h"

static double poly(double x, double a, double b, double c) { return (a * x + b) * x + c; }

typedef struct { double mean, var, spread, low; } Stats;

static Stats stats(const double *xs, int64_t n)
{
    double s = 0.0;
    for (int64_t k = 0; k < n; k++)
        s += xs[k];
    double mean = s / (double)n;
    s = 0.0;
    for (int64_t k = 0; k < n; k++)
        s += (xs[k] - mean) * (xs[k] - mean);
    double var = s / (double)n;
    /* max()/min() of a generator start from its first item */
    double spread = fabs(xs[0] - mean);
    for (int64_t k = 1; k < n; k++)
        spread = py_max(spread, fabs(xs[k] - mean));
    int have = 0;
    double low = 0.0;
    for (int64_t k = 0; k < n; k++)
        if (xs[k] > mean) {
            low = have ? py_min(low, xs[k] * 0.5) : xs[k] * 0.5;
            have = 1;
        }
    Stats r = {mean, var, spread, low};
    return r;
}

#define BINS 10

static void histogram(const double *xs, int64_t n, double lo, double width, int64_t bins,
                      int64_t *out)
{
    for (int64_t k = 0; k < bins; k++) {
        int64_t c = 0;
        for (int64_t m = 0; m < n; m++) {
            double x = xs[m];
            if (lo + (double)k * width <= x && x < lo + (double)(k + 1) * width)
                c += 1;
        }
        out[k] = c;
    }
}

typedef struct { double sum, max; } Curve;

static Curve curve(int64_t n, double a, double b, double c)
{
    double h = 1.0 / (double)n;
    double *ys = malloc(n * sizeof *ys);
    for (int64_t i = 0; i < n; i++)
        ys[i] = poly((double)i * h, a, b, c);
    double s = 0.0;
    for (int64_t i = 0; i < n; i++)
        s += ys[i];
    double m = ys[0];
    for (int64_t i = 1; i < n; i++)
        m = py_max(m, ys[i]);
    free(ys);
    Curve r = {s, m};
    return r;
}

static int64_t residues(int64_t n, int64_t m)
{
    int64_t s = 0;
    for (int64_t i = 0; i < n; i++)
        if (py_mod(i, 3))
            s += py_mod(i * i, m);
    return s;
}

static double dot(const double *xs, const double *ys, int64_t n)
{
    double s = 0.0;
    for (int64_t k = 0; k < n; k++)
        s += xs[k] * ys[k];
    return s;
}

typedef struct { int64_t total, nclose, sumclose; } Pairs;

static inline int64_t min_i(int64_t a, int64_t b) { return b < a ? b : a; }

static Pairs pairs(const int64_t *ks, int64_t n, int64_t w)
{
    int64_t total = 0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = i + 1; j < min_i(i + w, n); j++)
            total += py_mod(ks[i] * ks[j], 1009);
    int64_t len = 0, cap = 0;
    int64_t *close = NULL;
    for (int64_t i = 0; i < n; i += 4)
        for (int64_t j = i + 1; j < min_i(i + w, n); j++)
            if (((ks[i] ^ ks[j]) & 7) == 0) {
                if (len == cap) {
                    cap = cap ? 2 * cap : 8;
                    close = realloc(close, cap * sizeof *close);
                }
                close[len++] = ks[i] - ks[j];
            }
    int64_t s = 0;
    for (int64_t k = 0; k < len; k++)
        s += close[k];
    free(close);
    Pairs r = {total, len, s};
    return r;
}

static double *sample(int64_t n, int64_t seed)
{
    double *out = malloc(n * sizeof *out);
    int64_t s = seed;
    for (int64_t k = 0; k < n; k++) {
        s = py_mod(s * 1103515245 + 12345, 2147483648LL);
        out[k] = (double)s / 2147483648.0 * 10.0 - 5.0;
    }
    return out;
}

/* math.fsum, as CPython 3.11's mathmodule.c computes it (finite inputs only) */
static double fsum(const double *v, int n)
{
    double p[64];
    int np = 0;
    for (int k = 0; k < n; k++) {
        double x = v[k], y, t, hi, yr, lo;
        int i = 0;
        for (int j = 0; j < np; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        np = i;
        if (x != 0.0)
            p[np++] = x;
    }
    double hi = 0.0, lo = 0.0, x, y, yr;
    if (np > 0) {
        hi = p[--np];
        while (np > 0) {
            x = hi;
            y = p[--np];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (np > 0 && ((lo < 0.0 && p[np - 1] < 0.0) || (lo > 0.0 && p[np - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return hi;
}

typedef struct {
    Stats st;
    int64_t hist[BINS];
    Curve cu;
    int64_t res;
    double dot;
    Pairs pa;
} Result;

static void print_result(const Result *r)
{
    char a[40], b[40], c[40], d[40];
    py_repr(r->st.mean, a);
    py_repr(r->st.var, b);
    py_repr(r->st.spread, c);
    py_repr(r->st.low, d);
    printf("((%s, %s, %s, %s), [", a, b, c, d);
    for (int k = 0; k < BINS; k++)
        printf(k ? ", %lld" : "%lld", (long long)r->hist[k]);
    py_repr(r->cu.sum, a);
    py_repr(r->cu.max, b);
    py_repr(r->dot, c);
    printf("], (%s, %s), %lld, %s, (%lld, %lld, %lld))\n", a, b, (long long)r->res, c,
           (long long)r->pa.total, (long long)r->pa.nclose, (long long)r->pa.sumclose);
}

/* results in non-static globals: the stores must happen before the clock is read again */
Result warm, R[5];

int main(void)
{
    struct timespec t0, t1;
    double *xs = sample(200000, 7);
    double *ys = sample(200000, 11);
    int64_t *ks = malloc(100000 * sizeof *ks);
    for (int64_t k = 0; k < 100000; k++)
        ks[k] = (int64_t)(xs[k] * 1000.0); /* int() truncates toward zero */
    /* xs[:1000] etc.: the first 1000 items */
    warm.st = stats(xs, 1000);
    histogram(xs, 1000, -5.0, 1.0, BINS, warm.hist);
    warm.cu = curve(1000, 1.0, -2.0, 0.5);
    warm.res = residues(1000, 97);
    warm.dot = dot(xs, ys, 1000);
    warm.pa = pairs(ks, 1000, 4);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int64_t rep = 0; rep < 5; rep++) {
        R[rep].st = stats(xs, 200000);
        histogram(xs, 200000, -5.0, 1.0, BINS, R[rep].hist);
        R[rep].cu = curve(400000, 1.0, -2.0, 0.5 + (double)rep);
        R[rep].res = residues(1000000, 97 + rep);
        R[rep].dot = dot(xs, ys, 200000);
        R[rep].pa = pairs(ks, 100000, 4 + rep);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(stderr, "@loop-seconds %.17g\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
    print_result(&warm);
    print_result(&R[4]);
    double vars[5];
    char a[40];
    for (int k = 0; k < 5; k++)
        vars[k] = R[k].st.var;
    py_repr(fsum(vars, 5), a);
    printf("%s\n", a);
    return 0;
}
