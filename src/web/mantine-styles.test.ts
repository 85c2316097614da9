import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const STYLES_DIR = 'node_modules/@mantine/core/styles';
const WEB_DIR = 'src/web';

/** Stylesheets a component needs beyond its own, because Mantine builds it from other components. */
const BUILT_FROM: Record<string, string[]> = {
  ActionIcon: ['UnstyledButton', 'Loader'],
  Autocomplete: ['Combobox', 'Input', 'ScrollArea', 'Popover'],
  Button: ['UnstyledButton', 'Loader'],
  Checkbox: ['CheckboxIndicator', 'InlineInput'],
  FileInput: ['Input'],
  Menu: ['Popover', 'UnstyledButton'],
  Modal: ['ModalBase', 'Overlay', 'CloseButton', 'Paper'],
  MultiSelect: ['Combobox', 'Input', 'Pill', 'PillsInput', 'ScrollArea', 'Popover'],
  NativeSelect: ['Input'],
  NumberInput: ['Input'],
  PasswordInput: ['Input', 'ActionIcon'],
  Radio: ['RadioIndicator', 'InlineInput'],
  SegmentedControl: ['FloatingIndicator'],
  Select: ['Combobox', 'Input', 'ScrollArea', 'Popover'],
  Switch: ['InlineInput'],
  TextInput: ['Input'],
  Textarea: ['Input'],
  Tooltip: ['Popover'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every value imported from @mantine/core anywhere in the web app. */
function importedComponents(): Set<string> {
  const names = new Set<string>();
  const pattern = /import\s*\{([^}]*)\}\s*from\s*'@mantine\/core'/g;
  for (const file of sourceFiles(WEB_DIR)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      for (const part of match[1]!.split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0]!;
        if (/^[A-Z]/.test(name)) names.add(name);
      }
    }
  }
  return names;
}

const imported = [...readFileSync(join(WEB_DIR, 'mantine-styles.ts'), 'utf8').matchAll(/'@mantine\/core\/styles\/([\w-]+)\.css'/g)].map(
  (m) => m[1]!,
);

describe('Mantine stylesheets imported per component', () => {
  it('covers every component the app uses and the components they are built from', () => {
    const needed = new Set<string>();
    for (const name of importedComponents()) {
      for (const sheet of [name, ...(BUILT_FROM[name] ?? [])]) if (existsSync(join(STYLES_DIR, `${sheet}.css`))) needed.add(sheet);
    }
    expect(needed.size).toBeGreaterThan(20);
    expect([...needed].filter((sheet) => !imported.includes(sheet)).sort()).toEqual([]);
  });

  it('keeps the global sheets first and the order of the whole stylesheet', () => {
    expect(imported.slice(0, 3)).toEqual(['baseline', 'default-css-variables', 'global']);
    const whole = readFileSync('node_modules/@mantine/core/styles.css', 'utf8');
    const positions = imported.map((sheet) =>
      whole.indexOf(
        readFileSync(join(STYLES_DIR, `${sheet}.css`), 'utf8')
          .trim()
          .slice(0, 200),
      ),
    );
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
