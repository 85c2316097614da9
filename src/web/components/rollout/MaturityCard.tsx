import { Badge, Button, Card, Group, List, Text, Title } from '@mantine/core';
import { useApiMutation } from '../../api/queries.js';
import { maturityKey, moveMaturity, useMaturity, type Maturity } from '../../api/rollout.js';
import { showRefusal } from './mutation-feedback.js';

const FIGURE_NAMES: Record<Maturity['criteria'][number]['figure'], string> = {
  involvement: 'Members involved in a published objective',
  onTimeCheckIns: 'On-time check-ins',
  averageQuality: 'Average quality score',
};
const GATE: Record<Maturity['preset']['gate'], string> = {
  strict: 'aspirational objectives are blocked at publication',
  standard: 'too many aspirational objectives are a warning',
  lenient: 'the stretch policy is only a tip',
};

const shown = (figure: string, value: number | null) =>
  value === null ? 'no data yet' : figure === 'averageQuality' ? String(Math.round(value)) : `${Math.round(value * 100)} %`;

/** The maturity level, what it sets, whether adoption qualifies for the next; owners and admins move it. */
export function MaturityCard({ mayMove }: { mayMove: boolean }) {
  const maturity = useMaturity(true);
  const move = useApiMutation(moveMaturity, [maturityKey, ['quality']]);
  const m = maturity.data;
  if (!m) return null;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Maturity
        </Title>
        <Badge>{m.level}</Badge>
      </Group>
      <Text size="sm">
        {`At most ${m.preset.maxKeyResults} key results per objective; aspirational objectives up to ${Math.round(m.preset.maxAspirationalShare * 100)} % of a cycle; ${GATE[m.preset.gate]}.`}
      </Text>
      {m.next && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {m.qualifies ? `The last four weeks qualify for ${m.next}.` : `Not yet ready for ${m.next} (last four weeks):`}
          </Text>
          <List size="sm" aria-label={`What ${m.next} needs`}>
            {m.criteria.map((c) => (
              <List.Item key={c.figure}>
                {`${FIGURE_NAMES[c.figure]}: ${shown(c.figure, c.actual)} of ${shown(c.figure, c.needed)} needed${c.met ? ' ✓' : ''}`}
              </List.Item>
            ))}
          </List>
          {mayMove && (
            <Button
              mt="sm"
              variant={m.qualifies ? 'filled' : 'light'}
              loading={move.isPending}
              onClick={() => m.next && move.mutate(m.next, { onError: showRefusal('Level not moved') })}
            >
              {`Move to ${m.next}`}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
