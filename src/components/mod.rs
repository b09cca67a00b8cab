//! One component per file, each with its props struct first.

pub mod answers_summary;
pub mod app;
pub mod ask_page;
pub mod clause_text;
pub mod compare_page;
pub mod council_picker;
pub mod not_found;
pub mod outcome_page;
pub mod page_heading;
pub mod question_page;
pub mod reader;

use std::ops::Deref;

/// A reference into the baked-in data. Props compare it by address: the data never changes,
/// so comparing whole councils on every render would be wasted work.
pub struct Static<T: 'static>(pub &'static T);

impl<T> Clone for Static<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Static<T> {}

impl<T> PartialEq for Static<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> Deref for Static<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

/// Lets any page reset the walk ("Start again") without owning the state.
#[derive(Clone, PartialEq)]
pub struct StartAgain(pub yew::Callback<()>);

/// Whether page headings should take focus: only after the person has navigated.
#[derive(Clone, Copy, PartialEq)]
pub struct FocusOnNavigate(pub bool);
