// i18n keys of the notification enums (event names contain dots, which i18next reads as nesting).
export const eventLabelKey = (event: string) => `notifications.event.${event.replace('.', '_')}`;

export const STATUS_COLORS: Record<string, string> = {
  pending: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'orange',
  dead: 'red',
};
