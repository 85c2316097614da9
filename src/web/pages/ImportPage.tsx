import { Alert, Anchor, Button, Card, FileInput, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { sendImport, templateUrl, type ImportPreview } from '../api/imports.js';
import type { Me } from '../api/types.js';
import { ScrollRegion } from '../components/ScrollRegion.js';

/** Import OKRs from a spreadsheet: choose a file, read the dry run's preview and errors, then confirm. */
export function ImportPage({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (apply: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      setPreview(await sendImport(file, apply));
      if (apply) await queryClient.invalidateQueries();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The import failed.');
    } finally {
      setBusy(false);
    }
  };

  if (!me.can.importData) return <Alert color="gray">Only an owner or admin can import OKRs.</Alert>;
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={1} size="h2">
          Import OKRs
        </Title>
        <Text c="dimmed">
          From a spreadsheet (CSV or XLSX) or a Viva Goals export. You see what will be created first; nothing is written until you confirm.
          Importing the same file again updates what it created.
        </Text>
      </div>
      <Card withBorder>
        <Stack>
          <Text size="sm">
            Start from the template: <Anchor href={templateUrl('xlsx')}>template (XLSX)</Anchor> ·{' '}
            <Anchor href={templateUrl('csv')}>template (CSV)</Anchor>
          </Text>
          <FileInput
            label="Spreadsheet"
            description="CSV or XLSX, up to 10 MiB"
            placeholder="Choose a file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(next) => {
              setFile(next);
              setPreview(null);
            }}
          />
          <Group>
            <Button onClick={() => void run(false)} disabled={!file} loading={busy && !preview}>
              Preview import
            </Button>
          </Group>
          {problem && (
            <Alert color="red" title="Not imported" role="alert">
              {problem}
            </Alert>
          )}
        </Stack>
      </Card>
      {preview && <PreviewPanel preview={preview} busy={busy} onConfirm={() => void run(true)} />}
    </Stack>
  );
}

function PreviewPanel({ preview, busy, onConfirm }: { preview: ImportPreview; busy: boolean; onConfirm: () => void }) {
  const { counts } = preview;
  const figures: [string, string][] = [
    ['Objectives', `${counts.objectives.create} new · ${counts.objectives.update} updated`],
    ['Key results', `${counts.keyResults.create} new · ${counts.keyResults.update} updated`],
    ['Alignments', `${counts.alignments.create} new`],
    ['Cycles', `${counts.cycles.create} new`],
    ['Teams', `${counts.teams.create} new`],
    ['Check-ins', `${counts.checkIns}`],
    ['People to invite', `${counts.invitations}`],
  ];
  const blocked = preview.errors.length > 0;
  return (
    <Card withBorder aria-labelledby="import-preview-title">
      <Stack>
        <Title order={2} size="h3" id="import-preview-title">
          {preview.dryRun ? 'Preview' : 'Imported'}
        </Title>
        {!preview.dryRun && (
          <Alert color="green" role="status">
            The import is done: the objectives are in the OKR tree.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {figures.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text fw={600}>{value}</Text>
            </div>
          ))}
        </SimpleGrid>
        {preview.peopleToInvite.length > 0 && <Text size="sm">Invitations go to: {preview.peopleToInvite.join(', ')}</Text>}
        {preview.unmappedHeaders.length > 0 && <Text size="sm">Columns ignored: {preview.unmappedHeaders.join(', ')}</Text>}
        {blocked && (
          <Alert color="red" title={`${preview.errors.length} problem${preview.errors.length === 1 ? '' : 's'} to fix in the file`}>
            <ScrollRegion label="Problems in the file" minWidth={420}>
              <Table aria-label="Problems in the file">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.column}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </Alert>
        )}
        {preview.dryRun && (
          <>
            <List size="sm" aria-label="Rows">
              {preview.rows.slice(0, 50).map((r) => (
                <List.Item key={r.row}>
                  Row {r.row}: {r.type === 'objective' ? 'objective' : 'key result'} “{r.title}” — {r.action}
                </List.Item>
              ))}
            </List>
            <Group>
              <Button onClick={onConfirm} disabled={blocked} loading={busy}>
                Confirm import
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
