require "vowels/vowels"

module Vowels
  def self.report(text)
    "#{count(text)} vowels in \"#{text}\" (ruby #{RUBY_VERSION})"
  end
end
