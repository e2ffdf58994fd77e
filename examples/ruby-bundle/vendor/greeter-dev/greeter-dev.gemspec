Gem::Specification.new do |s|
  s.name = "greeter-dev"
  s.version = "0.1.0"
  s.summary = "Only for development"
  s.authors = ["dfsplit examples"]
  s.license = "MIT"
  s.homepage = "https://example.org/greeter"
  s.files = ["lib/greeter/dev.rb"]
  s.require_paths = ["lib"]
end
