#include "malloc_tuning.h"

#if defined(__GLIBC__)
#include <malloc.h>

int pensiun_malloc_release_freed_memory(void) { return malloc_trim(0); }
#else
int pensiun_malloc_release_freed_memory(void) { return 0; }
#endif
