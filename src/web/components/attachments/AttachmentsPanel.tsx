import { Alert, Anchor, Button, Card, FileButton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  addLink,
  attachmentKeys,
  removeFile,
  removeLink,
  uploadFile,
  useAttachments,
  type AttachmentParent,
} from '../../api/attachments.js';
import { AddForm, ItemList, RowAction } from '../lists/ItemList.js';
import { useApiSubmit } from '../useApiForm.js';
import { fileSize } from './file-size.js';

/** Links and files on an objective or a key result: anyone in the organisation opens them; those working on it add them. */
export function AttachmentsPanel({ parent, title = 'Links and files' }: { parent: AttachmentParent; title?: string }) {
  const attachments = useAttachments(parent);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: attachmentKeys.of(parent) });
  const [uploadError, setUploadError] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { title: '', url: '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    await addLink(parent, v);
    form.reset();
    await refresh();
  });
  const upload = async (file: File | null) => {
    if (!file) return;
    setUploadError(null);
    try {
      await uploadFile(parent, file);
      await refresh();
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : 'The upload failed.');
    }
  };
  const data = attachments.data;
  const label = parent.kind === 'objectives' ? 'objective' : 'key result';
  return (
    <Card withBorder component="section" aria-label={`${title} of this ${label}`}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {data && data.links.length === 0 && data.files.length === 0 && (
          <Text c="dimmed" size="sm">
            Nothing attached yet.
          </Text>
        )}
        <ItemList
          label="Links"
          items={data?.links ?? []}
          row={(l) => (
            <>
              <Anchor
                href={l.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                underline="always"
                style={{ overflowWrap: 'anywhere' }}
              >
                {l.title}
              </Anchor>
              {l.canRemove && <RowAction label={`Remove link ${l.title}`} onClick={() => void removeLink(l.id).then(refresh)} />}
            </>
          )}
        />
        <ItemList
          label="Files"
          items={data?.files ?? []}
          row={(f) => (
            <>
              <Anchor href={f.downloadUrl} download={f.name} underline="always" style={{ overflowWrap: 'anywhere' }}>
                {f.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {fileSize(f.size)}
              </Text>
              {f.canRemove && <RowAction label={`Remove file ${f.name}`} onClick={() => void removeFile(f.id).then(refresh)} />}
            </>
          )}
        />
        {data?.can.attach && (
          <AddForm
            label={`Add a link to this ${label}`}
            onSubmit={onSubmit}
            error={formError}
            fields={
              <>
                <TextInput label="Link title" required {...form.getInputProps('title')} />
                <TextInput label="Address" placeholder="https://" required {...form.getInputProps('url')} />
              </>
            }
            actions={
              <>
                <Button type="submit" size="xs" variant="light" loading={busy}>
                  Add link
                </Button>
                <FileButton onChange={(file) => void upload(file)}>
                  {(props) => (
                    <Button {...props} size="xs" variant="light">
                      Attach a file
                    </Button>
                  )}
                </FileButton>
              </>
            }
          />
        )}
        {uploadError && (
          <Alert color="red" role="alert">
            {uploadError}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
