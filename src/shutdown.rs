//! The stop signal every long-running task listens to.

use tokio::sync::watch;

/// Tells tasks to stop. Dropping it also stops them.
#[derive(Debug)]
pub struct ShutdownTrigger(watch::Sender<bool>);

/// A task's view of the stop signal; clone one per task.
#[derive(Debug, Clone)]
pub struct Shutdown(watch::Receiver<bool>);

pub fn channel() -> (ShutdownTrigger, Shutdown) {
    let (tx, rx) = watch::channel(false);
    (ShutdownTrigger(tx), Shutdown(rx))
}

impl ShutdownTrigger {
    pub fn trigger(&self) {
        let _ = self.0.send(true);
    }
}

impl Shutdown {
    pub fn is_triggered(&self) -> bool {
        *self.0.borrow()
    }

    /// Resolves once shutdown was triggered (or its trigger dropped).
    pub async fn wait(&mut self) {
        let _ = self.0.wait_for(|stop| *stop).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn waiters_wake_when_triggered_or_dropped() {
        let (trigger, mut a) = channel();
        let mut b = a.clone();
        assert!(!a.is_triggered());
        trigger.trigger();
        a.wait().await;
        assert!(b.is_triggered());
        b.wait().await;

        let (trigger, mut c) = channel();
        drop(trigger);
        c.wait().await;
    }
}
