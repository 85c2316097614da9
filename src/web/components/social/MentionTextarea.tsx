import { Combobox, Textarea, useCombobox, VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useListOnDemand } from '../on-demand/dropdown-on-open.js';
import { matchingPeople, typedMention, type Person } from './mention-text.js';

interface Props {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** Everyone who can be mentioned. */
  people: Person[];
  /** Called with each person picked from the suggestions. */
  onMention: (person: Person) => void;
  error?: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Called when the box is first pointed at or focused: the people to mention can be asked for then. */
  onEngage?: () => void;
  /** Takes the focus when drawn: it replaces a plain box the keyboard had just focused (CommentForm). */
  focusOnMount?: boolean;
}

/**
 * A textarea that offers people when you type `@`: arrow keys and Enter (or a click) pick one,
 * Escape closes the list. Picking writes `@Name`; the parent turns it into a mention on submit.
 */
export function MentionTextarea({
  label,
  value,
  onChange,
  people,
  onMention,
  error,
  placeholder,
  autoFocus,
  onEngage,
  focusOnMount,
}: Props) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  // The suggestions' (hidden, empty) list is not mounted before the box is pointed at or focused: mounted, floating-ui
  // positioned it at once, a forced style and layout pass in the comment form's first task below an objective.
  const list = useListOnDemand(onEngage);
  const ref = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const [typed, setTyped] = useState<{ start: number; query: string } | null>(null);
  const options = typed ? matchingPeople(people, typed.query) : [];

  const update = (text: string, caret: number) => {
    onChange(text);
    const next = typedMention(text, caret);
    setTyped(next);
    if (next && matchingPeople(people, next.query).length > 0) combobox.openDropdown();
    else combobox.closeDropdown();
  };
  // In the commit that draws it: a key pressed just after must not find the focus nowhere. What was typed in the plain
  // box before this one arrived may end in an `@name`: it is offered as if typed here.
  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!focusOnMount || !textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    const next = typedMention(textarea.value, textarea.value.length);
    setTyped(next);
    if (next && matchingPeople(people, next.query).length > 0) combobox.openDropdown();
  }, []);
  // People asked for on first use may arrive after an `@name` was typed: offer them then.
  useEffect(() => {
    if (typed && matchingPeople(people, typed.query).length > 0) combobox.openDropdown();
  }, [people.length]);
  // Enter picks the first match without arrowing to it; the options exist only after this render.
  const query = typed?.query;
  useEffect(() => {
    if (query !== undefined) combobox.selectFirstOption();
  }, [query, combobox.dropdownOpened]);

  const pick = (id: string) => {
    const person = people.find((p) => p.id === id);
    const textarea = ref.current;
    if (!person || !typed || !textarea) return;
    const caret = textarea.selectionStart ?? value.length;
    const text = `${value.slice(0, typed.start)}@${person.name} ${value.slice(caret)}`;
    const at = typed.start + person.name.length + 2;
    onChange(text);
    onMention(person);
    setTyped(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(at, at);
    });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal={false} {...list.comboboxProps}>
      <Combobox.Target>
        <Textarea
          ref={ref}
          label={label}
          value={value}
          placeholder={placeholder}
          error={error}
          autosize
          minRows={2}
          data-autofocus={autoFocus || undefined}
          aria-describedby={hintId}
          onChange={(event) => update(event.currentTarget.value, event.currentTarget.selectionStart ?? event.currentTarget.value.length)}
          onBlur={() => combobox.closeDropdown()}
          onPointerEnter={() => {
            list.onPointerEnter();
            onEngage?.();
          }}
          onFocus={list.onFocus}
        />
      </Combobox.Target>
      <VisuallyHidden id={hintId}>Type @ and a name to mention someone.</VisuallyHidden>
      <VisuallyHidden aria-live="polite">
        {combobox.dropdownOpened
          ? `${options.length} ${options.length === 1 ? 'person matches' : 'people match'}: use the arrow keys and Enter to mention.`
          : ''}
      </VisuallyHidden>
      <Combobox.Dropdown>
        <Combobox.Options aria-label="People to mention">
          {options.map((person) => (
            <Combobox.Option value={person.id} key={person.id}>
              {person.name}
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
