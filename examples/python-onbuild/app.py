import greetlib
import zcrc

print(greetlib.greet("onbuild"))
print("crc32(onbuild) =", zcrc.crc32("onbuild"))
