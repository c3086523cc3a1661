//! Whether to print stage timings: `PLEIN_TIMINGS` set in the environment, read in this one
//! place. Knows nothing of the stages it is asked about.

/// Whether stage timings go to stderr, for finding where a build spends its time.
pub(crate) fn wanted() -> bool {
    std::env::var_os("PLEIN_TIMINGS").is_some()
}
