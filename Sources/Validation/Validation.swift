// Observables and metrics.
