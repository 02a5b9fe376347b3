"use client";

import { ActionButton } from "@/components/reports/report-forms";
import { archiveReportAction, revokeShareLinkAction } from "./actions";

export function RevokeLinkButton({ id, reportId, name }: { id: string; reportId: string; name: string }) {
  return (
    <ActionButton
      label="Revoke"
      ariaLabel={`Revoke link ${name}`}
      confirm={`Revoke the link ${name}? Anyone opening it will see “This link is not valid”.`}
      run={() => revokeShareLinkAction({ id, reportId })}
    />
  );
}

export function ArchiveReportButton({ id, version }: { id: string; version: number }) {
  return (
    <ActionButton
      label="Archive report"
      confirm="Archive this report? Its links stop working."
      run={() => archiveReportAction({ id, version })}
    />
  );
}
