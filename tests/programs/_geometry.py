# helper module imported by import_local_module.py and others
import math
print("_geometry loading, __name__ =", __name__)
PI_ISH = 3.14
_private_counter = 0
def area_circle(r):
    global _private_counter
    _private_counter += 1
    return math.pi * r * r
def perimeter_rect(w, h):
    return 2 * (w + h)
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def __repr__(self):
        return "Rect(%r, %r)" % (self.w, self.h)
def calls():
    return _private_counter
