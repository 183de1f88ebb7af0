//! Offsets between the core and the browser: the core counts UTF-8 bytes, JavaScript strings
//! (and so CodeMirror) count UTF-16 code units. The map is built once per text and converts both
//! ways; ASCII text (nearly every manifest) needs no table at all.

/// Converts between byte offsets and UTF-16 offsets of one text.
#[derive(Clone, Debug)]
pub struct Utf16Map {
    /// `(byte offset, utf16 offset)` at the start of every non-ASCII character and right after
    /// it; empty for ASCII text, where both offsets are equal.
    marks: Vec<(usize, usize)>,
    len_bytes: usize,
    len_utf16: usize,
}

impl Utf16Map {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut utf16 = 0;
        if !text.is_ascii() {
            for (byte, ch) in text.char_indices() {
                if !ch.is_ascii() {
                    marks.push((byte, utf16));
                    marks.push((byte + ch.len_utf8(), utf16 + ch.len_utf16()));
                }
                utf16 += ch.len_utf16();
            }
        } else {
            utf16 = text.len();
        }
        Utf16Map {
            marks,
            len_bytes: text.len(),
            len_utf16: utf16,
        }
    }

    /// The UTF-16 offset of a byte offset (clamped to the text; inside a character, its start).
    pub fn to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let index = self.marks.partition_point(|(b, _)| *b <= byte);
        match index.checked_sub(1).map(|i| (i, self.marks[i])) {
            None => byte,
            // Inside a multi-byte character: its start.
            Some((i, (_, u))) if i % 2 == 0 => u,
            Some((_, (b, u))) => u + (byte - b),
        }
    }

    /// The byte offset of a UTF-16 offset (clamped; inside a surrogate pair, the character's
    /// start).
    pub fn to_byte(&self, utf16: usize) -> usize {
        let utf16 = utf16.min(self.len_utf16);
        let index = self.marks.partition_point(|(_, u)| *u <= utf16);
        match index.checked_sub(1).map(|i| (i, self.marks[i])) {
            None => utf16,
            Some((i, (b, _))) if i % 2 == 0 => b,
            Some((_, (b, u))) => b + (utf16 - u),
        }
    }
}

/// The start of the line holding `offset`.
pub(crate) fn line_start(text: &str, offset: usize) -> usize {
    let offset = floor_char(text, offset);
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The end of the line holding `offset` (before its newline).
pub(crate) fn line_end(text: &str, offset: usize) -> usize {
    let offset = floor_char(text, offset);
    text[offset..].find('\n').map_or(text.len(), |i| offset + i)
}

/// `offset` moved back to a character boundary and into the text.
pub(crate) fn floor_char(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_equal() {
        let map = Utf16Map::new("abc\ndef");
        assert_eq!(map.to_utf16(5), 5);
        assert_eq!(map.to_byte(5), 5);
        assert_eq!(map.to_byte(99), 7);
    }

    #[test]
    fn multibyte_and_astral_characters() {
        let text = "é: 😀x\nß";
        let map = Utf16Map::new(text);
        for (byte, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let utf16 = text[..byte].encode_utf16().count();
            assert_eq!(map.to_utf16(byte), utf16, "byte {byte}");
            assert_eq!(map.to_byte(utf16), byte, "utf16 {utf16}");
        }
        // Inside a character: its start.
        assert_eq!(map.to_utf16(1), 0);
        let emoji = text.find('😀').unwrap();
        assert_eq!(map.to_byte(map.to_utf16(emoji) + 1), emoji);
    }

    #[test]
    fn lines() {
        let text = "a: 1\nbé: 2\n";
        assert_eq!(line_start(text, 7), 5);
        assert_eq!(line_end(text, 5), 11);
        assert_eq!(line_start(text, 0), 0);
        assert_eq!(floor_char(text, 7), 6);
    }
}
