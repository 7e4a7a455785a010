/* C translation of bench/jit/floordiv_mod.py: // and % with negative operands (Python
 * floor semantics), digit sums, Euclid's gcd. int64 throughout (no value leaves int64). */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

/* Python's a // b and a % b: the quotient rounds toward minus infinity, the remainder
 * has the sign of b */
static inline int64_t py_floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q -= 1;
    return q;
}

static inline int64_t py_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

static int64_t divmods(int64_t n)
{
    int64_t s = 0;
    for (int64_t i = -n; i < n; i++)
        s += py_floordiv(i, 7) + py_mod(i, 7) - py_floordiv(i, -3) + py_mod(i, -5) + py_mod(-i, 11);
    return s;
}

static int64_t digit_sums(int64_t n)
{
    int64_t total = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t x = i;
        while (x > 0) {
            total += py_mod(x, 10);
            x = py_floordiv(x, 10);
        }
    }
    return total;
}

static int64_t gcd_sum(int64_t n)
{
    int64_t total = 0;
    for (int64_t a = 1; a < n; a++) {
        int64_t x = a * 7919;
        int64_t y = n * 104729 - a;
        while (y) {
            int64_t t = py_mod(x, y);
            x = y;
            y = t;
        }
        total += x;
    }
    return total;
}

/* results in non-static globals: the stores must happen before the clock is read again */
int64_t warm[3], r1, r2, r3;

int main(void)
{
    struct timespec t0, t1;
    warm[0] = divmods(2000);
    warm[1] = digit_sums(2000);
    warm[2] = gcd_sum(2000);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    r1 = divmods(2400000);
    r2 = digit_sums(1200000);
    r3 = gcd_sum(480000);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(stderr, "@loop-seconds %.17g\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
    printf("(%lld, %lld, %lld)\n", (long long)warm[0], (long long)warm[1], (long long)warm[2]);
    printf("%lld %lld %lld\n", (long long)r1, (long long)r2, (long long)r3);
    return 0;
}
