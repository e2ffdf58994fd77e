module Greeter; DEV = true; end
