/* Shared by the C translations that print floats as Python does (bench/ceiling.py). */
#ifndef PYREPR_H
#define PYREPR_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Python's repr of a finite double: the shortest digit string that reads back as the
 * same double, in fixed notation for exponents -4..15 and scientific otherwise. The
 * digits come from the first "%.*e" precision that round-trips; this equals Python's
 * shortest-repr except in rare ties at powers of two (then C prints one digit more and
 * the runner would report MISMATCH). */
static void py_repr(double v, char *out)
{
    char buf[40], digits[24];
    int p, nd = 0, neg = 0;
    for (p = 0; p < 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    const char *s = buf;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    while (*s && *s != 'e') {
        if (*s != '.')
            digits[nd++] = *s;
        s++;
    }
    int e = atoi(s + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    char *o = out;
    if (neg)
        *o++ = '-';
    if (e >= -4 && e < 16) {
        if (e >= 0) {
            for (int k = 0; k <= e; k++)
                *o++ = k < nd ? digits[k] : '0';
            *o++ = '.';
            if (nd > e + 1)
                for (int k = e + 1; k < nd; k++)
                    *o++ = digits[k];
            else
                *o++ = '0';
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int k = 0; k < -e - 1; k++)
                *o++ = '0';
            for (int k = 0; k < nd; k++)
                *o++ = digits[k];
        }
        *o = '\0';
    } else {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            for (int k = 1; k < nd; k++)
                *o++ = digits[k];
        }
        sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
}

#endif
