#include <ruby.h>
#include <string.h>

static VALUE count(VALUE self, VALUE text) {
  (void)self;
  const char *s = StringValueCStr(text);
  long n = 0;
  for (; *s; s++) n += strchr("aeiouAEIOU", *s) != NULL;
  return LONG2NUM(n);
}

void Init_vowels(void) {
  VALUE mod = rb_define_module("Vowels");
  rb_define_singleton_method(mod, "count", count, 1);
}
