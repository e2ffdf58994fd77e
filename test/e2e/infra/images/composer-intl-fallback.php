<?php
// Loaded by the stand-in composer phar's stub only when PHP has no intl extension (as in the official php
// images). Upstream's composer.phar bundles symfony/polyfill-intl-normalizer and -grapheme for this; Debian
// packages no polyfills (its symfony/string depends on php-intl), so this is a small substitute covering what
// symfony/string calls while the console renders text: graphemes via PCRE's \X (extended grapheme clusters),
// and normalization as the identity (every valid UTF-8 string is treated as already normalized).
if (!class_exists('Normalizer', false)) {
    class Normalizer
    {
        public const FORM_D = 4;
        public const NFD = 4;
        public const FORM_KD = 8;
        public const NFKD = 8;
        public const FORM_C = 16;
        public const NFC = 16;
        public const FORM_KC = 32;
        public const NFKC = 32;
        public const FORM_KC_CF = 48;
        public const NFKC_CF = 48;

        public static function normalize(string $s, int $form = self::FORM_C)
        {
            return preg_match('//u', $s) ? $s : false;
        }

        public static function isNormalized(string $s, int $form = self::FORM_C): bool
        {
            return (bool) preg_match('//u', $s);
        }
    }
}
if (!function_exists('normalizer_normalize')) {
    function normalizer_normalize(string $s, int $form = Normalizer::FORM_C) { return Normalizer::normalize($s, $form); }
    function normalizer_is_normalized(string $s, int $form = Normalizer::FORM_C): bool { return Normalizer::isNormalized($s, $form); }
}
if (!function_exists('grapheme_strlen')) {
    define('GRAPHEME_EXTR_COUNT', 0);
    define('GRAPHEME_EXTR_MAXBYTES', 1);
    define('GRAPHEME_EXTR_MAXCHARS', 2);

    /** @return string[]|false the extended grapheme clusters of $s */
    function stand_in_graphemes(string $s)
    {
        return false === preg_match_all('/\X/u', $s, $m) ? false : $m[0];
    }
    function grapheme_strlen(string $s)
    {
        $g = stand_in_graphemes($s);
        return false === $g ? null : count($g);
    }
    function grapheme_substr(string $s, int $start, ?int $length = null)
    {
        $g = stand_in_graphemes($s);
        return false === $g ? false : implode('', array_slice($g, $start, $length));
    }
    function grapheme_strpos(string $haystack, string $needle, int $offset = 0)
    {
        $g = stand_in_graphemes($haystack);
        if (false === $g) return false;
        if ($offset < 0) $offset += count($g);
        $skip = strlen(implode('', array_slice($g, 0, $offset)));
        $pos = '' === $needle ? $skip : strpos($haystack, $needle, $skip);
        return false === $pos ? false : count(stand_in_graphemes(substr($haystack, 0, $pos)));
    }
    function grapheme_stripos(string $haystack, string $needle, int $offset = 0)
    {
        return grapheme_strpos(mb_strtolower($haystack, 'UTF-8'), mb_strtolower($needle, 'UTF-8'), $offset);
    }
    function grapheme_extract(string $haystack, int $size, int $type = GRAPHEME_EXTR_COUNT, int $offset = 0, &$next = null)
    {
        $g = stand_in_graphemes(substr($haystack, $offset));
        if (false === $g) return false;
        $out = '';
        $n = 0;
        foreach ($g as $c) {
            $n += GRAPHEME_EXTR_COUNT === $type ? 1 : (GRAPHEME_EXTR_MAXBYTES === $type ? strlen($c) : mb_strlen($c, 'UTF-8'));
            if ($n > $size) break;
            $out .= $c;
        }
        $next = $offset + strlen($out);
        return $out;
    }
}
