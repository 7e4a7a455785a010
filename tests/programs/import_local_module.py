# importing a local module: import, from-import, as
print("before import")
import _geometry
print("after import", _geometry.__name__)
import _geometry as geo
from _geometry import Rect, perimeter_rect as per
from _geometry import PI_ISH
print(geo is _geometry, repr(round(_geometry.area_circle(2), 6)), per(3, 4), PI_ISH)
r = Rect(3, 5)
print(r, r.area(), isinstance(r, geo.Rect), type(r).__name__)
print(geo.calls(), geo.area_circle(1) > 3, geo.calls())
geo.PI_ISH = 3
print(_geometry.PI_ISH, PI_ISH)
import _counter_state
import _counter_state as again
from _counter_state import bump
print(bump(), bump(), again.count, _counter_state.count)
import sys
print("_geometry" in sys.modules, "_counter_state" in sys.modules)
try:
    import _does_not_exist_module
except ImportError as e:
    print(type(e).__name__, e)
try:
    from _geometry import no_such_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0], "| name:", e.name)
