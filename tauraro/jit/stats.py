"""``--jit-stats``: what the JIT did with every loop and every function compiled whole,
and why. (A function's row counts calls where a loop's counts iterations: its
``native_iterations`` are the calls native code answered, ``entries`` the calls tried. A
loop of a function compiled whole counts, in ``in_function``, the iterations it ran in
that function's native calls, which its ``native_iterations`` include.)"""
from __future__ import annotations

import json
import os


def format_report(rows: list[dict], engine_ms: float = 0.0, copy_scale: float | None = None) -> str:
    """``copy_scale``: what copying cost on this machine against the cost model, as entries
    measured it (``JitController.copy_scale``), or None if none did."""
    compiled = sum(1 for r in rows if r["status"] == "compiled")
    functions = sum(1 for r in rows if r["kind"] == "function")
    loops = len(rows) - functions
    lines = ["tauraro jit: %d loop%s%s, %d compiled%s%s" % (
        loops, "" if loops == 1 else "s",
        ", %d function%s" % (functions, "" if functions == 1 else "s") if functions else "", compiled,
        ", wasmtime engine started in %.1f ms" % engine_ms if engine_ms else "",
        ", copying measured at %.2fx the cost model's" % copy_scale if copy_scale is not None else "")]
    for r in rows:
        if r["kind"] == "function":
            _function_row(lines, r)
            continue
        where = "%s:%d %s loop in %s" % (os.path.basename(r["file"]), r["line"], r["kind"], r["function"])
        if r["status"] == "compiled":
            what = "compiled (%d version%s), %d entr%s, compile %.2f ms (codegen %.2f, Cranelift %.2f)" % (
                r["versions"], "" if r["versions"] == 1 else "s", r["entries"],
                "y" if r["entries"] == 1 else "ies", r["compile_ms"], r["codegen_ms"], r["cranelift_ms"])
        elif r["status"] == "interpreted" and r.get("in_function"):
            what = "run in %s, compiled whole" % r["in_function"]["function"]
        elif r["status"] == "interpreted":
            what = ("run inside an enclosing loop" if r["native_iterations"] else
                    "interpreted: %s" % r["reason"] if r["reason"] else "interpreted (never hot)")
        else:
            what = "%s: %s" % (r["status"], r["reason"])
        lines.append("  %s: %s" % (where, what))
        lines.append("      iterations: %d native, %d interpreted" % (r["native_iterations"],
                                                                      r["interpreted_iterations"]))
        if r["native_iterations"] and not r["entries"] and r["status"] not in ("interpreted", "compiled") \
                and not r.get("in_function"):
            # (a loop of a function that a compiled loop inlined: counted in that loop's code)
            lines.append("      the native ones inlined into an enclosing loop's native code")
        if r.get("in_function"):
            lines.append("      %d of them in native calls of %s, compiled whole"
                         % (r["in_function"]["native_iterations"], r["in_function"]["function"]))
        if r.get("lane_entries"):
            lines.append("      %d of the entries by the hook's steady lane" % r["lane_entries"])
        if r["status"] == "compiled":
            lines.append("      time: native %.2f ms, entry/exit %.2f ms, resume interpreter %.2f ms, "
                         "compile %.2f ms" % (r["native_ms"], r["transfer_ms"], r["resume_ms"],
                                              r["compile_ms"]))
            copied, back = r.get("copied_in"), r.get("written_back")
            if copied and copied["records"]:
                # (lists, tuples, strings and objects; their elements, characters and fields)
                lines.append("      data: copied in %d records (%d words), written back %d records (%d words, "
                             "%.2f ms of entry/exit%s)" % (copied["records"], copied["words"], back["records"],
                                                           back["words"], back["ms"],
                                                           ", %.2f ms of it making their elements" % back["elements_ms"]
                                                           if back.get("elements_ms") else ""))
                if copied.get("small_int_lists"):
                    # (lists of CPython's cached ints, -5 to 256, copied as their pointers: smallints.py)
                    lines.append("      %d of them lists of small ints, copied in through their pointers"
                                 % copied["small_int_lists"])
                if copied.get("split_words"):
                    # (lists that are a str's split(), written by the module from the str: splits.py)
                    lines.append("      %d of them words written from their text's split()" % copied["split_words"])
                    if copied.get("rest_words"):
                        lines.append("      %d of those never split as written" % copied["rest_words"])
        moved = r.get("pages_moved")
        if moved and (moved["in_bytes"] or moved["out_bytes"]):
            # (warm pages moved between loops' memories instead of faulting fresh ones: pages.py)
            lines.append("      pages: %.1f MB moved in from other loops' memories, %.1f MB out to theirs"
                         % (moved["in_bytes"] / 1048576, moved["out_bytes"] / 1048576))
        refused = r.get("refused")
        if refused and refused["tries"]:
            # (tries to enter that failed: typed, checked, perhaps copied up to the limit)
            lines.append("      refused entries: %d (%d copied in up to the limit first)"
                         % (refused["tries"], refused["copied_to_the_limit"]))
        if refused and refused.get("no_room_for_a_version"):
            # (values of a kind no version takes, its versions full: controller._make_room)
            lines.append("      %d run%s as written: values of another kind than its %d versions take"
                         % (refused["no_room_for_a_version"], "" if refused["no_room_for_a_version"] == 1
                            else "s", r["versions"]))
        if r.get("versions_dropped"):
            lines.append("      %d version%s dropped, long unused, for values of a new kind"
                         % (r["versions_dropped"], "" if r["versions_dropped"] == 1 else "s"))
        if refused and refused.get("slept"):
            # (trips that did not enter put the loop to sleep: controller._not_entered)
            lines.append("      slept %d time%s: ran as written, uncounted, after trips that did not enter"
                         % (refused["slept"], "" if refused["slept"] == 1 else "s"))
        if r.get("runs_as_written"):
            # (runs the JIT would not enter went on as written, without their count: hooks' code 6)
            n = r["runs_as_written"]
            lines.append("      %d run%s went on as written after a trip that did not enter"
                         % (n, "" if n == 1 else "s"))
        if r.get("stretches_timed"):
            # (iterations run as written, timed, to weigh an entry by: hooks' code 7)
            n = r["stretches_timed"]
            lines.append("      %d stretch%s run as written, timed" % (n, "" if n == 1 else "es"))
        for e in r["exits"]:
            lines.append("      exit at line %d: %s x%d" % (e["line"], e["reason"], e["count"]))
    return "\n".join(lines) + "\n"


def _function_row(lines, r):
    where = "%s:%d function %s" % (os.path.basename(r["file"]), r["line"], r["function"])
    if r["status"] == "compiled":
        what = "compiled whole (%d version%s), compile %.2f ms" % (
            r["versions"], "" if r["versions"] == 1 else "s", r["compile_ms"])
    elif r["status"] == "interpreted":
        what = "interpreted (never hot)"
    else:
        what = "%s: %s" % (r["status"], r["reason"])
    lines.append("  %s: %s" % (where, what))
    lines.append("      calls from the interpreter: %d answered natively of %d tried, native %.2f ms"
                 % (r["native_iterations"], r["entries"], r["native_ms"]))
    for e in r["exits"]:
        lines.append("      failed at line %d: %s x%d (the interpreter made the call)"
                     % (e["line"], e["reason"], e["count"]))


def write_json(rows: list[dict], path: str):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1)
