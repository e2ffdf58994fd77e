require "bundler/setup"
require "greeter"

names = ARGV.empty? ? %w[Ada Grace] : ARGV
puts Greeter.hello(names)
begin
  require "greeter/dev"
  puts "development gem loaded"
rescue LoadError
  puts "development gems left out"
end
