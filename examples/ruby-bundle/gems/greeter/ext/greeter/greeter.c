#include <ruby.h>

static VALUE native_greeting(VALUE self) {
  (void)self;
  return rb_str_new_cstr("Hello");
}

void Init_greeter(void) {
  VALUE mod = rb_define_module("Greeter");
  rb_define_singleton_method(mod, "native_greeting", native_greeting, 0);
}
