require "mkmf"
create_makefile("vowels/vowels")
