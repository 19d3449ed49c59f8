//! The CPU time one mail may cost (`limits.max_processing_ms`).
//!
//! Parsing and extraction are linear in the mail's size, and the size is
//! capped, but "linear" in a 25 MB HTML body is still work a hostile sender
//! chooses. The budget is checked between the steps of parsing (per body
//! part, per attachment, per forwarded message) and every few kilobytes
//! inside the HTML converter, so a mail that overruns is stopped within one
//! step and quarantined instead of holding a core.
//!
//! It counts the CPU time of the thread doing the work, not wall-clock
//! time: a busy machine must not quarantine ordinary mail because the
//! analysis thread waited for a core.

use std::time::{Duration, Instant};

/// A mail's processing went over `limits.max_processing_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    pub limit: Duration,
}

/// The time one mail may still take. Not `Send`: it reads the clock of the
/// thread that made it.
#[derive(Debug)]
pub struct Budget {
    limit: Option<Duration>,
    start: Start,
}

#[derive(Debug)]
enum Start {
    Cpu(cpu_time::ThreadTime),
    /// Where the thread's CPU clock cannot be read: wall-clock time, which
    /// only errs towards stopping early on a loaded machine.
    Wall(Instant),
}

impl Budget {
    /// `limit` of CPU time from now, on this thread.
    pub fn new(limit: Duration) -> Budget {
        Budget {
            limit: Some(limit),
            start: match cpu_time::ThreadTime::try_now() {
                Ok(now) => Start::Cpu(now),
                Err(_) => Start::Wall(Instant::now()),
            },
        }
    }

    /// No limit (the `parse` command, tests, quote stripping of text that
    /// was already admitted).
    pub fn unlimited() -> Budget {
        Budget {
            limit: None,
            start: Start::Wall(Instant::now()),
        }
    }

    /// Time spent since the budget was made.
    pub fn spent(&self) -> Duration {
        match &self.start {
            Start::Cpu(start) => start.try_elapsed().unwrap_or_default(),
            Start::Wall(start) => start.elapsed(),
        }
    }

    /// Err once the limit is spent.
    pub fn check(&self) -> Result<(), OverBudget> {
        match self.limit {
            Some(limit) if self.spent() > limit => Err(OverBudget { limit }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Burns CPU on this thread until `budget` has seen `at_least` of it.
    fn burn(budget: &Budget, at_least: Duration) {
        let mut x = 0u64;
        while budget.spent() < at_least {
            for i in 0..10_000u64 {
                x = x.wrapping_mul(31).wrapping_add(i);
            }
            std::hint::black_box(x);
        }
    }

    #[test]
    fn a_fresh_budget_passes_and_a_spent_one_fails() {
        let budget = Budget::new(Duration::from_millis(20));
        assert_eq!(budget.check(), Ok(()));
        burn(&budget, Duration::from_millis(25));
        assert_eq!(
            budget.check(),
            Err(OverBudget {
                limit: Duration::from_millis(20)
            })
        );
    }

    #[test]
    fn sleeping_costs_no_cpu_time() {
        let budget = Budget::new(Duration::from_millis(30));
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(budget.check(), Ok(()), "spent {:?}", budget.spent());
    }

    #[test]
    fn unlimited_never_fails() {
        let budget = Budget::unlimited();
        burn(&budget, Duration::from_millis(5));
        assert_eq!(budget.check(), Ok(()));
    }
}
