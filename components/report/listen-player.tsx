"use client";

import { useEffect, useRef, useState } from "react";
import type { ListenScript, ListenSentence } from "@/lib/speech/script";

type Phase = "loading" | "playing" | "paused" | "ended" | "voice-error" | "no-voice" | "failed";

interface ReaderState {
  phase: Phase;
  index: number;
}

const RATES = [0.75, 1, 1.25, 1.5];
const RATE_KEY = "nghe-bai-toc-do";
const HIGHLIGHT = "nghe-bai";
// Chrome fills getVoices() a moment after the page asks: wait this long before saying there is none.
const VOICE_WAIT_MS = 1500;

const HELP = {
  android:
    "Trên điện thoại Android: Cài đặt › Quản lý chung › Chuyển văn bản thành giọng nói, chọn công cụ của Google rồi tải giọng tiếng Việt.",
  ios: "Trên iPhone, iPad: Cài đặt › Trợ năng › Nội dung được đọc › Giọng nói › Tiếng Việt, rồi tải giọng Linh.",
  windows:
    "Trên máy Windows: Cài đặt › Thời gian và ngôn ngữ › Giọng nói › Thêm giọng nói › Tiếng Việt (giọng An).",
  macos:
    "Trên máy Mac: Cài đặt hệ thống › Trợ năng › Nội dung được đọc, chọn giọng hệ thống tiếng Việt (Linh).",
};

function platform(): keyof typeof HELP | null {
  const agent = navigator.userAgent;
  if (/Android/i.test(agent)) return "android";
  // iPadOS says it is a Mac; its touch screen gives it away.
  if (/iPhone|iPad|iPod/.test(agent) || (/Macintosh/.test(agent) && navigator.maxTouchPoints > 1))
    return "ios";
  if (/Windows/.test(agent)) return "windows";
  if (/Macintosh/.test(agent)) return "macos";
  return null;
}

/** A Vietnamese voice, one on the device first: a network voice stops when the signal does. */
function vietnameseVoice(): SpeechSynthesisVoice | null {
  const voices = speechSynthesis.getVoices().filter((voice) => /^vi(?:[-_]|$)/i.test(voice.lang));
  return voices.find((voice) => voice.localService) ?? voices[0] ?? null;
}

function storedRate(): number {
  try {
    const rate = Number(localStorage.getItem(RATE_KEY));
    return RATES.includes(rate) ? rate : 1;
  } catch {
    return 1;
  }
}

function elementFor(at: ListenSentence["at"]): Element | null {
  if (at === "title") return document.querySelector(".report__title");
  if (at === "lead") return document.querySelector(".report__lead");
  return document.querySelector(".report-body")?.children[at] ?? null;
}

/** The sentence's text in the page, across the <abbr>, <em> and links inside its paragraph. */
function rangeFor(sentence: ListenSentence): Range | null {
  const element = elementFor(sentence.at);
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (!started && sentence.start < offset + length) {
      range.setStart(node, sentence.start - offset);
      started = true;
    }
    if (started && sentence.end <= offset + length) {
      range.setEnd(node, sentence.end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

/** Highlights the sentence without touching the page's markup, and scrolls it into view above the player. */
function show(sentence: ListenSentence) {
  const range = rangeFor(sentence);
  if (!range) return;
  if ("highlights" in CSS) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  const box = range.getBoundingClientRect();
  const playerTop = document.getElementById("nghe-bai")?.getBoundingClientRect().top ?? innerHeight;
  if (box.top < 16 || box.bottom > playerTop - 16) {
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    scrollBy({ top: box.top - innerHeight / 3, behavior: still ? "auto" : "smooth" });
  }
}

function clearHighlight() {
  if ("highlights" in CSS) CSS.highlights.delete(HIGHLIGHT);
}

type Reader = ReturnType<typeof createReader>;

/**
 * One utterance per sentence, the next spoken when the last ends: Chrome cuts a long utterance
 * short, and a sentence at a time is what the highlight follows. Pausing cancels and resuming
 * starts the sentence again, because Android's Chrome ignores speechSynthesis.pause().
 */
function createReader(
  sentences: ListenSentence[],
  voice: SpeechSynthesisVoice,
  initialRate: number,
  onChange: (state: ReaderState) => void,
) {
  let run = 0;
  let index = 0;
  let rate = initialRate;
  let playing = false;
  // Chrome drops an utterance nothing refers to, and its end event with it.
  let current: SpeechSynthesisUtterance | null = null;

  const say = (own: number) => {
    if (own !== run) return;
    if (index >= sentences.length) {
      playing = false;
      index = 0;
      clearHighlight();
      onChange({ phase: "ended", index: 0 });
      return;
    }
    const utterance = new SpeechSynthesisUtterance(sentences[index].text);
    utterance.lang = "vi-VN";
    utterance.voice = voice;
    utterance.rate = rate;
    utterance.onend = () => {
      if (own !== run) return;
      index += 1;
      say(own);
    };
    utterance.onerror = () => {
      if (own !== run) return;
      playing = false;
      onChange({ phase: "voice-error", index });
    };
    current = utterance;
    show(sentences[index]);
    onChange({ phase: "playing", index });
    speechSynthesis.speak(current);
  };

  const halt = () => {
    run += 1;
    playing = false;
    speechSynthesis.cancel();
  };

  return {
    play(from = index) {
      halt();
      index = from;
      playing = true;
      say(run);
    },
    pause() {
      halt();
      onChange({ phase: "paused", index });
    },
    stop() {
      halt();
      clearHighlight();
    },
    setRate(next: number) {
      rate = next;
      if (playing) this.play();
    },
  };
}

function NoVoice({ onClose }: { onClose: () => void }) {
  const own = platform();
  const steps = own ? [HELP[own]] : Object.values(HELP);
  return (
    <div className="listen-player__help">
      <p role="status">
        <strong>Máy này chưa có giọng đọc tiếng Việt,</strong> nên chưa nghe được bài. Thêm giọng tiếng Việt
        rồi tải lại trang:
      </p>
      <ul>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      <button type="button" className="listen-player__button" onClick={onClose}>
        Đóng
      </button>
    </div>
  );
}

const STATUS: Partial<Record<Phase, string>> = {
  loading: "Đang chuẩn bị…",
  ended: "Đã đọc hết bài.",
  "voice-error": "Giọng đọc của máy gặp lỗi. Bấm “Đọc tiếp” để thử lại.",
};

/** The player: loaded by ListenButton on the first tap, with the sentences of the report. */
export function ListenPlayer({ src, onClose }: { src: string; onClose: () => void }) {
  const [state, setState] = useState<ReaderState>({ phase: "loading", index: 0 });
  const [total, setTotal] = useState(0);
  const [rate, setRate] = useState(storedRate);
  const reader = useRef<Reader | null>(null);
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    region.current?.focus({ preventScroll: true });
    let sentences: ListenSentence[] | null = null;
    let waited = false;
    let cancelled = false;
    let timer: number | undefined;
    const begin = () => {
      const voice = vietnameseVoice();
      if (cancelled || !sentences || !voice || reader.current) return;
      reader.current = createReader(sentences, voice, storedRate(), setState);
      // A voice installed while the message was showing waits for the reader's tap.
      if (waited) setState({ phase: "paused", index: 0 });
      else reader.current.play(0);
    };
    speechSynthesis.addEventListener("voiceschanged", begin);
    fetch(src)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<ListenScript>;
      })
      .then((script) => {
        if (cancelled) return;
        sentences = script.sentences;
        setTotal(sentences.length);
        begin();
        timer = window.setTimeout(() => {
          waited = true;
          if (!reader.current && !cancelled) setState({ phase: "no-voice", index: 0 });
        }, VOICE_WAIT_MS);
      })
      .catch(() => {
        if (!cancelled) setState({ phase: "failed", index: 0 });
      });
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      speechSynthesis.removeEventListener("voiceschanged", begin);
      reader.current?.stop();
      reader.current = null;
    };
  }, [src]);

  function changeRate(next: number) {
    setRate(next);
    reader.current?.setRate(next);
    try {
      localStorage.setItem(RATE_KEY, String(next));
    } catch {
      // Private browsing without storage: the speed holds for this report only.
    }
  }

  const { phase, index } = state;
  const ready = phase !== "loading";
  return (
    <div
      id="nghe-bai"
      className="listen-player"
      role="region"
      aria-label="Nghe bài"
      tabIndex={-1}
      ref={region}
    >
      {phase === "no-voice" ? (
        <NoVoice onClose={onClose} />
      ) : phase === "failed" ? (
        <>
          <p role="status">Không tải được nội dung để đọc. Hãy thử lại khi có mạng.</p>
          <button type="button" className="listen-player__button" onClick={onClose}>
            Đóng
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="listen-player__button listen-player__button--main"
            disabled={!ready}
            onClick={() => (phase === "playing" ? reader.current?.pause() : reader.current?.play())}
          >
            {phase === "playing" ? "Tạm dừng" : phase === "ended" ? "Nghe lại" : "Đọc tiếp"}
          </button>
          <button type="button" className="listen-player__button" onClick={onClose}>
            Dừng
          </button>
          <label className="listen-player__rate">
            Tốc độ
            <select value={rate} onChange={(event) => changeRate(Number(event.target.value))}>
              {RATES.map((option) => (
                <option key={option} value={option}>
                  {String(option).replace(".", ",")}×
                </option>
              ))}
            </select>
          </label>
          <p className="listen-player__status" role="status">
            {STATUS[phase] ?? `Câu ${index + 1}/${total}`}
          </p>
        </>
      )}
    </div>
  );
}
