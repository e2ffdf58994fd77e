require "vowels"

puts Vowels.report(ARGV.empty? ? "hello" : ARGV.join(" "))
