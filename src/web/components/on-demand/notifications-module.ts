// Mantine's notifications container alone, fetched by `NotificationsOnDemand` as its own chunk.
export { Notifications } from '@mantine/notifications';
