<?php
// php -d phar.readonly=0 composer-phar.php ROOT INTL_FALLBACK OUT.phar
// Packs Debian's composer, extracted under ROOT (ROOT/usr/bin/composer and the PHP libraries it loads from
// ROOT/usr/share/php), into one self-contained phar at OUT, shaped like upstream's composer.phar:
// `#!/usr/bin/env php` stub, bin/composer inside. Debian's autoloaders use __DIR__-relative paths, so the
// same relative layout (bin/, share/php/) inside the phar keeps them working. INTL_FALLBACK is loaded first
// when PHP lacks the intl extension (composer-intl-fallback.php says why).
[, $root, $fallback, $out] = $argv;
$lib = "$root/usr/share/php";
@unlink($out);
$phar = new Phar($out, 0, 'composer.phar');
$phar->setSignatureAlgorithm(Phar::SHA512);
$phar->startBuffering();
$n = 0;
$files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($lib, FilesystemIterator::SKIP_DOTS));
foreach ($files as $f) {
    if (!$f->isFile()) continue;
    $phar->addFile($f->getPathname(), 'share/php/' . substr($f->getPathname(), strlen($lib) + 1));
    $n++;
}
// the script's own shebang line would be printed when it is included from the stub
$phar->addFromString('bin/composer', preg_replace('{^#![^\n]*\n}', '', file_get_contents("$root/usr/bin/composer")));
$phar->addFile($fallback, 'stand-in/intl-fallback.php');
$phar->setStub(<<<'STUB'
#!/usr/bin/env php
<?php
Phar::mapPhar('composer.phar');
if (!extension_loaded('intl')) {
    require 'phar://composer.phar/stand-in/intl-fallback.php';
}
require 'phar://composer.phar/bin/composer';
__HALT_COMPILER();
STUB);
$phar->stopBuffering();
chmod($out, 0755);
fwrite(STDERR, "composer-phar: $n library files -> $out\n");
