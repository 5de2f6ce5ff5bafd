"use client";

import { lazy, Suspense, useRef, useState, useSyncExternalStore } from "react";

// The player, its voice checks and its text load only when a reader taps: a report's own
// JavaScript grows by this button alone.
const ListenPlayer = lazy(() =>
  import("./listen-player").then((module) => ({ default: module.ListenPlayer })),
);

const noSubscription = () => () => {};

/** "Nghe bài": reads the report aloud with the device's own Vietnamese voice. */
export function ListenButton({ src }: { src: string }) {
  // False on the server and where the browser has no speech (some in-app browsers): the button
  // then keeps its place in the row, invisible, so nothing moves when it appears.
  const supported = useSyncExternalStore(
    noSubscription,
    () => "speechSynthesis" in window,
    () => false,
  );
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  function toggle() {
    // iOS speaks only from inside a tap: an empty utterance now lets the player speak later.
    if (!open) speechSynthesis.speak(new SpeechSynthesisUtterance(""));
    setOpen(!open);
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="listen-button"
        aria-pressed={open}
        onClick={toggle}
        hidden={!supported}
      >
        Nghe bài
      </button>
      {open && (
        <Suspense fallback={null}>
          <ListenPlayer
            src={src}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
