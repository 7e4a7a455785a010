/* C translation of bench/calls/integrate_math.py: Simpson's rule over integrands passed
 * as functions (function pointers here), a midpoint rule and a 2D grid calling libm's
 * sin, cos, exp, log, sqrt, atan2 (the functions CPython's math module calls). Printed
 * with "%.12g", as the Python program does. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

static double f_damped(double x) { return sin(x) * exp(-0.1 * x); }

static double f_log(double x) { return log(1.0 + x) / sqrt(1.0 + x * x); }

static double f_angle(double x) { return atan2(cos(x), 1.0 + x); }

static double simpson(double (*f)(double), double a, double b, int64_t n)
{
    double h = (b - a) / (double)n;
    double s = f(a) + f(b);
    for (int64_t i = 1; i < n; i++) {
        double w = (i & 1) ? 4.0 : 2.0;
        s += w * f(a + (double)i * h);
    }
    return s * h / 3.0;
}

static double midpoint(int64_t n)
{
    double h = 2.0 / (double)n;
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) {
        double x = ((double)i + 0.5) * h;
        s += sqrt(x) * cos(3.0 * x) + exp(-x * x) * log(2.0 + x);
    }
    return s * h;
}

static double grid2d(int64_t n)
{
    double h = 2.0 / (double)n;
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) {
        double x = 0.1 + ((double)i + 0.5) * h;
        for (int64_t j = 0; j < n; j++) {
            double y = -0.5 + ((double)j + 0.5) * h;
            s += atan2(y, x) * exp(-(x * x + y * y)) + sin(x * y);
        }
    }
    return s * h * h;
}

static void show(const double *v, int n)
{
    for (int k = 0; k < n; k++)
        printf(k ? " %.12g" : "%.12g", v[k]);
    printf("\n");
}

/* results in non-static globals: the stores must happen before the clock is read again */
double warm[5], r[5];

int main(void)
{
    struct timespec t0, t1;
    warm[0] = simpson(f_damped, 0.0, 3.0, 3000);
    warm[1] = simpson(f_log, 0.0, 1.0, 3000);
    warm[2] = simpson(f_angle, 0.0, 2.0, 3000);
    warm[3] = midpoint(3000);
    warm[4] = grid2d(60);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    r[0] = simpson(f_damped, 0.0, 30.0, 1200000);
    r[1] = simpson(f_log, 0.0, 10.0, 1200000);
    r[2] = simpson(f_angle, 0.0, 5.0, 1200000);
    r[3] = midpoint(2000000);
    r[4] = grid2d(1200);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(stderr, "@loop-seconds %.17g\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
    show(warm, 5);
    show(r, 5);
    return 0;
}
