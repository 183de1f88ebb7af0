//! A deterministic simulation of the Job, CronJob and TTL controllers on a virtual clock.
