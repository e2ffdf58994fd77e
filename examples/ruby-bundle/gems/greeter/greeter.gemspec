Gem::Specification.new do |s|
  s.name = "greeter"
  s.version = "0.1.0"
  s.summary = "Greets, in C"
  s.authors = ["dfsplit examples"]
  s.license = "MIT"
  s.homepage = "https://example.org/greeter"
  s.files = ["lib/greeter.rb", "ext/greeter/extconf.rb", "ext/greeter/greeter.c"]
  s.extensions = ["ext/greeter/extconf.rb"]
  s.require_paths = ["lib"]
end
