# a local package with submodules and relative imports
import _pkgdemo
print(_pkgdemo.VERSION, _pkgdemo.shout("hi"), _pkgdemo.util.whisper("HEY"))
from _pkgdemo import math_ops
print(math_ops.add(2, 3), math_ops.describe(4, 5))
from _pkgdemo.sub.deep import deep_fn
print(deep_fn())
import _pkgdemo.util as u
print(u.shout("x"), u is _pkgdemo.util)
from _pkgdemo.util import *
print(whisper("ABC"), shout("abc"))
import _pkgdemo.sub
print(_pkgdemo.sub.__name__, _pkgdemo.sub.deep.__name__)
