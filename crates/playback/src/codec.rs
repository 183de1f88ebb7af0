//! The bytes a message travels as between the page and the simulation worker: postcard (a
//! compact, schema-less serde format; both ends are this code, built from one source), sent as
//! a transferable `ArrayBuffer`, so a frame costs one copy and no JavaScript objects.
//!
//! Decoding checks everything: truncated or corrupt bytes give an error, never a panic, and a
//! length prefix larger than the bytes left cannot allocate more than they could hold.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why a message could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError(pub String);

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unreadable message: {}", self.0)
    }
}

/// A message as bytes.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Serializing our own types into a Vec cannot fail: no maps with non-string keys, no
    // sequences of unknown length, no I/O.
    postcard::to_stdvec(message).unwrap_or_default()
}

/// A message from bytes; the whole input must be used.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((message, [])) => Ok(message),
        Ok((_, rest)) => Err(CodecError(format!("{} bytes left over", rest.len()))),
        Err(error) => Err(CodecError(error.to_string())),
    }
}

/// `Instant` as (Unix seconds, nanoseconds), for `#[serde(with = ...)]`.
pub mod instant {
    use jobscope_golang::time::Instant;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(t: &Instant, s: S) -> Result<S::Ok, S::Error> {
        (t.unix, t.nanos).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
        let (unix, nanos) = <(i64, u32)>::deserialize(d)?;
        if nanos >= 1_000_000_000 {
            return Err(serde::de::Error::custom("nanoseconds out of range"));
        }
        Ok(Instant { unix, nanos })
    }
}

/// A list of `Instant`s, for `#[serde(with = ...)]`.
pub mod instants {
    use jobscope_golang::time::Instant;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(list: &[Instant], s: S) -> Result<S::Ok, S::Error> {
        let pairs: Vec<(i64, u32)> = list.iter().map(|t| (t.unix, t.nanos)).collect();
        pairs.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Instant>, D::Error> {
        let pairs = <Vec<(i64, u32)>>::deserialize(d)?;
        pairs
            .into_iter()
            .map(|(unix, nanos)| {
                if nanos >= 1_000_000_000 {
                    Err(serde::de::Error::custom("nanoseconds out of range"))
                } else {
                    Ok(Instant { unix, nanos })
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Concurrency, Outcome, PlayerInput, Policy, PolicyLane, PolicyRun};
    use jobscope_golang::time::Instant;

    fn sample() -> Concurrency {
        let t = |unix: i64| Instant::from_unix(unix);
        Concurrency {
            name: "report".to_owned(),
            schedule: "*/5 * * * *".to_owned(),
            time_zone: Some("Europe/Berlin".to_owned()),
            duration_seconds: 450,
            from: t(1_000),
            to: t(5_000),
            slots: vec![t(1_200), t(1_500)],
            lanes: vec![PolicyLane {
                policy: Policy::Forbid,
                in_manifest: true,
                runs: vec![PolicyRun {
                    name: "report-1".to_owned(),
                    scheduled: t(1_200),
                    start: t(1_200),
                    end: Instant {
                        unix: 1_650,
                        nanos: 100_000_000,
                    },
                    outcome: Outcome::Completed,
                    reason: String::new(),
                }],
                skipped: vec![t(1_500)],
                max_concurrent: 1,
            }],
        }
    }

    #[test]
    fn a_message_comes_back_as_it_went() {
        let diagram = sample();
        assert_eq!(decode::<Concurrency>(&encode(&diagram)), Ok(diagram));
        let input = PlayerInput::for_kind(true, Instant::from_unix(1_800_000_000));
        assert_eq!(decode::<PlayerInput>(&encode(&input)), Ok(input));
    }

    #[test]
    fn every_truncation_and_extra_byte_is_an_error_not_a_panic() {
        let bytes = encode(&sample());
        for cut in 0..bytes.len() {
            assert!(
                decode::<Concurrency>(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode::<Concurrency>(&longer).is_err());
    }

    #[test]
    fn corrupt_bytes_are_an_error_not_a_panic() {
        let bytes = encode(&sample());
        for at in 0..bytes.len() {
            for value in [0u8, 0x7f, 0x80, 0xff] {
                let mut corrupt = bytes.clone();
                corrupt[at] = value;
                // Any answer but a panic or an allocation the input cannot back.
                let _ = decode::<Concurrency>(&corrupt);
            }
        }
    }

    #[test]
    fn a_huge_length_prefix_does_not_allocate_what_the_bytes_cannot_hold() {
        // A list announced as 2^63 entries, followed by nothing.
        let bytes = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
        assert!(decode::<Vec<u64>>(&bytes).is_err());
    }

    #[test]
    fn nanoseconds_out_of_range_are_refused() {
        let bytes = encode(&(5i64, 2_000_000_000u32));
        let mut de = postcard::Deserializer::from_bytes(&bytes);
        assert!(instant::deserialize(&mut de).is_err());
    }
}
