import sys


def greet(name):
    return "Hello, %s!" % name


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    print(greet(args[0] if args else "world"))
    return 0
