"use client";

import { useState, useSyncExternalStore } from "react";
import { DEFAULT_TEXT_SIZE, TEXT_SIZE_KEY, TEXT_SIZES, type TextSize } from "@/lib/text-size";

const CHANGE = "co-chu-doi";

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE, onChange);
  return () => window.removeEventListener(CHANGE, onChange);
}

// The size the head script applied before the first paint is the source of truth.
function currentSize(): TextSize {
  return (document.documentElement.dataset.coChu as TextSize | undefined) ?? DEFAULT_TEXT_SIZE;
}

function applyTextSize(value: TextSize) {
  document.documentElement.dataset.coChu = value;
  try {
    localStorage.setItem(TEXT_SIZE_KEY, value);
  } catch {
    // Storage disabled: the size still applies to this page.
  }
  window.dispatchEvent(new Event(CHANGE));
}

/** A−, A, A+: usable once JavaScript runs; without it the page reads at the default size. */
export function TextSizeControl() {
  const size = useSyncExternalStore(subscribe, currentSize, () => null);
  const [announcement, setAnnouncement] = useState("");

  function choose(value: TextSize, name: string) {
    applyTextSize(value);
    setAnnouncement(`Đã chọn cỡ chữ: ${name.toLowerCase()}.`);
  }

  return (
    // Rendered from the start but hidden until JavaScript runs, so the header never shifts.
    <div className="text-size" role="group" aria-label="Cỡ chữ" hidden={size === null}>
      {TEXT_SIZES.map(({ value, label, name }) => (
        <button
          key={value}
          type="button"
          className="text-size__button"
          aria-pressed={size === value}
          onClick={() => choose(value, name)}
        >
          {label}
          <span className="visually-hidden"> ({name.toLowerCase()})</span>
        </button>
      ))}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}
