//! The certificates of PEM text (RFC 7468): each `CERTIFICATE` block,
//! base64-decoded; other blocks (keys, CRLs) and text between blocks are
//! passed over.
//!
//! Why not rustls's own reader (through ureq): it decodes in constant
//! time, as a private key needs, so that an HTTPS call on the system's
//! bundle of 145 roots cost 13.3 million instructions, against 3.4 million
//! with a one-certificate `--ca-bundle`. Certificates are public. Here the
//! common shape (lines of whole four-letter groups) is decoded a line at a
//! time, and the same call costs 4.7 million (0.9 million of it decoding);
//! anything else RFC 7468's lax grammar allows (short lines, white space
//! anywhere) is read a letter at a time.

use std::borrow::Cow;
use std::ops::Range;

const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
const END: &[u8] = b"-----END ";

/// Decodes the certificates of `text` in place: their DER, one after
/// another, from the start of `text`, which is then cut to them; returns
/// where each one is, or says why the text is not PEM.
///
/// In place because a certificate's DER is shorter than its base64, so
/// each lands where text already read was: the system's store needs no
/// second buffer of its size (41 page faults fewer, and no copy).
pub(crate) fn certificates(text: &mut Vec<u8>) -> Result<Vec<Range<usize>>, &'static str> {
    // Certificates are a few KiB; one that does not fit takes the slow
    // path, which has no limit but the file's.
    let mut scratch = vec![0u8; 16 << 10];
    let (mut read, mut written) = (0, 0);
    let mut certs = Vec::new();
    while let Some(start) = find(&text[read..], BEGIN) {
        let at = read + start + BEGIN.len();
        let body = &text[at..];
        let (der, end) = match decode_lines(body, &mut scratch) {
            Some((len, end)) => (Cow::Borrowed(&scratch[..len]), end),
            None => {
                let end = find(body, END).ok_or("a certificate has no END line")?;
                let der =
                    decode_letters(&body[..end]).ok_or("a certificate is not valid base64")?;
                (Cow::Owned(der), end)
            }
        };
        // `written + der.len()` is within the text just read: all before
        // `at` is read, and the DER is three quarters of its letters.
        text[written..written + der.len()].copy_from_slice(&der);
        certs.push(written..written + der.len());
        written += der.len();
        read = at + end;
    }
    text.truncate(written);
    Ok(certs)
}

/// Where `needle` (which starts with `-`) first is in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(dash) = haystack[from..].iter().position(|b| *b == b'-') {
        let at = from + dash;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// What each byte is worth in base64: 0 to 63, [`PAD`], [`SPACE`], or
/// [`BAD`].
const BASE64: [u8; 256] = {
    let mut table = [BAD; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table[b'=' as usize] = PAD;
    table[b' ' as usize] = SPACE;
    table[b'\t' as usize] = SPACE;
    table[b'\r' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table
};
const PAD: u8 = 64;
const SPACE: u8 = 65;
const BAD: u8 = 66;

/// What `letter` is worth, widened for shifting.
fn value(letter: u8) -> u32 {
    u32::from(BASE64[usize::from(letter)])
}

/// The common shape, fast: lines of whole four-letter groups (any
/// number of them; white space only at a line's end), the last group
/// perhaps padded, then the END line. Decodes into `out`, and says how many
/// bytes it wrote and where the END line starts; `None` for any other
/// shape (or a certificate `out` cannot hold), which [`decode_letters`]
/// then reads.
///
/// A line at a time, checked once at its end rather than a letter at a
/// time. Most lines are 64 letters, so that length is tried first: a line
/// end among them shows as a letter that is not base64, and only then is
/// the line measured.
fn decode_lines(body: &[u8], out: &mut [u8]) -> Option<(usize, usize)> {
    const USUAL: usize = 64;
    let (mut at, mut written) = (0, 0);
    loop {
        let rest = &body[at..];
        let usual_end = match (rest.get(USUAL), rest.get(USUAL + 1)) {
            (Some(b'\n'), _) => Some(USUAL + 1),
            (Some(b'\r'), Some(b'\n')) => Some(USUAL + 2),
            _ => None,
        };
        if let Some(next) = usual_end
            && let Some(dst) = out.get_mut(written..written + USUAL / 4 * 3)
            && decode_groups(&rest[..USUAL], dst)
        {
            (at, written) = (at + next, written + USUAL / 4 * 3);
            continue;
        }
        let length = rest.iter().position(|b| *b == b'\n')?;
        let line = rest[..length].trim_ascii_end();
        if line.starts_with(END) {
            return Some((written, at));
        }
        let (groups, padded_group) = match line {
            [.., b'='] => {
                let (groups, last) = line.split_at(line.len().checked_sub(4)?);
                (groups, Some(last))
            }
            _ => (line, None),
        };
        if groups.len() % 4 != 0 {
            return None;
        }
        let dst = out.get_mut(written..written + groups.len() / 4 * 3)?;
        if !decode_groups(groups, dst) {
            return None;
        }
        (at, written) = (at + length + 1, written + dst.len());
        if let Some(group) = padded_group {
            let (bytes, len) = padded(group)?;
            out.get_mut(written..written + len)?
                .copy_from_slice(&bytes[..len]);
            let next = body.get(at..)?;
            return next.starts_with(END).then_some((written + len, at));
        }
    }
}

/// Decodes whole four-letter groups into `bytes` (three bytes each; the
/// caller sizes it); whether every letter was base64. Each letter's bits
/// come from a table of its own, already in place, so that a group is four
/// lookups and three ORs; a letter that is not base64 sets a bit no
/// letter does, seen once at the end. Two groups a turn, six bytes
/// written at once (a line of 64 letters is eight turns).
fn decode_groups(letters: &[u8], bytes: &mut [u8]) -> bool {
    let group = |g: &[u8]| {
        PLACED[0][usize::from(g[0])]
            | PLACED[1][usize::from(g[1])]
            | PLACED[2][usize::from(g[2])]
            | PLACED[3][usize::from(g[3])]
    };
    let mut seen = 0;
    let pairs = letters.chunks_exact(8);
    let (last, last_bytes) = (pairs.remainder(), bytes.len() / 6 * 6);
    for (pair, dst) in pairs.zip(bytes.chunks_exact_mut(6)) {
        let (first, second) = (group(&pair[..4]), group(&pair[4..]));
        seen |= first | second;
        let both = u64::from(first) << 24 | u64::from(second);
        dst.copy_from_slice(&both.to_be_bytes()[2..]);
    }
    if let (&[_, _, _, _], Some(dst)) = (last, bytes.get_mut(last_bytes..)) {
        let bits = group(last);
        seen |= bits;
        dst.copy_from_slice(&bits.to_be_bytes()[1..]);
    }
    seen & NOT_BASE64 == 0
}

/// [`BASE64`] for each place in a group: a letter's six bits shifted to
/// where they go in the group's 24, or [`NOT_BASE64`].
static PLACED: [[u32; 256]; 4] = [placed(18), placed(12), placed(6), placed(0)];
const NOT_BASE64: u32 = 1 << 31;

const fn placed(shift: u32) -> [u32; 256] {
    let mut table = [NOT_BASE64; 256];
    let mut i = 0;
    while i < 256 {
        if BASE64[i] < 64 {
            table[i] = (BASE64[i] as u32) << shift;
        }
        i += 1;
    }
    table
}

/// A padded last group: its bytes, and how many of them count.
fn padded(group: &[u8]) -> Option<([u8; 3], usize)> {
    let &[a, b, c, d] = group else { return None };
    let [a, b, c, d] = [value(a), value(b), value(c), value(d)];
    let pad = u32::from(PAD);
    let len = match (c, d) {
        (0..=63, _) if d == pad => 2,
        _ if c == pad && d == pad => 1,
        _ => return None,
    };
    if a | b >= 64 {
        return None;
    }
    let bits = a << 18 | b << 12 | (c & 63) << 6;
    let [_, first, second, third] = bits.to_be_bytes();
    Some(([first, second, third], len))
}

/// Any base64 a letter at a time: lines of any length, white space
/// anywhere.
fn decode_letters(body: &[u8]) -> Option<Vec<u8>> {
    let mut der = Vec::with_capacity(body.len() / 4 * 3);
    let (mut group, mut count) = (0u32, 0u32);
    for (at, &byte) in body.iter().enumerate() {
        match BASE64[usize::from(byte)] {
            SPACE => {}
            value @ 0..=63 => {
                group = group << 6 | u32::from(value);
                count += 1;
                if count == 4 {
                    der.extend_from_slice(&group.to_be_bytes()[1..]);
                    (group, count) = (0, 0);
                }
            }
            PAD if count >= 2 && only_padding(&body[at..], 4 - count) => {
                let len = count as usize - 1;
                der.extend_from_slice(&(group << (6 * (4 - count))).to_be_bytes()[1..=len]);
                return Some(der);
            }
            _ => return None,
        }
    }
    (count == 0).then_some(der)
}

/// Whether `tail` is `pads` padding letters and white space.
fn only_padding(tail: &[u8], pads: u32) -> bool {
    let mut seen = 0;
    for byte in tail {
        match BASE64[usize::from(*byte)] {
            PAD => seen += 1,
            SPACE => {}
            _ => return false,
        }
    }
    seen == pads
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Base64 of `bytes` in lines of `width` letters, each ended by `eol`.
    fn encode(bytes: &[u8], width: usize, eol: &str) -> String {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut letters = String::new();
        for chunk in bytes.chunks(3) {
            let mut group = [0u8; 3];
            group[..chunk.len()].copy_from_slice(chunk);
            let bits = u32::from_be_bytes([0, group[0], group[1], group[2]]);
            for i in 0..4 {
                letters.push(if i <= chunk.len() {
                    char::from(alphabet[(bits >> (18 - 6 * i) & 63) as usize])
                } else {
                    '='
                });
            }
        }
        let lines: Vec<&str> = letters
            .as_bytes()
            .chunks(width)
            .map(|line| std::str::from_utf8(line).unwrap())
            .collect();
        lines.iter().map(|line| format!("{line}{eol}")).collect()
    }

    /// The certificates of `text`, collected.
    fn certificates(text: &[u8]) -> Result<Vec<Vec<u8>>, &'static str> {
        let mut buffer = text.to_vec();
        let ranges = super::certificates(&mut buffer)?;
        Ok(ranges
            .into_iter()
            .map(|range| buffer[range].to_vec())
            .collect())
    }

    fn block(body: &str) -> String {
        format!("-----BEGIN CERTIFICATE-----\n{body}-----END CERTIFICATE-----\n")
    }

    #[test]
    fn every_length_and_line_shape_decodes_to_its_bytes() {
        // Both paths, every padding: lines of whole groups are read fast,
        // odd widths and spacing a letter at a time.
        let shapes = [
            (64, "\n"),
            (64, "\r\n"),
            (76, "\n"),
            (8, " \t\n"),
            (5, "\n"),
            (1, " "),
        ];
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + len) as u8).collect();
            for (width, eol) in shapes {
                let pem = block(&encode(&bytes, width, eol));
                assert_eq!(
                    certificates(pem.as_bytes()),
                    Ok(vec![bytes.clone()]),
                    "{pem}"
                );
                if width % 4 == 0 {
                    let mut out = vec![0; 1024];
                    let body = &pem.as_bytes()[BEGIN.len()..];
                    let (len, _) = decode_lines(body, &mut out).expect("the fast path");
                    assert_eq!(out[..len], bytes, "{pem}");
                }
            }
        }
    }

    #[test]
    fn the_fast_path_takes_the_common_shape_and_only_that() {
        let mut out = vec![0; 1024];
        let common = format!("\n{}-----END CERTIFICATE-----", encode(&[7; 100], 64, "\n"));
        assert!(decode_lines(common.as_bytes(), &mut out).is_some());
        let odd = format!("\n{}-----END CERTIFICATE-----", encode(&[7; 100], 5, "\n"));
        assert!(decode_lines(odd.as_bytes(), &mut out).is_none());
        let too_big = format!(
            "\n{}-----END CERTIFICATE-----",
            encode(&[7; 2000], 64, "\n")
        );
        assert!(decode_lines(too_big.as_bytes(), &mut out).is_none());
        assert_eq!(
            certificates(block(&encode(&[7; 2000], 64, "\n")).as_bytes()).unwrap()[0].len(),
            2000
        );
    }

    #[test]
    fn other_blocks_and_text_are_passed_over() {
        let pem = format!(
            "# a comment\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n{}junk\n{}",
            block("AQID\nBA==\n"),
            block("BQY=\r\n"),
        );
        assert_eq!(
            certificates(pem.as_bytes()),
            Ok(vec![vec![1, 2, 3, 4], vec![5, 6]])
        );
        assert_eq!(certificates(b"not a certificate\n"), Ok(vec![]));
    }

    #[test]
    fn broken_blocks_are_errors() {
        for body in [
            "!!\n",
            "AQ=B\n",
            "AQI\n",
            "A===\n",
            "AQ==\nAQID\n",
            "AQ==AQ==\n",
        ] {
            assert_eq!(
                certificates(block(body).as_bytes()),
                Err("a certificate is not valid base64"),
                "{body:?}"
            );
        }
        assert_eq!(
            certificates(b"-----BEGIN CERTIFICATE-----\nAQID"),
            Err("a certificate has no END line")
        );
    }
}
