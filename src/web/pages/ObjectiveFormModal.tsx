import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client.js';
import { progressKeys, useCycleObjectives } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';
import { useTeams, useUsers } from '../api/queries.js';
import type { Me } from '../api/types.js';
import { useApiSubmit } from '../components/useApiForm.js';
import { checkQuality, DEFAULT_PRINCIPLES, type DraftObjective } from '../../domain/quality/index.js';
import { useGuidingPrinciples } from '../api/quality.js';
import { QualityFindings } from '../components/QualityFindings.js';
import { ObjectiveSharingFields, sharingBody, sharingDefaults } from '../components/okr/ObjectiveSharingFields.js';
import { coachLesson, RelatedLessons, useRelatedLessons } from '../components/learning/RelatedLessons.js';
import { newObjectivePlaces } from '../components/okr/objective-places.js';
import { useReturnFocus } from '../components/useReturnFocus.js';
import { StrategyPicker, strategyBody, strategyValue } from '../components/strategy/StrategyPicker.js';
import { VisibilityFields, visibilityBody, visibilityDefaults } from '../components/visibility/VisibilityFields.js';

/** Create an objective (optionally aligned to any objective or key result of the cycle), or edit one. */
export function ObjectiveFormModal({
  cycleId,
  me,
  opened,
  onClose,
  editing,
}: {
  cycleId: string;
  me: Me;
  opened: boolean;
  onClose: () => void;
  editing?: Objective;
}) {
  useReturnFocus();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const teams = useTeams();
  const users = useUsers();
  const objectives = useCycleObjectives(cycleId);
  const principles = useGuidingPrinciples();
  const published = editing !== undefined && editing.status === 'active';
  const places = newObjectivePlaces(me);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      title: editing?.title ?? '',
      description: editing?.description ?? '',
      whyImportant: editing?.whyImportant ?? '',
      whyUrgent: editing?.whyUrgent ?? '',
      teamId: editing ? editing.teamId : places.defaultTeamId,
      ownerId: editing ? editing.ownerId : (me.user.id as string | null),
      type: editing?.type ?? 'committed',
      alignTo: null as string | null,
      serves: strategyValue(editing),
      ...sharingDefaults(editing),
      ...visibilityDefaults(editing),
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(
    form,
    async ({
      alignTo,
      serves,
      contributorUserIds,
      contributorTeamIds,
      weight,
      progressDriver,
      standaloneReason,
      visibility,
      viewerIds,
      ...values
    }) => {
      const sharing = {
        ...sharingBody({ contributorUserIds, contributorTeamIds, weight, progressDriver, standaloneReason }),
        ...strategyBody(serves),
        ...visibilityBody({ visibility, viewerIds }),
      };
      if (editing) {
        await api(`/api/v1/objectives/${editing.id}`, {
          method: 'PATCH',
          body: {
            ...values,
            ...sharing,
            description: values.description || null,
            whyImportant: values.whyImportant || null,
            whyUrgent: values.whyUrgent || null,
          },
        });
        await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        onClose();
        return;
      }
      const created = await api<Objective>('/api/v1/objectives', {
        method: 'POST',
        body: {
          ...values,
          ...sharing,
          cycleId,
          status: 'draft',
          description: values.description || null,
          whyImportant: values.whyImportant || null,
          whyUrgent: values.whyUrgent || null,
        },
      });
      if (alignTo) {
        const [kind, id] = alignTo.split(':');
        await api(`/api/v1/objectives/${created.id}/alignments`, {
          method: 'POST',
          body: kind === 'k' ? { parentKeyResultId: id } : { parentObjectiveId: id },
        });
      }
      await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      onClose();
      navigate(`/objectives/${created.id}`);
    },
  );
  // The same rules the server applies at publish time, run here on every keystroke.
  const values = form.getValues();
  const draft: DraftObjective = {
    title: values.title,
    status: editing?.status,
    description: values.description,
    whyImportant: values.whyImportant,
    whyUrgent: values.whyUrgent,
    ownerId: values.ownerId,
    teamId: values.teamId,
    level: values.teamId ? 'team' : 'company',
    type: values.type as DraftObjective['type'],
    progressDriver: values.progressDriver,
    standaloneReason: values.standaloneReason || null,
    alignedChildCount: 0,
    parentCount: editing ? editing.parents.length : values.alignTo ? 1 : 0,
    keyResults: (editing?.keyResults ?? []).map((k) => ({
      ...k,
      unit: k.unit ?? undefined,
      milestones: k.milestones ?? undefined,
      dataReadiness: k.dataReadiness ?? undefined,
    })),
  };
  const related = useRelatedLessons([values.title, ...(editing?.keyResults ?? []).map((k) => k.title)].join(' '), editing?.id);
  // The coach points a new or draft objective at the best of them (the related-lesson rule).
  const report = checkQuality(draft, { relatedLesson: coachLesson(related) }, principles.data?.principles ?? DEFAULT_PRINCIPLES);
  const alignOptions = (objectives.data ?? []).map((o) => ({
    group: o.title,
    items: [
      { value: `o:${o.id}`, label: `Objective: ${o.title}` },
      ...o.keyResults.map((k) => ({ value: `k:${k.id}`, label: `Key result: ${k.title}` })),
    ],
  }));
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Edit objective' : 'New objective'} size="lg">
      <form onSubmit={onSubmit}>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Objective"
            description="Qualitative and inspiring: where do you want to be?"
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <Textarea label="Why is it important?" autosize minRows={1} {...form.getInputProps('whyImportant')} />
          <Textarea label="Why now?" autosize minRows={1} {...form.getInputProps('whyUrgent')} />
          <Group grow align="flex-start">
            <Select
              label="Team"
              placeholder={places.companyLevel ? 'Company level' : 'Choose your team'}
              clearable={places.companyLevel}
              allowDeselect={places.companyLevel}
              description={places.companyLevel ? undefined : 'Objectives go in one of your teams'}
              data={(teams.data ?? []).filter((t) => editing || places.allows(t.id)).map((t) => ({ value: t.id, label: t.name }))}
              {...form.getInputProps('teamId')}
            />
            <Select
              label="Owner"
              description={published ? 'A published objective needs an owner' : 'Leads the check-ins'}
              searchable
              // A published objective keeps an owner: clicking the selected person again does not clear it.
              allowDeselect={false}
              clearable={!published}
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              {...form.getInputProps('ownerId')}
            />
          </Group>
          <div>
            <Text size="sm" fw={500} id="objective-type-label">
              Type
            </Text>
            <SegmentedControl
              aria-labelledby="objective-type-label"
              data={[
                { value: 'committed', label: 'Committed' },
                { value: 'aspirational', label: 'Aspirational' },
              ]}
              {...form.getInputProps('type')}
            />
          </div>
          {!editing && (
            <Select
              label="Aligns to"
              placeholder="Nothing (a top-level objective)"
              clearable
              searchable
              data={alignOptions}
              {...form.getInputProps('alignTo')}
            />
          )}
          <StrategyPicker form={form} cycleId={cycleId} />
          <VisibilityFields
            form={form}
            people={(users.data ?? []).filter((u) => u.id !== values.ownerId).map((u) => ({ value: u.id, label: u.name }))}
          />
          <ObjectiveSharingFields
            form={form}
            people={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            teams={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            aligned={editing ? editing.parents.length > 0 : values.alignTo !== null}
          />
          <QualityFindings findings={report.findings} rules={principles.data?.rules ?? []} />
          <RelatedLessons lessons={related} />
          {!editing && (
            <Text size="xs" c="dimmed">
              The objective is saved as a draft: add its key results, then publish it.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {editing ? 'Save objective' : 'Create objective'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
