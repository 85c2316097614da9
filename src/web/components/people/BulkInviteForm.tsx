import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { bulkInvite, pastedEmails, type BulkAnswer, type BulkOutcome } from '../../api/invitations.js';
import { keys } from '../../api/queries.js';

const LABEL: Record<BulkOutcome, string> = {
  created: 'Invited',
  already_member: 'Already a member',
  invalid_email: 'Invalid e-mail',
  unknown_team: 'Unknown team',
  invalid_role: 'Invalid role',
  invalid_lead: 'Invalid lead',
  duplicate: 'Listed twice',
};

/** Invite many people: paste e-mails, or upload a CSV of name, email, team, role, lead (yes/no); a result per row. */
export function BulkInviteForm() {
  const queryClient = useQueryClient();
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<BulkAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setError(null);
    setBusy(true);
    try {
      const rows = pastedEmails(pasted);
      if (!file && rows.length === 0) throw new Error('Paste at least one e-mail address or choose a CSV file.');
      setAnswer(await bulkInvite(file ? { csv: await file.text() } : { rows }));
      setPasted('');
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: keys.invitations });
    } catch (caught) {
      setError(caught instanceof ApiError || caught instanceof Error ? caught.message : 'The invitations could not be sent.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="bulk-invite">
      <Textarea
        label="Paste e-mail addresses"
        description="One per line, or separated by commas"
        autosize
        minRows={2}
        value={pasted}
        onChange={(e) => setPasted(e.currentTarget.value)}
        disabled={file !== null}
      />
      <FileInput
        label="Or upload a CSV"
        description="Columns: name, email, team, role (member or admin), lead (yes or no); a header line is optional"
        accept=".csv,text/csv"
        clearable
        value={file}
        onChange={setFile}
        placeholder="Choose a .csv file"
      />
      <Group>
        <Button onClick={send} loading={busy}>
          Invite everyone
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {answer && (
        <Stack gap={4} data-testid="bulk-results">
          <Text size="sm" fw={600} role="status">
            {answer.created} invited, {answer.results.length - answer.created} not invited
          </Text>
          <Table withTableBorder aria-label="Invitation results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.results.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.email}</Table.Td>
                  <Table.Td>
                    <Badge color={r.outcome === 'created' ? 'teal.9' : 'red.9'} variant="filled" title={r.message}>
                      {LABEL[r.outcome]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
