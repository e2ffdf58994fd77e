import zcrc

msg = "Hello, setup.py!"
print(msg)
print("crc32 = %08x" % zcrc.crc32(msg))
print("from:", zcrc.__file__.split("/dist-packages/")[0])
