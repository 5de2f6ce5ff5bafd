// The content's write side, as Astro splits its store into DataStore and MutableDataStore. Pages
// read through `lib/content` (index.ts); what fills and refreshes the archive (the publishing
// watcher, `npm run check-content`, the search index), and what checks or writes a report file
// before it reaches the folder (the editor, `npm run new-report`), come through here. Nothing
// outside lib/content imports its other modules (eslint.config.mjs keeps it so).
export {
  type AddressChange,
  archiveCatalog,
  archiveProblems,
  type ArchiveProblems,
  archiveStoreId,
  BUILD_CHECK_ID,
  checkArchive,
  type ContentCheck,
  dueReportFiles,
  editorsListing,
  editorsRows,
  type EditorsListing,
  filesClaimingSlug,
  type FileScope,
  isLiveArchive,
  loadWholeReport,
  type PublishedVersion,
  type PhotoChanges,
  prefillStore,
  recordBuildCheck,
  refreshArchive,
  scheduledReportFiles,
  startLiveArchive,
  lookAtArchive,
  waitingPhotos,
} from "./archive";
export { decodedAddress } from "./store";
export { type CatalogReader, membershipsOf } from "./catalog";
export { changedRelatedLists } from "./related";
export { contentDirectory, folderLabel, isReportFileName, listReportFiles } from "./files";
export { publicDirectory } from "./images";
export { GLOSSARY_FILE, loadGlossary } from "./glossary";
export { type LoadResult, loadReport } from "./load-report";
export { createWorkerParser, PARSE_WORKER_FILE, type ReportParser, type WorkerParser } from "./report-parser";
export { BODY_MAX_INLINE_NESTING, BODY_MAX_NESTING } from "./limits";
export { BODY_FIELD, type ContentProblem, formatProblem, formatProblemList } from "./problems";
export {
  FRONT_MATTER_FIELDS,
  type FrontMatter,
  frontMatterSchema,
  isWithheldStatus,
  REPORT_STATUSES,
  type ReportStatus,
  WORKFLOW_FIELDS,
} from "./schema";
export { readFrontMatter } from "./front-matter";
export { newReportTemplate } from "./new-report";
export { FIELD_TABLE_END, FIELD_TABLE_START, fieldTableMarkdown, replaceFieldTable } from "./field-table";
