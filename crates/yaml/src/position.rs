//! Positions in the text: byte offsets (what the core uses), and the line and column shown to
//! people (computed only at the edges).

/// Maps the parser's character indices to byte offsets. ASCII text needs no table; other text
/// keeps a checkpoint every 64 characters, so large inputs cost little memory.
#[derive(Clone, Debug)]
pub struct CharToByte {
    ascii: bool,
    /// Byte offset of every 64th character.
    checkpoints: Vec<usize>,
}

const CHECKPOINT_EVERY: usize = 64;

impl CharToByte {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharToByte {
                ascii: true,
                checkpoints: Vec::new(),
            };
        }
        let checkpoints = text
            .char_indices()
            .enumerate()
            .filter(|(index, _)| index % CHECKPOINT_EVERY == 0)
            .map(|(_, (byte, _))| byte)
            .collect();
        CharToByte {
            ascii: false,
            checkpoints,
        }
    }

    /// The byte offset of character `char_index` in `text` (the text's length past its end).
    pub fn byte(&self, text: &str, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(text.len());
        }
        let checkpoint = char_index / CHECKPOINT_EVERY;
        let Some(&start) = self.checkpoints.get(checkpoint) else {
            return text.len();
        };
        let rest = char_index % CHECKPOINT_EVERY;
        text[start..]
            .char_indices()
            .nth(rest)
            .map_or(text.len(), |(offset, _)| start + offset)
    }
}

/// Line starts of a text, for turning byte offsets into 1-based lines and columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|start| *start <= offset).max(1);
        let start = self.starts[line - 1];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        (line, column + 1)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|start| *start <= offset).max(1)
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_to_byte_handles_multibyte_text() {
        let text = "é: ü\nname: ß".repeat(40);
        let map = CharToByte::new(&text);
        for (char_index, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.byte(&text, char_index), byte);
        }
        assert_eq!(map.byte(&text, text.chars().count()), text.len());
        let ascii = CharToByte::new("abc");
        assert_eq!(ascii.byte("abc", 2), 2);
    }

    #[test]
    fn line_and_column() {
        let text = "a: 1\nbé: 2\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 5), (2, 1));
        assert_eq!(index.line_col(text, text.find(": 2").unwrap()), (2, 3));
        assert_eq!(index.line_col(text, text.len()), (3, 1));
        assert_eq!(index.line_start(2), Some(5));
    }
}
