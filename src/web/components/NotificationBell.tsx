/** Placeholder for the header's notification bell (issue 5 work fills it in). */
export function NotificationBell() {
  return null;
}
