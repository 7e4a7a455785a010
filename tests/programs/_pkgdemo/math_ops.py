from .util import shout
def add(a, b):
    return a + b
def describe(a, b):
    return shout("sum is %d" % add(a, b))
