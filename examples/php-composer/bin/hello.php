<?php

require __DIR__ . '/../vendor/autoload.php';

App\App::main($argv);
