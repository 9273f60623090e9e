// Plain-C facade over libtorch. Placeholder: the tensor engine lands with issue 3.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
/// Message of the last failed ct_ call on this thread, or an empty string.
const char *ct_last_error(void);
#ifdef __cplusplus
}
#endif
