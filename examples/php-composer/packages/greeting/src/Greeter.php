<?php

namespace Greeting;

final class Greeter
{
    /** @param list<string> $names */
    public function hello(array $names): string
    {
        return sprintf('Hello, %s! (PHP %d.%d)', implode(' and ', $names), PHP_MAJOR_VERSION, PHP_MINOR_VERSION);
    }
}
