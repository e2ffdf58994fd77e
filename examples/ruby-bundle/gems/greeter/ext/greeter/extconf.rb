require "mkmf"
create_makefile("greeter/greeter")
