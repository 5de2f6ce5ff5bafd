// Synthetic reports for benchmarks: realistic in shape (seven paragraphs, six photos, four
// attendees, tags, dates over several years, Vietnamese text), deterministic for a given seed.
// The "archive" shape is the one for archive scale (100,000 reports and more): fifteen years of
// dates, about 170 topics (a subject and a commune or ward on each report), a mayor in 1% of
// reports, a dozen officials in 0.5% each and a long tail of people that grows with the archive.
// Everything is drawn one report at a time: 500,000 files never sit in memory together.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Phan",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
];
const MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Hữu", "Thanh", "Quang", "Bá", "Đình"];
const GIVEN = [
  "Hùng",
  "Lan",
  "Tú",
  "Văn",
  "Lư",
  "Hà",
  "Dũng",
  "Cường",
  "Hương",
  "Sơn",
  "Thảo",
  "Tuấn",
  "Nam",
  "Phương",
  "Hải",
  "Yến",
  "Khánh",
  "Long",
];
const RANKS = ["Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", undefined, undefined];
const ROLES = [
  "Phó Giám đốc Công an tỉnh",
  "Phó Chỉ huy trưởng BCHQS tỉnh",
  "Chủ tịch UBND thành phố Vinh",
  "Phó Bí thư Thường trực Thành ủy",
  "Chủ tịch HĐND phường Hưng Dũng",
  "Trưởng Công an phường Bến Thủy",
  "Giám đốc Sở Văn hóa và Thể thao",
  "Phó Chủ tịch UBND huyện Nghi Lộc",
];
const TAGS = [
  "Thành phố Vinh",
  "Quốc phòng",
  "An ninh",
  "Giáo dục",
  "Y tế",
  "Giao thông",
  "Môi trường",
  "Văn hóa",
  "Nông nghiệp",
  "Kinh tế",
  "Cửa Lò",
  "Diễn Châu",
  "Nghi Lộc",
  "Thể thao",
  "Du lịch",
  "Lễ hội",
];
const CATEGORIES = ["Quốc phòng - An ninh", "Thời sự", "Đời sống", "Kinh tế", "Văn hóa"];
const SENTENCES = [
  "Sáng nay, UBND thành phố Vinh đã tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm tới.",
  "Tham dự hội nghị có đại diện các phòng ban, các lực lượng quân sự, công an thành phố và các phường, xã.",
  "Năm qua, tình hình kinh tế, xã hội trên địa bàn cơ bản ổn định, đời sống nhân dân từng bước được cải thiện.",
  "Công tác phòng ngừa và đấu tranh với các loại tội phạm được đẩy mạnh, trật tự an toàn xã hội được giữ vững.",
  "Nhiều tập thể, cá nhân có thành tích xuất sắc đã được trao tặng Giấy khen tại buổi lễ.",
  "Lãnh đạo thành phố đề nghị các đơn vị tiếp tục phát huy kết quả đạt được, khắc phục những hạn chế còn tồn tại.",
  "Người dân phấn khởi khi con đường mới được hoàn thành trước dịp Tết Nguyên đán.",
  "Đoàn công tác đã kiểm tra thực tế tại các điểm trường và trạm y tế trên địa bàn huyện.",
];

/** "classic": the 2019–2025, 300-person, 16-tag archive of the default bench (its logs compare). */
export type SyntheticShape = "classic" | "archive";

export interface SyntheticOptions {
  count: number;
  directory: string;
  seed?: number;
  shape?: SyntheticShape;
}

const LOCALITY_FIRST = ["Nghi", "Hưng", "Diễn", "Quỳnh", "Thanh", "Nam", "Đô", "Yên", "Con", "Anh"];
const LOCALITY_SECOND = [
  "Phong",
  "Lộc",
  "Hòa",
  "Thủy",
  "Lợi",
  "Xuân",
  "Sơn",
  "Thành",
  "Phú",
  "Tân",
  "Long",
  "Mỹ",
  "Trung",
  "Đông",
  "Tây",
];
/** 150 communes and wards: one on every report of the archive shape. */
const LOCALITIES = LOCALITY_FIRST.flatMap((first) =>
  LOCALITY_SECOND.map((second) => `Xã ${first} ${second}`),
);
/** Not a name the pools below can make ("Quốc" is no middle name of theirs). */
export const MAYOR = { name: "Trần Quốc Thành", rank: undefined, role: "Chủ tịch UBND thành phố Vinh" };
const MAYOR_SHARE = 0.01;
const OFFICIALS = 12;
const OFFICIAL_SHARE = 0.06;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function personPool(random: () => number, size: number) {
  return Array.from({ length: size }, () => ({
    name: `${pick(random, FAMILY)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`,
    rank: pick(random, RANKS),
    role: pick(random, ROLES),
  }));
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

const FOUR_PART_NAMES = FAMILY.length * MIDDLE.length * MIDDLE.length * GIVEN.length;

/** The `index`-th distinct name: four parts (25,200 of them), then five. */
function numberedName(index: number): string {
  const fourParts = index < FOUR_PART_NAMES;
  const parts = fourParts ? [FAMILY, MIDDLE, MIDDLE, GIVEN] : [FAMILY, MIDDLE, MIDDLE, MIDDLE, GIVEN];
  let rest = fourParts ? index : index - FOUR_PART_NAMES;
  return parts
    .map((list) => {
      const name = list[rest % list.length];
      rest = Math.floor(rest / list.length);
      return name;
    })
    .join(" ");
}

type Person = { name: string; rank: string | undefined; role: string };

/**
 * People of the archive shape: the mayor, a dozen officials, regulars (one per 40 reports) in
 * 70% of the other seats, and the occasional (one per 2 reports) in the rest, most of them once or
 * twice.
 */
function archivePeople(random: () => number, count: number) {
  const officials = personPool(random, OFFICIALS).map((person, index) => ({
    ...person,
    name: `${FAMILY[index % FAMILY.length]} ${GIVEN[index % GIVEN.length]}`,
  }));
  const regulars = Math.max(50, Math.round(count / 40));
  const tail = Array.from({ length: regulars + Math.max(250, Math.round(count / 2)) }, (_, index) => ({
    name: numberedName(index),
    rank: pick(random, RANKS),
    role: pick(random, ROLES),
  }));
  return (): Person[] => {
    const chosen: Person[] = [];
    if (random() < MAYOR_SHARE) chosen.push(MAYOR);
    if (random() < OFFICIAL_SHARE) chosen.push(pick(random, officials));
    while (chosen.length < 4) {
      const index =
        random() < 0.7
          ? Math.floor(random() * regulars)
          : regulars + Math.floor(random() * (tail.length - regulars));
      if (!chosen.includes(tail[index])) chosen.push(tail[index]);
    }
    return chosen;
  };
}

/** One synthetic report file: its name, slug and text, and what addresses it appears under. */
export interface SyntheticFile {
  name: string;
  slug: string;
  text: string;
  date: Date;
  category: string;
  tags: string[];
  people: string[];
}

/** `count` report files, one at a time (100,000 of them need not sit in memory at once). */
export function* syntheticReportFiles(
  count: number,
  seed = 2021,
  shape: SyntheticShape = "classic",
): Generator<SyntheticFile> {
  const random = seededRandom(seed);
  const people = personPool(random, 300);
  const archive = shape === "archive";
  const archiveAttendees = archive ? archivePeople(random, count) : null;
  const start = archive ? Date.UTC(2011, 0, 1) : Date.UTC(2019, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  for (let index = 0; index < count; index += 1) {
    const slug = `bao-cao-thu-nghiem-${String(index + 1).padStart(5, "0")}`;
    const date = new Date(start + Math.floor((random() * span) / 60_000) * 60_000);
    const attendees = archiveAttendees
      ? archiveAttendees()
      : [...new Set(Array.from({ length: 8 }, () => pick(random, people)))].slice(0, 4);
    const tags = archive
      ? [
          ...new Set([
            pick(random, TAGS),
            pick(random, LOCALITIES),
            ...(random() < 0.3 ? [pick(random, TAGS)] : []),
          ]),
        ]
      : [...new Set(Array.from({ length: 3 }, () => pick(random, TAGS)))];
    const paragraphs = Array.from({ length: 7 }, () =>
      Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(random, SENTENCES)).join(" "),
    );
    const photos = Array.from(
      { length: 6 },
      (_, photo) =>
        `![Ảnh minh họa số ${photo + 1} của bài thử nghiệm](/images/ubnd-vinh-tong-ket-qp-an-2020/anh-${photo + 1}.jpg "${pick(random, SENTENCES)} Ảnh: ${pick(random, people).name}")`,
    );
    const body = [
      paragraphs[0],
      paragraphs[1],
      photos[0],
      paragraphs[2],
      photos[1],
      paragraphs[3],
      paragraphs[4],
      photos[2],
      paragraphs[5],
      photos[3],
      photos[4],
      photos[5],
      paragraphs[6],
    ];
    // In this order, so the classic shape draws as it always has.
    const title = `Bài thử nghiệm ${index + 1}: ${pick(random, SENTENCES).split(" ").slice(0, 12).join(" ")}`;
    const summary = pick(random, SENTENCES);
    const category = pick(random, CATEGORIES);
    const frontMatter = [
      "---",
      `title: ${yamlString(title)}`,
      `date: ${date.toISOString()}`,
      `summary: ${yamlString(summary)}`,
      `category: ${yamlString(category)}`,
      `tags: [${tags.map(yamlString).join(", ")}]`,
      "source:",
      "  name: Báo thử nghiệm",
      "  url: https://example.vn",
      "attendees:",
      ...attendees.flatMap((person) => [
        `  - name: ${yamlString(person.name)}`,
        ...(person.rank ? [`    rank: ${yamlString(person.rank)}`] : []),
        `    role: ${yamlString(person.role)}`,
      ]),
      "---",
    ];
    yield {
      name: `${slug}.md`,
      slug,
      text: `${frontMatter.join("\n")}\n\n${body.join("\n\n")}\n`,
      date,
      category,
      tags,
      people: attendees.map((person) => person.name),
    };
  }
}

/** Writes `count` report files into `directory` and returns their slugs. */
export function writeSyntheticReports({ count, directory, seed = 2021, shape }: SyntheticOptions): string[] {
  mkdirSync(directory, { recursive: true });
  const slugs: string[] = [];
  for (const file of syntheticReportFiles(count, seed, shape)) {
    writeFileSync(path.join(directory, file.name), file.text);
    slugs.push(file.slug);
  }
  return slugs;
}
