"use client";

import type { KeyboardEvent, MouseEvent, ReactNode } from "react";
import { SearchBox } from "./search-box";

// The header's search: on a phone the form sits behind a "Tìm kiếm" button so the news starts
// near the top of the screen; on a wide screen the button is hidden and the form always shown
// (globals.css). A <details> disclosure: it opens and the form submits without JavaScript.

/** Opens the form and puts the caret in it within the tap, so a phone shows its keyboard at once. */
function openAndFocus(event: MouseEvent<HTMLElement>) {
  const details = event.currentTarget.parentElement;
  if (!(details instanceof HTMLDetailsElement) || details.open) return;
  event.preventDefault();
  details.open = true;
  details.querySelector("input")?.focus();
}

/** Escape, once the box has nothing left to close or empty, closes the disclosure (phones only: a
 * wide screen hides the button and always shows the form). */
function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
  const details = event.currentTarget;
  const toggle = details.querySelector("summary");
  if (event.key !== "Escape" || event.defaultPrevented || !toggle?.getClientRects().length) return;
  details.open = false;
  toggle.focus();
}

/** The button's face comes from the server as `children`: markup in the page, not in the script. */
export function HeaderSearch({ children }: { children: ReactNode }) {
  return (
    <details className="header-search" onKeyDown={closeOnEscape}>
      <summary className="header-search__toggle" onClick={openAndFocus}>
        {children}
      </summary>
      <SearchBox />
    </details>
  );
}
