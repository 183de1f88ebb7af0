//! Fuzzes the CronJob controller's scheduling decision ("why didn't it run?") with any schedule,
//! creation time, last schedule time, now and starting deadline: no panic, no hang.
#![no_main]

use jobscope_cron::controller::{CronJobTimes, SyncInput, sync_idle_cron_job};
use jobscope_cron::{Instant, Zone};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 17 {
        return;
    }
    let number = |at: usize| i64::from(i32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]));
    let Ok(schedule) = std::str::from_utf8(&data[17..]) else {
        return;
    };
    let base = 1_767_225_600;
    let created = Instant::from_unix(base + number(0));
    let last = (data[16] & 1 == 1).then(|| Instant::from_unix(base + number(4)));
    let now = Instant::from_unix(base + number(8).abs());
    let deadline = (data[16] & 2 == 2).then(|| number(12));
    let input = SyncInput {
        name: "fuzz",
        schedule,
        time_zone: (data[16] & 4 == 4).then_some("America/New_York"),
        times: CronJobTimes {
            created,
            last_schedule: last,
            starting_deadline_seconds: deadline,
        },
        now,
        controller_zone: Zone::Utc,
    };
    let _ = sync_idle_cron_job(&input);
});
