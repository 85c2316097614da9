// Mantine's Modal alone, so that `ModalOnDemand` can fetch it (with its scroll lock and focus trap) as its own chunk.
export { Modal } from '@mantine/core';
