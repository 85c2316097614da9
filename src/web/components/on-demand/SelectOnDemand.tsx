import { TextInput, type SelectProps } from '@mantine/core';
import { Suspense, useState } from 'react';
import { lazyNamed } from '../../routing/lazy-named.js';

const Select = lazyNamed<SelectProps, 'Select'>(() => import('./select-module.js'), 'Select');
const loadSelect = () => void import('./select-module.js');

type Props = SelectProps & {
  label: string;
  placeholder: string;
  /** Called when the look-alike is first pressed or focused: the moment to ask for the options. */
  onUse?: () => void;
};

/**
 * A Select whose code (Combobox, Popover, floating-ui: about 30 KB compressed) is fetched when it is first used.
 * Until then an empty one is drawn as a read-only look-alike of the same size, label and chevron; a pointer coming
 * over it starts the download, and pressing or focusing it swaps in the real Select, focused (and opened when
 * pressed). With a value it is the real Select from the start, and stays so.
 */
export function SelectOnDemand({ onUse, ...props }: Props) {
  const [used, setUsed] = useState<'focus' | 'press' | 'value' | null>(null);
  // Once the real Select is drawn (used, or given a value) it stays: clearing its value must not swap the look-alike
  // back under the focus.
  if (!used && (props.value ?? null) !== null) setUsed('value');
  const use = (how: 'focus' | 'press') => {
    onUse?.();
    setUsed((u) => u ?? how);
  };
  const lookAlike = (
    <TextInput
      key="look-alike"
      label={props.label}
      description={props.description}
      placeholder={props.placeholder}
      w={props.w}
      size={props.size}
      readOnly
      pointer
      aria-haspopup="listbox"
      rightSection={<Chevron />}
      rightSectionPointerEvents="none"
      onPointerEnter={loadSelect}
      onPointerDown={() => use('press')}
      onFocus={() => use('focus')}
    />
  );
  if (!used) return lookAlike;
  return (
    <Suspense fallback={lookAlike}>
      <Select key="select" {...props} autoFocus={used !== 'value'} defaultDropdownOpened={used === 'press'} />
    </Suspense>
  );
}

/** Mantine's Select chevron, drawn without the Combobox module. */
function Chevron() {
  return (
    <svg width="18" height="18" viewBox="0 0 15 15" fill="none" aria-hidden="true" style={{ color: 'var(--mantine-color-gray-7)' }}>
      <path
        d="M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z"
        fill="currentColor"
        fillRule="evenodd"
        clipRule="evenodd"
      />
    </svg>
  );
}
