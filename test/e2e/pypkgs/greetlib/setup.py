from setuptools import setup

setup(
    name="greetlib",
    version="1.0.0",
    description="Tiny greeting library",
    packages=["greetlib"],
    entry_points={"console_scripts": ["greet = greetlib:main"]},
)
