//! The drafts history's policy: which of the user's texts the page keeps in the browser
//! (IndexedDB, through `web/src/page.js`) and how it stays bounded. Plain data and pure
//! functions, so the rules are tested natively; the page (`src/ui/drafts.rs`) only moves the
//! texts.
//!
//! Two kinds of draft:
//! - an *edit*: the text as the user left it after a pause in typing. One draft per minute of
//!   editing at most (a tab's newest edit is overwritten while it is younger than
//!   [`COALESCE_MS`]), the last [`MAX_EDITS`] kept;
//! - a *kept* draft: a text that something replaced (an example, a reset, a share link, another
//!   tab's text, a restore from the history): the last [`MAX_KEPT`] kept, apart from the edits,
//!   so a burst of edits never pushes out the text a share link replaced.
//!
//! A text equal to a stored draft is not stored twice: that draft moves to the top (and becomes
//! kept if the new reason is). The texts' total size stays under [`MAX_TOTAL_BYTES`] (the oldest
//! edits go first, then the oldest kept drafts); a text over [`MAX_DRAFT_BYTES`] is not kept at
//! all (it stays in the autosave).

/// Edits kept (the newest).
pub const MAX_EDITS: usize = 20;
/// Kept drafts (texts something replaced) kept, apart from the edits.
pub const MAX_KEPT: usize = 20;
/// The most bytes of text the history holds together.
pub const MAX_TOTAL_BYTES: usize = 16 * 1024 * 1024;
/// The largest text kept in the history: the share link's limit (3 MiB) with room.
pub const MAX_DRAFT_BYTES: usize = 4 * 1024 * 1024;
/// A tab's newest edit is overwritten by the next one while it is younger than this (ms).
pub const COALESCE_MS: f64 = 60_000.0;

/// Why a draft was recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The user's text after a pause in typing (or as the page found it on load).
    Edited,
    /// Replaced by an example from the menu.
    Example,
    /// Replaced by "Reset to example".
    Reset,
    /// Replaced by a share link's text.
    ShareLink,
    /// This tab's text when another tab saved a different one (or the other tab's text when this
    /// tab kept its own).
    OtherTab,
    /// Replaced by a draft restored from the history.
    Restore,
}

impl Reason {
    /// Every reason, for parsing.
    const ALL: [Reason; 6] = [
        Reason::Edited,
        Reason::Example,
        Reason::Reset,
        Reason::ShareLink,
        Reason::OtherTab,
        Reason::Restore,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Edited => "edited",
            Reason::Example => "example",
            Reason::Reset => "reset",
            Reason::ShareLink => "share-link",
            Reason::OtherTab => "other-tab",
            Reason::Restore => "restore",
        }
    }

    /// A stored name read back; an unknown one (a later version's) reads as an edit.
    pub fn parse(name: &str) -> Reason {
        Reason::ALL
            .into_iter()
            .find(|r| r.as_str() == name)
            .unwrap_or(Reason::Edited)
    }

    /// Whether a draft of this reason is kept apart from the edits.
    pub fn is_kept(self) -> bool {
        self != Reason::Edited
    }

    /// What the "Recent" menu says of a draft of this reason.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Edited => "edited",
            Reason::Example => "before an example",
            Reason::Reset => "before a reset",
            Reason::ShareLink => "before a share link",
            Reason::OtherTab => "another tab's change",
            Reason::Restore => "before a restore",
        }
    }
}

/// A stored draft, as the policy sees it (its text stays in the store).
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub id: u32,
    /// When it was first recorded (ms since the Unix epoch).
    pub started: f64,
    /// When it was last recorded.
    pub time: f64,
    /// The text's length in UTF-8 bytes.
    pub bytes: usize,
    pub reason: Reason,
    /// Recorded by this tab.
    pub own: bool,
    /// Its text equals the new one.
    pub same_text: bool,
}

/// The text to record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct New {
    pub time: f64,
    pub bytes: usize,
    pub reason: Reason,
}

/// Where the new text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    /// A new draft.
    Add,
    /// Over this draft (the same text moved to the top, or this tab's young edit).
    Overwrite(u32),
    /// Not kept (too large).
    Skip,
}

/// What to do in the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub write: Write,
    /// The reason the written draft is stored with.
    pub reason: Reason,
    /// Drafts to delete (never the one written).
    pub delete: Vec<u32>,
}

/// What recording `new` does to the drafts in `stored`.
pub fn plan(stored: &[Stored], new: &New) -> Plan {
    if new.bytes > MAX_DRAFT_BYTES {
        return Plan {
            write: Write::Skip,
            reason: new.reason,
            delete: Vec::new(),
        };
    }
    let (write, reason) = if let Some(same) = stored.iter().find(|d| d.same_text) {
        // A kept draft stays kept when the same text comes back as an edit.
        let reason = if new.reason.is_kept() {
            new.reason
        } else {
            same.reason
        };
        (Write::Overwrite(same.id), reason)
    } else if let Some(young) = stored
        .iter()
        .filter(|d| d.own)
        .max_by(|a, b| a.time.total_cmp(&b.time))
        .filter(|d| {
            new.reason == Reason::Edited
                && d.reason == Reason::Edited
                && new.time - d.started < COALESCE_MS
        })
    {
        (Write::Overwrite(young.id), Reason::Edited)
    } else {
        (Write::Add, new.reason)
    };
    let written = match write {
        Write::Overwrite(id) => Some(id),
        _ => None,
    };
    // What the store holds after the write: (id, time, bytes, kept); `None` is the new draft,
    // whose time is infinite so it is never the oldest.
    let mut after: Vec<(Option<u32>, f64, usize, bool)> = stored
        .iter()
        .filter(|d| Some(d.id) != written)
        .map(|d| (Some(d.id), d.time, d.bytes, d.reason.is_kept()))
        .collect();
    after.push((written, f64::INFINITY, new.bytes, reason.is_kept()));
    let mut delete = Vec::new();
    // Removes the oldest draft of one kind (not the one written); a few dozen entries, so a
    // scan each time (no sort: every std sort call site is another copy in the page's wasm).
    let mut drop_oldest = |after: &mut Vec<(Option<u32>, f64, usize, bool)>, kept: bool| {
        let at = (0..after.len())
            .filter(|&i| after[i].3 == kept && after[i].1.is_finite())
            .min_by(|&a, &b| after[a].1.total_cmp(&after[b].1))?;
        let (id, ..) = after.remove(at);
        delete.extend(id);
        Some(())
    };
    for kept in [false, true] {
        let limit = if kept { MAX_KEPT } else { MAX_EDITS };
        while after.iter().filter(|e| e.3 == kept).count() > limit {
            if drop_oldest(&mut after, kept).is_none() {
                break;
            }
        }
    }
    while after.iter().map(|e| e.2).sum::<usize>() > MAX_TOTAL_BYTES {
        if drop_oldest(&mut after, false).is_none() && drop_oldest(&mut after, true).is_none() {
            break;
        }
    }
    Plan {
        write,
        reason,
        delete,
    }
}

/// What the "Recent" menu shows of a text (from its first characters): its first `kind:` and
/// `name:` lines when it has them (a manifest's first line is nearly always `apiVersion:`), else
/// the first line that is not blank, a comment or a document marker, else the first non-blank
/// one; cut at [`HEAD_CHARS`] characters; "(empty)" for a blank text.
pub fn first_line(head: &str) -> String {
    let lines = || head.lines().map(str::trim).filter(|l| !l.is_empty());
    let key = |name: &str| lines().find(|l| l.starts_with(name));
    let found: Vec<&str> = [key("kind:"), key("name:")].into_iter().flatten().collect();
    let line = if found.is_empty() {
        lines()
            .find(|l| !l.starts_with('#') && *l != "---")
            .or_else(|| lines().next())
            .map(str::to_owned)
    } else {
        Some(found.join(" · "))
    };
    match line {
        None => "(empty)".to_owned(),
        Some(line) if line.chars().count() > HEAD_CHARS => {
            let cut: String = line.chars().take(HEAD_CHARS - 1).collect();
            format!("{cut}…")
        }
        Some(line) => line,
    }
}

/// The longest line [`first_line`] gives, in characters.
pub const HEAD_CHARS: usize = 60;

/// Adds a text to the recordings waiting for the browser's storage, keeping the queue as
/// bounded as the history itself: a storage that never answers (an IndexedDB open that hangs)
/// must not make every pause in typing hold another copy of the text. An edit replaces an edit
/// still waiting at the end of the queue (only the newest would be kept in that minute anyway);
/// past [`MAX_EDITS`] + [`MAX_KEPT`] entries or [`MAX_TOTAL_BYTES`] the oldest go first, edits
/// before kept texts, as in the history; a text over [`MAX_DRAFT_BYTES`] is not queued.
pub fn enqueue(queue: &mut Vec<(String, Reason)>, text: String, reason: Reason) {
    if text.len() > MAX_DRAFT_BYTES {
        return;
    }
    if reason == Reason::Edited
        && queue
            .last()
            .is_some_and(|(_, last)| *last == Reason::Edited)
    {
        queue.pop();
    }
    queue.push((text, reason));
    let too_many = |queue: &Vec<(String, Reason)>| {
        queue.len() > MAX_EDITS + MAX_KEPT
            || queue.iter().map(|(text, _)| text.len()).sum::<usize>() > MAX_TOTAL_BYTES
    };
    while too_many(queue) {
        let oldest_edit = queue.iter().position(|(_, r)| *r == Reason::Edited);
        queue.remove(oldest_edit.unwrap_or(0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_waiting_queue_keeps_the_newest_edit_and_stays_bounded() {
        let mut queue = Vec::new();
        enqueue(&mut queue, "a".into(), Reason::Edited);
        enqueue(&mut queue, "ab".into(), Reason::Edited);
        assert_eq!(queue, [("ab".to_owned(), Reason::Edited)]);
        // A kept text is never replaced, and the edit after it waits behind it.
        enqueue(&mut queue, "shared".into(), Reason::ShareLink);
        enqueue(&mut queue, "abc".into(), Reason::Edited);
        assert_eq!(queue.len(), 3);
        // Storage that never answers: kept texts pile up only to the bound, edits going first.
        for n in 0..100 {
            enqueue(&mut queue, format!("example {n}"), Reason::Example);
        }
        assert_eq!(queue.len(), MAX_EDITS + MAX_KEPT);
        assert!(queue.iter().all(|(_, r)| *r == Reason::Example));
        assert_eq!(queue.last().unwrap().0, "example 99");
        // And by bytes: a 6 MiB text is over the draft limit; 3 MiB ones fit five at most.
        let mut queue = Vec::new();
        enqueue(&mut queue, "x".repeat(6 << 20), Reason::ShareLink);
        assert!(queue.is_empty());
        for _ in 0..8 {
            enqueue(&mut queue, "x".repeat(3 << 20), Reason::ShareLink);
        }
        assert_eq!(queue.len(), MAX_TOTAL_BYTES / (3 << 20));
    }

    fn draft(id: u32, time: f64, reason: Reason) -> Stored {
        Stored {
            id,
            started: time,
            time,
            bytes: 100,
            reason,
            own: true,
            same_text: false,
        }
    }

    fn edit(time: f64) -> New {
        New {
            time,
            bytes: 100,
            reason: Reason::Edited,
        }
    }

    #[test]
    fn a_first_text_is_added() {
        let plan = plan(&[], &edit(0.0));
        assert_eq!(plan.write, Write::Add);
        assert_eq!(plan.reason, Reason::Edited);
        assert!(plan.delete.is_empty());
    }

    #[test]
    fn edits_within_a_minute_of_the_tabs_newest_edit_overwrite_it() {
        let stored = [draft(1, 0.0, Reason::Edited)];
        assert_eq!(plan(&stored, &edit(59_000.0)).write, Write::Overwrite(1));
        assert_eq!(plan(&stored, &edit(60_000.0)).write, Write::Add);
        // The minute counts from when the draft was started, not from its last overwrite.
        let mut touched = draft(1, 0.0, Reason::Edited);
        touched.time = 50_000.0;
        assert_eq!(plan(&[touched], &edit(70_000.0)).write, Write::Add);
    }

    #[test]
    fn another_tabs_edit_and_a_kept_draft_are_never_overwritten_by_an_edit() {
        let mut theirs = draft(1, 0.0, Reason::Edited);
        theirs.own = false;
        assert_eq!(plan(&[theirs], &edit(1_000.0)).write, Write::Add);
        let kept = draft(2, 0.0, Reason::ShareLink);
        assert_eq!(plan(&[kept], &edit(1_000.0)).write, Write::Add);
        // Nor does a kept text overwrite a young edit.
        let young = draft(3, 0.0, Reason::Edited);
        let share = New {
            reason: Reason::ShareLink,
            ..edit(1_000.0)
        };
        assert_eq!(plan(&[young], &share).write, Write::Add);
    }

    #[test]
    fn the_same_text_moves_to_the_top_and_stays_kept() {
        let mut same = draft(4, 0.0, Reason::Example);
        same.same_text = true;
        let stored = [draft(1, 10.0, Reason::Edited), same];
        let plan = plan(&stored, &edit(1e9));
        assert_eq!(plan.write, Write::Overwrite(4));
        assert_eq!(plan.reason, Reason::Example);
        let mut same = draft(5, 0.0, Reason::Edited);
        same.same_text = true;
        let shared = New {
            reason: Reason::ShareLink,
            ..edit(1e9)
        };
        assert_eq!(
            super::plan(&[same], &shared).reason,
            Reason::ShareLink,
            "an edit that a share link replaces becomes kept"
        );
    }

    #[test]
    fn the_oldest_edits_go_past_twenty_and_kept_drafts_are_counted_apart() {
        let mut stored: Vec<Stored> = (0..MAX_EDITS as u32)
            .map(|i| draft(i, f64::from(i) * 1e6, Reason::Edited))
            .collect();
        stored.extend((0..MAX_KEPT as u32).map(|i| draft(100 + i, f64::from(i), Reason::Reset)));
        let plan = plan(&stored, &edit(1e12));
        assert_eq!(plan.write, Write::Add);
        assert_eq!(plan.delete, vec![0], "the oldest edit, no kept draft");
        let share = New {
            reason: Reason::ShareLink,
            ..edit(1e12)
        };
        assert_eq!(super::plan(&stored, &share).delete, vec![100]);
    }

    #[test]
    fn three_share_links_in_a_row_keep_the_first_text() {
        // The user's text, then three links each replacing the one before: four kept drafts.
        let mut stored = Vec::new();
        for i in 0..4u32 {
            let new = New {
                reason: Reason::ShareLink,
                ..edit(f64::from(i) * 1_000.0)
            };
            let plan = plan(&stored, &new);
            assert_eq!(plan.write, Write::Add);
            assert!(plan.delete.is_empty());
            stored.push(draft(i, new.time, Reason::ShareLink));
        }
        assert!(stored.iter().any(|d| d.id == 0));
    }

    #[test]
    fn the_total_stays_under_the_byte_limit_and_huge_texts_are_not_kept() {
        let big = MAX_DRAFT_BYTES;
        let stored: Vec<Stored> = (0..4u32)
            .map(|i| Stored {
                bytes: big,
                ..draft(
                    i,
                    f64::from(i),
                    if i == 0 {
                        Reason::Reset
                    } else {
                        Reason::Edited
                    },
                )
            })
            .collect();
        let new = New {
            bytes: big,
            ..edit(1e9)
        };
        let plan = plan(&stored, &new);
        // 5 × 4 MiB > 16 MiB: the oldest edit goes, the kept one (older still) stays.
        assert_eq!(plan.delete, vec![1]);
        let huge = New {
            bytes: MAX_DRAFT_BYTES + 1,
            ..edit(1e9)
        };
        assert_eq!(super::plan(&stored, &huge).write, Write::Skip);
    }

    #[test]
    fn reasons_round_trip_and_unknown_ones_read_as_edits() {
        for reason in Reason::ALL {
            assert_eq!(Reason::parse(reason.as_str()), reason);
        }
        assert_eq!(Reason::parse("from-the-future"), Reason::Edited);
    }

    #[test]
    fn the_first_line_skips_comments_and_markers_and_is_cut() {
        assert_eq!(
            first_line(
                "# a comment\n---\n\n  apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n"
            ),
            "kind: Job · name: pi"
        );
        assert_eq!(
            first_line("# a comment\n---\n\n  apiVersion: batch/v1\n"),
            "apiVersion: batch/v1"
        );
        assert_eq!(first_line("# only a comment\n"), "# only a comment");
        assert_eq!(first_line("  \n\n"), "(empty)");
        let long = "x".repeat(100);
        let cut = first_line(&long);
        assert_eq!(cut.chars().count(), HEAD_CHARS);
        assert!(cut.ends_with('…'));
    }
}
