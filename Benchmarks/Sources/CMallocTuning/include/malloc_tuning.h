// glibc's malloc_trim (malloc.h), which Swift's Glibc module does not export. Used by the
// benchmarks only, to hand freed memory back to the kernel between iterations.
#ifndef PENSIUN_MALLOC_TUNING_H
#define PENSIUN_MALLOC_TUNING_H

/// Returns free heap memory of every arena to the kernel (malloc_trim(0)); 1 if some was
/// released, always 0 where glibc's malloc is not in use.
int pensiun_malloc_release_freed_memory(void);

#endif
