<?php

namespace App;

use Greeting\Greeter;

final class App
{
    /** @param list<string> $argv */
    public static function main(array $argv): void
    {
        $names = count($argv) > 1 ? array_slice($argv, 1) : ['Ada', 'Grace'];
        echo (new Greeter())->hello($names), PHP_EOL;
    }
}
