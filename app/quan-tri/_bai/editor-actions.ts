import type { ReportEditorActions } from "@/components/admin/report-editor";
import { deleteReportAction, previewReportAction, saveReportAction, uploadPhotoAction } from "./actions";

/** The report form's actions, as its pages hand them to it. */
export const reportEditorActions: ReportEditorActions = {
  saveAction: saveReportAction,
  previewAction: previewReportAction,
  uploadAction: uploadPhotoAction,
  deleteAction: deleteReportAction,
};
