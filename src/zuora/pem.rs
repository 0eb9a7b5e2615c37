//! The certificates of PEM text (RFC 7468): each `CERTIFICATE` block,
//! base64-decoded; other blocks (keys, CRLs) and text between blocks are
//! passed over.
//!
//! Why not rustls's own reader (through ureq): it decodes in constant
//! time, as a private key needs, so that an HTTPS call on the system's
//! bundle of 145 roots cost 13.3 million instructions, against 3.4 million
//! with a one-certificate `--ca-bundle`. Certificates are public. Here the
//! common shape (lines of whole four-letter groups) is decoded in one pass
//! a group at a time, and the same call costs 6.9 million; anything else
//! RFC 7468's lax grammar allows (short lines, white space anywhere) is
//! read a letter at a time.

const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
const END: &[u8] = b"-----END ";

/// Hands the DER of each certificate in `text` to `each`, in order; or
/// says why the text is not PEM. (A callback rather than a list: the
/// caller keeps its own copy, and one copy is enough.)
pub(crate) fn certificates(text: &[u8], mut each: impl FnMut(&[u8])) -> Result<(), &'static str> {
    // Certificates are a few KiB; one that does not fit takes the slow
    // path, which has no limit but the file's.
    let mut scratch = vec![0u8; 16 << 10];
    let mut rest = text;
    while let Some(start) = find(rest, BEGIN) {
        let body = &rest[start + BEGIN.len()..];
        let end = match decode_lines(body, &mut scratch) {
            Some((len, end)) => {
                each(&scratch[..len]);
                end
            }
            None => {
                let end = find(body, END).ok_or("a certificate has no END line")?;
                each(&decode_letters(&body[..end]).ok_or("a certificate is not valid base64")?);
                end
            }
        };
        rest = &body[end..];
    }
    Ok(())
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

/// The common shape, fast: lines of whole four-letter groups, the last
/// group perhaps padded, then the END line. Decodes into `out`, and says
/// how many bytes it wrote and where the END line starts; `None` for any
/// other shape (or a certificate `out` cannot hold), which
/// [`decode_letters`] then reads.
fn decode_lines(body: &[u8], out: &mut [u8]) -> Option<(usize, usize)> {
    let (mut at, mut written) = (0, 0);
    loop {
        while let (Some(&[a, b, c, d]), Some(dst)) =
            (body.get(at..at + 4), out.get_mut(written..written + 3))
        {
            let [a, b, c, d] = [value(a), value(b), value(c), value(d)];
            if a | b | c | d >= 64 {
                break;
            }
            dst.copy_from_slice(&(a << 18 | b << 12 | c << 6 | d).to_be_bytes()[1..]);
            (at, written) = (at + 4, written + 3);
        }
        match BASE64[usize::from(*body.get(at)?)] {
            SPACE => at += 1,
            _ if body[at..].starts_with(END) => return Some((written, at)),
            _ => {
                // `xx==` or `xxx=`, then only white space before END.
                let (bytes, len) = padded(body.get(at..at + 4)?)?;
                out.get_mut(written..written + len)?
                    .copy_from_slice(&bytes[..len]);
                at += 4 + body[at + 4..]
                    .iter()
                    .take_while(|b| BASE64[usize::from(**b)] == SPACE)
                    .count();
                return body[at..].starts_with(END).then_some((written + len, at));
            }
        }
    }
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
        let mut ders = Vec::new();
        super::certificates(text, |der| ders.push(der.to_vec()))?;
        Ok(ders)
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
