//! The messages between a reader on the page and the scan worker, defined
//! once for both ends.
//!
//! The page encodes a [`Request`] (with the frame's luma after a fixed
//! header) into one `ArrayBuffer`, which it transfers, not copies, to the
//! worker; the worker hands the bytes to [`answer`] and transfers the
//! encoded [`Reply`] back. `web/scan-worker.js` only moves bytes, so no
//! field is spelled out anywhere else. A worker that fails (script or WASM
//! not loading, a crash) raises the Worker's `error` event; that is the one
//! way a failed worker shows.
//!
//! Privacy: a request holds one frame and a reply at most the text read;
//! the worker keeps neither after answering.

use crate::{Guidance, Options, TimeLimit, scan_frame_within};

/// Bytes before the luma in an encoded request.
pub const REQUEST_HEADER: usize = 21;
/// First byte of every request: the protocol's version.
const REQUEST_TAG: u8 = 2;

/// One frame to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    /// Chosen by the page; the reply carries it back.
    pub id: u32,
    /// Frame width in pixels.
    pub width: u32,
    /// Frame height in pixels.
    pub height: u32,
    /// The decoder's work budget in pixels ([`Options::work_budget`]); 0 =
    /// the default, every pass (for photos).
    pub budget: u32,
    /// Milliseconds the frame may take ([`crate::TimeLimit`]); 0 = no limit.
    pub time_limit_ms: u32,
}

impl Request {
    /// A buffer holding this request's header followed by room for the
    /// `width × height` luma, to be filled in place (no second copy).
    pub fn buffer(&self) -> Vec<u8> {
        let pixels = (self.width as usize).saturating_mul(self.height as usize);
        let mut out = Vec::with_capacity(REQUEST_HEADER + pixels);
        out.push(REQUEST_TAG);
        for field in [
            self.id,
            self.width,
            self.height,
            self.budget,
            self.time_limit_ms,
        ] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.resize(REQUEST_HEADER + pixels, 0);
        out
    }

    /// This request with `luma` as its frame.
    pub fn encode(&self, luma: &[u8]) -> Vec<u8> {
        let mut out = self.buffer();
        out.truncate(REQUEST_HEADER);
        out.extend_from_slice(luma);
        out
    }

    /// The request and its luma, `None` when the header is not ours.
    pub fn decode(bytes: &[u8]) -> Option<(Request, &[u8])> {
        let (&tag, rest) = bytes.split_first()?;
        if tag != REQUEST_TAG || rest.len() < REQUEST_HEADER - 1 {
            return None;
        }
        let field = |i: usize| {
            let at = 4 * i;
            rest.get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_le_bytes)
        };
        let request = Request {
            id: field(0)?,
            width: field(1)?,
            height: field(2)?,
            budget: field(3)?,
            time_limit_ms: field(4)?,
        };
        Some((request, &rest[REQUEST_HEADER - 1..]))
    }
}

/// What the worker says about one frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// The request's `id`.
    pub id: u32,
    /// What came of it.
    pub outcome: Outcome,
}

/// What came of one frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A code was read: its text.
    Read(String),
    /// Nothing read; when a code was seen, what would help.
    Unread(Option<Guidance>),
    /// The request was malformed (wrong header or luma length).
    BadFrame,
}

const OUTCOME_READ: u8 = 0;
const OUTCOME_UNREAD: u8 = 1;
const OUTCOME_BAD: u8 = 2;

impl Reply {
    /// `id` (4 bytes), outcome (1), guidance (1), then the text as UTF-8.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = self.id.to_le_bytes().to_vec();
        match &self.outcome {
            Outcome::Read(text) => {
                out.extend([OUTCOME_READ, 0]);
                out.extend_from_slice(text.as_bytes());
            }
            Outcome::Unread(guidance) => {
                out.extend([OUTCOME_UNREAD, guidance.map_or(0, Guidance::code)]);
            }
            Outcome::BadFrame => out.extend([OUTCOME_BAD, 0]),
        }
        out
    }

    /// A reply from its bytes, `None` when they are not one.
    pub fn decode(bytes: &[u8]) -> Option<Reply> {
        let id = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?);
        let outcome = match (*bytes.get(4)?, *bytes.get(5)?) {
            (OUTCOME_READ, _) => Outcome::Read(String::from_utf8(bytes[6..].to_vec()).ok()?),
            (OUTCOME_UNREAD, 0) => Outcome::Unread(None),
            (OUTCOME_UNREAD, code) => Outcome::Unread(Some(Guidance::from_code(code)?)),
            (OUTCOME_BAD, _) => Outcome::BadFrame,
            _ => return None,
        };
        Some(Reply { id, outcome })
    }
}

/// The worker's whole job: decode the request, read the frame, encode the
/// reply. Never panics; keeps nothing. Without a clock the request's time
/// limit is not kept (only its work budget): see [`answer_with_clock`].
pub fn answer(message: &[u8]) -> Vec<u8> {
    answer_inner(message, None)
}

/// [`answer`], keeping the request's time limit on `now_ms` (milliseconds
/// from any fixed start, e.g. the worker's `performance.now()`).
pub fn answer_with_clock(message: &[u8], now_ms: &dyn Fn() -> f64) -> Vec<u8> {
    answer_inner(message, Some(now_ms))
}

fn answer_inner(message: &[u8], now_ms: Option<&dyn Fn() -> f64>) -> Vec<u8> {
    let Some((request, luma)) = Request::decode(message) else {
        return Reply {
            id: 0,
            outcome: Outcome::BadFrame,
        }
        .encode();
    };
    let mut options = Options::default();
    if request.budget > 0 {
        options.work_budget = request.budget as usize;
    }
    let time = now_ms
        .filter(|_| request.time_limit_ms > 0)
        .map(|now_ms| TimeLimit {
            now_ms,
            limit_ms: f64::from(request.time_limit_ms),
        });
    let outcome = match scan_frame_within(
        luma,
        request.width as usize,
        request.height as usize,
        &options,
        time,
    ) {
        Ok(report) => match report.decoded.into_iter().next() {
            Some(decoded) => Outcome::Read(decoded.text),
            None => Outcome::Unread(report.guidance),
        },
        Err(_) => Outcome::BadFrame,
    };
    Reply {
        id: request.id,
        outcome,
    }
    .encode()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip() {
        let request = Request {
            id: 7,
            width: 3,
            height: 2,
            budget: 1_000_000,
            time_limit_ms: 30,
        };
        let luma = [1, 2, 3, 4, 5, 6];
        let bytes = request.encode(&luma);
        assert_eq!(bytes.len(), REQUEST_HEADER + 6);
        assert_eq!(Request::decode(&bytes), Some((request, &luma[..])));
        let mut buffer = request.buffer();
        buffer[REQUEST_HEADER..].copy_from_slice(&luma);
        assert_eq!(buffer, bytes);
    }

    #[test]
    fn replies_round_trip() {
        for outcome in [
            Outcome::Read("079123456789||Nguyễn Thị Ánh|01011990|Nữ".to_owned()),
            Outcome::Read(String::new()),
            Outcome::Unread(None),
            Outcome::Unread(Some(Guidance::Closer)),
            Outcome::Unread(Some(Guidance::Centre)),
            Outcome::Unread(Some(Guidance::Steady)),
            Outcome::Unread(Some(Guidance::Light)),
            Outcome::BadFrame,
        ] {
            let reply = Reply {
                id: u32::MAX - 1,
                outcome,
            };
            assert_eq!(Reply::decode(&reply.encode()), Some(reply));
        }
    }

    #[cfg(feature = "corpus")]
    #[test]
    fn the_time_limit_holds_on_the_lent_clock() {
        use crate::corpus::field::{Condition, Part, render};
        use std::cell::Cell;
        let frame = render(Part::Tune, Condition::Perspective, 0);
        let request = Request {
            id: 5,
            width: frame.width as u32,
            height: frame.height as u32,
            budget: 0,
            time_limit_ms: 30,
        }
        .encode(&frame.luma);
        let read = Outcome::Read(frame.truth.clone());
        assert_eq!(
            Reply::decode(&answer(&request)).map(|r| r.outcome),
            Some(read.clone())
        );
        // A clock that stands still: the limit never comes.
        let still = || 0.0;
        assert_eq!(
            Reply::decode(&answer_with_clock(&request, &still)).map(|r| r.outcome),
            Some(read)
        );
        // A clock a second further on every look: no pass may start.
        let ticks = Cell::new(0.0);
        let fast = || {
            ticks.set(ticks.get() + 1000.0);
            ticks.get()
        };
        assert_eq!(
            Reply::decode(&answer_with_clock(&request, &fast)).map(|r| r.outcome),
            Some(Outcome::Unread(None))
        );
    }

    #[test]
    fn garbage_is_refused_not_a_panic() {
        assert_eq!(Request::decode(&[]), None);
        assert_eq!(Request::decode(&[9; 40]), None);
        assert_eq!(Request::decode(&[REQUEST_TAG, 0, 0]), None);
        assert_eq!(Reply::decode(&[]), None);
        assert_eq!(Reply::decode(&[0, 0, 0, 0, 9, 0]), None);
        assert_eq!(Reply::decode(&[0, 0, 0, 0, OUTCOME_UNREAD, 99]), None);
        assert_eq!(Reply::decode(&[0, 0, 0, 0, OUTCOME_READ, 0, 0xFF]), None);
    }

    #[test]
    fn the_worker_answers_every_message() {
        let bad = Reply::decode(&answer(b"hello")).expect("a reply");
        assert_eq!(bad.outcome, Outcome::BadFrame);
        // The luma is one byte short.
        let short = Request {
            id: 3,
            width: 4,
            height: 4,
            budget: 0,
            time_limit_ms: 0,
        }
        .encode(&[0; 15]);
        assert_eq!(
            Reply::decode(&answer(&short)),
            Some(Reply {
                id: 3,
                outcome: Outcome::BadFrame
            })
        );
        let grey = Request {
            id: 4,
            width: 64,
            height: 48,
            budget: 0,
            time_limit_ms: 0,
        }
        .encode(&[128; 64 * 48]);
        assert_eq!(
            Reply::decode(&answer(&grey)),
            Some(Reply {
                id: 4,
                outcome: Outcome::Unread(None)
            })
        );
    }
}
