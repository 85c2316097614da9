import { Alert, Badge, Button, Card, Group, List, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { QualityPrinciplesInput, RuleSetting } from '../../domain/quality/index.js';
import { api, ApiError } from '../api/client.js';
import { useGuidingPrinciples } from '../api/quality.js';
import type { Me } from '../api/types.js';

const SETTINGS = [
  { value: 'block', label: 'Block publishing' },
  { value: 'warn', label: 'Warn' },
  { value: 'tip', label: 'Tip' },
  { value: 'off', label: 'Off' },
];
const BADGE: Record<RuleSetting, string> = { block: 'red', warn: 'yellow', tip: 'blue', off: 'gray' };

/** Everyone sees the organisation's rules in plain words with examples; admins tune them. */
export function PrinciplesPage({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const data = useGuidingPrinciples();
  const isAdmin = me.can.managePrinciples;
  const [draft, setDraft] = useState<QualityPrinciplesInput | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (data.data) setDraft(data.data.principles);
  }, [data.data]);
  if (!data.data || !draft) return <Text c="dimmed">Loading…</Text>;
  const save = async () => {
    setMessage(null);
    try {
      await api('/api/v1/organization/principles', { method: 'PUT', body: draft });
      await queryClient.invalidateQueries({ queryKey: ['quality'] });
      await queryClient.invalidateQueries({ queryKey: ['objectives'] });
      setMessage({ ok: true, text: 'Guiding principles saved.' });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    }
  };
  const setLimit = (key: 'maxKeyResults' | 'minKeyResults' | 'maxObjectivesPerOwner' | 'maxTitleLength', value: number | string) =>
    typeof value === 'number' && setDraft({ ...draft, [key]: value });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Guiding principles
        </Title>
        <Text c="dimmed">
          How we write OKRs here. The quality coach checks every objective against these rules as you type and again before it is published.
        </Text>
      </div>
      <Card withBorder>
        <List spacing={4} size="sm">
          {data.data.description.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Card>
      {isAdmin && (
        <Card withBorder>
          <Title order={2} size="h5" mb="sm">
            Limits
          </Title>
          <Group wrap="wrap">
            <NumberInput
              label="Key results per objective: at least"
              w={200}
              min={1}
              max={100}
              value={draft.minKeyResults}
              onChange={(v) => setLimit('minKeyResults', v)}
            />
            <NumberInput
              label="…and at most"
              w={140}
              min={1}
              max={100}
              value={draft.maxKeyResults}
              onChange={(v) => setLimit('maxKeyResults', v)}
            />
            <NumberInput
              label="Objectives per owner"
              w={170}
              min={1}
              max={100}
              value={draft.maxObjectivesPerOwner}
              onChange={(v) => setLimit('maxObjectivesPerOwner', v)}
            />
            <NumberInput
              label="Committed-only first cycles"
              w={200}
              min={0}
              max={20}
              value={draft.stretchPolicy?.committedOnlyCycles}
              onChange={(v) =>
                typeof v === 'number' && setDraft({ ...draft, stretchPolicy: { ...draft.stretchPolicy, committedOnlyCycles: v } })
              }
            />
            <NumberInput
              label="Max aspirational share (%)"
              w={200}
              min={0}
              max={100}
              value={Math.round((draft.stretchPolicy?.maxAspirationalShare ?? 0.3) * 100)}
              onChange={(v) =>
                typeof v === 'number' && setDraft({ ...draft, stretchPolicy: { ...draft.stretchPolicy, maxAspirationalShare: v / 100 } })
              }
            />
          </Group>
        </Card>
      )}
      <Stack gap="sm">
        {data.data.rules.map((rule) => {
          const setting = (draft.rules?.[rule.id] ?? rule.setting) as RuleSetting;
          return (
            <Card key={rule.id} withBorder padding="md" component="section" aria-label={rule.title}>
              <Group justify="space-between" align="flex-start">
                <div style={{ flex: 1, minWidth: 240 }}>
                  <Group gap="xs">
                    <Text fw={600}>{rule.title}</Text>
                    <Badge color={BADGE[setting]} variant="light">
                      {SETTINGS.find((s) => s.value === setting)?.label}
                    </Badge>
                  </Group>
                  <Text size="sm" mt={4}>
                    {rule.why}
                  </Text>
                  <Text size="sm" mt={6} c="red.9">
                    Weak: {rule.weakExample}
                  </Text>
                  <Text size="sm" c="teal.9">
                    Strong: {rule.strongExample}
                  </Text>
                </div>
                {isAdmin && (
                  <Select
                    aria-label={`Setting for ${rule.title}`}
                    w={170}
                    allowDeselect={false}
                    data={SETTINGS}
                    value={setting}
                    onChange={(value) => value && setDraft({ ...draft, rules: { ...draft.rules, [rule.id]: value as RuleSetting } })}
                  />
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      {isAdmin && (
        <Group>
          <Button onClick={save}>Save guiding principles</Button>
          {message && (
            <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} py={6}>
              {message.text}
            </Alert>
          )}
        </Group>
      )}
    </Stack>
  );
}
