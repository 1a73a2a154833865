/** User-facing messages of the catalogue module (merged into i18n/messages.ts). */
export const catalogMessages = {} as const satisfies Record<string, { ko: string; en: string }>;
