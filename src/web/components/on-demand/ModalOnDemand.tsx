import { lazyNamed } from '../../routing/lazy-named.js';

/**
 * Mantine's Modal, fetched the first time one renders. Pages that list cards with dialogs render it inside
 * `OnceOpened`, so a visit that opens no dialog downloads none of it.
 */
export const ModalOnDemand = lazyNamed(() => import('./modal-module.js'), 'Modal');
