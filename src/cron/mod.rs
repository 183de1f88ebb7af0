//! The cron dialect of robfig/cron v3 as the CronJob controller uses it, evaluated in a time zone.
