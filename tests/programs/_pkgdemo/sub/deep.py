from ..util import whisper
from .. import VERSION
def deep_fn():
    return whisper("DEEP") + " v" + VERSION
