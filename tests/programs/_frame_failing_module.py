# helper module for frame_import_traceback.py: fails while being imported
print("_frame_failing_module starts importing")


def configure(options):
    return options["mode"]


SETTINGS = configure({"level": 1})
