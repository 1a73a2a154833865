/** User-facing messages of the round module (merged into i18n/messages.ts). */
export const roundMessages = {} as const satisfies Record<string, { ko: string; en: string }>;
