Gem::Specification.new do |s|
  s.name = "vowels"
  s.version = "0.1.0"
  s.summary = "Counts vowels, in C"
  s.authors = ["dfsplit examples"]
  s.license = "MIT"
  s.homepage = "https://example.org/vowels"
  s.files = ["lib/vowels.rb", "ext/vowels/extconf.rb", "ext/vowels/vowels.c"]
  s.extensions = ["ext/vowels/extconf.rb"]
  s.require_paths = ["lib"]
end
