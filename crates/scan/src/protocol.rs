//! The messages between a reader on the page and the scan worker, defined
//! once for both ends.
//!
//! The page posts a request as two `ArrayBuffer`s, both transferred, not
//! copied: the [`Request`]'s [`Request::header`] and the frame's RGBA
//! pixels just as the canvas gave them. The worker hands both to [`answer`]
//! and transfers the encoded [`Reply`] back. The worker turns the RGBA into
//! luma (in place), so the page's main thread does no work per pixel.
//! `web/scan-worker.js` only moves bytes, so no field is spelled out
//! anywhere else. A worker that fails (script or WASM not loading, a crash)
//! raises the Worker's `error` event; that is the one way a failed worker
//! shows.
//!
//! Privacy: a request holds one frame and a reply at most the text read;
//! the worker keeps neither after answering.

use crate::{Guidance, Options, TimeLimit, scan_frame_within};

/// Bytes in a request's header.
pub const REQUEST_HEADER: usize = 21;
/// First byte of every request: the protocol's version (3: RGBA pixels).
const REQUEST_TAG: u8 = 3;

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
    /// A camera frame: the camera's work budget for its size
    /// ([`crate::frame::CAMERA_BUDGET_PER_PIXEL`]) and its time limit
    /// ([`crate::frame::CAMERA_TIME_LIMIT_MS`]).
    pub fn camera(id: u32, width: u32, height: u32) -> Request {
        Request {
            id,
            width,
            height,
            budget: width
                .saturating_mul(height)
                .saturating_mul(crate::frame::CAMERA_BUDGET_PER_PIXEL),
            time_limit_ms: crate::frame::CAMERA_TIME_LIMIT_MS,
        }
    }

    /// A photo: read once, with every pass the decoder has (budget 0) and
    /// no time limit.
    pub fn photo(id: u32, width: u32, height: u32) -> Request {
        Request {
            id,
            width,
            height,
            budget: 0,
            time_limit_ms: 0,
        }
    }

    /// The request's header, sent beside the frame's RGBA.
    pub fn header(&self) -> [u8; REQUEST_HEADER] {
        let mut out = [REQUEST_TAG; REQUEST_HEADER];
        let fields = [
            self.id,
            self.width,
            self.height,
            self.budget,
            self.time_limit_ms,
        ];
        for (chunk, field) in out[1..].chunks_exact_mut(4).zip(fields) {
            chunk.copy_from_slice(&field.to_le_bytes());
        }
        out
    }

    /// The request from its header, `None` when the header is not ours.
    pub fn decode(header: &[u8]) -> Option<Request> {
        let (&tag, rest) = header.split_first()?;
        if tag != REQUEST_TAG || header.len() != REQUEST_HEADER {
            return None;
        }
        let field = |i: usize| {
            let at = 4 * i;
            rest.get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_le_bytes)
        };
        Some(Request {
            id: field(0)?,
            width: field(1)?,
            height: field(2)?,
            budget: field(3)?,
            time_limit_ms: field(4)?,
        })
    }

    /// Bytes of RGBA a frame of this size holds; `None` when they would
    /// not fit in memory's address space.
    pub fn rgba_len(&self) -> Option<usize> {
        (self.width as usize)
            .checked_mul(self.height as usize)?
            .checked_mul(4)
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
    /// The request was malformed (wrong header or pixel count).
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

/// The worker's whole job: decode the request's header, turn its RGBA into
/// luma (in the pixels' own bytes, so they are taken by value), read the
/// frame, encode the reply. Never panics; keeps nothing. Without a clock
/// the request's time limit is not kept (only its work budget): see
/// [`answer_with_clock`].
pub fn answer(header: &[u8], rgba: Vec<u8>) -> Vec<u8> {
    answer_inner(header, rgba, None)
}

/// [`answer`], keeping the request's time limit on `now_ms` (milliseconds
/// from any fixed start, e.g. the worker's `performance.now()`).
pub fn answer_with_clock(header: &[u8], rgba: Vec<u8>, now_ms: &dyn Fn() -> f64) -> Vec<u8> {
    answer_inner(header, rgba, Some(now_ms))
}

fn answer_inner(header: &[u8], mut rgba: Vec<u8>, now_ms: Option<&dyn Fn() -> f64>) -> Vec<u8> {
    let bad = |id| {
        Reply {
            id,
            outcome: Outcome::BadFrame,
        }
        .encode()
    };
    let Some(request) = Request::decode(header) else {
        return bad(0);
    };
    if request.rgba_len() != Some(rgba.len()) {
        return bad(request.id);
    }
    let luma_len = crate::frame::luma_in_place(&mut rgba);
    let luma = &rgba[..luma_len];
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
        assert_eq!(Request::decode(&request.header()), Some(request));
        // A camera's budget grows with the frame, and saturates.
        let camera = Request::camera(2, 640, 480);
        assert_eq!(
            camera.budget,
            640 * 480 * crate::frame::CAMERA_BUDGET_PER_PIXEL
        );
        assert_eq!(camera.time_limit_ms, crate::frame::CAMERA_TIME_LIMIT_MS);
        assert_eq!(Request::camera(2, u32::MAX, 2).budget, u32::MAX);
        assert_eq!(request.rgba_len(), Some(24));
        // 2³² × 2³² pixels: more bytes than any address space.
        assert_eq!(Request::photo(1, u32::MAX, u32::MAX).rgba_len(), None);
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
    fn a_frame_is_read_from_its_rgba_and_the_time_limit_holds_on_the_lent_clock() {
        use crate::corpus::field::{Condition, Part, render};
        use std::cell::Cell;
        let frame = render(Part::Tune, Condition::Perspective, 0);
        // Colour, as a canvas gives it: luma from these weights is the
        // frame's grey (77 + 150 + 29 = 256), and the alpha is ignored.
        let rgba: Vec<u8> = frame.luma.iter().flat_map(|&v| [v, v, v, 7]).collect();
        let header = Request {
            time_limit_ms: 30,
            ..Request::photo(5, frame.width as u32, frame.height as u32)
        }
        .header();
        let read = Outcome::Read(frame.truth.clone());
        assert_eq!(
            Reply::decode(&answer(&header, rgba.clone())).map(|r| r.outcome),
            Some(read.clone())
        );
        // A clock that stands still: the limit never comes.
        let still = || 0.0;
        assert_eq!(
            Reply::decode(&answer_with_clock(&header, rgba.clone(), &still)).map(|r| r.outcome),
            Some(read)
        );
        // A clock a second further on every look: no pass may start.
        let ticks = Cell::new(0.0);
        let fast = || {
            ticks.set(ticks.get() + 1000.0);
            ticks.get()
        };
        assert_eq!(
            Reply::decode(&answer_with_clock(&header, rgba, &fast)).map(|r| r.outcome),
            Some(Outcome::Unread(None))
        );
    }

    #[test]
    fn garbage_is_refused_not_a_panic() {
        assert_eq!(Request::decode(&[]), None);
        assert_eq!(Request::decode(&[9; REQUEST_HEADER]), None);
        assert_eq!(Request::decode(&[REQUEST_TAG, 0, 0]), None);
        let long = [&Request::photo(1, 1, 1).header()[..], &[0]].concat();
        assert_eq!(Request::decode(&long), None);
        assert_eq!(Reply::decode(&[]), None);
        assert_eq!(Reply::decode(&[0, 0, 0, 0, 9, 0]), None);
        assert_eq!(Reply::decode(&[0, 0, 0, 0, OUTCOME_UNREAD, 99]), None);
        assert_eq!(Reply::decode(&[0, 0, 0, 0, OUTCOME_READ, 0, 0xFF]), None);
    }

    #[test]
    fn the_worker_answers_every_message() {
        let bad = Reply::decode(&answer(b"hello", vec![0; 64])).expect("a reply");
        assert_eq!(
            bad,
            Reply {
                id: 0,
                outcome: Outcome::BadFrame
            }
        );
        // Pixels one byte short and one byte long of 4 × 4 RGBA; then a
        // size whose byte count overflows.
        let header = Request::photo(3, 4, 4).header();
        let huge = Request::photo(3, u32::MAX, u32::MAX).header();
        for (header, rgba) in [
            (header, vec![0; 63]),
            (header, vec![0; 65]),
            (huge, vec![0; 64]),
        ] {
            assert_eq!(
                Reply::decode(&answer(&header, rgba)),
                Some(Reply {
                    id: 3,
                    outcome: Outcome::BadFrame
                })
            );
        }
        let grey = answer(&Request::photo(4, 64, 48).header(), vec![128; 64 * 48 * 4]);
        assert_eq!(
            Reply::decode(&grey),
            Some(Reply {
                id: 4,
                outcome: Outcome::Unread(None)
            })
        );
    }
}
