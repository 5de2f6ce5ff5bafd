// `npm run build`'s step after check-content: brings the search index in step with the content
// store just filled, so that a server started after a build searches the whole archive from its
// first request. Left to the server, a fresh 500,000-report archive is indexed in the background
// for over half an hour (about 2 ms a report, in steps that leave readers half the thread).
import { syncSearchIndex } from "../lib/search/archive-search";
import { shareContentStore } from "../tools/content-store";

shareContentStore();
const started = performance.now();
const changed = syncSearchIndex();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Chỉ mục tìm kiếm: ${changed} bài cập nhật trong ${seconds} s.`);
