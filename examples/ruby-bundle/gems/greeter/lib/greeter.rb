require "greeter/greeter"

module Greeter
  def self.hello(names)
    "#{native_greeting}, #{names.join(' and ')}! (ruby #{RUBY_VERSION})"
  end
end
