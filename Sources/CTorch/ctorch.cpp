#include "ctorch.h"
#include <string>
static thread_local std::string last_error;
extern "C" const char *ct_last_error(void) { return last_error.c_str(); }
