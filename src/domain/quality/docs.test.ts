/**
 * docs/quality-rules.md is the catalogue users read: it must list every rule
 * with its current title and default severity, and its guiding-principles
 * example must be what describePrinciples really says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUALITY_RULES } from './catalogue.js';
import { describePrinciples } from './describe-principles.js';

const doc = readFileSync(new URL('../../../docs/quality-rules.md', import.meta.url), 'utf8');

describe('docs/quality-rules.md', () => {
  it.each(QUALITY_RULES.map((rule) => [rule.id, rule] as const))('documents %s', (id, rule) => {
    const section = doc.split(/^### /m).find((part) => part.startsWith(`\`${id}\`:`));
    expect(section, `no section for ${id}`).toBeDefined();
    expect(section).toContain(`\`${id}\`: ${rule.title}\n`);
    expect(section).toContain(`**Default: ${rule.defaultSeverity}.**`);
    expect(section).toMatch(/- Weak: .+\n/);
    expect(section).toMatch(/- Strong: .+\n/);
  });

  it('lists the rules in catalogue order', () => {
    const ids = [...doc.matchAll(/^### `([a-z-]+)`/gm)].map((match) => match[1]);
    expect(ids).toEqual(QUALITY_RULES.map((rule) => rule.id));
  });

  it('shows the guiding-principles example as describePrinciples words it', () => {
    const lines = describePrinciples({
      rules: { 'owner-overloaded': 'block', 'missing-why-urgent': 'off' },
      maxKeyResults: 4,
    });
    for (const line of lines) expect(doc).toContain(`- ${line}\n`);
  });
});
