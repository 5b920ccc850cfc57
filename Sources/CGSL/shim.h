// Shim over the GNU Scientific Library for Swift 6.
//
// GSL exposes its generator and sequence types as mutable globals (`gsl_rng_mt19937`, ...), which
// Swift 6's strict concurrency refuses to read. Each getter below returns the same pointer from C.
#ifndef PENSIUN_CGSL_SHIM_H
#define PENSIUN_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>

static inline const gsl_rng_type *pensiun_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *pensiun_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *pensiun_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }

static inline const gsl_qrng_type *pensiun_qrng_sobol(void) { return gsl_qrng_sobol; }
static inline const gsl_qrng_type *pensiun_qrng_halton(void) { return gsl_qrng_halton; }
static inline const gsl_qrng_type *pensiun_qrng_reversehalton(void) { return gsl_qrng_reversehalton; }
static inline const gsl_qrng_type *pensiun_qrng_niederreiter2(void) { return gsl_qrng_niederreiter_2; }

/// Switches GSL's default error handler (which aborts the process) off; callers check status codes.
static inline void pensiun_gsl_disable_abort(void) { gsl_set_error_handler_off(); }

#endif
