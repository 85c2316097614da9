import { Alert, Button, Group, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';

/** A labelled bullet list of short rows (links, files, initiatives, tokens): each row's pieces wrap on a phone. */
export function ItemList<T extends { id: string }>({ label, items, row }: { label: string; items: T[]; row: (item: T) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <ul aria-label={label} style={{ margin: 0, paddingLeft: '1.2rem' }}>
      {items.map((item) => (
        <li key={item.id}>
          <Group gap="xs" wrap="wrap" align="center">
            {row(item)}
          </Group>
        </li>
      ))}
    </ul>
  );
}

/** The small red action that ends a row: remove, revoke. */
export function RowAction({ label, onClick, children = 'Remove' }: { label: string; onClick: () => void; children?: ReactNode }) {
  return (
    <Button size="compact-xs" variant="subtle" color="red" c="red.9" aria-label={label} onClick={onClick}>
      {children}
    </Button>
  );
}

/** An add-form under a list: its error, its fields side by side (wrapping), and its buttons. */
export function AddForm(props: {
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | null | undefined;
  fields: ReactNode;
  actions: ReactNode;
}) {
  return (
    <form onSubmit={props.onSubmit} aria-label={props.label}>
      <Stack gap="xs">
        {props.error && (
          <Alert color="red" role="alert">
            {props.error}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          {props.fields}
        </Group>
        <Group gap="xs" wrap="wrap">
          {props.actions}
        </Group>
      </Stack>
    </form>
  );
}
