"use client";

import { routes } from "@/lib/routes";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { Suggestion } from "@/lib/search/archive-search";

// The header's search box: a plain GET form to /tim-kiem that works without JavaScript; with it,
// suggestions as the reader types (reports, people, topics), as an ARIA combobox: arrows move,
// Enter opens the one chosen (or searches), Escape closes (a second one empties the box), and the
// count is announced.

const SUGGEST_AFTER_MS = 150;
const MIN_CHARACTERS = 2;

export function SearchBox({ initialQuery = "" }: { initialQuery?: string }) {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-goi-y`;
  const [query, setQuery] = useState(initialQuery);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const pending = useRef<AbortController | null>(null);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Asked a moment after the last keystroke; an older answer still on its way is dropped.
  const askForSuggestions = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    pending.current?.abort();
    const text = value.trim();
    if (text.length < MIN_CHARACTERS) {
      setSuggestions([]);
      setActive(-1);
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      pending.current = controller;
      try {
        const response = await fetch(`${routes.searchSuggestions}?q=${encodeURIComponent(text)}`, {
          signal: controller.signal,
        });
        if (!response.ok) return;
        setSuggestions((await response.json()) as Suggestion[]);
        setActive(-1);
      } catch {
        // Aborted by a newer keystroke, or offline: the form still searches.
      }
    }, SUGGEST_AFTER_MS);
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  const expanded = open && suggestions.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      // -1 is the text box itself: the arrows cycle through it and the suggestions.
      const step = event.key === "ArrowDown" ? 1 : -1;
      const places = suggestions.length + 1;
      setActive((current) => ((current + 1 + step + places) % places) - 1);
    } else if (event.key === "Escape" && expanded) {
      // Closes the list and keeps the text.
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Escape" && query !== "") {
      // With the list closed, empties the box, as a search input's own Escape does.
      event.preventDefault();
      setQuery("");
      askForSuggestions("");
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      setOpen(false);
      router.push(suggestions[active].href);
    }
  };

  return (
    <form
      className="search-box"
      action={routes.search}
      method="get"
      role="search"
      aria-label="Tìm kiếm bài viết"
    >
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Tìm bài viết
      </label>
      <input
        id={`${id}-q`}
        className="search-box__input"
        // type="text", not "search": ARIA in HTML does not let a search input be a combobox, a
        // text input it does. Phones still show their search keyboard, with a "search" key.
        type="text"
        inputMode="search"
        enterKeyHint="search"
        name="q"
        placeholder="Tìm bài viết, người, chủ đề…"
        autoComplete="off"
        maxLength={200}
        value={query}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          askForSuggestions(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <button type="submit" className="search-box__button">
        Tìm
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label="Gợi ý"
        className="search-box__suggestions"
        hidden={!expanded}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.href}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="search-box__suggestion"
            // Chosen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              setOpen(false);
              router.push(suggestion.href);
            }}
          >
            <span className="search-box__kind">{suggestion.kind}</span> {suggestion.label}
          </li>
        ))}
      </ul>
      <p role="status" className="visually-hidden">
        {expanded ? `${suggestions.length} gợi ý; dùng phím mũi tên để chọn` : ""}
      </p>
    </form>
  );
}
