import { notifications } from '@mantine/notifications';
import { ApiError } from '../../api/client.js';

/** The rollout cards' one way to say a change was refused: the server's problem detail, as it named it. */
export const showRefusal = (title: string) => (e: unknown) =>
  notifications.show({ color: 'red', title, message: e instanceof ApiError ? e.message : String(e) });
