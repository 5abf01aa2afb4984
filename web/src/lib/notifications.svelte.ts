import { notificationsApi } from './api';
import { onConnection } from './realtime/socket.svelte';

let unread = $state(0);

export const notificationBadge = {
  get unread(): number {
    return unread;
  },
  set unread(value: number) {
    unread = value;
  },
};

export async function refreshUnread(): Promise<void> {
  try {
    unread = (await notificationsApi.unreadCount()).unread;
  } catch {
    // Polling failures are silent; the next poll will try again.
  }
}

// The bell updates live: the server pushes each new notification over the socket as it is committed.
onConnection((s) => {
  const onNotification = () => {
    unread += 1;
  };
  s.on('notification', onNotification);
  return () => s.off('notification', onNotification);
});
