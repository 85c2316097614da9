import { Alert, Button, FileButton, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { importKpiValues, type BulkPreview } from '../../api/ingest.js';
import { kpiKeys } from '../../api/kpis.js';

/**
 * Many dated values at once: paste a column (date, value, optional note) or pick a CSV file, see each row — and
 * each refused row's reason — in a preview, then add them all. Nothing is stored while a row is refused.
 */
export function BulkValuesForm({ kpiId }: { kpiId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [source, setSource] = useState<'paste' | 'csv'>('paste');
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (dryRun: boolean) => {
    setMessage(null);
    try {
      const result = await importKpiValues(kpiId, { text, source, dryRun });
      setPreview(dryRun ? result : null);
      if (!dryRun) {
        setText('');
        setMessage({ ok: true, text: `Added ${result.rows.length} values.` });
        await queryClient.invalidateQueries({ queryKey: kpiKeys.all });
      }
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : 'The values could not be read.' });
    }
  };
  const pick = async (file: File | null) => {
    if (!file) return;
    setText(await file.text());
    setSource('csv');
    setPreview(null);
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="Dated values"
        description="One per line: date (YYYY-MM-DD), value, optional note — copied from a sheet or a CSV file"
        autosize
        minRows={3}
        maxRows={12}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setSource('paste');
          setPreview(null);
        }}
      />
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={(file) => void pick(file)} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button {...props} size="xs" variant="light">
              Choose a CSV file
            </Button>
          )}
        </FileButton>
        <Button size="xs" variant="light" disabled={!text.trim()} onClick={() => void run(true)}>
          Preview
        </Button>
        <Button size="xs" disabled={!preview || preview.errors.length > 0 || preview.rows.length === 0} onClick={() => void run(false)}>
          Add {preview?.rows.length ?? ''} values
        </Button>
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      {preview && preview.errors.length > 0 && (
        <Alert color="red" role="alert" title="Fix these lines first">
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {preview.errors.map((e) => (
              <li key={`${e.line}-${e.field}`}>
                Line {e.line}: {e.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {preview && preview.rows.length > 0 && (
        <Table aria-label="Preview of the values" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>As of</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>
                  {r.asOf}
                  {r.replaces && (
                    <Text span size="xs" c="orange.9">
                      {' '}
                      (a value exists: this one is newer)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.value}</Table.Td>
                <Table.Td>{r.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
