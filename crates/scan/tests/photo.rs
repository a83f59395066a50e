//! Read rates on the phone-photo corpus (`corpus::photo`: 1600–3000 px
//! frames), decoded as `sotay decode` does ([`Options::for_photo`]).
//!
//! The tune part has floors: what the decoder reads today; when one fails,
//! fix the decoder, not the number. The held-out part is only measured, in
//! an ignored test (`cargo test -p sotay-scan --test photo -- --ignored
//! --nocapture`), for final numbers.

use std::time::Instant;

use sotay_scan::corpus::field::Part;
use sotay_scan::corpus::photo::{self, Condition};
use sotay_scan::{Options, decode_with};

/// Photos per condition in the tests (large frames take a while to draw).
const PER_CONDITION: u64 = 8;

/// Reads (out of `PER_CONDITION`) of the tune part the decoder must keep.
fn floor(condition: Condition) -> u64 {
    match condition {
        // Photo 0: a shadow's sharp edge across a version-1 code of 3 px
        // modules.
        Condition::UnevenLight => PER_CONDITION - 1,
        // Photo 3: JPEG quality 20–40 over 2.5 px modules.
        Condition::HeavyJpeg => PER_CONDITION - 1,
        _ => PER_CONDITION,
    }
}

/// (reads, missed indices, median ms) of one condition.
fn measure(part: Part, condition: Condition, count: u64) -> (u64, Vec<u64>, f64) {
    let mut missed = Vec::new();
    let mut times = Vec::new();
    for index in 0..count {
        let photo = photo::render(part, condition, index);
        let options = Options::for_photo(photo.width, photo.height);
        let started = Instant::now();
        let found = decode_with(&photo.luma, photo.width, photo.height, &options)
            .expect("a well-formed photo");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        if !found.iter().any(|d| d.text == photo.truth) {
            missed.push(index);
        }
    }
    times.sort_by(f64::total_cmp);
    (count - missed.len() as u64, missed, times[times.len() / 2])
}

fn check(condition: Condition) {
    let (read, missed, median) = measure(Part::Tune, condition, PER_CONDITION);
    eprintln!(
        "tune {condition}: read {read}/{PER_CONDITION}, missed {missed:?}, median {median:.0} ms (native)"
    );
    assert!(
        read >= floor(condition),
        "tune {condition}: read {read}/{PER_CONDITION}, need {}; missed {missed:?}",
        floor(condition)
    );
}

macro_rules! photo_tests {
    ($($name:ident => $condition:expr,)*) => {
        $(
            #[test]
            fn $name() {
                check($condition);
            }
        )*
        #[test]
        fn every_condition_has_a_floor_test() {
            let covered = [$($condition),*];
            assert!(Condition::ALL.iter().all(|c| covered.contains(c)));
        }
    };
}

photo_tests! {
    tune_large => Condition::Large,
    tune_uneven_light => Condition::UnevenLight,
    tune_out_of_focus => Condition::OutOfFocus,
    tune_pattern => Condition::Pattern,
    tune_turned => Condition::Turned,
    tune_heavy_jpeg => Condition::HeavyJpeg,
    tune_dim => Condition::Dim,
    tune_tilted => Condition::Tilted,
}

#[test]
fn photos_are_large_and_deterministic() {
    let a = photo::render(Part::Tune, Condition::Pattern, 2);
    let b = photo::render(Part::Tune, Condition::Pattern, 2);
    let c = photo::render(Part::HeldOut, Condition::Pattern, 2);
    assert_eq!(a.luma, b.luma);
    assert_ne!(a.luma, c.luma);
    assert!((1600..=3000).contains(&a.width));
    assert_eq!(a.luma.len(), a.width * a.height);
    assert_eq!(a.height, a.width * 3 / 4);
}

#[test]
#[ignore = "held-out numbers: only for final measurements"]
fn held_out_read_rates() {
    let count = 20;
    let mut total = 0;
    for condition in Condition::ALL {
        let (read, missed, median) = measure(Part::HeldOut, condition, count);
        total += read;
        eprintln!(
            "held-out {condition}: read {read}/{count}, missed {missed:?}, median {median:.0} ms (native)"
        );
    }
    eprintln!(
        "held-out all: {total}/{}",
        count * Condition::ALL.len() as u64
    );
}
