//! A schedule in plain English, in the Kubernetes dialect, with the traps it falls into.
//!
//! The description is built from robfig's bit sets (what the schedule *does*), not from the
//! text (what it seems to say), so `0 0 1-31 * 1` reads "every day" and `*/61` reads "minute 0".
//! Warnings name the trap and the dates it bites; DST effects are found by running the real
//! `Next` across every offset change of the coming year and comparing with the wall clock.

use super::next::{Evaluator, NextTime};
use super::parser::{
    Field, ParseError, ParsedSchedule, STAR_BIT, Schedule, ScheduleSyntax, SpecSchedule,
};
use jobscope_golang::duration::format_go_duration;
use jobscope_golang::time::{
    Civil, HOUR, Instant, SECOND, Zone, ZoneClock, days_in_month, offset_changes,
};

/// Where the zone a schedule runs in comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZoneSource {
    /// `spec.timeZone`.
    TimeZoneField(String),
    /// A `TZ=`/`CRON_TZ=` prefix in the schedule.
    Prefix(String),
    /// Neither: kube-controller-manager's local zone.
    ControllerLocal,
}

/// One finding about a schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CronWarning {
    /// Stable identifier, e.g. `cron-dst-skip`.
    pub code: &'static str,
    pub message: String,
    /// Bytes of the schedule text the warning is about, when it is about one part.
    pub(crate) span: Option<(usize, usize)>,
}

/// What one field of a five-field schedule means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldExplanation {
    pub field: Field,
    pub text: String,
    pub(crate) span: (usize, usize),
    /// `every minute`, `hours 9 through 17`, `Monday through Friday`.
    pub meaning: String,
    pub allowed: &'static str,
}

/// A schedule, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// One sentence: `At 02:00 every day (America/New_York)`.
    pub summary: String,
    pub fields: Vec<FieldExplanation>,
    pub warnings: Vec<CronWarning>,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Explains a parsed schedule evaluated in `zone`, looking one year ahead of `now` for DST
/// effects and five years ahead (robfig's horizon) for a schedule that never fires.
pub fn explain(
    parsed: &ParsedSchedule,
    zone: Zone,
    source: &ZoneSource,
    now: Instant,
) -> Explanation {
    let zone_label = match source {
        ZoneSource::ControllerLocal => "in kube-controller-manager's time zone".to_owned(),
        _ => format!("({})", zone.name()),
    };
    let mut warnings = Vec::new();
    let mut fields = Vec::new();
    let summary = match &parsed.schedule {
        Schedule::Every { delay_nanos } => {
            warnings.push(CronWarning {
                code: "cron-every-relative",
                message: format!(
                    "`@every {}` is counted from the CronJob's last scheduled time (its creation time at first), not aligned to the clock, and ignores the time zone",
                    format_go_duration(*delay_nanos)
                ),
                span: descriptor_span(parsed),
            });
            format!("Every {}", format_go_duration(*delay_nanos))
        }
        Schedule::Spec(spec) => {
            if let ScheduleSyntax::Fields(syntax) = &parsed.syntax {
                for field_syntax in syntax {
                    fields.push(FieldExplanation {
                        field: field_syntax.field,
                        text: field_syntax.text.clone(),
                        span: field_syntax.span,
                        meaning: field_meaning(spec, field_syntax.field),
                        allowed: field_syntax.field.allowed(),
                    });
                }
                field_warnings(spec, syntax, &mut warnings);
            }
            format!("{} {zone_label}", describe_spec(spec))
        }
    };

    match source {
        ZoneSource::ControllerLocal if !matches!(parsed.schedule, Schedule::Every { .. }) => warnings.push(CronWarning {
            code: "cron-no-time-zone",
            message: "no `timeZone` is set: the schedule runs in kube-controller-manager's local time zone (UTC on most clusters, but not guaranteed); set `spec.timeZone`".to_owned(),
            span: None,
        }),
        ZoneSource::Prefix(name) => warnings.push(CronWarning {
            code: "cron-tz-prefix",
            message: format!(
                "the apiserver rejects `TZ=`/`CRON_TZ=` in a new schedule; drop the prefix and set `timeZone: {name}` instead"
            ),
            span: parsed.tz_prefix.as_ref().map(|(_, span)| *span),
        }),
        _ => {}
    }

    let mut evaluator = Evaluator::new(parsed.schedule.clone(), parsed.location, zone);
    match evaluator.next(now) {
        NextTime::Never => warnings.push(CronWarning {
            code: "cron-never-fires",
            message: "this schedule never fires: nothing matches within five years, so robfig/cron gives up and the CronJob never creates a Job".to_owned(),
            span: None,
        }),
        NextTime::Runaway => warnings.push(CronWarning {
            code: "cron-runaway",
            message: "robfig/cron does not find an end when searching this schedule in this zone; the controller would hang on it".to_owned(),
            span: None,
        }),
        NextTime::At(_) => {
            if let Schedule::Spec(spec) = &parsed.schedule {
                dst_warnings(spec, zone, now, &mut warnings);
            }
        }
    }
    Explanation {
        summary,
        fields,
        warnings,
    }
}

fn descriptor_span(parsed: &ParsedSchedule) -> Option<(usize, usize)> {
    match &parsed.syntax {
        ScheduleSyntax::Descriptor { span, .. } => Some(*span),
        ScheduleSyntax::Fields(_) => None,
    }
}

/// The values set in a field, in order.
fn values(spec: &SpecSchedule, field: Field) -> Vec<u32> {
    let bits = spec.bits(field) & !STAR_BIT;
    (field.min()..=field.max())
        .filter(|v| bits & (1u64 << v) != 0)
        .collect()
}

fn is_all(spec: &SpecSchedule, field: Field) -> bool {
    values(spec, field).len() == (field.max() - field.min() + 1) as usize
}

/// An arithmetic progression with a step above one and at least three terms: (first, step,
/// last). Step one is a plain range, which `runs_text` words better.
fn progression(values: &[u32]) -> Option<(u32, u32, u32)> {
    if values.len() < 3 {
        return None;
    }
    let step = values[1] - values[0];
    (step > 1 && values.windows(2).all(|w| w[1] - w[0] == step))
        .then(|| (values[0], step, values[values.len() - 1]))
}

/// `a`, `a and b`, `a, b and c`.
fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Runs of consecutive values, written with `name`: `9 through 17`, `1, 15 and 20 through 25`.
fn runs_text(values: &[u32], name: &dyn Fn(u32) -> String) -> String {
    let mut parts = Vec::new();
    let mut index = 0;
    while index < values.len() {
        let start = values[index];
        let mut end = start;
        while index + 1 < values.len() && values[index + 1] == end + 1 {
            index += 1;
            end = values[index];
        }
        parts.push(if end >= start + 2 {
            format!("{} through {}", name(start), name(end))
        } else if end == start + 1 {
            format!("{}, {}", name(start), name(end))
        } else {
            name(start)
        });
        index += 1;
    }
    join_words(&parts)
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn value_name(field: Field, value: u32) -> String {
    match field {
        Field::Month => MONTH_NAMES[(value - 1) as usize].to_owned(),
        Field::DayOfWeek => DAY_NAMES[value as usize].to_owned(),
        _ => value.to_string(),
    }
}

/// What a single field allows, in words.
fn field_meaning(spec: &SpecSchedule, field: Field) -> String {
    let values = values(spec, field);
    let unit = match field {
        Field::Minute => "minute",
        Field::Hour => "hour",
        Field::DayOfMonth => "day of the month",
        Field::Month => "month",
        Field::DayOfWeek => "day of the week",
    };
    if is_all(spec, field) {
        let star = spec.bits(field) & STAR_BIT != 0;
        return match (field, star) {
            (Field::DayOfMonth | Field::DayOfWeek, false) => {
                format!(
                    "every {unit} (written without `*`, so robfig ORs it with the other day field)"
                )
            }
            _ => format!("every {unit}"),
        };
    }
    if let Some((first, step, last)) = progression(&values) {
        return format!(
            "every {} {unit} from {} through {}",
            ordinal(step),
            value_name(field, first),
            value_name(field, last)
        );
    }
    let plural = match field {
        Field::Minute => "minutes",
        Field::Hour => "hours",
        Field::DayOfMonth => "days",
        Field::Month | Field::DayOfWeek => "",
    };
    let text = runs_text(&values, &|v| value_name(field, v));
    if plural.is_empty() {
        text
    } else if values.len() == 1 {
        format!("{unit} {text}")
    } else {
        format!("{plural} {text}")
    }
}

fn clock(hour: u32, minute: u32) -> String {
    format!("{hour:02}:{minute:02}")
}

/// The sentence for a five-field schedule (without the zone).
pub(crate) fn describe_spec(spec: &SpecSchedule) -> String {
    let minutes = values(spec, Field::Minute);
    let hours = values(spec, Field::Hour);
    let all_minutes = minutes.len() == 60;
    let all_hours = hours.len() == 24;

    let time = if all_minutes && all_hours {
        "Every minute".to_owned()
    } else if all_hours
        && minutes.len() > 1
        && minutes[0] == 0
        && progression(&minutes).is_some_and(|(_, step, _)| 60 % step == 0)
    {
        format!("Every {} minutes", minutes[1])
    } else if minutes.len() == 1 && all_hours {
        format!("At minute {} past every hour", minutes[0])
    } else if minutes.len() == 1 && hours.len() <= 6 {
        let times: Vec<String> = hours.iter().map(|h| clock(*h, minutes[0])).collect();
        format!("At {}", join_words(&times))
    } else if hours.len() == 1 && minutes.len() <= 4 {
        let times: Vec<String> = minutes.iter().map(|m| clock(hours[0], *m)).collect();
        format!("At {}", join_words(&times))
    } else {
        let minute_part = if all_minutes {
            "every minute".to_owned()
        } else {
            field_meaning(spec, Field::Minute)
        };
        let hour_part = if all_hours {
            "every hour".to_owned()
        } else if let Some((first, step, last)) = progression(&hours) {
            format!("every {} hour from {first} through {last}", ordinal(step))
        } else if hours.len() > 1 && hours.windows(2).all(|w| w[1] == w[0] + 1) {
            format!(
                "every hour from {} through {}",
                hours[0],
                hours[hours.len() - 1]
            )
        } else {
            field_meaning(spec, Field::Hour)
        };
        let minute_part = if minutes.len() == 1 {
            format!("minute {}", minutes[0])
        } else {
            minute_part
        };
        format!("At {minute_part} past {hour_part}")
    };

    let mut sentence = time;
    let days = describe_days(spec);
    let months = if is_all(spec, Field::Month) {
        String::new()
    } else {
        let month_values = values(spec, Field::Month);
        format!(
            " in {}",
            runs_text(&month_values, &|v| value_name(Field::Month, v))
        )
    };
    match days {
        None if months.is_empty() && sentence.starts_with("At ") && !sentence.contains("past") => {
            sentence.push_str(" every day");
        }
        None => {}
        Some(days) => {
            sentence.push(' ');
            sentence.push_str(&days);
        }
    }
    sentence.push_str(&months);
    sentence
}

/// The day part: `None` for every day, else `on Monday through Friday`, `on day 1 of the
/// month`, or the OR form.
fn describe_days(spec: &SpecSchedule) -> Option<String> {
    let dom_star = spec.dom & STAR_BIT != 0;
    let dow_star = spec.dow & STAR_BIT != 0;
    let dom_all = is_all(spec, Field::DayOfMonth);
    let dow_all = is_all(spec, Field::DayOfWeek);
    let dom_text = || {
        let days = values(spec, Field::DayOfMonth);
        if let Some((first, step, last)) = progression(&days) {
            format!(
                "on every {} day of the month from day {first} through {last}",
                ordinal(step)
            )
        } else if days.len() == 1 {
            format!("on day {} of the month", days[0])
        } else {
            format!(
                "on days {} of the month",
                runs_text(&days, &|v| v.to_string())
            )
        }
    };
    let dow_text = || {
        format!(
            "on {}",
            runs_text(&values(spec, Field::DayOfWeek), &|v| value_name(
                Field::DayOfWeek,
                v
            ))
        )
    };
    if dom_star || dow_star {
        // AND: a starred field matches every day, so only the other one restricts.
        match (dom_all, dow_all) {
            (true, true) => None,
            (true, false) => Some(dow_text()),
            (false, true) => Some(dom_text()),
            (false, false) => Some(format!("{} and {}", dom_text(), dow_text())),
        }
    } else if dom_all || dow_all {
        // OR with a field that matches every day: every day.
        None
    } else {
        Some(format!(
            "{} or {} (either one is enough)",
            dom_text(),
            dow_text()
        ))
    }
}

/// Traps visible in the fields themselves.
fn field_warnings(
    spec: &SpecSchedule,
    syntax: &[super::parser::FieldSyntax],
    warnings: &mut Vec<CronWarning>,
) {
    for field_syntax in syntax {
        let field = field_syntax.field;
        for range in &field_syntax.ranges {
            let width = u64::from(range.end - range.start);
            if range.step > 1 && range.step > width {
                warnings.push(CronWarning {
                    code: "cron-step-exceeds-range",
                    message: format!(
                        "`{}`: the step {} is larger than the range {}-{}, so it only matches {} {}",
                        range.text, range.step, range.start, range.end, field.label(), range.start
                    ),
                    span: Some(range.span),
                });
            } else if range.star && range.step > 1 {
                let cycle = u64::from(field.max() - field.min() + 1);
                if matches!(field, Field::Minute | Field::Hour) && cycle % range.step != 0 {
                    let last = u64::from(field.min()) + (cycle - 1) / range.step * range.step;
                    let gap = cycle - last + u64::from(field.min());
                    let unit = if field == Field::Minute {
                        "minutes"
                    } else {
                        "hours"
                    };
                    warnings.push(CronWarning {
                        code: "cron-uneven-step",
                        message: format!(
                            "`{}` restarts at {} every {}: runs are {} {unit} apart except {gap} {unit} between {last} and {}",
                            range.text,
                            field.min(),
                            if field == Field::Minute { "hour" } else { "day" },
                            range.step,
                            field.min()
                        ),
                        span: Some(range.span),
                    });
                }
            }
        }
    }

    let fields_by = |field: Field| syntax.iter().find(|f| f.field == field);
    let minutes = values(spec, Field::Minute);
    let hours = values(spec, Field::Hour);
    if minutes.len() == 60 && hours.len() < 24 {
        let hour_list = runs_text(&hours, &|h| format!("{h:02}:00"));
        warnings.push(CronWarning {
            code: "cron-every-minute-of-hour",
            message: format!(
                "the minute field is `*`, so this fires every minute of the chosen hours ({} runs a day, starting {hour_list}); write `0` for once an hour",
                60 * hours.len()
            ),
            span: fields_by(Field::Minute).map(|f| f.span),
        });
    }

    let dom_star = spec.dom & STAR_BIT != 0;
    let dow_star = spec.dow & STAR_BIT != 0;
    let dom_all = is_all(spec, Field::DayOfMonth);
    let dow_all = is_all(spec, Field::DayOfWeek);
    let day_span = match (fields_by(Field::DayOfMonth), fields_by(Field::DayOfWeek)) {
        (Some(dom), Some(dow)) => Some((dom.span.0, dow.span.1)),
        _ => None,
    };
    if !dom_star && !dow_star {
        if dom_all || dow_all {
            warnings.push(CronWarning {
                code: "cron-day-or-every-day",
                message: "day-of-month and day-of-week are both restricted without `*`, so robfig ORs them; one of them covers every day, so this fires every day. Use `*` in the field you don't mean".to_owned(),
                span: day_span,
            });
        } else {
            warnings.push(CronWarning {
                code: "cron-day-or",
                message: "day-of-month and day-of-week are both set, so the schedule fires when EITHER matches (robfig, like Vixie cron, ORs them); to require both, the CronJob's Job must check the date itself".to_owned(),
                span: day_span,
            });
        }
    }

    // Days that some months lack.
    let days = values(spec, Field::DayOfMonth);
    let months = values(spec, Field::Month);
    if !dom_all && (dow_star || dom_star) {
        let short: Vec<String> = months
            .iter()
            .filter(|m| days.iter().any(|d| *d > days_in_month(2024, **m)))
            .map(|m| MONTH_NAMES[(*m - 1) as usize].to_owned())
            .collect();
        let never = months
            .iter()
            .all(|m| days.iter().all(|d| *d > days_in_month(2024, *m)));
        if !short.is_empty() && !never {
            warnings.push(CronWarning {
                code: "cron-day-missing-in-some-months",
                message: format!(
                    "day {} does not exist in {}: no run there that month (robfig does not move it to the last day)",
                    runs_text(&days.iter().copied().filter(|d| *d > 28).collect::<Vec<_>>(), &|v| v.to_string()),
                    join_words(&short)
                ),
                span: fields_by(Field::DayOfMonth).map(|f| f.span),
            });
        } else if days == [29] && months == [2] {
            warnings.push(CronWarning {
                code: "cron-leap-day",
                message: "February 29 exists only in leap years: this runs every four years (and robfig stops after 2096, since 2104 is more than five years after it)".to_owned(),
                span: fields_by(Field::DayOfMonth).map(|f| f.span),
            });
        }
    }
}

/// What one change of a zone's offset does to a schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DstEffect {
    /// The instant the offset changes.
    pub at: Instant,
    /// Positive: the clocks jump forward (a gap); negative: they go back (an overlap).
    pub(crate) shift_seconds: i64,
    /// The local date (`2026-03-08`) and the wall clock before and after the change.
    pub date: String,
    pub(crate) wall_from: (u32, u32),
    pub(crate) wall_to: (u32, u32),
    /// Wall times (`02:30`) the schedule names that do not happen that day.
    pub skipped: Vec<String>,
    /// Wall times at which the schedule runs twice.
    pub repeated: Vec<String>,
}

/// Compares robfig's runs with the wall clock around each offset change in `[from, to)`.
pub fn dst_effects(spec: &SpecSchedule, zone: Zone, from: Instant, to: Instant) -> Vec<DstEffect> {
    let mut clock = ZoneClock::new(zone);
    let mut evaluator = Evaluator::new(
        Schedule::Spec(*spec),
        super::parser::ScheduleLocation::Zone(zone),
        zone,
    );
    let mut effects = Vec::new();
    for (at, before, after) in offset_changes(zone, from, to) {
        let shift = i64::from(after - before);
        let local_before = clock.civil(at.add_nanos(-SECOND));
        let date = format!(
            "{:04}-{:02}-{:02}",
            local_before.year, local_before.month, local_before.day
        );
        // robfig's actual runs within a day either side (at most a day of minutes each side).
        let window_end = at.add_nanos(26 * HOUR);
        let mut runs: Vec<(Instant, Civil)> = Vec::new();
        let mut t = at.add_nanos(-26 * HOUR);
        while runs.len() < 5000 {
            match evaluator.next(t) {
                NextTime::At(found) if found < window_end => {
                    runs.push((found, clock.civil(found)));
                    t = found;
                }
                _ => break,
            }
        }
        let wall_from = Civil::from_local_seconds(at.unix + i64::from(before), 0);
        let wall_to = Civil::from_local_seconds(at.unix + i64::from(after), 0);
        let mut effect = DstEffect {
            at,
            shift_seconds: shift,
            date,
            wall_from: (wall_from.hour, wall_from.minute),
            wall_to: (wall_to.hour, wall_to.minute),
            skipped: Vec::new(),
            repeated: Vec::new(),
        };
        if shift > 0 {
            // A gap: wall times [wall_from, wall_from + shift) do not exist.
            let expected = wall_times_in(spec, at.unix + i64::from(before), shift);
            effect.skipped = expected
                .iter()
                .filter(|(h, m)| {
                    !runs
                        .iter()
                        .any(|(_, c)| c.hour == *h && c.minute == *m && c.day == wall_from.day)
                })
                .map(|(h, m)| clock_text(*h, *m))
                .collect();
        } else {
            // An overlap: wall times [wall_from + shift, wall_from) happen twice.
            for (index, (_, first)) in runs.iter().enumerate() {
                let twice = runs[index + 1..].iter().any(|(_, second)| {
                    second.day == first.day
                        && second.hour == first.hour
                        && second.minute == first.minute
                });
                if twice {
                    effect.repeated.push(clock_text(first.hour, first.minute));
                }
            }
        }
        effects.push(effect);
    }
    effects
}

/// Compares robfig's runs with the wall clock around each offset change of the coming year.
fn dst_warnings(spec: &SpecSchedule, zone: Zone, now: Instant, warnings: &mut Vec<CronWarning>) {
    let year_later = now.add_nanos(366 * 24 * HOUR);
    let all_hours = values(spec, Field::Hour).len() == 24;
    for effect in dst_effects(spec, zone, now, year_later) {
        let (from_h, from_m) = effect.wall_from;
        let (to_h, to_m) = effect.wall_to;
        if effect.shift_seconds > 0 {
            let skipped = &effect.skipped;
            if !skipped.is_empty() {
                warnings.push(CronWarning {
                    code: "cron-dst-skip",
                    message: format!(
                        "on {} the clocks jump from {} to {} ({}): the {} run{} {} not happen{}",
                        effect.date,
                        clock_text(from_h, from_m),
                        clock_text(to_h, to_m),
                        zone.name(),
                        join_words(skipped),
                        if skipped.len() == 1 { "" } else { "s" },
                        if skipped.len() == 1 { "does" } else { "do" },
                        if all_hours {
                            " (the schedule has one run fewer that day)"
                        } else {
                            ""
                        }
                    ),
                    span: None,
                });
            }
        } else {
            let repeated = &effect.repeated;
            if !repeated.is_empty() && !all_hours {
                warnings.push(CronWarning {
                    code: "cron-dst-repeat",
                    message: format!(
                        "on {} the clocks go back from {} to {} ({}): the {} run{} twice",
                        effect.date,
                        clock_text(from_h, from_m),
                        clock_text(to_h, to_m),
                        zone.name(),
                        join_words(repeated),
                        if repeated.len() == 1 {
                            " happens"
                        } else {
                            "s happen"
                        }
                    ),
                    span: None,
                });
            }
        }
    }
}

fn clock_text(hour: u32, minute: u32) -> String {
    clock(hour, minute)
}

/// The (hour, minute) wall times matched by the schedule's time fields inside
/// `[local_start, local_start + length)` (local seconds), on days the schedule runs.
fn wall_times_in(spec: &SpecSchedule, local_start: i64, length: i64) -> Vec<(u32, u32)> {
    let mut found = Vec::new();
    let mut t = local_start - local_start.rem_euclid(60);
    if t < local_start {
        t += 60;
    }
    while t < local_start + length {
        let c = Civil::from_local_seconds(t, 0);
        let day_ok = {
            let dom = (1u64 << c.day) & spec.dom != 0;
            let dow = (1u64 << c.weekday) & spec.dow != 0;
            if spec.dom & STAR_BIT != 0 || spec.dow & STAR_BIT != 0 {
                dom && dow
            } else {
                dom || dow
            }
        };
        if day_ok
            && (1u64 << c.month) & spec.month != 0
            && (1u64 << c.hour) & spec.hour != 0
            && (1u64 << c.minute) & spec.minute != 0
        {
            found.push((c.hour, c.minute));
        }
        t += 60;
    }
    found
}

/// A help text for a parse error: what robfig expects instead, where it is not obvious.
pub fn error_help(error: &ParseError, schedule: &str) -> Option<String> {
    let message = &error.message;
    let token = schedule.get(error.span.0..error.span.1).unwrap_or_default();
    if error.panics {
        return Some("put the zone in `spec.timeZone` instead of a prefix".to_owned());
    }
    if message.starts_with("expected exactly 5 fields") {
        let count = schedule.split_whitespace().count();
        return Some(if count == 6 {
            "Kubernetes schedules have five fields (minute hour day-of-month month day-of-week); there is no seconds or year field".to_owned()
        } else {
            "write five fields: minute hour day-of-month month day-of-week".to_owned()
        });
    }
    if message.contains("above maximum (6)") && token.split(['-', ',', '/']).any(|part| part == "7")
    {
        return Some(
            "robfig/cron counts Sunday as 0 only; 7 is out of range. Use 0 or SUN".to_owned(),
        );
    }
    if message.contains("beyond end of range") && token.chars().any(|c| c.is_ascii_alphabetic()) {
        return Some(
            "ranges cannot wrap around the week; list the days instead, e.g. SAT,SUN".to_owned(),
        );
    }
    if ["L", "W", "#", "H"]
        .iter()
        .any(|mark| token.to_ascii_uppercase().contains(mark))
        && message.starts_with("failed to parse int")
    {
        return Some("`L`, `W`, `#` and `H` are Quartz/Jenkins extensions; robfig/cron does not support them".to_owned());
    }
    if message.starts_with("unrecognized descriptor") {
        return Some("robfig/cron knows @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly and @every <duration>, in lower case; there is no @reboot".to_owned());
    }
    if message.starts_with("failed to parse duration") {
        return Some(
            "durations use Go units: h, m, s, ms (e.g. @every 1h30m); there is no unit for days"
                .to_owned(),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse_standard;
    use jobscope_golang::time::parse_rfc3339;

    fn describe(text: &str) -> String {
        let parsed = parse_standard(text).unwrap();
        let Schedule::Spec(spec) = parsed.schedule else {
            panic!()
        };
        describe_spec(&spec)
    }

    fn explain_at(text: &str, zone: Zone, source: ZoneSource, now: &str) -> Explanation {
        explain(
            &parse_standard(text).unwrap(),
            zone,
            &source,
            parse_rfc3339(now).unwrap(),
        )
    }

    fn codes(explanation: &Explanation) -> Vec<&'static str> {
        explanation.warnings.iter().map(|w| w.code).collect()
    }

    #[test]
    fn describes_common_schedules() {
        let cases = [
            ("0 2 * * *", "At 02:00 every day"),
            ("*/5 * * * *", "Every 5 minutes"),
            ("* * * * *", "Every minute"),
            ("0 * * * *", "At minute 0 past every hour"),
            (
                "0 9-17 * * 1-5",
                "At minute 0 past every hour from 9 through 17 on Monday through Friday",
            ),
            ("0 0 * * 0", "At 00:00 on Sunday"),
            ("0 0 1 * *", "At 00:00 on day 1 of the month"),
            ("0 0 1 1 *", "At 00:00 on day 1 of the month in January"),
            ("30 6,18 * * *", "At 06:30 and 18:30 every day"),
            (
                "0 0 1 * 1",
                "At 00:00 on day 1 of the month or on Monday (either one is enough)",
            ),
            ("0 0 1-31 * 1", "At 00:00 every day"),
            ("0 0 */1 * 1", "At 00:00 on Monday"),
            ("* 2 * * *", "At every minute past hour 2"),
            (
                "*/15 9-17 * * *",
                "At every 15th minute from 0 through 45 past every hour from 9 through 17",
            ),
            ("0 0 * * 1,3,5", "At 00:00 on Monday, Wednesday and Friday"),
            ("0 0 * * 6,0", "At 00:00 on Sunday and Saturday"),
            ("*/61 * * * *", "At minute 0 past every hour"),
            ("0 0 * 1-3 *", "At 00:00 in January through March"),
        ];
        for (text, expected) in cases {
            assert_eq!(describe(text), expected, "{text}");
        }
    }

    #[test]
    fn summary_names_the_zone() {
        let e = explain_at(
            "0 2 * * *",
            Zone::iana("America/New_York").expect("zone"),
            ZoneSource::TimeZoneField("America/New_York".into()),
            "2026-01-01T00:00:00Z",
        );
        assert_eq!(e.summary, "At 02:00 every day (America/New_York)");
        let e = explain_at(
            "@every 1h30m",
            Zone::Utc,
            ZoneSource::ControllerLocal,
            "2026-01-01T00:00:00Z",
        );
        assert_eq!(e.summary, "Every 1h30m0s");
        assert_eq!(codes(&e), ["cron-every-relative"]);
    }

    #[test]
    fn warns_about_dst_with_dates() {
        let ny = Zone::iana("America/New_York").expect("zone");
        let e = explain_at(
            "30 2 * * *",
            ny,
            ZoneSource::TimeZoneField("America/New_York".into()),
            "2026-01-01T00:00:00Z",
        );
        let skip = e
            .warnings
            .iter()
            .find(|w| w.code == "cron-dst-skip")
            .expect("a skip warning");
        assert_eq!(
            skip.message,
            "on 2026-03-08 the clocks jump from 02:00 to 03:00 (America/New_York): the 02:30 run does not happen"
        );
        let e = explain_at(
            "30 1 * * *",
            ny,
            ZoneSource::TimeZoneField("America/New_York".into()),
            "2026-01-01T00:00:00Z",
        );
        let repeat = e
            .warnings
            .iter()
            .find(|w| w.code == "cron-dst-repeat")
            .expect("a repeat warning");
        assert_eq!(
            repeat.message,
            "on 2026-11-01 the clocks go back from 02:00 to 01:00 (America/New_York): the 01:30 run happens twice"
        );
        let e = explain_at(
            "0 12 * * *",
            ny,
            ZoneSource::TimeZoneField("America/New_York".into()),
            "2026-01-01T00:00:00Z",
        );
        assert!(!codes(&e).iter().any(|c| c.starts_with("cron-dst")));
    }

    #[test]
    fn warns_about_field_traps() {
        let utc = |text| {
            explain_at(
                text,
                Zone::Utc,
                ZoneSource::TimeZoneField("UTC".into()),
                "2026-01-01T00:00:00Z",
            )
        };
        assert!(codes(&utc("*/61 * * * *")).contains(&"cron-step-exceeds-range"));
        assert!(codes(&utc("*/7 * * * *")).contains(&"cron-uneven-step"));
        assert!(codes(&utc("* 2 * * *")).contains(&"cron-every-minute-of-hour"));
        assert!(codes(&utc("0 0 1 * 1")).contains(&"cron-day-or"));
        assert!(codes(&utc("0 0 1-31 * 1")).contains(&"cron-day-or-every-day"));
        assert!(codes(&utc("0 0 31 * *")).contains(&"cron-day-missing-in-some-months"));
        assert!(codes(&utc("0 0 30 2 *")).contains(&"cron-never-fires"));
        assert!(codes(&utc("0 0 29 2 *")).contains(&"cron-leap-day"));
        assert!(utc("0 2 * * *").warnings.is_empty());
    }

    #[test]
    fn warns_without_a_time_zone_and_about_prefixes() {
        let e = explain_at(
            "0 2 * * *",
            Zone::Utc,
            ZoneSource::ControllerLocal,
            "2026-01-01T00:00:00Z",
        );
        assert_eq!(codes(&e), ["cron-no-time-zone"]);
        let text = "TZ=Europe/Berlin 0 2 * * *";
        let e = explain_at(
            text,
            Zone::iana("Europe/Berlin").expect("zone"),
            ZoneSource::Prefix("Europe/Berlin".into()),
            "2026-06-01T00:00:00Z",
        );
        let warning = e
            .warnings
            .iter()
            .find(|w| w.code == "cron-tz-prefix")
            .unwrap();
        let (start, end) = warning.span.unwrap();
        assert_eq!(&text[start..end], "Europe/Berlin");
    }

    #[test]
    fn field_meanings() {
        let parsed = parse_standard("*/15 9-17 1,15 JAN-MAR MON-FRI").unwrap();
        let e = explain(
            &parsed,
            Zone::Utc,
            &ZoneSource::TimeZoneField("UTC".into()),
            parse_rfc3339("2026-01-01T00:00:00Z").unwrap(),
        );
        let meanings: Vec<&str> = e.fields.iter().map(|f| f.meaning.as_str()).collect();
        assert_eq!(
            meanings,
            [
                "every 15th minute from 0 through 45",
                "hours 9 through 17",
                "days 1 and 15",
                "January through March",
                "Monday through Friday"
            ]
        );
    }

    #[test]
    fn helps_with_common_errors() {
        let help = |text: &str| error_help(&parse_standard(text).unwrap_err(), text);
        assert!(help("0 0 * * 7").unwrap().contains("Sunday as 0"));
        assert!(help("0 0 * * sat-sun").unwrap().contains("SAT,SUN"));
        assert!(help("0 0 0 * * *").unwrap().contains("no seconds"));
        assert!(help("0 0 L * *").unwrap().contains("Quartz"));
        assert!(help("@reboot").unwrap().contains("no @reboot"));
        assert!(help("@every 1d").unwrap().contains("no unit for days"));
    }
}
