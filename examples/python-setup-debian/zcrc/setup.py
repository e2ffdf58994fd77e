from setuptools import setup, Extension

setup(
    name="zcrc",
    version="1.0.0",
    description="CRC-32 via zlib",
    ext_modules=[Extension("zcrc", sources=["zcrc.c"], libraries=["z"])],
)
