import Link from "next/link";
import type { Topic } from "@/lib/content";
import { routes } from "@/lib/routes";

/** The letter pages of the topics index: "a" … "z", then "0-9" for slugs that start otherwise. */
export const TOPIC_LETTERS = [..."abcdefghijklmnopqrstuvwxyz", "0-9"] as const;

export const letterName = (letter: string) => (letter === "0-9" ? "0–9" : letter.toUpperCase());

const hrefOf = (topic: Topic) =>
  topic.kind === "tag" ? routes.tag(topic.slug) : routes.category(topic.slug);

export function TopicList({ topics }: { topics: Topic[] }) {
  return (
    <ul className="topic-list">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link href={hrefOf(topic)}>{topic.name}</Link>{" "}
          <span className="topic-list__count">({topic.count} bài)</span>
        </li>
      ))}
    </ul>
  );
}

/** A–Z: every topic, a letter at a time, so no page lists thousands of tags. */
export function LetterBar({ current }: { current?: string }) {
  return (
    <nav className="letter-bar" aria-label="Chủ đề theo chữ cái">
      <ul>
        {TOPIC_LETTERS.map((letter) => (
          <li key={letter}>
            {letter === current ? (
              <span aria-current="page">{letterName(letter)}</span>
            ) : (
              <Link href={routes.topicLetter(letter)}>{letterName(letter)}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
