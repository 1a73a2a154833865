/** User-facing messages of the credit bank (merged into i18n/messages.ts). */
export const creditMessages = {} as const satisfies Record<string, { ko: string; en: string }>;
