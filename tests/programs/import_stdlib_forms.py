# various import forms of stdlib modules
import math, os.path
import collections.abc
from math import (
    floor,
    ceil as ceiling,
)
from os import path as osp
from itertools import *
print(floor(2.5), ceiling(2.5), math.floor(-0.5))
print(osp.join("a", "b"), os.path.basename("/x/y/z.txt"), os.path.splitext("f.tar.gz"), osp.dirname("/a/b/c"))
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Mapping), isinstance(iter([]), collections.abc.Iterator))
print(list(islice(count(5), 3)), list(chain("ab", "c")))
def lazy_import():
    import json as j
    return j.dumps([1])
print(lazy_import(), "j" in globals())
import importlib
m = importlib.import_module("string")
print(m.digits)
print(__name__, type(math).__name__, math.__name__)
