// Mantine's Select alone, so that `SelectOnDemand` can fetch it (with Combobox, Popover and floating-ui) as its own chunk.
export { Select } from '@mantine/core';
