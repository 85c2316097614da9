import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState, type PointerEvent } from 'react';

type Props = Omit<TextInputProps, 'type' | 'value' | 'readOnly'> & { value: string; placeholder: string };

/**
 * A date field that becomes a native date input on first use. Chromium builds its first date input's controls
 * (and their first layout) in 35–45 ms of one task, which a page that only shows the field pays on every first
 * visit. Until pointed at or focused, an empty field is a read-only look-alike of the same size with the same label;
 * then the date input takes its place and the focus (and, on a touch screen, opens its picker, as a tap would).
 */
export function DateInputOnDemand({ value, placeholder, ...props }: Props) {
  const [wanted, setWanted] = useState<'focus' | 'touch' | 'value' | null>(null);
  // Once the date input is drawn (used, or given a day) it stays, whatever its value becomes.
  if (!wanted && value !== '') setWanted('value');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!wanted || wanted === 'value') return;
    // After the event that asked for it: a press's mousedown, right after the pointerdown that swapped the fields,
    // would otherwise move the focus to the page around the removed look-alike.
    const later = window.setTimeout(() => {
      const field = input.current;
      if (!field) return;
      field.focus();
      if (wanted === 'touch') {
        try {
          field.showPicker();
        } catch {
          // No picker once the gesture has expired (or without `showPicker`): the field has the focus.
        }
      }
    }, 0);
    return () => window.clearTimeout(later);
  }, [wanted]);
  if (wanted) return <TextInput {...props} key="date" ref={input} type="date" value={value} />;
  const use = (event: PointerEvent<HTMLInputElement>) => setWanted(event.pointerType === 'mouse' ? 'focus' : 'touch');
  return (
    // Its own key: a new element, not this one changed in place (Chromium leaves an input whose type changed while
    // focused without an active part, so typed digits went nowhere).
    <TextInput
      {...props}
      key="look-alike"
      readOnly
      value=""
      placeholder={placeholder}
      onChange={undefined}
      onPointerDown={use}
      onFocus={() => setWanted((w) => w ?? 'focus')}
    />
  );
}
