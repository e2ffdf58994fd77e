from setuptools import setup, Extension

setup(
    name="pgver",
    version="1.0.0",
    description="Report the linked libpq version",
    ext_modules=[
        Extension(
            "pgver",
            sources=["pgver.c"],
            include_dirs=["/usr/include/postgresql"],
            libraries=["pq"],
        )
    ],
)
