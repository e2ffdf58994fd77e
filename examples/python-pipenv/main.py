import sys

import greetlib
import zcrc

msg = greetlib.greet("pipenv")
print(msg)
print("crc32 = %08x" % zcrc.crc32(msg))
print("interpreter:", sys.prefix)
