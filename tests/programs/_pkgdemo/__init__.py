print("_pkgdemo package init, __name__ =", __name__)
VERSION = "1.2.3"
from . import util
from .util import shout
