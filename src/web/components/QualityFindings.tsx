import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { Finding, FindingAction, Severity } from '../../domain/quality/index.js';
import type { RuleCard } from '../api/quality.js';

const COLOR: Record<Severity, string> = { block: 'red', warn: 'yellow', tip: 'blue' };
const LABEL: Record<Severity, string> = { block: 'Must fix', warn: 'Consider', tip: 'Tip' };
/** Long button labels wrap on narrow screens rather than being cut. */
const WRAPPING = { label: { whiteSpace: 'normal', textAlign: 'left', paddingBlock: 2 } } as const;

/**
 * The coach's findings; each opens its rule card below it: why it matters, a weak and a strong example. A disclosure
 * rather than a popover: it fits a phone's width, and the page draws no floating layer for each finding.
 */
export function QualityFindings({
  findings,
  rules,
  score,
  onAction,
  actionLabel = (action) => `Draft “${action.title}”`,
}: {
  findings: readonly Finding[];
  rules: RuleCard[];
  score?: number;
  onAction?: (action: FindingAction) => void;
  /** The label of an offered action's button (the coach says what; the page knows the names). */
  actionLabel?: (action: FindingAction) => string;
}) {
  const rule = new Map(rules.map((r) => [r.id, r]));
  if (findings.length === 0) {
    return (
      <Alert color="teal" title="Quality coach" data-testid="quality-findings">
        No findings: this follows your organisation's guiding principles.
      </Alert>
    );
  }
  return (
    <Stack gap={6} data-testid="quality-findings" aria-live="polite">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          Quality coach
        </Text>
        {score !== undefined && (
          <Badge variant="light" color={score >= 80 ? 'teal' : score >= 50 ? 'yellow' : 'red'}>
            Quality {score}/100
          </Badge>
        )}
      </Group>
      {findings.map((f, i) => (
        <FindingRow
          key={`${f.ruleId}-${f.field}-${i}`}
          finding={f}
          card={rule.get(f.ruleId)}
          onAction={onAction}
          actionLabel={actionLabel}
        />
      ))}
    </Stack>
  );
}

function FindingRow({
  finding: f,
  card,
  onAction,
  actionLabel,
}: {
  finding: Finding;
  card: RuleCard | undefined;
  onAction?: (action: FindingAction) => void;
  actionLabel: (action: FindingAction) => string;
}) {
  const [open, setOpen] = useState(false);
  const cardId = useId();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-rule={f.ruleId}>
      <Badge color={COLOR[f.severity]} variant="light" miw={84} style={{ flexShrink: 0 }}>
        {LABEL[f.severity]}
      </Badge>
      {/* minWidth 0 lets the text wrap at 375 px instead of running out of the card. */}
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm">{f.message}</Text>
        {f.suggestion && (
          <Text size="xs" c="dimmed">
            {f.suggestion}
          </Text>
        )}
        <Group gap="xs">
          {card && (
            <Button
              variant="subtle"
              size="compact-xs"
              h="auto"
              maw="100%"
              styles={WRAPPING}
              aria-expanded={open}
              aria-controls={open ? cardId : undefined}
              onClick={() => setOpen((was) => !was)}
            >
              Why? {card.title}
            </Button>
          )}
          {f.action && onAction && (
            <Button size="compact-xs" variant="light" h="auto" maw="100%" styles={WRAPPING} onClick={() => onAction(f.action!)}>
              {actionLabel(f.action)}
            </Button>
          )}
        </Group>
        {card && open && (
          <Paper id={cardId} withBorder p="xs" mt={4}>
            <Text fw={600} size="sm">
              {card.title}
            </Text>
            <Text size="sm" mt={4}>
              {card.why}
            </Text>
            <Text size="sm" mt="xs" c="red.9">
              Weak: {card.weakExample}
            </Text>
            <Text size="sm" c="teal.9">
              Strong: {card.strongExample}
            </Text>
          </Paper>
        )}
      </Stack>
    </Group>
  );
}
