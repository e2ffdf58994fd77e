import sys

import greetlib
import zcrc

print(greetlib.greet("venv"))
print("crc32(venv) =", zcrc.crc32("venv"))
print("interpreter:", sys.prefix)
