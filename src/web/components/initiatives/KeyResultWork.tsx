import { Stack } from '@mantine/core';
import type { KeyResult } from '../../api/okr-types.js';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel.js';
import { IngestTokensPanel } from '../ingest/IngestTokensPanel.js';
import { KpiLinkPanel } from '../ingest/KpiLinkPanel.js';
import { ProposalsPanel } from '../ingest/ProposalsPanel.js';
import { InitiativesPanel } from './InitiativesPanel.js';

/** Under a key result: pushed values to confirm, the KPI it improves, its initiatives (the work), links and files. */
export function KeyResultWork({ kr, closed, meId }: { kr: KeyResult; closed: boolean; meId: string }) {
  const measured = kr.kind === 'metric' || kr.kind === 'threshold';
  return (
    <Stack gap="sm" pt="xs">
      {measured && !closed && <ProposalsPanel keyResultId={kr.id} unit={kr.unit} canDecide={kr.can.checkIn} />}
      <KpiLinkPanel keyResultId={kr.id} measured={measured} closed={closed} />
      <InitiativesPanel keyResultId={kr.id} milestone={kr.kind === 'milestone'} closed={closed} meId={meId} />
      {measured && !closed && kr.can.checkIn && <IngestTokensPanel metric={{ kind: 'key-results', id: kr.id }} />}
      <AttachmentsPanel parent={{ kind: 'key-results', id: kr.id }} />
    </Stack>
  );
}
