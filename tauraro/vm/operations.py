"""Helpers for instructions whose semantics need more than one Python expression."""
from __future__ import annotations


def _bind(attr, obj, cls):
    get = getattr(type(attr), "__get__", None)
    return attr if get is None else get(attr, obj, cls)


def with_enter(ctx):
    """The bound ``__exit__`` of a context manager and the result of its ``__enter__``."""
    cls = type(ctx)
    enter = getattr(cls, "__enter__", None)
    if enter is None:
        raise TypeError("'%s' object does not support the context manager protocol" % cls.__name__)
    exit_ = getattr(cls, "__exit__", None)
    if exit_ is None:
        raise TypeError("'%s' object does not support the context manager protocol "
                        "(missed __exit__ method)" % cls.__name__)
    exit_bound = _bind(exit_, ctx, cls)
    return exit_bound, _bind(enter, ctx, cls)()


def list_extend(lst, items):
    try:
        lst.extend(items)
    except TypeError:
        if hasattr(items, "__iter__") or hasattr(items, "__getitem__"):
            raise
    else:
        return
    # (raised outside the handler: CPython's error has no __context__)
    raise TypeError("Value after * must be an iterable, not %s" % type(items).__name__)


def cell_is_set(cell) -> bool:
    try:
        cell.cell_contents
    except ValueError:
        return False
    return True


def dict_update(d, mapping):
    if not hasattr(mapping, "keys"):
        raise TypeError("'%s' object is not a mapping" % type(mapping).__name__)
    d.update(mapping)


def _callee_name(f) -> str:
    """How CPython names a callee in argument errors (``_PyObject_FunctionStr``)."""
    qualname = getattr(f, "__qualname__", None)
    if not isinstance(qualname, str):
        return type(f).__name__ + " object"
    module = getattr(f, "__module__", None)
    if isinstance(module, str) and module != "builtins":
        return "%s.%s()" % (module, qualname)
    return qualname + "()"


def dict_merge(d, mapping, callee):
    """``f(..., **mapping)``: add keyword arguments, rejecting duplicates. A dict, or a
    dict subclass that keeps dict's ``__iter__``, gives its own items (its ``keys`` and
    ``__getitem__`` are not called, as CPython's dict_merge reads the table)."""
    if isinstance(mapping, dict) and type(mapping).__iter__ is dict.__iter__:
        items = dict.items(mapping)
    elif not hasattr(mapping, "keys"):
        raise TypeError("%s argument after ** must be a mapping, not %s"
                        % (_callee_name(callee), type(mapping).__name__))
    else:
        items = ((k, mapping[k]) for k in mapping.keys())
    for k, v in items:
        if k in d:
            raise TypeError("%s got multiple values for keyword argument '%s'" % (_callee_name(callee), k))
        d[k] = v


def call_ex(f, args, kwargs):
    if kwargs:
        return f(*args, **kwargs)
    return f(*args)


def format_value(value, conversion: int, spec):
    """One f-string field: ``!s``/``!r``/``!a`` conversion, then ``format(value, spec)``."""
    if conversion == 1:
        value = str(value)
    elif conversion == 2:
        value = repr(value)
    elif conversion == 3:
        value = ascii(value)
    if spec is None:
        return value if type(value) is str else format(value)
    return format(value, spec)


def setup_annotations(ns):
    if "__annotations__" not in ns:
        ns["__annotations__"] = {}


def delete_global(G, name):
    try:
        del G[name]
    except KeyError:
        raise NameError("name '%s' is not defined" % name) from None


def delete_name(ns, name):
    try:
        del ns[name]
    except KeyError:
        raise NameError("name '%s' is not defined" % name) from None


def global_loader(G):
    """The slow path for reading a global whose name collides with a block-internal name."""
    def load_global(name):
        try:
            return G[name]
        except KeyError:
            pass
        builtins = G.get("__builtins__")
        if builtins is not None:
            if not isinstance(builtins, dict):
                builtins = builtins.__dict__
            try:
                return builtins[name]
            except KeyError:
                pass
        raise NameError("name '%s' is not defined" % name)
    return load_global
