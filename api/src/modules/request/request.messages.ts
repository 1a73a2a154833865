/** User-facing messages of the request and demand module (merged into i18n/messages.ts). */
export const requestMessages = {} as const satisfies Record<string, { ko: string; en: string }>;
