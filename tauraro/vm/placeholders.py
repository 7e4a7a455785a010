"""The placeholder constants the instrumenter leaves in compiled code, and the loader binds.

They are strings (``compile`` takes only plain constants); after compiling or loading from
the cache, ``tauraro.vm.loader`` replaces them in the code objects' constants."""

BUILTINS_PLACEHOLDER = "\x00tauraro:builtins"    # -> the builtins module
SYS_PLACEHOLDER = "\x00tauraro:sys"              # -> the sys module
SITE_PREFIX = "\x00tauraro:site:"                # + N -> the LoopSite of loop N
