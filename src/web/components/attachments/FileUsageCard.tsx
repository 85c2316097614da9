import { Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { fileSize } from './file-size.js';

interface FileUsage {
  files: number;
  totalBytes: number;
  maxFileBytes: number;
}

/** For admins: how much the organisation's files take in the database, and the per-file limit. */
export function FileUsageCard() {
  const usage = useQuery({ queryKey: ['file-usage'], queryFn: () => api<FileUsage>('/api/v1/organization/file-usage') });
  return (
    <Card withBorder component="section" aria-labelledby="file-usage-title">
      <Title order={2} size="h4" id="file-usage-title" mb="sm">
        Stored files
      </Title>
      {usage.data ? (
        <Group gap="xl" wrap="wrap">
          <Text>
            <strong>{usage.data.files}</strong> files attached to objectives and key results
          </Text>
          <Text>
            <strong>{fileSize(usage.data.totalBytes)}</strong> in total
          </Text>
          <Text c="dimmed">At most {fileSize(usage.data.maxFileBytes)} each</Text>
        </Group>
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </Card>
  );
}
